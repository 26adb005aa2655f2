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
 * a row instead (answer.c's answer_keep()), as Save does.  The sealing is
 * fcgi/common/seal.c's.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "surveys.h"

static unsigned char seal_key[SEAL_KEY_BYTES];
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
	const char *plain, *v;

	*big = false;
	if (key_load(r) == -1)
		return NULL;
	plain =
	    arena_printf(r->arena, "1\t%lld\t%s\t%zu\t%lld\t%s\t%lld\t%s\t%s",
		(long long)s->id, s->version, page, (long long)s->invitation,
		s->invitation_group != NULL ? s->invitation_group : "",
		(long long)s->held_since, s->nonce, answers);
	if ((v = seal_text(r->arena, seal_key, SURVEY_HELD_PREFIX, plain,
		 SURVEY_HELD_MAX)) == NULL)
		*big = true;
	return v;
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

/* A whole number of at most 18 digits from s, or -1. */
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
	char *p, *f[8];
	long long id, page, inv, since;
	size_t i;

	if (!held_cookie(v) || key_load(r) == -1 ||
	    (p = seal_open(r->arena, seal_key, SURVEY_HELD_PREFIX, v)) == NULL)
		return -1;
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
