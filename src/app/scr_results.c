/* scr_results.c: the end of a module: score, pass or fail, and the way on
 * (Retake, Back to catalog).
 *
 * This first version shows the totals the session computes; the SESSION
 * engineer extends it with the per-section chart and the review list. */
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "player.h"
#include "util.h"

typedef struct {
	ui_screen base;
	SDL_Rect retake_r, catalog_r;
	int focus;          /* 0 catalog, 1 retake */
} results_screen;

static void
draw(ui_app *a, ui_screen *s)
{
	results_screen *rs = (results_screen *)s;
	pl_player *pl = a->player;
	const ses_results *r = ses_results_get(pl->ses);
	char line[256], pct[32], mark[32];
	int y, x, bh = a->line_h[LAY_F_BODY] + a->em / 2, w1, w2;
	const char *verdict;

	ui_header(a, pl->mod->title, _("Results"));
	y = ui_header_height(a) + a->em * 2;
	if (r->score >= 0) {
		i18n_format_percent(r->score, pct, sizeof pct);
		/* TRANSLATORS: %s is a percentage such as "85%" */
		snprintf(line, sizeof line, _("Your score: %s"), pct);
	} else {
		snprintf(line, sizeof line, "%s", _("This module has no graded questions."));
	}
	x = (a->w - ui_text_width(a, line, -1, LAY_F_H1, LAY_BOLD)) / 2;
	ui_draw_text(a, line, -1, LAY_F_H1, LAY_BOLD, a->rtl, ui_color(a, UI_HEADING), x, y);
	y += a->line_h[LAY_F_H1] + a->em / 2;
	i18n_format_percent(r->pass_mark, mark, sizeof mark);
	if (r->passed)
		verdict = _("Passed");
	else
		verdict = _("Not passed");
	/* TRANSLATORS: "Passed (pass mark 80%)" */
	snprintf(line, sizeof line, _("%s (pass mark %s)"), verdict, mark);
	x = (a->w - ui_text_width(a, line, -1, LAY_F_H2, 0)) / 2;
	ui_draw_text(a, line, -1, LAY_F_H2, 0, a->rtl,
	             ui_color(a, r->passed ? UI_RIGHT : UI_WRONG), x, y);
	y += a->line_h[LAY_F_H2] + a->em * 2;

	w1 = ui_button_width(a, _("Retake"));
	w2 = ui_button_width(a, _("Back to catalog"));
	x = (a->w - w1 - w2 - a->em) / 2;
	rs->retake_r = (SDL_Rect){ x, y, w1, bh };
	rs->catalog_r = (SDL_Rect){ x + w1 + a->em, y, w2, bh };
	ui_button(a, rs->retake_r, _("Retake"), rs->focus == 1 ? UI_BTN_FOCUS : 0);
	ui_button(a, rs->catalog_r, _("Back to catalog"),
	          UI_BTN_PRIMARY | (rs->focus == 0 ? UI_BTN_FOCUS : 0));
}

static void
activate(ui_app *a, int retake)
{
	pl_player *pl = a->player;

	if (retake) {
		ses_retake(pl->ses);
		ui_set_screen(a, slide_screen_new(a));
	} else {
		pl_catalog(a);
	}
}

static void
event(ui_app *a, ui_screen *s, const SDL_Event *e)
{
	results_screen *rs = (results_screen *)s;
	int x, y;

	switch (e->type) {
	case SDL_KEYDOWN:
		switch (e->key.keysym.sym) {
		case SDLK_RETURN:
		case SDLK_KP_ENTER:
			activate(a, rs->focus == 1);
			break;
		case SDLK_ESCAPE:
			pl_catalog(a);
			break;
		case SDLK_TAB:
		case SDLK_LEFT:
		case SDLK_RIGHT:
			rs->focus = !rs->focus;
			a->dirty = 1;
			break;
		default:
			break;
		}
		break;
	case SDL_MOUSEBUTTONUP:
		if (!ui_mouse(a, e, &x, &y))
			break;
		if (ui_hit(rs->retake_r, x, y))
			activate(a, 1);
		else if (ui_hit(rs->catalog_r, x, y))
			activate(a, 0);
		break;
	default:
		break;
	}
}

static void
destroy(ui_screen *s)
{
	free(s);
}

ui_screen *
results_screen_new(ui_app *a)
{
	results_screen *rs = xcalloc(1, sizeof *rs);

	(void)a;
	rs->base.event = event;
	rs->base.draw = draw;
	rs->base.destroy = destroy;
	return &rs->base;
}
