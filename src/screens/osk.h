/* osk.h: the on-screen keyboard, for screens a learner types into by
 * touch (the kiosk's names and PINs, a short answer), and the row of
 * buttons it is made of (kiosk_widgets.c, kiosk_osk.c).
 *
 * A key does not type by itself: kosk_key turns the button pressed into
 * the event a real keyboard would have sent (text input, or Backspace),
 * and the screen handles that event as it handles typed keys. So what is
 * typed on the screen cannot be told from what is typed on keys. May
 * include ui/ and settings/; knows nothing of the kiosk's state. */
#ifndef LT_OSK_H
#define LT_OSK_H

#include "settings/config.h"
#include "ui/ui.h"

/* ------------------------------------------------------------ buttons */
enum { KB_MAX = 1024, KB_MOVED = -2 };
/* a button flag beside UI_BTN_*: the label is data (a learner's name, a
 * folder) that may be shortened with "…" to fit; any other label must fit
 * whole, and the layout check fails when it does not. */
enum { KB_DATA = 0x100 };

typedef struct {
	SDL_Rect r;
	const char *label;        /* must outlive the row (static or the screen's) */
	int id;                   /* what the screen calls it */
	int flags;                /* UI_BTN_PRIMARY, UI_BTN_DISABLED */
} kb_button;

typedef struct {
	kb_button b[KB_MAX];
	int n;
	int focus;                /* index of the focused button */
	int show_focus;           /* draw the focus ring (after a key was used) */
	int hover;                /* index under the mouse, or -1 */
} kb_row;

void kb_reset(kb_row *row);   /* before laying out again; keeps the focus */
void kb_add(kb_row *row, SDL_Rect r, const char *label, int id, int flags);
void kb_draw(ui_app *a, const kb_row *row);
/* mouse and keys: the id of the button activated, KB_MOVED when the focus
 * moved, or -1. */
int kb_event(ui_app *a, kb_row *row, const SDL_Event *e);
/* index of the button with this id, or -1. */
int kb_find(const kb_row *row, int id);

/* one button of a row laid out by kb_flow */
typedef struct {
	const char *label;
	int id;
	int flags;
} kb_spec;
/* height of a button for a->em. */
int kb_height(const ui_app *a);
/* add n buttons, each as wide as its label needs, in rows within
 * [x, x + maxw) from y (more rows when they do not fit on one), aligned
 * as align says (FIT_START, FIT_END, FIT_CENTER). Returns the height
 * used. */
int kb_flow(ui_app *a, kb_row *row, const kb_spec *b, int n, int x, int y, int maxw,
            int align);

/* ------------------------------------------------------------ keyboard */
/* button ids in a screen's kb_row (a screen's own ids stay clear of them) */
enum {
	KOSK_KEYS = 80,
	KOSK_SHIFT = -1003, KOSK_SPACE, KOSK_ERASE, KOSK_SCRIPT,
	KOSK_KEY = 1000000        /* + the index of a letter key */
};

typedef struct {
	int shift;                /* the next letter's case is swapped */
	int latin;                /* the Latin letters instead of the script's */
	char keys[KOSK_KEYS][8];  /* the letter keys' labels, as shown */
} kosk;

/* is the keyboard shown? On a kiosk (a->kiosk set) when cfg says
 * touch_only or no real key has been pressed yet; elsewhere only when cfg
 * says touch_only (a desktop has a keyboard). cfg may be NULL (`lectern
 * render` draws slides without settings): as a desktop. */
int kosk_wanted(ui_app *a, const cfg_config *cfg);
/* add the keyboard's buttons to row within area (output pixels), in the
 * letters of cfg's language (else the interface's; cfg may be NULL): as
 * many rows as fit in area.h (the digits go first), nothing when there is
 * no room for even that. text is what the field holds, for the capitals that come by
 * themselves at the start of each part of a name; NULL for none (an
 * answer is typed as it is). Returns the height used, 0 when nothing. */
int kosk_place(ui_app *a, kosk *o, kb_row *row, const cfg_config *cfg,
               const char *text, SDL_Rect area);
/* button id from kb_event: 1 when it was the keyboard's, else 0. A key
 * that types fills *ev with the event a real keyboard would send
 * (SDL_TEXTINPUT, or SDL_KEYDOWN of Backspace); Shift and the script
 * switch leave ev->type 0 (the keys' labels change: lay out again). */
int kosk_key(ui_app *a, kosk *o, int id, SDL_Event *ev);

#endif
