/* summary.c: what reports read (see store.h): one summary row per learner
 * and module, and the answers given. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* ================================================================ summaries */

#define SUMMARY_SQL \
	"SELECT l.name, p.module_id, p.module_version, p.status, p.score," \
	" (SELECT count(*) FROM seen s WHERE s.learner_id = p.learner_id" \
	"   AND s.module_id = p.module_id AND s.attempt = p.attempt)," \
	" p.slides_total," \
	" (SELECT count(DISTINCT question_id) FROM answer a WHERE a.learner_id =" \
	"   p.learner_id AND a.module_id = p.module_id AND a.attempt = p.attempt)," \
	" p.questions_total, p.time_spent_s, p.started_at, p.completed_at, p.bookmark," \
	" p.best_status, p.best_score, p.attempt, p.updated_at" \
	" FROM progress p JOIN learner l ON l.id = p.learner_id"

static void
summary_row(sqlite3_stmt *s, store_summary *o)
{
	memset(o, 0, sizeof *o);
	sdb_copy_str(o->learner, sizeof o->learner, (const char *)sqlite3_column_text(s, 0));
	sdb_copy_str(o->module_id, sizeof o->module_id, (const char *)sqlite3_column_text(s, 1));
	sdb_copy_str(o->module_version, sizeof o->module_version,
	         (const char *)sqlite3_column_text(s, 2));
	o->status = sdb_status_from_name((const char *)sqlite3_column_text(s, 3));
	o->score = sqlite3_column_type(s, 4) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 4);
	o->slides_seen = sqlite3_column_int(s, 5);
	o->slides_total = sqlite3_column_int(s, 6);
	o->questions_answered = sqlite3_column_int(s, 7);
	o->questions_total = sqlite3_column_int(s, 8);
	o->time_spent_s = (long)sqlite3_column_int64(s, 9);
	sdb_copy_str(o->started_at, sizeof o->started_at, (const char *)sqlite3_column_text(s, 10));
	sdb_copy_str(o->completed_at, sizeof o->completed_at,
	         (const char *)sqlite3_column_text(s, 11));
	sdb_copy_str(o->bookmark, sizeof o->bookmark, (const char *)sqlite3_column_text(s, 12));
	o->best_status = sdb_status_from_name((const char *)sqlite3_column_text(s, 13));
	o->best_score = sqlite3_column_type(s, 14) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 14);
	o->attempts = sqlite3_column_int(s, 15);
	sdb_copy_str(o->updated_at, sizeof o->updated_at, (const char *)sqlite3_column_text(s, 16));
}

int
store_summary_get(store *st, long learner, const char *module_id, store_summary *out)
{
	sqlite3_stmt *s;
	char *name;

	if (!st || !module_id)
		return -1;
	s = sdb_prep(st, SUMMARY_SQL " WHERE p.learner_id = ? AND p.module_id = ?", "lt",
	         learner, module_id);
	if (s && sqlite3_step(s) == SQLITE_ROW) {
		summary_row(s, out);
		sqlite3_finalize(s);
		return 0;
	}
	sqlite3_finalize(s);
	memset(out, 0, sizeof *out);
	out->status = ST_NOT_STARTED;
	out->score = out->best_score = -1;
	sdb_copy_str(out->module_id, sizeof out->module_id, module_id);
	if ((name = sx_learner_name(st, learner))) {
		sdb_copy_str(out->learner, sizeof out->learner, name);
		free(name);
	}
	return 0;
}

store_summary *
store_summaries(store *st, const char *learner, int *n)
{
	sqlite3_stmt *s = sdb_prep(st, SUMMARY_SQL " WHERE ?1 IS NULL OR l.name = ?1"
	                           " ORDER BY l.name COLLATE NOCASE, l.name, p.module_id", "t", learner);
	store_summary *v = NULL;

	*n = 0;
	while (s && sqlite3_step(s) == SQLITE_ROW) {
		v = xrealloc(v, (size_t)(*n + 1) * sizeof *v);
		summary_row(s, &v[(*n)++]);
	}
	sqlite3_finalize(s);
	return v;
}

store_answer_row *
store_answers(store *st, long learner, const char *module_id, int *n)
{
	sqlite3_stmt *s = sdb_prep(st,
		"SELECT question_id, attempt, response, correct, points, answered_at"
		" FROM answer WHERE learner_id = ? AND module_id = ? ORDER BY id",
		"lt", learner, module_id);
	store_answer_row *v = NULL;

	*n = 0;
	while (s && sqlite3_step(s) == SQLITE_ROW) {
		store_answer_row *a;

		v = xrealloc(v, (size_t)(*n + 1) * sizeof *v);
		a = &v[(*n)++];
		sdb_copy_str(a->question_id, sizeof a->question_id,
		         (const char *)sqlite3_column_text(s, 0));
		a->attempt = sqlite3_column_int(s, 1);
		a->response = xstrdup((const char *)sqlite3_column_text(s, 2));
		a->correct = sqlite3_column_int(s, 3);
		a->points = sqlite3_column_int(s, 4);
		sdb_copy_str(a->answered_at, sizeof a->answered_at,
		         (const char *)sqlite3_column_text(s, 5));
	}
	sqlite3_finalize(s);
	return v;
}

void
store_free_answers(store_answer_row *a, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(a[i].response);
	free(a);
}

store_final_answer *
store_final_answers(store *st, const char *module_id, const char *learner,
                    const char *since, int *n)
{
	store_final_answer *v = NULL;
	sqlite3_stmt *s;

	*n = 0;
	if (!st || !module_id)
		return NULL;
	/* the last try of each question in each attempt: the row with the
	 * highest id of its group */
	s = sdb_prep(st,
		"SELECT l.name, a.attempt, a.question_id, a.response, a.correct, a.points,"
		" g.tries, a.answered_at"
		" FROM (SELECT max(id) AS last, count(*) AS tries FROM answer"
		"       WHERE module_id = ?1 GROUP BY learner_id, attempt, question_id) g"
		" JOIN answer a ON a.id = g.last JOIN learner l ON l.id = a.learner_id"
		" WHERE (?2 IS NULL OR l.name = ?2) AND (?3 IS NULL OR a.answered_at >= ?3)"
		" ORDER BY l.name COLLATE NOCASE, l.name, a.attempt, a.question_id",
		"ttt", module_id, learner, since);
	while (s && sqlite3_step(s) == SQLITE_ROW) {
		store_final_answer *o;

		v = xrealloc(v, (size_t)(*n + 1) * sizeof *v);
		o = &v[(*n)++];
		memset(o, 0, sizeof *o);
		sdb_copy_str(o->learner, sizeof o->learner, (const char *)sqlite3_column_text(s, 0));
		o->attempt = sqlite3_column_int(s, 1);
		sdb_copy_str(o->question_id, sizeof o->question_id,
		             (const char *)sqlite3_column_text(s, 2));
		o->response = xstrdup((const char *)sqlite3_column_text(s, 3));
		o->correct = sqlite3_column_int(s, 4);
		o->points = sqlite3_column_int(s, 5);
		o->tries = sqlite3_column_int(s, 6);
		sdb_copy_str(o->answered_at, sizeof o->answered_at,
		             (const char *)sqlite3_column_text(s, 7));
	}
	sqlite3_finalize(s);
	return v;
}

void
store_free_final_answers(store_final_answer *a, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(a[i].response);
	free(a);
}

/* does s start with a calendar date that exists (YYYY-MM-DD)? SQLite's
 * date functions take 2024-02-30 for 1 March, so --since would silently
 * mean another day. */
static int
real_date(const char *s)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, mo, d, i, leap;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	y = atoi(s);
	mo = atoi(s + 5);
	d = atoi(s + 8);
	if (mo < 1 || mo > 12 || d < 1)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[mo - 1] + (mo == 2 && leap);
}

int
store_iso_time(store *st, const char *when, char *out, size_t size)
{
	char *t;

	if (!st || !when || !real_date(when))
		return -1;
	t = sdb_fetch_text(sdb_prep(st, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', ?)", "t", when));
	if (t)
		sdb_copy_str(out, size, t);
	free(t);
	return t ? 0 : -1;
}
