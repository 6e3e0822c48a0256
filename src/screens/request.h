/* request.h: where the learner (or the trainer) wants to go next, as a
 * small value. Screens and the kiosk policy say where; only the navigator
 * (nav.c) goes there. This header is only the vocabulary: it includes no
 * screen and knows none. */
#ifndef LT_REQUEST_H
#define LT_REQUEST_H

#include "format/diag.h"

typedef enum {
	NAV_NONE,          /* nowhere: nothing to do */
	NAV_CATALOG,       /* leave the module being studied; the catalog */
	NAV_OPEN,          /* open the module at arg: resume, or results */
	NAV_SLIDE,         /* the open module's current slide */
	NAV_RESULTS,       /* the results of the attempt just finished */
	NAV_CONTENTS,      /* overlay: the module's table of contents */
	NAV_HELP,          /* overlay: every key, and the themes */
	NAV_CLOSE,         /* close the overlay shown */
	NAV_QUIT,          /* leave Lectern */
	NAV_RELOAD,        /* preview: the module's files changed; load it
	                      again, or show why it cannot be */
	NAV_REVEAL,        /* preview: the question shown, answered */
	/* a classroom kiosk's requests (refused outside kiosk mode) */
	NAV_LOGIN,         /* arg logs in; the catalog */
	NAV_CODE,          /* arg wants to log in: their code first (learner
	                      codes), else NAV_LOGIN */
	NAV_LOGOUT,        /* save, forget the learner (arg: why); the picker */
	NAV_TRAINER_PIN,   /* the trainer's PIN prompt over the screen */
	NAV_TRAINER,       /* the trainer menu (the PIN was right) */
	NAV_TRAINER_CLOSE, /* close the PIN prompt or trainer menu */
	NAV_IDLE_WARN,     /* overlay: the idle countdown */
	NAV_IDLE_CANCEL,   /* input came: close the countdown */
	NAV_KIOSK_EXIT     /* the trainer ends kiosk mode */
} nav_to;

typedef struct {
	nav_to to;
	const char *arg;   /* NAV_OPEN: module path; NAV_LOGIN, NAV_CODE: learner name;
	                      NAV_LOGOUT: why, for the log */
	diag_list *dl;     /* NAV_OPEN: receives the loader's problems */
} nav_req;

#endif
