/* fuzz_loader.c: libFuzzer harness for what a module file reaches: the
 * YAML reader (yamltree) and every check of format v1, the layout of each
 * slide of a module that loads, and the image header reader (imghdr) on
 * the same bytes. Any input must give a module or diagnostics: no crash,
 * hang, leak or undefined behaviour, and no control character in what a
 * loaded module holds. Image files are not looked up (dir is NULL), so the
 * run stays off the file system.
 *
 *   make fuzz && build/fuzz/fuzz_loader build/fuzz/corpus
 *   make fuzz-long     ten minutes, from the same corpus */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/clean.h"
#include "format/imghdr.h"
#include "format/loader.h"
#include "text/layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* every character 8 px, each measure costing its length: a quadratic
 * line break shows up as a timeout */
static int
measure(void *ud, const char *s, int len, int font, int style)
{
	int i = 0, n = 0;

	(void)ud;
	(void)font;
	(void)style;
	while (i < len) {
		lay_utf8_next(s, len, &i);
		n++;
	}
	return 8 * n;
}

static void
lay_out(const mod_module *m)
{
	lay_params p;
	lay L;
	int i;

	memset(&p, 0, sizeof p);
	p.measure = measure;
	for (i = 0; i < LAY_F_COUNT; i++)
		p.line_h[i] = 20;
	p.em = 16;
	p.width = 400;
	lay_init(&L, &p);
	for (i = 0; i < m->nslides; i++) {
		lay_reset(&L);
		lay_slide(&L, &m->slides[i]);
	}
	lay_free(&L);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_list dl = { 0 };
	mod_module *m = loader_load_buf("fuzz.yaml", NULL, (const char *)data, size, &dl);
	char err[300];
	long w, h;
	int i;

	/* a module comes back exactly when there is no error */
	if ((m != NULL) == (dl.nerrors != 0))
		__builtin_trap();
	if (m) {
		/* walk what the player would: ids resolve, links stay in range */
		for (i = 0; i < m->nslides; i++) {
			int nx = mod_next_index(m, i);

			if (mod_find_slide(m, m->slides[i].id) < 0 ||
			    (nx != NEXT_END && (nx < 0 || nx >= m->nslides)))
				__builtin_trap();
			if (m->slides[i].title &&
			    clean_find_control(m->slides[i].title, "\t\n") >= 0)
				__builtin_trap();
		}
		if (clean_find_control(m->title, "\t\n") >= 0 ||
		    clean_find_control(m->id, "") >= 0)
			__builtin_trap();
		lay_out(m);
	}
	for (i = 0; i < dl.n; i++)
		if (!dl.v[i].msg || strchr(dl.v[i].msg, '\n'))
			__builtin_trap();
	mod_free(m);
	diag_free(&dl);
	/* the image header reader on the same bytes: a size it accepts is
	 * within the limits */
	if (imghdr_check(data, size, err, sizeof err) == 0 &&
	    (imghdr_probe(data, size, &w, &h) == IMGHDR_NONE ||
	     (long long)w * h > IMGHDR_MAX_PIXELS))
		__builtin_trap();
	return 0;
}
