/* SPDX-License-Identifier: ISC */
/*
 * test-sess.c: the pure helpers of sess.c.  A token is 2n lower-case hex
 * digits from getrandom, never the same twice; the database stores its
 * SHA-256; and tokens are compared in constant time, NULL matching
 * nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "karika.h"

static void
token_is_twice_n_lower_case_hex_digits(void **state)
{
	struct arena *a = arena_new();
	const char *t;

	t = token_new(a, SESS_TOKEN_BYTES);
	assert_int_equal(strlen(t), 2 * SESS_TOKEN_BYTES);
	assert_int_equal(strspn(t, "0123456789abcdef"), 2 * SESS_TOKEN_BYTES);
	t = token_new(a, 8); /* a request id */
	assert_int_equal(strlen(t), 16);
	assert_int_equal(strspn(t, "0123456789abcdef"), 16);
	t = token_new(a, 0);
	assert_string_equal(t, "");
	arena_free(a);
}

static void
tokens_never_repeat(void **state)
{
	struct arena *a = arena_new();
	const char *t[64];
	size_t i, k;

	for (i = 0; i < 64; i++) {
		t[i] = token_new(a, SESS_TOKEN_BYTES);
		for (k = 0; k < i; k++)
			assert_string_not_equal(t[i], t[k]);
	}
	arena_free(a);
}

/* The hash as 64 hex digits, for comparison with published vectors. */
static void
hash_hex(const char *token, char out[65])
{
	unsigned char h[32];

	token_hash(token, h);
	hex_encode(h, sizeof(h), out);
}

static void
token_hash_is_sha256_of_the_text(void **state)
{
	char hex[65];

	/* FIPS 180-2 and the empty string's well-known digest. */
	hash_hex("abc", hex);
	assert_string_equal(hex,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	hash_hex("", hex);
	assert_string_equal(hex,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	/* The token as text, not its bytes: "ab" is two characters. */
	hash_hex("ab", hex);
	assert_string_equal(hex,
	    "fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603");
}

static void
eq_ct_accepts_only_identical_strings(void **state)
{
	assert_true(str_eq_ct("", ""));
	assert_true(str_eq_ct("c0ffee", "c0ffee"));
	assert_false(str_eq_ct("c0ffee", "c0ffef"));  /* last byte */
	assert_false(str_eq_ct("c0ffee", "d0ffee"));  /* first byte */
	assert_false(str_eq_ct("c0ffee", "C0FFEE"));  /* case counts */
	assert_false(str_eq_ct("c0ffee", "c0ffee0")); /* a prefix */
	assert_false(str_eq_ct("c0ffee0", "c0ffee"));
	assert_false(str_eq_ct("", "c"));
}

static void
eq_ct_never_matches_null(void **state)
{
	assert_false(str_eq_ct(NULL, "c0ffee"));
	assert_false(str_eq_ct("c0ffee", NULL));
	assert_false(str_eq_ct(NULL, NULL));
	assert_false(str_eq_ct(NULL, ""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(token_is_twice_n_lower_case_hex_digits),
	    cmocka_unit_test(tokens_never_repeat),
	    cmocka_unit_test(token_hash_is_sha256_of_the_text),
	    cmocka_unit_test(eq_ct_accepts_only_identical_strings),
	    cmocka_unit_test(eq_ct_never_matches_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
