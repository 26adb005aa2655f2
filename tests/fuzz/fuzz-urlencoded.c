/* SPDX-License-Identifier: ISC */
/*
 * fuzz-urlencoded.c: kv_parse_urlencoded (req.c), the decoder of query
 * strings and url-encoded form bodies.  The input is the raw bytes, not
 * NUL-terminated, exactly as read_body hands them over, so a read past len
 * is an AddressSanitizer report.  On HTTP_OK every key is non-empty, at
 * most FORM_KEY_MAX_BYTES, valid UTF-8 and text_clean; every value is
 * valid UTF-8, text_clean and as long as its len; there are at most
 * FORM_MAX_FIELDS pairs, one for each non-empty '&'-separated piece.  Any
 * other outcome than HTTP_OK or HTTP_BAD_REQUEST is a failure too.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The number of non-empty pieces between '&' in the n bytes at s. */
static size_t
pieces(const char *s, size_t n)
{
	size_t i, count = 0;
	bool inpiece = false;

	for (i = 0; i < n; i++) {
		if (s[i] == '&')
			inpiece = false;
		else if (!inpiece) {
			inpiece = true;
			count++;
		}
	}
	return count;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	const char *s = (const char *)data;
	struct kvlist l;
	enum http_status st;
	size_t i, klen;

	if (a == NULL)
		a = arena_new();
	st = kv_parse_urlencoded(a, s, size, &l);
	if (st != HTTP_OK && st != HTTP_BAD_REQUEST)
		abort();
	if (st == HTTP_OK) {
		if (l.n > FORM_MAX_FIELDS || l.n != pieces(s, size))
			abort();
		for (i = 0; i < l.n; i++) {
			klen = strlen(l.v[i].key);
			if (klen == 0 || klen > FORM_KEY_MAX_BYTES ||
			    !utf8_valid(l.v[i].key, klen) ||
			    !text_clean(l.v[i].key, klen))
				abort();
			if (strlen(l.v[i].val) != l.v[i].len ||
			    !utf8_valid(l.v[i].val, l.v[i].len) ||
			    !text_clean(l.v[i].val, l.v[i].len))
				abort();
		}
	}
	arena_reset(a);
	return 0;
}
