/* kiosk_widgets.c: the two widgets of the kiosk screens.
 *
 * A row of buttons (kb_*): each screen lists its buttons with their
 * rectangles every time it lays out (kb_flow measures the labels and puts
 * the buttons on more rows when they do not fit on one), and one function
 * handles the mouse
 * (hover, click), Tab / Shift+Tab and Left / Right focus, and Enter or Space
 * on the focused button, returning the id of the button activated.
 *
 * The one-line text field (kf_*) holds a new learner's name, the PIN or an
 * export folder. Text arrives as SDL text
 * input, so any keyboard layout, an input method or an on-screen keyboard
 * works; the caret is always at the end, which is all a name or a PIN
 * needs. A masked field shows one dot per character and is wiped when
 * cleared.
 *
 * Paragraphs (kiosk_para) wrap short texts (messages, questions) into
 * lines instead of cutting them, so a longer translation or a larger text
 * size takes more lines, never a "…". Buttons, fields and lines report
 * where they were drawn (ui_place) for the layout check. */
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "kiosk_int.h"
#include "base/util.h"

void
kf_init(kf_field *f, int max, int masked)
{
	kf_clear(f);
	f->max = max < KF_MAX ? max : KF_MAX - 1;
	f->masked = masked;
}

void
kf_clear(kf_field *f)
{
	volatile char *v = f->buf;
	size_t i;

	for (i = 0; i < sizeof f->buf; i++)
		v[i] = 0;
}

void
kf_set(kf_field *f, const char *s)
{
	size_t n = strlen(s);

	kf_clear(f);
	if (n > (size_t)f->max)
		n = (size_t)f->max;
	/* never cut a UTF-8 sequence in two */
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(f->buf, s, n);
}

int
kf_event(kf_field *f, const SDL_Event *e)
{
	size_t len = strlen(f->buf), add;

	if (e->type == SDL_TEXTINPUT) {
		add = strlen(e->text.text);
		if (len + add > (size_t)f->max)
			return KF_NONE;
		memcpy(f->buf + len, e->text.text, add + 1);
		return KF_CHANGED;
	}
	if (e->type != SDL_KEYDOWN)
		return KF_NONE;
	switch (e->key.keysym.sym) {
	case SDLK_BACKSPACE:
		if (!len)
			return KF_NONE;
		if (e->key.keysym.mod & KMOD_CTRL) {
			kf_clear(f);
			return KF_CHANGED;
		}
		while (len > 0 && ((unsigned char)f->buf[len - 1] & 0xC0) == 0x80)
			f->buf[--len] = '\0';
		if (len > 0)
			f->buf[--len] = '\0';
		return KF_CHANGED;
	case SDLK_RETURN:
	case SDLK_KP_ENTER:
		return KF_ENTER;
	default:
		return KF_NONE;
	}
}

int
kf_height(const ui_app *a)
{
	return a->line_h[LAY_F_H2] + a->em;
}

void
kf_draw(ui_app *a, const kf_field *f, SDL_Rect r, const char *placeholder, int focus)
{
	int t = a->em / 8 > 1 ? a->em / 8 : 1, pad = a->em / 2, x, y, w;
	char dots[3 * 64 + 1];
	const char *s = f->buf;
	SDL_Rect in = { r.x + t, r.y + t, r.w - 2 * t, r.h - 2 * t }, caret;

	ui_place(a, r, placeholder ? placeholder : f->masked ? "(PIN)" : f->buf, 0);
	ui_round_fill(a, r, a->em / 4, focus ? UI_FOCUS : UI_BORDER);
	ui_round_fill(a, in, a->em / 4, UI_BG);
	if (f->masked) {
		int n = utf8_chars(f->buf), i;

		if (n > 64)
			n = 64;
		/* U+25CF BLACK CIRCLE */
		for (i = 0; i < n; i++)
			memcpy(dots + 3 * i, "\xE2\x97\x8F", 3);
		dots[3 * n] = '\0';
		s = dots;
	}
	y = r.y + (r.h - a->line_h[LAY_F_H2]) / 2;
	if (!*s && placeholder) {
		s = ui_ellipsize(a, placeholder, LAY_F_H2, 0, r.w - 2 * pad - 4 * t);
		/* a little after the caret, which sits at the start */
		ui_draw_text(a, s, -1, LAY_F_H2, 0, 0, ui_color(a, UI_MUTED), r.x + pad + 4 * t, y);
		w = 0;
	} else {
		w = ui_text_width(a, s, -1, LAY_F_H2, 0);
		/* a long text shows its end, where the caret is */
		x = r.x + pad;
		if (w > r.w - 2 * pad - t * 3)
			x -= w - (r.w - 2 * pad - t * 3);
		SDL_RenderSetClipRect(a->ren, &in);
		ui_draw_text(a, s, -1, LAY_F_H2, 0, 0, ui_color(a, UI_TEXT), x, y);
		SDL_RenderSetClipRect(a->ren, NULL);
		w = x + w - (r.x + pad);
	}
	if (focus) {
		caret = (SDL_Rect){ r.x + pad + w + t, y + a->line_h[LAY_F_H2] / 8,
		                    t * 2, a->line_h[LAY_F_H2] * 3 / 4 };
		ui_fill(a, caret, UI_TEXT);
	}
}

/* ------------------------------------------------------------ buttons */

void
kb_reset(kb_row *row)
{
	row->n = 0;
}

void
kb_add(kb_row *row, SDL_Rect r, const char *label, int id, int flags)
{
	kb_button *b;

	if (row->n >= KB_MAX)
		return;
	b = &row->b[row->n++];
	b->r = r;
	b->label = label;
	b->id = id;
	b->flags = flags;
}

void
kb_draw(ui_app *a, const kb_row *row)
{
	int i;

	for (i = 0; i < row->n; i++) {
		const kb_button *b = &row->b[i];
		int f = b->flags & ~KB_DATA;
		const char *shown = ui_ellipsize(a, b->label, LAY_F_BODY, LAY_BOLD, b->r.w - a->em);

		if (i == row->focus && row->show_focus)
			f |= UI_BTN_FOCUS;
		if (i == row->hover)
			f |= UI_BTN_HOVER;
		ui_place(a, b->r, b->label, !(b->flags & KB_DATA) && strcmp(shown, b->label) != 0);
		ui_button(a, b->r, shown, f);
	}
}

static int
kb_at(const ui_app *a, const kb_row *row, const SDL_Event *e)
{
	int x, y, i;

	if (!ui_mouse(a, e, &x, &y))
		return -1;
	for (i = 0; i < row->n; i++)
		if (!(row->b[i].flags & UI_BTN_DISABLED) && ui_hit(row->b[i].r, x, y))
			return i;
	return -1;
}

int
kb_event(ui_app *a, kb_row *row, const SDL_Event *e)
{
	int i, shift;

	if (row->n == 0)
		return -1;
	if (row->focus >= row->n)
		row->focus = row->n - 1;
	switch (e->type) {
	case SDL_MOUSEMOTION:
		i = kb_at(a, row, e);
		ui_hover(a, &row->hover, i);
		return -1;
	case SDL_MOUSEBUTTONUP:
		if (e->button.button != SDL_BUTTON_LEFT || (i = kb_at(a, row, e)) < 0)
			return -1;
		row->focus = i;
		a->dirty = 1;
		return row->b[i].id;
	case SDL_KEYDOWN:
		shift = (e->key.keysym.mod & KMOD_SHIFT) != 0;
		switch (e->key.keysym.sym) {
		case SDLK_TAB:
		case SDLK_RIGHT:
		case SDLK_LEFT:
			if (e->key.keysym.sym == SDLK_LEFT || (e->key.keysym.sym == SDLK_TAB && shift))
				row->focus = (row->focus + row->n - 1) % row->n;
			else
				row->focus = (row->focus + 1) % row->n;
			row->show_focus = 1;
			a->dirty = 1;
			return KB_MOVED;
		case SDLK_RETURN:
		case SDLK_KP_ENTER:
		case SDLK_SPACE:
			if (row->b[row->focus].flags & UI_BTN_DISABLED)
				return -1;
			return row->b[row->focus].id;
		default:
			return -1;
		}
	default:
		return -1;
	}
}

int
kb_find(const kb_row *row, int id)
{
	int i;

	for (i = 0; i < row->n; i++)
		if (row->b[i].id == id)
			return i;
	return -1;
}

int
kb_height(const ui_app *a)
{
	return a->line_h[LAY_F_BODY] + a->em;
}

int
kb_flow(ui_app *a, kb_row *row, const kb_spec *b, int n, int x, int y, int maxw, int align)
{
	int w[32] = { 0 };
	fit_rect r[32];
	int i, h;

	if (n > 32)
		n = 32;
	for (i = 0; i < n; i++)
		w[i] = ui_button_width(a, b[i].label);
	h = fit_flow(w, n, x, y, maxw, kb_height(a), a->em / 2, align, r);
	for (i = 0; i < n; i++)
		kb_add(row, (SDL_Rect){ r[i].x, r[i].y, r[i].w, r[i].h }, b[i].label, b[i].id,
		       b[i].flags);
	return h;
}

/* ------------------------------------------------------------ paragraphs */

typedef struct {
	ui_app *a;
	int font, style;
} para_font;

static int
para_measure(void *ud, const char *s, int len)
{
	para_font *f = ud;

	return ui_text_width(f->a, s, len, f->font, f->style);
}

int
kiosk_para(ui_app *a, const char *s, int font, int style, int col, int x, int y, int w,
           int align, int draw)
{
	enum { LINES = 32 };
	para_font pf = { a, font, style };
	int st[LINES], len[LINES], n, i;

	if (!s || !*s)
		return 0;
	n = fit_wrap(s, w, para_measure, &pf, st, len, LINES);
	if (n > LINES)
		n = LINES;
	for (i = 0; draw && i < n; i++) {
		int lw = ui_text_width(a, s + st[i], len[i], font, style), lx = x;
		char what[64];

		if (align == FIT_END)
			lx = x + w - lw;
		else if (align == FIT_CENTER)
			lx = x + (w - lw) / 2;
		snprintf(what, sizeof what, "%.*s", len[i], s + st[i]);
		ui_place(a, (SDL_Rect){ lx, y + i * a->line_h[font], lw, a->line_h[font] }, what, 0);
		ui_draw_text(a, s + st[i], len[i], font, style, 0, ui_color(a, col), lx,
		             y + i * a->line_h[font]);
	}
	return n * a->line_h[font];
}

int
kiosk_text_center(ui_app *a, const char *s, int font, int style, int col, int y, int draw)
{
	return kiosk_para(a, s, font, style, col, 2 * a->em, y, a->w - 4 * a->em, FIT_CENTER,
	                  draw);
}
