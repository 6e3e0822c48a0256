/* session.h: one learner studying one module, without SDL.
 *
 * The session owns where the learner is (current slide, the history that
 * Back walks), what they may open (linear or free navigation), and the
 * interaction state of every question (display order, picks, the order
 * permutation, match pairs, typed text, tries). Check builds the response
 * string of grade.h, judges it, records it in the store and only then
 * returns the result, so no feedback is ever shown for an answer that was
 * not committed. The store may be NULL (tests, `lectern render`): the
 * session then keeps everything in memory.
 *
 * Options are addressed by display position k (0-based, as shown on
 * screen); the key digit N is position N-1. True-false shows True at 0 and
 * False at 1. For order, position k holds the item now at place k; for
 * match, k is a left item and right items have their own display order. */
#ifndef LT_SESSION_H
#define LT_SESSION_H

#include <stddef.h>

#include "format/model.h"
#include "store/store.h"

typedef struct ses_session ses_session;

enum ses_qstate {
	SES_OPEN,       /* being answered (or never checked) */
	SES_TRIED,      /* checked, wrong, attempts remain: feedback + Try again */
	SES_SETTLED     /* correct, or out of attempts: correct answer shown */
};

enum ses_mark {
	SES_MARK_NONE,   /* nothing to show */
	SES_MARK_RIGHT,  /* chosen and right / item in its place / pair right */
	SES_MARK_WRONG,  /* chosen and wrong / item misplaced / pair wrong */
	SES_MARK_MISSED, /* right but not chosen (shown once settled) */
	SES_MARK_CHOSEN  /* chosen where nothing is right or wrong (decision) */
};

enum ses_check_result {
	SES_CHECK_CORRECT,   /* settled, correct */
	SES_CHECK_RETRY,     /* wrong, attempts remain (state SES_TRIED) */
	SES_CHECK_WRONG,     /* wrong, no attempts left (settled) */
	SES_CHECK_INCOMPLETE /* nothing to check yet (no pick, empty text,
	                        unpaired items; after Try again, the answer
	                        not changed) or not open: nothing recorded */
};

enum ses_move {
	SES_MOVED,     /* now at another slide */
	SES_FINISHED,  /* reached the end: results are ready */
	SES_BLOCKED,   /* linear: answer the question first */
	SES_NOWHERE    /* nothing that way (first slide, not reachable) */
};

/* interaction state of one question, read by the question screen; change it
 * only through the functions below. Arrays have n (or nright) entries. */
typedef struct {
	int slide;       /* slide index */
	int qtype;       /* enum mod_qtype */
	int state;       /* enum ses_qstate */
	int n;           /* positions: choices, 2 for true-false, order items,
	                    match left items; 0 for short */
	int *shown;      /* position -> index in the file (true-false: 0 True,
	                    1 False; order: the item now at that place) */
	unsigned char *picked; /* per position: chosen (single, tf, decision,
	                    multiple) */
	int nright;      /* match: right items */
	int *rshown;     /* match: right position -> index in the file */
	int *pair;       /* match: per left position, right position or -1 */
	int sel;         /* order: item position selected for moving; match:
	                    left position waiting for a right one; else -1 */
	char *text;      /* short: typed text, UTF-8, never NULL */
	size_t len;      /* short: bytes in text */
	size_t caret;    /* short: byte offset of the caret, on a character */
	int all;         /* short: all the text is selected (Ctrl+A) */
	int tries;       /* checks used */
	int correct;     /* result of the last check: 1, 0, or -1 unchecked */
} ses_question;

/* one line of the table of contents, for slide i. */
typedef struct {
	const char *section; /* non-NULL when slide i starts a section */
	const char *title;   /* slide title, else the question, else the id */
	int is_question;     /* bool */
	int done;            /* seen (and answered, for a question) */
	int current;         /* the learner is here */
	int reachable;       /* may be opened now from the contents */
	int listed;          /* shown in the contents: on the learner's route or
	                        not behind a decision not yet taken (route.h) */
} ses_toc_entry;

typedef struct {
	const char *name;    /* section name ("" for slides before any) */
	int earned, possible;/* points on the path taken */
	int percent;         /* -1 when possible is 0 */
} ses_section_score;

typedef struct {
	int slide;
	const char *prompt;  /* the question (inline markup as in the file) */
	char *yours;         /* the learner's answer as text, lines split by
	                        '\n'; "" when not answered */
	char *right;         /* the correct answer as text */
	int answered, correct;
	int points, earned;
} ses_review_item;

typedef struct {
	int score;           /* percent on the path, -1 with no graded question */
	int passed;          /* score >= pass_mark (no graded question: passed) */
	int pass_mark;
	int earned, possible;
	int attempt;
	int best_score;      /* over attempts, -1 none */
	ses_section_score *sections; int nsections;
	ses_review_item *review;     int nreview;
} ses_results;

/* ------------------------------------------------------------ lifetime */
/* start or resume module m for learner (store_begin); st may be NULL (then
 * learner is only part of the shuffle seed). Resumes at the bookmark with
 * earlier answers restored. Never NULL. */
ses_session *ses_open(const mod_module *m, store *st, long learner);
/* leave (store_leave) and free. */
void ses_close(ses_session *s);
const mod_module *ses_module(const ses_session *s);
/* the store's progress (NULL without a store): status, attempt, scores. */
const store_progress *ses_progress(const ses_session *s);
/* 1 when an earlier visit was resumed; 1 when the module changed since. */
int ses_resumed(const ses_session *s);
int ses_version_changed(const ses_session *s);
/* add active seconds to the learner's time (store_add_time). */
void ses_add_time(ses_session *s, long seconds);

/* ------------------------------------------------------------ navigation */
int ses_current(const ses_session *s);     /* slide index */
int ses_at_results(const ses_session *s);  /* 1 after the end was reached */
/* go on: a settled decision goes to its choice's goto; the last slide or
 * `next: end` finishes (store_finish) and returns SES_FINISHED. */
int ses_next(ses_session *s);
/* go back along the history (not past the first slide). Leaves the results
 * screen to the last slide. */
int ses_back(ses_session *s);
int ses_can_back(const ses_session *s);
/* 1 when ses_next would not be SES_BLOCKED or SES_NOWHERE. */
int ses_can_next(const ses_session *s);
/* open slide i from the contents (only when reachable). */
int ses_goto(ses_session *s, int i);
/* open slide i whatever the rules say (render, trainer preview, tests). */
void ses_jump(ses_session *s, int i);
/* the table of contents entry of slide i (0 <= i < nslides). */
ses_toc_entry ses_toc(const ses_session *s, int i);
/* the footer's counter at the current slide: its place on the learner's
 * route and the route's length (the slides taken so far plus the shortest
 * remaining route; never slides of branches not taken). 0 of 0 for an
 * empty module. */
void ses_counter(const ses_session *s, int *place, int *total);
/* slides of the route seen in this attempt (what `lectern progress` says). */
int ses_slides_seen(const ses_session *s);
/* slides on the path taken so far (decisions as chosen, else the default
 * path), into out (up to max); returns how many. */
int ses_path(const ses_session *s, int *out, int max);

/* ------------------------------------------------------------ questions */
/* the question at slide i (its state is created on first use), or NULL when
 * slide i is not a question. ses_q(s, ses_current(s)) for the screen. */
const ses_question *ses_q(ses_session *s, int i);
/* text shown at position k: choice, "True"/"False" (translated), order item
 * now at k, match left item. */
const char *ses_opt_text(ses_session *s, int i, int k);
/* match: text of the right item at right position k. */
const char *ses_right_text(ses_session *s, int i, int k);
/* what to draw on position k after a check (SES_MARK_NONE while open). */
int ses_opt_mark(ses_session *s, int i, int k);
/* match: mark of right position k (right when paired rightly, ...). */
int ses_right_mark(ses_session *s, int i, int k);
/* per-choice feedback of a chosen choice at k after a check, or NULL. */
const char *ses_opt_feedback(ses_session *s, int i, int k);
/* overall feedback after a check (fb_correct / fb_incorrect), or NULL. */
const char *ses_feedback(ses_session *s, int i);
/* short: when the last checked answer was accepted only as close (an
 * accent or a plural ending off), the accepted spelling it was close to,
 * malloc'd; else NULL. */
char *ses_close_to(ses_session *s, int i);
/* checks left before the question settles. */
int ses_attempts_left(ses_session *s, int i);

/* the actions act on the current slide's question; each returns 0, or -1
 * when it does not apply (wrong type, settled, out of range). */
/* pick position k: single / true-false / decision select it, multiple
 * toggles it, order selects it for moving, match selects left k for
 * pairing (picking the selected one again deselects it). */
int ses_pick(ses_session *s, int k);
/* order: move the item at position from to position to (drag). */
int ses_order_move(ses_session *s, int from, int to);
/* order: move the selected item one place up (-1) or down (+1). */
int ses_order_step(ses_session *s, int dir);
/* match: pair the selected left item with right position k (a left item
 * already paired with k loses it; the same pair again unpairs it); -1 with
 * no left selected. */
int ses_match_right(ses_session *s, int k);
/* match: pair left position l with right position r directly. */
int ses_match_pair(ses_session *s, int l, int r);
/* match: unpair left position l. */
int ses_match_unpair(ses_session *s, int l);
/* short answers (session_text.c): insert UTF-8 text at the caret (over
 * the selection, if all is selected); -1 for invalid UTF-8 or control
 * characters, or past the length limit. */
int ses_text_insert(ses_session *s, const char *utf8);
enum ses_del {
	SES_DEL_CHAR_BACK,  /* Backspace */
	SES_DEL_CHAR,       /* Delete */
	SES_DEL_WORD_BACK,  /* Ctrl+Backspace: to the start of the word */
	SES_DEL_WORD        /* Ctrl+Delete: to the end of the word */
};
/* delete as how says (the whole text when all is selected); -1 when
 * there is nothing to delete. */
int ses_text_delete(ses_session *s, int how);
/* ses_text_delete(s, SES_DEL_CHAR_BACK). */
int ses_text_backspace(ses_session *s);
enum ses_caret {
	SES_CARET_LEFT, SES_CARET_RIGHT,           /* a character */
	SES_CARET_WORD_LEFT, SES_CARET_WORD_RIGHT, /* Ctrl+Left/Right */
	SES_CARET_HOME, SES_CARET_END
};
/* move the caret (in the text's byte order), dropping the selection. */
int ses_text_move(ses_session *s, int how);
/* select all the text (Ctrl+A); -1 when empty. */
int ses_text_select_all(ses_session *s);
/* 1 when Check has something to judge: a complete answer, and after Try
 * again one that differs from the answer judged wrong (so a double-click
 * or a hurried Enter cannot spend an attempt on the same answer). */
int ses_can_check(ses_session *s);
/* 1 when the current question, reopened by Try again, still holds the
 * answer judged wrong. */
int ses_unchanged(ses_session *s);
/* judge the current question, record it (store_answer), then return an
 * enum ses_check_result. */
int ses_check(ses_session *s);
/* after SES_CHECK_RETRY: clear the marks and answer again (the wrong
 * answer stays in place to be changed; see ses_can_check). */
int ses_try_again(ses_session *s);
/* show question i as settled with the correct answer filled in, recording
 * nothing (`lectern render --state answered`). */
void ses_reveal(ses_session *s, int i);

/* ------------------------------------------------------------ text */
/* the response (grade.h format) as a person reads it: the chosen texts,
 * one per line; "" for NULL. Returns a malloc'd string. */
char *ses_response_text(const mod_slide *q, const char *response);
/* the correct answer of q as text (malloc'd), as above. */
char *ses_correct_text(const mod_slide *q);

/* ------------------------------------------------------------ results */
/* results of the path taken (valid after SES_FINISHED; computed on each
 * call, owned by the session until the next call or ses_close). */
const ses_results *ses_results_get(ses_session *s);
/* start a new attempt (store_retake) at the first slide, reshuffled. */
int ses_retake(ses_session *s);

/* score the attempt in p over the learner's path (learn/score.h) and have
 * the store record that outcome (store_finish). What ses_next does when the
 * learner reaches the end; tools that fill a store use it too. Returns
 * store_finish's result. */
int ses_record_finish(store *st, long learner, const mod_module *m, store_progress *p);

#endif
