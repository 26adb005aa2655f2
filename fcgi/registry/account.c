/* SPDX-License-Identifier: ISC */
/*
 * account.c: accounts of citizens and staff: register and confirm the
 * e-mail, sign in and out, forgotten password, the profile (change
 * password, change e-mail with re-confirmation, open sessions, sign out
 * everywhere) and accepting an invitation.  The session and CSRF checks
 * ran in route.c before any handler here.
 *
 * Nothing here tells a stranger whether an e-mail has an account: sign-in
 * failures share one message, and registration and the forgotten-password
 * form answer the same page whether or not the address is known (the
 * owner of a known address gets an e-mail saying so instead).
 */
#include <string.h>

#include <openssl/hmac.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define TOKEN_CONFIRM_SECONDS (48 * 3600)
#define TOKEN_RESET_SECONDS   (2 * 3600)
#define TOKEN_EMAIL_SECONDS   (48 * 3600)
#define THROTTLE_ACCOUNT_FREE 5	 /* failures before delays begin */
#define THROTTLE_ADDRESS_FREE 50 /* one address may be a whole office */
#define THROTTLE_BASE_SECONDS 30
#define THROTTLE_MAX_SECONDS  900 /* never longer: no lasting lock-out */
#define AGENT_MAX_BYTES	      100

/* A hash nobody's password matches: failed look-ups cost as much time. */
static const char dummy_hash[] =
    "$y$j9T$6SsqhZ6l5pI1ZYiTUbIF1/$.c/Jfs03DkhWoXKBUhcRE9OjT1Y5/c8tjKJLGjRvDJ6";

/* --- field tables ------------------------------------------------------- */

enum { RF_NAME, RF_EMAIL, RF_PASSWORD, RF_PRIVACY, RF__MAX };
static const struct field register_fields[RF__MAX] = {
    {"name", VALID_TEXT, true, 2, 120, "field.name", "name", NULL},
    {"email", VALID_EMAIL, true, 0, 254, "field.email", "email", NULL},
    {"password", VALID_PASSWORD, true, 0, 0, "field.password.new",
	"new-password", NULL},
    {"privacy", VALID_CHECKBOX, true, 0, 0, "register.privacy", NULL, NULL},
};

enum { LF_EMAIL, LF_PASSWORD, LF__MAX };
static const struct field login_fields[LF__MAX] = {
    {"email", VALID_EMAIL, true, 0, 254, "field.email", "username", NULL},
    {"password", VALID_PASSWORD, true, 0, 0, "field.password",
	"current-password", NULL},
};

enum { FF_EMAIL, FF__MAX };
static const struct field forgot_fields[FF__MAX] = {
    {"email", VALID_EMAIL, true, 0, 254, "field.email", "email", NULL},
};

enum { TF_TOKEN, TF__MAX };
static const struct field token_fields[TF__MAX] = {
    {"token", VALID_TOKEN, true, 0, 0, "invalid.token", NULL, NULL},
};

enum { SF_TOKEN, SF_PASSWORD, SF__MAX };
static const struct field setpw_fields[SF__MAX] = {
    {"token", VALID_TOKEN, true, 0, 0, "invalid.token", NULL, NULL},
    {"password", VALID_PASSWORD, true, 0, 0, "field.password.new",
	"new-password", NULL},
};

enum { PF_CURRENT, PF_NEW, PF__MAX };
static const struct field password_fields[PF__MAX] = {
    {"current_password", VALID_PASSWORD, true, 0, 0, "field.password",
	"current-password", NULL},
    {"new_password", VALID_PASSWORD, true, 0, 0, "field.password.new",
	"new-password", NULL},
};

enum { EF_EMAIL, EF_PASSWORD, EF__MAX };
static const struct field email_fields[EF__MAX] = {
    {"new_email", VALID_EMAIL, true, 0, 254, "field.email.new", "email", NULL},
    {"email_password", VALID_PASSWORD, true, 0, 0, "field.password",
	"current-password", NULL},
};

/* What a finished action tells on the next page (?done=…). */
static const char *const done_keys[] = {"confirmed", "reset", "invited",
    "signedout", "loggedout", "password", "email", "emailchanged", NULL};

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

/* "?done=x" when x is one we know, as <notice key="done.x"/>. */
static int
write_done(struct req *r, struct xml *x)
{
	const char *d = kv_get(&r->query, "done");
	size_t i;

	for (i = 0; d != NULL && done_keys[i] != NULL; i++)
		if (strcmp(d, done_keys[i]) == 0) {
			if (xml_start(x, "notice") == -1 ||
			    xml_attr(x, "key",
				arena_printf(r->arena, "done.%s", d)) == -1 ||
			    xml_end(x) == -1)
				return -1;
		}
	return 0;
}

/*
 * <account page="name"> with an optional notice and one form.  A form
 * with errors is sent with status 422 and the user's input; otherwise 200.
 */
static enum http_status
form_page(struct req *r, struct xml *x, const char *page, const char *notice,
    const char *action, const char *submit, const struct field *f,
    const struct form *form)
{
	if (xml_start(x, "account") == -1 || xml_attr(x, "page", page) == -1 ||
	    write_done(r, x) == -1)
		return HTTP_INTERNAL;
	if (notice != NULL &&
	    (xml_start(x, "notice") == -1 || xml_attr(x, "key", notice) == -1 ||
		xml_end(x) == -1))
		return HTTP_INTERNAL;
	if (f != NULL && form_write(x, "post", action, submit, f, form) == -1)
		return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	if (form != NULL && form->nerrors > 0) {
		r->render = true;
		return HTTP_UNPROCESSABLE;
	}
	return HTTP_OK;
}

/* A page that only says something (a link was sent, a link expired). */
static enum http_status
notice_page(struct req *r, struct xml *x, const char *key, enum http_status st)
{
	if (form_page(r, x, "notice", key, NULL, NULL, NULL, NULL) != HTTP_OK)
		return HTTP_INTERNAL;
	r->render = true;
	return st;
}

/*
 * Creates a single-use token for account (purpose: confirm, reset,
 * invite, email) valid ttl seconds and returns it (arena), or NULL.
 */
const char *
token_issue(struct req *r, int64_t account, const char *purpose,
    const char *new_email, int64_t ttl, enum db_rc *rc)
{
	unsigned char hash[32];
	struct db_param p[5];
	const char *t = token_new(r->arena, SESS_TOKEN_BYTES);

	token_hash(t, hash);
	p[0] = DBP_I(account);
	p[1] = DBP_S(purpose);
	p[2] = (struct db_param){
	    .type = DBP_BLOB, .s = (const char *)hash, .len = sizeof(hash)};
	p[3] = new_email != NULL ? DBP_S(new_email) : DBP_NUL;
	p[4] = DBP_I(ttl);
	*rc = db_exec(r->w->db, r->arena, STMT_TOKEN_INSERT, p, 5, NULL);
	return *rc == DB_OK ? t : NULL;
}

/*
 * Finds the unused, unexpired token of purpose (locking its row) into
 * res: columns id, account, new_email, email, name, status, locale.
 * Returns DB_OK with zero or one row.
 */
static enum db_rc
token_find(
    struct req *r, const char *token, const char *purpose, struct db_res *res)
{
	unsigned char hash[32];
	struct db_param p[2];

	token_hash(token, hash);
	p[0] = (struct db_param){
	    .type = DBP_BLOB, .s = (const char *)hash, .len = sizeof(hash)};
	p[1] = DBP_S(purpose);
	return db_exec(r->w->db, r->arena, STMT_TOKEN_FIND, p, 2, res);
}

/*
 * Opens a transaction, finds the unused, unexpired token of purpose (row
 * locked) and marks it used; res gets its row (see token_find).  Returns
 * HTTP_OK with the transaction open for the caller's changes, or the
 * outcome already decided with the transaction closed: the "link no
 * longer works" page (400), or the database's failure.
 */
static enum http_status
token_take(struct req *r, struct xml *x, const char *token, const char *purpose,
    struct db_res *res)
{
	struct db_param p;
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = token_find(r, token, purpose, res)) != DB_OK)
		return db_undo(r, rc);
	if (res->nrows == 0) {
		db_rollback(r->w->db);
		return notice_page(r, x, "token.invalid", HTTP_BAD_REQUEST);
	}
	p = DBP_I(db_int(res, 0, 0));
	if ((rc = db_exec(r->w->db, r->arena, STMT_TOKEN_USE, &p, 1, NULL)) !=
	    DB_OK)
		return db_undo(r, rc);
	return HTTP_OK;
}

/*
 * Starts a new session for account: a new 256-bit token in the "sid"
 * cookie (a new one at every sign-in and change of rights: no fixation),
 * a new CSRF token.  Returns DB_OK or the failure.
 */
static enum db_rc
session_start(struct req *r, int64_t account)
{
	unsigned char hash[32];
	struct db_param p[5];
	const char *sid = token_new(r->arena, SESS_TOKEN_BYTES);
	const char *agent = r->user_agent != NULL ? r->user_agent : "";
	enum db_rc rc;

	token_hash(sid, hash);
	r->csrf = token_new(r->arena, CSRF_TOKEN_BYTES);
	p[0] = DBP_I(account);
	p[1] = (struct db_param){
	    .type = DBP_BLOB, .s = (const char *)hash, .len = sizeof(hash)};
	p[2] = DBP_S(r->csrf);
	p[3] = DBP_I(SESS_TTL_SECONDS);
	p[4] = DBP_S(agent);
	if ((rc = db_exec(
		 r->w->db, r->arena, STMT_SESSION_INSERT, p, 5, NULL)) != DB_OK)
		return rc;
	resp_cookie(r, "sid", sid, SESS_TTL_SECONDS);
	return DB_OK;
}

/* HMAC-SHA256 of kind:value with the installation's throttle secret. */
static void
throttle_key(
    struct req *r, const char *kind, const char *value, unsigned char out[32])
{
	const char *secret = cfg_get(&r->w->cfg, "throttle.secret", "");
	const char *msg = arena_printf(r->arena, "%s:%s", kind, value);
	unsigned int len = 32;

	if (HMAC(EVP_sha256(), secret, (int)strlen(secret),
		(const unsigned char *)msg, strlen(msg), out, &len) == NULL)
		abort();
}

/* Seconds still to wait after failures, for an allowance of free ones. */
static int64_t
throttle_wait(int64_t failures, int64_t since, int64_t free_tries)
{
	int64_t wait, shift;

	if (failures < free_tries)
		return 0;
	shift = failures - free_tries;
	wait =
	    shift > 10 ? THROTTLE_MAX_SECONDS : THROTTLE_BASE_SECONDS << shift;
	if (wait > THROTTLE_MAX_SECONDS)
		wait = THROTTLE_MAX_SECONDS;
	return since >= wait ? 0 : wait - since;
}

/*
 * Whether a sign-in for this e-mail from this address must wait (growing
 * delays after failures, capped: never a lasting lock-out).  Fills the
 * two keys for throttle_fail().  Returns -1 on a database failure.
 */
static int
throttle_check(struct req *r, const char *email, unsigned char acct[32],
    unsigned char addr[32], bool *blocked)
{
	struct db_param p[2];
	struct db_res res;
	size_t i;
	int64_t wait = 0;

	throttle_key(r, "account", email, acct);
	throttle_key(r, "address", r->client != NULL ? r->client : "", addr);
	p[0] = (struct db_param){
	    .type = DBP_BLOB, .s = (const char *)acct, .len = 32};
	p[1] = (struct db_param){
	    .type = DBP_BLOB, .s = (const char *)addr, .len = 32};
	if (db_exec(r->w->db, r->arena, STMT_THROTTLE_GET, p, 2, &res) != DB_OK)
		return -1;
	for (i = 0; i < res.nrows; i++) {
		bool isacct = strcmp(db_str(&res, i, 0), "account") == 0;
		int64_t w =
		    throttle_wait(db_int(&res, i, 1), db_int(&res, i, 2),
			isacct ? THROTTLE_ACCOUNT_FREE : THROTTLE_ADDRESS_FREE);

		if (w > wait)
			wait = w;
	}
	*blocked = wait > 0;
	return 0;
}

static void
throttle_fail(
    struct req *r, const unsigned char acct[32], const unsigned char addr[32])
{
	struct db_param p[2];

	p[0] = DBP_S("account");
	p[1] = (struct db_param){
	    .type = DBP_BLOB, .s = (const char *)acct, .len = 32};
	db_exec(r->w->db, r->arena, STMT_THROTTLE_FAIL, p, 2, NULL);
	p[0] = DBP_S("address");
	p[1] = (struct db_param){
	    .type = DBP_BLOB, .s = (const char *)addr, .len = 32};
	db_exec(r->w->db, r->arena, STMT_THROTTLE_FAIL, p, 2, NULL);
}

/* A local path to go to after signing in, or /account/. */
static const char *
next_path(struct req *r)
{
	const char *n = kv_get(&r->form, "next");

	return path_local(n) ? n : "/account/";
}

/* --- registration ------------------------------------------------------- */

/* GET /account/register: the form. */
enum http_status
register_new(struct req *r, struct xml *x)
{
	struct form f;

	form_empty(r, RF__MAX, &f);
	return form_page(r, x, "register", NULL, "/account/register",
	    "register.submit", register_fields, &f);
}

/*
 * POST /account/register: a pending citizen account, a confirmation link
 * by e-mail, 303 to "check your e-mail".  A known address gets a note
 * instead, and the same 303: nothing tells which e-mails have accounts.
 */
enum http_status
register_create(struct req *r, struct xml *x)
{
	struct form f;
	struct muni m;
	struct db_param p[5];
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	const char *hash, *token, *loc = locale_tags[r->locale];
	int64_t id;

	form_validate(r, register_fields, RF__MAX, &f);
	if (f.error[RF_PRIVACY] != NULL)
		form_error(&f, RF_PRIVACY, "register.privacy.required");
	if (f.error[RF_PASSWORD] == NULL)
		form_error(&f, RF_PASSWORD,
		    pw_problem_key(pw_check(f.text[RF_PASSWORD],
			f.text[RF_EMAIL], f.text[RF_NAME])));
	if (f.nerrors > 0)
		return form_page(r, x, "register", NULL, "/account/register",
		    "register.submit", register_fields, &f);
	if ((st = muni_load(r, STMT_MUNICIPALITY, &m)) != HTTP_OK)
		return st;
	if ((hash = pw_hash(r->arena, f.text[RF_PASSWORD])) == NULL)
		return HTTP_INTERNAL;
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	p[0] = DBP_S(f.text[RF_EMAIL]);
	p[1] = DBP_S(f.text[RF_NAME]);
	p[2] = DBP_S(hash);
	p[3] = DBP_S(loc);
	p[4] = DBP_I(1);
	rc = db_exec(r->w->db, r->arena, STMT_ACCOUNT_INSERT, p, 5, &res);
	if (rc == DB_DUPLICATE) {
		/* Known address: tell its owner, and answer as for a new one.
		 */
		db_rollback(r->w->db);
		if ((rc = outbox_add(r, f.text[RF_EMAIL], loc, "exists", "",
			 "/account/password/forgot")) != DB_OK)
			return db_status(rc);
		r->redirect = "/account/register/sent";
		return HTTP_SEE_OTHER;
	}
	if (rc != DB_OK)
		return db_undo(r, rc);
	id = (int64_t)res.insert_id;
	p[0] = DBP_I(id);
	p[1] = DBP_S(role_names[ROLE_CITIZEN]);
	p[2] = DBP_I(m.id);
	p[3] = DBP_NUL;
	if ((rc = db_exec(r->w->db, r->arena, STMT_ROLE_INSERT, p, 4, NULL)) !=
		DB_OK ||
	    (token = token_issue(
		 r, id, "confirm", NULL, TOKEN_CONFIRM_SECONDS, &rc)) == NULL ||
	    (rc = outbox_add(r, f.text[RF_EMAIL], loc, "confirm",
		 f.text[RF_NAME],
		 arena_printf(r->arena, "/account/confirm?token=%s", token))) !=
		DB_OK)
		return db_undo(r, rc);
	r->audit_account = id;
	audit(r, "account.register", "account", id, "ok");
	if ((rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	r->redirect = "/account/register/sent";
	return HTTP_SEE_OTHER;
}

/* GET /account/register/sent */
enum http_status
register_sent(struct req *r, struct xml *x)
{
	return notice_page(r, x, "register.sent", HTTP_OK);
}

/*
 * GET /account/confirm?token=, /account/password/reset?token=,
 * /account/invite?token=, /account/email/confirm?token=: the page behind
 * an e-mailed link.  Following a link changes nothing (mail scanners
 * follow links); the button on this page does, by POST.
 */
static enum http_status
link_show(struct req *r, struct xml *x, const char *page, const char *action,
    const char *submit, const struct field *fields, size_t n)
{
	struct form f;

	form_validate(r, fields, n, &f);
	if (f.error[0] != NULL)
		return notice_page(r, x, "token.invalid", HTTP_BAD_REQUEST);
	/* Only the token is kept; anything else starts empty. */
	f.nerrors = 0;
	for (size_t i = 1; i < n; i++)
		f.error[i] = NULL;
	return form_page(r, x, page, NULL, action, submit, fields, &f);
}

enum http_status
confirm_show(struct req *r, struct xml *x)
{
	return link_show(r, x, "confirm", "/account/confirm", "confirm.submit",
	    token_fields, TF__MAX);
}

/* POST /account/confirm: the address is confirmed; the account active. */
enum http_status
confirm_do(struct req *r, struct xml *x)
{
	struct form f;
	struct db_res res;
	struct db_param p;
	enum http_status st;
	enum db_rc rc;
	int64_t id;

	form_validate(r, token_fields, TF__MAX, &f);
	if (f.nerrors > 0)
		return notice_page(r, x, "token.invalid", HTTP_BAD_REQUEST);
	if ((st = token_take(r, x, f.text[TF_TOKEN], "confirm", &res)) !=
	    HTTP_OK)
		return st;
	id = db_int(&res, 0, 1);
	p = DBP_I(id);
	if ((rc = db_exec(r->w->db, r->arena, STMT_ACCOUNT_ACTIVATE, &p, 1,
		 NULL)) != DB_OK)
		return db_undo(r, rc);
	r->audit_account = id;
	audit(r, "account.confirm", "account", id, "ok");
	if ((rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	r->redirect = "/account/login?done=confirmed";
	return HTTP_SEE_OTHER;
}

/* --- signing in and out ------------------------------------------------- */

/* The login form, with a hidden "next" when one was asked for. */
static enum http_status
login_page(struct req *r, struct xml *x, struct form *f, const char *notice)
{
	const char *next =
	    kv_get(r->method == METHOD_POST ? &r->form : &r->query, "next");

	if (xml_start(x, "login") == -1)
		return HTTP_INTERNAL;
	if (path_local(next) && xml_attr(x, "next", next) == -1)
		return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	return form_page(r, x, "login", notice, "/account/login",
	    "login.submit", login_fields, f);
}

/* GET /account/login */
enum http_status
login_new(struct req *r, struct xml *x)
{
	struct form f;

	form_empty(r, LF__MAX, &f);
	return login_page(r, x, &f, NULL);
}

/*
 * POST /account/login: checks the throttle, then the password (always
 * hashing, known address or not), starts a new session and answers 303.
 * Every failure shows one message and keeps the e-mail as typed.
 */
enum http_status
login_create(struct req *r, struct xml *x)
{
	struct form f;
	struct db_res res;
	struct db_param p;
	unsigned char acct[32], addr[32];
	bool blocked = false, ok;
	enum db_rc rc;
	enum http_status st;
	int64_t id = 0;

	form_validate(r, login_fields, LF__MAX, &f);
	if (f.nerrors > 0)
		return login_page(r, x, &f, NULL);
	if (throttle_check(r, f.text[LF_EMAIL], acct, addr, &blocked) == -1)
		return HTTP_UNAVAILABLE;
	if (blocked) {
		audit(r, "login.throttled", "", 0, "refused");
		form_error(&f, LF_PASSWORD, "login.throttled");
		st = login_page(r, x, &f, NULL);
		return st == HTTP_UNPROCESSABLE ? HTTP_TOO_MANY : st;
	}
	p = DBP_S(f.text[LF_EMAIL]);
	if ((rc = db_exec(r->w->db, r->arena, STMT_ACCOUNT_BY_EMAIL, &p, 1,
		 &res)) != DB_OK)
		return db_status(rc);
	ok = pw_verify(f.text[LF_PASSWORD],
	    res.nrows == 1 && db_str(&res, 0, 2) != NULL ? db_str(&res, 0, 2)
							 : dummy_hash);
	if (res.nrows == 1)
		id = db_int(&res, 0, 0);
	if (!ok || res.nrows != 1 ||
	    strcmp(db_str(&res, 0, 3), "active") != 0) {
		throttle_fail(r, acct, addr);
		r->audit_account = id;
		audit(r, "login.failed", "account", id, "refused");
		form_error(&f, LF_PASSWORD, "login.failed");
		return login_page(r, x, &f, NULL);
	}
	p = (struct db_param){
	    .type = DBP_BLOB, .s = (const char *)acct, .len = 32};
	if ((rc = db_exec(r->w->db, r->arena, STMT_THROTTLE_CLEAR, &p, 1,
		 NULL)) != DB_OK ||
	    (rc = db_exec(r->w->db, r->arena, STMT_THROTTLE_FORGET, NULL, 0,
		 NULL)) != DB_OK ||
	    (rc = session_start(r, id)) != DB_OK)
		return db_status(rc);
	/* The row names the role the account signs in with. */
	p = DBP_I(id);
	if ((rc = db_exec(r->w->db, r->arena, STMT_ROLES, &p, 1, &res)) !=
	    DB_OK)
		return db_status(rc);
	r->sess = arena_calloc(r->arena, 1, sizeof(*r->sess));
	r->sess->account = id;
	sess_roles(r, &res);
	audit(r, "login", "account", id, "ok");
	r->redirect = next_path(r);
	return HTTP_SEE_OTHER;
}

/* POST /account/logout: this session ends; the cookie is removed. */
enum http_status
logout(struct req *r, struct xml *x)
{
	struct db_param p = DBP_I(r->sess->id);
	enum db_rc rc;

	if ((rc = db_exec(r->w->db, r->arena, STMT_SESSION_DELETE, &p, 1,
		 NULL)) != DB_OK)
		return db_status(rc);
	audit(r, "logout", "account", r->sess->account, "ok");
	resp_cookie(r, "sid", "", 0);
	r->redirect = "/account/login?done=loggedout";
	return HTTP_SEE_OTHER;
}

/* --- forgotten password ------------------------------------------------- */

enum http_status
forgot_new(struct req *r, struct xml *x)
{
	struct form f;

	form_empty(r, FF__MAX, &f);
	return form_page(r, x, "forgot", NULL, "/account/password/forgot",
	    "forgot.submit", forgot_fields, &f);
}

/*
 * POST /account/password/forgot: a reset link to a known address (active
 * or still pending); the same 303 for any address.
 */
enum http_status
forgot_create(struct req *r, struct xml *x)
{
	struct form f;
	struct db_res res;
	struct db_param p;
	enum db_rc rc;
	const char *token;
	int64_t id;

	form_validate(r, forgot_fields, FF__MAX, &f);
	if (f.nerrors > 0)
		return form_page(r, x, "forgot", NULL,
		    "/account/password/forgot", "forgot.submit", forgot_fields,
		    &f);
	p = DBP_S(f.text[FF_EMAIL]);
	if ((rc = db_exec(r->w->db, r->arena, STMT_ACCOUNT_BY_EMAIL, &p, 1,
		 &res)) != DB_OK)
		return db_status(rc);
	if (res.nrows == 1 && strcmp(db_str(&res, 0, 3), "disabled") != 0) {
		id = db_int(&res, 0, 0);
		if ((rc = db_begin(r->w->db)) != DB_OK ||
		    (token = token_issue(r, id, "reset", NULL,
			 TOKEN_RESET_SECONDS, &rc)) == NULL ||
		    (rc = outbox_add(r, f.text[FF_EMAIL], db_str(&res, 0, 4),
			 "reset", db_str(&res, 0, 1),
			 arena_printf(r->arena,
			     "/account/password/reset?token=%s", token))) !=
			DB_OK)
			return db_undo(r, rc);
		r->audit_account = id;
		audit(r, "password.forgot", "account", id, "ok");
		if ((rc = db_commit(r->w->db)) != DB_OK)
			return db_undo(r, rc);
	}
	r->redirect = "/account/password/forgot/sent";
	return HTTP_SEE_OTHER;
}

enum http_status
forgot_sent(struct req *r, struct xml *x)
{
	return notice_page(r, x, "forgot.sent", HTTP_OK);
}

enum http_status
reset_show(struct req *r, struct xml *x)
{
	return link_show(r, x, "reset", "/account/password/reset",
	    "reset.submit", setpw_fields, SF__MAX);
}

enum http_status
invite_show(struct req *r, struct xml *x)
{
	return link_show(r, x, "invite", "/account/invite", "invite.submit",
	    setpw_fields, SF__MAX);
}

/*
 * POST /account/password/reset and /account/invite: a new password
 * through a single-use link.  It activates the account (the link proved
 * the address), ends every session (rights_changed_at) and answers 303
 * to the sign-in page.
 */
static enum http_status
setpw_do(struct req *r, struct xml *x, const char *purpose, const char *page,
    const char *action, const char *submit, const char *done)
{
	struct form f;
	struct db_res res;
	struct db_param p[2];
	enum http_status st;
	enum db_rc rc;
	const char *hash;
	int64_t id;

	form_validate(r, setpw_fields, SF__MAX, &f);
	if (f.error[SF_TOKEN] != NULL)
		return notice_page(r, x, "token.invalid", HTTP_BAD_REQUEST);
	if ((st = token_take(r, x, f.text[SF_TOKEN], purpose, &res)) != HTTP_OK)
		return st;
	if (f.error[SF_PASSWORD] == NULL)
		form_error(&f, SF_PASSWORD,
		    pw_problem_key(pw_check(f.text[SF_PASSWORD],
			db_str(&res, 0, 3), db_str(&res, 0, 4))));
	if (f.nerrors > 0) {
		db_rollback(r->w->db); /* the link stays unused */
		return form_page(
		    r, x, page, NULL, action, submit, setpw_fields, &f);
	}
	id = db_int(&res, 0, 1);
	if ((hash = pw_hash(r->arena, f.text[SF_PASSWORD])) == NULL) {
		db_rollback(r->w->db);
		return HTTP_INTERNAL;
	}
	p[0] = DBP_S(hash);
	p[1] = DBP_I(id);
	if ((rc = db_exec(r->w->db, r->arena, STMT_ACCOUNT_PASSWORD, p, 2,
		 NULL)) != DB_OK)
		return db_undo(r, rc);
	p[0] = DBP_I(id);
	if ((rc = db_exec(r->w->db, r->arena, STMT_ACCOUNT_ACTIVATE, p, 1,
		 NULL)) != DB_OK)
		return db_undo(r, rc);
	r->audit_account = id;
	audit(r, arena_printf(r->arena, "password.%s", purpose), "account", id,
	    "ok");
	if ((rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	r->redirect = arena_printf(r->arena, "/account/login?done=%s", done);
	return HTTP_SEE_OTHER;
}

enum http_status
reset_do(struct req *r, struct xml *x)
{
	return setpw_do(r, x, "reset", "reset", "/account/password/reset",
	    "reset.submit", "reset");
}

enum http_status
invite_do(struct req *r, struct xml *x)
{
	return setpw_do(r, x, "invite", "invite", "/account/invite",
	    "invite.submit", "invited");
}

/* --- the profile ---------------------------------------------------------- */

/*
 * GET /account/ (and the profile again after a failed change): who I am,
 * my open sessions, and the forms to change password and e-mail and to
 * sign out everywhere.
 */
static enum http_status
profile_page(struct req *r, struct xml *x, const struct form *pwf,
    const struct form *emf)
{
	struct form empty_pw, empty_em;
	struct db_res ss;
	struct db_param p = DBP_I(r->sess->account);
	enum db_rc rc;
	size_t i;

	if ((rc = db_exec(
		 r->w->db, r->arena, STMT_SESSIONS_LIST, &p, 1, &ss)) != DB_OK)
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
	    xml_attr(x, "page", "profile") == -1 || write_done(r, x) == -1 ||
	    xml_start(x, "sessions") == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < ss.nrows; i++)
		if (xml_start(x, "session") == -1 ||
		    xml_attr(x, "created", db_str(&ss, i, 1)) == -1 ||
		    xml_attr(x, "last-seen", db_str(&ss, i, 2)) == -1 ||
		    xml_attr(x, "current",
			db_int(&ss, i, 0) == r->sess->id ? "1" : NULL) == -1 ||
		    xml_text(x, db_str(&ss, i, 3)) == -1 || xml_end(x) == -1)
			return HTTP_INTERNAL;
	if (xml_end(x) == -1 ||
	    form_write(x, "post", "/account/password",
		"profile.password.submit", password_fields, pwf) == -1 ||
	    form_write(x, "post", "/account/email", "profile.email.submit",
		email_fields, emf) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	if (pwf->nerrors + emf->nerrors > 0) {
		r->render = true;
		return HTTP_UNPROCESSABLE;
	}
	return HTTP_OK;
}

enum http_status
profile_show(struct req *r, struct xml *x)
{
	return profile_page(r, x, NULL, NULL);
}

/* Checks the caller's current password; -1 on a database failure. */
static int
current_password_ok(struct req *r, const char *pw, bool *ok)
{
	struct db_param p = DBP_S(r->sess->email);
	struct db_res res;

	if (db_exec(r->w->db, r->arena, STMT_ACCOUNT_BY_EMAIL, &p, 1, &res) !=
	    DB_OK)
		return -1;
	*ok = res.nrows == 1 && pw_verify(pw, db_str(&res, 0, 2));
	return 0;
}

/*
 * POST /account/password: a new password after the current one.  Every
 * session ends (the others are not to be trusted any more); this one gets
 * a new token at once.
 */
enum http_status
password_change(struct req *r, struct xml *x)
{
	struct form f;
	struct db_param p[2];
	enum db_rc rc;
	const char *hash;
	bool ok;

	form_validate(r, password_fields, PF__MAX, &f);
	if (f.nerrors == 0) {
		if (current_password_ok(r, f.text[PF_CURRENT], &ok) == -1)
			return HTTP_UNAVAILABLE;
		if (!ok)
			form_error(&f, PF_CURRENT, "profile.password.wrong");
		form_error(&f, PF_NEW,
		    pw_problem_key(pw_check(
			f.text[PF_NEW], r->sess->email, r->sess->name)));
	}
	if (f.nerrors > 0)
		return profile_page(r, x, &f, NULL);
	if ((hash = pw_hash(r->arena, f.text[PF_NEW])) == NULL)
		return HTTP_INTERNAL;
	p[0] = DBP_S(hash);
	p[1] = DBP_I(r->sess->account);
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = db_exec(r->w->db, r->arena, STMT_ACCOUNT_PASSWORD, p, 2,
		 NULL)) != DB_OK ||
	    (rc = session_start(r, r->sess->account)) != DB_OK)
		return db_undo(r, rc);
	audit(r, "password.change", "account", r->sess->account, "ok");
	if ((rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	r->redirect = "/account/?done=password";
	return HTTP_SEE_OTHER;
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
		     token))) != DB_OK)
		return db_undo(r, rc);
	audit(r, "email.change.asked", "account", r->sess->account, "ok");
	if ((rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	r->redirect = "/account/?done=email";
	return HTTP_SEE_OTHER;
}

enum http_status
email_confirm_show(struct req *r, struct xml *x)
{
	return link_show(r, x, "email-confirm", "/account/email/confirm",
	    "confirm.submit", token_fields, TF__MAX);
}

/* POST /account/email/confirm: the new address replaces the old one. */
enum http_status
email_confirm_do(struct req *r, struct xml *x)
{
	struct form f;
	struct db_res res;
	struct db_param p[2];
	enum http_status st;
	enum db_rc rc;
	int64_t id;

	form_validate(r, token_fields, TF__MAX, &f);
	if (f.nerrors > 0)
		return notice_page(r, x, "token.invalid", HTTP_BAD_REQUEST);
	if ((st = token_take(r, x, f.text[TF_TOKEN], "email", &res)) != HTTP_OK)
		return st;
	id = db_int(&res, 0, 1);
	p[0] = DBP_S(db_str(&res, 0, 2));
	p[1] = DBP_I(id);
	rc = db_exec(r->w->db, r->arena, STMT_ACCOUNT_EMAIL, p, 2, NULL);
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		return notice_page(r, x, "email.taken", HTTP_CONFLICT);
	}
	if (rc != DB_OK)
		return db_undo(r, rc);
	r->audit_account = id;
	audit(r, "email.change", "account", id, "ok");
	if ((rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	r->redirect = r->sess != NULL ? "/account/?done=emailchanged"
				      : "/account/login?done=emailchanged";
	return HTTP_SEE_OTHER;
}

/* POST /account/sessions/end: sign out everywhere, this browser too. */
enum http_status
sessions_end(struct req *r, struct xml *x)
{
	struct db_param p = DBP_I(r->sess->account);
	enum db_rc rc;

	if ((rc = db_exec(r->w->db, r->arena, STMT_SESSIONS_DELETE_ALL, &p, 1,
		 NULL)) != DB_OK)
		return db_status(rc);
	audit(r, "sessions.end", "account", r->sess->account, "ok");
	resp_cookie(r, "sid", "", 0);
	r->redirect = "/account/login?done=signedout";
	return HTTP_SEE_OTHER;
}
