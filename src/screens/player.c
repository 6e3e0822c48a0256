/* player.c: the module being studied. Opening a module loads and
 * validates it, starts or resumes its session (which resumes at the
 * bookmark) and switches the UI language and direction to the module's
 * (and notes when the module's version changed since the learner's last
 * visit, which the slide screen then says); leaving it records the leave
 * in the store and puts the UI back in the catalog's language. Which
 * screen shows it is the navigator's business (nav.c). */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "format/loader.h"
#include "package/package.h"
#include "player.h"
#include "base/util.h"

void
pl_language(ui_app *a, const mod_module *m)
{
	pl_player *pl = a->player;
	char mine[32] = "";
	const char *ui;

	/* read each time: a kiosk changes learners, and each has their own */
	if (pl->st)
		store_learner_language(pl->st, pl->learner, mine, sizeof mine);
	ui = i18n_use(mine, m ? m->language : NULL, pl->cfg ? pl->cfg->language : NULL);

	/* a module reads in its own direction; the catalog in the UI's */
	a->rtl = lay_lang_is_rtl(m ? m->language : ui);
	a->gen++;
	a->dirty = 1;
}

void
pl_choose_language(ui_app *a, const char *lang)
{
	pl_player *pl = a->player;

	if (pl->st)
		store_set_learner_language(pl->st, pl->learner, lang);
	pl_language(a, pl->mod);
}

void
pl_save(ui_app *a)
{
	pl_player *pl = a->player;
	Uint64 now = ui_active_ms(a), secs;

	if (pl->ses && !pl->headless && now > pl->since) {
		/* whole seconds only; the rest is kept for next time */
		secs = (now - pl->since) / 1000;
		if (secs > 0)
			ses_add_time(pl->ses, (long)secs);
		pl->since += secs * 1000;
	}
}

static void
close_module(pl_player *pl)
{
	if (pl->ses)
		ses_close(pl->ses);
	if (pl->mod)
		mod_free(pl->mod);
	free(pl->mod_path);
	pl->ses = NULL;
	pl->mod = NULL;
	pl->mod_path = NULL;
	pl->updated = 0;
}

int
pl_load(ui_app *a, const char *path, diag_list *dl)
{
	pl_player *pl = a->player;
	mod_module *m;

	/* the catalog checked it when it opened; the files may have changed
	 * since, and a path given on the command line was never checked */
	if (pl_trusted(pl, path, dl) != 0)
		return -1;
	if (!(m = loader_load(path, dl)))
		return -1;
	pl_save(a);
	close_module(pl);
	pl->mod = m;
	pl->mod_path = xstrdup(path);
	free(pl->catalog_sel);
	pl->catalog_sel = xstrdup(m->id);
	pl->ses = ses_open(m, pl->st, pl->learner);
	pl->since = ui_active_ms(a);
	/* said once, on the slide the learner resumes at (not over results:
	 * a finished attempt is not being continued) */
	pl->updated = ses_version_changed(pl->ses) && !ses_at_results(pl->ses);
	pl_language(a, m);
	return 0;
}

int
pl_reload(ui_app *a)
{
	pl_player *pl = a->player;
	char *keep = NULL;
	mod_module *m;
	int i;

	diag_free(&pl->errors);
	memset(&pl->errors, 0, sizeof pl->errors);
	if (!(m = loader_load(pl->preview, &pl->errors)))
		return -1;
	if (pl->ses && !ses_at_results(pl->ses))
		keep = xstrdup(pl->mod->slides[ses_current(pl->ses)].id);
	/* the author opens any slide from the contents and moves on past a
	 * question not answered: linear order is the learners' rule */
	m->nav_free = 1;
	/* an image saved under the same name must be decoded again */
	ui_images_free(a->images);
	a->images = NULL;
	close_module(pl);
	pl->mod = m;
	pl->mod_path = xstrdup(pl->preview);
	pl->ses = ses_open(m, NULL, 0); /* no store: never recorded */
	if (keep && (i = mod_find_slide(m, keep)) >= 0)
		ses_jump(pl->ses, i);
	free(keep);
	pl_language(a, m);
	return 0;
}

/* the trusted keys of the config; a key that does not parse trusts
 * nothing (the config check refused it already; fail closed) */
static void
keys_of(const pl_player *pl, pkg_keys *k)
{
	diag_list dl = { 0 };

	if (pkg_keys_parse(k, pl->cfg->trusted_keys, pl->cfg->path ? pl->cfg->path : "config",
	                   &dl) != 0)
		memset(k, 0, sizeof *k);
	diag_free(&dl);
}

int
pl_trusted(const pl_player *pl, const char *path, diag_list *dl)
{
	pkg_keys k;
	int rc;

	if (!pl->cfg || !pl->cfg->trusted_keys)
		return 0;
	keys_of(pl, &k);
	rc = pkg_verify_installed(path, &k, NULL, dl);
	pkg_keys_free(&k);
	return rc;
}

int
pl_trust_catalog(const pl_player *pl, cat_catalog *c)
{
	pkg_keys k;
	int n;

	if (!pl->cfg || !pl->cfg->trusted_keys)
		return 0;
	keys_of(pl, &k);
	n = pkg_filter_catalog(c, &k);
	pkg_keys_free(&k);
	return n;
}

void
pl_leave(ui_app *a)
{
	pl_player *pl = a->player;

	pl_save(a);
	close_module(pl);
	pl_language(a, NULL);
}

void
pl_sync(ui_app *a, int after_module)
{
	pl_player *pl = a->player;

	if (pl->sync && !pl->headless)
		sync_spawner_start(pl->sync, 1, after_module);
}
