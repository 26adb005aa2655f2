/* SPDX-License-Identifier: ISC */
/*
 * test-req.c: request parsing from CGI parameters, as a worker receives
 * them from nginx: query strings, cookies, methods, paths, the locale.
 * Malformed input must be a 400, never a crash or a half-parsed request.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "karika.h"

static enum http_status
parse(struct arena *a, const char **env, struct req *r)
{
	memset(r, 0, sizeof(*r));
	r->arena = a;
	return req_parse(r, env);
}

static void
query_is_decoded_into_pairs(void **state)
{
	struct arena *a = arena_new();
	struct kvlist l;
	const char q[] = "lang=en&year=2026&name=%C4%90or%C4%91e+P.&empty&&x=";

	assert_int_equal(kv_parse_urlencoded(a, q, strlen(q), &l), HTTP_OK);
	assert_int_equal(l.n, 5);
	assert_string_equal(kv_get(&l, "lang"), "en");
	assert_string_equal(kv_get(&l, "name"), "Đorđe P.");
	assert_string_equal(kv_get(&l, "empty"), "");
	assert_string_equal(kv_get(&l, "x"), "");
	assert_null(kv_get(&l, "missing"));
	arena_free(a);
}

static void
query_with_bad_input_is_400(void **state)
{
	static const char *const bad[] = {"a=%", "a=%zz", "a=%00", "a=%01",
	    "a=%ff", "a=%c3", "%0a=1", "a=%1F", "a=%7F", "=x",
	    "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"
	    "kk=1"};
	struct arena *a = arena_new();
	struct kvlist l;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(
		    kv_parse_urlencoded(a, bad[i], strlen(bad[i]), &l),
		    HTTP_BAD_REQUEST);
	arena_free(a);
}

static void
query_with_too_many_fields_is_400(void **state)
{
	struct arena *a = arena_new();
	struct kvlist l;
	char *q;
	size_t i, n = 0;

	q = arena_alloc(a, (FORM_MAX_FIELDS + 1) * 4 + 1);
	for (i = 0; i <= FORM_MAX_FIELDS; i++)
		n += (size_t)snprintf(q + n, 5, "a=%d&", (int)(i % 10));
	assert_int_equal(kv_parse_urlencoded(a, q, n, &l), HTTP_BAD_REQUEST);
	arena_free(a);
}

static void
cookies_skip_malformed_pairs(void **state)
{
	struct arena *a = arena_new();
	struct kvlist l;

	kv_parse_cookies(a, "lang=en; bad; =x; sid=abc\x01; other=1", &l);
	assert_string_equal(kv_get(&l, "lang"), "en");
	assert_string_equal(kv_get(&l, "other"), "1");
	assert_null(kv_get(&l, "sid"));
	assert_int_equal(l.n, 2);
	arena_free(a);
}

static void
get_request_parses_path_query_and_locale(void **state)
{
	const char *env[] = {"REQUEST_METHOD=GET", "DOCUMENT_URI=/surveys/",
	    "QUERY_STRING=lang=sr-Latn", "HTTP_ACCEPT_LANGUAGE=en",
	    "REQUEST_ID=0123456789abcdef0123456789abcdef", NULL};
	struct arena *a = arena_new();
	struct req r;

	assert_int_equal(parse(a, env, &r), HTTP_OK);
	assert_int_equal(r.method, METHOD_GET);
	assert_string_equal(r.path, "/surveys/");
	assert_int_equal(r.locale, LOCALE_SR_LATN);
	assert_true(r.set_locale_cookie);
	assert_string_equal(r.rid, "0123456789abcdef0123456789abcdef");
	arena_free(a);
}

static void
path_with_control_characters_is_400(void **state)
{
	const char *env[] = {
	    "REQUEST_METHOD=GET", "DOCUMENT_URI=/a\x01z", NULL};
	const char *env2[] = {
	    "REQUEST_METHOD=GET", "DOCUMENT_URI=/a\xffz", NULL};
	const char *env3[] = {"REQUEST_METHOD=GET", "DOCUMENT_URI=nope", NULL};
	struct arena *a = arena_new();
	struct req r;

	assert_int_equal(parse(a, env, &r), HTTP_BAD_REQUEST);
	assert_int_equal(parse(a, env2, &r), HTTP_BAD_REQUEST);
	assert_int_equal(parse(a, env3, &r), HTTP_BAD_REQUEST);
	arena_free(a);
}

static void
unknown_method_is_other_and_bad_id_is_replaced(void **state)
{
	const char *env[] = {"REQUEST_METHOD=DELETE", "DOCUMENT_URI=/",
	    "REQUEST_ID=<script>", NULL};
	struct arena *a = arena_new();
	struct req r;

	assert_int_equal(parse(a, env, &r), HTTP_OK);
	assert_int_equal(r.method, METHOD_OTHER);
	assert_int_equal(strlen(r.rid), 16);
	assert_int_equal(strspn(r.rid, "0123456789abcdef"), 16);
	arena_free(a);
}

static void
post_over_the_limit_is_413(void **state)
{
	const char *env[] = {"REQUEST_METHOD=POST", "DOCUMENT_URI=/",
	    "CONTENT_TYPE=application/x-www-form-urlencoded",
	    "CONTENT_LENGTH=999999999", NULL};
	const char *env2[] = {"REQUEST_METHOD=POST", "DOCUMENT_URI=/",
	    "CONTENT_LENGTH=12x", NULL};
	struct arena *a = arena_new();
	struct req r;

	assert_int_equal(parse(a, env, &r), HTTP_TOO_LARGE);
	assert_int_equal(parse(a, env2, &r), HTTP_BAD_REQUEST);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(query_is_decoded_into_pairs),
	    cmocka_unit_test(query_with_bad_input_is_400),
	    cmocka_unit_test(query_with_too_many_fields_is_400),
	    cmocka_unit_test(cookies_skip_malformed_pairs),
	    cmocka_unit_test(get_request_parses_path_query_and_locale),
	    cmocka_unit_test(path_with_control_characters_is_400),
	    cmocka_unit_test(unknown_method_is_other_and_bad_id_is_replaced),
	    cmocka_unit_test(post_over_the_limit_is_413),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
