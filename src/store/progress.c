/* progress.c: a learner's way through a module (see store.h): begin or
 * resume, slides seen, answers, the finished attempt's outcome, retakes,
 * time and leaving. Each call is one transaction with its statements. The
 * store records responses and outcomes; judging and scoring them is the
 * learning session's (learn/). */
#include <stdlib.h>
#include <string.h>

#include "store_fs.h"
#include "store_int.h"

#include "base/util.h"

/* ================================================================ progress */

static void
progress_alloc(store_progress *p, const mod_module *m)
{
	int n = m->nslides;

	memset(p, 0, sizeof *p);
	p->nslides = n;
	p->seen = xcalloc((size_t)(n ? n : 1), 1);
	p->response = xcalloc((size_t)(n ? n : 1), sizeof *p->response);
	p->correct = xcalloc((size_t)(n ? n : 1), 1);
	p->tries = xcalloc((size_t)(n ? n : 1), sizeof *p->tries);
	p->attempt = 1;
	p->score = p->best_score = -1;
	p->status = ST_IN_PROGRESS;
}

static void
clear_answers(store_progress *p)
{
	int i;

	for (i = 0; i < p->nslides; i++) {
		free(p->response[i]);
		p->response[i] = NULL;
		p->correct[i] = 0;
		p->tries[i] = 0;
		p->seen[i] = 0;
	}
}

void
store_progress_free(store_progress *p)
{
	int i;

	if (!p)
		return;
	for (i = 0; p->response && i < p->nslides; i++)
		free(p->response[i]);
	free(p->seen);
	free(p->response);
	free(p->correct);
	free(p->tries);
	memset(p, 0, sizeof *p);
}

static int
question_count(const mod_module *m)
{
	int i, n = 0;

	for (i = 0; i < m->nslides; i++)
		n += m->slides[i].qtype != Q_NONE;
	return n;
}

/* slide index of id in m, or -1. */
static int
slide_index(const mod_module *m, const char *id)
{
	int i;

	for (i = 0; id && i < m->nslides; i++)
		if (strcmp(m->slides[i].id, id) == 0)
			return i;
	return -1;
}

/* fill p from the database row of learner in m (the current attempt). */
static void
load_progress(store *st, long learner, const mod_module *m, store_judge_fn judge,
              store_progress *p)
{
	sqlite3_stmt *s;
	int i;

	s = sdb_prep(st, "SELECT status, attempt, bookmark, score, best_score, time_spent_s,"
	             " module_version, registration, best_status FROM progress"
	             " WHERE learner_id = ? AND module_id = ?",
	         "lt", learner, m->id);
	if (s && sqlite3_step(s) == SQLITE_ROW) {
		const char *ver = (const char *)sqlite3_column_text(s, 6);

		p->resumed = 1;
		p->status = sdb_status_from_name((const char *)sqlite3_column_text(s, 0));
		p->attempt = sqlite3_column_int(s, 1);
		i = slide_index(m, (const char *)sqlite3_column_text(s, 2));
		p->bookmark = i >= 0 ? i : 0;
		p->score = sqlite3_column_type(s, 3) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 3);
		p->best_score = sqlite3_column_type(s, 4) == SQLITE_NULL ? -1
		                                                         : sqlite3_column_int(s, 4);
		p->time_spent_s = (long)sqlite3_column_int64(s, 5);
		p->best_status = sdb_status_from_name((const char *)sqlite3_column_text(s, 8));
		p->version_changed = strcmp(ver ? ver : "", m->version ? m->version : "") != 0;
		sdb_copy_str(p->registration, sizeof p->registration,
		             (const char *)sqlite3_column_text(s, 7));
	}
	sqlite3_finalize(s);
	if (!p->resumed)
		return;

	s = sdb_prep(st, "SELECT slide_id FROM seen WHERE learner_id = ? AND module_id = ?"
	             " AND attempt = ?", "lti", learner, m->id, p->attempt);
	while (s && sqlite3_step(s) == SQLITE_ROW)
		if ((i = slide_index(m, (const char *)sqlite3_column_text(s, 0))) >= 0)
			p->seen[i] = 1;
	sqlite3_finalize(s);

	/* answers of this attempt, oldest first: the last one wins. Those whose
	 * question is gone (or no longer fits it, after an update) are kept in
	 * the database but not restored. */
	s = sdb_prep(st, "SELECT question_id, response FROM answer WHERE learner_id = ?"
	             " AND module_id = ? AND attempt = ? ORDER BY id",
	         "lti", learner, m->id, p->attempt);
	while (s && sqlite3_step(s) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(s, 1);
		int c;

		i = slide_index(m, (const char *)sqlite3_column_text(s, 0));
		if (i < 0 || m->slides[i].qtype == Q_NONE ||
		    (c = judge(&m->slides[i], r)) < 0)
			continue;
		free(p->response[i]);
		p->response[i] = xstrdup(r);
		p->correct[i] = (unsigned char)c;
		p->tries[i]++;
	}
	sqlite3_finalize(s);
}

/* the writes of store_begin: the progress row (new, or brought up to the
 * module as it is now) and `initialized` or `resumed`. */
static int
tx_begin(store *st, long learner, const mod_module *m, store_progress *p)
{
	char uuid[37];
	sx_ctx x;
	int rc, resumed = p->resumed;

	if (!resumed) {
		sfs_uuid(uuid);
		/* another player may have started this module since it was read:
		 * its row stands, and this one resumes it */
		rc = sdb_run(sdb_prep(st,
			"INSERT OR IGNORE INTO progress (learner_id, module_id, module_version,"
			" status, attempt, registration, slides_total, questions_total,"
			" started_at, updated_at) VALUES (?, ?, ?, 'in-progress', 1, ?, ?, ?, "
			NOW_SQL ", " NOW_SQL ")",
			"ltttii", learner, m->id, m->version ? m->version : "", uuid,
			m->nslides, question_count(m)));
		if (rc == SQLITE_OK && sqlite3_changes(st->db) == 1)
			sdb_copy_str(p->registration, sizeof p->registration, uuid);
		else if (rc == SQLITE_OK)
			resumed = 1;
	}
	if (resumed) {
		rc = sdb_run(sdb_prep(st,
			"UPDATE progress SET module_version = ?, slides_total = ?,"
			" questions_total = ?, updated_at = " NOW_SQL
			" WHERE learner_id = ? AND module_id = ?",
			"tiilt", m->version ? m->version : "", m->nslides, question_count(m),
			learner, m->id));
	}
	if (rc != SQLITE_OK)
		return rc;
	if (!p->registration[0]) {
		/* the row the other player made: its attempt is this one's too */
		char *reg = sdb_fetch_text(sdb_prep(st, "SELECT registration FROM progress"
		                                    " WHERE learner_id = ? AND module_id = ?",
		                                    "lt", learner, m->id));

		sdb_copy_str(p->registration, sizeof p->registration, reg);
		free(reg);
	}
	rc = sx_init(&x, st, learner, m, p->registration) == 0 ? SQLITE_OK : SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = sx_emit_module(&x, resumed ? "resumed" : "initialized", NULL);
	sx_free(&x);
	return rc;
}

int
store_begin(store *st, long learner, const mod_module *m, store_judge_fn judge,
            store_progress *p)
{
	int e;

	if (!st || !m || !p || !judge)
		return -1;
	progress_alloc(p, m);
	load_progress(st, learner, m, judge, p);
	/* the learner goes on even when this cannot be written */
	TRANSACT(st, e, tx_begin(st, learner, m, p));
	return 0;
}

int
store_peek(store *st, long learner, const mod_module *m, store_judge_fn judge,
           store_progress *p)
{
	if (!st || !m || !p || !judge)
		return -1;
	progress_alloc(p, m);
	load_progress(st, learner, m, judge, p);
	if (!p->resumed)
		p->status = ST_NOT_STARTED;
	return 0;
}

static int
tx_visit(store *st, long learner, const mod_module *m, const store_progress *p, int i)
{
	sx_ctx x;
	char *o;
	int rc;

	rc = sdb_run(sdb_prep(st,
		"UPDATE progress SET bookmark = ?, updated_at = " NOW_SQL ","
		" status = CASE status WHEN 'not-started' THEN 'in-progress' ELSE status END"
		" WHERE learner_id = ? AND module_id = ?",
		"tlt", m->slides[i].id, learner, m->id));
	if (rc == SQLITE_OK)
		rc = sdb_run(sdb_prep(st,
			"INSERT OR IGNORE INTO seen (learner_id, module_id, attempt, slide_id,"
			" seen_at) VALUES (?, ?, ?, ?, " NOW_SQL ")",
			"ltit", learner, m->id, p->attempt, m->slides[i].id));
	if (rc != SQLITE_OK)
		return rc;
	rc = sx_init(&x, st, learner, m, p->registration) == 0 ? SQLITE_OK : SQLITE_ERROR;
	o = rc == SQLITE_OK ? sx_slide_object(&x, i) : NULL;
	if (rc == SQLITE_OK)
		rc = sx_emit(&x, "experienced", o, NULL, 1);
	free(o);
	sx_free(&x);
	return rc;
}

int
store_visit(store *st, long learner, const mod_module *m, store_progress *p, int i)
{
	int e;

	if (!st || !m || !p || i < 0 || i >= m->nslides || p->nslides != m->nslides)
		return -1;
	p->bookmark = i;
	p->seen[i] = 1;
	if (p->status == ST_NOT_STARTED)
		p->status = ST_IN_PROGRESS;
	TRANSACT(st, e, tx_visit(st, learner, m, p, i));
	return sdb_result(e);
}

static int
tx_answer(store *st, long learner, const mod_module *m, const store_progress *p,
          int i, const char *response, int correct, int points)
{
	const mod_slide *q = &m->slides[i];
	sx_ctx x;
	char *o, *res;
	int rc;

	rc = sdb_run(sdb_prep(st,
		"INSERT INTO answer (learner_id, module_id, attempt, question_id, response,"
		" correct, points, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, " NOW_SQL ")",
		"ltittii", learner, m->id, p->attempt, q->id, response, correct != 0, points));
	if (rc == SQLITE_OK)
		rc = sdb_run(sdb_prep(st, "UPDATE progress SET updated_at = " NOW_SQL
		                  " WHERE learner_id = ? AND module_id = ?", "lt", learner, m->id));
	if (rc != SQLITE_OK)
		return rc;
	rc = sx_init(&x, st, learner, m, p->registration) == 0 ? SQLITE_OK : SQLITE_ERROR;
	o = rc == SQLITE_OK ? sx_question_object(&x, i) : NULL;
	/* practice questions (0 points) have no score to report */
	res = sdb_fetch_text(sdb_prep(st,
		"SELECT json_object('response', ?1, 'success', json(?2),"
		" 'score', CASE WHEN ?4 > 0 THEN json_object('raw', ?3, 'min', 0,"
		"  'max', ?4, 'scaled', CAST(?3 AS REAL) / ?4) ELSE NULL END)",
		"ttii", response, correct ? "true" : "false", points, q->points));
	if (rc == SQLITE_OK)
		rc = res ? sx_emit(&x, "answered", o, res, 1) : SQLITE_ERROR;
	free(o);
	free(res);
	sx_free(&x);
	return rc;
}

int
store_answer(store *st, long learner, const mod_module *m, store_progress *p,
             int i, const char *response, int correct, int points)
{
	int e;

	if (!st || !m || !p || !response || i < 0 || i >= m->nslides ||
	    p->nslides != m->nslides || m->slides[i].qtype == Q_NONE)
		return -1;
	free(p->response[i]);
	p->response[i] = xstrdup(response);
	p->correct[i] = correct != 0;
	p->tries[i]++;
	TRANSACT(st, e, tx_answer(st, learner, m, p, i, response, correct, points));
	return sdb_result(e);
}

/* how good a finished outcome is, for the best one: a pass is never
 * hidden by a later attempt. */
static int
status_rank(int status)
{
	switch (status) {
	case ST_PASSED: return 3;
	case ST_COMPLETED: return 2;
	case ST_FAILED: return 1;
	default: return 0;
	}
}

static int
tx_finish(store *st, long learner, const mod_module *m, const store_progress *p,
          const store_outcome *r)
{
	sx_ctx x;
	char *res;
	int rc;

	/* an attempt another player has since replaced (a retake in a second
	 * window) can still raise the best score, but the status and score
	 * are the current attempt's */
	rc = sdb_run(sdb_prep(st,
		"UPDATE progress SET"
		" status = CASE WHEN attempt = ?6 THEN ?1 ELSE status END,"
		" score = CASE WHEN attempt = ?6 THEN ?2 ELSE score END,"
		" best_score = CASE WHEN ?3 IS NULL THEN best_score"
		"  ELSE max(coalesce(best_score, ?3), ?3) END,"
		" best_status = ?7,"
		" completed_at = CASE WHEN attempt = ?6 THEN " NOW_SQL " ELSE completed_at END,"
		" updated_at = " NOW_SQL
		" WHERE learner_id = ?4 AND module_id = ?5",
		"tIIltit", store_status_name(p->status), p->score, p->best_score, learner, m->id,
		p->attempt, store_status_name(p->best_status)));
	if (rc != SQLITE_OK)
		return rc;
	rc = sx_init(&x, st, learner, m, p->registration) == 0 ? SQLITE_OK : SQLITE_ERROR;
	res = sx_duration_result(&x, p->time_spent_s, 1);
	if (rc == SQLITE_OK)
		rc = sx_emit_module(&x, "completed", res);
	free(res);
	if (rc == SQLITE_OK && r->percent >= 0) {
		res = sdb_fetch_text(sdb_prep(st,
			"SELECT json_object('success', json(?1), 'completion', json('true'),"
			" 'score', json_object('scaled', CAST(?2 AS REAL) / ?3, 'raw', ?2,"
			"  'min', 0, 'max', ?3))",
			"tii", r->passed ? "true" : "false", r->earned, r->possible));
		rc = sx_emit_module(&x, r->passed ? "passed" : "failed", res);
		free(res);
	}
	sx_free(&x);
	return rc;
}

int
store_finish(store *st, long learner, const mod_module *m, store_progress *p,
             const store_outcome *o)
{
	int e;

	if (!st || !m || !p || !o || p->nslides != m->nslides)
		return -1;
	p->score = o->percent;
	if (o->percent >= 0 && o->percent > p->best_score)
		p->best_score = o->percent;
	p->status = o->percent < 0 ? ST_COMPLETED : o->passed ? ST_PASSED : ST_FAILED;
	if (status_rank(p->status) > status_rank(p->best_status))
		p->best_status = p->status;
	TRANSACT(st, e, tx_finish(st, learner, m, p, o));
	return sdb_result(e);
}

static int
tx_retake(store *st, long learner, const mod_module *m, store_progress *p)
{
	char uuid[37];
	sx_ctx x;
	sqlite3_stmt *s;
	int rc;

	sfs_uuid(uuid);
	/* relative, in one transaction: two players retaking at once make
	 * two attempts, each with its own registration, never one shared */
	s = sdb_prep(st,
		"UPDATE progress SET attempt = attempt + 1, status = 'in-progress',"
		" score = NULL, registration = ?, bookmark = NULL, updated_at = " NOW_SQL
		" WHERE learner_id = ? AND module_id = ? RETURNING attempt",
		"tlt", uuid, learner, m->id);
	if (!s)
		return SQLITE_ERROR;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		p->attempt = sqlite3_column_int(s, 0);
		rc = sqlite3_step(s);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return rc;
	sdb_copy_str(p->registration, sizeof p->registration, uuid);
	/* a new attempt is a new registration, starting like the first */
	rc = sx_init(&x, st, learner, m, p->registration) == 0 ? SQLITE_OK : SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = sx_emit_module(&x, "initialized", NULL);
	sx_free(&x);
	return rc;
}

int
store_retake(store *st, long learner, const mod_module *m, store_progress *p)
{
	int e;

	if (!st || !m || !p || p->nslides != m->nslides)
		return -1;
	clear_answers(p);
	p->attempt++;
	p->bookmark = 0;
	p->score = -1;
	p->status = ST_IN_PROGRESS;
	p->version_changed = 0;
	TRANSACT(st, e, tx_retake(st, learner, m, p));
	return sdb_result(e);
}

int
store_add_time(store *st, long learner, const mod_module *m, store_progress *p,
               long seconds)
{
	int e;

	if (!st || !m || !p || seconds <= 0)
		return -1;
	p->time_spent_s += seconds;
	TRANSACT(st, e, sdb_run(sdb_prep(st,
		"UPDATE progress SET time_spent_s = time_spent_s + ?, updated_at = " NOW_SQL
		" WHERE learner_id = ? AND module_id = ?",
		"llt", seconds, learner, m->id)));
	return sdb_result(e);
}

static int
tx_leave(store *st, long learner, const mod_module *m, const store_progress *p)
{
	sx_ctx x;
	char *res;
	int rc;

	rc = sx_init(&x, st, learner, m, p->registration) == 0 ? SQLITE_OK : SQLITE_ERROR;
	res = sx_duration_result(&x, p->time_spent_s, 0);
	/* an attempt left half way will be resumed; a finished one is over */
	if (rc == SQLITE_OK)
		rc = sx_emit_module(&x, p->status == ST_IN_PROGRESS || p->status == ST_NOT_STARTED
		                         ? "suspended" : "terminated", res);
	free(res);
	sx_free(&x);
	return rc;
}

int
store_leave(store *st, long learner, const mod_module *m, store_progress *p)
{
	int e;

	if (!st || !m || !p)
		return -1;
	TRANSACT(st, e, tx_leave(st, learner, m, p));
	return sdb_result(e);
}
