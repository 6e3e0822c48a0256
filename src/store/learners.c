/* learners.c: who studies (see store.h). A learner is a name, unique and
 * valid as store_fs.h says; every record hangs off its id. */
#include <stdlib.h>

#include "store_fs.h"
#include "store_int.h"

/* ================================================================ learners */


long
store_learner(store *st, const char *name)
{
	sqlite3_stmt *s;
	long id = -1;
	int e;

	if (!st || !sfs_valid_name(name))
		return -1;
	s = sdb_prep(st, "SELECT id FROM learner WHERE name = ?", "t", name);
	if (s && sqlite3_step(s) == SQLITE_ROW)
		id = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (id >= 0)
		return id;
	/* in memory the learner still gets an id, so studying goes on */
	TRANSACT(st, e, sdb_run(sdb_prep(st, "INSERT INTO learner (name, created_at) VALUES (?, "
	                             NOW_SQL ")", "t", name)));
	if (e != END_SAVED && e != END_MEMORY)
		return -1;
	return (long)sqlite3_last_insert_rowid(st->db);
}

char **
store_learners(store *st, int *n)
{
	sqlite3_stmt *s = sdb_prep(st, "SELECT name FROM learner ORDER BY name COLLATE NOCASE, name", NULL);
	char **v = NULL;

	*n = 0;
	while (s && sqlite3_step(s) == SQLITE_ROW) {
		v = xrealloc(v, (size_t)(*n + 1) * sizeof *v);
		v[(*n)++] = xstrdup((const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	return v;
}

void
store_free_names(char **names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int
store_rename_learner(store *st, const char *from, const char *to)
{
	int e;

	if (!st || !from || !sfs_valid_name(to))
		return -1;
	TRANSACT(st, e, sdb_run(sdb_prep(st, "UPDATE learner SET name = ? WHERE name = ?", "tt",
	                         to, from)));
	return e == END_SAVED && sqlite3_changes(st->db) == 1 ? 0 : -1;
}

int
store_remove_learner(store *st, const char *name)
{
	int e;

	if (!st || !name)
		return -1;
	TRANSACT(st, e, sdb_run(sdb_prep(st, "DELETE FROM learner WHERE name = ?", "t", name)));
	return e == END_SAVED && sqlite3_changes(st->db) == 1 ? 0 : -1;
}

int
store_learner_language(store *st, long learner, char *buf, size_t size)
{
	sqlite3_stmt *s;
	int rc = -1;

	if (size)
		buf[0] = '\0';
	if (!st)
		return -1;
	s = sdb_prep(st, "SELECT language FROM learner WHERE id = ?", "l", learner);
	if (s && sqlite3_step(s) == SQLITE_ROW) {
		sdb_copy_str(buf, size, (const char *)sqlite3_column_text(s, 0));
		rc = 0;
	}
	sqlite3_finalize(s);
	return rc;
}

int
store_set_learner_language(store *st, long learner, const char *lang)
{
	int e;

	if (!st)
		return -1;
	if (lang && !*lang)
		lang = NULL;
	TRANSACT(st, e, sdb_run(sdb_prep(st, "UPDATE learner SET language = ? WHERE id = ?", "tl",
	                         lang, learner)));
	return e == END_SAVED && sqlite3_changes(st->db) == 1 ? 0 : -1;
}
