/* SPDX-License-Identifier: ISC */
/*
 * organisation.c: the organisations of the town (providers, public or
 * civil society, the CSW, the city department, partners, residential
 * institutions) with their registration number, address and contacts;
 * an organisation's licences per service and its places per service and
 * year, with how many are taken now.  Provider staff see their own
 * organisation, the CSW, analysts and administrators all of the town.
 * Administrators create and edit organisations, licences and capacity
 * (each change audited); an organisation is a record kind (auth.c), so
 * another town's is a 404, audited.
 */
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

/* An organisation of the caller's town; provider staff only their own. */
static const struct record_kind org_kind = {
    .type = "organisation",
    .perms = PERM_ROLE(ROLE_PROVIDER) | PERM_ROLE(ROLE_CSW) |
	PERM_ROLE(ROLE_ANALYST) | PERM_ROLE(ROLE_ADMIN),
    .stmt = STMT_ORG_SCOPE,
    .params = {SCOPE_MUNICIPALITY, SCOPE_ORGANISATION, SCOPE_ORGANISATION},
};

static const char *const kinds[] = {
    "association", "public", "private", "other", NULL};
static const char *const categories[] = {
    "provider", "csw", "city", "partner", "residential", NULL};

/* The year now (UTC), for the forms' defaults. */
static int64_t
this_year(void)
{
	struct tm tm;
	time_t now = time(NULL);

	if (gmtime_r(&now, &tm) == NULL)
		return 2026;
	return tm.tm_year + 1900;
}

/* --- the list and one organisation -------------------------------------- */

/*
 * GET /registry/organisations: <organisations><organisation id name kind
 * category registration address phone email website/>…<service value
 * label/>…</organisations> (services only for administrators: the way to
 * edit one).
 */
enum http_status
org_list(struct req *r, struct xml *x)
{
	struct db_res res, sv;
	enum db_rc rc;
	int64_t mine = r->sess->organisation;

	memset(&sv, 0, sizeof(sv));
	if ((rc = DBQ(r, STMT_ORG_LIST, &res, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality), DBP_I(mine), DBP_I(mine))) !=
	    DB_OK)
		return db_status(rc);
	if ((r->sess->perms & PERM_ROLE(ROLE_ADMIN)) &&
	    (rc = DBQ(r, STMT_SERVICE_CHOICES, &sv, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "organisations") == -1 ||
	    xml_rows(x, "organisation", &res) == -1 ||
	    xml_rows(x, "service", &sv) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * GET /registry/organisations/N: the organisation, its licences (valid
 * now or not) and its places per service and year, with the places taken
 * today in this year's rows.
 */
enum http_status
org_show(struct req *r, struct xml *x)
{
	struct db_res o, li, cap;
	enum http_status st;
	enum db_rc rc;

	if ((st = record_check(
		 r, &org_kind, r->ids[0], "organisation.read", &o)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_ORG_LICENCES, &li, DBP_LOCALE(r),
		 DBP_I(r->ids[0]))) != DB_OK ||
	    (rc = DBQ(r, STMT_ORG_CAPACITY, &cap, DBP_LOCALE(r),
		 DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "organisation-page") == -1 ||
	    xml_attr_int(x, "year", this_year()) == -1 ||
	    xml_rows(x, "organisation", &o) == -1 ||
	    xml_rows(x, "licence", &li) == -1 ||
	    xml_rows(x, "capacity", &cap) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* Writes <organisation …/> of id, already checked, for a form's page. */
static int
org_head(struct req *r, struct xml *x, int64_t id)
{
	struct db_res o;

	if (DBQ(r, STMT_ORG_SCOPE, &o, DBP_I(id), DBP_I(r->sess->municipality),
		DBP_I(0), DBP_I(0)) != DB_OK)
		return -1;
	return xml_rows(x, "organisation", &o);
}

/* --- an organisation's details ------------------------------------------ */

enum {
	GF_NAME,
	GF_NAME_CYRL,
	GF_KIND,
	GF_CATEGORY,
	GF_REG,
	GF_ADDRESS,
	GF_PHONE,
	GF_EMAIL,
	GF_WEBSITE,
	GF__MAX
};
static const struct field org_fields[GF__MAX] = {
    {"name", VALID_TEXT, true, 2, 200, "org.name", "organization", NULL, NULL},
    {"name_cyrl", VALID_TEXT, false, 2, 200, "org.name.cyrl", "off", NULL,
	NULL},
    {"kind", VALID_CHOICE, true, 0, 0, "org.kind", NULL, kinds, "orgkind."},
    {"category", VALID_CHOICE, true, 0, 0, "org.category", NULL, categories,
	"orgcat."},
    {"registration", VALID_TEXT, false, 8, 13, "org.registration", "off", NULL,
	NULL},
    {"address", VALID_TEXT, false, 0, 200, "org.address", "street-address",
	NULL, NULL},
    {"phone", VALID_TEXT, false, 0, 40, "org.phone", "tel", NULL, NULL},
    {"email", VALID_EMAIL, false, 0, 254, "field.email", "email", NULL, NULL},
    {"website", VALID_TEXT, false, 0, 200, "org.website", "url", NULL, NULL},
};

/* An organisation's details as its edit form shows them first. */
static enum http_status
org_load(struct req *r, struct form *f)
{
	struct db_res o;
	enum http_status st;
	static const char *const cols[GF__MAX] = {"name", "name-cyrl", "kind",
	    "category", "registration", "address", "phone", "email", "website"};
	size_t i;

	if ((st = record_check(
		 r, &org_kind, r->ids[0], "organisation.open", &o)) != HTTP_OK)
		return st;
	for (i = 0; i < GF__MAX; i++)
		f->text[i] = db_str(&o, 0, cols[i]) != NULL
		    ? db_str(&o, 0, cols[i])
		    : "";
	return HTTP_OK;
}

/* The organisation itself on its edit page (none on the new one). */
static int
org_extra(struct req *r, struct xml *x, const struct form *f)
{
	return r->nids > 0 ? org_head(r, x, r->ids[0]) : 0;
}

/* Digits only; a name or number another organisation of the town has. */
static enum http_status
org_check(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t self = r->nids > 0 ? r->ids[0] : 0;
	const char *reg = f->text[GF_REG];

	if (f->error[GF_REG] == NULL && *reg != '\0' &&
	    strspn(reg, "0123456789") != strlen(reg))
		form_error(f, GF_REG, "org.registration.digits");
	if ((rc = DBQ(r, STMT_ORG_CLASH, &res, DBP_S(f->text[GF_NAME]),
		 DBP_SN(reg), DBP_I(r->sess->municipality), DBP_I(self),
		 DBP_S(f->text[GF_NAME]), DBP_SN(reg))) != DB_OK)
		return db_status(rc);
	if (res.nrows > 0 && db_int(&res, 0, "name-taken") == 1)
		form_error(f, GF_NAME, "org.name.taken");
	if (res.nrows > 0 && db_int(&res, 0, "reg-taken") == 1)
		form_error(f, GF_REG, "org.registration.taken");
	return HTTP_OK;
}

/* The nine columns of a form, in STMT_ORG_INSERT's and _UPDATE's order. */
#define ORG_VALUES(f)                                                          \
	DBP_S((f)->text[GF_NAME]), DBP_SN((f)->text[GF_NAME_CYRL]),            \
	    DBP_S((f)->text[GF_KIND]), DBP_S((f)->text[GF_CATEGORY]),          \
	    DBP_SN((f)->text[GF_REG]), DBP_S((f)->text[GF_ADDRESS]),           \
	    DBP_S((f)->text[GF_PHONE]), DBP_S((f)->text[GF_EMAIL]),            \
	    DBP_S((f)->text[GF_WEBSITE])

/* A new organisation of the town (audited); 303 to its page. */
static enum http_status
org_insert(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t id;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	rc = DBQ(r, STMT_ORG_INSERT, &res, DBP_I(r->sess->municipality),
	    ORG_VALUES(f));
	if (rc == DB_DUPLICATE) {
		/* Taken between the check and now. */
		db_rollback(r->w->db);
		form_error(f, GF_NAME, "org.name.taken");
		return HTTP_CONFLICT;
	}
	if (rc != DB_OK)
		return db_undo(r, rc);
	id = (int64_t)res.insert_id;
	if ((rc = audit(r, "organisation.create", "organisation", id, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(
		r->arena, "/registry/organisations/%lld", (long long)id),
	    "org-saved");
}

/* The organisation's details changed (audited); 303 to its page. */
static enum http_status
org_save(struct req *r, struct form *f)
{
	enum db_rc rc;
	int64_t id = r->ids[0];

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	rc = DBQ(r, STMT_ORG_UPDATE, NULL, ORG_VALUES(f), DBP_I(id),
	    DBP_I(r->sess->municipality));
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		form_error(f, GF_NAME, "org.name.taken");
		return HTTP_CONFLICT;
	}
	if (rc != DB_OK ||
	    (rc = audit(r, "organisation.update", "organisation", id, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(
		r->arena, "/registry/organisations/%lld", (long long)id),
	    "org-saved");
}

static const struct form_page org_new_page = {
    .elem = "org-form",
    .page = "new",
    .method = "post",
    .action = "/registry/organisations/new",
    .submit = "org.submit",
    .fields = org_fields,
    .nfields = GF__MAX,
    .check = org_check,
    .save = org_insert,
};

/* GET /registry/organisations/new (administrators). */
enum http_status
org_new(struct req *r, struct xml *x)
{
	return form_get(r, x, &org_new_page);
}

/* POST /registry/organisations/new: see org_insert(). */
enum http_status
org_create(struct req *r, struct xml *x)
{
	return form_post(r, x, &org_new_page);
}

/* The edit page of organisation ids[0]: the same form, its own action. */
static void
org_edit_page(struct req *r, struct form_page *p)
{
	memset(p, 0, sizeof(*p));
	p->elem = "org-form";
	p->page = "edit";
	p->method = "post";
	p->action = arena_printf(r->arena, "/registry/organisations/%lld/edit",
	    (long long)r->ids[0]);
	p->submit = "org.submit";
	p->fields = org_fields;
	p->nfields = GF__MAX;
	p->load = org_load;
	p->extra = org_extra;
	p->check = org_check;
	p->save = org_save;
}

/* GET /registry/organisations/N/edit */
enum http_status
org_edit(struct req *r, struct xml *x)
{
	struct form_page p;

	org_edit_page(r, &p);
	return form_get(r, x, &p);
}

/* POST /registry/organisations/N/edit: see org_save(). */
enum http_status
org_update(struct req *r, struct xml *x)
{
	struct form_page p;
	struct db_res o;
	enum http_status st;

	if ((st = record_check(r, &org_kind, r->ids[0], "organisation.update",
		 &o)) != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	org_edit_page(r, &p);
	return form_post(r, x, &p);
}

/* --- licences ------------------------------------------------------------- */

enum { LF_SERVICE, LF_NUMBER, LF_FROM, LF_TO, LF_CAPACITY, LF__MAX };
static const struct field licence_fields[LF__MAX] = {
    {"service", VALID_ID, true, 0, 0, "enrol.service", NULL, NULL, NULL},
    {"number", VALID_TEXT, true, 1, 64, "licence.number", "off", NULL, NULL},
    {"valid_from", VALID_DATE, true, 19900101, 21001231, "licence.from", "off",
	NULL, NULL},
    {"valid_to", VALID_DATE, true, 19900101, 21001231, "licence.to", "off",
	NULL, NULL},
    {"capacity", VALID_INT, false, 0, 100000, "licence.capacity", "off", NULL,
	NULL},
};

/* The licence ids[1] of organisation ids[0] into res (404 otherwise). */
static enum http_status
licence_get(struct req *r, struct db_res *res)
{
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_LICENCE_SCOPE, res, DBP_I(r->ids[1]),
		 DBP_I(r->ids[0]), DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (res->nrows == 1)
		return HTTP_OK;
	if ((rc = audit(r, "licence.open", "licence", r->ids[1],
		 "not-found")) != DB_OK)
		return db_status(rc);
	return HTTP_NOT_FOUND;
}

static enum http_status
licence_load(struct req *r, struct form *f)
{
	struct db_res l;
	enum http_status st;

	if ((st = licence_get(r, &l)) != HTTP_OK)
		return st;
	f->text[LF_SERVICE] = db_str(&l, 0, "service");
	f->text[LF_NUMBER] = db_str(&l, 0, "number");
	f->text[LF_FROM] = db_str(&l, 0, "valid-from");
	f->text[LF_TO] = db_str(&l, 0, "valid-to");
	f->text[LF_CAPACITY] = db_str(&l, 0, "capacity");
	return HTTP_OK;
}

/* The organisation and the services to choose from. */
static int
service_options_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res sv;

	if (org_head(r, x, r->ids[0]) == -1 ||
	    DBQ(r, STMT_SERVICE_CHOICES, &sv, DBP_LOCALE(r),
		DBP_I(r->sess->municipality)) != DB_OK)
		return -1;
	return form_options(x, "service", &sv);
}

/* A service of the town, chosen in field i. */
static enum http_status
service_offered(struct req *r, struct form *f, size_t i)
{
	struct db_res sv;
	enum db_rc rc;
	size_t k;

	if (f->error[i] != NULL)
		return HTTP_OK;
	if ((rc = DBQ(r, STMT_SERVICE_CHOICES, &sv, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	for (k = 0; k < sv.nrows; k++)
		if (db_int(&sv, k, "value") == f->num[i])
			return HTTP_OK;
	form_error(f, i, "invalid.choice");
	return HTTP_OK;
}

static enum http_status
licence_check(struct req *r, struct form *f)
{
	if (f->error[LF_FROM] == NULL && f->error[LF_TO] == NULL &&
	    f->num[LF_TO] < f->num[LF_FROM])
		form_error(f, LF_TO, "licence.dates");
	return service_offered(r, f, LF_SERVICE);
}

/* A new licence, or licence ids[1] changed (audited); 303 to the page. */
static enum http_status
licence_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t org = r->ids[0], id = r->nids > 1 ? r->ids[1] : 0;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	if (id == 0)
		rc = DBQ(r, STMT_LICENCE_INSERT, &res, DBP_I(org),
		    DBP_I(f->num[LF_SERVICE]), DBP_S(f->text[LF_NUMBER]),
		    DBP_S(f->text[LF_FROM]), DBP_S(f->text[LF_TO]),
		    DBP_I(f->num[LF_CAPACITY]));
	else
		rc = DBQ(r, STMT_LICENCE_UPDATE, &res,
		    DBP_I(f->num[LF_SERVICE]), DBP_S(f->text[LF_NUMBER]),
		    DBP_S(f->text[LF_FROM]), DBP_S(f->text[LF_TO]),
		    DBP_I(f->num[LF_CAPACITY]), DBP_I(id), DBP_I(org));
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		form_error(f, LF_NUMBER, "licence.number.taken");
		return HTTP_CONFLICT;
	}
	if (rc != DB_OK)
		return db_undo(r, rc);
	if (id == 0)
		id = (int64_t)res.insert_id;
	if ((rc = audit(r, r->nids > 1 ? "licence.update" : "licence.create",
		 "licence", id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(
		r->arena, "/registry/organisations/%lld", (long long)org),
	    "licence-saved");
}

/* The licence form of the path (new, or ids[1]). */
static void
licence_page(struct req *r, struct form_page *p)
{
	memset(p, 0, sizeof(*p));
	p->elem = "org-form";
	p->page = r->nids > 1 ? "licence-edit" : "licence-new";
	p->method = "post";
	p->action = r->path;
	p->submit = "licence.submit";
	p->fields = licence_fields;
	p->nfields = LF__MAX;
	p->load = r->nids > 1 ? licence_load : NULL;
	p->extra = service_options_extra;
	p->check = licence_check;
	p->save = licence_save;
}

/*
 * The licence pages (GET and POST of …/licences/new and …/licences/N):
 * the organisation is checked first, for every caller.
 */
static enum http_status
licence_page_run(struct req *r, struct xml *x, const char *action)
{
	struct form_page p;
	struct db_res o;
	enum http_status st;

	if ((st = record_check(r, &org_kind, r->ids[0], action, &o)) != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	licence_page(r, &p);
	if (r->method == METHOD_POST) {
		if (r->nids > 1 && (st = licence_get(r, &o)) != HTTP_OK)
			return r->csrf_failed ? HTTP_FORBIDDEN : st;
		return form_post(r, x, &p);
	}
	return form_get(r, x, &p);
}

enum http_status
licence_new(struct req *r, struct xml *x)
{
	return licence_page_run(r, x, "organisation.open");
}

enum http_status
licence_create(struct req *r, struct xml *x)
{
	return licence_page_run(r, x, "licence.create");
}

enum http_status
licence_edit(struct req *r, struct xml *x)
{
	return licence_page_run(r, x, "organisation.open");
}

enum http_status
licence_update(struct req *r, struct xml *x)
{
	return licence_page_run(r, x, "licence.update");
}

/* --- places per service and year ---------------------------------------- */

enum { CF_SERVICE, CF_YEAR, CF_PLACES, CF__MAX };
static const struct field capacity_fields[CF__MAX] = {
    {"service", VALID_ID, true, 0, 0, "enrol.service", NULL, NULL, NULL},
    {"year", VALID_INT, true, 2000, 2100, "capacity.year", "off", NULL, NULL},
    {"places", VALID_INT, true, 0, 100000, "capacity.places", "off", NULL,
	NULL},
};

static enum http_status
capacity_load(struct req *r, struct form *f)
{
	f->text[CF_YEAR] =
	    arena_printf(r->arena, "%lld", (long long)this_year());
	return HTTP_OK;
}

static enum http_status
capacity_check(struct req *r, struct form *f)
{
	return service_offered(r, f, CF_SERVICE);
}

/* The places of a service in a year, set or changed (audited). */
static enum http_status
capacity_save(struct req *r, struct form *f)
{
	enum db_rc rc;
	int64_t org = r->ids[0];

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_CAPACITY_SET, NULL, DBP_I(org),
		 DBP_I(f->num[CF_SERVICE]), DBP_I(f->num[CF_YEAR]),
		 DBP_I(f->num[CF_PLACES]))) != DB_OK ||
	    (rc = audit(r, "capacity.set", "organisation", org,
		 f->text[CF_YEAR])) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(
		r->arena, "/registry/organisations/%lld", (long long)org),
	    "capacity-saved");
}

static enum http_status
capacity_run(struct req *r, struct xml *x, const char *action)
{
	struct form_page p;
	struct db_res o;
	enum http_status st;

	if ((st = record_check(r, &org_kind, r->ids[0], action, &o)) != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	memset(&p, 0, sizeof(p));
	p.elem = "org-form";
	p.page = "capacity";
	p.method = "post";
	p.action = r->path;
	p.submit = "capacity.submit";
	p.fields = capacity_fields;
	p.nfields = CF__MAX;
	p.load = capacity_load;
	p.extra = service_options_extra;
	p.check = capacity_check;
	p.save = capacity_save;
	return r->method == METHOD_POST ? form_post(r, x, &p)
					: form_get(r, x, &p);
}

/* GET /registry/organisations/N/capacity */
enum http_status
capacity_edit(struct req *r, struct xml *x)
{
	return capacity_run(r, x, "organisation.open");
}

/* POST /registry/organisations/N/capacity: see capacity_save(). */
enum http_status
capacity_set(struct req *r, struct xml *x)
{
	return capacity_run(r, x, "capacity.set");
}
