/* overlay.c: the table of contents and help overlays.
 *
 * Both are a panel centred over the dimmed screen, with a title, a list
 * that scrolls when it is taller than the panel (ui_scroll), and a hint
 * line of keys. They are modal: while one is open it gets every event
 * (ui.c hands events to a->overlay first) and Escape, or its own key
 * again, closes it. Rows are plain data (a slide index or a line of the
 * key table), so drawing is a walk over them with the scroll offset.
 *
 * The contents list shows each section as a heading and each slide with
 * a mark: a check when done, an arrow for where the learner is; slides
 * the session would not open (linear navigation, not reached yet) are
 * dimmed and cannot be chosen. Only slides the session lists are rows:
 * the consequences of a decision not yet taken, and the branches not
 * taken, would give the outcomes away (learn/route.h). The help lists every key binding from one
 * table and offers the three themes as buttons (keys 1 to 3 there); the
 * choice is remembered by ui_set_theme. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "overlay.h"
#include "screens.h"
#include "player.h"
#include "base/util.h"
#include "nav.h"

/* ------------------------------------------------------------ panel */

typedef struct {
	SDL_Rect panel;     /* the whole panel */
	ui_scroll sc;       /* the list inside it */
	int pad;
} ov_frame;

/* dim the screen and place a panel of width w (at most) holding content_h
 * pixels of list under a title; fills f. */
static void
frame_layout(ui_app *a, ov_frame *f, int w, int content_h)
{
	int title_h = a->line_h[LAY_F_H2] + a->em, hint_h = a->line_h[LAY_F_SMALL] + a->em;
	int maxh = a->h - 2 * a->em, h;

	f->pad = a->em;
	if (w > a->w - 2 * a->em)
		w = a->w - 2 * a->em;
	h = title_h + content_h + hint_h + f->pad;
	if (h > maxh)
		h = maxh;
	f->panel = (SDL_Rect){ (a->w - w) / 2, (a->h - h) / 2, w, h };
	f->sc.view = (SDL_Rect){ f->panel.x, f->panel.y + title_h, w,
	                         h - title_h - hint_h - f->pad / 2 };
	f->sc.content_h = content_h;
	ui_scroll_clamp(&f->sc);
}

static void
frame_draw(ui_app *a, const ov_frame *f, const char *title, const char *hint)
{
	SDL_Rect all = { 0, 0, a->w, a->h }, in;
	int t = a->em / 12 > 1 ? a->em / 12 : 1, tw;

	SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(a->ren, 0, 0, 0, 150);
	SDL_RenderFillRect(a->ren, &all);
	ui_round_fill(a, f->panel, a->em / 2, UI_BORDER);
	in = (SDL_Rect){ f->panel.x + t, f->panel.y + t, f->panel.w - 2 * t, f->panel.h - 2 * t };
	ui_round_fill(a, in, a->em / 2, UI_BG);
	/* large text in a small window: shorten rather than spill out */
	title = ui_ellipsize(a, title, LAY_F_H2, LAY_BOLD, f->panel.w - 2 * f->pad);
	tw = ui_text_width(a, title, -1, LAY_F_H2, LAY_BOLD);
	ui_draw_text(a, title, -1, LAY_F_H2, LAY_BOLD, a->rtl, ui_color(a, UI_HEADING),
	             a->rtl ? f->panel.x + f->panel.w - f->pad - tw : f->panel.x + f->pad,
	             f->panel.y + a->em / 2);
	hint = ui_ellipsize(a, hint, LAY_F_SMALL, 0, f->panel.w - 2 * f->pad);
	tw = ui_text_width(a, hint, -1, LAY_F_SMALL, 0);
	ui_draw_text(a, hint, -1, LAY_F_SMALL, 0, a->rtl, ui_color(a, UI_MUTED),
	             f->panel.x + (f->panel.w - tw) / 2,
	             f->panel.y + f->panel.h - a->line_h[LAY_F_SMALL] - a->em / 2);
}

/* keep list rows y .. y + h visible. */
static void
frame_reveal(ov_frame *f, int y, int h)
{
	if (y < f->sc.y)
		f->sc.y = y;
	else if (y + h > f->sc.y + f->sc.view.h)
		f->sc.y = y + h - f->sc.view.h;
	ui_scroll_clamp(&f->sc);
}

/* ------------------------------------------------------------ contents */

typedef struct {
	ui_screen base;
	ov_frame f;
	int *ry;            /* per slide: y of its row in the list, -1 unlisted */
	int *rows;          /* the listed slides, in order */
	const char **sec;   /* per slide: section heading above its row, or NULL */
	int nrows;
	int sel;            /* slide under the keyboard cursor */
	int hover;          /* slide under the mouse, -1 */
	int row_h, sec_h;
	unsigned gen;
	int shown_sel;      /* sel last scrolled into view, -1 */
} toc_overlay;

static void
toc_layout(ui_app *a, toc_overlay *to)
{
	pl_player *pl = a->player;
	const mod_module *m = pl->mod;
	int i, y = 0, sz = m->nslides > 0 ? m->nslides : 1;
	const char *pending = NULL;

	free(to->ry);
	free(to->rows);
	free(to->sec);
	to->ry = xcalloc((size_t)sz, sizeof *to->ry);
	to->rows = xcalloc((size_t)sz, sizeof *to->rows);
	to->sec = xcalloc((size_t)sz, sizeof *to->sec);
	to->nrows = 0;
	to->row_h = a->line_h[LAY_F_BODY] + a->em / 3;
	to->sec_h = a->line_h[LAY_F_SMALL] + a->em;
	for (i = 0; i < m->nslides; i++) {
		ses_toc_entry e = ses_toc(pl->ses, i);

		if (e.section)
			pending = e.section;
		to->ry[i] = -1;
		if (!e.listed)
			continue;
		/* a section that starts on a hidden slide heads the next row */
		if (pending)
			y += to->sec_h;
		to->sec[i] = pending;
		pending = NULL;
		to->ry[i] = y;
		to->rows[to->nrows++] = i;
		y += to->row_h;
	}
	if (to->nrows > 0 && to->ry[to->sel] < 0)
		to->sel = to->rows[0];
	frame_layout(a, &to->f, a->em * 34, y + a->em / 2);
	to->gen = a->gen;
	to->shown_sel = -1;
}

static void
toc_draw(ui_app *a, ui_screen *s)
{
	toc_overlay *to = (toc_overlay *)s;
	pl_player *pl = a->player;
	const ses_session *ses = pl->ses;
	int k, x0, w, oy, gx;
	char hint[256];

	if (to->gen != a->gen)
		toc_layout(a, to);
	if (to->shown_sel != to->sel && to->nrows > 0) {
		frame_reveal(&to->f, to->ry[to->sel], to->row_h);
		to->shown_sel = to->sel;
	}
	snprintf(hint, sizeof hint, "%s",
	         _("Up/Down choose \xc2\xb7 Enter opens \xc2\xb7 Esc or T closes"));
	frame_draw(a, &to->f, _("Contents"), hint);
	SDL_RenderSetClipRect(a->ren, &to->f.sc.view);
	x0 = to->f.panel.x + to->f.pad;
	w = to->f.panel.w - 2 * to->f.pad;
	oy = to->f.sc.view.y - to->f.sc.y;
	gx = a->em * 2; /* the mark column */
	for (k = 0; k < to->nrows; k++) {
		int i = to->rows[k];
		ses_toc_entry e = ses_toc(ses, i);
		int y = oy + to->ry[i], col = e.reachable ? UI_TEXT : UI_MUTED, tx, mw = 0;
		SDL_Rect row = { x0 - a->em / 3, y, w + 2 * (a->em / 3), to->row_h };
		const char *g = NULL, *label, *t;

		if (to->sec[i]) {
			const char *sec = ui_ellipsize(a, to->sec[i], LAY_F_SMALL, LAY_BOLD, w);
			int sw = ui_text_width(a, sec, -1, LAY_F_SMALL, LAY_BOLD);

			ui_draw_text(a, sec, -1, LAY_F_SMALL, LAY_BOLD, a->rtl,
			             ui_color(a, UI_HEADING), a->rtl ? x0 + w - sw : x0,
			             y - to->sec_h + a->em * 2 / 3);
		}
		if (y + to->row_h < to->f.sc.view.y || y > to->f.sc.view.y + to->f.sc.view.h)
			continue;
		if (i == to->sel) {
			ui_round_fill(a, row, a->em / 4, UI_FOCUS);
			row = (SDL_Rect){ row.x + 2, row.y + 2, row.w - 4, row.h - 4 };
			ui_round_fill(a, row, a->em / 4, UI_NOTE_BG);
		} else if (i == to->hover && e.reachable) {
			ui_round_fill(a, row, a->em / 4, UI_PANEL);
		}
		if (e.current) {
			g = a->rtl ? "\xe2\x97\x80" : "\xe2\x96\xb6";
			col = UI_ACCENT;
		} else if (e.done) {
			g = "\xe2\x9c\x93";
		}
		if (g) {
			int gw = ui_text_width(a, g, -1, LAY_F_BODY, LAY_BOLD);

			ui_draw_text(a, g, -1, LAY_F_BODY, LAY_BOLD, 0,
			             ui_color(a, e.current ? UI_ACCENT : UI_RIGHT),
			             a->rtl ? x0 + w - (gx + gw) / 2 : x0 + (gx - gw) / 2,
			             y + a->em / 6);
		}
		label = e.is_question ? _("Question") : NULL;
		if (label)
			mw = ui_text_width(a, label, -1, LAY_F_SMALL, 0) + a->em;
		t = ui_ellipsize(a, e.title, LAY_F_BODY, e.current ? LAY_BOLD : 0, w - gx - mw);
		tx = a->rtl ? x0 + w - gx - ui_text_width(a, t, -1, LAY_F_BODY,
		                                           e.current ? LAY_BOLD : 0)
		            : x0 + gx;
		ui_draw_text(a, t, -1, LAY_F_BODY, e.current ? LAY_BOLD : 0, a->rtl,
		             ui_color(a, col), tx, y + a->em / 6);
		if (label)
			ui_draw_text(a, label, -1, LAY_F_SMALL, 0, a->rtl, ui_color(a, UI_MUTED),
			             a->rtl ? x0 : x0 + w - mw + a->em,
			             y + a->em / 6 + (a->line_h[LAY_F_BODY] - a->line_h[LAY_F_SMALL]) / 2);
	}
	SDL_RenderSetClipRect(a->ren, NULL);
	ui_scroll_draw(a, &to->f.sc);
}

/* the slide whose row is at screen point x, y, or -1. */
static int
toc_row_at(const toc_overlay *to, const mod_module *m, int x, int y)
{
	int k, oy = to->f.sc.view.y - to->f.sc.y;

	(void)m;
	if (!ui_hit(to->f.sc.view, x, y))
		return -1;
	for (k = 0; k < to->nrows; k++) {
		int i = to->rows[k];

		if (y >= oy + to->ry[i] && y < oy + to->ry[i] + to->row_h)
			return i;
	}
	return -1;
}

static void
toc_open(ui_app *a, int i)
{
	pl_player *pl = a->player;

	if (ses_goto(pl->ses, i) != SES_MOVED)
		return;
	/* this closes the overlay: nothing of it is used after */
	nav_goto(a, NAV_SLIDE);
}

static void
toc_event(ui_app *a, ui_screen *s, const SDL_Event *e)
{
	toc_overlay *to = (toc_overlay *)s;
	const mod_module *m = ((pl_player *)a->player)->mod;
	int x, y, i, k, n = to->nrows;

	if (to->gen != a->gen)
		toc_layout(a, to);
	/* the list's keys choose rows; the mouse may still scroll it */
	if (e->type != SDL_KEYDOWN && ui_scroll_event(a, &to->f.sc, e)) {
		a->dirty = 1;
		return;
	}
	switch (e->type) {
	case SDL_KEYDOWN:
		switch (e->key.keysym.sym) {
		case SDLK_ESCAPE:
		case SDLK_t:
			nav_goto(a, NAV_CLOSE);
			return;
		case SDLK_UP: k = -1; break;
		case SDLK_DOWN: k = 1; break;
		case SDLK_PAGEUP: k = -8; break;
		case SDLK_PAGEDOWN: k = 8; break;
		case SDLK_HOME: k = -n; break;
		case SDLK_END: k = n; break;
		case SDLK_RETURN:
		case SDLK_KP_ENTER:
			toc_open(a, to->sel);
			return;
		default:
			return;
		}
		/* the cursor moves over rows: hidden slides have none */
		for (i = 0; i < n && to->rows[i] != to->sel; i++)
			;
		i += k;
		if (n > 0)
			to->sel = to->rows[i < 0 ? 0 : i >= n ? n - 1 : i];
		a->dirty = 1;
		return;
	case SDL_MOUSEMOTION:
		ui_mouse(a, e, &x, &y);
		i = toc_row_at(to, m, x, y);
		ui_hover(a, &to->hover, i);
		return;
	case SDL_MOUSEBUTTONUP:
		if (e->button.button != SDL_BUTTON_LEFT || !ui_mouse(a, e, &x, &y))
			return;
		if (!ui_hit(to->f.panel, x, y)) {
			nav_goto(a, NAV_CLOSE); /* a click outside closes */
			return;
		}
		i = toc_row_at(to, m, x, y);
		if (i >= 0) {
			to->sel = i;
			a->dirty = 1;
			toc_open(a, i);
		}
		return;
	default:
		return;
	}
}

static void
toc_destroy(ui_screen *s)
{
	toc_overlay *to = (toc_overlay *)s;

	free(to->ry);
	free(to->rows);
	free(to->sec);
	free(to);
}

ui_screen *
toc_overlay_new(ui_app *a)
{
	toc_overlay *to = xcalloc(1, sizeof *to);
	pl_player *pl = a->player;

	to->base.event = toc_event;
	to->base.draw = toc_draw;
	to->base.destroy = toc_destroy;
	to->sel = pl && pl->ses ? ses_current(pl->ses) : 0;
	to->hover = -1;
	to->gen = a->gen - 1;
	return &to->base;
}

/* ------------------------------------------------------------ help */

/* every key binding, as the learner reads it. */
static const struct {
	const char *keys, *what;
} help_keys[] = {
	{ N_("Right, Page Down, Space"), N_("Next slide") },
	{ N_("Left, Page Up"), N_("Previous slide") },
	{ N_("Up, Down, mouse wheel"), N_("Scroll a long slide") },
	{ N_("Home, End"), N_("Top or bottom of a long slide") },
	{ N_("Page Down, Page Up, Space"), N_("Results: the next or previous page") },
	{ N_("1 to 9"), N_("Choose or toggle answer N; in a matching question, item N on the left") },
	{ N_("A to Z"), N_("Matching question: the partner on the right") },
	{ N_("Tab, Shift+Tab, Space"), N_("Move between the answers, and choose the marked one") },
	{ N_("Up, Down"), N_("Ordering question: move the chosen item") },
	{ N_("Enter"), N_("Check your answer (Decide, for a decision), Try again, or Continue") },
	{ N_("T"), N_("Table of contents") },
	{ N_("F2"), N_("Preview: show the question answered, with the correct answer") },
	{ N_("F1 or ?"), N_("This help") },
	{ N_("Ctrl+Plus, Ctrl+Minus, Ctrl+0"), N_("Larger, smaller or normal text") },
	{ N_("F11"), N_("Full screen on or off") },
	{ N_("Escape"), N_("Close this window; on a slide, back to the catalog") },
	{ N_("Ctrl+Q"), N_("Quit Lectern") },
	{ N_("Catalog: arrow keys, Enter"), N_("Choose a module and open it") },
	{ N_("Results: R, Tab, Enter"), N_("Retake the module, or choose a button and press it") },
	{ N_("Mouse"), N_("Click buttons and answers, drag items into order, wheel to scroll; the \xe2\x98\xb0 and ? buttons open the contents and this help") },
};

static const struct {
	const char *name, *label;
} help_themes[] = {
	{ "light", N_("Light") },
	{ "dark", N_("Dark") },
	{ "high-contrast", N_("High contrast") },
};

/* the languages a learner may choose, each in its own words (a reader
 * finds theirs at a glance); offered when Lectern has its catalog. The
 * first, "", follows the settings and the system. */
static const struct {
	const char *tag, *name;
} help_langs[] = {
	{ "", NULL }, /* "Automatic", translated where drawn */
	{ "en", "English" }, { "fr", "Fran\xc3\xa7" "ais" }, { "es", "Espa\xc3\xb1ol" },
	{ "pt", "Portugu\xc3\xaas" }, { "de", "Deutsch" }, { "it", "Italiano" },
	{ "ru", "\xd0\xa0\xd1\x83\xd1\x81\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9" },
	{ "ar", "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9" },
};
enum { HELP_NLANGS = (int)(sizeof help_langs / sizeof help_langs[0]) };

typedef struct {
	ui_screen base;
	ov_frame f;
	lay L;              /* the key table's "what" column */
	lay K;              /* its keys column, wrapped to keys_w */
	int laid;
	int *ky;            /* per key row: y in the list */
	int keys_w;         /* width of the keys column */
	int themes_y;       /* where the theme buttons start, list coordinates */
	SDL_Rect theme_r[3];/* as last drawn, screen coordinates */
	SDL_Point theme_at[3]; /* where each starts, from the list's start edge
	                        * and themes_y (they wrap when the panel is narrow) */
	int hover;          /* theme button under the mouse, -1; language
	                       buttons are 100 + k */
	int langs_y;        /* where the language buttons start */
	int lang[HELP_NLANGS]; /* help_langs index per button shown */
	int nlang;
	SDL_Rect lang_r[HELP_NLANGS];
	SDL_Point lang_at[HELP_NLANGS];
	char chosen[32];    /* the learner's choice, "" automatic */
	unsigned gen;
} help_overlay;

static const char *
lang_label(int k)
{
	return help_langs[k].name ? help_langs[k].name : _("Automatic");
}

/* place n buttons with these labels in rows of width w from y = 0,
 * wrapping rather than leaving the panel; returns the height used. */
static int
button_rows(ui_app *a, const char *const *labels, int n, int w, SDL_Point *at)
{
	int k, bx = 0, by = a->em / 3, bh = a->line_h[LAY_F_BODY] + a->em / 2, bw;

	for (k = 0; k < n; k++) {
		bw = ui_button_width(a, labels[k]);
		if (bx > 0 && bx + bw > w) {
			bx = 0;
			by += bh + a->em / 2;
		}
		at[k] = (SDL_Point){ bx, by };
		bx += bw + a->em / 2;
	}
	return by + bh;
}

static void
help_layout(ui_app *a, help_overlay *h)
{
	lay_params p;
	int k, w = a->em * 44, tw, n = (int)LT_NELEM(help_keys);

	if (w > a->w - 2 * a->em)
		w = a->w - 2 * a->em;
	h->keys_w = 0;
	for (k = 0; k < n; k++) {
		tw = ui_text_width(a, _(help_keys[k].keys), -1, LAY_F_BODY, LAY_BOLD);
		if (tw > h->keys_w)
			h->keys_w = tw;
	}
	if (h->keys_w > (w - 2 * a->em) * 45 / 100)
		h->keys_w = (w - 2 * a->em) * 45 / 100;
	ui_lay_params(a, &p, w - 2 * a->em, NULL);
	if (h->laid) {
		lay_free(&h->L);
		lay_free(&h->K);
	}
	lay_init(&h->L, &p);
	p.width = h->keys_w;
	lay_init(&h->K, &p);
	h->laid = 1;
	/* the theme first: it is what people come to change */
	lay_text(&h->L, _("Theme (keys L, D, H here)"), LAY_F_SMALL, LAY_R_MUTED, 0, LAY_PLAIN);
	h->themes_y = h->L.y;
	{
		/* the theme buttons in a row, wrapping onto more rows rather than
		 * out of the panel */
		int bx = 0, by = a->em / 3, bh = a->line_h[LAY_F_BODY] + a->em / 2, bw;

		for (k = 0; k < 3; k++) {
			bw = ui_button_width(a, _(help_themes[k].label));
			if (bx > 0 && bx + bw > h->L.p.width) {
				bx = 0;
				by += bh + a->em / 2;
			}
			h->theme_at[k] = (SDL_Point){ bx, by };
			bx += bw + a->em / 2;
		}
		lay_space(&h->L, by + bh + a->em * 2 / 3);
	}
	/* the language of the buttons and messages, remembered per learner */
	{
		pl_player *pl = a->player;
		const char *labels[HELP_NLANGS];

		h->chosen[0] = '\0';
		if (pl && pl->st)
			store_learner_language(pl->st, pl->learner, h->chosen, sizeof h->chosen);
		for (h->nlang = 0, k = 0; k < HELP_NLANGS; k++)
			if (!*help_langs[k].tag || strcmp(help_langs[k].tag, "en") == 0 ||
			    i18n_catalog_exists(NULL, help_langs[k].tag)) {
				labels[h->nlang] = lang_label(k);
				h->lang[h->nlang++] = k;
			}
		lay_text(&h->L, _("Language (key G here)"), LAY_F_SMALL, LAY_R_MUTED, 0, LAY_PLAIN);
		h->langs_y = h->L.y;
		lay_space(&h->L, button_rows(a, labels, h->nlang, h->L.p.width, h->lang_at) +
		                 a->em * 2 / 3);
	}
	lay_text(&h->L, _("Keys"), LAY_F_SMALL, LAY_R_MUTED, 0, LAY_PLAIN);
	lay_space(&h->L, a->em / 4);
	free(h->ky);
	h->ky = xcalloc((size_t)n, sizeof *h->ky);
	for (k = 0; k < n; k++) {
		const char *what = _(help_keys[k].what);
		const pl_player *pl = a->player;

		/* F2 answers questions only for an author (lectern preview) */
		if (strcmp(help_keys[k].keys, "F2") == 0 && !(pl && pl->preview))
			continue;

		h->ky[k] = h->L.y;
		/* keys wrap in their column (large text, long translations):
		 * a row is as tall as the taller of its two cells */
		h->K.y = h->L.y;
		lay_text(&h->K, _(help_keys[k].keys), LAY_F_BODY, LAY_R_HEADING, 0,
		         LAY_PLAIN | LAY_STRONG);
		/* a classroom kiosk keeps the learner in full screen and in Lectern */
		if (a->kiosk && (strcmp(help_keys[k].keys, "F11") == 0 ||
		                 strcmp(help_keys[k].keys, "Ctrl+Q") == 0))
			what = _("Not on this classroom computer");
		/* the keys are drawn by hand in their column; the text hangs */
		lay_text(&h->L, what, LAY_F_BODY, LAY_R_TEXT, h->keys_w + a->em, LAY_PLAIN);
		if (h->K.y > h->L.y)
			h->L.y = h->K.y;
		lay_space(&h->L, a->em / 4);
	}
	frame_layout(a, &h->f, w, lay_height(&h->L) + a->em / 2);
	h->gen = a->gen;
}

static void
help_draw(ui_app *a, ui_screen *s)
{
	help_overlay *h = (help_overlay *)s;
	int k, x0, oy, bh = a->line_h[LAY_F_BODY] + a->em / 2;

	if (h->gen != a->gen)
		help_layout(a, h);
	frame_draw(a, &h->f, _("Keys and settings"), _("Esc, F1 or ? closes"));
	x0 = h->f.panel.x + h->f.pad;
	oy = h->f.sc.view.y - h->f.sc.y;
	SDL_RenderSetClipRect(a->ren, &h->f.sc.view);
	ui_draw_lay(a, &h->K, a->rtl ? x0 + h->L.p.width - h->keys_w : x0, oy, h->f.sc.view,
	            NULL);
	ui_draw_lay(a, &h->L, x0, oy, h->f.sc.view, NULL);
	SDL_RenderSetClipRect(a->ren, &h->f.sc.view);
	for (k = 0; k < 3; k++) {
		const char *label = _(help_themes[k].label);
		int on = strcmp(a->theme->name, help_themes[k].name) == 0;
		SDL_Rect r = { x0 + h->theme_at[k].x, oy + h->themes_y + h->theme_at[k].y,
		               ui_button_width(a, label), bh };

		if (a->rtl)
			r.x = x0 + h->L.p.width - h->theme_at[k].x - r.w;
		ui_button(a, r, label, (on ? UI_BTN_PRIMARY : 0) | (h->hover == k ? UI_BTN_HOVER : 0));
		h->theme_r[k] = r;
	}
	for (k = 0; k < h->nlang; k++) {
		const char *label = lang_label(h->lang[k]);
		int on = strcmp(h->chosen, help_langs[h->lang[k]].tag) == 0;
		SDL_Rect r = { x0 + h->lang_at[k].x, oy + h->langs_y + h->lang_at[k].y,
		               ui_button_width(a, label), bh };

		if (a->rtl)
			r.x = x0 + h->L.p.width - h->lang_at[k].x - r.w;
		ui_button(a, r, label,
		          (on ? UI_BTN_PRIMARY : 0) | (h->hover == 100 + k ? UI_BTN_HOVER : 0));
		h->lang_r[k] = r;
	}
	SDL_RenderSetClipRect(a->ren, NULL);
	ui_scroll_draw(a, &h->f.sc);
}

/* the learner picked language button k: remember it for them and speak
 * it now (every screen lays out again). */
static void
choose_language(ui_app *a, help_overlay *h, int k)
{
	pl_player *pl = a->player;

	if (!pl || k < 0 || k >= h->nlang)
		return;
	snprintf(h->chosen, sizeof h->chosen, "%s", help_langs[h->lang[k]].tag);
	pl_choose_language(a, h->chosen);
}

static void
help_event(ui_app *a, ui_screen *s, const SDL_Event *e)
{
	help_overlay *h = (help_overlay *)s;
	int x, y, k, hover;

	if (h->gen != a->gen)
		help_layout(a, h);
	if (ui_scroll_event(a, &h->f.sc, e)) {
		a->dirty = 1;
		return;
	}
	switch (e->type) {
	case SDL_KEYDOWN:
		switch (e->key.keysym.sym) {
		case SDLK_ESCAPE:
		case SDLK_F1:
			nav_goto(a, NAV_CLOSE);
			return;
		case SDLK_l: ui_set_theme(a, "light"); return;
		case SDLK_d: ui_set_theme(a, "dark"); return;
		case SDLK_h: ui_set_theme(a, "high-contrast"); return;
		case SDLK_g:
			/* the next language, round to Automatic */
			for (k = 0; k < h->nlang; k++)
				if (strcmp(h->chosen, help_langs[h->lang[k]].tag) == 0)
					break;
			choose_language(a, h, k < h->nlang ? (k + 1) % h->nlang : 0);
			return;
		default:
			return;
		}
	case SDL_TEXTINPUT:
		if (strcmp(e->text.text, "?") == 0)
			nav_goto(a, NAV_CLOSE);
		return;
	case SDL_MOUSEMOTION:
		ui_mouse(a, e, &x, &y);
		for (hover = -1, k = 0; k < 3; k++)
			if (ui_hit(h->theme_r[k], x, y) && ui_hit(h->f.sc.view, x, y))
				hover = k;
		for (k = 0; k < h->nlang; k++)
			if (ui_hit(h->lang_r[k], x, y) && ui_hit(h->f.sc.view, x, y))
				hover = 100 + k;
		ui_hover(a, &h->hover, hover);
		return;
	case SDL_MOUSEBUTTONUP:
		if (e->button.button != SDL_BUTTON_LEFT || !ui_mouse(a, e, &x, &y))
			return;
		if (!ui_hit(h->f.panel, x, y)) {
			nav_goto(a, NAV_CLOSE);
			return;
		}
		for (k = 0; k < 3; k++)
			if (ui_hit(h->theme_r[k], x, y) && ui_hit(h->f.sc.view, x, y))
				ui_set_theme(a, help_themes[k].name);
		for (k = 0; k < h->nlang; k++)
			if (ui_hit(h->lang_r[k], x, y) && ui_hit(h->f.sc.view, x, y)) {
				choose_language(a, h, k);
				return;
			}
		return;
	default:
		return;
	}
}

static void
help_destroy(ui_screen *s)
{
	help_overlay *h = (help_overlay *)s;

	if (h->laid) {
		lay_free(&h->L);
		lay_free(&h->K);
	}
	free(h->ky);
	free(h);
}

ui_screen *
help_overlay_new(ui_app *a)
{
	help_overlay *h = xcalloc(1, sizeof *h);

	h->base.event = help_event;
	h->base.draw = help_draw;
	h->base.destroy = help_destroy;
	h->hover = -1;
	h->gen = a->gen - 1;
	return &h->base;
}

/* ------------------------------------------------------------ keys */

int
overlay_keys(ui_app *a, const SDL_Event *e, int with_toc)
{
	pl_player *pl = a->player;

	if (e->type == SDL_KEYDOWN &&
	    !(e->key.keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI))) {
		if (e->key.keysym.sym == SDLK_F1) {
			nav_goto(a, NAV_HELP);
			return 1;
		}
		if (e->key.keysym.sym == SDLK_t && with_toc && pl && pl->ses) {
			nav_goto(a, NAV_CONTENTS);
			return 1;
		}
	}
	/* "?" sits on different keys in different layouts: take the text */
	if (e->type == SDL_TEXTINPUT && strcmp(e->text.text, "?") == 0) {
		nav_goto(a, NAV_HELP);
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------ buttons */

static const char *const button_label[2] = {
	"\xe2\x98\xb0", /* ☰ contents */
	"?"              /* help */
};

/* where the buttons are, from the Back button's rectangle; r[0] is
 * empty without contents. */
static void
button_rects(ui_app *a, SDL_Rect back, SDL_Rect next, int with_toc, SDL_Rect r[2])
{
	int k, gap = a->em / 2, x = a->rtl ? back.x - gap : back.x + back.w + gap;
	int limit = next.w <= 0 ? (a->rtl ? 0 : a->w)
	            : a->rtl ? next.x + next.w + gap : next.x - gap;

	for (k = 0; k < 2; k++) {
		int w = ui_text_width(a, button_label[k], -1, LAY_F_BODY, LAY_BOLD) + a->em * 3 / 2;

		if (w < back.h)
			w = back.h;
		r[k] = (SDL_Rect){ 0, back.y, 0, back.h };
		if (k == 0 && !with_toc)
			continue;
		if (a->rtl ? x - w < limit : x + w > limit)
			break; /* no room: this one and the next stay out */
		r[k].w = w;
		r[k].x = a->rtl ? x - w : x;
		x = a->rtl ? x - w - gap : x + w + gap;
	}
	for (; k < 2; k++)
		r[k] = (SDL_Rect){ 0, back.y, 0, back.h };
}

SDL_Rect
overlay_buttons_draw(ui_app *a, SDL_Rect back, SDL_Rect next, int with_toc)
{
	SDL_Rect r[2], all = back;
	int k, mx, my;

	if (back.h <= 0)
		return all;
	button_rects(a, back, next, with_toc, r);
	ui_mouse_now(a, &mx, &my);
	for (k = 0; k < 2; k++)
		if (r[k].w > 0) {
			ui_button(a, r[k], button_label[k], ui_hit(r[k], mx, my) ? UI_BTN_HOVER : 0);
			SDL_UnionRect(&all, &r[k], &all);
		}
	return all;
}

int
overlay_buttons_event(ui_app *a, SDL_Rect back, SDL_Rect next, int with_toc,
                      const SDL_Event *e)
{
	SDL_Rect r[2];
	int x, y;

	if (back.h <= 0 || e->type != SDL_MOUSEBUTTONUP || e->button.button != SDL_BUTTON_LEFT ||
	    !ui_mouse(a, e, &x, &y))
		return 0;
	button_rects(a, back, next, with_toc, r);
	if (r[0].w > 0 && ui_hit(r[0], x, y)) {
		nav_goto(a, NAV_CONTENTS);
		return 1;
	}
	if (r[1].w > 0 && ui_hit(r[1], x, y)) {
		nav_goto(a, NAV_HELP);
		return 1;
	}
	return 0;
}
