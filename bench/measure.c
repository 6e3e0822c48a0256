/* measure.c: run one command and measure it the same way for every program
 * the benchmark compares, so ratios are fair.
 *
 * It takes CLOCK_MONOTONIC just before fork and passes it to the child as
 * $BENCH_T0_NS. With --first-frame the child's stdout is a pipe and the
 * first line starting with "first frame" is timed as it arrives (floor and
 * `LECTERN_EXIT_AFTER_FIRST_FRAME=1 lectern` both print such a line right
 * after their first SDL_RenderPresent). The child's peak RSS comes from
 * wait4(2); with --pss the summed proportional set size of the child and
 * all its descendants is sampled every 10 ms (for multi-process programs
 * such as a browser, where RSS would count shared pages many times).
 *
 * With --idle SECS the child is left running: after the first-frame line
 * (or --settle SECS without --first-frame) it reads every thread's CPU time
 * and context switches from /proc, sleeps SECS, reads them again and prints
 * the difference, then ends the child with SIGTERM (SIGKILL if it is still
 * there 2 s later). A thread that blocks in the event wait and is woken
 * counts one voluntary switch per wake-up.
 *
 * It prints one line of key=value pairs on stdout:
 *   wall_ms= first_frame_ms= maxrss_kb= cpu_ms= peak_pss_kb= idle_cpu_ms=
 *   idle_wakeups= exit=
 * (cpu_ms: the child's user + system time over its whole life)
 * (-1 where not measured). The child's own stdout is dropped unless
 * --first-frame reads it; its stderr is passed through.
 *
 * usage: measure [--first-frame] [--pss] [--idle SECS] [--settle SECS]
 *                [--timeout SECS] -- COMMAND [ARG...] */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

typedef struct {
	int first_frame, pss;
	double idle_s, settle_s, timeout_s;
} ms_opts;

typedef struct {
	double cpu_ms;
	long switches;
} ms_usage;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* parent pid of pid from /proc, or -1 */
static long
ppid_of(long pid)
{
	char path[64], buf[512], *p;
	FILE *f;
	long pp = -1;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if (!(f = fopen(path, "r")))
		return -1;
	if (fgets(buf, sizeof buf, f) && (p = strrchr(buf, ')')))
		sscanf(p + 2, "%*c %ld", &pp);
	fclose(f);
	return pp;
}

static long
pss_of(long pid)
{
	char path[64], line[256];
	FILE *f;
	long kb = 0;

	snprintf(path, sizeof path, "/proc/%ld/smaps_rollup", pid);
	if (!(f = fopen(path, "r")))
		return 0;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "Pss: %ld", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* summed PSS of root and every descendant */
static long
tree_pss(long root)
{
	enum { MAXP = 4096 };
	static long pids[MAXP], parents[MAXP];
	static char in[MAXP];
	int n = 0, i, changed;
	long total = 0;
	struct dirent *d;
	DIR *dir;

	if (!(dir = opendir("/proc")))
		return 0;
	while ((d = readdir(dir)) && n < MAXP) {
		if (d->d_name[0] < '0' || d->d_name[0] > '9')
			continue;
		pids[n] = atol(d->d_name);
		parents[n] = ppid_of(pids[n]);
		in[n] = pids[n] == root;
		n++;
	}
	closedir(dir);
	do { /* mark descendants until nothing changes */
		changed = 0;
		for (i = 0; i < n; i++) {
			int j;
			if (in[i])
				continue;
			for (j = 0; j < n; j++)
				if (in[j] && parents[i] == pids[j]) {
					in[i] = changed = 1;
					break;
				}
		}
	} while (changed);
	for (i = 0; i < n; i++)
		if (in[i])
			total += pss_of(pids[i]);
	return total;
}

/* CPU time and context switches of every thread of pid */
static ms_usage
usage_of(long pid)
{
	ms_usage u = { 0, 0 };
	char path[320], buf[1024], *p;
	unsigned long ut, st;
	long v;
	struct dirent *d;
	DIR *dir;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/task", pid);
	if (!(dir = opendir(path)))
		return u;
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "/proc/%ld/task/%s/stat", pid, d->d_name);
		if ((f = fopen(path, "r"))) {
			if (fgets(buf, sizeof buf, f) && (p = strrchr(buf, ')')) &&
			    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
			           &ut, &st) == 2)
				u.cpu_ms += (ut + st) * 1e3 / sysconf(_SC_CLK_TCK);
			fclose(f);
		}
		snprintf(path, sizeof path, "/proc/%ld/task/%s/status", pid, d->d_name);
		if ((f = fopen(path, "r"))) {
			while (fgets(buf, sizeof buf, f))
				if (sscanf(buf, "voluntary_ctxt_switches: %ld", &v) == 1 ||
				    sscanf(buf, "nonvoluntary_ctxt_switches: %ld", &v) == 1)
					u.switches += v;
			fclose(f);
		}
	}
	closedir(dir);
	return u;
}

/* SIGCHLD only has to interrupt poll/nanosleep so the exit is timed */
static void
on_child(int sig)
{
	(void)sig;
}

static volatile sig_atomic_t alarm_fired;
static pid_t child_pid;

static void
on_alarm(int sig)
{
	(void)sig;
	alarm_fired = 1;
	kill(-child_pid, SIGKILL);
}

static void
usage_exit(void)
{
	fprintf(stderr, "usage: measure [--first-frame] [--pss] [--idle SECS] "
	        "[--settle SECS] [--timeout SECS] -- COMMAND [ARG...]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	ms_opts o = { 0, 0, 0, 0, 60 };
	int i, fd[2] = { -1, -1 }, status = 0, done = 0, killed = 0;
	double t0, t_ff = -1, t_end, idle_at = -1, term_at = -1;
	long peak_pss = -1, p;
	ms_usage u0 = { 0, 0 }, u1;
	int idle_started = 0;     /* u0 has been read */
	double idle_cpu = -1;
	long idle_wake = -1;
	char t0s[32], buf[4096], line[256];
	size_t linelen = 0;
	struct rusage ru;
	pid_t pid;

	for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "--first-frame"))
			o.first_frame = 1;
		else if (!strcmp(argv[i], "--pss"))
			o.pss = 1;
		else if (!strcmp(argv[i], "--idle") && i + 1 < argc)
			o.idle_s = atof(argv[++i]);
		else if (!strcmp(argv[i], "--settle") && i + 1 < argc)
			o.settle_s = atof(argv[++i]);
		else if (!strcmp(argv[i], "--timeout") && i + 1 < argc)
			o.timeout_s = atof(argv[++i]);
		else
			usage_exit();
	}
	if (i + 1 >= argc)
		usage_exit();
	argv += i + 1;

	signal(SIGCHLD, on_child);
	if (o.first_frame && pipe(fd) != 0) {
		perror("measure: pipe");
		return 1;
	}
	t0 = now_ms();
	snprintf(t0s, sizeof t0s, "%.0f", t0 * 1e6);
	if ((pid = fork()) < 0) {
		perror("measure: fork");
		return 1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		setpgid(0, 0);
		setenv("BENCH_T0_NS", t0s, 1);
		if (o.first_frame) {
			dup2(fd[1], 1);
			close(fd[0]);
			close(fd[1]);
		} else if (null >= 0) {
			dup2(null, 1);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "measure: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	setpgid(pid, pid);
	if (o.first_frame) {
		close(fd[1]);
		fcntl(fd[0], F_SETFL, O_NONBLOCK);
	} else if (o.idle_s > 0) {
		idle_at = t0 + o.settle_s * 1e3;
	}

	if (!o.first_frame && !o.pss && o.idle_s <= 0) {
		/* nothing to watch: block, so the exit is timed exactly */
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_alarm;
		sigaction(SIGALRM, &sa, NULL);
		child_pid = pid;
		alarm((unsigned)o.timeout_s + 1);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		killed = alarm_fired;
		done = 1;
	}
	while (!done) {
		double t = now_ms();
		struct pollfd pf = { fd[0], POLLIN, 0 };
		ssize_t n;

		if (o.pss && (p = tree_pss(pid)) > peak_pss)
			peak_pss = p;
		/* a kiosk ignores SIGTERM by design: 2 s later, SIGKILL */
		if (((term_at > 0 && t - term_at > 2000) ||
		     t - t0 > o.timeout_s * 1e3) && !killed) {
			kill(-pid, SIGKILL);
			killed = 1;
		}
		if (idle_at > 0 && t >= idle_at) {
			if (!idle_started) {
				u0 = usage_of(pid);
				idle_at = t + o.idle_s * 1e3;
				idle_started = 1;
			} else {
				u1 = usage_of(pid);
				idle_cpu = u1.cpu_ms - u0.cpu_ms;
				idle_wake = u1.switches - u0.switches;
				idle_at = -1;
				kill(-pid, SIGTERM);
				term_at = t;
			}
		}
		if (fd[0] >= 0) {
			poll(&pf, 1, 10);
			while ((n = read(fd[0], buf, sizeof buf)) > 0) {
				ssize_t k;
				for (k = 0; k < n; k++) {
					if (buf[k] != '\n') {
						if (linelen < sizeof line - 1)
							line[linelen++] = buf[k];
						continue;
					}
					line[linelen] = 0;
					linelen = 0;
					if (t_ff < 0 && !strncmp(line, "first frame", 11)) {
						t_ff = now_ms();
						if (o.idle_s > 0)
							idle_at = t_ff + o.settle_s * 1e3;
					}
				}
			}
			if (n == 0) {
				close(fd[0]);
				fd[0] = -1;
			}
		} else {
			struct timespec ts = { 0, 10 * 1000000L };
			if (waitpid(pid, &status, WNOHANG) == pid)
				break;
			nanosleep(&ts, NULL);
		}
		if (waitpid(pid, &status, WNOHANG) == pid)
			done = 1;
	}
	t_end = now_ms();
	/* waitpid already reaped it; its usage is in RUSAGE_CHILDREN */
	getrusage(RUSAGE_CHILDREN, &ru);

	printf("wall_ms=%.1f first_frame_ms=%.1f maxrss_kb=%ld cpu_ms=%.1f "
	       "peak_pss_kb=%ld idle_cpu_ms=%.0f idle_wakeups=%ld exit=%d\n",
	       t_end - t0, t_ff < 0 ? -1.0 : t_ff - t0, ru.ru_maxrss,
	       (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3, peak_pss,
	       idle_cpu, idle_wake,
	       killed ? -9 : WIFEXITED(status) ? WEXITSTATUS(status)
	                   : 128 + WTERMSIG(status));
	return 0;
}
