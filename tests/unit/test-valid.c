/* SPDX-License-Identifier: ISC */
/*
 * test-valid.c: forms at the edge (valid.c), the form page's outcomes
 * (page.c) and result rows by name (db.c, xml.c): dates as people type
 * them and the ones that do not exist, ranges, the hidden "next" path
 * that must stay on this site, a form whose CSRF token was refused,
 * notices in redirects, and rows written as attributes named by the
 * SELECT's aliases with NULL omitted.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "karika.h"

/*
 * Makes r a POST request with the given url-encoded body, in a fresh
 * arena (the previous one, if any, freed).  r starts zeroed.
 */
static void
post(struct req *r, const char *body)
{
	if (r->arena != NULL)
		arena_free(r->arena);
	memset(r, 0, sizeof(*r));
	r->arena = arena_new();
	r->method = METHOD_POST;
	assert_int_equal(
	    kv_parse_urlencoded(r->arena, body, strlen(body), &r->form),
	    HTTP_OK);
}

static void
dates_are_read_as_people_type_them(void **state)
{
	static const struct {
		const char *in, *iso;
		int64_t num;
	} good[] = {
	    {"2026-11-23", "2026-11-23", 20261123},
	    {"23. 11. 2026.", "2026-11-23", 20261123},
	    {"23.11.2026.", "2026-11-23", 20261123},
	    {"23.11.2026", "2026-11-23", 20261123},
	    {"1.2.2027", "2027-02-01", 20270201},
	    {"29. 2. 2028.", "2028-02-29", 20280229},
	    {"2000-02-29", "2000-02-29", 20000229},
	};
	char iso[11];
	int64_t num;
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		assert_true(date_parse(good[i].in, iso, &num));
		assert_string_equal(iso, good[i].iso);
		assert_true(num == good[i].num);
	}
}

static void
dates_that_do_not_exist_are_refused(void **state)
{
	static const char *const bad[] = {"2026-02-29", "1900-02-29",
	    "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-5", "31.4.2026.",
	    "32. 1. 2026.", "23.11.26", "23/11/2026", "2026-11-23x",
	    "23.11.2026..", "", "yesterday", "0999-01-01", "-2026-01-01"};
	char iso[11];
	int64_t num;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(date_parse(bad[i], iso, &num));
}

enum { F_FROM, F_NEXT, F__MAX };
static const struct field fields[F__MAX] = {
    {"from", VALID_DATE, false, 20000101, 20991231, "audit.from", NULL, NULL,
	NULL},
    {"next", VALID_LOCALPATH, false, 0, 0, "field.next", NULL, NULL, NULL},
};

static void
a_date_outside_its_range_is_refused_and_kept_as_typed(void **state)
{
	struct req r = {0};
	struct form f;

	post(&r, "from=31.12.1999.&csrf=x");
	form_validate(&r, fields, F__MAX, &f);
	assert_string_equal(f.error[F_FROM], "invalid.date.range");
	post(&r, "from=30.2.2026");
	form_validate(&r, fields, F__MAX, &f);
	assert_string_equal(f.error[F_FROM], "invalid.date");
	assert_string_equal(f.text[F_FROM], "30.2.2026");
	post(&r, "from=5.%201.%202026.");
	form_validate(&r, fields, F__MAX, &f);
	assert_null(f.error[F_FROM]);
	assert_string_equal(f.text[F_FROM], "2026-01-05");
	arena_free(r.arena);
}

enum { N_TAKEUP, N__MAX };
static const struct field numbers[N__MAX] = {
    {"takeup", VALID_INT, true, 0, 100, "reports.scenario.takeup", "off", NULL,
	NULL},
};

static void
a_number_outside_its_range_is_told_from_no_number(void **state)
{
	static const char *const range[] = {
	    "takeup=150", "takeup=-5", "takeup=101", "takeup=99999999999"};
	static const char *const nan[] = {
	    "takeup=ten", "takeup=5x", "takeup=1.5", "takeup=%2B5"};
	struct req r = {0};
	struct form f;
	size_t i;

	for (i = 0; i < sizeof(range) / sizeof(range[0]); i++) {
		post(&r, range[i]);
		form_validate(&r, numbers, N__MAX, &f);
		assert_string_equal(
		    f.error[N_TAKEUP], "invalid.number.between");
		assert_string_equal(f.param[N_TAKEUP], "0–100");
		assert_string_equal(f.text[N_TAKEUP], range[i] + 7);
	}
	for (i = 0; i < sizeof(nan) / sizeof(nan[0]); i++) {
		post(&r, nan[i]);
		form_validate(&r, numbers, N__MAX, &f);
		assert_string_equal(f.error[N_TAKEUP], "invalid.number");
	}
	post(&r, "takeup=0");
	form_validate(&r, numbers, N__MAX, &f);
	assert_null(f.error[N_TAKEUP]);
	assert_true(f.num[N_TAKEUP] == 0);
	arena_free(r.arena);
}

static void
next_paths_stay_on_this_site(void **state)
{
	static const char *const bad[] = {"next=https%3A%2F%2Fevil.example%2F",
	    "next=%2F%2Fevil.example", "next=evil", "next=%2F%5Cevil"};
	struct req r = {0};
	struct form f;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		post(&r, bad[i]);
		form_validate(&r, fields, F__MAX, &f);
		assert_null(f.error[F_NEXT]);
		assert_string_equal(f.text[F_NEXT], "");
	}
	post(&r, "next=%2Fregistry%2Fadmin%2Faudit");
	form_validate(&r, fields, F__MAX, &f);
	assert_string_equal(f.text[F_NEXT], "/registry/admin/audit");
	arena_free(r.arena);
}

static void
a_refused_csrf_token_fails_the_form_and_keeps_its_values(void **state)
{
	struct req r = {0};
	struct form f;

	post(&r, "from=2026-01-05");
	r.csrf_failed = true;
	form_validate(&r, fields, F__MAX, &f);
	assert_true(f.nerrors > 0);
	assert_string_equal(f.problem, "form.csrf");
	assert_string_equal(f.text[F_FROM], "2026-01-05");
	assert_int_equal(form_status(&r, &f), HTTP_FORBIDDEN);
	assert_true(r.render);
	arena_free(r.arena);
}

static void
a_form_with_errors_comes_back_as_422(void **state)
{
	struct req r = {0};
	struct form f;

	post(&r, "from=never");
	form_validate(&r, fields, F__MAX, &f);
	assert_int_equal(form_status(&r, &f), HTTP_UNPROCESSABLE);
	post(&r, "from=2026-01-05");
	form_validate(&r, fields, F__MAX, &f);
	assert_int_equal(form_status(&r, &f), HTTP_OK);
	arena_free(r.arena);
}

static void
notices_travel_in_the_redirect(void **state)
{
	struct req r = {0};

	post(&r, "");
	assert_int_equal(form_done(&r, "/a", "created"), HTTP_SEE_OTHER);
	assert_string_equal(r.redirect, "/a?done=created");
	form_done(&r, "/a?q=x", "disable");
	assert_string_equal(r.redirect, "/a?q=x&done=disable");
	form_done(&r, "/a", NULL);
	assert_string_equal(r.redirect, "/a");
	arena_free(r.arena);
}

/* A result of two rows, as db.c fills it, by hand. */
static char c_id7[] = "7", c_ana[] = "Ana", c_at[] = "2026-01-31 23:30:00",
	    c_id8[] = "8", c_b[] = "<b>&", c_x[] = "x";
static char *cells[] = {c_id7, c_ana, NULL, c_at, c_id8, c_b, c_x, NULL};
static const char *cols[] = {"id", "name", "note", "at"};
static bool times[] = {false, false, false, true};
static const struct db_res two = {
    .nrows = 2, .ncols = 4, .cell = cells, .col = cols, .time = times};

static void
cells_are_read_by_name(void **state)
{
	assert_string_equal(db_str(&two, 0, "name"), "Ana");
	assert_string_equal(db_str(&two, 1, (size_t)1), "<b>&");
	assert_null(db_str(&two, 0, "note"));
	assert_true(db_int(&two, 1, "id") == 8);
	assert_true(db_int(&two, 0, "note") == 0);
	assert_int_equal(db_col(&two, "at"), 3);
}

static void
rows_become_elements_named_by_their_columns(void **state)
{
	struct xml *x = xml_new();
	const char *doc;
	size_t len;

	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
	tzset();
	assert_int_equal(xml_start(x, "list"), 0);
	assert_int_equal(xml_rows(x, "row", &two), 0);
	assert_int_equal(xml_end(x), 0);
	assert_int_equal(xml_finish(x, &doc, &len), 0);
	assert_non_null(strstr(doc,
	    "<row id=\"7\" name=\"Ana\" at=\"2026-02-01T00:30:00+01:00\"/>"));
	assert_non_null(strstr(doc,
	    "<row id=\"8\" name=\"&lt;b&gt;&amp;\" "
	    "note=\"x\"/>"));
	xml_free(x);
}

static void
local_times_follow_summer_time(void **state)
{
	char buf[XML_TIME_BYTES];

	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
	tzset();
	assert_int_equal(xml_local_time("2026-07-01 10:00:00.123456", buf), 0);
	assert_string_equal(buf, "2026-07-01T12:00:00+02:00");
	assert_int_equal(xml_local_time("2026-10-25 00:59:59", buf), 0);
	assert_string_equal(buf, "2026-10-25T02:59:59+02:00");
	assert_int_equal(xml_local_time("2026-10-25 01:00:00", buf), 0);
	assert_string_equal(buf, "2026-10-25T02:00:00+01:00");
	assert_int_equal(xml_local_time("2026-11-29", buf), -1);
	assert_int_equal(xml_local_time("not a time at all", buf), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(dates_are_read_as_people_type_them),
	    cmocka_unit_test(dates_that_do_not_exist_are_refused),
	    cmocka_unit_test(
		a_date_outside_its_range_is_refused_and_kept_as_typed),
	    cmocka_unit_test(a_number_outside_its_range_is_told_from_no_number),
	    cmocka_unit_test(next_paths_stay_on_this_site),
	    cmocka_unit_test(
		a_refused_csrf_token_fails_the_form_and_keeps_its_values),
	    cmocka_unit_test(a_form_with_errors_comes_back_as_422),
	    cmocka_unit_test(notices_travel_in_the_redirect),
	    cmocka_unit_test(cells_are_read_by_name),
	    cmocka_unit_test(rows_become_elements_named_by_their_columns),
	    cmocka_unit_test(local_times_follow_summer_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
