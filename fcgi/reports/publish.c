/* SPDX-License-Identifier: ISC */
/*
 * publish.c: which published datasets the city's social-affairs
 * department shows the public (issue 14, "Public and open data"), kept
 * per municipality in report_publication (0025, the reports worker's own
 * table): users per service per year, spending per service per year
 * (each on the public page, the first page and as open-data files) and
 * the link to the published survey results.
 *
 * pub_chosen() is how every public page and open-data file asks; a town
 * without a row publishes everything, as before the table existed.  The
 * choice is read from the primary at every request (one row by its key),
 * not from a replica or a cache, so a change shows at once; nginx's page
 * micro-cache may keep an old page for its 2 seconds.
 *
 * /reports/public/settings is the department's form (analyst and
 * administrator, their own town): a checkbox per dataset, each change
 * one transaction with its audit row.
 */
#include "karika.h"
#include "stmt.h"
#include "reports.h"

/* The table's columns, in enum pub_choice's order. */
static const char *const choice_col[PUBC__MAX] = {
    "users", "spending", "surveys"};

static const struct field choice_fields[PUBC__MAX] = {
    {"users", VALID_CHECKBOX, false, 0, 0, "reports.publish.users", NULL, NULL,
	NULL},
    {"spending", VALID_CHECKBOX, false, 0, 0, "reports.publish.spending", NULL,
	NULL, NULL},
    {"surveys", VALID_CHECKBOX, false, 0, 0, "reports.publish.surveys", NULL,
	NULL, NULL},
};

/*
 * Fills on[] with what town publishes: every dataset when the town has
 * made no choice.  HTTP_OK, or the database's outcome (503).
 */
enum http_status
pub_chosen(struct req *r, int64_t town, bool on[PUBC__MAX])
{
	struct db_res res;
	enum db_rc rc;
	size_t i;

	if ((rc = DBQ(r, STMT_PUB_CHOICE, &res, DBP_I(town))) != DB_OK)
		return db_status(rc);
	for (i = 0; i < PUBC__MAX; i++)
		on[i] = res.nrows == 0 || db_int(&res, 0, choice_col[i]) != 0;
	return HTTP_OK;
}

/* GET: the boxes as the caller's town has them. */
static enum http_status
settings_load(struct req *r, struct form *f)
{
	bool on[PUBC__MAX];
	enum http_status st;
	size_t i;

	if ((st = pub_chosen(r, r->sess->municipality, on)) != HTTP_OK)
		return st;
	for (i = 0; i < PUBC__MAX; i++)
		f->present[i] = on[i];
	return HTTP_OK;
}

/* POST: the town's choice, with its audit row, in one transaction. */
static enum http_status
settings_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t town = r->sess->municipality;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_PUB_CHOICE_SET, &res, DBP_I(town),
		 DBP_I(f->present[PUBC_USERS]),
		 DBP_I(f->present[PUBC_SPENDING]),
		 DBP_I(f->present[PUBC_SURVEYS]), DBP_I(r->sess->account))) !=
		DB_OK ||
	    (rc = audit(r, "report.publication.save", "municipality", town,
		 "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, "/reports/public/settings", "reports-published");
}

static const struct form_page settings_page = {
    .elem = "publish",
    .page = "settings",
    .method = "post",
    .action = "/reports/public/settings",
    .submit = "reports.publish.save",
    .fields = choice_fields,
    .nfields = PUBC__MAX,
    .load = settings_load,
    .save = settings_save,
};

/*
 * GET and POST /reports/public/settings (analyst, administrator): the
 * department's choice of published datasets for the caller's town.
 */
enum http_status
publish_settings(struct req *r, struct xml *x)
{
	return form_get(r, x, &settings_page);
}

enum http_status
publish_settings_save(struct req *r, struct xml *x)
{
	return form_post(r, x, &settings_page);
}
