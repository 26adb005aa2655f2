/* SPDX-License-Identifier: ISC */
/*
 * auth.c: the one place that answers "may this session open or change
 * this record?".  route.c has already checked that the caller may use the
 * route at all (its role); here the question is the object: a record
 * kind (struct record_kind) names the roles that may ask and a scope
 * statement of the worker that returns the record only when this caller
 * may see it, by municipality, by organisation (provider staff), by an
 * explicit grant to the account (referrals, assigned cases), or by role.
 *
 * A refusal is indistinguishable from a record that does not exist (404:
 * a 403 would tell that it exists) and is written to the audit trail.  A
 * read that cannot be audited is not shown.
 */
#include <stdlib.h>
#include <string.h>

#include "karika.h"

/* The value of one scope parameter for the caller of r. */
static struct db_param
scope_value(const struct req *r, enum scope_param sp)
{
	const struct sess *s = r->sess;

	switch (sp) {
	case SCOPE_MUNICIPALITY:
		return DBP_I(s != NULL ? s->municipality : 0);
	case SCOPE_ORGANISATION:
		return DBP_I(s != NULL ? s->organisation : 0);
	case SCOPE_ACCOUNT:
		return DBP_I(s != NULL ? s->account : 0);
	case SCOPE_ROLE_CSW:
		return DBP_I(s != NULL && (s->perms & PERM_ROLE(ROLE_CSW)));
	case SCOPE_ROLE_ADMIN:
		return DBP_I(s != NULL && (s->perms & PERM_ROLE(ROLE_ADMIN)));
	default:
		abort();
	}
}

/*
 * Looks record id of kind k up for the caller into res (one row: the
 * scope statement's columns).  Returns HTTP_OK, HTTP_NOT_FOUND after
 * auditing the refused attempt as action, or the database's outcome.
 */
enum http_status
record_check(struct req *r, const struct record_kind *k, int64_t id,
    const char *action, struct db_res *res)
{
	struct db_param p[SCOPE_MAX_PARAMS + 1];
	unsigned have = r->sess != NULL ? r->sess->perms : PERM_ANON;
	enum db_rc rc;
	size_t n;

	memset(res, 0, sizeof(*res));
	if ((k->perms & have) != 0) {
		p[0] = DBP_I(id);
		for (n = 0; n < SCOPE_MAX_PARAMS && k->params[n] != SCOPE_END;
		     n++)
			p[n + 1] = scope_value(r, k->params[n]);
		if ((rc = db_run(r, k->stmt, p, n + 1, res)) != DB_OK)
			return db_status(rc);
		if (res->nrows == 1)
			return HTTP_OK;
	}
	if ((rc = audit(r, action, k->type, id, "not-found")) != DB_OK)
		return db_status(rc);
	return HTTP_NOT_FOUND;
}

/*
 * record_check() for a read: the record's row in res, and the read in the
 * audit trail (action, e.g. "person.read").  Returns HTTP_OK only when
 * both happened; a read that could not be audited is not shown.
 */
enum http_status
record_open(struct req *r, const struct record_kind *k, int64_t id,
    const char *action, struct db_res *res)
{
	enum http_status st;
	enum db_rc rc;

	if ((st = record_check(r, k, id, action, res)) != HTTP_OK)
		return st;
	if ((rc = audit(r, action, k->type, id, "ok")) != DB_OK)
		return db_status(rc);
	return HTTP_OK;
}

/*
 * Access that follows qualification (issue 16).  A professional whose
 * position works on cases needs a current licence and a current
 * certificate of every course the position requires; when one lapses,
 * session_load (migration 0014) says so in r->sess (qual_lapsed, with
 * what lapsed), and this refuses the routes of case and person records.
 *
 * Which routes those are is read from the route's permissions, so that
 * no route table needs a new flag: a route that only the case-working
 * roles (CSW workers and provider staff, PERM_CASEWORK), and perhaps
 * partner staff, may call is work on cases and persons: the register of
 * persons, cases, DV, enrolments, deliveries.  Routes also open to other
 * roles (organisations, the protocol, the account, the training pages)
 * stay open, and so does a case-work route for a caller who holds
 * another role it allows.  Passing the course changes the professional's
 * row, so the next request's session has no lapse: access comes back at
 * once.
 *
 * Returns HTTP_OK when the route may run.  Otherwise answers 403 itself
 * with the reason (the page's <qualification>: what lapsed, the last
 * valid day, the course and its title; <error key="qual.refused"/>
 * says it in words for a stylesheet without that template), audits the
 * refusal as "access.suspended" (the request's log line names the
 * route), and returns HTTP_FORBIDDEN.
 */
enum http_status
qual_gate(struct req *r, unsigned perms)
{
	const struct sess *s = r->sess;
	struct xml *x = NULL;
	const char *doc, *title;
	size_t len;

	if (s == NULL || s->qual_lapsed == NULL)
		return HTTP_OK;
	if ((perms & PERM_CASEWORK) == 0 ||
	    (perms & ~(PERM_CASEWORK | PERM_ROLE(ROLE_PARTNER))) != 0 ||
	    (perms & s->perms & ~PERM_CASEWORK) != 0)
		return HTTP_OK;
	audit(r, "access.suspended", "route", 0, "suspended");
	title = s->qual_title[r->locale];
	x = xml_new();
	if (xml_open_page(x, r) == -1 || xml_start(x, "error") == -1 ||
	    xml_attr(x, "status", "403") == -1 ||
	    xml_attr(x, "key", "qual.refused") == -1 || xml_end(x) == -1 ||
	    xml_start(x, "qualification") == -1 ||
	    xml_attr(x, "what",
		s->qual_what != NULL ? s->qual_what : "licence") == -1 ||
	    xml_attr(x, "lapsed", s->qual_lapsed) == -1 ||
	    (s->qual_course > 0 &&
		xml_attr_int(x, "course", s->qual_course) == -1) ||
	    (title != NULL && xml_attr(x, "title", title) == -1) ||
	    xml_end(x) == -1 || xml_close_page(x) == -1 ||
	    xml_finish(x, &doc, &len) == -1) {
		resp_error(r, HTTP_FORBIDDEN, "qual.refused");
		goto out;
	}
	resp_send_xml(r, HTTP_FORBIDDEN, doc, len);
out:
	xml_free(x);
	return HTTP_FORBIDDEN;
}
