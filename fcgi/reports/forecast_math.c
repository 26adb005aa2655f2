/* SPDX-License-Identifier: ISC */
/*
 * forecast_math.c: the arithmetic of next year's forecast (forecast.c),
 * in integers only: people, units in hundredths ("centi-units", as
 * delivery.units DECIMAL(7,2) keeps them), money in para, percentages in
 * basis points.  No floating point touches a figure, so that the budget
 * table adds up to the para on every machine.  Intermediate products run
 * in 128 bits: a million users times a price in para times 10,000 basis
 * points still fits.  Rounding is half away from zero everywhere, as a
 * person rounds by hand.  tests/unit/test-forecast.c works the examples.
 */
#include "karika.h"
#include "reports.h"

typedef __int128 i128;

/* n / d rounded half away from zero; d must not be 0. */
static int64_t
div_round(i128 n, i128 d)
{
	i128 q, r;

	if (d < 0) {
		n = -n;
		d = -d;
	}
	q = n / d;
	r = n % d;
	if (r < 0)
		r = -r;
	if (2 * r >= d)
		q += n < 0 ? -1 : 1;
	return (int64_t)q;
}

/* n / d rounded half away from zero; 0 when d is 0. */
int64_t
fm_div_round(int64_t n, int64_t d)
{
	return d == 0 ? 0 : div_round(n, d);
}

/*
 * The least-squares line through the n points (x[i], y[i]) (years and
 * users), evaluated at x0 (next year).  With N = nΣxy − ΣxΣy and
 * D = nΣx² − (Σx)², the slope is N / D and the line's value at x0 is
 * (Σy·D + (n·x0 − Σx)·N) / (n·D): exact rationals, rounded once at the
 * end.  One point (or all in one year) is a flat line through their mean.
 * *pred is the rounded value, never below 0 (a trend cannot forecast
 * fewer than no users); *slope_num / *slope_den the slope (den > 0; 0/1
 * for a flat line).  Returns 0, or -1 when n is 0 or above
 * REPORT_MAX_YEARS.
 */
int
fm_trend(const int64_t *x, const int64_t *y, size_t n, int64_t x0,
    int64_t *pred, int64_t *slope_num, int64_t *slope_den)
{
	i128 sx = 0, sy = 0, sxy = 0, sxx = 0, num, den, nn = (i128)n;
	int64_t p;
	size_t i;

	if (n == 0 || n > REPORT_MAX_YEARS)
		return -1;
	for (i = 0; i < n; i++) {
		sx += x[i];
		sy += y[i];
		sxy += (i128)x[i] * y[i];
		sxx += (i128)x[i] * x[i];
	}
	num = nn * sxy - sx * sy;
	den = nn * sxx - sx * sx;
	if (den == 0) {
		p = div_round(sy, nn);
		*slope_num = 0;
		*slope_den = 1;
	} else {
		p = div_round(sy * den + (nn * x0 - sx) * num, nn * den);
		*slope_num = (int64_t)num;
		*slope_den = (int64_t)den;
	}
	*pred = p < 0 ? 0 : p;
	return 0;
}

/*
 * Places for the share pct (0-100) of waiting people: rounded up, since
 * a part of a place serves nobody.
 */
int64_t
fm_takeup(int64_t waiting, int64_t pct)
{
	if (waiting <= 0 || pct <= 0)
		return 0;
	return (int64_t)(((i128)waiting * pct + 99) / 100);
}

/* A unit price in para changed by bp basis points (350 = +3,50 %). */
int64_t
fm_price(int64_t price, int64_t bp)
{
	return div_round((i128)price * (10000 + bp), 10000);
}

/*
 * Centi-units next year: users_next at last year's units per user
 * (units_last centi-units among users_last people); 0 without a base.
 */
int64_t
fm_units(int64_t users_next, int64_t units_last, int64_t users_last)
{
	if (users_last <= 0)
		return 0;
	return div_round((i128)users_next * units_last, users_last);
}

/* The cost in para of centi-units at a unit price in para. */
int64_t
fm_cost(int64_t centi_units, int64_t price)
{
	return div_round((i128)centi_units * price, 100);
}
