/* cmd_render.c: `lectern render`: slides to PNG files, without a display.
 *
 * The app is opened on an offscreen surface with SDL's software renderer
 * (no video driver is needed), and each slide is drawn by the very screen
 * the window uses, then saved with IMG_SavePNG_RW through base/safefile.h,
 * which checks every write. So a render is exactly
 * what a learner sees at that size and theme; trainers preview and print
 * with it and the render tests check its pixels. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <SDL_image.h>

#include "cmd.h"
#include "base/clean.h"
#include "base/i18n.h"
#include "format/loader.h"
#include "base/paths.h"
#include "base/safefile.h"
#include "screens/nav.h"
#include "screens/player.h"
#include "base/util.h"

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern render MODULE (--slide ID|N | --all) [--size WxH]\n"
	                    "                      [--theme NAME] [--state answered] -o OUT\n"
	                    "  --slide ID|N     one slide, by id or number (1 is the first)\n"
	                    "  --all            every slide, as OUT/NNN-ID.png (OUT is a directory)\n"
	                    "  --size WxH       image size in pixels (default 1280x720)\n"
	                    "  --theme NAME     light, dark or high-contrast (default light)\n"
	                    "  --state answered show questions checked, with the correct answer\n"
	                    "every kiosk screen instead: lectern render --kiosk --help\n"));
}

static int
find_slide(const mod_module *m, const char *arg)
{
	char *end;
	long n;
	int i = mod_find_slide(m, arg);

	if (i >= 0)
		return i;
	n = strtol(arg, &end, 10);
	if (end != arg && !*end && n >= 1 && n <= m->nslides)
		return (int)n - 1;
	return -1;
}

/* surf as a PNG file at out, whole or not at all: every write, the flush
 * and the close are checked (IMG_SavePNG checks none of them, so a full
 * disk left a truncated image and exit status 0), and a failed image is
 * removed. Return 0, or -1 after saying why. */
static int
save_png(SDL_Surface *surf, const char *out)
{
	char err[300];
	SDL_RWops *rw;
	sf_out o;
	int ok;

	if (sf_out_open(&o, out, 0644, err, sizeof err) != 0) {
		clean_fprintf(stderr, _("lectern render: cannot write %s: %s\n"), out, err);
		return -1;
	}
	rw = SDL_RWFromFP(o.fp, SDL_FALSE);
	ok = rw && IMG_SavePNG_RW(surf, rw, 1) == 0;
	if (!ok)
		snprintf(err, sizeof err, "%s", IMG_GetError());
	if (sf_out_close(&o, ok, err, sizeof err) != 0) {
		clean_fprintf(stderr, _("lectern render: cannot write %s: %s\n"), out, err);
		return -1;
	}
	return 0;
}

static int
render_one(ui_app *a, SDL_Surface *surf, int i, int answered, const char *out)
{
	pl_player *pl = a->player;

	ses_jump(pl->ses, i);
	if (answered && pl->mod->slides[i].qtype != Q_NONE)
		ses_reveal(pl->ses, i);
	nav_goto(a, NAV_SLIDE);
	ui_draw_frame(a);
	SDL_RenderPresent(a->ren); /* runs the batched drawing into surf */
	return save_png(surf, out);
}

int
cmd_render(int argc, char **argv)
{
	const char *module = NULL, *slide = NULL, *theme = "light", *out = NULL;
	int all = 0, answered = 0, w = 1280, h = 720, i, rc = 0, first, last;
	diag_list dl = { 0 };
	ui_app a = { 0 };
	pl_player pl = { 0 };
	SDL_Surface *surf;
	char *fonts;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--kiosk") == 0)
			return cmd_render_kiosk(argc, argv);
	for (i = 1; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		int takes = strcmp(o, "--slide") == 0 || strcmp(o, "--size") == 0 ||
		            strcmp(o, "--theme") == 0 || strcmp(o, "--state") == 0 ||
		            strcmp(o, "-o") == 0;
		if (takes && !v) {
			fprintf(stderr, _("lectern render: %s needs a value\n"), o);
			return 2;
		}
		if (strcmp(o, "--slide") == 0)
			slide = v;
		else if (strcmp(o, "--size") == 0) {
			if (ui_parse_size(v, &w, &h) != 0) {
				fprintf(stderr, _("lectern render: --size: expected WIDTHxHEIGHT "
				                  "such as 1280x720, not \"%s\"\n"), v);
				return 2;
			}
		} else if (strcmp(o, "--theme") == 0)
			theme = v;
		else if (strcmp(o, "--state") == 0) {
			if (strcmp(v, "answered") != 0) {
				fprintf(stderr, _("lectern render: --state: the only state is "
				                  "\"answered\", not \"%s\"\n"), v);
				return 2;
			}
			answered = 1;
		} else if (strcmp(o, "-o") == 0)
			out = v;
		else if (strcmp(o, "--all") == 0) {
			all = 1;
			continue;
		} else if (strcmp(o, "-h") == 0 || strcmp(o, "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (o[0] == '-') {
			fprintf(stderr, _("lectern render: unknown option %s\n"), o);
			usage(stderr);
			return 2;
		} else if (!module) {
			module = o;
			continue;
		} else {
			clean_fprintf(stderr, _("lectern render: one module at a time (%s, %s)\n"),
			        module, o);
			return 2;
		}
		i++;
	}
	if (!module || !out || (!slide && !all) || (slide && all)) {
		usage(stderr);
		return 2;
	}
	if (!ui_theme_find(theme)) {
		fprintf(stderr, _("lectern render: --theme: light, dark or high-contrast, "
		                  "not \"%s\"\n"), theme);
		return 2;
	}
	pl.mod = loader_load(module, &dl);
	diag_print(&dl, stderr);
	diag_free(&dl);
	if (!pl.mod)
		return 1;
	first = 0;
	last = pl.mod->nslides - 1;
	if (slide) {
		first = last = find_slide(pl.mod, slide);
		if (first < 0) {
			clean_fprintf(stderr, _("lectern render: %s: no slide \"%s\" (ids or 1..%d)\n"),
			        module, slide, pl.mod->nslides);
			mod_free(pl.mod);
			return 2;
		}
	} else if (mkdir(out, 0755) != 0 && errno != EEXIST) {
		clean_fprintf(stderr, _("lectern render: %s: %s\n"), out, strerror(errno));
		mod_free(pl.mod);
		return 1;
	}

	i18n_init(NULL);
	surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!surf || ui_open_surface(&a, surf) != 0)
		die(_("render: cannot create a %dx%d image"), w, h);
	fonts = paths_fonts_dir();
	if (ui_fonts_load(&a, fonts) != 0) {
		free(fonts);
		return 1;
	}
	free(fonts);
	a.theme = ui_theme_find(theme);
	a.player = &pl;
	pl.headless = 1;
	pl.ses = ses_open(pl.mod, NULL, 0);
	pl_language(&a, pl.mod);
	for (i = first; i <= last && rc == 0; i++) {
		char *path = all ? xasprintf("%s/%03d-%s.png", out, i + 1, pl.mod->slides[i].id)
		                 : xstrdup(out);
		rc = render_one(&a, surf, i, answered, path);
		free(path);
	}
	ui_close(&a);
	SDL_FreeSurface(surf);
	ses_close(pl.ses);
	mod_free(pl.mod);
	return rc ? 1 : 0;
}
