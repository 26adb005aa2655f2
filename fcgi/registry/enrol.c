/* SPDX-License-Identifier: ISC */
/*
 * enrol.c: enrolments, a person at a provider in a service, from the
 * CSW's referral act (number and date) to the end with a coded reason.
 * A provider's staff enrol only at their own organisation and only people
 * already among their users (a new person comes with the person form,
 * which also calls enrol_check()); the CSW enrols anyone of the town at
 * any provider.  No enrolment goes beyond the provider's capacity for the
 * service in the year, or under a licence that is missing or no longer
 * valid: enrol_check() says which, with the numbers its sentence needs.
 *
 * Also here, because the care pages share it: care_org_load(), the
 * provider a caseload page is about (the caller's own, or the one the CSW
 * chose).
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

/* The person an enrolment is for, as the caller may see them. */
static const struct record_kind person_kind = {
    .type = "person",
    .perms = PERM_ROLE(ROLE_PROVIDER) | PERM_ROLE(ROLE_CSW),
    .stmt = STMT_ENROL_PERSON_SCOPE,
    .params = {SCOPE_MUNICIPALITY, SCOPE_ORGANISATION, SCOPE_ORGANISATION},
};

/* An enrolment of the town; provider staff only their organisation's. */
static const struct record_kind enrolment_kind = {
    .type = "enrolment",
    .perms = PERM_ROLE(ROLE_PROVIDER) | PERM_ROLE(ROLE_CSW),
    .stmt = STMT_ENROL_SCOPE,
    .params = {SCOPE_MUNICIPALITY, SCOPE_ORGANISATION, SCOPE_ORGANISATION},
};

/* The service's name columns of STMT_ENROL_SCOPE, by enum locale. */
static const char *const name_cols[LOCALE__MAX] = {
    "name_sr_cyrl", /* LOCALE_SR_CYRL */
    "name_sr_latn", /* LOCALE_SR_LATN */
    "name_bs",	    /* LOCALE_BS */
    "name_en",	    /* LOCALE_EN */
};

/* --- the check every enrolment passes ----------------------------------- */

/*
 * May provider org enrol someone in service from start (YYYY-MM-DD)?
 * Fills *why: why->key is NULL when it may, else the reason and what its
 * sentence names.  The licence must be valid on the start date and still
 * today; the places are the year's capacity (capacity table), never more
 * than the licence's ceiling (licence.capacity; 0 there means the
 * licence states none), and they are taken by every enrolment that holds
 * a place between start and the end of its year.
 *
 * Call it inside the transaction that inserts the enrolment: it locks
 * the year's capacity row, so that two enrolments at once cannot both
 * take the last place.  Returns HTTP_OK (also for a refusal) or the
 * database's outcome (503, 500).
 */
enum http_status
enrol_check(struct req *r, int64_t org, int64_t service, const char *start,
    struct enrol_refusal *why)
{
	struct db_res li, cap, tk;
	enum db_rc rc;
	char year[5];
	const char *yend;
	int64_t ceiling;

	memset(why, 0, sizeof(why[0]));
	if (strlen(start) != 10)
		return HTTP_INTERNAL;
	memcpy(year, start, 4);
	year[4] = '\0';
	if (str_to_int64(year, 1000, 9999, &why->year) == -1)
		return HTTP_INTERNAL;
	yend = arena_printf(r->arena, "%s-12-31", year);
	if ((rc = DBQ(r, STMT_ENROL_LICENCE, &li, DBP_S(start), DBP_S(start),
		 DBP_I(org), DBP_I(service))) != DB_OK)
		return db_status(rc);
	if (li.nrows == 0) {
		why->key = "enrol.licence.none";
		return HTTP_OK;
	}
	why->licence = db_str(&li, 0, "number");
	why->valid_from = db_str(&li, 0, "valid-from");
	why->valid_to = db_str(&li, 0, "valid-to");
	if (db_int(&li, 0, "ok") != 1) {
		why->key = strcmp(start, why->valid_from) < 0
		    ? "enrol.licence.notyet"
		    : "enrol.licence.expired";
		return HTTP_OK;
	}
	if ((rc = DBQ(r, STMT_ENROL_CAPACITY, &cap, DBP_I(org), DBP_I(service),
		 DBP_I(why->year))) != DB_OK)
		return db_status(rc);
	if (cap.nrows == 0) {
		why->key = "enrol.capacity.none";
		return HTTP_OK;
	}
	why->places = db_int(&cap, 0, "places");
	ceiling = db_int(&li, 0, "capacity");
	if (ceiling > 0 && ceiling < why->places)
		why->places = ceiling;
	if ((rc = DBQ(r, STMT_ENROL_TAKEN, &tk, DBP_I(org), DBP_I(service),
		 DBP_S(yend), DBP_S(start))) != DB_OK)
		return db_status(rc);
	why->taken = db_int(&tk, 0, "taken");
	if (why->taken >= why->places)
		why->key = "enrol.capacity.full";
	return HTTP_OK;
}

/*
 * Writes <refusal key year places taken licence valid-from valid-to/>
 * for a refused enrolment (nothing when why->key is NULL): the page says
 * the sentence (registry-care.xsl, template "refusal").  0 or -1.
 */
int
enrol_refusal_write(struct xml *x, const struct enrol_refusal *why)
{
	if (why == NULL || why->key == NULL)
		return 0;
	if (xml_start(x, "refusal") == -1 ||
	    xml_attr(x, "key", why->key) == -1 ||
	    xml_attr_int(x, "year", why->year) == -1 ||
	    xml_attr_int(x, "places", why->places) == -1 ||
	    xml_attr_int(x, "taken", why->taken) == -1 ||
	    xml_attr(x, "licence", why->licence) == -1 ||
	    xml_attr(x, "valid-from", why->valid_from) == -1 ||
	    xml_attr(x, "valid-to", why->valid_to) == -1)
		return -1;
	return xml_end(x);
}

/* --- the provider a caseload page is about ------------------------------ */

/*
 * Fills o: provider staff get their own organisation; the CSW the one
 * named by ?org= when it is a provider of the town, else none (id 0: the
 * page asks to choose).  o->choices holds the providers the caller may
 * choose from (value, label).  Returns HTTP_OK or the database's outcome.
 */
enum http_status
care_org_load(struct req *r, struct care_org *o)
{
	const char *q = kv_get(&r->query, "org");
	int64_t want = 0, mine = r->sess->organisation;
	enum db_rc rc;
	size_t i;

	memset(o, 0, sizeof(*o));
	o->own = (r->sess->perms & PERM_ROLE(ROLE_CSW)) == 0;
	if (o->own && mine == 0)
		return HTTP_NOT_FOUND; /* provider staff without a provider */
	if ((rc = DBQ(r, STMT_PROVIDER_CHOICES, &o->choices, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality), DBP_I(o->own ? mine : 0),
		 DBP_I(o->own ? mine : 0))) != DB_OK)
		return db_status(rc);
	if (o->own)
		want = mine;
	else if (q == NULL || str_to_int64(q, 1, INT64_MAX, &want) == -1)
		return HTTP_OK;
	for (i = 0; i < o->choices.nrows; i++)
		if (db_int(&o->choices, i, "value") == want) {
			o->id = want;
			o->name = db_str(&o->choices, i, "label");
		}
	return HTTP_OK;
}

enum { OF_ORG, OF__MAX };
static const struct field org_fields[OF__MAX] = {
    {"org", VALID_ID, true, 0, 0, "care.provider", NULL, NULL, NULL},
};

/*
 * Writes <org id name own/> and, for a caller who chooses (the CSW), a
 * GET form to action with the providers to choose from.  0 or -1.
 */
int
care_org_write(
    struct req *r, struct xml *x, const struct care_org *o, const char *action)
{
	struct form f;

	if (xml_start(x, "org") == -1 ||
	    (o->id > 0 && xml_attr_int(x, "id", o->id) == -1) ||
	    xml_attr(x, "name", o->name) == -1 ||
	    xml_attr(x, "own", o->own ? "1" : NULL) == -1 || xml_end(x) == -1)
		return -1;
	if (o->own)
		return 0;
	form_empty(r, OF__MAX, &f);
	if (o->id > 0)
		f.text[OF_ORG] =
		    arena_printf(r->arena, "%lld", (long long)o->id);
	if (form_write(
		x, "get", action, "care.provider.submit", org_fields, &f) == -1)
		return -1;
	return form_options(x, "org", &o->choices);
}

/* --- a new enrolment ------------------------------------------------------ */

enum { EF_SERVICE, EF_ORG, EF_REFNO, EF_REFDATE, EF_START, EF__MAX };
static const struct field enrol_fields[EF__MAX] = {
    {"service", VALID_ID, true, 0, 0, "enrol.service", NULL, NULL, NULL},
    {"organisation", VALID_ID, true, 0, 0, "enrol.provider", NULL, NULL, NULL},
    {"referral_number", VALID_TEXT, false, 1, 64, "enrol.referral.number",
	"off", NULL, NULL},
    {"referral_date", VALID_DATE, false, 20000101, 21001231,
	"enrol.referral.date", "off", NULL, NULL},
    {"start", VALID_DATE, true, 20000101, 21001231, "enrol.start", "off", NULL,
	NULL},
};

/* Whether id is the value of one of the rows of res. */
static bool
offered(const struct db_res *res, int64_t id)
{
	size_t i;

	for (i = 0; i < res->nrows; i++)
		if (db_int(res, i, "value") == id)
			return true;
	return false;
}

/* The person of ?person= for the caller (404 and audited otherwise). */
static enum http_status
enrol_person(struct req *r, const char *action, bool read, struct db_res *p)
{
	const char *q = kv_get(&r->query, "person");
	int64_t id;

	if (q == NULL || str_to_int64(q, 1, INT64_MAX, &id) == -1)
		return HTTP_NOT_FOUND;
	return read ? record_open(r, &person_kind, id, action, p)
		    : record_check(r, &person_kind, id, action, p);
}

/*
 * The page <enrolment page="new"><person/><refusal/>?<options/>…<form/>
 * </enrolment>, with status form_status() (or 409 after a refusal).
 */
static enum http_status
enrol_show(struct req *r, struct xml *x, const struct db_res *p,
    const struct form *f, const struct enrol_refusal *why)
{
	struct db_res sv, pv;
	enum db_rc rc;
	int64_t mine = r->sess->organisation;
	bool own = (r->sess->perms & PERM_ROLE(ROLE_CSW)) == 0;
	const char *action = arena_printf(
	    r->arena, "/registry/enrolments/new?person=%s", db_str(p, 0, "id"));

	if ((rc = DBQ(r, STMT_SERVICE_CHOICES, &sv, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality))) != DB_OK ||
	    (rc = DBQ(r, STMT_PROVIDER_CHOICES, &pv, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality), DBP_I(own ? mine : 0),
		 DBP_I(own ? mine : 0))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "enrolment") == -1 ||
	    xml_attr(x, "page", "new") == -1 || xml_start(x, "person") == -1 ||
	    xml_row_attrs(x, p, 0) == -1 || xml_end(x) == -1 ||
	    enrol_refusal_write(x, why) == -1 ||
	    form_options(x, "service", &sv) == -1 ||
	    form_options(x, "organisation", &pv) == -1 ||
	    form_write(x, "post", action, "enrol.submit", enrol_fields, f) ==
		-1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	if (why != NULL && why->key != NULL) {
		r->render = true;
		return HTTP_CONFLICT;
	}
	return form_status(r, f);
}

/*
 * GET /registry/enrolments/new?person=N: the form, the provider chosen
 * for provider staff (their own).  Opening it shows the person: a read,
 * audited.
 */
enum http_status
enrol_new(struct req *r, struct xml *x)
{
	struct db_res p;
	struct form f;
	enum http_status st;

	if ((st = enrol_person(r, "person.read", true, &p)) != HTTP_OK)
		return st;
	form_empty(r, EF__MAX, &f);
	if ((r->sess->perms & PERM_ROLE(ROLE_CSW)) == 0)
		f.text[EF_ORG] = arena_printf(
		    r->arena, "%lld", (long long)r->sess->organisation);
	return enrol_show(r, x, &p, &f, NULL);
}

/* What the field table cannot say: choices offered, both parts of a
 * referral act or neither. */
static enum http_status
enrol_form_check(struct req *r, struct form *f)
{
	struct db_res sv, pv;
	enum db_rc rc;
	bool own = (r->sess->perms & PERM_ROLE(ROLE_CSW)) == 0;
	int64_t mine = own ? r->sess->organisation : 0;

	if ((rc = DBQ(r, STMT_SERVICE_CHOICES, &sv, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality))) != DB_OK ||
	    (rc = DBQ(r, STMT_PROVIDER_CHOICES, &pv, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality), DBP_I(mine), DBP_I(mine))) !=
		DB_OK)
		return db_status(rc);
	if (f->error[EF_SERVICE] == NULL && !offered(&sv, f->num[EF_SERVICE]))
		form_error(f, EF_SERVICE, "invalid.choice");
	if (f->error[EF_ORG] == NULL && !offered(&pv, f->num[EF_ORG]))
		form_error(f, EF_ORG, "invalid.choice");
	if (f->error[EF_REFNO] == NULL && f->error[EF_REFDATE] == NULL) {
		if (*f->text[EF_REFNO] != '\0' && *f->text[EF_REFDATE] == '\0')
			form_error(f, EF_REFDATE, "enrol.referral.both");
		if (*f->text[EF_REFNO] == '\0' && *f->text[EF_REFDATE] != '\0')
			form_error(f, EF_REFNO, "enrol.referral.both");
	}
	if (f->error[EF_REFDATE] == NULL && f->error[EF_START] == NULL &&
	    *f->text[EF_REFDATE] != '\0' &&
	    f->num[EF_REFDATE] > f->num[EF_START])
		form_error(f, EF_REFDATE, "enrol.referral.after");
	return HTTP_OK;
}

/*
 * POST /registry/enrolments/new?person=N: the enrolment, after
 * enrol_check() in the same transaction; a refusal comes back as the
 * form with what was typed and the reason (409).  303 to the provider's
 * enrolments with a notice.
 */
enum http_status
enrol_create(struct req *r, struct xml *x)
{
	struct db_res p, res;
	struct form f;
	struct enrol_refusal why;
	enum http_status st;
	enum db_rc rc;
	int64_t id, org;

	if ((st = enrol_person(r, "enrolment.create", false, &p)) != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	form_validate(r, enrol_fields, EF__MAX, &f);
	if (f.problem == NULL && (st = enrol_form_check(r, &f)) != HTTP_OK)
		return st;
	if (f.nerrors > 0)
		return enrol_show(r, x, &p, &f, NULL);
	org = f.num[EF_ORG];
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	if ((st = enrol_check(r, org, f.num[EF_SERVICE], f.text[EF_START],
		 &why)) != HTTP_OK) {
		db_rollback(r->w->db);
		return st;
	}
	if (why.key != NULL) {
		db_rollback(r->w->db);
		form_error(&f, EF_ORG, "enrol.refused");
		if ((rc = audit(r, "enrolment.create", "person",
			 db_int(&p, 0, "id"), "refused")) != DB_OK)
			return db_status(rc);
		return enrol_show(r, x, &p, &f, &why);
	}
	if ((rc = DBQ(r, STMT_ENROL_INSERT, &res, DBP_I(db_int(&p, 0, "id")),
		 DBP_I(f.num[EF_SERVICE]), DBP_I(org), DBP_SN(f.text[EF_REFNO]),
		 DBP_SN(f.text[EF_REFDATE]), DBP_S(f.text[EF_START]))) != DB_OK)
		return db_undo(r, rc);
	id = (int64_t)res.insert_id;
	if ((rc = audit(r, "enrolment.create", "enrolment", id, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(
		r->arena, "/registry/enrolments?org=%lld", (long long)org),
	    "enrolled");
}

/* --- the end of an enrolment -------------------------------------------- */

static const char *const end_reasons[] = {"goals-met", "user-request", "moved",
    "transferred", "age-limit", "placement", "non-attendance", "deceased",
    "provider-ended", "other", NULL};

enum { NF_END, NF_REASON, NF__MAX };
static const struct field end_fields[NF__MAX] = {
    {"end", VALID_DATE, true, 20000101, 21001231, "enrol.end", "off", NULL,
	NULL},
    {"reason", VALID_CHOICE, true, 0, 0, "enrol.reason", NULL, end_reasons,
	"endreason."},
};

/* <enrolment page="end" …the record…><form/></enrolment>. */
static enum http_status
end_show(
    struct req *r, struct xml *x, const struct db_res *e, const struct form *f)
{
	const char *action = arena_printf(
	    r->arena, "/registry/enrolments/%s/end", db_str(e, 0, "id"));

	if (xml_start(x, "enrolment") == -1 ||
	    xml_attr(x, "page", "end") == -1 ||
	    xml_attr(x, "id", db_str(e, 0, "id")) == -1 ||
	    xml_attr(x, "person", db_str(e, 0, "person")) == -1 ||
	    xml_attr(x, "organisation", db_str(e, 0, "organisation")) == -1 ||
	    xml_attr(x, "given", db_str(e, 0, "given")) == -1 ||
	    xml_attr(x, "family", db_str(e, 0, "family")) == -1 ||
	    xml_attr(x, "service", db_str(e, 0, name_cols[r->locale])) == -1 ||
	    xml_attr(x, "start", db_str(e, 0, "start")) == -1 ||
	    xml_attr(x, "end", db_str(e, 0, "end")) == -1 ||
	    xml_attr(x, "referral", db_str(e, 0, "referral")) == -1 ||
	    xml_attr(x, "referral-date", db_str(e, 0, "referral-date")) == -1)
		return HTTP_INTERNAL;
	if (db_str(e, 0, "end") == NULL &&
	    form_write(x, "post", action, "enrol.end.submit", end_fields, f) ==
		-1)
		return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	return form_status(r, f);
}

/* GET /registry/enrolments/N/end: the enrolment and the form (a read). */
enum http_status
enrol_end_form(struct req *r, struct xml *x)
{
	struct db_res e;
	struct form f;
	enum http_status st;

	if ((st = record_open(r, &enrolment_kind, r->ids[0], "enrolment.read",
		 &e)) != HTTP_OK)
		return st;
	form_empty(r, NF__MAX, &f);
	return end_show(r, x, &e, &f);
}

/*
 * POST /registry/enrolments/N/end: the end date (not before the start)
 * and the coded reason; an enrolment already ended is 409 with the form.
 * 303 to the provider's enrolments with a notice.
 */
enum http_status
enrol_end(struct req *r, struct xml *x)
{
	struct db_res e, res;
	struct form f;
	enum http_status st;
	enum db_rc rc;

	if ((st = record_check(r, &enrolment_kind, r->ids[0], "enrolment.end",
		 &e)) != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	form_validate(r, end_fields, NF__MAX, &f);
	if (f.error[NF_END] == NULL && f.problem == NULL &&
	    strcmp(f.text[NF_END], db_str(&e, 0, "start")) < 0)
		form_error(&f, NF_END, "enrol.end.before");
	if (f.nerrors > 0)
		return end_show(r, x, &e, &f);
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_ENROL_END, &res, DBP_S(f.text[NF_END]),
		 DBP_S(f.text[NF_REASON]), DBP_I(r->ids[0]))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected != 1) {
		db_rollback(r->w->db);
		f.problem = "enrol.end.already";
		f.nerrors++;
		if (end_show(r, x, &e, &f) == HTTP_INTERNAL)
			return HTTP_INTERNAL;
		return HTTP_CONFLICT;
	}
	if ((rc = audit(r, "enrolment.end", "enrolment", r->ids[0],
		 f.text[NF_REASON])) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/registry/enrolments?org=%s",
		db_str(&e, 0, "organisation")),
	    "ended");
}

/* --- a provider's enrolments -------------------------------------------- */

/*
 * GET /registry/enrolments[?org=N]: the provider's current enrolments
 * (not ended), each with the way to end it; the CSW chooses the
 * provider.  <enrolments><org/><form/>?<options/>?<enrolment …/>…
 * </enrolments>.
 */
enum http_status
enrol_list(struct req *r, struct xml *x)
{
	struct care_org o;
	struct db_res res;
	enum http_status st;
	enum db_rc rc;

	if ((st = care_org_load(r, &o)) != HTTP_OK)
		return st;
	memset(&res, 0, sizeof(res));
	if (o.id > 0 &&
	    (rc = DBQ(r, STMT_ENROL_LIST, &res, DBP_LOCALE(r), DBP_I(o.id))) !=
		DB_OK)
		return db_status(rc);
	if (xml_start(x, "enrolments") == -1 ||
	    care_org_write(r, x, &o, "/registry/enrolments") == -1 ||
	    xml_rows(x, "enrolment", &res) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
