/* unpack.c: a package into a staging folder (see unpack.h).
 *
 * Both sources, a zip archive read by libarchive and an unpacked folder,
 * go through take_member with a reader function, so the checks are the
 * same code: MANIFEST and its signature are read into memory (small,
 * capped), each module/ file is written with O_EXCL and O_NOFOLLOW into
 * folders made fresh (staging holds no links, so nothing can point out of
 * it), counted and hashed as it arrives, and fsync'ed. */
#include "unpack.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <sodium.h>

#include "base/i18n.h"
#include "base/util.h"
#include "package.h"

/* a reader of one entry's bytes: archive or plain file; on an error it
 * returns -1 with the reason written into buf */
typedef la_ssize_t (*unpack_read_fn)(void *arg, void *buf, size_t n);

static int
make_parents(unpack_ctx *c, const char *rel)
{
	char *p = xasprintf("%s/%s", c->mod, rel), *s = p + strlen(c->mod) + 1;
	struct stat st;
	int rc = 0;

	while ((s = strchr(s, '/'))) {
		*s = '\0';
		if (mkdir(p, 0755) != 0 && (errno != EEXIST || lstat(p, &st) != 0 ||
		                            !S_ISDIR(st.st_mode))) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0,
			         _("%s: refused: a file and a folder have the same name"), rel);
			rc = -1;
			break;
		}
		*s++ = '/';
	}
	free(p);
	return rc;
}

/* write one module file into staging from rd, counting and hashing the
 * bytes as they come; declared < 0 when the size is not known. */
static int
stage_file(unpack_ctx *c, const char *rel, long long declared, unpack_read_fn rd, void *arg)
{
	crypto_hash_sha256_state st;
	unsigned char buf[65536], sha[PKG_SHA_BYTES];
	const char *why = pkg_path_check(rel);
	long long n = 0;
	char *path;
	int fd;
	la_ssize_t got;

	if (why) {
		diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("module/%s: refused: %s"), rel, why);
		return -1;
	}
	if (c->got.n >= PKG_FILES_MAX) {
		diag_add(c->dl, DIAG_ERROR, c->src, 0, 0,
		         _("refused: more than %d files"), PKG_FILES_MAX);
		return -1;
	}
	if (declared > PKG_FILE_BYTES_MAX || c->total + declared > PKG_TOTAL_BYTES_MAX) {
		diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("module/%s: refused: it declares "
		         "%lld bytes, over the limit of a package"), rel, declared);
		return -1;
	}
	if (make_parents(c, rel) != 0)
		return -1;
	path = xasprintf("%s/%s", c->mod, rel);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0644);
	if (fd < 0) {
		if (errno == EEXIST)
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0,
			         _("module/%s: refused: the name appears twice"), rel);
		else
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("module/%s: cannot unpack: %s"),
			         rel, strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	crypto_hash_sha256_init(&st);
	while ((got = rd(arg, buf, sizeof buf)) > 0) {
		n += got;
		c->total += got;
		/* what arrives counts, not what the header said: a zip bomb
		 * stops here */
		if (n > PKG_FILE_BYTES_MAX || c->total > PKG_TOTAL_BYTES_MAX) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("module/%s: refused: it "
			         "unpacks to more than the limit of a package"), rel);
			close(fd);
			return -1;
		}
		crypto_hash_sha256_update(&st, buf, (size_t)got);
		if (write(fd, buf, (size_t)got) != got) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("module/%s: cannot unpack: %s"),
			         rel, strerror(errno));
			close(fd);
			return -1;
		}
	}
	if (got < 0) {
		diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("module/%s: the package is "
		         "damaged here: %s"), rel, (const char *)buf);
		close(fd);
		return -1;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("module/%s: cannot unpack: %s"),
		         rel, strerror(errno));
		return -1;
	}
	crypto_hash_sha256_final(&st, sha);
	pkg_manifest_add(&c->got, rel, sha, n);
	return 0;
}

/* read a small member (MANIFEST, its signature) into memory */
static char *
slurp(unpack_ctx *c, const char *name, size_t max, size_t *len, unpack_read_fn rd, void *arg)
{
	char *buf = xmalloc(max + 1);
	size_t n = 0;
	la_ssize_t got;

	while ((got = rd(arg, buf + n, max + 1 - n)) > 0) {
		n += (size_t)got;
		if (n > max) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("%s: refused: too large"), name);
			free(buf);
			return NULL;
		}
	}
	if (got < 0) {
		diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("%s: the package is damaged here"),
		         name);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* one member of a package, by its name in the package */
static int
take_member(unpack_ctx *c, const char *name, long long declared, unpack_read_fn rd, void *arg)
{
	if (strcmp(name, "MANIFEST") == 0 || strcmp(name, "MANIFEST.minisig") == 0) {
		int is_sig = name[8] == '.';
		char **dst = is_sig ? &c->sig : &c->manifest;

		if (*dst) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0,
			         _("%s: refused: the name appears twice"), name);
			return -1;
		}
		*dst = slurp(c, name, is_sig ? PKG_SIG_MAX : PKG_MANIFEST_MAX,
		             is_sig ? &c->slen : &c->mlen, rd, arg);
		return *dst ? 0 : -1;
	}
	if (strncmp(name, "module/", 7) == 0)
		return stage_file(c, name + 7, declared, rd, arg);
	diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("%s: refused: a package holds only "
	         "MANIFEST, MANIFEST.minisig and module/"), name);
	return -1;
}

/* ------------------------------------------------------------ zip */
static la_ssize_t
zip_read(void *arg, void *buf, size_t n)
{
	la_ssize_t got = archive_read_data((struct archive *)arg, buf, n);

	if (got < 0) /* the reason where the caller prints it */
		snprintf(buf, n, "%s", archive_error_string((struct archive *)arg));
	return got;
}

int
unpack_zip(unpack_ctx *c)
{
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	int r, rc = -1, entries = 0;

	archive_read_support_format_zip(a);
	if (archive_read_open_filename(a, c->src, 65536) != ARCHIVE_OK) {
		diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("not a package (a zip archive): %s"),
		         archive_error_string(a));
		goto out;
	}
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
		const char *name = archive_entry_pathname_utf8(e);
		mode_t type = archive_entry_filetype(e);

		if (!name)
			name = archive_entry_pathname(e);
		if (!name || !*name) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("refused: an entry has no name"));
			goto out;
		}
		if (++entries > PKG_FILES_MAX + 64) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0,
			         _("refused: more than %d files"), PKG_FILES_MAX);
			goto out;
		}
		if (type == AE_IFLNK || archive_entry_symlink(e) || archive_entry_hardlink(e)) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0,
			         _("%s: refused: a link (a package holds only files)"), name);
			goto out;
		}
		if (type == AE_IFDIR) {
			/* folders are made as files need them; the name must still
			 * be one a file could have */
			char *d = xstrdup(name);
			size_t n = strlen(d);
			const char *why;

			while (n && d[n - 1] == '/')
				d[--n] = '\0';
			why = strcmp(d, "module") == 0 ? NULL
			      : strncmp(d, "module/", 7) == 0 ? pkg_path_check(d + 7)
			      : _("a folder outside module/");
			if (why)
				diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("%s: refused: %s"), name, why);
			free(d);
			if (why)
				goto out;
			continue;
		}
		if (type != AE_IFREG) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0,
			         _("%s: refused: not a plain file"), name);
			goto out;
		}
		if (take_member(c, name, archive_entry_size_is_set(e) ? archive_entry_size(e)
		                : -1, zip_read, a) != 0)
			goto out;
	}
	if (r != ARCHIVE_EOF) {
		diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("the package is damaged: %s"),
		         archive_error_string(a));
		goto out;
	}
	rc = 0;
out:
	archive_read_free(a);
	return rc;
}

/* ------------------------------------------------------------ unpacked dir */
static la_ssize_t
fd_read(void *arg, void *buf, size_t n)
{
	ssize_t got;

	do
		got = read(*(int *)arg, buf, n);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		snprintf(buf, n, "%s", strerror(errno));
	return got;
}

static int
copy_member(unpack_ctx *c, const char *path, const char *name)
{
	struct stat st;
	int fd, rc;

	if (lstat(path, &st) != 0) {
		diag_add(c->dl, DIAG_ERROR, path, 0, 0, _("cannot read: %s"), strerror(errno));
		return -1;
	}
	if (S_ISLNK(st.st_mode) || !S_ISREG(st.st_mode)) {
		diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, S_ISLNK(st.st_mode)
		         ? _("%s: refused: a link (a package holds only files)")
		         : _("%s: refused: not a plain file"), name);
		return -1;
	}
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW)) < 0) {
		diag_add(c->dl, DIAG_ERROR, path, 0, 0, _("cannot read: %s"), strerror(errno));
		return -1;
	}
	rc = take_member(c, name, (long long)st.st_size, fd_read, &fd);
	close(fd);
	return rc;
}

static int
copy_tree(unpack_ctx *c, const char *dir, const char *name, int depth)
{
	struct dirent **ents;
	int n, i, rc = 0;

	if (depth > PKG_DEPTH_MAX + 1) {
		diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("%s: refused: %s"), name,
		         _("folders nested too deep"));
		return -1;
	}
	if ((n = scandir(dir, &ents, NULL, alphasort)) < 0) {
		diag_add(c->dl, DIAG_ERROR, dir, 0, 0, _("cannot read: %s"), strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		const char *b = ents[i]->d_name;
		char *full, *nm;
		struct stat st;

		if (rc == 0 && strcmp(b, ".") && strcmp(b, "..")) {
			full = xasprintf("%s/%s", dir, b);
			nm = xasprintf("%s/%s", name, b);
			if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode) && b[0] != '.')
				rc = copy_tree(c, full, nm, depth + 1);
			else
				rc = copy_member(c, full, nm);
			free(full);
			free(nm);
		}
		free(ents[i]);
	}
	free(ents);
	return rc;
}

int
unpack_dir(unpack_ctx *c)
{
	char *p;
	int rc;

	p = xasprintf("%s/MANIFEST", c->src);
	rc = copy_member(c, p, "MANIFEST");
	free(p);
	p = xasprintf("%s/MANIFEST.minisig", c->src);
	if (rc == 0 && access(p, F_OK) == 0)
		rc = copy_member(c, p, "MANIFEST.minisig");
	free(p);
	p = xasprintf("%s/module", c->src);
	if (rc == 0)
		rc = copy_tree(c, p, "module", 0);
	free(p);
	return rc;
}
