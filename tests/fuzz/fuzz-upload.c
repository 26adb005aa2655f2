/* SPDX-License-Identifier: ISC */
/*
 * fuzz-upload.c: upload_parse (upload.c), the multipart/form-data
 * decoder.  The first line of the input (up to LF) is the Content-Type,
 * the rest the body, not NUL-terminated, so a read past its end is an
 * AddressSanitizer report.  Small limits (4 parts, 256-byte parts,
 * 128-byte headers) make every limit reachable.  On UPLOAD_OK: at most
 * max_parts parts, each with a non-empty name of at most
 * FORM_KEY_MAX_BYTES that is valid UTF-8 without control characters, a
 * filename (if any) clean and without '/' or '\', a type, and contents
 * that lie inside the body and within max_part_bytes.  On an error: no
 * part, and the error has a message key.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static bool
clean(const char *s, size_t max)
{
	size_t n = strlen(s), i;

	if (n > max || !utf8_valid(s, n) || !text_clean(s, n))
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	static const struct upload_limits lim = {4, 256, 128};
	const char *s = (const char *)data, *nl, *body;
	struct upload_parts u;
	enum upload_error e;
	char *ct, *copy;
	size_t i, len;

	if (a == NULL)
		a = arena_new();
	if ((nl = memchr(s, '\n', size)) == NULL)
		return 0;
	ct = arena_strndup(a, s, (size_t)(nl - s));
	len = size - (size_t)(nl - s) - 1;
	/* The body in its own allocation: ASan sees a read past its end. */
	copy = malloc(len > 0 ? len : 1);
	if (copy == NULL)
		abort();
	memcpy(copy, nl + 1, len);
	body = copy;
	e = upload_parse(a, ct, body, len, &lim, &u);
	if (e >= UPLOAD__MAX)
		abort();
	if (e != UPLOAD_OK && (u.n != 0 || upload_error_key(e) == NULL))
		abort();
	if (e == UPLOAD_OK) {
		if (u.n > lim.max_parts)
			abort();
		for (i = 0; i < u.n; i++) {
			const struct upload_part *p = &u.part[i];

			if (p->name == NULL || *p->name == '\0' ||
			    !clean(p->name, FORM_KEY_MAX_BYTES) ||
			    p->type == NULL)
				abort();
			if (p->filename != NULL &&
			    (!clean(p->filename, UPLOAD_FILENAME_MAX_BYTES) ||
				strpbrk(p->filename, "/\\") != NULL))
				abort();
			if (p->len > lim.max_part_bytes || p->data < body ||
			    p->data + p->len > body + len)
				abort();
			if (upload_find(&u, p->name) == NULL)
				abort();
		}
	}
	free(copy);
	arena_reset(a);
	return 0;
}
