/* scr_trainer.c: the trainer menu, an opaque overlay shown after the PIN.
 *
 * One screen with modes. The main mode is a table of every learner's
 * progress on this machine (module, status, score, time), scrolling, with
 * buttons below: Export, Class report, Send records, Install modules,
 * Learners, Exit kiosk, Close. Export lists the
 * folders worth writing to (USB sticks first, see kr_export_dirs) and a
 * field for any other folder, and writes the xAPI statements and the CSV
 * summary there (kiosk_export.c); Class report offers the same folders for
 * the class report's HTML page (kiosk_class_report). Learners lists each learner with Rename
 * (a field with the new name) and Remove (which asks first, with Cancel
 * chosen). Install lists the module packages (.lectern) on the USB sticks
 * and installs the one chosen, or all of them, with the checks of `lectern
 * install` (kiosk_install.c). Send records now starts `lectern sync` in the
 * background (spawn.h); while it runs the menu wakes twice a second to show
 * the count of records waiting go down, then says how it ended. A line
 * above the buttons always says how many records wait for the LRS and when
 * it last acknowledged any. Exit asks first. Escape goes back one mode, and
 * closes the menu from the main mode.
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

enum { T_MAIN, T_EXPORT, T_LEARNERS, T_RENAME, T_REMOVE, T_EXIT, T_INSTALL, T_REPORT };

enum {
	ID_EXPORT = 1000, ID_LEARNERS, ID_EXIT, ID_CLOSE, ID_BACK, ID_EXPORT_TYPED, ID_SEND,
	ID_SAVE, ID_CONFIRM_REMOVE, ID_CONFIRM_EXIT, ID_INSTALL, ID_INSTALL_ALL,
	ID_INSTALL_TYPED, ID_REPORT, ID_REPORT_TYPED,
	ID_PKG = 7000,            /* + index of a package */
	ID_DIR = 2000,            /* + index of a folder */
	ID_RESET_CODE = 4000,     /* + index of a learner */
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
	int msg_h;                /* height of the message (it wraps) */
	int hint_y, hint_h;       /* the line of keys above the main buttons */
	int text_y, text2_y;      /* the mode's texts (before scrolling) */
	SDL_Rect field_r;         /* the mode's text field */
	char records[512];        /* records for the LRS: how many wait, since when */
	int records_y, records_h; /* where that line goes (main mode) */
	int sending;              /* a sync started here is running */
	kosk kbd;                 /* the on-screen keyboard for a new name */
} trainer;

static const char *
hint_text(void)
{
	return _("Keys: E export, C class report, S send records, I install modules, "
	         "L learners, X exit kiosk, Esc close");
}

static const char *
export_intro(const trainer *t)
{
	return t->ndirs ? _("Export the progress (xAPI and CSV) to:")
	                : _("No USB stick found. Type a folder:");
}

static const char *
report_intro(const trainer *t)
{
	return t->ndirs ? _("Write the class report (an HTML page to print or send) to:")
	                : _("No USB stick found. Type a folder:");
}

static const char *
install_intro(const trainer *t)
{
	return t->npkgs ? _("Module packages on the USB sticks (choose one, or Install all):")
	                : _("No module package (.lectern) on a USB stick.");
}

static void enter(ui_app *a, struct trainer *t, int mode);
static void records_line(ui_app *a, trainer *t);

/* ------------------------------------------------------------ data */

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
	kiosk_log(L_("progress exported to %s/%s.json and .csv"), dir, base);
	enter(a, t, T_MAIN); /* shows the table again, read afresh */
	t->msg_bad = 0;
	snprintf(t->msg, sizeof t->msg,
	         _("Saved in %s: %s.json (%ld statements) and .csv"), dir, base, n);
}

static void
report_to(ui_app *a, trainer *t, const char *dir)
{
	char path[1024];

	if (kiosk_class_report(kiosk_of(a)->p, dir, path, sizeof path, t->msg,
	                       sizeof t->msg) != 0) {
		t->msg_bad = 1;
		return;
	}
	kiosk_log(L_("class report written to %s"), path);
	enter(a, t, T_MAIN);
	t->msg_bad = 0;
	snprintf(t->msg, sizeof t->msg, _("Class report saved: %s"), path);
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
	kiosk_log("%s", L_("the trainer sends the records to the LRS"));
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
	kiosk_log(L_("lectern sync started from the trainer menu ended with status %d"), st);
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
	if (mode == T_EXPORT || mode == T_REPORT) {
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
		t->row.focus = 1; /* Save, right of Cancel */
		kf_init(&t->field, KR_NAME_MAX * 2, 0);
		kf_set(&t->field, t->names[t->target]);
	}
	if (mode == T_EXPORT || mode == T_REPORT || mode == T_RENAME || mode == T_INSTALL)
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
	kiosk_log(L_("learner %s renamed to %s"), old, name);
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
		nav_go(a, (nav_req){ .to = NAV_LOGOUT, .arg = L_("removed by the trainer") });
		if (store_remove_learner(k->p->st, name) == 0)
			kiosk_log(L_("learner %s removed"), name);
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
	kiosk_log(L_("learner %s removed"), name);
	load(a, t);
	enter(a, t, T_LEARNERS);
	t->msg_bad = 0;
	snprintf(t->msg, sizeof t->msg, _("%s and their progress were removed."), name);
	return 0;
}

/* the learner chooses a new code at their next login */
static void
reset_code(ui_app *a, trainer *t, int i)
{
	kiosk *k = kiosk_of(a);
	char name[KR_NAME_MAX * 2 + 1], g[32];

	snprintf(name, sizeof name, "%s", t->names[i]);
	t->msg_bad = 1;
	if (store_code_set(k->p->st, name, NULL) != 0) {
		snprintf(t->msg, sizeof t->msg, _("The PIN of %s could not be reset: %s"), name,
		         store_warning(k->p->st) ? store_warning(k->p->st) : "");
		return;
	}
	/* and a lock from wrong guesses goes with the old PIN */
	snprintf(g, sizeof g, "learner:%ld", store_learner(k->p->st, name));
	store_guard_set(k->p->st, g, 0, 0);
	kiosk_log(L_("PIN of learner %s reset by the trainer"), name);
	t->msg_bad = 0;
	snprintf(t->msg, sizeof t->msg, _("%s will choose a new PIN at their next login."),
	         name);
}

/* ------------------------------------------------------------ layout */

static int
row_h(const ui_app *a)
{
	return a->line_h[LAY_F_BODY] + a->em / 2;
}

/* the question and the line under it of a confirmation */
static void
confirm_text(const trainer *t, char *q, size_t size, const char **sub)
{
	if (t->mode == T_REMOVE) {
		snprintf(q, size, _("Remove %s and all of their progress?"), t->names[t->target]);
		*sub = _("This cannot be undone. Export the progress first if it is still needed.");
	} else {
		snprintf(q, size, "%s", _("End kiosk mode?"));
		*sub = _("Lectern closes and the computer shows what is behind it.");
	}
}

/* the y of a footer of n buttons at the bottom of the window, in as many
 * rows as they need */
static int
footer_y(ui_app *a, const kb_spec *b, int n)
{
	int w[8], i;
	fit_rect r[8];

	for (i = 0; i < n && i < 8; i++)
		w[i] = ui_button_width(a, b[i].label);
	return a->h - a->em -
	       fit_flow(w, i, 0, 0, a->w - 4 * a->em, kb_height(a), a->em / 2, FIT_START, r);
}

/* add the buttons of a footer at the bottom of the window (after the
 * mode's own buttons, so that the focus starts on those); returns its y */
static int
footer(ui_app *a, trainer *t, const kb_spec *b, int n)
{
	int y = footer_y(a, b, n);

	kb_flow(a, &t->row, b, n, 2 * a->em, y, a->w - 4 * a->em, FIT_START);
	return y;
}

/* Export and Install: an intro, a button per folder or package found
 * (items[0..n), ids from base), a typed folder with its go button, and
 * the footer's buttons foot[0..nfoot), all scrolling above the footer */
static void
folder_layout(ui_app *a, trainer *t, const char *intro, char *const *items, int n,
              int base, int first_flags, const kb_spec *go, const kb_spec *foot,
              int nfoot)
{
	int em = a->em, bh = kb_height(a), tw = a->w - 4 * em, y, i;

	y = footer_y(a, foot, nfoot);
	t->sc.view = (SDL_Rect){ 0, t->top, a->w, y - em / 2 - t->top };
	y = t->top - t->sc.y;
	t->text_y = y;
	y += kiosk_para(a, intro, LAY_F_BODY, LAY_BOLD, UI_TEXT, 0, 0, tw, FIT_START, 0) + em / 2;
	for (i = 0; i < n; i++) {
		kb_add(&t->row, (SDL_Rect){ 2 * em, y, tw, bh }, items[i], base + i,
		       (i == 0 ? first_flags : 0) | KB_DATA);
		y += bh + em / 2;
	}
	t->text2_y = y;
	y += kiosk_para(a, _("Or type a folder:"), LAY_F_BODY, 0, UI_MUTED, 0, 0, tw,
	                FIT_START, 0);
	t->field_r = (SDL_Rect){ 2 * em, y, tw, kf_height(a) };
	y += kf_height(a) + em / 2;
	y += kb_flow(a, &t->row, go, 1, 2 * em, y, tw, FIT_END) + em / 2;
	t->sc.content_h = y + t->sc.y - t->top;
	footer(a, t, foot, nfoot);
}

/* where everything goes for the window's size and text size. Texts wrap
 * (kiosk_para) and button rows wrap (kb_flow), so each part is measured
 * and the next one starts below it; the lists and the table scroll. */
static void
layout(ui_app *a, trainer *t)
{
	int em = a->em, tw = a->w - 4 * em, y, i, foot;
	char q[512];
	const char *sub;

	kb_reset(&t->row);
	y = ui_header_height(a) + em / 2;
	t->msg_h = t->msg[0] ? kiosk_para(a, t->msg, LAY_F_SMALL, LAY_BOLD, UI_TEXT, 0, 0, tw,
	                                  FIT_START, 0)
	                     : 0;
	t->top = y + t->msg_h + em / 2;
	switch (t->mode) {
	case T_MAIN: {
		kb_spec b[7] = {
			{ _("Export progress"), ID_EXPORT, 0 },
			{ _("Class report"), ID_REPORT, 0 },
			{ _("Send records now"), ID_SEND, 0 },
			{ _("Install modules"), ID_INSTALL, 0 },
			{ _("Learners"), ID_LEARNERS, 0 },
			{ _("Exit kiosk"), ID_EXIT, 0 },
			{ _("Close"), ID_CLOSE, UI_BTN_PRIMARY },
		};

		foot = footer(a, t, b, 7);
		t->hint_h = kiosk_para(a, hint_text(), LAY_F_SMALL, 0, UI_MUTED, 0, 0, tw,
		                       FIT_START, 0);
		t->hint_y = foot - em / 2 - t->hint_h;
		t->records_h = t->records[0] ? kiosk_para(a, t->records, LAY_F_SMALL, LAY_BOLD,
		                                          UI_TEXT, 0, 0, tw, FIT_START, 0)
		                             : 0;
		t->records_y = t->hint_y - t->records_h;
		/* the column heads above the rows */
		t->top += row_h(a);
		t->sc.view = (SDL_Rect){ 0, t->top, a->w, t->records_y - em / 2 - t->top };
		/* a header row and one row per line of the table (learners with
		 * no module started get one line too) */
		t->sc.content_h = row_h(a) * (t->nrows + t->nnames + 2);
		break;
	}
	case T_EXPORT: {
		kb_spec back = { _("Back"), ID_BACK, 0 };
		kb_spec go = { _("Export to this folder"), ID_EXPORT_TYPED, 0 };

		folder_layout(a, t, export_intro(t), t->dirs, t->ndirs, ID_DIR, UI_BTN_PRIMARY, &go,
		              &back, 1);
		break;
	}
	case T_REPORT: {
		kb_spec back = { _("Back"), ID_BACK, 0 };
		kb_spec go = { _("Write it to this folder"), ID_REPORT_TYPED, 0 };

		folder_layout(a, t, report_intro(t), t->dirs, t->ndirs, ID_DIR, UI_BTN_PRIMARY, &go,
		              &back, 1);
		break;
	}
	case T_INSTALL: {
		kb_spec b[2] = { { _("Back"), ID_BACK, 0 },
		                 { _("Install all"), ID_INSTALL_ALL, UI_BTN_PRIMARY } };
		kb_spec go = { _("Install from this folder"), ID_INSTALL_TYPED, 0 };

		folder_layout(a, t, install_intro(t), t->pkgs, t->npkgs, ID_PKG, 0, &go, b,
		              t->npkgs ? 2 : 1);
		break;
	}
	case T_LEARNERS: {
		kb_spec back = { _("Back"), ID_BACK, 0 };
		/* the buttons on the right two thirds, the name on the left */
		int bx = 2 * em + tw / 3, bw = tw - tw / 3;

		foot = footer_y(a, &back, 1);
		t->sc.view = (SDL_Rect){ 0, t->top, a->w, foot - em / 2 - t->top };
		y = t->top - t->sc.y;
		for (i = 0; i < t->nnames; i++) {
			kb_spec b[3] = {
				{ _("Rename"), ID_RENAME + i, 0 },
				{ _("Remove"), ID_REMOVE + i, 0 },
				{ _("Reset PIN"), ID_RESET_CODE + i, 0 },
			};
			int n = kiosk_of(a)->p->cfg->learner_codes ? 3 : 2;

			y += kb_flow(a, &t->row, b, n, bx, y, bw, FIT_END) + em / 2;
		}
		t->sc.content_h = y + t->sc.y - t->top;
		footer(a, t, &back, 1);
		break;
	}
	case T_RENAME: {
		kb_spec b[2] = { { _("Cancel"), ID_BACK, 0 }, { _("Save"), ID_SAVE, UI_BTN_PRIMARY } };

		snprintf(q, sizeof q, _("New name for %s:"), t->names[t->target]);
		y = t->top;
		t->text_y = y;
		y += kiosk_para(a, q, LAY_F_BODY, LAY_BOLD, UI_TEXT, 0, 0, tw, FIT_START, 0);
		t->field_r = (SDL_Rect){ 2 * em, y, tw, kf_height(a) };
		y += kf_height(a) + em;
		y += kb_flow(a, &t->row, b, 2, 2 * em, y, tw, FIT_END) + em / 2;
		/* a touch-only kiosk: the keyboard for the new name */
		if (kosk_shown(a))
			kosk_layout(a, &t->kbd, &t->row, &t->field, y);
		break;
	}
	case T_REMOVE:
	case T_EXIT: {
		kb_spec b[2] = {
			{ t->mode == T_REMOVE ? _("Remove") : _("Exit kiosk"),
			  t->mode == T_REMOVE ? ID_CONFIRM_REMOVE : ID_CONFIRM_EXIT, UI_BTN_PRIMARY },
			{ _("Cancel"), ID_BACK, 0 },
		};

		confirm_text(t, q, sizeof q, &sub);
		y = t->top;
		t->text_y = y;
		y += kiosk_para(a, q, LAY_F_H2, LAY_BOLD, UI_HEADING, 0, 0, tw, FIT_START, 0) + em / 2;
		t->text2_y = y;
		y += kiosk_para(a, sub, LAY_F_BODY, 0, UI_TEXT, 0, 0, tw, FIT_START, 0) + em;
		kb_flow(a, &t->row, b, 2, 2 * em, y, tw, FIT_START);
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

/* the main mode's letter keys: the id of the button each one presses */
static int
letter_id(SDL_Keycode k)
{
	switch (k) {
	case SDLK_e: return ID_EXPORT;
	case SDLK_c: return ID_REPORT;
	case SDLK_s: return ID_SEND;
	case SDLK_i: return ID_INSTALL;
	case SDLK_l: return ID_LEARNERS;
	case SDLK_x: return ID_EXIT;
	default: return -1;
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
	if (t->mode == T_EXPORT || t->mode == T_REPORT || t->mode == T_RENAME ||
	    t->mode == T_INSTALL) {
		r = kf_event(&t->field, e);
		if (r == KF_ENTER) {
			if (t->mode == T_RENAME)
				do_rename(a, t);
			else if (t->mode == T_INSTALL)
				install_typed(a, t);
			else if (t->mode == T_REPORT)
				report_to(a, t, t->field.buf);
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
	}
	if ((t->mode == T_MAIN || t->mode == T_EXPORT || t->mode == T_REPORT ||
	     t->mode == T_LEARNERS || t->mode == T_INSTALL) &&
	    ui_scroll_event(a, &t->sc, e)) {
		a->dirty = 1;
		return;
	}
	/* letters for the trainer in a hurry, as the buttons they name */
	if (e->type == SDL_KEYDOWN && t->mode == T_MAIN && letter_id(e->key.keysym.sym) >= 0)
		id = letter_id(e->key.keysym.sym);
	else
		id = kb_event(a, &t->row, e);
	if (id < 0 && id != KOSK_SHIFT && id != KOSK_SPACE && id != KOSK_ERASE &&
	    id != KOSK_SCRIPT)
		return;
	a->dirty = 1;
	if (t->mode == T_RENAME && kosk_event(a, &t->kbd, &t->field, id))
		return;
	switch (id) {
	case ID_EXPORT:
		enter(a, t, T_EXPORT);
		return;
	case ID_LEARNERS:
		enter(a, t, T_LEARNERS);
		return;
	case ID_EXIT:
		enter(a, t, T_EXIT);
		return;
	case ID_SEND:
		send_now(a, t);
		return;
	case ID_INSTALL:
		enter(a, t, T_INSTALL);
		return;
	case ID_REPORT:
		enter(a, t, T_REPORT);
		return;
	case ID_REPORT_TYPED:
		report_to(a, t, t->field.buf);
		return;
	case ID_INSTALL_ALL:
		install(a, t, NULL);
		return;
	case ID_INSTALL_TYPED:
		install_typed(a, t);
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
	} else if (id >= ID_RESET_CODE && id - ID_RESET_CODE < t->nnames) {
		reset_code(a, t, id - ID_RESET_CODE);
	} else if (id >= ID_RENAME && id - ID_RENAME < t->nnames) {
		t->target = id - ID_RENAME;
		enter(a, t, T_RENAME);
	} else if (id >= ID_PKG && id - ID_PKG < t->npkgs) {
		install(a, t, t->pkgs[id - ID_PKG]);
	} else if (id >= ID_DIR && id - ID_DIR < t->ndirs) {
		if (t->mode == T_REPORT)
			report_to(a, t, t->dirs[id - ID_DIR]);
		else
			export_to(a, t, t->dirs[id - ID_DIR]);
	}
}

/* ------------------------------------------------------------ drawing */

/* the larger of w and the width of s in the table's font (plus the gap
 * cells keep at their end) */
static int
widest(ui_app *a, int w, const char *s, int style)
{
	int sw = ui_text_width(a, s, -1, style ? LAY_F_SMALL : LAY_F_BODY, style) + a->em / 2;

	return sw > w ? sw : w;
}

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
	/* the three short columns as wide as their longest value shown or
	 * their head; learner and module share what they leave */
	cw[2] = widest(a, 0, head[2], LAY_BOLD);
	cw[3] = widest(a, widest(a, 0, "100 %", 0), head[3], LAY_BOLD);
	cw[4] = widest(a, 0, head[4], LAY_BOLD);
	for (j = 0; j < t->nrows; j++) {
		cw[2] = widest(a, cw[2], status_label(t->rows[j].status), 0);
		format_time(t->rows[j].time_spent_s, tm, sizeof tm);
		cw[4] = widest(a, cw[4], tm, 0);
	}
	for (j = 2; j < 5; j++)
		cw[j] += em;
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
	int em = a->em, tw = a->w - 4 * em, i;
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
	if (t->msg[0])
		kiosk_para(a, t->msg, LAY_F_SMALL, LAY_BOLD, t->msg_bad ? UI_WRONG : UI_RIGHT,
		           2 * em, ui_header_height(a) + em / 2, tw, FIT_START, 1);
	switch (t->mode) {
	case T_MAIN:
		draw_table(a, t);
		if (t->records[0])
			kiosk_para(a, t->records, LAY_F_SMALL, LAY_BOLD, UI_TEXT, 2 * em, t->records_y,
			           tw, FIT_START, 1);
		kiosk_para(a, hint_text(), LAY_F_SMALL, 0, UI_MUTED, 2 * em, t->hint_y, tw,
		           FIT_START, 1);
		break;
	case T_EXPORT:
	case T_REPORT:
	case T_INSTALL:
		clip = t->sc.view;
		SDL_RenderSetClipRect(a->ren, &clip);
		kiosk_para(a, t->mode == T_EXPORT ? export_intro(t)
		              : t->mode == T_REPORT ? report_intro(t) : install_intro(t), LAY_F_BODY,
		           LAY_BOLD, UI_TEXT, 2 * em, t->text_y, tw, FIT_START, 1);
		kiosk_para(a, _("Or type a folder:"), LAY_F_BODY, 0, UI_MUTED, 2 * em, t->text2_y,
		           tw, FIT_START, 1);
		kf_draw(a, &t->field, t->field_r, NULL, 1);
		kb_draw(a, &t->row);
		SDL_RenderSetClipRect(a->ren, NULL);
		ui_scroll_draw(a, &t->sc);
		break;
	case T_LEARNERS:
		clip = t->sc.view;
		SDL_RenderSetClipRect(a->ren, &clip);
		for (i = 0; i < t->nnames; i++) {
			int b = kb_find(&t->row, ID_RENAME + i);
			SDL_Rect r = t->row.b[b].r;
			/* the name, in what the buttons leave on their left */
			const char *name = ui_ellipsize(a, t->names[i], LAY_F_BODY, LAY_BOLD,
			                                tw / 3 - em);

			ui_draw_text(a, name, -1, LAY_F_BODY, LAY_BOLD, 0, ui_color(a, UI_TEXT), 2 * em,
			             r.y + (r.h - a->line_h[LAY_F_BODY]) / 2);
		}
		if (!t->nnames)
			kiosk_para(a, _("No learners yet."), LAY_F_BODY, 0, UI_MUTED, 2 * em, t->top, tw,
			           FIT_START, 1);
		kb_draw(a, &t->row);
		SDL_RenderSetClipRect(a->ren, NULL);
		ui_scroll_draw(a, &t->sc);
		break;
	case T_RENAME:
		snprintf(buf, sizeof buf, _("New name for %s:"), t->names[t->target]);
		kiosk_para(a, buf, LAY_F_BODY, LAY_BOLD, UI_TEXT, 2 * em, t->text_y, tw, FIT_START,
		           1);
		kf_draw(a, &t->field, t->field_r, NULL, 1);
		break;
	case T_REMOVE:
	case T_EXIT:
		confirm_text(t, buf, sizeof buf, &sub);
		kiosk_para(a, buf, LAY_F_H2, LAY_BOLD, UI_HEADING, 2 * em, t->text_y, tw, FIT_START,
		           1);
		kiosk_para(a, sub, LAY_F_BODY, 0, UI_TEXT, 2 * em, t->text2_y, tw, FIT_START, 1);
		break;
	}
	if (t->mode != T_EXPORT && t->mode != T_REPORT && t->mode != T_LEARNERS &&
	    t->mode != T_INSTALL)
		kb_draw(a, &t->row);
	a->rtl = rtl;
}

static void
trainer_destroy(ui_screen *s)
{
	trainer *t = (trainer *)s;
	int i;

	free(t->rows);
	if (t->names)
		store_free_names(t->names, t->nnames);
	for (i = 0; i < t->ndirs; i++)
		free(t->dirs[i]);
	for (i = 0; i < t->npkgs; i++)
		free(t->pkgs[i]);
	/* a sync still running goes on; the menu just stops watching it */
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
	t->row.focus = 6; /* Close */
	return &t->base;
}
