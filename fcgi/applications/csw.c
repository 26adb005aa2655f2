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

/* The text of form field key, trimmed; NULL when empty or too long. */
static const char *
text_field(struct req *r, const char *key)
{
	const char *v = kv_get(&r->form, key);
	size_t n;

	while (
	    v != NULL && (*v == ' ' || *v == '\n' || *v == '\r' || *v == '\t'))
		v++;
	if (v == NULL || *v == '\0')
		return NULL;
	n = strlen(v);
	if (utf8_chars(v, n) > CSW_TEXT_MAX)
		return NULL;
	return v;
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
	enum http_status st;
	enum db_rc rc;
	const char *msg;

	if ((st = app_check(r, "application.request", &a)) != HTTP_OK)
		return st;
	if (r->csrf_failed)
		return again(r, x, &a, "form.csrf", HTTP_FORBIDDEN);
	if ((msg = text_field(r, "message")) == NULL)
		return again(
		    r, x, &a, "app.request.message", HTTP_UNPROCESSABLE);
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_APP_INFO, &res, DBP_I(r->ids[0]))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected == 0) {
		db_rollback(r->w->db);
		return again(r, x, &a, "app.take.state", HTTP_CONFLICT);
	}
	if ((rc = app_event(r, r->ids[0], "info", msg)) != DB_OK ||
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
 * POST /applications/%/decide (outcome approve|refuse, reasons, org,
 * start YYYY-MM-DD or "23. 11. 2026."): the decision.  An approval
 * enrols at org from start when it has a free place, else (or without
 * org) puts the application on the waiting list.
 */
enum http_status
csw_decide(struct req *r, struct xml *x)
{
	struct db_res a, res, en;
	enum http_status st;
	enum db_rc rc;
	const char *why, *outcome = kv_get(&r->form, "outcome"), *o;
	char start[11];
	int64_t org = 0, ymd;
	bool approve;

	if ((st = app_check(r, "application.decide", &a)) != HTTP_OK)
		return st;
	if (r->csrf_failed)
		return again(r, x, &a, "form.csrf", HTTP_FORBIDDEN);
	if (outcome == NULL ||
	    (strcmp(outcome, "approve") != 0 && strcmp(outcome, "refuse") != 0))
		return again(
		    r, x, &a, "app.decide.outcome", HTTP_UNPROCESSABLE);
	approve = strcmp(outcome, "approve") == 0;
	if ((why = text_field(r, "reasons")) == NULL)
		return again(
		    r, x, &a, "app.decide.reasons", HTTP_UNPROCESSABLE);
	o = kv_get(&r->form, "org");
	if (approve && o != NULL && *o != '\0' &&
	    str_to_int64(o, 1, INT64_MAX, &org) == -1)
		return again(r, x, &a, "app.offer.org", HTTP_UNPROCESSABLE);
	if (approve && org > 0 &&
	    !date_parse(kv_get(&r->form, "start") != NULL
		    ? kv_get(&r->form, "start")
		    : "",
		start, &ymd))
		return again(r, x, &a, "app.decide.start", HTTP_UNPROCESSABLE);
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
			return again(
			    r, x, &a, "app.decide.licence", HTTP_CONFLICT);
		}
		if (en.nrows > 0 &&
		    strcmp(db_str(&en, 0, "outcome"), "enrolled") == 0) {
			if ((rc = app_event(r, r->ids[0], "approved", why)) !=
				DB_OK ||
			    (rc = app_event(r, r->ids[0], "enrolled", NULL)) !=
				DB_OK ||
			    (rc = audit(r, "person.create", "person",
				 db_int(&en, 0, "person"), "ok")) != DB_OK ||
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
	enum http_status st;
	enum db_rc rc;
	const char *why;
	size_t i, n = 0;
	int64_t v;

	if ((st = app_check(r, "application.criteria", &a)) != HTTP_OK)
		return st;
	if (r->csrf_failed)
		return again(r, x, &a, "form.csrf", HTTP_FORBIDDEN);
	if (strstr(" submitted review info waiting offered ",
		arena_printf(r->arena, " %s ", db_str(&a, 0, "status"))) ==
	    NULL)
		return again(r, x, &a, "app.take.state", HTTP_CONFLICT);
	if ((why = text_field(r, "reason")) == NULL)
		return again(
		    r, x, &a, "app.criteria.reason", HTTP_UNPROCESSABLE);
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
