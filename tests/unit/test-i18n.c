/* SPDX-License-Identifier: ISC */
/*
 * test-i18n.c: locale negotiation: the lang parameter, then the cookie,
 * then Accept-Language (with q values), then the installation default.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
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

/*
 * A catalogue as a program reads it: the entries of a prefix, the first of
 * a repeated key, the text without its marks; "{n}" filled as "t" does.
 */
static void
catalogue_lookup(void **state)
{
	char dir[] = "/tmp/test-i18n.XXXXXX", path[64];
	struct i18n_cat cat = {NULL, 0};
	struct arena *a = arena_new();
	FILE *f;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/en.xml", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<catalogue>\n"
	      "<m k=\"b.one\">First</m>\n<m k=\"a.two\">At most {n}.</m>\n"
	      "<m k=\"b.one\">Second</m>\n"
	      "<m k=\"c.x\">Mark <x translit=\"no\">edit</x> kept</m>\n"
	      "<m k=\"mail.s\">Subject</m>\n</catalogue>\n",
	    f);
	fclose(f);
	assert_int_equal(i18n_cat_load(&cat, dir, "en", "", 100), 0);
	assert_int_equal(cat.n, 5);
	assert_string_equal(i18n_cat_get(&cat, "b.one"), "First");
	assert_string_equal(i18n_cat_get(&cat, "a.two"), "At most {n}.");
	assert_string_equal(i18n_cat_get(&cat, "c.x"), "Mark edit kept");
	assert_null(i18n_cat_get(&cat, "b"));
	assert_null(i18n_cat_get(&cat, "zzz"));
	assert_string_equal(
	    i18n_fill(a, i18n_cat_get(&cat, "a.two"), "30"), "At most 30.");
	assert_string_equal(
	    i18n_fill(a, i18n_cat_get(&cat, "a.two"), NULL), "At most .");
	assert_int_equal(i18n_cat_load(&cat, dir, "en", "mail.", 100), 0);
	assert_int_equal(cat.n, 1);
	assert_null(i18n_cat_get(&cat, "b.one"));
	assert_int_equal(i18n_cat_load(&cat, dir, "en", "", 2), -1);
	assert_int_equal(cat.n, 0);
	assert_int_equal(i18n_cat_load(&cat, dir, "bs", "", 100), -1);
	i18n_cat_release(&cat);
	unlink(path);
	rmdir(dir);
	arena_free(a);
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
	    cmocka_unit_test(catalogue_lookup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
