/* SPDX-License-Identifier: ISC */
/*
 * fuzz-qanswer.c: qanswer_decode (qanswer.c), the decoder of a survey
 * page's submitted form, and the conditions and navigation that read its
 * result.  The first input byte picks the page of a fixed definition that
 * has every question type, the second the answers given before (the
 * respondent group and a few choices), the rest is the form body as the
 * worker receives it (kv_parse_urlencoded).  Every answer row belongs to a
 * shown question of that page and holds what its type allows: an offered
 * option (or "other" with its text), a number in range with the right
 * decimals, clean text within the limit, a real date in range; each
 * question has rows or one error or neither, never both; errors are named
 * by the question's fields.  Navigation from the page stays in range and
 * progress never passes 100.
 */
#include <libgen.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define L(s) "<label xml:lang=\"sr-Latn\">" s "</label>"
#define T(s) "<text xml:lang=\"sr-Latn\">" s "</text>"
#define O(c) "<option code=\"" c "\">" L(c) "</option>"

static const char def[] =
    "<survey version=\"1\" slug=\"f\" minutes=\"9\">"
    "<title xml:lang=\"sr-Latn\">F</title>"
    "<purpose xml:lang=\"sr-Latn\">P</purpose>"
    "<groups><group code=\"a\">" L("A") "</group><group code=\"b\">" L(
	"B") "</group></groups>"
	     "<page code=\"p0\"><question code=\"g\" type=\"group\" "
	     "required=\"true\">" T(
		 "G") "</question><question code=\"yn\" "
		      "type=\"yesno\">" T(
			  "Y") "</question></page>"
			       "<page code=\"p1\" "
			       "groups=\"a\">"
			       "<question code=\"s\" "
			       "type=\"single\" "
			       "required=\"true\" "
			       "other=\"true\">" T("S") O("x") O(
				   "y") "</question>"
					"<question "
					"code=\"m\" "
					"type="
					"\"multiple\" "
					"min=\"2\" "
					"max=\"3\" "
					"other="
					"\"true\">" T("M") O("x") O("y") O("z") O(
					    "w") "</"
						 "ques"
						 "tion"
						 ">"
						 "<que"
						 "stio"
						 "n "
						 "code"
						 "=\"d"
						 "d\" "
						 "type"
						 "=\"d"
						 "ropd"
						 "own"
						 "\""
						 ">" T("D") O("x") O(
						     "y") "</question>"
							  "<question "
							  "code=\"mx\" "
							  "type=\"matrix\" "
							  "required="
							  "\"true\">" T("MX") "<item code=\"i\">" L("I") "</item><item code=\"j\">" L(
							      "J") "</item>" O("1") O("2")
							      O("3") "</"
								     "question>"
								     "<question"
								     " code="
								     "\"n\" "
								     "type="
								     "\"number"
								     "\" "
								     "min=\"-"
								     "5\" "
								     "max="
								     "\"100\""
								     ">" T(
									 "N") "</question>"
									      "<question code=\"dec\" type=\"number\" min=\"-10.5\" max=\"10.5\" "
									      "decimals=\"2\">" T(
										  "DEC") "</question>"
											 "<question code=\"t\" type=\"text\" max=\"10\">" T(
											     "T") "</question>"
												  "<question code=\"lt\" type=\"longtext\" max=\"30\">" T(
												      "LT") "</question>"
													    "<question code=\"d\" type=\"date\" min=\"2000-01-01\" "
													    "max=\"2030-12-31\">" T(
														"D") "</question>"
														     "</page>"
														     "<page code=\"p2\"><show-if question=\"yn\" equals=\"yes\"/>"
														     "<question code=\"w\" type=\"text\" required=\"true\">" T(
															 "W") "<show-if question=\"g\" one-of=\"a b\"/></question>"
															      "<question code=\"v\" type=\"number\" decimals=\"4\">" T(
																  "V") "<show-if question=\"yn\" not=\"no\"/></question></page>"
																       "</survey>";

static struct qdef *
model(struct arena *a)
{
	static struct qdef *d;
	struct qschema *s;
	struct qdef_error err;
	char path[4096], here[4096];

	if (d != NULL)
		return d;
	snprintf(here, sizeof(here), "%s", __FILE__);
	snprintf(path, sizeof(path), "%s/../../fcgi/surveys/survey.rng",
	    dirname(here));
	if ((s = qschema_load(path)) == NULL)
		abort();
	if ((d = qdef_parse(a, s, def, strlen(def), &err)) == NULL) {
		fprintf(stderr, "line %d: %s\n", err.line, err.reason);
		abort();
	}
	qschema_free(s);
	return d;
}

/* The answers of earlier pages, picked by one byte. */
static void
prior_answers(struct arena *a, unsigned char k, struct qanswers *l)
{
	struct qval v = {"g", "", NULL, NULL, NULL};

	memset(l, 0, sizeof(*l));
	if (k & 1) {
		v.option = k & 2 ? "a" : "b";
		qanswers_add(a, l, &v);
	}
	if (k & 4) {
		v.question = "yn";
		v.option = k & 8 ? "yes" : "no";
		qanswers_add(a, l, &v);
	}
}

static void
check_row(const struct qquestion *q, const struct qval *v)
{
	int64_t n;
	char iso[11];

	switch (q->type) {
	case QTYPE_NUMBER:
		if (v->number == NULL ||
		    qnum_parse(v->number, q->decimals, &n) != 0 ||
		    (q->has_min && n < q->min) || (q->has_max && n > q->max))
			abort();
		break;
	case QTYPE_TEXT:
	case QTYPE_LONGTEXT:
		if (v->text == NULL || *v->text == '\0' ||
		    !text_clean(v->text, strlen(v->text)) ||
		    utf8_chars(v->text, strlen(v->text)) > (size_t)q->max ||
		    (q->type == QTYPE_TEXT && strpbrk(v->text, "\r\n") != NULL))
			abort();
		break;
	case QTYPE_DATE:
		if (v->text == NULL || qdate_parse(v->text, iso) != 0 ||
		    strcmp(iso, v->text) != 0 ||
		    strcmp(v->text, q->min_date) < 0 ||
		    strcmp(v->text, q->max_date) > 0)
			abort();
		break;
	case QTYPE_MATRIX:
		if (*v->item == '\0' || v->option == NULL ||
		    qdef_option(q, v->option) == QDEF_NONE || v->number == NULL)
			abort();
		break;
	default:
		if (v->option == NULL)
			abort();
		if (strcmp(v->option, "other") == 0) {
			if (!q->other || v->text == NULL ||
			    !text_clean(v->text, strlen(v->text)))
				abort();
		} else if (qdef_option(q, v->option) == QDEF_NONE)
			abort();
		break;
	}
}

static void
check(const struct qdef *d, size_t p, const struct qanswers *prior,
    const struct qanswers *out, const struct qerrors *errs)
{
	const struct qpage *pg = &d->pages[p];
	const struct qquestion *q;
	struct qprogress pr;
	size_t i, k, rows;
	char prefix[64];

	if (errs->n > pg->n)
		abort();
	for (i = 0; i < errs->n; i++) {
		q = &d->questions[errs->e[i].question];
		snprintf(prefix, sizeof(prefix), "q.%s", q->code);
		if (q->page != p || errs->e[i].key == NULL ||
		    strncmp(errs->e[i].field, prefix, strlen(prefix)) != 0)
			abort();
	}
	for (i = pg->first; i < pg->first + pg->n; i++) {
		q = &d->questions[i];
		for (k = 0, rows = 0; k < out->n; k++)
			if (strcmp(out->v[k].question, q->code) == 0) {
				check_row(q, &out->v[k]);
				rows++;
			}
		for (k = 0; k < errs->n; k++)
			if (errs->e[k].question == i && rows > 0)
				abort();
		if (rows > 0 && !qdef_question_visible(d, i, prior))
			abort();
		if (q->type == QTYPE_MULTIPLE && q->has_max &&
		    rows > (size_t)q->max)
			abort();
	}
	for (k = 0; k < out->n; k++)
		if (qdef_find(d, out->v[k].question) == QDEF_NONE ||
		    d->questions[qdef_find(d, out->v[k].question)].page != p)
			abort();
	i = qnav_next(d, p, prior);
	k = qnav_prev(d, p, prior);
	if (i > d->npages || (k != QDEF_NONE && k >= p))
		abort();
	qnav_progress(d, p, prior, &pr);
	if (pr.done > pr.total || pr.percent > 100 || pr.minutes_left < 0 ||
	    pr.minutes_left > d->minutes)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *keep, *a;
	const struct qdef *d;
	struct qanswers prior, out;
	struct qerrors errs;
	struct kvlist form;
	size_t p;

	if (keep == NULL) {
		keep = arena_new();
		a = arena_new();
	}
	d = model(keep);
	if (size < 2)
		return 0;
	p = data[0] % d->npages;
	prior_answers(a, data[1], &prior);
	if (kv_parse_urlencoded(a, (const char *)data + 2, size - 2, &form) ==
	    HTTP_OK) {
		qanswer_decode(a, d, p, &form, &prior, &out, &errs);
		check(d, p, &prior, &out, &errs);
		qanswers_set_page(a, &prior, d, p, &out);
		qanswers_prune(&prior, d);
	}
	arena_reset(a);
	return 0;
}
