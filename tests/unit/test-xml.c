/* SPDX-License-Identifier: ISC */
/*
 * test-xml.c: the response writer (xml.c).  libxml2 escapes markup in
 * text and attributes, but writes control characters and invalid UTF-8
 * straight through (STYLE 3.7): xml.c must refuse those, so that no
 * stored value can make a page ill-formed.  NULL values write nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "karika.h"

/* The document so far, as a string owned by x. */
static const char *
doc(struct xml *x)
{
	const char *out = NULL;
	size_t len = 0;

	assert_int_equal(xml_finish(x, &out, &len), 0);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	return out;
}

static void
text_escapes_markup(void **state)
{
	struct xml *x = xml_new();

	assert_int_equal(xml_elem_text(x, "p", "<b>Tom & \"Jerry\"</b>"), 0);
	assert_string_equal(
	    doc(x), "<p>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;</p>");
	xml_free(x);
}

static void
attribute_escapes_markup_and_quotes(void **state)
{
	struct xml *x = xml_new();

	assert_int_equal(xml_start(x, "a"), 0);
	assert_int_equal(xml_attr(x, "title", "<x> & \"y\""), 0);
	assert_int_equal(xml_end(x), 0);
	assert_string_equal(
	    doc(x), "<a title=\"&lt;x&gt; &amp; &quot;y&quot;\"/>");
	xml_free(x);
}

static void
text_refuses_control_characters(void **state)
{
	static const char *const bad[] = {"a\x01"
					  "b",
	    "\x1f", "x\x0b", "\x7f", "\xef\xbf\xbe", "\xef\xbf\xbf"};
	struct xml *x;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		x = xml_new();
		assert_int_equal(xml_start(x, "p"), 0);
		assert_int_equal(xml_text(x, bad[i]), -1);
		assert_int_equal(xml_end(x), 0);
		assert_string_equal(doc(x), "<p/>"); /* nothing of it written */
		xml_free(x);
	}
}

static void
attribute_refuses_control_characters_and_bad_utf8(void **state)
{
	static const char *const bad[] = {
	    "\x01", "tab\tok but \x1b not", "\xff", "\xc3", "\xed\xa0\x80"};
	struct xml *x;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		x = xml_new();
		assert_int_equal(xml_start(x, "p"), 0);
		assert_int_equal(xml_attr(x, "v", bad[i]), -1);
		assert_int_equal(xml_end(x), 0);
		assert_string_equal(doc(x), "<p/>");
		xml_free(x);
	}
}

static void
text_refuses_invalid_utf8(void **state)
{
	struct xml *x = xml_new();

	assert_int_equal(xml_elem_text(x, "p", "\xc0\xaf"), -1);
	xml_free(x);
}

static void
null_attribute_is_skipped(void **state)
{
	struct xml *x = xml_new();

	assert_int_equal(xml_start(x, "p"), 0);
	assert_int_equal(xml_attr(x, "gone", NULL), 0);
	assert_int_equal(xml_attr(x, "kept", ""), 0);
	assert_int_equal(xml_end(x), 0);
	assert_string_equal(doc(x), "<p kept=\"\"/>");
	xml_free(x);
}

static void
null_text_writes_no_element(void **state)
{
	struct xml *x = xml_new();

	assert_int_equal(xml_start(x, "list"), 0);
	assert_int_equal(xml_elem_text(x, "item", NULL), 0);
	assert_int_equal(xml_text(x, NULL), 0);
	assert_int_equal(xml_end(x), 0);
	assert_string_equal(doc(x), "<list/>");
	xml_free(x);
}

static void
serbian_text_is_written_as_utf8(void **state)
{
	struct xml *x = xml_new();

	assert_int_equal(xml_start(x, "name"), 0);
	assert_int_equal(xml_attr_int(x, "id", -42), 0);
	assert_int_equal(xml_text(x, "Љубица Ђорђевић\r\n\t"), 0);
	assert_int_equal(xml_end(x), 0);
	/* CR is escaped, or a parser would fold it into LF. */
	assert_string_equal(
	    doc(x), "<name id=\"-42\">Љубица Ђорђевић&#13;\n\t</name>");
	xml_free(x);
}

static void
finish_gives_the_whole_page_envelope(void **state)
{
	struct req r;
	struct xml *x = xml_new();
	const char *out;

	memset(&r, 0, sizeof(r));
	r.locale = LOCALE_SR_LATN;
	r.path = "/registry/services";
	r.rid = "00ff";
	r.csrf = "c0ffee";
	assert_int_equal(xml_open_page(x, &r), 0);
	assert_int_equal(xml_elem_text(x, "heading", "a < b"), 0);
	assert_int_equal(xml_close_page(x), 0);
	out = doc(x);
	assert_non_null(
	    strstr(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
	assert_non_null(strstr(out, "<page lang=\"sr-Latn\""));
	assert_non_null(strstr(out, " path=\"/registry/services\""));
	assert_non_null(strstr(out, " rid=\"00ff\""));
	assert_non_null(strstr(out, "csrf=\"c0ffee\""));
	assert_non_null(strstr(out, "<heading>a &lt; b</heading>"));
	/* Closed to the end: the last element is the page. */
	assert_non_null(strstr(out, "</page>"));
	assert_string_equal(strstr(out, "</page>"), "</page>\n");
	xml_free(x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(text_escapes_markup),
	    cmocka_unit_test(attribute_escapes_markup_and_quotes),
	    cmocka_unit_test(text_refuses_control_characters),
	    cmocka_unit_test(attribute_refuses_control_characters_and_bad_utf8),
	    cmocka_unit_test(text_refuses_invalid_utf8),
	    cmocka_unit_test(null_attribute_is_skipped),
	    cmocka_unit_test(null_text_writes_no_element),
	    cmocka_unit_test(serbian_text_is_written_as_utf8),
	    cmocka_unit_test(finish_gives_the_whole_page_envelope),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
