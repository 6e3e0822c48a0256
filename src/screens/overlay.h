/* overlay.h: the table of contents (T) and help (F1 or ?) overlays, drawn
 * over the screen below and modal while open; built by the navigator
 * (screens.h: toc_overlay_new lists the sections and slides of the module
 * being studied, with done / current marks, and opens a slide the session
 * lets the learner reach; help_overlay_new lists every key binding and the
 * theme picker). Here: how screens open them. */
#ifndef LT_OVERLAY_H
#define LT_OVERLAY_H

#include "ui/ui.h"

/* open an overlay for its key: F1 or ? (help), T (contents, only when
 * with_toc). Screens call it after their own keys; 1 when e was used. */
int overlay_keys(ui_app *a, const SDL_Event *e, int with_toc);
/* small Contents and Help buttons in the footer, just after the Back
 * button whose rectangle is back (before it in right-to-left), so the
 * overlays open with the mouse alone. next is the footer's other button: a
 * button that would reach it is left out (large text in a small window;
 * the keys T and F1 still work). Returns the rectangle they and Back take
 * together (for ui_footer_text). */
SDL_Rect overlay_buttons_draw(ui_app *a, SDL_Rect back, SDL_Rect next, int with_toc);
/* a click on one of them opens its overlay; 1 when e was used. */
int overlay_buttons_event(ui_app *a, SDL_Rect back, SDL_Rect next, int with_toc,
                          const SDL_Event *e);

#endif
