/* trust.c: is an installed module still the one a trusted key signed?
 *
 * The install keeps MANIFEST and MANIFEST.minisig in MODULES/ID/.lectern/.
 * Checking a module is then: the signature over that MANIFEST by one of
 * the trusted keys, and the module folder holding exactly the files it
 * lists with their sizes and hashes. A quiz answer edited in place, an
 * image swapped, a file added: each is named in the reason the catalog
 * shows. A NAME.yaml file or a folder copied by hand has no .lectern/ and
 * is refused for that. Modules are small (a YAML file and a few images),
 * so hashing them each time the catalog opens costs milliseconds. */
#include "package.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "base/i18n.h"
#include "base/util.h"

int
pkg_keys_parse(pkg_keys *k, char *const *b64, const char *where, diag_list *dl)
{
	int n = 0, i;

	k->v = NULL;
	k->n = 0;
	while (b64 && b64[n])
		n++;
	if (!n)
		return 0;
	k->v = xcalloc((size_t)n, sizeof *k->v);
	for (i = 0; i < n; i++) {
		if (msig_pubkey_parse(&k->v[k->n], b64[i], where, dl) != 0) {
			diag_add(dl, DIAG_ERROR, where, 0, 0,
			         _("trusted_keys: key %d is not a minisign public key"), i + 1);
			pkg_keys_free(k);
			return -1;
		}
		k->n++;
	}
	return 0;
}

void
pkg_keys_free(pkg_keys *k)
{
	free(k->v);
	k->v = NULL;
	k->n = 0;
}

/* read a whole file up to max bytes; NULL when missing or larger */
static char *
read_file(const char *path, size_t max, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;

	if (!fp)
		return NULL;
	buf = xmalloc(max + 1);
	*len = fread(buf, 1, max + 1, fp);
	fclose(fp);
	if (*len > max) {
		free(buf);
		return NULL;
	}
	buf[*len] = '\0';
	return buf;
}

/* compare the files under dir with the manifest; count those seen */
static int
walk_check(const char *dir, const char *rel, const pkg_manifest *m, int *seen,
           const char *where, diag_list *dl, int depth)
{
	struct dirent **ents;
	int n, i, rc = 0;

	if ((n = scandir(dir, &ents, NULL, alphasort)) < 0) {
		diag_add(dl, DIAG_ERROR, where, 0, 0, _("cannot read %s: %s"), dir,
		         strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		const char *b = ents[i]->d_name;
		char *full, *r;
		struct stat st;

		/* "." and ".." and Lectern's own .lectern/ at the top; any other
		 * hidden file was not in the package */
		if (rc || !strcmp(b, ".") || !strcmp(b, "..") ||
		    (depth == 0 && !strcmp(b, ".lectern"))) {
			free(ents[i]);
			continue;
		}
		full = xasprintf("%s/%s", dir, b);
		r = *rel ? xasprintf("%s/%s", rel, b) : xstrdup(b);
		if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode) && depth < PKG_DEPTH_MAX) {
			rc = walk_check(full, r, m, seen, where, dl, depth + 1);
		} else {
			const pkg_file *f = pkg_manifest_find(m, r);
			unsigned char sha[PKG_SHA_BYTES];
			long long size;

			if (!f || !S_ISREG(st.st_mode)) {
				diag_add(dl, DIAG_ERROR, where, 0, 0, _("not signed by a trusted "
				         "key: %s was added after signing"), r);
				rc = -1;
			} else if (pkg_sha_file(full, sha, &size, dl) != 0) {
				rc = -1;
			} else if (size != f->size || sodium_memcmp(sha, f->sha, PKG_SHA_BYTES)) {
				diag_add(dl, DIAG_ERROR, where, 0, 0, _("not signed by a trusted "
				         "key: %s was changed after signing"), r);
				rc = -1;
			} else {
				(*seen)++;
			}
		}
		free(full);
		free(r);
		free(ents[i]);
	}
	free(ents);
	return rc;
}

int
pkg_verify_installed(const char *path, const pkg_keys *keys, char signer[17],
                     diag_list *dl)
{
	pkg_manifest m = { 0 };
	diag_list inner = { 0 };
	struct stat st;
	char *mp, *sp, *man = NULL, *sig = NULL;
	const char *b;
	size_t mlen = 0, slen = 0;
	int k, seen = 0, rc = -1;

	if (msig_init() != 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("libsodium cannot start"));
		return -1;
	}
	/* MODULES/ID/module.yaml is the module MODULES/ID */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && (b = strrchr(path, '/')) &&
	    strcmp(b, "/module.yaml") == 0) {
		char *dir = xstrndup(path, (size_t)(b - path));

		rc = pkg_verify_installed(dir, keys, signer, dl);
		free(dir);
		return rc;
	}
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("not signed by a trusted key: it was "
		         "not installed from a signed package"));
		return -1;
	}
	mp = xasprintf("%s/.lectern/MANIFEST", path);
	sp = xasprintf("%s/.lectern/MANIFEST.minisig", path);
	man = read_file(mp, PKG_MANIFEST_MAX, &mlen);
	sig = read_file(sp, PKG_SIG_MAX, &slen);
	if (!man) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("not signed by a trusted key: it was "
		         "not installed from a signed package"));
	} else if (!sig) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("not signed by a trusted key: its "
		         "package was not signed"));
	} else if ((k = msig_verify(keys ? keys->v : NULL, keys ? keys->n : 0, man, mlen,
	                            sig, sp, NULL, 0, &inner)) < 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("not signed by a trusted key: %s"),
		         inner.n ? inner.v[0].msg : "");
	} else if (pkg_manifest_parse(&m, man, mlen, mp, &inner) != 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("not signed by a trusted key: "
		         "its MANIFEST is damaged"));
	} else if (walk_check(path, "", &m, &seen, path, dl, 0) == 0) {
		if (seen != m.n) {
			int i;
			char *f;

			for (i = 0; i < m.n; i++) {
				f = xasprintf("%s/%s", path, m.v[i].path);
				if (access(f, F_OK) != 0) {
					diag_add(dl, DIAG_ERROR, path, 0, 0, _("not signed by a trusted "
					         "key: %s is missing"), m.v[i].path);
					free(f);
					break;
				}
				free(f);
			}
			if (i == m.n)
				diag_add(dl, DIAG_ERROR, path, 0, 0, _("not signed by a trusted key: "
				         "files are missing"));
		} else {
			if (signer)
				msig_id_hex(keys->v[k].id, signer);
			rc = 0;
		}
	}
	pkg_manifest_free(&m);
	diag_free(&inner);
	free(man);
	free(sig);
	free(mp);
	free(sp);
	return rc;
}

int
pkg_filter_catalog(cat_catalog *c, const pkg_keys *keys)
{
	int i, refused = 0;

	for (i = 0; i < c->n; i++) {
		cat_entry *e = &c->v[i];
		diag_list dl = { 0 };

		if (!e->mod || pkg_verify_installed(e->path, keys, NULL, &dl) == 0) {
			diag_free(&dl);
			continue;
		}
		/* shown as a broken module: the card says why, it does not open */
		mod_free(e->mod);
		e->mod = NULL;
		free(e->error.file);
		free(e->error.msg);
		e->error = dl.v[0];
		e->error.file = xstrdup(dl.v[0].file);
		e->error.msg = xstrdup(dl.v[0].msg);
		e->error.line = e->error.col = 0;
		e->nerrors++;
		e->refused = 1;
		refused++;
		diag_free(&dl);
	}
	return refused;
}
