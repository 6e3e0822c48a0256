/* lrs.c: the xAPI client on libcurl (see lrs.h).
 *
 * One curl easy handle is kept for the whole run, so every batch reuses the
 * same TLS connection. It is set up by http_handle (http.c), as every
 * transfer of Lectern is: certificates always verified (the system's store,
 * or ca_file); redirects not followed, since a POST that lands somewhere
 * else is not an acknowledgement. The password goes to curl
 * through CURLOPT_PASSWORD, never into the URL, so no message can show it.
 * Timeouts are about silence, not length: a connection that moves no byte
 * for timeout_s seconds is given up, a slow one that moves is not. */
#include "lrs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "base/i18n.h"
#include "base/util.h"
#include "http.h"

enum { BODY_MAX = 1 << 20 }; /* an answer is ids or a message: cap it */

struct lrs {
	CURL *curl;
	char *endpoint;      /* xAPI base, ends in '/' */
	char *about_url;
	char *statements_url;
	struct curl_slist *headers;
	char errbuf[CURL_ERROR_SIZE];
};

/* 1 when host (from a URL, up to its end) names this machine */
static int
is_loopback(const char *host, size_t n)
{
	static const char *const names[] = { "127.0.0.1", "localhost", "[::1]" };
	size_t i;

	for (i = 0; i < LT_NELEM(names); i++)
		if (n == strlen(names[i]) && strncasecmp(host, names[i], n) == 0)
			return 1;
	return 0;
}

lrs *
lrs_new(const lrs_opts *o, char *err, size_t errsize)
{
	const char *e = o->endpoint, *host;
	http_opts ho;
	size_t hostlen;
	lrs *c;

	if (!e || !*e) {
		snprintf(err, errsize, "%s", _("no LRS endpoint is configured"));
		return NULL;
	}
	if (!strncasecmp(e, "https://", 8)) {
		host = e + 8;
	} else if (!strncasecmp(e, "http://", 7)) {
		host = e + 7;
	} else {
		snprintf(err, errsize, _("the LRS endpoint %s is not an https:// address"), e);
		return NULL;
	}
	hostlen = strcspn(host, "/?#");
	if (memchr(host, ':', hostlen) && host[0] != '[')
		hostlen = (size_t)((const char *)memchr(host, ':', hostlen) - host);
	else if (host[0] == '[' && memchr(host, ']', hostlen))
		hostlen = (size_t)((const char *)memchr(host, ']', hostlen) - host) + 1;
	if (host == e + 7 && !o->insecure_http && !is_loopback(host, hostlen)) {
		snprintf(err, errsize,
		         _("the LRS endpoint %s uses plain http, which would send the "
		           "password and the records unencrypted: use https, or set "
		           "insecure_http: true under lrs: if this network is trusted"), e);
		return NULL;
	}
	/* http(s) only, certificates verified, no redirects (a POST that
	 * lands somewhere else is not an acknowledgement), timeouts on
	 * silence: http.c sets up every transfer the same way */
	ho.ca_file = o->ca_file;
	ho.timeout_s = o->timeout_s;
	c = xcalloc(1, sizeof *c);
	if (!(c->curl = http_handle(&ho, c->errbuf, err, errsize))) {
		free(c);
		return NULL;
	}
	c->endpoint = xstrdup(e);
	c->about_url = xasprintf("%sabout", e);
	c->statements_url = xasprintf("%sstatements", e);
	c->headers = curl_slist_append(NULL, "X-Experience-API-Version: 1.0.3");
	c->headers = curl_slist_append(c->headers, "Content-Type: application/json");
	c->headers = curl_slist_append(c->headers, "Accept: application/json");
	/* no "Expect: 100-continue" pause before each batch */
	c->headers = curl_slist_append(c->headers, "Expect:");

	if (o->username && *o->username) {
		curl_easy_setopt(c->curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(c->curl, CURLOPT_USERNAME, o->username);
		curl_easy_setopt(c->curl, CURLOPT_PASSWORD, o->password ? o->password : "");
	}
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, c->headers);
	return c;
}

void
lrs_free(lrs *c)
{
	if (!c)
		return;
	curl_easy_cleanup(c->curl);
	curl_slist_free_all(c->headers);
	free(c->endpoint);
	free(c->about_url);
	free(c->statements_url);
	free(c);
}

const char *
lrs_endpoint(const lrs *c)
{
	return c->endpoint;
}

static size_t
on_body(char *p, size_t size, size_t n, void *ud)
{
	lrs_answer *a = ud;
	size_t len = size * n, keep = len;

	if (a->len + keep > BODY_MAX)
		keep = BODY_MAX - a->len;
	if (keep) {
		a->body = xrealloc(a->body, a->len + keep + 1);
		memcpy(a->body + a->len, p, keep);
		a->len += keep;
		a->body[a->len] = '\0';
	}
	return len;
}

/* the words for a transfer that got no answer */
static void
no_answer(lrs *c, CURLcode rc, lrs_answer *a)
{
	const char *why;
	size_t len;

	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
		why = _("the LRS host name cannot be found (no network?)");
		break;
	case CURLE_COULDNT_CONNECT:
		why = _("the LRS cannot be reached (no network, or the LRS is down)");
		break;
	case CURLE_OPERATION_TIMEDOUT:
		why = _("the LRS did not answer in time");
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
		why = _("the LRS certificate cannot be verified (set ca_file: under lrs: "
		        "for an organisation's own certificate authority)");
		break;
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
		why = _("the connection to the LRS was cut");
		break;
	default:
		why = _("the LRS cannot be reached");
		break;
	}
	/* curl's own words name the host and the system error, never the
	 * password (it is not in the URL) */
	len = 0;
	str_append(a->error, sizeof a->error, &len, why);
	str_append(a->error, sizeof a->error, &len, " (");
	str_append(a->error, sizeof a->error, &len,
	           c->errbuf[0] ? c->errbuf : curl_easy_strerror(rc));
	str_append(a->error, sizeof a->error, &len, ")");
}

static int
perform(lrs *c, lrs_answer *a)
{
	CURLcode rc;
	curl_off_t wait = -1;

	c->errbuf[0] = '\0';
	curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, a);
	rc = curl_easy_perform(c->curl);
	if (rc != CURLE_OK) {
		no_answer(c, rc, a);
		a->status = 0;
		return -1;
	}
	curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &a->status);
	if (curl_easy_getinfo(c->curl, CURLINFO_RETRY_AFTER, &wait) == CURLE_OK && wait > 0)
		a->retry_after = (long)wait;
	return 0;
}

int
lrs_about(lrs *c, lrs_answer *a)
{
	memset(a, 0, sizeof *a);
	curl_easy_setopt(c->curl, CURLOPT_URL, c->about_url);
	curl_easy_setopt(c->curl, CURLOPT_HTTPGET, 1L);
	return perform(c, a);
}

int
lrs_post(lrs *c, const char *body, size_t len, lrs_answer *a)
{
	memset(a, 0, sizeof *a);
	curl_easy_setopt(c->curl, CURLOPT_URL, c->statements_url);
	curl_easy_setopt(c->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	return perform(c, a);
}

void
lrs_answer_free(lrs_answer *a)
{
	free(a->body);
	a->body = NULL;
	a->len = 0;
}
