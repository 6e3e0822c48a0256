/* i18n.h: gettext wrappers, the choice of the UI language, and numbers and
 * dates in the conventions of that language.
 *
 * Every string shown to a person goes through _() (or N_() where it must be
 * translated later, C_() when the same English word needs a context,
 * ngettext for plurals). The text domain is "lectern"; catalogs are
 * LOCALEDIR/LL/LC_MESSAGES/lectern.mo, built from po/LL.po by `make`.
 *
 * Language names here are gettext's ("fr", "pt_BR"); module and config
 * files give BCP 47 tags ("fr", "pt-BR"), converted on the way in. English
 * is the language of the sources, so it never needs a catalog. */
#ifndef LT_I18N_H
#define LT_I18N_H

#include <libintl.h>
#include <stddef.h>
#include <time.h>

#define LT_DOMAIN "lectern"

#define _(s) gettext(s)
#define N_(s) (s)
/* a message with a context, for short words that need one ("May" the
 * month); xgettext keyword C_:1c,2. The "\004" joins them as msgfmt does. */
#define C_(ctx, s) i18n_pgettext(ctx "\004" s, s)

const char *i18n_pgettext(const char *ctx_msgid, const char *msgid);

/* ------------------------------------------------------------ set-up */
/* bind the "lectern" domain (UTF-8 output) to localedir, or when it is
 * NULL to build/locale beside the program when it runs from the source
 * tree, else LT_LOCALEDIR. Call once, after setlocale(LC_ALL, "").
 * Returns the directory used. */
const char *i18n_init(const char *localedir);
/* directory catalogs are looked up in (valid after i18n_init). */
const char *i18n_localedir(void);

/* ------------------------------------------------------------ language */
/* where a choice of language came from (i18n_choose's return value). */
enum { I18N_FROM_DEFAULT, I18N_FROM_MODULE, I18N_FROM_CONFIG, I18N_FROM_SYSTEM,
       I18N_FROM_LEARNER };

typedef struct {
	const char *learner;     /* the learner's own choice in the player, or NULL */
	const char *module;      /* the module's `language:` (BCP 47) or NULL */
	const char *config;      /* the config's `language:` or NULL */
	const char *language;    /* $LANGUAGE, e.g. "fr:en", or NULL */
	const char *lc_all;      /* $LC_ALL, e.g. "fr_FR.UTF-8", or NULL */
	const char *lc_messages; /* $LC_MESSAGES or NULL */
	const char *lang;        /* $LANG or NULL */
} i18n_prefs;

/* 1 when a catalog for lang (a gettext name such as "fr") can be used. */
typedef int (*i18n_has_fn)(void *ud, const char *lang);

/* fill the four environment fields of p from the environment (module and
 * config are left as they are). */
void i18n_prefs_from_env(i18n_prefs *p);
/* choose the UI language: the learner's own choice, else the module's when
 * a catalog exists for it, else
 * the config's, else the system locale's (LANGUAGE, in order, unless the
 * locale is C/POSIX; then LC_ALL, LC_MESSAGES, LANG), else "en". A
 * candidate is taken when it is English or has(ud, name) says yes, trying
 * "pt_BR" before "pt". Writes the gettext name to out and returns the
 * I18N_FROM_* it came from. Pure: reads nothing but its arguments. */
int i18n_choose(const i18n_prefs *p, i18n_has_fn has, void *ud, char *out,
                size_t size);
/* i18n_has_fn that looks for LL/LC_MESSAGES/lectern.mo in the directory
 * ud (a const char *; NULL: i18n_localedir()). */
int i18n_catalog_exists(void *ud, const char *lang);
/* convert a BCP 47 tag or POSIX locale name ("pt-BR", "fr_FR.UTF-8@euro")
 * to a gettext language name ("pt_BR", "fr_FR@euro"). Returns 0, or -1
 * (out set to "") when the name is not a language: "C", "POSIX", empty,
 * or characters that have no place in a path. */
int i18n_normalize(const char *tag, char *out, size_t size);

/* switch the UI language at run time (a gettext name; "en" for the
 * sources' English): following messages come from its catalog. Works when
 * the system lacks the matching locale. Returns 0, or -1 when lang is not
 * a valid name (the language is then unchanged). */
int i18n_set_language(const char *lang);
/* the language last set ("en" before any), a gettext name. */
const char *i18n_language(void);
/* choose the language for a module (NULL: the catalog screen) from the
 * learner's choice (NULL or "": none), the config's language and the
 * environment, and switch to it. Returns the language now in use. */
const char *i18n_use(const char *learner_lang, const char *module_lang,
                     const char *config_lang);

/* ------------------------------------------------------------ formats */
/* each writes a NUL-terminated string in the UI language's conventions,
 * truncated to size, and returns buf. */

/* a calendar date in local time: "November 28, 2026", "28 novembre 2026". */
char *i18n_format_date(time_t t, char *buf, size_t size);
/* an integer, digits grouped from 10 000 on: "12,500", "12 500". */
char *i18n_format_int(long v, char *buf, size_t size);
/* a number with this many decimals (0..9): "3.5", "3,5". */
char *i18n_format_decimal(double v, int decimals, char *buf, size_t size);
/* a whole percentage: "85%", "85 %" (no-break space in French). */
char *i18n_format_percent(int pct, char *buf, size_t size);

#endif
