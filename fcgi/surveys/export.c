/* SPDX-License-Identifier: ISC */
/*
 * export.c: a survey's data for its editors (issue 11): every completed
 * response as CSV (a row per response, a column per answer value), the
 * aggregates as CSV (counts and percentages per option, means), and an
 * SPSS syntax file that reads the responses' CSV with its variable and
 * value labels in a chosen language, as researchers know it from
 * LimeSurvey.
 *
 * The routes are ROUTE_STREAM (editors and administrators of the
 * survey's municipality, sedit_kind): the file goes out through
 * resp_stream_open() and csv_writer's one buffer while responses are read
 * in batches of 200 into a batch arena that is emptied after each batch,
 * so a survey of a hundred thousand responses takes the memory of one
 * batch.  CSV is UTF-8 with a byte order mark (spreadsheet programs then
 * read Cyrillic), ';' between cells as they expect here, '.' in numbers.
 * Answers are anonymous: the columns are the definition's, plus the
 * response's number, its day and its respondent group.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "karika.h"
#include "stmt.h"
#include "surveys.h"

#define EXPORT_BATCH	    200 /* responses a batch reads (STMT_SEDIT_RESPONSES) */
#define EXPORT_DELIM	    ';'
#define SPS_LABEL_MAX_BYTES 250 /* SPSS truncates labels at 255 bytes */

/* What a column holds. */
enum colkind {
	COL_CHOICE, /* the option chosen (single, dropdown, yes/no, group) */
	COL_OTHER,  /* "other, please specify": the text */
	COL_FLAG,   /* multiple: 1 when this option is chosen, else 0 */
	COL_ITEM,   /* matrix row: the scale point's position */
	COL_NUMBER,
	COL_TEXT /* text, long text, date */
};

struct col {
	size_t q; /* question index */
	enum colkind kind;
	size_t k; /* option (COL_FLAG) or item (COL_ITEM) index */
	const char *name;
};

/* The columns of a definition; first[q] is question q's first column. */
struct cols {
	struct col *c;
	size_t n;
	size_t *first;
};

/* The fixed columns before the answers: the response's number, its day
 * and its respondent group. */
#define COLS_FIXED 3
static const char *const fixed_names[COLS_FIXED] = {
    "response", "completed", "group"};

/* SPSS's reserved words: never a variable's name. */
static const char *const sps_reserved[] = {"all", "and", "by", "eq", "ge", "gt",
    "le", "lt", "ne", "not", "or", "to", "with", NULL};

/*
 * An SPSS variable name from a code and a suffix (an option's, an item's,
 * "other"): letters, digits and '_', a letter first, no reserved word.
 * Codes may hold '-', which SPSS does not take, so "a-b" and "a_b" both
 * come out as "a_b": cols_unique() then tells them apart.
 */
static const char *
var_name(struct arena *a, const char *code, const char *suffix)
{
	char *s = arena_printf(a, "%s%s%s%s",
	    (*code >= '0' && *code <= '9') ? "v" : "", code,
	    suffix != NULL ? "_" : "", suffix != NULL ? suffix : "");
	char *p;
	size_t i;

	for (p = s; *p != '\0'; p++)
		if (*p == '-')
			*p = '_';
	for (i = 0; sps_reserved[i] != NULL; i++)
		if (strcmp(s, sps_reserved[i]) == 0)
			return arena_printf(a, "v%s", s);
	return s;
}

static void
col_add(struct arena *a, struct cols *cs, size_t q, enum colkind kind, size_t k,
    const char *name)
{
	cs->c[cs->n].q = q;
	cs->c[cs->n].kind = kind;
	cs->c[cs->n].k = k;
	cs->c[cs->n].name = name;
	cs->n++;
	(void)a;
}

/* True when name is taken by a fixed column or one of c[0..n). */
static bool
name_taken(const struct col *c, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < COLS_FIXED; i++)
		if (strcasecmp(fixed_names[i], name) == 0)
			return true;
	for (i = 0; i < n; i++)
		if (strcasecmp(c[i].name, name) == 0)
			return true;
	return false;
}

/*
 * Makes every column's name unique (SPSS compares them without case, a
 * CSV reader by name): a name already taken, by a fixed column or an
 * earlier one, gets "_2", "_3"…, the first free.  Codes are at most 24
 * bytes, so a name stays far under SPSS's 64.
 */
static void
cols_unique(struct arena *a, struct cols *cs)
{
	const char *base;
	size_t i, k;

	for (i = 0; i < cs->n; i++) {
		base = cs->c[i].name;
		for (k = 2; name_taken(cs->c, i, cs->c[i].name); k++)
			cs->c[i].name = arena_printf(a, "%s_%zu", base, k);
	}
}

/* True when column c of cs holds numbers (written unguarded). */
static bool
col_number(const struct col *c)
{
	return c->kind == COL_FLAG || c->kind == COL_ITEM ||
	    c->kind == COL_NUMBER;
}

/* The columns of d, in its order (at most 60 + 1 per question), their
 * names unique. */
static void
cols_of(struct arena *a, const struct qdef *d, struct cols *cs)
{
	const struct qquestion *q;
	size_t i, k, max = 0;

	for (i = 0; i < d->nquestions; i++)
		max += d->questions[i].nopts + d->questions[i].nitems + 2;
	cs->c = arena_calloc(a, max + 1, sizeof(*cs->c));
	cs->first = arena_calloc(a, d->nquestions + 1, sizeof(*cs->first));
	cs->n = 0;
	for (i = 0; i < d->nquestions; i++) {
		q = &d->questions[i];
		cs->first[i] = cs->n;
		switch (q->type) {
		case QTYPE_MULTIPLE:
			for (k = 0; k < q->nopts; k++)
				col_add(a, cs, i, COL_FLAG, k,
				    var_name(a, q->code, q->opts[k].code));
			break;
		case QTYPE_MATRIX:
			for (k = 0; k < q->nitems; k++)
				col_add(a, cs, i, COL_ITEM, k,
				    var_name(a, q->code, q->items[k].code));
			break;
		case QTYPE_NUMBER:
			col_add(a, cs, i, COL_NUMBER, 0,
			    var_name(a, q->code, NULL));
			break;
		case QTYPE_TEXT:
		case QTYPE_LONGTEXT:
		case QTYPE_DATE:
			col_add(
			    a, cs, i, COL_TEXT, 0, var_name(a, q->code, NULL));
			break;
		default:
			col_add(a, cs, i, COL_CHOICE, 0,
			    var_name(a, q->code, NULL));
		}
		if (q->other)
			col_add(a, cs, i, COL_OTHER, 0,
			    var_name(a, q->code, "other"));
	}
	cols_unique(a, cs);
}

/* A DECIMAL from MariaDB without its trailing zeros: "3.5000" is "3.5". */
static const char *
num_trim(struct arena *a, const char *v)
{
	char *s;
	size_t n;

	if (v == NULL || strchr(v, '.') == NULL)
		return v;
	s = arena_strdup(a, v);
	n = strlen(s);
	while (n > 0 && s[n - 1] == '0')
		s[--n] = '\0';
	if (n > 0 && s[n - 1] == '.')
		s[--n] = '\0';
	return s;
}

/* One answer row (i of ans) into the cells of its response. */
static void
cell_set(struct arena *a, const struct qdef *d, const struct cols *cs,
    const struct db_res *ans, size_t i, const char **cell)
{
	const struct qquestion *q;
	const char *opt, *item;
	size_t qi, k, c;

	if ((qi = qdef_find(d, db_str(ans, i, "question"))) == QDEF_NONE)
		return; /* a question no longer asked (kept before the lock) */
	q = &d->questions[qi];
	c = COLS_FIXED + cs->first[qi];
	opt = db_str(ans, i, "option_code");
	item = db_str(ans, i, "item");
	switch (q->type) {
	case QTYPE_MULTIPLE:
		if (opt != NULL && strcmp(opt, "other") == 0 && q->other)
			cell[c + q->nopts] = db_str(ans, i, "text");
		else if (opt != NULL && (k = qdef_option(q, opt)) != QDEF_NONE)
			cell[c + k] = "1";
		for (k = 0; k < q->nopts; k++)
			if (cell[c + k] == NULL)
				cell[c + k] = "0";
		break;
	case QTYPE_MATRIX:
		for (k = 0; k < q->nitems; k++)
			if (item != NULL && strcmp(q->items[k].code, item) == 0)
				cell[c + k] =
				    num_trim(a, db_str(ans, i, "number"));
		break;
	case QTYPE_NUMBER:
		cell[c] = num_trim(a, db_str(ans, i, "number"));
		break;
	case QTYPE_TEXT:
	case QTYPE_LONGTEXT:
	case QTYPE_DATE:
		cell[c] = db_str(ans, i, "text");
		break;
	default:
		cell[c] = opt;
		if (q->other && opt != NULL && strcmp(opt, "other") == 0)
			cell[c + 1] = db_str(ans, i, "text");
	}
}

/*
 * Opens the survey for an export: its definition must be stored.  404
 * (audited) for another municipality's, and without a definition.
 */
static enum http_status
export_open(struct req *r, struct sv *s, const char *what)
{
	enum http_status st;
	enum db_rc rc;

	if ((st = sv_load(r, "survey.export", s)) != HTTP_OK)
		return st;
	if (s->d == NULL)
		return HTTP_NOT_FOUND;
	if ((rc = audit(r, "survey.export", "survey", s->id, what)) != DB_OK)
		return db_status(rc);
	return HTTP_OK;
}

/*
 * GET /surveys/edit/%/responses.csv: every completed response, oldest
 * first: response, completed (its day), group, then the definition's
 * columns (cols_of).  Streams; the status is 200 once it has begun.
 */
enum http_status
sexport_responses(struct req *r, struct xml *x)
{
	struct sv s;
	struct cols cs;
	struct csv_writer *w;
	struct arena *batch = NULL;
	struct db_res resp, ans;
	const char **cell, **head;
	bool *number;
	enum http_status st;
	enum db_rc rc;
	int64_t last = 0;
	size_t i, j, a, ncols;

	if ((st = export_open(r, &s, "responses.csv")) != HTTP_OK)
		return st;
	cols_of(r->arena, s.d, &cs);
	ncols = COLS_FIXED + cs.n;
	head = arena_calloc(r->arena, ncols, sizeof(*head));
	number = arena_calloc(r->arena, ncols, sizeof(*number));
	for (i = 0; i < COLS_FIXED; i++)
		head[i] = fixed_names[i];
	number[0] = true; /* the response's number */
	for (i = 0; i < cs.n; i++) {
		head[COLS_FIXED + i] = cs.c[i].name;
		number[COLS_FIXED + i] = col_number(&cs.c[i]);
	}
	w = arena_alloc(r->arena, sizeof(*w));
	csv_writer_init(w, EXPORT_DELIM, resp_stream_write, r);
	resp_stream_open(r, "text/csv; charset=utf-8",
	    arena_printf(r->arena, "%s-responses.csv", s.code));
	if (csv_write_row(w, head, ncols) == -1)
		goto out;
	batch = arena_new();
	do {
		arena_reset(batch);
		rc = db_exec(r->w->db, batch, STMT_SEDIT_RESPONSES,
		    (const struct db_param[]){DBP_I(s.id), DBP_I(last)}, 2,
		    &resp);
		if (rc != DB_OK || resp.nrows == 0)
			break;
		rc = db_exec(r->w->db, batch, STMT_SEDIT_ANSWERS,
		    (const struct db_param[]){DBP_I(s.id),
			DBP_I(db_int(&resp, 0, "id")),
			DBP_I(db_int(&resp, resp.nrows - 1, "id"))},
		    3, &ans);
		if (rc != DB_OK)
			break;
		for (i = 0, a = 0; i < resp.nrows; i++) {
			cell = arena_calloc(batch, ncols, sizeof(*cell));
			last = db_int(&resp, i, "id");
			cell[0] = db_str(&resp, i, "id");
			cell[1] = db_str(&resp, i, "completed_on");
			cell[2] = db_str(&resp, i, "respondent_group");
			for (; a < ans.nrows &&
			     db_int(&ans, a, "response_id") == last;
			     a++)
				cell_set(batch, s.d, &cs, &ans, a, cell);
			if (csv_write_cells(w, cell, number, ncols) == -1)
				goto out;
		}
		(void)j;
	} while (resp.nrows == EXPORT_BATCH);
	if (rc != DB_OK)
		LOGE("rid=%s: the export stops short", r->rid);
	csv_write_end(w);
out:
	if (w->failed)
		LOGE("rid=%s: the client went away", r->rid);
	arena_free(batch);
	return HTTP_OK;
}

/* The count of option opt of question q (item, or "") in the rows. */
static const char *
agg_find(const struct db_res *res, const char *q, const char *item,
    const char *opt, const char *col)
{
	size_t i;
	const char *o;

	for (i = 0; i < res->nrows; i++) {
		o = opt != NULL ? db_str(res, i, "option") : NULL;
		if (strcmp(db_str(res, i, "question"), q) == 0 &&
		    strcmp(db_str(res, i, "item"), item) == 0 &&
		    (opt == NULL || (o != NULL && strcmp(o, opt) == 0)))
			return db_str(res, i, col);
	}
	return NULL;
}

/* n as a percentage of total, one decimal: "12.5"; NULL for no total. */
static const char *
pct(struct arena *a, const char *n, int64_t total)
{
	int64_t v;

	if (n == NULL || total <= 0 || str_to_int64(n, 0, INT64_MAX, &v) == -1)
		return NULL;
	v = (v * 1000 + total / 2) / total;
	return arena_printf(
	    a, "%lld.%lld", (long long)(v / 10), (long long)(v % 10));
}

/* The aggregates' number columns: n, percent and mean. */
static const bool agg_numbers[7] = {
    false, false, false, false, true, true, true};

/* A row of the aggregates: question, item, option, label, n, %, mean. */
static int
agg_row(struct req *r, struct csv_writer *w, const char *q, const char *item,
    const char *opt, const char *label, const char *n, int64_t total,
    const char *mean)
{
	const char *row[7];

	row[0] = q;
	row[1] = item;
	row[2] = opt;
	row[3] = label;
	row[4] = n != NULL ? n : (opt != NULL ? "0" : NULL);
	row[5] = opt != NULL ? pct(r->arena, row[4], total) : NULL;
	row[6] = num_trim(r->arena, mean);
	return csv_write_cells(w, row, agg_numbers, 7);
}

/*
 * GET /surveys/edit/%/aggregates.csv: per question (and matrix row) and
 * option the completed responses that chose it and their share of all
 * completed responses; per number and matrix row the count and mean.
 * Labels in the page's locale.  Editors see every count (nothing is
 * suppressed: the public results page does that).
 */
enum http_status
sexport_aggregates(struct req *r, struct xml *x)
{
	struct sv s;
	struct db_res opts, nums;
	struct csv_writer *w;
	const struct qquestion *q;
	const char *head[7] = {
	    "question", "item", "option", "label", "n", "percent", "mean"};
	enum http_status st;
	enum db_rc rc;
	size_t i, k, t;
	int rw = 0;

	if ((st = export_open(r, &s, "aggregates.csv")) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_SEDIT_AGG_OPTIONS, &opts, DBP_I(s.id))) !=
		DB_OK ||
	    (rc = DBQ(r, STMT_SEDIT_AGG_NUMBERS, &nums, DBP_I(s.id))) != DB_OK)
		return db_status(rc);
	w = arena_alloc(r->arena, sizeof(*w));
	csv_writer_init(w, EXPORT_DELIM, resp_stream_write, r);
	resp_stream_open(r, "text/csv; charset=utf-8",
	    arena_printf(r->arena, "%s-aggregates.csv", s.code));
	rw = csv_write_row(w, head, 7);
	for (i = 0; i < s.d->nquestions && rw == 0; i++) {
		q = &s.d->questions[i];
		switch (q->type) {
		case QTYPE_NUMBER:
			rw = agg_row(r, w, q->code, "", NULL,
			    qdef_text(&q->text, r->locale),
			    agg_find(&nums, q->code, "", NULL, "n"),
			    s.completed,
			    agg_find(&nums, q->code, "", NULL, "mean"));
			break;
		case QTYPE_TEXT:
		case QTYPE_LONGTEXT:
		case QTYPE_DATE:
			break;
		case QTYPE_MATRIX:
			for (t = 0; t < q->nitems && rw == 0; t++) {
				rw = agg_row(r, w, q->code, q->items[t].code,
				    NULL,
				    qdef_text(&q->items[t].label, r->locale),
				    agg_find(&nums, q->code, q->items[t].code,
					NULL, "n"),
				    s.completed,
				    agg_find(&nums, q->code, q->items[t].code,
					NULL, "mean"));
				for (k = 0; k < q->nopts && rw == 0; k++)
					rw = agg_row(r, w, q->code,
					    q->items[t].code, q->opts[k].code,
					    qdef_text(
						&q->opts[k].label, r->locale),
					    agg_find(&opts, q->code,
						q->items[t].code,
						q->opts[k].code, "n"),
					    s.completed, NULL);
			}
			break;
		default:
			for (k = 0; k < q->nopts && rw == 0; k++)
				rw = agg_row(r, w, q->code, "", q->opts[k].code,
				    q->type == QTYPE_YESNO
					? q->opts[k].code
					: qdef_text(
					      &q->opts[k].label, r->locale),
				    agg_find(&opts, q->code, "",
					q->opts[k].code, "n"),
				    s.completed, NULL);
			if (q->other && rw == 0)
				rw = agg_row(r, w, q->code, "", "other", NULL,
				    agg_find(&opts, q->code, "", "other", "n"),
				    s.completed, NULL);
		}
	}
	if (rw == 0)
		csv_write_end(w);
	if (w->failed)
		LOGE("rid=%s: the client went away", r->rid);
	return HTTP_OK;
}

/* --- SPSS syntax -------------------------------------------------------- */

/*
 * The few words of the syntax file that are not the definition's: the
 * labels of the fixed columns, of yes and no, and of "other".  A small
 * table rather than the message catalogues: the worker does not read
 * the catalogues (nginx's stylesheets do), and these five words are all
 * it would need of them.  By enum locale; keep it beside the catalogue's
 * question.yes, question.no and question.other.
 */
enum sps_word {
	SPS_RESPONSE,
	SPS_COMPLETED,
	SPS_GROUP,
	SPS_YES,
	SPS_NO,
	SPS_OTHER,
	SPS__MAX
};

static const char *const sps_words[LOCALE__MAX][SPS__MAX] = {
    [LOCALE_SR_CYRL] = {"Број одговора", "Дан попуњавања", "Група испитаника",
	"Да", "Не", "Друго"},
    [LOCALE_SR_LATN] = {"Broj odgovora", "Dan popunjavanja", "Grupa ispitanika",
	"Da", "Ne", "Drugo"},
    [LOCALE_BS] = {"Broj odgovora", "Dan popunjavanja", "Grupa ispitanika",
	"Da", "Ne", "Drugo"},
    [LOCALE_EN] = {"Response number", "Day completed", "Respondent group",
	"Yes", "No", "Other"},
};

/* A quoted SPSS string: ' doubled, line breaks as blanks, bounded. */
static const char *
sps_quote(struct arena *a, const char *s)
{
	struct buf b;
	const char *p;
	char *out;
	size_t n = 0;
	uint32_t cp;
	size_t len;

	buf_init(&b, BUF_NO_MAX);
	buf_addc(&b, '\'');
	for (p = s != NULL ? s : ""; *p != '\0' && n < SPS_LABEL_MAX_BYTES;
	     p += len) {
		if ((len = utf8_decode(p, strlen(p), &cp)) == 0)
			break;
		if (n + len > SPS_LABEL_MAX_BYTES)
			break;
		if (*p == '\'')
			buf_adds(&b, "''");
		else if (*p == '\n' || *p == '\r' || *p == '\t')
			buf_addc(&b, ' ');
		else
			buf_add(&b, p, len);
		n += len;
	}
	buf_addc(&b, '\'');
	out = arena_strdup(a, b.p);
	buf_release(&b);
	return out;
}

/* The SPSS format of column c of d. */
static const char *
sps_format(struct arena *a, const struct qdef *d, const struct col *c)
{
	const struct qquestion *q = &d->questions[c->q];

	switch (c->kind) {
	case COL_FLAG:
		return "F1.0";
	case COL_ITEM:
		return "F3.0";
	case COL_NUMBER:
		return arena_printf(a, "F%d.%d",
		    QDEF_NUMBER_MAX_DIGITS + q->decimals + 2, q->decimals);
	case COL_OTHER:
		return arena_printf(a, "A%d", QDEF_OTHER_MAX_CHARS * 4);
	case COL_TEXT:
		return q->type == QTYPE_DATE
		    ? "A10"
		    : arena_printf(a, "A%lld",
			  (long long)(q->max * 4 < 32767 ? q->max * 4 : 32767));
	default:
		return arena_printf(a, "A%d", QDEF_CODE_MAX_BYTES);
	}
}

/*
 * GET /surveys/edit/%/responses.sps?labels=sr-Latn: SPSS syntax that
 * reads <slug>-responses.csv (GET DATA, beside it) and labels its
 * variables (the question texts) and the coded values (options, scale
 * points, groups) in the locale named by labels (else the page's).
 */
enum http_status
sexport_spss(struct req *r, struct xml *x)
{
	struct sv s;
	struct cols cs;
	struct buf b;
	const struct qdef *d;
	const struct qquestion *q;
	const struct col *c;
	const char *tag;
	enum locale l;
	enum http_status st;
	size_t i, k;
	bool first = true;

	if ((st = export_open(r, &s, "responses.sps")) != HTTP_OK)
		return st;
	d = s.d;
	tag = kv_get(&r->query, "labels");
	l = tag != NULL && strcmp(locale_tags[locale_from_tag(tag)], tag) == 0
	    ? locale_from_tag(tag)
	    : r->locale;
	cols_of(r->arena, d, &cs);
	buf_init(&b, BUF_NO_MAX);
	buf_printf(&b,
	    "* Encoding: UTF-8.\n* %s: %s.\n"
	    "GET DATA /TYPE=TXT\n  /FILE='%s-responses.csv'\n"
	    "  /ENCODING='UTF8'\n  /DELCASE=LINE\n  /DELIMITERS=\"%c\"\n"
	    "  /QUALIFIER='\"'\n  /ARRANGEMENT=DELIMITED\n  /FIRSTCASE=2\n"
	    "  /VARIABLES=\n  response F10.0\n  completed A10\n  group A%d\n",
	    s.code, sps_quote(r->arena, qdef_text(&d->title, l)), s.code,
	    EXPORT_DELIM, QDEF_CODE_MAX_BYTES);
	for (i = 0; i < cs.n; i++)
		buf_printf(&b, "  %s %s\n", cs.c[i].name,
		    sps_format(r->arena, d, &cs.c[i]));
	buf_adds(&b, ".\nVARIABLE LABELS\n");
	for (i = 0; i < COLS_FIXED; i++)
		buf_printf(&b, "  %s %s /\n", fixed_names[i],
		    sps_quote(r->arena, sps_words[l][SPS_RESPONSE + i]));
	for (i = 0; i < cs.n; i++) {
		c = &cs.c[i];
		q = &d->questions[c->q];
		buf_printf(&b, "  %s %s%s\n", c->name,
		    sps_quote(r->arena,
			c->kind == COL_FLAG
			    ? arena_printf(r->arena, "%s: %s",
				  qdef_text(&q->text, l),
				  qdef_text(&q->opts[c->k].label, l))
			    : c->kind == COL_ITEM
			    ? arena_printf(r->arena, "%s: %s",
				  qdef_text(&q->text, l),
				  qdef_text(&q->items[c->k].label, l))
			    : c->kind == COL_OTHER
			    ? arena_printf(r->arena, "%s: %s",
				  qdef_text(&q->text, l),
				  sps_words[l][SPS_OTHER])
			    : qdef_text(&q->text, l)),
		    i + 1 < cs.n ? " /" : "");
	}
	buf_adds(&b, ".\nVALUE LABELS\n");
	if (d->ngroups > 0) {
		buf_adds(&b, "  group");
		for (k = 0; k < d->ngroups; k++)
			buf_printf(&b, " '%s' %s", d->groups[k].code,
			    sps_quote(
				r->arena, qdef_text(&d->groups[k].label, l)));
		buf_adds(&b, "\n");
		first = false;
	}
	for (i = 0; i < cs.n; i++) {
		c = &cs.c[i];
		q = &d->questions[c->q];
		if (c->kind == COL_CHOICE && q->type == QTYPE_YESNO)
			buf_printf(&b, "  %s%s 'yes' %s 'no' %s",
			    first ? "" : "/", c->name,
			    sps_quote(r->arena, sps_words[l][SPS_YES]),
			    sps_quote(r->arena, sps_words[l][SPS_NO]));
		else if (c->kind == COL_CHOICE) {
			buf_printf(&b, "  %s%s", first ? "" : "/", c->name);
			for (k = 0; k < q->nopts; k++)
				buf_printf(&b, " '%s' %s", q->opts[k].code,
				    sps_quote(r->arena,
					qdef_text(&q->opts[k].label, l)));
			if (q->other)
				buf_printf(&b, " 'other' %s",
				    sps_quote(
					r->arena, sps_words[l][SPS_OTHER]));
		} else if (c->kind == COL_ITEM) {
			buf_printf(&b, "  %s%s", first ? "" : "/", c->name);
			for (k = 0; k < q->nopts; k++)
				buf_printf(&b, " %zu %s", k + 1,
				    sps_quote(r->arena,
					qdef_text(&q->opts[k].label, l)));
		} else
			continue;
		buf_adds(&b, "\n");
		first = false;
	}
	buf_adds(&b, ".\nEXECUTE.\n");
	resp_stream_open(r, "text/plain; charset=utf-8",
	    arena_printf(r->arena, "%s-responses.sps", s.code));
	if (first && d->ngroups == 0) {
		/* no coded values: VALUE LABELS needs at least one */
		char *p = strstr(b.p, "VALUE LABELS\n.\n");

		if (p != NULL)
			memmove(p, p + 15, strlen(p + 15) + 1);
		b.len = strlen(b.p);
	}
	if (resp_stream_write(r, b.p, b.len) == -1)
		LOGE("rid=%s: the client went away", r->rid);
	buf_release(&b);
	return HTTP_OK;
}
