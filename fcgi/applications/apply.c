/* SPDX-License-Identifier: ISC */
/*
 * apply.c: applying.  One form holds the whole application: who it is
 * for (the child, or oneself) and the relation, the coded needs, the
 * priority criteria the applicant declares, the documents of each kind
 * the service asks for (files, several per kind, PDF, JPEG or PNG by
 * their content, at most DOCS_FILE_MAX_BYTES each), documents given in
 * an earlier application offered again (once-only), and consent with
 * the notice of what is kept and for how long.  "Save" keeps a draft;
 * "Submit" saves and submits when nothing is missing.
 *
 * The form posts multipart/form-data under /applications/, which docs.c
 * receives in constant memory (WORKER_MAIN_DOCS).  A save is all or
 * nothing: a wrong field or a refused file (named, with the limit) shows
 * the form again with everything typed, writes nothing and keeps no
 * file; otherwise the rows commit first and the files are renamed into
 * place after (docs_keep).  Staff (CSW, provider) file an application on
 * a parent's behalf with the parent's consent recorded; the parent takes
 * it over with the code e-mailed to them (apply_claim).
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "applications.h"

enum {
	AF_RELATION,
	AF_GIVEN,
	AF_FAMILY,
	AF_BORN,
	AF_JMBG,
	AF_SEX,
	AF_ADDRESS,
	AF_NOTE,
	AF_CONSENT,
	AF_EMAIL, /* staff only: the parent's address, for the claim */
	AF__MAX
};

#define APP_MAX_NEEDS	 20
#define APP_MAX_CRITERIA 20
#define APP_MAX_REUSE	 20

static const char *const relations[] = {"self", "parent", "guardian", NULL};
static const char *const sexes[] = {"female", "male", NULL};

#define COMMON_FIELDS                                                          \
	{"relation", VALID_CHOICE, true, 0, 0, "app.relation", NULL,           \
	    relations, "app.relation."},                                       \
	    {"given", VALID_TEXT, true, 1, 100, "app.given", "off", NULL,      \
		NULL},                                                         \
	    {"family", VALID_TEXT, true, 1, 100, "app.family", "off", NULL,    \
		NULL},                                                         \
	    {"born", VALID_DATE, true, 19000101, 0, "app.born", "off", NULL,   \
		NULL},                                                         \
	    {"jmbg", VALID_TEXT, false, 0, 13, "app.jmbg", "off", NULL, NULL}, \
	    {"sex", VALID_CHOICE, false, 0, 0, "app.sex", NULL, sexes,         \
		"app.sex."},                                                   \
	    {"address", VALID_TEXT, false, 0, 200, "app.address",              \
		"street-address", NULL, NULL},                                 \
	{                                                                      \
		"note", VALID_TEXT, false, 0, 1000, "app.note", NULL, NULL,    \
		    NULL                                                       \
	}

static const struct field citizen_fields[AF__MAX] = {COMMON_FIELDS,
    {"consent", VALID_CHECKBOX, false, 0, 0, "app.consent", NULL, NULL, NULL},
    {"email", VALID_EMAIL, false, 0, 254, "app.email", "off", NULL, NULL}};

static const struct field staff_fields[AF__MAX] = {COMMON_FIELDS,
    {"consent", VALID_CHECKBOX, false, 0, 0, "app.consent.staff", NULL, NULL,
	NULL},
    {"email", VALID_EMAIL, false, 0, 254, "app.email", "off", NULL, NULL}};

/* A refused file: its name, why, and the limit the message names. */
struct file_error {
	const char *name;
	const char *key;
};

/* What a POST of the form carries beyond its fields. */
struct app_post {
	struct form f;
	int64_t needs[APP_MAX_NEEDS];
	size_t nneeds;
	int64_t crits[APP_MAX_CRITERIA];
	size_t ncrits;
	int64_t reuse[APP_MAX_REUSE];
	size_t nreuse;
	struct file_error ferr[DOCS_MAX_FILES];
	size_t nferr;
	const char *missing[16]; /* kinds still missing on submit */
	size_t nmissing;
	bool submit;
	bool staff;
};

static bool
is_staff(const struct req *r)
{
	return r->sess != NULL &&
	    (r->sess->perms & (PERM_ROLE(ROLE_CSW) | PERM_ROLE(ROLE_PROVIDER)));
}

static const struct field *
fields_of(const struct app_post *p, size_t *n)
{
	*n = p->staff ? AF__MAX : AF_EMAIL;
	return p->staff ? staff_fields : citizen_fields;
}

/* The ids posted under key (at most max, each 1 .. 10^12), into out. */
static size_t
ids_of(const struct req *r, const char *key, int64_t *out, size_t max)
{
	size_t i, n = 0;
	int64_t v;

	for (i = 0; i < r->form.n && n < max; i++)
		if (strcmp(r->form.v[i].key, key) == 0 &&
		    str_to_int64(r->form.v[i].val, 1, 1000000000000LL, &v) == 0)
			out[n++] = v;
	return n;
}

static bool
has_id(const int64_t *v, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] == id)
			return true;
	return false;
}

/* The kind id of a file field "doc.<id>", or 0. */
static int64_t
file_kind(const char *name)
{
	int64_t v;

	if (strncmp(name, "doc.", 4) != 0 ||
	    str_to_int64(name + 4, 1, 1000, &v) == -1)
		return 0;
	return v;
}

/*
 * Validates a POST: the fields, the JMBG (which part is wrong, and that
 * it agrees with the birth date), consent, the ids of needs, criteria and
 * reused documents, and every file: of a kind the service asks for, of
 * an accepted type by its content, within its size.  Files of no kind
 * asked, and empty file inputs, are ignored.
 */
static void
post_read(struct req *r, const struct db_res *kinds, struct app_post *p)
{
	const struct field *fl;
	struct jmbg_info ji;
	enum jmbg_problem jp;
	struct upload_part *u;
	size_t n, i, k;
	bool asked;

	p->staff = is_staff(r);
	fl = fields_of(p, &n);
	form_validate(r, fl, n, &p->f);
	if (p->f.text[AF_JMBG] != NULL && *p->f.text[AF_JMBG] != '\0' &&
	    p->f.error[AF_JMBG] == NULL) {
		if ((jp = jmbg_check(p->f.text[AF_JMBG], &ji)) != JMBG_OK)
			form_error(&p->f, AF_JMBG, jmbg_problem_key(jp));
		else if (p->f.error[AF_BORN] == NULL &&
		    strcmp(ji.birth, p->f.text[AF_BORN]) != 0)
			form_error(&p->f, AF_JMBG, "app.jmbg.born");
	}
	p->submit = str_eq_ci(kv_get(&r->form, "action"), "submit");
	if (p->submit && !p->f.present[AF_CONSENT])
		form_error(&p->f, AF_CONSENT, "app.consent.needed");
	p->nneeds = ids_of(r, "need", p->needs, APP_MAX_NEEDS);
	p->ncrits = ids_of(r, "crit", p->crits, APP_MAX_CRITERIA);
	p->nreuse = ids_of(r, "reuse", p->reuse, APP_MAX_REUSE);
	for (i = 0; i < r->files.n; i++) {
		u = &r->files.part[i];
		asked = false;
		for (k = 0; k < kinds->nrows; k++)
			if (db_int(kinds, k, "id") == file_kind(u->name) &&
			    db_int(kinds, k, "by-csw") == 0)
				asked = true;
		if (!asked || (u->len == 0 && !u->too_large)) {
			u->len = 0; /* not a document: dropped */
			continue;
		}
		if (u->too_large)
			p->ferr[p->nferr++] =
			    (struct file_error){u->filename, "app.file.size"};
		else if (u->type_sniffed == DOC_UNKNOWN)
			p->ferr[p->nferr++] =
			    (struct file_error){u->filename, "app.file.type"};
	}
}

/* Writes rows of res as <elem …/>, with checked="1" on the ids in v. */
static int
rows_checked(struct xml *x, const char *elem, const struct db_res *res,
    const int64_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < res->nrows; i++)
		if (xml_start(x, elem) == -1 ||
		    xml_row_attrs(x, res, i) == -1 ||
		    (has_id(v, n, db_int(res, i, "id")) &&
			xml_attr(x, "checked", "1") == -1) ||
		    xml_end(x) == -1)
			return -1;
	return 0;
}

/*
 * Writes <application-form action=… staff=…> for service sv (one row)
 * and application id (0 for a new one): the kinds of document, needs
 * and criteria with the ones chosen, the documents given so far and the
 * earlier ones offered again, the refused files and missing kinds, and
 * the form's fields.  0 or -1.
 */
static int
form_page(struct req *r, struct xml *x, const struct db_res *sv, int64_t id,
    struct app_post *p)
{
	struct db_res kinds, needs, crits, given, earlier;
	int64_t svc = db_int(sv, 0, "id");
	const struct field *fl;
	size_t n, i;
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_SERVICE_DOCS, &kinds, DBP_I(svc))) != DB_OK ||
	    (rc = db_run(r, STMT_NEEDS, NULL, 0, &needs)) != DB_OK ||
	    (rc = DBQ(r, STMT_CRITERIA, &crits, DBP_I(svc))) != DB_OK)
		return -1;
	memset(&given, 0, sizeof(given));
	memset(&earlier, 0, sizeof(earlier));
	if (id > 0 && (rc = DBQ(r, STMT_DOCS, &given, DBP_I(id))) != DB_OK)
		return -1;
	if (!p->staff && r->sess != NULL &&
	    (rc = DBQ(r, STMT_DOCS_EARLIER, &earlier, DBP_I(svc),
		 DBP_I(r->sess->account), DBP_I(id), DBP_I(id))) != DB_OK)
		return -1;
	fl = fields_of(p, &n);
	if (xml_start(x, "application-form") == -1 ||
	    xml_attr(x, "action",
		id > 0 ? arena_printf(
			     r->arena, "/applications/%lld", (long long)id)
		       : arena_printf(r->arena, "/applications/new/%lld",
			     (long long)svc)) == -1 ||
	    xml_attr(x, "staff", p->staff ? "1" : NULL) == -1 ||
	    xml_attr_int(x, "max-mb", DOCS_FILE_MAX_BYTES / (1024 * 1024)) ==
		-1 ||
	    xml_attr_int(x, "max-files", DOCS_MAX_FILES) == -1 ||
	    xml_rows(x, "service", sv) == -1 ||
	    xml_rows(x, "kind", &kinds) == -1 ||
	    rows_checked(x, "need", &needs, p->needs, p->nneeds) == -1 ||
	    rows_checked(x, "criterion", &crits, p->crits, p->ncrits) == -1 ||
	    xml_rows(x, "given", &given) == -1 ||
	    rows_checked(x, "earlier", &earlier, p->reuse, p->nreuse) == -1)
		return -1;
	for (i = 0; i < p->nferr; i++)
		if (xml_start(x, "file-error") == -1 ||
		    xml_attr(x, "name", p->ferr[i].name) == -1 ||
		    xml_attr(x, "key", p->ferr[i].key) == -1 ||
		    xml_attr_int(x, "limit",
			DOCS_FILE_MAX_BYTES / (1024 * 1024)) == -1 ||
		    xml_end(x) == -1)
			return -1;
	for (i = 0; i < p->nmissing; i++)
		if (xml_start(x, "missing") == -1 ||
		    xml_attr(x, "kind", p->missing[i]) == -1 ||
		    xml_end(x) == -1)
			return -1;
	if (form_write(x, "post", "", "app.save", fl, &p->f) == -1)
		return -1;
	return xml_end(x);
}

/* The service of the request's town that takes online applications. */
static enum http_status
service_load(struct req *r, int64_t id, struct db_res *sv)
{
	struct muni m;
	enum http_status st;
	enum db_rc rc;

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_SERVICE_ONE, sv, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_LOCALE(r), DBP_I(id), DBP_I(m.id))) != DB_OK)
		return db_status(rc);
	return sv->nrows == 1 ? HTTP_OK : HTTP_NOT_FOUND;
}

/* GET /applications/new/%: the empty form for service %. */
enum http_status
apply_new(struct req *r, struct xml *x)
{
	struct db_res sv;
	struct app_post p;
	enum http_status st;
	size_t n;

	if ((st = service_load(r, r->ids[0], &sv)) != HTTP_OK)
		return st;
	memset(&p, 0, sizeof(p));
	p.staff = is_staff(r);
	fields_of(&p, &n);
	form_empty(r, n, &p.f);
	if (!p.staff)
		p.f.text[AF_RELATION] = "parent";
	return form_page(r, x, &sv, 0, &p) == -1 ? HTTP_INTERNAL : HTTP_OK;
}

/*
 * Fills a.missing with the required kinds application id has no
 * document of yet (after this request's inserts, in its transaction).
 */
static enum db_rc
missing_kinds(
    struct req *r, int64_t id, const struct db_res *kinds, struct app_post *p)
{
	struct db_res docs;
	enum db_rc rc;
	size_t k, d;
	bool have;

	if ((rc = DBQ(r, STMT_DOCS, &docs, DBP_I(id))) != DB_OK)
		return rc;
	for (k = 0; k < kinds->nrows && p->nmissing < 16; k++) {
		if (db_int(kinds, k, "required") == 0 ||
		    db_int(kinds, k, "by-csw") != 0)
			continue;
		for (have = false, d = 0; d < docs.nrows; d++)
			if (db_int(&docs, d, "kind-id") ==
			    db_int(kinds, k, "id"))
				have = true;
		if (!have)
			p->missing[p->nmissing++] = db_str(kinds, k, "code");
	}
	return DB_OK;
}

/*
 * The write of a valid POST, in the caller's transaction: the
 * application (new when id is 0: *id is set), its needs and criteria,
 * its documents (rows only: the files follow after the commit), the
 * register's match of a JMBG, and on "submit" the submission when
 * nothing is missing.  Returns DB_OK, or DB_DUPLICATE when something is
 * missing (p->missing says what) or the application is no longer
 * editable (a 409), or the failure.
 */
static enum db_rc
save_rows(struct req *r, const struct db_res *sv, const struct db_res *kinds,
    struct app_post *p, int64_t *id, const char *claim_hash)
{
	struct form *f = &p->f;
	struct db_res res, m;
	struct upload_part *u;
	int64_t svc = db_int(sv, 0, "id");
	const char *jmbg = f->text[AF_JMBG];
	enum db_rc rc;
	size_t i;

	if (*id == 0) {
		rc = DBQ(r, STMT_APP_INSERT, &res,
		    DBP_I(db_int(sv, 0, "municipality")), DBP_I(svc),
		    p->staff ? DBP_NUL : DBP_I(r->sess->account),
		    DBP_I(r->sess->account),
		    claim_hash != NULL ? DBP_B(claim_hash, 32) : DBP_NUL,
		    DBP_S(p->staff
			    ? (f->text[AF_EMAIL] != NULL ? f->text[AF_EMAIL]
							 : "")
			    : r->sess->email),
		    DBP_S(f->text[AF_RELATION]), DBP_S(f->text[AF_GIVEN]),
		    DBP_S(f->text[AF_FAMILY]),
		    DBP_S(translit_key(r->arena,
			arena_printf(r->arena, "%s %s", f->text[AF_GIVEN],
			    f->text[AF_FAMILY]),
			210)),
		    DBP_S(translit_key(r->arena, f->text[AF_FAMILY], 100)),
		    DBP_S(f->text[AF_BORN]), DBP_SN(jmbg),
		    DBP_SN(f->text[AF_SEX]), DBP_S(f->text[AF_ADDRESS]),
		    DBP_S(f->text[AF_NOTE]),
		    DBP_I(f->present[AF_CONSENT] ? 1 : 0),
		    DBP_I(p->staff && f->present[AF_CONSENT] ? 1 : 0),
		    DBP_S(p->staff ? "sr-Cyrl" : locale_tags[r->locale]));
		if (rc != DB_OK)
			return rc;
		*id = (int64_t)res.insert_id;
		if ((rc = app_event(r, *id, p->staff ? "filed" : "created",
			 NULL)) != DB_OK ||
		    (rc = audit(r, "application.create", "application", *id,
			 "ok")) != DB_OK)
			return rc;
	} else {
		/* Still editable, and stays so until the commit. */
		if ((rc = DBQ(r, STMT_APP_LOCK, &res, DBP_I(*id))) != DB_OK)
			return rc;
		if (res.nrows == 0)
			return DB_DUPLICATE; /* no longer editable: 409 */
		rc = DBQ(r, STMT_APP_UPDATE, &res, DBP_S(f->text[AF_RELATION]),
		    DBP_S(f->text[AF_GIVEN]), DBP_S(f->text[AF_FAMILY]),
		    DBP_S(translit_key(r->arena,
			arena_printf(r->arena, "%s %s", f->text[AF_GIVEN],
			    f->text[AF_FAMILY]),
			210)),
		    DBP_S(translit_key(r->arena, f->text[AF_FAMILY], 100)),
		    DBP_S(f->text[AF_BORN]), DBP_SN(jmbg),
		    DBP_SN(f->text[AF_SEX]), DBP_S(f->text[AF_ADDRESS]),
		    DBP_S(f->text[AF_NOTE]),
		    DBP_I(f->present[AF_CONSENT] ? 1 : 0), DBP_I(*id));
		if (rc != DB_OK)
			return rc;
		if ((rc = audit(r, "application.update", "application", *id,
			 "ok")) != DB_OK)
			return rc;
	}
	if ((rc = DBQ(r, STMT_APP_NEEDS_CLEAR, NULL, DBP_I(*id))) != DB_OK ||
	    (rc = DBQ(r, STMT_APP_CRITS_CLEAR, NULL, DBP_I(*id))) != DB_OK)
		return rc;
	for (i = 0; i < p->nneeds; i++)
		if ((rc = DBQ(r, STMT_APP_NEED_ADD, NULL, DBP_I(*id),
			 DBP_I(p->needs[i]))) != DB_OK)
			return rc;
	for (i = 0; i < p->ncrits; i++)
		if ((rc = DBQ(r, STMT_APP_CRIT_ADD, NULL, DBP_I(*id),
			 DBP_I(p->crits[i]))) != DB_OK)
			return rc;
	if ((rc = DBQ(r, STMT_APP_POINTS, NULL, DBP_I(*id), DBP_I(*id))) !=
	    DB_OK)
		return rc;
	/* The register's person, for the CSW only: the page shows nothing. */
	if (jmbg != NULL && *jmbg != '\0') {
		if ((rc = DBQ(r, STMT_PERSON_MATCH, &m, DBP_S(jmbg),
			 DBP_I(db_int(sv, 0, "municipality")))) != DB_OK)
			return rc;
		if ((rc = DBQ(r, STMT_APP_PERSON, NULL,
			 m.nrows > 0 ? DBP_I(db_int(&m, 0, "person")) : DBP_NUL,
			 DBP_I(*id))) != DB_OK)
			return rc;
	}
	for (i = 0; i < r->files.n; i++) {
		u = &r->files.part[i];
		if (u->len == 0 || u->tmp == NULL)
			continue;
		if ((rc = DBQ(r, STMT_DOC_INSERT, NULL, DBP_I(*id),
			 DBP_S(u->sha256), DBP_I((int64_t)u->len),
			 DBP_S(doc_type_mime[u->type_sniffed]),
			 DBP_S(u->filename), DBP_I(r->sess->account),
			 DBP_I(svc), DBP_I(file_kind(u->name)))) != DB_OK)
			return rc;
	}
	for (i = 0; !p->staff && i < p->nreuse; i++)
		if ((rc = DBQ(r, STMT_DOC_REUSE, NULL, DBP_I(*id),
			 DBP_I(r->sess->account), DBP_I(p->reuse[i]),
			 DBP_I(r->sess->account))) != DB_OK)
			return rc;
	if (!p->submit)
		return DB_OK;
	if ((rc = missing_kinds(r, *id, kinds, p)) != DB_OK)
		return rc;
	if (p->nmissing > 0)
		return DB_DUPLICATE;
	if ((rc = DBQ(r, STMT_APP_SUBMIT, &res, DBP_I(*id))) != DB_OK)
		return rc;
	if (res.affected == 0)
		return DB_ERROR;
	if ((rc = app_event(r, *id, "submitted", NULL)) != DB_OK ||
	    (rc = audit(r, "application.submit", "application", *id, "ok")) !=
		DB_OK)
		return rc;
	return DB_OK;
}

/* After the commit: the files into place. */
static void
keep_files(struct req *r)
{
	size_t i;

	for (i = 0; i < r->files.n; i++)
		if (r->files.part[i].len > 0 && r->files.part[i].tmp != NULL)
			docs_keep(r, &r->files.part[i]);
	docs_discard(r);
}

/*
 * The POST of the form, new (id 0) or a saved one (a row of the scope
 * statement in a).  Re-shows the form with 422 on any error, writing
 * nothing; else commits, keeps the files and answers 303 to the
 * application's page.  A submission that lacks a required kind of
 * document is saved as a draft with what was given (files too), and 303
 * leads to the draft's page, which asks only for that (?missing=1).
 */
static enum http_status
post_form(struct req *r, struct xml *x, const struct db_res *sv,
    const struct db_res *a)
{
	struct db_res kinds, res;
	struct app_post p;
	const char *code = NULL;
	unsigned char hash[32];
	int64_t id = a != NULL ? db_int(a, 0, "id") : 0;
	enum db_rc rc;
	enum http_status st;

	memset(&p, 0, sizeof(p));
	if ((rc = DBQ(r, STMT_SERVICE_DOCS, &kinds,
		 DBP_I(db_int(sv, 0, "id")))) != DB_OK) {
		docs_discard(r);
		return db_status(rc);
	}
	post_read(r, &kinds, &p);
	if (p.staff && id == 0 && !p.f.present[AF_CONSENT])
		form_error(&p.f, AF_CONSENT, "app.consent.needed");
	if (p.f.nerrors > 0 || p.nferr > 0) {
		docs_discard(r);
		if (form_page(r, x, sv, id, &p) == -1)
			return HTTP_INTERNAL;
		r->render = true;
		return p.f.problem != NULL ? HTTP_FORBIDDEN
					   : HTTP_UNPROCESSABLE;
	}
	if (p.staff && id == 0) {
		code = token_new(r->arena, 32);
		token_hash(code, hash);
	}
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = save_rows(r, sv, &kinds, &p, &id,
		 code != NULL ? (const char *)hash : NULL)) != DB_OK) {
		/* A required kind missing on submit: what was given is
		 * saved as the draft, files too, and only that is asked. */
		if (rc == DB_DUPLICATE && p.nmissing > 0)
			p.submit = false;
		else {
			docs_discard(r);
			return db_undo(r, rc);
		}
	}
	/* Mail: the submission, or the claim code to the parent. */
	memset(&res, 0, sizeof(res));
	if (p.submit || code != NULL) {
		if ((st = record_check(r, &app_kind, id, "application.read",
			 &res)) != HTTP_OK) {
			db_rollback(r->w->db);
			docs_discard(r);
			return st;
		}
		if (p.submit &&
		    (rc = app_mail(r, &res, "submitted")) != DB_OK) {
			docs_discard(r);
			return db_undo(r, rc);
		}
		if (code != NULL && p.f.text[AF_EMAIL] != NULL &&
		    *p.f.text[AF_EMAIL] != '\0' &&
		    (rc = outbox_add(r, p.f.text[AF_EMAIL], NULL, "app-claim",
			 app_service_name(&res, 0, r->locale),
			 arena_printf(r->arena, "/applications/claim?code=%s",
			     code))) != DB_OK) {
			docs_discard(r);
			return db_undo(r, rc);
		}
	}
	if ((rc = db_commit(r->w->db)) != DB_OK) {
		docs_discard(r);
		return db_undo(r, rc);
	}
	keep_files(r);
	/* The draft's own page says what is missing (apply_form_saved()):
	 * reloading it never sends the form, nor makes a second draft. */
	if (p.nmissing > 0)
		return form_done(r,
		    arena_printf(r->arena, "/applications/%lld?missing=1",
			(long long)id),
		    NULL);
	return form_done(r,
	    arena_printf(r->arena, "/applications/%lld", (long long)id),
	    p.submit ? "app-submitted"
		     : (code != NULL ? "app-filed" : "app-saved"));
}

/* POST /applications/new/%: a new application for service %. */
enum http_status
apply_create(struct req *r, struct xml *x)
{
	struct db_res sv;
	enum http_status st;

	if ((st = service_load(r, r->ids[0], &sv)) != HTTP_OK) {
		docs_discard(r);
		return st;
	}
	return post_form(r, x, &sv, NULL);
}

/*
 * May the caller change application a's data and documents?  Its
 * applicant, or the staff member who filed it before it was claimed,
 * while it is a draft or more information was asked.
 */
bool
apply_editable(const struct req *r, const struct db_res *a)
{
	const char *s = db_str(a, 0, "status");
	bool mine = db_str(a, 0, "applicant") != NULL
	    ? db_int(a, 0, "applicant") == r->sess->account
	    : db_int(a, 0, "filed-by") == r->sess->account;

	return mine && (strcmp(s, "draft") == 0 || strcmp(s, "info") == 0);
}

/* POST /applications/%: saves (and perhaps submits) application %. */
enum http_status
apply_save(struct req *r, struct xml *x)
{
	struct db_res a, sv;
	enum http_status st;
	enum db_rc rc;

	if ((st = app_check(r, "application.update", &a)) != HTTP_OK) {
		docs_discard(r);
		return st;
	}
	if (!apply_editable(r, &a)) {
		docs_discard(r);
		audit(r, "application.update", "application", r->ids[0],
		    "refused");
		return HTTP_CONFLICT;
	}
	if ((rc = DBQ(r, STMT_SERVICE_ONE, &sv, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_LOCALE(r), DBP_I(db_int(&a, 0, "service")),
		 DBP_I(db_int(&a, 0, "municipality")))) != DB_OK) {
		docs_discard(r);
		return db_status(rc);
	}
	if (sv.nrows == 0) {
		docs_discard(r);
		return HTTP_NOT_FOUND;
	}
	return post_form(r, x, &sv, &a);
}

/*
 * Writes the form of an editable application a (the status page shows
 * it): its saved values, needs, criteria and documents.  With ?missing=1
 * (where a submission without a required document led: post_form()),
 * the required documents it still lacks are marked, as the form marks
 * them when sent.
 */
int
apply_form_saved(struct req *r, struct xml *x, const struct db_res *a)
{
	struct db_res sv, nd, cr, kinds;
	struct app_post p;
	const char *mq;
	size_t n, i;

	memset(&p, 0, sizeof(p));
	p.staff = db_str(a, 0, "applicant") == NULL;
	fields_of(&p, &n);
	form_empty(r, n, &p.f);
	p.f.text[AF_RELATION] = db_str(a, 0, "relation");
	p.f.text[AF_GIVEN] = db_str(a, 0, "given");
	p.f.text[AF_FAMILY] = db_str(a, 0, "family");
	p.f.text[AF_BORN] = db_str(a, 0, "born");
	p.f.text[AF_JMBG] = db_str(a, 0, "jmbg");
	p.f.text[AF_SEX] = db_str(a, 0, "sex");
	p.f.text[AF_ADDRESS] = db_str(a, 0, "address");
	p.f.text[AF_NOTE] = db_str(a, 0, "note");
	p.f.present[AF_CONSENT] = db_str(a, 0, "consent") != NULL;
	if (p.staff)
		p.f.text[AF_EMAIL] = db_str(a, 0, "email");
	if (DBQ(r, STMT_SERVICE_ONE, &sv, DBP_LOCALE(r), DBP_LOCALE(r),
		DBP_LOCALE(r), DBP_I(db_int(a, 0, "service")),
		DBP_I(db_int(a, 0, "municipality"))) != DB_OK ||
	    sv.nrows == 0 ||
	    DBQ(r, STMT_APP_NEEDS, &nd, DBP_I(db_int(a, 0, "id"))) != DB_OK ||
	    DBQ(r, STMT_APP_CRITS, &cr, DBP_I(db_int(a, 0, "id"))) != DB_OK)
		return -1;
	for (i = 0; i < nd.nrows && p.nneeds < APP_MAX_NEEDS; i++)
		p.needs[p.nneeds++] = db_int(&nd, i, "id");
	for (i = 0; i < cr.nrows && p.ncrits < APP_MAX_CRITERIA; i++)
		p.crits[p.ncrits++] = db_int(&cr, i, "id");
	if ((mq = kv_get(&r->query, "missing")) != NULL &&
	    strcmp(mq, "1") == 0 &&
	    (DBQ(r, STMT_SERVICE_DOCS, &kinds,
		 DBP_I(db_int(a, 0, "service"))) != DB_OK ||
		missing_kinds(r, db_int(a, 0, "id"), &kinds, &p) != DB_OK))
		return -1;
	return form_page(r, x, &sv, db_int(a, 0, "id"), &p);
}

/* POST /applications/%/withdraw: the applicant withdraws it. */
enum http_status
apply_withdraw(struct req *r, struct xml *x)
{
	struct db_res a, res;
	enum http_status st;
	enum db_rc rc;
	bool waiting;

	if ((st = app_check(r, "application.withdraw", &a)) != HTTP_OK)
		return st;
	if (db_str(&a, 0, "applicant") == NULL ||
	    db_int(&a, 0, "applicant") != r->sess->account)
		return HTTP_FORBIDDEN;
	waiting = strcmp(db_str(&a, 0, "status"), "waiting") == 0;
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_APP_WITHDRAW, &res, DBP_I(r->ids[0]))) != DB_OK)
		return db_undo(r, rc);
	if (res.affected == 0) {
		db_rollback(r->w->db);
		return HTTP_CONFLICT;
	}
	if ((rc = app_event(r, r->ids[0], "withdrawn", NULL)) != DB_OK ||
	    (rc = audit(r, "application.withdraw", "application", r->ids[0],
		 "ok")) != DB_OK ||
	    (rc = app_mail(r, &a, "withdrawn")) != DB_OK ||
	    (waiting &&
		(rc = app_snapshot(r, db_int(&a, 0, "service"), "left")) !=
		    DB_OK) ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/applications/%lld", (long long)r->ids[0]),
	    "app-withdrawn");
}

/*
 * POST /applications/%/documents/%/delete: a document off a draft (or
 * an application the CSW asked more of).  When no other row names the
 * same file, of this table or another (a course's material of the same
 * bytes), the file goes too (docs_drop(), removed after the commit): no
 * file outlives its last row, and none goes before it.
 */
enum http_status
apply_doc_delete(struct req *r, struct xml *x)
{
	struct db_res a, d, res;
	enum http_status st;
	enum db_rc rc;
	const char *sha, *parked = NULL;

	if ((st = app_check(r, "application.document.delete", &a)) != HTTP_OK)
		return st;
	if (!apply_editable(r, &a))
		return HTTP_CONFLICT;
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_DOC_ONE, &d, DBP_I(r->ids[1]),
		 DBP_I(r->ids[0]))) != DB_OK)
		return db_undo(r, rc);
	if (d.nrows == 0) {
		db_rollback(r->w->db);
		return HTTP_NOT_FOUND;
	}
	sha = db_str(&d, 0, "sha");
	if ((rc = DBQ(r, STMT_DOC_DELETE, &res, DBP_I(r->ids[1]),
		 DBP_I(r->ids[0]))) != DB_OK ||
	    (rc = app_event(r, r->ids[0], "document-removed",
		 db_str(&d, 0, "filename"))) != DB_OK ||
	    (rc = audit(r, "application.document.delete", "application",
		 r->ids[0], "ok")) != DB_OK ||
	    (rc = docs_drop(r, STMT_DOC_USERS, sha, &parked)) != DB_OK ||
	    (rc = docs_commit(r, parked, sha)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/applications/%lld", (long long)r->ids[0]),
	    "app-doc-deleted");
}

/* GET /applications/mine: the caller's applications. */
enum http_status
apply_mine(struct req *r, struct xml *x)
{
	struct db_res res;
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_MINE, &res, DBP_LOCALE(r),
		 DBP_I(r->sess->account))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "mine") == -1 ||
	    xml_rows(x, "application", &res) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* Taking over an application staff filed: the code from the e-mail. */
enum { CF_CODE, CF__MAX };

static const struct field claim_fields[CF__MAX] = {
    {"code", VALID_TOKEN, true, 0, 0, "app.claim.code", "off", NULL, NULL},
};

static enum http_status
claim_load(struct req *r, struct form *f)
{
	const char *c = kv_get(&r->query, "code");

	if (c != NULL && strlen(c) == 64 && strspn(c, "0123456789abcdef") == 64)
		f->text[CF_CODE] = arena_strdup(r->arena, c);
	return HTTP_OK;
}

static enum http_status
claim_save(struct req *r, struct form *f)
{
	unsigned char hash[32];
	struct db_res a, res;
	enum db_rc rc;
	int64_t id;

	token_hash(f->text[CF_CODE], hash);
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_APP_BY_CLAIM, &a, DBP_B(hash, 32))) != DB_OK)
		return db_undo(r, rc);
	if (a.nrows == 0) {
		db_rollback(r->w->db);
		audit(r, "application.claim", "application", 0, "refused");
		form_error(f, CF_CODE, "app.claim.unknown");
		return HTTP_UNPROCESSABLE;
	}
	id = db_int(&a, 0, "id");
	if ((rc = DBQ(r, STMT_APP_CLAIM, &res, DBP_I(r->sess->account),
		 DBP_S(r->sess->email), DBP_S(locale_tags[r->locale]),
		 DBP_I(id))) != DB_OK ||
	    (rc = app_event(r, id, "claimed", NULL)) != DB_OK ||
	    (rc = audit(r, "application.claim", "application", id, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/applications/%lld", (long long)id),
	    "app-claimed");
}

static const struct form_page claim_page = {
    .elem = "claim",
    .page = NULL,
    .method = "post",
    .action = "/applications/claim",
    .submit = "app.claim.submit",
    .fields = claim_fields,
    .nfields = CF__MAX,
    .load = claim_load,
    .save = claim_save,
};

enum http_status
apply_claim_new(struct req *r, struct xml *x)
{
	return form_get(r, x, &claim_page);
}

enum http_status
apply_claim(struct req *r, struct xml *x)
{
	return form_post(r, x, &claim_page);
}
