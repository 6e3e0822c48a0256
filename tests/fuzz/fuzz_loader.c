/* fuzz_loader.c: libFuzzer harness for the module loader (yamltree and
 * every check of format v1). Any input must give a module or diagnostics:
 * no crash, hang, leak or undefined behaviour. Image files are not looked
 * up (dir is NULL), so the run stays off the file system.
 *
 *   make fuzz && build/fuzz/fuzz_loader build/fuzz/corpus */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "format/loader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_list dl = { 0 };
	mod_module *m = loader_load_buf("fuzz.yaml", NULL, (const char *)data, size, &dl);
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
		}
	}
	for (i = 0; i < dl.n; i++)
		if (!dl.v[i].msg || strchr(dl.v[i].msg, '\n'))
			__builtin_trap();
	mod_free(m);
	diag_free(&dl);
	return 0;
}
