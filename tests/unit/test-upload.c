/* SPDX-License-Identifier: ISC */
/*
 * test-upload.c: multipart/form-data (upload.c), as browsers send it and
 * as nobody should: the boundary from the Content-Type, parts with names,
 * filenames and types, and each kind of bad input refused with its own
 * error, never half-parsed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "karika.h"

#define CT "multipart/form-data; boundary=----x1"

static enum upload_error
parse(struct arena *a, const char *body, struct upload_parts *u)
{
	return upload_parse(a, CT, body, strlen(body), NULL, u);
}

static void
boundary_is_read_from_the_content_type(void **state)
{
	char b[UPLOAD_BOUNDARY_MAX_BYTES + 1];

	assert_int_equal(upload_boundary(CT, b), 0);
	assert_string_equal(b, "----x1");
	assert_int_equal(
	    upload_boundary(
		"Multipart/Form-Data; charset=utf-8; boundary=\"a b\"", b),
	    0);
	assert_string_equal(b, "a b");
	assert_int_equal(
	    upload_boundary("multipart/form-data;boundary=abc; x=1", b), 0);
	assert_string_equal(b, "abc");
}

static void
bad_content_types_have_no_boundary(void **state)
{
	static const char *const bad[] = {NULL, "", "text/plain",
	    "multipart/form-data", "multipart/form-data; boundary=",
	    "multipart/form-data; boundary=\"\"",
	    "multipart/form-data; boundary=\"abc",
	    "multipart/form-data; boundary=a<b",
	    "multipart/form-data; boundary=\"ends \"",
	    "multipart/mixed; boundary=abc",
	    "multipart/form-datax; boundary=abc",
	    "multipart/form-data; boundary="
	    "12345678901234567890123456789012345678901234567890123456789012345"
	    "678901"};
	char b[UPLOAD_BOUNDARY_MAX_BYTES + 1];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(upload_boundary(bad[i], b), -1);
}

static void
fields_and_files_are_parsed(void **state)
{
	struct arena *a = arena_new();
	struct upload_parts u;
	const struct upload_part *p;
	const char body[] =
	    "------x1\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "abc\r\n"
	    "------x1\r\n"
	    "content-disposition: form-data; name=\"file\"; "
	    "filename=\"C:\\\\Users\\\\Ana\\\\korisnici.csv\"\r\n"
	    "Content-Type: text/csv\r\n\r\n"
	    "ime;prezime\r\nAna;Đorđević\r\n\r\n"
	    "------x1\r\n"
	    "Content-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n"
	    "\r\n"
	    "------x1--\r\nepilogue";

	assert_int_equal(parse(a, body, &u), UPLOAD_OK);
	assert_int_equal(u.n, 3);
	p = upload_find(&u, "csrf");
	assert_non_null(p);
	assert_null(p->filename);
	assert_string_equal(p->type, "text/plain");
	assert_int_equal(p->len, 3);
	assert_memory_equal(p->data, "abc", 3);
	p = upload_find(&u, "file");
	assert_string_equal(p->filename, "korisnici.csv");
	assert_string_equal(p->type, "text/csv");
	assert_int_equal(p->len, strlen("ime;prezime\r\nAna;Đorđević\r\n"));
	p = upload_find(&u, "empty");
	assert_string_equal(p->filename, "");
	assert_int_equal(p->len, 0);
	assert_null(upload_find(&u, "missing"));
	arena_free(a);
}

static void
a_preamble_is_skipped(void **state)
{
	struct arena *a = arena_new();
	struct upload_parts u;

	assert_int_equal(parse(a,
			     "preamble\r\n------x1\r\n"
			     "Content-Disposition: form-data; name=a\r\n\r\n"
			     "1\r\n------x1--",
			     &u),
	    UPLOAD_OK);
	assert_int_equal(u.n, 1);
	assert_string_equal(u.part[0].name, "a");
	arena_free(a);
}

static void
bad_bodies_are_refused_with_their_problem(void **state)
{
	static const struct {
		const char *body;
		enum upload_error e;
	} bad[] = {
	    {"", UPLOAD_FRAMING},
	    {"no boundary at all", UPLOAD_FRAMING},
	    /* never closed */
	    {"------x1\r\nContent-Disposition: form-data; name=a\r\n\r\n1",
		UPLOAD_FRAMING},
	    /* the header never ends */
	    {"------x1\r\nContent-Disposition: form-data; name=a\r\n",
		UPLOAD_FRAMING},
	    /* text right after the boundary */
	    {"------x1junk\r\n\r\n\r\n------x1--", UPLOAD_FRAMING},
	    {"------x1\r\nContent-Type: text/plain\r\n\r\n1\r\n------x1--",
		UPLOAD_HEADER},
	    {"------x1\r\nContent-Disposition: attachment; name=a\r\n\r\n1\r\n"
	     "------x1--",
		UPLOAD_HEADER},
	    {"------x1\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n1"
	     "\r\n------x1--",
		UPLOAD_HEADER},
	    {"------x1\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1"
	     "\r\n------x1--",
		UPLOAD_HEADER},
	    {"------x1\r\nno colon here\r\n\r\n1\r\n------x1--", UPLOAD_HEADER},
	    {"------x1\r\nContent-Disposition: form-data; name=a\x01\r\n\r\n1"
	     "\r\n------x1--",
		UPLOAD_HEADER},
	    {"------x1\r\nContent-Disposition: form-data; name=\"\xff\"\r\n\r\n"
	     "1\r\n------x1--",
		UPLOAD_NAME},
	    {"------x1\r\nContent-Disposition: form-data; name=a; "
	     "filename=\"\xc3\"\r\n\r\n1\r\n------x1--",
		UPLOAD_NAME},
	    {"------x1\r\nContent-Disposition: form-data; "
	     "name="
	     "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"
	     "kkkkkk\r\n\r\n1\r\n------x1--",
		UPLOAD_NAME},
	};
	struct arena *a = arena_new();
	struct upload_parts u;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(a, bad[i].body, &u), bad[i].e);
		assert_int_equal(u.n, 0);
		assert_non_null(upload_error_key(bad[i].e));
	}
	arena_free(a);
}

static void
limits_on_parts_part_size_and_header_size(void **state)
{
	struct upload_limits lim = {2, 8, 64};
	struct arena *a = arena_new();
	struct upload_parts u;
	const char three[] =
	    "------x1\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
	    "------x1\r\nContent-Disposition: form-data; name=b\r\n\r\n2\r\n"
	    "------x1\r\nContent-Disposition: form-data; name=c\r\n\r\n3\r\n"
	    "------x1--";
	const char big[] =
	    "------x1\r\nContent-Disposition: form-data; name=a\r\n\r\n"
	    "123456789\r\n------x1--";
	const char unclosed_big[] =
	    "------x1\r\nContent-Disposition: form-data; name=a\r\n\r\n"
	    "123456789";
	const char header[] =
	    "------x1\r\nContent-Disposition: form-data; name=a; "
	    "filename=\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.csv\"\r\n\r\n1\r\n"
	    "------x1--";

	assert_int_equal(upload_parse(a, CT, three, strlen(three), &lim, &u),
	    UPLOAD_TOO_MANY_PARTS);
	assert_int_equal(upload_parse(a, CT, big, strlen(big), &lim, &u),
	    UPLOAD_PART_TOO_LARGE);
	assert_int_equal(
	    upload_parse(a, CT, unclosed_big, strlen(unclosed_big), &lim, &u),
	    UPLOAD_PART_TOO_LARGE);
	assert_int_equal(upload_parse(a, CT, header, strlen(header), &lim, &u),
	    UPLOAD_HEADER_TOO_LARGE);
	lim.max_parts = 3;
	assert_int_equal(
	    upload_parse(a, CT, three, strlen(three), &lim, &u), UPLOAD_OK);
	assert_int_equal(u.n, 3);
	arena_free(a);
}

static void
contents_may_hold_any_byte(void **state)
{
	struct arena *a = arena_new();
	struct upload_parts u;
	const char body[] = "------x1\r\nContent-Disposition: form-data; "
			    "name=f; filename=x.bin\r\n\r\n"
			    "\x00\xff\r\n------x\r\n--\r\n------x1--";

	assert_int_equal(
	    upload_parse(a, CT, body, sizeof(body) - 1, NULL, &u), UPLOAD_OK);
	assert_int_equal(u.n, 1);
	assert_int_equal(u.part[0].len, 15);
	assert_memory_equal(u.part[0].data, "\x00\xff\r\n------x\r\n--", 15);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(boundary_is_read_from_the_content_type),
	    cmocka_unit_test(bad_content_types_have_no_boundary),
	    cmocka_unit_test(fields_and_files_are_parsed),
	    cmocka_unit_test(a_preamble_is_skipped),
	    cmocka_unit_test(bad_bodies_are_refused_with_their_problem),
	    cmocka_unit_test(limits_on_parts_part_size_and_header_size),
	    cmocka_unit_test(contents_may_hold_any_byte),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
