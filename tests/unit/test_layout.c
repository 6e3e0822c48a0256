/* test_layout.c: text layout through a fake measure callback. Every
 * character is 10 px wide (12 px bold, twice that in the title font) and
 * every line 20 px high, so positions can be worked out by hand. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "text/layout.h"

static int
fake_measure(void *ud, const char *s, int len, int font, int style)
{
	int i = 0, n = 0;

	(void)ud;
	while (i < len) {
		lay_utf8_next(s, len, &i);
		n++;
	}
	return n * ((style & LAY_BOLD) ? 12 : 10) * (font == LAY_F_H1 ? 2 : 1);
}

/* like fake_measure, but a string with spaces is wider than its words
 * (as kerning and rounding make real text) */
static int
wide_measure(void *ud, const char *s, int len, int font, int style)
{
	int w = fake_measure(ud, s, len, font, style), i;

	for (i = 0; i < len; i++)
		if (s[i] == ' ')
			w += 3;
	return w;
}

static int
fake_image(void *ud, const mod_block *b, int *w, int *h)
{
	(void)ud;
	if (strcmp(b->path, "missing.png") == 0)
		return -1;
	*w = 400;
	*h = 200;
	return 0;
}

static void
setup(lay *L, int width, int rtl)
{
	lay_params p;
	int i;

	memset(&p, 0, sizeof p);
	p.measure = fake_measure;
	p.image_size = fake_image;
	for (i = 0; i < LAY_F_COUNT; i++)
		p.line_h[i] = i == LAY_F_H1 ? 40 : 20;
	p.em = 10;
	p.width = width;
	p.rtl = rtl;
	lay_init(L, &p);
}

/* text of box i as a new string */
static char *
box_text(const lay *L, int i)
{
	char *s = malloc((size_t)L->box[i].len + 1);
	memcpy(s, L->text + L->box[i].off, (size_t)L->box[i].len);
	s[L->box[i].len] = '\0';
	return s;
}

static void
assert_box(const lay *L, int i, const char *text, int x, int y, int style)
{
	char *s;

	assert_true(i < L->nbox);
	assert_int_equal(L->box[i].kind, LAY_TEXT);
	s = box_text(L, i);
	assert_string_equal(s, text);
	free(s);
	assert_int_equal(L->box[i].x, x);
	assert_int_equal(L->box[i].y, y);
	assert_int_equal(L->box[i].style, style);
}

/* nothing may stick out of the column */
static void
assert_inside(const lay *L)
{
	int i;

	for (i = 0; i < L->nbox; i++) {
		assert_true(L->box[i].x >= 0);
		assert_true(L->box[i].x + L->box[i].w <= L->p.width);
		assert_true(L->box[i].y >= 0);
		assert_true(L->box[i].y + L->box[i].h <= lay_height(L));
	}
}

static void
test_runs(void **state)
{
	lay L;

	(void)state;
	setup(&L, 1000, 0);
	assert_int_equal(lay_text(&L, "plain **bold** and *it* end", LAY_F_BODY,
	                          LAY_R_TEXT, 0, 0), 1);
	assert_int_equal(L.nbox, 5);
	assert_box(&L, 0, "plain", 0, 0, 0);
	assert_box(&L, 1, "bold", 60, 0, LAY_BOLD);
	assert_box(&L, 2, "and", 118, 0, 0);
	assert_box(&L, 3, "it", 158, 0, LAY_ITALIC);
	assert_box(&L, 4, "end", 188, 0, 0);
	assert_int_equal(L.box[1].w, 48);
	assert_int_equal(lay_height(&L), 20);

	/* a word half bold stays one word, in two boxes, no space between */
	lay_reset(&L);
	lay_text(&L, "**Cus**toms ***both*** x", LAY_F_BODY, LAY_R_TEXT, 0, 0);
	assert_box(&L, 0, "Cus", 0, 0, LAY_BOLD);
	assert_box(&L, 1, "toms", 36, 0, 0);
	assert_box(&L, 2, "both", 86, 0, LAY_BOLD | LAY_ITALIC);
	lay_free(&L);
}

static void
test_literal_stars(void **state)
{
	lay L;
	char *s;

	(void)state;
	setup(&L, 1000, 0);
	lay_text(&L, "5 * 3 = 15, **unclosed and \\*escaped\\*", LAY_F_BODY,
	         LAY_R_TEXT, 0, 0);
	assert_int_equal(L.nbox, 1);
	s = box_text(&L, 0);
	assert_string_equal(s, "5 * 3 = 15, **unclosed and *escaped*");
	free(s);
	assert_int_equal(L.box[0].style, 0);

	lay_reset(&L);
	lay_text(&L, "a *b* c", LAY_F_BODY, LAY_R_TEXT, 0, LAY_PLAIN);
	s = box_text(&L, 0);
	assert_string_equal(s, "a *b* c");
	free(s);
	lay_free(&L);
}

static void
test_wrap(void **state)
{
	lay L;
	int i;

	(void)state;
	setup(&L, 100, 0);
	/* "aaaa bbbb" is 90 px; cccc goes to the next line */
	assert_int_equal(lay_text(&L, "aaaa  bbbb\n cccc", LAY_F_BODY, LAY_R_TEXT, 0, 0), 2);
	assert_int_equal(L.nbox, 2);
	assert_box(&L, 0, "aaaa bbbb", 0, 0, 0);
	assert_box(&L, 1, "cccc", 0, 20, 0);
	assert_int_equal(lay_height(&L), 40);

	/* a blank line is a hard break */
	lay_reset(&L);
	assert_int_equal(lay_text(&L, "a\n\nb", LAY_F_BODY, LAY_R_TEXT, 0, 0), 2);

	/* never inside a word: a word that fits alone moves down whole */
	lay_reset(&L);
	lay_text(&L, "aaaaaa bbbbbbb", LAY_F_BODY, LAY_R_TEXT, 0, 0);
	assert_box(&L, 1, "bbbbbbb", 0, 20, 0);

	/* a word wider than the line is the one thing cut */
	lay_reset(&L);
	assert_int_equal(lay_text(&L, "xxxxxxxxxxxxxxxxxxxxxxxxx", LAY_F_BODY,
	                          LAY_R_TEXT, 0, 0), 3);
	assert_int_equal(L.box[0].w, 100);
	assert_int_equal(L.box[2].w, 50);
	assert_inside(&L);

	/* spaces inside bold text are bold (12 px here, not 10): a bold line
	 * measured with regular spaces would stick out */
	lay_free(&L);
	setup(&L, 215, 0);
	lay_text(&L, "**a b c d e f g h i j**", LAY_F_BODY, LAY_R_TEXT, 0, 0);
	assert_true(L.nbox == 2);
	assert_true(L.box[0].x + fake_measure(NULL, L.text + L.box[0].off, L.box[0].len,
	                                      0, LAY_BOLD) <= 215);

	/* every width from tiny to wide keeps boxes inside */
	for (i = 12; i < 300; i += 7) { /* at least one bold character */
		lay_free(&L);
		setup(&L, i, 0);
		lay_text(&L, "Integrity **is doing the right thing** when *nobody* "
		         "is watching, supercalifragilistic.", LAY_F_BODY, LAY_R_TEXT, 0, 0);
		assert_inside(&L);
	}
	lay_free(&L);
}

/* boxes are drawn as whole strings: lines must fit as drawn */
static void
test_wrap_as_drawn(void **state)
{
	lay L;
	int i, w;

	(void)state;
	for (w = 60; w < 260; w++) {
		setup(&L, w, 0);
		L.p.measure = wide_measure;
		lay_text(&L, "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp **qq rr** ss",
		         LAY_F_BODY, LAY_R_TEXT, 0, 0);
		for (i = 0; i < L.nbox; i++) {
			int drawn = wide_measure(NULL, L.text + L.box[i].off, L.box[i].len,
			                         L.box[i].font, L.box[i].style);
			assert_true(L.box[i].x + drawn <= w);
			/* the next box on the line starts after this one as drawn */
			if (i + 1 < L.nbox && L.box[i + 1].y == L.box[i].y)
				assert_true(L.box[i + 1].x >= L.box[i].x + drawn);
		}
		lay_free(&L);
	}
}

static void
test_cjk(void **state)
{
	lay L;

	(void)state;
	setup(&L, 30, 0);
	/* a break is allowed after each CJK character: three per line */
	assert_int_equal(lay_text(&L, "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad"
	                          "\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87",
	                          LAY_F_BODY, LAY_R_TEXT, 0, 0), 2);
	assert_int_equal(L.nbox, 2);
	assert_int_equal(L.box[0].w, 30);
	assert_int_equal(L.box[0].len, 9);
	lay_free(&L);
}

static void
test_lists(void **state)
{
	lay L;
	const char *items[] = { "first", "second item that is long enough to wrap" };
	mod_block b;
	int i, marker_w = 15, ntext = 0;

	(void)state;
	memset(&b, 0, sizeof b);
	b.kind = BLK_BULLETS;
	b.items = items;
	b.nitems = 2;
	setup(&L, 200, 0);
	lay_block(&L, &b);
	for (i = 0; i < L.nbox; i++) {
		if (L.box[i].role == LAY_R_MARKER) {
			assert_true(L.box[i].x + L.box[i].w <= marker_w);
		} else {
			/* hanging indent: every line of the text, wrapped ones too */
			assert_true(L.box[i].x >= marker_w);
			ntext++;
		}
	}
	assert_true(ntext >= 3); /* the second item wrapped */
	assert_inside(&L);

	/* numbered: markers "1." and "2." on the first line of each item */
	b.kind = BLK_NUMBERED;
	lay_reset(&L);
	lay_block(&L, &b);
	{
		int found = 0;
		for (i = 0; i < L.nbox; i++) {
			char *s = box_text(&L, i);
			if (strcmp(s, "2.") == 0) {
				found = 1;
				assert_int_equal(L.box[i].role, LAY_R_MARKER);
				assert_int_equal(L.box[i].y, 20 + 10 / 3);
			}
			free(s);
		}
		assert_true(found);
	}
	lay_free(&L);
}

static void
test_scroll_extent(void **state)
{
	lay L;
	mod_block blocks[3];
	mod_slide s;
	int i, bottom = 0;

	(void)state;
	memset(blocks, 0, sizeof blocks);
	memset(&s, 0, sizeof s);
	for (i = 0; i < 3; i++) {
		blocks[i].kind = BLK_PARAGRAPH;
		blocks[i].text = "one two three four five six seven eight nine ten "
		                 "eleven twelve thirteen fourteen fifteen sixteen";
	}
	blocks[1].kind = BLK_NOTE;
	s.title = "Title";
	s.blocks = blocks;
	s.nblocks = 3;
	setup(&L, 120, 0);
	lay_slide(&L, &s);
	for (i = 0; i < L.nbox; i++)
		if (L.box[i].y + L.box[i].h > bottom)
			bottom = L.box[i].y + L.box[i].h;
	/* the extent covers every box, plus only the space after the last */
	assert_true(lay_height(&L) >= bottom);
	assert_true(lay_height(&L) <= bottom + 10);
	assert_true(lay_height(&L) > 20 * 20);
	assert_inside(&L);
	/* wider column: fewer lines, shorter extent */
	{
		lay W;
		setup(&W, 600, 0);
		lay_slide(&W, &s);
		assert_true(lay_height(&W) < lay_height(&L));
		lay_free(&W);
	}
	lay_free(&L);
}

static void
test_callout_quote_image(void **state)
{
	lay L;
	mod_block b;
	int i, fill = -1;

	(void)state;
	memset(&b, 0, sizeof b);
	b.kind = BLK_WARNING;
	b.text = "Never accept a gift from a trader whose goods you inspect.";
	setup(&L, 300, 0);
	lay_block(&L, &b);
	for (i = 0; i < L.nbox; i++)
		if (L.box[i].kind == LAY_FILL)
			fill = i;
	assert_true(fill >= 0);
	assert_int_equal(L.box[fill].role, LAY_R_WARNING);
	for (i = 0; i < L.nbox; i++) {
		if (L.box[i].kind != LAY_TEXT)
			continue;
		assert_true(L.box[i].y >= L.box[fill].y);
		assert_true(L.box[i].y + L.box[i].h <= L.box[fill].y + L.box[fill].h);
		assert_true(L.box[i].x > 0); /* padded, clear of the bar */
	}

	memset(&b, 0, sizeof b);
	b.kind = BLK_QUOTE;
	b.text = "Quoted words.";
	b.source = "Someone";
	lay_reset(&L);
	lay_block(&L, &b);
	assert_int_equal(L.box[0].kind, LAY_BAR);
	assert_int_equal(L.box[L.nbox - 1].role, LAY_R_MUTED);

	/* image: 50% of 300 wide, aspect 2:1, centred, caption below */
	memset(&b, 0, sizeof b);
	b.kind = BLK_IMAGE;
	b.path = "x.png";
	b.alt = "alt";
	b.caption = "A caption";
	b.width = 50;
	lay_reset(&L);
	lay_block(&L, &b);
	assert_int_equal(L.box[0].kind, LAY_IMAGE);
	assert_int_equal(L.box[0].w, 150);
	assert_int_equal(L.box[0].h, 75);
	assert_int_equal(L.box[0].x, 75);
	assert_true(L.box[1].y >= 75);
	/* natural size wider than the column: fits, aspect kept */
	b.width = 0;
	lay_reset(&L);
	lay_block(&L, &b);
	assert_int_equal(L.box[0].w, 300);
	assert_int_equal(L.box[0].h, 150);
	/* a height limit shrinks it keeping the aspect */
	L.p.max_image_h = 100;
	lay_reset(&L);
	lay_block(&L, &b);
	assert_int_equal(L.box[0].h, 100);
	assert_int_equal(L.box[0].w, 200);
	/* unreadable image: a frame holding the alt text */
	b.path = "missing.png";
	lay_reset(&L);
	lay_block(&L, &b);
	assert_int_equal(L.box[0].kind, LAY_FRAME);
	assert_int_equal(L.box[1].kind, LAY_TEXT);
	assert_inside(&L);
	lay_free(&L);
}

/* Arabic: "marhaban" (salaam) and "alam" */
#define AR1 "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7" /* 5 letters */
#define AR2 "\xd8\xb9\xd8\xa7\xd9\x84\xd9\x85"         /* 4 letters */

static void
test_rtl(void **state)
{
	lay L;
	mod_block b;
	const char *items[] = { AR1, AR2 };
	int i;
	char *s;

	(void)state;
	setup(&L, 300, 1);
	/* a right-to-left line is right aligned and shaped right to left */
	lay_text(&L, AR1 " " AR2, LAY_F_BODY, LAY_R_TEXT, 0, 0);
	assert_int_equal(L.nbox, 1);
	assert_int_equal(L.box[0].x + L.box[0].w, 300);
	assert_int_equal(L.box[0].rtl, 1);

	/* Latin inside Arabic keeps its own order, placed right to left:
	 * AR1 rightmost, then "SDL ttf", then AR2 leftmost */
	lay_reset(&L);
	lay_text(&L, AR1 " SDL ttf " AR2, LAY_F_BODY, LAY_R_TEXT, 0, 0);
	assert_int_equal(L.nbox, 3);
	s = box_text(&L, 1);
	assert_string_equal(s, "SDL ttf");
	free(s);
	assert_int_equal(L.box[1].rtl, 0);
	assert_int_equal(L.box[0].x, 250);          /* AR1: 50 px at the right */
	assert_int_equal(L.box[1].x, 250 - 10 - 70);
	assert_int_equal(L.box[2].x, 170 - 10 - 40);

	/* a number next to Latin stays with it: "6 min" reads left to right */
	lay_reset(&L);
	lay_text(&L, AR1 " 6 min", LAY_F_BODY, LAY_R_TEXT, 0, 0);
	assert_int_equal(L.nbox, 2);
	s = box_text(&L, 1);
	assert_string_equal(s, "6 min");
	free(s);
	assert_int_equal(L.box[1].rtl, 0);

	/* Arabic inside English: the Arabic words swap places */
	lay_free(&L);
	setup(&L, 300, 0);
	lay_text(&L, "say " AR1 " " AR2 " now", LAY_F_BODY, LAY_R_TEXT, 0, 0);
	assert_int_equal(L.nbox, 3);
	assert_int_equal(L.box[1].rtl, 1);
	assert_int_equal(L.box[1].x, 40);
	assert_int_equal(L.box[1].w, 100);

	/* lists: the markers on the right of their text */
	lay_free(&L);
	setup(&L, 300, 1);
	memset(&b, 0, sizeof b);
	b.kind = BLK_BULLETS;
	b.items = items;
	b.nitems = 2;
	lay_block(&L, &b);
	for (i = 0; i < L.nbox; i++) {
		if (L.box[i].role == LAY_R_MARKER)
			assert_true(L.box[i].x >= 300 - 15);
		else
			assert_true(L.box[i].x + L.box[i].w <= 300 - 15);
	}
	assert_inside(&L);
	lay_free(&L);

	assert_true(lay_lang_is_rtl("ar"));
	assert_true(lay_lang_is_rtl("he-IL"));
	assert_false(lay_lang_is_rtl("en"));
	assert_false(lay_lang_is_rtl("arn"));
	assert_false(lay_lang_is_rtl(NULL));
}

static void
test_utf8(void **state)
{
	int i = 0;
	const char bad[] = "\xc3\x28\xe2\x82\xac\xf0\x9f";

	(void)state;
	assert_int_equal(lay_utf8_next(bad, 7, &i), 0xFFFD);
	assert_int_equal(i, 1);
	assert_int_equal(lay_utf8_next(bad, 7, &i), '(');
	assert_int_equal(lay_utf8_next(bad, 7, &i), 0x20AC);
	assert_int_equal(lay_utf8_next(bad, 7, &i), 0xFFFD); /* truncated */
	assert_int_equal(i, 6);
}

/* random text of stars, escapes, spaces, newlines, CJK, Arabic, Latin and
 * broken UTF-8, at random widths: no crash, everything inside the column */
static void
test_random(void **state)
{
	static const char *bits[] = {
		"*", "**", "\\*", " ", "  ", "\n", "\n\n", "word", "x", "supercalifragilistic",
		"\xe4\xb8\xad", AR1, AR2, "6", "1993.", "(", ")", "\xc3\xa9t\xc3\xa9", "\xff",
		"\xe2\x80", "-", ",", "\xc2\xa0",
	};
	char buf[512];
	unsigned seed = 12345;
	int round, i;

	(void)state;
	for (round = 0; round < 400; round++) {
		lay L;
		size_t n = 0;
		int w, rtl;
		seed = seed * 1103515245u + 12345u;
		w = 30 + (int)(seed >> 8) % 300; /* the item needs one character */
		rtl = (seed >> 20) & 1;
		setup(&L, w, rtl);
		while (n < sizeof buf - 32) {
			const char *b;
			seed = seed * 1103515245u + 12345u;
			b = bits[(seed >> 8) % (sizeof bits / sizeof bits[0])];
			memcpy(buf + n, b, strlen(b));
			n += strlen(b);
			if ((seed >> 16) % 40 == 0)
				break;
		}
		buf[n] = '\0';
		lay_text(&L, buf, LAY_F_BODY, LAY_R_TEXT, 0, 0);
		lay_item(&L, "9.", 15, buf, LAY_F_BODY, LAY_R_TEXT, 0);
		for (i = 0; i < L.nbox; i++) {
			assert_true(L.box[i].len >= 0);
			assert_true(L.box[i].off + L.box[i].len <= L.ntext);
		}
		assert_inside(&L);
		lay_free(&L);
	}
}

static void
test_column(void **state)
{
	lay L;

	(void)state;
	setup(&L, 100, 0);
	/* about 70 characters at most, never wider than what is there */
	assert_int_equal(lay_column_width(&L.p, 5000), 700);
	assert_int_equal(lay_column_width(&L.p, 400), 400);
	lay_free(&L);
}

/* fake_measure that also counts the bytes it was asked to measure */
static int
counting_measure(void *ud, const char *s, int len, int font, int style)
{
	*(long long *)ud += len;
	return fake_measure(NULL, s, len, font, style);
}

/* a word of 1 MiB (the longest text a module may hold) is cut into lines
 * measuring each byte a bounded number of times: re-measuring the rest of
 * the word on every line took 113 s and 5 GB in the player */
static void
test_long_word_linear(void **state)
{
	enum { LEN = 1024 * 1024 };
	char *word = malloc(LEN + 1);
	long long measured = 0;
	lay_params p;
	lay L;
	int i, lines;

	(void)state;
	memset(word, 'x', LEN);
	word[LEN] = '\0';
	memset(&p, 0, sizeof p);
	p.measure = counting_measure;
	p.ud = &measured;
	p.image_size = fake_image;
	for (i = 0; i < LAY_F_COUNT; i++)
		p.line_h[i] = 20;
	p.em = 10;
	p.width = 800; /* 80 characters a line */
	lay_init(&L, &p);
	lines = lay_text(&L, word, LAY_F_BODY, LAY_R_TEXT, 0, 0);
	assert_int_equal(lines, (LEN + 79) / 80);
	assert_true(measured < 8LL * LEN);
	/* every line holds 80 characters but the last */
	assert_int_equal(L.box[0].len, 80);
	assert_int_equal(L.box[L.nbox - 1].len, LEN % 80 ? LEN % 80 : 80);
	lay_free(&L);
	free(word);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runs),
		cmocka_unit_test(test_literal_stars),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_wrap_as_drawn),
		cmocka_unit_test(test_cjk),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_scroll_extent),
		cmocka_unit_test(test_callout_quote_image),
		cmocka_unit_test(test_rtl),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_column),
		cmocka_unit_test(test_long_word_linear),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
