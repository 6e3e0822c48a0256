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

/* the database file in a data directory */
#define STORE_DB_FILE "progress.db"

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
 * default $XDG_DATA_HOME/lectern (else ~/.local/share/lectern) when
 * data_dir is NULL. Always returns a
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
	STORE_TOO_NEW,   /* written by a newer Lectern: left untouched, memory only */
	STORE_UNSAFE     /* no home, or the folder or file is another user's or
	                    writable by anyone: left untouched, memory only */
};
int store_health(const store *st);
/* the database file in use (in memory only: the file that could not be
 * used). */
const char *store_path(const store *st);
/* the schema version this Lectern writes, and the SQL of the migration
 * from version k to k + 1 (NULL past the last): for tests and tools that
 * must make a file as an older Lectern left it. */
int store_schema_version(void);
const char *store_migration_sql(int k);
/* the name of the default learner: the OS user name, else "learner". */
const char *store_default_learner(char *buf, size_t size);
/* run PRAGMA integrity_check: 1 when "ok", else 0 with the first problem
 * in msg. */
int store_integrity(store *st, char *msg, size_t size);

/* ------------------------------------------------------------ learners */
enum { STORE_NAME_MAX = 127 }; /* bytes in a learner's name */
/* id of the learner with this name, created if new; -1 on failure, or
 * when the name is not one (base/clean.h: clean_name_problem says why). */
long store_learner(store *st, const char *name);
/* names of all learners, sorted; *n is set. Free with store_free_names. */
char **store_learners(store *st, int *n);
void store_free_names(char **names, int n);
int store_rename_learner(store *st, const char *from, const char *to);
int store_remove_learner(store *st, const char *name);
/* the UI language learner chose in the player (a gettext name, "fr") into
 * buf, "" when they chose none. Returns 0, -1 when there is no such
 * learner. */
int store_learner_language(store *st, long learner, char *buf, size_t size);
/* remember learner's choice; NULL or "" goes back to the settings and the
 * system. 0 when saved. */
int store_set_learner_language(store *st, long learner, const char *lang);

/* ------------------------------------------------------------ classroom */
/* a kiosk learner's display choices (classroom.c): theme ("" when never
 * chosen) and text scale (0 when never chosen). 0, or -1 when there is no
 * such learner. */
int store_prefs_get(store *st, long learner, char *theme, size_t size, double *scale);
int store_prefs_set(store *st, long learner, const char *theme, double scale);
/* the learner's code (a crypt hash, malloc'd), or NULL when they have none. */
char *store_code_hash(store *st, const char *name);
/* set the learner's code hash; NULL resets it (chosen again at next login).
 * 0 when saved. */
int store_code_set(store *st, const char *name, const char *hash);
/* wrong PINs or codes in a row for a prompt ("trainer", "learner:ID") and
 * the wall-clock time of the last one; 0 and 0 when none. */
int store_guard_get(store *st, const char *name, int *failures, double *last);
/* failures 0 forgets the prompt's count. 0 when saved. */
int store_guard_set(store *st, const char *name, int failures, double last);

/* ------------------------------------------------------------ progress */
/* a learner's state in one module, as the player needs it. Arrays are
 * indexed by slide index and have m->nslides entries. */
typedef struct {
	int status;             /* enum store_status */
	int attempt;            /* 1-based, current attempt */
	int bookmark;           /* slide index to resume at (0 when new) */
	int score;              /* percent of the current attempt, -1 none */
	int best_score;         /* best percent over attempts, -1 none */
	int best_status;        /* best finished outcome over attempts
	                           (passed, completed, failed), else
	                           ST_NOT_STARTED */
	long time_spent_s;
	int version_changed;    /* module version differs from the stored one */
	int resumed;            /* there was earlier progress */
	unsigned char *seen;    /* slide seen in this attempt */
	char **response;        /* last response this attempt, or NULL */
	unsigned char *correct; /* that response was correct */
	int *tries;             /* tries used this attempt */
	int nslides;
	char registration[37];  /* xAPI registration of this attempt, "" unknown */
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
/* fill p as store_begin would, writing nothing (reports read a learner's
 * route through it). status ST_NOT_STARTED when the learner never opened
 * the module. Free with store_progress_free. */
int store_peek(store *st, long learner, const mod_module *m, store_judge_fn judge,
               store_progress *p);
/* learner is now at slide i: bookmark, seen, `experienced`. */
int store_visit(store *st, long learner, const mod_module *m, store_progress *p, int i);
/* record an answer to the question at slide i (committed when 0 is
 * returned), with `answered`. Updates p. */
int store_answer(store *st, long learner, const mod_module *m, store_progress *p,
                 int i, const char *response, int correct, int points);
/* the learner reached the end with outcome o: sets the score (and the best
 * score and best status: passed over completed over failed),
 * completed/passed/failed, `completed` and `passed`/`failed`. */
int store_finish(store *st, long learner, const mod_module *m, store_progress *p,
                 const store_outcome *o);
/* start a new attempt, keeping the best score and best status. */
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
	int status;             /* of the current attempt */
	int score;              /* percent, -1 none */
	int best_status;        /* best finished outcome, ST_NOT_STARTED none */
	int best_score;         /* best percent over attempts, -1 none */
	int attempts;           /* attempts started (1 until a retake) */
	int slides_seen, slides_total;
	int questions_answered, questions_total;
	long time_spent_s;
	char started_at[32], completed_at[32]; /* ISO 8601 UTC, "" when none */
	char bookmark[128];     /* slide id */
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
 * learner (NULL: everyone) and answered at or after since (a time as
 * store_iso_time writes it, NULL: all), ordered by learner, attempt and
 * question. *n is set. Free with store_free_final_answers. */
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

/* ------------------------------------------------------------ LRS outbox */
/* The sync (src/sync) reads statements from here and marks them; the
 * statement text is never rewritten, so what is sent is what was stored. */

/* one statement waiting for the LRS */
typedef struct {
	long seq;               /* its place in the outbox */
	char id[40];            /* the statement id (a UUID) */
	char *json;             /* the statement exactly as first stored, malloc'd */
	size_t len;
} store_stmt;

/* up to max statements neither acknowledged nor set aside, with seq after
 * `after`, oldest first, into v. Returns how many (0: none left), or -1
 * when the database cannot be read. Free with store_stmts_free. */
int store_outbox_waiting(store *st, long after, int max, store_stmt *v);
void store_stmts_free(store_stmt *v, int n);
/* the LRS acknowledged these statements: mark them now, in one
 * transaction. 0 when on disk. */
int store_outbox_ack(store *st, const long *seq, int n);
/* the LRS refused this statement for reason: keep it, out of the way of
 * the others, until a person looks. 0 when on disk. */
int store_outbox_set_aside(store *st, long seq, const char *reason);
/* send the refused statements with seq from..to again: they wait once
 * more. How many, or -1. */
long store_outbox_requeue(store *st, long from, long to);
/* delete statements acknowledged more than days ago; how many, or -1. */
long store_outbox_prune(store *st, int days);

/* what the sync has done so far, as --status, `lectern progress` and the
 * trainer menu show it */
typedef struct {
	long waiting;           /* not yet acknowledged, not set aside */
	long set_aside;         /* refused by the LRS */
	long acked;             /* acknowledged (still kept for exports) */
	char last_attempt[32];  /* ISO 8601 UTC, "" never */
	char last_ok[32];       /* last run that ended with nothing left to retry */
	char last_ack[32];      /* when the LRS last acknowledged a statement */
	char last_error[512];   /* plain words, "" when the last run went well */
	int failures;           /* automatic attempts failed in a row */
	long not_before;        /* epoch seconds: no automatic run before */
} store_sync_state;

/* fill s. 0, or -1 when the database cannot be read. */
int store_sync_state_get(store *st, store_sync_state *s);
/* a sync run starts now */
int store_sync_attempt(store *st);
/* a sync run ended: error NULL when it went well (failures and not_before
 * then go back to 0). */
int store_sync_result(store *st, const char *error, int failures, long not_before);

/* one statement the LRS refused */
typedef struct {
	char id[40];
	char learner[128];
	char verb[32];
	char at[32];            /* when it was set aside */
	char reason[256];       /* the LRS's words */
} store_refused;
/* up to max refused statements, newest first; how many, or -1. */
int store_outbox_refused(store *st, int max, store_refused *v);

#endif
