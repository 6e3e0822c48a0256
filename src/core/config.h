/* config.h: Lectern's settings, from built-in defaults, then the config file
 * ($XDG_CONFIG_HOME/lectern/config.yaml, else /etc/lectern/config.yaml, or
 * --config FILE), then command-line options. The file is YAML read through
 * yamltree; unknown keys and bad values are FILE:LINE:COLUMN diagnostics. */
#ifndef LT_CONFIG_H
#define LT_CONFIG_H

#include "diag.h"

typedef struct {
	char *modules_dir;        /* NULL: bundled or installed modules */
	char *data_dir;           /* NULL: $XDG_DATA_HOME/lectern */
	int kiosk;                /* bool */
	char *trainer_pin_hash;   /* crypt(3) hash, or NULL */
	int idle_logout_minutes;  /* kiosk: default 10 */
	char *theme;              /* "light", "dark", "high-contrast"; NULL = remembered */
	double text_scale;        /* 1.0 */
	char *language;           /* UI language, NULL = system locale */
	char *xapi_home_page;     /* NULL = urn naming the device */
	char *xapi_base_iri;      /* NULL = urn:lectern:module: */
	char *path;               /* file the settings came from, or NULL */
} cfg_config;

void cfg_defaults(cfg_config *c);
/* path of the config file to use when --config is not given (may not exist);
 * returns a malloc'd string. */
char *cfg_default_path(void);
/* read settings from path over what c holds. A missing file is not an error
 * when required is 0. Returns 0, or -1 with diagnostics in dl. */
int cfg_load(cfg_config *c, const char *path, int required, diag_list *dl);
void cfg_free(cfg_config *c);

#endif
