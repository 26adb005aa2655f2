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
#include "extern.h"

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

/*
 * A query or body gets a slot per possible pair, not FORM_MAX_FIELDS of
 * them: one more than its '&', never beyond FORM_MAX_FIELDS.
 */
static void
query_slots_follow_its_ampersands(void **state)
{
	static const struct {
		const char *s;
		size_t slots;
	} t[] = {
	    {"", 0},
	    {"a=1", 1},
	    {"&", 2},
	    {"a=1&b=2", 2},
	    {"a=1&&b=2&", 4},
	    {"q=Petrovi%C4%87&page=2&after=7", 3},
	};
	struct arena *a = arena_new();
	char *q;
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(
		    kv_max_pairs(t[i].s, strlen(t[i].s)), t[i].slots);
	/* 5000 '&': capped; a lone pair among them still parses. */
	q = arena_alloc(a, 5004);
	memset(q, '&', 5000);
	memcpy(q + 5000, "a=1", 4);
	assert_int_equal(kv_max_pairs(q, 5003), FORM_MAX_FIELDS);
	arena_free(a);
}

/* Exactly FORM_MAX_FIELDS pairs, with empty ones between, all fit. */
static void
query_with_max_fields_and_empty_pairs_parses(void **state)
{
	struct arena *a = arena_new();
	struct kvlist l;
	char *q;
	size_t i, n = 0;

	q = arena_alloc(a, FORM_MAX_FIELDS * 6 + 1);
	for (i = 0; i < FORM_MAX_FIELDS; i++)
		n += (size_t)snprintf(q + n, 7, "a=%d&&", (int)(i % 10));
	assert_int_equal(kv_parse_urlencoded(a, q, n, &l), HTTP_OK);
	assert_int_equal(l.n, FORM_MAX_FIELDS);
	assert_string_equal(l.v[FORM_MAX_FIELDS - 1].val, "7");
	q = arena_strdup(a, "&&&b=2&&");
	assert_int_equal(kv_parse_urlencoded(a, q, strlen(q), &l), HTTP_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(kv_get(&l, "b"), "2");
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

/*
 * Real User-Agent headers, as browsers of the last few years send them,
 * and what the session list should call them.  The traps: every browser
 * built on Chrome says "Chrome/" and "Safari/", Android says "Linux", iOS
 * says "like Mac OS X", and Android's WebView looks like Chrome.
 */
static const struct {
	const char *ua;
	const char *summary;
} agents[] = {
    {"Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0",
	"firefox android"},
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 "
     "Firefox/131.0",
	"firefox windows"},
    {"Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:130.0) Gecko/20100101 "
     "Firefox/130.0",
	"firefox linux"},
    {"Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:131.0) Gecko/20100101 "
     "Firefox/131.0",
	"firefox macos"},
    {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) "
     "AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/131.0 Mobile/15E148 "
     "Safari/605.1.15",
	"firefox ios"},
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
     "like Gecko) Chrome/129.0.0.0 Safari/537.36",
	"chrome windows"},
    {"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like "
     "Gecko) Chrome/129.0.6668.81 Mobile Safari/537.36",
	"chrome android"},
    {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
     "(KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36",
	"chrome macos"},
    {"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/129.0.0.0 Safari/537.36",
	"chrome linux"},
    {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) "
     "AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/129.0.6668.69 "
     "Mobile/15E148 Safari/604.1",
	"chrome ios"},
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
     "like Gecko) Chrome/129.0.0.0 Safari/537.36 Edg/129.0.0.0",
	"edge windows"},
    {"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like "
     "Gecko) Chrome/129.0.0.0 Mobile Safari/537.36 EdgA/129.0.0.0",
	"edge android"},
    {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) "
     "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/129.2792.84 "
     "Mobile/15E148 Safari/605.1.15",
	"edge ios"},
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
     "like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
	"edge windows"},
    {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) "
     "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 "
     "Safari/604.1",
	"safari ios"},
    {"Mozilla/5.0 (iPad; CPU OS 16_7_10 like Mac OS X) AppleWebKit/605.1.15 "
     "(KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
	"safari ios"},
    {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
     "(KHTML, like Gecko) Version/18.0 Safari/605.1.15",
	"safari macos"},
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
     "like Gecko) Chrome/128.0.0.0 Safari/537.36 OPR/114.0.0.0",
	"opera windows"},
    {"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like "
     "Gecko) Chrome/128.0.0.0 Mobile Safari/537.36 OPR/85.0.0.0",
	"opera android"},
    {"Opera/9.80 (Windows NT 6.1; WOW64) Presto/2.12.388 Version/12.18",
	"opera windows"},
    {"Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 "
     "(KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile "
     "Safari/537.36",
	"samsung android"},
    /* Android's WebView, inside some app: not Chrome. */
    {"Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) "
     "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
     "Chrome/128.0.6613.127 Mobile Safari/537.36",
	"other android"},
    /* Android's old stock browser: WebKit, not Safari. */
    {"Mozilla/5.0 (Linux; U; Android 4.4.2; en-us; SM-T530 Build/KOT49H) "
     "AppleWebKit/534.30 (KHTML, like Gecko) Version/4.0 Safari/534.30",
	"other android"},
    /* An in-app browser on iOS: WebKit without Safari's Version/. */
    {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
     "AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 "
     "[FBAN/FBIOS;FBAV/470.0.0.38.108]",
	"other ios"},
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
     "like Gecko) Chrome/128.0.0.0 YaBrowser/24.10.0.0 Safari/537.36",
	"other windows"},
    {"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/128.0.0.0 Safari/537.36 Vivaldi/6.9.3447.46",
	"other linux"},
    {"Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, "
     "like Gecko) Chrome/129.0.0.0 Safari/537.36",
	"chrome other"},
    {"Mozilla/5.0 (X11; FreeBSD amd64; rv:128.0) Gecko/20100101 "
     "Firefox/128.0",
	"firefox other"},
    {"Mozilla/5.0 (Windows Phone 10.0; Android 6.0.1; Microsoft; Lumia 950) "
     "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/52.0.2743.116 Mobile "
     "Safari/537.36 Edge/15.15063",
	"edge other"},
    {"curl/7.88.1", "other other"},
    {"libwww-perl/6.68", "other other"},
    {"HTTP-Tiny/0.086", "other other"},
    {"Safari/605.1.15", "other other"},
    {"", "other other"},
};

static void
user_agent_becomes_browser_and_system(void **state)
{
	struct arena *a = arena_new();
	size_t i;

	for (i = 0; i < sizeof(agents) / sizeof(agents[0]); i++) {
		const char *got = ua_summary(a, agents[i].ua);

		if (strcmp(got, agents[i].summary) != 0)
			fail_msg("agent %zu \"%s\": \"%s\", expected \"%s\"", i,
			    agents[i].ua, got, agents[i].summary);
	}
	assert_string_equal(ua_summary(a, NULL), "other other");
	arena_free(a);
}

static void
request_keeps_only_the_agent_summary(void **state)
{
	const char *env[] = {"REQUEST_METHOD=GET", "DOCUMENT_URI=/",
	    "HTTP_USER_AGENT=Mozilla/5.0 (Android 14; Mobile; rv:128.0) "
	    "Gecko/128.0 Firefox/128.0",
	    NULL};
	const char *env2[] = {"REQUEST_METHOD=GET", "DOCUMENT_URI=/", NULL};
	struct arena *a = arena_new();
	struct req r;

	assert_int_equal(parse(a, env, &r), HTTP_OK);
	assert_string_equal(r.user_agent, "firefox android");
	assert_int_equal(parse(a, env2, &r), HTTP_OK);
	assert_string_equal(r.user_agent, "other other");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(query_is_decoded_into_pairs),
	    cmocka_unit_test(query_with_bad_input_is_400),
	    cmocka_unit_test(query_with_too_many_fields_is_400),
	    cmocka_unit_test(query_slots_follow_its_ampersands),
	    cmocka_unit_test(query_with_max_fields_and_empty_pairs_parses),
	    cmocka_unit_test(cookies_skip_malformed_pairs),
	    cmocka_unit_test(get_request_parses_path_query_and_locale),
	    cmocka_unit_test(path_with_control_characters_is_400),
	    cmocka_unit_test(unknown_method_is_other_and_bad_id_is_replaced),
	    cmocka_unit_test(post_over_the_limit_is_413),
	    cmocka_unit_test(user_agent_becomes_browser_and_system),
	    cmocka_unit_test(request_keeps_only_the_agent_summary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
