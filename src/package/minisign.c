/* minisign.c: the minisign file formats on libsodium (see minisign.h).
 *
 * Every file is a few lines of text; each binary part is base64 (the
 * original alphabet, with padding). Parsing is strict about sizes and
 * algorithm tags and loose about the untrusted comment, which anyone may
 * change. The checksum of a secret key is BLAKE2b-256 over "Ed", the key
 * id and the secret key, as minisign computes it, so a wrong password or
 * a damaged file is told apart from a good key. */
#include "minisign.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "base/i18n.h"
#include "base/util.h"

enum {
	ALG = 2, SALT = 32, CHK = 32, LIMIT = 8,
	PK_RAW = ALG + MSIG_ID_BYTES + MSIG_PK_BYTES,                    /* 42 */
	SIG_RAW = ALG + MSIG_ID_BYTES + crypto_sign_BYTES,               /* 74 */
	KEYNUM_SK = MSIG_ID_BYTES + MSIG_SK_BYTES + CHK,                 /* 104 */
	SK_RAW = ALG * 3 + SALT + LIMIT * 2 + KEYNUM_SK,                 /* 158 */
	SIG_FILE_MAX = 16384,        /* comments are short; a bigger file is wrong */
	KEY_FILE_MAX = 4096,
	MEMLIMIT_MAX = 1 << 30       /* scrypt memory a key may ask for */
};

static const char UNTRUSTED[] = "untrusted comment: ";
static const char TRUSTED[] = "trusted comment: ";

int
msig_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

void
msig_id_hex(const unsigned char id[MSIG_ID_BYTES], char out[17])
{
	int i;

	/* minisign prints the id as a little-endian 64-bit number */
	for (i = 0; i < MSIG_ID_BYTES; i++)
		snprintf(out + 2 * i, 3, "%02X", id[MSIG_ID_BYTES - 1 - i]);
}

/* ------------------------------------------------------------ helpers */

/* the next line of *p (without its \n or \r\n) into a malloc'd string;
 * NULL at the end of the text. */
static char *
next_line(const char **p)
{
	const char *s = *p, *e;
	size_t n;

	if (!*s)
		return NULL;
	e = strchr(s, '\n');
	n = e ? (size_t)(e - s) : strlen(s);
	*p = e ? e + 1 : s + n;
	if (n && s[n - 1] == '\r')
		n--;
	return xstrndup(s, n);
}

/* decode base64 text into exactly want bytes; 0 or -1. */
static int
b64_exact(const char *text, unsigned char *out, size_t want)
{
	size_t got = 0;
	const char *end;

	if (sodium_base642bin(out, want, text, strlen(text), " \t", &got, &end,
	                      sodium_base64_VARIANT_ORIGINAL) != 0)
		return -1;
	return got == want && *end == '\0' ? 0 : -1;
}

static char *
b64(const unsigned char *bin, size_t n)
{
	size_t size = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
	char *s = xmalloc(size);

	return sodium_bin2base64(s, size, bin, n, sodium_base64_VARIANT_ORIGINAL);
}

/* a whole small file into a NUL-terminated buffer; NULL with a diagnostic */
static char *
read_small(const char *path, size_t max, diag_list *dl)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!fp) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("cannot open: %s"), strerror(errno));
		return NULL;
	}
	buf = xmalloc(max + 1);
	n = fread(buf, 1, max + 1, fp);
	fclose(fp);
	if (n > max) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("too large for a key file"));
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

/* the base64 line after an untrusted comment (or the only line) */
static char *
key_line(const char *text)
{
	const char *p = text;
	char *l;

	while ((l = next_line(&p))) {
		if (*l && strncmp(l, UNTRUSTED, sizeof UNTRUSTED - 1) != 0)
			return l;
		free(l);
	}
	return NULL;
}

/* ------------------------------------------------------------ public keys */
int
msig_pubkey_parse(msig_pubkey *k, const char *text, const char *where, diag_list *dl)
{
	unsigned char raw[PK_RAW];
	char *l = key_line(text);
	int rc = -1;

	if (!l || b64_exact(l, raw, sizeof raw) != 0) {
		diag_add(dl, DIAG_ERROR, where, 0, 0,
		         _("not a minisign public key (a base64 line such as RWQ...)"));
	} else if (memcmp(raw, "Ed", ALG) != 0) {
		diag_add(dl, DIAG_ERROR, where, 0, 0,
		         _("not an Ed25519 minisign public key"));
	} else {
		memcpy(k->id, raw + ALG, MSIG_ID_BYTES);
		memcpy(k->pk, raw + ALG + MSIG_ID_BYTES, MSIG_PK_BYTES);
		rc = 0;
	}
	free(l);
	return rc;
}

int
msig_pubkey_load(msig_pubkey *k, const char *path, diag_list *dl)
{
	char *text = read_small(path, KEY_FILE_MAX, dl);
	int rc;

	if (!text)
		return -1;
	rc = msig_pubkey_parse(k, text, path, dl);
	free(text);
	return rc;
}

char *
msig_pubkey_b64(const msig_pubkey *k)
{
	unsigned char raw[PK_RAW];

	memcpy(raw, "Ed", ALG);
	memcpy(raw + ALG, k->id, MSIG_ID_BYTES);
	memcpy(raw + ALG + MSIG_ID_BYTES, k->pk, MSIG_PK_BYTES);
	return b64(raw, sizeof raw);
}

/* ------------------------------------------------------------ secret keys */
static void
sk_checksum(unsigned char out[CHK], const unsigned char id[MSIG_ID_BYTES],
            const unsigned char sk[MSIG_SK_BYTES])
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, NULL, 0, CHK);
	crypto_generichash_update(&st, (const unsigned char *)"Ed", ALG);
	crypto_generichash_update(&st, id, MSIG_ID_BYTES);
	crypto_generichash_update(&st, sk, MSIG_SK_BYTES);
	crypto_generichash_final(&st, out, CHK);
}

void
msig_keygen(msig_pubkey *pk, msig_seckey *sk)
{
	randombytes_buf(sk->id, MSIG_ID_BYTES);
	crypto_sign_keypair(pk->pk, sk->sk);
	memcpy(pk->id, sk->id, MSIG_ID_BYTES);
}

void
msig_seckey_wipe(msig_seckey *k)
{
	sodium_memzero(k, sizeof *k);
}

/* write text to a new file with mode; never replaces an existing one */
static int
write_new(const char *path, const char *text, mode_t mode, diag_list *dl)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode);
	size_t n = strlen(text), off = 0;

	if (fd < 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, errno == EEXIST
		         ? _("already exists; Lectern never overwrites a key (move it away first)")
		         : _("cannot create: %s"), strerror(errno));
		return -1;
	}
	while (off < n) {
		ssize_t w = write(fd, text + off, n - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (off < n || fsync(fd) != 0 || close(fd) != 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, _("cannot write: %s"), strerror(errno));
		if (off < n)
			close(fd);
		unlink(path);
		return -1;
	}
	return 0;
}

int
msig_write_keys(const msig_pubkey *pk, const msig_seckey *sk,
                const char *pub_path, const char *sec_path, diag_list *dl)
{
	unsigned char raw[SK_RAW] = { 0 }, *p = raw;
	char hex[17], *pub_b64, *sec_b64, *text;
	int rc;

	/* unencrypted, as `minisign -G -W` writes it: the file's 0600 mode
	 * and where it is kept protect it (a kiosk never holds it) */
	memcpy(p, "Ed", ALG), p += ALG;
	p += ALG; /* kdf 0,0: no password */
	memcpy(p, "B2", ALG), p += ALG;
	p += SALT + 2 * LIMIT;
	memcpy(p, sk->id, MSIG_ID_BYTES), p += MSIG_ID_BYTES;
	memcpy(p, sk->sk, MSIG_SK_BYTES), p += MSIG_SK_BYTES;
	sk_checksum(p, sk->id, sk->sk);
	sec_b64 = b64(raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
	text = xasprintf("%sminisign secret key\n%s\n", UNTRUSTED, sec_b64);
	sodium_memzero(sec_b64, strlen(sec_b64));
	free(sec_b64);
	rc = write_new(sec_path, text, 0600, dl);
	sodium_memzero(text, strlen(text));
	free(text);
	if (rc != 0)
		return -1;

	msig_id_hex(pk->id, hex);
	pub_b64 = msig_pubkey_b64(pk);
	text = xasprintf("%sminisign public key %s\n%s\n", UNTRUSTED, hex, pub_b64);
	rc = write_new(pub_path, text, 0644, dl);
	free(text);
	free(pub_b64);
	if (rc != 0)
		unlink(sec_path); /* a secret key without its public half is no use */
	return rc;
}

static int
seed_matches(const unsigned char sk[MSIG_SK_BYTES])
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], full[crypto_sign_SECRETKEYBYTES];
	int ok;

	crypto_sign_seed_keypair(pk, full, sk);
	ok = sodium_memcmp(full, sk, sizeof full) == 0;
	sodium_memzero(full, sizeof full);
	return ok;
}

static uint64_t
le64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

int
msig_seckey_load(msig_seckey *k, const char *path, const char *password, diag_list *dl)
{
	unsigned char raw[SK_RAW], chk[CHK], *kdf, *salt, *keynum;
	char *text = read_small(path, KEY_FILE_MAX, dl), *l;
	int rc = -1;

	if (!text)
		return -1;
	l = key_line(text);
	sodium_memzero(text, strlen(text));
	free(text);
	if (!l || b64_exact(l, raw, sizeof raw) != 0 || memcmp(raw, "Ed", ALG) != 0 ||
	    memcmp(raw + 2 * ALG, "B2", ALG) != 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0,
		         _("not a minisign secret key (made by `lectern keygen` or `minisign -G`)"));
		goto out;
	}
	kdf = raw + ALG;
	salt = raw + 3 * ALG;
	keynum = raw + SK_RAW - KEYNUM_SK;
	if (memcmp(kdf, "Sc", ALG) == 0) {
		unsigned char stream[KEYNUM_SK];
		uint64_t ops = le64(salt + SALT), mem = le64(salt + SALT + LIMIT);
		size_t i;

		if (!password) {
			diag_add(dl, DIAG_ERROR, path, 0, 0,
			         _("this secret key is protected by a password: give it with "
			           "--password-file FILE"));
			goto out;
		}
		if (mem > MEMLIMIT_MAX ||
		    crypto_pwhash_scryptsalsa208sha256(stream, sizeof stream, password,
		            strlen(password), salt, (unsigned long long)ops, (size_t)mem) != 0) {
			diag_add(dl, DIAG_ERROR, path, 0, 0,
			         _("cannot derive the key from the password (out of memory?)"));
			goto out;
		}
		for (i = 0; i < KEYNUM_SK; i++)
			keynum[i] ^= stream[i];
		sodium_memzero(stream, sizeof stream);
	} else if (kdf[0] != 0 || kdf[1] != 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0,
		         _("this secret key is protected in a way Lectern does not know"));
		goto out;
	}
	/* the checksum, when there is one (minisign -W leaves it zero), and
	 * always the key itself: its public half must follow from its seed */
	sk_checksum(chk, keynum, keynum + MSIG_ID_BYTES);
	if ((!sodium_is_zero(keynum + MSIG_ID_BYTES + MSIG_SK_BYTES, CHK) &&
	     sodium_memcmp(chk, keynum + MSIG_ID_BYTES + MSIG_SK_BYTES, CHK) != 0) ||
	    !seed_matches(keynum + MSIG_ID_BYTES)) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, password
		         ? _("wrong password for this secret key (or the file is damaged)")
		         : _("this secret key file is damaged (its checksum does not match)"));
		goto out;
	}
	memcpy(k->id, keynum, MSIG_ID_BYTES);
	memcpy(k->sk, keynum + MSIG_ID_BYTES, MSIG_SK_BYTES);
	rc = 0;
out:
	sodium_memzero(raw, sizeof raw);
	if (l) {
		sodium_memzero(l, strlen(l));
		free(l);
	}
	return rc;
}

/* ------------------------------------------------------------ signatures */
char *
msig_sign(const msig_seckey *k, const void *data, size_t len, const char *trusted_comment)
{
	unsigned char hash[crypto_generichash_BYTES_MAX], raw[SIG_RAW];
	unsigned char gsig[crypto_sign_BYTES], *both;
	size_t tlen = strlen(trusted_comment);
	char *s1, *s2, *text;

	crypto_generichash(hash, sizeof hash, data, len, NULL, 0);
	memcpy(raw, "ED", ALG);
	memcpy(raw + ALG, k->id, MSIG_ID_BYTES);
	crypto_sign_detached(raw + ALG + MSIG_ID_BYTES, NULL, hash, sizeof hash, k->sk);
	/* the global signature binds the trusted comment to the signature */
	both = xmalloc(crypto_sign_BYTES + tlen);
	memcpy(both, raw + ALG + MSIG_ID_BYTES, crypto_sign_BYTES);
	memcpy(both + crypto_sign_BYTES, trusted_comment, tlen);
	crypto_sign_detached(gsig, NULL, both, crypto_sign_BYTES + tlen, k->sk);
	free(both);
	s1 = b64(raw, sizeof raw);
	s2 = b64(gsig, sizeof gsig);
	text = xasprintf("%ssignature from lectern secret key\n%s\n%s%s\n%s\n",
	                 UNTRUSTED, s1, TRUSTED, trusted_comment, s2);
	free(s1);
	free(s2);
	return text;
}

int
msig_verify(const msig_pubkey *keys, int nkeys, const void *data, size_t len,
            const char *sig, const char *where, char *trusted, size_t tsize,
            diag_list *dl)
{
	unsigned char raw[SIG_RAW], gsig[crypto_sign_BYTES], *both = NULL;
	unsigned char hash[crypto_generichash_BYTES_MAX];
	char *l[4] = { 0 }, hex[17];
	const char *p = sig, *tc;
	size_t tlen;
	int i, k = -1, found = -1;

	if (strlen(sig) > SIG_FILE_MAX) {
		diag_add(dl, DIAG_ERROR, where, 0, 0, _("too large for a signature"));
		return -1;
	}
	for (i = 0; i < 4; i++)
		l[i] = next_line(&p);
	if (!l[3] || strncmp(l[0], UNTRUSTED, sizeof UNTRUSTED - 1) != 0 ||
	    strncmp(l[2], TRUSTED, sizeof TRUSTED - 1) != 0) {
		diag_add(dl, DIAG_ERROR, where, 0, 0, _("not a minisign signature (four "
		         "lines: untrusted comment, signature, trusted comment, signature)"));
		goto out;
	}
	if (b64_exact(l[1], raw, sizeof raw) != 0 ||
	    (memcmp(raw, "ED", ALG) != 0 && memcmp(raw, "Ed", ALG) != 0)) {
		diag_add(dl, DIAG_ERROR, where, 2, 1, _("the signature line is damaged"));
		goto out;
	}
	if (b64_exact(l[3], gsig, sizeof gsig) != 0) {
		diag_add(dl, DIAG_ERROR, where, 4, 1,
		         _("the trusted comment's signature line is damaged"));
		goto out;
	}
	for (i = 0; i < nkeys && found < 0; i++)
		if (memcmp(keys[i].id, raw + ALG, MSIG_ID_BYTES) == 0)
			found = i;
	msig_id_hex(raw + ALG, hex);
	if (found < 0) {
		diag_add(dl, DIAG_ERROR, where, 2, 1,
		         _("signed by key %s, which is not a trusted key"), hex);
		goto out;
	}
	if (memcmp(raw, "ED", ALG) == 0) {
		crypto_generichash(hash, sizeof hash, data, len, NULL, 0);
		i = crypto_sign_verify_detached(raw + ALG + MSIG_ID_BYTES, hash,
		                                sizeof hash, keys[found].pk);
	} else {
		i = crypto_sign_verify_detached(raw + ALG + MSIG_ID_BYTES, data, len,
		                                keys[found].pk);
	}
	if (i != 0) {
		diag_add(dl, DIAG_ERROR, where, 2, 1,
		         _("the signature by key %s does not match the signed file: it "
		           "was changed after signing"), hex);
		goto out;
	}
	tc = l[2] + sizeof TRUSTED - 1;
	tlen = strlen(tc);
	both = xmalloc(crypto_sign_BYTES + tlen);
	memcpy(both, raw + ALG + MSIG_ID_BYTES, crypto_sign_BYTES);
	memcpy(both + crypto_sign_BYTES, tc, tlen);
	if (crypto_sign_verify_detached(gsig, both, crypto_sign_BYTES + tlen,
	                                keys[found].pk) != 0) {
		diag_add(dl, DIAG_ERROR, where, 3, 1,
		         _("the trusted comment was changed after signing"));
		goto out;
	}
	if (trusted && tsize)
		snprintf(trusted, tsize, "%s", tc);
	k = found;
out:
	free(both);
	for (i = 0; i < 4; i++)
		free(l[i]);
	return k;
}
