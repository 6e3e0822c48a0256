/* route.c: the learner's route through a module (see route.h).
 *
 * The module is a graph: slide i leads to its `next:` (or the following
 * slide, or the end), a decision taken to the choice made, and a decision
 * not yet taken to every choice. Three breadth-first walks over it answer
 * everything, each O(slides + choices):
 *
 *  - to_end, backwards from the end: the fewest slides from each slide to
 *    the end, which picks the branch an untaken decision is counted by;
 *  - from_start, forwards from the first slide with every choice open, for
 *    a slide off the route (free navigation into another branch);
 *  - the route itself, one walk from the first slide (a `next:` that leads
 *    back stops it at the repeat, as the session's path does).
 *
 * What the contents list: from the first slide, a decision taken goes on
 * to its choice only, and a decision not taken skips its branches and goes
 * on where every branch arrives (the slides all its choices reach: the first
 * of them, entered from a branch). So consequences stay hidden until chosen,
 * and a decision nested after the meeting point is handled when the walk
 * reaches it. That costs one walk per choice of each untaken decision. */
#include "route.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "format/response.h"

#define END (-1)   /* an edge to the end of the module */

int
route_choice(const mod_module *m, const char *const *response, int i)
{
	int idx[2];

	if (!response || !response[i] || m->slides[i].qtype != Q_DECISION ||
	    resp_parse_indices(response[i], idx, 2) != 1 ||
	    idx[0] < 0 || idx[0] >= m->slides[i].nchoices)
		return -1;
	return idx[0];
}

/* where choice c of decision i leads: its goto, else the default path. */
static int
choice_target(const mod_module *m, int i, int c)
{
	int t = m->slides[i].choices[c].go_to_index;

	if (t < 0 || t >= m->nslides)
		t = mod_next_index(m, i);
	return t == NEXT_END ? END : t;
}

/* the slides slide i leads to, into out (room for nchoices + 1); returns
 * how many. An untaken decision leads to every choice. */
static int
edges(const mod_module *m, const char *const *response, int i, int *out)
{
	const mod_slide *s = &m->slides[i];
	int c, n = 0, nx;

	if (s->qtype == Q_DECISION && s->nchoices > 0) {
		if ((c = route_choice(m, response, i)) >= 0) {
			out[0] = choice_target(m, i, c);
			return 1;
		}
		for (c = 0; c < s->nchoices; c++)
			out[n++] = choice_target(m, i, c);
		return n;
	}
	nx = mod_next_index(m, i);
	out[0] = nx == NEXT_END ? END : nx;
	return 1;
}

static int
max_edges(const mod_module *m)
{
	int i, k = 1;

	for (i = 0; i < m->nslides; i++)
		if (m->slides[i].nchoices > k)
			k = m->slides[i].nchoices;
	return k + 1;
}

/* to_end: fewest slides from each slide to the end, backwards over the
 * reversed edges (kept as one array per target, counted first). */
static void
walk_to_end(route *r, const mod_module *m, const char *const *response, int *e)
{
	int n = m->nslides, i, k, ne, head = 0, tail = 0, total = 0;
	int *start = xcalloc((size_t)n + 1, sizeof *start);
	int *fill, *pred, *queue = xmalloc((size_t)n * sizeof *queue);

	for (i = 0; i < n; i++)
		for (k = 0, ne = edges(m, response, i, e); k < ne; k++)
			if (e[k] != END)
				start[e[k] + 1]++;
	for (i = 0; i < n; i++)
		start[i + 1] += start[i];
	total = start[n];
	pred = xmalloc((size_t)(total > 0 ? total : 1) * sizeof *pred);
	fill = xmalloc((size_t)n * sizeof *fill);
	memcpy(fill, start, (size_t)n * sizeof *fill);
	for (i = 0; i < n; i++)
		for (k = 0, ne = edges(m, response, i, e); k < ne; k++) {
			if (e[k] != END)
				pred[fill[e[k]]++] = i;
			else if (!r->to_end[i]) {
				r->to_end[i] = 1;
				queue[tail++] = i;
			}
		}
	while (head < tail) {
		int u = queue[head++];

		for (k = start[u]; k < start[u + 1]; k++)
			if (!r->to_end[pred[k]]) {
				r->to_end[pred[k]] = r->to_end[u] + 1;
				queue[tail++] = pred[k];
			}
	}
	free(start);
	free(fill);
	free(pred);
	free(queue);
}

/* mark in reach every slide reachable from slide from (itself included),
 * by the edges above; dist (may be NULL) gets 1 + slides before each. */
static void
walk_from(const mod_module *m, const char *const *response, int from,
          unsigned char *reach, int *dist, int *queue, int *e)
{
	int head = 0, tail = 0, k, ne;

	if (from < 0 || reach[from])
		return;
	reach[from] = 1;
	if (dist)
		dist[from] = 1;
	queue[tail++] = from;
	while (head < tail) {
		int u = queue[head++];

		for (k = 0, ne = edges(m, response, u, e); k < ne; k++)
			if (e[k] != END && !reach[e[k]]) {
				reach[e[k]] = 1;
				if (dist)
					dist[e[k]] = dist[u] + 1;
				queue[tail++] = e[k];
			}
	}
}

/* slides from t to the end: none for the end itself, many for a branch
 * that never ends. */
static int
cost(const route *r, int t)
{
	if (t == END)
		return 0;
	return r->to_end[t] > 0 ? r->to_end[t] : r->nslides + 1;
}

/* the route: from the first slide, each decision as taken, an untaken one
 * by its choice nearest the end. */
static void
walk_route(route *r, const mod_module *m, const char *const *response, int *e)
{
	int i = m->nslides > 0 ? 0 : END;

	while (i != END && r->pos[i] < 0) {
		int k, ne = edges(m, response, i, e), best = e[0];

		r->pos[i] = r->npath;
		r->path[r->npath++] = i;
		for (k = 1; k < ne; k++)
			if (cost(r, e[k]) < cost(r, best))
				best = e[k];
		i = best;
	}
}

/* where untaken decision d's branches all arrive: the slides every choice
 * reaches that are entered from a slide not every choice reaches. Appends
 * them to out (room for n); returns the new count. */
static int
meeting(const mod_module *m, const char *const *response, int d, int *out,
        int nout, unsigned char *reach, int *count, int *queue, int *e)
{
	int n = m->nslides, c, i, k, ne, nc = m->slides[d].nchoices;

	memset(count, 0, (size_t)n * sizeof *count);
	for (c = 0; c < nc; c++) {
		memset(reach, 0, (size_t)n);
		walk_from(m, response, choice_target(m, d, c), reach, NULL, queue, e);
		for (i = 0; i < n; i++)
			count[i] += reach[i];
	}
	/* a slide every choice reaches is where they meet when a choice leads
	 * straight to it or it is entered from a slide only some reach */
	for (c = 0; c < nc; c++) {
		i = choice_target(m, d, c);
		if (i != END && count[i] == nc) {
			count[i] = nc + 1; /* once */
			out[nout++] = i;
		}
	}
	for (i = 0; i < n; i++) {
		if (count[i] == 0 || count[i] >= nc)
			continue;
		for (k = 0, ne = edges(m, response, i, e); k < ne; k++)
			if (e[k] != END && count[e[k]] == nc) {
				count[e[k]] = nc + 1;
				out[nout++] = e[k];
			}
	}
	return nout;
}

/* listed: the contents' walk described at the top of this file. */
static void
walk_listed(route *r, const mod_module *m, const char *const *response,
            const unsigned char *seen, int *e)
{
	int n = m->nslides, head = 0, tail = 0, k, ne, i;
	int *queue = xmalloc((size_t)n * sizeof *queue);
	int *wq = xmalloc((size_t)n * sizeof *wq), *count = xmalloc((size_t)n * sizeof *count);
	int *meet = xmalloc((size_t)n * sizeof *meet);
	unsigned char *reach = xmalloc((size_t)n);

	r->listed[0] = 1;
	queue[tail++] = 0;
	while (head < tail) {
		int u = queue[head++], nm;

		if (m->slides[u].qtype == Q_DECISION && m->slides[u].nchoices > 1 &&
		    route_choice(m, response, u) < 0) {
			nm = meeting(m, response, u, meet, 0, reach, count, wq, e);
			for (k = 0; k < nm; k++)
				if (!r->listed[meet[k]]) {
					r->listed[meet[k]] = 1;
					queue[tail++] = meet[k];
				}
			continue;
		}
		for (k = 0, ne = edges(m, response, u, e); k < ne; k++)
			if (e[k] != END && !r->listed[e[k]]) {
				r->listed[e[k]] = 1;
				queue[tail++] = e[k];
			}
	}
	for (i = 0; seen && i < n; i++)
		r->listed[i] |= seen[i];
	free(queue);
	free(wq);
	free(count);
	free(meet);
	free(reach);
}

void
route_compute(route *r, const mod_module *m, const char *const *response,
              const unsigned char *seen)
{
	int n = m->nslides, sz = n > 0 ? n : 1, i;
	int *e = xmalloc((size_t)max_edges(m) * sizeof *e);
	int *queue = xmalloc((size_t)sz * sizeof *queue);
	unsigned char *reach = xcalloc((size_t)sz, 1);

	memset(r, 0, sizeof *r);
	r->nslides = n;
	r->path = xmalloc((size_t)sz * sizeof *r->path);
	r->pos = xmalloc((size_t)sz * sizeof *r->pos);
	r->from_start = xcalloc((size_t)sz, sizeof *r->from_start);
	r->to_end = xcalloc((size_t)sz, sizeof *r->to_end);
	r->listed = xcalloc((size_t)sz, 1);
	for (i = 0; i < n; i++)
		r->pos[i] = -1;
	if (n > 0) {
		walk_to_end(r, m, response, e);
		/* every choice open: a slide off the route was reached by one */
		walk_from(m, NULL, 0, reach, r->from_start, queue, e);
		walk_route(r, m, response, e);
		walk_listed(r, m, response, seen, e);
	}
	free(e);
	free(queue);
	free(reach);
}

void
route_free(route *r)
{
	free(r->path);
	free(r->pos);
	free(r->from_start);
	free(r->to_end);
	free(r->listed);
	memset(r, 0, sizeof *r);
}

void
route_counter(const route *r, int cur, int *place, int *total)
{
	*place = 1;
	*total = r->npath > 0 ? r->npath : 1;
	if (cur < 0 || cur >= r->nslides)
		return;
	if (r->pos[cur] >= 0) {
		*place = r->pos[cur] + 1;
		return;
	}
	/* off the route: the shortest way here, then on to the end */
	*place = r->from_start[cur] > 0 ? r->from_start[cur] : 1;
	*total = *place + (r->to_end[cur] > 0 ? r->to_end[cur] - 1 : 0);
}

int
route_seen(const route *r, const unsigned char *seen)
{
	int k, n = 0;

	for (k = 0; seen && k < r->npath; k++)
		n += seen[r->path[k]] != 0;
	return n;
}
