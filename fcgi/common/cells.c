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
