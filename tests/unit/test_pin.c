/* test_pin.c: PIN hashing, checking, and the lockout policy. */
#include "testutil.h"

#include <unistd.h>

#include <crypt.h>
#include <stdlib.h>
#include <string.h>

#include "settings/pin.h"

static void
test_hash_and_verify(void **state)
{
	char *h1 = pin_hash("2468");
	char *h2 = pin_hash("2468");

	(void)state;
	assert_non_null(h1);
	assert_non_null(h2);
	/* yescrypt where available, else SHA-512 */
	assert_true(strncmp(h1, "$y$", 3) == 0 || strncmp(h1, "$6$", 3) == 0);
	/* a fresh salt each time */
	assert_string_not_equal(h1, h2);
	assert_int_equal(pin_verify(h1, "2468"), 1);
	assert_int_equal(pin_verify(h2, "2468"), 1);
	assert_int_equal(pin_verify(h1, "2469"), 0);
	assert_int_equal(pin_verify(h1, ""), 0);
	assert_int_equal(pin_verify(h1, "24680"), 0);
	free(h1);
	free(h2);
}

static void
test_known_sha512(void **state)
{
	/* made with: openssl passwd -6 -salt saltsalt 1234 */
	const char *h = "$6$saltsalt$/alWecYH7Ry7BmdtYwV3ObFkYwJ96i4zoGSMR09J7xkAoFGB7iw"
	                "oQytRgpR6rkCCVBVNkvTdkdDjhKYVJ8L2T.";

	(void)state;
	assert_int_equal(pin_verify(h, "1234"), 1);
	assert_int_equal(pin_verify(h, "1235"), 0);
}

static void
test_bad_hash(void **state)
{
	(void)state;
	assert_int_equal(pin_verify(NULL, "1234"), -1);
	assert_int_equal(pin_verify("", "1234"), -1);
	assert_int_equal(pin_verify("1234", "1234"), -1);
	assert_int_equal(pin_verify("$unknown$x$y", "1234"), -1);
}

static void
test_lock_policy(void **state)
{
	(void)state;
	assert_true(pin_lock_seconds(0) == 0);
	assert_true(pin_lock_seconds(1) == 0);
	assert_true(pin_lock_seconds(2) == 0);
	assert_true(pin_lock_seconds(3) == 30);
	assert_true(pin_lock_seconds(4) == 60);
	assert_true(pin_lock_seconds(5) == 120);
	assert_true(pin_lock_seconds(6) == 240);
	assert_true(pin_lock_seconds(8) == PIN_LOCK_MAX);
	assert_true(pin_lock_seconds(1000) == PIN_LOCK_MAX);
}

static void
test_guard(void **state)
{
	char *h = pin_hash("8642");
	pin_guard g = { 0 };

	(void)state;
	assert_non_null(h);
	assert_int_equal(pin_try(&g, h, "1111", 100), PIN_WRONG);
	assert_int_equal(pin_try(&g, h, "2222", 101), PIN_WRONG);
	assert_true(pin_wait(&g, 101) == 0);
	assert_int_equal(pin_try(&g, h, "3333", 102), PIN_WRONG);
	/* three wrong: locked for 30 s, even for the right PIN */
	assert_true(pin_wait(&g, 102) == 30);
	assert_true(pin_wait(&g, 112) == 20);
	assert_int_equal(pin_try(&g, h, "8642", 131), PIN_LOCKED);
	assert_int_equal(g.failures, 3);
	/* a clock going backwards does not open it */
	assert_true(pin_wait(&g, 50) == 30);
	/* after the lock, one more wrong PIN locks for longer */
	assert_true(pin_wait(&g, 132) == 0);
	assert_int_equal(pin_try(&g, h, "4444", 132), PIN_WRONG);
	assert_true(pin_wait(&g, 132) == 60);
	assert_int_equal(pin_try(&g, h, "8642", 191), PIN_LOCKED);
	/* the right PIN after the wait opens it and resets the count */
	assert_int_equal(pin_try(&g, h, "8642", 192), PIN_OK);
	assert_int_equal(g.failures, 0);
	assert_true(pin_wait(&g, 192) == 0);
	assert_int_equal(pin_try(&g, "not a hash", "8642", 193), PIN_ERROR);
	free(h);
}

static void
test_weakness(void **state)
{
	char longpin[80];

	(void)state;
	assert_null(pin_weakness("2468"));
	assert_null(pin_weakness("13579"));
	assert_null(pin_weakness("1243"));
	assert_null(pin_weakness("900142"));
	assert_non_null(pin_weakness(""));
	assert_non_null(pin_weakness("123"));
	assert_non_null(pin_weakness("12\t34"));
	/* the keypad has digits only */
	assert_non_null(pin_weakness("correct horse"));
	assert_non_null(pin_weakness("12a4"));
	assert_non_null(pin_weakness("\xC3\xA9" "1234"));
	/* trivial: one digit, runs up or down, wrapping past 9 */
	assert_non_null(pin_weakness("0000"));
	assert_non_null(pin_weakness("777777"));
	assert_non_null(pin_weakness("1234"));
	assert_non_null(pin_weakness("0123456"));
	assert_non_null(pin_weakness("4321"));
	assert_non_null(pin_weakness("7890"));
	assert_non_null(pin_weakness("9876"));
	memset(longpin, '7', sizeof longpin - 1);
	longpin[sizeof longpin - 1] = '\0';
	assert_non_null(pin_weakness(longpin));
}

static void
test_hash_strength(void **state)
{
	char *h = pin_hash("8642");

	(void)state;
	assert_non_null(h);
	assert_true(pin_hash_strong(h)); /* what set-pin writes is accepted */
	free(h);
	assert_true(pin_hash_strong("$6$salt$abc"));
	assert_true(pin_hash_strong("$y$j9T$salt$abc"));
	assert_false(pin_hash_strong("$1$salt$abc"));   /* MD5 */
	assert_false(pin_hash_strong("$5$salt$abc"));   /* SHA-256 */
	assert_false(pin_hash_strong("abJnggxhB/yWI")); /* DES */
	assert_false(pin_hash_strong(""));
	assert_false(pin_hash_strong(NULL));
}

/* a costly hash in the config hung kiosk start-up on the UI thread: its
 * cost parameters are checked before crypt sees it */
static void
test_cost_bounded(void **state)
{
	static const char *const refused[] = {
		"$5$rounds=999999999$salt$abcdefghijklmnopqrstuvwxyz0123456789ABCDE",
		"$6$rounds=500001$salt$abc",
		"$6$rounds=$salt$abc",
		"$y$jFT$salt$abc",          /* N = 2^17 */
		"$y$j9z$salt$abc",          /* r = 64 */
		"$y$j9T5$salt$abc",         /* more parameters */
		"$2b$31$abcdefghijklmnopqrstuu", /* bcrypt, 2^31 rounds */
		"$7$DU..../....abc$abc",
	};
	size_t i;

	(void)state;
	alarm(20); /* were any of these hashed, the test would time out */
	for (i = 0; i < sizeof refused / sizeof *refused; i++) {
		assert_non_null(pin_hash_problem(refused[i]));
		assert_int_equal(pin_verify(refused[i], "1234"), -1);
	}
	alarm(0);
	assert_null(pin_hash_problem("$6$rounds=5000$salt$abc"));
	assert_null(pin_hash_problem("$y$jDT$salt$abc"));
	assert_null(pin_hash_problem("$y$j9T$salt$abc"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cost_bounded),
		cmocka_unit_test(test_hash_and_verify),
		cmocka_unit_test(test_known_sha512),
		cmocka_unit_test(test_bad_hash),
		cmocka_unit_test(test_lock_policy),
		cmocka_unit_test(test_guard),
		cmocka_unit_test(test_weakness),
		cmocka_unit_test(test_hash_strength),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
