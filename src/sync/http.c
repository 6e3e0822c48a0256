/* http.c: the shared libcurl set-up and the GETs of `lectern update`
 * (see http.h).
 *
 * A resumed download opens the file for appending and asks for
 * "bytes=N-" where N is its length. A 206 answer appends; a 200 answer
 * (a server without Range) truncates the file first; a 416 (nothing left
 * to send) means the file was already complete, and the caller's hash
 * check says whether it really was. The write callback refuses to go
 * past max bytes, so a server that sends more than the signed index
 * promised stops at once. */
#include "http.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <curl/curl.h>

#include "base/i18n.h"
#include "base/util.h"

static int curl_ready;

void *
http_handle(const http_opts *o, char *errbuf, char *err, size_t errsize)
{
	CURL *c;

	if (!curl_ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
			snprintf(err, errsize, "%s", _("the network library cannot start"));
			return NULL;
		}
		curl_ready = 1;
	}
	if (!(c = curl_easy_init())) {
		snprintf(err, errsize, "%s", _("the network library cannot start"));
		return NULL;
	}
	errbuf[0] = '\0';
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (o->ca_file && *o->ca_file)
		curl_easy_setopt(c, CURLOPT_CAINFO, o->ca_file);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, o->timeout_s);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, o->timeout_s);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "Lectern/" LT_VERSION);
	return c;
}

/* plain words for a transfer that got no answer, with curl's own */
static void
why(CURLcode rc, const char *errbuf, const char *url, char *err, size_t errsize)
{
	const char *w;

	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
		w = _("the server's name cannot be found (no network?)");
		break;
	case CURLE_COULDNT_CONNECT:
		w = _("the server cannot be reached (no network, or it is down)");
		break;
	case CURLE_OPERATION_TIMEDOUT:
		w = _("the server did not answer in time");
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
		w = _("the server's certificate cannot be verified");
		break;
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
		w = _("the connection was cut");
		break;
	default:
		w = _("the server cannot be reached");
	}
	snprintf(err, errsize, "%s: %s (%s)", url, w,
	         errbuf[0] ? errbuf : curl_easy_strerror(rc));
}

/* ------------------------------------------------------------ into memory */
typedef struct {
	char *buf;
	size_t len, max;
	int over;
} mem_sink;

static size_t
on_mem(char *p, size_t size, size_t n, void *ud)
{
	mem_sink *m = ud;
	size_t len = size * n;

	if (m->len + len > m->max) {
		m->over = 1;
		return 0; /* stops the transfer */
	}
	m->buf = xrealloc(m->buf, m->len + len + 1);
	memcpy(m->buf + m->len, p, len);
	m->len += len;
	m->buf[m->len] = '\0';
	return len;
}

int
http_get(const http_opts *o, const char *url, size_t max, char **body, size_t *len,
         char *err, size_t errsize)
{
	char errbuf[CURL_ERROR_SIZE];
	mem_sink m = { .max = max };
	CURL *c = http_handle(o, errbuf, err, errsize);
	CURLcode rc;
	long status = 0;

	if (!c)
		return -1;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_mem);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &m);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_cleanup(c);
	if (m.over) {
		snprintf(err, errsize, _("%s: larger than %zu bytes"), url, max);
	} else if (rc != CURLE_OK) {
		why(rc, errbuf, url, err, errsize);
	} else if (status != 200) {
		snprintf(err, errsize, _("%s: the server answered %ld"), url, status);
	} else {
		*body = m.buf ? m.buf : xstrdup("");
		*len = m.len;
		return 0;
	}
	free(m.buf);
	return -1;
}

/* ------------------------------------------------------------ into a file */
typedef struct {
	CURL *c;
	FILE *fp;
	long long have;       /* bytes in the file */
	long long max;
	int over, failed;
} file_sink;

static size_t
on_file(char *p, size_t size, size_t n, void *ud)
{
	file_sink *f = ud;
	size_t len = size * n;
	long status = 0;

	curl_easy_getinfo(f->c, CURLINFO_RESPONSE_CODE, &status);
	if (status != 200 && status != 206)
		return len; /* an error page: dropped, the status is reported */
	if (f->have + (long long)len > f->max) {
		f->over = 1;
		return 0;
	}
	if (fwrite(p, 1, len, f->fp) != len || fflush(f->fp) != 0) {
		f->failed = 1;
		return 0;
	}
	f->have += (long long)len;
	return len;
}

int
http_get_file(const http_opts *o, const char *url, const char *path, long long max,
              char *err, size_t errsize)
{
	char errbuf[CURL_ERROR_SIZE];
	file_sink f = { .max = max };
	struct stat st;
	CURLcode rc;
	long status = 0;
	int ok = -1, again;

	if (!(f.fp = fopen(path, "ab"))) {
		snprintf(err, errsize, _("%s: cannot write: %s"), path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f.fp), &st) == 0)
		f.have = (long long)st.st_size;
	if (!(f.c = http_handle(o, errbuf, err, errsize))) {
		fclose(f.fp);
		return -1;
	}
	curl_easy_setopt(f.c, CURLOPT_URL, url);
	curl_easy_setopt(f.c, CURLOPT_WRITEFUNCTION, on_file);
	curl_easy_setopt(f.c, CURLOPT_WRITEDATA, &f);
	do {
		again = 0;
		curl_easy_setopt(f.c, CURLOPT_RESUME_FROM_LARGE, (curl_off_t)f.have);
		rc = curl_easy_perform(f.c);
		status = 0;
		curl_easy_getinfo(f.c, CURLINFO_RESPONSE_CODE, &status);
		/* a server without Range support answers with the whole file,
		 * which curl refuses to append: start the file again, once */
		if (rc == CURLE_RANGE_ERROR && f.have > 0 && status == 200) {
			if (ftruncate(fileno(f.fp), 0) != 0) {
				f.failed = 1;
				break;
			}
			f.have = 0;
			again = 1;
		}
	} while (again);
	if (f.over)
		snprintf(err, errsize, _("%s: the server sends more than the feed says"), url);
	else if (f.failed)
		snprintf(err, errsize, _("%s: cannot write: %s"), path, strerror(errno));
	else if (status == 416 && f.have > 0)
		ok = 0; /* nothing left to fetch: the hash check decides */
	else if (status >= 300)
		snprintf(err, errsize, _("%s: the server answered %ld"), url, status);
	else if (rc != CURLE_OK)
		why(rc, errbuf, url, err, errsize);
	else
		ok = 0;
	curl_easy_cleanup(f.c);
	if (fclose(f.fp) != 0 && ok == 0) {
		snprintf(err, errsize, _("%s: cannot write: %s"), path, strerror(errno));
		ok = -1;
	}
	return ok;
}
