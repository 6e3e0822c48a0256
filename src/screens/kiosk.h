/* kiosk.h: classroom kiosk mode (--kiosk or `kiosk: true`), as the player
 * sees it: two calls around ui_open. Everything else (the learner picker,
 * the PIN prompt, the trainer menu, what happens to close requests and
 * signals) lives in kiosk*.c and scr_picker.c, scr_pin.c, scr_trainer.c. */
#ifndef LT_KIOSK_H
#define LT_KIOSK_H

#include "settings/config.h"
#include "ui/ui.h"

/* before ui_open: refuse (-1, after saying how to set a PIN) when no
 * trainer PIN is configured; else set the SDL hints for full screen and
 * the keyboard grab, and block the signals a kiosk turns into events.
 * Returns 0. */
int kiosk_prepare(const cfg_config *cfg);
/* after ui_open, fonts and a->player: full screen on top, keyboard grab,
 * event hooks, signal thread, and the learner picker as the screen. */
void kiosk_start(ui_app *a);
/* after ui_run: close timers and free the kiosk state. */
void kiosk_end(ui_app *a);
/* the logged-in learner's name ("" at the picker), for the catalog. */
const char *kiosk_learner(const ui_app *a);

#endif
