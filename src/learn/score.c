/* score.c: the score over the path taken (see score.h).
 *
 * The path is every slide seen in this attempt plus the route the module
 * itself lays out from the first slide (next:, and at a decision the
 * choice the learner made, or every choice when none was made). So in free
 * navigation a graded question the learner jumped over still counts, with
 * 0 points, and skipping questions can never raise a score.
 *
 * Then one pass over the slides in module order: a slide off the path is
 * ignored; a graded question on the path adds
 * its points to what was possible, and its points to what was earned when
 * the last response grade_judge()s as correct. Sections are collected by
 * name on the way, so a section that the module splits in two (or a name
 * used twice) is one bar on the results screen. Responses are judged again
 * here, against the module as it is now, rather than trusting a stored
 * "correct" flag, so the score can never disagree with what the learner
 * is shown. */
#include "score.h"

#include <stdlib.h>
#include <string.h>

#include "grade.h"

int
score_percent(int earned, int possible)
{
	if (possible <= 0)
		return -1;
	return (int)((long long)earned * 100 / possible);
}

/* index of the section called name in r, added when new. */
static int
section_index(score_result *r, const char *name)
{
	int i;

	for (i = 0; i < r->nsections; i++)
		if (strcmp(r->sections[i].name, name) == 0)
			return i;
	r->sections = xrealloc(r->sections, (size_t)(r->nsections + 1) * sizeof *r->sections);
	memset(&r->sections[r->nsections], 0, sizeof r->sections[0]);
	r->sections[r->nsections].name = name;
	return r->nsections++;
}

/* push slide j on the walk's stack unless it is off the module or marked. */
static void
visit(const mod_module *m, unsigned char *path, int *stack, int *n, int j)
{
	if (j >= 0 && j < m->nslides && !path[j]) {
		path[j] = 1;
		stack[(*n)++] = j;
	}
}

/* mark in path every slide on the module's own route from the first slide,
 * following the learner's decisions. path must start all zero (slides seen
 * are added after: a seen slide must not stop the walk). A stack walk: each
 * slide is pushed at most once, so cycles and long modules cost O(nslides). */
static void
mark_route(const mod_module *m, const char *const *response, unsigned char *path)
{
	int *stack = xmalloc((size_t)(m->nslides + 1) * sizeof *stack);
	int n = 0, i, c;

	visit(m, path, stack, &n, 0);
	while (n > 0) {
		const mod_slide *s = &m->slides[i = stack[--n]];
		const char *resp = response ? response[i] : NULL;

		if (s->qtype != Q_DECISION) {
			visit(m, path, stack, &n, mod_next_index(m, i));
			continue;
		}
		c = resp ? atoi(resp) : -1;
		if (resp && c >= 0 && c < s->nchoices)
			visit(m, path, stack, &n, s->choices[c].go_to_index);
		else /* undecided: any branch may be the path */
			for (c = 0; c < s->nchoices; c++)
				visit(m, path, stack, &n, s->choices[c].go_to_index);
	}
	free(stack);
}

void
score_compute(const mod_module *m, const unsigned char *seen,
              const char *const *response, score_result *out)
{
	const char *section = "";
	unsigned char *path;
	int i, k;

	memset(out, 0, sizeof *out);
	path = xcalloc((size_t)m->nslides + 1, 1);
	mark_route(m, response, path);
	for (i = 0; seen && i < m->nslides; i++)
		path[i] |= seen[i];
	for (i = 0; i < m->nslides; i++) {
		const mod_slide *s = &m->slides[i];
		const char *resp = response ? response[i] : NULL;
		int graded = s->qtype != Q_NONE && s->points > 0;

		if (s->section)
			section = s->section;
		if (!path[i])
			continue;
		k = section_index(out, section);
		if (!graded)
			continue;
		out->graded++;
		out->possible += s->points;
		out->sections[k].possible += s->points;
		out->sections[k].questions++;
		if (resp) {
			int pts = grade_points(s, resp);

			out->answered++;
			out->earned += pts;
			out->sections[k].earned += pts;
		}
	}
	out->on_path = path;
	for (k = 0; k < out->nsections; k++)
		out->sections[k].percent = score_percent(out->sections[k].earned,
		                                         out->sections[k].possible);
	out->percent = score_percent(out->earned, out->possible);
	out->passed = out->percent < 0 || out->percent >= m->pass_mark;
}

void
score_free(score_result *r)
{
	free(r->sections);
	free(r->on_path);
	r->on_path = NULL;
	r->sections = NULL;
	r->nsections = 0;
}
