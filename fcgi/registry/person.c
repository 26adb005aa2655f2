/* SPDX-License-Identifier: ISC */
/*
 * person.c: the people of the register (issue 12) under
 * /registry/persons: the search (by name in either script and any
 * spelling, by JMBG, by date of birth), a person's record with the
 * enrolments the caller may see (and, for the CSW, who opened or changed
 * it), the form for a new person and the one for a change.
 *
 * Who sees whom is the record kind "person" (auth.c): CSW workers the
 * register of their municipality, provider staff the people enrolled
 * with their organisation and those people's legal representatives
 * (PERSON_SCOPE in stmt.c, used by every statement here that returns
 * people).  Anyone else never reaches these routes (main.c).  Every
 * view and change writes an audit row; a record the caller may not see
 * is a 404, audited too.  The JMBG is shown whole only to CSW workers.
 *
 * A provider adds a person together with the first enrolment at the
 * provider (enrol_check() in enrol.c says whether the licence and the
 * capacity allow it).  When the JMBG is already registered under the name
 * typed (in either script) the enrolment links to that person and nothing
 * of the existing record is shown; under another name it is refused
 * (check_jmbg()), so that a JMBG alone opens nobody's record.  When name and
 * date of birth match someone the provider may not see, the form says only that
 * a possible duplicate exists and whom to ask (the CSW), and saves once that is
 * confirmed.
 *
 * The checks of the form (person_check) and its write (person_write)
 * are also the CSV import's (caseload.c): one validation, not two.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define PERSONS_PAGE_SIZE 20
#define PERSONS_MAX_PAGE  5000 /* 100,000 people, 20 a page */
#define REP_FIND_MAX	  50
/* The sides of a provider's search (stmt.c, PERSONS_SCOPE). */
#define PERSONS_SCOPE_SIDES 4

/* The coded needs of 0006, in the order of their position. */
const char *const person_needs[PERSON_NEEDS] = {"intellectual", "physical",
    "visual", "hearing", "speech", "autism", "developmental-delay", "multiple",
    "mental-health", "chronic-illness", "behaviour", "dementia", "frailty",
    "other"};

static const char *const sexes[] = {"male", "female", NULL};
static const char *const rep_kinds[] = {"parent", "guardian", "other", NULL};

#define NEED(i, code)                                                          \
	[PN_NEED + (i)] = {"need-" code, VALID_CHECKBOX, false, 0, 0,          \
	    "need." code, NULL, NULL, NULL}

/*
 * The person's form.  A change shows the fields before PN_CONFIRM; a new
 * person by a CSW worker those before PN_SERVICE; by provider staff all,
 * with the first enrolment.
 */
const struct field person_fields[PN__MAX] = {
    [PN_GIVEN] = {"given", VALID_TEXT, true, 1, 100, "person.given", "off",
	NULL, NULL},
    [PN_FAMILY] = {"family", VALID_TEXT, true, 1, 100, "person.family", "off",
	NULL, NULL},
    [PN_JMBG] = {"jmbg", VALID_TEXT, false, 0, 20, "person.jmbg", "off", NULL,
	NULL},
    [PN_BIRTH] = {"birth", VALID_DATE, false, 18900101, 0, "person.birth",
	"off", NULL, NULL},
    [PN_SEX] = {"sex", VALID_CHOICE, false, 0, 0, "person.sex", NULL, sexes,
	"sex."},
    [PN_SETTLEMENT] = {"settlement", VALID_ID, false, 0, 0, "person.settlement",
	NULL, NULL, NULL},
    [PN_ADDRESS] = {"address", VALID_TEXT, false, 0, 200, "person.address",
	"off", NULL, NULL},
    [PN_PHONE] = {"phone", VALID_TEXT, false, 0, 40, "person.phone", "off",
	NULL, NULL},
    [PN_EMAIL] = {"email", VALID_EMAIL, false, 0, 254, "person.email", "off",
	NULL, NULL},
    [PN_REP] = {"rep", VALID_ID, false, 0, 0, "person.rep", NULL, NULL, NULL},
    [PN_REP_GIVEN] = {"rep-given", VALID_TEXT, false, 1, 100,
	"person.rep.given", "off", NULL, NULL},
    [PN_REP_FAMILY] = {"rep-family", VALID_TEXT, false, 1, 100,
	"person.rep.family", "off", NULL, NULL},
    [PN_REP_PHONE] = {"rep-phone", VALID_TEXT, false, 0, 40, "person.rep.phone",
	"off", NULL, NULL},
    [PN_REP_KIND] = {"rep-kind", VALID_CHOICE, false, 0, 0, "person.rep.kind",
	NULL, rep_kinds, "repkind."},
    NEED(0, "intellectual"),
    NEED(1, "physical"),
    NEED(2, "visual"),
    NEED(3, "hearing"),
    NEED(4, "speech"),
    NEED(5, "autism"),
    NEED(6, "developmental-delay"),
    NEED(7, "multiple"),
    NEED(8, "mental-health"),
    NEED(9, "chronic-illness"),
    NEED(10, "behaviour"),
    NEED(11, "dementia"),
    NEED(12, "frailty"),
    NEED(13, "other"),
    [PN_CONFIRM] = {"confirm", VALID_CHECKBOX, false, 0, 0,
	"person.duplicate.confirm", NULL, NULL, NULL},
    [PN_SERVICE] = {"service", VALID_ID, true, 0, 0, "person.enrol.service",
	NULL, NULL, NULL},
    [PN_REFNUM] = {"referral-number", VALID_TEXT, false, 0, 64,
	"person.enrol.referral.number", "off", NULL, NULL},
    [PN_REFDATE] = {"referral-date", VALID_DATE, false, 19900101, 0,
	"person.enrol.referral.date", "off", NULL, NULL},
    [PN_START] = {"start", VALID_DATE, true, 19900101, 0, "person.enrol.start",
	"off", NULL, NULL},
};

/* The record kind "person": the scope statement is the whole rule. */
static const struct record_kind person_kind = {
    .type = "person",
    .perms = PERM_ROLE(ROLE_PROVIDER) | PERM_ROLE(ROLE_CSW),
    .stmt = STMT_PERSON_IN_SCOPE,
    .params = {SCOPE_MUNICIPALITY, SCOPE_ROLE_CSW, SCOPE_ORGANISATION,
	SCOPE_ORGANISATION},
};

/* True when the caller sees the whole register (a CSW worker). */
bool
person_csw(const struct req *r)
{
	return r->sess != NULL && (r->sess->perms & PERM_ROLE(ROLE_CSW)) != 0;
}

/* 1 on a sr-Cyrl page: settlements and organisations by name_cyrl. */
static int64_t
cyrl(const struct req *r)
{
	return r->locale == LOCALE_SR_CYRL;
}

/* "key" with LIKE's wildcards escaped, and a trailing '%': a prefix. */
static const char *
like_prefix(struct req *r, const char *key)
{
	char *out = arena_alloc(r->arena, strlen(key) * 2 + 2), *o = out;

	for (; *key != '\0'; key++) {
		if (*key == '%' || *key == '_' || *key == '\\')
			*o++ = '\\';
		*o++ = *key;
	}
	*o++ = '%';
	*o = '\0';
	return out;
}

/* The typed JMBG without blanks (people copy "2507986 786052"). */
static const char *
jmbg_compact(struct req *r, const char *s)
{
	char *out = arena_strdup(r->arena, s), *o = out;

	for (; *s != '\0'; s++)
		if (*s != ' ')
			*o++ = *s;
	*o = '\0';
	return out;
}

/* Today (UTC) as YYYYMMDD. */
static int64_t
today(void)
{
	struct tm tm;
	time_t now = time(NULL);

	gmtime_r(&now, &tm);
	return (int64_t)(tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 +
	    tm.tm_mday;
}

/*
 * The attributes of row i of a list of people (PERSON_COLS): the JMBG
 * masked unless the caller is a CSW worker.
 */
int
person_row_attrs(
    struct req *r, struct xml *x, const struct db_res *res, size_t i)
{
	char masked[JMBG_MASK_BYTES];
	const char *j = db_str(res, i, "jmbg");
	size_t c;

	for (c = 0; c < res->ncols; c++) {
		if (strcmp(res->col[c], "jmbg") == 0 ||
		    db_str(res, i, c) == NULL)
			continue;
		if ((res->time[c]
			    ? xml_attr_time(x, res->col[c], db_str(res, i, c))
			    : xml_attr(x, res->col[c], db_str(res, i, c))) ==
		    -1)
			return -1;
	}
	if (j == NULL)
		return 0;
	if (!person_csw(r)) {
		jmbg_mask(j, masked);
		j = masked;
	}
	return xml_attr(x, "jmbg", j);
}

/* --- the search ------------------------------------------------------ */

enum { SF_Q, SF_PAGE, SF__MAX };
static const struct field search_fields[SF__MAX] = {
    {"q", VALID_TEXT, false, 0, 100, "persons.find", "off", NULL, NULL},
    {"page", VALID_INT, false, 1, PERSONS_MAX_PAGE, "persons.page", NULL, NULL,
	NULL},
};

/* The links' cursors (never shown in the form): the page after or before
 * the person of that id in the list. */
enum { SC_AFTER, SC_BEFORE, SC__MAX };
static const struct field cursor_fields[SC__MAX] = {
    {"after", VALID_ID, false, 0, 0, "persons.next", NULL, NULL, NULL},
    {"before", VALID_ID, false, 0, 0, "persons.prev", NULL, NULL, NULL},
};

/* One page of the search: its rows in the list's order, and its links. */
struct persons_page {
	struct db_res res;
	size_t shown;	 /* rows of res on the page */
	int64_t page;	 /* its number, as the links counted */
	bool next, prev; /* whether there is a page after, before */
	int64_t after;	 /* the next link's cursor, or 0 */
	int64_t before;	 /* the previous link's cursor, or 0 */
};

/* Puts the first n rows of res in the opposite order. */
static void
rows_reverse(struct db_res *res, size_t n)
{
	size_t i, c;
	char *t;

	for (i = 0; i < n / 2; i++)
		for (c = 0; c < res->ncols; c++) {
			t = res->cell[i * res->ncols + c];
			res->cell[i * res->ncols + c] =
			    res->cell[(n - 1 - i) * res->ncols + c];
			res->cell[(n - 1 - i) * res->ncols + c] = t;
		}
}

/*
 * The search by name (key: a LIKE prefix; "%" for everybody) into pg:
 * the page after person `after` or before person `before` (0: none; a
 * cursor the caller may not see counts as none), else page pg->page
 * counted from the start.  Provider staff search in their enrolments'
 * copies of their people's keys (stmt.c, PERSONS_SCOPE), a CSW worker
 * along the town's names (PERSON_SIDE).  Returns the database's
 * outcome.
 */
static enum db_rc
persons_find(struct req *r, const char *key, int64_t after, int64_t before,
    struct persons_page *pg)
{
	struct db_param p[DB_PARAM_MAX];
	struct db_res cur;
	const char *fk = "", *nk = "";
	int64_t org = r->sess->organisation, muni = r->sess->municipality;
	int64_t csw = person_csw(r), id = after > 0 ? after : before;
	int64_t offset = (pg->page - 1) * PERSONS_PAGE_SIZE;
	bool back = false;
	enum db_rc rc;
	size_t n = 0, side, k;

	if (id > 0) {
		if ((rc = DBQ(r, STMT_PERSON_CURSOR, &cur, DBP_I(id),
			 DBP_I(muni), DBP_I(csw), DBP_I(org), DBP_I(org))) !=
		    DB_OK)
			return rc;
		if (cur.nrows == 1) {
			fk = db_str(&cur, 0, "fk");
			nk = db_str(&cur, 0, "nk");
			back = before > 0 && after == 0;
			offset = 0;
		} else
			id = 0;
	}
	p[n++] = DBP_I(cyrl(r));
	for (side = 0; side < (csw ? 2 : PERSONS_SCOPE_SIDES); side++) {
		if (!csw) {
			/* The odd sides search by name key: none of them
			 * for everybody ("%"), whom the others list. */
			p[n++] = DBP_I(org);
			p[n++] = DBP_I(muni);
			p[n++] = DBP_S(key);
			p[n++] = DBP_I(side % 2 == 0 || strcmp(key, "%") != 0);
		} else {
			p[n++] = DBP_I(muni);
			p[n++] = DBP_S(key);
		}
		for (k = 0; k < 2; k++)
			p[n++] = DBP_S(fk);
		for (k = 0; k < 2; k++)
			p[n++] = DBP_S(nk);
		p[n++] = DBP_I(id);
		if (csw) {
			p[n++] = DBP_I(csw);
			p[n++] = DBP_I(org);
			p[n++] = DBP_I(org);
		}
		p[n++] = DBP_I(offset + PERSONS_PAGE_SIZE + 1);
	}
	p[n++] = DBP_I(PERSONS_PAGE_SIZE + 1);
	p[n++] = DBP_I(offset);
	if ((rc = db_run(r,
		 csw ? (back ? STMT_PERSONS_FIND_BACK : STMT_PERSONS_FIND)
		     : (back ? STMT_PERSONS_SCOPE_BACK : STMT_PERSONS_SCOPE),
		 p, n, &pg->res)) != DB_OK)
		return rc;
	pg->shown = pg->res.nrows > PERSONS_PAGE_SIZE ? PERSONS_PAGE_SIZE
						      : pg->res.nrows;
	if (back) {
		/* Walked backwards from the cursor: a page follows. */
		rows_reverse(&pg->res, pg->shown);
		pg->next = true;
		pg->prev = pg->res.nrows > PERSONS_PAGE_SIZE;
		if (!pg->prev)
			pg->page = 1;
	} else {
		pg->next = pg->res.nrows > PERSONS_PAGE_SIZE;
		pg->prev = pg->page > 1 || id > 0;
	}
	if (pg->shown > 0 && pg->next)
		pg->after = db_int(&pg->res, pg->shown - 1, "id");
	/* The first page is asked for by its number, without a cursor. */
	if (pg->shown > 0 && pg->prev && pg->page > 2)
		pg->before = db_int(&pg->res, 0, "id");
	return DB_OK;
}

/*
 * GET /registry/persons?q=&page=[&after=|&before=]: the people the
 * caller may see whose name (either script, any spelling), JMBG (13
 * digits, exact) or date of birth (a date) is q; without q all of them,
 * by family name.  20 a page, with the links to the next and the
 * previous: by name (and all), each link carries its cursor, the person
 * the page starts after or ends before, so that a page deep in a common
 * name costs what the first does; the page number is shown and, typed
 * into the form, counted from the start.
 */
enum http_status
persons_list(struct req *r, struct xml *x)
{
	struct form f, c;
	struct persons_page pg;
	enum db_rc rc;
	const char *q, *mode = "all", *jmbg;
	char iso[11];
	int64_t num;
	size_t i;
	struct db_param scope[3];

	memset(&pg, 0, sizeof(pg));
	form_validate(r, search_fields, SF__MAX, &f);
	form_validate(r, cursor_fields, SC__MAX, &c);
	q = f.error[SF_Q] == NULL ? f.text[SF_Q] : "";
	pg.page =
	    f.error[SF_PAGE] == NULL && f.num[SF_PAGE] > 0 ? f.num[SF_PAGE] : 1;
	scope[0] = DBP_I(person_csw(r));
	scope[1] = DBP_I(r->sess->organisation);
	scope[2] = scope[1];
	jmbg = jmbg_compact(r, q);
	if (*q == '\0')
		rc = persons_find(r, "%",
		    c.error[SC_AFTER] == NULL ? c.num[SC_AFTER] : 0,
		    c.error[SC_BEFORE] == NULL ? c.num[SC_BEFORE] : 0, &pg);
	else if (strlen(jmbg) == JMBG_LEN &&
	    strspn(jmbg, "0123456789") == JMBG_LEN) {
		mode = "jmbg";
		rc = DBQ(r, STMT_PERSONS_BY_JMBG, &pg.res, DBP_I(cyrl(r)),
		    DBP_S(jmbg), DBP_I(r->sess->municipality), scope[0],
		    scope[1], scope[2], DBP_I(PERSONS_PAGE_SIZE + 1),
		    DBP_I((pg.page - 1) * PERSONS_PAGE_SIZE));
	} else if (date_parse(q, iso, &num)) {
		mode = "birth";
		rc = DBQ(r, STMT_PERSONS_BY_BIRTH, &pg.res, DBP_I(cyrl(r)),
		    DBP_I(r->sess->municipality), DBP_S(iso), scope[0],
		    scope[1], scope[2], DBP_I(PERSONS_PAGE_SIZE + 1),
		    DBP_I((pg.page - 1) * PERSONS_PAGE_SIZE));
	} else {
		mode = "name";
		rc = persons_find(r,
		    like_prefix(r, translit_key(r->arena, q, 100)),
		    c.error[SC_AFTER] == NULL ? c.num[SC_AFTER] : 0,
		    c.error[SC_BEFORE] == NULL ? c.num[SC_BEFORE] : 0, &pg);
	}
	if (rc != DB_OK)
		return db_status(rc);
	if (strcmp(mode, "jmbg") == 0 || strcmp(mode, "birth") == 0) {
		pg.shown = pg.res.nrows > PERSONS_PAGE_SIZE ? PERSONS_PAGE_SIZE
							    : pg.res.nrows;
		pg.next = pg.res.nrows > PERSONS_PAGE_SIZE;
		pg.prev = pg.page > 1;
	}
	if (xml_start(x, "persons") == -1 || xml_attr(x, "q", q) == -1 ||
	    xml_attr(x, "mode", mode) == -1 ||
	    xml_attr_int(x, "page", pg.page) == -1 ||
	    xml_attr(x, "qs",
		*q != '\0' ? arena_printf(
				 r->arena, "q=%s&", str_pct_encode(r->arena, q))
			   : "") == -1 ||
	    (pg.next && xml_attr_int(x, "next", pg.page + 1) == -1) ||
	    (pg.prev &&
		xml_attr_int(x, "prev", pg.page > 1 ? pg.page - 1 : 1) == -1) ||
	    (pg.after > 0 && xml_attr_int(x, "after", pg.after) == -1) ||
	    (pg.before > 0 && xml_attr_int(x, "before", pg.before) == -1) ||
	    xml_attr(x, "csw", person_csw(r) ? "1" : NULL) == -1 ||
	    form_write(x, "get", "/registry/persons", "persons.find.submit",
		search_fields, &f) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < pg.shown; i++)
		if (xml_start(x, "person") == -1 ||
		    person_row_attrs(r, x, &pg.res, i) == -1 ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* --- a person's record ---------------------------------------------- */

/*
 * GET /registry/persons/N: the record, its needs, the enrolments the
 * caller may see and, for a CSW worker, its access history.  Audited as
 * "person.read"; a person the caller may not see is a 404 (audited).
 */
enum http_status
person_show(struct req *r, struct xml *x)
{
	struct db_res p, needs, enr, hist;
	enum http_status st;
	enum db_rc rc;
	int64_t id = r->ids[0];
	bool csw = person_csw(r);

	if ((st = record_open(r, &person_kind, id, "person.read", &p)) !=
	    HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_PERSON_NEEDS, &needs, DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_PERSON_ENROLMENTS, &enr, DBP_LOCALE(r),
		 DBP_I(cyrl(r)), DBP_I(id), DBP_I(csw),
		 DBP_I(r->sess->organisation))) != DB_OK)
		return db_status(rc);
	if (csw &&
	    (rc = DBQ(r, STMT_PERSON_HISTORY, &hist, DBP_I(id))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "person-page") == -1 ||
	    xml_attr(x, "csw", csw ? "1" : NULL) == -1 ||
	    xml_start(x, "person") == -1 ||
	    person_row_attrs(r, x, &p, 0) == -1 || xml_end(x) == -1 ||
	    xml_rows(x, "need", &needs) == -1 ||
	    xml_rows(x, "enrolment", &enr) == -1)
		return HTTP_INTERNAL;
	if (csw &&
	    (xml_start(x, "history") == -1 ||
		xml_rows(x, "entry", &hist) == -1 || xml_end(x) == -1))
		return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* --- the checks and the write, shared with the CSV import ------------ */

/* Whether field i was given (present and not empty) without error. */
static bool
given(const struct form *f, size_t i)
{
	return f->error[i] == NULL && f->text[i] != NULL && *f->text[i] != '\0';
}

/*
 * The JMBG: each part checked (the key says which is wrong); a valid
 * number gives the birth date and sex, which must agree with what was
 * typed.  Registered already: for provider staff adding a person in
 * their municipality the enrolment links to that person (its id in
 * f->num[PN_JMBG]), but only under the name the record has (its search
 * key, so in either script): a JMBG alone never opens someone's record
 * to a provider ("person.jmbg.name" otherwise, which says no name);
 * for anyone else "person.jmbg.taken".
 */
static enum http_status
check_jmbg(struct req *r, struct form *f, bool edit, bool provider)
{
	struct jmbg_info ji;
	enum jmbg_problem jp;
	struct db_res res;
	enum db_rc rc;
	int64_t other;

	f->num[PN_JMBG] = 0;
	if (!given(f, PN_JMBG))
		return HTTP_OK;
	f->text[PN_JMBG] = jmbg_compact(r, f->text[PN_JMBG]);
	if ((jp = jmbg_check(f->text[PN_JMBG], &ji)) != JMBG_OK) {
		form_error(f, PN_JMBG, jmbg_problem_key(jp));
		return HTTP_OK;
	}
	if (given(f, PN_BIRTH) && strcmp(f->text[PN_BIRTH], ji.birth) != 0)
		form_error(f, PN_BIRTH, "person.birth.jmbg");
	else if (f->error[PN_BIRTH] == NULL && *f->text[PN_BIRTH] == '\0')
		f->text[PN_BIRTH] = arena_strdup(r->arena, ji.birth);
	if (given(f, PN_SEX) && strcmp(f->text[PN_SEX], ji.sex) != 0)
		form_error(f, PN_SEX, "person.sex.jmbg");
	else if (f->error[PN_SEX] == NULL && *f->text[PN_SEX] == '\0')
		f->text[PN_SEX] = ji.sex;
	if ((rc = DBQ(r, STMT_PERSON_BY_JMBG, &res, DBP_S(f->text[PN_JMBG]))) !=
	    DB_OK)
		return db_status(rc);
	if (res.nrows == 0)
		return HTTP_OK;
	other = db_int(&res, 0, "id");
	if (edit && other == r->ids[0])
		return HTTP_OK;
	if (edit || !provider ||
	    db_int(&res, 0, "municipality") != r->sess->municipality)
		form_error(f, PN_JMBG, "person.jmbg.taken");
	else if (f->error[PN_GIVEN] != NULL || f->error[PN_FAMILY] != NULL ||
	    db_str(&res, 0, "key") == NULL ||
	    strcmp(db_str(&res, 0, "key"),
		translit_key(r->arena,
		    arena_printf(r->arena, "%s %s", f->text[PN_GIVEN],
			f->text[PN_FAMILY]),
		    210)) != 0)
		form_error(f, PN_JMBG, "person.jmbg.name");
	else
		f->num[PN_JMBG] = other;
	return HTTP_OK;
}

/*
 * The legal representative: a person the caller may see (not the person
 * themself), or a new one by name; with either, the kind of
 * representation.
 */
static enum http_status
check_rep(struct req *r, struct form *f, bool edit)
{
	struct db_res res;
	enum db_rc rc;
	bool chosen = given(f, PN_REP);
	bool typed = given(f, PN_REP_GIVEN) || given(f, PN_REP_FAMILY);

	if (chosen) {
		if (edit && f->num[PN_REP] == r->ids[0]) {
			form_error(f, PN_REP, "person.rep.self");
			return HTTP_OK;
		}
		if ((rc = DBQ(r, STMT_PERSON_VISIBLE, &res,
			 DBP_I(f->num[PN_REP]), DBP_I(r->sess->municipality),
			 DBP_I(person_csw(r)), DBP_I(r->sess->organisation),
			 DBP_I(r->sess->organisation))) != DB_OK)
			return db_status(rc);
		if (res.nrows == 0)
			form_error(f, PN_REP, "invalid.choice");
		if (typed)
			form_error(f, PN_REP_GIVEN, "person.rep.both");
	} else if (typed) {
		if (!given(f, PN_REP_GIVEN) && f->error[PN_REP_GIVEN] == NULL)
			form_error(f, PN_REP_GIVEN, "invalid.required");
		if (!given(f, PN_REP_FAMILY) && f->error[PN_REP_FAMILY] == NULL)
			form_error(f, PN_REP_FAMILY, "invalid.required");
	} else if (given(f, PN_REP_PHONE))
		form_error(f, PN_REP_GIVEN, "invalid.required");
	if ((chosen || typed) && !given(f, PN_REP_KIND) &&
	    f->error[PN_REP_KIND] == NULL)
		form_error(f, PN_REP_KIND, "invalid.required");
	if (!chosen && !typed && given(f, PN_REP_KIND))
		form_error(f, PN_REP, "person.rep.none");
	return HTTP_OK;
}

/*
 * The first enrolment of a provider's new person: the referral act
 * whole or not at all, and enrol_check() (enrol.c, the rule every
 * enrolment passes: licence and places), whose refusal is the service
 * field's error.
 */
static enum http_status
check_enrolment(struct req *r, struct form *f)
{
	struct enrol_refusal why;
	enum http_status st;

	if (given(f, PN_REFNUM) != given(f, PN_REFDATE)) {
		if (!given(f, PN_REFNUM) && f->error[PN_REFNUM] == NULL)
			form_error(f, PN_REFNUM, "person.enrol.referral.both");
		if (!given(f, PN_REFDATE) && f->error[PN_REFDATE] == NULL)
			form_error(f, PN_REFDATE, "person.enrol.referral.both");
	}
	if (given(f, PN_REFDATE) && given(f, PN_START) &&
	    f->num[PN_REFDATE] > f->num[PN_START])
		form_error(f, PN_REFDATE, "person.enrol.referral.after");
	if (!given(f, PN_SERVICE) || !given(f, PN_START))
		return HTTP_OK;
	if ((st = enrol_check(r, r->sess->organisation, f->num[PN_SERVICE],
		 f->text[PN_START], &why)) != HTTP_OK)
		return st;
	if (why.key != NULL)
		form_error(f, PN_SERVICE, "enrol.refused");
	return HTTP_OK;
}

/*
 * Someone with the same name and date of birth whom the caller may not
 * see: the form says that a duplicate may exist and whom to ask, and
 * saves only with "confirm" ticked.  Returns HTTP_OK or the database's
 * failure; *twin is set when such a person exists.
 */
static enum http_status
check_twin(struct req *r, struct form *f, bool *twin)
{
	struct db_res res;
	enum db_rc rc;
	size_t i;

	*twin = false;
	if (f->num[PN_JMBG] != 0 || !given(f, PN_BIRTH) ||
	    !given(f, PN_GIVEN) || !given(f, PN_FAMILY))
		return HTTP_OK;
	if ((rc = DBQ(r, STMT_PERSON_TWINS, &res, DBP_I(person_csw(r)),
		 DBP_I(r->sess->organisation), DBP_I(r->sess->organisation),
		 DBP_I(r->sess->municipality),
		 DBP_S(translit_key(r->arena,
		     arena_printf(r->arena, "%s %s", f->text[PN_GIVEN],
			 f->text[PN_FAMILY]),
		     210)),
		 DBP_S(f->text[PN_BIRTH]))) != DB_OK)
		return db_status(rc);
	for (i = 0; i < res.nrows; i++)
		if (db_int(&res, i, "visible") == 0)
			*twin = true;
	return HTTP_OK;
}

/*
 * The checks of the person's form that its table cannot express, for
 * the form and the CSV import alike: the JMBG's parts and what it
 * encodes, a birth date not in the future, the settlement of the
 * municipality, the representative, the first enrolment (provider
 * staff, f->n == PN__MAX) and a possible duplicate.  A change is
 * r->nids > 0.  Marks what is wrong with form_error(); returns HTTP_OK
 * or the database's failure.
 */
enum http_status
person_check(struct req *r, struct form *f)
{
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	bool edit = r->nids > 0, provider = f->n == PN__MAX, twin;

	if ((st = check_jmbg(r, f, edit, provider)) != HTTP_OK)
		return st;
	if (given(f, PN_BIRTH) && f->num[PN_BIRTH] > today())
		form_error(f, PN_BIRTH, "person.birth.future");
	if (given(f, PN_SETTLEMENT)) {
		if ((rc = DBQ(r, STMT_SETTLEMENT_IN_MUNI, &res,
			 DBP_I(f->num[PN_SETTLEMENT]),
			 DBP_I(r->sess->municipality))) != DB_OK)
			return db_status(rc);
		if (res.nrows == 0)
			form_error(f, PN_SETTLEMENT, "invalid.choice");
	}
	if ((st = check_rep(r, f, edit)) != HTTP_OK)
		return st;
	if (provider && (st = check_enrolment(r, f)) != HTTP_OK)
		return st;
	if (edit || f->nerrors > 0)
		return HTTP_OK;
	if ((st = check_twin(r, f, &twin)) != HTTP_OK)
		return st;
	if (twin && !f->present[PN_CONFIRM])
		form_error(f, PN_CONFIRM, "person.duplicate");
	return HTTP_OK;
}

/* The person's needs as the form has them: rows of person_need. */
static enum db_rc
write_needs(struct req *r, const struct form *f, int64_t id)
{
	enum db_rc rc = DB_OK;
	size_t i;

	for (i = 0; i < PERSON_NEEDS && rc == DB_OK; i++)
		if (f->present[PN_NEED + i])
			rc = DBQ(r, STMT_PERSON_NEED_ADD, NULL, DBP_I(id),
			    DBP_S(person_needs[i]));
	return rc;
}

/* The parameters of STMT_PERSON_INSERT after the municipality, or of
 * STMT_PERSON_UPDATE before the id: names, keys and the record. */
static size_t
record_params(
    struct req *r, const struct form *f, int64_t rep, struct db_param *p)
{
	p[0] = DBP_S(f->text[PN_GIVEN]);
	p[1] = DBP_S(f->text[PN_FAMILY]);
	p[2] = DBP_S(translit_key(r->arena,
	    arena_printf(
		r->arena, "%s %s", f->text[PN_GIVEN], f->text[PN_FAMILY]),
	    210));
	p[3] = DBP_S(translit_key(r->arena, f->text[PN_FAMILY], 100));
	p[4] = DBP_SN(f->text[PN_BIRTH]);
	p[5] = DBP_SN(f->text[PN_JMBG]);
	p[6] = DBP_SN(f->text[PN_SEX]);
	p[7] = given(f, PN_SETTLEMENT) ? DBP_I(f->num[PN_SETTLEMENT]) : DBP_NUL;
	p[8] = DBP_S(f->text[PN_ADDRESS]);
	p[9] = DBP_S(f->text[PN_PHONE]);
	p[10] = DBP_S(f->text[PN_EMAIL]);
	p[11] = rep > 0 ? DBP_I(rep) : DBP_NUL;
	p[12] = rep > 0 ? DBP_S(f->text[PN_REP_KIND]) : DBP_NUL;
	return 13;
}

/*
 * Writes a checked new person (person_check) inside the caller's
 * transaction: the new representative first when one was typed, the
 * person with their needs (or, for a registered JMBG, the link to that
 * person), the first enrolment for provider staff, and the audit rows.
 * Returns NULL with *rc DB_OK, *id the person and *linked whether an
 * existing record was linked; an enrolment's refusal key (rc DB_OK); or
 * NULL with the failure in *rc (DB_DUPLICATE: the JMBG was taken
 * meanwhile).
 */
const char *
person_write(
    struct req *r, struct form *f, int64_t *id, bool *linked, enum db_rc *rc)
{
	struct db_param p[DB_PARAM_MAX];
	struct db_res res;
	struct enrol_refusal why;
	enum http_status st;
	int64_t rep = given(f, PN_REP) ? f->num[PN_REP] : 0;

	*linked = f->num[PN_JMBG] != 0;
	if (*linked) {
		*id = f->num[PN_JMBG];
		if ((*rc = audit(r, "person.link", "person", *id, "ok")) !=
		    DB_OK)
			return NULL;
	} else {
		if (given(f, PN_REP_GIVEN)) {
			p[0] = DBP_I(r->sess->municipality);
			p[1] = DBP_S(f->text[PN_REP_GIVEN]);
			p[2] = DBP_S(f->text[PN_REP_FAMILY]);
			p[3] = DBP_S(translit_key(r->arena,
			    arena_printf(r->arena, "%s %s",
				f->text[PN_REP_GIVEN], f->text[PN_REP_FAMILY]),
			    210));
			p[4] = DBP_S(translit_key(
			    r->arena, f->text[PN_REP_FAMILY], 100));
			p[5] = p[6] = p[7] = p[8] = DBP_NUL;
			p[9] = DBP_S("");
			p[10] = DBP_S(f->text[PN_REP_PHONE]);
			p[11] = DBP_S("");
			p[12] = p[13] = DBP_NUL;
			if ((*rc = db_run(
				 r, STMT_PERSON_INSERT, p, 14, &res)) != DB_OK)
				return NULL;
			rep = (int64_t)res.insert_id;
			if ((*rc = audit(r, "person.create", "person", rep,
				 "ok")) != DB_OK)
				return NULL;
		}
		p[0] = DBP_I(r->sess->municipality);
		record_params(r, f, rep, p + 1);
		if ((*rc = db_run(r, STMT_PERSON_INSERT, p, 14, &res)) != DB_OK)
			return NULL;
		*id = (int64_t)res.insert_id;
		if ((*rc = write_needs(r, f, *id)) != DB_OK ||
		    (*rc = audit(r, "person.create", "person", *id, "ok")) !=
			DB_OK)
			return NULL;
	}
	if (f->n != PN__MAX)
		return NULL;
	/* Checked again in this transaction: the capacity row is locked. */
	if ((st = enrol_check(r, r->sess->organisation, f->num[PN_SERVICE],
		 f->text[PN_START], &why)) != HTTP_OK) {
		*rc = st == HTTP_UNAVAILABLE ? DB_UNAVAILABLE : DB_ERROR;
		return NULL;
	}
	if (why.key != NULL)
		return why.key;
	if ((*rc = DBQ(r, STMT_ENROL_INSERT, &res, DBP_I(*id),
		 DBP_I(f->num[PN_SERVICE]), DBP_I(r->sess->organisation),
		 DBP_SN(f->text[PN_REFNUM]), DBP_SN(f->text[PN_REFDATE]),
		 DBP_S(f->text[PN_START]))) != DB_OK)
		return NULL;
	*rc = audit(
	    r, "enrolment.create", "enrolment", (int64_t)res.insert_id, "ok");
	return NULL;
}

/* --- the forms: new and change ---------------------------------------- */

enum { RQ_Q, RQ__MAX };
static const struct field rep_find_fields[RQ__MAX] = {
    {"rq", VALID_TEXT, false, 0, 100, "person.rep.find", "off", NULL, NULL},
};

/*
 * <options for="settlement">: the municipality's settlements, each with
 * its urban or rural mark (the stylesheet groups them).
 */
static int
settlement_options(struct req *r, struct xml *x)
{
	struct db_res res;
	size_t i;

	if (DBQ(r, STMT_SETTLEMENTS, &res, DBP_I(cyrl(r)),
		DBP_I(r->sess->municipality)) != DB_OK)
		return -1;
	if (xml_start(x, "options") == -1 ||
	    xml_attr(x, "for", "settlement") == -1)
		return -1;
	for (i = 0; i < res.nrows; i++)
		if (xml_start(x, "option") == -1 ||
		    xml_attr(x, "value", db_str(&res, i, "value")) == -1 ||
		    xml_attr(x, "area", db_str(&res, i, "area")) == -1 ||
		    xml_text(x, db_str(&res, i, "label")) == -1 ||
		    xml_end(x) == -1)
			return -1;
	return xml_end(x);
}

/*
 * <options for="rep">: the people found by the representative search
 * (?rq=), and the one chosen already, all of them people the caller may
 * see.
 */
static int
rep_options(struct req *r, struct xml *x, const struct form *f, const char *rq)
{
	struct db_res found, chosen;
	const char *key;
	size_t i;

	found.nrows = chosen.nrows = 0;
	if (*rq != '\0') {
		key = like_prefix(r, translit_key(r->arena, rq, 100));
		if (DBQ(r, STMT_PERSON_REP_OPTIONS, &found,
			DBP_I(r->sess->municipality), DBP_S(key),
			DBP_I(r->sess->municipality), DBP_S(key),
			DBP_I(person_csw(r)), DBP_I(r->sess->organisation),
			DBP_I(r->sess->organisation)) != DB_OK)
			return -1;
	}
	if (given(f, PN_REP) &&
	    DBQ(r, STMT_PERSON_IN_SCOPE, &chosen, DBP_I(f->num[PN_REP]),
		DBP_I(r->sess->municipality), DBP_I(person_csw(r)),
		DBP_I(r->sess->organisation),
		DBP_I(r->sess->organisation)) != DB_OK)
		return -1;
	if (xml_start(x, "options") == -1 || xml_attr(x, "for", "rep") == -1 ||
	    xml_attr_int(x, "found", (int64_t)found.nrows) == -1 ||
	    xml_attr(x, "rq", *rq != '\0' ? rq : NULL) == -1)
		return -1;
	if (chosen.nrows == 1 &&
	    (xml_start(x, "option") == -1 ||
		xml_attr(x, "value", db_str(&chosen, 0, "id")) == -1 ||
		xml_text(x,
		    arena_printf(r->arena, "%s %s", db_str(&chosen, 0, "given"),
			db_str(&chosen, 0, "family"))) == -1 ||
		xml_end(x) == -1))
		return -1;
	for (i = 0; i < found.nrows; i++)
		if ((chosen.nrows == 0 ||
			strcmp(db_str(&found, i, "value"),
			    db_str(&chosen, 0, "id")) != 0) &&
		    (xml_start(x, "option") == -1 ||
			xml_attr(x, "value", db_str(&found, i, "value")) ==
			    -1 ||
			xml_text(x, db_str(&found, i, "label")) == -1 ||
			xml_end(x) == -1))
			return -1;
	return xml_end(x);
}

/*
 * What the person's forms show beside their fields: the representative
 * search, the choices of settlement, representative and (provider
 * staff) service, and whether a possible duplicate was found.
 */
static int
person_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct form q;
	struct db_res svc;
	struct enrol_refusal why;
	const char *action = r->nids > 0
	    ? arena_printf(
		  r->arena, "/registry/persons/%lld/edit", (long long)r->ids[0])
	    : "/registry/persons/new";
	enum http_method m = r->method;
	const char *rq;

	/* The search is the query's, also on a POST's page. */
	r->method = METHOD_GET;
	form_validate(r, rep_find_fields, RQ__MAX, &q);
	r->method = m;
	rq = q.error[RQ_Q] == NULL ? q.text[RQ_Q] : "";
	if (xml_attr(x, "provider", f->n == PN__MAX ? "1" : NULL) == -1 ||
	    xml_attr(x, "duplicate",
		f->n > PN_CONFIRM &&
			(f->error[PN_CONFIRM] != NULL || f->present[PN_CONFIRM])
		    ? "1"
		    : NULL) == -1 ||
	    (r->nids > 0 && xml_attr_int(x, "id", r->ids[0]) == -1) ||
	    form_write(x, "get", action, "person.rep.find.submit",
		rep_find_fields, &q) == -1 ||
	    settlement_options(r, x) == -1 || rep_options(r, x, f, rq) == -1)
		return -1;
	/* A refused enrolment: the sentence with its numbers (enrol.c). */
	if (f->n == PN__MAX && f->error[PN_SERVICE] != NULL &&
	    strcmp(f->error[PN_SERVICE], "enrol.refused") == 0 &&
	    (enrol_check(r, r->sess->organisation, f->num[PN_SERVICE],
		 f->text[PN_START], &why) != HTTP_OK ||
		enrol_refusal_write(x, &why) == -1))
		return -1;
	if (f->n == PN__MAX) {
		if (DBQ(r, STMT_PROVIDER_SERVICES, &svc, DBP_LOCALE(r),
			DBP_I(r->sess->organisation)) != DB_OK ||
		    form_options(x, "service", &svc) == -1)
			return -1;
	}
	return 0;
}

/* POST of a new person: the write in one transaction, then its page. */
static enum http_status
person_save(struct req *r, struct form *f)
{
	enum db_rc rc;
	const char *why;
	int64_t id;
	bool linked;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	why = person_write(r, f, &id, &linked, &rc);
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		form_error(f, PN_JMBG, "person.jmbg.taken");
		return HTTP_CONFLICT;
	}
	if (rc != DB_OK)
		return db_undo(r, rc);
	if (why != NULL) {
		db_rollback(r->w->db);
		form_error(f, PN_SERVICE, "enrol.refused");
		return HTTP_CONFLICT;
	}
	if ((rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/registry/persons/%lld", (long long)id),
	    linked ? "person-linked" : "person-created");
}

static const struct form_page new_provider_page = {
    .elem = "person-form",
    .page = "new",
    .method = "post",
    .action = "/registry/persons/new",
    .submit = "person.new.submit",
    .fields = person_fields,
    .nfields = PN__MAX,
    .extra = person_extra,
    .check = person_check,
    .save = person_save,
};

static const struct form_page new_csw_page = {
    .elem = "person-form",
    .page = "new",
    .method = "post",
    .action = "/registry/persons/new",
    .submit = "person.new.submit",
    .fields = person_fields,
    .nfields = PN_SERVICE,
    .extra = person_extra,
    .check = person_check,
    .save = person_save,
};

/* The form of the caller's role: a CSW worker adds people without an
 * enrolment; provider staff with their first one. */
static const struct form_page *
new_page(const struct req *r)
{
	return person_csw(r) ? &new_csw_page : &new_provider_page;
}

/* GET /registry/persons/new[?rq=]: the form for a new person. */
enum http_status
person_new(struct req *r, struct xml *x)
{
	return form_get(r, x, new_page(r));
}

/* POST /registry/persons/new: see person_check() and person_save(). */
enum http_status
person_create(struct req *r, struct xml *x)
{
	return form_post(r, x, new_page(r));
}

/* The form loaded with person r->ids[0]'s record (already in scope). */
static enum http_status
person_load(struct req *r, struct form *f)
{
	struct db_res p, needs;
	enum http_status st;
	enum db_rc rc;
	size_t i, k;

	if ((st = record_open(r, &person_kind, r->ids[0], "person.read", &p)) !=
	    HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_PERSON_NEEDS, &needs, DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	f->text[PN_GIVEN] = db_str(&p, 0, "given");
	f->text[PN_FAMILY] = db_str(&p, 0, "family");
	if (person_csw(r) && db_str(&p, 0, "jmbg") != NULL)
		f->text[PN_JMBG] = db_str(&p, 0, "jmbg");
	f->text[PN_BIRTH] =
	    db_str(&p, 0, "birth") != NULL ? db_str(&p, 0, "birth") : "";
	f->text[PN_SEX] =
	    db_str(&p, 0, "sex") != NULL ? db_str(&p, 0, "sex") : "";
	f->text[PN_SETTLEMENT] = db_str(&p, 0, "settlement-id") != NULL
	    ? db_str(&p, 0, "settlement-id")
	    : "";
	f->num[PN_SETTLEMENT] = db_int(&p, 0, "settlement-id");
	f->text[PN_ADDRESS] = db_str(&p, 0, "address");
	f->text[PN_PHONE] = db_str(&p, 0, "phone");
	f->text[PN_EMAIL] = db_str(&p, 0, "email");
	if (db_str(&p, 0, "rep-id") != NULL) {
		f->text[PN_REP] = db_str(&p, 0, "rep-id");
		f->num[PN_REP] = db_int(&p, 0, "rep-id");
		f->present[PN_REP] = true;
		f->text[PN_REP_KIND] = db_str(&p, 0, "rep-kind");
	}
	for (i = 0; i < needs.nrows; i++)
		for (k = 0; k < PERSON_NEEDS; k++)
			if (strcmp(db_str(&needs, i, "code"),
				person_needs[k]) == 0)
				f->present[PN_NEED + k] = true;
	return HTTP_OK;
}

/*
 * POST of a change: the record, its needs and the audit row
 * "person.update" in one transaction.  A provider never sees a JMBG
 * whole, so a change by a provider keeps the stored one when the field
 * is left empty.
 */
static enum http_status
person_change(struct req *r, struct form *f)
{
	struct db_param p[DB_PARAM_MAX];
	struct db_res cur;
	enum db_rc rc;
	size_t n;
	int64_t id = r->ids[0];

	if (!person_csw(r) && !given(f, PN_JMBG)) {
		if ((rc = DBQ(r, STMT_PERSON_IN_SCOPE, &cur, DBP_I(id),
			 DBP_I(r->sess->municipality), DBP_I(0),
			 DBP_I(r->sess->organisation),
			 DBP_I(r->sess->organisation))) != DB_OK)
			return db_status(rc);
		if (cur.nrows == 1 && db_str(&cur, 0, "jmbg") != NULL)
			f->text[PN_JMBG] = db_str(&cur, 0, "jmbg");
	}
	n = record_params(r, f, given(f, PN_REP) ? f->num[PN_REP] : 0, p);
	p[n++] = DBP_I(id);
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = db_run(r, STMT_PERSON_UPDATE, p, n, NULL)) != DB_OK ||
	    (rc = DBQ(r, STMT_PERSON_NEEDS_CLEAR, NULL, DBP_I(id))) != DB_OK ||
	    (rc = write_needs(r, f, id)) != DB_OK ||
	    (rc = audit(r, "person.update", "person", id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK) {
		if (rc == DB_DUPLICATE) {
			db_rollback(r->w->db);
			form_error(f, PN_JMBG, "person.jmbg.taken");
			return HTTP_CONFLICT;
		}
		return db_undo(r, rc);
	}
	return form_done(r,
	    arena_printf(r->arena, "/registry/persons/%lld", (long long)id),
	    "person-saved");
}

static const struct form_page edit_page = {
    .elem = "person-form",
    .page = "edit",
    .method = "post",
    .action = NULL, /* set per record in person_edit_page() */
    .submit = "person.edit.submit",
    .fields = person_fields,
    .nfields = PN_CONFIRM,
    .load = person_load,
    .extra = person_extra,
    .check = person_check,
    .save = person_change,
};

/* edit_page with the record's own action. */
static const struct form_page *
person_edit_page(struct req *r)
{
	struct form_page *fp = arena_alloc(r->arena, sizeof(*fp));

	*fp = edit_page;
	fp->action = arena_printf(
	    r->arena, "/registry/persons/%lld/edit", (long long)r->ids[0]);
	return fp;
}

/* GET /registry/persons/N/edit: the form with the record (audited read). */
enum http_status
person_edit(struct req *r, struct xml *x)
{
	return form_get(r, x, person_edit_page(r));
}

/*
 * POST /registry/persons/N/edit: record_check() first (a person the
 * caller may not see is a 404, audited), then the form.
 */
enum http_status
person_update(struct req *r, struct xml *x)
{
	struct db_res res;
	enum http_status st;

	if ((st = record_check(
		 r, &person_kind, r->ids[0], "person.update", &res)) != HTTP_OK)
		return st;
	return form_post(r, x, person_edit_page(r));
}
