/* score.c: the score over the path taken (see score.h).
 *
 * One pass over the slides in module order: a slide not seen in this
 * attempt is off the path and ignored; a graded question on the path adds
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

void
score_compute(const mod_module *m, const unsigned char *seen,
              const char *const *response, score_result *out)
{
	const char *section = "";
	int i, k;

	memset(out, 0, sizeof *out);
	for (i = 0; i < m->nslides; i++) {
		const mod_slide *s = &m->slides[i];
		const char *resp = response ? response[i] : NULL;
		int graded = s->qtype != Q_NONE && s->points > 0;

		if (s->section)
			section = s->section;
		if (!seen || !seen[i])
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
	r->sections = NULL;
	r->nsections = 0;
}
