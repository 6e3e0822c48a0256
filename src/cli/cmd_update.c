/* cmd_update.c: `lectern update`, modules from the training unit's feed
 * when the network returns.
 *
 * Runs as a process of its own (the player never opens a socket), from
 * the same timer as `lectern sync` or by hand. It fetches feed.txt and
 * its signature from the feed: address, checks the signature against
 * trusted_keys (no trusted key, no update), and for each module that is
 * newer than the installed one (or not installed) downloads the package
 * into DATA/downloads/ID-VERSION.lectern.part, resuming a download an
 * earlier run left cut, checks its size and SHA-256 against the index,
 * and installs it like `lectern install` (which checks it all again).
 * One run at a time (a lock in the downloads folder). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "cmd.h"
#include "package/feed.h"
#include "pkgcli.h"
#include "sync/http.h"

enum { UP_TIMEOUT_S = 60 };

typedef struct {
	pkc_ctx p;
	const char *feed_url;    /* --feed, else feed: */
	const char *data;        /* --data-dir */
	char *downloads;         /* DATA/downloads */
	http_opts http;
	int installed, current, failed;
} up_ctx;

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern update [OPTION]...\n"
	        "Install what is newer on the training unit's feed: read the signed\n"
	        "index at the feed: address, download each newer module (resuming a\n"
	        "download that was cut), check it and install it. Needs trusted_keys.\n"
	        "\n"
	        "  --feed URL        the index to read (default: feed: in the config)\n"
	        "  --modules DIR     install into DIR (default: modules_dir, else the\n"
	        "                    bundled modules)\n"
	        "  --data-dir DIR    keep downloads in DIR/downloads\n"
	        "  --config FILE     read settings from FILE\n"
	        "  --auto            for a timer: without feed: set, do nothing and\n"
	        "                    exit 0; say nothing when nothing changed\n"
	        "  -h, --help        show this help\n"
	        "\n"
	        "Exit status: 0 up to date, 1 something could not be fetched or was\n"
	        "refused, 2 usage or settings error.\n"));
}

/* fetch, check and install one module of the feed */
static void
update_one(up_ctx *u, const pkg_feed_item *it)
{
	char *url = pkg_feed_resolve(u->feed_url, it->url), err[512], hex[65];
	char *part = xasprintf("%s/%s-%s.lectern.part", u->downloads, it->id, it->version);
	char *pkg = xasprintf("%s/%s-%s.lectern", u->downloads, it->id, it->version);
	unsigned char sha[PKG_SHA_BYTES];
	long long size;
	diag_list dl = { 0 };
	pkg_policy pol = { u->p.modules_dir, &u->p.keys, 0 };
	pkg_result r;

	if (http_get_file(&u->http, url, part, it->size, err, sizeof err) != 0) {
		fprintf(stderr, _("lectern update: %s %s: %s (what arrived is kept; the next "
		        "run goes on from there)\n"), it->id, it->version, err);
		u->failed++;
		goto out;
	}
	if (pkg_sha_file(part, sha, &size, &dl) != 0 || size != it->size ||
	    memcmp(sha, it->sha, PKG_SHA_BYTES) != 0) {
		pkg_sha_hex(it->sha, hex);
		fprintf(stderr, _("lectern update: %s: refused: the download is not the "
		        "package the feed lists (%lld bytes, SHA-256 %.16s...); it is "
		        "deleted and fetched again next time\n"), url, it->size, hex);
		unlink(part);
		u->failed++;
		goto out;
	}
	if (rename(part, pkg) != 0 || pkg_install(pkg, &pol, &r, &dl) != 0) {
		diag_print(&dl, stderr);
		fprintf(stderr, _("lectern update: %s %s was not installed\n"), it->id,
		        it->version);
		u->failed++;
	} else if (r.action == PKG_CURRENT) {
		u->current++;
	} else {
		printf(r.action == PKG_INSTALLED ? _("installed %s %s\n")
		                                 : _("updated %s to %s\n"), r.id, r.version);
		u->installed++;
	}
	unlink(pkg);
out:
	diag_free(&dl);
	free(url);
	free(part);
	free(pkg);
}

/* the index and its signature; 0 with f filled, or -1 after saying why */
static int
read_feed(up_ctx *u, pkg_feed *f)
{
	char *index = NULL, *sig = NULL, *sig_url = xasprintf("%s.minisig", u->feed_url);
	char err[512];
	size_t ilen = 0, slen = 0;
	diag_list dl = { 0 };
	int rc = -1;

	if (http_get(&u->http, u->feed_url, PKG_FEED_MAX, &index, &ilen, err, sizeof err) != 0 ||
	    http_get(&u->http, sig_url, PKG_SIG_MAX, &sig, &slen, err, sizeof err) != 0) {
		fprintf(stderr, "lectern update: %s\n", err);
	} else if (msig_verify(u->p.keys.v, u->p.keys.n, index, ilen, sig, sig_url, NULL, 0,
	                       &dl) < 0) {
		diag_print(&dl, stderr);
		fprintf(stderr, _("lectern update: refused: the feed %s is not signed by a "
		        "trusted key; nothing was installed\n"), u->feed_url);
	} else if (pkg_feed_parse(f, index, ilen, u->feed_url, &dl) != 0) {
		diag_print(&dl, stderr);
	} else {
		rc = 0;
	}
	diag_free(&dl);
	free(index);
	free(sig);
	free(sig_url);
	return rc;
}

int
cmd_update(int argc, char **argv)
{
	up_ctx u = { .p = { .cmd = "lectern update" } };
	pkg_feed f = { 0 };
	char *data, *lockp;
	int i, rc, lock, automatic = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], **dst = NULL;

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(a, "--auto")) {
			automatic = 1;
			continue;
		}
		if (!strcmp(a, "--feed"))
			dst = &u.feed_url;
		else if (!strcmp(a, "--modules"))
			dst = &u.p.modules;
		else if (!strcmp(a, "--config"))
			dst = &u.p.config;
		else if (!strcmp(a, "--data-dir"))
			dst = &u.data;
		if (!dst) {
			fprintf(stderr, _("lectern update: unknown option %s\n"), a);
			usage(stderr);
			return 2;
		}
		if (!(*dst = pkc_value(&u.p, argc, argv, &i)))
			return 2;
	}
	if ((rc = pkc_open(&u.p)) != 0)
		return rc;
	if (!u.feed_url)
		u.feed_url = u.p.cfg.feed;
	if (!u.feed_url && automatic) {
		/* the timer runs on every kiosk; only some have a feed */
		pkc_close(&u.p);
		return 0;
	}
	if (!u.feed_url) {
		fprintf(stderr, "%s", _("lectern update: no feed: set feed: in the config "
		                        "file to the address of the training unit's feed.txt\n"));
		pkc_close(&u.p);
		return 2;
	}
	if (u.p.keys.n == 0) {
		fprintf(stderr, "%s", _("lectern update: installs only modules signed by a "
		        "trusted key: set trusted_keys in the config file\n"));
		pkc_close(&u.p);
		return 2;
	}
	u.http.timeout_s = UP_TIMEOUT_S;
	u.http.ca_file = u.p.cfg.feed_ca_file; /* a unit's own CA; verified either way */
	data = paths_user_data_dir(u.data ? u.data : u.p.cfg.data_dir);
	u.downloads = xasprintf("%s/downloads", data);
	/* the data folder may not exist yet on a kiosk that never played */
	if ((mkdir(data, 0700) != 0 && errno != EEXIST) ||
	    (mkdir(u.downloads, 0700) != 0 && errno != EEXIST)) {
		fprintf(stderr, _("%s: error: cannot create: %s\n"), u.downloads, strerror(errno));
		free(data);
		rc = 1;
		goto out;
	}
	free(data);
	lockp = xasprintf("%s/.lock", u.downloads);
	lock = open(lockp, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	free(lockp);
	if (lock < 0 || flock(lock, LOCK_EX | LOCK_NB) != 0) {
		fprintf(stderr, "%s", _("lectern update: another update is running\n"));
		if (lock >= 0)
			close(lock);
		rc = 1;
		goto out;
	}
	if (read_feed(&u, &f) != 0) {
		rc = 1;
	} else {
		for (i = 0; i < f.n; i++) {
			char ver[64], *at = pkg_find_installed(u.p.modules_dir, f.v[i].id, ver,
			                                       sizeof ver);

			/* only what is newer: an older feed never takes a module back */
			if (at && pkg_version_cmp(f.v[i].version, ver) <= 0)
				u.current++;
			else
				update_one(&u, &f.v[i]);
			free(at);
		}
		/* a timer's run that changed nothing leaves the journal alone */
		if (!automatic || u.installed || u.failed)
			printf(_("lectern update: %d installed or updated, %d already current, "
			         "%d failed\n"), u.installed, u.current, u.failed);
		rc = u.failed ? 1 : 0;
	}
	close(lock);
out:
	pkg_feed_free(&f);
	free(u.downloads);
	pkc_close(&u.p);
	return rc;
}
