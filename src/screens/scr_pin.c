/* scr_pin.c: the trainer PIN prompt, an overlay opened by Ctrl+Alt+T.
 *
 * The PIN is typed (shown as dots) or tapped on a keypad, and checked
 * through the kiosk's pin_guard, which the progress store keeps (so a
 * restart or a power cut does not reopen a locked prompt): a wrong PIN
 * says so and clears the field; after three the prompt is locked for a
 * while, longer with each further wrong PIN, and counts down, waking the
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
	int title_h;              /* the title's height (it may wrap) */
	int msg_y;                /* y of the messages under the field */
	char labels[10][2];       /* "0".."9" for the keypad */
} pin_screen;

/* the lines under the field: the last result, or the lock's countdown */
static void
messages(ui_app *a, const pin_screen *p, const char **m1, const char **m2, char *buf,
         size_t size)
{
	double wait = pin_wait(&kiosk_of(a)->guard, pin_now());

	*m1 = p->msg;
	*m2 = NULL;
	if (wait > 0) {
		*m1 = _("Too many wrong PINs.");
		snprintf(buf, size, _("Try again in %d s."), (int)(wait + 0.999));
		*m2 = buf;
	}
}

/* the panel: title, field, two lines of messages (more when a translation
 * wraps), the keypad and Cancel, centred; when the window is short the
 * keys get shorter, down to a line of text */
static void
layout(ui_app *a, pin_screen *p)
{
	int em = a->em, gap = em / 2, kh = kb_height(a), lb = a->line_h[LAY_F_BODY];
	int kw = em * 5, pw, ph, y, x0, i, fixed, tw, mh;
	int locked = pin_wait(&kiosk_of(a)->guard, pin_now()) > 0;
	static const int keys[12] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, ID_ERASE, 0, ID_OK };
	const char *m1, *m2;
	char buf[256];
	kb_spec cancel = { _("Cancel"), ID_CANCEL, 0 };

	if (ui_button_width(a, _("Erase")) > kw)
		kw = ui_button_width(a, _("Erase"));
	if (ui_button_width(a, _("OK")) > kw)
		kw = ui_button_width(a, _("OK"));
	pw = 3 * kw + 2 * gap + 4 * em;
	if (pw > a->w - 2 * em) {
		pw = a->w - 2 * em;
		kw = (pw - 4 * em - 2 * gap) / 3;
	}
	tw = pw - 4 * em;
	messages(a, p, &m1, &m2, buf, sizeof buf);
	mh = kiosk_para(a, m1, LAY_F_BODY, LAY_BOLD, UI_WRONG, 0, 0, tw, FIT_START, 0) +
	     kiosk_para(a, m2, LAY_F_BODY, 0, UI_TEXT, 0, 0, tw, FIT_START, 0);
	if (mh < 2 * lb)
		mh = 2 * lb;
	p->title_h = kiosk_para(a, _("Trainer PIN"), LAY_F_H1, LAY_BOLD, UI_HEADING, 0, 0, tw,
	                        FIT_START, 0);
	fixed = em + p->title_h + em / 2 + kf_height(a) + em / 4 + mh + em / 2 + 4 * gap + em;
	if (fixed + 5 * kh > a->h - em) {
		kh = (a->h - em - fixed) / 5;
		if (kh < lb)
			kh = lb;
	}
	ph = fixed + 5 * kh;
	p->panel = (SDL_Rect){ (a->w - pw) / 2, (a->h - ph) / 2, pw, ph };
	if (p->panel.y < 0)
		p->panel.y = 0;
	y = p->panel.y + em + p->title_h + em / 2;
	p->field = (SDL_Rect){ p->panel.x + 2 * em, y, tw, kf_height(a) };
	y += kf_height(a) + em / 4;
	p->msg_y = y;
	y += mh + em / 2;
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
	y += 4 * (kh + gap);
	kb_flow(a, &p->row, &cancel, 1, p->panel.x + 2 * em, y, tw, FIT_CENTER);
	/* the Cancel row may have come out shorter than a button: keep it
	 * the keys' height so that the panel's sum holds */
	p->row.b[p->row.n - 1].r.h = kh;
}

static void
try_pin(ui_app *a, pin_screen *p)
{
	kiosk *k = kiosk_of(a);
	int r = kiosk_pin_try(k, "trainer", "trainer PIN", k->p->cfg->trainer_pin_hash,
	                      p->pin.buf);

	kf_clear(&p->pin);
	a->dirty = 1;
	switch (r) {
	case PIN_OK:
		kiosk_log(L_("trainer menu opened"));
		nav_goto(a, NAV_TRAINER); /* frees p */
		return;
	case PIN_WRONG:
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
	if (pin_wait(&k->guard, pin_now()) > 0)
		a->wake_ms = 1000;
}

static void
pin_event(ui_app *a, ui_screen *s, const SDL_Event *e)
{
	pin_screen *p = (pin_screen *)s;
	int locked = pin_wait(&kiosk_of(a)->guard, pin_now()) > 0, r, id;

	layout(a, p);
	if (e->type == SDL_USEREVENT) {
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
	double wait = pin_wait(&kiosk_of(a)->guard, pin_now());
	SDL_Color bg = ui_color(a, UI_BG);
	SDL_Rect all = { 0, 0, a->w, a->h }, in;
	char buf[256];
	const char *m1, *m2;
	int em = a->em, y, t = em / 8 > 1 ? em / 8 : 1, tw;

	layout(a, p);
	tw = p->panel.w - 4 * em;
	/* dim what is underneath */
	SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(a->ren, bg.r, bg.g, bg.b, 225);
	SDL_RenderFillRect(a->ren, &all);
	ui_round_fill(a, p->panel, em / 2, UI_BORDER);
	in = (SDL_Rect){ p->panel.x + t, p->panel.y + t, p->panel.w - 2 * t,
	                 p->panel.h - 2 * t };
	ui_round_fill(a, in, em / 2, UI_PANEL);
	kiosk_para(a, _("Trainer PIN"), LAY_F_H1, LAY_BOLD, UI_HEADING, p->panel.x + 2 * em,
	           p->panel.y + em, tw, FIT_START, 1);
	kf_draw(a, &p->pin, p->field, NULL, wait <= 0);
	messages(a, p, &m1, &m2, buf, sizeof buf);
	y = p->msg_y;
	y += kiosk_para(a, m1, LAY_F_BODY, LAY_BOLD, UI_WRONG, p->panel.x + 2 * em, y, tw,
	                FIT_START, 1);
	kiosk_para(a, m2, LAY_F_BODY, 0, UI_TEXT, p->panel.x + 2 * em, y, tw, FIT_START, 1);
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
	if (pin_wait(&kiosk_of(a)->guard, pin_now()) > 0)
		a->wake_ms = 1000;
	a->dirty = 1;
	return &p->base;
}
