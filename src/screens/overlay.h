/* overlay.h: the table of contents (T) and help (F1 or ?) overlays, drawn
 * over the screen below and modal while open (ui_set_overlay). */
#ifndef LT_OVERLAY_H
#define LT_OVERLAY_H

#include "ui/ui.h"

/* sections and slides of the module being studied, with done / current
 * marks; Enter or a click opens a slide the session lets the learner
 * reach. Needs a->player with an open session. */
ui_screen *toc_overlay_new(ui_app *a);
/* every key binding, and the theme picker. */
ui_screen *help_overlay_new(ui_app *a);
/* open an overlay for its key: F1 or ? (help), T (contents, only when
 * with_toc). Screens call it after their own keys; 1 when e was used. */
int overlay_keys(ui_app *a, const SDL_Event *e, int with_toc);
/* small Contents and Help buttons in the footer, just after the Back
 * button whose rectangle is back (before it in right-to-left), so the
 * overlays open with the mouse alone. Returns the rectangle they and Back
 * take together (for ui_footer_text). */
SDL_Rect overlay_buttons_draw(ui_app *a, SDL_Rect back, int with_toc);
/* a click on one of them opens its overlay; 1 when e was used. */
int overlay_buttons_event(ui_app *a, SDL_Rect back, int with_toc, const SDL_Event *e);

#endif
