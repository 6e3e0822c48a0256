/* cmd_pack.c: `lectern pack`, one module into one package file,
 * optionally signed (see package/package.h for what a package holds). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "cmd.h"
#include "format/loader.h"
#include "package/package.h"

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern pack [--sign KEY] [-o FILE.lectern] MODULE\n"
	        "Write a module (a NAME.yaml file or a folder holding module.yaml)\n"
	        "and its images as one package file, with a manifest holding the\n"
	        "SHA-256 of every file. The module must pass `lectern check` and\n"
	        "have a version.\n"
	        "\n"
	        "  -o, --output FILE       the package (default: ID-VERSION.lectern)\n"
	        "  -s, --sign KEY          sign it with this secret key (lectern keygen,\n"
	        "                          or minisign -G)\n"
	        "  --password-file FILE    the secret key's password, for a minisign key\n"
	        "                          that has one (first line of FILE)\n"
	        "  -h, --help              show this help\n"
	        "\n"
	        "Exit status: 0 packed, 1 refused or failed, 2 usage error.\n"));
}

/* the first line of a file, for a password; NULL with a message */
static char *
first_line(const char *path)
{
	FILE *fp = fopen(path, "r");
	char buf[1024];

	if (!fp || !fgets(buf, sizeof buf, fp)) {
		fprintf(stderr, _("%s: error: cannot read the password\n"), path);
		if (fp)
			fclose(fp);
		return NULL;
	}
	fclose(fp);
	buf[strcspn(buf, "\r\n")] = '\0';
	return xstrdup(buf);
}

/* ID-VERSION.lectern, from the module itself */
static char *
default_name(const char *src)
{
	diag_list dl = { 0 };
	mod_module *m = loader_load(src, &dl);
	char *name = NULL;

	if (m && m->version)
		name = xasprintf("%s-%s.lectern", m->id, m->version);
	mod_free(m);
	diag_free(&dl);
	return name;
}

int
cmd_pack(int argc, char **argv)
{
	const char *out = NULL, *keyfile = NULL, *pwfile = NULL, *src = NULL;
	char *password = NULL, *name = NULL;
	diag_list dl = { 0 };
	msig_seckey sk;
	int i, rc = 1, have_key = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **dst = NULL;

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(a, "-o") || !strcmp(a, "--output"))
			dst = &out;
		else if (!strcmp(a, "-s") || !strcmp(a, "--sign"))
			dst = &keyfile;
		else if (!strcmp(a, "--password-file"))
			dst = &pwfile;
		if (dst) {
			if (i + 1 >= argc) {
				fprintf(stderr, _("lectern pack: %s needs a value\n"), a);
				return 2;
			}
			*dst = argv[++i];
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, _("lectern pack: unknown option %s\n"), a);
			usage(stderr);
			return 2;
		} else if (src) {
			fprintf(stderr, "%s", _("lectern pack: one module at a time\n"));
			return 2;
		} else {
			src = a;
		}
	}
	if (!src) {
		usage(stderr);
		return 2;
	}
	if (msig_init() != 0) {
		fprintf(stderr, "%s", _("lectern pack: libsodium cannot start\n"));
		return 1;
	}
	if (pwfile && !(password = first_line(pwfile)))
		return 1;
	if (keyfile) {
		if (msig_seckey_load(&sk, keyfile, password, &dl) != 0)
			goto out;
		have_key = 1;
	}
	if (!out && !(out = name = default_name(src))) {
		/* pkg_pack says what is wrong with the module */
		out = name = xstrdup("module.lectern");
	}
	if (pkg_pack(src, out, have_key ? &sk : NULL, NULL, &dl) == 0) {
		rc = 0;
		fprintf(stderr, have_key ? _("lectern pack: wrote %s (signed)\n")
		                         : _("lectern pack: wrote %s (not signed)\n"), out);
	}
out:
	diag_print(&dl, stderr);
	diag_free(&dl);
	if (have_key)
		msig_seckey_wipe(&sk);
	if (password) {
		memset(password, 0, strlen(password));
		free(password);
	}
	free(name);
	return rc;
}
