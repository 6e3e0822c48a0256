/* test_yamltree.c: the YAML tree and its limits. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "format/yamltree.h"
#include "base/util.h"

/* load text; expect failure with one error at line:col containing frag. */
static void
expect_error(const char *text, size_t len, int line, int col, const char *frag)
{
	diag_list dl = { 0 };
	yt_doc *doc = yt_load_buf("t.yaml", text, len, &dl);

	assert_null(doc);
	assert_int_equal(dl.nerrors, 1);
	if (!strstr(dl.v[0].msg, frag))
		fail_msg("message \"%s\" lacks \"%s\"", dl.v[0].msg, frag);
	assert_int_equal(dl.v[0].line, line);
	assert_int_equal(dl.v[0].col, col);
	diag_free(&dl);
}

static void
test_tree(void **state)
{
	const char *text = "a: 1\nb: [x, \"y\"]\nc:\n  d: &t hello\n  e: *t\n";
	diag_list dl = { 0 };
	yt_doc *doc = yt_load_buf("t.yaml", text, strlen(text), &dl);
	const yt_node *root, *b, *c;

	(void)state;
	assert_non_null(doc);
	assert_int_equal(dl.n, 0);
	root = yt_root(doc);
	assert_int_equal(root->type, YT_MAP);
	assert_int_equal(root->nkids, 6);
	assert_string_equal(yt_get(root, "a")->str, "1");
	assert_true(yt_get(root, "a")->plain);
	b = yt_get(root, "b");
	assert_int_equal(b->type, YT_SEQ);
	assert_int_equal(b->nkids, 2);
	assert_false(b->kids[1]->plain);
	assert_int_equal(b->line, 2);
	assert_int_equal(b->col, 4);
	c = yt_get(root, "c");
	assert_int_equal(c->line, 4);
	assert_int_equal(c->col, 3);
	/* an alias is the anchored node itself */
	assert_ptr_equal(yt_get(c, "d"), yt_get(c, "e"));
	assert_null(yt_get(root, "zz"));
	assert_null(yt_get(b, "a"));
	yt_free(doc);
	diag_free(&dl);
}

static void
test_empty(void **state)
{
	diag_list dl = { 0 };
	yt_doc *doc = yt_load_buf("t.yaml", "", 0, &dl);

	(void)state;
	assert_non_null(doc);
	assert_null(yt_root(doc));
	yt_free(doc);
	doc = yt_load_buf("t.yaml", "# only a comment\n", 17, &dl);
	assert_non_null(doc);
	assert_null(yt_root(doc));
	yt_free(doc);
	assert_int_equal(dl.n, 0);
	diag_free(&dl);
}

static void
test_syntax(void **state)
{
	const char *t1 = "a: 1\nb: [1, 2\n";
	const char *t2 = "a:\n\tb: 1\n";
	const char *t3 = "a: b: c\n";

	(void)state;
	expect_error(t1, strlen(t1), 3, 1, "YAML syntax error");
	expect_error(t2, strlen(t2), 2, 1, "a tab is not allowed");
	expect_error(t3, strlen(t3), 1, 5, "mapping values are not allowed");
}

/* a byte order mark (as Windows editors write) is skipped and not counted
 * in columns; CRLF line ends count as one line break */
static void
test_bom_crlf(void **state)
{
	const char t1[] = "\xef\xbb\xbf" "a: b: c\n";
	const char t2[] = "\xef\xbb\xbf" "a: x\x01\n";
	const char t3[] = "a: 1\r\nb: \xff\r\n";
	const char t4[] = "\xef\xbb\xbf" "a: 1\r\nb: 2\r\n";
	diag_list dl = { 0 };
	yt_doc *doc;

	(void)state;
	expect_error(t1, sizeof t1 - 1, 1, 5, "mapping values are not allowed");
	expect_error(t2, sizeof t2 - 1, 1, 5, "not allowed in YAML");
	expect_error(t3, sizeof t3 - 1, 2, 4, "not valid UTF-8");
	doc = yt_load_buf("t.yaml", t4, sizeof t4 - 1, &dl);
	assert_non_null(doc);
	assert_string_equal(yt_get(yt_root(doc), "a")->str, "1");
	assert_int_equal(yt_get(yt_root(doc), "b")->line, 2);
	assert_int_equal(yt_get(yt_root(doc), "b")->col, 4);
	yt_free(doc);
	diag_free(&dl);
}

static void
test_two_documents(void **state)
{
	const char *t = "a: 1\n---\nb: 2\n";

	(void)state;
	expect_error(t, strlen(t), 2, 1, "only one YAML document");
}

static void
test_utf8(void **state)
{
	const char t1[] = "a: 1\nb: caf\xc3\xa9 \xff!\n";
	const char t2[] = "title: \xc3\xa9\xc3\xa9\xc3\n";      /* truncated */
	const char t3[] = "x: \xc0\xaf\n";                     /* overlong */
	const char t4[] = "x: \xed\xa0\x80\n";                 /* surrogate */
	const char t5[] = "a: 1\nb: \x01\n";                   /* control */

	(void)state;
	expect_error(t1, sizeof t1 - 1, 2, 9, "not valid UTF-8");
	expect_error(t2, sizeof t2 - 1, 1, 10, "not valid UTF-8");
	expect_error(t3, sizeof t3 - 1, 1, 4, "not valid UTF-8");
	expect_error(t4, sizeof t4 - 1, 1, 4, "not valid UTF-8");
	expect_error(t5, sizeof t5 - 1, 2, 4, "not allowed in YAML");
	expect_error("\xff\xfe" "a\0:\0", 6, 1, 1, "saved as UTF-16");
}

static void
test_alias_bomb(void **state)
{
	/* the classic "billion laughs": 10^9 nodes if expanded */
	const char *t =
		"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
		"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
		"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
		"f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
		"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
		"h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
		"i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\n";

	(void)state;
	/* a weighs 11 nodes, b 111, c 1111, d 11111; the aliases in b..d add
	 * 110 + 1110 + 11110 = 12330, and each *d in e adds 11111, so the
	 * budget of 100000 runs out at e's eighth alias (column 8 + 7 * 4) */
	expect_error(t, strlen(t), 5, 36, "aliases expand to too many nodes");
}

static void
test_alias_ok(void **state)
{
	const char *t = "a: &a [x, y]\nb: [*a, *a]\n";
	diag_list dl = { 0 };
	yt_doc *doc = yt_load_buf("t.yaml", t, strlen(t), &dl);

	(void)state;
	assert_non_null(doc);
	assert_int_equal(yt_get(yt_root(doc), "b")->nkids, 2);
	yt_free(doc);
	diag_free(&dl);
}

static void
test_recursive_alias(void **state)
{
	const char *t1 = "a: &a [1, *a]\n";
	const char *t2 = "a: &m\n  b: *m\n";
	const char *t3 = "a: *nope\n";

	(void)state;
	expect_error(t1, strlen(t1), 1, 11, "recursive");
	expect_error(t2, strlen(t2), 2, 6, "recursive");
	expect_error(t3, strlen(t3), 1, 4, "refers to no anchor");
}

static void
test_depth(void **state)
{
	char buf[400];
	int i, n = 0;

	(void)state;
	for (i = 0; i < 64; i++)
		buf[n++] = '[';
	for (i = 0; i < 64; i++)
		buf[n++] = ']';
	buf[n] = '\0';
	{
		diag_list dl = { 0 };
		yt_doc *doc = yt_load_buf("t.yaml", buf, (size_t)n, &dl);

		assert_non_null(doc); /* 64 levels are fine */
		yt_free(doc);
		diag_free(&dl);
	}
	n = 0;
	for (i = 0; i < 200; i++)
		buf[n++] = '[';
	buf[n] = '\0';
	expect_error(buf, (size_t)n, 1, 65, "nesting is too deep");
}

static void
test_long_scalar(void **state)
{
	size_t n = YT_MAX_SCALAR + 10;
	char *t = xmalloc(n + 1);

	(void)state;
	memcpy(t, "a: ", 3);
	memset(t + 3, 'x', n - 4);
	t[n - 1] = '\n';
	t[n] = '\0';
	expect_error(t, n, 1, 4, "text is too long");
	free(t);
}

static void
test_huge_file(void **state)
{
	char path[] = "/tmp/lectern-yt-XXXXXX";
	int fd = mkstemp(path);
	diag_list dl = { 0 };
	FILE *fp;

	(void)state;
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fputs("a: 1\n", fp);
	assert_int_equal(fseek(fp, 17L * 1024 * 1024, SEEK_SET), 0);
	fputs("b: 2\n", fp);
	fclose(fp);
	assert_null(yt_load_file(path, &dl));
	assert_int_equal(dl.nerrors, 1);
	assert_non_null(strstr(dl.v[0].msg, "too large"));
	assert_int_equal(dl.v[0].line, 1);
	unlink(path);
	diag_free(&dl);
}

/* nodes are not the only cost: aliases of one 1 MiB paragraph passed the
 * node budget and made `render` run out of memory; the text they add is
 * budgeted too, and the error comes at the alias that goes past it */
static void
test_alias_text_bomb(void **state)
{
	size_t big = YT_MAX_SCALAR - 16, n, k;
	char *t = xmalloc(big + 20000 * 8 + 64), *p;
	int over = YT_MAX_ALIAS_BYTES / (int)big + 1; /* first alias past it */

	(void)state;
	p = t;
	p += sprintf(p, "a: &p ");
	memset(p, 'x', big);
	p += big;
	p += sprintf(p, "\nb: [");
	for (k = 0; k < 20000; k++)
		p += sprintf(p, "%s*p", k ? ", " : "");
	p += sprintf(p, "]\n");
	n = (size_t)(p - t);
	expect_error(t, n, 2, 5 + 4 * (over - 1), "aliases expand to too much text");
	free(t);
}

/* a FIFO, a device or a directory is refused at once, never read: a FIFO
 * as a module or config hung `check`, `render` and the player */
static void
test_special_files(void **state)
{
	char dir[] = "/tmp/lectern-yt-XXXXXX", *fifo;
	const char *paths[3];
	diag_list dl = { 0 };
	int i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	fifo = xasprintf("%s/module.yaml", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	paths[0] = fifo;
	paths[1] = "/dev/zero";
	paths[2] = dir;
	alarm(20); /* a hang fails the test instead of stalling the run */
	for (i = 0; i < 3; i++) {
		assert_null(yt_load_file(paths[i], &dl));
		assert_int_equal(dl.nerrors, i + 1);
		if (!strstr(dl.v[i].msg, "not a regular file"))
			fail_msg("%s: \"%s\"", paths[i], dl.v[i].msg);
	}
	alarm(0);
	assert_non_null(strstr(dl.v[0].msg, "FIFO"));
	unlink(fifo);
	rmdir(dir);
	free(fifo);
	diag_free(&dl);
}

static void
test_missing_file(void **state)
{
	diag_list dl = { 0 };

	(void)state;
	assert_null(yt_load_file("/nonexistent/lectern.yaml", &dl));
	assert_int_equal(dl.nerrors, 1);
	assert_non_null(strstr(dl.v[0].msg, "cannot open"));
	diag_free(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_syntax),
		cmocka_unit_test(test_bom_crlf),
		cmocka_unit_test(test_two_documents),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_alias_ok),
		cmocka_unit_test(test_recursive_alias),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_long_scalar),
		cmocka_unit_test(test_huge_file),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_alias_text_bomb),
		cmocka_unit_test(test_special_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
