/* palette.c: the themes as numbers (palette_def.h), every colour pair the
 * screens draw, and the WCAG 2.1 contrast ratio (see palette.h). */
#include "palette.h"

#include <math.h>

#define PAL(role, hex) [PAL_##role] = (hex),
#define PAL_THEME(name, hc, colours) { name, hc, { colours } },
const pal_theme pal_themes[] = {
#include "palette_def.h"
};
#undef PAL
#undef PAL_THEME

const int pal_nthemes = (int)(sizeof pal_themes / sizeof pal_themes[0]);

#define T(fg, bg, where) { PAL_##fg, PAL_##bg, PAL_K_TEXT, where }
#define L(fg, bg, where) { PAL_##fg, PAL_##bg, PAL_K_LINE, where }
const pal_pair pal_pairs[] = {
	/* text on the page, on panels (header, footer, cards, buttons) */
	T(TEXT, BG, "slide text"),
	T(TEXT, PANEL, "button, card and footer text"),
	T(TEXT, HOVER, "button under the pointer"),
	T(MUTED, BG, "captions, hints, the progress line"),
	T(MUTED, PANEL, "disabled button, card details, footer counter"),
	T(MUTED, HOVER, "disabled button under the pointer"),
	T(MUTED, NOTE_BG, "contents: a row not open yet under the cursor"),
	T(HEADING, BG, "slide title"),
	T(HEADING, PANEL, "header title, card title"),
	T(ACCENT_TEXT, ACCENT, "primary button, filled badge"),
	T(ACCENT, BG, "contents: where the learner is; selected badge"),
	T(ACCENT, PANEL, "selected badge on a card"),
	T(ACCENT, NOTE_BG, "your choice (decision); the current row selected"),
	T(TEXT, NOTE_BG, "selected answer card, note"),
	/* callouts */
	T(NOTE, NOTE_BG, "note label"),
	T(TIP, TIP_BG, "tip label"),
	T(TEXT, TIP_BG, "tip text"),
	T(WARN, WARN_BG, "warning label"),
	T(TEXT, WARN_BG, "warning text"),
	T(BG, WARN, "flash message"),
	/* right and wrong */
	T(RIGHT, BG, "right mark, passed status"),
	T(RIGHT, PANEL, "right mark on a card, catalog status"),
	T(RIGHT, RIGHT_BG, "correct feedback title"),
	T(TEXT, RIGHT_BG, "a right answer card"),
	T(BG, RIGHT, "filled badge of a right answer"),
	T(WRONG, BG, "wrong mark, errors"),
	T(WRONG, PANEL, "wrong mark on a card, failed status"),
	T(WRONG, WRONG_BG, "incorrect feedback title"),
	T(TEXT, WRONG_BG, "a wrong answer card"),
	T(MUTED, RIGHT_BG, "a choice's own feedback on a right card, hints in feedback"),
	T(MUTED, WRONG_BG, "a choice's own feedback on a wrong card, hints in feedback"),
	T(HEADING, RIGHT_BG, "feedback headings: why, the correct answer"),
	T(HEADING, WRONG_BG, "feedback headings: why, the correct answer"),
	T(HEADING, NOTE_BG, "feedback headings on a decision"),
	T(BG, WRONG, "filled badge of a wrong answer"),
	/* what is not text: control edges, focus rings, bars, marks */
	L(BORDER, BG, "card and button border on the page"),
	L(BORDER, PANEL, "button border in the header and footer"),
	L(FOCUS, BG, "focus ring on the page"),
	L(FOCUS, PANEL, "focus ring in the footer"),
	L(FOCUS, NOTE_BG, "focus ring around a selected row"),
	L(ACCENT, BG, "primary button, selected card border, progress bar"),
	L(ACCENT, PANEL, "primary button in the footer, card progress bar"),
	L(RIGHT, BG, "right answer card border"),
	L(WRONG, BG, "wrong answer card border"),
	L(MUTED, BG, "an unselected badge's ring"),
	L(QUOTE, BG, "quote bar"),
	L(THUMB, SCROLL, "scroll bar thumb on its track"),
	L(THUMB, BG, "scroll bar thumb on the page"),
};
#undef T
#undef L

const int pal_npairs = (int)(sizeof pal_pairs / sizeof pal_pairs[0]);

/* relative luminance of one sRGB channel (0..255), WCAG 2.1 */
static double
channel(unsigned long v)
{
	double c = (double)(v & 0xFF) / 255.0;

	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double
luminance(unsigned long rgb)
{
	return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) +
	       0.0722 * channel(rgb);
}

double
pal_contrast(unsigned long a, unsigned long b)
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

double
pal_needed(const pal_theme *t, const pal_pair *p)
{
	if (p->kind == PAL_K_LINE)
		return 3.0;
	return t->high_contrast ? 7.0 : 4.5;
}
