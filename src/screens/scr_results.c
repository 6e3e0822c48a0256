/* scr_results.c: the end of a module: score, pass or fail, a bar per
 * section, the review of every question on the path, and the way on
 * (Retake, Back to catalog).
 *
 * Everything between header and footer is one scrolling column. Its text
 * (headings, section names, the review's prompts and answers) is typeset
 * once into a lay, with room left (lay_space) for what is drawn by hand:
 * the score block, the bars and the review cards' backgrounds. The
 * positions of those are kept in column coordinates, so drawing is a walk
 * over them shifted by the scroll offset. The numbers come from
 * ses_results_get, which scores the path exactly as the store does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "overlay.h"
#include "player.h"
#include "base/util.h"
#include "nav.h"
#include "screens.h"

typedef struct {
	int y, h;           /* a section bar row, column coordinates */
	int wrap;           /* the name on a line of its own, the bar under it */
} res_row;

typedef struct {
	int y, h;           /* a review card */
	int correct, answered, graded;
} res_card;

typedef struct {
	ui_screen base;
	unsigned gen;       /* a->gen when laid out; 0 = not yet */
	lay L;
	int laid;
	ui_scroll sc;
	int col_x, col_w, pad;
	int score_h;        /* room for the score block at the top */
	int name_w;         /* section names: the widest, as far as it fits */
	res_row *rows;      /* one per section with points */
	int nrows;
	res_card *cards;
	int ncards;
	SDL_Rect retake_r, catalog_r;
	int focus;          /* 0 catalog, 1 retake */
	int hover;          /* 1 retake, 2 catalog */
	/* asking before a retake: a panel over the results */
	int asking;         /* bool */
	lay ask;            /* its text */
	int ask_laid;
	SDL_Rect ask_r;     /* the panel */
	SDL_Rect keep_r, again_r; /* its buttons */
	int ask_focus;      /* 0 keep my result, 1 start again */
	int ask_hover;      /* 1 keep, 2 again, 0 none */
} results_screen;

static void ask_layout(ui_app *a, results_screen *rs);
static void ask_draw(ui_app *a, results_screen *rs);

/* ------------------------------------------------------------ layout */

/* room for a bar's "100% (99/99)" */
static int
bar_number_w(ui_app *a)
{
	return ui_text_width(a, "100% (99/99)", -1, LAY_F_BODY, LAY_BOLD) + a->em;
}

static void
layout(ui_app *a, results_screen *rs)
{
	pl_player *pl = a->player;
	const ses_results *r = ses_results_get(pl->ses);
	int hh = ui_header_height(a), fh = ui_footer_height(a), k, qn, avail, keep = rs->sc.y;
	lay_params p;
	char buf[256];

	rs->sc.view = (SDL_Rect){ 0, hh, a->w, a->h - hh - fh };
	rs->pad = a->em * 3 / 5;
	avail = a->w - 4 * a->em;
	ui_lay_params(a, &p, avail, pl->mod->dir);
	rs->col_w = lay_column_width(&p, avail);
	rs->col_x = (a->w - rs->col_w) / 2;
	p.width = rs->col_w - 2 * rs->pad;
	if (rs->laid)
		lay_free(&rs->L);
	lay_init(&rs->L, &p);
	rs->laid = 1;
	free(rs->rows);
	free(rs->cards);
	rs->rows = xcalloc((size_t)(r->nsections + 1), sizeof *rs->rows);
	rs->cards = xcalloc((size_t)(r->nreview + 1), sizeof *rs->cards);
	rs->nrows = rs->ncards = 0;

	lay_space(&rs->L, a->em * 3 / 2);
	/* as much as draw_score uses: title, pill, and with a score its
	 * label above and the points below */
	rs->score_h = a->line_h[LAY_F_H1] + a->em / 2 + a->line_h[LAY_F_H2] + a->em / 3 +
	              a->em * 3 / 2;
	if (r->score >= 0)
		rs->score_h += a->line_h[LAY_F_BODY] + a->em / 2 + a->line_h[LAY_F_SMALL];
	lay_space(&rs->L, rs->score_h);

	/* a bar for each section that had points on the path */
	for (k = 0; k < r->nsections; k++)
		if (r->sections[k].percent >= 0)
			break;
	if (k < r->nsections && r->possible > 0) {
		int inner = rs->col_w - 2 * rs->pad, widest = 0, room, wrap;

		lay_text(&rs->L, _("Score by section"), LAY_F_H2, LAY_R_HEADING, 0, LAY_PLAIN);
		lay_space(&rs->L, a->em / 2);
		/* names get the room they need, not a fixed share: the bar keeps
		 * at least a quarter of the row, and when a name would still be
		 * cut every name goes on its own line above its bar */
		for (k = 0; k < r->nsections; k++) {
			const char *name = *r->sections[k].name ? r->sections[k].name
			                                        : _("Introduction");
			int w = ui_text_width(a, name, -1, LAY_F_BODY, 0);

			if (r->sections[k].percent >= 0 && w > widest)
				widest = w;
		}
		room = inner - bar_number_w(a) - a->em - inner / 4;
		wrap = widest > room;
		rs->name_w = wrap ? inner : widest;
		for (k = 0; k < r->nsections; k++) {
			const ses_section_score *sec = &r->sections[k];
			res_row *row;

			if (sec->percent < 0)
				continue;
			row = &rs->rows[rs->nrows++];
			/* name, bar, percent (drawn by hand) on one line; or the
			 * name typeset (wrapped, never cut) above the bar */
			if (wrap)
				lay_text(&rs->L, *sec->name ? sec->name : _("Introduction"),
				         LAY_F_BODY, LAY_R_TEXT, 0, LAY_PLAIN);
			row->y = rs->L.y;
			row->wrap = wrap;
			row->h = a->line_h[LAY_F_BODY];
			lay_space(&rs->L, row->h + a->em / 2);
		}
		lay_space(&rs->L, a->em);
	}

	if (r->nreview > 0) {
		lay_text(&rs->L, _("Your answers"), LAY_F_H2, LAY_R_HEADING, 0, LAY_PLAIN);
		lay_space(&rs->L, a->em / 2);
	}
	for (k = 0, qn = 0; k < r->nreview; k++) {
		const ses_review_item *it = &r->review[k];
		const mod_slide *q = &pl->mod->slides[it->slide];
		int dec = q->qtype == Q_DECISION;
		res_card *c = &rs->cards[rs->ncards++];
		const char *label, *scene;
		char *t, *line, *save = NULL;

		c->y = rs->L.y;
		c->correct = it->correct;
		c->answered = it->answered;
		c->graded = it->points > 0;
		lay_space(&rs->L, rs->pad);
		/* decisions are named by their scenario ("What do you do?" twice
		 * says nothing); graded questions are numbered among themselves,
		 * as module authors number them in slide titles, so a practice
		 * question never shifts the numbers */
		scene = q->title ? q->title : mod_section_of(pl->mod, it->slide);
		if (dec && scene)
			/* TRANSLATORS: review card title of a decision, "Decision: The festival gift" */
			snprintf(buf, sizeof buf, _("Decision: %s"), scene);
		else if (dec)
			snprintf(buf, sizeof buf, "%s", _("Decision"));
		else if (it->points > 0)
			/* TRANSLATORS: review card title, "Question 3" */
			snprintf(buf, sizeof buf, _("Question %d"), ++qn);
		else
			snprintf(buf, sizeof buf, "%s", _("Practice question (no points)"));
		lay_text(&rs->L, buf, LAY_F_SMALL, LAY_R_MUTED, a->em * 2, LAY_PLAIN);
		lay_text(&rs->L, it->prompt, LAY_F_BODY, LAY_R_HEADING, a->em * 2, 0);
		lay_space(&rs->L, a->em / 3);
		label = dec ? _("You chose:") : _("Your answer:");
		lay_text(&rs->L, label, LAY_F_SMALL, LAY_R_MUTED, a->em * 2, LAY_PLAIN);
		if (!it->answered || !*it->yours) {
			lay_text(&rs->L, _("(not answered)"), LAY_F_BODY, LAY_R_MUTED, a->em * 3,
			         LAY_PLAIN);
		} else {
			t = xstrdup(it->yours);
			for (line = strtok_r(t, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
				lay_text(&rs->L, line, LAY_F_BODY, LAY_R_TEXT, a->em * 3, 0);
			free(t);
		}
		if (!it->correct && *it->right) {
			lay_space(&rs->L, a->em / 4);
			lay_text(&rs->L, dec ? _("The best choice:") : _("Correct answer:"),
			         LAY_F_SMALL, LAY_R_MUTED, a->em * 2, LAY_PLAIN);
			t = xstrdup(it->right);
			save = NULL;
			for (line = strtok_r(t, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
				lay_text(&rs->L, line, LAY_F_BODY, LAY_R_TEXT, a->em * 3, 0);
			free(t);
		}
		lay_space(&rs->L, rs->pad);
		c->h = rs->L.y - c->y;
		lay_space(&rs->L, a->em / 2);
	}
	lay_space(&rs->L, a->em * 2);
	rs->sc.content_h = lay_height(&rs->L);
	rs->sc.y = keep;
	ui_scroll_clamp(&rs->sc);
	rs->gen = a->gen;
}

/* ------------------------------------------------------------ drawing */

static int
origin_y(const results_screen *rs)
{
	return rs->sc.view.y - rs->sc.y;
}

/* text centred on the column at y. */
static void
centred(ui_app *a, const results_screen *rs, const char *s, int font, int style,
        int col, int y)
{
	int tw = ui_text_width(a, s, -1, font, style);

	ui_draw_text(a, s, -1, font, style, a->rtl, ui_color(a, col),
	             rs->col_x + (rs->col_w - tw) / 2, y);
}

static void
draw_score(ui_app *a, results_screen *rs, const ses_results *r)
{
	int y = origin_y(rs) + a->em * 3 / 2, tw, h, short_pill = 0;
	char line[256], pct[32], mark[32], best[32];
	SDL_Rect pill;
	const char *verdict;

	if (r->score >= 0) {
		i18n_format_percent(r->score, pct, sizeof pct);
		centred(a, rs, _("Your score"), LAY_F_BODY, 0, UI_MUTED, y);
		y += a->line_h[LAY_F_BODY];
		/* the score itself, twice the title size */
		centred(a, rs, pct, LAY_F_H1, LAY_BOLD, UI_HEADING, y);
		y += a->line_h[LAY_F_H1] + a->em / 2;
		i18n_format_percent(r->pass_mark, mark, sizeof mark);
		verdict = r->passed ? _("Passed") : _("Not passed");
		/* TRANSLATORS: "Passed · pass mark 80%" */
		snprintf(line, sizeof line, _("%s \xc2\xb7 pass mark %s"), verdict, mark);
		/* large text in a narrow window: the verdict alone in the pill,
		 * the pass mark with the points below it */
		short_pill = ui_text_width(a, line, -1, LAY_F_H2, LAY_BOLD) + 2 * a->em > rs->col_w;
		if (short_pill)
			snprintf(line, sizeof line, "%s", verdict);
	} else {
		centred(a, rs, _("Module completed"), LAY_F_H1, LAY_BOLD, UI_HEADING, y);
		y += a->line_h[LAY_F_H1] + a->em / 2;
		snprintf(line, sizeof line, "%s", _("This module has no graded questions."));
	}
	tw = ui_text_width(a, line, -1, LAY_F_H2, LAY_BOLD);
	h = a->line_h[LAY_F_H2] + a->em / 3;
	if (r->score < 0) {
		/* nothing was judged: a plain sentence, not a verdict badge */
		centred(a, rs, line, LAY_F_BODY, 0, UI_MUTED,
		        y + (h - a->line_h[LAY_F_BODY]) / 2);
	} else {
		pill = (SDL_Rect){ rs->col_x + (rs->col_w - tw) / 2 - a->em, y, tw + 2 * a->em, h };
		ui_round_fill(a, pill, h / 2, r->passed ? UI_RIGHT : UI_WRONG);
		/* the page colour reads on right / wrong in every theme */
		ui_draw_text(a, line, -1, LAY_F_H2, LAY_BOLD, a->rtl, ui_color(a, UI_BG),
		             pill.x + a->em, y + a->em / 6);
	}
	y += h + a->em / 2;
	if (r->score >= 0) {
		char pts[64];

		snprintf(pts, sizeof pts, ngettext("%d of %d point", "%d of %d points", r->possible),
		         r->earned, r->possible);
		if (r->attempt > 1 && r->best_score >= 0) {
			i18n_format_percent(r->best_score, best, sizeof best);
			/* TRANSLATORS: "7 of 9 points · attempt 2 · best 90%" */
			snprintf(line, sizeof line, _("%s \xc2\xb7 attempt %d \xc2\xb7 best %s"),
			         pts, r->attempt, best);
		} else {
			snprintf(line, sizeof line, "%s", pts);
		}
		if (short_pill) {
			size_t n = strlen(line);

			/* TRANSLATORS: after the points when the verdict stands
			 * alone, " · pass mark 70%" */
			snprintf(line + n, sizeof line - n, _(" \xc2\xb7 pass mark %s"), mark);
		}
		centred(a, rs, line, LAY_F_SMALL, 0, UI_MUTED, y);
	}
}

static void
draw_bars(ui_app *a, results_screen *rs, const ses_results *r)
{
	int k, n = 0, oy = origin_y(rs), t = a->em / 12 > 1 ? a->em / 12 : 1;
	int inner = rs->col_w - 2 * rs->pad;
	int num_w = bar_number_w(a);
	char pct[32], num[64];

	for (k = 0; k < r->nsections && n < rs->nrows; k++) {
		const ses_section_score *sec = &r->sections[k];
		const res_row *row;
		int name_w, trackw, fill, good, x0, y, by, bh;
		const char *name;
		SDL_Rect track, bar, mark;

		if (sec->percent < 0)
			continue;
		row = &rs->rows[n++];
		y = oy + row->y;
		x0 = rs->col_x + rs->pad;
		name_w = row->wrap ? 0 : rs->name_w;
		trackw = inner - (row->wrap ? 0 : name_w + a->em / 2) - num_w;
		if (!row->wrap) {
			name = ui_ellipsize(a, *sec->name ? sec->name : _("Introduction"),
			                    LAY_F_BODY, 0, name_w);
			ui_draw_text(a, name, -1, LAY_F_BODY, 0, a->rtl, ui_color(a, UI_TEXT),
			             a->rtl ? x0 + inner - ui_text_width(a, name, -1, LAY_F_BODY, 0)
			                    : x0, y);
		}
		bh = a->em;
		by = y + (a->line_h[LAY_F_BODY] - bh) / 2;
		track = (SDL_Rect){ x0 + (name_w ? name_w + a->em / 2 : 0), by, trackw, bh };
		if (a->rtl)
			track.x = x0 + inner - (name_w ? name_w + a->em / 2 : 0) - trackw;
		/* the track's edge marks the whole bar (3:1 on the page) */
		ui_round_fill(a, track, bh / 2, UI_BORDER);
		bar = (SDL_Rect){ track.x + t, track.y + t, track.w - 2 * t, track.h - 2 * t };
		ui_round_fill(a, bar, bar.h / 2, UI_SCROLL);
		good = sec->percent >= r->pass_mark;
		fill = (int)((long)bar.w * sec->percent / 100);
		if (fill > 0) {
			SDL_Rect f = { a->rtl ? bar.x + bar.w - fill : bar.x, bar.y,
			               fill < bar.h ? bar.h : fill, bar.h };

			ui_round_fill(a, f, bar.h / 2, good ? UI_RIGHT : UI_WRONG);
		}
		/* the pass mark, a tick across the track */
		mark = (SDL_Rect){ bar.x + (int)((long)bar.w * r->pass_mark / 100) - t,
		                   track.y - a->em / 5, 2 * t, track.h + 2 * (a->em / 5) };
		if (a->rtl)
			mark.x = bar.x + bar.w - (int)((long)bar.w * r->pass_mark / 100) - t;
		ui_fill(a, mark, UI_TEXT);
		i18n_format_percent(sec->percent, pct, sizeof pct);
		ui_draw_text(a, pct, -1, LAY_F_BODY, LAY_BOLD, 0,
		             ui_color(a, good ? UI_RIGHT : UI_WRONG),
		             a->rtl ? track.x - a->em / 2 - ui_text_width(a, pct, -1, LAY_F_BODY, LAY_BOLD)
		                    : track.x + track.w + a->em / 2, y);
		/* TRANSLATORS: points of a section after its percent, "(3/4)" */
		snprintf(num, sizeof num, _("(%d/%d)"), sec->earned, sec->possible);
		ui_draw_text(a, num, -1, LAY_F_SMALL, 0, 0, ui_color(a, UI_MUTED),
		             a->rtl ? x0 : track.x + track.w + a->em / 2 +
		                           ui_text_width(a, pct, -1, LAY_F_BODY, LAY_BOLD) + a->em / 3,
		             y + (a->line_h[LAY_F_BODY] - a->line_h[LAY_F_SMALL]) / 2);
	}
}

static void
draw_cards(ui_app *a, results_screen *rs)
{
	int k, oy = origin_y(rs), t = a->em / 12 > 1 ? a->em / 12 : 1;

	for (k = 0; k < rs->ncards; k++) {
		const res_card *c = &rs->cards[k];
		SDL_Rect r = { rs->col_x, oy + c->y, rs->col_w, c->h }, in, b;
		int col = !c->answered ? UI_MUTED : c->correct ? UI_RIGHT : UI_WRONG;
		const char *g = !c->answered ? "\xe2\x80\x93" : c->correct ? "\xe2\x9c\x93"
		                                                            : "\xe2\x9c\x97";
		int gw = ui_text_width(a, g, -1, LAY_F_H2, LAY_BOLD);

		if (r.y > rs->sc.view.y + rs->sc.view.h || r.y + r.h < rs->sc.view.y)
			continue;
		ui_round_fill(a, r, a->em / 3, UI_BORDER);
		in = (SDL_Rect){ r.x + t, r.y + t, r.w - 2 * t, r.h - 2 * t };
		ui_round_fill(a, in, a->em / 3, UI_PANEL);
		b = (SDL_Rect){ a->rtl ? r.x + r.w - a->em / 4 : r.x, r.y, a->em / 4, r.h };
		ui_fill(a, b, col);
		ui_draw_text(a, g, -1, LAY_F_H2, LAY_BOLD, 0, ui_color(a, col),
		             a->rtl ? r.x + r.w - rs->pad - a->em - gw / 2
		                    : r.x + rs->pad + a->em - gw / 2,
		             r.y + rs->pad + a->line_h[LAY_F_SMALL]);
	}
}

static void
draw(ui_app *a, ui_screen *s)
{
	results_screen *rs = (results_screen *)s;
	pl_player *pl = a->player;
	const ses_results *r;
	char prog[128];

	if (rs->gen != a->gen)
		layout(a, rs);
	r = ses_results_get(pl->ses);
	SDL_RenderSetClipRect(a->ren, &rs->sc.view);
	draw_score(a, rs, r);
	draw_bars(a, rs, r);
	draw_cards(a, rs);
	ui_draw_lay(a, &rs->L, rs->col_x + rs->pad, origin_y(rs), rs->sc.view, pl->mod->dir);
	ui_scroll_draw(a, &rs->sc);
	ui_header(a, pl->mod->title, _("Results"));
	/* TRANSLATORS: footer of the results screen, "Attempt 2" */
	snprintf(prog, sizeof prog, _("Attempt %d"), r->attempt);
	ui_footer(a, NULL, _("Retake"),
	          (rs->focus == 1 ? UI_BTN_FOCUS : 0) | (rs->hover == 1 ? UI_BTN_HOVER : 0),
	          _("Back to catalog"),
	          UI_BTN_PRIMARY | (rs->focus == 0 ? UI_BTN_FOCUS : 0),
	          &rs->retake_r, &rs->catalog_r);
	{
		SDL_Rect side[2];

		side[0] = overlay_buttons_draw(a, rs->retake_r, rs->catalog_r, 1);
		side[1] = rs->catalog_r;
		/* the attempt is also in the points line from the second on */
		ui_footer_text(a, prog, "", side, 2);
	}
	if (rs->asking) {
		if (rs->gen != a->gen || !rs->ask_laid)
			ask_layout(a, rs);
		ask_draw(a, rs);
	}
}

/* ------------------------------------------------------------ asking */

/* the question before a retake, laid out in a panel in the middle of the
 * window: far from the footer's Retake, so a second click on Retake never
 * answers it. It says what is kept, since the status and score the
 * learner sees next are those of the new attempt. */
static void
ask_layout(ui_app *a, results_screen *rs)
{
	pl_player *pl = a->player;
	const store_progress *p = ses_progress(pl->ses);
	const ses_results *r = ses_results_get(pl->ses);
	int w = rs->col_w < a->em * 30 ? rs->col_w : a->em * 30, pad = a->em, bh, h;
	int best = p ? p->best_score : r->best_score;
	lay_params lp;
	char pct[32], buf[512];

	if (rs->ask_laid)
		lay_free(&rs->ask);
	ui_lay_params(a, &lp, w - 2 * pad, NULL);
	lay_init(&rs->ask, &lp);
	rs->ask_laid = 1;
	lay_text(&rs->ask, _("Start this module again?"), LAY_F_H2, LAY_R_HEADING, 0,
	         LAY_PLAIN);
	lay_space(&rs->ask, a->em / 2);
	lay_text(&rs->ask, _("You start again at the first slide, with no answers."),
	         LAY_F_BODY, LAY_R_TEXT, 0, LAY_PLAIN);
	if (best >= 0) {
		i18n_format_percent(best, pct, sizeof pct);
		/* TRANSLATORS: %s is the best score, "70%" */
		snprintf(buf, sizeof buf, (p ? p->best_status == ST_PASSED : r->passed)
		         ? _("Your best result, passed with %s, stays on record.")
		         : _("Your best score, %s, stays on record."), pct);
		lay_text(&rs->ask, buf, LAY_F_BODY, LAY_R_TEXT, 0, LAY_PLAIN);
	}
	bh = a->line_h[LAY_F_BODY] + a->em / 2;
	h = pad + lay_height(&rs->ask) + a->em + bh + pad;
	rs->ask_r = (SDL_Rect){ (a->w - w) / 2, (a->h - h) / 2, w, h };
	{
		const char *keep = _("Keep my result"), *again = _("Start again");
		int kw = ui_button_width(a, keep), gw = ui_button_width(a, again);
		int y = rs->ask_r.y + h - pad - bh, right = rs->ask_r.x + w - pad;

		/* the way back first, at the trailing edge as Next is */
		rs->keep_r = (SDL_Rect){ right - kw, y, kw, bh };
		rs->again_r = (SDL_Rect){ right - kw - a->em - gw, y, gw, bh };
		if (a->rtl) {
			rs->keep_r.x = rs->ask_r.x + pad;
			rs->again_r.x = rs->keep_r.x + kw + a->em;
		}
	}
}

static void
ask_draw(ui_app *a, results_screen *rs)
{
	SDL_Rect shade = { 0, 0, a->w, a->h }, r = rs->ask_r;

	/* the results dimmed behind the question, in every theme: black
	 * darkens a light page and a dark one alike */
	SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(a->ren, 0, 0, 0, 128);
	SDL_RenderFillRect(a->ren, &shade);
	SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_NONE);
	ui_round_fill(a, r, a->em / 2, UI_BORDER);
	r = (SDL_Rect){ r.x + 1, r.y + 1, r.w - 2, r.h - 2 };
	ui_round_fill(a, r, a->em / 2, UI_BG);
	ui_draw_lay(a, &rs->ask, rs->ask_r.x + a->em, rs->ask_r.y + a->em, rs->ask_r, NULL);
	SDL_RenderSetClipRect(a->ren, NULL);
	ui_button(a, rs->keep_r, _("Keep my result"),
	          UI_BTN_PRIMARY | (rs->ask_focus == 0 ? UI_BTN_FOCUS : 0) |
	          (rs->ask_hover == 1 ? UI_BTN_HOVER : 0));
	ui_button(a, rs->again_r, _("Start again"),
	          (rs->ask_focus == 1 ? UI_BTN_FOCUS : 0) |
	          (rs->ask_hover == 2 ? UI_BTN_HOVER : 0));
}

/* ------------------------------------------------------------ events */

static void
activate(ui_app *a, results_screen *rs, int retake)
{
	if (retake) {
		/* ask first: one click must not put a pass out of sight */
		rs->asking = 1;
		rs->ask_focus = 0;
		rs->ask_hover = 0;
		ask_layout(a, rs);
		ui_guard(a);
		a->dirty = 1;
	} else {
		nav_goto(a, NAV_CATALOG);
	}
}

/* events while asking: 1 start again, 0 keep, -1 not answered yet. */
static int
ask_event(ui_app *a, results_screen *rs, const SDL_Event *e)
{
	int x, y, hover;

	switch (e->type) {
	case SDL_KEYDOWN:
		switch (e->key.keysym.sym) {
		case SDLK_RETURN:
		case SDLK_KP_ENTER:
		case SDLK_SPACE:
			return rs->ask_focus;
		case SDLK_ESCAPE:
			return 0;
		case SDLK_TAB:
		case SDLK_LEFT:
		case SDLK_RIGHT:
			rs->ask_focus = !rs->ask_focus;
			a->dirty = 1;
			break;
		default:
			break;
		}
		return -1;
	case SDL_MOUSEBUTTONUP:
		if (e->button.button != SDL_BUTTON_LEFT || !ui_mouse(a, e, &x, &y))
			return -1;
		if (ui_hit(rs->again_r, x, y))
			return 1;
		if (ui_hit(rs->keep_r, x, y) || !ui_hit(rs->ask_r, x, y))
			return 0;
		return -1;
	case SDL_MOUSEMOTION:
		ui_mouse(a, e, &x, &y);
		hover = ui_hit(rs->keep_r, x, y) ? 1 : ui_hit(rs->again_r, x, y) ? 2 : 0;
		ui_hover(a, &rs->ask_hover, hover);
		return -1;
	default:
		return -1;
	}
}

static void
event(ui_app *a, ui_screen *s, const SDL_Event *e)
{
	results_screen *rs = (results_screen *)s;
	int x, y, hover;

	if (rs->gen != a->gen)
		layout(a, rs);
	if (ui_guarded(a, e))
		return; /* the second click of a double-click on Finish */
	if (rs->asking) {
		int ans = ask_event(a, rs, e);

		if (ans == 1) {
			pl_player *pl = a->player;

			ses_retake(pl->ses);
			nav_goto(a, NAV_SLIDE);
		} else if (ans == 0) {
			rs->asking = 0;
			a->dirty = 1;
		}
		return;
	}
	if (overlay_keys(a, e, 1) || overlay_buttons_event(a, rs->retake_r, rs->catalog_r, 1, e))
		return;
	if (e->type == SDL_KEYDOWN && (e->key.keysym.sym == SDLK_PAGEDOWN ||
	    e->key.keysym.sym == SDLK_PAGEUP || e->key.keysym.sym == SDLK_SPACE)) {
		/* a page less a line, so the line read last stays in sight */
		int page = rs->sc.view.h - a->line_h[LAY_F_BODY];

		rs->sc.y += e->key.keysym.sym == SDLK_PAGEUP ? -page : page;
		ui_scroll_clamp(&rs->sc);
		a->dirty = 1;
		return;
	}
	if (ui_scroll_event(a, &rs->sc, e)) {
		a->dirty = 1;
		return;
	}
	switch (e->type) {
	case SDL_KEYDOWN:
		switch (e->key.keysym.sym) {
		case SDLK_RETURN:
		case SDLK_KP_ENTER:
			activate(a, rs, rs->focus == 1);
			break;
		case SDLK_ESCAPE:
			nav_goto(a, NAV_CATALOG);
			break;
		case SDLK_r:
			activate(a, rs, 1);
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
		if (e->button.button != SDL_BUTTON_LEFT || !ui_mouse(a, e, &x, &y))
			break;
		if (ui_hit(rs->retake_r, x, y))
			activate(a, rs, 1);
		else if (ui_hit(rs->catalog_r, x, y))
			activate(a, rs, 0);
		break;
	case SDL_MOUSEMOTION:
		ui_mouse(a, e, &x, &y);
		hover = ui_hit(rs->retake_r, x, y) ? 1 : ui_hit(rs->catalog_r, x, y) ? 2 : 0;
		ui_hover(a, &rs->hover, hover);
		break;
	default:
		break;
	}
}

static void
destroy(ui_screen *s)
{
	results_screen *rs = (results_screen *)s;

	if (rs->laid)
		lay_free(&rs->L);
	if (rs->ask_laid)
		lay_free(&rs->ask);
	free(rs->rows);
	free(rs->cards);
	free(rs);
}

ui_screen *
results_screen_new(ui_app *a)
{
	results_screen *rs = xcalloc(1, sizeof *rs);

	(void)a;
	rs->base.event = event;
	rs->base.draw = draw;
	rs->base.destroy = destroy;
	rs->gen = a->gen - 1;
	return &rs->base;
}
