/* spawn.h: starting `lectern sync` as a process of its own, for the
 * player (after a module is finished, at most every interval_minutes) and
 * the trainer menu (Send records now). The player never waits for it and
 * never opens a socket itself; the child writes how it went into the
 * progress store, where --status and the trainer menu read it. */
#ifndef LT_SPAWN_H
#define LT_SPAWN_H

#include <sys/types.h>

#include "settings/config.h"

typedef struct {
	pid_t pid;              /* the run in progress, 0 when none */
	int last_status;        /* exit status of the last run, -1 none yet */
	long last_start;        /* monotonic seconds of the last start, 0 none */
	long interval_s;        /* automatic runs at most this often; 0 = after a module only */
	char *exe;              /* this program */
	char *config;           /* the config file to pass, or NULL */
	char *data_dir;         /* the data directory to pass */
	int enabled;            /* an LRS is configured */
} sync_spawner;

/* set s up for the settings in cfg (an lrs: endpoint turns it on) and the
 * data directory in use. */
void sync_spawner_init(sync_spawner *s, const cfg_config *cfg, const char *data_dir);
void sync_spawner_free(sync_spawner *s);
/* start a run now. automatic: `--auto` (honours the backoff) and only when
 * the last automatic start is at least interval_s ago, or after_module.
 * Returns 0 when started, 1 when not (off, one runs, too soon), -1 when
 * the process cannot be started. */
int sync_spawner_start(sync_spawner *s, int automatic, int after_module);
/* collect the run when it ended: 1 when it ended since the last call
 * (its exit status in last_status), 0 when it runs or none ran. */
int sync_spawner_poll(sync_spawner *s);

#endif
