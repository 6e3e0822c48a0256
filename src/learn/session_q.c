/* session_q.c: the interaction state of each question (see session.h).
 *
 * A question's slot is made the first time it is needed. Its display order
 * comes from a seed built from the module id, the slide id, the learner and
 * the attempt, so the same learner sees the same order when they come back
 * and a new order on a retake, and tests are repeatable. Order items and
 * the right column of a match are always shuffled and never left in the
 * answer's own order (that would give the answer away); other types shuffle
 * only with `shuffle: true`.
 *
 * Everything the learner does changes positions; only when a response is
 * built are positions turned into file indices (grade.h), so shuffling
 * never changes what a response means. A slot restored from the store
 * replays the stored response onto the positions, so a resumed question
 * looks exactly as the learner left it. */
#include "session_priv.h"

#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "base/i18n.h"
#include "base/util.h"
#include "format/response.h"

/* ------------------------------------------------------------ shuffling */

static uint64_t
fnv(const char *p, uint64_t h)
{
	for (; p && *p; p++) {
		h ^= (unsigned char)*p;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static uint64_t
mix(uint64_t x)
{
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static uint64_t
rnd(uint64_t *st)
{
	*st += 0x9e3779b97f4a7c15ULL;
	return mix(*st);
}

/* shuffle a[0..n) in place; when avoid is given, the result never equals
 * it position for position (rotating once fixes an unlucky draw). */
static void
shuffle(int *a, int n, uint64_t *st, const int *avoid)
{
	int i, same = 1;

	for (i = n - 1; i > 0; i--) {
		int j = (int)(rnd(st) % (uint64_t)(i + 1)), t = a[i];

		a[i] = a[j];
		a[j] = t;
	}
	if (!avoid || n < 2)
		return;
	for (i = 0; i < n && same; i++)
		same = a[i] == avoid[i];
	if (same) {
		int t = a[0];

		memmove(a, a + 1, (size_t)(n - 1) * sizeof *a);
		a[n - 1] = t;
	}
}

/* ------------------------------------------------------------ slots */

int
sesq_attempts(const mod_slide *q)
{
	if (q->qtype == Q_DECISION || q->attempts < 1)
		return 1;
	return q->attempts;
}

static int
pos_of(const int *v, int n, int x)
{
	int k;

	for (k = 0; k < n; k++)
		if (v[k] == x)
			return k;
	return -1;
}

/* 1 when file choice (or true-false position) at position k is right. */
static int
right_at(const ses_slot *sl, const mod_slide *q, int k)
{
	if (q->qtype == Q_TRUE_FALSE)
		return (k == 0) == (q->answer != 0);
	return q->choices[sl->q.shown[k]].correct != 0;
}

/* put a stored response back onto the positions. */
static void
apply_response(ses_slot *sl, const mod_slide *q, const char *r)
{
	ses_question *x = &sl->q;
	int n = x->n > 0 ? x->n : 1, *a = xmalloc((size_t)n * sizeof *a);
	int *b = xmalloc((size_t)n * sizeof *b), c, k;

	switch (q->qtype) {
	case Q_SINGLE:
	case Q_MULTIPLE:
	case Q_DECISION:
		c = resp_parse_indices(r, a, n);
		for (k = 0; k < c; k++)
			if (pos_of(x->shown, x->n, a[k]) >= 0)
				x->picked[pos_of(x->shown, x->n, a[k])] = 1;
		break;
	case Q_TRUE_FALSE:
		if (strcmp(r, "true") == 0)
			x->picked[0] = 1;
		else if (strcmp(r, "false") == 0)
			x->picked[1] = 1;
		break;
	case Q_ORDER: {
		int ok;

		c = resp_parse_indices(r, a, n);
		ok = c == x->n;
		for (k = 0; ok && k < c; k++)
			ok = a[k] >= 0 && a[k] < x->n && pos_of(a, k, a[k]) < 0;
		if (ok)
			memcpy(x->shown, a, (size_t)c * sizeof *a);
		break;
	}
	case Q_MATCH:
		c = resp_parse_pairs(r, a, b, n);
		for (k = 0; k < c; k++) {
			int l = pos_of(x->shown, x->n, a[k]);
			int rr = pos_of(x->rshown, x->nright, b[k]);

			if (l >= 0 && rr >= 0)
				x->pair[l] = rr;
		}
		break;
	case Q_SHORT:
		free(x->text);
		x->text = xstrdup(r);
		x->len = x->caret = strlen(r);
		break;
	}
	free(a);
	free(b);
}

ses_slot *
sesq_slot(ses_session *s, int i)
{
	const mod_slide *q;
	ses_slot *sl;
	ses_question *x;
	uint64_t seed;
	int k, n;

	if (i < 0 || i >= s->m->nslides || s->m->slides[i].qtype == Q_NONE)
		return NULL;
	if (s->slots[i])
		return s->slots[i];
	q = &s->m->slides[i];
	sl = xcalloc(1, sizeof *sl);
	x = &sl->q;
	x->slide = i;
	x->qtype = q->qtype;
	x->state = SES_OPEN;
	x->correct = -1;
	x->sel = -1;
	x->text = xstrdup("");
	seed = mix(fnv(s->m->id, fnv(q->id, 0xcbf29ce484222325ULL)) ^
	           (uint64_t)s->learner * 0x9e3779b97f4a7c15ULL ^
	           (uint64_t)s->attempt * 0xd1b54a32d192ed03ULL);
	switch (q->qtype) {
	case Q_SINGLE: case Q_MULTIPLE: case Q_DECISION: n = q->nchoices; break;
	case Q_TRUE_FALSE: n = 2; break;
	case Q_ORDER: n = q->nitems; break;
	case Q_MATCH: n = q->npairs; break;
	default: n = 0; break;
	}
	x->n = n;
	x->shown = xcalloc((size_t)(n > 0 ? n : 1), sizeof *x->shown);
	x->picked = xcalloc((size_t)(n > 0 ? n : 1), 1);
	for (k = 0; k < n; k++)
		x->shown[k] = k;
	if (q->qtype == Q_ORDER) {
		int *ident = xmalloc((size_t)(n > 0 ? n : 1) * sizeof *ident);

		memcpy(ident, x->shown, (size_t)n * sizeof *ident);
		shuffle(x->shown, n, &seed, ident);
		free(ident);
	} else if (q->shuffle && q->qtype != Q_TRUE_FALSE && q->qtype != Q_SHORT) {
		shuffle(x->shown, n, &seed, NULL);
	}
	if (q->qtype == Q_MATCH) {
		x->nright = n;
		x->rshown = xcalloc((size_t)(n > 0 ? n : 1), sizeof *x->rshown);
		x->pair = xcalloc((size_t)(n > 0 ? n : 1), sizeof *x->pair);
		for (k = 0; k < n; k++) {
			x->rshown[k] = k;
			x->pair[k] = -1;
		}
		/* never line the right column up with the left one */
		shuffle(x->rshown, n, &seed, x->shown);
	}
	s->slots[i] = sl;

	if (ses_progress_live(s) && s->p.response && s->p.response[i]) {
		apply_response(sl, q, s->p.response[i]);
		sl->response = xstrdup(s->p.response[i]);
		x->tries = s->p.tries && s->p.tries[i] > 0 ? s->p.tries[i] : 1;
		x->correct = grade_judge(q, sl->response) == 1;
		x->state = x->correct || x->tries >= sesq_attempts(q) ? SES_SETTLED
		                                                      : SES_TRIED;
	}
	return sl;
}

void
sesq_free(ses_slot *sl)
{
	if (!sl)
		return;
	free(sl->q.shown);
	free(sl->q.picked);
	free(sl->q.rshown);
	free(sl->q.pair);
	free(sl->q.text);
	free(sl->response);
	free(sl);
}

int
sesq_tries(const ses_session *s, int i)
{
	if (s->slots[i])
		return s->slots[i]->q.tries;
	if (ses_progress_live(s) && s->p.response && s->p.response[i])
		return s->p.tries && s->p.tries[i] > 0 ? s->p.tries[i] : 1;
	return 0;
}

const char *
sesq_response(const ses_session *s, int i)
{
	if (s->slots[i])
		return s->slots[i]->response;
	if (ses_progress_live(s) && s->p.response)
		return s->p.response[i];
	return NULL;
}

int
sesq_decision_choice(const ses_session *s, int i)
{
	const char *r = sesq_response(s, i);
	int idx[2];

	if (!r || resp_parse_indices(r, idx, 2) != 1 ||
	    idx[0] >= s->m->slides[i].nchoices)
		return -1;
	return idx[0];
}

/* ------------------------------------------------------------ reading */

const ses_question *
ses_q(ses_session *s, int i)
{
	ses_slot *sl = sesq_slot(s, i);

	return sl ? &sl->q : NULL;
}

const char *
ses_opt_text(ses_session *s, int i, int k)
{
	ses_slot *sl = sesq_slot(s, i);
	const mod_slide *q;

	if (!sl || k < 0 || k >= sl->q.n)
		return "";
	q = &s->m->slides[i];
	switch (q->qtype) {
	case Q_TRUE_FALSE: return k == 0 ? _("True") : _("False");
	case Q_ORDER: return q->items[sl->q.shown[k]];
	case Q_MATCH: return q->left[sl->q.shown[k]];
	default: return q->choices[sl->q.shown[k]].text;
	}
}

const char *
ses_right_text(ses_session *s, int i, int k)
{
	ses_slot *sl = sesq_slot(s, i);

	if (!sl || k < 0 || k >= sl->q.nright)
		return "";
	return s->m->slides[i].right[sl->q.rshown[k]];
}

int
ses_opt_mark(ses_session *s, int i, int k)
{
	ses_slot *sl = sesq_slot(s, i);
	const mod_slide *q;
	ses_question *x;
	int any = 0, j;

	if (!sl || k < 0 || k >= sl->q.n || sl->q.state == SES_OPEN)
		return SES_MARK_NONE;
	q = &s->m->slides[i];
	x = &sl->q;
	switch (q->qtype) {
	case Q_ORDER:
		return x->shown[k] == k ? SES_MARK_RIGHT : SES_MARK_WRONG;
	case Q_MATCH:
		if (x->pair[k] < 0)
			return SES_MARK_WRONG;
		return x->rshown[x->pair[k]] == x->shown[k] ? SES_MARK_RIGHT
		                                            : SES_MARK_WRONG;
	case Q_SHORT:
		return SES_MARK_NONE;
	default:
		break;
	}
	if (q->qtype == Q_DECISION) {
		for (j = 0; j < q->nchoices; j++)
			any |= q->choices[j].correct != 0;
		if (!any)
			return x->picked[k] ? SES_MARK_CHOSEN : SES_MARK_NONE;
	}
	if (x->picked[k])
		return right_at(sl, q, k) ? SES_MARK_RIGHT : SES_MARK_WRONG;
	if (x->state == SES_SETTLED && right_at(sl, q, k))
		return SES_MARK_MISSED;
	return SES_MARK_NONE;
}

int
ses_right_mark(ses_session *s, int i, int k)
{
	ses_slot *sl = sesq_slot(s, i);
	int l;

	if (!sl || sl->q.qtype != Q_MATCH || sl->q.state == SES_OPEN)
		return SES_MARK_NONE;
	l = pos_of(sl->q.pair, sl->q.n, k);
	if (l < 0)
		return SES_MARK_NONE;
	return sl->q.rshown[k] == sl->q.shown[l] ? SES_MARK_RIGHT : SES_MARK_WRONG;
}

const char *
ses_opt_feedback(ses_session *s, int i, int k)
{
	ses_slot *sl = sesq_slot(s, i);
	int t;

	if (!sl || k < 0 || k >= sl->q.n || sl->q.state == SES_OPEN ||
	    !sl->q.picked[k])
		return NULL;
	t = sl->q.qtype;
	if (t != Q_SINGLE && t != Q_MULTIPLE && t != Q_DECISION)
		return NULL;
	return s->m->slides[i].choices[sl->q.shown[k]].feedback;
}

const char *
ses_feedback(ses_session *s, int i)
{
	ses_slot *sl = sesq_slot(s, i);
	const mod_slide *q;

	if (!sl || sl->q.state == SES_OPEN || sl->q.correct < 0)
		return NULL;
	q = &s->m->slides[i];
	return sl->q.correct ? q->fb_correct : q->fb_incorrect;
}

char *
ses_close_to(ses_session *s, int i)
{
	ses_slot *sl = sesq_slot(s, i);
	char *spelling = NULL;

	if (!sl || sl->q.qtype != Q_SHORT || sl->q.state == SES_OPEN || !sl->response ||
	    grade_short_match(&s->m->slides[i], sl->response, &spelling) != GRADE_CLOSE)
		return NULL;
	return spelling;
}

int
ses_attempts_left(ses_session *s, int i)
{
	ses_slot *sl = sesq_slot(s, i);
	int left;

	if (!sl || sl->q.state == SES_SETTLED)
		return 0;
	left = sesq_attempts(&s->m->slides[i]) - sl->q.tries;
	return left > 0 ? left : 0;
}

/* ------------------------------------------------------------ actions */

ses_slot *
sesq_open_slot(ses_session *s)
{
	ses_slot *sl;

	if (s->at_results || s->m->nslides == 0)
		return NULL;
	sl = sesq_slot(s, s->cur);
	return sl && sl->q.state == SES_OPEN ? sl : NULL;
}

int
ses_pick(ses_session *s, int k)
{
	ses_slot *sl = sesq_open_slot(s);
	ses_question *x;

	if (!sl || k < 0 || k >= sl->q.n)
		return -1;
	x = &sl->q;
	switch (x->qtype) {
	case Q_SINGLE:
	case Q_TRUE_FALSE:
	case Q_DECISION:
		memset(x->picked, 0, (size_t)x->n);
		x->picked[k] = 1;
		return 0;
	case Q_MULTIPLE:
		x->picked[k] = !x->picked[k];
		return 0;
	case Q_ORDER:
	case Q_MATCH:
		x->sel = x->sel == k ? -1 : k;
		return 0;
	default:
		return -1;
	}
}

int
ses_order_move(ses_session *s, int from, int to)
{
	ses_slot *sl = sesq_open_slot(s);
	ses_question *x;
	int t;

	if (!sl || sl->q.qtype != Q_ORDER)
		return -1;
	x = &sl->q;
	if (from < 0 || from >= x->n || to < 0 || to >= x->n)
		return -1;
	t = x->shown[from];
	if (from < to)
		memmove(x->shown + from, x->shown + from + 1,
		        (size_t)(to - from) * sizeof *x->shown);
	else if (from > to)
		memmove(x->shown + to + 1, x->shown + to,
		        (size_t)(from - to) * sizeof *x->shown);
	x->shown[to] = t;
	x->sel = to; /* the moved item stays selected for the keyboard */
	return 0;
}

int
ses_order_step(ses_session *s, int dir)
{
	ses_slot *sl = sesq_open_slot(s);

	if (!sl || sl->q.qtype != Q_ORDER || sl->q.sel < 0 || (dir != -1 && dir != 1))
		return -1;
	return ses_order_move(s, sl->q.sel, sl->q.sel + dir);
}

int
ses_match_pair(ses_session *s, int l, int r)
{
	ses_slot *sl = sesq_open_slot(s);
	ses_question *x;
	int k;

	if (!sl || sl->q.qtype != Q_MATCH)
		return -1;
	x = &sl->q;
	if (l < 0 || l >= x->n || r < 0 || r >= x->nright)
		return -1;
	for (k = 0; k < x->n; k++)
		if (x->pair[k] == r)
			x->pair[k] = -1; /* each right item goes with one left item */
	x->pair[l] = r;
	x->sel = -1;
	return 0;
}

int
ses_match_right(ses_session *s, int k)
{
	ses_slot *sl = sesq_open_slot(s);

	if (!sl || sl->q.qtype != Q_MATCH || sl->q.sel < 0)
		return -1;
	if (sl->q.pair[sl->q.sel] == k && k >= 0) {
		sl->q.pair[sl->q.sel] = -1;
		sl->q.sel = -1;
		return 0;
	}
	return ses_match_pair(s, sl->q.sel, k);
}

int
ses_match_unpair(ses_session *s, int l)
{
	ses_slot *sl = sesq_open_slot(s);

	if (!sl || sl->q.qtype != Q_MATCH || l < 0 || l >= sl->q.n)
		return -1;
	sl->q.pair[l] = -1;
	return 0;
}

/* ------------------------------------------------------------ check */

/* the response (grade.h) for what the slot shows, malloc'd; NULL when
 * there is nothing complete to judge. */
static char *
build_response(const ses_slot *sl)
{
	const ses_question *x = &sl->q;
	int n = x->n > 0 ? x->n : 1, c = 0, k;
	int *a = xmalloc((size_t)n * sizeof *a), *b = xmalloc((size_t)n * sizeof *b);
	size_t size = (size_t)n * 48 + 16;
	char *buf = NULL;

	switch (x->qtype) {
	case Q_SINGLE:
	case Q_MULTIPLE:
	case Q_DECISION:
		/* file order, ascending, as grade.h wants */
		for (k = 0; k < x->n; k++)
			if (x->picked[pos_of(x->shown, x->n, k)])
				a[c++] = k;
		if (c > 0 && (c == 1 || x->qtype == Q_MULTIPLE))
			buf = resp_format_indices(a, c, xmalloc(size), size);
		break;
	case Q_TRUE_FALSE:
		if (x->picked[0] || x->picked[1])
			buf = xstrdup(x->picked[0] ? "true" : "false");
		break;
	case Q_ORDER:
		if (x->n > 0)
			buf = resp_format_indices(x->shown, x->n, xmalloc(size), size);
		break;
	case Q_MATCH:
		for (k = 0; k < x->n; k++) {
			int l = pos_of(x->shown, x->n, k);

			if (x->pair[l] < 0)
				break;
			a[c] = k;
			b[c++] = x->rshown[x->pair[l]];
		}
		if (c == x->n && c > 0)
			buf = resp_format_pairs(a, b, c, xmalloc(size), size);
		break;
	case Q_SHORT: {
		const char *p = x->text;

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p)
			buf = xstrdup(x->text);
		break;
	}
	}
	free(a);
	free(b);
	return buf;
}

/* 1 when r is the answer already judged wrong (after Try again): checking
 * it again would only use up an attempt. A short answer is the same when
 * it reads the same to the judge ("Bribe" after "bribe "). */
static int
same_as_judged(const ses_slot *sl, const char *r)
{
	if (sl->q.tries == 0 || !sl->response || !r)
		return 0;
	if (sl->q.qtype == Q_SHORT)
		return grade_short_equal(sl->response, r);
	return strcmp(sl->response, r) == 0;
}

int
ses_unchanged(ses_session *s)
{
	ses_slot *sl = sesq_open_slot(s);
	char *r;
	int same;

	if (!sl)
		return 0;
	r = build_response(sl);
	same = same_as_judged(sl, r);
	free(r);
	return same;
}

int
ses_can_check(ses_session *s)
{
	ses_slot *sl = sesq_open_slot(s);
	char *r;
	int ok;

	if (!sl)
		return 0;
	r = build_response(sl);
	ok = r && !same_as_judged(sl, r);
	free(r);
	return ok;
}

int
ses_check(ses_session *s)
{
	ses_slot *sl = sesq_open_slot(s);
	const mod_slide *q;
	char *r;
	int c;

	if (!sl || !(r = build_response(sl)))
		return SES_CHECK_INCOMPLETE;
	if (same_as_judged(sl, r)) {
		free(r);
		return SES_CHECK_INCOMPLETE;
	}
	q = &s->m->slides[s->cur];
	c = grade_judge(q, r) == 1;
	/* committed before the caller can show any feedback */
	if (s->st)
		store_answer(s->st, s->learner, s->m, &s->p, s->cur, r, c,
		             c ? q->points : 0);
	free(sl->response);
	sl->response = r;
	sl->q.tries++;
	sl->q.correct = c;
	sl->q.sel = -1;
	if (c || sl->q.tries >= sesq_attempts(q))
		sl->q.state = SES_SETTLED;
	else
		sl->q.state = SES_TRIED;
	if (c)
		return SES_CHECK_CORRECT;
	return sl->q.state == SES_SETTLED ? SES_CHECK_WRONG : SES_CHECK_RETRY;
}

int
ses_try_again(ses_session *s)
{
	ses_slot *sl;

	if (s->at_results || !(sl = sesq_slot(s, s->cur)) || sl->q.state != SES_TRIED)
		return -1;
	sl->q.state = SES_OPEN;
	return 0;
}

void
ses_reveal(ses_session *s, int i)
{
	ses_slot *sl = sesq_slot(s, i);
	const mod_slide *q;
	ses_question *x;
	int k;

	if (!sl)
		return;
	q = &s->m->slides[i];
	x = &sl->q;
	switch (q->qtype) {
	case Q_SINGLE:
	case Q_MULTIPLE:
	case Q_DECISION:
	case Q_TRUE_FALSE:
		for (k = 0; k < x->n; k++)
			x->picked[k] = (unsigned char)right_at(sl, q, k);
		break;
	case Q_ORDER:
		for (k = 0; k < x->n; k++)
			x->shown[k] = k;
		break;
	case Q_MATCH:
		for (k = 0; k < x->n; k++)
			x->pair[k] = pos_of(x->rshown, x->nright, x->shown[k]);
		break;
	case Q_SHORT:
		free(x->text);
		x->text = xstrdup(q->naccept > 0 ? q->accept[0] : "");
		mod_accept_plain(x->text, x->text, strlen(x->text) + 1);
		x->len = x->caret = strlen(x->text);
		break;
	}
	x->sel = -1;
	x->correct = 1;
	x->state = SES_SETTLED;
	if (x->tries == 0)
		x->tries = 1; /* shown as answered: Next is not held back */
}

/* ------------------------------------------------------------ text */

typedef struct {
	char *p;
	size_t n, cap;
} sbuf;

static void
sb_add(sbuf *b, const char *s)
{
	size_t k = strlen(s);

	if (b->n + k + 1 > b->cap) {
		b->cap = (b->n + k + 1) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, k + 1);
	b->n += k;
}

static void
sb_line(sbuf *b, const char *s)
{
	if (b->n)
		sb_add(b, "\n");
	sb_add(b, s);
}

char *
ses_response_text(const mod_slide *q, const char *r)
{
	sbuf b = { xstrdup(""), 0, 1 };
	int n = 0, k, *a = NULL, *c = NULL, max;

	if (!r)
		return b.p;
	max = q->nchoices + q->nitems + q->npairs + 1;
	a = xmalloc((size_t)max * sizeof *a);
	c = xmalloc((size_t)max * sizeof *c);
	switch (q->qtype) {
	case Q_SINGLE:
	case Q_MULTIPLE:
	case Q_DECISION:
		n = resp_parse_indices(r, a, max);
		for (k = 0; k < n; k++)
			if (a[k] >= 0 && a[k] < q->nchoices)
				sb_line(&b, q->choices[a[k]].text);
		break;
	case Q_TRUE_FALSE:
		sb_line(&b, strcmp(r, "true") == 0 ? _("True") : _("False"));
		break;
	case Q_ORDER:
		n = resp_parse_indices(r, a, max);
		for (k = 0; k < n; k++)
			if (a[k] >= 0 && a[k] < q->nitems) {
				char *t = xasprintf("%d. %s", k + 1, q->items[a[k]]);

				sb_line(&b, t);
				free(t);
			}
		break;
	case Q_MATCH:
		n = resp_parse_pairs(r, a, c, max);
		for (k = 0; k < n; k++)
			if (a[k] >= 0 && a[k] < q->npairs && c[k] >= 0 && c[k] < q->npairs) {
				char *t = xasprintf("%s \xe2\x86\x92 %s", q->left[a[k]],
				                    q->right[c[k]]);

				sb_line(&b, t);
				free(t);
			}
		break;
	case Q_SHORT:
		sb_add(&b, r);
		break;
	}
	free(a);
	free(c);
	return b.p;
}

char *
ses_correct_text(const mod_slide *q)
{
	size_t size = 64 + 48 * (size_t)(q->nchoices + q->nitems + q->npairs);
	char *buf, *t;

	if (q->qtype == Q_SHORT && q->naccept > 0)
		size += strlen(q->accept[0]);
	buf = xmalloc(size);
	resp_correct(q, buf, size);
	t = ses_response_text(q, buf[0] || q->qtype == Q_SHORT ? buf : NULL);
	free(buf);
	return t;
}
