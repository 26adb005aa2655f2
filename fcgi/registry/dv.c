/* SPDX-License-Identifier: ISC */
/*
 * dv.c: domestic-violence cases, the strictest access of the platform
 * (issue 15; DOMAIN, "Domestic violence").  A DV case records the
 * incident (date, kinds of violence), the victim and the perpetrator and
 * their relationship, children present, the urgent protection measures
 * (48 hours, extended by the court once by up to 30 days; the pages warn
 * a day before one ends), the individual protection and support plan,
 * referrals (shelter, SOS line, counselling) and how the victim may be
 * contacted safely.
 *
 * Only workers assigned to the case open it (record_grant 'assigned');
 * to everyone else it does not exist: 404, and absent from the list and
 * the search, which run over the caller's grants only.  Breaking the
 * glass (/registry/dv/glass) opens one case for DV_GLASS_SECONDS with a
 * stated reason, recorded in the grant and the audit trail, and e-mailed
 * to the town's supervisors through the outbox; it shows the case but
 * not the victim's address, and changes nothing.  The victim is not a
 * person of the register: nothing on a person's page tells of the case.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define DV_GLASS_SECONDS (4 * 3600) /* a shift's urgent need, no more */
#define DV_REASON_MIN	 20	    /* a reason, not "x" */
#define DV_REASON_MAX	 500
#define DV_NAME_MAX	 200
#define DV_PLAN_MAX	 2000
#define DV_EXTEND_MAX	 30 /* days the court may add */
#define DV_KEY_MAX_CHARS 210

/* A DV case: the scope statement returns it only to a live grant. */
static const struct record_kind dv_kind = {
    .type = "dv",
    .perms = PERM_ROLE(ROLE_CSW),
    .stmt = STMT_DV_SCOPE,
    .params = {SCOPE_MUNICIPALITY, SCOPE_ACCOUNT},
};

static const char *const dv_kinds[DV_KINDS] = {
    "physical", "psychological", "sexual", "economic", "stalking"};
static const char *const sexes[] = {"female", "male", NULL};
static const char *const relationships[] = {"spouse", "former-spouse",
    "partner", "former-partner", "parent", "child", "sibling", "other-family",
    NULL};
static const char *const contacts[] = {"safe-only", "yes", "no", NULL};
static const char *const statuses[] = {"open", "closed", NULL};
static const char *const measure_kinds[] = {"removal", "no-contact", NULL};
static const char *const dv_ref_kinds[] = {
    "shelter", "sos", "counselling", "legal", "health", "other", NULL};

/* The case a form page is about (dv_form_run); one request at a time. */
static struct db_res cur;

/* --- the list --------------------------------------------------------------
 */

enum { QF_Q, QF__MAX };
static const struct field search_fields[QF__MAX] = {
    {"q", VALID_TEXT, false, 0, 100, "dv.search", "off", NULL, NULL},
};

/*
 * GET /registry/dv[?q=name]: the DV cases the caller may open (assigned,
 * or the glass broken), measures ending within a day marked.  Nothing
 * else is listed or searched.
 */
enum http_status
dv_list(struct req *r, struct xml *x)
{
	struct db_res res, sup;
	struct form f;
	enum db_rc rc;
	const char *key = "";

	form_validate(r, search_fields, QF__MAX, &f);
	if (f.nerrors == 0 && *f.text[QF_Q] != '\0')
		key = case_key(r, f.text[QF_Q]);
	if ((rc = DBQ(r, STMT_DV_LIST, &res, DBP_I(r->sess->account),
		 DBP_I(r->sess->municipality), DBP_S(key), DBP_S(key),
		 DBP_S(key))) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_SUPERVISOR, &sup, DBP_I(r->sess->account),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "dv-list") == -1 ||
	    xml_attr(x, "q", *key != '\0' ? f.text[QF_Q] : NULL) == -1 ||
	    xml_attr(x, "supervisor", sup.nrows > 0 ? "1" : NULL) == -1 ||
	    xml_rows(x, "dv", &res) == -1 ||
	    form_write(x, "get", "/registry/dv", "dv.search.submit",
		search_fields, &f) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return form_status(r, &f);
}

/* --- one case --------------------------------------------------------------
 */

/*
 * GET /registry/dv/N: the case, its measures, referrals and who may open
 * it (assigned, and glass broken with the reason); audited "dv.read".
 */
enum http_status
dv_show(struct req *r, struct xml *x)
{
	struct db_res d, ms, rf, wk;
	enum http_status st;
	enum db_rc rc;
	int64_t id = r->ids[0];

	if ((st = record_open(r, &dv_kind, id, "dv.read", &d)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_DV_MEASURES, &ms, DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_DV_REFERRALS, &rf, DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_DV_WORKERS, &wk, DBP_I(id))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "dv-page") == -1 || xml_rows(x, "dv", &d) == -1 ||
	    xml_rows(x, "measure", &ms) == -1 ||
	    xml_rows(x, "referral", &rf) == -1 ||
	    xml_rows(x, "worker", &wk) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * Runs a form page of DV case ids[0]: only an assigned worker changes it
 * (a glass-breaker reads, 403 on a change; anyone else 404), each
 * refusal audited.  GET reads it (audited "dv.read").
 */
static enum http_status
dv_form_run(
    struct req *r, struct xml *x, const struct form_page *p, const char *action)
{
	enum http_status st;
	enum db_rc rc;

	memset(&cur, 0, sizeof(cur));
	st = r->method == METHOD_POST
	    ? record_check(r, &dv_kind, r->ids[0], action, &cur)
	    : record_open(r, &dv_kind, r->ids[0], "dv.read", &cur);
	if (st != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	if (!case_flag(&cur, "assigned")) {
		if ((rc = audit(r, action, "dv", r->ids[0], "forbidden")) !=
		    DB_OK)
			return db_status(rc);
		return HTTP_FORBIDDEN;
	}
	return r->method == METHOD_POST ? form_post(r, x, p)
					: form_get(r, x, p);
}

static int
dv_head(struct req *r, struct xml *x, const struct form *f)
{
	return xml_rows(x, "dv", &cur);
}

static void
dv_page(struct req *r, struct form_page *p, const char *page,
    const char *submit, const struct field *fields, size_t n)
{
	memset(p, 0, sizeof(*p));
	p->elem = "dv-form";
	p->page = page;
	p->method = "post";
	p->action = r->path;
	p->submit = submit;
	p->fields = fields;
	p->nfields = n;
	p->extra = dv_head;
}

/* The audit row and the commit of a change of case id; 303 to it. */
static enum http_status
dv_commit(struct req *r, int64_t id, const char *action, const char *notice)
{
	enum db_rc rc;

	if ((rc = audit(r, action, "dv", id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/registry/dv/%lld", (long long)id), notice);
}

/* --- a new case ------------------------------------------------------------
 */

enum {
	DF_INCIDENT,
	DF_KIND, /* DV_KINDS checkboxes */
	DF_VICTIM = DF_KIND + DV_KINDS,
	DF_VSEX,
	DF_VBORN,
	DF_VADDRESS,
	DF_PERP,
	DF_PSEX,
	DF_REL,
	DF_CHILDREN,
	DF_CONTACT,
	DF_SAFE,
	DF__MAX
};
static const struct field new_fields[DF__MAX] = {
    {"incident", VALID_DATE, true, 20000101, 21001231, "dv.incident", "off",
	NULL, NULL},
    {"k-physical", VALID_CHECKBOX, false, 0, 0, "dvkind.physical", NULL, NULL,
	NULL},
    {"k-psychological", VALID_CHECKBOX, false, 0, 0, "dvkind.psychological",
	NULL, NULL, NULL},
    {"k-sexual", VALID_CHECKBOX, false, 0, 0, "dvkind.sexual", NULL, NULL,
	NULL},
    {"k-economic", VALID_CHECKBOX, false, 0, 0, "dvkind.economic", NULL, NULL,
	NULL},
    {"k-stalking", VALID_CHECKBOX, false, 0, 0, "dvkind.stalking", NULL, NULL,
	NULL},
    {"victim", VALID_TEXT, true, 2, DV_NAME_MAX, "dv.victim", "off", NULL,
	NULL},
    {"victim_sex", VALID_CHOICE, true, 0, 0, "dv.victim.sex", NULL, sexes,
	"dvsex."},
    {"victim_born", VALID_INT, false, 1900, 2100, "dv.victim.born", "off", NULL,
	NULL},
    {"victim_address", VALID_TEXT, false, 0, 200, "dv.victim.address", "off",
	NULL, NULL},
    {"perpetrator", VALID_TEXT, true, 2, DV_NAME_MAX, "dv.perpetrator", "off",
	NULL, NULL},
    {"perpetrator_sex", VALID_CHOICE, true, 0, 0, "dv.perpetrator.sex", NULL,
	sexes, "dvsex."},
    {"relationship", VALID_CHOICE, true, 0, 0, "dv.relationship", NULL,
	relationships, "dvrel."},
    {"children", VALID_INT, false, 0, 20, "dv.children", "off", NULL, NULL},
    {"contact", VALID_CHOICE, true, 0, 0, "dv.contact", NULL, contacts,
	"dvcontact."},
    {"safe_contact", VALID_TEXT, false, 0, 500, "dv.safe.contact", "off", NULL,
	NULL},
};

static enum http_status
dv_new_check(struct req *r, struct form *f)
{
	size_t k, n = 0;

	for (k = 0; k < DV_KINDS; k++)
		n += f->present[DF_KIND + k];
	if (n == 0)
		form_error(f, DF_KIND, "dv.kinds.none");
	case_not_future(r, f, DF_INCIDENT);
	return HTTP_OK;
}

/* The case, and its creator assigned to it; 303 to the case. */
static enum http_status
dv_new_save(struct req *r, struct form *f)
{
	struct db_res res;
	struct buf kinds;
	enum db_rc rc;
	const char *key = case_key(r, f->text[DF_VICTIM]);
	int64_t id;
	size_t k;

	buf_init(&kinds, BUF_NO_MAX);
	for (k = 0; k < DV_KINDS; k++)
		if (f->present[DF_KIND + k]) {
			if (kinds.len > 0)
				buf_addc(&kinds, ',');
			buf_adds(&kinds, dv_kinds[k]);
		}
	rc = db_begin(r->w->db);
	if (rc == DB_OK)
		rc = DBQ(r, STMT_DV_INSERT, &res, DBP_I(r->sess->municipality),
		    DBP_S(f->text[DF_INCIDENT]), DBP_S(kinds.p),
		    DBP_S(f->text[DF_VICTIM]), DBP_S(key),
		    DBP_S(f->text[DF_VSEX]),
		    *f->text[DF_VBORN] != '\0' ? DBP_I(f->num[DF_VBORN])
					       : DBP_NUL,
		    DBP_S(f->text[DF_VADDRESS]), DBP_S(f->text[DF_PERP]),
		    DBP_S(f->text[DF_PSEX]), DBP_S(f->text[DF_REL]),
		    DBP_I(f->num[DF_CHILDREN]), DBP_S(f->text[DF_CONTACT]),
		    DBP_S(f->text[DF_SAFE]), DBP_I(r->sess->account));
	buf_release(&kinds);
	if (rc != DB_OK)
		return db_undo(r, rc);
	id = (int64_t)res.insert_id;
	if ((rc = DBQ(r, STMT_GRANT_INSERT, NULL, DBP_S("dv"), DBP_I(id),
		 DBP_S("assigned"), DBP_I(r->sess->account), DBP_NUL, DBP_S(""),
		 DBP_I(r->sess->account), DBP_I(0), DBP_I(0))) != DB_OK)
		return db_undo(r, rc);
	return dv_commit(r, id, "dv.create", "dv-created");
}

static enum http_status
dv_new_load(struct req *r, struct form *f)
{
	f->text[DF_INCIDENT] = case_today(r);
	f->text[DF_CONTACT] = "safe-only";
	return HTTP_OK;
}

static const struct form_page dv_new_page = {
    .elem = "dv-form",
    .page = "new",
    .method = "post",
    .action = "/registry/dv/new",
    .submit = "dv.new.submit",
    .fields = new_fields,
    .nfields = DF__MAX,
    .load = dv_new_load,
    .check = dv_new_check,
    .save = dv_new_save,
};

enum http_status
dv_new(struct req *r, struct xml *x)
{
	return form_get(r, x, &dv_new_page);
}

enum http_status
dv_create(struct req *r, struct xml *x)
{
	return form_post(r, x, &dv_new_page);
}

/* --- the plan, contact and status ------------------------------------------
 */

enum { PF_PLAN, PF_ADOPTED, PF_CONTACT, PF_SAFE, PF_STATUS, PF__MAX };
static const struct field plan_fields[PF__MAX] = {
    {"plan", VALID_TEXT, false, 0, DV_PLAN_MAX, "dv.plan", "off", NULL, NULL},
    {"plan_adopted", VALID_DATE, false, 20000101, 21001231, "dv.plan.adopted",
	"off", NULL, NULL},
    {"contact", VALID_CHOICE, true, 0, 0, "dv.contact", NULL, contacts,
	"dvcontact."},
    {"safe_contact", VALID_TEXT, false, 0, 500, "dv.safe.contact", "off", NULL,
	NULL},
    {"status", VALID_CHOICE, true, 0, 0, "dv.status", NULL, statuses,
	"dvstatus."},
};

static const char *
cur_col(const char *col)
{
	const char *v = db_str(&cur, 0, col);

	return v != NULL ? v : "";
}

static enum http_status
plan_load(struct req *r, struct form *f)
{
	f->text[PF_PLAN] = cur_col("plan");
	f->text[PF_ADOPTED] = cur_col("plan-adopted");
	f->text[PF_CONTACT] = cur_col("contact");
	f->text[PF_SAFE] = cur_col("safe-contact");
	f->text[PF_STATUS] = cur_col("status");
	return HTTP_OK;
}

/* The day the safety plan was adopted has come (issue 15). */
static enum http_status
plan_check(struct req *r, struct form *f)
{
	case_not_future(r, f, PF_ADOPTED);
	return HTTP_OK;
}

static enum http_status
plan_save(struct req *r, struct form *f)
{
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_DV_PLAN, NULL, DBP_S(f->text[PF_PLAN]),
		 DBP_SN(f->text[PF_ADOPTED]), DBP_S(f->text[PF_CONTACT]),
		 DBP_S(f->text[PF_SAFE]), DBP_S(f->text[PF_STATUS]),
		 DBP_I(r->ids[0]))) != DB_OK)
		return db_undo(r, rc);
	return dv_commit(r, r->ids[0], "dv.plan", "dv-saved");
}

enum http_status
dv_plan(struct req *r, struct xml *x)
{
	struct form_page p;

	dv_page(r, &p, "plan", "dv.save", plan_fields, PF__MAX);
	p.load = plan_load;
	p.check = plan_check;
	p.save = plan_save;
	return dv_form_run(r, x, &p, "dv.plan");
}

/* --- urgent protection measures --------------------------------------------
 */

enum { MF_KIND, MF_DATE, MF_HOUR, MF__MAX };
static const struct field measure_fields[MF__MAX] = {
    {"kind", VALID_CHOICE, true, 0, 0, "measure.kind", NULL, measure_kinds,
	"measure."},
    {"date", VALID_DATE, true, 20000101, 21001231, "measure.date", "off", NULL,
	NULL},
    {"hour", VALID_INT, true, 0, 23, "measure.hour", "off", NULL, NULL},
};

/*
 * The local date (YYYY-MM-DD) and hour as a UTC "YYYY-MM-DD HH:00:00"
 * (the worker's TZ is the installation's zone), or NULL.
 */
static const char *
local_to_utc(struct req *r, const char *date, int64_t hour)
{
	struct tm tm;
	time_t t;
	char out[20];

	memset(&tm, 0, sizeof(tm));
	if (strlen(date) != 10 ||
	    sscanf(date, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) !=
		3)
		return NULL;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_hour = (int)hour;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1 || gmtime_r(&t, &tm) == NULL ||
	    strftime(out, sizeof(out), "%Y-%m-%d %H:%M:%S", &tm) != 19)
		return NULL;
	return arena_strdup(r->arena, out);
}

static enum http_status
measure_save(struct req *r, struct form *f)
{
	enum db_rc rc;
	const char *at = local_to_utc(r, f->text[MF_DATE], f->num[MF_HOUR]);

	if (at == NULL) {
		form_error(f, MF_DATE, "invalid.date");
		return HTTP_UNPROCESSABLE;
	}
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_DV_MEASURE_INSERT, NULL, DBP_I(r->ids[0]),
		 DBP_S(f->text[MF_KIND]), DBP_S(at), DBP_S(at))) != DB_OK)
		return db_undo(r, rc);
	return dv_commit(r, r->ids[0], "dv.measure", "measure-added");
}

enum http_status
dv_measure(struct req *r, struct xml *x)
{
	struct form_page p;

	dv_page(r, &p, "measure", "measure.submit", measure_fields, MF__MAX);
	p.save = measure_save;
	return dv_form_run(r, x, &p, "dv.measure");
}

enum { EF_DAYS, EF__MAX };
static const struct field extend_fields[EF__MAX] = {
    {"days", VALID_INT, true, 1, DV_EXTEND_MAX, "measure.extend.days", "off",
	NULL, NULL},
};

static enum http_status
extend_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_DV_MEASURE_EXTEND, &res, DBP_I(f->num[EF_DAYS]),
		 DBP_I(r->ids[1]), DBP_I(r->ids[0]))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected != 1) {
		db_rollback(r->w->db);
		form_error(f, EF_DAYS, "measure.extend.state");
		return HTTP_CONFLICT;
	}
	return dv_commit(r, r->ids[0], "dv.measure.extend", "measure-extended");
}

/* GET and POST /registry/dv/N/measures/M/extend: once, 1 to 30 days. */
enum http_status
dv_measure_extend(struct req *r, struct xml *x)
{
	struct form_page p;

	dv_page(
	    r, &p, "extend", "measure.extend.submit", extend_fields, EF__MAX);
	p.save = extend_save;
	return dv_form_run(r, x, &p, "dv.measure.extend");
}

/* --- referrals (shelter, SOS line, counselling) ----------------------------
 */

enum { RF_KIND, RF_MADE, RF_NOTE, RF__MAX };
static const struct field ref_fields[RF__MAX] = {
    {"kind", VALID_CHOICE, true, 0, 0, "dvref.kind", NULL, dv_ref_kinds,
	"dvref."},
    {"made", VALID_DATE, true, 20000101, 21001231, "dvref.made", "off", NULL,
	NULL},
    {"note", VALID_TEXT, false, 0, 300, "dvref.note", "off", NULL, NULL},
};

static enum http_status
ref_load(struct req *r, struct form *f)
{
	f->text[RF_MADE] = case_today(r);
	return HTTP_OK;
}

static enum http_status
ref_check(struct req *r, struct form *f)
{
	case_not_future(r, f, RF_MADE);
	return HTTP_OK;
}

static enum http_status
ref_save(struct req *r, struct form *f)
{
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_DV_REFERRAL_INSERT, NULL, DBP_I(r->ids[0]),
		 DBP_S(f->text[RF_KIND]), DBP_S(f->text[RF_MADE]),
		 DBP_S(f->text[RF_NOTE]))) != DB_OK)
		return db_undo(r, rc);
	return dv_commit(r, r->ids[0], "dv.referral", "dvref-added");
}

enum http_status
dv_referral(struct req *r, struct xml *x)
{
	struct form_page p;

	dv_page(r, &p, "referral", "dvref.submit", ref_fields, RF__MAX);
	p.load = ref_load;
	p.check = ref_check;
	p.save = ref_save;
	return dv_form_run(r, x, &p, "dv.referral");
}

/* --- assigning another worker ----------------------------------------------
 */

enum { AF_WORKER, AF__MAX };
static const struct field assign_fields[AF__MAX] = {
    {"worker", VALID_ID, true, 0, 0, "dv.assign.worker", NULL, NULL, NULL},
};

static int
assign_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res w;

	if (xml_rows(x, "dv", &cur) == -1 || csw_workers(r, &w) != DB_OK)
		return -1;
	return form_options(x, "worker", &w);
}

static enum http_status
assign_check(struct req *r, struct form *f)
{
	struct db_res w;
	enum db_rc rc;

	if (f->error[AF_WORKER] != NULL)
		return HTTP_OK;
	if ((rc = csw_workers(r, &w)) != DB_OK)
		return db_status(rc);
	form_choice(f, AF_WORKER, &w);
	return HTTP_OK;
}

static enum http_status
assign_save(struct req *r, struct form *f)
{
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_GRANT_INSERT, NULL, DBP_S("dv"), DBP_I(r->ids[0]),
		 DBP_S("assigned"), DBP_I(f->num[AF_WORKER]), DBP_NUL,
		 DBP_S(""), DBP_I(r->sess->account), DBP_I(0), DBP_I(0))) !=
		DB_OK)
		return db_undo(r, rc);
	return dv_commit(r, r->ids[0], "dv.assign", "dv-assigned");
}

enum http_status
dv_assign(struct req *r, struct xml *x)
{
	struct form_page p;

	dv_page(r, &p, "assign", "dv.assign.submit", assign_fields, AF__MAX);
	p.extra = assign_extra;
	p.check = assign_check;
	p.save = assign_save;
	return dv_form_run(r, x, &p, "dv.assign");
}

/* --- breaking the glass ----------------------------------------------------
 */

enum { GF_CASE, GF_REASON, GF__MAX };
static const struct field glass_fields[GF__MAX] = {
    {"case", VALID_INT, true, 1, INT64_MAX, "glass.case", "off", NULL, NULL},
    {"reason", VALID_TEXT, true, DV_REASON_MIN, DV_REASON_MAX, "glass.reason",
	"off", NULL, NULL},
};

/* The log of broken glass, for the town's supervisors. */
static int
glass_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res sup, log;

	if (DBQ(r, STMT_CASE_SUPERVISOR, &sup, DBP_I(r->sess->account),
		DBP_I(r->sess->municipality)) != DB_OK)
		return -1;
	if (sup.nrows == 0)
		return 0;
	if (DBQ(r, STMT_DV_GLASS_LOG, &log, DBP_I(r->sess->municipality)) !=
	    DB_OK)
		return -1;
	return xml_attr(x, "supervisor", "1") == -1
	    ? -1
	    : xml_rows(x, "glass", &log);
}

/*
 * The grant for DV_GLASS_SECONDS with the reason, the audit row and an
 * e-mail to each supervisor of the town, in one transaction; 303 to the
 * case.  A number that is no DV case of the town is the form's error
 * (the attempt audited): the glass opens only what exists.
 */
static enum http_status
glass_save(struct req *r, struct form *f)
{
	struct db_res ex, sup;
	enum db_rc rc;
	int64_t id = f->num[GF_CASE];
	size_t i;

	if ((rc = DBQ(r, STMT_DV_EXISTS, &ex, DBP_I(id),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (ex.nrows == 0) {
		if ((rc = audit(r, "dv.glass", "dv", id, "not-found")) != DB_OK)
			return db_status(rc);
		form_error(f, GF_CASE, "glass.case.none");
		return HTTP_UNPROCESSABLE;
	}
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_GRANT_INSERT, NULL, DBP_S("dv"), DBP_I(id),
		 DBP_S("glass"), DBP_I(r->sess->account), DBP_NUL,
		 DBP_S(f->text[GF_REASON]), DBP_I(r->sess->account),
		 DBP_I(DV_GLASS_SECONDS), DBP_I(DV_GLASS_SECONDS))) != DB_OK ||
	    (rc = DBQ(r, STMT_DV_SUPERVISORS, &sup,
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_undo(r, rc);
	for (i = 0; i < sup.nrows; i++)
		if ((rc = outbox_add(r, db_str(&sup, i, "email"),
			 db_str(&sup, i, "locale"), "dv-glass", r->sess->name,
			 "/registry/dv/glass")) != DB_OK)
			return db_undo(r, rc);
	return dv_commit(r, id, "dv.glass", "glass-broken");
}

static const struct form_page glass_page = {
    .elem = "dv-form",
    .page = "glass",
    .method = "post",
    .action = "/registry/dv/glass",
    .submit = "glass.submit",
    .fields = glass_fields,
    .nfields = GF__MAX,
    .extra = glass_extra,
    .save = glass_save,
};

/* GET /registry/dv/glass: the form (and, for supervisors, the log). */
enum http_status
dv_glass_form(struct req *r, struct xml *x)
{
	return form_get(r, x, &glass_page);
}

/* POST /registry/dv/glass: see glass_save(). */
enum http_status
dv_glass(struct req *r, struct xml *x)
{
	return form_post(r, x, &glass_page);
}
