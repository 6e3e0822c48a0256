/* catalog.h: the modules found in a modules directory, for the catalog
 * screen. A module is a NAME.yaml file or a directory holding module.yaml
 * (hidden entries are skipped). Every module found is listed, sorted by its
 * file or directory name, with either the loaded module or the first error
 * that stopped it, so a broken module is shown, never silently dropped. */
#ifndef LT_CATALOG_H
#define LT_CATALOG_H

#include "diag.h"
#include "model.h"

typedef struct {
	char *path;        /* the NAME.yaml file or the module directory */
	char *name;        /* NAME or the directory name: the sort key */
	mod_module *mod;   /* the loaded module, or NULL when it has errors */
	diag error;        /* mod == NULL: its first error (file, line, col, msg) */
	int nerrors, nwarnings;
	int refused;       /* loaded, then refused by a caller's policy (a module
	                      no trusted key signed): error says why */
} cat_entry;

typedef struct {
	char *dir;         /* the modules directory scanned */
	cat_entry *v;      /* sorted by name */
	int n;
} cat_catalog;

/* load every module in dir into c (which is cleared first). Returns 0, or
 * -1 with a diagnostic in dl when the directory cannot be read; an empty
 * directory is not an error (c->n is 0). Two modules with the same id: the
 * second one gets an error, since progress is kept by id. */
int cat_scan(cat_catalog *c, const char *dir, diag_list *dl);
/* index of the entry whose module has this id, or -1. */
int cat_find(const cat_catalog *c, const char *id);
/* what to call an entry: the module title, else its name. */
const char *cat_title(const cat_entry *e);
/* the entry's first error as "FILE:LINE:COLUMN: error: MESSAGE" in buf
 * (empty when it loaded). Returns buf. */
char *cat_error_text(const cat_entry *e, char *buf, size_t size);
void cat_free(cat_catalog *c);

#endif
