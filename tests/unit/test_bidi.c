/* test_bidi.c: mixed-direction text in a right-to-left column, as Arabic
 * modules write it. Every character is 10 px wide, so the order of the
 * boxes on the line can be checked by their x. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "text/layout.h"

static int
measure(void *ud, const char *s, int len, int font, int style)
{
	int i = 0, n = 0;

	(void)ud;
	(void)font;
	(void)style;
	while (i < len) {
		lay_utf8_next(s, len, &i);
		n++;
	}
	return n * 10;
}

static void
setup(lay *L, int rtl)
{
	lay_params p;
	int i;

	memset(&p, 0, sizeof p);
	p.measure = measure;
	for (i = 0; i < LAY_F_COUNT; i++)
		p.line_h[i] = 20;
	p.em = 10;
	p.width = 2000;
	p.rtl = rtl;
	lay_init(L, &p);
}

/* index of the text box that holds the first occurrence of s, or -1. */
static int
find(const lay *L, const char *s)
{
	const char *at = strstr(L->text, s);
	int i, o;

	if (!at)
		return -1;
	o = (int)(at - L->text);
	for (i = 0; i < L->nbox; i++)
		if (L->box[i].kind == LAY_TEXT && L->box[i].off <= o &&
		    o < L->box[i].off + L->box[i].len)
			return i;
	return -1;
}

static int
box_has(const lay *L, int i, const char *s)
{
	return i >= 0 && (size_t)L->box[i].len == strlen(s) &&
	       memcmp(L->text + L->box[i].off, s, strlen(s)) == 0;
}

/* "مجلة WCO News، العدد": the Latin name reads left to right as one run,
 * right of it the magazine word, left of it the Arabic comma and number. */
static void
test_latin_glued_to_arabic_comma(void **state)
{
	lay L;
	int mag, wco, comma, num;

	(void)state;
	setup(&L, 1);
	lay_text(&L, "\xd9\x85\xd8\xac\xd9\x84\xd8\xa9 WCO News\xd8\x8c "
	         "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xaf\xd8\xaf", LAY_F_BODY,
	         LAY_R_TEXT, 0, LAY_PLAIN);
	mag = find(&L, "\xd9\x85\xd8\xac\xd9\x84\xd8\xa9");
	wco = find(&L, "WCO");
	comma = find(&L, "\xd8\x8c");
	num = find(&L, "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xaf\xd8\xaf");
	assert_true(mag >= 0 && wco >= 0 && comma >= 0 && num >= 0);
	assert_true(box_has(&L, wco, "WCO News"));
	assert_int_equal(L.box[wco].rtl, 0);
	/* right to left: magazine, WCO News, then comma and number (one
	 * right-to-left box or two, left of the name) */
	assert_true(L.box[mag].x >= L.box[wco].x + L.box[wco].w);
	assert_true(comma != wco && L.box[comma].rtl);
	assert_true(L.box[comma].x + L.box[comma].w <= L.box[wco].x);
	assert_true(L.box[num].x + L.box[num].w <= L.box[wco].x);
	lay_free(&L);
}

/* an Arabic word glued to Latin in a left-to-right column is cut too */
static void
test_arabic_glued_in_ltr(void **state)
{
	lay L;
	int a, b;

	(void)state;
	setup(&L, 0);
	lay_text(&L, "Word\xd9\x83\xd9\x84\xd9\x85\xd8\xa9 end", LAY_F_BODY,
	         LAY_R_TEXT, 0, LAY_PLAIN);
	a = find(&L, "Word");
	b = find(&L, "\xd9\x83\xd9\x84\xd9\x85\xd8\xa9");
	assert_true(a >= 0 && b >= 0);
	assert_int_equal(L.box[a].rtl, 0);
	assert_int_equal(L.box[b].rtl, 1);
	assert_true(L.box[b].x >= L.box[a].x + L.box[a].w);
	lay_free(&L);
}

/* a glued pair is still one word: a line breaks before it, not inside */
static void
test_no_break_inside_mixed_word(void **state)
{
	lay L;
	int lines, a, b;

	(void)state;
	setup(&L, 0);
	L.p.width = 70; /* "xx " is 30 px, "ab" + 4 Arabic letters 60 px */
	lines = lay_text(&L, "xx ab\xd9\x83\xd9\x84\xd9\x85\xd8\xa9", LAY_F_BODY,
	                 LAY_R_TEXT, 0, LAY_PLAIN);
	assert_int_equal(lines, 2);
	a = find(&L, "ab");
	b = find(&L, "\xd9\x83\xd9\x84\xd9\x85\xd8\xa9");
	assert_true(a >= 0 && b >= 0);
	assert_int_equal(L.box[a].y, L.box[b].y);
	assert_true(L.box[a].y > L.box[find(&L, "xx")].y);
	lay_free(&L);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_latin_glued_to_arabic_comma),
		cmocka_unit_test(test_arabic_glued_in_ltr),
		cmocka_unit_test(test_no_break_inside_mixed_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
