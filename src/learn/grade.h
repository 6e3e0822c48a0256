/* grade.h: whether a learner's response (format/response.h) is right.
 * Judging belongs to the learning session: the store keeps responses and
 * never judges them. */
#ifndef LT_GRADE_H
#define LT_GRADE_H

#include "format/model.h"

/* 1 if response is correct for question q, 0 if wrong, -1 if malformed. */
int grade_judge(const mod_slide *q, const char *response);
/* points earned by a response: q->points when correct, else 0. */
int grade_points(const mod_slide *q, const char *response);
/* compare two short answers the way `accept:` does: trimmed, case folded
 * (base/fold.h). 1 when equal. */
int grade_short_equal(const char *a, const char *b);

enum {
	GRADE_NO,           /* no accepted answer matches */
	GRADE_CLOSE,        /* accepted: differs only in accents (unless the
	                       question is strict about them) or plural endings */
	GRADE_EXACT,        /* accepted as typed (case, spaces, quotes aside) */
	GRADE_MAX_OPTIONAL = 6 /* [optional] parts in one accepted answer */
};
/* how a short answer r matches q's `accept:` list: GRADE_*, or -1 when r
 * is not valid UTF-8 or q is not a short question. When close and
 * close_to is not NULL, *close_to gets the accepted spelling it was close
 * to (malloc'd), else NULL. */
int grade_short_match(const mod_slide *q, const char *r, char **close_to);

#endif
