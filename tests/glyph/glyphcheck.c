/* glyphcheck.c: report characters that no shipped font can draw.
 *
 * usage: glyphcheck FONTDIR REGULAR BOLD ITALIC BOLDITALIC ARABIC ARABICBOLD
 *        [FILE...]
 *
 * The player (src/ui/text.c) draws a character in the face of its style
 * and falls back to the Arabic face of the same weight, so a character is
 * drawable in a style when one of those two faces has it. Each character
 * of each FILE (standard input when none) is checked in all four styles
 * with TTF_GlyphIsProvided32; every miss is printed as
 * "FILE:LINE: U+XXXX (c) missing in STYLE". Characters that are never
 * drawn (controls, the invisible format characters) are skipped; invalid
 * UTF-8 is reported too. Exit status: 0 all drawable, 1 some missing,
 * 2 usage or font error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_ttf.h>

enum { R, B, I, BI, AR, AR_B, NFACES };

static const char *style_name[4] = { "regular", "bold", "italic", "bold italic" };
static const int style_ar[4] = { AR, AR_B, AR, AR_B };

static TTF_Font *face[NFACES];
static long misses;

/* decode one UTF-8 character at s (n bytes left); 0 on invalid input. */
static int
utf8(const unsigned char *s, size_t n, unsigned *c)
{
	int len, k;

	if (s[0] < 0x80) {
		*c = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0) {
		len = 2;
		*c = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3;
		*c = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4;
		*c = s[0] & 0x07;
	} else {
		return 0;
	}
	if ((size_t)len > n)
		return 0;
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		*c = (*c << 6) | (s[k] & 0x3F);
	}
	if ((len == 2 && *c < 0x80) || (len == 3 && *c < 0x800) ||
	    (len == 4 && *c < 0x10000) || *c > 0x10FFFF ||
	    (*c >= 0xD800 && *c <= 0xDFFF))
		return 0;
	return len;
}

/* characters that take no glyph: controls and invisible format marks. */
static int
invisible(unsigned c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xAD ||
	       (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
}

static void
check(const char *name, FILE *fp)
{
	char line[65536];
	long lineno = 0;
	int st;

	while (fgets(line, sizeof line, fp)) {
		const unsigned char *s = (const unsigned char *)line;
		size_t n = strlen(line), i = 0;

		lineno++;
		while (i < n) {
			unsigned c;
			int len = utf8(s + i, n - i, &c);

			if (len == 0) {
				printf("%s:%ld: invalid UTF-8 (byte 0x%02X)\n", name, lineno, s[i]);
				misses++;
				i++;
				continue;
			}
			if (!invisible(c))
				for (st = 0; st < 4; st++)
					if (!TTF_GlyphIsProvided32(face[st], c) &&
					    !TTF_GlyphIsProvided32(face[style_ar[st]], c)) {
						printf("%s:%ld: U+%04X (%.*s) missing in %s\n", name,
						       lineno, c, len, (const char *)s + i, style_name[st]);
						misses++;
					}
			i += (size_t)len;
		}
	}
}

int
main(int argc, char **argv)
{
	char path[4096];
	int k;

	if (argc < 8) {
		fprintf(stderr, "usage: glyphcheck FONTDIR REGULAR BOLD ITALIC "
		        "BOLDITALIC ARABIC ARABICBOLD [FILE...]\n");
		return 2;
	}
	if (TTF_Init() != 0) {
		fprintf(stderr, "glyphcheck: %s\n", TTF_GetError());
		return 2;
	}
	for (k = 0; k < NFACES; k++) {
		snprintf(path, sizeof path, "%s/%s", argv[1], argv[2 + k]);
		if (!(face[k] = TTF_OpenFont(path, 12))) {
			fprintf(stderr, "glyphcheck: %s: %s\n", path, TTF_GetError());
			return 2;
		}
	}
	if (argc == 8)
		check("-", stdin);
	for (k = 8; k < argc; k++) {
		FILE *fp = fopen(argv[k], "r");

		if (!fp) {
			perror(argv[k]);
			return 2;
		}
		check(argv[k], fp);
		fclose(fp);
	}
	for (k = 0; k < NFACES; k++)
		TTF_CloseFont(face[k]);
	TTF_Quit();
	return misses ? 1 : 0;
}
