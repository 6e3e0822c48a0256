/* text.c: fonts with fallback, and the cache of rendered text.
 *
 * Faces are font files (DejaVu Sans in four styles, Noto Sans Arabic in
 * two). A string is cut into segments, each in the first face that has its
 * glyphs: Arabic letters go to Noto Sans Arabic (it shapes them best), the
 * rest to DejaVu, and a character DejaVu lacks falls back to the next face
 * that has it, so no box is drawn while any shipped font has the glyph.
 * Spaces and punctuation stay in the face of the segment they are in, so
 * shaping is not cut at every space. Each segment is shaped by HarfBuzz
 * (SDL_ttf) in its own direction: right to left when it holds RTL letters.
 *
 * Rendering is the expensive part, so rendered strings are kept: the
 * segments are drawn once in white into one surface, turned into a
 * texture, and drawn in any colour with a colour mod. The cache is keyed
 * by text, pixel size, style and direction, and bounded: when it is full
 * the entries used longest ago are dropped. Measured widths are kept too
 * (text, size, style), so chrome drawn every frame and layout after a
 * theme change shape nothing again; that table is emptied when full (by
 * entries or by bytes; long strings are not kept).
 * Open fonts are cached per face and size in the same way (sizes change
 * only on resize or Ctrl+Plus). */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <SDL_ttf.h>

#include "ui.h"
#include "base/i18n.h"
#include "base/safefile.h"
#include "base/util.h"

enum { FACE_R, FACE_B, FACE_I, FACE_BI, FACE_AR, FACE_AR_B, NFACES };

static const char *face_file[NFACES] = {
	"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
	"DejaVuSans-BoldOblique.ttf", "NotoSansArabic-Regular.ttf",
	"NotoSansArabic-Bold.ttf",
};

enum { MAX_FONTS = 40, MAX_TEX = 2048, MAX_SEG = 64 };

typedef struct {
	int face, px;
	TTF_Font *f;
	unsigned stamp;
} open_font;

typedef struct tex_entry {
	char *s;             /* key: text */
	int len, px, style, rtl;
	unsigned hash;
	SDL_Texture *tex;
	int w, h, base;      /* size; base: surface top to baseline */
	unsigned stamp;
	struct tex_entry *next;
} tex_entry;

/* a measured width: headers, buttons and layout ask for the same strings
 * again and again, and measuring means shaping. The table is bounded by
 * entries and by the bytes of its keys, and a string longer than
 * WIDTH_MAX_KEY is measured without being kept: breaking a long word asks
 * for many long prefixes once each, and keeping them all cost gigabytes. */
enum { WIDTHS = 8192, WIDTH_MAX_KEY = 1024, WIDTH_BYTES = 1024 * 1024 };
typedef struct {
	char *s;             /* NULL: free slot */
	int len, px, style;
	unsigned hash;
	int w;
} width_entry;

struct ui_text {
	char *path[NFACES];
	void *map[NFACES];        /* the font file mapped into memory, or NULL */
	size_t map_len[NFACES];
	TTF_Font *probe[NFACES];  /* for glyph coverage only */
	open_font fonts[MAX_FONTS];
	int nfonts;
	tex_entry *bucket[1024];
	int ntex;
	long pixels;              /* held by the cached textures */
	unsigned stamp;
	SDL_Renderer *ren;
	width_entry widths[WIDTHS]; /* measured widths, open addressing */
	int nwidths;
	size_t width_bytes;       /* key bytes held by widths */
};

typedef struct {
	int off, len, face, rtl;
	int num;             /* a number cut out of right-to-left text */
} segment;

static unsigned hash_key(const char *s, int len, int px, int style, int rtl);

static void
widths_clear(ui_text *t)
{
	int i;

	for (i = 0; i < WIDTHS; i++) {
		free(t->widths[i].s);
		t->widths[i].s = NULL;
	}
	t->nwidths = 0;
	t->width_bytes = 0;
}

/* ------------------------------------------------------------ fonts */
/* Fonts are opened from their files mapped into memory. Opened by name,
 * FreeType reads every glyph it loads through a seek and a read on the
 * file: about 17,000 system calls before the catalog's first frame, a
 * third of its start-up time (make bench). From memory they cost none, and
 * the mapped pages are shared with every other program using the font. */
static void
map_face(ui_text *t, int face)
{
	struct stat st;
	void *p;
	char err[300];
	int fd = sf_open(t->path[face], 0, INT_MAX - 1, &st, err, sizeof err);

	if (fd < 0)
		return; /* open_face then says what is wrong */
	if (st.st_size > 0) {
		p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p != MAP_FAILED) {
			t->map[face] = p;
			t->map_len[face] = (size_t)st.st_size;
		}
	}
	close(fd);
}

/* face at px from its mapping, or from its file when it could not be mapped */
static TTF_Font *
open_face(ui_text *t, int face, int px)
{
	SDL_RWops *rw;

	if (!t->map[face]) {
		struct stat st;
		char err[300];
		int fd = sf_open(t->path[face], 0, INT_MAX - 1, &st, err, sizeof err);

		/* a FIFO in place of a font must not block the open */
		if (fd < 0) {
			SDL_SetError("%s: %s", t->path[face], err);
			return NULL;
		}
		close(fd);
		return TTF_OpenFont(t->path[face], px);
	}
	rw = SDL_RWFromConstMem(t->map[face], (int)t->map_len[face]);
	return rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
}

static void
unmap_faces(ui_text *t)
{
	int i;

	for (i = 0; i < NFACES; i++)
		if (t->map[i])
			munmap(t->map[i], t->map_len[i]);
}

int
ui_fonts_load(ui_app *a, const char *dir)
{
	ui_text *t = xcalloc(1, sizeof *t);
	int i;

	if (!TTF_WasInit() && TTF_Init() != 0) {
		fprintf(stderr, _("lectern: cannot start the font engine: %s\n"), TTF_GetError());
		free(t);
		return -1;
	}
	for (i = 0; i < NFACES; i++) {
		t->path[i] = xasprintf("%s/%s", dir, face_file[i]);
		map_face(t, i);
		t->probe[i] = open_face(t, i, 12);
		if (!t->probe[i]) {
			fprintf(stderr, _("lectern: %s: cannot open font: %s\n"), t->path[i],
			        TTF_GetError());
			while (i >= 0) {
				if (t->probe[i])
					TTF_CloseFont(t->probe[i]);
				free(t->path[i--]);
			}
			unmap_faces(t);
			free(t);
			return -1;
		}
	}
	t->ren = a->ren;
	a->text = t;
	return 0;
}

static TTF_Font *
font_at(ui_text *t, int face, int px)
{
	int i, old = 0;
	open_font *o;

	t->stamp++;
	for (i = 0; i < t->nfonts; i++) {
		if (t->fonts[i].face == face && t->fonts[i].px == px) {
			t->fonts[i].stamp = t->stamp;
			return t->fonts[i].f;
		}
		if (t->fonts[i].stamp < t->fonts[old].stamp)
			old = i;
	}
	if (t->nfonts < MAX_FONTS) {
		o = &t->fonts[t->nfonts++];
	} else {
		o = &t->fonts[old];
		TTF_CloseFont(o->f);
	}
	o->face = face;
	o->px = px;
	o->stamp = t->stamp;
	o->f = open_face(t, face, px);
	if (!o->f) /* it opened at start-up; only memory can fail now */
		die("lectern: %s: %s", t->path[face], TTF_GetError());
	TTF_SetFontHinting(o->f, TTF_HINTING_LIGHT);
	return o->f;
}

static int
is_arabic(unsigned c)
{
	return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
	       (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
	       (c >= 0xFE70 && c <= 0xFEFF);
}

static int
provided(ui_text *t, int face, unsigned c)
{
	return TTF_GlyphIsProvided32(t->probe[face], c) != 0;
}

/* the face for character c in style, preferring prev for neutrals. */
static int
face_for(ui_text *t, unsigned c, int style, int prev)
{
	int sans = (style & LAY_BOLD) ? ((style & LAY_ITALIC) ? FACE_BI : FACE_B)
	                              : ((style & LAY_ITALIC) ? FACE_I : FACE_R);
	int ar = (style & LAY_BOLD) ? FACE_AR_B : FACE_AR;

	if (is_arabic(c) && provided(t, ar, c))
		return ar;
	if (prev >= 0 && !lay_is_ltr_char(c) && !lay_is_rtl_char(c) &&
	    provided(t, prev, c))
		return prev;
	if (provided(t, sans, c))
		return sans;
	if (provided(t, ar, c))
		return ar;
	return sans;
}

static int
is_digit(unsigned c)
{
	return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) ||
	       (c >= 0x06F0 && c <= 0x06F9);
}

/* 1 when the segment so far holds a right-to-left letter, or none while
 * the text runs right to left: digits there are a number of their own. */
static int
rtl_context(const char *s, const segment *g, int rtl)
{
	int j = 0;

	while (j < g->len) {
		unsigned c = lay_utf8_next(s + g->off, g->len, &j);
		if (lay_is_rtl_char(c))
			return 1;
		if (lay_is_ltr_char(c))
			return 0;
	}
	return rtl;
}

/* cut s into segments of one face; returns how many (at most MAX_SEG,
 * the last one taking the rest). A number in right-to-left text (1993,
 * 12.5, 12 500, 85%) becomes a segment of its own shaped left to right,
 * as the bidi algorithm orders it; HarfBuzz alone reverses its digits. */
static int
segments(ui_text *t, const char *s, int len, int style, int rtl, segment *seg)
{
	int i = 0, n = 0, k;

	while (i < len) {
		int at = i, f, num = 0;
		unsigned c = lay_utf8_next(s, len, &i);
		f = face_for(t, c, style, n ? seg[n - 1].face : -1);
		if (n > 0 && seg[n - 1].num) {
			/* digits, and a separator with a digit after it */
			int j = i;
			int sep = (c && c < 128 && strchr(".,:/", (int)c)) || c == 0xA0 ||
			          c == 0x202F || c == 0x066B || c == 0x066C;
			num = is_digit(c) || c == '%' || c == 0x066A || c == 0x2030 ||
			      (sep && j < len && is_digit(lay_utf8_next(s, len, &j)));
		} else if (is_digit(c)) {
			num = n == 0 ? rtl : rtl_context(s, &seg[n - 1], rtl);
		}
		if (n > 0 && ((f == seg[n - 1].face && num == seg[n - 1].num) ||
		              n == MAX_SEG)) {
			seg[n - 1].len = i - seg[n - 1].off;
			continue;
		}
		seg[n].off = at;
		seg[n].len = i - at;
		seg[n].face = f;
		seg[n].num = num;
		n++;
	}
	for (k = 0; k < n; k++) {
		int j = 0, dir = rtl;
		while (!seg[k].num && j < seg[k].len) {
			unsigned c = lay_utf8_next(s + seg[k].off, seg[k].len, &j);
			if (lay_is_rtl_char(c)) {
				dir = 1;
				break;
			}
			if (lay_is_ltr_char(c)) {
				dir = 0;
				break;
			}
		}
		seg[k].rtl = seg[k].num ? 0 : dir;
	}
	return n;
}

static void
set_direction(TTF_Font *f, int face, int rtl)
{
	TTF_SetFontDirection(f, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
	if (face == FACE_AR || face == FACE_AR_B)
		TTF_SetFontScriptName(f, "Arab");
}

static char *
seg_str(const char *s, const segment *g, char *buf, size_t size)
{
	size_t n = (size_t)g->len < size - 1 ? (size_t)g->len : size - 1;
	memcpy(buf, s + g->off, n);
	buf[n] = '\0';
	return buf;
}

int
ui_text_width(ui_app *a, const char *s, int len, int font, int style)
{
	ui_text *t = a->text;
	segment seg[MAX_SEG];
	char buf[4096];
	int n, k, w = 0, cw, ch, px = a->px[font];
	unsigned h, i;
	width_entry *e;

	if (len < 0)
		len = (int)strlen(s);
	h = hash_key(s, len, px, style, 0);
	for (i = h % WIDTHS; t->widths[i].s; i = (i + 1) % WIDTHS) {
		e = &t->widths[i];
		if (e->hash == h && e->len == len && e->px == px && e->style == style &&
		    memcmp(e->s, s, (size_t)len) == 0)
			return e->w;
	}
	n = segments(t, s, len, style, 0, seg);
	for (k = 0; k < n; k++) {
		TTF_Font *f = font_at(a->text, seg[k].face, a->px[font]);
		set_direction(f, seg[k].face, seg[k].rtl);
		if (TTF_SizeUTF8(f, seg_str(s, &seg[k], buf, sizeof buf), &cw, &ch) == 0)
			w += cw;
	}
	if (len > WIDTH_MAX_KEY)
		return w;
	if (t->nwidths >= WIDTHS * 3 / 4 ||
	    t->width_bytes + (size_t)len > WIDTH_BYTES) { /* full: start again */
		widths_clear(t);
		for (i = h % WIDTHS; t->widths[i].s; i = (i + 1) % WIDTHS)
			;
	}
	e = &t->widths[i];
	e->s = xstrndup(s, (size_t)len);
	e->len = len;
	e->px = px;
	e->style = style;
	e->hash = h;
	e->w = w;
	t->nwidths++;
	t->width_bytes += (size_t)len + 1;
	return w;
}

/* ------------------------------------------------------------ cache */
static unsigned
hash_key(const char *s, int len, int px, int style, int rtl)
{
	unsigned h = 2166136261u;
	int i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	h = (h ^ (unsigned)px) * 16777619u;
	h = (h ^ (unsigned)(style * 2 + rtl)) * 16777619u;
	return h;
}

static void
drop_oldest(ui_text *t)
{
	/* free the half of the entries used longest ago */
	unsigned cut, lo = t->stamp, hi = 0;
	size_t b;

	for (b = 0; b < LT_NELEM(t->bucket); b++) {
		tex_entry *e;
		for (e = t->bucket[b]; e; e = e->next) {
			if (e->stamp < lo)
				lo = e->stamp;
			if (e->stamp > hi)
				hi = e->stamp;
		}
	}
	cut = lo + (hi - lo) / 2;
	for (b = 0; b < LT_NELEM(t->bucket); b++) {
		tex_entry **pp = &t->bucket[b];
		while (*pp) {
			tex_entry *e = *pp;
			if (e->stamp <= cut) {
				*pp = e->next;
				SDL_DestroyTexture(e->tex);
				t->pixels -= (long)e->w * e->h;
				free(e->s);
				free(e);
				t->ntex--;
			} else {
				pp = &e->next;
			}
		}
	}
}

/* render s into a new cache entry */
static tex_entry *
render_entry(ui_app *a, const char *s, int len, int font, int style, int rtl)
{
	ui_text *t = a->text;
	segment seg[MAX_SEG];
	SDL_Surface *part[MAX_SEG], *all;
	int n, k, w = 0, top = 0, bottom = 0, x, num_x = 0;
	SDL_Color white = { 255, 255, 255, 255 };
	char buf[4096];
	tex_entry *e;

	n = segments(t, s, len, style, rtl, seg);
	for (k = 0; k < n; k++) {
		TTF_Font *f = font_at(t, seg[k].face, a->px[font]);
		set_direction(f, seg[k].face, seg[k].rtl);
		part[k] = TTF_RenderUTF8_Blended(f, seg_str(s, &seg[k], buf, sizeof buf),
		                                 white);
		if (part[k]) {
			int asc = TTF_FontAscent(f);
			w += part[k]->w;
			/* tops relative to the baseline */
			if (-asc < top)
				top = -asc;
			if (part[k]->h - asc > bottom)
				bottom = part[k]->h - asc;
		}
	}
	if (w == 0)
		w = 1;
	if (bottom - top < 1)
		bottom = top + 1;
	all = SDL_CreateRGBSurfaceWithFormat(0, w, bottom - top, 32,
	                                     SDL_PIXELFORMAT_ARGB8888);
	if (!all)
		die("%s", _("out of memory for text"));
	SDL_FillRect(all, NULL, SDL_MapRGBA(all->format, 255, 255, 255, 0));
	/* a right-to-left string puts its first segment at the right, but the
	 * segments of one number (digits in two faces) read left to right */
	x = rtl ? w : 0;
	for (k = 0; k < n; k++) {
		SDL_Rect d;
		TTF_Font *f;
		if (!part[k])
			continue;
		f = font_at(t, seg[k].face, a->px[font]);
		if (rtl && (k == 0 || !seg[k].num || !seg[k - 1].num)) {
			int j;
			for (j = k; j < n && (j == k || (seg[k].num && seg[j].num)); j++)
				x -= part[j] ? part[j]->w : 0;
			num_x = x;
		}
		d.x = rtl && seg[k].num ? num_x : x;
		if (rtl && seg[k].num)
			num_x += part[k]->w;
		d.y = -top - TTF_FontAscent(f);
		d.w = part[k]->w;
		d.h = part[k]->h;
		SDL_SetSurfaceBlendMode(part[k], SDL_BLENDMODE_NONE);
		SDL_BlitSurface(part[k], NULL, all, &d);
		if (!rtl)
			x += part[k]->w;
		SDL_FreeSurface(part[k]);
	}
	e = xcalloc(1, sizeof *e);
	e->s = xstrndup(s, (size_t)len);
	e->len = len;
	e->px = a->px[font];
	e->style = style;
	e->rtl = rtl;
	e->tex = SDL_CreateTextureFromSurface(a->ren, all);
	e->w = all->w;
	e->h = all->h;
	e->base = -top;
	SDL_FreeSurface(all);
	if (e->tex)
		SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_BLEND);
	return e;
}

/* LECTERN_SCREEN_TEXT: one line per text run that shows, "x y w h #rrggbb
 * text" with the part outside the clip left out, so a test reads the
 * screen as the learner does (cut, scrolled away or not). */
static void
log_shown(ui_app *a, const char *s, int len, SDL_Rect d, SDL_Color c)
{
	SDL_Rect clip, vis, win = { 0, 0, a->w, a->h };

	SDL_RenderGetClipRect(a->ren, &clip);
	if (SDL_RectEmpty(&clip))
		clip = win;
	if (!SDL_IntersectRect(&d, &clip, &vis) || !SDL_IntersectRect(&vis, &win, &vis))
		return;
	fprintf(a->shown, "%d %d %d %d #%02x%02x%02x %.*s\n", vis.x, vis.y, vis.w, vis.h,
	        c.r, c.g, c.b, len, s);
}

void
ui_draw_text(ui_app *a, const char *s, int len, int font, int style, int rtl,
        SDL_Color c, int x, int y)
{
	ui_text *t = a->text;
	unsigned h;
	tex_entry *e;
	SDL_Rect d;
	TTF_Font *f0;
	int asc, lh;

	if (len < 0)
		len = (int)strlen(s);
	if (len == 0)
		return;
	h = hash_key(s, len, a->px[font], style, rtl);
	for (e = t->bucket[h % LT_NELEM(t->bucket)]; e; e = e->next)
		if (e->hash == h && e->len == len && e->px == a->px[font] &&
		    e->style == style && e->rtl == rtl && memcmp(e->s, s, (size_t)len) == 0)
			break;
	if (!e) {
		/* bounded by count and by memory: about three windows of text
		 * (without the second bound, paging through a long module at
		 * 1920x1080 kept hundreds of MB of lines nobody looks at) */
		if (t->ntex >= MAX_TEX || t->pixels > 3L * a->w * a->h)
			drop_oldest(t);
		e = render_entry(a, s, len, font, style, rtl);
		t->pixels += (long)e->w * e->h;
		e->hash = h;
		e->next = t->bucket[h % LT_NELEM(t->bucket)];
		t->bucket[h % LT_NELEM(t->bucket)] = e;
		t->ntex++;
	}
	e->stamp = ++t->stamp;
	if (!e->tex)
		return;
	/* the baseline sits where DejaVu's would, centred in the line */
	f0 = font_at(t, FACE_R, a->px[font]);
	asc = TTF_FontAscent(f0);
	lh = TTF_FontHeight(f0);
	d.x = x;
	d.y = y + (a->line_h[font] - lh) / 2 + asc - e->base;
	d.w = e->w;
	d.h = e->h;
	SDL_SetTextureColorMod(e->tex, c.r, c.g, c.b);
	SDL_SetTextureAlphaMod(e->tex, c.a);
	SDL_RenderCopy(a->ren, e->tex, NULL, &d);
	if (a->shown)
		log_shown(a, s, len, d, c);
}

void
ui_text_free(ui_text *t)
{
	size_t b;
	int i;

	if (!t)
		return;
	for (b = 0; b < LT_NELEM(t->bucket); b++) {
		tex_entry *e = t->bucket[b], *nx;
		for (; e; e = nx) {
			nx = e->next;
			if (e->tex)
				SDL_DestroyTexture(e->tex);
			free(e->s);
			free(e);
		}
	}
	widths_clear(t);
	for (i = 0; i < t->nfonts; i++)
		TTF_CloseFont(t->fonts[i].f);
	for (i = 0; i < NFACES; i++) {
		TTF_CloseFont(t->probe[i]);
		free(t->path[i]);
	}
	unmap_faces(t); /* after every font that reads from them is closed */
	free(t);
}

/* buf = the first cut bytes of s (backed off to a character boundary)
 * and an ellipsis; returns its width. */
static int
cut_at(ui_app *a, const char *s, int cut, char *buf, int font, int style)
{
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	memcpy(buf, s, (size_t)cut);
	memcpy(buf + cut, "\xe2\x80\xa6", 4);
	return ui_text_width(a, buf, -1, font, style);
}

const char *
ui_ellipsize(ui_app *a, const char *s, int font, int style, int max_w)
{
	static char buf[1024];
	int len = (int)strlen(s), lo = 0, hi;

	if (len == 0 || ui_text_width(a, s, len, font, style) <= max_w)
		return s;
	if (len > (int)sizeof buf - 4)
		len = (int)sizeof buf - 4;
	/* the longest prefix that fits, by bisection: this runs on every
	 * redraw of a header, so it must not measure once per character */
	hi = len;
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if (cut_at(a, s, mid, buf, font, style) <= max_w)
			lo = mid;
		else
			hi = mid - 1;
	}
	cut_at(a, s, lo, buf, font, style);
	return buf;
}
