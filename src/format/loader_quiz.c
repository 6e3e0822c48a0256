/* loader_quiz.c: the question part of a slide (question: and its keys).
 *
 * Each question type takes its answer from one key (choices, answer, items,
 * pairs or accept); the table below says which, so a key that belongs to
 * another type is reported with the type it would fit. The rules that make
 * a question answerable are checked here: exactly one correct choice for
 * single and decision (two suggest `type: multiple`), at least one for
 * multiple, a goto on every decision choice. Goto targets are resolved by
 * loader.c once every slide id is known. */
#include "loader_int.h"

#include <string.h>

#include "base/i18n.h"
#include "base/util.h"

/* indexed by enum mod_qtype - 1 */
static const char *const qtypes[] = {
	"single", "multiple", "true-false", "order", "match", "short", "decision"
};
/* the slide key (SK_*) each type takes its answer from */
static const int answer_key[] = {
	SK_CHOICES, SK_CHOICES, SK_ANSWER, SK_ITEMS, SK_PAIRS, SK_ACCEPT, SK_CHOICES
};
enum { CK_TEXT, CK_CORRECT, CK_FEEDBACK, CK_GOTO, CK_COUNT };
static const char *const choice_keys[CK_COUNT] = { "text", "correct", "feedback", "goto" };
static const char *const feedback_keys[] = { "correct", "incorrect" };

/* "got ..." for a list that is too short, or not a list. */
static const char *
how_many(const yt_node *v, char *buf, size_t size)
{
	if (v->type != YT_SEQ)
		return ld_got(v, buf, size);
	return v->nkids ? _("only one") : _("an empty list");
}

/* 1 after reporting that list v, the value of key, holds more entries
 * than grading judges */
static int
too_many(ld_ctx *c, const yt_node *v, const char *key)
{
	if (v->type != YT_SEQ || v->nkids <= MOD_MAX_ITEMS)
		return 0;
	ld_err(c, v, _("`%s` has %d entries; a question may have at most %d"),
	       key, v->nkids, MOD_MAX_ITEMS);
	return 1;
}

/* the accepted answers' optional parts: [ and ] in pairs, not nested,
 * not empty, at most GRADE_MAX_OPTIONAL (6) per answer, so an answer never
 * spells more than 64 ways (learn/grade.c expands them). */
static void
check_accept(ld_ctx *c, const yt_node *v, const mod_slide *s)
{
	int i;

	for (i = 0; i < s->naccept; i++) {
		const char *p = s->accept[i], *open = NULL;
		const yt_node *at = v && v->type == YT_SEQ && i < v->nkids ? v->kids[i] : v;
		int groups = 0, bad = 0;

		for (; *p && !bad; p++) {
			if (*p == '[') {
				bad = open != NULL;
				open = p;
			} else if (*p == ']') {
				bad = !open || p == open + 1;
				open = NULL;
				groups++;
			}
		}
		if (bad || open)
			ld_err(c, at, _("in `accept`, [ and ] mark an optional part, as in "
			       "\"conflict[s] of interest\": each [ needs its ], with text "
			       "between and no [ inside"));
		else if (groups > 6)
			ld_err(c, at, _("in `accept`, an answer may have at most 6 optional "
			       "[parts]; list the other spellings as answers of their own"));
	}
}

/* load choices: for single, multiple and decision. */
static void
load_choices(ld_ctx *c, const yt_node *v, mod_slide *s)
{
	const char *type = qtypes[s->qtype - 1];
	const yt_node *second = NULL;
	int i, ncorrect = 0;
	char got[64];

	if (v->type != YT_SEQ || v->nkids < 2) {
		ld_err(c, v, _("`choices` must be a list of at least two choices, got %s"),
		       how_many(v, got, sizeof got));
		return;
	}
	if (too_many(c, v, "choices"))
		return;
	s->choices = arena_alloc(&c->m->mem, (size_t)v->nkids * sizeof *s->choices);
	s->nchoices = v->nkids;
	for (i = 0; i < v->nkids; i++) {
		const yt_node *it = v->kids[i], *cv[CK_COUNT];
		mod_choice *ch = &s->choices[i];

		ch->line = it->line;
		ch->col = it->col;
		ch->go_to_index = -1;
		if (it->type == YT_SCALAR && !ld_is_null(it)) {
			ch->text = it->str;
			if (s->qtype == Q_DECISION)
				ld_err(c, it, _("a decision choice needs `goto:`; write it as "
				       "`- text: ...` with `goto: SLIDE-ID`"));
			continue;
		}
		if (it->type != YT_MAP) {
			ld_err(c, it, _("each choice must be text or a mapping with "
			       "`text:`, got %s"), ld_got(it, got, sizeof got));
			ch->text = "";
			continue;
		}
		ld_check_keys(c, it, choice_keys, CK_COUNT, N_("a choice"), cv);
		ch->text = ld_req_text(c, it, cv[CK_TEXT], "text",
		                       N_("the words of this choice"));
		if (!ch->text)
			ch->text = "";
		ld_bool(c, cv[CK_CORRECT], "correct", &ch->correct);
		ch->feedback = ld_text(c, cv[CK_FEEDBACK], "feedback");
		if (s->qtype == Q_DECISION) {
			ch->go_to = ld_req_text(c, it, cv[CK_GOTO], "goto", N_("the slide "
			                        "id that shows what follows this choice"));
		} else if (cv[CK_GOTO]) {
			ld_err(c, cv[CK_GOTO], _("`goto` is only used in `decision` questions; this is "
			       "a `%s` question"), type);
		}
		if (ch->correct && ++ncorrect == 2)
			second = it;
	}
	if (ncorrect == 0) {
		if (s->qtype == Q_MULTIPLE)
			ld_err(c, v, _("no choice is marked `correct: true`: a `multiple` "
			       "question needs at least one"));
		else if (s->qtype == Q_SINGLE)
			ld_err(c, v, _("no choice is marked `correct: true`: a `single` "
			       "question needs exactly one"));
		else
			ld_err(c, v, _("no choice is marked `correct: true`: a decision "
			       "needs its one best choice marked"));
	} else if (ncorrect > 1 && s->qtype == Q_SINGLE) {
		ld_err(c, second, _("a `single` question has %d correct choices; use "
		       "`type: multiple` when more than one is right"), ncorrect);
	} else if (ncorrect > 1 && s->qtype == Q_DECISION) {
		ld_err(c, second, _("a decision has one best choice, but %d are marked "
		       "`correct: true`"), ncorrect);
	}
}

static void
load_pairs(ld_ctx *c, const yt_node *v, mod_slide *s)
{
	char got[64];
	int i;

	if (v->type != YT_SEQ || v->nkids < 2) {
		ld_err(c, v, _("`pairs` must be a list of at least two `[left, right]` "
		       "pairs, got %s"), how_many(v, got, sizeof got));
		return;
	}
	if (too_many(c, v, "pairs"))
		return;
	s->left = arena_alloc(&c->m->mem, (size_t)v->nkids * sizeof *s->left);
	s->right = arena_alloc(&c->m->mem, (size_t)v->nkids * sizeof *s->right);
	for (i = 0; i < v->nkids; i++) {
		const yt_node *p = v->kids[i];

		if (p->type != YT_SEQ || p->nkids != 2 ||
		    p->kids[0]->type != YT_SCALAR || ld_is_null(p->kids[0]) ||
		    p->kids[1]->type != YT_SCALAR || ld_is_null(p->kids[1])) {
			ld_err(c, p, _("each pair must be a list of two texts, `[left, "
			       "right]`, got %s"), ld_got(p, got, sizeof got));
			continue;
		}
		s->left[s->npairs] = p->kids[0]->str;
		s->right[s->npairs++] = p->kids[1]->str;
	}
}

/* the answer key of the type: present, of the right shape. */
static void
load_answer(ld_ctx *c, const yt_node *map, const yt_node *const *sv,
            mod_slide *s)
{
	const char *key = ld_slide_keys[answer_key[s->qtype - 1]];
	const yt_node *v = sv[answer_key[s->qtype - 1]];
	int n;

	if (!v) {
		static const char *const why[] = {
			N_("the list of choices"), N_("the list of choices"),
			N_("`true` or `false`"), N_("the items in their correct order"),
			N_("the list of `[left, right]` pairs"),
			N_("the list of accepted answers"), N_("the list of choices")
		};

		ld_err(c, map, _("a `%s` question needs `%s:` (%s)"),
		       qtypes[s->qtype - 1], key, _(why[s->qtype - 1]));
		return;
	}
	switch (s->qtype) {
	case Q_SINGLE:
	case Q_MULTIPLE:
	case Q_DECISION:
		load_choices(c, v, s);
		break;
	case Q_TRUE_FALSE:
		if (ld_is_null(v))
			ld_err(c, v, _("`answer` must be true or false, got nothing"));
		else
			ld_bool(c, v, "answer", &s->answer);
		break;
	case Q_ORDER:
		n = too_many(c, v, "items") ? -1 : ld_text_list(c, v, "items", 2, &s->items);
		s->nitems = n < 0 ? 0 : n;
		break;
	case Q_MATCH:
		load_pairs(c, v, s);
		break;
	case Q_SHORT:
		n = ld_text_list(c, v, "accept", 1, &s->accept);
		s->naccept = n < 0 ? 0 : n;
		check_accept(c, v, s);
		break;
	}
}

void
ld_question(ld_ctx *c, const yt_node *map, const yt_node *const *sv,
            mod_slide *s)
{
	const yt_node *v, *fv[2];
	char got[64];
	int t, k;

	s->question = ld_req_text(c, map, sv[SK_QUESTION], "question",
	                          N_("the prompt the learner answers"));
	s->qtype = Q_SINGLE;
	s->points = 1;
	s->attempts = 1;
	v = sv[SK_TYPE];
	if (ld_text(c, v, "type")) {
		for (t = 0; t < (int)LT_NELEM(qtypes); t++)
			if (strcmp(v->str, qtypes[t]) == 0)
				break;
		if (t == (int)LT_NELEM(qtypes)) {
			const char *hint = ld_suggest(v->str, qtypes, (int)LT_NELEM(qtypes));

			ld_err(c, v, _("`type` must be one of single, multiple, true-false, "
			       "order, match, short or decision, got %s%s%s%s"),
			       ld_got(v, got, sizeof got), hint ? _(" (did you mean `") : "",
			       hint ? hint : "", hint ? "`?)" : "");
			s->qtype = Q_NONE;
		} else {
			s->qtype = t + 1;
		}
	}
	ld_int(c, sv[SK_POINTS], "points", 0, 1000, &s->points);
	ld_int(c, sv[SK_ATTEMPTS], "attempts", 1, 100, &s->attempts);
	ld_bool(c, sv[SK_SHUFFLE], "shuffle", &s->shuffle);
	v = sv[SK_ACCENTS];
	if (v && ld_text(c, v, "accents")) {
		if (strcmp(v->str, "strict") == 0)
			s->strict_accents = 1;
		else if (strcmp(v->str, "forgiving") != 0)
			ld_err(c, v, _("`accents` must be strict or forgiving, got %s"),
			       ld_got(v, got, sizeof got));
		if (s->qtype != Q_SHORT && s->qtype != Q_NONE)
			ld_err(c, ld_key_of(map, v), _("`accents` is used only by a `short` "
			       "question"));
	}
	s->explanation = ld_text(c, sv[SK_EXPLANATION], "explanation");
	v = sv[SK_FEEDBACK];
	if (v && v->type == YT_MAP) {
		ld_check_keys(c, v, feedback_keys, 2, N_("`feedback`"), fv);
		s->fb_correct = ld_text(c, fv[0], "correct");
		s->fb_incorrect = ld_text(c, fv[1], "incorrect");
	} else if (!ld_is_null(v)) {
		ld_err(c, v, _("`feedback` must be a mapping with `correct:` and/or "
		       "`incorrect:` texts, got %s"), ld_got(v, got, sizeof got));
	}
	if (s->qtype == Q_NONE) {
		s->qtype = Q_SINGLE; /* keep the model sane; the module is rejected */
		return;
	}
	if (s->qtype == Q_DECISION) {
		v = sv[SK_ATTEMPTS];
		if (v && !ld_is_null(v) && s->attempts != 1)
			ld_err(c, v, _("a decision always has one attempt: the learner "
			       "lives with the choice; remove `attempts`"));
		s->attempts = 1;
	}
	/* answer keys that belong to other types */
	for (k = SK_CHOICES; k <= SK_ACCEPT; k++) {
		int owner;

		if (!sv[k] || k == answer_key[s->qtype - 1])
			continue;
		for (owner = 0; answer_key[owner] != k; owner++)
			;
		ld_err(c, ld_key_of(map, sv[k]), _("`%s` is not used by a `%s` question (it "
		       "belongs to %s)"), ld_slide_keys[k], qtypes[s->qtype - 1],
		       k == SK_CHOICES ? "single, multiple and decision" : qtypes[owner]);
	}
	load_answer(c, map, sv, s);
}
