/* cmd_preview.c: `lectern preview MODULE`: the player on one module, for
 * its author, following the file as they write it.
 *
 * Set up like the player (cmd_play.c) but with no store, no learner, no
 * catalog and no sync: nothing done in a preview is recorded anywhere,
 * as in `lectern render`. The navigator starts it (nav_start with
 * pl.preview set): it watches the module's files, loads the module again
 * on each change on the slide that was shown, and shows the file's
 * errors over the window instead of closing when a save breaks it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "base/i18n.h"
#include "screens/nav.h"
#include "screens/player.h"

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern preview [OPTIONS] MODULE\n"
	                    "  MODULE            a module file (.yaml) or directory, shown again\n"
	                    "                    on every save, on the same slide\n"
	                    "  --theme NAME      light, dark or high-contrast\n"
	                    "  --renderer NAME   software (default) or accelerated\n"
	                    "  --size WxH        window size (default 1280x720)\n"
	                    "keys: F2 shows the question answered, T the contents, Esc quits;\n"
	                    "nothing done in a preview is recorded\n"));
}

int
cmd_preview(int argc, char **argv)
{
	const char *path = NULL, *theme = NULL, *renderer = NULL;
	int w = 0, h = 0, i, rc = 0;
	cfg_config cfg;
	ui_app a = { 0 };
	pl_player pl = { 0 };

	for (i = 1; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		int takes = strcmp(o, "--theme") == 0 || strcmp(o, "--renderer") == 0 ||
		            strcmp(o, "--size") == 0;

		if (strcmp(o, "-h") == 0 || strcmp(o, "--help") == 0) {
			usage(stdout);
			return 0;
		}
		if (takes && !v) {
			fprintf(stderr, _("lectern preview: %s needs a value\n"), o);
			return 2;
		}
		if (strcmp(o, "--theme") == 0)
			theme = v;
		else if (strcmp(o, "--renderer") == 0)
			renderer = v;
		else if (strcmp(o, "--size") == 0) {
			if (ui_parse_size(v, &w, &h) != 0) {
				fprintf(stderr, _("lectern preview: --size: expected WIDTHxHEIGHT "
				                  "such as 1280x720\n"));
				return 2;
			}
		} else if (o[0] == '-' && o[1]) {
			fprintf(stderr, _("lectern preview: unknown option %s\n"), o);
			usage(stderr);
			return 2;
		} else if (!path) {
			path = o;
			continue;
		} else {
			fprintf(stderr, _("lectern preview: one module at a time (%s, %s)\n"), path, o);
			return 2;
		}
		i++;
	}
	if (!path) {
		usage(stderr);
		return 2;
	}
	if (theme && !ui_theme_find(theme)) {
		fprintf(stderr, _("lectern preview: --theme: light, dark or high-contrast, "
		                  "not \"%s\"\n"), theme);
		return 2;
	}
	if (renderer && strcmp(renderer, "software") != 0 && strcmp(renderer, "accelerated") != 0) {
		fprintf(stderr, _("lectern preview: --renderer: software or accelerated, "
		                  "not \"%s\"\n"), renderer);
		return 2;
	}
	i18n_init(NULL);
	cfg_defaults(&cfg); /* no config: nothing in it concerns an author's file */
	pl.cfg = &cfg;
	pl.preview = path;
	a.player = &pl;
	a.theme = ui_theme_find(theme ? theme : "light");
	a.text_scale = 1.0;
	if (ui_start(&a, w, h, renderer) != 0) {
		rc = 1;
		goto out;
	}
	if (nav_start(&a, NULL, NULL) != 0) {
		rc = 1;
		goto out;
	}
	ui_run(&a);
	nav_end(&a);
out:
	ui_close(&a); /* screens first: they may still point at the session */
	if (pl.ses)
		ses_close(pl.ses);
	if (pl.mod)
		mod_free(pl.mod);
	free(pl.mod_path);
	diag_free(&pl.errors);
	cfg_free(&cfg);
	SDL_Quit();
	return rc;
}
