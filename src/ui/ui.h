/* ui.h: the SDL front end's framework, shared by every screen.
 *
 * One ui_app holds the window (or an offscreen surface for `lectern
 * render`), the theme, the font sizes, the text-texture and image caches
 * and the screen being shown. A screen is a struct that starts with a
 * ui_screen (event + draw); the loop in ui.c blocks in SDL_WaitEvent and
 * calls draw only when something set a->dirty.
 *
 * All coordinates are in output pixels (renderer output size, so HiDPI is
 * crisp); ui_mouse converts event coordinates. Sizes follow the body font
 * size a->em, never fixed pixels. Whenever sizes or the theme change,
 * a->gen grows: screens lay out again when their saved gen differs. */
#ifndef LT_UI_H
#define LT_UI_H

#include <SDL.h>

#include "settings/palette.h"
#include "text/layout.h"

/* ------------------------------------------------------------ themes */
/* the roles of settings/palette.h, under the front end's names */
enum ui_col {
	UI_BG = PAL_BG, UI_TEXT = PAL_TEXT, UI_MUTED = PAL_MUTED,
	UI_HEADING = PAL_HEADING, UI_PANEL = PAL_PANEL, UI_BORDER = PAL_BORDER,
	UI_HOVER = PAL_HOVER, UI_ACCENT = PAL_ACCENT, UI_ACCENT_TEXT = PAL_ACCENT_TEXT,
	UI_FOCUS = PAL_FOCUS,
	UI_NOTE = PAL_NOTE, UI_NOTE_BG = PAL_NOTE_BG,
	UI_TIP = PAL_TIP, UI_TIP_BG = PAL_TIP_BG,
	UI_WARN = PAL_WARN, UI_WARN_BG = PAL_WARN_BG,
	UI_QUOTE = PAL_QUOTE,
	UI_RIGHT = PAL_RIGHT, UI_RIGHT_BG = PAL_RIGHT_BG,
	UI_WRONG = PAL_WRONG, UI_WRONG_BG = PAL_WRONG_BG,
	UI_SCROLL = PAL_SCROLL, UI_THUMB = PAL_THUMB,
	UI_NCOLORS = PAL_NCOLORS
};

typedef struct {
	const char *name;             /* "light", "dark", "high-contrast" */
	SDL_Color c[UI_NCOLORS];
} ui_theme;

extern const ui_theme ui_themes[];
extern const int ui_nthemes;
/* the theme called name, or NULL. */
const ui_theme *ui_theme_find(const char *name);

/* ------------------------------------------------------------ app */
typedef struct ui_app ui_app;
typedef struct ui_screen ui_screen;
typedef struct ui_text ui_text;       /* fonts + text texture cache (text.c) */
typedef struct ui_images ui_images;   /* decoded image cache (image.c) */

struct ui_screen {
	/* one event (coordinates still in window points: use ui_mouse). */
	void (*event)(ui_app *a, ui_screen *s, const SDL_Event *e);
	/* draw everything (the loop clears and presents). */
	void (*draw)(ui_app *a, ui_screen *s);
	/* free the screen; may be NULL. */
	void (*destroy)(ui_screen *s);
};

struct ui_app {
	SDL_Window *win;        /* NULL when rendering offscreen */
	SDL_Renderer *ren;
	int w, h;               /* output size in pixels */
	float scale;            /* output pixels per window point */
	const ui_theme *theme;
	double text_scale;      /* Ctrl+Plus / Ctrl+Minus, 1.0 */
	int px[LAY_F_COUNT];    /* font size per class, pixels */
	int line_h[LAY_F_COUNT];/* line height per class, pixels */
	int em;                 /* body font size: the unit of all spacing */
	int rtl;                /* lay out right to left (module language) */
	unsigned gen;           /* grows when sizes, theme or language change */
	ui_text *text;
	ui_images *images;
	ui_screen *screen;      /* the screen shown */
	ui_screen *overlay;     /* drawn over it and gets events first, or NULL */
	int dirty;              /* redraw before waiting again */
	int quit;
	int fullscreen;
	Uint32 wake_ms;         /* wake after this long even without events (0: no) */
	Uint32 wake_event;      /* the event type such a wake arrives as (a type of
	                           its own: SDL_USEREVENT may be someone's timer) */
	Uint32 last_input;      /* SDL_GetTicks of the last key, click, wheel */
	Uint64 active_ms;       /* time with input, up to the last input */
	Uint32 guard_until;     /* SDL_GetTicks until which presses are
	                           ignored (ui_guard), 0 none */
	int guard_x, guard_y;   /* the pointer then: clicks elsewhere pass */
	void *player;           /* the player's state (player.h), for screens */
	void *kiosk;            /* kiosk mode's state (kiosk.c), or NULL */
	/* sees every event before the screens; returns 1 to swallow it */
	int (*filter)(ui_app *a, const SDL_Event *e);
	/* asked when the loop is about to end; returning 0 keeps it running */
	int (*may_quit)(ui_app *a);
	const char *prefs_dir;  /* where theme and text size are remembered, or NULL */
	const char *shown_path; /* $LECTERN_SCREEN_TEXT: each frame's visible text
	                           runs are written there (tests read the screen) */
	FILE *shown;            /* open while a frame is drawn, else NULL */
	/* when set, called instead of writing prefs_dir's file whenever the
	 * theme or text size changes (a kiosk keeps them per learner) */
	void (*prefs_changed)(ui_app *a);
	struct ui_places *places; /* NULL, or what the screen shown placed (the
	                             layout check of `lectern render --kiosk`) */
};

/* open the window (size w x h points, 0 = default) with renderer
 * "software" or "accelerated" (NULL: software, see docs/architecture.md).
 * Returns 0, or -1 with a message on stderr. */
int ui_open(ui_app *a, int w, int h, const char *renderer);
/* offscreen: draw into surf (for `lectern render`). Returns 0 or -1. */
int ui_open_surface(ui_app *a, SDL_Surface *surf);
void ui_close(ui_app *a);
/* load fonts from dir (assets/fonts). Returns 0, or -1 with a message. */
int ui_fonts_load(ui_app *a, const char *dir);
/* ui_open, then the fonts from paths_fonts_dir(): what a command that
 * shows a window does first. 0, or -1 (each step says why on stderr). */
int ui_start(ui_app *a, int w, int h, const char *renderer);
/* run until a->quit: wait for events, draw when dirty. */
void ui_run(ui_app *a);
/* one event as the loop handles it: the filter, the global keys, then the
 * overlay or the screen (`lectern render --kiosk` drives screens so). */
void ui_handle(ui_app *a, const SDL_Event *e);
/* draw the current screen (and overlay) once, without presenting. */
void ui_draw_frame(ui_app *a);
/* show screen s (the old one is destroyed unless it is s). */
void ui_set_screen(ui_app *a, ui_screen *s);
/* show or close (NULL) an overlay; the old overlay is destroyed. */
void ui_set_overlay(ui_app *a, ui_screen *s);
/* recompute font sizes from the output size and text scale. */
void ui_resize(ui_app *a);
/* theme by name (also remembered); returns 0, -1 for an unknown name. */
int ui_set_theme(ui_app *a, const char *name);
/* set the text scale (clamped 0.6 .. 2.5), remembered. */
void ui_set_text_scale(ui_app *a, double s);
/* milliseconds of active use since start: gaps between inputs count up to
 * UI_AWAY_MS each, so time away from the screen is not counted. */
enum { UI_AWAY_MS = 5 * 60 * 1000 };
Uint64 ui_active_ms(const ui_app *a);
/* a button that replaces another under the pointer (Check becomes Next,
 * Try again becomes Check, Finish opens the results) must not take the
 * second click of a double-click or a second Enter meant for the first:
 * ui_guard starts UI_GUARD_MS in which ui_guarded is 1 for presses (a
 * mouse button within em/2 of where the pointer was, Enter); a click on
 * anything else is not a double-click and passes. Any other key (Right,
 * a digit) ends the interval at once: a learner who does something else
 * is never held back. A held Enter never presses again. */
enum { UI_GUARD_MS = 500 };
void ui_guard(ui_app *a);
/* 1 when e is a press that must be ignored now. */
int ui_guarded(const ui_app *a, const SDL_Event *e);
/* "1280x720" into *w, *h (64 to 16384 each); 0, or -1 when it is not one. */
int ui_parse_size(const char *s, int *w, int *h);
/* theme and text size from prefs_dir (when not chosen on the command line). */
void ui_prefs_load(ui_app *a, char *theme, size_t size, double *scale);
void ui_prefs_save(ui_app *a);

/* ------------------------------------------------------------ text */
/* width of len bytes of text (len < 0: whole string) in font class and
 * style, with font fallback and the direction of the text. */
int ui_text_width(ui_app *a, const char *s, int len, int font, int style);
/* draw text with its top-left at x, y, vertically centred in a line of
 * line_h[font]; rtl shapes it right to left. */
void ui_draw_text(ui_app *a, const char *s, int len, int font, int style, int rtl,
                  SDL_Color c, int x, int y);
/* lay_params for this app: measure, image sizes, sizes, direction. The
 * module directory is needed for images (NULL: no images). */
void ui_lay_params(ui_app *a, lay_params *p, int width, const char *module_dir);
/* draw laid-out boxes with the column's top-left at x, y, only within clip. */
void ui_draw_lay(ui_app *a, const lay *L, int x, int y, SDL_Rect clip,
                 const char *module_dir);
/* a string fitted to max_w pixels, shortened with "…" when needed;
 * returns a static buffer. */
const char *ui_ellipsize(ui_app *a, const char *s, int font, int style, int max_w);

/* ------------------------------------------------------------ placing */
/* What a screen placed while it drew: controls and lines of text, as much
 * of each as the clip rectangle shows. Collected only when a->places is
 * set (`lectern render --kiosk`, which checks that nothing leaves the
 * window or lies over something else); ui_draw_frame starts the list again
 * when an overlay draws, since what is under it cannot be reached. */
enum { UI_PLACED_MAX = 512 };
typedef struct {
	SDL_Rect r;
	char what[64];          /* the label or text, for the report */
	int cut;                /* the label had to be shortened to fit */
} ui_placed;
typedef struct ui_places {
	ui_placed v[UI_PLACED_MAX];
	int n;
	int lost;               /* places beyond UI_PLACED_MAX */
} ui_places;
/* note that what, drawn in r, was placed (cut: shortened with "…"). */
void ui_place(ui_app *a, SDL_Rect r, const char *what, int cut);

/* ------------------------------------------------------------ images */
/* the decoded image at module_dir/path (decoded now if it is not in the
 * bounded cache); *w, *h get its natural size. NULL when unreadable. */
SDL_Texture *ui_image(ui_app *a, const char *module_dir, const char *path,
                      int *w, int *h);
/* the frame is drawn: the images it used may be dropped from now on. */
void ui_images_drawn(ui_images *im);
void ui_images_free(ui_images *im);
void ui_text_free(ui_text *t);

/* ------------------------------------------------------------ drawing */
SDL_Color ui_color(const ui_app *a, int col);
void ui_fill(ui_app *a, SDL_Rect r, int col);
/* an outline t pixels thick inside r. */
void ui_outline(ui_app *a, SDL_Rect r, int col, int t);
/* a rectangle with rounded corners of radius rad. */
void ui_round_fill(ui_app *a, SDL_Rect r, int rad, int col);

enum { UI_BTN_PRIMARY = 1, UI_BTN_DISABLED = 2, UI_BTN_FOCUS = 4, UI_BTN_HOVER = 8 };
/* a button with a centred label (flags UI_BTN_*). */
void ui_button(ui_app *a, SDL_Rect r, const char *label, int flags);
/* width a button needs for its label. */
int ui_button_width(ui_app *a, const char *label);

/* event position in output pixels; returns 0 when e has no position. */
int ui_mouse(const ui_app *a, const SDL_Event *e, int *x, int *y);
int ui_hit(SDL_Rect r, int x, int y);
/* set *hover (what is under the mouse) to v; a change marks a redraw. */
void ui_hover(ui_app *a, int *hover, int v);
/* current mouse position in output pixels. */
void ui_mouse_now(const ui_app *a, int *x, int *y);

/* ------------------------------------------------------------ scrolling */
typedef struct {
	SDL_Rect view;          /* the visible area */
	int content_h;          /* height of everything */
	int y;                  /* offset of the top of view into the content */
	int drag;               /* dragging the thumb */
	int drag_dy;            /* grab point inside the thumb */
} ui_scroll;

/* clamp y after content_h or view changed. */
void ui_scroll_clamp(ui_scroll *sc);
/* wheel, Up/Down, Home/End and the scroll bar; returns 1 when used (the
 * caller marks dirty when it returns 1). PageUp/PageDown are navigation. */
int ui_scroll_event(ui_app *a, ui_scroll *sc, const SDL_Event *e);
/* the scroll bar at the right edge of view when the content is taller. */
void ui_scroll_draw(ui_app *a, const ui_scroll *sc);
/* the scroll bar's track rectangle (empty when none). */
SDL_Rect ui_scroll_track(const ui_app *a, const ui_scroll *sc);

/* ------------------------------------------------------------ chrome */
/* the header bar: title and, smaller, the section; returns its height. */
int ui_header(ui_app *a, const char *title, const char *section);
int ui_header_height(const ui_app *a);
/* footer with Back / Next and a centred progress text; fills the button
 * rectangles (mirrored in right-to-left); returns its height. */
int ui_footer(ui_app *a, const char *progress, const char *back, int back_flags,
              const char *next, int next_flags, SDL_Rect *back_r, SDL_Rect *next_r);
int ui_footer_height(const ui_app *a);
/* the footer's centre text (small, muted) between the buttons in rects:
 * centred in the window when it clears them, else centred in the room
 * between them as short_s (when not NULL and it fits) or shortened with
 * "…"; left out when there is no room, or when short_s is "". */
void ui_footer_text(ui_app *a, const char *s, const char *short_s,
                    const SDL_Rect *rects, int n);

#endif
