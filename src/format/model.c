/* model.c: small read-only helpers over a loaded module (see model.h).
 *
 * Slide ids are looked up through an open-addressing hash table (FNV-1a,
 * linear probing, at most half full) that lives in the module's arena, so
 * resolving every next:/goto: of a large module stays linear. */
#include "model.h"

#include <stdint.h>
#include <string.h>

static uint32_t
id_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

void
mod_index_ids(mod_module *m, void (*on_dup)(void *ctx, int i, int earlier),
              void *ctx)
{
	int size = 16, i;
	unsigned mask;

	while (size < 2 * m->nslides)
		size *= 2;
	m->id_index = arena_alloc(&m->mem, (size_t)size * sizeof *m->id_index);
	m->id_index_size = size;
	mask = (unsigned)size - 1;
	for (i = 0; i < m->nslides; i++) {
		unsigned h = id_hash(m->slides[i].id) & mask;
		int *slot;

		for (;;) {
			slot = &m->id_index[h];
			if (*slot == 0 || strcmp(m->slides[*slot - 1].id, m->slides[i].id) == 0)
				break;
			h = (h + 1) & mask;
		}
		if (*slot == 0)
			*slot = i + 1;
		else if (on_dup)
			on_dup(ctx, i, *slot - 1);
	}
}

int
mod_find_slide(const mod_module *m, const char *id)
{
	int i;

	if (!id)
		return -1;
	if (m->id_index_size > 0) {
		unsigned mask = (unsigned)m->id_index_size - 1;
		unsigned h = id_hash(id) & mask;

		for (; m->id_index[h]; h = (h + 1) & mask)
			if (strcmp(m->slides[m->id_index[h] - 1].id, id) == 0)
				return m->id_index[h] - 1;
		return -1;
	}
	for (i = 0; i < m->nslides; i++)
		if (strcmp(m->slides[i].id, id) == 0)
			return i;
	return -1;
}

int
mod_next_index(const mod_module *m, int i)
{
	int nx;

	if (i < 0 || i >= m->nslides)
		return NEXT_END;
	nx = m->slides[i].next_index;
	if (nx == NEXT_FOLLOWING)
		return i + 1 < m->nslides ? i + 1 : NEXT_END;
	if (nx < 0 || nx >= m->nslides)
		return NEXT_END;
	return nx;
}

char *
mod_accept_plain(const char *a, char *buf, size_t size)
{
	size_t n = 0;
	int keep = 1;

	if (size == 0)
		return buf;
	for (; a && *a && n + 1 < size; a++) {
		if (*a == '[')
			keep = 0;
		else if (*a == ']')
			keep = 1;
		else if (keep && !(*a == ' ' && (n == 0 || buf[n - 1] == ' ')))
			buf[n++] = *a; /* no doubled space where a part was left out */
	}
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	return buf;
}

const char *
mod_section_of(const mod_module *m, int i)
{
	if (i >= m->nslides)
		i = m->nslides - 1;
	for (; i >= 0; i--)
		if (m->slides[i].section)
			return m->slides[i].section;
	return NULL;
}

int
mod_is_graded(const mod_slide *s)
{
	return s->qtype != Q_NONE && s->points > 0;
}

const char *
mod_qtype_name(int qtype)
{
	static const char *const names[] = {
		"none", "single", "multiple", "true-false", "order", "match",
		"short", "decision"
	};

	if (qtype < 0 || qtype >= (int)(sizeof names / sizeof names[0]))
		return "?";
	return names[qtype];
}

void
mod_free(mod_module *m)
{
	if (!m)
		return;
	/* the struct itself lives in its own arena (see loader.c) */
	arena a = m->mem;

	arena_free(&a);
}
