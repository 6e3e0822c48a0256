/* db.c: opening the progress database (see store.h), recovering from a
 * damaged one, migrating old ones, and the statement and transaction
 * helpers the other files of the store use (store_int.h).
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
 *     holds, when it can be read) and says progress is not being saved;
 *   no home directory, or a data folder or database that another user owns
 *     or that anyone may write (STORE_UNSAFE): neither is touched, the store
 *     runs in memory, and says why.
 * A write that fails later (disk full, file made read-only) turns on the
 * same warning; the in-memory store_progress keeps the learner going.
 * Sidecar files of a database that is in use are never touched.
 *
 * Every change is one transaction holding the state change and the xAPI
 * statements it causes (the outbox), so the two never disagree. Statements
 * are JSON built by SQLite's json_object(); json_patch('{}', ...) drops the
 * members that are NULL (no result, no parent, ...). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_int.h"

#include "base/i18n.h"
#include "store_fs.h"

enum { SCHEMA_VERSION = 5 };

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
	/* 1 -> 2: sending the outbox to an LRS. A statement waits until the
	 * LRS acknowledges it (acked_at) or refuses it (set_aside holds the
	 * LRS's words); either way it stays for exports until pruned. The
	 * statement text itself is never touched. sync holds one row: how the
	 * runs went and when an automatic one may try again. */
	"ALTER TABLE outbox ADD COLUMN acked_at TEXT;"
	"ALTER TABLE outbox ADD COLUMN set_aside TEXT;"
	"ALTER TABLE outbox ADD COLUMN set_aside_at TEXT;"
	"CREATE INDEX outbox_waiting ON outbox (seq)"
	"  WHERE acked_at IS NULL AND set_aside IS NULL;"
	"CREATE INDEX outbox_acked ON outbox (acked_at) WHERE acked_at IS NOT NULL;"
	"CREATE TABLE sync ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  last_attempt TEXT,"
	"  last_ok TEXT,"
	"  last_ack TEXT,"
	"  last_error TEXT,"
	"  failures INTEGER NOT NULL DEFAULT 0,"
	"  not_before INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO sync (id) VALUES (1);",
	/* 2 -> 3: the UI language a learner chose in the player (a gettext
	 * name such as "fr"); NULL follows the settings and the system */
	"ALTER TABLE learner ADD COLUMN language TEXT;",
	/* 3 -> 4 (best result): a retake resets status and score to the new
	 * attempt's, so the best finished outcome is kept beside best_score
	 * for the catalog, `lectern progress` and the CSV */
	"ALTER TABLE progress ADD COLUMN best_status TEXT CHECK (best_status IN"
	"  ('completed', 'passed', 'failed'));"
	"UPDATE progress SET best_status = status"
	"  WHERE status IN ('completed', 'passed', 'failed');",
	/* 4 -> 5, kiosk classrooms (issue 12): each learner's display choices
	 * and optional code (a crypt hash), and the wrong PINs and codes in a
	 * row, kept so that a restart does not reopen a locked prompt. The
	 * time of the last failure is wall-clock seconds: a monotonic clock
	 * starts again at boot. */
	"ALTER TABLE learner ADD COLUMN theme TEXT;"
	"ALTER TABLE learner ADD COLUMN text_scale REAL;"
	"ALTER TABLE learner ADD COLUMN code_hash TEXT;"
	"CREATE TABLE guard ("
	"  name TEXT PRIMARY KEY,"           /* "trainer", "learner:ID" */
	"  failures INTEGER NOT NULL,"
	"  last_failure REAL NOT NULL) WITHOUT ROWID;",
};


int
store_schema_version(void)
{
	return SCHEMA_VERSION;
}

const char *
store_migration_sql(int k)
{
	return k >= 0 && k < SCHEMA_VERSION ? migrations[k] : NULL;
}

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

int
sdb_status_from_name(const char *s)
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
sqlite3_stmt *
sdb_prep(store *st, const char *sql, const char *fmt, ...)
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
int
sdb_run(sqlite3_stmt *s)
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
char *
sdb_fetch_text(sqlite3_stmt *s)
{
	char *v = NULL;

	if (s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
		v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v;
}

void
sdb_copy_str(char *dst, size_t size, const char *src)
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
int
sdb_begin(store *st)
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
int
sdb_end(store *st, int rc)
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
int
sdb_result(int e)
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
	char host[256] = "", aside[PATH_MAX], why[PATH_MAX + 200];
	int how, rc = SQLITE_OK;

	st->path = xasprintf("%s/" STORE_DB_FILE, dir ? dir : ".");
	if (xo && xo->home_page && *xo->home_page) {
		st->home_page = xstrdup(xo->home_page);
	} else {
		char *h;

		if (gethostname(host, sizeof host - 1) != 0 || !*host)
			sdb_copy_str(host, sizeof host, "localhost");
		h = sfs_iri_escape(host);
		st->home_page = xasprintf("urn:lectern:device:%s", h);
		free(h);
	}
	st->base_iri = xstrdup(xo && xo->base_iri && *xo->base_iri ? xo->base_iri
	                                                          : "urn:lectern:module:");
	st->saving = 1;
	st->health = STORE_OK;

	if (!dir) {
		open_memory(st, 0);
		st->health = STORE_UNSAFE;
		not_saving(st, _("there is no home directory to keep it in (set HOME "
		                 "or XDG_DATA_HOME, or give --data-dir)"));
		return st;
	}
	if (sfs_make_dirs(dir) != 0) {
		char why[512];

		snprintf(why, sizeof why, _("the folder %s cannot be created: %s"), dir,
		         strerror(errno));
		free(dir);
		open_memory(st, 0);
		not_saving(st, why);
		return st;
	}
	/* a folder or file another user owns or anyone may write could be
	 * swapped or read under us: left untouched */
	if (sfs_unsafe(dir, st->path, why, sizeof why)) {
		free(dir);
		open_memory(st, 0);
		st->health = STORE_UNSAFE;
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
	sqlite3_stmt *s = sdb_prep(st, "PRAGMA integrity_check", NULL);
	int ok = 0;

	sdb_copy_str(msg, size, _("the check could not run"));
	if (s && sqlite3_step(s) == SQLITE_ROW) {
		sdb_copy_str(msg, size, (const char *)sqlite3_column_text(s, 0));
		ok = strcmp(msg, "ok") == 0;
	}
	sqlite3_finalize(s);
	return ok;
}
