/* pin.c: hashing and checking the trainer PIN through libxcrypt.
 *
 * A new hash gets its setting from crypt_gensalt, which draws the salt from
 * the system's random source: yescrypt first, SHA-512 when this libcrypt
 * lacks it. Checking re-hashes the PIN with the stored hash as the setting
 * and compares the results in constant time, so the time taken does not say
 * how much of a guess was right. crypt_r's work area is big (tens of KiB),
 * so it lives on the heap and is wiped after use. */
#include "pin.h"

#include <crypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "base/util.h"

static void
wipe(void *p, size_t n)
{
	volatile unsigned char *v = p;

	while (n--)
		*v++ = 0;
}

/* crypt_r into a fresh work area; the result is malloc'd or NULL */
static char *
hash_with(const char *pin, const char *setting)
{
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	char *out = NULL, *h;

	h = crypt_r(pin, setting, cd);
	/* libxcrypt returns a string starting with '*' on failure */
	if (h && h[0] && h[0] != '*')
		out = xstrdup(h);
	wipe(cd, sizeof *cd);
	free(cd);
	return out;
}

char *
pin_hash(const char *pin)
{
	static const char *const prefixes[] = { "$y$", "$6$" };
	size_t i;

	for (i = 0; i < LT_NELEM(prefixes); i++) {
		char *setting = crypt_gensalt_ra(prefixes[i], 0, NULL, 0);
		char *h;

		if (!setting)
			continue;
		h = hash_with(pin, setting);
		free(setting);
		if (h)
			return h;
	}
	return NULL;
}

/* value of a character of crypt's base-64 alphabet, -1 for others */
static int
b64_value(char c)
{
	static const char itoa64[] =
		"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	const char *p = c ? strchr(itoa64, c) : NULL;

	return p ? (int)(p - itoa64) : -1;
}

const char *
pin_hash_problem(const char *hash)
{
	if (!hash || hash[0] != '$')
		return _("it is not a crypt(3) hash");
	if (strncmp(hash, "$5$", 3) == 0 || strncmp(hash, "$1$", 3) == 0 ||
	    strncmp(hash, "$2", 2) == 0 || hash[0] != '$')
		return _("it is weaker than SHA-512 crypt (MD5, SHA-256, bcrypt and DES hashes "
		         "are refused)");
	if (strncmp(hash, "$6$", 3) == 0) {
		const char *r = hash + 3;

		if (strncmp(r, "rounds=", 7) == 0) {
			char *end;
			unsigned long n = strtoul(r + 7, &end, 10);

			if (*end != '$' || end == r + 7 || n > PIN_SHA_MAX_ROUNDS)
				return _("its `rounds=` is not a number up to 500000");
		}
		return NULL;
	}
	if (strncmp(hash, "$y$", 3) == 0) {
		/* the parameters libxcrypt writes: "j" (the default flavour), N as
		 * log2(N) - 1, r as r - 1; anything longer sets more parameters */
		const char *p = hash + 3;
		int n = b64_value(p[1]), r = p[1] ? b64_value(p[2]) : -1;

		if (p[0] != 'j' || n < 0 || r < 0 || p[3] != '$')
			return _("its yescrypt parameters are not the ones `lectern "
			         "set-pin` writes");
		if (n + 1 > PIN_YESCRYPT_MAX_NLOG2 || r + 1 > PIN_YESCRYPT_MAX_R)
			return _("its yescrypt cost is too high (at most N = 2^16 and "
			         "r = 32)");
		return NULL;
	}
	return _("only yescrypt ($y$) and SHA-512 crypt ($6$) hashes are used: others are "
	         "weaker than SHA-512 crypt or cost more than a kiosk may spend");
}

int
pin_verify(const char *hash, const char *pin)
{
	char *h;
	size_t n, i;
	unsigned char diff = 0;

	if (pin_hash_problem(hash))
		return -1;
	if (!(h = hash_with(pin, hash)))
		return -1;
	n = strlen(hash);
	if (strlen(h) != n) {
		free(h);
		return 0;
	}
	for (i = 0; i < n; i++)
		diff |= (unsigned char)(h[i] ^ hash[i]);
	wipe(h, n);
	free(h);
	return diff == 0;
}

double
pin_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

double
pin_lock_seconds(int failures)
{
	double s = PIN_LOCK_FIRST;
	int i;

	if (failures < PIN_FREE_TRIES)
		return 0;
	for (i = PIN_FREE_TRIES; i < failures && s < PIN_LOCK_MAX; i++)
		s *= 2;
	return s < PIN_LOCK_MAX ? s : PIN_LOCK_MAX;
}

double
pin_wait(const pin_guard *g, double now)
{
	double lock = pin_lock_seconds(g->failures);
	double left;

	if (lock <= 0)
		return 0;
	/* a clock that went backwards must not open the lock early */
	if (now < g->last_failure)
		return lock;
	left = g->last_failure + lock - now;
	return left > 0 ? left : 0;
}

int
pin_try(pin_guard *g, const char *hash, const char *pin, double now)
{
	int ok;

	if (pin_wait(g, now) > 0)
		return PIN_LOCKED;
	ok = pin_verify(hash, pin);
	if (ok < 0)
		return PIN_ERROR;
	if (ok) {
		g->failures = 0;
		g->last_failure = 0;
		return PIN_OK;
	}
	g->failures++;
	g->last_failure = now;
	return PIN_WRONG;
}

const char *
pin_weakness(const char *pin)
{
	size_t n = strlen(pin), i;
	int step;

	if (n < PIN_MIN_LEN)
		return _("the PIN must have at least 4 digits");
	if (n > PIN_MAX_LEN)
		return _("the PIN must have at most 64 digits");
	/* the kiosk's keypad has digits only: anything else could not be
	 * typed on a touch screen */
	for (i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return _("the PIN must be digits only, as on the kiosk's keypad");
	/* one digit over and over, or counting up or down (1234, 9876,
	 * 7890): the first guesses anyone tries */
	step = (pin[1] - pin[0] + 10) % 10;
	if (step == 0 || step == 1 || step == 9) {
		for (i = 2; i < n; i++)
			if ((pin[i] - pin[i - 1] + 10) % 10 != step)
				break;
		if (i == n)
			return step == 0 ? _("the PIN must not be one digit repeated")
			                 : _("the PIN must not be a run of digits such as 1234");
	}
	return NULL;
}

int
pin_hash_strong(const char *hash)
{
	/* yescrypt, gost-yescrypt, scrypt, SHA-512: the hashes crypt(3) makes
	 * slow enough for a short PIN. MD5 ($1$), SHA-256 ($5$), DES and the
	 * others are refused. */
	static const char *const ok[] = { "$y$", "$gy$", "$7$", "$6$" };
	size_t i;

	if (!hash)
		return 0;
	for (i = 0; i < LT_NELEM(ok); i++)
		if (strncmp(hash, ok[i], strlen(ok[i])) == 0)
			return 1;
	return 0;
}
