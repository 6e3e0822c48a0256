/* scr_pin.c: the PIN prompts: the trainer's, an overlay opened by
 * Ctrl+Alt+T, and a learner's own PIN when the classroom uses learner
 * codes (learner_codes: true), opened from the picker.
 *
 * The PIN is typed (shown as dots) or tapped on a keypad, and checked
 * through the kiosk's pin_guard, which the progress store keeps (so a
 * restart or a power cut does not reopen a locked prompt): a wrong PIN
 * says so and clears the field; after three the prompt is locked for a
 * while, longer with each further wrong PIN, and counts down, waking the
 * loop once a second only while that lasts. The right PIN replaces this
 * overlay with the trainer menu. Escape or Cancel closes it.
 *
 * A learner's prompt works the same way with their own lockout, and the
 * right PIN logs them in. A learner without a PIN yet (new, or reset by
 * the trainer) chooses one instead: typed, checked with pin_weakness (the
 * rules of the trainer's PIN), typed again, and stored hashed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "kiosk_int.h"
#include "base/util.h"
#include "nav.h"
#include "screens.h"

enum { ID_ERASE = 100, ID_OK, ID_CANCEL };

enum {
	P_TRAINER,                /* the trainer's PIN */
	P_CHECK,                  /* a learner's PIN */
	P_CHOOSE,                 /* a learner chooses their PIN */
	P_AGAIN                   /* ... and types it again */
};

typedef struct {
	ui_screen base;
	int purpose;              /* P_* */
	kf_field pin;
	char first[PIN_MAX_LEN + 1]; /* P_AGAIN: the PIN typed first (wiped) */
	char why[256];            /* a refused choice's reason */
	const char *msg;          /* last result, or NULL */
	kb_row row;
	SDL_Rect panel, field;
	int title_h;              /* the title's height (it may wrap) */
	int help_h;               /* the line of help under it, if any */
	int msg_y;                /* y of the messages under the field */
	char labels[10][2];       /* "0".."9" for the keypad */
} pin_screen;

/* clear a PIN from memory (a plain memset may be optimised away) */
static void
wipe(char *s, size_t n)
{
	volatile char *v = s;

	while (n--)
		*v++ = 0;
}

/* the prompt's title, and the line of help under it (or NULL) */
static const char *
title(ui_app *a, const pin_screen *p, char *buf, size_t size, const char **help, char *hbuf,
      size_t hsize)
{
	const char *who = kiosk_of(a)->code_for;

	*help = NULL;
	switch (p->purpose) {
	case P_CHECK:
		snprintf(buf, size, _("PIN of %s"), who);
		return buf;
	case P_CHOOSE:
		/* the name in the help line: a long one would take the title's
		 * big lines */
		snprintf(hbuf, hsize, _("%s: at least 4 digits, not 1234 or 0000. You will type it "
		                        "at each login."), who);
		*help = hbuf;
		return _("Choose your PIN");
	case P_AGAIN:
		snprintf(hbuf, hsize, _("%s: type the same PIN again."), who);
		*help = hbuf;
		return _("Choose your PIN");
	default:
		return _("Trainer PIN");
	}
}

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
	const char *m1, *m2, *help;
	char buf[256], tbuf[256], hbuf[512];
	kb_spec cancel = { _("Cancel"), ID_CANCEL, 0 };

	if (ui_button_width(a, _("Erase")) > kw)
		kw = ui_button_width(a, _("Erase"));
	if (ui_button_width(a, _("OK")) > kw)
		kw = ui_button_width(a, _("OK"));
	pw = 3 * kw + 2 * gap + 4 * em;
	/* a learner's prompt has a line of help: wider, so it takes fewer
	 * lines and leaves the keys their height */
	if (p->purpose != P_TRAINER && pw < 28 * em)
		pw = 28 * em;
	if (pw > a->w - 2 * em)
		pw = a->w - 2 * em;
	if (3 * kw + 2 * gap > pw - 4 * em)
		kw = (pw - 4 * em - 2 * gap) / 3;
	tw = pw - 4 * em;
	messages(a, p, &m1, &m2, buf, sizeof buf);
	mh = kiosk_para(a, m1, LAY_F_BODY, LAY_BOLD, UI_WRONG, 0, 0, tw, FIT_START, 0) +
	     kiosk_para(a, m2, LAY_F_BODY, 0, UI_TEXT, 0, 0, tw, FIT_START, 0);
	/* room for the lock's two lines where there is a lock; a choice's
	 * refusal takes one (more when it wraps: measured above) */
	if (mh < (p->purpose == P_CHOOSE || p->purpose == P_AGAIN ? lb : 2 * lb))
		mh = p->purpose == P_CHOOSE || p->purpose == P_AGAIN ? lb : 2 * lb;
	p->title_h = kiosk_para(a, title(a, p, tbuf, sizeof tbuf, &help, hbuf, sizeof hbuf), LAY_F_H1, LAY_BOLD,
	                        UI_HEADING, 0, 0, tw, FIT_START, 0);
	p->help_h = help ? kiosk_para(a, help, LAY_F_BODY, 0, UI_MUTED, 0, 0, tw, FIT_START, 0) +
	                   em / 4
	                 : 0;
	fixed = em + p->title_h + p->help_h + em / 2 + kf_height(a) + em / 4 + mh + em / 2 +
	        4 * gap + em;
	if (fixed + 5 * kh > a->h - em) {
		/* shorter keys, down to a digit and a margin */
		kh = (a->h - em - fixed) / 5;
		if (kh < em + em / 4)
			kh = em + em / 4;
	}
	ph = fixed + 5 * kh;
	p->panel = (SDL_Rect){ (a->w - pw) / 2, (a->h - ph) / 2, pw, ph };
	if (p->panel.y < 0)
		p->panel.y = 0;
	y = p->panel.y + em + p->title_h + p->help_h + em / 2;
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

/* the closing request of this prompt */
static nav_to
closing(const pin_screen *p)
{
	return p->purpose == P_TRAINER ? NAV_TRAINER_CLOSE : NAV_CLOSE;
}

/* a learner's choice of PIN, typed once (P_CHOOSE) or twice (P_AGAIN) */
static void
choose_pin(ui_app *a, pin_screen *p)
{
	kiosk *k = kiosk_of(a);
	const char *why;
	char name[KR_NAME_MAX + 1];

	if (p->purpose == P_CHOOSE) {
		if ((why = pin_weakness(p->pin.buf))) {
			/* set-pin's phrase ("the PIN must ...") as a sentence */
			snprintf(p->why, sizeof p->why, "%s.", why);
			if (p->why[0] >= 'a' && p->why[0] <= 'z')
				p->why[0] = (char)(p->why[0] - 'a' + 'A');
			p->msg = p->why;
		} else {
			/* pin_weakness allows at most PIN_MAX_LEN bytes */
			memcpy(p->first, p->pin.buf, strlen(p->pin.buf) + 1);
			p->purpose = P_AGAIN;
			p->msg = NULL;
		}
		kf_clear(&p->pin);
		a->dirty = 1;
		return;
	}
	if (strcmp(p->first, p->pin.buf) != 0) {
		p->purpose = P_CHOOSE;
		p->msg = _("The two PINs differ. Choose one again.");
	} else if (kiosk_code_choose(k, p->pin.buf) != 0) {
		p->purpose = P_CHOOSE;
		p->msg = _("Your PIN could not be saved. Ask your trainer.");
	} else {
		kf_clear(&p->pin);
		wipe(p->first, sizeof p->first);
		snprintf(name, sizeof name, "%s", k->code_for);
		nav_go(a, (nav_req){ .to = NAV_LOGIN, .arg = name }); /* frees p */
		return;
	}
	kf_clear(&p->pin);
	wipe(p->first, sizeof p->first);
	a->dirty = 1;
}

static void
try_pin(ui_app *a, pin_screen *p)
{
	kiosk *k = kiosk_of(a);
	char name[KR_NAME_MAX + 1];
	int r;

	if (p->purpose == P_CHOOSE || p->purpose == P_AGAIN) {
		choose_pin(a, p);
		return;
	}
	r = p->purpose == P_CHECK
	        ? kiosk_code_check(k, p->pin.buf)
	        : kiosk_pin_try(k, "trainer", L_("trainer PIN"), k->p->cfg->trainer_pin_hash,
	                        p->pin.buf);
	kf_clear(&p->pin);
	a->dirty = 1;
	switch (r) {
	case PIN_OK:
		if (p->purpose == P_CHECK) {
			snprintf(name, sizeof name, "%s", k->code_for);
			nav_go(a, (nav_req){ .to = NAV_LOGIN, .arg = name }); /* frees p */
			return;
		}
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
	if (e->type == a->wake_event) {
		/* the countdown's wake-up */
		if (!locked)
			a->wake_ms = 0;
		a->dirty = 1;
		return;
	}
	if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
		a->wake_ms = 0;
		nav_goto(a, closing(p)); /* frees p */
		return;
	}
	if (locked && e->type == SDL_KEYDOWN &&
	    (e->key.keysym.sym == SDLK_RETURN || e->key.keysym.sym == SDLK_KP_ENTER)) {
		try_pin(a, p); /* refused unchecked, and logged as such */
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
		nav_goto(a, closing(p)); /* frees p */
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
	char buf[256], tbuf[256], hbuf[512];
	const char *m1, *m2, *help;
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
	y = p->panel.y + em;
	y += kiosk_para(a, title(a, p, tbuf, sizeof tbuf, &help, hbuf, sizeof hbuf), LAY_F_H1, LAY_BOLD, UI_HEADING,
	                p->panel.x + 2 * em, y, tw, FIT_START, 1);
	kiosk_para(a, help, LAY_F_BODY, 0, UI_MUTED, p->panel.x + 2 * em, y, tw, FIT_START, 1);
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
	wipe(p->first, sizeof p->first);
	free(p);
}

static ui_screen *
prompt_new(ui_app *a, int purpose)
{
	pin_screen *p = xcalloc(1, sizeof *p);
	int i;

	p->purpose = purpose;
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

ui_screen *
pin_screen_new(ui_app *a)
{
	return prompt_new(a, P_TRAINER);
}

ui_screen *
code_screen_new(ui_app *a)
{
	/* kiosk_code_opening has found whether they have a PIN yet */
	return prompt_new(a, kiosk_of(a)->code_hash ? P_CHECK : P_CHOOSE);
}
