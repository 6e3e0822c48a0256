/* outbox.c: the xAPI statements (see store.h). Every change to progress
 * writes the statements it causes into the outbox table in the same
 * transaction, so the two never disagree. Statements are JSON built by
 * SQLite's json_object(); json_patch('{}', ...) drops the members that are
 * NULL (no result, no parent, ...). The stored text is what leaves the
 * machine, byte for byte (an LRS refuses a resent id whose text differs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

#include "base/i18n.h"
#include "store_fs.h"
#include "format/response.h"

char *
sx_learner_name(store *st, long learner)
{
	return sdb_fetch_text(sdb_prep(st, "SELECT name FROM learner WHERE id = ?", "l", learner));
}

/* ================================================================ xAPI */

int
sx_init(sx_ctx *x, store *st, long learner, const mod_module *m,
        const char *registration)
{
	char *id = sfs_iri_escape(m->id);

	memset(x, 0, sizeof *x);
	x->st = st;
	x->learner = learner;
	x->m = m;
	x->module_iri = xasprintf("%s%s", st->base_iri, id);
	free(id);
	x->name = sx_learner_name(st, learner);
	x->registration = registration && *registration ? xstrdup(registration)
	                  : sdb_fetch_text(sdb_prep(st,
		"SELECT registration FROM progress WHERE learner_id = ? AND module_id = ?",
		"lt", learner, m->id));
	return x->name ? 0 : -1;
}

void
sx_free(sx_ctx *x)
{
	free(x->name);
	free(x->registration);
	free(x->module_iri);
}

static const char *
lang_of(const mod_module *m)
{
	return m->language && *m->language ? m->language : "und";
}

/* the module as an xAPI activity object (JSON text, malloc'd). */
char *
sx_module_object(sx_ctx *x)
{
	return sdb_fetch_text(sdb_prep(x->st,
		"SELECT json_object('objectType', 'Activity', 'id', ?1, 'definition',"
		" json_object('type', 'http://adlnet.gov/expapi/activities/course',"
		"  'name', json_object(?2, ?3),"
		"  'description', CASE WHEN ?4 IS NULL THEN NULL ELSE json_object(?2, ?4) END))",
		"tttt", x->module_iri, lang_of(x->m), x->m->title ? x->m->title : x->m->id,
		x->m->description));
}

static char *
slide_iri(sx_ctx *x, const char *kind, const char *id)
{
	char *e = sfs_iri_escape(id), *iri = xasprintf("%s/%s/%s", x->module_iri, kind, e);

	free(e);
	return iri;
}

char *
sx_slide_object(sx_ctx *x, int i)
{
	const mod_slide *sl = &x->m->slides[i];
	char *iri = slide_iri(x, "slide", sl->id), *o;

	o = sdb_fetch_text(sdb_prep(x->st,
		"SELECT json_object('objectType', 'Activity', 'id', ?1, 'definition',"
		" json_object('type', 'http://id.tincanapi.com/activitytype/slide',"
		"  'name', json_object(?2, ?3)))",
		"ttt", iri, lang_of(x->m), sl->title ? sl->title : sl->id));
	free(iri);
	return o;
}

/* append {"id": id, "description": {lang: text}} to the JSON array arr. */
static char *
component_append(sx_ctx *x, char *arr, int id, const char *text)
{
	char num[16];
	char *out;

	snprintf(num, sizeof num, "%d", id);
	out = sdb_fetch_text(sdb_prep(x->st,
		"SELECT json_insert(?1, '$[#]', json_object('id', ?2, 'description',"
		" json_object(?3, ?4)))",
		"tttt", arr, num, lang_of(x->m), text ? text : ""));
	free(arr);
	return out;
}

static char *
string_append(sx_ctx *x, char *arr, const char *v)
{
	char *out = sdb_fetch_text(sdb_prep(x->st, "SELECT json_insert(?1, '$[#]', ?2)", "tt", arr, v));

	free(arr);
	return out;
}

/* the question at slide i as a cmi.interaction activity (JSON, malloc'd). */
char *
sx_question_object(sx_ctx *x, int i)
{
	const mod_slide *q = &x->m->slides[i];
	char *iri = slide_iri(x, "question", q->id);
	char *pattern = xstrdup("[]"), *choices = NULL, *source = NULL, *target = NULL, *o;
	char buf[4096];
	int k;

	if (q->qtype == Q_SHORT) {
		/* any accepted answer is right, and case does not matter */
		for (k = 0; k < q->naccept && pattern; k++) {
			char *p = xasprintf("{case_matters=false}%s", q->accept[k]);

			pattern = string_append(x, pattern, p);
			free(p);
		}
	} else if (*resp_correct(q, buf, sizeof buf) || q->qtype == Q_MULTIPLE) {
		pattern = string_append(x, pattern, buf);
	}
	switch (q->qtype) {
	case Q_SINGLE:
	case Q_MULTIPLE:
	case Q_DECISION:
		choices = xstrdup("[]");
		for (k = 0; k < q->nchoices && choices; k++)
			choices = component_append(x, choices, k, q->choices[k].text);
		break;
	case Q_ORDER:
		choices = xstrdup("[]");
		for (k = 0; k < q->nitems && choices; k++)
			choices = component_append(x, choices, k, q->items[k]);
		break;
	case Q_MATCH:
		source = xstrdup("[]");
		target = xstrdup("[]");
		for (k = 0; k < q->npairs && source && target; k++) {
			source = component_append(x, source, k, q->left[k]);
			target = component_append(x, target, k, q->right[k]);
		}
		break;
	}
	o = sdb_fetch_text(sdb_prep(x->st,
		"SELECT json_object('objectType', 'Activity', 'id', ?1, 'definition',"
		" json_object('type', 'http://adlnet.gov/expapi/activities/cmi.interaction',"
		"  'name', json_object(?2, ?3),"
		"  'description', json_object(?2, ?4),"
		"  'interactionType', ?5,"
		"  'correctResponsesPattern', json(?6),"
		"  'choices', json(?7), 'source', json(?8), 'target', json(?9)))",
		"ttttttttt", iri, lang_of(x->m),
		q->title ? q->title : q->question ? q->question : q->id,
		q->question ? q->question : "", resp_interaction_type(q->qtype),
		pattern && strcmp(pattern, "[]") != 0 ? pattern : NULL, choices, source,
		target));
	free(iri);
	free(pattern);
	free(choices);
	free(source);
	free(target);
	return o;
}

/* write one statement to the outbox (inside the caller's transaction).
 * object and result are JSON texts (result may be NULL); parent says the
 * object sits inside the module. SQLite result code. */
int
sx_emit(sx_ctx *x, const char *verb, const char *object, const char *result, int parent)
{
	char uuid[37], *verb_iri;
	int rc;

	if (!object || !x->name)
		return SQLITE_ERROR;
	sfs_uuid(uuid);
	verb_iri = xasprintf(VERB_BASE "%s", verb);
	rc = sdb_run(sdb_prep(x->st,
		"INSERT INTO outbox (id, learner, module_id, verb, created_at, statement)"
		" SELECT ?1, ?2, ?3, ?5, t, json_patch('{}', json_object("
		"  'id', ?1,"
		"  'actor', json_object('objectType', 'Agent', 'name', ?2,"
		"    'account', json_object('homePage', ?4, 'name', ?2)),"
		"  'verb', json_object('id', ?6, 'display', json_object('en-US', ?5)),"
		"  'object', json(?7),"
		"  'result', json(?8),"
		"  'context', json_object('registration', ?9,"
		"    'contextActivities', CASE WHEN ?10 THEN json_object('parent',"
		"      json_array(json_object('objectType', 'Activity', 'id', ?11)))"
		"      ELSE NULL END,"
		"    'revision', ?12, 'platform', 'Lectern', 'language', ?13),"
		"  'timestamp', t))"
		" FROM (SELECT " NOW_SQL " AS t)",
		"tttttttttitt" "t", uuid, x->name, x->m->id, x->st->home_page, verb, verb_iri,
		object, result, x->registration, parent, x->module_iri, x->m->version,
		lang_of(x->m)));
	free(verb_iri);
	return rc;
}

/* emit a statement about the module itself. */
int
sx_emit_module(sx_ctx *x, const char *verb, const char *result)
{
	char *o = sx_module_object(x);
	int rc = sx_emit(x, verb, o, result, 0);

	free(o);
	return rc;
}

/* {"duration": "PT<n>S"} plus completion when asked (JSON, malloc'd). */
char *
sx_duration_result(sx_ctx *x, long seconds, int completion)
{
	char d[32];

	snprintf(d, sizeof d, "PT%ldS", seconds < 0 ? 0 : seconds);
	return sdb_fetch_text(sdb_prep(x->st,
		"SELECT json_object('duration', ?1, 'completion',"
		" CASE WHEN ?2 THEN json('true') ELSE NULL END)",
		"ti", d, completion));
}


/* ================================================================ export */

long
store_export_xapi(store *st, FILE *fp, const char *since, const char *learner,
                  char *err, size_t errsize)
{
	sqlite3_stmt *s;
	char from[40];
	long n = 0;
	int rc;

	sdb_copy_str(err, errsize, "");
	if (since) {
		if (store_iso_time(st, since, from, sizeof from) != 0) {
			snprintf(err, errsize,
			         _("'%s' is not a date or time (use e.g. 2024-05-31 or "
			           "2024-05-31T14:00:00Z)"),
			         since);
			return -1;
		}
	}
	s = sdb_prep(st, "SELECT statement FROM outbox WHERE (?1 IS NULL OR created_at >= ?1)"
	             " AND (?2 IS NULL OR learner = ?2) ORDER BY seq", "tt",
	             since ? from : NULL, learner);
	if (!s) {
		snprintf(err, errsize, _("the progress database cannot be read: %s"),
		         sqlite3_errmsg(st->db));
		return -1;
	}
	fputs("[", fp);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fputs(n ? ",\n" : "\n", fp);
		fputs((const char *)sqlite3_column_text(s, 0), fp);
		n++;
	}
	fputs(n ? "\n]\n" : "]\n", fp);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		snprintf(err, errsize, _("the progress database cannot be read: %s"),
		         sqlite3_errstr(rc));
		return -1;
	}
	return n;
}

/* ================================================================ sending */

int
store_outbox_waiting(store *st, long after, int max, store_stmt *v)
{
	sqlite3_stmt *s = sdb_prep(st, "SELECT seq, id, statement FROM outbox"
	                               " WHERE seq > ? AND acked_at IS NULL AND set_aside IS NULL"
	                               " ORDER BY seq LIMIT ?", "li", after, max);
	int n = 0, rc = SQLITE_DONE;

	if (!s)
		return -1;
	while (n < max && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		/* the bytes as stored: sqlite3_column_text hands back the very
		 * text that was inserted */
		const char *json = (const char *)sqlite3_column_text(s, 2);

		v[n].seq = (long)sqlite3_column_int64(s, 0);
		sdb_copy_str(v[n].id, sizeof v[n].id, (const char *)sqlite3_column_text(s, 1));
		v[n].len = (size_t)sqlite3_column_bytes(s, 2);
		v[n].json = xstrndup(json, v[n].len);
		n++;
	}
	if (n < max && rc != SQLITE_DONE) {
		sqlite3_finalize(s);
		store_stmts_free(v, n);
		return -1;
	}
	sqlite3_finalize(s);
	return n;
}

void
store_stmts_free(store_stmt *v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(v[i].json);
		v[i].json = NULL;
	}
}

/* mark seq[0..n) acknowledged and note when; SQLite result */
static int
ack_all(store *st, const long *seq, int n)
{
	int i, rc = SQLITE_OK;

	for (i = 0; i < n && rc == SQLITE_OK; i++)
		rc = sdb_run(sdb_prep(st, "UPDATE outbox SET acked_at = " NOW_SQL
		                          " WHERE seq = ? AND acked_at IS NULL", "l", seq[i]));
	if (rc == SQLITE_OK)
		rc = sdb_run(sdb_prep(st, "UPDATE sync SET last_ack = " NOW_SQL, NULL));
	return rc;
}

int
store_outbox_ack(store *st, const long *seq, int n)
{
	int e;

	if (!st || n < 0)
		return -1;
	TRANSACT(st, e, ack_all(st, seq, n));
	return sdb_result(e);
}

int
store_outbox_set_aside(store *st, long seq, const char *reason)
{
	int e;

	if (!st)
		return -1;
	TRANSACT(st, e, sdb_run(sdb_prep(st, "UPDATE outbox SET set_aside = ?,"
	                                     " set_aside_at = " NOW_SQL " WHERE seq = ?",
	                                 "tl", reason ? reason : "", seq)));
	return sdb_result(e);
}

long
store_outbox_requeue(store *st, long from, long to)
{
	int e;

	if (!st)
		return -1;
	TRANSACT(st, e, sdb_run(sdb_prep(st, "UPDATE outbox SET set_aside = NULL,"
	                                     " set_aside_at = NULL WHERE seq BETWEEN ? AND ?"
	                                     " AND acked_at IS NULL AND set_aside IS NOT NULL",
	                                 "ll", from, to)));
	return e == END_SAVED ? (long)sqlite3_changes(st->db) : -1;
}

long
store_outbox_prune(store *st, int days)
{
	char since[32];
	int e;

	if (!st || days < 0)
		return -1;
	snprintf(since, sizeof since, "-%d days", days);
	TRANSACT(st, e, sdb_run(sdb_prep(st, "DELETE FROM outbox WHERE acked_at IS NOT NULL"
	                                     " AND acked_at < strftime('%Y-%m-%dT%H:%M:%fZ',"
	                                     " 'now', ?)", "t", since)));
	return e == END_SAVED ? (long)sqlite3_changes(st->db) : -1;
}

/* ================================================================ sync state */

int
store_sync_state_get(store *st, store_sync_state *out)
{
	sqlite3_stmt *s;
	int ok = 0;

	memset(out, 0, sizeof *out);
	s = sdb_prep(st, "SELECT"
	                 " (SELECT count(*) FROM outbox WHERE acked_at IS NULL AND set_aside IS NULL),"
	                 " (SELECT count(*) FROM outbox WHERE acked_at IS NULL AND set_aside IS NOT NULL),"
	                 " (SELECT count(*) FROM outbox WHERE acked_at IS NOT NULL),"
	                 " last_attempt, last_ok, last_ack, last_error, failures, not_before"
	                 " FROM sync WHERE id = 1", NULL);
	if (s && sqlite3_step(s) == SQLITE_ROW) {
		out->waiting = (long)sqlite3_column_int64(s, 0);
		out->set_aside = (long)sqlite3_column_int64(s, 1);
		out->acked = (long)sqlite3_column_int64(s, 2);
		sdb_copy_str(out->last_attempt, sizeof out->last_attempt,
		             (const char *)sqlite3_column_text(s, 3));
		sdb_copy_str(out->last_ok, sizeof out->last_ok, (const char *)sqlite3_column_text(s, 4));
		sdb_copy_str(out->last_ack, sizeof out->last_ack,
		             (const char *)sqlite3_column_text(s, 5));
		sdb_copy_str(out->last_error, sizeof out->last_error,
		             (const char *)sqlite3_column_text(s, 6));
		out->failures = sqlite3_column_int(s, 7);
		out->not_before = (long)sqlite3_column_int64(s, 8);
		ok = 1;
	}
	sqlite3_finalize(s);
	return ok ? 0 : -1;
}

int
store_sync_attempt(store *st)
{
	int e;

	TRANSACT(st, e, sdb_run(sdb_prep(st, "UPDATE sync SET last_attempt = " NOW_SQL, NULL)));
	return sdb_result(e);
}

int
store_sync_result(store *st, const char *error, int failures, long not_before)
{
	int e;

	if (error)
		TRANSACT(st, e, sdb_run(sdb_prep(st, "UPDATE sync SET last_error = ?, failures = ?,"
		                                     " not_before = ?", "til", error, failures,
		                                 not_before)));
	else
		TRANSACT(st, e, sdb_run(sdb_prep(st, "UPDATE sync SET last_error = NULL,"
		                                     " failures = 0, not_before = 0,"
		                                     " last_ok = " NOW_SQL, NULL)));
	return sdb_result(e);
}

int
store_outbox_refused(store *st, int max, store_refused *v)
{
	sqlite3_stmt *s = sdb_prep(st, "SELECT id, learner, verb, set_aside_at, set_aside"
	                               " FROM outbox WHERE acked_at IS NULL AND set_aside IS NOT NULL"
	                               " ORDER BY seq DESC LIMIT ?", "i", max);
	int n = 0;

	if (!s)
		return -1;
	while (n < max && sqlite3_step(s) == SQLITE_ROW) {
		sdb_copy_str(v[n].id, sizeof v[n].id, (const char *)sqlite3_column_text(s, 0));
		sdb_copy_str(v[n].learner, sizeof v[n].learner,
		             (const char *)sqlite3_column_text(s, 1));
		sdb_copy_str(v[n].verb, sizeof v[n].verb, (const char *)sqlite3_column_text(s, 2));
		sdb_copy_str(v[n].at, sizeof v[n].at, (const char *)sqlite3_column_text(s, 3));
		sdb_copy_str(v[n].reason, sizeof v[n].reason, (const char *)sqlite3_column_text(s, 4));
		n++;
	}
	sqlite3_finalize(s);
	return n;
}
