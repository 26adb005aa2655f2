/* SPDX-License-Identifier: ISC */
/*
 * edit_pages.c: a survey's pages and questions in the editor (issue 11):
 * the form of a page (its code, title, groups and conditions) and of a
 * question (its type, texts, bounds, options, items and conditions), a
 * new page or question, the buttons that move one up or down or delete
 * it, and the preview of a page exactly as respondents get it.  Forms go
 * through edit_get()/edit_post(), buttons through button_open()/
 * button_store() (edit.c): the new definition is rebuilt from the old
 * one, checked as an upload would be, and stored with its audit row.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "surveys.h"
#include "edit.h"

/* --- pages -------------------------------------------------------------- */

enum pf {
	PF_CODE,
	PF_TITLE,
	PF_TITLE_CYRL,
	PF_TITLE_BS,
	PF_TITLE_EN,
	PF_GROUPS,
	PF_CONDS,
	PF_FIRST, /* a new page only: its first question */
	PF__MAX
};

static const struct field page_fields[PF__MAX] = {
    TXT("code", true, QDEF_CODE_MAX_BYTES, "sedit.code"),
    TXT("title", false, SEDIT_TITLE_MAX_CHARS, "sedit.title.sr-Latn"),
    TXT("title_cyrl", false, SEDIT_TITLE_MAX_CHARS, "sedit.title.sr-Cyrl"),
    TXT("title_bs", false, SEDIT_TITLE_MAX_CHARS, "sedit.title.bs"),
    TXT("title_en", false, SEDIT_TITLE_MAX_CHARS, "sedit.title.en"),
    TXT("groups", false, 400, "sedit.page.groups"),
    TXT("conditions", false, SEDIT_LINES_MAX_CHARS, "sedit.conditions"),
    TXT("first", true, SEDIT_LONG_MAX_CHARS, "sedit.first"),
};

/* The page number in the path (1-based) as an index of d, or QDEF_NONE. */
static size_t
page_of(const struct req *r, const struct qdef *d)
{
	return r->nids > 1 && r->ids[1] <= (int64_t)d->npages
	    ? (size_t)(r->ids[1] - 1)
	    : QDEF_NONE;
}

/* The question number in the path (1-based) as an index, or QDEF_NONE. */
static size_t
question_of(const struct req *r, const struct qdef *d)
{
	return r->nids > 1 && r->ids[1] <= (int64_t)d->nquestions
	    ? (size_t)(r->ids[1] - 1)
	    : QDEF_NONE;
}

/* The page form into p (its questions untouched); d names conditions. */
static void
page_from(struct req *r, struct form *f, const struct qdef *d, struct qpage *p)
{
	char *list, *tok, *save;
	size_t i;

	if (!code_ok(f->text[PF_CODE]))
		form_error(f, PF_CODE, "sedit.invalid.code");
	p->code = f->text[PF_CODE];
	text_from(f, PF_TITLE, &p->title);
	p->groups = 0;
	list = arena_strdup(r->arena, f->text[PF_GROUPS]);
	for (tok = strtok_r(list, " \t,", &save); tok != NULL;
	     tok = strtok_r(NULL, " \t,", &save)) {
		for (i = 0; i < d->ngroups; i++)
			if (strcmp(d->groups[i].code, tok) == 0)
				break;
		if (i == d->ngroups) {
			form_error(f, PF_GROUPS, "sedit.invalid.groups");
			break;
		}
		p->groups |= (uint32_t)1 << i;
	}
	conds_from(r, f, PF_CONDS, d, &p->conds, &p->nconds);
}

static enum http_status
page_load(struct req *r, struct form *f, const struct sv *s)
{
	const struct qpage *p;
	size_t i;
	char *g;

	if ((i = page_of(r, s->d)) == QDEF_NONE)
		return HTTP_NOT_FOUND;
	p = &s->d->pages[i];
	f->text[PF_CODE] = p->code;
	text_to(f, PF_TITLE, &p->title);
	g = arena_strdup(r->arena, "");
	for (i = 0; i < s->d->ngroups; i++)
		if (p->groups & ((uint32_t)1 << i))
			g = arena_printf(r->arena, "%s%s%s", g,
			    *g != '\0' ? " " : "", s->d->groups[i].code);
	f->text[PF_GROUPS] = g;
	conds_to(r, f, PF_CONDS, s->d, p->conds, p->nconds);
	return HTTP_OK;
}

static enum http_status
page_apply(struct req *r, struct form *f, const struct sv *s,
    const struct qdef **out, const char **key, const char **reason)
{
	struct qdef *w;
	size_t i;

	if ((i = page_of(r, s->d)) == QDEF_NONE)
		return HTTP_NOT_FOUND;
	w = model_copy(r->arena, s->d);
	page_from(r, f, s->d, &w->pages[i]);
	if (f->nerrors > 0)
		return HTTP_UNPROCESSABLE;
	*out = w;
	return HTTP_OK;
}

/* A question code the definition does not have yet: q1, q2, … */
static const char *
fresh_code(struct req *r, const struct qdef *d)
{
	const char *c;
	size_t n;

	for (n = d->nquestions + 1;; n++)
		if (qdef_find(d, c = arena_printf(r->arena, "q%zu", n)) ==
		    QDEF_NONE)
			return c;
}

static enum http_status
page_add(struct req *r, struct form *f, const struct sv *s,
    const struct qdef **out, const char **key, const char **reason)
{
	struct qdef *w = model_copy(r->arena, s->d);
	struct qpage *p = &w->pages[w->npages];
	struct qquestion *q = &w->questions[w->nquestions];
	size_t *psrc, *plen, *order;

	memset(p, 0, sizeof(*p));
	memset(q, 0, sizeof(*q));
	page_from(r, f, s->d, p);
	q->code = fresh_code(r, s->d);
	q->type = QTYPE_TEXT;
	q->text.s[LOCALE_SR_LATN] = f->text[PF_FIRST];
	q->text.given = 1u << LOCALE_SR_LATN;
	if (f->nerrors > 0)
		return HTTP_UNPROCESSABLE;
	layout_of(r->arena, w, &psrc, &plen, &order);
	psrc[w->npages] = w->npages;
	plen[w->npages] = 1;
	order[w->nquestions] = w->nquestions;
	*out = rebuild(r->arena, w, psrc, plen, w->npages + 1, order,
	    w->nquestions + 1, reason);
	return HTTP_OK;
}

static const struct edit_form page_form = {"page", "sedit.save", page_fields,
    PF_FIRST, "survey.update", page_load, page_apply};
static const struct edit_form page_new_form = {"page-new", "sedit.add",
    page_fields, PF__MAX, "survey.update", NULL, page_add};

/* GET and POST /surveys/edit/%/pages/%: a page's code, title, groups and
 * conditions; /surveys/edit/%/pages/new: a page at the end. */
enum http_status
sedit_page(struct req *r, struct xml *x)
{
	return edit_get(r, x, &page_form);
}

enum http_status
sedit_page_save(struct req *r, struct xml *x)
{
	return edit_post(r, x, &page_form);
}

enum http_status
sedit_page_new(struct req *r, struct xml *x)
{
	return edit_get(r, x, &page_new_form);
}

enum http_status
sedit_page_create(struct req *r, struct xml *x)
{
	return edit_post(r, x, &page_new_form);
}

/* --- questions ---------------------------------------------------------- */

enum qf {
	QF_CODE,
	QF_TYPE,
	QF_REQUIRED,
	QF_OTHER,
	QF_MIN,
	QF_MAX,
	QF_DECIMALS,
	QF_TEXT,
	QF_TEXT_CYRL,
	QF_TEXT_BS,
	QF_TEXT_EN,
	QF_HELP,
	QF_HELP_CYRL,
	QF_HELP_BS,
	QF_HELP_EN,
	QF_OPTIONS,
	QF_OPTIONS_CYRL,
	QF_OPTIONS_BS,
	QF_OPTIONS_EN,
	QF_ITEMS,
	QF_ITEMS_CYRL,
	QF_ITEMS_BS,
	QF_ITEMS_EN,
	QF_CONDS,
	QF__MAX
};

/* The types, in enum qtype's order (VALID_CHOICE: num is the type). */
static const char *const qtype_choices[QTYPE__MAX + 1] = {"single", "multiple",
    "dropdown", "matrix", "number", "text", "longtext", "date", "yesno",
    "group", NULL};

static const struct field question_fields[QF__MAX] = {
    TXT("code", true, QDEF_CODE_MAX_BYTES, "sedit.code"),
    {"type", VALID_CHOICE, true, 0, 0, "sedit.type", NULL, qtype_choices,
	"sedit.qtype."},
    {"required", VALID_CHECKBOX, false, 0, 0, "sedit.required", NULL, NULL,
	NULL},
    {"other", VALID_CHECKBOX, false, 0, 0, "sedit.other", NULL, NULL, NULL},
    TXT("min", false, SEDIT_WHEN_MAX_CHARS, "sedit.min"),
    TXT("max", false, SEDIT_WHEN_MAX_CHARS, "sedit.max"),
    {"decimals", VALID_INT, false, 0, QDEF_MAX_DECIMALS, "sedit.decimals",
	"off", NULL, NULL},
    TXT("text", true, SEDIT_LONG_MAX_CHARS, "sedit.text.sr-Latn"),
    TXT("text_cyrl", false, SEDIT_LONG_MAX_CHARS, "sedit.text.sr-Cyrl"),
    TXT("text_bs", false, SEDIT_LONG_MAX_CHARS, "sedit.text.bs"),
    TXT("text_en", false, SEDIT_LONG_MAX_CHARS, "sedit.text.en"),
    TXT("help", false, SEDIT_LONG_MAX_CHARS, "sedit.help.sr-Latn"),
    TXT("help_cyrl", false, SEDIT_LONG_MAX_CHARS, "sedit.help.sr-Cyrl"),
    TXT("help_bs", false, SEDIT_LONG_MAX_CHARS, "sedit.help.bs"),
    TXT("help_en", false, SEDIT_LONG_MAX_CHARS, "sedit.help.en"),
    TXT("options", false, SEDIT_LINES_MAX_CHARS, "sedit.options.sr-Latn"),
    TXT("options_cyrl", false, SEDIT_LINES_MAX_CHARS, "sedit.options.sr-Cyrl"),
    TXT("options_bs", false, SEDIT_LINES_MAX_CHARS, "sedit.options.bs"),
    TXT("options_en", false, SEDIT_LINES_MAX_CHARS, "sedit.options.en"),
    TXT("items", false, SEDIT_LINES_MAX_CHARS, "sedit.items.sr-Latn"),
    TXT("items_cyrl", false, SEDIT_LINES_MAX_CHARS, "sedit.items.sr-Cyrl"),
    TXT("items_bs", false, SEDIT_LINES_MAX_CHARS, "sedit.items.bs"),
    TXT("items_en", false, SEDIT_LINES_MAX_CHARS, "sedit.items.en"),
    TXT("conditions", false, SEDIT_LINES_MAX_CHARS, "sedit.conditions"),
};

/* min and max of the form as q's bounds, by its type. */
static void
bounds_from(struct req *r, struct form *f, struct qquestion *q)
{
	const char *v[2] = {f->text[QF_MIN], f->text[QF_MAX]};
	bool *has[2] = {&q->has_min, &q->has_max};
	int64_t *num[2] = {&q->min, &q->max};
	const char **date[2] = {&q->min_date, &q->max_date};
	char d[11];
	size_t i;
	int bad = 0;

	q->has_min = q->has_max = false;
	q->min = q->max = 0;
	q->min_date = q->max_date = NULL;
	q->decimals = q->type == QTYPE_NUMBER ? (int)f->num[QF_DECIMALS] : 0;
	if (q->type == QTYPE_TEXT || q->type == QTYPE_LONGTEXT)
		q->max = q->type == QTYPE_TEXT ? QDEF_SHORT_DEFAULT_CHARS
					       : QDEF_LONG_DEFAULT_CHARS;
	for (i = 0; i < 2; i++) {
		if (*v[i] == '\0')
			continue;
		switch (q->type) {
		case QTYPE_MULTIPLE:
			bad |= str_to_int64(v[i], 0, QDEF_MAX_OPTIONS, num[i]);
			*has[i] = true;
			break;
		case QTYPE_NUMBER:
			bad |= qnum_parse(v[i], q->decimals, num[i]) != 0;
			*has[i] = true;
			break;
		case QTYPE_TEXT:
		case QTYPE_LONGTEXT:
			bad |= i == 0 ||
			    str_to_int64(v[i], 1,
				q->type == QTYPE_TEXT ? QDEF_SHORT_MAX_CHARS
						      : QDEF_LONG_MAX_CHARS,
				num[i]) != 0;
			*has[i] = true;
			break;
		case QTYPE_DATE:
			bad |= qdate_parse(v[i], d);
			*date[i] = arena_strdup(r->arena, d);
			break;
		default:
			bad = 1;
		}
	}
	if (bad)
		form_error(
		    f, *v[0] != '\0' ? QF_MIN : QF_MAX, "sedit.invalid.bounds");
}

/* The question form into q (its page untouched); d names conditions. */
static void
question_from(
    struct req *r, struct form *f, const struct qdef *d, struct qquestion *q)
{
	struct qopt *o;
	size_t n;

	if (!code_ok(f->text[QF_CODE]))
		form_error(f, QF_CODE, "sedit.invalid.code");
	q->code = f->text[QF_CODE];
	q->type = (enum qtype)f->num[QF_TYPE];
	if (f->error[QF_TYPE] != NULL)
		return;
	q->required = f->present[QF_REQUIRED];
	q->other = f->present[QF_OTHER] &&
	    (q->type == QTYPE_SINGLE || q->type == QTYPE_DROPDOWN ||
		q->type == QTYPE_MULTIPLE);
	text_from(f, QF_TEXT, &q->text);
	text_from(f, QF_HELP, &q->help);
	bounds_from(r, f, q);
	q->opts = NULL;
	q->nopts = 0;
	q->items = NULL;
	q->nitems = 0;
	if (q->type == QTYPE_SINGLE || q->type == QTYPE_DROPDOWN ||
	    q->type == QTYPE_MULTIPLE || q->type == QTYPE_MATRIX) {
		if (opts_from(r, f, QF_OPTIONS, QDEF_MAX_OPTIONS, &o, &n) ==
		    0) {
			q->opts = o;
			q->nopts = n;
		}
		if (n == 0 && f->error[QF_OPTIONS] == NULL)
			form_error(f, QF_OPTIONS, "sedit.options.none");
	}
	if (q->type == QTYPE_MATRIX) {
		if (opts_from(r, f, QF_ITEMS, QDEF_MAX_ITEMS, &o, &n) == 0) {
			q->items = o;
			q->nitems = n;
		}
		if (n == 0 && f->error[QF_ITEMS] == NULL)
			form_error(f, QF_ITEMS, "sedit.items.none");
	}
	conds_from(r, f, QF_CONDS, d, &q->conds, &q->nconds);
}

/* v (qnum_plain) with the decimal comma but in English. */
static const char *
local_num(struct req *r, int64_t v, int decimals)
{
	char *s = qnum_plain(r->arena, v, decimals), *dot;

	if (r->locale != LOCALE_EN && (dot = strchr(s, '.')) != NULL)
		*dot = ',';
	return s;
}

static enum http_status
question_load(struct req *r, struct form *f, const struct sv *s)
{
	const struct qquestion *q;
	size_t i;

	if ((i = question_of(r, s->d)) == QDEF_NONE)
		return HTTP_NOT_FOUND;
	q = &s->d->questions[i];
	f->text[QF_CODE] = q->code;
	f->text[QF_TYPE] = qtype_names[q->type];
	f->present[QF_REQUIRED] = q->required;
	f->present[QF_OTHER] = q->other;
	switch (q->type) {
	case QTYPE_MULTIPLE:
	case QTYPE_TEXT:
	case QTYPE_LONGTEXT:
		if (q->has_min)
			f->text[QF_MIN] =
			    arena_printf(r->arena, "%lld", (long long)q->min);
		if (q->has_max)
			f->text[QF_MAX] =
			    arena_printf(r->arena, "%lld", (long long)q->max);
		break;
	case QTYPE_NUMBER:
		/* As written, with the local decimal sign (both read). */
		if (q->has_min)
			f->text[QF_MIN] = local_num(r, q->min, q->decimals);
		if (q->has_max)
			f->text[QF_MAX] = local_num(r, q->max, q->decimals);
		f->text[QF_DECIMALS] =
		    arena_printf(r->arena, "%d", q->decimals);
		break;
	case QTYPE_DATE:
		f->text[QF_MIN] = q->min_date != NULL ? q->min_date : "";
		f->text[QF_MAX] = q->max_date != NULL ? q->max_date : "";
		break;
	default:
		break;
	}
	text_to(f, QF_TEXT, &q->text);
	text_to(f, QF_HELP, &q->help);
	if (q->type != QTYPE_YESNO && q->type != QTYPE_GROUP)
		opts_to(r, f, QF_OPTIONS, q->opts, q->nopts);
	opts_to(r, f, QF_ITEMS, q->items, q->nitems);
	conds_to(r, f, QF_CONDS, s->d, q->conds, q->nconds);
	return HTTP_OK;
}

/* Field i's error is key (counted once), or none when key is NULL. */
static void
set_error(struct form *f, size_t i, const char *key)
{
	if (f->error[i] == NULL && key != NULL)
		f->nerrors++;
	else if (f->error[i] != NULL && key == NULL)
		f->nerrors--;
	f->error[i] = key;
}

/*
 * The options or items (the four fields from first on) of a question
 * that has answers: the sr-Latn lines must keep the codes of o[0..n), in
 * order.  When they do not, that field says so (the other languages'
 * lines, which may still name the old codes, are not blamed).
 */
static void
codes_locked(struct req *r, struct form *f, size_t first, size_t max,
    const struct qopt *o, size_t n)
{
	const char **codes, **labels;
	size_t m, k, i;

	if (f->error[first] != NULL ||
	    pairs_parse(r, f, first, max, &codes, &labels, &m) == -1)
		return;
	for (k = 0; k < m && k < n; k++)
		if (strcmp(codes[k], o[k].code) != 0)
			break;
	if (k == m && m == n)
		return;
	set_error(f, first, "sedit.locked.options");
	for (i = 1; i < 4; i++)
		if (f->error[first + i] != NULL &&
		    strcmp(f->error[first + i], "sedit.invalid.lines") == 0)
			set_error(f, first + i, NULL);
}

/*
 * A question of a survey with answers (old, as stored): its code, type,
 * "other", options and items may not change; each changed field says so
 * beside it (sv_check would refuse the whole with no field named).
 */
static void
question_locked(struct req *r, struct form *f, const struct qquestion *old)
{
	const char *lk = "sedit.locked.options";
	enum qtype t = (enum qtype)f->num[QF_TYPE];

	if (strcmp(f->text[QF_CODE], old->code) != 0)
		set_error(f, QF_CODE, lk);
	if (f->error[QF_TYPE] == NULL && t != old->type) {
		set_error(f, QF_TYPE, lk);
		return;
	}
	if (f->error[QF_TYPE] != NULL)
		return;
	if ((f->present[QF_OTHER] &&
		(t == QTYPE_SINGLE || t == QTYPE_DROPDOWN ||
		    t == QTYPE_MULTIPLE)) != old->other)
		set_error(f, QF_OTHER, lk);
	if (t == QTYPE_SINGLE || t == QTYPE_DROPDOWN || t == QTYPE_MULTIPLE ||
	    t == QTYPE_MATRIX)
		codes_locked(
		    r, f, QF_OPTIONS, QDEF_MAX_OPTIONS, old->opts, old->nopts);
	if (t == QTYPE_MATRIX)
		codes_locked(
		    r, f, QF_ITEMS, QDEF_MAX_ITEMS, old->items, old->nitems);
}

static enum http_status
question_apply(struct req *r, struct form *f, const struct sv *s,
    const struct qdef **out, const char **key, const char **reason)
{
	struct qdef *w;
	size_t i;

	if ((i = question_of(r, s->d)) == QDEF_NONE)
		return HTTP_NOT_FOUND;
	w = model_copy(r->arena, s->d);
	question_from(r, f, s->d, &w->questions[i]);
	if (s->responses > 0)
		question_locked(r, f, &s->d->questions[i]);
	if (f->nerrors > 0)
		return HTTP_UNPROCESSABLE;
	*out = w;
	return HTTP_OK;
}

/* A new question at the end of page r->ids[1]. */
static enum http_status
question_add(struct req *r, struct form *f, const struct sv *s,
    const struct qdef **out, const char **key, const char **reason)
{
	struct qdef *w;
	size_t *psrc, *plen, *order, p, at, k;

	if ((p = page_of(r, s->d)) == QDEF_NONE)
		return HTTP_NOT_FOUND;
	w = model_copy(r->arena, s->d);
	memset(&w->questions[w->nquestions], 0, sizeof(*w->questions));
	question_from(r, f, s->d, &w->questions[w->nquestions]);
	if (f->nerrors > 0)
		return HTTP_UNPROCESSABLE;
	layout_of(r->arena, w, &psrc, &plen, &order);
	at = w->pages[p].first + w->pages[p].n;
	for (k = w->nquestions; k > at; k--)
		order[k] = order[k - 1];
	order[at] = w->nquestions;
	plen[p]++;
	*out = rebuild(r->arena, w, psrc, plen, w->npages, order,
	    w->nquestions + 1, reason);
	return HTTP_OK;
}

static enum http_status
question_new_load(struct req *r, struct form *f, const struct sv *s)
{
	if (page_of(r, s->d) == QDEF_NONE)
		return HTTP_NOT_FOUND;
	f->text[QF_CODE] = fresh_code(r, s->d);
	f->text[QF_TYPE] = "single";
	return HTTP_OK;
}

static const struct edit_form question_form = {"question", "sedit.save",
    question_fields, QF__MAX, "survey.update", question_load, question_apply};
static const struct edit_form question_new_form = {"question-new", "sedit.add",
    question_fields, QF__MAX, "survey.update", question_new_load, question_add};

/* GET and POST /surveys/edit/%/questions/%: one question; and
 * /surveys/edit/%/pages/%/questions/new: a question at a page's end. */
enum http_status
sedit_question(struct req *r, struct xml *x)
{
	return edit_get(r, x, &question_form);
}

enum http_status
sedit_question_save(struct req *r, struct xml *x)
{
	return edit_post(r, x, &question_form);
}

enum http_status
sedit_question_new(struct req *r, struct xml *x)
{
	return edit_get(r, x, &question_new_form);
}

enum http_status
sedit_question_create(struct req *r, struct xml *x)
{
	return edit_post(r, x, &question_new_form);
}

/* --- moving and deleting ------------------------------------------------- */

static const char *const dirs[] = {"up", "down", NULL};

static const struct field move_fields[] = {
    {"dir", VALID_CHOICE, true, 0, 0, "sedit.dir", NULL, dirs, NULL},
};

/* The page of position k of the layout, from plen[0..np). */
static size_t
page_at(const size_t *plen, size_t np, size_t k)
{
	size_t p;

	for (p = 0; p < np && k >= plen[p]; p++)
		k -= plen[p];
	return p;
}

/*
 * POST /surveys/edit/%/pages/%/move (dir=up|down): the page changes
 * places with its neighbour.  Refused with responses (pages keep their
 * places) and by the definition's own checks (a condition would name a
 * later page).
 */
enum http_status
sedit_page_move(struct req *r, struct xml *x)
{
	struct sv s;
	struct form f;
	enum http_status st;
	size_t p, o, *psrc, *plen, *order, *norder, k, j, t, first[2];
	const char *used = NULL;

	if ((st = button_open(r, x, "survey.update", move_fields, 1, &f, &s,
		 "sedit.move.dir")) != HTTP_OK)
		return st;
	if ((p = page_of(r, s.d)) == QDEF_NONE) {
		db_rollback(r->w->db);
		return HTTP_NOT_FOUND;
	}
	o = f.num[0] == 0 ? p - 1 : p + 1;
	if ((f.num[0] == 0 && p == 0) || o >= s.d->npages)
		return nothing_to_do(r, &s);
	if (p > o) {
		t = p;
		p = o;
		o = t;
	}
	layout_of(r->arena, s.d, &psrc, &plen, &order);
	norder = arena_calloc(r->arena, s.d->nquestions + 1, sizeof(*norder));
	first[0] = s.d->pages[p].first;
	first[1] = s.d->pages[o].first;
	for (k = 0; k < first[0]; k++)
		norder[k] = k;
	for (j = 0; j < plen[o]; j++)
		norder[k++] = first[1] + j;
	for (j = 0; j < plen[p]; j++)
		norder[k++] = first[0] + j;
	for (; k < s.d->nquestions; k++)
		norder[k] = k;
	psrc[p] = o;
	psrc[o] = p;
	t = plen[p];
	plen[p] = plen[o];
	plen[o] = t;
	return button_store(r, x, &s,
	    rebuild(r->arena, s.d, psrc, plen, s.d->npages, norder,
		s.d->nquestions, &used),
	    used, "sedit-moved");
}

/*
 * POST /surveys/edit/%/questions/%/move (dir=up|down): the question
 * changes places with its neighbour; the first of a page moves up to the
 * end of the page before, the last down to the start of the next.
 */
enum http_status
sedit_question_move(struct req *r, struct xml *x)
{
	struct sv s;
	struct form f;
	enum http_status st;
	size_t i, p, *psrc, *plen, *order, t, np;
	const char *used = NULL;

	if ((st = button_open(r, x, "survey.update", move_fields, 1, &f, &s,
		 "sedit.move.dir")) != HTTP_OK)
		return st;
	if ((i = question_of(r, s.d)) == QDEF_NONE) {
		db_rollback(r->w->db);
		return HTTP_NOT_FOUND;
	}
	np = s.d->npages;
	layout_of(r->arena, s.d, &psrc, &plen, &order);
	p = page_at(plen, np, i);
	if (f.num[0] == 0) {
		if (i > s.d->pages[p].first) {
			t = order[i];
			order[i] = order[i - 1];
			order[i - 1] = t;
		} else if (p > 0) {
			plen[p]--;
			plen[p - 1]++;
		} else
			return nothing_to_do(r, &s);
	} else {
		if (i + 1 < s.d->pages[p].first + s.d->pages[p].n) {
			t = order[i];
			order[i] = order[i + 1];
			order[i + 1] = t;
		} else if (p + 1 < np) {
			plen[p]--;
			plen[p + 1]++;
		} else
			return nothing_to_do(r, &s);
	}
	return button_store(r, x, &s,
	    rebuild(
		r->arena, s.d, psrc, plen, np, order, s.d->nquestions, &used),
	    used, "sedit-moved");
}

/*
 * POST /surveys/edit/%/questions/%/delete (confirm=1): the question goes;
 * refused when a condition names it, when it is its page's only one, and
 * once responses exist.
 */
enum http_status
sedit_question_delete(struct req *r, struct xml *x)
{
	struct sv s;
	struct form f;
	enum http_status st;
	size_t i, p, *psrc, *plen, *order, k;
	const char *used = NULL;

	if ((st = button_open(r, x, "survey.update", confirm_fields, 1, &f, &s,
		 "sedit.delete.confirm")) != HTTP_OK)
		return st;
	if ((i = question_of(r, s.d)) == QDEF_NONE) {
		db_rollback(r->w->db);
		return HTTP_NOT_FOUND;
	}
	if (s.responses > 0)
		return button_refused(r, x, &s, HTTP_CONFLICT,
		    "sedit.locked.removed", s.d->questions[i].code);
	layout_of(r->arena, s.d, &psrc, &plen, &order);
	p = s.d->questions[i].page;
	if (plen[p] == 1)
		return button_refused(r, x, &s, HTTP_CONFLICT,
		    "sedit.delete.last", s.d->questions[i].code);
	for (k = i; k + 1 < s.d->nquestions; k++)
		order[k] = order[k + 1];
	plen[p]--;
	return button_store(r, x, &s,
	    rebuild(r->arena, s.d, psrc, plen, s.d->npages, order,
		s.d->nquestions - 1, &used),
	    used, "sedit-deleted");
}

/* POST /surveys/edit/%/pages/%/delete (confirm=1): a page and its
 * questions; refused as a question's deletion is, and for the only page. */
enum http_status
sedit_page_delete(struct req *r, struct xml *x)
{
	struct sv s;
	struct form f;
	enum http_status st;
	size_t p, *psrc, *plen, *order, k, n, first;
	const char *used = NULL;

	if ((st = button_open(r, x, "survey.update", confirm_fields, 1, &f, &s,
		 "sedit.delete.confirm")) != HTTP_OK)
		return st;
	if ((p = page_of(r, s.d)) == QDEF_NONE) {
		db_rollback(r->w->db);
		return HTTP_NOT_FOUND;
	}
	if (s.responses > 0)
		return button_refused(r, x, &s, HTTP_CONFLICT,
		    "sedit.locked.removed", s.d->pages[p].code);
	if (s.d->npages == 1)
		return button_refused(r, x, &s, HTTP_CONFLICT,
		    "sedit.delete.onlypage", s.d->pages[p].code);
	layout_of(r->arena, s.d, &psrc, &plen, &order);
	first = s.d->pages[p].first;
	n = s.d->pages[p].n;
	for (k = first; k + n < s.d->nquestions; k++)
		order[k] = order[k + n];
	for (k = p; k + 1 < s.d->npages; k++) {
		psrc[k] = psrc[k + 1];
		plen[k] = plen[k + 1];
	}
	return button_store(r, x, &s,
	    rebuild(r->arena, s.d, psrc, plen, s.d->npages - 1, order,
		s.d->nquestions - n, &used),
	    used, "sedit-deleted");
}

/* --- preview -------------------------------------------------------------- */

static const struct field preview_fields[] = {
    {"page", VALID_INT, false, 1, QDEF_MAX_PAGES, "sedit.page", NULL, NULL,
	NULL},
};

/*
 * <page n title/>… (every page, to go to) and <conditional text/>… (the
 * questions of page p shown only when conditions hold: the preview shows
 * them all) in the request's locale.
 */
static int
write_preview_pages(
    struct req *r, struct xml *x, const struct qdef *d, size_t p)
{
	const struct qpage *pg = &d->pages[p];
	size_t i;

	for (i = 0; i < d->npages; i++)
		if (xml_start(x, "page") == -1 ||
		    xml_attr_int(x, "n", (int64_t)i + 1) == -1 ||
		    xml_attr(x, "code", d->pages[i].code) == -1 ||
		    xml_attr(x, "title",
			d->pages[i].title.given != 0
			    ? qdef_text(&d->pages[i].title, r->locale)
			    : NULL) == -1 ||
		    xml_end(x) == -1)
			return -1;
	for (i = pg->first; i < pg->first + pg->n; i++)
		if ((pg->nconds > 0 || d->questions[i].nconds > 0) &&
		    (xml_start(x, "conditional") == -1 ||
			xml_attr(x, "text",
			    qdef_text(&d->questions[i].text, r->locale)) ==
			    -1 ||
			xml_end(x) == -1))
			return -1;
	return 0;
}

/*
 * GET /surveys/edit/%/preview?page=N: page N of the definition exactly
 * as respondents get it (answer.c's <answer>, xslt/questions.xsl), in
 * the page's locale (?lang=): <sedit page="preview" (the survey)><page
 * n title/>…<conditional text/>…<answer preview="1">…</answer></sedit>.
 * Its form is a GET back here whose buttons move between the pages;
 * nothing is posted or stored, and drafts preview too.  404 past the
 * last page.
 */
enum http_status
sedit_preview(struct req *r, struct xml *x)
{
	struct sv s;
	struct survey pv;
	struct form f;
	enum http_status st;
	size_t n;

	if ((st = sv_load(r, "survey.read", &s)) != HTTP_OK)
		return st;
	if (s.d == NULL)
		return HTTP_NOT_FOUND;
	form_validate(r, preview_fields, 1, &f);
	n = f.nerrors == 0 && f.num[0] > 0 ? (size_t)f.num[0] : 1;
	if (n > s.d->npages)
		return HTTP_NOT_FOUND;
	memset(&pv, 0, sizeof(pv));
	if ((st = muni_load(r, &pv.m)) != HTTP_OK)
		return st;
	pv.id = s.id;
	pv.slug = s.d->slug;
	pv.title = qdef_text(&s.d->title, r->locale);
	pv.status = s.status;
	pv.open = true;
	pv.round = s.round;
	pv.published = s.results;
	pv.opens_at = s.opens;
	pv.closes_at = s.closes;
	pv.def = s.d;
	if (xml_start(x, "sedit") == -1 ||
	    xml_attr(x, "page", "preview") == -1 ||
	    write_survey(r, x, &s) == -1 ||
	    write_preview_pages(r, x, s.d, n - 1) == -1 ||
	    answer_preview(r, x, &pv, n - 1,
		arena_printf(r->arena, "%s/preview", sv_path(r, s.id))) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
