/* SPDX-License-Identifier: ISC */
/*
 * fuzz-seal.c: seal_open (seal.c), which opens a cookie's sealed value,
 * untrusted bytes from any browser (a survey's held response).  The
 * input, as a value, opens nothing under a fixed key: a forgery would
 * need the key.  The input, as a text (up to its first NUL), sealed by
 * seal_text and opened again, is the same text; the sealed value is
 * only URL-safe characters after the prefix; with one character in its
 * body changed, or under another key, it opens nothing.  A limit below
 * the sealed length is refused.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const unsigned char key[SEAL_KEY_BYTES] =
    "0123456789abcdef0123456789abcde";
static const unsigned char other[SEAL_KEY_BYTES] =
    "0123456789abcdef0123456789abcdX";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	char *in, *changed;
	const char *v, *open;
	size_t n, body, at;

	in = arena_strndup(a, (const char *)data, size);
	/* As a cookie's value: never opens. */
	if (seal_open(a, key, "s1.", in) != NULL ||
	    seal_open(a, key, "", in) != NULL)
		abort();
	/* As a text: sealed and opened again. */
	n = strlen(in);
	if ((v = seal_text(a, key, "s1.", in, 1 << 20)) == NULL ||
	    strlen(v) != seal_len("s1.", n) || strncmp(v, "s1.", 3) != 0 ||
	    strspn(v + 3,
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		"0123456789-_") != strlen(v) - 3)
		abort();
	if ((open = seal_open(a, key, "s1.", v)) == NULL ||
	    strcmp(open, in) != 0)
		abort();
	if (seal_open(a, other, "s1.", v) != NULL ||
	    seal_open(a, key, "s2.", v) != NULL)
		abort();
	if (seal_text(a, key, "s1.", in, seal_len("s1.", n) - 1) != NULL)
		abort();
	/* One character of the body changed (not the last, whose low bits
	 * may carry no data): opens nothing. */
	changed = arena_strdup(a, v);
	body = strlen(changed) - 3;
	at = 3 + (n + size) % (body - 1);
	changed[at] = changed[at] == 'A' ? 'B' : 'A';
	if (seal_open(a, key, "s1.", changed) != NULL)
		abort();
	arena_free(a);
	return 0;
}
