/* kiosk_export.c: the trainer menu's export. Two files go into the chosen
 * folder, named after the time (kr_export_name): the xAPI statements as
 * `lectern export --xapi` writes them, and the CSV summary as `lectern
 * export --csv` writes it (report.c). Each is flushed and fsync'ed before
 * the trainer is told it is saved, because the next thing a trainer does
 * is pull out the USB stick; a file that could not be written whole is
 * removed rather than left half-written. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "kiosk_int.h"
#include "records/report.h"
#include "base/util.h"

/* flush, sync and close; 0, or -1 with errno set */
static int
finish_file(FILE *fp)
{
	int bad = ferror(fp) || fflush(fp) != 0 || fsync(fileno(fp)) != 0;
	int e = errno;

	if (fclose(fp) != 0 && !bad)
		return -1;
	errno = e;
	return bad ? -1 : 0;
}

int
kiosk_export(store *st, const char *dir, char *base, size_t basesize, long *n,
             char *msg, size_t msgsize)
{
	char err[256] = "";
	char *json = NULL, *csv = NULL;
	store_summary *rows;
	FILE *fp;
	int nrows, rc = -1;

	if (!dir[0]) {
		snprintf(msg, msgsize, "%s", _("Type a folder first."));
		return -1;
	}
	kr_export_name(time(NULL), base, basesize);
	json = xasprintf("%s/%s.json", dir, base);
	csv = xasprintf("%s/%s.csv", dir, base);
	if (!(fp = fopen(json, "w"))) {
		snprintf(msg, msgsize, _("Cannot write in %s: %s"), dir, strerror(errno));
		goto out;
	}
	*n = store_export_xapi(st, fp, NULL, NULL, err, sizeof err);
	if (*n < 0 || finish_file(fp) < 0) {
		snprintf(msg, msgsize, _("Cannot write %s: %s"), json,
		         *n < 0 ? err : strerror(errno));
		remove(json);
		goto out;
	}
	if (!(fp = fopen(csv, "w"))) {
		snprintf(msg, msgsize, _("Cannot write %s: %s"), csv, strerror(errno));
		goto out;
	}
	rows = store_summaries(st, NULL, &nrows);
	rc = rep_write_csv(fp, rows, rows ? nrows : 0);
	free(rows);
	if (rc < 0 || finish_file(fp) < 0) {
		snprintf(msg, msgsize, _("Cannot write %s: %s"), csv, strerror(errno));
		remove(csv);
		rc = -1;
		goto out;
	}
	rc = 0;
out:
	free(json);
	free(csv);
	return rc;
}
