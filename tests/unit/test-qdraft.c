/* SPDX-License-Identifier: ISC */
/*
 * test-qdraft.c: a response's answers so far as JSON (qdraft.c).  What
 * karika-surveys relies on: what qdraft_json writes, qdraft_decode reads
 * back unchanged, whatever the texts hold; the writer's text is the
 * exact array survey_complete's JSON_TABLE reads; and the reader refuses
 * anything else rather than guess (a draft that does not read is a 500,
 * never a wrong answer), including a draft over QDRAFT_MAX_ROWS rows.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

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

static void
add(struct arena *a, struct qanswers *l, const char *q, const char *i,
    const char *o, const char *n, const char *t)
{
	struct qval v = {q, i, o, n, t};

	qanswers_add(a, l, &v);
}

static void
assert_same(const struct qanswers *x, const struct qanswers *y)
{
	size_t i;

	assert_int_equal(x->n, y->n);
	for (i = 0; i < x->n; i++) {
		assert_string_equal(x->v[i].question, y->v[i].question);
		assert_string_equal(x->v[i].item, y->v[i].item);
#define SAME(f)                                                                \
	do {                                                                   \
		if (x->v[i].f == NULL)                                         \
			assert_null(y->v[i].f);                                \
		else                                                           \
			assert_string_equal(x->v[i].f, y->v[i].f);             \
	} while (0)
		SAME(option);
		SAME(number);
		SAME(text);
#undef SAME
	}
}

static void
json_is_the_array_json_table_reads(void **state)
{
	struct arena *a = *state;
	struct qanswers l = {0};

	add(a, &l, "group", "", "citizen", NULL, NULL);
	add(a, &l, "problems", "poverty", "4", "4", NULL);
	add(a, &l, "info", "", "other", NULL, "Radio");
	assert_string_equal(qdraft_json(a, &l),
	    "[{\"q\":\"group\",\"i\":\"\",\"o\":\"citizen\"},"
	    "{\"q\":\"problems\",\"i\":\"poverty\",\"o\":\"4\",\"n\":\"4\"},"
	    "{\"q\":\"info\",\"i\":\"\",\"o\":\"other\",\"t\":\"Radio\"}]");
}

static void
no_answers_are_an_empty_array_and_read_back_empty(void **state)
{
	struct arena *a = *state;
	struct qanswers l = {0}, back;

	assert_string_equal(qdraft_json(a, &l), "[]");
	assert_int_equal(qdraft_decode(a, "[]", &back), 0);
	assert_int_equal(back.n, 0);
	assert_int_equal(qdraft_decode(a, NULL, &back), 0);
	assert_int_equal(back.n, 0);
	assert_int_equal(qdraft_decode(a, " [ ] ", &back), 0);
	assert_int_equal(back.n, 0);
}

static void
texts_with_quotes_escapes_lines_and_cyrillic_come_back_unchanged(void **state)
{
	static const char *const texts[] = {
	    "\"quoted\" and \\backslash\\",
	    "Dva reda\nteksta\r\nи табулатор\t",
	    "Љубица, ђак, Ђурђевдан: ćirilica i latinica",
	    "\x01\x1f control bytes the writer escapes as \\u00XX",
	    "/ slash } brace ] bracket , comma : colon",
	    "",
	};
	struct arena *a = *state;
	struct qanswers l = {0}, back;
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		add(a, &l, "comment", "", NULL, NULL, texts[i]);
	add(a, &l, "members", "", NULL, "3.0000", NULL);
	add(a, &l, "household", "", "other", NULL, "Baka");
	assert_int_equal(qdraft_decode(a, qdraft_json(a, &l), &back), 0);
	assert_same(&l, &back);
}

static void
escapes_json_allows_are_read(void **state)
{
	struct arena *a = *state;
	struct qanswers back;

	assert_int_equal(qdraft_decode(a,
			     "[{\"q\":\"a\",\"t\":\"\\u0416\\/\\\"\\\\\"},"
			     " { \"i\" : \"x\" , \"q\" : \"b\" } ]",
			     &back),
	    0);
	assert_int_equal(back.n, 2);
	assert_string_equal(back.v[0].text, "Ж/\"\\");
	assert_string_equal(back.v[0].item, "");
	assert_string_equal(back.v[1].question, "b");
	assert_string_equal(back.v[1].item, "x");
	assert_null(back.v[1].option);
}

static void
decode_refuses_what_the_writer_never_makes(void **state)
{
	static const char *const bad[] = {
	    "",
	    "{}",
	    "[",
	    "[{",
	    "[{}]",	       /* no "q" */
	    "[{\"i\":\"x\"}]", /* no "q" */
	    "[{\"q\":1}]",     /* not a string */
	    "[{\"q\":null}]",
	    "[{\"q\":\"a\",\"x\":\"b\"}]", /* unknown member */
	    "[{\"q\":\"a\",}]",
	    "[{\"q\":\"a\"},]",
	    "[{\"q\":\"a\"}{\"q\":\"b\"}]",
	    "[{\"q\":\"a\"}] trailing",
	    "[{\"q\":\"a\"}]]",
	    "[{\"q\" \"a\"}]",
	    "[{\"q\":\"a}]", /* unterminated string */
	    "[{\"q\":\"\\x\"}]",
	    "[{\"q\":\"\\u00\"}]",
	    "[{\"q\":\"\\u12G4\"}]",
	    "[{\"q\":\"\\u0000\"}]", /* NUL would cut the text */
	    "[{\"q\":\"\\ud800\"}]", /* a lone surrogate */
	    "[\"q\"]",
	    "[[]]",
	};
	struct arena *a = *state;
	struct qanswers back;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (qdraft_decode(a, bad[i], &back) != -1)
			fail_msg("accepted %s", bad[i]);
	}
}

static void
decode_refuses_more_than_max_rows(void **state)
{
	struct arena *a = *state;
	struct qanswers l = {0}, back;
	size_t i;

	for (i = 0; i < QDRAFT_MAX_ROWS; i++)
		add(a, &l, "q", "", "o", NULL, NULL);
	assert_int_equal(qdraft_decode(a, qdraft_json(a, &l), &back), 0);
	assert_int_equal(back.n, QDRAFT_MAX_ROWS);
	add(a, &l, "q", "", "o", NULL, NULL);
	assert_int_equal(qdraft_decode(a, qdraft_json(a, &l), &back), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		json_is_the_array_json_table_reads, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		no_answers_are_an_empty_array_and_read_back_empty, setup,
		teardown),
	    cmocka_unit_test_setup_teardown(
		texts_with_quotes_escapes_lines_and_cyrillic_come_back_unchanged,
		setup, teardown),
	    cmocka_unit_test_setup_teardown(
		escapes_json_allows_are_read, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		decode_refuses_what_the_writer_never_makes, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		decode_refuses_more_than_max_rows, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
