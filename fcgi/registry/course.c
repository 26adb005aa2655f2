/* SPDX-License-Identifier: ISC */
/*
 * course.c: the training courses (issue 16): a course of the town with
 * its modules in order (a page of material each, written in the
 * platform, with PDFs attached: material.c) and a test at the end
 * (test.c).  Every staff member may read the published courses and see
 * where they stand (their certificate, the attempts left in the period,
 * an attempt still open); course editors (the survey editors,
 * ROLE_EDITOR) and administrators also see drafts and edit them
 * (course_edit.c).
 *
 * Course texts are kept in sr-Latn, bs and en; a sr-Cyrl page shows the
 * sr-Latn text transliterated (training_cyrl()), as DOMAIN.md asks of
 * Serbian Cyrillic.  The helpers the other training files share are here
 * too: who the caller is in the register, today's date, the refresh of a
 * professional's next lapse.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

/* A published course of the caller's town. */
const struct record_kind course_kind = {
    .type = "course",
    .perms = PERM_STAFF,
    .stmt = STMT_COURSE_SCOPE,
    .params = {SCOPE_MUNICIPALITY},
};

/* Any course of the caller's town, drafts too: editors. */
const struct record_kind course_edit_kind = {
    .type = "course",
    .perms = TRAINING_EDITORS,
    .stmt = STMT_COURSE_EDIT_SCOPE,
    .params = {SCOPE_MUNICIPALITY},
};

/* True when the caller edits courses. */
bool
training_editor(const struct req *r)
{
	return r->sess != NULL && (r->sess->perms & TRAINING_EDITORS) != 0;
}

/*
 * On a sr-Cyrl page, replaces the cells of column col of res with their
 * Cyrillic transliteration (course texts are stored in Latin); on any
 * other page does nothing.  The new strings live in the arena.
 */
void
training_cyrl(struct req *r, struct db_res *res, const char *col)
{
	size_t i, c;
	char *t;

	if (r->locale != LOCALE_SR_CYRL || res->nrows == 0)
		return;
	c = db_col(res, col);
	for (i = 0; i < res->nrows; i++) {
		if (res->cell[i * res->ncols + c] == NULL ||
		    (t = translit_to_cyrl(res->cell[i * res->ncols + c])) ==
			NULL)
			continue;
		res->cell[i * res->ncols + c] = arena_strdup(r->arena, t);
		free(t);
	}
}

/* Today's date, UTC (as the statements' UTC_DATE()), as YYYY-MM-DD. */
void
training_today(char out[11])
{
	struct tm tm;
	time_t now = time(NULL);

	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		abort();
}

/*
 * The caller's row in the register of professionals of their town: its
 * id in *pid (0 when they are not a professional).  Returns the
 * database's outcome.
 */
enum db_rc
training_me(struct req *r, int64_t *pid)
{
	struct db_res res;
	enum db_rc rc;

	*pid = 0;
	if (r->sess == NULL)
		return DB_OK;
	if ((rc = DBQ(r, STMT_PRO_MINE, &res, DBP_I(r->sess->account),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return rc;
	if (res.nrows == 1)
		*pid = db_int(&res, 0, "id");
	return DB_OK;
}

/* Recomputes professional pid's next lapse and access (STMT_PRO_REFRESH),
 * inside the caller's transaction. */
enum db_rc
training_refresh(struct req *r, int64_t pid)
{
	return DBQ(r, STMT_PRO_REFRESH, NULL, DBP_I(pid), DBP_I(pid),
	    DBP_I(pid), DBP_I(pid), DBP_I(pid), DBP_I(pid));
}

/*
 * Writes <p> elements for text: one per paragraph (lines separated by a
 * blank line), each trimmed; a single line break stays inside the
 * paragraph.  Returns 0 or -1.
 */
int
training_paragraphs(struct req *r, struct xml *x, const char *text)
{
	const char *s = text, *e, *end;
	char *para;

	if (text == NULL)
		return 0;
	while (*s != '\0') {
		while (*s == '\n' || *s == '\r' || *s == ' ')
			s++;
		if (*s == '\0')
			break;
		end = strstr(s, "\n\n");
		e = strstr(s, "\r\n\r\n");
		if (end == NULL || (e != NULL && e < end))
			end = e;
		if (end == NULL)
			end = s + strlen(s);
		para = arena_strndup(r->arena, s, (size_t)(end - s));
		if (xml_elem_text(x, "p", para) == -1)
			return -1;
		s = end;
	}
	return 0;
}

/*
 * GET /registry/training/courses/N: a published course (a draft for its
 * editors), its modules, the test's rules, and the caller's standing:
 * <course-page><course …/><module id position title/>…<mine
 * professional valid-to used open next-at/><editor/>?</course-page>.
 */
enum http_status
course_show(struct req *r, struct xml *x)
{
	struct db_res c, mods, mine;
	enum http_status st;
	enum db_rc rc;
	int64_t cid = r->ids[0], pid, days;
	bool ed = training_editor(r);

	if ((st = record_check(r, ed ? &course_edit_kind : &course_kind, cid,
		 "course.read", &c)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_COURSE_GET, &c, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_I(cid))) != DB_OK ||
	    (rc = DBQ(r, STMT_COURSE_MODULES, &mods, DBP_LOCALE(r),
		 DBP_I(cid))) != DB_OK ||
	    (rc = training_me(r, &pid)) != DB_OK)
		return db_status(rc);
	training_cyrl(r, &c, "title");
	training_cyrl(r, &c, "summary");
	training_cyrl(r, &mods, "title");
	days = db_int(&c, 0, "attempts-days");
	memset(&mine, 0, sizeof(mine));
	if (pid > 0 &&
	    (rc = DBQ(r, STMT_COURSE_MINE, &mine, DBP_I(pid), DBP_I(cid),
		 DBP_I(pid), DBP_I(cid), DBP_I(days), DBP_I(pid), DBP_I(cid),
		 DBP_I(days), DBP_I(pid), DBP_I(cid), DBP_I(days))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "course-page") == -1 ||
	    xml_rows(x, "course", &c) == -1 ||
	    xml_rows(x, "module", &mods) == -1 || xml_start(x, "mine") == -1 ||
	    xml_attr_int(x, "professional", pid) == -1 ||
	    (mine.nrows == 1 && xml_row_attrs(x, &mine, 0) == -1) ||
	    xml_end(x) == -1 || (ed && xml_elem_text(x, "editor", "") == -1) ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * Writes module ids[1] of course ids[0] (which the caller may see: the
 * caller checked) in paragraphs, with its attached PDFs, the course and
 * the modules before and after it: <module-page problem?><course id
 * title/><module id position title><p/>…</module><material id filename
 * bytes/>…<nav prev next/><editor/>?</module-page>.  problem is the
 * message key of a refused upload (material.c), or NULL.  Returns
 * HTTP_OK, 404 for a module the course has not, or the database's
 * outcome.
 */
enum http_status
module_write(struct req *r, struct xml *x, const char *problem)
{
	struct db_res c, m, mods, files;
	enum db_rc rc;
	int64_t cid = r->ids[0], prev = 0, next = 0;
	size_t i;

	if ((rc = DBQ(r, STMT_COURSE_GET, &c, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_I(cid))) != DB_OK ||
	    (rc = DBQ(r, STMT_MODULE_GET, &m, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_I(r->ids[1]), DBP_I(cid))) != DB_OK ||
	    (rc = DBQ(r, STMT_COURSE_MODULES, &mods, DBP_LOCALE(r),
		 DBP_I(cid))) != DB_OK ||
	    (rc = DBQ(r, STMT_MATERIAL_LIST, &files, DBP_I(r->ids[1]))) !=
		DB_OK)
		return db_status(rc);
	if (m.nrows != 1 || c.nrows != 1)
		return HTTP_NOT_FOUND;
	training_cyrl(r, &c, "title");
	training_cyrl(r, &m, "title");
	training_cyrl(r, &m, "body");
	for (i = 0; i < mods.nrows; i++)
		if (db_int(&mods, i, "id") == r->ids[1]) {
			prev = i > 0 ? db_int(&mods, i - 1, "id") : 0;
			next =
			    i + 1 < mods.nrows ? db_int(&mods, i + 1, "id") : 0;
		}
	if (xml_start(x, "module-page") == -1 ||
	    xml_attr(x, "problem", problem) == -1 ||
	    xml_start(x, "course") == -1 ||
	    xml_attr(x, "id", db_str(&c, 0, "id")) == -1 ||
	    xml_attr(x, "title", db_str(&c, 0, "title")) == -1 ||
	    xml_end(x) == -1 || xml_start(x, "module") == -1 ||
	    xml_attr(x, "id", db_str(&m, 0, "id")) == -1 ||
	    xml_attr(x, "position", db_str(&m, 0, "position")) == -1 ||
	    xml_attr(x, "title", db_str(&m, 0, "title")) == -1 ||
	    training_paragraphs(r, x, db_str(&m, 0, "body")) == -1 ||
	    xml_end(x) == -1 || xml_rows(x, "material", &files) == -1 ||
	    xml_start(x, "nav") == -1 ||
	    (prev > 0 && xml_attr_int(x, "prev", prev) == -1) ||
	    (next > 0 && xml_attr_int(x, "next", next) == -1) ||
	    xml_end(x) == -1 ||
	    (training_editor(r) && xml_elem_text(x, "editor", "") == -1) ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * GET /registry/training/courses/N/modules/M: one module's material
 * (module_write()), for those who may see the course (404 otherwise,
 * audited).
 */
enum http_status
module_show(struct req *r, struct xml *x)
{
	struct db_res c;
	enum http_status st;

	if ((st = record_check(r,
		 training_editor(r) ? &course_edit_kind : &course_kind,
		 r->ids[0], "course.read", &c)) != HTTP_OK)
		return st;
	return module_write(r, x, NULL);
}
