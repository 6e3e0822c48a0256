/* session_priv.h: what session.c (navigation, results) and session_q.c
 * (question interaction) share. Not for use outside the session unit. */
#ifndef LT_SESSION_PRIV_H
#define LT_SESSION_PRIV_H

#include <stdint.h>

#include "session.h"
#include "route.h"

/* the learner's route (route.h), computed again only when a slide is seen
 * for the first time or a decision is taken: what the counter and the
 * contents read on every frame. */
typedef struct {
	route rt;
	int valid;                /* rt matches seen and the decisions */
	int *choice;              /* per slide: the decision taken when rt was
	                             computed (-1 none, or not a decision) */
	int *decisions;           /* the decision slides, so a check costs
	                             their number, not the module's length */
	int ndecisions;
} ses_route_cache;

/* a question's state with what the screen need not see */
typedef struct {
	ses_question q;  /* first, so a slot is also a ses_question */
	char *response;  /* last checked response (grade.h format), or NULL */
} ses_slot;

struct ses_session {
	const mod_module *m;
	store *st;                /* NULL: in memory only */
	long learner;
	store_progress p;         /* filled by store_begin when st */
	int attempt;              /* 1-based */
	int cur;                  /* current slide index */
	int at_results;           /* bool */
	int recorded;             /* at the results of an attempt as the store
	                             recorded it, nothing visited since: its
	                             recorded outcome is the score shown */
	int *hist;                /* slides Back returns to, oldest first */
	int nhist, caphist;
	unsigned char *seen;      /* per slide, this attempt */
	ses_slot **slots;         /* per slide, created on first use */
	int resumed, version_changed;
	int best_score;           /* without a store, -1 none */
	ses_results res;          /* last ses_results_get */
	ses_route_cache *rc;      /* a pointer, so const queries may refresh it */
};

/* the slot of question i, created (and restored from the store's progress)
 * on first use; NULL when slide i is not a question. */
ses_slot *sesq_slot(ses_session *s, int i);
void sesq_free(ses_slot *sl);
/* the current question when it can be changed (open), else NULL. */
ses_slot *sesq_open_slot(ses_session *s);
/* checks used and the last response of question i, without creating its
 * slot (for const queries). */
int sesq_tries(const ses_session *s, int i);
const char *sesq_response(const ses_session *s, int i);
/* the file index of the choice taken at decision i, or -1 none yet. */
int sesq_decision_choice(const ses_session *s, int i);
/* attempts allowed at slide q (at least 1; decisions 1). */
int sesq_attempts(const mod_slide *q);
/* 1 when the store's progress describes this attempt (after a retake the
 * store could not record, it does not). */
int ses_progress_live(const ses_session *s);

#endif
