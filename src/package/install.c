/* install.c: a package into the modules directory (see package.h).
 *
 * How an install goes, and why it is safe to cut at any point:
 *
 *   1. take the modules directory's lock (.lectern-lock), then remove
 *      staging folders that an earlier, interrupted install left;
 *   2. unpack into MODULES/.lectern-install-XXXXXX/module/, hidden, so the
 *      catalog never lists it (unpack.c: every name checked before
 *      anything is written, sizes counted as the bytes arrive);
 *   3. check the signature of MANIFEST, then every file against it (the
 *      same set of files, each with its size and SHA-256), then load the
 *      module as the player would; keep MANIFEST and its signature in
 *      module/.lectern/ and fsync everything;
 *   4. rename into place: MODULES/ID when new, or exchanged with the old
 *      MODULES/ID in one renameat2(RENAME_EXCHANGE), after which the old
 *      copy sits in the staging folder and is removed.
 *
 * A kill or power cut before 4 leaves the old module and a hidden folder
 * that the next install removes; after it, the new module. */
#define _GNU_SOURCE /* renameat2 */
#include "package.h"
#include "unpack.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "base/i18n.h"
#include "base/util.h"
#include "format/loader.h"

static const char STAGE_PREFIX[] = ".lectern-install-";

/* ------------------------------------------------------------ helpers */
static int
rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(p);
}

/* remove a tree without following links (a failure leaves a hidden
 * folder the next install removes: nothing to report) */
static void
rm_tree(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static int
fsync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

void
pkg_clean_staging(const char *modules_dir)
{
	DIR *d = opendir(modules_dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)))
		if (strncmp(e->d_name, STAGE_PREFIX, sizeof STAGE_PREFIX - 1) == 0) {
			char *p = xasprintf("%s/%s", modules_dir, e->d_name);
			rm_tree(p);
			free(p);
		}
	closedir(d);
}

/* make the folders of rel under root (each created fresh or already one
 * of ours: staging holds no links, so nothing can point outside) */
/* ------------------------------------------------------------ checks */
/* the signature, then the files against the manifest. */
static int
check_contents(unpack_ctx *c, const pkg_policy *pol, pkg_manifest *m, pkg_result *r)
{
	const char *dup = NULL;
	int i, j;

	if (!c->manifest) {
		diag_add(c->dl, DIAG_ERROR, c->src, 0, 0,
		         _("not a Lectern package: it has no MANIFEST"));
		return -1;
	}
	if (pol->keys && pol->keys->n > 0) {
		int k;

		if (!c->sig) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("refused: the package is not "
			         "signed, and this computer installs only packages signed by a "
			         "trusted key"));
			return -1;
		}
		k = msig_verify(pol->keys->v, pol->keys->n, c->manifest, c->mlen, c->sig,
		                "MANIFEST.minisig", NULL, 0, c->dl);
		if (k < 0) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0,
			         _("refused: the signature of MANIFEST is not good"));
			return -1;
		}
		msig_id_hex(pol->keys->v[k].id, r->signer);
	}
	if (pkg_manifest_parse(m, c->manifest, c->mlen, "MANIFEST", c->dl) != 0) {
		diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("refused: MANIFEST is damaged"));
		return -1;
	}
	if (pkg_manifest_sort(&c->got, &dup) != 0) {
		diag_add(c->dl, DIAG_ERROR, c->src, 0, 0,
		         _("module/%s: refused: the name appears twice"), dup);
		return -1;
	}
	/* names that differ only in case are one file on a FAT stick */
	for (i = 1; i < c->got.n; i++)
		for (j = i - 1; j >= 0 && j >= i - 8; j--)
			if (strcasecmp(c->got.v[i].path, c->got.v[j].path) == 0) {
				diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("module/%s: refused: the "
				         "name appears twice (in other letter case)"), c->got.v[i].path);
				return -1;
			}
	for (i = 0; i < m->n; i++) {
		const pkg_file *f = pkg_manifest_find(&c->got, m->v[i].path);

		if (!f) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("module/%s: refused: listed in "
			         "MANIFEST but missing from the package"), m->v[i].path);
			return -1;
		}
		if (f->size != m->v[i].size || sodium_memcmp(f->sha, m->v[i].sha,
		                                              PKG_SHA_BYTES) != 0) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("module/%s: refused: its "
			         "SHA-256 does not match MANIFEST (the file was changed)"),
			         m->v[i].path);
			return -1;
		}
	}
	for (i = 0; i < c->got.n; i++)
		if (!pkg_manifest_find(m, c->got.v[i].path)) {
			diag_add(c->dl, DIAG_ERROR, c->src, 0, 0, _("module/%s: refused: not "
			         "listed in MANIFEST (a file was added)"), c->got.v[i].path);
			return -1;
		}
	return 0;
}

static int
write_small(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644), ok;

	if (fd < 0)
		return -1;
	ok = write(fd, data, len) == (ssize_t)len && fsync(fd) == 0;
	return close(fd) == 0 && ok ? 0 : -1;
}

/* keep the manifest and its signature in module/.lectern/, fsync the
 * folders, so what is renamed into place is complete on disk */
static int
seal(unpack_ctx *c)
{
	char *d = xasprintf("%s/.lectern", c->mod), *p;
	int rc = mkdir(d, 0755);

	p = xasprintf("%s/MANIFEST", d);
	if (rc == 0)
		rc = write_small(p, c->manifest, c->mlen);
	free(p);
	if (rc == 0 && c->sig) {
		p = xasprintf("%s/MANIFEST.minisig", d);
		rc = write_small(p, c->sig, c->slen);
		free(p);
	}
	if (rc == 0)
		rc = fsync_path(d);
	free(d);
	/* every folder of the module: a file's name is durable once its
	 * folder is synced */
	if (rc == 0) {
		int i;

		for (i = 0; i < c->got.n && rc == 0; i++) {
			char *f = xasprintf("%s/%s", c->mod, c->got.v[i].path), *s = strrchr(f, '/');
			*s = '\0';
			rc = fsync_path(f);
			free(f);
		}
		if (rc == 0)
			rc = fsync_path(c->mod);
	}
	if (rc != 0)
		diag_add(c->dl, DIAG_ERROR, c->stage, 0, 0, _("cannot write: %s"), strerror(errno));
	return rc;
}

char *
pkg_find_installed(const char *modules_dir, const char *id, char *version, size_t vsize)
{
	cat_catalog cat = { 0 };
	diag_list dl = { 0 };
	char *path = NULL;
	int i;

	if (cat_scan(&cat, modules_dir, &dl) == 0 && (i = cat_find(&cat, id)) >= 0) {
		path = xstrdup(cat.v[i].path);
		snprintf(version, vsize, "%s", cat.v[i].mod->version ? cat.v[i].mod->version : "");
	} else {
		/* a broken copy (it did not load) still holds the place */
		char *p = xasprintf("%s/%s", modules_dir, id);
		struct stat st;

		if (lstat(p, &st) == 0)
			path = p, *version = '\0';
		else
			free(p);
	}
	cat_free(&cat);
	diag_free(&dl);
	return path;
}

static int
lock_dir(const char *modules_dir, diag_list *dl)
{
	char *p = xasprintf("%s/.lectern-lock", modules_dir);
	int fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

	if (fd < 0 || flock(fd, LOCK_EX) != 0) {
		diag_add(dl, DIAG_ERROR, modules_dir, 0, 0,
		         _("cannot lock the modules folder: %s"), strerror(errno));
		if (fd >= 0)
			close(fd);
		fd = -1;
	}
	free(p);
	return fd;
}

/* ------------------------------------------------------------ install */
int
pkg_install(const char *path, const pkg_policy *pol, pkg_result *r, diag_list *dl)
{
	unpack_ctx c = { .src = path, .dl = dl };
	pkg_manifest m = { 0 };
	mod_module *mod = NULL;
	diag_list ld = { 0 };
	struct stat st;
	char *target = NULL, *old = NULL;
	int lock, rc = -1, cmp;

	memset(r, 0, sizeof *r);
	if (msig_init() != 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("libsodium cannot start"));
		return -1;
	}
	if (stat(path, &st) != 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("cannot open: %s"), strerror(errno));
		return -1;
	}
	if ((lock = lock_dir(pol->modules_dir, dl)) < 0)
		return -1;
	pkg_clean_staging(pol->modules_dir);
	c.stage = xasprintf("%s/%sXXXXXX", pol->modules_dir, STAGE_PREFIX);
	if (!mkdtemp(c.stage)) {
		diag_add(dl, DIAG_ERROR, pol->modules_dir, 0, 0,
		         _("cannot install here: %s"), strerror(errno));
		free(c.stage);
		c.stage = NULL;
		goto out;
	}
	c.mod = xasprintf("%s/module", c.stage);
	if (mkdir(c.mod, 0755) != 0) {
		diag_add(dl, DIAG_ERROR, c.stage, 0, 0, _("cannot write: %s"), strerror(errno));
		goto out;
	}
	if ((S_ISDIR(st.st_mode) ? unpack_dir(&c) : unpack_zip(&c)) != 0 ||
	    check_contents(&c, pol, &m, r) != 0)
		goto out;

	/* the module itself, as the player will load it */
	mod = loader_load(c.mod, &ld);
	if (!mod || ld.nerrors) {
		int i;

		for (i = 0; i < ld.n; i++)
			if (ld.v[i].severity == DIAG_ERROR) {
				char *rel = ld.v[i].file;

				if (strncmp(rel, c.mod, strlen(c.mod)) == 0)
					rel += strlen(c.mod) + 1;
				diag_add(dl, DIAG_ERROR, path, 0, 0, "module/%s:%d:%d: %s", rel,
				         ld.v[i].line, ld.v[i].col, ld.v[i].msg);
				break;
			}
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("refused: the module in the package "
		         "has errors"));
		goto out;
	}
	if (strcmp(mod->id, m.id) != 0 || !mod->version || strcmp(mod->version, m.version)) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("refused: MANIFEST names %s %s but "
		         "the module is %s %s"), m.id, m.version, mod->id,
		         mod->version ? mod->version : "-");
		goto out;
	}
	snprintf(r->id, sizeof r->id, "%s", m.id);
	snprintf(r->version, sizeof r->version, "%s", m.version);

	old = pkg_find_installed(pol->modules_dir, m.id, r->old_version, sizeof r->old_version);
	cmp = old ? pkg_version_cmp(m.version, r->old_version) : 1;
	if (old && cmp == 0) {
		r->action = PKG_CURRENT;
		rc = 0;
		goto out;
	}
	if (old && cmp < 0 && !pol->allow_downgrade) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("refused: version %s is older than the "
		         "installed %s (use --allow-downgrade to go back)"), m.version,
		         r->old_version);
		goto out;
	}
	if (seal(&c) != 0)
		goto out;

	target = xasprintf("%s/%s", pol->modules_dir, m.id);
	if (old && strcmp(old, target) == 0) {
		/* one step: the new folder takes the name, the old one goes
		 * to staging to be removed */
		if (renameat2(AT_FDCWD, c.mod, AT_FDCWD, target, RENAME_EXCHANGE) != 0) {
			/* two renames would leave a moment with no module: refuse
			 * rather than risk it */
			if (errno == EINVAL || errno == ENOSYS)
				diag_add(dl, DIAG_ERROR, target, 0, 0, _("cannot replace: this file "
				         "system cannot swap two folders in one step; keep the modules "
				         "folder on ext4, xfs, btrfs or tmpfs"));
			else
				diag_add(dl, DIAG_ERROR, target, 0, 0, _("cannot replace: %s"),
				         strerror(errno));
			goto out;
		}
	} else {
		if (rename(c.mod, target) != 0) {
			diag_add(dl, DIAG_ERROR, target, 0, 0, _("cannot install: %s"),
			         strerror(errno));
			goto out;
		}
		/* the old copy had another name (NAME.yaml, another folder):
		 * move it away after, so the module is never missing */
		if (old) {
			char *away = xasprintf("%s/old", c.stage);
			rename(old, away);
			free(away);
		}
	}
	fsync_path(pol->modules_dir);
	r->action = !old ? PKG_INSTALLED : cmp > 0 ? PKG_UPDATED : PKG_DOWNGRADED;
	rc = 0;
out:
	if (c.stage) {
		rm_tree(c.stage);
		free(c.stage);
	}
	free(c.mod);
	free(c.manifest);
	free(c.sig);
	free(target);
	free(old);
	pkg_manifest_free(&c.got);
	pkg_manifest_free(&m);
	mod_free(mod);
	diag_free(&ld);
	close(lock);
	return rc;
}

int
pkg_remove(const char *modules_dir, const char *id, diag_list *dl)
{
	char ver[64], *old, *away;
	int lock, rc = -1;

	if ((lock = lock_dir(modules_dir, dl)) < 0)
		return -1;
	old = pkg_find_installed(modules_dir, id, ver, sizeof ver);
	if (!old) {
		diag_add(dl, DIAG_ERROR, modules_dir, 0, 0, _("no module with the id \"%s\" "
		         "is installed here"), id);
	} else {
		away = xasprintf("%s/%sXXXXXX", modules_dir, STAGE_PREFIX);
		if (!mkdtemp(away)) {
			diag_add(dl, DIAG_ERROR, modules_dir, 0, 0, _("cannot remove: %s"),
			         strerror(errno));
		} else {
			char *to = xasprintf("%s/old", away);

			if (rename(old, to) != 0)
				diag_add(dl, DIAG_ERROR, old, 0, 0, _("cannot remove: %s"),
				         strerror(errno));
			else
				rc = 0;
			fsync_path(modules_dir);
			rm_tree(away);
			free(to);
		}
		free(away);
	}
	free(old);
	close(lock);
	return rc;
}
