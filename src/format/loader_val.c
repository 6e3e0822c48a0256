/* loader_val.c: typed reading of YAML values for the loader, and the
 * diagnostics that explain what was expected.
 *
 * Values are judged the way YAML's core schema would (so docs/module.schema.json
 * agrees): a number or a boolean must be written plainly, not in quotes; any
 * scalar is fine where text is expected. Each helper reports its own error
 * at the value's line and column and returns a sign that it failed, so the
 * caller carries on with the next key: every problem is found in one pass. */
#include "loader_int.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/clean.h"
#include "base/i18n.h"

/* make a message one clean line: quoted user text may hold line breaks,
 * and %.60s may have cut a UTF-8 sequence in two. */
static void
one_line(char *s)
{
	unsigned char *p = (unsigned char *)s;

	while (*p) {
		int n = *p < 0x80 ? 0 : *p < 0xC2 ? -1 : *p < 0xE0 ? 1 : *p < 0xF0 ? 2
		      : *p < 0xF5 ? 3 : -1;
		int k;

		if (n == 0) {
			if (*p < 0x20 || *p == 0x7F)
				*p = ' ';
			p++;
			continue;
		}
		for (k = 1; n > 0 && k <= n; k++)
			if ((p[k] & 0xC0) != 0x80)
				break;
		if (n < 0 || k <= n) {
			*p++ = '?';
			continue;
		}
		p += n + 1;
	}
}

static void
report(ld_ctx *c, int sev, const yt_node *at, const char *fmt, va_list ap)
{
	char msg[1024];

	if (sev == DIAG_ERROR)
		c->nerrors++;
	if (c->ndiags >= LD_MAX_DIAGS) {
		/* still counted, so past the cap an error still rejects the file */
		if (c->ndiags++ == LD_MAX_DIAGS)
			diag_add(c->dl, DIAG_WARNING, c->file, 0, 0,
			         _("too many problems; stopped reporting after %d"),
			         LD_MAX_DIAGS);
		if (sev == DIAG_ERROR)
			c->hidden_errors++;
		return;
	}
	c->ndiags++;
	vsnprintf(msg, sizeof msg, fmt, ap);
	one_line(msg);
	diag_add(c->dl, sev, c->file, at ? at->line : 0, at ? at->col : 0, "%s", msg);
}

void
ld_err(ld_ctx *c, const yt_node *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(c, DIAG_ERROR, at, fmt, ap);
	va_end(ap);
}

void
ld_warn(ld_ctx *c, const yt_node *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(c, DIAG_WARNING, at, fmt, ap);
	va_end(ap);
}

int
ld_is_null(const yt_node *v)
{
	if (!v)
		return 1;
	if (v->type != YT_SCALAR || !v->plain)
		return 0;
	return v->len == 0 || strcmp(v->str, "~") == 0 || strcmp(v->str, "null") == 0 ||
	       strcmp(v->str, "Null") == 0 || strcmp(v->str, "NULL") == 0;
}

const char *
ld_got(const yt_node *v, char *buf, size_t size)
{
	if (!v || ld_is_null(v))
		snprintf(buf, size, "%s", _("nothing"));
	else if (v->type == YT_SEQ)
		snprintf(buf, size, "%s", _("a list"));
	else if (v->type == YT_MAP)
		snprintf(buf, size, "%s", _("a mapping (key: value)"));
	else if (v->len > 40)
		snprintf(buf, size, "\"%.37s...\"", v->str);
	else
		snprintf(buf, size, "\"%s\"", v->str);
	return buf;
}

/* ---------------------------------------------------------------- did you mean */

/* optimal string alignment distance, case-insensitive; words are short. */
static int
edit_distance(const char *a, const char *b)
{
	int la = (int)strlen(a), lb = (int)strlen(b), i, j;
	int d[66][66];

	if (la > 64 || lb > 64)
		return 99;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
			int v = d[i - 1][j] + 1;

			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

const char *
ld_suggest(const char *word, const char *const *cands, int n)
{
	size_t len = strlen(word);
	int best = 99, limit = len <= 4 ? 1 : len <= 8 ? 2 : 3, i;
	const char *found = NULL;

	for (i = 0; i < n; i++) {
		int dist = edit_distance(word, cands[i]);

		/* a clipped word ("multi") is as good as a near miss */
		if (len >= 3 && strncasecmp(cands[i], word, len) == 0)
			dist = 1;

		if (dist < best) {
			best = dist;
			found = cands[i];
		}
	}
	return best <= limit ? found : NULL;
}

void
ld_check_keys(ld_ctx *c, const yt_node *map, const char *const *keys,
              int nkeys, const char *what, const yt_node **vals)
{
	const yt_node *seen[32] = { 0 };
	int i, k;

	if (nkeys > 32)
		nkeys = 32;
	for (k = 0; k < nkeys; k++)
		vals[k] = NULL;
	for (i = 0; i + 1 < map->nkids; i += 2) {
		const yt_node *key = map->kids[i];
		const char *hint;

		if (key->type != YT_SCALAR) {
			ld_err(c, key, _("keys in %s must be plain words, got %s"), _(what),
			       key->type == YT_SEQ ? _("a list") : _("a mapping"));
			continue;
		}
		for (k = 0; k < nkeys; k++)
			if (key->str[0] == keys[k][0] && strcmp(key->str, keys[k]) == 0)
				break;
		if (k < nkeys) {
			if (seen[k]) {
				ld_err(c, key, _("`%s` appears twice in %s (first at line %d)"),
				       keys[k], _(what), seen[k]->line);
			} else {
				seen[k] = key;
				vals[k] = map->kids[i + 1];
			}
			continue;
		}
		if (strcmp(key->str, "<<") == 0) {
			ld_err(c, key, _("merge keys (`<<`) are not supported; repeat "
			       "the keys or use an alias for a single value"));
			continue;
		}
		if (key->str[0] == '-' && key->str[1] != ' ') {
			ld_err(c, key, _("unknown key `%.60s` in %s; to start a list item, "
			       "put a space after `-`"), key->str, _(what));
			continue;
		}
		hint = ld_suggest(key->str, keys, nkeys);
		if (hint)
			ld_err(c, key, _("unknown key `%.60s` in %s (did you mean `%s`?)"),
			       key->str, _(what), hint);
		else
			ld_err(c, key, _("unknown key `%.60s` in %s"), key->str, _(what));
	}
}

/* ---------------------------------------------------------------- values */

const yt_node *
ld_key_of(const yt_node *map, const yt_node *val)
{
	int i;

	for (i = 0; i + 1 < map->nkids; i += 2)
		if (map->kids[i + 1] == val)
			return map->kids[i];
	return map;
}

int
ld_valid_slide_id(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!(('a' <= *s && *s <= 'z') || ('A' <= *s && *s <= 'Z') ||
		      ('0' <= *s && *s <= '9') || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

const char *
ld_text(ld_ctx *c, const yt_node *v, const char *key)
{
	char got[64];

	if (ld_is_null(v))
		return NULL;
	if (v->type != YT_SCALAR) {
		ld_err(c, v, _("`%s` must be text, got %s"), key, ld_got(v, got, sizeof got));
		return NULL;
	}
	return v->str;
}

const char *
ld_req_text(ld_ctx *c, const yt_node *map, const yt_node *v, const char *key,
            const char *why)
{
	const char *s;
	size_t i;

	if (!v) {
		ld_err(c, map, _("missing `%s`: %s"), key, _(why));
		return NULL;
	}
	if (ld_is_null(v)) {
		ld_err(c, v, _("`%s` is empty: %s"), key, _(why));
		return NULL;
	}
	s = ld_text(c, v, key);
	if (!s)
		return NULL;
	for (i = 0; s[i] && isspace((unsigned char)s[i]); i++)
		;
	if (!s[i]) {
		ld_err(c, v, _("`%s` is empty: %s"), key, _(why));
		return NULL;
	}
	if (clean_is_blank(s)) {
		ld_err(c, v, _("`%s` shows nothing (only spaces or zero-width "
		       "characters): %s"), key, _(why));
		return NULL;
	}
	return s;
}

int
ld_int(ld_ctx *c, const yt_node *v, const char *key, int min, int max, int *out)
{
	char got[64];
	const char *s;
	long n = 0;

	if (ld_is_null(v))
		return 0;
	if (v->type != YT_SCALAR || !v->plain)
		goto bad;
	s = v->str;
	if (*s == '+')
		s++;
	if (!isdigit((unsigned char)*s))
		goto bad;
	for (; isdigit((unsigned char)*s); s++) {
		n = n * 10 + (*s - '0');
		if (n > max)
			goto bad;
	}
	if (*s || n < min)
		goto bad;
	*out = (int)n;
	return 0;
bad:
	ld_err(c, v, _("`%s` must be a whole number from %d to %d, got %s%s"), key,
	       min, max, ld_got(v, got, sizeof got),
	       v->type == YT_SCALAR && !v->plain ? _(" (in quotes: remove them)") : "");
	return -1;
}

int
ld_bool(ld_ctx *c, const yt_node *v, const char *key, int *out)
{
	char got[64];

	if (ld_is_null(v))
		return 0;
	if (v->type == YT_SCALAR && v->plain) {
		if (!strcmp(v->str, "true") || !strcmp(v->str, "True") || !strcmp(v->str, "TRUE")) {
			*out = 1;
			return 0;
		}
		if (!strcmp(v->str, "false") || !strcmp(v->str, "False") || !strcmp(v->str, "FALSE")) {
			*out = 0;
			return 0;
		}
	}
	ld_err(c, v, _("`%s` must be true or false, got %s%s"), key,
	       ld_got(v, got, sizeof got),
	       v->type == YT_SCALAR && !v->plain ? _(" (in quotes: remove them)") : "");
	return -1;
}

int
ld_text_list(ld_ctx *c, const yt_node *v, const char *key, int min,
             const char ***out)
{
	char got[64];
	const char **items;
	int i, n = 0, bad = 0;

	if (!v || v->type != YT_SEQ) {
		ld_err(c, v, _("`%s` must be a list of texts, got %s"), key,
		       ld_got(v, got, sizeof got));
		return -1;
	}
	if (v->nkids < min) {
		ld_err(c, v, _("`%s` needs at least %d items, got %d"), key, min, v->nkids);
		return -1;
	}
	items = arena_alloc(&c->m->mem, (size_t)(v->nkids + 1) * sizeof *items);
	for (i = 0; i < v->nkids; i++) {
		const yt_node *it = v->kids[i];

		if (it->type != YT_SCALAR || ld_is_null(it)) {
			ld_err(c, it, _("each item of `%s` must be text, got %s"), key,
			       ld_got(it, got, sizeof got));
			bad = 1;
			continue;
		}
		items[n++] = it->str;
	}
	if (bad)
		return -1;
	*out = items;
	return n;
}
