/* unpack.h: a package into a staging folder, inside package/ only
 * (install.c is its one user). Every name is checked before anything is
 * written (pkg_path_check: no `..`, no absolute path, no hidden name; no
 * link, no duplicate, nothing outside MANIFEST, MANIFEST.minisig and
 * module/), and sizes are counted as the bytes arrive, whatever the
 * archive's headers declare, so a zip bomb stops at the package limits.
 * What arrives is hashed on the way, for the checks against MANIFEST. */
#ifndef LT_UNPACK_H
#define LT_UNPACK_H

#include <stddef.h>

#include "format/diag.h"
#include "manifest.h"

typedef struct {
	const char *src;       /* the package, for messages */
	char *stage;           /* MODULES/.lectern-install-XXXXXX */
	char *mod;             /* stage/module: where module/ goes */
	char *manifest, *sig;  /* their bytes, NUL-terminated, or NULL */
	size_t mlen, slen;
	pkg_manifest got;      /* each file unpacked, with its size and SHA-256 */
	long long total;       /* bytes unpacked so far */
	diag_list *dl;
} unpack_ctx;

/* unpack the zip archive c->src into c->mod; 0, or -1 with a diagnostic
 * naming the entry and what is wrong with it. */
int unpack_zip(unpack_ctx *c);
/* the same from an unpacked package: the folder c->src holding MANIFEST,
 * MANIFEST.minisig and module/ (what minisign users sign by hand). */
int unpack_dir(unpack_ctx *c);

#endif
