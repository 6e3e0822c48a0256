/* util.h: allocation that never returns NULL, a bump arena, small string
 * helpers. Out of memory is the one failure Lectern does not try to survive:
 * xmalloc and friends print a message and exit. */
#ifndef LT_UTIL_H
#define LT_UTIL_H

#include <stddef.h>

#define LT_NELEM(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
#if defined(__GNUC__)
#define LT_PRINTF(f, a) __attribute__((format(printf, f, a), nonnull(f)))
#else
#define LT_PRINTF(f, a)
#endif
char *xasprintf(const char *fmt, ...) LT_PRINTF(1, 2);
void die(const char *fmt, ...) LT_PRINTF(1, 2);
/* characters (not bytes) in a UTF-8 string: its bytes that do not
 * continue a sequence. */
int utf8_chars(const char *s);
/* byte length of the control character at s (C0 other than those allowed
 * in allow, DEL, or a C1 control U+0080..U+009F in UTF-8), or 0 when s
 * does not start with one. allow lists the C0 characters text may keep,
 * such as "\t\n", or "" for none. */
int str_control_at(const char *s, const char *allow);
/* offset of the first control character in s (as str_control_at), or -1. */
long str_find_control(const char *s, const char *allow);
/* a copy of s (malloc'd) safe to print to a terminal: control characters
 * and bytes that are not UTF-8 become visible escapes (\x1B, \u0085), so a
 * name or path never moves the cursor, clears the screen or rings. */
char *str_visible(const char *s);
/* append s to buf (of size) at offset *len, advancing *len; truncates
 * rather than overflow, and buf stays NUL-terminated. */
void str_append(char *buf, size_t size, size_t *len, const char *s);

/* an arena hands out memory that is freed all at once; the module model and
 * the YAML tree live in one each, so freeing a module is one call. */
typedef struct arena_block arena_block;
typedef struct {
	arena_block *head; /* newest block first */
} arena;

void *arena_alloc(arena *a, size_t n);          /* zeroed, 16-byte aligned */
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
void arena_free(arena *a);

#endif
