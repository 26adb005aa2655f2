/* SPDX-License-Identifier: ISC */
/*
 * figures.c: the city department's and the CSW's figures for a year, and
 * their drill-down (issue 14): the town's services (people, people active
 * now, places and occupancy, units delivered, their cost at the year's
 * price) -> one service's providers -> one provider's months -> for a CSW
 * worker only, the people behind the figure, each listed person one audit
 * row.  Beside each level, the people broken down by settlement (urban or
 * rural), sex, age group and kind of disability or difficulty.
 *
 * Provider staff see only their own organisation: the scope (scope.c)
 * filters every statement by it, and another provider's page is a 404,
 * audited.  Figures are exact (the analyst pays for them); breakdown cells
 * under the town's k are hidden for everyone but the CSW.
 *
 * Money: integer para from SQL's DECIMAL arithmetic, never a float.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "reports.h"

/* Centi-units as a decimal "1234.50" (the stylesheet formats it). */
static const char *
units_text(struct req *r, int64_t centi)
{
	return arena_printf(r->arena, "%lld.%02lld", (long long)(centi / 100),
	    (long long)(centi % 100));
}

/* The row of res whose column key equals v, or res->nrows. */
static size_t
find_row(const struct db_res *res, const char *key, int64_t v)
{
	size_t i;

	for (i = 0; i < res->nrows; i++)
		if (db_int(res, i, key) == v)
			return i;
	return res->nrows;
}

/* Running totals of a table of figures. */
struct totals {
	int64_t active, places, centi, cost;
	bool has_places;
};

/*
 * Writes the figure attributes of one row keyed v (an id or a month):
 * users and active from rows[i], units and cost from units (column key),
 * places from cap (column key, NULL for none), and the occupancy (active
 * people per 100 places, rounded).  Adds them to t.  0 or -1.
 */
static int
write_figures(struct req *r, struct xml *x, const struct db_res *rows, size_t i,
    const char *key, const struct db_res *units, const struct db_res *cap,
    struct totals *t)
{
	int64_t v = db_int(rows, i, key), active = 0, centi = 0, cost = 0;
	size_t u, c;

	if (xml_attr(x, "users", db_str(rows, i, "users")) == -1)
		return -1;
	if (strcmp(rows->col[rows->ncols - 1], "active") == 0) {
		active = db_int(rows, i, "active");
		if (xml_attr_int(x, "active", active) == -1)
			return -1;
	}
	if ((u = find_row(units, key, v)) < units->nrows) {
		centi = db_int(units, u, "centi");
		cost = db_int(units, u, "cost");
	}
	if (xml_attr(x, "units", units_text(r, centi)) == -1 ||
	    xml_attr_int(x, "cost", cost) == -1)
		return -1;
	t->active += active;
	t->centi += centi;
	t->cost += cost;
	if (cap == NULL || (c = find_row(cap, "id", v)) == cap->nrows)
		return 0;
	t->places += db_int(cap, c, "places");
	t->has_places = true;
	if (xml_attr(x, "places", db_str(cap, c, "places")) == -1)
		return -1;
	if (db_int(cap, c, "places") > 0 &&
	    xml_attr_int(x, "occupancy",
		fm_div_round(active * 100, db_int(cap, c, "places"))) == -1)
		return -1;
	return 0;
}

/*
 * The different people of a scope (town, service svc or 0, provider org
 * or 0, the year) into *res: one row, their number (users) and the
 * `dim.key` counts of the breakdowns, read in one pass.  0 or -1.
 */
static int
load_people(struct req *r, const struct rscope *s, int64_t svc, int64_t org,
    struct db_res *res)
{
	if (RDBQ(r, STMT_FIG_PEOPLE, res, DBP_I(s->year),
		DBP_I(s->municipality), DBP_I(svc), DBP_I(svc), DBP_I(org),
		DBP_I(org), DBP_I(s->year), DBP_I(s->year)) != DB_OK ||
	    res->nrows != 1)
		return -1;
	return 0;
}

/*
 * Writes <total users units cost [places active occupancy]/>: users are
 * the different people of the scope (people, load_people(): a person in
 * two services counts once), the rest the sums.  0 or -1.
 */
static int
write_total(struct req *r, struct xml *x, const struct db_res *people,
    const struct totals *t, bool active)
{
	if (xml_start(x, "total") == -1 ||
	    xml_attr(x, "users", db_str(people, 0, "users")) == -1 ||
	    xml_attr(x, "units", units_text(r, t->centi)) == -1 ||
	    xml_attr_int(x, "cost", t->cost) == -1 ||
	    (active && xml_attr_int(x, "active", t->active) == -1))
		return -1;
	if (t->has_places &&
	    (xml_attr_int(x, "places", t->places) == -1 ||
		(t->places > 0 && active &&
		    xml_attr_int(x, "occupancy",
			fm_div_round(t->active * 100, t->places)) == -1)))
		return -1;
	return xml_end(x);
}

/*
 * Writes one <breakdown dim="…"><cell key users | suppressed/></breakdown>
 * of the n cells keys/count; cells under k are hidden (with their
 * complement, cells.c) unless the caller sees exact figures.  0 or -1.
 */
static int
write_cells(struct req *r, struct xml *x, const struct rscope *s,
    const char *dim, const char **keys, const int64_t *count, size_t n)
{
	bool *hide;
	size_t i;

	hide = arena_calloc(r->arena, n + 1, sizeof(*hide));
	if (!s->exact)
		cells_suppress(count, hide, n, s->k);
	if (xml_start(x, "breakdown") == -1 || xml_attr(x, "dim", dim) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (xml_start(x, "cell") == -1 ||
		    xml_attr(x, "key", keys[i]) == -1 ||
		    (hide[i] ? xml_attr(x, "suppressed", "1")
			     : xml_attr_int(x, "users", count[i])) == -1 ||
		    xml_end(x) == -1)
			return -1;
	return xml_end(x);
}

/* The breakdowns load_people() counts, each key in the order shown. */
static const char *const bd_area[] = {"urban", "rural", "unknown", NULL};
static const char *const bd_sex[] = {"female", "male", "unknown", NULL};
static const char *const bd_age[] = {
    "0-6", "7-17", "18-25", "26-64", "65-79", "80-plus", "unknown", NULL};

/*
 * Writes the breakdown dim of the people row: its keys with at least one
 * person (an empty group is no cell, as in a GROUP BY).  0 or -1.
 */
static int
write_people_dim(struct req *r, struct xml *x, const struct rscope *s,
    const struct db_res *people, const char *dim, const char *const *keys)
{
	const char *k[8];
	int64_t count[8], v;
	size_t i, n = 0;

	for (i = 0; i < 8 && keys[i] != NULL; i++) {
		v = db_int(
		    people, 0, arena_printf(r->arena, "%s.%s", dim, keys[i]));
		if (v > 0) {
			k[n] = keys[i];
			count[n++] = v;
		}
	}
	return write_cells(r, x, s, dim, k, count, n);
}

/*
 * The four breakdowns of a scope: settlement, sex and age group from
 * people (load_people()), the needs by their own statement.  0 or -1.
 */
static int
write_breakdowns(struct req *r, struct xml *x, const struct rscope *s,
    const struct db_res *people, int64_t svc, int64_t org)
{
	struct db_res res;
	const char **keys;
	int64_t *count;
	size_t i;

	if (write_people_dim(r, x, s, people, "area", bd_area) == -1 ||
	    write_people_dim(r, x, s, people, "sex", bd_sex) == -1 ||
	    write_people_dim(r, x, s, people, "age", bd_age) == -1)
		return -1;
	if (RDBQ(r, STMT_BD_NEED, &res, DBP_I(s->municipality), DBP_I(svc),
		DBP_I(svc), DBP_I(org), DBP_I(org), DBP_I(s->year),
		DBP_I(s->year)) != DB_OK ||
	    res.nrows > REPORT_MAX_ROWS)
		return -1;
	keys = arena_calloc(r->arena, res.nrows + 1, sizeof(*keys));
	count = arena_calloc(r->arena, res.nrows + 1, sizeof(*count));
	for (i = 0; i < res.nrows; i++) {
		keys[i] = db_str(&res, i, "key");
		count[i] = db_int(&res, i, "users");
	}
	return write_cells(r, x, s, "need", keys, count, res.nrows);
}

/*
 * The service ids[0] of the caller's town into *svc (id, code, name,
 * unit).  HTTP_OK, or 404 (audited) for a service of another town.
 */
static enum http_status
load_service(struct req *r, const struct rscope *s, struct db_res *svc)
{
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_SERVICE_ONE, svc, DBP_LOCALE(r), DBP_I(r->ids[0]),
		 DBP_I(s->municipality))) != DB_OK)
		return db_status(rc);
	if (svc->nrows == 1)
		return HTTP_OK;
	audit(r, "report.open", "service", r->ids[0], "not-found");
	return HTTP_NOT_FOUND;
}

/*
 * The organisation ids[1] of the caller's town into *org; for provider
 * staff only their own.  HTTP_OK, or 404 (audited).
 */
static enum http_status
load_org(struct req *r, const struct rscope *s, struct db_res *org)
{
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_ORG_ONE, org, DBP_LOCALE(r), DBP_I(r->ids[1]),
		 DBP_I(s->municipality))) != DB_OK)
		return db_status(rc);
	if (org->nrows == 1 && (s->provider == 0 || s->provider == r->ids[1]))
		return HTTP_OK;
	audit(r, "report.open", "organisation", r->ids[1], "not-found");
	return HTTP_NOT_FOUND;
}

/* Opens <figures level="…"> with the scope and the town. */
static int
open_figures(struct xml *x, const struct rscope *s, const char *level)
{
	if (xml_start(x, "figures") == -1 ||
	    xml_attr(x, "level", level) == -1 || rscope_write(x, s) == -1 ||
	    (strcmp(level, "persons") == 0 &&
		xml_attr_int(x, "limit", REPORT_MAX_PERSONS) == -1) ||
	    rscope_town(x, s) == -1)
		return -1;
	return 0;
}

/*
 * GET /reports/figures[?year=] -> <figures level="town"> with a <row> per
 * service (id code group name unit users active places occupancy units
 * cost), the <total>, the breakdowns.  400 for a malformed year.
 */
enum http_status
figures_town(struct req *r, struct xml *x)
{
	struct rscope s;
	struct db_res rows, units, cap, people;
	struct totals t = {0};
	enum http_status st;
	const char *day, *from;
	size_t i;

	if ((st = rscope_load(r, &s)) != HTTP_OK)
		return st;
	day = rscope_day(r, s.year);
	if (rscope_open_from(r, s.municipality, s.year, s.year, &from) !=
		DB_OK ||
	    RDBQ(r, STMT_FIG_SERVICES, &rows, DBP_LOCALE(r), DBP_S(day),
		DBP_S(day), DBP_I(s.year), DBP_I(s.year), DBP_I(s.provider),
		DBP_I(s.provider), DBP_I(s.municipality)) != DB_OK ||
	    RDBQ(r, STMT_FIG_UNITS, &units,
		DBP_MONTHS(s.municipality, s.year, s.year, from), DBP_I(s.year),
		DBP_I(s.provider), DBP_I(s.provider)) != DB_OK ||
	    RDBQ(r, STMT_FIG_CAPACITY, &cap, DBP_I(s.municipality),
		DBP_I(s.year), DBP_I(s.provider), DBP_I(s.provider)) != DB_OK)
		return HTTP_UNAVAILABLE;
	if (rows.nrows > REPORT_MAX_ROWS)
		return HTTP_INTERNAL;
	if (open_figures(x, &s, "town") == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < rows.nrows; i++)
		if (xml_start(x, "row") == -1 ||
		    xml_attr(x, "id", db_str(&rows, i, "id")) == -1 ||
		    xml_attr(x, "code", db_str(&rows, i, "code")) == -1 ||
		    xml_attr(x, "group", db_str(&rows, i, "group")) == -1 ||
		    xml_attr(x, "unit", db_str(&rows, i, "unit")) == -1 ||
		    xml_attr(x, "name", db_str(&rows, i, "name")) == -1 ||
		    write_figures(r, x, &rows, i, "id", &units, &cap, &t) ==
			-1 ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	if (load_people(r, &s, 0, s.provider, &people) == -1 ||
	    write_total(r, x, &people, &t, true) == -1 ||
	    write_breakdowns(r, x, &s, &people, 0, s.provider) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * GET /reports/figures/services/%[?year=] -> <figures level="service">
 * with <service/> and a <row> per provider of it.  404 for a service of
 * another town.
 */
enum http_status
figures_service(struct req *r, struct xml *x)
{
	struct rscope s;
	struct db_res svc, rows, units, cap, people;
	struct totals t = {0};
	enum http_status st;
	const char *day, *from;
	int64_t id = r->ids[0];
	size_t i;

	if ((st = rscope_load(r, &s)) != HTTP_OK ||
	    (st = load_service(r, &s, &svc)) != HTTP_OK)
		return st;
	day = rscope_day(r, s.year);
	if (rscope_open_from(r, s.municipality, s.year, s.year, &from) !=
		DB_OK ||
	    RDBQ(r, STMT_FIG_PROVIDERS, &rows, DBP_LOCALE(r), DBP_S(day),
		DBP_S(day), DBP_I(s.year), DBP_I(s.year), DBP_I(id),
		DBP_I(s.municipality), DBP_I(s.provider), DBP_I(s.provider),
		DBP_I(id), DBP_I(s.year)) != DB_OK ||
	    RDBQ(r, STMT_FIG_UNITS_PROV, &units,
		DBP_MONTHS_SVC(s.municipality, s.year, s.year, id, from),
		DBP_I(s.year), DBP_I(s.provider), DBP_I(s.provider)) != DB_OK ||
	    RDBQ(r, STMT_FIG_CAP_PROV, &cap, DBP_I(id), DBP_I(s.year)) != DB_OK)
		return HTTP_UNAVAILABLE;
	if (rows.nrows > REPORT_MAX_ROWS)
		return HTTP_INTERNAL;
	if (open_figures(x, &s, "service") == -1 ||
	    xml_rows(x, "service", &svc) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < rows.nrows; i++)
		if (xml_start(x, "row") == -1 ||
		    xml_attr(x, "id", db_str(&rows, i, "id")) == -1 ||
		    xml_attr(x, "name", db_str(&rows, i, "name")) == -1 ||
		    write_figures(r, x, &rows, i, "id", &units, &cap, &t) ==
			-1 ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	if (load_people(r, &s, id, s.provider, &people) == -1 ||
	    write_total(r, x, &people, &t, true) == -1 ||
	    write_breakdowns(r, x, &s, &people, id, s.provider) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * GET /reports/figures/services/%/providers/%[?year=] -> <figures
 * level="provider"> with <service/>, <provider/> and a <row month> per
 * month: people enrolled in the month, units and cost.  404 for a
 * service or organisation of another town, or another provider's.
 */
enum http_status
figures_provider(struct req *r, struct xml *x)
{
	struct rscope s;
	struct db_res svc, org, rows, units, people;
	struct totals t = {0};
	enum http_status st;
	int64_t id = r->ids[0], oid = r->ids[1];
	const char *from;
	size_t i;

	if ((st = rscope_load(r, &s)) != HTTP_OK ||
	    (st = load_service(r, &s, &svc)) != HTTP_OK ||
	    (st = load_org(r, &s, &org)) != HTTP_OK)
		return st;
	if (rscope_open_from(r, s.municipality, s.year, s.year, &from) !=
		DB_OK ||
	    RDBQ(r, STMT_FIG_MONTHS, &rows, DBP_I(s.year), DBP_I(s.year),
		DBP_I(id), DBP_I(oid), DBP_I(oid),
		DBP_I(s.municipality)) != DB_OK ||
	    RDBQ(r, STMT_FIG_UNITS_MONTH, &units,
		DBP_MONTHS_SVC(s.municipality, s.year, s.year, id, from),
		DBP_I(s.year), DBP_I(oid), DBP_I(oid)) != DB_OK)
		return HTTP_UNAVAILABLE;
	if (open_figures(x, &s, "provider") == -1 ||
	    xml_rows(x, "service", &svc) == -1 ||
	    xml_rows(x, "provider", &org) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < rows.nrows; i++)
		if (xml_start(x, "row") == -1 ||
		    xml_attr(x, "month", db_str(&rows, i, "month")) == -1 ||
		    write_figures(r, x, &rows, i, "month", &units, NULL, &t) ==
			-1 ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	if (load_people(r, &s, id, oid, &people) == -1 ||
	    write_total(r, x, &people, &t, false) == -1 ||
	    write_breakdowns(r, x, &s, &people, id, oid) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * GET /reports/figures/services/%[/providers/%]/persons[?year=&month=]
 * (CSW only, by the route) -> <persons> naming the people behind the
 * figure of a service (of one provider), in the year or one month of it,
 * through the registry's stored query report_persons.  Every person
 * listed is an audit row ("report.persons") written before the list is
 * shown: a list whose audit cannot be written is not shown (503).
 */
enum http_status
figures_persons(struct req *r, struct xml *x)
{
	struct rscope s;
	struct db_res svc, org, res;
	enum http_status st;
	enum db_rc rc;
	int64_t oid = r->nids > 1 ? r->ids[1] : 0;
	size_t i;

	if ((st = rscope_load(r, &s)) != HTTP_OK ||
	    (st = load_service(r, &s, &svc)) != HTTP_OK ||
	    (oid > 0 && (st = load_org(r, &s, &org)) != HTTP_OK))
		return st;
	if (!s.csw)
		return HTTP_FORBIDDEN;
	if ((rc = DBQ(r, STMT_PERSONS, &res, DBP_I(s.municipality),
		 DBP_I(r->ids[0]), DBP_I(oid), DBP_I(s.year),
		 DBP_I(s.month))) != DB_OK)
		return db_status(rc);
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_status(rc);
	for (i = 0; i < res.nrows; i++)
		if ((rc = audit(r, "report.persons", "person",
			 db_int(&res, i, "person"), "ok")) != DB_OK)
			return db_undo(r, rc);
	if ((rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	if (open_figures(x, &s, "persons") == -1 ||
	    xml_rows(x, "service", &svc) == -1 ||
	    (oid > 0 && xml_rows(x, "provider", &org) == -1) ||
	    xml_rows(x, "person", &res) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
