/* SPDX-License-Identifier: ISC */
/*
 * pw.c: passwords.  Hashed with yescrypt through libcrypt (crypt_gensalt_ra
 * and crypt_r), verified in constant time, checked for a minimum length and
 * against a list of the most common passwords (and the account's own
 * e-mail).  A password is never logged and never echoed into a page;
 * crypt's work area is wiped here after use.
 */
#include <crypt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "karika.h"

/*
 * The passwords people choose most, in Serbia and Bosnia as elsewhere:
 * refused whatever their length.  Compared case-insensitively.
 */
static const char *const pw_common[] = {
    "1234567890",
    "12345678910",
    "123456789a",
    "0123456789",
    "1111111111",
    "0000000000",
    "1234512345",
    "1q2w3e4r5t",
    "qwertyuiop",
    "qwertzuiop",
    "asdfghjkl1",
    "password12",
    "password123",
    "password1234",
    "passw0rd12",
    "iloveyou12",
    "lozinka123",
    "lozinka1234",
    "sifra12345",
    "sifra123456",
    "šifra12345",
    "korisnik123",
    "administrator",
    "admin12345",
    "admin123456",
    "welcome123",
    "dobrodosli",
    "dobrodošli",
    "srbija1234",
    "beograd123",
    "sarajevo123",
    "novipazar1",
    "zvezda1991",
    "partizan1945",
    "volimte123",
    "volimtemnogo",
    "mojalozinka",
    "karika1234",
    "karika12345",
    "changeme123",
    "letmein1234",
    "football123",
    "qwerty12345",
    "qwerty123456",
    "abcdefghij",
    "abcd123456",
    "aaaaaaaaaa",
    "9876543210",
    "987654321a",
    "zaq12wsx34",
};

/*
 * Why password pw (as typed) will not do for the account with this
 * e-mail and name (either may be NULL): PW_OK, or the problem.
 */
enum pw_problem
pw_check(const char *pw, const char *email, const char *name)
{
	size_t i, n = strlen(pw);
	char local[128];
	const char *at;

	if (n > PW_MAX_BYTES)
		return PW_TOO_LONG;
	if (utf8_chars(pw, n) < PW_MIN_CHARS)
		return PW_TOO_SHORT;
	for (i = 0; i < sizeof(pw_common) / sizeof(pw_common[0]); i++)
		if (strcasecmp(pw, pw_common[i]) == 0)
			return PW_COMMON;
	if (email != NULL && strcasecmp(pw, email) == 0)
		return PW_COMMON;
	if (email != NULL && (at = strchr(email, '@')) != NULL &&
	    (size_t)(at - email) < sizeof(local)) {
		memcpy(local, email, (size_t)(at - email));
		local[at - email] = '\0';
		if (strcasecmp(pw, local) == 0)
			return PW_COMMON;
	}
	if (name != NULL && strcasecmp(pw, name) == 0)
		return PW_COMMON;
	return PW_OK;
}

/*
 * Returns the yescrypt hash of pw ("$y$..."), in the arena, or NULL
 * (logged) if libcrypt fails.  The cost is libcrypt's default for
 * yescrypt; scripts/bench prints the logins per second it allows.
 */
char *
pw_hash(struct arena *a, const char *pw)
{
	struct crypt_data *cd;
	char *setting = NULL, *out = NULL;
	const char *h;

	if ((setting = crypt_gensalt_ra("$y$", 0, NULL, 0)) == NULL) {
		LOGE("crypt_gensalt_ra failed");
		return NULL;
	}
	cd = arena_calloc(a, 1, sizeof(*cd));
	h = crypt_r(pw, setting, cd);
	if (h != NULL && h[0] == '$')
		out = arena_strdup(a, h);
	else
		LOGE("crypt_r failed");
	explicit_bzero(cd, sizeof(*cd));
	free(setting);
	return out;
}

/* True when pw matches the stored hash (constant-time comparison). */
bool
pw_verify(const char *pw, const char *hash)
{
	struct crypt_data *cd;
	const char *h;
	bool ok;

	if (hash == NULL || hash[0] != '$')
		return false;
	cd = xcalloc(1, sizeof(*cd));
	h = crypt_r(pw, hash, cd);
	ok = h != NULL && h[0] == '$' && str_eq_ct(h, hash);
	explicit_bzero(cd, sizeof(*cd));
	free(cd);
	return ok;
}
