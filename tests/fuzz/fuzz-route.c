/* SPDX-License-Identifier: ISC */
/*
 * fuzz-route.c: route_match (route.c, declared in extern.h), the path
 * pattern matcher every request goes through.  The input, without NULs,
 * is the path.  Against "/a/%/b/%" a match must have found exactly two
 * ids, both positive, and printing them back into the pattern must give
 * the path again: no sign, leading zero, blank or trailing byte may slip
 * through.  Against "/%/%/%/%/%", which has one "%" more than
 * PATH_MAX_IDS, nothing may match, and the ids go to an array of exactly
 * PATH_MAX_IDS, so a write past it is an AddressSanitizer report.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int64_t *ids;
	char *path, *back;
	size_t n = 0, len;
	int w;

	if (memchr(data, '\0', size) != NULL)
		return 0;
	if ((path = malloc(size + 1)) == NULL ||
	    (ids = malloc(PATH_MAX_IDS * sizeof(*ids))) == NULL)
		abort();
	memcpy(path, data, size);
	path[size] = '\0';

	if (route_match("/a/%/b/%", path, ids, &n)) {
		if (n != 2 || ids[0] < 1 || ids[1] < 1)
			abort();
		len = size + 1;
		if ((back = malloc(len)) == NULL)
			abort();
		w = snprintf(back, len, "/a/%lld/b/%lld", (long long)ids[0],
		    (long long)ids[1]);
		if (w < 0 || (size_t)w != size || strcmp(back, path) != 0)
			abort();
		free(back);
	}
	if (route_match("/%/%/%/%/%", path, ids, &n))
		abort();

	free(ids);
	free(path);
	return 0;
}
