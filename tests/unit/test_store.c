/* test_store.c: the progress store on temporary databases: creation and
 * permissions, learners, resume (bookmark, seen, earlier answers), finish
 * and retake (best score kept), a module whose version changed (answers of
 * questions that still exist kept, bookmark found by id after reordering),
 * migrations, a newer or foreign database left untouched, damage recovery,
 * a read-only database and a full disk (the store keeps going in memory),
 * and the xAPI outbox with its export filters.
 *
 * The test opens the databases with SQLite itself to check what is really
 * on disk, independently of the store's own reading code. */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.h"
#include "learn/grade.h"
#include "learn/session.h"

/* ------------------------------------------------------------ fixtures */

static mod_choice gift_choices[3] = {
	{ .text = "Accept it" },
	{ .text = "Decline and report it", .correct = 1 },
	{ .text = "Ask a colleague" },
};
static const char *accept_word[1] = { "integrity" };

static mod_slide slides_v1[7] = {
	{ .id = "intro", .section = "Basics", .title = "Welcome" },
	{ .id = "q-gift", .qtype = Q_SINGLE, .points = 1, .attempts = 2,
	  .question = "A trader offers you a gift. What do you do?",
	  .choices = gift_choices, .nchoices = 3 },
	{ .id = "q-word", .qtype = Q_SHORT, .points = 1, .attempts = 1,
	  .question = "Name the value.", .accept = accept_word, .naccept = 1 },
	{ .id = "more", .section = "Reporting", .title = "Reporting" },
	{ .id = "q-tf", .qtype = Q_TRUE_FALSE, .points = 2, .attempts = 1,
	  .question = "You must report it.", .answer = 1 },
	{ .id = "practice", .qtype = Q_TRUE_FALSE, .points = 0, .attempts = 1,
	  .question = "Practice: gifts are fine.", .answer = 0 },
	{ .id = "end", .title = "Well done" },
};

/* version 2: slides reordered, q-word removed, a new question added */
static mod_slide slides_v2[6] = {
	{ .id = "intro", .section = "Basics", .title = "Welcome" },
	{ .id = "more", .section = "Reporting", .title = "Reporting" },
	{ .id = "q-tf", .qtype = Q_TRUE_FALSE, .points = 2, .attempts = 1,
	  .question = "You must report it.", .answer = 1 },
	{ .id = "q-new", .qtype = Q_TRUE_FALSE, .points = 1, .attempts = 1,
	  .question = "New question.", .answer = 0 },
	{ .id = "q-gift", .qtype = Q_SINGLE, .points = 1, .attempts = 2,
	  .question = "A trader offers you a gift. What do you do?",
	  .choices = gift_choices, .nchoices = 3 },
	{ .id = "end", .title = "Well done" },
};

static mod_module
module_v1(void)
{
	mod_module m = { .id = "integrity", .title = "Integrity at the border",
	                 .language = "en", .version = "1.0", .pass_mark = 80,
	                 .slides = slides_v1, .nslides = 7 };
	return m;
}

static mod_module
module_v2(void)
{
	mod_module m = module_v1();

	m.version = "2.0";
	m.slides = slides_v2;
	m.nslides = 6;
	return m;
}

static char tmp[256];

static int
setup(void **state)
{
	(void)state;
	snprintf(tmp, sizeof tmp, "%s", "/tmp/lectern-test-store-XXXXXX");
	if (!mkdtemp(tmp))
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	char cmd[700];

	(void)state;
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", tmp, tmp);
	return system(cmd) == 0 ? 0 : -1;
}

static char *
path_in(const char *rel)
{
	static char buf[4][512];
	static int k;

	k = (k + 1) % 4;
	if (snprintf(buf[k], sizeof buf[k], "%s/%s", tmp, rel) >= (int)sizeof buf[k])
		abort();
	return buf[k];
}

/* a query's first value as an int, through a separate connection */
static int
sql_int(const char *dbpath, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int v = -999;

	assert_int_equal(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return v;
}

static void
sql_exec(const char *dbpath, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* a database file as a Lectern of schema version v left it, empty */
static void
schema_at(const char *dbpath, int v)
{
	sqlite3 *db;
	char pragma[64];
	int k;

	assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
	for (k = 0; k < v; k++)
		assert_int_equal(sqlite3_exec(db, store_migration_sql(k), NULL, NULL, NULL),
		                 SQLITE_OK);
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", v);
	assert_int_equal(sqlite3_exec(db, pragma, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* study module v1 a little: see intro, q-gift (wrong, then right), q-word
 * (right), and stop at the "more" slide. */
static void
study_some(store *st, long who, const mod_module *m, store_progress *p)
{
	assert_int_equal(store_begin(st, who, m, grade_judge, p), 0);
	assert_int_equal(store_visit(st, who, m, p, 0), 0);
	assert_int_equal(store_visit(st, who, m, p, 1), 0);
	assert_int_equal(store_answer(st, who, m, p, 1, "0", 0, 0), 0);
	assert_int_equal(store_answer(st, who, m, p, 1, "1", 1, 1), 0);
	assert_int_equal(store_visit(st, who, m, p, 2), 0);
	assert_int_equal(store_answer(st, who, m, p, 2, "Integrity ", 1, 1), 0);
	assert_int_equal(store_visit(st, who, m, p, 3), 0);
}

/* ------------------------------------------------------------ tests */

static void
test_create(void **state)
{
	char dir[512];
	struct stat sb;
	store *st;

	(void)state;
	snprintf(dir, sizeof dir, "%s/a/b/lectern", tmp);
	st = store_open(dir, NULL);
	assert_non_null(st);
	assert_null(store_warning(st));
	assert_true(store_is_saving(st));
	assert_int_equal(store_health(st), STORE_OK);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(stat(store_path(st), &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	store_close(st);
	assert_int_equal(sql_int(path_in("a/b/lectern/progress.db"), "PRAGMA user_version"),
	                 store_schema_version());
	{
		sqlite3 *db;
		sqlite3_stmt *s;

		sqlite3_open(path_in("a/b/lectern/progress.db"), &db);
		sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(s, 0), "wal");
		sqlite3_finalize(s);
		sqlite3_close(db);
	}
}

static void
test_default_dir(void **state)
{
	char *old = getenv("XDG_DATA_HOME") ? strdup(getenv("XDG_DATA_HOME")) : NULL;
	store *st;
	struct stat sb;

	(void)state;
	setenv("XDG_DATA_HOME", tmp, 1);
	st = store_open(NULL, NULL);
	assert_string_equal(store_path(st), path_in("lectern/progress.db"));
	assert_int_equal(stat(path_in("lectern/progress.db"), &sb), 0);
	store_close(st);
	if (old)
		setenv("XDG_DATA_HOME", old, 1);
	else
		unsetenv("XDG_DATA_HOME");
	free(old);
}

/* a data folder or database anyone may write, or another user's, is left
 * untouched: the store runs in memory and says why */
static void
test_unsafe_dir(void **state)
{
	char *sub = path_in("open");
	store *st;
	struct stat sb;

	(void)state;
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(chmod(sub, 0777), 0);
	st = store_open(sub, NULL);
	assert_int_equal(store_health(st), STORE_UNSAFE);
	assert_false(store_is_saving(st));
	assert_non_null(strstr(store_warning(st), "anyone may write"));
	store_close(st);
	assert_int_not_equal(stat(path_in("open/progress.db"), &sb), 0);

	/* a database file anyone may write, in a folder of ours */
	assert_int_equal(chmod(sub, 0700), 0);
	st = store_open(sub, NULL);
	assert_int_equal(store_health(st), STORE_OK);
	store_close(st);
	assert_int_equal(chmod(path_in("open/progress.db"), 0666), 0);
	st = store_open(sub, NULL);
	assert_int_equal(store_health(st), STORE_UNSAFE);
	store_close(st);
	assert_int_equal(chmod(path_in("open/progress.db"), 0600), 0);
	/* another user's folder (only root can make one to test with) */
	if (geteuid() == 0 && chown(sub, 65534, 65534) == 0) {
		st = store_open(sub, NULL);
		assert_int_equal(store_health(st), STORE_UNSAFE);
		assert_non_null(strstr(store_warning(st), "another user"));
		store_close(st);
	}
}

/* no home at all: the store says so, and never falls back to the current
 * directory or /tmp */
static void
test_no_home(void **state)
{
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	char *xdg = getenv("XDG_DATA_HOME") ? strdup(getenv("XDG_DATA_HOME")) : NULL;
	store *st;

	(void)state;
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "relative/home", 1);
	st = store_open(NULL, NULL);
	/* the password database may give this user a home; if not, no file */
	if (store_health(st) == STORE_UNSAFE)
		assert_non_null(strstr(store_warning(st), "no home directory"));
	else
		assert_true(store_path(st)[0] == '/');
	store_close(st);
	if (home)
		setenv("HOME", home, 1);
	if (xdg)
		setenv("XDG_DATA_HOME", xdg, 1);
	free(home);
	free(xdg);
}

static void
test_learners(void **state)
{
	store *st = store_open(tmp, NULL);
	char buf[64], **names;
	long a, b;
	int n;

	(void)state;
	a = store_learner(st, "Zoë Παπαδοπούλου");
	b = store_learner(st, "amir");
	assert_true(a >= 0 && b >= 0 && a != b);
	assert_int_equal(store_learner(st, "amir"), b);
	assert_int_equal(store_learner(st, ""), -1);
	assert_int_equal(store_learner(st, "tab\there"), -1);
	assert_int_equal(store_learner(st, "bad \xff utf-8"), -1);
	names = store_learners(st, &n);
	assert_int_equal(n, 2);
	assert_string_equal(names[0], "amir");
	store_free_names(names, n);
	assert_int_equal(store_rename_learner(st, "amir", "Amir K."), 0);
	assert_int_equal(store_rename_learner(st, "nobody", "x"), -1);
	assert_int_equal(store_rename_learner(st, "Amir K.", "Zoë Παπαδοπούλου"), -1);
	assert_int_equal(store_learner(st, "Amir K."), b);
	/* each learner's own UI language, kept until changed or cleared */
	assert_int_equal(store_learner_language(st, b, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_int_equal(store_set_learner_language(st, b, "fr"), 0);
	assert_int_equal(store_learner_language(st, b, buf, sizeof buf), 0);
	assert_string_equal(buf, "fr");
	assert_int_equal(store_learner_language(st, a, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	store_close(st);
	/* a file from before the language column (schema 2) is migrated and
	 * keeps its learners */
	assert_int_equal(unlink(path_in("progress.db")), 0);
	schema_at(path_in("progress.db"), 2);
	{
		char *q = sqlite3_mprintf("INSERT INTO learner (id, name, created_at) VALUES"
		                          " (%ld, 'Zoë Παπαδοπούλου', '2026-01-01'),"
		                          " (%ld, 'Amir K.', '2026-01-01')", a, b);

		sql_exec(path_in("progress.db"), q);
		sqlite3_free(q);
	}
	st = store_open(tmp, NULL);
	assert_int_equal(store_health(st), STORE_OK);
	assert_int_equal(store_learner(st, "Amir K."), b);
	assert_int_equal(store_learner_language(st, b, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_int_equal(store_set_learner_language(st, b, "es"), 0);
	assert_int_equal(store_learner_language(st, b, buf, sizeof buf), 0);
	assert_string_equal(buf, "es");
	assert_int_equal(store_set_learner_language(st, b, NULL), 0);
	assert_int_equal(store_learner_language(st, b, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_int_equal(store_learner_language(st, 9999, buf, sizeof buf), -1);
	assert_int_equal(store_remove_learner(st, "Amir K."), 0);
	assert_int_equal(store_remove_learner(st, "Amir K."), -1);
	names = store_learners(st, &n);
	assert_int_equal(n, 1);
	store_free_names(names, n);
	assert_non_null(store_default_learner(buf, sizeof buf));
	assert_true(buf[0] != '\0');
	store_close(st);
}

static void
test_resume(void **state)
{
	mod_module m = module_v1();
	store_progress p;
	store_summary sum;
	store *st = store_open(tmp, NULL);
	long who = store_learner(st, "lea");

	(void)state;
	study_some(st, who, &m, &p);
	assert_int_equal(p.resumed, 0);
	assert_int_equal(p.attempt, 1);
	assert_int_equal(store_add_time(st, who, &m, &p, 42), 0);
	store_progress_free(&p);
	/* no store_leave: as if the power went */
	store_close(st);

	st = store_open(tmp, NULL);
	assert_int_equal(store_health(st), STORE_OK);
	who = store_learner(st, "lea");
	assert_int_equal(store_begin(st, who, &m, grade_judge, &p), 0);
	assert_int_equal(p.resumed, 1);
	assert_int_equal(p.version_changed, 0);
	assert_int_equal(p.status, ST_IN_PROGRESS);
	assert_int_equal(p.bookmark, 3);
	assert_int_equal(p.nslides, 7);
	assert_true(p.seen[0] && p.seen[1] && p.seen[2] && p.seen[3]);
	assert_false(p.seen[4]);
	assert_string_equal(p.response[1], "1");
	assert_int_equal(p.correct[1], 1);
	assert_int_equal(p.tries[1], 2);
	assert_string_equal(p.response[2], "Integrity ");
	assert_int_equal(p.tries[2], 1);
	assert_null(p.response[4]);
	assert_int_equal(p.time_spent_s, 42);

	assert_int_equal(store_summary_get(st, who, "integrity", &sum), 0);
	assert_string_equal(sum.learner, "lea");
	assert_string_equal(sum.module_version, "1.0");
	assert_int_equal(sum.status, ST_IN_PROGRESS);
	assert_int_equal(sum.slides_seen, 4);
	assert_int_equal(sum.slides_total, 7);
	assert_int_equal(sum.questions_answered, 2);
	assert_int_equal(sum.questions_total, 4);
	assert_int_equal(sum.time_spent_s, 42);
	assert_string_equal(sum.bookmark, "more");
	assert_true(sum.started_at[0] == '2');
	assert_string_equal(sum.completed_at, "");
	assert_int_equal(store_summary_get(st, who, "other-module", &sum), 0);
	assert_int_equal(sum.status, ST_NOT_STARTED);
	assert_string_equal(store_status_name(sum.status), "not-started");
	store_progress_free(&p);
	store_close(st);
}

static void
test_finish_retake(void **state)
{
	mod_module m = module_v1();
	store_progress p;
	store_summary sum;
	store *st = store_open(tmp, NULL);
	long who = store_learner(st, "lea");
	int i, n;
	store_answer_row *ans;

	(void)state;
	study_some(st, who, &m, &p);
	for (i = 4; i < 7; i++)
		assert_int_equal(store_visit(st, who, &m, &p, i), 0);
	assert_int_equal(store_answer(st, who, &m, &p, 4, "true", 1, 2), 0);
	assert_int_equal(store_answer(st, who, &m, &p, 5, "true", 0, 0), 0); /* practice */
	assert_int_equal(ses_record_finish(st, who, &m, &p), 0);
	assert_int_equal(p.status, ST_PASSED);
	assert_int_equal(p.score, 100);
	assert_int_equal(p.best_score, 100);

	/* attempt 2: only the first question, wrong, then the end */
	assert_int_equal(store_retake(st, who, &m, &p), 0);
	assert_int_equal(p.attempt, 2);
	assert_int_equal(p.score, -1);
	assert_int_equal(p.best_score, 100);
	assert_int_equal(p.best_status, ST_PASSED);
	assert_null(p.response[1]);
	assert_false(p.seen[1]);
	/* half way through the retake the pass is still on record */
	store_summary_get(st, who, "integrity", &sum);
	assert_int_equal(sum.status, ST_IN_PROGRESS);
	assert_int_equal(sum.score, -1);
	assert_int_equal(sum.best_status, ST_PASSED);
	assert_int_equal(sum.best_score, 100);
	assert_int_equal(sum.attempts, 2);
	for (i = 0; i < 7; i++)
		assert_int_equal(store_visit(st, who, &m, &p, i), 0);
	assert_int_equal(store_answer(st, who, &m, &p, 1, "2", 0, 0), 0);
	assert_int_equal(ses_record_finish(st, who, &m, &p), 0);
	assert_int_equal(p.status, ST_FAILED);
	assert_int_equal(p.score, 0);
	assert_int_equal(p.best_score, 100);
	store_progress_free(&p);
	store_close(st);

	st = store_open(tmp, NULL);
	assert_int_equal(store_begin(st, who, &m, grade_judge, &p), 0);
	assert_int_equal(p.attempt, 2);
	assert_int_equal(p.status, ST_FAILED);
	assert_int_equal(p.score, 0);
	assert_int_equal(p.best_score, 100);
	assert_string_equal(p.response[1], "2"); /* this attempt's answer only */
	assert_null(p.response[2]);
	store_summary_get(st, who, "integrity", &sum);
	assert_int_equal(sum.status, ST_FAILED);
	assert_int_equal(sum.score, 0);
	assert_int_equal(sum.best_status, ST_PASSED); /* a fail never hides a pass */
	assert_int_equal(sum.best_score, 100);
	assert_int_equal(sum.attempts, 2);
	assert_int_equal(sum.questions_answered, 1);
	assert_true(sum.completed_at[0] == '2');
	/* every answer of both attempts is kept */
	ans = store_answers(st, who, "integrity", &n);
	assert_int_equal(n, 6);
	assert_int_equal(ans[0].attempt, 1);
	assert_string_equal(ans[0].question_id, "q-gift");
	assert_string_equal(ans[0].response, "0");
	assert_int_equal(ans[5].attempt, 2);
	store_free_answers(ans, n);
	store_progress_free(&p);
	store_close(st);
	assert_int_equal(sql_int(path_in("progress.db"),
	                         "SELECT best_score FROM progress"), 100);
	assert_int_equal(sql_int(path_in("progress.db"),
	                         "SELECT best_status = 'passed' FROM progress"), 1);
}

/* two players (two connections, as two processes) for one learner and
 * module: both start, both finish, both retake. Each retake makes its own
 * attempt with its own registration (attempt ended at 2 with two
 * registrations for it when the attempt was written as a value), and the
 * finish of an attempt the other player has replaced leaves the current
 * attempt's status alone */
static void
test_two_players(void **state)
{
	mod_module m = module_v1();
	store_progress p1, p2;
	store *s1 = store_open(tmp, NULL), *s2 = store_open(tmp, NULL);
	long who = store_learner(s1, "lea");
	const char *db = path_in("progress.db");

	(void)state;
	assert_int_equal(store_learner(s2, "lea"), who);
	assert_int_equal(store_begin(s1, who, &m, grade_judge, &p1), 0);
	assert_int_equal(store_begin(s2, who, &m, grade_judge, &p2), 0);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM progress"), 1);
	/* both began a new module: one row, one registration */
	assert_string_equal(p1.registration, p2.registration);
	assert_int_equal(store_retake(s1, who, &m, &p1), 0);
	assert_int_equal(store_retake(s2, who, &m, &p2), 0);
	assert_int_equal(p1.attempt, 2);
	assert_int_equal(p2.attempt, 3);
	assert_string_not_equal(p1.registration, p2.registration);
	assert_int_equal(sql_int(db, "SELECT attempt FROM progress"), 3);
	/* three attempts, three registrations in the initialized statements */
	assert_int_equal(sql_int(db, "SELECT count(DISTINCT json_extract(statement,"
	                             " '$.context.registration')) FROM outbox"
	                             " WHERE verb LIKE '%initialized'"), 3);
	/* player 1 answers and finishes its (replaced) attempt 2: its answers
	 * stay in attempt 2, its statements in its own registration */
	assert_int_equal(store_answer(s1, who, &m, &p1, 1, "1", 1, 1), 0);
	assert_int_equal(sql_int(db, "SELECT attempt FROM answer"), 2);
	assert_int_equal(ses_record_finish(s1, who, &m, &p1), 0);
	assert_int_equal(sql_int(db, "SELECT attempt FROM progress"), 3);
	assert_int_equal(sql_int(db, "SELECT status = 'in-progress' FROM progress"), 1);
	assert_int_equal(sql_int(db, "SELECT score IS NULL FROM progress"), 1);
	store_progress_free(&p1);
	store_progress_free(&p2);
	store_close(s1);
	store_close(s2);
}

static void
test_version_change(void **state)
{
	mod_module m1 = module_v1(), m2 = module_v2();
	store_progress p;
	store_summary sum;
	store *st = store_open(tmp, NULL);
	long who = store_learner(st, "lea");

	(void)state;
	study_some(st, who, &m1, &p);
	assert_int_equal(store_visit(st, who, &m1, &p, 4), 0); /* bookmark q-tf */
	store_progress_free(&p);

	assert_int_equal(store_begin(st, who, &m2, grade_judge, &p), 0);
	assert_int_equal(p.resumed, 1);
	assert_int_equal(p.version_changed, 1);
	assert_int_equal(p.nslides, 6);
	assert_int_equal(p.bookmark, 2);              /* q-tf, found by id */
	assert_string_equal(p.response[4], "1");      /* q-gift, moved */
	assert_int_equal(p.correct[4], 1);
	assert_int_equal(p.tries[4], 2);
	assert_null(p.response[3]);                   /* q-new */
	assert_true(p.seen[0] && p.seen[1] && p.seen[2] && p.seen[4]);
	assert_false(p.seen[3]);
	store_summary_get(st, who, "integrity", &sum);
	assert_string_equal(sum.module_version, "2.0");
	assert_int_equal(sum.slides_total, 6);
	store_progress_free(&p);

	/* opened again with the same version: no longer "changed" */
	assert_int_equal(store_begin(st, who, &m2, grade_judge, &p), 0);
	assert_int_equal(p.version_changed, 0);
	store_progress_free(&p);
	store_close(st);
	/* the answer to the removed question is still in the database */
	assert_int_equal(sql_int(path_in("progress.db"),
	                         "SELECT count(*) FROM answer WHERE question_id = 'q-word'"), 1);
}

static void
test_migrations(void **state)
{
	store *st;
	size_t n1, n2;
	char *before, *after;
	long who;

	(void)state;
	/* an empty file (version 0) gets the whole schema */
	close(open(path_in("progress.db"), O_CREAT | O_WRONLY, 0600));
	st = store_open(tmp, NULL);
	assert_int_equal(store_health(st), STORE_OK);
	assert_true(store_learner(st, "x") >= 0);
	store_close(st);
	assert_int_equal(sql_int(path_in("progress.db"), "PRAGMA user_version"),
	                 store_schema_version());
	/* learner, progress, seen, answer, outbox; sync (2); guard (5) */
	assert_int_equal(sql_int(path_in("progress.db"),
	                         "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"), 7);
	/* opening it again changes nothing */
	st = store_open(tmp, NULL);
	assert_int_equal(store_learner(st, "x"), 1);
	store_close(st);

	/* a version 3 file (no best_status) with a pass and a retake under way:
	 * the pass is carried over as the best status, the retake has none */
	assert_int_equal(unlink(path_in("progress.db")), 0);
	schema_at(path_in("progress.db"), 3);
	sql_exec(path_in("progress.db"),
	         "INSERT INTO learner (id, name, created_at) VALUES (1, 'x', 't');"
	         "INSERT INTO progress (learner_id, module_id, status, registration,"
	         " started_at, updated_at) VALUES (1, 'm1', 'passed', 'r', 't', 't'),"
	         " (1, 'm2', 'in-progress', 'r', 't', 't');");
	st = store_open(tmp, NULL);
	assert_int_equal(store_health(st), STORE_OK);
	store_close(st);
	assert_int_equal(sql_int(path_in("progress.db"), "PRAGMA user_version"),
	                 store_schema_version());
	assert_int_equal(sql_int(path_in("progress.db"), "SELECT count(*) FROM progress"
	                         " WHERE module_id = 'm1' AND best_status = 'passed'"), 1);
	assert_int_equal(sql_int(path_in("progress.db"), "SELECT count(*) FROM progress"
	                         " WHERE module_id = 'm2' AND best_status IS NULL"), 1);

	/* a database that is not ours (tables, no version): left as it was */
	mkdir(path_in("foreign"), 0700);
	sql_exec(path_in("foreign/progress.db"),
	         "CREATE TABLE data(x); INSERT INTO data VALUES (1);"
	         "CREATE TABLE outbox(y);");
	before = slurp(path_in("foreign/progress.db"), &n1);
	st = store_open(path_in("foreign"), NULL);
	assert_int_equal(store_health(st), STORE_NOT_SAVING);
	assert_false(store_is_saving(st));
	assert_non_null(store_warning(st));
	assert_non_null(strstr(store_warning(st), "not a Lectern progress file"));
	who = store_learner(st, "x"); /* still usable, in memory */
	assert_true(who >= 0);
	store_close(st);
	after = slurp(path_in("foreign/progress.db"), &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	assert_int_equal(sql_int(path_in("foreign/progress.db"),
	                         "SELECT count(*) FROM sqlite_schema"), 2);
	assert_int_equal(sql_int(path_in("foreign/progress.db"), "PRAGMA user_version"), 0);
	free(before);
	free(after);
}

static void
test_newer_refused(void **state)
{
	mod_module m = module_v1();
	store_progress p;
	store *st;
	size_t n1, n2;
	char *before, *after;
	struct stat sb;
	long who;

	(void)state;
	st = store_open(tmp, NULL);
	who = store_learner(st, "lea");
	study_some(st, who, &m, &p);
	store_progress_free(&p);
	store_close(st);
	/* a later Lectern moved it to schema 7 (in rollback mode, so there is
	 * no -wal to hide a change) */
	sql_exec(path_in("progress.db"), "PRAGMA journal_mode = DELETE; PRAGMA user_version = 7;");
	before = slurp(path_in("progress.db"), &n1);

	st = store_open(tmp, NULL);
	assert_int_equal(store_health(st), STORE_TOO_NEW);
	assert_false(store_is_saving(st));
	assert_non_null(strstr(store_warning(st), "newer version"));
	/* the player keeps working, in memory */
	who = store_learner(st, "lea");
	assert_true(who >= 0);
	assert_int_equal(store_begin(st, who, &m, grade_judge, &p), 0);
	assert_int_equal(store_visit(st, who, &m, &p, 1), -1); /* not saved */
	assert_int_equal(p.bookmark, 1);
	assert_int_equal(store_answer(st, who, &m, &p, 1, "1", 1, 1), -1);
	assert_string_equal(p.response[1], "1");
	store_progress_free(&p);
	store_close(st);

	after = slurp(path_in("progress.db"), &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	assert_int_equal(sql_int(path_in("progress.db"), "PRAGMA user_version"), 7);
	assert_int_not_equal(stat(path_in("progress.db-wal"), &sb), 0);
	free(before);
	free(after);
}

static void
test_corrupt_recovered(void **state)
{
	mod_module m = module_v1();
	store_progress p;
	store *st;
	char junk[512], aside[600];
	struct stat sb;
	long who;
	int fd;

	(void)state;
	st = store_open(tmp, NULL);
	who = store_learner(st, "lea");
	study_some(st, who, &m, &p);
	store_progress_free(&p);
	store_close(st);
	/* damage the header and the first pages; leave a -wal next to it */
	memset(junk, 0x5a, sizeof junk);
	fd = open(path_in("progress.db"), O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, junk, sizeof junk, 0), (ssize_t)sizeof junk);
	assert_int_equal(pwrite(fd, junk, sizeof junk, 4096), (ssize_t)sizeof junk);
	close(fd);
	fd = open(path_in("progress.db-wal"), O_WRONLY | O_CREAT, 0600);
	assert_int_equal(write(fd, "junk", 4), 4);
	close(fd);

	st = store_open(tmp, NULL);
	assert_int_equal(store_health(st), STORE_RECOVERED);
	assert_true(store_is_saving(st));
	assert_non_null(strstr(store_warning(st), "damaged"));
	/* the warning names the file kept aside; it and its -wal are there */
	{
		const char *w = strstr(store_warning(st), "progress.db.corrupt-");
		size_t k = 0;

		assert_non_null(w);
		while (w[k] && w[k] != ' ')
			k++;
		snprintf(aside, sizeof aside, "%s/%.*s", tmp, (int)k, w);
	}
	assert_int_equal(stat(aside, &sb), 0);
	assert_int_equal((int)sb.st_size > 0, 1);
	{
		char wal[700];

		snprintf(wal, sizeof wal, "%s-wal", aside);
		assert_int_equal(stat(wal, &sb), 0);
	}
	/* the fresh database works and is empty */
	who = store_learner(st, "lea");
	assert_int_equal(store_begin(st, who, &m, grade_judge, &p), 0);
	assert_int_equal(p.resumed, 0);
	store_progress_free(&p);
	store_close(st);
	assert_int_equal(sql_int(path_in("progress.db"), "SELECT count(*) FROM learner"), 1);
}

#define CHILD_CHECK(cond)                                                     \
	do {                                                                  \
		if (!(cond)) {                                                \
			fprintf(stderr, "%s:%d: child check failed: %s\n", __FILE__, \
			        __LINE__, #cond);                             \
			_exit(1);                                             \
		}                                                             \
	} while (0)

static void
in_use_child(void)
{
	store *st = store_open(tmp, NULL);
	struct stat sb;

	CHILD_CHECK(store_health(st) == STORE_NOT_SAVING);
	CHILD_CHECK(store_warning(st) && strstr(store_warning(st), "another Lectern"));
	CHILD_CHECK(store_learner(st, "lea") >= 0); /* goes on in memory */
	store_close(st);
	/* nothing was moved: the other process still has its files */
	CHILD_CHECK(stat(path_in("progress.db-shm"), &sb) == 0);
	CHILD_CHECK(stat(path_in("progress.db"), &sb) == 0);
}

static void in_child(void (*fn)(void), int as_nobody);

static void
test_corrupt_in_use(void **state)
{
	store *st;
	sqlite3 *db;
	sqlite3_stmt *s;
	char junk[100];
	DIR *d;
	struct dirent *e;
	int fd;

	(void)state;
	st = store_open(tmp, NULL);
	store_learner(st, "lea");
	store_close(st);
	/* another process (here: this one) has it open in WAL mode */
	assert_int_equal(sqlite3_open(path_in("progress.db"), &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM learner", -1, &s, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	memset(junk, 0x33, sizeof junk);
	fd = open(path_in("progress.db"), O_WRONLY);
	assert_int_equal(pwrite(fd, junk, sizeof junk, 0), (ssize_t)sizeof junk);
	close(fd);
	in_child(in_use_child, 0);
	sqlite3_finalize(s);
	sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
	sqlite3_close(db);
	d = opendir(tmp);
	while ((e = readdir(d)))
		assert_null(strstr(e->d_name, "corrupt"));
	closedir(d);
}

/* run fn in a child (as nobody when we are root); pass when it exits 0 */
static void
in_child(void (*fn)(void), int as_nobody)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		if (as_nobody && geteuid() == 0 &&
		    (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(3);
		fn();
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}


static void
readonly_child(void)
{
	mod_module m = module_v1();
	store_progress p;
	store *st = store_open(tmp, NULL);
	long who;

	CHILD_CHECK(store_health(st) == STORE_NOT_SAVING);
	CHILD_CHECK(!store_is_saving(st));
	CHILD_CHECK(store_warning(st) && strstr(store_warning(st), "not being saved"));
	who = store_learner(st, "lea");
	CHILD_CHECK(who >= 0);
	/* what the file holds is shown */
	CHILD_CHECK(store_begin(st, who, &m, grade_judge, &p) == 0);
	CHILD_CHECK(p.resumed == 1);
	CHILD_CHECK(p.bookmark == 3);
	CHILD_CHECK(p.response[1] && strcmp(p.response[1], "1") == 0);
	/* and studying goes on */
	CHILD_CHECK(store_visit(st, who, &m, &p, 4) == -1);
	CHILD_CHECK(store_answer(st, who, &m, &p, 4, "true", 1, 2) == -1);
	CHILD_CHECK(p.response[4] && p.bookmark == 4);
	CHILD_CHECK(ses_record_finish(st, who, &m, &p) == -1);
	CHILD_CHECK(p.status == ST_PASSED && p.score == 100);
	store_progress_free(&p);
	store_close(st);
}

static void
test_readonly(void **state)
{
	mod_module m = module_v1();
	store_progress p;
	store *st;
	size_t n1, n2;
	char *before, *after;
	long who;

	(void)state;
	st = store_open(tmp, NULL);
	who = store_learner(st, "lea");
	study_some(st, who, &m, &p);
	store_progress_free(&p);
	store_close(st);
	before = slurp(path_in("progress.db"), &n1);
	/* read-only, and (under root) owned by the user the child runs as: a
	 * database of another user is refused outright (test_unsafe_dir) */
	chmod(tmp, 0555);
	chmod(path_in("progress.db"), 0444);
	if (geteuid() == 0) {
		assert_int_equal(chown(tmp, 65534, 65534), 0);
		assert_int_equal(chown(path_in("progress.db"), 65534, 65534), 0);
	}
	in_child(readonly_child, 1);
	if (geteuid() == 0) {
		assert_int_equal(chown(tmp, 0, 0), 0);
		assert_int_equal(chown(path_in("progress.db"), 0, 0), 0);
	}
	chmod(tmp, 0700);
	chmod(path_in("progress.db"), 0600);
	after = slurp(path_in("progress.db"), &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);
}

static void
fulldisk_child(void)
{
	mod_module m = module_v1();
	store_progress p;
	store *st = store_open(tmp, NULL);
	struct rlimit rl;
	char big[8192];
	long who = store_learner(st, "lea");
	int i, acked = 0, refused = 0;

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHILD_CHECK(store_begin(st, who, &m, grade_judge, &p) == 0);
	/* files may not grow past 256 KiB from now on: a full disk */
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &rl);
	rl.rlim_cur = 256 * 1024;
	CHILD_CHECK(setrlimit(RLIMIT_FSIZE, &rl) == 0);
	for (i = 0; i < 200 && !refused; i++) {
		if (store_answer(st, who, &m, &p, 2, big, 0, 0) == 0)
			acked++;
		else
			refused = 1;
	}
	CHILD_CHECK(refused);
	CHILD_CHECK(acked > 0);
	CHILD_CHECK(!store_is_saving(st));
	CHILD_CHECK(store_health(st) == STORE_NOT_SAVING);
	CHILD_CHECK(store_warning(st) != NULL);
	fprintf(stderr, "full disk after %d answers: %s\n", acked, store_warning(st));
	/* the learner goes on: in memory, with everything so far */
	CHILD_CHECK(store_visit(st, who, &m, &p, 4) == -1);
	CHILD_CHECK(store_answer(st, who, &m, &p, 4, "true", 1, 2) == -1);
	CHILD_CHECK(p.tries[2] == acked + 1);
	{
		int n;
		store_answer_row *a = store_answers(st, who, "integrity", &n);

		CHILD_CHECK(n == acked + 2); /* the refused one was redone in memory */
		store_free_answers(a, n);
	}
	store_progress_free(&p);
	store_close(st);
	/* tell the parent how many were acknowledged */
	_exit(acked > 100 ? 100 : acked);
}

static void
test_full_disk(void **state)
{
	pid_t pid;
	int status, acked;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		fulldisk_child();
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	acked = WEXITSTATUS(status);
	assert_true(acked > 0 && acked < 100);
	/* everything acknowledged is on disk, and the file is sound */
	{
		store *st = store_open(tmp, NULL);
		char msg[256];
		int n;
		store_answer_row *a = store_answers(st, store_learner(st, "lea"), "integrity", &n);

		assert_int_equal(store_health(st), STORE_OK);
		assert_true(store_integrity(st, msg, sizeof msg));
		assert_string_equal(msg, "ok");
		assert_int_equal(n, acked);
		store_free_answers(a, n);
		store_close(st);
	}
}

static void
test_xapi_outbox(void **state)
{
	mod_module m = module_v1();
	store_xapi_opts xo = { .home_page = "https://lms.example.org", .base_iri = NULL };
	store_progress p;
	store *st = store_open(tmp, &xo);
	long who = store_learner(st, "lea"), other = store_learner(st, "omar");
	char err[256], *out;
	size_t len;
	FILE *f;
	long n;
	int i;

	(void)state;
	study_some(st, who, &m, &p);
	for (i = 4; i < 7; i++)
		store_visit(st, who, &m, &p, i);
	store_answer(st, who, &m, &p, 4, "true", 1, 2);
	ses_record_finish(st, who, &m, &p);
	store_leave(st, who, &m, &p);
	store_progress_free(&p);
	store_begin(st, other, &m, grade_judge, &p);
	store_leave(st, other, &m, &p);
	store_progress_free(&p);

	/* every statement in the same transaction as its change */
	assert_int_equal(sql_int(path_in("progress.db"),
	                         "SELECT count(*) FROM outbox WHERE verb = 'answered'"), 4);
	assert_int_equal(sql_int(path_in("progress.db"),
	                         "SELECT count(*) FROM answer"), 4);
	assert_int_equal(sql_int(path_in("progress.db"),
	                         "SELECT count(*) FROM outbox WHERE verb = 'experienced'"), 7);
	assert_int_equal(sql_int(path_in("progress.db"),
	                         "SELECT count(*) FROM outbox WHERE verb IN ('initialized',"
	                         " 'completed', 'passed', 'suspended', 'terminated')"), 6);
	assert_int_equal(sql_int(path_in("progress.db"),
	                         "SELECT count(DISTINCT id) FROM outbox"),
	                 sql_int(path_in("progress.db"), "SELECT count(*) FROM outbox"));
	assert_int_equal(sql_int(path_in("progress.db"),
	                         "SELECT count(*) FROM outbox WHERE json_extract(statement,"
	                         " '$.actor.account.homePage') = 'https://lms.example.org'"), 17);
	assert_int_equal(sql_int(path_in("progress.db"),
	                         "SELECT json_extract(statement, '$.result.score.scaled') = 1.0"
	                         " FROM outbox WHERE verb = 'passed'"), 1);
	assert_int_equal(sql_int(path_in("progress.db"),
	                         "SELECT count(*) FROM outbox WHERE verb = 'answered' AND"
	                         " json_extract(statement, '$.object.id') ="
	                         " 'urn:lectern:module:integrity/question/q-gift' AND"
	                         " json_extract(statement, '$.object.definition.interactionType')"
	                         " = 'choice' AND json_extract(statement,"
	                         " '$.object.definition.correctResponsesPattern[0]') = '1'"), 2);
	/* the practice question never answered here; q-word is fill-in */
	assert_int_equal(sql_int(path_in("progress.db"),
	                         "SELECT json_extract(statement, '$.result.response') = 'Integrity '"
	                         " AND json_extract(statement,"
	                         " '$.object.definition.correctResponsesPattern[0]') ="
	                         " '{case_matters=false}integrity' FROM outbox WHERE verb ="
	                         " 'answered' AND statement LIKE '%q-word%'"), 1);

	/* export: all, by learner, since the future, a bad date */
	f = tmpfile();
	n = store_export_xapi(st, f, NULL, NULL, err, sizeof err);
	assert_int_equal(n, 17);
	fclose(f);
	f = fopen(path_in("omar.json"), "w");
	n = store_export_xapi(st, f, NULL, "omar", err, sizeof err);
	fclose(f);
	assert_int_equal(n, 2);
	out = slurp(path_in("omar.json"), &len);
	assert_true(out[0] == '[');
	assert_non_null(strstr(out, "\"name\":\"omar\""));
	assert_null(strstr(out, "\"lea\""));
	free(out);
	f = tmpfile();
	assert_int_equal(store_export_xapi(st, f, "2999-01-01", NULL, err, sizeof err), 0);
	assert_int_equal(store_export_xapi(st, f, "2000-01-01T00:00:00Z", "lea", err,
	                                   sizeof err), 15);
	assert_int_equal(store_export_xapi(st, f, "last tuesday", NULL, err, sizeof err), -1);
	assert_non_null(strstr(err, "last tuesday"));
	fclose(f);
	store_close(st);
}

static void
test_summaries(void **state)
{
	mod_module m = module_v1();
	store_progress p;
	store *st = store_open(tmp, NULL);
	long a = store_learner(st, "bea"), b = store_learner(st, "al");
	store_summary *v;
	int n;

	(void)state;
	v = store_summaries(st, NULL, &n);
	assert_int_equal(n, 0);
	free(v);
	store_begin(st, a, &m, grade_judge, &p);
	store_progress_free(&p);
	study_some(st, b, &m, &p);
	store_progress_free(&p);
	v = store_summaries(st, NULL, &n);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].learner, "al");
	assert_int_equal(v[0].slides_seen, 4);
	assert_string_equal(v[1].learner, "bea");
	assert_int_equal(v[1].slides_seen, 0);
	free(v);
	v = store_summaries(st, "bea", &n);
	assert_int_equal(n, 1);
	free(v);
	v = store_summaries(st, "nobody", &n);
	assert_int_equal(n, 0);
	free(v);
	store_close(st);
}

/* a kiosk's learner choices, codes and lockout counts (classroom.c),
 * including on a file made before they existed (version 4) */
static void
test_classroom(void **state)
{
	store *st;
	char theme[32];
	double scale, last;
	int failures;
	long ana, bo;
	char *h;

	(void)state;
	/* the version before the classroom columns */
	schema_at(path_in("progress.db"), 4);
	sql_exec(path_in("progress.db"),
	         "INSERT INTO learner (id, name, created_at) VALUES (1, 'Ana', '2026-01-01');");
	st = store_open(tmp, NULL);
	assert_int_equal(store_health(st), STORE_OK);
	ana = store_learner(st, "Ana");
	assert_int_equal(ana, 1);
	bo = store_learner(st, "Bo");
	/* nothing chosen yet */
	assert_int_equal(store_prefs_get(st, ana, theme, sizeof theme, &scale), 0);
	assert_string_equal(theme, "");
	assert_true(scale == 0);
	assert_int_equal(store_prefs_set(st, ana, "high-contrast", 1.5), 0);
	assert_int_equal(store_prefs_get(st, ana, theme, sizeof theme, &scale), 0);
	assert_string_equal(theme, "high-contrast");
	assert_true(scale == 1.5);
	/* one learner's choice is not another's */
	assert_int_equal(store_prefs_get(st, bo, theme, sizeof theme, &scale), 0);
	assert_string_equal(theme, "");
	assert_int_equal(store_prefs_get(st, 999, theme, sizeof theme, &scale), -1);
	/* codes */
	assert_null(store_code_hash(st, "Ana"));
	assert_int_equal(store_code_set(st, "Ana", "$6$x$y"), 0);
	h = store_code_hash(st, "Ana");
	assert_string_equal(h, "$6$x$y");
	free(h);
	assert_int_equal(store_code_set(st, "Ana", NULL), 0);
	assert_null(store_code_hash(st, "Ana"));
	assert_int_equal(store_code_set(st, "Nobody", "$6$x$y"), -1);
	/* lockout counts survive closing the store */
	assert_int_equal(store_guard_get(st, "trainer", &failures, &last), 0);
	assert_int_equal(failures, 0);
	assert_int_equal(store_guard_set(st, "trainer", 4, 1234.5), 0);
	store_close(st);
	st = store_open(tmp, NULL);
	assert_int_equal(store_guard_get(st, "trainer", &failures, &last), 0);
	assert_int_equal(failures, 4);
	assert_true(last == 1234.5);
	assert_int_equal(store_prefs_get(st, ana, theme, sizeof theme, &scale), 0);
	assert_string_equal(theme, "high-contrast");
	assert_int_equal(store_guard_set(st, "trainer", 0, 0), 0);
	assert_int_equal(store_guard_get(st, "trainer", &failures, &last), 0);
	assert_int_equal(failures, 0);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_classroom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_create, setup, teardown),
		cmocka_unit_test_setup_teardown(test_default_dir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_learners, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unsafe_dir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_home, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resume, setup, teardown),
		cmocka_unit_test_setup_teardown(test_finish_retake, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_players, setup, teardown),
		cmocka_unit_test_setup_teardown(test_version_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_recovered, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_in_use, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_full_disk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xapi_outbox, setup, teardown),
		cmocka_unit_test_setup_teardown(test_summaries, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
