/* SPDX-License-Identifier: ISC */
/*
 * province.c: a provincial analyst's roll-up (issue 14).  A provincial
 * analyst is an account with an analyst role in each of several towns
 * (account_role rows, read through report_analyst_scope): nothing new for
 * the administrator to learn, and an analyst of one town sees that town
 * alone.  The page puts every town's aggregates side by side (people,
 * places, cost: never units, which add unlike kinds) with their sum, and the
 * people per kind of service per town, never a person.  Counts of people per
 * kind of service go through pub_suppress() with the strictest k of the towns;
 * money is summed only when the towns share a currency.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "reports.h"

/* The kinds of service of the Law (service_group), in their order. */
static const char *const groups[] = {
    "assessment", "community", "independent", "counselling", "accommodation"};
#define NGROUPS (sizeof(groups) / sizeof(groups[0]))

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
 * The people per kind of service and town, suppressed: rows are kinds,
 * columns towns.  Fills t in the arena.
 */
static void
group_table(struct req *r, const struct db_res *towns, const struct db_res *gr,
    int64_t k, struct pub_table *t)
{
	size_t i, j, g;

	t->nrows = NGROUPS;
	t->ncols = towns->nrows;
	t->count =
	    arena_calloc(r->arena, NGROUPS * t->ncols + 1, sizeof(*t->count));
	t->hide =
	    arena_calloc(r->arena, NGROUPS * t->ncols + 1, sizeof(*t->hide));
	t->hide_col_total = arena_calloc(r->arena, t->ncols + 1, sizeof(bool));
	t->col_total = arena_calloc(r->arena, t->ncols + 1, sizeof(int64_t));
	for (i = 0; i < gr->nrows; i++) {
		if ((j = row_of(towns, db_int(gr, i, "id"))) == towns->nrows)
			continue;
		for (g = 0; g < NGROUPS; g++)
			if (strcmp(db_str(gr, i, "grp"), groups[g]) == 0)
				t->count[g * t->ncols + j] =
				    db_int(gr, i, "users");
	}
	pub_suppress(t, k);
}

/*
 * GET /reports/province[?year=] (analysts) -> <province year currency
 * k><town id code name users places cost currency/>…<total/>
 * <kinds><kind code><cell town value|suppressed/>…</kind></kinds>
 * </province>.  An analyst of one town sees one column.
 */
enum http_status
province_show(struct req *r, struct xml *x)
{
	struct rscope s;
	struct db_res towns, users, cost, places, gr;
	struct pub_table t = {0};
	enum http_status st;
	int64_t k = 0, su = 0, sp = 0, scost = 0, id;
	bool one_currency = true;
	size_t i, j, g;

	if ((st = rscope_load(r, &s)) != HTTP_OK)
		return st;
	if (RDBQ(r, STMT_PROV_TOWNS, &towns, DBP_LOCALE(r),
		DBP_I(r->sess->account)) != DB_OK ||
	    RDBQ(r, STMT_PROV_USERS, &users, DBP_I(s.year), DBP_I(s.year),
		DBP_I(r->sess->account)) != DB_OK ||
	    RDBQ(r, STMT_PROV_COST, &cost, DBP_I(s.year), DBP_I(s.year),
		DBP_I(s.year), DBP_I(r->sess->account)) != DB_OK ||
	    RDBQ(r, STMT_PROV_PLACES, &places, DBP_I(s.year),
		DBP_I(r->sess->account)) != DB_OK ||
	    RDBQ(r, STMT_PROV_GROUPS, &gr, DBP_I(s.year), DBP_I(s.year),
		DBP_I(r->sess->account)) != DB_OK)
		return HTTP_UNAVAILABLE;
	for (i = 0; i < towns.nrows; i++) {
		if (db_int(&towns, i, "k") > k)
			k = db_int(&towns, i, "k");
		if (strcmp(db_str(&towns, i, "currency"),
			db_str(&towns, 0, "currency")) != 0)
			one_currency = false;
	}
	group_table(r, &towns, &gr, k, &t);
	if (xml_start(x, "province") == -1 || rscope_write(x, &s) == -1 ||
	    xml_attr_int(x, "strictest-k", k) == -1 ||
	    (one_currency && towns.nrows > 0 &&
		xml_attr(x, "one-currency", db_str(&towns, 0, "currency")) ==
		    -1))
		return HTTP_INTERNAL;
	for (i = 0; i < towns.nrows; i++) {
		id = db_int(&towns, i, "id");
		if (xml_start(x, "town") == -1 ||
		    xml_row_attrs(x, &towns, i) == -1)
			return HTTP_INTERNAL;
		if ((j = row_of(&users, id)) < users.nrows) {
			su += db_int(&users, j, "users");
			if (xml_attr(x, "users", db_str(&users, j, "users")) ==
			    -1)
				return HTTP_INTERNAL;
		}
		if ((j = row_of(&places, id)) < places.nrows) {
			sp += db_int(&places, j, "places");
			if (xml_attr(x, "places",
				db_str(&places, j, "places")) == -1)
				return HTTP_INTERNAL;
		}
		if ((j = row_of(&cost, id)) < cost.nrows) {
			scost += db_int(&cost, j, "cost");
			/* No units: a town's add hours to days to meals
			 * (the figures page leaves a town's out too). */
			if (xml_attr(x, "cost", db_str(&cost, j, "cost")) == -1)
				return HTTP_INTERNAL;
		}
		if (xml_end(x) == -1)
			return HTTP_INTERNAL;
	}
	if (xml_start(x, "total") == -1 || xml_attr_int(x, "users", su) == -1 ||
	    xml_attr_int(x, "places", sp) == -1 ||
	    (one_currency && xml_attr_int(x, "cost", scost) == -1) ||
	    xml_end(x) == -1 || xml_start(x, "kinds") == -1)
		return HTTP_INTERNAL;
	for (g = 0; g < NGROUPS; g++) {
		if (xml_start(x, "kind") == -1 ||
		    xml_attr(x, "code", groups[g]) == -1)
			return HTTP_INTERNAL;
		for (j = 0; j < t.ncols; j++)
			if (xml_start(x, "cell") == -1 ||
			    xml_attr(x, "town", db_str(&towns, j, "id")) ==
				-1 ||
			    (t.hide[g * t.ncols + j]
				    ? xml_attr(x, "suppressed", "1")
				    : xml_attr_int(x, "value",
					  t.count[g * t.ncols + j])) == -1 ||
			    xml_end(x) == -1)
				return HTTP_INTERNAL;
		if (xml_end(x) == -1)
			return HTTP_INTERNAL;
	}
	if (xml_end(x) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
