/* session.c: one learner in one module: lifetime, navigation, contents and
 * results (question interaction lives in session_q.c).
 *
 * The learner is always at one slide (cur). Next follows the module's path:
 * a decision goes to the goto of the choice taken, other slides to their
 * `next:` or the following slide, and `next: end` or the last slide
 * finishes the attempt. Every slide change is recorded (store_visit) so the
 * bookmark is never stale. Back walks a history stack, so after a branch it
 * returns the way the learner came, not to the slide above in the file.
 *
 * Linear navigation refuses Next on a graded question that has not been
 * answered and on any decision not yet taken (the path depends on it), and
 * the contents open only slides already seen in this attempt. Free
 * navigation allows everything; an untaken decision then follows its
 * default path. The counter and the contents follow the learner's route
 * (route.h): slides of branches not taken are neither counted nor listed.
 *
 * Without a store every call that would record something is skipped and the
 * session is the only memory, which is what tests and `lectern render` want.
 * Results are computed with score.c over the slides seen in this attempt,
 * the same way the store computes them, so the screen and the catalog agree. */
#include "session_priv.h"

#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "score.h"
#include "base/util.h"

/* ------------------------------------------------------------ helpers */

static const mod_slide *
slide(const ses_session *s, int i)
{
	return &s->m->slides[i];
}

static void
hist_push(ses_session *s, int i)
{
	if (s->nhist == s->caphist) {
		s->caphist = s->caphist ? 2 * s->caphist : 16;
		s->hist = xrealloc(s->hist, (size_t)s->caphist * sizeof *s->hist);
	}
	s->hist[s->nhist++] = i;
}

/* the learner is now at slide i: remember it and tell the store. */
static void
visit(ses_session *s, int i)
{
	s->recorded = 0;
	s->cur = i;
	if (!s->seen[i])
		s->rc->valid = 0;
	s->seen[i] = 1;
	if (s->st)
		store_visit(s->st, s->learner, s->m, &s->p, i);
}

/* where Next leads from slide i, or NEXT_END (not checking the rules). */
static int
next_of(const ses_session *s, int i)
{
	const mod_slide *q = slide(s, i);

	if (q->qtype == Q_DECISION) {
		int c = sesq_decision_choice(s, i);

		if (c >= 0 && q->choices[c].go_to_index >= 0 &&
		    q->choices[c].go_to_index < s->m->nslides)
			return q->choices[c].go_to_index;
	}
	return mod_next_index(s->m, i);
}

static void
results_clear(ses_results *r)
{
	int i;

	for (i = 0; i < r->nreview; i++) {
		free(r->review[i].yours);
		free(r->review[i].right);
	}
	free(r->review);
	free(r->sections);
	memset(r, 0, sizeof *r);
}

static void
slots_clear(ses_session *s)
{
	int i;

	for (i = 0; i < s->m->nslides; i++) {
		sesq_free(s->slots[i]);
		s->slots[i] = NULL;
	}
}

/* rebuild Back's history on resume: the default/decision path up to the
 * bookmark when the bookmark lies on it, else nothing. */
static void
hist_rebuild(ses_session *s)
{
	int n = s->m->nslides, *path = xmalloc((size_t)n * sizeof *path);
	int np = ses_path(s, path, n), j;

	s->nhist = 0;
	for (j = 0; j < np; j++)
		if (path[j] == s->cur)
			break;
	if (j < np)
		while (s->nhist < j)
			hist_push(s, path[s->nhist]);
	free(path);
}

/* the learner's route, computed again when a slide was seen for the first
 * time (visit) or a decision was taken since (compared here, decisions
 * being few). Logically const: only the cache behind the pointer changes. */
static const route *
ses_route(const ses_session *s)
{
	ses_route_cache *rc = s->rc;
	const mod_module *m = s->m;
	const char **resp;
	int i;

	for (i = 0; rc->valid && i < rc->ndecisions; i++)
		if (rc->choice[rc->decisions[i]] != sesq_decision_choice(s, rc->decisions[i]))
			rc->valid = 0;
	if (rc->valid)
		return &rc->rt;
	resp = xcalloc((size_t)(m->nslides > 0 ? m->nslides : 1), sizeof *resp);
	for (i = 0; i < m->nslides; i++) {
		resp[i] = sesq_response(s, i);
		rc->choice[i] = m->slides[i].qtype == Q_DECISION
		                ? sesq_decision_choice(s, i) : -1;
	}
	route_free(&rc->rt);
	route_compute(&rc->rt, m, resp, s->seen);
	free(resp);
	rc->valid = 1;
	return &rc->rt;
}

/* ------------------------------------------------------------ lifetime */

int
ses_progress_live(const ses_session *s)
{
	return s->st && s->p.attempt == s->attempt && s->p.nslides == s->m->nslides;
}

ses_session *
ses_open(const mod_module *m, store *st, long learner)
{
	ses_session *s = xcalloc(1, sizeof *s);
	int n = m->nslides > 0 ? m->nslides : 1, i;

	s->m = m;
	s->st = st;
	s->learner = learner;
	s->attempt = 1;
	s->best_score = -1;
	s->seen = xcalloc((size_t)n, 1);
	s->slots = xcalloc((size_t)n, sizeof *s->slots);
	s->rc = xcalloc(1, sizeof *s->rc);
	s->rc->choice = xcalloc((size_t)n, sizeof *s->rc->choice);
	s->rc->decisions = xcalloc((size_t)n, sizeof *s->rc->decisions);
	for (i = 0; i < m->nslides; i++)
		if (m->slides[i].qtype == Q_DECISION)
			s->rc->decisions[s->rc->ndecisions++] = i;
	if (st && store_begin(st, learner, m, grade_judge, &s->p) == 0 &&
	    s->p.nslides == m->nslides) {
		s->attempt = s->p.attempt > 0 ? s->p.attempt : 1;
		s->resumed = s->p.resumed;
		s->version_changed = s->p.version_changed;
		if (s->p.seen)
			for (i = 0; i < m->nslides; i++)
				s->seen[i] = s->p.seen[i];
		if (s->p.bookmark >= 0 && s->p.bookmark < m->nslides)
			s->cur = s->p.bookmark;
		if (s->p.status == ST_COMPLETED || s->p.status == ST_PASSED ||
		    s->p.status == ST_FAILED)
			s->at_results = s->recorded = 1;
	} else if (st) {
		/* a store that could not begin: carry on in memory */
		store_progress_free(&s->p);
		memset(&s->p, 0, sizeof s->p);
		s->st = NULL;
	}
	if (m->nslides == 0) {
		s->at_results = 1;
		return s;
	}
	hist_rebuild(s);
	if (!s->at_results)
		visit(s, s->cur);
	return s;
}

void
ses_close(ses_session *s)
{
	if (!s)
		return;
	if (s->st) {
		store_leave(s->st, s->learner, s->m, &s->p);
		store_progress_free(&s->p);
	}
	slots_clear(s);
	results_clear(&s->res);
	free(s->slots);
	free(s->seen);
	free(s->hist);
	route_free(&s->rc->rt);
	free(s->rc->choice);
	free(s->rc->decisions);
	free(s->rc);
	free(s);
}

const mod_module *
ses_module(const ses_session *s)
{
	return s->m;
}

const store_progress *
ses_progress(const ses_session *s)
{
	return s->st ? &s->p : NULL;
}

int
ses_resumed(const ses_session *s)
{
	return s->resumed;
}

int
ses_version_changed(const ses_session *s)
{
	return s->version_changed;
}

void
ses_add_time(ses_session *s, long seconds)
{
	if (s->st && seconds > 0)
		store_add_time(s->st, s->learner, s->m, &s->p, seconds);
}

/* ------------------------------------------------------------ navigation */

int
ses_current(const ses_session *s)
{
	return s->cur;
}

int
ses_at_results(const ses_session *s)
{
	return s->at_results;
}

/* SES_BLOCKED when linear rules keep the learner on slide i, else 0. */
static int
blocked(const ses_session *s, int i)
{
	const mod_slide *q = slide(s, i);

	if (q->qtype == Q_DECISION && sesq_decision_choice(s, i) < 0)
		return !s->m->nav_free;
	if (!s->m->nav_free && mod_is_graded(q) && sesq_tries(s, i) == 0)
		return 1;
	return 0;
}

int
ses_can_next(const ses_session *s)
{
	return !s->at_results && s->m->nslides > 0 && !blocked(s, s->cur);
}

int
ses_next(ses_session *s)
{
	int nx;

	if (s->at_results || s->m->nslides == 0)
		return SES_NOWHERE;
	if (blocked(s, s->cur))
		return SES_BLOCKED;
	nx = next_of(s, s->cur);
	if (nx == NEXT_END) {
		s->at_results = 1;
		if (s->st)
			ses_record_finish(s->st, s->learner, s->m, &s->p);
		return SES_FINISHED;
	}
	hist_push(s, s->cur);
	visit(s, nx);
	return SES_MOVED;
}

int
ses_can_back(const ses_session *s)
{
	return s->at_results || s->nhist > 0;
}

int
ses_back(ses_session *s)
{
	if (s->at_results) {
		s->at_results = 0;
		visit(s, s->cur);
		return SES_MOVED;
	}
	if (s->nhist == 0)
		return SES_NOWHERE;
	visit(s, s->hist[--s->nhist]);
	return SES_MOVED;
}

int
ses_goto(ses_session *s, int i)
{
	if (i < 0 || i >= s->m->nslides || !ses_toc(s, i).reachable)
		return SES_NOWHERE;
	if (i == s->cur && !s->at_results)
		return SES_MOVED;
	if (!s->at_results)
		hist_push(s, s->cur);
	s->at_results = 0;
	visit(s, i);
	return SES_MOVED;
}

void
ses_jump(ses_session *s, int i)
{
	if (i < 0 || i >= s->m->nslides)
		return;
	s->at_results = 0;
	if (i != s->cur)
		hist_push(s, s->cur);
	visit(s, i);
}

ses_toc_entry
ses_toc(const ses_session *s, int i)
{
	ses_toc_entry e;
	const mod_slide *q = slide(s, i);

	memset(&e, 0, sizeof e);
	e.section = q->section;
	e.is_question = q->qtype != Q_NONE;
	e.title = q->title ? q->title : q->question ? q->question : q->id;
	e.current = i == s->cur && !s->at_results;
	e.done = s->seen[i] && (!e.is_question || sesq_tries(s, i) > 0);
	e.listed = ses_route(s)->listed[i];
	e.reachable = e.listed && (s->m->nav_free || s->seen[i]);
	return e;
}

void
ses_counter(const ses_session *s, int *place, int *total)
{
	const route *r;

	if (s->m->nslides == 0) {
		*place = *total = 0;
		return;
	}
	r = ses_route(s);
	route_counter(r, s->cur, place, total);
}

int
ses_slides_seen(const ses_session *s)
{
	return route_seen(ses_route(s), s->seen);
}

int
ses_path(const ses_session *s, int *out, int max)
{
	int n = s->m->nslides, i = n > 0 ? 0 : NEXT_END, k = 0;
	unsigned char *on = xcalloc((size_t)(n > 0 ? n : 1), 1);

	/* a `next:` may lead back to an earlier slide: stop at a repeat */
	while (i >= 0 && i < n && !on[i]) {
		on[i] = 1;
		if (k < max)
			out[k] = i;
		k++;
		i = next_of(s, i);
	}
	free(on);
	return k < max ? k : max;
}

/* ------------------------------------------------------------ results */

const ses_results *
ses_results_get(ses_session *s)
{
	const mod_module *m = s->m;
	const char **resp = xcalloc((size_t)(m->nslides > 0 ? m->nslides : 1),
	                            sizeof *resp);
	ses_results *r = &s->res;
	score_result sr;
	int i, k;

	results_clear(r);
	for (i = 0; i < m->nslides; i++)
		resp[i] = sesq_response(s, i);
	score_compute(m, s->seen, resp, &sr);
	r->score = sr.percent;
	r->passed = sr.passed;
	/* a finished attempt reopened shows the outcome it was recorded with,
	 * as `progress` and `export` do: the answers scored again under a
	 * module edited since (a question's type changed under the same id)
	 * could tell another story. Reaching the end again records anew. */
	if (s->recorded && ses_progress_live(s)) {
		r->score = s->p.score;
		r->passed = s->p.status != ST_FAILED;
	}
	r->pass_mark = m->pass_mark;
	r->earned = sr.earned;
	r->possible = sr.possible;
	r->attempt = s->attempt;
	r->sections = xcalloc((size_t)(sr.nsections > 0 ? sr.nsections : 1),
	                      sizeof *r->sections);
	for (k = 0; k < sr.nsections; k++) {
		r->sections[k].name = sr.sections[k].name;
		r->sections[k].earned = sr.sections[k].earned;
		r->sections[k].possible = sr.sections[k].possible;
		r->sections[k].percent = sr.sections[k].percent;
	}
	r->nsections = sr.nsections;

	/* every question on the path, in module order */
	r->review = xcalloc((size_t)(m->nslides > 0 ? m->nslides : 1),
	                    sizeof *r->review);
	for (i = 0; i < m->nslides; i++) {
		const mod_slide *q = &m->slides[i];
		ses_review_item *it;

		if (q->qtype == Q_NONE || !sr.on_path[i])
			continue;
		it = &r->review[r->nreview++];
		it->slide = i;
		it->prompt = q->question ? q->question : "";
		it->answered = resp[i] != NULL;
		it->correct = resp[i] && grade_judge(q, resp[i]) == 1;
		it->yours = ses_response_text(q, resp[i]);
		it->right = ses_correct_text(q);
		it->points = q->points;
		it->earned = it->correct ? q->points : 0;
	}
	free(resp);
	score_free(&sr);

	if (s->st) {
		r->best_score = s->p.best_score;
		if (r->score > r->best_score && s->at_results)
			r->best_score = r->score;
	} else {
		if (s->at_results && r->score > s->best_score)
			s->best_score = r->score;
		r->best_score = s->best_score;
	}
	return r;
}

int
ses_retake(ses_session *s)
{
	int i;

	if (s->m->nslides == 0)
		return -1;
	if (s->st) {
		if (store_retake(s->st, s->learner, s->m, &s->p) == 0 &&
		    s->p.attempt > s->attempt)
			s->attempt = s->p.attempt;
		else
			s->attempt++;
	} else {
		ses_results_get(s); /* keep the best score */
		s->attempt++;
	}
	slots_clear(s);
	for (i = 0; i < s->m->nslides; i++)
		s->seen[i] = 0;
	s->rc->valid = 0;
	s->nhist = 0;
	s->at_results = 0;
	visit(s, 0);
	return 0;
}

int
ses_record_finish(store *st, long learner, const mod_module *m, store_progress *p)
{
	score_result r;
	store_outcome o;
	int rc;

	if (!st || !m || !p || p->nslides != m->nslides)
		return -1;
	score_compute(m, p->seen, (const char *const *)p->response, &r);
	o.percent = r.percent;
	o.passed = r.passed;
	o.earned = r.earned;
	o.possible = r.possible;
	rc = store_finish(st, learner, m, p, &o);
	score_free(&r);
	return rc;
}
