/* cmd_keygen.c: `lectern keygen`, a training unit's signing key pair.
 *
 * Writes NAME.pub (give it to every kiosk: trusted_keys in the config)
 * and NAME.key (keep it on the trainer's computer, mode 0600), in the
 * minisign format, so `minisign -S -s NAME.key` signs with it too. An
 * existing file is never overwritten: losing a key means every kiosk must
 * learn a new one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "cmd.h"
#include "package/minisign.h"

static void
usage(FILE *fp)
{
	fprintf(fp, "%s", _("usage: lectern keygen [-o NAME]\n"
	        "Make a key pair to sign module packages: NAME.pub, the public key\n"
	        "for the kiosks' trusted_keys, and NAME.key, the secret key (mode\n"
	        "0600; keep it on the trainer's computer). NAME is lectern by default.\n"
	        "\n"
	        "  -o, --output NAME   write NAME.pub and NAME.key\n"
	        "  -h, --help          show this help\n"));
}

int
cmd_keygen(int argc, char **argv)
{
	const char *name = "lectern";
	diag_list dl = { 0 };
	msig_pubkey pk;
	msig_seckey sk;
	char *pub, *sec, *b64, hex[17];
	int i, rc;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if ((!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output")) &&
		           i + 1 < argc) {
			name = argv[++i];
		} else {
			fprintf(stderr, _("lectern keygen: unknown option %s\n"), argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if (msig_init() != 0) {
		fprintf(stderr, "%s", _("lectern keygen: libsodium cannot start\n"));
		return 1;
	}
	pub = xasprintf("%s.pub", name);
	sec = xasprintf("%s.key", name);
	msig_keygen(&pk, &sk);
	rc = msig_write_keys(&pk, &sk, pub, sec, &dl);
	msig_seckey_wipe(&sk);
	if (rc != 0) {
		diag_print(&dl, stderr);
	} else {
		b64 = msig_pubkey_b64(&pk);
		msig_id_hex(pk.id, hex);
		printf(_("secret key: %s (keep it safe; it signs modules)\n"
		         "public key: %s (key id %s)\n"
		         "\n"
		         "On every kiosk, add to the config file:\n"
		         "trusted_keys:\n"
		         "  - %s\n"), sec, pub, hex, b64);
		free(b64);
	}
	diag_free(&dl);
	free(pub);
	free(sec);
	return rc ? 1 : 0;
}
