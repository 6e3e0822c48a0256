/* classrep.c: building the class report (see classrep.h).
 *
 * The unit of the question statistics is the attempt, as in Moodle: for
 * each learner and attempt, the last answer given to each question is what
 * that attempt ended with. A question's score in an attempt is the points
 * earned over its points (0 or 1 today), the attempt's total is the sum
 * over the graded questions it answered, and
 *   facility        = mean score of the question over the attempts that
 *                     answered it,
 *   discrimination  = correlation of the question's score with the rest of
 *                     the attempt's score (total minus the question),
 * computed by stats.c. Practice questions (0 points) and decisions get the
 * answer counts and option shares but no facility or discrimination: they
 * are not part of the score.
 *
 * The learners' rows are the store's summaries (status, last and best
 * score, attempts, time, last activity), completed with the module totals
 * by rep_summaries. Modules come from the modules directory; a module that
 * is no longer installed is reported by id, its questions by id. */
#include "classrep.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/fold.h"
#include "base/i18n.h"
#include "base/util.h"
#include "format/catalog.h"
#include "format/response.h"
#include "learn/session.h"

enum { CREP_TOP = 5 }; /* most frequent responses listed per question */

static int
finished(int status)
{
	return status == ST_COMPLETED || status == ST_PASSED || status == ST_FAILED;
}

/* ------------------------------------------------------------ learners */

static void
learner_numbers(crep_module *cm)
{
	double *t = xmalloc((size_t)(cm->nlearners + 1) * sizeof *t);
	int *pct = xmalloc((size_t)(cm->nlearners + 1) * sizeof *pct);
	int i, nt = 0;

	cm->time_min = cm->time_max = 0;
	for (i = 0; i < cm->nlearners; i++) {
		const store_summary *s = &cm->learners[i];

		cm->attempts += s->attempts;
		if (s->status == ST_NOT_STARTED)
			continue;
		cm->started++;
		if (finished(s->status)) {
			cm->finished++;
			cm->passed += s->status == ST_PASSED;
			cm->failed += s->status == ST_FAILED;
			if (s->score >= 0)
				pct[cm->scored++] = s->score;
		}
		if (nt == 0 || s->time_spent_s < cm->time_min)
			cm->time_min = s->time_spent_s;
		if (nt == 0 || s->time_spent_s > cm->time_max)
			cm->time_max = s->time_spent_s;
		t[nt++] = (double)s->time_spent_s;
	}
	stat_histogram(pct, cm->scored, cm->hist);
	cm->time_median = stat_median(t, nt);
	free(t);
	free(pct);
}

/* ------------------------------------------------------------ questions */

/* the options of a choice-like question, in file order */
static void
choice_options(crep_question *cq)
{
	const mod_slide *q = cq->q;
	int k;

	if (q->qtype == Q_TRUE_FALSE) {
		cq->nopt = 2;
		cq->opt = xcalloc(2, sizeof *cq->opt);
		cq->opt[0].text = xstrdup(_("True"));
		cq->opt[0].correct = q->answer == 1;
		cq->opt[1].text = xstrdup(_("False"));
		cq->opt[1].correct = q->answer == 0;
		return;
	}
	cq->nopt = q->nchoices;
	cq->opt = xcalloc((size_t)(q->nchoices + 1), sizeof *cq->opt);
	for (k = 0; k < q->nchoices; k++) {
		cq->opt[k].text = xstrdup(q->choices[k].text);
		cq->opt[k].correct = q->choices[k].correct;
	}
}

static int
choice_like(const mod_slide *q)
{
	return q && (q->qtype == Q_SINGLE || q->qtype == Q_MULTIPLE ||
	             q->qtype == Q_DECISION || q->qtype == Q_TRUE_FALSE);
}

/* count one final answer into the question's options */
static void
count_choice(crep_question *cq, const char *response)
{
	int idx[RESP_MAX_ITEMS], n, k;

	if (cq->q->qtype == Q_TRUE_FALSE) {
		if (strcmp(response, "true") == 0)
			cq->opt[0].count++;
		else if (strcmp(response, "false") == 0)
			cq->opt[1].count++;
		return;
	}
	n = resp_parse_indices(response, idx, RESP_MAX_ITEMS);
	for (k = 0; k < n; k++)
		if (idx[k] >= 0 && idx[k] < cq->nopt)
			cq->opt[idx[k]].count++;
}

static int
by_count(const void *a, const void *b)
{
	const crep_option *x = a, *y = b;

	if (x->count != y->count)
		return y->count - x->count;
	return strcmp(x->text, y->text);
}

/* the distinct responses to an order, match or short question (short
 * answers grouped as they are judged: case and spacing folded), the most
 * frequent first, at most CREP_TOP kept */
static void
response_options(crep_question *cq, const store_final_answer *a, int na)
{
	crep_option *v = NULL;
	char **key = NULL;
	int n = 0, i, k;

	for (i = 0; i < na; i++) {
		char *f;

		if (strcmp(a[i].question_id, cq->id) != 0)
			continue;
		f = cq->q && cq->q->qtype == Q_SHORT ? fold_text(a[i].response) : NULL;
		if (!f)
			f = xstrdup(a[i].response);
		for (k = 0; k < n && strcmp(key[k], f) != 0; k++)
			;
		if (k == n) {
			v = xrealloc(v, (size_t)(n + 1) * sizeof *v);
			key = xrealloc(key, (size_t)(n + 1) * sizeof *key);
			key[n] = f;
			v[n].text = cq->q ? ses_response_text(cq->q, a[i].response)
			                  : xstrdup(a[i].response);
			v[n].count = 0;
			v[n].correct = a[i].correct;
			n++;
		} else {
			free(f);
		}
		v[k].count++;
	}
	for (k = 0; k < n; k++)
		free(key[k]);
	free(key);
	if (n > 1)
		qsort(v, (size_t)n, sizeof *v, by_count);
	for (k = CREP_TOP; k < n; k++)
		free(v[k].text);
	cq->opt = v;
	cq->nopt = n < CREP_TOP ? n : CREP_TOP;
}

/* the score of one final answer, 0..1 */
static double
item_score(const crep_question *cq, const store_final_answer *a)
{
	if (cq->q && cq->q->points > 0)
		return (double)a->points / cq->q->points;
	return a->correct ? 1.0 : 0.0;
}

static int
graded(const crep_question *cq)
{
	/* a module no longer installed: judge by what was recorded */
	return cq->q ? mod_is_graded(cq->q) : 1;
}

static crep_question *
find_question(crep_module *cm, const char *id)
{
	int i;

	for (i = 0; i < cm->nq; i++)
		if (strcmp(cm->qs[i].id, id) == 0)
			return &cm->qs[i];
	return NULL;
}

static void
question_list(crep_module *cm, const store_final_answer *a, int na)
{
	int i, number = 0;

	if (cm->m) {
		for (i = 0; i < cm->m->nslides; i++) {
			const mod_slide *q = &cm->m->slides[i];
			crep_question *cq;

			if (q->qtype == Q_NONE)
				continue;
			cm->qs = xrealloc(cm->qs, (size_t)(cm->nq + 1) * sizeof *cm->qs);
			cq = &cm->qs[cm->nq++];
			memset(cq, 0, sizeof *cq);
			cq->q = q;
			snprintf(cq->id, sizeof cq->id, "%s", q->id);
			cq->number = mod_is_graded(q) ? ++number : 0;
		}
		return;
	}
	/* not installed: the questions the answers name, in the order met */
	for (i = 0; i < na; i++) {
		crep_question *cq;

		if (find_question(cm, a[i].question_id))
			continue;
		cm->qs = xrealloc(cm->qs, (size_t)(cm->nq + 1) * sizeof *cm->qs);
		cq = &cm->qs[cm->nq++];
		memset(cq, 0, sizeof *cq);
		snprintf(cq->id, sizeof cq->id, "%s", a[i].question_id);
		cq->number = cm->nq;
	}
}

/* facility, discrimination, options and flags of every question, from the
 * final answers a[0..na) (ordered by learner, then attempt) */
static void
question_numbers(crep_module *cm, const store_final_answer *a, int na)
{
	double *total = xcalloc((size_t)na + 1, sizeof *total);
	double *item = xmalloc(((size_t)na + 1) * sizeof *item);
	double *tot = xmalloc(((size_t)na + 1) * sizeof *tot);
	int *group = xmalloc(((size_t)na + 1) * sizeof *group);
	unsigned char *scored = xcalloc((size_t)na + 1, 1);
	int i, g = -1, n, q;

	question_list(cm, a, na);
	/* one group per learner and attempt; its total over graded answers */
	for (i = 0; i < na; i++) {
		crep_question *cq = find_question(cm, a[i].question_id);

		if (i == 0 || a[i].attempt != a[i - 1].attempt ||
		    strcmp(a[i].learner, a[i - 1].learner) != 0)
			g++;
		group[i] = g;
		if (cq && graded(cq)) {
			total[g] += item_score(cq, &a[i]);
			if (!scored[g])
				cm->graded_attempts++;
			scored[g] = 1;
		}
	}
	for (q = 0; q < cm->nq; q++) {
		crep_question *cq = &cm->qs[q];

		if (choice_like(cq->q))
			choice_options(cq);
		for (i = 0, n = 0; i < na; i++) {
			if (strcmp(a[i].question_id, cq->id) != 0)
				continue;
			item[n] = item_score(cq, &a[i]);
			tot[n] = total[group[i]];
			n++;
			if (choice_like(cq->q))
				count_choice(cq, a[i].response);
		}
		if (!choice_like(cq->q))
			response_options(cq, a, na);
		cq->answers = n;
		cq->facility = NAN;
		cq->discrimination = NAN;
		if (!graded(cq) || n == 0)
			continue;
		cq->facility = stat_mean(item, n);
		cq->discrimination = stat_discrimination(item, tot, n);
		if (cq->facility > 0.9)
			cq->flags |= CREP_EASY;
		if (cq->facility < 0.2)
			cq->flags |= CREP_HARD;
		if (!isnan(cq->discrimination) && cq->discrimination < 0)
			cq->flags |= CREP_NEGATIVE;
	}
	free(total);
	free(item);
	free(tot);
	free(group);
	free(scored);
}

/* ------------------------------------------------------------ the report */

static int
by_title(const void *a, const void *b)
{
	const crep_module *x = a, *y = b;
	const char *tx = x->m && x->m->title ? x->m->title : x->id;
	const char *ty = y->m && y->m->title ? y->m->title : y->id;
	int c = strcoll(tx, ty);

	return c ? c : strcmp(x->id, y->id);
}

static crep_module *
module_of(crep_report *rep, const char *id)
{
	int i;

	for (i = 0; i < rep->nmods; i++)
		if (strcmp(rep->mods[i].id, id) == 0)
			return &rep->mods[i];
	rep->mods = xrealloc(rep->mods, (size_t)(rep->nmods + 1) * sizeof *rep->mods);
	memset(&rep->mods[rep->nmods], 0, sizeof *rep->mods);
	snprintf(rep->mods[rep->nmods].id, sizeof rep->mods[rep->nmods].id, "%s", id);
	return &rep->mods[rep->nmods++];
}

int
crep_build(crep_report *rep, rep_ctx *r, const char *module, const char *learner,
           const char *since, char *err, size_t errsize)
{
	cat_catalog *cat = xcalloc(1, sizeof *cat);
	diag_list dl = { 0 };
	char from[32] = "";
	time_t now = time(NULL);
	struct tm tm;
	int i, k, n;

	memset(rep, 0, sizeof *rep);
	rep->learner = learner;
	rep->module = module;
	rep->since = since;
	rep->cat = cat;
	gmtime_r(&now, &tm);
	strftime(rep->generated, sizeof rep->generated, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (since && store_iso_time(r->st, since, from, sizeof from) != 0) {
		snprintf(err, errsize, _("'%s' is not a date or time (use e.g. 2024-05-31 or "
		                         "2024-05-31T14:00:00Z)"), since);
		return -1;
	}
	cat_scan(cat, r->modules_dir, &dl); /* a missing folder leaves ids only */
	diag_free(&dl);

	rep->rows = rep_summaries(r, learner, &rep->nrows);
	/* keep the rows of the module asked for, active since the date */
	for (i = 0, k = 0; i < rep->nrows; i++) {
		if (module && strcmp(rep->rows[i].module_id, module) != 0)
			continue;
		if (*from && strcmp(rep->rows[i].updated_at, from) < 0)
			continue;
		rep->rows[k++] = rep->rows[i];
	}
	rep->nrows = k;
	if (learner && rep->nrows == 0 && !*from && !module) {
		snprintf(err, errsize, _("no learner called \"%s\" has any progress"), learner);
		return -1;
	}
	if (module && rep->nrows == 0 && cat_find(cat, module) < 0) {
		snprintf(err, errsize, _("no module \"%s\": it is neither installed nor in "
		                         "the progress records"), module);
		return -1;
	}
	if (module)
		module_of(rep, module);
	for (i = 0; i < rep->nrows; i++)
		module_of(rep, rep->rows[i].module_id);
	for (i = 0; i < rep->nmods; i++) {
		crep_module *cm = &rep->mods[i];
		store_final_answer *a;
		int j;

		if ((k = cat_find(cat, cm->id)) >= 0)
			cm->m = cat->v[k].mod;
		for (j = 0; j < rep->nrows; j++)
			if (strcmp(rep->rows[j].module_id, cm->id) == 0) {
				cm->learners = xrealloc(cm->learners,
				                        (size_t)(cm->nlearners + 1) * sizeof *cm->learners);
				cm->learners[cm->nlearners++] = rep->rows[j];
			}
		learner_numbers(cm);
		a = store_final_answers(r->st, cm->id, learner, *from ? from : NULL, &n);
		question_numbers(cm, a, n > 0 ? n : 0);
		store_free_final_answers(a, n > 0 ? n : 0);
	}
	if (rep->nmods > 1)
		qsort(rep->mods, (size_t)rep->nmods, sizeof *rep->mods, by_title);
	return 0;
}

void
crep_free(crep_report *rep)
{
	int i, q, k;

	for (i = 0; i < rep->nmods; i++) {
		crep_module *cm = &rep->mods[i];

		for (q = 0; q < cm->nq; q++) {
			for (k = 0; k < cm->qs[q].nopt; k++)
				free(cm->qs[q].opt[k].text);
			free(cm->qs[q].opt);
		}
		free(cm->qs);
		free(cm->learners);
	}
	free(rep->mods);
	free(rep->rows);
	if (rep->cat) {
		cat_free(rep->cat);
		free(rep->cat);
	}
	memset(rep, 0, sizeof *rep);
}
