/* minisign.h: Ed25519 keys and signatures in the minisign format
 * (https://jedisct1.github.io/minisign/), on libsodium, so the `minisign`
 * command signs and verifies what Lectern does and the other way round.
 *
 *   public key   "untrusted comment: ...\n" base64("Ed" keyid[8] pk[32])
 *   secret key   "untrusted comment: ...\n" base64("Ed" kdf[2] "B2" salt[32]
 *                opslimit[8] memlimit[8] keyid[8] sk[64] checksum[32])
 *   signature    "untrusted comment: ...\n" base64("ED" keyid[8] sig[64])
 *                "trusted comment: TEXT\n" base64(sig over sig[64] TEXT)
 *
 * "ED" signs the BLAKE2b-512 of the data (what minisign writes by
 * default); the legacy "Ed" signs the data itself and is accepted too.
 * Secret keys are read unencrypted (kdf 0,0: `lectern keygen`, or
 * `minisign -G -W`) or protected by a password (kdf "Sc": scrypt). */
#ifndef LT_MINISIGN_H
#define LT_MINISIGN_H

#include <stddef.h>

#include "format/diag.h"

enum { MSIG_ID_BYTES = 8, MSIG_PK_BYTES = 32, MSIG_SK_BYTES = 64 };

typedef struct {
	unsigned char id[MSIG_ID_BYTES];  /* key number: which key signed */
	unsigned char pk[MSIG_PK_BYTES];
} msig_pubkey;

typedef struct {
	unsigned char id[MSIG_ID_BYTES];
	unsigned char sk[MSIG_SK_BYTES];  /* libsodium's seed + public key */
} msig_seckey;

/* start libsodium; 0, or -1 when it cannot (no random source). */
int msig_init(void);
/* the key id as minisign prints it: 16 upper-case hex digits. */
void msig_id_hex(const unsigned char id[MSIG_ID_BYTES], char out[17]);

/* a public key from its base64 line ("RW..."), or from a whole .pub
 * file's text. Returns 0, or -1 with a diagnostic naming where. */
int msig_pubkey_parse(msig_pubkey *k, const char *text, const char *where,
                      diag_list *dl);
int msig_pubkey_load(msig_pubkey *k, const char *path, diag_list *dl);
/* the base64 line of a public key (malloc'd), as trusted_keys lists it. */
char *msig_pubkey_b64(const msig_pubkey *k);

/* a new key pair from libsodium's random source. */
void msig_keygen(msig_pubkey *pk, msig_seckey *sk);
/* write both files: the public key (0644) and the unencrypted secret key
 * (0600, created new: an existing file is never overwritten). Returns 0,
 * or -1 with a diagnostic. */
int msig_write_keys(const msig_pubkey *pk, const msig_seckey *sk,
                    const char *pub_path, const char *sec_path, diag_list *dl);
/* read a secret key file; password is used only for a key minisign
 * protected with one (NULL then fails with a message saying so). */
int msig_seckey_load(msig_seckey *k, const char *path, const char *password,
                     diag_list *dl);
void msig_seckey_wipe(msig_seckey *k);

/* sign data: the whole .minisig text (malloc'd), prehashed ("ED"), with
 * trusted_comment (one line) signed along. */
char *msig_sign(const msig_seckey *k, const void *data, size_t len,
                const char *trusted_comment);

/* verify the signature text sig (a .minisig file's contents, named where
 * in messages) of data against the keys. Returns the index of the key
 * that signed, or -1 with a diagnostic that says what failed: a malformed
 * file, a key that is not among the keys, or a signature that does not
 * match. trusted (may be NULL) receives the trusted comment. */
int msig_verify(const msig_pubkey *keys, int nkeys, const void *data, size_t len,
                const char *sig, const char *where, char *trusted, size_t tsize,
                diag_list *dl);

#endif
