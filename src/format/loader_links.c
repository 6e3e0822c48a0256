/* loader_links.c: slide ids, next:/goto: links and the paths they make.
 *
 * Once every slide is read, ids go into the module's hash (model.c), so a
 * repeated id is found and each next:/goto: is one lookup. Then two walks
 * over the links, both linear: forwards from the first slide to warn about
 * slides nothing leads to, and backwards from the slides that end the
 * module to find a circle a learner could never leave. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "loader_int.h"
#include "base/util.h"

/* the id node of slide i, for positions, or the slide itself. */
static const yt_node *
id_node(ld_ctx *c, int i)
{
	const yt_node *map = c->slides->kids[i];
	const yt_node *v = map->type == YT_MAP ? yt_get(map, "id") : NULL;

	return v ? v : map;
}

static void
on_duplicate(void *ctx, int i, int earlier)
{
	ld_ctx *c = ctx;
	mod_slide *s = &c->m->slides[i];

	if (!*s->id)
		return; /* not a mapping: already reported */
	if (yt_get(c->slides->kids[i], "id"))
		ld_err(c, id_node(c, i), _("slide id \"%s\" is already used by slide "
		       "%d (line %d); slide ids must be unique"), s->id, earlier + 1,
		       c->m->slides[earlier].line);
	else
		ld_err(c, id_node(c, i), _("this slide gets the default id \"%s\", "
		       "which slide %d (line %d) already uses; give one of them "
		       "another id"), s->id, earlier + 1, c->m->slides[earlier].line);
}

/* resolve a slide id written at node v (next: or goto:) into an index. */
static int
resolve(ld_ctx *c, const yt_node *v, const char *key, const char *id)
{
	int j = mod_find_slide(c->m, id);

	if (j < 0 && strcmp(id, "end") == 0)
		/* only `next:` may end the module; a decision's choice leads on */
		ld_err(c, v, _("`%s: end` is not allowed here: `end` is reserved for "
		       "`next: end`; a choice's `goto` names a slide id"), key);
	else if (j < 0 && ld_valid_slide_id(id))
		ld_err(c, v, _("`%s` goes to \"%s\", but no slide has that id"), key, id);
	return j;
}

static void
resolve_links(ld_ctx *c, const yt_node *slides)
{
	mod_module *m = c->m;
	int i, j;

	for (i = 0; i < m->nslides; i++) {
		mod_slide *s = &m->slides[i];
		const yt_node *map = slides->kids[i];

		if (s->next && s->qtype != Q_DECISION) {
			s->next_index = strcmp(s->next, "end") == 0 ? NEXT_END
			              : resolve(c, yt_get(map, "next"), "next", s->next);
			if (s->next_index == -1)
				s->next_index = NEXT_FOLLOWING;
		}
		if (s->qtype != Q_DECISION)
			continue;
		for (j = 0; j < s->nchoices; j++) {
			mod_choice *ch = &s->choices[j];
			const yt_node *cn = yt_get(map, "choices");

			ch->go_to_index = -1;
			if (!ch->go_to || !cn || cn->type != YT_SEQ || j >= cn->nkids)
				continue;
			ch->go_to_index = resolve(c, yt_get(cn->kids[j], "goto"), "goto",
			                          ch->go_to);
		}
	}
}

/* the slides a slide leads to: a decision's gotos, else its next slide
 * (NEXT_END when it ends the module). Returns the count. */
static int
successors(const mod_module *m, int i, int *out)
{
	const mod_slide *s = &m->slides[i];
	int j, n = 0;

	if (s->qtype != Q_DECISION) {
		out[0] = mod_next_index(m, i);
		return 1;
	}
	for (j = 0; j < s->nchoices; j++)
		if (s->choices[j].go_to_index >= 0)
			out[n++] = s->choices[j].go_to_index;
	return n;
}

/* report the link that closes the circle a trapped learner goes round:
 * walk on from the first trapped slide until a slide repeats. Every link
 * out of a trapped slide leads to another trapped one. */
static void
report_circle(ld_ctx *c, const char *ends, int first, int ntrapped)
{
	const mod_module *m = c->m;
	int *step = xcalloc((size_t)m->nslides, sizeof *step);
	const yt_node *at = c->slides->kids[first];
	int cur = first, n = 1, j, nxt;

	for (;;) {
		const mod_slide *s = &m->slides[cur];
		const yt_node *link = NULL;

		step[cur] = n++;
		nxt = -1;
		if (s->qtype == Q_DECISION) {
			for (j = 0; j < s->nchoices && nxt < 0; j++) {
				if (s->choices[j].go_to_index >= 0) {
					const yt_node *cn = yt_get(c->slides->kids[cur], "choices");

					nxt = s->choices[j].go_to_index;
					if (cn && cn->type == YT_SEQ && j < cn->nkids)
						link = yt_get(cn->kids[j], "goto");
				}
			}
		} else {
			nxt = mod_next_index(m, cur);
			link = s->next ? yt_get(c->slides->kids[cur], "next") : NULL;
		}
		if (nxt < 0 || ends[nxt]) /* cannot happen: reported at the start */
			break;
		if (step[nxt]) {
			at = link ? link : c->slides->kids[cur];
			break;
		}
		cur = nxt;
	}
	if (at->type == YT_SCALAR && at != c->slides->kids[cur])
		ld_err(c, at, ngettext("`%s: %s` leads round in a circle: the learner "
		       "can never reach the end (%d slide is caught)", "`%s: %s` leads "
		       "round in a circle: the learner can never reach the end (%d slides "
		       "are caught)", ntrapped),
		       m->slides[cur].qtype == Q_DECISION ? "goto" : "next", at->str,
		       ntrapped);
	else
		ld_err(c, at, ngettext("slide \"%s\" leads round in a circle: the "
		       "learner can never reach the end (%d slide is caught)", "slide "
		       "\"%s\" leads round in a circle: the learner can never reach the "
		       "end (%d slides are caught)", ntrapped), m->slides[cur].id, ntrapped);
	free(step);
}

/* a reachable slide from which no path ends the module traps the learner
 * (`next:` round in a circle): an error at the first such slide. Walks the
 * links backwards from the slides that end the module; linear time. */
static void
check_end(ld_ctx *c, const char *reached)
{
	mod_module *m = c->m;
	int n = m->nslides, i, k, e = 0, ns, ntrapped = 0, first = -1, maxs = 1;
	int *deg, *from, *fill, *queue, *succ;
	char *ends;

	for (i = 0; i < n; i++)
		if (m->slides[i].nchoices > maxs)
			maxs = m->slides[i].nchoices;
	succ = xmalloc((size_t)maxs * sizeof *succ);
	deg = xcalloc((size_t)n + 1, sizeof *deg);
	/* reverse links, compressed: from[deg[t]..deg[t+1]) lead to slide t */
	for (i = 0; i < n; i++) {
		ns = successors(m, i, succ);
		for (k = 0; k < ns; k++)
			if (succ[k] >= 0)
				deg[succ[k] + 1]++;
	}
	for (i = 0; i < n; i++)
		deg[i + 1] += deg[i];
	from = xmalloc((size_t)deg[n] * sizeof *from + 1);
	fill = xmalloc((size_t)n * sizeof *fill);
	queue = xmalloc((size_t)n * sizeof *queue);
	ends = xcalloc((size_t)n, 1);
	memcpy(fill, deg, (size_t)n * sizeof *fill);
	for (i = 0; i < n; i++) {
		ns = successors(m, i, succ);
		for (k = 0; k < ns; k++) {
			if (succ[k] >= 0) {
				from[fill[succ[k]]++] = i;
			} else if (!ends[i]) {
				ends[i] = 1;
				queue[e++] = i;
			}
		}
	}
	/* backwards from the slides that end the module */
	for (k = 0; k < e; k++) {
		for (i = deg[queue[k]]; i < deg[queue[k] + 1]; i++) {
			if (!ends[from[i]]) {
				ends[from[i]] = 1;
				queue[e++] = from[i];
			}
		}
	}
	for (i = 0; i < n; i++) {
		if (reached[i] && !ends[i]) {
			ntrapped++;
			if (first < 0)
				first = i;
		}
	}
	if (first >= 0)
		report_circle(c, ends, first, ntrapped);
	free(succ);
	free(deg);
	free(from);
	free(fill);
	free(queue);
	free(ends);
}

/* warn about slides that no path from the first slide reaches. */
static void
check_reach(ld_ctx *c)
{
	mod_module *m = c->m;
	char *seen = xcalloc((size_t)m->nslides, 1);
	int *stack = xmalloc((size_t)m->nslides * sizeof *stack);
	int top = 0, i, j;

	seen[0] = 1;
	stack[top++] = 0;
	while (top > 0) {
		mod_slide *s = &m->slides[stack[--top]];
		int to;

		if (s->qtype == Q_DECISION) {
			for (j = 0; j < s->nchoices; j++) {
				to = s->choices[j].go_to_index;
				if (to >= 0 && !seen[to]) {
					seen[to] = 1;
					stack[top++] = to;
				}
			}
			continue;
		}
		to = mod_next_index(m, (int)(s - m->slides));
		if (to >= 0 && !seen[to]) {
			seen[to] = 1;
			stack[top++] = to;
		}
	}
	for (i = 0; i < m->nslides; i++) {
		yt_node at = { 0 };

		if (seen[i])
			continue;
		at.line = m->slides[i].line;
		at.col = m->slides[i].col;
		ld_warn(c, &at, _("slide \"%s\" cannot be reached from the first "
		        "slide: no `next:` or `goto:` leads to it"), m->slides[i].id);
	}
	check_end(c, seen);
	free(seen);
	free(stack);
}

void
ld_links(ld_ctx *c)
{
	mod_index_ids(c->m, on_duplicate, c);
	resolve_links(c, c->slides);
	check_reach(c);
}
