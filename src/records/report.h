/* report.h: what `lectern progress` and `lectern export` share: settings
 * (config file, --data-dir, --modules), opening the progress store for a
 * report, summary rows completed with the module totals, and the CSV. */
#ifndef LT_REPORT_H
#define LT_REPORT_H

#include <stdio.h>

#include "settings/config.h"
#include "store/store.h"

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

/* the command line of a report: "--name value" pairs and --help */
typedef struct {
	const char *name;       /* "--learner"; NULL ends a table */
	const char **value;     /* where its value goes */
} rep_arg;

typedef struct {
	const rep_arg *args;    /* the options */
	int empty_ok;           /* an empty value counts as given */
	const char *unknown;    /* translated "...: unknown option %s\n" */
	const char *no_value;   /* translated "...: %s needs a value\n" */
	void (*usage)(FILE *fp);
} rep_argspec;

/* store each option of argv[1..] in its place. Returns -1 when every one
 * was read; 0 after -h/--help (usage on stdout); 2 for an unknown option
 * (message and usage on stderr) or a missing value (message on stderr). */
int rep_parse_args(int argc, char **argv, const rep_argspec *spec);
/* read the settings and open the store, printing its warning (prefixed by
 * cmd) on stderr. Returns 0, or an exit status (1 when the data directory
 * has no database or it cannot be read at all, 2 for a bad config file). */
int rep_open(rep_ctx *r, const rep_opts *o, const char *cmd);
void rep_close(rep_ctx *r);
/* summary rows for learner (NULL: everyone), with slides_total and
 * questions_total taken from the modules found in r->modules_dir when
 * the module is there (else as recorded when it was last opened). */
store_summary *rep_summaries(rep_ctx *r, const char *learner, int *n);
/* the slides of s as the player counts them: seen on the learner's route
 * and on the route (taken so far plus the shortest rest, learn/route.h).
 * Leaves s as it is when the learner never opened m. */
void rep_route_counts(store *st, long learner, const mod_module *m, store_summary *s);
/* the CSV header and one row per summary. Returns 0, or -1 on a write
 * error. */
int rep_write_csv(FILE *fp, const store_summary *v, int n);
/* seconds of study as people read them ("1 h 05 min", "12 min 30 s"),
 * in the UI language, into buf. Returns buf. */
char *rep_duration(long seconds, char *buf, size_t size);
/* a status (enum store_status) in words for people, in the UI language. */
const char *rep_status_words(int status);
/* one CSV text field, quoted when it must be and defused when a
 * spreadsheet would take it for a formula. */
void rep_csv_field(FILE *fp, const char *s);

#endif
