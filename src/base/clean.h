/* clean.h: what text from outside (a module, a learner's name, a path)
 * may contain, and how to show it on a terminal. Control characters are
 * refused where text comes in and escaped where it goes out, so a name or
 * a file can never move the cursor, clear the screen or ring a bell. */
#ifndef LT_CLEAN_H
#define LT_CLEAN_H

#include <stddef.h>
#include <stdio.h>

/* byte length of the control character at s (C0 other than those allowed
 * in allow, DEL, or a C1 control U+0080..U+009F in UTF-8), or 0 when s
 * does not start with one. allow lists the C0 characters text may keep,
 * such as "\t\n", or "" for none. */
int clean_control_at(const char *s, const char *allow);
/* offset of the first control character in s (as clean_control_at), or -1. */
long clean_find_control(const char *s, const char *allow);
/* a copy of s (malloc'd) safe to print to a terminal: control characters
 * and bytes that are not UTF-8 become visible escapes (\x1B, \u0085), so a
 * name or path never moves the cursor, clears the screen or rings. */
char *clean_visible(const char *s);
/* printf to fp with every control character of the result escaped as
 * clean_visible does, but a final line break: for messages that quote
 * paths and names. */
void clean_fprintf(FILE *fp, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* 1 when s shows nothing: empty, or only spaces and zero-width or other
 * invisible format characters (s is valid UTF-8). */
int clean_is_blank(const char *s);
/* why name cannot be a person's name, or NULL when it can: it must be 1 to
 * max bytes of valid UTF-8 with no control characters (C0, DEL, C1), no
 * bidirectional overrides or isolates (which reorder what a trainer reads
 * after it), and at least one visible character (not only spaces and
 * zero-width characters). The reason is translated. */
const char *clean_name_problem(const char *name, size_t max);

#endif
