/* diag.c: see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "base/util.h"
#include "base/clean.h"
#include "base/i18n.h"

void
diag_add(diag_list *dl, int severity, const char *file, int line, int col,
         const char *fmt, ...)
{
	va_list ap;
	diag *d;
	int n;

	if (dl->n == dl->cap) {
		dl->cap = dl->cap ? dl->cap * 2 : 16;
		dl->v = xrealloc(dl->v, (size_t)dl->cap * sizeof *dl->v);
	}
	d = &dl->v[dl->n++];
	d->severity = severity;
	d->file = xstrdup(file ? file : "");
	d->line = line;
	d->col = col;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	d->msg = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	d->msg[0] = '\0';
	va_start(ap, fmt);
	if (n >= 0)
		vsnprintf(d->msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (severity == DIAG_ERROR)
		dl->nerrors++;
	else
		dl->nwarnings++;
}

void
diag_format(const diag *d, char *buf, size_t size)
{
	const char *kind = d->severity == DIAG_ERROR ? _("error") : _("warning");

	if (d->line > 0)
		snprintf(buf, size, "%s:%d:%d: %s: %s", d->file, d->line, d->col,
		         kind, d->msg);
	else
		snprintf(buf, size, "%s: %s: %s", d->file, kind, d->msg);
}

void
diag_print(const diag_list *dl, FILE *fp)
{
	char buf[2048];
	int i;

	for (i = 0; i < dl->n; i++) {
		char *vis;

		diag_format(&dl->v[i], buf, sizeof buf);
		/* messages quote the file's text and its name: escaped, so neither
		 * can drive the terminal */
		vis = clean_visible(buf);
		fprintf(fp, "%s\n", vis);
		free(vis);
	}
}

void
diag_clear(diag_list *dl)
{
	int i;

	for (i = 0; i < dl->n; i++) {
		free(dl->v[i].file);
		free(dl->v[i].msg);
	}
	dl->n = dl->nerrors = dl->nwarnings = 0;
}

void
diag_free(diag_list *dl)
{
	diag_clear(dl);
	free(dl->v);
	dl->v = NULL;
	dl->cap = 0;
}
