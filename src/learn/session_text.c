/* session_text.c: editing a short answer (see session.h).
 *
 * The typed text is UTF-8 with a caret, a byte offset that always sits on
 * the first byte of a character (or at the end). "All selected" is the one
 * selection there is (Ctrl+A): the next typed text replaces everything, a
 * deletion clears it, a caret move drops the selection. Words are runs of
 * characters that are not spaces, as in a one-line field of any desktop:
 * Ctrl+Left/Right jump over them, Ctrl+Backspace/Delete remove them. */
#include "session_priv.h"

#include <string.h>

#include "base/util.h"

enum { SES_TEXT_MAX = 2000 }; /* bytes of a short answer */

/* length of the valid UTF-8 sequence at p (1..4), or 0 when invalid. */
static int
utf8_len(const unsigned char *p)
{
	int n, k;
	unsigned long c;

	if (p[0] < 0x80)
		return 1;
	if ((p[0] & 0xe0) == 0xc0) { n = 2; c = p[0] & 0x1f; }
	else if ((p[0] & 0xf0) == 0xe0) { n = 3; c = p[0] & 0x0f; }
	else if ((p[0] & 0xf8) == 0xf0) { n = 4; c = p[0] & 0x07; }
	else return 0;
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[k] & 0x3f);
	}
	/* overlong forms, surrogates and values past U+10FFFF */
	if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	return n;
}

/* the open short question, or NULL. */
static ses_question *
field(ses_session *s)
{
	ses_slot *sl = sesq_open_slot(s);

	return sl && sl->q.qtype == Q_SHORT ? &sl->q : NULL;
}

/* the start of the character before / after byte offset i. */
static size_t
prev_char(const ses_question *x, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)x->text[i] & 0xc0) == 0x80)
		i--;
	return i;
}

static size_t
next_char(const ses_question *x, size_t i)
{
	if (i >= x->len)
		return x->len;
	i++;
	while (i < x->len && ((unsigned char)x->text[i] & 0xc0) == 0x80)
		i++;
	return i;
}

/* the start of the word before i / the end of the word after i. */
static size_t
prev_word(const ses_question *x, size_t i)
{
	while (i > 0 && x->text[i - 1] == ' ')
		i--;
	while (i > 0 && x->text[i - 1] != ' ')
		i--;
	return i;
}

static size_t
next_word(const ses_question *x, size_t i)
{
	while (i < x->len && x->text[i] == ' ')
		i++;
	while (i < x->len && x->text[i] != ' ')
		i++;
	return i;
}

/* remove bytes [from, to) and put the caret there. */
static void
cut(ses_question *x, size_t from, size_t to)
{
	memmove(x->text + from, x->text + to, x->len - to + 1);
	x->len -= to - from;
	x->caret = from;
	x->all = 0;
}

int
ses_text_insert(ses_session *s, const char *utf8)
{
	ses_question *x = field(s);
	const unsigned char *p = (const unsigned char *)utf8;
	size_t add = 0;
	int n;

	if (!x || !utf8)
		return -1;
	for (; p[add]; add += (size_t)n) {
		n = utf8_len(p + add);
		if (n == 0 || (n == 1 && (p[add] < 0x20 || p[add] == 0x7f)))
			return -1; /* invalid, or a control character */
	}
	if (x->all)
		cut(x, 0, x->len); /* typing replaces what is selected */
	if (x->len + add > SES_TEXT_MAX)
		return -1;
	x->text = xrealloc(x->text, x->len + add + 1);
	memmove(x->text + x->caret + add, x->text + x->caret, x->len - x->caret + 1);
	memcpy(x->text + x->caret, utf8, add);
	x->len += add;
	x->caret += add;
	return 0;
}

int
ses_text_delete(ses_session *s, int how)
{
	ses_question *x = field(s);

	if (!x)
		return -1;
	if (x->all) {
		if (x->len == 0)
			return -1;
		cut(x, 0, x->len);
		return 0;
	}
	switch (how) {
	case SES_DEL_CHAR_BACK:
		if (x->caret == 0)
			return -1;
		cut(x, prev_char(x, x->caret), x->caret);
		return 0;
	case SES_DEL_CHAR:
		if (x->caret >= x->len)
			return -1;
		cut(x, x->caret, next_char(x, x->caret));
		return 0;
	case SES_DEL_WORD_BACK:
		if (x->caret == 0)
			return -1;
		cut(x, prev_word(x, x->caret), x->caret);
		return 0;
	case SES_DEL_WORD:
		if (x->caret >= x->len)
			return -1;
		cut(x, x->caret, next_word(x, x->caret));
		return 0;
	default:
		return -1;
	}
}

int
ses_text_backspace(ses_session *s)
{
	return ses_text_delete(s, SES_DEL_CHAR_BACK);
}

int
ses_text_move(ses_session *s, int how)
{
	ses_question *x = field(s);
	size_t to;

	if (!x)
		return -1;
	switch (how) {
	case SES_CARET_LEFT: to = x->all ? 0 : prev_char(x, x->caret); break;
	case SES_CARET_RIGHT: to = x->all ? x->len : next_char(x, x->caret); break;
	case SES_CARET_WORD_LEFT: to = prev_word(x, x->caret); break;
	case SES_CARET_WORD_RIGHT: to = next_word(x, x->caret); break;
	case SES_CARET_HOME: to = 0; break;
	case SES_CARET_END: to = x->len; break;
	default: return -1;
	}
	x->caret = to;
	x->all = 0;
	return 0;
}

int
ses_text_select_all(ses_session *s)
{
	ses_question *x = field(s);

	if (!x || x->len == 0)
		return -1;
	x->all = 1;
	x->caret = x->len;
	return 0;
}
