/* kiosk_install.c: the trainer menu's "Install modules": the .lectern
 * files on the USB sticks (the folders kr_export_dirs finds, and their
 * folders one level down), and installing one with the same checks as
 * `lectern install` (package/package.h): the config's trusted keys, the
 * player's modules folder. It runs in the player because a USB stick
 * needs no network; the catalog shows the module at the next login. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/util.h"
#include "kiosk_int.h"
#include "package/package.h"

static int
is_package(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 8 && strcmp(name + n - 8, ".lectern") == 0;
}

static int
scan(const char *dir, int depth, char **out, int n, int max)
{
	struct dirent **ents;
	int k, i;

	if ((k = scandir(dir, &ents, NULL, alphasort)) < 0)
		return n;
	for (i = 0; i < k; i++) {
		const char *b = ents[i]->d_name;
		char *full = xasprintf("%s/%s", dir, b);
		struct stat st;

		if (b[0] != '.' && stat(full, &st) == 0) {
			if (S_ISREG(st.st_mode) && is_package(b) && n < max) {
				out[n++] = full;
				full = NULL;
			} else if (S_ISDIR(st.st_mode) && depth == 0) {
				n = scan(full, 1, out, n, max);
			}
		}
		free(full);
		free(ents[i]);
	}
	free(ents);
	return n;
}

int
kiosk_packages(char *const *dirs, int ndirs, char **out, int max)
{
	int i, n = 0;

	for (i = 0; i < ndirs; i++)
		n = scan(dirs[i], 0, out, n, max);
	return n;
}

int
kiosk_install(const pl_player *p, const char *path, char *msg, size_t msgsize)
{
	diag_list dl = { 0 }, kd = { 0 };
	pkg_keys keys = { 0 };
	pkg_policy pol = { p->modules_dir, &keys, 0 };
	pkg_result r;
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	int rc;

	/* a key that does not parse trusts nothing: fail closed */
	if (p->cfg->trusted_keys && pkg_keys_parse(&keys, p->cfg->trusted_keys,
	                                           "config", &kd) != 0)
		keys.n = 0, keys.v = NULL;
	if (p->cfg->trusted_keys && keys.n == 0) {
		snprintf(msg, msgsize, _("%s: refused: no trusted key could be read"), base);
		rc = -1;
	} else if ((rc = pkg_install(path, &pol, &r, &dl)) != 0) {
		int i;

		/* the first error says what failed; the package is named before it */
		for (i = 0; i < dl.n && dl.v[i].severity != DIAG_ERROR; i++)
			;
		snprintf(msg, msgsize, "%s: %s", base, i < dl.n ? dl.v[i].msg : _("refused"));
	} else if (r.action == PKG_CURRENT) {
		snprintf(msg, msgsize, _("%s %s is already installed."), r.id, r.version);
	} else if (r.action == PKG_UPDATED) {
		snprintf(msg, msgsize, _("Updated %s from %s to %s."), r.id, r.old_version,
		         r.version);
	} else {
		snprintf(msg, msgsize, _("Installed %s %s."), r.id, r.version);
	}
	if (rc == 0)
		kiosk_log(L_("installed %s from %s"), r.id, path);
	else
		kiosk_log(L_("refused %s: %s"), path, msg);
	pkg_keys_free(&keys);
	diag_free(&dl);
	diag_free(&kd);
	return rc;
}
