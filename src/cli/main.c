/* main.c: picks the subcommand and hands over. Everything else lives in
 * the cmd_*.c files; without a subcommand Lectern starts the player. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "base/i18n.h"

static const struct {
	const char *name;
	int (*fn)(int, char **);
} commands[] = {
	{ "check", cmd_check },
	{ "render", cmd_render },
	{ "export", cmd_export },
	{ "progress", cmd_progress },
	{ "report", cmd_report },
	{ "set-pin", cmd_set_pin },
	{ "sync", cmd_sync },
	{ "keygen", cmd_keygen },
	{ "pack", cmd_pack },
	{ "install", cmd_install },
	{ "remove", cmd_remove },
	{ "publish", cmd_publish },
	{ "update", cmd_update },
	{ "preview", cmd_preview },
	{ "new", cmd_new },
};

int
main(int argc, char **argv)
{
	size_t i;

	setlocale(LC_ALL, "");
	/* messages in the locale's language even where that locale is not
	 * installed; the player switches again for config and module. */
	i18n_init(NULL);
	i18n_use(NULL, NULL, NULL);
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("lectern %s\n", LT_VERSION);
		return 0;
	}
	if (argc > 1) {
		for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (strcmp(argv[1], commands[i].name) == 0)
				return commands[i].fn(argc - 1, argv + 1);
	}
	return cmd_play(argc, argv);
}
