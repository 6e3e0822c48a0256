/* cmd_sync.c: `lectern sync`, sending the progress records to the
 * organisation's learning record store (the lrs: section of the config
 * file), and what a trainer needs around it:
 *
 *   lectern sync               send what waits, then exit
 *   lectern sync --auto        the same, unless the backoff after a failed
 *                              automatic attempt is not over (the timer and
 *                              the player use this)
 *   lectern sync --status      what waits and how the last runs went,
 *                              without touching the network
 *   lectern sync --prune DAYS  delete statements the LRS acknowledged more
 *                              than DAYS days ago
 *   lectern sync --retry-refused  put the statements the LRS refused back
 *                              to wait (after the LRS was fixed), and send
 *
 * The exit statuses (docs/lectern.1) let a script or the trainer menu tell
 * "try later" from "fix the settings". No credential is ever taken from the
 * command line or printed: they come from the config file. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "base/i18n.h"
#include "base/util.h"
#include "records/report.h"
#include "sync/sync.h"

/* the exit statuses, as documented */
enum {
	EXIT_DONE = 0,       /* nothing waits */
	EXIT_LOCAL = 1,      /* the progress file cannot be read or written */
	EXIT_USAGE = 2,      /* a bad option or setting, a wrong endpoint */
	EXIT_LATER = 3,      /* the LRS cannot be reached now: records wait */
	EXIT_AUTH = 4,       /* the LRS refused the credentials */
	EXIT_SET_ASIDE = 5,  /* sent, but the LRS refused some records */
	EXIT_BUSY = 6        /* another sync of this progress file is running */
};

enum { REFUSED_SHOWN = 20 };

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern sync [--auto] [OPTIONS]\n"
	                    "       lectern sync --status [OPTIONS]\n"
	                    "       lectern sync --prune DAYS [OPTIONS]\n"
	                    "Send the progress records to the learning record store set\n"
	                    "under lrs: in the config file.\n"
	                    "\n"
	                    "  --status           show what waits and how the last attempts\n"
	                    "                     went, without using the network\n"
	                    "  --auto             skip the run while an automatic retry is\n"
	                    "                     not yet due (for timers)\n"
	                    "  --prune DAYS       delete records the LRS acknowledged more\n"
	                    "                     than DAYS days ago\n"
	                    "  --retry-refused    send the records the LRS refused once more\n"
	                    "  --quiet            print only errors\n"
	                    "  --data-dir DIR     the progress data directory\n"
	                    "                     (default $XDG_DATA_HOME/lectern)\n"
	                    "  --config FILE      read settings from FILE\n"
	                    "  -h, --help         show this help\n"
	                    "\n"
	                    "Exit status: 0 nothing waits, 1 the progress file cannot be\n"
	                    "used, 2 bad option or settings, 3 the LRS cannot be reached\n"
	                    "(records wait), 4 the LRS refused the credentials, 5 the LRS\n"
	                    "refused some records (set aside), 6 another sync is running.\n"));
}

/* "2026-12-04T16:50:12.345Z" as "2026-12-04 16:50 UTC"; "" as "never" */
static const char *
when(const char *iso, char *buf, size_t size)
{
	if (!iso || !*iso)
		return _("never");
	snprintf(buf, size, "%.10s %.5s UTC", iso, strlen(iso) > 11 ? iso + 11 : "");
	return buf;
}

static const char *
when_epoch(long t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm) || !strftime(buf, size, "%Y-%m-%d %H:%M UTC", &tm))
		snprintf(buf, size, "%ld", t);
	return buf;
}

enum { ROWS_MAX = 10 };

/* label: value lines, the values lined up after the longest label (in
 * whatever language the labels are) */
typedef struct {
	const char *label[ROWS_MAX];
	char value[ROWS_MAX][512];
	int n;
} rows;

static void
row(rows *t, const char *label, const char *value)
{
	if (t->n < ROWS_MAX) {
		t->label[t->n] = label;
		snprintf(t->value[t->n++], sizeof t->value[0], "%s", value);
	}
}

static void
rows_print(const rows *t)
{
	int i, w = 0;

	for (i = 0; i < t->n; i++)
		if (utf8_chars(t->label[i]) > w)
			w = utf8_chars(t->label[i]);
	for (i = 0; i < t->n; i++)
		printf("%s%*s%s\n", t->label[i], w - utf8_chars(t->label[i]) + 2, "", t->value[i]);
}

static int
show_status(rep_ctx *r)
{
	store_sync_state s;
	store_refused v[REFUSED_SHOWN];
	char num[64], t[64];
	rows tab = { 0 };
	int n, i;

	if (store_sync_state_get(r->st, &s) != 0) {
		fprintf(stderr, "%s\n", _("lectern sync: the progress file cannot be read"));
		return EXIT_LOCAL;
	}
	row(&tab, _("Learning record store:"), r->cfg.lrs_endpoint ? r->cfg.lrs_endpoint
	                                                           : _("none configured"));
	snprintf(num, sizeof num, "%ld", s.waiting);
	row(&tab, _("Records waiting:"), num);
	snprintf(num, sizeof num, "%ld", s.set_aside);
	row(&tab, _("Refused by the LRS:"), num);
	snprintf(num, sizeof num, "%ld", s.acked);
	row(&tab, _("Acknowledged (kept):"), num);
	row(&tab, _("Last attempt:"), when(s.last_attempt, t, sizeof t));
	row(&tab, _("Last success:"), when(s.last_ok, t, sizeof t));
	row(&tab, _("Last acknowledged:"), when(s.last_ack, t, sizeof t));
	row(&tab, _("Last error:"), s.last_error[0] ? s.last_error : _("none"));
	if (s.not_before > (long)time(NULL))
		row(&tab, _("Next automatic attempt:"), when_epoch(s.not_before, t, sizeof t));
	rows_print(&tab);
	n = store_outbox_refused(r->st, REFUSED_SHOWN, v);
	if (n > 0) {
		printf("\n%s\n", _("Refused records (kept; `lectern export --xapi` includes "
		                   "them):"));
		for (i = 0; i < n; i++)
			printf("  %s  %s  %s  %s  %s\n", v[i].id, v[i].learner, v[i].verb,
			       when(v[i].at, t, sizeof t), v[i].reason);
		if (s.set_aside > n)
			printf(_("  ... and %ld more\n"), s.set_aside - n);
	}
	return fflush(stdout) == 0 ? EXIT_DONE : EXIT_LOCAL;
}

static int
prune(rep_ctx *r, const char *days_s, int quiet)
{
	char *end;
	long days = strtol(days_s, &end, 10);
	long n;

	if (end == days_s || *end || days < 0 || days > 36500) {
		fprintf(stderr, _("lectern sync: --prune: a number of days, not \"%s\"\n"), days_s);
		return EXIT_USAGE;
	}
	if ((n = store_outbox_prune(r->st, (int)days)) < 0) {
		fprintf(stderr, "%s\n", _("lectern sync: the progress file cannot be written"));
		return EXIT_LOCAL;
	}
	if (!quiet)
		printf(_("Deleted %ld records the LRS acknowledged more than %ld days ago.\n"), n,
		       days);
	return EXIT_DONE;
}

/* a line that rewrites itself on a terminal */
static void
on_progress(void *ud, long sent, long waiting)
{
	(void)ud;
	fputc('\r', stderr);
	fprintf(stderr, _("sent %ld, %ld waiting "), sent, waiting < 0 ? 0 : waiting);
}

static int
exit_status(int outcome)
{
	switch (outcome) {
	case SYNC_DONE: return EXIT_DONE;
	case SYNC_SET_ASIDE: return EXIT_SET_ASIDE;
	case SYNC_LATER: return EXIT_LATER;
	case SYNC_AUTH: return EXIT_AUTH;
	case SYNC_CONFIG: return EXIT_USAGE;
	case SYNC_BUSY: return EXIT_BUSY;
	case SYNC_WAITING: return EXIT_DONE;
	default: return EXIT_LOCAL;
	}
}

static int
run(rep_ctx *r, int automatic, int quiet)
{
	sync_opts o = { &r->cfg, automatic, NULL, NULL };
	sync_result res;
	char t[64];
	int tty = !quiet && isatty(2);

	if (tty)
		o.progress = on_progress;
	sync_run(r->st, &o, &res);
	if (tty && res.outcome != SYNC_CONFIG && res.outcome != SYNC_BUSY)
		fputc('\n', stderr);
	switch (res.outcome) {
	case SYNC_DONE:
	case SYNC_SET_ASIDE:
		if (!quiet)
			printf(_("Sent %ld records to the LRS; %ld refused, %ld waiting.\n"),
			       res.sent, res.set_aside, res.waiting);
		if (res.outcome == SYNC_SET_ASIDE)
			fprintf(stderr, "%s\n", _("lectern sync: the LRS refused some records; "
			                          "`lectern sync --status` lists them"));
		break;
	case SYNC_WAITING:
		if (!quiet)
			printf(_("Not yet: %s (next attempt after %s).\n"), res.message,
			       when_epoch(res.retry_at, t, sizeof t));
		break;
	default:
		fprintf(stderr, "lectern sync: %s\n", res.message);
		if (res.sent && !quiet)
			printf(_("Sent %ld records to the LRS before stopping; %ld waiting.\n"),
			       res.sent, res.waiting);
		break;
	}
	return exit_status(res.outcome);
}

int
cmd_sync(int argc, char **argv)
{
	rep_opts o = { 0 };
	rep_ctx r;
	const char *prune_days = NULL;
	int status = 0, automatic = 0, quiet = 0, retry = 0, i, rc;

	i18n_init(NULL);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **val = !strcmp(a, "--data-dir") ? &o.data_dir
		                   : !strcmp(a, "--config") ? &o.config
		                   : !strcmp(a, "--prune") ? &prune_days : NULL;

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return EXIT_DONE;
		} else if (!strcmp(a, "--status")) {
			status = 1;
		} else if (!strcmp(a, "--auto")) {
			automatic = 1;
		} else if (!strcmp(a, "--quiet")) {
			quiet = 1;
		} else if (!strcmp(a, "--retry-refused")) {
			retry = 1;
		} else if (val) {
			if (i + 1 >= argc || !*argv[i + 1]) {
				fprintf(stderr, _("lectern sync: %s needs a value\n"), a);
				return EXIT_USAGE;
			}
			*val = argv[++i];
		} else {
			fprintf(stderr, _("lectern sync: unknown option %s\n"), a);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (status + (prune_days != NULL) + automatic + retry > 1) {
		fprintf(stderr, "%s\n", _("lectern sync: use one of --status, --prune, "
		                          "--retry-refused and --auto"));
		return EXIT_USAGE;
	}
	if ((rc = rep_open(&r, &o, "sync")) != 0) {
		rep_close(&r);
		return rc == 2 ? EXIT_USAGE : EXIT_LOCAL;
	}
	if (status)
		rc = show_status(&r);
	else if (prune_days)
		rc = prune(&r, prune_days, quiet);
	else if (retry && store_outbox_requeue(r.st, 0, LONG_MAX) < 0) {
		fprintf(stderr, "%s\n", _("lectern sync: the progress file cannot be written"));
		rc = EXIT_LOCAL;
	} else
		rc = run(&r, automatic, quiet);
	rep_close(&r);
	if (fflush(stdout) != 0 && rc == EXIT_DONE)
		rc = EXIT_LOCAL;
	return rc;
}
