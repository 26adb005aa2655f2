/* SPDX-License-Identifier: ISC */
/*
 * users.c: users per service in a year, the first figure the city's
 * social-affairs department plans with.  It is published, so small cells
 * are suppressed (cells.c) and a suppressed count never reaches the page.
 */
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "reports.h"

#define REPORT_YEAR_MIN 2000
#define REPORT_YEAR_MAX 2100
#define REPORT_MAX_ROWS 500

enum { YF_YEAR, YF__MAX };
static const struct field year_fields[YF__MAX] = {
    {"year", VALID_INT, false, REPORT_YEAR_MIN, REPORT_YEAR_MAX, "report.year",
	"off", NULL, NULL},
};

/* The year asked for with ?year=, or this year (UTC); -1 if malformed. */
static int64_t
report_year(struct req *r)
{
	struct form f;
	struct tm tm;
	time_t now;

	form_validate(r, year_fields, YF__MAX, &f);
	if (f.nerrors > 0)
		return -1;
	if (f.present[YF_YEAR])
		return f.num[YF_YEAR];
	now = time(NULL);
	gmtime_r(&now, &tm);
	return tm.tm_year + 1900;
}

/* Writes one <row> per service, hiding what hide[] says. */
static int
write_rows(struct xml *x, const struct db_res *res, const bool *hide)
{
	size_t i;

	for (i = 0; i < res->nrows; i++) {
		if (xml_start(x, "row") == -1 ||
		    xml_attr(x, "service", db_str(res, i, "service")) == -1 ||
		    xml_attr(x, "code", db_str(res, i, "code")) == -1 ||
		    xml_attr(x, "group", db_str(res, i, "group")) == -1 ||
		    xml_elem_text(x, "name", db_str(res, i, "name")) == -1 ||
		    xml_start(x, "users") == -1)
			return -1;
		if (hide[i] ? xml_attr(x, "suppressed", "1")
			    : xml_text(x, db_str(res, i, "users")))
			return -1;
		if (xml_end(x) == -1 || xml_end(x) == -1)
			return -1;
	}
	return 0;
}

/*
 * GET /reports/[?year=YYYY] -> <report kind year k><municipality/><row>
 * <name/><users>n | suppressed="1"</users></row><total/></report>.
 * A malformed year is a 400.
 */
enum http_status
users_show(struct req *r, struct xml *x)
{
	struct muni m;
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	int64_t year, *count, total = 0;
	bool *hide;
	size_t i;

	if ((year = report_year(r)) == -1)
		return HTTP_BAD_REQUEST;
	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_USERS_PER_SERVICE, &res, DBP_LOCALE(r),
		 DBP_I(year), DBP_I(year), DBP_I(m.id))) != DB_OK)
		return db_status(rc);
	if (res.nrows > REPORT_MAX_ROWS)
		return HTTP_INTERNAL;
	count = arena_calloc(r->arena, res.nrows + 1, sizeof(*count));
	hide = arena_calloc(r->arena, res.nrows + 1, sizeof(*hide));
	for (i = 0; i < res.nrows; i++)
		total += count[i] = db_int(&res, i, "users");
	cells_suppress(count, hide, res.nrows, m.k);
	if (xml_start(x, "report") == -1 ||
	    xml_attr(x, "kind", "users-per-service") == -1 ||
	    xml_attr_int(x, "year", year) == -1 ||
	    xml_attr_int(x, "k", m.k) == -1 || muni_write(x, &m) == -1 ||
	    write_rows(x, &res, hide) == -1)
		return HTTP_INTERNAL;
	/* The total of a group of only suppressed cells would reveal them. */
	if (xml_start(x, "total") == -1 ||
	    (total > 0 && total < m.k ? xml_attr(x, "suppressed", "1")
				      : xml_text(x,
					    arena_printf(r->arena, "%lld",
						(long long)total))) == -1 ||
	    xml_end(x) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
