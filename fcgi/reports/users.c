/* SPDX-License-Identifier: ISC */
/*
 * users.c: users per service in a year, the first figure the city's
 * social-affairs department plans with, and the worker's first page.  It
 * is published, so it takes its figures from pub_load() (public.c), like
 * every published figure: small cells are already hidden there and a
 * hidden count never reaches the page.
 */
#include "karika.h"
#include "stmt.h"
#include "reports.h"

/*
 * GET /reports/[?year=YYYY] -> <report kind year k><municipality/><row
 * service code group><name/><users>n | suppressed="1"</users></row>
 * <total/></report>: people per service in one year, through pub_load
 * like every published figure.  A malformed year is a 400.  When the
 * department does not publish users per service (pub_chosen), the
 * report has unpublished="1" and no rows.
 */
enum http_status
users_show(struct req *r, struct xml *x)
{
	static const struct field yf[] = {
	    {"year", VALID_INT, false, REPORT_YEAR_MIN, REPORT_YEAR_MAX,
		"report.year", "off", NULL, NULL},
	};
	struct form f;
	struct pub p;
	struct muni m;
	enum http_status st;
	bool on[PUBC__MAX];
	int64_t year;
	size_t i;

	form_validate(r, yf, 1, &f);
	if (f.nerrors > 0)
		return HTTP_BAD_REQUEST;
	year = f.present[0] && *f.text[0] != '\0' ? f.num[0] : this_year();
	if ((st = muni_load(r, &m)) != HTTP_OK ||
	    (st = pub_chosen(r, m.id, on)) != HTTP_OK)
		return st;
	if (!on[PUBC_USERS]) {
		if (xml_start(x, "report") == -1 ||
		    xml_attr(x, "kind", "users-per-service") == -1 ||
		    xml_attr_int(x, "year", year) == -1 ||
		    xml_attr(x, "unpublished", "1") == -1 ||
		    muni_write(x, &m) == -1 || xml_end(x) == -1)
			return HTTP_INTERNAL;
		return HTTP_OK;
	}
	/* An anonymous visitor's figures from this process's cache, as
	 * the public page's; a signed-in analyst's fresh. */
	if ((st = pub_load_cached(r, year, year, &p, r->sess == NULL)) !=
	    HTTP_OK)
		return st;
	if (xml_start(x, "report") == -1 ||
	    xml_attr(x, "kind", "users-per-service") == -1 ||
	    xml_attr_int(x, "year", year) == -1 ||
	    xml_attr_int(x, "k", p.k) == -1 || muni_write(x, &m) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < p.t.nrows; i++)
		if (xml_start(x, "row") == -1 ||
		    xml_attr(x, "service", db_str(&p.services, i, "id")) ==
			-1 ||
		    xml_attr(x, "code", db_str(&p.services, i, "code")) == -1 ||
		    xml_attr(x, "group", db_str(&p.services, i, "group")) ==
			-1 ||
		    xml_elem_text(x, "name", db_str(&p.services, i, "name")) ==
			-1 ||
		    xml_start(x, "users") == -1 ||
		    (p.t.hide[i] ? xml_attr(x, "suppressed", "1")
				 : xml_text(x,
				       arena_printf(r->arena, "%lld",
					   (long long)p.t.count[i]))) == -1 ||
		    xml_end(x) == -1 || xml_end(x) == -1)
			return HTTP_INTERNAL;
	if (xml_start(x, "total") == -1 ||
	    (p.t.hide_col_total[0]
		    ? xml_attr(x, "suppressed", "1")
		    : xml_text(x,
			  arena_printf(r->arena, "%lld",
			      (long long)p.t.col_total[0]))) == -1 ||
	    xml_end(x) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
