/* cmd_publish.c: `lectern publish`, a folder of modules as a site for
 * `lectern update`: one signed package per module and the signed index
 * (package/feed.h) listing them, ready to copy to any web server. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/util.h"
#include "cmd.h"
#include "format/catalog.h"
#include "format/loader.h"
#include "package/feed.h"
#include "package/package.h"

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern publish --sign KEY -o SITE DIR...\n"
	        "Pack and sign every module of DIR (a modules folder, or one module)\n"
	        "into SITE, with the signed index feed.txt and feed.txt.minisig.\n"
	        "Copy SITE to a web server and set feed: to the address of\n"
	        "feed.txt on the kiosks.\n"
	        "\n"
	        "  -o, --output SITE       the folder to write (made when missing)\n"
	        "  -s, --sign KEY          the secret key (lectern keygen, minisign -G)\n"
	        "  --password-file FILE    the key's password, for a minisign key that\n"
	        "                          has one\n"
	        "  -h, --help              show this help\n"
	        "\n"
	        "Exit status: 0 published, 1 a module was refused or a file could not\n"
	        "be written, 2 usage error.\n"));
}

typedef struct {
	const char *site;
	msig_seckey key;
	pkg_feed feed;
	int bad;
} pub_ctx;

static void
publish_one(pub_ctx *p, const char *src, const mod_module *m)
{
	diag_list dl = { 0 };
	unsigned char sha[PKG_SHA_BYTES];
	long long size;
	char *name = xasprintf("%s-%s.lectern", m->id, m->version ? m->version : "0");
	char *out = xasprintf("%s/%s", p->site, name);
	int i;

	for (i = 0; i < p->feed.n; i++)
		if (!strcmp(p->feed.v[i].id, m->id)) {
			fprintf(stderr, _("%s: error: the id %s is published twice\n"), src, m->id);
			p->bad++;
			goto out;
		}
	if (pkg_pack(src, out, &p->key, NULL, &dl) != 0 ||
	    pkg_sha_file(out, sha, &size, &dl) != 0) {
		p->bad++;
	} else {
		pkg_feed_add(&p->feed, m->id, m->version, size, sha, name);
		printf(_("%s: %s %s\n"), out, m->id, m->version);
	}
out:
	diag_print(&dl, stderr);
	diag_free(&dl);
	free(name);
	free(out);
}

/* write text to dir/name through a temporary, renamed into place */
static int
put(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name), *tmp = xasprintf("%s.tmp", path);
	FILE *fp = fopen(tmp, "w");
	int rc = -1;

	if (fp && fputs(text, fp) >= 0 && fflush(fp) == 0 && fsync(fileno(fp)) == 0) {
		if (fclose(fp) == 0 && rename(tmp, path) == 0)
			rc = 0;
		fp = NULL;
	}
	if (fp)
		fclose(fp);
	if (rc != 0) {
		fprintf(stderr, _("%s: error: cannot write: %s\n"), path, strerror(errno));
		unlink(tmp);
	}
	free(path);
	free(tmp);
	return rc;
}

int
cmd_publish(int argc, char **argv)
{
	pub_ctx p = { 0 };
	const char *keyfile = NULL, *pwfile = NULL;
	char *password = NULL, *index, *sig, *tc;
	diag_list dl = { 0 };
	int i, nsrc = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], **dst = NULL;

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(a, "-o") || !strcmp(a, "--output"))
			dst = &p.site;
		else if (!strcmp(a, "-s") || !strcmp(a, "--sign"))
			dst = &keyfile;
		else if (!strcmp(a, "--password-file"))
			dst = &pwfile;
		if (dst) {
			if (i + 1 >= argc) {
				fprintf(stderr, _("lectern publish: %s needs a value\n"), a);
				return 2;
			}
			*dst = argv[++i];
		} else if (a[0] == '-') {
			fprintf(stderr, _("lectern publish: unknown option %s\n"), a);
			usage(stderr);
			return 2;
		} else {
			nsrc++;
		}
	}
	if (!nsrc || !p.site || !keyfile) {
		if (nsrc && !keyfile)
			fprintf(stderr, "%s", _("lectern publish: a feed must be signed: give "
			                        "--sign KEY\n"));
		usage(stderr);
		return 2;
	}
	if (msig_init() != 0) {
		fprintf(stderr, "%s", _("lectern publish: libsodium cannot start\n"));
		return 1;
	}
	if (pwfile) {
		FILE *fp = fopen(pwfile, "r");
		char buf[1024];

		if (!fp || !fgets(buf, sizeof buf, fp)) {
			fprintf(stderr, _("%s: error: cannot read the password\n"), pwfile);
			if (fp)
				fclose(fp);
			return 1;
		}
		fclose(fp);
		buf[strcspn(buf, "\r\n")] = '\0';
		password = xstrdup(buf);
		memset(buf, 0, sizeof buf);
	}
	i = msig_seckey_load(&p.key, keyfile, password, &dl);
	free(password);
	if (i != 0) {
		diag_print(&dl, stderr);
		diag_free(&dl);
		return 1;
	}
	if (mkdir(p.site, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, _("%s: error: cannot create: %s\n"), p.site, strerror(errno));
		msig_seckey_wipe(&p.key);
		return 1;
	}
	for (i = 1; i < argc; i++) {
		cat_catalog cat = { 0 };
		struct stat st;
		char *my;
		int k;

		if (!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output") ||
		    !strcmp(argv[i], "-s") || !strcmp(argv[i], "--sign") ||
		    !strcmp(argv[i], "--password-file")) {
			i++;
			continue;
		}
		my = xasprintf("%s/module.yaml", argv[i]);
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) && access(my, F_OK) != 0) {
			/* a modules folder: each module in it */
			if (cat_scan(&cat, argv[i], &dl) != 0)
				p.bad++;
			for (k = 0; k < cat.n; k++) {
				if (cat.v[k].mod) {
					publish_one(&p, cat.v[k].path, cat.v[k].mod);
				} else {
					char buf[1024];

					fprintf(stderr, "%s\n", cat_error_text(&cat.v[k], buf, sizeof buf));
					p.bad++;
				}
			}
			cat_free(&cat);
		} else {
			mod_module *m = loader_load(argv[i], &dl);

			if (m)
				publish_one(&p, argv[i], m);
			else
				p.bad++;
			mod_free(m);
		}
		free(my);
		diag_print(&dl, stderr);
		diag_clear(&dl);
	}
	diag_free(&dl);
	index = pkg_feed_text(&p.feed);
	tc = xasprintf("timestamp:%lld\tfile:feed.txt\tlectern feed", (long long)time(NULL));
	sig = msig_sign(&p.key, index, strlen(index), tc);
	free(tc);
	msig_seckey_wipe(&p.key);
	/* the signature first: a kiosk reading in between sees an index
	 * that does not match and tries again next time */
	if (put(p.site, "feed.txt.minisig", sig) != 0 || put(p.site, "feed.txt", index) != 0)
		p.bad++;
	else
		printf(ngettext("%s/feed.txt: %d module, signed\n",
		                "%s/feed.txt: %d modules, signed\n", (unsigned long)p.feed.n),
		       p.site, p.feed.n);
	free(index);
	free(sig);
	pkg_feed_free(&p.feed);
	return p.bad ? 1 : 0;
}
