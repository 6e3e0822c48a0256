/* store_int.h: what the files of the progress store share, and nothing
 * outside src/store/ may include. The database handle, the statement and
 * transaction helpers (db.c), and the builder of xAPI statements that every
 * change writes to the outbox in its own transaction (outbox.c). */
#ifndef LT_STORE_INT_H
#define LT_STORE_INT_H

#include <stddef.h>

#include <sqlite3.h>

#include "store.h"

struct store {
	sqlite3 *db;
	char *path;          /* the database file */
	char *home_page;     /* xAPI actor account homePage */
	char *base_iri;      /* activity id prefix */
	int health;          /* enum store_health */
	int saving;          /* bool */
	char warning[1024];  /* "" when all is well */
};

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
#define VERB_BASE "http://adlnet.gov/expapi/verbs/"

/* ------------------------------------------------------------ db.c */
/* the outcome of a write transaction (sdb_begin, sdb_end) */
enum { END_SAVED, END_MEMORY, END_FAILED, END_RETRY };

/* the enum store_status of a stored status name (ST_NOT_STARTED when
 * unknown). */
int sdb_status_from_name(const char *s);
/* prepare sql and bind the arguments that fmt describes, one letter each:
 * 't' text (NULL binds NULL), 'i' int, 'I' int that binds NULL when
 * negative (a score of -1 is "none"), 'l' long, 'd' double. NULL when the
 * statement cannot be prepared. */
sqlite3_stmt *sdb_prep(store *st, const char *sql, const char *fmt, ...);
/* step a prepared statement to its end and finalize it; SQLite result
 * (SQLITE_ERROR for a NULL statement). */
int sdb_run(sqlite3_stmt *s);
/* first column of the first row as a malloc'd string, NULL when none; the
 * statement is finalized. */
char *sdb_fetch_text(sqlite3_stmt *s);
/* copy src into dst, truncated to size. */
void sdb_copy_str(char *dst, size_t size, const char *src);
/* start a write transaction: 0, END_RETRY (now in memory: start again) or
 * END_FAILED. */
int sdb_begin(store *st);
/* commit when rc is SQLITE_OK, else roll back. END_SAVED when on disk,
 * END_MEMORY when committed to memory only, END_RETRY when the file
 * refused it and the store moved to memory, else END_FAILED. */
int sdb_end(store *st, int rc);
/* the public result of a change: 0 only when it is on disk. */
int sdb_result(int e);

/* run BODY, an expression giving a SQLite result, in a write transaction;
 * when the file refuses it and the store moves to memory, run it again
 * there. E gets the END_ result. */
#define TRANSACT(st, E, BODY)                                          \
	do {                                                           \
		int t_, b_;                                            \
		for (t_ = 0, (E) = END_RETRY; t_ < 2 && (E) == END_RETRY; t_++) { \
			if ((b_ = sdb_begin(st)) != 0) {                   \
				(E) = b_;                              \
				continue;                              \
			}                                              \
			(E) = sdb_end((st), (BODY));                       \
		}                                                      \
	} while (0)

/* ------------------------------------------------------------ outbox.c */
/* what one statement is about; strings may be NULL where optional. */
typedef struct {
	store *st;
	long learner;
	const mod_module *m;
	char *name;          /* learner name */
	char *registration;  /* attempt's registration UUID */
	char *module_iri;
} sx_ctx;

/* the learner's name (malloc'd), NULL when unknown. */
char *sx_learner_name(store *st, long learner);
/* fill x for a statement by learner about m, in the attempt whose
 * registration is given (NULL or "": the progress row's current one; a
 * player whose attempt another process has since replaced keeps its own).
 * 0, or -1 when the learner is unknown. Free with sx_free. */
int sx_init(sx_ctx *x, store *st, long learner, const mod_module *m,
            const char *registration);
void sx_free(sx_ctx *x);
/* the module, slide i, or the question at slide i (a cmi.interaction) as
 * an xAPI activity object: JSON text, malloc'd. */
char *sx_module_object(sx_ctx *x);
char *sx_slide_object(sx_ctx *x, int i);
char *sx_question_object(sx_ctx *x, int i);
/* write one statement to the outbox, inside the caller's transaction.
 * object and result are JSON texts (result may be NULL); parent says the
 * object sits inside the module. SQLite result code. */
int sx_emit(sx_ctx *x, const char *verb, const char *object, const char *result,
            int parent);
/* a statement about the module itself. */
int sx_emit_module(sx_ctx *x, const char *verb, const char *result);
/* the result of a module statement: its duration, and completion when
 * asked (JSON text, malloc'd). */
char *sx_duration_result(sx_ctx *x, long seconds, int completion);

#endif
