/* test_fit.c: button rows that wrap, text wrapping and the overlap check
 * (text/fit.c), with a fake font: every byte is 10 pixels wide. */
#include "testutil.h"

#include <string.h>

#include "text/fit.h"

static int
measure(void *ud, const char *s, int len)
{
	(void)ud;
	(void)s;
	return len * 10;
}

static void
test_flow_one_row(void **state)
{
	int w[3] = { 100, 50, 80 };
	fit_rect r[3];

	(void)state;
	assert_int_equal(fit_flow(w, 3, 10, 20, 300, 40, 5, FIT_START, r), 40);
	assert_int_equal(r[0].x, 10);
	assert_int_equal(r[1].x, 115);
	assert_int_equal(r[2].x, 170);
	assert_int_equal(r[2].y, 20);
	/* the same row against the end: 300 - 240 = 60 to the right */
	fit_flow(w, 3, 10, 20, 300, 40, 5, FIT_END, r);
	assert_int_equal(r[0].x, 70);
	assert_int_equal(r[2].x + r[2].w, 310);
	fit_flow(w, 3, 10, 20, 300, 40, 5, FIT_CENTER, r);
	assert_int_equal(r[0].x, 40);
	assert_int_equal(fit_flow(w, 0, 0, 0, 300, 40, 5, FIT_START, r), 0);
}

static void
test_flow_wraps(void **state)
{
	/* "Fermer" must not land on "Quitter le kiosque": a narrow window
	 * puts the buttons on more rows */
	int w[4] = { 120, 90, 110, 70 };
	fit_rect r[4];
	int a, b;

	(void)state;
	assert_int_equal(fit_flow(w, 4, 0, 0, 250, 30, 10, FIT_START, r), 70);
	assert_int_equal(r[0].y, 0);
	assert_int_equal(r[1].y, 0);
	assert_int_equal(r[2].y, 40);
	assert_int_equal(r[3].y, 40);
	assert_int_equal(r[3].x, 120);
	assert_int_equal(fit_check(r, 4, 250, 70, &a, &b), FIT_OK);
	/* an item wider than the row gets the row, alone */
	w[0] = 400;
	assert_int_equal(fit_flow(w, 4, 0, 0, 250, 30, 10, FIT_START, r), 110);
	assert_int_equal(r[0].w, 250);
	assert_int_equal(r[1].y, 40);
	assert_int_equal(fit_check(r, 4, 250, 110, &a, &b), FIT_OK);
}

static void
test_wrap(void **state)
{
	int st[8], len[8], n;
	const char *s = "Saved in /media/usb: lectern.json (5 statements)";

	(void)state;
	n = fit_wrap(s, 200, measure, NULL, st, len, 8);
	assert_int_equal(n, 3);
	assert_int_equal(len[0] * 10 <= 200, 1);
	assert_int_equal(len[0], 20); /* "Saved in /media/usb:" is 200 px */
	assert_memory_equal(s + st[1], "lectern.json (5", 15);
	assert_int_equal(len[1], 15);
	assert_memory_equal(s + st[2], "statements)", 11);
	/* nothing is lost: the lines hold every word */
	n = fit_wrap(s, 200, measure, NULL, st, len, 8);
	assert_string_equal(s + st[n - 1] + len[n - 1], "");
	/* a word wider than the line is cut between characters, never
	 * inside a UTF-8 sequence ("é" is two bytes, 20 pixels) */
	n = fit_wrap("h\xC3\xA9l\xC3\xA9ne", 35, measure, NULL, st, len, 8);
	assert_int_equal(n, 3);
	assert_int_equal(len[0], 3); /* "hé" */
	assert_int_equal(len[1], 3); /* "lé" */
	assert_int_equal(len[2], 2); /* "ne" */
	assert_int_equal(fit_wrap("   ", 100, measure, NULL, st, len, 8), 0);
	assert_int_equal(fit_wrap("", 100, measure, NULL, st, len, 8), 0);
	/* more lines than room: counted all the same */
	assert_int_equal(fit_wrap("a b c d e", 10, measure, NULL, st, len, 2), 5);
}

static void
test_check(void **state)
{
	fit_rect r[3] = { { 0, 0, 100, 40 }, { 100, 0, 50, 40 }, { 0, 40, 150, 40 } };
	int a = -1, b = -1;

	(void)state;
	/* sharing edges is fine */
	assert_int_equal(fit_check(r, 3, 150, 80, &a, &b), FIT_OK);
	/* one pixel too low: outside */
	assert_int_equal(fit_check(r, 3, 150, 79, &a, &b), FIT_OUTSIDE);
	assert_int_equal(a, 2);
	r[1].x = 101;
	assert_int_equal(fit_check(r, 3, 150, 80, &a, &b), FIT_OUTSIDE);
	assert_int_equal(a, 1);
	r[1].x = 99;
	assert_int_equal(fit_check(r, 3, 150, 80, &a, &b), FIT_OVERLAP);
	assert_int_equal(a, 0);
	assert_int_equal(b, 1);
	r[0].x = -1;
	assert_int_equal(fit_check(r, 3, 150, 80, &a, &b), FIT_OUTSIDE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flow_one_row),
		cmocka_unit_test(test_flow_wraps),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
