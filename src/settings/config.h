/* config.h: Lectern's settings, from built-in defaults, then the config file
 * ($XDG_CONFIG_HOME/lectern/config.yaml, else /etc/lectern/config.yaml, or
 * --config FILE), then command-line options. The file is YAML read through
 * yamltree; unknown keys and bad values are FILE:LINE:COLUMN diagnostics. */
#ifndef LT_CONFIG_H
#define LT_CONFIG_H

#include "format/diag.h"

typedef struct {
	char *modules_dir;        /* NULL: bundled or installed modules */
	char *data_dir;           /* NULL: $XDG_DATA_HOME/lectern */
	int kiosk;                /* bool */
	int touch_only;           /* kiosk: no keyboard, show the on-screen one */
	int learner_codes;        /* kiosk: each learner logs in with a code */
	char *trainer_pin_hash;   /* crypt(3) hash, or NULL */
	double idle_logout_minutes; /* kiosk: default 10, 0 = never; fractions allowed */
	char *theme;              /* "light", "dark", "high-contrast"; NULL = remembered */
	double text_scale;        /* 1.0 */
	char *language;           /* UI language, NULL = system locale */
	char *xapi_home_page;     /* NULL = urn naming the device */
	char *xapi_base_iri;      /* NULL = urn:lectern:module: */
	/* the organisation's learning record store (the lrs: map); no
	 * endpoint means records stay on this PC until exported */
	char *lrs_endpoint;       /* xAPI base URL ending in '/', or NULL */
	char *lrs_username;       /* Basic auth user (the LRS key) */
	char *lrs_password;       /* inline secret: only in a 0600 config file */
	char *lrs_password_file;  /* file holding the secret, first line */
	char *lrs_ca_file;        /* an organisation's own CA, PEM; NULL = system */
	int lrs_batch;            /* statements per request, 1..CFG_BATCH_MAX */
	int lrs_insecure_http;    /* bool: allow http:// to a host other than 127.0.0.1 */
	double lrs_interval_minutes; /* the player's sync period; 0 = only after a module */
	int lrs_timeout_seconds;  /* give up on a silent LRS after this long */
	/* packages (docs/packages.md): when set, only modules signed by one
	 * of these keys are installed and shown */
	char **trusted_keys;      /* minisign public keys (base64), NULL-terminated; NULL = none */
	char *feed;               /* URL of the signed module index for `lectern update` */
	char *feed_ca_file;       /* PEM of the feed server's own CA, NULL = the system's */
	char *path;               /* file the settings came from, or NULL */
} cfg_config;

enum {
	CFG_IDLE_DEFAULT = 10,    /* minutes */
	CFG_IDLE_MAX = 24 * 60,   /* minutes */
	CFG_BATCH_DEFAULT = 100,  /* statements per request */
	CFG_BATCH_MAX = 1000,
	CFG_INTERVAL_DEFAULT = 15,/* minutes between the player's syncs */
	CFG_TIMEOUT_DEFAULT = 30, /* seconds */
	CFG_TIMEOUT_MAX = 600
};
#define CFG_SCALE_MIN 0.6  /* as ui_set_text_scale clamps */
#define CFG_SCALE_MAX 2.5

void cfg_defaults(cfg_config *c);
/* path of the config file to use when --config is not given (may not exist):
 * the user's file ($XDG_CONFIG_HOME, else ~/.config) when it exists, else
 * /etc/lectern/config.yaml. Returns a malloc'd string. */
char *cfg_default_path(void);
/* the user's own config file path, existing or not; malloc'd, NULL without
 * $XDG_CONFIG_HOME and $HOME. */
char *cfg_user_path(void);
/* read settings from path over what c holds. A missing file is not an error
 * when required is 0. Returns 0, or -1 with diagnostics in dl. */
int cfg_load(cfg_config *c, const char *path, int required, diag_list *dl);
/* the same, from a buffer (name is used in diagnostics). */
int cfg_load_buf(cfg_config *c, const char *name, const char *buf, size_t len,
                 diag_list *dl);
void cfg_free(cfg_config *c);

/* set a top-level key to a string value in the file at path, keeping every
 * other line as it is (created, with its directory, when missing). The file
 * is replaced atomically and left with mode 0600. Returns 0, or -1 with a
 * diagnostic in dl. */
int cfg_write_string(const char *path, const char *key, const char *value,
                     diag_list *dl);

/* the closest known name to word within a small edit distance, or NULL
 * (for "did you mean" hints). names ends with NULL. */
const char *cfg_closest(const char *word, const char *const *names);

#endif
