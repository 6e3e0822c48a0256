/* grade.c: judging responses (the format is in format/response.h).
 *
 * A response is judged against the module's answer key: -1 when it does
 * not fit the question (malformed, or written for another version of it),
 * else right or wrong. Short answers are compared after fold_text(), so
 * case, spacing and typographic quotes never make a right answer wrong;
 * an answer that differs from an accepted one only in accents (unless the
 * question says `accents: strict`) or in a plural ending is accepted as
 * close, and the screen shows the accepted spelling. An accepted answer
 * may have optional parts in brackets, "conflict[s] of interest"; each
 * spelling it allows is compared. */
#include "grade.h"

#include <stdlib.h>
#include <string.h>

#include "base/fold.h"
#include "base/util.h"
#include "format/response.h"

enum { GRADE_MAX_ITEMS = RESP_MAX_ITEMS };

/* ------------------------------------------------------------ short answers */

int
grade_short_equal(const char *a, const char *b)
{
	char *fa = fold_text(a), *fb = fold_text(b);
	int eq = fa && fb && strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return eq;
}

/* 1 when word a is word b with a plural ending: "s", or "es" (boxes). */
static int
plural_of(const char *a, size_t na, const char *b, size_t nb)
{
	if (nb < 2 || na <= nb || na > nb + 2 || memcmp(a, b, nb) != 0)
		return 0; /* (lengths first: memcmp must stay inside a) */
	return (na == nb + 1 && a[nb] == 's') ||
	       (na == nb + 2 && a[nb] == 'e' && a[nb + 1] == 's');
}

/* when folded texts a and b have the same words, each the same or one the
 * other's plural ("conflicts of interest", "conflict of interest"): 1 +
 * the number of words that differ; else 0. */
static int
same_but_plural(const char *a, const char *b)
{
	int differ = 0;

	while (*a && *b) {
		size_t na = strcspn(a, " "), nb = strcspn(b, " ");

		if (!(na == nb && memcmp(a, b, na) == 0)) {
			if (!plural_of(a, na, b, nb) && !plural_of(b, nb, a, na))
				return 0;
			differ++;
		}
		a += na;
		b += nb;
		if (*a != *b)
			return 0; /* one has more words */
		if (*a)
			a++, b++;
	}
	return !*a && !*b ? 1 + differ : 0;
}

/* how folded response fr (and fu, unaccented) compares with one spelling
 * of an accepted answer: GRADE_EXACT, GRADE_CLOSE or GRADE_NO. For a
 * close one, *differ gets how many words differ. */
static int
compare_one(const mod_slide *q, const char *fr, const char *fu, const char *spelling,
            int *differ)
{
	char *fa = fold_text(spelling), *ua;
	int d = 0;

	if (!fa)
		return GRADE_NO;
	if (strcmp(fa, fr) == 0) {
		free(fa);
		return GRADE_EXACT;
	}
	if (q->strict_accents) {
		d = same_but_plural(fr, fa);
	} else if ((ua = fold_unaccented(spelling))) {
		d = same_but_plural(fu, ua);
		free(ua);
	}
	free(fa);
	*differ = d;
	return d ? GRADE_CLOSE : GRADE_NO;
}

/* every spelling of accepted answer a, with and without each [optional]
 * part, compared with the response; the best result wins and, when it is
 * only close, *best_spelling gets the spelling with the fewest words off
 * (malloc'd, else NULL), *best_differ that number. */
static int
compare_answer(const mod_slide *q, const char *fr, const char *fu, const char *a,
               char **best_spelling, int *best_differ)
{
	size_t len = strlen(a);
	char *sp = xmalloc(len + 1);
	int groups = 0, mask, best = GRADE_NO, differ = 0;
	const char *p;

	for (p = a; *p; p++)
		groups += *p == '[';
	if (groups > GRADE_MAX_OPTIONAL)
		groups = GRADE_MAX_OPTIONAL; /* the loader refuses more */
	for (mask = 0; mask < 1 << groups && best != GRADE_EXACT; mask++) {
		size_t n = 0;
		int g = -1, keep = 1, r;

		/* bit g of mask: optional part g is left out; the spaces
		 * around a part left out become one, as the learner types */
		for (p = a; *p; p++) {
			if (*p == '[' && g + 1 < groups) {
				g++;
				keep = !(mask >> g & 1);
			} else if (*p == ']' && g >= 0 && g < groups) {
				keep = 1;
			} else if (keep && !(*p == ' ' && (n == 0 || sp[n - 1] == ' '))) {
				sp[n++] = *p;
			}
		}
		while (n > 0 && sp[n - 1] == ' ')
			n--;
		sp[n] = '\0';
		r = compare_one(q, fr, fu, sp, &differ);
		if (r > best || (r == GRADE_CLOSE && differ < *best_differ)) {
			best = r;
			if (r == GRADE_CLOSE) {
				free(*best_spelling);
				*best_spelling = xstrdup(sp);
				*best_differ = differ;
			}
		}
	}
	free(sp);
	return best;
}

int
grade_short_match(const mod_slide *q, const char *r, char **close_to)
{
	char *fr = fold_text(r), *fu = fold_unaccented(r), *spelling = NULL;
	int i, best = GRADE_NO, differ = 1 << 30;

	if (close_to)
		*close_to = NULL;
	if (!fr || !fu || q->qtype != Q_SHORT) {
		free(fr);
		free(fu);
		return -1;
	}
	for (i = 0; i < q->naccept && best != GRADE_EXACT; i++) {
		char *sp = NULL;
		int d = 1 << 30, m = compare_answer(q, fr, fu, q->accept[i], &sp, &d);

		if (m > best || (m == GRADE_CLOSE && d < differ)) {
			best = m;
			differ = d;
			free(spelling);
			spelling = sp;
		} else {
			free(sp);
		}
	}
	free(fr);
	free(fu);
	if (best == GRADE_CLOSE && close_to)
		*close_to = spelling;
	else
		free(spelling);
	return best;
}

/* ------------------------------------------------------------ judging */

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
	case Q_SHORT:
		i = grade_short_match(q, r, NULL);
		return i < 0 ? -1 : i != GRADE_NO;
	default:
		return -1;
	}
}

int
grade_points(const mod_slide *q, const char *response)
{
	return grade_judge(q, response) == 1 ? q->points : 0;
}

