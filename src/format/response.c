/* response.c: the response format (see response.h).
 *
 * Choice-like responses are lists of 0-based indices separated by "[,]",
 * match responses pairs "L[.]R"; both are parsed strictly (digits only, no
 * leading zeros, no spaces) so that a stored response has exactly one
 * spelling and anything else is reported as malformed (-1) instead of being
 * guessed at. */
#include "response.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ index lists */

/* parse a non-negative decimal with no sign and no leading zero at *sp,
 * advancing *sp. -1 when there is none or it is absurdly large. */
static int
parse_index(const char **sp)
{
	const char *s = *sp;
	long v = 0;

	if (*s < '0' || *s > '9')
		return -1;
	if (*s == '0' && s[1] >= '0' && s[1] <= '9')
		return -1;
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (*s - '0');
		if (v > 100000)
			return -1;
		s++;
	}
	*sp = s;
	return (int)v;
}

int
resp_parse_indices(const char *r, int *idx, int max)
{
	int n = 0, v;

	if (!r)
		return -1;
	if (!*r)
		return 0;
	for (;;) {
		if ((v = parse_index(&r)) < 0 || n >= max)
			return -1;
		idx[n++] = v;
		if (!*r)
			return n;
		if (strncmp(r, "[,]", 3) != 0)
			return -1;
		r += 3;
	}
}

int
resp_parse_pairs(const char *r, int *left, int *right, int max)
{
	int n = 0, l, rt;

	if (!r)
		return -1;
	if (!*r)
		return 0;
	for (;;) {
		if ((l = parse_index(&r)) < 0 || strncmp(r, "[.]", 3) != 0)
			return -1;
		r += 3;
		if ((rt = parse_index(&r)) < 0 || n >= max)
			return -1;
		left[n] = l;
		right[n++] = rt;
		if (!*r)
			return n;
		if (strncmp(r, "[,]", 3) != 0)
			return -1;
		r += 3;
	}
}

/* the items of a response joined by "[,]" (xAPI): a[i], or a[i][.]b[i]
 * when b is given. */
static char *
join(const int *a, const int *b, int n, char *buf, size_t size)
{
	size_t len = 0;
	char num[40];
	int i;

	if (size)
		buf[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			str_append(buf, size, &len, "[,]");
		if (b)
			snprintf(num, sizeof num, "%d[.]%d", a[i], b[i]);
		else
			snprintf(num, sizeof num, "%d", a[i]);
		str_append(buf, size, &len, num);
	}
	return buf;
}

char *
resp_format_indices(const int *idx, int n, char *buf, size_t size)
{
	return join(idx, NULL, n, buf, size);
}

char *
resp_format_pairs(const int *left, const int *right, int n, char *buf,
                   size_t size)
{
	return join(left, right, n, buf, size);
}

char *
resp_correct(const mod_slide *q, char *buf, size_t size)
{
	int idx[RESP_MAX_ITEMS], n = 0, i;

	if (size)
		buf[0] = '\0';
	switch (q->qtype) {
	case Q_SINGLE:
	case Q_MULTIPLE:
	case Q_DECISION:
		for (i = 0; i < q->nchoices && n < RESP_MAX_ITEMS; i++)
			if (q->choices[i].correct) {
				idx[n++] = i;
				if (q->qtype != Q_MULTIPLE)
					break; /* one choice is the answer */
			}
		return resp_format_indices(idx, n, buf, size);
	case Q_TRUE_FALSE:
		snprintf(buf, size, "%s", q->answer ? "true" : "false");
		return buf;
	case Q_ORDER:
		for (i = 0; i < q->nitems && i < RESP_MAX_ITEMS; i++)
			idx[i] = i;
		return resp_format_indices(idx, i, buf, size);
	case Q_MATCH:
		for (i = 0; i < q->npairs && i < RESP_MAX_ITEMS; i++)
			idx[i] = i;
		return resp_format_pairs(idx, idx, i, buf, size);
	case Q_SHORT:
		if (q->naccept > 0)
			mod_accept_plain(q->accept[0], buf, size);
		return buf;
	default:
		return buf;
	}
}

const char *
resp_interaction_type(int qtype)
{
	switch (qtype) {
	case Q_SINGLE:
	case Q_MULTIPLE:
	case Q_DECISION:
		return "choice";
	case Q_TRUE_FALSE:
		return "true-false";
	case Q_ORDER:
		return "sequencing";
	case Q_MATCH:
		return "matching";
	case Q_SHORT:
		return "fill-in";
	default:
		return NULL;
	}
}

