/* imghdr.h: an image's kind and pixel size read from its header, before
 * anything decodes it.
 *
 * A 68-byte PNG can claim 30000x30000 pixels and a 291-byte JPEG 24000x24000;
 * decoding either costs gigabytes. `check` and the player both read the size
 * here first (PNG: the IHDR chunk; JPEG: the first SOFn segment) and refuse
 * an image past the limits below, so no decoder, surface or texture is ever
 * asked for more. The limits are documented in docs/module-format.md. */
#ifndef LT_IMGHDR_H
#define LT_IMGHDR_H

#include <stddef.h>

enum { IMGHDR_NONE, IMGHDR_PNG, IMGHDR_JPEG };

enum {
	IMGHDR_MAX_BYTES = 32 * 1024 * 1024, /* size of an image file */
	IMGHDR_MAX_SIDE = 16384,             /* pixels on either side */
	IMGHDR_MAX_PIXELS = 40000000         /* width x height: 40 megapixels */
};

/* kind of the image in the first n bytes of a file, and its size in pixels
 * from the header (0 x 0 when the header is cut short or has no size).
 * Returns IMGHDR_PNG, IMGHDR_JPEG, or IMGHDR_NONE for anything else. */
int imghdr_probe(const unsigned char *b, size_t n, long *w, long *h);

/* the same, as a verdict on a whole image file: Return 0 when it is a PNG
 * or JPEG whose size is known and within the limits, else -1 with a
 * translated message in err that says what was found and what is allowed. */
int imghdr_check(const unsigned char *b, size_t n, char *err, size_t errsize);

#endif
