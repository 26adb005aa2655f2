/* SPDX-License-Identifier: ISC */
/*
 * course_edit.c: writing the courses (issue 16), for the course editors
 * (the survey editors, ROLE_EDITOR) and administrators of the town: a
 * course's texts, validity and test rules; its modules (a page of
 * material each, in sr-Latn, bs and en); its bank of questions; and the
 * statistics of each question (how often it was answered right, which
 * wrong options were chosen), to improve them.
 *
 * A question is written as the survey editor writes options: the texts
 * of its options in lines "code = label", one textarea per locale (the
 * sr-Latn lines give the codes and their order, the others only the
 * labels, in the same order); a matching question also has its items so;
 * the key is one line: the right option's code (single), the right codes
 * (multiple), "true" or "false", or "item=option" pairs (matching).  Every
 * change is audited; another town's course is a 404 (course_edit_kind).
 * A module's attached PDFs are material.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"
#include "quiz.h"

#define OPT_LINES_MAX_CHARS 4000  /* QUIZ_OPTIONS_MAX lines of 300 */
#define BODY_MAX_CHARS	    20000 /* a module's page of material */

static const char *const statuses[] = {"draft", "published", NULL};

/* --- a course ----------------------------------------------------------- */

enum {
	CF_CODE,
	CF_TITLE_SR,
	CF_TITLE_BS,
	CF_TITLE_EN,
	CF_SUM_SR,
	CF_SUM_BS,
	CF_SUM_EN,
	CF_MONTHS,
	CF_FIRST,
	CF_DRAW,
	CF_MINUTES,
	CF_PASS,
	CF_ATTEMPTS,
	CF_DAYS,
	CF_STATUS,
	CF__MAX
};
static const struct field course_fields[CF__MAX] = {
    {"code", VALID_TEXT, true, 1, QDEF_CODE_MAX_BYTES, "course.code", "off",
	NULL, NULL},
    {"title_sr_latn", VALID_TEXT, true, 2, 200, "course.title.sr", "off", NULL,
	NULL},
    {"title_bs", VALID_TEXT, true, 2, 200, "course.title.bs", "off", NULL,
	NULL},
    {"title_en", VALID_TEXT, true, 2, 200, "course.title.en", "off", NULL,
	NULL},
    {"summary_sr_latn", VALID_TEXT, false, 0, 2000, "course.summary.sr", "off",
	NULL, NULL},
    {"summary_bs", VALID_TEXT, false, 0, 2000, "course.summary.bs", "off", NULL,
	NULL},
    {"summary_en", VALID_TEXT, false, 0, 2000, "course.summary.en", "off", NULL,
	NULL},
    {"months", VALID_INT, true, 1, 120, "course.months", "off", NULL, NULL},
    {"first_days", VALID_INT, true, 1, 730, "course.first-days", "off", NULL,
	NULL},
    {"draw", VALID_INT, true, 1, QUIZ_DRAW_MAX, "course.draw", "off", NULL,
	NULL},
    {"minutes", VALID_INT, true, 1, 240, "course.minutes", "off", NULL, NULL},
    {"pass", VALID_INT, true, 1, 100, "course.pass", "off", NULL, NULL},
    {"attempts", VALID_INT, true, 1, 20, "course.attempts", "off", NULL, NULL},
    {"attempts_days", VALID_INT, true, 1, 365, "course.attempts-days", "off",
	NULL, NULL},
    {"status", VALID_CHOICE, true, 0, 0, "course.status", NULL, statuses,
	"course.status."},
};

/* True for a code: [a-z0-9][a-z0-9_-]*, at most QDEF_CODE_MAX_BYTES. */
static bool
code_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > QDEF_CODE_MAX_BYTES ||
	    !((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-") == n;
}

/* Fills f with row 0 of res, whose columns are in the fields' order. */
static void
fill(struct form *f, const struct db_res *res, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < res->ncols; i++)
		f->text[i] = db_str(res, 0, i) != NULL ? db_str(res, 0, i) : "";
}

static enum http_status
course_load(struct req *r, struct form *f)
{
	struct db_res res;
	enum http_status st;
	enum db_rc rc;

	if ((st = record_check(r, &course_edit_kind, r->ids[0], "course.open",
		 &res)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_COURSE_RAW, &res, DBP_I(r->ids[0]),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (res.nrows != 1)
		return HTTP_NOT_FOUND;
	fill(f, &res, CF__MAX);
	return HTTP_OK;
}

/* The active questions of course id's bank into *n.  The database's
 * outcome. */
static enum db_rc
bank_size(struct req *r, int64_t id, int64_t *n)
{
	struct db_res res;
	enum db_rc rc;

	*n = 0;
	if ((rc = DBQ(r, STMT_COURSE_GET, &res, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_I(id))) != DB_OK)
		return rc;
	if (res.nrows == 1)
		*n = db_int(&res, 0, "questions");
	return DB_OK;
}

/*
 * A course's form: its code's shape; and an attempt draws at most the
 * questions its bank has: more is refused beside the field, which names
 * the bank's size (course_form_head).  A course without questions yet
 * (a new one) may say how many it will draw; the course page says how
 * many are really drawn when the bank is smaller (questions removed
 * later).
 */
static enum http_status
course_check(struct req *r, struct form *f)
{
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	int64_t bank;

	if (r->nids > 0 &&
	    (st = record_check(r, &course_edit_kind, r->ids[0], "course.update",
		 &res)) != HTTP_OK)
		return st;
	if (f->error[CF_CODE] == NULL && !code_ok(f->text[CF_CODE]))
		form_error(f, CF_CODE, "course.code.shape");
	if (r->nids > 0 && f->error[CF_DRAW] == NULL) {
		if ((rc = bank_size(r, r->ids[0], &bank)) != DB_OK)
			return db_status(rc);
		if (bank > 0 && f->num[CF_DRAW] > bank)
			form_error_n(f, CF_DRAW, "course.draw.bank",
			    arena_printf(r->arena, "%lld", (long long)bank));
	}
	return HTTP_OK;
}

/* The fourteen columns after the code, in STMT_COURSE_*'s order. */
#define COURSE_VALUES(f)                                                       \
	DBP_S((f)->text[CF_TITLE_SR]), DBP_S((f)->text[CF_TITLE_BS]),          \
	    DBP_S((f)->text[CF_TITLE_EN]), DBP_S((f)->text[CF_SUM_SR]),        \
	    DBP_S((f)->text[CF_SUM_BS]), DBP_S((f)->text[CF_SUM_EN]),          \
	    DBP_I((f)->num[CF_MONTHS]), DBP_I((f)->num[CF_FIRST]),             \
	    DBP_I((f)->num[CF_DRAW]), DBP_I((f)->num[CF_MINUTES]),             \
	    DBP_I((f)->num[CF_PASS]), DBP_I((f)->num[CF_ATTEMPTS]),            \
	    DBP_I((f)->num[CF_DAYS]), DBP_S((f)->text[CF_STATUS])

/*
 * Saves a new course (r->nids == 0) or course r->ids[0], audited; a code
 * another course of the town has comes back (409).  A change of status
 * or validity reaches the professionals' next lapse at once.
 */
static enum http_status
course_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t id = r->nids > 0 ? r->ids[0] : 0;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	rc = id == 0
	    ? DBQ(r, STMT_COURSE_INSERT, &res, DBP_I(r->sess->municipality),
		  DBP_S(f->text[CF_CODE]), COURSE_VALUES(f))
	    : DBQ(r, STMT_COURSE_UPDATE, &res, DBP_S(f->text[CF_CODE]),
		  COURSE_VALUES(f), DBP_I(id), DBP_I(r->sess->municipality));
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		form_error(f, CF_CODE, "course.code.taken");
		return HTTP_CONFLICT;
	}
	if (rc != DB_OK)
		return db_undo(r, rc);
	if (id == 0)
		id = (int64_t)res.insert_id;
	if ((rc = training_refresh(r, 0)) != DB_OK ||
	    (rc = audit(r, r->nids > 0 ? "course.update" : "course.create",
		 "course", id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(
		r->arena, "/registry/training/courses/%lld", (long long)id),
	    "course-saved");
}

/* The course being edited, above its form. */
static int
course_head(struct req *r, struct xml *x, const struct form *f)
{
	return r->nids > 0 ? xml_attr_int(x, "course", r->ids[0]) : 0;
}

/* The course being edited (<… course="id">). */
static int
course_form_head(struct req *r, struct xml *x, const struct form *f)
{
	if (r->nids == 0)
		return 0;
	return xml_attr_int(x, "course", r->ids[0]);
}

static const struct form_page course_new_page = {
    .elem = "training-form",
    .page = "course-new",
    .method = "post",
    .action = "/registry/training/courses/new",
    .submit = "course.save",
    .fields = course_fields,
    .nfields = CF__MAX,
    .check = course_check,
    .save = course_save,
};

enum http_status
course_new(struct req *r, struct xml *x)
{
	struct form f;

	form_empty(r, CF__MAX, &f);
	/* The defaults of 0014, as a starting point. */
	f.text[CF_MONTHS] = "24";
	f.text[CF_FIRST] = "90";
	f.text[CF_DRAW] = "10";
	f.text[CF_MINUTES] = "20";
	f.text[CF_PASS] = "80";
	f.text[CF_ATTEMPTS] = "3";
	f.text[CF_DAYS] = "30";
	f.text[CF_STATUS] = "draft";
	return form_show(r, x, &course_new_page, &f);
}

enum http_status
course_create(struct req *r, struct xml *x)
{
	return form_post(r, x, &course_new_page);
}

static struct form_page
course_edit_page(struct req *r)
{
	struct form_page p = course_new_page;

	p.page = "course-edit";
	p.action = arena_printf(r->arena,
	    "/registry/training/courses/%lld/edit", (long long)r->ids[0]);
	p.load = course_load;
	p.extra = course_form_head;
	return p;
}

enum http_status
course_edit(struct req *r, struct xml *x)
{
	struct form_page p = course_edit_page(r);

	return form_get(r, x, &p);
}

enum http_status
course_update(struct req *r, struct xml *x)
{
	struct form_page p = course_edit_page(r);

	return form_post(r, x, &p);
}

/* --- a module ----------------------------------------------------------- */

enum {
	MF_POS,
	MF_TITLE_SR,
	MF_TITLE_BS,
	MF_TITLE_EN,
	MF_BODY_SR,
	MF_BODY_BS,
	MF_BODY_EN,
	MF__MAX
};
static const struct field module_fields[MF__MAX] = {
    {"position", VALID_INT, true, 1, 999, "module.position", "off", NULL, NULL},
    {"title_sr_latn", VALID_TEXT, true, 2, 200, "module.title.sr", "off", NULL,
	NULL},
    {"title_bs", VALID_TEXT, true, 2, 200, "module.title.bs", "off", NULL,
	NULL},
    {"title_en", VALID_TEXT, true, 2, 200, "module.title.en", "off", NULL,
	NULL},
    {"body_sr_latn", VALID_TEXT, true, 1, BODY_MAX_CHARS, "module.body.sr",
	"off", NULL, NULL},
    {"body_bs", VALID_TEXT, true, 1, BODY_MAX_CHARS, "module.body.bs", "off",
	NULL, NULL},
    {"body_en", VALID_TEXT, true, 1, BODY_MAX_CHARS, "module.body.en", "off",
	NULL, NULL},
};

/* The course (another town's: 404) before any module form. */
static enum http_status
module_check(struct req *r, struct form *f)
{
	struct db_res res;

	return record_check(
	    r, &course_edit_kind, r->ids[0], "module.update", &res);
}

static enum http_status
module_load(struct req *r, struct form *f)
{
	struct db_res res;
	enum http_status st;
	enum db_rc rc;

	if ((st = module_check(r, f)) != HTTP_OK)
		return st;
	if (r->nids < 2) {
		f->text[MF_POS] = "1";
		return HTTP_OK;
	}
	if ((rc = DBQ(r, STMT_MODULE_RAW, &res, DBP_I(r->ids[1]),
		 DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	if (res.nrows != 1)
		return HTTP_NOT_FOUND;
	fill(f, &res, MF__MAX);
	return HTTP_OK;
}

static enum http_status
module_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t cid = r->ids[0], id = r->nids > 1 ? r->ids[1] : 0;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	if (id == 0)
		rc = DBQ(r, STMT_MODULE_INSERT, &res, DBP_I(cid),
		    DBP_I(f->num[MF_POS]), DBP_S(f->text[MF_TITLE_SR]),
		    DBP_S(f->text[MF_TITLE_BS]), DBP_S(f->text[MF_TITLE_EN]),
		    DBP_S(f->text[MF_BODY_SR]), DBP_S(f->text[MF_BODY_BS]),
		    DBP_S(f->text[MF_BODY_EN]));
	else
		rc = DBQ(r, STMT_MODULE_UPDATE, &res, DBP_I(f->num[MF_POS]),
		    DBP_S(f->text[MF_TITLE_SR]), DBP_S(f->text[MF_TITLE_BS]),
		    DBP_S(f->text[MF_TITLE_EN]), DBP_S(f->text[MF_BODY_SR]),
		    DBP_S(f->text[MF_BODY_BS]), DBP_S(f->text[MF_BODY_EN]),
		    DBP_I(id), DBP_I(cid));
	if (rc != DB_OK)
		return db_undo(r, rc);
	if (id == 0)
		id = (int64_t)res.insert_id;
	if ((rc = audit(r, r->nids > 1 ? "module.update" : "module.create",
		 "course", cid, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena,
		"/registry/training/courses/%lld/modules/%lld", (long long)cid,
		(long long)id),
	    "module-saved");
}

static struct form_page
module_page(struct req *r)
{
	struct form_page p = {
	    .elem = "training-form",
	    .page = r->nids > 1 ? "module-edit" : "module-new",
	    .method = "post",
	    .submit = "module.save",
	    .fields = module_fields,
	    .nfields = MF__MAX,
	    .load = module_load,
	    .extra = course_head,
	    .check = module_check,
	    .save = module_save,
	};

	p.action = r->nids > 1
	    ? arena_printf(r->arena,
		  "/registry/training/courses/%lld/modules/%lld/edit",
		  (long long)r->ids[0], (long long)r->ids[1])
	    : arena_printf(r->arena,
		  "/registry/training/courses/%lld/modules/new",
		  (long long)r->ids[0]);
	return p;
}

enum http_status
module_form(struct req *r, struct xml *x)
{
	struct form_page p = module_page(r);

	return r->method == METHOD_POST ? form_post(r, x, &p)
					: form_get(r, x, &p);
}

/* --- a question ---------------------------------------------------------- */

static const char *const qtypes[] = {
    "single", "multiple", "truefalse", "matching", NULL};

enum {
	QF_CODE,
	QF_TYPE,
	QF_TEXT_SR,
	QF_TEXT_BS,
	QF_TEXT_EN,
	QF_OPT_SR,
	QF_OPT_BS,
	QF_OPT_EN,
	QF_ITEM_SR,
	QF_ITEM_BS,
	QF_ITEM_EN,
	QF_KEY,
	QF_ACTIVE,
	QF__MAX
};
static const struct field question_fields[QF__MAX] = {
    {"code", VALID_TEXT, true, 1, QDEF_CODE_MAX_BYTES, "question.code", "off",
	NULL, NULL},
    {"type", VALID_CHOICE, true, 0, 0, "question.type", NULL, qtypes,
	"question.type."},
    {"text_sr_latn", VALID_TEXT, true, 2, 1000, "question.text.sr", "off", NULL,
	NULL},
    {"text_bs", VALID_TEXT, true, 2, 1000, "question.text.bs", "off", NULL,
	NULL},
    {"text_en", VALID_TEXT, true, 2, 1000, "question.text.en", "off", NULL,
	NULL},
    {"options_sr_latn", VALID_TEXT, false, 0, OPT_LINES_MAX_CHARS,
	"question.options.sr", "off", NULL, NULL},
    {"options_bs", VALID_TEXT, false, 0, OPT_LINES_MAX_CHARS,
	"question.options.bs", "off", NULL, NULL},
    {"options_en", VALID_TEXT, false, 0, OPT_LINES_MAX_CHARS,
	"question.options.en", "off", NULL, NULL},
    {"items_sr_latn", VALID_TEXT, false, 0, OPT_LINES_MAX_CHARS,
	"question.items.sr", "off", NULL, NULL},
    {"items_bs", VALID_TEXT, false, 0, OPT_LINES_MAX_CHARS, "question.items.bs",
	"off", NULL, NULL},
    {"items_en", VALID_TEXT, false, 0, OPT_LINES_MAX_CHARS, "question.items.en",
	"off", NULL, NULL},
    {"key", VALID_TEXT, true, 1, 400, "question.key", "off", NULL, NULL},
    {"active", VALID_CHECKBOX, false, 0, 0, "question.active", NULL, NULL,
	NULL},
};

/* Lines "code = label" parsed: codes from sr-Latn, labels per locale. */
struct lines {
	size_t n;
	const char *code[QUIZ_OPTIONS_MAX];
	const char *label[3][QUIZ_OPTIONS_MAX]; /* sr-Latn, bs, en */
};

/* Trims s in place (it is the arena's copy) and returns it. */
static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/*
 * Parses the lines of locale l (0 sr-Latn, 1 bs, 2 en) of text into ln:
 * sr-Latn gives the codes, the others must name the same codes in the
 * same order.  Returns NULL, or the message key of what is wrong.
 */
static const char *
parse_lines(struct req *r, const char *text, int l, struct lines *ln)
{
	char *s = arena_strdup(r->arena, text), *line, *eq, *code, *label;
	size_t n = 0;

	while (s != NULL && *s != '\0') {
		line = s;
		if ((s = strchr(s, '\n')) != NULL)
			*s++ = '\0';
		if (*trim(line) == '\0')
			continue;
		if ((eq = strchr(line, '=')) == NULL)
			return "question.lines.shape";
		*eq = '\0';
		code = trim(line);
		label = trim(eq + 1);
		if (!code_ok(code) || *label == '\0' ||
		    utf8_chars(label, strlen(label)) > 300)
			return "question.lines.shape";
		if (n == QUIZ_OPTIONS_MAX)
			return "question.lines.many";
		if (l == 0) {
			for (size_t k = 0; k < n; k++)
				if (strcmp(ln->code[k], code) == 0)
					return "question.lines.twice";
			ln->code[n] = code;
		} else if (n >= ln->n || strcmp(ln->code[n], code) != 0)
			return "question.lines.codes";
		ln->label[l][n++] = label;
	}
	if (l == 0)
		ln->n = n;
	else if (n != ln->n)
		return "question.lines.codes";
	return NULL;
}

/* The question as the form checked it: what the save writes. */
struct qform {
	enum quiz_type type;
	struct lines opts, items;
	struct quiz_pairs key;
};

/* Finds code among ln's codes. */
static bool
has_code(const struct lines *ln, const char *code)
{
	size_t i;

	for (i = 0; i < ln->n; i++)
		if (strcmp(ln->code[i], code) == 0)
			return true;
	return false;
}

/*
 * Parses the key of the question q holds (its type and lines parsed):
 * codes separated by blanks, "item=option" for matching.  Returns NULL
 * or the message key of what is wrong.
 */
static const char *
parse_key(struct req *r, const char *text, struct qform *q)
{
	char *s = arena_strdup(r->arena, text), *w, *eq, *save = NULL;

	memset(&q->key, 0, sizeof(q->key));
	for (w = strtok_r(s, " \t\r\n,", &save); w != NULL;
	     w = strtok_r(NULL, " \t\r\n,", &save)) {
		if (q->type == QUIZ_MATCHING) {
			if ((eq = strchr(w, '=')) == NULL)
				return "question.key.matching";
			*eq = '\0';
			if (!has_code(&q->items, w) ||
			    !has_code(&q->opts, eq + 1))
				return "question.key.codes";
			if (quiz_pairs_add(&q->key, w, eq + 1) == -1)
				return "question.lines.many";
			continue;
		}
		if (!has_code(&q->opts, w))
			return "question.key.codes";
		if (quiz_pairs_add(&q->key, "", w) == -1)
			return "question.lines.many";
	}
	if (q->key.n == 0)
		return "question.key.codes";
	if ((q->type == QUIZ_SINGLE || q->type == QUIZ_TRUEFALSE) &&
	    q->key.n != 1)
		return "question.key.one";
	if (q->type == QUIZ_MATCHING && q->key.n != q->items.n)
		return "question.key.matching";
	return NULL;
}

/* Parses the whole question into q; errors go to their fields. */
static void
question_parse(struct req *r, struct form *f, struct qform *q)
{
	static const size_t opt[3] = {QF_OPT_SR, QF_OPT_BS, QF_OPT_EN};
	static const size_t item[3] = {QF_ITEM_SR, QF_ITEM_BS, QF_ITEM_EN};
	const char *e;
	int l;

	memset(q, 0, sizeof(*q));
	q->type = quiz_type_from(f->text[QF_TYPE]);
	if (f->error[QF_CODE] == NULL && !code_ok(f->text[QF_CODE]))
		form_error(f, QF_CODE, "course.code.shape");
	if (q->type == QUIZ__MAX)
		return;
	if (q->type == QUIZ_TRUEFALSE) {
		/* Its options are fixed; their words are the catalogue's. */
		q->opts.n = 2;
		q->opts.code[0] = "true";
		q->opts.code[1] = "false";
		for (l = 0; l < 3; l++)
			q->opts.label[l][0] = q->opts.label[l][1] = "";
	} else
		for (l = 0; l < 3; l++)
			if (f->error[opt[l]] == NULL &&
			    (e = parse_lines(
				 r, f->text[opt[l]], l, &q->opts)) != NULL)
				form_error(f, opt[l], e);
	if (q->type != QUIZ_TRUEFALSE && q->opts.n < 2 &&
	    f->error[QF_OPT_SR] == NULL)
		form_error(f, QF_OPT_SR, "question.options.few");
	if (q->type == QUIZ_MATCHING) {
		for (l = 0; l < 3; l++)
			if (f->error[item[l]] == NULL &&
			    (e = parse_lines(
				 r, f->text[item[l]], l, &q->items)) != NULL)
				form_error(f, item[l], e);
		if (q->items.n < 2 && f->error[QF_ITEM_SR] == NULL)
			form_error(f, QF_ITEM_SR, "question.items.few");
	}
	if (f->nerrors == 0 && f->error[QF_KEY] == NULL &&
	    (e = parse_key(r, f->text[QF_KEY], q)) != NULL)
		form_error(f, QF_KEY, e);
}

/* Appends s to json as a JSON string, escaped. */
static void
json_str(struct buf *json, const char *s)
{
	buf_addc(json, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(json, '\\');
		if ((unsigned char)*s < 0x20)
			buf_printf(json, "\\u%04x", (unsigned char)*s);
		else
			buf_addc(json, *s);
	}
	buf_addc(json, '"');
}

/* The options and items of q as STMT_OPTIONS_INSERT's JSON rows. */
static void
options_json(const struct qform *q, struct buf *json)
{
	const struct lines *ln;
	size_t i;
	int l, pass;
	bool first = true, ok;

	buf_addc(json, '[');
	for (pass = 0; pass < 2; pass++) {
		ln = pass == 0 ? &q->items : &q->opts;
		for (i = 0; i < ln->n; i++) {
			buf_printf(json, "%s[%d,", first ? "" : ",", pass == 0);
			json_str(json, ln->code[i]);
			for (l = 0; l < 3; l++) {
				buf_addc(json, ',');
				json_str(json, ln->label[l][i]);
			}
			ok = false;
			for (size_t k = 0; pass == 1 && k < q->key.n; k++)
				ok |= q->type != QUIZ_MATCHING &&
				    strcmp(q->key.option[k], ln->code[i]) == 0;
			buf_printf(json, ",%d,", ok);
			if (pass == 0) {
				for (size_t k = 0; k < q->key.n; k++)
					if (strcmp(q->key.item[k],
						ln->code[i]) == 0)
						json_str(
						    json, q->key.option[k]);
			} else
				buf_adds(json, "null");
			buf_addc(json, ']');
			first = false;
		}
	}
	buf_addc(json, ']');
}

static enum http_status
question_check(struct req *r, struct form *f)
{
	struct db_res res;
	struct qform q;
	enum http_status st;

	if ((st = record_check(r, &course_edit_kind, r->ids[0],
		 "question.update", &res)) != HTTP_OK)
		return st;
	question_parse(r, f, &q);
	return HTTP_OK;
}

/*
 * A question's form from its rows: the texts, then its options and items
 * as lines per locale, and its key.
 */
static enum http_status
question_load(struct req *r, struct form *f)
{
	struct db_res res, o;
	struct buf ln[7];
	enum http_status st;
	enum db_rc rc;
	size_t i, base;
	int l;
	bool item;

	if ((st = record_check(r, &course_edit_kind, r->ids[0], "question.open",
		 &res)) != HTTP_OK)
		return st;
	if (r->nids < 2) {
		f->text[QF_TYPE] = "single";
		f->present[QF_ACTIVE] = true;
		return HTTP_OK;
	}
	if ((rc = DBQ(r, STMT_QUESTION_RAW, &res, DBP_I(r->ids[1]),
		 DBP_I(r->ids[0]))) != DB_OK ||
	    (rc = DBQ(r, STMT_QUESTION_OPTIONS_RAW, &o, DBP_I(r->ids[1]))) !=
		DB_OK)
		return db_status(rc);
	if (res.nrows != 1)
		return HTTP_NOT_FOUND;
	for (i = 0; i < 5; i++)
		f->text[i] = db_str(&res, 0, i);
	f->present[QF_ACTIVE] = db_int(&res, 0, "active") == 1;
	for (i = 0; i < 7; i++)
		buf_init(&ln[i], BUF_NO_MAX);
	for (i = 0; i < o.nrows; i++) {
		item = db_int(&o, i, "item") == 1;
		base = item ? 3 : 0;
		for (l = 0; l < 3; l++)
			buf_printf(&ln[base + l], "%s = %s\n",
			    db_str(&o, i, "code"), db_str(&o, i, 2 + l));
		if (item)
			buf_printf(&ln[6], "%s=%s ", db_str(&o, i, "code"),
			    db_str(&o, i, "match_code"));
		else if (db_int(&o, i, "correct") == 1)
			buf_printf(&ln[6], "%s ", db_str(&o, i, "code"));
	}
	for (i = 0; i < 7; i++) {
		f->text[QF_OPT_SR + i] =
		    arena_strdup(r->arena, ln[i].p != NULL ? ln[i].p : "");
		buf_release(&ln[i]);
	}
	if (strcmp(f->text[QF_TYPE], "truefalse") == 0)
		f->text[QF_OPT_SR] = f->text[QF_OPT_BS] = f->text[QF_OPT_EN] =
		    "";
	return HTTP_OK;
}

static enum http_status
question_save(struct req *r, struct form *f)
{
	struct db_res res;
	struct qform q;
	struct buf json;
	enum db_rc rc;
	int64_t cid = r->ids[0], id = r->nids > 1 ? r->ids[1] : 0;
	bool on = f->present[QF_ACTIVE];

	question_parse(r, f, &q);
	if (f->nerrors > 0)
		return HTTP_UNPROCESSABLE;
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	rc = id == 0
	    ? DBQ(r, STMT_QUESTION_INSERT, &res, DBP_I(cid),
		  DBP_S(f->text[QF_CODE]), DBP_S(f->text[QF_TYPE]),
		  DBP_S(f->text[QF_TEXT_SR]), DBP_S(f->text[QF_TEXT_BS]),
		  DBP_S(f->text[QF_TEXT_EN]), DBP_I(on))
	    : DBQ(r, STMT_QUESTION_UPDATE, &res, DBP_S(f->text[QF_CODE]),
		  DBP_S(f->text[QF_TYPE]), DBP_S(f->text[QF_TEXT_SR]),
		  DBP_S(f->text[QF_TEXT_BS]), DBP_S(f->text[QF_TEXT_EN]),
		  DBP_I(on), DBP_I(id), DBP_I(cid));
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		form_error(f, QF_CODE, "course.code.taken");
		return HTTP_CONFLICT;
	}
	if (rc != DB_OK)
		return db_undo(r, rc);
	if (id == 0)
		id = (int64_t)res.insert_id;
	buf_init(&json, BUF_NO_MAX);
	options_json(&q, &json);
	rc = DBQ(r, STMT_OPTIONS_DELETE, NULL, DBP_I(id));
	if (rc == DB_OK)
		rc =
		    DBQ(r, STMT_OPTIONS_INSERT, NULL, DBP_I(id), DBP_S(json.p));
	buf_release(&json);
	if (rc != DB_OK ||
	    (rc = audit(r, r->nids > 1 ? "question.update" : "question.create",
		 "course", cid, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/registry/training/courses/%lld/questions",
		(long long)cid),
	    "question-saved");
}

static struct form_page
question_page(struct req *r)
{
	struct form_page p = {
	    .elem = "training-form",
	    .page = r->nids > 1 ? "question-edit" : "question-new",
	    .method = "post",
	    .submit = "question.save",
	    .fields = question_fields,
	    .nfields = QF__MAX,
	    .load = question_load,
	    .extra = course_head,
	    .check = question_check,
	    .save = question_save,
	};

	p.action = r->nids > 1
	    ? arena_printf(r->arena,
		  "/registry/training/courses/%lld/questions/%lld/edit",
		  (long long)r->ids[0], (long long)r->ids[1])
	    : arena_printf(r->arena,
		  "/registry/training/courses/%lld/questions/new",
		  (long long)r->ids[0]);
	return p;
}

enum http_status
question_form(struct req *r, struct xml *x)
{
	struct form_page p = question_page(r);

	return r->method == METHOD_POST ? form_post(r, x, &p)
					: form_get(r, x, &p);
}

/* --- the bank and its statistics ------------------------------------------ */

/*
 * GET /registry/training/courses/N/questions: the bank, each question
 * with how often it was shown and answered right, and the wrong choices
 * taken (option or item=option, with how often), most frequent first:
 * <course-stats><course/><question id code type text active shown
 * correct><wrong item option label n/>…</question>…</course-stats>.
 */
enum http_status
course_stats(struct req *r, struct xml *x)
{
	struct db_res c, qs, wr, act;
	enum http_status st;
	enum db_rc rc;
	int64_t cid = r->ids[0], qid;
	size_t i, k;

	if ((st = record_check(
		 r, &course_edit_kind, cid, "course.stats", &c)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_COURSE_GET, &c, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_I(cid))) != DB_OK ||
	    (rc = DBQ(r, STMT_STATS, &qs, DBP_LOCALE(r), DBP_I(cid))) !=
		DB_OK ||
	    (rc = DBQ(r, STMT_QUESTION_LIST, &act, DBP_LOCALE(r),
		 DBP_I(cid))) != DB_OK ||
	    (rc = DBQ(r, STMT_STATS_WRONG, &wr, DBP_LOCALE(r), DBP_I(cid))) !=
		DB_OK)
		return db_status(rc);
	training_cyrl(r, &c, "title");
	training_cyrl(r, &qs, "text");
	training_cyrl(r, &wr, "label");
	if (xml_start(x, "course-stats") == -1 ||
	    xml_rows(x, "course", &c) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < qs.nrows; i++) {
		qid = db_int(&qs, i, "id");
		if (xml_start(x, "question") == -1 ||
		    xml_row_attrs(x, &qs, i) == -1 ||
		    (i < act.nrows &&
			xml_attr(x, "active", db_str(&act, i, "active")) == -1))
			return HTTP_INTERNAL;
		for (k = 0; k < wr.nrows; k++)
			if (db_int(&wr, k, "question") == qid &&
			    (xml_start(x, "wrong") == -1 ||
				xml_row_attrs(x, &wr, k) == -1 ||
				xml_end(x) == -1))
				return HTTP_INTERNAL;
		if (xml_end(x) == -1)
			return HTTP_INTERNAL;
	}
	return xml_end(x) == -1 ? HTTP_INTERNAL : HTTP_OK;
}
