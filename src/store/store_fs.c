/* store_fs.c: see store_fs.h. */
#include "store_fs.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/clean.h"
#include "base/i18n.h"
#include "base/safefile.h"
#include "store.h"
#include "base/util.h"
#include "base/fold.h"

char *
sfs_default_dir(void)
{
	const char *x = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	struct passwd *pw;

	/* the XDG spec: a relative value is invalid and ignored */
	if (x && x[0] == '/')
		return xasprintf("%s/lectern", x);
	if ((!home || home[0] != '/') && (pw = getpwuid(getuid())))
		home = pw->pw_dir;
	/* no home: not the current directory, not /tmp, where anyone could
	 * have made the folder first */
	if (!home || home[0] != '/')
		return NULL;
	return xasprintf("%s/.local/share/lectern", home);
}

int
sfs_unsafe(const char *dir, const char *path, char *why, size_t size)
{
	static const char *const sfx[] = { "", "-wal", "-shm" };
	struct stat sb;
	const char *what = dir;
	int i;

	if (stat(dir, &sb) == 0 && (sb.st_uid != geteuid() || (sb.st_mode & S_IWOTH)))
		goto unsafe;
	what = path;
	if (stat(path, &sb) == 0 && (sb.st_uid != geteuid() || (sb.st_mode & S_IWOTH)))
		goto unsafe;
	/* SQLite opens these without O_NONBLOCK: a FIFO among them would hang
	 * the player before its first frame */
	for (i = 0; i < 3; i++) {
		char *f = xasprintf("%s%s", path, sfx[i]);
		int odd = stat(f, &sb) == 0 && !S_ISREG(sb.st_mode);

		if (odd)
			snprintf(why, size, _("%s is %s, not a regular file"), f,
			         sf_kind(sb.st_mode));
		free(f);
		if (odd)
			return 1;
	}
	return 0;
unsafe:
	if (sb.st_uid != geteuid())
		snprintf(why, size, _("%s belongs to another user"), what);
	else
		snprintf(why, size, _("anyone may write to %s"), what);
	return 1;
}

int
sfs_make_dirs(const char *dir)
{
	char *p = xstrdup(dir), *s;
	struct stat sb;
	int rc = 0;
	char c;

	for (s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			rc = -1;
		} else if (stat(p, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
			errno = ENOTDIR;
			rc = -1;
		}
		*s = c;
		if (rc != 0 || c == '\0')
			break;
	}
	free(p);
	return rc;
}

int
sfs_in_use(const char *path)
{
	char shm[PATH_MAX];
	struct flock fl = { 0 };
	int fd, busy = 0;

	snprintf(shm, sizeof shm, "%s-shm", path);
	/* O_NONBLOCK: a FIFO planted as -shm must not hang the open */
	if ((fd = open(shm, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return 0; /* no -shm: nobody has it open in WAL mode */
	/* every SQLite connection in WAL mode holds a read lock on the "DMS"
	 * byte (offset 128) of the -shm file while it is open */
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = 128;
	fl.l_len = 1;
	if (fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
		busy = 1;
	close(fd);
	return busy;
}

int
sfs_move_aside(const char *path, char *aside, size_t size)
{
	static const char *const sfx[] = { "-wal", "-shm", "" };
	char stamp[32], from[PATH_MAX], to[PATH_MAX];
	time_t now = time(NULL);
	struct tm tm;
	struct stat sb;
	int n, i, moved[3] = { 0 };

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	for (n = 0; n < 1000; n++) {
		if (n == 0)
			snprintf(aside, size, "%s.corrupt-%s", path, stamp);
		else
			snprintf(aside, size, "%s.corrupt-%s-%d", path, stamp, n);
		if (stat(aside, &sb) != 0)
			break;
	}
	for (i = 0; i < 3; i++) {
		snprintf(from, sizeof from, "%s%s", path, sfx[i]);
		snprintf(to, sizeof to, "%s%s", aside, sfx[i]);
		if (rename(from, to) == 0)
			moved[i] = 1;
		else if (errno != ENOENT || i == 2)
			goto undo;
	}
	return 0;
undo:
	while (i-- > 0) {
		if (!moved[i])
			continue;
		snprintf(from, sizeof from, "%s%s", path, sfx[i]);
		snprintf(to, sizeof to, "%s%s", aside, sfx[i]);
		rename(to, from);
	}
	return -1;
}

void
sfs_uuid(char out[37])
{
	unsigned char b[16];
	size_t got = 0;
	ssize_t r;

	while (got < sizeof b) {
		r = getrandom(b + got, sizeof b - got, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			die(_("no random numbers for an id: %s"), strerror(errno));
		got += (size_t)r;
	}
	b[6] = (unsigned char)((b[6] & 0x0F) | 0x40); /* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80); /* RFC 4122 variant */
	snprintf(out, 37,
	         "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
	         b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
	         b[11], b[12], b[13], b[14], b[15]);
}

char *
sfs_iri_escape(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = xmalloc(3 * strlen(s) + 1), *o = out;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
			*o++ = (char)c;
		} else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o = '\0';
	return out;
}

int
sfs_valid_name(const char *name)
{
	return clean_name_problem(name, STORE_NAME_MAX) == NULL;
}

const char *
store_default_learner(char *buf, size_t size)
{
	struct passwd *pw = getpwuid(getuid());
	const char *name = pw && pw->pw_name && *pw->pw_name ? pw->pw_name : getenv("USER");

	snprintf(buf, size, "%s", name && *name ? name : "learner");
	return buf;
}
