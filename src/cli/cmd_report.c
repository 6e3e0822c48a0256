/* cmd_report.c: `lectern report`, the class report for trainers.
 *
 *   lectern report [--module ID] [--learner NAME] [--since DATE] -o report.html
 *   lectern report --csv [...] -o PREFIX
 *
 * The HTML page is one self-contained file (records/classrep_html.c). With
 * --csv the same numbers go to PREFIX-modules.csv, PREFIX-learners.csv,
 * PREFIX-questions.csv and PREFIX-options.csv (a trailing .csv on PREFIX
 * is dropped). Every file is written whole or not at all (sf_out). Reading
 * progress never changes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/safefile.h"
#include "base/util.h"
#include "cmd.h"
#include "records/classrep.h"
#include "records/report.h"

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern report [OPTIONS] -o FILE\n"
	                    "Write a class report: how learners did in each module and\n"
	                    "how each question worked (facility, discrimination, choices).\n"
	                    "\n"
	                    "  -o FILE            the HTML page to write (- for standard output)\n"
	                    "  --csv              write the numbers as CSV instead: FILE-modules.csv,\n"
	                    "                     FILE-learners.csv, FILE-questions.csv and\n"
	                    "                     FILE-options.csv\n"
	                    "  --module ID        only this module\n"
	                    "  --learner NAME     only this learner\n"
	                    "  --since DATE       only activity from DATE on (2024-05-31 or\n"
	                    "                     2024-05-31T14:00:00Z; UTC unless it says)\n"
	                    "  --data-dir DIR     the progress data directory\n"
	                    "                     (default $XDG_DATA_HOME/lectern)\n"
	                    "  --modules DIR      where to find the modules\n"
	                    "  --config FILE      read settings from FILE\n"
	                    "  -h, --help         show this help\n"));
}

/* write one file with fn; 0 or -1 (message printed) */
static int
write_one(const char *path, const crep_report *rep, const char *which)
{
	sf_out o;
	char err[512];
	int ok;

	if (sf_out_open(&o, path, 0644, err, sizeof err) != 0) {
		fprintf(stderr, "lectern report: %s\n", err);
		return -1;
	}
	ok = (which ? crep_write_csv(o.fp, rep, which) : crep_write_html(o.fp, rep)) == 0;
	if (sf_out_close(&o, ok, err, sizeof err) != 0) {
		fprintf(stderr, "lectern report: %s\n", ok ? err : path);
		return -1;
	}
	return 0;
}

int
cmd_report(int argc, char **argv)
{
	static const char *const tables[] = { "modules", "learners", "questions", "options" };
	rep_opts o = { 0 };
	rep_ctx r;
	crep_report rep;
	const char *module = NULL, *learner = NULL, *since = NULL, *out = NULL;
	char err[512];
	int csv = 0, rc, i, k;
	const rep_arg args[] = {
		{ "--module", &module }, { "--learner", &learner }, { "--since", &since },
		{ "-o", &out }, { "--data-dir", &o.data_dir }, { "--modules", &o.modules },
		{ "--config", &o.config }, { NULL, NULL },
	};
	rep_argspec spec = { args, 0, NULL, NULL, usage };
	char **rest = xcalloc((size_t)argc + 1, sizeof *rest);

	i18n_init(NULL);
	spec.unknown = _("lectern report: unknown option %s\n");
	spec.no_value = _("lectern report: %s needs a value\n");
	/* --csv is the one option without a value: take it out first */
	for (i = 0, k = 0; i < argc; i++) {
		if (i > 0 && strcmp(argv[i], "--csv") == 0)
			csv = 1;
		else
			rest[k++] = argv[i];
	}
	rc = rep_parse_args(k, rest, &spec);
	free(rest);
	if (rc >= 0)
		return rc;
	if (!out) {
		fprintf(stderr, "%s", _("lectern report: say where to write it with -o FILE\n"));
		usage(stderr);
		return 2;
	}
	if (csv && strcmp(out, "-") == 0) {
		fprintf(stderr, "%s", _("lectern report: --csv writes four files: give a name "
		                        "to start them with, not -\n"));
		return 2;
	}
	if ((rc = rep_open(&r, &o, "lectern report")) != 0)
		return rc;
	if (crep_build(&rep, &r, module, learner, since, err, sizeof err) != 0) {
		fprintf(stderr, "lectern report: %s\n", err);
		crep_free(&rep);
		rep_close(&r);
		return 2;
	}
	rc = 0;
	if (!csv) {
		rc = write_one(out, &rep, NULL) == 0 ? 0 : 1;
	} else {
		size_t n = strlen(out);
		char *prefix = xstrdup(out);

		if (n > 4 && strcmp(out + n - 4, ".csv") == 0)
			prefix[n - 4] = '\0';
		for (i = 0; i < 4 && rc == 0; i++) {
			char *path = xasprintf("%s-%s.csv", prefix, tables[i]);

			rc = write_one(path, &rep, tables[i]) == 0 ? 0 : 1;
			free(path);
		}
		free(prefix);
	}
	crep_free(&rep);
	rep_close(&r);
	return rc;
}
