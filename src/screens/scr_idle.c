/* scr_idle.c: the idle countdown, an overlay over a learner's screen.
 *
 * Shown by the navigator when the kiosk says an idle logout is near
 * (NAV_IDLE_WARN). It shows the seconds left, read from the kiosk each time
 * it draws; the kiosk's idle timer fires once a second meanwhile and marks
 * the window dirty, so nothing here keeps time. Any input ends it: the
 * kiosk's event filter sees the input first, swallows it and asks the
 * navigator to close this overlay, so the tap that meant "I am here" does
 * not also press what is underneath. The "Carry on" button is there for
 * a learner who does not know that. */
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/util.h"
#include "kiosk_int.h"
#include "screens.h"

typedef struct {
	ui_screen base;
	kb_row row;
	SDL_Rect panel;
	int y[3];                 /* the three texts */
} idle_screen;

static const char *
seconds_text(ui_app *a, char *buf, size_t size)
{
	int s = kiosk_idle_seconds(kiosk_of(a));

	snprintf(buf, size, _("You will be logged out in %d s."), s > 0 ? s : 0);
	return buf;
}

static const char *
help_text(void)
{
	return _("Touch the screen or press any key to carry on. Your progress is saved "
	         "either way.");
}

/* a panel in the middle: the question, the seconds, what to do, Carry on;
 * every text wraps, and the panel is as tall as they make it */
static void
layout(ui_app *a, idle_screen *p)
{
	int em = a->em, pw = a->w - 4 * em < em * 32 ? a->w - 4 * em : em * 32;
	int tw = pw - 4 * em, h, y;
	char buf[128];
	kb_spec go = { _("Carry on"), 1, UI_BTN_PRIMARY };

	h = em * 2;
	h += kiosk_para(a, _("Are you still there?"), LAY_F_H1, LAY_BOLD, UI_HEADING, 0, 0, tw,
	                FIT_START, 0) + em / 2;
	h += kiosk_para(a, seconds_text(a, buf, sizeof buf), LAY_F_H2, LAY_BOLD, UI_WRONG, 0, 0,
	                tw, FIT_START, 0) + em / 2;
	h += kiosk_para(a, help_text(), LAY_F_BODY, 0, UI_TEXT, 0, 0, tw, FIT_START, 0) + em;
	h += kb_height(a) + em * 2;
	p->panel = (SDL_Rect){ (a->w - pw) / 2, (a->h - h) / 2, pw, h };
	if (p->panel.y < 0)
		p->panel.y = 0;
	y = p->panel.y + em * 2;
	p->y[0] = y;
	y += kiosk_para(a, _("Are you still there?"), LAY_F_H1, LAY_BOLD, UI_HEADING, 0, 0, tw,
	                FIT_START, 0) + em / 2;
	p->y[1] = y;
	y += kiosk_para(a, buf, LAY_F_H2, LAY_BOLD, UI_WRONG, 0, 0, tw, FIT_START, 0) + em / 2;
	p->y[2] = y;
	y += kiosk_para(a, help_text(), LAY_F_BODY, 0, UI_TEXT, 0, 0, tw, FIT_START, 0) + em;
	kb_reset(&p->row);
	kb_flow(a, &p->row, &go, 1, p->panel.x + 2 * em, y, tw, FIT_END);
}

static void
idle_event(ui_app *a, ui_screen *s, const SDL_Event *e)
{
	/* input never gets here: the kiosk's filter takes it and closes this
	 * overlay; only the countdown's redraws do */
	(void)a;
	(void)s;
	(void)e;
}

static void
idle_draw(ui_app *a, ui_screen *s)
{
	idle_screen *p = (idle_screen *)s;
	SDL_Color bg = ui_color(a, UI_BG);
	SDL_Rect all = { 0, 0, a->w, a->h }, in;
	int em = a->em, t = em / 8 > 1 ? em / 8 : 1, x, tw;
	char buf[128];

	layout(a, p);
	x = p->panel.x + 2 * em;
	tw = p->panel.w - 4 * em;
	SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(a->ren, bg.r, bg.g, bg.b, 225);
	SDL_RenderFillRect(a->ren, &all);
	ui_round_fill(a, p->panel, em / 2, UI_BORDER);
	in = (SDL_Rect){ p->panel.x + t, p->panel.y + t, p->panel.w - 2 * t, p->panel.h - 2 * t };
	ui_round_fill(a, in, em / 2, UI_PANEL);
	kiosk_para(a, _("Are you still there?"), LAY_F_H1, LAY_BOLD, UI_HEADING, x, p->y[0], tw,
	           FIT_START, 1);
	kiosk_para(a, seconds_text(a, buf, sizeof buf), LAY_F_H2, LAY_BOLD, UI_WRONG, x, p->y[1],
	           tw, FIT_START, 1);
	kiosk_para(a, help_text(), LAY_F_BODY, 0, UI_TEXT, x, p->y[2], tw, FIT_START, 1);
	kb_draw(a, &p->row);
}

static void
idle_destroy(ui_screen *s)
{
	free(s);
}

ui_screen *
idle_overlay_new(ui_app *a)
{
	idle_screen *p = xcalloc(1, sizeof *p);

	p->base.event = idle_event;
	p->base.draw = idle_draw;
	p->base.destroy = idle_destroy;
	p->row.hover = -1;
	a->dirty = 1;
	return &p->base;
}
