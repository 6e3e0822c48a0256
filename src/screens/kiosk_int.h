/* kiosk_int.h: what the kiosk's files share: the kiosk state, the text
 * field used for names, PINs and folders, and the kiosk screens. */
#ifndef LT_KIOSK_INT_H
#define LT_KIOSK_INT_H

#include "kiosk.h"
#include "osk.h"
#include "settings/kiosk_rules.h"
#include "settings/pin.h"
#include "text/fit.h"
#include "player.h"
#include "ui/ui.h"

/* ------------------------------------------------------------ state */
typedef struct {
	ui_app *a;
	pl_player *p;
	pin_guard guard;          /* wrong PINs in a row, lock time */
	char learner[KR_NAME_MAX + 1]; /* logged in, "" at the picker */
	Uint32 ev_idle;           /* SDL user event: the idle timer fired */
	Uint32 ev_signal;         /* SDL user event: SIGINT, SIGTERM, ... (code) */
	SDL_TimerID idle_timer;
	Uint32 last_input;        /* SDL_GetTicks of the last key, click, touch */
	int exiting;              /* the trainer chose Exit: the loop may end */
	int trainer_open;         /* the PIN prompt or trainer menu is shown */
	int text_was_on;          /* text input was on when it opened (an answer) */
	int warning;              /* the idle countdown is shown */
	int key_seen;             /* a real keyboard's key was pressed: the
	                             on-screen keyboard may give way */
	Uint32 eat_until;         /* swallow the rest of the press that ended the
	                             countdown, up to this event type (0: none) */
	/* learner codes (learner_codes: true) */
	char code_for[KR_NAME_MAX + 1]; /* whose code the prompt asks for */
	char *code_hash;          /* their code's hash, NULL: they choose one */
	char code_guard[32];      /* "learner:ID", the prompt's lockout */
	char code_passed[KR_NAME_MAX + 1]; /* may log in now (code right) */
} kiosk;

kiosk *kiosk_of(ui_app *a);
/* the state of a login: name (created in the store when new) studies now,
 * with the idle timer armed. The navigator then shows the catalog. */
void kiosk_login(kiosk *k, const char *name);
/* the state of a logout: the time spent and the leave recorded, the
 * learner forgotten, the timer stopped. The navigator shows the picker. */
void kiosk_logout(kiosk *k, const char *why);
/* seconds before the idle logout, as the countdown shows them (at most
 * the countdown's length); -1 when there is no idle logout. */
int kiosk_idle_seconds(const kiosk *k);
/* record the learner's progress now (before ignoring a way out). */
void kiosk_save(kiosk *k, const char *why);
/* check a PIN or learner code against hash through the guard the store
 * keeps for that prompt (name: "trainer", "learner:ID"), so the count of
 * wrong ones and the lock survive a restart; logs wrong ones and locks as
 * "wrong WHAT (N in a row)" (what: "trainer PIN", "code of NAME").
 * Returns PIN_OK, PIN_WRONG, PIN_LOCKED or PIN_ERROR (k->guard then holds
 * that prompt's guard). */
int kiosk_pin_try(kiosk *k, const char *name, const char *what, const char *hash,
                  const char *pin);
/* load the guard of prompt name from the store into k->guard. */
void kiosk_guard_load(kiosk *k, const char *name);
/* the code prompt is about to open for learner name (NAV_CODE): whose, and
 * whether they have a code (check it) or not yet (choose one). */
void kiosk_code_opening(kiosk *k, const char *name);
/* check the code typed for k->code_for: PIN_* as kiosk_pin_try; PIN_OK
 * lets them log in (NAV_LOGIN). */
int kiosk_code_check(kiosk *k, const char *code);
/* k->code_for chose code (checked with pin_weakness by the caller): the
 * learner is created when new and the code's hash stored. 0, or -1 when it
 * could not be stored. Lets them log in (NAV_LOGIN). */
int kiosk_code_choose(kiosk *k, const char *code);
/* the PIN prompt is about to open: -1 when it already is. */
int kiosk_trainer_opening(kiosk *k);
/* the PIN prompt or trainer menu closed: text input as it was. */
void kiosk_trainer_closed(kiosk *k);
/* the trainer ends kiosk mode: log out, and let the loop end. */
void kiosk_exiting(kiosk *k);
/* a string of the kiosk's log: English on purpose and never translated,
 * so that the log reads the same whatever the interface language and
 * scripts can grep it (tests/sh/i18n.sh counts L_ as marked) */
#define L_(s) s
/* a line on stderr for the machine's log: "lectern: kiosk: ...", in
 * English (L_) */
void kiosk_log(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
/* write the xAPI statements and the CSV summary into dir, synced, as
 * BASE.json and BASE.csv (base is filled in, *n statements). Returns 0, or
 * -1 with the reason in msg. */
int kiosk_export(store *st, const char *dir, char *base, size_t basesize, long *n,
                 char *msg, size_t msgsize);
/* write the class report (as `lectern report` does) into dir as
 * BASE-report.html, synced; path gets its name. Returns 0, or -1 with the
 * reason in msg. */
int kiosk_class_report(pl_player *p, const char *dir, char *path, size_t pathsize,
                       char *msg, size_t msgsize);
/* the .lectern files in dirs (and their folders one level down), at most
 * max, as malloc'd paths in out (kiosk_install.c). Returns how many. */
int kiosk_packages(char *const *dirs, int ndirs, char **out, int max);
/* install the package at path into the player's modules folder with the
 * config's trusted keys. Returns 0 or -1; msg says what happened, in the
 * trainer's words. */
int kiosk_install(const pl_player *p, const char *path, char *msg, size_t msgsize);
/* ------------------------------------------------------------ text field */
enum { KF_MAX = 1024 };

typedef struct {
	char buf[KF_MAX];         /* UTF-8, NUL-terminated */
	int max;                  /* bytes allowed */
	int masked;               /* show dots (PINs) */
} kf_field;

enum { KF_NONE, KF_CHANGED, KF_ENTER };

void kf_init(kf_field *f, int max, int masked);
void kf_set(kf_field *f, const char *s);
/* wipe the text (PINs do not linger in memory). */
void kf_clear(kf_field *f);
/* text input, Backspace, Enter; returns KF_*. Call SDL_StartTextInput while
 * a field has focus. */
int kf_event(kf_field *f, const SDL_Event *e);
/* a large box with the text and a caret; placeholder when empty. */
void kf_draw(ui_app *a, const kf_field *f, SDL_Rect r, const char *placeholder,
             int focus);
/* height of a field for a->em. */
int kf_height(const ui_app *a);

/* ------------------------------------------------------------ keyboard */
/* the on-screen keyboard in the kiosk's screens (osk.h says how it
 * works): shown as kosk_wanted says for the kiosk's configuration; laid
 * out from y down to the bottom of the window, for typing into f (its
 * capitals come by themselves at the start of each part of a name). */
int kosk_shown(ui_app *a);
void kosk_layout(ui_app *a, kosk *o, kb_row *row, const kf_field *f, int y);
/* button id from kb_event: 1 when it was the keyboard's (and f has
 * changed, or Shift or the script), else 0. */
int kosk_event(ui_app *a, kosk *o, kf_field *f, int id);

/* ------------------------------------------------------------ screens */
/* text in lines of at most w pixels from x, top at y, aligned as align
 * says (FIT_*): drawn in colour col when draw, else only measured. Every
 * line is placed (ui_place). Returns the height. */
int kiosk_para(ui_app *a, const char *s, int font, int style, int col, int x, int y,
               int w, int align, int draw);
/* kiosk_para centred across the window, with a margin of 2 em each side. */
int kiosk_text_center(ui_app *a, const char *s, int font, int style, int col, int y,
                      int draw);

#endif
