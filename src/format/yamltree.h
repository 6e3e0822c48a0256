/* yamltree.h: a YAML document read into a small tree of nodes that keep
 * their source position. This is the only unit that includes yaml.h; the
 * module loader and the config reader both walk the tree it builds.
 *
 * It enforces the limits that keep bad input from hurting the program, each
 * reported as a diagnostic at the offending line: file size (16 MiB), nesting
 * depth (64), scalar length, one document per file, valid UTF-8, and an
 * expansion budget for aliases (aliases share the anchored node, so `*a`
 * costs nothing to build, but the nodes and the text it stands for count
 * against two budgets; a recursive alias is an error). A document that
 * loads therefore holds at most YT_MAX_FILE + YT_MAX_ALIAS_BYTES bytes of
 * text, however its aliases are arranged. */
#ifndef LT_YAMLTREE_H
#define LT_YAMLTREE_H

#include <stddef.h>

#include "diag.h"
#include "base/util.h"

enum { YT_SCALAR, YT_SEQ, YT_MAP };

enum {
	YT_MAX_FILE = 16 * 1024 * 1024, /* bytes */
	YT_MAX_DEPTH = 64,
	YT_MAX_NODES = 100000,          /* after alias expansion */
	YT_MAX_SCALAR = 1024 * 1024,    /* bytes in one scalar */
	YT_MAX_ALIAS_BYTES = 4 * 1024 * 1024 /* scalar bytes aliases add */
};

typedef struct yt_node yt_node;
struct yt_node {
	int type;          /* YT_SCALAR, YT_SEQ or YT_MAP */
	int line, col;     /* 1-based start of the node in the file */
	int plain;         /* scalar was written unquoted (may be a number/bool) */
	const char *str;   /* scalar: NUL-terminated UTF-8; else NULL */
	size_t len;        /* scalar length in bytes */
	yt_node **kids;    /* seq: items; map: key, value, key, value, ... */
	int nkids;         /* for a map, twice the number of pairs */
};

typedef struct yt_doc yt_doc;

/* read a file; returns NULL after adding at least one error to dl. */
yt_doc *yt_load_file(const char *path, diag_list *dl);
/* read a buffer; name is used in diagnostics. */
yt_doc *yt_load_buf(const char *name, const char *buf, size_t len, diag_list *dl);
/* the same, but nodes and strings go into the caller's arena, so they stay
 * valid after yt_free (the loader points a module's strings into them
 * instead of copying). On failure, what was allocated stays in mem. */
yt_doc *yt_load_file_in(const char *path, arena *mem, diag_list *dl);
yt_doc *yt_load_buf_in(const char *name, const char *buf, size_t len,
                       arena *mem, diag_list *dl);
const yt_node *yt_root(const yt_doc *doc); /* NULL for an empty document */
void yt_free(yt_doc *doc);

/* value of key in a map node, or NULL. */
const yt_node *yt_get(const yt_node *map, const char *key);

#endif
