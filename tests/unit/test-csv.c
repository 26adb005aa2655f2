/* SPDX-License-Identifier: ISC */
/*
 * test-csv.c: CSV in and out (csv.c).  The reader takes what Serbian
 * spreadsheets write: UTF-8 with or without a byte order mark,
 * Windows-1250 Latin and Windows-1251 Cyrillic (the 8-bit inputs below
 * were encoded apart from the code under test), ';' or ',', quoted cells
 * with line breaks; it refuses bad files with the row and cell that are
 * wrong.  The writer quotes, guards formulas and streams through its one
 * buffer.  Mostly tables, one line per case.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "karika.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* The arena every test parses into. */
static int
setup(void **state)
{
	*state = arena_new();
	return 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	return 0;
}

/* Parses s (strlen) with opts; asserts success; returns the result. */
static struct csv
parse_ok(void **state, const char *s, const struct csv_opts *opts)
{
	struct csv c;
	enum csv_error e;

	e = csv_parse(*state, s, strlen(s), opts, &c);
	if (e != CSV_OK)
		print_error("\"%s\": error %d at row %zu col %zu\n", s, e,
		    c.err_row, c.err_col);
	assert_int_equal(e, CSV_OK);
	assert_int_equal(c.error, CSV_OK);
	return c;
}

/* Asserts that row r of c holds the n cells of want. */
static void
assert_row(const struct csv *c, size_t r, const char *const *want, size_t n)
{
	size_t i;

	assert_true(r < c->nrows);
	assert_int_equal(c->row[r].n, n);
	for (i = 0; i < n; i++)
		assert_string_equal(c->row[r].field[i], want[i]);
}

/* Plain UTF-8 with ';' and CRLF, Serbian letters as they are. */
static void
utf8_with_semicolons_is_read(void **state)
{
	static const char *const h[] = {"Prezime", "Ime"};
	static const char *const r1[] = {"Đorđević", "Đorđe"};
	static const char *const r2[] = {"Ђорђевић", "Ђорђе"};
	struct csv c = parse_ok(
	    state, "Prezime;Ime\r\nĐorđević;Đorđe\r\nЂорђевић;Ђорђе\r\n", NULL);

	assert_int_equal(c.encoding, CSV_UTF8);
	assert_int_equal(c.delim, ';');
	assert_int_equal(c.nrows, 3);
	assert_row(&c, 0, h, 2);
	assert_row(&c, 1, r1, 2);
	assert_row(&c, 2, r2, 2);
}

/* A byte order mark says UTF-8 and is not part of the first cell. */
static void
byte_order_mark_is_skipped(void **state)
{
	static const char *const h[] = {"Ime", "Prezime"};
	struct csv c = parse_ok(state, "\xef\xbb\xbfIme,Prezime\n1,2\n", NULL);

	assert_int_equal(c.encoding, CSV_UTF8);
	assert_int_equal(c.delim, ',');
	assert_row(&c, 0, h, 2);
}

/* Windows-1250 from a Latin Excel: č ć đ š ž come out as UTF-8. */
static void
windows_1250_is_converted(void **state)
{
	static const char *const h[] = {"Prezime", "Ime", "Mesto"};
	static const char *const r1[] = {"Đorđević", "Đorđe", "Čačak"};
	static const char *const r2[] = {"Šćepanović", "Žaklina", "Užice"};
	struct csv c = parse_ok(state,
	    "Prezime;Ime;Mesto\x0d\x0a\xd0or\xf0"
	    "evi\xe6;\xd0or\xf0"
	    "e;\xc8"
	    "a\xe8"
	    "ak\x0d\x0a\x8a\xe6"
	    "epanovi\xe6;\x8e"
	    "aklina;U\x9eice\x0d\x0a",
	    NULL);

	assert_int_equal(c.encoding, CSV_CP1250);
	assert_row(&c, 0, h, 3);
	assert_row(&c, 1, r1, 3);
	assert_row(&c, 2, r2, 3);
}

/* Windows-1251 from a Cyrillic Excel, Ђ Ј Љ Њ Ћ Џ included. */
static void
windows_1251_is_converted(void **state)
{
	static const char *const h[] = {"Презиме", "Име", "Место"};
	static const char *const r1[] = {"Ђорђевић", "Ђорђе", "Чачак"};
	static const char *const r2[] = {"Јовановић", "Љубица", "Ужице"};
	struct csv c = parse_ok(state,
	    "\xcf\xf0\xe5\xe7\xe8\xec\xe5;\xc8\xec\xe5;\xcc\xe5\xf1\xf2\xee\x0d"
	    "\x0a\x80\xee\xf0\x90\xe5\xe2\xe8\x9e;\x80\xee\xf0\x90\xe5;\xd7\xe0"
	    "\xf7\xe0\xea\x0d\x0a\xa3\xee\xe2\xe0\xed\xee\xe2\xe8\x9e;\x8a\xf3"
	    "\xe1\xe8\xf6\xe0;\xd3\xe6\xe8\xf6\xe5\x0d\x0a",
	    NULL);

	assert_int_equal(c.encoding, CSV_CP1251);
	assert_row(&c, 0, h, 3);
	assert_row(&c, 1, r1, 3);
	assert_row(&c, 2, r2, 3);
}

/* A Latin header over Cyrillic names is still Windows-1251. */
static void
windows_1251_under_a_latin_header(void **state)
{
	static const char *const r1[] = {"N1", "Џаковић", "Њего"};
	struct csv c = parse_ok(state,
	    "JMBG,Prezime,Ime\x0aN1,\x8f\xe0\xea\xee\xe2\xe8\x9e,\x8c\xe5\xe3"
	    "\xee\x0a",
	    NULL);

	assert_int_equal(c.encoding, CSV_CP1251);
	assert_int_equal(c.delim, ',');
	assert_row(&c, 1, r1, 3);
}

/* The detection rule on single words, the hard cases included. */
static void
detection_follows_the_documented_rule(void **state)
{
	static const struct {
		const char *in;
		enum csv_encoding want;
	} rows[] = {
	    {"", CSV_UTF8},
	    {"plain ASCII; 1,2", CSV_UTF8},
	    {"Đorđević", CSV_UTF8},
	    {"\xd0or\xf0"
	     "evi\xe6",
		CSV_CP1250}, /* Đorđević */
	    {"\x8a\xe6"
	     "epanovi\xe6",
		CSV_CP1250}, /* Šćepanović: two side by side */
	    {"u\x9a\xe6"
	     "e",
		CSV_CP1250},		  /* ušće */
	    {"\xe8", CSV_CP1251},	  /* и, a word of its own */
	    {"\xc0\xed\xe0", CSV_CP1251}, /* Ана */
	    {"\x84Sun\xe8"
	     "ev zrak\x93",
		CSV_CP1250}, /* „Sunčev zrak“ */
	    {"\x84\xd1\xf3\xed\xf7\xe5\xe2 \xe7\xf0\xe0\xea\x93",
		CSV_CP1251}, /* „Сунчев зрак“ */
	    /* one Cyrillic word against one Latin one: a tie is Latin */
	    {"\xc0\xed\xe0;\xd0or\xf0"
	     "e",
		CSV_CP1250},
	    {"\xc0\xed\xe0;\xc0\xed\xe0;\xd0or\xf0"
	     "e",
		CSV_CP1251},
	};
	size_t i;

	for (i = 0; i < NELEM(rows); i++) {
		if (csv_detect(rows[i].in, strlen(rows[i].in)) != rows[i].want)
			print_error("row %zu\n", i);
		assert_int_equal(
		    csv_detect(rows[i].in, strlen(rows[i].in)), rows[i].want);
	}
}

/* A byte Windows-1250 lacks, in a file guessed so, is read as 1251. */
static void
undefined_byte_tries_the_other_code_page(void **state)
{
	struct csv c = parse_ok(state,
	    "ab\x83"
	    "cd\n",
	    NULL);

	assert_int_equal(c.encoding, CSV_CP1251);
	assert_string_equal(c.row[0].field[0], "abѓcd");
}

/* The person's choice of encoding and delimiter wins over detection. */
static void
chosen_encoding_and_delimiter_win(void **state)
{
	struct csv_opts o = {CSV_CP1251, ',', 10, 10, 100};
	struct csv c = parse_ok(state,
	    "\xd0or\xf0"
	    "e;x,y\n",
	    &o);

	assert_int_equal(c.encoding, CSV_CP1251);
	assert_int_equal(c.delim, ',');
	assert_int_equal(c.row[0].n, 2);
	assert_string_equal(c.row[0].field[0], "Рorрe;x"); /* Р, р: 1251 */
}

/* Quoted cells hold the delimiter, doubled quotes and line breaks. */
static void
quoted_cells_follow_rfc_4180(void **state)
{
	static const char *const r0[] = {
	    "a;b", "say \"hi\"", "line 1\nline 2", "", "x\ny"};
	static const char *const r1[] = {"next", "row"};
	struct csv c = parse_ok(state,
	    "\"a;b\";\"say \"\"hi\"\"\";\"line 1\r\nline 2\";\"\";\"x\ry\"\r\n"
	    "next;row\r\n",
	    NULL);

	assert_int_equal(c.nrows, 2);
	assert_row(&c, 0, r0, 5);
	assert_row(&c, 1, r1, 2);
	assert_int_equal(c.row[0].line, 1);
	assert_int_equal(c.row[1].line, 4); /* after two breaks in cells */
}

/* LF, CRLF and a lone CR all end a row; blank lines are skipped. */
static void
line_endings_and_blank_lines(void **state)
{
	static const char *const inputs[] = {
	    "a;b\nc;d\n",
	    "a;b\r\nc;d\r\n",
	    "a;b\rc;d\r",
	    "a;b\nc;d",
	    "\n\r\na;b\n\n\nc;d\r\n\r\n",
	};
	static const char *const r0[] = {"a", "b"};
	static const char *const r1[] = {"c", "d"};
	struct csv c;
	size_t i;

	for (i = 0; i < NELEM(inputs); i++) {
		c = parse_ok(state, inputs[i], NULL);
		assert_int_equal(c.nrows, 2);
		assert_row(&c, 0, r0, 2);
		assert_row(&c, 1, r1, 2);
	}
	c = parse_ok(state, "\n\na;b\n\n\nc;d\n", NULL);
	assert_int_equal(c.row[0].line, 3);
	assert_int_equal(c.row[1].line, 6);
}

/* Empty cells count, at the end of a row too; spaces are kept. */
static void
empty_cells_are_cells(void **state)
{
	static const char *const r0[] = {"a", "b", ""};
	static const char *const r1[] = {"", "", ""};
	static const char *const r2[] = {" x ", ""};
	struct csv c = parse_ok(state, "a;b;\n;;\n x ;", NULL);

	assert_row(&c, 0, r0, 3);
	assert_row(&c, 1, r1, 3);
	assert_row(&c, 2, r2, 2);
}

/* The header's more frequent delimiter outside quotes; ';' on a tie. */
static void
delimiter_comes_from_the_header(void **state)
{
	static const struct {
		const char *in;
		char want;
	} rows[] = {
	    {"a;b;c\n1,2,3,4,5\n", ';'},
	    {"a,b,c\n1;2;3;4;5\n", ','},
	    {"\"x;y;z\",b,c\n", ','},
	    {"\"x,y,z\";b;c\n", ';'},
	    {"a;b,c\n", ';'},
	    {"single\n", ';'},
	    {"a,b;c\n", ';'},
	    {"a,b,c;d\n", ','},
	};
	struct csv c;
	size_t i;

	for (i = 0; i < NELEM(rows); i++) {
		c = parse_ok(state, rows[i].in, NULL);
		assert_int_equal(c.delim, rows[i].want);
	}
}

/* A quote inside an unquoted cell is a character. */
static void
quote_inside_unquoted_cell_is_kept(void **state)
{
	struct csv c = parse_ok(state, "disk 5\" x;b\"\"c\n", NULL);

	assert_string_equal(c.row[0].field[0], "disk 5\" x");
	assert_string_equal(c.row[0].field[1], "b\"\"c");
}

/* One bad file, the error it gives and where. */
struct bad {
	const char *in;
	size_t len; /* 0: strlen */
	enum csv_error want;
	size_t row, col, line;
};

static const struct bad bad[] = {
    {"", 0, CSV_EMPTY, 1, 0, 1}, {"\r\n\n\r\n", 0, CSV_EMPTY, 1, 0, 4},
    {"\xef\xbb\xbf", 0, CSV_EMPTY, 1, 0, 1}, {"a;\"b\n", 0, CSV_QUOTE, 1, 2, 2},
    {"a;\"b\"x\n", 0, CSV_QUOTE, 1, 2, 1},
    {"h;h\n1;\"ok\"\n2;\"bad\" \n", 0, CSV_QUOTE, 3, 2, 3},
    {"h\n\"never\nclosed", 0, CSV_QUOTE, 2, 1, 3},
    {"a;b\n\0c", 6, CSV_ENCODING, 1, 0, 2},
    {"a\0;\0b\0", 6, CSV_ENCODING, 1, 0, 1}, /* UTF-16 */
    {"\xef\xbb\xbf"
     "a\n\xff\n",
	0, CSV_ENCODING, 1, 0, 2},
    {"x\n\x98\n", 0, CSV_ENCODING, 1, 0, 2}, /* in neither code page */
    {"a\x01"
     "b\n",
	0, CSV_CONTROL, 1, 1, 1},
    {"h;h\nx;y\x1f\n", 0, CSV_CONTROL, 2, 2, 2},
    {"h;\"\x7f\"\n", 0, CSV_CONTROL, 1, 2, 1},
    {"h;\"\xef\xbf\xbe\"\n", 0, CSV_CONTROL, 1, 2, 1}, /* U+FFFE */
};

/* Each bad file is refused with its error, row, cell and line. */
static void
bad_files_say_where(void **state)
{
	struct csv c;
	enum csv_error e;
	size_t i, n;

	for (i = 0; i < NELEM(bad); i++) {
		n = bad[i].len ? bad[i].len : strlen(bad[i].in);
		e = csv_parse(*state, bad[i].in, n, NULL, &c);
		if (e != bad[i].want || c.err_row != bad[i].row ||
		    c.err_col != bad[i].col || c.err_line != bad[i].line)
			print_error("row %zu: error %d at %zu:%zu line %zu\n",
			    i, e, c.err_row, c.err_col, c.err_line);
		assert_int_equal(e, bad[i].want);
		assert_int_equal(c.error, bad[i].want);
		assert_int_equal(c.err_row, bad[i].row);
		assert_int_equal(c.err_col, bad[i].col);
		assert_int_equal(c.err_line, bad[i].line);
	}
}

/* The ceilings: rows, cells per row, bytes per cell, bytes in all. */
static void
limits_are_refused_with_row_and_cell(void **state)
{
	struct csv_opts o = {CSV_AUTO, 0, 3, 2, 3};
	struct csv c;
	char *big;

	assert_int_equal(csv_parse(*state, "a\nb\nc\n", 6, &o, &c),
	    CSV_OK); /* at the limit */
	assert_int_equal(
	    csv_parse(*state, "a\nb\nc\nd\n", 8, &o, &c), CSV_TOO_MANY_ROWS);
	assert_int_equal(c.err_row, 4);
	assert_int_equal(c.nrows, 3);
	assert_int_equal(
	    csv_parse(*state, "a;b\nc;d;e\n", 10, &o, &c), CSV_TOO_MANY_FIELDS);
	assert_int_equal(c.err_row, 2);
	assert_int_equal(c.err_col, 3);
	assert_int_equal(
	    csv_parse(*state, "abc;\"xyz\"\n", 10, &o, &c), CSV_OK);
	assert_int_equal(csv_parse(*state, "abc;\"wxyz\"\n", 11, &o, &c),
	    CSV_FIELD_TOO_LONG);
	assert_int_equal(c.err_row, 1);
	assert_int_equal(c.err_col, 2);
	/* Bytes after conversion: Ђ is one byte in 1251 and two in UTF-8. */
	assert_int_equal(
	    csv_parse(*state, "\x80\x80", 2, &o, &c), CSV_FIELD_TOO_LONG);

	big = xmalloc(CSV_MAX_BYTES + 1);
	memset(big, 'a', CSV_MAX_BYTES + 1);
	assert_int_equal(
	    csv_parse(*state, big, CSV_MAX_BYTES + 1, NULL, &c), CSV_TOO_LARGE);
	free(big);
}

/* The defaults hold a caseload: CSV_MAX_ROWS rows pass, one more not. */
static void
default_row_limit_holds_a_caseload(void **state)
{
	size_t n = (CSV_MAX_ROWS + 1) * 2;
	char *s = xmalloc(n);
	struct csv c;
	size_t i;

	for (i = 0; i < n; i += 2) {
		s[i] = 'x';
		s[i + 1] = '\n';
	}
	assert_int_equal(csv_parse(*state, s, n - 2, NULL, &c), CSV_OK);
	assert_int_equal(c.nrows, CSV_MAX_ROWS);
	assert_int_equal(csv_parse(*state, s, n, NULL, &c), CSV_TOO_MANY_ROWS);
	assert_int_equal(c.err_row, CSV_MAX_ROWS + 1);
	free(s);
}

/* Each error has its catalogue key. */
static void
errors_have_message_keys(void **state)
{
	enum csv_error e;

	assert_null(csv_error_key(CSV_OK));
	for (e = CSV_EMPTY; e < CSV__MAX; e++)
		assert_non_null(csv_error_key(e));
	assert_string_equal(csv_error_key(CSV_QUOTE), "csv.quote");
	assert_null(csv_error_key(CSV__MAX));
}

/* What the sink received, and how. */
struct sink {
	char *s;
	size_t len, cap;
	size_t calls, biggest;
	size_t fail_at; /* fail on this call (1-based); 0: never */
};

static int
sink_put(void *arg, const char *p, size_t n)
{
	struct sink *k = arg;

	k->calls++;
	if (n > k->biggest)
		k->biggest = n;
	if (k->fail_at && k->calls >= k->fail_at)
		return -1;
	if (k->s != NULL || k->cap > 0) {
		if (k->len + n + 1 > k->cap) {
			k->cap = (k->len + n + 1) * 2;
			k->s = xrealloc(k->s, k->cap);
		}
		memcpy(k->s + k->len, p, n);
		k->s[k->len + n] = '\0';
	}
	k->len += n;
	return 0;
}

/* Writes rows of n cells each to a string; returns it (caller frees). */
static char *
write_rows(char delim, const char *const *cells, size_t n, size_t rows)
{
	struct csv_writer *w = xmalloc(sizeof(*w));
	struct sink k = {NULL, 0, 1, 0, 0, 0};
	size_t i;

	csv_writer_init(w, delim, sink_put, &k);
	for (i = 0; i < rows; i++)
		assert_int_equal(csv_write_row(w, cells + i * n, n), 0);
	assert_int_equal(csv_write_end(w), 0);
	free(w);
	return k.s;
}

/* The writer's output: byte order mark, delimiter, CRLF. */
static void
writer_writes_utf8_with_bom_and_crlf(void **state)
{
	static const char *const cells[] = {
	    "Ime", "Prezime", "Ђорђе", "Đorđević"};
	char *s = write_rows(';', cells, 2, 2);

	assert_string_equal(s, "\xef\xbb\xbfIme;Prezime\r\nЂорђе;Đorđević\r\n");
	free(s);
	s = write_rows(',', cells, 2, 1);
	assert_string_equal(s, "\xef\xbb\xbfIme,Prezime\r\n");
	free(s);
}

/* Cells with the delimiter, quotes or breaks are quoted; others not. */
static void
writer_quotes_only_when_needed(void **state)
{
	static const struct {
		char delim;
		const char *cell;
		const char *want;
	} rows[] = {
	    {';', "plain text", "plain text"},
	    {';', "a;b", "\"a;b\""},
	    {';', "a,b", "a,b"},
	    {',', "a,b", "\"a,b\""},
	    {',', "a;b", "a;b"},
	    {';', "say \"hi\"", "\"say \"\"hi\"\"\""},
	    {';', "\"", "\"\"\"\""},
	    {';', "line 1\nline 2", "\"line 1\nline 2\""},
	    {';', "a\rb", "\"a\rb\""},
	    {';', " spaces ", " spaces "},
	};
	char want[64], *s;
	size_t i;

	for (i = 0; i < NELEM(rows); i++) {
		s = write_rows(rows[i].delim, &rows[i].cell, 1, 1);
		snprintf(
		    want, sizeof(want), "\xef\xbb\xbf%s\r\n", rows[i].want);
		assert_string_equal(s, want);
		free(s);
	}
}

/* A cell a spreadsheet would run as a formula gets an apostrophe. */
static void
writer_guards_formulas(void **state)
{
	static const struct {
		const char *cell;
		const char *want;
	} rows[] = {
	    {"=SUM(A1:A9)", "'=SUM(A1:A9)"},
	    {"+381 64 123 4567", "'+381 64 123 4567"},
	    {"-5", "'-5"},
	    {"@cmd", "'@cmd"},
	    {"\t=1", "'\t=1"},
	    {"=1;2", "\"'=1;2\""},
	    {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
	    {"a=b", "a=b"},
	    {"5-3", "5-3"},
	    {"'quoted", "'quoted"},
	};
	char want[64], *s;
	size_t i;

	for (i = 0; i < NELEM(rows); i++) {
		s = write_rows(';', &rows[i].cell, 1, 1);
		snprintf(
		    want, sizeof(want), "\xef\xbb\xbf%s\r\n", rows[i].want);
		assert_string_equal(s, want);
		free(s);
	}
}

/*
 * A number column's plain decimal numbers are written as numbers (SPSS
 * and spreadsheets read "'-3" as text); anything else there, and every
 * text cell, is guarded.
 */
static void
writer_writes_numbers_of_number_columns(void **state)
{
	static const struct {
		const char *cell;
		const char *number; /* written in a number column */
		const char *text;   /* written in a text column */
	} rows[] = {
	    {"-3", "-3", "'-3"},
	    {"-3.25", "-3.25", "'-3.25"},
	    {"-0", "-0", "'-0"},
	    {"42", "42", "42"},
	    {"12.5", "12.5", "12.5"},
	    {"-", "'-", "'-"},
	    {"-.5", "'-.5", "'-.5"},
	    {"-3.", "'-3.", "'-3."},
	    {"-3+1", "'-3+1", "'-3+1"},
	    {"-1e5", "'-1e5", "'-1e5"},
	    {"-3;4", "\"'-3;4\"", "\"'-3;4\""},
	    {"=1", "'=1", "'=1"},
	    {"+3", "'+3", "'+3"},
	    {"@3", "'@3", "'@3"},
	};
	static const bool kinds[2] = {true, false};
	struct csv_writer *w = xmalloc(sizeof(*w));
	const char *cells[2];
	char want[64];
	struct sink k;
	size_t i;

	for (i = 0; i < NELEM(rows); i++) {
		memset(&k, 0, sizeof(k));
		k.cap = 1; /* collect what is written */
		csv_writer_init(w, ';', sink_put, &k);
		cells[0] = cells[1] = rows[i].cell;
		assert_int_equal(csv_write_cells(w, cells, kinds, 2), 0);
		assert_int_equal(csv_write_end(w), 0);
		snprintf(want, sizeof(want), "\xef\xbb\xbf%s;%s\r\n",
		    rows[i].number, rows[i].text);
		assert_string_equal(k.s, want);
		free(k.s);
	}
	free(w);
}

/* NULL is an empty cell; a row of one empty cell is not a blank line. */
static void
writer_empty_cells_and_rows(void **state)
{
	static const char *const two[] = {NULL, ""};
	static const char *const one[] = {""};
	char *s;

	s = write_rows(';', two, 2, 1);
	assert_string_equal(s, "\xef\xbb\xbf;\r\n");
	free(s);
	s = write_rows(';', one, 1, 1);
	assert_string_equal(s, "\xef\xbb\xbf\"\"\r\n");
	free(s);
	s = write_rows(';', one, 0, 0);
	assert_string_equal(s, "\xef\xbb\xbf");
	free(s);
}

/* What the writer writes, the reader reads back (formulas guarded). */
static void
written_rows_read_back(void **state)
{
	static const char *const cells[] = {"Prezime", "Napomena", "Đorđević",
	    "a;b \"c\"\nd", "Ђорђе", "", "=1+1", "x"};
	struct csv c;
	char *s = write_rows(';', cells, 2, 4);
	size_t r, i;

	assert_int_equal(csv_parse(*state, s, strlen(s), NULL, &c), CSV_OK);
	assert_int_equal(c.nrows, 4);
	for (r = 0; r < 4; r++)
		for (i = 0; i < 2; i++)
			if (r != 3 || i != 0)
				assert_string_equal(
				    c.row[r].field[i], cells[r * 2 + i]);
	assert_string_equal(c.row[3].field[0], "'=1+1");
	free(s);
}

/*
 * A million rows go through the one buffer: the sink sees chunks no
 * larger than CSV_WRITE_BUF_BYTES, and nothing else is allocated (the
 * sink here only counts).
 */
static void
writer_streams_a_million_rows_in_constant_memory(void **state)
{
	static const char *const row[] = {
	    "1234567", "Ђорђевић", "Đorđe", "2026-10", "12.50"};
	struct csv_writer *w = xmalloc(sizeof(*w));
	struct sink k = {NULL, 0, 0, 0, 0, 0};
	size_t i, per_row = strlen("1234567;Ђорђевић;Đorđe;2026-10;12.50\r\n");

	csv_writer_init(w, ';', sink_put, &k);
	for (i = 0; i < 1000000; i++)
		assert_int_equal(csv_write_row(w, row, 5), 0);
	assert_int_equal(csv_write_end(w), 0);
	assert_int_equal(k.len, 3 + per_row * 1000000);
	assert_true(k.biggest <= CSV_WRITE_BUF_BYTES);
	assert_true(k.calls <= k.len / CSV_WRITE_BUF_BYTES + 1);
	assert_true(sizeof(*w) < CSV_WRITE_BUF_BYTES + 128);
	free(w);
}

/* Once the sink fails, every later call fails and the sink rests. */
static void
writer_stops_when_the_sink_fails(void **state)
{
	static const char *const row[] = {"0123456789", "abcdefghij"};
	struct csv_writer *w = xmalloc(sizeof(*w));
	struct sink k = {NULL, 0, 0, 0, 0, 2};
	size_t i;
	int rc = 0;

	csv_writer_init(w, ';', sink_put, &k);
	for (i = 0; i < 10000 && rc == 0; i++)
		rc = csv_write_row(w, row, 2);
	assert_int_equal(rc, -1);
	assert_int_equal(k.calls, 2);
	assert_int_equal(csv_write_row(w, row, 2), -1);
	assert_int_equal(csv_write_end(w), -1);
	assert_int_equal(k.calls, 2);
	free(w);
}

/* Runs the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		utf8_with_semicolons_is_read, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		byte_order_mark_is_skipped, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		windows_1250_is_converted, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		windows_1251_is_converted, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		windows_1251_under_a_latin_header, setup, teardown),
	    cmocka_unit_test(detection_follows_the_documented_rule),
	    cmocka_unit_test_setup_teardown(
		undefined_byte_tries_the_other_code_page, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		chosen_encoding_and_delimiter_win, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		quoted_cells_follow_rfc_4180, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		line_endings_and_blank_lines, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		empty_cells_are_cells, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		delimiter_comes_from_the_header, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		quote_inside_unquoted_cell_is_kept, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		bad_files_say_where, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		limits_are_refused_with_row_and_cell, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		default_row_limit_holds_a_caseload, setup, teardown),
	    cmocka_unit_test(errors_have_message_keys),
	    cmocka_unit_test(writer_writes_utf8_with_bom_and_crlf),
	    cmocka_unit_test(writer_quotes_only_when_needed),
	    cmocka_unit_test(writer_guards_formulas),
	    cmocka_unit_test(writer_writes_numbers_of_number_columns),
	    cmocka_unit_test(writer_empty_cells_and_rows),
	    cmocka_unit_test_setup_teardown(
		written_rows_read_back, setup, teardown),
	    cmocka_unit_test(writer_streams_a_million_rows_in_constant_memory),
	    cmocka_unit_test(writer_stops_when_the_sink_fails),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
