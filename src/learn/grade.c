/* grade.c: judging responses (the format is in format/response.h).
 *
 * A response is judged against the module's answer key: -1 when it does
 * not fit the question (malformed, or written for another version of it),
 * else right or wrong. Short answers are compared after fold_text(), so
 * case and spacing never make a right answer wrong. */
#include "grade.h"

#include <stdlib.h>
#include <string.h>

#include "base/fold.h"
#include "format/response.h"

enum { GRADE_MAX_ITEMS = RESP_MAX_ITEMS };

/* ------------------------------------------------------------ judging */

int
grade_short_equal(const char *a, const char *b)
{
	char *fa = fold_text(a), *fb = fold_text(b);
	int eq = fa && fb && strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return eq;
}

/* ------------------------------------------------------------ judging */

static int
judge_choices(const mod_slide *q, const char *r, int several)
{
	int idx[GRADE_MAX_ITEMS], n, i, j, ok = 1;

	n = resp_parse_indices(r, idx, GRADE_MAX_ITEMS);
	if (n < 0 || (!several && n != 1))
		return -1;
	for (i = 0; i < n; i++) {
		if (idx[i] >= q->nchoices || (i > 0 && idx[i] <= idx[i - 1]))
			return -1; /* out of range, or not strictly ascending */
	}
	/* right when the chosen set is exactly the set of correct choices */
	for (i = 0, j = 0; i < q->nchoices; i++) {
		int chosen = j < n && idx[j] == i;

		if (chosen)
			j++;
		if (chosen != (q->choices[i].correct != 0))
			ok = 0;
	}
	return ok;
}

static int
judge_order(const mod_slide *q, const char *r)
{
	int idx[GRADE_MAX_ITEMS], used[GRADE_MAX_ITEMS] = { 0 }, n, i, ok = 1;

	n = resp_parse_indices(r, idx, GRADE_MAX_ITEMS);
	if (n != q->nitems || n > GRADE_MAX_ITEMS)
		return -1;
	for (i = 0; i < n; i++) {
		if (idx[i] >= n || used[idx[i]])
			return -1; /* must be a permutation of the items */
		used[idx[i]] = 1;
		if (idx[i] != i)
			ok = 0;
	}
	return ok;
}

static int
judge_match(const mod_slide *q, const char *r)
{
	int l[GRADE_MAX_ITEMS], rt[GRADE_MAX_ITEMS], n, i, ok;

	n = resp_parse_pairs(r, l, rt, GRADE_MAX_ITEMS);
	if (n < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (l[i] >= q->npairs || rt[i] >= q->npairs || (i > 0 && l[i] <= l[i - 1]))
			return -1;
	}
	/* every left item paired with its own right item */
	ok = n == q->npairs;
	for (i = 0; ok && i < n; i++)
		if (l[i] != rt[i])
			ok = 0;
	return ok;
}

int
grade_judge(const mod_slide *q, const char *r)
{
	int i;

	if (!q || !r)
		return -1;
	switch (q->qtype) {
	case Q_SINGLE:
	case Q_DECISION:
		return judge_choices(q, r, 0);
	case Q_MULTIPLE:
		return judge_choices(q, r, 1);
	case Q_TRUE_FALSE:
		if (strcmp(r, "true") == 0)
			return q->answer != 0;
		if (strcmp(r, "false") == 0)
			return q->answer == 0;
		return -1;
	case Q_ORDER:
		return judge_order(q, r);
	case Q_MATCH:
		return judge_match(q, r);
	case Q_SHORT: {
		char *fr = fold_text(r);
		int ok = 0;

		if (!fr)
			return -1;
		for (i = 0; i < q->naccept && !ok; i++) {
			char *fa = fold_text(q->accept[i]);

			ok = fa && strcmp(fa, fr) == 0;
			free(fa);
		}
		free(fr);
		return ok;
	}
	default:
		return -1;
	}
}

int
grade_points(const mod_slide *q, const char *response)
{
	return grade_judge(q, response) == 1 ? q->points : 0;
}

