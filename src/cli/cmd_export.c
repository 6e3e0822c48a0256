/* cmd_export.c: `lectern export`, the learning records for the
 * organisation.
 *
 *   --xapi FILE   every xAPI statement of the outbox as one JSON array
 *                 (--since and --learner narrow it down)
 *   --csv FILE    one row per learner and module (see docs/progress.md)
 *
 * FILE "-" is standard output. Otherwise the file is written beside its
 * final name, synced and renamed over it, so a cut power or a full disk
 * never leaves half an export where a complete one is expected. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "base/i18n.h"
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

typedef struct {
	const char *path;  /* as given */
	char *tmp;         /* the temporary file beside it, or NULL for "-" */
	FILE *fp;
} out_file;

static int
out_open(out_file *o, const char *path)
{
	o->path = path;
	o->tmp = NULL;
	if (strcmp(path, "-") == 0) {
		o->fp = stdout;
		return 0;
	}
	o->tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	if (!(o->fp = fopen(o->tmp, "w"))) {
		fprintf(stderr, _("lectern export: cannot write %s: %s\n"), path, strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	return 0;
}

/* finish the file: ok says everything was written. 0, or -1 (the
 * temporary file is then removed and the old FILE, if any, kept). */
static int
out_close(out_file *o, int ok)
{
	int err = 0;

	if (!o->tmp) {
		if (fflush(stdout) != 0)
			err = errno ? errno : EIO;
	} else {
		if (fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0)
			err = errno ? errno : EIO;
		if (fclose(o->fp) != 0 && !err)
			err = errno ? errno : EIO;
		if (ok && !err && rename(o->tmp, o->path) != 0)
			err = errno;
		if (!ok || err)
			unlink(o->tmp);
		free(o->tmp);
	}
	if (err)
		fprintf(stderr, _("lectern export: cannot write %s: %s\n"), o->path,
		        strerror(err));
	return ok && !err ? 0 : -1;
}

static int
export_xapi(rep_ctx *r, const char *file, const char *since, const char *learner)
{
	out_file o;
	char err[512];
	long n;

	if (out_open(&o, file) != 0)
		return 1;
	n = store_export_xapi(r->st, o.fp, since, learner, err, sizeof err);
	if (n < 0)
		fprintf(stderr, "lectern export: %s\n", err);
	if (out_close(&o, n >= 0) != 0)
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
	out_file o;
	store_summary *v;
	int n, ok;

	if (out_open(&o, file) != 0)
		return 1;
	v = rep_summaries(r, learner, &n);
	ok = rep_write_csv(o.fp, v, n) == 0;
	free(v);
	if (out_close(&o, ok) != 0)
		return 1;
	if (strcmp(file, "-") != 0)
		fprintf(stderr, ngettext("lectern export: %d row written to %s\n",
		                         "lectern export: %d rows written to %s\n",
		                         (unsigned long)n),
		        n, file);
	return 0;
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
	if ((rc = rep_open(&r, &o, "export")) != 0) {
		rep_close(&r);
		return rc;
	}
	if (xapi)
		rc = export_xapi(&r, xapi, since, learner);
	if (csv && rc == 0)
		rc = export_csv(&r, csv, learner);
	rep_close(&r);
	return rc;
}
