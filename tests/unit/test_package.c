/* test_package.c: the package layer without the command line: versions,
 * path rules, the manifest parser, minisign signatures, and whether an
 * installed module is still what a trusted key signed (the catalog's
 * filter). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"
#include "package/feed.h"
#include "package/package.h"

static void
test_versions(void **state)
{
	(void)state;
	assert_true(pkg_version_cmp("1.10", "1.9") > 0);
	assert_true(pkg_version_cmp("1.9", "1.10") < 0);
	assert_int_equal(pkg_version_cmp("1.0", "1.0"), 0);
	assert_int_equal(pkg_version_cmp("1.01", "1.1"), 0);
	assert_true(pkg_version_cmp("1.0.1", "1.0") > 0);
	assert_true(pkg_version_cmp("1.0", "1.0.1") < 0);
	assert_true(pkg_version_cmp("2", "10") < 0);
	assert_true(pkg_version_cmp("1.0b", "1.0a") > 0);
	assert_true(pkg_version_cmp(NULL, "0.1") < 0);
	assert_true(pkg_version_cmp("0.1", "") > 0);
	assert_int_equal(pkg_version_cmp("", NULL), 0);
	assert_true(pkg_version_ok("1.2.3-rc1+b2"));
	assert_false(pkg_version_ok("1/2"));
	assert_false(pkg_version_ok("..1"));
	assert_false(pkg_version_ok("1 0"));
	assert_false(pkg_version_ok(""));
}

static void
test_paths(void **state)
{
	static const char *const good[] = { "module.yaml", "images/a.png", "a/b/c.txt",
		"name with spaces.png", "é.png" };
	static const char *const bad[] = { "", "/etc/passwd", "../x", "a/../../x", "a/..",
		"..", ".hidden", "a/.lectern/MANIFEST", "a//b", "a/", "a\\b", "c:x",
		"a\nb", "a/b/c/d/e/f/g/h/i/j.txt" };
	char longp[400];
	size_t i;

	(void)state;
	for (i = 0; i < LT_NELEM(good); i++)
		assert_null(pkg_path_check(good[i]));
	for (i = 0; i < LT_NELEM(bad); i++) {
		if (!pkg_path_check(bad[i]))
			fail_msg("accepted \"%s\"", bad[i]);
	}
	memset(longp, 'a', sizeof longp - 1);
	longp[sizeof longp - 1] = '\0';
	assert_non_null(pkg_path_check(longp));
}

static const char MANIFEST[] =
	"lectern-package 1\n"
	"id demo\n"
	"version 1.2\n"
	"file 0000000000000000000000000000000000000000000000000000000000000000 5 module.yaml\n"
	"file 1111111111111111111111111111111111111111111111111111111111111111 7 images/a.png\n";

static void
test_manifest(void **state)
{
	pkg_manifest m = { 0 }, m2 = { 0 };
	diag_list dl = { 0 };
	char *text;

	(void)state;
	assert_int_equal(pkg_manifest_parse(&m, MANIFEST, strlen(MANIFEST), "M", &dl), 0);
	assert_string_equal(m.id, "demo");
	assert_string_equal(m.version, "1.2");
	assert_int_equal(m.n, 2);
	/* sorted by path: images/ before module.yaml */
	assert_string_equal(m.v[0].path, "images/a.png");
	assert_int_equal(m.v[0].size, 7);
	assert_non_null(pkg_manifest_find(&m, "module.yaml"));
	assert_null(pkg_manifest_find(&m, "nope"));
	/* written back and read again: the same */
	text = pkg_manifest_text(&m);
	assert_int_equal(pkg_manifest_parse(&m2, text, strlen(text), "M", &dl), 0);
	assert_int_equal(m2.n, 2);
	assert_memory_equal(m2.v[1].sha, m.v[1].sha, PKG_SHA_BYTES);
	free(text);
	pkg_manifest_free(&m);
	pkg_manifest_free(&m2);
	diag_free(&dl);
}

/* one broken manifest: the error's line and a word of its message */
static void
bad_manifest(const char *text, int line, const char *want)
{
	pkg_manifest m = { 0 };
	diag_list dl = { 0 };

	assert_int_equal(pkg_manifest_parse(&m, text, strlen(text), "M", &dl), -1);
	assert_true(dl.nerrors >= 1);
	if (!strstr(dl.v[0].msg, want) || dl.v[0].line != line)
		fail_msg("line %d \"%s\": wanted line %d \"%s\"", dl.v[0].line, dl.v[0].msg,
		         line, want);
	pkg_manifest_free(&m);
	diag_free(&dl);
}

static void
test_manifest_errors(void **state)
{
	(void)state;
	bad_manifest("lectern-package 2\nid a\nversion 1\n", 1, "not a package manifest");
	bad_manifest("lectern-package 1\nid a\nversion 1\nfile zz 1 a\n", 4, "SHA-256");
	bad_manifest("lectern-package 1\nid a\nversion 1\nfile "
	             "0000000000000000000000000000000000000000000000000000000000000000 x a\n",
	             4, "size");
	bad_manifest("lectern-package 1\nid a\nversion 1\nfile "
	             "0000000000000000000000000000000000000000000000000000000000000000 1 ../a\n",
	             4, "..");
	bad_manifest("lectern-package 1\nid a\nversion 1\nsomething else\n", 4, "unknown line");
	bad_manifest("lectern-package 1\nid a\nversion 1", 3, "cut short");
	bad_manifest("lectern-package 1\nid a\n", 0, "no id or no version");
	bad_manifest("lectern-package 1\nid ../x\nversion 1\n", 2, "not a module id");
	bad_manifest("lectern-package 1\nid a\nversion ../../x\n", 3, "not one a package");
	bad_manifest("lectern-package 1\nid a\nversion 1\nfile "
	             "0000000000000000000000000000000000000000000000000000000000000000 1 a\nfile "
	             "0000000000000000000000000000000000000000000000000000000000000000 1 a\n",
	             0, "listed twice");
}

static void
test_feed(void **state)
{
	static const char good[] =
		"lectern-feed 1\n"
		"module a-b 1.2 300 0000000000000000000000000000000000000000000000000000000000000000 a-b-1.2.lectern\n"
		"module c 2 7 1111111111111111111111111111111111111111111111111111111111111111 https://cdn.example/c.lectern\n";
	static const struct { const char *text, *want; } bad[] = {
		{ "lectern-feed 2\n", "not a module feed" },
		{ "lectern-feed 1\nmodule a 1 3 00 x\n", "not a SHA-256" },
		{ "lectern-feed 1\nmodule a 1 big 0000000000000000000000000000000000000000000000000000000000000000 x\n", "not a number of bytes" },
		{ "lectern-feed 1\nmodule A 1 3 0000000000000000000000000000000000000000000000000000000000000000 x\n", "not a module id" },
		{ "lectern-feed 1\nmodule a ../1 3 0000000000000000000000000000000000000000000000000000000000000000 x\n", "not a version" },
		{ "lectern-feed 1\nmodule a 1 3\n", "a feed line is" },
		{ "lectern-feed 1\nmodule a 1 3 0000000000000000000000000000000000000000000000000000000000000000 x", "cut short" },
	};
	pkg_feed f = { 0 };
	diag_list dl = { 0 };
	char *u, *text;
	size_t i;

	(void)state;
	assert_int_equal(pkg_feed_parse(&f, good, strlen(good), "feed.txt", &dl), 0);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.v[0].id, "a-b");
	assert_int_equal(f.v[0].size, 300);
	assert_int_equal(f.v[1].sha[0], 0x11);
	text = pkg_feed_text(&f);
	assert_string_equal(text, good);
	free(text);
	u = pkg_feed_resolve("https://t.example/lectern/feed.txt", f.v[0].url);
	assert_string_equal(u, "https://t.example/lectern/a-b-1.2.lectern");
	free(u);
	u = pkg_feed_resolve("https://t.example/lectern/feed.txt", f.v[1].url);
	assert_string_equal(u, "https://cdn.example/c.lectern");
	free(u);
	pkg_feed_free(&f);
	for (i = 0; i < LT_NELEM(bad); i++) {
		assert_int_equal(pkg_feed_parse(&f, bad[i].text, strlen(bad[i].text), "feed.txt",
		                                &dl), -1);
		if (!strstr(dl.v[0].msg, bad[i].want))
			fail_msg("\"%s\": wanted \"%s\"", dl.v[0].msg, bad[i].want);
		diag_clear(&dl);
		pkg_feed_free(&f);
	}
	diag_free(&dl);
}

static void
test_signatures(void **state)
{
	msig_pubkey pk[2], parsed;
	msig_seckey sk;
	diag_list dl = { 0 };
	char *sig, *b64, trusted[128];
	const char data[] = "the signed bytes";

	(void)state;
	assert_int_equal(msig_init(), 0);
	msig_keygen(&pk[0], &sk);
	msig_keygen(&pk[1], &sk); /* the second one signs */
	b64 = msig_pubkey_b64(&pk[1]);
	assert_int_equal(strlen(b64), 56);
	assert_int_equal(msig_pubkey_parse(&parsed, b64, "k", &dl), 0);
	assert_memory_equal(&parsed, &pk[1], sizeof parsed);
	sig = msig_sign(&sk, data, strlen(data), "hello");
	assert_int_equal(msig_verify(pk, 2, data, strlen(data), sig, "s", trusted,
	                             sizeof trusted, &dl), 1);
	assert_string_equal(trusted, "hello");
	assert_int_equal(dl.n, 0);
	/* other data, and a key list without the signer */
	assert_int_equal(msig_verify(pk, 2, "other", 5, sig, "s", NULL, 0, &dl), -1);
	assert_non_null(strstr(dl.v[0].msg, "does not match"));
	diag_clear(&dl);
	assert_int_equal(msig_verify(pk, 1, data, strlen(data), sig, "s", NULL, 0, &dl), -1);
	assert_non_null(strstr(dl.v[0].msg, "not a trusted key"));
	diag_clear(&dl);
	assert_int_equal(msig_verify(pk, 2, data, strlen(data), "garbage\n", "s", NULL, 0,
	                             &dl), -1);
	assert_non_null(strstr(dl.v[0].msg, "not a minisign signature"));
	diag_clear(&dl);
	assert_int_equal(msig_pubkey_parse(&parsed, "RWQnotakey", "k", &dl), -1);
	msig_seckey_wipe(&sk);
	free(sig);
	free(b64);
	diag_free(&dl);
}

/* ------------------------------------------------------------ installed */
typedef struct {
	char dir[64];          /* a temporary folder */
	char mods[96];         /* its modules/ */
	pkg_keys keys;
	msig_seckey sk;
} fixture;

static int
setup(void **state)
{
	fixture *f = xcalloc(1, sizeof *f);
	diag_list dl = { 0 };
	pkg_policy pol = { 0 };
	pkg_result r;
	char *pkg, *src;

	assert_int_equal(msig_init(), 0);
	snprintf(f->dir, sizeof f->dir, "/tmp/lectern-test-package.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->mods, sizeof f->mods, "%s/modules", f->dir);
	assert_int_equal(mkdir(f->mods, 0755), 0);
	f->keys.v = xcalloc(1, sizeof *f->keys.v);
	f->keys.n = 1;
	msig_keygen(&f->keys.v[0], &f->sk);
	/* the test module, with the version a package needs */
	pkg = xasprintf("cp -r %s/tests/modules/good/with-image %s/src && sed -i "
	                "'/^id:/a version: \"1.0\"' %s/src/module.yaml", LT_SRCDIR, f->dir, f->dir);
	assert_int_equal(system(pkg), 0);
	free(pkg);
	src = xasprintf("%s/src", f->dir);
	pkg = xasprintf("%s/p.lectern", f->dir);
	if (pkg_pack(src, pkg, &f->sk, NULL, &dl) != 0) {
		diag_print(&dl, stderr);
		fail();
	}
	free(src);
	pol.modules_dir = f->mods;
	pol.keys = &f->keys;
	if (pkg_install(pkg, &pol, &r, &dl) != 0) {
		diag_print(&dl, stderr);
		fail();
	}
	assert_int_equal(r.action, PKG_INSTALLED);
	free(pkg);
	diag_free(&dl);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	fixture *f = *state;
	char *cmd = xasprintf("rm -rf '%s'", f->dir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
	pkg_keys_free(&f->keys);
	free(f);
	return 0;
}

/* verify the installed module; NULL when trusted, else its reason */
static char *
why(fixture *f, const pkg_keys *keys)
{
	diag_list dl = { 0 };
	char *path = xasprintf("%s/%s", f->mods, "with-image"), *msg = NULL;

	if (pkg_verify_installed(path, keys, NULL, &dl) != 0) {
		assert_int_equal(dl.n, 1);
		msg = xstrdup(dl.v[0].msg);
	}
	free(path);
	diag_free(&dl);
	return msg;
}

static void
append(const char *path, const char *text)
{
	FILE *fp = fopen(path, "a");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void
test_installed_trusted(void **state)
{
	fixture *f = *state;
	pkg_keys none = { 0 }, other = { 0 };
	msig_seckey sk;
	char *m;

	assert_null(why(f, &f->keys));
	m = why(f, &none);
	assert_non_null(strstr(m, "not a trusted key"));
	free(m);
	other.v = xcalloc(1, sizeof *other.v);
	other.n = 1;
	msig_keygen(&other.v[0], &sk);
	m = why(f, &other);
	assert_non_null(strstr(m, "not a trusted key"));
	free(m);
	pkg_keys_free(&other);
}

static void
test_installed_changed(void **state)
{
	fixture *f = *state;
	char *p = xasprintf("%s/with-image/module.yaml", f->mods), *m;

	append(p, "# one answer changed\n");
	m = why(f, &f->keys);
	assert_non_null(m);
	assert_non_null(strstr(m, "module.yaml was changed after signing"));
	free(m);
	free(p);
}

static void
test_installed_added_missing(void **state)
{
	fixture *f = *state;
	char *p = xasprintf("%s/with-image/extra.yaml", f->mods), *m, *img;

	append(p, "x");
	m = why(f, &f->keys);
	assert_non_null(strstr(m, "extra.yaml was added"));
	free(m);
	unlink(p);
	img = xasprintf("%s/with-image/images/scale.png", f->mods);
	assert_int_equal(unlink(img), 0);
	m = why(f, &f->keys);
	assert_non_null(strstr(m, "images/scale.png is missing"));
	free(m);
	free(img);
	free(p);
}

static void
test_installed_manifest_edited(void **state)
{
	fixture *f = *state;
	char *p = xasprintf("%s/with-image/.lectern/MANIFEST", f->mods), *m;

	append(p, "");
	assert_null(why(f, &f->keys)); /* nothing changed yet */
	/* a new hash for an edited file, written into the kept manifest */
	append(p, "file 0000000000000000000000000000000000000000000000000000000000000000 1 x\n");
	m = why(f, &f->keys);
	assert_non_null(strstr(m, "does not match"));
	free(m);
	free(p);
}

static void
test_catalog_filter(void **state)
{
	fixture *f = *state;
	cat_catalog c = { 0 };
	diag_list dl = { 0 };
	char *copy = xasprintf("cp %s/tests/modules/good/minimal.yaml %s/", LT_SRCDIR, f->mods);
	char buf[512];
	int i;

	/* a module copied by hand beside the installed one */
	assert_int_equal(system(copy), 0);
	assert_int_equal(cat_scan(&c, f->mods, &dl), 0);
	assert_int_equal(c.n, 2);
	assert_int_equal(pkg_filter_catalog(&c, &f->keys), 1);
	i = cat_find(&c, "with-image");
	assert_true(i >= 0);
	assert_non_null(c.v[i].mod);
	for (i = 0; i < c.n && c.v[i].mod; i++)
		;
	assert_true(i < c.n);
	assert_true(c.v[i].refused);
	cat_error_text(&c.v[i], buf, sizeof buf);
	assert_non_null(strstr(buf, "not installed from a signed package"));
	cat_free(&c);
	diag_free(&dl);
	free(copy);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_manifest),
		cmocka_unit_test(test_manifest_errors),
		cmocka_unit_test(test_feed),
		cmocka_unit_test(test_signatures),
		cmocka_unit_test_setup_teardown(test_installed_trusted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_installed_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_installed_added_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_installed_manifest_edited, setup, teardown),
		cmocka_unit_test_setup_teardown(test_catalog_filter, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
