/* SPDX-License-Identifier: ISC */
/*
 * account.c: the account pages of citizens and staff: register and
 * confirm the e-mail, sign in and out, forgotten password, the profile
 * (change password, change e-mail with re-confirmation, open sessions,
 * sign out everywhere) and accepting an invitation.  The session and
 * CSRF checks ran in route.c; the forms are page.c's form pages; tokens,
 * sessions and the throttle are token.c's.
 *
 * Nothing here tells a stranger whether an e-mail has an account: sign-in
 * failures share one message, and registration and the forgotten-password
 * form answer the same page whether or not the address is known (the
 * owner of a known address gets an e-mail saying so instead).
 */
#include <stdlib.h>
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define TOKEN_CONFIRM_SECONDS (48 * 3600)
#define TOKEN_RESET_SECONDS   (2 * 3600)
#define TOKEN_EMAIL_SECONDS   (48 * 3600)

/* A hash nobody's password matches: failed look-ups cost as much time. */
static const char dummy_hash[] =
    "$y$j9T$6SsqhZ6l5pI1ZYiTUbIF1/$.c/Jfs03DkhWoXKBUhcRE9OjT1Y5/c8tjKJLGjRvDJ6";

/* --- field tables ------------------------------------------------------- */

enum { RF_NAME, RF_EMAIL, RF_PASSWORD, RF_PRIVACY, RF__MAX };
static const struct field register_fields[RF__MAX] = {
    {"name", VALID_TEXT, true, 2, 120, "field.name", "name", NULL, NULL},
    {"email", VALID_EMAIL, true, 0, 254, "field.email", "email", NULL, NULL},
    {"password", VALID_PASSWORD, true, 0, 0, "field.password.new",
	"new-password", NULL, NULL},
    {"privacy", VALID_CHECKBOX, true, 0, 0, "register.privacy", NULL, NULL,
	NULL},
};

enum { LF_EMAIL, LF_PASSWORD, LF_NEXT, LF__MAX };
static const struct field login_fields[LF__MAX] = {
    {"email", VALID_EMAIL, true, 0, 254, "field.email", "username", NULL, NULL},
    {"password", VALID_PASSWORD, true, 0, 0, "field.password",
	"current-password", NULL, NULL},
    {"next", VALID_LOCALPATH, false, 0, 0, "field.next", NULL, NULL, NULL},
};

enum { FF_EMAIL, FF__MAX };
static const struct field forgot_fields[FF__MAX] = {
    {"email", VALID_EMAIL, true, 0, 254, "field.email", "email", NULL, NULL},
};

enum { TF_TOKEN, TF__MAX };
static const struct field token_fields[TF__MAX] = {
    {"token", VALID_TOKEN, true, 0, 0, "invalid.token", NULL, NULL, NULL},
};

enum { SF_TOKEN, SF_PASSWORD, SF__MAX };
static const struct field setpw_fields[SF__MAX] = {
    {"token", VALID_TOKEN, true, 0, 0, "invalid.token", NULL, NULL, NULL},
    {"password", VALID_PASSWORD, true, 0, 0, "field.password.new",
	"new-password", NULL, NULL},
};

enum { PF_CURRENT, PF_NEW, PF__MAX };
static const struct field password_fields[PF__MAX] = {
    {"current_password", VALID_PASSWORD, true, 0, 0, "field.password.current",
	"current-password", NULL, NULL},
    {"new_password", VALID_PASSWORD, true, 0, 0, "field.password.new",
	"new-password", NULL, NULL},
};

enum { EF_EMAIL, EF_PASSWORD, EF__MAX };
static const struct field email_fields[EF__MAX] = {
    {"new_email", VALID_EMAIL, true, 0, 254, "field.email.new", "email", NULL,
	NULL},
    {"email_password", VALID_PASSWORD, true, 0, 0, "field.password.current",
	"current-password", NULL, NULL},
};

/* --- helpers ------------------------------------------------------------ */

/* The message key for a password that will not do. */
static const char *
pw_problem_key(enum pw_problem p)
{
	switch (p) {
	case PW_OK:
		return NULL;
	case PW_TOO_SHORT:
		return "invalid.password.short";
	case PW_TOO_LONG:
		return "invalid.too_long";
	case PW_COMMON:
		return "invalid.password.common";
	default:
		abort();
	}
}

/*
 * A page that only says something (a link was sent, a link no longer
 * works): <account page="notice" for="…"><notice key/></account>, sent
 * with status st.  for names the link's kind, so that the page offers
 * the right way to get a new one.
 */
static enum http_status
notice_page(struct req *r, struct xml *x, const char *key, const char *kind,
    enum http_status st)
{
	if (xml_start(x, "account") == -1 ||
	    xml_attr(x, "page", "notice") == -1 ||
	    xml_attr(x, "for", kind) == -1 || notice_write(x, key) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	r->render = true;
	return st;
}

/* "The link no longer works", for a link of purpose kind: 400. */
static enum http_status
link_dead(struct req *r, struct xml *x, const char *kind)
{
	return notice_page(r, x, "token.invalid", kind, HTTP_BAD_REQUEST);
}

/* Checks the caller's current password; -1 on a database failure. */
static int
current_password_ok(struct req *r, const char *pw, bool *ok)
{
	struct db_res res;

	if (DBQ(r, STMT_ACCOUNT_BY_EMAIL, &res, DBP_S(r->sess->email)) != DB_OK)
		return -1;
	*ok = res.nrows == 1 && pw_verify(pw, db_str(&res, 0, "hash"));
	return 0;
}

/* --- registration ------------------------------------------------------- */

static enum http_status register_check(struct req *, struct form *);
static enum http_status register_save(struct req *, struct form *);

static const struct form_page register_page = {
    .elem = "account",
    .page = "register",
    .method = "post",
    .action = "/account/register",
    .submit = "register.submit",
    .fields = register_fields,
    .nfields = RF__MAX,
    .check = register_check,
    .save = register_save,
};

/* GET /account/register: the form. */
enum http_status
register_new(struct req *r, struct xml *x)
{
	return form_get(r, x, &register_page);
}

/* POST /account/register: see register_save(). */
enum http_status
register_create(struct req *r, struct xml *x)
{
	return form_post(r, x, &register_page);
}

/* The privacy notice's own message; the password's quality. */
static enum http_status
register_check(struct req *r, struct form *f)
{
	if (f->error[RF_PRIVACY] != NULL)
		form_error(f, RF_PRIVACY, "register.privacy.required");
	if (f->error[RF_PASSWORD] == NULL)
		form_error(f, RF_PASSWORD,
		    pw_problem_key(pw_check(f->text[RF_PASSWORD],
			f->text[RF_EMAIL], f->text[RF_NAME])));
	return HTTP_OK;
}

/*
 * A pending citizen account, a confirmation link by e-mail, 303 to
 * "check your e-mail".  A known address gets a note instead, and the same
 * 303: nothing tells which e-mails have accounts.
 */
static enum http_status
register_save(struct req *r, struct form *f)
{
	struct muni m;
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	const char *hash, *token, *loc = locale_tags[r->locale];
	int64_t id;

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if ((hash = pw_hash(r->arena, f->text[RF_PASSWORD])) == NULL)
		return HTTP_INTERNAL;
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	rc = DBQ(r, STMT_ACCOUNT_INSERT, &res, DBP_S(f->text[RF_EMAIL]),
	    DBP_S(f->text[RF_NAME]), DBP_S(hash), DBP_S(loc), DBP_I(1));
	if (rc == DB_DUPLICATE) {
		/* Known address: tell its owner, answer as for a new one. */
		db_rollback(r->w->db);
		if ((rc = outbox_add(r, f->text[RF_EMAIL], loc, "exists", "",
			 "/account/password/forgot")) != DB_OK)
			return db_status(rc);
		return form_done(r, "/account/register/sent", NULL);
	}
	if (rc != DB_OK)
		return db_undo(r, rc);
	id = (int64_t)res.insert_id;
	r->audit_account = id;
	if ((rc = DBQ(r, STMT_ROLE_INSERT, NULL, DBP_I(id),
		 DBP_S(role_names[ROLE_CITIZEN]), DBP_I(m.id), DBP_NUL)) !=
		DB_OK ||
	    (token = token_issue(
		 r, id, "confirm", NULL, TOKEN_CONFIRM_SECONDS, &rc)) == NULL ||
	    (rc = outbox_add(r, f->text[RF_EMAIL], loc, "confirm",
		 f->text[RF_NAME],
		 arena_printf(r->arena, "/account/confirm?token=%s", token))) !=
		DB_OK ||
	    (rc = audit(r, "account.register", "account", id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, "/account/register/sent", NULL);
}

/* GET /account/register/sent */
enum http_status
register_sent(struct req *r, struct xml *x)
{
	return notice_page(r, x, "register.sent", NULL, HTTP_OK);
}

/* --- the pages behind e-mailed links ------------------------------------ */

/*
 * GET /account/confirm?token=, /account/password/reset?token=,
 * /account/invite?token=, /account/email/confirm?token=: the page behind
 * an e-mailed link, with the token kept in the form.  Following a link
 * changes nothing (mail scanners follow links); the button on this page
 * does, by POST.  A link that no longer works (used, expired, never
 * issued) says so at once, before anything is typed.
 */
static enum http_status
link_show(struct req *r, struct xml *x, const struct form_page *fp,
    const char *purpose)
{
	struct form f;
	bool ok;
	size_t i;

	form_validate(r, fp->fields, fp->nfields, &f);
	if (f.error[0] != NULL)
		return link_dead(r, x, purpose);
	if (token_valid(r, f.text[0], purpose, &ok) == -1)
		return HTTP_UNAVAILABLE;
	if (!ok)
		return link_dead(r, x, purpose);
	/* Only the token is kept; anything else starts empty. */
	f.nerrors = 0;
	for (i = 1; i < f.n; i++) {
		f.error[i] = NULL;
		f.text[i] = "";
	}
	return form_show(r, x, fp, &f);
}

/*
 * The POST behind a link (fp's field 0 is the token): validates the form,
 * takes the token (token_take: the transaction stays open) and fills f
 * and res.  Returns HTTP_OK; or the page already written: the form again
 * for a refused CSRF token (403), "the link no longer works" (400); or
 * the database's failure.
 */
static enum http_status
link_take(struct req *r, struct xml *x, const struct form_page *fp,
    const char *purpose, struct form *f, struct db_res *res)
{
	enum http_status st;

	form_validate(r, fp->fields, fp->nfields, f);
	if (f->problem != NULL)
		return form_show(r, x, fp, f);
	if (f->error[0] != NULL)
		return link_dead(r, x, purpose);
	if ((st = token_take(r, f->text[0], purpose, res)) == HTTP_NOT_FOUND)
		return link_dead(r, x, purpose);
	return st;
}

static const struct form_page confirm_page = {
    .elem = "account",
    .page = "confirm",
    .method = "post",
    .action = "/account/confirm",
    .submit = "confirm.submit",
    .fields = token_fields,
    .nfields = TF__MAX,
};

enum http_status
confirm_show(struct req *r, struct xml *x)
{
	return link_show(r, x, &confirm_page, "confirm");
}

/* POST /account/confirm: the address is confirmed; the account active. */
enum http_status
confirm_do(struct req *r, struct xml *x)
{
	struct form f;
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	int64_t id;

	if ((st = link_take(r, x, &confirm_page, "confirm", &f, &res)) !=
	    HTTP_OK)
		return st;
	id = db_int(&res, 0, "account");
	r->audit_account = id;
	if ((rc = DBQ(r, STMT_ACCOUNT_ACTIVATE, NULL, DBP_I(id))) != DB_OK ||
	    (rc = audit(r, "account.confirm", "account", id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, "/account/login", "confirmed");
}

static const struct form_page reset_page = {
    .elem = "account",
    .page = "reset",
    .method = "post",
    .action = "/account/password/reset",
    .submit = "reset.submit",
    .fields = setpw_fields,
    .nfields = SF__MAX,
};

static const struct form_page invite_page = {
    .elem = "account",
    .page = "invite",
    .method = "post",
    .action = "/account/invite",
    .submit = "invite.submit",
    .fields = setpw_fields,
    .nfields = SF__MAX,
};

enum http_status
reset_show(struct req *r, struct xml *x)
{
	return link_show(r, x, &reset_page, "reset");
}

enum http_status
invite_show(struct req *r, struct xml *x)
{
	return link_show(r, x, &invite_page, "invite");
}

/*
 * POST /account/password/reset and /account/invite: a new password
 * through a single-use link.  It activates the account (the link proved
 * the address), ends every session (rights_changed_at) and answers 303
 * to the sign-in page.  A password that will not do keeps the link
 * unused.
 */
static enum http_status
setpw_do(struct req *r, struct xml *x, const struct form_page *fp,
    const char *purpose, const char *done)
{
	struct form f;
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	const char *hash;
	int64_t id;

	if ((st = link_take(r, x, fp, purpose, &f, &res)) != HTTP_OK)
		return st;
	if (f.error[SF_PASSWORD] == NULL)
		form_error(&f, SF_PASSWORD,
		    pw_problem_key(pw_check(f.text[SF_PASSWORD],
			db_str(&res, 0, "email"), db_str(&res, 0, "name"))));
	if (f.nerrors > 0) {
		db_rollback(r->w->db); /* the link stays unused */
		return form_show(r, x, fp, &f);
	}
	id = db_int(&res, 0, "account");
	r->audit_account = id;
	if ((hash = pw_hash(r->arena, f.text[SF_PASSWORD])) == NULL)
		return db_undo(r, DB_ERROR);
	if ((rc = DBQ(r, STMT_ACCOUNT_PASSWORD, NULL, DBP_S(hash),
		 DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_ACCOUNT_ACTIVATE, NULL, DBP_I(id))) != DB_OK ||
	    (rc = audit(r, arena_printf(r->arena, "password.%s", purpose),
		 "account", id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, "/account/login", done);
}

enum http_status
reset_do(struct req *r, struct xml *x)
{
	return setpw_do(r, x, &reset_page, "reset", "reset");
}

enum http_status
invite_do(struct req *r, struct xml *x)
{
	return setpw_do(r, x, &invite_page, "invite", "invited");
}

/* --- signing in and out ------------------------------------------------- */

static enum http_status login_load(struct req *, struct form *);
static enum http_status login_save(struct req *, struct form *);

static const struct form_page login_page = {
    .elem = "account",
    .page = "login",
    .method = "post",
    .action = "/account/login",
    .submit = "login.submit",
    .fields = login_fields,
    .nfields = LF__MAX,
    .load = login_load,
    .save = login_save,
};

/* The page asked for before signing in (?next=), carried by the form. */
static enum http_status
login_load(struct req *r, struct form *f)
{
	const char *next = kv_get(&r->query, "next");

	if (path_local(next))
		f->text[LF_NEXT] = next;
	return HTTP_OK;
}

/* GET /account/login[?next=/local/path] */
enum http_status
login_new(struct req *r, struct xml *x)
{
	return form_get(r, x, &login_page);
}

/* POST /account/login: see login_save(). */
enum http_status
login_create(struct req *r, struct xml *x)
{
	return form_post(r, x, &login_page);
}

/*
 * Checks the throttle, then the password (always hashing, known address
 * or not), starts a new session and answers 303 to the page asked for
 * (next) or the profile.  Every failure shows one message and keeps the
 * e-mail as typed.
 */
static enum http_status
login_save(struct req *r, struct form *f)
{
	struct db_res res;
	struct throttle t;
	bool blocked = false, ok;
	enum db_rc rc;
	int64_t id = 0;

	if (throttle_check(r, f->text[LF_EMAIL], &t, &blocked) == -1)
		return HTTP_UNAVAILABLE;
	if (blocked) {
		audit(r, "login.throttled", "", 0, "refused");
		form_error(f, LF_PASSWORD, "login.throttled");
		return HTTP_TOO_MANY;
	}
	if ((rc = DBQ(r, STMT_ACCOUNT_BY_EMAIL, &res,
		 DBP_S(f->text[LF_EMAIL]))) != DB_OK)
		return db_status(rc);
	ok = pw_verify(f->text[LF_PASSWORD],
	    res.nrows == 1 && db_str(&res, 0, "hash") != NULL
		? db_str(&res, 0, "hash")
		: dummy_hash);
	if (res.nrows == 1)
		id = db_int(&res, 0, "id");
	if (!ok || res.nrows != 1 ||
	    strcmp(db_str(&res, 0, "status"), "active") != 0) {
		throttle_fail(r, &t);
		r->audit_account = id;
		audit(r, "login.failed", "account", id, "refused");
		form_error(f, LF_PASSWORD, "login.failed");
		return HTTP_UNPROCESSABLE;
	}
	if ((rc = throttle_clear(r, &t)) != DB_OK ||
	    (rc = session_start(r, id)) != DB_OK ||
	    (rc = DBQ(r, STMT_ROLES, &res, DBP_I(id))) != DB_OK)
		return db_status(rc);
	/* The audit row names the role the account signs in with. */
	r->sess = arena_calloc(r->arena, 1, sizeof(*r->sess));
	r->sess->account = id;
	sess_roles(r, &res);
	audit(r, "login", "account", id, "ok");
	return form_done(r,
	    *f->text[LF_NEXT] != '\0' ? f->text[LF_NEXT] : "/account/", NULL);
}

/* POST /account/logout: this session ends; the cookie is removed. */
enum http_status
logout(struct req *r, struct xml *x)
{
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_SESSION_DELETE, NULL, DBP_I(r->sess->id))) !=
	    DB_OK)
		return db_status(rc);
	audit(r, "logout", "account", r->sess->account, "ok");
	resp_cookie(r, "sid", "", 0);
	return form_done(r, "/account/login", "loggedout");
}

/* --- forgotten password ------------------------------------------------- */

static enum http_status forgot_save(struct req *, struct form *);

static const struct form_page forgot_page = {
    .elem = "account",
    .page = "forgot",
    .method = "post",
    .action = "/account/password/forgot",
    .submit = "forgot.submit",
    .fields = forgot_fields,
    .nfields = FF__MAX,
    .save = forgot_save,
};

enum http_status
forgot_new(struct req *r, struct xml *x)
{
	return form_get(r, x, &forgot_page);
}

enum http_status
forgot_create(struct req *r, struct xml *x)
{
	return form_post(r, x, &forgot_page);
}

/*
 * POST /account/password/forgot: a reset link to a known address (active
 * or still pending); the same 303 for any address.
 */
static enum http_status
forgot_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	const char *token;
	int64_t id;

	if ((rc = DBQ(r, STMT_ACCOUNT_BY_EMAIL, &res,
		 DBP_S(f->text[FF_EMAIL]))) != DB_OK)
		return db_status(rc);
	if (res.nrows == 1 &&
	    strcmp(db_str(&res, 0, "status"), "disabled") != 0) {
		id = db_int(&res, 0, "id");
		r->audit_account = id;
		if ((rc = db_begin(r->w->db)) != DB_OK ||
		    (token = token_issue(r, id, "reset", NULL,
			 TOKEN_RESET_SECONDS, &rc)) == NULL ||
		    (rc = outbox_add(r, f->text[FF_EMAIL],
			 db_str(&res, 0, "locale"), "reset",
			 db_str(&res, 0, "name"),
			 arena_printf(r->arena,
			     "/account/password/reset?token=%s", token))) !=
			DB_OK ||
		    (rc = audit(r, "password.forgot", "account", id, "ok")) !=
			DB_OK ||
		    (rc = db_commit(r->w->db)) != DB_OK)
			return db_undo(r, rc);
	}
	return form_done(r, "/account/password/forgot/sent", NULL);
}

enum http_status
forgot_sent(struct req *r, struct xml *x)
{
	return notice_page(r, x, "forgot.sent", NULL, HTTP_OK);
}

/* --- the profile ---------------------------------------------------------- */

/*
 * GET /account/ (and the profile again after a failed change): who I am,
 * my open sessions, and the forms to change password and e-mail and to
 * sign out everywhere.  A form that came back with errors decides the
 * status (form_status).
 */
static enum http_status
profile_page(struct req *r, struct xml *x, const struct form *pwf,
    const struct form *emf)
{
	struct form empty_pw, empty_em;
	struct db_res ss;
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_SESSIONS_LIST, &ss, DBP_I(r->sess->account))) !=
	    DB_OK)
		return db_status(rc);
	if (pwf == NULL) {
		form_empty(r, PF__MAX, &empty_pw);
		pwf = &empty_pw;
	}
	if (emf == NULL) {
		form_empty(r, EF__MAX, &empty_em);
		emf = &empty_em;
	}
	if (xml_start(x, "account") == -1 ||
	    xml_attr(x, "page", "profile") == -1 ||
	    xml_attr_int(x, "session", r->sess->id) == -1 ||
	    xml_start(x, "sessions") == -1 ||
	    xml_rows(x, "session", &ss) == -1 || xml_end(x) == -1 ||
	    form_write(x, "post", "/account/password",
		"profile.password.submit", password_fields, pwf) == -1 ||
	    form_write(x, "post", "/account/email", "profile.email.submit",
		email_fields, emf) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return pwf->nerrors > 0 ? form_status(r, pwf) : form_status(r, emf);
}

enum http_status
profile_show(struct req *r, struct xml *x)
{
	return profile_page(r, x, NULL, NULL);
}

/*
 * POST /account/password: a new password after the current one (not the
 * same one again).  Every session ends (the others are not to be trusted
 * any more); this one gets a new token at once; the owner gets an e-mail
 * saying so, in case it was not them.
 */
enum http_status
password_change(struct req *r, struct xml *x)
{
	struct form f;
	enum db_rc rc;
	const char *hash;
	bool ok, same;

	form_validate(r, password_fields, PF__MAX, &f);
	if (f.nerrors == 0) {
		if (current_password_ok(r, f.text[PF_CURRENT], &ok) == -1)
			return HTTP_UNAVAILABLE;
		if (!ok)
			form_error(&f, PF_CURRENT, "profile.password.wrong");
		same = strcmp(f.text[PF_CURRENT], f.text[PF_NEW]) == 0;
		form_error(&f, PF_NEW,
		    same ? "profile.password.same"
			 : pw_problem_key(pw_check(
			       f.text[PF_NEW], r->sess->email, r->sess->name)));
	}
	if (f.nerrors > 0)
		return profile_page(r, x, &f, NULL);
	if ((hash = pw_hash(r->arena, f.text[PF_NEW])) == NULL)
		return HTTP_INTERNAL;
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_ACCOUNT_PASSWORD, NULL, DBP_S(hash),
		 DBP_I(r->sess->account))) != DB_OK ||
	    (rc = session_start(r, r->sess->account)) != DB_OK ||
	    (rc = outbox_add(r, r->sess->email, locale_tags[r->locale],
		 "password-changed", r->sess->name,
		 "/account/password/forgot")) != DB_OK ||
	    (rc = audit(r, "password.change", "account", r->sess->account,
		 "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, "/account/", "password");
}

/*
 * POST /account/email: a confirmation link to the new address; the
 * address changes only when it is followed.
 */
enum http_status
email_change(struct req *r, struct xml *x)
{
	struct form f;
	enum db_rc rc;
	const char *token;
	bool ok;

	form_validate(r, email_fields, EF__MAX, &f);
	if (f.nerrors == 0) {
		if (current_password_ok(r, f.text[EF_PASSWORD], &ok) == -1)
			return HTTP_UNAVAILABLE;
		if (!ok)
			form_error(&f, EF_PASSWORD, "profile.password.wrong");
	}
	if (f.nerrors > 0)
		return profile_page(r, x, NULL, &f);
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (token = token_issue(r, r->sess->account, "email", f.text[EF_EMAIL],
		 TOKEN_EMAIL_SECONDS, &rc)) == NULL ||
	    (rc = outbox_add(r, f.text[EF_EMAIL], locale_tags[r->locale],
		 "email", r->sess->name,
		 arena_printf(r->arena, "/account/email/confirm?token=%s",
		     token))) != DB_OK ||
	    (rc = audit(r, "email.change.asked", "account", r->sess->account,
		 "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, "/account/", "email");
}

static const struct form_page email_confirm_page = {
    .elem = "account",
    .page = "email-confirm",
    .method = "post",
    .action = "/account/email/confirm",
    .submit = "confirm.submit",
    .fields = token_fields,
    .nfields = TF__MAX,
};

enum http_status
email_confirm_show(struct req *r, struct xml *x)
{
	return link_show(r, x, &email_confirm_page, "email");
}

/*
 * POST /account/email/confirm: the new address replaces the old one, and
 * the old address is told (in case it was not its owner who asked).
 */
enum http_status
email_confirm_do(struct req *r, struct xml *x)
{
	struct form f;
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	int64_t id;

	if ((st = link_take(r, x, &email_confirm_page, "email", &f, &res)) !=
	    HTTP_OK)
		return st;
	id = db_int(&res, 0, "account");
	r->audit_account = id;
	rc = DBQ(r, STMT_ACCOUNT_EMAIL, NULL,
	    DBP_S(db_str(&res, 0, "new_email")), DBP_I(id));
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		return notice_page(r, x, "email.taken", NULL, HTTP_CONFLICT);
	}
	if (rc != DB_OK ||
	    (rc = outbox_add(r, db_str(&res, 0, "email"),
		 db_str(&res, 0, "locale"), "email-changed",
		 db_str(&res, 0, "name"), "/account/password/forgot")) !=
		DB_OK ||
	    (rc = audit(r, "email.change", "account", id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, r->sess != NULL ? "/account/" : "/account/login",
	    "emailchanged");
}

/* POST /account/sessions/end: sign out everywhere, this browser too. */
enum http_status
sessions_end(struct req *r, struct xml *x)
{
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_SESSIONS_DELETE_ALL, NULL,
		 DBP_I(r->sess->account))) != DB_OK)
		return db_status(rc);
	audit(r, "sessions.end", "account", r->sess->account, "ok");
	resp_cookie(r, "sid", "", 0);
	return form_done(r, "/account/login", "signedout");
}
