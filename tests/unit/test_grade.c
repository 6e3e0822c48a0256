/* test_grade.c: judging every question type, malformed responses, the
 * correct-response patterns, and Unicode-aware short answer comparison. The
 * questions are built by hand: a mod_slide is plain data. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/catalog.h"
#include "learn/grade.h"
#include "base/fold.h"
#include "format/response.h"

static mod_choice three_choices[3] = {
	{ .text = "Accept the gift" },
	{ .text = "Decline politely and report it", .correct = 1 },
	{ .text = "Ask a colleague" },
};

static mod_choice multi_choices[4] = {
	{ .text = "a", .correct = 1 },
	{ .text = "b" },
	{ .text = "c", .correct = 1 },
	{ .text = "d" },
};

static const char *order_items[3] = { "first", "second", "third" };
static const char *left[3] = { "L0", "L1", "L2" };
static const char *right[3] = { "R0", "R1", "R2" };
static const char *accepted[3] = { "Conflict of interest", "Interessenkonflikt",
                                   "Σύγκρουση συμφερόντων" };

static mod_slide
q_single(void)
{
	mod_slide q = { .id = "q1", .qtype = Q_SINGLE, .points = 1, .attempts = 1,
	                .choices = three_choices, .nchoices = 3 };
	return q;
}

static void
test_single(void **state)
{
	mod_slide q = q_single();
	char buf[64];

	(void)state;
	assert_int_equal(grade_judge(&q, "1"), 1);
	assert_int_equal(grade_judge(&q, "0"), 0);
	assert_int_equal(grade_judge(&q, "2"), 0);
	assert_int_equal(grade_points(&q, "1"), 1);
	assert_int_equal(grade_points(&q, "2"), 0);
	/* malformed */
	assert_int_equal(grade_judge(&q, "3"), -1);       /* out of range */
	assert_int_equal(grade_judge(&q, ""), -1);        /* nothing chosen */
	assert_int_equal(grade_judge(&q, "0[,]1"), -1);   /* two for single */
	assert_int_equal(grade_judge(&q, "01"), -1);      /* leading zero */
	assert_int_equal(grade_judge(&q, " 1"), -1);
	assert_int_equal(grade_judge(&q, "-1"), -1);
	assert_int_equal(grade_judge(&q, "1x"), -1);
	assert_int_equal(grade_judge(&q, "99999999999999999999"), -1);
	assert_int_equal(grade_judge(&q, NULL), -1);
	assert_int_equal(grade_points(&q, "garbage"), 0);
	assert_string_equal(resp_correct(&q, buf, sizeof buf), "1");
	assert_string_equal(resp_interaction_type(Q_SINGLE), "choice");
}

static void
test_decision(void **state)
{
	mod_slide q = q_single();
	char buf[64];

	(void)state;
	q.qtype = Q_DECISION;
	assert_int_equal(grade_judge(&q, "1"), 1);
	assert_int_equal(grade_judge(&q, "0"), 0);
	assert_int_equal(grade_judge(&q, "1[,]2"), -1);
	assert_string_equal(resp_correct(&q, buf, sizeof buf), "1");
	assert_string_equal(resp_interaction_type(Q_DECISION), "choice");
}

static void
test_multiple(void **state)
{
	mod_slide q = { .id = "q2", .qtype = Q_MULTIPLE, .points = 2,
	                .choices = multi_choices, .nchoices = 4 };
	char buf[64];

	(void)state;
	assert_int_equal(grade_judge(&q, "0[,]2"), 1);
	assert_int_equal(grade_points(&q, "0[,]2"), 2);
	assert_int_equal(grade_judge(&q, "0"), 0);            /* too few */
	assert_int_equal(grade_judge(&q, "0[,]1[,]2"), 0);    /* too many */
	assert_int_equal(grade_judge(&q, ""), 0);             /* none chosen */
	assert_int_equal(grade_judge(&q, "2[,]0"), -1);       /* not ascending */
	assert_int_equal(grade_judge(&q, "0[,]0[,]2"), -1);   /* duplicate */
	assert_int_equal(grade_judge(&q, "0[,]4"), -1);       /* out of range */
	assert_int_equal(grade_judge(&q, "0,2"), -1);         /* wrong separator */
	assert_int_equal(grade_judge(&q, "0[,]"), -1);        /* dangling */
	assert_string_equal(resp_correct(&q, buf, sizeof buf), "0[,]2");
}

static void
test_true_false(void **state)
{
	mod_slide q = { .id = "tf", .qtype = Q_TRUE_FALSE, .points = 1, .answer = 0 };
	char buf[16];

	(void)state;
	assert_int_equal(grade_judge(&q, "false"), 1);
	assert_int_equal(grade_judge(&q, "true"), 0);
	assert_int_equal(grade_judge(&q, "False"), -1);
	assert_int_equal(grade_judge(&q, "0"), -1);
	assert_int_equal(grade_judge(&q, ""), -1);
	assert_string_equal(resp_correct(&q, buf, sizeof buf), "false");
	q.answer = 1;
	assert_int_equal(grade_judge(&q, "true"), 1);
	assert_int_equal(grade_judge(&q, "false"), 0);
	assert_string_equal(resp_correct(&q, buf, sizeof buf), "true");
	assert_string_equal(resp_interaction_type(Q_TRUE_FALSE), "true-false");
}

static void
test_order(void **state)
{
	mod_slide q = { .id = "ord", .qtype = Q_ORDER, .points = 1,
	                .items = order_items, .nitems = 3 };
	char buf[64];

	(void)state;
	assert_int_equal(grade_judge(&q, "0[,]1[,]2"), 1);
	assert_int_equal(grade_judge(&q, "1[,]0[,]2"), 0);
	assert_int_equal(grade_judge(&q, "2[,]1[,]0"), 0);
	assert_int_equal(grade_judge(&q, "0[,]1"), -1);          /* item missing */
	assert_int_equal(grade_judge(&q, "0[,]1[,]1"), -1);      /* repeated */
	assert_int_equal(grade_judge(&q, "0[,]1[,]3"), -1);      /* no such item */
	assert_int_equal(grade_judge(&q, "0[,]1[,]2[,]0"), -1);
	assert_string_equal(resp_correct(&q, buf, sizeof buf), "0[,]1[,]2");
	assert_string_equal(resp_interaction_type(Q_ORDER), "sequencing");
}

static void
test_match(void **state)
{
	mod_slide q = { .id = "m", .qtype = Q_MATCH, .points = 3, .left = left,
	                .right = right, .npairs = 3 };
	char buf[64];

	(void)state;
	assert_int_equal(grade_judge(&q, "0[.]0[,]1[.]1[,]2[.]2"), 1);
	assert_int_equal(grade_points(&q, "0[.]0[,]1[.]1[,]2[.]2"), 3);
	assert_int_equal(grade_judge(&q, "0[.]1[,]1[.]0[,]2[.]2"), 0);
	assert_int_equal(grade_judge(&q, "0[.]0[,]1[.]1"), 0);   /* one unpaired */
	assert_int_equal(grade_judge(&q, ""), 0);
	assert_int_equal(grade_judge(&q, "1[.]1[,]0[.]0"), -1);  /* not in left order */
	assert_int_equal(grade_judge(&q, "0[.]3"), -1);          /* no such right */
	assert_int_equal(grade_judge(&q, "0[.]"), -1);
	assert_int_equal(grade_judge(&q, "0[,]1"), -1);          /* not pairs */
	assert_string_equal(resp_correct(&q, buf, sizeof buf),
	                    "0[.]0[,]1[.]1[,]2[.]2");
	assert_string_equal(resp_interaction_type(Q_MATCH), "matching");
}

static void
test_short(void **state)
{
	mod_slide q = { .id = "s", .qtype = Q_SHORT, .points = 1, .accept = accepted,
	                .naccept = 3 };
	char buf[64];

	(void)state;
	assert_int_equal(grade_judge(&q, "conflict of interest"), 1);
	assert_int_equal(grade_judge(&q, "  CONFLICT   OF\tINTEREST \n"), 1);
	assert_int_equal(grade_judge(&q, "INTERESSENKONFLIKT"), 1);
	assert_int_equal(grade_judge(&q, "ΣΎΓΚΡΟΥΣΗ ΣΥΜΦΕΡΌΝΤΩΝ"), 1);
	assert_int_equal(grade_judge(&q, "conflict"), 0);
	assert_int_equal(grade_judge(&q, ""), 0);
	/* a plural ending is close enough: accepted, and said so */
	assert_int_equal(grade_judge(&q, "conflict of interests"), 1);
	assert_int_equal(grade_judge(&q, "conflicts of interest"), 1);
	assert_int_equal(grade_judge(&q, "conflicts of interest please"), 0);
	assert_int_equal(grade_judge(&q, "bad \xC3 utf-8"), -1);
	assert_int_equal(grade_judge(&q, "\xC0\xAF"), -1);          /* overlong */
	assert_int_equal(grade_judge(&q, "\xED\xA0\x80"), -1);      /* surrogate */
	assert_string_equal(resp_correct(&q, buf, sizeof buf),
	                    "Conflict of interest");
	assert_string_equal(resp_interaction_type(Q_SHORT), "fill-in");
}

static void
test_short_close(void **state)
{
	static const char *acc[] = { "Café", "conflict[s] of [the] interest", "box" };
	mod_slide q = { .id = "s", .qtype = Q_SHORT, .points = 1, .accept = acc,
	                .naccept = 3 };
	char *close = (char *)"unset", buf[64];

	(void)state;
	/* as typed (case, spaces and quotes aside): exact, nothing to say */
	assert_int_equal(grade_short_match(&q, " CAFÉ ", &close), GRADE_EXACT);
	assert_null(close);
	/* optional parts: every spelling is an exact answer */
	assert_int_equal(grade_short_match(&q, "conflict of interest", &close), GRADE_EXACT);
	assert_int_equal(grade_short_match(&q, "conflicts of the interest", &close),
	                 GRADE_EXACT);
	assert_int_equal(grade_short_match(&q, "conflicts of  interest", NULL), GRADE_EXACT);
	assert_int_equal(grade_short_match(&q, "conflict the interest", NULL), GRADE_NO);
	/* accents and plural endings: close, with the spelling to show */
	assert_int_equal(grade_short_match(&q, "cafe", &close), GRADE_CLOSE);
	assert_string_equal(close, "Café");
	free(close);
	assert_int_equal(grade_short_match(&q, "cafe\xcc\x81s", &close), GRADE_CLOSE);
	free(close); /* "café" typed with a combining accent, and plural */
	assert_int_equal(grade_short_match(&q, "boxes", &close), GRADE_CLOSE);
	assert_string_equal(close, "box");
	free(close);
	assert_int_equal(grade_short_match(&q, "conflict of interests", &close), GRADE_CLOSE);
	assert_string_equal(close, "conflict of interest");
	free(close);
	/* not close: another word, a letter more or less, a missing word */
	assert_int_equal(grade_short_match(&q, "cafes au lait", NULL), GRADE_NO);
	assert_int_equal(grade_short_match(&q, "boxer", NULL), GRADE_NO);
	assert_int_equal(grade_short_match(&q, "bo", NULL), GRADE_NO);
	assert_int_equal(grade_short_match(&q, "conflicts", NULL), GRADE_NO);
	assert_int_equal(grade_short_match(&q, "bad \xC3", NULL), -1);
	/* accents: strict makes an accent a different letter again */
	q.strict_accents = 1;
	assert_int_equal(grade_short_match(&q, "cafe", NULL), GRADE_NO);
	assert_int_equal(grade_short_match(&q, "cafés", NULL), GRADE_CLOSE);
	assert_int_equal(grade_judge(&q, "cafe"), 0);
	/* the correct answer shown leaves the optional parts out */
	q.accept = acc + 1;
	assert_string_equal(resp_correct(&q, buf, sizeof buf), "conflict of interest");
}

static void
test_fold_latin(void **state)
{
	(void)state;
	assert_true(grade_short_equal("ÉCOLE", "école"));
	/* what a phone or word processor types for ' and " */
	assert_true(grade_short_equal("officer\xe2\x80\x99s duty", "officer's duty"));
	assert_true(grade_short_equal("\xe2\x80\x9cgift\xe2\x80\x9d", "\"gift\""));
	assert_true(grade_short_equal("\xc2\xab cadeau \xc2\xbb", "\" cadeau \""));
	assert_false(grade_short_equal("officers", "officer's"));
	assert_true(grade_short_equal("ÀÉÎÕÜ ÇÑ ÅÆØ", "àéîõü çñ åæø"));
	assert_true(grade_short_equal("ŁÓDŹ", "łódź"));          /* Polish */
	assert_true(grade_short_equal("ČEŠTINA ŘÍZENÍ", "čeština řízení"));
	assert_true(grade_short_equal("ŐRSÉG ŰRLAP", "őrség űrlap")); /* Hungarian */
	assert_true(grade_short_equal("ȘTIINȚĂ", "știință"));   /* Romanian comma below */
	assert_true(grade_short_equal("STRASSE", "Straße"));       /* ß folds to ss */
	assert_true(grade_short_equal("GROẞ", "groß"));
	assert_true(grade_short_equal("ŸVES", "ÿves"));
	assert_true(grade_short_equal("TIẾNG VIỆT", "tiếng việt"));
	assert_true(grade_short_equal("İSTANBUL", "istanbul"));
	/* diacritics are kept: a different letter is a different answer */
	assert_false(grade_short_equal("resume", "résumé"));
	assert_false(grade_short_equal("łódź", "lodz"));
	/* dotless ı is its own letter */
	assert_false(grade_short_equal("ı", "i"));
}

static void
test_fold_greek_cyrillic(void **state)
{
	(void)state;
	assert_true(grade_short_equal("ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ",
	                              "αβγδεζηθικλμνξοπρστυφχψω"));
	assert_true(grade_short_equal("ΆΈΉΊΌΎΏ", "άέήίόύώ"));
	assert_true(grade_short_equal("ΟΔΟΣ", "οδος"));
	assert_true(grade_short_equal("ΟΔΟΣ", "οδοσ"));
	assert_true(grade_short_equal("ΟΔΟΣ", "οδος")); /* final sigma ς */
	assert_true(grade_short_equal("ΑΣΦΑΛΕΙΑ", "ασφαλεια"));
	assert_true(grade_short_equal("ΪΫ", "ϊϋ"));
	assert_true(grade_short_equal("ТАМОЖНЯ", "таможня"));
	assert_true(grade_short_equal("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
	                              "абвгдежзийклмнопрстуфхцчшщъыьэюя"));
	assert_true(grade_short_equal("ЁЖИК ЇЖАК ЄВРОПА ЎЛАДЗІМІР ЂЕЋЏ",
	                              "ёжик їжак європа ўладзімір ђећџ"));
	assert_true(grade_short_equal("ҐАНОК ӘЛЕМ ҚАЗАҚ", "ґанок әлем қазақ"));
	assert_false(grade_short_equal("таможня", "таможни"));
	/* Latin A and Cyrillic А look alike but are different letters */
	assert_false(grade_short_equal("A", "А"));
}

static void
test_fold_space(void **state)
{
	char *f;

	(void)state;
	f = fold_text("\t  Customs\xC2\xA0\xC2\xA0 Officer \r\n");
	assert_non_null(f);
	assert_string_equal(f, "customs officer");
	free(f);
	f = fold_text("   ");
	assert_string_equal(f, "");
	free(f);
	assert_null(fold_text("\xFF"));
	assert_null(fold_text(NULL));
	assert_true(grade_short_equal("", "  "));
	/* emoji and other scripts pass through unchanged */
	assert_true(grade_short_equal("ok 👍", "OK 👍"));
	assert_true(grade_short_equal("税関", "税関"));
}

static void
test_parse_format(void **state)
{
	int idx[8], l[8], r[8];
	char buf[64];

	(void)state;
	assert_int_equal(resp_parse_indices("3[,]0[,]12", idx, 8), 3);
	assert_int_equal(idx[0], 3);
	assert_int_equal(idx[2], 12);
	assert_int_equal(resp_parse_indices("", idx, 8), 0);
	assert_string_equal(resp_format_indices(idx, 2, buf, sizeof buf), "3[,]0");
	assert_int_equal(resp_parse_indices("0[,]1[,]2", idx, 2), -1); /* too many */
	assert_int_equal(resp_parse_pairs("0[.]2[,]1[.]0", l, r, 8), 2);
	assert_int_equal(l[1], 1);
	assert_int_equal(r[0], 2);
	assert_string_equal(resp_format_pairs(l, r, 2, buf, sizeof buf),
	                    "0[.]2[,]1[.]0");
	assert_int_equal(resp_parse_pairs("0[.]2[.]1", l, r, 8), -1);
	/* truncation never overflows */
	assert_int_equal(resp_parse_indices("3[,]0", idx, 8), 2);
	assert_string_equal(resp_format_indices(idx, 2, buf, 4), "3[,");
	assert_null(resp_interaction_type(Q_NONE));
}

static void
test_not_a_question(void **state)
{
	mod_slide s = { .id = "intro", .qtype = Q_NONE };
	char buf[8];

	(void)state;
	assert_int_equal(grade_judge(&s, "0"), -1);
	assert_int_equal(grade_points(&s, "0"), 0);
	assert_string_equal(resp_correct(&s, buf, sizeof buf), "");
}

/* every question of every real module (test and bundled) is right when
 * answered with its own correct response, and the response round-trips
 * through the parsers */
static void
test_real_modules(void **state)
{
	static const char *const dirs[] = { LT_SRCDIR "/tests/modules/good",
	                                    LT_SRCDIR "/modules" };
	int d, e, i, questions = 0;

	(void)state;
	for (d = 0; d < 2; d++) {
		cat_catalog c = { 0 };
		diag_list dl = { 0 };

		assert_int_equal(cat_scan(&c, dirs[d], &dl), 0);
		for (e = 0; e < c.n; e++) {
			const mod_module *m = c.v[e].mod;

			for (i = 0; m && i < m->nslides; i++) {
				const mod_slide *q = &m->slides[i];
				char buf[4096];
				int has_right = 1, k;

				if (q->qtype == Q_NONE)
					continue;
				if (q->qtype == Q_DECISION) {
					for (has_right = 0, k = 0; k < q->nchoices; k++)
						has_right |= q->choices[k].correct;
				}
				resp_correct(q, buf, sizeof buf);
				if (!has_right) {
					/* a decision with no right choice: any choice is
					 * well formed and none is right */
					assert_int_equal(grade_judge(q, "0"), 0);
					continue;
				}
				if (grade_judge(q, buf) != 1)
					fail_msg("%s: %s: correct response \"%s\" not judged right",
					         m->id, q->id, buf);
				assert_non_null(resp_interaction_type(q->qtype));
				questions++;
			}
		}
		cat_free(&c);
		diag_free(&dl);
	}
	assert_true(questions >= 20);
}

/* the largest question `check` accepts is judged right: grading capped at
 * 256 items while `check` accepted more, so a correct answer was wrong */
static void
test_item_limit(void **state)
{
	enum { N = MOD_MAX_ITEMS };
	static mod_choice ch[N];
	static const char *items[N], *l[N], *r[N];
	static char names[N][8];
	char buf[8192];
	mod_slide q = { .id = "big", .points = 1, .attempts = 1 };
	int i;

	(void)state;
	for (i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "%d", i);
		ch[i].text = items[i] = l[i] = r[i] = names[i];
		ch[i].correct = 1;
	}
	q.qtype = Q_MULTIPLE;
	q.choices = ch;
	q.nchoices = N;
	assert_int_equal(grade_judge(&q, resp_correct(&q, buf, sizeof buf)), 1);
	/* a single question's last choice can be chosen and scored */
	for (i = 0; i < N; i++)
		ch[i].correct = i == N - 1;
	q.qtype = Q_SINGLE;
	assert_int_equal(grade_judge(&q, resp_correct(&q, buf, sizeof buf)), 1);
	snprintf(buf, sizeof buf, "%d", N - 1);
	assert_int_equal(grade_judge(&q, buf), 1);
	q.qtype = Q_ORDER;
	q.items = items;
	q.nitems = N;
	assert_int_equal(grade_judge(&q, resp_correct(&q, buf, sizeof buf)), 1);
	q.qtype = Q_MATCH;
	q.left = l;
	q.right = r;
	q.npairs = N;
	assert_int_equal(grade_judge(&q, resp_correct(&q, buf, sizeof buf)), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single),
		cmocka_unit_test(test_decision),
		cmocka_unit_test(test_multiple),
		cmocka_unit_test(test_true_false),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_short),
		cmocka_unit_test(test_short_close),
		cmocka_unit_test(test_fold_latin),
		cmocka_unit_test(test_fold_greek_cyrillic),
		cmocka_unit_test(test_fold_space),
		cmocka_unit_test(test_parse_format),
		cmocka_unit_test(test_not_a_question),
		cmocka_unit_test(test_real_modules),
		cmocka_unit_test(test_item_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
