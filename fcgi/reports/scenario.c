/* SPDX-License-Identifier: ISC */
/*
 * scenario.c: the analyst's forecast scenarios (report_scenario, the
 * reports worker's own table): a name, the price change next year in
 * percent (two decimals, kept in basis points, may be negative), the
 * share of the waiting list that becomes places, and extra places per
 * service (report_scenario_service).  Each form keeps what was typed and
 * says what is wrong; each change is one transaction with its audit row.
 * A scenario of another town is a 404, audited.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "reports.h"

#define BP_MIN (-5000) /* a price halved: the lowest a plan may assume */
#define BP_MAX 10000   /* a price doubled */

enum { SF_NAME, SF_PRICE, SF_TAKEUP, SF__MAX };
static const struct field scenario_fields[SF__MAX] = {
    {"name", VALID_TEXT, true, 1, 100, "reports.scenario.name", "off", NULL,
	NULL},
    {"price", VALID_TEXT, true, 1, 8, "reports.scenario.price", "off", NULL,
	NULL},
    {"takeup", VALID_INT, true, 0, 100, "reports.scenario.takeup", "off", NULL,
	NULL},
};

enum { PF_SERVICE, PF_PLACES, PF__MAX };
static const struct field places_fields[PF__MAX] = {
    {"service", VALID_ID, true, 0, 0, "reports.scenario.service", NULL, NULL,
	NULL},
    {"places", VALID_INT, true, 0, 100000, "reports.scenario.places.field",
	"off", NULL, NULL},
};

/*
 * A percentage typed as "3,5", "-2.25" or "10" into basis points (350,
 * -225, 1000).  Returns 0, or -1 when it is no such number.
 */
static int
parse_bp(const char *s, int64_t *bp)
{
	bool neg = false;
	int64_t v;

	if (*s == '-' || *s == '+') {
		neg = *s == '-';
		s++;
	}
	if (*s == '\0' || strchr(s, '-') != NULL || !money_parse(s, &v))
		return -1;
	*bp = neg ? -v : v;
	return 0;
}

/* Basis points as the form shows them: "3,50" or "-2,25". */
static const char *
bp_form(struct req *r, int64_t bp)
{
	const char *t = money_format(
	    r->arena, bp < 0 ? -bp : bp, r->locale == LOCALE_EN ? '.' : ',');

	return bp < 0 ? arena_printf(r->arena, "-%s", t) : t;
}

/* POST: the price must be a percentage within its bounds. */
static enum http_status
scenario_check(struct req *r, struct form *f)
{
	int64_t bp;

	if (f->error[SF_PRICE] == NULL &&
	    (parse_bp(f->text[SF_PRICE], &bp) == -1 || bp < BP_MIN ||
		bp > BP_MAX))
		form_error(f, SF_PRICE, "reports.invalid.percent");
	return HTTP_OK;
}

/* The scenario ids[0] of the caller's town into res; 404 audited. */
static enum http_status
load_own(struct req *r, struct db_res *res)
{
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_SCENARIO_ONE, res, DBP_I(r->ids[0]),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (res->nrows == 1)
		return HTTP_OK;
	audit(r, "report.scenario.open", "scenario", r->ids[0], "not-found");
	return HTTP_NOT_FOUND;
}

/* A new scenario: 100 % of the waiting list, no price change. */
static enum http_status
new_load(struct req *r, struct form *f)
{
	f->text[SF_PRICE] = "0";
	f->text[SF_TAKEUP] = "100";
	return HTTP_OK;
}

/* The scenario's values into the form. */
static enum http_status
edit_load(struct req *r, struct form *f)
{
	struct db_res res;
	enum http_status st;

	if ((st = load_own(r, &res)) != HTTP_OK)
		return st;
	f->text[SF_NAME] = db_str(&res, 0, "name");
	f->text[SF_PRICE] = bp_form(r, db_int(&res, 0, "bp"));
	f->text[SF_TAKEUP] = db_str(&res, 0, "takeup");
	return HTTP_OK;
}

/* The scenario being changed, above its form. */
static int
edit_extra(struct req *r, struct xml *x, const struct form *f)
{
	return xml_attr_int(x, "scenario", r->ids[0]);
}

/*
 * Inserts (id 0) or updates scenario id from f in one transaction with
 * its audit row; a name the town already uses re-shows the form (409).
 */
static enum http_status
scenario_save_id(struct req *r, struct form *f, int64_t id)
{
	struct db_res res;
	enum db_rc rc;
	int64_t bp = 0;

	parse_bp(f->text[SF_PRICE], &bp);
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_status(rc);
	if (id == 0)
		rc = DBQ(r, STMT_SCENARIO_INSERT, &res,
		    DBP_I(r->sess->municipality), DBP_S(f->text[SF_NAME]),
		    DBP_I(bp), DBP_I(f->num[SF_TAKEUP]),
		    DBP_I(r->sess->account));
	else
		rc = DBQ(r, STMT_SCENARIO_UPDATE, &res, DBP_S(f->text[SF_NAME]),
		    DBP_I(bp), DBP_I(f->num[SF_TAKEUP]),
		    DBP_I(r->sess->account), DBP_I(id),
		    DBP_I(r->sess->municipality));
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		form_error(f, SF_NAME, "reports.scenario.taken");
		return HTTP_CONFLICT;
	}
	if (rc != DB_OK)
		return db_undo(r, rc);
	if (id == 0)
		id = (int64_t)res.insert_id;
	if ((rc = audit(r, "report.scenario.save", "scenario", id, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(
		r->arena, "/reports/forecast?scenario=%lld", (long long)id),
	    "reports-saved");
}

static enum http_status
new_save(struct req *r, struct form *f)
{
	return scenario_save_id(r, f, 0);
}

static enum http_status
edit_save(struct req *r, struct form *f)
{
	enum http_status st;
	struct db_res res;

	if ((st = load_own(r, &res)) != HTTP_OK)
		return st;
	return scenario_save_id(r, f, r->ids[0]);
}

static const struct form_page new_page = {
    .elem = "scenario",
    .page = "new",
    .method = "post",
    .action = "/reports/scenarios/new",
    .submit = "reports.scenario.save",
    .fields = scenario_fields,
    .nfields = SF__MAX,
    .load = new_load,
    .check = scenario_check,
    .save = new_save,
};

/* GET and POST /reports/scenarios/new (analyst, admin). */
enum http_status
scenario_new(struct req *r, struct xml *x)
{
	return form_get(r, x, &new_page);
}

enum http_status
scenario_create(struct req *r, struct xml *x)
{
	return form_post(r, x, &new_page);
}

/* The edit page of scenario ids[0]: new_page with its own action. */
static struct form_page
edit_page(struct req *r)
{
	struct form_page p = new_page;

	p.page = "edit";
	p.action = arena_printf(
	    r->arena, "/reports/scenarios/%lld/edit", (long long)r->ids[0]);
	p.load = edit_load;
	p.extra = edit_extra;
	p.save = edit_save;
	return p;
}

/* GET and POST /reports/scenarios/%/edit; 404 for another town's. */
enum http_status
scenario_edit(struct req *r, struct xml *x)
{
	struct form_page p = edit_page(r);

	return form_get(r, x, &p);
}

enum http_status
scenario_update(struct req *r, struct xml *x)
{
	struct form_page p = edit_page(r);
	struct db_res res;
	enum http_status st;

	if ((st = load_own(r, &res)) != HTTP_OK)
		return st;
	return form_post(r, x, &p);
}

/* The scenario's name and the town's services to choose from. */
static int
places_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res sc, opts;

	if (DBQ(r, STMT_SCENARIO_ONE, &sc, DBP_I(r->ids[0]),
		DBP_I(r->sess->municipality)) != DB_OK ||
	    sc.nrows != 1 ||
	    DBQ(r, STMT_SERVICE_OPTIONS, &opts, DBP_LOCALE(r),
		DBP_I(r->sess->municipality)) != DB_OK)
		return -1;
	if (xml_attr_int(x, "scenario", r->ids[0]) == -1 ||
	    xml_attr(x, "name", db_str(&sc, 0, "name")) == -1)
		return -1;
	return form_options(x, "service", &opts);
}

/* GET: the scenario must be the town's. */
static enum http_status
places_load(struct req *r, struct form *f)
{
	struct db_res res;

	return load_own(r, &res);
}

/* POST: the service must be the town's. */
static enum http_status
places_check(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;

	if (f->error[PF_SERVICE] != NULL)
		return HTTP_OK;
	if ((rc = DBQ(r, STMT_SERVICE_ONE, &res, DBP_LOCALE(r),
		 DBP_I(f->num[PF_SERVICE]), DBP_I(r->sess->municipality))) !=
	    DB_OK)
		return db_status(rc);
	if (res.nrows != 1)
		form_error(f, PF_SERVICE, "invalid.choice");
	return HTTP_OK;
}

/* Sets the extra places of a service in one transaction with audit. */
static enum http_status
places_save(struct req *r, struct form *f)
{
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_status(rc);
	if ((rc = DBQ(r, STMT_SCENARIO_PLACES_SET, NULL, DBP_I(r->ids[0]),
		 DBP_I(f->num[PF_SERVICE]), DBP_I(f->num[PF_PLACES]))) !=
		DB_OK ||
	    (rc = audit(r, "report.scenario.places", "scenario", r->ids[0],
		 "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/reports/forecast?scenario=%lld",
		(long long)r->ids[0]),
	    "reports-saved");
}

static struct form_page
places_page(struct req *r)
{
	struct form_page p = {
	    .elem = "scenario",
	    .page = "places",
	    .method = "post",
	    .action = arena_printf(r->arena, "/reports/scenarios/%lld/places",
		(long long)r->ids[0]),
	    .submit = "reports.scenario.save",
	    .fields = places_fields,
	    .nfields = PF__MAX,
	    .load = places_load,
	    .extra = places_extra,
	    .check = places_check,
	    .save = places_save,
	};
	return p;
}

/* GET and POST /reports/scenarios/%/places; 404 for another town's. */
enum http_status
scenario_places_new(struct req *r, struct xml *x)
{
	struct form_page p = places_page(r);

	return form_get(r, x, &p);
}

enum http_status
scenario_places_create(struct req *r, struct xml *x)
{
	struct form_page p = places_page(r);
	struct db_res res;
	enum http_status st;

	if ((st = load_own(r, &res)) != HTTP_OK)
		return st;
	return form_post(r, x, &p);
}
