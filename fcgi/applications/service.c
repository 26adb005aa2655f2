/* SPDX-License-Identifier: ISC */
/*
 * service.c: the services a citizen can apply for online, each with what
 * it asks for, and the short eligibility check before applying (age,
 * residence, the documents to prepare).  Both pages are the same for
 * every visitor (the list is kept by the page micro-cache).
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "applications.h"

/* GET /applications/ -> <apply><municipality/><service …/>…<doc …/></apply> */
enum http_status
service_list(struct req *r, struct xml *x)
{
	struct muni m;
	struct db_res sv, dk;
	enum http_status st;
	enum db_rc rc;

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_SERVICES_ONLINE, &sv, DBP_LOCALE(r),
		 DBP_I(m.id))) != DB_OK ||
	    (rc = DBQ(r, STMT_SERVICES_DOCS, &dk, DBP_I(m.id))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "apply") == -1 || muni_write(x, &m) == -1 ||
	    xml_rows(x, "service", &sv) == -1 ||
	    xml_rows(x, "doc", &dk) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* The eligibility check: a GET form, nothing stored. */
enum { EF_BORN, EF_RESIDENT, EF__MAX };

static const char *const yes_no[] = {"yes", "no", NULL};

static const struct field elig_fields[EF__MAX] = {
    {"born", VALID_DATE, true, 19000101, 0, "elig.born", "bday", NULL, NULL},
    {"resident", VALID_CHOICE, true, 0, 0, "elig.resident", NULL, yes_no,
	"elig.resident."},
};

/* Age in whole years on today (UTC) of someone born YYYYMMDD. */
static int64_t
age_on_today(int64_t born)
{
	time_t now = time(NULL);
	struct tm tm;
	int64_t today;

	gmtime_r(&now, &tm);
	today = (int64_t)(tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 +
	    tm.tm_mday;
	return (today - born) / 10000;
}

/*
 * GET /applications/services/% [?born=…&resident=…]: the service, what
 * it asks for, and with the check's answers its outcome: <check
 * age="…" outcome="apply|age|residence"/>.  404 for a service that takes
 * no online application.
 */
enum http_status
service_show(struct req *r, struct xml *x)
{
	struct muni m;
	struct db_res sv, dk;
	struct form f;
	enum http_status st;
	enum db_rc rc;
	int64_t age = 0;
	const char *outcome = NULL;

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_SERVICE_ONE, &sv, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_LOCALE(r), DBP_I(r->ids[0]), DBP_I(m.id))) != DB_OK)
		return db_status(rc);
	if (sv.nrows == 0)
		return HTTP_NOT_FOUND;
	if ((rc = DBQ(r, STMT_SERVICE_DOCS, &dk, DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	if (kv_get(&r->query, "born") != NULL ||
	    kv_get(&r->query, "resident") != NULL) {
		form_validate(r, elig_fields, EF__MAX, &f);
		if (f.nerrors == 0) {
			age = age_on_today(f.num[EF_BORN]);
			if (f.num[EF_RESIDENT] != 0)
				outcome = "residence";
			else if ((db_str(&sv, 0, "age-min") != NULL &&
				     age < db_int(&sv, 0, "age-min")) ||
			    (db_str(&sv, 0, "age-max") != NULL &&
				age > db_int(&sv, 0, "age-max")))
				outcome = "age";
			else
				outcome = "apply";
		}
	} else
		form_empty(r, EF__MAX, &f);
	if (xml_start(x, "service-page") == -1 || muni_write(x, &m) == -1 ||
	    xml_rows(x, "service", &sv) == -1 || xml_rows(x, "doc", &dk) == -1)
		return HTTP_INTERNAL;
	if (outcome != NULL &&
	    (xml_start(x, "check") == -1 ||
		xml_attr(x, "outcome", outcome) == -1 ||
		xml_attr_int(x, "age", age) == -1 || xml_end(x) == -1))
		return HTTP_INTERNAL;
	if (form_write(x, "get",
		arena_printf(r->arena, "/applications/services/%lld",
		    (long long)r->ids[0]),
		"elig.submit", elig_fields, &f) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return form_status(r, &f);
}
