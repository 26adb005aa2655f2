/* SPDX-License-Identifier: ISC */
/*
 * test-cells.c: small-cell suppression for published figures: cells under
 * k are hidden, and a lone hidden cell takes a second one with it so that
 * it cannot be recovered from the total.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "karika.h"

static void
cells_under_k_are_hidden(void **state)
{
	int64_t c[] = {14, 3, 22, 2, 9};
	bool h[5];

	cells_suppress(c, h, 5, 5);
	assert_false(h[0]);
	assert_true(h[1]);
	assert_false(h[2]);
	assert_true(h[3]);
	assert_false(h[4]);
}

static void
lone_hidden_cell_hides_the_next_smallest(void **state)
{
	int64_t c[] = {14, 9, 22, 3, 6, 5, 7};
	bool h[7];

	cells_suppress(c, h, 7, 5);
	assert_true(h[3]);
	assert_true(h[5]); /* 5 is the smallest other cell */
	assert_false(h[4]);
	assert_false(h[0]);
}

static void
zero_and_threshold_are_shown(void **state)
{
	int64_t c[] = {0, 5, 10};
	bool h[3];

	cells_suppress(c, h, 3, 5);
	assert_false(h[0]);
	assert_false(h[1]);
	assert_false(h[2]);
}

static void
threshold_is_configurable(void **state)
{
	int64_t c[] = {9, 12, 10};
	bool h[3];

	cells_suppress(c, h, 3, 10);
	assert_true(h[0]);
	assert_true(h[2]);
	assert_false(h[1]);
}

static void
table_lone_hidden_cells_take_a_partner_in_row_and_column(void **state)
{
	/* 2 is hidden; its row takes 6 and its column 10, 6's column
	 * takes 7: no row or column is left with one hidden cell. */
	int64_t c[] = {
	    2, 6, 9,	/* row 0 */
	    10, 7, 8,	/* row 1 */
	    12, 20, 30, /* row 2 */
	};
	bool h[9];
	size_t i, j, n;

	cells_suppress_table(c, h, 3, 3, 5);
	assert_true(h[0]);
	assert_true(h[1]);
	for (i = 0; i < 3; i++) {
		for (n = 0, j = 0; j < 3; j++)
			n += h[i * 3 + j];
		assert_true(n != 1);
		for (n = 0, j = 0; j < 3; j++)
			n += h[j * 3 + i];
		assert_true(n != 1);
	}
}

static void
table_without_small_cells_hides_nothing(void **state)
{
	int64_t c[] = {5, 0, 9, 12};
	bool h[4];

	cells_suppress_table(c, h, 2, 2, 5);
	assert_false(h[0] || h[1] || h[2] || h[3]);
}

static void
table_lone_cell_with_only_zeros_stays_alone(void **state)
{
	/* Nothing to pair it with: the caller hides the line's total. */
	int64_t c[] = {3, 0, 0, 0};
	bool h[4];

	cells_suppress_table(c, h, 2, 2, 5);
	assert_true(h[0]);
	assert_false(h[1] || h[2] || h[3]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(cells_under_k_are_hidden),
	    cmocka_unit_test(lone_hidden_cell_hides_the_next_smallest),
	    cmocka_unit_test(zero_and_threshold_are_shown),
	    cmocka_unit_test(threshold_is_configurable),
	    cmocka_unit_test(
		table_lone_hidden_cells_take_a_partner_in_row_and_column),
	    cmocka_unit_test(table_without_small_cells_hides_nothing),
	    cmocka_unit_test(table_lone_cell_with_only_zeros_stays_alone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
