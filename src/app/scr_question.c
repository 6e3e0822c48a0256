/* scr_question.c: the question part of the slide screen (see slide.h).
 *
 * This first version shows a question read-only: its options numbered as
 * they will be answered (positions from the session, so shuffling and
 * "True is 1" hold), a match question's two columns, and a note where a
 * short answer will be typed. The SESSION engineer replaces it with the
 * interactive version (picking, Check, feedback) on the same hooks. */
#include <stdio.h>

#include "i18n.h"
#include "slide.h"

void
qpart_layout(ui_app *a, slide_screen *ss)
{
	ses_session *ses = ss->pl->ses;
	int cur = ses_current(ses), k, mw = a->em * 2;
	const ses_question *q = ses_q(ses, cur);
	char num[16];

	if (!q)
		return;
	if (q->qtype == Q_SHORT) {
		lay_text(&ss->L, _("Type your answer."), LAY_F_BODY, LAY_R_MUTED, 0, LAY_PLAIN);
		return;
	}
	for (k = 0; k < q->n; k++) {
		if (k > 0)
			lay_space(&ss->L, a->em / 2);
		snprintf(num, sizeof num, "%d.", k + 1);
		ss->L.tag = k + 1;
		lay_item(&ss->L, num, mw, ses_opt_text(ses, cur, k), LAY_F_BODY,
		         LAY_R_TEXT, 0);
	}
	if (q->qtype == Q_MATCH) {
		lay_space(&ss->L, a->em);
		for (k = 0; k < q->nright; k++) {
			if (k > 0)
				lay_space(&ss->L, a->em / 2);
			snprintf(num, sizeof num, "%c.", 'A' + k % 26);
			ss->L.tag = 100 + k;
			lay_item(&ss->L, num, mw, ses_right_text(ses, cur, k), LAY_F_BODY,
			         LAY_R_TEXT, 0);
		}
	}
	ss->L.tag = 0;
}

void
qpart_draw(ui_app *a, slide_screen *ss, int over)
{
	(void)a;
	(void)ss;
	(void)over;
}

int
qpart_event(ui_app *a, slide_screen *ss, const SDL_Event *e)
{
	(void)a;
	(void)ss;
	(void)e;
	return 0;
}

const char *
qpart_next(ui_app *a, slide_screen *ss, int *flags)
{
	(void)a;
	(void)ss;
	(void)flags;
	return NULL;
}

int
qpart_activate(ui_app *a, slide_screen *ss)
{
	(void)a;
	(void)ss;
	return 0;
}

void
qpart_free(slide_screen *ss)
{
	(void)ss;
}
