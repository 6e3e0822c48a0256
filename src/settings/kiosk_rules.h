/* kiosk_rules.h: the SDL-free decisions of kiosk mode, kept apart from the
 * screens so they are unit tested: what a learner's name may be, when an
 * idle learner is logged out, which folders to offer for an export and
 * what the exported files are called. */
#ifndef LT_KIOSK_RULES_H
#define LT_KIOSK_RULES_H

#include <stddef.h>
#include <time.h>

enum { KR_NAME_MAX = 64 }; /* bytes of UTF-8 in a learner's name */

/* tidy a typed name in place (spaces trimmed and runs of spaces made one);
 * returns NULL when it is a good name, else why not (translated). */
const char *kr_name_tidy(char *name);
/* do two names mean the same learner ("ana" is "Ana": ASCII letters match
 * regardless of case)? */
int kr_name_same(const char *a, const char *b);

/* milliseconds left before an idle logout, given the time of the last input
 * and now (both ms); 0 means log out now. idle_minutes 0 means never
 * (returns -1). */
long kr_idle_left(double idle_minutes, unsigned long last_input_ms,
                  unsigned long now_ms);

/* the idle countdown: shown for the last 30 s before an idle logout, or
 * the last half of the idle time when that is shorter. */
enum { KR_IDLE_WARN_MS = 30000 };
long kr_idle_warn_ms(double idle_minutes);
enum { KR_IDLE_NEVER, KR_IDLE_ACTIVE, KR_IDLE_WARN, KR_IDLE_LOGOUT };
/* where an idle learner stands at now: KR_IDLE_ACTIVE (*ms until the
 * countdown starts), KR_IDLE_WARN (*ms until the logout: show the
 * countdown), KR_IDLE_LOGOUT (now) or KR_IDLE_NEVER (idle_minutes 0). */
int kr_idle_state(double idle_minutes, unsigned long last_input_ms, unsigned long now_ms,
                  long *ms);

/* 1 when a config file's permission bits (st_mode) let group or others
 * read or write it: the trainer PIN's hash must be the kiosk account's
 * alone. */
int kr_config_exposed(unsigned mode);

/* the on-screen keyboard for names, by language: rows of keys, each row a
 * string of keys separated by single spaces (a key is one letter, in
 * UTF-8). Latin keyboards carry the accented letters of their language;
 * the Arabic one has its own script and a Latin one beside it (latin 1).
 * lang is a gettext or BCP 47 name ("fr", "fr_FR", "ar-EG"); an unknown
 * one gets the English keyboard. Returns the rows, NULL-terminated. */
const char *const *kr_keyboard(const char *lang, int latin);
/* does the keyboard of lang have a Latin one beside it (a script without
 * capitals, such as Arabic)? */
int kr_keyboard_has_latin(const char *lang);
/* the capital of the one letter key (UTF-8) into out: ASCII and the
 * accented Latin letters of the keyboards; anything else unchanged. */
void kr_key_upper(const char *key, char *out, size_t size);

/* folders worth offering for an export, most likely first: mounted
 * removable media under /media/USER, /run/media/USER and /media, then
 * the home directory. Returns the number found (at most max), each a
 * malloc'd path in out. root: "" normally (tests point it elsewhere). */
int kr_export_dirs(const char *root, const char *user, const char *home,
                   char **out, int max);
/* base name of an export made at t: "lectern-progress-YYYYMMDD-HHMMSS"
 * (UTC) into buf. */
void kr_export_name(time_t t, char *buf, size_t size);

#endif
