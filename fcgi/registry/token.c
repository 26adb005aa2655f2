/* SPDX-License-Identifier: ISC */
/*
 * token.c: the mechanisms behind the account pages, apart from the pages
 * themselves: single-use tokens of e-mailed links (issue, check, take),
 * starting a session, and the sign-in throttle.  They live in the
 * registry, not in fcgi/common, because the database grants let no other
 * worker touch accounts, sessions, tokens or the throttle (ARCHITECTURE,
 * "Security model"); any page of the registry that needs them calls
 * these instead of writing its own.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/hmac.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define THROTTLE_ACCOUNT_FREE 5	 /* failures before delays begin */
#define THROTTLE_ADDRESS_FREE 50 /* one address may be a whole office */
#define THROTTLE_BASE_SECONDS 30
#define THROTTLE_MAX_SECONDS  900 /* never longer: no lasting lock-out */

/*
 * Creates a single-use token for account (purpose: confirm, reset,
 * invite, email) valid ttl seconds and returns it (arena), or NULL with
 * the failure in *rc.
 */
const char *
token_issue(struct req *r, int64_t account, const char *purpose,
    const char *new_email, int64_t ttl, enum db_rc *rc)
{
	unsigned char hash[32];
	const char *t = token_new(r->arena, SESS_TOKEN_BYTES);

	token_hash(t, hash);
	*rc = DBQ(r, STMT_TOKEN_INSERT, NULL, DBP_I(account), DBP_S(purpose),
	    DBP_B(hash, sizeof(hash)),
	    new_email != NULL ? DBP_S(new_email) : DBP_NUL, DBP_I(ttl));
	return *rc == DB_OK ? t : NULL;
}

/*
 * Whether token still works for purpose (unused, unexpired), without
 * using it: the GET of a link's page says at once when it does not.
 * Returns 0 and *ok, or -1 on a database failure.
 */
int
token_valid(struct req *r, const char *token, const char *purpose, bool *ok)
{
	unsigned char hash[32];
	struct db_res res;

	token_hash(token, hash);
	if (DBQ(r, STMT_TOKEN_VALID, &res, DBP_B(hash, sizeof(hash)),
		DBP_S(purpose)) != DB_OK)
		return -1;
	*ok = res.nrows == 1;
	return 0;
}

/*
 * Opens a transaction, finds the unused, unexpired token of purpose (row
 * locked) and marks it used; res gets its row (columns id, account,
 * new_email, email, name, status, locale).  Returns HTTP_OK with the
 * transaction open for the caller's changes; HTTP_NOT_FOUND (nothing
 * open) when the link no longer works; or the database's failure.
 */
enum http_status
token_take(
    struct req *r, const char *token, const char *purpose, struct db_res *res)
{
	unsigned char hash[32];
	enum db_rc rc;

	token_hash(token, hash);
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_TOKEN_FIND, res, DBP_B(hash, sizeof(hash)),
		 DBP_S(purpose))) != DB_OK)
		return db_undo(r, rc);
	if (res->nrows == 0) {
		db_rollback(r->w->db);
		return HTTP_NOT_FOUND;
	}
	if ((rc = DBQ(r, STMT_TOKEN_USE, NULL, DBP_I(db_int(res, 0, "id")))) !=
	    DB_OK)
		return db_undo(r, rc);
	return HTTP_OK;
}

/*
 * Starts a new session for account: a new 256-bit token in the "sid"
 * cookie (a new one at every sign-in and change of rights: no fixation),
 * a new CSRF token.  The session remembers the browser only as a summary
 * ("firefox android", req.c).  Returns DB_OK or the failure.
 */
enum db_rc
session_start(struct req *r, int64_t account)
{
	unsigned char hash[32];
	const char *sid = token_new(r->arena, SESS_TOKEN_BYTES);
	enum db_rc rc;

	token_hash(sid, hash);
	r->csrf = token_new(r->arena, CSRF_TOKEN_BYTES);
	if ((rc = DBQ(r, STMT_SESSION_INSERT, NULL, DBP_I(account),
		 DBP_B(hash, sizeof(hash)), DBP_S(r->csrf),
		 DBP_I(SESS_TTL_SECONDS),
		 DBP_S(r->user_agent != NULL ? r->user_agent : ""))) != DB_OK)
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
 * delays after failures, capped: never a lasting lock-out).  Fills t's
 * keys for throttle_fail() and throttle_clear().  Returns -1 on a
 * database failure.
 */
int
throttle_check(
    struct req *r, const char *email, struct throttle *t, bool *blocked)
{
	struct db_res res;
	size_t i;
	int64_t wait = 0, w;
	bool isacct;

	throttle_key(r, "account", email, t->acct);
	throttle_key(r, "address", r->client != NULL ? r->client : "", t->addr);
	if (DBQ(r, STMT_THROTTLE_GET, &res, DBP_B(t->acct, 32),
		DBP_B(t->addr, 32)) != DB_OK)
		return -1;
	for (i = 0; i < res.nrows; i++) {
		isacct = strcmp(db_str(&res, i, "kind"), "account") == 0;
		w = throttle_wait(db_int(&res, i, "failures"),
		    db_int(&res, i, "since"),
		    isacct ? THROTTLE_ACCOUNT_FREE : THROTTLE_ADDRESS_FREE);
		if (w > wait)
			wait = w;
	}
	*blocked = wait > 0;
	return 0;
}

/* Counts one failed sign-in against the account and the address. */
void
throttle_fail(struct req *r, const struct throttle *t)
{
	DBQ(r, STMT_THROTTLE_FAIL, NULL, DBP_S("account"), DBP_B(t->acct, 32));
	DBQ(r, STMT_THROTTLE_FAIL, NULL, DBP_S("address"), DBP_B(t->addr, 32));
}

/*
 * After a sign-in: the account's failures are forgotten, and so is every
 * failure older than a day.  DB_OK or the failure.
 */
enum db_rc
throttle_clear(struct req *r, const struct throttle *t)
{
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_THROTTLE_CLEAR, NULL, DBP_B(t->acct, 32))) !=
	    DB_OK)
		return rc;
	return db_run(r, STMT_THROTTLE_FORGET, NULL, 0, NULL);
}
