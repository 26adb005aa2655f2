/* SPDX-License-Identifier: ISC */
/*
 * test-qdef.c: survey definitions (qdef.c): a definition is read into its
 * model with every locale's text; a malformed or invalid one is refused
 * with the line and the reason, whether the XML parser, the schema or the
 * semantic checks find the problem; the model writes back to the same
 * document; and the demo survey of sql/demo.sql is valid.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "qtest.h"

/* Line numbers below count from here: line 1 is the declaration. */
static const char base[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" /* 1 */
    "<survey version=\"1\" slug=\"needs\" minutes=\"10\" "
    "opens=\"2026-11-14T00:00\" closes=\"2026-11-30T23:59\">\n" /* 2 */
    "<title xml:lang=\"sr-Latn\">Anketa o potrebama</title>\n"	/* 3 */
    "<title xml:lang=\"en\">Needs survey</title>\n"		/* 4 */
    "<purpose xml:lang=\"sr-Latn\">Svrha ankete</purpose>\n"	/* 5 */
    "<groups>\n"						/* 6 */
    "<group code=\"citizen\" quota=\"3\"><label xml:lang=\"sr-Latn\">"
    "Građani</label></group>\n" /* 7 */
    "<group code=\"pro\"><label xml:lang=\"sr-Latn\">Stručnjaci</label>"
    "</group>\n"	    /* 8 */
    "</groups>\n"	    /* 9 */
    "<page code=\"who\">\n" /* 10 */
    "<question code=\"group\" type=\"group\" required=\"true\">"
    "<text xml:lang=\"sr-Latn\">Ko ste?</text></question>\n" /* 11 */
    "<question code=\"care\" type=\"yesno\"><text "
    "xml:lang=\"sr-Latn\">Brinete li o nekome?</text></question>\n" /* 12 */
    "<question code=\"kind\" type=\"single\" other=\"true\">"
    "<text xml:lang=\"sr-Latn\">Vrsta</text>\n" /* 13 */
    "<option code=\"a\"><label xml:lang=\"sr-Latn\">Ljubav</label>"
    "</option>\n" /* 14 */
    "<option code=\"b\"><label xml:lang=\"sr-Latn\">B</label></option>"
    "</question>\n"	     /* 15 */
    "</page>\n"		     /* 16 */
    "<page code=\"more\">\n" /* 17 */
    "<question code=\"x\" type=\"text\"><text "
    "xml:lang=\"sr-Latn\">X</text></question>\n" /* 18 */
    "<!--Q-->\n"				 /* 19 */
    "</page>\n"					 /* 20 */
    "</survey>\n";				 /* 21 */

static void
definition_becomes_a_model(void **state)
{
	struct arena *a = arena_new();
	struct qdef *d = qt_parse(a, base);
	const struct qquestion *q;

	assert_non_null(d);
	assert_string_equal(d->slug, "needs");
	assert_int_equal(d->minutes, 10);
	assert_true(d->anonymous);
	assert_string_equal(d->opens, "2026-11-14T00:00");
	assert_int_equal(d->npages, 2);
	assert_int_equal(d->nquestions, 4);
	assert_int_equal(d->ngroups, 2);
	assert_int_equal(d->groups[0].quota, 3);
	assert_int_equal(d->groups[1].quota, 0);
	assert_int_equal(d->group_question, 0);
	assert_int_equal(d->pages[1].first, 3);
	q = &d->questions[2];
	assert_int_equal(q->type, QTYPE_SINGLE);
	assert_true(q->other);
	assert_int_equal(q->nopts, 2);
	assert_int_equal(q->page, 0);
	assert_int_equal(q->line, 13);
	/* yes/no and the group question get their options */
	assert_int_equal(d->questions[1].nopts, 2);
	assert_string_equal(d->questions[1].opts[0].code, "yes");
	assert_string_equal(d->questions[0].opts[1].code, "pro");
	assert_int_equal(qdef_find(d, "kind"), 2);
	assert_int_equal(qdef_find(d, "nope"), QDEF_NONE);
	assert_int_equal(qdef_option(q, "b"), 1);
	arena_free(a);
}

static void
texts_fall_back_by_locale(void **state)
{
	struct arena *a = arena_new();
	struct qdef *d = qt_parse(a, base);

	assert_string_equal(
	    qdef_text(&d->title, LOCALE_SR_CYRL), "Анкета о потребама");
	assert_string_equal(
	    qdef_text(&d->title, LOCALE_BS), "Anketa o potrebama");
	assert_string_equal(qdef_text(&d->title, LOCALE_EN), "Needs survey");
	assert_int_equal(
	    d->title.given, (1u << LOCALE_SR_LATN) | (1u << LOCALE_EN));
	/* lj is one Cyrillic letter */
	assert_string_equal(
	    qdef_text(&d->questions[2].opts[0].label, LOCALE_SR_CYRL), "Љубав");
	/* a page without a title has none in any locale */
	assert_null(qdef_text(&d->pages[0].title, LOCALE_EN));
	assert_null(qdef_text(&d->questions[0].help, LOCALE_SR_LATN));
	arena_free(a);
}

static void
given_cyrillic_text_is_kept(void **state)
{
	struct arena *a = arena_new();
	char *doc = qt_with(base, "<title xml:lang=\"en\">",
	    "<title xml:lang=\"sr-Cyrl\">СОС анкета</title><title "
	    "xml:lang=\"en\">");
	struct qdef *d = qt_parse(a, doc);

	assert_string_equal(qdef_text(&d->title, LOCALE_SR_CYRL), "СОС анкета");
	free(doc);
	arena_free(a);
}

/* A definition refused: the line and a word of the reason. */
struct refusal {
	const char *name;
	const char *needle, *repl; /* change to base */
	int line;
	const char *reason;
};

static const struct refusal refusals[] = {
    /* the XML parser */
    {"unclosed tag", "</page>\n</survey>", "</survey>", 20, "mismatch"},
    {"not XML at all", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<survey",
	"\n<<survey", 2, "StartTag"},
    {"entity from a file", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
	"<?xml version=\"1.0\"?>\n<!DOCTYPE survey [<!ENTITY x SYSTEM "
	"\"file:///etc/passwd\">]>",
	0, "DOCTYPE"},
    /* the schema */
    {"a locale that is not ours", "<title xml:lang=\"en\">",
	"<title xml:lang=\"fr\">", 4, "Expecting"},
    {"no sr-Latn text", "<title xml:lang=\"sr-Latn\">Anketa o potrebama",
	"<title xml:lang=\"en\">Anketa o potrebama", 3, ""},
    {"a type the engine lacks", "type=\"text\"", "type=\"slider\"", 18,
	"unknown question type slider"},
    {"an option on a number", "<!--Q-->",
	"<question code=\"n\" type=\"number\"><text xml:lang=\"sr-Latn\">N"
	"</text><option code=\"a\"><label xml:lang=\"sr-Latn\">A</label>"
	"</option></question>",
	19, ""},
    {"a code with capitals", "code=\"x\"", "code=\"X\"", 18, "code X"},
    {"minutes over two hours", "minutes=\"10\"", "minutes=\"121\"", 2, ""},
    {"max on a yes/no", "type=\"yesno\"", "type=\"yesno\" max=\"3\"", 12, ""},
    /* the semantic checks */
    {"a question code twice", "code=\"x\"", "code=\"care\"", 18, "twice"},
    {"an option code twice", "<option code=\"b\">", "<option code=\"a\">", 15,
	"twice"},
    {"a page code twice", "<page code=\"more\">", "<page code=\"who\">", 17,
	"twice"},
    {"a group code twice", "<group code=\"pro\">", "<group code=\"citizen\">",
	8, "twice"},
    {"option other with other=\"true\"", "<option code=\"b\">",
	"<option code=\"other\">", 15, "reserved"},
    {"a condition on a later question",
	"<question code=\"care\" type=\"yesno\">"
	"<text xml:lang=\"sr-Latn\">Brinete li o nekome?</text>",
	"<question code=\"care\" type=\"yesno\"><text xml:lang=\"sr-Latn\">"
	"Brinete li o nekome?</text><show-if question=\"x\" equals=\"a\"/>",
	12, "earlier page"},
    {"a condition on the same page", "<text xml:lang=\"sr-Latn\">Vrsta</text>",
	"<text xml:lang=\"sr-Latn\">Vrsta</text><show-if question=\"care\" "
	"equals=\"yes\"/>",
	13, "same page"},
    {"a condition on an option that does not exist", "<!--Q-->",
	"<question code=\"y\" type=\"text\"><text xml:lang=\"sr-Latn\">Y</text>"
	"<show-if question=\"kind\" one-of=\"a c\"/></question>",
	19, "no option c"},
    {"a condition on a text question", "</page>\n</survey>",
	"</page>\n<page code=\"p3\"><question code=\"y\" type=\"text\">"
	"<text xml:lang=\"sr-Latn\">Y</text><show-if question=\"x\" "
	"not=\"a\"/></question></page></survey>",
	21, "of type text"},
    {"a condition on a question that does not exist", "<!--Q-->",
	"<question code=\"y\" type=\"text\"><text xml:lang=\"sr-Latn\">Y</text>"
	"<show-if question=\"zz\" equals=\"a\"/></question>",
	19, "not on an earlier page"},
    {"multiple with min over max", "<!--Q-->",
	"<question code=\"m\" type=\"multiple\" min=\"3\" max=\"2\"><text "
	"xml:lang=\"sr-Latn\">M</text><option code=\"a\"><label "
	"xml:lang=\"sr-Latn\">A</label></option></question>",
	19, "min is greater than max"},
    {"multiple with min over its options", "<!--Q-->",
	"<question code=\"m\" type=\"multiple\" min=\"2\"><text "
	"xml:lang=\"sr-Latn\">M</text><option code=\"a\"><label "
	"xml:lang=\"sr-Latn\">A</label></option></question>",
	19, "number of options"},
    {"a signed count", "<!--Q-->",
	"<question code=\"m\" type=\"multiple\" max=\"+2\"><text "
	"xml:lang=\"sr-Latn\">M</text><option code=\"a\"><label "
	"xml:lang=\"sr-Latn\">A</label></option></question>",
	19, "whole number"},
    {"number with min over max", "<!--Q-->",
	"<question code=\"n\" type=\"number\" min=\"10\" max=\"9.5\" "
	"decimals=\"1\"><text xml:lang=\"sr-Latn\">N</text></question>",
	19, "min is greater than max"},
    {"number bound finer than its decimals", "<!--Q-->",
	"<question code=\"n\" type=\"number\" min=\"0.25\" decimals=\"1\">"
	"<text xml:lang=\"sr-Latn\">N</text></question>",
	19, "decimals"},
    {"date with min after max", "<!--Q-->",
	"<question code=\"d\" type=\"date\" min=\"2026-02-01\" "
	"max=\"2026-01-31\"><text xml:lang=\"sr-Latn\">D</text></question>",
	19, "after max"},
    {"a date the calendar lacks", "<!--Q-->",
	"<question code=\"d\" type=\"date\" min=\"2026-02-29\"><text "
	"xml:lang=\"sr-Latn\">D</text></question>",
	19, "not a date"},
    {"short text over its ceiling", "<!--Q-->",
	"<question code=\"t\" type=\"text\" max=\"501\"><text "
	"xml:lang=\"sr-Latn\">T</text></question>",
	19, "at most 500"},
    {"a page for an unknown group", "<page code=\"more\">",
	"<page code=\"more\" groups=\"pro ngo\">", 17, "group ngo"},
    {"group pages before the group question", "<page code=\"who\">",
	"<page code=\"who\" groups=\"pro\">", 10, "no respondent-group"},
    {"a second group question", "<!--Q-->",
	"<question code=\"g2\" type=\"group\"><text xml:lang=\"sr-Latn\">G"
	"</text></question>",
	19, "second respondent-group"},
    {"a group question without groups",
	"<groups>\n<group code=\"citizen\" "
	"quota=\"3\"><label xml:lang=\"sr-Latn\">Građani</label></group>\n"
	"<group code=\"pro\"><label xml:lang=\"sr-Latn\">Stručnjaci</label>"
	"</group>\n</groups>\n",
	"\n\n\n\n", 11, "no groups"},
    {"closing before opening", "closes=\"2026-11-30T23:59\"",
	"closes=\"2026-11-13T23:59\"", 2, "closes before it opens"},
    {"a time that does not exist", "opens=\"2026-11-14T00:00\"",
	"opens=\"2026-11-14T24:00\"", 2, "local times"},
};

static void
refusals_name_line_and_reason(void **state)
{
	struct arena *a = arena_new();
	struct qdef_error err;
	size_t i;
	char *doc;

	for (i = 0; i < sizeof(refusals) / sizeof(refusals[0]); i++) {
		doc = qt_with(base, refusals[i].needle, refusals[i].repl);
		if (qdef_parse(a, qt_schema, doc, strlen(doc), &err) != NULL)
			fail_msg("%s: accepted", refusals[i].name);
		if (err.line != refusals[i].line ||
		    strstr(err.reason, refusals[i].reason) == NULL)
			fail_msg("%s: line %d \"%s\", expected line %d \"%s\"",
			    refusals[i].name, err.line, err.reason,
			    refusals[i].line, refusals[i].reason);
		assert_true(err.reason[0] != '\0');
		if (getenv("QTEST_VERBOSE") != NULL)
			print_message("# %s: line %d: %s\n", refusals[i].name,
			    err.line, err.reason);
		free(doc);
	}
	arena_free(a);
}

static void
oversized_and_empty_documents_are_refused(void **state)
{
	struct arena *a = arena_new();
	struct qdef_error err;
	char *big = xcalloc(QDEF_MAX_BYTES + 2, 1);

	memset(big, ' ', QDEF_MAX_BYTES + 1);
	assert_null(qdef_parse(a, qt_schema, big, QDEF_MAX_BYTES + 1, &err));
	assert_int_equal(err.line, 0);
	assert_non_null(strstr(err.reason, "bytes"));
	assert_null(qdef_parse(a, qt_schema, "", 0, &err));
	free(big);
	arena_free(a);
}

static void
billion_laughs_is_refused(void **state)
{
	static const char doc[] =
	    "<?xml version=\"1.0\"?>\n<!DOCTYPE survey [\n"
	    "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    "]>\n<survey>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</survey>\n";
	struct arena *a = arena_new();
	struct qdef_error err;

	assert_null(qdef_parse(a, qt_schema, doc, strlen(doc), &err));
	arena_free(a);
}

/* Parse, write, parse, write: the two documents are the same. */
static void
round_trip(const char *doc)
{
	struct arena *a = arena_new();
	struct qdef *d1, *d2;
	char *x1, *x2;
	size_t n1, n2;

	d1 = qt_parse(a, doc);
	assert_non_null(d1);
	x1 = qdef_write(a, d1, &n1);
	assert_non_null(x1);
	d2 = qt_parse(a, x1);
	assert_non_null(d2);
	x2 = qdef_write(a, d2, &n2);
	assert_non_null(x2);
	assert_int_equal(n1, n2);
	assert_string_equal(x1, x2);
	assert_int_equal(d1->nquestions, d2->nquestions);
	assert_int_equal(d1->npages, d2->npages);
	arena_free(a);
}

static void
model_writes_back_to_the_same_definition(void **state)
{
	char *doc = qt_with(base, "<!--Q-->",
	    "<question code=\"n\" type=\"number\" min=\"-1.5\" max=\"99\" "
	    "decimals=\"2\" required=\"true\"><text xml:lang=\"sr-Latn\">N & "
	    "\"m\" &lt; 3</text><help xml:lang=\"sr-Latn\">Pomoć</help>"
	    "<help xml:lang=\"bs\">Pomoć</help><show-if question=\"kind\" "
	    "one-of=\"a other\"/><show-if question=\"group\" not=\"pro\"/>"
	    "</question><question code=\"mx\" type=\"matrix\"><text "
	    "xml:lang=\"sr-Latn\">M</text><item code=\"i\"><label "
	    "xml:lang=\"sr-Latn\">I</label></item><option code=\"1\"><label "
	    "xml:lang=\"sr-Latn\">1</label></option></question>");
	char *fixed = qt_with(doc, "N & ", "N &amp; ");

	round_trip(fixed);
	round_trip(base);
	free(doc);
	free(fixed);
}

/* The text between the markers of sql/demo.sql's survey definition. */
static char *
demo_definition(void)
{
	char *sql = qt_read("sql/demo.sql", NULL), *s, *e, *out;

	assert_non_null(sql);
	s = strstr(sql, "<?xml");
	assert_non_null(s);
	e = strstr(s, "</survey>");
	assert_non_null(e);
	e += strlen("</survey>");
	out = xmalloc((size_t)(e - s) + 1);
	memcpy(out, s, (size_t)(e - s));
	out[e - s] = '\0';
	free(sql);
	return out;
}

static void
demo_survey_is_valid_and_uses_every_type(void **state)
{
	struct arena *a = arena_new();
	char *doc = demo_definition(), *dated;
	struct qdef *d;
	bool seen[QTYPE__MAX] = {false};
	size_t i, n = 0;

	/* demo.sql fills in the slug and dates when it loads the survey */
	dated = qt_with(doc, "@OPENS@", "2026-11-14T00:00");
	free(doc);
	doc = qt_with(dated, "@CLOSES@", "2026-11-30T23:59");
	free(dated);
	dated = qt_with(doc, "@SLUG@", "needs-2026");
	free(doc);
	doc = dated;
	dated = NULL;
	d = qt_parse(a, doc);
	assert_non_null(d);
	for (i = 0; i < d->nquestions; i++) {
		seen[d->questions[i].type] = true;
		n += d->questions[i].other;
	}
	for (i = 0; i < QTYPE__MAX; i++)
		if (!seen[i])
			fail_msg("no %s question", qtype_names[i]);
	assert_true(n > 0);
	assert_int_equal(d->group_question, 0);
	assert_true(d->nquestions >= 22 && d->nquestions <= 30);
	assert_int_equal(d->minutes, 10);
	assert_true(d->purpose.given & (1u << LOCALE_BS));
	assert_true(d->title.given & (1u << LOCALE_EN));
	round_trip(doc);
	free(dated);
	free(doc);
	arena_free(a);
}

static void
numbers_parse_to_fixed_point(void **state)
{
	static const struct {
		const char *s;
		int decimals, rc;
		int64_t v;
	} t[] = {
	    {"12", 0, 0, 12},
	    {"-7", 0, 0, -7},
	    {"12,5", 1, 0, 125},
	    {"12.5", 2, 0, 1250},
	    {"0.10", 1, 0, 1},	/* a trailing zero is no extra precision */
	    {"12.5", 0, -2, 0}, /* too fine for the question */
	    {"3,14159", 2, -2, 0},
	    {"", 0, -1, 0},
	    {"-", 0, -1, 0},
	    {"1.", 1, -1, 0},
	    {".5", 1, -1, 0},
	    {"1.2.3", 2, -1, 0},
	    {"1 000", 0, -1, 0},
	    {"1.000,5", 1, -1, 0},
	    {"+1", 0, -1, 0},
	    {"1e3", 0, -1, 0},
	    {"0x10", 0, -1, 0},
	    {"1234567890123", 0, -1, 0}, /* 13 digits */
	    {"999999999999.9999", 4, 0, 9999999999999999},
	};
	size_t i;
	int64_t v;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		v = 0;
		if (qnum_parse(t[i].s, t[i].decimals, &v) != t[i].rc ||
		    (t[i].rc == 0 && v != t[i].v))
			fail_msg(
			    "qnum_parse(\"%s\", %d)", t[i].s, t[i].decimals);
	}
}

static void
numbers_format_with_their_decimals(void **state)
{
	struct arena *a = arena_new();

	assert_string_equal(qnum_format(a, 1250, 2), "12.50");
	assert_string_equal(qnum_format(a, -5, 2), "-0.05");
	assert_string_equal(qnum_format(a, 42, 0), "42");
	assert_string_equal(
	    qnum_format(a, INT64_MIN, 0), "-9223372036854775808");
	arena_free(a);
}

static void
dates_parse_both_ways_people_write_them(void **state)
{
	static const struct {
		const char *s, *iso;
	} t[] = {
	    {"2026-11-29", "2026-11-29"},
	    {"29.11.2026.", "2026-11-29"},
	    {"29. 11. 2026.", "2026-11-29"},
	    {"1.2.2024", "2024-02-01"},
	    {"29.02.2024.", "2024-02-29"},
	    {"29.02.2026.", NULL},
	    {"2026-13-01", NULL},
	    {"2026-1-01", NULL},
	    {"31.04.2026.", NULL},
	    {"2026-11-29x", NULL},
	    {"11/29/2026", NULL},
	    {"", NULL},
	    {"1.1.1899.", NULL},
	};
	char out[11];
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (t[i].iso == NULL) {
			if (qdate_parse(t[i].s, out) != -1)
				fail_msg("accepted \"%s\"", t[i].s);
		} else if (qdate_parse(t[i].s, out) != 0 ||
		    strcmp(out, t[i].iso) != 0)
			fail_msg("refused \"%s\"", t[i].s);
	}
}

static void
broken_schema_is_refused(void **state)
{
	static const char bad[] = "<grammar xmlns=\"http://relaxng.org/ns/"
				  "structure/1.0\"><start/></grammar>";

	assert_null(qschema_new(bad, strlen(bad)));
	assert_null(qschema_new("", 0));
	assert_null(qschema_load("/nonexistent/survey.rng"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(definition_becomes_a_model),
	    cmocka_unit_test(texts_fall_back_by_locale),
	    cmocka_unit_test(given_cyrillic_text_is_kept),
	    cmocka_unit_test(refusals_name_line_and_reason),
	    cmocka_unit_test(oversized_and_empty_documents_are_refused),
	    cmocka_unit_test(billion_laughs_is_refused),
	    cmocka_unit_test(model_writes_back_to_the_same_definition),
	    cmocka_unit_test(demo_survey_is_valid_and_uses_every_type),
	    cmocka_unit_test(numbers_parse_to_fixed_point),
	    cmocka_unit_test(numbers_format_with_their_decimals),
	    cmocka_unit_test(dates_parse_both_ways_people_write_them),
	    cmocka_unit_test(broken_schema_is_refused),
	};

	log_init("test-qdef");
	return cmocka_run_group_tests(tests, qt_setup, qt_teardown);
}
