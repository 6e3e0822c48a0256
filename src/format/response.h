/* response.h: how a learner's response to a question is written down.
 *
 * A response is a string in the xAPI response format, so the same text is
 * stored in the progress database, sent in xAPI statements and judged by
 * learn/grade.c:
 *   single, decision   "2"               index of the chosen choice
 *   multiple           "0[,]2"           chosen indices, ascending
 *   true-false         "true" / "false"
 *   order              "2[,]0[,]1"       item indices (as in the file) in the
 *                                        order the learner put them
 *   match              "0[.]1[,]1[.]0"   left index [.] right index, pairs
 *                                        in left order
 *   short              the text typed
 * Indices are 0-based positions in the module file, never display positions,
 * so shuffling does not change what a response means. This unit only reads
 * and writes the format; whether a response is right is learn/grade.h. */
#ifndef LT_RESPONSE_H
#define LT_RESPONSE_H

#include <stddef.h>

#include "model.h"

/* the loader refuses a question with more choices, items or pairs than
 * MOD_MAX_ITEMS, so a response to any module that loads fits */
enum { RESP_MAX_ITEMS = MOD_MAX_ITEMS };

/* parse an index list "2[,]0[,]1" (single, multiple, order, decision) into
 * idx (at most max). Returns the count (0 for ""), or -1 when malformed. */
int resp_parse_indices(const char *response, int *idx, int max);
/* parse match pairs "0[.]1[,]1[.]0" into left[] and right[]. Returns the
 * count, or -1 when malformed. */
int resp_parse_pairs(const char *response, int *left, int *right, int max);
/* write n indices in the response format to buf (truncated to size).
 * Returns buf. */
char *resp_format_indices(const int *idx, int n, char *buf, size_t size);
/* write n match pairs in the response format to buf. Returns buf. */
char *resp_format_pairs(const int *left, const int *right, int n, char *buf,
                        size_t size);
/* the correct response for q as its module states it (for short: the first
 * accepted answer), written to buf. Returns buf. */
char *resp_correct(const mod_slide *q, char *buf, size_t size);
/* xAPI interactionType of a question type: "choice", "true-false",
 * "sequencing", "matching" or "fill-in"; NULL for Q_NONE. */
const char *resp_interaction_type(int qtype);

#endif
