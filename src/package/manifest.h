/* manifest.h: what a package holds, written down so it can be signed.
 *
 * The manifest is a small text file, MANIFEST at the root of a package
 * (and .lectern/MANIFEST inside an installed module):
 *
 *   lectern-package 1
 *   id integrity-basics
 *   version 1.0
 *   file SHA256-HEX SIZE module.yaml
 *   file SHA256-HEX SIZE images/klitgaard.png
 *
 * one `file` line per file of the module, sorted by path, paths relative to
 * the module directory. The signature (MANIFEST.minisig) covers these
 * bytes; the hashes carry it over to every file. */
#ifndef LT_MANIFEST_H
#define LT_MANIFEST_H

#include <stddef.h>

#include "format/diag.h"

enum {
	PKG_SHA_BYTES = 32,
	PKG_PATH_MAX = 240,          /* bytes of a path inside a module */
	PKG_DEPTH_MAX = 8,           /* folders inside a module */
	PKG_FILES_MAX = 2000,        /* files in one package */
	PKG_MANIFEST_MAX = 512 * 1024
};

typedef struct {
	char *path;                          /* relative to the module directory */
	unsigned char sha[PKG_SHA_BYTES];
	long long size;
} pkg_file;

typedef struct {
	char *id, *version;
	pkg_file *v;                         /* sorted by path */
	int n, cap;
} pkg_manifest;

/* add a file (copies path). */
void pkg_manifest_add(pkg_manifest *m, const char *path,
                      const unsigned char sha[PKG_SHA_BYTES], long long size);
/* sort the files by path; -1 (and the path in *dup) when one repeats. */
int pkg_manifest_sort(pkg_manifest *m, const char **dup);
/* the manifest's text (malloc'd); m must be sorted. */
char *pkg_manifest_text(const pkg_manifest *m);
/* read a manifest; where names it in diagnostics (with line numbers).
 * Every path is checked with pkg_path_check. Returns 0 or -1. */
int pkg_manifest_parse(pkg_manifest *m, const char *text, size_t len,
                       const char *where, diag_list *dl);
/* the file entry for path, or NULL (binary search: m is sorted). */
const pkg_file *pkg_manifest_find(const pkg_manifest *m, const char *path);
void pkg_manifest_free(pkg_manifest *m);

/* NULL when path is a safe relative path inside a module: no leading
 * '/', no "." or ".." component, no hidden component (".lectern" is
 * Lectern's own), no backslash or control character, at most
 * PKG_PATH_MAX bytes and PKG_DEPTH_MAX folders deep; otherwise the
 * reason, in words. */
const char *pkg_path_check(const char *path);

/* SHA-256 as 64 lower-case hex digits. */
void pkg_sha_hex(const unsigned char sha[PKG_SHA_BYTES], char out[65]);
/* hash a file; 0, or -1 with a diagnostic. size receives its length. */
int pkg_sha_file(const char *path, unsigned char sha[PKG_SHA_BYTES],
                 long long *size, diag_list *dl);

/* 1 when v can name a version in a package, a feed and a file name:
 * 1 to 40 of letters, digits and . _ + -, not starting with a dot. */
int pkg_version_ok(const char *v);

/* compare two module versions: dotted numbers compare as numbers ("1.10"
 * after "1.9"), other parts as text; a missing version is the oldest.
 * Negative, zero or positive like strcmp. */
int pkg_version_cmp(const char *a, const char *b);

#endif
