/* test_imghdr.c: an image's size from its header, and the limits
 * (format/imghdr.h). The headers are built by hand: a few bytes claim any
 * size, which is the point. */
#include "testutil.h"

#include <string.h>

#include "format/imghdr.h"

static size_t
png(unsigned char *b, unsigned long w, unsigned long h)
{
	static const unsigned char sig[] = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR";
	int i;

	memcpy(b, sig, 16);
	for (i = 0; i < 4; i++) {
		b[16 + i] = (unsigned char)(w >> (24 - 8 * i));
		b[20 + i] = (unsigned char)(h >> (24 - 8 * i));
	}
	memset(b + 24, 0, 9);
	return 33;
}

/* SOI, an APP0 segment, then a frame header of the given marker */
static size_t
jpeg(unsigned char *b, unsigned marker, unsigned w, unsigned h)
{
	size_t n = 0;

	b[n++] = 0xFF; b[n++] = 0xD8;
	b[n++] = 0xFF; b[n++] = 0xE0; b[n++] = 0; b[n++] = 6;
	memcpy(b + n, "JFIF", 4); n += 4;
	b[n++] = 0xFF; b[n++] = 0xFF; /* a fill byte before the marker */
	b[n++] = (unsigned char)marker;
	b[n++] = 0; b[n++] = 11; b[n++] = 8;
	b[n++] = (unsigned char)(h >> 8); b[n++] = (unsigned char)h;
	b[n++] = (unsigned char)(w >> 8); b[n++] = (unsigned char)w;
	b[n++] = 1; b[n++] = 1; b[n++] = 0x11; b[n++] = 0;
	return n;
}

static void
test_probe(void **state)
{
	unsigned char b[64];
	long w, h;
	size_t n;

	(void)state;
	n = png(b, 640, 480);
	assert_int_equal(imghdr_probe(b, n, &w, &h), IMGHDR_PNG);
	assert_int_equal(w, 640);
	assert_int_equal(h, 480);
	n = jpeg(b, 0xC0, 800, 600);
	assert_int_equal(imghdr_probe(b, n, &w, &h), IMGHDR_JPEG);
	assert_int_equal(w, 800);
	assert_int_equal(h, 600);
	n = jpeg(b, 0xC2, 1024, 768); /* progressive */
	assert_int_equal(imghdr_probe(b, n, &w, &h), IMGHDR_JPEG);
	assert_int_equal(w, 1024);
	/* DHT (C4) is not a frame header: no size before the cut */
	n = jpeg(b, 0xC4, 1024, 768);
	assert_int_equal(imghdr_probe(b, n, &w, &h), IMGHDR_JPEG);
	assert_int_equal(w, 0);
	/* cut short anywhere: never a read past the end, size unknown */
	for (n = 0; n < 20; n++) {
		png(b, 640, 480);
		imghdr_probe(b, n, &w, &h);
		assert_true(n >= 24 || w == 0);
	}
	assert_int_equal(imghdr_probe((const unsigned char *)"GIF89a", 6, &w, &h),
	                 IMGHDR_NONE);
}

static void
test_limits(void **state)
{
	unsigned char b[64];
	char err[300];

	(void)state;
	assert_int_equal(imghdr_check(b, png(b, 4000, 3000), err, sizeof err), 0);
	assert_int_equal(imghdr_check(b, png(b, 16384, 2441), err, sizeof err), 0);
	/* the 68-byte PNG of the attack: 30000 x 30000 */
	assert_int_equal(imghdr_check(b, png(b, 30000, 30000), err, sizeof err), -1);
	assert_non_null(strstr(err, "30000 x 30000"));
	/* 40 megapixels within the side limit, just over */
	assert_int_equal(imghdr_check(b, png(b, 16384, 2442), err, sizeof err), -1);
	/* each side below 2^31 but a product that overflows 32 bits */
	assert_int_equal(imghdr_check(b, png(b, 0x7FFFFFFF, 0x7FFFFFFF), err, sizeof err), -1);
	assert_int_equal(imghdr_check(b, png(b, 0xFFFFFFFF, 1), err, sizeof err), -1);
	assert_int_equal(imghdr_check(b, png(b, 0, 100), err, sizeof err), -1);
	assert_non_null(strstr(err, "no size"));
	/* the 291-byte JPEG of the attack: 24000 x 24000 */
	assert_int_equal(imghdr_check(b, jpeg(b, 0xC0, 24000, 24000), err, sizeof err), -1);
	assert_int_equal(imghdr_check(b, jpeg(b, 0xC0, 640, 0), err, sizeof err), -1);
	assert_int_equal(imghdr_check((const unsigned char *)"text", 4, err, sizeof err), -1);
	assert_non_null(strstr(err, "not a PNG or JPEG"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_probe),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
