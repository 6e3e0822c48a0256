/* package.h: modules travel as signed packages (docs/packages.md).
 *
 * A package (NAME.lectern) is a zip archive:
 *
 *   MANIFEST            id, version and the SHA-256 of every file (manifest.h)
 *   MANIFEST.minisig    the manifest's minisign signature (minisign.h)
 *   module/...          the module's files: module.yaml and its images
 *
 * An installed module is MODULES/ID/ with the manifest and its signature
 * kept in MODULES/ID/.lectern/, so the catalog can tell later whether the
 * files are still the ones the training unit signed.
 *
 * Owns: packing, installing, removing, and checking installed modules
 * against trusted keys; the only folder that includes <archive.h> and
 * <sodium.h>. May include: base/, format/. Must not know about screens,
 * learners or the network: the commands and the catalog screen call in. */
#ifndef LT_PACKAGE_H
#define LT_PACKAGE_H

#include "format/catalog.h"
#include "format/diag.h"
#include "manifest.h"
#include "minisign.h"

/* limits on what a package may unpack to: a zip bomb stops at these
 * whatever sizes its headers declare */
enum {
	PKG_FILE_BYTES_MAX = 64 << 20,   /* one file */
	PKG_TOTAL_BYTES_MAX = 256 << 20, /* the whole module */
	PKG_SIG_MAX = 16 << 10
};

/* the keys a kiosk trusts (from trusted_keys: in the config). */
typedef struct {
	msig_pubkey *v;
	int n;
} pkg_keys;

/* parse the base64 keys (NULL-terminated list); 0, or -1 with a
 * diagnostic naming where (the config file) and which key. */
int pkg_keys_parse(pkg_keys *k, char *const *b64, const char *where, diag_list *dl);
void pkg_keys_free(pkg_keys *k);

/* pack the module at src (a NAME.yaml file or a module directory) into
 * the package out, signed with key when key is not NULL. The module must
 * pass `lectern check` and have a version. A directory is packed whole
 * (hidden entries skipped, symbolic links refused); a single file with
 * the images it shows. out is written beside itself and renamed into
 * place. Returns 0, or -1 with diagnostics (the loader's among them). */
int pkg_pack(const char *src, const char *out, const msig_seckey *key,
             const char *trusted_comment, diag_list *dl);

enum pkg_action {
	PKG_INSTALLED,     /* a module that was not there */
	PKG_UPDATED,       /* a newer version replaced an older one */
	PKG_DOWNGRADED,    /* an older version, with allow_downgrade */
	PKG_CURRENT        /* the same version was already there: nothing done */
};

typedef struct {
	const char *modules_dir;  /* where modules are installed */
	const pkg_keys *keys;     /* trusted keys; NULL or none: any signature */
	int allow_downgrade;
} pkg_policy;

typedef struct {
	char id[128];
	char version[64];
	char old_version[64];     /* "" when it was not installed */
	char signer[17];          /* key id that signed, "" when not checked */
	int action;               /* enum pkg_action */
} pkg_result;

/* install the package at path (a .lectern file, or a directory holding
 * an unpacked one: MANIFEST, MANIFEST.minisig, module/). Verifies the
 * signature (required when the policy has keys), every path, size and
 * hash, and the module itself; unpacks beside the modules in a hidden
 * folder and renames it into place (an existing copy is exchanged in one
 * rename), so an interrupted install leaves the old module or the new one.
 * Returns 0 (r says what happened), or -1 with diagnostics naming what
 * failed; nothing is changed then. */
int pkg_install(const char *path, const pkg_policy *pol, pkg_result *r, diag_list *dl);

/* where the module with this id is installed in modules_dir (malloc'd),
 * with its version in version ("" when it does not load); NULL when none. */
char *pkg_find_installed(const char *modules_dir, const char *id, char *version,
                         size_t vsize);

/* remove the installed module with this id from modules_dir (renamed
 * away first, so it disappears at once). Progress is not touched.
 * Returns 0, or -1 with a diagnostic (no such module). */
int pkg_remove(const char *modules_dir, const char *id, diag_list *dl);

/* is the module at path (a catalog entry) the one a trusted key signed?
 * 0 when its .lectern/MANIFEST is signed by one of keys and every file
 * matches it (no file missing, changed or added); -1 with one diagnostic
 * that says plainly why not. signer (may be NULL) gets the key id. */
int pkg_verify_installed(const char *path, const pkg_keys *keys, char signer[17],
                         diag_list *dl);
/* mark every catalog entry that pkg_verify_installed refuses as broken,
 * with the reason as its error, so the catalog shows it and does not open
 * it. Returns the number refused. */
int pkg_filter_catalog(cat_catalog *c, const pkg_keys *keys);

/* remove the hidden staging folders an interrupted install left in
 * modules_dir (done at the start of every install). */
void pkg_clean_staging(const char *modules_dir);

#endif
