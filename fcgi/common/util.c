/* SPDX-License-Identifier: ISC */
/*
 * util.c: allocation wrappers.  Our out-of-memory policy is to log one
 * line and abort: a worker is one of several processes, its supervisor
 * starts a new one, nginx answers 502 for the one request in flight, and
 * MariaDB rolls back the transaction the dead connection held.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

static void
oom(size_t n)
{
	fprintf(stderr, "karika: out of memory allocating %zu bytes\n", n);
	abort();
}

/* malloc that never returns NULL; free with free(). */
void *
xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		oom(n);
	return p;
}

/* calloc that never returns NULL and checks n * size for overflow. */
void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		oom(n * size);
	return p;
}

/* realloc that never returns NULL. */
void *
xrealloc(void *old, size_t n)
{
	void *p;

	if ((p = realloc(old, n == 0 ? 1 : n)) == NULL)
		oom(n);
	return p;
}

/* strdup that never returns NULL; free with free(). */
char *
xstrdup(const char *s)
{
	char *p;

	if ((p = strdup(s)) == NULL)
		oom(strlen(s) + 1);
	return p;
}
