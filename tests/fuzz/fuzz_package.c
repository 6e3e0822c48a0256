/* fuzz_package.c: libFuzzer harness for what a kiosk reads from a stick
 * or the network before any signature is known to be good: the manifest
 * and feed parsers, the minisign signature parser, and a whole package
 * unpacked and checked by pkg_install (libarchive's zip reader, every
 * name and size rule). The first byte picks the target. Any input must
 * end in a result or diagnostics: no crash, leak or undefined behaviour,
 * and nothing written outside the scratch modules folder.
 *
 *   make fuzz && build/fuzz/fuzz_package -max_len=65536 CORPUS */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "package/feed.h"
#include "package/package.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];       /* scratch: the package file and modules/ */
static pkg_keys keys;

/* the scratch folder goes when the fuzzer exits */
static void
cleanup(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz_package: %s left behind\n", dir);
}

static void
setup(void)
{
	msig_seckey sk;

	snprintf(dir, sizeof dir, "/tmp/lectern-fuzz-package.XXXXXX");
	if (msig_init() != 0 || !mkdtemp(dir))
		abort();
	keys.v = calloc(1, sizeof *keys.v);
	keys.n = 1;
	msig_keygen(&keys.v[0], &sk);
	atexit(cleanup);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_list dl = { 0 };
	const char *text = (const char *)data + 1;
	size_t len = size ? size - 1 : 0;

	if (!dir[0])
		setup();
	if (size == 0)
		return 0;
	switch (data[0] % 4) {
	case 0: {
		pkg_manifest m = { 0 };

		if (pkg_manifest_parse(&m, text, len, "MANIFEST", &dl) == 0 && (!m.id || !m.version))
			__builtin_trap();
		pkg_manifest_free(&m);
		break;
	}
	case 1: {
		pkg_feed f = { 0 };

		pkg_feed_parse(&f, text, len, "feed.txt", &dl);
		pkg_feed_free(&f);
		break;
	}
	case 2: {
		char *sig = strndup(text, len);

		/* no input can be signed by a key made at random just now */
		if (msig_verify(keys.v, keys.n, "x", 1, sig, "sig", NULL, 0, &dl) >= 0)
			__builtin_trap();
		free(sig);
		break;
	}
	default: {
		char pkg[96], mods[96], cmd[200];
		pkg_policy pol = { mods, NULL, 0 };
		pkg_result r;
		FILE *fp;

		snprintf(pkg, sizeof pkg, "%s/p.lectern", dir);
		snprintf(mods, sizeof mods, "%s/modules", dir);
		if (!(fp = fopen(pkg, "wb")))
			abort();
		fwrite(text, 1, len, fp);
		fclose(fp);
		snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir '%s'", mods, mods);
		if (system(cmd) != 0)
			abort();
		pkg_install(pkg, &pol, &r, &dl);
		break;
	}
	}
	diag_free(&dl);
	return 0;
}
