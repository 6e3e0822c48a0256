/* diag.h: diagnostics (errors and warnings) with a file, line and column.
 * Every unit that reads a file reports problems here instead of printing,
 * so the CLI prints `FILE:LINE:COLUMN: error: MESSAGE` and the player shows
 * the same words. Lines and columns are 1-based; 0 means "whole file". */
#ifndef LT_DIAG_H
#define LT_DIAG_H

#include <stdio.h>

enum { DIAG_ERROR, DIAG_WARNING };

typedef struct {
	int severity;  /* DIAG_ERROR or DIAG_WARNING */
	char *file;    /* as given by the caller, owned */
	int line, col; /* 1-based; 0 when unknown */
	char *msg;     /* one line, no trailing period needed, owned */
} diag;

typedef struct {
	diag *v;
	int n, cap;
	int nerrors, nwarnings;
} diag_list;

void diag_add(diag_list *dl, int severity, const char *file, int line, int col,
              const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 6, 7)))
#endif
	;
/* format one diagnostic as "FILE:LINE:COL: error: MSG" into buf. */
void diag_format(const diag *d, char *buf, size_t size);
void diag_print(const diag_list *dl, FILE *fp);
void diag_clear(diag_list *dl);
void diag_free(diag_list *dl);

#endif
