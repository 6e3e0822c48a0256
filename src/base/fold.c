/* fold.c: case folding for comparing what people type (see fold.h).
 *
 * The UTF-8 text is decoded, trimmed, inner white space runs become one
 * space, and every code point is mapped to lower case through a small table
 * covering Latin (with the diacritics of European languages and
 * Vietnamese), Greek and Cyrillic. The table is ours rather than towlower()
 * because towlower depends on the locale the program happens to run in, and
 * a learner's answer (or name) must compare the same way on every machine.
 * Typographic quotes (’ ‘ “ ” « » and the like) fold to ' and ".
 * Diacritics are kept: "resume" and "résumé" are different words. */
#include "fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ------------------------------------------------------------ case folding */

/* decode one UTF-8 sequence at s into *cp; returns its length, or 0 when
 * the bytes are not valid UTF-8 (overlong, surrogate, out of range). */
static int
utf8_decode(const unsigned char *s, uint32_t *cp)
{
	uint32_t c;
	int n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0) {
		c = s[0] & 0x1F;
		n = 2;
	} else if ((s[0] & 0xF0) == 0xE0) {
		c = s[0] & 0x0F;
		n = 3;
	} else if ((s[0] & 0xF8) == 0xF0) {
		c = s[0] & 0x07;
		n = 4;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

static size_t
utf8_encode(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* ranges where upper and lower case alternate: the upper-case letter is at
 * the even (parity 0) or odd (parity 1) code point, its lower case next. */
static const struct {
	uint32_t lo, hi;
	int parity;
} alternating[] = {
	{ 0x0100, 0x012F, 0 }, /* Latin Extended-A: Ā ā ... Į į */
	{ 0x0132, 0x0137, 0 }, /* Ĳ ĳ ... Ķ ķ */
	{ 0x0139, 0x0148, 1 }, /* Ĺ ĺ ... Ň ň */
	{ 0x014A, 0x0177, 0 }, /* Ŋ ŋ ... Ŷ ŷ */
	{ 0x0179, 0x017E, 1 }, /* Ź ź ... Ž ž */
	{ 0x01CD, 0x01DC, 1 }, /* Ǎ ǎ ... Ǜ ǜ (pinyin) */
	{ 0x01DE, 0x01EF, 0 },
	{ 0x01F8, 0x021F, 0 }, /* ... Ș ș Ț ț (Romanian) */
	{ 0x0222, 0x0233, 0 },
	{ 0x03D8, 0x03EF, 0 }, /* archaic Greek and Coptic letters */
	{ 0x0460, 0x0481, 0 }, /* Cyrillic: Ѡ ѡ ... */
	{ 0x048A, 0x04BF, 0 }, /* Ҋ ҋ ... Ҿ ҿ */
	{ 0x04C1, 0x04CE, 1 }, /* Ӂ ӂ ... */
	{ 0x04D0, 0x052F, 0 }, /* Ӑ ӑ ... */
	{ 0x1E00, 0x1E95, 0 }, /* Latin Extended Additional (Vietnamese, ...) */
	{ 0x1EA0, 0x1EFF, 0 },
};

/* ranges that map to lower case by a fixed offset. */
static const struct {
	uint32_t lo, hi;
	int32_t delta;
} shifted[] = {
	{ 0x0041, 0x005A, 32 },  /* A-Z */
	{ 0x00C0, 0x00D6, 32 },  /* À ... Ö */
	{ 0x00D8, 0x00DE, 32 },  /* Ø ... Þ */
	{ 0x0388, 0x038A, 37 },  /* Έ Ή Ί */
	{ 0x038E, 0x038F, 63 },  /* Ύ Ώ */
	{ 0x0391, 0x03A1, 32 },  /* Α ... Ρ */
	{ 0x03A3, 0x03AB, 32 },  /* Σ ... Ϋ */
	{ 0x0400, 0x040F, 80 },  /* Ѐ ... Џ */
	{ 0x0410, 0x042F, 32 },  /* А ... Я */
	{ 0x1F08, 0x1F0F, -8 },  /* polytonic Greek capitals */
	{ 0x1F18, 0x1F1D, -8 },
	{ 0x1F28, 0x1F2F, -8 },
	{ 0x1F38, 0x1F3F, -8 },
	{ 0x1F48, 0x1F4D, -8 },
	{ 0x1F68, 0x1F6F, -8 },
};

/* single code points that fit no pattern. */
static const struct {
	uint32_t from, to;
} singles[] = {
	{ 0x0130, 0x0069 }, /* İ -> i (Turkish capital dotted I) */
	{ 0x0178, 0x00FF }, /* Ÿ -> ÿ */
	{ 0x017F, 0x0073 }, /* ſ -> s */
	{ 0x0386, 0x03AC }, /* Ά -> ά */
	{ 0x038C, 0x03CC }, /* Ό -> ό */
	{ 0x03C2, 0x03C3 }, /* final ς -> σ, so ΟΔΟΣ matches οδός's spelling */
	{ 0x03CF, 0x03D7 }, /* Ϗ -> ϗ */
	{ 0x04C0, 0x04CF }, /* Ӏ -> ӏ */
	{ 0x1E9E, 0x00DF }, /* ẞ -> ß (then ß -> ss) */
};

/* fold one code point into out[]; returns how many code points (1 or 2). */
static int
fold_cp(uint32_t c, uint32_t out[2])
{
	size_t i;

	/* typographic quotes are what a word processor or phone keyboard
	 * types for ' and ": the same answer either way */
	if (c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2032 ||
	    c == 0x02BC) {
		out[0] = '\'';
		return 1;
	}
	if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x2033 ||
	    c == 0x00AB || c == 0x00BB) {
		out[0] = '"';
		return 1;
	}

	for (i = 0; i < LT_NELEM(singles); i++)
		if (singles[i].from == c) {
			c = singles[i].to;
			break;
		}
	if (c == 0x00DF) { /* ß folds to ss, as Unicode case folding does */
		out[0] = out[1] = 's';
		return 2;
	}
	for (i = 0; i < LT_NELEM(shifted); i++)
		if (c >= shifted[i].lo && c <= shifted[i].hi) {
			out[0] = (uint32_t)((int32_t)c + shifted[i].delta);
			return 1;
		}
	for (i = 0; i < LT_NELEM(alternating); i++)
		if (c >= alternating[i].lo && c <= alternating[i].hi) {
			if ((int)(c & 1) == alternating[i].parity)
				c++;
			break;
		}
	out[0] = c;
	return 1;
}

static int
is_space_cp(uint32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x00A0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
	       c == 0x202F || c == 0x205F || c == 0x3000;
}

char *
fold_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t cap, len = 0;
	char *out;
	int pending_space = 0, n, k, i;
	uint32_t c, f[2];

	if (!s)
		return NULL;
	/* ß -> ss doubles a 2-byte letter into 2 bytes; nothing grows more
	 * than that, so twice the input is always enough. */
	cap = 2 * strlen(s) + 1;
	out = xmalloc(cap);
	while (*p) {
		if ((n = utf8_decode(p, &c)) == 0) {
			free(out);
			return NULL;
		}
		p += n;
		if (is_space_cp(c)) {
			pending_space = len > 0; /* leading space is dropped */
			continue;
		}
		if (pending_space) {
			out[len++] = ' ';
			pending_space = 0;
		}
		k = fold_cp(c, f);
		for (i = 0; i < k; i++)
			len += utf8_encode(f[i], out + len);
	}
	out[len] = '\0'; /* trailing space never written: it stays pending */
	return out;
}


/* ------------------------------------------------------------ accents */

/* base letters of the lower-case Latin-1 letters U+00E0..U+00FF and of
 * Latin Extended-A U+0100..U+017F; '.' keeps the letter (æ, ð, þ, ĳ, œ:
 * letters of their own, not accented ones). */
static const char latin1_base[] = "aaaaaa.ceeeeiiii.nooooo.ouuuuy.y";
static const char ext_a_base[] =
	"aaaaaacccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" ".."
	"jj" "kkk" "llllllllll" "nnnnnnnnn" "oooooo" ".." "rrrrrr" "ssssssss"
	"tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";

/* the base letter of an accented Latin letter, else c itself. */
static uint32_t
strip_accent(uint32_t c)
{
	if (c >= 0xE0 && c <= 0xFF && latin1_base[c - 0xE0] != '.')
		return (uint32_t)latin1_base[c - 0xE0];
	if (c >= 0x100 && c <= 0x17F && ext_a_base[c - 0x100] != '.')
		return (uint32_t)ext_a_base[c - 0x100];
	switch (c) {
	case 0x0219: return 's'; /* ș (Romanian) */
	case 0x021B: return 't'; /* ț */
	default: return c;
	}
}

char *
fold_unaccented(const char *s)
{
	char *f = fold_text(s), *out;
	const unsigned char *p;
	size_t len = 0;
	uint32_t c;
	int n;

	if (!f)
		return NULL;
	out = xmalloc(strlen(f) + 1); /* a base letter is never longer */
	for (p = (const unsigned char *)f; *p; p += n) {
		n = utf8_decode(p, &c);
		if (c >= 0x0300 && c <= 0x036F)
			continue; /* a combining accent typed after its letter */
		len += utf8_encode(strip_accent(c), out + len);
	}
	out[len] = '\0';
	free(f);
	return out;
}
