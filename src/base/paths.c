/* paths.c: asset lookup. The program's own path (/proc/self/exe) tells
 * whether it runs from the source tree: build/lectern has ../assets/fonts
 * beside it. Then fonts come from assets/fonts and modules from modules/,
 * so `make run` works without installing; otherwise from share/lectern
 * beside the program's bin/ directory when it is there (an install staged
 * with DESTDIR, or moved), else from LT_DATADIR, where `make install` puts
 * fonts/ and modules/. */
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "paths.h"
#include "util.h"

#ifndef LT_DATADIR
#define LT_DATADIR "/usr/local/share/lectern"
#endif

static char tree[PATH_MAX];
static char prefix_data[PATH_MAX]; /* PREFIX/share/lectern beside bin/, or "" */
static int looked, in_tree;

static int
is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static void
look(void)
{
	char exe[PATH_MAX], *slash, *probe;
	ssize_t n;
	int k;

	if (looked)
		return;
	looked = 1;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return;
	exe[n] = '\0';
	/* the tree is the parent of the program's directory (build/) */
	for (k = 0; k < 2; k++) {
		slash = strrchr(exe, '/');
		if (!slash)
			return;
		*slash = '\0';
	}
	probe = xasprintf("%s/assets/fonts/DejaVuSans.ttf", exe);
	if (is_file(probe)) {
		in_tree = 1;
		strcpy(tree, exe);
	}
	free(probe);
	/* installed: PREFIX/bin/lectern finds PREFIX/share/lectern, so a
	 * tree staged with DESTDIR or moved elsewhere runs as it is */
	if (!in_tree) {
		char *data = xasprintf("%s/share/lectern", exe);

		probe = xasprintf("%s/fonts/DejaVuSans.ttf", data);
		if (is_file(probe) && strlen(data) < sizeof prefix_data)
			strcpy(prefix_data, data);
		free(probe);
		free(data);
	}
}

const char *
paths_data_dir(void)
{
	look();
	return in_tree ? tree : prefix_data[0] ? prefix_data : LT_DATADIR;
}

char *
paths_fonts_dir(void)
{
	look();
	return in_tree ? xasprintf("%s/assets/fonts", tree)
	               : xasprintf("%s/fonts", paths_data_dir());
}

char *
paths_modules_dir(void)
{
	look();
	return xasprintf("%s/modules", paths_data_dir());
}

char *
paths_schema(void)
{
	look();
	return in_tree ? xasprintf("%s/docs/module.schema.json", tree)
	               : xasprintf("%s/module.schema.json", paths_data_dir());
}

char *
paths_user_data_dir(const char *dir)
{
	const char *x = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	struct passwd *pw;

	if (dir && *dir)
		return xstrdup(dir);
	if (x && *x == '/')
		return xasprintf("%s/lectern", x);
	if ((!home || *home != '/') && (pw = getpwuid(getuid())))
		home = pw->pw_dir;
	/* never the current directory: progress would land wherever the
	 * program happened to start */
	if (!home || *home != '/')
		return NULL;
	return xasprintf("%s/.local/share/lectern", home);
}
