/* SPDX-License-Identifier: ISC */
/*
 * admin.c: what an administrator sets per service for online
 * applications (issue 13): the coded priority criteria of its waiting
 * list with their points, and the kinds of document it asks for
 * (required, optional, or obtained by the CSW itself: the once-only
 * principle).  Both tables are this worker's (0016).  A change of
 * points orders the waiting list again by data: every open
 * application's points are recomputed and every waiting place recorded
 * (reason "criteria"), so an applicant sees why their place moved.
 * Each save is one transaction with its audit row.  A criterion that
 * applications meet cannot be removed (its points can go to 0).
 *
 * The forms always send every row; a POST without them (not this
 * page's form) changes nothing and answers 422.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "applications.h"

/*
 * The criteria codes an administrator can give points to: each has its
 * label criterion.<code> in the catalogues.  Adding one: the code here
 * and its key in every catalogue.
 */
static const char *const crit_codes[] = {
    "severe", "single-parent", "low-income", "siblings"};
#define NCRIT		 (sizeof(crit_codes) / sizeof(crit_codes[0]))
#define ADMIN_POINTS_MAX 1000 /* 0016's CHECK */

/* The four ways a service can treat a kind of document. */
static const char *const doc_modes[] = {"no", "required", "optional", "csw"};
#define NMODES		(sizeof(doc_modes) / sizeof(doc_modes[0]))
#define ADMIN_KINDS_MAX 32 /* document_kind rows a form can carry */

/* GET /applications/admin: the town's services, with what each has. */
enum http_status
admin_services(struct req *r, struct xml *x)
{
	struct muni m;
	struct db_res sv;
	enum http_status st;
	enum db_rc rc;

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_ADMIN_SERVICES, &sv, DBP_LOCALE(r),
		 DBP_I(m.id))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "admin-services") == -1 ||
	    xml_rows(x, "service", &sv) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* Service r->ids[0] of the caller's town (one row in sv), else 404. */
static enum http_status
admin_service(struct req *r, struct db_res *sv)
{
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_ADMIN_SERVICE, sv, DBP_LOCALE(r),
		 DBP_I(r->ids[0]), DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	return sv->nrows == 1 ? HTTP_OK : HTTP_NOT_FOUND;
}

/* Row of res whose column col is s, or -1. */
static ssize_t
row_of(const struct db_res *res, const char *col, const char *s)
{
	size_t i;

	for (i = 0; i < res->nrows; i++)
		if (strcmp(db_str(res, i, col), s) == 0)
			return (ssize_t)i;
	return -1;
}

/*
 * Writes <admin-criteria> for service sv: a <criterion code points used>
 * per code (points as typed when typed is not NULL), with error keys.
 */
static enum http_status
crit_page(struct req *r, struct xml *x, const struct db_res *sv,
    const struct db_res *cur, const char *const *typed, const char *const *err)
{
	ssize_t k;
	size_t i;

	if (xml_start(x, "admin-criteria") == -1 ||
	    xml_rows(x, "service", sv) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < NCRIT; i++) {
		k = row_of(cur, "code", crit_codes[i]);
		if (xml_start(x, "criterion") == -1 ||
		    xml_attr(x, "code", crit_codes[i]) == -1 ||
		    xml_attr(x, "points",
			typed != NULL ? typed[i]
			    : k >= 0  ? db_str(cur, (size_t)k, "points")
				      : "") == -1 ||
		    (k >= 0 &&
			xml_attr(x, "used", db_str(cur, (size_t)k, "used")) ==
			    -1) ||
		    (err != NULL && err[i] != NULL &&
			xml_attr(x, "error", err[i]) == -1) ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	}
	return xml_end(x) == -1 ? HTTP_INTERNAL : HTTP_OK;
}

/* GET /applications/admin/%/criteria */
enum http_status
admin_criteria(struct req *r, struct xml *x)
{
	struct db_res sv, cur;
	enum http_status st;
	enum db_rc rc;

	if ((st = admin_service(r, &sv)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_ADMIN_CRITERIA, &cur, DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	return crit_page(r, x, &sv, &cur, NULL, NULL);
}

/*
 * POST /applications/admin/%/criteria (points.<code>: 0 to 1000, or
 * empty for "not used"): saves the service's criteria, recomputes the
 * points of its open applications and records the waiting places.
 * 422 with what was typed for a bad number, a missing row or removing
 * a criterion in use.
 */
enum http_status
admin_criteria_save(struct req *r, struct xml *x)
{
	struct db_res sv, cur;
	const char *typed[NCRIT], *err[NCRIT];
	int64_t pts[NCRIT];
	enum http_status st;
	enum db_rc rc;
	size_t i, nerr = 0;
	ssize_t k;

	if ((st = admin_service(r, &sv)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_ADMIN_CRITERIA, &cur, DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	for (i = 0; i < NCRIT; i++) {
		typed[i] = kv_get(&r->form,
		    arena_printf(r->arena, "points.%s", crit_codes[i]));
		err[i] = NULL;
		pts[i] = -1;
		k = row_of(&cur, "code", crit_codes[i]);
		if (r->csrf_failed)
			err[i] = "form.csrf";
		else if (typed[i] == NULL)
			err[i] = "admin.crit.missing";
		else if (*typed[i] == '\0' && k >= 0 &&
		    db_int(&cur, (size_t)k, "used") > 0)
			err[i] = "admin.crit.in-use";
		else if (*typed[i] != '\0' &&
		    str_to_int64(typed[i], 0, ADMIN_POINTS_MAX, &pts[i]) == -1)
			err[i] = "admin.crit.points";
		if (typed[i] == NULL)
			typed[i] = "";
		if (err[i] != NULL)
			nerr++;
	}
	if (nerr > 0) {
		if ((st = crit_page(r, x, &sv, &cur, typed, err)) != HTTP_OK)
			return st;
		r->render = true;
		return r->csrf_failed ? HTTP_FORBIDDEN : HTTP_UNPROCESSABLE;
	}
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	for (i = 0; i < NCRIT; i++) {
		if (pts[i] >= 0)
			rc = DBQ(r, STMT_ADMIN_CRIT_SET, NULL, DBP_I(r->ids[0]),
			    DBP_S(crit_codes[i]), DBP_I(pts[i]),
			    DBP_I((int64_t)i + 1), DBP_I(pts[i]),
			    DBP_I((int64_t)i + 1));
		else
			rc = DBQ(r, STMT_ADMIN_CRIT_DROP, NULL,
			    DBP_I(r->ids[0]), DBP_S(crit_codes[i]));
		if (rc != DB_OK)
			return db_undo(r, rc);
	}
	if ((rc = DBQ(r, STMT_ADMIN_POINTS, NULL, DBP_I(r->ids[0]))) != DB_OK ||
	    (rc = app_snapshot(r, r->ids[0], "criteria")) != DB_OK ||
	    (rc = audit(r, "service.criteria", "service", r->ids[0], "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, "/applications/admin", "admin-criteria");
}

/* Writes <admin-documents> for service sv: a <kind id code mode> each. */
static enum http_status
docs_page(struct req *r, struct xml *x, const struct db_res *sv,
    const struct db_res *kinds, const char *const *typed, const char *problem)
{
	const char *mode;
	size_t i;

	if (xml_start(x, "admin-documents") == -1 ||
	    xml_attr(x, "problem", problem) == -1 ||
	    xml_rows(x, "service", sv) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < kinds->nrows; i++) {
		if (typed != NULL)
			mode = typed[i];
		else if (db_str(kinds, i, "required") == NULL)
			mode = "no";
		else if (db_int(kinds, i, "by-csw") != 0)
			mode = "csw";
		else
			mode = db_int(kinds, i, "required") != 0 ? "required"
								 : "optional";
		if (xml_start(x, "kind") == -1 ||
		    xml_attr(x, "id", db_str(kinds, i, "id")) == -1 ||
		    xml_attr(x, "code", db_str(kinds, i, "code")) == -1 ||
		    xml_attr(x, "mode", mode) == -1 || xml_end(x) == -1)
			return HTTP_INTERNAL;
	}
	return xml_end(x) == -1 ? HTTP_INTERNAL : HTTP_OK;
}

/* GET /applications/admin/%/documents */
enum http_status
admin_documents(struct req *r, struct xml *x)
{
	struct db_res sv, kinds;
	enum http_status st;
	enum db_rc rc;

	if ((st = admin_service(r, &sv)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_ADMIN_KINDS, &kinds, DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	return docs_page(r, x, &sv, &kinds, NULL, NULL);
}

/* The index of s in doc_modes, or NMODES. */
static size_t
mode_of(const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < NMODES; i++)
		if (strcmp(s, doc_modes[i]) == 0)
			return i;
	return NMODES;
}

/*
 * POST /applications/admin/%/documents (kind.<id>: no, required,
 * optional or csw for every kind): what the service asks for.  Documents
 * already given stay with their applications.
 */
enum http_status
admin_documents_save(struct req *r, struct xml *x)
{
	struct db_res sv, kinds;
	const char *typed[ADMIN_KINDS_MAX], *v;
	size_t mode[ADMIN_KINDS_MAX], i, n;
	enum http_status st;
	enum db_rc rc;
	bool bad = false;

	if ((st = admin_service(r, &sv)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_ADMIN_KINDS, &kinds, DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	n = kinds.nrows < ADMIN_KINDS_MAX ? kinds.nrows : ADMIN_KINDS_MAX;
	for (i = 0; i < n; i++) {
		v = kv_get(&r->form,
		    arena_printf(r->arena, "kind.%s", db_str(&kinds, i, "id")));
		mode[i] = mode_of(v);
		typed[i] = mode[i] < NMODES ? doc_modes[mode[i]] : "no";
		if (mode[i] == NMODES)
			bad = true;
	}
	if (bad || r->csrf_failed) {
		if ((st = docs_page(r, x, &sv, &kinds, typed,
			 r->csrf_failed ? "form.csrf"
					: "admin.docs.missing")) != HTTP_OK)
			return st;
		r->render = true;
		return r->csrf_failed ? HTTP_FORBIDDEN : HTTP_UNPROCESSABLE;
	}
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	for (i = 0; i < n; i++) {
		if (mode[i] == 0)
			rc = DBQ(r, STMT_ADMIN_DOC_DROP, NULL, DBP_I(r->ids[0]),
			    DBP_I(db_int(&kinds, i, "id")));
		else
			rc = DBQ(r, STMT_ADMIN_DOC_SET, NULL, DBP_I(r->ids[0]),
			    DBP_I(db_int(&kinds, i, "id")), DBP_I(mode[i] != 2),
			    DBP_I(mode[i] == 3), DBP_I(mode[i] != 2),
			    DBP_I(mode[i] == 3));
		if (rc != DB_OK)
			return db_undo(r, rc);
	}
	if ((rc = audit(r, "service.documents", "service", r->ids[0], "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, "/applications/admin", "admin-documents");
}
