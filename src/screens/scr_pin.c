/* scr_pin.c: the trainer PIN prompt, an overlay opened by Ctrl+Alt+T.
 *
 * The PIN is typed (shown as dots) or tapped on a keypad, and checked
 * through the kiosk's pin_guard: a wrong PIN says so and clears the field;
 * after three the prompt is locked for a while and counts down, waking the
 * loop once a second only while that lasts. The right PIN replaces this
 * overlay with the trainer menu. Escape or Cancel closes it. */
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "kiosk_int.h"
#include "base/util.h"
#include "nav.h"
#include "screens.h"

enum { ID_ERASE = 100, ID_OK, ID_CANCEL };

typedef struct {
	ui_screen base;
	kf_field pin;
	const char *msg;          /* last result, or NULL */
	kb_row row;
	SDL_Rect panel, field;
	char labels[10][2];       /* "0".."9" for the keypad */
} pin_screen;

static double
now_s(void)
{
	return SDL_GetTicks() / 1000.0;
}

static void
layout(ui_app *a, pin_screen *p)
{
	int em = a->em, kw = em * 5, kh = a->line_h[LAY_F_BODY] + em, gap = em / 2;
	int pw = 3 * kw + 2 * gap + 4 * em, y, x0, i, cw;
	int ph = em * 2 + a->line_h[LAY_F_H1] + em + kf_height(a) + em / 2 +
	         2 * a->line_h[LAY_F_BODY] + em + 4 * (kh + gap) + em + kh + em * 2;
	int locked = pin_wait(&kiosk_of(a)->guard, now_s()) > 0;
	static const int keys[12] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, ID_ERASE, 0, ID_OK };

	if (pw > a->w - 2 * em)
		pw = a->w - 2 * em;
	p->panel = (SDL_Rect){ (a->w - pw) / 2, (a->h - ph) / 2, pw, ph };
	if (p->panel.y < 0)
		p->panel.y = 0;
	y = p->panel.y + em * 2 + a->line_h[LAY_F_H1] + em;
	p->field = (SDL_Rect){ p->panel.x + 2 * em, y, pw - 4 * em, kf_height(a) };
	y += kf_height(a) + em / 2 + 2 * a->line_h[LAY_F_BODY] + em;
	x0 = p->panel.x + (pw - (3 * kw + 2 * gap)) / 2;
	kb_reset(&p->row);
	for (i = 0; i < 12; i++) {
		SDL_Rect r = { x0 + (i % 3) * (kw + gap), y + (i / 3) * (kh + gap), kw, kh };
		int k = keys[i];
		const char *label = k == ID_ERASE ? _("Erase") : k == ID_OK ? _("OK")
		                                               : p->labels[k];

		kb_add(&p->row, r, label, k, (k == ID_OK ? UI_BTN_PRIMARY : 0) |
		                             (locked ? UI_BTN_DISABLED : 0));
	}
	y += 4 * (kh + gap) + em;
	cw = ui_button_width(a, _("Cancel"));
	kb_add(&p->row, (SDL_Rect){ p->panel.x + (pw - cw) / 2, y, cw, kh }, _("Cancel"),
	       ID_CANCEL, 0);
}

static void
try_pin(ui_app *a, pin_screen *p)
{
	kiosk *k = kiosk_of(a);
	int r = pin_try(&k->guard, k->p->cfg->trainer_pin_hash, p->pin.buf, now_s());

	kf_clear(&p->pin);
	a->dirty = 1;
	switch (r) {
	case PIN_OK:
		kiosk_log("%s", _("trainer menu opened"));
		nav_goto(a, NAV_TRAINER); /* frees p */
		return;
	case PIN_WRONG:
		kiosk_log("%s", _("a wrong trainer PIN was entered"));
		p->msg = _("Wrong PIN.");
		break;
	case PIN_LOCKED:
		p->msg = NULL;
		break;
	default:
		p->msg = _("The configured PIN cannot be checked; set it again with "
		           "lectern set-pin.");
	}
	/* count down once a second while locked */
	if (pin_wait(&k->guard, now_s()) > 0)
		a->wake_ms = 1000;
}

static void
pin_event(ui_app *a, ui_screen *s, const SDL_Event *e)
{
	pin_screen *p = (pin_screen *)s;
	int locked = pin_wait(&kiosk_of(a)->guard, now_s()) > 0, r, id;

	layout(a, p);
	if (e->type == a->wake_event) {
		/* the countdown's wake-up */
		if (!locked)
			a->wake_ms = 0;
		a->dirty = 1;
		return;
	}
	if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
		a->wake_ms = 0;
		nav_goto(a, NAV_TRAINER_CLOSE); /* frees p */
		return;
	}
	if (!locked) {
		r = kf_event(&p->pin, e);
		if (r == KF_ENTER) {
			try_pin(a, p);
			return;
		}
		if (r == KF_CHANGED) {
			p->msg = NULL;
			a->dirty = 1;
			return;
		}
	}
	if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_SPACE)
		return;
	id = kb_event(a, &p->row, e);
	if (id == ID_CANCEL) {
		a->wake_ms = 0;
		nav_goto(a, NAV_TRAINER_CLOSE); /* frees p */
	} else if (id == ID_OK) {
		try_pin(a, p);
	} else if (id == ID_ERASE) {
		SDL_Event bs;

		SDL_zero(bs);
		bs.type = SDL_KEYDOWN;
		bs.key.keysym.sym = SDLK_BACKSPACE;
		kf_event(&p->pin, &bs);
		a->dirty = 1;
	} else if (id >= 0 && id <= 9) {
		SDL_Event t;

		SDL_zero(t);
		t.type = SDL_TEXTINPUT;
		t.text.text[0] = (char)('0' + id);
		kf_event(&p->pin, &t);
		p->msg = NULL;
		a->dirty = 1;
	}
}

static void
pin_draw(ui_app *a, ui_screen *s)
{
	pin_screen *p = (pin_screen *)s;
	kiosk *k = kiosk_of(a);
	double wait = pin_wait(&k->guard, now_s());
	SDL_Color bg = ui_color(a, UI_BG);
	SDL_Rect all = { 0, 0, a->w, a->h }, in;
	char buf[256];
	const char *msg = p->msg, *msg2 = NULL;
	int em = a->em, y, t = em / 8 > 1 ? em / 8 : 1;

	layout(a, p);
	/* dim what is underneath */
	SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(a->ren, bg.r, bg.g, bg.b, 225);
	SDL_RenderFillRect(a->ren, &all);
	ui_round_fill(a, p->panel, em / 2, UI_BORDER);
	in = (SDL_Rect){ p->panel.x + t, p->panel.y + t, p->panel.w - 2 * t,
	                 p->panel.h - 2 * t };
	ui_round_fill(a, in, em / 2, UI_PANEL);
	y = p->panel.y + em * 2;
	ui_draw_text(a, _("Trainer PIN"), -1, LAY_F_H1, LAY_BOLD, 0,
	             ui_color(a, UI_HEADING), p->panel.x + 2 * em, y);
	kf_draw(a, &p->pin, p->field, NULL, wait <= 0);
	if (wait > 0) {
		msg = _("Too many wrong PINs.");
		snprintf(buf, sizeof buf, _("Try again in %d s."), (int)(wait + 0.999));
		msg2 = buf;
	}
	y = p->field.y + p->field.h + em / 2;
	if (msg) {
		msg = ui_ellipsize(a, msg, LAY_F_BODY, LAY_BOLD, p->panel.w - 4 * em);
		ui_draw_text(a, msg, -1, LAY_F_BODY, LAY_BOLD, 0, ui_color(a, UI_WRONG),
		             p->panel.x + 2 * em, y);
	}
	if (msg2) {
		msg2 = ui_ellipsize(a, msg2, LAY_F_BODY, 0, p->panel.w - 4 * em);
		ui_draw_text(a, msg2, -1, LAY_F_BODY, 0, 0, ui_color(a, UI_TEXT),
		             p->panel.x + 2 * em, y + a->line_h[LAY_F_BODY]);
	}
	kb_draw(a, &p->row);
}

static void
pin_destroy(ui_screen *s)
{
	pin_screen *p = (pin_screen *)s;

	kf_clear(&p->pin);
	free(p);
}

ui_screen *
pin_screen_new(ui_app *a)
{
	pin_screen *p = xcalloc(1, sizeof *p);
	int i;

	p->base.event = pin_event;
	p->base.draw = pin_draw;
	p->base.destroy = pin_destroy;
	p->row.hover = -1;
	p->row.focus = 11; /* OK */
	for (i = 0; i < 10; i++)
		p->labels[i][0] = (char)('0' + i);
	kf_init(&p->pin, PIN_MAX_LEN, 1);
	SDL_StartTextInput();
	if (pin_wait(&kiosk_of(a)->guard, now_s()) > 0)
		a->wake_ms = 1000;
	a->dirty = 1;
	return &p->base;
}
