/* fold.h: compare what people type, the same way on every machine. */
#ifndef LT_FOLD_H
#define LT_FOLD_H

/* case-fold s: trimmed, inner runs of white space made one space, lower
 * case (Unicode-aware for Latin, Greek and Cyrillic), typographic quotes
 * made ' and ", as a malloc'd string;
 * NULL when s is NULL or not valid UTF-8. */
char *fold_text(const char *s);

/* fold_text, then Latin letters without their accents (é -> e, ł -> l,
 * ș -> s) and combining accents dropped: for answers that are close to
 * an accepted one. NULL as fold_text. */
char *fold_unaccented(const char *s);

#endif
