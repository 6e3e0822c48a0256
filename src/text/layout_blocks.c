/* layout_blocks.c: the block kinds of model.h as boxes: headings, lists
 * with hanging indents, callouts (a tinted panel, a bar on the start edge
 * and a bold label with its mark), quotes (bar, italic text, source),
 * images scaled to fit the column with their aspect kept, and whole
 * slides. All spacing is a fraction of the body size (em), so everything
 * follows the text size; in a right-to-left column bars and markers sit
 * on the right. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "layout.h"
#include "layout_int.h"
#include "base/util.h"

int
lay_column_width(const lay_params *p, int avail)
{
	static const char abc[] = "abcdefghijklmnopqrstuvwxyz";
	int w = p->measure(p->ud, abc, 26, LAY_F_BODY, 0);
	int target = w * 70 / 26;

	if (target < p->em * 10)
		target = p->em * 10;
	return target < avail ? target : avail;
}

/* ------------------------------------------------------------ blocks */
static void
list_block(lay *L, const mod_block *b, int inset_start, int inset_end, int role)
{
	int i, marker_w, em = L->p.em;
	char num[16];

	if (b->kind == BLK_NUMBERED) {
		snprintf(num, sizeof num, "%d.", b->nitems > 0 ? b->nitems : 1);
		marker_w = L->p.measure(L->p.ud, num, (int)strlen(num), LAY_F_BODY, 0) +
		           em * 3 / 5;
		if (marker_w < em * 3 / 2)
			marker_w = em * 3 / 2;
	} else {
		marker_w = em * 3 / 2;
	}
	for (i = 0; i < b->nitems; i++) {
		if (i > 0)
			L->y += em / 3;
		if (b->kind == BLK_NUMBERED)
			snprintf(num, sizeof num, "%d.", i + 1);
		layi_item_at(L, b->kind == BLK_NUMBERED ? num : "\xe2\x80\xa2", marker_w,
		        b->items[i], LAY_F_BODY, role, inset_start, inset_end, 0);
	}
}

static void
callout_block(lay *L, const mod_block *b)
{
	int em = L->p.em, y0 = L->y, fill, bar, role, bw = em / 5;
	const char *label;

	if (bw < 2)
		bw = 2;
	switch (b->kind) {
	case BLK_TIP: role = LAY_R_TIP; label = _("Tip"); break;
	case BLK_WARNING: role = LAY_R_WARNING; label = _("Warning"); break;
	default: role = LAY_R_NOTE; label = _("Note"); break;
	}
	fill = L->nbox;
	layi_add_box(L, LAY_FILL, 0, y0, L->p.width, 0, role);
	bar = L->nbox;
	layi_add_box(L, LAY_BAR, L->p.rtl ? L->p.width - bw : 0, y0, bw, 0, role);
	L->y += em * 7 / 10;
	{
		/* the label is bold, in the callout's colour, with its mark */
		const char *mark = b->kind == BLK_WARNING ? "\xe2\x9a\xa0 " : /* ⚠ */
		                   b->kind == BLK_TIP ? "\xe2\x98\x85 " :     /* ★ */
		                   "\xe2\x84\xb9 ";                           /* ℹ */
		char *s = xasprintf("%s%s", mark, label);
		layi_text_at(L, s, LAY_F_SMALL, role, em + bw, em, LAY_PLAIN | LAY_STRONG);
		free(s);
	}
	L->y += em / 5;
	layi_text_at(L, b->text, LAY_F_BODY, LAY_R_TEXT, em + bw, em, 0);
	L->y += em * 7 / 10;
	L->box[fill].h = L->y - y0;
	L->box[bar].h = L->y - y0;
}

static void
quote_block(lay *L, const mod_block *b)
{
	int em = L->p.em, y0 = L->y, bar, bw = em / 5, ind = em * 6 / 5;

	if (bw < 2)
		bw = 2;
	bar = L->nbox;
	layi_add_box(L, LAY_BAR, L->p.rtl ? L->p.width - bw : 0, y0, bw, 0, LAY_R_QUOTE);
	L->y += em / 5;
	layi_text_at(L, b->text, LAY_F_BODY, LAY_R_QUOTE, ind, ind, LAY_EMPH);
	if (b->source && *b->source) {
		char *s = xasprintf("\xe2\x80\x94 %s", b->source); /* em dash */
		L->y += em / 5;
		layi_text_at(L, s, LAY_F_SMALL, LAY_R_MUTED, ind, ind, 0);
		free(s);
	}
	L->y += em / 5;
	L->box[bar].h = L->y - y0;
}

static void
image_block(lay *L, const mod_block *b)
{
	int nw = 0, nh = 0, w, h, ok = -1, em = L->p.em, colw = L->p.width;
	lay_box *bx;

	if (L->p.image_size)
		ok = L->p.image_size(L->p.ud, b, &nw, &nh);
	if (ok != 0 || nw <= 0 || nh <= 0) {
		ok = -1;
		nw = 16;
		nh = 9;
	}
	if (b->width > 0)
		w = colw * (b->width > 100 ? 100 : b->width) / 100;
	else if (ok == 0)
		w = nw < colw ? nw : colw;
	else
		w = colw * 2 / 3;
	h = (int)((long)w * nh / nw);
	if (L->p.max_image_h > 0 && h > L->p.max_image_h) {
		h = L->p.max_image_h;
		w = (int)((long)h * nw / nh);
	}
	if (w < 1)
		w = 1;
	if (h < 1)
		h = 1;
	bx = layi_add_box(L, ok == 0 ? LAY_IMAGE : LAY_FRAME, (colw - w) / 2, L->y, w, h,
	             LAY_R_MUTED);
	bx->img = b;
	if (ok != 0 && b->alt) {
		/* the alternative text stands in for the picture; laying it out
		 * may move L->box, so the frame is found again by its index */
		int lines, y0 = L->y, hh, bi = (int)(bx - L->box);
		L->y += em / 2;
		lines = layi_text_at(L, b->alt, LAY_F_SMALL, LAY_R_MUTED, (colw - w) / 2 + em / 2,
		                (colw - w) / 2 + em / 2, LAY_PLAIN | LAY_CENTER);
		hh = lines * L->p.line_h[LAY_F_SMALL] + em;
		L->y = y0;
		if (hh > h)
			L->box[bi].h = h = hh;
	}
	L->y += h;
	if (b->caption && *b->caption) {
		L->y += em / 2;
		layi_text_at(L, b->caption, LAY_F_SMALL, LAY_R_MUTED, 0, 0, LAY_CENTER);
	}
}

void
lay_block(lay *L, const mod_block *b)
{
	int em = L->p.em;

	switch (b->kind) {
	case BLK_HEADING:
		if (L->y > 0)
			L->y += em * 2 / 5;
		layi_text_at(L, b->text, LAY_F_H2, LAY_R_HEADING, 0, 0, LAY_STRONG);
		L->y += em * 2 / 5;
		return;
	case BLK_BULLETS:
	case BLK_NUMBERED:
		list_block(L, b, 0, 0, LAY_R_TEXT);
		break;
	case BLK_NOTE:
	case BLK_TIP:
	case BLK_WARNING:
		callout_block(L, b);
		break;
	case BLK_QUOTE:
		quote_block(L, b);
		break;
	case BLK_IMAGE:
		image_block(L, b);
		break;
	default:
		layi_text_at(L, b->text, LAY_F_BODY, LAY_R_TEXT, 0, 0, 0);
		break;
	}
	L->y += em * 4 / 5;
}

void
lay_slide(lay *L, const mod_slide *s)
{
	int i, em = L->p.em;

	if (s->title && *s->title) {
		layi_text_at(L, s->title, LAY_F_H1, LAY_R_HEADING, 0, 0, LAY_STRONG);
		L->y += em * 4 / 5;
	}
	for (i = 0; i < s->nblocks; i++)
		lay_block(L, &s->blocks[i]);
	if (s->qtype != Q_NONE && s->question) {
		layi_text_at(L, s->question, LAY_F_BODY, LAY_R_HEADING, 0, 0, LAY_STRONG);
		L->y += em * 4 / 5;
	}
}
