/* imghdr.c: see imghdr.h. Both formats are big-endian; every read checks
 * the bytes are there, so a cut file gives 0 x 0, never a read past n. */
#include "imghdr.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

/* a PNG's first chunk must be IHDR: length 13, then width and height. */
static void
png_size(const unsigned char *b, size_t n, long *w, long *h)
{
	if (n < 24 || memcmp(b + 12, "IHDR", 4) != 0)
		return;
	/* PNG caps both at 2^31 - 1; larger is not a PNG size */
	if (be32(b + 16) > 0x7FFFFFFFul || be32(b + 20) > 0x7FFFFFFFul)
		return;
	*w = (long)be32(b + 16);
	*h = (long)be32(b + 20);
}

/* walk the JPEG's marker segments up to the first frame header (SOF0 to
 * SOF15, except DHT C4, JPG C8 and DAC CC); scan data or the end before it
 * means there is no size. */
static void
jpeg_size(const unsigned char *b, size_t n, long *w, long *h)
{
	size_t i = 2;

	while (i + 1 < n) {
		unsigned m;

		if (b[i] != 0xFF)
			return;
		while (i < n && b[i] == 0xFF) /* fill bytes */
			i++;
		if (i >= n)
			return;
		m = b[i++];
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD7))
			continue; /* markers without a segment */
		if (m == 0xD9 || m == 0xDA || i + 2 > n)
			return;
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			if (i + 7 > n)
				return;
			*h = (long)be16(b + i + 3);
			*w = (long)be16(b + i + 5);
			return;
		}
		if (be16(b + i) < 2)
			return;
		i += be16(b + i);
	}
}

int
imghdr_probe(const unsigned char *b, size_t n, long *w, long *h)
{
	*w = *h = 0;
	if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0) {
		png_size(b, n, w, h);
		return IMGHDR_PNG;
	}
	if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) {
		jpeg_size(b, n, w, h);
		return IMGHDR_JPEG;
	}
	return IMGHDR_NONE;
}

int
imghdr_check(const unsigned char *b, size_t n, char *err, size_t errsize)
{
	long w, h;
	int kind = imghdr_probe(b, n, &w, &h);

	if (kind == IMGHDR_NONE) {
		snprintf(err, errsize, _("it is not a PNG or JPEG file (judging by "
		         "its first bytes)"));
		return -1;
	}
	if (w <= 0 || h <= 0) {
		snprintf(err, errsize, _("its %s header gives no size in pixels (the "
		         "file is cut short or damaged)"), kind == IMGHDR_PNG ? "PNG" : "JPEG");
		return -1;
	}
	/* each side is below 2^31, so the product fits in long long */
	if (w > IMGHDR_MAX_SIDE || h > IMGHDR_MAX_SIDE ||
	    (long long)w * h > IMGHDR_MAX_PIXELS) {
		snprintf(err, errsize, _("it is %ld x %ld pixels; the limit is %d "
		         "pixels on a side and %d megapixels in all: scale it down"),
		         w, h, IMGHDR_MAX_SIDE, IMGHDR_MAX_PIXELS / 1000000);
		return -1;
	}
	return 0;
}
