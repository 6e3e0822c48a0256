/* image.c: decoded images, loaded when a slide first needs them.
 *
 * Layout asks for an image's size when it typesets the slide that shows
 * it, so that is when the file is read and turned into a texture. The
 * file is checked again as `check` checked it, since it may have changed
 * since the module was opened: it must stay inside the module directory
 * (no symbolic link leading out), be a regular file (a FIFO would block
 * the player for good) of bounded size, and its header must give a size
 * within imghdr.h's limits before SDL_image decodes it from memory. The cache is bounded by count and by pixels: the least recently
 * used images go first, so a module with hundreds of images holds only the
 * few that were shown last. Images the frame being drawn uses are never
 * dropped, however many or large they are, so a slide of big photos is not
 * decoded again on every redraw. A file that cannot be read is remembered
 * as such, so it is not read again on every redraw. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_image.h>

#include "ui.h"
#include "base/clean.h"
#include "base/i18n.h"
#include "base/safefile.h"
#include "base/util.h"
#include "format/imghdr.h"

/* MAX_IMAGES and MAX_PIXELS (about 64 MB of ARGB) bound the images kept
 * besides those on screen; HARD_IMAGES is the array's size. */
enum { MAX_IMAGES = 12, HARD_IMAGES = 64 };
#define MAX_PIXELS (16L * 1024 * 1024)

typedef struct {
	char *path;            /* full path: the key */
	SDL_Texture *tex;      /* NULL: could not be read */
	int w, h;
	unsigned stamp;
} image;

struct ui_images {
	image v[HARD_IMAGES];
	int n;
	unsigned stamp;
	unsigned drawn;        /* stamp when the last frame was drawn */
	long pixels;
};

static void
drop(ui_images *im, int i)
{
	if (im->v[i].tex)
		SDL_DestroyTexture(im->v[i].tex);
	im->pixels -= (long)im->v[i].w * im->v[i].h;
	free(im->v[i].path);
	im->v[i] = im->v[--im->n];
}

/* the image used longest ago, only among those the frame being drawn has
 * not used when spare is set; -1 when there is none */
static int
oldest(const ui_images *im, int spare)
{
	int i, old = -1;

	for (i = 0; i < im->n; i++)
		if ((!spare || im->v[i].stamp <= im->drawn) &&
		    (old < 0 || im->v[i].stamp < im->v[old].stamp))
			old = i;
	return old;
}

/* the file at full decoded, or NULL after saying why on stderr (once:
 * the cache remembers the failure). module_dir NULL: no containment. */
static SDL_Surface *
load(const char *module_dir, const char *full)
{
	char *buf = NULL, *real = NULL, err[300];
	size_t n;
	SDL_Surface *s = NULL;
	SDL_RWops *rw;

	/* the resolved name is read without following a link, so a link
	 * swapped in after the check cannot lead the read outside */
	if (module_dir && !(real = sf_resolve_inside(module_dir, full)))
		snprintf(err, sizeof err, _("it is missing or leads outside the "
		         "module directory"));
	else if (sf_read(real ? real : full, real ? SF_NOFOLLOW : 0, IMGHDR_MAX_BYTES,
	                 &buf, &n, err, sizeof err) != 0)
		;
	else if (imghdr_check((const unsigned char *)buf, n, err, sizeof err) != 0)
		;
	else if (!(rw = SDL_RWFromConstMem(buf, (int)n)) || !(s = IMG_Load_RW(rw, 1)))
		snprintf(err, sizeof err, "%s", IMG_GetError());
	if (!s) {
		char *vis = clean_visible(full);

		fprintf(stderr, _("lectern: cannot show image %s: %s\n"), vis, err);
		free(vis);
	}
	free(buf);
	free(real);
	return s;
}

SDL_Texture *
ui_image(ui_app *a, const char *module_dir, const char *path, int *w, int *h)
{
	ui_images *im;
	char *full;
	SDL_Surface *s;
	image *e;
	int i;

	if (!a->images)
		a->images = xcalloc(1, sizeof *a->images);
	im = a->images;
	if (!path)
		return NULL;
	full = (module_dir && path[0] != '/') ? xasprintf("%s/%s", module_dir, path)
	                                      : xstrdup(path);
	for (i = 0; i < im->n; i++) {
		if (strcmp(im->v[i].path, full) == 0) {
			free(full);
			im->v[i].stamp = ++im->stamp;
			*w = im->v[i].w;
			*h = im->v[i].h;
			return im->v[i].tex;
		}
	}
	s = load(path[0] != '/' ? module_dir : NULL, full);
	while ((im->n >= MAX_IMAGES ||
	        (s && im->pixels + (long)s->w * s->h > MAX_PIXELS)) &&
	       (i = oldest(im, 1)) >= 0)
		drop(im, i);
	if (im->n >= HARD_IMAGES) /* one slide with more images than that */
		drop(im, oldest(im, 0));
	e = &im->v[im->n++];
	memset(e, 0, sizeof *e);
	e->path = full;
	e->stamp = ++im->stamp;
	if (s) {
		e->tex = SDL_CreateTextureFromSurface(a->ren, s);
		if (e->tex) {
			e->w = s->w;
			e->h = s->h;
			im->pixels += (long)s->w * s->h;
			SDL_SetTextureScaleMode(e->tex, SDL_ScaleModeLinear);
		}
		SDL_FreeSurface(s);
	}
	*w = e->w;
	*h = e->h;
	return e->tex;
}

void
ui_images_drawn(ui_images *im)
{
	if (im)
		im->drawn = im->stamp;
}

void
ui_images_free(ui_images *im)
{
	if (!im)
		return;
	while (im->n > 0)
		drop(im, 0);
	free(im);
}
