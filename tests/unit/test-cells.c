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

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(cells_under_k_are_hidden),
	    cmocka_unit_test(lone_hidden_cell_hides_the_next_smallest),
	    cmocka_unit_test(zero_and_threshold_are_shown),
	    cmocka_unit_test(threshold_is_configurable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
