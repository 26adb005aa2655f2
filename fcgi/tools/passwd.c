/* SPDX-License-Identifier: ISC */
/*
 * passwd.c: karika-passwd reads one password from standard input and
 * prints its yescrypt hash, as the workers store it (pw.c).  For the demo
 * accounts (scripts/stack) and for an administrator's first account.
 *
 * Usage: printf '%s' "$password" | karika-passwd
 */
#include <stdio.h>
#include <string.h>

#include "karika.h"

int
main(void)
{
	struct arena *a;
	char buf[PW_MAX_BYTES + 2];
	const char *h;
	size_t n;

	log_init("karika-passwd");
	n = fread(buf, 1, sizeof(buf) - 1, stdin);
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	if (n == 0 || n > PW_MAX_BYTES || !utf8_valid(buf, n)) {
		fprintf(stderr,
		    "karika-passwd: give 1 to %d bytes of UTF-8 "
		    "on standard input\n",
		    PW_MAX_BYTES);
		return 2;
	}
	a = arena_new();
	h = pw_hash(a, buf);
	explicit_bzero(buf, sizeof(buf));
	if (h == NULL) {
		arena_free(a);
		return 1;
	}
	fprintf(stdout, "%s\n", h);
	arena_free(a);
	return 0;
}
