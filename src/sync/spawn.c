/* spawn.c: `lectern sync` in the background (see spawn.h).
 *
 * The child is this very program (/proc/self/exe), so an installed player
 * and a build tree each start their own sync. Its arguments carry only
 * paths: the credentials stay in the config file it reads. Its output goes
 * to /dev/null; what it did is in the progress store. It is collected with
 * waitpid(WNOHANG) when the player next looks, so nothing blocks. It runs
 * in a session of its own, so the player's end (or a signal to the
 * player's process group) does not cut a batch short. */
#define _GNU_SOURCE /* POSIX_SPAWN_SETSID */
#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/util.h"

extern char **environ;

static long
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec;
}

void
sync_spawner_init(sync_spawner *s, const cfg_config *cfg, const char *data_dir)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	memset(s, 0, sizeof *s);
	s->last_status = -1;
	s->enabled = cfg->lrs_endpoint != NULL && n > 0;
	s->interval_s = (long)(cfg->lrs_interval_minutes * 60.0);
	if (n > 0) {
		exe[n] = '\0';
		s->exe = xstrdup(exe);
	}
	s->config = cfg->path ? xstrdup(cfg->path) : NULL;
	s->data_dir = data_dir ? xstrdup(data_dir) : NULL;
}

void
sync_spawner_free(sync_spawner *s)
{
	/* a run in progress goes on by itself and finishes */
	free(s->exe);
	free(s->config);
	free(s->data_dir);
	memset(s, 0, sizeof *s);
}

int
sync_spawner_poll(sync_spawner *s)
{
	int status;
	pid_t r;

	if (!s->pid)
		return 0;
	r = waitpid(s->pid, &status, WNOHANG);
	if (r == 0 || (r < 0 && errno == EINTR))
		return 0;
	s->pid = 0;
	s->last_status = r > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	return 1;
}

int
sync_spawner_start(sync_spawner *s, int automatic, int after_module)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	char *argv[9];
	int k = 0, rc;

	sync_spawner_poll(s);
	if (!s->enabled || s->pid)
		return 1;
	if (automatic && !after_module &&
	    (s->interval_s <= 0 || (s->last_start && now_s() - s->last_start < s->interval_s)))
		return 1;
	argv[k++] = s->exe;
	argv[k++] = "sync";
	argv[k++] = "--quiet";
	if (automatic)
		argv[k++] = "--auto";
	if (s->config) {
		argv[k++] = "--config";
		argv[k++] = s->config;
	}
	if (s->data_dir) {
		argv[k++] = "--data-dir";
		argv[k++] = s->data_dir;
	}
	argv[k] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	posix_spawnattr_init(&at);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID);
	rc = posix_spawn(&s->pid, s->exe, &fa, &at, argv, environ);
	posix_spawnattr_destroy(&at);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		s->pid = 0;
		return -1;
	}
	s->last_start = now_s();
	return 0;
}
