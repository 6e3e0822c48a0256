/* scr_slide.c: the slide screen: header, typeset body, footer.
 *
 * The body is laid out (layout.c) once per slide and per size, theme or
 * language change (a->gen), into a column of readable width centred in the
 * window, and scrolls when it is taller than the space between header and
 * footer. Drawing only walks the boxes; text textures come from the cache.
 * Navigation goes through the session, which knows the module's rules;
 * the question part (scr_question.c) adds the options of a question.
 * When the module was updated since the learner's last visit, a banner
 * under the header says so (and that their answers were kept) until it is
 * dismissed or the learner moves to another slide. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "overlay.h"
#include "slide.h"
#include "base/util.h"
#include "nav.h"
#include "screens.h"

static int
margin(const ui_app *a)
{
	return a->em * 2;
}

int
slide_origin_x(const slide_screen *ss)
{
	return ss->col_x;
}

int
slide_origin_y(const slide_screen *ss)
{
	return ss->sc.view.y + ss->pad - ss->sc.y;
}

void
slide_relayout(slide_screen *ss)
{
	ss->shown = -1;
}

/* the "module updated" banner at y, across the window, its text in the
 * column beside a Dismiss button; sets notice_r (height 0 when none). */
static void
notice_layout(ui_app *a, slide_screen *ss, int y)
{
	const char *ok = _("Dismiss");
	int pad = a->em / 2, bw = ui_button_width(a, ok), gap = a->em;
	int bh = a->line_h[LAY_F_BODY] + a->em / 2, tw = ss->col_w - bw - gap, th, h;
	lay_params p;

	ss->notice_r = (SDL_Rect){ 0, y, a->w, 0 };
	if (!ss->pl->updated)
		return;
	if (tw < a->em * 8)
		tw = a->em * 8;
	ui_lay_params(a, &p, tw, NULL);
	lay_free(&ss->notice);
	lay_init(&ss->notice, &p);
	lay_text(&ss->notice, _("**This module has been updated** since you last studied it. "
	                        "Your answers to questions that are still in it have been kept."),
	         LAY_F_SMALL, LAY_R_TEXT, 0, 0);
	th = lay_height(&ss->notice);
	h = (th > bh ? th : bh) + 2 * pad;
	ss->notice_r.h = h;
	ss->notice_y = y + (h - th) / 2;
	ss->notice_x = a->rtl ? ss->col_x + ss->col_w - tw : ss->col_x;
	ss->dismiss_r = (SDL_Rect){ a->rtl ? ss->col_x : ss->col_x + ss->col_w - bw,
	                            y + (h - bh) / 2, bw, bh };
}

static void
notice_draw(ui_app *a, slide_screen *ss, int hover)
{
	SDL_Rect r = ss->notice_r, line = { 0, r.y + r.h - 1, r.w, 1 };
	SDL_Rect bar = { 0, r.y, a->em / 4, r.h };

	if (r.h == 0)
		return;
	if (a->rtl)
		bar.x = a->w - bar.w;
	ui_fill(a, r, UI_NOTE_BG);
	ui_fill(a, bar, UI_NOTE);
	ui_fill(a, line, UI_BORDER);
	ui_draw_lay(a, &ss->notice, ss->notice_x, ss->notice_y, r, NULL);
	ui_button(a, ss->dismiss_r, _("Dismiss"), hover ? UI_BTN_HOVER : 0);
}

static void layout(ui_app *a, slide_screen *ss);

/* the learner has read the banner: give its room back to the slide. */
static void
notice_dismiss(ui_app *a, slide_screen *ss)
{
	ss->pl->updated = 0;
	lay_free(&ss->notice);
	memset(&ss->notice, 0, sizeof ss->notice);
	layout(a, ss);
	a->dirty = 1;
}

static void
layout(ui_app *a, slide_screen *ss)
{
	pl_player *pl = ss->pl;
	const mod_module *m = pl->mod;
	int cur = ses_current(pl->ses), avail, hh = ui_header_height(a);
	int fh = ui_footer_height(a), keep = ss->shown == cur ? ss->sc.y : 0, top;
	lay_params p;

	if (ss->shown >= 0 && ss->shown != cur)
		pl->updated = 0; /* the banner goes once the learner moves on */
	ss->pad = a->em * 3 / 2;
	avail = a->w - 2 * margin(a);
	ui_lay_params(a, &p, avail, m->dir);
	ss->col_w = lay_column_width(&p, avail);
	ss->col_x = (a->w - ss->col_w) / 2;
	notice_layout(a, ss, hh);
	top = hh + ss->notice_r.h;
	ss->sc.view = (SDL_Rect){ 0, top, a->w, a->h - top - fh };
	ui_lay_params(a, &p, avail, m->dir); /* the banner used the shared context */
	p.width = ss->col_w;
	p.max_image_h = ss->sc.view.h - 2 * ss->pad;
	if (p.max_image_h < a->em * 4)
		p.max_image_h = a->em * 4;
	lay_free(&ss->L);
	lay_init(&ss->L, &p);
	lay_slide(&ss->L, &m->slides[cur]);
	if (m->slides[cur].qtype != Q_NONE)
		qpart_layout(a, ss);
	/* the layout ends with a block's spacing already */
	ss->sc.content_h = lay_height(&ss->L) + ss->pad;
	ss->sc.y = keep;
	ui_scroll_clamp(&ss->sc);
	ss->shown = cur;
	ss->gen = a->gen;
}

static void
draw(ui_app *a, ui_screen *s)
{
	slide_screen *ss = (slide_screen *)s;
	pl_player *pl = ss->pl;
	const mod_module *m = pl->mod;
	int cur = ses_current(pl->ses), q, flags = 0, bflags = 0, place, total;
	const char *next, *sect;
	char prog[128];

	q = m->slides[cur].qtype != Q_NONE;
	if (ss->shown != cur || ss->gen != a->gen || (q && qpart_stale(ss)))
		layout(a, ss);
	if (q)
		qpart_draw(a, ss, 0);
	ui_draw_lay(a, &ss->L, slide_origin_x(ss), slide_origin_y(ss), ss->sc.view,
	            m->dir);
	if (q)
		qpart_draw(a, ss, 1);
	ui_scroll_draw(a, &ss->sc);
	notice_draw(a, ss, ss->hover == 3);

	sect = mod_section_of(m, cur);
	ui_header(a, m->title, sect);
	/* the learner's route, not the file: a branch not taken never counts */
	ses_counter(pl->ses, &place, &total);
	/* TRANSLATORS: the footer's progress, "Slide 3 of 12" */
	snprintf(prog, sizeof prog, _("Slide %d of %d"), place, total);
	next = q ? qpart_next(a, ss, &flags) : NULL;
	if (!next) {
		next = mod_next_index(m, cur) == NEXT_END && m->slides[cur].qtype != Q_DECISION
		       ? _("Finish") : _("Next");
		flags = UI_BTN_PRIMARY | (ses_can_next(pl->ses) ? 0 : UI_BTN_DISABLED);
	}
	if (ss->hover == 2)
		flags |= UI_BTN_HOVER;
	bflags = ses_can_back(pl->ses) ? (ss->hover == 1 ? UI_BTN_HOVER : 0)
	                               : UI_BTN_DISABLED;
	ui_footer(a, NULL, _("Back"), bflags, next, flags, &ss->back_r, &ss->next_r);
	{
		/* contents and help by mouse; the progress text keeps clear of
		 * them when the text is large */
		SDL_Rect side[2];
		char brief[32];

		snprintf(brief, sizeof brief, "%d / %d", place, total);
		side[0] = overlay_buttons_draw(a, ss->back_r, ss->next_r, 1);
		side[1] = ss->next_r;
		ui_footer_text(a, prog, brief, side, 2);
	}
	{
		/* how far along: a thin bar on the footer's top edge */
		int bw = (int)((long)a->w * place / (total > 0 ? total : 1));
		SDL_Rect bar = { a->rtl ? a->w - bw : 0, a->h - ui_footer_height(a), bw,
		                 a->em / 6 > 2 ? a->em / 6 : 2 };
		ui_fill(a, bar, UI_ACCENT);
	}
}

void
slide_next(ui_app *a, slide_screen *ss)
{
	int r;

	if (ss->pl->mod->slides[ses_current(ss->pl->ses)].qtype != Q_NONE &&
	    qpart_activate(a, ss))
		return;
	r = ses_next(ss->pl->ses);
	if (r == SES_FINISHED) {
		ui_guard(a); /* Finish becomes a results button under the pointer */
		nav_goto(a, NAV_RESULTS);
		return;
	}
	a->dirty = 1;
}

void
slide_back(ui_app *a, slide_screen *ss)
{
	if (ses_back(ss->pl->ses) == SES_MOVED)
		a->dirty = 1;
}

static void
event(ui_app *a, ui_screen *s, const SDL_Event *e)
{
	slide_screen *ss = (slide_screen *)s;
	int x, y, hover;

	if (ss->shown != ses_current(ss->pl->ses) || ss->gen != a->gen ||
	    (ss->pl->mod->slides[ss->shown].qtype != Q_NONE && qpart_stale(ss)))
		layout(a, ss); /* events need the geometry of what is shown */
	if (ui_guarded(a, e))
		return; /* the second press of a double-click on Check */
	if (ss->notice_r.h > 0 && (e->type == SDL_MOUSEBUTTONDOWN ||
	                           e->type == SDL_MOUSEBUTTONUP) &&
	    ui_mouse(a, e, &x, &y) && ui_hit(ss->notice_r, x, y)) {
		/* the banner's own clicks: never a click on what is under it */
		if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT &&
		    ui_hit(ss->dismiss_r, x, y))
			notice_dismiss(a, ss);
		return;
	}
	if (ss->notice_r.h > 0 && e->type == SDL_MOUSEMOTION) {
		ui_mouse(a, e, &x, &y);
		hover = ui_hit(ss->dismiss_r, x, y);
		if (hover != (ss->hover == 3)) {
			ss->hover = hover ? 3 : 0;
			a->dirty = 1;
		}
	}
	if (ss->pl->mod->slides[ses_current(ss->pl->ses)].qtype != Q_NONE &&
	    qpart_event(a, ss, e))
		return;
	if (overlay_keys(a, e, 1) || /* T, F1, ? */
	    overlay_buttons_event(a, ss->back_r, ss->next_r, 1, e))
		return;
	if (ui_scroll_event(a, &ss->sc, e)) {
		a->dirty = 1;
		return;
	}
	switch (e->type) {
	case SDL_KEYDOWN:
		switch (e->key.keysym.sym) {
		case SDLK_RIGHT: /* the keys are a contract: same in RTL */
		case SDLK_PAGEDOWN:
		case SDLK_SPACE:
			slide_next(a, ss);
			break;
		case SDLK_RETURN:
		case SDLK_KP_ENTER:
			slide_next(a, ss);
			break;
		case SDLK_LEFT:
		case SDLK_PAGEUP:
			slide_back(a, ss);
			break;
		case SDLK_ESCAPE:
			nav_goto(a, NAV_CATALOG);
			break;
		default:
			break;
		}
		break;
	case SDL_MOUSEBUTTONUP:
		if (e->button.button != SDL_BUTTON_LEFT || !ui_mouse(a, e, &x, &y))
			break;
		if (ui_hit(ss->next_r, x, y))
			slide_next(a, ss);
		else if (ui_hit(ss->back_r, x, y))
			slide_back(a, ss);
		break;
	case SDL_MOUSEMOTION:
		ui_mouse(a, e, &x, &y);
		hover = ui_hit(ss->back_r, x, y) ? 1 : ui_hit(ss->next_r, x, y) ? 2
		        : ss->notice_r.h > 0 && ui_hit(ss->dismiss_r, x, y) ? 3 : 0;
		ui_hover(a, &ss->hover, hover);
		break;
	default:
		break;
	}
}

static void
destroy(ui_screen *s)
{
	slide_screen *ss = (slide_screen *)s;

	qpart_free(ss);
	lay_free(&ss->L);
	lay_free(&ss->notice);
	free(ss);
}

ui_screen *
slide_screen_new(ui_app *a)
{
	slide_screen *ss = xcalloc(1, sizeof *ss);

	ss->base.event = event;
	ss->base.draw = draw;
	ss->base.destroy = destroy;
	ss->pl = a->player;
	ss->shown = -1;
	return &ss->base;
}
