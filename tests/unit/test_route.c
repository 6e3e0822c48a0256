/* test_route.c: the learner's route through branching modules (route.h):
 * the counter a learner sees slide by slide in gifts-and-conflicts (never a
 * jump, never a slide of a branch not taken), the contents hiding the
 * consequences of a decision not yet taken, nested and converging
 * decisions, and `lectern progress` counting the same route from the
 * store. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format/loader.h"
#include "learn/route.h"
#include "learn/session.h"
#include "records/report.h"
#include "store/store.h"

static mod_module *
load_file(const char *rel)
{
	char path[512];
	diag_list dl = { 0 };
	mod_module *m;

	snprintf(path, sizeof path, "%s/%s", LT_SRCDIR, rel);
	m = loader_load(path, &dl);
	if (!m)
		diag_print(&dl, stderr);
	assert_non_null(m);
	diag_free(&dl);
	return m;
}

static mod_module *
load_text(const char *yaml)
{
	diag_list dl = { 0 };
	mod_module *m = loader_load_buf("route.yaml", NULL, yaml, strlen(yaml), &dl);

	if (!m)
		diag_print(&dl, stderr);
	assert_non_null(m);
	diag_free(&dl);
	return m;
}

/* the position of the choice whose goto is slide id at the current
 * decision. */
static int
choice_to(ses_session *s, const mod_module *m, const char *id)
{
	const ses_question *q = ses_q(s, ses_current(s));
	int k, want = mod_find_slide(m, id);

	for (k = 0; k < q->n; k++)
		if (m->slides[ses_current(s)].choices[q->shown[k]].go_to_index == want)
			return k;
	fail_msg("no choice leads to %s", id);
	return -1;
}

/* answer the current question (anything will do) so Next is allowed;
 * decisions go to the slide called branch. */
static void
answer(ses_session *s, const mod_module *m, const char *branch)
{
	const mod_slide *q = &m->slides[ses_current(s)];

	if (q->qtype == Q_NONE)
		return;
	if (q->qtype == Q_DECISION)
		ses_pick(s, choice_to(s, m, branch));
	else if (q->qtype == Q_SHORT)
		ses_text_insert(s, "conflict");
	else
		ses_pick(s, 0);
	while (ses_check(s) == SES_CHECK_RETRY)
		ses_try_again(s);
}

/* walk gifts-and-conflicts taking branch1 then branch2; the counter must
 * go up by one at every Next and its total never change once both
 * decisions are taken; returns the last place. */
static int
walk_gifts(ses_session *s, const mod_module *m, const char *b1, const char *b2,
           int *totals_seen)
{
	int place, total, last = 0, prev_total = 0, r;

	for (;;) {
		const char *id = m->slides[ses_current(s)].id;

		ses_counter(s, &place, &total);
		assert_int_equal(place, last + 1);  /* no jump */
		assert_true(total >= place);
		assert_true(total < m->nslides);    /* the branches not taken never count */
		if (prev_total && prev_total != total)
			(*totals_seen)++;
		prev_total = total;
		last = place;
		answer(s, m, strncmp(id, "festival", 8) == 0 ? b1 : b2);
		r = ses_next(s);
		if (r == SES_FINISHED)
			break;
		assert_int_equal(r, SES_MOVED);
	}
	ses_counter(s, &place, &total);
	assert_int_equal(last, total); /* ends at "N of N" */
	return last;
}

static void
test_gifts_counter(void **state)
{
	mod_module *m = load_file("modules/gifts-and-conflicts.yaml");
	ses_session *s = ses_open(m, NULL, 1);
	int changes = 0, n, place, total;

	(void)state;
	assert_int_equal(m->nslides, 22);
	/* before any decision: the shortest route (every branch is one slide) */
	ses_counter(s, &place, &total);
	assert_int_equal(place, 1);
	assert_int_equal(total, 18);
	n = walk_gifts(s, m, "festival-return", "family-declare", &changes);
	assert_int_equal(n, 18);
	assert_int_equal(changes, 0);
	assert_int_equal(ses_slides_seen(s), 18);
	ses_close(s);
	mod_free(m);
}

/* the contents of gifts-and-conflicts: consequences appear as chosen. */
static void
test_gifts_contents(void **state)
{
	mod_module *m = load_file("modules/gifts-and-conflicts.yaml");
	ses_session *s = ses_open(m, NULL, 1);
	const char *hidden[] = { "festival-return", "festival-half", "festival-keep",
	                         "family-declare", "family-strict", "family-swap" };
	const char *shown[] = { "welcome", "festival", "festival-lesson", "family",
	                        "family-lesson", "q-declare", "sources" };
	size_t k;

	(void)state;
	for (k = 0; k < sizeof hidden / sizeof *hidden; k++)
		assert_false(ses_toc(s, mod_find_slide(m, hidden[k])).listed);
	for (k = 0; k < sizeof shown / sizeof *shown; k++)
		assert_true(ses_toc(s, mod_find_slide(m, shown[k])).listed);
	/* take the festival decision: only its chosen consequence appears */
	while (strcmp(m->slides[ses_current(s)].id, "festival") != 0) {
		answer(s, m, NULL);
		assert_int_equal(ses_next(s), SES_MOVED);
	}
	answer(s, m, "festival-keep");
	assert_true(ses_toc(s, mod_find_slide(m, "festival-keep")).listed);
	assert_false(ses_toc(s, mod_find_slide(m, "festival-return")).listed);
	assert_false(ses_toc(s, mod_find_slide(m, "festival-half")).listed);
	assert_false(ses_toc(s, mod_find_slide(m, "family-swap")).listed);
	/* and it is not reachable before it is seen (linear) */
	assert_false(ses_toc(s, mod_find_slide(m, "festival-keep")).reachable);
	ses_close(s);
	mod_free(m);
}

/* a longer branch makes the total grow once, when chosen, and never
 * before; free navigation into a branch counts the way to it. */
static const char nested_yaml[] =
	"lectern: 1\n"
	"id: nested\n"
	"title: Nested\n"
	"navigation: free\n"
	"slides:\n"
	"  - {id: a, title: A, body: x}\n"
	"  - id: d1\n"
	"    type: decision\n"
	"    question: One?\n"
	"    choices:\n"
	"      - {text: short, goto: s1, correct: true}\n"
	"      - {text: long, goto: l1}\n"
	"  - {id: s1, title: S1, body: x, next: d2}\n"
	"  - {id: l1, title: L1, body: x}\n"
	"  - {id: l2, title: L2, body: x}\n"
	"  - {id: l3, title: L3, body: x, next: d2}\n"
	"  - id: d2\n"
	"    type: decision\n"
	"    question: Two?\n"
	"    choices:\n"
	"      - {text: x, goto: x1, correct: true}\n"
	"      - {text: y, goto: y1}\n"
	"      - {text: same, goto: x1}\n"
	"  - {id: x1, title: X1, body: x, next: z}\n"
	"  - {id: y1, title: Y1, body: x}\n"
	"  - {id: z, title: Z, body: x, next: end}\n"
	"  - {id: never, title: Never, body: x}\n";

static void
test_nested_route(void **state)
{
	mod_module *m = load_text(nested_yaml);
	const char *resp[11] = { NULL };
	char d1[8], d2[8];
	route r;

	(void)state;
	assert_int_equal(m->nslides, 11);
	route_compute(&r, m, resp, NULL);
	/* a, d1, s1, d2, x1|y1, z */
	assert_int_equal(r.npath, 6);
	assert_true(r.listed[mod_find_slide(m, "d2")]);  /* both branches meet */
	assert_true(r.listed[mod_find_slide(m, "z")]);
	assert_false(r.listed[mod_find_slide(m, "s1")]);
	assert_false(r.listed[mod_find_slide(m, "l2")]);
	assert_false(r.listed[mod_find_slide(m, "x1")]);
	assert_false(r.listed[mod_find_slide(m, "y1")]);
	assert_false(r.listed[mod_find_slide(m, "never")]);
	route_free(&r);

	/* the long branch: total 8, d2 still open */
	snprintf(d1, sizeof d1, "1");
	resp[1] = d1;
	route_compute(&r, m, resp, NULL);
	assert_int_equal(r.npath, 8);
	assert_true(r.listed[mod_find_slide(m, "l3")]);
	assert_false(r.listed[mod_find_slide(m, "s1")]);
	assert_false(r.listed[mod_find_slide(m, "x1")]);
	route_free(&r);

	/* both taken: exactly the slides of the route are listed */
	snprintf(d2, sizeof d2, "2"); /* "same": to x1 */
	resp[6] = d2;
	route_compute(&r, m, resp, NULL);
	assert_int_equal(r.npath, 8);
	assert_int_equal(r.path[6], mod_find_slide(m, "x1"));
	assert_true(r.listed[mod_find_slide(m, "x1")]);
	assert_false(r.listed[mod_find_slide(m, "y1")]);
	{
		int place, total;

		route_counter(&r, mod_find_slide(m, "l2"), &place, &total);
		assert_int_equal(place, 4);
		assert_int_equal(total, 8);
		/* s1 is off the route: a, d1, s1, then d2, x1, z */
		route_counter(&r, mod_find_slide(m, "s1"), &place, &total);
		assert_int_equal(place, 3);
		assert_int_equal(total, 6);
	}
	route_free(&r);
	mod_free(m);
}

/* choices that all lead to one slide hide nothing after it, and a decision
 * whose branches never meet hides all of them. */
static const char same_yaml[] =
	"lectern: 1\n"
	"id: same\n"
	"title: Same\n"
	"slides:\n"
	"  - id: d\n"
	"    type: decision\n"
	"    question: Which?\n"
	"    choices:\n"
	"      - {text: a, goto: next, correct: true}\n"
	"      - {text: b, goto: next}\n"
	"  - id: next\n"
	"    type: decision\n"
	"    question: Then?\n"
	"    choices:\n"
	"      - {text: a, goto: end-a, correct: true}\n"
	"      - {text: b, goto: end-b}\n"
	"  - {id: end-a, title: A, body: x, next: end}\n"
	"  - {id: end-b, title: B, body: x, next: end}\n";

static void
test_converging_and_diverging(void **state)
{
	mod_module *m = load_text(same_yaml);
	route r;

	(void)state;
	route_compute(&r, m, NULL, NULL);
	assert_true(r.listed[0]);
	assert_true(r.listed[1]);
	assert_false(r.listed[2]);
	assert_false(r.listed[3]);
	assert_int_equal(r.npath, 3);
	route_free(&r);
	/* what the learner has seen is always listed */
	{
		unsigned char seen[4] = { 1, 1, 0, 1 };

		route_compute(&r, m, NULL, seen);
		assert_true(r.listed[3]);
		assert_false(r.listed[2]);
		route_free(&r);
	}
	mod_free(m);
}

/* `lectern progress` counts the route the store recorded: 18 of 18 for a
 * finished gifts-and-conflicts, whatever branches were taken. */
static void
test_progress_agrees(void **state)
{
	char dir[] = "/tmp/lectern-route-XXXXXX";
	mod_module *m = load_file("modules/gifts-and-conflicts.yaml");
	store *st;
	ses_session *s;
	store_summary sum;
	long who;
	int changes = 0, place, total;

	(void)state;
	assert_non_null(mkdtemp(dir));
	st = store_open(dir, NULL);
	who = store_learner(st, "ana");
	s = ses_open(m, st, who);
	/* halfway: progress says what the counter says */
	while (strcmp(m->slides[ses_current(s)].id, "family") != 0) {
		answer(s, m, "festival-half");
		assert_int_equal(ses_next(s), SES_MOVED);
	}
	ses_counter(s, &place, &total);
	assert_int_equal(store_summary_get(st, who, m->id, &sum), 0);
	rep_route_counts(st, who, m, &sum);
	assert_int_equal(sum.slides_seen, place);
	assert_int_equal(sum.slides_total, total);
	ses_close(s);
	/* resumed at the bookmark, then to the end */
	s = ses_open(m, st, who);
	ses_counter(s, &place, &total);
	assert_int_equal(sum.slides_seen, place);
	while (ses_next(s) != SES_FINISHED)
		answer(s, m, "family-swap");
	(void)changes;
	ses_close(s);
	assert_int_equal(store_summary_get(st, who, m->id, &sum), 0);
	assert_int_equal(sum.slides_total, 22); /* the store alone: the file */
	rep_route_counts(st, who, m, &sum);
	assert_int_equal(sum.slides_seen, 18);
	assert_int_equal(sum.slides_total, 18);
	store_close(st);
	mod_free(m);
	{
		char cmd[600];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		assert_int_equal(system(cmd), 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gifts_counter),
		cmocka_unit_test(test_gifts_contents),
		cmocka_unit_test(test_nested_route),
		cmocka_unit_test(test_converging_and_diverging),
		cmocka_unit_test(test_progress_agrees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
