/* SPDX-License-Identifier: ISC */
/*
 * csw.c: the CSW's side.  The inbox of the town's applications by
 * service, status and age (the oldest first); taking one; asking the
 * applicant for more (a message the applicant sees on the page and by
 * e-mail); deciding with reasons: a refusal, or an approval that puts the
 * child and the enrolment into the register through the registry's
 * stored query application_enrol (enrol_check()'s rules: the licence and
 * a free place), or onto the service's waiting list when no place is
 * free; correcting the criteria of the waiting list, with a reason,
 * audited.  Every action is one transaction with its timeline line,
 * audit row and e-mail.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "applications.h"

#define CSW_TEXT_MAX 4000 /* a message or the reasons: a page of text */

enum { IF_SERVICE, IF_STATUS, IF__MAX };

static const char *const statuses[] = {"submitted", "review", "info", "refused",
    "withdrawn", "waiting", "offered", "enrolled", NULL};

static const struct field inbox_fields[IF__MAX] = {
    {"service", VALID_ID, false, 0, 0, "app.inbox.service", NULL, NULL, NULL},
    {"status", VALID_CHOICE, false, 0, 0, "app.inbox.status", NULL, statuses,
	"app.status."},
};

/*
 * GET /applications/inbox[?service=&status=]: the town's applications
 * past the draft, by service and status (the open ones when no status
 * is asked), the oldest first.  STMT_INBOX takes three statuses, a NULL
 * one matching nothing, each read in the order of its index.
 */
enum http_status
csw_inbox(struct req *r, struct xml *x)
{
	static const char *const open[] = {"submitted", "review", "info"};
	struct db_res list, svc;
	struct form f;
	struct muni m;
	enum http_status st;
	enum db_rc rc;
	const char *status[3] = {NULL, NULL, NULL};
	int64_t service;
	size_t i;

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	form_validate(r, inbox_fields, IF__MAX, &f);
	service = f.error[IF_SERVICE] == NULL && f.text[IF_SERVICE] != NULL
	    ? f.num[IF_SERVICE]
	    : 0;
	if (f.error[IF_STATUS] == NULL && f.text[IF_STATUS] != NULL &&
	    *f.text[IF_STATUS] != '\0')
		status[0] = f.text[IF_STATUS];
	else
		for (i = 0; i < 3; i++)
			status[i] = open[i];
	if (service == 0)
		rc = DBQ(r, STMT_INBOX, &list, DBP_LOCALE(r),
		    DBP_I(r->sess->account), DBP_I(m.id), DBP_SN(status[0]),
		    DBP_I(m.id), DBP_SN(status[1]), DBP_I(m.id),
		    DBP_SN(status[2]));
	else
		rc = DBQ(r, STMT_INBOX_SERVICE, &list, DBP_LOCALE(r),
		    DBP_I(r->sess->account), DBP_I(m.id), DBP_I(service),
		    DBP_SN(status[0]), DBP_I(m.id), DBP_I(service),
		    DBP_SN(status[1]), DBP_I(m.id), DBP_I(service),
		    DBP_SN(status[2]));
	if (rc != DB_OK ||
	    (rc = DBQ(r, STMT_SERVICE_OPTIONS, &svc, DBP_LOCALE(r),
		 DBP_I(m.id))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "inbox") == -1 ||
	    form_options(x, "service", &svc) == -1 ||
	    xml_rows(x, "service", &svc) == -1 ||
	    form_write(x, "get", "/applications/inbox", "app.inbox.filter",
		inbox_fields, &f) == -1 ||
	    xml_rows(x, "application", &list) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return form_status(r, &f);
}

/*
 * The CSW's forms on an application's page: asking for more (a
 * message), the decision (approve or refuse, the reasons, a provider
 * with a free place and the day the service starts) and correcting the
 * criteria (the boxes, and a reason).  On an error the
 * page comes back with what was typed and each error beside its field.
 */
enum { RQ_MESSAGE, RQ__MAX };

static const struct field request_fields[RQ__MAX] = {
    {"message", VALID_TEXT, true, 1, CSW_TEXT_MAX, "app.csw.message", NULL,
	NULL, NULL},
};

enum { DC_OUTCOME, DC_REASONS, DC_ORG, DC_START, DC__MAX };

static const char *const outcomes[] = {"approve", "refuse", NULL};

static const struct field decide_fields[DC__MAX] = {
    {"outcome", VALID_CHOICE, true, 0, 0, "app.csw.outcome", NULL, outcomes,
	NULL},
    {"reasons", VALID_TEXT, true, 1, CSW_TEXT_MAX, "app.decision.reasons", NULL,
	NULL, NULL},
    {"org", VALID_ID, false, 0, 0, "app.csw.provider", NULL, NULL, NULL},
    {"start", VALID_DATE, false, 0, 0, "app.csw.start", NULL, NULL, NULL},
};

enum { CR_REASON, CR__MAX };

static const struct field criteria_fields[CR__MAX] = {
    {"reason", VALID_TEXT, true, 1, CSW_TEXT_MAX, "app.csw.reason", NULL, NULL,
	NULL},
};

/* Is status one whose criteria the CSW may correct? */
static bool
criteria_open(const char *status)
{
	return strcmp(status, "submitted") == 0 ||
	    strcmp(status, "review") == 0 || strcmp(status, "info") == 0 ||
	    strcmp(status, "waiting") == 0 || strcmp(status, "offered") == 0;
}

/*
 * <csw-form for="name"> with the form posting to base/name: f when it is
 * the one posted (which), else empty.
 */
static int
csw_form(struct req *r, struct xml *x, const char *base, const char *name,
    const char *submit, const struct field *fields, size_t n, const char *which,
    const struct form *f)
{
	struct form empty;
	bool posted = which != NULL && strcmp(which, name) == 0;

	if (!posted)
		form_empty(r, n, &empty);
	if (xml_start(x, "csw-form") == -1 || xml_attr(x, "for", name) == -1 ||
	    form_write(x, "post", arena_printf(r->arena, "%s/%s", base, name),
		submit, fields, posted ? f : &empty) == -1)
		return -1;
	return xml_end(x);
}

/*
 * Writes the CSW's forms for application a inside its page, each in a
 * <csw-form for="request|decide|criteria"> the stylesheet places: the one
 * posted (which) with f, what was typed and its errors, the others
 * empty; the criteria posted as <crit id> (posted="1") for their boxes.
 * Only while the application's status allows them.
 */
int
csw_forms_write(struct req *r, struct xml *x, const struct db_res *a,
    const char *which, const struct form *f)
{
	const char *st = db_str(a, 0, "status");
	const char *base = arena_printf(
	    r->arena, "/applications/%lld", (long long)db_int(a, 0, "id"));
	struct form empty;
	bool posted = which != NULL && strcmp(which, "criteria") == 0;
	int64_t v;
	size_t i;

	if (criteria_open(st)) {
		form_empty(r, CR__MAX, &empty);
		if (xml_start(x, "csw-form") == -1 ||
		    xml_attr(x, "for", "criteria") == -1 ||
		    xml_attr(x, "posted", posted ? "1" : NULL) == -1)
			return -1;
		for (i = 0; posted && i < r->form.n; i++)
			if (strcmp(r->form.v[i].key, "crit") == 0 &&
			    str_to_int64(r->form.v[i].val, 1, INT64_MAX, &v) ==
				0 &&
			    (xml_start(x, "crit") == -1 ||
				xml_attr_int(x, "id", v) == -1 ||
				xml_end(x) == -1))
				return -1;
		if (form_write(x, "post",
			arena_printf(r->arena, "%s/criteria", base),
			"app.csw.criteria", criteria_fields,
			posted ? f : &empty) == -1 ||
		    xml_end(x) == -1)
			return -1;
	}
	if (strcmp(st, "submitted") != 0 && strcmp(st, "review") != 0)
		return 0;
	if (csw_form(r, x, base, "request", "app.csw.request", request_fields,
		RQ__MAX, which, f) == -1)
		return -1;
	if (strcmp(st, "review") != 0)
		return 0;
	return csw_form(r, x, base, "decide", "app.csw.decide", decide_fields,
	    DC__MAX, which, f);
}

/* Re-shows the application's page with problem, status st. */
static enum http_status
again(struct req *r, struct xml *x, const struct db_res *a, const char *problem,
    enum http_status st)
{
	if (status_write(r, x, a, problem) != HTTP_OK)
		return HTTP_INTERNAL;
	r->render = true;
	return st;
}

/*
 * Re-shows the application's page with the CSW's form which as f became
 * (its errors beside its fields): status st, or form_status()'s when 0.
 */
static enum http_status
again_form(struct req *r, struct xml *x, const struct db_res *a,
    const char *which, const struct form *f, enum http_status st)
{
	if (status_write_form(r, x, a, NULL, which, f) != HTTP_OK)
		return HTTP_INTERNAL;
	r->render = true;
	return st != 0 ? st : form_status(r, f);
}

/* POST /applications/%/take: the caller takes it into review. */
enum http_status
csw_take(struct req *r, struct xml *x)
{
	struct db_res a, res;
	enum http_status st;
	enum db_rc rc;

	if ((st = app_check(r, "application.take", &a)) != HTTP_OK)
		return st;
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_APP_TAKE, &res, DBP_I(r->sess->account),
		 DBP_I(r->ids[0]))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected == 0) {
		db_rollback(r->w->db);
		return again(r, x, &a, "app.take.state", HTTP_CONFLICT);
	}
	if ((rc = app_event(r, r->ids[0], "review", NULL)) != DB_OK ||
	    (rc = audit(r, "application.take", "application", r->ids[0],
		 "ok")) != DB_OK ||
	    (strcmp(db_str(&a, 0, "status"), "submitted") == 0 &&
		(rc = app_mail(r, &a, "review")) != DB_OK) ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/applications/%lld", (long long)r->ids[0]),
	    "app-taken");
}

/* POST /applications/%/request (message): more information, please. */
enum http_status
csw_request(struct req *r, struct xml *x)
{
	struct db_res a, res;
	struct form f;
	enum http_status st;
	enum db_rc rc;

	if ((st = app_check(r, "application.request", &a)) != HTTP_OK)
		return st;
	form_validate(r, request_fields, RQ__MAX, &f);
	if (f.nerrors > 0)
		return again_form(r, x, &a, "request", &f, 0);
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_APP_INFO, &res, DBP_I(r->ids[0]))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected == 0) {
		db_rollback(r->w->db);
		return again(r, x, &a, "app.take.state", HTTP_CONFLICT);
	}
	if ((rc = app_event(r, r->ids[0], "info", f.text[RQ_MESSAGE])) !=
		DB_OK ||
	    (rc = audit(r, "application.request", "application", r->ids[0],
		 "ok")) != DB_OK ||
	    (rc = app_mail(r, &a, "info")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/applications/%lld", (long long)r->ids[0]),
	    "app-requested");
}

/*
 * The checks of the decision the field table cannot express: a provider
 * is one of the service's (else "invalid.choice"), and an approval with a
 * provider needs the day the service starts.
 */
static enum http_status
decide_check(struct req *r, const struct db_res *a, struct form *f)
{
	struct db_res places;
	enum db_rc rc;
	size_t i;

	if (f->error[DC_OUTCOME] == NULL && f->num[DC_OUTCOME] == 1)
		return HTTP_OK; /* a refusal: no provider, no day */
	if (f->error[DC_ORG] == NULL && *f->text[DC_ORG] != '\0') {
		if ((rc = DBQ(r, STMT_PLACES, &places,
			 DBP_I(r->locale == LOCALE_SR_CYRL),
			 DBP_I(db_int(a, 0, "service")))) != DB_OK)
			return db_status(rc);
		for (i = 0; i < places.nrows; i++)
			if (db_int(&places, i, "id") == f->num[DC_ORG])
				break;
		if (i == places.nrows)
			form_error(f, DC_ORG, "invalid.choice");
	}
	if (*f->text[DC_ORG] != '\0' && *f->text[DC_START] == '\0')
		form_error(f, DC_START, "invalid.required");
	return HTTP_OK;
}

/*
 * POST /applications/%/decide (outcome approve|refuse, reasons, org,
 * start YYYY-MM-DD or "23. 11. 2026."): the decision.  An approval
 * enrols at org from start when it has a free place, else (or without
 * org) puts the application on the waiting list.
 */
enum http_status
csw_decide(struct req *r, struct xml *x)
{
	struct db_res a, res, en;
	struct form f;
	enum http_status st;
	enum db_rc rc;
	const char *why, *start;
	int64_t org;
	bool approve;

	if ((st = app_check(r, "application.decide", &a)) != HTTP_OK)
		return st;
	form_validate(r, decide_fields, DC__MAX, &f);
	if (f.problem == NULL && (st = decide_check(r, &a, &f)) != HTTP_OK)
		return st;
	if (f.nerrors > 0)
		return again_form(r, x, &a, "decide", &f, 0);
	approve = f.num[DC_OUTCOME] == 0;
	why = f.text[DC_REASONS];
	org = approve && *f.text[DC_ORG] != '\0' ? f.num[DC_ORG] : 0;
	start = f.text[DC_START];
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	if (!approve) {
		if ((rc = DBQ(r, STMT_APP_REFUSE, &res, DBP_S(why),
			 DBP_I(r->ids[0]))) != DB_OK)
			return db_undo(r, rc);
		if (res.affected == 0) {
			db_rollback(r->w->db);
			return again(r, x, &a, "app.take.state", HTTP_CONFLICT);
		}
		if ((rc = app_event(r, r->ids[0], "refused", why)) != DB_OK ||
		    (rc = app_mail(r, &a, "refused")) != DB_OK)
			return db_undo(r, rc);
	} else {
		if ((rc = DBQ(r, STMT_APP_DECIDED, &res, DBP_S(why),
			 DBP_I(r->ids[0]))) != DB_OK)
			return db_undo(r, rc);
		if (res.affected == 0) {
			db_rollback(r->w->db);
			return again(r, x, &a, "app.take.state", HTTP_CONFLICT);
		}
		memset(&en, 0, sizeof(en));
		if (org > 0 &&
		    (rc = DBQ(r, STMT_APP_ENROL, &en, DBP_I(r->ids[0]),
			 DBP_I(org), DBP_S(start))) != DB_OK)
			return db_undo(r, rc);
		if (en.nrows > 0 &&
		    strcmp(db_str(&en, 0, "outcome"), "licence") == 0) {
			db_rollback(r->w->db);
			form_error(&f, DC_ORG, "app.decide.licence");
			return again_form(
			    r, x, &a, "decide", &f, HTTP_CONFLICT);
		}
		if (en.nrows > 0 &&
		    strcmp(db_str(&en, 0, "outcome"), "enrolled") == 0) {
			if ((rc = app_event(r, r->ids[0], "approved", why)) !=
				DB_OK ||
			    (rc = app_event(r, r->ids[0], "enrolled", NULL)) !=
				DB_OK ||
			    /* A person the register held already (matched
			     * by the JMBG) is only enrolled. */
			    (rc = audit(r, "enrolment.create", "enrolment",
				 db_int(&en, 0, "enrolment"), "ok")) != DB_OK ||
			    (db_str(&a, 0, "person") == NULL &&
				(rc = audit(r, "person.create", "person",
				     db_int(&en, 0, "person"), "ok")) !=
				    DB_OK) ||
			    (rc = app_representative(r, r->ids[0])) != DB_OK ||
			    (rc = app_mail(r, &a, "enrolled")) != DB_OK)
				return db_undo(r, rc);
		} else if ((rc = DBQ(r, STMT_APP_WAIT, NULL,
				DBP_I(r->ids[0]))) != DB_OK ||
		    (rc = app_event(r, r->ids[0], "approved", why)) != DB_OK ||
		    (rc = app_event(r, r->ids[0], "waiting", NULL)) != DB_OK ||
		    (rc = app_snapshot(
			 r, db_int(&a, 0, "service"), "joined")) != DB_OK ||
		    (rc = app_mail(r, &a, "waiting")) != DB_OK)
			return db_undo(r, rc);
	}
	if ((rc = audit(r, "application.decide", "application", r->ids[0],
		 "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/applications/%lld", (long long)r->ids[0]),
	    "app-decided");
}

/*
 * POST /applications/%/criteria (crit…, reason): the CSW corrects the
 * criteria an application meets; the reason goes into the timeline and
 * the change into the audit trail; the waiting list's places are
 * recorded again when it is waiting.
 */
enum http_status
csw_criteria(struct req *r, struct xml *x)
{
	struct db_res a;
	struct form f;
	enum http_status st;
	enum db_rc rc;
	const char *why;
	size_t i, n = 0;
	int64_t v;

	if ((st = app_check(r, "application.criteria", &a)) != HTTP_OK)
		return st;
	form_validate(r, criteria_fields, CR__MAX, &f);
	if (f.problem == NULL && !criteria_open(db_str(&a, 0, "status")))
		return again(r, x, &a, "app.take.state", HTTP_CONFLICT);
	if (f.nerrors > 0)
		return again_form(r, x, &a, "criteria", &f, 0);
	why = f.text[CR_REASON];
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_APP_CRITS_CLEAR, NULL, DBP_I(r->ids[0]))) !=
		DB_OK)
		return db_undo(r, rc);
	for (i = 0; i < r->form.n && n < 20; i++)
		if (strcmp(r->form.v[i].key, "crit") == 0 &&
		    str_to_int64(r->form.v[i].val, 1, INT64_MAX, &v) == 0) {
			n++;
			if ((rc = DBQ(r, STMT_APP_CRIT_ADD, NULL,
				 DBP_I(r->ids[0]), DBP_I(v))) != DB_OK)
				return db_undo(r, rc);
		}
	if ((rc = DBQ(r, STMT_APP_POINTS, NULL, DBP_I(r->ids[0]),
		 DBP_I(r->ids[0]))) != DB_OK ||
	    (rc = app_event(r, r->ids[0], "criteria", why)) != DB_OK ||
	    (rc = audit(r, "application.criteria", "application", r->ids[0],
		 "ok")) != DB_OK ||
	    (strcmp(db_str(&a, 0, "status"), "waiting") == 0 &&
		(rc = app_snapshot(r, db_int(&a, 0, "service"), "criteria")) !=
		    DB_OK) ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/applications/%lld", (long long)r->ids[0]),
	    "app-criteria");
}
