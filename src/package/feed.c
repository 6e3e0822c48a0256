/* feed.c: the update feed's index (see feed.h). As strict as the
 * manifest: it is written by `lectern publish`, so a line it does not know
 * is damage, reported with its line number. */
#include "feed.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/i18n.h"
#include "base/util.h"

static const char MAGIC[] = "lectern-feed 1";

void
pkg_feed_add(pkg_feed *f, const char *id, const char *version, long long size,
             const unsigned char sha[PKG_SHA_BYTES], const char *url)
{
	pkg_feed_item *it;

	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 8;
		f->v = xrealloc(f->v, (size_t)f->cap * sizeof *f->v);
	}
	it = &f->v[f->n++];
	it->id = xstrdup(id);
	it->version = xstrdup(version);
	it->url = xstrdup(url);
	it->size = size;
	memcpy(it->sha, sha, PKG_SHA_BYTES);
}

char *
pkg_feed_text(const pkg_feed *f)
{
	size_t size = 64, len = 0;
	char *s, hex[65];
	int i;

	for (i = 0; i < f->n; i++)
		size += strlen(f->v[i].id) + strlen(f->v[i].version) + strlen(f->v[i].url) + 120;
	s = xmalloc(size);
	len += (size_t)snprintf(s, size, "%s\n", MAGIC);
	for (i = 0; i < f->n; i++) {
		pkg_sha_hex(f->v[i].sha, hex);
		len += (size_t)snprintf(s + len, size - len, "module %s %s %lld %s %s\n",
		                        f->v[i].id, f->v[i].version, f->v[i].size, hex,
		                        f->v[i].url);
	}
	return s;
}

/* split a line into exactly n space-separated fields (in place) */
static int
split(char *l, char **out, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (!*l)
			return -1;
		out[i] = l;
		l += strcspn(l, " ");
		if (*l)
			*l++ = '\0';
		if (!*out[i])
			return -1;
	}
	return *l ? -1 : 0;
}

int
pkg_feed_parse(pkg_feed *f, const char *text, size_t len, const char *where, diag_list *dl)
{
	const char *p = text, *end = text + len;
	int line = 0, errs = dl->nerrors;

	if (len > PKG_FEED_MAX || memchr(text, '\0', len)) {
		diag_add(dl, DIAG_ERROR, where, 0, 0, _("not a module feed"));
		return -1;
	}
	while (p < end && dl->nerrors == errs) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		char *l, *fl[6], *num;
		unsigned char sha[PKG_SHA_BYTES];
		long long size;

		line++;
		if (!nl) {
			diag_add(dl, DIAG_ERROR, where, line, 1, _("the last line is cut short"));
			break;
		}
		l = xstrndup(p, (size_t)(nl - p));
		p = nl + 1;
		if (line == 1) {
			if (strcmp(l, MAGIC) != 0)
				diag_add(dl, DIAG_ERROR, where, 1, 1,
				         _("not a module feed (it must start with \"%s\")"), MAGIC);
		} else if (split(l, fl, 6) != 0 || strcmp(fl[0], "module") != 0) {
			diag_add(dl, DIAG_ERROR, where, line, 1, _("a feed line is \"module ID "
			         "VERSION SIZE SHA256 URL\""));
		} else if ((errno = 0, size = strtoll(fl[3], &num, 10), *num) || errno ||
		           size < 0) {
			diag_add(dl, DIAG_ERROR, where, line, 1, _("the size \"%s\" is not a number "
			         "of bytes"), fl[3]);
		} else if (strlen(fl[4]) != 64 || sodium_hex2bin(sha, sizeof sha, fl[4], 64,
		                                                 NULL, NULL, NULL) != 0) {
			diag_add(dl, DIAG_ERROR, where, line, 1, _("\"%s\" is not a SHA-256"), fl[4]);
		} else if (strspn(fl[1], "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(fl[1])) {
			diag_add(dl, DIAG_ERROR, where, line, 1, _("\"%s\" is not a module id"), fl[1]);
		} else if (!pkg_version_ok(fl[2])) {
			/* it names the download: nothing that could leave the folder */
			diag_add(dl, DIAG_ERROR, where, line, 1, _("\"%s\" is not a version"), fl[2]);
		} else if (f->n >= PKG_FEED_ITEMS_MAX) {
			diag_add(dl, DIAG_ERROR, where, line, 1, _("too many modules"));
		} else {
			pkg_feed_add(f, fl[1], fl[2], size, sha, fl[5]);
		}
		free(l);
	}
	return dl->nerrors == errs ? 0 : -1;
}

void
pkg_feed_free(pkg_feed *f)
{
	int i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].id);
		free(f->v[i].version);
		free(f->v[i].url);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}

char *
pkg_feed_resolve(const char *base, const char *url)
{
	const char *slash;

	if (!strncmp(url, "https://", 8) || !strncmp(url, "http://", 7))
		return xstrdup(url);
	slash = strrchr(base, '/');
	return slash ? xasprintf("%.*s/%s", (int)(slash - base), base, url) : xstrdup(url);
}
