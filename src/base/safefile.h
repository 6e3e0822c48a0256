/* safefile.h: opening a file Lectern reads, so that no file can hang it.
 *
 * Every module, config, image and font read goes through sf_open or
 * sf_read: the file is opened with O_NONBLOCK (a FIFO or a terminal cannot
 * make open or read wait for a writer), optionally O_NOFOLLOW, then fstat
 * must say it is a regular file no larger than the caller's limit. A FIFO,
 * a device, a directory or a socket is an error that names what it found.
 * Checking the open descriptor rather than the path means a file swapped
 * for a FIFO between a check and a read is caught too. */
#ifndef LT_SAFEFILE_H
#define LT_SAFEFILE_H

#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

enum {
	SF_NOFOLLOW = 1 /* the last path component must not be a symbolic link */
};

/* open path read-only as a regular file of at most max bytes. Returns the
 * descriptor (blocking again, close-on-exec) with *st filled, or -1 with a
 * translated message in err ("it is a FIFO, not a regular file"); errno is
 * kept (ENOENT for a missing file) or set to EINVAL/EFBIG for the checks. */
int sf_open(const char *path, int flags, long long max, struct stat *st,
            char *err, size_t errsize);

/* the whole file into a malloc'd buffer with a NUL after its *len bytes.
 * Return 0, or -1 with err filled (as sf_open, plus read errors and a file
 * that grew past max while it was read). */
int sf_read(const char *path, int flags, long long max, char **buf,
            size_t *len, char *err, size_t errsize);

/* path with every symbolic link resolved (malloc'd) when it lies under dir
 * (also resolved); NULL when it leads elsewhere or cannot be resolved.
 * Reading the result with SF_NOFOLLOW then reads what was checked, even if
 * the name is swapped for a link in between. */
char *sf_resolve_inside(const char *dir, const char *path);
/* the same as a yes (1) or no (0). */
int sf_inside(const char *dir, const char *path);

/* ---------------------------------------------------------------- output
 * A file Lectern writes (an export, a rendered slide) goes to its place
 * whole or not at all: when the target is a regular file or does not exist
 * yet, the data goes to a new temporary file beside it (created with
 * O_CREAT|O_EXCL, so never through a symbolic link, mode as asked), which
 * is synced and renamed over the target only once every write and the
 * close succeeded; on any failure it is removed and the old file stays.
 * Anything else (a device such as /dev/null, a pipe, a terminal, "-" for
 * standard output) is written through, never replaced. */
typedef struct {
	char *path;        /* the final name (a link's target when a link) */
	char *tmp;         /* the temporary file, or NULL when writing through */
	FILE *fp;          /* write here */
} sf_out;

/* open path for writing as above, mode for a new file. Return 0, or -1
 * with a translated message in err. */
int sf_out_open(sf_out *o, const char *path, mode_t mode, char *err,
                size_t errsize);
/* finish: ok says the caller's writes all succeeded. Checks the flush, the
 * sync and the close, then renames; Return 0, or -1 with err filled (when
 * ok was 0, err is left alone) and the temporary file removed. */
int sf_out_close(sf_out *o, int ok, char *err, size_t errsize);

/* describe a file type for messages: "a FIFO", "a directory"... */
const char *sf_kind(mode_t mode);

#endif
