/* lrs.h: talking to a learning record store over xAPI 1.0.3 (GET about,
 * POST statements), through libcurl. The only unit that includes
 * curl/curl.h. It knows HTTP and the xAPI headers, not the outbox: the
 * sync engine (sync.h) decides what to send and what an answer means. */
#ifndef LT_LRS_H
#define LT_LRS_H

#include <stddef.h>

typedef struct lrs lrs;

typedef struct {
	const char *endpoint;   /* the xAPI base, ending in '/' */
	const char *username;   /* Basic auth; NULL or "" for none */
	const char *password;
	const char *ca_file;    /* PEM bundle of an organisation's CA, or NULL */
	int insecure_http;      /* allow http:// to hosts other than loopback */
	long timeout_s;         /* connect, and longest silence while waiting */
} lrs_opts;

/* what one request got back */
typedef struct {
	long status;            /* HTTP status, 0 when there was no answer */
	long retry_after;       /* seconds the LRS asked us to wait, 0 none */
	char *body;             /* the answer (capped), NUL-terminated, malloc'd */
	size_t len;
	char error[256];        /* plain words when status is 0 */
} lrs_answer;

/* a client for o->endpoint, or NULL with a plain message in err: not an
 * http(s) address, or plain http to a host that is not this machine
 * without insecure_http. The strings in o are copied. */
lrs *lrs_new(const lrs_opts *o, char *err, size_t errsize);
void lrs_free(lrs *c);
/* the endpoint without its query or credentials, for messages */
const char *lrs_endpoint(const lrs *c);
/* GET about. 0 when an answer came (whatever its status), -1 when none
 * (a->error says why). */
int lrs_about(lrs *c, lrs_answer *a);
/* POST statements with body, a JSON array of statements, sent as it is.
 * Same return as lrs_about. */
int lrs_post(lrs *c, const char *body, size_t len, lrs_answer *a);
void lrs_answer_free(lrs_answer *a);

#endif
