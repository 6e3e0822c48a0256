/* store_fs.h: what the progress store needs from the system besides
 * SQLite: its folder, moving a damaged database aside, whether another
 * process has a database open, UUIDs, IRI-safe ids, and learner names. Kept
 * apart so that store.c is only about the database. Internal to the store. */
#ifndef LT_STORE_FS_H
#define LT_STORE_FS_H

#include <stddef.h>

/* $XDG_DATA_HOME/lectern, else ~/.local/share/lectern with the home from
 * $HOME or the password database (malloc'd); NULL when there is no
 * absolute home: never the current or a shared directory. */
char *sfs_default_dir(void);
/* 1 with the reason (translated) in why when the data folder dir, or the
 * database at path when it exists, belongs to another user or may be
 * written by anyone, or the database or its -wal or -shm is there but not
 * a regular file (a FIFO would hang SQLite's open); 0 when all is well. */
int sfs_unsafe(const char *dir, const char *path, char *why, size_t size);
/* mkdir -p, creating what is missing with mode 0700. 0, or -1 (errno). */
int sfs_make_dirs(const char *dir);
/* 1 when another process has the SQLite database at path open in WAL mode
 * (it holds a lock in path-shm), so its files must not be moved. */
int sfs_in_use(const char *path);
/* rename path-wal, path-shm and path to path.corrupt-TIMESTAMP[-wal|-shm]
 * (UTC; -N added when taken), sidecars first so a new database can never
 * meet an old -wal. All or nothing: 0, the new name in aside; or -1 with
 * everything back in place. */
int sfs_move_aside(const char *path, char *aside, size_t size);
/* a random (version 4) UUID, lower case, in out. */
void sfs_uuid(char out[37]);
/* s with every byte but A-Z a-z 0-9 - . _ ~ percent-encoded (malloc'd). */
char *sfs_iri_escape(const char *s);
/* 1 when name can be a learner's (base/clean.h's clean_name_problem, at
 * most STORE_NAME_MAX bytes). */
int sfs_valid_name(const char *name);

#endif
