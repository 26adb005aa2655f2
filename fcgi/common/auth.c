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
