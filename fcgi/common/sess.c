/* SPDX-License-Identifier: ISC */
/*
 * sess.c: who is asking.  A session is a 256-bit random token in the
 * HttpOnly, SameSite=Lax "sid" cookie; the database keeps only its
 * SHA-256.  A session ends when idle for SESS_IDLE_SECONDS, after
 * SESS_TTL_SECONDS in any case, when its account is disabled, and when
 * the account's rights or password change (account.rights_changed_at).
 * route.c loads it before any handler runs; handlers read r->sess.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <openssl/evp.h>

#include "karika.h"

const char *const role_names[ROLE__MAX] = {
    "citizen",	/* ROLE_CITIZEN */
    "provider", /* ROLE_PROVIDER */
    "csw",	/* ROLE_CSW */
    "analyst",	/* ROLE_ANALYST */
    "editor",	/* ROLE_EDITOR */
    "admin",	/* ROLE_ADMIN */
    "partner",	/* ROLE_PARTNER */
};

/*
 * Returns n random bytes from getrandom() as 2n lower-case hex digits in
 * the arena.  Aborts if the kernel cannot give randomness: a predictable
 * token is worse than a failed request.
 */
char *
token_new(struct arena *a, size_t n)
{
	unsigned char buf[64];
	char *s;

	if (n > sizeof(buf) || getrandom(buf, n, 0) != (ssize_t)n)
		abort();
	s = arena_alloc(a, 2 * n + 1);
	hex_encode(buf, n, s);
	explicit_bzero(buf, sizeof(buf));
	return s;
}

/*
 * SHA-256, looked up once per process.  Given EVP_sha256(), OpenSSL 3's
 * EVP_Digest fetches the provider's implementation again on every call,
 * which costs several times the hash of a token (a survey page hashes
 * the respondent's code on every request).  Never freed: it lives as
 * long as the process.
 */
static const EVP_MD *
sha256(void)
{
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
	static EVP_MD *md;

	if (md == NULL && (md = EVP_MD_fetch(NULL, "SHA256", NULL)) == NULL)
		abort();
	return md;
#else
	return EVP_sha256();
#endif
}

/* SHA-256 of a token as given: what the database stores and looks up. */
void
token_hash(const char *token, unsigned char out[32])
{
	unsigned int len = 0;

	if (EVP_Digest(token, strlen(token), out, &len, sha256(), NULL) != 1 ||
	    len != 32)
		abort();
}

/* True for exactly 64 lower-case hex digits. */
static bool
token_shape(const char *s)
{
	return s != NULL && strlen(s) == 2 * SESS_TOKEN_BYTES &&
	    strspn(s, "0123456789abcdef") == 2 * SESS_TOKEN_BYTES;
}

/*
 * A form token: the workers' 64 hex digits, or the 32 of the one nginx
 * gives a visitor of a kept page ($request_id: 128 bits from OpenSSL's
 * RAND_bytes, karika.conf).
 */
static bool
csrf_shape(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	return (n == 2 * CSRF_TOKEN_BYTES || n == 32) &&
	    strspn(s, "0123456789abcdef") == n;
}

/* Equality that takes the same time wherever the strings differ. */
bool
str_eq_ct(const char *a, const char *b)
{
	size_t la, lb, i;
	unsigned char d;

	if (a == NULL || b == NULL)
		return false;
	la = strlen(a);
	lb = strlen(b);
	d = la != lb;
	for (i = 0; i < la && i < lb; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

/*
 * Sets r->sess->perms and its scope from rows of (role, municipality,
 * organisation): CSTMT_SESSION's for a loaded session, or the registry's own
 * statement at sign-in.
 */
void
sess_roles(struct req *r, const struct db_res *res)
{
	size_t i, k;
	const char *name;

	r->sess->perms = 0;
	for (i = 0; i < res->nrows; i++) {
		name = db_str_at(res, i, 0);
		for (k = 0; k < ROLE__MAX; k++)
			if (name != NULL && strcmp(name, role_names[k]) == 0)
				r->sess->perms |= PERM_ROLE(k);
		if (db_str_at(res, i, 1) != NULL)
			r->sess->municipality = db_int_at(res, i, 1);
		if (db_str_at(res, i, 2) != NULL)
			r->sess->organisation = db_int_at(res, i, 2);
	}
}

/*
 * Issue 16: what lapsed, when the account is a case-work professional
 * whose licence or a required certificate has lapsed (session_load's q_
 * columns, migration 0014; NULL for everyone else).  The title of the
 * course comes in sr-Latn, bs and en; sr-Cyrl is transliterated here,
 * into the arena, only for a lapsed worker.
 */
static void
qual_load(struct req *r, const struct db_res *res)
{
	struct sess *s = r->sess;
	const char *latn;
	char *cyrl;

	if ((s->qual_lapsed = db_str(res, 0, "q_lapsed")) == NULL)
		return;
	s->qual_what = db_str(res, 0, "q_what");
	s->qual_course =
	    db_str(res, 0, "q_course") != NULL ? db_int(res, 0, "q_course") : 0;
	latn = db_str(res, 0, "q_title_sr_latn");
	s->qual_title[LOCALE_SR_LATN] = latn;
	s->qual_title[LOCALE_BS] = db_str(res, 0, "q_title_bs");
	s->qual_title[LOCALE_EN] = db_str(res, 0, "q_title_en");
	if (latn != NULL && (cyrl = translit_to_cyrl(latn)) != NULL) {
		s->qual_title[LOCALE_SR_CYRL] = arena_strdup(r->arena, cyrl);
		free(cyrl);
	}
}

/*
 * Loads the session named by the "sid" cookie into r->sess (left NULL
 * when there is none, or it has ended).  Returns 0, or -1 when the
 * database failed.
 */
int
sess_load(struct req *r)
{
	const char *sid = kv_get(&r->cookies, "sid");
	unsigned char hash[32];
	struct db_param p[2];
	struct db_res res;
	enum db_rc rc;

	r->sess = NULL;
	if (!token_shape(sid))
		return 0;
	token_hash(sid, hash);
	p[0] = (struct db_param){
	    .type = DBP_BLOB, .s = (const char *)hash, .len = sizeof(hash)};
	p[1] = DBP_I(SESS_IDLE_SECONDS);
	/* One round trip: the session marked seen, one row per role (role,
	 * municipality, organisation first; NULL without a role). */
	rc = db_exec(r->w->db, r->arena, DB_COMMON(CSTMT_SESSION), p, 2, &res);
	if (rc != DB_OK)
		return -1;
	if (res.nrows == 0)
		return 0;
	r->sess = arena_calloc(r->arena, 1, sizeof(*r->sess));
	r->sess->id = db_int(&res, 0, "session");
	r->sess->account = db_int(&res, 0, "account");
	r->sess->name = db_str(&res, 0, "name");
	r->sess->email = db_str(&res, 0, "email");
	r->sess->locale = db_str(&res, 0, "locale");
	r->csrf = db_str(&res, 0, "csrf");
	r->sess->created = db_str(&res, 0, "created");
	sess_roles(r, &res);
	qual_load(r, &res);
	return 0;
}

/*
 * Chooses the CSRF token this request's forms carry: the session's, or
 * for an anonymous caller the "csrf" cookie's (double submit), set anew
 * when missing.  A page the page cache may keep for every visitor (a
 * survey's welcome page) carries CSRF_SHARED and sets no cookie: nginx
 * gives each visitor a token of their own in both places.
 */
void
csrf_prepare(struct req *r)
{
	const char *c;

	if (r->sess != NULL)
		return;	 /* sess_load() set r->csrf */
	if (r->shared) { /* never this visitor's own token: others see it */
		r->csrf = CSRF_SHARED;
		return;
	}
	c = kv_get(&r->cookies, "csrf");
	if (csrf_shape(c)) {
		r->csrf = c;
		return;
	}
	r->csrf = token_new(r->arena, CSRF_TOKEN_BYTES);
	resp_cookie(r, "csrf", r->csrf, -1);
}

/* True when the form's "csrf" field carries this request's token. */
bool
csrf_check(struct req *r)
{
	const char *given = kv_get(&r->form, "csrf");

	return r->csrf != NULL && csrf_shape(given) &&
	    str_eq_ct(given, r->csrf);
}

/* The role an audit row names: the highest the caller holds, or "". */
static const char *
audit_role(const struct req *r)
{
	int k;

	if (r->sess == NULL)
		return "";
	for (k = ROLE__MAX - 1; k >= 0; k--)
		if (r->sess->perms & PERM_ROLE(k))
			return role_names[k];
	return "";
}

/*
 * Appends one row to the audit trail: who (r->sess, or account when the
 * caller is not signed in yet, e.g. a failed login; 0 for none), action,
 * the object's type and id (0 for none), and the outcome.  Runs inside
 * the caller's transaction if one is open.  Returns DB_OK or the
 * failure (logged): callers check it like outbox_add(), because a read of
 * a person's record that cannot be audited is not shown, and a change
 * without its row is rolled back.
 */
enum db_rc
audit(struct req *r, const char *action, const char *otype, int64_t oid,
    const char *outcome)
{
	int64_t who = r->sess != NULL ? r->sess->account : r->audit_account;
	enum db_rc rc;

	if ((rc = DBQ(r, DB_COMMON(CSTMT_AUDIT), NULL,
		 who > 0 ? DBP_I(who) : DBP_NUL, DBP_S(audit_role(r)),
		 DBP_S(action), DBP_S(otype != NULL ? otype : ""),
		 oid > 0 ? DBP_I(oid) : DBP_NUL, DBP_S(r->rid),
		 DBP_S(r->w->def->name),
		 DBP_S(outcome != NULL ? outcome : "ok"))) != DB_OK)
		LOGE("rid=%s: audit row for %s not written", r->rid, action);
	return rc;
}
