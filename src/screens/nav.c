/* nav.c: the navigator (see nav.h). Every change of screen or overlay in
 * the player happens here, in one switch: a newcomer reads this file to
 * learn how the screens connect.
 *
 *   catalog --open--> slide <--> results       (contents and help are
 *      ^                |  ^        |           overlays over slide and
 *      +----catalog-----+  +-retake-+           results; help over the
 *                                               catalog too)
 *   preview: the module --file changed--> the module again, same slide
 *            (or the errors overlay over the last good one, until fixed)
 *   kiosk: picker --login--> catalog ... --logout--> picker
 *          (learner codes: picker --code--> code prompt --right--> login)
 *          any screen --Ctrl+Alt+T--> PIN --> trainer menu --close--> back
 *          idle: countdown overlay --input--> back, --time--> logout
 *
 * Requests go through the kiosk's policy first when a kiosk runs; the
 * kiosk's own wishes (an idle logout, the PIN prompt) come back from its
 * event filter as requests, so the kiosk never calls in here and the flow
 * stays one-way: screens -> navigator -> screens, player, kiosk. */
#include "nav.h"

#include "kiosk.h"
#include "kiosk_int.h"
#include "player.h"
#include "screens.h"
#include "watch.h"

/* the kiosk's hooks into the event loop (ui.h), when a kiosk runs */
static int
filter(ui_app *a, const SDL_Event *e)
{
	nav_req r = { .to = NAV_NONE };
	int swallowed = kiosk_filter(a, e, &r);

	if (r.to != NAV_NONE)
		nav_go(a, r);
	return swallowed;
}

static int
may_quit(ui_app *a)
{
	nav_req r = { .to = NAV_NONE };

	if (kiosk_may_quit(a, &r))
		return 1;
	if (r.to != NAV_NONE)
		nav_go(a, r);
	return 0;
}

/* preview: a change on disk reloads; F2 shows the question answered */
static int
preview_filter(ui_app *a, const SDL_Event *e)
{
	pl_player *pl = a->player;

	if (e->type == pl->ev_changed) {
		nav_goto(a, NAV_RELOAD);
		return 1;
	}
	if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_F2 &&
	    !(e->key.keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)))
		return nav_goto(a, NAV_REVEAL) == 0;
	return 0;
}

/* preview: follow pl->preview on disk from now on, and show it (or why
 * it cannot be shown: the preview stays open for the fix) */
static int
preview_start(ui_app *a)
{
	pl_player *pl = a->player;

	pl->ev_changed = SDL_RegisterEvents(1);
	pl->watch = watch_start(pl->preview, pl->ev_changed);
	a->filter = preview_filter;
	return nav_goto(a, NAV_RELOAD);
}

int
nav_start(ui_app *a, const char *path, diag_list *dl)
{
	pl_player *pl = a->player;

	/* the configured language from the first frame on: the picker is
	 * the first screen, and no module has chosen one yet */
	pl_language(a, NULL);
	if (pl->cfg && pl->cfg->kiosk) {
		kiosk_start(a);
		a->filter = filter;
		a->may_quit = may_quit;
		ui_set_screen(a, picker_screen_new(a));
		return 0;
	}
	if (pl->preview)
		return preview_start(a);
	if (path)
		return nav_go(a, (nav_req){ .to = NAV_OPEN, .arg = path, .dl = dl });
	return nav_goto(a, NAV_CATALOG);
}

void
nav_end(ui_app *a)
{
	a->filter = NULL;
	a->may_quit = NULL;
	kiosk_end(a);
	watch_stop(((pl_player *)a->player)->watch);
	((pl_player *)a->player)->watch = NULL;
}

/* the screen for the open module: its slide, or the results of an
 * attempt that is over */
static ui_screen *
module_screen(ui_app *a)
{
	pl_player *pl = a->player;

	return ses_at_results(pl->ses) ? results_screen_new(a) : slide_screen_new(a);
}

int
nav_go(ui_app *a, nav_req r)
{
	pl_player *pl = a->player;
	kiosk *k = a->kiosk;

	if (k)
		r = kiosk_policy(a, r);
	else if (pl->preview && r.to == NAV_CATALOG)
		r.to = NAV_QUIT; /* a preview has no catalog: leaving it ends it */
	else if (r.to >= NAV_LOGIN)
		return -1; /* a kiosk's request, and no kiosk runs */
	/* moving about is the moment to let records leave; an attempt just
	 * finished is the moment they matter most */
	pl_sync(a, r.to == NAV_RESULTS);
	switch (r.to) {
	case NAV_NONE:
		return -1;
	case NAV_CATALOG:
		pl_leave(a);
		ui_set_overlay(a, NULL);
		ui_set_screen(a, catalog_screen_new(a));
		return 0;
	case NAV_OPEN:
		if (!r.arg || pl_load(a, r.arg, r.dl) != 0)
			return -1;
		ui_set_overlay(a, NULL);
		ui_set_screen(a, module_screen(a));
		return 0;
	case NAV_SLIDE:
	case NAV_RESULTS:
		if (!pl->ses)
			return -1;
		ui_set_overlay(a, NULL);
		ui_set_screen(a, r.to == NAV_SLIDE ? slide_screen_new(a) : results_screen_new(a));
		return 0;
	case NAV_CONTENTS:
		if (!pl->ses)
			return -1;
		ui_set_overlay(a, toc_overlay_new(a));
		return 0;
	case NAV_HELP:
		ui_set_overlay(a, help_overlay_new(a));
		return 0;
	case NAV_CLOSE:
		ui_set_overlay(a, NULL);
		return 0;
	case NAV_QUIT:
		a->quit = 1;
		return 0;
	case NAV_RELOAD:
		if (!pl->preview)
			return -1;
		if (pl_reload(a) != 0) {
			ui_set_overlay(a, errors_overlay_new(a));
			return 0;
		}
		ui_set_overlay(a, NULL);
		ui_set_screen(a, module_screen(a));
		return 0;
	case NAV_REVEAL:
		if (!pl->preview || !pl->ses || ses_at_results(pl->ses) || a->overlay ||
		    pl->mod->slides[ses_current(pl->ses)].qtype == Q_NONE)
			return -1;
		ses_reveal(pl->ses, ses_current(pl->ses));
		ui_set_screen(a, slide_screen_new(a));
		return 0;
	case NAV_LOGIN:
		if (!r.arg)
			return -1;
		kiosk_login(k, r.arg);
		ui_set_overlay(a, NULL);
		ui_set_screen(a, catalog_screen_new(a));
		return 0;
	case NAV_CODE:
		kiosk_code_opening(k, r.arg);
		ui_set_overlay(a, code_screen_new(a));
		return 0;
	case NAV_LOGOUT:
		kiosk_logout(k, r.arg ? r.arg : "");
		ui_set_overlay(a, NULL);
		ui_set_screen(a, picker_screen_new(a));
		return 0;
	case NAV_TRAINER_PIN:
		if (kiosk_trainer_opening(k) != 0)
			return -1;
		ui_set_overlay(a, pin_screen_new(a));
		return 0;
	case NAV_TRAINER:
		ui_set_overlay(a, trainer_screen_new(a));
		return 0;
	case NAV_TRAINER_CLOSE:
		kiosk_trainer_closed(k);
		ui_set_overlay(a, NULL);
		return 0;
	case NAV_IDLE_WARN:
		ui_set_overlay(a, idle_overlay_new(a));
		return 0;
	case NAV_IDLE_CANCEL:
		ui_set_overlay(a, NULL);
		return 0;
	case NAV_KIOSK_EXIT:
		kiosk_exiting(k);
		ui_set_overlay(a, NULL);
		ui_set_screen(a, picker_screen_new(a));
		a->quit = 1;
		return 0;
	}
	return -1;
}

int
nav_goto(ui_app *a, nav_to to)
{
	return nav_go(a, (nav_req){ .to = to });
}
