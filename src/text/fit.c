/* fit.c: rows that wrap, lines that wrap, and the overlap check (see
 * fit.h). All of it is greedy and linear but the check, which compares
 * every pair: a screen has at most a few hundred controls. */
#include "fit.h"

#include <string.h>

int
fit_flow(const int *w, int n, int x, int y, int maxw, int h, int gap, int align,
         fit_rect *out)
{
	int i = 0, top = y;

	if (n <= 0)
		return 0;
	while (i < n) {
		int first = i, used = 0, shift, k;

		/* as many items as fit on this row, and always at least one */
		do {
			int iw = w[i] < maxw ? w[i] : maxw;

			if (i > first && used + gap + iw > maxw)
				break;
			out[i] = (fit_rect){ x + used + (i > first ? gap : 0), y, iw, h };
			used += (i > first ? gap : 0) + iw;
			i++;
		} while (i < n);
		shift = align == FIT_END ? maxw - used : align == FIT_CENTER ? (maxw - used) / 2 : 0;
		for (k = first; k < i; k++)
			out[k].x += shift;
		y += h + gap;
	}
	return y - gap - top;
}

/* bytes of the UTF-8 character at s */
static int
char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	int n = 1;

	if (c >= 0xC0)
		while ((s[n] & 0xC0) == 0x80)
			n++;
	return n;
}

int
fit_wrap(const char *s, int maxw, fit_measure_fn measure, void *ud, int *start,
         int *len, int max)
{
	int n = 0, total = (int)strlen(s), p = 0;

	while (p < total) {
		int end = p, best = -1, q;

		while (p < total && s[p] == ' ')
			p++;
		if (p >= total)
			break;
		/* the longest run of whole words from p that fits */
		for (q = p; q <= total; q++) {
			if (q == total || s[q] == ' ') {
				if (measure(ud, s + p, q - p) <= maxw)
					best = q;
				else
					break;
			}
		}
		if (best > p) {
			end = best;
		} else {
			/* one word wider than the line: as many characters as fit,
			 * at least one */
			end = p + char_len(s + p);
			while (end < total && s[end] != ' ') {
				int next = end + char_len(s + end);

				if (measure(ud, s + p, next - p) > maxw)
					break;
				end = next;
			}
		}
		if (n < max) {
			start[n] = p;
			len[n] = end - p;
		}
		n++;
		p = end;
	}
	return n;
}

static int
inside(fit_rect r, int w, int h)
{
	return r.x >= 0 && r.y >= 0 && r.w >= 0 && r.h >= 0 && r.x + r.w <= w && r.y + r.h <= h;
}

static int
overlap(fit_rect p, fit_rect q)
{
	return p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
}

int
fit_check(const fit_rect *r, int n, int w, int h, int *a, int *b)
{
	int i, j;

	for (i = 0; i < n; i++) {
		if (!inside(r[i], w, h)) {
			*a = i;
			return FIT_OUTSIDE;
		}
	}
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++) {
			if (overlap(r[i], r[j])) {
				*a = i;
				*b = j;
				return FIT_OVERLAP;
			}
		}
	}
	return FIT_OK;
}
