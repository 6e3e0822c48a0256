/* cmd_remove.c: `lectern remove ID`, an installed module out of the
 * modules directory. Learners' progress stays in the store, so putting
 * the module back later brings it back. */
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "cmd.h"
#include "pkgcli.h"

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern remove [--modules DIR] [--config FILE] ID...\n"
	        "Remove installed modules by id. Learners' progress is kept.\n"
	        "\n"
	        "  --modules DIR   the modules folder (default: modules_dir from the\n"
	        "                  config, else the bundled modules)\n"
	        "  --config FILE   read settings from FILE\n"
	        "  -h, --help      show this help\n"));
}

int
cmd_remove(int argc, char **argv)
{
	pkc_ctx p = { .cmd = "lectern remove" };
	int i, nids = 0, bad = 0, rc;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--modules")) {
			if (!(p.modules = pkc_value(&p, argc, argv, &i)))
				return 2;
		} else if (!strcmp(argv[i], "--config")) {
			if (!(p.config = pkc_value(&p, argc, argv, &i)))
				return 2;
		} else if (argv[i][0] == '-') {
			fprintf(stderr, _("lectern remove: unknown option %s\n"), argv[i]);
			usage(stderr);
			return 2;
		} else {
			nids++;
		}
	}
	if (!nids) {
		usage(stderr);
		return 2;
	}
	if ((rc = pkc_open(&p)) != 0)
		return rc;
	for (i = 1; i < argc; i++) {
		diag_list dl = { 0 };

		if (!strcmp(argv[i], "--modules") || !strcmp(argv[i], "--config")) {
			i++;
			continue;
		}
		if (pkg_remove(p.modules_dir, argv[i], &dl) == 0) {
			printf(_("removed %s (learners' progress is kept)\n"), argv[i]);
		} else {
			diag_print(&dl, stderr);
			bad++;
		}
		diag_free(&dl);
	}
	pkc_close(&p);
	return bad ? 1 : 0;
}
