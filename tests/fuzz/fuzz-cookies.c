/* SPDX-License-Identifier: ISC */
/*
 * fuzz-cookies.c: kv_parse_cookies (req.c), the splitter of the Cookie
 * header.  The header reaches it as a NUL-terminated CGI parameter, so an
 * input with a NUL inside is skipped and the rest is copied to a buffer of
 * exactly its length plus the NUL.  The parser never refuses a header: it
 * always returns HTTP_OK, keeps at most COOKIE_MAX_COUNT pairs, and every
 * key (non-empty) and value it keeps is printable ASCII without space,
 * '"', '\\' or ';', the key without '=', the value as long as its len.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	struct kvlist l;
	char *s;
	size_t i;

	if (memchr(data, '\0', size) != NULL)
		return 0;
	if (a == NULL)
		a = arena_new();
	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	if (kv_parse_cookies(a, size == 0 ? NULL : s, &l) != HTTP_OK)
		abort();
	if (l.n > COOKIE_MAX_COUNT || (size == 0 && l.n != 0))
		abort();
	for (i = 0; i < l.n; i++) {
		if (l.v[i].key[0] == '\0' || !cookie_chars(l.v[i].key, true) ||
		    !cookie_chars(l.v[i].val, false) ||
		    strlen(l.v[i].val) != l.v[i].len)
			abort();
	}
	free(s);
	arena_reset(a);
	return 0;
}
