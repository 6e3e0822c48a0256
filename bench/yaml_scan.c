/* yaml_scan.c: the YAML floor. Reads a file and pulls every libyaml event
 * out of it, building nothing: the least any program that reads a module
 * through libyaml can spend. `lectern check` on the same file is measured
 * against it (both as whole processes, so start-up counts for both).
 *
 * It reads the file into memory first, as Lectern's loader does, and prints
 *
 *     events 812345, scalars 400000, 5123456 bytes, 140.2 ms
 *
 * on stdout (the time is the scan alone). Exit status 1 on a YAML error,
 * with FILE:LINE:COLUMN on stderr.
 *
 * usage: yaml_scan FILE */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <yaml.h>

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int
main(int argc, char **argv)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	unsigned char *buf;
	long size, events = 0, scalars = 0;
	double t0;
	int done = 0;
	FILE *f;

	if (argc != 2) {
		fprintf(stderr, "usage: yaml_scan FILE\n");
		return 2;
	}
	if (!(f = fopen(argv[1], "rb")) || fseek(f, 0, SEEK_END) != 0 ||
	    (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		perror(argv[1]);
		return 1;
	}
	if (!(buf = malloc(size ? size : 1)) ||
	    fread(buf, 1, size, f) != (size_t)size) {
		perror(argv[1]);
		return 1;
	}
	fclose(f);

	t0 = now_ms();
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, buf, size);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			fprintf(stderr, "%s:%lu:%lu: error: %s\n", argv[1],
			        (unsigned long)parser.problem_mark.line + 1,
			        (unsigned long)parser.problem_mark.column + 1,
			        parser.problem ? parser.problem : "YAML error");
			return 1;
		}
		events++;
		scalars += ev.type == YAML_SCALAR_EVENT;
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	printf("events %ld, scalars %ld, %ld bytes, %.1f ms\n", events, scalars,
	       size, now_ms() - t0);
	free(buf);
	return 0;
}
