/* watch.c: module files changing on disk, as SDL events (see watch.h).
 *
 * What is watched is folders, not files: editors save by writing a new
 * file and renaming it over the old one, which a watch on the old file
 * would miss. The folder of the module and the folders directly inside
 * it (images/, ...) are enough for every module layout the loader reads.
 *
 * Linux: one thread polls the inotify descriptor and a pipe; closing the
 * pipe's write end stops it. After the first change it waits WATCH_SETTLE_MS for
 * the rest of the burst, so one save is one reload. Nothing wakes while
 * nothing changes. Elsewhere (or built with -DLT_WATCH_POLL, which the
 * tests use to run this path on Linux): an SDL timer once a second folds
 * the times, sizes and inodes in those folders into a signature and
 * compares it with the last one. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/util.h"
#include "watch.h"

enum { WATCH_SETTLE_MS = 60, WATCH_POLL_MS = 1000 };

/* the folder to watch for path: itself when it is a folder, else the one
 * that holds the file. Returns a new string. */
static char *
folder_of(const char *path)
{
	struct stat st;
	char *d = xstrdup(path), *slash;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return d;
	slash = strrchr(d, '/');
	if (!slash)
		strcpy(d, ".");
	else if (slash == d)
		d[1] = '\0';
	else
		*slash = '\0';
	return d;
}

/* call fn(dir) and fn(dir/sub) for each folder directly inside dir
 * (hidden ones left out: .git changes on every commit) */
static void
each_folder(const char *dir, void (*fn)(void *ctx, const char *dir), void *ctx)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	struct stat st;
	char sub[4096];

	fn(ctx, dir);
	if (!dp)
		return;
	while ((de = readdir(dp))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof sub, "%s/%s", dir, de->d_name);
		if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode))
			fn(ctx, sub);
	}
	closedir(dp);
}

static void
push(Uint32 type)
{
	SDL_Event e;

	SDL_zero(e);
	e.type = type;
	SDL_PushEvent(&e);
}

#if defined(__linux__) && !defined(LT_WATCH_POLL) /* LT_WATCH_POLL: test the fallback */
/* ------------------------------------------------------------ inotify */
#include <errno.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

struct watch {
	int fd;                 /* inotify */
	int stop[2];            /* closing stop[1] ends the thread */
	Uint32 type;            /* the event pushed */
	SDL_Thread *thread;
	int nwatched;           /* folders added to fd */
};

enum { WATCH_MASK = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                    IN_DELETE | IN_ATTRIB };

static void
add_folder(void *ctx, const char *dir)
{
	watch *w = ctx;

	if (inotify_add_watch(w->fd, dir, WATCH_MASK) >= 0)
		w->nwatched++;
}

/* read what is waiting on fd; 1 when it was a change worth a reload
 * (an editor's hidden swap or backup file is not) */
static int
drain(int fd)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n = read(fd, buf, sizeof buf);
	char *p;
	int any = 0;

	for (p = buf; n > 0 && p < buf + n;) {
		struct inotify_event *ev = (struct inotify_event *)p;
		size_t len = ev->len ? strlen(ev->name) : 0;

		if (!ev->len || (ev->name[0] != '.' && ev->name[len - 1] != '~'))
			any = 1;
		p += sizeof *ev + ev->len;
	}
	return any;
}

static int
watch_thread(void *data)
{
	watch *w = data;
	struct pollfd pf[2] = { { w->fd, POLLIN, 0 }, { w->stop[0], POLLIN, 0 } };
	int changed = 0;

	for (;;) {
		/* block until something happens; once a change is seen, wait
		 * only for the rest of its burst */
		int r = poll(pf, 2, changed ? WATCH_SETTLE_MS : -1);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || pf[1].revents)
			break;
		if (r == 0) {
			push(w->type);
			changed = 0;
			continue;
		}
		if (drain(w->fd))
			changed = 1;
	}
	return 0;
}

watch *
watch_start(const char *path, Uint32 type)
{
	watch *w = xcalloc(1, sizeof *w);
	char *dir = folder_of(path);

	w->type = type;
	w->stop[0] = w->stop[1] = -1;
	w->fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	if (w->fd < 0 || pipe(w->stop) != 0) {
		fprintf(stderr, _("lectern: cannot watch %s: %s\n"), dir, strerror(errno));
		goto fail;
	}
	each_folder(dir, add_folder, w);
	if (!w->nwatched) {
		fprintf(stderr, _("lectern: cannot watch %s: %s\n"), dir, strerror(errno));
		goto fail;
	}
	w->thread = SDL_CreateThread(watch_thread, "lectern-watch", w);
	if (!w->thread) {
		fprintf(stderr, _("lectern: cannot watch %s: %s\n"), dir, SDL_GetError());
		goto fail;
	}
	free(dir);
	return w;
fail:
	free(dir);
	watch_stop(w);
	return NULL;
}

void
watch_stop(watch *w)
{
	if (!w)
		return;
	/* closing the pipe's write end wakes the thread's poll (POLLHUP) */
	if (w->stop[1] >= 0)
		close(w->stop[1]);
	if (w->thread)
		SDL_WaitThread(w->thread, NULL);
	if (w->fd >= 0)
		close(w->fd);
	if (w->stop[0] >= 0)
		close(w->stop[0]);
	free(w);
}

#else
/* ------------------------------------------------------------ polling */
struct watch {
	char *dir;
	Uint32 type;
	SDL_TimerID timer;
	Uint64 seen;            /* the folders' signature last time */
};

/* fold every entry's time, size and inode into the signature: a time
 * alone has whole seconds here, and two saves in one second differ in
 * size or (saved by renaming) in inode */
static void
sign_folder(void *ctx, const char *dir)
{
	Uint64 *sig = ctx;
	DIR *dp = opendir(dir);
	struct dirent *de;
	struct stat st;
	char f[4096];

	if (!dp)
		return;
	while ((de = readdir(dp))) {
		snprintf(f, sizeof f, "%s/%s", dir, de->d_name);
		if (stat(f, &st) != 0)
			continue;
		*sig = (*sig ^ (Uint64)st.st_mtime) * 1099511628211ull;
		*sig = (*sig ^ (Uint64)st.st_size) * 1099511628211ull;
		*sig = (*sig ^ (Uint64)st.st_ino) * 1099511628211ull;
	}
	closedir(dp);
}

static Uint64
signature(const char *dir)
{
	Uint64 sig = 14695981039346656037ull;

	each_folder(dir, sign_folder, &sig);
	return sig;
}

/* SDL's timer thread: compare, and push when something changed */
static Uint32
poll_tick(Uint32 interval, void *data)
{
	watch *w = data;
	Uint64 sig = signature(w->dir);

	if (sig != w->seen) {
		w->seen = sig;
		push(w->type);
	}
	return interval;
}

watch *
watch_start(const char *path, Uint32 type)
{
	watch *w = xcalloc(1, sizeof *w);

	w->dir = folder_of(path);
	w->type = type;
	w->seen = signature(w->dir);
	SDL_InitSubSystem(SDL_INIT_TIMER);
	w->timer = SDL_AddTimer(WATCH_POLL_MS, poll_tick, w);
	if (!w->timer) {
		fprintf(stderr, _("lectern: cannot watch %s: %s\n"), w->dir, SDL_GetError());
		watch_stop(w);
		return NULL;
	}
	return w;
}

void
watch_stop(watch *w)
{
	if (!w)
		return;
	if (w->timer)
		SDL_RemoveTimer(w->timer);
	free(w->dir);
	free(w);
}
#endif
