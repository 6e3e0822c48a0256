/* pkgcli.h: what the package commands (install, remove, update, publish)
 * share: the settings, the modules directory they work on and the
 * trusted keys, read the same way the player reads them. */
#ifndef LT_PKGCLI_H
#define LT_PKGCLI_H

#include "package/package.h"
#include "settings/config.h"

typedef struct {
	const char *cmd;        /* "lectern install", for messages */
	const char *modules;    /* --modules DIR, or NULL */
	const char *config;     /* --config FILE, or NULL */
	cfg_config cfg;
	char *modules_dir;      /* --modules, else modules_dir:, else the bundled folder */
	pkg_keys keys;          /* trusted_keys: from the config */
} pkc_ctx;

/* read the settings and the trusted keys, printing what is wrong.
 * Returns 0, or the exit status (2: a bad config file or key). */
int pkc_open(pkc_ctx *p);
void pkc_close(pkc_ctx *p);
/* the value of option argv[*i] (advancing *i), or NULL after printing
 * that it needs one. */
const char *pkc_value(const pkc_ctx *p, int argc, char **argv, int *i);

#endif
