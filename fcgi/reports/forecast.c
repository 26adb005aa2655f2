/* SPDX-License-Identifier: ISC */
/*
 * forecast.c: next year's users and cost per service, with the method
 * shown in words and figures (issue 14), and the budget proposal the
 * department hands to the council: as a printable page and as CSV.
 *
 * The method, per service, for the year after the base year B:
 *  1. the trend: the least-squares line through the people served in
 *     each year from the town's first year of data (at most ten years
 *     back) to B, read at B + 1 (forecast_math.c: exact rationals,
 *     rounded once; never below 0);
 *  2. plus the waiting list converted to places: the scenario's share of
 *     the people waiting now, rounded up (report_waiting);
 *  3. plus the extra places the scenario plans for the service;
 *  4. units: the users times B's units per user, B's delivered units
 *     scaled to twelve months by the months B has deliveries for;
 *  5. the unit price: B + 1's price when the municipality has set it,
 *     otherwise B's changed by the scenario's percentage;
 *  6. cost = units x price, in para, rounded once.
 * Every figure is an integer (people, centi-units, para); the page and
 * the CSV show the same numbers.
 */
#include <stdlib.h>
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "reports.h"

#define TREND_YEARS 10 /* at most ten years back: older care differs */

/* One service's forecast. */
struct fc_row {
	int64_t id;
	const char *code, *name, *unit;
	size_t npoints;
	int64_t year[TREND_YEARS], users[TREND_YEARS];
	int64_t trend, slope_num, slope_den;
	int64_t waiting, from_waiting, extra, users_next;
	int64_t centi_base, centi_year, centi_next;
	int64_t price_base, price_next, cost_base, cost_next;
	bool price_set; /* B + 1's price was set by the municipality */
};

/* A forecast: the scenario, the base year, the rows and the totals. */
struct fc {
	int64_t base, months, bp, takeup, scenario;
	const char *scenario_name;
	size_t n;
	struct fc_row *row;
	int64_t users_next, cost_next, cost_base;
};

/* The row of res whose column "id" equals v, or res->nrows. */
static size_t
row_of(const struct db_res *res, int64_t v)
{
	size_t i;

	for (i = 0; i < res->nrows; i++)
		if (db_int(res, i, "id") == v)
			return i;
	return res->nrows;
}

/*
 * The scenario of ?scenario= (or the town's first) into f; none is a
 * scenario of 0 % and 100 % take-up.  HTTP_OK, 400 for a malformed id,
 * 404 for another town's.
 */
static enum http_status
load_scenario(
    struct req *r, const struct rscope *s, struct fc *f, struct db_res *all)
{
	static const struct field sf[] = {
	    {"scenario", VALID_INT, false, 1, INT64_MAX, "reports.scenario",
		"off", NULL, NULL},
	};
	struct form q;
	struct db_res one;
	int64_t want = 0;
	size_t i;

	form_validate(r, sf, 1, &q);
	if (q.nerrors > 0)
		return HTTP_BAD_REQUEST;
	if (q.present[0] && *q.text[0] != '\0')
		want = q.num[0];
	if (DBQ(r, STMT_SCENARIOS, all, DBP_I(s->municipality)) != DB_OK)
		return HTTP_UNAVAILABLE;
	f->bp = 0;
	f->takeup = 100;
	f->scenario = 0;
	f->scenario_name = NULL;
	if (want > 0) {
		if (DBQ(r, STMT_SCENARIO_ONE, &one, DBP_I(want),
			DBP_I(s->municipality)) != DB_OK)
			return HTTP_UNAVAILABLE;
		if (one.nrows != 1)
			return HTTP_NOT_FOUND;
		i = 0;
	} else {
		one = *all;
		if (one.nrows == 0)
			return HTTP_OK;
		i = 0;
	}
	f->scenario = db_int(&one, i, "id");
	f->scenario_name = db_str(&one, i, "name");
	f->bp = db_int(&one, i, "bp");
	f->takeup = db_int(&one, i, "takeup");
	return HTTP_OK;
}

/* Fills each row's trend points from res (id, year, users). */
static void
add_points(struct fc *f, const struct db_res *res)
{
	struct fc_row *w;
	size_t i, j;

	for (i = 0; i < res->nrows; i++)
		for (j = 0; j < f->n; j++) {
			w = &f->row[j];
			if (w->id != db_int(res, i, "id") ||
			    w->npoints >= TREND_YEARS)
				continue;
			w->year[w->npoints] = db_int(res, i, "year");
			w->users[w->npoints] = db_int(res, i, "users");
			w->npoints++;
		}
}

/*
 * Computes the forecast for base year s->year into f (arena memory).
 * HTTP_OK, or the database's outcome.
 */
static enum http_status
forecast_compute(struct req *r, const struct rscope *s, struct fc *f)
{
	struct db_res sv, first, pts, units, pb, pn, places, demand;
	struct fc_row *w;
	int64_t y0, cost100;
	const char *from;
	size_t i, j;

	f->base = s->year;
	if (RDBQ(r, STMT_DEMAND, &demand, DBP_LOCALE(r), DBP_I(s->year),
		DBP_I(s->year), DBP_I(s->year), DBP_I(s->year),
		DBP_I(s->municipality)) != DB_OK ||
	    RDBQ(r, STMT_FIRST_YEAR, &first, DBP_I(s->municipality)) != DB_OK)
		return HTTP_UNAVAILABLE;
	y0 = db_str(&first, 0, "first") != NULL ? db_int(&first, 0, "first")
						: s->year;
	if (y0 < s->year - (TREND_YEARS - 1))
		y0 = s->year - (TREND_YEARS - 1);
	if (y0 > s->year)
		y0 = s->year;
	if (RDBQ(r, STMT_USERS_BY_YEAR, &pts, DBP_I(y0), DBP_I(s->year),
		DBP_I(s->municipality)) != DB_OK ||
	    rscope_open_from(r, s->municipality, s->year, s->year, &from) !=
		DB_OK ||
	    RDBQ(r, STMT_UNITS_MONTHS, &units,
		DBP_MONTHS(s->municipality, s->year, s->year, from),
		DBP_I(s->year)) != DB_OK ||
	    RDBQ(r, STMT_PRICES_OF_YEAR, &pb, DBP_I(s->year),
		DBP_I(s->municipality)) != DB_OK ||
	    RDBQ(r, STMT_PRICES_OF_YEAR, &pn, DBP_I(s->year + 1),
		DBP_I(s->municipality)) != DB_OK ||
	    DBQ(r, STMT_SCENARIO_PLACES, &places, DBP_I(f->scenario)) != DB_OK)
		return HTTP_UNAVAILABLE;
	sv = demand;
	if (sv.nrows > REPORT_MAX_ROWS)
		return HTTP_INTERNAL;
	/* The months of the base year with deliveries. */
	f->months = 0;
	for (j = 1; j <= 12; j++)
		for (i = 0; i < units.nrows; i++)
			if (db_int(&units, i, "m") == (int64_t)j) {
				f->months++;
				break;
			}
	f->n = sv.nrows;
	f->row = arena_calloc(r->arena, f->n + 1, sizeof(*f->row));
	f->users_next = f->cost_next = f->cost_base = 0;
	for (i = 0; i < f->n; i++) {
		w = &f->row[i];
		w->id = db_int(&sv, i, "id");
		w->code = db_str(&sv, i, "code");
		w->name = db_str(&sv, i, "name");
		w->unit = db_str(&sv, i, "unit");
		w->waiting = db_int(&sv, i, "waiting");
	}
	add_points(f, &pts);
	for (i = 0; i < f->n; i++) {
		w = &f->row[i];
		if (fm_trend(w->year, w->users, w->npoints, s->year + 1,
			&w->trend, &w->slope_num, &w->slope_den) == -1)
			w->trend = 0, w->slope_num = 0, w->slope_den = 1;
		w->from_waiting = fm_takeup(w->waiting, f->takeup);
		if ((j = row_of(&places, w->id)) < places.nrows)
			w->extra = db_int(&places, j, "extra");
		w->users_next = w->trend + w->from_waiting + w->extra;
		for (j = 0, cost100 = 0; j < units.nrows; j++)
			if (db_int(&units, j, "id") == w->id) {
				w->centi_base += db_int(&units, j, "centi");
				cost100 += db_int(&units, j, "cost100");
			}
		w->cost_base = fm_div_round(cost100, 100);
		w->centi_year = f->months > 0
		    ? fm_div_round(w->centi_base * 12, f->months)
		    : 0;
		w->centi_next = fm_units(w->users_next, w->centi_year,
		    w->npoints > 0 ? w->users[w->npoints - 1] : 0);
		if ((j = row_of(&pb, w->id)) < pb.nrows)
			w->price_base = db_int(&pb, j, "price");
		if ((j = row_of(&pn, w->id)) < pn.nrows) {
			w->price_next = db_int(&pn, j, "price");
			w->price_set = true;
		} else
			w->price_next = fm_price(w->price_base, f->bp);
		w->cost_next = fm_cost(w->centi_next, w->price_next);
		f->users_next += w->users_next;
		f->cost_next += w->cost_next;
		f->cost_base += w->cost_base;
	}
	return HTTP_OK;
}

/* Centi-units as "1234.50". */
static const char *
centi_text(struct req *r, int64_t c)
{
	return arena_printf(r->arena, "%s%lld.%02lld", c < 0 ? "-" : "",
	    (long long)llabs(c / 100), (long long)llabs(c % 100));
}

/* Basis points as a percentage "3.50" / "-2.25". */
static const char *
bp_text(struct req *r, int64_t bp)
{
	return centi_text(r, bp);
}

/* Writes one <row> of the forecast with its trend points. */
static int
write_row(struct req *r, struct xml *x, const struct fc_row *w)
{
	size_t k;

	if (xml_start(x, "row") == -1 || xml_attr_int(x, "id", w->id) == -1 ||
	    xml_attr(x, "code", w->code) == -1 ||
	    xml_attr(x, "name", w->name) == -1 ||
	    xml_attr(x, "unit", w->unit) == -1 ||
	    xml_attr_int(x, "trend", w->trend) == -1 ||
	    xml_attr_int(x, "slope-num", w->slope_num) == -1 ||
	    xml_attr_int(x, "slope-den", w->slope_den) == -1 ||
	    xml_attr(x, "slope",
		centi_text(
		    r, fm_div_round(w->slope_num * 100, w->slope_den))) == -1 ||
	    xml_attr_int(x, "waiting", w->waiting) == -1 ||
	    xml_attr_int(x, "from-waiting", w->from_waiting) == -1 ||
	    xml_attr_int(x, "extra", w->extra) == -1 ||
	    xml_attr_int(x, "users-next", w->users_next) == -1 ||
	    xml_attr(x, "units-base", centi_text(r, w->centi_base)) == -1 ||
	    xml_attr(x, "units-year", centi_text(r, w->centi_year)) == -1 ||
	    xml_attr(x, "units-next", centi_text(r, w->centi_next)) == -1 ||
	    xml_attr_int(x, "price-base", w->price_base) == -1 ||
	    xml_attr_int(x, "price-next", w->price_next) == -1 ||
	    (w->price_set && xml_attr(x, "price-set", "1") == -1) ||
	    xml_attr_int(x, "cost-base", w->cost_base) == -1 ||
	    xml_attr_int(x, "cost-next", w->cost_next) == -1)
		return -1;
	for (k = 0; k < w->npoints; k++)
		if (xml_start(x, "point") == -1 ||
		    xml_attr_int(x, "year", w->year[k]) == -1 ||
		    xml_attr_int(x, "users", w->users[k]) == -1 ||
		    xml_end(x) == -1)
			return -1;
	return xml_end(x);
}

/*
 * GET /reports/forecast[?year=B&scenario=id&print=1] -> <forecast year
 * next scenario bp takeup months currency k><municipality/><scenario
 * …/>…<row …><point year users/>…</row>…<total/></forecast>.  year is
 * the base year (default this year).  400 for a malformed query, 404 for
 * another town's scenario.
 */
enum http_status
forecast_show(struct req *r, struct xml *x)
{
	struct rscope s;
	struct fc f;
	struct db_res all;
	enum http_status st;
	size_t i;

	if ((st = rscope_load(r, &s)) != HTTP_OK ||
	    (st = load_scenario(r, &s, &f, &all)) != HTTP_OK ||
	    (st = forecast_compute(r, &s, &f)) != HTTP_OK)
		return st;
	if (xml_start(x, "forecast") == -1 || rscope_write(x, &s) == -1 ||
	    xml_attr_int(x, "next", s.year + 1) == -1 ||
	    (f.scenario > 0 && xml_attr_int(x, "scenario", f.scenario) == -1) ||
	    (f.scenario_name != NULL &&
		xml_attr(x, "scenario-name", f.scenario_name) == -1) ||
	    xml_attr(x, "bp", bp_text(r, f.bp)) == -1 ||
	    xml_attr_int(x, "takeup", f.takeup) == -1 ||
	    xml_attr_int(x, "months", f.months) == -1 ||
	    (kv_get(&r->query, "print") != NULL &&
		xml_attr(x, "print", "1") == -1) ||
	    rscope_town(x, &s) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < all.nrows; i++)
		if (xml_start(x, "scenario") == -1 ||
		    xml_attr(x, "id", db_str(&all, i, "id")) == -1 ||
		    xml_attr(x, "name", db_str(&all, i, "name")) == -1 ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	for (i = 0; i < f.n; i++)
		if (write_row(r, x, &f.row[i]) == -1)
			return HTTP_INTERNAL;
	if (xml_start(x, "total") == -1 ||
	    xml_attr_int(x, "users-next", f.users_next) == -1 ||
	    xml_attr_int(x, "cost-base", f.cost_base) == -1 ||
	    xml_attr_int(x, "cost-next", f.cost_next) == -1 ||
	    xml_end(x) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* Para as "1234.50" (a spreadsheet's decimal, with a point). */
static const char *
para_text(struct req *r, int64_t para)
{
	return centi_text(r, para);
}

/*
 * GET /reports/forecast.csv[?year=&scenario=] (ROUTE_STREAM): the budget
 * proposal as CSV, UTF-8 with a byte order mark, ';' between fields,
 * streamed through csv_writer (csv.c): one row per service and a total.
 * Amounts in dinars with two decimals and a point.  Errors before the
 * stream opens are the error page.
 */
enum http_status
forecast_csv(struct req *r, struct xml *x)
{
	static const char *const head[] = {"service", "name", "unit",
	    "users_base_year", "trend_next_year", "waiting",
	    "places_from_waiting", "extra_places", "users_next_year",
	    "units_next_year", "unit_price_next_year", "cost_next_year"};
	struct rscope s;
	struct fc f;
	struct db_res all;
	struct csv_writer cw;
	enum http_status st;
	const char *v[12];
	size_t i;

	if ((st = rscope_load(r, &s)) != HTTP_OK ||
	    (st = load_scenario(r, &s, &f, &all)) != HTTP_OK ||
	    (st = forecast_compute(r, &s, &f)) != HTTP_OK)
		return st;
	resp_stream_open(r, "text/csv; charset=utf-8",
	    arena_printf(r->arena, "budget-%lld.csv", (long long)(s.year + 1)));
	csv_writer_init(&cw, ';', resp_stream_write, r);
	if (csv_write_row(&cw, head, 12) == -1)
		goto cut;
	for (i = 0; i < f.n; i++) {
		const struct fc_row *w = &f.row[i];

		v[0] = w->code;
		v[1] = w->name;
		v[2] = w->unit;
		v[3] = arena_printf(r->arena, "%lld",
		    (long long)(w->npoints > 0 ? w->users[w->npoints - 1] : 0));
		v[4] = arena_printf(r->arena, "%lld", (long long)w->trend);
		v[5] = arena_printf(r->arena, "%lld", (long long)w->waiting);
		v[6] =
		    arena_printf(r->arena, "%lld", (long long)w->from_waiting);
		v[7] = arena_printf(r->arena, "%lld", (long long)w->extra);
		v[8] = arena_printf(r->arena, "%lld", (long long)w->users_next);
		v[9] = centi_text(r, w->centi_next);
		v[10] = para_text(r, w->price_next);
		v[11] = para_text(r, w->cost_next);
		if (csv_write_row(&cw, v, 12) == -1)
			goto cut;
	}
	for (i = 0; i < 12; i++)
		v[i] = "";
	v[0] = "total";
	v[8] = arena_printf(r->arena, "%lld", (long long)f.users_next);
	v[11] = para_text(r, f.cost_next);
	if (csv_write_row(&cw, v, 12) == -1 || csv_write_end(&cw) == -1)
		goto cut;
	return HTTP_OK;
cut:
	LOGE("rid=%s: budget CSV cut short", r->rid);
	return HTTP_OK;
}
