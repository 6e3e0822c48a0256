/* pkgcli.c: the settings the package commands share (see pkgcli.h). */
#include "pkgcli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"

int
pkc_open(pkc_ctx *p)
{
	diag_list dl = { 0 };
	char *path;

	cfg_defaults(&p->cfg);
	memset(&p->keys, 0, sizeof p->keys);
	path = p->config ? xstrdup(p->config) : cfg_default_path();
	if (cfg_load(&p->cfg, path, p->config != NULL, &dl) != 0 ||
	    pkg_keys_parse(&p->keys, p->cfg.trusted_keys, path, &dl) != 0) {
		diag_print(&dl, stderr);
		diag_free(&dl);
		free(path);
		p->modules_dir = NULL;
		return 2;
	}
	diag_free(&dl);
	free(path);
	p->modules_dir = p->modules ? xstrdup(p->modules)
	                 : p->cfg.modules_dir ? xstrdup(p->cfg.modules_dir)
	                 : paths_modules_dir();
	return 0;
}

void
pkc_close(pkc_ctx *p)
{
	pkg_keys_free(&p->keys);
	cfg_free(&p->cfg);
	free(p->modules_dir);
	p->modules_dir = NULL;
}

const char *
pkc_value(const pkc_ctx *p, int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		fprintf(stderr, _("%s: %s needs a value\n"), p->cmd, argv[*i]);
		return NULL;
	}
	return argv[++*i];
}
