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

/*
 * Whether some hidden cell of the nrows x ncols table can be solved for
 * from its row and column totals and the shown cells: the unit vector of
 * the cell lies in the span of the lines' equations over the hidden
 * cells (Gaussian elimination; the tables here are small).
 */
static bool
some_hidden_cell_solvable(const bool *h, size_t nrows, size_t ncols)
{
	double m[64][64];
	size_t idx[64], nh = 0, neq = nrows + ncols, j, c, r, rank = 0;

	for (c = 0; c < nrows * ncols; c++)
		if (h[c])
			idx[nh++] = c;
	assert_true(nh <= 63 && neq <= 64);
	for (r = 0; r < neq; r++)
		for (j = 0; j < nh; j++)
			m[r][j] = r < nrows ? idx[j] / ncols == r
					    : idx[j] % ncols == r - nrows;
	/* Row echelon form, reduced. */
	for (j = 0; j < nh && rank < neq; j++) {
		size_t p = rank;

		while (p < neq && m[p][j] > -1e-9 && m[p][j] < 1e-9)
			p++;
		if (p == neq)
			continue;
		for (c = 0; c < nh; c++) {
			double t = m[p][c];

			m[p][c] = m[rank][c];
			m[rank][c] = t;
		}
		for (r = 0; r < neq; r++) {
			double f = m[r][j] / m[rank][j];

			if (r == rank || (f > -1e-9 && f < 1e-9))
				continue;
			for (c = 0; c < nh; c++)
				m[r][c] -= f * m[rank][c];
		}
		rank++;
	}
	/* A cell is solvable when a reduced row has it alone. */
	for (r = 0; r < rank; r++) {
		size_t nz = 0;

		for (c = 0; c < nh; c++)
			nz += m[r][c] < -1e-9 || m[r][c] > 1e-9;
		if (nz == 1)
			return true;
	}
	return false;
}

static void
table_lone_cell_with_only_zeros_takes_zero_cells(void **state)
{
	/* Nothing else to pair it with: zero cells are hidden with it
	 * ("<5" says nothing of which cell holds the 3). */
	int64_t c[] = {3, 0, 0, 0};
	bool h[4];

	cells_suppress_table(c, h, 2, 2, 5);
	assert_true(h[0]);
	assert_false(some_hidden_cell_solvable(h, 2, 2));
}

static void
partner_table_of_the_demo_hides_no_derivable_cell(void **state)
{
	/* Outcomes by partner (training, employed-cm, employed-se,
	 * self-employed, exit): the column of exits is 0 but for 3, and
	 * the town's line publishes each column's total. */
	int64_t c[] = {
	    0, 3, 0, 0, 0, /* Tekstil */
	    0, 0, 4, 0, 0, /* a social enterprise */
	    5, 3, 0, 0, 3, /* no partner */
	};
	bool h[15];
	size_t j, n;

	cells_suppress_table(c, h, 3, 5, 5);
	assert_true(h[1] && h[7] && h[11] && h[14]);
	assert_false(some_hidden_cell_solvable(h, 3, 5));
	for (j = 0; j < 5; j++) {
		n = h[j] + h[5 + j] + h[10 + j];
		assert_true(n != 1);
	}
}

static void
table_bridge_between_two_loops_is_closed(void **state)
{
	/* Two blocks of small cells joined by one small cell: every line
	 * has two hidden cells or more, yet the joining cell follows from
	 * the totals until a cell closes the loop through it. */
	int64_t c[] = {
	    1, 1, 10, 10, /* row 0 */
	    1, 1, 1, 10,  /* row 1 */
	    10, 10, 1, 1, /* row 2 */
	    10, 10, 1, 1, /* row 3 */
	};
	bool h[16];
	size_t i, n = 0;

	cells_suppress_table(c, h, 4, 4, 5);
	for (i = 0; i < 16; i++)
		n += h[i];
	assert_true(n > 9);
	assert_false(some_hidden_cell_solvable(h, 4, 4));
}

static void
table_lone_hidden_cell_of_a_line_of_one_stays_alone(void **state)
{
	/* One column: nothing can go with a hidden cell; the caller hides
	 * the column's total. */
	int64_t c[] = {3, 9, 0};
	bool h[3];

	cells_suppress_table(c, h, 3, 1, 5);
	assert_true(h[0]);
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
	    cmocka_unit_test(table_lone_cell_with_only_zeros_takes_zero_cells),
	    cmocka_unit_test(partner_table_of_the_demo_hides_no_derivable_cell),
	    cmocka_unit_test(table_bridge_between_two_loops_is_closed),
	    cmocka_unit_test(
		table_lone_hidden_cell_of_a_line_of_one_stays_alone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
