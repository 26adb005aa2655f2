/* SPDX-License-Identifier: ISC */
/*
 * status.c: an application's page and what hangs off it.  The page shows
 * the timeline (created, submitted, in review, more information asked
 * with the CSW's message, decided with reasons, on the waiting list with
 * the place and how it moved, offered a place, enrolled), the documents,
 * and what the caller may do next: the applicant edits a draft or adds
 * what was asked, submits, withdraws, accepts an offered place; the CSW
 * takes it, asks for more, decides, corrects the criteria.  Also: a
 * document (through nginx, after the check), the printable decision, and
 * "who has seen my application" from the audit trail.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "applications.h"

/*
 * Writes <application-page> for application a (a row of the scope
 * statement), with problem (a message key, or NULL) beside the CSW's
 * actions.  Returns HTTP_OK, or the failure.
 */
enum http_status
status_write(
    struct req *r, struct xml *x, const struct db_res *a, const char *problem)
{
	return status_write_form(r, x, a, problem, NULL, NULL);
}

/*
 * status_write() with the CSW's form which ("request", "decide"; NULL:
 * none) as f became when it was posted: what was typed, its errors.
 */
enum http_status
status_write_form(struct req *r, struct xml *x, const struct db_res *a,
    const char *problem, const char *which, const struct form *f)
{
	struct db_res ev, dc, nd, cr, pos, moved, places, allcr;
	int64_t id = db_int(a, 0, "id"), svc = db_int(a, 0, "service");
	const char *st = db_str(a, 0, "status");
	bool csw = app_is_csw(r);
	enum db_rc rc;

	memset(&pos, 0, sizeof(pos));
	memset(&moved, 0, sizeof(moved));
	memset(&places, 0, sizeof(places));
	memset(&allcr, 0, sizeof(allcr));
	if ((rc = DBQ(r, STMT_EVENTS, &ev, DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_DOCS, &dc, DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_APP_NEEDS, &nd, DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_APP_CRITS, &cr, DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_POSITION_NOW, &pos, DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_POSITIONS, &moved, DBP_I(id))) != DB_OK)
		return db_status(rc);
	if (csw &&
	    ((rc = DBQ(r, STMT_PLACES, &places,
		  DBP_I(r->locale == LOCALE_SR_CYRL), DBP_I(svc))) != DB_OK ||
		(rc = DBQ(r, STMT_CRITERIA, &allcr, DBP_I(svc))) != DB_OK))
		return db_status(rc);
	if (xml_start(x, "application-page") == -1 ||
	    xml_attr(x, "csw", csw ? "1" : NULL) == -1 ||
	    xml_attr(x, "problem", problem) == -1 || app_write(r, x, a) == -1 ||
	    (csw && db_str(a, 0, "person") != NULL &&
		xml_attr(x, "registered", "1") == -1) ||
	    xml_rows(x, "event", &ev) == -1 ||
	    xml_rows(x, "document", &dc) == -1 ||
	    xml_rows(x, "need", &nd) == -1 ||
	    xml_rows(x, "criterion", &cr) == -1 ||
	    xml_rows(x, "position", &pos) == -1 ||
	    xml_rows(x, "moved", &moved) == -1 ||
	    xml_rows(x, "place", &places) == -1 ||
	    xml_rows(x, "all-criterion", &allcr) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	if ((strcmp(st, "draft") == 0 || strcmp(st, "info") == 0) &&
	    apply_editable(r, a) && apply_form_saved(r, x, a) == -1)
		return HTTP_INTERNAL;
	if (csw && csw_forms_write(r, x, a, which, f) == -1)
		return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* GET /applications/%: the application's page (a read, audited). */
enum http_status
status_show(struct req *r, struct xml *x)
{
	struct db_res a;
	enum http_status st;

	if ((st = app_load(r, "application.read", &a)) != HTTP_OK)
		return st;
	if (strcmp(db_str(&a, 0, "status"), "offered") == 0 &&
	    (st = waiting_expire(r, db_int(&a, 0, "service"))) != HTTP_OK)
		return st;
	if (strcmp(db_str(&a, 0, "status"), "offered") == 0 &&
	    (st = record_check(
		 r, &app_kind, r->ids[0], "application.read", &a)) != HTTP_OK)
		return st;
	return status_write(r, x, &a, NULL);
}

/*
 * GET /applications/%/documents/%: the file, as an attachment, served by
 * nginx after this check (ROUTE_STREAM); a read of the application,
 * audited.  A provider, another parent: 404.
 */
enum http_status
status_document(struct req *r, struct xml *x)
{
	struct db_res a, d;
	enum http_status st;
	enum db_rc rc;

	if ((st = app_load(r, "application.document.read", &a)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_DOC_ONE, &d, DBP_I(r->ids[1]),
		 DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	if (d.nrows == 0)
		return HTTP_NOT_FOUND;
	return docs_send(r, db_str(&d, 0, "sha"), db_str(&d, 0, "type"),
	    db_str(&d, 0, "filename"));
}

/*
 * GET /applications/%/seen: who has read or changed the application and
 * its child's record, from the audit trail (application_seen): the
 * applicant's own application only.
 */
enum http_status
status_seen(struct req *r, struct xml *x)
{
	struct db_res a, seen;
	enum http_status st;
	enum db_rc rc;

	if ((st = app_check(r, "application.seen", &a)) != HTTP_OK)
		return st;
	if (db_str(&a, 0, "applicant") == NULL ||
	    db_int(&a, 0, "applicant") != r->sess->account) {
		audit(r, "application.seen", "application", r->ids[0],
		    "not-found");
		return HTTP_NOT_FOUND;
	}
	if ((rc = DBQ(r, STMT_SEEN, &seen, DBP_I(r->ids[0]),
		 DBP_I(r->sess->account),
		 DBP_I(r->locale == LOCALE_SR_CYRL))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "seen") == -1 || app_write(r, x, &a) == -1 ||
	    xml_end(x) == -1 || xml_rows(x, "access", &seen) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * GET /applications/%/decision: the decision as a formal document to
 * print (the municipality's header, reasons, the appeal), once decided.
 */
enum http_status
status_decision(struct req *r, struct xml *x)
{
	struct db_res a, nd;
	struct muni m;
	enum http_status st;
	enum db_rc rc;

	if ((st = app_load(r, "application.read", &a)) != HTTP_OK)
		return st;
	if (db_str(&a, 0, "decided") == NULL)
		return HTTP_NOT_FOUND;
	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_APP_NEEDS, &nd, DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "decision") == -1 || muni_write(x, &m) == -1 ||
	    app_write(r, x, &a) == -1 || xml_end(x) == -1 ||
	    xml_rows(x, "need", &nd) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
