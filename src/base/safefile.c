/* safefile.c: see safefile.h. */
#include "safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

const char *
sf_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return _("a directory");
	if (S_ISFIFO(mode))
		return _("a FIFO (named pipe)");
	if (S_ISCHR(mode))
		return _("a character device");
	if (S_ISBLK(mode))
		return _("a block device");
	if (S_ISSOCK(mode))
		return _("a socket");
	if (S_ISLNK(mode))
		return _("a symbolic link");
	return _("a regular file");
}

int
sf_open(const char *path, int flags, long long max, struct stat *st,
        char *err, size_t errsize)
{
	int oflags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, fd, e;

	if (flags & SF_NOFOLLOW)
		oflags |= O_NOFOLLOW;
	fd = open(path, oflags);
	if (fd < 0) {
		e = errno;
		if (e == ELOOP && (flags & SF_NOFOLLOW))
			snprintf(err, errsize, _("it is a symbolic link, which is not "
			         "followed here"));
		else
			snprintf(err, errsize, _("cannot open: %s"), strerror(e));
		errno = e;
		return -1;
	}
	if (fstat(fd, st) != 0) {
		e = errno;
		snprintf(err, errsize, _("cannot open: %s"), strerror(e));
		close(fd);
		errno = e;
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		snprintf(err, errsize, _("it is %s, not a regular file"),
		         sf_kind(st->st_mode));
		close(fd);
		errno = EINVAL;
		return -1;
	}
	if ((long long)st->st_size > max) {
		snprintf(err, errsize, _("the file is too large (%lld bytes; the "
		         "limit is %lld bytes)"), (long long)st->st_size, max);
		close(fd);
		errno = EFBIG;
		return -1;
	}
	/* a regular file never blocks, but callers may hand the descriptor to
	 * code that expects ordinary reads */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

int
sf_read(const char *path, int flags, long long max, char **buf, size_t *len,
        char *err, size_t errsize)
{
	struct stat st;
	size_t cap, n = 0;
	ssize_t got;
	char *b;
	int fd = sf_open(path, flags, max, &st, err, errsize);

	*buf = NULL;
	*len = 0;
	if (fd < 0)
		return -1;
	/* one byte past the size seen, to notice a file that grew since */
	cap = (size_t)st.st_size + 1;
	b = xmalloc(cap + 1);
	for (;;) {
		got = read(fd, b + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			snprintf(err, errsize, _("cannot read: %s"), strerror(errno));
			goto fail;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n == cap) {
			if ((long long)n > max) {
				snprintf(err, errsize, _("the file grew past the limit of "
				         "%lld bytes while it was read"), max);
				goto fail;
			}
			cap = cap * 2 > (size_t)max + 1 ? (size_t)max + 1 : cap * 2;
			b = xrealloc(b, cap + 1);
		}
	}
	close(fd);
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
fail:
	free(b);
	close(fd);
	return -1;
}

char *
sf_resolve_inside(const char *dir, const char *path)
{
	char *rd = realpath(dir, NULL), *rp = realpath(path, NULL);
	size_t n;
	int in = 0;

	if (rd && rp) {
		n = strlen(rd);
		in = strncmp(rp, rd, n) == 0 &&
		     (rp[n] == '/' || (n == 1 && rd[0] == '/'));
	}
	free(rd);
	if (!in) {
		free(rp);
		return NULL;
	}
	return rp;
}

int
sf_inside(const char *dir, const char *path)
{
	char *rp = sf_resolve_inside(dir, path);

	free(rp);
	return rp != NULL;
}

/* ---------------------------------------------------------------- output */

int
sf_out_open(sf_out *o, const char *path, mode_t mode, char *err,
            size_t errsize)
{
	struct stat st, lst;
	char *dir, *slash;
	int fd;

	memset(o, 0, sizeof *o);
	if (strcmp(path, "-") == 0) {
		o->path = xstrdup(path);
		o->fp = stdout;
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, errsize, _("it is a directory"));
			return -1;
		}
		/* a device, pipe or terminal: written through, never replaced */
		fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
		if (fd < 0 || !(o->fp = fdopen(fd, "w"))) {
			snprintf(err, errsize, "%s", strerror(errno));
			if (fd >= 0)
				close(fd);
			return -1;
		}
		o->path = xstrdup(path);
		return 0;
	}
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		/* replace the file the link names, not the link */
		if (!(o->path = realpath(path, NULL))) {
			snprintf(err, errsize, _("it is a symbolic link to nothing: %s"),
			         strerror(errno));
			return -1;
		}
	} else {
		o->path = xstrdup(path);
	}
	slash = strrchr(o->path, '/');
	dir = slash ? xstrndup(o->path, (size_t)(slash - o->path) + (slash == o->path))
	            : xstrdup(".");
	o->tmp = xasprintf("%s/.%s.XXXXXX", dir, slash ? slash + 1 : o->path);
	free(dir);
	/* mkstemp opens with O_CREAT|O_EXCL and mode 0600: a name planted
	 * there beforehand (a symbolic link, say) makes it pick another */
	if ((fd = mkstemp(o->tmp)) < 0) {
		snprintf(err, errsize, "%s", strerror(errno));
		goto fail;
	}
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (fchmod(fd, mode) != 0 || !(o->fp = fdopen(fd, "w"))) {
		snprintf(err, errsize, "%s", strerror(errno));
		close(fd);
		unlink(o->tmp);
		goto fail;
	}
	return 0;
fail:
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return -1;
}

int
sf_out_close(sf_out *o, int ok, char *err, size_t errsize)
{
	int e = 0;

	if (!o->fp)
		return -1;
	errno = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp))
		e = errno ? errno : EIO;
	if (o->tmp && !e && fsync(fileno(o->fp)) != 0)
		e = errno;
	if (o->fp != stdout) {
		if (fclose(o->fp) != 0 && !e)
			e = errno ? errno : EIO;
	}
	o->fp = NULL;
	if (o->tmp) {
		if (ok && !e && rename(o->tmp, o->path) != 0)
			e = errno;
		if (!ok || e)
			unlink(o->tmp);
	}
	if (e)
		snprintf(err, errsize, "%s", strerror(e));
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return ok && !e ? 0 : -1;
}
