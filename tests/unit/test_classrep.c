/* test_classrep.c: the class report's numbers against their formulas.
 *
 * A class of five learners takes a real module (written to a temporary
 * modules folder, loaded by the loader, recorded through the learning
 * session's store calls); one of them takes it twice. The expected
 * facility and discrimination are computed here from the answers the test
 * chose, with the raw-sums form of Pearson's correlation, not with the
 * program's stats.c, so a mistake in either shows. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

#include "format/loader.h"
#include "learn/grade.h"
#include "learn/session.h"
#include "records/classrep.h"
#include "records/stats.h"
#include "store/store.h"

static const char module_yaml[] =
	"lectern: 1\n"
	"id: class-test\n"
	"title: Class test\n"
	"version: \"1\"\n"
	"pass_mark: 60\n"
	"navigation: free\n"
	"slides:\n"
	"  - title: Welcome\n"
	"    body: Read this.\n"
	"  - id: q1\n"
	"    question: Which one?\n"
	"    choices:\n"
	"      - text: A\n"
	"      - text: B\n"
	"        correct: true\n"
	"      - text: C\n"
	"  - id: q2\n"
	"    question: Is it so?\n"
	"    type: true-false\n"
	"    answer: true\n"
	"  - id: q3\n"
	"    question: And this one?\n"
	"    choices:\n"
	"      - text: X\n"
	"        correct: true\n"
	"      - text: Y\n"
	"  - id: practice\n"
	"    question: Warm-up?\n"
	"    points: 0\n"
	"    choices:\n"
	"      - text: Yes\n"
	"        correct: true\n"
	"      - text: No\n";

static char tmp[256];

static char *
path_in(const char *rel)
{
	static char buf[4][512];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", tmp, rel);
	return buf[k];
}

static int
setup(void **state)
{
	FILE *fp;

	(void)state;
	snprintf(tmp, sizeof tmp, "%s", "/tmp/lectern-test-classrep-XXXXXX");
	if (!mkdtemp(tmp) || mkdir(path_in("modules"), 0700) != 0 ||
	    mkdir(path_in("modules/class-test"), 0700) != 0 ||
	    !(fp = fopen(path_in("modules/class-test/module.yaml"), "w")))
		return -1;
	fputs(module_yaml, fp);
	return fclose(fp) == 0 ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[700];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	return system(cmd) == 0 ? 0 : -1;
}

/* what one learner does: responses to q1, q2, q3, practice (NULL: not
 * answered), the seconds spent, and whether a second attempt follows with
 * other responses */
typedef struct {
	const char *name;
	const char *r[4];
	long secs;
	const char *again[4];  /* a retake's responses, or all NULL */
} take;

static const take class_takes[] = {
	{ "ana",   { "1", "true", "0", "0" }, 600, { NULL } },      /* 3/3 */
	{ "ben",   { "1", "true", "1", NULL }, 300, { NULL } },     /* 2/3 */
	{ "chloe", { "0", "true", "1", "1" }, 900, { NULL } },      /* 1/3 */
	{ "dara",  { "2", "false", "1", "0" }, 1200, { NULL } },    /* 0/3 */
	{ "eli",   { "0", "false", "0", NULL }, 450,                /* 1/3 */
	           { "1", "true", "1", NULL } },                    /* then 2/3 */
};
enum { NTAKES = 5 };

static const char *const qids[4] = { "q1", "q2", "q3", "practice" };
static const int qslide[4] = { 1, 2, 3, 4 };

static void
run_attempt(store *st, long who, const mod_module *m, store_progress *p,
            const char *const r[4])
{
	int k, i;

	for (i = 0; i < m->nslides; i++)
		store_visit(st, who, m, p, i);
	for (k = 0; k < 4; k++) {
		const mod_slide *q = &m->slides[qslide[k]];

		if (!r[k])
			continue;
		assert_int_equal(store_answer(st, who, m, p, qslide[k], r[k],
		                              grade_judge(q, r[k]) == 1, grade_points(q, r[k])), 0);
	}
	assert_int_equal(ses_record_finish(st, who, m, p), 0);
}

static void
fill_class(void)
{
	diag_list dl = { 0 };
	mod_module *m = loader_load(path_in("modules/class-test"), &dl);
	store *st = store_open(path_in("data"), NULL);
	int t;

	assert_non_null(m);
	for (t = 0; t < NTAKES; t++) {
		store_progress p;
		long who = store_learner(st, class_takes[t].name);

		assert_true(who >= 0);
		assert_int_equal(store_begin(st, who, m, grade_judge, &p), 0);
		store_add_time(st, who, m, &p, class_takes[t].secs);
		run_attempt(st, who, m, &p, class_takes[t].r);
		if (class_takes[t].again[0]) {
			assert_int_equal(store_retake(st, who, m, &p), 0);
			run_attempt(st, who, m, &p, class_takes[t].again);
		}
		assert_int_equal(store_leave(st, who, m, &p), 0);
		store_progress_free(&p);
	}
	store_close(st);
	mod_free(m);
	diag_free(&dl);
}

/* ------------------------------------------------------------ formulas */

/* Pearson's r by raw sums: (nSxy - SxSy) / sqrt((nSxx - Sx^2)(nSyy - Sy^2)) */
static double
pearson_raw(const double *x, const double *y, int n)
{
	double sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0, den;
	int i;

	for (i = 0; i < n; i++) {
		sx += x[i];
		sy += y[i];
		sxy += x[i] * y[i];
		sxx += x[i] * x[i];
		syy += y[i] * y[i];
	}
	den = (n * sxx - sx * sx) * (n * syy - sy * sy);
	return den > 0 ? (n * sxy - sx * sy) / sqrt(den) : NAN;
}

/* the score of each graded question (0 or 1) in each of the six attempts */
static void
attempt_scores(double s[6][3])
{
	diag_list dl = { 0 };
	mod_module *m = loader_load(path_in("modules/class-test"), &dl);
	int t, k, a = 0;

	for (t = 0; t < NTAKES; t++) {
		for (k = 0; k < 3; k++)
			s[a][k] = grade_judge(&m->slides[qslide[k]], class_takes[t].r[k]) == 1;
		a++;
		if (class_takes[t].again[0]) {
			for (k = 0; k < 3; k++)
				s[a][k] = grade_judge(&m->slides[qslide[k]], class_takes[t].again[k]) == 1;
			a++;
		}
	}
	mod_free(m);
	diag_free(&dl);
}

static const crep_question *
question(const crep_module *cm, const char *id)
{
	int i;

	for (i = 0; i < cm->nq; i++)
		if (strcmp(cm->qs[i].id, id) == 0)
			return &cm->qs[i];
	fail_msg("no question %s in the report", id);
	return NULL;
}

static void
build(crep_report *rep, const char *module, const char *learner, const char *since,
      int expect)
{
	rep_ctx r;
	char err[256] = "";

	memset(&r, 0, sizeof r);
	r.st = store_open(path_in("data"), NULL);
	r.modules_dir = path_in("modules");
	assert_int_equal(crep_build(rep, &r, module, learner, since, err, sizeof err), expect);
	store_close(r.st);
}

/* ------------------------------------------------------------ tests */

static void
test_numbers_match_formulas(void **state)
{
	crep_report rep;
	const crep_module *cm;
	double s[6][3], item[6], rest[6];
	int k, a;

	(void)state;
	fill_class();
	attempt_scores(s);
	build(&rep, NULL, NULL, NULL, 0);
	assert_int_equal(rep.nmods, 1);
	cm = &rep.mods[0];
	assert_string_equal(cm->id, "class-test");
	assert_non_null(cm->m);
	assert_int_equal(cm->started, 5);
	assert_int_equal(cm->finished, 5);
	/* latest scores: 100, 66, 33, 0, 66 against a pass mark of 60 */
	assert_int_equal(cm->passed, 3);
	assert_int_equal(cm->failed, 2);
	assert_int_equal(cm->scored, 5);
	assert_int_equal(cm->hist[0], 1);
	assert_int_equal(cm->hist[3], 1);
	assert_int_equal(cm->hist[6], 2);
	assert_int_equal(cm->hist[9], 1);
	assert_int_equal(cm->attempts, 6);
	assert_int_equal(cm->graded_attempts, 6);
	/* times 300 450 600 900 1200: median 600 */
	assert_true(fabs(cm->time_median - 600) < 1e-9);
	assert_int_equal(cm->time_min, 300);
	assert_int_equal(cm->time_max, 1200);

	for (k = 0; k < 3; k++) {
		const crep_question *cq = question(cm, qids[k]);
		double right = 0;

		for (a = 0; a < 6; a++) {
			item[a] = s[a][k];
			rest[a] = s[a][0] + s[a][1] + s[a][2] - s[a][k];
			right += s[a][k];
		}
		assert_int_equal(cq->number, k + 1);
		assert_int_equal(cq->answers, 6);
		assert_true(fabs(cq->facility - right / 6) < 1e-9);
		if (isnan(pearson_raw(item, rest, 6)))
			assert_true(isnan(cq->discrimination));
		else
			assert_true(fabs(cq->discrimination - pearson_raw(item, rest, 6)) < 1e-9);
	}
	/* q1: choices A B C chosen 2, 3, 1 times over the six attempts */
	{
		const crep_question *cq = question(cm, "q1");

		assert_int_equal(cq->nopt, 3);
		assert_int_equal(cq->opt[0].count, 2);
		assert_int_equal(cq->opt[1].count, 3);
		assert_true(cq->opt[1].correct);
		assert_int_equal(cq->opt[2].count, 1);
	}
	/* the practice question: answered, not graded, no statistics */
	{
		const crep_question *cq = question(cm, "practice");

		assert_int_equal(cq->number, 0);
		assert_int_equal(cq->answers, 3);
		assert_true(isnan(cq->facility));
		assert_true(isnan(cq->discrimination));
	}
	crep_free(&rep);
}

static void
test_filters(void **state)
{
	crep_report rep;
	const crep_question *cq;

	(void)state;
	fill_class();
	build(&rep, NULL, "eli", NULL, 0);
	assert_int_equal(rep.nmods, 1);
	assert_int_equal(rep.mods[0].nlearners, 1);
	cq = question(&rep.mods[0], "q1");
	assert_int_equal(cq->answers, 2); /* both of eli's attempts */
	assert_true(fabs(cq->facility - 0.5) < 1e-9);
	crep_free(&rep);

	build(&rep, NULL, "nobody", NULL, -1);
	crep_free(&rep);
	build(&rep, "no-such-module", NULL, NULL, -1);
	crep_free(&rep);
	build(&rep, NULL, NULL, "2024-02-30", -1);
	crep_free(&rep);
	/* everything happened just now: nothing since tomorrow */
	build(&rep, NULL, NULL, "2999-01-01", 0);
	assert_int_equal(rep.nmods, 0);
	crep_free(&rep);
}

static void
test_stats_edges(void **state)
{
	double same[3] = { 1, 1, 1 }, tot[3] = { 1, 2, 3 }, odd[5] = { 5, 1, 4, 2, 3 };
	double even[4] = { 4, 1, 3, 2 };
	int pct[6] = { 0, 9, 10, 99, 100, 101 }, bins[STAT_BINS];

	(void)state;
	/* everyone right: the question says nothing about who knows more */
	assert_true(isnan(stat_discrimination(same, tot, 3)));
	assert_true(isnan(stat_correlation(same, tot, 1)));
	assert_true(isnan(stat_mean(same, 0)));
	assert_true(fabs(stat_median(odd, 5) - 3) < 1e-12);
	assert_true(fabs(stat_median(even, 4) - 2.5) < 1e-12);
	stat_histogram(pct, 6, bins);
	assert_int_equal(bins[0], 2);
	assert_int_equal(bins[1], 1);
	assert_int_equal(bins[9], 2); /* 99 and 100; 101 is nowhere */
}

static void
test_iso_time(void **state)
{
	store *st;
	char out[40];

	(void)state;
	st = store_open(path_in("data2"), NULL);
	assert_int_equal(store_iso_time(st, "2024-02-29", out, sizeof out), 0);
	assert_string_equal(out, "2024-02-29T00:00:00.000Z");
	assert_int_equal(store_iso_time(st, "2024-05-31T14:00:00Z", out, sizeof out), 0);
	assert_string_equal(out, "2024-05-31T14:00:00.000Z");
	assert_int_equal(store_iso_time(st, "2024-02-30", out, sizeof out), -1);
	assert_int_equal(store_iso_time(st, "2023-02-29", out, sizeof out), -1);
	assert_int_equal(store_iso_time(st, "yesterday", out, sizeof out), -1);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_numbers_match_formulas, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filters, setup, teardown),
		cmocka_unit_test(test_stats_edges),
		cmocka_unit_test_setup_teardown(test_iso_time, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
