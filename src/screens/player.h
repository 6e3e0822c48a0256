/* player.h: what the player's screens share: the settings, the progress
 * store, the learner, and the module being studied with its session.
 * cmd_play.c owns it (a->player); `lectern render` fills it without a
 * store. Opening and leaving a module changes no screen: the navigator
 * (nav.h) does that. */
#ifndef LT_PLAYER_H
#define LT_PLAYER_H

#include "settings/config.h"
#include "format/catalog.h"
#include "format/diag.h"
#include "format/model.h"
#include "learn/session.h"
#include "store/store.h"
#include "sync/spawn.h"
#include "ui/ui.h"

typedef struct {
	cfg_config *cfg;        /* settings (never NULL in the player) */
	store *st;              /* progress store; NULL in `lectern render` */
	long learner;           /* learner id in st */
	const char *learner_label; /* who studies, for the catalog's header
	                            (kiosk: the learner logged in), or NULL */
	char *modules_dir;      /* what the catalog lists */
	mod_module *mod;        /* the module being studied, or NULL */
	ses_session *ses;       /* its session, or NULL */
	char *mod_path;         /* where mod came from */
	char *catalog_sel;      /* module id last selected in the catalog */
	int headless;           /* rendering to a file: no store, no window */
	Uint64 since;           /* ui_active_ms when time was last recorded */
	int updated;            /* tell the learner the module was updated */
	sync_spawner *sync;     /* background `lectern sync` runs, or NULL */
	const char *preview;    /* `lectern preview`: the module followed as
	                           its author edits it, else NULL */
	diag_list errors;       /* preview: why it last failed to load */
	struct watch *watch;    /* preview: its files on disk, or NULL */
	Uint32 ev_changed;      /* preview: the event a change arrives as */
} pl_player;

/* load the module at path and start or resume its session (the module
 * open before is left). Returns 0, or -1 with the loader's diagnostics in
 * dl (nothing changed). */
int pl_load(ui_app *a, const char *path, diag_list *dl);
/* preview: load pl->preview again, on the slide with the id of the one
 * shown (else the first), its questions open, with no store: nothing an
 * author does in preview is recorded. Navigation is free whatever the
 * module says, so that every slide opens from the contents. Returns 0, or -1 with the file's
 * problems in pl->errors (the module shown before stays). */
int pl_reload(ui_app *a);
/* with trusted_keys in the config, 0 only when the module at path is one
 * a trusted key signed, unchanged since (package/package.h); else -1 with
 * the reason in dl. Without trusted_keys every module is accepted. */
int pl_trusted(const pl_player *pl, const char *path, diag_list *dl);
/* the same for every module of a catalog: the refused ones become broken
 * entries whose error says why. Returns how many were refused. */
int pl_trust_catalog(const pl_player *pl, cat_catalog *c);
/* leave the module being studied, if any: its time spent and the leave
 * recorded (store_leave), the UI back in the catalog's language. */
void pl_leave(ui_app *a);
/* record the active time spent in the module so far (ui_active_ms: time
 * away from the screen does not count; answers and visits are recorded as
 * they happen); call before anything that may end the run. */
void pl_save(ui_app *a);
/* the UI language and direction for the module (NULL: catalog). */
void pl_language(ui_app *a, const mod_module *m);
/* give the records a chance to leave: start `lectern sync --auto` in the
 * background when an LRS is configured and none runs, after a module was
 * finished or when the last automatic run is interval_minutes old. */
void pl_sync(ui_app *a, int after_module);

/* the learner chose a UI language in the player (a gettext name, "" for
 * automatic): remember it for them (store) and switch to it now, for the
 * open module or the catalog. A choice that cannot be saved still holds
 * until the player closes. */
void pl_choose_language(ui_app *a, const char *lang);

#endif
