/* test_palette.c: every theme is readable. The WCAG 2.1 ratio is checked
 * on known values, then every colour pair the screens draw
 * (settings/palette.c: text on its background in every state, control
 * borders, focus rings, bars) is computed in every theme against what it
 * needs: 4.5:1 for text (7:1 in high contrast), 3:1 for the rest. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "settings/palette.h"

static void
test_ratio(void **state)
{
	(void)state;
	assert_true(pal_contrast(0x000000, 0xFFFFFF) > 20.99);
	assert_true(pal_contrast(0xFFFFFF, 0x000000) < 21.01);
	assert_true(pal_contrast(0x777777, 0x777777) < 1.0001);
	/* #767676 on white is the classic 4.54:1 */
	assert_true(pal_contrast(0x767676, 0xFFFFFF) > 4.5);
	assert_true(pal_contrast(0x777777, 0xFFFFFF) < 4.5);
	/* what issue 11 found: the disabled Check under the pointer in high
	 * contrast, #E6E6E6 on white, about 1.25:1 */
	assert_true(pal_contrast(0xE6E6E6, 0xFFFFFF) < 1.3);
}

static const pal_theme *
theme(const char *name)
{
	int i;

	for (i = 0; i < pal_nthemes; i++)
		if (strcmp(pal_themes[i].name, name) == 0)
			return &pal_themes[i];
	fail_msg("no theme %s", name);
	return NULL;
}

static void
test_every_pair(void **state)
{
	int i, k, bad = 0;

	(void)state;
	assert_int_equal(pal_nthemes, 3);
	assert_true(theme("high-contrast")->high_contrast);
	assert_false(theme("light")->high_contrast);
	assert_true(pal_npairs >= 40);
	for (i = 0; i < pal_nthemes; i++) {
		const pal_theme *t = &pal_themes[i];

		for (k = 0; k < pal_npairs; k++) {
			const pal_pair *p = &pal_pairs[k];
			double r = pal_contrast(t->c[p->fg], t->c[p->bg]);

			if (r + 1e-9 < pal_needed(t, p)) {
				fprintf(stderr, "%s: %s: #%06lx on #%06lx is %.2f:1, needs %.1f:1\n",
				        t->name, p->where, t->c[p->fg], t->c[p->bg], r,
				        pal_needed(t, p));
				bad++;
			}
		}
	}
	assert_int_equal(bad, 0);
}

/* every role has a colour in every theme (a role added to the enum but
 * forgotten in palette_def.h would be black on black). */
static void
test_every_role_set(void **state)
{
	int i, c;

	(void)state;
	for (i = 0; i < pal_nthemes; i++)
		for (c = 0; c < PAL_NCOLORS; c++)
			if (pal_themes[i].c[c] == 0 && c != PAL_BG && c != PAL_PANEL &&
			    c != PAL_NOTE_BG && c != PAL_TIP_BG && c != PAL_WARN_BG &&
			    c != PAL_SCROLL && c != PAL_ACCENT_TEXT)
				fail_msg("%s: role %d has no colour", pal_themes[i].name, c);
	/* the states of a button differ from each other */
	for (i = 0; i < pal_nthemes; i++) {
		const unsigned long *c = pal_themes[i].c;

		assert_true(c[PAL_HOVER] != c[PAL_PANEL]);
		assert_true(c[PAL_MUTED] != c[PAL_TEXT]);
		assert_true(c[PAL_FOCUS] != c[PAL_BORDER]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ratio),
		cmocka_unit_test(test_every_pair),
		cmocka_unit_test(test_every_role_set),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
