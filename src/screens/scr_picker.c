/* scr_picker.c: the learner picker, the kiosk's first screen and where
 * every logout returns.
 *
 * A heading, then one big button per learner in a grid that scrolls when
 * there are many, the first button being "New learner". Arrow keys move
 * through the grid (Up and Down by a row), a letter jumps to the next name
 * starting with it, Enter picks; a click picks.
 * "New learner" turns the screen into a name field with Start and Cancel
 * and an on-screen keyboard for touch screens (capitals at the start of
 * each part of the name; the physical keyboard and input methods work as
 * well): the name is tidied, checked (not empty, not too long, not
 * someone else's), and the learner is created and logged in. The grid is laid out
 * again on every draw and event from the window size, so it follows
 * resizing and text size without saved state. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "kiosk_int.h"
#include "base/util.h"
#include "nav.h"
#include "screens.h"

enum {
	ID_NEW = -100, ID_START = -101, ID_CANCEL = -102,

};

/* the on-screen keyboard, for touch screens without a keyboard */

typedef struct {
	ui_screen base;
	char **names;             /* every learner, sorted */
	int nnames;
	int adding;               /* showing the name field */
	kf_field name;
	const char *error;        /* why the name was refused, or NULL */
	char error_buf[256];
	kosk kbd;                 /* the on-screen keyboard */
	kb_row row;
	ui_scroll sc;
	int cols;                 /* grid columns in the last layout */
	int top;                  /* y where the grid or the name field starts */
	int sub_y;                /* y of the line under the heading */
	int bar_h;                /* height of the bar saying progress is not saved */
	SDL_Rect field;           /* the name field */
} picker;

/* the line under the heading: what to do, or why the name was refused */
static const char *
sub_text(const picker *p)
{
	if (p->adding)
		return p->error ? p->error : _("Type your name as your trainer should see it.");
	return p->nnames ? _("Choose your name, or add yourself as a new learner.")
	                 : _("Add yourself as a new learner to begin.");
}

/* where everything goes for the window's size and text size: the heading
 * and its line of help wrap, the grid or the name field follow them, and
 * the on-screen keyboard takes what is left below */
static void
layout(ui_app *a, picker *p)
{
	int em = a->em, gap = em, bw = em * 14, bh = a->line_h[LAY_F_H2] + em * 2;
	int avail = a->w - 4 * em, cols, x0, i, y;
	int wide;
	const char *warn = store_warning(kiosk_of(a)->p->st);

	kb_reset(&p->row);
	y = em * 2;
	y += kiosk_text_center(a, p->adding ? _("New learner") : _("Who is studying?"), LAY_F_H1,
	                       LAY_BOLD, UI_HEADING, y, 0);
	p->sub_y = y;
	y += kiosk_text_center(a, sub_text(p), LAY_F_BODY, p->error ? LAY_BOLD : 0, UI_MUTED, y,
	                       0);
	p->top = y + em;
	if (p->adding) {
		/* as wide as the keyboard under it, when there is one */
		int most = kosk_shown(a) ? em * 44 : em * 30;
		int fw = a->w - 4 * em < most ? a->w - 4 * em : most;
		int fx = (a->w - fw) / 2;
		kb_spec b[2] = {
			{ _("Cancel"), ID_CANCEL, 0 },
			{ _("Start"), ID_START, UI_BTN_PRIMARY | (p->name.buf[0] ? 0 : UI_BTN_DISABLED) },
		};

		int bw2 = ui_button_width(a, b[0].label) + em / 2 + ui_button_width(a, b[1].label);

		p->field = (SDL_Rect){ fx, p->top + a->line_h[LAY_F_BODY], fw, kf_height(a) };
		y = p->field.y + p->field.h + em / 2;
		if (kosk_shown(a) && fw - bw2 - em >= 12 * em) {
			/* Cancel and Start beside the field: the keyboard needs the
			 * height more than the field needs the width */
			p->field.w = fw - bw2 - em;
			kb_flow(a, &p->row, b, 2, fx + p->field.w + em,
			        p->field.y + (p->field.h - kb_height(a)) / 2, bw2, FIT_END);
			y += em / 2;
		} else {
			y += kb_flow(a, &p->row, b, 2, fx, y, fw, FIT_END) + em;
		}
		if (kosk_shown(a))
			kosk_layout(a, &p->kbd, &p->row, &p->name, y);
		return;
	}
	if (bw > avail)
		bw = avail;
	cols = (avail + gap) / (bw + gap);
	if (cols < 1)
		cols = 1;
	if (cols > p->nnames + 1)
		cols = p->nnames + 1;
	/* few learners: wider buttons, still centred */
	wide = (avail - (cols - 1) * gap) / cols;
	if (wide > bw * 3 / 2)
		wide = bw * 3 / 2;
	if (wide > bw)
		bw = wide;
	x0 = (a->w - (cols * bw + (cols - 1) * gap)) / 2;
	p->cols = cols;
	/* a disk that cannot be written: a bar at the bottom says so */
	p->bar_h = warn ? kiosk_text_center(a, warn, LAY_F_SMALL, LAY_BOLD, UI_WRONG, 0, 0) + em
	                : 0;
	p->sc.view = (SDL_Rect){ 0, p->top, a->w, a->h - p->top - em / 2 - p->bar_h };
	p->sc.content_h = ((p->nnames + 1 + cols - 1) / cols) * (bh + gap) + em / 2;
	ui_scroll_clamp(&p->sc);
	for (i = 0; i <= p->nnames; i++) {
		y = p->top + em / 4 + (i / cols) * (bh + gap) - p->sc.y;
		kb_add(&p->row, (SDL_Rect){ x0 + (i % cols) * (bw + gap), y, bw, bh },
		       i == 0 ? _("+ New learner") : p->names[i - 1], i == 0 ? ID_NEW : i - 1,
		       i == 0 ? UI_BTN_PRIMARY : KB_DATA);
	}
}

/* scroll so the focused button is in view */
static void
reveal_focus(ui_app *a, picker *p)
{
	SDL_Rect r;

	layout(a, p);
	if (p->row.focus < 0 || p->row.focus >= p->row.n)
		return;
	r = p->row.b[p->row.focus].r;
	if (r.y < p->sc.view.y)
		p->sc.y -= p->sc.view.y - r.y + a->em / 4;
	else if (r.y + r.h > p->sc.view.y + p->sc.view.h)
		p->sc.y += r.y + r.h - (p->sc.view.y + p->sc.view.h) + a->em / 4;
	ui_scroll_clamp(&p->sc);
}

static void
load_names(ui_app *a, picker *p)
{
	kiosk *k = kiosk_of(a);

	if (p->names)
		store_free_names(p->names, p->nnames);
	p->names = store_learners(k->p->st, &p->nnames);
	if (!p->names)
		p->nnames = 0;
}

static void
start_adding(ui_app *a, picker *p)
{
	p->adding = 1;
	p->kbd.shift = 0;
	p->error = NULL;
	kf_init(&p->name, KR_NAME_MAX * 2, 0);
	p->row.show_focus = 0;
	layout(a, p);
	p->row.focus = kb_find(&p->row, ID_START);
	SDL_StartTextInput();
	a->dirty = 1;
}

static void
stop_adding(ui_app *a, picker *p)
{
	p->adding = 0;
	p->error = NULL;
	SDL_StopTextInput();
	p->row.focus = 0;
	a->dirty = 1;
}

/* check the typed name; log in when it is good. Returns 1 when the screen
 * is gone (logged in). */
static int
submit(ui_app *a, picker *p)
{
	char name[KF_MAX];
	int i;

	snprintf(name, sizeof name, "%s", p->name.buf);
	if ((p->error = kr_name_tidy(name))) {
		a->dirty = 1;
		return 0;
	}
	for (i = 0; i < p->nnames; i++) {
		if (kr_name_same(p->names[i], name)) {
			snprintf(p->error_buf, sizeof p->error_buf,
			         _("There is already a learner called %s: pick that name in the "
			           "list, or add something to tell you apart."), p->names[i]);
			p->error = p->error_buf;
			a->dirty = 1;
			return 0;
		}
	}
	SDL_StopTextInput();
	/* with learner codes the code prompt comes first (over this screen),
	 * else the login replaces this screen */
	nav_go(a, (nav_req){ .to = NAV_CODE, .arg = name });
	return 1;
}

/* a letter key: the next learner whose name starts with it (after the
 * focused one, wrapping), as a button index; -1 when none or not a letter */
static int
letter_jump(const picker *p, SDL_Keycode sym)
{
	int i, k;

	if (sym < SDLK_a || sym > SDLK_z || p->nnames == 0)
		return -1;
	for (k = 1; k <= p->nnames; k++) {
		/* button i + 1 is name i; the focus may be on "New learner" (0) */
		i = (p->row.focus - 1 + k + p->nnames) % p->nnames;
		if (tolower((unsigned char)p->names[i][0]) == (int)sym)
			return i + 1;
	}
	return -1;
}

static void
picker_event(ui_app *a, ui_screen *s, const SDL_Event *e)
{
	picker *p = (picker *)s;
	int id, r;

	layout(a, p);
	if (p->adding) {
		/* back from a code prompt that was cancelled: typing again */
		if (!SDL_IsTextInputActive())
			SDL_StartTextInput();
		if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
			stop_adding(a, p);
			return;
		}
		r = kf_event(&p->name, e);
		if (r == KF_ENTER) {
			submit(a, p);
			return;
		}
		if (r == KF_CHANGED) {
			p->error = NULL;
			a->dirty = 1;
			return;
		}
		/* Space belongs to the name, not to the focused button */
		if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_SPACE)
			return;
		id = kb_event(a, &p->row, e);
		if (id == ID_START) {
			submit(a, p);
		} else if (id == ID_CANCEL) {
			stop_adding(a, p);
		} else if (kosk_event(a, &p->kbd, &p->name, id)) {
			p->error = NULL;
		}
		return;
	}
	/* keys move the focus (and scroll to it); the mouse scrolls */
	if (e->type != SDL_KEYDOWN && ui_scroll_event(a, &p->sc, e)) {
		a->dirty = 1;
		return;
	}
	if (e->type == SDL_KEYDOWN) {
		int f = p->row.focus, n = p->row.n;

		switch (e->key.keysym.sym) {
		case SDLK_DOWN:
			f = f + p->cols < n ? f + p->cols : n - 1;
			break;
		case SDLK_UP:
			f = f - p->cols >= 0 ? f - p->cols : 0;
			break;
		case SDLK_HOME:
			f = 0;
			break;
		case SDLK_END:
			f = n - 1;
			break;
		default:
			f = letter_jump(p, e->key.keysym.sym);
		}
		if (f >= 0) {
			p->row.focus = f;
			p->row.show_focus = 1;
			reveal_focus(a, p);
			a->dirty = 1;
			return;
		}
	}
	id = kb_event(a, &p->row, e);
	if (id == KB_MOVED)
		reveal_focus(a, p);
	else if (id == ID_NEW)
		start_adding(a, p);
	else if (id >= 0 && id < p->nnames)
		nav_go(a, (nav_req){ .to = NAV_CODE, .arg = p->names[id] }); /* may replace this screen */
}

static void
picker_draw(ui_app *a, ui_screen *s)
{
	picker *p = (picker *)s;
	int em = a->em;
	SDL_Rect clip;
	const char *warn;

	layout(a, p);
	kiosk_text_center(a, p->adding ? _("New learner") : _("Who is studying?"), LAY_F_H1,
	                  LAY_BOLD, UI_HEADING, em * 2, 1);
	kiosk_text_center(a, sub_text(p), LAY_F_BODY, p->error ? LAY_BOLD : 0,
	                  p->error ? UI_WRONG : UI_MUTED, p->sub_y, 1);
	if (p->adding) {
		ui_draw_text(a, _("Your name"), -1, LAY_F_BODY, LAY_BOLD, 0, ui_color(a, UI_TEXT),
		             p->field.x, p->field.y - a->line_h[LAY_F_BODY]);
		ui_place(a, (SDL_Rect){ p->field.x, p->field.y - a->line_h[LAY_F_BODY],
		                        ui_text_width(a, _("Your name"), -1, LAY_F_BODY, LAY_BOLD),
		                        a->line_h[LAY_F_BODY] }, _("Your name"), 0);
		kf_draw(a, &p->name, p->field, _("First name and surname"), 1);
		kb_draw(a, &p->row);
		return;
	}
	clip = p->sc.view;
	SDL_RenderSetClipRect(a->ren, &clip);
	kb_draw(a, &p->row);
	SDL_RenderSetClipRect(a->ren, NULL);
	ui_scroll_draw(a, &p->sc);
	/* a disk that cannot be written: everyone should know before studying */
	warn = store_warning(kiosk_of(a)->p->st);
	if (warn) {
		SDL_Rect bar = { 0, a->h - p->bar_h, a->w, p->bar_h };

		ui_fill(a, bar, UI_WRONG_BG);
		kiosk_text_center(a, warn, LAY_F_SMALL, LAY_BOLD, UI_WRONG, bar.y + em / 2, 1);
	}
}

static void
picker_destroy(ui_screen *s)
{
	picker *p = (picker *)s;

	if (p->names)
		store_free_names(p->names, p->nnames);
	kf_clear(&p->name);
	free(p);
}

ui_screen *
picker_screen_new(ui_app *a)
{
	picker *p = xcalloc(1, sizeof *p);

	p->base.event = picker_event;
	p->base.draw = picker_draw;
	p->base.destroy = picker_destroy;
	p->row.hover = -1;
	kf_init(&p->name, KR_NAME_MAX * 2, 0);
	load_names(a, p);
	/* start on the first learner when there are some: most mornings a
	 * learner picks a name rather than adding one */
	p->row.focus = p->nnames > 0 ? 1 : 0;
	SDL_StopTextInput();
	a->dirty = 1;
	return &p->base;
}
