/* SPDX-License-Identifier: ISC */
/*
 * test-str.c: the bounded helpers every wire value passes through:
 * numbers, UTF-8 (the one decoder and encoder), XML-safe text,
 * percent-decoding, and the hex of random tokens.  Mostly bad input.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "karika.h"

static void
int64_accepts_numbers_in_range(void **state)
{
	int64_t v = 0;

	assert_int_equal(str_to_int64("42", 0, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(str_to_int64("-5", -10, 10, &v), 0);
	assert_int_equal(v, -5);
	assert_int_equal(
	    str_to_int64("9223372036854775807", 0, INT64_MAX, &v), 0);
	assert_true(v == INT64_MAX);
}

static void
int64_rejects_garbage_and_range(void **state)
{
	static const char *const bad[] = {"", "abc", "12abc", " 12", "+12",
	    "1e3", "0x10", "101", "-1", "99999999999999999999", "12 ", "1.5"};
	int64_t v = 7;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(str_to_int64(bad[i], 0, 100, &v), -1);
		assert_int_equal(v, 7);
	}
	assert_int_equal(str_to_int64(NULL, 0, 100, &v), -1);
}

static void
utf8_accepts_serbian_text(void **state)
{
	static const char *const good[] = {"", "abc", "Ђорђевић", "Đorđević",
	    "„Sunčev zrak“", "日本", "\xf0\x9f\x98\x80"};
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(utf8_valid(good[i], strlen(good[i])));
	assert_int_equal(utf8_chars("Љубица", strlen("Љубица")), 6);
}

static void
utf8_rejects_malformed_sequences(void **state)
{
	static const char *const bad[] = {
	    "\xff", "\xc0\xaf",	   /* overlong '/' */
	    "\xe0\x80\xaf",	   /* overlong */
	    "\xed\xa0\x80",	   /* surrogate */
	    "\xf4\x90\x80\x80",	   /* above U+10FFFF */
	    "\xc3", "abc\xe2\x82", /* truncated */
	    "\x80", "a\xbf",	   /* stray continuation */
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(utf8_valid(bad[i], strlen(bad[i])));
	assert_false(utf8_valid("a\0b", 3));
}

static void
utf8_decode_reads_one_sequence_and_its_code_point(void **state)
{
	static const struct {
		const char *s;
		size_t len;
		uint32_t cp;
	} good[] = {
	    {"a", 1, 'a'},
	    {"\xc5\xa1x", 2, 0x161},	      /* š */
	    {"\xd0\x89", 2, 0x409},	      /* Љ */
	    {"\xe2\x80\x9e", 3, 0x201e},      /* „ */
	    {"\xf0\x9f\x98\x80", 4, 0x1f600}, /* emoji */
	    {"\xf4\x8f\xbf\xbf", 4, 0x10ffff},
	};
	uint32_t cp;
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		cp = 0;
		assert_int_equal(utf8_decode(good[i].s, strlen(good[i].s), &cp),
		    good[i].len);
		assert_int_equal(cp, good[i].cp);
	}
	assert_int_equal(utf8_decode("\0", 1, &cp), 1); /* NUL: the caller's */
	assert_int_equal(cp, 0);
}

static void
utf8_decode_refuses_bad_and_truncated_sequences(void **state)
{
	static const char *const bad[] = {"\xff", "\xc0\xaf", "\xe0\x80\xaf",
	    "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\x80",
	    "\xc3", "\xe2\x82", "\xc3!"};
	uint32_t cp = 7;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(utf8_decode(bad[i], strlen(bad[i]), &cp), 0);
	/* n bounds the read: a whole sequence cut by n is refused. */
	assert_int_equal(utf8_decode("\xc5\xa1", 1, &cp), 0);
	assert_int_equal(utf8_decode("\xe2\x80\x9e", 2, &cp), 0);
	assert_int_equal(utf8_decode("a", 0, &cp), 0);
	assert_int_equal(cp, 7); /* untouched on failure */
}

static void
utf8_encode_round_trips_through_decode(void **state)
{
	static const uint32_t cps[] = {0, 'A', 0x7f, 0x80, 0x7ff, 0x800, 0x161,
	    0x409, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff};
	char u[4];
	uint32_t cp;
	size_t i, n;

	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		n = utf8_encode(cps[i], u);
		assert_in_range(n, 1, 4);
		assert_int_equal(utf8_decode(u, n, &cp), n);
		assert_int_equal(cp, cps[i]);
	}
	assert_int_equal(utf8_encode(0x409, u), 2);
	assert_memory_equal(u, "\xd0\x89", 2);
}

static void
hex_encode_writes_two_lower_case_digits_per_byte(void **state)
{
	static const unsigned char in[] = {0x00, 0x01, 0x7f, 0x80, 0xab, 0xff};
	char out[2 * sizeof(in) + 2];

	memset(out, 'Z', sizeof(out));
	hex_encode(in, sizeof(in), out);
	assert_string_equal(out, "00017f80abff");
	assert_int_equal(out[2 * sizeof(in) + 1], 'Z'); /* nothing past NUL */
	hex_encode(in, 0, out);
	assert_string_equal(out, "");
}

static void
text_clean_refuses_what_xml_cannot_carry(void **state)
{
	static const char *const bad[] = {"\x01", "a\x1f", "\x7f", "x\x0b",
	    "\xef\xbf\xbe", "\xef\xbf\xbf", "\xff"};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(text_clean(bad[i], strlen(bad[i])));
	assert_false(text_clean("a\0b", 3));
	assert_true(text_clean("tab\there\r\nnew line", 18));
	assert_true(text_clean("<&>\"'", 5));
}

static void
pct_decode_decodes_escapes_and_plus(void **state)
{
	char s[] = "a%20b+c%C5%A1%2b";
	size_t len = strlen(s);

	assert_int_equal(pct_decode(s, &len), 0);
	assert_string_equal(s, "a b cš+");
	assert_int_equal(len, strlen("a b cš+"));
}

static void
pct_decode_refuses_bad_escapes(void **state)
{
	static const char *const bad[] = {
	    "%", "%2", "a%g0", "%0g", "%00", "abc%", "%%41"};
	char buf[16];
	size_t i, len;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memcpy(buf, bad[i], strlen(bad[i]) + 1);
		len = strlen(buf);
		assert_int_equal(pct_decode(buf, &len), -1);
	}
}

static void
eq_ci_compares_ascii_only(void **state)
{
	assert_true(str_eq_ci("GET", "get"));
	assert_false(str_eq_ci("GET", "GETS"));
	assert_false(str_eq_ci(NULL, "x"));
}

static void
arena_strings_survive_until_reset(void **state)
{
	struct arena *a = arena_new();
	char *big, *s;

	s = arena_printf(a, "%s-%d", "rid", 7);
	big = arena_alloc(a, 3 * ARENA_BLOCK_BYTES);
	memset(big, 'x', 3 * ARENA_BLOCK_BYTES);
	assert_string_equal(s, "rid-7");
	arena_reset(a);
	s = arena_strdup(a, "again");
	assert_string_equal(s, "again");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(int64_accepts_numbers_in_range),
	    cmocka_unit_test(int64_rejects_garbage_and_range),
	    cmocka_unit_test(utf8_accepts_serbian_text),
	    cmocka_unit_test(utf8_rejects_malformed_sequences),
	    cmocka_unit_test(utf8_decode_reads_one_sequence_and_its_code_point),
	    cmocka_unit_test(utf8_decode_refuses_bad_and_truncated_sequences),
	    cmocka_unit_test(utf8_encode_round_trips_through_decode),
	    cmocka_unit_test(hex_encode_writes_two_lower_case_digits_per_byte),
	    cmocka_unit_test(text_clean_refuses_what_xml_cannot_carry),
	    cmocka_unit_test(pct_decode_decodes_escapes_and_plus),
	    cmocka_unit_test(pct_decode_refuses_bad_escapes),
	    cmocka_unit_test(eq_ci_compares_ascii_only),
	    cmocka_unit_test(arena_strings_survive_until_reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
