/* draw.c: drawing helpers shared by the screens: rectangles, buttons, the
 * typeset boxes of layout.c, the scroll bar, header and footer.
 *
 * Everything is measured in output pixels and sized from a->em, so the
 * chrome grows with the text. Right-to-left only mirrors positions; the
 * helpers read a->rtl. */
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "ui.h"

static void
set_color(ui_app *a, SDL_Color c)
{
	/* an opaque fill needs no blending: the software renderer then fills
	 * rows as plain stores instead of blending every pixel (make bench:
	 * blending was a quarter of the catalog's first frame) */
	SDL_SetRenderDrawBlendMode(a->ren, c.a == 255 ? SDL_BLENDMODE_NONE
	                                              : SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(a->ren, c.r, c.g, c.b, c.a);
}

void
ui_fill(ui_app *a, SDL_Rect r, int col)
{
	set_color(a, ui_color(a, col));
	SDL_RenderFillRect(a->ren, &r);
}

void
ui_outline(ui_app *a, SDL_Rect r, int col, int t)
{
	SDL_Rect e;

	set_color(a, ui_color(a, col));
	e = (SDL_Rect){ r.x, r.y, r.w, t };
	SDL_RenderFillRect(a->ren, &e);
	e = (SDL_Rect){ r.x, r.y + r.h - t, r.w, t };
	SDL_RenderFillRect(a->ren, &e);
	e = (SDL_Rect){ r.x, r.y, t, r.h };
	SDL_RenderFillRect(a->ren, &e);
	e = (SDL_Rect){ r.x + r.w - t, r.y, t, r.h };
	SDL_RenderFillRect(a->ren, &e);
}

void
ui_round_fill(ui_app *a, SDL_Rect r, int rad, int col)
{
	SDL_Rect m;
	int i;

	if (rad * 2 > r.h)
		rad = r.h / 2;
	if (rad * 2 > r.w)
		rad = r.w / 2;
	set_color(a, ui_color(a, col));
	m = (SDL_Rect){ r.x, r.y + rad, r.w, r.h - 2 * rad };
	SDL_RenderFillRect(a->ren, &m);
	/* the rounded rows, top and bottom: a quarter circle of inset */
	for (i = 0; i < rad; i++) {
		int dy = rad - i, in = 0;
		while (in < rad && (rad - in) * (rad - in) + dy * dy > rad * rad)
			in++;
		m = (SDL_Rect){ r.x + in, r.y + i, r.w - 2 * in, 1 };
		SDL_RenderFillRect(a->ren, &m);
		m.y = r.y + r.h - 1 - i;
		SDL_RenderFillRect(a->ren, &m);
	}
}

int
ui_button_width(ui_app *a, const char *label)
{
	return ui_text_width(a, label, -1, LAY_F_BODY, LAY_BOLD) + a->em * 2;
}

void
ui_button(ui_app *a, SDL_Rect r, const char *label, int flags)
{
	int rad = a->em / 3, fg, t = a->em / 10 > 1 ? a->em / 10 : 1;
	int tw = ui_text_width(a, label, -1, LAY_F_BODY, LAY_BOLD);
	SDL_Rect in;

	if (flags & UI_BTN_FOCUS) {
		SDL_Rect f = { r.x - 2 * t, r.y - 2 * t, r.w + 4 * t, r.h + 4 * t };
		ui_round_fill(a, f, rad + 2 * t, UI_FOCUS);
		in = (SDL_Rect){ r.x - t, r.y - t, r.w + 2 * t, r.h + 2 * t };
		ui_round_fill(a, in, rad + t, UI_BG);
	}
	if ((flags & UI_BTN_PRIMARY) && !(flags & UI_BTN_DISABLED)) {
		ui_round_fill(a, r, rad, UI_ACCENT);
		fg = UI_ACCENT_TEXT;
	} else {
		/* the border marks the control in every state; hover changes
		 * only the fill, to one every text colour keeps its contrast on
		 * (settings/palette.c lists the pairs) */
		in = (SDL_Rect){ r.x + t, r.y + t, r.w - 2 * t, r.h - 2 * t };
		ui_round_fill(a, r, rad, UI_BORDER);
		ui_round_fill(a, in, rad > t ? rad - t : 0,
		              (flags & UI_BTN_HOVER) ? UI_HOVER : UI_PANEL);
		fg = (flags & UI_BTN_DISABLED) ? UI_MUTED : UI_TEXT;
	}
	ui_draw_text(a, label, -1, LAY_F_BODY, LAY_BOLD, 0, ui_color(a, fg),
	        r.x + (r.w - tw) / 2, r.y + (r.h - a->line_h[LAY_F_BODY]) / 2);
}

int
ui_mouse(const ui_app *a, const SDL_Event *e, int *x, int *y)
{
	int px, py;

	switch (e->type) {
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		px = e->button.x;
		py = e->button.y;
		break;
	case SDL_MOUSEMOTION:
		px = e->motion.x;
		py = e->motion.y;
		break;
	default:
		return 0;
	}
	*x = (int)(px * a->scale);
	*y = (int)(py * a->scale);
	return 1;
}

void
ui_mouse_now(const ui_app *a, int *x, int *y)
{
	int px = -1, py = -1;

	if (a->win)
		SDL_GetMouseState(&px, &py);
	*x = (int)(px * a->scale);
	*y = (int)(py * a->scale);
}

int
ui_hit(SDL_Rect r, int x, int y)
{
	return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

void
ui_hover(ui_app *a, int *hover, int v)
{
	if (v != *hover) {
		*hover = v;
		a->dirty = 1;
	}
}

/* ------------------------------------------------------------ layout */
typedef struct {
	ui_app *a;
	const char *dir;
} lay_ctx;

static int
measure_cb(void *ud, const char *s, int len, int font, int style)
{
	return ui_text_width(((lay_ctx *)ud)->a, s, len, font, style);
}

static int
image_cb(void *ud, const mod_block *b, int *w, int *h)
{
	lay_ctx *c = ud;

	if (!ui_image(c->a, c->dir, b->path, w, h))
		return -1;
	/* natural size is in CSS-like pixels: scale it on HiDPI screens */
	*w = (int)(*w * c->a->scale);
	*h = (int)(*h * c->a->scale);
	return 0;
}

void
ui_lay_params(ui_app *a, lay_params *p, int width, const char *module_dir)
{
	/* one context per app is enough: layout runs on one thread */
	static lay_ctx ctx;
	int i;

	ctx.a = a;
	ctx.dir = module_dir;
	memset(p, 0, sizeof *p);
	p->measure = measure_cb;
	p->image_size = module_dir ? image_cb : NULL;
	p->ud = &ctx;
	for (i = 0; i < LAY_F_COUNT; i++)
		p->line_h[i] = a->line_h[i];
	p->em = a->em;
	p->width = width;
	p->rtl = a->rtl;
	p->max_image_h = a->h * 55 / 100;
}

static int
text_color(int role)
{
	switch (role) {
	case LAY_R_HEADING: return UI_HEADING;
	case LAY_R_MUTED: return UI_MUTED;
	case LAY_R_NOTE: return UI_NOTE;
	case LAY_R_TIP: return UI_TIP;
	case LAY_R_WARNING: return UI_WARN;
	case LAY_R_MARKER: return UI_MUTED;
	default: return UI_TEXT;
	}
}

static int
fill_color(int role)
{
	switch (role) {
	case LAY_R_TIP: return UI_TIP_BG;
	case LAY_R_WARNING: return UI_WARN_BG;
	default: return UI_NOTE_BG;
	}
}

static int
bar_color(int role)
{
	switch (role) {
	case LAY_R_TIP: return UI_TIP;
	case LAY_R_WARNING: return UI_WARN;
	case LAY_R_NOTE: return UI_NOTE;
	default: return UI_QUOTE;
	}
}

void
ui_draw_lay(ui_app *a, const lay *L, int x, int y, SDL_Rect clip,
            const char *module_dir)
{
	int i;

	SDL_RenderSetClipRect(a->ren, &clip);
	for (i = 0; i < L->nbox; i++) {
		const lay_box *b = &L->box[i];
		SDL_Rect r = { x + b->x, y + b->y, b->w, b->h };
		if (r.y >= clip.y + clip.h || r.y + r.h <= clip.y)
			continue;
		switch (b->kind) {
		case LAY_TEXT:
			ui_draw_text(a, L->text + b->off, b->len, b->font, b->style, b->rtl,
			        ui_color(a, text_color(b->role)), r.x, r.y);
			break;
		case LAY_FILL:
			ui_fill(a, r, fill_color(b->role));
			if (a->theme->c[UI_BG].r == a->theme->c[fill_color(b->role)].r &&
			    a->theme->c[UI_BG].g == a->theme->c[fill_color(b->role)].g)
				ui_outline(a, r, bar_color(b->role), 1); /* high contrast */
			break;
		case LAY_BAR:
			ui_fill(a, r, bar_color(b->role));
			break;
		case LAY_IMAGE: {
			int w, h;
			SDL_Texture *t = ui_image(a, module_dir, b->img ? b->img->path : NULL,
			                          &w, &h);
			if (t)
				SDL_RenderCopy(a->ren, t, NULL, &r);
			else
				ui_outline(a, r, UI_BORDER, 1);
			break;
		}
		case LAY_FRAME:
			ui_fill(a, r, UI_PANEL);
			ui_outline(a, r, UI_BORDER, 1);
			break;
		default:
			break;
		}
	}
	SDL_RenderSetClipRect(a->ren, NULL);
}

/* ------------------------------------------------------------ scrolling */
static int
bar_w(const ui_app *a)
{
	int w = a->em * 45 / 100;
	return w < 6 ? 6 : w;
}

SDL_Rect
ui_scroll_track(const ui_app *a, const ui_scroll *sc)
{
	SDL_Rect r = { 0, 0, 0, 0 };
	int m = a->em / 4;

	if (sc->content_h <= sc->view.h)
		return r;
	r.w = bar_w(a);
	r.x = a->rtl ? sc->view.x + m : sc->view.x + sc->view.w - r.w - m;
	r.y = sc->view.y + m;
	r.h = sc->view.h - 2 * m;
	return r;
}

static SDL_Rect
thumb(const ui_app *a, const ui_scroll *sc)
{
	SDL_Rect t = ui_scroll_track(a, sc);
	int range = sc->content_h - sc->view.h, h;

	if (t.h == 0 || range <= 0)
		return t;
	h = (int)((long)t.h * sc->view.h / sc->content_h);
	if (h < a->em * 2)
		h = a->em * 2;
	if (h > t.h)
		h = t.h;
	t.y += (int)((long)(t.h - h) * sc->y / range);
	t.h = h;
	return t;
}

void
ui_scroll_clamp(ui_scroll *sc)
{
	int max = sc->content_h - sc->view.h;

	if (sc->y > max)
		sc->y = max;
	if (sc->y < 0)
		sc->y = 0;
}

static int
scroll_to(ui_scroll *sc, int y)
{
	int old = sc->y;

	sc->y = y;
	ui_scroll_clamp(sc);
	return sc->y != old;
}

int
ui_scroll_event(ui_app *a, ui_scroll *sc, const SDL_Event *e)
{
	int step = a->line_h[LAY_F_BODY] * 2, x, y;
	SDL_Rect tr = ui_scroll_track(a, sc), th;

	switch (e->type) {
	case SDL_MOUSEWHEEL:
		scroll_to(sc, sc->y - e->wheel.y * a->line_h[LAY_F_BODY] * 3);
		return 1;
	case SDL_KEYDOWN:
		switch (e->key.keysym.sym) {
		case SDLK_UP: scroll_to(sc, sc->y - step); return 1;
		case SDLK_DOWN: scroll_to(sc, sc->y + step); return 1;
		case SDLK_HOME: scroll_to(sc, 0); return 1;
		case SDLK_END: scroll_to(sc, sc->content_h); return 1;
		default: return 0;
		}
	case SDL_MOUSEBUTTONDOWN:
		if (e->button.button != SDL_BUTTON_LEFT || !ui_mouse(a, e, &x, &y) ||
		    tr.h == 0)
			return 0;
		tr.x -= a->em / 4;
		tr.w += a->em / 2;
		if (!ui_hit(tr, x, y))
			return 0;
		th = thumb(a, sc);
		if (y < th.y || y >= th.y + th.h) /* jump so the thumb is under the pointer */
			scroll_to(sc, (int)((long)(y - tr.y - th.h / 2) *
			                    (sc->content_h - sc->view.h) /
			                    (tr.h - th.h > 0 ? tr.h - th.h : 1)));
		th = thumb(a, sc);
		sc->drag = 1;
		sc->drag_dy = y - th.y;
		return 1;
	case SDL_MOUSEMOTION:
		if (!sc->drag || !ui_mouse(a, e, &x, &y))
			return 0;
		th = thumb(a, sc);
		scroll_to(sc, (int)((long)(y - sc->drag_dy - tr.y) *
		                    (sc->content_h - sc->view.h) /
		                    (tr.h - th.h > 0 ? tr.h - th.h : 1)));
		return 1;
	case SDL_MOUSEBUTTONUP:
		if (!sc->drag)
			return 0;
		sc->drag = 0;
		return 1;
	default:
		return 0;
	}
}

void
ui_scroll_draw(ui_app *a, const ui_scroll *sc)
{
	SDL_Rect tr = ui_scroll_track(a, sc), th;

	if (tr.h == 0)
		return;
	th = thumb(a, sc);
	ui_round_fill(a, tr, tr.w / 2, UI_SCROLL);
	ui_round_fill(a, th, th.w / 2, UI_THUMB);
	if (a->theme->c[UI_SCROLL].r == a->theme->c[UI_BG].r &&
	    a->theme->c[UI_SCROLL].g == a->theme->c[UI_BG].g)
		ui_outline(a, tr, UI_BORDER, 1);
}

/* ------------------------------------------------------------ chrome */
/* header and footer together never take more than 40% of the window, so
 * the content keeps 60% at every text size: each gets a fifth of the
 * height, and when the full layout would not fit it drops its padding (and
 * the header its section line, which the contents still show). */
static int
header_full(const ui_app *a)
{
	return a->em + a->line_h[LAY_F_SMALL] + a->line_h[LAY_F_BODY] <= a->h / 5;
}

int
ui_header_height(const ui_app *a)
{
	if (header_full(a))
		return a->em + a->line_h[LAY_F_SMALL] + a->line_h[LAY_F_BODY];
	return a->line_h[LAY_F_BODY] + a->em / 2;
}

int
ui_header(ui_app *a, const char *title, const char *section)
{
	int h = ui_header_height(a), pad = a->em, maxw = a->w - 2 * pad, y, x;
	SDL_Rect r = { 0, 0, a->w, h }, line = { 0, h - 1, a->w, 1 };
	const char *s;

	ui_fill(a, r, UI_PANEL);
	ui_fill(a, line, UI_BORDER);
	if (!header_full(a))
		section = NULL;
	y = (h - a->line_h[LAY_F_BODY] - (section ? a->line_h[LAY_F_SMALL] : 0)) / 2;
	if (section && *section) {
		s = ui_ellipsize(a, section, LAY_F_SMALL, 0, maxw);
		x = a->rtl ? a->w - pad - ui_text_width(a, s, -1, LAY_F_SMALL, 0) : pad;
		ui_draw_text(a, s, -1, LAY_F_SMALL, 0, a->rtl, ui_color(a, UI_MUTED), x, y);
		y += a->line_h[LAY_F_SMALL];
	}
	if (title) {
		s = ui_ellipsize(a, title, LAY_F_BODY, LAY_BOLD, maxw);
		x = a->rtl ? a->w - pad - ui_text_width(a, s, -1, LAY_F_BODY, LAY_BOLD) : pad;
		ui_draw_text(a, s, -1, LAY_F_BODY, LAY_BOLD, a->rtl, ui_color(a, UI_HEADING), x, y);
	}
	return h;
}

int
ui_footer_height(const ui_app *a)
{
	int full = a->em * 2 + a->line_h[LAY_F_BODY] + a->em / 2;

	/* the buttons (a line and half an em) with a quarter em around them */
	return full <= a->h / 5 ? full : a->line_h[LAY_F_BODY] + a->em;
}

int
ui_footer(ui_app *a, const char *progress, const char *back, int back_flags,
          const char *next, int next_flags, SDL_Rect *back_r, SDL_Rect *next_r)
{
	int h = ui_footer_height(a), y0 = a->h - h, pad = a->em;
	int bh = a->line_h[LAY_F_BODY] + a->em / 2, by = y0 + (h - bh) / 2;
	SDL_Rect r = { 0, y0, a->w, h }, line = { 0, y0, a->w, 1 }, b = { 0, 0, 0, 0 },
	         n = { 0, 0, 0, 0 };

	ui_fill(a, r, UI_PANEL);
	ui_fill(a, line, UI_BORDER);
	if (back) {
		b = (SDL_Rect){ pad, by, ui_button_width(a, back), bh };
		if (a->rtl)
			b.x = a->w - pad - b.w;
		ui_button(a, b, back, back_flags);
	}
	if (next) {
		n = (SDL_Rect){ a->w - pad, by, ui_button_width(a, next), bh };
		n.x = a->rtl ? pad : a->w - pad - n.w;
		ui_button(a, n, next, next_flags);
	}
	if (progress) {
		SDL_Rect both[2];

		both[0] = b;
		both[1] = n;
		ui_footer_text(a, progress, NULL, both, 2);
	}
	if (back_r)
		*back_r = b;
	if (next_r)
		*next_r = n;
	return h;
}

void
ui_footer_text(ui_app *a, const char *s, const char *short_s, const SDL_Rect *rects,
               int n)
{
	int h = ui_footer_height(a), gap = a->em / 2, x0 = 0, x1 = a->w, tw, x, k;

	/* a button in the left half bounds the text on the left, and so on;
	 * the side buttons can grow with the text size and the language */
	for (k = 0; k < n; k++) {
		if (rects[k].w <= 0)
			continue;
		if (rects[k].x + rects[k].w / 2 < a->w / 2) {
			if (rects[k].x + rects[k].w > x0)
				x0 = rects[k].x + rects[k].w;
		} else if (rects[k].x < x1) {
			x1 = rects[k].x;
		}
	}
	x0 += gap;
	x1 -= gap;
	if (!s || x1 - x0 < a->em * 2)
		return;
	tw = ui_text_width(a, s, -1, LAY_F_SMALL, 0);
	x = (a->w - tw) / 2;
	if (x < x0 || x + tw > x1) {
		if (short_s && !*short_s)
			return; /* better nothing than a stump ("Att...") */
		if (short_s && ui_text_width(a, short_s, -1, LAY_F_SMALL, 0) <= x1 - x0)
			s = short_s;
		s = ui_ellipsize(a, s, LAY_F_SMALL, 0, x1 - x0);
		tw = ui_text_width(a, s, -1, LAY_F_SMALL, 0);
		x = x0 + (x1 - x0 - tw) / 2;
	}
	ui_draw_text(a, s, -1, LAY_F_SMALL, 0, a->rtl, ui_color(a, UI_MUTED), x,
	             a->h - h + (h - a->line_h[LAY_F_SMALL]) / 2);
}

/* ------------------------------------------------------------ placing */

void
ui_place(ui_app *a, SDL_Rect r, const char *what, int cut)
{
	SDL_Rect clip, seen;
	ui_placed *p;

	if (!a->places)
		return;
	SDL_RenderGetClipRect(a->ren, &clip);
	if (!SDL_RectEmpty(&clip)) {
		/* scrolled out of its view: not on screen, so not placed */
		if (!SDL_IntersectRect(&r, &clip, &seen))
			return;
		r = seen;
	}
	if (a->places->n >= UI_PLACED_MAX) {
		a->places->lost++;
		return;
	}
	p = &a->places->v[a->places->n++];
	p->r = r;
	snprintf(p->what, sizeof p->what, "%s", what ? what : "");
	p->cut = cut;
}
