/* SPDX-License-Identifier: ISC */
/*
 * fuzz-locale.c: locale_negotiate (i18n.c), which picks a request's locale
 * from the "lang" query value, the "lang" cookie and Accept-Language.  An
 * input of one line is an Accept-Language header alone; with newlines the
 * lines are the query value, the cookie value and the header, in that
 * order, and a missing one is NULL.  Each line is a NUL-terminated copy of
 * exactly its length.  For every default locale the result is a known
 * locale (< LOCALE__MAX), and a known query value always wins.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *part[3] = {NULL, NULL, NULL};
	const char *query, *cookie, *accept;
	const char *p = (const char *)data, *end = p + size, *nl;
	enum locale def, got, want;
	size_t i, n = 0, len;

	for (;;) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		len = (size_t)(nl - p);
		if ((part[n] = malloc(len + 1)) == NULL)
			abort();
		memcpy(part[n], p, len);
		part[n][len] = '\0';
		n++;
		if (nl == end || n == 3)
			break;
		p = nl + 1;
	}
	if (n == 1) {
		query = cookie = NULL;
		accept = part[0];
	} else {
		query = part[0];
		cookie = part[1];
		accept = part[2];
	}

	want = locale_from_tag(query);
	for (def = 0; def < LOCALE__MAX; def++) {
		got = locale_negotiate(query, cookie, accept, def);
		if (got >= LOCALE__MAX || (want != LOCALE__MAX && got != want))
			abort();
	}

	for (i = 0; i < n; i++)
		free(part[i]);
	return 0;
}
