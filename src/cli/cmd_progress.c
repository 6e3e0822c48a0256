/* cmd_progress.c: `lectern progress`, every learner's progress in every
 * module, for a person (an aligned table, then how many records wait for
 * the learning record store when one is set up) or a program (the same
 * CSV as `lectern export --csv`). Reading progress never changes it; a damaged
 * database is recovered the same way the player does it, and the warning
 * is printed on stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "base/clean.h"
#include "base/i18n.h"
#include "records/report.h"
#include "base/util.h"

enum { NCOLS = 9 };

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern progress [OPTIONS]\n"
	                    "Show each learner's progress in each module.\n"
	                    "\n"
	                    "  --learner NAME        only this learner\n"
	                    "  --format table|csv    a table for people (default) or CSV\n"
	                    "  --data-dir DIR        the progress data directory\n"
	                    "                        (default $XDG_DATA_HOME/lectern)\n"
	                    "  --modules DIR         where to find the modules (for totals)\n"
	                    "  --config FILE         read settings from FILE\n"
	                    "  -h, --help            show this help\n"));
}

/* the best finished outcome over every attempt, "passed 70%", or "-":
 * a retake under way resets the status, never this. */
static void
best(const store_summary *s, char *buf, size_t size)
{
	char pct[32];

	if (s->best_status == ST_NOT_STARTED) {
		snprintf(buf, size, "-");
		return;
	}
	if (s->best_score < 0) {
		snprintf(buf, size, "%s", rep_status_words(s->best_status));
		return;
	}
	i18n_format_percent(s->best_score, pct, sizeof pct);
	/* TRANSLATORS: best result in `lectern progress`, "passed 70%" */
	snprintf(buf, size, _("%s %s"), rep_status_words(s->best_status), pct);
}

static void
cell(const char *s, int w, int last)
{
	int pad = w - utf8_chars(s);

	fputs(s, stdout);
	if (!last)
		printf("%*s", pad + 2, "");
}

/* s made safe for a terminal (base/clean.h), into buf */
static void
visible_into(char *buf, size_t size, const char *s)
{
	char *vis = clean_visible(s);

	snprintf(buf, size, "%s", vis);
	free(vis);
}

static void
print_table(const store_summary *v, int n)
{
	const char *head[NCOLS] = { _("Learner"), _("Module"), _("Status"), _("Score"),
	                            _("Best"), _("Attempts"), _("Slides"), _("Questions"),
	                            _("Time") };
	char (*txt)[NCOLS][160] = xcalloc((size_t)n, sizeof *txt);
	int w[NCOLS], i, c;

	for (i = 0; i < n; i++) {
		const store_summary *s = &v[i];
		long t = s->time_spent_s;

		/* names and ids come from people and files: escaped, never raw */
		visible_into(txt[i][0], sizeof txt[i][0], s->learner);
		visible_into(txt[i][1], sizeof txt[i][1], s->module_id);
		snprintf(txt[i][2], sizeof txt[i][2], "%s", rep_status_words(s->status));
		if (s->score >= 0)
			i18n_format_percent(s->score, txt[i][3], sizeof txt[i][3]);
		else
			snprintf(txt[i][3], sizeof txt[i][3], "-");
		best(s, txt[i][4], sizeof txt[i][4]);
		snprintf(txt[i][5], sizeof txt[i][5], "%d", s->attempts);
		snprintf(txt[i][6], sizeof txt[i][6], "%d/%d", s->slides_seen, s->slides_total);
		snprintf(txt[i][7], sizeof txt[i][7], "%d/%d", s->questions_answered,
		         s->questions_total);
		rep_duration(t, txt[i][8], sizeof txt[i][8]);
	}
	for (c = 0; c < NCOLS; c++) {
		w[c] = utf8_chars(head[c]);
		for (i = 0; i < n; i++)
			if (utf8_chars(txt[i][c]) > w[c])
				w[c] = utf8_chars(txt[i][c]);
	}
	for (c = 0; c < NCOLS; c++)
		cell(head[c], w[c], c == NCOLS - 1);
	putchar('\n');
	for (i = 0; i < n; i++) {
		for (c = 0; c < NCOLS; c++)
			cell(txt[i][c], w[c], c == NCOLS - 1);
		putchar('\n');
	}
	free(txt);
}

/* one line under the table: what waits for the LRS (lectern sync) */
static void
print_records(rep_ctx *r)
{
	store_sync_state s;

	if (!r->cfg.lrs_endpoint || store_sync_state_get(r->st, &s) != 0)
		return;
	if (s.last_ack[0])
		printf(_("\nRecords waiting for the LRS: %ld (refused: %ld); last acknowledged "
		         "%.10s %.5s UTC.\n"), s.waiting, s.set_aside, s.last_ack, s.last_ack + 11);
	else
		printf(_("\nRecords waiting for the LRS: %ld (refused: %ld); none acknowledged "
		         "yet.\n"), s.waiting, s.set_aside);
}

int
cmd_progress(int argc, char **argv)
{
	rep_opts o = { 0 };
	rep_ctx r;
	const char *learner = NULL, *format = "table";
	store_summary *v;
	int n, rc;
	const rep_arg args[] = {
		{ "--learner", &learner }, { "--format", &format },
		{ "--data-dir", &o.data_dir }, { "--modules", &o.modules },
		{ "--config", &o.config }, { NULL, NULL },
	};
	rep_argspec spec = { args, 1, NULL, NULL, usage };

	i18n_init(NULL);
	spec.unknown = _("lectern progress: unknown option %s\n");
	spec.no_value = _("lectern progress: %s needs a value\n");
	if ((rc = rep_parse_args(argc, argv, &spec)) >= 0)
		return rc;
	if (strcmp(format, "table") != 0 && strcmp(format, "csv") != 0) {
		fprintf(stderr, _("lectern progress: --format: table or csv, not \"%s\"\n"),
		        format);
		return 2;
	}
	if ((rc = rep_open(&r, &o, "progress")) != 0) {
		rep_close(&r);
		return rc;
	}
	v = rep_summaries(&r, learner, &n);
	if (strcmp(format, "csv") == 0) {
		rc = rep_write_csv(stdout, v, n) == 0 ? 0 : 1;
	} else if (n == 0) {
		if (learner) {
			char *vis = clean_visible(learner);

			printf(_("No progress recorded for %s yet.\n"), vis);
			free(vis);
		}
		else
			printf("%s\n", _("No progress recorded yet."));
	} else {
		print_table(v, n);
	}
	if (strcmp(format, "table") == 0)
		print_records(&r);
	free(v);
	rep_close(&r);
	if (fflush(stdout) != 0)
		rc = 1;
	return rc;
}
