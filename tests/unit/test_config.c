/* test_config.c: the settings file: defaults, every key, errors with their
 * positions and hints, the default path, and editing a key in place. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "settings/config.h"
#include "base/util.h"

static char tmpdir[256];

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/lectern-test-config-XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc;

	(void)state;
	rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static void
write_text(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static char *
read_text(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *buf = xcalloc(1, 65536);

	assert_non_null(fp);
	buf[fread(buf, 1, 65535, fp)] = '\0';
	fclose(fp);
	return buf;
}

/* load text; expect exactly one error at line:col containing frag, and c
 * left as it was. */
static void
expect_error(const char *text, int line, int col, const char *frag)
{
	cfg_config c;
	diag_list dl = { 0 };

	cfg_defaults(&c);
	assert_int_equal(cfg_load_buf(&c, "c.yaml", text, strlen(text), &dl), -1);
	assert_int_equal(dl.nerrors, 1);
	if (!strstr(dl.v[0].msg, frag))
		fail_msg("message \"%s\" lacks \"%s\"", dl.v[0].msg, frag);
	assert_int_equal(dl.v[0].line, line);
	assert_int_equal(dl.v[0].col, col);
	assert_null(c.theme);
	assert_null(c.path);
	assert_true(c.text_scale == 1.0);
	diag_free(&dl);
	cfg_free(&c);
}

static void
test_defaults(void **state)
{
	cfg_config c;

	(void)state;
	cfg_defaults(&c);
	assert_null(c.modules_dir);
	assert_null(c.data_dir);
	assert_false(c.kiosk);
	assert_null(c.trainer_pin_hash);
	assert_true(c.idle_logout_minutes == 10);
	assert_null(c.theme);
	assert_true(c.text_scale == 1.0);
	assert_null(c.language);
	assert_null(c.xapi_home_page);
	assert_null(c.xapi_base_iri);
	assert_null(c.path);
	cfg_free(&c);
}

static void
test_every_key(void **state)
{
	const char *text =
		"# classroom 3\n"
		"modules_dir: /srv/lectern/modules\n"
		"data_dir: /var/lib/lectern\n"
		"kiosk: true\n"
		"trainer_pin_hash: '$y$j9T$abc$0123456789abcdefABCDEF./'\n"
		"idle_logout_minutes: 2.5\n"
		"theme: high-contrast\n"
		"text_scale: 1.25\n"
		"language: pt_BR\n"
		"xapi:\n"
		"  home_page: https://customs.example.org/\n"
		"  base_iri: https://customs.example.org/modules/\n";
	cfg_config c;
	diag_list dl = { 0 };

	(void)state;
	cfg_defaults(&c);
	assert_int_equal(cfg_load_buf(&c, "c.yaml", text, strlen(text), &dl), 0);
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.modules_dir, "/srv/lectern/modules");
	assert_string_equal(c.data_dir, "/var/lib/lectern");
	assert_true(c.kiosk);
	assert_string_equal(c.trainer_pin_hash, "$y$j9T$abc$0123456789abcdefABCDEF./");
	assert_true(c.idle_logout_minutes == 2.5);
	assert_string_equal(c.theme, "high-contrast");
	assert_true(c.text_scale == 1.25);
	assert_string_equal(c.language, "pt_BR");
	assert_string_equal(c.xapi_home_page, "https://customs.example.org/");
	assert_string_equal(c.xapi_base_iri, "https://customs.example.org/modules/");
	assert_string_equal(c.path, "c.yaml");
	cfg_free(&c);
	diag_free(&dl);
}

static void
test_layering_and_null(void **state)
{
	const char *a = "theme: dark\ntext_scale: 2\nkiosk: yes\n";
	const char *b = "theme: ~\ntext_scale:\nlanguage: fr\n";
	cfg_config c;
	diag_list dl = { 0 };

	(void)state;
	cfg_defaults(&c);
	assert_int_equal(cfg_load_buf(&c, "a.yaml", a, strlen(a), &dl), 0);
	assert_int_equal(cfg_load_buf(&c, "b.yaml", b, strlen(b), &dl), 0);
	/* an empty value puts the default back; untouched keys stay */
	assert_null(c.theme);
	assert_true(c.text_scale == 1.0);
	assert_true(c.kiosk);
	assert_string_equal(c.language, "fr");
	assert_string_equal(c.path, "b.yaml");
	cfg_free(&c);
	diag_free(&dl);
}

static void
test_empty_file(void **state)
{
	cfg_config c;
	diag_list dl = { 0 };

	(void)state;
	cfg_defaults(&c);
	assert_int_equal(cfg_load_buf(&c, "e.yaml", "# nothing yet\n", 14, &dl), 0);
	assert_int_equal(cfg_load_buf(&c, "e.yaml", "", 0, &dl), 0);
	assert_true(c.idle_logout_minutes == 10);
	assert_int_equal(dl.n, 0);
	cfg_free(&c);
	diag_free(&dl);
}

static void
test_unknown_keys(void **state)
{
	(void)state;
	expect_error("theme: dark\ncolour: red\n", 2, 1, "unknown key `colour`");
	expect_error("theme: dark\nthme: dark\n", 2, 1, "did you mean `theme`?");
	expect_error("idle-logout-minutes: 5\n", 1, 1, "did you mean `idle_logout_minutes`?");
	expect_error("Kiosk: true\n", 1, 1, "did you mean `kiosk`?");
	expect_error("xapi:\n  homepage: https://x.org/\n", 2, 3,
	             "did you mean `home_page`?");
	expect_error("xapi.home_page: https://x.org/\n", 1, 1, "indented under `xapi:`");
	expect_error("base_iri: https://x.org/\n", 1, 1, "indented under `xapi:`");
	/* far from everything: no hint */
	expect_error("idle_logout: 5\n", 1, 1, "did you mean `idle_logout_minutes`?");
	expect_error("wallpaper: cats\n", 1, 1, "unknown key `wallpaper`");
}

/* trusted_keys: a list, or one key; feed: an http(s) address; both are
 * copied when a second file is read over the first */
static void
test_package_keys(void **state)
{
	static const char k1[] = "RWRyABF0h0rXv1npstbo3KfUnuzxCdAJtB5grm6gaBIBCeddrnH0uaom";
	static const char k2[] = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";
	char *text = xasprintf("trusted_keys:\n  - %s\n  - %s\nfeed: https://t.example/f.txt\n",
	                       k1, k2);
	char *one = xasprintf("trusted_keys: %s\n", k2);
	cfg_config c;
	diag_list dl = { 0 };

	(void)state;
	cfg_defaults(&c);
	assert_null(c.trusted_keys);
	assert_int_equal(cfg_load_buf(&c, "c.yaml", text, strlen(text), &dl), 0);
	assert_string_equal(c.trusted_keys[0], k1);
	assert_string_equal(c.trusted_keys[1], k2);
	assert_null(c.trusted_keys[2]);
	assert_string_equal(c.feed, "https://t.example/f.txt");
	/* a second file replaces the list and keeps the feed */
	assert_int_equal(cfg_load_buf(&c, "d.yaml", one, strlen(one), &dl), 0);
	assert_string_equal(c.trusted_keys[0], k2);
	assert_null(c.trusted_keys[1]);
	assert_string_equal(c.feed, "https://t.example/f.txt");
	/* and an empty value takes the keys away */
	assert_int_equal(cfg_load_buf(&c, "e.yaml", "trusted_keys:\n", 14, &dl), 0);
	assert_null(c.trusted_keys);
	assert_int_equal(dl.n, 0);
	cfg_free(&c);
	free(text);
	free(one);
	expect_error("trusted_keys: not-a-key\n", 1, 15, "minisign public keys");
	expect_error("trusted_keys:\n  - RWQshort\n", 2, 5, "minisign public keys");
	expect_error("trusted_keys:\n  a: b\n", 2, 3, "one per `- ` line");
	expect_error("feed: ftp://x.org/feed.txt\n", 1, 7, "https:// or http://");
	expect_error("feed: https://\n", 1, 7, "https:// or http://");
}

static void
test_bad_values(void **state)
{
	(void)state;
	expect_error("kiosk: maybe\n", 1, 8, "true or false");
	expect_error("idle_logout_minutes: soon\n", 1, 22, "number of minutes");
	expect_error("idle_logout_minutes: -1\n", 1, 22, "number of minutes");
	expect_error("idle_logout_minutes: 100000\n", 1, 22, "number of minutes");
	expect_error("idle_logout_minutes: nan\n", 1, 22, "number of minutes");
	expect_error("text_scale: 10\n", 1, 13, "from 0.6 to 2.5");
	expect_error("text_scale: 0.5\n", 1, 13, "from 0.6 to 2.5");
	expect_error("text_scale: big\n", 1, 13, "from 0.6 to 2.5");
	expect_error("theme: drak\n", 1, 8, "did you mean \"dark\"?");
	expect_error("theme: purple\n", 1, 8, "light, dark and high-contrast");
	expect_error("trainer_pin_hash: 1234\n", 1, 19, "lectern set-pin");
	expect_error("language: 'en gb'\n", 1, 11, "language code");
	expect_error("xapi:\n  base_iri: not an iri\n", 2, 13, "absolute IRI");
	expect_error("xapi: https://x.org/\n", 1, 7, "indented lines");
	expect_error("theme: [dark]\n", 1, 8, "single value, not a list");
	expect_error("data_dir: ''\n", 1, 11, "must name a directory");
	expect_error("- theme\n- dark\n", 1, 1, "`key: value`");
	expect_error("theme: dark\ntheme: light\n", 2, 1, "set twice (first on line 1)");
}

static void
test_all_errors_reported(void **state)
{
	const char *text = "theme: drak\nkiosk: 3\nfoo: 1\n";
	cfg_config c;
	diag_list dl = { 0 };
	char buf[512];

	(void)state;
	cfg_defaults(&c);
	assert_int_equal(cfg_load_buf(&c, "/etc/lectern/config.yaml", text, strlen(text),
	                              &dl), -1);
	assert_int_equal(dl.nerrors, 3);
	diag_format(&dl.v[1], buf, sizeof buf);
	assert_string_equal(buf, "/etc/lectern/config.yaml:2:8: error: "
	                         "`kiosk` must be true or false, not \"3\"");
	cfg_free(&c);
	diag_free(&dl);
}

static void
test_yaml_syntax_error(void **state)
{
	const char *text = "theme: dark\n  kiosk: [\n";
	cfg_config c;
	diag_list dl = { 0 };

	(void)state;
	cfg_defaults(&c);
	assert_int_equal(cfg_load_buf(&c, "c.yaml", text, strlen(text), &dl), -1);
	assert_true(dl.nerrors >= 1);
	assert_true(dl.v[0].line >= 1);
	assert_null(c.theme);
	cfg_free(&c);
	diag_free(&dl);
}

static void
test_paths(void **state)
{
	char *file = xasprintf("%s/conf/config.yaml", tmpdir);
	char *dir = xasprintf("%s/conf", tmpdir);
	char *want;
	cfg_config c;
	diag_list dl = { 0 };

	(void)state;
	assert_int_equal(mkdir(dir, 0755), 0);
	write_text(file, "modules_dir: mods\ndata_dir: ~/progress\n");
	setenv("HOME", "/home/trainer", 1);
	cfg_defaults(&c);
	assert_int_equal(cfg_load(&c, file, 1, &dl), 0);
	/* relative to the file, and ~ is $HOME */
	want = xasprintf("%s/mods", dir);
	assert_string_equal(c.modules_dir, want);
	assert_string_equal(c.data_dir, "/home/trainer/progress");
	assert_string_equal(c.path, file);
	cfg_free(&c);
	free(want);
	free(file);
	free(dir);
	diag_free(&dl);
}

static void
test_missing_file(void **state)
{
	char *file = xasprintf("%s/none.yaml", tmpdir);
	cfg_config c;
	diag_list dl = { 0 };
	char buf[512];

	(void)state;
	cfg_defaults(&c);
	assert_int_equal(cfg_load(&c, file, 0, &dl), 0);
	assert_int_equal(dl.n, 0);
	assert_null(c.path);
	assert_int_equal(cfg_load(&c, file, 1, &dl), -1);
	assert_int_equal(dl.nerrors, 1);
	diag_format(&dl.v[0], buf, sizeof buf);
	assert_non_null(strstr(buf, "none.yaml: error: cannot read the config file"));
	diag_clear(&dl);
	/* a directory is not a config file */
	assert_int_equal(cfg_load(&c, tmpdir, 0, &dl), -1);
	assert_non_null(strstr(dl.v[0].msg, "directory"));
	cfg_free(&c);
	free(file);
	diag_free(&dl);
}

static void
test_default_path(void **state)
{
	char *xdg = xasprintf("%s/xdg", tmpdir);
	char *dir = xasprintf("%s/xdg/lectern", tmpdir);
	char *file = xasprintf("%s/xdg/lectern/config.yaml", tmpdir);
	char *p;

	(void)state;
	setenv("XDG_CONFIG_HOME", xdg, 1);
	p = cfg_user_path();
	assert_string_equal(p, file);
	free(p);
	/* the user's file is used only when it exists */
	p = cfg_default_path();
	assert_string_equal(p, "/etc/lectern/config.yaml");
	free(p);
	assert_int_equal(mkdir(xdg, 0700), 0);
	assert_int_equal(mkdir(dir, 0700), 0);
	write_text(file, "kiosk: false\n");
	p = cfg_default_path();
	assert_string_equal(p, file);
	free(p);
	/* without XDG_CONFIG_HOME it is ~/.config */
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/kiosk", 1);
	p = cfg_user_path();
	assert_string_equal(p, "/home/kiosk/.config/lectern/config.yaml");
	free(p);
	/* a relative XDG_CONFIG_HOME is ignored, as the XDG spec says */
	setenv("XDG_CONFIG_HOME", "relative/dir", 1);
	p = cfg_user_path();
	assert_string_equal(p, "/home/kiosk/.config/lectern/config.yaml");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	free(xdg);
	free(dir);
	free(file);
}

static void
test_write_new_file(void **state)
{
	char *file = xasprintf("%s/new/sub/config.yaml", tmpdir);
	char *text;
	struct stat sb;
	diag_list dl = { 0 };
	cfg_config c;

	(void)state;
	assert_int_equal(cfg_write_string(file, "trainer_pin_hash", "$6$salt$hash.value/", &dl), 0);
	assert_int_equal(dl.n, 0);
	text = read_text(file);
	assert_string_equal(text, "trainer_pin_hash: '$6$salt$hash.value/'\n");
	free(text);
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	cfg_defaults(&c);
	assert_int_equal(cfg_load(&c, file, 1, &dl), 0);
	assert_string_equal(c.trainer_pin_hash, "$6$salt$hash.value/");
	cfg_free(&c);
	free(file);
	diag_free(&dl);
}

static void
test_write_keeps_the_rest(void **state)
{
	char *file = xasprintf("%s/keep.yaml", tmpdir);
	char *text;
	struct stat sb;
	diag_list dl = { 0 };

	(void)state;
	write_text(file, "# Lectern, classroom 3\n"
	                 "kiosk: true   # learners cannot leave\n"
	                 "trainer_pin_hash: '$6$old$oldhash'\n"
	                 "xapi:\n"
	                 "  home_page: https://x.org/\n"
	                 "theme: dark");
	chmod(file, 0644);
	assert_int_equal(cfg_write_string(file, "trainer_pin_hash", "$y$new$it's", &dl), 0);
	text = read_text(file);
	assert_string_equal(text, "# Lectern, classroom 3\n"
	                          "kiosk: true   # learners cannot leave\n"
	                          "trainer_pin_hash: '$y$new$it''s'\n"
	                          "xapi:\n"
	                          "  home_page: https://x.org/\n"
	                          "theme: dark");
	free(text);
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* appended when absent, after a last line without a newline */
	assert_int_equal(cfg_write_string(file, "language", "fr", &dl), 0);
	text = read_text(file);
	assert_non_null(strstr(text, "theme: dark\nlanguage: 'fr'\n"));
	free(text);
	assert_int_equal(dl.n, 0);
	free(file);
	diag_free(&dl);
}

static void
test_write_multiline_and_duplicates(void **state)
{
	char *file = xasprintf("%s/multi.yaml", tmpdir);
	char *text;
	diag_list dl = { 0 };

	(void)state;
	write_text(file, "trainer_pin_hash:\n  '$6$a$b'\n"
	                 "theme: dark\n"
	                 "trainer_pin_hash: '$6$c$d'\n");
	assert_int_equal(cfg_write_string(file, "trainer_pin_hash", "$6$e$f", &dl), 0);
	text = read_text(file);
	assert_string_equal(text, "trainer_pin_hash: '$6$e$f'\ntheme: dark\n");
	free(text);
	free(file);
	diag_free(&dl);
}

static void
test_write_refuses_broken_file(void **state)
{
	char *file = xasprintf("%s/broken.yaml", tmpdir);
	char *text;
	diag_list dl = { 0 };

	(void)state;
	/* not YAML: left alone */
	write_text(file, "theme: [dark\n");
	assert_int_equal(cfg_write_string(file, "trainer_pin_hash", "$6$e$f", &dl), -1);
	assert_true(dl.nerrors >= 1);
	text = read_text(file);
	assert_string_equal(text, "theme: [dark\n");
	free(text);
	diag_clear(&dl);
	/* YAML, but not a map: the edit cannot work, the file is kept */
	write_text(file, "- a\n- b\n");
	assert_int_equal(cfg_write_string(file, "trainer_pin_hash", "$6$e$f", &dl), -1);
	assert_non_null(strstr(dl.v[dl.n - 1].msg, "edit it by hand"));
	text = read_text(file);
	assert_string_equal(text, "- a\n- b\n");
	free(text);
	free(file);
	diag_free(&dl);
}

static void
test_write_refuses_control_characters(void **state)
{
	char *file = xasprintf("%s/ctl.yaml", tmpdir);
	diag_list dl = { 0 };

	(void)state;
	assert_int_equal(cfg_write_string(file, "language", "fr\nkiosk: false", &dl), -1);
	assert_int_equal(dl.nerrors, 1);
	assert_non_null(strstr(dl.v[0].msg, "control characters"));
	assert_int_equal(access(file, F_OK), -1);
	free(file);
	diag_free(&dl);
}

static void
test_closest(void **state)
{
	static const char *const names[] = { "kiosk", "theme", "text_scale", NULL };

	(void)state;
	assert_string_equal(cfg_closest("kiosc", names), "kiosk");
	assert_string_equal(cfg_closest("TEXT-SCALE", names), "text_scale");
	assert_null(cfg_closest("xyz", names));
	/* cut short */
	assert_string_equal(cfg_closest("text_sc", names), "text_scale");
	assert_null(cfg_closest("tex", names));
	assert_null(cfg_closest("", names));
}

/* a hash whose cost would hang kiosk start-up is refused when the config
 * is read, with the reason, and the PIN stays unset */
static void
test_costly_pin_hash(void **state)
{
	const char *text = "trainer_pin_hash: '$6$rounds=999999999$salt$abcdef'\n";
	cfg_config c;
	diag_list dl = { 0 };

	(void)state;
	cfg_defaults(&c);
	assert_int_equal(cfg_load_buf(&c, "c.yaml", text, strlen(text), &dl), -1);
	assert_int_equal(dl.nerrors, 1);
	assert_non_null(strstr(dl.v[0].msg, "rounds="));
	assert_null(c.trainer_pin_hash);
	diag_free(&dl);
	cfg_free(&c);
}

static void
test_lrs_keys(void **state)
{
	const char *text = "lrs:\n"
	                   "  endpoint: https://lrs.example.org/xAPI\n"
	                   "  username: KEY\n"
	                   "  password_file: secret\n"
	                   "  ca_file: /etc/ssl/org-ca.pem\n"
	                   "  batch: 50\n"
	                   "  insecure_http: false\n"
	                   "  interval_minutes: 5\n"
	                   "  timeout_seconds: 10\n";
	cfg_config c;
	diag_list dl = { 0 };

	(void)state;
	cfg_defaults(&c);
	assert_null(c.lrs_endpoint);
	assert_int_equal(c.lrs_batch, CFG_BATCH_DEFAULT);
	assert_true(c.lrs_interval_minutes == CFG_INTERVAL_DEFAULT);
	assert_int_equal(cfg_load_buf(&c, "/etc/lectern/config.yaml", text, strlen(text), &dl),
	                 0);
	/* the base gets its '/' so "statements" can follow it */
	assert_string_equal(c.lrs_endpoint, "https://lrs.example.org/xAPI/");
	assert_string_equal(c.lrs_username, "KEY");
	assert_string_equal(c.lrs_password_file, "/etc/lectern/secret");
	assert_string_equal(c.lrs_ca_file, "/etc/ssl/org-ca.pem");
	assert_null(c.lrs_password);
	assert_int_equal(c.lrs_batch, 50);
	assert_false(c.lrs_insecure_http);
	assert_true(c.lrs_interval_minutes == 5);
	assert_int_equal(c.lrs_timeout_seconds, 10);
	cfg_free(&c);
	diag_free(&dl);

	expect_error("lrs:\n  endpoint: ftp://x.org/\n", 2, 13, "https://");
	expect_error("lrs:\n  endpoint: https://k:s@x.org/xAPI/\n", 2, 13, "`password_file:`");
	expect_error("lrs:\n  batch: 0\n", 2, 10, "from 1 to 1000");
	expect_error("lrs:\n  batch: 2.5\n", 2, 10, "from 1 to 1000");
	expect_error("lrs:\n  interval_minutes: -3\n", 2, 21, "number of minutes");
	expect_error("lrs:\n  pasword: x\n", 2, 3, "did you mean `password`?");
	expect_error("lrs:\n  timeout_seconds: 0\n", 2, 20, "from 1 to 600");
	expect_error("lrs: https://x.org/\n", 1, 6, "indented lines");
}

/* password: in the file itself is accepted only when no one else can read
 * the file, and the refusal never repeats the secret */
static void
test_lrs_password_needs_private_file(void **state)
{
	char *path = xasprintf("%s/lrs.yaml", tmpdir);
	cfg_config c;
	diag_list dl = { 0 };

	(void)state;
	write_text(path, "lrs:\n  endpoint: https://x.org/xAPI/\n  password: s3cr3t-value\n");
	chmod(path, 0644);
	cfg_defaults(&c);
	assert_int_equal(cfg_load(&c, path, 1, &dl), -1);
	assert_int_equal(dl.nerrors, 1);
	assert_non_null(strstr(dl.v[0].msg, "chmod 600"));
	assert_null(strstr(dl.v[0].msg, "s3cr3t"));
	assert_int_equal(dl.v[0].line, 3);
	assert_null(c.lrs_password);
	diag_free(&dl);

	chmod(path, 0600);
	assert_int_equal(cfg_load(&c, path, 1, &dl), 0);
	assert_string_equal(c.lrs_password, "s3cr3t-value");
	cfg_free(&c);
	diag_free(&dl);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_costly_pin_hash),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_package_keys),
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_layering_and_null),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_unknown_keys),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_yaml_syntax_error),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_write_new_file),
		cmocka_unit_test(test_write_keeps_the_rest),
		cmocka_unit_test(test_write_multiline_and_duplicates),
		cmocka_unit_test(test_write_refuses_broken_file),
		cmocka_unit_test(test_write_refuses_control_characters),
		cmocka_unit_test(test_closest),
		cmocka_unit_test(test_lrs_keys),
		cmocka_unit_test(test_lrs_password_needs_private_file),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
