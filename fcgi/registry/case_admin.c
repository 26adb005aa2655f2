/* SPDX-License-Identifier: ISC */
/*
 * case_admin.c: what an administrator sets up for case management
 * (issue 15): the town's priority groups (list, add, rename, deactivate;
 * never delete: past marks and figures keep their group, 0015) and the
 * CSW workers who supervise (csw_supervisor, 0010: they approve plans
 * and closings and hear of a broken glass).  Administrators of the town
 * only (the routes' permission); a group of another town is a 404.  Every
 * change is audited in the transaction that makes it.
 */
#include <stdlib.h>
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define PG_CODE_MAX	32  /* priority_group.code */
#define PG_NAME_MAX	120 /* priority_group.name_* */
#define PG_POSITION_MAX 999

/* A priority group of the administrator's town. */
static const struct record_kind pg_kind = {
    .type = "priority-group",
    .perms = PERM_ROLE(ROLE_ADMIN),
    .stmt = STMT_PGA_SCOPE,
    .params = {SCOPE_MUNICIPALITY},
};

/* --- priority groups ----------------------------------------------------- */

enum { PF_CODE, PF_SR, PF_BS, PF_EN, PF_POSITION, PF_ACTIVE, PF__MAX };
static const struct field pg_fields[PF__MAX] = {
    {"code", VALID_TEXT, true, 2, PG_CODE_MAX, "pga.code", "off", NULL, NULL},
    {"name_sr_latn", VALID_TEXT, true, 1, PG_NAME_MAX, "pga.name.sr-Latn",
	"off", NULL, NULL},
    {"name_bs", VALID_TEXT, true, 1, PG_NAME_MAX, "pga.name.bs", "off", NULL,
	NULL},
    {"name_en", VALID_TEXT, true, 1, PG_NAME_MAX, "pga.name.en", "off", NULL,
	NULL},
    {"position", VALID_INT, false, 0, PG_POSITION_MAX, "pga.position", "off",
	NULL, NULL},
    {"active", VALID_CHECKBOX, false, 0, 0, "pga.active", NULL, NULL, NULL},
};
/* The edit form: the code stays (figures and marks name it). */
static const struct field pg_edit_fields[PF__MAX - 1] = {
    {"name_sr_latn", VALID_TEXT, true, 1, PG_NAME_MAX, "pga.name.sr-Latn",
	"off", NULL, NULL},
    {"name_bs", VALID_TEXT, true, 1, PG_NAME_MAX, "pga.name.bs", "off", NULL,
	NULL},
    {"name_en", VALID_TEXT, true, 1, PG_NAME_MAX, "pga.name.en", "off", NULL,
	NULL},
    {"position", VALID_INT, false, 0, PG_POSITION_MAX, "pga.position", "off",
	NULL, NULL},
    {"active", VALID_CHECKBOX, false, 0, 0, "pga.active", NULL, NULL, NULL},
};
#define EF(i) ((i)-1) /* a pg_fields index in pg_edit_fields */

/* The group a form page is about (one request at a time per process). */
static struct db_res cur;

/* The Cyrillic name, transliterated from the Latin one, in the arena. */
static const char *
pg_cyrl(struct req *r, const char *latn)
{
	char *c = translit_to_cyrl(latn);
	const char *out = arena_strdup(r->arena, c);

	free(c);
	return out;
}

/*
 * GET /registry/admin/priority-groups: the town's groups, in use or
 * not, with the number of cases marked (manual groups), and the form
 * that adds one.  POST: adds a manual group (a derived one is never
 * made here: its rule lives in the code).
 */
static int
pg_list_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res g;

	if (DBQ(r, STMT_PGA_LIST, &g, DBP_LOCALE(r),
		DBP_I(r->sess->municipality)) != DB_OK)
		return -1;
	return xml_rows(x, "group", &g);
}

static enum http_status
pg_list_load(struct req *r, struct form *f)
{
	f->present[PF_ACTIVE] = true;
	return HTTP_OK;
}

/* A code is lower-case letters, digits and hyphens: it names the group
 * in figures and files. */
static enum http_status
pg_check(struct req *r, struct form *f)
{
	const char *s = f->text[PF_CODE];

	if (f->error[PF_CODE] != NULL)
		return HTTP_OK;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
			*s == '-')) {
			form_error(f, PF_CODE, "pga.code.shape");
			break;
		}
	return HTTP_OK;
}

static enum http_status
pg_create_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t pos = f->present[PF_POSITION] && *f->text[PF_POSITION] != '\0'
	    ? f->num[PF_POSITION]
	    : 0;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	rc = DBQ(r, STMT_PGA_INSERT, &res, DBP_I(r->sess->municipality),
	    DBP_S(f->text[PF_CODE]), DBP_S(f->text[PF_SR]),
	    DBP_S(pg_cyrl(r, f->text[PF_SR])), DBP_S(f->text[PF_BS]),
	    DBP_S(f->text[PF_EN]), DBP_I(f->present[PF_ACTIVE]), DBP_I(pos));
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		form_error(f, PF_CODE, "pga.code.taken");
		return HTTP_CONFLICT;
	}
	if (rc != DB_OK ||
	    (rc = audit(r, "priority-group.create", "priority-group",
		 (int64_t)res.insert_id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(
	    r, "/registry/admin/priority-groups", "priority-group-created");
}

static const struct form_page pg_list_page = {
    .elem = "case-admin",
    .page = "groups",
    .method = "post",
    .action = "/registry/admin/priority-groups",
    .submit = "pga.add",
    .fields = pg_fields,
    .nfields = PF__MAX,
    .load = pg_list_load,
    .extra = pg_list_extra,
    .check = pg_check,
    .save = pg_create_save,
};

enum http_status
pga_list(struct req *r, struct xml *x)
{
	return form_get(r, x, &pg_list_page);
}

enum http_status
pga_create(struct req *r, struct xml *x)
{
	return form_post(r, x, &pg_list_page);
}

/* The group's names, place and state as they are. */
static enum http_status
pg_edit_load(struct req *r, struct form *f)
{
	f->text[EF(PF_SR)] = db_str(&cur, 0, "name-sr-latn");
	f->text[EF(PF_BS)] = db_str(&cur, 0, "name-bs");
	f->text[EF(PF_EN)] = db_str(&cur, 0, "name-en");
	f->text[EF(PF_POSITION)] = db_str(&cur, 0, "position");
	f->present[EF(PF_ACTIVE)] = strcmp(db_str(&cur, 0, "active"), "1") == 0;
	return HTTP_OK;
}

static int
pg_edit_extra(struct req *r, struct xml *x, const struct form *f)
{
	return xml_rows(x, "group", &cur);
}

static enum http_status
pg_edit_save(struct req *r, struct form *f)
{
	enum db_rc rc;
	int64_t pos =
	    *f->text[EF(PF_POSITION)] != '\0' ? f->num[EF(PF_POSITION)] : 0;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_PGA_UPDATE, NULL, DBP_S(f->text[EF(PF_SR)]),
		 DBP_S(pg_cyrl(r, f->text[EF(PF_SR)])),
		 DBP_S(f->text[EF(PF_BS)]), DBP_S(f->text[EF(PF_EN)]),
		 DBP_I(pos), DBP_I(f->present[EF(PF_ACTIVE)]), DBP_I(r->ids[0]),
		 DBP_I(r->sess->municipality))) != DB_OK ||
	    (rc = audit(r, "priority-group.update", "priority-group", r->ids[0],
		 "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(
	    r, "/registry/admin/priority-groups", "priority-group-saved");
}

/*
 * GET and POST /registry/admin/priority-groups/N: rename the group,
 * move it, take it out of use (or back).  Another town's group, or
 * none, is a 404 (audited).
 */
enum http_status
pga_edit(struct req *r, struct xml *x)
{
	struct form_page p;
	enum http_status st;

	memset(&cur, 0, sizeof(cur));
	st = r->method == METHOD_POST
	    ? record_check(
		  r, &pg_kind, r->ids[0], "priority-group.update", &cur)
	    : record_open(r, &pg_kind, r->ids[0], "priority-group.read", &cur);
	if (st != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	memset(&p, 0, sizeof(p));
	p.elem = "case-admin";
	p.page = "group";
	p.method = "post";
	p.action = r->path;
	p.submit = "pga.save";
	p.fields = pg_edit_fields;
	p.nfields = PF__MAX - 1;
	p.load = pg_edit_load;
	p.extra = pg_edit_extra;
	p.save = pg_edit_save;
	return r->method == METHOD_POST ? form_post(r, x, &p)
					: form_get(r, x, &p);
}

/* --- supervisors --------------------------------------------------------- */

enum { UF_WORKER, UF__MAX };
static const struct field sup_fields[UF__MAX] = {
    {"worker", VALID_ID, true, 0, 0, "sup.worker", NULL, NULL, NULL},
};

/* The town's supervisors, and the CSW workers who could become one. */
static int
sup_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res s, c;

	if (DBQ(r, STMT_SUP_LIST, &s, DBP_I(r->sess->municipality)) != DB_OK ||
	    DBQ(r, STMT_SUP_CANDIDATES, &c, DBP_I(r->sess->municipality)) !=
		DB_OK)
		return -1;
	if (xml_rows(x, "supervisor", &s) == -1)
		return -1;
	return form_options(x, "worker", &c);
}

/* The worker chosen must be an active CSW worker of the town, not yet a
 * supervisor (one of the choices offered). */
static enum http_status
sup_check(struct req *r, struct form *f)
{
	struct db_res c;
	enum db_rc rc;

	if (f->error[UF_WORKER] != NULL)
		return HTTP_OK;
	if ((rc = DBQ(r, STMT_SUP_CANDIDATES, &c,
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	form_choice(f, UF_WORKER, &c);
	return HTTP_OK;
}

static enum http_status
sup_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_SUP_ADD, &res, DBP_I(r->sess->municipality),
		 DBP_I(f->num[UF_WORKER]))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected != 1) {
		db_rollback(r->w->db);
		form_error(f, UF_WORKER, "invalid.choice");
		return HTTP_CONFLICT;
	}
	if ((rc = audit(r, "supervisor.add", "account", f->num[UF_WORKER],
		 "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, "/registry/admin/supervisors", "supervisor-added");
}

static const struct form_page sup_page = {
    .elem = "case-admin",
    .page = "supervisors",
    .method = "post",
    .action = "/registry/admin/supervisors",
    .submit = "sup.add",
    .fields = sup_fields,
    .nfields = UF__MAX,
    .extra = sup_extra,
    .check = sup_check,
    .save = sup_save,
};

/* GET /registry/admin/supervisors: who supervises, and the form. */
enum http_status
sup_list(struct req *r, struct xml *x)
{
	return form_get(r, x, &sup_page);
}

/* POST /registry/admin/supervisors: names a CSW worker supervisor. */
enum http_status
sup_create(struct req *r, struct xml *x)
{
	return form_post(r, x, &sup_page);
}

/*
 * POST /registry/admin/supervisors/N/remove: account N no longer
 * supervises in the town.  Not a supervisor of the town: 404, audited.
 */
enum http_status
sup_remove(struct req *r, struct xml *x)
{
	struct db_res res;
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_SUP_REMOVE, &res, DBP_I(r->ids[0]),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected != 1) {
		db_rollback(r->w->db);
		if ((rc = audit(r, "supervisor.remove", "account", r->ids[0],
			 "not-found")) != DB_OK)
			return db_status(rc);
		return HTTP_NOT_FOUND;
	}
	if ((rc = audit(r, "supervisor.remove", "account", r->ids[0], "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(
	    r, "/registry/admin/supervisors", "supervisor-removed");
}
