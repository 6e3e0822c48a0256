/* theme.c: the colour themes, as data. Light is the default; dark for dim
 * rooms; high-contrast keeps every text colour at 7:1 or more against its
 * background (WCAG AAA), which tests/sh/render.sh checks on the pixels. */
#include <string.h>

#include "ui.h"

#define C(hex) { (hex) >> 16 & 0xFF, (hex) >> 8 & 0xFF, (hex) & 0xFF, 0xFF }

const ui_theme ui_themes[] = {
	{ "light", {
		[UI_BG] = C(0xFBFAF7), [UI_TEXT] = C(0x1F2328),
		[UI_MUTED] = C(0x57606A), [UI_HEADING] = C(0x17365D),
		[UI_PANEL] = C(0xEEF0F3), [UI_BORDER] = C(0xCDD3DA),
		[UI_ACCENT] = C(0x1F5FAD), [UI_ACCENT_TEXT] = C(0xFFFFFF),
		[UI_FOCUS] = C(0xD9822B),
		[UI_NOTE] = C(0x1F5FAD), [UI_NOTE_BG] = C(0xEAF1FB),
		[UI_TIP] = C(0x1C7440), [UI_TIP_BG] = C(0xE7F4EA),
		[UI_WARN] = C(0x9A4A00), [UI_WARN_BG] = C(0xFDF1E1),
		[UI_QUOTE] = C(0xA3ACB8),
		[UI_RIGHT] = C(0x1C7440), [UI_RIGHT_BG] = C(0xE7F4EA),
		[UI_WRONG] = C(0xB3261E), [UI_WRONG_BG] = C(0xFCE9E7),
		[UI_SCROLL] = C(0xE4E7EB), [UI_THUMB] = C(0x9AA3AE),
	} },
	{ "dark", {
		[UI_BG] = C(0x1B1E23), [UI_TEXT] = C(0xE3E6EA),
		[UI_MUTED] = C(0xA4ACB6), [UI_HEADING] = C(0xA8CBFF),
		[UI_PANEL] = C(0x252A31), [UI_BORDER] = C(0x3B424C),
		[UI_ACCENT] = C(0x2E6BC4), [UI_ACCENT_TEXT] = C(0xFFFFFF),
		[UI_FOCUS] = C(0xF0A04B),
		[UI_NOTE] = C(0x86B8FF), [UI_NOTE_BG] = C(0x1F2B3B),
		[UI_TIP] = C(0x74D39E), [UI_TIP_BG] = C(0x1C2F25),
		[UI_WARN] = C(0xFFB959), [UI_WARN_BG] = C(0x34291A),
		[UI_QUOTE] = C(0x5D6672),
		[UI_RIGHT] = C(0x74D39E), [UI_RIGHT_BG] = C(0x1C2F25),
		[UI_WRONG] = C(0xFF8F86), [UI_WRONG_BG] = C(0x3B201F),
		[UI_SCROLL] = C(0x2A2F37), [UI_THUMB] = C(0x5F6773),
	} },
	{ "high-contrast", {
		[UI_BG] = C(0x000000), [UI_TEXT] = C(0xFFFFFF),
		[UI_MUTED] = C(0xE6E6E6), [UI_HEADING] = C(0xFFFF00),
		[UI_PANEL] = C(0x000000), [UI_BORDER] = C(0xFFFFFF),
		[UI_ACCENT] = C(0xFFFF00), [UI_ACCENT_TEXT] = C(0x000000),
		[UI_FOCUS] = C(0x00FFFF),
		[UI_NOTE] = C(0x00FFFF), [UI_NOTE_BG] = C(0x000000),
		[UI_TIP] = C(0x66FF66), [UI_TIP_BG] = C(0x000000),
		[UI_WARN] = C(0xFFB000), [UI_WARN_BG] = C(0x000000),
		[UI_QUOTE] = C(0xFFFFFF),
		[UI_RIGHT] = C(0x66FF66), [UI_RIGHT_BG] = C(0x002200),
		[UI_WRONG] = C(0xFF8080), [UI_WRONG_BG] = C(0x220000),
		[UI_SCROLL] = C(0x000000), [UI_THUMB] = C(0xFFFFFF),
	} },
};

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
