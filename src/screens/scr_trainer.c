/* scr_trainer.c: the trainer menu, an opaque overlay shown after the PIN.
 *
 * One screen with modes. The main mode is a table of every learner's
 * progress on this machine (module, status, score, time), scrolling, with
 * buttons below: Export, Learners, Exit kiosk, Close. Export lists the
 * folders worth writing to (USB sticks first, see kr_export_dirs) and a
 * field for any other folder, and writes the xAPI statements and the CSV
 * summary there (kiosk_export.c). Learners lists each learner with Rename
 * (a field with the new name) and Remove (which asks first, with Cancel
 * chosen). Install lists the module packages (.lectern) on the USB sticks
 * and installs the one chosen, or all of them, with the checks of `lectern
 * install` (kiosk_install.c). Exit asks first. Escape goes back one mode,
 * and closes the menu from the main mode. Send records now starts `lectern
 * sync` in the background (spawn.h); while it runs the menu wakes twice a
 * second to show the count of records waiting go down, then says how it
 * ended. A line above the buttons always says how many records wait for
 * the LRS and when it last acknowledged any.
 *
 * Like the picker, the buttons are laid out again on every draw and
 * event; the table and the learners are read from the store each time the
 * main mode is shown and after each change, the folders when Export is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pwd.h>
#include <unistd.h>

#include "format/catalog.h"
#include "base/i18n.h"
#include "kiosk_int.h"
#include "base/util.h"
#include "nav.h"
#include "screens.h"

enum { T_MAIN, T_EXPORT, T_LEARNERS, T_RENAME, T_REMOVE, T_EXIT, T_INSTALL };

enum {
	ID_EXPORT = 1000, ID_LEARNERS, ID_EXIT, ID_CLOSE, ID_BACK, ID_EXPORT_TYPED, ID_SEND,
	ID_SAVE, ID_CONFIRM_REMOVE, ID_CONFIRM_EXIT, ID_INSTALL, ID_INSTALL_ALL,
	ID_INSTALL_TYPED,
	ID_PKG = 7000,            /* + index of a package */
	ID_DIR = 2000,            /* + index of a folder */
	ID_RENAME = 3000,         /* + index of a learner */
	ID_REMOVE = 5000          /* + index of a learner */
};

enum { MAX_DIRS = 16, MAX_PKGS = 64 };

typedef struct trainer {
	ui_screen base;
	int mode;
	store_summary *rows;      /* progress table */
	int nrows;
	cat_catalog cat;          /* the modules, for their titles in the table */
	char **names;             /* learners */
	int nnames;
	char *dirs[MAX_DIRS];     /* export folders */
	int ndirs;
	char *pkgs[MAX_PKGS];     /* .lectern files on the sticks */
	int npkgs;
	int target;               /* learner being renamed or removed */
	kf_field field;           /* new name, or a folder */
	char msg[1024];           /* result of the last action */
	int msg_bad;              /* msg is an error */
	kb_row row;
	ui_scroll sc;
	int top;                  /* y below the header and message */
	char records[512];        /* records for the LRS: how many wait, since when */
	int sending;              /* a sync started here is running */
} trainer;

static void enter(ui_app *a, struct trainer *t, int mode);

/* ------------------------------------------------------------ data */

/* what waits for the LRS, in one line */
static void
records_line(ui_app *a, trainer *t)
{
	pl_player *p = kiosk_of(a)->p;
	store_sync_state s;
	char when[32];

	if (store_sync_state_get(p->st, &s) != 0) {
		t->records[0] = '\0';
		return;
	}
	if (!p->sync || !p->sync->enabled) {
		snprintf(t->records, sizeof t->records,
		         _("%ld records; no learning record store is set up (export them instead)."),
		         s.waiting + s.set_aside + s.acked);
		return;
	}
	if (s.last_ack[0])
		snprintf(when, sizeof when, "%.10s %.5s UTC", s.last_ack, s.last_ack + 11);
	snprintf(t->records, sizeof t->records,
	         _("Records for the LRS: %ld waiting, %ld refused; last acknowledged: %s"),
	         s.waiting, s.set_aside, s.last_ack[0] ? when : _("never"));
}

/* Send records now: start a sync, or watch the one that runs */
static void
send_now(ui_app *a, trainer *t)
{
	pl_player *p = kiosk_of(a)->p;

	t->msg_bad = 1;
	if (!p->sync || !p->sync->enabled) {
		snprintf(t->msg, sizeof t->msg, "%s",
		         _("No learning record store is set up: add lrs: to the config file."));
		return;
	}
	if (sync_spawner_start(p->sync, 0, 0) < 0) {
		snprintf(t->msg, sizeof t->msg, "%s", _("lectern sync could not be started."));
		return;
	}
	kiosk_log("%s", _("the trainer sends the records to the LRS"));
	t->sending = 1;
	t->msg_bad = 0;
	snprintf(t->msg, sizeof t->msg, "%s", _("Sending the records..."));
	a->wake_ms = 500;
}

/* while a sync runs: the count going down, then how it ended */
static void
watch_send(ui_app *a, trainer *t)
{
	pl_player *p = kiosk_of(a)->p;
	store_sync_state s;
	int st;

	records_line(a, t);
	a->dirty = 1;
	if (p->sync->pid && !sync_spawner_poll(p->sync))
		return;
	t->sending = 0;
	a->wake_ms = 0;
	if (store_sync_state_get(p->st, &s) != 0)
		memset(&s, 0, sizeof s);
	st = p->sync->last_status;
	t->msg_bad = st != 0;
	switch (st) {
	case 0:
		snprintf(t->msg, sizeof t->msg, "%s", _("All records were sent to the LRS."));
		break;
	case 3:
		snprintf(t->msg, sizeof t->msg, _("The LRS cannot be reached now; the records "
		                                  "wait and go later (%s)."), s.last_error);
		break;
	case 4:
		snprintf(t->msg, sizeof t->msg, "%s", _("The LRS refused the user name and "
		                                        "password: check lrs: in the config file."));
		break;
	case 5:
		snprintf(t->msg, sizeof t->msg, _("Records sent; the LRS refused %ld of them "
		                                  "(kept: see lectern sync --status)."), s.set_aside);
		break;
	case 6:
		snprintf(t->msg, sizeof t->msg, "%s", _("Another sync is running; try again in "
		                                        "a moment."));
		break;
	default:
		snprintf(t->msg, sizeof t->msg, _("The records could not be sent: %s"),
		         s.last_error[0] ? s.last_error : _("see lectern sync --status"));
		break;
	}
	kiosk_log("%s", t->msg);
}

static void
load(ui_app *a, trainer *t)
{
	kiosk *k = kiosk_of(a);

	free(t->rows);
	t->rows = store_summaries(k->p->st, NULL, &t->nrows);
	if (!t->rows)
		t->nrows = 0;
	if (t->names)
		store_free_names(t->names, t->nnames);
	t->names = store_learners(k->p->st, &t->nnames);
	if (!t->names)
		t->nnames = 0;
	records_line(a, t);
}

/* a module's title for the table: from the modules directory, else its id */
static const char *
module_title(ui_app *a, trainer *t, const char *id)
{
	diag_list dl = { 0 };
	int k;

	if (!t->cat.dir) {
		/* once per menu: a module removed since keeps its id */
		if (cat_scan(&t->cat, kiosk_of(a)->p->modules_dir, &dl) != 0 && !t->cat.dir)
			t->cat.dir = xstrdup(""); /* tried: ids it is */
		diag_free(&dl);
	}
	k = cat_find(&t->cat, id);
	return k >= 0 ? cat_title(&t->cat.v[k]) : id;
}

static const char *
status_label(int status)
{
	switch (status) {
	case ST_IN_PROGRESS:
		return _("In progress");
	case ST_COMPLETED:
		return _("Completed");
	case ST_PASSED:
		return _("Passed");
	case ST_FAILED:
		return _("Failed");
	default:
		return _("Not started");
	}
}

static void
format_time(long s, char *buf, size_t size)
{
	if (s >= 3600)
		snprintf(buf, size, _("%ld h %02ld min"), s / 3600, s / 60 % 60);
	else if (s >= 60)
		snprintf(buf, size, _("%ld min"), s / 60);
	else
		snprintf(buf, size, _("%ld s"), s);
}

static void
export_to(ui_app *a, trainer *t, const char *dir)
{
	char base[64];
	long n = 0;

	if (kiosk_export(kiosk_of(a)->p->st, dir, base, sizeof base, &n, t->msg,
	                 sizeof t->msg) != 0) {
		t->msg_bad = 1;
		return;
	}
	kiosk_log(_("progress exported to %s/%s.json and .csv"), dir, base);
	enter(a, t, T_MAIN); /* shows the table again, read afresh */
	t->msg_bad = 0;
	snprintf(t->msg, sizeof t->msg,
	         _("Saved in %s: %s.json (%ld statements) and .csv"), dir, base, n);
}

/* install one package, or every one listed (path NULL); the message
 * says how the last one went, or how many were refused */
static void
install(ui_app *a, trainer *t, const char *path)
{
	pl_player *p = kiosk_of(a)->p;
	char one[1024];
	int i, bad = 0, n = 0;

	if (path) {
		t->msg_bad = kiosk_install(p, path, t->msg, sizeof t->msg) != 0;
		return;
	}
	for (i = 0; i < t->npkgs; i++, n++)
		if (kiosk_install(p, t->pkgs[i], one, sizeof one) != 0) {
			if (!bad++)
				snprintf(t->msg, sizeof t->msg, "%s", one);
		}
	t->msg_bad = bad > 0;
	if (!bad)
		snprintf(t->msg, sizeof t->msg, ngettext("%d package installed or already "
		         "current.", "%d packages installed or already current.",
		         (unsigned long)n), n);
}

/* the packages in a typed folder: listed, so the trainer sees them */
static void
install_typed(ui_app *a, trainer *t)
{
	char *dir = t->field.buf;
	int i;

	for (i = 0; i < t->npkgs; i++)
		free(t->pkgs[i]);
	t->npkgs = kiosk_packages(&dir, 1, t->pkgs, MAX_PKGS);
	if (!t->npkgs) {
		t->msg_bad = 1;
		snprintf(t->msg, sizeof t->msg, _("No .lectern packages in %s."), dir);
		return;
	}
	install(a, t, NULL);
}

/* ------------------------------------------------------------ modes */

static void
enter(ui_app *a, trainer *t, int mode)
{
	const struct passwd *pw = getpwuid(getuid());
	const char *user = pw ? pw->pw_name : getenv("USER");
	const char *home = getenv("HOME");

	/* what the table shows is read again each time it is shown */
	if (mode == T_MAIN)
		load(a, t);
	t->mode = mode;
	t->msg[0] = '\0';
	t->sc.y = 0;
	t->row.focus = 0;
	t->row.show_focus = 0;
	if (mode == T_EXPORT) {
		int i;

		for (i = 0; i < t->ndirs; i++)
			free(t->dirs[i]);
		t->ndirs = kr_export_dirs("", user, home, t->dirs, MAX_DIRS);
		kf_init(&t->field, 1000, 0);
		kf_set(&t->field, t->ndirs ? t->dirs[0] : "/");
	} else if (mode == T_INSTALL) {
		int i;

		for (i = 0; i < t->ndirs; i++)
			free(t->dirs[i]);
		for (i = 0; i < t->npkgs; i++)
			free(t->pkgs[i]);
		t->ndirs = kr_export_dirs("", user, home, t->dirs, MAX_DIRS);
		t->npkgs = kiosk_packages(t->dirs, t->ndirs, t->pkgs, MAX_PKGS);
		kf_init(&t->field, 1000, 0);
		kf_set(&t->field, t->ndirs ? t->dirs[0] : "/");
	} else if (mode == T_REMOVE) {
		t->row.focus = 1; /* Cancel: removing is not undone */
		t->row.show_focus = 1;
	} else if (mode == T_EXIT) {
		t->row.show_focus = 1; /* Enter confirms */
	} else if (mode == T_RENAME) {
		kf_init(&t->field, KR_NAME_MAX * 2, 0);
		kf_set(&t->field, t->names[t->target]);
	}
	if (mode == T_EXPORT || mode == T_RENAME || mode == T_INSTALL)
		SDL_StartTextInput();
	else
		SDL_StopTextInput();
	a->dirty = 1;
}

static void
do_rename(ui_app *a, trainer *t)
{
	kiosk *k = kiosk_of(a);
	char name[KF_MAX], old[KR_NAME_MAX * 2 + 1];
	const char *why;
	int i;

	snprintf(name, sizeof name, "%s", t->field.buf);
	snprintf(old, sizeof old, "%s", t->names[t->target]);
	t->msg_bad = 1;
	if ((why = kr_name_tidy(name))) {
		snprintf(t->msg, sizeof t->msg, "%s", why);
		return;
	}
	for (i = 0; i < t->nnames; i++) {
		if (i != t->target && kr_name_same(t->names[i], name)) {
			snprintf(t->msg, sizeof t->msg, _("There is already a learner called %s."),
			         t->names[i]);
			return;
		}
	}
	if (store_rename_learner(k->p->st, old, name) != 0) {
		snprintf(t->msg, sizeof t->msg, _("%s could not be renamed: %s"), old,
		         store_warning(k->p->st) ? store_warning(k->p->st) : "");
		return;
	}
	if (strcmp(k->learner, old) == 0)
		snprintf(k->learner, sizeof k->learner, "%.*s", (int)KR_NAME_MAX, name);
	kiosk_log(_("learner %s renamed to %s"), old, name);
	load(a, t);
	enter(a, t, T_LEARNERS);
	t->msg_bad = 0;
	snprintf(t->msg, sizeof t->msg, _("%s is now called %s."), old, name);
}

/* returns 1 when the menu is gone (the removed learner was logged in) */
static int
do_remove(ui_app *a, trainer *t)
{
	kiosk *k = kiosk_of(a);
	char name[KR_NAME_MAX * 2 + 1];

	snprintf(name, sizeof name, "%s", t->names[t->target]);
	if (strcmp(k->learner, name) == 0) {
		/* log them out first (this closes the menu), then remove */
		nav_go(a, (nav_req){ .to = NAV_LOGOUT, .arg = _("removed by the trainer") });
		if (store_remove_learner(k->p->st, name) == 0)
			kiosk_log(_("learner %s removed"), name);
		return 1;
	}
	t->msg_bad = 1;
	if (store_remove_learner(k->p->st, name) != 0) {
		enter(a, t, T_LEARNERS);
		t->msg_bad = 1;
		snprintf(t->msg, sizeof t->msg, _("%s could not be removed: %s"), name,
		         store_warning(k->p->st) ? store_warning(k->p->st) : "");
		return 0;
	}
	kiosk_log(_("learner %s removed"), name);
	load(a, t);
	enter(a, t, T_LEARNERS);
	t->msg_bad = 0;
	snprintf(t->msg, sizeof t->msg, _("%s and their progress were removed."), name);
	return 0;
}

/* ------------------------------------------------------------ layout */

static int
row_h(const ui_app *a)
{
	return a->line_h[LAY_F_BODY] + a->em / 2;
}

static void
layout(ui_app *a, trainer *t)
{
	int em = a->em, bh = a->line_h[LAY_F_BODY] + em, y, x, i, w;
	int foot = a->h - bh - em;

	kb_reset(&t->row);
	t->top = ui_header_height(a) + em + (t->msg[0] ? a->line_h[LAY_F_BODY] + em / 2 : 0);
	t->sc.view = (SDL_Rect){ 0, t->top, a->w, foot - em - t->top };
	switch (t->mode) {
	case T_MAIN: {
		/* room for the column heads above, the key hint below */
		t->top += row_h(a);
		t->sc.view = (SDL_Rect){ 0, t->top, a->w,
		                         foot - em - 2 * a->line_h[LAY_F_SMALL] - t->top };
		static const int ids[] = { ID_EXPORT, ID_SEND, ID_INSTALL, ID_LEARNERS, ID_EXIT,
		                           ID_CLOSE };
		const char *labels[6];

		labels[0] = _("Export progress");
		labels[1] = _("Send records now");
		labels[2] = _("Install modules");
		labels[3] = _("Learners");
		labels[4] = _("Exit kiosk");
		labels[5] = _("Close");
		/* a header row and one row per line of the table (learners with
		 * no module started get one line too) */
		t->sc.content_h = row_h(a) * (t->nrows + t->nnames + 2);
		x = em * 2;
		for (i = 0; i < 6; i++) {
			w = ui_button_width(a, labels[i]);
			if (i == 5)
				x = a->w - em * 2 - w;
			kb_add(&t->row, (SDL_Rect){ x, foot, w, bh }, labels[i], ids[i],
			       i == 5 ? UI_BTN_PRIMARY : 0);
			x += w + em;
		}
		break;
	}
	case T_EXPORT:
		y = t->top + a->line_h[LAY_F_BODY];
		w = a->w - 4 * em;
		for (i = 0; i < t->ndirs; i++) {
			kb_add(&t->row, (SDL_Rect){ 2 * em, y - t->sc.y, w, bh }, t->dirs[i],
			       ID_DIR + i, i == 0 ? UI_BTN_PRIMARY : 0);
			y += bh + em / 2;
		}
		y += a->line_h[LAY_F_BODY] + em / 2 + kf_height(a) + em / 2;
		w = ui_button_width(a, _("Export to this folder"));
		kb_add(&t->row, (SDL_Rect){ a->w - 2 * em - w, y - t->sc.y, w, bh },
		       _("Export to this folder"), ID_EXPORT_TYPED, 0);
		t->sc.content_h = y + bh + em - t->top;
		w = ui_button_width(a, _("Back"));
		kb_add(&t->row, (SDL_Rect){ em * 2, foot, w, bh }, _("Back"), ID_BACK, 0);
		break;
	case T_INSTALL:
		y = t->top + a->line_h[LAY_F_BODY];
		w = a->w - 4 * em;
		for (i = 0; i < t->npkgs; i++) {
			kb_add(&t->row, (SDL_Rect){ 2 * em, y - t->sc.y, w, bh }, t->pkgs[i],
			       ID_PKG + i, 0);
			y += bh + em / 2;
		}
		y += a->line_h[LAY_F_BODY] + em / 2 + kf_height(a) + em / 2;
		w = ui_button_width(a, _("Install from this folder"));
		kb_add(&t->row, (SDL_Rect){ a->w - 2 * em - w, y - t->sc.y, w, bh },
		       _("Install from this folder"), ID_INSTALL_TYPED, 0);
		t->sc.content_h = y + bh + em - t->top;
		w = ui_button_width(a, _("Back"));
		kb_add(&t->row, (SDL_Rect){ em * 2, foot, w, bh }, _("Back"), ID_BACK, 0);
		if (t->npkgs) {
			x = em * 3 + w;
			w = ui_button_width(a, _("Install all"));
			kb_add(&t->row, (SDL_Rect){ x, foot, w, bh }, _("Install all"),
			       ID_INSTALL_ALL, UI_BTN_PRIMARY);
		}
		break;
	case T_LEARNERS: {
		int rw = ui_button_width(a, _("Rename")), mw = ui_button_width(a, _("Remove"));

		y = t->top;
		for (i = 0; i < t->nnames; i++) {
			kb_add(&t->row, (SDL_Rect){ a->w - 2 * em - mw - em - rw, y - t->sc.y, rw, bh },
			       _("Rename"), ID_RENAME + i, 0);
			kb_add(&t->row, (SDL_Rect){ a->w - 2 * em - mw, y - t->sc.y, mw, bh },
			       _("Remove"), ID_REMOVE + i, 0);
			y += bh + em / 2;
		}
		t->sc.content_h = y - t->top;
		w = ui_button_width(a, _("Back"));
		kb_add(&t->row, (SDL_Rect){ em * 2, foot, w, bh }, _("Back"), ID_BACK, 0);
		break;
	}
	case T_RENAME:
		y = t->top + a->line_h[LAY_F_BODY] + kf_height(a) + em;
		w = ui_button_width(a, _("Save"));
		kb_add(&t->row, (SDL_Rect){ a->w - 2 * em - w, y, w, bh }, _("Save"), ID_SAVE,
		       UI_BTN_PRIMARY);
		x = a->w - 3 * em - w;
		w = ui_button_width(a, _("Cancel"));
		kb_add(&t->row, (SDL_Rect){ x - w, y, w, bh }, _("Cancel"), ID_BACK, 0);
		break;
	case T_REMOVE:
	case T_EXIT: {
		const char *yes = t->mode == T_REMOVE ? _("Remove") : _("Exit kiosk");

		y = t->top + 3 * a->line_h[LAY_F_BODY] + em;
		w = ui_button_width(a, yes);
		kb_add(&t->row, (SDL_Rect){ 2 * em, y, w, bh }, yes,
		       t->mode == T_REMOVE ? ID_CONFIRM_REMOVE : ID_CONFIRM_EXIT, UI_BTN_PRIMARY);
		x = 3 * em + w;
		w = ui_button_width(a, _("Cancel"));
		kb_add(&t->row, (SDL_Rect){ x, y, w, bh }, _("Cancel"), ID_BACK, 0);
		break;
	}
	}
	ui_scroll_clamp(&t->sc);
}

/* ------------------------------------------------------------ events */

static void
back(ui_app *a, trainer *t)
{
	switch (t->mode) {
	case T_MAIN:
		nav_goto(a, NAV_TRAINER_CLOSE); /* frees t */
		return;
	case T_RENAME:
	case T_REMOVE:
		enter(a, t, T_LEARNERS);
		return;
	default:
		enter(a, t, T_MAIN);
	}
}

static void
trainer_event(ui_app *a, ui_screen *s, const SDL_Event *e)
{
	trainer *t = (trainer *)s;
	int id, r;

	if (t->sending)
		watch_send(a, t);
	layout(a, t);
	if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
		back(a, t);
		return;
	}
	if (t->mode == T_EXPORT || t->mode == T_RENAME || t->mode == T_INSTALL) {
		r = kf_event(&t->field, e);
		if (r == KF_ENTER) {
			if (t->mode == T_RENAME)
				do_rename(a, t);
			else if (t->mode == T_INSTALL)
				install_typed(a, t);
			else
				export_to(a, t, t->field.buf);
			a->dirty = 1;
			return;
		}
		if (r == KF_CHANGED) {
			a->dirty = 1;
			return;
		}
		if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_SPACE)
			return;
	} else if (e->type == SDL_KEYDOWN && t->mode == T_MAIN) {
		/* letters for the trainer in a hurry */
		switch (e->key.keysym.sym) {
		case SDLK_e:
			enter(a, t, T_EXPORT);
			return;
		case SDLK_i:
			enter(a, t, T_INSTALL);
			return;
		case SDLK_l:
			enter(a, t, T_LEARNERS);
			return;
		case SDLK_x:
			enter(a, t, T_EXIT);
			return;
		case SDLK_s:
			send_now(a, t);
			return;
		default:
			break;
		}
	}
	if ((t->mode == T_MAIN || t->mode == T_EXPORT || t->mode == T_LEARNERS ||
	     t->mode == T_INSTALL) &&
	    ui_scroll_event(a, &t->sc, e)) {
		a->dirty = 1;
		return;
	}
	id = kb_event(a, &t->row, e);
	if (id < 0)
		return;
	a->dirty = 1;
	switch (id) {
	case ID_EXPORT:
		enter(a, t, T_EXPORT);
		return;
	case ID_LEARNERS:
		enter(a, t, T_LEARNERS);
		return;
	case ID_INSTALL:
		enter(a, t, T_INSTALL);
		return;
	case ID_INSTALL_ALL:
		install(a, t, NULL);
		return;
	case ID_INSTALL_TYPED:
		install_typed(a, t);
		return;
	case ID_EXIT:
		enter(a, t, T_EXIT);
		return;
	case ID_SEND:
		send_now(a, t);
		return;
	case ID_CLOSE:
	case ID_BACK:
		back(a, t);
		return;
	case ID_EXPORT_TYPED:
		export_to(a, t, t->field.buf);
		return;
	case ID_SAVE:
		do_rename(a, t);
		return;
	case ID_CONFIRM_REMOVE:
		do_remove(a, t);
		return;
	case ID_CONFIRM_EXIT:
		nav_goto(a, NAV_KIOSK_EXIT); /* frees t */
		return;
	default:
		break;
	}
	if (id >= ID_REMOVE && id - ID_REMOVE < t->nnames) {
		t->target = id - ID_REMOVE;
		enter(a, t, T_REMOVE);
	} else if (id >= ID_RENAME && id - ID_RENAME < t->nnames) {
		t->target = id - ID_RENAME;
		enter(a, t, T_RENAME);
	} else if (id >= ID_PKG && id - ID_PKG < t->npkgs) {
		install(a, t, t->pkgs[id - ID_PKG]);
	} else if (id >= ID_DIR && id - ID_DIR < t->ndirs) {
		export_to(a, t, t->dirs[id - ID_DIR]);
	}
}

/* ------------------------------------------------------------ drawing */

static void
draw_table(ui_app *a, trainer *t)
{
	int em = a->em, rh = row_h(a), x0 = 2 * em, y, i, j, rest;
	int cw[5], cx[5];
	const char *head[5];
	SDL_Rect clip = t->sc.view;
	char score[32], tm[64];

	head[0] = _("Learner");
	head[1] = _("Module");
	head[2] = _("Status");
	head[3] = _("Score");
	head[4] = _("Time");
	/* learner and module share what the three short columns leave */
	cw[2] = em * 8;
	cw[3] = em * 5;
	cw[4] = em * 7;
	rest = a->w - 4 * em - cw[2] - cw[3] - cw[4];
	/* as wide as the longest name needs, between a third and a half */
	for (cw[0] = 0, i = 0; i < t->nnames; i++) {
		int nw = ui_text_width(a, t->names[i], -1, LAY_F_BODY, LAY_BOLD) + em;

		cw[0] = nw > cw[0] ? nw : cw[0];
	}
	cw[0] = cw[0] < rest / 3 ? rest / 3 : cw[0] > rest / 2 ? rest / 2 : cw[0];
	cw[1] = rest - cw[0];
	cx[0] = x0;
	for (i = 1; i < 5; i++)
		cx[i] = cx[i - 1] + cw[i - 1];
	/* the column heads stay put above the scrolling rows */
	y = t->top - rh;
	for (j = 0; j < 5; j++)
		ui_draw_text(a, ui_ellipsize(a, head[j], LAY_F_SMALL, LAY_BOLD, cw[j] - em / 2),
		             -1, LAY_F_SMALL, LAY_BOLD, 0, ui_color(a, UI_MUTED), cx[j], y);
	ui_fill(a, (SDL_Rect){ x0, t->top - em / 4, a->w - 4 * em, 1 }, UI_BORDER);
	SDL_RenderSetClipRect(a->ren, &clip);
	y = t->top - t->sc.y;
	for (i = 0; i < t->nnames; i++) {
		int any = 0;

		for (j = 0; j < t->nrows; j++) {
			const store_summary *r = &t->rows[j];
			const char *cells[5];

			if (strcmp(r->learner, t->names[i]) != 0)
				continue;
			cells[0] = any ? "" : r->learner;
			any = 1;
			if (r->score >= 0)
				snprintf(score, sizeof score, "%d %%", r->score);
			else
				snprintf(score, sizeof score, "—");
			if (r->attempts > 1 && r->best_score >= 0 && r->best_score != r->score) {
				/* a retake under way must not hide what was achieved */
				size_t len = strlen(score);

				/* TRANSLATORS: after a retake's score, "(best 70 %)" */
				snprintf(score + len, sizeof score - len, _(" (best %d %%)"),
				         r->best_score);
			}
			format_time(r->time_spent_s, tm, sizeof tm);
			cells[1] = module_title(a, t, r->module_id);
			cells[2] = status_label(r->status);
			cells[3] = score;
			cells[4] = tm;
			if (y + rh >= t->sc.view.y && y <= t->sc.view.y + t->sc.view.h) {
				int k2;

				for (k2 = 0; k2 < 5; k2++)
					ui_draw_text(a, ui_ellipsize(a, cells[k2], LAY_F_BODY,
					                             k2 == 0 ? LAY_BOLD : 0, cw[k2] - em / 2),
					             -1, LAY_F_BODY, k2 == 0 ? LAY_BOLD : 0, 0,
					             ui_color(a, r->status == ST_FAILED && k2 == 2 ? UI_WRONG
					                                                        : UI_TEXT),
					             cx[k2], y);
			}
			y += rh;
		}
		if (!any) {
			ui_draw_text(a, ui_ellipsize(a, t->names[i], LAY_F_BODY, LAY_BOLD,
			                             cw[0] - em / 2),
			             -1, LAY_F_BODY, LAY_BOLD, 0, ui_color(a, UI_TEXT), cx[0], y);
			ui_draw_text(a, _("no module started"), -1, LAY_F_BODY, 0, 0,
			             ui_color(a, UI_MUTED), cx[1], y);
			y += rh;
		}
	}
	if (!t->nnames)
		ui_draw_text(a, _("No learners yet."), -1, LAY_F_BODY, 0, 0,
		             ui_color(a, UI_MUTED), x0, y);
	SDL_RenderSetClipRect(a->ren, NULL);
	t->sc.content_h = y + t->sc.y - t->top + rh;
	ui_scroll_clamp(&t->sc);
	ui_scroll_draw(a, &t->sc);
}

static void
trainer_draw(ui_app *a, ui_screen *s)
{
	trainer *t = (trainer *)s;
	kiosk *k = kiosk_of(a);
	int em = a->em, y, i;
	char buf[512];
	SDL_Rect all = { 0, 0, a->w, a->h }, clip;
	const char *sub;
	int rtl = a->rtl;

	/* left to right even over a right-to-left module */
	a->rtl = 0;
	layout(a, t);
	ui_fill(a, all, UI_BG);
	if (k->learner[0])
		snprintf(buf, sizeof buf, _("Logged in: %s"), k->learner);
	else
		snprintf(buf, sizeof buf, "%s", _("Nobody is logged in"));
	ui_header(a, _("Trainer menu"), buf);
	y = ui_header_height(a) + em / 2;
	if (t->msg[0]) {
		ui_draw_text(a, ui_ellipsize(a, t->msg, LAY_F_SMALL, LAY_BOLD, a->w - 4 * em), -1,
		             LAY_F_SMALL, LAY_BOLD, 0,
		             ui_color(a, t->msg_bad ? UI_WRONG : UI_RIGHT), 2 * em, y);
	}
	y = t->top;
	switch (t->mode) {
	case T_MAIN:
		draw_table(a, t);
		break;
	case T_EXPORT:
		clip = t->sc.view;
		SDL_RenderSetClipRect(a->ren, &clip);
		ui_draw_text(a, t->ndirs ? _("Export the progress (xAPI and CSV) to:")
		                         : _("No USB stick found. Type a folder:"),
		             -1, LAY_F_BODY, LAY_BOLD, 0, ui_color(a, UI_TEXT), 2 * em, y - t->sc.y);
		y += a->line_h[LAY_F_BODY] + t->ndirs * (a->line_h[LAY_F_BODY] + em + em / 2);
		ui_draw_text(a, _("Or type a folder:"), -1, LAY_F_BODY, 0, 0,
		             ui_color(a, UI_MUTED), 2 * em, y - t->sc.y);
		y += a->line_h[LAY_F_BODY] + em / 2;
		kf_draw(a, &t->field, (SDL_Rect){ 2 * em, y - t->sc.y, a->w - 4 * em, kf_height(a) },
		        NULL, 1);
		SDL_RenderSetClipRect(a->ren, NULL);
		ui_scroll_draw(a, &t->sc);
		break;
	case T_INSTALL:
		clip = t->sc.view;
		SDL_RenderSetClipRect(a->ren, &clip);
		ui_draw_text(a, t->npkgs ? _("Module packages on the USB sticks (choose one, or "
		                             "Install all):")
		                         : _("No module package (.lectern) on a USB stick."),
		             -1, LAY_F_BODY, LAY_BOLD, 0, ui_color(a, UI_TEXT), 2 * em, y - t->sc.y);
		y += a->line_h[LAY_F_BODY] + t->npkgs * (a->line_h[LAY_F_BODY] + em + em / 2);
		ui_draw_text(a, _("Or type a folder:"), -1, LAY_F_BODY, 0, 0,
		             ui_color(a, UI_MUTED), 2 * em, y - t->sc.y);
		y += a->line_h[LAY_F_BODY] + em / 2;
		kf_draw(a, &t->field, (SDL_Rect){ 2 * em, y - t->sc.y, a->w - 4 * em, kf_height(a) },
		        NULL, 1);
		SDL_RenderSetClipRect(a->ren, NULL);
		ui_scroll_draw(a, &t->sc);
		break;
	case T_LEARNERS:
		clip = t->sc.view;
		SDL_RenderSetClipRect(a->ren, &clip);
		for (i = 0; i < t->nnames; i++) {
			int bh = a->line_h[LAY_F_BODY] + em;

			ui_draw_text(a, ui_ellipsize(a, t->names[i], LAY_F_BODY, LAY_BOLD, a->w / 2),
			             -1, LAY_F_BODY, LAY_BOLD, 0, ui_color(a, UI_TEXT), 2 * em,
			             y - t->sc.y + (bh - a->line_h[LAY_F_BODY]) / 2);
			y += bh + em / 2;
		}
		if (!t->nnames)
			ui_draw_text(a, _("No learners yet."), -1, LAY_F_BODY, 0, 0,
			             ui_color(a, UI_MUTED), 2 * em, y);
		SDL_RenderSetClipRect(a->ren, NULL);
		ui_scroll_draw(a, &t->sc);
		break;
	case T_RENAME:
		snprintf(buf, sizeof buf, _("New name for %s:"), t->names[t->target]);
		ui_draw_text(a, ui_ellipsize(a, buf, LAY_F_BODY, LAY_BOLD, a->w - 4 * em), -1,
		             LAY_F_BODY, LAY_BOLD, 0, ui_color(a, UI_TEXT), 2 * em, y);
		kf_draw(a, &t->field, (SDL_Rect){ 2 * em, y + a->line_h[LAY_F_BODY],
		                                  a->w - 4 * em, kf_height(a) }, NULL, 1);
		break;
	case T_REMOVE:
		snprintf(buf, sizeof buf, _("Remove %s and all of their progress?"),
		         t->names[t->target]);
		sub = _("This cannot be undone. Export the progress first if it is still needed.");
		goto confirm;
	case T_EXIT:
		snprintf(buf, sizeof buf, "%s", _("End kiosk mode?"));
		sub = _("Lectern closes and the computer shows what is behind it.");
confirm:
		ui_draw_text(a, ui_ellipsize(a, buf, LAY_F_H2, LAY_BOLD, a->w - 4 * em), -1,
		             LAY_F_H2, LAY_BOLD, 0, ui_color(a, UI_HEADING), 2 * em, y);
		ui_draw_text(a, ui_ellipsize(a, sub, LAY_F_BODY, 0, a->w - 4 * em), -1,
		             LAY_F_BODY, 0, 0, ui_color(a, UI_TEXT), 2 * em,
		             y + a->line_h[LAY_F_H2] + em / 2);
		break;
	}
	if (t->mode == T_MAIN) {
		sub = _("Keys: E export, S send records, I install modules, L learners, X exit "
		        "kiosk, Esc close");
		ui_draw_text(a, ui_ellipsize(a, sub, LAY_F_SMALL, 0, a->w - 4 * em), -1,
		             LAY_F_SMALL, 0, 0, ui_color(a, UI_MUTED), 2 * em,
		             a->h - 2 * em - a->line_h[LAY_F_BODY] - a->line_h[LAY_F_SMALL]);
		ui_draw_text(a, ui_ellipsize(a, t->records, LAY_F_SMALL, LAY_BOLD, a->w - 4 * em),
		             -1, LAY_F_SMALL, LAY_BOLD, 0, ui_color(a, UI_TEXT), 2 * em,
		             a->h - 2 * em - a->line_h[LAY_F_BODY] - 2 * a->line_h[LAY_F_SMALL]);
	}
	kb_draw(a, &t->row);
	a->rtl = rtl;
}

static void
trainer_destroy(ui_screen *s)
{
	trainer *t = (trainer *)s;
	int i;

	/* a sync still running goes on; the menu just stops watching it */
	free(t->rows);
	if (t->names)
		store_free_names(t->names, t->nnames);
	for (i = 0; i < t->ndirs; i++)
		free(t->dirs[i]);
	for (i = 0; i < t->npkgs; i++)
		free(t->pkgs[i]);
	cat_free(&t->cat);
	free(t);
}

ui_screen *
trainer_screen_new(ui_app *a)
{
	trainer *t = xcalloc(1, sizeof *t);

	t->base.event = trainer_event;
	t->base.draw = trainer_draw;
	t->base.destroy = trainer_destroy;
	t->row.hover = -1;
	enter(a, t, T_MAIN);
	t->row.focus = 4; /* Close */
	return &t->base;
}
