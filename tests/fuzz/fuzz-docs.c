/* SPDX-License-Identifier: ISC */
/*
 * fuzz-docs.c: docs_parse (docs.c), the multipart/form-data decoder that
 * reads a body in pieces and sends files to disk.  Byte 0 is the most a
 * read returns (1 to 256 bytes), so that every delimiter, header and
 * "\r\n" falls across the edge of a read somewhere; the first line after
 * it (up to LF) is the Content-Type, the rest the body.  No folder is
 * given, so files are hashed and counted, never written.  Small limits
 * (4 fields, 3 files, 300-byte files, 256 bytes of fields) make every
 * limit reachable.  On UPLOAD_OK: within the limits; each field's name
 * clean, its data NUL-terminated at its length, its bytes clean or not
 * (docs_receive() checks them); each file named, with a clean filename
 * without '/' or '\', no temporary file, too_large exactly when its
 * length passes the limit, the bytes doc_sniff() saw its first ones, the
 * type doc_sniff() gives them, and a SHA-256 of 64 hex digits when kept.
 * Against upload_parse() (the whole body in memory, with limits wide
 * enough for it): when both accept, the same fields in the same order
 * with the same bytes and the same files with the same lengths.  On an
 * error: no part left, and the error has a message key (or is the
 * server's, UPLOAD__MAX, which a read never causes here).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "karika.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct feed {
	const char *p;
	size_t len, pos, step;
};

static ssize_t
feed_read(void *arg, char *buf, size_t n)
{
	struct feed *f = arg;
	size_t k = f->len - f->pos;

	if (k > f->step)
		k = f->step;
	if (k > n)
		k = n;
	memcpy(buf, f->p + f->pos, k);
	f->pos += k;
	return (ssize_t)k;
}

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

static void
check_ok(const struct docs_limits *lim, const struct upload_parts *fields,
    const struct upload_parts *files, const char *ct, const char *body,
    size_t len)
{
	static const struct upload_limits wide = {64, 1 << 20, 4096};
	struct arena *b = arena_new();
	struct upload_parts all;
	size_t i, fb = 0, nf = 0, nd = 0;

	if (fields->n > lim->max_parts || files->n > lim->max_files)
		abort();
	for (i = 0; i < fields->n; i++) {
		const struct upload_part *p = &fields->part[i];

		if (p->name == NULL || *p->name == '\0' ||
		    !clean(p->name, FORM_KEY_MAX_BYTES) ||
		    p->filename != NULL || p->data == NULL ||
		    p->data[p->len] != '\0' || p->tmp != NULL)
			abort();
		fb += p->len;
	}
	if (fb > lim->max_field_bytes)
		abort();
	for (i = 0; i < files->n; i++) {
		const struct upload_part *p = &files->part[i];
		size_t head =
		    p->len < DOCS_HEAD_BYTES ? p->len : DOCS_HEAD_BYTES;

		if (p->name == NULL || *p->name == '\0' ||
		    !clean(p->name, FORM_KEY_MAX_BYTES) ||
		    p->filename == NULL ||
		    !clean(p->filename, UPLOAD_FILENAME_MAX_BYTES) ||
		    strpbrk(p->filename, "/\\") != NULL || p->tmp != NULL ||
		    p->data != NULL)
			abort();
		if (p->too_large != (p->len > lim->max_file_bytes) ||
		    p->nhead != head ||
		    p->type_sniffed != doc_sniff(p->head, p->nhead))
			abort();
		if (!p->too_large &&
		    (strlen(p->sha256) != 64 ||
			strspn(p->sha256, "0123456789abcdef") != 64))
			abort();
	}
	/* The same body whole, through the parser that keeps it in memory. */
	if (upload_parse(b, ct, body, len, &wide, &all) == UPLOAD_OK) {
		for (i = 0; i < all.n; i++) {
			const struct upload_part *q = &all.part[i];
			const struct upload_part *p;

			if (q->filename == NULL) {
				if (nf >= fields->n)
					abort();
				p = &fields->part[nf++];
				if (strcmp(p->name, q->name) != 0 ||
				    p->len != q->len ||
				    memcmp(p->data, q->data, q->len) != 0)
					abort();
			} else {
				if (nd >= files->n)
					abort();
				p = &files->part[nd++];
				if (strcmp(p->name, q->name) != 0 ||
				    strcmp(p->filename, q->filename) != 0 ||
				    p->len != q->len ||
				    memcmp(p->head, q->data, p->nhead) != 0)
					abort();
			}
		}
		if (nf != fields->n || nd != files->n)
			abort();
	}
	arena_free(b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	static const struct docs_limits lim = {4, 3, 300, 256};
	const char *s = (const char *)data, *nl;
	struct upload_parts fields, files;
	struct feed f;
	enum upload_error e;
	char *ct, *copy;
	size_t len;

	if (a == NULL)
		a = arena_new();
	if (size < 1)
		return 0;
	f.step = (size_t)data[0] + 1;
	s++;
	size--;
	if ((nl = memchr(s, '\n', size)) == NULL)
		return 0;
	ct = arena_strndup(a, s, (size_t)(nl - s));
	len = size - (size_t)(nl - s) - 1;
	/* The body in its own allocation: ASan sees a read past its end. */
	copy = malloc(len > 0 ? len : 1);
	if (copy == NULL)
		abort();
	memcpy(copy, nl + 1, len);
	f.p = copy;
	f.len = len;
	f.pos = 0;
	e = docs_parse(a, ct, feed_read, &f, NULL, &lim, &fields, &files);
	if (e > UPLOAD__MAX || e == UPLOAD__MAX)
		abort();
	if (e != UPLOAD_OK &&
	    (fields.n != 0 || files.n != 0 || upload_error_key(e) == NULL))
		abort();
	if (e == UPLOAD_OK)
		check_ok(&lim, &fields, &files, ct, copy, len);
	free(copy);
	arena_reset(a);
	return 0;
}
