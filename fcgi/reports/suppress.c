/* SPDX-License-Identifier: ISC */
/*
 * suppress.c: the one place a published figure is hidden (DOMAIN, "Small
 * numbers in published figures").  Every public page and open-data file
 * of karika-reports gets its figures from public.c's pub_load(), which
 * ends with pub_suppress() before any writer sees a number: no page can
 * forget it, and a writer never holds a hidden count.
 *
 * A published table is rows (services) by columns (years) of counts of
 * people, with a total per column; linked amounts (the spending of the
 * same cells) are hidden wherever the count is.  Rows have no published
 * total, so the column is the group one could subtract in: each column
 * goes through cells_suppress() (cells.c: fewer than k hidden, then the
 * next smallest cell when only one is hidden), and when a lone hidden
 * cell has no other cell to hide with it, or the total itself is under
 * k, the column's total is hidden too.
 */
#include "karika.h"
#include "reports.h"

/* Hides t's small cells for threshold k; see above. */
void
pub_suppress(struct pub_table *t, int64_t k)
{
	int64_t col[REPORT_MAX_ROWS];
	bool hide[REPORT_MAX_ROWS];
	size_t i, j, hidden;

	for (j = 0; j < t->ncols; j++) {
		t->col_total[j] = 0;
		for (i = 0; i < t->nrows && i < REPORT_MAX_ROWS; i++) {
			col[i] = t->count[i * t->ncols + j];
			t->col_total[j] += col[i];
		}
		cells_suppress(col, hide, i, k);
		for (hidden = 0, i = 0; i < t->nrows && i < REPORT_MAX_ROWS;
		     i++) {
			t->hide[i * t->ncols + j] = hide[i];
			hidden += hide[i];
		}
		t->hide_col_total[j] =
		    hidden == 1 || (t->col_total[j] > 0 && t->col_total[j] < k);
	}
}
