/* manifest.c: the package manifest, path rules, SHA-256 and versions
 * (see manifest.h). The parser is strict: a manifest is written by
 * Lectern, so any line it does not know is damage or tampering, and it
 * says which line. */
#include "manifest.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/i18n.h"
#include "base/util.h"

static const char MAGIC[] = "lectern-package 1";

void
pkg_manifest_add(pkg_manifest *m, const char *path,
                 const unsigned char sha[PKG_SHA_BYTES], long long size)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->v = xrealloc(m->v, (size_t)m->cap * sizeof *m->v);
	}
	m->v[m->n].path = xstrdup(path);
	memcpy(m->v[m->n].sha, sha, PKG_SHA_BYTES);
	m->v[m->n].size = size;
	m->n++;
}

static int
by_path(const void *a, const void *b)
{
	return strcmp(((const pkg_file *)a)->path, ((const pkg_file *)b)->path);
}

int
pkg_manifest_sort(pkg_manifest *m, const char **dup)
{
	int i;

	if (m->n)
		qsort(m->v, (size_t)m->n, sizeof *m->v, by_path);
	for (i = 1; i < m->n; i++)
		if (strcmp(m->v[i - 1].path, m->v[i].path) == 0) {
			if (dup)
				*dup = m->v[i].path;
			return -1;
		}
	return 0;
}

void
pkg_sha_hex(const unsigned char sha[PKG_SHA_BYTES], char out[65])
{
	sodium_bin2hex(out, 65, sha, PKG_SHA_BYTES);
}

char *
pkg_manifest_text(const pkg_manifest *m)
{
	size_t size = 256 + strlen(m->id) + strlen(m->version), len = 0;
	char *s, hex[65];
	int i;

	for (i = 0; i < m->n; i++)
		size += strlen(m->v[i].path) + 96;
	s = xmalloc(size);
	len += (size_t)snprintf(s + len, size - len, "%s\nid %s\nversion %s\n",
	                        MAGIC, m->id, m->version);
	for (i = 0; i < m->n; i++) {
		pkg_sha_hex(m->v[i].sha, hex);
		len += (size_t)snprintf(s + len, size - len, "file %s %lld %s\n", hex,
		                        m->v[i].size, m->v[i].path);
	}
	return s;
}

const char *
pkg_path_check(const char *path)
{
	const char *p = path, *c;
	int depth = 0;

	if (!*path)
		return _("an empty name");
	if (strlen(path) > PKG_PATH_MAX)
		return _("a name too long");
	if (path[0] == '/')
		return _("an absolute path");
	for (c = path; *c; c++) {
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			return _("a control character in the name");
		if (*c == '\\')
			return _("a backslash in the name");
		if (*c == ':' && c == path + 1)
			return _("a drive letter in the name");
	}
	while (*p) {
		size_t n = strcspn(p, "/");

		if (n == 0)
			return _("an empty folder name (//)");
		if ((n == 2 && p[0] == '.' && p[1] == '.'))
			return _("a `..` that leaves the module folder");
		if (p[0] == '.')
			return _("a hidden name (starting with a dot)");
		p += n;
		if (*p == '/') {
			p++;
			if (!*p)
				return _("a folder name where a file was expected");
			if (++depth > PKG_DEPTH_MAX)
				return _("folders nested too deep");
		}
	}
	return NULL;
}

/* one field up to the next space; advances *p past it and the space */
static int
field(const char **p, const char *end, const char **start, size_t *len)
{
	const char *s = *p, *e = memchr(s, ' ', (size_t)(end - s));

	if (!e || e == s)
		return -1;
	*start = s;
	*len = (size_t)(e - s);
	*p = e + 1;
	return 0;
}

int
pkg_manifest_parse(pkg_manifest *m, const char *text, size_t len,
                   const char *where, diag_list *dl)
{
	const char *p = text, *end = text + len;
	int line = 0, errs = dl->nerrors;
	const char *dup = NULL;

	if (len > PKG_MANIFEST_MAX || memchr(text, '\0', len)) {
		diag_add(dl, DIAG_ERROR, where, 0, 0, _("not a package manifest"));
		return -1;
	}
	while (p < end && dl->nerrors == errs) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *q, *f;
		char *l, *why;
		size_t n;

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
				         _("not a package manifest (it must start with \"%s\")"), MAGIC);
		} else if (strncmp(l, "id ", 3) == 0 && !m->id) {
			m->id = xstrdup(l + 3);
		} else if (strncmp(l, "version ", 8) == 0 && !m->version) {
			m->version = xstrdup(l + 8);
		} else if (strncmp(l, "file ", 5) == 0) {
			unsigned char sha[PKG_SHA_BYTES];
			char *num;
			long long size;
			size_t hexlen;

			q = l + 5;
			f = q + strlen(q);
			if (field(&q, f, &f, &hexlen) != 0 || hexlen != 64 ||
			    sodium_hex2bin(sha, sizeof sha, f, hexlen, NULL, NULL, NULL) != 0) {
				diag_add(dl, DIAG_ERROR, where, line, 6, _("a file line needs a "
				         "SHA-256 (64 hex digits), a size and a path"));
			} else if (field(&q, q + strlen(q), &f, &n) != 0 ||
			           (errno = 0, size = strtoll(f, &num, 10), num != f + n) ||
			           size < 0 || errno) {
				diag_add(dl, DIAG_ERROR, where, line, 71, _("a file line needs a "
				         "size in bytes after the SHA-256"));
			} else if ((why = (char *)pkg_path_check(q))) {
				diag_add(dl, DIAG_ERROR, where, line, (int)(q - l) + 1,
				         _("the path \"%s\" is refused: %s"), q, why);
			} else if (m->n >= PKG_FILES_MAX) {
				diag_add(dl, DIAG_ERROR, where, line, 1,
				         _("more than %d files"), PKG_FILES_MAX);
			} else {
				pkg_manifest_add(m, q, sha, size);
			}
		} else {
			diag_add(dl, DIAG_ERROR, where, line, 1, _("unknown line \"%.40s\""), l);
		}
		free(l);
	}
	if (dl->nerrors != errs)
		return -1;
	if (!m->id || !m->version || !*m->id || !*m->version) {
		diag_add(dl, DIAG_ERROR, where, 0, 0, _("the manifest has no id or no version"));
		return -1;
	}
	if (!pkg_version_ok(m->version)) {
		diag_add(dl, DIAG_ERROR, where, 3, 9, _("the version \"%s\" is not one "
		         "a package can carry"), m->version);
		return -1;
	}
	/* the id names the installed folder: the loader's rule for ids */
	if (strspn(m->id, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(m->id) ||
	    m->id[0] == '-' || strlen(m->id) > 100) {
		diag_add(dl, DIAG_ERROR, where, 2, 4, _("the id \"%s\" is not a module id"),
		         m->id);
		return -1;
	}
	if (pkg_manifest_sort(m, &dup) != 0) {
		diag_add(dl, DIAG_ERROR, where, 0, 0, _("\"%s\" is listed twice"), dup);
		return -1;
	}
	return 0;
}

const pkg_file *
pkg_manifest_find(const pkg_manifest *m, const char *path)
{
	pkg_file key = { .path = (char *)path };

	if (!m->n)
		return NULL;
	return bsearch(&key, m->v, (size_t)m->n, sizeof *m->v, by_path);
}

void
pkg_manifest_free(pkg_manifest *m)
{
	int i;

	for (i = 0; i < m->n; i++)
		free(m->v[i].path);
	free(m->v);
	free(m->id);
	free(m->version);
	memset(m, 0, sizeof *m);
}

int
pkg_sha_file(const char *path, unsigned char sha[PKG_SHA_BYTES], long long *size,
             diag_list *dl)
{
	crypto_hash_sha256_state st;
	unsigned char buf[65536];
	FILE *fp = fopen(path, "rb");
	size_t n;
	long long total = 0;

	if (!fp) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("cannot open: %s"), strerror(errno));
		return -1;
	}
	crypto_hash_sha256_init(&st);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
		crypto_hash_sha256_update(&st, buf, n);
		total += (long long)n;
	}
	if (ferror(fp)) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("cannot read: %s"), strerror(errno));
		fclose(fp);
		return -1;
	}
	fclose(fp);
	crypto_hash_sha256_final(&st, sha);
	*size = total;
	return 0;
}

/* ------------------------------------------------------------ versions */
int
pkg_version_ok(const char *v)
{
	size_t n = v ? strlen(v) : 0;

	return n > 0 && n <= 40 && v[0] != '.' &&
	       strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	                 "0123456789._+-") == n;
}

int
pkg_version_cmp(const char *a, const char *b)
{
	if (!a || !*a)
		return (!b || !*b) ? 0 : -1;
	if (!b || !*b)
		return 1;
	while (*a || *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			/* numbers: skip leading zeros, then the longer is larger */
			const char *ea, *eb;
			size_t na, nb;
			int c;

			while (*a == '0' && isdigit((unsigned char)a[1]))
				a++;
			while (*b == '0' && isdigit((unsigned char)b[1]))
				b++;
			for (ea = a; isdigit((unsigned char)*ea); ea++)
				;
			for (eb = b; isdigit((unsigned char)*eb); eb++)
				;
			na = (size_t)(ea - a);
			nb = (size_t)(eb - b);
			if (na != nb)
				return na < nb ? -1 : 1;
			if ((c = memcmp(a, b, na)) != 0)
				return c < 0 ? -1 : 1;
			a = ea;
			b = eb;
		} else if (!*a || !*b) {
			/* "1.0" before "1.0.1" */
			return *a ? 1 : -1;
		} else {
			if (*a != *b)
				return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
			a++;
			b++;
		}
	}
	return 0;
}
