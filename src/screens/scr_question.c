/* scr_question.c: the question part of the slide screen (see slide.h).
 *
 * Below the prompt the part lays out a hint line, the options as cards,
 * and, once checked, a feedback panel. Each card's text is typeset in its
 * own small lay (the card is narrower than the column), and the space the
 * cards take is reserved in the slide's lay with lay_space, so the slide
 * screen scrolls them with the rest. Drawing happens after the body
 * (over = 1): card, badge (the key that picks it), text, mark.
 *
 * All answering goes through the session (session.h): the part only turns
 * clicks and keys into ses_* calls and draws what the session says. Each
 * card remembers the text it was typeset from; whenever the session holds
 * another text at that position (an order item moved, by key or drag, a
 * resumed answer, feedback appearing after Check) qpart_stale says so and
 * the slide screen lays the slide out again before it draws or hit-tests,
 * keeping the scroll position. So the cards never show an order other
 * than the one Check would submit, whichever action changed it.
 *
 * Keys: 1-9 pick option N (match: left item N), A-Z pick the right item of
 * a match, Up/Down move the selected order item, Enter checks (the slide
 * screen calls qpart_activate), Right/PageDown/Space go on without
 * checking where the module allows it. A short answer takes SDL text input
 * events, so any keyboard layout and input method works; its field edits
 * as any one-line field does (field_key: caret, Home/End, Ctrl+A, words
 * with Ctrl). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "slide.h"
#include "base/util.h"
#include "nav.h"
#include "osk.h"

typedef struct {
	lay L;              /* the option text, then its feedback when checked */
	SDL_Rect r;         /* the card, column coordinates */
	int laid;           /* L was initialised */
	const char *src;    /* the session's text L was laid out from */
	const char *src_fb; /* and its feedback, or NULL */
} q_card;

typedef struct {
	int slide;          /* question the cards were laid out for, -1 none */
	q_card *opt;        /* per position (left items of a match) */
	int nopt;
	q_card *right;      /* match: per right position */
	int nright;
	lay fb;             /* feedback panel text */
	int fb_laid;
	SDL_Rect fbr;       /* feedback panel (h 0: none), column coordinates */
	int fb_title_h;     /* room at the top of the panel for its title */
	SDL_Rect field;     /* short: the text field, column coordinates */
	int pad, badge;     /* card padding and badge size, pixels */
	int badge_w;        /* badge width: wider for two-digit numbers */
	int hover;          /* card under the mouse: k, nopt + k (right), -1 */
	int focus;          /* card with the keyboard focus (Tab), as hover */
	int show_focus;     /* scroll the focused card into view */
	int press;          /* card pressed, as hover; -1 none */
	int press_x, press_y;
	int drag;           /* order: dragging the pressed card */
	int drag_y;         /* mouse y while dragging */
	int show_fb;        /* scroll the feedback into view at the next draw */
	const char *flash;  /* a one-line message for the learner, or NULL */
	kosk kbd;           /* short: the on-screen keyboard under the field */
	kb_row krow;        /* its keys, screen coordinates at kbd_x, kbd_y */
	int kbd_x, kbd_y;   /* the column's origin the keys were moved to */
	int kbd_on;         /* the keyboard was wanted at the last layout */
} qpart;

enum { MOUSE_NONE = -1 };

/* ------------------------------------------------------------ helpers */

static qpart *
part(slide_screen *ss)
{
	qpart *qp = ss->q;

	if (!qp) {
		qp = xcalloc(1, sizeof *qp);
		qp->slide = -1;
		qp->hover = qp->press = qp->focus = MOUSE_NONE;
		ss->q = qp;
	}
	return qp;
}

static void
cards_free(qpart *qp)
{
	int k;

	for (k = 0; k < qp->nopt; k++)
		if (qp->opt[k].laid)
			lay_free(&qp->opt[k].L);
	for (k = 0; k < qp->nright; k++)
		if (qp->right[k].laid)
			lay_free(&qp->right[k].L);
	free(qp->opt);
	free(qp->right);
	qp->opt = qp->right = NULL;
	qp->nopt = qp->nright = 0;
	if (qp->fb_laid)
		lay_free(&qp->fb);
	qp->fb_laid = 0;
	qp->fbr = (SDL_Rect){ 0, 0, 0, 0 };
	qp->field = (SDL_Rect){ 0, 0, 0, 0 };
	kb_reset(&qp->krow);
	qp->kbd_on = 0;
}

/* lay the slide out again on the next draw, keeping the scroll position
 * (slide_relayout would start again from the top). */
static void
relayout_keep(ui_app *a, slide_screen *ss)
{
	ss->gen = a->gen - 1;
	a->dirty = 1;
}

static int
cur(const slide_screen *ss)
{
	return ses_current(ss->pl->ses);
}

/* a rectangle from column to screen coordinates. */
static SDL_Rect
on_screen(const slide_screen *ss, SDL_Rect r)
{
	r.x += slide_origin_x(ss);
	r.y += slide_origin_y(ss);
	return r;
}

/* move the keyboard's keys to where the column is now: they are laid out
 * in column coordinates, and the slide may have scrolled since. */
static void
kbd_follow(slide_screen *ss, qpart *qp)
{
	SDL_Rect o = on_screen(ss, (SDL_Rect){ 0, 0, 0, 0 });
	int i, dx = o.x - qp->kbd_x, dy = o.y - qp->kbd_y;

	for (i = 0; i < qp->krow.n; i++) {
		qp->krow.b[i].r.x += dx;
		qp->krow.b[i].r.y += dy;
	}
	qp->kbd_x = o.x;
	qp->kbd_y = o.y;
}

static int
letter(int k)
{
	return 'A' + k % 26;
}

/* ------------------------------------------------------------ layout */

/* the hint under the prompt: how to answer with mouse and keys (a short
 * answer: with the keys on the screen when touch says they are drawn). */
static void
hint(const ses_question *q, const mod_slide *s, int touch, char *buf, size_t size)
{
	int n = q->n < 9 ? q->n : 9, att = s->qtype == Q_DECISION ? 1 : s->attempts;
	char more[128] = "";

	switch (q->qtype) {
	case Q_DECISION:
		/* a decision is not a quiz: one choice, final, and the story
		 * goes on from it */
		snprintf(buf, size, _("Choose what you would do (click, or keys 1 to %d), then Decide (Enter). You decide once: what happens next follows from your choice."), n);
		break;
	case Q_SINGLE:
	case Q_TRUE_FALSE:
		/* TRANSLATORS: %d is the highest key, e.g. "keys 1 to 4" */
		snprintf(buf, size, _("Choose one answer (click, or keys 1 to %d), then Check (Enter)."), n);
		break;
	case Q_MULTIPLE:
		snprintf(buf, size, _("Choose every right answer (click, or keys 1 to %d), then Check (Enter)."), n);
		break;
	case Q_ORDER:
		snprintf(buf, size, _("Drag the items into the right order, or pick one with keys 1 to %d and move it with Up and Down. Then Check (Enter)."), n);
		break;
	case Q_MATCH:
		/* TRANSLATORS: %d is the highest number key, %c the last letter */
		snprintf(buf, size, _("Click an item on the left (keys 1 to %d), then its partner on the right (keys A to %c). Then Check (Enter)."),
		         n, letter(q->nright - 1));
		break;
	default:
		snprintf(buf, size, "%s", touch ? _("Tap the letters of your answer on the keys below, then Check.")
		                                : _("Type your answer, then Check (Enter)."));
		break;
	}
	if (att > 1 && q->state == SES_OPEN && q->tries == 0) {
		snprintf(more, sizeof more, ngettext(" You have %d attempt.",
		                                     " You have %d attempts.", att), att);
		if (strlen(buf) + strlen(more) < size)
			strcat(buf, more);
	}
}

/* typeset text (markup allowed) into a card lay of inner width w. */
static void
card_lay(ui_app *a, slide_screen *ss, q_card *c, int w, const char *text,
         const char *fb, int plain)
{
	lay_params p;

	ui_lay_params(a, &p, w, ss->pl->mod->dir);
	lay_init(&c->L, &p);
	c->laid = 1;
	c->src = text;
	c->src_fb = fb;
	lay_text(&c->L, text, LAY_F_BODY, LAY_R_TEXT, 0, plain ? LAY_PLAIN : 0);
	if (fb && *fb) {
		lay_space(&c->L, a->em / 3);
		lay_text(&c->L, fb, LAY_F_SMALL, LAY_R_MUTED, 0, 0);
	}
}

/* card height for its lay. */
static int
card_h(const qpart *qp, const q_card *c)
{
	int h = lay_height(&c->L);

	if (h < qp->badge)
		h = qp->badge;
	return h + 2 * qp->pad;
}

/* inner text width of a card of width w: badge on one side, mark on the
 * other. */
static int
card_text_w(const ui_app *a, const qpart *qp, int w)
{
	int tw = w - 2 * qp->pad - qp->badge_w - qp->badge - a->em;

	return tw > a->em * 4 ? tw : a->em * 4;
}

/* the arrow before a partner badge (see partner()), pointing across to
 * the other column. */
static const char *
partner_arrow(const ui_app *a, int from_left)
{
	return (from_left != 0) != (a->rtl != 0) ? "\xe2\x9f\xb6" : "\xe2\x9f\xb5"; /* ⟶ ⟵ */
}

/* width of a partner: arrow, gap, badge. */
static int
partner_w(ui_app *a, const qpart *qp)
{
	return ui_text_width(a, partner_arrow(a, 1), -1, LAY_F_BODY, 0) + a->em / 4 + qp->badge;
}

/* inner text width of a left item of a match in a card of width w: its
 * first line shares the card with the partner (arrow and badge), so all
 * of its text wraps short of it. */
static int
match_text_w(ui_app *a, const qpart *qp, int w)
{
	int tw = card_text_w(a, qp, w) - partner_w(a, qp) - a->em / 2;

	return tw > a->em * 4 ? tw : a->em * 4;
}

static void
layout_feedback(ui_app *a, slide_screen *ss, qpart *qp, const ses_question *q)
{
	ses_session *ses = ss->pl->ses;
	const mod_slide *s = &ss->pl->mod->slides[q->slide];
	int w = ss->col_w - 2 * qp->pad - a->em / 2, left, h;
	const char *fb = ses_feedback(ses, q->slide);
	lay_params p;
	char buf[256];

	ui_lay_params(a, &p, w, ss->pl->mod->dir);
	lay_init(&qp->fb, &p);
	qp->fb_laid = 1;
	qp->fb_title_h = a->line_h[LAY_F_H2];
	lay_space(&qp->fb, qp->fb_title_h + a->em / 3);
	if (q->qtype == Q_SHORT && q->correct == 1) {
		char *close = ses_close_to(ses, q->slide);

		if (close) {
			/* accepted, but the learner should see how it is spelt */
			snprintf(buf, sizeof buf, _("Accepted as close to the expected answer, "
			                            "\xe2\x80\x9c%s\xe2\x80\x9d."), close);
			lay_text(&qp->fb, buf, LAY_F_BODY, LAY_R_TEXT, 0, LAY_PLAIN);
			lay_space(&qp->fb, a->em / 2);
			free(close);
		}
	}
	if (fb && *fb) {
		lay_text(&qp->fb, fb, LAY_F_BODY, LAY_R_TEXT, 0, 0);
		lay_space(&qp->fb, a->em / 2);
	}
	if (q->state == SES_TRIED) {
		left = ses_attempts_left(ses, q->slide);
		snprintf(buf, sizeof buf,
		         ngettext("You have %d more attempt: press Try again (Enter), then change your answer.",
		                  "You have %d more attempts: press Try again (Enter), then change your answer.",
		                  left), left);
		lay_text(&qp->fb, buf, LAY_F_BODY, LAY_R_MUTED, 0, LAY_PLAIN);
	} else if (!q->correct && s->qtype != Q_DECISION) {
		char *t = ses_correct_text(s), *line, *save = NULL;

		snprintf(buf, sizeof buf, "%s", _("The correct answer:"));
		lay_text(&qp->fb, buf, LAY_F_BODY, LAY_R_HEADING, 0, LAY_PLAIN);
		for (line = strtok_r(t, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
			lay_text(&qp->fb, line, LAY_F_BODY, LAY_R_TEXT, a->em, 0);
		lay_space(&qp->fb, a->em / 2);
		free(t);
	}
	if (q->state == SES_SETTLED && s->explanation && *s->explanation) {
		char *why = xasprintf("**%s**", _("Why"));

		lay_text(&qp->fb, why, LAY_F_BODY, LAY_R_HEADING, 0, 0);
		free(why);
		lay_text(&qp->fb, s->explanation, LAY_F_BODY, LAY_R_TEXT, 0, 0);
	}
	if (q->state == SES_SETTLED && s->qtype == Q_DECISION) {
		lay_space(&qp->fb, a->em / 2);
		lay_text(&qp->fb, _("Continue (Enter) to see what happens next."), LAY_F_BODY,
		         LAY_R_MUTED, 0, LAY_PLAIN);
	}
	if (ss->pl->st && !store_is_saving(ss->pl->st)) {
		/* the answer was judged but could not be kept: say so here,
		 * where the learner is looking */
		const char *w = store_warning(ss->pl->st);

		lay_space(&qp->fb, a->em / 2);
		lay_text(&qp->fb, w ? w : _("Your progress is not being saved on this computer."),
		         LAY_F_SMALL, LAY_R_WARNING, 0, LAY_PLAIN);
	}
	h = lay_height(&qp->fb);
	if (h <= qp->fb_title_h + a->em / 2)
		h = qp->fb_title_h; /* the title alone */
	qp->fbr = (SDL_Rect){ 0, ss->L.y, ss->col_w, h + 2 * qp->pad };
	lay_space(&ss->L, qp->fbr.h + a->em);
}

void
qpart_layout(ui_app *a, slide_screen *ss)
{
	qpart *qp = part(ss);
	ses_session *ses = ss->pl->ses;
	const mod_slide *s = &ss->pl->mod->slides[cur(ss)];
	const ses_question *q = ses_q(ses, cur(ss));
	int k, gap = a->em / 2, y0, w;
	char buf[512];

	cards_free(qp);
	if (!q)
		return;
	if (qp->slide != q->slide) {
		qp->hover = qp->press = qp->focus = MOUSE_NONE;
		qp->drag = 0;
		qp->flash = NULL;
	}
	qp->slide = q->slide;
	qp->pad = a->em * 3 / 5;
	qp->badge = a->line_h[LAY_F_BODY] + a->em / 4;
	qp->badge_w = qp->badge;
	if (q->n > 9) { /* "10" and up make the badge a pill */
		int tw = ui_text_width(a, "88", -1, LAY_F_BODY, LAY_BOLD) + a->em;

		if (tw > qp->badge_w)
			qp->badge_w = tw;
	}

	/* the keyboard goes under a short answer's field (laid out below) */
	qp->kbd_on = q->qtype == Q_SHORT && q->state == SES_OPEN &&
	             kosk_wanted(a, ss->pl->cfg);
	lay_space(&ss->L, a->em / 2);
	hint(q, s, qp->kbd_on, buf, sizeof buf);
	lay_text(&ss->L, buf, LAY_F_SMALL, LAY_R_MUTED, 0, LAY_PLAIN);
	lay_space(&ss->L, a->em * 3 / 4);

	if (q->qtype == Q_SHORT) {
		qp->field = (SDL_Rect){ 0, ss->L.y, ss->col_w,
		                        a->line_h[LAY_F_BODY] + 2 * qp->pad };
		lay_space(&ss->L, qp->field.h + gap);
		if (q->state == SES_OPEN) {
			SDL_Rect r = on_screen(ss, qp->field);

			SDL_StartTextInput();
			SDL_SetTextInputRect(&r);
		}
		/* the keyboard scrolls with the body; at most half the window
		 * high, so the prompt and the field keep some of the rest */
		if (qp->kbd_on) {
			int h = kosk_place(a, &qp->kbd, &qp->krow, ss->pl->cfg, NULL,
			                   (SDL_Rect){ 0, ss->L.y, ss->col_w, a->h / 2 });

			qp->kbd_x = qp->kbd_y = 0;
			if (h > 0)
				lay_space(&ss->L, h + gap);
		}
	} else if (q->qtype == Q_MATCH) {
		int cg = a->em * 3 / 2, cw = (ss->col_w - cg) / 2, yl, yr;

		qp->nopt = q->n;
		qp->nright = q->nright;
		qp->opt = xcalloc((size_t)(q->n > 0 ? q->n : 1), sizeof *qp->opt);
		qp->right = xcalloc((size_t)(q->nright > 0 ? q->nright : 1), sizeof *qp->right);
		y0 = yl = yr = ss->L.y;
		for (k = 0; k < q->n; k++) {
			q_card *c = &qp->opt[k];

			card_lay(a, ss, c, match_text_w(a, qp, cw),
			         ses_opt_text(ses, q->slide, k), NULL, 0);
			c->r = (SDL_Rect){ 0, yl, cw, card_h(qp, c) };
			yl += c->r.h + gap;
		}
		for (k = 0; k < q->nright; k++) {
			q_card *c = &qp->right[k];

			card_lay(a, ss, c, card_text_w(a, qp, ss->col_w - cw - cg),
			         ses_right_text(ses, q->slide, k), NULL, 0);
			c->r = (SDL_Rect){ cw + cg, yr, ss->col_w - cw - cg, card_h(qp, c) };
			yr += c->r.h + gap;
		}
		if (a->rtl) /* the first column starts at the right */
			for (k = 0; k < q->n + q->nright; k++) {
				q_card *c = k < q->n ? &qp->opt[k] : &qp->right[k - q->n];

				c->r.x = ss->col_w - c->r.x - c->r.w;
			}
		lay_space(&ss->L, (yl > yr ? yl : yr) - y0);
	} else {
		qp->nopt = q->n;
		qp->opt = xcalloc((size_t)(q->n > 0 ? q->n : 1), sizeof *qp->opt);
		w = card_text_w(a, qp, ss->col_w);
		for (k = 0; k < q->n; k++) {
			q_card *c = &qp->opt[k];

			card_lay(a, ss, c, w, ses_opt_text(ses, q->slide, k),
			         ses_opt_feedback(ses, q->slide, k), q->qtype == Q_TRUE_FALSE);
			c->r = (SDL_Rect){ 0, ss->L.y, ss->col_w, card_h(qp, c) };
			lay_space(&ss->L, c->r.h + gap);
		}
	}
	if (q->state != SES_OPEN) {
		lay_space(&ss->L, a->em / 2);
		layout_feedback(a, ss, qp, q);
	}
}

int
qpart_stale(slide_screen *ss)
{
	qpart *qp = ss->q;
	ses_session *ses = ss->pl->ses;
	const ses_question *q = ses_q(ses, cur(ss));
	int k;

	if (!qp || !q || qp->slide != q->slide)
		return 0; /* not laid out yet: the slide screen will */
	if (q->qtype == Q_SHORT)
		return 0;
	if (qp->nopt != q->n || qp->nright != (q->qtype == Q_MATCH ? q->nright : 0))
		return 1;
	for (k = 0; k < qp->nopt; k++)
		if (qp->opt[k].src != ses_opt_text(ses, q->slide, k) ||
		    (q->qtype != Q_MATCH &&
		     qp->opt[k].src_fb != ses_opt_feedback(ses, q->slide, k)))
			return 1;
	for (k = 0; k < qp->nright; k++)
		if (qp->right[k].src != ses_right_text(ses, q->slide, k))
			return 1;
	return 0;
}

/* ------------------------------------------------------------ drawing */

/* colours of a card: fill, border, border thickness, for a mark. */
static void
card_style(const ui_app *a, int mark, int selected, int hover, int *fill,
           int *border, int *t)
{
	int thin = a->em / 12 > 1 ? a->em / 12 : 1;

	*fill = UI_PANEL;
	*border = UI_BORDER;
	*t = thin;
	switch (mark) {
	case SES_MARK_RIGHT: *fill = UI_RIGHT_BG; *border = UI_RIGHT; *t = 2 * thin; return;
	case SES_MARK_WRONG: *fill = UI_WRONG_BG; *border = UI_WRONG; *t = 2 * thin; return;
	case SES_MARK_MISSED: *border = UI_RIGHT; *t = 2 * thin; return;
	case SES_MARK_CHOSEN: *fill = UI_NOTE_BG; *border = UI_ACCENT; *t = 2 * thin; return;
	default: break;
	}
	if (selected) {
		*fill = UI_NOTE_BG;
		*border = UI_ACCENT;
		*t = 2 * thin;
	} else if (hover) {
		*border = UI_ACCENT;
	}
}

/* a rounded card with a border of thickness t. */
static void
card_box(ui_app *a, SDL_Rect r, int fill, int border, int t)
{
	int rad = a->em / 3;
	SDL_Rect in = { r.x + t, r.y + t, r.w - 2 * t, r.h - 2 * t };

	ui_round_fill(a, r, rad, border);
	ui_round_fill(a, in, rad > t ? rad - t : 0, fill);
}

/* the badge with the key that picks the card: round for one answer,
 * square for several; filled when chosen. */
static void
badge(ui_app *a, SDL_Rect r, const char *label, int round, int filled, int col)
{
	int tw = ui_text_width(a, label, -1, LAY_F_BODY, LAY_BOLD), t = a->em / 10;

	if (t < 1)
		t = 1;
	if (filled) {
		ui_round_fill(a, r, round ? r.h / 2 : a->em / 5, col);
	} else {
		SDL_Rect in = { r.x + t, r.y + t, r.w - 2 * t, r.h - 2 * t };

		ui_round_fill(a, r, round ? r.h / 2 : a->em / 5, col);
		ui_round_fill(a, in, round ? in.h / 2 : a->em / 5 - t, UI_BG);
	}
	/* on the accent the theme's accent text; on right / wrong colours,
	 * which are light in the dark themes, the page colour */
	ui_draw_text(a, label, -1, LAY_F_BODY, LAY_BOLD, 0,
	             ui_color(a, !filled ? col : col == UI_ACCENT ? UI_ACCENT_TEXT : UI_BG),
	             r.x + (r.w - tw) / 2, r.y + (r.h - a->line_h[LAY_F_BODY]) / 2);
}

/* the ✓ / ✗ at the trailing edge of a card. */
static void
mark_glyph(ui_app *a, SDL_Rect card, int mark, int pad)
{
	const char *g;
	int col, tw;

	switch (mark) {
	case SES_MARK_RIGHT: case SES_MARK_MISSED: g = "\xe2\x9c\x93"; col = UI_RIGHT; break;
	case SES_MARK_WRONG: g = "\xe2\x9c\x97"; col = UI_WRONG; break;
	default: return;
	}
	tw = ui_text_width(a, g, -1, LAY_F_H2, LAY_BOLD);
	ui_draw_text(a, g, -1, LAY_F_H2, LAY_BOLD, 0, ui_color(a, col),
	             a->rtl ? card.x + pad : card.x + card.w - pad - tw,
	             card.y + pad + (a->line_h[LAY_F_BODY] - a->line_h[LAY_F_H2]) / 2);
}

/* one card at screen rectangle r: box, badge, text, mark. */
static void
draw_card(ui_app *a, slide_screen *ss, qpart *qp, const q_card *c, SDL_Rect r,
          const char *label, int round, int filled, int mark, int selected,
          int hover)
{
	int fill, border, t, bcol = UI_ACCENT;
	SDL_Rect b = { a->rtl ? r.x + r.w - qp->pad - qp->badge_w : r.x + qp->pad,
	               r.y + qp->pad, qp->badge_w, qp->badge };
	int tx = a->rtl ? r.x + r.w - qp->pad - qp->badge_w - a->em / 2 - c->L.p.width
	                : r.x + qp->pad + qp->badge_w + a->em / 2;

	card_style(a, mark, selected, hover, &fill, &border, &t);
	card_box(a, r, fill, border, t);
	if (mark == SES_MARK_RIGHT || mark == SES_MARK_MISSED)
		bcol = UI_RIGHT;
	else if (mark == SES_MARK_WRONG)
		bcol = UI_WRONG;
	else if (!filled && !selected)
		bcol = UI_MUTED;
	badge(a, b, label, round, filled, bcol);
	ui_draw_lay(a, &c->L, tx, r.y + qp->pad, ss->sc.view, ss->pl->mod->dir);
	SDL_RenderSetClipRect(a->ren, &ss->sc.view);
	mark_glyph(a, r, mark, qp->pad);
}

/* order: where the dragged card would land, from the mouse. */
static int
drop_index(const slide_screen *ss, const qpart *qp)
{
	int from = qp->press, k, t = 0;
	int cy = qp->drag_y - qp->press_y + slide_origin_y(ss) + qp->opt[from].r.y +
	         qp->opt[from].r.h / 2;

	for (k = 0; k < qp->nopt; k++)
		if (k != from &&
		    slide_origin_y(ss) + qp->opt[k].r.y + qp->opt[k].r.h / 2 < cy)
			t++;
	return t;
}

static void
draw_choices(ui_app *a, slide_screen *ss, qpart *qp, const ses_question *q)
{
	ses_session *ses = ss->pl->ses;
	int k, round = q->qtype != Q_MULTIPLE, order = q->qtype == Q_ORDER;
	int from = qp->drag ? qp->press : -1, to = from >= 0 ? drop_index(ss, qp) : -1;
	int gap = a->em / 2;
	char num[16];

	for (k = 0; k < qp->nopt; k++) {
		SDL_Rect r = on_screen(ss, qp->opt[k].r);
		int mark = ses_opt_mark(ses, q->slide, k);

		int place = k;

		if (k == from)
			continue;
		/* make room where the dragged card would go; the badges say
		 * where each item would end up */
		if (from >= 0 && from < k && k <= to) {
			r.y -= qp->opt[from].r.h + gap;
			place = k - 1;
		} else if (from >= 0 && to <= k && k < from) {
			r.y += qp->opt[from].r.h + gap;
			place = k + 1;
		}
		snprintf(num, sizeof num, "%d", place + 1);
		if (order)
			draw_card(a, ss, qp, &qp->opt[k], r, num, 0, q->sel == k, mark,
			          q->sel == k, qp->hover == k);
		else
			draw_card(a, ss, qp, &qp->opt[k], r, num, round, q->picked[k], mark,
			          q->picked[k], qp->hover == k && q->state == SES_OPEN);
		if (order && q->state == SES_OPEN) {
			/* the grip says "this can be dragged" */
			const char *g = "\xe2\x89\xa1";
			int tw = ui_text_width(a, g, -1, LAY_F_H2, 0);

			ui_draw_text(a, g, -1, LAY_F_H2, 0, 0, ui_color(a, UI_MUTED),
			             a->rtl ? r.x + qp->pad : r.x + r.w - qp->pad - tw,
			             r.y + (r.h - a->line_h[LAY_F_H2]) / 2);
		}
	}
	if (from >= 0) {
		SDL_Rect r = on_screen(ss, qp->opt[from].r), sh;

		r.y += qp->drag_y - qp->press_y;
		sh = (SDL_Rect){ r.x + a->em / 5, r.y + a->em / 5, r.w, r.h };
		ui_round_fill(a, sh, a->em / 3, UI_BORDER);
		snprintf(num, sizeof num, "%d", to + 1);
		draw_card(a, ss, qp, &qp->opt[from], r, num, 0, 1, SES_MARK_NONE, 1, 0);
	}
}

/* a paired card's partner at its trailing edge: the partner's own badge,
 * the same shape and key as on the partner's card (round numbers on the
 * left, square letters on the right), after an arrow across on a left
 * item. Never text in the card's text run, so an item that starts with a
 * letter or a number cannot be read as a pairing, nor a pairing as
 * content. */
static void
partner(ui_app *a, const qpart *qp, SDL_Rect card, const char *key, int round,
        int from_left, int col)
{
	const char *arrow = partner_arrow(a, from_left);
	int aw = ui_text_width(a, arrow, -1, LAY_F_BODY, 0);
	int w = from_left ? partner_w(a, qp) : qp->badge;
	int x = a->rtl ? card.x + qp->pad : card.x + card.w - qp->pad - w;
	SDL_Rect b;

	if (col != UI_ACCENT)
		x += a->rtl ? qp->badge : -qp->badge; /* leave room for the mark */
	b = (SDL_Rect){ a->rtl || !from_left ? x : x + aw + a->em / 4, card.y + qp->pad,
	                qp->badge, qp->badge };
	if (from_left)
		ui_draw_text(a, arrow, -1, LAY_F_BODY, 0, 0, ui_color(a, UI_MUTED),
		             a->rtl ? x + qp->badge + a->em / 4 : x,
		             card.y + qp->pad + (qp->badge - a->line_h[LAY_F_BODY]) / 2);
	badge(a, b, key, round, 1, col);
}

static void
draw_match(ui_app *a, slide_screen *ss, qpart *qp, const ses_question *q)
{
	ses_session *ses = ss->pl->ses;
	int k, open = q->state == SES_OPEN;
	char s[32];

	for (k = 0; k < qp->nopt; k++) {
		SDL_Rect r = on_screen(ss, qp->opt[k].r);
		int mark = ses_opt_mark(ses, q->slide, k);

		snprintf(s, sizeof s, "%d", k + 1);
		draw_card(a, ss, qp, &qp->opt[k], r, s, 1, q->sel == k || q->pair[k] >= 0,
		          mark, q->sel == k, open && qp->hover == k);
		if (q->pair[k] >= 0) {
			snprintf(s, sizeof s, "%c", letter(q->pair[k]));
			partner(a, qp, r, s, 0, 1, open ? UI_ACCENT : mark == SES_MARK_RIGHT ? UI_RIGHT
			                                                              : UI_WRONG);
		}
	}
	for (k = 0; k < qp->nright; k++) {
		SDL_Rect r = on_screen(ss, qp->right[k].r);
		int mark = ses_right_mark(ses, q->slide, k), l, paired = -1;

		for (l = 0; l < q->n; l++)
			if (q->pair[l] == k)
				paired = l;
		snprintf(s, sizeof s, "%c", letter(k));
		draw_card(a, ss, qp, &qp->right[k], r, s, 0, paired >= 0, mark, 0,
		          open && qp->hover == qp->nopt + k);
		if (paired >= 0 && open) {
			snprintf(s, sizeof s, "%d", paired + 1);
			partner(a, qp, r, s, 1, 0, UI_ACCENT);
		}
	}
}

static void
draw_field(ui_app *a, slide_screen *ss, qpart *qp, const ses_question *q)
{
	SDL_Rect r = on_screen(ss, qp->field), clip;
	int mark = q->state == SES_OPEN ? SES_MARK_NONE
	           : q->correct ? SES_MARK_RIGHT : SES_MARK_WRONG;
	int fill, border, t, tw, cx, x, y = r.y + qp->pad, room;

	card_style(a, mark, q->state == SES_OPEN, 0, &fill, &border, &t);
	if (q->state == SES_OPEN)
		fill = UI_BG;
	card_box(a, r, fill, border, t);
	room = r.w - 2 * qp->pad - (mark ? qp->badge + a->em / 2 : 0);
	clip = (SDL_Rect){ r.x + qp->pad, r.y, room, r.h };
	SDL_IntersectRect(&clip, &ss->sc.view, &clip);
	SDL_RenderSetClipRect(a->ren, &clip);
	if (q->len == 0 && q->state == SES_OPEN) {
		ui_draw_text(a, _("Type here"), -1, LAY_F_BODY, LAY_ITALIC, a->rtl,
		             ui_color(a, UI_MUTED),
		             a->rtl ? r.x + r.w - qp->pad -
		                      ui_text_width(a, _("Type here"), -1, LAY_F_BODY, LAY_ITALIC)
		                    : r.x + qp->pad + a->em / 5, y);
		tw = cx = 0;
	} else {
		tw = ui_text_width(a, q->text, (int)q->len, LAY_F_BODY, 0);
		/* the caret's distance from where the text starts */
		cx = q->caret >= q->len ? tw
		     : ui_text_width(a, q->text, (int)q->caret, LAY_F_BODY, 0);
		if (a->rtl)
			cx = tw - cx;
	}
	/* keep the caret in view: the end of a long answer, or wherever the
	 * caret went back to */
	x = tw > room - a->em ? r.x + qp->pad + room - a->em - tw : r.x + qp->pad;
	if (x + cx < r.x + qp->pad)
		x = r.x + qp->pad - cx;
	if (a->rtl && tw <= room - a->em)
		x = r.x + r.w - qp->pad - tw;
	if (q->all && q->state == SES_OPEN && q->len) {
		SDL_Rect sel = { x, y, tw, a->line_h[LAY_F_BODY] };

		ui_fill(a, sel, UI_ACCENT);
	}
	if (q->len)
		ui_draw_text(a, q->text, (int)q->len, LAY_F_BODY, 0, a->rtl,
		             ui_color(a, q->all && q->state == SES_OPEN ? UI_ACCENT_TEXT : UI_TEXT),
		             x, y);
	if (q->state == SES_OPEN && !q->all) {
		int cw = a->em / 10 > 1 ? a->em / 10 : 1;
		SDL_Rect caret = { x + cx + (a->rtl && q->len == 0 ? -cw - 1 : 1), y, cw,
		                   a->line_h[LAY_F_BODY] };

		ui_fill(a, caret, UI_ACCENT);
	}
	SDL_RenderSetClipRect(a->ren, &ss->sc.view);
	mark_glyph(a, r, mark, qp->pad);
}

static void
draw_feedback(ui_app *a, slide_screen *ss, qpart *qp, const ses_question *q)
{
	SDL_Rect r = on_screen(ss, qp->fbr), bar;
	int dec = q->qtype == Q_DECISION, col, bg;
	const char *title;
	const mod_slide *s = &ss->pl->mod->slides[q->slide];
	int graded_dec = 0, k;

	for (k = 0; dec && k < s->nchoices; k++)
		graded_dec |= s->choices[k].correct != 0;
	if (dec && !graded_dec) {
		title = _("You chose");
		col = UI_ACCENT;
		bg = UI_NOTE_BG;
	} else if (q->correct) {
		title = dec ? _("You chose well") : _("Correct");
		col = UI_RIGHT;
		bg = UI_RIGHT_BG;
	} else {
		/* no "think again": a decision is never tried twice */
		title = q->state == SES_TRIED ? _("Not quite") : dec ? _("You chose a risky path")
		                                                      : _("Incorrect");
		col = UI_WRONG;
		bg = UI_WRONG_BG;
	}
	ui_round_fill(a, r, a->em / 3, bg);
	if (a->theme->c[bg].r == a->theme->c[UI_BG].r && a->theme->c[bg].g == a->theme->c[UI_BG].g)
		ui_outline(a, r, col, 1);
	bar = (SDL_Rect){ a->rtl ? r.x + r.w - a->em / 4 : r.x, r.y, a->em / 4, r.h };
	ui_fill(a, bar, col);
	{
		char t[160];
		const char *g = (dec && !graded_dec) ? "" : q->correct ? "\xe2\x9c\x93 " : "\xe2\x9c\x97 ";
		int tw;

		snprintf(t, sizeof t, "%s%s", g, title);
		tw = ui_text_width(a, t, -1, LAY_F_H2, LAY_BOLD);
		ui_draw_text(a, t, -1, LAY_F_H2, LAY_BOLD, a->rtl, ui_color(a, col),
		             a->rtl ? r.x + r.w - qp->pad - a->em / 2 - tw : r.x + qp->pad + a->em / 2,
		             r.y + qp->pad);
	}
	ui_draw_lay(a, &qp->fb, a->rtl ? r.x + qp->pad : r.x + qp->pad + a->em / 2,
	            r.y + qp->pad, ss->sc.view, ss->pl->mod->dir);
	SDL_RenderSetClipRect(a->ren, &ss->sc.view);
}

/* the flash message, as a pill just above the footer. */
static void
draw_flash(ui_app *a, const qpart *qp)
{
	int tw, h = a->line_h[LAY_F_BODY] + a->em / 2;
	SDL_Rect r;

	if (!qp->flash)
		return;
	tw = ui_text_width(a, qp->flash, -1, LAY_F_BODY, 0);
	r = (SDL_Rect){ (a->w - tw - 2 * a->em) / 2, a->h - ui_footer_height(a) - h - a->em / 2,
	                tw + 2 * a->em, h };
	ui_round_fill(a, r, h / 2, UI_WARN);
	ui_draw_text(a, qp->flash, -1, LAY_F_BODY, 0, a->rtl, ui_color(a, UI_BG),
	             r.x + a->em, r.y + a->em / 4);
}

void
qpart_draw(ui_app *a, slide_screen *ss, int over)
{
	qpart *qp = part(ss);
	const ses_question *q = ses_q(ss->pl->ses, cur(ss));

	if (!q || qp->slide != q->slide)
		return;
	if (!over) {
		/* after Check: show the feedback, scrolling as little as possible */
		if (qp->show_fb && qp->fbr.h > 0) {
			int bottom = qp->fbr.y + qp->fbr.h + ss->pad + a->em * 3 / 4;
			int top = qp->fbr.y - ss->pad;
			int want = ss->sc.y;

			if (bottom - want > ss->sc.view.h)
				want = bottom - ss->sc.view.h;
			if (top < want)
				want = top;
			ss->sc.y = want;
			ui_scroll_clamp(&ss->sc);
		}
		qp->show_fb = 0;
		if (qp->show_focus && qp->focus >= 0) {
			const q_card *c = qp->focus < qp->nopt ? &qp->opt[qp->focus]
			                                        : &qp->right[qp->focus - qp->nopt];
			int top = c->r.y, bottom = c->r.y + c->r.h + ss->pad + a->em / 2;

			if (bottom - ss->sc.y > ss->sc.view.h)
				ss->sc.y = bottom - ss->sc.view.h;
			if (top < ss->sc.y)
				ss->sc.y = top;
			ui_scroll_clamp(&ss->sc);
		}
		qp->show_focus = 0;
		return;
	}
	SDL_RenderSetClipRect(a->ren, &ss->sc.view);
	if (q->qtype == Q_SHORT) {
		draw_field(a, ss, qp, q);
		kbd_follow(ss, qp);
		kb_draw(a, &qp->krow);
	} else if (q->qtype == Q_MATCH)
		draw_match(a, ss, qp, q);
	else
		draw_choices(a, ss, qp, q);
	if (qp->focus >= 0 && qp->focus < qp->nopt + qp->nright && !qp->drag &&
	    q->state == SES_OPEN) {
		const q_card *c = qp->focus < qp->nopt ? &qp->opt[qp->focus]
		                                        : &qp->right[qp->focus - qp->nopt];
		int t = a->em / 8 > 2 ? a->em / 8 : 2;
		SDL_Rect r = on_screen(ss, c->r);

		r = (SDL_Rect){ r.x - 2 * t, r.y - 2 * t, r.w + 4 * t, r.h + 4 * t };
		ui_outline(a, r, UI_FOCUS, t);
	}
	if (qp->fbr.h > 0)
		draw_feedback(a, ss, qp, q);
	SDL_RenderSetClipRect(a->ren, NULL);
	draw_flash(a, qp);
}

/* ------------------------------------------------------------ events */

/* the card under screen point x, y: k, nopt + k for right items, -1. */
static int
card_at(const slide_screen *ss, const qpart *qp, int x, int y)
{
	int k;

	if (!ui_hit(ss->sc.view, x, y))
		return MOUSE_NONE;
	for (k = 0; k < qp->nopt; k++)
		if (ui_hit(on_screen(ss, qp->opt[k].r), x, y))
			return k;
	for (k = 0; k < qp->nright; k++)
		if (ui_hit(on_screen(ss, qp->right[k].r), x, y))
			return qp->nopt + k;
	return MOUSE_NONE;
}

/* a card was clicked (or its key pressed). */
static void
choose(ui_app *a, slide_screen *ss, qpart *qp, int k)
{
	ses_session *ses = ss->pl->ses;
	const ses_question *q = ses_q(ses, cur(ss));

	if (!q || q->state != SES_OPEN) {
		if (q && q->state == SES_TRIED)
			qp->flash = _("Press Try again (Enter) to change your answer.");
		a->dirty = 1;
		return;
	}
	if (k >= qp->nopt) {
		if (q->sel < 0) {
			qp->flash = _("First choose an item on the left.");
		} else {
			ses_match_right(ses, k - qp->nopt);
			qp->flash = NULL;
		}
	} else {
		ses_pick(ses, k);
		qp->flash = NULL;
	}
	a->dirty = 1;
}

/* go on without checking (Right, PageDown, Space): the session decides. */
static void
go_on(ui_app *a, slide_screen *ss, qpart *qp)
{
	switch (ses_next(ss->pl->ses)) {
	case SES_FINISHED:
		nav_goto(a, NAV_RESULTS);
		return;
	case SES_BLOCKED:
		qp->flash = ss->pl->mod->slides[cur(ss)].qtype == Q_DECISION
		            ? _("Make your choice first, then Decide (Enter).")
		            : _("Answer the question first, then Check (Enter).");
		break;
	default:
		break;
	}
	a->dirty = 1;
}

/* a key in the open short-answer field: editing keys as in any one-line
 * field (Ctrl+A, Home, End, Left, Right, with Ctrl by words, Backspace,
 * Delete, with Ctrl by words); 1 when used. While the field is empty,
 * Left and Right are navigation as on every slide. Left and Right move
 * the caret the way the text reads in a right-to-left module. */
static int
field_key(ui_app *a, slide_screen *ss, qpart *qp, const ses_question *q,
          const SDL_KeyboardEvent *k)
{
	ses_session *ses = ss->pl->ses;
	SDL_Keycode sym = k->keysym.sym;
	int ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
	int other = (k->keysym.mod & (KMOD_ALT | KMOD_GUI)) != 0, used = 1;

	if (other)
		return 0;
	if (a->rtl && (sym == SDLK_LEFT || sym == SDLK_RIGHT))
		sym = sym == SDLK_LEFT ? SDLK_RIGHT : SDLK_LEFT;
	switch (sym) {
	case SDLK_a:
		if (!ctrl)
			return 1; /* types: its text comes as SDL_TEXTINPUT */
		ses_text_select_all(ses);
		break;
	case SDLK_BACKSPACE:
		ses_text_delete(ses, ctrl ? SES_DEL_WORD_BACK : SES_DEL_CHAR_BACK);
		break;
	case SDLK_DELETE:
		ses_text_delete(ses, ctrl ? SES_DEL_WORD : SES_DEL_CHAR);
		break;
	case SDLK_HOME:
	case SDLK_END:
		if (q->len == 0)
			return 0; /* the slide scrolls */
		ses_text_move(ses, sym == SDLK_HOME ? SES_CARET_HOME : SES_CARET_END);
		break;
	case SDLK_LEFT:
	case SDLK_RIGHT:
		if (q->len == 0 && !ctrl) {
			if (k->keysym.sym == SDLK_LEFT)
				return 0; /* back, as on every slide */
			go_on(a, ss, qp);
			return 1;
		}
		if (sym == SDLK_LEFT)
			ses_text_move(ses, ctrl ? SES_CARET_WORD_LEFT : SES_CARET_LEFT);
		else
			ses_text_move(ses, ctrl ? SES_CARET_WORD_RIGHT : SES_CARET_RIGHT);
		break;
	case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_ESCAPE: case SDLK_F1:
	case SDLK_PAGEUP: case SDLK_UP: case SDLK_DOWN: case SDLK_TAB:
		return 0;
	case SDLK_PAGEDOWN:
		if (ctrl)
			return 0;
		go_on(a, ss, qp); /* next, not Check */
		return 1;
	default:
		/* every other key types (its text comes as SDL_TEXTINPUT);
		 * Ctrl with a key is the window's (Ctrl+Q, Ctrl+Plus) */
		used = !ctrl && sym >= SDLK_SPACE && sym < 0x7f;
		return used;
	}
	qp->flash = NULL;
	a->dirty = 1;
	return used;
}

static int
key_event(ui_app *a, slide_screen *ss, qpart *qp, const ses_question *q,
          const SDL_KeyboardEvent *k)
{
	SDL_Keycode sym = k->keysym.sym;
	int mods = k->keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI), open = q->state == SES_OPEN;
	int n = -1;

	if (q->qtype == Q_SHORT && open)
		return field_key(a, ss, qp, q, k);
	if (mods)
		return 0;
	switch (sym) {
	case SDLK_TAB: {
		/* Tab and Space reach any number of answers, past the 9 keys */
		int total = qp->nopt + qp->nright, dir = (k->keysym.mod & KMOD_SHIFT) ? -1 : 1;

		if (!open || total == 0)
			return 0;
		qp->focus = qp->focus < 0 ? (dir > 0 ? 0 : total - 1)
		                          : (qp->focus + dir + total) % total;
		qp->show_focus = 1;
		a->dirty = 1;
		return 1;
	}
	case SDLK_SPACE: case SDLK_RIGHT: case SDLK_PAGEDOWN:
		if (sym == SDLK_SPACE && open && qp->focus >= 0) {
			choose(a, ss, qp, qp->focus); /* Space picks the focused answer */
			return 1;
		}
		if (q->state == SES_SETTLED)
			return 0; /* the slide screen goes on as usual */
		go_on(a, ss, qp);
		return 1;
	case SDLK_UP: case SDLK_DOWN:
		if (q->qtype != Q_ORDER || !open || q->sel < 0)
			return 0;
		ses_order_step(ss->pl->ses, sym == SDLK_UP ? -1 : +1);
		if (qp->focus >= 0)
			qp->focus = q->sel; /* the focus moves with the item */
		qp->show_focus = 1;
		a->dirty = 1;
		return 1;
	case SDLK_BACKSPACE: case SDLK_DELETE:
		if (q->qtype != Q_MATCH || !open || q->sel < 0)
			return 0;
		ses_match_unpair(ss->pl->ses, q->sel);
		a->dirty = 1;
		return 1;
	default:
		break;
	}
	if (sym >= SDLK_1 && sym <= SDLK_9)
		n = sym - SDLK_1;
	else if (sym >= SDLK_KP_1 && sym <= SDLK_KP_9)
		n = sym - SDLK_KP_1;
	if (n >= 0) {
		if (n < qp->nopt)
			choose(a, ss, qp, n);
		return 1;
	}
	if (q->qtype == Q_MATCH && sym >= SDLK_a && sym <= SDLK_z &&
	    (int)(sym - SDLK_a) < qp->nright) {
		choose(a, ss, qp, qp->nopt + (int)(sym - SDLK_a));
		return 1;
	}
	return 0;
}

/* the on-screen keyboard's part of event e: a tapped key becomes the
 * event a real keyboard would send, handled as typing is (so the session
 * gets the same calls, and grading cannot tell). Returns 1 when e was the
 * keyboard's. */
static int
kbd_event(ui_app *a, slide_screen *ss, qpart *qp, const SDL_Event *e)
{
	SDL_Event typed;
	int x, y, i, id;

	if (qp->kbd_on != kosk_wanted(a, ss->pl->cfg))
		relayout_keep(a, ss); /* a real key was pressed: it gives way */
	if (qp->krow.n == 0 || (e->type != SDL_MOUSEBUTTONDOWN &&
	                        e->type != SDL_MOUSEBUTTONUP && e->type != SDL_MOUSEMOTION))
		return 0;
	kbd_follow(ss, qp);
	if (!ui_mouse(a, e, &x, &y) || !ui_hit(ss->sc.view, x, y)) {
		ui_hover(a, &qp->krow.hover, -1);
		return 0; /* keys scrolled out of the body are not there */
	}
	if (e->type == SDL_MOUSEBUTTONDOWN) {
		/* the press is the key's, not the start of a scroll or a card's */
		for (i = 0; i < qp->krow.n; i++)
			if (ui_hit(qp->krow.b[i].r, x, y))
				return e->button.button == SDL_BUTTON_LEFT;
		return 0;
	}
	id = kb_event(a, &qp->krow, e);
	if (e->type == SDL_MOUSEMOTION || !kosk_key(a, &qp->kbd, id, &typed))
		return 0;
	if (typed.type)
		qpart_event(a, ss, &typed);
	relayout_keep(a, ss); /* Shift changed the keys' labels */
	return 1;
}

int
qpart_event(ui_app *a, slide_screen *ss, const SDL_Event *e)
{
	qpart *qp = part(ss);
	const ses_question *q = ses_q(ss->pl->ses, cur(ss));
	int x, y, k;

	if (!q || qp->slide != q->slide)
		return 0;
	if (q->qtype == Q_SHORT && q->state == SES_OPEN && kbd_event(a, ss, qp, e))
		return 1;
	switch (e->type) {
	case SDL_KEYDOWN:
		return key_event(a, ss, qp, q, &e->key);
	case SDL_TEXTINPUT:
		if (q->qtype != Q_SHORT || q->state != SES_OPEN)
			return 0;
		if (ses_text_insert(ss->pl->ses, e->text.text) == 0)
			qp->flash = NULL;
		a->dirty = 1;
		return 1;
	case SDL_MOUSEBUTTONDOWN:
		if (e->button.button != SDL_BUTTON_LEFT || !ui_mouse(a, e, &x, &y))
			return 0;
		k = card_at(ss, qp, x, y);
		if (k == MOUSE_NONE)
			return 0;
		qp->press = k;
		qp->focus = MOUSE_NONE; /* the mouse took over */
		qp->press_x = x;
		qp->press_y = qp->drag_y = y;
		qp->drag = 0;
		return 1;
	case SDL_MOUSEMOTION:
		ui_mouse(a, e, &x, &y);
		if (qp->press != MOUSE_NONE && q->qtype == Q_ORDER && q->state == SES_OPEN &&
		    (qp->drag || abs(y - qp->press_y) > a->em / 3)) {
			qp->drag = 1;
			qp->drag_y = y;
			a->dirty = 1;
			return 1;
		}
		k = q->state == SES_OPEN ? card_at(ss, qp, x, y) : MOUSE_NONE;
		ui_hover(a, &qp->hover, k);
		return 0; /* the footer tracks its hover too */
	case SDL_MOUSEBUTTONUP:
		if (e->button.button != SDL_BUTTON_LEFT || qp->press == MOUSE_NONE)
			return 0;
		ui_mouse(a, e, &x, &y);
		if (qp->drag) {
			int to;

			qp->drag_y = y;
			to = drop_index(ss, qp);
			ses_order_move(ss->pl->ses, qp->press, to);
			qp->flash = NULL;
		} else if (card_at(ss, qp, x, y) == qp->press) {
			choose(a, ss, qp, qp->press);
		}
		qp->press = MOUSE_NONE;
		qp->drag = 0;
		a->dirty = 1;
		return 1;
	default:
		return 0;
	}
}

/* ------------------------------------------------------------ footer */

const char *
qpart_next(ui_app *a, slide_screen *ss, int *flags)
{
	ses_session *ses = ss->pl->ses;
	const ses_question *q = ses_q(ses, cur(ss));

	(void)a;
	if (!q)
		return NULL;
	switch (q->state) {
	case SES_OPEN:
		*flags = UI_BTN_PRIMARY | (ses_can_check(ses) ? 0 : UI_BTN_DISABLED);
		return q->qtype == Q_DECISION ? _("Decide") : _("Check");
	case SES_TRIED:
		*flags = UI_BTN_PRIMARY;
		return _("Try again");
	default:
		if (q->qtype == Q_DECISION) {
			*flags = UI_BTN_PRIMARY;
			return _("Continue");
		}
		return NULL;
	}
}

int
qpart_activate(ui_app *a, slide_screen *ss)
{
	qpart *qp = part(ss);
	ses_session *ses = ss->pl->ses;
	const ses_question *q = ses_q(ses, cur(ss));

	if (!q)
		return 0;
	switch (q->state) {
	case SES_OPEN:
		if (!ses_can_check(ses)) {
			qp->flash = ses_unchanged(ses) ? _("Change your answer before you check it again.")
			            : q->qtype == Q_SHORT ? _("Type an answer first.")
			            : q->qtype == Q_MATCH ? _("Pair every item first.")
			            : q->qtype == Q_DECISION ? _("Choose what you would do first.")
			                                  : _("Choose an answer first.");
			a->dirty = 1;
			return 1;
		}
		/* the session records the answer before it returns, so the
		 * feedback drawn next is for an answer already kept */
		ses_check(ses);
		qp->flash = NULL;
		qp->show_fb = 1;
		ui_guard(a); /* Check became Next or Try again under the pointer */
		relayout_keep(a, ss);
		return 1;
	case SES_TRIED:
		ses_try_again(ses);
		qp->flash = NULL;
		ui_guard(a); /* Try again became Check */
		relayout_keep(a, ss);
		return 1;
	default:
		return 0;
	}
}

void
qpart_free(slide_screen *ss)
{
	qpart *qp = ss->q;

	if (!qp)
		return;
	cards_free(qp);
	free(qp);
	ss->q = NULL;
}
