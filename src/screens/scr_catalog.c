/* scr_catalog.c: the catalog: one card per module under the modules
 * directory, with the learner's status, and the way into a module.
 *
 * The directory is read once when the screen opens (cat_scan loads and
 * checks every module); each card keeps a copy of what it shows and the
 * modules are freed. Working modules come first, those in the UI language
 * before the others, each group by title; a module with errors comes last,
 * on a card that says in plain words it cannot be opened (the technical
 * error is for trainers: `lectern check`), so nothing vanishes silently.
 * Cards are dense, so six or more fit at 1280x720: the title, then one
 * line with the details and the learner's status; the selected card adds
 * its description. They are typeset (layout.c) per size or selection
 * change and stacked in a scrolling column; arrows move the selection,
 * Enter or a click opens the module. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "format/catalog.h"
#include "base/fold.h"
#include "base/i18n.h"
#include "overlay.h"
#include "player.h"
#include "base/util.h"
#include "nav.h"
#include "records/report.h"
#include "screens.h"

typedef struct {
	char *path;
	char *id, *title, *desc, *lang, *version;
	int minutes;
	char *error;            /* first error; NULL when the module is usable */
	int refused;            /* not signed by a trusted key (error says why) */
	store_summary sum;      /* the learner's progress */
	int has_sum;
	lay L;                  /* title, and the description when selected */
	int y, h;               /* position in the list (content coordinates) */
	int status_below;       /* the status has a line of its own */
	int title_h;            /* height of the title in L */
	char *key;              /* the title case-folded, for sorting */
} card;

typedef struct {
	ui_screen base;
	card *cards;
	int n;
	int sel, hover;
	unsigned gen;
	int laid_sel;           /* the card laid out as selected */
	ui_scroll sc;
	int card_x, card_w, pad;
	int scroll_to_sel;      /* bring the selection into view on next draw */
	char *problem;          /* the directory could not be read */
	SDL_Rect quit_r;
} catalog_screen;

/* ------------------------------------------------------------ loading */
static void
load_card(pl_player *pl, card *c, const cat_entry *e)
{
	const mod_module *m = e->mod;
	char buf[1024];

	c->path = xstrdup(e->path);
	c->title = xstrdup(cat_title(e));
	if (!m) {
		c->error = xstrdup(cat_error_text(e, buf, sizeof buf));
		c->refused = e->refused;
		return;
	}
	c->id = xstrdup(m->id);
	c->desc = m->description ? xstrdup(m->description) : NULL;
	c->lang = xstrdup(m->language ? m->language : "en");
	c->version = m->version ? xstrdup(m->version) : NULL;
	c->minutes = m->minutes;
	if (pl->st && store_summary_get(pl->st, pl->learner, m->id, &c->sum) == 0) {
		/* "n of N slides" as the player counts them: the learner's route */
		rep_route_counts(pl->st, pl->learner, m, &c->sum);
		c->has_sum = 1;
	}
}

/* 1 when language tags a and b name the same language ("fr-CA", "fr"). */
static int
same_language(const char *a, const char *b)
{
	size_t n = strcspn(a, "-_@.");

	return n == strcspn(b, "-_@.") && strncmp(a, b, n) == 0;
}

/* the catalog's order: working modules first, those in the UI language
 * before the rest, then by title (case-folded), then by file. */
static int
card_order(const void *x, const void *y)
{
	const card *a = x, *b = y;
	const char *ui = i18n_language();
	int d;

	if ((d = (a->error != NULL) - (b->error != NULL)) != 0)
		return d;
	if (!a->error && (d = !same_language(a->lang, ui) - !same_language(b->lang, ui)) != 0)
		return d;
	if ((d = strcmp(a->key, b->key)) != 0)
		return d;
	return strcmp(a->path, b->path);
}

/* ------------------------------------------------------------ layout */
static const char *
language_name(const char *tag)
{
	/* each language in its own words: a reader finds theirs at a glance */
	static const struct { const char *tag, *name; } names[] = {
		{ "en", "English" }, { "fr", "Fran\xc3\xa7" "ais" },
		{ "es", "Espa\xc3\xb1ol" }, { "pt", "Portugu\xc3\xaas" },
		{ "ru", "\xd0\xa0\xd1\x83\xd1\x81\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9" },
		{ "ar", "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9" },
		{ "de", "Deutsch" }, { "it", "Italiano" },
	};
	size_t i, n = strcspn(tag, "-_");

	for (i = 0; i < LT_NELEM(names); i++)
		if (strlen(names[i].tag) == n && strncmp(tag, names[i].tag, n) == 0)
			return names[i].name;
	return tag;
}

static int
status_h(const ui_app *a)
{
	return a->line_h[LAY_F_SMALL] + a->em / 4;
}

static const char *status_text(const card *c, char *buf, size_t size);

/* the details line of card c: "12 min · English". */
static const char *
meta_text(const card *c, char *buf, size_t size)
{
	if (c->minutes > 0)
		/* TRANSLATORS: card details: minutes, then the language */
		snprintf(buf, size, _("%d min \xc2\xb7 %s"), c->minutes, language_name(c->lang));
	else
		snprintf(buf, size, "%s", language_name(c->lang));
	return buf;
}

static void
layout(ui_app *a, catalog_screen *cs)
{
	int hh = ui_header_height(a), i, y, inner;
	lay_params p;
	char meta[256], st[256];

	cs->sc.view = (SDL_Rect){ 0, hh, a->w, a->h - hh - ui_footer_height(a) };
	cs->pad = a->em;
	cs->card_w = a->w - 4 * a->em;
	if (cs->card_w > a->em * 42)
		cs->card_w = a->em * 42;
	cs->card_x = (a->w - cs->card_w) / 2;
	inner = cs->card_w - 2 * a->em;
	ui_lay_params(a, &p, inner, NULL);
	y = cs->pad;
	for (i = 0; i < cs->n; i++) {
		card *c = &cs->cards[i];
		lay_free(&c->L);
		/* each card in its module's direction */
		p.rtl = c->lang ? lay_lang_is_rtl(c->lang) : a->rtl;
		lay_init(&c->L, &p);
		lay_text(&c->L, c->title, LAY_F_H2, LAY_R_HEADING, 0, LAY_PLAIN | LAY_STRONG);
		c->title_h = lay_height(&c->L);
		c->status_below = 0;
		if (c->error) {
			/* plain words for learners; the error itself is for trainers
			 * (lectern check, the trainer menu) */
			lay_text(&c->L, c->refused
			         ? _("Not available: it is not signed by the training unit, or "
			             "it was changed since. Please tell your trainer.")
			         : _("Not available: this module cannot be opened. Please tell "
			             "your trainer."), LAY_F_SMALL, LAY_R_MUTED, 0, LAY_PLAIN);
		} else {
			/* details and status share a line when they fit on it */
			c->status_below = ui_text_width(a, meta_text(c, meta, sizeof meta), -1,
			                                LAY_F_SMALL, 0) + 2 * a->em +
			                  ui_text_width(a, status_text(c, st, sizeof st), -1,
			                                LAY_F_SMALL, LAY_BOLD) > inner;
		}
		c->y = y;
		c->h = lay_height(&c->L) + a->em;
		if (!c->error)
			c->h += status_h(a) * (c->status_below ? 2 : 1);
		if (i == cs->sel && c->desc && !c->error) {
			/* the description, under the details, for the selected card;
			 * left out when it would take more than half the list (large
			 * text), so the other modules stay in sight */
			lay_space(&c->L, status_h(a) * (c->status_below ? 2 : 1) + a->em / 4);
			lay_text(&c->L, c->desc, LAY_F_SMALL, LAY_R_TEXT, 0, 0);
			if (lay_height(&c->L) + a->em <= cs->sc.view.h / 2) {
				c->h = lay_height(&c->L) + a->em;
			} else {
				lay_free(&c->L);
				lay_init(&c->L, &p);
				lay_text(&c->L, c->title, LAY_F_H2, LAY_R_HEADING, 0,
				         LAY_PLAIN | LAY_STRONG);
			}
		}
		y += c->h + a->em / 2;
	}
	cs->sc.content_h = y + cs->pad - a->em / 2;
	ui_scroll_clamp(&cs->sc);
	cs->gen = a->gen;
	cs->laid_sel = cs->sel;
}

/* ------------------------------------------------------------ drawing */
/* append " · DATE" (in the UI language's conventions) for an ISO 8601 UTC
 * timestamp from the store; nothing when it is empty or unreadable. */
static void
append_date(char *buf, size_t size, const char *iso)
{
	struct tm tm = { 0 };
	char date[64];
	size_t len = strlen(buf);
	time_t t;

	if (sscanf(iso, "%d-%d-%dT%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	           &tm.tm_hour, &tm.tm_min) != 5)
		return;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	if ((t = timegm(&tm)) == (time_t)-1)
		return;
	i18n_format_date(t, date, sizeof date);
	snprintf(buf + len, size - len, " \xc2\xb7 %s", date);
}

/* on a retake, what the learner already achieved: a new attempt resets
 * the status to its own, and must not make a pass look lost. Said only
 * when the best differs from what the status already says. */
static void
append_best(const store_summary *s, char *buf, size_t size)
{
	size_t len = strlen(buf);
	char pct[32], best[96];

	if (s->best_status == ST_NOT_STARTED ||
	    (s->best_status == s->status && s->best_score == s->score))
		return;
	if (s->best_score >= 0)
		i18n_format_percent(s->best_score, pct, sizeof pct);
	switch (s->best_status) {
	case ST_PASSED:
		/* TRANSLATORS: after the status on a retake, "best: passed, 70%" */
		snprintf(best, sizeof best, _("best: passed, %s"), pct);
		break;
	case ST_FAILED:
		snprintf(best, sizeof best, _("best: not passed, %s"), pct);
		break;
	default:
		if (s->best_score >= 0)
			snprintf(best, sizeof best, _("best: completed, %s"), pct);
		else
			snprintf(best, sizeof best, "%s", _("best: completed"));
		break;
	}
	snprintf(buf + len, size - len, " \xc2\xb7 %s", best);
}

static const char *
status_text(const card *c, char *buf, size_t size)
{
	char pct[32];
	int st = c->has_sum ? c->sum.status : ST_NOT_STARTED;

	if (c->has_sum && c->sum.score >= 0)
		i18n_format_percent(c->sum.score, pct, sizeof pct);
	switch (st) {
	case ST_IN_PROGRESS:
		/* TRANSLATORS: card status, "In progress: 3 of 12 slides" */
		snprintf(buf, size, _("In progress: %d of %d slides"), c->sum.slides_seen,
		         c->sum.slides_total);
		break;
	case ST_PASSED:
		snprintf(buf, size, _("Passed, score %s"), pct);
		break;
	case ST_FAILED:
		snprintf(buf, size, _("Not passed, score %s"), pct);
		break;
	case ST_COMPLETED:
		if (c->sum.score >= 0)
			snprintf(buf, size, _("Completed, score %s"), pct);
		else
			snprintf(buf, size, "%s", _("Completed"));
		break;
	default:
		snprintf(buf, size, "%s", _("Not started"));
		break;
	}
	/* a finished module says when: learners coming back weeks later, and
	 * trainers looking over their shoulder, want to know */
	if (st == ST_PASSED || st == ST_FAILED || st == ST_COMPLETED)
		append_date(buf, size, c->sum.completed_at);
	if (c->has_sum && c->sum.attempts > 1)
		append_best(&c->sum, buf, size);
	return buf;
}

static void
draw_card(ui_app *a, catalog_screen *cs, int i, int top)
{
	card *c = &cs->cards[i];
	SDL_Rect r = { cs->card_x, top + c->y, cs->card_w, c->h }, in;
	int t = a->em / 8 > 1 ? a->em / 8 : 1, rad = a->em / 2;
	char buf[256], meta[256];

	if (r.y > a->h || r.y + r.h < cs->sc.view.y)
		return;
	if (i == cs->sel) {
		SDL_Rect f = { r.x - 2 * t, r.y - 2 * t, r.w + 4 * t, r.h + 4 * t };
		ui_round_fill(a, f, rad + 2 * t, UI_ACCENT);
	} else {
		SDL_Rect f = { r.x - t, r.y - t, r.w + 2 * t, r.h + 2 * t };
		ui_round_fill(a, f, rad + t, i == cs->hover ? UI_THUMB : UI_BORDER);
	}
	ui_round_fill(a, r, rad, UI_PANEL);
	ui_draw_lay(a, &c->L, r.x + a->em, r.y + a->em / 2, cs->sc.view, NULL);
	if (c->error)
		return;
	/* one line: the details at the start, the status at the end (or on
	 * the next line when both do not fit), a progress bar between */
	{
		int y = r.y + a->em / 2 + c->title_h, st, col, tw, mw, bw, x0, x1;
		int sy = c->status_below ? y + status_h(a) : y;
		/* the line follows the card: an Arabic module's card reads from
		 * the right (the details are in its language) */
		int rtl = c->lang ? lay_lang_is_rtl(c->lang) : a->rtl;

		SDL_RenderSetClipRect(a->ren, &cs->sc.view);
		meta_text(c, meta, sizeof meta);
		mw = ui_text_width(a, meta, -1, LAY_F_SMALL, 0);
		ui_draw_text(a, meta, -1, LAY_F_SMALL, 0, rtl, ui_color(a, UI_MUTED),
		             rtl ? r.x + r.w - a->em - mw : r.x + a->em, y);
		status_text(c, buf, sizeof buf);
		st = c->has_sum ? c->sum.status : ST_NOT_STARTED;
		col = st == ST_PASSED || st == ST_COMPLETED ? UI_RIGHT
		      : st == ST_FAILED ? UI_WRONG : st == ST_IN_PROGRESS ? UI_ACCENT
		      : UI_MUTED;
		tw = ui_text_width(a, buf, -1, LAY_F_SMALL, LAY_BOLD);
		in = (SDL_Rect){ rtl ? r.x + a->em : r.x + r.w - a->em - tw, sy, tw,
		                 a->line_h[LAY_F_SMALL] };
		if (c->status_below)
			in.x = rtl ? r.x + r.w - a->em - tw : r.x + a->em;
		ui_draw_text(a, buf, -1, LAY_F_SMALL, LAY_BOLD, a->rtl, ui_color(a, col),
		             in.x, in.y);
		/* the bar between the details and the status, when there is room */
		x0 = c->status_below ? (rtl ? r.x + a->em : in.x + tw + a->em)
		                     : (rtl ? in.x + tw + a->em : r.x + a->em + mw + a->em);
		x1 = c->status_below ? (rtl ? in.x - a->em : r.x + r.w - a->em)
		                     : (rtl ? r.x + r.w - 2 * a->em - mw : in.x - a->em);
		bw = x1 - x0;
		if (bw > a->em * 10) {
			if (!rtl)
				x0 = x1 - a->em * 10;
			bw = a->em * 10;
		}
		if (st == ST_IN_PROGRESS && c->sum.slides_total > 0 && bw >= a->em * 3) {
			SDL_Rect bar, done;

			bar = (SDL_Rect){ x0, sy + a->line_h[LAY_F_SMALL] / 2 - a->em / 6, bw,
			                  a->em / 3 };
			ui_round_fill(a, bar, bar.h / 2, UI_SCROLL);
			done = bar;
			done.w = (int)((long)bar.w * c->sum.slides_seen / c->sum.slides_total);
			if (rtl)
				done.x = bar.x + bar.w - done.w;
			ui_round_fill(a, done, bar.h / 2, UI_ACCENT);
			ui_outline(a, bar, UI_BORDER, 1);
		}
		SDL_RenderSetClipRect(a->ren, NULL);
	}
}

static void
draw(ui_app *a, ui_screen *s)
{
	catalog_screen *cs = (catalog_screen *)s;
	pl_player *pl = a->player;
	int i, top;

	if (cs->gen != a->gen || cs->laid_sel != cs->sel)
		layout(a, cs);
	if (cs->scroll_to_sel && cs->n > 0) {
		card *c = &cs->cards[cs->sel];
		/* the bottom into view, then the top: a card taller than the
		 * window shows its title, never only its end */
		if (c->y + c->h + cs->pad > cs->sc.y + cs->sc.view.h)
			cs->sc.y = c->y + c->h + cs->pad - cs->sc.view.h;
		if (c->y - cs->pad < cs->sc.y)
			cs->sc.y = c->y - cs->pad;
		ui_scroll_clamp(&cs->sc);
		cs->scroll_to_sel = 0;
	}
	top = cs->sc.view.y - cs->sc.y;
	for (i = 0; i < cs->n; i++)
		draw_card(a, cs, i, top);
	if (cs->n == 0) {
		char *msg = cs->problem ? xstrdup(cs->problem)
		            : xasprintf(_("No modules found in %s."), pl->modules_dir);
		int w = ui_text_width(a, msg, -1, LAY_F_BODY, 0);
		ui_draw_text(a, msg, -1, LAY_F_BODY, 0, 0, ui_color(a, UI_MUTED),
		             (a->w - w) / 2, cs->sc.view.y + a->em * 3);
		free(msg);
	}
	ui_scroll_draw(a, &cs->sc);
	ui_header(a, _("Training modules"),
	          pl->st && store_warning(pl->st) ? store_warning(pl->st)
	          : pl->learner_label ? pl->learner_label : "Lectern");
	ui_footer(a, cs->n > 0 && cs->cards[cs->sel].error
	             ? _("This module cannot be opened. Please tell your trainer.")
	             : _("Arrow keys and Enter, or click a module"), NULL, 0,
	          a->kiosk ? _("Log out") : _("Quit"), /* kiosk: back to the picker */
	          cs->hover == -2 ? UI_BTN_HOVER : 0, NULL, &cs->quit_r);
}

/* ------------------------------------------------------------ events */
static void
open_card(ui_app *a, catalog_screen *cs, int i)
{
	diag_list dl = { 0 };

	if (i < 0 || i >= cs->n || cs->cards[i].error)
		return;
	/* opening replaces this screen: nothing of cs is used after it */
	if (nav_go(a, (nav_req){ .to = NAV_OPEN, .arg = cs->cards[i].path, .dl = &dl }) != 0) {
		/* the file changed since the catalog was read: say so on its card */
		card *c = &cs->cards[i];
		char buf[1024];
		int k;
		for (k = 0; k < dl.n && dl.v[k].severity != DIAG_ERROR; k++)
			;
		if (k < dl.n)
			diag_format(&dl.v[k], buf, sizeof buf);
		else
			snprintf(buf, sizeof buf, "%s", _("cannot be read"));
		c->error = xstrdup(buf);
		cs->gen = a->gen - 1; /* lay the cards out again */
		a->dirty = 1;
	}
	diag_free(&dl);
}

static int
card_at(ui_app *a, catalog_screen *cs, int x, int y)
{
	int i, top = cs->sc.view.y - cs->sc.y;

	if (y < cs->sc.view.y || y >= cs->sc.view.y + cs->sc.view.h)
		return -1;
	for (i = 0; i < cs->n; i++) {
		SDL_Rect r = { cs->card_x, top + cs->cards[i].y, cs->card_w, cs->cards[i].h };
		if (ui_hit(r, x, y))
			return i;
	}
	(void)a;
	return -1;
}

static void
select_card(ui_app *a, catalog_screen *cs, int i)
{
	if (cs->n == 0)
		return;
	if (i < 0)
		i = 0;
	if (i >= cs->n)
		i = cs->n - 1;
	cs->sel = i;
	cs->scroll_to_sel = 1;
	a->dirty = 1;
}

static void
event(ui_app *a, ui_screen *s, const SDL_Event *e)
{
	catalog_screen *cs = (catalog_screen *)s;
	int x, y, i;

	if (cs->gen != a->gen || cs->laid_sel != cs->sel)
		layout(a, cs);
	if (overlay_keys(a, e, 0)) /* F1, ? */
		return;
	if (e->type == SDL_KEYDOWN) {
		switch (e->key.keysym.sym) {
		case SDLK_UP:
		case SDLK_LEFT:
			select_card(a, cs, cs->sel - 1);
			return;
		case SDLK_TAB:
			select_card(a, cs, cs->sel + ((e->key.keysym.mod & KMOD_SHIFT) ? -1 : 1));
			return;
		case SDLK_DOWN:
		case SDLK_RIGHT:
			select_card(a, cs, cs->sel + 1);
			return;
		case SDLK_HOME:
			select_card(a, cs, 0);
			return;
		case SDLK_END:
			select_card(a, cs, cs->n - 1);
			return;
		case SDLK_RETURN:
		case SDLK_KP_ENTER:
			open_card(a, cs, cs->sel);
			return;
		case SDLK_ESCAPE:
			nav_goto(a, NAV_QUIT); /* a kiosk logs the learner out */
			return;
		default:
			break;
		}
	}
	if (ui_scroll_event(a, &cs->sc, e)) {
		a->dirty = 1;
		return;
	}
	switch (e->type) {
	case SDL_MOUSEBUTTONUP:
		if (e->button.button == SDL_BUTTON_LEFT && ui_mouse(a, e, &x, &y) &&
		    ui_hit(cs->quit_r, x, y)) {
			nav_goto(a, NAV_QUIT);
			return;
		}
		if (e->button.button == SDL_BUTTON_LEFT && ui_mouse(a, e, &x, &y) &&
		    (i = card_at(a, cs, x, y)) >= 0) {
			cs->sel = i;
			open_card(a, cs, i);
		}
		break;
	case SDL_MOUSEMOTION:
		ui_mouse(a, e, &x, &y);
		i = ui_hit(cs->quit_r, x, y) ? -2 : card_at(a, cs, x, y);
		ui_hover(a, &cs->hover, i);
		break;
	default:
		break;
	}
}

static void
destroy(ui_screen *s)
{
	catalog_screen *cs = (catalog_screen *)s;
	int i;

	for (i = 0; i < cs->n; i++) {
		card *c = &cs->cards[i];
		free(c->path);
		free(c->id);
		free(c->title);
		free(c->desc);
		free(c->lang);
		free(c->version);
		free(c->error);
		free(c->key);
		lay_free(&c->L);
	}
	free(cs->cards);
	free(cs->problem);
	free(cs);
}

ui_screen *
catalog_screen_new(ui_app *a)
{
	catalog_screen *cs = xcalloc(1, sizeof *cs);
	pl_player *pl = a->player;
	cat_catalog cat = { 0 };
	diag_list dl = { 0 };
	char buf[1024];
	int i;

	cs->base.event = event;
	cs->base.draw = draw;
	cs->base.destroy = destroy;
	cs->hover = -1;
	if (cat_scan(&cat, pl->modules_dir, &dl) != 0 && dl.n > 0) {
		diag_format(&dl.v[0], buf, sizeof buf);
		cs->problem = xstrdup(buf);
	}
	diag_free(&dl);
	pl_trust_catalog(pl, &cat); /* a refused module shows why on its card */
	cs->cards = xcalloc((size_t)(cat.n ? cat.n : 1), sizeof *cs->cards);
	for (i = 0; i < cat.n; i++) {
		card *c = &cs->cards[i];

		load_card(pl, c, &cat.v[i]);
		c->key = fold_text(c->title);
		if (!c->key)
			c->key = xstrdup(c->title);
	}
	cs->n = cat.n;
	cat_free(&cat); /* the cards keep copies; modules load again when opened */
	qsort(cs->cards, (size_t)cs->n, sizeof *cs->cards, card_order);
	/* the first card is a working module (or the one last opened) */
	for (i = 0; i < cs->n; i++)
		if (pl->catalog_sel && cs->cards[i].id &&
		    strcmp(pl->catalog_sel, cs->cards[i].id) == 0)
			cs->sel = i;
	cs->laid_sel = -1;
	cs->scroll_to_sel = 1;
	return &cs->base;
}
