/* kiosk_rules.c: see kiosk_rules.h. Plain functions of their arguments;
 * the only outside state read is the directory tree kr_export_dirs lists. */
#include "kiosk_rules.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/clean.h"
#include "base/i18n.h"
#include "base/util.h"

const char *
kr_name_tidy(char *name)
{
	char *r = name, *w = name;
	int space = 0;

	for (; *r; r++) {
		unsigned char c = (unsigned char)*r;

		if (c < ' ' || c == 0x7f)
			return _("a name cannot contain control characters");
		if (c == ' ') {
			space = w > name;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
	if (!name[0])
		return _("type a name first");
	if (strlen(name) > KR_NAME_MAX)
		return _("this name is too long");
	return clean_name_problem(name, KR_NAME_MAX);
}

int
kr_name_same(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
	return *a == *b;
}

long
kr_idle_left(double idle_minutes, unsigned long last_input_ms, unsigned long now_ms)
{
	double limit = idle_minutes * 60000.0;
	double idle;

	if (idle_minutes <= 0)
		return -1;
	/* a clock that went backwards counts as fresh input */
	idle = now_ms >= last_input_ms ? (double)(now_ms - last_input_ms) : 0;
	return idle >= limit ? 0 : (long)(limit - idle + 0.999);
}

long
kr_idle_warn_ms(double idle_minutes)
{
	long half = (long)(idle_minutes * 60000.0 / 2);

	if (idle_minutes <= 0)
		return 0;
	return half < KR_IDLE_WARN_MS ? half : KR_IDLE_WARN_MS;
}

int
kr_idle_state(double idle_minutes, unsigned long last_input_ms, unsigned long now_ms,
              long *ms)
{
	long left = kr_idle_left(idle_minutes, last_input_ms, now_ms);
	long warn = kr_idle_warn_ms(idle_minutes);

	*ms = left;
	if (left < 0)
		return KR_IDLE_NEVER;
	if (left == 0)
		return KR_IDLE_LOGOUT;
	if (left <= warn)
		return KR_IDLE_WARN;
	*ms = left - warn;
	return KR_IDLE_ACTIVE;
}

int
kr_config_exposed(unsigned mode)
{
	/* group or others may read the hash (and try every short PIN
	 * against it) or write their own */
	return (mode & 066) != 0;
}

/* ---------------------------------------------------------------- keyboard */

/* the keyboards, as data. Each language's letters where its learners
 * expect them (AZERTY in French), then the accented letters of its names. */
static const struct {
	const char *lang;
	const char *rows[7];
} keyboards[] = {
	{ "en", { "1 2 3 4 5 6 7 8 9 0", "q w e r t y u i o p", "a s d f g h j k l '",
	          "z x c v b n m - .", NULL } },
	{ "fr", { "1 2 3 4 5 6 7 8 9 0", "a z e r t y u i o p", "q s d f g h j k l m",
	          "w x c v b n ' - .", "é è ê ë à â ç î ï ô ù û", NULL } },
	{ "es", { "1 2 3 4 5 6 7 8 9 0", "q w e r t y u i o p", "a s d f g h j k l ñ",
	          "z x c v b n m ' - .", "á é í ó ú ü ç", NULL } },
	{ "pt", { "1 2 3 4 5 6 7 8 9 0", "q w e r t y u i o p", "a s d f g h j k l ç",
	          "z x c v b n m ' - .", "á à â ã é ê í ó ô õ ú", NULL } },
	{ "ar", { "ض ص ث ق ف غ ع ه خ ح ج", "ش س ي ب ل ا ت ن م ك ط",
	          "ئ ء ؤ ر ى ة و ز ظ د ذ", "أ إ آ - .", NULL } },
};

/* the keyboards entry for lang, or -1 */
static int
keyboard_index(const char *lang)
{
	size_t i;

	if (!lang)
		return -1;
	for (i = 0; i < sizeof keyboards / sizeof keyboards[0]; i++)
		if (strncmp(lang, keyboards[i].lang, 2) == 0 &&
		    (lang[2] == '\0' || lang[2] == '_' || lang[2] == '-' || lang[2] == '.' ||
		     lang[2] == '@'))
			return (int)i;
	return -1;
}

int
kr_keyboard_has_latin(const char *lang)
{
	int i = keyboard_index(lang);

	return i >= 0 && strcmp(keyboards[i].lang, "ar") == 0;
}

const char *const *
kr_keyboard(const char *lang, int latin)
{
	int i = keyboard_index(lang);

	if (i < 0 || (latin && kr_keyboard_has_latin(lang)))
		i = 0;
	return keyboards[i].rows;
}

void
kr_key_upper(const char *key, char *out, size_t size)
{
	const unsigned char *k = (const unsigned char *)key;

	snprintf(out, size, "%s", key);
	if (size < 3)
		return;
	if (k[0] >= 'a' && k[0] <= 'z' && !k[1]) {
		out[0] = (char)(k[0] - 'a' + 'A');
	} else if (k[0] == 0xC3 && k[1] >= 0xA0 && k[1] <= 0xBE && k[1] != 0xB7 && !k[2]) {
		/* U+00E0..U+00FE, less the division sign: capitals 0x20 below */
		out[1] = (char)(k[1] - 0x20);
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* add the subdirectories of dir (sorted) to out; skip the one named skip */
static int
add_subdirs(const char *dir, const char *skip, char **out, int n, int max)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *found[64];
	int nf = 0, i;
	struct stat sb;

	if (!d)
		return n;
	while ((e = readdir(d)) && nf < (int)LT_NELEM(found)) {
		char *p;

		if (e->d_name[0] == '.' || (skip && strcmp(e->d_name, skip) == 0))
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		if (stat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			found[nf++] = p;
		else
			free(p);
	}
	closedir(d);
	qsort(found, (size_t)nf, sizeof *found, cmp_str);
	for (i = 0; i < nf; i++) {
		if (n < max)
			out[n++] = found[i];
		else
			free(found[i]);
	}
	return n;
}

int
kr_export_dirs(const char *root, const char *user, const char *home, char **out,
               int max)
{
	char *dir;
	int n = 0;
	struct stat sb;

	if (user && user[0] && !strchr(user, '/')) {
		dir = xasprintf("%s/media/%s", root, user);
		n = add_subdirs(dir, NULL, out, n, max);
		free(dir);
		dir = xasprintf("%s/run/media/%s", root, user);
		n = add_subdirs(dir, NULL, out, n, max);
		free(dir);
	}
	dir = xasprintf("%s/media", root);
	n = add_subdirs(dir, user, out, n, max);
	free(dir);
	if (home && home[0] && n < max && stat(home, &sb) == 0 && S_ISDIR(sb.st_mode))
		out[n++] = xstrdup(home);
	return n;
}

void
kr_export_name(time_t t, char *buf, size_t size)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(buf, size, "lectern-progress-%04d%02d%02d-%02d%02d%02d",
	         tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
	         tm.tm_sec);
}
