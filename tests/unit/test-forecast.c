/* SPDX-License-Identifier: ISC */
/*
 * test-forecast.c: the reports worker's arithmetic on worked examples:
 * the least-squares trend in exact rationals, the waiting list as
 * places, prices changed by basis points, units and cost in integer para
 * (no floating point anywhere), and the suppression of published tables
 * (fcgi/reports/suppress.c) with its complementary cells.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "karika.h"
#include "../../fcgi/reports/reports.h"

/* 2024: 10, 2025: 12, 2026: 17.  N = 3*78982 - 6075*39 = 21, D = 6:
 * slope 3.5 a year; the mean 13 at 2025, so 2027 is 13 + 2 * 3.5 = 20. */
static void
trend_worked_example_three_years(void **state)
{
	int64_t x[] = {2024, 2025, 2026}, y[] = {10, 12, 17}, p, n, d;

	assert_int_equal(fm_trend(x, y, 3, 2027, &p, &n, &d), 0);
	assert_int_equal(p, 20);
	assert_int_equal(n, 21);
	assert_int_equal(d, 6);
}

/* Two points: the line through them.  8 then 9: 10 next year. */
static void
trend_two_points_is_the_line_through_them(void **state)
{
	int64_t x[] = {2025, 2026}, y[] = {8, 9}, p, n, d;

	assert_int_equal(fm_trend(x, y, 2, 2027, &p, &n, &d), 0);
	assert_int_equal(p, 10);
	assert_int_equal(n * 1, d * 1); /* slope 1 */
}

/* A value halfway rounds away from zero: 1, 2 -> 3 at 2027; 1, 1, 2 ->
 * mean 4/3, slope 1/2, at 2027: 4/3 + 2 * 1/2 = 7/3 -> 2. */
static void
trend_rounds_once_at_the_end(void **state)
{
	int64_t x[] = {2024, 2025, 2026}, y[] = {1, 1, 2}, p, n, d;

	assert_int_equal(fm_trend(x, y, 3, 2027, &p, &n, &d), 0);
	assert_int_equal(p, 2);
	/* 2.5 rounds to 3: points (0, 2), (1, 3) read at 0.5 is 2.5 */
	assert_int_equal(fm_div_round(5, 2), 3);
	assert_int_equal(fm_div_round(-5, 2), -3);
	assert_int_equal(fm_div_round(7, 3), 2);
}

/* Falling use never forecasts fewer than nobody. */
static void
trend_never_below_zero(void **state)
{
	int64_t x[] = {2024, 2025, 2026}, y[] = {9, 4, 0}, p, n, d;

	assert_int_equal(fm_trend(x, y, 3, 2027, &p, &n, &d), 0);
	assert_int_equal(p, 0);
	assert_true(n < 0);
}

/* One year, or none: a flat line through the mean; none is refused. */
static void
trend_one_point_and_none(void **state)
{
	int64_t x[] = {2026}, y[] = {7}, p = -1, n = -1, d = -1;

	assert_int_equal(fm_trend(x, y, 1, 2027, &p, &n, &d), 0);
	assert_int_equal(p, 7);
	assert_int_equal(n, 0);
	assert_int_equal(d, 1);
	assert_int_equal(fm_trend(x, y, 0, 2027, &p, &n, &d), -1);
	assert_int_equal(
	    fm_trend(x, y, REPORT_MAX_YEARS + 1, 2027, &p, &n, &d), -1);
}

/* Large figures do not overflow: a million users a year for ten years. */
static void
trend_large_numbers_stay_exact(void **state)
{
	int64_t x[10], y[10], p, n, d;
	int i;

	for (i = 0; i < 10; i++) {
		x[i] = 2017 + i;
		y[i] = 1000000 + 1000 * i;
	}
	assert_int_equal(fm_trend(x, y, 10, 2027, &p, &n, &d), 0);
	assert_int_equal(p, 1010000);
}

/* Take-up rounds up: 7 waiting at 50 % need 4 places. */
static void
takeup_rounds_up(void **state)
{
	assert_int_equal(fm_takeup(7, 50), 4);
	assert_int_equal(fm_takeup(7, 100), 7);
	assert_int_equal(fm_takeup(7, 0), 0);
	assert_int_equal(fm_takeup(0, 100), 0);
	assert_int_equal(fm_takeup(3, 34), 2); /* 1.02 -> 2 */
}

/* 1.800,00 din. + 3,50 % = 1.863,00; - 2,25 % of 450,00 = 439,88 (439,875
 * rounds away from zero); 0 % keeps the price. */
static void
price_change_in_basis_points(void **state)
{
	assert_int_equal(fm_price(180000, 350), 186300);
	assert_int_equal(fm_price(45000, -225), 43988);
	assert_int_equal(fm_price(45000, 0), 45000);
	assert_int_equal(fm_price(1, 5000), 2); /* 1.5 para -> 2 */
}

/* 20 users at last year's 2,917.00 days among 18 users: 3,241.11 days;
 * at 1.863,00 din. a day: 6.038.187,93 din. (hundredths of a unit times
 * para, divided by 100 once). */
static void
units_and_cost_in_integers(void **state)
{
	int64_t u = fm_units(20, 291700, 18);

	assert_int_equal(u, 324111);
	assert_int_equal(fm_cost(u, 186300), 603818793);
	assert_int_equal(fm_units(20, 291700, 0), 0);
	/* 0,5 of an hour at 450,01 din.: 225,005 -> 225,01 */
	assert_int_equal(fm_cost(50, 45001), 22501);
	/* a whole budget: a million hours at 4.100,00 din. */
	assert_int_equal(fm_cost(100000000LL, 410000), 410000000000LL);
}

/* A column with one small cell hides the next smallest too (cells.c),
 * and the total stays; a column whose lone small cell has no partner
 * hides its total instead. */
static void
published_table_complementary_cells(void **state)
{
	/* services x years: day care, respite, housing; 2025, 2026 */
	int64_t count[] = {18, 0, 3, 3, 7, 0};
	bool hide[6];
	bool hide_total[2];
	int64_t total[2];
	struct pub_table t = {3, 2, count, NULL, hide, hide_total, total, NULL};

	pub_suppress(&t, 5);
	/* 2025: 18, 3, 7 -> 3 hidden, 7 with it; total 28 stays */
	assert_false(hide[0]);
	assert_true(hide[2]);
	assert_true(hide[4]);
	assert_false(hide_total[0]);
	assert_int_equal(total[0], 28);
	/* 2026: 0, 3, 0 -> 3 hidden, and no other cell can hide with it:
	 * the total (3) would give it away, so it goes */
	assert_false(hide[1]);
	assert_true(hide[3]);
	assert_false(hide[5]);
	assert_true(hide_total[1]);
}

/* Nothing under k: nothing hidden; every cell under k: all hidden and
 * a total under k too. */
static void
published_table_edges(void **state)
{
	int64_t big[] = {5, 6, 7, 8};
	int64_t small[] = {1, 2};
	bool h[4], ht[2];
	int64_t tot[2];
	struct pub_table a = {2, 2, big, NULL, h, ht, tot, NULL};
	struct pub_table b = {2, 1, small, NULL, h, ht, tot, NULL};

	pub_suppress(&a, 5);
	assert_false(h[0] || h[1] || h[2] || h[3] || ht[0] || ht[1]);
	pub_suppress(&b, 5);
	assert_true(h[0] && h[1]);
	assert_true(ht[0]); /* 3 < 5 */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(trend_worked_example_three_years),
	    cmocka_unit_test(trend_two_points_is_the_line_through_them),
	    cmocka_unit_test(trend_rounds_once_at_the_end),
	    cmocka_unit_test(trend_never_below_zero),
	    cmocka_unit_test(trend_one_point_and_none),
	    cmocka_unit_test(trend_large_numbers_stay_exact),
	    cmocka_unit_test(takeup_rounds_up),
	    cmocka_unit_test(price_change_in_basis_points),
	    cmocka_unit_test(units_and_cost_in_integers),
	    cmocka_unit_test(published_table_complementary_cells),
	    cmocka_unit_test(published_table_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
