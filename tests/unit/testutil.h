/* testutil.h: what every cmocka test includes. LT_SRCDIR is the source tree
 * (set by the Makefile), so tests find tests/modules wherever they run. */
#ifndef LT_TESTUTIL_H
#define LT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#ifndef LT_SRCDIR
#define LT_SRCDIR "."
#endif

#endif
