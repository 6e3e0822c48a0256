/* layout.c: turns slide text into positioned boxes.
 *
 * How it works. lay_text copies the text into lay.text with the markup
 * removed and whitespace collapsed (a blank line in the source becomes a
 * hard break '\n'), remembering the style of every byte. That copy is cut
 * into pieces: stretches of one style between break opportunities (spaces,
 * and after each CJK character). Pieces not separated by a break form a
 * word, and words fill lines greedily; a word wider than the line is the
 * one thing cut between characters, so nothing ever sticks out.
 *
 * Each line is then placed. Pieces whose direction is opposite to the
 * column's (Latin inside Arabic, Arabic inside English) form groups whose
 * order is reversed, a small subset of the Unicode bidi algorithm that is
 * enough for words and phrases; a right-to-left line is mirrored as a whole
 * and right-aligned. Neighbouring pieces of one style and direction merge
 * into one box, so the host renders whole phrases, not single words.
 *
 * Blocks (headings, lists, callouts, quotes, images) are in
 * layout_blocks.c, on top of layi_text_at and layi_item_at. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "layout_int.h"
#include "base/util.h"

enum { DIR_LTR = 0, DIR_RTL = 1, DIR_NEUTRAL = -1 };

typedef struct {
	int off, len;    /* bytes in L->text */
	int style;
	int dir;         /* DIR_*, resolved per line */
	int w;           /* measured width */
	int brk;         /* a line may break before this piece */
	int space;       /* a space precedes it */
	int hard;        /* a hard break precedes it */
	int num;         /* neutral with digits: joins a left-to-right neighbour */
} piece;

typedef struct {
	piece *v;
	int n, cap;
} pieces;

/* ------------------------------------------------------------ utf-8 */
unsigned
lay_utf8_next(const char *s, int len, int *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	int left = len - *i, n, k;
	unsigned c, min;

	if (p[0] < 0x80) {
		(*i)++;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0) { n = 2; c = p[0] & 0x1F; min = 0x80; }
	else if ((p[0] & 0xF0) == 0xE0) { n = 3; c = p[0] & 0x0F; min = 0x800; }
	else if ((p[0] & 0xF8) == 0xF0) { n = 4; c = p[0] & 0x07; min = 0x10000; }
	else goto bad;
	if (left < n)
		goto bad;
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (p[k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*i += n;
	return c;
bad:
	(*i)++;
	return 0xFFFD;
}

int
lay_is_rtl_char(unsigned c)
{
	return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
	       (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF) ||
	       (c >= 0x1E800 && c <= 0x1EFFF);
}

int
lay_is_ltr_char(unsigned c)
{
	if (lay_is_rtl_char(c))
		return 0;
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		return 1;
	/* beyond ASCII: letters of Latin, Greek, Cyrillic, CJK ... are strong
	 * left to right; general punctuation and symbols are not */
	if (c < 0xC0 || c == 0xD7 || c == 0xF7)
		return 0;
	if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF20))
		return 0;
	return 1;
}

int
lay_is_cjk(unsigned c)
{
	return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x3FFFF);
}

int
lay_lang_is_rtl(const char *lang)
{
	static const char *rtl[] = { "ar", "he", "fa", "ur", "yi", "ps", "sd", "ug",
	                             "dv", "ckb", "iw" };
	size_t i, n;

	if (!lang)
		return 0;
	n = strcspn(lang, "-_");
	for (i = 0; i < LT_NELEM(rtl); i++)
		if (strlen(rtl[i]) == n && strncmp(lang, rtl[i], n) == 0)
			return 1;
	return 0;
}

/* ------------------------------------------------------------ buffers */
void
lay_init(lay *L, const lay_params *p)
{
	memset(L, 0, sizeof *L);
	L->p = *p;
}

void
lay_reset(lay *L)
{
	L->nbox = 0;
	L->ntext = 0;
	L->y = 0;
	L->tag = 0;
}

void
lay_free(lay *L)
{
	free(L->box);
	free(L->text);
	memset(L, 0, sizeof *L);
}

lay_box *
layi_add_box(lay *L, int kind, int x, int y, int w, int h, int role)
{
	lay_box *b;

	if (L->nbox == L->capbox) {
		L->capbox = L->capbox ? 2 * L->capbox : 64;
		L->box = xrealloc(L->box, (size_t)L->capbox * sizeof *L->box);
	}
	b = &L->box[L->nbox++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->x = x;
	b->y = y;
	b->w = w;
	b->h = h;
	b->role = role;
	b->tag = L->tag;
	return b;
}

static void
put_char(lay *L, char c, unsigned char **st, int *capst, int style)
{
	if (L->ntext + 1 >= L->captext) {
		L->captext = L->captext ? 2 * L->captext : 1024;
		L->text = xrealloc(L->text, (size_t)L->captext);
	}
	if (L->ntext >= *capst) {
		*capst = L->captext;
		*st = xrealloc(*st, (size_t)*capst);
	}
	(*st)[L->ntext] = (unsigned char)style;
	L->text[L->ntext++] = c;
	L->text[L->ntext] = '\0';
}

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* 1 when a closing delimiter of n stars follows s[i...]: stars preceded by
 * a non-space, and for a single star not part of a double one. */
static int
has_closer(const char *s, size_t i, int n)
{
	for (; s[i]; i++) {
		if (s[i] == '\\' && s[i + 1]) {
			i++;
			continue;
		}
		if (s[i] != '*')
			continue;
		if (n == 2 && s[i + 1] == '*' && i > 0 && !is_ws(s[i - 1]))
			return 1;
		if (n == 1 && s[i + 1] == '*') {
			i++; /* a double star inside italics is bold, skip it */
			continue;
		}
		if (n == 1 && i > 0 && !is_ws(s[i - 1]))
			return 1;
	}
	return 0;
}

/* copy src into L->text without markup, whitespace collapsed; styles of
 * each byte go to *st. Returns the start offset. */
static int
copy_text(lay *L, const char *src, int flags, unsigned char **st, int *capst)
{
	int start = L->ntext, bold = 0, italic = 0, base;
	size_t i = 0;

	base = ((flags & LAY_STRONG) ? LAY_BOLD : 0) | ((flags & LAY_EMPH) ? LAY_ITALIC : 0);
	while (src && src[i]) {
		char c = src[i];
		if (is_ws(c)) {
			int nl = 0;
			while (is_ws(src[i]))
				nl += src[i++] == '\n';
			if (L->ntext > start && src[i])
				put_char(L, nl >= 2 ? '\n' : ' ', st, capst, 0);
			continue;
		}
		if (!(flags & LAY_PLAIN)) {
			if (c == '\\' && (src[i + 1] == '*' || src[i + 1] == '\\')) {
				put_char(L, src[i + 1], st, capst,
				         base | (bold ? LAY_BOLD : 0) | (italic ? LAY_ITALIC : 0));
				i += 2;
				continue;
			}
			if (c == '*' && src[i + 1] == '*') {
				if (bold && i > 0 && !is_ws(src[i - 1])) {
					bold = 0;
					i += 2;
					continue;
				}
				if (!bold && src[i + 2] && !is_ws(src[i + 2]) &&
				    has_closer(src, i + 3, 2)) {
					bold = 1;
					i += 2;
					continue;
				}
			} else if (c == '*') {
				if (italic && i > 0 && !is_ws(src[i - 1])) {
					italic = 0;
					i++;
					continue;
				}
				if (!italic && src[i + 1] && !is_ws(src[i + 1]) &&
				    has_closer(src, i + 2, 1)) {
					italic = 1;
					i++;
					continue;
				}
			}
		}
		put_char(L, c, st, capst,
		         base | (bold ? LAY_BOLD : 0) | (italic ? LAY_ITALIC : 0));
		i++;
	}
	return start;
}

static piece *
add_piece(pieces *P)
{
	if (P->n == P->cap) {
		P->cap = P->cap ? 2 * P->cap : 64;
		P->v = xrealloc(P->v, (size_t)P->cap * sizeof *P->v);
	}
	memset(&P->v[P->n], 0, sizeof P->v[0]);
	return &P->v[P->n++];
}

static int
piece_dir(const char *s, int len)
{
	int i = 0, dir = DIR_NEUTRAL;
	unsigned c;

	while (i < len) {
		c = lay_utf8_next(s, len, &i);
		if (lay_is_rtl_char(c))
			return DIR_RTL;
		if (lay_is_ltr_char(c))
			dir = DIR_LTR;
	}
	return dir;
}

static int
strpbrk_n(const char *s, int len, const char *set)
{
	int i;

	for (i = 0; i < len; i++)
		if (strchr(set, s[i]))
			return 1;
	return 0;
}

/* cut L->text[start..] into pieces at spaces, hard breaks, style changes,
 * changes of direction inside a word ("News،": each part is ordered by its
 * own direction) and after CJK characters. */
static void
cut_pieces(lay *L, int start, const unsigned char *st, pieces *P)
{
	int pos = start, end = L->ntext, brk = 1, space = 0, hard = 0;

	while (pos < end) {
		piece *p;
		int q, cjk = 0, sd = DIR_NEUTRAL;
		char c = L->text[pos];

		if (c == ' ' || c == '\n') {
			space = c == ' ';
			hard |= c == '\n';
			brk = 1;
			pos++;
			continue;
		}
		q = pos;
		while (q < end && L->text[q] != ' ' && L->text[q] != '\n' &&
		       st[q] == st[pos]) {
			int k = q;
			unsigned u = lay_utf8_next(L->text, end, &k);
			int d = lay_is_rtl_char(u) ? DIR_RTL : lay_is_ltr_char(u) ? DIR_LTR
			                                                        : DIR_NEUTRAL;
			if (lay_is_cjk(u)) {
				if (q == pos)
					q = k; /* the CJK character ends its own piece */
				cjk = q == k;
				break;
			}
			if (d != DIR_NEUTRAL && sd != DIR_NEUTRAL && d != sd)
				break; /* no break opportunity: brk stays 0 */
			if (d != DIR_NEUTRAL)
				sd = d;
			q = k;
		}
		p = add_piece(P);
		p->off = pos;
		p->len = q - pos;
		p->style = st[pos];
		p->brk = brk;
		p->space = space;
		p->hard = hard;
		p->dir = piece_dir(L->text + pos, p->len);
		p->num = p->dir == DIR_NEUTRAL && strpbrk_n(L->text + pos, p->len, "0123456789");
		brk = cjk;
		space = hard = 0;
		pos = q;
	}
}

/* widths need the font: measured after cutting, once the font is known. */
static void
measure_pieces(lay *L, pieces *P, int font)
{
	int i;

	for (i = 0; i < P->n; i++)
		P->v[i].w = L->p.measure(L->p.ud, L->text + P->v[i].off, P->v[i].len,
		                         font, P->v[i].style);
}

/* the width of a piece cut off a long word is not measured when it is cut:
 * measuring the rest of a 1 MiB word on every line made breaking it
 * quadratic. split_long_words measures it once it is short enough to fit. */
enum { UNMEASURED = 1 << 28 };

/* bytes of piece p that fit in room, at least one character when one is
 * required: the characters' own widths are summed (each a short, cached
 * measure), then the prefix found is measured as one string and shortened
 * while kerning makes it wider than the sum. Linear in the bytes that fit. */
static int
fit_prefix(lay *L, const piece *p, int font, int room, int one, int *wout)
{
	const char *t = L->text + p->off;
	int a = 0, last = 0, sum = 0, w = 0;

	while (a < p->len) {
		int b = a, cw;

		lay_utf8_next(t, p->len, &b);
		cw = L->p.measure(L->p.ud, t + a, b - a, font, p->style);
		if (sum + cw > room && (a > 0 || !one))
			break;
		sum += cw;
		last = a = b;
	}
	while (last > 0 && (w = L->p.measure(L->p.ud, t, last, font, p->style)) > room) {
		int prev = last - 1;

		while (prev > 0 && ((unsigned char)t[prev] & 0xC0) == 0x80)
			prev--;
		if (prev == 0 && one)
			break; /* the one character a line must hold */
		last = prev;
		w = 0;
	}
	*wout = w;
	return last;
}

/* a word wider than the line is cut between characters. The pieces are
 * copied into a new list as they are cut, so a word cut into thousands of
 * lines never moves the pieces after it (inserting in place did, once per
 * line). */
static void
split_long_words(lay *L, pieces *P, int font, int avail)
{
	pieces Q = { 0 };
	int i = 0, k;

	while (i < P->n) {
		int j = i + 1, x = 0, brk_next = 0;
		long long w = P->v[i].w;

		while (j < P->n && !P->v[j].brk)
			w += P->v[j++].w;
		if (w <= avail) {
			for (k = i; k < j; k++)
				*add_piece(&Q) = P->v[k];
			i = j;
			continue;
		}
		/* greedy within the word: each piece goes on the line when it
		 * fits, else is cut at the last character that fits */
		for (k = i; k < j; k++) {
			piece cur = P->v[k];

			if (brk_next) {
				cur.brk = 1;
				x = brk_next = 0;
			}
			for (;;) {
				int last = 0, lw = 0;

				/* the piece's width is measured only once it fits */
				if (cur.w == UNMEASURED) {
					last = fit_prefix(L, &cur, font, avail - x, x == 0, &lw);
					if (last == cur.len)
						cur.w = lw;
				} else if (x + cur.w > avail) {
					last = fit_prefix(L, &cur, font, avail - x, x == 0, &lw);
				}
				if (cur.w != UNMEASURED && x + cur.w <= avail) {
					*add_piece(&Q) = cur;
					x += cur.w;
					break;
				}
				if (last == 0) { /* break before this piece */
					cur.brk = 1;
					x = 0;
					continue;
				}
				if (last == cur.len) { /* wider than its characters */
					*add_piece(&Q) = cur;
					brk_next = 1;
					break;
				}
				{
					piece *head = add_piece(&Q);

					*head = cur;
					head->len = last;
					head->w = lw;
				}
				cur.off += last;
				cur.len -= last;
				cur.brk = 1;
				cur.space = cur.hard = 0;
				cur.w = UNMEASURED;
				x = 0;
			}
		}
		i = j;
	}
	free(P->v);
	*P = Q;
}

/* ------------------------------------------------------------ lines */
/* the space before piece i (i > first on its line): a space between two
 * pieces of one style is drawn inside their run, in that style; between
 * styles layout places it, at the regular width. */
static int
gap_before(const pieces *P, int i, const int *spw)
{
	if (!P->v[i].space)
		return 0;
	return P->v[i].style == P->v[i - 1].style ? spw[P->v[i].style & 3] : spw[0];
}

/* place pieces [a, b) as one line at y, between the insets. */
static void
place_line(lay *L, pieces *P, int a, int b, int y, int font, int role,
           int inset_start, int inset_end, int flags, const int *spw)
{
	int D = L->p.rtl ? DIR_RTL : DIR_LTR;
	int n = b - a, i, lw, avail, origin;
	int *lx = xmalloc((size_t)n * 2 * sizeof *lx), *x = lx + n;
	int h = L->p.line_h[font];

	/* resolve neutrals: opposite direction only between opposite pieces */
	for (i = a; i < b; i++) {
		int prev = D, next = D, k;
		if (P->v[i].dir != DIR_NEUTRAL)
			continue;
		for (k = i - 1; k >= a; k--)
			if (P->v[k].dir != DIR_NEUTRAL) {
				prev = P->v[k].dir;
				break;
			}
		for (k = i + 1; k < b; k++)
			if (P->v[k].dir != DIR_NEUTRAL) {
				next = P->v[k].dir;
				break;
			}
		if (P->v[i].num && (prev == DIR_LTR || next == DIR_LTR))
			P->v[i].dir = DIR_LTR; /* "6 min", "Art. 15" stay together */
		else
			P->v[i].dir = (prev == next && prev != D) ? prev : D | 0x10;
	}
	for (i = a; i < b; i++)
		if (P->v[i].dir & 0x10)
			P->v[i].dir = D;

	/* each run of one style and direction is drawn as one string, and one
	 * string is not exactly as wide as its words (rounding, kerning): the
	 * last piece of a run takes the difference, so boxes never overlap */
	for (i = a; i < b;) {
		int j = i + 1, sum = P->v[i].w, wr;
		while (j < b && P->v[j].style == P->v[i].style && P->v[j].dir == P->v[i].dir) {
			sum += gap_before(P, j, spw) + P->v[j].w;
			j++;
		}
		if (j - i > 1) {
			wr = L->p.measure(L->p.ud, L->text + P->v[i].off,
			                  P->v[j - 1].off + P->v[j - 1].len - P->v[i].off, font,
			                  P->v[i].style);
			P->v[j - 1].w += wr - sum;
		}
		i = j;
	}

	/* logical offsets, left to right */
	lw = 0;
	for (i = a; i < b; i++) {
		if (i > a)
			lw += gap_before(P, i, spw);
		lx[i - a] = lw;
		lw += P->v[i].w;
	}
	for (i = 0; i < n; i++)
		x[i] = lx[i];
	/* reverse groups against the column direction */
	for (i = a; i < b;) {
		int j = i, g0, g1, k;
		if (P->v[i].dir == D) {
			i++;
			continue;
		}
		while (j < b && P->v[j].dir != D)
			j++;
		g0 = lx[i - a];
		g1 = lx[j - 1 - a] + P->v[j - 1].w;
		for (k = i; k < j; k++)
			x[k - a] = g0 + g1 - (lx[k - a] + P->v[k].w);
		i = j;
	}
	if (D == DIR_RTL)
		for (i = 0; i < n; i++)
			x[i] = lw - (x[i] + P->v[a + i].w);

	avail = L->p.width - inset_start - inset_end;
	if (flags & LAY_CENTER)
		origin = (D == DIR_RTL ? inset_end : inset_start) + (avail - lw) / 2;
	else if (D == DIR_RTL)
		origin = L->p.width - inset_start - lw;
	else
		origin = inset_start;

	/* merge neighbours into boxes */
	for (i = a; i < b;) {
		int j = i + 1, rtl = P->v[i].dir == DIR_RTL;
		int bx0 = x[i - a], bx1 = x[i - a] + P->v[i].w;
		lay_box *bx;
		while (j < b && P->v[j].style == P->v[i].style &&
		       P->v[j].dir == P->v[i].dir) {
			int gap = gap_before(P, j, spw);
			int xj = x[j - a], xp = x[j - 1 - a];
			if (!rtl && xj != xp + P->v[j - 1].w + gap)
				break;
			if (rtl && xj + P->v[j].w + gap != xp)
				break;
			if (xj < bx0)
				bx0 = xj;
			if (xj + P->v[j].w > bx1)
				bx1 = xj + P->v[j].w;
			j++;
		}
		bx = layi_add_box(L, LAY_TEXT, origin + bx0, y, bx1 - bx0, h, role);
		bx->off = P->v[i].off;
		bx->len = P->v[j - 1].off + P->v[j - 1].len - P->v[i].off;
		bx->font = font;
		bx->style = P->v[i].style;
		bx->rtl = rtl;
		i = j;
	}
	free(lx);
}

/* width of pieces [a, b) as one line, measured as the strings that will
 * be drawn (runs of one style), not as a sum of words. */
static int
line_width(lay *L, pieces *P, int a, int b, int font, const int *spw)
{
	int i = a, w = 0;

	while (i < b) {
		int j = i + 1;
		while (j < b && P->v[j].style == P->v[i].style)
			j++;
		if (i > a)
			w += gap_before(P, i, spw);
		w += L->p.measure(L->p.ud, L->text + P->v[i].off,
		                  P->v[j - 1].off + P->v[j - 1].len - P->v[i].off, font,
		                  P->v[i].style);
		i = j;
	}
	return w;
}

int
layi_text_at(lay *L, const char *text, int font, int role, int inset_start,
        int inset_end, int flags)
{
	unsigned char *st = NULL;
	int capst = 0, start, avail, spw[4], i, lines = 0, a, x, over;
	pieces P = { 0 };

	start = copy_text(L, text, flags, &st, &capst);
	if (L->ntext == start) {
		free(st);
		return 0;
	}
	cut_pieces(L, start, st, &P);
	free(st);
	measure_pieces(L, &P, font);
	avail = L->p.width - inset_start - inset_end;
	if (avail < 1)
		avail = 1;
	split_long_words(L, &P, font, avail);
	for (i = 0; i < 4; i++)
		spw[i] = L->p.measure(L->p.ud, " ", 1, font, i);

	a = 0;
	x = 0;
	for (i = 0; i < P.n;) {
		int j = i + 1, ww = P.v[i].w, sp;
		while (j < P.n && !P.v[j].brk)
			ww += P.v[j++].w;
		sp = i > a ? gap_before(&P, i, spw) : 0;
		/* near the edge the sum of word widths is not exact enough */
		over = x + sp + ww > avail - L->p.em / 2 &&
		       line_width(L, &P, a, j, font, spw) > avail;
		if (i > a && (P.v[i].hard || over)) {
			place_line(L, &P, a, i, L->y, font, role, inset_start, inset_end,
			           flags, spw);
			L->y += L->p.line_h[font];
			lines++;
			a = i;
			x = 0;
			sp = 0;
		}
		x += sp + ww;
		i = j;
	}
	if (a < P.n) {
		place_line(L, &P, a, P.n, L->y, font, role, inset_start, inset_end,
		           flags, spw);
		L->y += L->p.line_h[font];
		lines++;
	}
	free(P.v);
	return lines;
}

int
lay_text(lay *L, const char *text, int font, int role, int indent, int flags)
{
	return layi_text_at(L, text, font, role, indent, 0, flags);
}

/* the marker right-aligned in its column (left-aligned when mirrored). */
static void
marker_at(lay *L, const char *marker, int marker_w, int font, int indent, int y)
{
	int len = (int)strlen(marker), gap = L->p.em * 2 / 5;
	int w = L->p.measure(L->p.ud, marker, len, font, 0);
	int off = L->ntext, x;
	lay_box *b;

	if (L->ntext + len + 1 >= L->captext) {
		L->captext = L->ntext + len + 1024;
		L->text = xrealloc(L->text, (size_t)L->captext);
	}
	memcpy(L->text + L->ntext, marker, (size_t)len + 1);
	L->ntext += len;
	x = indent + marker_w - gap - w;
	if (x < indent)
		x = indent;
	if (L->p.rtl)
		x = L->p.width - x - w;
	b = layi_add_box(L, LAY_TEXT, x, y, w, L->p.line_h[font], LAY_R_MARKER);
	b->off = off;
	b->len = len;
	b->font = font;
	b->rtl = L->p.rtl; /* "3." reads ".3" in a right-to-left list */
}

int
layi_item_at(lay *L, const char *marker, int marker_w, const char *text, int font,
        int role, int indent, int inset_end, int flags)
{
	int y = L->y, lines;

	lines = layi_text_at(L, text, font, role, indent + marker_w, inset_end, flags);
	if (lines == 0)
		L->y += L->p.line_h[font];
	marker_at(L, marker, marker_w, font, indent, y);
	return lines ? lines : 1;
}

int
lay_item(lay *L, const char *marker, int marker_w, const char *text, int font,
         int role, int indent)
{
	return layi_item_at(L, marker, marker_w, text, font, role, indent, 0, 0);
}

void
lay_space(lay *L, int px)
{
	L->y += px;
}

int
lay_height(const lay *L)
{
	return L->y;
}

