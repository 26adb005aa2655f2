/* SPDX-License-Identifier: ISC */
/*
 * test.c: taking a course's test (issue 16), identified rather than
 * anonymous, through the question engine (qanswer.c decodes a page's
 * answers, xslt/questions.xsl renders it).
 *
 * Start (POST …/courses/N/attempts) draws the course's number of
 * questions from its bank at random (quiz_draw(): getrandom(2), never the
 * same question twice, which test_attempt_question's unique key holds
 * too) and keeps them with a deadline (now + the course's minutes) in
 * the database, with a secret of its own that orders each question's
 * options (shuffle_items: never the bank's order, the same at every
 * reload); a worker may start as many attempts as the course allows
 * in its period.  The page (GET …/attempts/N) shows the drawn questions
 * in one form: single choice and true or false as radio buttons, multiple
 * choice as checkboxes, matching as a row of radio buttons per item (the
 * engine's matrix).  The key never reaches the page: the options are
 * written by hand here, without their "correct" column.  Sending the
 * form (POST …/attempts/N) is refused once the deadline (and
 * QUIZ_GRACE_SECONDS for a form in flight) has passed: the attempt ends
 * as late and the page says so.  Otherwise the answers are decoded,
 * scored (quiz_correct()), kept (test_attempt_answer, for the editors'
 * statistics) and, when the score reaches the pass mark, a certificate is
 * issued and the worker's next lapse recomputed in the same transaction,
 * so that access suspended for this course comes back at the next
 * request.  An attempt is only its taker's: anyone else gets 404,
 * audited.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"
#include "quiz.h"

static const struct record_kind attempt_kind = {
    .type = "test_attempt",
    .perms = PERM_STAFF,
    .stmt = STMT_ATTEMPT_SCOPE,
    .params = {SCOPE_MUNICIPALITY, SCOPE_ACCOUNT},
};

/* One drawn question, as the page and the scoring need it. */
struct tq {
	int64_t id;
	int64_t position;
	const char *code;
	const char *text;
	enum quiz_type type;
	size_t nopt, nitem;
	const char *opt[QUIZ_OPTIONS_MAX];
	const char *opt_label[QUIZ_OPTIONS_MAX];
	bool opt_ok[QUIZ_OPTIONS_MAX];
	const char *item[QUIZ_OPTIONS_MAX];
	const char *item_label[QUIZ_OPTIONS_MAX];
	const char *item_match[QUIZ_OPTIONS_MAX];
};

/* The drawn questions of an attempt, in their order. */
struct tqs {
	size_t n;
	struct tq *q;
};

/* Puts the n things of arr in the order perm (quiz_shuffle). */
static void
permute(const char **arr, const size_t *perm, size_t n)
{
	const char *t[QUIZ_OPTIONS_MAX] = {0};
	size_t i;

	for (i = 0; i < n; i++)
		t[i] = arr[perm[i]];
	memcpy(arr, t, n * sizeof(*arr));
}

/*
 * Puts each question's options (but true and false) and a matching
 * question's items in the attempt's own order: a shuffle from the stream
 * of the attempt's secret and the question's id ('o' for the options,
 * 'i' for the items), the same at every reload, never the bank's order
 * (where item n of a matching question goes with option n).  Scoring
 * goes by codes: the order changes nothing there.  Returns DB_OK, or
 * DB_ERROR when the digest fails (logged).
 */
static enum db_rc
shuffle_items(struct req *r, struct tqs *qs, uint64_t seed)
{
	struct quiz_stream s;
	size_t perm[QUIZ_OPTIONS_MAX], i, k;
	bool ok[QUIZ_OPTIONS_MAX];
	struct tq *t;

	for (i = 0; i < qs->n; i++) {
		t = &qs->q[i];
		if (t->type != QUIZ_TRUEFALSE) {
			quiz_stream_init(&s, seed, (uint64_t)t->id, 'o');
			if (quiz_shuffle(t->nopt, perm, quiz_stream_rand, &s) ==
			    -1)
				goto fail;
			permute(t->opt, perm, t->nopt);
			permute(t->opt_label, perm, t->nopt);
			for (k = 0; k < t->nopt; k++)
				ok[k] = t->opt_ok[perm[k]];
			memcpy(t->opt_ok, ok, t->nopt * sizeof(*ok));
		}
		quiz_stream_init(&s, seed, (uint64_t)t->id, 'i');
		if (quiz_shuffle(t->nitem, perm, quiz_stream_rand, &s) == -1)
			goto fail;
		permute(t->item, perm, t->nitem);
		permute(t->item_label, perm, t->nitem);
		permute(t->item_match, perm, t->nitem);
	}
	return DB_OK;
fail:
	LOGE("rid=%s the options of an attempt could not be shuffled", r->rid);
	return DB_ERROR;
}

/*
 * Loads attempt aid's questions with their options (one statement, rows
 * ordered by position, items first) into *qs.  Returns the database's
 * outcome; DB_ERROR for a question over QUIZ_OPTIONS_MAX (logged).
 */
static enum db_rc
load_items(struct req *r, int64_t aid, struct tqs *qs)
{
	struct db_res res;
	struct tq *q = NULL;
	enum db_rc rc;
	size_t i;
	int64_t pos;
	const char *oc;
	uint64_t shuffle = 0;

	memset(qs, 0, sizeof(*qs));
	if ((rc = DBQ(r, STMT_ATTEMPT_ITEMS, &res, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_I(aid))) != DB_OK)
		return rc;
	training_cyrl(r, &res, "text");
	training_cyrl(r, &res, "label");
	qs->q = arena_calloc(r->arena, res.nrows + 1, sizeof(*qs->q));
	for (i = 0; i < res.nrows; i++) {
		pos = db_int(&res, i, "position");
		shuffle = (uint64_t)db_int(&res, i, "shuffle");
		if (q == NULL || q->position != pos) {
			q = &qs->q[qs->n++];
			q->position = pos;
			q->id = db_int(&res, i, "question");
			q->code = db_str(&res, i, "code");
			q->text = db_str(&res, i, "text");
			q->type = quiz_type_from(db_str(&res, i, "type"));
		}
		if ((oc = db_str(&res, i, "option")) == NULL)
			continue;
		if (q->nopt == QUIZ_OPTIONS_MAX ||
		    q->nitem == QUIZ_OPTIONS_MAX) {
			LOGE("rid=%s question %lld has too many options",
			    r->rid, (long long)q->id);
			return DB_ERROR;
		}
		if (db_int(&res, i, "item") == 1) {
			q->item[q->nitem] = oc;
			q->item_label[q->nitem] = db_str(&res, i, "label");
			q->item_match[q->nitem++] = db_str(&res, i, "match");
		} else {
			q->opt[q->nopt] = oc;
			q->opt_label[q->nopt] = db_str(&res, i, "label");
			q->opt_ok[q->nopt++] = db_int(&res, i, "correct") == 1;
		}
	}
	return shuffle_items(r, qs, shuffle);
}

/*
 * The question engine's model of the drawn questions: one page, no
 * conditions, nothing required (an unanswered question is simply
 * wrong).  Single and true-or-false questions are single choices,
 * matching is a matrix (items as rows, options as the scale).  In the
 * arena.
 */
static struct qdef *
build_def(struct req *r, const struct tqs *qs)
{
	struct qdef *d = arena_calloc(r->arena, 1, sizeof(*d));
	struct qquestion *qq;
	const struct tq *t;
	size_t i, k;

	d->slug = "test";
	d->group_question = QDEF_NONE;
	d->pages = arena_calloc(r->arena, 1, sizeof(*d->pages));
	d->npages = 1;
	d->pages[0].code = "test";
	d->pages[0].n = qs->n;
	d->questions = arena_calloc(r->arena, qs->n + 1, sizeof(*qq));
	d->nquestions = qs->n;
	for (i = 0; i < qs->n; i++) {
		t = &qs->q[i];
		qq = &d->questions[i];
		qq->code = t->code;
		qq->text.s[r->locale] = t->text;
		qq->text.given = 1u << r->locale;
		qq->type = t->type == QUIZ_MULTIPLE ? QTYPE_MULTIPLE
		    : t->type == QUIZ_MATCHING	    ? QTYPE_MATRIX
						    : QTYPE_SINGLE;
		qq->opts =
		    arena_calloc(r->arena, t->nopt + 1, sizeof(*qq->opts));
		qq->nopts = t->nopt;
		for (k = 0; k < t->nopt; k++)
			qq->opts[k].code = t->opt[k];
		qq->items =
		    arena_calloc(r->arena, t->nitem + 1, sizeof(*qq->items));
		qq->nitems = t->nitem;
		for (k = 0; k < t->nitem; k++)
			qq->items[k].code = t->item[k];
	}
	return d;
}

/* True when the answers a hold option opt (of item, "" for none) of q. */
static bool
picked(
    const struct qanswers *a, const char *q, const char *item, const char *opt)
{
	size_t i;

	for (i = 0; a != NULL && i < a->n; i++)
		if (strcmp(a->v[i].question, q) == 0 &&
		    strcmp(a->v[i].item, item) == 0 && a->v[i].option != NULL &&
		    strcmp(a->v[i].option, opt) == 0)
			return true;
	return false;
}

/* The option of item of question q among the answers a, or NULL. */
static const char *
picked_of(const struct qanswers *a, const char *q, const char *item)
{
	size_t i;

	for (i = 0; a != NULL && i < a->n; i++)
		if (strcmp(a->v[i].question, q) == 0 &&
		    strcmp(a->v[i].item, item) == 0)
			return a->v[i].option;
	return NULL;
}

/*
 * Writes one drawn question in questions.xsl's contract, numbered n (the
 * n-1th of the engine's model), with what a (may be NULL) holds checked
 * and its errors from errs (may be NULL); the options without their key.
 * Returns 0 or -1.
 */
static int
write_question(struct req *r, struct xml *x, const struct tq *t, size_t n,
    const struct qanswers *a, const struct qerrors *errs)
{
	const char *f = qanswer_field(r->arena, t->code, NULL);
	const char *type = t->type == QUIZ_MULTIPLE ? "multiple"
	    : t->type == QUIZ_MATCHING		    ? "matrix"
						    : "single";
	size_t i;

	if (xml_start(x, "question") == -1 ||
	    xml_attr(x, "code", t->code) == -1 ||
	    xml_attr(x, "type", type) == -1 || xml_attr(x, "field", f) == -1 ||
	    xml_attr(x, "kind", quiz_type_names[t->type]) == -1 ||
	    xml_elem_text(x, "text",
		arena_printf(r->arena, "%zu. %s", n,
		    t->text != NULL ? t->text : "")) == -1)
		return -1;
	for (i = 0; i < t->nopt; i++) {
		if (xml_start(x, "option") == -1 ||
		    xml_attr(x, "code", t->opt[i]) == -1 ||
		    xml_attr(x, "checked",
			t->type != QUIZ_MATCHING &&
				picked(a, t->code, "", t->opt[i])
			    ? "1"
			    : NULL) == -1)
			return -1;
		if (t->type == QUIZ_TRUEFALSE
			? xml_attr(x, "key",
			      arena_printf(r->arena, "test.%s", t->opt[i])) ==
			    -1
			: xml_text(x, t->opt_label[i]) == -1)
			return -1;
		if (xml_end(x) == -1)
			return -1;
	}
	for (i = 0; i < t->nitem; i++)
		if (xml_start(x, "item") == -1 ||
		    xml_attr(x, "code", t->item[i]) == -1 ||
		    xml_attr(x, "field",
			qanswer_field(r->arena, t->code, t->item[i])) == -1 ||
		    xml_attr(x, "value", picked_of(a, t->code, t->item[i])) ==
			-1 ||
		    xml_text(x, t->item_label[i]) == -1 || xml_end(x) == -1)
			return -1;
	for (i = 0; errs != NULL && i < errs->n; i++)
		if (errs->e[i].question == n - 1 &&
		    (xml_start(x, "error") == -1 ||
			xml_attr(x, "key", errs->e[i].key) == -1 ||
			xml_attr(x, "n", errs->e[i].param) == -1 ||
			xml_attr(x, "field", errs->e[i].field) == -1 ||
			xml_end(x) == -1))
			return -1;
	return xml_end(x);
}

/*
 * Writes the attempt's form: <questions action errors error><question/>…
 * <button/></questions>, with what a holds checked (NULL: nothing) and
 * the errors of errs beside their questions.  Returns 0 or -1.
 */
static int
write_questions(struct req *r, struct xml *x, int64_t aid, const struct tqs *qs,
    const struct qanswers *a, const struct qerrors *errs, const char *problem)
{
	size_t i;

	if (xml_start(x, "questions") == -1 ||
	    xml_attr(x, "action",
		arena_printf(r->arena, "/registry/training/attempts/%lld",
		    (long long)aid)) == -1 ||
	    xml_attr_int(x, "errors",
		(int64_t)(errs != NULL ? errs->n : 0) + (problem != NULL)) ==
		-1 ||
	    xml_attr(x, "error", problem) == -1)
		return -1;
	for (i = 0; i < qs->n; i++)
		if (write_question(r, x, &qs->q[i], i + 1, a, errs) == -1)
			return -1;
	if (xml_start(x, "button") == -1 || xml_attr(x, "name", "go") == -1 ||
	    xml_attr(x, "value", "submit") == -1 ||
	    xml_attr(x, "key", "test.submit") == -1 || xml_end(x) == -1)
		return -1;
	return xml_end(x);
}

/*
 * Writes <attempt …/> (the scope row: status, score, total, times) with
 * the course's title and pass mark, and for a passed attempt its
 * <certificate code valid-to/>.  Returns 0 or -1.
 */
static int
write_attempt(struct req *r, struct xml *x, const struct db_res *a,
    const struct db_res *c, const struct db_res *cert)
{
	if (xml_start(x, "attempt") == -1 || xml_row_attrs(x, a, 0) == -1 ||
	    xml_attr(x, "title", db_str(c, 0, "title")) == -1 ||
	    xml_attr(x, "pass", db_str(c, 0, "pass")) == -1 ||
	    xml_attr(x, "minutes", db_str(c, 0, "minutes")) == -1 ||
	    xml_end(x) == -1)
		return -1;
	return cert != NULL ? xml_rows(x, "certificate", cert) : 0;
}

/* The course of attempt row a, with its texts in the page's locale. */
static enum db_rc
attempt_course(struct req *r, const struct db_res *a, struct db_res *c)
{
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_COURSE_GET, c, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_I(db_int(a, 0, "course")))) != DB_OK)
		return rc;
	training_cyrl(r, c, "title");
	return DB_OK;
}

/*
 * A test refused before it starts (no professional, no questions, the
 * attempts of the period used): the course's page says why, with
 * status st.  <test-refused key course next-at?/>.
 */
static enum http_status
refused(struct req *r, struct xml *x, enum http_status st, const char *key,
    int64_t cid, const char *next)
{
	r->render = true;
	if (xml_start(x, "test-refused") == -1 ||
	    xml_attr(x, "key", key) == -1 ||
	    xml_attr_int(x, "course", cid) == -1 ||
	    xml_attr_time(x, "next-at", next) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return st;
}

/*
 * POST /registry/training/courses/N/attempts: a new attempt at the
 * course's test for the caller (a professional of the town): 303 to it,
 * or to the attempt still open; 409 when the caller is not in the
 * register or the bank is empty, 429 when the period's attempts are used
 * (the page says when the next is possible).
 */
enum http_status
attempt_start(struct req *r, struct xml *x)
{
	struct db_res c, mine, bank, ins;
	enum http_status st;
	enum db_rc rc;
	int64_t cid = r->ids[0], pid, days, aid;
	size_t drawn[QUIZ_DRAW_MAX], i;
	struct buf json;
	int64_t shuffle;
	int n;

	if ((st = record_check(r, &course_kind, cid, "test.start", &c)) !=
	    HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_COURSE_GET, &c, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_I(cid))) != DB_OK ||
	    (rc = training_me(r, &pid)) != DB_OK)
		return db_status(rc);
	if (pid == 0)
		return refused(
		    r, x, HTTP_CONFLICT, "test.not-professional", cid, NULL);
	days = db_int(&c, 0, "attempts-days");
	if ((rc = DBQ(r, STMT_COURSE_MINE, &mine, DBP_I(pid), DBP_I(cid),
		 DBP_I(pid), DBP_I(cid), DBP_I(days), DBP_I(pid), DBP_I(cid),
		 DBP_I(days), DBP_I(pid), DBP_I(cid), DBP_I(days))) != DB_OK)
		return db_status(rc);
	if (db_str(&mine, 0, "open") != NULL) {
		r->redirect = arena_printf(r->arena,
		    "/registry/training/attempts/%s", db_str(&mine, 0, "open"));
		return HTTP_SEE_OTHER;
	}
	if (db_int(&mine, 0, "used") >= db_int(&c, 0, "attempts"))
		return refused(r, x, HTTP_TOO_MANY, "test.attempts.used", cid,
		    db_str(&mine, 0, "next-at"));
	if ((rc = DBQ(r, STMT_BANK, &bank, DBP_I(cid))) != DB_OK)
		return db_status(rc);
	n = quiz_draw(bank.nrows, (size_t)db_int(&c, 0, "draw"), drawn,
	    quiz_getrandom, NULL);
	if (n <= 0)
		return refused(
		    r, x, HTTP_CONFLICT, "test.no-questions", cid, NULL);
	/* The attempt's secret order of options (shuffle_items). */
	if (quiz_getrandom(NULL, &shuffle, sizeof(shuffle)) == -1)
		return HTTP_INTERNAL;
	buf_init(&json, BUF_NO_MAX);
	buf_addc(&json, '[');
	for (i = 0; i < (size_t)n; i++)
		buf_printf(&json, "%s%s", i > 0 ? "," : "",
		    db_str(&bank, drawn[i], "id"));
	buf_addc(&json, ']');
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_ATTEMPT_INSERT, &ins, DBP_I(cid), DBP_I(pid),
		 DBP_I(db_int(&c, 0, "minutes")), DBP_I(n), DBP_I(shuffle))) !=
		DB_OK) {
		buf_release(&json);
		return db_undo(r, rc);
	}
	aid = (int64_t)ins.insert_id;
	rc = DBQ(r, STMT_ATTEMPT_DRAWN, NULL, DBP_I(aid), DBP_S(json.p));
	buf_release(&json);
	if (rc != DB_OK ||
	    (rc = audit(r, "test.start", "test_attempt", aid, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	r->redirect = arena_printf(
	    r->arena, "/registry/training/attempts/%lld", (long long)aid);
	return HTTP_SEE_OTHER;
}

/*
 * Ends attempt aid as late when its time (and the grace) is up.
 * Returns the database's outcome; *late true when it ended now.
 */
static enum db_rc
end_if_late(struct req *r, int64_t aid, bool *late)
{
	struct db_res res;
	enum db_rc rc;

	*late = false;
	if ((rc = DBQ(r, STMT_ATTEMPT_LATE, &res, DBP_I(aid),
		 DBP_I(QUIZ_GRACE_SECONDS))) != DB_OK)
		return rc;
	*late = res.affected == 1;
	if (*late)
		rc = audit(r, "test.late", "test_attempt", aid, "late");
	return rc;
}

/*
 * GET /registry/training/attempts/N: the caller's attempt: the questions
 * while it is open (with the deadline), else its result (and the
 * certificate a pass issued); an attempt whose time is up ends as late
 * here.  <attempt-page><attempt …/><certificate/>?<questions/>?
 * </attempt-page>.
 */
enum http_status
attempt_show(struct req *r, struct xml *x)
{
	struct db_res a, c, cert;
	struct tqs qs;
	enum http_status st;
	enum db_rc rc;
	int64_t aid = r->ids[0];
	bool late, open;

	if ((st = record_check(r, &attempt_kind, aid, "test.read", &a)) !=
	    HTTP_OK)
		return st;
	open = strcmp(db_str(&a, 0, "status"), "open") == 0;
	if (open) {
		if ((rc = end_if_late(r, aid, &late)) != DB_OK)
			return db_status(rc);
		if (late &&
		    (st = record_check(
			 r, &attempt_kind, aid, "test.read", &a)) != HTTP_OK)
			return st;
		open = !late;
	}
	if ((rc = attempt_course(r, &a, &c)) != DB_OK ||
	    (rc = DBQ(r, STMT_CERT_OF_ATTEMPT, &cert, DBP_I(aid))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "attempt-page") == -1 ||
	    write_attempt(r, x, &a, &c, &cert) == -1)
		return HTTP_INTERNAL;
	if (open) {
		if ((rc = load_items(r, aid, &qs)) != DB_OK)
			return db_status(rc);
		if (write_questions(r, x, aid, &qs, NULL, NULL, NULL) == -1)
			return HTTP_INTERNAL;
	}
	return xml_end(x) == -1 ? HTTP_INTERNAL : HTTP_OK;
}

/* Appends s to json as a JSON string of a code: [a-z0-9_-] only. */
static void
json_code(struct buf *json, const char *s)
{
	buf_addc(json, '"');
	for (; *s != '\0'; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-' || *s == '_')
			buf_addc(json, *s);
	buf_addc(json, '"');
}

/*
 * Scores the answers a to the drawn questions qs: the number right, and
 * the JSON the statements take: marks [[position, 0|1], …] and answers
 * [[question, item, option], …].  Both bufs are the caller's.
 */
static unsigned
score(const struct tqs *qs, const struct qanswers *a, struct buf *marks,
    struct buf *answers)
{
	struct quiz_pairs key, given;
	const struct tq *t;
	unsigned right = 0;
	size_t i, k;
	bool ok, first = true;

	buf_addc(marks, '[');
	buf_addc(answers, '[');
	for (i = 0; i < qs->n; i++) {
		t = &qs->q[i];
		memset(&key, 0, sizeof(key));
		memset(&given, 0, sizeof(given));
		for (k = 0; k < t->nopt; k++)
			if (t->type != QUIZ_MATCHING && t->opt_ok[k])
				(void)quiz_pairs_add(&key, "", t->opt[k]);
		for (k = 0; k < t->nitem; k++)
			if (t->item_match[k] != NULL)
				(void)quiz_pairs_add(
				    &key, t->item[k], t->item_match[k]);
		for (k = 0; k < a->n; k++) {
			if (strcmp(a->v[k].question, t->code) != 0 ||
			    a->v[k].option == NULL)
				continue;
			(void)quiz_pairs_add(
			    &given, a->v[k].item, a->v[k].option);
			buf_printf(answers, "%s[%lld,", first ? "" : ",",
			    (long long)t->id);
			json_code(answers, a->v[k].item);
			buf_addc(answers, ',');
			json_code(answers, a->v[k].option);
			buf_addc(answers, ']');
			first = false;
		}
		ok = quiz_correct(&key, &given);
		right += ok;
		buf_printf(marks, "%s[%lld,%d]", i > 0 ? "," : "",
		    (long long)t->position, ok);
	}
	buf_addc(marks, ']');
	buf_addc(answers, ']');
	return right;
}

/*
 * Issues the certificate of passed attempt aid (course row c) to
 * professional pid and recomputes their next lapse, in the caller's
 * transaction.  Returns the database's outcome.
 */
static enum db_rc
issue(struct req *r, const struct db_res *c, int64_t pid, int64_t aid)
{
	char code[QUIZ_CODE_LEN + 1], today[11], until[11];
	struct db_res res;
	enum db_rc rc;

	training_today(today);
	if (quiz_code(code, quiz_getrandom, NULL) == -1 ||
	    quiz_valid_to(today, (int)db_int(c, 0, "months"), until) == -1)
		return DB_ERROR;
	if ((rc = DBQ(r, STMT_CERT_INSERT, &res, DBP_S(code), DBP_I(pid),
		 DBP_I(db_int(c, 0, "id")), DBP_I(aid), DBP_S(today),
		 DBP_S(until))) != DB_OK ||
	    (rc = audit(r, "certificate.issue", "certificate",
		 (int64_t)res.insert_id, "ok")) != DB_OK)
		return rc;
	return training_refresh(r, pid);
}

/*
 * POST /registry/training/attempts/N: the answers.  After the deadline
 * they are refused (409, the page says the time was up; the attempt ends
 * as late); a form whose token was refused comes back with what was
 * chosen (403); an answer naming no option of its question is shown
 * again (422).  Otherwise the attempt is scored, kept and closed (a
 * certificate when passed) in one transaction: 303 to its result.
 */
enum http_status
attempt_submit(struct req *r, struct xml *x)
{
	struct db_res a, c, res;
	struct qanswers prior, out;
	struct qerrors errs;
	struct tqs qs;
	struct qdef *d;
	struct buf marks, answers;
	enum http_status st;
	enum db_rc rc;
	int64_t aid = r->ids[0], pid;
	unsigned right;
	bool late, passed;

	if ((st = record_check(r, &attempt_kind, aid, "test.submit", &a)) !=
	    HTTP_OK)
		return st;
	if ((rc = attempt_course(r, &a, &c)) != DB_OK)
		return db_status(rc);
	if (strcmp(db_str(&a, 0, "status"), "open") != 0) {
		/* An attempt whose time ran out (ended by a reload or an
		 * earlier send) says so again, not "already finished". */
		r->render = true;
		if (xml_start(x, "attempt-page") == -1 ||
		    xml_attr(x, "refused",
			strcmp(db_str(&a, 0, "status"), "late") == 0
			    ? "late"
			    : "done") == -1 ||
		    write_attempt(r, x, &a, &c, NULL) == -1 || xml_end(x) == -1)
			return HTTP_INTERNAL;
		return HTTP_CONFLICT;
	}
	if ((rc = end_if_late(r, aid, &late)) != DB_OK)
		return db_status(rc);
	if (late) {
		r->render = true;
		if ((st = record_check(
			 r, &attempt_kind, aid, "test.submit", &a)) != HTTP_OK)
			return st;
		if (xml_start(x, "attempt-page") == -1 ||
		    xml_attr(x, "refused", "late") == -1 ||
		    write_attempt(r, x, &a, &c, NULL) == -1 || xml_end(x) == -1)
			return HTTP_INTERNAL;
		return HTTP_CONFLICT;
	}
	if ((rc = load_items(r, aid, &qs)) != DB_OK)
		return db_status(rc);
	d = build_def(r, &qs);
	memset(&prior, 0, sizeof(prior));
	qanswer_decode(r->arena, d, 0, &r->form, &prior, &out, &errs);
	if (errs.n > 0 || r->csrf_failed) {
		r->render = true;
		if (xml_start(x, "attempt-page") == -1 ||
		    write_attempt(r, x, &a, &c, NULL) == -1 ||
		    write_questions(r, x, aid, &qs, &out, &errs,
			r->csrf_failed ? "form.csrf" : "test.choice.invalid") ==
			-1 ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
		return r->csrf_failed ? HTTP_FORBIDDEN : HTTP_UNPROCESSABLE;
	}
	buf_init(&marks, BUF_NO_MAX);
	buf_init(&answers, BUF_NO_MAX);
	right = score(&qs, &out, &marks, &answers);
	passed =
	    quiz_passed(right, (unsigned)qs.n, (unsigned)db_int(&c, 0, "pass"));
	pid = db_int(&a, 0, "professional");
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_ATTEMPT_FINISH, &res,
		 DBP_S(passed ? "passed" : "failed"), DBP_I(right), DBP_I(aid),
		 DBP_I(QUIZ_GRACE_SECONDS))) != DB_OK)
		goto undo;
	if (res.affected != 1) {
		/* Sent twice at once, or the time ran out meanwhile. */
		db_rollback(r->w->db);
		buf_release(&marks);
		buf_release(&answers);
		r->redirect = arena_printf(r->arena,
		    "/registry/training/attempts/%lld", (long long)aid);
		return HTTP_SEE_OTHER;
	}
	if ((rc = DBQ(r, STMT_ATTEMPT_MARK, NULL, DBP_S(marks.p),
		 DBP_I(aid))) != DB_OK ||
	    (rc = DBQ(r, STMT_ANSWERS_INSERT, NULL, DBP_I(aid),
		 DBP_S(answers.p))) != DB_OK ||
	    (passed && (rc = issue(r, &c, pid, aid)) != DB_OK) ||
	    (rc = audit(r, "test.submit", "test_attempt", aid,
		 passed ? "passed" : "failed")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		goto undo;
	buf_release(&marks);
	buf_release(&answers);
	return form_done(r,
	    arena_printf(
		r->arena, "/registry/training/attempts/%lld", (long long)aid),
	    passed ? "test-passed" : "test-failed");
undo:
	buf_release(&marks);
	buf_release(&answers);
	return db_undo(r, rc);
}
