/* SPDX-License-Identifier: ISC */
/*
 * fuzz-pct.c: pct_decode (str.c), which decodes "%XX" and '+' in place.
 * The input is copied to a buffer of its length plus one byte, the room
 * for the NUL that every caller provides (arena_strndup), so any write
 * past that is an AddressSanitizer report.  On success the decoded length
 * is at most the input length, equal to it less two for each '%' (each
 * one began an escape), and the result is NUL-terminated there.  On
 * failure the input held a '%' not followed by two hex digits, or "%00".
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* True when s (n bytes) holds an escape pct_decode must refuse. */
static bool
bad_escape(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] != '%')
			continue;
		if (n - i < 3 || !isxdigit((unsigned char)s[i + 1]) ||
		    !isxdigit((unsigned char)s[i + 2]) ||
		    (s[i + 1] == '0' && s[i + 2] == '0'))
			return true;
		i += 2;
	}
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	size_t len = size, pct = 0, i;
	int rc;

	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = 'X'; /* pct_decode must write the NUL itself */
	for (i = 0; i < size; i++)
		if (data[i] == '%')
			pct++;

	rc = pct_decode(s, &len);
	if (rc != 0 && rc != -1)
		abort();
	if ((rc == -1) != bad_escape((const char *)data, size))
		abort();
	if (rc == 0 && (len > size || len != size - 2 * pct || s[len] != '\0'))
		abort();

	free(s);
	return 0;
}
