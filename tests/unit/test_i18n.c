/* test_i18n.c: the language choice rule, switching the UI language at run
 * time with the real catalogs (build/locale, made by `make`) on a machine
 * whose locale is "C", and dates and numbers in each language. */
#include "testutil.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"

#define LOCALEDIR LT_SRCDIR "/build/locale"
#define NNBSP "\xe2\x80\xaf" /* U+202F narrow no-break space */

/* a has-catalog callback over a fixed list of names */
static int
has_list(void *ud, const char *lang)
{
	const char *const *l;

	for (l = ud; *l; l++)
		if (strcmp(*l, lang) == 0)
			return 1;
	return 0;
}

static const char *const fr_es[] = { "fr", "es", NULL };
static const char *const pt_br[] = { "pt_BR", NULL };

static int
choose(const i18n_prefs *p, const char *const *have, char *out)
{
	return i18n_choose(p, has_list, (void *)have, out, 64);
}

static void
test_normalize(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(i18n_normalize("fr", out, sizeof out), 0);
	assert_string_equal(out, "fr");
	assert_int_equal(i18n_normalize("pt-BR", out, sizeof out), 0);
	assert_string_equal(out, "pt_BR");
	assert_int_equal(i18n_normalize("FR-ca", out, sizeof out), 0);
	assert_string_equal(out, "fr_CA");
	assert_int_equal(i18n_normalize("fr_FR.UTF-8", out, sizeof out), 0);
	assert_string_equal(out, "fr_FR");
	assert_int_equal(i18n_normalize("sr_RS.UTF-8@latin", out, sizeof out), 0);
	assert_string_equal(out, "sr_RS@latin");
	assert_int_equal(i18n_normalize("zh-Hant-TW", out, sizeof out), 0);
	assert_string_equal(out, "zh_TW");
	assert_int_equal(i18n_normalize("es-419", out, sizeof out), 0);
	assert_string_equal(out, "es_419");
	assert_int_equal(i18n_normalize("ar", out, sizeof out), 0);
	assert_string_equal(out, "ar");
	/* not languages */
	assert_int_equal(i18n_normalize("C", out, sizeof out), -1);
	assert_string_equal(out, "");
	assert_int_equal(i18n_normalize("C.UTF-8", out, sizeof out), -1);
	assert_int_equal(i18n_normalize("POSIX", out, sizeof out), -1);
	assert_int_equal(i18n_normalize("", out, sizeof out), -1);
	assert_int_equal(i18n_normalize(NULL, out, sizeof out), -1);
	assert_int_equal(i18n_normalize("../../etc", out, sizeof out), -1);
	assert_int_equal(i18n_normalize("fr/../x", out, sizeof out), -1);
	assert_int_equal(i18n_normalize("français", out, sizeof out), -1);
	/* too small an output is an error, not a truncated name */
	assert_int_equal(i18n_normalize("pt-BR", out, 3), -1);
}

static void
test_choose_module_first(void **state)
{
	i18n_prefs p = { 0 };
	char out[64];

	(void)state;
	p.module = "fr";
	p.config = "es";
	p.lang = "es_ES.UTF-8";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_MODULE);
	assert_string_equal(out, "fr");
	/* an English module has English buttons whatever the config says */
	p.module = "en-GB";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_MODULE);
	assert_string_equal(out, "en");
	/* a region falls back to the language's catalog */
	p.module = "fr-CA";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_MODULE);
	assert_string_equal(out, "fr");
	p.module = "pt-BR";
	assert_int_equal(choose(&p, pt_br, out), I18N_FROM_MODULE);
	assert_string_equal(out, "pt_BR");
}

static void
test_choose_fallbacks(void **state)
{
	i18n_prefs p = { 0 };
	char out[64];

	(void)state;
	/* no catalog for the module's language: the config decides */
	p.module = "ar";
	p.config = "es";
	p.lang = "fr_FR.UTF-8";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_CONFIG);
	assert_string_equal(out, "es");
	/* no config either: the system locale */
	p.config = NULL;
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_SYSTEM);
	assert_string_equal(out, "fr");
	/* a config language without a catalog falls through too */
	p.config = "ru";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_SYSTEM);
	assert_string_equal(out, "fr");
	/* nothing usable: English */
	p.lang = "de_DE.UTF-8";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_DEFAULT);
	assert_string_equal(out, "en");
	p.lang = NULL;
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_DEFAULT);
	assert_string_equal(out, "en");
	/* the catalog screen: no module */
	p.module = NULL;
	p.config = "es";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_CONFIG);
	assert_string_equal(out, "es");
	/* with no catalogs at all only English can be chosen */
	p.config = "fr";
	assert_int_equal(i18n_choose(&p, NULL, NULL, out, sizeof out), I18N_FROM_DEFAULT);
	assert_string_equal(out, "en");
}

static void
test_choose_environment(void **state)
{
	i18n_prefs p = { 0 };
	char out[64];

	(void)state;
	/* LC_ALL over LC_MESSAGES over LANG */
	p.lang = "fr_FR.UTF-8";
	p.lc_messages = "es_ES.UTF-8";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_SYSTEM);
	assert_string_equal(out, "es");
	p.lc_all = "fr_BE.UTF-8";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_SYSTEM);
	assert_string_equal(out, "fr");
	/* an empty variable counts as unset */
	p.lc_all = "";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_SYSTEM);
	assert_string_equal(out, "es");
	/* LANGUAGE is a list tried in order, before the locale */
	p.language = "de:es_MX:fr";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_SYSTEM);
	assert_string_equal(out, "es");
	p.language = "::fr";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_SYSTEM);
	assert_string_equal(out, "fr");
	/* an English entry in the list wins over later ones */
	p.language = "en:fr";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_SYSTEM);
	assert_string_equal(out, "en");
	/* in the C locale LANGUAGE is ignored, as gettext does */
	p.language = "fr";
	p.lc_all = "C";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_DEFAULT);
	assert_string_equal(out, "en");
	p.lc_all = "POSIX";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_DEFAULT);
	/* ...but not in C.UTF-8 (issue 11: LANGUAGE=fr did nothing there) */
	p.lc_all = "C.UTF-8";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_SYSTEM);
	assert_string_equal(out, "fr");
	p.lc_all = NULL;
	p.lang = "C.utf8";
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_SYSTEM);
	assert_string_equal(out, "fr");
	p.lc_all = NULL;
	p.lc_messages = NULL;
	p.lang = NULL;
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_DEFAULT);
	/* garbage in the environment is not a path */
	p.lang = "../../../tmp/x";
	p.language = NULL;
	assert_int_equal(choose(&p, fr_es, out), I18N_FROM_DEFAULT);
}

static void
test_catalog_exists(void **state)
{
	(void)state;
	/* built by `make` from po/fr.po and po/es.po */
	assert_true(i18n_catalog_exists((void *)LOCALEDIR, "fr"));
	assert_true(i18n_catalog_exists((void *)LOCALEDIR, "es"));
	assert_false(i18n_catalog_exists((void *)LOCALEDIR, "xx"));
	assert_false(i18n_catalog_exists((void *)LOCALEDIR, "../fr"));
	assert_false(i18n_catalog_exists((void *)"/nonexistent", "fr"));
}

/* the real thing: the process locale is "C" (as on a machine without
 * fr_FR.UTF-8), yet switching to French gives French messages. */
static void
test_switch_language(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C");
	unsetenv("LANGUAGE");
	assert_string_equal(i18n_init(LOCALEDIR), LOCALEDIR);
	assert_string_equal(i18n_localedir(), LOCALEDIR);
	assert_string_equal(_("warning"), "warning");

	assert_int_equal(i18n_set_language("fr"), 0);
	assert_string_equal(i18n_language(), "fr");
	assert_string_equal(_("warning"), "avertissement");
	/* French plurals: 0 and 1 take the singular */
	assert_string_equal(ngettext(" (%d error", " (%d errors", 0), " (%d erreur");
	assert_string_equal(ngettext(" (%d error", " (%d errors", 1), " (%d erreur");
	assert_string_equal(ngettext(" (%d error", " (%d errors", 2), " (%d erreurs");

	assert_int_equal(i18n_set_language("es"), 0);
	assert_string_equal(_("warning"), "advertencia");
	assert_string_equal(C_("month", "May"), "mayo");
	/* Spanish plurals: 0 takes the plural */
	assert_string_equal(ngettext(" (%d error", " (%d errors", 0), " (%d errores");
	assert_string_equal(ngettext(" (%d error", " (%d errors", 1), " (%d error");

	assert_int_equal(i18n_set_language("en"), 0);
	assert_string_equal(_("warning"), "warning");
	assert_string_equal(C_("month", "May"), "May");

	/* a bad name changes nothing */
	assert_int_equal(i18n_set_language("fr"), 0);
	assert_int_equal(i18n_set_language("../x"), -1);
	assert_string_equal(i18n_language(), "fr");
	assert_string_equal(_("warning"), "avertissement");

	/* a language without a catalog shows the English */
	assert_int_equal(i18n_set_language("de"), 0);
	assert_string_equal(_("warning"), "warning");
	i18n_set_language("en");
}

/* i18n_use reads the environment the way the player starts */
static void
test_use(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C");
	i18n_init(LOCALEDIR);
	unsetenv("LANGUAGE");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "fr_FR.UTF-8", 1);
	assert_string_equal(i18n_use(NULL, NULL, NULL), "fr");
	assert_string_equal(_("warning"), "avertissement");
	assert_string_equal(i18n_use(NULL, "es", NULL), "es");
	assert_string_equal(_("warning"), "advertencia");
	/* i18n_use set LANGUAGE itself: the next choice must still follow the
	 * locale, not the language it set before */
	assert_string_equal(i18n_use(NULL, NULL, NULL), "fr");
	assert_string_equal(i18n_use(NULL, "ar", "xx"), "fr");
	assert_string_equal(i18n_use(NULL, "en", "fr"), "en");
	assert_string_equal(_("warning"), "warning");
	/* the learner's own choice in the player wins, even over an English
	 * module (studying in a second language, buttons in one's own) */
	assert_string_equal(i18n_use("es", "en", "fr"), "es");
	assert_string_equal(_("warning"), "advertencia");
	assert_string_equal(i18n_use("en", NULL, NULL), "en");
	/* a choice with no catalog (or empty) falls back to the usual rules */
	assert_string_equal(i18n_use("xx", NULL, NULL), "fr");
	assert_string_equal(i18n_use("", NULL, NULL), "fr");
	unsetenv("LANG");
	assert_string_equal(i18n_use(NULL, NULL, NULL), "en");
}

static time_t
day(int y, int m, int d)
{
	struct tm tm = { 0 };

	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

static void
test_formats(void **state)
{
	char b[64];

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	setlocale(LC_ALL, "C");
	i18n_init(LOCALEDIR);

	i18n_set_language("en");
	assert_string_equal(i18n_format_date(day(2026, 11, 28), b, sizeof b), "November 28, 2026");
	assert_string_equal(i18n_format_date(day(2026, 5, 1), b, sizeof b), "May 1, 2026");
	assert_string_equal(i18n_format_percent(85, b, sizeof b), "85%");
	assert_string_equal(i18n_format_decimal(3.5, 1, b, sizeof b), "3.5");
	assert_string_equal(i18n_format_decimal(-0.04, 1, b, sizeof b), "0.0");
	assert_string_equal(i18n_format_decimal(-2.25, 2, b, sizeof b), "-2.25");
	assert_string_equal(i18n_format_decimal(12345.678, 2, b, sizeof b), "12,345.68");
	assert_string_equal(i18n_format_decimal(7, 0, b, sizeof b), "7");
	assert_string_equal(i18n_format_int(1234, b, sizeof b), "1234");
	assert_string_equal(i18n_format_int(12500, b, sizeof b), "12,500");
	assert_string_equal(i18n_format_int(-1234567, b, sizeof b), "-1,234,567");
	assert_string_equal(i18n_format_int(0, b, sizeof b), "0");

	i18n_set_language("fr");
	assert_string_equal(i18n_format_date(day(2026, 11, 28), b, sizeof b), "28 novembre 2026");
	assert_string_equal(i18n_format_date(day(2026, 8, 1), b, sizeof b), "1er août 2026");
	assert_string_equal(i18n_format_percent(85, b, sizeof b), "85" NNBSP "%");
	assert_string_equal(i18n_format_decimal(3.5, 1, b, sizeof b), "3,5");
	assert_string_equal(i18n_format_int(12500, b, sizeof b), "12" NNBSP "500");
	assert_string_equal(i18n_format_decimal(12345.678, 2, b, sizeof b), "12" NNBSP "345,68");

	i18n_set_language("es");
	assert_string_equal(i18n_format_date(day(2026, 11, 28), b, sizeof b), "28 de noviembre de 2026");
	assert_string_equal(i18n_format_date(day(2026, 2, 1), b, sizeof b), "1 de febrero de 2026");
	assert_string_equal(i18n_format_percent(85, b, sizeof b), "85\xc2\xa0%");
	assert_string_equal(i18n_format_decimal(3.5, 1, b, sizeof b), "3,5");
	assert_string_equal(i18n_format_int(12500, b, sizeof b), "12.500");
	assert_string_equal(i18n_format_int(1234, b, sizeof b), "1234");

	/* truncation keeps a terminated string */
	assert_string_equal(i18n_format_date(day(2026, 11, 28), b, 6), "28 de");
	i18n_set_language("en");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_choose_module_first),
		cmocka_unit_test(test_choose_fallbacks),
		cmocka_unit_test(test_choose_environment),
		cmocka_unit_test(test_catalog_exists),
		cmocka_unit_test(test_switch_language),
		cmocka_unit_test(test_use),
		cmocka_unit_test(test_formats),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
