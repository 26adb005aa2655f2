/* SPDX-License-Identifier: ISC */
/*
 * fuzz-translit.c: translit_to_cyrl, translit_to_latn and
 * translit_search_key (translit.c).  The input, up to its first NUL, is
 * copied to a NUL-terminated buffer of exactly its length, so a read past
 * the terminator is an AddressSanitizer report.  All three functions run
 * on every input, malformed UTF-8 included, because translit.c promises to
 * copy malformed bytes and never read past the NUL.  When the input is
 * valid UTF-8 (utf8_valid), each result must be valid UTF-8 too.  The
 * results are freed, so a leak is a LeakSanitizer report.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Frees out, aborting first if it is not UTF-8 but should be. */
static void
check(char *out, bool valid)
{
	if (out == NULL || (valid && !utf8_valid(out, strlen(out))))
		abort();
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul;
	char *s;
	bool valid;

	if ((nul = memchr(data, '\0', size)) != NULL)
		size = (size_t)(nul - data);
	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	valid = utf8_valid(s, size);
	check(translit_to_cyrl(s), valid);
	check(translit_to_latn(s), valid);
	check(translit_search_key(s), valid);
	free(s);
	return 0;
}
