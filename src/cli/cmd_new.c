/* cmd_new.c: `lectern new NAME`: a new module from a short template.
 *
 * NAME.yaml writes that file; any other NAME makes the directory NAME
 * with NAME/module.yaml in it (room for images/ beside it). The module's
 * id comes from the last part of NAME, made into a valid id. The file is
 * created exclusively (O_EXCL), so nothing an author wrote is ever
 * overwritten, and the template is one slide and one question with
 * comments that say where the full reference is; `lectern check` passes
 * on it as written. Its first line points editors at the JSON schema. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern new NAME\n"
	                    "  NAME              NAME.yaml: write that file; else the directory\n"
	                    "                    NAME with NAME/module.yaml in it\n"
	                    "an existing file or directory is never overwritten\n"));
}

/* the template: the schema, the id, the title, in that order */
static const char template[] =
	"# yaml-language-server: $schema=%s\n"
	"# A Lectern module: one slide and one question to start from. The full\n"
	"# reference is docs/module-format.md; modules/format-tour shows every kind\n"
	"# of slide and question. Check it with `lectern check FILE`, and watch it\n"
	"# as you write with `lectern preview FILE`.\n"
	"lectern: 1\n"
	"# the id keeps learners' progress: do not change it once they have begun\n"
	"id: %s\n"
	"title: %s\n"
	"language: en\n"
	"version: \"0.1\"\n"
	"pass_mark: 60\n"
	"\n"
	"slides:\n"
	"  - id: welcome\n"
	"    title: Welcome\n"
	"    # a body is a paragraph, or a list of paragraphs, headings, lists,\n"
	"    # images and notes; **bold** and *italic* work inside the text\n"
	"    body:\n"
	"      - What this module is about, in a sentence or two.\n"
	"      - A second paragraph with a **key word**.\n"
	"\n"
	"  - id: first-question\n"
	"    # a question is a slide with `question:`; `type: single` (one right\n"
	"    # choice) is the default\n"
	"    question: Which answer is right?\n"
	"    choices:\n"
	"      - text: This one.\n"
	"        correct: true\n"
	"        feedback: Yes. Say why it is right.\n"
	"      - text: That one.\n"
	"        feedback: No. Say why it is wrong.\n"
	"    explanation: Shown once the question is answered.\n";

/* the last part of name without .yaml, made a valid id: lower-case
 * letters, digits and '-', starting with a letter or digit, 64 at most */
static void
id_of(const char *name, char *id, size_t size)
{
	const char *b = strrchr(name, '/');
	size_t n = 0;

	b = b && b[1] ? b + 1 : name;
	for (; *b && n + 1 < size && n < 64; b++) {
		char c = *b;

		if (strcmp(b, ".yaml") == 0)
			break;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			c = '-';
		if (c == '-' && (n == 0 || id[n - 1] == '-'))
			continue;
		id[n++] = c;
	}
	while (n > 0 && id[n - 1] == '-')
		n--;
	if (n == 0)
		n = (size_t)snprintf(id, size, "new-module");
	id[n] = '\0';
}

static int
ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);

	return n >= m && strcmp(s + n - m, end) == 0;
}

int
cmd_new(int argc, char **argv)
{
	const char *name;
	char id[80], *file, *schema, *abs = NULL;
	FILE *fp;
	int fd, made_dir = 0, rc = 1;

	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		usage(stdout);
		return 0;
	}
	if (argc != 2 || argv[1][0] == '-' || !argv[1][0]) {
		usage(stderr);
		return 2;
	}
	name = argv[1];
	id_of(name, id, sizeof id);
	if (ends_with(name, ".yaml")) {
		file = xstrdup(name);
	} else {
		if (mkdir(name, 0777) != 0) {
			fprintf(stderr, _("lectern new: cannot create %s: %s\n"), name,
			        errno == EEXIST ? _("it exists already") : strerror(errno));
			return 1;
		}
		made_dir = 1;
		file = xasprintf("%s/module.yaml", name);
	}
	fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0 || !(fp = fdopen(fd, "w"))) {
		fprintf(stderr, _("lectern new: cannot create %s: %s\n"), file,
		        errno == EEXIST ? _("it exists already") : strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	schema = paths_schema();
	/* editors resolve a relative schema from the file: give a whole path */
	abs = realpath(schema, NULL);
	fprintf(fp, template, abs ? abs : schema, id, id);
	free(schema);
	if (fclose(fp) != 0) {
		fprintf(stderr, _("lectern new: cannot write %s: %s\n"), file, strerror(errno));
		unlink(file);
		goto out;
	}
	printf(_("wrote %s: check it with `lectern check %s`, watch it with "
	         "`lectern preview %s`\n"), file, file, file);
	rc = 0;
out:
	if (rc && made_dir)
		rmdir(name);
	free(abs);
	free(file);
	return rc;
}
