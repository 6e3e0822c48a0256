/* test_score.c: scoring over the path taken, on a linear module and on a
 * branching (decision) one, with practice questions, unanswered questions,
 * rounding at the pass mark and the per-section breakdown. Modules are
 * built by hand (plain data). */
#include "testutil.h"

#include <string.h>

#include "learn/score.h"

static mod_choice yes_no[2] = {
	{ .text = "Accept" },
	{ .text = "Decline", .correct = 1 },
};
static mod_choice four[4] = {
	{ .text = "a", .correct = 1 }, { .text = "b" },
	{ .text = "c", .correct = 1 }, { .text = "d" },
};
static const char *accept[1] = { "Ethics officer" };

/* linear: Gifts (intro, q1 1pt, practice), Reporting (text, q4 2pt, q5 1pt) */
#define FOLLOW .next_index = NEXT_FOLLOWING
static mod_slide linear_slides[6] = {
	{ .id = "intro", .section = "Gifts", FOLLOW },
	{ .id = "q1", .qtype = Q_SINGLE, .points = 1, .choices = yes_no, .nchoices = 2, FOLLOW },
	{ .id = "practice", .qtype = Q_TRUE_FALSE, .points = 0, .answer = 1, FOLLOW },
	{ .id = "how", .section = "Reporting", FOLLOW },
	{ .id = "q4", .qtype = Q_MULTIPLE, .points = 2, .choices = four, .nchoices = 4, FOLLOW },
	{ .id = "q5", .qtype = Q_SHORT, .points = 1, .accept = accept, .naccept = 1, FOLLOW },
};

static mod_module
linear(void)
{
	mod_module m = { .id = "gifts", .pass_mark = 80, .slides = linear_slides,
	                 .nslides = 6 };
	return m;
}

static const unsigned char all_seen[6] = { 1, 1, 1, 1, 1, 1 };

static void
test_linear_all_right(void **state)
{
	mod_module m = linear();
	const char *resp[6] = { NULL, "1", "false", NULL, "0[,]2", " ethics OFFICER " };
	score_result r;

	(void)state;
	score_compute(&m, all_seen, resp, &r);
	assert_int_equal(r.earned, 4);
	assert_int_equal(r.possible, 4); /* the practice question does not count */
	assert_int_equal(r.percent, 100);
	assert_true(r.passed);
	assert_int_equal(r.graded, 3);
	assert_int_equal(r.answered, 3);
	assert_int_equal(r.nsections, 2);
	assert_string_equal(r.sections[0].name, "Gifts");
	assert_int_equal(r.sections[0].earned, 1);
	assert_int_equal(r.sections[0].possible, 1);
	assert_int_equal(r.sections[0].questions, 1);
	assert_string_equal(r.sections[1].name, "Reporting");
	assert_int_equal(r.sections[1].earned, 3);
	assert_int_equal(r.sections[1].possible, 3);
	assert_int_equal(r.sections[1].percent, 100);
	score_free(&r);
}

static void
test_linear_wrong_and_skipped(void **state)
{
	mod_module m = linear();
	const char *wrong[6] = { NULL, "1", NULL, NULL, "0", "Ethics officer" };
	const char *skipped[6] = { NULL, "1", NULL, NULL, "0[,]2", NULL };
	const char *malformed[6] = { NULL, "7", NULL, NULL, "0[,]2", "ethics officer" };
	score_result r;

	(void)state;
	score_compute(&m, all_seen, wrong, &r);
	assert_int_equal(r.earned, 2);
	assert_int_equal(r.possible, 4);
	assert_int_equal(r.percent, 50);
	assert_false(r.passed);
	assert_int_equal(r.sections[1].earned, 1);
	assert_int_equal(r.sections[1].possible, 3);
	assert_int_equal(r.sections[1].percent, 33);
	score_free(&r);

	/* q5 seen but passed over without an answer: counts 0 */
	score_compute(&m, all_seen, skipped, &r);
	assert_int_equal(r.earned, 3);
	assert_int_equal(r.possible, 4);
	assert_int_equal(r.percent, 75);
	assert_false(r.passed);
	assert_int_equal(r.answered, 2);
	score_free(&r);

	/* a response that does not fit the question earns nothing */
	score_compute(&m, all_seen, malformed, &r);
	assert_int_equal(r.earned, 3);
	score_free(&r);

	/* no responses at all */
	score_compute(&m, all_seen, NULL, &r);
	assert_int_equal(r.earned, 0);
	assert_int_equal(r.percent, 0);
	assert_false(r.passed);
	score_free(&r);
}

static void
test_pass_mark_rounding(void **state)
{
	mod_module m = linear();
	const char *resp[6] = { NULL, "1", NULL, NULL, "0[,]2", "wrong" };
	score_result r;

	(void)state;
	/* 3 of 4 = 75 */
	m.pass_mark = 75;
	score_compute(&m, all_seen, resp, &r);
	assert_int_equal(r.percent, 75);
	assert_true(r.passed); /* reaching the mark passes */
	score_free(&r);
	m.pass_mark = 76;
	score_compute(&m, all_seen, resp, &r);
	assert_false(r.passed);
	score_free(&r);
	/* free navigation, jumped straight to Reporting: q1 was passed over
	 * and still counts, with 0 points: 2 of 4 */
	{
		const unsigned char seen[6] = { 0, 0, 0, 1, 1, 1 };
		const char *jumped[6] = { NULL, NULL, NULL, NULL, "0[,]2", "wrong" };

		m.pass_mark = 50;
		score_compute(&m, seen, jumped, &r);
		assert_int_equal(r.possible, 4);
		assert_int_equal(r.percent, 50);
		assert_true(r.passed);
		assert_int_equal(r.answered, 2);
		assert_int_equal(r.nsections, 2);
		assert_int_equal(r.sections[0].earned, 0);
		assert_int_equal(r.sections[0].possible, 1);
		assert_true(r.on_path[1]);
		score_free(&r);
	}
	/* seen up to q1, then a jump to q5: the seen slides must not stop the
	 * route, so q4 between them is still on the path */
	{
		const unsigned char seen[6] = { 1, 1, 0, 0, 0, 1 };
		const char *jumped[6] = { NULL, "1", NULL, NULL, NULL, "wrong" };

		score_compute(&m, seen, jumped, &r);
		assert_int_equal(r.possible, 4);
		assert_true(r.on_path[4]);
		score_free(&r);
	}
	/* 2 of 3 = 66.7, rounded down, never passes 67 */
	assert_int_equal(score_percent(2, 3), 66);
	assert_int_equal(score_percent(1, 3), 33);
	assert_int_equal(score_percent(0, 0), -1);
}

static void
test_no_graded_question(void **state)
{
	mod_slide practice[6];
	mod_module m = linear();
	const unsigned char seen[6] = { 1, 0, 1, 1, 0, 0 };
	score_result r;
	int i;

	(void)state;
	/* every question is practice: nothing to pass or fail */
	memcpy(practice, linear_slides, sizeof practice);
	for (i = 0; i < 6; i++)
		practice[i].points = 0;
	m.slides = practice;
	score_compute(&m, seen, NULL, &r);
	assert_int_equal(r.possible, 0);
	assert_int_equal(r.percent, -1);
	assert_true(r.passed); /* completed: nothing to fail */
	assert_int_equal(r.nsections, 2);
	assert_int_equal(r.sections[0].percent, -1);
	score_free(&r);

	/* nothing seen yet: the route from the first slide is still the path */
	score_compute(&m, NULL, NULL, &r);
	assert_int_equal(r.percent, -1);
	assert_int_equal(r.nsections, 2);
	score_free(&r);
}

/* branching: a decision at 1 sends the learner to path A (2, 3) or path B
 * (4, 5); both end at 6. Slides before any section form the "" section. */
static mod_choice branch[2] = {
	{ .text = "Let it pass", .go_to = "a", .go_to_index = 2 },
	{ .text = "Inspect", .correct = 1, .go_to = "b", .go_to_index = 4 },
};
static mod_slide branch_slides[7] = {
	{ .id = "start", FOLLOW },
	{ .id = "d1", .qtype = Q_DECISION, .points = 1, .attempts = 1,
	  .choices = branch, .nchoices = 2, FOLLOW },
	{ .id = "a", .section = "Consequences", FOLLOW },
	{ .id = "qa", .qtype = Q_TRUE_FALSE, .points = 1, .answer = 1,
	  .next = "end", .next_index = 6 },
	{ .id = "b", .section = "Inspection", FOLLOW },
	{ .id = "qb", .qtype = Q_SINGLE, .points = 3, .choices = yes_no, .nchoices = 2, FOLLOW },
	{ .id = "end", .section = "Wrap-up", FOLLOW },
};

static void
test_branching(void **state)
{
	mod_module m = { .id = "border", .pass_mark = 80, .slides = branch_slides,
	                 .nslides = 7 };
	const unsigned char path_a[7] = { 1, 1, 1, 1, 0, 0, 1 };
	const unsigned char path_b[7] = { 1, 1, 0, 0, 1, 1, 1 };
	const char *resp_a[7] = { NULL, "0", NULL, "true", NULL, NULL, NULL };
	const char *resp_b[7] = { NULL, "1", NULL, NULL, NULL, "1", NULL };
	const char *resp_b_skip[7] = { NULL, "1", NULL, NULL, NULL, NULL, NULL };
	score_result r;

	(void)state;
	/* path A: the wrong decision, the question on that branch right; the
	 * 3 points of path B are not possible on this path */
	score_compute(&m, path_a, resp_a, &r);
	assert_int_equal(r.earned, 1);
	assert_int_equal(r.possible, 2);
	assert_int_equal(r.percent, 50);
	assert_false(r.passed);
	assert_int_equal(r.nsections, 3);
	assert_string_equal(r.sections[0].name, "");
	assert_int_equal(r.sections[0].earned, 0);
	assert_int_equal(r.sections[0].possible, 1);
	assert_string_equal(r.sections[1].name, "Consequences");
	assert_int_equal(r.sections[1].percent, 100);
	assert_string_equal(r.sections[2].name, "Wrap-up");
	assert_int_equal(r.sections[2].percent, -1);
	score_free(&r);

	/* path B: all right */
	score_compute(&m, path_b, resp_b, &r);
	assert_int_equal(r.earned, 4);
	assert_int_equal(r.possible, 4);
	assert_true(r.passed);
	assert_string_equal(r.sections[1].name, "Inspection");
	assert_int_equal(r.sections[1].possible, 3);
	score_free(&r);

	/* path B, its question passed over: 1 of 4 */
	score_compute(&m, path_b, resp_b_skip, &r);
	assert_int_equal(r.percent, 25);
	assert_false(r.passed);
	score_free(&r);

	/* free navigation, the decision jumped over: either branch may be the
	 * path, so every question on both counts, with 0 points */
	{
		const unsigned char only_end[7] = { 1, 0, 0, 0, 0, 0, 1 };

		score_compute(&m, only_end, NULL, &r);
		assert_int_equal(r.possible, 5);
		assert_int_equal(r.percent, 0);
		assert_int_equal(r.graded, 3);
		score_free(&r);
	}

	/* an answer left from an earlier visit of a slide that is not on this
	 * attempt's path does not count */
	{
		const char *stale[7] = { NULL, "1", NULL, "true", NULL, "1", NULL };

		score_compute(&m, path_b, stale, &r);
		assert_int_equal(r.earned, 4);
		assert_int_equal(r.possible, 4);
		score_free(&r);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linear_all_right),
		cmocka_unit_test(test_linear_wrong_and_skipped),
		cmocka_unit_test(test_pass_mark_rounding),
		cmocka_unit_test(test_no_graded_question),
		cmocka_unit_test(test_branching),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
