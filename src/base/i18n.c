/* i18n.c: gettext set-up, the UI language, and learner-facing formats.
 *
 * gettext picks a catalog from $LANGUAGE, but only when the LC_MESSAGES
 * locale is not "C". A machine that lacks the learner's locale (no
 * fr_FR.UTF-8 generated) leaves setlocale() at "C", so switching the
 * language sets LC_MESSAGES to C.UTF-8 (always present in glibc), sets
 * LANGUAGE and calls textdomain() again: that bumps gettext's catalog
 * counter, so messages already looked up are looked up again. Output is
 * UTF-8 whatever LC_CTYPE says (bind_textdomain_codeset).
 *
 * Dates and numbers do not come from the C library's locale either, for
 * the same reason: month names, the date pattern and the separators are
 * messages in the catalog, so a translation brings its formats along. */
#include "i18n.h"

#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#ifndef LT_LOCALEDIR
#define LT_LOCALEDIR "/usr/local/share/locale"
#endif

enum { NAME_MAX_LEN = 64 };

static char localedir[4096] = LT_LOCALEDIR;
static char current[NAME_MAX_LEN] = "en";
/* $LANGUAGE as the user set it, saved before the first switch overwrites
 * it, so later choices still follow the user and not an earlier switch. */
static char *user_language;
static int user_language_saved;

const char *
i18n_pgettext(const char *ctx_msgid, const char *msgid)
{
	const char *t = gettext(ctx_msgid);

	/* an untranslated message comes back as the pointer passed in, which
	 * still carries its context: return the bare English instead. */
	return t == ctx_msgid ? msgid : t;
}

/* ------------------------------------------------------------ set-up */

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* build/locale beside the running program, when the program is the one
 * built in a source tree (its parent holds po/): `make` then `./build/lectern`
 * works without installing. Returns 1 and fills dir when so. */
static int
source_tree_localedir(char *dir, size_t size)
{
	char exe[4096], path[4096 + 16];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n <= 0)
		return 0;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return 0;
	*slash = '\0';
	snprintf(path, sizeof path, "%s/../po", exe);
	if (!is_dir(path))
		return 0;
	snprintf(path, sizeof path, "%s/locale", exe);
	if (!is_dir(path) || strlen(path) >= size)
		return 0;
	snprintf(dir, size, "%s", path);
	return 1;
}

const char *
i18n_init(const char *dir)
{
	if (dir)
		snprintf(localedir, sizeof localedir, "%s", dir);
	else if (!source_tree_localedir(localedir, sizeof localedir))
		snprintf(localedir, sizeof localedir, "%s", LT_LOCALEDIR);
	bindtextdomain(LT_DOMAIN, localedir);
	bind_textdomain_codeset(LT_DOMAIN, "UTF-8");
	textdomain(LT_DOMAIN);
	return localedir;
}

const char *
i18n_localedir(void)
{
	return localedir;
}

/* ------------------------------------------------------------ language */

int
i18n_normalize(const char *tag, char *out, size_t size)
{
	char lang[4] = "", region[4] = "", mod[32] = "";
	const char *p = tag, *at;
	size_t n, i;

	if (size)
		out[0] = '\0';
	if (!tag || strlen(tag) >= NAME_MAX_LEN)
		return -1;
	for (i = 0; tag[i]; i++)
		if (!isalnum((unsigned char)tag[i]) && !strchr("-_.@", tag[i]))
			return -1; /* nothing that could walk out of a path */
	at = strchr(tag, '@');
	if (at) {
		n = strlen(at + 1);
		if (n == 0 || n >= sizeof mod || strchr(at + 1, '.'))
			return -1;
		memcpy(mod, at + 1, n + 1);
	}
	/* language: 2 or 3 letters ("C" and "POSIX" are not languages) */
	for (n = 0; isalpha((unsigned char)p[n]); n++)
		;
	if (n < 2 || n > 3)
		return -1;
	for (i = 0; i < n; i++)
		lang[i] = (char)tolower((unsigned char)p[i]);
	lang[n] = '\0';
	p += n;
	/* then -Script, -REGION, variants...: keep the region only; a '.'
	 * starts the POSIX codeset and '@' the modifier. */
	while (*p == '-' || *p == '_') {
		p++;
		for (n = 0; isalnum((unsigned char)p[n]); n++)
			;
		if (n == 2 && isalpha((unsigned char)p[0]) && isalpha((unsigned char)p[1])) {
			region[0] = (char)toupper((unsigned char)p[0]);
			region[1] = (char)toupper((unsigned char)p[1]);
			region[2] = '\0';
		} else if (n == 3 && isdigit((unsigned char)p[0])) {
			memcpy(region, p, 3);
			region[3] = '\0';
		} else if (n == 1) {
			break; /* extension or private use: nothing we use */
		}
		p += n;
	}
	n = (size_t)snprintf(out, size, "%s%s%s%s%s", lang, region[0] ? "_" : "",
	                     region, mod[0] ? "@" : "", mod);
	if (n >= size) {
		if (size)
			out[0] = '\0';
		return -1;
	}
	return 0;
}

/* 1 and out set when the tag names English or a language with a catalog,
 * trying the full name, then without modifier, then without region. */
static int
accept(const char *tag, i18n_has_fn has, void *ud, char *out, size_t size)
{
	char name[NAME_MAX_LEN], try[NAME_MAX_LEN];
	char *at, *us;

	if (i18n_normalize(tag, name, sizeof name) < 0)
		return 0;
	if (strncmp(name, "en", 2) == 0 && (name[2] == '\0' || name[2] == '_' || name[2] == '@')) {
		snprintf(out, size, "en");
		return 1;
	}
	snprintf(try, sizeof try, "%s", name);
	for (;;) {
		if (has && has(ud, try)) {
			snprintf(out, size, "%s", try);
			return 1;
		}
		if ((at = strchr(try, '@')))
			*at = '\0';
		else if ((us = strchr(try, '_')))
			*us = '\0';
		else
			return 0;
	}
}

static const char *
nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

int
i18n_choose(const i18n_prefs *p, i18n_has_fn has, void *ud, char *out,
            size_t size)
{
	const char *base, *s, *colon;
	char one[NAME_MAX_LEN], probe[NAME_MAX_LEN];
	size_t n;

	/* a learner who chose a language in the player gets it everywhere,
	 * also in a module written in another (a second language) */
	if (accept(p->learner, has, ud, out, size))
		return I18N_FROM_LEARNER;
	if (accept(p->module, has, ud, out, size))
		return I18N_FROM_MODULE;
	if (accept(p->config, has, ud, out, size))
		return I18N_FROM_CONFIG;
	/* the locale category, as setlocale(LC_MESSAGES, "") finds it */
	base = nonempty(p->lc_all);
	if (!base)
		base = nonempty(p->lc_messages);
	if (!base)
		base = nonempty(p->lang);
	/* gettext ignores LANGUAGE when the locale is "C" or "POSIX" (also
	 * when nothing is set: that is "C"), but not in C.UTF-8, the only
	 * locale many machines have: there LANGUAGE=fr means French */
	if (base && strcmp(base, "C") != 0 && strcmp(base, "POSIX") != 0) {
		for (s = nonempty(p->language); s && *s; s = colon ? colon + 1 : NULL) {
			colon = strchr(s, ':');
			n = colon ? (size_t)(colon - s) : strlen(s);
			if (n == 0 || n >= sizeof one)
				continue;
			memcpy(one, s, n);
			one[n] = '\0';
			if (accept(one, has, ud, out, size))
				return I18N_FROM_SYSTEM;
		}
		if (i18n_normalize(base, probe, sizeof probe) == 0 &&
		    accept(base, has, ud, out, size))
			return I18N_FROM_SYSTEM;
	}
	snprintf(out, size, "en");
	return I18N_FROM_DEFAULT;
}

void
i18n_prefs_from_env(i18n_prefs *p)
{
	p->language = user_language_saved ? user_language : getenv("LANGUAGE");
	p->lc_all = getenv("LC_ALL");
	p->lc_messages = getenv("LC_MESSAGES");
	p->lang = getenv("LANG");
}

int
i18n_catalog_exists(void *ud, const char *lang)
{
	const char *dir = ud ? (const char *)ud : localedir;
	char name[NAME_MAX_LEN], path[4096 + 128];
	struct stat st;

	if (i18n_normalize(lang, name, sizeof name) < 0)
		return 0;
	snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir, name, LT_DOMAIN);
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int
i18n_set_language(const char *lang)
{
	char name[NAME_MAX_LEN];
	const char *msg;

	if (i18n_normalize(lang, name, sizeof name) < 0)
		return -1;
	msg = setlocale(LC_MESSAGES, NULL);
	if (strcmp(name, "en") != 0 && (!msg || strcmp(msg, "C") == 0 || strcmp(msg, "POSIX") == 0)) {
		/* gettext ignores LANGUAGE in the "C" locale; C.UTF-8 is not
		 * "C" to it and exists on every glibc since 2.35 (Debian has
		 * shipped it for longer). */
		if (!setlocale(LC_MESSAGES, "C.UTF-8") && !setlocale(LC_MESSAGES, "C.utf8"))
			setlocale(LC_MESSAGES, "en_US.UTF-8");
	}
	if (!user_language_saved) {
		const char *u = getenv("LANGUAGE");

		user_language = u ? xstrdup(u) : NULL;
		user_language_saved = 1;
	}
	if (setenv("LANGUAGE", name, 1) != 0)
		return -1;
	snprintf(current, sizeof current, "%s", name);
	textdomain(LT_DOMAIN); /* makes gettext forget what it looked up */
	return 0;
}

const char *
i18n_language(void)
{
	return current;
}

const char *
i18n_use(const char *learner_lang, const char *module_lang, const char *config_lang)
{
	i18n_prefs p;
	char name[NAME_MAX_LEN];

	p.learner = learner_lang && *learner_lang ? learner_lang : NULL;
	p.module = module_lang;
	p.config = config_lang;
	i18n_prefs_from_env(&p);
	i18n_choose(&p, i18n_catalog_exists, NULL, name, sizeof name);
	if (i18n_set_language(name) < 0)
		i18n_set_language("en");
	return current;
}

/* ------------------------------------------------------------ formats */

static const char *
month_name(int m)
{
	switch (m) {
	case 0: return C_("month", "January");
	case 1: return C_("month", "February");
	case 2: return C_("month", "March");
	case 3: return C_("month", "April");
	case 4: return C_("month", "May");
	case 5: return C_("month", "June");
	case 6: return C_("month", "July");
	case 7: return C_("month", "August");
	case 8: return C_("month", "September");
	case 9: return C_("month", "October");
	case 10: return C_("month", "November");
	default: return C_("month", "December");
	}
}

char *
i18n_format_date(time_t t, char *buf, size_t size)
{
	struct tm tm;
	const char *pat;
	char num[32], one[2] = "";
	size_t len = 0;

	if (!size)
		return buf;
	buf[0] = '\0';
	if (!localtime_r(&t, &tm))
		return buf;
	/* TRANSLATORS: the pattern of a date shown to learners: %B is the
	 * month's name, %d the day, %Y the year; no other codes are known.
	 * For example "%d %B %Y" gives "28 November 2026". */
	/* xgettext:no-c-format */
	pat = _("%B %d, %Y");
	for (; *pat; pat++) {
		if (*pat == '%' && (pat[1] == 'B' || pat[1] == 'd' || pat[1] == 'Y')) {
			pat++;
			if (*pat == 'B') {
				str_append(buf, size, &len, month_name(tm.tm_mon));
			} else if (*pat == 'd' && tm.tm_mday == 1) {
				/* TRANSLATORS: the first day of the month in a date,
				 * for languages that write it as an ordinal ("1er"). */
				str_append(buf, size, &len, C_("day of the month", "1"));
			} else {
				snprintf(num, sizeof num, "%d",
				         *pat == 'd' ? tm.tm_mday : tm.tm_year + 1900);
				str_append(buf, size, &len, num);
			}
		} else {
			one[0] = *pat;
			str_append(buf, size, &len, one);
		}
	}
	return buf;
}

/* digits of v (>= 0), grouped in threes from 10 000 on. */
static void
put_grouped(char *buf, size_t size, size_t *len, unsigned long long v)
{
	char digits[32], one[2] = "";
	const char *sep;
	int n, i;

	n = snprintf(digits, sizeof digits, "%llu", v);
	/* TRANSLATORS: put between groups of three digits in numbers of five
	 * digits or more (12,500); French uses a narrow no-break space. */
	sep = C_("number", ",");
	for (i = 0; i < n; i++) {
		if (i > 0 && n > 4 && (n - i) % 3 == 0)
			str_append(buf, size, len, sep);
		one[0] = digits[i];
		str_append(buf, size, len, one);
	}
}

char *
i18n_format_int(long v, char *buf, size_t size)
{
	size_t len = 0;

	if (!size)
		return buf;
	buf[0] = '\0';
	if (v < 0)
		str_append(buf, size, &len, "-");
	put_grouped(buf, size, &len, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v);
	return buf;
}

char *
i18n_format_decimal(double v, int decimals, char *buf, size_t size)
{
	unsigned long long scale = 1, n;
	char frac[32];
	size_t len = 0;
	int i;

	if (!size)
		return buf;
	buf[0] = '\0';
	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	for (i = 0; i < decimals; i++)
		scale *= 10;
	if (!isfinite(v) || fabs(v) * (double)scale >= 1e18) {
		snprintf(buf, size, "%g", v); /* nothing a learner is shown */
		return buf;
	}
	n = (unsigned long long)llround(fabs(v) * (double)scale);
	if (v < 0 && n != 0)
		str_append(buf, size, &len, "-");
	put_grouped(buf, size, &len, n / scale);
	if (decimals > 0) {
		/* TRANSLATORS: the decimal separator in numbers (3.5). */
		str_append(buf, size, &len, C_("number", "."));
		snprintf(frac, sizeof frac, "%0*llu", decimals, n % scale);
		str_append(buf, size, &len, frac);
	}
	return buf;
}

char *
i18n_format_percent(int pct, char *buf, size_t size)
{
	/* TRANSLATORS: a percentage; French puts a narrow no-break space
	 * (U+202F) before the sign. */
	snprintf(buf, size, _("%d%%"), pct);
	return buf;
}
