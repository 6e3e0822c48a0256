/* nav.h: the one way between screens.
 *
 * A screen never builds another screen: it asks nav_go for a request
 * (request.h) and returns. The navigator owns every transition: which
 * screen is shown and which overlay is over it, building and destroying
 * them, opening and leaving modules (player.h), and the kiosk's policy
 * (kiosk.h): in a classroom kiosk, some requests are refused or mean
 * something else (leaving the catalog logs the learner out; only the
 * trainer's Exit ends the program). nav.c is the only file that calls a
 * screen constructor (screens.h) or ui_set_screen / ui_set_overlay;
 * tests/sh/layers.sh checks it. */
#ifndef LT_NAV_H
#define LT_NAV_H

#include "request.h"
#include "ui/ui.h"

/* start the player: in kiosk mode (a->player's settings say so) the
 * learner picker, else the module at path when given, else the catalog.
 * Returns 0, or -1 when path cannot be opened (its problems in dl). */
int nav_start(ui_app *a, const char *path, diag_list *dl);
/* go where r says. The screen or overlay that asked may be destroyed
 * before this returns: the caller returns at once and touches nothing of
 * its own after. Returns 0, or -1 when r was refused (a kiosk request
 * outside kiosk mode, or the kiosk's policy) or failed (NAV_OPEN: the
 * module cannot be loaded, its problems are in r.dl, the screen is as it
 * was). */
int nav_go(ui_app *a, nav_req r);
/* nav_go for a request without argument. */
int nav_goto(ui_app *a, nav_to to);
/* after ui_run: the kiosk's timers and state, if any. */
void nav_end(ui_app *a);

#endif
