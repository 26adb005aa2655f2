/* SPDX-License-Identifier: ISC */
/*
 * test-pw.c: passwords (pw.c).  pw_check names each problem a new
 * password can have, counting characters, not bytes; pw_hash and
 * pw_verify round-trip through yescrypt and refuse everything else.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "karika.h"

static void
check_accepts_a_long_uncommon_password(void **state)
{
	assert_int_equal(pw_check("konj i ljubičica 42", NULL, NULL), PW_OK);
	assert_int_equal(
	    pw_check("Ђорђевић-ЉубаВ", "ljuba@example.org", "Ljuba"), PW_OK);
}

static void
check_refuses_fewer_than_min_characters(void **state)
{
	static const char *const shorts[] = {"", "a", "123456789", "kratka!!"};
	size_t i;

	for (i = 0; i < sizeof(shorts) / sizeof(shorts[0]); i++)
		assert_int_equal(pw_check(shorts[i], NULL, NULL), PW_TOO_SHORT);
}

static void
check_counts_characters_not_bytes(void **state)
{
	/* Nine Cyrillic letters: 18 bytes, still too short. */
	assert_int_equal(pw_check("љљљљљљљљљ", NULL, NULL), PW_TOO_SHORT);
	assert_int_equal(pw_check("љљљљљљљљљљ", NULL, NULL), PW_OK);
}

static void
check_refuses_more_than_max_bytes(void **state)
{
	char pw[PW_MAX_BYTES + 2];

	memset(pw, 'x', PW_MAX_BYTES);
	pw[PW_MAX_BYTES] = '\0';
	assert_int_equal(pw_check(pw, NULL, NULL), PW_OK);
	pw[PW_MAX_BYTES] = 'x';
	pw[PW_MAX_BYTES + 1] = '\0';
	assert_int_equal(pw_check(pw, NULL, NULL), PW_TOO_LONG);
}

static void
check_refuses_common_passwords_in_any_case(void **state)
{
	static const char *const common[] = {"1234567890", "qwertyuiop",
	    "QWERTYUIOP", "Lozinka123", "šifra12345", "administrator"};
	size_t i;

	for (i = 0; i < sizeof(common) / sizeof(common[0]); i++)
		assert_int_equal(pw_check(common[i], NULL, NULL), PW_COMMON);
}

static void
check_refuses_the_accounts_own_email_and_name(void **state)
{
	const char *email = "ljubica.djordjevic@example.org";

	assert_int_equal(pw_check(email, email, NULL), PW_COMMON);
	assert_int_equal(
	    pw_check("LJUBICA.DJORDJEVIC@example.org", email, NULL), PW_COMMON);
	assert_int_equal(
	    pw_check("ljubica.djordjevic", email, NULL), PW_COMMON);
	assert_int_equal(
	    pw_check("Ljubica Djordjevic", NULL, "ljubica djordjevic"),
	    PW_COMMON);
	/* Only the local part as a whole, not a password containing it. */
	assert_int_equal(
	    pw_check("ljubica.djordjevic-1990", email, NULL), PW_OK);
}

static void
hash_then_verify_round_trips(void **state)
{
	struct arena *a = arena_new();
	const char *pw = "konj i ljubičica 42";
	char *h1, *h2;

	h1 = pw_hash(a, pw);
	assert_non_null(h1);
	assert_memory_equal(h1, "$y$", 3);
	assert_true(pw_verify(pw, h1));
	/* A fresh salt each time: the same password, another hash. */
	h2 = pw_hash(a, pw);
	assert_non_null(h2);
	assert_string_not_equal(h1, h2);
	assert_true(pw_verify(pw, h2));
	arena_free(a);
}

static void
verify_refuses_a_wrong_password(void **state)
{
	struct arena *a = arena_new();
	char *h;

	h = pw_hash(a, "konj i ljubičica 42");
	assert_non_null(h);
	assert_false(pw_verify("konj i ljubičica 43", h));
	assert_false(pw_verify("Konj i ljubičica 42", h));
	assert_false(pw_verify("", h));
	assert_false(pw_verify("konj i ljubičica 42 ", h));
	arena_free(a);
}

static void
verify_refuses_a_missing_or_malformed_hash(void **state)
{
	assert_false(pw_verify("konj i ljubičica 42", NULL));
	assert_false(pw_verify("konj i ljubičica 42", ""));
	assert_false(pw_verify("konj i ljubičica 42", "plain text"));
	assert_false(pw_verify("konj i ljubičica 42", "$y$"));
	assert_false(pw_verify("konj i ljubičica 42", "$y$j9T$garbage"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(check_accepts_a_long_uncommon_password),
	    cmocka_unit_test(check_refuses_fewer_than_min_characters),
	    cmocka_unit_test(check_counts_characters_not_bytes),
	    cmocka_unit_test(check_refuses_more_than_max_bytes),
	    cmocka_unit_test(check_refuses_common_passwords_in_any_case),
	    cmocka_unit_test(check_refuses_the_accounts_own_email_and_name),
	    cmocka_unit_test(hash_then_verify_round_trips),
	    cmocka_unit_test(verify_refuses_a_wrong_password),
	    cmocka_unit_test(verify_refuses_a_missing_or_malformed_hash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
