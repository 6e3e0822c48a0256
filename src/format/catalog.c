/* catalog.c: find and load the modules in a modules directory.
 *
 * scandir() lists the directory sorted by name; each NAME.yaml file (also
 * .yml) and each directory holding module.yaml goes through loader_load,
 * the same loader `lectern check` uses, so the catalog and the checker
 * never disagree. Entries that fail keep a copy of their first error for
 * the screen to show. Module ids are then checked for repeats with a sort
 * of indices (n log n), since the progress store keys everything by id. */
#include "catalog.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/safefile.h"
#include "loader.h"
#include "base/util.h"

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* the stem of a module file name, or NULL when it is not one. */
static char *
module_stem(const char *name)
{
	size_t n = strlen(name);

	if (n > 5 && strcmp(name + n - 5, ".yaml") == 0)
		return xstrndup(name, n - 5);
	if (n > 4 && strcmp(name + n - 4, ".yml") == 0)
		return xstrndup(name, n - 4);
	return NULL;
}

static void
load_entry(cat_entry *e)
{
	diag_list dl = { 0 };
	int i;

	e->mod = loader_load(e->path, &dl);
	e->nerrors = dl.nerrors;
	e->nwarnings = dl.nwarnings;
	for (i = 0; i < dl.n && !e->mod; i++) {
		if (dl.v[i].severity != DIAG_ERROR)
			continue;
		e->error = dl.v[i];
		e->error.file = xstrdup(dl.v[i].file);
		e->error.msg = xstrdup(dl.v[i].msg);
		break;
	}
	diag_free(&dl);
}

static const cat_catalog *sort_cat; /* qsort has no context argument */

static int
by_id(const void *a, const void *b)
{
	const cat_entry *ea = &sort_cat->v[*(const int *)a];
	const cat_entry *eb = &sort_cat->v[*(const int *)b];
	int d = strcmp(ea->mod->id, eb->mod->id);

	return d ? d : *(const int *)a - *(const int *)b;
}

/* give the later of two modules with one id an error. */
static void
check_ids(cat_catalog *c)
{
	int *ix = xmalloc((size_t)(c->n + 1) * sizeof *ix);
	int n = 0, i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].mod)
			ix[n++] = i;
	sort_cat = c;
	qsort(ix, (size_t)n, sizeof *ix, by_id);
	sort_cat = NULL;
	for (i = 1; i < n; i++) {
		cat_entry *first = &c->v[ix[i - 1]], *e = &c->v[ix[i]];

		if (strcmp(first->mod->id, e->mod->id) != 0)
			continue;
		e->error.severity = DIAG_ERROR;
		e->error.file = xstrdup(e->mod->path);
		e->error.line = e->error.col = 0;
		e->error.msg = xasprintf(_("module id \"%s\" is also used by %s; "
		                         "each module needs its own id"),
		                         e->mod->id, first->mod->path);
		e->nerrors++;
		/* a third one with the id is compared with the first */
		ix[i] = ix[i - 1];
		mod_free(e->mod);
		e->mod = NULL;
	}
	free(ix);
}

int
cat_scan(cat_catalog *c, const char *dir, diag_list *dl)
{
	struct dirent **ents;
	int n, i;

	memset(c, 0, sizeof *c);
	c->dir = xstrdup(dir);
	n = scandir(dir, &ents, NULL, by_name);
	if (n < 0) {
		diag_add(dl, DIAG_ERROR, dir, 0, 0, _("cannot read the modules "
		         "directory"));
		return -1;
	}
	c->v = xcalloc((size_t)n + 1, sizeof *c->v);
	for (i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		char *full = xasprintf("%s/%s", dir, name), *stem = NULL;
		struct stat st;

		if (name[0] != '.' && stat(full, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				char *f = xasprintf("%s/module.yaml", full);

				if (stat(f, &st) == 0 && S_ISREG(st.st_mode))
					stem = xstrdup(name);
				free(f);
			} else if (S_ISREG(st.st_mode)) {
				stem = module_stem(name);
				/* a link to a file elsewhere (/etc/shadow) would show its
				 * lines in the module's error messages */
				if (stem && !sf_inside(dir, full)) {
					diag_add(dl, DIAG_ERROR, full, 0, 0, _("a symbolic link that "
					         "leads outside the modules directory; not listed"));
					free(stem);
					stem = NULL;
				}
			}
		}
		if (stem) {
			cat_entry *e = &c->v[c->n++];

			e->path = full;
			e->name = stem;
			load_entry(e);
		} else {
			free(full);
		}
		free(ents[i]);
	}
	free(ents);
	check_ids(c);
	return 0;
}

int
cat_find(const cat_catalog *c, const char *id)
{
	int i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].mod && strcmp(c->v[i].mod->id, id) == 0)
			return i;
	return -1;
}

const char *
cat_title(const cat_entry *e)
{
	return e->mod && e->mod->title ? e->mod->title : e->name;
}

char *
cat_error_text(const cat_entry *e, char *buf, size_t size)
{
	if (size)
		buf[0] = '\0';
	if (!e->mod && e->error.msg)
		diag_format(&e->error, buf, size);
	return buf;
}

void
cat_free(cat_catalog *c)
{
	int i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].path);
		free(c->v[i].name);
		free(c->v[i].error.file);
		free(c->v[i].error.msg);
		mod_free(c->v[i].mod);
	}
	free(c->v);
	free(c->dir);
	memset(c, 0, sizeof *c);
}
