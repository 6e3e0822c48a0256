/* classroom.c: what a kiosk classroom keeps beside the progress (see
 * store.h): each learner's display choices and optional code, and the
 * count of wrong PINs or codes in a row for the lockout. All of it lives in
 * the progress store so that it follows the learner and survives a
 * restart or a power cut. */
#include <stdio.h>
#include <stdlib.h>

#include "store_int.h"

int
store_prefs_get(store *st, long learner, char *theme, size_t size, double *scale)
{
	sqlite3_stmt *s;
	int found = -1;

	theme[0] = '\0';
	*scale = 0;
	if (!st || learner < 0)
		return -1;
	s = sdb_prep(st, "SELECT theme, text_scale FROM learner WHERE id = ?", "l", learner);
	if (s && sqlite3_step(s) == SQLITE_ROW) {
		if (sqlite3_column_type(s, 0) == SQLITE_TEXT)
			sdb_copy_str(theme, size, (const char *)sqlite3_column_text(s, 0));
		if (sqlite3_column_type(s, 1) != SQLITE_NULL)
			*scale = sqlite3_column_double(s, 1);
		found = 0;
	}
	sqlite3_finalize(s);
	return found;
}

int
store_prefs_set(store *st, long learner, const char *theme, double scale)
{
	int e;

	if (!st || learner < 0)
		return -1;
	TRANSACT(st, e, sdb_run(sdb_prep(st, "UPDATE learner SET theme = ?, text_scale = ? "
	                                     "WHERE id = ?", "tdl", theme, scale, learner)));
	return sdb_result(e);
}

char *
store_code_hash(store *st, const char *name)
{
	if (!st || !name)
		return NULL;
	return sdb_fetch_text(sdb_prep(st, "SELECT code_hash FROM learner WHERE name = ?",
	                               "t", name));
}

int
store_code_set(store *st, const char *name, const char *hash)
{
	int e;

	if (!st || !name)
		return -1;
	TRANSACT(st, e, sdb_run(sdb_prep(st, "UPDATE learner SET code_hash = ? WHERE name = ?",
	                                 "tt", hash, name)));
	return e == END_SAVED && sqlite3_changes(st->db) == 1 ? 0 : -1;
}

int
store_guard_get(store *st, const char *name, int *failures, double *last)
{
	sqlite3_stmt *s;

	*failures = 0;
	*last = 0;
	if (!st || !name)
		return -1;
	s = sdb_prep(st, "SELECT failures, last_failure FROM guard WHERE name = ?", "t", name);
	if (s && sqlite3_step(s) == SQLITE_ROW) {
		*failures = sqlite3_column_int(s, 0);
		*last = sqlite3_column_double(s, 1);
	}
	sqlite3_finalize(s);
	return 0;
}

int
store_guard_set(store *st, const char *name, int failures, double last)
{
	int e;

	if (!st || !name)
		return -1;
	if (failures <= 0)
		TRANSACT(st, e, sdb_run(sdb_prep(st, "DELETE FROM guard WHERE name = ?", "t", name)));
	else
		TRANSACT(st, e, sdb_run(sdb_prep(st, "INSERT INTO guard (name, failures, last_failure) "
		                                     "VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE "
		                                     "SET failures = excluded.failures, "
		                                     "last_failure = excluded.last_failure",
		                                 "tid", name, failures, last)));
	return sdb_result(e);
}
