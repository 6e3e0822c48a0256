/* store.h: the progress store. Learners, per-module progress, every answer
 * and the xAPI outbox, in SQLite (this is the only unit that includes
 * sqlite3.h). Every change is one transaction that also writes its xAPI
 * statements, committed before the call returns: when store_answer returns
 * 0 the answer survives a power cut.
 *
 * The store never makes the player fail: when the database cannot be
 * written (read-only or full disk) calls return -1 and store_warning() says,
 * in plain words, that progress is not being saved. */
#ifndef LT_STORE_H
#define LT_STORE_H

#include <stddef.h>
#include <stdio.h>

#include "format/model.h"

typedef struct store store;

enum store_status {
	ST_NOT_STARTED,
	ST_IN_PROGRESS,
	ST_COMPLETED,
	ST_PASSED,
	ST_FAILED
};

typedef struct {
	const char *home_page;  /* xAPI actor account homePage, NULL = default */
	const char *base_iri;   /* activity id prefix, NULL = urn:lectern:module: */
} store_xapi_opts;

/* open (creating, migrating, or recovering) the database in data_dir, or the
 * default $XDG_DATA_HOME/lectern when data_dir is NULL. Always returns a
 * store; check store_warning() for what the learner must be told. */
store *store_open(const char *data_dir, const store_xapi_opts *xo);
/* plain-words message for the learner (recovered from corruption, not
 * saving, ...), or NULL when all is well. */
const char *store_warning(const store *st);
int store_is_saving(const store *st);
void store_close(store *st);

enum store_health {
	STORE_OK,        /* the database is open and saving */
	STORE_RECOVERED, /* a damaged database was moved aside; a new one saves */
	STORE_NOT_SAVING,/* read-only, full or unreachable: kept in memory only */
	STORE_TOO_NEW    /* written by a newer Lectern: left untouched, memory only */
};
int store_health(const store *st);
/* the database file in use (in memory only: the file that could not be
 * used). */
const char *store_path(const store *st);
/* the name of the default learner: the OS user name, else "learner". */
const char *store_default_learner(char *buf, size_t size);
/* run PRAGMA integrity_check: 1 when "ok", else 0 with the first problem
 * in msg. */
int store_integrity(store *st, char *msg, size_t size);

/* ------------------------------------------------------------ learners */
/* id of the learner with this name, created if new; -1 on failure. */
long store_learner(store *st, const char *name);
/* names of all learners, sorted; *n is set. Free with store_free_names. */
char **store_learners(store *st, int *n);
void store_free_names(char **names, int n);
int store_rename_learner(store *st, const char *from, const char *to);
int store_remove_learner(store *st, const char *name);

/* ------------------------------------------------------------ progress */
/* a learner's state in one module, as the player needs it. Arrays are
 * indexed by slide index and have m->nslides entries. */
typedef struct {
	int status;             /* enum store_status */
	int attempt;            /* 1-based, current attempt */
	int bookmark;           /* slide index to resume at (0 when new) */
	int score;              /* percent of the current attempt, -1 none */
	int best_score;         /* best percent over attempts, -1 none */
	long time_spent_s;
	int version_changed;    /* module version differs from the stored one */
	int resumed;            /* there was earlier progress */
	unsigned char *seen;    /* slide seen in this attempt */
	char **response;        /* last response this attempt, or NULL */
	unsigned char *correct; /* that response was correct */
	int *tries;             /* tries used this attempt */
	int nslides;
} store_progress;

/* how the store asks whether a stored response still fits its question
 * after a module update: 1 right, 0 wrong, -1 does not fit (dropped). The
 * session passes grade_judge: the store keeps responses, it never judges. */
typedef int (*store_judge_fn)(const mod_slide *q, const char *response);

/* the outcome of a finished attempt, as the learning session scored it
 * (learn/score.h): the store records it and never computes it. */
typedef struct {
	int percent;            /* -1: no graded question on the path */
	int passed;
	int earned, possible;   /* points on the path */
} store_outcome;

/* resume or start the module for learner: fills p (free with
 * store_progress_free), records `initialized` or `resumed`. Returns 0
 * whenever p is filled, saved or not (the learner goes on either way); -1
 * only for bad arguments. The calls below return 0 only when the change is
 * on disk, and always update p. */
int store_begin(store *st, long learner, const mod_module *m, store_judge_fn judge,
                store_progress *p);
/* learner is now at slide i: bookmark, seen, `experienced`. */
int store_visit(store *st, long learner, const mod_module *m, store_progress *p, int i);
/* record an answer to the question at slide i (committed when 0 is
 * returned), with `answered`. Updates p. */
int store_answer(store *st, long learner, const mod_module *m, store_progress *p,
                 int i, const char *response, int correct, int points);
/* the learner reached the end with outcome o: sets the score (and the best
 * score), completed/passed/failed, `completed` and `passed`/`failed`. */
int store_finish(store *st, long learner, const mod_module *m, store_progress *p,
                 const store_outcome *o);
/* start a new attempt, keeping the best score. */
int store_retake(store *st, long learner, const mod_module *m, store_progress *p);
/* add active seconds to the time spent. */
int store_add_time(store *st, long learner, const mod_module *m, store_progress *p,
                   long seconds);
/* the learner left the module (catalog, logout, quit): `suspended` or
 * `terminated`. */
int store_leave(store *st, long learner, const mod_module *m, store_progress *p);
void store_progress_free(store_progress *p);

/* a summary row, as in the catalog, `lectern progress` and the CSV. */
typedef struct {
	char learner[128];
	char module_id[65];
	char module_version[64];
	int status;
	int score;              /* percent, -1 none */
	int slides_seen, slides_total;
	int questions_answered, questions_total;
	long time_spent_s;
	char started_at[32], completed_at[32]; /* ISO 8601 UTC, "" when none */
	char bookmark[128];     /* slide id */
	int best_score;         /* best percent over attempts, -1 none */
	int attempt;            /* the current attempt, 1-based (0: not started) */
	char updated_at[32];    /* last activity, ISO 8601 UTC, "" when none */
} store_summary;

/* summary of one learner in one module; status ST_NOT_STARTED when none. */
int store_summary_get(store *st, long learner, const char *module_id,
                      store_summary *out);
const char *store_status_name(int status); /* "not-started", ... */
/* every summary row, ordered by learner then module; learner NULL for all.
 * Returns a malloc'd array (free()), *n set; NULL with *n = 0 when none. */
store_summary *store_summaries(store *st, const char *learner, int *n);

/* one recorded answer (trainer detail view, tests). */
typedef struct {
	char question_id[128];
	int attempt;
	char *response;         /* malloc'd */
	int correct, points;
	char answered_at[32];
} store_answer_row;
/* every answer of learner in module_id, oldest first; free with
 * store_free_answers. */
store_answer_row *store_answers(store *st, long learner, const char *module_id,
                                int *n);
void store_free_answers(store_answer_row *a, int n);

/* what one attempt ended with on one question: its last answer. */
typedef struct {
	char learner[128];
	int attempt;
	char question_id[128];
	char *response;         /* malloc'd */
	int correct, points;
	int tries;              /* answers given to it in that attempt */
	char answered_at[32];
} store_final_answer;
/* the last answer to each question in each attempt in module_id, of
 * learner (NULL: everyone) and answered at or after since (ISO 8601 date
 * or time, NULL: all), ordered by learner, attempt and question. *n is set;
 * -1 in *n when since is not a date. Free with store_free_final_answers. */
store_final_answer *store_final_answers(store *st, const char *module_id,
                                        const char *learner, const char *since,
                                        int *n);
void store_free_final_answers(store_final_answer *a, int n);
/* when (ISO 8601 date or time, UTC unless it says otherwise) in the form
 * the store writes times, "YYYY-MM-DDTHH:MM:SS.SSSZ", into out: 0, or -1
 * when it is not a date or not a real one (2024-02-30). */
int store_iso_time(store *st, const char *when, char *out, size_t size);

/* ------------------------------------------------------------ xAPI export */
/* write the recorded xAPI statements to fp as one JSON array, oldest first.
 * since: ISO 8601 date or time (UTC unless it says otherwise), NULL for all;
 * learner: NULL for all. Returns the number written, or -1 with a plain
 * message in err (a bad --since, a read or write error). */
long store_export_xapi(store *st, FILE *fp, const char *since, const char *learner,
                       char *err, size_t errsize);

#endif
