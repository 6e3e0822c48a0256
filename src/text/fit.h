/* fit.h: fitting controls into a window, without SDL: rows of buttons that
 * wrap onto more rows when the window is narrow, short texts wrapped into
 * lines, and the check that nothing left the window or lies over something
 * else. The kiosk screens lay out with these, and `lectern render --kiosk`
 * checks what they placed (tests/sh/kiosk_layout.sh runs it at every
 * projector size, text scale and language). Widths are measured by the
 * host through a callback, as layout.h does. */
#ifndef LT_FIT_H
#define LT_FIT_H

typedef struct {
	int x, y, w, h;
} fit_rect;

enum { FIT_START, FIT_END, FIT_CENTER }; /* where a row's items sit */

/* place n items of widths w[] (each h high) in rows of at most maxw
 * starting at x, y: items in a row are gap apart, rows gap apart; an item
 * wider than maxw gets maxw. Each row is aligned as align says. Fills
 * out[n]; returns the height used (0 when n is 0). */
int fit_flow(const int *w, int n, int x, int y, int maxw, int h, int gap, int align,
             fit_rect *out);

/* width in pixels of len bytes of s */
typedef int (*fit_measure_fn)(void *ud, const char *s, int len);
/* break s into lines no wider than maxw: at spaces, and inside a word only
 * when the word alone is wider (between UTF-8 characters). Fills start[]
 * and len[] (byte offsets, trailing spaces left out) for at most max
 * lines; returns the number of lines the text needs (may exceed max). */
int fit_wrap(const char *s, int maxw, fit_measure_fn measure, void *ud, int *start,
             int *len, int max);

enum { FIT_OK, FIT_OUTSIDE, FIT_OVERLAP };
/* check n rectangles in a w x h window: FIT_OUTSIDE with *a when one is
 * not entirely inside, FIT_OVERLAP with *a < *b when two overlap (sharing
 * an edge is not overlapping), else FIT_OK. */
int fit_check(const fit_rect *r, int n, int w, int h, int *a, int *b);

#endif
