/* cmd_export.c: `lectern export`, the learning records for the
 * organisation.
 *
 *   --xapi FILE   every xAPI statement of the outbox as one JSON array
 *                 (--since and --learner narrow it down)
 *   --csv FILE    one row per learner and module (see docs/progress.md)
 *
 * FILE "-" is standard output. A regular file (or a new one) is written
 * beside its final name, synced and renamed over it, so a cut power or a
 * full disk never leaves half an export where a complete one is expected;
 * a device or a pipe (/dev/stdout, a FIFO) is written through, never
 * replaced (base/safefile.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cmd.h"
#include "base/clean.h"
#include "base/i18n.h"
#include "base/safefile.h"
#include "records/report.h"
#include "base/util.h"

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern export --xapi FILE [--since TIME] [--learner NAME]\n"
	                    "       lectern export --csv FILE [--learner NAME]\n"
	                    "Write the progress records for a learning record store or a\n"
	                    "spreadsheet. FILE - is standard output.\n"
	                    "\n"
	                    "  --xapi FILE        xAPI statements, as one JSON array\n"
	                    "  --csv FILE         one row per learner and module\n"
	                    "  --since TIME       only statements from TIME on (2024-05-31 or\n"
	                    "                     2024-05-31T14:00:00Z; UTC unless it says)\n"
	                    "  --learner NAME     only this learner\n"
	                    "  --data-dir DIR     the progress data directory\n"
	                    "                     (default $XDG_DATA_HOME/lectern)\n"
	                    "  --modules DIR      where to find the modules (CSV totals)\n"
	                    "  --config FILE      read settings from FILE\n"
	                    "  -h, --help         show this help\n"));
}

static int
out_open(sf_out *o, const char *path)
{
	char err[300];

	/* 0600 like the database: the records name people */
	if (sf_out_open(o, path, 0600, err, sizeof err) != 0) {
		char *vis = clean_visible(path);

		fprintf(stderr, _("lectern export: cannot write %s: %s\n"), vis, err);
		free(vis);
		return -1;
	}
	return 0;
}

/* finish the file: ok says everything was written. 0, or -1 (a temporary
 * file is then removed and the old file, if any, kept). */
static int
out_close(sf_out *o, const char *path, int ok)
{
	char err[300];

	if (sf_out_close(o, ok, err, sizeof err) == 0)
		return 0;
	if (ok) {
		char *vis = clean_visible(path);

		fprintf(stderr, _("lectern export: cannot write %s: %s\n"), vis, err);
		free(vis);
	}
	return -1;
}

static int
export_xapi(rep_ctx *r, const char *file, const char *since, const char *learner)
{
	sf_out o;
	char err[512];
	long n;

	if (out_open(&o, file) != 0)
		return 1;
	n = store_export_xapi(r->st, o.fp, since, learner, err, sizeof err);
	if (n < 0)
		fprintf(stderr, "lectern export: %s\n", err);
	if (out_close(&o, file, n >= 0) != 0)
		return 1;
	if (strcmp(file, "-") != 0)
		fprintf(stderr, ngettext("lectern export: %ld statement written to %s\n",
		                         "lectern export: %ld statements written to %s\n",
		                         (unsigned long)n),
		        n, file);
	return 0;
}

static int
export_csv(rep_ctx *r, const char *file, const char *learner)
{
	sf_out o;
	store_summary *v;
	int n, ok;

	if (out_open(&o, file) != 0)
		return 1;
	v = rep_summaries(r, learner, &n);
	ok = rep_write_csv(o.fp, v, n) == 0;
	free(v);
	if (out_close(&o, file, ok) != 0)
		return 1;
	if (strcmp(file, "-") != 0)
		fprintf(stderr, ngettext("lectern export: %d row written to %s\n",
		                         "lectern export: %d rows written to %s\n",
		                         (unsigned long)n),
		        n, file);
	return 0;
}

/* is there a learner of that name? (an export for a misspelt name was
 * an empty file and exit status 0) */
static int
has_learner(store *st, const char *name)
{
	int n, i, found = 0;
	char **names = store_learners(st, &n);

	for (i = 0; i < n && !found; i++)
		found = strcmp(names[i], name) == 0;
	store_free_names(names, n);
	return found;
}

/* do a and b name one file (the same name, or the same existing file)? */
static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (strcmp(a, b) == 0)
		return 1;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino && S_ISREG(sa.st_mode);
}

int
cmd_export(int argc, char **argv)
{
	rep_opts o = { 0 };
	rep_ctx r;
	const char *xapi = NULL, *csv = NULL, *since = NULL, *learner = NULL;
	int rc;
	const rep_arg args[] = {
		{ "--xapi", &xapi }, { "--csv", &csv }, { "--since", &since },
		{ "--learner", &learner }, { "--data-dir", &o.data_dir },
		{ "--modules", &o.modules }, { "--config", &o.config }, { NULL, NULL },
	};
	rep_argspec spec = { args, 0, NULL, NULL, usage };

	i18n_init(NULL);
	spec.unknown = _("lectern export: unknown option %s\n");
	spec.no_value = _("lectern export: %s needs a value\n");
	if ((rc = rep_parse_args(argc, argv, &spec)) >= 0)
		return rc;
	if (!xapi && !csv) {
		fprintf(stderr, "%s", _("lectern export: say what to write: --xapi FILE or "
		                        "--csv FILE\n"));
		usage(stderr);
		return 2;
	}
	if (since && !xapi) {
		fprintf(stderr, "%s", _("lectern export: --since applies to --xapi only\n"));
		return 2;
	}
	if (xapi && csv && !strcmp(xapi, "-") && !strcmp(csv, "-")) {
		fprintf(stderr, "%s", _("lectern export: only one of --xapi and --csv can "
		                        "go to standard output\n"));
		return 2;
	}
	if (xapi && csv && same_file(xapi, csv)) {
		fprintf(stderr, "%s", _("lectern export: --xapi and --csv name the same "
		                        "file; give each its own\n"));
		return 2;
	}
	if ((rc = rep_open(&r, &o, "export")) != 0) {
		rep_close(&r);
		return rc;
	}
	if (learner && !has_learner(r.st, learner)) {
		char *vis = clean_visible(learner);

		fprintf(stderr, _("lectern export: no learner named \"%s\" in %s\n"),
		        vis, store_path(r.st));
		free(vis);
		rep_close(&r);
		return 1;
	}
	if (xapi)
		rc = export_xapi(&r, xapi, since, learner);
	if (csv && rc == 0)
		rc = export_csv(&r, csv, learner);
	rep_close(&r);
	return rc;
}
