/* yamltree.c: a YAML file read into a tree of yt_node, with limits.
 *
 * How it works: the whole file is read into memory (at most YT_MAX_FILE
 * bytes) and checked to be UTF-8 in one cheap pass, so a bad byte is reported
 * at its own line and column. Then libyaml's event parser runs over it and
 * each event becomes a node in an arena: scalars directly, sequences and
 * mappings through a fixed stack of open containers whose children wait on a
 * shared "kid stack" until the container ends and they are copied out.
 *
 * Aliases are not copied: `*a` puts the anchored node itself in its parent,
 * so a node may have several parents (the tree is a DAG). Each node knows its
 * weight, the number of nodes it stands for once aliases are expanded, and
 * every alias adds its target's weight to a budget of YT_MAX_NODES, and the
 * scalar bytes it stands for to a budget of YT_MAX_ALIAS_BYTES; a "billion
 * laughs" file, or a long paragraph aliased many times, therefore stops
 * after a few events. An alias to a
 * container that is still open would make a cycle, and is an error.
 *
 * The first problem ends the read: a syntax error leaves nothing sensible to
 * check, and limits exist to stop work early. */
#include "yamltree.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "base/clean.h"
#include "base/i18n.h"
#include "base/safefile.h"
#include "base/util.h"

struct yt_doc {
	arena own;         /* every node and string, unless the caller gave */
	arena *mem;        /* the arena in use: &own or the caller's */
	yt_node *root;     /* NULL for an empty document */
};

typedef struct {
	const char *name;  /* anchor name, in the arena; NULL = free slot */
	yt_node *node;
	long long weight;  /* nodes the anchor stands for, expanded */
	long long bytes;   /* scalar bytes it stands for, expanded */
	int open;          /* container not yet ended: an alias to it recurses */
} yt_anchor;

typedef struct {
	yt_node *node;     /* the open sequence or mapping */
	int kid0;          /* its first child on the kid stack */
	long long weight;  /* 1 + children's weights so far */
	long long bytes;   /* children's scalar bytes so far, expanded */
	yt_anchor *anchor; /* its anchor entry, or NULL */
} yt_frame;

typedef struct {
	const char *name;      /* file name for diagnostics */
	const unsigned char *buf;
	size_t len;
	diag_list *dl;
	arena *mem;
	yt_node *root;
	int ndocs;
	yt_frame stack[YT_MAX_DEPTH];
	int depth;
	yt_node **kids;        /* children of every open container */
	int nkids, capkids;
	yt_anchor *anchors;    /* open-addressing hash, capacity a power of 2 */
	size_t nanchors, capanchors;
	long long expanded;    /* nodes added by aliases so far */
	long long expanded_bytes; /* scalar bytes added by aliases so far */
} yt_reader;

/* ---------------------------------------------------------------- helpers */

/* 1-based line and column (in characters, as libyaml counts) of a byte
 * offset; a UTF-8 BOM at the start is not counted. */
static void
pos_of_offset(const unsigned char *buf, size_t len, size_t off, int *line,
              int *col)
{
	size_t i = 0;
	int l = 1, c = 1;

	if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
		i = 3;
	if (off > len)
		off = len;
	for (; i < off; i++) {
		if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= len || buf[i + 1] != '\n'))) {
			l++;
			c = 1;
		} else if ((buf[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/* byte offset of a 0-based libyaml mark (line, column in characters), or
 * len when it is past the end. */
static size_t
offset_of_mark(const unsigned char *buf, size_t len, const yaml_mark_t *m)
{
	size_t i = 0, line = 0, col = 0;

	if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
		i = 3;
	for (; i < len && line < m->line; i++)
		if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= len || buf[i + 1] != '\n')))
			line++;
	for (; i < len && col < m->column; col++) {
		i++;
		while (i < len && (buf[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

/* offset of the first byte that is not valid UTF-8 (strict: no overlong
 * forms, surrogates or code points past U+10FFFF), or len. */
static size_t
utf8_check(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned cp, min;

		if (c < 0x80) {
			uint64_t w;

			/* most text is ASCII: skip it eight bytes at a time */
			while (i + 8 <= len) {
				memcpy(&w, s + i, 8);
				if (w & 0x8080808080808080u)
					break;
				i += 8;
			}
			if (i < len && s[i] < 0x80)
				i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1; cp = c & 0x1F; min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2; cp = c & 0x0F; min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3; cp = c & 0x07; min = 0x10000;
		} else {
			return i;
		}
		if (len - i <= n)
			return i;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n + 1;
	}
	return len;
}

static void
err_at(yt_reader *r, int line, int col, const char *msg)
{
	diag_add(r->dl, DIAG_ERROR, r->name, line, col, "%s", msg);
}

static void
err_mark(yt_reader *r, const yaml_mark_t *m, const char *msg)
{
	err_at(r, (int)m->line + 1, (int)m->column + 1, msg);
}

/* ---------------------------------------------------------------- anchors */

static uint32_t
hash_str(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static yt_anchor *
anchor_slot(yt_reader *r, const char *name)
{
	size_t mask = r->capanchors - 1, i = hash_str(name) & mask;

	while (r->anchors[i].name && strcmp(r->anchors[i].name, name) != 0)
		i = (i + 1) & mask;
	return &r->anchors[i];
}

static yt_anchor *
anchor_find(yt_reader *r, const char *name)
{
	yt_anchor *a;

	if (!r->capanchors)
		return NULL;
	a = anchor_slot(r, name);
	return a->name ? a : NULL;
}

/* define (or redefine, as YAML allows) an anchor for node. */
static yt_anchor *
anchor_set(yt_reader *r, const char *name, yt_node *node)
{
	yt_anchor *a;

	if (2 * (r->nanchors + 1) > r->capanchors) {
		yt_anchor *old = r->anchors;
		size_t oldcap = r->capanchors;

		r->capanchors = oldcap ? 2 * oldcap : 64;
		r->anchors = xcalloc(r->capanchors, sizeof *r->anchors);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].name)
				*anchor_slot(r, old[i].name) = old[i];
		free(old);
	}
	a = anchor_slot(r, name);
	if (!a->name) {
		a->name = arena_strdup(r->mem, name);
		r->nanchors++;
	}
	a->node = node;
	a->weight = 1;
	a->bytes = node->type == YT_SCALAR ? (long long)node->len : 0;
	a->open = 0;
	return a;
}

/* ---------------------------------------------------------------- building */

static yt_node *
new_node(yt_reader *r, int type, const yaml_mark_t *m)
{
	yt_node *n = arena_alloc(r->mem, sizeof *n);

	n->type = type;
	n->line = (int)m->line + 1;
	n->col = (int)m->column + 1;
	return n;
}

/* attach a finished node (or an alias target) to the open container. */
static void
add_node(yt_reader *r, yt_node *n, long long weight, long long bytes)
{
	if (r->depth == 0) {
		r->root = n;
		return;
	}
	if (r->nkids == r->capkids) {
		r->capkids = r->capkids ? 2 * r->capkids : 256;
		r->kids = xrealloc(r->kids, (size_t)r->capkids * sizeof *r->kids);
	}
	r->kids[r->nkids++] = n;
	r->stack[r->depth - 1].weight += weight;
	r->stack[r->depth - 1].bytes += bytes;
}

/* a quoted scalar can hold any character through an escape ("\0", "\e",
 * "\x85"): a NUL cut "A\0B" to "A" and an id "abc\0../x" to "abc", and an
 * escape sequence reached the terminal. Tab and line break are text; every
 * other control character is refused. Return 0, or -1 after reporting. */
static int
control_in(yt_reader *r, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length, i;
	char msg[200];
	unsigned code;

	for (i = 0; i < n; i++) {
		if (v[i] == '\0')
			code = 0;
		else if (clean_control_at(v + i, "\t\n"))
			code = (unsigned char)v[i] == 0xC2 ? (unsigned char)v[i + 1]
			                                  : (unsigned char)v[i];
		else
			continue;
		snprintf(msg, sizeof msg, _("text contains the control character "
		         "U+%04X (written as an escape in quotes); only tabs and line "
		         "breaks are allowed"), code);
		err_mark(r, &ev->start_mark, msg);
		return -1;
	}
	return 0;
}

/* Return 0, or -1 after reporting an error. */
static int
on_scalar(yt_reader *r, yaml_event_t *ev)
{
	yt_node *n;

	if (ev->data.scalar.length > YT_MAX_SCALAR) {
		char msg[200];

		snprintf(msg, sizeof msg,
		         _("text is too long (%zu bytes; the limit is %d bytes)"),
		         ev->data.scalar.length, YT_MAX_SCALAR);
		err_mark(r, &ev->start_mark, msg);
		return -1;
	}
	if (control_in(r, ev) != 0)
		return -1;
	n = new_node(r, YT_SCALAR, &ev->start_mark);
	n->str = arena_strndup(r->mem, (const char *)ev->data.scalar.value,
	                       ev->data.scalar.length);
	n->len = ev->data.scalar.length;
	n->plain = ev->data.scalar.plain_implicit &&
	           ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (ev->data.scalar.anchor)
		anchor_set(r, (const char *)ev->data.scalar.anchor, n);
	add_node(r, n, 1, (long long)n->len);
	return 0;
}

static int
on_start(yt_reader *r, yaml_event_t *ev, int type)
{
	yaml_char_t *anchor = type == YT_SEQ ? ev->data.sequence_start.anchor
	                                     : ev->data.mapping_start.anchor;
	yt_frame *f;

	if (r->depth == YT_MAX_DEPTH) {
		char msg[120];

		snprintf(msg, sizeof msg,
		         _("nesting is too deep (the limit is %d levels)"),
		         YT_MAX_DEPTH);
		err_mark(r, &ev->start_mark, msg);
		return -1;
	}
	f = &r->stack[r->depth++];
	f->node = new_node(r, type, &ev->start_mark);
	f->kid0 = r->nkids;
	f->weight = 1;
	f->bytes = 0;
	f->anchor = NULL;
	if (anchor) {
		f->anchor = anchor_set(r, (const char *)anchor, f->node);
		f->anchor->open = 1;
	}
	return 0;
}

static void
on_end(yt_reader *r)
{
	yt_frame *f = &r->stack[--r->depth];
	yt_node *n = f->node;
	int k = r->nkids - f->kid0;

	n->nkids = k;
	if (k > 0) {
		n->kids = arena_alloc(r->mem, (size_t)k * sizeof *n->kids);
		memcpy(n->kids, r->kids + f->kid0, (size_t)k * sizeof *n->kids);
	}
	r->nkids = f->kid0;
	/* the anchor may have been redefined inside this container */
	if (f->anchor && f->anchor->node == n) {
		f->anchor->open = 0;
		f->anchor->weight = f->weight;
		f->anchor->bytes = f->bytes;
	}
	add_node(r, n, f->weight, f->bytes);
}

static int
on_alias(yt_reader *r, yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	yt_anchor *a = anchor_find(r, name);
	char msg[300];

	if (!a) {
		snprintf(msg, sizeof msg, _("alias *%.100s refers to no anchor &%.100s "
		         "defined before it; text that starts with `*` (such as "
		         "**bold**) must be put in quotes"), name, name);
		err_mark(r, &ev->start_mark, msg);
		return -1;
	}
	if (a->open) {
		snprintf(msg, sizeof msg, _("alias *%.100s is recursive: it is used "
		         "inside the node anchored as &%.100s"), name, name);
		err_mark(r, &ev->start_mark, msg);
		return -1;
	}
	r->expanded += a->weight;
	if (r->expanded > YT_MAX_NODES) {
		snprintf(msg, sizeof msg, _("aliases expand to too many nodes (the "
		         "limit is %d); use fewer or smaller aliases"), YT_MAX_NODES);
		err_mark(r, &ev->start_mark, msg);
		return -1;
	}
	/* nodes alone are not enough: 20,000 aliases of one 1 MiB paragraph
	 * are 20,000 nodes but 20 GB of text to lay out */
	r->expanded_bytes += a->bytes;
	if (r->expanded_bytes > YT_MAX_ALIAS_BYTES) {
		snprintf(msg, sizeof msg, _("aliases expand to too much text (more "
		         "than %d MiB); use fewer or shorter aliases"),
		         YT_MAX_ALIAS_BYTES / (1024 * 1024));
		err_mark(r, &ev->start_mark, msg);
		return -1;
	}
	add_node(r, a->node, a->weight, a->bytes);
	return 0;
}

/* what a trainer most likely did, for libyaml's commonest complaints. */
static const char *
syntax_hint(const yaml_parser_t *p)
{
	const char *pr = p->problem ? p->problem : "";
	const char *cx = p->context ? p->context : "";

	if (strstr(cx, "quoted scalar"))
		return _("; a text in quotes is not closed");
	if (strstr(cx, "alias") || strstr(pr, "alias"))
		return _("; text that starts with `*` (such as **bold**) must be "
		         "put in quotes");
	if (strstr(pr, "mapping values are not allowed"))
		return _("; text that contains `: ` must be put in quotes");
	if (strstr(pr, "cannot start any token"))
		return _("; text that starts with `@` or a backtick must be put in "
		         "quotes");
	if (strstr(pr, "did not find expected key") ||
	    strstr(pr, "did not find expected '-' indicator"))
		return _("; check that this line is indented like the lines it "
		         "belongs with");
	return "";
}

/* report libyaml's error at the position it gives. */
static void
parser_error(yt_reader *r, yaml_parser_t *p)
{
	char msg[400];
	int line, col;

	if (p->error == YAML_MEMORY_ERROR)
		die("out of memory");
	if (p->error == YAML_READER_ERROR) {
		/* the bytes are valid UTF-8 by now: a control character */
		pos_of_offset(r->buf, r->len, p->problem_offset, &line, &col);
		snprintf(msg, sizeof msg, _("the file contains a character that is "
		         "not allowed in YAML (code %d)"), p->problem_value);
		err_at(r, line, col, msg);
		return;
	}
	line = (int)p->problem_mark.line + 1;
	col = (int)p->problem_mark.column + 1;
	if (p->problem && strstr(p->problem, "tab")) {
		err_at(r, line, col, _("YAML syntax error: a tab is not allowed "
		       "here; indent with spaces"));
		return;
	}
	if (p->problem && strcmp(p->problem, "found character that cannot start any token") == 0) {
		size_t off = offset_of_mark(r->buf, r->len, &p->problem_mark);

		if (off < r->len && r->buf[off] == '\t') {
			err_at(r, line, col, _("YAML syntax error: a tab is not allowed "
			       "here; indent with spaces"));
			return;
		}
	}
	if (p->context)
		snprintf(msg, sizeof msg, _("YAML syntax error: %s (%s at line %d)%s"),
		         p->problem ? p->problem : "?", p->context,
		         (int)p->context_mark.line + 1, syntax_hint(p));
	else
		snprintf(msg, sizeof msg, _("YAML syntax error: %s%s"),
		         p->problem ? p->problem : "?", syntax_hint(p));
	err_at(r, line, col, msg);
}

/* run the event loop; Return 0, or -1 after reporting an error. */
static int
parse(yt_reader *r)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int rc = 0, done = 0;

	if (!yaml_parser_initialize(&p))
		die("out of memory");
	yaml_parser_set_input_string(&p, r->buf, r->len);
	while (!done && rc == 0) {
		if (!yaml_parser_parse(&p, &ev)) {
			parser_error(r, &p);
			rc = -1;
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++r->ndocs > 1) {
				err_mark(r, &ev.start_mark, _("only one YAML document is "
				         "allowed per file (remove this `---` and what "
				         "follows, or put it in its own file)"));
				rc = -1;
			}
			break;
		case YAML_SCALAR_EVENT:
			rc = on_scalar(r, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			rc = on_start(r, &ev, YT_SEQ);
			break;
		case YAML_MAPPING_START_EVENT:
			rc = on_start(r, &ev, YT_MAP);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			on_end(r);
			break;
		case YAML_ALIAS_EVENT:
			rc = on_alias(r, &ev);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return rc;
}

/* ---------------------------------------------------------------- public */

yt_doc *
yt_load_buf(const char *name, const char *buf, size_t len, diag_list *dl)
{
	return yt_load_buf_in(name, buf, len, NULL, dl);
}

yt_doc *
yt_load_file(const char *path, diag_list *dl)
{
	return yt_load_file_in(path, NULL, dl);
}

yt_doc *
yt_load_buf_in(const char *name, const char *buf, size_t len, arena *mem,
               diag_list *dl)
{
	yt_reader r;
	yt_doc *doc;
	size_t bad;
	int rc;

	memset(&r, 0, sizeof r);
	r.name = name;
	r.buf = (const unsigned char *)buf;
	r.len = len;
	r.dl = dl;
	if (len > YT_MAX_FILE) {
		diag_add(dl, DIAG_ERROR, name, 1, 1,
		         _("the file is too large (%zu bytes; the limit is %d MiB)"),
		         len, YT_MAX_FILE / (1024 * 1024));
		return NULL;
	}
	if (len >= 2 && ((r.buf[0] == 0xFF && r.buf[1] == 0xFE) ||
	                 (r.buf[0] == 0xFE && r.buf[1] == 0xFF))) {
		diag_add(dl, DIAG_ERROR, name, 1, 1, _("the file is saved as UTF-16; "
		         "save it with UTF-8 encoding"));
		return NULL;
	}
	bad = utf8_check(r.buf, len);
	if (bad < len) {
		int line, col;

		pos_of_offset(r.buf, len, bad, &line, &col);
		diag_add(dl, DIAG_ERROR, name, line, col,
		         _("the file is not valid UTF-8 text (byte 0x%02X here); "
		         "save it with UTF-8 encoding"), r.buf[bad]);
		return NULL;
	}
	doc = xcalloc(1, sizeof *doc);
	doc->mem = mem ? mem : &doc->own;
	r.mem = doc->mem;
	rc = parse(&r);
	free(r.kids);
	free(r.anchors);
	if (rc != 0) {
		yt_free(doc);
		return NULL;
	}
	doc->root = r.root;
	return doc;
}

yt_doc *
yt_load_file_in(const char *path, arena *mem, diag_list *dl)
{
	char *buf, err[300];
	size_t n;
	yt_doc *doc;

	/* a FIFO or device would block the read for good: sf_read refuses
	 * anything but a regular file */
	if (sf_read(path, 0, YT_MAX_FILE, &buf, &n, err, sizeof err) != 0) {
		int at = errno == EFBIG;

		diag_add(dl, DIAG_ERROR, path, at, at, "%s", err);
		return NULL;
	}
	doc = yt_load_buf_in(path, buf, n, mem, dl);
	free(buf);
	return doc;
}

const yt_node *
yt_root(const yt_doc *doc)
{
	return doc ? doc->root : NULL;
}

void
yt_free(yt_doc *doc)
{
	if (!doc)
		return;
	arena_free(&doc->own);
	free(doc);
}

const yt_node *
yt_get(const yt_node *map, const char *key)
{
	int i;

	if (!map || map->type != YT_MAP)
		return NULL;
	for (i = 0; i + 1 < map->nkids; i += 2)
		if (map->kids[i]->type == YT_SCALAR && map->kids[i]->str[0] == key[0] &&
		    strcmp(map->kids[i]->str, key) == 0)
			return map->kids[i + 1];
	return NULL;
}
