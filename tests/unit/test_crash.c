/* test_crash.c: answers survive SIGKILL at any moment.
 *
 * A child process records answers (and slide visits) through the store as
 * fast as it can and, each time store_answer returns 0, writes the answer's
 * number to a pipe. The parent kills it with SIGKILL after a random delay,
 * then opens the database with SQLite directly and checks that
 * integrity_check says "ok" and that every acknowledged answer is there,
 * with its `answered` statement in the outbox (same transaction). This is
 * repeated CRASH_ROUNDS times on the same database, so each round also
 * starts from whatever the previous kill left behind (a -wal to recover). */
#include "testutil.h"

#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"
#include "learn/grade.h"

enum { CRASH_ROUNDS = 200, MAX_DELAY_US = 25000 };

static mod_choice choices[2] = { { .text = "no" }, { .text = "yes", .correct = 1 } };
static const char *acc[1] = { "ok" };
static mod_slide slides[4] = {
	{ .id = "intro" },
	{ .id = "q1", .qtype = Q_SINGLE, .points = 1, .choices = choices, .nchoices = 2 },
	{ .id = "q2", .qtype = Q_SHORT, .points = 1, .accept = acc, .naccept = 1 },
	{ .id = "end" },
};
static mod_module mod = { .id = "crash", .title = "Crash", .language = "en",
                          .version = "1", .pass_mark = 80, .slides = slides,
                          .nslides = 4 };

static char dir[256];

/* the child: answer forever, acknowledging each committed answer. */
static void
child(int round, int fd)
{
	store *st = store_open(dir, NULL);
	store_progress p;
	long who = store_learner(st, "crash-test");
	char resp[64];
	int k;

	if (!store_is_saving(st) || who < 0 || store_begin(st, who, &mod, grade_judge, &p) != 0)
		_exit(2);
	k = -1; /* ready: the parent may start its clock */
	if (write(fd, &k, sizeof k) != (ssize_t)sizeof k)
		_exit(5);
	for (k = 0;; k++) {
		int i = 1 + k % 2;

		if (k % 3 == 0 && store_visit(st, who, &mod, &p, k % 4) != 0)
			_exit(3);
		snprintf(resp, sizeof resp, "r%d-%d", round, k);
		if (store_answer(st, who, &mod, &p, i, resp, 0, 0) != 0)
			_exit(4);
		/* committed: now, and only now, tell the parent */
		if (write(fd, &k, sizeof k) != (ssize_t)sizeof k)
			_exit(5);
	}
}

static int
count(sqlite3 *db, const char *sql, const char *arg)
{
	sqlite3_stmt *s;
	int n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (arg)
		sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

static void
test_sigkill(void **state)
{
	char path[300], resp[64];
	unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
	long total = 0;
	int round, rounds_with_acks = 0;

	(void)state;
	snprintf(dir, sizeof dir, "%s", "/tmp/lectern-test-crash-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/progress.db", dir);
	srand(seed);
	print_message("seed %u\n", seed);

	for (round = 0; round < CRASH_ROUNDS; round++) {
		int fds[2], k, status, acked = 0, *ks = NULL;
		sqlite3 *db;
		sqlite3_stmt *s;
		pid_t pid;
		ssize_t r;

		assert_int_equal(pipe(fds), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fds[0]);
			child(round, fds[1]);
		}
		close(fds[1]);
		/* odd rounds may kill it while it opens (recovering the last
		 * kill's -wal); even rounds wait until it is answering */
		if (round % 2 == 0 && (read(fds[0], &k, sizeof k) != (ssize_t)sizeof k || k != -1))
			fail_msg("round %d: the child did not start", round);
		usleep((useconds_t)(rand() % MAX_DELAY_US));
		kill(pid, SIGKILL);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		/* killed, not stopped by a failure of its own */
		assert_true(WIFSIGNALED(status));
		while ((r = read(fds[0], &k, sizeof k)) == (ssize_t)sizeof k) {
			if (k < 0)
				continue;
			ks = realloc(ks, (size_t)(acked + 1) * sizeof *ks);
			ks[acked++] = k;
		}
		close(fds[0]);

		assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
		sqlite3_busy_timeout(db, 5000);
		assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL),
		                 SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
		sqlite3_finalize(s);
		for (k = 0; k < acked; k++) {
			snprintf(resp, sizeof resp, "r%d-%d", round, ks[k]);
			if (count(db, "SELECT count(*) FROM answer WHERE response = ?", resp) != 1)
				fail_msg("round %d: acknowledged answer %s is missing", round, resp);
			if (count(db, "SELECT count(*) FROM outbox WHERE verb = 'answered' AND"
			              " json_extract(statement, '$.result.response') = ?", resp) != 1)
				fail_msg("round %d: statement for %s is missing", round, resp);
		}
		total += acked;
		rounds_with_acks += acked > 0;
		/* everything acknowledged in every round so far is still there */
		assert_true(count(db, "SELECT count(*) FROM answer", NULL) >= total);
		sqlite3_close(db);
		free(ks);
	}
	print_message("%d rounds, %ld answers acknowledged, %d rounds killed after "
	              "the first answer\n", CRASH_ROUNDS, total, rounds_with_acks);
	/* the kills must land while answers are being written, not only before */
	assert_true(rounds_with_acks > CRASH_ROUNDS / 4);
	{
		char cmd[600];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		assert_int_equal(system(cmd), 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sigkill),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
