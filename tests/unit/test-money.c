/* SPDX-License-Identifier: ISC */
/*
 * test-money.c: sums of money as people type them (valid.c's
 * money_parse, the field kind VALID_MONEY) and as forms show them again
 * (money_format): thousands separators, the decimal comma, the one dot
 * that can only be a decimal point, and everything else refused; the
 * amount is integer para from the first digit, never floating point.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "karika.h"

static void
sums_are_read_as_people_type_them(void **state)
{
	static const struct {
		const char *in;
		int64_t para;
	} good[] = {
	    {"1800", 180000},
	    {"1.800,00", 180000},
	    {"1.800,50", 180050},
	    {"1.800,5", 180050},
	    {"1800,05", 180005},
	    {"1 800,00", 180000},
	    {"1.800", 180000},
	    {"1800.50", 180050},
	    {"1800.5", 180050},
	    {"0", 0},
	    {"0,01", 1},
	    {"12,5", 1250},
	    {"744", 74400},
	    {"55.000,00", 5500000},
	    {"1.000.000", 100000000},
	    {"999.999.999.999,99", 99999999999999},
	};
	int64_t para;
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		para = -1;
		assert_true(money_parse(good[i].in, &para));
		assert_true(para == good[i].para);
	}
}

static void
sums_that_mean_nothing_or_two_things_are_refused(void **state)
{
	static const char *const bad[] = {"", "-5", "+5", "1,800.00",
	    "1.800.00", "1,8,0", "18,000", "1800,", ",50", "1800,505",
	    "1.80.000", "1800.500", "18.00.00", "1 800.000,00", "1.800 000",
	    ".5", "1..800", "1800 din.", "abc", "1e3", "0x10", "1.8000",
	    "1234567890123", "1.000.000.000.000", "12 ,5", " ", "1800 "};
	int64_t para;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(money_parse(bad[i], &para));
}

static void
sums_are_shown_the_way_they_are_read_back(void **state)
{
	struct arena *a = arena_new();
	static const int64_t sums[] = {0, 1, 180050, 180000, 99999999999999};
	int64_t para;
	size_t i;

	assert_string_equal(money_format(a, 180050, ','), "1.800,50");
	assert_string_equal(money_format(a, 180050, '.'), "1800.50");
	assert_string_equal(money_format(a, 5, ','), "0,05");
	assert_string_equal(money_format(a, 100000000, ','), "1.000.000,00");
	assert_string_equal(money_format(a, -1, ','), "");
	for (i = 0; i < sizeof(sums) / sizeof(sums[0]); i++) {
		assert_true(money_parse(money_format(a, sums[i], ','), &para));
		assert_true(para == sums[i]);
		assert_true(money_parse(money_format(a, sums[i], '.'), &para));
		assert_true(para == sums[i]);
	}
	arena_free(a);
}

enum { F_PRICE, F__MAX };
static const struct field fields[F__MAX] = {
    {"price", VALID_MONEY, true, 0, 100000000000, "service.price", NULL, NULL,
	NULL},
};

static void
a_money_field_gives_para_or_keeps_what_was_typed(void **state)
{
	static const struct {
		const char *body, *error, *text;
		int64_t para;
	} cases[] = {
	    {"price=1.800%2C50", NULL, "1.800,50", 180050},
	    {"price=%201800%20", NULL, "1800", 180000},
	    {"price=18%2C000", "invalid.money", "18,000", 0},
	    {"price=2.000.000.000", "invalid.money.range", "2.000.000.000", 0},
	    {"price=", "invalid.required", "", 0},
	};
	struct req r;
	struct form f;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&r, 0, sizeof(r));
		r.arena = arena_new();
		r.method = METHOD_POST;
		assert_int_equal(kv_parse_urlencoded(r.arena, cases[i].body,
				     strlen(cases[i].body), &r.form),
		    HTTP_OK);
		form_validate(&r, fields, F__MAX, &f);
		if (cases[i].error == NULL) {
			assert_null(f.error[F_PRICE]);
			assert_true(f.num[F_PRICE] == cases[i].para);
		} else
			assert_string_equal(f.error[F_PRICE], cases[i].error);
		assert_string_equal(f.text[F_PRICE], cases[i].text);
		arena_free(r.arena);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(sums_are_read_as_people_type_them),
	    cmocka_unit_test(sums_that_mean_nothing_or_two_things_are_refused),
	    cmocka_unit_test(sums_are_shown_the_way_they_are_read_back),
	    cmocka_unit_test(a_money_field_gives_para_or_keeps_what_was_typed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
