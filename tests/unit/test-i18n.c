/* SPDX-License-Identifier: ISC */
/*
 * test-i18n.c: locale negotiation: the lang parameter, then the cookie,
 * then Accept-Language (with q values), then the installation default.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "karika.h"

static void
query_wins_over_cookie_and_header(void **state)
{
	assert_int_equal(
	    locale_negotiate("en", "bs", "sr-Latn", LOCALE_SR_CYRL), LOCALE_EN);
}

static void
cookie_wins_over_header(void **state)
{
	assert_int_equal(
	    locale_negotiate(NULL, "bs", "en", LOCALE_SR_CYRL), LOCALE_BS);
}

static void
unknown_values_fall_through(void **state)
{
	assert_int_equal(
	    locale_negotiate("xx", "fr", "de", LOCALE_SR_LATN), LOCALE_SR_LATN);
	assert_int_equal(
	    locale_negotiate(NULL, NULL, NULL, LOCALE_EN), LOCALE_EN);
	assert_int_equal(locale_negotiate("", "", "", LOCALE_BS), LOCALE_BS);
}

static void
accept_language_honours_q_values(void **state)
{
	static const struct {
		const char *hdr;
		enum locale want;
	} cases[] = {
	    {"en-US,en;q=0.9", LOCALE_EN},
	    {"de;q=1, en;q=0.5, bs;q=0.8", LOCALE_BS},
	    {"sr", LOCALE_SR_CYRL},
	    {"sr-RS", LOCALE_SR_CYRL},
	    {"sr-Latn-RS,sr;q=0.5", LOCALE_SR_LATN},
	    {"sr-latn", LOCALE_SR_LATN},
	    {"hr-HR", LOCALE_BS},
	    {"en;q=0, bs;q=0.1", LOCALE_BS},
	    {"en;q=0", LOCALE_SR_CYRL},
	    {"fr, de", LOCALE_SR_CYRL},
	    {"en;q=abc", LOCALE_SR_CYRL},
	    {",,, ;;; ,", LOCALE_SR_CYRL},
	    {"english", LOCALE_SR_CYRL},
	    {"*", LOCALE_SR_CYRL},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(
		    locale_negotiate(NULL, NULL, cases[i].hdr, LOCALE_SR_CYRL),
		    cases[i].want);
}

static void
tags_round_trip(void **state)
{
	size_t i;

	for (i = 0; i < LOCALE__MAX; i++)
		assert_int_equal(locale_from_tag(locale_tags[i]), i);
	assert_int_equal(locale_from_tag("SR-CYRL"), LOCALE_SR_CYRL);
	assert_int_equal(locale_from_tag("sr"), LOCALE__MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(query_wins_over_cookie_and_header),
	    cmocka_unit_test(cookie_wins_over_header),
	    cmocka_unit_test(unknown_values_fall_through),
	    cmocka_unit_test(accept_language_honours_q_values),
	    cmocka_unit_test(tags_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
