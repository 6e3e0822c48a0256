/* slide.h: the slide screen, exposed so the question part can extend it.
 *
 * The slide screen (scr_slide.c) draws the header, the typeset body of the
 * current slide in a scrolling, centred column, and the footer with Back /
 * Next. On a question slide it calls the question part (scr_question.c):
 * qpart_layout appends the options below the prompt into ss->L (boxes it
 * tags with ss->L.tag for hit testing), qpart_draw draws under (over = 0)
 * and over (over = 1) the text, qpart_event gets events first, and
 * qpart_next picks the footer's right-hand button. */
#ifndef LT_SLIDE_H
#define LT_SLIDE_H

#include "player.h"
#include "ui/ui.h"

typedef struct slide_screen {
	ui_screen base;
	pl_player *pl;
	int shown;              /* slide index laid out, -1 none */
	unsigned gen;           /* a->gen when laid out */
	lay L;                  /* the body: title, blocks, prompt, options */
	ui_scroll sc;
	int col_x, col_w;       /* the text column, output pixels */
	int pad;                /* space above and below the column */
	SDL_Rect back_r, next_r;/* footer buttons as last drawn */
	int hover;              /* 1 back, 2 next, 0 none */
	void *q;                /* the question part's own state */
	lay notice;             /* "module updated" banner text, when shown */
	SDL_Rect notice_r;      /* the banner under the header (h 0: none) */
	SDL_Rect dismiss_r;     /* its Dismiss button */
	int notice_x, notice_y; /* where its text starts */
} slide_screen;

/* where box coordinates of ss->L start on screen (column origin). */
int slide_origin_x(const slide_screen *ss);
int slide_origin_y(const slide_screen *ss);
/* lay the current slide out again on the next draw. */
void slide_relayout(slide_screen *ss);
/* go to the next / previous slide, as the buttons do. */
void slide_next(ui_app *a, slide_screen *ss);
void slide_back(ui_app *a, slide_screen *ss);

/* ------------------------------------------------------------ question part */
void qpart_layout(ui_app *a, slide_screen *ss);
void qpart_draw(ui_app *a, slide_screen *ss, int over);
/* 1 when a card shows other text than the session now holds at its
 * position (an order item moved): the slide must be laid out again. */
int qpart_stale(slide_screen *ss);
/* 1 when the event was used (the part marks the screen dirty itself). */
int qpart_event(ui_app *a, slide_screen *ss, const SDL_Event *e);
/* label and UI_BTN_* flags of the footer's next button on a question, or
 * NULL for the usual Next. */
const char *qpart_next(ui_app *a, slide_screen *ss, int *flags);
/* the next button was pressed on a question: 1 when the part used it
 * (Check, Try again), 0 to move on. */
int qpart_activate(ui_app *a, slide_screen *ss);
void qpart_free(slide_screen *ss);

#endif
