/* test_catalog.c: finding modules in a directory. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "format/catalog.h"
#include "base/util.h"

static void
test_good(void **state)
{
	static const char *const names[] = {
		"aliases", "all-blocks", "all-questions", "bom-crlf", "minimal",
		"retry-loop", "unicode-free", "with-image"
	};
	cat_catalog c;
	diag_list dl = { 0 };
	char buf[256];
	int i;

	(void)state;
	assert_int_equal(cat_scan(&c, LT_SRCDIR "/tests/modules/good", &dl), 0);
	assert_int_equal(dl.n, 0);
	assert_int_equal(c.n, (int)(sizeof names / sizeof names[0]));
	for (i = 0; i < c.n; i++) {
		assert_string_equal(c.v[i].name, names[i]);
		assert_non_null(c.v[i].mod);
		assert_int_equal(c.v[i].nerrors, 0);
		assert_string_equal(cat_error_text(&c.v[i], buf, sizeof buf), "");
	}
	assert_string_equal(cat_title(&c.v[4]), "The smallest module");
	assert_int_equal(cat_find(&c, "with-image"), 7);
	assert_int_equal(cat_find(&c, "nope"), -1);
	cat_free(&c);
}

/* broken modules are listed with their first error, never dropped */
static void
test_bad_listed(void **state)
{
	cat_catalog c;
	diag_list dl = { 0 };
	char buf[1024];
	int i, nloaded = 0, ndup = 0;

	(void)state;
	assert_int_equal(cat_scan(&c, LT_SRCDIR "/tests/modules/bad", &dl), 0);
	assert_true(c.n >= 40);
	for (i = 0; i < c.n; i++) {
		if (c.v[i].mod) {
			nloaded++;
			continue;
		}
		assert_true(c.v[i].nerrors > 0);
		cat_error_text(&c.v[i], buf, sizeof buf);
		assert_non_null(strstr(buf, ": error: "));
		if (strstr(buf, "is also used by"))
			ndup++;
		if (strcmp(c.v[i].name, "pass-mark-word") == 0) {
			assert_int_equal(c.v[i].error.line, 5);
			assert_int_equal(c.v[i].error.col, 12);
			assert_string_equal(cat_title(&c.v[i]), "pass-mark-word");
		}
	}
	/* the warning-only modules all use the id "bad": one keeps it */
	assert_int_equal(nloaded, 1);
	assert_true(ndup >= 3);
	cat_free(&c);
}

static void
test_missing_dir(void **state)
{
	cat_catalog c;
	diag_list dl = { 0 };

	(void)state;
	assert_int_equal(cat_scan(&c, "/nonexistent/modules", &dl), -1);
	assert_int_equal(dl.nerrors, 1);
	assert_int_equal(c.n, 0);
	cat_free(&c);
	diag_free(&dl);
}

/* a module file that is a link to a file outside the modules directory is
 * not listed (its lines would show in its error messages); a link inside
 * the directory is a module like any other */
static void
test_link_outside(void **state)
{
	char dir[] = "/tmp/lectern-cat-XXXXXX";
	char *mods, *secret, *cmd;
	cat_catalog c;
	diag_list dl = { 0 };
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	mods = xasprintf("%s/mods", dir);
	secret = xasprintf("%s/secret.yaml", dir);
	assert_int_equal(mkdir(mods, 0700), 0);
	fp = fopen(secret, "w");
	assert_non_null(fp);
	fputs("root:SECRET:19000:0:99999:7:::\n", fp);
	fclose(fp);
	cmd = xasprintf("ln -s '%s' '%s/leak.yaml' && cp '%s/tests/modules/good/minimal.yaml' "
	                "'%s/' && ln -s minimal.yaml '%s/same.yaml'", secret, mods,
	                LT_SRCDIR, mods, mods);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	assert_int_equal(cat_scan(&c, mods, &dl), 0);
	assert_int_equal(c.n, 2); /* minimal and same */
	assert_int_equal(dl.nerrors, 1);
	assert_non_null(strstr(dl.v[0].msg, "leads outside the modules directory"));
	assert_null(strstr(dl.v[0].msg, "SECRET"));
	cat_free(&c);
	diag_free(&dl);
	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(mods);
	free(secret);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_bad_listed),
		cmocka_unit_test(test_missing_dir),
		cmocka_unit_test(test_link_outside),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
