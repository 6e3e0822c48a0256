/* model.h: a training module in memory, as the loader builds it from YAML
 * (module format v1, see docs/module-format.md). Plain data: the player,
 * the scorer and the progress store read it and never change it. Every
 * string and array lives in the module's arena, freed by mod_free. */
#ifndef LT_MODEL_H
#define LT_MODEL_H

#include "base/util.h"

enum mod_block_kind {
	BLK_PARAGRAPH, /* text with inline **bold** and *italic* */
	BLK_HEADING,
	BLK_BULLETS,
	BLK_NUMBERED,
	BLK_IMAGE,
	BLK_NOTE,      /* callouts */
	BLK_TIP,
	BLK_WARNING,
	BLK_QUOTE
};

typedef struct {
	int kind;          /* enum mod_block_kind */
	const char *text;  /* paragraph, heading, callout, quote text */
	const char **items;/* bullets / numbered items (inline markup allowed) */
	int nitems;
	const char *path;  /* image: path relative to the module directory */
	const char *alt;   /* image: alternative text (required) */
	const char *caption;
	int width;         /* image: percent of the text column, 0 = natural */
	const char *source;/* quote: who said it, may be NULL */
	int line, col;     /* where the block starts in the file */
} mod_block;

enum mod_qtype {
	Q_NONE,            /* not a question: a plain slide */
	Q_SINGLE,
	Q_MULTIPLE,
	Q_TRUE_FALSE,
	Q_ORDER,
	Q_MATCH,
	Q_SHORT,
	Q_DECISION
};

enum { NEXT_FOLLOWING = -1, NEXT_END = -2 };

/* choices, items or pairs in one question: `check` refuses more, and
 * grading (learn/grade.c) judges every question up to this size */
enum { MOD_MAX_ITEMS = 256 };

typedef struct {
	const char *text;
	int correct;       /* bool */
	const char *feedback;   /* may be NULL */
	const char *go_to;      /* decision: target slide id */
	int go_to_index;        /* decision: resolved slide index */
	int line, col;
} mod_choice;

typedef struct {
	const char *id;         /* explicit or "slide-N" (1-based) */
	const char *section;    /* starts a section of this name, or NULL */
	const char *title;      /* may be NULL */
	mod_block *blocks;      /* body */
	int nblocks;
	const char *next;       /* as written, or NULL */
	int next_index;         /* slide index, NEXT_FOLLOWING or NEXT_END */
	const char *notes;      /* trainer notes, never shown to learners */
	int line, col;          /* where the slide mapping starts */

	/* questions (qtype != Q_NONE) */
	int qtype;              /* enum mod_qtype */
	const char *question;   /* the prompt, inline markup allowed */
	int points;             /* default 1; 0 = practice */
	int attempts;           /* default 1; always 1 for decision */
	int shuffle;            /* bool */
	const char *fb_correct, *fb_incorrect; /* overall feedback, may be NULL */
	const char *explanation;/* may be NULL */
	mod_choice *choices;    /* single, multiple, decision */
	int nchoices;
	int answer;             /* true-false: 1 = true, 0 = false */
	const char **items;     /* order: in the correct order */
	int nitems;
	const char **left, **right; /* match: pairs, left[i] goes with right[i] */
	int npairs;
	const char **accept;    /* short: accepted answers; [text] marks an
	                           optional part (learn/grade.h) */
	int naccept;
	int strict_accents;     /* short: `accents: strict`, an answer that
	                           differs in accents is wrong, not close */
} mod_slide;

typedef struct {
	const char *path;       /* the YAML file */
	const char *dir;        /* directory that image paths are relative to */
	int format;             /* `lectern:` value, 1 */
	const char *id, *title;
	const char *language;   /* BCP 47, default "en" */
	const char *version, *description, *author; /* may be NULL */
	int minutes;            /* 0 when not given */
	int pass_mark;          /* 0..100, default 80 */
	int nav_free;           /* navigation: free (1) or linear (0) */
	mod_slide *slides;
	int nslides;
	int *id_index;          /* hash of slide ids: slide index + 1, 0 = empty */
	int id_index_size;      /* a power of 2; 0 until mod_index_ids ran */
	arena mem;              /* owns everything above */
} mod_module;

/* index of the slide with this id, or -1 (a hash lookup once the loader
 * has indexed the ids, else a scan). */
int mod_find_slide(const mod_module *m, const char *id);
/* index every slide id for mod_find_slide (slides must not change after).
 * When an id repeats, the earlier slide keeps it and on_dup (may be NULL) is
 * told both indices. Linear time. */
void mod_index_ids(mod_module *m, void (*on_dup)(void *ctx, int i, int earlier),
                   void *ctx);
/* index of the slide that follows i on the default path (resolving next:),
 * or NEXT_END. For a decision this is the path before the learner chooses. */
int mod_next_index(const mod_module *m, int i);
/* section name in force at slide i (the nearest earlier section:), or NULL. */
const char *mod_section_of(const mod_module *m, int i);
/* accepted answer a with its [optional] parts left out, the spelling shown
 * as the correct answer ("conflict[s] of interest": "conflict of
 * interest"), into buf; returns buf. */
char *mod_accept_plain(const char *a, char *buf, size_t size);
/* 1 when the slide is a question worth points. */
int mod_is_graded(const mod_slide *s);
const char *mod_qtype_name(int qtype); /* "single", ... */
/* free the module's arena. A module from the loader lives in its own arena,
 * so this frees it entirely; a hand-built one (tests) just loses its arena. */
void mod_free(mod_module *m);

#endif
