/* i18n.h: gettext wrappers. Every string shown to a person goes through _()
 * (or N_() where it must be translated later, ngettext for plurals).
 * ENABLE_NLS is on by default; the test build may switch it off. */
#ifndef LT_I18N_H
#define LT_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
