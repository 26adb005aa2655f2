/* SPDX-License-Identifier: ISC */
/*
 * demand.c: unmet demand per service beside this year's budget (issue
 * 14): people waiting for a place now and applications refused for lack
 * of places in the year (report_waiting: applications are issue 13's, and
 * until its tables land the view returns no row, so these columns read 0
 * and the page says why), the respondents of the town's latest needs
 * survey who asked for the service (report_need_map ties answers to
 * services), and beside them the year's places, people active now, unit
 * price and what was spent so far (units x price, integer para).
 *
 * Survey counts are aggregates of anonymous answers; small ones are
 * hidden as in published results (cells.c), for every caller.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "reports.h"

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

/* Writes <survey id code closes respondents/>, or nothing. */
static int
write_survey(struct xml *x, const struct db_res *sv)
{
	return sv->nrows == 1 ? xml_rows(x, "survey", sv) : 0;
}

/*
 * GET /reports/demand[?year=] -> <demand year currency k><municipality/>
 * <survey/><row id code name unit waiting refused places active price
 * spent asked|asked-suppressed/>…<total/></demand>.  400 for a malformed
 * year.
 */
enum http_status
demand_show(struct req *r, struct xml *x)
{
	struct rscope s;
	struct db_res rows, fig, units, sv, needs;
	enum http_status st;
	int64_t *asked, t_wait = 0, t_ref = 0, t_places = 0, t_spent = 0,
			t_active = 0, id;
	bool *hide;
	const char *from;
	size_t i, j;

	if ((st = rscope_load(r, &s)) != HTTP_OK)
		return st;
	if (rscope_open_from(r, s.municipality, s.year, s.year, &from) !=
		DB_OK ||
	    RDBQ(r, STMT_DEMAND, &rows, DBP_LOCALE(r), DBP_I(s.year),
		DBP_I(s.year), DBP_I(s.year), DBP_I(s.year),
		DBP_I(s.municipality)) != DB_OK ||
	    RDBQ(r, STMT_FIG_SERVICES, &fig, DBP_LOCALE(r),
		DBP_S(rscope_day(r, s.year)), DBP_S(rscope_day(r, s.year)),
		DBP_I(s.year), DBP_I(s.year), DBP_I(0), DBP_I(0),
		DBP_I(s.municipality)) != DB_OK ||
	    RDBQ(r, STMT_FIG_UNITS, &units,
		DBP_MONTHS(s.municipality, s.year, s.year, from), DBP_I(s.year),
		DBP_I(0), DBP_I(0)) != DB_OK ||
	    RDBQ(r, STMT_SURVEY_LATEST, &sv, DBP_I(s.municipality)) != DB_OK)
		return HTTP_UNAVAILABLE;
	needs.nrows = 0;
	if (sv.nrows == 1 &&
	    RDBQ(r, STMT_SURVEY_NEEDS, &needs, DBP_I(db_int(&sv, 0, "id")),
		DBP_I(s.municipality)) != DB_OK)
		return HTTP_UNAVAILABLE;
	if (rows.nrows > REPORT_MAX_ROWS)
		return HTTP_INTERNAL;
	asked = arena_calloc(r->arena, rows.nrows + 1, sizeof(*asked));
	hide = arena_calloc(r->arena, rows.nrows + 1, sizeof(*hide));
	for (i = 0; i < rows.nrows; i++)
		if ((j = row_of(&needs, db_int(&rows, i, "id"))) < needs.nrows)
			asked[i] = db_int(&needs, j, "respondents");
	cells_suppress(asked, hide, rows.nrows, s.k);
	if (xml_start(x, "demand") == -1 || rscope_write(x, &s) == -1 ||
	    rscope_town(x, &s) == -1 || write_survey(x, &sv) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < rows.nrows; i++) {
		id = db_int(&rows, i, "id");
		if (xml_start(x, "row") == -1 ||
		    xml_attr(x, "id", db_str(&rows, i, "id")) == -1 ||
		    xml_attr(x, "code", db_str(&rows, i, "code")) == -1 ||
		    xml_attr(x, "name", db_str(&rows, i, "name")) == -1 ||
		    xml_attr(x, "unit", db_str(&rows, i, "unit")) == -1 ||
		    xml_attr(x, "waiting", db_str(&rows, i, "waiting")) == -1 ||
		    xml_attr(x, "refused", db_str(&rows, i, "refused")) == -1 ||
		    xml_attr(x, "places", db_str(&rows, i, "places")) == -1 ||
		    xml_attr(x, "price", db_str(&rows, i, "price")) == -1)
			return HTTP_INTERNAL;
		t_wait += db_int(&rows, i, "waiting");
		t_ref += db_int(&rows, i, "refused");
		if (db_str(&rows, i, "places") != NULL)
			t_places += db_int(&rows, i, "places");
		if ((j = row_of(&fig, id)) < fig.nrows) {
			t_active += db_int(&fig, j, "active");
			if (xml_attr(x, "active", db_str(&fig, j, "active")) ==
			    -1)
				return HTTP_INTERNAL;
		}
		if ((j = row_of(&units, id)) < units.nrows) {
			t_spent += db_int(&units, j, "cost");
			if (xml_attr(x, "spent", db_str(&units, j, "cost")) ==
			    -1)
				return HTTP_INTERNAL;
		}
		if (sv.nrows == 1 &&
		    (hide[i] ? xml_attr(x, "asked-suppressed", "1")
			     : xml_attr_int(x, "asked", asked[i])) == -1)
			return HTTP_INTERNAL;
		if (xml_end(x) == -1)
			return HTTP_INTERNAL;
	}
	if (xml_start(x, "total") == -1 ||
	    xml_attr_int(x, "waiting", t_wait) == -1 ||
	    xml_attr_int(x, "refused", t_ref) == -1 ||
	    xml_attr_int(x, "places", t_places) == -1 ||
	    xml_attr_int(x, "active", t_active) == -1 ||
	    xml_attr_int(x, "spent", t_spent) == -1 || xml_end(x) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
