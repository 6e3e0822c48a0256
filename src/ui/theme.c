/* theme.c: the colour themes as SDL colours, made from the one table of
 * settings/palette_def.h (whose pairs tests/unit/test_palette.c checks
 * against WCAG 2.1: text 4.5:1, 7:1 in high contrast; controls 3:1). */
#include <string.h>

#include "ui.h"

#define C(hex) { (hex) >> 16 & 0xFF, (hex) >> 8 & 0xFF, (hex) & 0xFF, 0xFF }
#define PAL(role, hex) [UI_##role] = C(hex),
#define PAL_THEME(name, hc, colours) { name, { colours } },
const ui_theme ui_themes[] = {
#include "settings/palette_def.h"
};
#undef PAL
#undef PAL_THEME

const int ui_nthemes = (int)(sizeof ui_themes / sizeof ui_themes[0]);

const ui_theme *
ui_theme_find(const char *name)
{
	int i;

	for (i = 0; name && i < ui_nthemes; i++)
		if (strcmp(ui_themes[i].name, name) == 0)
			return &ui_themes[i];
	return NULL;
}

SDL_Color
ui_color(const ui_app *a, int col)
{
	return a->theme->c[col];
}
