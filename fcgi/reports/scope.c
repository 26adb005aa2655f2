/* SPDX-License-Identifier: ISC */
/*
 * scope.c: what every staff report starts from: the year (and month)
 * asked for in the query, the caller's town, and what the caller may see
 * of it.  A provider's staff see only their own organisation (the scope
 * forces it; another provider's figures are a 404); a CSW worker may open
 * the people behind a figure and sees small breakdown cells as they are;
 * the analyst and the administrator see the town's figures, with small
 * cells of the breakdowns by age, sex, settlement and need hidden as in
 * published figures (DOMAIN: "reports outside the CSW").
 */
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "reports.h"

enum { QF_YEAR, QF_MONTH, QF__MAX };
static const struct field query_fields[QF__MAX] = {
    {"year", VALID_INT, false, REPORT_YEAR_MIN, REPORT_YEAR_MAX, "report.year",
	"off", NULL, NULL},
    {"month", VALID_INT, false, 1, 12, "reports.month", "off", NULL, NULL},
};

/* This year, in UTC. */
int64_t
this_year(void)
{
	struct tm tm;
	time_t now = time(NULL);

	if (gmtime_r(&now, &tm) == NULL)
		return REPORT_YEAR_MIN;
	return tm.tm_year + 1900;
}

/*
 * Fills s for the signed-in caller of r: the query's year (default this
 * year) and month (default 0), the caller's town with its currency and
 * k, and the caller's reach.  Returns HTTP_OK; 400 for a malformed year
 * or month; 403 for staff without a town; the database's outcome.
 */
enum http_status
rscope_load(struct req *r, struct rscope *s)
{
	struct form f;
	struct db_res res;
	enum db_rc rc;
	unsigned p = r->sess != NULL ? r->sess->perms : 0;

	form_validate(r, query_fields, QF__MAX, &f);
	if (f.nerrors > 0)
		return HTTP_BAD_REQUEST;
	s->year = f.present[QF_YEAR] && *f.text[QF_YEAR] != '\0'
	    ? f.num[QF_YEAR]
	    : this_year();
	s->month = f.present[QF_MONTH] && *f.text[QF_MONTH] != '\0'
	    ? f.num[QF_MONTH]
	    : 0;
	if (r->sess == NULL || r->sess->municipality <= 0)
		return HTTP_FORBIDDEN;
	s->municipality = r->sess->municipality;
	s->csw = (p & PERM_ROLE(ROLE_CSW)) != 0;
	s->exact = s->csw;
	/* Provider staff only: scoped to their organisation (a provider who
	 * is also an analyst of the town sees the town). */
	s->provider = (p &
			  (PERM_ROLE(ROLE_ANALYST) | PERM_ROLE(ROLE_CSW) |
			      PERM_ROLE(ROLE_ADMIN))) == 0
	    ? r->sess->organisation
	    : 0;
	if ((p &
		(PERM_ROLE(ROLE_ANALYST) | PERM_ROLE(ROLE_CSW) |
		    PERM_ROLE(ROLE_ADMIN))) == 0 &&
	    s->provider <= 0)
		return HTTP_FORBIDDEN;
	if ((rc = DBQ(r, STMT_MUNI_BY_ID, &res, DBP_LOCALE(r),
		 DBP_I(s->municipality))) != DB_OK)
		return db_status(rc);
	if (res.nrows != 1)
		return HTTP_FORBIDDEN;
	s->code = db_str(&res, 0, "code");
	s->name = db_str(&res, 0, "name");
	s->currency = db_str(&res, 0, "currency");
	s->k = db_int(&res, 0, "k");
	return HTTP_OK;
}

/*
 * Writes the scope as attributes of the open element (year, month,
 * currency, k, and flags the stylesheet shows links by).  0 or -1.
 */
int
rscope_write(struct xml *x, const struct rscope *s)
{
	if (xml_attr_int(x, "year", s->year) == -1 ||
	    (s->month > 0 && xml_attr_int(x, "month", s->month) == -1) ||
	    xml_attr(x, "currency", s->currency) == -1 ||
	    xml_attr_int(x, "k", s->k) == -1 ||
	    (s->csw && xml_attr(x, "csw", "1") == -1) ||
	    (s->provider > 0 && xml_attr_int(x, "own", s->provider) == -1))
		return -1;
	return 0;
}

/* Writes the town as <municipality code currency k>name</municipality>. */
int
rscope_town(struct xml *x, const struct rscope *s)
{
	if (xml_start(x, "municipality") == -1 ||
	    xml_attr(x, "code", s->code) == -1 ||
	    xml_attr(x, "currency", s->currency) == -1 ||
	    xml_attr_int(x, "k", s->k) == -1 || xml_text(x, s->name) == -1 ||
	    xml_end(x) == -1)
		return -1;
	return 0;
}

/* The day "active now" is counted on: today, or the last day of a past
 * year (the first of a future one). */
const char *
rscope_day(struct req *r, int64_t year)
{
	struct tm tm;
	time_t now = time(NULL);

	if (gmtime_r(&now, &tm) == NULL || tm.tm_year + 1900 > year)
		return arena_printf(r->arena, "%04lld-12-31", (long long)year);
	if (tm.tm_year + 1900 < year)
		return arena_printf(r->arena, "%04lld-01-01", (long long)year);
	return arena_printf(r->arena, "%04d-%02d-%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday);
}

/*
 * The first month of the years first to last ("YYYY-MM-DD", arena) whose
 * units must be read from the deliveries rather than from the summary of
 * closed months (migration 0019) for the town's services: the first
 * month some provider of them is missing from report_month_done, or the
 * day after the last year when none is.  MONTHS_SRC (stmt.c) takes it.
 * Returns the statement's outcome.
 */
enum db_rc
rscope_open_from(
    struct req *r, int64_t town, int64_t first, int64_t last, const char **from)
{
	struct db_res res;
	enum db_rc rc;

	if ((rc = RDBQ(r, STMT_OPEN_FROM, &res, DBP_I(first), DBP_I(last),
		 DBP_I(town))) != DB_OK)
		return rc;
	*from = res.nrows == 1 && db_str(&res, 0, "m") != NULL
	    ? db_str(&res, 0, "m")
	    : arena_printf(r->arena, "%04lld-01-01", (long long)(last + 1));
	return DB_OK;
}
