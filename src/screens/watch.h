/* watch.h: tell the event loop when a module's files change on disk, for
 * `lectern preview`. The only platform code of the screens: on Linux one
 * small thread blocks on inotify (no wake-ups while nothing changes);
 * elsewhere a timer compares modification times once a second. Either way
 * a change arrives as one SDL event of the type given, a burst of writes
 * (an editor's save) as one event. */
#ifndef LT_WATCH_H
#define LT_WATCH_H

#include <SDL.h>

typedef struct watch watch;

/* start watching the module at path (a .yaml file or a module folder):
 * the folder that holds it and the folders inside it, where its images
 * are. Each change pushes an event of the given type. NULL when nothing
 * can be watched (the reason on stderr); the preview then still shows
 * the module, without following it. */
watch *watch_start(const char *path, Uint32 type);
/* stop watching and free w (NULL is fine). */
void watch_stop(watch *w);

#endif
