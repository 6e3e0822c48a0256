/* test_kiosk_rules.c: learner names, idle logout timing, export folders
 * and file names. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "settings/kiosk_rules.h"
#include "base/util.h"

static void
tidy_ok(const char *in, const char *want)
{
	char buf[256];

	snprintf(buf, sizeof buf, "%s", in);
	assert_null(kr_name_tidy(buf));
	assert_string_equal(buf, want);
}

static void
test_names(void **state)
{
	char buf[256];

	(void)state;
	tidy_ok("Ana", "Ana");
	tidy_ok("  Ana   Silva ", "Ana Silva");
	tidy_ok("Zoë Ó Briain", "Zoë Ó Briain");
	tidy_ok("محمد", "محمد");
	strcpy(buf, "   ");
	assert_non_null(kr_name_tidy(buf));
	strcpy(buf, "");
	assert_non_null(kr_name_tidy(buf));
	strcpy(buf, "An\ta");
	assert_non_null(kr_name_tidy(buf));
	memset(buf, 'x', 65);
	buf[65] = '\0';
	assert_non_null(kr_name_tidy(buf));
	buf[64] = '\0';
	assert_null(kr_name_tidy(buf));
	assert_true(kr_name_same("ana silva", "Ana Silva"));
	assert_false(kr_name_same("Ana", "Anna"));
	assert_false(kr_name_same("Ana", "Ana "));
	assert_true(kr_name_same("Zoë", "zoë"));
}

static void
test_idle(void **state)
{
	(void)state;
	assert_int_equal(kr_idle_left(0, 0, 1000000), -1);
	assert_int_equal(kr_idle_left(10, 1000, 1000), 600000);
	assert_int_equal(kr_idle_left(10, 1000, 601000), 0);
	assert_int_equal(kr_idle_left(10, 1000, 900000), 0);
	assert_int_equal(kr_idle_left(10, 1000, 301000), 300000);
	/* fractions of a minute, for tests and impatient classrooms */
	assert_int_equal(kr_idle_left(0.05, 0, 1000), 2000);
	/* the clock went backwards: count from now */
	assert_int_equal(kr_idle_left(1, 5000, 1000), 60000);
}

static void
mk(const char *root, const char *rel)
{
	char *p = xasprintf("%s/%s", root, rel);
	char *cmd = xasprintf("mkdir -p '%s'", p);

	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(p);
}

static void
test_export_dirs(void **state)
{
	char root[] = "/tmp/lectern-test-kr-XXXXXX";
	char *out[8], *home, *cmd, *f;
	int n, i;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(root));
	mk(root, "media/kiosk/USB STICK");
	mk(root, "media/kiosk/ARCHIVE");
	mk(root, "run/media/kiosk/SD");
	mk(root, "media/cdrom");
	mk(root, "home/kiosk");
	f = xasprintf("%s/media/kiosk/notadir", root);
	fp = fopen(f, "w");
	assert_non_null(fp);
	fclose(fp);
	free(f);
	home = xasprintf("%s/home/kiosk", root);
	n = kr_export_dirs(root, "kiosk", home, out, 8);
	assert_int_equal(n, 5);
	f = xasprintf("%s/media/kiosk/ARCHIVE", root);
	assert_string_equal(out[0], f);
	free(f);
	f = xasprintf("%s/media/kiosk/USB STICK", root);
	assert_string_equal(out[1], f);
	free(f);
	f = xasprintf("%s/run/media/kiosk/SD", root);
	assert_string_equal(out[2], f);
	free(f);
	f = xasprintf("%s/media/cdrom", root);
	assert_string_equal(out[3], f);
	free(f);
	assert_string_equal(out[4], home);
	for (i = 0; i < n; i++)
		free(out[i]);
	/* max is respected */
	n = kr_export_dirs(root, "kiosk", home, out, 2);
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++)
		free(out[i]);
	/* another user: only what is directly under /media, and home */
	n = kr_export_dirs(root, "nobody", home, out, 8);
	assert_int_equal(n, 3);
	assert_string_equal(out[2], home);
	for (i = 0; i < n; i++)
		free(out[i]);
	free(home);
	cmd = xasprintf("rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static void
test_export_name(void **state)
{
	char buf[64];

	(void)state;
	kr_export_name(0, buf, sizeof buf);
	assert_string_equal(buf, "lectern-progress-19700101-000000");
	kr_export_name(1795867200 + 3661, buf, sizeof buf);
	assert_string_equal(buf, "lectern-progress-20261128-130101");
}

static void
test_idle_countdown(void **state)
{
	long ms;

	(void)state;
	assert_int_equal(kr_idle_state(0, 0, 5000, &ms), KR_IDLE_NEVER);
	/* 10 minutes: active until 30 s before the end */
	assert_int_equal(kr_idle_state(10, 1000, 1000, &ms), KR_IDLE_ACTIVE);
	assert_int_equal(ms, 570000);
	assert_int_equal(kr_idle_state(10, 1000, 571000, &ms), KR_IDLE_WARN);
	assert_int_equal(ms, 30000);
	assert_int_equal(kr_idle_state(10, 1000, 590000, &ms), KR_IDLE_WARN);
	assert_int_equal(ms, 11000);
	assert_int_equal(kr_idle_state(10, 1000, 601000, &ms), KR_IDLE_LOGOUT);
	/* input during the countdown: active again, for the full time */
	assert_int_equal(kr_idle_state(10, 590000, 590000, &ms), KR_IDLE_ACTIVE);
	assert_int_equal(ms, 570000);
	/* a short idle time warns for its last half */
	assert_int_equal(kr_idle_warn_ms(0.1), 3000);
	assert_int_equal(kr_idle_state(0.1, 0, 2999, &ms), KR_IDLE_ACTIVE);
	assert_int_equal(ms, 1);
	assert_int_equal(kr_idle_state(0.1, 0, 3000, &ms), KR_IDLE_WARN);
	assert_int_equal(ms, 3000);
}

static void
test_config_exposed(void **state)
{
	(void)state;
	assert_false(kr_config_exposed(0600));
	assert_false(kr_config_exposed(0400));
	assert_false(kr_config_exposed(0700)); /* the owner's own business */
	assert_true(kr_config_exposed(0644));  /* others read the hash */
	assert_true(kr_config_exposed(0640));
	assert_true(kr_config_exposed(0602));  /* others write a hash */
	assert_true(kr_config_exposed(0620));
	assert_false(kr_config_exposed(0711)); /* execute bits say nothing */
}

/* does a row of keyboard rows hold this key? */
static int
has_key(const char *const *rows, const char *key)
{
	size_t n = strlen(key);
	int i;

	for (i = 0; rows[i]; i++) {
		const char *p = rows[i];

		while ((p = strstr(p, key))) {
			if ((p == rows[i] || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
				return 1;
			p++;
		}
	}
	return 0;
}

static void
test_keyboard(void **state)
{
	char up[8];

	(void)state;
	/* the letters of Hélène, Núñez and Arabic names, where they are used */
	assert_true(has_key(kr_keyboard("fr", 0), "\xC3\xA9"));      /* é */
	assert_true(has_key(kr_keyboard("fr_FR.UTF-8", 0), "\xC3\xA7")); /* ç */
	assert_true(has_key(kr_keyboard("es", 0), "\xC3\xB1"));      /* ñ */
	assert_true(has_key(kr_keyboard("es-MX", 0), "\xC3\xBA"));   /* ú */
	assert_true(has_key(kr_keyboard("ar", 0), "\xD9\x85"));      /* م */
	assert_false(has_key(kr_keyboard("ar", 0), "a"));
	/* French is AZERTY */
	assert_int_equal(strncmp(kr_keyboard("fr", 0)[1], "a z e", 5), 0);
	/* Arabic has a Latin keyboard beside it; Latin ones do not */
	assert_true(kr_keyboard_has_latin("ar"));
	assert_false(kr_keyboard_has_latin("fr"));
	assert_true(has_key(kr_keyboard("ar", 1), "q"));
	assert_true(has_key(kr_keyboard("fr", 1), "\xC3\xA9"));
	/* unknown or missing: English */
	assert_true(has_key(kr_keyboard("xx", 0), "w"));
	assert_true(has_key(kr_keyboard(NULL, 0), "q"));
	assert_false(has_key(kr_keyboard("frx", 0), "\xC3\xA9"));
	/* capitals */
	kr_key_upper("h", up, sizeof up);
	assert_string_equal(up, "H");
	kr_key_upper("\xC3\xA9", up, sizeof up);
	assert_string_equal(up, "\xC3\x89");                          /* É */
	kr_key_upper("\xC3\xB1", up, sizeof up);
	assert_string_equal(up, "\xC3\x91");                          /* Ñ */
	kr_key_upper("\xD9\x85", up, sizeof up);
	assert_string_equal(up, "\xD9\x85");                          /* no case */
	kr_key_upper("-", up, sizeof up);
	assert_string_equal(up, "-");
	kr_key_upper("\xC3\xB7", up, sizeof up);
	assert_string_equal(up, "\xC3\xB7");                          /* ÷ */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_idle),
		cmocka_unit_test(test_idle_countdown),
		cmocka_unit_test(test_keyboard),
		cmocka_unit_test(test_config_exposed),
		cmocka_unit_test(test_export_dirs),
		cmocka_unit_test(test_export_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
