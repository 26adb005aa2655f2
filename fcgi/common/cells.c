/* SPDX-License-Identifier: ISC */
/*
 * cells.c: small-cell suppression for published figures (DOMAIN, "Small
 * numbers in published figures").  A cell with fewer than k people is
 * hidden; where exactly one cell of a group is hidden and the group's
 * total is published, the next smallest cell is hidden too, so that the
 * first cannot be recovered by subtraction.  The caller prints a hidden
 * cell as "<k", never as 0, and never sends its number to the page.
 */
#include "karika.h"

/*
 * Marks in hide[i] which of the n counts must not be published, for
 * threshold k, treating the n cells as one group whose total is shown.
 * Zero counts are not hidden: "nobody" identifies nobody.
 */
void
cells_suppress(const int64_t *count, bool *hide, size_t n, int64_t k)
{
	size_t i, hidden = 0, pick = n;

	for (i = 0; i < n; i++) {
		hide[i] = count[i] > 0 && count[i] < k;
		if (hide[i])
			hidden++;
	}
	if (hidden != 1)
		return;
	/* Complementary suppression: the smallest other non-zero cell. */
	for (i = 0; i < n; i++)
		if (!hide[i] && count[i] > 0 &&
		    (pick == n || count[i] < count[pick]))
			pick = i;
	if (pick < n)
		hide[pick] = true;
}

/*
 * Marks in hide[] (nrows x ncols, row-major, like count) the cells of a
 * table whose every row and every column has a published total (or is
 * part of one another table publishes): cells under k are hidden, then,
 * while a row or a column has exactly one hidden cell, the smallest other
 * non-zero cell of that line is hidden with it.  Each round hides at
 * least one more cell, so it ends.  A line left with a lone hidden cell
 * (no other non-zero cell) must not show its total: the caller counts.
 */
void
cells_suppress_table(
    const int64_t *count, bool *hide, size_t nrows, size_t ncols, int64_t k)
{
	size_t i, j, hidden, pick, n = nrows * ncols;
	bool changed = true;

	for (i = 0; i < n; i++)
		hide[i] = count[i] > 0 && count[i] < k;
	while (changed) {
		changed = false;
		for (i = 0; i < nrows; i++) {
			for (hidden = 0, pick = ncols, j = 0; j < ncols; j++) {
				size_t c = i * ncols + j;

				if (hide[c])
					hidden++;
				else if (count[c] > 0 &&
				    (pick == ncols ||
					count[c] < count[i * ncols + pick]))
					pick = j;
			}
			if (hidden == 1 && pick < ncols) {
				hide[i * ncols + pick] = true;
				changed = true;
			}
		}
		for (j = 0; j < ncols; j++) {
			for (hidden = 0, pick = nrows, i = 0; i < nrows; i++) {
				size_t c = i * ncols + j;

				if (hide[c])
					hidden++;
				else if (count[c] > 0 &&
				    (pick == nrows ||
					count[c] < count[pick * ncols + j]))
					pick = i;
			}
			if (hidden == 1 && pick < nrows) {
				hide[pick * ncols + j] = true;
				changed = true;
			}
		}
	}
}
