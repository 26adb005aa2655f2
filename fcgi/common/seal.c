/* SPDX-License-Identifier: ISC */
/*
 * seal.c: a text sealed for a cookie, so that the browser holds it but
 * can neither read nor change it: AES-256-GCM under a 32-byte key of the
 * installation, a random 96-bit IV each time, the 128-bit tag checked on
 * opening; the whole as prefix + base64url (RFC 4648 section 5, no
 * padding: what a cookie's value may hold).  libcrypto does the cipher
 * and the base64 (EVP_EncodeBlock, EVP_DecodeBlock); only the URL-safe
 * alphabet is swapped here.  A survey's response in progress travels so
 * (fcgi/surveys/held.c).  seal_open() reads untrusted bytes: fuzzed by
 * tests/fuzz/fuzz-seal.c.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <openssl/evp.h>

#include "karika.h"

#define IV_BYTES  12
#define TAG_BYTES 16

static const char b64url_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

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

/* The bytes of base64url s into *out (*n set); -1 when s is not such. */
static int
b64url_decode(struct arena *a, const char *s, unsigned char **out, size_t *n)
{
	size_t len = strlen(s), padded = (len + 3) / 4 * 4, i;
	char *t;
	int got;

	if (len % 4 == 1 || strspn(s, b64url_chars) != len)
		return -1;
	t = arena_alloc(a, padded + 1);
	for (i = 0; i < len; i++)
		t[i] = s[i] == '-' ? '+' : s[i] == '_' ? '/' : s[i];
	for (; i < padded; i++)
		t[i] = '=';
	t[padded] = '\0';
	*out = arena_alloc(a, padded / 4 * 3 + 1);
	if ((got = EVP_DecodeBlock(
		 *out, (const unsigned char *)t, (int)padded)) < 0 ||
	    (size_t)got < padded - len)
		return -1;
	*n = (size_t)got - (padded - len);
	return 0;
}

/*
 * AES-256-GCM of the n bytes at in (enc) or back (!enc, the tag at
 * tag), into out; on encryption the tag is written to tag.  0, or -1
 * (for decryption: not sealed with this key, or changed).
 */
static int
gcm(const unsigned char key[SEAL_KEY_BYTES], bool enc, const unsigned char *iv,
    const unsigned char *in, size_t n, unsigned char *out, unsigned char *tag)
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
	if (n > INT32_MAX)
		return -1;
	ok = EVP_CipherInit_ex2(c, aes, key, iv, enc ? 1 : 0, NULL) == 1 &&
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

/* The length of the value seal_text() makes of n bytes after prefix. */
size_t
seal_len(const char *prefix, size_t n)
{
	size_t m = IV_BYTES + n + TAG_BYTES;

	return strlen(prefix) + 4 * (m / 3) + (m % 3 != 0 ? m % 3 + 1 : 0);
}

/*
 * The text plain sealed under key: prefix + base64url(IV | ciphertext |
 * tag), in the arena.  NULL when it would be longer than max bytes.
 */
const char *
seal_text(struct arena *a, const unsigned char key[SEAL_KEY_BYTES],
    const char *prefix, const char *plain, size_t max)
{
	size_t n = strlen(plain);
	unsigned char *box;

	if (seal_len(prefix, n) > max)
		return NULL;
	box = arena_alloc(a, IV_BYTES + n + TAG_BYTES);
	if (getrandom(box, IV_BYTES, 0) != IV_BYTES)
		abort();
	if (gcm(key, true, box, (const unsigned char *)plain, n, box + IV_BYTES,
		box + IV_BYTES + n) == -1)
		abort();
	return arena_printf(
	    a, "%s%s", prefix, b64url(a, box, IV_BYTES + n + TAG_BYTES));
}

/*
 * The text seal_text() sealed under key into value (which starts with
 * prefix), in the arena; NULL when value is anything else: not ours, not
 * under this key, changed by a single bit, or holding a NUL.
 */
char *
seal_open(struct arena *a, const unsigned char key[SEAL_KEY_BYTES],
    const char *prefix, const char *value)
{
	unsigned char *box;
	char *plain;
	size_t n;

	if (value == NULL || strncmp(value, prefix, strlen(prefix)) != 0 ||
	    b64url_decode(a, value + strlen(prefix), &box, &n) == -1 ||
	    n < IV_BYTES + TAG_BYTES)
		return NULL;
	n -= IV_BYTES + TAG_BYTES;
	plain = arena_alloc(a, n + 1);
	if (gcm(key, false, box, box + IV_BYTES, n, (unsigned char *)plain,
		box + IV_BYTES + n) == -1 ||
	    memchr(plain, '\0', n) != NULL)
		return NULL;
	plain[n] = '\0';
	return plain;
}
