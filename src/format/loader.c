/* loader.c: a module file (format v1) into a mod_module, checked.
 *
 * How it works: yamltree reads the file into a tree that lives in the new
 * module's own arena, so the module's strings simply point at the tree's
 * scalars (nothing is copied; the mod_module struct itself sits in the same
 * arena and mod_free releases everything at once). Then one walk over the
 * tree fills the model: top-level keys here, body blocks in loader_body.c,
 * questions in loader_quiz.c, every problem reported where it is and the
 * walk carrying on. Once all slides are known, loader_links.c resolves
 * next:/goto: and checks the paths. Everything is linear in the size of
 * the file. */
#include "loader.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/safefile.h"
#include "loader_int.h"
#include "base/util.h"

enum {
	TK_LECTERN, TK_ID, TK_TITLE, TK_LANGUAGE, TK_VERSION, TK_DESCRIPTION,
	TK_AUTHOR, TK_MINUTES, TK_PASS_MARK, TK_NAVIGATION, TK_SLIDES, TK_COUNT
};
static const char *const top_keys[TK_COUNT] = {
	"lectern", "id", "title", "language", "version", "description",
	"author", "minutes", "pass_mark", "navigation", "slides"
};

/* by SK_*; the keys from `type` on make sense only with question: */
const char *const ld_slide_keys[SK_COUNT] = {
	"id", "section", "title", "body", "next", "notes", "question", "type",
	"points", "attempts", "shuffle", "feedback", "explanation", "choices",
	"answer", "items", "pairs", "accept", "accents"
};

/* [a-z0-9][a-z0-9-]* for module ids. */
static int
valid_module_id(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (!(('a' <= s[i] && s[i] <= 'z') || ('0' <= s[i] && s[i] <= '9') ||
		      (s[i] == '-' && i > 0)))
			return 0;
	return i > 0 && i <= 64;
}

/* a BCP 47 tag in its common shape: 2-8 letters, then subtags of 1-8
 * letters or digits ("en", "pt-BR", "sr-Latn-RS"). */
static int
valid_language(const char *s)
{
	int n = 0, first = 1;

	for (;; s++) {
		if (*s == '-' || *s == '\0') {
			if (n < (first ? 2 : 1) || n > 8)
				return 0;
			if (*s == '\0')
				return 1;
			n = 0;
			first = 0;
		} else if ((('a' <= *s && *s <= 'z') || ('A' <= *s && *s <= 'Z')) ||
		           (!first && '0' <= *s && *s <= '9')) {
			n++;
		} else {
			return 0;
		}
	}
}

/* ---------------------------------------------------------------- slides */

static void
load_slide(ld_ctx *c, const yt_node *map, int i, mod_slide *s)
{
	const yt_node *sv[SK_COUNT];
	char got[64];
	int k;

	s->next_index = NEXT_FOLLOWING;
	s->line = map->line;
	s->col = map->col;
	if (map->type != YT_MAP) {
		ld_err(c, map, _("each slide must be a mapping with keys such as "
		       "`title:` and `body:`, got %s"), ld_got(map, got, sizeof got));
		s->id = "";
		return;
	}
	ld_check_keys(c, map, ld_slide_keys, SK_COUNT, N_("a slide"), sv);
	s->id = ld_text(c, sv[SK_ID], "id");
	if (s->id && !ld_valid_slide_id(s->id)) {
		ld_err(c, sv[SK_ID], _("slide `id` must be letters, digits, `-` and "
		       "`_` only, got %s"), ld_got(sv[SK_ID], got, sizeof got));
	} else if (s->id && strcmp(s->id, "end") == 0) {
		ld_err(c, sv[SK_ID], _("`end` cannot be a slide id: `next: end` means "
		       "the end of the module"));
	}
	if (!s->id) {
		char buf[32];

		snprintf(buf, sizeof buf, "slide-%d", i + 1);
		s->id = arena_strdup(&c->m->mem, buf);
	}
	s->section = ld_text(c, sv[SK_SECTION], "section");
	s->title = ld_text(c, sv[SK_TITLE], "title");
	s->notes = ld_text(c, sv[SK_NOTES], "notes");
	s->next = ld_text(c, sv[SK_NEXT], "next");
	if (s->next && strcmp(s->next, "end") != 0 && !ld_valid_slide_id(s->next))
		ld_err(c, sv[SK_NEXT], _("`next` must be a slide id or `end`, got %s"),
		       ld_got(sv[SK_NEXT], got, sizeof got));
	ld_body(c, sv[SK_BODY], s);
	if (sv[SK_QUESTION]) {
		ld_question(c, map, sv, s);
		if (s->qtype == Q_DECISION && s->next)
			ld_err(c, sv[SK_NEXT], _("`next` is not used on a decision: each "
			       "choice's `goto:` says where the learner goes"));
		return;
	}
	for (k = SK_TYPE; k < SK_COUNT; k++)
		if (sv[k])
			ld_err(c, ld_key_of(map, sv[k]), _("`%s` is only used on a "
			       "question slide; add `question:` with the prompt"),
			       ld_slide_keys[k]);
	if (!s->title && s->nblocks == 0)
		ld_warn(c, map, _("slide \"%s\" has no `title`, `body` or `question`: "
		        "it would show an empty screen"), s->id);
}

/* ---------------------------------------------------------------- top level */

/* Return 0, or -1 when the rest cannot be read (a newer format). */
static int
check_format(ld_ctx *c, const yt_node *root)
{
	const yt_node *v = yt_get(root, "lectern");
	char got[64];
	const char *s;
	long n = 0;

	if (!v) {
		ld_err(c, root, _("missing `lectern: 1` (the module format version) "
		       "at the top of the file"));
		return 0;
	}
	s = v->type == YT_SCALAR && v->plain ? v->str : "";
	if (*s >= '1' && *s <= '9') {
		for (; *s >= '0' && *s <= '9' && n < 1000000; s++)
			n = n * 10 + (*s - '0');
		if (*s == '\0' && n > LOADER_FORMAT) {
			ld_err(c, v, _("this module needs a newer Lectern: it uses "
			       "format %ld, and this Lectern reads format %d"), n,
			       LOADER_FORMAT);
			return -1;
		}
		if (*s == '\0') {
			c->m->format = (int)n;
			return 0;
		}
	}
	ld_err(c, v, _("`lectern` must be the format version, 1, got %s"),
	       ld_got(v, got, sizeof got));
	return 0;
}

static void
load_top(ld_ctx *c, const yt_node *root)
{
	mod_module *m = c->m;
	const yt_node *tv[TK_COUNT], *v, *slides;
	char got[64];
	int i;

	ld_check_keys(c, root, top_keys, TK_COUNT, N_("the module"), tv);
	v = tv[TK_ID];
	m->id = ld_req_text(c, root, v, "id", N_("every module needs a short id "
	                    "such as `customs-gifts` to keep progress under"));
	if (m->id && !valid_module_id(m->id)) {
		ld_err(c, v, _("module `id` must be lowercase letters, digits and "
		       "`-`, starting with a letter or digit, at most 64 characters, "
		       "got %s"), ld_got(v, got, sizeof got));
		m->id = NULL;
	}
	m->title = ld_req_text(c, root, tv[TK_TITLE], "title",
	                       N_("every module needs a title"));
	v = tv[TK_LANGUAGE];
	m->language = ld_text(c, v, "language");
	if (m->language && !valid_language(m->language)) {
		ld_err(c, v, _("`language` must be a language tag such as `en`, `fr` "
		       "or `pt-BR`, got %s"), ld_got(v, got, sizeof got));
		m->language = NULL;
	}
	if (!m->language)
		m->language = "en";
	m->version = ld_text(c, tv[TK_VERSION], "version");
	m->description = ld_text(c, tv[TK_DESCRIPTION], "description");
	m->author = ld_text(c, tv[TK_AUTHOR], "author");
	ld_int(c, tv[TK_MINUTES], "minutes", 0, 10000, &m->minutes);
	m->pass_mark = 80;
	ld_int(c, tv[TK_PASS_MARK], "pass_mark", 0, 100, &m->pass_mark);
	v = tv[TK_NAVIGATION];
	if (ld_text(c, v, "navigation")) {
		if (strcmp(v->str, "free") == 0) {
			m->nav_free = 1;
		} else if (strcmp(v->str, "linear") != 0) {
			static const char *const navs[] = { "linear", "free" };
			const char *hint = ld_suggest(v->str, navs, 2);

			ld_err(c, v, _("`navigation` must be `linear` or `free`, got %s%s%s%s"),
			       ld_got(v, got, sizeof got), hint ? _(" (did you mean `") : "",
			       hint ? hint : "", hint ? "`?)" : "");
		}
	}

	slides = tv[TK_SLIDES];
	if (!slides) {
		ld_err(c, root, _("missing `slides`: a module needs a list of slides"));
		return;
	}
	if (slides->type != YT_SEQ || slides->nkids == 0) {
		int dash = slides->type == YT_MAP && slides->nkids > 0 &&
		           slides->kids[0]->type == YT_SCALAR && slides->kids[0]->str[0] == '-';

		ld_err(c, slides, _("`slides` must be a non-empty list of slides, got %s%s"),
		       slides->type == YT_SEQ ? _("an empty list") : ld_got(slides, got, sizeof got),
		       dash ? _("; to start a list item, put a space after `-`") : "");
		return;
	}
	m->nslides = slides->nkids;
	m->slides = arena_alloc(&m->mem, (size_t)m->nslides * sizeof *m->slides);
	for (i = 0; i < m->nslides; i++)
		load_slide(c, slides->kids[i], i, &m->slides[i]);
	c->slides = slides;
	ld_links(c);
}

/* ---------------------------------------------------------------- entry */

static mod_module *
new_module(void)
{
	arena a = { 0 };
	mod_module *m = arena_alloc(&a, sizeof *m);

	m->mem = a;
	return m;
}

/* the walk over a loaded tree; frees m and returns NULL on errors. */
static mod_module *
finish(ld_ctx *c, yt_doc *doc)
{
	const yt_node *root = yt_root(doc);
	mod_module *m = c->m;
	int before = c->dl->nerrors;
	char got[64];

	if (c->dir) {
		c->realdir = realpath(c->dir, NULL);
		m->dir = arena_strdup(&m->mem, c->dir);
	}
	if (!root) {
		diag_add(c->dl, DIAG_ERROR, c->file, 1, 1, _("the file is empty: a "
		         "module starts with `lectern: 1`, `id:`, `title:` and `slides:`"));
	} else if (root->type != YT_MAP) {
		ld_err(c, root, _("a module must be a mapping of keys such as "
		       "`lectern:`, `id:`, `title:` and `slides:`, got %s"),
		       ld_got(root, got, sizeof got));
	} else if (check_format(c, root) == 0) {
		load_top(c, root);
	}
	if (c->hidden_errors)
		diag_add(c->dl, DIAG_ERROR, c->file, 0, 0, ngettext("%d more error "
		         "not shown", "%d more errors not shown", c->hidden_errors),
		         c->hidden_errors);
	yt_free(doc);
	free(c->realdir);
	if (c->dl->nerrors > before || c->nerrors) {
		mod_free(m);
		return NULL;
	}
	return m;
}

/* a context for loading file (relative paths inside it from dir) into a
 * new, empty module */
static void
ctx_start(ld_ctx *c, const char *file, const char *dir, diag_list *dl)
{
	c->m = new_module();
	c->file = file;
	c->dir = dir;
	c->dl = dl;
	c->m->path = arena_strdup(&c->m->mem, file);
	c->m->format = LOADER_FORMAT;
}

mod_module *
loader_load_buf(const char *name, const char *dir, const char *buf, size_t len,
                diag_list *dl)
{
	ld_ctx c = { 0 };
	yt_doc *doc;

	ctx_start(&c, name, dir, dl);
	doc = yt_load_buf_in(name, buf, len, &c.m->mem, dl);
	if (!doc) {
		mod_free(c.m);
		return NULL;
	}
	return finish(&c, doc);
}

mod_module *
loader_load(const char *path, diag_list *dl)
{
	ld_ctx c = { 0 };
	struct stat st;
	size_t n = strlen(path);
	char *file, *dir, *slash;
	yt_doc *doc;
	mod_module *m;

	while (n > 1 && path[n - 1] == '/')
		n--;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		dir = xstrndup(path, n);
		file = xasprintf("%s/module.yaml", dir);
		if (lstat(file, &st) != 0) {
			diag_add(dl, DIAG_ERROR, dir, 0, 0, _("not a module: this "
			         "directory has no module.yaml"));
			free(file);
			free(dir);
			return NULL;
		}
		/* refused before reading: its lines would otherwise show in
		 * error messages (a link to /etc/shadow, say) */
		if (S_ISLNK(st.st_mode) && !sf_inside(dir, file)) {
			diag_add(dl, DIAG_ERROR, file, 0, 0, _("module.yaml is a symbolic "
			         "link that leads outside the module directory; put the "
			         "file itself in the module"));
			free(file);
			free(dir);
			return NULL;
		}
	} else {
		file = xstrdup(path);
		slash = strrchr(file, '/');
		dir = slash ? xstrndup(file, (size_t)(slash - file) + (slash == file))
		            : xstrdup(".");
	}
	ctx_start(&c, file, dir, dl);
	doc = yt_load_file_in(file, &c.m->mem, dl);
	if (!doc) {
		mod_free(c.m);
		m = NULL;
	} else {
		m = finish(&c, doc);
	}
	free(file);
	free(dir);
	return m;
}
