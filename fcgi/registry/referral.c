/* SPDX-License-Identifier: ISC */
/*
 * referral.c: referrals from a case to a partner of the cooperation
 * protocol, and the protocol itself (issue 15).  The case worker sends a
 * minimal data packet: what is asked, and the fields of the case the
 * partner needs, ticked one by one.  The partner organisation's staff
 * (role partner) see only the referrals their organisation received, and
 * of each only the fields ticked (STMT_REFERRAL_PACKET leaves the others
 * in the database): through an explicit grant to the organisation
 * (record_grant, 0010) that ends when the referral closes or at its
 * expiry, which every scope statement checks itself.  The partner
 * accepts or declines, and records what it did and the result; the case
 * worker closes the referral.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define REFERRAL_REQUEST_MAX  300
#define REFERRAL_NOTE_MAX     500
#define REFERRAL_DAYS_MAX     90 /* a partner's access: three months at most */
#define REFERRAL_DAYS_DEFAULT "30"

/* A referral as its partner's staff may see it (a live grant). */
static const struct record_kind referral_kind = {
    .type = "referral",
    .perms = PERM_ROLE(ROLE_PARTNER),
    .stmt = STMT_REFERRAL_PARTNER_SCOPE,
    .params = {SCOPE_ORGANISATION},
};

/* A referral of a case of the caller's town, for the CSW. */
static const struct record_kind referral_csw_kind = {
    .type = "referral",
    .perms = PERM_ROLE(ROLE_CSW),
    .stmt = STMT_REFERRAL_CSW_SCOPE,
    .params = {SCOPE_MUNICIPALITY},
};

/* The fields a referral may carry: referral_field.field (0010). */
static const char *const packet_fields[REFERRAL_FIELDS] = {"name", "birth",
    "sex", "phone", "email", "address", "settlement", "needs", "strengths",
    "barriers"};

static const char *const results[] = {
    "completed", "employed", "training", "not-completed", "other", NULL};

/* --- sending a referral (the case worker) ----------------------------------
 */

enum {
	SF_ORG,
	SF_REQUEST,
	SF_DAYS,
	SF_FIELD,
	SF__MAX = SF_FIELD + REFERRAL_FIELDS
};
static const struct field send_fields[SF__MAX] = {
    {"organisation", VALID_ID, true, 0, 0, "referral.partner", NULL, NULL,
	NULL},
    {"request", VALID_TEXT, true, 2, REFERRAL_REQUEST_MAX, "referral.request",
	"off", NULL, NULL},
    {"days", VALID_INT, true, 1, REFERRAL_DAYS_MAX, "referral.days", "off",
	NULL, NULL},
    {"f-name", VALID_CHECKBOX, false, 0, 0, "packet.name", NULL, NULL, NULL},
    {"f-birth", VALID_CHECKBOX, false, 0, 0, "packet.birth", NULL, NULL, NULL},
    {"f-sex", VALID_CHECKBOX, false, 0, 0, "packet.sex", NULL, NULL, NULL},
    {"f-phone", VALID_CHECKBOX, false, 0, 0, "packet.phone", NULL, NULL, NULL},
    {"f-email", VALID_CHECKBOX, false, 0, 0, "packet.email", NULL, NULL, NULL},
    {"f-address", VALID_CHECKBOX, false, 0, 0, "packet.address", NULL, NULL,
	NULL},
    {"f-settlement", VALID_CHECKBOX, false, 0, 0, "packet.settlement", NULL,
	NULL, NULL},
    {"f-needs", VALID_CHECKBOX, false, 0, 0, "packet.needs", NULL, NULL, NULL},
    {"f-strengths", VALID_CHECKBOX, false, 0, 0, "packet.strengths", NULL, NULL,
	NULL},
    {"f-barriers", VALID_CHECKBOX, false, 0, 0, "packet.barriers", NULL, NULL,
	NULL},
};

/* The case being referred (checked by the caller) and the partners. */
static struct db_res send_case;

static enum http_status
send_load(struct req *r, struct form *f)
{
	f->text[SF_DAYS] = REFERRAL_DAYS_DEFAULT;
	return HTTP_OK;
}

static int
send_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res pa;

	if (xml_rows(x, "case", &send_case) == -1 ||
	    DBQ(r, STMT_PARTNER_OPTIONS, &pa, DBP_LOCALE(r),
		DBP_I(r->sess->municipality)) != DB_OK)
		return -1;
	return form_options(x, "organisation", &pa);
}

/* A partner of the town, and at least one field: minimal, not empty. */
static enum http_status
send_check(struct req *r, struct form *f)
{
	struct db_res pa;
	enum db_rc rc;
	size_t i, k, ticked = 0;

	for (k = 0; k < REFERRAL_FIELDS; k++)
		ticked += f->present[SF_FIELD + k];
	if (ticked == 0)
		form_error(f, SF_FIELD, "referral.fields.none");
	if (f->error[SF_ORG] != NULL)
		return HTTP_OK;
	if ((rc = DBQ(r, STMT_PARTNER_OPTIONS, &pa, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	for (i = 0; i < pa.nrows; i++)
		if (db_int(&pa, i, "value") == f->num[SF_ORG])
			return HTTP_OK;
	form_error(f, SF_ORG, "invalid.choice");
	return HTTP_OK;
}

/*
 * The referral, its ticked fields and the partner organisation's grant
 * for days, in one transaction with the audit row; 303 to the case.
 */
static enum http_status
send_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t id, secs = f->num[SF_DAYS] * 86400;
	size_t k;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_REFERRAL_INSERT, &res, DBP_I(r->ids[0]),
		 DBP_I(f->num[SF_ORG]), DBP_I(r->sess->account),
		 DBP_S(f->text[SF_REQUEST]))) != DB_OK)
		return db_undo(r, rc);
	id = (int64_t)res.insert_id;
	for (k = 0; k < REFERRAL_FIELDS; k++)
		if (f->present[SF_FIELD + k] &&
		    (rc = DBQ(r, STMT_REFERRAL_FIELD_ADD, NULL, DBP_I(id),
			 DBP_S(packet_fields[k]))) != DB_OK)
			return db_undo(r, rc);
	if ((rc = DBQ(r, STMT_GRANT_INSERT, NULL, DBP_S("referral"), DBP_I(id),
		 DBP_S("referral"), DBP_NUL, DBP_I(f->num[SF_ORG]), DBP_S(""),
		 DBP_I(r->sess->account), DBP_I(secs), DBP_I(secs))) != DB_OK ||
	    (rc = audit(r, "referral.create", "referral", id, "ok")) != DB_OK ||
	    (rc = audit(r, "case.refer", "case", r->ids[0], "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(
		r->arena, "/registry/cases/%lld", (long long)r->ids[0]),
	    "referral-sent");
}

/* GET and POST /registry/cases/N/referrals/new: the case's lead only. */
enum http_status
referral_new(struct req *r, struct xml *x)
{
	struct form_page p;
	enum http_status st;
	enum db_rc rc;

	memset(&send_case, 0, sizeof(send_case));
	st = r->method == METHOD_POST
	    ? record_check(
		  r, &case_kind, r->ids[0], "referral.create", &send_case)
	    : record_open(r, &case_kind, r->ids[0], "case.read", &send_case);
	if (st != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	if (!case_flag(&send_case, "mine") ||
	    strcmp(db_str(&send_case, 0, "status"), "open") != 0) {
		if ((rc = audit(r, "referral.create", "case", r->ids[0],
			 "forbidden")) != DB_OK)
			return db_status(rc);
		return HTTP_FORBIDDEN;
	}
	memset(&p, 0, sizeof(p));
	p.elem = "case-form";
	p.page = "referral";
	p.method = "post";
	p.action = r->path;
	p.submit = "referral.submit";
	p.fields = send_fields;
	p.nfields = SF__MAX;
	p.load = send_load;
	p.extra = send_extra;
	p.check = send_check;
	p.save = send_save;
	return r->method == METHOD_POST ? form_post(r, x, &p)
					: form_get(r, x, &p);
}

/*
 * POST /registry/referrals/N/close: the case's lead closes the referral;
 * the partner's access ends with it.  303 to the case.
 */
enum http_status
referral_close(struct req *r, struct xml *x)
{
	struct db_res ref, res;
	enum http_status st;
	enum db_rc rc;
	int64_t id = r->ids[0], cid;

	if ((st = record_check(
		 r, &referral_csw_kind, id, "referral.close", &ref)) != HTTP_OK)
		return st;
	cid = db_int(&ref, 0, "case");
	if (db_int(&ref, 0, "lead") != r->sess->account) {
		if ((rc = audit(r, "referral.close", "referral", id,
			 "forbidden")) != DB_OK)
			return db_status(rc);
		return HTTP_FORBIDDEN;
	}
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_REFERRAL_CLOSE, &res, DBP_I(id))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected != 1) {
		db_rollback(r->w->db);
		return HTTP_CONFLICT;
	}
	if ((rc = DBQ(r, STMT_GRANT_END, NULL, DBP_S("referral"), DBP_I(id))) !=
		DB_OK ||
	    (rc = audit(r, "referral.close", "referral", id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/registry/cases/%lld", (long long)cid),
	    "referral-closed");
}

/* --- the partner's side -------------------------------------------------- */

/*
 * GET /registry/referrals: the partner's referrals with live access, the
 * person's name only where it was ticked.
 */
enum http_status
referrals_list(struct req *r, struct xml *x)
{
	struct db_res res;
	enum db_rc rc;

	if (r->sess->organisation == 0)
		return HTTP_NOT_FOUND;
	if ((rc = DBQ(r, STMT_REFERRAL_LIST_PARTNER, &res,
		 DBP_I(r->sess->organisation))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "referrals") == -1 ||
	    xml_rows(x, "referral", &res) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* <field name/>… ticked, then <packet …/> with only their values. */
static int
packet_write(struct req *r, struct xml *x, int64_t id)
{
	struct db_res fl, pk;

	if (DBQ(r, STMT_REFERRAL_FIELDS, &fl, DBP_I(id)) != DB_OK ||
	    DBQ(r, STMT_REFERRAL_PACKET, &pk, DBP_LOCALE(r), DBP_I(id)) !=
		DB_OK)
		return -1;
	if (xml_rows(x, "field", &fl) == -1)
		return -1;
	return xml_rows(x, "packet", &pk);
}

enum { PF_NOTE, PF_RESULT, PF__MAX };
static const struct field report_fields[PF__MAX] = {
    {"action_note", VALID_TEXT, true, 2, REFERRAL_NOTE_MAX, "referral.action",
	"off", NULL, NULL},
    {"result", VALID_CHOICE, false, 0, 0, "referral.result", NULL, results,
	"refresult."},
};

/*
 * GET /registry/referrals/N: the referral and its packet, for the
 * partner's staff (audited: "referral.read"); with the form to accept,
 * decline or report, by its state.
 */
enum http_status
referral_show(struct req *r, struct xml *x)
{
	struct db_res ref;
	struct form f;
	enum http_status st;

	if ((st = record_open(r, &referral_kind, r->ids[0], "referral.read",
		 &ref)) != HTTP_OK)
		return st;
	form_empty(r, PF__MAX, &f);
	if (db_str(&ref, 0, "action-note") != NULL)
		f.text[PF_NOTE] = db_str(&ref, 0, "action-note");
	if (db_str(&ref, 0, "result") != NULL)
		f.text[PF_RESULT] = db_str(&ref, 0, "result");
	if (xml_start(x, "referral-page") == -1 ||
	    xml_rows(x, "referral", &ref) == -1 ||
	    packet_write(r, x, r->ids[0]) == -1 ||
	    (strcmp(db_str(&ref, 0, "status"), "accepted") == 0 &&
		form_write(x, "post",
		    arena_printf(r->arena, "/registry/referrals/%lld/report",
			(long long)r->ids[0]),
		    "referral.report.submit", report_fields, &f) == -1) ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* accept or decline (status), by the partner; a decline ends access. */
static enum http_status
referral_answer(struct req *r, const char *status, const char *action)
{
	struct db_res ref, res;
	enum http_status st;
	enum db_rc rc;
	int64_t id = r->ids[0];

	if ((st = record_check(r, &referral_kind, id, action, &ref)) != HTTP_OK)
		return st;
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_REFERRAL_ANSWER, &res, DBP_S(status), DBP_I(id),
		 DBP_I(r->sess->organisation))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected != 1) {
		db_rollback(r->w->db);
		return HTTP_CONFLICT;
	}
	if ((strcmp(status, "declined") == 0 &&
		(rc = DBQ(r, STMT_GRANT_END, NULL, DBP_S("referral"),
		     DBP_I(id))) != DB_OK) ||
	    (rc = audit(r, action, "referral", id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    strcmp(status, "declined") == 0
		? "/registry/referrals"
		: arena_printf(
		      r->arena, "/registry/referrals/%lld", (long long)id),
	    strcmp(status, "declined") == 0 ? "referral-declined"
					    : "referral-accepted");
}

/* POST /registry/referrals/N/accept */
enum http_status
referral_accept(struct req *r, struct xml *x)
{
	return referral_answer(r, "accepted", "referral.accept");
}

/* POST /registry/referrals/N/decline */
enum http_status
referral_decline(struct req *r, struct xml *x)
{
	return referral_answer(r, "declined", "referral.decline");
}

static struct db_res report_ref;

static int
report_extra(struct req *r, struct xml *x, const struct form *f)
{
	if (xml_rows(x, "referral", &report_ref) == -1)
		return -1;
	return packet_write(r, x, r->ids[0]);
}

static enum http_status
report_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t id = r->ids[0];

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_REFERRAL_REPORT, &res, DBP_S(f->text[PF_NOTE]),
		 DBP_SN(f->text[PF_RESULT]), DBP_I(id),
		 DBP_I(r->sess->organisation))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected > 1) {
		db_rollback(r->w->db);
		return HTTP_INTERNAL;
	}
	if ((rc = audit(r, "referral.report", "referral", id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/registry/referrals/%lld", (long long)id),
	    "referral-reported");
}

/*
 * GET and POST /registry/referrals/N/report: what the partner did and
 * the result, once it accepted (409 before).
 */
enum http_status
referral_report(struct req *r, struct xml *x)
{
	struct form_page p;
	enum http_status st;

	memset(&report_ref, 0, sizeof(report_ref));
	st = r->method == METHOD_POST
	    ? record_check(
		  r, &referral_kind, r->ids[0], "referral.report", &report_ref)
	    : record_open(
		  r, &referral_kind, r->ids[0], "referral.read", &report_ref);
	if (st != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	if (strcmp(db_str(&report_ref, 0, "status"), "accepted") != 0)
		return HTTP_CONFLICT;
	memset(&p, 0, sizeof(p));
	p.elem = "referral-form";
	p.page = "report";
	p.method = "post";
	p.action = r->path;
	p.submit = "referral.report.submit";
	p.fields = report_fields;
	p.nfields = PF__MAX;
	p.extra = report_extra;
	p.save = report_save;
	return r->method == METHOD_POST ? form_post(r, x, &p)
					: form_get(r, x, &p);
}

/* --- the protocol ----------------------------------------------------------
 */

/*
 * GET /registry/protocol: the cooperation protocol(s) of the town, its
 * partners and what each committed to.
 */
enum http_status
protocol_show(struct req *r, struct xml *x)
{
	struct db_res pr, pa;
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_PROTOCOL, &pr, DBP_I(r->sess->municipality))) !=
		DB_OK ||
	    (rc = DBQ(r, STMT_PROTOCOL_PARTNERS, &pa, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "protocols") == -1 ||
	    xml_rows(x, "protocol", &pr) == -1 ||
	    xml_rows(x, "partner", &pa) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
