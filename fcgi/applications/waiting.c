/* SPDX-License-Identifier: ISC */
/*
 * waiting.c: a service's waiting list.  Its order is data, never a hand
 * edit: the points of the coded criteria an application meets (set per
 * service by administrators), then the time it joined the list, then
 * its number.  Each change of the list (someone joins, leaves, is
 * offered a place, an offer expires, criteria are corrected) records
 * every waiting application's place, so that an applicant sees "7th of
 * 23" and how and why it moved, and nobody else's data.  When a place
 * is free the CSW offers it to the first; the offer expires after
 * applications.offer_days (8 by default), checked whenever the list or
 * the application is read.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "applications.h"

/*
 * Puts the expired offers of service back on its list, in their order,
 * telling each applicant.  Its own transaction.  HTTP_OK or the database's
 * outcome.
 */
enum http_status
waiting_expire(struct req *r, int64_t service)
{
	struct db_res ex;
	enum db_rc rc;
	size_t i;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_OFFERS_EXPIRED, &ex, DBP_I(service))) != DB_OK)
		return db_undo(r, rc);
	for (i = 0; i < ex.nrows; i++) {
		int64_t id = db_int(&ex, i, "id");

		if ((rc = DBQ(r, STMT_APP_WAIT, NULL, DBP_I(id))) != DB_OK ||
		    (rc = app_event(r, id, "expired", NULL)) != DB_OK ||
		    (rc = app_mail_row(r, &ex, i, "expired")) != DB_OK)
			return db_undo(r, rc);
	}
	if ((ex.nrows > 0 &&
		(rc = app_snapshot(r, service, "expired")) != DB_OK) ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return HTTP_OK;
}

/* GET /applications/waiting/%: service %'s list, for the CSW. */
enum http_status
waiting_list(struct req *r, struct xml *x)
{
	struct db_res sv, list, places;
	struct muni m;
	enum http_status st;
	enum db_rc rc;

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_SERVICE_ONE, &sv, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_LOCALE(r), DBP_I(r->ids[0]), DBP_I(m.id))) != DB_OK)
		return db_status(rc);
	if (sv.nrows == 0)
		return HTTP_NOT_FOUND;
	if ((st = waiting_expire(r, r->ids[0])) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_WAITING, &list, DBP_I(r->ids[0]))) != DB_OK ||
	    (rc = DBQ(r, STMT_PLACES, &places,
		 DBP_I(r->locale == LOCALE_SR_CYRL), DBP_I(r->ids[0]))) !=
		DB_OK)
		return db_status(rc);
	if ((rc = audit(r, "application.waiting.read", "service", r->ids[0],
		 "ok")) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "waiting") == -1 ||
	    xml_rows(x, "service", &sv) == -1 ||
	    xml_rows(x, "place", &places) == -1 ||
	    xml_rows(x, "application", &list) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * POST /applications/%/offer (org): the CSW offers the first waiting
 * application a free place at provider org.  Only the first: an offer
 * out of order is refused (409).
 */
enum http_status
waiting_offer(struct req *r, struct xml *x)
{
	struct db_res a, pos, places, res;
	enum http_status st;
	enum db_rc rc;
	int64_t org = 0, days = 8, svc;
	size_t i;
	bool free_place = false;

	if ((st = app_check(r, "application.offer", &a)) != HTTP_OK)
		return st;
	svc = db_int(&a, 0, "service");
	if (kv_get(&r->form, "org") == NULL ||
	    str_to_int64(kv_get(&r->form, "org"), 1, INT64_MAX, &org) == -1)
		return status_write(r, x, &a, "app.offer.org") == HTTP_OK
		    ? (r->render = true, HTTP_UNPROCESSABLE)
		    : HTTP_INTERNAL;
	cfg_int(&r->w->cfg, "applications.offer_days", 1, 60, 8, &days);
	if ((rc = DBQ(r, STMT_POSITION_NOW, &pos, DBP_I(r->ids[0]))) != DB_OK ||
	    (rc = DBQ(r, STMT_PLACES, &places, DBP_I(0), DBP_I(svc))) != DB_OK)
		return db_status(rc);
	for (i = 0; i < places.nrows; i++)
		if (db_int(&places, i, "id") == org &&
		    db_int(&places, i, "free") > 0)
			free_place = true;
	if (pos.nrows == 0 || db_int(&pos, 0, "position") != 1 || !free_place)
		return status_write(r, x, &a,
			   pos.nrows == 0 || db_int(&pos, 0, "position") != 1
			       ? "app.offer.first"
			       : "app.offer.full") == HTTP_OK
		    ? (r->render = true, HTTP_CONFLICT)
		    : HTTP_INTERNAL;
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_APP_OFFER, &res, DBP_I(org), DBP_I(days),
		 DBP_I(r->ids[0]))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected == 0) {
		db_rollback(r->w->db);
		return HTTP_CONFLICT;
	}
	if ((rc = app_event(r, r->ids[0], "offered", NULL)) != DB_OK ||
	    (rc = audit(r, "application.offer", "application", r->ids[0],
		 "ok")) != DB_OK ||
	    (rc = app_mail(r, &a, "offered")) != DB_OK ||
	    (rc = app_snapshot(r, svc, "place")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(
		r->arena, "/applications/waiting/%lld", (long long)svc),
	    "app-offered");
}

/*
 * POST /applications/%/accept: the applicant takes the offered place:
 * the enrolment goes into the register (application_enrol, with
 * enrol_check()'s rules).  409 when the place is gone or the offer
 * expired.
 */
enum http_status
waiting_accept(struct req *r, struct xml *x)
{
	struct db_res a, en;
	enum http_status st;
	enum db_rc rc;
	char today[11];
	time_t now = time(NULL);
	struct tm tm;

	if ((st = app_check(r, "application.accept", &a)) != HTTP_OK)
		return st;
	if (db_str(&a, 0, "applicant") == NULL ||
	    db_int(&a, 0, "applicant") != r->sess->account)
		return HTTP_FORBIDDEN;
	if ((st = waiting_expire(r, db_int(&a, 0, "service"))) != HTTP_OK ||
	    (st = app_check(r, "application.accept", &a)) != HTTP_OK)
		return st;
	if (strcmp(db_str(&a, 0, "status"), "offered") != 0)
		return status_write(r, x, &a, "app.accept.gone") == HTTP_OK
		    ? (r->render = true, HTTP_CONFLICT)
		    : HTTP_INTERNAL;
	gmtime_r(&now, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_APP_ENROL, &en, DBP_I(r->ids[0]),
		 DBP_I(db_int(&a, 0, "organisation")), DBP_S(today))) != DB_OK)
		return db_undo(r, rc);
	if (en.nrows == 0 ||
	    strcmp(db_str(&en, 0, "outcome"), "enrolled") != 0) {
		db_rollback(r->w->db);
		return status_write(r, x, &a, "app.accept.gone") == HTTP_OK
		    ? (r->render = true, HTTP_CONFLICT)
		    : HTTP_INTERNAL;
	}
	if ((rc = app_event(r, r->ids[0], "enrolled", NULL)) != DB_OK ||
	    (rc = app_representative(r, r->ids[0])) != DB_OK ||
	    (rc = audit(r, "application.accept", "application", r->ids[0],
		 "ok")) != DB_OK ||
	    (rc = app_mail(r, &a, "enrolled")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/applications/%lld", (long long)r->ids[0]),
	    "app-enrolled");
}
