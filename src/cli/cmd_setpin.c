/* cmd_setpin.c: `lectern set-pin`, which sets the trainer PIN.
 *
 * The PIN is read twice from the terminal with echo off (or, when stdin is
 * not a terminal, as two lines from stdin, so scripts and tests can pipe
 * it), hashed with crypt(3) under a fresh salt, and stored as
 * trainer_pin_hash in the config file, which keeps its other lines and
 * ends up readable by its owner only. The PIN itself is wiped from memory
 * as soon as it is hashed and never written anywhere. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cmd.h"
#include "settings/config.h"
#include "format/diag.h"
#include "base/clean.h"
#include "base/i18n.h"
#include "settings/pin.h"
#include "base/util.h"

enum { LINE_MAX_PIN = PIN_MAX_LEN + 2 };

static struct termios saved_tty;
static volatile sig_atomic_t tty_changed;

static void
restore_tty(void)
{
	if (tty_changed) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
		tty_changed = 0;
	}
}

/* leave the terminal as it was when interrupted while echo is off */
static void
on_signal(int sig)
{
	restore_tty();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
wipe(char *s, size_t n)
{
	volatile char *v = s;

	while (n--)
		*v++ = 0;
}

/* read one line (without its newline) into buf. Returns 0, or -1 at end of
 * input or when the line is too long. */
static int
read_line(char *buf, size_t size)
{
	size_t n;
	int c;

	if (!fgets(buf, (int)size, stdin))
		return -1;
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n') {
		buf[--n] = '\0';
	} else if (!feof(stdin)) {
		/* too long: drop the rest of the line and refuse it */
		while ((c = getchar()) != EOF && c != '\n')
			;
		wipe(buf, size);
		return -2;
	}
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return 0;
}

/* prompt and read a PIN, without echo when stdin is a terminal */
static int
read_pin(const char *prompt, char *buf, size_t size, int tty)
{
	struct termios t;
	int rc;

	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		if (tcgetattr(STDIN_FILENO, &saved_tty) == 0) {
			t = saved_tty;
			t.c_lflag &= ~(tcflag_t)ECHO;
			t.c_lflag |= ECHONL;
			if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) == 0)
				tty_changed = 1;
		}
	}
	rc = read_line(buf, size);
	restore_tty();
	return rc;
}

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern set-pin [--config FILE]\n"
	                    "\n"
	                    "Set the trainer PIN that opens the trainer menu and ends kiosk mode.\n"
	                    "The PIN is asked twice and not shown; when standard input is not a\n"
	                    "terminal, the two lines are read from it. Only a salted crypt(3) hash\n"
	                    "is stored, as trainer_pin_hash in the config file, which is left\n"
	                    "readable by its owner only.\n"
	                    "\n"
	                    "  --config FILE  the config file to update (default: the user's\n"
	                    "                 $XDG_CONFIG_HOME/lectern/config.yaml when it exists,\n"
	                    "                 else /etc/lectern/config.yaml)\n"
	                    "  -h, --help     show this help\n"));
}

/* where to store the PIN when --config is not given: the file Lectern reads
 * by default, unless that is the system file and we cannot write it. */
static char *
pick_path(void)
{
	char *path = cfg_default_path(), *user;

	if (strncmp(path, "/etc/", 5) != 0 || geteuid() == 0 || access(path, W_OK) == 0)
		return path;
	if (!(user = cfg_user_path()))
		return path;
	free(path);
	return user;
}

int
cmd_set_pin(int argc, char **argv)
{
	char pin[LINE_MAX_PIN], again[LINE_MAX_PIN];
	const char *config = NULL, *why;
	char *path, *hash;
	diag_list dl = { 0 };
	struct sigaction sa;
	int i, tty, rc;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--config") && i + 1 < argc) {
			config = argv[++i];
		} else if (!strncmp(argv[i], "--config=", 9)) {
			config = argv[i] + 9;
		} else {
			fprintf(stderr, _("lectern set-pin: unknown option %s\n"), argv[i]);
			usage(stderr);
			return 2;
		}
	}
	path = config ? xstrdup(config) : pick_path();

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	tty = isatty(STDIN_FILENO);
	if (tty)
		clean_fprintf(stderr, _("Setting the trainer PIN in %s\n"), path);
	rc = read_pin(_("New trainer PIN: "), pin, sizeof pin, tty);
	if (rc == 0)
		rc = read_pin(_("Repeat the PIN: "), again, sizeof again, tty);
	if (rc == -2) {
		clean_fprintf(stderr, _("lectern set-pin: %s; nothing changed\n"),
		        _("the PIN must have at most 64 characters"));
		goto fail;
	}
	if (rc < 0) {
		fprintf(stderr, "%s", tty ? "\n" : "");
		fprintf(stderr, _("lectern set-pin: the PIN must be given twice; nothing changed\n"));
		goto fail;
	}
	if (strcmp(pin, again) != 0) {
		fprintf(stderr, _("lectern set-pin: the two PINs differ; nothing changed\n"));
		goto fail;
	}
	if ((why = pin_weakness(pin))) {
		fprintf(stderr, _("lectern set-pin: %s; nothing changed\n"), why);
		goto fail;
	}
	hash = pin_hash(pin);
	wipe(pin, sizeof pin);
	wipe(again, sizeof again);
	if (!hash) {
		fprintf(stderr, _("lectern set-pin: this system's crypt(3) offers neither "
		                  "yescrypt nor SHA-512; nothing changed\n"));
		free(path);
		return 1;
	}
	if (cfg_write_string(path, "trainer_pin_hash", hash, &dl) < 0) {
		diag_print(&dl, stderr);
		if (!config)
			fprintf(stderr, _("lectern set-pin: run it as the kiosk's user, or as "
			                  "root for the system file, or give --config FILE\n"));
		fprintf(stderr, _("lectern set-pin: nothing changed\n"));
		diag_free(&dl);
		free(hash);
		free(path);
		return 1;
	}
	printf(_("Trainer PIN saved in %s\n"), path);
	diag_free(&dl);
	free(hash);
	free(path);
	return 0;
fail:
	wipe(pin, sizeof pin);
	wipe(again, sizeof again);
	free(path);
	return 1;
}
