/* SPDX-License-Identifier: ISC */
/*
 * test-buf.c: the one growable string (buf.c).  What callers rely on: the
 * content is always NUL-terminated, an add that would pass the ceiling is
 * refused whole and every later add too, and buf_take never hands over a
 * truncated text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "karika.h"

static void
take_of_an_empty_buffer_is_an_empty_string(void **state)
{
	struct buf b;
	char *s;

	buf_init(&b, BUF_NO_MAX);
	assert_null(b.p);
	s = buf_take(&b);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
}

static void
adds_append_and_stay_nul_terminated(void **state)
{
	struct buf b;
	char *s;

	buf_init(&b, BUF_NO_MAX);
	assert_int_equal(buf_adds(&b, "Ljubica"), 0);
	assert_int_equal(buf_addc(&b, ' '), 0);
	assert_int_equal(buf_add(&b, "Đorđevićxyz", strlen("Đorđević")), 0);
	assert_int_equal(buf_add(&b, "", 0), 0);
	assert_int_equal(b.len, strlen("Ljubica Đorđević"));
	assert_string_equal(b.p, "Ljubica Đorđević");
	s = buf_take(&b);
	assert_string_equal(s, "Ljubica Đorđević");
	assert_null(b.p);
	assert_int_equal(b.len, 0);
	free(s);
}

static void
buffer_grows_past_many_doublings(void **state)
{
	struct buf b;
	size_t i;

	buf_init(&b, BUF_NO_MAX);
	for (i = 0; i < 100000; i++)
		assert_int_equal(buf_addc(&b, (char)('a' + i % 26)), 0);
	assert_int_equal(b.len, 100000);
	assert_int_equal(strlen(b.p), 100000);
	assert_int_equal(b.p[26], 'a');
	assert_true(b.cap > b.len);
	buf_release(&b);
	assert_null(b.p);
}

static void
add_past_the_ceiling_is_refused_whole(void **state)
{
	struct buf b;

	buf_init(&b, 8);
	assert_int_equal(buf_adds(&b, "12345"), 0);
	assert_int_equal(buf_adds(&b, "6789"), -1);
	assert_true(b.full);
	assert_string_equal(b.p, "12345"); /* nothing of the refused add */
	assert_int_equal(b.len, 5);
	buf_release(&b);
}

static void
after_a_refusal_every_add_is_refused(void **state)
{
	struct buf b;

	buf_init(&b, 8);
	assert_int_equal(buf_adds(&b, "123456789"), -1);
	assert_int_equal(buf_addc(&b, 'x'), -1);
	assert_int_equal(buf_adds(&b, ""), -1);
	assert_int_equal(buf_printf(&b, "%d", 1), -1);
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

static void
take_after_a_refusal_gives_null_not_a_truncated_text(void **state)
{
	struct buf b;

	buf_init(&b, 4);
	assert_int_equal(buf_adds(&b, "abcd"), 0); /* exactly the ceiling */
	assert_int_equal(buf_addc(&b, 'e'), -1);
	assert_null(buf_take(&b));
	/* The buffer is usable again, with the same ceiling. */
	assert_false(b.full);
	assert_int_equal(b.max, 4);
	assert_int_equal(buf_adds(&b, "ok"), 0);
	buf_release(&b);
}

static void
zero_ceiling_refuses_any_byte(void **state)
{
	struct buf b;
	char *s;

	buf_init(&b, 0);
	assert_int_equal(buf_add(&b, "", 0), 0);
	assert_int_equal(buf_addc(&b, 'a'), -1);
	assert_null(buf_take(&b));
	buf_init(&b, 0);
	s = buf_take(&b);
	assert_string_equal(s, "");
	free(s);
}

static void
add_keeps_embedded_nul_bytes(void **state)
{
	struct buf b;

	buf_init(&b, BUF_NO_MAX);
	assert_int_equal(buf_add(&b, "a\0b", 3), 0);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.p, "a\0b", 4);
	buf_release(&b);
}

static void
printf_appends_formatted_text_within_the_ceiling(void **state)
{
	struct buf b;

	buf_init(&b, 16);
	assert_int_equal(buf_adds(&b, "<"), 0);
	assert_int_equal(buf_printf(&b, "%s@%d", "id", 42), 0);
	assert_string_equal(b.p, "<id@42");
	/* 6 + 11 bytes would pass 16: refused, content unchanged. */
	assert_int_equal(buf_printf(&b, "%s", "12345678901"), -1);
	assert_string_equal(b.p, "<id@42");
	buf_release(&b);
}

static void
grow_reserves_without_changing_the_content(void **state)
{
	struct buf b;

	buf_init(&b, BUF_NO_MAX);
	buf_grow(&b, 1000);
	assert_true(b.cap >= 1001);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.p, "");
	assert_int_equal(buf_adds(&b, "x"), 0);
	buf_grow(&b, 10);
	assert_string_equal(b.p, "x");
	buf_release(&b);
	/* Never past the ceiling. */
	buf_init(&b, 10);
	buf_grow(&b, 1u << 30);
	assert_true(b.cap <= 64);
	buf_release(&b);
}

static void
release_of_an_unused_buffer_is_harmless(void **state)
{
	struct buf b;

	buf_init(&b, BUF_NO_MAX);
	buf_release(&b);
	buf_release(&b);
	assert_null(b.p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(take_of_an_empty_buffer_is_an_empty_string),
	    cmocka_unit_test(adds_append_and_stay_nul_terminated),
	    cmocka_unit_test(buffer_grows_past_many_doublings),
	    cmocka_unit_test(add_past_the_ceiling_is_refused_whole),
	    cmocka_unit_test(after_a_refusal_every_add_is_refused),
	    cmocka_unit_test(
		take_after_a_refusal_gives_null_not_a_truncated_text),
	    cmocka_unit_test(zero_ceiling_refuses_any_byte),
	    cmocka_unit_test(add_keeps_embedded_nul_bytes),
	    cmocka_unit_test(printf_appends_formatted_text_within_the_ceiling),
	    cmocka_unit_test(grow_reserves_without_changing_the_content),
	    cmocka_unit_test(release_of_an_unused_buffer_is_harmless),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
