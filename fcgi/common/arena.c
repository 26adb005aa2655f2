/* SPDX-License-Identifier: ISC */
/*
 * arena.c: per-request memory.  Everything derived from one request is
 * allocated here and released at once by arena_reset() after the response
 * has been sent, so handlers never call free() on request data.  Library
 * handles (statements' results, writers) are closed by the function that
 * opened them, never by the arena.
 *
 * Blocks are ARENA_BLOCK_BYTES; a larger request gets a block of its own.
 * The first block is kept across resets so that a typical request does not
 * touch malloc at all.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

struct block {
	struct block *next;
	size_t size;
	size_t used;
	max_align_t data[]; /* aligned for any type */
};

struct arena {
	struct block *head;
};

static struct block *
block_new(size_t size)
{
	struct block *b;

	b = xmalloc(sizeof(*b) + size);
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

/* Returns a new, empty arena; free it with arena_free(). */
struct arena *
arena_new(void)
{
	struct arena *a;

	a = xcalloc(1, sizeof(*a));
	a->head = block_new(ARENA_BLOCK_BYTES);
	return a;
}

/* Frees every block but the first, which is emptied. */
void
arena_reset(struct arena *a)
{
	struct block *b, *next;

	/* The first block allocated is the last in the list. */
	for (b = a->head; b->next != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = b;
	b->used = 0;
}

/* Resets and frees the arena itself.  NULL is fine. */
void
arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	arena_reset(a);
	free(a->head);
	free(a);
}

/*
 * Returns n bytes aligned for any type, valid until the next reset.
 * Never returns NULL.
 */
void *
arena_alloc(struct arena *a, size_t n)
{
	struct block *b;
	size_t align = sizeof(max_align_t), need;
	void *p;

	need = (n + align - 1) / align * align;
	if (need < n)
		abort(); /* overflow: a caller bug, not an input */
	b = a->head;
	if (b->size - b->used < need) {
		b = block_new(
		    need > ARENA_BLOCK_BYTES ? need : ARENA_BLOCK_BYTES);
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += need;
	return p;
}

/* arena_alloc() of n * size zeroed bytes, checking the product. */
void *
arena_calloc(struct arena *a, size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		abort();
	p = arena_alloc(a, n * size);
	memset(p, 0, n * size);
	return p;
}

/* Copies the first n bytes of s and a NUL into the arena. */
char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Copies s into the arena. */
char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

/* vsnprintf into the arena; the result lives until the next reset. */
char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
