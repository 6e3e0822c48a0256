/* player.h: what the player's screens share: the settings, the progress
 * store, the learner, and the module being studied with its session.
 * cmd_play.c owns it (a->player); `lectern render` fills it without a
 * store. Screens move between each other with pl_open and pl_catalog. */
#ifndef LT_PLAYER_H
#define LT_PLAYER_H

#include "settings/config.h"
#include "format/diag.h"
#include "format/model.h"
#include "learn/session.h"
#include "store/store.h"
#include "ui/ui.h"

typedef struct {
	cfg_config *cfg;        /* settings (never NULL in the player) */
	store *st;              /* progress store; NULL in `lectern render` */
	long learner;           /* learner id in st */
	char *modules_dir;      /* what the catalog lists */
	mod_module *mod;        /* the module being studied, or NULL */
	ses_session *ses;       /* its session, or NULL */
	char *mod_path;         /* where mod came from */
	char *catalog_sel;      /* module id last selected in the catalog */
	int headless;           /* rendering to a file: no store, no window */
	Uint64 since;           /* ui_active_ms when time was last recorded */
	int updated;            /* tell the learner the module was updated */
} pl_player;

/* load the module at path, start or resume its session and show its
 * slide screen. Returns 0, or -1 with the loader's diagnostics in dl
 * (the current screen is left as it was). */
int pl_open(ui_app *a, const char *path, diag_list *dl);
/* leave the module being studied (store_leave) and show the catalog. */
void pl_catalog(ui_app *a);
/* record the active time spent in the module so far (ui_active_ms: time
 * away from the screen does not count; answers and visits are recorded as
 * they happen); call before anything that may end the run. */
void pl_save(ui_app *a);
/* the UI language and direction for the module (NULL: catalog). */
void pl_language(ui_app *a, const mod_module *m);

/* the screens (scr_*.c) */
ui_screen *catalog_screen_new(ui_app *a);
ui_screen *slide_screen_new(ui_app *a);
/* results of the finished attempt (scr_results.c). */
ui_screen *results_screen_new(ui_app *a);

#endif
