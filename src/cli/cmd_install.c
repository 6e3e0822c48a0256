/* cmd_install.c: `lectern install`, packages into the modules directory.
 *
 * Each argument is a package file, a folder holding an unpacked package
 * (MANIFEST at its top), or any other folder, such as a USB stick, whose
 * .lectern files are installed one by one (and those of its folders, one
 * level down). One refused package does not stop the others; the exit
 * status says whether any was refused. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/util.h"
#include "cmd.h"
#include "pkgcli.h"

typedef struct {
	pkc_ctx p;
	pkg_policy pol;
	int done, refused;
} in_cmd;

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern install [OPTION]... FILE.lectern|DIR...\n"
	        "Install module packages: check the signature (when trusted_keys is\n"
	        "set), every name, size and SHA-256, and the module; then put it in\n"
	        "place in one step. A newer version replaces the installed one.\n"
	        "DIR is an unpacked package, or a folder (a USB stick) whose\n"
	        ".lectern files are installed.\n"
	        "\n"
	        "  --modules DIR        install into DIR (default: modules_dir from\n"
	        "                       the config, else the bundled modules)\n"
	        "  --config FILE        read settings from FILE\n"
	        "  --allow-downgrade    install an older version over a newer one\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status: 0 all installed or current, 1 one was refused, 2 usage error.\n"));
}

static void
install_one(in_cmd *c, const char *path)
{
	diag_list dl = { 0 };
	pkg_result r;

	if (pkg_install(path, &c->pol, &r, &dl) != 0) {
		diag_print(&dl, stderr);
		c->refused++;
		diag_free(&dl);
		return;
	}
	diag_print(&dl, stderr);
	diag_free(&dl);
	c->done++;
	switch (r.action) {
	case PKG_INSTALLED:
		printf(_("%s: installed %s %s"), path, r.id, r.version);
		break;
	case PKG_UPDATED:
		printf(_("%s: updated %s from %s to %s"), path, r.id, r.old_version, r.version);
		break;
	case PKG_DOWNGRADED:
		printf(_("%s: went back from %s to %s %s"), path, r.old_version, r.id,
		       r.version);
		break;
	default:
		printf(_("%s: %s %s is already installed"), path, r.id, r.version);
	}
	if (*r.signer)
		printf(_(" (signed by key %s)"), r.signer);
	else if (r.action != PKG_CURRENT)
		printf("%s", _(" (signature not checked: no trusted_keys set)"));
	printf("\n");
}

static int
is_package_name(const char *s)
{
	size_t n = strlen(s);

	return n > 8 && strcmp(s + n - 8, ".lectern") == 0;
}

/* the .lectern files of a folder, and of its folders one level down */
static int
install_folder(in_cmd *c, const char *dir, int depth)
{
	struct dirent **ents;
	int n, i, found = 0;

	if ((n = scandir(dir, &ents, NULL, alphasort)) < 0) {
		fprintf(stderr, _("%s: error: cannot read this folder\n"), dir);
		c->refused++;
		return 0;
	}
	for (i = 0; i < n; i++) {
		const char *b = ents[i]->d_name;
		char *full = xasprintf("%s/%s", dir, b);
		struct stat st;

		if (b[0] != '.' && stat(full, &st) == 0) {
			if (S_ISREG(st.st_mode) && is_package_name(b)) {
				install_one(c, full);
				found++;
			} else if (S_ISDIR(st.st_mode) && depth == 0) {
				found += install_folder(c, full, 1);
			}
		}
		free(full);
		free(ents[i]);
	}
	free(ents);
	return found;
}

int
cmd_install(int argc, char **argv)
{
	in_cmd c = { .p = { .cmd = "lectern install" } };
	int i, npaths = 0, rc;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(a, "--modules")) {
			if (!(c.p.modules = pkc_value(&c.p, argc, argv, &i)))
				return 2;
		} else if (!strcmp(a, "--config")) {
			if (!(c.p.config = pkc_value(&c.p, argc, argv, &i)))
				return 2;
		} else if (!strcmp(a, "--allow-downgrade")) {
			c.pol.allow_downgrade = 1;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, _("lectern install: unknown option %s\n"), a);
			usage(stderr);
			return 2;
		} else {
			npaths++;
		}
	}
	if (!npaths) {
		usage(stderr);
		return 2;
	}
	if ((rc = pkc_open(&c.p)) != 0)
		return rc;
	c.pol.modules_dir = c.p.modules_dir;
	c.pol.keys = &c.p.keys;
	for (i = 1; i < argc; i++) {
		struct stat st;
		char *m;

		if (!strcmp(argv[i], "--modules") || !strcmp(argv[i], "--config")) {
			i++;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1])
			continue;
		m = xasprintf("%s/MANIFEST", argv[i]);
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) && access(m, F_OK) != 0) {
			if (install_folder(&c, argv[i], 0) == 0) {
				fprintf(stderr, _("%s: error: no .lectern packages here\n"), argv[i]);
				c.refused++;
			}
		} else {
			install_one(&c, argv[i]);
		}
		free(m);
	}
	pkc_close(&c.p);
	return c.refused ? 1 : 0;
}
