/* SPDX-License-Identifier: ISC */
/*
 * test-qanswer.c: answers (qanswer.c): each question type's form fields
 * decode into normalised rows or into one error beside the right field,
 * with the limit as its parameter; conditions (equals, one of, not) and
 * respondent groups decide which pages and questions are shown; the way
 * through skips hidden pages, both ways, with progress and minutes left.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "qtest.h"

#define L(s) "<label xml:lang=\"sr-Latn\">" s "</label>"
#define T(s) "<text xml:lang=\"sr-Latn\">" s "</text>"
#define O(c) "<option code=\"" c "\">" L(c) "</option>"

/* Every question type; pages 1 (for citizens) and 2 (for professionals)
 * are group pages, page 3 shows on conditions. */
static const char def[] =
    "<?xml version=\"1.0\"?>\n"
    "<survey version=\"1\" slug=\"t\" minutes=\"12\">"
    "<title xml:lang=\"sr-Latn\">T</title>"
    "<purpose xml:lang=\"sr-Latn\">P</purpose>"
    "<groups><group code=\"citizen\">" L(
	"C") "</group>"
	     "<group code=\"pro\">" L(
		 "P") "</group></groups>"
		      "<page code=\"who\"><question code=\"g\" type=\"group\" "
		      "required=\"true\">" T(
			  "G") "</question></page>"
			       "<page code=\"cit\" groups=\"citizen\">"
			       "<question code=\"s\" type=\"single\" "
			       "required=\"true\" other=\"true\">" T("S") O("a") O("b") O(
				   "c") "</question>"
					"<question code=\"m\" "
					"type=\"multiple\" min=\"2\" max=\"3\" "
					"other=\"true\">" T("M") O("a") O("b") O("c") O(
					    "d") "</question>"
						 "<question code=\"dd\" "
						 "type=\"dropdown\">" T("D") O("x") O(
						     "y") "</question>"
							  "<question "
							  "code=\"mx\" "
							  "type=\"matrix\" "
							  "required="
							  "\"true\">" T("MX") "<item code=\"i1\">" L(
							      "I1") "</"
								    "item><"
								    "item "
								    "code="
								    "\"i2\""
								    ">" L("I"
									  "2") "</item>" O("1") O("2")
									O("3") O(
									    "4") O("5") "</question>"
											"<question code=\"n\" type=\"number\" min=\"0\" max=\"100\">" T("N") "</question>"
																			     "<question code=\"dec\" type=\"number\" min=\"-10.5\" max=\"10.5\" "
																			     "decimals=\"2\">" T("DEC") "</question>"
																							"<question code=\"t\" type=\"text\" required=\"true\" max=\"10\">" T("T") "</question>"
																																  "<question code=\"lt\" type=\"longtext\" max=\"20\">" T("LT") "</question>"
																																								"<question code=\"d\" type=\"date\" min=\"2000-01-01\" "
																																								"max=\"2026-12-31\">" T(
																																								    "D") "</question>"
																																									 "<question code=\"yn\" type=\"yesno\">" T("YN") "</question>"
																																															 "</page>"
																																															 "<page code=\"pro\" groups=\"pro\">"
																																															 "<question code=\"years\" type=\"number\" required=\"true\">" T("Y") "</question></page>"
																																																							      "<page code=\"more\">"
																																																							      "<show-if question=\"g\" equals=\"citizen\"/>"
																																																							      "<question code=\"why\" type=\"text\" required=\"true\">" T("W") "<show-if question=\"yn\" equals=\"yes\"/></question>"
																																																															       "<question code=\"sab\" type=\"yesno\" required=\"true\">" T(
																																																																   "SAB") "<show-if question=\"s\" one-of=\"a b\"/></question>"
																																																																	  "<question code=\"nd\" type=\"yesno\" required=\"true\">" T(
																																																																	      "ND") "<show-if question=\"m\" not=\"d\"/></question>"
																																																																		    "</page>"
																																																																		    "<page code=\"end\"><question code=\"c\" type=\"longtext\">" T(
																																																																			"C") "</question></page>"
																																																																			     "</survey>";

enum { P_WHO, P_CIT, P_PRO, P_MORE, P_END };

struct fixture {
	struct arena *a;
	struct qdef *d;
	struct qanswers prior, out;
	struct qerrors errs;
};

static struct fixture fx;

static int
setup_each(void **state)
{
	memset(&fx, 0, sizeof(fx));
	fx.a = arena_new();
	fx.d = qt_parse(fx.a, def);
	return fx.d == NULL ? -1 : 0;
}

static int
teardown_each(void **state)
{
	arena_free(fx.a);
	return 0;
}

/* Decodes page p of fx.d from the pairs; returns the number of errors. */
static size_t
decode(size_t p, const char *const *pairs, size_t n)
{
	struct kvlist f;

	qt_form(fx.a, &f, pairs, n);
	return qanswer_decode(fx.a, fx.d, p, &f, &fx.prior, &fx.out, &fx.errs);
}

/* Sets a prior answer of option kind. */
static void
prior(const char *q, const char *opt)
{
	struct qval v = {q, "", opt, NULL, NULL};

	qanswers_add(fx.a, &fx.prior, &v);
}

/* The error of question code, or NULL. */
static const struct qerr *
error_of(const char *code)
{
	size_t i, q = qdef_find(fx.d, code);

	for (i = 0; i < fx.errs.n; i++)
		if (fx.errs.e[i].question == q)
			return &fx.errs.e[i];
	return NULL;
}

static void
expect_error(
    const char *code, const char *field, const char *key, const char *param)
{
	const struct qerr *e = error_of(code);

	if (e == NULL)
		fail_msg("no error for %s", code);
	assert_string_equal(e->field, field);
	assert_string_equal(e->key, key);
	if (param == NULL)
		assert_null(e->param);
	else
		assert_string_equal(e->param, param);
}

static void
valid_page_gives_one_row_per_value(void **state)
{
	static const char *const f[] = {"q.s=other", "q.s.other= Komšija ",
	    "q.m=a", "q.m=c", "q.m=a", "q.dd=y", "q.mx.i1=2", "q.mx.i2=5",
	    "q.n=42", "q.dec=-3,5", "q.t=Zdravo", "q.lt=dva\r\nreda",
	    "q.d=29.11.2026.", "q.yn=no", "q.unknown=1", "q.years=7", "csrf=x"};
	const struct qval *v;

	prior("g", "citizen");
	assert_int_equal(decode(P_CIT, f, sizeof(f) / sizeof(f[0])), 0);
	v = qanswers_find(&fx.out, "s", NULL);
	assert_string_equal(v->option, "other");
	assert_string_equal(v->text, "Komšija");
	/* a ticked box sent twice counts once */
	assert_int_equal(fx.out.v[1].option[0], 'a');
	assert_int_equal(fx.out.v[2].option[0], 'c');
	assert_string_equal(fx.out.v[3].question, "dd");
	v = qanswers_find(&fx.out, "mx", "i2");
	assert_string_equal(v->option, "5");
	assert_string_equal(v->number, "5");
	assert_string_equal(qanswers_find(&fx.out, "mx", "i1")->number, "2");
	assert_string_equal(qanswers_find(&fx.out, "n", NULL)->number, "42");
	assert_string_equal(
	    qanswers_find(&fx.out, "dec", NULL)->number, "-3.50");
	assert_string_equal(
	    qanswers_find(&fx.out, "lt", NULL)->text, "dva\r\nreda");
	assert_string_equal(
	    qanswers_find(&fx.out, "d", NULL)->text, "2026-11-29");
	assert_string_equal(qanswers_find(&fx.out, "yn", NULL)->option, "no");
	/* the professionals' question is on another page */
	assert_null(qanswers_find(&fx.out, "years", NULL));
	assert_int_equal(fx.out.n, 12);
}

static void
required_questions_must_be_answered(void **state)
{
	static const char *const f[] = {"q.s=", "q.t=   ", "q.mx.i1=3"};

	prior("g", "citizen");
	assert_int_equal(decode(P_CIT, f, 3), 3);
	expect_error("s", "q.s", "invalid.required", NULL);
	expect_error("t", "q.t", "invalid.required", NULL);
	/* a matrix is answered when every row is; the error is at the first
	 * row missing */
	expect_error("mx", "q.mx.i2", "survey.matrix.required", NULL);
	/* optional questions left empty are no error and no row */
	assert_null(error_of("n"));
	assert_null(error_of("m"));
	assert_int_equal(fx.out.n, 0);
}

static void
choices_must_be_offered_options(void **state)
{
	static const char *const f[] = {"q.s=z", "q.m=a", "q.m=zz", "q.dd=a",
	    "q.mx.i1=6", "q.mx.i2=1", "q.t=x", "q.yn=maybe"};

	prior("g", "citizen");
	assert_int_equal(decode(P_CIT, f, sizeof(f) / sizeof(f[0])), 5);
	expect_error("s", "q.s", "survey.choice.invalid", NULL);
	expect_error("m", "q.m", "survey.choice.invalid", NULL);
	expect_error("dd", "q.dd", "survey.choice.invalid", NULL);
	expect_error("mx", "q.mx.i1", "survey.choice.invalid", NULL);
	expect_error("yn", "q.yn", "survey.choice.invalid", NULL);
}

static void
other_needs_its_text(void **state)
{
	static const char *const f[] = {"q.s=other", "q.s.other=", "q.m=other",
	    "q.m=a", "q.mx.i1=1", "q.mx.i2=1", "q.t=x"};
	char longer[QDEF_OTHER_MAX_CHARS + 20];
	const char *g[] = {
	    "q.s=other", NULL, "q.mx.i1=1", "q.mx.i2=1", "q.t=x"};

	prior("g", "citizen");
	assert_int_equal(decode(P_CIT, f, sizeof(f) / sizeof(f[0])), 2);
	expect_error("s", "q.s.other", "survey.other.required", NULL);
	expect_error("m", "q.m.other", "survey.other.required", NULL);
	snprintf(longer, sizeof(longer), "q.s.other=%0*d",
	    QDEF_OTHER_MAX_CHARS + 1, 0);
	g[1] = longer;
	assert_int_equal(decode(P_CIT, g, 5), 1);
	expect_error("s", "q.s.other", "survey.other.max", "200");
	g[1] = "q.s.other=a\nb";
	assert_int_equal(decode(P_CIT, g, 5), 1);
	expect_error("s", "q.s.other", "invalid.one_line", NULL);
}

static void
multiple_keeps_between_min_and_max(void **state)
{
	const char *f[] = {"q.s=a", "q.mx.i1=1", "q.mx.i2=1", "q.t=x", "q.m=a",
	    "q.m=b", "q.m=c", "q.m=d"};

	prior("g", "citizen");
	assert_int_equal(decode(P_CIT, f, 5), 1);
	expect_error("m", "q.m", "survey.multiple.min", "2");
	assert_int_equal(decode(P_CIT, f, 8), 1);
	expect_error("m", "q.m", "survey.multiple.max", "3");
	assert_int_equal(decode(P_CIT, f, 7), 0);
	assert_int_equal(decode(P_CIT, f, 4), 0); /* optional: none is fine */
}

static void
numbers_keep_their_range_and_decimals(void **state)
{
	static const struct {
		const char *n, *key, *param;
	} t[] = {
	    {"q.n=101", "survey.number.max", "100"},
	    {"q.n=-1", "survey.number.min", "0"},
	    {"q.n=1,5", "survey.number.integer", NULL},
	    {"q.n=pet", "survey.number.invalid", NULL},
	    {"q.n=1e2", "survey.number.invalid", NULL},
	    {"q.dec=3,14159", "survey.number.decimals", "2"},
	    {"q.dec=10.51", "survey.number.max", "10.5"},
	    {"q.dec=-11", "survey.number.min", "-10.5"},
	};
	const char *f[] = {"q.s=a", "q.mx.i1=1", "q.mx.i2=1", "q.t=x", NULL};
	size_t i;

	prior("g", "citizen");
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		f[4] = t[i].n;
		assert_int_equal(decode(P_CIT, f, 5), 1);
		expect_error(t[i].n[2] == 'n' ? "n" : "dec",
		    t[i].n[2] == 'n' ? "q.n" : "q.dec", t[i].key, t[i].param);
	}
	f[4] = "q.dec=10,5";
	assert_int_equal(decode(P_CIT, f, 5), 0);
	assert_string_equal(
	    qanswers_find(&fx.out, "dec", NULL)->number, "10.50");
}

static void
texts_keep_their_limits(void **state)
{
	const char *f[] = {"q.s=a", "q.mx.i1=1", "q.mx.i2=1", NULL, NULL};

	prior("g", "citizen");
	f[3] = "q.t=jedanaest z";
	assert_int_equal(decode(P_CIT, f, 4), 1);
	expect_error("t", "q.t", "survey.text.max", "10");
	f[3] = "q.t=ćirilica ж"; /* ten characters, more bytes */
	assert_int_equal(decode(P_CIT, f, 4), 0);
	f[3] = "q.t=dva\nreda";
	assert_int_equal(decode(P_CIT, f, 4), 1);
	expect_error("t", "q.t", "invalid.one_line", NULL);
	f[3] = "q.t=\x01";
	assert_int_equal(decode(P_CIT, f, 4), 1);
	expect_error("t", "q.t", "survey.text.invalid", NULL);
	f[3] = "q.t=ok";
	f[4] = "q.lt=123456789012345678901";
	assert_int_equal(decode(P_CIT, f, 5), 1);
	expect_error("lt", "q.lt", "survey.text.max", "20");
}

static void
dates_keep_their_range(void **state)
{
	static const struct {
		const char *d, *key, *param;
	} t[] = {
	    {"q.d=2027-01-01", "survey.date.max", "2026-12-31"},
	    {"q.d=31.12.1999.", "survey.date.min", "2000-01-01"},
	    {"q.d=30.02.2026.", "survey.date.invalid", NULL},
	    {"q.d=juče", "survey.date.invalid", NULL},
	};
	const char *f[] = {"q.s=a", "q.mx.i1=1", "q.mx.i2=1", "q.t=x", NULL};
	size_t i;

	prior("g", "citizen");
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		f[4] = t[i].d;
		assert_int_equal(decode(P_CIT, f, 5), 1);
		expect_error("d", "q.d", t[i].key, t[i].param);
	}
}

static void
hidden_questions_are_neither_read_nor_required(void **state)
{
	static const char *const f[] = {"q.why=x", "q.sab=yes", "q.nd=no"};

	prior("g", "citizen");
	prior("yn", "no");
	prior("s", "c");
	prior("m", "d");
	/* why needs yn = yes, sab needs s in {a, b}, nd needs m not d */
	assert_false(
	    qdef_question_visible(fx.d, qdef_find(fx.d, "why"), &fx.prior));
	assert_int_equal(decode(P_MORE, f, 0), 0);
	assert_int_equal(decode(P_MORE, f, 3), 0);
	assert_int_equal(fx.out.n, 0);
}

static void
conditions_equals_one_of_and_not(void **state)
{
	const struct qdef *d;
	size_t why, sab, nd;

	d = fx.d;
	why = qdef_find(d, "why");
	sab = qdef_find(d, "sab");
	nd = qdef_find(d, "nd");
	prior("g", "citizen");
	/* nothing answered: equals and one-of fail, not holds */
	assert_false(qdef_question_visible(d, why, &fx.prior));
	assert_false(qdef_question_visible(d, sab, &fx.prior));
	assert_true(qdef_question_visible(d, nd, &fx.prior));
	prior("yn", "yes");
	prior("s", "b");
	prior("m", "a");
	prior("m", "c");
	assert_true(qdef_question_visible(d, why, &fx.prior));
	assert_true(qdef_question_visible(d, sab, &fx.prior));
	assert_true(qdef_question_visible(d, nd, &fx.prior));
	prior("m", "d"); /* multiple: "not" means not among the ticked */
	assert_false(qdef_question_visible(d, nd, &fx.prior));
	assert_true(qcond_holds(d, &d->questions[why].conds[0], &fx.prior));
}

static void
group_routes_to_its_pages(void **state)
{
	const struct qdef *d = fx.d;

	assert_int_equal(qnav_next(d, QDEF_NONE, &fx.prior), P_WHO);
	/* before the group is known no group page is shown */
	assert_int_equal(qnav_next(d, P_WHO, &fx.prior), P_END);
	prior("g", "pro");
	assert_int_equal(qnav_next(d, P_WHO, &fx.prior), P_PRO);
	/* the page for citizens only is skipped, and so is "more" */
	assert_int_equal(qnav_next(d, P_PRO, &fx.prior), P_END);
	assert_int_equal(qnav_next(d, P_END, &fx.prior), d->npages);
	assert_int_equal(qnav_prev(d, P_END, &fx.prior), P_PRO);
	assert_int_equal(qnav_prev(d, P_PRO, &fx.prior), P_WHO);
	assert_int_equal(qnav_prev(d, P_WHO, &fx.prior), QDEF_NONE);
	assert_int_equal(qnav_prev(d, d->npages, &fx.prior), P_END);
}

static void
page_with_every_question_hidden_is_skipped(void **state)
{
	const struct qdef *d = fx.d;

	prior("g", "citizen");
	prior("yn", "no");
	prior("s", "c");
	prior("m", "d");
	assert_false(qdef_page_visible(d, P_MORE, &fx.prior));
	assert_int_equal(qnav_next(d, P_CIT, &fx.prior), P_END);
	assert_int_equal(qnav_prev(d, P_END, &fx.prior), P_CIT);
}

static void
progress_counts_shown_pages_and_time_left(void **state)
{
	struct qprogress pr;

	prior("g", "citizen");
	prior("yn", "yes");
	qnav_progress(fx.d, P_WHO, &fx.prior, &pr);
	assert_int_equal(pr.total, 4); /* who, cit, more, end */
	assert_int_equal(pr.done, 0);
	assert_int_equal(pr.percent, 0);
	assert_int_equal(pr.minutes_left, 12);
	qnav_progress(fx.d, P_MORE, &fx.prior, &pr);
	assert_int_equal(pr.done, 2);
	assert_int_equal(pr.percent, 50);
	/* shown questions: g, 10 on cit (the matrix weighs 1), why, nd,
	 * c: 14; from "more" on: why, nd, c = 3 of 14 of 12 minutes */
	assert_int_equal(pr.minutes_left, 3);
	qnav_progress(fx.d, fx.d->npages, &fx.prior, &pr);
	assert_int_equal(pr.done, 4);
	assert_int_equal(pr.percent, 100);
	assert_int_equal(pr.minutes_left, 0);
}

static void
changed_group_prunes_answers_now_hidden(void **state)
{
	struct qanswers page;
	struct qval v = {"g", "", "pro", NULL, NULL};

	prior("g", "citizen");
	prior("s", "a");
	prior("yn", "yes");
	prior("why", NULL);
	fx.prior.v[3].text = "x";
	prior("c", NULL);
	memset(&page, 0, sizeof(page));
	qanswers_add(fx.a, &page, &v);
	qanswers_set_page(fx.a, &fx.prior, fx.d, P_WHO, &page);
	assert_string_equal(qanswers_find(&fx.prior, "g", NULL)->option, "pro");
	assert_int_equal(qanswers_prune(&fx.prior, fx.d), 3);
	assert_int_equal(fx.prior.n, 2); /* g and the last page's c */
	assert_null(qanswers_find(&fx.prior, "why", NULL));
	assert_non_null(qanswers_find(&fx.prior, "c", NULL));
}

static void
field_names_fit_the_form_limit(void **state)
{
	struct arena *a = arena_new();
	char code[QDEF_CODE_MAX_BYTES + 1];

	memset(code, 'x', QDEF_CODE_MAX_BYTES);
	code[QDEF_CODE_MAX_BYTES] = '\0';
	assert_true(strlen(qanswer_field(a, code, code)) <= FORM_KEY_MAX_BYTES);
	assert_string_equal(qanswer_field(a, "s", "other"), "q.s.other");
	assert_string_equal(qanswer_field(a, "s", NULL), "q.s");
	arena_free(a);
}

#define T_(f) cmocka_unit_test_setup_teardown(f, setup_each, teardown_each)

/*
 * Back and save: every valid answer is kept (a matrix's chosen rows
 * beside an invalid one), nothing missing is an error, an invalid value
 * still is.
 */
static void
back_keeps_every_valid_answer(void **state)
{
	static const char *const f[] = {"q.mx.i1=2", "q.mx.i2=9", "q.m=a",
	    "q.s=other", "q.n=abc", "q.dd=y"};
	struct kvlist form;
	const struct qval *v;

	prior("g", "citizen");
	qt_form(fx.a, &form, f, sizeof(f) / sizeof(f[0]));
	assert_int_equal(qanswer_decode_partial(fx.a, fx.d, P_CIT, &form,
			     &fx.prior, &fx.out, &fx.errs),
	    2);
	expect_error("mx", "q.mx.i2", "survey.choice.invalid", NULL);
	expect_error("n", "q.n", "survey.number.invalid", NULL);
	assert_null(error_of("t")); /* required, missing: no error */
	assert_null(error_of("m")); /* under its minimum: kept */
	assert_null(error_of("s")); /* "other" without its text: kept */
	v = qanswers_find(&fx.out, "mx", "i1");
	assert_non_null(v);
	assert_string_equal(v->option, "2");
	assert_null(qanswers_find(&fx.out, "mx", "i2"));
	assert_non_null(qanswers_find(&fx.out, "m", NULL));
	assert_non_null(qanswers_find(&fx.out, "dd", NULL));
	assert_non_null(qanswers_find(&fx.out, "s", NULL));
	assert_null(qanswers_find(&fx.out, "n", NULL));
	/* Next asks for all of it. */
	assert_true(decode(P_CIT, f, sizeof(f) / sizeof(f[0])) > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    T_(valid_page_gives_one_row_per_value),
	    T_(required_questions_must_be_answered),
	    T_(choices_must_be_offered_options),
	    T_(other_needs_its_text),
	    T_(multiple_keeps_between_min_and_max),
	    T_(numbers_keep_their_range_and_decimals),
	    T_(texts_keep_their_limits),
	    T_(dates_keep_their_range),
	    T_(hidden_questions_are_neither_read_nor_required),
	    T_(conditions_equals_one_of_and_not),
	    T_(group_routes_to_its_pages),
	    T_(page_with_every_question_hidden_is_skipped),
	    T_(progress_counts_shown_pages_and_time_left),
	    T_(changed_group_prunes_answers_now_hidden),
	    T_(field_names_fit_the_form_limit),
	    T_(back_keeps_every_valid_answer),
	};

	log_init("test-qanswer");
	return cmocka_run_group_tests(tests, qt_setup, qt_teardown);
}
