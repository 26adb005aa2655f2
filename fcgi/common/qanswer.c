/* SPDX-License-Identifier: ISC */
/*
 * qanswer.c: the second half of the question engine: a page's submitted
 * form decoded into answer rows, each question validated by its type, the
 * conditions that decide which pages and questions a respondent sees, and
 * the way through a survey (next and previous visible page, progress,
 * minutes left).
 *
 * Field names (the page's form writes them, this file reads them):
 *   q.<code>          single, dropdown, yes/no, group: the option's code;
 *                     multiple: one q.<code> per ticked option's code;
 *                     number, text, longtext, date: what was typed
 *   q.<code>.other    the text of "other, please specify"
 *   q.<code>.<item>   a matrix row: the scale point's code
 * Codes are at most QDEF_CODE_MAX_BYTES, so every name fits
 * FORM_KEY_MAX_BYTES.  Fields of other pages and unknown fields are
 * ignored; a question hidden by its conditions is neither read nor
 * required.
 *
 * Errors are message keys with one parameter ({n} in the catalogue), one
 * per question at most, named by the field to show them beside: the page
 * re-renders with what was typed (the request's form itself) and these.
 * Keys: invalid.required, invalid.one_line, survey.choice.invalid,
 * survey.other.required, survey.other.max, survey.multiple.min,
 * survey.multiple.max, survey.matrix.required, survey.number.invalid,
 * survey.number.integer, survey.number.decimal (one),
 * survey.number.decimals (2 to 4), survey.number.min, survey.number.max
 * (a number as written, "168" or "7.5": the page puts the local decimal
 * sign), survey.text.invalid, survey.text.max, survey.date.invalid,
 * survey.date.min, survey.date.max (YYYY-MM-DD: the page writes it the
 * local way).
 *
 * Back and save (qanswer_decode_partial) keep every valid answer of a
 * page and ask for nothing missing: a required question left empty, a
 * matrix row not chosen, fewer ticks than the minimum or "other" without
 * its text are no errors then (Next asks for them, and every page is
 * left by Next before the end); a value that is invalid still is, and the
 * valid rows of a matrix are kept beside an invalid one.
 *
 * Conditions see only answers of earlier pages (qdef.c enforces that), so
 * a page's visibility is known before it is shown, and a question hidden
 * once an earlier answer changes loses its answers (qanswers_prune).
 */
#include <stdlib.h>
#include <string.h>

#include "karika.h"

#define QANSWERS_FIRST_CAP 32

/* A decoded page: where values and errors go while it is read. */
struct page_in {
	struct arena *a;
	const struct qdef *d;
	const struct kvlist *form;
	struct qanswers *out;
	struct qerrors *errs;
	bool partial; /* Back or save: what is missing is no error */
};

/*
 * Appends a copy of the row *v (its strings stay borrowed: they must live
 * as long as the list, e.g. in the same arena) to list l, growing it in
 * arena a.
 */
void
qanswers_add(struct arena *a, struct qanswers *l, const struct qval *v)
{
	struct qval *nv;
	size_t cap;

	if (l->n == l->cap) {
		cap = l->cap == 0 ? QANSWERS_FIRST_CAP : l->cap * 2;
		nv = arena_calloc(a, cap, sizeof(*nv));
		if (l->n > 0)
			memcpy(nv, l->v, l->n * sizeof(*nv));
		l->v = nv;
		l->cap = cap;
	}
	l->v[l->n++] = *v;
	if (l->v[l->n - 1].item == NULL)
		l->v[l->n - 1].item = "";
}

/*
 * The first answer row of question (and matrix item, or NULL for any)
 * in l, or NULL.  Borrowed.
 */
const struct qval *
qanswers_find(const struct qanswers *l, const char *question, const char *item)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].question, question) == 0 &&
		    (item == NULL || strcmp(l->v[i].item, item) == 0))
			return &l->v[i];
	return NULL;
}

/* True when question q of d is on page p. */
static bool
on_page(const struct qdef *d, size_t p, const char *question)
{
	size_t i;

	for (i = d->pages[p].first; i < d->pages[p].first + d->pages[p].n; i++)
		if (strcmp(d->questions[i].code, question) == 0)
			return true;
	return false;
}

/*
 * Replaces the answers to page p's questions in all with those in page
 * (what qanswer_decode() gave for p): Back and a second submission change
 * answers rather than add to them.
 */
void
qanswers_set_page(struct arena *a, struct qanswers *all, const struct qdef *d,
    size_t p, const struct qanswers *page)
{
	size_t i, k = 0;

	for (i = 0; i < all->n; i++)
		if (!on_page(d, p, all->v[i].question))
			all->v[k++] = all->v[i];
	all->n = k;
	for (i = 0; i < page->n; i++)
		qanswers_add(a, all, &page->v[i]);
}

/* True when the answers to question q include the value v. */
static bool
answered_with(const struct qanswers *l, const char *q, const char *v)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].question, q) == 0 &&
		    l->v[i].option != NULL && strcmp(l->v[i].option, v) == 0)
			return true;
	return false;
}

/*
 * True when condition c holds for the answers l.  equals: an answer is
 * (for a multiple choice: includes) the value; one-of: an answer is one
 * of the values; not: no answer is the value, so an unanswered or hidden
 * question satisfies "not" and fails the other two.
 */
bool
qcond_holds(
    const struct qdef *d, const struct qcond *c, const struct qanswers *l)
{
	const char *q = d->questions[c->question].code;
	size_t i;

	switch (c->op) {
	case QOP_EQUALS:
		return answered_with(l, q, c->values[0]);
	case QOP_ONE_OF:
		for (i = 0; i < c->nvalues; i++)
			if (answered_with(l, q, c->values[i]))
				return true;
		return false;
	case QOP_NOT:
		return !answered_with(l, q, c->values[0]);
	default:
		abort();
	}
}

static bool
conds_hold(const struct qdef *d, const struct qcond *c, size_t n,
    const struct qanswers *l)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!qcond_holds(d, &c[i], l))
			return false;
	return true;
}

/* True when page p is for the respondent's group (or for every group). */
static bool
page_group_ok(const struct qdef *d, size_t p, const struct qanswers *l)
{
	const struct qval *g;
	size_t i;

	if (d->pages[p].groups == 0 || d->group_question == QDEF_NONE)
		return true;
	g = qanswers_find(l, d->questions[d->group_question].code, NULL);
	if (g == NULL || g->option == NULL)
		return false;
	for (i = 0; i < d->ngroups; i++)
		if (strcmp(d->groups[i].code, g->option) == 0)
			return (d->pages[p].groups & ((uint32_t)1 << i)) != 0;
	return false;
}

/*
 * True when question q is shown given the answers l: its page is for the
 * respondent's group, and its page's and its own conditions hold.
 */
bool
qdef_question_visible(const struct qdef *d, size_t q, const struct qanswers *l)
{
	const struct qquestion *qq = &d->questions[q];
	const struct qpage *p = &d->pages[qq->page];

	return page_group_ok(d, qq->page, l) &&
	    conds_hold(d, p->conds, p->nconds, l) &&
	    conds_hold(d, qq->conds, qq->nconds, l);
}

/*
 * True when page p is shown given the answers l: it is for the
 * respondent's group, its conditions hold, and at least one of its
 * questions is shown (a page of hidden questions is skipped).
 */
bool
qdef_page_visible(const struct qdef *d, size_t p, const struct qanswers *l)
{
	const struct qpage *pg = &d->pages[p];
	size_t i;

	if (!page_group_ok(d, p, l) || !conds_hold(d, pg->conds, pg->nconds, l))
		return false;
	for (i = pg->first; i < pg->first + pg->n; i++)
		if (conds_hold(
			d, d->questions[i].conds, d->questions[i].nconds, l))
			return true;
	return false;
}

/*
 * Removes the answers of questions that are hidden given the other
 * answers (an earlier answer changed on Back), in question order so that
 * a removal hides what depended on it.  Returns how many rows went.
 */
size_t
qanswers_prune(struct qanswers *l, const struct qdef *d)
{
	size_t q, i, k, removed = 0;

	for (q = 0; q < d->nquestions; q++) {
		if (qdef_question_visible(d, q, l))
			continue;
		for (i = 0, k = 0; i < l->n; i++)
			if (strcmp(l->v[i].question, d->questions[q].code) != 0)
				l->v[k++] = l->v[i];
		removed += l->n - k;
		l->n = k;
	}
	return removed;
}

/*
 * The page after page p (QDEF_NONE: before the first) that is shown given
 * the answers l, or d->npages when none is left: the end of the survey.
 */
size_t
qnav_next(const struct qdef *d, size_t p, const struct qanswers *l)
{
	size_t i = p == QDEF_NONE ? 0 : p + 1;

	for (; i < d->npages; i++)
		if (qdef_page_visible(d, i, l))
			return i;
	return d->npages;
}

/*
 * The shown page before page p (d->npages: the end), or QDEF_NONE when p
 * is the first shown page.
 */
size_t
qnav_prev(const struct qdef *d, size_t p, const struct qanswers *l)
{
	size_t i = p > d->npages ? d->npages : p;

	while (i-- > 0)
		if (qdef_page_visible(d, i, l))
			return i;
	return QDEF_NONE;
}

/* A question's share of the time: a matrix takes a moment per two rows. */
static size_t
weight_of(const struct qquestion *q)
{
	return q->type == QTYPE_MATRIX ? (q->nitems + 1) / 2 : 1;
}

/*
 * Progress at page p (d->npages: the end) given the answers l: shown
 * pages done and in all, as far as the answers so far tell, and minutes
 * left, the survey's minutes times the share of shown questions (a
 * matrix weighs half a question per row) from p on, rounded up.
 */
void
qnav_progress(const struct qdef *d, size_t p, const struct qanswers *l,
    struct qprogress *pr)
{
	size_t i, q, w, wleft = 0, wall = 0;

	memset(pr, 0, sizeof(*pr));
	for (i = 0; i < d->npages; i++) {
		if (!qdef_page_visible(d, i, l))
			continue;
		pr->total++;
		if (i < p)
			pr->done++;
		for (q = d->pages[i].first;
		     q < d->pages[i].first + d->pages[i].n; q++) {
			if (!qdef_question_visible(d, q, l))
				continue;
			w = weight_of(&d->questions[q]);
			wall += w;
			if (i >= p)
				wleft += w;
		}
	}
	if (pr->total > 0)
		pr->percent = (int)(pr->done * 100 / pr->total);
	if (wall > 0)
		pr->minutes_left =
		    (int)(((size_t)d->minutes * wleft + wall - 1) / wall);
}

/*
 * The form field of question code (and sub, an item or "other", or
 * NULL): "q.<code>[.<sub>]", in the arena.
 */
const char *
qanswer_field(struct arena *a, const char *code, const char *sub)
{
	return sub == NULL ? arena_printf(a, "q.%s", code)
			   : arena_printf(a, "q.%s.%s", code, sub);
}

/* Records the error of question q (the first one only per question). */
static void
err(struct page_in *in, size_t q, const char *field, const char *key,
    const char *param)
{
	struct qerr *e;
	size_t i;

	for (i = 0; i < in->errs->n; i++)
		if (in->errs->e[i].question == q)
			return;
	e = &in->errs->e[in->errs->n++];
	e->question = q;
	e->field = field;
	e->key = key;
	e->param = param;
}

/* A value trimmed of blanks, in the arena; NULL when it is not clean text. */
static char *
clean(struct arena *a, const char *s)
{
	const char *e;

	if (!utf8_valid(s, strlen(s)) || !text_clean(s, strlen(s)))
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s &&
	    (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		e--;
	return arena_strndup(a, s, (size_t)(e - s));
}

/* The first non-empty value of field name, trimmed, or NULL; *bad on junk. */
static char *
field(struct page_in *in, const char *name, bool *bad)
{
	size_t i;
	char *v;

	for (i = 0; i < in->form->n; i++) {
		if (strcmp(in->form->v[i].key, name) != 0)
			continue;
		if ((v = clean(in->a, in->form->v[i].val)) == NULL) {
			*bad = true;
			return NULL;
		}
		if (*v != '\0')
			return v;
	}
	return NULL;
}

static void
add(struct page_in *in, const char *q, const char *item, const char *opt,
    const char *num, const char *text)
{
	struct qval v = {q, item, opt, num, text};

	qanswers_add(in->a, in->out, &v);
}

/* The text of "other, please specify" when "other" was chosen. */
static bool
read_other(struct page_in *in, size_t qi, const char **text)
{
	const struct qquestion *q = &in->d->questions[qi];
	const char *f = qanswer_field(in->a, q->code, "other");
	bool bad = false;
	char *t;

	t = field(in, f, &bad);
	if (bad) {
		err(in, qi, f, "survey.text.invalid", NULL);
		return false;
	}
	if (t == NULL) {
		*text = NULL;
		if (in->partial)
			return true;
		err(in, qi, f, "survey.other.required", NULL);
		return false;
	}
	if (strchr(t, '\n') != NULL || strchr(t, '\r') != NULL) {
		err(in, qi, f, "invalid.one_line", NULL);
		return false;
	}
	if (utf8_chars(t, strlen(t)) > QDEF_OTHER_MAX_CHARS) {
		err(in, qi, f, "survey.other.max",
		    arena_printf(in->a, "%d", QDEF_OTHER_MAX_CHARS));
		return false;
	}
	*text = t;
	return true;
}

/* single, dropdown, yes/no, group: one option (or "other"). */
static void
read_one(struct page_in *in, size_t qi)
{
	const struct qquestion *q = &in->d->questions[qi];
	const char *f = qanswer_field(in->a, q->code, NULL), *other = NULL;
	bool bad = false;
	char *v;

	v = field(in, f, &bad);
	if (bad ||
	    (v != NULL && qdef_option(q, v) == QDEF_NONE &&
		!(q->other && strcmp(v, "other") == 0))) {
		err(in, qi, f, "survey.choice.invalid", NULL);
		return;
	}
	if (v == NULL) {
		if (q->required && !in->partial)
			err(in, qi, f, "invalid.required", NULL);
		return;
	}
	if (q->other && strcmp(v, "other") == 0 && !read_other(in, qi, &other))
		return;
	add(in, q->code, "", v, NULL, other);
}

/* multiple: each ticked option once, between min and max of them. */
static void
read_multiple(struct page_in *in, size_t qi)
{
	const struct qquestion *q = &in->d->questions[qi];
	const char *f = qanswer_field(in->a, q->code, NULL), *other = NULL;
	const char **chosen;
	size_t i, j, n = 0, min;
	char *v;

	chosen = arena_calloc(in->a, q->nopts + 2, sizeof(*chosen));
	for (i = 0; i < in->form->n; i++) {
		if (strcmp(in->form->v[i].key, f) != 0)
			continue;
		if ((v = clean(in->a, in->form->v[i].val)) == NULL ||
		    (*v != '\0' && qdef_option(q, v) == QDEF_NONE &&
			!(q->other && strcmp(v, "other") == 0))) {
			err(in, qi, f, "survey.choice.invalid", NULL);
			return;
		}
		if (*v == '\0')
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(chosen[j], v) == 0)
				break;
		if (j == n)
			chosen[n++] = v; /* n <= nopts + 1: codes are unique */
	}
	min = q->has_min ? (size_t)q->min : 0;
	if (q->required && min == 0)
		min = 1;
	if (n == 0 && q->required && !in->partial) {
		err(in, qi, f, "invalid.required", NULL);
		return;
	}
	if (n > 0 && n < min && !in->partial) {
		err(in, qi, f, "survey.multiple.min",
		    arena_printf(in->a, "%zu", min));
		return;
	}
	if (q->has_max && n > (size_t)q->max) {
		err(in, qi, f, "survey.multiple.max",
		    arena_printf(in->a, "%lld", (long long)q->max));
		return;
	}
	for (j = 0; j < n; j++)
		if (strcmp(chosen[j], "other") == 0 &&
		    !read_other(in, qi, &other))
			return;
	for (j = 0; j < n; j++)
		add(in, q->code, "", chosen[j], NULL,
		    strcmp(chosen[j], "other") == 0 ? other : NULL);
}

/* matrix: a scale point per item; required means every item. */
static void
read_matrix(struct page_in *in, size_t qi)
{
	const struct qquestion *q = &in->d->questions[qi];
	const char *f, *missing = NULL;
	const char **pick;
	size_t i, o;
	bool bad = false;
	char *v;

	pick = arena_calloc(in->a, q->nitems + 1, sizeof(*pick));
	for (i = 0; i < q->nitems; i++) {
		f = qanswer_field(in->a, q->code, q->items[i].code);
		bad = false;
		v = field(in, f, &bad);
		if (bad || (v != NULL && qdef_option(q, v) == QDEF_NONE)) {
			err(in, qi, f, "survey.choice.invalid", NULL);
			if (!in->partial)
				return;
			continue; /* the valid rows are kept */
		}
		if (v == NULL && missing == NULL)
			missing = f;
		pick[i] = v;
	}
	if (q->required && missing != NULL && !in->partial) {
		err(in, qi, missing, "survey.matrix.required", NULL);
		return;
	}
	for (i = 0; i < q->nitems; i++) {
		if (pick[i] == NULL)
			continue;
		o = qdef_option(q, pick[i]);
		add(in, q->code, q->items[i].code, pick[i],
		    arena_printf(in->a, "%zu", o + 1), NULL);
	}
}

static void
read_number(struct page_in *in, size_t qi)
{
	const struct qquestion *q = &in->d->questions[qi];
	const char *f = qanswer_field(in->a, q->code, NULL);
	bool bad = false;
	int64_t v;
	char *s;
	int rc;

	if ((s = field(in, f, &bad)) == NULL) {
		if (bad)
			err(in, qi, f, "survey.number.invalid", NULL);
		else if (q->required && !in->partial)
			err(in, qi, f, "invalid.required", NULL);
		return;
	}
	if ((rc = qnum_parse(s, q->decimals, &v)) == -2)
		err(in, qi, f,
		    q->decimals == 0	   ? "survey.number.integer"
			: q->decimals == 1 ? "survey.number.decimal"
					   : "survey.number.decimals",
		    q->decimals == 0 ? NULL
				     : arena_printf(in->a, "%d", q->decimals));
	else if (rc != 0)
		err(in, qi, f, "survey.number.invalid", NULL);
	else if (q->has_min && v < q->min)
		err(in, qi, f, "survey.number.min",
		    qnum_plain(in->a, q->min, q->decimals));
	else if (q->has_max && v > q->max)
		err(in, qi, f, "survey.number.max",
		    qnum_plain(in->a, q->max, q->decimals));
	else
		add(in, q->code, "", NULL, qnum_format(in->a, v, q->decimals),
		    NULL);
}

static void
read_text(struct page_in *in, size_t qi)
{
	const struct qquestion *q = &in->d->questions[qi];
	const char *f = qanswer_field(in->a, q->code, NULL);
	bool bad = false;
	char *s;

	if ((s = field(in, f, &bad)) == NULL) {
		if (bad)
			err(in, qi, f, "survey.text.invalid", NULL);
		else if (q->required && !in->partial)
			err(in, qi, f, "invalid.required", NULL);
		return;
	}
	if (q->type == QTYPE_TEXT &&
	    (strchr(s, '\n') != NULL || strchr(s, '\r') != NULL))
		err(in, qi, f, "invalid.one_line", NULL);
	else if (utf8_chars(s, strlen(s)) > (size_t)q->max)
		err(in, qi, f, "survey.text.max",
		    arena_printf(in->a, "%lld", (long long)q->max));
	else
		add(in, q->code, "", NULL, NULL, s);
}

static void
read_date(struct page_in *in, size_t qi)
{
	const struct qquestion *q = &in->d->questions[qi];
	const char *f = qanswer_field(in->a, q->code, NULL);
	bool bad = false;
	char *s, iso[11];

	if ((s = field(in, f, &bad)) == NULL) {
		if (bad)
			err(in, qi, f, "survey.date.invalid", NULL);
		else if (q->required && !in->partial)
			err(in, qi, f, "invalid.required", NULL);
		return;
	}
	if (qdate_parse(s, iso) == -1)
		err(in, qi, f, "survey.date.invalid", NULL);
	else if (q->min_date != NULL && strcmp(iso, q->min_date) < 0)
		err(in, qi, f, "survey.date.min", q->min_date);
	else if (q->max_date != NULL && strcmp(iso, q->max_date) > 0)
		err(in, qi, f, "survey.date.max", q->max_date);
	else
		add(in, q->code, "", NULL, NULL, arena_strdup(in->a, iso));
}

static size_t
decode(struct arena *a, const struct qdef *d, size_t p,
    const struct kvlist *form, const struct qanswers *prior,
    struct qanswers *out, struct qerrors *errs, bool partial)
{
	struct page_in in = {a, d, form, out, errs, partial};
	const struct qpage *pg = &d->pages[p];
	size_t i;

	memset(out, 0, sizeof(*out));
	errs->n = 0;
	errs->e = arena_calloc(a, pg->n + 1, sizeof(*errs->e));
	for (i = pg->first; i < pg->first + pg->n; i++) {
		if (!qdef_question_visible(d, i, prior))
			continue;
		switch (d->questions[i].type) {
		case QTYPE_SINGLE:
		case QTYPE_DROPDOWN:
		case QTYPE_YESNO:
		case QTYPE_GROUP:
			read_one(&in, i);
			break;
		case QTYPE_MULTIPLE:
			read_multiple(&in, i);
			break;
		case QTYPE_MATRIX:
			read_matrix(&in, i);
			break;
		case QTYPE_NUMBER:
			read_number(&in, i);
			break;
		case QTYPE_TEXT:
		case QTYPE_LONGTEXT:
			read_text(&in, i);
			break;
		case QTYPE_DATE:
			read_date(&in, i);
			break;
		default:
			abort();
		}
	}
	return errs->n;
}

/*
 * Decodes the submitted form of page p of survey d, given the answers of
 * earlier pages (prior, for the conditions).  The answers of the page's
 * shown questions that are valid go to out (rows in arena a; out starts
 * empty), one error per invalid question to errs (its array in arena a).
 * Returns the number of errors: 0 means the page may be stored and the
 * respondent moves on.  p must be a page of d.
 */
size_t
qanswer_decode(struct arena *a, const struct qdef *d, size_t p,
    const struct kvlist *form, const struct qanswers *prior,
    struct qanswers *out, struct qerrors *errs)
{
	return decode(a, d, p, form, prior, out, errs, false);
}

/*
 * As qanswer_decode, for Back and save: every valid answer given goes to
 * out, nothing missing is an error, and errs holds only the values that
 * are invalid (which are not kept).
 */
size_t
qanswer_decode_partial(struct arena *a, const struct qdef *d, size_t p,
    const struct kvlist *form, const struct qanswers *prior,
    struct qanswers *out, struct qerrors *errs)
{
	return decode(a, d, p, form, prior, out, errs, true);
}
