/* config.c: the settings file.
 *
 * Reading: the file is parsed by yamltree into a tree of positioned nodes,
 * then every key of the top-level map (and of the nested `xapi:` and `lrs:`
 * maps) is
 * looked up in one table that says which field it fills and what kind of
 * value it takes. Each kind has one parser that either stores the value or
 * adds a FILE:LINE:COLUMN diagnostic pointing at the value. The settings are
 * built in a copy and only replace the caller's when the whole file is good,
 * so a half-read file never leaves half-applied settings. An empty value
 * (`theme:` or `~`) puts the built-in default back. Writing a key is in
 * config_write.c. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/util.h"
#include "format/yamltree.h"
#include "pin.h"

enum { K_PATH, K_BOOL, K_PIN, K_MINUTES, K_THEME, K_SCALE, K_LANG, K_IRI, K_URL,
       K_TEXT, K_SECRET, K_FILE, K_BATCH, K_PERIOD, K_TIMEOUT, K_KEYS, K_FEED };

typedef struct {
	const char *name;  /* as in the file; "xapi.x" lives in the xapi: map */
	int kind;          /* K_* */
	size_t off;        /* field in cfg_config */
} cfg_key;

static const cfg_key keys[] = {
	{ "modules_dir", K_PATH, offsetof(cfg_config, modules_dir) },
	{ "data_dir", K_PATH, offsetof(cfg_config, data_dir) },
	{ "kiosk", K_BOOL, offsetof(cfg_config, kiosk) },
	{ "touch_only", K_BOOL, offsetof(cfg_config, touch_only) },
	{ "learner_codes", K_BOOL, offsetof(cfg_config, learner_codes) },
	{ "trainer_pin_hash", K_PIN, offsetof(cfg_config, trainer_pin_hash) },
	{ "idle_logout_minutes", K_MINUTES, offsetof(cfg_config, idle_logout_minutes) },
	{ "theme", K_THEME, offsetof(cfg_config, theme) },
	{ "text_scale", K_SCALE, offsetof(cfg_config, text_scale) },
	{ "language", K_LANG, offsetof(cfg_config, language) },
	{ "xapi.home_page", K_IRI, offsetof(cfg_config, xapi_home_page) },
	{ "xapi.base_iri", K_IRI, offsetof(cfg_config, xapi_base_iri) },
	{ "lrs.endpoint", K_URL, offsetof(cfg_config, lrs_endpoint) },
	{ "lrs.username", K_TEXT, offsetof(cfg_config, lrs_username) },
	{ "lrs.password", K_SECRET, offsetof(cfg_config, lrs_password) },
	{ "lrs.password_file", K_FILE, offsetof(cfg_config, lrs_password_file) },
	{ "lrs.ca_file", K_FILE, offsetof(cfg_config, lrs_ca_file) },
	{ "lrs.batch", K_BATCH, offsetof(cfg_config, lrs_batch) },
	{ "lrs.insecure_http", K_BOOL, offsetof(cfg_config, lrs_insecure_http) },
	{ "lrs.interval_minutes", K_PERIOD, offsetof(cfg_config, lrs_interval_minutes) },
	{ "lrs.timeout_seconds", K_TIMEOUT, offsetof(cfg_config, lrs_timeout_seconds) },
	{ "trusted_keys", K_KEYS, offsetof(cfg_config, trusted_keys) },
	{ "feed", K_FEED, offsetof(cfg_config, feed) },
	{ "feed_ca_file", K_PATH, offsetof(cfg_config, feed_ca_file) },
};

static const char *const top_names[] = {
	"modules_dir", "data_dir", "kiosk", "touch_only", "learner_codes", "trainer_pin_hash",
	"idle_logout_minutes", "theme", "text_scale", "language", "xapi", "lrs",
	"trusted_keys", "feed", "feed_ca_file", NULL
};
static const char *const xapi_names[] = { "home_page", "base_iri", NULL };
static const char *const lrs_names[] = {
	"endpoint", "username", "password", "password_file", "ca_file", "batch",
	"insecure_http", "interval_minutes", "timeout_seconds", NULL
};

/* the nested maps: their keys are "name.key" in keys[] */
static const struct {
	const char *name;
	const char *prefix;
	const char *const *names;
} sections[] = {
	{ "xapi", "xapi.", xapi_names },
	{ "lrs", "lrs.", lrs_names },
};
static const char *const themes[] = { "light", "dark", "high-contrast", NULL };

/* ---------------------------------------------------------------- paths */

void
cfg_defaults(cfg_config *c)
{
	memset(c, 0, sizeof *c);
	c->idle_logout_minutes = CFG_IDLE_DEFAULT;
	c->text_scale = 1.0;
	c->lrs_batch = CFG_BATCH_DEFAULT;
	c->lrs_interval_minutes = CFG_INTERVAL_DEFAULT;
	c->lrs_timeout_seconds = CFG_TIMEOUT_DEFAULT;
}

char *
cfg_user_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	/* the XDG spec says a relative $XDG_CONFIG_HOME is to be ignored */
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/lectern/config.yaml", xdg);
	if (home && home[0])
		return xasprintf("%s/.config/lectern/config.yaml", home);
	return NULL;
}

char *
cfg_default_path(void)
{
	char *user = cfg_user_path();

	if (user && access(user, F_OK) == 0)
		return user;
	free(user);
	return xstrdup("/etc/lectern/config.yaml");
}

/* ---------------------------------------------------------------- did you mean */

/* edit distance, with case and '-'/'_' not counting as differences */
static int
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	int row[64], prev, tmp, best;

	if (la >= LT_NELEM(row) || lb >= LT_NELEM(row))
		return INT_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (int)i;
		for (j = 1; j <= lb; j++) {
			int ca = tolower((unsigned char)a[i - 1]);
			int cb = tolower((unsigned char)b[j - 1]);

			ca = ca == '-' ? '_' : ca;
			cb = cb == '-' ? '_' : cb;
			best = prev + (ca != cb);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			tmp = row[j];
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

const char *
cfg_closest(const char *word, const char *const *names)
{
	const char *const *first = names;
	const char *best = NULL;
	int bestd = INT_MAX, limit, d;
	size_t len = strlen(word);

	/* short words get fewer edits, or everything would match "kiosk" */
	limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
	for (; *names; names++) {
		d = distance(word, *names);
		if (d < bestd) {
			bestd = d;
			best = *names;
		}
	}
	if (best && bestd <= limit)
		return best;
	/* a name cut short ("idle_logout") is a clear enough hint too */
	for (names = first; len >= 4 && *names; names++)
		if (strncasecmp(*names, word, len) == 0)
			return *names;
	return NULL;
}

/* ---------------------------------------------------------------- values */

typedef struct {
	const char *file;  /* for diagnostics */
	diag_list *dl;
	int errors;
	int private_file;  /* the file is readable by its owner only (or not a file) */
} cfg_ctx;

static void bad(cfg_ctx *x, const yt_node *n, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

static void
bad(cfg_ctx *x, const yt_node *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(x->dl, DIAG_ERROR, x->file, n->line, n->col, "%s", msg);
	x->errors++;
}

static int
is_null(const yt_node *v)
{
	return v->type == YT_SCALAR && v->plain &&
	       (v->len == 0 || strcmp(v->str, "~") == 0 || strcmp(v->str, "null") == 0 ||
	        strcmp(v->str, "Null") == 0 || strcmp(v->str, "NULL") == 0);
}

static int
parse_number(const char *s, double *out)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(s, &end);
	while (*end == ' ')
		end++;
	if (end == s || *end || errno || !isfinite(d))
		return -1;
	*out = d;
	return 0;
}

/* a crypt(3) hash: "$id$...", in crypt's alphabet */
static int
looks_like_hash(const char *s)
{
	size_t i, n = strlen(s);

	if (n < 8 || s[0] != '$' || !strchr(s + 1, '$'))
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("./$=,-", s[i]))
			return 0;
	return 1;
}

/* an absolute IRI: a scheme, a colon, no spaces */
static int
looks_like_iri(const char *s)
{
	const char *p = s;

	if (!isalpha((unsigned char)*p))
		return 0;
	while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	if (*p != ':' || !p[1])
		return 0;
	for (; *p; p++)
		if ((unsigned char)*p <= ' ')
			return 0;
	return 1;
}

/* "en", "fr", "pt_BR", "ar_EG.UTF-8", "sr@latin" */
static int
looks_like_language(const char *s)
{
	size_t i, n = strlen(s);

	if (n < 2 || n > 32 || !isalpha((unsigned char)s[0]))
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("_-.@", s[i]))
			return 0;
	return 1;
}

/* "~/x" is under $HOME; a relative path is relative to the config file's
 * directory, so a config file can sit next to its modules. */
static char *
resolve_path(const char *file, const char *s)
{
	const char *home = getenv("HOME");
	const char *slash = strrchr(file, '/');

	if (s[0] == '~' && (s[1] == '/' || !s[1]) && home && home[0])
		return xasprintf("%s%s", home, s + 1);
	if (s[0] == '/' || !slash)
		return xstrdup(s);
	return xasprintf("%.*s/%s", (int)(slash - file), file, s);
}

static void
free_keys(char **v)
{
	size_t i;

	for (i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

static char **
dup_keys(char *const *v)
{
	size_t n = 0, i;
	char **d;

	if (!v)
		return NULL;
	while (v[n])
		n++;
	d = xcalloc(n + 1, sizeof *d);
	for (i = 0; i < n; i++)
		d[i] = xstrdup(v[i]);
	return d;
}

/* a minisign public key: base64 of "Ed", an 8-byte id and 32 bytes, so
 * 56 characters starting "RW" (the package layer checks the rest) */
static int
is_pubkey(const char *s)
{
	return strlen(s) == 56 && strncmp(s, "RW", 2) == 0 &&
	       strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	                 "0123456789+/=") == 56;
}

/* trusted_keys: one key, or a list of them */
static void
apply_keys(cfg_ctx *x, cfg_config *c, const yt_node *v)
{
	const yt_node *one[1];
	const yt_node *const *items = (const yt_node *const *)v->kids;
	char **keys;
	int n = v->nkids, i;

	if (v->type == YT_SCALAR) {
		one[0] = v;
		items = one;
		n = 1;
	} else if (v->type != YT_SEQ) {
		bad(x, v, _("`trusted_keys` is a list of public keys, one per `- ` line"));
		return;
	}
	keys = xcalloc((size_t)n + 1, sizeof *keys);
	for (i = 0; i < n; i++) {
		if (items[i]->type != YT_SCALAR || !is_pubkey(items[i]->str)) {
			bad(x, items[i], _("`trusted_keys` holds minisign public keys such as "
			                   "RWQ... (the second line of a .pub file)"));
			free_keys(keys);
			return;
		}
		keys[i] = xstrdup(items[i]->str);
	}
	free_keys(c->trusted_keys);
	c->trusted_keys = n ? keys : NULL;
	if (!n)
		free(keys);
}

static void
reset_field(cfg_config *c, const cfg_key *k)
{
	char **sp = (char **)((char *)c + k->off);
	cfg_config def;

	cfg_defaults(&def);
	switch (k->kind) {
	case K_BOOL:
		*(int *)((char *)c + k->off) = 0;
		break;
	case K_MINUTES:
		c->idle_logout_minutes = def.idle_logout_minutes;
		break;
	case K_SCALE:
		c->text_scale = def.text_scale;
		break;
	case K_BATCH:
		c->lrs_batch = def.lrs_batch;
		break;
	case K_PERIOD:
		c->lrs_interval_minutes = def.lrs_interval_minutes;
		break;
	case K_TIMEOUT:
		c->lrs_timeout_seconds = def.lrs_timeout_seconds;
		break;
	case K_KEYS:
		free_keys(c->trusted_keys);
		c->trusted_keys = NULL;
		break;
	default:
		free(*sp);
		*sp = NULL;
	}
}

static void
set_string(cfg_config *c, const cfg_key *k, char *s)
{
	char **sp = (char **)((char *)c + k->off);

	free(*sp);
	*sp = s;
}

/* the LRS endpoint: an http(s) URL without user:password@ (credentials
 * have their own keys, and a URL gets printed). Stored ending in '/' so
 * "statements" and "about" can be appended. Whether plain http is allowed
 * depends on the host and on insecure_http, which the sync decides. */
static void
apply_url(cfg_ctx *x, cfg_config *c, const cfg_key *k, const yt_node *v)
{
	const char *s = v->str, *host;
	size_t n = strlen(s), hostlen;

	if (!strncasecmp(s, "https://", 8))
		host = s + 8;
	else if (!strncasecmp(s, "http://", 7))
		host = s + 7;
	else {
		bad(x, v, _("`%s` must be an https:// address such as "
		            "https://lrs.example.org/xAPI/"), k->name);
		return;
	}
	hostlen = strcspn(host, "/?#");
	if (hostlen == 0 || memchr(host, '@', hostlen) || strpbrk(s, " \t\r\n")) {
		bad(x, v, _("`%s` must be an address such as https://lrs.example.org/xAPI/ "
		            "(the user name and password go in `username:` and "
		            "`password_file:`)"), k->name);
		return;
	}
	set_string(c, k, s[n - 1] == '/' ? xstrdup(s) : xasprintf("%s/", s));
}

/* store the value of key k from node v in c, or report why not */
static void
apply(cfg_ctx *x, cfg_config *c, const cfg_key *k, const yt_node *v)
{
	const char *s = v->str;
	const char *hint;
	double d;

	if (k->kind == K_KEYS && !is_null(v)) {
		apply_keys(x, c, v);
		return;
	}
	if (v->type != YT_SCALAR) {
		bad(x, v, _("`%s` takes a single value, not a %s"), k->name,
		    v->type == YT_SEQ ? _("list") : _("map"));
		return;
	}
	if (is_null(v)) {
		reset_field(c, k);
		return;
	}
	switch (k->kind) {
	case K_PATH:
		if (!s[0])
			bad(x, v, _("`%s` must name a directory"), k->name);
		else
			set_string(c, k, resolve_path(x->file, s));
		break;
	case K_BOOL:
		if (!strcasecmp(s, "true") || !strcasecmp(s, "yes") || !strcasecmp(s, "on"))
			*(int *)((char *)c + k->off) = 1;
		else if (!strcasecmp(s, "false") || !strcasecmp(s, "no") || !strcasecmp(s, "off"))
			*(int *)((char *)c + k->off) = 0;
		else
			bad(x, v, _("`%s` must be true or false, not \"%s\""), k->name, s);
		break;
	case K_PIN:
		if (!looks_like_hash(s))
			bad(x, v, _("`%s` is not a crypt(3) hash such as $y$...; set the PIN "
			            "with `lectern set-pin`"), k->name);
		else if (pin_hash_problem(s))
			bad(x, v, _("`%s` cannot be used: %s; set the PIN again with "
			            "`lectern set-pin`"), k->name, pin_hash_problem(s));
		else
			set_string(c, k, xstrdup(s));
		break;
	case K_MINUTES:
		if (parse_number(s, &d) < 0 || d < 0 || d > CFG_IDLE_MAX) {
			bad(x, v, _("`idle_logout_minutes` must be a number of minutes from 0 "
			            "(never) to %d, not \"%s\""), (int)CFG_IDLE_MAX, s);
		} else {
			c->idle_logout_minutes = d;
		}
		break;
	case K_THEME: {
		int i, ok = 0;

		for (i = 0; themes[i]; i++)
			ok |= strcmp(s, themes[i]) == 0;
		if (ok) {
			set_string(c, k, xstrdup(s));
		} else if ((hint = cfg_closest(s, themes))) {
			bad(x, v, _("unknown theme \"%s\"; did you mean \"%s\"?"), s, hint);
		} else {
			bad(x, v, _("unknown theme \"%s\" (the themes are light, dark and "
			            "high-contrast)"), s);
		}
		break;
	}
	case K_SCALE:
		if (parse_number(s, &d) < 0 || d < CFG_SCALE_MIN || d > CFG_SCALE_MAX)
			bad(x, v, _("`text_scale` must be a number from 0.6 to 2.5, not \"%s\""), s);
		else
			c->text_scale = d;
		break;
	case K_LANG:
		if (looks_like_language(s))
			set_string(c, k, xstrdup(s));
		else
			bad(x, v, _("`language` must be a language code such as en, fr or "
			            "pt_BR, not \"%s\""), s);
		break;
	case K_IRI:
		if (looks_like_iri(s))
			set_string(c, k, xstrdup(s));
		else
			bad(x, v, _("`%s` must be an absolute IRI such as "
			            "https://example.org/, not \"%s\""), k->name, s);
		break;
	case K_URL:
		apply_url(x, c, k, v);
		break;
	case K_TEXT:
		set_string(c, k, xstrdup(s));
		break;
	case K_SECRET:
		/* the value is never repeated in a message */
		if (!x->private_file)
			bad(x, v, _("`%s` is in a file other users can read: make it private "
			            "(chmod 600 %s) or use `password_file:`"), k->name, x->file);
		else
			set_string(c, k, xstrdup(s));
		break;
	case K_FILE:
		set_string(c, k, resolve_path(x->file, s));
		break;
	case K_BATCH:
		if (parse_number(s, &d) < 0 || d != (int)d || d < 1 || d > CFG_BATCH_MAX)
			bad(x, v, _("`%s` must be a whole number of statements from 1 to %d, "
			            "not \"%s\""), k->name, (int)CFG_BATCH_MAX, s);
		else
			c->lrs_batch = (int)d;
		break;
	case K_PERIOD:
		if (parse_number(s, &d) < 0 || d < 0 || d > CFG_IDLE_MAX)
			bad(x, v, _("`%s` must be a number of minutes from 0 (only after a "
			            "module) to %d, not \"%s\""), k->name, (int)CFG_IDLE_MAX, s);
		else
			c->lrs_interval_minutes = d;
		break;
	case K_TIMEOUT:
		if (parse_number(s, &d) < 0 || d != (int)d || d < 1 || d > CFG_TIMEOUT_MAX)
			bad(x, v, _("`%s` must be a whole number of seconds from 1 to %d, "
			            "not \"%s\""), k->name, (int)CFG_TIMEOUT_MAX, s);
		else
			c->lrs_timeout_seconds = (int)d;
		break;
	case K_FEED:
		/* packages are signed, so plain http cannot slip a module in;
		 * https still hides which modules a post fetches */
		if ((!strncmp(s, "https://", 8) && s[8]) || (!strncmp(s, "http://", 7) && s[7]))
			set_string(c, k, xstrdup(s));
		else
			bad(x, v, _("`%s` must be an https:// or http:// address, not \"%s\""),
			    k->name, s);
		break;
	case K_KEYS:
		break; /* apply_keys */
	}
}

static const cfg_key *
find_key(const char *name)
{
	size_t i;

	for (i = 0; i < LT_NELEM(keys); i++)
		if (strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

static int
find_section(const char *name)
{
	int i;

	for (i = 0; i < (int)LT_NELEM(sections); i++)
		if (strcmp(sections[i].name, name) == 0)
			return i;
	return -1;
}

/* walk one map; prefix is "" at the top, "xapi." inside xapi: and so on */
static void
walk_map(cfg_ctx *x, cfg_config *c, const yt_node *map, const char *prefix,
         const char *const *names)
{
	int i, j, sec;

	for (i = 0; i + 1 < map->nkids; i += 2) {
		const yt_node *k = map->kids[i], *v = map->kids[i + 1];
		const cfg_key *key;
		const char *hint;
		char full[128];

		if (k->type != YT_SCALAR) {
			bad(x, k, _("a key must be a plain name such as `theme`"));
			continue;
		}
		for (j = 0; j < i; j += 2) {
			const yt_node *o = map->kids[j];

			if (o->type == YT_SCALAR && strcmp(o->str, k->str) == 0) {
				bad(x, k, _("`%s` is set twice (first on line %d)"), k->str, o->line);
				break;
			}
		}
		if (j < i)
			continue;
		if (!*prefix && (sec = find_section(k->str)) >= 0) {
			if (is_null(v))
				continue;
			if (v->type != YT_MAP) {
				bad(x, v, _("`%s` holds `%s:` and the other keys on indented lines "
				            "below it"), k->str, sections[sec].names[0]);
				continue;
			}
			walk_map(x, c, v, sections[sec].prefix, sections[sec].names);
			continue;
		}
		snprintf(full, sizeof full, "%s%s", prefix, k->str);
		/* "xapi.home_page" written flat is not the nested key */
		if (!strchr(k->str, '.') && (key = find_key(full))) {
			apply(x, c, key, v);
			continue;
		}
		if ((hint = cfg_closest(k->str, names))) {
			bad(x, k, _("unknown key `%s`; did you mean `%s`?"), k->str, hint);
		} else if (!*prefix && (strncmp(k->str, "xapi.", 5) == 0 ||
		                        cfg_closest(k->str, xapi_names))) {
			const char *sub = strncmp(k->str, "xapi.", 5) == 0 ? k->str + 5 : k->str;

			hint = cfg_closest(sub, xapi_names);
			bad(x, k, _("unknown key `%s`; did you mean `%s` indented under `xapi:`?"),
			    k->str, hint ? hint : "home_page");
		} else {
			bad(x, k, _("unknown key `%s`"), k->str);
		}
	}
}

/* ---------------------------------------------------------------- loading */

static void
copy_config(cfg_config *dst, const cfg_config *src)
{
	*dst = *src;
#define DUP(f) dst->f = src->f ? xstrdup(src->f) : NULL
	DUP(modules_dir);
	DUP(data_dir);
	DUP(trainer_pin_hash);
	DUP(theme);
	DUP(language);
	DUP(xapi_home_page);
	DUP(xapi_base_iri);
	DUP(lrs_endpoint);
	DUP(lrs_username);
	DUP(lrs_password);
	DUP(lrs_password_file);
	DUP(lrs_ca_file);
	DUP(feed);
	DUP(feed_ca_file);
	DUP(path);
#undef DUP
	dst->trusted_keys = dup_keys(src->trusted_keys);
}

static int
load_doc(cfg_config *c, const char *name, yt_doc *doc, diag_list *dl, int private_file)
{
	cfg_ctx x = { name, dl, 0, private_file };
	const yt_node *root = yt_root(doc);
	cfg_config t;

	copy_config(&t, c);
	if (root && !is_null(root)) {
		if (root->type != YT_MAP)
			bad(&x, root, _("the config file must be a list of `key: value` "
			                "lines"));
		else
			walk_map(&x, &t, root, "", top_names);
	}
	if (x.errors) {
		cfg_free(&t);
		return -1;
	}
	free(t.path);
	t.path = xstrdup(name);
	cfg_free(c);
	*c = t;
	return 0;
}

int
cfg_load_buf(cfg_config *c, const char *name, const char *buf, size_t len,
             diag_list *dl)
{
	yt_doc *doc = yt_load_buf(name, buf, len, dl);
	int rc;

	if (!doc)
		return -1;
	/* a buffer is not a file others could read */
	rc = load_doc(c, name, doc, dl, 1);
	yt_free(doc);
	return rc;
}

int
cfg_load(cfg_config *c, const char *path, int required, diag_list *dl)
{
	struct stat sb;
	yt_doc *doc;
	int rc;

	if (stat(path, &sb) < 0) {
		if (errno == ENOENT && !required)
			return 0;
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("cannot read the config file: %s"),
		         strerror(errno));
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		diag_add(dl, DIAG_ERROR, path, 0, 0,
		         _("this is a directory; the config file is a YAML file such as "
		           "config.yaml"));
		return -1;
	}
	if (!(doc = yt_load_file(path, dl)))
		return -1;
	rc = load_doc(c, path, doc, dl, (sb.st_mode & 077) == 0);
	yt_free(doc);
	return rc;
}

void
cfg_free(cfg_config *c)
{
	free(c->modules_dir);
	free(c->data_dir);
	free(c->trainer_pin_hash);
	free(c->theme);
	free(c->language);
	free(c->xapi_home_page);
	free(c->xapi_base_iri);
	free(c->lrs_endpoint);
	free(c->lrs_username);
	free(c->lrs_password);
	free(c->lrs_password_file);
	free(c->lrs_ca_file);
	free(c->feed);
	free(c->feed_ca_file);
	free_keys(c->trusted_keys);
	c->feed = c->feed_ca_file = NULL;
	c->trusted_keys = NULL;
	free(c->path);
	c->modules_dir = c->data_dir = c->trainer_pin_hash = c->theme = NULL;
	c->language = c->xapi_home_page = c->xapi_base_iri = c->path = NULL;
	c->lrs_endpoint = c->lrs_username = c->lrs_password = NULL;
	c->lrs_password_file = c->lrs_ca_file = NULL;
}
