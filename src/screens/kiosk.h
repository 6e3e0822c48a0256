/* kiosk.h: classroom kiosk mode (--kiosk or `kiosk: true`): a policy of
 * the navigator (nav.h). The command calls kiosk_prepare before ui_open;
 * the navigator starts and ends the kiosk and asks it about every event
 * and request. The kiosk never changes screens itself: it answers with
 * requests. Its screens (scr_picker.c, scr_pin.c, scr_trainer.c) and state
 * are in kiosk_int.h. */
#ifndef LT_KIOSK_H
#define LT_KIOSK_H

#include "request.h"
#include "settings/config.h"
#include "ui/ui.h"

/* before ui_open: refuse (-1, after saying how to set a PIN) when no
 * trainer PIN is configured; else set the SDL hints for full screen and
 * the keyboard grab, and block the signals a kiosk turns into events.
 * Returns 0. */
int kiosk_prepare(const cfg_config *cfg);
/* after ui_open, fonts and a->player: full screen on top, keyboard grab,
 * the signal thread, nobody logged in. The navigator shows the picker. */
void kiosk_start(ui_app *a);
/* after ui_run: close timers and free the kiosk state. */
void kiosk_end(ui_app *a);
/* every event, before the screens: 1 when the kiosk swallowed it. When
 * something must happen (the PIN prompt, an idle logout), *r says what. */
int kiosk_filter(ui_app *a, const SDL_Event *e, nav_req *r);
/* the loop is about to end: 1 when it may (the trainer chose Exit), else
 * 0, with what to do instead in *r (log the learner out). */
int kiosk_may_quit(ui_app *a, nav_req *r);
/* a screen's request as the kiosk allows it: r itself, another request
 * (leaving the catalog logs out), or NAV_NONE when refused. */
nav_req kiosk_policy(ui_app *a, nav_req r);

#endif
