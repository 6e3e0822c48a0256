/* classrep.h: the class report (`lectern report`): how a class did in each
 * module and which questions fail them, in the numbers Moodle's quiz
 * statistics use, written as one self-contained HTML file or as CSV.
 *
 * crep_build reads the store (every learner's summary and what each
 * attempt ended with on each question) and the modules (question texts and
 * answer keys); the writers only format what it computed, so the HTML and
 * the CSV always carry the same numbers. */
#ifndef LT_CLASSREP_H
#define LT_CLASSREP_H

#include <stdio.h>

#include "format/model.h"
#include "report.h"
#include "stats.h"
#include "store/store.h"

enum crep_flag {
	CREP_EASY = 1,      /* facility above 90 %: nearly everyone gets it */
	CREP_HARD = 2,      /* facility below 20 %: nearly nobody does */
	CREP_NEGATIVE = 4   /* discrimination below 0: the weaker do better */
};

/* one answer option, or one distinct response, and how many chose it */
typedef struct {
	char *text;             /* as the learner read it (malloc'd) */
	int count;
	int correct;            /* it is (part of) the right answer */
} crep_option;

typedef struct {
	const mod_slide *q;     /* NULL when the module is not installed */
	char id[128];           /* question (slide) id */
	int number;             /* 1-based among the module's graded questions,
	                           0 for practice questions and decisions */
	int answers;            /* attempts that answered it */
	double facility;        /* mean score / max, 0..1; NAN: no answers or
	                           not graded */
	double discrimination;  /* stat_discrimination, -1..1; NAN: undefined */
	crep_option *opt;       /* choices (single, multiple, true-false,
	                           decision: every choice in file order) or
	                           the most frequent responses (others) */
	int nopt;
	int flags;              /* enum crep_flag */
} crep_question;

typedef struct {
	char id[65];
	const mod_module *m;    /* NULL when not found in the modules directory */
	store_summary *learners;/* this module's rows (points into the report) */
	int nlearners;
	int started, finished, passed, failed;
	int hist[STAT_BINS];    /* latest score of each finished learner */
	int scored;             /* learners counted in hist */
	double time_median;     /* seconds, over learners who started; NAN none */
	long time_min, time_max;
	int attempts;           /* attempts started, all learners */
	int graded_attempts;    /* attempts with an answer to a graded question */
	crep_question *qs;
	int nq;
} crep_module;

typedef struct {
	char generated[32];     /* ISO 8601 UTC */
	const char *learner;    /* filters as given, or NULL */
	const char *module;
	const char *since;
	store_summary *rows;    /* every summary row kept (freed with the report) */
	int nrows;
	crep_module *mods;
	int nmods;
	void *cat;              /* the modules read (cat_catalog) */
} crep_report;

/* build the report from r (an open report context) for the filters (NULL:
 * all). Returns 0, or -1 with a plain message in err (since is not a date,
 * no such module or learner). */
int crep_build(crep_report *rep, rep_ctx *r, const char *module, const char *learner,
               const char *since, char *err, size_t errsize);
void crep_free(crep_report *rep);

/* the report as one self-contained HTML page (inline CSS and SVG, no
 * script, nothing fetched), in the UI language. Returns 0, or -1 on a
 * write error. */
int crep_write_html(FILE *fp, const crep_report *rep);
/* the report's tables as CSV, one file each (RFC 4180, numbers as plain
 * numbers): which is "modules", "learners", "questions" or "options". */
int crep_write_csv(FILE *fp, const crep_report *rep, const char *which);

#endif
