/* kiosk_export.c: the trainer menu's export. Two files go into the chosen
 * folder, named after the time (kr_export_name): the xAPI statements as
 * `lectern export --xapi` writes them, and the CSV summary as `lectern
 * export --csv` writes it (report.c). Each is written through
 * base/safefile.h's sf_out: flushed and fsync'ed before the trainer is told
 * it is saved, because the next thing a trainer does is pull out the USB
 * stick, and a file that could not be written whole never appears.
 * The class report (records/classrep.h) goes the same way, as one HTML
 * page beside the exports. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "base/safefile.h"
#include "kiosk_int.h"
#include "records/classrep.h"
#include "records/report.h"
#include "base/util.h"

int
kiosk_export(store *st, const char *dir, char *base, size_t basesize, long *n,
             char *msg, size_t msgsize)
{
	char err[256] = "";
	char *json = NULL, *csv = NULL;
	store_summary *rows;
	sf_out o;
	int nrows, rc = -1;

	if (!dir[0]) {
		snprintf(msg, msgsize, "%s", _("Type a folder first."));
		return -1;
	}
	kr_export_name(time(NULL), base, basesize);
	json = xasprintf("%s/%s.json", dir, base);
	csv = xasprintf("%s/%s.csv", dir, base);
	/* 0600 like the database: the records name people */
	if (sf_out_open(&o, json, 0600, err, sizeof err) != 0) {
		snprintf(msg, msgsize, _("Cannot write in %s: %s"), dir, err);
		goto out;
	}
	*n = store_export_xapi(st, o.fp, NULL, NULL, err, sizeof err);
	if (sf_out_close(&o, *n >= 0, err, sizeof err) != 0) {
		snprintf(msg, msgsize, _("Cannot write %s: %s"), json, err);
		goto out;
	}
	if (sf_out_open(&o, csv, 0600, err, sizeof err) != 0) {
		snprintf(msg, msgsize, _("Cannot write %s: %s"), csv, err);
		goto out;
	}
	rows = store_summaries(st, NULL, &nrows);
	rc = rep_write_csv(o.fp, rows, rows ? nrows : 0);
	free(rows);
	if (rc < 0)
		snprintf(err, sizeof err, "%s", strerror(EIO));
	if (sf_out_close(&o, rc == 0, err, sizeof err) != 0) {
		snprintf(msg, msgsize, _("Cannot write %s: %s"), csv, err);
		rc = -1;
		goto out;
	}
	rc = 0;
out:
	free(json);
	free(csv);
	return rc;
}

int
kiosk_class_report(pl_player *p, const char *dir, char *path, size_t pathsize,
                   char *msg, size_t msgsize)
{
	rep_ctx r;
	crep_report rep;
	char err[512] = "", base[64];
	char *file = NULL;
	sf_out o;
	int rc = -1;

	if (!dir[0]) {
		snprintf(msg, msgsize, "%s", _("Type a folder first."));
		return -1;
	}
	/* the report reads the player's own store and modules */
	memset(&r, 0, sizeof r);
	r.st = p->st;
	r.modules_dir = p->modules_dir;
	if (crep_build(&rep, &r, NULL, NULL, NULL, err, sizeof err) != 0) {
		snprintf(msg, msgsize, "%s", err);
		goto out;
	}
	kr_export_name(time(NULL), base, sizeof base);
	file = xasprintf("%s/%s-report.html", dir, base);
	if (sf_out_open(&o, file, 0600, err, sizeof err) != 0) {
		snprintf(msg, msgsize, _("Cannot write in %s: %s"), dir, err);
		goto out;
	}
	rc = crep_write_html(o.fp, &rep);
	if (sf_out_close(&o, rc == 0, err, sizeof err) != 0) {
		snprintf(msg, msgsize, _("Cannot write %s: %s"), file, err);
		rc = -1;
		goto out;
	}
	snprintf(path, pathsize, "%s", file);
	rc = 0;
out:
	crep_free(&rep);
	free(file);
	return rc;
}
