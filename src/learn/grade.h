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

#endif
