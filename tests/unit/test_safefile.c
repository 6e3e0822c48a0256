/* test_safefile.c: reading only regular files of bounded size, never
 * blocking on a FIFO, and writing whole or not at all (base/safefile.h). */
#include "testutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/safefile.h"
#include "base/util.h"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/lectern-sf-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static char *
in_dir(const char *name)
{
	static char buf[4][128];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

static void
write_text(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

static void
test_read(void **state)
{
	char *buf, err[300];
	size_t n;

	(void)state;
	write_text(in_dir("a.txt"), "hello");
	assert_int_equal(sf_read(in_dir("a.txt"), 0, 100, &buf, &n, err, sizeof err), 0);
	assert_int_equal(n, 5);
	assert_string_equal(buf, "hello");
	free(buf);
	/* past the limit */
	assert_int_equal(sf_read(in_dir("a.txt"), 0, 4, &buf, &n, err, sizeof err), -1);
	assert_int_equal(errno, EFBIG);
	assert_non_null(strstr(err, "too large"));
	assert_null(buf);
	/* missing */
	assert_int_equal(sf_read(in_dir("none"), 0, 4, &buf, &n, err, sizeof err), -1);
	assert_int_equal(errno, ENOENT);
}

/* a FIFO with no writer, a device, a directory: refused at once */
static void
test_special(void **state)
{
	char *buf, err[300];
	size_t n;

	(void)state;
	assert_int_equal(mkfifo(in_dir("fifo"), 0600), 0);
	alarm(20); /* a blocking open or read fails the test by signal */
	assert_int_equal(sf_read(in_dir("fifo"), 0, 100, &buf, &n, err, sizeof err), -1);
	assert_non_null(strstr(err, "FIFO"));
	assert_int_equal(sf_read("/dev/zero", 0, 100, &buf, &n, err, sizeof err), -1);
	assert_non_null(strstr(err, "character device"));
	assert_int_equal(sf_read(dir, 0, 100, &buf, &n, err, sizeof err), -1);
	assert_non_null(strstr(err, "directory"));
	alarm(0);
}

static void
test_links(void **state)
{
	struct stat st;
	char err[300];
	int fd;

	(void)state;
	assert_int_equal(mkdir(in_dir("mod"), 0700), 0);
	write_text(in_dir("mod/in.png"), "x");
	write_text(in_dir("outside"), "secret");
	assert_int_equal(symlink(in_dir("outside"), in_dir("mod/out.png")), 0);
	assert_int_equal(symlink("in.png", in_dir("mod/alias.png")), 0);
	assert_true(sf_inside(in_dir("mod"), in_dir("mod/in.png")));
	assert_true(sf_inside(in_dir("mod"), in_dir("mod/alias.png")));
	assert_false(sf_inside(in_dir("mod"), in_dir("mod/out.png")));
	assert_false(sf_inside(in_dir("mod"), in_dir("mod/missing.png")));
	assert_false(sf_inside(in_dir("mod"), in_dir("mod")));
	fd = sf_open(in_dir("mod/out.png"), SF_NOFOLLOW, 100, &st, err, sizeof err);
	assert_int_equal(fd, -1);
	assert_non_null(strstr(err, "symbolic link"));
}

/* output: a regular target is replaced only when all went well, from a
 * 0600 file; a device is written through and stays a device */
static void
test_out(void **state)
{
	char err[300], *buf;
	struct stat st;
	size_t n;
	sf_out o;

	(void)state;
	write_text(in_dir("t.csv"), "old");
	assert_int_equal(sf_out_open(&o, in_dir("t.csv"), 0600, err, sizeof err), 0);
	fputs("new", o.fp);
	assert_int_equal(sf_out_close(&o, 0, err, sizeof err), -1); /* caller failed */
	assert_int_equal(sf_read(in_dir("t.csv"), 0, 100, &buf, &n, err, sizeof err), 0);
	assert_string_equal(buf, "old");
	free(buf);
	assert_int_equal(sf_out_open(&o, in_dir("t.csv"), 0600, err, sizeof err), 0);
	fputs("new", o.fp);
	assert_int_equal(sf_out_close(&o, 1, err, sizeof err), 0);
	assert_int_equal(sf_read(in_dir("t.csv"), 0, 100, &buf, &n, err, sizeof err), 0);
	assert_string_equal(buf, "new");
	free(buf);
	assert_int_equal(stat(in_dir("t.csv"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* /dev/null: written through, never replaced */
	assert_int_equal(sf_out_open(&o, "/dev/null", 0600, err, sizeof err), 0);
	assert_null(o.tmp);
	fputs("x", o.fp);
	assert_int_equal(sf_out_close(&o, 1, err, sizeof err), 0);
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	/* /dev/full: the failure is seen at the flush */
	assert_int_equal(sf_out_open(&o, "/dev/full", 0600, err, sizeof err), 0);
	fputs("x", o.fp);
	assert_int_equal(sf_out_close(&o, 1, err, sizeof err), -1);
	assert_non_null(strstr(err, "space"));
	/* a directory is no target */
	assert_int_equal(sf_out_open(&o, dir, 0600, err, sizeof err), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_special, setup, teardown),
		cmocka_unit_test_setup_teardown(test_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_out, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
