/* SPDX-License-Identifier: ISC */
/*
 * professional.c: the register of professionals (issue 16): the workers
 * of the town's organisations (the CSW, providers) with their position,
 * profession and professional licence, the courses their position must
 * keep current and the certificates they hold.
 *
 * Who sees whom is the least that each needs (STMT_PRO_SCOPE): the
 * worker their own record (linked to their account); provider staff the
 * workers of their organisation (the employer's view); a supervisor the
 * workers they supervise; administrators everyone of the town, and only
 * they add and change records.  Opening a record is audited like a
 * person's (record_open, "professional.read"); another's is a 404, also
 * audited.  The completion report gives counts per organisation only,
 * to administrators, analysts and the CSW's supervisors (its director);
 * a provincial analyst (an analyst role in several towns: account_role
 * rows, as karika-reports' province.c reads them) also has it town by
 * town, with each town's sum and the province's.
 *
 * /registry/training is every staff member's own page: their record,
 * what is due, their certificates, and the courses of the town.
 */
#include <stdlib.h>
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

static const struct record_kind pro_kind = {
    .type = "professional",
    .perms = PERM_STAFF,
    .stmt = STMT_PRO_SCOPE,
    .params = {SCOPE_MUNICIPALITY, SCOPE_ROLE_ADMIN, SCOPE_ACCOUNT,
	SCOPE_ORGANISATION, SCOPE_ORGANISATION, SCOPE_ACCOUNT},
};

/* True when the caller supervises CSW workers of their town. */
static enum db_rc
is_supervisor(struct req *r, bool *yes)
{
	struct db_res res;
	enum db_rc rc;

	*yes = false;
	if (!(r->sess->perms & PERM_ROLE(ROLE_CSW)))
		return DB_OK;
	if ((rc = DBQ(r, STMT_IS_SUPERVISOR, &res, DBP_I(r->sess->account),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return rc;
	*yes = res.nrows > 0;
	return DB_OK;
}

/*
 * Writes one professional's record: <professional …/> (STMT_PRO_GET),
 * <required id title valid-to due days-left/>… and <certificate code
 * title issued valid-to valid/>….  Returns 0, -1, or the database's
 * failure as -2 (*rc set).
 */
static int
write_record(struct req *r, struct xml *x, int64_t pid, enum db_rc *rc)
{
	struct db_res p, req, certs;

	if ((*rc = DBQ(r, STMT_PRO_GET, &p, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_I(pid))) != DB_OK ||
	    (*rc = DBQ(r, STMT_PRO_COURSES, &req, DBP_LOCALE(r), DBP_I(pid))) !=
		DB_OK ||
	    (*rc = DBQ(r, STMT_PRO_CERTS, &certs, DBP_LOCALE(r), DBP_I(pid))) !=
		DB_OK)
		return -2;
	training_cyrl(r, &req, "title");
	training_cyrl(r, &certs, "title");
	if (xml_rows(x, "professional", &p) == -1 ||
	    xml_rows(x, "required", &req) == -1 ||
	    xml_rows(x, "certificate", &certs) == -1)
		return -1;
	return 0;
}

/*
 * GET /registry/training: the caller's own page: their record in the
 * register (if they are in it), the courses of the town (drafts too for
 * editors), and links to what their role may see.
 * <training professional staff completion editor><professional/>…
 * <course/>…</training>.
 */
enum http_status
training_home(struct req *r, struct xml *x)
{
	struct db_res courses;
	enum db_rc rc;
	int64_t pid;
	bool sup, ed = training_editor(r);
	unsigned p = r->sess->perms;
	int w;

	if ((rc = training_me(r, &pid)) != DB_OK ||
	    (rc = is_supervisor(r, &sup)) != DB_OK ||
	    (rc = DBQ(r, STMT_COURSE_LIST, &courses, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality), DBP_I(ed))) != DB_OK)
		return db_status(rc);
	training_cyrl(r, &courses, "title");
	if (xml_start(x, "training") == -1 ||
	    xml_attr_int(x, "professional", pid) == -1 ||
	    xml_attr(x, "staff",
		(p & (PERM_ROLE(ROLE_ADMIN) | PERM_ROLE(ROLE_PROVIDER))) || sup
		    ? "1"
		    : NULL) == -1 ||
	    xml_attr(x, "completion",
		(p & (PERM_ROLE(ROLE_ADMIN) | PERM_ROLE(ROLE_ANALYST))) || sup
		    ? "1"
		    : NULL) == -1 ||
	    xml_attr(x, "editor", ed ? "1" : NULL) == -1)
		return HTTP_INTERNAL;
	if (pid > 0 && (w = write_record(r, x, pid, &rc)) < 0)
		return w == -2 ? db_status(rc) : HTTP_INTERNAL;
	if (xml_rows(x, "course", &courses) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

enum { PQ_Q, PQ__MAX };
static const struct field pro_query[PQ__MAX] = {
    {"q", VALID_TEXT, false, 0, 100, "pro.search", "off", NULL, NULL},
};

/*
 * GET /registry/professionals[?q=name]: the professionals the caller
 * may see (at most 200, by family name), each with their next lapse.
 * <professionals admin><form/><professional …/>…</professionals>.
 */
enum http_status
pro_list(struct req *r, struct xml *x)
{
	struct db_res res;
	struct form f;
	enum db_rc rc;
	const char *key = "";
	char *k;
	const struct sess *s = r->sess;
	bool admin = (s->perms & PERM_ROLE(ROLE_ADMIN)) != 0;

	form_validate(r, pro_query, PQ__MAX, &f);
	if (f.nerrors == 0 && *f.text[PQ_Q] != '\0' &&
	    (k = translit_search_key(f.text[PQ_Q])) != NULL) {
		key = arena_strdup(r->arena, k);
		free(k);
	}
	if ((rc = DBQ(r, STMT_PRO_LIST, &res, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_I(s->municipality), DBP_I(admin), DBP_I(s->account),
		 DBP_I(s->organisation), DBP_I(s->organisation),
		 DBP_I(s->account), DBP_S(key), DBP_S(key))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "professionals") == -1 ||
	    xml_attr(x, "admin", admin ? "1" : NULL) == -1 ||
	    form_write(x, "get", "/registry/professionals", "pro.search.submit",
		pro_query, &f) == -1 ||
	    xml_rows(x, "professional", &res) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return form_status(r, &f);
}

/*
 * GET /registry/professionals/N: one professional's record, audited as
 * a read ("professional.read"); 404 (audited) for one the caller may not
 * see.  <professional-page admin><professional/><required/>…
 * <certificate/>…</professional-page>.
 */
enum http_status
pro_show(struct req *r, struct xml *x)
{
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	int w;

	if ((st = record_open(r, &pro_kind, r->ids[0], "professional.read",
		 &res)) != HTTP_OK)
		return st;
	if (xml_start(x, "professional-page") == -1 ||
	    xml_attr(x, "admin",
		r->sess->perms & PERM_ROLE(ROLE_ADMIN) ? "1" : NULL) == -1)
		return HTTP_INTERNAL;
	if ((w = write_record(r, x, r->ids[0], &rc)) < 0)
		return w == -2 ? db_status(rc) : HTTP_INTERNAL;
	return xml_end(x) == -1 ? HTTP_INTERNAL : HTTP_OK;
}

/*
 * GET /registry/training/completion: per organisation of the town, how
 * many professionals are current, due within 60 days, lapsed, and
 * suspended: counts only.  Administrators, analysts and CSW supervisors
 * (403, audited, for other CSW workers).
 */
enum http_status
completion_show(struct req *r, struct xml *x)
{
	struct db_res res;
	enum db_rc rc;
	bool sup;

	if ((rc = is_supervisor(r, &sup)) != DB_OK)
		return db_status(rc);
	if (!sup &&
	    !(r->sess->perms &
		(PERM_ROLE(ROLE_ADMIN) | PERM_ROLE(ROLE_ANALYST)))) {
		if ((rc = audit(r, "access.denied", "route", 0,
			 "not-supervisor")) != DB_OK)
			return db_status(rc);
		return HTTP_FORBIDDEN;
	}
	if ((rc = DBQ(r, STMT_COMPLETION, &res, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "completion") == -1 ||
	    xml_rows(x, "organisation", &res) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* The counts of the completion report (STMT_COMPLETION's columns). */
static const char *const comp_cols[] = {
    "staff", "current", "due", "lapsed", "suspended"};
#define COMP_COLS (sizeof(comp_cols) / sizeof(comp_cols[0]))

/* Writes the counts sum[COMP_COLS] as attributes of the open element. */
static int
comp_attrs(struct xml *x, const int64_t *sum)
{
	size_t j;

	for (j = 0; j < COMP_COLS; j++)
		if (xml_attr_int(x, comp_cols[j], sum[j]) == -1)
			return -1;
	return 0;
}

/*
 * GET /registry/training/completion/province: for an analyst, every
 * town they are an analyst of (their account_role rows: one town for
 * most, several for a provincial analyst), each with its organisations'
 * counts as /registry/training/completion shows them and the town's
 * sum, then the sum over the towns: <completion-province towns><town id
 * name staff current due lapsed suspended><organisation town id name
 * staff …/>…</town>…<total staff …/></completion-province>.  Counts
 * only, never a name.  Analysts only (the route).
 */
enum http_status
completion_province(struct req *r, struct xml *x)
{
	struct db_res towns, res;
	enum db_rc rc;
	int64_t sum[COMP_COLS], total[COMP_COLS] = {0}, id;
	size_t i, j, k;

	if ((rc = DBQ(r, STMT_COMPLETION_TOWNS, &towns, DBP_LOCALE(r),
		 DBP_I(r->sess->account))) != DB_OK ||
	    (rc = DBQ(r, STMT_COMPLETION_PROVINCE, &res, DBP_LOCALE(r),
		 DBP_I(r->sess->account))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "completion-province") == -1 ||
	    xml_attr_int(x, "towns", (int64_t)towns.nrows) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < towns.nrows; i++) {
		id = db_int(&towns, i, "id");
		for (j = 0; j < COMP_COLS; j++)
			sum[j] = 0;
		for (k = 0; k < res.nrows; k++)
			for (j = 0; j < COMP_COLS; j++)
				if (db_int(&res, k, "town") == id)
					sum[j] += db_int(&res, k, comp_cols[j]);
		if (xml_start(x, "town") == -1 ||
		    xml_row_attrs(x, &towns, i) == -1 ||
		    comp_attrs(x, sum) == -1)
			return HTTP_INTERNAL;
		for (k = 0; k < res.nrows; k++)
			if (db_int(&res, k, "town") == id &&
			    (xml_start(x, "organisation") == -1 ||
				xml_row_attrs(x, &res, k) == -1 ||
				xml_end(x) == -1))
				return HTTP_INTERNAL;
		if (xml_end(x) == -1)
			return HTTP_INTERNAL;
		for (j = 0; j < COMP_COLS; j++)
			total[j] += sum[j];
	}
	if (xml_start(x, "total") == -1 || comp_attrs(x, total) == -1 ||
	    xml_end(x) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* --- administrators: adding and changing a record ---------------------- */

enum {
	PF_GIVEN,
	PF_FAMILY,
	PF_EMAIL,
	PF_ORG,
	PF_POSITION,
	PF_PROFESSION,
	PF_LICENCE,
	PF_LFROM,
	PF_LTO,
	PF_STARTED,
	PF_SUPERVISOR,
	PF__MAX
};
static const struct field pro_fields[PF__MAX] = {
    {"given_name", VALID_TEXT, true, 1, 100, "pro.given", "off", NULL, NULL},
    {"family_name", VALID_TEXT, true, 1, 100, "pro.family", "off", NULL, NULL},
    {"email", VALID_EMAIL, false, 0, 254, "pro.email", "off", NULL, NULL},
    {"organisation", VALID_ID, true, 0, 0, "pro.organisation", NULL, NULL,
	NULL},
    {"position", VALID_ID, true, 0, 0, "pro.position", NULL, NULL, NULL},
    {"profession", VALID_TEXT, true, 2, 120, "pro.profession", "off", NULL,
	NULL},
    {"licence", VALID_TEXT, false, 0, 64, "pro.licence", "off", NULL, NULL},
    {"licence_from", VALID_DATE, false, 19500101, 21001231, "pro.licence.from",
	"off", NULL, NULL},
    {"licence_to", VALID_DATE, false, 19500101, 21001231, "pro.licence.to",
	"off", NULL, NULL},
    {"started", VALID_DATE, true, 19500101, 21001231, "pro.started", "off",
	NULL, NULL},
    {"supervisor", VALID_ID, false, 0, 0, "pro.supervisor", NULL, NULL, NULL},
};

/* The choices the form's id fields offer. */
static int
pro_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res orgs, pos, sup;

	if (DBQ(r, STMT_ORGANISATIONS, &orgs, DBP_LOCALE(r),
		DBP_I(r->sess->municipality)) != DB_OK ||
	    DBQ(r, STMT_POSITION_CHOICES, &pos, DBP_LOCALE(r),
		DBP_I(r->sess->municipality)) != DB_OK ||
	    DBQ(r, STMT_SUPERVISOR_CHOICES, &sup,
		DBP_I(r->sess->municipality)) != DB_OK)
		return -1;
	if (r->nids > 0 && xml_attr_int(x, "id", r->ids[0]) == -1)
		return -1;
	return form_options(x, "organisation", &orgs) == -1 ||
		form_options(x, "position", &pos) == -1 ||
		form_options(x, "supervisor", &sup) == -1
	    ? -1
	    : 0;
}

/*
 * The supervisor named, if any: an account of another town is refused
 * with that reason (pro.supervisor.town); one of the town must be among
 * the choices (a CSW supervisor or provider staff of the town).
 */
static enum http_status
supervisor_check(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;

	if (f->error[PF_SUPERVISOR] != NULL || *f->text[PF_SUPERVISOR] == '\0')
		return HTTP_OK;
	if ((rc = DBQ(r, STMT_SUPERVISOR_CHECK, &res,
		 DBP_I(f->num[PF_SUPERVISOR]), DBP_I(r->sess->municipality))) !=
	    DB_OK)
		return db_status(rc);
	if (db_int(&res, 0, "in-town") != 1)
		form_error(f, PF_SUPERVISOR, "pro.supervisor.town");
	else if (db_int(&res, 0, "eligible") != 1)
		form_error(f, PF_SUPERVISOR, "invalid.choice");
	return HTTP_OK;
}

/* Licence dates: both or neither, the end after the start; the
 * supervisor of the town. */
static enum http_status
pro_check(struct req *r, struct form *f)
{
	bool from = *f->text[PF_LFROM] != '\0', to = *f->text[PF_LTO] != '\0';

	if (f->error[PF_LTO] == NULL && from && !to)
		form_error(f, PF_LTO, "pro.licence.to.missing");
	if (f->error[PF_LFROM] == NULL && to && !from)
		form_error(f, PF_LFROM, "pro.licence.from.missing");
	if (f->error[PF_LFROM] == NULL && f->error[PF_LTO] == NULL && from &&
	    to && f->num[PF_LTO] < f->num[PF_LFROM])
		form_error(f, PF_LTO, "pro.licence.to.before");
	return supervisor_check(r, f);
}

/* A record's values as its edit form shows them first. */
static enum http_status
pro_load(struct req *r, struct form *f)
{
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	size_t i;

	if ((st = record_check(r, &pro_kind, r->ids[0], "professional.open",
		 &res)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_PRO_RAW, &res, DBP_I(r->ids[0]),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (res.nrows != 1)
		return HTTP_NOT_FOUND;
	/* STMT_PRO_RAW's columns are in the field table's order. */
	for (i = 0; i < PF__MAX; i++)
		f->text[i] =
		    db_str(&res, 0, i) != NULL ? db_str(&res, 0, i) : "";
	return HTTP_OK;
}

/* The name's search key (translit.c), in the arena. */
static const char *
name_key(struct req *r, const struct form *f)
{
	char *k,
	    *both = arena_printf(
		r->arena, "%s %s", f->text[PF_FAMILY], f->text[PF_GIVEN]);
	const char *out;

	if ((k = translit_search_key(both)) == NULL)
		return both;
	out = arena_strdup(r->arena, k);
	free(k);
	return out;
}

#define PRO_ID_OR_NULL(f, i)                                                   \
	((f)->num[i] > 0 && *(f)->text[i] != '\0' ? DBP_I((f)->num[i])         \
						  : DBP_NUL)

/* A new professional of the town (audited), their lapse computed. */
static enum http_status
pro_insert(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t id;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	rc = DBQ(r, STMT_PRO_INSERT, &res, DBP_I(r->sess->municipality),
	    DBP_S(f->text[PF_GIVEN]), DBP_S(f->text[PF_FAMILY]),
	    DBP_S(name_key(r, f)), DBP_SN(f->text[PF_EMAIL]),
	    DBP_S(f->text[PF_PROFESSION]), DBP_SN(f->text[PF_LICENCE]),
	    DBP_SN(f->text[PF_LFROM]), DBP_SN(f->text[PF_LTO]),
	    DBP_S(f->text[PF_STARTED]), PRO_ID_OR_NULL(f, PF_SUPERVISOR),
	    DBP_S(f->text[PF_EMAIL]), DBP_I(f->num[PF_ORG]),
	    DBP_I(f->num[PF_POSITION]), DBP_I(r->sess->municipality));
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		form_error(f, PF_SUPERVISOR, "invalid.choice");
		return HTTP_UNPROCESSABLE;
	}
	if (rc != DB_OK)
		return db_undo(r, rc);
	if (res.affected != 1) {
		db_rollback(r->w->db);
		form_error(f, PF_ORG, "invalid.choice");
		return HTTP_UNPROCESSABLE;
	}
	id = (int64_t)res.insert_id;
	if ((rc = training_refresh(r, id)) != DB_OK ||
	    (rc = audit(r, "professional.create", "professional", id, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(
		r->arena, "/registry/professionals/%lld", (long long)id),
	    "pro-saved");
}

/* A professional's record changed (audited), their lapse recomputed. */
static enum http_status
pro_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t id = r->ids[0];

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	rc = DBQ(r, STMT_PRO_UPDATE, &res, DBP_I(f->num[PF_ORG]),
	    DBP_I(f->num[PF_POSITION]), DBP_S(f->text[PF_GIVEN]),
	    DBP_S(f->text[PF_FAMILY]), DBP_S(name_key(r, f)),
	    DBP_SN(f->text[PF_EMAIL]), DBP_S(f->text[PF_PROFESSION]),
	    DBP_SN(f->text[PF_LICENCE]), DBP_SN(f->text[PF_LFROM]),
	    DBP_SN(f->text[PF_LTO]), DBP_S(f->text[PF_STARTED]),
	    PRO_ID_OR_NULL(f, PF_SUPERVISOR), DBP_I(id),
	    DBP_I(r->sess->municipality));
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		form_error(f, PF_SUPERVISOR, "invalid.choice");
		return HTTP_UNPROCESSABLE;
	}
	if (rc != DB_OK || (rc = training_refresh(r, id)) != DB_OK ||
	    (rc = audit(r, "professional.update", "professional", id, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(
		r->arena, "/registry/professionals/%lld", (long long)id),
	    "pro-saved");
}

/* The edit form's record: another town's is a 404 before anything. */
static enum http_status
pro_edit_check(struct req *r, struct form *f)
{
	struct db_res res;
	enum http_status st;

	if ((st = record_check(r, &pro_kind, r->ids[0], "professional.update",
		 &res)) != HTTP_OK)
		return st;
	return pro_check(r, f);
}

static const struct form_page pro_new_page = {
    .elem = "professional-form",
    .page = "new",
    .method = "post",
    .action = "/registry/professionals/new",
    .submit = "pro.save",
    .fields = pro_fields,
    .nfields = PF__MAX,
    .extra = pro_extra,
    .check = pro_check,
    .save = pro_insert,
};

enum http_status
pro_new(struct req *r, struct xml *x)
{
	return form_get(r, x, &pro_new_page);
}

enum http_status
pro_create(struct req *r, struct xml *x)
{
	return form_post(r, x, &pro_new_page);
}

/* The edit page's action names the record: built per request. */
static struct form_page
pro_edit_page(struct req *r)
{
	struct form_page p = pro_new_page;

	p.page = "edit";
	p.action = arena_printf(r->arena, "/registry/professionals/%lld/edit",
	    (long long)r->ids[0]);
	p.load = pro_load;
	p.check = pro_edit_check;
	p.save = pro_save;
	return p;
}

enum http_status
pro_edit(struct req *r, struct xml *x)
{
	struct form_page p = pro_edit_page(r);

	return form_get(r, x, &p);
}

enum http_status
pro_update(struct req *r, struct xml *x)
{
	struct form_page p = pro_edit_page(r);

	return form_post(r, x, &p);
}
