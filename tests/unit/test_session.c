/* test_session.c: the player's state machine driven as a learner would,
 * through "keyboard" operations (digit N = ses_pick(N - 1), Up/Down =
 * ses_order_step, typing = ses_text_insert), without a display: each
 * question type's answer logic, attempts and feedback, linear and free
 * navigation, decision branching and rejoining, results, resume from the
 * store, and retake. Tests never assume a shuffle: they find options by
 * their text. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "learn/grade.h"
#include "format/loader.h"
#include "learn/session.h"
#include "store/store.h"

static const char module_yaml[] =
	"lectern: 1\n"
	"id: sestest\n"
	"title: Session test\n"
	"pass_mark: 60\n"
	"navigation: NAV\n"
	"slides:\n"
	"  - id: intro\n"
	"    section: Basics\n"
	"    title: Welcome\n"
	"    body: Hello.\n"
	"  - id: q-single\n"
	"    type: single\n"
	"    question: Which letter is second?\n"
	"    attempts: 2\n"
	"    shuffle: true\n"
	"    choices:\n"
	"      - text: Alpha\n"
	"        feedback: Alpha is first.\n"
	"      - text: Beta\n"
	"        correct: true\n"
	"        feedback: Yes, Beta.\n"
	"      - text: Gamma\n"
	"    feedback:\n"
	"      correct: Well done.\n"
	"      incorrect: Not that one.\n"
	"    explanation: A, B, C.\n"
	"  - id: q-multi\n"
	"    type: multiple\n"
	"    question: Pick the even numbers.\n"
	"    choices:\n"
	"      - text: Two\n"
	"        correct: true\n"
	"      - text: Three\n"
	"      - text: Four\n"
	"        correct: true\n"
	"  - id: q-tf\n"
	"    type: true-false\n"
	"    question: The sky is green.\n"
	"    answer: false\n"
	"  - id: q-practice\n"
	"    type: true-false\n"
	"    question: Practice only.\n"
	"    answer: true\n"
	"    points: 0\n"
	"  - id: q-order\n"
	"    section: Harder\n"
	"    type: order\n"
	"    question: Put them in order.\n"
	"    items: [One, Two, Three, Four]\n"
	"  - id: q-match\n"
	"    type: match\n"
	"    question: Match the pairs.\n"
	"    pairs:\n"
	"      - [Cat, Meow]\n"
	"      - [Dog, Woof]\n"
	"      - [Cow, Moo]\n"
	"  - id: q-short\n"
	"    type: short\n"
	"    question: Where do you drink coffee?\n"
	"    accept: [Café, coffee shop]\n"
	"  - id: dec\n"
	"    section: Story\n"
	"    type: decision\n"
	"    question: Which way?\n"
	"    choices:\n"
	"      - text: Left\n"
	"        goto: left\n"
	"        feedback: You went left.\n"
	"      - text: Right\n"
	"        correct: true\n"
	"        goto: right\n"
	"  - id: left\n"
	"    title: Left road\n"
	"    body: Trees.\n"
	"    next: join\n"
	"  - id: right\n"
	"    title: Right road\n"
	"    body: River.\n"
	"  - id: join\n"
	"    title: Together again\n"
	"    body: The roads meet.\n"
	"    next: end\n"
	"  - id: unreachable\n"
	"    title: Never shown\n"
	"    body: Nothing.\n";

static mod_module *
load(const char *nav)
{
	char *buf = xstrdup(module_yaml), *p = strstr(buf, "NAV");
	diag_list dl = { 0 };
	mod_module *m;
	char *full;

	*p = '\0';
	full = xasprintf("%s%s%s", buf, nav, p + 3);
	m = loader_load_buf("sestest.yaml", NULL, full, strlen(full), &dl);
	if (!m)
		diag_print(&dl, stderr);
	assert_non_null(m);
	diag_free(&dl);
	free(full);
	free(buf);
	return m;
}

/* display position of the option whose text is t on the current slide. */
static int
pos(ses_session *s, const char *t)
{
	const ses_question *q = ses_q(s, ses_current(s));
	int k;

	assert_non_null(q);
	for (k = 0; k < q->n; k++)
		if (strcmp(ses_opt_text(s, ses_current(s), k), t) == 0)
			return k;
	fail_msg("no option %s", t);
	return -1;
}

static int
rpos(ses_session *s, const char *t)
{
	const ses_question *q = ses_q(s, ses_current(s));
	int k;

	for (k = 0; k < q->nright; k++)
		if (strcmp(ses_right_text(s, ses_current(s), k), t) == 0)
			return k;
	fail_msg("no right item %s", t);
	return -1;
}

/* press digit key N for the option with text t */
static void
digit(ses_session *s, const char *t)
{
	assert_int_equal(ses_pick(s, pos(s, t)), 0);
}

static void
go_to_id(ses_session *s, const mod_module *m, const char *id)
{
	ses_jump(s, mod_find_slide(m, id));
	assert_string_equal(m->slides[ses_current(s)].id, id);
}

/* ------------------------------------------------------------ types */

static void
test_single_attempts_feedback(void **state)
{
	mod_module *m = load("linear");
	ses_session *s = ses_open(m, NULL, 1);
	int i;

	(void)state;
	go_to_id(s, m, "q-single");
	i = ses_current(s);
	assert_false(ses_can_check(s));
	assert_int_equal(ses_check(s), SES_CHECK_INCOMPLETE);
	digit(s, "Gamma");
	digit(s, "Alpha"); /* single: the later pick replaces the earlier */
	assert_int_equal(ses_q(s, i)->picked[pos(s, "Gamma")], 0);
	assert_int_equal(ses_attempts_left(s, i), 2);
	assert_int_equal(ses_check(s), SES_CHECK_RETRY);
	assert_int_equal(ses_q(s, i)->state, SES_TRIED);
	assert_int_equal(ses_attempts_left(s, i), 1);
	assert_string_equal(ses_feedback(s, i), "Not that one.");
	assert_string_equal(ses_opt_feedback(s, i, pos(s, "Alpha")), "Alpha is first.");
	assert_int_equal(ses_opt_mark(s, i, pos(s, "Alpha")), SES_MARK_WRONG);
	/* the right answer is not given away while attempts remain */
	assert_int_equal(ses_opt_mark(s, i, pos(s, "Beta")), SES_MARK_NONE);
	assert_int_equal(ses_pick(s, 0), -1); /* no picking before Try again */
	assert_int_equal(ses_check(s), SES_CHECK_INCOMPLETE);
	assert_int_equal(ses_try_again(s), 0);
	assert_int_equal(ses_opt_mark(s, i, pos(s, "Alpha")), SES_MARK_NONE);
	/* the wrong answer stays, but checking it again would only spend an
	 * attempt (a double-click on Try again): refused until it changes */
	assert_int_equal(ses_q(s, i)->picked[pos(s, "Alpha")], 1);
	assert_true(ses_unchanged(s));
	assert_false(ses_can_check(s));
	assert_int_equal(ses_check(s), SES_CHECK_INCOMPLETE);
	assert_int_equal(ses_q(s, i)->tries, 1);
	assert_int_equal(ses_attempts_left(s, i), 1);
	digit(s, "Gamma");
	assert_false(ses_unchanged(s));
	assert_true(ses_can_check(s));
	digit(s, "Alpha"); /* back to the answer judged wrong */
	assert_false(ses_can_check(s));
	digit(s, "Beta");
	assert_false(ses_unchanged(s));
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	assert_int_equal(ses_q(s, i)->state, SES_SETTLED);
	assert_int_equal(ses_attempts_left(s, i), 0);
	assert_string_equal(ses_feedback(s, i), "Well done.");
	assert_string_equal(ses_opt_feedback(s, i, pos(s, "Beta")), "Yes, Beta.");
	assert_int_equal(ses_opt_mark(s, i, pos(s, "Beta")), SES_MARK_RIGHT);
	assert_int_equal(ses_try_again(s), -1);
	ses_close(s);
	mod_free(m);
}

static void
test_single_out_of_attempts_shows_answer(void **state)
{
	mod_module *m = load("linear");
	ses_session *s = ses_open(m, NULL, 1);
	int i;

	(void)state;
	go_to_id(s, m, "q-single");
	i = ses_current(s);
	digit(s, "Alpha");
	assert_int_equal(ses_check(s), SES_CHECK_RETRY);
	ses_try_again(s);
	digit(s, "Gamma");
	assert_int_equal(ses_check(s), SES_CHECK_WRONG);
	assert_int_equal(ses_q(s, i)->state, SES_SETTLED);
	assert_int_equal(ses_opt_mark(s, i, pos(s, "Gamma")), SES_MARK_WRONG);
	assert_int_equal(ses_opt_mark(s, i, pos(s, "Beta")), SES_MARK_MISSED);
	assert_int_equal(ses_opt_mark(s, i, pos(s, "Alpha")), SES_MARK_NONE);
	ses_close(s);
	mod_free(m);
}

static void
test_multiple_toggles(void **state)
{
	mod_module *m = load("linear");
	ses_session *s = ses_open(m, NULL, 1);
	int i;

	(void)state;
	go_to_id(s, m, "q-multi");
	i = ses_current(s);
	/* not shuffled: positions follow the file, so keys 1 and 3 */
	assert_int_equal(pos(s, "Two"), 0);
	assert_int_equal(pos(s, "Four"), 2);
	digit(s, "Two");
	digit(s, "Three");
	digit(s, "Four");
	digit(s, "Three"); /* toggled off again */
	assert_int_equal(ses_q(s, i)->picked[1], 0);
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	assert_int_equal(ses_opt_mark(s, i, 0), SES_MARK_RIGHT);
	assert_int_equal(ses_opt_mark(s, i, 1), SES_MARK_NONE);
	assert_int_equal(ses_opt_mark(s, i, 2), SES_MARK_RIGHT);
	ses_close(s);

	/* a subset is wrong, and the missed one is marked once settled */
	s = ses_open(m, NULL, 1);
	go_to_id(s, m, "q-multi");
	digit(s, "Two");
	assert_int_equal(ses_check(s), SES_CHECK_WRONG);
	assert_int_equal(ses_opt_mark(s, i, 2), SES_MARK_MISSED);
	ses_close(s);
	mod_free(m);
}

static void
test_true_false_keys(void **state)
{
	mod_module *m = load("linear");
	ses_session *s = ses_open(m, NULL, 1);
	char *t;
	int i;

	(void)state;
	go_to_id(s, m, "q-tf");
	i = ses_current(s);
	assert_int_equal(ses_q(s, i)->n, 2);
	assert_string_equal(ses_opt_text(s, i, 0), "True");  /* key 1 */
	assert_string_equal(ses_opt_text(s, i, 1), "False"); /* key 2 */
	assert_int_equal(ses_pick(s, 1), 0);
	assert_int_equal(ses_pick(s, 2), -1); /* there is no key 3 */
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	assert_int_equal(ses_opt_mark(s, i, 1), SES_MARK_RIGHT);
	t = ses_correct_text(&m->slides[i]);
	assert_string_equal(t, "False");
	free(t);
	ses_close(s);
	mod_free(m);
}

/* put the order question right with Up only, the way a keyboard user
 * would: select the item that belongs at place t, move it up. */
static void
order_by_keyboard(ses_session *s, const mod_module *m, int i)
{
	int t, p;

	for (t = 0; t < m->slides[i].nitems; t++) {
		p = pos(s, m->slides[i].items[t]);
		assert_int_equal(ses_pick(s, p), 0);
		assert_int_equal(ses_q(s, i)->sel, p);
		while (p > t) {
			assert_int_equal(ses_order_step(s, -1), 0);
			p--;
			assert_int_equal(ses_q(s, i)->sel, p);
		}
		if (ses_q(s, i)->sel >= 0)
			assert_int_equal(ses_pick(s, p), 0); /* deselect */
	}
}

static void
test_order_shuffled_never_correct(void **state)
{
	mod_module *m = load("linear");
	int i = mod_find_slide(m, "q-order"), learner, k, differs = 0;
	int first[4];

	(void)state;
	for (learner = 0; learner < 300; learner++) {
		ses_session *s = ses_open(m, NULL, learner);
		const ses_question *q = ses_q(s, i);
		int same = 1;

		assert_int_equal(q->n, 4);
		for (k = 0; k < 4; k++)
			same &= q->shown[k] == k;
		assert_false(same);
		if (learner == 0)
			memcpy(first, q->shown, sizeof first);
		else
			differs |= memcmp(first, q->shown, sizeof first) != 0;
		ses_close(s);
	}
	assert_true(differs); /* learners do not all see one order */

	/* the same learner sees the same order again */
	{
		ses_session *a = ses_open(m, NULL, 7), *b = ses_open(m, NULL, 7);

		assert_memory_equal(ses_q(a, i)->shown, ses_q(b, i)->shown,
		                    4 * sizeof(int));
		ses_close(a);
		ses_close(b);
	}
	mod_free(m);
}

static void
test_order_keyboard_and_drag(void **state)
{
	mod_module *m = load("linear");
	ses_session *s = ses_open(m, NULL, 3);
	int i, k;

	(void)state;
	go_to_id(s, m, "q-order");
	i = ses_current(s);
	assert_true(ses_can_check(s)); /* an order is always complete */
	assert_int_equal(ses_order_step(s, -1), -1); /* nothing selected */
	/* cannot move the top item up or the bottom one down */
	ses_pick(s, 0);
	assert_int_equal(ses_order_step(s, -1), -1);
	ses_pick(s, 0);
	ses_pick(s, 3);
	assert_int_equal(ses_order_step(s, +1), -1);
	ses_pick(s, 3);
	order_by_keyboard(s, m, i);
	for (k = 0; k < 4; k++)
		assert_string_equal(ses_opt_text(s, i, k), m->slides[i].items[k]);
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	for (k = 0; k < 4; k++)
		assert_int_equal(ses_opt_mark(s, i, k), SES_MARK_RIGHT);
	ses_close(s);

	/* drag: item at 3 to 0 moves the others down */
	s = ses_open(m, NULL, 3);
	go_to_id(s, m, "q-order");
	{
		int before[4];

		memcpy(before, ses_q(s, i)->shown, sizeof before);
		assert_int_equal(ses_order_move(s, 3, 0), 0);
		assert_int_equal(ses_q(s, i)->shown[0], before[3]);
		assert_int_equal(ses_q(s, i)->shown[1], before[0]);
		assert_int_equal(ses_q(s, i)->shown[3], before[2]);
		assert_int_equal(ses_order_move(s, 0, 3), 0);
		assert_memory_equal(ses_q(s, i)->shown, before, sizeof before);
		assert_int_equal(ses_order_move(s, 0, 4), -1);
	}
	/* drag every item into place from the bottom up */
	for (k = 0; k < 4; k++)
		assert_int_equal(ses_order_move(s, pos(s, m->slides[i].items[k]), k), 0);
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	ses_close(s);
	mod_free(m);
}

static void
test_match_pairing(void **state)
{
	mod_module *m = load("linear");
	ses_session *s = ses_open(m, NULL, 5);
	const ses_question *q;
	int i, cat, dog, cow;

	(void)state;
	go_to_id(s, m, "q-match");
	i = ses_current(s);
	q = ses_q(s, i);
	assert_int_equal(q->n, 3);
	assert_int_equal(q->nright, 3);
	cat = pos(s, "Cat");
	dog = pos(s, "Dog");
	cow = pos(s, "Cow");
	assert_int_equal(ses_match_right(s, 0), -1); /* no left selected */
	assert_false(ses_can_check(s));
	/* select Cat, then Woof (wrong), then re-pair Dog with Woof */
	ses_pick(s, cat);
	assert_int_equal(q->sel, cat);
	assert_int_equal(ses_match_right(s, rpos(s, "Woof")), 0);
	assert_int_equal(q->pair[cat], rpos(s, "Woof"));
	assert_int_equal(q->sel, -1);
	ses_pick(s, dog);
	ses_match_right(s, rpos(s, "Woof"));
	assert_int_equal(q->pair[dog], rpos(s, "Woof"));
	assert_int_equal(q->pair[cat], -1); /* Woof left Cat */
	/* selecting and deselecting a left item */
	ses_pick(s, cow);
	ses_pick(s, cow);
	assert_int_equal(q->sel, -1);
	ses_pick(s, cat);
	ses_match_right(s, rpos(s, "Meow"));
	assert_false(ses_can_check(s)); /* Cow still alone */
	assert_int_equal(ses_check(s), SES_CHECK_INCOMPLETE);
	ses_pick(s, cow);
	ses_match_right(s, rpos(s, "Meow")); /* wrong: takes Meow from Cat */
	assert_int_equal(q->pair[cat], -1);
	ses_pick(s, cat);
	ses_match_right(s, rpos(s, "Moo"));
	assert_true(ses_can_check(s));
	/* unpair and pair directly (mouse drag from left to right) */
	assert_int_equal(ses_match_unpair(s, cat), 0);
	assert_false(ses_can_check(s));
	assert_int_equal(ses_match_pair(s, cat, rpos(s, "Moo")), 0);
	/* same pair again unpairs */
	ses_pick(s, cat);
	ses_match_right(s, rpos(s, "Moo"));
	assert_int_equal(q->pair[cat], -1);
	ses_match_pair(s, cat, rpos(s, "Moo"));
	assert_int_equal(ses_check(s), SES_CHECK_WRONG); /* one attempt */
	assert_int_equal(ses_opt_mark(s, i, dog), SES_MARK_RIGHT);
	assert_int_equal(ses_opt_mark(s, i, cat), SES_MARK_WRONG);
	assert_int_equal(ses_opt_mark(s, i, cow), SES_MARK_WRONG);
	assert_int_equal(ses_right_mark(s, i, rpos(s, "Woof")), SES_MARK_RIGHT);
	assert_int_equal(ses_right_mark(s, i, rpos(s, "Moo")), SES_MARK_WRONG);
	ses_close(s);

	/* all right */
	s = ses_open(m, NULL, 5);
	go_to_id(s, m, "q-match");
	ses_pick(s, pos(s, "Cat"));
	ses_match_right(s, rpos(s, "Meow"));
	ses_pick(s, pos(s, "Dog"));
	ses_match_right(s, rpos(s, "Woof"));
	ses_pick(s, pos(s, "Cow"));
	ses_match_right(s, rpos(s, "Moo"));
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	ses_close(s);
	mod_free(m);
}

static void
test_match_right_column_never_aligned(void **state)
{
	mod_module *m = load("linear");
	int i = mod_find_slide(m, "q-match"), learner, k;

	(void)state;
	for (learner = 0; learner < 200; learner++) {
		ses_session *s = ses_open(m, NULL, learner);
		const ses_question *q = ses_q(s, i);
		int aligned = 1;

		for (k = 0; k < q->n; k++)
			aligned &= q->rshown[k] == q->shown[k];
		assert_false(aligned);
		ses_close(s);
	}
	mod_free(m);
}

static void
test_short_utf8_editing(void **state)
{
	mod_module *m = load("linear");
	ses_session *s = ses_open(m, NULL, 1);
	const ses_question *q;
	int i;

	(void)state;
	go_to_id(s, m, "q-short");
	i = ses_current(s);
	q = ses_q(s, i);
	assert_false(ses_can_check(s));
	assert_int_equal(ses_text_insert(s, "  "), 0);
	assert_false(ses_can_check(s)); /* only spaces */
	assert_int_equal(ses_text_backspace(s), 0);
	assert_int_equal(ses_text_backspace(s), 0);
	assert_int_equal(ses_text_backspace(s), -1); /* empty */
	assert_int_equal(ses_text_insert(s, "caf"), 0);
	assert_int_equal(ses_text_insert(s, "\xc3\xa9"), 0); /* é */
	assert_int_equal(q->len, 5);
	assert_int_equal(ses_text_backspace(s), 0); /* the whole é */
	assert_string_equal(q->text, "caf");
	assert_int_equal(ses_text_insert(s, "\xe2\x82\xac"), 0); /* € */
	assert_int_equal(ses_text_backspace(s), 0);
	assert_string_equal(q->text, "caf");
	/* invalid UTF-8 and control characters are refused */
	assert_int_equal(ses_text_insert(s, "\xc3"), -1);
	assert_int_equal(ses_text_insert(s, "\xed\xa0\x80"), -1); /* surrogate */
	assert_int_equal(ses_text_insert(s, "a\nb"), -1);
	assert_string_equal(q->text, "caf");
	assert_int_equal(ses_text_insert(s, "\xc3\x89"), 0); /* É: case folds */
	assert_true(ses_can_check(s));
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	assert_int_equal(ses_text_insert(s, "x"), -1); /* settled */
	ses_close(s);

	/* Cyrillic and a wrong answer */
	s = ses_open(m, NULL, 1);
	go_to_id(s, m, "q-short");
	assert_int_equal(ses_text_insert(s, "\xd0\xba\xd0\xb0\xd1\x84\xd0\xb5"), 0);
	assert_int_equal(ses_check(s), SES_CHECK_WRONG);
	{
		char *t = ses_correct_text(&m->slides[i]);

		assert_string_equal(t, "Café");
		free(t);
	}
	ses_close(s);
	mod_free(m);
}

/* the field's editing keys: caret, Home/End, words, Ctrl+A */
static void
test_short_field_editing(void **state)
{
	mod_module *m = load("linear");
	ses_session *s = ses_open(m, NULL, 1);
	const ses_question *q;
	char *close;
	int i;

	(void)state;
	go_to_id(s, m, "q-short");
	i = ses_current(s);
	q = ses_q(s, i);
	assert_int_equal(ses_text_select_all(s), -1); /* nothing to select */
	assert_int_equal(ses_text_insert(s, "coffee shp"), 0);
	assert_int_equal(q->caret, 10);
	assert_int_equal(ses_text_move(s, SES_CARET_LEFT), 0);
	assert_int_equal(ses_text_insert(s, "o"), 0); /* at the caret */
	assert_string_equal(q->text, "coffee shop");
	assert_int_equal(q->caret, 10);
	assert_int_equal(ses_text_move(s, SES_CARET_HOME), 0);
	assert_int_equal(ses_text_delete(s, SES_DEL_CHAR_BACK), -1); /* at the start */
	assert_int_equal(ses_text_insert(s, "the "), 0);
	assert_string_equal(q->text, "the coffee shop");
	assert_int_equal(ses_text_move(s, SES_CARET_WORD_RIGHT), 0);
	assert_int_equal(q->caret, 10); /* after "coffee" */
	assert_int_equal(ses_text_move(s, SES_CARET_WORD_LEFT), 0);
	assert_int_equal(q->caret, 4);
	assert_int_equal(ses_text_delete(s, SES_DEL_WORD), 0); /* Ctrl+Delete */
	assert_string_equal(q->text, "the  shop");
	assert_int_equal(ses_text_move(s, SES_CARET_END), 0);
	assert_int_equal(ses_text_delete(s, SES_DEL_WORD_BACK), 0); /* Ctrl+Backspace */
	assert_string_equal(q->text, "the  ");
	assert_int_equal(ses_text_delete(s, SES_DEL_WORD_BACK), 0); /* and the spaces */
	assert_string_equal(q->text, "");
	assert_int_equal(ses_text_delete(s, SES_DEL_CHAR), -1);
	/* a character is never split: the caret steps over é whole */
	assert_int_equal(ses_text_insert(s, "caf\xc3\xa9"), 0);
	assert_int_equal(ses_text_move(s, SES_CARET_LEFT), 0);
	assert_int_equal(q->caret, 3);
	assert_int_equal(ses_text_delete(s, SES_DEL_CHAR), 0);
	assert_string_equal(q->text, "caf");
	/* Ctrl+A, then typing replaces everything; a move drops the selection */
	assert_int_equal(ses_text_select_all(s), 0);
	assert_true(q->all);
	assert_int_equal(ses_text_move(s, SES_CARET_HOME), 0);
	assert_false(q->all);
	assert_int_equal(ses_text_select_all(s), 0);
	assert_int_equal(ses_text_insert(s, "Cafes"), 0);
	assert_false(q->all);
	assert_string_equal(q->text, "Cafes");
	/* accepted as close (accent and plural): the feedback can say so */
	assert_null(ses_close_to(s, i)); /* not checked yet */
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	close = ses_close_to(s, i);
	assert_non_null(close);
	assert_string_equal(close, "Café");
	free(close);
	assert_int_equal(ses_text_select_all(s), -1); /* settled */
	ses_close(s);

	s = ses_open(m, NULL, 1);
	go_to_id(s, m, "q-short");
	assert_int_equal(ses_text_insert(s, "caf\xc3\xa9"), 0);
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	assert_null(ses_close_to(s, i)); /* exact: nothing to say */
	ses_close(s);
	mod_free(m);
}

/* after Try again, a short answer that reads the same to the judge is no
 * change: Check stays refused and no attempt is spent */
static void
test_short_unchanged(void **state)
{
	static const char yaml[] =
		"lectern: 1\nid: t\ntitle: T\nslides:\n"
		"  - id: q\n    type: short\n    question: Drink?\n"
		"    attempts: 2\n    accept: [coffee]\n";
	diag_list dl = { 0 };
	mod_module *m = loader_load_buf("t.yaml", NULL, yaml, sizeof yaml - 1, &dl);
	ses_session *s;
	const ses_question *q;

	(void)state;
	assert_non_null(m);
	s = ses_open(m, NULL, 1);
	q = ses_q(s, 0);
	assert_int_equal(ses_text_insert(s, "tea"), 0);
	assert_int_equal(ses_check(s), SES_CHECK_RETRY);
	assert_int_equal(ses_try_again(s), 0);
	assert_int_equal(ses_text_select_all(s), 0);
	assert_int_equal(ses_text_insert(s, " TEA "), 0);
	assert_true(ses_unchanged(s));
	assert_false(ses_can_check(s));
	assert_int_equal(ses_check(s), SES_CHECK_INCOMPLETE);
	assert_int_equal(q->tries, 1);
	assert_int_equal(ses_text_insert(s, "s"), 0); /* " TEA s": a change */
	assert_false(ses_unchanged(s));
	assert_int_equal(ses_check(s), SES_CHECK_WRONG);
	ses_close(s);
	mod_free(m);
	diag_free(&dl);
}

static void
test_reveal_shows_correct_answer(void **state)
{
	mod_module *m = load("linear");
	ses_session *s = ses_open(m, NULL, 9);
	int i, k;

	(void)state;
	for (i = 0; i < m->nslides; i++) {
		const ses_question *q;

		if (m->slides[i].qtype == Q_NONE) {
			assert_null(ses_q(s, i));
			continue;
		}
		ses_reveal(s, i);
		q = ses_q(s, i);
		assert_int_equal(q->state, SES_SETTLED);
		for (k = 0; k < q->n; k++)
			assert_true(ses_opt_mark(s, i, k) == SES_MARK_RIGHT ||
			            ses_opt_mark(s, i, k) == SES_MARK_NONE);
		if (m->slides[i].qtype == Q_ORDER || m->slides[i].qtype == Q_MATCH)
			for (k = 0; k < q->n; k++)
				assert_int_equal(ses_opt_mark(s, i, k), SES_MARK_RIGHT);
		if (m->slides[i].qtype == Q_SHORT)
			assert_string_equal(q->text, "Café");
	}
	/* nothing was recorded: every question on the path is unanswered */
	{
		const ses_results *r = ses_results_get(s);

		assert_true(r->nreview > 0);
		for (k = 0; k < r->nreview; k++)
			assert_false(r->review[k].answered);
		assert_int_equal(r->earned, 0);
	}
	ses_close(s);
	mod_free(m);
}

/* ------------------------------------------------------------ navigation */

/* answer every question on the way right, by keys, until the end. */
static void
answer_current(ses_session *s, const mod_module *m, const char *decision)
{
	int i = ses_current(s);
	const mod_slide *q = &m->slides[i];

	switch (q->qtype) {
	case Q_SINGLE: digit(s, "Beta"); break;
	case Q_MULTIPLE: digit(s, "Two"); digit(s, "Four"); break;
	case Q_TRUE_FALSE: ses_pick(s, q->answer ? 0 : 1); break;
	case Q_ORDER: order_by_keyboard(s, m, i); break;
	case Q_MATCH:
		ses_pick(s, pos(s, "Cat"));
		ses_match_right(s, rpos(s, "Meow"));
		ses_pick(s, pos(s, "Dog"));
		ses_match_right(s, rpos(s, "Woof"));
		ses_pick(s, pos(s, "Cow"));
		ses_match_right(s, rpos(s, "Moo"));
		break;
	case Q_SHORT: ses_text_insert(s, "coffee shop"); break;
	case Q_DECISION: digit(s, decision); break;
	default: return;
	}
	ses_check(s);
}

static void
test_linear_blocks_unanswered(void **state)
{
	mod_module *m = load("linear");
	ses_session *s = ses_open(m, NULL, 1);
	int single = mod_find_slide(m, "q-single");

	(void)state;
	assert_int_equal(ses_current(s), 0);
	assert_false(ses_can_back(s));
	assert_int_equal(ses_back(s), SES_NOWHERE);
	/* the contents: only what was reached */
	assert_true(ses_toc(s, 0).reachable);
	assert_true(ses_toc(s, 0).current);
	assert_string_equal(ses_toc(s, 0).section, "Basics");
	assert_string_equal(ses_toc(s, 0).title, "Welcome");
	assert_false(ses_toc(s, single).reachable);
	assert_int_equal(ses_goto(s, single), SES_NOWHERE);
	assert_int_equal(ses_next(s), SES_MOVED);
	assert_int_equal(ses_current(s), single);
	assert_false(ses_can_next(s));
	assert_int_equal(ses_next(s), SES_BLOCKED);
	assert_false(ses_toc(s, single).done);
	assert_string_equal(ses_toc(s, single).title, "Which letter is second?");
	/* a wrong answer with attempts left is answered: the learner may go on */
	digit(s, "Gamma");
	assert_int_equal(ses_check(s), SES_CHECK_RETRY);
	assert_true(ses_toc(s, single).done);
	assert_int_equal(ses_next(s), SES_MOVED);
	answer_current(s, m, NULL); /* multi */
	assert_int_equal(ses_next(s), SES_MOVED);
	answer_current(s, m, NULL); /* tf */
	assert_int_equal(ses_next(s), SES_MOVED);
	/* a practice question does not hold the learner */
	assert_string_equal(m->slides[ses_current(s)].id, "q-practice");
	assert_true(ses_can_next(s));
	assert_int_equal(ses_next(s), SES_MOVED);
	/* back and forth along the history; the contents open reached slides */
	assert_int_equal(ses_back(s), SES_MOVED);
	assert_string_equal(m->slides[ses_current(s)].id, "q-practice");
	assert_int_equal(ses_goto(s, single), SES_MOVED);
	assert_int_equal(ses_current(s), single);
	assert_int_equal(ses_back(s), SES_MOVED);
	assert_string_equal(m->slides[ses_current(s)].id, "q-practice");
	ses_close(s);
	mod_free(m);
}

static void
test_free_navigation(void **state)
{
	mod_module *m = load("free");
	ses_session *s = ses_open(m, NULL, 1);
	int i;

	(void)state;
	/* every listed slide opens; a decision's consequences are not listed
	 * before it is taken (learn/route.h), nor a slide nothing leads to */
	for (i = 0; i < m->nslides; i++) {
		const char *id = m->slides[i].id;
		int hidden = !strcmp(id, "left") || !strcmp(id, "right") ||
		             !strcmp(id, "unreachable");

		assert_int_equal(ses_toc(s, i).listed, !hidden);
		assert_int_equal(ses_toc(s, i).reachable, !hidden);
	}
	/* unanswered graded questions do not block */
	assert_int_equal(ses_goto(s, mod_find_slide(m, "q-order")), SES_MOVED);
	assert_true(ses_can_next(s));
	assert_int_equal(ses_next(s), SES_MOVED);
	assert_string_equal(m->slides[ses_current(s)].id, "q-match");
	/* an untaken decision follows its default path */
	ses_goto(s, mod_find_slide(m, "dec"));
	assert_int_equal(ses_next(s), SES_MOVED);
	assert_string_equal(m->slides[ses_current(s)].id, "left");
	assert_int_equal(ses_goto(s, mod_find_slide(m, "join")), SES_MOVED);
	assert_int_equal(ses_next(s), SES_FINISHED);
	assert_true(ses_at_results(s));
	assert_false(ses_toc(s, mod_find_slide(m, "join")).current);
	/* back from the results returns to the last slide */
	assert_int_equal(ses_back(s), SES_MOVED);
	assert_false(ses_at_results(s));
	assert_string_equal(m->slides[ses_current(s)].id, "join");
	ses_close(s);
	mod_free(m);
}

static void
test_decision_branch_and_rejoin(void **state)
{
	mod_module *m = load("linear");
	ses_session *s = ses_open(m, NULL, 1);
	const ses_results *r;
	int dec = mod_find_slide(m, "dec"), path[32], n, k, on_left = 0;

	(void)state;
	while (m->slides[ses_current(s)].qtype != Q_DECISION) {
		answer_current(s, m, NULL);
		assert_int_equal(ses_next(s), SES_MOVED);
	}
	assert_int_equal(ses_current(s), dec);
	assert_false(ses_can_next(s)); /* the path depends on the choice */
	digit(s, "Left");
	assert_int_equal(ses_check(s), SES_CHECK_WRONG);
	assert_string_equal(ses_opt_feedback(s, dec, pos(s, "Left")), "You went left.");
	assert_int_equal(ses_opt_mark(s, dec, pos(s, "Right")), SES_MARK_MISSED);
	assert_int_equal(ses_next(s), SES_MOVED);
	assert_string_equal(m->slides[ses_current(s)].id, "left");
	assert_int_equal(ses_next(s), SES_MOVED);
	assert_string_equal(m->slides[ses_current(s)].id, "join");
	/* back goes the way the learner came */
	assert_int_equal(ses_back(s), SES_MOVED);
	assert_string_equal(m->slides[ses_current(s)].id, "left");
	assert_int_equal(ses_back(s), SES_MOVED);
	assert_int_equal(ses_current(s), dec);
	assert_int_equal(ses_q(s, dec)->state, SES_SETTLED); /* cannot choose again */
	assert_int_equal(ses_pick(s, 0), -1);
	assert_int_equal(ses_next(s), SES_MOVED);
	assert_int_equal(ses_next(s), SES_MOVED);
	/* the right road was never on the path */
	n = ses_path(s, path, 32);
	for (k = 0; k < n; k++) {
		assert_string_not_equal(m->slides[path[k]].id, "right");
		assert_string_not_equal(m->slides[path[k]].id, "unreachable");
		on_left |= strcmp(m->slides[path[k]].id, "left") == 0;
	}
	assert_true(on_left);
	assert_false(ses_toc(s, mod_find_slide(m, "right")).reachable);
	assert_int_equal(ses_next(s), SES_FINISHED); /* join: next: end */
	assert_int_equal(ses_next(s), SES_NOWHERE);

	/* results: 7 graded points on the path, decision wrong, practice out */
	r = ses_results_get(s);
	assert_int_equal(r->possible, 7);
	assert_int_equal(r->earned, 6);
	assert_int_equal(r->score, 85); /* rounded down */
	assert_true(r->passed);
	assert_int_equal(r->pass_mark, 60);
	assert_int_equal(r->nsections, 3);
	assert_string_equal(r->sections[0].name, "Basics");
	assert_int_equal(r->sections[0].possible, 3);
	assert_string_equal(r->sections[1].name, "Harder");
	assert_int_equal(r->sections[1].percent, 100);
	assert_string_equal(r->sections[2].name, "Story");
	assert_int_equal(r->sections[2].percent, 0);
	/* the review lists every question seen, practice included */
	assert_int_equal(r->nreview, 8);
	for (k = 0; k < r->nreview; k++) {
		const ses_review_item *it = &r->review[k];

		assert_true(it->answered || m->slides[it->slide].points == 0);
		if (strcmp(m->slides[it->slide].id, "dec") == 0) {
			assert_string_equal(it->yours, "Left");
			assert_string_equal(it->right, "Right");
			assert_false(it->correct);
		}
		if (strcmp(m->slides[it->slide].id, "q-order") == 0)
			assert_string_equal(it->right, "1. One\n2. Two\n3. Three\n4. Four");
		if (strcmp(m->slides[it->slide].id, "q-match") == 0)
			assert_string_equal(it->yours,
			                    "Cat \xe2\x86\x92 Meow\nDog \xe2\x86\x92 Woof\n"
			                    "Cow \xe2\x86\x92 Moo");
		if (strcmp(m->slides[it->slide].id, "q-practice") == 0)
			assert_int_equal(it->points, 0);
	}
	ses_close(s);
	mod_free(m);
}

static void
test_decision_right_branch(void **state)
{
	mod_module *m = load("free");
	ses_session *s = ses_open(m, NULL, 1);

	(void)state;
	ses_goto(s, mod_find_slide(m, "dec"));
	digit(s, "Right");
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	assert_int_equal(ses_next(s), SES_MOVED);
	assert_string_equal(m->slides[ses_current(s)].id, "right");
	assert_int_equal(ses_next(s), SES_MOVED);
	assert_string_equal(m->slides[ses_current(s)].id, "join");
	assert_int_equal(ses_next(s), SES_FINISHED);
	/* the six graded questions jumped over are on the path with 0 points
	 * (score.h); the branch not taken is not */
	assert_int_equal(ses_results_get(s)->possible, 7);
	assert_int_equal(ses_results_get(s)->score, 14);
	assert_int_equal(ses_results_get(s)->nreview, 8);
	assert_false(ses_results_get(s)->review[0].answered);
	ses_close(s);
	mod_free(m);
}

static void
test_retake_without_store(void **state)
{
	mod_module *m = load("linear");
	ses_session *s = ses_open(m, NULL, 1);
	const ses_results *r;

	(void)state;
	do
		answer_current(s, m, "Right");
	while (ses_next(s) == SES_MOVED);
	assert_true(ses_at_results(s));
	r = ses_results_get(s);
	assert_int_equal(r->score, 100);
	assert_int_equal(r->attempt, 1);
	assert_int_equal(ses_retake(s), 0);
	assert_false(ses_at_results(s));
	assert_int_equal(ses_current(s), 0);
	assert_false(ses_toc(s, 1).reachable);
	assert_int_equal(ses_q(s, mod_find_slide(m, "q-single"))->state, SES_OPEN);
	assert_int_equal(ses_q(s, mod_find_slide(m, "q-single"))->tries, 0);
	ses_next(s);
	assert_int_equal(ses_next(s), SES_BLOCKED);
	r = ses_results_get(s);
	assert_int_equal(r->attempt, 2);
	assert_int_equal(r->best_score, 100);
	ses_close(s);
	mod_free(m);
}

/* ------------------------------------------------------------ store */

static char *
tmpdir(void)
{
	char tmpl[] = "/tmp/lectern-ses-XXXXXX";
	char *d = mkdtemp(tmpl);

	assert_non_null(d);
	return xstrdup(d);
}

static void
rmtree(const char *d)
{
	char *cmd = xasprintf("rm -rf '%s'", d);

	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static void
test_resume_from_store(void **state)
{
	mod_module *m = load("linear");
	char *dir = tmpdir();
	store *st = store_open(dir, NULL);
	long who = store_learner(st, "ana");
	ses_session *s = ses_open(m, st, who);
	int single = mod_find_slide(m, "q-single"), order = mod_find_slide(m, "q-order");
	int shown[4];

	(void)state;
	assert_true(store_is_saving(st));
	assert_false(ses_resumed(s));
	assert_non_null(ses_progress(s));
	ses_next(s);
	digit(s, "Alpha");
	assert_int_equal(ses_check(s), SES_CHECK_RETRY); /* one try left */
	ses_next(s);
	answer_current(s, m, NULL);
	ses_next(s);
	ses_next(s);
	answer_current(s, m, NULL); /* tf */
	ses_next(s);
	ses_next(s); /* past practice, now at the order question */
	assert_int_equal(ses_current(s), order);
	memcpy(shown, ses_q(s, order)->shown, sizeof shown);
	ses_close(s);
	store_close(st);

	/* a new program run */
	st = store_open(dir, NULL);
	who = store_learner(st, "ana");
	s = ses_open(m, st, who);
	assert_true(ses_resumed(s));
	assert_int_equal(ses_current(s), order);
	/* same order as before the break */
	assert_memory_equal(ses_q(s, order)->shown, shown, sizeof shown);
	/* earlier answers come back answered */
	assert_int_equal(ses_q(s, single)->state, SES_TRIED);
	assert_int_equal(ses_q(s, single)->tries, 1);
	assert_int_equal(ses_attempts_left(s, single), 1);
	assert_int_equal(ses_opt_mark(s, single, 0) == SES_MARK_WRONG ||
	                 ses_opt_mark(s, single, 1) == SES_MARK_WRONG ||
	                 ses_opt_mark(s, single, 2) == SES_MARK_WRONG, 1);
	assert_int_equal(ses_q(s, mod_find_slide(m, "q-multi"))->state, SES_SETTLED);
	assert_int_equal(ses_q(s, mod_find_slide(m, "q-multi"))->correct, 1);
	assert_true(ses_toc(s, single).reachable);
	assert_false(ses_toc(s, mod_find_slide(m, "q-match")).reachable);
	/* back walks the rebuilt history */
	assert_int_equal(ses_back(s), SES_MOVED);
	assert_string_equal(m->slides[ses_current(s)].id, "q-practice");
	ses_goto(s, single);
	assert_int_equal(ses_try_again(s), 0);
	digit(s, "Beta");
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	ses_goto(s, order);
	do
		answer_current(s, m, "Right");
	while (ses_next(s) == SES_MOVED);
	assert_true(ses_at_results(s));
	assert_int_equal(ses_results_get(s)->score, 100);
	assert_int_equal(ses_progress(s)->status, ST_PASSED);
	ses_close(s);
	store_close(st);

	/* a finished module opens on its results; retake starts again */
	st = store_open(dir, NULL);
	who = store_learner(st, "ana");
	s = ses_open(m, st, who);
	assert_true(ses_at_results(s));
	assert_int_equal(ses_results_get(s)->score, 100);
	assert_int_equal(ses_retake(s), 0);
	assert_int_equal(ses_results_get(s)->attempt, 2);
	assert_int_equal(ses_current(s), 0);
	assert_int_equal(ses_q(s, single)->state, SES_OPEN);
	ses_next(s);
	assert_int_equal(ses_next(s), SES_BLOCKED);
	ses_close(s);
	store_close(st);

	st = store_open(dir, NULL);
	who = store_learner(st, "ana");
	s = ses_open(m, st, who);
	assert_false(ses_at_results(s));
	assert_int_equal(ses_current(s), single);
	assert_int_equal(ses_q(s, single)->state, SES_OPEN); /* new attempt */
	assert_int_equal(ses_progress(s)->best_score, 100);
	ses_close(s);
	store_close(st);
	rmtree(dir);
	free(dir);
	mod_free(m);
}

static void
test_answer_committed_before_feedback(void **state)
{
	mod_module *m = load("linear");
	char *dir = tmpdir();
	store *st = store_open(dir, NULL);
	long who = store_learner(st, "ben");
	ses_session *s = ses_open(m, st, who);
	int single = mod_find_slide(m, "q-single");
	store *other;
	store_progress p;

	(void)state;
	ses_next(s);
	digit(s, "Beta");
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	/* another connection sees the answer as soon as check returns */
	other = store_open(dir, NULL);
	memset(&p, 0, sizeof p);
	assert_int_equal(store_begin(other, store_learner(other, "ben"), m, grade_judge, &p), 0);
	assert_non_null(p.response[single]);
	assert_string_equal(p.response[single], "1");
	assert_int_equal(p.correct[single], 1);
	store_progress_free(&p);
	store_close(other);
	ses_close(s);
	store_close(st);
	rmtree(dir);
	free(dir);
	mod_free(m);
}

/* answers as text, and bad stored responses that must not crash */
static void
test_response_text(void **state)
{
	mod_module *m = load("linear");
	const mod_slide *multi = &m->slides[mod_find_slide(m, "q-multi")];
	const mod_slide *order = &m->slides[mod_find_slide(m, "q-order")];
	const mod_slide *match = &m->slides[mod_find_slide(m, "q-match")];
	const mod_slide *tf = &m->slides[mod_find_slide(m, "q-tf")];
	char *t;

	(void)state;
	t = ses_response_text(multi, "0[,]2");
	assert_string_equal(t, "Two\nFour");
	free(t);
	t = ses_correct_text(multi);
	assert_string_equal(t, "Two\nFour");
	free(t);
	t = ses_response_text(order, "3[,]2[,]1[,]0");
	assert_string_equal(t, "1. Four\n2. Three\n3. Two\n4. One");
	free(t);
	t = ses_response_text(match, "0[.]1[,]1[.]0[,]2[.]2");
	assert_string_equal(t, "Cat \xe2\x86\x92 Woof\nDog \xe2\x86\x92 Meow\n"
	                       "Cow \xe2\x86\x92 Moo");
	free(t);
	t = ses_response_text(tf, "true");
	assert_string_equal(t, "True");
	free(t);
	t = ses_response_text(tf, NULL);
	assert_string_equal(t, "");
	free(t);
	/* malformed or out of range: nothing, never a crash */
	t = ses_response_text(multi, "7[,]x");
	assert_string_equal(t, "");
	free(t);
	t = ses_response_text(order, "9[,]0");
	assert_string_equal(t, "2. One");
	free(t);
	t = ses_response_text(match, "0[.]");
	assert_string_equal(t, "");
	free(t);
	mod_free(m);
}

/* invariants that every sequence of actions must keep */
static void
check_invariants(ses_session *s, const mod_module *m)
{
	int i, k, j;

	assert_true(ses_current(s) >= 0 && ses_current(s) < m->nslides);
	for (i = 0; i < m->nslides; i++) {
		const ses_question *q = ses_q(s, i);
		int *seen;

		if (!q)
			continue;
		/* positions are a permutation of the file's indices */
		seen = calloc((size_t)q->n + 1, sizeof *seen);
		for (k = 0; k < q->n; k++) {
			assert_true(q->shown[k] >= 0 && q->shown[k] < q->n);
			assert_false(seen[q->shown[k]]);
			seen[q->shown[k]] = 1;
		}
		free(seen);
		/* one right item per left item at most */
		for (k = 0; q->qtype == Q_MATCH && k < q->n; k++) {
			assert_true(q->pair[k] >= -1 && q->pair[k] < q->nright);
			for (j = k + 1; j < q->n && q->pair[k] >= 0; j++)
				assert_int_not_equal(q->pair[k], q->pair[j]);
		}
		if (q->qtype == Q_SINGLE || q->qtype == Q_TRUE_FALSE || q->qtype == Q_DECISION) {
			int n = 0;

			for (k = 0; k < q->n; k++)
				n += q->picked[k];
			assert_true(n <= 1);
		}
		assert_int_equal(strlen(q->text), q->len);
		assert_true(q->state != SES_OPEN || ses_attempts_left(s, i) > 0);
		assert_true(q->tries <= (m->slides[i].attempts > 0 ? m->slides[i].attempts : 1));
	}
}

/* thousands of random key presses and clicks, in both navigation modes:
 * nothing crashes, every invariant holds (run under ASan too). */
static void
test_random_operations(void **state)
{
	static const char *const texts[] = { "a", "\xc3\xa9", "\xd0\xba", " ", "Caf",
	                                     "\xe2\x82\xac", "\xff", "" };
	const char *nav[2] = { "linear", "free" };
	unsigned r = 12345;
	int mode, step;

	(void)state;
	for (mode = 0; mode < 2; mode++) {
		mod_module *m = load(nav[mode]);
		ses_session *s = ses_open(m, NULL, 3);

		for (step = 0; step < 6000; step++) {
			int op, a, b;

			r = r * 1103515245u + 12345u;
			op = (int)(r >> 16) % 16;
			a = (int)((r >> 8) % 7) - 1;
			b = (int)((r >> 4) % 7) - 1;
			switch (op) {
			case 0: ses_pick(s, a); break;
			case 1: ses_order_move(s, a, b); break;
			case 2: ses_order_step(s, a < 2 ? -1 : 1); break;
			case 3: ses_match_right(s, b); break;
			case 4: ses_match_pair(s, a, b); break;
			case 5: ses_match_unpair(s, a); break;
			case 6: ses_text_insert(s, texts[(r >> 3) % LT_NELEM(texts)]); break;
			case 7: ses_text_backspace(s); break;
			case 8: ses_check(s); break;
			case 9: ses_try_again(s); break;
			case 10: case 11: ses_next(s); break;
			case 12: ses_back(s); break;
			case 13:
				if ((r >> 21) % 8 == 0) /* now and then anywhere */
					ses_jump(s, (int)((r >> 12) % (unsigned)m->nslides));
				else
					ses_goto(s, a + 3);
				break;
			case 14: if ((r >> 20) % 40 == 0) ses_retake(s); break;
			default: ses_results_get(s); break;
			}
			check_invariants(s, m);
		}
		ses_close(s);
		mod_free(m);
	}
}

/* a store that cannot save (its folder cannot be made) keeps the session
 * going in memory: answering, finishing and retaking all work. */
static void
test_not_saving_store(void **state)
{
	mod_module *m = load("linear");
	store *st = store_open("/dev/null/lectern", NULL);
	ses_session *s;
	const ses_results *r;

	(void)state;
	assert_false(store_is_saving(st));
	assert_non_null(store_warning(st));
	s = ses_open(m, st, store_learner(st, "cy"));
	ses_next(s);
	digit(s, "Alpha");
	assert_int_equal(ses_check(s), SES_CHECK_RETRY);
	ses_try_again(s);
	digit(s, "Beta");
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	while (ses_next(s) == SES_MOVED)
		answer_current(s, m, "Right");
	assert_true(ses_at_results(s));
	r = ses_results_get(s);
	assert_int_equal(r->score, 100);
	assert_int_equal(ses_retake(s), 0);
	assert_int_equal(ses_current(s), 0);
	assert_int_equal(ses_q(s, mod_find_slide(m, "q-single"))->state, SES_OPEN);
	ses_close(s);
	store_close(st);
	mod_free(m);
}

/* one truth for a finished attempt's score: after a module edit changed a
 * question's type under the same id and version, the results screen said
 * 0% not passed while `progress` and `export` said passed 100% */
static void
test_recorded_score_is_the_truth(void **state)
{
	static const char v1[] =
		"lectern: 1\nid: truth\ntitle: Truth\nversion: '1'\nslides:\n"
		"  - id: q\n    question: Pick A\n    type: single\n    choices:\n"
		"      - text: A\n        correct: true\n      - text: B\n";
	static const char v2[] =
		"lectern: 1\nid: truth\ntitle: Truth\nversion: '1'\nslides:\n"
		"  - id: q\n    question: Is it A?\n    type: true-false\n"
		"    answer: true\n";
	diag_list dl = { 0 };
	mod_module *m1 = loader_load_buf("v1.yaml", NULL, v1, strlen(v1), &dl);
	mod_module *m2 = loader_load_buf("v2.yaml", NULL, v2, strlen(v2), &dl);
	char *dir = tmpdir();
	store *st = store_open(dir, NULL);
	long who = store_learner(st, "ana");
	ses_session *s;
	store_summary sum;

	(void)state;
	assert_non_null(m1);
	assert_non_null(m2);
	s = ses_open(m1, st, who);
	assert_int_equal(ses_pick(s, pos(s, "A")), 0);
	assert_int_equal(ses_check(s), SES_CHECK_CORRECT);
	assert_int_equal(ses_next(s), SES_FINISHED);
	assert_int_equal(ses_results_get(s)->score, 100);
	ses_close(s);

	s = ses_open(m2, st, who); /* the edited module */
	assert_true(ses_at_results(s));
	assert_int_equal(store_summary_get(st, who, "truth", &sum), 0);
	assert_int_equal(ses_results_get(s)->score, sum.score);
	assert_int_equal(ses_results_get(s)->passed, sum.status == ST_PASSED);
	assert_int_equal(sum.score, 100);
	ses_close(s);
	store_close(st);
	rmtree(dir);
	free(dir);
	mod_free(m1);
	mod_free(m2);
	diag_free(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recorded_score_is_the_truth),
		cmocka_unit_test(test_single_attempts_feedback),
		cmocka_unit_test(test_single_out_of_attempts_shows_answer),
		cmocka_unit_test(test_multiple_toggles),
		cmocka_unit_test(test_true_false_keys),
		cmocka_unit_test(test_order_shuffled_never_correct),
		cmocka_unit_test(test_order_keyboard_and_drag),
		cmocka_unit_test(test_match_pairing),
		cmocka_unit_test(test_match_right_column_never_aligned),
		cmocka_unit_test(test_short_utf8_editing),
		cmocka_unit_test(test_short_field_editing),
		cmocka_unit_test(test_short_unchanged),
		cmocka_unit_test(test_reveal_shows_correct_answer),
		cmocka_unit_test(test_linear_blocks_unanswered),
		cmocka_unit_test(test_free_navigation),
		cmocka_unit_test(test_decision_branch_and_rejoin),
		cmocka_unit_test(test_decision_right_branch),
		cmocka_unit_test(test_retake_without_store),
		cmocka_unit_test(test_resume_from_store),
		cmocka_unit_test(test_answer_committed_before_feedback),
		cmocka_unit_test(test_not_saving_store),
		cmocka_unit_test(test_response_text),
		cmocka_unit_test(test_random_operations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
