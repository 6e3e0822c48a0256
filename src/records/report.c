/* report.c: see report.h.
 *
 * The totals (slides, questions) belong to the module, not to the
 * learner's record, so they are read from the module files when they can
 * be found (the catalog of the modules directory, matched by module id);
 * the store keeps the totals of the last time the module was opened for
 * modules that are no longer installed.
 *
 * The CSV follows RFC 4180 (comma separated, fields with a comma, quote or
 * line break quoted, quotes doubled, CRLF line ends). A text field that a
 * spreadsheet would take for a formula (starting with = + - @ or a tab) is
 * prefixed with a single quote, since learner names are typed by people. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "format/catalog.h"

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
		if (!val || (!*val && !spec->empty_ok)) {
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
	char *path, *dir;

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
	xo.home_page = r->cfg.xapi_home_page;
	xo.base_iri = r->cfg.xapi_base_iri;
	r->st = store_open(dir, &xo);
	free(dir);
	if (store_warning(r->st))
		fprintf(stderr, "lectern %s: %s\n", cmd, store_warning(r->st));
	if (store_health(r->st) == STORE_TOO_NEW) {
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
	}
	diag_free(&dl);
	cat_free(&c);
	return v;
}

/* one text field, quoted when it must be */
static void
csv_text(FILE *fp, const char *s)
{
	const char *p;

	if (strchr("=+-@\t", s[0]) && s[0]) {
		/* keep spreadsheets from running it as a formula */
		fputc('"', fp);
		fputc('\'', fp);
	} else if (strpbrk(s, ",\"\r\n")) {
		fputc('"', fp);
	} else {
		fputs(s, fp);
		return;
	}
	for (p = s; *p; p++) {
		if (*p == '"')
			fputc('"', fp);
		fputc(*p, fp);
	}
	fputc('"', fp);
}

int
rep_write_csv(FILE *fp, const store_summary *v, int n)
{
	int i;

	/* the column names are an interface for other programs: never
	 * translated */
	fputs("learner,module_id,module_version,status,score_percent,slides_seen,"
	      "slides_total,questions_answered,questions_total,time_spent_s,"
	      "started_at,completed_at,bookmark\r\n", fp);
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
		fputs("\r\n", fp);
	}
	return ferror(fp) ? -1 : 0;
}

void
rep_csv_field(FILE *fp, const char *s)
{
	csv_text(fp, s ? s : "");
}
