/* SPDX-License-Identifier: ISC */
/*
 * admin.c: the administrators' pages under /registry/admin/: staff
 * accounts of the municipality (find, invite with a role and scope,
 * disable and enable after a confirmation) and the audit trail.  Only
 * ROLE_ADMIN reaches these (the route table); an account is a record kind
 * (auth.c) that the administrator may open only in their own
 * municipality: any other is a 404, and audited.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define TOKEN_INVITE_SECONDS (7 * 24 * 3600)

/* An account of the administrator's municipality. */
static const struct record_kind account_kind = {
    .type = "account",
    .perms = PERM_ROLE(ROLE_ADMIN),
    .stmt = STMT_ACCOUNT_IN_SCOPE,
    .params = {SCOPE_MUNICIPALITY},
};

/* The roles an administrator may give (a citizen registers alone). */
static const char *const staff_roles[] = {
    "provider", "csw", "analyst", "editor", "admin", "partner", NULL};

enum { AF_NAME, AF_EMAIL, AF_ROLE, AF_ORGANISATION, AF__MAX };
static const struct field account_fields[AF__MAX] = {
    {"name", VALID_TEXT, true, 2, 120, "field.name", "off", NULL, NULL},
    {"email", VALID_EMAIL, true, 0, 254, "field.email", "off", NULL, NULL},
    {"role", VALID_CHOICE, true, 0, 0, "field.role", NULL, staff_roles,
	"role."},
    {"organisation", VALID_ID, false, 0, 0, "field.organisation", NULL, NULL,
	NULL},
};

enum { QF_Q, QF__MAX };
static const struct field find_fields[QF__MAX] = {
    {"q", VALID_TEXT, false, 0, 100, "admin.find", "off", NULL, NULL},
};

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

/* The search box as asked (?q=), for the list and the way back to it. */
static const char *
find_query(struct req *r, struct form *q)
{
	form_validate(r, find_fields, QF__MAX, q);
	if (r->method == METHOD_POST) {
		/* The search the administrator came from travels along. */
		q->text[QF_Q] = kv_get(&r->form, "q") != NULL &&
			utf8_chars(kv_get(&r->form, "q"),
			    strlen(kv_get(&r->form, "q"))) <= 100
		    ? kv_get(&r->form, "q")
		    : "";
		q->error[QF_Q] = NULL;
		q->nerrors = 0;
		q->problem = NULL;
	}
	return q->error[QF_Q] == NULL ? q->text[QF_Q] : "";
}

/* "?q=…" that keeps the search in a link, or "" when there is none. */
static const char *
find_qs(struct req *r)
{
	struct form q;
	const char *find = find_query(r, &q);

	if (*find == '\0')
		return "";
	return arena_printf(r->arena, "?q=%s", str_pct_encode(r->arena, find));
}

/*
 * The accounts page around the form for a new account: the search, the
 * accounts found (each with its roles), the organisations to choose.
 */
static int
accounts_extra(struct req *r, struct xml *x, const struct form *nf)
{
	struct form q;
	struct db_res res, orgs;
	const char *find = find_query(r, &q);
	const char *like = arena_printf(r->arena, "%%%s%%", find);
	size_t i;

	if (DBQ(r, STMT_ACCOUNTS_FIND, &res, DBP_LOCALE(r),
		DBP_I(r->sess->municipality), DBP_S(find), DBP_S(like),
		DBP_S(like)) != DB_OK ||
	    DBQ(r, STMT_ORGANISATIONS, &orgs, DBP_LOCALE(r),
		DBP_I(r->sess->municipality)) != DB_OK)
		return -1;
	if (form_write(x, "get", "/registry/admin/accounts",
		"admin.find.submit", find_fields, &q) == -1 ||
	    xml_start(x, "accounts") == -1 ||
	    xml_attr(x, "qs", find_qs(r)) == -1)
		return -1;
	for (i = 0; i < res.nrows; i++)
		if (xml_start(x, "account") == -1 ||
		    xml_row_attrs(x, &res, i) == -1 ||
		    write_roles(x, db_str(&res, i, "roles")) == -1 ||
		    xml_end(x) == -1)
			return -1;
	if (xml_end(x) == -1)
		return -1;
	return form_options(x, "organisation", &orgs);
}

static enum http_status account_check(struct req *, struct form *);
static enum http_status account_save(struct req *, struct form *);

static const struct form_page accounts_page = {
    .elem = "admin-accounts",
    .method = "post",
    .action = "/registry/admin/accounts/new",
    .submit = "admin.create.submit",
    .fields = account_fields,
    .nfields = AF__MAX,
    .extra = accounts_extra,
    .check = account_check,
    .save = account_save,
};

/* GET /registry/admin/accounts[?q=]: find accounts of the municipality. */
enum http_status
admin_accounts(struct req *r, struct xml *x)
{
	return form_get(r, x, &accounts_page);
}

/* POST /registry/admin/accounts/new: see account_save(). */
enum http_status
admin_account_create(struct req *r, struct xml *x)
{
	return form_post(r, x, &accounts_page);
}

/*
 * A provider (or partner) role also names one of the organisations of the
 * administrator's municipality.
 */
static enum http_status
account_check(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;

	if (f->error[AF_ROLE] != NULL ||
	    (strcmp(f->text[AF_ROLE], "provider") != 0 &&
		strcmp(f->text[AF_ROLE], "partner") != 0) ||
	    f->error[AF_ORGANISATION] != NULL)
		return HTTP_OK;
	if (!f->present[AF_ORGANISATION] || *f->text[AF_ORGANISATION] == '\0') {
		form_error(f, AF_ORGANISATION, "invalid.required");
		return HTTP_OK;
	}
	if ((rc = DBQ(r, STMT_ORGANISATION_IN_SCOPE, &res,
		 DBP_I(f->num[AF_ORGANISATION]),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (res.nrows == 0)
		form_error(f, AF_ORGANISATION, "invalid.choice");
	return HTTP_OK;
}

/*
 * A staff account with one role in the administrator's municipality and
 * an invitation to set a password; 303 back to the list with a notice.
 */
static enum http_status
account_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	const char *token;
	/* provider and partner staff are scoped to their organisation */
	bool provider = strcmp(f->text[AF_ROLE], "provider") == 0 ||
	    strcmp(f->text[AF_ROLE], "partner") == 0;
	int64_t id;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	rc = DBQ(r, STMT_ACCOUNT_INSERT, &res, DBP_S(f->text[AF_EMAIL]),
	    DBP_S(f->text[AF_NAME]), DBP_NUL, DBP_S(locale_tags[r->locale]),
	    DBP_I(0));
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		form_error(f, AF_EMAIL, "admin.email.taken");
		return HTTP_UNPROCESSABLE;
	}
	if (rc != DB_OK)
		return db_undo(r, rc);
	id = (int64_t)res.insert_id;
	if ((rc = DBQ(r, STMT_ROLE_INSERT, NULL, DBP_I(id),
		 DBP_S(f->text[AF_ROLE]), DBP_I(r->sess->municipality),
		 provider ? DBP_I(f->num[AF_ORGANISATION]) : DBP_NUL)) !=
		DB_OK ||
	    (token = token_issue(
		 r, id, "invite", NULL, TOKEN_INVITE_SECONDS, &rc)) == NULL ||
	    (rc = outbox_add(r, f->text[AF_EMAIL], locale_tags[r->locale],
		 "invite", f->text[AF_NAME],
		 arena_printf(r->arena, "/account/invite?token=%s", token))) !=
		DB_OK ||
	    (rc = audit(r, "account.create", "account", id,
		 f->text[AF_ROLE])) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, "/registry/admin/accounts", "created");
}

/*
 * GET /registry/admin/accounts/N/disable and …/enable: what will happen
 * to whom, and the button that does it (disabling signs the account out
 * everywhere at once: it is not done in one click).  Not offered for the
 * administrator's own account.
 */
enum http_status
admin_account_confirm(struct req *r, struct xml *x)
{
	struct form q;
	struct db_res res;
	enum http_status st;
	const char *action =
	    strstr(r->path, "/enable") != NULL ? "enable" : "disable";

	if ((st = record_check(
		 r, &account_kind, r->ids[0], "account.open", &res)) != HTTP_OK)
		return st;
	if (xml_start(x, "admin-confirm") == -1 ||
	    xml_attr(x, "action", action) == -1 ||
	    xml_attr(x, "self", r->ids[0] == r->sess->account ? "1" : NULL) ==
		-1 ||
	    xml_attr(x, "q", find_query(r, &q)) == -1 ||
	    xml_attr(x, "qs", find_qs(r)) == -1 ||
	    xml_start(x, "account") == -1 || xml_row_attrs(x, &res, 0) == -1 ||
	    xml_end(x) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * POST /registry/admin/accounts/N/disable and …/enable.  Disabling ends
 * the account's sessions at once; enabling lets it sign in again (an
 * account that never set a password stays pending).  An administrator
 * cannot lock themselves out (409).  303 back to the list as it was
 * searched, with a notice.
 */
static enum http_status
set_status(struct req *r, size_t stmt, const char *action, const char *done)
{
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	int64_t id = r->ids[0];

	if ((st = record_check(r, &account_kind, id, action, &res)) != HTTP_OK)
		return st;
	if (id == r->sess->account) {
		audit(r, action, "account", id, "refused");
		return HTTP_CONFLICT;
	}
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, stmt, NULL, DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_SESSIONS_DELETE_ALL, NULL, DBP_I(id))) != DB_OK ||
	    (rc = audit(r, action, "account", id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/registry/admin/accounts%s", find_qs(r)),
	    done);
}

enum http_status
admin_account_disable(struct req *r, struct xml *x)
{
	return set_status(
	    r, STMT_ACCOUNT_DISABLE, "account.disable", "disable");
}

enum http_status
admin_account_enable(struct req *r, struct xml *x)
{
	return set_status(r, STMT_ACCOUNT_ENABLE, "account.enable", "enable");
}

enum { UF_EMAIL, UF_ACTION, UF_FROM, UF_TO, UF__MAX };
static const struct field audit_fields[UF__MAX] = {
    {"email", VALID_EMAIL, false, 0, 254, "field.email", "off", NULL, NULL},
    /* Its choices: every action the trail holds (audit_fields_for). */
    {"action", VALID_CHOICE, false, 0, 0, "audit.action", NULL, NULL,
	"audit.action."},
    {"from", VALID_DATE, false, 0, 0, "audit.from", "off", NULL, NULL},
    {"to", VALID_DATE, false, 0, 0, "audit.to", "off", NULL, NULL},
};

/*
 * The audit filter's field table with its action choices: every action
 * the trail holds (each shown in its catalogue words audit.action.<code>;
 * a code also matches the codes it begins, "login" matching
 * "login.failed"), so that a new audited action needs no list here.
 * Fills f (UF__MAX fields, choices in the arena); -1 on a database failure.
 */
static int
audit_fields_for(struct req *r, struct field *f)
{
	struct db_res res;
	const char **list;
	size_t i;

	if (db_run(r, STMT_AUDIT_ACTIONS, NULL, 0, &res) != DB_OK)
		return -1;
	list = arena_calloc(r->arena, res.nrows + 1, sizeof(*list));
	for (i = 0; i < res.nrows; i++)
		list[i] = db_str(&res, i, "action");
	memcpy(f, audit_fields, sizeof(audit_fields));
	f[UF_ACTION].choices = list;
	return 0;
}

/* The value of field i of a search form, or "" when absent or wrong. */
static const char *
asked(const struct form *f, size_t i)
{
	return f->error[i] == NULL ? f->text[i] : "";
}

/*
 * GET /registry/admin/audit?email=&action=&from=&to=: the newest 200 rows
 * of the audit trail that match.  Reading it is itself audited.
 */
enum http_status
admin_audit(struct req *r, struct xml *x)
{
	struct field fields[UF__MAX];
	struct form f;
	struct db_res res;
	enum db_rc rc;
	const char *from, *to, *action;

	if (audit_fields_for(r, fields) == -1)
		return HTTP_UNAVAILABLE;
	form_validate(r, fields, UF__MAX, &f);
	from = *asked(&f, UF_FROM) != '\0' ? asked(&f, UF_FROM) : "1970-01-01";
	to = *asked(&f, UF_TO) != '\0' ? asked(&f, UF_TO) : "2999-12-31";
	action = asked(&f, UF_ACTION);
	if ((rc = DBQ(r, STMT_AUDIT_FIND, &res, DBP_S(asked(&f, UF_EMAIL)),
		 DBP_S(asked(&f, UF_EMAIL)), DBP_S(action),
		 DBP_S(arena_printf(r->arena, "%s%%", action)), DBP_S(from),
		 DBP_S(to))) != DB_OK ||
	    (rc = audit(r, "audit.read", "", 0, "ok")) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "admin-audit") == -1 ||
	    form_write(x, "get", "/registry/admin/audit", "audit.submit",
		fields, &f) == -1 ||
	    xml_rows(x, "entry", &res) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return form_status(r, &f);
}
