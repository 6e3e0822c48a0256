/* test_clean.c: control characters refused where text comes in and
 * escaped where it goes out (base/clean.h). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clean.h"

static void
expect_visible(const char *in, const char *out)
{
	char *v = clean_visible(in);

	assert_string_equal(v, out);
	free(v);
}

static void
test_visible(void **state)
{
	(void)state;
	expect_visible("Ana", "Ana");
	expect_visible("Żaneta ناصر", "Żaneta ناصر");
	expect_visible("a\033[2Jb", "a\\x1B[2Jb");
	expect_visible("bell\a", "bell\\x07");
	expect_visible("line\nbreak\ttab", "line\\x0Abreak\\x09tab");
	expect_visible("del\x7f", "del\\x7F");
	expect_visible("c1\xc2\x85" "x\xc2\x9b", "c1\\u0085x\\u009B");
	expect_visible("bad\xff\xfeutf8", "bad\\xFF\\xFEutf8");
	expect_visible("cut\xe2\x82", "cut\\xE2\\x82");
}

static void
test_controls(void **state)
{
	(void)state;
	assert_int_equal(clean_find_control("plain text", ""), -1);
	assert_int_equal(clean_find_control("tab\there", "\t\n"), -1);
	assert_int_equal(clean_find_control("tab\there", ""), 3);
	assert_int_equal(clean_find_control("x\xc2\x85", "\t\n"), 1);
	assert_int_equal(clean_find_control("é is not C1", ""), -1); /* C3 A9 */
	assert_int_equal(clean_control_at("\x1b", "\t"), 1);
	assert_int_equal(clean_control_at("\xc2\x9f", ""), 2);
	assert_int_equal(clean_control_at("\xc2\xa0", ""), 0); /* no-break space */
}

static void
test_names(void **state)
{
	char longname[200];

	(void)state;
	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	assert_null(clean_name_problem("Ana", 127));
	assert_null(clean_name_problem("Ana María O'Neill", 127));
	assert_null(clean_name_problem("محمد", 127));
	assert_null(clean_name_problem("क्\u200dष", 127)); /* a joiner inside a name */
	assert_non_null(clean_name_problem("", 127));
	assert_non_null(clean_name_problem(longname, 127));
	assert_non_null(clean_name_problem("a\nb", 127));
	assert_non_null(clean_name_problem("a\tb", 127));
	assert_non_null(clean_name_problem("\xff\xfe", 127));
	assert_non_null(clean_name_problem("\033[31mred", 127));
	assert_non_null(clean_name_problem("x\xc2\x85", 127));
	assert_non_null(clean_name_problem("\u200b", 127));
	assert_non_null(clean_name_problem("  \u2060\ufeff ", 127));
	assert_non_null(clean_name_problem("evil\u202egnp.exe", 127));
	assert_true(clean_is_blank(""));
	assert_true(clean_is_blank(" \u200b\n"));
	assert_false(clean_is_blank(" a "));
}

/* a message quoting a path: escaped, its own line break kept */
static void
test_fprintf(void **state)
{
	char buf[128] = "";
	FILE *fp = fmemopen(buf, sizeof buf, "w");

	(void)state;
	assert_non_null(fp);
	clean_fprintf(fp, "%s: error: %s\n", "dir\033[2J", "no\a");
	fclose(fp);
	assert_string_equal(buf, "dir\\x1B[2J: error: no\\x07\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_visible),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_fprintf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
