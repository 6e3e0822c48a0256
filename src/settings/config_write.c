/* config_write.c: setting one key in the config file, for `lectern
 * set-pin`. The file is edited as text, so comments and layout survive:
 * the line holding the top-level key (and any indented lines continuing
 * it) is replaced, later repeats of the key are dropped, or a line is
 * appended. The new text is parsed again and must give the new value
 * before anything is written; then it goes to a temporary file in the same
 * directory, synced, and renamed over the old one, mode 0600. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/safefile.h"
#include "base/util.h"
#include "format/yamltree.h"

/* whole file into a malloc'd buffer; *len 0 and "" when it does not exist.
 * sf_read refuses a FIFO or device, which would block the read. */
static char *
read_file(const char *path, size_t *len, int *exists, diag_list *dl)
{
	char *buf, err[300];

	*len = 0;
	*exists = 1;
	if (sf_read(path, 0, YT_MAX_FILE, &buf, len, err, sizeof err) == 0)
		return buf;
	if (errno == ENOENT) {
		*exists = 0;
		return xstrdup("");
	}
	diag_add(dl, DIAG_ERROR, path, 0, 0, _("cannot read the config file: %s"), err);
	return NULL;
}

/* does the line at p start the top-level key ("key:" at column 1)? */
static int
line_has_key(const char *p, const char *key)
{
	size_t n = strlen(key);

	if (strncmp(p, key, n) != 0)
		return 0;
	p += n;
	while (*p == ' ' || *p == '\t')
		p++;
	return *p == ':' && (p[1] == ' ' || p[1] == '\t' || p[1] == '\n' ||
	                     p[1] == '\r' || !p[1]);
}

/* end of the line at p and of the indented lines that continue it */
static const char *
entry_end(const char *p)
{
	for (;;) {
		const char *nl = strchr(p, '\n');

		p = nl ? nl + 1 : p + strlen(p);
		if (*p != ' ' && *p != '\t')
			return p;
		/* an all-blank indented line ends the entry too */
		if (p[strspn(p, " \t")] == '\n' || !p[strspn(p, " \t")])
			return p;
	}
}

/* text with every top-level `key:` entry removed and the first replaced by
 * line; line appended when there was none. */
static char *
edit_text(const char *text, const char *key, const char *line)
{
	size_t cap = strlen(text) + strlen(line) + 2, n = 0;
	char *out = xmalloc(cap);
	const char *p = text;
	int done = 0;

	while (*p) {
		const char *nl = strchr(p, '\n');
		const char *end = nl ? nl + 1 : p + strlen(p);

		if (line_has_key(p, key)) {
			end = entry_end(p);
			if (!done) {
				memcpy(out + n, line, strlen(line));
				n += strlen(line);
				done = 1;
			}
		} else {
			memcpy(out + n, p, (size_t)(end - p));
			n += (size_t)(end - p);
		}
		p = end;
	}
	if (!done) {
		if (n > 0 && out[n - 1] != '\n')
			out[n++] = '\n';
		memcpy(out + n, line, strlen(line));
		n += strlen(line);
	}
	out[n] = '\0';
	return out;
}

static int
mkdir_parents(const char *path)
{
	char *dir = xstrdup(path), *p;
	int rc = 0;

	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0755) < 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	free(dir);
	return rc;
}

/* write text to path through a temporary file and a rename */
static int
replace_file(const char *path, const char *text, const struct stat *old,
             diag_list *dl)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	size_t len = strlen(text), off = 0;
	int fd, rc = -1;

	if (mkdir_parents(path) < 0 || (fd = mkstemp(tmp)) < 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("cannot write the config file: %s"),
		         strerror(errno));
		free(tmp);
		return -1;
	}
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		off += (size_t)w;
	}
	/* the PIN hash is a secret: only the owner reads it. When root edits
	 * a file that belongs to the kiosk account it stays that account's. */
	if (fchmod(fd, 0600) < 0)
		goto fail;
	if (old && geteuid() == 0 && fchown(fd, old->st_uid, old->st_gid) < 0)
		goto fail;
	if (fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) < 0)
		goto fail;
	rc = 0;
fail:
	if (rc < 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("cannot write the config file: %s"),
		         strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

int
cfg_write_string(const char *path, const char *key, const char *value,
                 diag_list *dl)
{
	char *real = realpath(path, NULL), *text, *quoted, *line, *out, *q;
	const char *target = real ? real : path;
	const yt_node *root, *v;
	struct stat sb;
	size_t len;
	int exists, rc = -1;
	yt_doc *doc;
	const char *s;

	for (s = value; *s; s++) {
		if ((unsigned char)*s < ' ') {
			diag_add(dl, DIAG_ERROR, path, 0, 0,
			         _("the value of `%s` cannot contain control characters"), key);
			free(real);
			return -1;
		}
	}
	if (!(text = read_file(target, &len, &exists, dl))) {
		free(real);
		return -1;
	}
	if (exists && stat(target, &sb) < 0)
		exists = 0;
	/* a file YAML cannot read is left for a person to fix */
	if (len > 0) {
		if (!(doc = yt_load_buf(path, text, len, dl)))
			goto out;
		yt_free(doc);
	}
	/* single quotes: nothing in a crypt hash is special inside them */
	quoted = q = xmalloc(2 * strlen(value) + 3);
	*q++ = '\'';
	for (s = value; *s; s++) {
		if (*s == '\'')
			*q++ = '\'';
		*q++ = *s;
	}
	*q++ = '\'';
	*q = '\0';
	line = xasprintf("%s: %s\n", key, quoted);
	out = edit_text(text, key, line);
	free(quoted);
	free(line);
	/* check the edit did what it should before touching the file */
	doc = yt_load_buf(path, out, strlen(out), dl);
	root = doc ? yt_root(doc) : NULL;
	v = root && root->type == YT_MAP ? yt_get(root, key) : NULL;
	if (!v || v->type != YT_SCALAR || strcmp(v->str, value) != 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0,
		         _("cannot update `%s` in this file automatically; edit it by hand"),
		         key);
	} else {
		rc = replace_file(target, out, exists ? &sb : NULL, dl);
	}
	if (doc)
		yt_free(doc);
	free(out);
out:
	free(text);
	free(real);
	return rc;
}
