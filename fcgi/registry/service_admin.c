/* SPDX-License-Identifier: ISC */
/*
 * service_admin.c: an administrator edits a service of the catalogue:
 * its unit, its unit price for a year (service_price, integer para, typed
 * as "1.800,00" or "1800": VALID_MONEY), who it is for and who may have
 * it in each language (the Cyrillic text made from the Latin one by
 * transliteration), the age range and whether citizens may apply online.
 * The public catalogue (service.c) shows this year's price.  A service of
 * another town is a 404, audited; every change is audited.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

/* A service of the administrator's town. */
static const struct record_kind service_kind = {
    .type = "service",
    .perms = PERM_ROLE(ROLE_ADMIN),
    .stmt = STMT_SERVICE_SCOPE,
    .params = {SCOPE_MUNICIPALITY},
};

static const char *const units[] = {"hour", "day", "month", "visit", NULL};

/* A billion dinars per unit is a typo (0006's check). */
#define PRICE_MAX_PARA 100000000000LL

enum {
	SF_UNIT,
	SF_YEAR,
	SF_PRICE,
	SF_TARGET_LATN,
	SF_TARGET_BS,
	SF_TARGET_EN,
	SF_ELIG_LATN,
	SF_ELIG_BS,
	SF_ELIG_EN,
	SF_AGE_MIN,
	SF_AGE_MAX,
	SF_ONLINE,
	SF__MAX
};
static const struct field service_fields[SF__MAX] = {
    {"unit", VALID_CHOICE, true, 0, 0, "services.unit", NULL, units, "unit."},
    {"year", VALID_INT, true, 2000, 2100, "service.year", "off", NULL, NULL},
    {"price", VALID_MONEY, true, 0, PRICE_MAX_PARA, "service.price", "off",
	NULL, NULL},
    {"target_sr_latn", VALID_TEXT, false, 0, 500, "service.target.sr-Latn",
	"off", NULL, NULL},
    {"target_bs", VALID_TEXT, false, 0, 500, "service.target.bs", "off", NULL,
	NULL},
    {"target_en", VALID_TEXT, false, 0, 500, "service.target.en", "off", NULL,
	NULL},
    {"eligibility_sr_latn", VALID_TEXT, false, 0, 1000,
	"service.eligibility.sr-Latn", "off", NULL, NULL},
    {"eligibility_bs", VALID_TEXT, false, 0, 1000, "service.eligibility.bs",
	"off", NULL, NULL},
    {"eligibility_en", VALID_TEXT, false, 0, 1000, "service.eligibility.en",
	"off", NULL, NULL},
    {"age_min", VALID_INT, false, 0, 120, "service.age.min", "off", NULL, NULL},
    {"age_max", VALID_INT, false, 0, 120, "service.age.max", "off", NULL, NULL},
    {"online", VALID_CHECKBOX, false, 0, 0, "service.online", NULL, NULL, NULL},
};

/* The columns of STMT_SERVICE_SCOPE the text fields start from. */
static const char *const text_cols[SF__MAX] = {
    [SF_TARGET_LATN] = "target_sr_latn",
    [SF_TARGET_BS] = "target_bs",
    [SF_TARGET_EN] = "target_en",
    [SF_ELIG_LATN] = "eligibility_sr_latn",
    [SF_ELIG_BS] = "eligibility_bs",
    [SF_ELIG_EN] = "eligibility_en",
    [SF_AGE_MIN] = "age_min",
    [SF_AGE_MAX] = "age_max",
};

static int64_t
this_year(void)
{
	struct tm tm;
	time_t now = time(NULL);

	if (gmtime_r(&now, &tm) == NULL)
		return 2026;
	return tm.tm_year + 1900;
}

/* The service as the form shows it first, with this year's price. */
static enum http_status
service_load(struct req *r, struct form *f)
{
	struct db_res s, pr;
	enum http_status st;
	enum db_rc rc;
	int64_t year = this_year();
	size_t i;

	if ((st = record_check(
		 r, &service_kind, r->ids[0], "service.open", &s)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_SERVICE_PRICES, &pr, DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	f->text[SF_UNIT] = db_str(&s, 0, "unit");
	f->text[SF_YEAR] = arena_printf(r->arena, "%lld", (long long)year);
	for (i = 0; i < pr.nrows; i++)
		if (db_int(&pr, i, "year") == year)
			f->text[SF_PRICE] =
			    money_format(r->arena, db_int(&pr, i, "price-para"),
				r->locale == LOCALE_EN ? '.' : ',');
	for (i = 0; i < SF__MAX; i++)
		if (text_cols[i] != NULL && db_str(&s, 0, text_cols[i]) != NULL)
			f->text[i] = db_str(&s, 0, text_cols[i]);
	f->present[SF_ONLINE] = db_int(&s, 0, "online") == 1;
	return HTTP_OK;
}

/* The service's name and its prices per year, above the form. */
static int
service_extra(struct req *r, struct xml *x, const struct form *f)
{
	static const char *const names[LOCALE__MAX] = {
	    "name_sr_cyrl", "name_sr_latn", "name_bs", "name_en"};
	struct db_res s, pr;
	struct muni m;

	if (DBQ(r, STMT_SERVICE_SCOPE, &s, DBP_I(r->ids[0]),
		DBP_I(r->sess->municipality)) != DB_OK ||
	    s.nrows != 1 ||
	    DBQ(r, STMT_SERVICE_PRICES, &pr, DBP_I(r->ids[0])) != DB_OK ||
	    muni_load(r, &m) != HTTP_OK)
		return -1;
	if (xml_start(x, "service") == -1 ||
	    xml_attr(x, "id", db_str(&s, 0, "id")) == -1 ||
	    xml_attr(x, "code", db_str(&s, 0, "code")) == -1 ||
	    xml_attr(x, "name", db_str(&s, 0, names[r->locale])) == -1 ||
	    xml_attr(x, "currency", m.currency) == -1 ||
	    xml_rows(x, "price", &pr) == -1 || xml_end(x) == -1)
		return -1;
	return 0;
}

/* An age range the right way round. */
static enum http_status
service_check(struct req *r, struct form *f)
{
	if (f->error[SF_AGE_MIN] == NULL && f->error[SF_AGE_MAX] == NULL &&
	    *f->text[SF_AGE_MIN] != '\0' && *f->text[SF_AGE_MAX] != '\0' &&
	    f->num[SF_AGE_MAX] < f->num[SF_AGE_MIN])
		form_error(f, SF_AGE_MAX, "service.ages");
	return HTTP_OK;
}

/* A text's Cyrillic, made from its Latin, in the arena. */
static const char *
cyrl(struct req *r, const char *latn)
{
	char *c = translit_to_cyrl(latn);
	const char *s;

	if (c == NULL)
		return NULL;
	s = arena_strdup(r->arena, c);
	free(c);
	return s;
}

/* An optional whole number: SQL NULL when left empty. */
static struct db_param
opt_int(const struct form *f, size_t i)
{
	return *f->text[i] != '\0' ? DBP_I(f->num[i]) : DBP_NUL;
}

/*
 * The service and its price for the year (and the catalogue's own price
 * when the year is this one), audited as two changes; 303 to the
 * catalogue with a notice.
 */
static enum http_status
service_save(struct req *r, struct form *f)
{
	enum db_rc rc;
	int64_t id = r->ids[0];
	const char *tc = cyrl(r, f->text[SF_TARGET_LATN]);
	const char *ec = cyrl(r, f->text[SF_ELIG_LATN]);

	if (tc == NULL || ec == NULL)
		return HTTP_INTERNAL;
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_SERVICE_UPDATE, NULL, DBP_S(f->text[SF_UNIT]),
		 DBP_S(f->text[SF_TARGET_LATN]), DBP_S(tc),
		 DBP_S(f->text[SF_TARGET_BS]), DBP_S(f->text[SF_TARGET_EN]),
		 DBP_S(f->text[SF_ELIG_LATN]), DBP_S(ec),
		 DBP_S(f->text[SF_ELIG_BS]), DBP_S(f->text[SF_ELIG_EN]),
		 opt_int(f, SF_AGE_MIN), opt_int(f, SF_AGE_MAX),
		 DBP_I(f->present[SF_ONLINE]), DBP_I(id),
		 DBP_I(r->sess->municipality))) != DB_OK ||
	    (rc = DBQ(r, STMT_SERVICE_PRICE_SET, NULL, DBP_I(id),
		 DBP_I(f->num[SF_YEAR]), DBP_I(f->num[SF_PRICE]))) != DB_OK ||
	    (f->num[SF_YEAR] == this_year() &&
		(rc = DBQ(r, STMT_SERVICE_PRICE_NOW, NULL,
		     DBP_I(f->num[SF_PRICE]), DBP_I(f->num[SF_YEAR]),
		     DBP_I(id))) != DB_OK) ||
	    (rc = audit(r, "service.update", "service", id, "ok")) != DB_OK ||
	    (rc = audit(r, "service.price", "service", id, f->text[SF_YEAR])) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, "/registry/services", "service-saved");
}

/* The form of service ids[0]. */
static void
service_page(struct req *r, struct form_page *p)
{
	memset(p, 0, sizeof(*p));
	p->elem = "service-form";
	p->method = "post";
	p->action = r->path;
	p->submit = "service.submit";
	p->fields = service_fields;
	p->nfields = SF__MAX;
	p->load = service_load;
	p->extra = service_extra;
	p->check = service_check;
	p->save = service_save;
}

/* GET /registry/services/N/edit (administrators). */
enum http_status
service_edit(struct req *r, struct xml *x)
{
	struct form_page p;

	service_page(r, &p);
	return form_get(r, x, &p);
}

/* POST /registry/services/N/edit: see service_save(). */
enum http_status
service_update(struct req *r, struct xml *x)
{
	struct form_page p;
	struct db_res s;
	enum http_status st;

	if ((st = record_check(
		 r, &service_kind, r->ids[0], "service.update", &s)) != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	service_page(r, &p);
	return form_post(r, x, &p);
}
