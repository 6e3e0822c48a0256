/* cmd_render_kiosk.c: `lectern render --kiosk`: every kiosk screen drawn
 * offscreen, checked, and optionally saved as PNG files.
 *
 * The kiosk runs on an offscreen surface with the settings of the config
 * file (its learners come from its progress store), and the screens are
 * driven as a learner and a trainer would, by events through the same
 * handler the window's loop uses: the picker, the New-learner form (empty
 * and with a refused name), a learner's PIN prompts when the config asks
 * for learner codes, the trainer's PIN prompt, each part of the trainer
 * menu, and the idle countdown. After each is drawn, what it placed (ui_place: buttons, fields,
 * lines of text) is checked with fit_check: every control inside the
 * window, none over another, no label cut short. Problems are printed one
 * a line, "SCREEN: ..."; the exit status is 1 when there was any. A
 * trainer previews a classroom's screens with -o DIR; the layout test
 * (tests/sh/kiosk_layout.sh) runs it at every projector size, text scale
 * and language; --places lists every rectangle (tab-separated "place",
 * screen, label, x y w h), which tests/sh/e2e_classroom.sh uses to tap the
 * on-screen keyboard's keys. The run records no progress. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <SDL_image.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "cmd.h"
#include "screens/kiosk.h"
#include "screens/nav.h"
#include "screens/player.h"
#include "settings/config.h"
#include "text/fit.h"

typedef struct {
	ui_app *a;
	SDL_Surface *surf;
	const char *out;          /* folder for PNG files, or NULL */
	const char *tag;          /* "1280x800 1.2 fr", for the report */
	ui_places places;
	int n;                    /* screens drawn */
	int problems;
	int list;                 /* --places: print every place */
} tour;

static void
key(tour *t, SDL_Keycode sym)
{
	SDL_Event e;

	SDL_zero(e);
	e.type = SDL_KEYDOWN;
	e.key.keysym.sym = sym;
	ui_handle(t->a, &e);
}

static void
text(tour *t, const char *s)
{
	SDL_Event e;

	SDL_zero(e);
	e.type = SDL_TEXTINPUT;
	snprintf(e.text.text, sizeof e.text.text, "%s", s);
	ui_handle(t->a, &e);
}

static void
problem(tour *t, const char *name, const char *fmt, const ui_placed *p, const ui_placed *q)
{
	printf("%s %s: ", t->tag, name);
	printf(fmt, p->what, p->r.x, p->r.y, p->r.w, p->r.h, q ? q->what : "");
	putchar('\n');
	t->problems++;
}

/* draw the screen shown, check what it placed, save it when asked */
static void
shot(tour *t, const char *name)
{
	ui_places *pl = &t->places;
	fit_rect r[UI_PLACED_MAX];
	int i, a = 0, b = 0, k;

	pl->n = pl->lost = 0;
	ui_draw_frame(t->a);
	SDL_RenderPresent(t->a->ren);
	t->n++;
	if (pl->lost)
		printf("%s %s: %d places not checked (more than %d)\n", t->tag, name, pl->lost,
		       UI_PLACED_MAX);
	for (i = 0; i < pl->n; i++) {
		r[i] = (fit_rect){ pl->v[i].r.x, pl->v[i].r.y, pl->v[i].r.w, pl->v[i].r.h };
		if (t->list)
			printf("place\t%s\t%s\t%d %d %d %d\n", name, pl->v[i].what, pl->v[i].r.x,
			       pl->v[i].r.y, pl->v[i].r.w, pl->v[i].r.h);
		if (pl->v[i].cut)
			problem(t, name, "\"%s\" cut short to fit at %d,%d %dx%d%s", &pl->v[i], NULL);
	}
	/* every problem, not only the first: drop each one found and look
	 * again */
	for (k = 0; k < 50; k++) {
		int rc = fit_check(r, pl->n, t->a->w, t->a->h, &a, &b);

		if (rc == FIT_OK)
			break;
		if (rc == FIT_OUTSIDE) {
			problem(t, name, "\"%s\" at %d,%d %dx%d leaves the window%s", &pl->v[a], NULL);
			r[a] = (fit_rect){ 0, 0, 0, 0 };
		} else {
			problem(t, name, "\"%s\" at %d,%d %dx%d overlaps \"%s\"", &pl->v[a], &pl->v[b]);
			r[b] = (fit_rect){ 0, 0, 0, 0 };
		}
	}
	if (t->out) {
		char *path = xasprintf("%s/kiosk-%02d-%s.png", t->out, t->n, name);

		if (IMG_SavePNG(t->surf, path) != 0)
			fprintf(stderr, _("lectern: %s: cannot write the image: %s\n"), path,
			        IMG_GetError());
		free(path);
	}
}

/* every kiosk screen, reached as a learner and a trainer reach them */
static void
walk(tour *t)
{
	pl_player *pl = t->a->player;
	char **names;
	int n;

	shot(t, "picker");
	key(t, SDLK_HOME);
	key(t, SDLK_RETURN);
	shot(t, "new-learner");
	/* a name that is taken: the reason replaces the line of help */
	names = store_learners(pl->st, &n);
	text(t, n > 0 ? names[0] : "Ada");
	if (n > 0)
		key(t, SDLK_RETURN);
	shot(t, "new-learner-refused");
	key(t, SDLK_ESCAPE);
	if (pl->cfg->learner_codes) {
		/* a learner's PIN: chosen by a new one, asked of one who has it */
		nav_go(t->a, (nav_req){ .to = NAV_CODE, .arg = "Zoë Ødegård-Nakamura" });
		shot(t, "learner-pin-choose");
		text(t, "1234");
		key(t, SDLK_RETURN); /* refused: a run of digits */
		shot(t, "learner-pin-refused");
		key(t, SDLK_ESCAPE);
		if (n > 0) {
			nav_go(t->a, (nav_req){ .to = NAV_CODE, .arg = names[0] });
			shot(t, "learner-pin");
			key(t, SDLK_ESCAPE);
		}
	}
	nav_goto(t->a, NAV_TRAINER_PIN);
	shot(t, "pin");
	/* the right PIN is not known here: the menu is opened directly */
	nav_goto(t->a, NAV_TRAINER);
	shot(t, "trainer");
	key(t, SDLK_e);
	shot(t, "trainer-export");
	key(t, SDLK_ESCAPE);
	key(t, SDLK_l);
	shot(t, "trainer-learners");
	if (n > 0) {
		key(t, SDLK_RETURN); /* Rename of the first learner */
		shot(t, "trainer-rename");
		if (n > 1) {
			/* another's name: refused, and the menu's message line says
			 * why (as it says where an export went) */
			SDL_Event bs;

			SDL_zero(bs);
			bs.type = SDL_KEYDOWN;
			bs.key.keysym.sym = SDLK_BACKSPACE;
			bs.key.keysym.mod = KMOD_CTRL;
			ui_handle(t->a, &bs);
			text(t, names[n - 1]);
			key(t, SDLK_RETURN);
			shot(t, "trainer-rename-refused");
		}
		key(t, SDLK_ESCAPE);
		key(t, SDLK_TAB);
		key(t, SDLK_RETURN); /* Remove: asks first */
		shot(t, "trainer-remove");
		key(t, SDLK_ESCAPE);
	}
	key(t, SDLK_ESCAPE);
	key(t, SDLK_x);
	shot(t, "trainer-exit");
	key(t, SDLK_ESCAPE);
	key(t, SDLK_ESCAPE);
	/* a learner's idle countdown, over their catalog (logged in directly:
	 * the PIN, if any, is theirs) */
	pl->cfg->learner_codes = 0;
	if (n > 0 && nav_go(t->a, (nav_req){ .to = NAV_LOGIN, .arg = names[0] }) == 0) {
		nav_goto(t->a, NAV_IDLE_WARN);
		shot(t, "idle-countdown");
		nav_go(t->a, (nav_req){ .to = NAV_LOGOUT, .arg = "render" });
	}
	if (names)
		store_free_names(names, n);
}

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern render --kiosk [--config FILE] [--size WxH]\n"
	                    "                      [--text-scale S] [--language LL] [-o DIR]\n"
	                    "  every kiosk screen, with the learners of the config's progress\n"
	                    "  store; prints what leaves the window or overlaps (status 1)\n"
	                    "  -o DIR           also save each screen as DIR/kiosk-NN-NAME.png\n"
	                    "  --places         also print where each control and line went\n"));
}

int
cmd_render_kiosk(int argc, char **argv)
{
	const char *config = NULL, *out = NULL, *lang = NULL;
	double scale = 0;
	int w = 1280, h = 800, i, rc;
	cfg_config cfg;
	diag_list dl = { 0 };
	ui_app a = { 0 };
	pl_player pl = { 0 };
	tour t = { 0 };
	char *cfgpath, *data_dir, *fonts, tag[128];
	SDL_Surface *surf;

	for (i = 1; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(o, "--kiosk") == 0)
			continue;
		if (strcmp(o, "--places") == 0) {
			t.list = 1;
			continue;
		}
		if (strcmp(o, "-h") == 0 || strcmp(o, "--help") == 0) {
			usage(stdout);
			return 0;
		}
		if (!v) {
			usage(stderr);
			return 2;
		}
		if (strcmp(o, "--config") == 0)
			config = v;
		else if (strcmp(o, "-o") == 0)
			out = v;
		else if (strcmp(o, "--language") == 0)
			lang = v;
		else if (strcmp(o, "--text-scale") == 0)
			scale = atof(v);
		else if (strcmp(o, "--size") == 0 && ui_parse_size(v, &w, &h) == 0)
			;
		else {
			usage(stderr);
			return 2;
		}
		i++;
	}
	cfg_defaults(&cfg);
	cfgpath = config ? xstrdup(config) : cfg_default_path();
	rc = cfg_load(&cfg, cfgpath, config != NULL, &dl);
	diag_print(&dl, stderr);
	diag_free(&dl);
	free(cfgpath);
	if (rc != 0) {
		cfg_free(&cfg);
		return 2;
	}
	if (lang) {
		free(cfg.language);
		cfg.language = xstrdup(lang);
	}
	if (scale <= 0)
		scale = cfg.text_scale > 0 ? cfg.text_scale : 1.0;
	cfg.text_scale = scale; /* the kiosk shows the configured display */
	if (out && mkdir(out, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "lectern render: %s: %s\n", out, strerror(errno));
		cfg_free(&cfg);
		return 1;
	}
	cfg.kiosk = 1;
	/* laid out as on a touch screen, with the on-screen keyboard: the
	 * tightest layout (the keys sent here would hide it otherwise) */
	cfg.touch_only = 1;
	pl.cfg = &cfg;
	pl.modules_dir = cfg.modules_dir ? xstrdup(cfg.modules_dir) : paths_modules_dir();
	data_dir = paths_user_data_dir(cfg.data_dir);
	pl.st = store_open(data_dir, NULL);

	surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!surf || ui_open_surface(&a, surf) != 0)
		die(_("render: cannot create a %dx%d image"), w, h);
	fonts = paths_fonts_dir();
	rc = ui_fonts_load(&a, fonts);
	free(fonts);
	if (rc != 0)
		goto out;
	a.theme = ui_theme_find(cfg.theme ? cfg.theme : "light");
	a.text_scale = scale;
	ui_resize(&a);
	a.player = &pl;
	a.places = &t.places;
	nav_start(&a, NULL, &dl);
	snprintf(tag, sizeof tag, "%dx%d %.2f %s", w, h, scale, i18n_language());
	t.a = &a;
	t.surf = surf;
	t.out = out;
	t.tag = tag;
	walk(&t);
	printf("%s: %d screens, %d problems\n", tag, t.n, t.problems);
	rc = t.problems ? 1 : 0;
	nav_end(&a);
out:
	ui_close(&a);
	SDL_FreeSurface(surf);
	store_close(pl.st);
	free(pl.modules_dir);
	free(data_dir);
	cfg_free(&cfg);
	return rc;
}
