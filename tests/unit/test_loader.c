/* test_loader.c: the module loader against the good and bad test modules,
 * the bundled modules, and details of the model it builds.
 *
 * Each bad module starts with a comment saying what must be reported:
 *   # expect: LINE:COLUMN: message fragment          (an error; no module)
 *   # expect-warning: LINE:COLUMN: message fragment  (loads, with a warning)
 * A bad module is a .yaml file in tests/modules/bad or a directory there
 * holding module.yaml (for image checks on disk). */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "format/loader.h"
#include "format/yamltree.h"
#include "base/util.h"

#define BAD LT_SRCDIR "/tests/modules/bad"
#define GOOD LT_SRCDIR "/tests/modules/good"

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* call fn(path) for each module (file or directory) in dir; returns count. */
static int
each_module(const char *dir, int (*fn)(const char *path))
{
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, by_name), i, count = 0, bad = 0;

	assert_true(n >= 0);
	for (i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		size_t len = strlen(name);

		if (name[0] != '.' && (ents[i]->d_type == DT_DIR ||
		    (len > 5 && strcmp(name + len - 5, ".yaml") == 0))) {
			char *path = xasprintf("%s/%s", dir, name);

			bad += fn(path) != 0;
			count++;
			free(path);
		}
		free(ents[i]);
	}
	free(ents);
	if (bad)
		fail_msg("%d of %d modules in %s failed (see above)", bad, count, dir);
	return count;
}

static int
check_bad(const char *path)
{
	char *file, line[512], frag[512], kind[32];
	struct stat st;
	diag_list dl = { 0 };
	mod_module *m;
	FILE *fp;
	int want_line, want_col, i, found = 0, rc = 1;

	stat(path, &st);
	file = S_ISDIR(st.st_mode) ? xasprintf("%s/module.yaml", path) : xstrdup(path);
	fp = fopen(file, "r");
	if (!fp || !fgets(line, sizeof line, fp) ||
	    sscanf(line, "# %31[a-z-]: %d:%d: %511[^\n]", kind, &want_line, &want_col,
	           frag) != 4) {
		print_error("%s: no \"# expect: LINE:COL: message\" first line\n", file);
		if (fp)
			fclose(fp);
		free(file);
		return 1;
	}
	fclose(fp);
	m = loader_load(path, &dl);
	for (i = 0; i < dl.n; i++) {
		diag *d = &dl.v[i];

		if (d->line == want_line && d->col == want_col && strstr(d->msg, frag) &&
		    d->severity == (strcmp(kind, "expect") == 0 ? DIAG_ERROR : DIAG_WARNING))
			found = 1;
	}
	if (strcmp(kind, "expect") == 0 && m)
		print_error("%s: loaded, but an error was expected\n", file);
	else if (strcmp(kind, "expect-warning") == 0 && (!m || dl.nerrors))
		print_error("%s: a warning only was expected\n", file);
	else if (!found)
		print_error("%s: no %s at %d:%d containing \"%s\"\n", file, kind,
		            want_line, want_col, frag);
	else
		rc = 0;
	if (rc) {
		char buf[2048];

		for (i = 0; i < dl.n; i++) {
			diag_format(&dl.v[i], buf, sizeof buf);
			print_error("    got %s\n", buf);
		}
	}
	mod_free(m);
	diag_free(&dl);
	free(file);
	return rc;
}

static int
check_good(const char *path)
{
	diag_list dl = { 0 };
	mod_module *m = loader_load(path, &dl);
	int rc = 0;

	if (!m || dl.n) {
		char buf[2048];
		int i;

		print_error("%s: expected no diagnostics\n", path);
		for (i = 0; i < dl.n; i++) {
			diag_format(&dl.v[i], buf, sizeof buf);
			print_error("    got %s\n", buf);
		}
		rc = 1;
	}
	mod_free(m);
	diag_free(&dl);
	return rc;
}

static void
test_bad_modules(void **state)
{
	(void)state;
	assert_true(each_module(BAD, check_bad) >= 40);
}

static void
test_good_modules(void **state)
{
	(void)state;
	assert_true(each_module(GOOD, check_good) >= 5);
}

static void
test_bundled_modules(void **state)
{
	(void)state;
	each_module(LT_SRCDIR "/modules", check_good);
}

static mod_module *
load_good(const char *name)
{
	diag_list dl = { 0 };
	char *path = xasprintf("%s/%s", GOOD, name);
	mod_module *m = loader_load(path, &dl);

	assert_non_null(m);
	assert_int_equal(dl.n, 0);
	diag_free(&dl);
	free(path);
	return m;
}

static void
test_model_questions(void **state)
{
	mod_module *m = load_good("all-questions.yaml");
	const mod_slide *s;
	int i;

	(void)state;
	assert_string_equal(m->id, "all-questions");
	assert_string_equal(m->language, "en");   /* default */
	assert_int_equal(m->pass_mark, 75);
	assert_int_equal(m->nav_free, 0);
	assert_int_equal(m->format, 1);
	assert_int_equal(m->nslides, 11);

	s = &m->slides[mod_find_slide(m, "q-single")];
	assert_int_equal(s->qtype, Q_SINGLE);
	assert_int_equal(s->nchoices, 3);
	assert_false(s->choices[0].correct);
	assert_true(s->choices[1].correct);
	assert_string_equal(s->choices[1].text, "The customs declaration");
	assert_non_null(s->choices[1].feedback);
	assert_string_equal(s->fb_correct, "Right.");
	assert_int_equal(s->attempts, 2);
	assert_true(s->shuffle);
	assert_int_equal(s->points, 1);
	assert_true(mod_is_graded(s));

	s = &m->slides[mod_find_slide(m, "q-multiple")];
	assert_int_equal(s->qtype, Q_MULTIPLE);
	assert_int_equal(s->points, 2);

	s = &m->slides[mod_find_slide(m, "q-tf")];
	assert_int_equal(s->qtype, Q_TRUE_FALSE);
	assert_int_equal(s->answer, 0);

	s = &m->slides[mod_find_slide(m, "q-order")];
	assert_int_equal(s->nitems, 4);
	assert_string_equal(s->items[3], "Tell your supervisor");

	s = &m->slides[mod_find_slide(m, "q-match")];
	assert_int_equal(s->npairs, 3);
	assert_string_equal(s->left[2], "Whistle-blower");
	assert_string_equal(s->right[0], "Something given to influence a decision");

	s = &m->slides[mod_find_slide(m, "q-short")];
	assert_int_equal(s->naccept, 2);
	assert_true(s->strict_accents);
	assert_string_equal(s->accept[1], "[the] United Nations Convention against Corruption");
	assert_int_equal(s->points, 0);
	assert_false(mod_is_graded(s));

	i = mod_find_slide(m, "decide");
	s = &m->slides[i];
	assert_int_equal(s->qtype, Q_DECISION);
	assert_int_equal(s->attempts, 1);
	assert_int_equal(s->choices[0].go_to_index, mod_find_slide(m, "refused"));
	assert_int_equal(s->choices[1].go_to_index, mod_find_slide(m, "took"));
	assert_int_equal(s->nblocks, 1);

	/* consequence slides rejoin through next: */
	assert_int_equal(mod_next_index(m, mod_find_slide(m, "refused")),
	                 mod_find_slide(m, "wrap-up"));
	assert_int_equal(mod_next_index(m, mod_find_slide(m, "took")),
	                 mod_find_slide(m, "wrap-up"));
	assert_int_equal(mod_next_index(m, 0), 1);
	assert_int_equal(mod_next_index(m, m->nslides - 1), NEXT_END);
	assert_string_equal(mod_section_of(m, 5), "Questions");
	assert_string_equal(mod_section_of(m, m->nslides - 1), "End");
	assert_int_equal(mod_find_slide(m, "nope"), -1);
	assert_string_equal(mod_qtype_name(Q_TRUE_FALSE), "true-false");
	mod_free(m);
}

static void
test_model_blocks(void **state)
{
	mod_module *m = load_good("all-blocks.yaml");
	const mod_slide *s;

	(void)state;
	assert_string_equal(m->language, "en-GB");
	assert_string_equal(m->version, "2.1");
	assert_int_equal(m->minutes, 3);
	assert_int_equal(m->pass_mark, 0);
	assert_string_equal(m->slides[1].id, "slide-2"); /* default id */
	s = &m->slides[0];
	assert_int_equal(s->nblocks, 1);
	assert_int_equal(s->blocks[0].kind, BLK_PARAGRAPH);
	assert_non_null(s->notes);
	s = &m->slides[1];
	assert_int_equal(s->nblocks, 4);
	assert_int_equal(s->blocks[1].kind, BLK_HEADING);
	assert_int_equal(s->blocks[2].kind, BLK_BULLETS);
	assert_int_equal(s->blocks[2].nitems, 2);
	assert_int_equal(s->blocks[3].kind, BLK_NUMBERED);
	assert_int_equal(s->blocks[3].nitems, 3);
	assert_int_equal(s->blocks[1].line, 21);
	assert_int_equal(s->blocks[1].col, 9);
	s = &m->slides[2];
	assert_int_equal(s->blocks[0].kind, BLK_NOTE);
	assert_int_equal(s->blocks[1].kind, BLK_TIP);
	assert_int_equal(s->blocks[2].kind, BLK_WARNING);
	assert_int_equal(s->blocks[3].kind, BLK_QUOTE);
	assert_string_equal(s->blocks[3].source, "attributed to C. S. Lewis");
	assert_null(s->blocks[4].source);
	assert_int_equal(s->next_index, NEXT_END);
	mod_free(m);

	m = load_good("with-image");
	s = &m->slides[0];
	assert_int_equal(s->blocks[0].kind, BLK_IMAGE);
	assert_string_equal(s->blocks[0].path, "images/scale.png");
	assert_int_equal(s->blocks[0].width, 60);
	assert_non_null(s->blocks[0].caption);
	assert_non_null(strstr(m->dir, "with-image"));
	mod_free(m);
}

static void
test_aliases_reuse(void **state)
{
	mod_module *m = load_good("aliases.yaml");

	(void)state;
	assert_string_equal(m->slides[1].title, "Reporting channels");
	assert_string_equal(m->slides[1].blocks[0].text, m->slides[0].blocks[0].text);
	assert_string_equal(m->slides[3].fb_incorrect, "Look at the list again.");
	assert_int_equal(m->nav_free, 1);
	mod_free(m);
}

/* several unrelated problems come out of one pass */
static void
test_all_problems(void **state)
{
	const char *t =
		"lectern: 1\n"
		"id: Bad Id\n"
		"title: T\n"
		"pass_mark: eighty\n"
		"slides:\n"
		"  - titel: a\n"
		"  - question: q\n"
		"    choices: [a, b]\n"
		"    next: nowhere\n";
	diag_list dl = { 0 };

	(void)state;
	assert_null(loader_load_buf("t.yaml", NULL, t, strlen(t), &dl));
	assert_int_equal(dl.nerrors, 5);
	assert_int_equal(dl.nwarnings, 1); /* slide 1 shows nothing */
	assert_int_equal(dl.v[0].line, 2);
	assert_int_equal(dl.v[1].line, 4);
	assert_int_equal(dl.v[2].line, 6);
	assert_int_equal(dl.v[3].severity, DIAG_WARNING);
	assert_int_equal(dl.v[4].line, 8);
	assert_int_equal(dl.v[5].line, 9);
	assert_non_null(strstr(dl.v[1].msg,
	        "`pass_mark` must be a whole number from 0 to 100, got \"eighty\""));
	diag_free(&dl);
}

/* a newer format stops at that one error: the rest may be valid there */
static void
test_newer_format(void **state)
{
	const char *t = "lectern: 3\nid: x\ntitle: T\nnew_key: 1\nslides: {}\n";
	diag_list dl = { 0 };

	(void)state;
	assert_null(loader_load_buf("t.yaml", NULL, t, strlen(t), &dl));
	assert_int_equal(dl.n, 1);
	assert_non_null(strstr(dl.v[0].msg, "needs a newer Lectern"));
	diag_free(&dl);
}

static void
test_huge_file(void **state)
{
	char path[] = "/tmp/lectern-huge-XXXXXX";
	int fd = mkstemp(path);
	diag_list dl = { 0 };
	FILE *fp;

	(void)state;
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	fputs("lectern: 1\nid: huge\ntitle: Huge\nslides:\n", fp);
	while (ftell(fp) < 17L * 1024 * 1024)
		fputs("  - title: a slide that is repeated until the file is large\n", fp);
	fclose(fp);
	assert_null(loader_load(path, &dl));
	assert_int_equal(dl.nerrors, 1);
	assert_non_null(strstr(dl.v[0].msg, "too large"));
	unlink(path);
	diag_free(&dl);
}

static void
test_long_scalar(void **state)
{
	const char *head = "lectern: 1\nid: x\ntitle: T\nslides:\n  - body: ";
	size_t hn = strlen(head), n = hn + YT_MAX_SCALAR + 2;
	char *t = xmalloc(n);
	diag_list dl = { 0 };

	(void)state;
	memcpy(t, head, hn);
	memset(t + hn, 'x', n - hn - 1);
	t[n - 1] = '\n';
	assert_null(loader_load_buf("t.yaml", NULL, t, n, &dl));
	assert_int_equal(dl.nerrors, 1);
	assert_int_equal(dl.v[0].line, 5);
	assert_int_equal(dl.v[0].col, 11);
	assert_non_null(strstr(dl.v[0].msg, "text is too long"));
	free(t);
	diag_free(&dl);
}

/* a large module loads; ids resolve through the hash, duplicates found */
static void
test_many_slides(void **state)
{
	enum { N = 10000 };
	size_t cap = (size_t)N * 64 + 100, len;
	char *t = xmalloc(cap);
	diag_list dl = { 0 };
	mod_module *m;
	int i;

	(void)state;
	len = (size_t)snprintf(t, cap, "lectern: 1\nid: big\ntitle: Big\nslides:\n");
	for (i = 0; i < N; i++)
		len += (size_t)snprintf(t + len, cap - len,
		                        "  - id: s%d\n    title: Slide %d\n    next: s%d\n",
		                        i, i, (i + 1) % N);
	len -= strlen("s0\n"); /* the last slide ends the module */
	len += (size_t)snprintf(t + len, cap - len, "end\n");
	m = loader_load_buf("big.yaml", NULL, t, len, &dl);
	assert_non_null(m);
	assert_int_equal(dl.n, 0);
	assert_int_equal(m->nslides, N);
	assert_int_equal(mod_find_slide(m, "s9999"), 9999);
	assert_int_equal(mod_next_index(m, 9998), 9999);
	assert_int_equal(mod_next_index(m, 9999), NEXT_END);
	mod_free(m);
	/* the same with one id repeated near the end */
	memcpy(strstr(t, "id: s9998\n"), "id: s4242", 9);
	assert_null(loader_load_buf("big.yaml", NULL, t, len, &dl));
	assert_true(dl.nerrors >= 1);
	assert_non_null(strstr(dl.v[0].msg, "already used by slide 4243"));
	free(t);
	diag_free(&dl);
}

/* a flood of problems stops at a cap instead of printing millions */
static void
test_diag_cap(void **state)
{
	size_t cap = 2000 * 16 + 100, len;
	char *t = xmalloc(cap);
	diag_list dl = { 0 };
	int i;

	(void)state;
	len = (size_t)snprintf(t, cap, "lectern: 1\nid: x\ntitle: T\n");
	for (i = 0; i < 2000; i++)
		len += (size_t)snprintf(t + len, cap - len, "k%d: v\n", i);
	len += (size_t)snprintf(t + len, cap - len, "slides: [a]\n");
	assert_null(loader_load_buf("t.yaml", NULL, t, len, &dl));
	assert_int_equal(dl.n, 502);
	assert_non_null(strstr(dl.v[500].msg, "too many problems"));
	assert_non_null(strstr(dl.v[501].msg, "1501 more errors not shown"));
	diag_free(&dl);

	/* past the cap an error still rejects the module, though only
	 * warnings were shown */
	len = (size_t)snprintf(t, cap, "lectern: 1\nid: x\ntitle: T\nslides:\n");
	for (i = 0; i < 600; i++) /* each an empty slide: a warning */
		len += (size_t)snprintf(t + len, cap - len, "  - notes: n%d\n", i);
	len += (size_t)snprintf(t + len, cap - len, "  - title: [x]\n");
	assert_null(loader_load_buf("t.yaml", NULL, t, len, &dl));
	assert_int_equal(dl.nwarnings, 501);
	assert_int_equal(dl.nerrors, 1);
	assert_non_null(strstr(dl.v[dl.n - 1].msg, "1 more error not shown"));
	free(t);
	diag_free(&dl);
}

/* a message stays one line of valid UTF-8 whatever the file holds */
static void
test_one_line_messages(void **state)
{
	const char *t = "lectern: 1\nid: x\ntitle: T\npass_mark: \"a\\nb\"\n"
	                "\"x\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	                "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	                "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	                "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9x\": 1\n"
	                "slides: [a]\n";
	diag_list dl = { 0 };
	int i;

	(void)state;
	assert_null(loader_load_buf("t.yaml", NULL, t, strlen(t), &dl));
	assert_int_equal(dl.nerrors, 3);
	assert_non_null(strstr(dl.v[1].msg, "got \"a b\""));
	assert_non_null(strstr(dl.v[0].msg, "unknown key `x\xc3\xa9"));
	for (i = 0; i < dl.n; i++) {
		const unsigned char *p = (const unsigned char *)dl.v[i].msg;

		assert_null(strchr(dl.v[i].msg, '\n'));
		for (; *p; p++)
			if (*p >= 0xC0)
				assert_int_equal(p[1] & 0xC0, 0x80);
	}
	diag_free(&dl);
}

static void
test_not_a_module_dir(void **state)
{
	diag_list dl = { 0 };

	(void)state;
	assert_null(loader_load(LT_SRCDIR "/tests/modules", &dl));
	assert_int_equal(dl.nerrors, 1);
	assert_non_null(strstr(dl.v[0].msg, "no module.yaml"));
	diag_free(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_modules),
		cmocka_unit_test(test_good_modules),
		cmocka_unit_test(test_bundled_modules),
		cmocka_unit_test(test_model_questions),
		cmocka_unit_test(test_model_blocks),
		cmocka_unit_test(test_aliases_reuse),
		cmocka_unit_test(test_all_problems),
		cmocka_unit_test(test_newer_format),
		cmocka_unit_test(test_huge_file),
		cmocka_unit_test(test_long_scalar),
		cmocka_unit_test(test_many_slides),
		cmocka_unit_test(test_diag_cap),
		cmocka_unit_test(test_one_line_messages),
		cmocka_unit_test(test_not_a_module_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
