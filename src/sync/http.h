/* http.h: what every transfer of Lectern shares, on libcurl: one way to
 * set a handle up (http and https only, certificates always verified, an
 * organisation's own CA when given, no redirects, a timeout on silence
 * rather than length) and plain GETs for `lectern update`: a small file
 * into memory, a package into a file, resumed with a Range request where
 * an earlier run was cut. The LRS client (lrs.c) sets its handle up here
 * too. Like the rest of sync/, it runs only in a process of its own,
 * never inside the player. */
#ifndef LT_HTTP_H
#define LT_HTTP_H

#include <stddef.h>

typedef struct {
	const char *ca_file;    /* PEM bundle of an organisation's CA, or NULL */
	long timeout_s;         /* connect, and longest silence while waiting */
} http_opts;

/* a curl easy handle (as void *, so callers need no curl header) set up
 * with the shared options and errbuf (CURL_ERROR_SIZE bytes) as its error
 * buffer; NULL with a message in err when libcurl cannot start. */
void *http_handle(const http_opts *o, char *errbuf, char *err, size_t errsize);

/* GET url into memory (malloc'd, NUL-terminated), refusing more than max
 * bytes. 0 on HTTP 200; -1 with plain words in err (no answer, another
 * status, too large). */
int http_get(const http_opts *o, const char *url, size_t max, char **body, size_t *len,
             char *err, size_t errsize);

/* GET url into the file path. When path already holds the first bytes
 * (an earlier run was cut), asks only for the rest (Range) and appends;
 * a server that answers with the whole file starts it again. Refuses to
 * write more than max bytes in all. 0 when the transfer completed (the
 * caller checks size and hash), -1 with plain words in err: what arrived
 * stays in path for the next run. */
int http_get_file(const http_opts *o, const char *url, const char *path, long long max,
                  char *err, size_t errsize);

#endif
