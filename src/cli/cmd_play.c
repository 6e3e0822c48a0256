/* cmd_play.c: `lectern [OPTIONS] [PATH]`: the player.
 *
 * Settings come from the config file, then the options. The progress
 * store is opened (it never stops the player: a read-only disk only means
 * progress is not saved, which the catalog says), the learner is found or
 * created, the window opened, and then either the catalog is shown or,
 * with PATH, that module at once, resuming at its bookmark; Escape from it
 * leads to the catalog. The theme and text size the learner picks are
 * remembered beside the progress data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "settings/config.h"
#include "base/clean.h"
#include "base/i18n.h"
#include "screens/kiosk.h"
#include "screens/nav.h"
#include "base/paths.h"
#include "screens/player.h"
#include "base/util.h"

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern [OPTIONS] [PATH]\n"
	                    "  PATH              a module file or directory: open it at once\n"
	                    "  --modules DIR     list the modules in DIR in the catalog\n"
	                    "  --theme NAME      light, dark or high-contrast\n"
	                    "  --renderer NAME   software (default) or accelerated\n"
	                    "  --data-dir DIR    keep progress in DIR\n"
	                    "  --learner NAME    the learner's name\n"
	                    "  --config FILE     read settings from FILE\n"
	                    "  --kiosk           classroom kiosk mode (learner picker, trainer PIN)\n"
	                    "  --size WxH        window size (default 1280x720)\n"
	                    "other commands: lectern check|render|export|progress|set-pin\n"));
}

typedef struct {
	const char *modules, *theme, *renderer, *data_dir, *learner, *config, *path;
	int w, h;
	int kiosk;              /* --kiosk */
} play_opts;

/* returns 0, 1 for --help, or 2 for a usage error */
static int
parse(int argc, char **argv, play_opts *o)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		const char **dst = NULL;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
			return 1;
		if (strcmp(a, "--kiosk") == 0) {
			o->kiosk = 1;
			continue;
		}
		if (strcmp(a, "--modules") == 0)
			dst = &o->modules;
		else if (strcmp(a, "--theme") == 0)
			dst = &o->theme;
		else if (strcmp(a, "--renderer") == 0)
			dst = &o->renderer;
		else if (strcmp(a, "--data-dir") == 0)
			dst = &o->data_dir;
		else if (strcmp(a, "--learner") == 0)
			dst = &o->learner;
		else if (strcmp(a, "--config") == 0)
			dst = &o->config;
		else if (strcmp(a, "--size") == 0) {
			if (!v || ui_parse_size(v, &o->w, &o->h) != 0) {
				fprintf(stderr, _("lectern: --size: expected WIDTHxHEIGHT such as "
				                  "1280x720\n"));
				return 2;
			}
			i++;
			continue;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, _("lectern: unknown option %s\n"), a);
			return 2;
		} else if (!o->path) {
			o->path = a;
			continue;
		} else {
			fprintf(stderr, _("lectern: one module at a time (%s, %s)\n"), o->path, a);
			return 2;
		}
		if (!v) {
			fprintf(stderr, _("lectern: %s needs a value\n"), a);
			return 2;
		}
		*dst = v;
		i++;
	}
	if (o->theme && !ui_theme_find(o->theme)) {
		fprintf(stderr, _("lectern: --theme: light, dark or high-contrast, not \"%s\"\n"),
		        o->theme);
		return 2;
	}
	if (o->renderer && strcmp(o->renderer, "software") != 0 &&
	    strcmp(o->renderer, "accelerated") != 0) {
		fprintf(stderr, _("lectern: --renderer: software or accelerated, not \"%s\"\n"),
		        o->renderer);
		return 2;
	}
	return 0;
}

int
cmd_play(int argc, char **argv)
{
	play_opts o = { 0 };
	cfg_config cfg;
	diag_list dl = { 0 };
	ui_app a = { 0 };
	pl_player pl = { 0 };
	sync_spawner sync;
	store_xapi_opts xo = { 0 };
	char *cfgpath, *data_dir, theme[64] = "";
	const char *learner, *why;
	char osuser[256];
	double scale;
	int rc;

	rc = parse(argc, argv, &o);
	if (rc) {
		usage(rc == 1 ? stdout : stderr);
		return rc == 1 ? 0 : 2;
	}
	i18n_init(NULL);
	cfg_defaults(&cfg);
	cfgpath = o.config ? xstrdup(o.config) : cfg_default_path();
	if (cfg_load(&cfg, cfgpath, o.config != NULL, &dl) != 0) {
		diag_print(&dl, stderr);
		diag_free(&dl);
		free(cfgpath);
		cfg_free(&cfg);
		return 2;
	}
	diag_print(&dl, stderr); /* warnings */
	diag_free(&dl);
	free(cfgpath);

	if (o.kiosk)
		cfg.kiosk = 1;
	if (cfg.kiosk && o.path) {
		fprintf(stderr, _("lectern: kiosk mode starts at the learner picker; choose "
		                  "the modules with --modules DIR rather than a PATH\n"));
		cfg_free(&cfg);
		return 2;
	}
	if (cfg.kiosk && kiosk_prepare(&cfg) != 0) {
		cfg_free(&cfg);
		return 1;
	}
	/* a name the store refuses would leave the player running with nothing
	 * saved: say so and stop instead */
	if (o.learner && (why = clean_name_problem(o.learner, STORE_NAME_MAX))) {
		char *vis = clean_visible(o.learner);

		fprintf(stderr, _("lectern: --learner \"%s\": %s; a learner's name is "
		                  "1 to %d bytes of text\n"), vis, why, STORE_NAME_MAX);
		free(vis);
		cfg_free(&cfg);
		return 2;
	}
	pl.cfg = &cfg;
	pl.modules_dir = o.modules ? xstrdup(o.modules)
	                 : cfg.modules_dir ? xstrdup(cfg.modules_dir) : paths_modules_dir();
	data_dir = paths_user_data_dir(o.data_dir ? o.data_dir : cfg.data_dir);
	xo.home_page = cfg.xapi_home_page;
	xo.base_iri = cfg.xapi_base_iri;
	pl.st = store_open(data_dir, &xo);
	if (store_warning(pl.st))
		fprintf(stderr, "lectern: %s\n", store_warning(pl.st));
	/* one default learner per OS account: its name, not $USER (which a
	 * shell, su or a desktop launcher may leave set to someone else) */
	learner = o.learner ? o.learner : store_default_learner(osuser, sizeof osuser);
	/* a kiosk starts at its learner picker, with nobody logged in */
	pl.learner = cfg.kiosk ? -1 : store_learner(pl.st, learner);
	sync_spawner_init(&sync, &cfg, data_dir);
	pl.sync = &sync;

	a.player = &pl;
	/* the folder the store refused is not used for preferences either */
	a.prefs_dir = store_health(pl.st) == STORE_UNSAFE ? NULL : data_dir;
	scale = cfg.text_scale > 0 ? cfg.text_scale : 1.0;
	if (cfg.theme)
		snprintf(theme, sizeof theme, "%s", cfg.theme);
	ui_prefs_load(&a, cfg.theme ? NULL : theme, sizeof theme, &scale);
	if (o.theme)
		snprintf(theme, sizeof theme, "%s", o.theme);
	a.theme = ui_theme_find(theme);
	a.text_scale = scale;
	rc = 0;
	if (ui_start(&a, o.w, o.h, o.renderer) != 0) {
		rc = 1;
		goto out;
	}
	if (o.theme)
		ui_prefs_save(&a); /* --theme is a choice to remember */
	/* the learner picker (kiosk), the module given, or the catalog */
	if (nav_start(&a, o.path, &dl) != 0) {
		diag_print(&dl, stderr);
		diag_free(&dl);
		rc = 1;
		goto out;
	}
	diag_free(&dl);
	ui_run(&a);
	pl_save(&a); /* the time spent in the module open at the end */
	nav_end(&a);
out:
	ui_close(&a); /* screens first: they may still point at the session */
	if (pl.ses)
		ses_close(pl.ses); /* records the leave */
	if (pl.mod)
		mod_free(pl.mod);
	free(pl.mod_path);
	free(pl.catalog_sel);
	free(pl.modules_dir);
	store_close(pl.st);
	sync_spawner_free(&sync);
	free(data_dir);
	cfg_free(&cfg);
	SDL_Quit();
	return rc;
}
