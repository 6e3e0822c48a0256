/* pack.c: a module into one package file (see package.h).
 *
 * The module is loaded and checked first: a package must never carry a
 * module the player would refuse. Then its files are listed, written into
 * the zip one by one while they are hashed (each file is read once, so the
 * hash is of the bytes that went in), and the manifest and its signature
 * go last. The zip is written to a hidden file beside out and renamed, so
 * a half-written package never has the name of a good one. */
#include "package.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <sodium.h>

#include "base/i18n.h"
#include "base/util.h"
#include "format/loader.h"
#include "format/model.h"

typedef struct {
	char **src;        /* file on disk */
	char **rel;        /* path inside the module */
	int n, cap;
	diag_list *dl;
	int bad;
} pk_list;

static void
list_add(pk_list *l, const char *src, const char *rel)
{
	const char *why = pkg_path_check(rel);
	int i;

	if (why) {
		diag_add(l->dl, DIAG_ERROR, src, 0, 0,
		         _("cannot go in a package: %s"), why);
		l->bad = 1;
		return;
	}
	for (i = 0; i < l->n; i++)
		if (strcmp(l->rel[i], rel) == 0)
			return; /* an image shown twice */
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->src = xrealloc(l->src, (size_t)l->cap * sizeof *l->src);
		l->rel = xrealloc(l->rel, (size_t)l->cap * sizeof *l->rel);
	}
	l->src[l->n] = xstrdup(src);
	l->rel[l->n] = xstrdup(rel);
	l->n++;
}

static void
list_free(pk_list *l)
{
	int i;

	for (i = 0; i < l->n; i++) {
		free(l->src[i]);
		free(l->rel[i]);
	}
	free(l->src);
	free(l->rel);
}

/* every file under dir (rel is its path inside the module, "" at top) */
static void
walk(pk_list *l, const char *dir, const char *rel, int depth)
{
	struct dirent **ents;
	int n, i;

	if (depth > PKG_DEPTH_MAX) {
		diag_add(l->dl, DIAG_ERROR, dir, 0, 0, _("folders nested too deep"));
		l->bad = 1;
		return;
	}
	n = scandir(dir, &ents, NULL, alphasort);
	if (n < 0) {
		diag_add(l->dl, DIAG_ERROR, dir, 0, 0, _("cannot read: %s"), strerror(errno));
		l->bad = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		char *full, *r;
		struct stat st;

		if (name[0] == '.') {  /* hidden: editor files, .lectern of an install */
			free(ents[i]);
			continue;
		}
		full = xasprintf("%s/%s", dir, name);
		r = *rel ? xasprintf("%s/%s", rel, name) : xstrdup(name);
		if (lstat(full, &st) != 0) {
			diag_add(l->dl, DIAG_ERROR, full, 0, 0, _("cannot read: %s"), strerror(errno));
			l->bad = 1;
		} else if (S_ISLNK(st.st_mode)) {
			diag_add(l->dl, DIAG_ERROR, full, 0, 0, _("a symbolic link cannot go in a "
			         "package: copy the file it points to instead"));
			l->bad = 1;
		} else if (S_ISDIR(st.st_mode)) {
			walk(l, full, r, depth + 1);
		} else if (S_ISREG(st.st_mode)) {
			list_add(l, full, r);
		} else {
			diag_add(l->dl, DIAG_ERROR, full, 0, 0, _("not a regular file"));
			l->bad = 1;
		}
		free(full);
		free(r);
		free(ents[i]);
	}
	free(ents);
}

/* an image path as the module wrote it, without "." folders
 * ("./images/a.png" is images/a.png); malloc'd */
static char *
tidy(const char *path)
{
	char *out = xmalloc(strlen(path) + 1), *o = out;
	const char *p = path;

	while (*p) {
		size_t n = strcspn(p, "/");

		if (!(n == 1 && p[0] == '.') && n > 0) {
			if (o != out)
				*o++ = '/';
			memcpy(o, p, n);
			o += n;
		}
		p += n;
		while (*p == '/')
			p++;
	}
	*o = '\0';
	return out;
}

/* a single-file module: module.yaml and the images its slides show */
static void
list_single(pk_list *l, const mod_module *m)
{
	int i, j;

	list_add(l, m->path, "module.yaml");
	for (i = 0; i < m->nslides; i++)
		for (j = 0; j < m->slides[i].nblocks; j++) {
			const mod_block *b = &m->slides[i].blocks[j];
			char *full, *rel;

			if (b->kind != BLK_IMAGE || !b->path)
				continue;
			rel = tidy(b->path);
			full = xasprintf("%s/%s", m->dir, rel);
			list_add(l, full, rel);
			free(full);
			free(rel);
		}
}

/* ------------------------------------------------------------ writing */
static int
zip_entry(struct archive *a, const char *name, long long size)
{
	struct archive_entry *e = archive_entry_new();
	int rc;

	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, size);
	archive_entry_set_mtime(e, time(NULL), 0);
	rc = archive_write_header(a, e);
	archive_entry_free(e);
	return rc == ARCHIVE_OK ? 0 : -1;
}

static int
zip_bytes(struct archive *a, const char *name, const char *data, size_t len)
{
	if (zip_entry(a, name, (long long)len) != 0)
		return -1;
	return archive_write_data(a, data, len) == (la_ssize_t)len ? 0 : -1;
}

/* copy one file into the archive, hashing what goes in */
static int
zip_file(struct archive *a, const char *src, const char *rel, pkg_manifest *m,
         diag_list *dl)
{
	crypto_hash_sha256_state st;
	unsigned char buf[65536], sha[PKG_SHA_BYTES];
	char *name = xasprintf("module/%s", rel);
	struct stat sb;
	long long total = 0;
	size_t n;
	FILE *fp = fopen(src, "rb");
	int rc = -1;

	if (!fp || fstat(fileno(fp), &sb) != 0) {
		diag_add(dl, DIAG_ERROR, src, 0, 0, _("cannot open: %s"), strerror(errno));
		goto out;
	}
	if (sb.st_size > PKG_FILE_BYTES_MAX) {
		diag_add(dl, DIAG_ERROR, src, 0, 0, _("too large for a package (%lld bytes; "
		         "the limit is %d)"), (long long)sb.st_size, PKG_FILE_BYTES_MAX);
		goto out;
	}
	if (zip_entry(a, name, (long long)sb.st_size) != 0)
		goto archive_err;
	crypto_hash_sha256_init(&st);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
		if (total + (long long)n > (long long)sb.st_size)
			break;
		crypto_hash_sha256_update(&st, buf, n);
		if (archive_write_data(a, buf, n) != (la_ssize_t)n)
			goto archive_err;
		total += (long long)n;
	}
	if (ferror(fp) || total != (long long)sb.st_size) {
		diag_add(dl, DIAG_ERROR, src, 0, 0, _("changed while it was being packed"));
		goto out;
	}
	crypto_hash_sha256_final(&st, sha);
	pkg_manifest_add(m, rel, sha, total);
	rc = 0;
	goto out;
archive_err:
	diag_add(dl, DIAG_ERROR, src, 0, 0, _("cannot add to the package: %s"),
	         archive_error_string(a));
out:
	if (fp)
		fclose(fp);
	free(name);
	return rc;
}

int
pkg_pack(const char *src, const char *out, const msig_seckey *key,
         const char *trusted_comment, diag_list *dl)
{
	pk_list l = { .dl = dl };
	pkg_manifest m = { 0 };
	struct archive *a = NULL;
	mod_module *mod;
	struct stat st;
	char *tmp = NULL, *text = NULL, *sig = NULL, *slash, *dir;
	int i, fd = -1, rc = -1, errs = dl->nerrors;

	if (msig_init() != 0) {
		diag_add(dl, DIAG_ERROR, src, 0, 0, _("libsodium cannot start"));
		return -1;
	}
	mod = loader_load(src, dl);
	if (!mod || dl->nerrors > errs) {
		diag_add(dl, DIAG_ERROR, src, 0, 0,
		         _("not packed: the module has errors (see `lectern check`)"));
		goto done;
	}
	if (!mod->version || !*mod->version) {
		diag_add(dl, DIAG_ERROR, mod->path, 0, 0, _("not packed: a package needs the "
		         "module's `version:`, so that kiosks can tell a newer one"));
		goto done;
	}
	if (!pkg_version_ok(mod->version)) {
		diag_add(dl, DIAG_ERROR, mod->path, 0, 0, _("not packed: the version \"%s\" "
		         "must be letters, digits and . _ + - (such as 1.2), at most 40"),
		         mod->version);
		goto done;
	}
	if (stat(src, &st) == 0 && S_ISDIR(st.st_mode))
		walk(&l, src, "", 0);
	else
		list_single(&l, mod);
	if (l.bad)
		goto done;

	/* a hidden temporary beside out, renamed when complete */
	slash = strrchr(out, '/');
	dir = slash ? xstrndup(out, (size_t)(slash - out + 1)) : xstrdup("");
	tmp = xasprintf("%s.%s.XXXXXX", dir, slash ? slash + 1 : out);
	free(dir);
	if ((fd = mkstemp(tmp)) < 0) {
		diag_add(dl, DIAG_ERROR, out, 0, 0, _("cannot create: %s"), strerror(errno));
		free(tmp);
		tmp = NULL;
		goto done;
	}
	fchmod(fd, 0644); /* a package is for sharing; mkstemp made it 0600 */
	a = archive_write_new();
	if (archive_write_set_format_zip(a) != ARCHIVE_OK ||
	    archive_write_open_fd(a, fd) != ARCHIVE_OK) {
		diag_add(dl, DIAG_ERROR, out, 0, 0, _("cannot write a zip archive: %s"),
		         archive_error_string(a));
		goto done;
	}
	for (i = 0; i < l.n; i++)
		if (zip_file(a, l.src[i], l.rel[i], &m, dl) != 0)
			goto done;
	m.id = xstrdup(mod->id);
	m.version = xstrdup(mod->version);
	pkg_manifest_sort(&m, NULL);
	text = pkg_manifest_text(&m);
	if (zip_bytes(a, "MANIFEST", text, strlen(text)) != 0)
		goto archive_err;
	if (key) {
		char *tc = trusted_comment ? xstrdup(trusted_comment)
		           : xasprintf("timestamp:%lld\tfile:MANIFEST\tlectern %s %s",
		                       (long long)time(NULL), m.id, m.version);
		sig = msig_sign(key, text, strlen(text), tc);
		free(tc);
		if (zip_bytes(a, "MANIFEST.minisig", sig, strlen(sig)) != 0)
			goto archive_err;
	}
	if (archive_write_close(a) != ARCHIVE_OK)
		goto archive_err;
	if (fsync(fd) != 0 || close(fd) != 0) {
		fd = -1;
		diag_add(dl, DIAG_ERROR, out, 0, 0, _("cannot write: %s"), strerror(errno));
		goto done;
	}
	fd = -1;
	if (rename(tmp, out) != 0) {
		diag_add(dl, DIAG_ERROR, out, 0, 0, _("cannot create: %s"), strerror(errno));
		goto done;
	}
	free(tmp);
	tmp = NULL;
	rc = 0;
	goto done;
archive_err:
	diag_add(dl, DIAG_ERROR, out, 0, 0, _("cannot write the package: %s"),
	         archive_error_string(a));
done:
	if (a)
		archive_write_free(a);
	if (fd >= 0)
		close(fd);
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	free(text);
	free(sig);
	pkg_manifest_free(&m);
	list_free(&l);
	mod_free(mod);
	return rc;
}
