/* test_sync.c: the outbox as the sync sees it (waiting statements with
 * their exact bytes, acknowledging, setting aside, pruning, the sync state,
 * the 1 -> 2 migration of a file that holds statements), the backoff, the
 * secret, and the runs that end before any network: no LRS configured,
 * plain http to another host, another run holding the lock, an automatic
 * run inside its backoff. Sending to a real LRS is tests/sh/lrs_sync.sh. */
#include "testutil.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/util.h"
#include "store/store.h"
#include "sync/sync.h"

static char tmp[256];

static int
setup(void **state)
{
	(void)state;
	snprintf(tmp, sizeof tmp, "/tmp/lectern-test-sync-XXXXXX");
	return mkdtemp(tmp) ? 0 : -1;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmp);
	int rc;

	(void)state;
	rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static void
sql(const char *db_path, const char *text)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	if (sqlite3_exec(db, text, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", text, sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* statements with spacing and number forms a re-serialiser would change */
static const char *const texts[] = {
	"{\"id\":\"00000000-0000-4000-8000-000000000001\", \"n\": 1.50}",
	"{\"id\":\"00000000-0000-4000-8000-000000000002\",\"t\":\"caf\xc3\xa9\"}",
	"{ \"id\" : \"00000000-0000-4000-8000-000000000003\" }",
	"{\"id\":\"00000000-0000-4000-8000-000000000004\",\"e\":1e3}",
	"{\"id\":\"00000000-0000-4000-8000-000000000005\"}",
};

/* a store in dir/NAME holding texts[] in its outbox */
static store *
filled(const char *name)
{
	char *dir = xasprintf("%s/%s", tmp, name), *q;
	store *st = store_open(dir, NULL);
	size_t i;

	assert_true(store_is_saving(st));
	for (i = 0; i < LT_NELEM(texts); i++) {
		q = sqlite3_mprintf("INSERT INTO outbox (id, learner, module_id, verb, created_at,"
		                    " statement) VALUES ('00000000-0000-4000-8000-00000000000%d',"
		                    " 'ana', 'm', 'answered', '2026-01-01T00:00:00.000Z', %Q)",
		                    (int)i + 1, texts[i]);
		sql(store_path(st), q);
		sqlite3_free(q);
	}
	free(dir);
	return st;
}

static void
test_waiting_exact_bytes(void **state)
{
	store *st = filled("bytes");
	store_stmt v[3];
	long after;
	int n, i;

	(void)state;
	n = store_outbox_waiting(st, 0, 3, v);
	assert_int_equal(n, 3);
	for (i = 0; i < n; i++) {
		assert_int_equal(v[i].len, strlen(texts[i]));
		assert_memory_equal(v[i].json, texts[i], v[i].len);
	}
	assert_string_equal(v[2].id, "00000000-0000-4000-8000-000000000003");
	/* the next page starts after the last seq seen */
	after = v[2].seq;
	store_stmts_free(v, n);
	n = store_outbox_waiting(st, after, 3, v);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].json, texts[3]);
	store_stmts_free(v, n);
	assert_int_equal(store_outbox_waiting(st, 1000, 3, v), 0);
	store_close(st);
}

static void
test_ack_set_aside_state(void **state)
{
	store *st = filled("ack");
	store_stmt v[5];
	store_sync_state s;
	store_refused r[4];
	long seq[2];
	int n;

	(void)state;
	assert_int_equal(store_sync_state_get(st, &s), 0);
	assert_int_equal(s.waiting, 5);
	assert_string_equal(s.last_ack, "");
	n = store_outbox_waiting(st, 0, 5, v);
	assert_int_equal(n, 5);
	seq[0] = v[0].seq;
	seq[1] = v[3].seq;
	assert_int_equal(store_outbox_ack(st, seq, 2), 0);
	assert_int_equal(store_outbox_set_aside(st, v[1].seq, "HTTP 400: bad verb"), 0);
	store_stmts_free(v, n);

	assert_int_equal(store_sync_state_get(st, &s), 0);
	assert_int_equal(s.waiting, 2);
	assert_int_equal(s.acked, 2);
	assert_int_equal(s.set_aside, 1);
	assert_int_not_equal(s.last_ack[0], '\0');
	/* neither acknowledged nor refused statements come back */
	n = store_outbox_waiting(st, 0, 5, v);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].json, texts[2]);
	assert_string_equal(v[1].json, texts[4]);
	store_stmts_free(v, n);

	n = store_outbox_refused(st, 4, r);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].id, "00000000-0000-4000-8000-000000000002");
	assert_string_equal(r[0].reason, "HTTP 400: bad verb");
	assert_string_equal(r[0].learner, "ana");
	/* put back to wait, it is refused no more */
	assert_int_equal(store_outbox_requeue(st, 0, 1000), 1);
	assert_int_equal(store_outbox_requeue(st, 0, 1000), 0);
	assert_int_equal(store_sync_state_get(st, &s), 0);
	assert_int_equal(s.waiting, 3);
	assert_int_equal(s.set_aside, 0);
	assert_int_equal(store_outbox_refused(st, 4, r), 0);

	/* a failed run counts; a good one clears the count and the error */
	assert_int_equal(store_sync_attempt(st), 0);
	assert_int_equal(store_sync_result(st, "the LRS cannot be reached", 3, 12345), 0);
	assert_int_equal(store_sync_state_get(st, &s), 0);
	assert_string_equal(s.last_error, "the LRS cannot be reached");
	assert_int_equal(s.failures, 3);
	assert_int_equal(s.not_before, 12345);
	assert_string_equal(s.last_ok, "");
	assert_int_not_equal(s.last_attempt[0], '\0');
	assert_int_equal(store_sync_result(st, NULL, 0, 0), 0);
	assert_int_equal(store_sync_state_get(st, &s), 0);
	assert_string_equal(s.last_error, "");
	assert_int_equal(s.failures, 0);
	assert_int_not_equal(s.last_ok[0], '\0');
	store_close(st);
}

static void
test_prune_only_old_acknowledged(void **state)
{
	store *st = filled("prune");
	store_sync_state s;
	store_stmt v[5];
	long seq[3];
	int n;

	(void)state;
	n = store_outbox_waiting(st, 0, 5, v);
	seq[0] = v[0].seq;
	seq[1] = v[1].seq;
	seq[2] = v[2].seq;
	assert_int_equal(store_outbox_ack(st, seq, 3), 0);
	store_stmts_free(v, n);
	/* two of the three were acknowledged long ago */
	sql(store_path(st), "UPDATE outbox SET acked_at = '2020-01-01T00:00:00.000Z'"
	                    " WHERE id LIKE '%1' OR id LIKE '%2'");
	assert_int_equal(store_outbox_prune(st, 30), 2);
	assert_int_equal(store_outbox_prune(st, 30), 0);
	assert_int_equal(store_sync_state_get(st, &s), 0);
	assert_int_equal(s.acked, 1);
	assert_int_equal(s.waiting, 2); /* waiting ones are never pruned */
	assert_int_equal(store_outbox_prune(st, 0), 1);
	assert_int_equal(store_sync_state_get(st, &s), 0);
	assert_int_equal(s.waiting, 2);
	store_close(st);
}

/* a file at schema 1 with statements becomes schema 2 with every
 * statement waiting, its text untouched */
static void
test_migration_keeps_statements(void **state)
{
	char *dir = xasprintf("%s/migrate", tmp), *path = xasprintf("%s/progress.db", dir), *q;
	store *st;
	store_stmt v[5];
	int n, i;

	(void)state;
	/* a file as Lectern's schema 1 left it, with its statements */
	assert_int_equal(mkdir(dir, 0700), 0);
	for (i = 0; i < 1; i++)
		sql(path, store_migration_sql(i));
	sql(path, "PRAGMA user_version = 1;");
	for (i = 0; i < (int)LT_NELEM(texts); i++) {
		q = sqlite3_mprintf("INSERT INTO outbox (id, learner, module_id, verb, created_at,"
		                    " statement) VALUES ('00000000-0000-4000-8000-00000000000%d',"
		                    " 'ana', 'm', 'answered', '2026-01-01T00:00:00.000Z', %Q)",
		                    i + 1, texts[i]);
		sql(path, q);
		sqlite3_free(q);
	}
	st = store_open(dir, NULL);
	assert_int_equal(store_health(st), STORE_OK);
	n = store_outbox_waiting(st, 0, 5, v);
	assert_int_equal(n, 5);
	for (i = 0; i < n; i++)
		assert_string_equal(v[i].json, texts[i]);
	store_stmts_free(v, n);
	store_close(st);
	free(path);
	free(dir);
}

static void
test_backoff(void **state)
{
	long d;
	int f;

	(void)state;
	/* jitter stays in the upper half of the step */
	assert_int_equal(sync_backoff(1, 0, 0.0), 30);
	assert_int_equal(sync_backoff(1, 0, 0.999), 59);
	assert_int_equal(sync_backoff(3, 0, 0.0), 120);
	/* capped at six hours however long it fails */
	for (f = 1; f < 100; f++) {
		d = sync_backoff(f, 0, 0.999);
		assert_true(d <= 6 * 3600);
		assert_true(d >= 30);
	}
	assert_true(sync_backoff(40, 0, 0.0) == 3 * 3600);
	/* Retry-After wins when it is longer */
	assert_int_equal(sync_backoff(1, 7200, 0.5), 7200);
	assert_int_equal(sync_backoff(1, 5, 0.0), 30);
}

static void
test_secret(void **state)
{
	cfg_config c;
	char buf[64], err[256];
	char *path = xasprintf("%s/secret", tmp);
	FILE *fp;

	(void)state;
	cfg_defaults(&c);
	fp = fopen(path, "w");
	fputs("the-secret\nsecond line\n", fp);
	fclose(fp);
	c.lrs_password_file = path;
	/* everyone may read it: refused, without a word of the secret */
	chmod(path, 0644);
	assert_int_equal(sync_secret(&c, buf, sizeof buf, err, sizeof err), -1);
	assert_non_null(strstr(err, "chmod o-r"));
	assert_null(strstr(err, "the-secret"));
	chmod(path, 0640);
	assert_int_equal(sync_secret(&c, buf, sizeof buf, err, sizeof err), 0);
	assert_string_equal(buf, "the-secret");
	c.lrs_password = "inline";
	assert_int_equal(sync_secret(&c, buf, sizeof buf, err, sizeof err), 0);
	assert_string_equal(buf, "inline");
	c.lrs_password = NULL;
	c.lrs_password_file = "/nonexistent/secret";
	assert_int_equal(sync_secret(&c, buf, sizeof buf, err, sizeof err), -1);
	assert_non_null(strstr(err, "/nonexistent/secret"));
	free(path);
}

/* runs that must end before any request is made */
static void
test_runs_that_stop_early(void **state)
{
	store *st = filled("early");
	cfg_config c;
	sync_opts o = { &c, 0, NULL, NULL };
	sync_result r;
	char *lock_path;
	int fd;

	(void)state;
	cfg_defaults(&c);
	assert_int_equal(sync_run(st, &o, &r), SYNC_CONFIG);
	assert_non_null(strstr(r.message, "no LRS is configured"));

	c.lrs_endpoint = "http://lrs.example.org/xAPI/";
	assert_int_equal(sync_run(st, &o, &r), SYNC_CONFIG);
	assert_non_null(strstr(r.message, "plain http"));
	/* and --status says so */
	{
		store_sync_state ss;

		assert_int_equal(store_sync_state_get(st, &ss), 0);
		assert_non_null(strstr(ss.last_error, "plain http"));
		assert_int_equal(ss.failures, 1);
	}

	/* another run holds the lock */
	lock_path = xasprintf("%s.sync-lock", store_path(st));
	fd = open(lock_path, O_RDWR | O_CREAT, 0600);
	assert_int_equal(flock(fd, LOCK_EX), 0);
	assert_int_equal(sync_run(st, &o, &r), SYNC_BUSY);
	close(fd);

	/* an automatic run waits out its backoff; a person's does not */
	assert_int_equal(store_sync_result(st, "earlier failure", 2, (long)time(NULL) + 600), 0);
	o.automatic = 1;
	assert_int_equal(sync_run(st, &o, &r), SYNC_WAITING);
	assert_true(r.retry_at > (long)time(NULL));
	assert_int_equal(r.waiting, 5);
	o.automatic = 0;
	assert_int_equal(sync_run(st, &o, &r), SYNC_CONFIG); /* went on to the http rule */
	free(lock_path);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_waiting_exact_bytes),
		cmocka_unit_test(test_ack_set_aside_state),
		cmocka_unit_test(test_prune_only_old_acknowledged),
		cmocka_unit_test(test_migration_keeps_statements),
		cmocka_unit_test(test_backoff),
		cmocka_unit_test(test_secret),
		cmocka_unit_test(test_runs_that_stop_early),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
