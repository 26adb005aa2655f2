/* SPDX-License-Identifier: ISC */
/*
 * case.c: integrated case management (issue 15).  A case is the CSW's
 * work with a person or a household: the lead worker, the intake, a
 * structured assessment (needs, strengths, coded barriers to work with a
 * short note each), priority-group marks (manual ones ticked, the rural
 * one derived from the person's settlement), flags (urgent, safety
 * concern), the plan (goals, activities with who is responsible and a
 * deadline, review dates), and the outcome that closes it.  The plan and
 * the closing wait for a supervisor (csw_supervisor, 0010), who may not
 * approve a case of their own; a case passes to another worker when that
 * worker accepts it.
 *
 * Every CSW worker of the town may open a case (each read audited); only
 * its lead worker changes it.  Referrals to partners are referral.c's,
 * DV cases dv.c's: neither shows up here.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define CASE_NOTE_MAX	   300
#define CASE_TEXT_MAX	   500
#define CASE_BARRIER_MAX   200
#define CASE_KEY_MAX_BYTES 100 /* person.name_key is 210: a prefix */
#define CASE_LIST_ROWS	   50  /* rows of each list on a page of the list */
#define CASE_LIST_MAX_PAGE 200

/* A case of the caller's town, for CSW workers; mine = the lead's. */
const struct record_kind case_kind = {
    .type = "case",
    .perms = PERM_ROLE(ROLE_CSW),
    .stmt = STMT_CASE_SCOPE,
    .params = {SCOPE_MUNICIPALITY, SCOPE_ACCOUNT},
};

static const struct record_kind case_person_kind = {
    .type = "person",
    .perms = PERM_ROLE(ROLE_CSW),
    .stmt = STMT_CASE_PERSON_SCOPE,
    .params = {SCOPE_MUNICIPALITY},
};

static const char *const intakes[] = {"self", "csw", "employment", "health",
    "school", "ngo", "police", "other", NULL};
static const char *const outcomes[] = {
    "training", "employed-cm", "employed-se", "self-employed", "exit", NULL};
static const char *const exit_reasons[] = {"moved", "declined", "unable",
    "pension", "other-help", "deceased", "other", NULL};
const char *const case_barriers[CASE_BARRIERS] = {
    "education", "skills", "health", "care", "transport"};

/*
 * The case a form page is about, loaded by case_form_run() before the
 * page's own parts run.  A worker process serves one request at a time;
 * it is set again at the start of each.
 */
static struct db_res cur;

/* Today in the installation's time zone (TZ, worker.c) as YYYY-MM-DD in
 * the arena: the day the town's workers live in. */
const char *
case_today(struct req *r)
{
	struct tm tm;
	time_t now = time(NULL);
	char d[11];

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(d, sizeof(d), "%Y-%m-%d", &tm) != 10)
		return "2026-01-01";
	return arena_strdup(r->arena, d);
}

/*
 * Refuses a date after today in field i of f, beside the field: the day
 * something happened (a case opened, an outcome, an incident, issue 15).
 * A field already in error or left empty is left as it is.
 */
void
case_not_future(struct req *r, struct form *f, size_t i)
{
	/* Both YYYY-MM-DD (valid.c): the later day sorts after. */
	if (f->error[i] == NULL && *f->text[i] != '\0' &&
	    strcmp(f->text[i], case_today(r)) > 0)
		form_error(f, i, "invalid.date.future");
}

/*
 * The search key of a typed name (translit_search_key) for a LIKE
 * prefix: LIKE's wildcards and the escape dropped, cut at a character's
 * end within CASE_KEY_MAX_BYTES.  In the arena; "" for nothing usable.
 */
const char *
case_key(struct req *r, const char *s)
{
	char *k = translit_search_key(s), *out, *o;
	size_t i, len = strlen(k);

	out = o = arena_alloc(r->arena, len + 1);
	for (i = 0; i < len; i++)
		if (k[i] != '%' && k[i] != '_' && k[i] != '\\')
			*o++ = k[i];
	*o = '\0';
	free(k);
	len = strlen(out);
	if (len > CASE_KEY_MAX_BYTES) {
		len = CASE_KEY_MAX_BYTES;
		while (len > 0 && ((unsigned char)out[len] & 0xc0) == 0x80)
			len--;
		out[len] = '\0';
	}
	while (len > 0 && out[len - 1] == ' ')
		out[--len] = '\0';
	return out;
}

/* 1 when column col of row 0 is "1". */
bool
case_flag(const struct db_res *res, const char *col)
{
	const char *v = res->nrows > 0 ? db_str(res, 0, col) : NULL;

	return v != NULL && strcmp(v, "1") == 0;
}

/* --- the list: my cases, transfers, approvals, a search ----------------- */

enum { QF_Q, QF__MAX };
static const struct field search_fields[QF__MAX] = {
    {"q", VALID_TEXT, false, 0, 100, "cases.search", "off", NULL, NULL},
};

/* ?page=N of the list (1 by default, and for anything else). */
static int64_t
cases_page(struct req *r)
{
	const char *q = kv_get(&r->query, "page");
	int64_t p;

	if (q == NULL || str_to_int64(q, 1, CASE_LIST_MAX_PAGE, &p) == -1)
		return 1;
	return p;
}

/*
 * GET /registry/cases[?q=name][&page=N]: <cases><mine/>… <transfer/>…
 * <approve/>… and, with q, <found/>… (cases) and <person/>… (people to
 * open a case for), then the search form.  Names only: the list is the
 * worker's own desk; the record's read is audited when a case is opened.
 * The worker's cases and the approvals come CASE_LIST_ROWS a page (page
 * N of both; next="N+1" when either goes on): a desk of hundreds of rows
 * costs the XSLT in nginx per row (bench-cases).
 */
enum http_status
cases_list(struct req *r, struct xml *x)
{
	struct db_res mine, tr, ap, found, people;
	struct form f;
	enum db_rc rc;
	const char *key = "";
	int64_t me = r->sess->account, m = r->sess->municipality;
	int64_t page = cases_page(r), from = (page - 1) * CASE_LIST_ROWS;
	int64_t rows = CASE_LIST_ROWS + 1; /* one more: is there a next page */
	const char *today = case_today(r);
	bool more;

	memset(&found, 0, sizeof(found));
	memset(&people, 0, sizeof(people));
	form_validate(r, search_fields, QF__MAX, &f);
	if (f.nerrors == 0 && *f.text[QF_Q] != '\0')
		key = case_key(r, f.text[QF_Q]);
	if ((rc = DBQ(r, STMT_CASE_MINE, &mine, DBP_S(today), DBP_I(me),
		 DBP_S(today), DBP_I(me), DBP_I(me), DBP_I(rows),
		 DBP_I(from))) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_TRANSFERS, &tr, DBP_I(me))) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_APPROVALS, &ap, DBP_I(me), DBP_I(m),
		 DBP_I(m), DBP_I(me), DBP_I(from + rows), DBP_I(m), DBP_I(me),
		 DBP_I(from + rows), DBP_I(rows), DBP_I(from))) != DB_OK)
		return db_status(rc);
	more = mine.nrows > CASE_LIST_ROWS || ap.nrows > CASE_LIST_ROWS;
	if (mine.nrows > CASE_LIST_ROWS)
		mine.nrows = CASE_LIST_ROWS;
	if (ap.nrows > CASE_LIST_ROWS)
		ap.nrows = CASE_LIST_ROWS;
	if (*key != '\0' &&
	    ((rc = DBQ(r, STMT_CASE_SEARCH, &found, DBP_I(m), DBP_S(key),
		  DBP_S(key))) != DB_OK ||
		(rc = DBQ(r, STMT_CASE_PERSON_FIND, &people, DBP_LOCALE(r),
		     DBP_I(m), DBP_S(key), DBP_S(key))) != DB_OK))
		return db_status(rc);
	if (xml_start(x, "cases") == -1 || xml_attr(x, "today", today) == -1 ||
	    xml_attr(x, "q", *key != '\0' ? f.text[QF_Q] : NULL) == -1 ||
	    xml_attr_int(x, "page", page) == -1 ||
	    (more && xml_attr_int(x, "next", page + 1) == -1) ||
	    xml_rows(x, "mine", &mine) == -1 ||
	    xml_rows(x, "transfer", &tr) == -1 ||
	    xml_rows(x, "approve", &ap) == -1 ||
	    xml_rows(x, "found", &found) == -1 ||
	    xml_rows(x, "person", &people) == -1 ||
	    form_write(x, "get", "/registry/cases", "cases.search.submit",
		search_fields, &f) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return form_status(r, &f);
}

/* --- one case ------------------------------------------------------------- */

/*
 * GET /registry/cases/N: the case with its assessment, marks, plan,
 * reviews, referrals and group activities.  The read is audited
 * ("case.read"); another town's case, or none, is a 404.
 */
enum http_status
case_show(struct req *r, struct xml *x)
{
	struct db_res c, b, pg, go, ac, rv, rf, gr;
	const char *today = case_today(r);
	enum http_status st;
	enum db_rc rc;
	int64_t id = r->ids[0];

	if ((st = record_open(r, &case_kind, id, "case.read", &c)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_CASE_BARRIERS, &b, DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_PRIORITIES, &pg, DBP_LOCALE(r),
		 DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_GOALS, &go, DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_ACTIVITIES, &ac, DBP_LOCALE(r), DBP_S(today),
		 DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_REVIEWS, &rv, DBP_S(today), DBP_I(id))) !=
		DB_OK ||
	    (rc = DBQ(r, STMT_CASE_REFERRALS, &rf, DBP_LOCALE(r), DBP_I(id))) !=
		DB_OK ||
	    (rc = DBQ(r, STMT_CASE_GROUPS, &gr, DBP_I(id))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "case-page") == -1 ||
	    xml_attr(x, "today", today) == -1 ||
	    xml_rows(x, "case", &c) == -1 || xml_rows(x, "barrier", &b) == -1 ||
	    xml_rows(x, "priority", &pg) == -1 ||
	    xml_rows(x, "goal", &go) == -1 ||
	    xml_rows(x, "activity", &ac) == -1 ||
	    xml_rows(x, "review", &rv) == -1 ||
	    xml_rows(x, "referral", &rf) == -1 ||
	    xml_rows(x, "group", &gr) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* --- the form pages of a case ----------------------------------------------
 */

/* Who may use a case's form: its lead, a supervisor, the transfer's. */
enum case_who { WHO_LEAD, WHO_SUPERVISOR, WHO_TARGET };

/*
 * Runs a form page about case ids[0] (or, for WHO_LEAD pages with no
 * case yet, nothing): the case must exist for the caller (404, audited)
 * and be theirs to change (403, audited); a GET reads it (audited as
 * "case.read"), a POST checks it under audit_action.  Then form_get() or
 * form_post() of p, with cur holding the case.
 */
static enum http_status
case_form_run(struct req *r, struct xml *x, const struct form_page *p,
    enum case_who who, const char *audit_action)
{
	enum http_status st;
	enum db_rc rc;
	bool ok;

	memset(&cur, 0, sizeof(cur));
	st = r->method == METHOD_POST
	    ? record_check(r, &case_kind, r->ids[0], audit_action, &cur)
	    : record_open(r, &case_kind, r->ids[0], "case.read", &cur);
	if (st != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	ok = who == WHO_LEAD ? case_flag(&cur, "mine")
	    : who == WHO_TARGET
	    ? case_flag(&cur, "to-me")
	    : case_flag(&cur, "supervisor") && !case_flag(&cur, "mine");
	if (!ok) {
		if ((rc = audit(r, audit_action, "case", r->ids[0],
			 "forbidden")) != DB_OK)
			return db_status(rc);
		return HTTP_FORBIDDEN;
	}
	return r->method == METHOD_POST ? form_post(r, x, p)
					: form_get(r, x, p);
}

/* The case's head on its form pages. */
static int
case_head(struct req *r, struct xml *x, const struct form *f)
{
	return xml_rows(x, "case", &cur);
}

/* The case's page, with a notice, after a change. */
static enum http_status
case_done(struct req *r, int64_t id, const char *notice)
{
	return form_done(r,
	    arena_printf(r->arena, "/registry/cases/%lld", (long long)id),
	    notice);
}

/* Ends a write of case id: the audit row and the commit, then 303. */
static enum http_status
case_commit(struct req *r, int64_t id, const char *action, const char *notice)
{
	enum db_rc rc;

	if ((rc = audit(r, action, "case", id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return case_done(r, id, notice);
}

/* A form page of a case: element case-form, its page, its own path. */
static void
case_page(struct req *r, struct form_page *p, const char *page,
    const char *submit, const struct field *fields, size_t n)
{
	memset(p, 0, sizeof(*p));
	p->elem = "case-form";
	p->page = page;
	p->method = "post";
	p->action = r->path;
	p->submit = submit;
	p->fields = fields;
	p->nfields = n;
	p->extra = case_head;
}

/* --- a new case ------------------------------------------------------------
 */

enum {
	NF_OPENED,
	NF_INTAKE,
	NF_NOTE,
	NF_HOUSEHOLD,
	NF_OTA,
	NF_URGENT,
	NF_SAFETY,
	NF__MAX
};
static const struct field new_fields[NF__MAX] = {
    {"opened", VALID_DATE, true, 20000101, 21001231, "case.opened", "off", NULL,
	NULL},
    {"intake", VALID_CHOICE, true, 0, 0, "case.intake", NULL, intakes,
	"intake."},
    {"intake_note", VALID_TEXT, false, 0, CASE_NOTE_MAX, "case.intake.note",
	"off", NULL, NULL},
    {"household", VALID_CHECKBOX, false, 0, 0, "case.household", NULL, NULL,
	NULL},
    {"ota", VALID_CHECKBOX, false, 0, 0, "case.ota", NULL, NULL, NULL},
    {"urgent", VALID_CHECKBOX, false, 0, 0, "case.urgent", NULL, NULL, NULL},
    {"safety", VALID_CHECKBOX, false, 0, 0, "case.safety", NULL, NULL, NULL},
};

static struct db_res new_person;

static enum http_status
case_new_load(struct req *r, struct form *f)
{
	f->text[NF_OPENED] = case_today(r);
	return HTTP_OK;
}

static enum http_status
case_new_check(struct req *r, struct form *f)
{
	case_not_future(r, f, NF_OPENED);
	return HTTP_OK;
}

static int
case_new_extra(struct req *r, struct xml *x, const struct form *f)
{
	return xml_rows(x, "person", &new_person);
}

/* The case, led by the caller; 303 to its page. */
static enum http_status
case_new_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t id;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_INSERT, &res, DBP_I(r->sess->municipality),
		 DBP_I(db_int(&new_person, 0, "id")),
		 DBP_I(f->present[NF_HOUSEHOLD]), DBP_I(r->sess->account),
		 DBP_S(f->text[NF_OPENED]), DBP_S(f->text[NF_INTAKE]),
		 DBP_S(f->text[NF_NOTE]), DBP_I(f->present[NF_OTA]),
		 DBP_I(f->present[NF_URGENT]), DBP_I(f->present[NF_SAFETY]))) !=
		DB_OK)
		return db_undo(r, rc);
	id = (int64_t)res.insert_id;
	return case_commit(r, id, "case.create", "case-created");
}

/*
 * GET and POST /registry/cases/new?person=N: the person of the town
 * (404 otherwise; opening the form reads them, audited).
 */
static enum http_status
case_new_run(struct req *r, struct xml *x)
{
	struct form_page p;
	const char *q = kv_get(&r->query, "person");
	enum http_status st;
	int64_t pid;

	if (q == NULL || str_to_int64(q, 1, INT64_MAX, &pid) == -1)
		return r->csrf_failed ? HTTP_FORBIDDEN : HTTP_NOT_FOUND;
	st = r->method == METHOD_POST ? record_check(r, &case_person_kind, pid,
					    "case.create", &new_person)
				      : record_open(r, &case_person_kind, pid,
					    "person.read", &new_person);
	if (st != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	memset(&p, 0, sizeof(p));
	p.elem = "case-form";
	p.page = "new";
	p.method = "post";
	p.action = arena_printf(
	    r->arena, "/registry/cases/new?person=%lld", (long long)pid);
	p.submit = "case.new.submit";
	p.fields = new_fields;
	p.nfields = NF__MAX;
	p.load = case_new_load;
	p.check = case_new_check;
	p.extra = case_new_extra;
	p.save = case_new_save;
	return r->method == METHOD_POST ? form_post(r, x, &p)
					: form_get(r, x, &p);
}

enum http_status
case_new(struct req *r, struct xml *x)
{
	return case_new_run(r, x);
}

enum http_status
case_create(struct req *r, struct xml *x)
{
	return case_new_run(r, x);
}

/* --- intake and assessment -------------------------------------------------
 */

enum {
	AF_INTAKE,
	AF_NOTE,
	AF_HOUSEHOLD,
	AF_OTA,
	AF_URGENT,
	AF_SAFETY,
	AF_NEEDS,
	AF_STRENGTHS,
	AF_BARRIER, /* CASE_BARRIERS pairs: checkbox, note */
	AF__MAX = AF_BARRIER + 2 * CASE_BARRIERS
};
static const struct field assess_fields[AF__MAX] = {
    {"intake", VALID_CHOICE, true, 0, 0, "case.intake", NULL, intakes,
	"intake."},
    {"intake_note", VALID_TEXT, false, 0, CASE_NOTE_MAX, "case.intake.note",
	"off", NULL, NULL},
    {"household", VALID_CHECKBOX, false, 0, 0, "case.household", NULL, NULL,
	NULL},
    {"ota", VALID_CHECKBOX, false, 0, 0, "case.ota", NULL, NULL, NULL},
    {"urgent", VALID_CHECKBOX, false, 0, 0, "case.urgent", NULL, NULL, NULL},
    {"safety", VALID_CHECKBOX, false, 0, 0, "case.safety", NULL, NULL, NULL},
    {"needs", VALID_TEXT, false, 0, CASE_TEXT_MAX, "case.needs", "off", NULL,
	NULL},
    {"strengths", VALID_TEXT, false, 0, CASE_TEXT_MAX, "case.strengths", "off",
	NULL, NULL},
    {"b-education", VALID_CHECKBOX, false, 0, 0, "barrier.education", NULL,
	NULL, NULL},
    {"n-education", VALID_TEXT, false, 0, CASE_BARRIER_MAX,
	"barrier.note.education", "off", NULL, NULL},
    {"b-skills", VALID_CHECKBOX, false, 0, 0, "barrier.skills", NULL, NULL,
	NULL},
    {"n-skills", VALID_TEXT, false, 0, CASE_BARRIER_MAX, "barrier.note.skills",
	"off", NULL, NULL},
    {"b-health", VALID_CHECKBOX, false, 0, 0, "barrier.health", NULL, NULL,
	NULL},
    {"n-health", VALID_TEXT, false, 0, CASE_BARRIER_MAX, "barrier.note.health",
	"off", NULL, NULL},
    {"b-care", VALID_CHECKBOX, false, 0, 0, "barrier.care", NULL, NULL, NULL},
    {"n-care", VALID_TEXT, false, 0, CASE_BARRIER_MAX, "barrier.note.care",
	"off", NULL, NULL},
    {"b-transport", VALID_CHECKBOX, false, 0, 0, "barrier.transport", NULL,
	NULL, NULL},
    {"n-transport", VALID_TEXT, false, 0, CASE_BARRIER_MAX,
	"barrier.note.transport", "off", NULL, NULL},
};

static const char *
col_or_empty(const struct db_res *res, const char *col)
{
	const char *v = db_str(res, 0, col);

	return v != NULL ? v : "";
}

/* The case's intake, flags, assessment and barriers as they are. */
static enum http_status
assess_load(struct req *r, struct form *f)
{
	struct db_res b;
	enum db_rc rc;
	size_t i, k;

	f->text[AF_INTAKE] = col_or_empty(&cur, "intake");
	f->text[AF_NOTE] = col_or_empty(&cur, "intake-note");
	f->text[AF_NEEDS] = col_or_empty(&cur, "needs");
	f->text[AF_STRENGTHS] = col_or_empty(&cur, "strengths");
	f->present[AF_HOUSEHOLD] = case_flag(&cur, "household");
	f->present[AF_OTA] = case_flag(&cur, "ota");
	f->present[AF_URGENT] = case_flag(&cur, "urgent");
	f->present[AF_SAFETY] = case_flag(&cur, "safety");
	if ((rc = DBQ(r, STMT_CASE_BARRIERS, &b, DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	for (i = 0; i < b.nrows; i++)
		for (k = 0; k < CASE_BARRIERS; k++)
			if (strcmp(db_str(&b, i, "code"), case_barriers[k]) ==
			    0) {
				f->present[AF_BARRIER + 2 * k] = true;
				if (db_str(&b, i, "note") != NULL)
					f->text[AF_BARRIER + 2 * k + 1] =
					    db_str(&b, i, "note");
			}
	return HTTP_OK;
}

/* A note for a barrier not ticked says nothing: ask to tick it. */
static enum http_status
assess_check(struct req *r, struct form *f)
{
	size_t k;

	for (k = 0; k < CASE_BARRIERS; k++)
		if (!f->present[AF_BARRIER + 2 * k] &&
		    *f->text[AF_BARRIER + 2 * k + 1] != '\0')
			form_error(
			    f, AF_BARRIER + 2 * k + 1, "barrier.note.unticked");
	return HTTP_OK;
}

static enum http_status
assess_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t id = r->ids[0];
	size_t k;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_UPDATE, &res,
		 DBP_I(f->present[AF_HOUSEHOLD]), DBP_S(f->text[AF_INTAKE]),
		 DBP_S(f->text[AF_NOTE]), DBP_I(f->present[AF_OTA]),
		 DBP_I(f->present[AF_URGENT]), DBP_I(f->present[AF_SAFETY]),
		 DBP_S(f->text[AF_NEEDS]), DBP_S(f->text[AF_STRENGTHS]),
		 DBP_I(id), DBP_I(r->sess->account))) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_BARRIERS_CLEAR, NULL, DBP_I(id))) != DB_OK)
		return db_undo(r, rc);
	for (k = 0; k < CASE_BARRIERS; k++)
		if (f->present[AF_BARRIER + 2 * k] &&
		    (rc = DBQ(r, STMT_CASE_BARRIER_ADD, NULL, DBP_I(id),
			 DBP_S(case_barriers[k]),
			 DBP_S(f->text[AF_BARRIER + 2 * k + 1]))) != DB_OK)
			return db_undo(r, rc);
	return case_commit(r, id, "case.assess", "case-saved");
}

enum http_status
case_assess(struct req *r, struct xml *x)
{
	struct form_page p;

	case_page(r, &p, "assessment", "case.save", assess_fields, AF__MAX);
	p.load = assess_load;
	p.check = assess_check;
	p.save = assess_save;
	return case_form_run(r, x, &p, WHO_LEAD, "case.assess");
}

/* --- priority-group marks --------------------------------------------------
 */

/*
 * GET /registry/cases/N/priority: the groups of the town, each marked or
 * not; the derived ones are shown, never ticked (registry-cases.xsl
 * writes the form: its checkboxes are named by the groups' ids).
 */
static int
priority_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res pg;

	if (xml_rows(x, "case", &cur) == -1 ||
	    DBQ(r, STMT_CASE_PRIORITIES, &pg, DBP_LOCALE(r),
		DBP_I(r->ids[0])) != DB_OK)
		return -1;
	return xml_rows(x, "priority", &pg);
}

/* POST: the manual marks as ticked (pg-<id>), the others left as they are. */
static enum http_status
priority_save(struct req *r, struct form *f)
{
	struct db_res pg;
	enum db_rc rc;
	int64_t id = r->ids[0];
	size_t i;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_PRIORITIES, &pg, DBP_LOCALE(r),
		 DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_PRIORITY_CLEAR, NULL, DBP_I(id))) != DB_OK)
		return db_undo(r, rc);
	for (i = 0; i < pg.nrows; i++) {
		const char *name =
		    arena_printf(r->arena, "pg-%s", db_str(&pg, i, "id"));

		if (strcmp(db_str(&pg, i, "derive"), "manual") != 0 ||
		    kv_get(&r->form, name) == NULL)
			continue;
		if ((rc = DBQ(r, STMT_CASE_PRIORITY_ADD, NULL, DBP_I(id),
			 DBP_I(db_int(&pg, i, "id")))) != DB_OK)
			return db_undo(r, rc);
	}
	return case_commit(r, id, "case.priority", "case-saved");
}

enum http_status
case_priority(struct req *r, struct xml *x)
{
	struct form_page p;

	case_page(r, &p, "priority", "case.save", NULL, 0);
	p.extra = priority_extra;
	p.save = priority_save;
	return case_form_run(r, x, &p, WHO_LEAD, "case.priority");
}

/* --- goals, activities, reviews --------------------------------------------
 */

enum { GF_TEXT, GF__MAX };
static const struct field goal_fields[GF__MAX] = {
    {"text", VALID_TEXT, true, 2, CASE_NOTE_MAX, "goal.text", "off", NULL,
	NULL},
};

static enum http_status
goal_save(struct req *r, struct form *f)
{
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_GOAL_INSERT, NULL, DBP_I(r->ids[0]),
		 DBP_S(f->text[GF_TEXT]))) != DB_OK)
		return db_undo(r, rc);
	return case_commit(r, r->ids[0], "case.goal", "goal-added");
}

enum http_status
case_goal(struct req *r, struct xml *x)
{
	struct form_page p;

	case_page(r, &p, "goal", "goal.submit", goal_fields, GF__MAX);
	p.save = goal_save;
	return case_form_run(r, x, &p, WHO_LEAD, "case.goal");
}

enum { TF_GOAL, TF_TEXT, TF_ORG, TF_DUE, TF__MAX };
static const struct field activity_fields[TF__MAX] = {
    {"goal", VALID_ID, false, 0, 0, "activity.goal", NULL, NULL, NULL},
    {"text", VALID_TEXT, true, 2, CASE_NOTE_MAX, "activity.text", "off", NULL,
	NULL},
    {"organisation", VALID_ID, false, 0, 0, "activity.partner", NULL, NULL,
	NULL},
    {"due", VALID_DATE, true, 20000101, 21001231, "activity.due", "off", NULL,
	NULL},
};

/* The case, its goals and the partners to choose from. */
static int
activity_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res go, pa;

	if (xml_rows(x, "case", &cur) == -1 ||
	    DBQ(r, STMT_CASE_GOALS, &go, DBP_I(r->ids[0])) != DB_OK ||
	    DBQ(r, STMT_PARTNER_OPTIONS, &pa, DBP_LOCALE(r),
		DBP_I(r->sess->municipality)) != DB_OK)
		return -1;
	return form_options(x, "goal", &go) == -1
	    ? -1
	    : form_options(x, "organisation", &pa);
}

/* The goal is the case's, the partner one of the town's. */
static enum http_status
activity_check(struct req *r, struct form *f)
{
	struct db_res go, pa;
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_CASE_GOALS, &go, DBP_I(r->ids[0]))) != DB_OK ||
	    (rc = DBQ(r, STMT_PARTNER_OPTIONS, &pa, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	form_choice(f, TF_GOAL, &go);
	form_choice(f, TF_ORG, &pa);
	return HTTP_OK;
}

static enum http_status
activity_save(struct req *r, struct form *f)
{
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_ACTIVITY_INSERT, NULL, DBP_I(r->ids[0]),
		 *f->text[TF_GOAL] != '\0' ? DBP_I(f->num[TF_GOAL]) : DBP_NUL,
		 DBP_S(f->text[TF_TEXT]),
		 *f->text[TF_ORG] != '\0' ? DBP_I(f->num[TF_ORG]) : DBP_NUL,
		 DBP_S(f->text[TF_DUE]))) != DB_OK)
		return db_undo(r, rc);
	return case_commit(r, r->ids[0], "case.activity", "activity-added");
}

enum http_status
case_activity(struct req *r, struct xml *x)
{
	struct form_page p;

	case_page(
	    r, &p, "activity", "activity.submit", activity_fields, TF__MAX);
	p.extra = activity_extra;
	p.check = activity_check;
	p.save = activity_save;
	return case_form_run(r, x, &p, WHO_LEAD, "case.activity");
}

enum { RF_DUE, RF__MAX };
static const struct field review_fields[RF__MAX] = {
    {"due", VALID_DATE, true, 20000101, 21001231, "review.due", "off", NULL,
	NULL},
};

static enum http_status
review_save(struct req *r, struct form *f)
{
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_REVIEW_INSERT, NULL, DBP_I(r->ids[0]),
		 DBP_S(f->text[RF_DUE]))) != DB_OK)
		return db_undo(r, rc);
	return case_commit(r, r->ids[0], "case.review", "review-added");
}

enum http_status
case_review(struct req *r, struct xml *x)
{
	struct form_page p;

	case_page(r, &p, "review", "review.submit", review_fields, RF__MAX);
	p.save = review_save;
	return case_form_run(r, x, &p, WHO_LEAD, "case.review");
}

/* --- buttons: one change each, no form to fill -----------------------------
 */

/*
 * Runs statement stmt of case ids[0] for a button on its page (a POST
 * with the CSRF token only): the caller must be who, the statement must
 * change one row (else 409: already done, or not in the state for it).
 * params are the statement's; the audit names action.
 */
static enum http_status
case_button(struct req *r, enum case_who who, const char *action, size_t stmt,
    const struct db_param *params, size_t n, const char *notice)
{
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	bool ok;

	if ((st = record_check(r, &case_kind, r->ids[0], action, &cur)) !=
	    HTTP_OK)
		return st;
	ok = who == WHO_LEAD ? case_flag(&cur, "mine")
	    : who == WHO_TARGET
	    ? case_flag(&cur, "to-me")
	    : case_flag(&cur, "supervisor") && !case_flag(&cur, "mine");
	if (!ok) {
		if ((rc = audit(r, action, "case", r->ids[0], "forbidden")) !=
		    DB_OK)
			return db_status(rc);
		return HTTP_FORBIDDEN;
	}
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = db_run(r, stmt, params, n, &res)) != DB_OK)
		return db_undo(r, rc);
	if (res.affected != 1) {
		db_rollback(r->w->db);
		return HTTP_CONFLICT;
	}
	return case_commit(r, r->ids[0], action, notice);
}

#define BUTTON(r, who, action, stmt, notice, ...)                              \
	case_button((r), (who), (action), (stmt),                              \
	    (const struct db_param[]){__VA_ARGS__},                            \
	    sizeof((const struct db_param[]){__VA_ARGS__}) /                   \
		sizeof(struct db_param),                                       \
	    (notice))

/* POST /registry/cases/N/activities/M/done */
enum http_status
case_activity_done(struct req *r, struct xml *x)
{
	return BUTTON(r, WHO_LEAD, "case.activity.done",
	    STMT_CASE_ACTIVITY_DONE, "activity-done", DBP_S(case_today(r)),
	    DBP_I(r->ids[1]), DBP_I(r->ids[0]));
}

/* POST /registry/cases/N/reviews/M/held */
enum http_status
case_review_held(struct req *r, struct xml *x)
{
	return BUTTON(r, WHO_LEAD, "case.review.held", STMT_CASE_REVIEW_HELD,
	    "review-held", DBP_S(case_today(r)), DBP_I(r->ids[1]),
	    DBP_I(r->ids[0]));
}

/* POST /registry/cases/N/plan/submit: to the supervisor (needs a goal). */
enum http_status
case_plan_submit(struct req *r, struct xml *x)
{
	return BUTTON(r, WHO_LEAD, "case.plan.submit", STMT_CASE_PLAN_SUBMIT,
	    "plan-submitted", DBP_I(r->ids[0]), DBP_I(r->sess->account));
}

/* POST /registry/cases/N/plan/approve: a supervisor, not the lead. */
enum http_status
case_plan_approve(struct req *r, struct xml *x)
{
	int64_t me = r->sess->account;

	return BUTTON(r, WHO_SUPERVISOR, "case.plan.approve",
	    STMT_CASE_PLAN_APPROVE, "plan-approved", DBP_I(me),
	    DBP_I(r->ids[0]), DBP_I(me), DBP_I(me));
}

/* POST /registry/cases/N/close/approve: the case is closed. */
enum http_status
case_close_approve(struct req *r, struct xml *x)
{
	int64_t me = r->sess->account;

	return BUTTON(r, WHO_SUPERVISOR, "case.close.approve",
	    STMT_CASE_CLOSE_APPROVE, "case-closed", DBP_I(me), DBP_I(r->ids[0]),
	    DBP_I(me), DBP_I(me));
}

/* POST /registry/cases/N/transfer/accept: the case becomes the caller's. */
enum http_status
case_transfer_accept(struct req *r, struct xml *x)
{
	int64_t me = r->sess->account;

	return BUTTON(r, WHO_TARGET, "case.transfer.accept",
	    STMT_CASE_TRANSFER_ACCEPT, "transfer-accepted", DBP_I(me),
	    DBP_I(r->ids[0]), DBP_I(me));
}

/* --- closing with an outcome -----------------------------------------------
 */

enum { CF_OUTCOME, CF_REASON, CF_ON, CF_ORG, CF__MAX };
static const struct field close_fields[CF__MAX] = {
    {"outcome", VALID_CHOICE, true, 0, 0, "case.outcome", NULL, outcomes,
	"outcome."},
    {"exit_reason", VALID_CHOICE, false, 0, 0, "case.exit.reason", NULL,
	exit_reasons, "exitreason."},
    {"outcome_on", VALID_DATE, true, 20000101, 21001231, "case.outcome.on",
	"off", NULL, NULL},
    {"organisation", VALID_ID, false, 0, 0, "case.outcome.partner", NULL, NULL,
	NULL},
};

static int
close_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res pa;

	if (xml_rows(x, "case", &cur) == -1 ||
	    DBQ(r, STMT_PARTNER_OPTIONS, &pa, DBP_LOCALE(r),
		DBP_I(r->sess->municipality)) != DB_OK)
		return -1;
	return form_options(x, "organisation", &pa);
}

static enum http_status
close_load(struct req *r, struct form *f)
{
	f->text[CF_ON] = case_today(r);
	return HTTP_OK;
}

/* An exit needs its reason; only an exit has one; a known partner. */
static enum http_status
close_check(struct req *r, struct form *f)
{
	struct db_res pa;
	enum db_rc rc;
	bool exit = f->error[CF_OUTCOME] == NULL &&
	    strcmp(f->text[CF_OUTCOME], "exit") == 0;

	case_not_future(r, f, CF_ON);
	if (f->error[CF_OUTCOME] == NULL && f->error[CF_REASON] == NULL) {
		if (exit && *f->text[CF_REASON] == '\0')
			form_error(f, CF_REASON, "case.exit.reason.required");
		else if (!exit && *f->text[CF_REASON] != '\0')
			form_error(f, CF_REASON, "case.exit.reason.only");
	}
	if (f->error[CF_ORG] != NULL || *f->text[CF_ORG] == '\0')
		return HTTP_OK;
	if ((rc = DBQ(r, STMT_PARTNER_OPTIONS, &pa, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	form_choice(f, CF_ORG, &pa);
	return HTTP_OK;
}

static enum http_status
close_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_CLOSE_REQUEST, &res,
		 DBP_S(f->text[CF_OUTCOME]), DBP_SN(f->text[CF_REASON]),
		 DBP_S(f->text[CF_ON]),
		 *f->text[CF_ORG] != '\0' ? DBP_I(f->num[CF_ORG]) : DBP_NUL,
		 DBP_I(r->ids[0]), DBP_I(r->sess->account))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected != 1) {
		db_rollback(r->w->db);
		form_error(f, CF_OUTCOME, "case.close.state");
		return HTTP_CONFLICT;
	}
	return case_commit(r, r->ids[0], "case.close", "close-requested");
}

/* GET and POST /registry/cases/N/close: the outcome, for approval. */
enum http_status
case_close(struct req *r, struct xml *x)
{
	struct form_page p;

	case_page(r, &p, "close", "case.close.submit", close_fields, CF__MAX);
	p.load = close_load;
	p.extra = close_extra;
	p.check = close_check;
	p.save = close_save;
	return case_form_run(r, x, &p, WHO_LEAD, "case.close");
}

/* --- transfer --------------------------------------------------------------
 */

/*
 * The workers a case (transfer) or a DV case (assignment, dv.c) can go
 * to: the town's CSW workers but the caller, as form options.
 */
enum db_rc
csw_workers(struct req *r, struct db_res *w)
{
	return DBQ(r, STMT_CSW_WORKERS, w, DBP_I(r->sess->municipality),
	    DBP_I(r->sess->account));
}

enum { XF_WORKER, XF__MAX };
static const struct field transfer_fields[XF__MAX] = {
    {"worker", VALID_ID, true, 0, 0, "case.transfer.worker", NULL, NULL, NULL},
};

static int
transfer_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res w;

	if (xml_rows(x, "case", &cur) == -1 || csw_workers(r, &w) != DB_OK)
		return -1;
	return form_options(x, "worker", &w);
}

static enum http_status
transfer_check(struct req *r, struct form *f)
{
	struct db_res w;
	enum db_rc rc;

	if (f->error[XF_WORKER] != NULL)
		return HTTP_OK;
	if ((rc = csw_workers(r, &w)) != DB_OK)
		return db_status(rc);
	form_choice(f, XF_WORKER, &w);
	return HTTP_OK;
}

static enum http_status
transfer_save(struct req *r, struct form *f)
{
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_CASE_TRANSFER, NULL, DBP_I(f->num[XF_WORKER]),
		 DBP_I(r->ids[0]), DBP_I(r->sess->account))) != DB_OK)
		return db_undo(r, rc);
	return case_commit(r, r->ids[0], "case.transfer", "transfer-asked");
}

/* GET and POST /registry/cases/N/transfer: the worker who will accept. */
enum http_status
case_transfer(struct req *r, struct xml *x)
{
	struct form_page p;

	case_page(r, &p, "transfer", "case.transfer.submit", transfer_fields,
	    XF__MAX);
	p.extra = transfer_extra;
	p.check = transfer_check;
	p.save = transfer_save;
	return case_form_run(r, x, &p, WHO_LEAD, "case.transfer");
}
