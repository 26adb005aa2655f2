/* SPDX-License-Identifier: ISC */
/*
 * test-quiz.c: the arithmetic of tests and certificates (quiz.c, issue
 * 16): the random draw never holds a question twice and covers the bank,
 * a biased or failing source is refused; an attempt's order of options is
 * a uniform shuffle, the same at every reload; scoring is the exact set of
 * right pairs for each kind of question; the pass mark; validity dates
 * over month ends and leap years; the day a reminder is due; the
 * verification code's shape.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../fcgi/registry/quiz.h"

/* A deterministic source: a xorshift generator, for repeatable draws. */
static int
xorshift(void *arg, void *buf, size_t n)
{
	uint64_t *s = arg;
	unsigned char *b = buf;
	size_t i;

	for (i = 0; i < n; i++) {
		*s ^= *s << 13;
		*s ^= *s >> 7;
		*s ^= *s << 17;
		b[i] = (unsigned char)*s;
	}
	return 0;
}

static int
broken(void *arg, void *buf, size_t n)
{
	return -1;
}

/* Always the largest value: every draw is rejected (bias refused). */
static int
stuck(void *arg, void *buf, size_t n)
{
	memset(buf, 0xff, n);
	return 0;
}

static void
draw_never_repeats_a_question(void **state)
{
	size_t out[QUIZ_DRAW_MAX], seen[QUIZ_BANK_MAX];
	uint64_t s = 88172645463325252ULL;
	size_t bank, k, i, run;
	int n;

	for (run = 0; run < 2000; run++) {
		bank = 1 + run % 60;
		k = 1 + run % 25;
		n = quiz_draw(bank, k, out, xorshift, &s);
		assert_int_equal(n, k < bank ? k : bank);
		memset(seen, 0, sizeof(seen));
		for (i = 0; i < (size_t)n; i++) {
			assert_true(out[i] < bank);
			assert_int_equal(seen[out[i]], 0);
			seen[out[i]] = 1;
		}
	}
}

static void
draw_with_getrandom_never_repeats(void **state)
{
	size_t out[QUIZ_DRAW_MAX], seen[QUIZ_BANK_MAX];
	size_t i, run;
	int n;

	for (run = 0; run < 500; run++) {
		n = quiz_draw(20, 15, out, quiz_getrandom, NULL);
		assert_int_equal(n, 15);
		memset(seen, 0, sizeof(seen));
		for (i = 0; i < 15; i++) {
			assert_true(out[i] < 20);
			assert_int_equal(seen[out[i]], 0);
			seen[out[i]] = 1;
		}
	}
}

static void
draw_reaches_every_question(void **state)
{
	size_t out[QUIZ_DRAW_MAX], hits[18] = {0};
	uint64_t s = 42;
	size_t i, run;

	for (run = 0; run < 3000; run++) {
		assert_int_equal(quiz_draw(18, 5, out, xorshift, &s), 5);
		for (i = 0; i < 5; i++)
			hits[out[i]]++;
	}
	/* 15,000 draws over 18 questions: about 833 each. */
	for (i = 0; i < 18; i++) {
		assert_true(hits[i] > 700);
		assert_true(hits[i] < 970);
	}
}

static void
draw_refuses_limits_and_broken_sources(void **state)
{
	size_t out[QUIZ_DRAW_MAX];
	uint64_t s = 7;

	assert_int_equal(
	    quiz_draw(QUIZ_BANK_MAX + 1, 5, out, xorshift, &s), -1);
	assert_int_equal(
	    quiz_draw(10, QUIZ_DRAW_MAX + 1, out, xorshift, &s), -1);
	assert_int_equal(quiz_draw(10, 5, out, broken, NULL), -1);
	assert_int_equal(quiz_draw(10, 5, out, stuck, NULL), -1);
	assert_int_equal(quiz_draw(0, 5, out, xorshift, &s), 0);
}

static void
uniform_rejects_the_biased_top(void **state)
{
	uint32_t v;

	/* 0xffffffff lies above the last whole multiple of 3: refused. */
	assert_int_equal(quiz_uniform(stuck, NULL, 3, &v), -1);
	/* For a power of two nothing is above it. */
	assert_int_equal(quiz_uniform(stuck, NULL, 4, &v), 0);
	assert_int_equal(v, 3);
	assert_int_equal(quiz_uniform(stuck, NULL, 0, &v), -1);
}

/* The index of permutation p of 4 things among the 24 (Lehmer code). */
static int
perm_index(const size_t *p)
{
	int idx = 0, i, j, smaller;

	for (i = 0; i < 4; i++) {
		for (smaller = 0, j = i + 1; j < 4; j++)
			smaller += p[j] < p[i];
		idx = idx * (4 - i) + smaller;
	}
	return idx;
}

/* A shuffle of an attempt's options is a permutation, the same for the
 * same (seed, question, purpose) at every reload, another for another
 * attempt, question or purpose. */
static void
shuffle_is_a_repeatable_permutation(void **state)
{
	struct quiz_stream s;
	size_t a[QUIZ_OPTIONS_MAX], b[QUIZ_OPTIONS_MAX];
	bool seen[QUIZ_OPTIONS_MAX];
	uint64_t seed;
	int differ = 0, i;
	size_t k;

	for (seed = 1; seed <= 200; seed++) {
		quiz_stream_init(&s, seed * 0x9e3779b97f4a7c15u, 42, 'o');
		assert_int_equal(
		    quiz_shuffle(QUIZ_OPTIONS_MAX, a, quiz_stream_rand, &s), 0);
		memset(seen, 0, sizeof(seen));
		for (k = 0; k < QUIZ_OPTIONS_MAX; k++) {
			assert_true(a[k] < QUIZ_OPTIONS_MAX);
			assert_false(seen[a[k]]);
			seen[a[k]] = true;
		}
		/* The same stream again: the same order (a reload). */
		quiz_stream_init(&s, seed * 0x9e3779b97f4a7c15u, 42, 'o');
		assert_int_equal(
		    quiz_shuffle(QUIZ_OPTIONS_MAX, b, quiz_stream_rand, &s), 0);
		assert_memory_equal(a, b, sizeof(a));
		/* Another question, purpose or attempt: another order. */
		for (i = 0; i < 3; i++) {
			quiz_stream_init(&s,
			    seed * 0x9e3779b97f4a7c15u + (i == 0),
			    42 + (i == 1), i == 2 ? 'i' : 'o');
			assert_int_equal(quiz_shuffle(QUIZ_OPTIONS_MAX, b,
					     quiz_stream_rand, &s),
			    0);
			differ += memcmp(a, b, sizeof(a)) != 0;
		}
	}
	/* Two orders of 12 agree by chance once in 479,001,600. */
	assert_int_equal(differ, 600);
}

/* Every order of 4 options is about as likely (the bank's order, the
 * identity, too: 1 in 24, not more), and a shuffle of 0 or 1 thing or of
 * too many, or from a failing source, is what it should be. */
static void
shuffle_is_uniform(void **state)
{
	struct quiz_stream s;
	size_t p[QUIZ_OPTIONS_MAX + 1];
	int count[24] = {0}, i;
	uint64_t seed;

	for (seed = 0; seed < 24000; seed++) {
		quiz_stream_init(&s, seed, 7, 'o');
		assert_int_equal(quiz_shuffle(4, p, quiz_stream_rand, &s), 0);
		count[perm_index(p)]++;
	}
	/* About 1,000 each: 5 standard deviations (31) either side. */
	for (i = 0; i < 24; i++) {
		assert_in_range(count[i], 845, 1155);
	}
	assert_int_equal(quiz_shuffle(0, p, quiz_stream_rand, &s), 0);
	assert_int_equal(quiz_shuffle(1, p, quiz_stream_rand, &s), 0);
	assert_int_equal(p[0], 0);
	assert_int_equal(
	    quiz_shuffle(QUIZ_OPTIONS_MAX + 1, p, quiz_stream_rand, &s), -1);
	assert_int_equal(quiz_shuffle(4, p, broken, NULL), -1);
}

static struct quiz_pairs
pairs(const char *const *items, const char *const *opts)
{
	struct quiz_pairs p;
	size_t i;

	memset(&p, 0, sizeof(p));
	for (i = 0; opts[i] != NULL; i++)
		quiz_pairs_add(&p, items != NULL ? items[i] : "", opts[i]);
	return p;
}

/* Whether what was chosen (items may be NULL, opts NULL-terminated)
 * answers the key. */
static bool
right(const struct quiz_pairs *key, const char *const *items,
    const char *const *opts)
{
	struct quiz_pairs g = pairs(items, opts);

	return quiz_correct(key, &g);
}

static void
scoring_single_and_truefalse(void **state)
{
	struct quiz_pairs key = pairs(NULL, (const char *[]){"b", NULL});
	struct quiz_pairs none = pairs(NULL, (const char *[]){NULL});

	assert_true(right(&key, NULL, (const char *[]){"b", NULL}));
	assert_false(right(&key, NULL, (const char *[]){"a", NULL}));
	assert_false(quiz_correct(&key, &none));
	/* Two choices sent for a single question: not right. */
	assert_false(right(&key, NULL, (const char *[]){"b", "a", NULL}));
	/* The same choice twice counts once. */
	assert_true(right(&key, NULL, (const char *[]){"b", "b", NULL}));
	/* A question without a right answer passes nobody. */
	assert_false(quiz_correct(&none, &none));
	key = pairs(NULL, (const char *[]){"false", NULL});
	assert_true(right(&key, NULL, (const char *[]){"false", NULL}));
	assert_false(right(&key, NULL, (const char *[]){"true", NULL}));
}

static void
scoring_multiple_needs_exactly_the_right_set(void **state)
{
	struct quiz_pairs key = pairs(NULL, (const char *[]){"a", "c", NULL});

	assert_true(right(&key, NULL, (const char *[]){"c", "a", NULL}));
	assert_false(right(&key, NULL, (const char *[]){"a", NULL}));
	assert_false(right(&key, NULL, (const char *[]){"a", "c", "d", NULL}));
	assert_false(right(&key, NULL, (const char *[]){"a", "d", NULL}));
}

static void
scoring_matching_needs_every_item(void **state)
{
	const char *items[] = {"x", "y", "z"};
	struct quiz_pairs key =
	    pairs(items, (const char *[]){"one", "two", "three", NULL});

	assert_true(right(&key, (const char *[]){"z", "x", "y"},
	    (const char *[]){"three", "one", "two", NULL}));
	assert_false(
	    right(&key, items, (const char *[]){"one", "three", "two", NULL}));
	assert_false(right(&key, items, (const char *[]){"one", "two", NULL}));
	/* The right option under no item is not a match. */
	assert_false(
	    right(&key, NULL, (const char *[]){"one", "two", "three", NULL}));
}

static void
pairs_are_bounded(void **state)
{
	struct quiz_pairs p;
	char codes[QUIZ_OPTIONS_MAX + 1][4];
	size_t i;

	memset(&p, 0, sizeof(p));
	for (i = 0; i < QUIZ_OPTIONS_MAX; i++) {
		snprintf(codes[i], sizeof(codes[i]), "o%zu", i);
		assert_int_equal(quiz_pairs_add(&p, "", codes[i]), 0);
	}
	assert_int_equal(quiz_pairs_add(&p, "", "zz"), -1);
	assert_int_equal(p.n, QUIZ_OPTIONS_MAX);
}

static void
pass_mark_in_whole_percent(void **state)
{
	assert_true(quiz_passed(12, 15, 80));  /* 80 % */
	assert_false(quiz_passed(11, 15, 80)); /* 73 % */
	assert_true(quiz_passed(4, 5, 80));
	assert_false(quiz_passed(2, 3, 67)); /* 66.67 % < 67 */
	assert_true(quiz_passed(2, 3, 66));
	assert_true(quiz_passed(20, 20, 100));
	assert_false(quiz_passed(19, 20, 100));
	assert_false(quiz_passed(0, 0, 1));
	assert_false(quiz_passed(6, 5, 50));
}

static void
validity_across_month_ends_and_leap_years(void **state)
{
	static const struct {
		const char *from;
		int months;
		const char *to;
	} t[] = {
	    {"2026-03-15", 12, "2027-03-14"}, {"2026-11-29", 24, "2028-11-28"},
	    {"2024-02-29", 12, "2025-02-28"}, /* no 29th: its last day */
	    {"2024-02-29", 48, "2028-02-28"}, /* leap to leap */
	    {"2023-02-28", 12, "2024-02-27"}, /* into a leap year */
	    {"2023-03-01", 12, "2024-02-29"}, /* the day before: 29th */
	    {"2026-01-31", 1, "2026-02-28"}, {"2028-01-31", 1, "2028-02-29"},
	    {"2026-08-31", 1, "2026-09-30"}, {"2026-12-31", 1, "2027-01-30"},
	    {"2026-01-01", 72, "2031-12-31"}, /* a six-year licence */
	    {"2020-02-29", 72, "2026-02-28"}, {"1999-12-31", 1, "2000-01-30"},
	    {"2099-12-15", 12, "2100-12-14"},
	    {"2100-02-28", 12, "2101-02-27"}, /* 2100 is no leap year */
	};
	char out[11];
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(quiz_valid_to(t[i].from, t[i].months, out), 0);
		assert_string_equal(out, t[i].to);
	}
}

static void
validity_refuses_bad_input(void **state)
{
	static const char *const bad[] = {"2026-02-29", "2026-13-01",
	    "2026-00-10", "2026-04-31", "26-01-01", "2026/01/01", "2026-1-01",
	    "", "2026-01-01x", "1899-12-31", NULL};
	char out[11];
	size_t i;

	for (i = 0; bad[i] != NULL; i++)
		assert_int_equal(quiz_valid_to(bad[i], 12, out), -1);
	assert_int_equal(quiz_valid_to(NULL, 12, out), -1);
	assert_int_equal(quiz_valid_to("2026-01-01", 0, out), -1);
	assert_int_equal(quiz_valid_to("2026-01-01", 1201, out), -1);
	assert_int_equal(quiz_valid_to("9999-06-01", 12, out), -1);
}

static void
days_between_dates(void **state)
{
	long d;

	assert_int_equal(quiz_days("2024-02-28", "2024-03-01", &d), 0);
	assert_int_equal(d, 2);
	assert_int_equal(quiz_days("2023-02-28", "2023-03-01", &d), 0);
	assert_int_equal(d, 1);
	assert_int_equal(quiz_days("2024-01-01", "2025-01-01", &d), 0);
	assert_int_equal(d, 366);
	assert_int_equal(quiz_days("2025-01-01", "2026-01-01", &d), 0);
	assert_int_equal(d, 365);
	assert_int_equal(quiz_days("2026-11-29", "2026-09-30", &d), 0);
	assert_int_equal(d, -60);
	assert_int_equal(quiz_days("2000-02-29", "2100-02-28", &d), 0);
	assert_int_equal(d, 36524);
	assert_int_equal(quiz_days("2026-02-30", "2026-03-01", &d), -1);
}

static void
reminder_stages(void **state)
{
	assert_int_equal(quiz_stage(61), 0);
	assert_int_equal(quiz_stage(60), 60);
	assert_int_equal(quiz_stage(31), 60);
	assert_int_equal(quiz_stage(30), 30);
	assert_int_equal(quiz_stage(8), 30);
	assert_int_equal(quiz_stage(7), 7);
	assert_int_equal(quiz_stage(0), 7);
	assert_int_equal(quiz_stage(-1), 0);
}

static void
code_has_its_shape(void **state)
{
	char c[QUIZ_CODE_LEN + 1], d[QUIZ_CODE_LEN + 1];
	size_t i;

	assert_int_equal(quiz_code(c, quiz_getrandom, NULL), 0);
	assert_int_equal(strlen(c), QUIZ_CODE_LEN);
	for (i = 0; i < QUIZ_CODE_LEN; i++) {
		if (i % 5 == 4) {
			assert_int_equal(c[i], '-');
			continue;
		}
		assert_non_null(
		    strchr("0123456789abcdefghjkmnpqrstvwxyz", c[i]));
	}
	assert_int_equal(quiz_code(d, quiz_getrandom, NULL), 0);
	assert_string_not_equal(c, d);
	assert_int_equal(quiz_code(c, broken, NULL), -1);
}

static void
types_by_name(void **state)
{
	assert_int_equal(quiz_type_from("single"), QUIZ_SINGLE);
	assert_int_equal(quiz_type_from("matching"), QUIZ_MATCHING);
	assert_int_equal(quiz_type_from("truefalse"), QUIZ_TRUEFALSE);
	assert_int_equal(quiz_type_from("Single"), QUIZ__MAX);
	assert_int_equal(quiz_type_from(""), QUIZ__MAX);
	assert_int_equal(quiz_type_from(NULL), QUIZ__MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(draw_never_repeats_a_question),
	    cmocka_unit_test(draw_with_getrandom_never_repeats),
	    cmocka_unit_test(draw_reaches_every_question),
	    cmocka_unit_test(draw_refuses_limits_and_broken_sources),
	    cmocka_unit_test(uniform_rejects_the_biased_top),
	    cmocka_unit_test(shuffle_is_a_repeatable_permutation),
	    cmocka_unit_test(shuffle_is_uniform),
	    cmocka_unit_test(scoring_single_and_truefalse),
	    cmocka_unit_test(scoring_multiple_needs_exactly_the_right_set),
	    cmocka_unit_test(scoring_matching_needs_every_item),
	    cmocka_unit_test(pairs_are_bounded),
	    cmocka_unit_test(pass_mark_in_whole_percent),
	    cmocka_unit_test(validity_across_month_ends_and_leap_years),
	    cmocka_unit_test(validity_refuses_bad_input),
	    cmocka_unit_test(days_between_dates),
	    cmocka_unit_test(reminder_stages),
	    cmocka_unit_test(code_has_its_shape),
	    cmocka_unit_test(types_by_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
