/* cmd_set_pin.c: not written yet (owned by the issue that introduces it). */
#include <stdio.h>

#include "cmd.h"

int
cmd_set_pin(int argc, char **argv)
{
	(void)argc;
	fprintf(stderr, "lectern: %s: not implemented yet\n", argv[0]);
	return 2;
}
