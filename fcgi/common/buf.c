/* SPDX-License-Identifier: ISC */
/*
 * buf.c: the one growable string (curl's dynbuf, git's strbuf).  A struct
 * buf belongs to its caller: buf_init() sets it up with a ceiling on its
 * length, the buf_add family appends, and buf_take() hands the string over
 * (the caller frees it with free()) or buf_release() frees it.  The heap
 * memory comes from xrealloc, so running out of memory aborts; the only
 * failure an add can report is the ceiling.
 *
 * The ceiling is for text whose size an outsider decides: an add that
 * would pass it is refused whole, the buffer keeps what it had, and every
 * later add is refused too (b->full), so that a caller may append many
 * pieces and check once, at the end.  A caller whose text is bounded by
 * construction passes BUF_NO_MAX and may ignore the results.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

/* The first allocation: most strings built here are short. */
#define BUF_FIRST_BYTES 64

/* Sets up an empty buffer whose length may not pass max bytes. */
void
buf_init(struct buf *b, size_t max)
{
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
	b->full = false;
}

/*
 * Makes room for n more bytes (and the NUL) without changing the content,
 * so that a caller who knows the size allocates once.  Room past the
 * ceiling is never reserved.
 */
void
buf_grow(struct buf *b, size_t n)
{
	size_t need, cap;

	if (n > b->max - b->len)
		n = b->max - b->len;
	if (n > SIZE_MAX - b->len - 1)
		abort(); /* a caller bug: no string is that long */
	need = b->len + n + 1;
	if (need <= b->cap)
		return;
	cap = b->cap != 0 ? b->cap : BUF_FIRST_BYTES;
	while (cap < need)
		cap = cap <= SIZE_MAX / 2 ? cap * 2 : need;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
	if (b->len == 0)
		b->p[0] = '\0';
}

/*
 * Appends the n bytes at s (which may hold NULs) and keeps the content
 * NUL-terminated.  Returns 0, or -1 when the ceiling would be passed or
 * was passed before: then nothing is appended.
 */
int
buf_add(struct buf *b, const void *s, size_t n)
{
	if (b->full || n > b->max - b->len) {
		b->full = true;
		return -1;
	}
	buf_grow(b, n);
	if (n > 0)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

/* buf_add() of the string s. */
int
buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

/* buf_add() of the one byte c. */
int
buf_addc(struct buf *b, char c)
{
	return buf_add(b, &c, 1);
}

/*
 * Appends printf-style formatted text.  Returns 0, or -1 for the ceiling
 * (nothing appended) or an encoding error of vsnprintf.
 */
int
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if (b->full || (size_t)n > b->max - b->len) {
		b->full = true;
		return -1;
	}
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

/*
 * Hands the content over as a NUL-terminated string ("" when nothing was
 * added), which the caller frees with free(), and leaves b empty, as after
 * buf_init() with the same ceiling.  Returns NULL, freeing the content,
 * when an add was refused: a truncated text is never handed on.
 */
char *
buf_take(struct buf *b)
{
	char *p;

	if (b->full) {
		buf_release(b);
		return NULL;
	}
	buf_grow(b, 0);
	p = b->p;
	buf_init(b, b->max);
	return p;
}

/* Frees the content; b is then empty, with the same ceiling. */
void
buf_release(struct buf *b)
{
	free(b->p);
	buf_init(b, b->max);
}
