/* report.h: what `lectern progress` and `lectern export` share: settings
 * (config file, --data-dir, --modules), opening the progress store for a
 * report, summary rows completed with the module totals, and the CSV. */
#ifndef LT_REPORT_H
#define LT_REPORT_H

#include <stdio.h>

#include "config.h"
#include "store.h"

typedef struct {
	const char *data_dir;   /* --data-dir, or NULL */
	const char *modules;    /* --modules, or NULL */
	const char *config;     /* --config, or NULL */
} rep_opts;

typedef struct {
	cfg_config cfg;
	store *st;
	char *modules_dir;      /* where modules are looked up for totals */
} rep_ctx;

/* read the settings and open the store, printing its warning (prefixed by
 * cmd) on stderr. Returns 0, or an exit status (1 when the database cannot
 * be read at all, 2 for a bad config file). */
int rep_open(rep_ctx *r, const rep_opts *o, const char *cmd);
void rep_close(rep_ctx *r);
/* summary rows for learner (NULL: everyone), with slides_total and
 * questions_total taken from the modules found in r->modules_dir when
 * the module is there (else as recorded when it was last opened). */
store_summary *rep_summaries(rep_ctx *r, const char *learner, int *n);
/* the CSV header and one row per summary. Returns 0, or -1 on a write
 * error. */
int rep_write_csv(FILE *fp, const store_summary *v, int n);

#endif
