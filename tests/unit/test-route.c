/* SPDX-License-Identifier: ISC */
/*
 * test-route.c: route patterns: exact segments, numeric ids, and the
 * near misses that must not match (trailing slash, zero, signs, huge).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "extern.h"

static void
exact_paths_match_only_themselves(void **state)
{
	int64_t ids[PATH_MAX_IDS];
	size_t n;

	assert_true(route_match("/", "/", ids, &n));
	assert_true(route_match("/surveys/", "/surveys/", ids, &n));
	assert_false(route_match("/surveys/", "/surveys", ids, &n));
	assert_false(
	    route_match("/registry/services", "/registry/services/", ids, &n));
	assert_false(
	    route_match("/registry/services", "/registry/serv", ids, &n));
	assert_false(route_match("/", "/x", ids, &n));
	/* "*": a code, checked, not stored */
	assert_true(
	    route_match("/surveys/*/", "/surveys/needs-2026/", ids, &n));
	assert_true(
	    route_match("/surveys/*/page", "/surveys/a_b/page", ids, &n));
	assert_false(route_match("/surveys/*/", "/surveys//", ids, &n));
	assert_false(route_match("/surveys/*/", "/surveys/Needs/", ids, &n));
	assert_false(route_match("/surveys/*/", "/surveys/-x/", ids, &n));
	assert_false(route_match("/surveys/*/", "/surveys/health", ids, &n));
	assert_false(route_match(
	    "/surveys/*/", "/surveys/aaaaaaaaaaaaaaaaaaaaaaaaa/", ids, &n));
}

static void
id_segments_are_parsed(void **state)
{
	int64_t ids[PATH_MAX_IDS];
	size_t n = 0;

	assert_true(route_match("/a/%/b/%", "/a/12/b/9000000000", ids, &n));
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], 12);
	assert_true(ids[1] == 9000000000LL);
}

static void
bad_ids_do_not_match(void **state)
{
	static const char *const bad[] = {"/a/0", "/a/-1", "/a/+1", "/a/01",
	    "/a/1x", "/a/", "/a/99999999999999999999", "/a/1/", "/a/%31"};
	int64_t ids[PATH_MAX_IDS];
	size_t i, n;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(route_match("/a/%", bad[i], ids, &n));
}

static void
months_are_two_numbers_in_one_segment(void **state)
{
	static const char *const bad[] = {"/d/2026", "/d/2026-", "/d/-10",
	    "/d/2026-10-", "/d/2026_10", "/d/2026-1x", "/d/x2026-10",
	    "/d/2026-10/x", "/d/99999999999999999999-1"};
	int64_t ids[PATH_MAX_IDS];
	size_t i, n = 0;

	assert_true(route_match("/d/%-%", "/d/2026-04", ids, &n));
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], 2026);
	assert_int_equal(ids[1], 4);
	assert_true(route_match("/d/%-%/close", "/d/2026-10/close", ids, &n));
	assert_int_equal(ids[1], 10);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(route_match("/d/%-%", bad[i], ids, &n));
}

static void
redirects_stay_on_this_site(void **state)
{
	static const char *const bad[] = {"//evil.example/x", "/\\evil.example",
	    "https://evil.example/", "evil", "", "/a\r\nSet-Cookie: x=1",
	    "/a\\b", NULL};
	size_t i;

	assert_true(path_local("/"));
	assert_true(path_local("/account/?done=password"));
	for (i = 0; bad[i] != NULL; i++)
		assert_false(path_local(bad[i]));
	assert_false(path_local(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(exact_paths_match_only_themselves),
	    cmocka_unit_test(id_segments_are_parsed),
	    cmocka_unit_test(bad_ids_do_not_match),
	    cmocka_unit_test(months_are_two_numbers_in_one_segment),
	    cmocka_unit_test(redirects_stay_on_this_site),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
