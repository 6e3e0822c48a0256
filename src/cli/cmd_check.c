/* cmd_check.c: `lectern check PATH...`, the module validator for trainers.
 *
 * Each PATH is a module file, a module directory (holding module.yaml), or
 * any other directory, searched recursively for both (hidden entries and
 * symbolic links to directories are skipped, so a link loop cannot trap
 * it). Every module goes through the same loader the player uses and its
 * diagnostics are printed as they come, one per line on stderr:
 * FILE:LINE:COLUMN: error: MESSAGE. Exit status: 0 when every module is
 * valid (warnings allowed), 1 when any has an error, 2 for a usage error. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "format/diag.h"
#include "base/clean.h"
#include "base/i18n.h"
#include "format/loader.h"
#include "base/util.h"

enum { CK_MAX_DEPTH = 32 };

typedef struct {
	int quiet;       /* no summary line */
	int modules;     /* modules checked */
	int bad;         /* modules with errors */
	int errors, warnings;
	int missing;     /* paths that do not exist or hold no module */
} ck_ctx;

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern check [--quiet] PATH...\n"
	        "Check training modules (NAME.yaml files or directories holding\n"
	        "module.yaml; other directories are searched) and report every\n"
	        "problem as FILE:LINE:COLUMN: error: MESSAGE.\n"
	        "\n"
	        "  -q, --quiet   no summary line\n"
	        "  -h, --help    show this help\n"
	        "\n"
	        "Exit status: 0 all valid, 1 a module has errors, 2 usage error.\n"));
}

static void
check_module(ck_ctx *k, const char *path)
{
	diag_list dl = { 0 };
	mod_module *m = loader_load(path, &dl);

	diag_print(&dl, stderr);
	k->modules++;
	k->errors += dl.nerrors;
	k->warnings += dl.nwarnings;
	if (!m || dl.nerrors)
		k->bad++;
	mod_free(m);
	diag_free(&dl);
}

static int
is_yaml_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static int
has_module_yaml(const char *dir)
{
	char *f = xasprintf("%s/module.yaml", dir);
	struct stat st;
	int yes = stat(f, &st) == 0 && S_ISREG(st.st_mode);

	free(f);
	return yes;
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* search a directory that is not itself a module. */
static void
search_dir(ck_ctx *k, const char *dir, int depth)
{
	struct dirent **ents;
	int n, i;

	if (depth > CK_MAX_DEPTH)
		return;
	n = scandir(dir, &ents, NULL, by_name);
	if (n < 0) {
		clean_fprintf(stderr, _("%s: error: cannot read this directory\n"), dir);
		k->missing++;
		return;
	}
	for (i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		char *full;
		struct stat st;

		if (name[0] == '.') {
			free(ents[i]);
			continue;
		}
		full = strcmp(dir, "/") == 0 ? xasprintf("/%s", name)
		                             : xasprintf("%s/%s", dir, name);
		if (lstat(full, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				if (has_module_yaml(full))
					check_module(k, full);
				else
					search_dir(k, full, depth + 1);
			} else if (is_yaml_name(name) &&
			           (S_ISREG(st.st_mode) ||
			            (S_ISLNK(st.st_mode) && stat(full, &st) == 0 &&
			             S_ISREG(st.st_mode)))) {
				check_module(k, full);
			}
		}
		free(full);
		free(ents[i]);
	}
	free(ents);
}

static void
check_path(ck_ctx *k, const char *arg)
{
	struct stat st;
	char *path;
	size_t n = strlen(arg);
	int before = k->modules;

	while (n > 1 && arg[n - 1] == '/')
		n--;
	path = xstrndup(arg, n);
	if (stat(path, &st) != 0) {
		clean_fprintf(stderr, _("%s: error: no such file or directory\n"), path);
		k->missing++;
	} else if (!S_ISDIR(st.st_mode)) {
		check_module(k, path);
	} else if (has_module_yaml(path)) {
		check_module(k, path);
	} else {
		search_dir(k, path, 0);
		if (k->modules == before) {
			clean_fprintf(stderr, _("%s: error: no modules here (NAME.yaml files or "
			        "directories holding module.yaml)\n"), path);
			k->missing++;
		}
	}
	free(path);
}

int
cmd_check(int argc, char **argv)
{
	ck_ctx k = { 0 };
	int i, npaths = 0, opts = 1;

	for (i = 1; i < argc; i++) {
		if (opts && argv[i][0] == '-' && argv[i][1]) {
			if (!strcmp(argv[i], "--")) {
				opts = 0;
			} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
				usage(stdout);
				return 0;
			} else if (!strcmp(argv[i], "-q") || !strcmp(argv[i], "--quiet")) {
				k.quiet = 1;
			} else {
				fprintf(stderr, _("lectern check: unknown option %s\n"), argv[i]);
				usage(stderr);
				return 2;
			}
			continue;
		}
		npaths++;
	}
	if (npaths == 0) {
		usage(stderr);
		return 2;
	}
	for (i = 1, opts = 1; i < argc; i++) {
		if (opts && argv[i][0] == '-' && argv[i][1]) {
			opts = strcmp(argv[i], "--") != 0;
			continue;
		}
		check_path(&k, argv[i]);
	}
	/* a summary helps when several modules went by or something is wrong */
	if (!k.quiet && (k.modules > 1 || k.errors || k.warnings)) {
		fprintf(stderr, ngettext("lectern: %d module checked", "lectern: %d "
		        "modules checked", k.modules), k.modules);
		fprintf(stderr, ngettext(", %d with errors", ", %d with errors",
		        k.bad), k.bad);
		fprintf(stderr, ngettext(" (%d error", " (%d errors", k.errors), k.errors);
		fprintf(stderr, ngettext(", %d warning)\n", ", %d warnings)\n",
		        k.warnings), k.warnings);
	}
	return k.bad || k.missing ? 1 : 0;
}
