/* report.c: see report.h.
 *
 * The totals (slides, questions) belong to the module, not to the
 * learner's record, so they are read from the module files when they can
 * be found (the catalog of the modules directory, matched by module id);
 * the store keeps the totals of the last time the module was opened for
 * modules that are no longer installed. On a branching module the slides
 * are those of the learner's route (learn/route.h), as the player counts
 * them: a finished module reads 18 of 18, not 18 of 22.
 *
 * The CSV follows RFC 4180 (comma separated, quotes doubled, CRLF line
 * ends), with every text field quoted. Learner names are typed by people,
 * so a character a spreadsheet would take as the start of a formula
 * (= + - @ tab CR) at the start of a text field or after a comma or
 * semicolon inside it is prefixed with a single quote (csv_text). */
#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "format/catalog.h"
#include "base/clean.h"
#include "learn/grade.h"
#include "learn/route.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"

/* is s one of the options? "--format --data-dir D" is --format missing
 * its value, not --format "--data-dir" and an unknown option D */
static int
is_option(const rep_argspec *spec, const char *s)
{
	const rep_arg *o;

	if (!strcmp(s, "-h") || !strcmp(s, "--help"))
		return 1;
	for (o = spec->args; o->name; o++)
		if (!strcmp(s, o->name))
			return 1;
	return 0;
}

int
rep_parse_args(int argc, char **argv, const rep_argspec *spec)
{
	int i;

	/* every option but --help takes a value */
	for (i = 1; i < argc; i += 2) {
		const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
		const rep_arg *o;

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			spec->usage(stdout);
			return 0;
		}
		for (o = spec->args; o->name && strcmp(a, o->name) != 0; o++)
			;
		if (!o->name) {
			fprintf(stderr, spec->unknown, a);
			spec->usage(stderr);
			return 2;
		}
		if (!val || (!*val && !spec->empty_ok) || is_option(spec, val)) {
			fprintf(stderr, spec->no_value, a);
			return 2;
		}
		*o->value = val;
	}
	return -1;
}

int
rep_open(rep_ctx *r, const rep_opts *o, const char *cmd)
{
	diag_list dl = { 0 };
	store_xapi_opts xo = { 0 };
	struct stat sb;
	char *path, *dir, *db;

	memset(r, 0, sizeof *r);
	cfg_defaults(&r->cfg);
	path = o->config ? xstrdup(o->config) : cfg_default_path();
	if (cfg_load(&r->cfg, path, o->config != NULL, &dl) != 0) {
		diag_print(&dl, stderr);
		diag_free(&dl);
		free(path);
		return 2;
	}
	diag_print(&dl, stderr); /* warnings */
	diag_free(&dl);
	free(path);
	r->modules_dir = o->modules ? xstrdup(o->modules)
	                 : r->cfg.modules_dir ? xstrdup(r->cfg.modules_dir)
	                 : paths_modules_dir();
	dir = paths_user_data_dir(o->data_dir ? o->data_dir : r->cfg.data_dir);
	if (!dir) {
		fprintf(stderr, _("lectern %s: no home directory to find the progress "
		        "in: set HOME or XDG_DATA_HOME, or give --data-dir\n"), cmd);
		return 1;
	}
	/* a report opens an existing database: opening creates one, and an
	 * empty export from a mistyped --data-dir looks like "nothing to do" */
	db = xasprintf("%s/" STORE_DB_FILE, dir);
	if (stat(db, &sb) != 0) {
		char *vis = clean_visible(dir);

		fprintf(stderr, _("lectern %s: %s: no progress database here (%s); "
		        "check --data-dir or data_dir in the config\n"), cmd, vis,
		        strerror(errno));
		free(vis);
		free(db);
		free(dir);
		return 1;
	}
	free(db);
	xo.home_page = r->cfg.xapi_home_page;
	xo.base_iri = r->cfg.xapi_base_iri;
	r->st = store_open(dir, &xo);
	free(dir);
	if (store_warning(r->st))
		fprintf(stderr, "lectern %s: %s\n", cmd, store_warning(r->st));
	if (store_health(r->st) == STORE_TOO_NEW || store_health(r->st) == STORE_UNSAFE) {
		/* nothing to report from a file we must not read */
		return 1;
	}
	return 0;
}

void
rep_close(rep_ctx *r)
{
	store_close(r->st);
	free(r->modules_dir);
	cfg_free(&r->cfg);
	memset(r, 0, sizeof *r);
}

void
rep_route_counts(store *st, long learner, const mod_module *m, store_summary *s)
{
	store_progress p;
	route rt;

	if (!st || learner < 0 || store_peek(st, learner, m, grade_judge, &p) != 0)
		return;
	if (p.resumed) {
		route_compute(&rt, m, (const char *const *)p.response, p.seen);
		s->slides_seen = route_seen(&rt, p.seen);
		s->slides_total = rt.npath;
		route_free(&rt);
	}
	store_progress_free(&p);
}

store_summary *
rep_summaries(rep_ctx *r, const char *learner, int *n)
{
	store_summary *v = store_summaries(r->st, learner, n);
	cat_catalog c = { 0 };
	diag_list dl = { 0 };
	int i, k, j, q;

	if (*n == 0 || cat_scan(&c, r->modules_dir, &dl) != 0) {
		diag_free(&dl);
		cat_free(&c);
		return v;
	}
	for (i = 0; i < *n; i++) {
		const mod_module *m;

		if ((k = cat_find(&c, v[i].module_id)) < 0 || !(m = c.v[k].mod))
			continue;
		for (j = 0, q = 0; j < m->nslides; j++)
			q += m->slides[j].qtype != Q_NONE;
		v[i].slides_total = m->nslides;
		v[i].questions_total = q;
		rep_route_counts(r->st, store_learner(r->st, v[i].learner), m, &v[i]);
	}
	diag_free(&dl);
	cat_free(&c);
	return v;
}

/* could a spreadsheet start a formula at c? */
static int
formula_start(char c)
{
	return c && strchr("=+-@\t\r", c) != NULL;
}

/* one text field, always quoted: a spreadsheet in a locale that splits on
 * semicolons (French, German) still sees one field. A formula character at
 * the start, or after a comma or semicolon inside the field (where such a
 * spreadsheet would start a cell of its own), gets a single quote before
 * it, so the cell is shown, never run. */
static void
csv_text(FILE *fp, const char *s)
{
	char *vis = clean_visible(s); /* no raw control character in a cell */
	const char *p;

	s = vis;
	fputc('"', fp);
	for (p = s; *p; p++) {
		if (formula_start(*p) && (p == s || p[-1] == ',' || p[-1] == ';'))
			fputc('\'', fp);
		if (*p == '"')
			fputc('"', fp);
		fputc(*p, fp);
	}
	fputc('"', fp);
	free(vis);
}

int
rep_write_csv(FILE *fp, const store_summary *v, int n)
{
	int i;

	/* the column names are an interface for other programs: never
	 * translated */
	fputs("learner,module_id,module_version,status,score_percent,slides_seen,"
	      "slides_total,questions_answered,questions_total,time_spent_s,"
	      "started_at,completed_at,bookmark,best_status,best_score_percent,"
	      "attempts\r\n", fp);
	for (i = 0; i < n; i++) {
		const store_summary *s = &v[i];

		csv_text(fp, s->learner);
		fputc(',', fp);
		csv_text(fp, s->module_id);
		fputc(',', fp);
		csv_text(fp, s->module_version);
		fprintf(fp, ",%s,", store_status_name(s->status));
		if (s->score >= 0)
			fprintf(fp, "%d", s->score);
		fprintf(fp, ",%d,%d,%d,%d,%ld,%s,%s,", s->slides_seen, s->slides_total,
		        s->questions_answered, s->questions_total, s->time_spent_s,
		        s->started_at, s->completed_at);
		csv_text(fp, s->bookmark);
		/* after the columns older readers know: the best of every
		 * attempt, which a retake under way must not hide */
		fprintf(fp, ",%s,", s->best_status == ST_NOT_STARTED ? ""
		                    : store_status_name(s->best_status));
		if (s->best_score >= 0)
			fprintf(fp, "%d", s->best_score);
		fprintf(fp, ",%d\r\n", s->attempts);
	}
	return ferror(fp) ? -1 : 0;
}

void
rep_csv_field(FILE *fp, const char *s)
{
	csv_text(fp, s ? s : "");
}

const char *
rep_status_words(int status)
{
	switch (status) {
	case ST_IN_PROGRESS: return _("in progress");
	case ST_COMPLETED: return _("completed");
	case ST_PASSED: return _("passed");
	case ST_FAILED: return _("failed");
	default: return _("not started");
	}
}

char *
rep_duration(long t, char *buf, size_t size)
{
	if (t >= 3600)
		snprintf(buf, size, _("%ld h %02ld min"), t / 3600, t / 60 % 60);
	else
		snprintf(buf, size, _("%ld min %02ld s"), t / 60, t % 60);
	return buf;
}
