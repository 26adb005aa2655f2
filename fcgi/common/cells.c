/* SPDX-License-Identifier: ISC */
/*
 * cells.c: small-cell suppression for published figures (DOMAIN, "Small
 * numbers in published figures").  A cell with fewer than k people is
 * hidden; where exactly one cell of a group is hidden and the group's
 * total is published, the next smallest cell is hidden too, so that the
 * first cannot be recovered by subtraction.  In a table whose rows and
 * columns both have published totals, a zero cell goes with a lone hidden
 * one when no other is left, and no hidden cell may be solvable through
 * other lines (cells_suppress_table).  The caller prints a hidden cell as
 * "<k", never as 0, and never sends its number to the page.
 */
#include <stdlib.h>
#include <string.h>

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
 * The cell of line to hide with a lone hidden one: the smallest other
 * non-zero cell, else a zero cell, rather one whose crossing line already
 * has a hidden cell (then that line does not become lone in turn).  The
 * line is the n cells count[base + m * step], m < n; cross[m] is the
 * number of hidden cells in the line crossing cell m.  n when none.
 */
static size_t
pick_partner(const int64_t *count, const bool *hide, size_t base, size_t step,
    size_t n, const size_t *cross)
{
	size_t m, pick = n, zero = n;

	for (m = 0; m < n; m++) {
		size_t c = base + m * step;

		if (hide[c])
			continue;
		if (count[c] > 0) {
			if (pick == n || count[c] < count[base + pick * step])
				pick = m;
		} else if (zero == n || (cross[zero] == 0 && cross[m] > 0) ||
		    (cross[zero] > 1 && cross[m] == 1))
			zero = m;
	}
	return pick < n ? pick : zero;
}

/* The number of hidden cells in each row (rows[]) and column (cols[]). */
static void
count_hidden(
    const bool *hide, size_t nrows, size_t ncols, size_t *rows, size_t *cols)
{
	size_t i, j;

	memset(rows, 0, nrows * sizeof(*rows));
	memset(cols, 0, ncols * sizeof(*cols));
	for (i = 0; i < nrows; i++)
		for (j = 0; j < ncols; j++)
			if (hide[i * ncols + j]) {
				rows[i]++;
				cols[j]++;
			}
}

/*
 * In the graph of break_bridge() without the edge e: marks with mark
 * every node that start reaches and is not marked yet, start too.
 * queue[] has room for nrows + ncols.
 */
static void
reach(const bool *hide, size_t nrows, size_t ncols, size_t e, size_t start,
    unsigned char mark, unsigned char *seen, size_t *queue)
{
	size_t head = 0, tail = 0, u, m, c;

	seen[start] = mark;
	queue[tail++] = start;
	while (head < tail) {
		u = queue[head++];
		if (u < nrows) {
			for (m = 0; m < ncols; m++) {
				c = u * ncols + m;
				if (hide[c] && c != e && !seen[nrows + m]) {
					seen[nrows + m] = mark;
					queue[tail++] = nrows + m;
				}
			}
		} else {
			for (m = 0; m < nrows; m++) {
				c = m * ncols + (u - nrows);
				if (hide[c] && c != e && !seen[m]) {
					seen[m] = mark;
					queue[tail++] = m;
				}
			}
		}
	}
}

/*
 * Hides one more cell if a hidden cell could still be solved for from
 * the row and column totals: seen as a graph whose nodes are the rows
 * and the columns and whose edges are the hidden cells, a cell is solved
 * for exactly when its edge lies on no cycle (a bridge).  For a bridge,
 * a cell joining the two sides it separates is hidden (the smallest),
 * which puts it on a cycle.  seen[] has room for nrows + ncols, queue[]
 * too.  true when a cell was hidden.
 */
static bool
break_bridge(const int64_t *count, bool *hide, size_t nrows, size_t ncols,
    unsigned char *seen, size_t *queue)
{
	size_t e, n = nrows * ncols, v = nrows + ncols;

	for (e = 0; e < n; e++) {
		size_t i, j, best = n;

		if (!hide[e])
			continue;
		/* Nodes reachable from e's row without e: 1, others 0. */
		memset(seen, 0, v);
		reach(hide, nrows, ncols, e, e / ncols, 1, seen, queue);
		if (seen[nrows + e % ncols])
			continue; /* on a cycle */
		/* The other side: reachable from e's column. */
		reach(hide, nrows, ncols, e, nrows + e % ncols, 2, seen, queue);
		for (i = 0; i < nrows; i++)
			for (j = 0; j < ncols; j++) {
				size_t c = i * ncols + j;

				if (hide[c] || seen[i] == 0 ||
				    seen[nrows + j] == 0 ||
				    seen[i] == seen[nrows + j])
					continue;
				if (best == n || count[c] < count[best])
					best = c;
			}
		if (best < n) {
			hide[best] = true;
			return true;
		}
	}
	return false;
}

/*
 * Marks in hide[] (nrows x ncols, row-major, like count) the cells of a
 * table whose every row and every column has a published total (or is
 * part of one another table publishes): cells under k are hidden; then,
 * while a row or a column has exactly one hidden cell, another cell of
 * that line is hidden with it (the smallest non-zero one, else a zero:
 * "<5" says nothing of which), and while a hidden cell could still be
 * solved for from the totals through other lines, a cell that closes the
 * loop.  Each round hides one more cell, so it ends.  Only a line of a
 * single cell can keep a lone hidden cell: the caller hides its total.
 */
void
cells_suppress_table(
    const int64_t *count, bool *hide, size_t nrows, size_t ncols, int64_t k)
{
	size_t i, j, pick, n = nrows * ncols;
	size_t *rows, *cols, *queue;
	unsigned char *seen;
	bool changed = true;

	for (i = 0; i < n; i++)
		hide[i] = count[i] > 0 && count[i] < k;
	rows = xcalloc(nrows + 1, sizeof(*rows));
	cols = xcalloc(ncols + 1, sizeof(*cols));
	queue = xcalloc(nrows + ncols + 1, sizeof(*queue));
	seen = xcalloc(nrows + ncols + 1, sizeof(*seen));
	while (changed) {
		changed = false;
		count_hidden(hide, nrows, ncols, rows, cols);
		for (i = 0; i < nrows && !changed; i++)
			if (rows[i] == 1 &&
			    (pick = pick_partner(count, hide, i * ncols, 1,
				 ncols, cols)) < ncols) {
				hide[i * ncols + pick] = true;
				changed = true;
			}
		for (j = 0; j < ncols && !changed; j++)
			if (cols[j] == 1 &&
			    (pick = pick_partner(
				 count, hide, j, ncols, nrows, rows)) < nrows) {
				hide[pick * ncols + j] = true;
				changed = true;
			}
		if (!changed)
			changed = break_bridge(
			    count, hide, nrows, ncols, seen, queue);
	}
	free(rows);
	free(cols);
	free(queue);
	free(seen);
}
