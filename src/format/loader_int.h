/* loader_int.h: what the loader's files share (not for other units).
 *
 * loader.c      entry points, top-level keys, slides, ids, next/goto, reach
 * loader_val.c  typed values, key checks, "did you mean", diagnostics
 * loader_body.c body blocks and image files
 * loader_quiz.c questions and their answers
 * loader_links.c slide ids, next:/goto: resolution, paths (reach, circles) */
#ifndef LT_LOADER_INT_H
#define LT_LOADER_INT_H

#include "diag.h"
#include "model.h"
#include "yamltree.h"

enum { LD_MAX_DIAGS = 500 }; /* per file: past this a flood is noise */

typedef struct {
	const char *file;  /* the YAML file, for diagnostics */
	const char *dir;   /* base of image paths, NULL to skip file checks */
	char *realdir;     /* realpath(dir), malloc'd, NULL if unknown */
	diag_list *dl;
	mod_module *m;     /* being built; strings point into its arena */
	const yt_node *slides; /* the slides list, once known */
	int ndiags;        /* reported for this file so far */
	int nerrors;       /* errors found, reported or past the cap */
	int hidden_errors; /* errors past the cap */
} ld_ctx;

#if defined(__GNUC__)
#define LD_PRINTF __attribute__((format(printf, 3, 4)))
#else
#define LD_PRINTF
#endif

/* report at node (its line and column; NULL = whole file). */
void ld_err(ld_ctx *c, const yt_node *at, const char *fmt, ...) LD_PRINTF;
void ld_warn(ld_ctx *c, const yt_node *at, const char *fmt, ...) LD_PRINTF;

/* 1 for a YAML null: empty, ~ or null written plainly. */
int ld_is_null(const yt_node *v);
/* describe a value for "got ..." in messages: "\"eighty\"", "a list". */
const char *ld_got(const yt_node *v, char *buf, size_t size);
/* closest candidate to word within a small edit distance, or NULL. */
const char *ld_suggest(const char *word, const char *const *cands, int n);

/* check a mapping's keys against the allowed ones: unknown keys (with a
 * suggestion), repeated keys, keys that are not text; what names the
 * mapping in messages (N_("a slide"), translated only when needed). The
 * value of keys[i] goes to vals[i] (NULL when absent), so callers need no
 * further lookups: one pass over the mapping. At most 32 keys. */
void ld_check_keys(ld_ctx *c, const yt_node *map, const char *const *keys,
                   int nkeys, const char *what, const yt_node **vals);

/* text value of key (any scalar); NULL when absent or null. A list or
 * mapping is an error. */
const char *ld_text(ld_ctx *c, const yt_node *v, const char *key);
/* the same for value v of key in map, but missing (v NULL) or empty is an
 * error saying why it is needed (why is N_() text). */
const char *ld_req_text(ld_ctx *c, const yt_node *map, const yt_node *v,
                        const char *key, const char *why);
/* whole number in [min, max] into *out; Return 0, or -1 after an error.
 * An absent or null value leaves *out alone and returns 0. */
int ld_int(ld_ctx *c, const yt_node *v, const char *key, int min, int max,
           int *out);
/* true or false into *out; same conventions as ld_int. */
int ld_bool(ld_ctx *c, const yt_node *v, const char *key, int *out);
/* a list of text items (each a scalar) into the arena; min items. Returns
 * the count, or -1 after an error. */
int ld_text_list(ld_ctx *c, const yt_node *v, const char *key, int min,
                 const char ***out);

/* the keys of a slide, in the order of ld_slide_keys */
enum {
	SK_ID, SK_SECTION, SK_TITLE, SK_BODY, SK_NEXT, SK_NOTES, SK_QUESTION,
	SK_TYPE, SK_POINTS, SK_ATTEMPTS, SK_SHUFFLE, SK_FEEDBACK, SK_EXPLANATION,
	SK_CHOICES, SK_ANSWER, SK_ITEMS, SK_PAIRS, SK_ACCEPT, SK_ACCENTS, SK_COUNT
};
extern const char *const ld_slide_keys[SK_COUNT];

/* the key whose value is val in map (to point at the key), else map. */
const yt_node *ld_key_of(const yt_node *map, const yt_node *val);
/* [A-Za-z0-9_-]+: a slide id (also a next:/goto: target). */
int ld_valid_slide_id(const char *s);

/* loader_links.c: with c->slides set and every slide read, index the ids
 * and resolve and check the links. */
void ld_links(ld_ctx *c);

/* loader_body.c: body (a string or a list of blocks) into s. */
void ld_body(ld_ctx *c, const yt_node *body, mod_slide *s);
/* loader_quiz.c: question keys of slide map (values sv, by SK_*) into s. */
void ld_question(ld_ctx *c, const yt_node *map, const yt_node *const *sv,
                 mod_slide *s);

#endif
