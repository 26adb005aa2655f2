/* SPDX-License-Identifier: ISC */
/*
 * csv.c: CSV in and out, for a provider's caseload (issue 12).  Providers
 * keep their users in spreadsheets, and a Serbian Excel saves CSV with ';'
 * in whatever code page the machine has, so the reader accepts what
 * people actually have and the writer produces what Excel opens right.
 *
 * Reading (csv_parse): the whole upload is in memory, at most
 * CSV_MAX_BYTES.  A UTF-8 byte order mark is skipped.  The encoding is
 * detected (csv_detect, below) and converted to UTF-8 with glibc's iconv.
 * Records follow RFC 4180: fields separated by the delimiter, quoted
 * fields may hold the delimiter, doubled quotes and line breaks; records
 * end in CRLF, LF or a lone CR (old Mac Excel).  The delimiter, ';' or
 * ',', is the one the header line uses more often outside quotes (';' on
 * a tie: Serbian Excel writes it).  A line with nothing on it is skipped.
 * A quote inside an unquoted field is kept as a character (5" floppy),
 * but text after a quoted field's closing quote is refused.  Every field
 * must be text XML can carry (text_clean), because the import preview
 * shows it.  Limits on rows, fields per row and bytes per field give a
 * specific error with the spreadsheet row and column, so that the page
 * can say where the file is wrong.  Everything the result holds lives in
 * the caller's arena; nothing is kept.
 *
 * Writing (struct csv_writer): UTF-8 with a byte order mark (without it
 * Excel reads UTF-8 as the machine's code page), the caller's delimiter,
 * CRLF, fields quoted when they hold the delimiter, a quote or a line
 * break.  A field that a spreadsheet would run as a formula (it starts
 * with = + - @, tab or CR) is written with an apostrophe in front: an
 * export must never carry a formula typed into a form ("CSV injection").
 * A cell of a number column (csv_write_cells) that is a plain decimal
 * number ("-3", "12.5") is written as it is: no spreadsheet runs it, and
 * SPSS or a spreadsheet must read it as the number it is, not as the
 * text "'-3"; anything else in such a column is guarded like text.
 * Rows go through a fixed buffer to the caller's sink, so an export of a
 * million rows runs in constant memory.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

/* glibc's names, by enum csv_encoding. */
static const char *const iconv_names[CSV_ENC__MAX] = {
    NULL,     /* CSV_AUTO */
    "UTF-8",  /* CSV_UTF8 */
    "CP1250", /* CSV_CP1250 */
    "CP1251", /* CSV_CP1251 */
};

const char *const csv_encoding_names[CSV_ENC__MAX] = {
    "auto",	    /* CSV_AUTO */
    "UTF-8",	    /* CSV_UTF8 */
    "windows-1250", /* CSV_CP1250 */
    "windows-1251", /* CSV_CP1251 */
};

static const struct csv_opts defaults = {
    CSV_AUTO, 0, CSV_MAX_ROWS, CSV_MAX_FIELDS, CSV_FIELD_MAX_BYTES};

/* True for the bytes a word is made of: ASCII letters and any byte of a
 * non-ASCII character, in whichever 8-bit code page. */
static bool
word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Which encoding n bytes at s are in.  The rule, in order:
 *  1. valid UTF-8 (plain ASCII included) is UTF-8: a text in an 8-bit
 *     code page with letters beyond ASCII is almost never valid UTF-8;
 *  2. otherwise it is Windows-1251 or Windows-1250, decided by words (runs
 *     of ASCII letters and bytes >= 0x80).  In 1251 the Cyrillic letters
 *     are bytes 0xC0-0xFF (and Ђ Ј Љ Њ Ћ Џ below them), so a Cyrillic word
 *     is bytes >= 0x80 only.  In 1250 the Latin diacritics (č ć đ š ž)
 *     are single bytes >= 0x80 among ASCII letters: "Đorđević".  Each word
 *     holding a byte >= 0x80 votes: only such bytes, Cyrillic; mixed with
 *     ASCII letters, Latin.  More Cyrillic votes is 1251; otherwise 1250.
 * "Šćepanović" (two diacritics side by side) still votes Latin: its word
 * has ASCII letters.  A file can be wrong in a way no statistic sees; the
 * import preview shows the text, and csv_opts.encoding overrides.
 */
enum csv_encoding
csv_detect(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, cyrl = 0, latn = 0;
	bool high, ascii;

	if (utf8_valid(s, n))
		return CSV_UTF8;
	for (i = 0; i < n;) {
		if (!word_byte(p[i])) {
			i++;
			continue;
		}
		high = ascii = false;
		for (; i < n && word_byte(p[i]); i++) {
			if (p[i] >= 0x80)
				high = true;
			else
				ascii = true;
		}
		if (high && ascii)
			latn++;
		else if (high)
			cyrl++;
	}
	return cyrl > latn ? CSV_CP1251 : CSV_CP1250;
}

/* The 1-based line of byte offset off in s: what a person can find. */
static size_t
line_of(const char *s, size_t off)
{
	size_t i, line = 1;

	for (i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

/*
 * The 1-based line of the first invalid UTF-8 in n bytes at s.  A line
 * break is ASCII, never inside a sequence, so lines can be checked apart.
 */
static size_t
bad_utf8_line(const char *s, size_t n)
{
	const char *nl;
	size_t line = 1, len;

	for (; n > 0; line++) {
		nl = memchr(s, '\n', n);
		len = nl != NULL ? (size_t)(nl - s) : n;
		if (!utf8_valid(s, len))
			break;
		if (nl == NULL)
			break;
		s = nl + 1;
		n -= len + 1;
	}
	return line;
}

/*
 * Converts n bytes at in from enc to UTF-8 into a new buffer *out (the
 * caller frees it) of *outn bytes.  Returns 0, or -1 with *bad the offset
 * of the first byte enc does not define.
 */
static int
convert(enum csv_encoding enc, const char *in, size_t n, char **out,
    size_t *outn, size_t *bad)
{
	iconv_t cd;
	char *ip = (char *)(uintptr_t)in, *buf, *op;
	size_t il = n, cap, ol;
	int rc = 0;

	*out = NULL;
	*bad = 0;
	if ((cd = iconv_open("UTF-8", iconv_names[enc])) == (iconv_t)-1) {
		LOGE("iconv_open %s: %s", iconv_names[enc], strerror(errno));
		return -1;
	}
	/* Every character of the two code pages is in the BMP: 3 bytes. */
	cap = n * 3 + 1;
	buf = op = xmalloc(cap);
	ol = cap;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
		*bad = (size_t)(ip - in);
		free(buf);
		rc = -1;
	} else {
		*out = buf;
		*outn = (size_t)(op - buf);
	}
	iconv_close(cd);
	return rc;
}

/* The delimiter the first record uses more often outside quotes. */
static char
detect_delim(const char *s, size_t n)
{
	size_t i, semi = 0, comma = 0;
	bool quoted = false;

	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == '\r' || s[i] == '\n')
			break;
		else if (s[i] == ';')
			semi++;
		else if (s[i] == ',')
			comma++;
	}
	return comma > semi ? ',' : ';';
}

/* The state of one parse. */
struct parser {
	struct arena *a;
	const struct csv_opts *o;
	struct csv *c;
	const char *s; /* UTF-8 input */
	size_t n, i;   /* its length, the position */
	size_t line;   /* physical line of position i */
	char *field;   /* the field being read: o->max_field_bytes */
	size_t flen;
	char **fields; /* the record being read: o->max_fields */
	size_t nf;
	size_t cap; /* rows allocated in c->row */
};

/* Records error e at the current record and column col (0: none). */
static enum csv_error
fail(struct parser *p, enum csv_error e, size_t col)
{
	p->c->error = e;
	p->c->err_row = p->c->nrows + 1;
	p->c->err_col = col;
	p->c->err_line = p->line;
	return e;
}

/* Appends byte ch to the field, within its limit. */
static enum csv_error
field_add(struct parser *p, char ch)
{
	if (p->flen >= p->o->max_field_bytes)
		return fail(p, CSV_FIELD_TOO_LONG, p->nf + 1);
	p->field[p->flen++] = ch;
	return CSV_OK;
}

/* Ends the field being read: checked, copied into the arena. */
static enum csv_error
field_end(struct parser *p)
{
	if (!text_clean(p->field, p->flen))
		return fail(p, CSV_CONTROL, p->nf + 1);
	if (p->nf >= p->o->max_fields)
		return fail(p, CSV_TOO_MANY_FIELDS, p->nf + 1);
	p->fields[p->nf++] = arena_strndup(p->a, p->field, p->flen);
	return CSV_OK;
}

/* Reads a quoted field, from its opening quote to what follows it. */
static enum csv_error
read_quoted(struct parser *p, char delim)
{
	enum csv_error e;
	char ch;

	for (p->i++;; p->i++) {
		if (p->i >= p->n)
			return fail(p, CSV_QUOTE, p->nf + 1);
		ch = p->s[p->i];
		if (ch == '"') {
			if (p->i + 1 < p->n && p->s[p->i + 1] == '"')
				p->i++;
			else
				break;
		} else if (ch == '\r' || ch == '\n') {
			/* A line break in a cell: CRLF, CR and LF become LF. */
			if (ch == '\r' && p->i + 1 < p->n &&
			    p->s[p->i + 1] == '\n')
				p->i++;
			ch = '\n';
			p->line++;
		}
		if ((e = field_add(p, ch)) != CSV_OK)
			return e;
	}
	p->i++;
	if (p->i < p->n && p->s[p->i] != delim && p->s[p->i] != '\r' &&
	    p->s[p->i] != '\n')
		return fail(p, CSV_QUOTE, p->nf + 1);
	return CSV_OK;
}

/* Appends the record read to the result, growing it in the arena. */
static void
row_add(struct parser *p, size_t line)
{
	struct csv_row *row;

	if (p->c->nrows == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		row = arena_calloc(p->a, p->cap, sizeof(*row));
		if (p->c->nrows > 0)
			memcpy(row, p->c->row, p->c->nrows * sizeof(*row));
		p->c->row = row;
	}
	row = &p->c->row[p->c->nrows++];
	row->line = line;
	row->n = p->nf;
	row->field = arena_calloc(p->a, p->nf, sizeof(char *));
	memcpy(row->field, p->fields, p->nf * sizeof(char *));
}

/* Reads every record of the UTF-8 text in p. */
static enum csv_error
read_records(struct parser *p, char delim)
{
	enum csv_error e;
	size_t line;

	while (p->i < p->n) {
		if (p->s[p->i] == '\r' || p->s[p->i] == '\n') {
			/* An empty line: nothing to import. */
			if (p->s[p->i] == '\r' && p->i + 1 < p->n &&
			    p->s[p->i + 1] == '\n')
				p->i++;
			p->i++;
			p->line++;
			continue;
		}
		if (p->c->nrows >= p->o->max_rows)
			return fail(p, CSV_TOO_MANY_ROWS, 0);
		line = p->line;
		p->nf = 0;
		for (;;) {
			p->flen = 0;
			if (p->s[p->i] == '"') {
				if ((e = read_quoted(p, delim)) != CSV_OK)
					return e;
			} else {
				for (; p->i < p->n && p->s[p->i] != delim &&
				     p->s[p->i] != '\r' && p->s[p->i] != '\n';
				     p->i++)
					if ((e = field_add(p, p->s[p->i])) !=
					    CSV_OK)
						return e;
			}
			if ((e = field_end(p)) != CSV_OK)
				return e;
			if (p->i >= p->n || p->s[p->i] != delim)
				break;
			p->i++;
			if (p->i >= p->n) {
				/* "a;b;" at the very end: one more, empty. */
				p->flen = 0;
				if ((e = field_end(p)) != CSV_OK)
					return e;
				break;
			}
		}
		row_add(p, line);
		if (p->i < p->n && p->s[p->i] == '\r')
			p->i++;
		if (p->i < p->n && p->s[p->i] == '\n')
			p->i++;
		p->line++;
	}
	return p->c->nrows == 0 ? fail(p, CSV_EMPTY, 0) : CSV_OK;
}

/*
 * Parses n bytes at data as CSV into *c, with the limits and choices of
 * opts (NULL: the CSV_MAX_* defaults, encoding and delimiter detected).
 * Returns CSV_OK with c->row[0] the header and c->nrows >= 1, or the
 * error, which c->error repeats with c->err_row (the spreadsheet row: the
 * header is row 1), c->err_col (1-based, 0 when the error is not about
 * one cell) and c->err_line (the line in the file).  Every string of *c
 * is valid UTF-8 that text_clean accepts, in arena a, which owns it all;
 * on an error the rows read so far stay in *c.
 */
enum csv_error
csv_parse(struct arena *a, const char *data, size_t n,
    const struct csv_opts *opts, struct csv *c)
{
	struct parser p;
	enum csv_encoding enc, other;
	enum csv_error e;
	char *utf8 = NULL;
	size_t un = 0, bad = 0;

	memset(c, 0, sizeof(*c));
	memset(&p, 0, sizeof(p));
	p.a = a;
	p.o = opts != NULL ? opts : &defaults;
	p.c = c;
	p.line = 1;
	if (n > CSV_MAX_BYTES)
		return fail(&p, CSV_TOO_LARGE, 0);
	if (memchr(data, '\0', n) != NULL) {
		/* UTF-16 ("Unicode text") or not text at all. */
		p.line = line_of(
		    data, (size_t)((const char *)memchr(data, '\0', n) - data));
		return fail(&p, CSV_ENCODING, 0);
	}
	if (n >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		n -= 3;
		enc = CSV_UTF8;
	} else if (p.o->encoding > CSV_AUTO && p.o->encoding < CSV_ENC__MAX)
		enc = p.o->encoding;
	else
		enc = csv_detect(data, n);
	c->encoding = enc;

	if (enc == CSV_UTF8) {
		if (!utf8_valid(data, n)) {
			p.line = bad_utf8_line(data, n);
			return fail(&p, CSV_ENCODING, 0);
		}
		p.s = data;
		p.n = n;
	} else {
		if (convert(enc, data, n, &utf8, &un, &bad) == -1) {
			/* A byte the guess does not define: try the other. */
			other = enc == CSV_CP1250 ? CSV_CP1251 : CSV_CP1250;
			if (p.o->encoding != CSV_AUTO ||
			    convert(other, data, n, &utf8, &un, &bad) == -1) {
				p.line = line_of(data, bad);
				return fail(&p, CSV_ENCODING, 0);
			}
			c->encoding = other;
		}
		p.s = utf8;
		p.n = un;
	}

	c->delim = p.o->delim == ';' || p.o->delim == ','
	    ? p.o->delim
	    : detect_delim(p.s, p.n);
	p.field = xmalloc(p.o->max_field_bytes + 1);
	p.fields = xcalloc(p.o->max_fields + 1, sizeof(char *));
	e = read_records(&p, c->delim);
	free(p.fields);
	free(p.field);
	free(utf8);
	return e;
}

/*
 * The message-catalogue key naming error e for a person ("csv.quote"),
 * or NULL for CSV_OK.  Static strings.
 */
const char *
csv_error_key(enum csv_error e)
{
	static const char *const keys[CSV__MAX] = {
	    NULL,		/* CSV_OK */
	    "csv.empty",	/* CSV_EMPTY */
	    "csv.too-large",	/* CSV_TOO_LARGE */
	    "csv.encoding",	/* CSV_ENCODING */
	    "csv.quote",	/* CSV_QUOTE */
	    "csv.rows",		/* CSV_TOO_MANY_ROWS */
	    "csv.fields",	/* CSV_TOO_MANY_FIELDS */
	    "csv.field-length", /* CSV_FIELD_TOO_LONG */
	    "csv.control",	/* CSV_CONTROL */
	};

	return (unsigned)e < CSV__MAX ? keys[e] : NULL;
}

/*
 * Sets up w to write rows with delimiter delim (';' or ',', anything else
 * is ';') to sink, which gets arg and each full buffer and returns 0, or
 * -1 to stop the export (the client went away).  w is the caller's, and
 * holds the only buffer: its size is all the memory an export takes.
 */
void
csv_writer_init(struct csv_writer *w, char delim, csv_sink sink, void *arg)
{
	memset(w, 0, sizeof(*w));
	w->delim = delim == ',' ? ',' : ';';
	w->sink = sink;
	w->arg = arg;
}

/* Hands the buffer to the sink. */
static int
flush(struct csv_writer *w)
{
	if (w->failed)
		return -1;
	if (w->len > 0 && w->sink(w->arg, w->buf, w->len) == -1)
		w->failed = true;
	w->len = 0;
	return w->failed ? -1 : 0;
}

/* Appends n bytes at s, flushing whenever the buffer is full. */
static int
put(struct csv_writer *w, const char *s, size_t n)
{
	size_t k;

	while (n > 0) {
		if (w->len == sizeof(w->buf) && flush(w) == -1)
			return -1;
		k = sizeof(w->buf) - w->len;
		if (k > n)
			k = n;
		memcpy(w->buf + w->len, s, k);
		w->len += k;
		s += k;
		n -= k;
	}
	return w->failed ? -1 : 0;
}

/*
 * True for a plain decimal number: an optional '-', digits, and
 * optionally '.' and digits ("-3", "0.25"; not "-", "-.5", "1e3",
 * "-3+1").  Such a cell cannot be a formula.
 */
static bool
plain_number(const char *f)
{
	size_t n;

	if (*f == '-')
		f++;
	if ((n = strspn(f, "0123456789")) == 0)
		return false;
	f += n;
	if (*f == '.' && (n = strspn(f + 1, "0123456789")) > 0)
		f += n + 1;
	return *f == '\0';
}

/* Writes one field, guarded (unless a number of a number column) and
 * quoted as needed. */
static int
put_field(struct csv_writer *w, const char *f, bool number)
{
	const char *q;
	bool quote;

	if (f == NULL)
		f = "";
	quote = strpbrk(f, "\"\r\n") != NULL || strchr(f, w->delim) != NULL;
	if (quote && put(w, "\"", 1) == -1)
		return -1;
	if (*f != '\0' && strchr("=+-@\t\r", *f) != NULL &&
	    !(number && plain_number(f)) && put(w, "'", 1) == -1)
		return -1;
	if (!quote)
		return put(w, f, strlen(f));
	for (; (q = strchr(f, '"')) != NULL; f = q + 1)
		if (put(w, f, (size_t)(q - f) + 1) == -1 ||
		    put(w, "\"", 1) == -1)
			return -1;
	if (put(w, f, strlen(f)) == -1 || put(w, "\"", 1) == -1)
		return -1;
	return 0;
}

/*
 * Writes one row of n fields (NULL is an empty cell) and CRLF; the first
 * row is preceded by the UTF-8 byte order mark.  A row that is one empty
 * cell (or none) is written as "" so that it is not an empty line, which
 * a reader skips.  The fields must be valid UTF-8 (values from the
 * database are).  Every field is text, guarded against formulas.
 * Returns 0, or -1 once the sink has failed; then every later call fails
 * too, and the caller stops.
 */
int
csv_write_row(struct csv_writer *w, const char *const *field, size_t n)
{
	return csv_write_cells(w, field, NULL, n);
}

/*
 * csv_write_row() with number[i] true for the cells of number columns:
 * a plain decimal number there is written as it is ("-3", not "'-3"),
 * anything else guarded like text.  number may be NULL (all text).
 */
int
csv_write_cells(struct csv_writer *w, const char *const *field,
    const bool *number, size_t n)
{
	size_t i;

	if (w->failed)
		return -1;
	if (!w->started) {
		w->started = true;
		if (put(w, "\xef\xbb\xbf", 3) == -1)
			return -1;
	}
	if (n == 0 || (n == 1 && (field[0] == NULL || *field[0] == '\0')))
		return put(w, "\"\"\r\n", 4);
	for (i = 0; i < n; i++)
		if ((i > 0 && put(w, &w->delim, 1) == -1) ||
		    put_field(w, field[i], number != NULL && number[i]) == -1)
			return -1;
	return put(w, "\r\n", 2);
}

/*
 * Hands what is buffered to the sink: call it after the last row.  An
 * export of no rows is still a UTF-8 file: the byte order mark.  Returns
 * 0, or -1 if the sink failed at any point of the export.
 */
int
csv_write_end(struct csv_writer *w)
{
	if (!w->started && !w->failed) {
		w->started = true;
		if (put(w, "\xef\xbb\xbf", 3) == -1)
			return -1;
	}
	return flush(w);
}
