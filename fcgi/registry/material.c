/* SPDX-License-Identifier: ISC */
/*
 * material.c: PDFs attached to a course's module (issue 16, migration
 * 0021).  A course editor uploads a PDF on the module's page (a
 * multipart/form-data form, parsed in memory by upload.c: at most
 * UPLOAD_PART_MAX_BYTES, 2 MiB, which nginx lets through on this path
 * only); its first bytes must say PDF (doc_sniff(), whatever its name or
 * the type the browser sent).  It is kept as the applications' documents
 * are (docs.c): docs_stage() writes it to a temporary file under
 * documents.dir, the row naming it commits, then docs_keep() renames it
 * to its SHA-256; a refused or failed upload leaves no file
 * (docs_discard() on every path out).
 *
 * Whoever may see the course (a published course: every staff member of
 * the town; a draft: its editors) downloads a PDF through this worker,
 * which checks that and lets nginx send the file (docs_send():
 * X-Accel-Redirect to the internal documents location, as an
 * attachment, never sniffed).  Another town's course, a draft for a
 * worker, a file of another module: 404.  Removing an attachment
 * removes its row, and its file when no other row of any table names
 * the same bytes (another module's material, an application's
 * document): docs_drop() asks document_users (0023), and the file goes
 * after the commit.  Additions and removals are audited on the course.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

/* The part of the form named "file", or NULL. */
static struct upload_part *
file_part(struct req *r)
{
	size_t i;

	for (i = 0; i < r->files.n; i++)
		if (strcmp(r->files.part[i].name, "file") == 0)
			return &r->files.part[i];
	return NULL;
}

/* The module's page again with the reason of a refused upload (422). */
static enum http_status
refuse(struct req *r, struct xml *x, const char *key)
{
	enum http_status st;

	docs_discard(r);
	if ((st = module_write(r, x, key)) != HTTP_OK)
		return st;
	r->render = true;
	return HTTP_UNPROCESSABLE;
}

/*
 * POST /registry/training/courses/N/modules/M/files: the PDF in the
 * form's field "file" is attached to module M (audited).  No file, an
 * empty one, or one that is no PDF: the module's page with the reason
 * (422), nothing kept.  Another town's course or a module it has not:
 * 404.  303 to the module's page.
 */
enum http_status
material_upload(struct req *r, struct xml *x)
{
	struct db_res c, m;
	struct upload_part *f;
	enum http_status st;
	enum db_rc rc;
	int64_t cid = r->ids[0], mid = r->ids[1];

	if ((st = record_check(r, &course_edit_kind, cid, "module.material.add",
		 &c)) != HTTP_OK) {
		docs_discard(r);
		return st;
	}
	if ((rc = DBQ(r, STMT_MODULE_GET, &m, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_I(mid), DBP_I(cid))) != DB_OK) {
		docs_discard(r);
		return db_status(rc);
	}
	if (m.nrows != 1) {
		docs_discard(r);
		return HTTP_NOT_FOUND;
	}
	if ((f = file_part(r)) == NULL || f->len == 0)
		return refuse(r, x, "material.missing");
	if (doc_sniff(f->data, f->len) != DOC_PDF)
		return refuse(r, x, "material.not-pdf");
	if (docs_stage(r, f) == -1) {
		docs_discard(r);
		return HTTP_INTERNAL;
	}
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_MATERIAL_INSERT, NULL, DBP_I(mid),
		 DBP_S(f->sha256), DBP_I((int64_t)f->len), DBP_S(f->filename),
		 DBP_I(r->sess->account))) != DB_OK ||
	    (rc = audit(r, "module.material.add", "course", cid, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK) {
		docs_discard(r);
		return db_undo(r, rc);
	}
	docs_keep(r, f);
	docs_discard(r);
	return form_done(r,
	    arena_printf(r->arena,
		"/registry/training/courses/%lld/modules/%lld", (long long)cid,
		(long long)mid),
	    "material-added");
}

/*
 * GET /registry/training/courses/N/modules/M/files/F (ROUTE_STREAM): the
 * PDF, as an attachment sent by nginx, to those who may see the course;
 * 404 for anyone else (audited), and for a file of another module.
 */
enum http_status
material_download(struct req *r, struct xml *x)
{
	struct db_res c, m;
	enum http_status st;
	enum db_rc rc;

	if ((st = record_check(r,
		 training_editor(r) ? &course_edit_kind : &course_kind,
		 r->ids[0], "course.read", &c)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_MATERIAL_ONE, &m, DBP_I(r->ids[2]),
		 DBP_I(r->ids[1]), DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	if (m.nrows != 1)
		return HTTP_NOT_FOUND;
	return docs_send(r, db_str(&m, 0, "sha"), doc_type_mime[DOC_PDF],
	    db_str(&m, 0, "filename"));
}

/*
 * POST /registry/training/courses/N/modules/M/files/F/delete: the
 * attachment is removed (audited), and its file with it when no other
 * row names it (see above).  Not an attachment of that module: 404
 * (audited).  303 to the module's page.
 */
enum http_status
material_delete(struct req *r, struct xml *x)
{
	struct db_res c, m, res;
	enum http_status st;
	enum db_rc rc;
	int64_t cid = r->ids[0], mid = r->ids[1];
	const char *sha, *parked = NULL;

	if ((st = record_check(r, &course_edit_kind, cid,
		 "module.material.remove", &c)) != HTTP_OK)
		return st;
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_MATERIAL_ONE, &m, DBP_I(r->ids[2]), DBP_I(mid),
		 DBP_I(cid))) != DB_OK ||
	    (m.nrows == 1 &&
		(rc = DBQ(r, STMT_MATERIAL_DELETE, &res, DBP_I(r->ids[2]),
		     DBP_I(mid), DBP_I(cid))) != DB_OK))
		return db_undo(r, rc);
	/* Not this module's, or removed by another request meanwhile. */
	if (m.nrows != 1 || res.affected != 1) {
		db_rollback(r->w->db);
		if ((rc = audit(r, "module.material.remove", "course", cid,
			 "not-found")) != DB_OK)
			return db_status(rc);
		return HTTP_NOT_FOUND;
	}
	sha = db_str(&m, 0, "sha");
	if ((rc = audit(r, "module.material.remove", "course", cid, "ok")) !=
		DB_OK ||
	    (rc = docs_drop(r, STMT_DOC_USERS, sha, &parked)) != DB_OK ||
	    (rc = docs_commit(r, parked, sha)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena,
		"/registry/training/courses/%lld/modules/%lld", (long long)cid,
		(long long)mid),
	    "material-removed");
}
