/* SPDX-License-Identifier: ISC */
/*
 * admin.c: the administrators' pages under /registry/admin/: staff
 * accounts of the municipality (find, invite with a role and scope,
 * disable and enable) and the audit trail.  Only ROLE_ADMIN reaches these
 * (the route table); each handler also checks that the account it touches
 * belongs to the administrator's municipality, and answers 404 otherwise.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define TOKEN_INVITE_SECONDS (7 * 24 * 3600)

/* The roles an administrator may give (a citizen registers alone). */
static const char *const staff_roles[] = {
    "provider", "csw", "analyst", "editor", "admin", NULL};

enum { AF_NAME, AF_EMAIL, AF_ROLE, AF_ORGANISATION, AF__MAX };
static const struct field account_fields[AF__MAX] = {
    {"name", VALID_TEXT, true, 2, 120, "field.name", "off", NULL},
    {"email", VALID_EMAIL, true, 0, 254, "field.email", "off", NULL},
    {"role", VALID_CHOICE, true, 0, 0, "field.role", NULL, staff_roles},
    {"organisation", VALID_ID, false, 0, 0, "field.organisation", NULL, NULL},
};

enum { QF_Q, QF__MAX };
static const struct field find_fields[QF__MAX] = {
    {"q", VALID_TEXT, false, 0, 100, "admin.find", "off", NULL},
};

/* The organisations of the municipality, as choices for a form. */
static int
write_organisations(struct req *r, struct xml *x)
{
	struct db_param p[2] = {
	    DBP_I((int64_t)r->locale + 1), DBP_I(r->sess->municipality)};
	struct db_res res;
	size_t i;

	if (db_exec(r->w->db, r->arena, STMT_ORGANISATIONS, p, 2, &res) !=
	    DB_OK)
		return -1;
	if (xml_start(x, "options") == -1 ||
	    xml_attr(x, "for", "organisation") == -1)
		return -1;
	for (i = 0; i < res.nrows; i++)
		if (xml_start(x, "option") == -1 ||
		    xml_attr(x, "value", db_str(&res, i, 0)) == -1 ||
		    xml_text(x, db_str(&res, i, 1)) == -1 || xml_end(x) == -1)
			return -1;
	return xml_end(x);
}

/* <role name/> for each of "admin,csw" (GROUP_CONCAT of role names). */
static int
write_roles(struct xml *x, const char *list)
{
	char name[16];
	const char *p, *comma;
	size_t n;

	for (p = list; p != NULL && *p != '\0';
	     p = comma != NULL ? comma + 1 : NULL) {
		comma = strchr(p, ',');
		n = comma != NULL ? (size_t)(comma - p) : strlen(p);
		if (n == 0 || n >= sizeof(name))
			continue;
		memcpy(name, p, n);
		name[n] = '\0';
		if (xml_start(x, "role") == -1 ||
		    xml_attr(x, "name", name) == -1 || xml_end(x) == -1)
			return -1;
	}
	return 0;
}

/* The accounts page: the search, the list, the form for a new account. */
static enum http_status
accounts_page(struct req *r, struct xml *x, const struct form *nf)
{
	struct form q, empty;
	struct db_param p[5];
	struct db_res res;
	enum db_rc rc;
	const char *like;
	size_t i;

	form_validate(r, find_fields, QF__MAX, &q);
	if (r->method == METHOD_POST)
		form_empty(r, QF__MAX, &q);
	like = arena_printf(r->arena, "%%%s%%", q.text[QF_Q]);
	p[0] = DBP_I((int64_t)r->locale + 1);
	p[1] = DBP_I(r->sess->municipality);
	p[2] = DBP_S(q.error[QF_Q] == NULL ? q.text[QF_Q] : "");
	p[3] = DBP_S(like);
	p[4] = DBP_S(like);
	if ((rc = db_exec(
		 r->w->db, r->arena, STMT_ACCOUNTS_FIND, p, 5, &res)) != DB_OK)
		return db_status(rc);
	if (nf == NULL) {
		form_empty(r, AF__MAX, &empty);
		nf = &empty;
	}
	if (xml_start(x, "admin-accounts") == -1 ||
	    form_write(x, "get", "/registry/admin/accounts",
		"admin.find.submit", find_fields, &q) == -1 ||
	    xml_start(x, "accounts") == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < res.nrows; i++)
		if (xml_start(x, "account") == -1 ||
		    xml_attr(x, "id", db_str(&res, i, 0)) == -1 ||
		    xml_attr(x, "email", db_str(&res, i, 1)) == -1 ||
		    xml_attr(x, "status", db_str(&res, i, 3)) == -1 ||
		    xml_attr(x, "organisation", db_str(&res, i, 5)) == -1 ||
		    xml_attr(x, "name", db_str(&res, i, 2)) == -1 ||
		    write_roles(x, db_str(&res, i, 4)) == -1 ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	if (xml_end(x) == -1 || write_organisations(r, x) == -1 ||
	    form_write(x, "post", "/registry/admin/accounts/new",
		"admin.create.submit", account_fields, nf) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	if (nf->nerrors > 0) {
		r->render = true;
		return HTTP_UNPROCESSABLE;
	}
	return HTTP_OK;
}

/* GET /registry/admin/accounts[?q=]: find accounts of the municipality. */
enum http_status
admin_accounts(struct req *r, struct xml *x)
{
	return accounts_page(r, x, NULL);
}

/*
 * POST /registry/admin/accounts/new: a staff account with one role in
 * the administrator's municipality (a provider role also names one of its
 * organisations) and an invitation to set a password.
 */
enum http_status
admin_account_create(struct req *r, struct xml *x)
{
	struct form f;
	struct db_param p[5];
	struct db_res res;
	enum db_rc rc;
	const char *token;
	bool provider;
	int64_t id;

	form_validate(r, account_fields, AF__MAX, &f);
	provider = f.error[AF_ROLE] == NULL &&
	    strcmp(f.text[AF_ROLE], "provider") == 0;
	if (provider && f.error[AF_ORGANISATION] == NULL &&
	    !f.present[AF_ORGANISATION])
		form_error(&f, AF_ORGANISATION, "invalid.required");
	if (provider && f.nerrors == 0) {
		/* Only an organisation of the administrator's municipality. */
		p[0] = DBP_I(f.num[AF_ORGANISATION]);
		p[1] = DBP_I(r->sess->municipality);
		if ((rc = db_exec(r->w->db, r->arena,
			 STMT_ORGANISATION_IN_SCOPE, p, 2, &res)) != DB_OK)
			return db_status(rc);
		if (res.nrows == 0)
			form_error(&f, AF_ORGANISATION, "invalid.choice");
	}
	if (f.nerrors > 0)
		return accounts_page(r, x, &f);
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_status(rc);
	p[0] = DBP_S(f.text[AF_EMAIL]);
	p[1] = DBP_S(f.text[AF_NAME]);
	p[2] = DBP_NUL;
	p[3] = DBP_S(locale_tags[r->locale]);
	p[4] = DBP_I(0);
	rc = db_exec(r->w->db, r->arena, STMT_ACCOUNT_INSERT, p, 5, &res);
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		form_error(&f, AF_EMAIL, "admin.email.taken");
		return accounts_page(r, x, &f);
	}
	if (rc != DB_OK)
		return db_undo(r, rc);
	id = (int64_t)res.insert_id;
	p[0] = DBP_I(id);
	p[1] = DBP_S(f.text[AF_ROLE]);
	p[2] = DBP_I(r->sess->municipality);
	p[3] = provider ? DBP_I(f.num[AF_ORGANISATION]) : DBP_NUL;
	rc = db_exec(r->w->db, r->arena, STMT_ROLE_INSERT, p, 4, NULL);
	if (rc != DB_OK ||
	    (token = token_issue(
		 r, id, "invite", NULL, TOKEN_INVITE_SECONDS, &rc)) == NULL ||
	    (rc = outbox_add(r, f.text[AF_EMAIL], locale_tags[r->locale],
		 "invite", f.text[AF_NAME],
		 arena_printf(r->arena, "/account/invite?token=%s", token))) !=
		DB_OK)
		return db_undo(r, rc);
	audit(r, "account.create", "account", id, f.text[AF_ROLE]);
	if ((rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	r->redirect = "/registry/admin/accounts?done=created";
	return HTTP_SEE_OTHER;
}

/*
 * POST /registry/admin/accounts/N/disable and …/enable.  Disabling ends
 * the account's sessions at once; enabling lets it sign in again (an
 * account that never set a password stays pending).  An account outside
 * the administrator's municipality is a 404, and audited.
 */
static enum http_status
set_status(struct req *r, size_t stmt, const char *action)
{
	struct db_param p[2];
	struct db_res res;
	enum db_rc rc;
	int64_t id = r->ids[0];

	p[0] = DBP_I(id);
	p[1] = DBP_I(r->sess->municipality);
	if ((rc = db_exec(r->w->db, r->arena, STMT_ACCOUNT_IN_SCOPE, p, 2,
		 &res)) != DB_OK)
		return db_status(rc);
	if (res.nrows == 0) {
		audit(r, action, "account", id, "not-found");
		return HTTP_NOT_FOUND;
	}
	if (id == r->sess->account) {
		audit(r, action, "account", id, "refused");
		return HTTP_CONFLICT; /* an administrator cannot lock themselves
					 out */
	}
	p[0] = DBP_I(id);
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = db_exec(r->w->db, r->arena, stmt, p, 1, NULL)) != DB_OK)
		return db_undo(r, rc);
	p[0] = DBP_I(id);
	if ((rc = db_exec(r->w->db, r->arena, STMT_SESSIONS_DELETE_ALL, p, 1,
		 NULL)) != DB_OK)
		return db_undo(r, rc);
	audit(r, action, "account", id, "ok");
	if ((rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	r->redirect = arena_printf(r->arena, "/registry/admin/accounts?done=%s",
	    action + strlen("account."));
	return HTTP_SEE_OTHER;
}

enum http_status
admin_account_disable(struct req *r, struct xml *x)
{
	return set_status(r, STMT_ACCOUNT_DISABLE, "account.disable");
}

enum http_status
admin_account_enable(struct req *r, struct xml *x)
{
	return set_status(r, STMT_ACCOUNT_ENABLE, "account.enable");
}

enum { UF_EMAIL, UF_ACTION, UF_FROM, UF_TO, UF__MAX };
static const struct field audit_fields[UF__MAX] = {
    {"email", VALID_EMAIL, false, 0, 254, "field.email", "off", NULL},
    {"action", VALID_TEXT, false, 0, 48, "audit.action", "off", NULL},
    {"from", VALID_TEXT, false, 10, 10, "audit.from", "off", NULL},
    {"to", VALID_TEXT, false, 10, 10, "audit.to", "off", NULL},
};

/* True for a real calendar date "YYYY-MM-DD". */
static bool
date_ok(const char *s)
{
	static const int days[] = {
	    31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int64_t y, m, d;
	char buf[5];

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	memcpy(buf, s, 4);
	buf[4] = '\0';
	if (str_to_int64(buf, 1900, 2999, &y) == -1)
		return false;
	memcpy(buf, s + 5, 2);
	buf[2] = '\0';
	if (str_to_int64(buf, 1, 12, &m) == -1)
		return false;
	memcpy(buf, s + 8, 2);
	if (str_to_int64(buf, 1, days[m - 1], &d) == -1)
		return false;
	return m != 2 || d < 29 ||
	    (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

/*
 * GET /registry/admin/audit?email=&action=&from=&to=: the newest 200 rows
 * of the audit trail that match.  Reading it is itself audited.
 */
enum http_status
admin_audit(struct req *r, struct xml *x)
{
	struct form f;
	struct db_param p[6];
	struct db_res res;
	enum db_rc rc;
	const char *from, *to;
	size_t i;

	form_validate(r, audit_fields, UF__MAX, &f);
	if (f.error[UF_FROM] == NULL && *f.text[UF_FROM] != '\0' &&
	    !date_ok(f.text[UF_FROM]))
		form_error(&f, UF_FROM, "invalid.date");
	if (f.error[UF_TO] == NULL && *f.text[UF_TO] != '\0' &&
	    !date_ok(f.text[UF_TO]))
		form_error(&f, UF_TO, "invalid.date");
	from = f.error[UF_FROM] == NULL && *f.text[UF_FROM] != '\0'
	    ? f.text[UF_FROM]
	    : "1970-01-01";
	to = f.error[UF_TO] == NULL && *f.text[UF_TO] != '\0' ? f.text[UF_TO]
							      : "2999-12-31";
	p[0] = DBP_S(f.error[UF_EMAIL] == NULL ? f.text[UF_EMAIL] : "");
	p[1] = p[0];
	p[2] = DBP_S(f.error[UF_ACTION] == NULL ? f.text[UF_ACTION] : "");
	p[3] = DBP_S(arena_printf(r->arena, "%s%%", p[2].s));
	p[4] = DBP_S(from);
	p[5] = DBP_S(to);
	if ((rc = db_exec(r->w->db, r->arena, STMT_AUDIT_FIND, p, 6, &res)) !=
	    DB_OK)
		return db_status(rc);
	audit(r, "audit.read", "", 0, "ok");
	if (xml_start(x, "admin-audit") == -1 ||
	    form_write(x, "get", "/registry/admin/audit", "audit.submit",
		audit_fields, &f) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < res.nrows; i++)
		if (xml_start(x, "entry") == -1 ||
		    xml_attr(x, "at", db_str(&res, i, 0)) == -1 ||
		    xml_attr(x, "account", db_str(&res, i, 1)) == -1 ||
		    xml_attr(x, "email", db_str(&res, i, 2)) == -1 ||
		    xml_attr(x, "role", db_str(&res, i, 3)) == -1 ||
		    xml_attr(x, "action", db_str(&res, i, 4)) == -1 ||
		    xml_attr(x, "object-type", db_str(&res, i, 5)) == -1 ||
		    xml_attr(x, "object-id", db_str(&res, i, 6)) == -1 ||
		    xml_attr(x, "rid", db_str(&res, i, 7)) == -1 ||
		    xml_attr(x, "worker", db_str(&res, i, 8)) == -1 ||
		    xml_attr(x, "outcome", db_str(&res, i, 9)) == -1 ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	if (f.nerrors > 0) {
		r->render = true;
		return HTTP_UNPROCESSABLE;
	}
	return HTTP_OK;
}
