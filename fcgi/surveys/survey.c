/* SPDX-License-Identifier: ISC */
/*
 * survey.c: the municipality's surveys and the way into one.
 *
 *   GET  /surveys/                the surveys open now and those closed
 *                                 recently (with their results, if public)
 *   GET  /surveys/<slug>/         the welcome page: purpose, time needed,
 *                                 the anonymity promise, the dates, Start
 *                                 (a link to the first page: sending it
 *                                 begins the response, answer.c)
 *   POST /surveys/<slug>/start    a response begins with an invitation
 *                                 code (for closed groups)
 *   GET  /surveys/<slug>/thanks   after the last page
 *
 * A survey that is closed or not open yet says so and takes nothing.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "surveys.h"

/*
 * GET /surveys/ -> <surveys><municipality/><open><survey id code title
 * opens closes/></open><closed>…<survey … results="1"/></closed></surveys>
 */
enum http_status
survey_list(struct req *r, struct xml *x)
{
	struct muni m;
	struct db_res open, closed;
	enum http_status st;
	enum db_rc rc;
	char today[11];

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if (survey_today(today) == -1)
		return HTTP_INTERNAL;
	if ((rc = DBQ(r, STMT_SURVEYS_OPEN, &open, DBP_LOCALE(r), DBP_I(m.id),
		 DBP_S(today), DBP_S(today))) != DB_OK ||
	    (rc = DBQ(r, STMT_SURVEYS_CLOSED, &closed, DBP_LOCALE(r),
		 DBP_I(m.id), DBP_S(today), DBP_S(today), DBP_S(today),
		 DBP_S(today))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "surveys") == -1 || muni_write(x, &m) == -1 ||
	    xml_start(x, "open") == -1 || xml_rows(x, "survey", &open) == -1 ||
	    xml_end(x) == -1 || xml_start(x, "closed") == -1 ||
	    xml_rows(x, "survey", &closed) == -1 || xml_end(x) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

enum { SF_INVITE, SF__MAX };

/* The welcome page's form: Start, with an invitation code if one came. */
static const struct field start_fields[SF__MAX] = {
    {"invite", VALID_TEXT, false, 0, SURVEY_INVITE_MAX, "survey.invite", "off",
	NULL, NULL}, /* SF_INVITE */
};

/*
 * Writes the welcome page <survey-welcome><survey/><start href key/>
 * <form/></survey-welcome>; the way in only while the survey is open.
 * Start is a link to the first page, empty (where the page cache keeps
 * it): the response begins when that page is sent (answer_save()), so a
 * respondent's way in costs no request of its own.  The form starts with
 * an invitation code (POST .../start).  A response in progress has
 * Continue instead, to its page.  f: the form as sent, or NULL for an
 * empty one.
 */
static enum http_status
welcome(struct req *r, struct xml *x, const struct survey *s, struct form *f)
{
	struct form empty;
	struct qanswers none;
	const char *href;

	if (f == NULL) {
		form_empty(r, SF__MAX, &empty);
		f = &empty;
	}
	if (xml_start(x, "survey-welcome") == -1 ||
	    survey_write(x, s, r->locale) == -1)
		return HTTP_INTERNAL;
	memset(&none, 0, sizeof(none));
	href = survey_going(s)
	    ? arena_printf(r->arena, "/surveys/%s/page", s->slug)
	    : answer_path(r, s, qnav_next(s->def, QDEF_NONE, &none), &none);
	if (s->open &&
	    (xml_start(x, "start") == -1 || xml_attr(x, "href", href) == -1 ||
		xml_attr(x, "key",
		    survey_going(s) ? "survey.continue" : "survey.start") ==
		    -1 ||
		xml_end(x) == -1))
		return HTTP_INTERNAL;
	if (s->open && !survey_going(s) &&
	    form_write(x, "post",
		arena_printf(r->arena, "/surveys/%s/start", s->slug),
		"survey.start.invite", start_fields, f) == -1)
		return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	return form_status(r, f);
}

/* GET /surveys/<slug>/: the welcome page (404 for no public survey). */
enum http_status
survey_show(struct req *r, struct xml *x)
{
	struct survey s;
	enum http_status st;

	if ((st = survey_load(r, &s)) != HTTP_OK)
		return st;
	return welcome(r, x, &s, NULL);
}

/*
 * POST /surveys/<slug>/start: a new response in progress, held by the
 * browser (held.c: sealed in the survey cookie, nothing stored), and its
 * first page (303).  A response already in progress just goes on.  An
 * invitation code must be one of the survey's, unused (422 otherwise, the code
 * kept); a closed survey takes nothing (409).
 */
enum http_status
survey_start(struct req *r, struct xml *x)
{
	struct survey s;
	struct form f;
	struct qanswers none;
	struct db_res res;
	unsigned char hash[32];
	enum http_status st;
	enum db_rc rc;
	size_t first;

	if ((st = survey_load(r, &s)) != HTTP_OK)
		return st;
	form_validate(r, start_fields, SF__MAX, &f);
	if (!s.open) {
		st = welcome(r, x, &s, &f);
		r->render = true;
		return st == HTTP_INTERNAL ? st : HTTP_CONFLICT;
	}
	if (f.nerrors > 0)
		return welcome(r, x, &s, &f);
	if (survey_going(&s))
		return form_done(r,
		    arena_printf(r->arena, "/surveys/%s/page", s.slug), NULL);
	if (f.text[SF_INVITE] != NULL && *f.text[SF_INVITE] != '\0') {
		token_hash(f.text[SF_INVITE], hash);
		if ((rc = DBQ(r, STMT_INVITATION_FIND, &res, DBP_I(s.id),
			 DBP_B(hash, sizeof(hash)))) != DB_OK)
			return db_status(rc);
		if (res.nrows == 0) {
			form_error(&f, SF_INVITE, "survey.invite.unknown");
			return welcome(r, x, &s, &f);
		}
		s.invitation = db_int(&res, 0, "id");
		s.invitation_group = db_str(&res, 0, "group");
	}
	memset(&none, 0, sizeof(none));
	first = qnav_next(s.def, QDEF_NONE, &none);
	answer_begin(&s, first);
	if ((st = answer_keep(r, &s, first, &none, NULL, false)) != HTTP_OK)
		return st;
	return form_done(r, answer_path(r, &s, first, &none), NULL);
}

/* GET /surveys/<slug>/thanks: the survey's thanks, and its results link. */
enum http_status
survey_thanks(struct req *r, struct xml *x)
{
	struct survey s;
	enum http_status st;

	if ((st = survey_load(r, &s)) != HTTP_OK)
		return st;
	if (xml_start(x, "survey-thanks") == -1 ||
	    survey_write(x, &s, r->locale) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
