/* route.h: the learner's path through a branching module, without SDL.
 *
 * A decision sends the learner down one of several branches, so "slide 9 of
 * 22" would count slides the learner will never see. The route is what the
 * counter, the contents and `lectern progress` count instead: from the first
 * slide, every decision taken follows the choice made, and an untaken one
 * the choice with the shortest way to the end. So the total is the slides
 * on the route taken so far plus the shortest remaining route, and it only
 * grows when the learner picks a longer branch.
 *
 * The contents list a slide only when it is on that route or not behind an
 * untaken decision: the consequence slides of a choice stay hidden until the
 * learner makes it, while the slides where the branches meet again are
 * listed. Everything is computed from the module and the responses (a
 * decision's response is the index of its choice, grade.h), so the session
 * and the reports, which read responses from the store, agree. */
#ifndef LT_ROUTE_H
#define LT_ROUTE_H

#include "format/model.h"

typedef struct {
	int *path;              /* slide indices of the route, first slide first */
	int npath;
	int *pos;               /* per slide: index in path, or -1 */
	int *from_start;        /* per slide: fewest slides from the first one up
	                           to and including it, any choice allowed (1 for
	                           the first), 0 unreachable */
	int *to_end;            /* per slide: slides from it to the end, itself
	                           included, 0 when the end cannot be reached */
	unsigned char *listed;  /* per slide: shown in the contents */
	int nslides;
} route;

/* compute the route of m for these responses (m->nslides entries, NULL
 * entries or a NULL array: nothing answered). seen (may be NULL) marks
 * slides the learner has already been shown: they are listed in the
 * contents whatever the decisions say. Free with route_free. */
void route_compute(route *r, const mod_module *m, const char *const *response,
                   const unsigned char *seen);
void route_free(route *r);
/* the counter at slide cur: its 1-based place and the total. A slide off
 * the route (free navigation into another branch) counts the shortest way
 * to it plus the shortest way on to the end. */
void route_counter(const route *r, int cur, int *place, int *total);
/* slides of the route marked in seen. */
int route_seen(const route *r, const unsigned char *seen);
/* the choice taken at decision slide i (its response), or -1. */
int route_choice(const mod_module *m, const char *const *response, int i);

#endif
