/* SPDX-License-Identifier: ISC */
/*
 * results.c: GET /surveys/<slug>/results, a survey's aggregate results.
 *
 * Public once the editor publishes them (results_published): completed
 * responses, per option counts and percentages, mean and median of
 * numbers and Likert items, never free text, and every count under the
 * municipality's k hidden with complementary suppression (cells.c) -- a
 * hidden count never reaches the XML, and a question answered by fewer
 * than k shows no counts at all.  ?group=<code> filters by respondent
 * group; the round the survey was copied from stands beside it when its
 * results are public too.  Editors and administrators of the
 * municipality see the same page without suppression, before
 * publication, with the free-text answers and a cross-tabulation of two
 * questions (?cross=a,b, or ?row=a&col=b from the page's form, which
 * lists the questions that can be crossed as <crossable>).  Everything is
 * aggregated in SQL.
 */
#include <stdlib.h>
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "surveys.h"

/* The aggregates of one survey (a round). */
struct agg {
	int64_t id;
	struct db_res groups, options, answered, numbers;
	struct db_res bygroup; /* public with groups: every group's counts */
	int64_t total;
};

/* The count of (question, item, option) in res, or 0. */
static int64_t
count_of(
    const struct db_res *res, const char *q, const char *item, const char *opt)
{
	size_t i;

	for (i = 0; i < res->nrows; i++)
		if (strcmp(db_str(res, i, "question"), q) == 0 &&
		    strcmp(db_str(res, i, "item"), item) == 0 &&
		    strcmp(db_str(res, i, "opt"), opt) == 0)
			return db_int(res, i, "n");
	return 0;
}

/* The row of (question, item) in a result with those columns, or -1. */
static ssize_t
row_of(const struct db_res *res, const char *q, const char *item)
{
	size_t i;

	for (i = 0; i < res->nrows; i++)
		if (strcmp(db_str(res, i, "question"), q) == 0 &&
		    (item == NULL || strcmp(db_str(res, i, "item"), item) == 0))
			return (ssize_t)i;
	return -1;
}

/*
 * Reads the aggregates of survey id for group g ("" for all); bygroup
 * too when the page is public (k > 0) and the survey has groups.
 */
static enum db_rc
agg_load(struct req *r, int64_t id, const char *g, bool bygroup, struct agg *a)
{
	enum db_rc rc;
	size_t i;

	a->id = id;
	a->total = 0;
	a->bygroup.nrows = 0;
	if (bygroup &&
	    (rc = DBQ(r, STMT_RESULTS_BY_GROUP, &a->bygroup, DBP_I(id))) !=
		DB_OK)
		return rc;
	if ((rc = DBQ(r, STMT_RESULTS_GROUPS, &a->groups, DBP_I(id), DBP_S(g),
		 DBP_S(g))) != DB_OK ||
	    (rc = DBQ(r, STMT_RESULTS_OPTIONS, &a->options, DBP_I(id), DBP_S(g),
		 DBP_S(g))) != DB_OK ||
	    (rc = DBQ(r, STMT_RESULTS_ANSWERED, &a->answered, DBP_I(id),
		 DBP_S(g), DBP_S(g))) != DB_OK ||
	    (rc = DBQ(r, STMT_RESULTS_NUMBERS, &a->numbers, DBP_I(id), DBP_S(g),
		 DBP_S(g))) != DB_OK)
		return rc;
	for (i = 0; i < a->groups.nrows; i++)
		a->total += db_int(&a->groups, i, "n");
	return DB_OK;
}

/*
 * How a cell is hidden: not, because it is under k (hidden="1", "fewer
 * than k"), or only because it would reveal such a cell (hidden="2": it
 * is not small, and the page must not say it is).
 */
enum cell_hide { CELL_SHOWN, CELL_SMALL, CELL_OTHER };

/* The way count n is hidden, given cells_suppress's verdict and k. */
static enum cell_hide
cell_hide(int64_t n, bool hidden, int64_t k)
{
	if (!hidden)
		return CELL_SHOWN;
	return n < k ? CELL_SMALL : CELL_OTHER;
}

/* Writes n, or hidden="1"/"2" when it is suppressed, and its percentage. */
static int
write_cell(struct req *r, struct xml *x, const char *prefix, int64_t n,
    enum cell_hide hidden, int64_t base)
{
	const char *an = arena_printf(r->arena, "%sn", prefix);
	const char *ap = arena_printf(r->arena, "%spct", prefix);
	const char *ah = arena_printf(r->arena, "%shidden", prefix);

	if (hidden != CELL_SHOWN)
		return xml_attr(x, ah, hidden == CELL_SMALL ? "1" : "2");
	if (xml_attr_int(x, an, n) == -1)
		return -1;
	if (base > 0 &&
	    xml_attr(x, ap,
		arena_printf(
		    r->arena, "%.1f", (double)n * 100.0 / (double)base)) == -1)
		return -1;
	return 0;
}

/* A mean or median as a number with at most two decimals. */
static const char *
figure(struct req *r, const char *s)
{
	return s == NULL ? NULL
			 : arena_printf(r->arena, "%.2f", strtod(s, NULL));
}

/*
 * The counts of the options (or scale points) of question q, item (""
 * for none), in a (pass 0) and prev (pass 1, or NULL), with what is
 * hidden under k: cells_suppress over the options, whose total is
 * published (or derivable from the percentages), and everything when
 * fewer than k answered.  any[] says whether a cell of the pass is
 * hidden: then no mean or median of it is shown either, for with the
 * shown cells it would pin the hidden ones.
 */
struct cells {
	size_t n;
	int64_t *cnt[2], base[2];
	bool *hide[2], any[2];
};

/*
 * Across the group filter (a public page with groups, a->bygroup): the
 * page of every group and the page of all are published, so the counts
 * of q (item) form a table, groups by options, whose row totals (a
 * group's page) and column totals (the page of all) are known.  A cell
 * of group g's page is hidden where cells_suppress_table() hides it in
 * that table, in which an option hidden on the page of all counts as
 * small in every group (else the groups' cells would add up to it).
 * Responses of no listed group are one more row.  Sets hide (group g's
 * page, g not ""), in place of cells_suppress()'s (its own complement
 * could be the lone hidden cell of its column).
 */
static void
across_groups(struct req *r, const struct qdef *d, const struct qquestion *q,
    const char *item, const struct agg *a, const char *g, int64_t k, size_t n,
    bool *hide)
{
	size_t rows = d->ngroups + 1, i, j, c, me = d->ngroups;
	int64_t *t = arena_calloc(r->arena, rows * n + 1, sizeof(int64_t));
	int64_t *all = arena_calloc(r->arena, n + 1, sizeof(int64_t));
	bool *th = arena_calloc(r->arena, rows * n + 1, sizeof(bool));
	bool *ah = arena_calloc(r->arena, n + 1, sizeof(bool));
	const char *grp, *opt;

	for (i = 0; i < a->bygroup.nrows; i++) {
		if (strcmp(db_str(&a->bygroup, i, "question"), q->code) != 0 ||
		    strcmp(db_str(&a->bygroup, i, "item"), item) != 0)
			continue;
		opt = db_str(&a->bygroup, i, "opt");
		for (c = 0; c < n; c++)
			if (strcmp(opt,
				c < q->nopts ? q->opts[c].code : "other") == 0)
				break;
		if (c == n)
			continue;
		grp = db_str(&a->bygroup, i, "grp");
		for (j = 0; j < d->ngroups; j++)
			if (strcmp(grp, d->groups[j].code) == 0)
				break;
		t[j * n + c] += db_int(&a->bygroup, i, "n");
		all[c] += db_int(&a->bygroup, i, "n");
	}
	for (j = 0; j < d->ngroups; j++)
		if (strcmp(g, d->groups[j].code) == 0)
			me = j;
	if (me == d->ngroups) { /* no such group: nothing shown */
		for (c = 0; c < n; c++)
			hide[c] = true;
		return;
	}
	cells_suppress(all, ah, n, k);
	for (c = 0; c < n; c++)
		if (ah[c])
			for (j = 0; j < rows; j++)
				if (t[j * n + c] > 0)
					t[j * n + c] = 1;
	cells_suppress_table(t, th, rows, n, k);
	for (c = 0; c < n; c++)
		hide[c] = th[me * n + c];
}

static void
cells_of(struct req *r, const struct qdef *d, const struct qquestion *q,
    const char *item, const struct agg *a, const struct agg *prev,
    const char *g, int64_t k, struct cells *c)
{
	const struct agg *ag[2] = {a, prev};
	size_t i, pass;
	ssize_t row;

	c->n = q->nopts + (q->other ? 1 : 0);
	for (pass = 0; pass < 2; pass++) {
		c->cnt[pass] =
		    arena_calloc(r->arena, c->n + 1, sizeof(int64_t));
		c->hide[pass] = arena_calloc(r->arena, c->n + 1, sizeof(bool));
		c->base[pass] = 0;
		c->any[pass] = false;
		if (ag[pass] == NULL)
			continue;
		for (i = 0; i < c->n; i++)
			c->cnt[pass][i] = count_of(&ag[pass]->options, q->code,
			    item, i < q->nopts ? q->opts[i].code : "other");
		if (*item != '\0')
			for (i = 0; i < c->n; i++)
				c->base[pass] += c->cnt[pass][i];
		else if ((row = row_of(&ag[pass]->answered, q->code, NULL)) >=
		    0)
			c->base[pass] =
			    db_int(&ag[pass]->answered, (size_t)row, "n");
		if (*g != '\0' && ag[pass]->bygroup.nrows > 0)
			across_groups(
			    r, d, q, item, ag[pass], g, k, c->n, c->hide[pass]);
		else
			cells_suppress(c->cnt[pass], c->hide[pass], c->n, k);
		if (c->base[pass] < k)
			for (i = 0; i < c->n; i++)
				c->hide[pass][i] = true;
		for (i = 0; i < c->n; i++)
			if (c->hide[pass][i])
				c->any[pass] = true;
	}
}

/*
 * Writes the options (or scale points) of question q as <option code n
 * pct hidden prev-n …>label</option>, from c (cells_of).
 */
static int
write_options(struct req *r, struct xml *x, const struct qquestion *q,
    const char *item, const struct cells *c, bool prev, int64_t k)
{
	const char *code;
	size_t i;

	if (c->base[0] >= k && *item == '\0' &&
	    (xml_start(x, "answered") == -1 ||
		xml_attr_int(x, "n", c->base[0]) == -1 || xml_end(x) == -1))
		return -1;
	for (i = 0; i < c->n; i++) {
		code = i < q->nopts ? q->opts[i].code : "other";
		if (xml_start(x, "option") == -1 ||
		    xml_attr(x, "code", code) == -1 ||
		    write_cell(r, x, "", c->cnt[0][i],
			cell_hide(c->cnt[0][i], c->hide[0][i], k),
			c->base[0]) == -1 ||
		    (prev &&
			write_cell(r, x, "prev-", c->cnt[1][i],
			    cell_hide(c->cnt[1][i], c->hide[1][i], k),
			    c->base[1]) == -1))
			return -1;
		if (i == q->nopts ? xml_attr(x, "key", "question.other") == -1
			: q->opts[i].label.given == 0
			? xml_attr(x, "key",
			      arena_printf(r->arena, "question.%s", code)) == -1
			: xml_text(
			      x, qdef_text(&q->opts[i].label, r->locale)) == -1)
			return -1;
		if (xml_end(x) == -1)
			return -1;
	}
	return 0;
}

/*
 * Writes mean="…" median="…" n="…" of (question, item), or stats-hidden:
 * "1" when fewer than k answered, "2" when a count beside it is hidden
 * (cells), which the figures would reveal.
 */
static int
write_stats(struct req *r, struct xml *x, const struct agg *a, const char *q,
    const char *item, int64_t k, const char *prefix, bool cells)
{
	ssize_t row = a != NULL ? row_of(&a->numbers, q, item) : -1;
	int64_t n;

	if (row < 0)
		return 0;
	n = db_int(&a->numbers, (size_t)row, "n");
	if (n < k || cells)
		return xml_attr(x,
		    arena_printf(r->arena, "%sstats-hidden", prefix),
		    n < k ? "1" : "2");
	if (xml_attr_int(x, arena_printf(r->arena, "%sstats-n", prefix), n) ==
		-1 ||
	    xml_attr(x, arena_printf(r->arena, "%smean", prefix),
		figure(r, db_str(&a->numbers, (size_t)row, "mean"))) == -1 ||
	    xml_attr(x, arena_printf(r->arena, "%smedian", prefix),
		figure(r, db_str(&a->numbers, (size_t)row, "median"))) == -1)
		return -1;
	return 0;
}

/* Free text of question q (editors only): <answer-text>…</answer-text>. */
static int
write_texts(struct xml *x, const struct db_res *texts, const char *q)
{
	size_t i;

	for (i = 0; i < texts->nrows; i++)
		if (strcmp(db_str(texts, i, "question"), q) == 0 &&
		    xml_elem_text(x, "answer-text", db_str(texts, i, "text")) ==
			-1)
			return -1;
	return 0;
}

/* One question's results: <question code type><text/>…</question>. */
static int
write_question(struct req *r, struct xml *x, const struct qdef *d,
    const struct qquestion *q, const struct agg *a, const struct agg *prev,
    const char *g, int64_t k, const struct db_res *texts)
{
	struct cells c;
	size_t i;

	if (q->type == QTYPE_DATE ||
	    (texts == NULL &&
		(q->type == QTYPE_TEXT || q->type == QTYPE_LONGTEXT)))
		return 0;
	if (xml_start(x, "question") == -1 ||
	    xml_attr(x, "code", q->code) == -1 ||
	    xml_attr(x, "type", qtype_names[q->type]) == -1)
		return -1;
	/* A number's figures are attributes: before any child. */
	if (q->type == QTYPE_NUMBER &&
	    (write_stats(r, x, a, q->code, "", k, "", false) == -1 ||
		(prev != NULL &&
		    write_stats(r, x, prev, q->code, "", k, "prev-", false) ==
			-1)))
		return -1;
	if (xml_elem_text(x, "text", qdef_text(&q->text, r->locale)) == -1)
		return -1;
	switch (q->type) {
	case QTYPE_SINGLE:
	case QTYPE_MULTIPLE:
	case QTYPE_DROPDOWN:
	case QTYPE_YESNO:
	case QTYPE_GROUP:
		cells_of(r, d, q, "", a, prev, g, k, &c);
		if (write_options(r, x, q, "", &c, prev != NULL, k) == -1 ||
		    (texts != NULL && q->other &&
			write_texts(x, texts, q->code) == -1))
			return -1;
		break;
	case QTYPE_MATRIX:
		for (i = 0; i < q->nitems; i++) {
			cells_of(r, d, q, q->items[i].code, a, prev, g, k, &c);
			if (xml_start(x, "item") == -1 ||
			    xml_attr(x, "code", q->items[i].code) == -1 ||
			    xml_attr(x, "label",
				qdef_text(&q->items[i].label, r->locale)) ==
				-1 ||
			    write_stats(r, x, a, q->code, q->items[i].code, k,
				"", c.any[0]) == -1 ||
			    (prev != NULL &&
				write_stats(r, x, prev, q->code,
				    q->items[i].code, k, "prev-",
				    c.any[1]) == -1) ||
			    write_options(r, x, q, q->items[i].code, &c,
				prev != NULL, k) == -1 ||
			    xml_end(x) == -1)
				return -1;
		}
		break;

	case QTYPE_TEXT:
	case QTYPE_LONGTEXT:
		if (write_texts(x, texts, q->code) == -1)
			return -1;
		break;
	default:
		break;
	}
	return xml_end(x);
}

/* A choice question that can be cross-tabulated, by code; or NULL. */
static const struct qquestion *
crossable(const struct qdef *d, const char *code, size_t len)
{
	size_t i;

	for (i = 0; i < d->nquestions; i++)
		if (strlen(d->questions[i].code) == len &&
		    strncmp(d->questions[i].code, code, len) == 0 &&
		    (d->questions[i].type == QTYPE_SINGLE ||
			d->questions[i].type == QTYPE_DROPDOWN ||
			d->questions[i].type == QTYPE_YESNO ||
			d->questions[i].type == QTYPE_GROUP ||
			d->questions[i].type == QTYPE_MULTIPLE))
			return &d->questions[i];
	return NULL;
}

/*
 * <crossable code>text</crossable> for each question an editor may
 * cross-tabulate: the choices of the page's cross-tabulation form.
 */
static int
write_crossable(struct req *r, struct xml *x, const struct qdef *d)
{
	size_t i;

	for (i = 0; i < d->nquestions; i++) {
		const char *c = d->questions[i].code;

		if (crossable(d, c, strlen(c)) == NULL)
			continue;
		if (xml_start(x, "crossable") == -1 ||
		    xml_attr(x, "code", c) == -1 ||
		    xml_text(x, qdef_text(&d->questions[i].text, r->locale)) ==
			-1 ||
		    xml_end(x) == -1)
			return -1;
	}
	return 0;
}

/* The label of option code of q in the request's locale (or the code). */
static int
write_label(
    struct req *r, struct xml *x, const struct qquestion *q, const char *code)
{
	size_t o = qdef_option(q, code);

	if (o == QDEF_NONE || q->opts[o].label.given == 0)
		return xml_attr(
		    x, "key", arena_printf(r->arena, "question.%s", code));
	return xml_attr(x, "label", qdef_text(&q->opts[o].label, r->locale));
}

/*
 * ?cross=a,b (editors): <cross><a/><b/><row code><cell code n/></row>
 * </cross>, one row per option of a, one cell per option of b.
 */
static enum http_status
write_cross(struct req *r, struct xml *x, const struct survey *s, const char *g,
    const char *spec)
{
	const struct qquestion *qa, *qb;
	const char *comma = strchr(spec, ',');
	struct db_res res;
	enum db_rc rc;
	size_t i, j, k;
	int64_t n;

	if (comma == NULL ||
	    (qa = crossable(s->def, spec, (size_t)(comma - spec))) == NULL ||
	    (qb = crossable(s->def, comma + 1, strlen(comma + 1))) == NULL ||
	    qa == qb)
		return HTTP_OK;
	if ((rc = DBQ(r, STMT_RESULTS_CROSS, &res, DBP_I(s->id), DBP_S(g),
		 DBP_S(g), DBP_S(qa->code), DBP_S(qb->code))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "cross") == -1 || xml_attr(x, "a", qa->code) == -1 ||
	    xml_attr(x, "b", qb->code) == -1 ||
	    xml_elem_text(x, "a-text", qdef_text(&qa->text, r->locale)) == -1 ||
	    xml_elem_text(x, "b-text", qdef_text(&qb->text, r->locale)) == -1)
		return HTTP_INTERNAL;
	for (j = 0; j < qb->nopts; j++)
		if (xml_start(x, "col") == -1 ||
		    xml_attr(x, "code", qb->opts[j].code) == -1 ||
		    write_label(r, x, qb, qb->opts[j].code) == -1 ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	for (i = 0; i < qa->nopts; i++) {
		if (xml_start(x, "row") == -1 ||
		    xml_attr(x, "code", qa->opts[i].code) == -1 ||
		    write_label(r, x, qa, qa->opts[i].code) == -1)
			return HTTP_INTERNAL;
		for (j = 0; j < qb->nopts; j++) {
			for (n = 0, k = 0; k < res.nrows; k++)
				if (strcmp(db_str(&res, k, "a"),
					qa->opts[i].code) == 0 &&
				    strcmp(db_str(&res, k, "b"),
					qb->opts[j].code) == 0)
					n = db_int(&res, k, "n");
			if (xml_start(x, "cell") == -1 ||
			    xml_attr_int(x, "n", n) == -1 || xml_end(x) == -1)
				return HTTP_INTERNAL;
		}
		if (xml_end(x) == -1)
			return HTTP_INTERNAL;
	}
	return xml_end(x) == -1 ? HTTP_INTERNAL : HTTP_OK;
}

/* <groups><group code n hidden label/>…</groups>: who answered. */
static int
write_groups(struct req *r, struct xml *x, const struct qdef *d,
    const struct agg *a, int64_t k, const char *g)
{
	int64_t *cnt = arena_calloc(r->arena, d->ngroups + 1, sizeof(int64_t));
	bool *hide = arena_calloc(r->arena, d->ngroups + 1, sizeof(bool));
	size_t i, j;

	for (i = 0; i < d->ngroups; i++)
		for (j = 0; j < a->groups.nrows; j++)
			if (db_str(&a->groups, j, "group") != NULL &&
			    strcmp(db_str(&a->groups, j, "group"),
				d->groups[i].code) == 0)
				cnt[i] = db_int(&a->groups, j, "n");
	cells_suppress(cnt, hide, d->ngroups, k);
	if (xml_start(x, "groups") == -1 || xml_attr(x, "current", g) == -1)
		return -1;
	for (i = 0; i < d->ngroups; i++)
		if (xml_start(x, "group") == -1 ||
		    xml_attr(x, "code", d->groups[i].code) == -1 ||
		    xml_attr(x, "label",
			qdef_text(&d->groups[i].label, r->locale)) == -1 ||
		    write_cell(r, x, "", cnt[i],
			cell_hide(cnt[i], hide[i] || a->total < k, k),
			0) == -1 ||
		    xml_end(x) == -1)
			return -1;
	return xml_end(x);
}

/*
 * GET /surveys/<slug>/results -> <results editor k total group><survey/>
 * <round/><groups/><question/>…<cross/></results>.  404 when the results
 * are not public and the caller is no editor of the municipality.
 */
enum http_status
results_show(struct req *r, struct xml *x)
{
	struct survey s;
	struct agg a, pa, *prev = NULL;
	struct db_res round, texts;
	const char *g = kv_get(&r->query, "group"), *cross;
	enum http_status st;
	enum db_rc rc;
	bool editor, bygroup;
	int64_t k;
	size_t i;

	if ((st = survey_load(r, &s)) != HTTP_OK)
		return st;
	editor = survey_editor(r) && r->sess->municipality == s.m.id;
	if (!s.published && !editor)
		return HTTP_NOT_FOUND;
	k = editor ? 0 : s.m.k;
	if (g != NULL) {
		for (i = 0; i < s.def->ngroups; i++)
			if (strcmp(s.def->groups[i].code, g) == 0)
				break;
		if (i == s.def->ngroups)
			g = NULL;
	}
	if (g == NULL)
		g = "";
	bygroup = k > 0 && s.def->ngroups > 0;
	if ((rc = agg_load(r, s.id, g, bygroup, &a)) != DB_OK)
		return db_status(rc);
	round.nrows = 0;
	if (s.copied_from != 0) {
		if ((rc = DBQ(r, STMT_SURVEY_ROUND, &round, DBP_LOCALE(r),
			 DBP_I(s.copied_from))) != DB_OK)
			return db_status(rc);
		if (round.nrows == 1 &&
		    (editor || db_int(&round, 0, "published") == 1)) {
			if ((rc = agg_load(
				 r, s.copied_from, g, bygroup, &pa)) != DB_OK)
				return db_status(rc);
			prev = &pa;
		}
	}
	texts.nrows = 0;
	if (editor &&
	    (rc = DBQ(r, STMT_RESULTS_TEXTS, &texts, DBP_I(s.id), DBP_S(g),
		 DBP_S(g))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "results") == -1 ||
	    xml_attr(x, "editor", editor ? "1" : NULL) == -1 ||
	    xml_attr_int(x, "k", s.m.k) == -1 ||
	    write_cell(r, x, "", a.total, a.total < k ? CELL_SMALL : CELL_SHOWN,
		0) == -1 ||
	    (prev != NULL &&
		write_cell(r, x, "prev-", pa.total,
		    pa.total < k ? CELL_SMALL : CELL_SHOWN, 0) == -1) ||
	    survey_write(x, &s, r->locale) == -1)
		return HTTP_INTERNAL;
	if (prev != NULL &&
	    (xml_start(x, "round") == -1 || xml_row_attrs(x, &round, 0) == -1 ||
		xml_end(x) == -1))
		return HTTP_INTERNAL;
	if (write_groups(r, x, s.def, &a, k, g) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < s.def->nquestions; i++)
		if (write_question(r, x, s.def, &s.def->questions[i], &a, prev,
			g, k, editor ? &texts : NULL) == -1)
			return HTTP_INTERNAL;
	if (editor && write_crossable(r, x, s.def) == -1)
		return HTTP_INTERNAL;
	/* ?cross=a,b, or the page's form: ?row=a&col=b. */
	if ((cross = kv_get(&r->query, "cross")) == NULL &&
	    kv_get(&r->query, "row") != NULL &&
	    kv_get(&r->query, "col") != NULL)
		cross = arena_printf(r->arena, "%s,%s",
		    kv_get(&r->query, "row"), kv_get(&r->query, "col"));
	if (editor && cross != NULL &&
	    (st = write_cross(r, x, &s, g, cross)) != HTTP_OK)
		return st;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
