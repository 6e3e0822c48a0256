/* palette.h: the colour themes as plain data, and the contrast rules they
 * keep, without SDL.
 *
 * Colours are 0xRRGGBB by role (pal_col). The front end turns them into its
 * own colours (ui/theme.c, from the same table: palette_def.h); what is here
 * lets a unit test prove every theme readable. pal_pairs lists every
 * foreground the screens draw on every background, in every state (normal,
 * hover, focus, disabled, selected, right, wrong), each with the WCAG 2.1
 * ratio it needs: 4.5:1 for text (7:1 in a theme marked high contrast) and
 * 3:1 for what is not text (control borders, focus rings, bars). A screen
 * that draws a new combination adds it here. */
#ifndef LT_PALETTE_H
#define LT_PALETTE_H

enum pal_col {
	PAL_BG,            /* page */
	PAL_TEXT,          /* body text */
	PAL_MUTED,         /* secondary text: captions, progress, hints, disabled */
	PAL_HEADING,
	PAL_PANEL,         /* header, footer, cards, buttons */
	PAL_BORDER,        /* control borders: 3:1 on the page and on panels */
	PAL_HOVER,         /* a button or row under the pointer */
	PAL_ACCENT,        /* primary buttons, selection, progress bars */
	PAL_ACCENT_TEXT,   /* text on PAL_ACCENT */
	PAL_FOCUS,         /* keyboard focus ring */
	PAL_NOTE, PAL_NOTE_BG,
	PAL_TIP, PAL_TIP_BG,
	PAL_WARN, PAL_WARN_BG,
	PAL_QUOTE,         /* quote bar */
	PAL_RIGHT, PAL_RIGHT_BG, /* correct answer */
	PAL_WRONG, PAL_WRONG_BG, /* wrong answer, errors */
	PAL_SCROLL,        /* scroll bar track */
	PAL_THUMB,         /* scroll bar thumb */
	PAL_NCOLORS
};

typedef struct {
	const char *name;            /* "light", "dark", "high-contrast" */
	int high_contrast;           /* text needs 7:1, not 4.5:1 */
	unsigned long c[PAL_NCOLORS];/* 0xRRGGBB */
} pal_theme;

enum pal_kind {
	PAL_K_TEXT,    /* text: 4.5:1, or 7:1 in a high-contrast theme */
	PAL_K_LINE     /* borders, focus rings, bars, marks: 3:1 */
};

typedef struct {
	int fg, bg;          /* enum pal_col */
	int kind;            /* enum pal_kind */
	const char *where;   /* where the screens draw it, for a failing test */
} pal_pair;

extern const pal_theme pal_themes[];
extern const int pal_nthemes;
extern const pal_pair pal_pairs[];
extern const int pal_npairs;

/* WCAG 2.1 contrast ratio of two 0xRRGGBB colours (1 to 21). */
double pal_contrast(unsigned long a, unsigned long b);
/* the ratio pair p needs in theme t. */
double pal_needed(const pal_theme *t, const pal_pair *p);

#endif
