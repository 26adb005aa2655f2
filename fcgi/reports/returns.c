/* SPDX-License-Identifier: ISC */
/*
 * returns.c: the "state" reports (issue 14).  A residential institution
 * fills its return for a quarter in one form (places, people at the end
 * of the quarter, admissions, discharges, people waiting): what the
 * register cannot derive.  Rules on the figures: people <= places, the
 * quarter's start (people - admissions + discharges) <= places, no
 * quarter that has not begun.  The analyst sees per quarter how complete
 * the returns are, accepts a return or sends it back with a reason; the
 * institution corrects it and submits again; only accepted returns count
 * (state_show, which also counts the CSW's applications and decisions).
 * Each write is one transaction with its audit row.
 *
 * The returns are the reports worker's own table (report_return): the
 * one place these figures live, written by the institution's staff
 * (provider accounts of an organisation of category "residential") and
 * reviewed by the analyst; the register stays read-only to this worker.
 */
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "reports.h"

#define RETURN_MAX 100000 /* 0011's check: a typo, not an institution */

static const char *const quarters[] = {"1", "2", "3", "4", NULL};

enum {
	RF_YEAR,
	RF_QUARTER,
	RF_PLACES,
	RF_USERS,
	RF_ADMISSIONS,
	RF_DISCHARGES,
	RF_WAITING,
	RF__MAX
};
static const struct field return_fields[RF__MAX] = {
    {"year", VALID_INT, true, REPORT_YEAR_MIN, REPORT_YEAR_MAX, "report.year",
	"off", NULL, NULL},
    {"quarter", VALID_CHOICE, true, 0, 0, "reports.return.quarter", NULL,
	quarters, "reports.quarter."},
    {"places", VALID_INT, true, 0, RETURN_MAX, "reports.return.places", "off",
	NULL, NULL},
    {"users", VALID_INT, true, 0, RETURN_MAX, "reports.return.users", "off",
	NULL, NULL},
    {"admissions", VALID_INT, true, 0, RETURN_MAX, "reports.return.admissions",
	"off", NULL, NULL},
    {"discharges", VALID_INT, true, 0, RETURN_MAX, "reports.return.discharges",
	"off", NULL, NULL},
    {"waiting", VALID_INT, true, 0, RETURN_MAX, "reports.return.waiting", "off",
	NULL, NULL},
};

static const char *const decisions[] = {"accept", "return", NULL};

enum { VF_DECISION, VF_REASON, VF__MAX };
static const struct field review_fields[VF__MAX] = {
    {"decision", VALID_CHOICE, true, 0, 0, "reports.return.decision", NULL,
	decisions, "reports.decision."},
    {"reason", VALID_TEXT, false, 0, 500, "reports.return.reason", "off", NULL,
	NULL},
};

/* May the caller review returns: the analyst or the administrator. */
static bool
reviewer(const struct req *r)
{
	return (r->sess->perms &
		   (PERM_ROLE(ROLE_ANALYST) | PERM_ROLE(ROLE_ADMIN))) != 0;
}

/*
 * The caller's residential institution into *org (0: not institution
 * staff).  HTTP_OK, or the database's outcome.
 */
static enum http_status
own_institution(struct req *r, int64_t *org)
{
	struct db_res res;
	enum db_rc rc;

	*org = 0;
	if ((r->sess->perms & PERM_ROLE(ROLE_PROVIDER)) == 0 ||
	    r->sess->organisation <= 0)
		return HTTP_OK;
	if ((rc = DBQ(r, STMT_ORG_ONE, &res, DBP_LOCALE(r),
		 DBP_I(r->sess->organisation), DBP_I(r->sess->municipality))) !=
	    DB_OK)
		return db_status(rc);
	if (res.nrows == 1 &&
	    strcmp(db_str(&res, 0, "category"), "residential") == 0)
		*org = r->sess->organisation;
	return HTTP_OK;
}

/* The first day of quarter q (1-4) of year y: "2026-07-01". */
static const char *
period_of(struct req *r, int64_t y, int64_t q)
{
	return arena_printf(
	    r->arena, "%04lld-%02lld-01", (long long)y, (long long)(q * 3 - 2));
}

/*
 * GET /reports/returns[?year=] -> <returns year [institution]><quarter
 * period institutions received accepted returned review/>…<return …/>…
 * </returns>: for institution staff their own returns of the year; for
 * the analyst and the administrator every return of the town and the
 * completeness per quarter.  Other provider staff: 403.
 */
enum http_status
returns_list(struct req *r, struct xml *x)
{
	struct rscope s;
	struct db_res rows, q;
	enum http_status st;
	int64_t org;

	if ((st = rscope_load(r, &s)) != HTTP_OK ||
	    (st = own_institution(r, &org)) != HTTP_OK)
		return st;
	if (!reviewer(r) && org == 0)
		return HTTP_FORBIDDEN;
	if (reviewer(r)) {
		if (DBQ(r, STMT_RET_ALL, &rows, DBP_LOCALE(r),
			DBP_I(s.municipality), DBP_I(s.year),
			DBP_I(s.year)) != DB_OK ||
		    DBQ(r, STMT_RET_COMPLETENESS, &q, DBP_I(s.year),
			DBP_I(s.year), DBP_I(s.municipality),
			DBP_I(s.municipality), DBP_I(s.year)) != DB_OK)
			return HTTP_UNAVAILABLE;
	} else if (DBQ(r, STMT_RET_OWN, &rows, DBP_I(org), DBP_I(s.year),
		       DBP_I(s.year)) != DB_OK)
		return HTTP_UNAVAILABLE;
	if (xml_start(x, "returns") == -1 || rscope_write(x, &s) == -1 ||
	    (reviewer(r) && xml_attr(x, "reviewer", "1") == -1) ||
	    (org > 0 && xml_attr_int(x, "institution", org) == -1) ||
	    rscope_town(x, &s) == -1 ||
	    (reviewer(r) && xml_rows(x, "quarter", &q) == -1) ||
	    xml_rows(x, "return", &rows) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* POST: the rules on the figures, and no quarter that has not begun. */
static enum http_status
return_check(struct req *r, struct form *f)
{
	struct tm tm;
	time_t now = time(NULL);
	int64_t start;

	if (f->error[RF_PLACES] == NULL && f->error[RF_USERS] == NULL &&
	    f->num[RF_USERS] > f->num[RF_PLACES])
		form_error(f, RF_USERS, "reports.return.users-over");
	if (f->nerrors == 0) {
		start = f->num[RF_USERS] - f->num[RF_ADMISSIONS] +
		    f->num[RF_DISCHARGES];
		if (start < 0)
			form_error(
			    f, RF_ADMISSIONS, "reports.return.admissions-over");
		else if (start > f->num[RF_PLACES])
			form_error(
			    f, RF_DISCHARGES, "reports.return.start-over");
	}
	if (f->error[RF_YEAR] == NULL && f->error[RF_QUARTER] == NULL &&
	    gmtime_r(&now, &tm) != NULL &&
	    (f->num[RF_YEAR] > tm.tm_year + 1900 ||
		(f->num[RF_YEAR] == tm.tm_year + 1900 &&
		    f->num[RF_QUARTER] * 3 > tm.tm_mon)))
		form_error(f, RF_QUARTER, "reports.return.future");
	return HTTP_OK;
}

/* A new return: this year, the last quarter that has begun. */
static enum http_status
return_load(struct req *r, struct form *f)
{
	struct tm tm;
	time_t now = time(NULL);
	int64_t org;
	enum http_status st;

	if ((st = own_institution(r, &org)) != HTTP_OK)
		return st;
	if (org == 0)
		return HTTP_FORBIDDEN;
	if (gmtime_r(&now, &tm) == NULL)
		return HTTP_INTERNAL;
	f->text[RF_YEAR] = arena_printf(r->arena, "%d", tm.tm_year + 1900);
	f->text[RF_QUARTER] = quarters[tm.tm_mon / 3];
	return HTTP_OK;
}

/*
 * Saves the return: a new row, or a submitted or sent-back one corrected
 * (submitted again); an accepted quarter is final (409, the form says
 * so).  One transaction with its audit row; 303 to the list.
 */
static enum http_status
return_save(struct req *r, struct form *f)
{
	struct db_res old, res;
	enum http_status st;
	enum db_rc rc;
	int64_t org, id;
	const char *period;

	if ((st = own_institution(r, &org)) != HTTP_OK)
		return st;
	if (org == 0)
		return HTTP_FORBIDDEN;
	period = period_of(r, f->num[RF_YEAR], f->num[RF_QUARTER] + 1);
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_status(rc);
	if ((rc = DBQ(r, STMT_RET_PERIOD, &old, DBP_I(org), DBP_S(period))) !=
	    DB_OK)
		return db_undo(r, rc);
	if (old.nrows == 1 &&
	    strcmp(db_str(&old, 0, "status"), "accepted") == 0) {
		db_rollback(r->w->db);
		form_error(f, RF_QUARTER, "reports.return.accepted");
		return HTTP_CONFLICT;
	}
	if (old.nrows == 1) {
		id = db_int(&old, 0, "id");
		rc = DBQ(r, STMT_RET_RESUBMIT, &res, DBP_I(f->num[RF_PLACES]),
		    DBP_I(f->num[RF_USERS]), DBP_I(f->num[RF_ADMISSIONS]),
		    DBP_I(f->num[RF_DISCHARGES]), DBP_I(f->num[RF_WAITING]),
		    DBP_I(r->sess->account), DBP_I(id));
	} else {
		rc = DBQ(r, STMT_RET_INSERT, &res, DBP_I(org), DBP_S(period),
		    DBP_I(f->num[RF_PLACES]), DBP_I(f->num[RF_USERS]),
		    DBP_I(f->num[RF_ADMISSIONS]), DBP_I(f->num[RF_DISCHARGES]),
		    DBP_I(f->num[RF_WAITING]), DBP_I(r->sess->account));
		id = (int64_t)res.insert_id;
	}
	if (rc != DB_OK ||
	    (rc = audit(r, "report.return.submit", "return", id, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/reports/returns?year=%lld",
		(long long)f->num[RF_YEAR]),
	    "reports-submitted");
}

static const struct form_page return_page = {
    .elem = "return",
    .page = "new",
    .method = "post",
    .action = "/reports/returns/new",
    .submit = "reports.return.submit",
    .fields = return_fields,
    .nfields = RF__MAX,
    .load = return_load,
    .check = return_check,
    .save = return_save,
};

/* GET and POST /reports/returns/new (institution staff; others 403). */
enum http_status
return_new(struct req *r, struct xml *x)
{
	return form_get(r, x, &return_page);
}

enum http_status
return_create(struct req *r, struct xml *x)
{
	enum http_status st;
	int64_t org;

	if ((st = own_institution(r, &org)) != HTTP_OK)
		return st;
	if (org == 0)
		return HTTP_FORBIDDEN;
	return form_post(r, x, &return_page);
}

/*
 * The return ids[0] into *res if the caller may see it: a reviewer, any
 * of the town's; institution staff, their own.  404 (audited) otherwise.
 */
static enum http_status
load_return(struct req *r, struct db_res *res)
{
	enum http_status st;
	enum db_rc rc;
	int64_t org;

	if ((st = own_institution(r, &org)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_RET_ONE, res, DBP_LOCALE(r), DBP_I(r->ids[0]),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (res->nrows == 1 &&
	    (reviewer(r) || (org > 0 && db_int(res, 0, "org") == org)))
		return HTTP_OK;
	audit(r, "report.return.open", "return", r->ids[0], "not-found");
	return HTTP_NOT_FOUND;
}

/* The return itself, above the review form. */
static int
review_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res res;

	if (load_return(r, &res) != HTTP_OK)
		return -1;
	return xml_rows(x, "record", &res);
}

/* POST: a return sent back says why. */
static enum http_status
review_check(struct req *r, struct form *f)
{
	if (f->error[VF_DECISION] == NULL && f->num[VF_DECISION] == 1 &&
	    *f->text[VF_REASON] == '\0')
		form_error(f, VF_REASON, "reports.return.reason-needed");
	return HTTP_OK;
}

/*
 * The decision on a submitted return, in one transaction with its audit
 * row; a return already decided is a 409 (the form says so).
 */
static enum http_status
review_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	bool accept = f->num[VF_DECISION] == 0;

	if (!reviewer(r))
		return HTTP_FORBIDDEN;
	if ((st = load_return(r, &res)) != HTTP_OK)
		return st;
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_status(rc);
	if ((rc = DBQ(r, STMT_RET_REVIEW, &res,
		 DBP_S(accept ? "accepted" : "returned"),
		 DBP_S(accept ? "" : f->text[VF_REASON]),
		 DBP_I(r->sess->account), DBP_I(r->ids[0]))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected != 1) {
		db_rollback(r->w->db);
		form_error(f, VF_DECISION, "reports.return.decided");
		return HTTP_CONFLICT;
	}
	if ((rc = audit(r,
		 accept ? "report.return.accept" : "report.return.back",
		 "return", r->ids[0], "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, "/reports/returns",
	    accept ? "reports-accepted" : "reports-sent-back");
}

/* The review page of return ids[0]. */
static struct form_page
review_page(struct req *r)
{
	struct form_page p = {
	    .elem = "return",
	    .page = "review",
	    .method = "post",
	    .action = arena_printf(
		r->arena, "/reports/returns/%lld", (long long)r->ids[0]),
	    .submit = "reports.return.decide",
	    .fields = review_fields,
	    .nfields = VF__MAX,
	    .extra = review_extra,
	    .check = review_check,
	    .save = review_save,
	};
	return p;
}

/*
 * GET /reports/returns/% -> the return; for a reviewer and a submitted
 * return, with the form to accept it or send it back.  404 (audited) for
 * a return the caller may not see.
 */
enum http_status
return_show(struct req *r, struct xml *x)
{
	struct form_page p = review_page(r);
	struct db_res res;
	enum http_status st;

	if ((st = load_return(r, &res)) != HTTP_OK)
		return st;
	if (reviewer(r) && strcmp(db_str(&res, 0, "status"), "submitted") == 0)
		return form_get(r, x, &p);
	if (xml_start(x, "return") == -1 || xml_attr(x, "page", "show") == -1 ||
	    xml_rows(x, "record", &res) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* POST /reports/returns/% (reviewers): accept or send back. */
enum http_status
return_review(struct req *r, struct xml *x)
{
	struct form_page p = review_page(r);
	struct db_res res;
	enum http_status st;

	if ((st = load_return(r, &res)) != HTTP_OK)
		return st;
	return form_post(r, x, &p);
}

/*
 * GET /reports/state[?year=] -> <state year><provider id name places
 * users units waiting/>…<applications id name submitted review info
 * age-30 age-60 age-over waiting approved no-place refused in-time/>…
 * <cases open closing opened closed jobs/><institution id name period
 * places users admissions discharges waiting occupancy/>…</state>: the
 * state of the town's providers (from the register), of the CSW's
 * applications per service (counts of report_application: by status and
 * age now, the year's decisions), of its cases (report_case_outcome:
 * open now, the year's opened and closed) and of residential
 * institutions (their latest accepted return only).
 */
enum http_status
state_show(struct req *r, struct xml *x)
{
	struct rscope s;
	struct db_res prov, inst, apps, cases;
	enum http_status st;
	size_t i;

	if ((st = rscope_load(r, &s)) != HTTP_OK)
		return st;
	if (RDBQ(r, STMT_STATE_PROVIDERS, &prov, DBP_LOCALE(r), DBP_I(s.year),
		DBP_I(s.year), DBP_I(s.year), DBP_I(s.year), DBP_I(s.year),
		DBP_I(s.municipality)) != DB_OK ||
	    RDBQ(r, STMT_STATE_APPS, &apps, DBP_LOCALE(r), DBP_I(s.year),
		DBP_I(s.year), DBP_I(s.year), DBP_I(s.year), DBP_I(s.year),
		DBP_I(s.year), DBP_I(s.year), DBP_I(s.year),
		DBP_I(s.municipality)) != DB_OK ||
	    RDBQ(r, STMT_STATE_CASES, &cases, DBP_I(s.year), DBP_I(s.year),
		DBP_I(s.year), DBP_I(s.year), DBP_I(s.year), DBP_I(s.year),
		DBP_I(s.municipality)) != DB_OK ||
	    DBQ(r, STMT_RET_INSTITUTIONS, &inst, DBP_LOCALE(r),
		DBP_I(s.municipality)) != DB_OK)
		return HTTP_UNAVAILABLE;
	if (xml_start(x, "state") == -1 || rscope_write(x, &s) == -1 ||
	    rscope_town(x, &s) == -1 || xml_rows(x, "provider", &prov) == -1 ||
	    xml_rows(x, "applications", &apps) == -1 ||
	    xml_rows(x, "cases", &cases) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < inst.nrows; i++)
		if (xml_start(x, "institution") == -1 ||
		    xml_row_attrs(x, &inst, i) == -1 ||
		    (db_str(&inst, i, "places") != NULL &&
			db_int(&inst, i, "places") > 0 &&
			xml_attr_int(x, "occupancy",
			    fm_div_round(db_int(&inst, i, "users") * 100,
				db_int(&inst, i, "places"))) == -1) ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
