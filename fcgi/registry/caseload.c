/* SPDX-License-Identifier: ISC */
/*
 * caseload.c: a caseload in and out as CSV (issue 12).  Providers keep
 * their users in spreadsheets; the CSW works from the register.
 *
 * Out: GET /registry/persons.csv streams the people the caller may see
 * (person.c's scope) with the enrolments the caller may see, one row per
 * enrolment (a person without one: one row), UTF-8 with a byte order
 * mark and ';' (csv.c's writer), 500 people at a time through a fresh
 * arena each, so that a municipality of 100,000 people goes out in
 * constant memory (resp_stream_open, route.c's ROUTE_STREAM).
 *
 * In: the upload page takes a CSV file (multipart/form-data, upload.c) in
 * UTF-8, Windows-1250 or Windows-1251 (detected and converted by
 * csv_parse); the columns are named by the header line, in any order,
 * with the codes of the export (caseload_columns).  Every row passes the
 * person form's own checks (person.c: form_validate on the row's values
 * as form fields, then person_check) and its write (person_write).  The
 * preview runs the whole import in a transaction and rolls it back, so
 * it says exactly what the import will do (a second row with a JMBG of
 * the first, the last place of a service); the import runs it again and
 * commits the valid rows, all of them or, on any failure, none.  The
 * rows travel from the preview to the import (and to the download of the
 * rejected rows) as the preview page's hidden field, normalised to UTF-8
 * and ';'.
 */
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define CASELOAD_BATCH_PEOPLE  500  /* STMT_CASELOAD_PAGE's LIMIT */
#define IMPORT_SHOW_VALID_ROWS 200  /* the preview lists these, and */
#define IMPORT_SHOW_REJECTED   1000 /* every rejected row up to this */

/* The columns of the export, and the names the import reads. */
enum caseload_col {
	CC_ID,
	CC_GIVEN,
	CC_FAMILY,
	CC_JMBG,
	CC_BIRTH,
	CC_SEX,
	CC_SETTLEMENT,
	CC_ADDRESS,
	CC_PHONE,
	CC_EMAIL,
	CC_NEEDS,
	CC_SERVICE,
	CC_REFNUM,
	CC_REFDATE,
	CC_START,
	CC_END,
	CC_END_REASON,
	CC__MAX
};

static const char *const caseload_columns[CC__MAX] = {
    "id",	       /* CC_ID */
    "given_name",      /* CC_GIVEN */
    "family_name",     /* CC_FAMILY */
    "jmbg",	       /* CC_JMBG */
    "birth_date",      /* CC_BIRTH */
    "sex",	       /* CC_SEX */
    "settlement",      /* CC_SETTLEMENT */
    "address",	       /* CC_ADDRESS */
    "phone",	       /* CC_PHONE */
    "email",	       /* CC_EMAIL */
    "needs",	       /* CC_NEEDS */
    "service",	       /* CC_SERVICE */
    "referral_number", /* CC_REFNUM */
    "referral_date",   /* CC_REFDATE */
    "start_date",      /* CC_START */
    "end_date",	       /* CC_END */
    "end_reason",      /* CC_END_REASON */
};

/* The result column of STMT_CASELOAD_PAGE for each CSV column. */
static const char *const caseload_res[CC__MAX] = {"id", "given", "family",
    "jmbg", "birth", "sex", "settlement", "address", "phone", "email", "needs",
    "service", "referral-number", "referral-date", "start", "end",
    "end-reason"};

/* --- out -------------------------------------------------------------- */

/*
 * GET /registry/persons.csv: the caller's caseload, streamed (audited as
 * one "caseload.export").  Provider staff get the JMBG masked, as on the
 * pages.  A failure after the first byte can only cut the file short:
 * it is logged.
 */
enum http_status
caseload_csv(struct req *r, struct xml *x)
{
	struct csv_writer *w = arena_alloc(r->arena, sizeof(*w));
	const char *cells[CC__MAX];
	char masked[JMBG_MASK_BYTES];
	struct db_res res;
	struct arena *a;
	enum db_rc rc;
	int64_t after = 0;
	size_t i, c;
	bool csw = person_csw(r);

	if ((rc = audit(r, "caseload.export", "", 0, "ok")) != DB_OK)
		return db_status(rc);
	resp_stream_open(r, "text/csv; charset=utf-8", "caseload.csv");
	csv_writer_init(w, ';', resp_stream_write, r);
	if (csv_write_row(w, caseload_columns, CC__MAX) == -1)
		return HTTP_OK;
	for (;;) {
		a = arena_new();
		rc = db_exec(r->w->db, a, STMT_CASELOAD_PAGE,
		    (const struct db_param[]){
			DBP_I(r->locale == LOCALE_SR_CYRL),
			DBP_I(r->sess->municipality), DBP_I(after), DBP_I(csw),
			DBP_I(r->sess->organisation),
			DBP_I(r->sess->organisation), DBP_I(csw),
			DBP_I(r->sess->organisation)},
		    8, &res);
		for (i = 0; rc == DB_OK && i < res.nrows; i++) {
			for (c = 0; c < CC__MAX; c++)
				cells[c] = db_str(&res, i, caseload_res[c]);
			if (!csw && cells[CC_JMBG] != NULL) {
				jmbg_mask(cells[CC_JMBG], masked);
				cells[CC_JMBG] = masked;
			}
			if (csv_write_row(w, cells, CC__MAX) == -1)
				rc = DB_ERROR;
			after = db_int(&res, i, "id");
		}
		arena_free(a);
		if (rc != DB_OK || res.nrows == 0)
			break;
	}
	if (rc != DB_OK)
		LOGE("rid=%s caseload export cut short", r->rid);
	else
		csv_write_end(w);
	return HTTP_OK;
}

/* --- in ----------------------------------------------------------------- */

/* One row's problem: the column (a code of caseload_columns) and key. */
struct import_err {
	const char *column;
	const char *key;
};

struct import_row {
	size_t line; /* spreadsheet row: the header is 1 */
	bool ok;
	bool linked; /* an existing record (same JMBG) gets the enrolment */
	struct import_err *err;
	size_t nerr;
};

/* What an import (or its preview) found. */
struct import {
	struct csv csv;
	int col[CC__MAX]; /* the file's column of each code, or -1 */
	struct import_row *rows;
	size_t valid, rejected;
	const char *error; /* the file's own problem: a message key */
	size_t err_row, err_col;
	const char *missing; /* the required column that is missing */
	bool repeated;	     /* these rows were imported already */
};

/* The column code each field of the person form is read from. */
static const char *
field_column(size_t i)
{
	if (i >= PN_NEED && i < PN_NEED + PERSON_NEEDS)
		return caseload_columns[CC_NEEDS];
	switch (i) {
	case PN_GIVEN:
		return caseload_columns[CC_GIVEN];
	case PN_FAMILY:
		return caseload_columns[CC_FAMILY];
	case PN_JMBG:
		return caseload_columns[CC_JMBG];
	case PN_BIRTH:
		return caseload_columns[CC_BIRTH];
	case PN_SEX:
		return caseload_columns[CC_SEX];
	case PN_SETTLEMENT:
		return caseload_columns[CC_SETTLEMENT];
	case PN_ADDRESS:
		return caseload_columns[CC_ADDRESS];
	case PN_PHONE:
		return caseload_columns[CC_PHONE];
	case PN_EMAIL:
		return caseload_columns[CC_EMAIL];
	case PN_SERVICE:
		return caseload_columns[CC_SERVICE];
	case PN_REFNUM:
		return caseload_columns[CC_REFNUM];
	case PN_REFDATE:
		return caseload_columns[CC_REFDATE];
	case PN_START:
		return caseload_columns[CC_START];
	default:
		return "";
	}
}

/*
 * Cell c of row (the form trims it), or "".  The apostrophe that our own
 * export puts before a cell a spreadsheet would take for a formula
 * ("'+381 60 …") is dropped, so that an export reads back as it was.
 */
static const char *
cell(const struct import *im, const struct csv_row *row, enum caseload_col c)
{
	int k = im->col[c];
	const char *v = k >= 0 && (size_t)k < row->n ? row->field[k] : "";

	if (v[0] == '\'' && v[1] != '\0' && strchr("=+-@", v[1]) != NULL)
		v++;
	return v;
}

/* "male"/"female" from what spreadsheets hold: m, ž, f, м, ж, words. */
static const char *
sex_value(const char *s)
{
	static const char *const male[] = {
	    "m", "male", "muški", "muski", "м", "мушки", "muško", NULL};
	static const char *const female[] = {"f", "ž", "z", "female", "ženski",
	    "zenski", "ж", "женски", "žensko", NULL};
	size_t i;

	for (i = 0; male[i] != NULL; i++)
		if (str_eq_ci(s, male[i]) || strcmp(s, male[i]) == 0)
			return "male";
	for (i = 0; female[i] != NULL; i++)
		if (str_eq_ci(s, female[i]) || strcmp(s, female[i]) == 0)
			return "female";
	return s;
}

/* Adds key=val to l (capacity FORM_MAX_FIELDS, checked by the caller). */
static void
kv_add(struct kvlist *l, const char *key, const char *val)
{
	l->v[l->n].key = (char *)key;
	l->v[l->n].val = (char *)val;
	l->v[l->n].len = strlen(val);
	l->n++;
}

/*
 * The person form's fields from one CSV row: names, dates and contacts
 * as they are, the settlement by its name (either script) and the
 * service by its code, the needs' codes (separated by ',', ' ' or '|')
 * as their checkboxes.  What cannot be looked up is noted in pre[]
 * (field index, key) for after form_validate.  Returns 0, or -1 for the
 * database's failure in *rc.
 */
static int
row_form(struct req *r, const struct import *im, const struct csv_row *row,
    struct kvlist *l, const char **pre, enum db_rc *rc)
{
	struct db_res res;
	const char *v, *p;
	char code[40];
	size_t n, k;

	l->n = 0;
	l->v = arena_calloc(r->arena, FORM_MAX_FIELDS, sizeof(*l->v));
	kv_add(l, "given", cell(im, row, CC_GIVEN));
	kv_add(l, "family", cell(im, row, CC_FAMILY));
	kv_add(l, "jmbg", cell(im, row, CC_JMBG));
	kv_add(l, "birth", cell(im, row, CC_BIRTH));
	kv_add(l, "sex", sex_value(cell(im, row, CC_SEX)));
	kv_add(l, "address", cell(im, row, CC_ADDRESS));
	kv_add(l, "phone", cell(im, row, CC_PHONE));
	kv_add(l, "email", cell(im, row, CC_EMAIL));
	kv_add(l, "referral-number", cell(im, row, CC_REFNUM));
	kv_add(l, "referral-date", cell(im, row, CC_REFDATE));
	kv_add(l, "start", cell(im, row, CC_START));
	if (*(v = cell(im, row, CC_SETTLEMENT)) != '\0') {
		if ((*rc = DBQ(r, STMT_SETTLEMENT_BY_NAME, &res,
			 DBP_I(r->sess->municipality), DBP_S(v), DBP_S(v))) !=
		    DB_OK)
			return -1;
		if (res.nrows == 1)
			kv_add(l, "settlement", db_str(&res, 0, "id"));
		else
			pre[PN_SETTLEMENT] = "import.settlement";
	}
	if (*(v = cell(im, row, CC_SERVICE)) != '\0') {
		if ((*rc = DBQ(r, STMT_SERVICE_BY_CODE, &res,
			 DBP_I(r->sess->municipality), DBP_S(v))) != DB_OK)
			return -1;
		if (res.nrows == 1)
			kv_add(l, "service", db_str(&res, 0, "id"));
		else
			pre[PN_SERVICE] = "import.service";
	}
	for (p = cell(im, row, CC_NEEDS); *p != '\0';) {
		p += strspn(p, ", |;");
		n = strcspn(p, ", |;");
		if (n == 0)
			break;
		for (k = 0; k < PERSON_NEEDS; k++)
			if (strlen(person_needs[k]) == n &&
			    strncasecmp(person_needs[k], p, n) == 0)
				break;
		if (k == PERSON_NEEDS || n >= sizeof(code))
			pre[PN_NEED] = "import.need";
		else
			kv_add(l, person_fields[PN_NEED + k].name, "1");
		p += n;
	}
	*rc = DB_OK;
	return 0;
}

/* The file's columns by their header names; the required ones there. */
static void
map_columns(struct import *im, bool provider)
{
	static const enum caseload_col required[] = {
	    CC_GIVEN, CC_FAMILY, CC_SERVICE, CC_START};
	const struct csv_row *h = &im->csv.row[0];
	size_t c, k;

	for (c = 0; c < CC__MAX; c++) {
		im->col[c] = -1;
		for (k = 0; k < h->n; k++)
			if (str_eq_ci(h->field[k], caseload_columns[c]))
				im->col[c] = (int)k;
	}
	for (c = 0; c < (provider ? 4u : 2u); c++)
		if (im->col[required[c]] == -1) {
			im->error = "import.header";
			im->missing = caseload_columns[required[c]];
			return;
		}
}

/*
 * A row's words for an enrolment that enrol_check() refused (its keys
 * have numbers the form's page fills in): the capacity or the licence.
 */
static const char *
refusal_key(const char *key)
{
	if (key == NULL)
		return "import.enrol.capacity";
	return strncmp(key, "enrol.licence", 13) == 0 ? "import.enrol.licence"
						      : "import.enrol.capacity";
}

/*
 * Checks (and, with commit, imports) row i of im: the person form's
 * validation and write on the row's values.  Returns HTTP_OK or the
 * database's failure.
 */
static enum http_status
import_one(struct req *r, struct import *im, size_t i, bool provider)
{
	const struct csv_row *row = &im->csv.row[i];
	struct import_row *out = &im->rows[i];
	const char *pre[PN__MAX] = {NULL};
	struct kvlist saved = r->form, l;
	struct form f;
	enum http_status st;
	enum db_rc rc;
	struct enrol_refusal refusal;
	const char *why;
	int64_t id;
	size_t k, n = provider ? PN__MAX : PN_SERVICE;

	out->line = i + 1;
	if (row_form(r, im, row, &l, pre, &rc) == -1)
		return db_status(rc);
	r->form = l;
	form_validate(r, person_fields, n, &f);
	r->form = saved;
	for (k = 0; k < n; k++)
		form_error(&f, k, pre[k]);
	if (!provider &&
	    (*cell(im, row, CC_SERVICE) != '\0' ||
		*cell(im, row, CC_START) != '\0'))
		form_error(&f, PN_GIVEN, "import.csw-enrolment");
	if ((st = person_check(r, &f)) != HTTP_OK)
		return st;
	if (f.nerrors == 0) {
		why = person_write(r, &f, &id, &out->linked, &rc);
		if (rc == DB_DUPLICATE)
			form_error(&f, PN_JMBG, "person.jmbg.taken");
		else if (rc != DB_OK)
			return db_status(rc);
		if (why != NULL)
			form_error(&f, PN_SERVICE, refusal_key(why));
	} else if (f.error[PN_SERVICE] != NULL &&
	    strcmp(f.error[PN_SERVICE], "enrol.refused") == 0) {
		if ((st = enrol_check(r, r->sess->organisation,
			 f.num[PN_SERVICE], f.text[PN_START], &refusal)) !=
		    HTTP_OK)
			return st;
		form_error(&f, PN_SERVICE, refusal_key(refusal.key));
	}
	out->ok = f.nerrors == 0;
	out->err = arena_calloc(r->arena, f.nerrors + 1, sizeof(*out->err));
	for (k = 0; k < n; k++)
		if (f.error[k] != NULL) {
			out->err[out->nerr].column = field_column(k);
			out->err[out->nerr].key = f.error[k];
			out->nerr++;
		}
	if (out->ok)
		im->valid++;
	else
		im->rejected++;
	return HTTP_OK;
}

/*
 * Marks the len bytes at data as imported by the caller's organisation
 * (the CSW: the town), im->valid rows of them (0028's caseload_import),
 * inside the import's transaction.  DB_DUPLICATE: they were already.
 */
static enum db_rc
import_once(struct req *r, const char *data, size_t len, struct import *im)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	char hex[65];

	if (EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) != 1 ||
	    mdlen != 32) {
		LOGE("rid=%s sha256 failed", r->rid);
		return DB_ERROR;
	}
	hex_encode(md, 32, hex);
	return DBQ(r, STMT_CASELOAD_IMPORT_ONCE, NULL,
	    DBP_I(r->sess->municipality),
	    DBP_I(person_csw(r) ? 0 : r->sess->organisation), DBP_S(hex),
	    DBP_I(r->sess->account), DBP_I((int64_t)im->valid));
}

/*
 * Parses the len bytes at data (any accepted encoding) and runs every
 * row through the person form in one transaction, committed when commit
 * is true and rolled back otherwise (the preview).  A problem of the
 * file itself is im->error (a message key), with nothing run.  An import
 * writes nothing when no row is valid (im->valid is 0), or when the same
 * rows were imported before (im->repeated: the confirmation posted
 * again).  Returns HTTP_OK, or the database's failure (everything rolled
 * back).
 */
static enum http_status
import_run(
    struct req *r, const char *data, size_t len, bool commit, struct import *im)
{
	enum http_status st = HTTP_OK;
	enum csv_error ce;
	enum db_rc rc;
	size_t i;
	bool provider = !person_csw(r);

	memset(im, 0, sizeof(*im));
	if ((ce = csv_parse(r->arena, data, len, NULL, &im->csv)) != CSV_OK) {
		im->error = csv_error_key(ce);
		im->err_row = im->csv.err_row;
		im->err_col = im->csv.err_col;
		return HTTP_OK;
	}
	map_columns(im, provider);
	if (im->error != NULL)
		return HTTP_OK;
	if (im->csv.nrows < 2) {
		im->error = "import.no-rows";
		return HTTP_OK;
	}
	im->rows = arena_calloc(r->arena, im->csv.nrows, sizeof(*im->rows));
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	for (i = 1; i < im->csv.nrows && st == HTTP_OK; i++)
		st = import_one(r, im, i, provider);
	if (st != HTTP_OK) {
		db_rollback(r->w->db);
		return st;
	}
	if (!commit || im->valid == 0) {
		db_rollback(r->w->db);
		return HTTP_OK;
	}
	if ((rc = import_once(r, data, len, im)) == DB_DUPLICATE) {
		db_rollback(r->w->db);
		im->repeated = true;
		return HTTP_OK;
	}
	if (rc != DB_OK ||
	    (rc = audit(r, "caseload.import", "", 0,
		 arena_printf(r->arena, "%zu", im->valid))) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return HTTP_OK;
}

/*
 * The rows as the preview carries them to the import: UTF-8, ';', every
 * cell quoted (quotes doubled), CRLF; no formula guard (these are the
 * person's own cells, read back by csv_parse, never opened by a
 * spreadsheet).  NULL when it would not fit an upload's part.
 */
static const char *
rows_text(struct req *r, const struct csv *csv)
{
	struct buf b;
	const char *s;
	char *out;
	size_t i, k;

	buf_init(&b, UPLOAD_PART_MAX_BYTES);
	for (i = 0; i < csv->nrows; i++) {
		for (k = 0; k < csv->row[i].n; k++) {
			if (k > 0)
				buf_addc(&b, ';');
			buf_addc(&b, '"');
			for (s = csv->row[i].field[k]; *s != '\0'; s++) {
				if (*s == '"')
					buf_addc(&b, '"');
				buf_addc(&b, *s);
			}
			buf_addc(&b, '"');
		}
		buf_adds(&b, "\r\n");
	}
	if (b.full) {
		buf_release(&b);
		return NULL;
	}
	out = arena_strdup(r->arena, b.p != NULL ? b.p : "");
	buf_release(&b);
	return out;
}

/* <person-import page="upload"> with the file's problem, if any. */
static enum http_status
upload_page(
    struct req *r, struct xml *x, const struct import *im, enum http_status st)
{
	size_t c;

	if (xml_start(x, "person-import") == -1 ||
	    xml_attr(x, "page", "upload") == -1 ||
	    xml_attr(x, "provider", person_csw(r) ? NULL : "1") == -1 ||
	    xml_attr_int(x, "max-bytes", UPLOAD_PART_MAX_BYTES) == -1)
		return HTTP_INTERNAL;
	if (im != NULL && im->error != NULL &&
	    (xml_start(x, "problem") == -1 ||
		xml_attr(x, "key", im->error) == -1 ||
		(im->err_row > 0 &&
		    xml_attr_int(x, "row", (int64_t)im->err_row) == -1) ||
		(im->err_col > 0 &&
		    xml_attr_int(x, "col", (int64_t)im->err_col) == -1) ||
		xml_attr(x, "column", im->missing) == -1 || xml_end(x) == -1))
		return HTTP_INTERNAL;
	for (c = 1; c < CC_END; c++)
		if (xml_start(x, "column") == -1 ||
		    xml_attr(x, "code", caseload_columns[c]) == -1 ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	if (st != HTTP_OK)
		r->render = true;
	return st;
}

/* GET /registry/persons/import: the upload form. */
enum http_status
import_new(struct req *r, struct xml *x)
{
	return upload_page(r, x, NULL, HTTP_OK);
}

/* Writes <row> i of the preview: its cells, and its problems. */
static int
preview_row(struct xml *x, const struct import *im, size_t i)
{
	static const enum caseload_col shown[] = {
	    CC_GIVEN, CC_FAMILY, CC_BIRTH, CC_JMBG, CC_SERVICE, CC_START};
	const struct import_row *row = &im->rows[i];
	size_t k;

	if (xml_start(x, "row") == -1 ||
	    xml_attr_int(x, "line", (int64_t)row->line) == -1 ||
	    xml_attr(x, "ok", row->ok ? "1" : "0") == -1 ||
	    xml_attr(x, "linked", row->ok && row->linked ? "1" : NULL) == -1)
		return -1;
	for (k = 0; k < sizeof(shown) / sizeof(shown[0]); k++)
		if (xml_elem_text(
			x, "cell", cell(im, &im->csv.row[i], shown[k])) == -1)
			return -1;
	for (k = 0; k < row->nerr; k++)
		if (xml_start(x, "error") == -1 ||
		    xml_attr(x, "column", row->err[k].column) == -1 ||
		    xml_attr(x, "key", row->err[k].key) == -1 ||
		    xml_end(x) == -1)
			return -1;
	return xml_end(x);
}

/*
 * POST /registry/persons/import (multipart/form-data, the file in
 * "file"): the preview, every row checked as the import would do it, the
 * rows carried on for the import and the download of the rejected ones.
 * A file that cannot be read comes back on the upload page with its
 * problem (422).
 */
enum http_status
import_preview(struct req *r, struct xml *x)
{
	const struct upload_part *file = upload_find(&r->files, "file");
	struct import im;
	enum http_status st;
	const char *text;
	size_t i, valid_shown = 0, rejected_shown = 0;

	memset(&im, 0, sizeof(im));
	if (r->csrf_failed) {
		im.error = "form.csrf";
		return upload_page(r, x, &im, HTTP_FORBIDDEN);
	}
	if (file == NULL || file->len == 0) {
		im.error = "import.file.none";
		return upload_page(r, x, &im, HTTP_UNPROCESSABLE);
	}
	if ((st = import_run(r, file->data, file->len, false, &im)) != HTTP_OK)
		return st;
	if (im.error == NULL && (text = rows_text(r, &im.csv)) == NULL)
		im.error = "csv.too-large";
	if (im.error != NULL)
		return upload_page(r, x, &im, HTTP_UNPROCESSABLE);
	if (xml_start(x, "person-import") == -1 ||
	    xml_attr(x, "page", "preview") == -1 ||
	    xml_attr(x, "filename", file->filename) == -1 ||
	    xml_attr(x, "encoding", csv_encoding_names[im.csv.encoding]) ==
		-1 ||
	    xml_attr_int(x, "rows", (int64_t)(im.csv.nrows - 1)) == -1 ||
	    xml_attr_int(x, "valid", (int64_t)im.valid) == -1 ||
	    xml_attr_int(x, "rejected", (int64_t)im.rejected) == -1 ||
	    xml_elem_text(x, "data", text) == -1)
		return HTTP_INTERNAL;
	for (i = 1; i < im.csv.nrows; i++) {
		if (im.rows[i].ok ? valid_shown++ >= IMPORT_SHOW_VALID_ROWS
				  : rejected_shown++ >= IMPORT_SHOW_REJECTED)
			continue;
		if (preview_row(x, &im, i) == -1)
			return HTTP_INTERNAL;
	}
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * POST /registry/persons/import/confirm (the preview's rows in "data"):
 * imports the valid rows in one transaction, then back to the list
 * with a notice.  Rows that fail are left out, exactly as the preview
 * showed; a database failure imports none.  The same rows confirmed
 * again (the back button, a double click) import nothing and say they
 * were imported already; rows none of which is valid say that nothing
 * was imported.
 */
enum http_status
import_confirm(struct req *r, struct xml *x)
{
	const char *data = kv_get(&r->form, "data");
	struct import im;
	enum http_status st;

	if (data == NULL || *data == '\0')
		return HTTP_BAD_REQUEST;
	if ((st = import_run(r, data, strlen(data), true, &im)) != HTTP_OK)
		return st;
	if (im.error != NULL)
		return upload_page(r, x, &im, HTTP_UNPROCESSABLE);
	return form_done(r, "/registry/persons",
	    im.repeated		? "persons-import-repeated"
		: im.valid == 0 ? "persons-import-none"
				: "persons-imported");
}

/*
 * POST /registry/persons/import/rejected (the preview's rows in
 * "data"): the rejected rows as CSV, their cells as they came and a last
 * column "problems": each problem's column and its message in the
 * caller's language, as the preview shows them (i18n_text()).
 */
enum http_status
import_rejected(struct req *r, struct xml *x)
{
	const char *data = kv_get(&r->form, "data");
	struct csv_writer *w = arena_alloc(r->arena, sizeof(*w));
	const struct csv_row *row;
	const char **cells;
	struct import im;
	enum http_status st;
	struct buf b;
	size_t i, k;

	if (data == NULL || *data == '\0')
		return HTTP_BAD_REQUEST;
	if ((st = import_run(r, data, strlen(data), false, &im)) != HTTP_OK)
		return st;
	if (im.error != NULL)
		return HTTP_BAD_REQUEST;
	resp_stream_open(r, "text/csv; charset=utf-8", "rejected.csv");
	csv_writer_init(w, ';', resp_stream_write, r);
	for (i = 0; i < im.csv.nrows; i++) {
		row = &im.csv.row[i];
		if (i > 0 && im.rows[i].ok)
			continue;
		cells = arena_calloc(r->arena, row->n + 1, sizeof(*cells));
		for (k = 0; k < row->n; k++)
			cells[k] = row->field[k];
		buf_init(&b, CSV_FIELD_MAX_BYTES);
		if (i == 0)
			buf_adds(&b, "problems");
		for (k = 0; i > 0 && k < im.rows[i].nerr; k++)
			buf_printf(&b, "%s%s: %s", k > 0 ? "; " : "",
			    im.rows[i].err[k].column,
			    i18n_fill(r->arena,
				i18n_text(&r->w->cfg, r->locale,
				    im.rows[i].err[k].key),
				NULL));
		cells[row->n] = arena_strdup(r->arena, b.p != NULL ? b.p : "");
		buf_release(&b);
		if (csv_write_row(w, cells, row->n + 1) == -1)
			return HTTP_OK;
	}
	csv_write_end(w);
	return HTTP_OK;
}
