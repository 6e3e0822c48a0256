/* layout_int.h: what layout.c lends layout_blocks.c. */
#ifndef LT_LAYOUT_INT_H
#define LT_LAYOUT_INT_H

#include "layout.h"

/* append a box in the current tag. */
lay_box *layi_add_box(lay *L, int kind, int x, int y, int w, int h, int role);
/* typeset text between the insets (pixels from the start and end edges)
 * at the current height, which grows; returns the number of lines. */
int layi_text_at(lay *L, const char *text, int font, int role, int inset_start,
                 int inset_end, int flags);
/* a list item: marker in a column of marker_w pixels, the text hanging. */
int layi_item_at(lay *L, const char *marker, int marker_w, const char *text,
                 int font, int role, int indent, int inset_end, int flags);

#endif
