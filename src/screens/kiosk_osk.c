/* kiosk_osk.c: the on-screen keyboard (osk.h), for kiosks without a
 * keyboard: names and PINs in the kiosk's screens, short answers.
 *
 * It is a block of buttons in a screen's kb_row, under the text field it
 * types into: the letters of the classroom's language (kr_keyboard in
 * settings/kiosk_rules.c: the layouts are data there, with their tests),
 * then Shift where letters have capitals, the switch to Latin letters for
 * a script with none, Space and Erase. A key types its label, as text
 * input would, so the field cannot tell it from a real keyboard. Capitals
 * come by themselves at the start of each part of a name (an answer is
 * typed as it is: only Shift makes one). The keyboard
 * is drawn on touch-only kiosks (touch_only: true) and, elsewhere, until
 * a key of a real keyboard is pressed. */
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "kiosk_int.h"

/* the language of the keyboard: the classroom's, else the interface's */
static const char *
keyboard_lang(const cfg_config *cfg)
{
	return cfg && cfg->language ? cfg->language : i18n_language();
}

int
kosk_wanted(ui_app *a, const cfg_config *cfg)
{
	if (cfg && cfg->touch_only)
		return 1;
	return a->kiosk && !kiosk_of(a)->key_seen;
}

int
kosk_shown(ui_app *a)
{
	return kosk_wanted(a, kiosk_of(a)->p->cfg);
}

/* would the next letter be a capital? At the start of the text and of
 * each part of it (a name), unless Shift says otherwise; an answer (text
 * NULL) only with Shift. */
static int
next_upper(const kosk *o, const char *text)
{
	size_t n = text ? strlen(text) : 0;
	int start = text && (n == 0 || text[n - 1] == ' ' || text[n - 1] == '-');

	return start != o->shift;
}

int
kosk_place(ui_app *a, kosk *o, kb_row *row, const cfg_config *cfg, const char *text,
           SDL_Rect area)
{
	const char *lang = keyboard_lang(cfg);
	const char *const *rows = kr_keyboard(lang, o->latin);
	int em = a->em, kg = em / 3 > 1 ? em / 3 : 1, n = 0, r, c, nrows, cols = 1, first = 0;
	int kbw = area.w < em * 44 ? area.w : em * 44, kx = area.x + (area.w - kbw) / 2;
	int y = area.y, room = area.h, kh = kb_height(a), kw, least = em + em / 4, x, w, bx;
	int upper = next_upper(o, text), cased = !kr_keyboard_has_latin(lang) || o->latin;
	/* each script named in its own letters */
	const char *sw_label = o->latin ? "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A" : "ABC";

	for (nrows = 0; rows[nrows]; nrows++) {
		int keys = 1;
		const char *q;

		for (q = rows[nrows]; *q; q++)
			keys += *q == ' ';
		cols = keys > cols ? keys : cols;
	}
	kw = (kbw - (cols - 1) * kg) / cols;
	/* the rows and the row of Shift, Space and Erase */
	if ((nrows + 1) * (kh + kg) - kg > room) {
		kh = (room - nrows * kg) / (nrows + 1);
		if (kh < least && rows[0][0] == '1') {
			first = 1; /* no digits: names rarely have them */
			kh = (room - (nrows - 1) * kg) / nrows;
		}
	}
	if (kh > kb_height(a))
		kh = kb_height(a);
	if (kh < least)
		return 0; /* no room at all: a physical keyboard still works */
	for (r = first; r < nrows; r++) {
		const char *q = rows[r];
		int keys = 1;

		for (c = 0; q[c]; c++)
			keys += q[c] == ' ';
		x = kx + (kbw - (keys * kw + (keys - 1) * kg)) / 2;
		for (c = 0; *q && n < KOSK_KEYS; c++, n++) {
			size_t len = strcspn(q, " ");
			char key[sizeof o->keys[0]];

			snprintf(key, sizeof key, "%.*s", (int)len, q);
			if (upper && cased)
				kr_key_upper(key, o->keys[n], sizeof o->keys[n]);
			else
				memcpy(o->keys[n], key, sizeof key);
			kb_add(row, (SDL_Rect){ x + c * (kw + kg), y, kw, kh }, o->keys[n],
			       KOSK_KEY + n, 0);
			q += len;
			q += *q == ' ';
		}
		y += kh + kg;
	}
	/* Shift, the script switch and Erase as wide as their labels need
	 * (two keys at least), Space the rest */
	bx = kx;
	if (cased) {
		w = ui_button_width(a, _("Shift"));
		w = w > 2 * kw + kg ? w : 2 * kw + kg;
		kb_add(row, (SDL_Rect){ bx, y, w, kh }, _("Shift"), KOSK_SHIFT,
		       o->shift ? UI_BTN_PRIMARY : 0);
		bx += w + kg;
	}
	if (kr_keyboard_has_latin(lang)) {
		w = ui_button_width(a, sw_label);
		w = w > 2 * kw + kg ? w : 2 * kw + kg;
		kb_add(row, (SDL_Rect){ bx, y, w, kh }, sw_label, KOSK_SCRIPT, 0);
		bx += w + kg;
	}
	w = ui_button_width(a, _("Erase"));
	w = w > 2 * kw + kg ? w : 2 * kw + kg;
	kb_add(row, (SDL_Rect){ bx, y, kx + kbw - w - kg - bx, kh }, _("Space"), KOSK_SPACE, 0);
	kb_add(row, (SDL_Rect){ kx + kbw - w, y, w, kh }, _("Erase"), KOSK_ERASE, 0);
	return y + kh - area.y;
}

void
kosk_layout(ui_app *a, kosk *o, kb_row *row, const kf_field *f, int y)
{
	int em = a->em, w = a->w - 4 * em;

	kosk_place(a, o, row, kiosk_of(a)->p->cfg, f->buf,
	           (SDL_Rect){ 2 * em, y, w, a->h - em - y });
}

int
kosk_key(ui_app *a, kosk *o, int id, SDL_Event *ev)
{
	SDL_zero(*ev);
	if (id == KOSK_SHIFT) {
		o->shift = !o->shift;
	} else if (id == KOSK_SCRIPT) {
		o->latin = !o->latin;
	} else if (id == KOSK_ERASE) {
		ev->type = SDL_KEYDOWN;
		ev->key.keysym.sym = SDLK_BACKSPACE;
	} else if (id == KOSK_SPACE || (id >= KOSK_KEY && id < KOSK_KEY + KOSK_KEYS)) {
		/* the key's label is what it types (capitals included) */
		ev->type = SDL_TEXTINPUT;
		snprintf(ev->text.text, sizeof ev->text.text, "%s",
		         id == KOSK_SPACE ? " " : o->keys[id - KOSK_KEY]);
		o->shift = 0;
	} else {
		return 0;
	}
	a->dirty = 1;
	return 1;
}

int
kosk_event(ui_app *a, kosk *o, kf_field *f, int id)
{
	SDL_Event k;

	if (!kosk_key(a, o, id, &k))
		return 0;
	if (k.type)
		kf_event(f, &k);
	return 1;
}
