/* feed.h: the signed index a training unit publishes for `lectern update`.
 *
 * One text file on any web server (feed.txt), signed beside it
 * (feed.txt.minisig, so `minisign -Vm feed.txt` checks it by hand too):
 *
 *   lectern-feed 1
 *   module ID VERSION SIZE SHA256-HEX URL
 *
 * one line per module, URL relative to the feed's own address (or
 * absolute). The signature covers the index, the index the size and hash
 * of each package, and each package its files: nothing downloaded is
 * trusted before it is checked. */
#ifndef LT_FEED_H
#define LT_FEED_H

#include "format/diag.h"
#include "manifest.h"

typedef struct {
	char *id, *version, *url;
	long long size;
	unsigned char sha[PKG_SHA_BYTES];
} pkg_feed_item;

typedef struct {
	pkg_feed_item *v;
	int n, cap;
} pkg_feed;

enum { PKG_FEED_MAX = 1 << 20, PKG_FEED_ITEMS_MAX = 1000 };

void pkg_feed_add(pkg_feed *f, const char *id, const char *version, long long size,
                  const unsigned char sha[PKG_SHA_BYTES], const char *url);
/* the index's text (malloc'd). */
char *pkg_feed_text(const pkg_feed *f);
/* read an index; where names it in diagnostics. 0 or -1. */
int pkg_feed_parse(pkg_feed *f, const char *text, size_t len, const char *where,
                   diag_list *dl);
void pkg_feed_free(pkg_feed *f);
/* the address of url relative to the feed's address base (malloc'd):
 * an absolute http(s) URL stays, a plain name replaces base's last part. */
char *pkg_feed_resolve(const char *base, const char *url);

#endif
