/* screens.h: the constructors of every screen and overlay. Only the
 * navigator (nav.c) builds screens, so only nav.c and the file defining
 * each constructor include this header (tests/sh/layers.sh checks the
 * calls). Each returns a screen for ui_set_screen or ui_set_overlay. */
#ifndef LT_SCREENS_H
#define LT_SCREENS_H

#include "ui/ui.h"

/* the module catalog (scr_catalog.c) */
ui_screen *catalog_screen_new(ui_app *a);
/* the open module's current slide, and its question (scr_slide.c) */
ui_screen *slide_screen_new(ui_app *a);
/* results of the finished attempt (scr_results.c) */
ui_screen *results_screen_new(ui_app *a);
/* overlays (overlay.c): the contents of the open module, and help */
ui_screen *toc_overlay_new(ui_app *a);
ui_screen *help_overlay_new(ui_app *a);
/* preview: why the module cannot be shown, FILE:LINE:COL each
 * (scr_errors.c) */
ui_screen *errors_overlay_new(ui_app *a);
/* kiosk screens: the learner picker (scr_picker.c), the trainer's PIN
 * prompt (scr_pin.c) and the trainer menu (scr_trainer.c) */
ui_screen *picker_screen_new(ui_app *a);
ui_screen *pin_screen_new(ui_app *a);
ui_screen *trainer_screen_new(ui_app *a);
/* a learner's code prompt, to check it or to choose one (scr_pin.c) */
ui_screen *code_screen_new(ui_app *a);
/* the idle countdown over a learner's screen (scr_idle.c) */
ui_screen *idle_overlay_new(ui_app *a);

#endif
