/* SPDX-License-Identifier: ISC */
/*
 * held.c: a response in progress held by the respondent's own browser
 * (issue 11; migration 0034).  Until the respondent saves it for later,
 * a response in progress is no row: its answers so far, the page it is
 * at, its invitation (if any) and a random nonce travel in the survey
 * cookie, sealed with AES-256-GCM under the installation's key
 * (survey_seal, made by the migration from MariaDB's RANDOM_BYTES).
 * Sealed, not only signed: whoever finds the cookie in a shared
 * computer's browser reads nothing of the answers, and nobody can make
 * one the server would take.  The last page inserts the whole response
 * in one transaction (survey_complete), where the nonce's hash
 * makes a page sent twice complete it once.
 *
 *   cookie value  "s1." base64url(iv[12] | ciphertext | tag[16])
 *   plaintext     "1" TAB survey id TAB definition version TAB page TAB
 *                 invitation id (0: none) TAB invitation group TAB
 *                 the Unix time of Start TAB nonce (32 hex digits) TAB
 *                 the answers (qdraft_json's array)
 *
 * A cookie must stay under browsers' 4,096 bytes: a sealed value longer
 * than SURVEY_HELD_MAX is not set, and the caller keeps the response as
 * a row instead (answer.c's keep()), as Save does.  libcrypto does the
 * cipher and the base64 (EVP_EncodeBlock, EVP_DecodeBlock), with the
 * URL-safe alphabet swapped in here.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <openssl/evp.h>

#include "karika.h"
#include "stmt.h"
#include "surveys.h"

#define IV_BYTES  12
#define TAG_BYTES 16

static unsigned char seal_key[32];
static bool seal_loaded;

/* The key of survey_seal, read once per process.  0, or -1 (logged). */
static int
key_load(struct req *r)
{
	struct db_res res;
	const char *hex;
	size_t i;
	unsigned v;

	if (seal_loaded)
		return 0;
	if (DBQ(r, STMT_SEAL_KEY, &res) != DB_OK || res.nrows != 1 ||
	    (hex = db_str(&res, 0, "k")) == NULL || strlen(hex) != 64) {
		LOGE("survey_seal: no key (migration 0034)");
		return -1;
	}
	for (i = 0; i < sizeof(seal_key); i++) {
		if (sscanf(hex + 2 * i, "%2x", &v) != 1)
			return -1;
		seal_key[i] = (unsigned char)v;
	}
	seal_loaded = true;
	return 0;
}

/* True when the survey cookie's value v is a held response's. */
bool
held_cookie(const char *v)
{
	return v != NULL &&
	    strncmp(v, SURVEY_HELD_PREFIX, strlen(SURVEY_HELD_PREFIX)) == 0;
}

/* A new nonce: 32 hex digits (128 random bits). */
void
held_nonce(char out[33])
{
	unsigned char b[16];

	if (getrandom(b, sizeof(b), 0) != (ssize_t)sizeof(b))
		abort();
	hex_encode(b, sizeof(b), out);
	out[32] = '\0';
}

/* The n bytes at p as base64url without padding, in the arena. */
static char *
b64url(struct arena *a, const unsigned char *p, size_t n)
{
	char *s = arena_alloc(a, 4 * ((n + 2) / 3) + 1), *c;
	int len = EVP_EncodeBlock((unsigned char *)s, p, (int)n);

	while (len > 0 && s[len - 1] == '=')
		len--;
	s[len] = '\0';
	for (c = s; *c != '\0'; c++)
		*c = *c == '+' ? '-' : *c == '/' ? '_' : *c;
	return s;
}

/* The bytes of base64url s into out (*n set); -1 when s is not such. */
static int
b64url_decode(struct arena *a, const char *s, unsigned char **out, size_t *n)
{
	size_t len = strlen(s), padded = (len + 3) / 4 * 4, i;
	char *t;
	int got;

	if (len % 4 == 1 ||
	    strspn(s,
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstu"
		"vwxyz0123456789-_") != len)
		return -1;
	t = arena_alloc(a, padded + 1);
	for (i = 0; i < len; i++)
		t[i] = s[i] == '-' ? '+' : s[i] == '_' ? '/' : s[i];
	for (; i < padded; i++)
		t[i] = '=';
	t[padded] = '\0';
	*out = arena_alloc(a, padded / 4 * 3 + 1);
	if ((got = EVP_DecodeBlock(
		 *out, (const unsigned char *)t, (int)padded)) < 0)
		return -1;
	*n = (size_t)got - (padded - len);
	return 0;
}

/*
 * AES-256-GCM of the n bytes at in (enc) or back (!enc, the tag at
 * tag), into out; on encryption the tag is written to tag.  0, or -1
 * (for decryption: not sealed by this key, or changed).
 */
static int
gcm(bool enc, const unsigned char *iv, const unsigned char *in, size_t n,
    unsigned char *out, unsigned char *tag)
{
	static EVP_CIPHER *aes;
	static EVP_CIPHER_CTX *c;
	int len = 0, fin = 0, ok;

	/* Fetched once: OpenSSL 3's implicit fetch looks it up each time. */
	if (aes == NULL &&
	    (aes = EVP_CIPHER_fetch(NULL, "AES-256-GCM", NULL)) == NULL)
		abort();
	if (c == NULL && (c = EVP_CIPHER_CTX_new()) == NULL)
		abort();
	ok = EVP_CipherInit_ex2(c, aes, seal_key, iv, enc ? 1 : 0, NULL) == 1 &&
	    EVP_CipherUpdate(c, out, &len, in, (int)n) == 1 &&
	    (enc ||
		EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, TAG_BYTES, tag) ==
		    1) &&
	    EVP_CipherFinal_ex(c, out + len, &fin) == 1 &&
	    (size_t)(len + fin) == n &&
	    (!enc ||
		EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, TAG_BYTES, tag) ==
		    1);
	EVP_CIPHER_CTX_reset(c);
	return ok ? 0 : -1;
}

/*
 * The sealed cookie value of held response s at page with the answers
 * (qdraft_json), in the arena; NULL when the key cannot be read (500) or
 * the value would be longer than SURVEY_HELD_MAX (*big set: keep it as a
 * row instead).
 */
const char *
held_seal(struct req *r, const struct survey *s, size_t page,
    const char *answers, bool *big)
{
	const char *plain;
	unsigned char *box;
	size_t n;

	*big = false;
	if (key_load(r) == -1)
		return NULL;
	plain =
	    arena_printf(r->arena, "1\t%lld\t%s\t%zu\t%lld\t%s\t%lld\t%s\t%s",
		(long long)s->id, s->version, page, (long long)s->invitation,
		s->invitation_group != NULL ? s->invitation_group : "",
		(long long)s->held_since, s->nonce, answers);
	n = strlen(plain);
	if (4 * ((IV_BYTES + n + TAG_BYTES + 2) / 3) +
		strlen(SURVEY_HELD_PREFIX) >
	    SURVEY_HELD_MAX) {
		*big = true;
		return NULL;
	}
	box = arena_alloc(r->arena, IV_BYTES + n + TAG_BYTES);
	if (getrandom(box, IV_BYTES, 0) != IV_BYTES)
		abort();
	if (gcm(true, box, (const unsigned char *)plain, n, box + IV_BYTES,
		box + IV_BYTES + n) == -1)
		return NULL;
	return arena_printf(r->arena, "%s%s", SURVEY_HELD_PREFIX,
	    b64url(r->arena, box, IV_BYTES + n + TAG_BYTES));
}

/* The next TAB-ended field of *p, NUL-terminated in place; NULL at end. */
static char *
field(char **p)
{
	char *f = *p, *t;

	if (f == NULL || (t = strchr(f, '\t')) == NULL)
		return NULL;
	*t = '\0';
	*p = t + 1;
	return f;
}

/* A whole number of at most 19 digits from s, or -1. */
static long long
whole(const char *s)
{
	long long v = 0;

	if (s == NULL || *s == '\0' || strlen(s) > 18 ||
	    strspn(s, "0123456789") != strlen(s))
		return -1;
	for (; *s != '\0'; s++)
		v = v * 10 + (*s - '0');
	return v;
}

/*
 * Opens the held response of cookie value v into s, whose survey row is
 * loaded: s->held and its page, answers, invitation, nonce, start and
 * the definition version it was answered under.  -1 when v is not one
 * this installation sealed for this survey, or is older than
 * SURVEY_HELD_DAYS (s unchanged: no response in progress).
 */
int
held_open(struct req *r, struct survey *s, const char *v)
{
	unsigned char *box;
	char *p, *f[8];
	long long id, page, inv, since;
	size_t n, i;

	if (!held_cookie(v) || key_load(r) == -1 ||
	    b64url_decode(r->arena, v + strlen(SURVEY_HELD_PREFIX), &box, &n) ==
		-1 ||
	    n < IV_BYTES + TAG_BYTES + 1)
		return -1;
	n -= IV_BYTES + TAG_BYTES;
	p = arena_alloc(r->arena, n + 1);
	if (gcm(false, box, box + IV_BYTES, n, (unsigned char *)p,
		box + IV_BYTES + n) == -1)
		return -1;
	p[n] = '\0';
	for (i = 0; i < 8; i++)
		if ((f[i] = field(&p)) == NULL)
			return -1;
	if (strcmp(f[0], "1") != 0 || (id = whole(f[1])) != s->id ||
	    (page = whole(f[3])) < 0 || (inv = whole(f[4])) < 0 ||
	    (since = whole(f[6])) < 0 || strlen(f[7]) != 32 ||
	    (long long)time(NULL) - since > SURVEY_HELD_DAYS * 86400LL)
		return -1;
	s->held = true;
	s->held_version = f[2];
	s->page = (size_t)page;
	s->invitation = inv;
	s->invitation_group = *f[5] != '\0' ? f[5] : NULL;
	s->held_since = since;
	memcpy(s->nonce, f[7], sizeof(s->nonce));
	s->answers = p;
	return 0;
}
