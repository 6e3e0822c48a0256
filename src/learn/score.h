/* score.h: a learner's score over the path they took through a module.
 *
 * The path is the set of slides seen in this attempt plus the module's own
 * route from the first slide (next:, and the decisions the learner took):
 * on a branching module only the branches taken count, and in free
 * navigation a graded question jumped over is still on the path. A graded
 * question on the path that was passed over without an answer earns 0; practice questions (points: 0) never count. The module is
 * passed when the percent reaches pass_mark, and simply completed when the
 * path held no graded question. */
#ifndef LT_SCORE_H
#define LT_SCORE_H

#include "format/model.h"

typedef struct {
	const char *name;      /* section name, "" for slides before any */
	int earned, possible;  /* points on the path taken */
	int percent;           /* -1 when possible is 0 */
	int questions;         /* graded questions of this section on the path */
} score_section;

typedef struct {
	int earned, possible;  /* points on the path */
	int percent;           /* rounded down, -1 with no graded question */
	int passed;            /* percent >= pass_mark; 1 with no graded question */
	int graded;            /* graded questions on the path */
	int answered;          /* of those, answered */
	score_section *sections; /* in module order, one per section name that
	                            has a slide on the path */
	int nsections;
	unsigned char *on_path;  /* m->nslides flags: slide i is on the path */
} score_result;

/* score the path: seen[i] says slide i was seen in this attempt, response[i]
 * is the learner's last response to slide i (grade.h format) or NULL; both
 * have m->nslides entries (response may be NULL: nothing answered). Fills
 * out; free with score_free. */
void score_compute(const mod_module *m, const unsigned char *seen,
                   const char *const *response, score_result *out);
/* percent of earned over possible, rounded down; -1 when possible is 0. */
int score_percent(int earned, int possible);
void score_free(score_result *r);

#endif
