/* store.c: the progress store in SQLite (see store.h). The only file that
 * includes sqlite3.h.
 *
 * Opening: the data directory is created 0700 and the database 0600. The
 * connection gets a busy timeout first (so a second Lectern on the same PC
 * waits instead of failing), then PRAGMA quick_check, then WAL with
 * synchronous=FULL (a commit is on disk when it returns) and foreign keys.
 * PRAGMA user_version says which schema the file has; the missing
 * migrations run in one BEGIN IMMEDIATE transaction each, so a file is
 * either fully at a version or untouched. A file from a newer Lectern is
 * refused before anything is written to it.
 *
 * What can go wrong at open, and what happens:
 *   damaged (quick_check fails, not a database): the file and its -wal and
 *     -shm are renamed to progress.db.corrupt-TIMESTAMP[-wal|-shm] and a new
 *     database is created (STORE_RECOVERED);
 *   newer schema, not a Lectern file, read-only, full disk, no directory:
 *     the store runs on an in-memory database (with a copy of what the file
 *     holds, when it can be read) and says progress is not being saved.
 * A write that fails later (disk full, file made read-only) turns on the
 * same warning; the in-memory store_progress keeps the learner going.
 * Sidecar files of a database that is in use are never touched.
 *
 * Every change is one transaction holding the state change and the xAPI
 * statements it causes (the outbox), so the two never disagree. Statements
 * are JSON built by SQLite's json_object(); json_patch('{}', ...) drops the
 * members that are NULL (no result, no parent, ...). */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "learn/grade.h"
#include "base/i18n.h"
#include "learn/score.h"
#include "store_fs.h"

enum { SCHEMA_VERSION = 1 };

struct store {
	sqlite3 *db;
	char *path;          /* the database file */
	char *home_page;     /* xAPI actor account homePage */
	char *base_iri;      /* activity id prefix */
	int health;          /* enum store_health */
	int saving;          /* bool */
	char warning[1024];  /* "" when all is well */
};

/* the migrations, in order: migrations[k] takes a file from user_version k
 * to k + 1. Add new ones at the end; never change a released one. */
static const char *const migrations[SCHEMA_VERSION] = {
	/* 0 -> 1 */
	"CREATE TABLE learner ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE progress ("
	"  learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,"
	"  module_id TEXT NOT NULL,"
	"  module_version TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL CHECK (status IN ('not-started', 'in-progress',"
	"    'completed', 'passed', 'failed')),"
	"  attempt INTEGER NOT NULL DEFAULT 1,"
	"  registration TEXT NOT NULL,"      /* xAPI registration of the attempt */
	"  bookmark TEXT,"                   /* slide id */
	"  score INTEGER,"                   /* percent of the attempt */
	"  best_score INTEGER,"
	"  time_spent_s INTEGER NOT NULL DEFAULT 0,"
	"  slides_total INTEGER NOT NULL DEFAULT 0,"
	"  questions_total INTEGER NOT NULL DEFAULT 0,"
	"  started_at TEXT NOT NULL,"
	"  completed_at TEXT,"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (learner_id, module_id)) WITHOUT ROWID;"
	"CREATE TABLE seen ("
	"  learner_id INTEGER NOT NULL,"
	"  module_id TEXT NOT NULL,"
	"  attempt INTEGER NOT NULL,"
	"  slide_id TEXT NOT NULL,"
	"  seen_at TEXT NOT NULL,"
	"  PRIMARY KEY (learner_id, module_id, attempt, slide_id),"
	"  FOREIGN KEY (learner_id, module_id) REFERENCES progress"
	"    ON DELETE CASCADE) WITHOUT ROWID;"
	"CREATE TABLE answer ("
	"  id INTEGER PRIMARY KEY,"
	"  learner_id INTEGER NOT NULL,"
	"  module_id TEXT NOT NULL,"
	"  attempt INTEGER NOT NULL,"
	"  question_id TEXT NOT NULL,"
	"  response TEXT NOT NULL,"
	"  correct INTEGER NOT NULL,"
	"  points INTEGER NOT NULL,"
	"  answered_at TEXT NOT NULL,"
	"  FOREIGN KEY (learner_id, module_id) REFERENCES progress"
	"    ON DELETE CASCADE);"
	"CREATE INDEX answer_attempt ON answer (learner_id, module_id, attempt);"
	/* statements stay when a learner is removed: they are owed to the
	 * organisation's records, so they name the learner as text. */
	"CREATE TABLE outbox ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  learner TEXT NOT NULL,"
	"  module_id TEXT NOT NULL,"
	"  verb TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  statement TEXT NOT NULL CHECK (json_valid(statement)));"
	"CREATE INDEX outbox_time ON outbox (created_at);",
};

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
#define VERB_BASE "http://adlnet.gov/expapi/verbs/"

static const char *const status_names[] = {
	"not-started", "in-progress", "completed", "passed", "failed"
};

const char *
store_status_name(int status)
{
	if (status < 0 || status >= (int)LT_NELEM(status_names))
		return "not-started";
	return status_names[status];
}

static int
status_from_name(const char *s)
{
	int i;

	for (i = 0; s && i < (int)LT_NELEM(status_names); i++)
		if (strcmp(s, status_names[i]) == 0)
			return i;
	return ST_NOT_STARTED;
}

/* ================================================================ helpers */

/* prepare sql and bind the arguments that fmt describes, one letter each:
 * 't' text (NULL binds NULL), 'i' int, 'I' int that binds NULL when
 * negative (a score of -1 is "none"), 'l' long, 'd' double. NULL when the
 * statement cannot be prepared. */
static sqlite3_stmt *
prep(store *st, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *s;
	va_list ap;
	int k = 1;

	if (!st->db || sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return NULL;
	va_start(ap, fmt);
	for (; fmt && *fmt; fmt++, k++) {
		switch (*fmt) {
		case 't': {
			const char *v = va_arg(ap, const char *);

			if (v)
				sqlite3_bind_text(s, k, v, -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(s, k);
			break;
		}
		case 'i':
			sqlite3_bind_int(s, k, va_arg(ap, int));
			break;
		case 'I': {
			int v = va_arg(ap, int);

			if (v >= 0)
				sqlite3_bind_int(s, k, v);
			else
				sqlite3_bind_null(s, k);
			break;
		}
		case 'l':
			sqlite3_bind_int64(s, k, va_arg(ap, long));
			break;
		case 'd':
			sqlite3_bind_double(s, k, va_arg(ap, double));
			break;
		}
	}
	va_end(ap);
	return s;
}

/* run a prepared statement to its end and finalize it; SQLite result. */
static int
run(sqlite3_stmt *s)
{
	int rc;

	if (!s)
		return SQLITE_ERROR;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* first column of the first row as a malloc'd string (NULL when none). */
static char *
fetch_text(sqlite3_stmt *s)
{
	char *v = NULL;

	if (s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
		v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v;
}

static void
copy_str(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

/* say, once, that progress is no longer being saved and why. */
static void
not_saving(store *st, const char *why)
{
	if (!st->saving && st->warning[0])
		return;
	st->saving = 0;
	if (st->health == STORE_OK || st->health == STORE_RECOVERED)
		st->health = STORE_NOT_SAVING;
	snprintf(st->warning, sizeof st->warning,
	         /* one short line: the catalog shows it in its header */
	         _("Your progress is not being saved: %s."), why);
}

/* 1 when rc says the file cannot take writes (rather than a mistake in a
 * call, such as a learner name already taken). */
static int
disk_error(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_FULL: case SQLITE_READONLY: case SQLITE_PERM: case SQLITE_CANTOPEN:
	case SQLITE_IOERR: case SQLITE_CORRUPT: case SQLITE_NOTADB: case SQLITE_BUSY:
	case SQLITE_LOCKED: case SQLITE_PROTOCOL:
		return 1;
	default:
		return 0;
	}
}

/* a write failed with rc: explain it in plain words. */
static void
write_failed(store *st, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_FULL:
		not_saving(st, _("the disk is full"));
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		not_saving(st, _("the progress file cannot be written"));
		break;
	case SQLITE_IOERR:
		not_saving(st, _("the disk reported an error"));
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		not_saving(st, _("the progress file is damaged"));
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		not_saving(st, _("another program keeps the progress file locked"));
		break;
	default:
		not_saving(st, sqlite3_errstr(rc));
		break;
	}
}

/* go on in memory: copy the live database (it can still be read) into an
 * in-memory one and use that from now on, so the rest of the session stays
 * consistent. The file is left as it was after its last commit. 0 on
 * success. */
static int
switch_to_memory(store *st)
{
	sqlite3 *mem;
	sqlite3_backup *b;
	int rc;

	if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		return -1;
	if (!(b = sqlite3_backup_init(mem, "main", st->db, "main"))) {
		sqlite3_close(mem);
		return -1;
	}
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		sqlite3_close(mem);
		return -1;
	}
	sqlite3_close(st->db);
	st->db = mem;
	sqlite3_exec(mem, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return 0;
}

static int
on_file(store *st)
{
	const char *f = sqlite3_db_filename(st->db, "main");

	return f && *f;
}

enum { END_SAVED, END_MEMORY, END_FAILED, END_RETRY };

/* the disk refused a write (rc): warn, and move to memory when still on
 * the file. END_RETRY when the caller should do its change again. */
static int
refused(store *st, int rc)
{
	write_failed(st, rc);
	if (on_file(st) && switch_to_memory(st) == 0)
		return END_RETRY;
	return END_FAILED;
}

/* start a write transaction: 0, END_RETRY (now in memory: start again) or
 * END_FAILED. */
static int
begin(store *st)
{
	int rc;

	if (!st->db)
		return END_FAILED;
	rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return 0;
	return disk_error(rc) ? refused(st, rc) : END_FAILED;
}

/* commit when rc is SQLITE_OK, else roll back. END_SAVED when on disk,
 * END_MEMORY when committed to memory only, END_RETRY when the file
 * refused it and the store moved to memory, else END_FAILED. */
static int
end(store *st, int rc)
{
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return st->saving ? END_SAVED : END_MEMORY;
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return disk_error(rc) ? refused(st, rc) : END_FAILED;
}

/* the public result of a change: 0 only when it is on disk. */
static int
result_of(int e)
{
	return e == END_SAVED ? 0 : -1;
}

/* ================================================================ opening */

/* the file's schema version, or -1 when it cannot be read; *why set to the
 * SQLite result that stopped it. */
static int
user_version(sqlite3 *db, int *why)
{
	sqlite3_stmt *s;
	int v = -1;

	*why = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL);
	if (*why != SQLITE_OK)
		return -1;
	if ((*why = sqlite3_step(s)) == SQLITE_ROW) {
		v = sqlite3_column_int(s, 0);
		*why = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return v;
}

/* PRAGMA quick_check: SQLITE_OK when "ok", SQLITE_CORRUPT when it lists a
 * problem, else the error that stopped it. */
static int
quick_check(sqlite3 *db)
{
	sqlite3_stmt *s;
	int rc;

	rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		rc = strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0 ? SQLITE_OK
		                                                               : SQLITE_CORRUPT;
	sqlite3_finalize(s);
	return rc;
}

/* 1 when the database holds any table, index or view. */
static int
has_tables(sqlite3 *db)
{
	sqlite3_stmt *s;
	int n = 1;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			n = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	return n > 0;
}

/* bring the schema up to date, each step in its own BEGIN IMMEDIATE. */
static int
migrate(sqlite3 *db, int from)
{
	char sql[64];
	int v, rc;

	for (v = from; v < SCHEMA_VERSION; v++) {
		if ((rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
			return rc;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
		if ((rc = sqlite3_exec(db, migrations[v], NULL, NULL, NULL)) != SQLITE_OK ||
		    (rc = sqlite3_exec(db, sql, NULL, NULL, NULL)) != SQLITE_OK ||
		    (rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return rc;
		}
	}
	return SQLITE_OK;
}

enum { OPEN_OK, OPEN_CORRUPT, OPEN_TOO_NEW, OPEN_FOREIGN, OPEN_FAILED };

/* open path read-write and make it ready; on OPEN_OK st->db is set. *rcp
 * gets the SQLite result behind a failure. */
static int
open_file(store *st, const char *path, int *rcp)
{
	sqlite3 *db = NULL;
	int rc, v, fd, existed;
	struct stat sb;

	existed = stat(path, &sb) == 0;
	if (!existed) {
		/* create it ourselves so it is 0600 from the first byte */
		if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) >= 0)
			close(fd);
	}
	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	if (sqlite3_db_readonly(db, "main")) {
		rc = SQLITE_READONLY;
		goto fail;
	}
	/* until the file is known to be sound and ours, closing must not
	 * checkpoint (write into it) or remove its -wal: a damaged file is kept
	 * aside whole, a newer one is left exactly as it was */
	sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
	/* wait for another Lectern rather than fail; set before WAL, which
	 * itself needs a lock */
	sqlite3_busy_timeout(db, 5000);
	sqlite3_extended_result_codes(db, 0);
	if ((rc = quick_check(db)) != SQLITE_OK) {
		if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) {
			sqlite3_close(db);
			*rcp = rc;
			return OPEN_CORRUPT;
		}
		goto fail;
	}
	if ((v = user_version(db, &rc)) < 0)
		goto fail;
	if (v > SCHEMA_VERSION) {
		sqlite3_close(db);
		return OPEN_TOO_NEW;
	}
	if (v == 0 && has_tables(db)) {
		/* a database, but not one of ours: ours have a version as soon
		 * as they have tables */
		sqlite3_close(db);
		return OPEN_FOREIGN;
	}
	if ((rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) != SQLITE_OK ||
	    (rc = sqlite3_exec(db, "PRAGMA synchronous = FULL", NULL, NULL, NULL)) != SQLITE_OK ||
	    (rc = sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL)) != SQLITE_OK ||
	    (rc = migrate(db, v)) != SQLITE_OK)
		goto fail;
	sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, (int *)NULL);
	chmod(path, 0600);
	st->db = db;
	return OPEN_OK;
fail:
	*rcp = rc;
	sqlite3_close(db);
	return OPEN_FAILED;
}

/* copy the database at name (a path, or a URI when uri) into mem through
 * a read-only connection. SQLITE_DONE on success. */
static int
copy_from_file(sqlite3 *mem, const char *name, int uri)
{
	sqlite3 *src = NULL;
	sqlite3_backup *b;
	int rc = SQLITE_ERROR;

	if (sqlite3_open_v2(name, &src, SQLITE_OPEN_READONLY | (uri ? SQLITE_OPEN_URI : 0),
	                    NULL) == SQLITE_OK &&
	    quick_check(src) == SQLITE_OK &&
	    (b = sqlite3_backup_init(mem, "main", src, "main"))) {
		rc = sqlite3_backup_step(b, -1);
		sqlite3_backup_finish(b);
	}
	sqlite3_close(src);
	return rc;
}

/* the fallback: an in-memory database with the schema, holding a copy of
 * the file when it can be read. */
static void
open_memory(store *st, int copy_file)
{
	if (sqlite3_open_v2(":memory:", &st->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		die("%s", _("cannot open an in-memory database"));
	if (copy_file && copy_from_file(st->db, st->path, 0) != SQLITE_DONE) {
		/* a WAL file in a folder we cannot write has no -shm to read it
		 * with; read it as immutable (we never write it) */
		char *esc = sfs_iri_escape(st->path); /* '?' or '#' in a path */
		char *uri = xasprintf("file:%s?immutable=1", esc);

		free(esc);

		sqlite3_close(st->db);
		sqlite3_open_v2(":memory:", &st->db, SQLITE_OPEN_READWRITE, NULL);
		if (copy_from_file(st->db, uri, 1) != SQLITE_DONE) {
			/* unreadable after all: start empty */
			sqlite3_close(st->db);
			sqlite3_open_v2(":memory:", &st->db, SQLITE_OPEN_READWRITE, NULL);
		}
		free(uri);
	}
	sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	{
		int why, v = user_version(st->db, &why);

		if (v < 0 || v > SCHEMA_VERSION || migrate(st->db, v) != SQLITE_OK) {
			sqlite3_close(st->db);
			sqlite3_open_v2(":memory:", &st->db, SQLITE_OPEN_READWRITE, NULL);
			sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
			migrate(st->db, 0);
		}
	}
}

store *
store_open(const char *data_dir, const store_xapi_opts *xo)
{
	store *st = xcalloc(1, sizeof *st);
	char *dir = data_dir && *data_dir ? xstrdup(data_dir) : sfs_default_dir();
	char host[256] = "", aside[PATH_MAX];
	int how, rc = SQLITE_OK;

	st->path = xasprintf("%s/progress.db", dir);
	if (xo && xo->home_page && *xo->home_page) {
		st->home_page = xstrdup(xo->home_page);
	} else {
		char *h;

		if (gethostname(host, sizeof host - 1) != 0 || !*host)
			copy_str(host, sizeof host, "localhost");
		h = sfs_iri_escape(host);
		st->home_page = xasprintf("urn:lectern:device:%s", h);
		free(h);
	}
	st->base_iri = xstrdup(xo && xo->base_iri && *xo->base_iri ? xo->base_iri
	                                                          : "urn:lectern:module:");
	st->saving = 1;
	st->health = STORE_OK;

	if (sfs_make_dirs(dir) != 0) {
		char why[512];

		snprintf(why, sizeof why, _("the folder %s cannot be created: %s"), dir,
		         strerror(errno));
		free(dir);
		open_memory(st, 0);
		not_saving(st, why);
		return st;
	}
	free(dir);

	how = open_file(st, st->path, &rc);
	if (how == OPEN_CORRUPT) {
		if (sfs_in_use(st->path)) {
			/* its files are live in another process: leave them be */
			open_memory(st, 0);
			not_saving(st, _("the progress file is damaged and another Lectern "
			                 "is using it"));
			return st;
		}
		if (sfs_move_aside(st->path, aside, sizeof aside) == 0 &&
		    (how = open_file(st, st->path, &rc)) == OPEN_OK) {
			st->health = STORE_RECOVERED;
			/* the name only: it sits beside the new one */
			snprintf(st->warning, sizeof st->warning,
			         _("The progress file was damaged. It was kept as %s and a "
			           "new one started; earlier progress is not shown."),
			         strrchr(aside, '/') ? strrchr(aside, '/') + 1 : aside);
			return st;
		}
		open_memory(st, 0);
		not_saving(st, _("the progress file is damaged and cannot be replaced"));
		return st;
	}
	if (how == OPEN_OK)
		return st;
	if (how == OPEN_TOO_NEW) {
		open_memory(st, 0);
		st->saving = 0;
		st->health = STORE_TOO_NEW;
		snprintf(st->warning, sizeof st->warning,
		         _("The progress file was written by a newer version of "
		           "Lectern: it is left untouched and progress is not being saved."));
		return st;
	}
	if (how == OPEN_FOREIGN) {
		char why[512];

		open_memory(st, 0);
		snprintf(why, sizeof why, _("%s is not a Lectern progress file"), st->path);
		not_saving(st, why);
		return st;
	}
	/* read-only, full disk, locked, ...: what the file holds is shown */
	open_memory(st, 1);
	write_failed(st, rc);
	return st;
}

const char *
store_warning(const store *st)
{
	return st && st->warning[0] ? st->warning : NULL;
}

int
store_is_saving(const store *st)
{
	return st && st->saving;
}

int
store_health(const store *st)
{
	return st ? st->health : STORE_NOT_SAVING;
}

const char *
store_path(const store *st)
{
	return st->path;
}

void
store_close(store *st)
{
	if (!st)
		return;
	sqlite3_close(st->db);
	free(st->path);
	free(st->home_page);
	free(st->base_iri);
	free(st);
}

int
store_integrity(store *st, char *msg, size_t size)
{
	sqlite3_stmt *s = prep(st, "PRAGMA integrity_check", NULL);
	int ok = 0;

	copy_str(msg, size, _("the check could not run"));
	if (s && sqlite3_step(s) == SQLITE_ROW) {
		copy_str(msg, size, (const char *)sqlite3_column_text(s, 0));
		ok = strcmp(msg, "ok") == 0;
	}
	sqlite3_finalize(s);
	return ok;
}

/* ================================================================ learners */

/* run BODY, an expression giving a SQLite result, in a write transaction;
 * when the file refuses it and the store moves to memory, run it again
 * there. E gets the END_ result. */
#define TRANSACT(st, E, BODY)                                          \
	do {                                                           \
		int t_, b_;                                            \
		for (t_ = 0, (E) = END_RETRY; t_ < 2 && (E) == END_RETRY; t_++) { \
			if ((b_ = begin(st)) != 0) {                   \
				(E) = b_;                              \
				continue;                              \
			}                                              \
			(E) = end((st), (BODY));                       \
		}                                                      \
	} while (0)

long
store_learner(store *st, const char *name)
{
	sqlite3_stmt *s;
	long id = -1;
	int e;

	if (!st || !sfs_valid_name(name))
		return -1;
	s = prep(st, "SELECT id FROM learner WHERE name = ?", "t", name);
	if (s && sqlite3_step(s) == SQLITE_ROW)
		id = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (id >= 0)
		return id;
	/* in memory the learner still gets an id, so studying goes on */
	TRANSACT(st, e, run(prep(st, "INSERT INTO learner (name, created_at) VALUES (?, "
	                             NOW_SQL ")", "t", name)));
	if (e != END_SAVED && e != END_MEMORY)
		return -1;
	return (long)sqlite3_last_insert_rowid(st->db);
}

char **
store_learners(store *st, int *n)
{
	sqlite3_stmt *s = prep(st, "SELECT name FROM learner ORDER BY name COLLATE NOCASE, name", NULL);
	char **v = NULL;

	*n = 0;
	while (s && sqlite3_step(s) == SQLITE_ROW) {
		v = xrealloc(v, (size_t)(*n + 1) * sizeof *v);
		v[(*n)++] = xstrdup((const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	return v;
}

void
store_free_names(char **names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int
store_rename_learner(store *st, const char *from, const char *to)
{
	int e;

	if (!st || !from || !sfs_valid_name(to))
		return -1;
	TRANSACT(st, e, run(prep(st, "UPDATE learner SET name = ? WHERE name = ?", "tt",
	                         to, from)));
	return e == END_SAVED && sqlite3_changes(st->db) == 1 ? 0 : -1;
}

int
store_remove_learner(store *st, const char *name)
{
	int e;

	if (!st || !name)
		return -1;
	TRANSACT(st, e, run(prep(st, "DELETE FROM learner WHERE name = ?", "t", name)));
	return e == END_SAVED && sqlite3_changes(st->db) == 1 ? 0 : -1;
}

static char *
learner_name(store *st, long learner)
{
	return fetch_text(prep(st, "SELECT name FROM learner WHERE id = ?", "l", learner));
}

/* ================================================================ xAPI */

/* what one statement is about; strings may be NULL where optional. */
typedef struct {
	store *st;
	long learner;
	const mod_module *m;
	char *name;          /* learner name */
	char *registration;  /* attempt's registration UUID */
	char *module_iri;
} xctx;

static int
xctx_init(xctx *x, store *st, long learner, const mod_module *m)
{
	char *id = sfs_iri_escape(m->id);

	memset(x, 0, sizeof *x);
	x->st = st;
	x->learner = learner;
	x->m = m;
	x->module_iri = xasprintf("%s%s", st->base_iri, id);
	free(id);
	x->name = learner_name(st, learner);
	x->registration = fetch_text(prep(st,
		"SELECT registration FROM progress WHERE learner_id = ? AND module_id = ?",
		"lt", learner, m->id));
	return x->name ? 0 : -1;
}

static void
xctx_free(xctx *x)
{
	free(x->name);
	free(x->registration);
	free(x->module_iri);
}

static const char *
lang_of(const mod_module *m)
{
	return m->language && *m->language ? m->language : "und";
}

/* the module as an xAPI activity object (JSON text, malloc'd). */
static char *
module_object(xctx *x)
{
	return fetch_text(prep(x->st,
		"SELECT json_object('objectType', 'Activity', 'id', ?1, 'definition',"
		" json_object('type', 'http://adlnet.gov/expapi/activities/course',"
		"  'name', json_object(?2, ?3),"
		"  'description', CASE WHEN ?4 IS NULL THEN NULL ELSE json_object(?2, ?4) END))",
		"tttt", x->module_iri, lang_of(x->m), x->m->title ? x->m->title : x->m->id,
		x->m->description));
}

static char *
slide_iri(xctx *x, const char *kind, const char *id)
{
	char *e = sfs_iri_escape(id), *iri = xasprintf("%s/%s/%s", x->module_iri, kind, e);

	free(e);
	return iri;
}

static char *
slide_object(xctx *x, int i)
{
	const mod_slide *sl = &x->m->slides[i];
	char *iri = slide_iri(x, "slide", sl->id), *o;

	o = fetch_text(prep(x->st,
		"SELECT json_object('objectType', 'Activity', 'id', ?1, 'definition',"
		" json_object('type', 'http://id.tincanapi.com/activitytype/slide',"
		"  'name', json_object(?2, ?3)))",
		"ttt", iri, lang_of(x->m), sl->title ? sl->title : sl->id));
	free(iri);
	return o;
}

/* append {"id": id, "description": {lang: text}} to the JSON array arr. */
static char *
component_append(xctx *x, char *arr, int id, const char *text)
{
	char num[16];
	char *out;

	snprintf(num, sizeof num, "%d", id);
	out = fetch_text(prep(x->st,
		"SELECT json_insert(?1, '$[#]', json_object('id', ?2, 'description',"
		" json_object(?3, ?4)))",
		"tttt", arr, num, lang_of(x->m), text ? text : ""));
	free(arr);
	return out;
}

static char *
string_append(xctx *x, char *arr, const char *v)
{
	char *out = fetch_text(prep(x->st, "SELECT json_insert(?1, '$[#]', ?2)", "tt", arr, v));

	free(arr);
	return out;
}

/* the question at slide i as a cmi.interaction activity (JSON, malloc'd). */
static char *
question_object(xctx *x, int i)
{
	const mod_slide *q = &x->m->slides[i];
	char *iri = slide_iri(x, "question", q->id);
	char *pattern = xstrdup("[]"), *choices = NULL, *source = NULL, *target = NULL, *o;
	char buf[4096];
	int k;

	if (q->qtype == Q_SHORT) {
		/* any accepted answer is right, and case does not matter */
		for (k = 0; k < q->naccept && pattern; k++) {
			char *p = xasprintf("{case_matters=false}%s", q->accept[k]);

			pattern = string_append(x, pattern, p);
			free(p);
		}
	} else if (*grade_correct_response(q, buf, sizeof buf) || q->qtype == Q_MULTIPLE) {
		pattern = string_append(x, pattern, buf);
	}
	switch (q->qtype) {
	case Q_SINGLE:
	case Q_MULTIPLE:
	case Q_DECISION:
		choices = xstrdup("[]");
		for (k = 0; k < q->nchoices && choices; k++)
			choices = component_append(x, choices, k, q->choices[k].text);
		break;
	case Q_ORDER:
		choices = xstrdup("[]");
		for (k = 0; k < q->nitems && choices; k++)
			choices = component_append(x, choices, k, q->items[k]);
		break;
	case Q_MATCH:
		source = xstrdup("[]");
		target = xstrdup("[]");
		for (k = 0; k < q->npairs && source && target; k++) {
			source = component_append(x, source, k, q->left[k]);
			target = component_append(x, target, k, q->right[k]);
		}
		break;
	}
	o = fetch_text(prep(x->st,
		"SELECT json_object('objectType', 'Activity', 'id', ?1, 'definition',"
		" json_object('type', 'http://adlnet.gov/expapi/activities/cmi.interaction',"
		"  'name', json_object(?2, ?3),"
		"  'description', json_object(?2, ?4),"
		"  'interactionType', ?5,"
		"  'correctResponsesPattern', json(?6),"
		"  'choices', json(?7), 'source', json(?8), 'target', json(?9)))",
		"ttttttttt", iri, lang_of(x->m),
		q->title ? q->title : q->question ? q->question : q->id,
		q->question ? q->question : "", grade_interaction_type(q->qtype),
		pattern && strcmp(pattern, "[]") != 0 ? pattern : NULL, choices, source,
		target));
	free(iri);
	free(pattern);
	free(choices);
	free(source);
	free(target);
	return o;
}

/* write one statement to the outbox (inside the caller's transaction).
 * object and result are JSON texts (result may be NULL); parent says the
 * object sits inside the module. SQLite result code. */
static int
emit(xctx *x, const char *verb, const char *object, const char *result, int parent)
{
	char uuid[37], *verb_iri;
	int rc;

	if (!object || !x->name)
		return SQLITE_ERROR;
	sfs_uuid(uuid);
	verb_iri = xasprintf(VERB_BASE "%s", verb);
	rc = run(prep(x->st,
		"INSERT INTO outbox (id, learner, module_id, verb, created_at, statement)"
		" SELECT ?1, ?2, ?3, ?5, t, json_patch('{}', json_object("
		"  'id', ?1,"
		"  'actor', json_object('objectType', 'Agent', 'name', ?2,"
		"    'account', json_object('homePage', ?4, 'name', ?2)),"
		"  'verb', json_object('id', ?6, 'display', json_object('en-US', ?5)),"
		"  'object', json(?7),"
		"  'result', json(?8),"
		"  'context', json_object('registration', ?9,"
		"    'contextActivities', CASE WHEN ?10 THEN json_object('parent',"
		"      json_array(json_object('objectType', 'Activity', 'id', ?11)))"
		"      ELSE NULL END,"
		"    'revision', ?12, 'platform', 'Lectern', 'language', ?13),"
		"  'timestamp', t))"
		" FROM (SELECT " NOW_SQL " AS t)",
		"tttttttttitt" "t", uuid, x->name, x->m->id, x->st->home_page, verb, verb_iri,
		object, result, x->registration, parent, x->module_iri, x->m->version,
		lang_of(x->m)));
	free(verb_iri);
	return rc;
}

/* emit a statement about the module itself. */
static int
emit_module(xctx *x, const char *verb, const char *result)
{
	char *o = module_object(x);
	int rc = emit(x, verb, o, result, 0);

	free(o);
	return rc;
}

/* {"duration": "PT<n>S"} plus completion when asked (JSON, malloc'd). */
static char *
duration_result(xctx *x, long seconds, int completion)
{
	char d[32];

	snprintf(d, sizeof d, "PT%ldS", seconds < 0 ? 0 : seconds);
	return fetch_text(prep(x->st,
		"SELECT json_object('duration', ?1, 'completion',"
		" CASE WHEN ?2 THEN json('true') ELSE NULL END)",
		"ti", d, completion));
}

/* ================================================================ progress */

static void
progress_alloc(store_progress *p, const mod_module *m)
{
	int n = m->nslides;

	memset(p, 0, sizeof *p);
	p->nslides = n;
	p->seen = xcalloc((size_t)(n ? n : 1), 1);
	p->response = xcalloc((size_t)(n ? n : 1), sizeof *p->response);
	p->correct = xcalloc((size_t)(n ? n : 1), 1);
	p->tries = xcalloc((size_t)(n ? n : 1), sizeof *p->tries);
	p->attempt = 1;
	p->score = p->best_score = -1;
	p->status = ST_IN_PROGRESS;
}

static void
clear_answers(store_progress *p)
{
	int i;

	for (i = 0; i < p->nslides; i++) {
		free(p->response[i]);
		p->response[i] = NULL;
		p->correct[i] = 0;
		p->tries[i] = 0;
		p->seen[i] = 0;
	}
}

void
store_progress_free(store_progress *p)
{
	int i;

	if (!p)
		return;
	for (i = 0; p->response && i < p->nslides; i++)
		free(p->response[i]);
	free(p->seen);
	free(p->response);
	free(p->correct);
	free(p->tries);
	memset(p, 0, sizeof *p);
}

static int
question_count(const mod_module *m)
{
	int i, n = 0;

	for (i = 0; i < m->nslides; i++)
		n += m->slides[i].qtype != Q_NONE;
	return n;
}

/* slide index of id in m, or -1. */
static int
slide_index(const mod_module *m, const char *id)
{
	int i;

	for (i = 0; id && i < m->nslides; i++)
		if (strcmp(m->slides[i].id, id) == 0)
			return i;
	return -1;
}

/* fill p from the database row of learner in m (the current attempt). */
static void
load_progress(store *st, long learner, const mod_module *m, store_progress *p)
{
	sqlite3_stmt *s;
	int i;

	s = prep(st, "SELECT status, attempt, bookmark, score, best_score, time_spent_s,"
	             " module_version FROM progress WHERE learner_id = ? AND module_id = ?",
	         "lt", learner, m->id);
	if (s && sqlite3_step(s) == SQLITE_ROW) {
		const char *ver = (const char *)sqlite3_column_text(s, 6);

		p->resumed = 1;
		p->status = status_from_name((const char *)sqlite3_column_text(s, 0));
		p->attempt = sqlite3_column_int(s, 1);
		i = slide_index(m, (const char *)sqlite3_column_text(s, 2));
		p->bookmark = i >= 0 ? i : 0;
		p->score = sqlite3_column_type(s, 3) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 3);
		p->best_score = sqlite3_column_type(s, 4) == SQLITE_NULL ? -1
		                                                         : sqlite3_column_int(s, 4);
		p->time_spent_s = (long)sqlite3_column_int64(s, 5);
		p->version_changed = strcmp(ver ? ver : "", m->version ? m->version : "") != 0;
	}
	sqlite3_finalize(s);
	if (!p->resumed)
		return;

	s = prep(st, "SELECT slide_id FROM seen WHERE learner_id = ? AND module_id = ?"
	             " AND attempt = ?", "lti", learner, m->id, p->attempt);
	while (s && sqlite3_step(s) == SQLITE_ROW)
		if ((i = slide_index(m, (const char *)sqlite3_column_text(s, 0))) >= 0)
			p->seen[i] = 1;
	sqlite3_finalize(s);

	/* answers of this attempt, oldest first: the last one wins. Those whose
	 * question is gone (or no longer fits it, after an update) are kept in
	 * the database but not restored. */
	s = prep(st, "SELECT question_id, response FROM answer WHERE learner_id = ?"
	             " AND module_id = ? AND attempt = ? ORDER BY id",
	         "lti", learner, m->id, p->attempt);
	while (s && sqlite3_step(s) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(s, 1);
		int c;

		i = slide_index(m, (const char *)sqlite3_column_text(s, 0));
		if (i < 0 || m->slides[i].qtype == Q_NONE ||
		    (c = grade_judge(&m->slides[i], r)) < 0)
			continue;
		free(p->response[i]);
		p->response[i] = xstrdup(r);
		p->correct[i] = (unsigned char)c;
		p->tries[i]++;
	}
	sqlite3_finalize(s);
}

/* the writes of store_begin: the progress row (new, or brought up to the
 * module as it is now) and `initialized` or `resumed`. */
static int
tx_begin(store *st, long learner, const mod_module *m, int resumed)
{
	char uuid[37];
	xctx x;
	int rc;

	if (!resumed) {
		sfs_uuid(uuid);
		rc = run(prep(st,
			"INSERT INTO progress (learner_id, module_id, module_version, status,"
			" attempt, registration, slides_total, questions_total, started_at,"
			" updated_at) VALUES (?, ?, ?, 'in-progress', 1, ?, ?, ?, " NOW_SQL ", "
			NOW_SQL ")",
			"ltttii", learner, m->id, m->version ? m->version : "", uuid,
			m->nslides, question_count(m)));
	} else {
		rc = run(prep(st,
			"UPDATE progress SET module_version = ?, slides_total = ?,"
			" questions_total = ?, updated_at = " NOW_SQL
			" WHERE learner_id = ? AND module_id = ?",
			"tiilt", m->version ? m->version : "", m->nslides, question_count(m),
			learner, m->id));
	}
	if (rc != SQLITE_OK)
		return rc;
	rc = xctx_init(&x, st, learner, m) == 0 ? SQLITE_OK : SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = emit_module(&x, resumed ? "resumed" : "initialized", NULL);
	xctx_free(&x);
	return rc;
}

int
store_begin(store *st, long learner, const mod_module *m, store_progress *p)
{
	int e;

	if (!st || !m || !p)
		return -1;
	progress_alloc(p, m);
	load_progress(st, learner, m, p);
	/* the learner goes on even when this cannot be written */
	TRANSACT(st, e, tx_begin(st, learner, m, p->resumed));
	return 0;
}

static int
tx_visit(store *st, long learner, const mod_module *m, const store_progress *p, int i)
{
	xctx x;
	char *o;
	int rc;

	rc = run(prep(st,
		"UPDATE progress SET bookmark = ?, updated_at = " NOW_SQL ","
		" status = CASE status WHEN 'not-started' THEN 'in-progress' ELSE status END"
		" WHERE learner_id = ? AND module_id = ?",
		"tlt", m->slides[i].id, learner, m->id));
	if (rc == SQLITE_OK)
		rc = run(prep(st,
			"INSERT OR IGNORE INTO seen (learner_id, module_id, attempt, slide_id,"
			" seen_at) VALUES (?, ?, ?, ?, " NOW_SQL ")",
			"ltit", learner, m->id, p->attempt, m->slides[i].id));
	if (rc != SQLITE_OK)
		return rc;
	rc = xctx_init(&x, st, learner, m) == 0 ? SQLITE_OK : SQLITE_ERROR;
	o = rc == SQLITE_OK ? slide_object(&x, i) : NULL;
	if (rc == SQLITE_OK)
		rc = emit(&x, "experienced", o, NULL, 1);
	free(o);
	xctx_free(&x);
	return rc;
}

int
store_visit(store *st, long learner, const mod_module *m, store_progress *p, int i)
{
	int e;

	if (!st || !m || !p || i < 0 || i >= m->nslides || p->nslides != m->nslides)
		return -1;
	p->bookmark = i;
	p->seen[i] = 1;
	if (p->status == ST_NOT_STARTED)
		p->status = ST_IN_PROGRESS;
	TRANSACT(st, e, tx_visit(st, learner, m, p, i));
	return result_of(e);
}

static int
tx_answer(store *st, long learner, const mod_module *m, const store_progress *p,
          int i, const char *response, int correct, int points)
{
	const mod_slide *q = &m->slides[i];
	xctx x;
	char *o, *res;
	int rc;

	rc = run(prep(st,
		"INSERT INTO answer (learner_id, module_id, attempt, question_id, response,"
		" correct, points, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, " NOW_SQL ")",
		"ltittii", learner, m->id, p->attempt, q->id, response, correct != 0, points));
	if (rc == SQLITE_OK)
		rc = run(prep(st, "UPDATE progress SET updated_at = " NOW_SQL
		                  " WHERE learner_id = ? AND module_id = ?", "lt", learner, m->id));
	if (rc != SQLITE_OK)
		return rc;
	rc = xctx_init(&x, st, learner, m) == 0 ? SQLITE_OK : SQLITE_ERROR;
	o = rc == SQLITE_OK ? question_object(&x, i) : NULL;
	/* practice questions (0 points) have no score to report */
	res = fetch_text(prep(st,
		"SELECT json_object('response', ?1, 'success', json(?2),"
		" 'score', CASE WHEN ?4 > 0 THEN json_object('raw', ?3, 'min', 0,"
		"  'max', ?4, 'scaled', CAST(?3 AS REAL) / ?4) ELSE NULL END)",
		"ttii", response, correct ? "true" : "false", points, q->points));
	if (rc == SQLITE_OK)
		rc = res ? emit(&x, "answered", o, res, 1) : SQLITE_ERROR;
	free(o);
	free(res);
	xctx_free(&x);
	return rc;
}

int
store_answer(store *st, long learner, const mod_module *m, store_progress *p,
             int i, const char *response, int correct, int points)
{
	int e;

	if (!st || !m || !p || !response || i < 0 || i >= m->nslides ||
	    p->nslides != m->nslides || m->slides[i].qtype == Q_NONE)
		return -1;
	free(p->response[i]);
	p->response[i] = xstrdup(response);
	p->correct[i] = correct != 0;
	p->tries[i]++;
	TRANSACT(st, e, tx_answer(st, learner, m, p, i, response, correct, points));
	return result_of(e);
}

static int
tx_finish(store *st, long learner, const mod_module *m, const store_progress *p,
          const score_result *r)
{
	xctx x;
	char *res;
	int rc;

	rc = run(prep(st,
		"UPDATE progress SET status = ?, score = ?,"
		" best_score = CASE WHEN ?3 IS NULL THEN best_score"
		"  ELSE max(coalesce(best_score, ?3), ?3) END,"
		" completed_at = " NOW_SQL ", updated_at = " NOW_SQL
		" WHERE learner_id = ? AND module_id = ?",
		"tIIlt", store_status_name(p->status), p->score, p->best_score, learner, m->id));
	if (rc != SQLITE_OK)
		return rc;
	rc = xctx_init(&x, st, learner, m) == 0 ? SQLITE_OK : SQLITE_ERROR;
	res = duration_result(&x, p->time_spent_s, 1);
	if (rc == SQLITE_OK)
		rc = emit_module(&x, "completed", res);
	free(res);
	if (rc == SQLITE_OK && r->percent >= 0) {
		res = fetch_text(prep(st,
			"SELECT json_object('success', json(?1), 'completion', json('true'),"
			" 'score', json_object('scaled', CAST(?2 AS REAL) / ?3, 'raw', ?2,"
			"  'min', 0, 'max', ?3))",
			"tii", r->passed ? "true" : "false", r->earned, r->possible));
		rc = emit_module(&x, r->passed ? "passed" : "failed", res);
		free(res);
	}
	xctx_free(&x);
	return rc;
}

int
store_finish(store *st, long learner, const mod_module *m, store_progress *p)
{
	score_result r;
	int e;

	if (!st || !m || !p || p->nslides != m->nslides)
		return -1;
	score_compute(m, p->seen, (const char *const *)p->response, &r);
	p->score = r.percent;
	if (r.percent >= 0 && r.percent > p->best_score)
		p->best_score = r.percent;
	p->status = r.percent < 0 ? ST_COMPLETED : r.passed ? ST_PASSED : ST_FAILED;
	TRANSACT(st, e, tx_finish(st, learner, m, p, &r));
	score_free(&r);
	return result_of(e);
}

static int
tx_retake(store *st, long learner, const mod_module *m, const store_progress *p)
{
	char uuid[37];
	xctx x;
	int rc;

	sfs_uuid(uuid);
	rc = run(prep(st,
		"UPDATE progress SET attempt = ?, status = 'in-progress', score = NULL,"
		" registration = ?, bookmark = NULL, updated_at = " NOW_SQL
		" WHERE learner_id = ? AND module_id = ?",
		"itlt", p->attempt, uuid, learner, m->id));
	if (rc != SQLITE_OK)
		return rc;
	/* a new attempt is a new registration, starting like the first */
	rc = xctx_init(&x, st, learner, m) == 0 ? SQLITE_OK : SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = emit_module(&x, "initialized", NULL);
	xctx_free(&x);
	return rc;
}

int
store_retake(store *st, long learner, const mod_module *m, store_progress *p)
{
	int e;

	if (!st || !m || !p || p->nslides != m->nslides)
		return -1;
	clear_answers(p);
	p->attempt++;
	p->bookmark = 0;
	p->score = -1;
	p->status = ST_IN_PROGRESS;
	p->version_changed = 0;
	TRANSACT(st, e, tx_retake(st, learner, m, p));
	return result_of(e);
}

int
store_add_time(store *st, long learner, const mod_module *m, store_progress *p,
               long seconds)
{
	int e;

	if (!st || !m || !p || seconds <= 0)
		return -1;
	p->time_spent_s += seconds;
	TRANSACT(st, e, run(prep(st,
		"UPDATE progress SET time_spent_s = time_spent_s + ?, updated_at = " NOW_SQL
		" WHERE learner_id = ? AND module_id = ?",
		"llt", seconds, learner, m->id)));
	return result_of(e);
}

static int
tx_leave(store *st, long learner, const mod_module *m, const store_progress *p)
{
	xctx x;
	char *res;
	int rc;

	rc = xctx_init(&x, st, learner, m) == 0 ? SQLITE_OK : SQLITE_ERROR;
	res = duration_result(&x, p->time_spent_s, 0);
	/* an attempt left half way will be resumed; a finished one is over */
	if (rc == SQLITE_OK)
		rc = emit_module(&x, p->status == ST_IN_PROGRESS || p->status == ST_NOT_STARTED
		                         ? "suspended" : "terminated", res);
	free(res);
	xctx_free(&x);
	return rc;
}

int
store_leave(store *st, long learner, const mod_module *m, store_progress *p)
{
	int e;

	if (!st || !m || !p)
		return -1;
	TRANSACT(st, e, tx_leave(st, learner, m, p));
	return result_of(e);
}

/* ================================================================ summaries */

#define SUMMARY_SQL \
	"SELECT l.name, p.module_id, p.module_version, p.status, p.score," \
	" (SELECT count(*) FROM seen s WHERE s.learner_id = p.learner_id" \
	"   AND s.module_id = p.module_id AND s.attempt = p.attempt)," \
	" p.slides_total," \
	" (SELECT count(DISTINCT question_id) FROM answer a WHERE a.learner_id =" \
	"   p.learner_id AND a.module_id = p.module_id AND a.attempt = p.attempt)," \
	" p.questions_total, p.time_spent_s, p.started_at, p.completed_at, p.bookmark" \
	" FROM progress p JOIN learner l ON l.id = p.learner_id"

static void
summary_row(sqlite3_stmt *s, store_summary *o)
{
	memset(o, 0, sizeof *o);
	copy_str(o->learner, sizeof o->learner, (const char *)sqlite3_column_text(s, 0));
	copy_str(o->module_id, sizeof o->module_id, (const char *)sqlite3_column_text(s, 1));
	copy_str(o->module_version, sizeof o->module_version,
	         (const char *)sqlite3_column_text(s, 2));
	o->status = status_from_name((const char *)sqlite3_column_text(s, 3));
	o->score = sqlite3_column_type(s, 4) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 4);
	o->slides_seen = sqlite3_column_int(s, 5);
	o->slides_total = sqlite3_column_int(s, 6);
	o->questions_answered = sqlite3_column_int(s, 7);
	o->questions_total = sqlite3_column_int(s, 8);
	o->time_spent_s = (long)sqlite3_column_int64(s, 9);
	copy_str(o->started_at, sizeof o->started_at, (const char *)sqlite3_column_text(s, 10));
	copy_str(o->completed_at, sizeof o->completed_at,
	         (const char *)sqlite3_column_text(s, 11));
	copy_str(o->bookmark, sizeof o->bookmark, (const char *)sqlite3_column_text(s, 12));
}

int
store_summary_get(store *st, long learner, const char *module_id, store_summary *out)
{
	sqlite3_stmt *s;
	char *name;

	if (!st || !module_id)
		return -1;
	s = prep(st, SUMMARY_SQL " WHERE p.learner_id = ? AND p.module_id = ?", "lt",
	         learner, module_id);
	if (s && sqlite3_step(s) == SQLITE_ROW) {
		summary_row(s, out);
		sqlite3_finalize(s);
		return 0;
	}
	sqlite3_finalize(s);
	memset(out, 0, sizeof *out);
	out->status = ST_NOT_STARTED;
	out->score = -1;
	copy_str(out->module_id, sizeof out->module_id, module_id);
	if ((name = learner_name(st, learner))) {
		copy_str(out->learner, sizeof out->learner, name);
		free(name);
	}
	return 0;
}

store_summary *
store_summaries(store *st, const char *learner, int *n)
{
	sqlite3_stmt *s = prep(st, SUMMARY_SQL " WHERE ?1 IS NULL OR l.name = ?1"
	                           " ORDER BY l.name COLLATE NOCASE, l.name, p.module_id", "t", learner);
	store_summary *v = NULL;

	*n = 0;
	while (s && sqlite3_step(s) == SQLITE_ROW) {
		v = xrealloc(v, (size_t)(*n + 1) * sizeof *v);
		summary_row(s, &v[(*n)++]);
	}
	sqlite3_finalize(s);
	return v;
}

store_answer_row *
store_answers(store *st, long learner, const char *module_id, int *n)
{
	sqlite3_stmt *s = prep(st,
		"SELECT question_id, attempt, response, correct, points, answered_at"
		" FROM answer WHERE learner_id = ? AND module_id = ? ORDER BY id",
		"lt", learner, module_id);
	store_answer_row *v = NULL;

	*n = 0;
	while (s && sqlite3_step(s) == SQLITE_ROW) {
		store_answer_row *a;

		v = xrealloc(v, (size_t)(*n + 1) * sizeof *v);
		a = &v[(*n)++];
		copy_str(a->question_id, sizeof a->question_id,
		         (const char *)sqlite3_column_text(s, 0));
		a->attempt = sqlite3_column_int(s, 1);
		a->response = xstrdup((const char *)sqlite3_column_text(s, 2));
		a->correct = sqlite3_column_int(s, 3);
		a->points = sqlite3_column_int(s, 4);
		copy_str(a->answered_at, sizeof a->answered_at,
		         (const char *)sqlite3_column_text(s, 5));
	}
	sqlite3_finalize(s);
	return v;
}

void
store_free_answers(store_answer_row *a, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(a[i].response);
	free(a);
}

/* ================================================================ export */

long
store_export_xapi(store *st, FILE *fp, const char *since, const char *learner,
                  char *err, size_t errsize)
{
	sqlite3_stmt *s;
	char *from = NULL;
	long n = 0;
	int rc;

	copy_str(err, errsize, "");
	if (since) {
		from = fetch_text(prep(st, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', ?)", "t", since));
		if (!from) {
			snprintf(err, errsize,
			         _("'%s' is not a date or time (use e.g. 2024-05-31 or "
			           "2024-05-31T14:00:00Z)"),
			         since);
			return -1;
		}
	}
	s = prep(st, "SELECT statement FROM outbox WHERE (?1 IS NULL OR created_at >= ?1)"
	             " AND (?2 IS NULL OR learner = ?2) ORDER BY seq", "tt", from, learner);
	free(from);
	if (!s) {
		snprintf(err, errsize, _("the progress database cannot be read: %s"),
		         sqlite3_errmsg(st->db));
		return -1;
	}
	fputs("[", fp);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fputs(n ? ",\n" : "\n", fp);
		fputs((const char *)sqlite3_column_text(s, 0), fp);
		n++;
	}
	fputs(n ? "\n]\n" : "]\n", fp);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		snprintf(err, errsize, _("the progress database cannot be read: %s"),
		         sqlite3_errstr(rc));
		return -1;
	}
	return n;
}
