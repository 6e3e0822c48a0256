/* pin.h: the trainer PIN. It is kept only as a salted crypt(3) hash
 * (yescrypt "$y$", or SHA-512 "$6$" where yescrypt is missing). Checking a
 * PIN goes through a guard that counts wrong PINs in a row: three lock the
 * prompt for 30 seconds, and each further wrong PIN doubles the wait, up to
 * PIN_LOCK_MAX. The guard is plain data and takes the time as an argument,
 * so the policy is tested without waiting. */
#ifndef LT_PIN_H
#define LT_PIN_H

enum {
	PIN_MIN_LEN = 4,       /* characters */
	PIN_MAX_LEN = 64,
	PIN_FREE_TRIES = 3,    /* wrong PINs before the first lock */
	PIN_LOCK_FIRST = 30,   /* seconds */
	PIN_LOCK_MAX = 15 * 60, /* seconds */
	/* the costliest hashes accepted: checking one takes well under a
	 * second, since the kiosk checks on its UI thread */
	PIN_SHA_MAX_ROUNDS = 500000, /* $6$rounds=N$ and $5$rounds=N$ */
	PIN_YESCRYPT_MAX_NLOG2 = 16, /* $y$: N at most 2^16 ... */
	PIN_YESCRYPT_MAX_R = 32      /* ... and r at most 32 */
};

enum { PIN_OK, PIN_WRONG, PIN_LOCKED, PIN_ERROR };

typedef struct {
	int failures;          /* wrong PINs in a row */
	double last_failure;   /* time of the last one, wall-clock seconds
	                          (pin_now), so that it can be kept across
	                          restarts; pin_wait treats a clock gone
	                          backwards as still locked */
} pin_guard;

/* a new hash of pin with a fresh random salt, malloc'd; NULL when crypt(3)
 * offers neither yescrypt nor SHA-512. */
char *pin_hash(const char *pin);
/* NULL when hash is a yescrypt ($y$) or SHA-crypt ($6$, $5$) hash whose
 * cost parameters are within the limits above, else the (translated)
 * reason: a hash with `rounds=999999999` would hang whoever checks it. */
const char *pin_hash_problem(const char *hash);
/* 1 when pin matches hash, 0 when not, -1 when hash is not usable (as
 * pin_hash_problem says). */
int pin_verify(const char *hash, const char *pin);
/* how long the prompt stays locked after that many wrong PINs in a row. */
double pin_lock_seconds(int failures);
/* seconds before another PIN may be tried at time now; 0 when it may. */
double pin_wait(const pin_guard *g, double now);
/* try a PIN at time now: PIN_OK (the guard is reset), PIN_WRONG (counted),
 * PIN_LOCKED (not even checked) or PIN_ERROR (the hash is unusable). */
int pin_try(pin_guard *g, const char *hash, const char *pin, double now);
/* is pin acceptable as a new PIN or learner code? 4 to 64 digits (the
 * kiosk keypad's keys), not one digit repeated, not a run such as 1234 or
 * 9876. NULL, or the reason why not (translated). */
const char *pin_weakness(const char *pin);
/* 1 when hash is of a kind at least as strong as SHA-512 crypt ("$6$"):
 * yescrypt, gost-yescrypt, scrypt or SHA-512; 0 for MD5, SHA-256, DES and
 * anything else, which kiosk mode refuses. */
int pin_hash_strong(const char *hash);
/* the wall-clock time in seconds, for guards kept across restarts (a
 * monotonic clock starts again at boot). */
double pin_now(void);

#endif
