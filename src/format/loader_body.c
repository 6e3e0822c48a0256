/* loader_body.c: a slide's body into blocks, and image files checked.
 *
 * A body is one string (a paragraph) or a list whose items are strings
 * (paragraphs) or one-kind mappings (`heading:`, `image:` with `alt:`...).
 * The kind is the one key of the block that names a kind; the other keys
 * must belong to that kind. An image path is checked as written (relative,
 * no `..`), then on disk: realpath() must stay under the module directory
 * (this catches symlinks pointing out), it must be a regular file of at most
 * IMGHDR_MAX_BYTES, and its header must say PNG or JPEG of a size within
 * imghdr.h's limits, so the player never hands SDL_image anything else. */
#include "loader_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/safefile.h"
#include "imghdr.h"
#include "base/util.h"

static const char *const kinds[] = {
	"heading", "bullets", "numbered", "image", "note", "tip", "warning", "quote"
};
static const int kind_blk[] = {
	BLK_HEADING, BLK_BULLETS, BLK_NUMBERED, BLK_IMAGE, BLK_NOTE, BLK_TIP,
	BLK_WARNING, BLK_QUOTE
};
static const char *const all_keys[] = {
	"heading", "bullets", "numbered", "image", "note", "tip", "warning",
	"quote", "alt", "caption", "width", "source"
};
static const char *const image_keys[] = { "image", "alt", "caption", "width" };
static const char *const quote_keys[] = { "quote", "source" };

static int
kind_index(const char *key)
{
	size_t k;

	for (k = 0; k < LT_NELEM(kinds); k++)
		if (strcmp(key, kinds[k]) == 0)
			return (int)k;
	return -1;
}

/* ---------------------------------------------------------------- images */

static int
has_dotdot(const char *p)
{
	const char *s = p;

	for (;;) {
		size_t n = strcspn(s, "/\\");

		if (n == 2 && s[0] == '.' && s[1] == '.')
			return 1;
		if (!s[n])
			return 0;
		s += n + 1;
	}
}

static void
check_image_file(ld_ctx *c, const yt_node *v, const char *path)
{
	char *full, *real, *buf, err[300];
	size_t n, dl;

	full = xasprintf("%s/%s", c->dir, path);
	real = realpath(full, NULL);
	if (!real) {
		if (errno == ENOENT || errno == ENOTDIR)
			ld_err(c, v, _("image file \"%s\" does not exist (looked for %s)"),
			       path, full);
		else
			ld_err(c, v, _("cannot open image \"%s\": %s"), path, strerror(errno));
		free(full);
		return;
	}
	dl = c->realdir ? strlen(c->realdir) : 0;
	if (c->realdir && !(strncmp(real, c->realdir, dl) == 0 &&
	                    (real[dl] == '/' || (dl == 1 && c->realdir[0] == '/')))) {
		ld_err(c, v, _("image \"%s\" leads outside the module directory "
		       "(through a symbolic link); keep images inside it"), path);
	} else if (sf_read(real, SF_NOFOLLOW, IMGHDR_MAX_BYTES, &buf, &n, err,
	                   sizeof err) != 0) {
		/* a FIFO or device here would hang the player later */
		ld_err(c, v, _("cannot use image \"%s\": %s"), path, err);
	} else {
		if (imghdr_check((const unsigned char *)buf, n, err, sizeof err) != 0)
			ld_err(c, v, _("cannot use image \"%s\": %s"), path, err);
		free(buf);
	}
	free(real);
	free(full);
}

static void
check_image_path(ld_ctx *c, const yt_node *v, const char *path)
{
	if (!path[0]) {
		ld_err(c, v, _("image path is empty; give the file's path relative "
		       "to the module directory, such as images/map.png"));
		return;
	}
	if (path[0] == '/' || path[0] == '\\' ||
	    (isalpha((unsigned char)path[0]) && path[1] == ':')) {
		ld_err(c, v, _("image path must be relative to the module directory, "
		       "got the absolute path \"%s\""), path);
		return;
	}
	if (has_dotdot(path)) {
		ld_err(c, v, _("image path must not contain `..`: images stay inside "
		       "the module directory, got \"%s\""), path);
		return;
	}
	if (c->dir)
		check_image_file(c, v, path);
}

/* warn when alt text does not describe anything. */
static void
check_alt(ld_ctx *c, const yt_node *v, const char *alt, const char *path)
{
	static const char *const generic[] = {
		"image", "picture", "photo", "img", "graphic", "figure", "diagram",
		"screenshot", "icon", "logo", "chart", "illustration", "alt"
	};
	const char *base = path ? strrchr(path, '/') : NULL;
	size_t i, n, chars = 0;

	base = base ? base + 1 : path;
	while (isspace((unsigned char)*alt))
		alt++;
	n = strlen(alt);
	while (n > 0 && isspace((unsigned char)alt[n - 1]))
		n--;
	for (i = 0; i < n; i++)
		chars += (alt[i] & 0xC0) != 0x80;
	if (n == 0) {
		ld_warn(c, v, _("image has an empty `alt`: describe what it shows for "
		        "learners who cannot see it"));
		return;
	}
	if ((base && strlen(base) == n && strncasecmp(alt, base, n) == 0) ||
	    (path && strlen(path) == n && strncasecmp(alt, path, n) == 0)) {
		ld_warn(c, v, _("`alt` repeats the file name; describe what the image "
		        "shows instead"));
		return;
	}
	for (i = 0; i < LT_NELEM(generic); i++) {
		if (strlen(generic[i]) == n && strncasecmp(alt, generic[i], n) == 0) {
			ld_warn(c, v, _("`alt` \"%.*s\" says nothing about the image; "
			        "describe what it shows"), (int)n, alt);
			return;
		}
	}
	if (chars < 3)
		ld_warn(c, v, _("`alt` \"%.*s\" is too short to describe the image"),
		        (int)n, alt);
}

/* ---------------------------------------------------------------- blocks */

static void
load_image(ld_ctx *c, const yt_node *map, const yt_node *v, mod_block *b)
{
	const yt_node *alt = yt_get(map, "alt");

	b->path = ld_text(c, v, "image");
	if (!b->path && ld_is_null(v))
		ld_err(c, v, _("`image` needs the path of a PNG or JPEG file in the "
		       "module directory"));
	else if (b->path)
		check_image_path(c, v, b->path);
	if (!alt) {
		ld_err(c, map, _("image needs `alt:` text that describes it for "
		       "learners who cannot see it"));
	} else if (alt->type != YT_SCALAR) {
		ld_text(c, alt, "alt");
	} else {
		b->alt = ld_is_null(alt) ? "" : alt->str;
		check_alt(c, alt, b->alt, b->path);
	}
	b->caption = ld_text(c, yt_get(map, "caption"), "caption");
	ld_int(c, yt_get(map, "width"), "width", 1, 100, &b->width);
}

static void
load_block(ld_ctx *c, const yt_node *map, mod_block *b)
{
	const yt_node *v, *seen[4] = { 0 };
	const char *cands[5];
	const char *const *extra = NULL;
	int i, j, k = -1, nextra = 0;
	char what[80];

	/* find the kind first so that the other keys can be judged against it */
	for (i = 0; i + 1 < map->nkids; i += 2) {
		const yt_node *key = map->kids[i];
		int ki = key->type == YT_SCALAR ? kind_index(key->str) : -1;

		if (ki < 0)
			continue;
		if (k < 0)
			k = ki;
		else if (ki == k)
			ld_err(c, key, _("`%s` appears twice in one block"), kinds[k]);
		else
			ld_err(c, key, _("a block has one kind, but `%s` and `%s` are both "
			       "here; start a new list item `- ` for each"), kinds[k],
			       kinds[ki]);
	}
	if (k < 0) {
		const yt_node *key = map->nkids ? map->kids[0] : map;
		const char *hint = key != map && key->type == YT_SCALAR
		                 ? ld_suggest(key->str, all_keys, (int)LT_NELEM(all_keys)) : NULL;

		char got[64];

		if (hint)
			ld_err(c, key, _("unknown block `%.60s` (did you mean `%s`?)"),
			       key->str, hint);
		else if (key != map && key->type == YT_SCALAR)
			ld_err(c, key, _("unknown block `%.60s`: a block must be one of "
			       "heading, bullets, numbered, image, note, tip, warning or "
			       "quote"), key->str);
		else
			ld_err(c, key, _("a block must be one of heading, bullets, "
			       "numbered, image, note, tip, warning or quote, got %s"),
			       ld_got(key, got, sizeof got));
		return;
	}
	b->kind = kind_blk[k];
	if (b->kind == BLK_IMAGE) {
		extra = image_keys + 1;
		nextra = (int)LT_NELEM(image_keys) - 1;
	} else if (b->kind == BLK_QUOTE) {
		extra = quote_keys + 1;
		nextra = (int)LT_NELEM(quote_keys) - 1;
	}
	cands[0] = kinds[k];
	for (j = 0; j < nextra; j++)
		cands[j + 1] = extra[j];
	/* only errors need the words: gettext is not free */
	what[0] = '\0';
	for (i = 0; i + 1 < map->nkids; i += 2) {
		const yt_node *key = map->kids[i];
		const char *hint;

		if (!what[0] && !(key->type == YT_SCALAR && kind_index(key->str) >= 0))
			snprintf(what, sizeof what, _("a `%s` block"), kinds[k]);
		if (key->type != YT_SCALAR) {
			ld_err(c, key, _("keys in %s must be plain words"), what);
			continue;
		}
		if (kind_index(key->str) >= 0)
			continue;
		for (j = 0; j < nextra; j++)
			if (strcmp(key->str, extra[j]) == 0)
				break;
		if (j < nextra) {
			if (seen[j])
				ld_err(c, key, _("`%s` appears twice in %s (first at line %d)"),
				       extra[j], what, seen[j]->line);
			seen[j] = key;
			continue;
		}
		for (j = 0; j < (int)LT_NELEM(all_keys); j++)
			if (strcmp(key->str, all_keys[j]) == 0)
				break;
		hint = ld_suggest(key->str, cands, nextra + 1);
		if (j < (int)LT_NELEM(all_keys))
			ld_err(c, key, _("`%s` is not used in %s"), key->str, what);
		else if (hint)
			ld_err(c, key, _("unknown key `%.60s` in %s (did you mean `%s`?)"),
			       key->str, what, hint);
		else
			ld_err(c, key, _("unknown key `%.60s` in %s"), key->str, what);
	}
	v = yt_get(map, kinds[k]);
	switch (b->kind) {
	case BLK_BULLETS:
	case BLK_NUMBERED:
		b->nitems = ld_text_list(c, v, kinds[k], 1, &b->items);
		if (b->nitems < 0)
			b->nitems = 0;
		break;
	case BLK_IMAGE:
		load_image(c, map, v, b);
		break;
	default:
		b->text = ld_text(c, v, kinds[k]);
		if (!b->text && (v->type == YT_SCALAR))
			ld_err(c, v, _("`%s` needs text"), kinds[k]);
		if (b->kind == BLK_QUOTE)
			b->source = ld_text(c, yt_get(map, "source"), "source");
		break;
	}
}

void
ld_body(ld_ctx *c, const yt_node *body, mod_slide *s)
{
	char got[64];
	int i;

	if (ld_is_null(body))
		return;
	if (body->type == YT_SCALAR) {
		s->blocks = arena_alloc(&c->m->mem, sizeof *s->blocks);
		s->nblocks = 1;
		s->blocks[0].kind = BLK_PARAGRAPH;
		s->blocks[0].text = body->str;
		s->blocks[0].line = body->line;
		s->blocks[0].col = body->col;
		return;
	}
	if (body->type == YT_MAP) {
		ld_err(c, body, _("`body` must be text or a list of blocks, got a "
		       "mapping; put `- ` before each block"));
		return;
	}
	s->blocks = arena_alloc(&c->m->mem, (size_t)(body->nkids + 1) * sizeof *s->blocks);
	for (i = 0; i < body->nkids; i++) {
		const yt_node *it = body->kids[i];
		mod_block *b = &s->blocks[s->nblocks];

		b->line = it->line;
		b->col = it->col;
		if (it->type == YT_SCALAR && !ld_is_null(it)) {
			b->kind = BLK_PARAGRAPH;
			b->text = it->str;
			s->nblocks++;
		} else if (it->type == YT_MAP) {
			load_block(c, it, b);
			s->nblocks++;
		} else {
			ld_err(c, it, _("each item of `body` must be a paragraph of text or "
			       "a block such as `heading:`, got %s"), ld_got(it, got, sizeof got));
		}
	}
}
