/* util.c: see util.h. */
#include "util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
die(const char *fmt, ...)
{
	va_list ap;

	fputs("lectern: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

int
utf8_chars(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("bad format string");
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

int
str_control_at(const char *s, const char *allow)
{
	unsigned char c = (unsigned char)s[0];

	if (c == 0x7F || (c && c < 0x20 && !strchr(allow, c)))
		return 1;
	if (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F)
		return 2;
	return 0;
}

long
str_find_control(const char *s, const char *allow)
{
	const char *p;

	for (p = s; *p; p++)
		if (str_control_at(p, allow))
			return (long)(p - s);
	return -1;
}

/* length of the valid UTF-8 sequence at s, or 0 (no overlongs, surrogates
 * or code points past U+10FFFF) */
static int
utf8_seq(const unsigned char *s)
{
	unsigned cp, min;
	int n, k;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 1; cp = s[0] & 0x1F; min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 2; cp = s[0] & 0x0F; min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 3; cp = s[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	for (k = 1; k <= n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n + 1;
}

char *
str_visible(const char *s)
{
	size_t n = strlen(s), o = 0;
	char *d = xmalloc(6 * n + 1); /* "\u0085" is 6 bytes for 2 */
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		int c = str_control_at((const char *)p, ""), len;

		if (c == 2) {
			o += (size_t)sprintf(d + o, "\\u%04X", 0x80u + (p[1] & 0x3F));
			p += 2;
		} else if (c == 1 || !(len = utf8_seq(p))) {
			o += (size_t)sprintf(d + o, "\\x%02X", *p);
			p++;
		} else {
			memcpy(d + o, p, (size_t)len);
			o += (size_t)len;
			p += len;
		}
	}
	d[o] = '\0';
	return d;
}

void
str_append(char *buf, size_t size, size_t *len, const char *s)
{
	size_t n = strlen(s);

	if (*len + 1 >= size)
		return;
	if (n > size - 1 - *len)
		n = size - 1 - *len;
	memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
}

/* ---------------------------------------------------------------- arena */

struct arena_block {
	arena_block *next;
	size_t used, size;
	_Alignas(16) unsigned char data[];
};

enum { ARENA_MIN = 64 * 1024 };

void *
arena_alloc(arena *a, size_t n)
{
	arena_block *b = a->head;
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (!b || b->size - b->used < n) {
		/* big requests get a block of their own so the current one keeps
		 * serving small strings. */
		size_t size = n > ARENA_MIN / 4 ? n : ARENA_MIN;
		arena_block *nb = xmalloc(sizeof *nb + size);

		nb->used = 0;
		nb->size = size;
		if (b && size != ARENA_MIN) {
			nb->next = b->next;
			b->next = nb;
		} else {
			nb->next = b;
			a->head = nb;
		}
		b = nb;
	}
	p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(arena *a, const char *s, size_t n)
{
	char *d = arena_alloc(a, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *
arena_strdup(arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

void
arena_free(arena *a)
{
	arena_block *b = a->head, *next;

	for (; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}
