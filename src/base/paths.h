/* paths.h: where Lectern finds its fonts and bundled modules. Run from the
 * source tree (the program is build/lectern beside assets/), it uses the
 * tree; installed, it uses LT_DATADIR (fonts/ and modules/ there). */
#ifndef LT_PATHS_H
#define LT_PATHS_H

/* the directory holding fonts/ (or assets/fonts/) and modules/; never NULL. */
const char *paths_data_dir(void);
/* the font directory (malloc'd). */
char *paths_fonts_dir(void);
/* the bundled modules directory (malloc'd). */
char *paths_modules_dir(void);
/* docs/module.schema.json in the tree, else the one installed in the data
 * directory (malloc'd), for the schema line of `lectern new`. */
char *paths_schema(void);
/* the learner data directory: dir when given, else $XDG_DATA_HOME/lectern
 * or ~/.local/share/lectern (malloc'd); NULL when there is no absolute
 * home directory ($HOME unset and none in the password database). */
char *paths_user_data_dir(const char *dir);

#endif
