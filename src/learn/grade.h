/* grade.h: a learner's response to a question, and whether it is right.
 *
 * A response is a string in the xAPI response format, so the same text is
 * stored in the progress database, sent in xAPI statements and judged here:
 *   single, decision   "2"               index of the chosen choice
 *   multiple           "0[,]2"           chosen indices, ascending
 *   true-false         "true" / "false"
 *   order              "2[,]0[,]1"       item indices (as in the file) in the
 *                                        order the learner put them
 *   match              "0[.]1[,]1[.]0"   left index [.] right index, pairs
 *                                        in left order
 *   short              the text typed    compared trimmed, case-insensitive,
 *                                        inner white space runs as one space
 * Indices are 0-based positions in the module file, never display positions,
 * so shuffling does not change what a response means. */
#ifndef LT_GRADE_H
#define LT_GRADE_H

#include <stddef.h>

#include "format/model.h"

/* 1 if response is correct for question q, 0 if wrong, -1 if malformed. */
int grade_judge(const mod_slide *q, const char *response);
/* the correct response for q (for short: the first accepted answer), in the
 * format above, written to buf. Returns buf. */
char *grade_correct_response(const mod_slide *q, char *buf, size_t size);
/* points earned by a response: q->points when correct, else 0. */
int grade_points(const mod_slide *q, const char *response);
/* compare two short answers the way `accept:` does: trimmed, case folded
 * (Unicode-aware for Latin, Greek and Cyrillic). 1 when equal. */
int grade_short_equal(const char *a, const char *b);

/* xAPI interactionType of a question type: "choice", "true-false",
 * "sequencing", "matching" or "fill-in"; NULL for Q_NONE. */
const char *grade_interaction_type(int qtype);
/* parse an index list "2[,]0[,]1" (single, multiple, order, decision) into
 * idx (at most max). Returns the count (0 for ""), or -1 when malformed. */
int grade_parse_indices(const char *response, int *idx, int max);
/* parse match pairs "0[.]1[,]1[.]0" into left[] and right[]. Returns the
 * count, or -1 when malformed. */
int grade_parse_pairs(const char *response, int *left, int *right, int max);
/* write n indices in the response format to buf (truncated to size).
 * Returns buf. */
char *grade_format_indices(const int *idx, int n, char *buf, size_t size);
/* write n match pairs in the response format to buf. Returns buf. */
char *grade_format_pairs(const int *left, const int *right, int n, char *buf,
                         size_t size);
/* case-fold s as grade_short_equal does (trimmed, inner runs of white space
 * made one space, lower case), as a malloc'd string; NULL when s is not
 * valid UTF-8. */
char *grade_fold(const char *s);

#endif
