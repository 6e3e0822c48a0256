/* layout.h: typesets slide text into positioned boxes, without SDL.
 *
 * The host supplies a text-measure callback and the line height of each
 * font size (as microui does), so layout never touches a font. Text with
 * inline **bold** and *italic* becomes runs, runs are wrapped into lines
 * (breaks at spaces and after CJK characters, never inside a word), and
 * every block kind of model.h becomes boxes in column coordinates: x from
 * 0 to the column width, y from 0 down. The host draws the boxes shifted
 * by the column origin and the scroll offset; lay_height() is the extent
 * to scroll. In a right-to-left column everything is mirrored. */
#ifndef LT_LAYOUT_H
#define LT_LAYOUT_H

#include "format/model.h"

enum lay_style { LAY_BOLD = 1, LAY_ITALIC = 2 }; /* bits */

enum lay_font {           /* size classes; the host picks pixel sizes */
	LAY_F_BODY,
	LAY_F_SMALL,          /* captions, quote sources, labels */
	LAY_F_H2,             /* headings inside the body */
	LAY_F_H1,             /* slide title */
	LAY_F_COUNT
};

enum lay_role {           /* what a box is, so the host can pick its colour */
	LAY_R_TEXT,
	LAY_R_HEADING,
	LAY_R_MUTED,          /* captions, quote source, alt text */
	LAY_R_NOTE,
	LAY_R_TIP,
	LAY_R_WARNING,
	LAY_R_QUOTE,
	LAY_R_MARKER,         /* list bullets and numbers */
	LAY_R_COUNT
};

enum lay_kind {
	LAY_TEXT,             /* text[off..off+len) in font/style, rtl shaped */
	LAY_FILL,             /* callout background in the colour of role */
	LAY_BAR,              /* callout or quote bar in the colour of role */
	LAY_IMAGE,            /* image of block img, scaled to w x h */
	LAY_FRAME             /* empty frame (image that could not be read) */
};

enum {                    /* flags for lay_text */
	LAY_PLAIN = 1,        /* no inline markup: stars are literal */
	LAY_CENTER = 2,       /* centre each line */
	LAY_STRONG = 4,       /* all of it bold */
	LAY_EMPH = 8          /* all of it italic */
};

typedef struct {
	int kind;             /* enum lay_kind */
	int x, y, w, h;       /* column coordinates, pixels */
	int off, len;         /* LAY_TEXT: bytes in lay.text */
	int font, style;      /* enum lay_font, enum lay_style bits */
	int role;             /* enum lay_role */
	int rtl;              /* LAY_TEXT: shape right to left */
	const mod_block *img; /* LAY_IMAGE / LAY_FRAME: the image block */
	int tag;              /* lay.tag when the box was made (hit testing) */
} lay_box;

typedef struct {
	/* width in pixels of len bytes of UTF-8 text in font and style. */
	int (*measure)(void *ud, const char *s, int len, int font, int style);
	/* natural size of an image block in pixels; 0, or -1 when unreadable.
	 * May be NULL (images are then frames of 16:9). */
	int (*image_size)(void *ud, const mod_block *b, int *w, int *h);
	void *ud;
	int line_h[LAY_F_COUNT]; /* distance between baselines per font */
	int em;               /* body font size in pixels: the spacing unit */
	int width;            /* column width in pixels */
	int max_image_h;      /* tallest image (0: no limit) */
	int rtl;              /* right-to-left column */
} lay_params;

typedef struct {
	lay_params p;
	lay_box *box;         /* boxes in drawing order */
	int nbox, capbox;
	char *text;           /* text of all LAY_TEXT boxes, markup removed */
	int ntext, captext;
	int y;                /* height so far */
	int tag;              /* copied into every new box */
} lay;

void lay_init(lay *L, const lay_params *p);
/* forget the boxes, keep the parameters (and the memory). */
void lay_reset(lay *L);
void lay_free(lay *L);

/* a readable column width for avail pixels: at most about 70 characters
 * of body text, never wider than avail. */
int lay_column_width(const lay_params *p, int avail);

/* typeset text (inline markup unless LAY_PLAIN) in font and role from
 * `indent` pixels after the start edge, at the current height; the height
 * grows by the lines used. Returns the number of lines. */
int lay_text(lay *L, const char *text, int font, int role, int indent, int flags);
/* a list item: marker (plain text, e.g. "•" or "3.") in a column of
 * marker_w pixels at indent, the item text hanging after it. */
int lay_item(lay *L, const char *marker, int marker_w, const char *text,
             int font, int role, int indent);
/* add vertical space. */
void lay_space(lay *L, int px);
/* one body block, with the spacing that follows it. */
void lay_block(lay *L, const mod_block *b);
/* a whole slide: title, body blocks, and a question's prompt. */
void lay_slide(lay *L, const mod_slide *s);
/* total height of what was laid out: the extent to scroll. */
int lay_height(const lay *L);

/* ------------------------------------------------------------ text helpers */
/* decode the UTF-8 character at s[*i] (i < len), advancing *i; invalid
 * bytes decode as U+FFFD one byte at a time. */
unsigned lay_utf8_next(const char *s, int len, int *i);
/* 1 for characters of right-to-left scripts (Hebrew, Arabic, ...). */
int lay_is_rtl_char(unsigned c);
/* 1 for strong left-to-right characters (letters of other scripts). */
int lay_is_ltr_char(unsigned c);
/* 1 for CJK characters, after which a line may break. */
int lay_is_cjk(unsigned c);
/* 1 when the language tag (e.g. "ar", "he-IL") is written right to left. */
int lay_lang_is_rtl(const char *lang);

#endif
