/* sync.h: the sync/ folder sends the xAPI outbox to the organisation's
 * learning record store, so records leave the PC by themselves when the
 * network is there.
 *
 * It owns: the run (batches, splitting a refused batch, marking what the
 * LRS acknowledged, backoff between automatic runs), the lock that keeps
 * one run per database, the HTTP client (lrs.h, the only file of Lectern
 * that includes curl/curl.h) and starting a run in the background
 * (spawn.h). It may include base/, format/, settings/ and store/. It knows
 * nothing of SDL or screens: the player only starts `lectern sync` as a
 * process of its own and never opens a socket itself.
 *
 * Nothing lost, nothing twice: a statement is marked only after the LRS
 * answered 2xx with its id; anything else leaves it waiting, and a resend
 * is harmless because its id and bytes never change. */
#ifndef LT_SYNC_H
#define LT_SYNC_H

#include <stddef.h>

#include "settings/config.h"
#include "store/store.h"

/* how a run ended; cmd_sync turns these into exit statuses */
enum sync_outcome {
	SYNC_DONE,       /* nothing waits any more */
	SYNC_SET_ASIDE,  /* done, but the LRS refused some statements (kept) */
	SYNC_LATER,      /* no network, timeout, 429, 5xx: try again later */
	SYNC_AUTH,       /* 401/403: the LRS refused the credentials */
	SYNC_CONFIG,     /* no lrs:, a wrong endpoint, http refused, no secret */
	SYNC_LOCAL,      /* the progress file cannot be read or written */
	SYNC_BUSY,       /* another sync of this database is running */
	SYNC_WAITING     /* automatic run before its backoff is over: skipped */
};

typedef struct {
	int outcome;            /* enum sync_outcome */
	long sent;              /* acknowledged in this run */
	long set_aside;         /* refused in this run */
	long waiting;           /* still waiting at the end */
	long retry_at;          /* epoch seconds of the next automatic try, 0 any */
	char message[768];      /* plain words, never a credential */
} sync_result;

typedef struct {
	const cfg_config *cfg;  /* the lrs: settings */
	int automatic;          /* a timer or the player: honour the backoff */
	/* called after every batch, may be NULL */
	void (*progress)(void *ud, long sent, long waiting);
	void *ud;
} sync_opts;

/* send what waits in st to the LRS of o->cfg; r says how it went. Takes
 * the database's sync lock for the length of the run. Returns r->outcome. */
int sync_run(store *st, const sync_opts *o, sync_result *r);

/* the delay before automatic attempt number failures + 1 after failures
 * failed in a row: exponential from 1 minute to 6 hours, with jitter
 * (rnd in [0, 1) picks within the upper half), never under retry_after. */
long sync_backoff(int failures, long retry_after, double rnd);

/* the password from o->cfg (password:, else the first line of
 * password_file:) into buf; 0, or -1 with plain words in err that name
 * the file but never its content. */
int sync_secret(const cfg_config *cfg, char *buf, size_t size, char *err, size_t errsize);

#endif
