/* loader.h: reads and validates a module (format v1) into a mod_module.
 * A module is a NAME.yaml file, or a directory holding module.yaml and its
 * assets. All problems are reported in one pass into a diag_list with the
 * exact line and column of the YAML node, errors and warnings alike. */
#ifndef LT_LOADER_H
#define LT_LOADER_H

#include "diag.h"
#include "model.h"

enum { LOADER_FORMAT = 1 }; /* highest `lectern:` version understood */

/* load path (file or module directory). Returns a module when there are no
 * errors (there may be warnings), else NULL; diagnostics go to dl. */
mod_module *loader_load(const char *path, diag_list *dl);
/* same, from memory (images are checked relative to dir; dir may be NULL to
 * skip the image file checks). Used by tests and the fuzzer. */
mod_module *loader_load_buf(const char *name, const char *dir, const char *buf,
                            size_t len, diag_list *dl);

#endif
