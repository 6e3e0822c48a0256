/* scr_errors.c: the errors overlay of `lectern preview`.
 *
 * Shown by the navigator when the module being previewed no longer loads
 * (NAV_RELOAD failed). It lists the loader's problems as the CLI prints
 * them, FILE:LINE:COL: error: MESSAGE, one a line, so the author finds
 * the place in their editor. It covers the last good slide, which comes
 * back when a save fixes the file (the navigator closes this overlay).
 * The list is read from the player each time it draws: a reload that
 * fails again shows the new list. Escape ends the preview. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "nav.h"
#include "player.h"
#include "screens.h"

static void
errors_event(ui_app *a, ui_screen *s, const SDL_Event *e)
{
	(void)s;
	if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE)
		nav_goto(a, NAV_QUIT);
}

/* one line of text at y, shortened to the width; returns the next y */
static int
line(ui_app *a, const char *s, int font, int style, int col, int x, int y, int w)
{
	ui_draw_text(a, ui_ellipsize(a, s, font, style, w), -1, font, style, 0,
	             ui_color(a, col), x, y);
	return y + a->line_h[font];
}

/* s wrapped to the width at spaces (a path without any is cut where it
 * must be, never inside a UTF-8 character); returns the next y. The
 * author needs the whole message: nothing is shortened with "…". */
static int
wrapped(ui_app *a, const char *s, int col, int x, int y, int w)
{
	SDL_Color c = ui_color(a, col);
	int n = (int)strlen(s);

	while (n > 0) {
		int fit = 0, space = 0, k;

		for (k = 1; k <= n; k++) {
			if (k < n && (s[k] & 0xC0) == 0x80)
				continue; /* inside a character */
			if (ui_text_width(a, s, k, LAY_F_BODY, 0) > w)
				break;
			fit = k;
			if (k < n && s[k] == ' ')
				space = k;
		}
		if (fit < n && space > 0)
			fit = space;
		if (fit == 0)
			fit = 1;
		ui_draw_text(a, s, fit, LAY_F_BODY, 0, 0, c, x, y);
		y += a->line_h[LAY_F_BODY];
		s += fit;
		n -= fit;
		while (n > 0 && *s == ' ') {
			s++;
			n--;
		}
	}
	return y;
}

static void
errors_draw(ui_app *a, ui_screen *s)
{
	pl_player *pl = a->player;
	int em = a->em, x = 2 * em, w = a->w - 4 * em, y = 2 * em, i, shown = 0;
	char buf[1024];

	(void)s;
	ui_fill(a, (SDL_Rect){ 0, 0, a->w, a->h }, UI_BG);
	y = line(a, _("This module cannot be shown"), LAY_F_H1, LAY_BOLD, UI_HEADING, x, y, w);
	y = line(a, _("Fix the file and save it: the preview follows."), LAY_F_BODY, 0,
	         UI_MUTED, x, y, w) + em;
	for (i = 0; i < pl->errors.n && y + a->line_h[LAY_F_BODY] < a->h - em; i++) {
		const diag *d = &pl->errors.v[i];

		diag_format(d, buf, sizeof buf);
		y = wrapped(a, buf, d->severity == DIAG_ERROR ? UI_WRONG : UI_TEXT, x, y, w);
		shown++;
	}
	if (shown < pl->errors.n) {
		snprintf(buf, sizeof buf, _("and %d more"), pl->errors.n - shown);
		line(a, buf, LAY_F_BODY, 0, UI_MUTED, x, y, w);
	}
}

static void
errors_destroy(ui_screen *s)
{
	free(s);
}

ui_screen *
errors_overlay_new(ui_app *a)
{
	ui_screen *s = xcalloc(1, sizeof *s);

	(void)a;
	s->event = errors_event;
	s->draw = errors_draw;
	s->destroy = errors_destroy;
	return s;
}
