/* sync.c: one run of sending the outbox to the LRS (see sync.h).
 *
 * The run: take the database's sync lock (flock on progress.db.sync-lock,
 * which the kernel drops when a run is killed), check the endpoint with
 * GET about, then read the waiting statements `batch` at a time, oldest
 * first, and POST each batch as the JSON array of their stored texts. Only
 * the batch in hand is in memory, so a run over 10,000 statements uses as
 * much as a run over 100.
 *
 * An answer to a batch:
 *   2xx with ids      the statements whose ids came back are marked (an
 *                     answer that leaves any out stops the run: later);
 *   400, 409, 413     split in halves and send each, down to single
 *                     statements, which are set aside with the LRS's words
 *                     (a 409 names an id the LRS holds with other content);
 *   401, 403          stop: the credentials are wrong (SYNC_AUTH);
 *   429, 5xx, none    stop: try later, after Retry-After if given;
 *   anything else     stop: the endpoint is not an xAPI LRS (SYNC_CONFIG).
 * When the LRS refuses every statement of a whole batch one by one, the
 * fault is the LRS's or its address's, not the records': they are put back
 * to wait and the run stops (SYNC_CONFIG) rather than set everything aside.
 * Every stop that is not SYNC_DONE counts as a failure for the backoff that
 * automatic runs (the timer, the player) honour; a person's run does not
 * wait for it. */
#include "sync.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/util.h"
#include "lrs.h"

enum {
	TIMEOUT_S = 30,          /* connect, or silence in the middle of a request */
	BACKOFF_MIN_S = 60,
	BACKOFF_MAX_S = 6 * 3600,
	REASON_MAX = 200         /* of the LRS's words kept with a refused statement */
};

typedef struct {
	store *st;
	lrs *client;
	const sync_opts *o;
	sync_result *r;
	long waiting0;           /* waiting when the run started */
	int stop;                /* an answer ended the run: r->outcome says how */
	long retry_after;        /* the LRS's Retry-After, seconds */
	char last_refusal[REASON_MAX + 32]; /* the LRS's words for the last refused one */
} run_ctx;

/* ------------------------------------------------------------ small JSON */

/* copy the JSON string at p (after its opening quote) into out, unescaped
 * enough for messages; returns the position after the closing quote. */
static const char *
json_string(const char *p, char *out, size_t size)
{
	size_t n = 0;

	for (; *p && *p != '"'; p++) {
		char ch = *p;

		if (ch == '\\' && p[1]) {
			p++;
			ch = *p == 'n' || *p == 't' || *p == 'r' ? ' ' : *p;
			if (*p == 'u') { /* \uXXXX: not needed in an id or a reason */
				ch = '?';
				p += strspn(p + 1, "0123456789abcdefABCDEF") > 3 ? 4 : 0;
			}
		}
		if ((unsigned char)ch < ' ')
			ch = ' ';
		if (n + 1 < size)
			out[n++] = ch;
	}
	if (size)
		out[n] = '\0';
	return *p ? p + 1 : p;
}

/* the "message" member of an LRS error answer, or the start of the body */
static void
answer_words(const lrs_answer *a, char *out, size_t size)
{
	const char *p = a->body ? strstr(a->body, "\"message\"") : NULL;

	out[0] = '\0';
	if (p) {
		p += strlen("\"message\"");
		p += strspn(p, " \t\r\n");
		if (*p == ':') {
			p++;
			p += strspn(p, " \t\r\n");
			if (*p == '"') {
				json_string(p + 1, out, size);
				return;
			}
		}
	}
	if (a->body)
		json_string(a->body, out, size < 120 ? size : 120);
}

/* mark v[i].seq for every id in the JSON array body; returns how many of
 * v were acknowledged. acked[] gets the seqs. */
static int
acked_ids(const char *body, const store_stmt *v, int n, long *acked)
{
	const char *p = body ? strchr(body, '[') : NULL;
	char id[64];
	int k = 0, i;

	if (!p)
		return 0;
	for (p++; *p;) {
		p += strspn(p, " \t\r\n,");
		if (*p != '"')
			break;
		p = json_string(p + 1, id, sizeof id);
		for (i = 0; i < n; i++)
			if (strcmp(v[i].id, id) == 0 && v[i].seq > 0) {
				acked[k++] = v[i].seq;
				break;
			}
	}
	return k;
}

/* ------------------------------------------------------------ sending */

static void
stop(run_ctx *x, int outcome, const char *fmt, ...) LT_PRINTF(3, 4);

static void
stop(run_ctx *x, int outcome, const char *fmt, ...)
{
	va_list ap;

	x->stop = 1;
	x->r->outcome = outcome;
	va_start(ap, fmt);
	vsnprintf(x->r->message, sizeof x->r->message, fmt, ap);
	va_end(ap);
}

/* answers that mean the same whether GET about or a POST got them */
static void
no_credentials(run_ctx *x, long status)
{
	stop(x, SYNC_AUTH, _("the LRS at %s refused the user name and password "
	                     "(HTTP %ld): check username: and the password under lrs:"),
	     lrs_endpoint(x->client), status);
}

static void
busy(run_ctx *x, const lrs_answer *a)
{
	char words[REASON_MAX + 1];

	answer_words(a, words, sizeof words);
	x->retry_after = a->retry_after;
	stop(x, SYNC_LATER, _("the LRS is busy or failing (HTTP %ld%s%s): trying again later"),
	     a->status, words[0] ? ": " : "", words);
}

/* the JSON array of v[0..n), the stored texts joined as they are */
static char *
batch_body(const store_stmt *v, int n, size_t *len)
{
	size_t size = 2, at = 0;
	char *b;
	int i;

	for (i = 0; i < n; i++)
		size += v[i].len + 1;
	b = xmalloc(size + 1);
	b[at++] = '[';
	for (i = 0; i < n; i++) {
		if (i)
			b[at++] = ',';
		memcpy(b + at, v[i].json, v[i].len);
		at += v[i].len;
	}
	b[at++] = ']';
	b[at] = '\0';
	*len = at;
	return b;
}

/* send v[0..n); split it when the LRS refuses its content. */
static void
send_some(run_ctx *x, store_stmt *v, int n)
{
	lrs_answer a;
	size_t len;
	char *body = batch_body(v, n, &len), words[REASON_MAX + 1];
	long *acked;
	int k;

	lrs_post(x->client, body, len, &a);
	free(body);
	if (a.status == 0) {
		stop(x, SYNC_LATER, "%s", a.error);
	} else if (a.status >= 200 && a.status < 300) {
		acked = xmalloc((size_t)n * sizeof *acked);
		k = acked_ids(a.body, v, n, acked);
		if (k > 0 && store_outbox_ack(x->st, acked, k) != 0)
			stop(x, SYNC_LOCAL, _("the LRS took %d records but the progress file "
			                      "cannot be written: they will be sent again"), k);
		else
			x->r->sent += k;
		/* an LRS that answers without the ids is not to be trusted with
		 * more now */
		if (!x->stop && k < n)
			stop(x, SYNC_LATER, _("the LRS answered without acknowledging %ld records: "
			                      "they will be sent again"), (long)(n - k));
		free(acked);
	} else if (a.status == 400 || a.status == 409 || a.status == 413) {
		if (n > 1) {
			send_some(x, v, n / 2);
			if (!x->stop)
				send_some(x, v + n / 2, n - n / 2);
		} else {
			char reason[REASON_MAX + 32];

			answer_words(&a, words, sizeof words);
			snprintf(reason, sizeof reason, "HTTP %ld: %s", a.status, words);
			snprintf(x->last_refusal, sizeof x->last_refusal, "%s", reason);
			if (store_outbox_set_aside(x->st, v[0].seq, reason) != 0)
				stop(x, SYNC_LOCAL, "%s", _("the progress file cannot be written"));
			else
				x->r->set_aside++;
		}
	} else if (a.status == 401 || a.status == 403) {
		no_credentials(x, a.status);
	} else if (a.status == 429 || a.status >= 500) {
		busy(x, &a);
	} else {
		stop(x, SYNC_CONFIG, _("%sstatements answered HTTP %ld: is the endpoint the "
		                       "LRS's xAPI base address?"),
		     lrs_endpoint(x->client), a.status);
	}
	lrs_answer_free(&a);
}

/* GET about: is this an xAPI LRS, and is it there? */
static void
check_about(run_ctx *x)
{
	lrs_answer a;

	lrs_about(x->client, &a);
	if (a.status == 0)
		stop(x, SYNC_LATER, "%s", a.error);
	else if (a.status == 401 || a.status == 403)
		no_credentials(x, a.status);
	else if (a.status == 429 || a.status >= 500)
		busy(x, &a);
	else if (a.status != 200 || !a.body || !strstr(a.body, "\"version\""))
		stop(x, SYNC_CONFIG, _("%s is not an xAPI LRS (GET about answered HTTP %ld): "
		                       "the endpoint must be the xAPI base address, such as "
		                       "https://lrs.example.org/xAPI/"),
		     lrs_endpoint(x->client), a.status);
	lrs_answer_free(&a);
}

static void
send_all(run_ctx *x)
{
	int batch = x->o->cfg->lrs_batch > 0 ? x->o->cfg->lrs_batch : CFG_BATCH_DEFAULT;
	store_stmt *v = xcalloc((size_t)batch, sizeof *v);
	long after = 0, refused;
	int n;

	while (!x->stop && (n = store_outbox_waiting(x->st, after, batch, v)) != 0) {
		if (n < 0) {
			stop(x, SYNC_LOCAL, "%s", _("the progress file cannot be read"));
			break;
		}
		after = v[n - 1].seq;
		refused = x->r->set_aside;
		send_some(x, v, n);
		if (n > 1 && x->r->set_aside - refused == n) {
			store_outbox_requeue(x->st, v[0].seq, v[n - 1].seq);
			x->r->set_aside = refused;
			stop(x, SYNC_CONFIG, _("the LRS refused every record of a batch (%s): that "
			                       "is the LRS or its address, not the records, so "
			                       "none was set aside"), x->last_refusal);
		}
		store_stmts_free(v, n);
		if (x->o->progress)
			x->o->progress(x->o->ud, x->r->sent,
			               x->waiting0 - x->r->sent - x->r->set_aside);
	}
	free(v);
}

/* ------------------------------------------------------------ the run */

long
sync_backoff(int failures, long retry_after, double rnd)
{
	long d = BACKOFF_MIN_S;
	int i;

	for (i = 1; i < failures && d < BACKOFF_MAX_S; i++)
		d *= 2;
	if (d > BACKOFF_MAX_S)
		d = BACKOFF_MAX_S;
	/* jitter: many classrooms that lost the same link do not all come
	 * back in the same second */
	d = d / 2 + (long)(rnd * (double)(d / 2));
	return d > retry_after ? d : retry_after;
}

int
sync_secret(const cfg_config *cfg, char *buf, size_t size, char *err, size_t errsize)
{
	struct stat sb;
	FILE *fp;

	buf[0] = '\0';
	if (cfg->lrs_password) {
		snprintf(buf, size, "%s", cfg->lrs_password);
		return 0;
	}
	if (!cfg->lrs_password_file)
		return 0; /* an LRS without a password (or the key alone) */
	if (!(fp = fopen(cfg->lrs_password_file, "r"))) {
		snprintf(err, errsize, _("cannot read the LRS password file %s: %s"),
		         cfg->lrs_password_file, strerror(errno));
		return -1;
	}
	/* a group (lectern's users) may read it; everyone may not */
	if (fstat(fileno(fp), &sb) == 0 && (sb.st_mode & S_IROTH)) {
		fclose(fp);
		snprintf(err, errsize, _("the LRS password file %s can be read by every user "
		                         "of this computer: chmod o-r %s"),
		         cfg->lrs_password_file, cfg->lrs_password_file);
		return -1;
	}
	if (!fgets(buf, (int)size, fp))
		buf[0] = '\0';
	fclose(fp);
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

/* hold the sync lock of st's database: an fd, -1 when another run has it,
 * -2 when the lock file cannot be made. */
static int
take_lock(store *st)
{
	char *path = xasprintf("%s.sync-lock", store_path(st));
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

	free(path);
	if (fd < 0)
		return -2;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* record how the run ended, and when an automatic one may try again */
static void
finish(run_ctx *x, const store_sync_state *before)
{
	sync_result *r = x->r;
	store_sync_state now;

	if (store_sync_state_get(x->st, &now) == 0)
		r->waiting = now.waiting;
	if (r->outcome == SYNC_DONE && r->set_aside)
		r->outcome = SYNC_SET_ASIDE;
	if (r->outcome == SYNC_DONE || r->outcome == SYNC_SET_ASIDE) {
		store_sync_result(x->st, NULL, 0, 0);
		return;
	}
	if (r->outcome == SYNC_LOCAL)
		return; /* nothing can be recorded, or it was not the LRS */
	r->retry_at = (long)time(NULL) +
	              sync_backoff(before->failures + 1, x->retry_after,
	                           (double)rand() / ((double)RAND_MAX + 1.0));
	store_sync_result(x->st, r->message, before->failures + 1, r->retry_at);
}

int
sync_run(store *st, const sync_opts *o, sync_result *r)
{
	const cfg_config *cfg = o->cfg;
	run_ctx x = { .st = st, .o = o, .r = r };
	store_sync_state before;
	char secret[1024], err[512];
	lrs_opts lo = { 0 };
	int lock;

	memset(r, 0, sizeof *r);
	if (!cfg->lrs_endpoint) {
		stop(&x, SYNC_CONFIG, "%s", _("no LRS is configured: add an lrs: section with "
		                              "endpoint: to the config file"));
		return r->outcome;
	}
	if (!store_is_saving(st) || store_sync_state_get(st, &before) != 0) {
		stop(&x, SYNC_LOCAL, "%s", _("the progress file cannot be written, so nothing "
		                             "is sent (it could not be marked as sent)"));
		return r->outcome;
	}
	r->waiting = x.waiting0 = before.waiting;
	if ((lock = take_lock(st)) < 0) {
		stop(&x, lock == -1 ? SYNC_BUSY : SYNC_LOCAL, "%s",
		     lock == -1 ? _("another sync of this progress file is running")
		                : _("the sync lock file cannot be created"));
		return r->outcome;
	}
	if (o->automatic && before.not_before > (long)time(NULL)) {
		r->retry_at = before.not_before;
		stop(&x, SYNC_WAITING, "%s", _("the last attempt failed; the next automatic "
		                               "one waits a little longer"));
		close(lock);
		return r->outcome;
	}
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	store_sync_attempt(st);
	/* from here on, how it ends is recorded (--status, the trainer menu) */
	if (sync_secret(cfg, secret, sizeof secret, err, sizeof err) != 0) {
		stop(&x, SYNC_CONFIG, "%s", err);
		goto out;
	}
	lo.endpoint = cfg->lrs_endpoint;
	lo.username = cfg->lrs_username;
	lo.password = secret;
	lo.ca_file = cfg->lrs_ca_file;
	lo.insecure_http = cfg->lrs_insecure_http;
	lo.timeout_s = cfg->lrs_timeout_seconds > 0 ? cfg->lrs_timeout_seconds : TIMEOUT_S;
	x.client = lrs_new(&lo, err, sizeof err);
	/* curl keeps its own copy; ours goes now */
	memset(secret, 0, sizeof secret);
	if (!x.client) {
		stop(&x, SYNC_CONFIG, "%s", err);
		goto out;
	}
	check_about(&x);
	if (!x.stop)
		send_all(&x);
	if (!x.stop)
		r->outcome = SYNC_DONE;
out:
	finish(&x, &before);
	lrs_free(x.client);
	close(lock);
	return r->outcome;
}
