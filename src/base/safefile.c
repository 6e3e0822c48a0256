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

int
sf_inside(const char *dir, const char *path)
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
	free(rp);
	return in;
}
