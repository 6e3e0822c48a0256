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
