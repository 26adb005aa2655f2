/* SPDX-License-Identifier: ISC */
/*
 * fuzz-csv.c: csv_parse and the writer (csv.c).  The first input byte
 * chooses the options: bits 0-1 the encoding (auto, UTF-8, 1250, 1251),
 * bits 2-3 the delimiter (detect, ';', ','), bit 4 small limits (3 rows,
 * 4 cells, 8 bytes) instead of the defaults; the rest is the file, not
 * NUL-terminated.  Checks: the result is a known error and c.error
 * repeats it; on CSV_OK every row has 1 to max_fields cells and there are
 * 1 to max_rows rows, every cell is valid UTF-8 that text_clean accepts
 * and within max_field_bytes, the delimiter is ';' or ',' and the
 * encoding a real one; and the rows, written by csv_write_row and read
 * back, are the same cells (a guarded formula with its apostrophe).  On
 * an error the row and line are at least 1 and the cell within the
 * limit plus one.  The arena is freed, so a leak is a LeakSanitizer
 * report.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* What the writer wrote, growing as needed. */
struct out {
	char *s;
	size_t len, cap;
};

static int
out_put(void *arg, const char *p, size_t n)
{
	struct out *o = arg;

	if (o->len + n > o->cap) {
		o->cap = (o->len + n) * 2;
		o->s = xrealloc(o->s, o->cap);
	}
	memcpy(o->s + o->len, p, n);
	o->len += n;
	return 0;
}

/* Aborts unless every row of c is within the limits of o and clean. */
static void
check_rows(const struct csv *c, const struct csv_opts *o)
{
	size_t r, i, len;

	if (c->nrows < 1 || c->nrows > o->max_rows)
		abort();
	if (c->delim != ';' && c->delim != ',')
		abort();
	if (c->encoding <= CSV_AUTO || c->encoding >= CSV_ENC__MAX)
		abort();
	for (r = 0; r < c->nrows; r++) {
		if (c->row[r].n < 1 || c->row[r].n > o->max_fields ||
		    c->row[r].line < 1)
			abort();
		for (i = 0; i < c->row[r].n; i++) {
			len = strlen(c->row[r].field[i]);
			if (len > o->max_field_bytes ||
			    !text_clean(c->row[r].field[i], len))
				abort();
		}
	}
}

/* Writes c's rows and reads them back: the same cells must come out. */
static void
round_trip(struct arena *a, const struct csv *c, const struct csv_opts *o)
{
	struct csv_writer *w = xmalloc(sizeof(*w));
	struct out out = {NULL, 0, 0};
	struct csv_opts o2 = *o;
	struct csv back;
	const char *f, *g;
	size_t r, i;

	csv_writer_init(w, c->delim, out_put, &out);
	for (r = 0; r < c->nrows; r++)
		if (csv_write_row(w, (const char *const *)c->row[r].field,
			c->row[r].n) == -1)
			abort();
	if (csv_write_end(w) == -1)
		abort();
	o2.encoding = CSV_AUTO;
	o2.delim = c->delim;
	o2.max_field_bytes = o->max_field_bytes + 1; /* the apostrophe */
	if (csv_parse(a, out.s, out.len, &o2, &back) != CSV_OK ||
	    back.encoding != CSV_UTF8 || back.nrows != c->nrows)
		abort();
	for (r = 0; r < c->nrows; r++) {
		if (back.row[r].n != c->row[r].n)
			abort();
		for (i = 0; i < c->row[r].n; i++) {
			f = c->row[r].field[i];
			g = back.row[r].field[i];
			if (*f != '\0' && strchr("=+-@\t\r", *f) != NULL &&
			    *g == '\'')
				g++;
			if (strcmp(f, g) != 0)
				abort();
		}
	}
	free(out.s);
	free(w);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[4] = {0, ';', ',', 0};
	struct csv_opts o = {
	    CSV_AUTO, 0, CSV_MAX_ROWS, CSV_MAX_FIELDS, CSV_FIELD_MAX_BYTES};
	struct arena *a;
	struct csv c;
	enum csv_error e;
	char *s;

	if (size < 1)
		return 0;
	o.encoding = (enum csv_encoding)(data[0] & 3);
	o.delim = delims[(data[0] >> 2) & 3];
	if (data[0] & 16) {
		o.max_rows = 3;
		o.max_fields = 4;
		o.max_field_bytes = 8;
	}
	/* A copy of exactly the file's length: ASan sees a read past it. */
	s = xmalloc(size - 1 + 1);
	memcpy(s, data + 1, size - 1);
	a = arena_new();
	e = csv_parse(a, s, size - 1, &o, &c);
	if ((unsigned)e >= CSV__MAX || e != c.error ||
	    (e == CSV_OK) != (csv_error_key(e) == NULL))
		abort();
	if (e == CSV_OK) {
		check_rows(&c, &o);
		round_trip(a, &c, &o);
	} else if (c.err_row < 1 || c.err_line < 1 ||
	    c.err_col > o.max_fields + 1) {
		abort();
	}
	arena_free(a);
	free(s);
	return 0;
}
