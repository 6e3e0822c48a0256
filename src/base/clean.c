/* clean.c: see clean.h. */
#include "clean.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

int
clean_control_at(const char *s, const char *allow)
{
	unsigned char c = (unsigned char)s[0];

	if (c == 0x7F || (c && c < 0x20 && !strchr(allow, c)))
		return 1;
	if (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F)
		return 2;
	return 0;
}

long
clean_find_control(const char *s, const char *allow)
{
	const char *p;

	for (p = s; *p; p++)
		if (clean_control_at(p, allow))
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
clean_visible(const char *s)
{
	size_t n = strlen(s), o = 0;
	char *d = xmalloc(6 * n + 1); /* "\u0085" is 6 bytes for 2 */
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		int c = clean_control_at((const char *)p, ""), len;

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

/* code points that show nothing on their own: spaces, zero-width and
 * other format characters, the combining grapheme joiner */
static int
invisible_cp(unsigned cp)
{
	return cp == ' ' || cp == 0xA0 || cp == 0xAD || cp == 0x34F ||
	       cp == 0x180E || (cp >= 0x2000 && cp <= 0x200F) ||
	       (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) ||
	       cp == 0x3000 || cp == 0xFEFF || cp == 0x115F || cp == 0x1160 ||
	       cp == 0x3164 || cp == 0xFFA0;
}

/* the code point at p, a valid sequence of len bytes */
static unsigned
code_point(const unsigned char *p, int len)
{
	unsigned cp = len == 1 ? p[0] : (unsigned)(p[0] & (0xFF >> (len + 1)));
	int k;

	for (k = 1; k < len; k++)
		cp = (cp << 6) | (p[k] & 0x3F);
	return cp;
}

int
clean_is_blank(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		int len = utf8_seq(p);

		if (!len)
			return 0; /* a byte that is not UTF-8 shows as something */
		if (!invisible_cp(code_point(p, len)) && !(*p < 0x20 && strchr("\t\n\r", *p)))
			return 0;
		p += len;
	}
	return 1;
}

const char *
clean_name_problem(const char *name, size_t max)
{
	const unsigned char *p = (const unsigned char *)name;
	size_t n = name ? strlen(name) : 0;
	int visible = 0;

	if (n == 0)
		return _("the name is empty");
	if (n > max)
		return _("the name is too long");
	while (*p) {
		int len = utf8_seq(p);
		unsigned cp;

		if (!len)
			return _("the name is not valid UTF-8 text");
		if (clean_control_at((const char *)p, ""))
			return _("the name contains a control character (such as a "
			         "line break, a tab or an escape)");
		cp = code_point(p, len);
		if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
			return _("the name contains a character that reorders text "
			         "(a bidirectional override)");
		if (!invisible_cp(cp))
			visible = 1;
		p += len;
	}
	if (!visible)
		return _("the name has no visible character");
	return NULL;
}


void
clean_fprintf(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	char *msg, *vis;
	int n, nl;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	msg = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	nl = n > 0 && msg[n - 1] == '\n';
	if (nl)
		msg[n - 1] = '\0';
	vis = clean_visible(msg);
	fprintf(fp, "%s%s", vis, nl ? "\n" : "");
	free(vis);
	free(msg);
}
