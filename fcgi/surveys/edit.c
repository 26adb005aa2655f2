/* SPDX-License-Identifier: ISC */
/*
 * edit.c: the survey editor (issue 11), /surveys/edit/: a survey as a
 * whole.  A survey editor or an administrator of the municipality lists
 * its surveys, opens one (its outline, with what can be done to it),
 * creates one in forms, edits its metadata, and sends or fetches its
 * definition as XML.  Pages and questions are edit_pages.c (with the
 * preview), publishing, closing, results and the next round's copy
 * edit_publish.c, the forms' texts edit_text.c (edit.h says what they
 * share); exports are export.c.
 *
 * The definition (a survey.rng document, fcgi/common/qdef.c) is the one
 * source: every form edit copies the stored model, changes it, writes it
 * back with qdef_write() and parses that again with qdef_parse(), so a
 * form can never store what an upload would be refused for, and the
 * refusal names the same reason.  Once responses exist the structure is
 * locked: no question removed, no code, type, option or item changed, no
 * page moved (structure_kept()); texts may be corrected.
 *
 * Every handler: the route allows editors and administrators only
 * (main.c), the survey is opened through sedit_kind (the caller's
 * municipality, else 404 and an audit row), a change is one transaction
 * with its audit row, then 303 back to the survey.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "surveys.h"
#include "edit.h"

const struct record_kind sedit_kind = {
    .type = "survey",
    .perms = SEDIT_PERMS,
    .stmt = STMT_SEDIT_SURVEY,
    .params = {SCOPE_MUNICIPALITY},
};

/*
 * Opens survey r->ids[0] for this caller into s: its row, its responses
 * and its parsed definition (s->d NULL when none is stored).  404 (and
 * an audit row) when it is not of the caller's municipality; 503.
 */
enum http_status
sv_load(struct req *r, const char *action, struct sv *s)
{
	struct db_res res, cnt;
	struct qdef_error err;
	const struct qschema *sc;
	enum http_status st;
	enum db_rc rc;

	memset(s, 0, sizeof(*s));
	if ((st = record_check(r, &sedit_kind, r->ids[0], action, &res)) !=
	    HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_SEDIT_COUNTS, &cnt, DBP_I(r->ids[0]))) != DB_OK)
		return db_status(rc);
	s->id = db_int(&res, 0, "id");
	s->code = db_str(&res, 0, "code");
	s->xml = db_str(&res, 0, "definition");
	s->status = db_str(&res, 0, "status");
	s->round = db_int(&res, 0, "round");
	s->results = db_int(&res, 0, "results") != 0;
	s->opens = db_str(&res, 0, "opens");
	s->closes = db_str(&res, 0, "closes");
	s->responses = db_int(&cnt, 0, "responses");
	s->completed = db_int(&cnt, 0, "completed");
	if (s->xml == NULL)
		return HTTP_OK;
	if ((sc = surveys_schema()) == NULL)
		return HTTP_INTERNAL;
	if ((s->d = qdef_parse(r->arena, sc, s->xml, strlen(s->xml), &err)) ==
	    NULL)
		LOGE("rid=%s survey %lld: stored definition refused at line "
		     "%d",
		    r->rid, (long long)s->id, err.line);
	return HTTP_OK;
}

/* --- the model: copy, rebuild, check, store ----------------------------- */

/*
 * A copy of d whose arrays may be changed, each with one spare slot at
 * its end (index npages, nquestions) for a page or question being added.
 */
struct qdef *
model_copy(struct arena *a, const struct qdef *d)
{
	struct qdef *w = arena_calloc(a, 1, sizeof(*w));

	*w = *d;
	w->pages = arena_calloc(a, d->npages + 2, sizeof(*w->pages));
	if (d->npages > 0)
		memcpy(w->pages, d->pages, d->npages * sizeof(*w->pages));
	w->questions =
	    arena_calloc(a, d->nquestions + 2, sizeof(*w->questions));
	if (d->nquestions > 0)
		memcpy(w->questions, d->questions,
		    d->nquestions * sizeof(*w->questions));
	w->groups = arena_calloc(a, d->ngroups + 1, sizeof(*w->groups));
	if (d->ngroups > 0)
		memcpy(w->groups, d->groups, d->ngroups * sizeof(*w->groups));
	return w;
}

/* Conditions c[0..n) with question indices mapped through inv. */
static int
conds_map(struct arena *a, const struct qdef *w, const size_t *inv,
    struct qcond **c, size_t n, const char **used)
{
	struct qcond *m;
	size_t k;

	m = arena_calloc(a, n + 1, sizeof(*m));
	for (k = 0; k < n; k++) {
		m[k] = (*c)[k];
		if ((m[k].question = inv[(*c)[k].question]) == QDEF_NONE) {
			*used = w->questions[(*c)[k].question].code;
			return -1;
		}
	}
	*c = m;
	return 0;
}

/*
 * The definition w (a model_copy, its spare slots possibly filled) with
 * pages psrc[0..np) (indices into w->pages, plen[p] questions each) and
 * questions order[0..nq) (indices into w->questions), in the arena.
 * Conditions follow their questions; one that names a question left out
 * makes it NULL with *used set to that question's code.
 */
struct qdef *
rebuild(struct arena *a, const struct qdef *w, const size_t *psrc,
    const size_t *plen, size_t np, const size_t *order, size_t nq,
    const char **used)
{
	struct qdef *d = arena_calloc(a, 1, sizeof(*d));
	size_t *inv, slots = w->nquestions + 2, p, k, q = 0;

	*d = *w;
	inv = arena_calloc(a, slots, sizeof(*inv));
	for (k = 0; k < slots; k++)
		inv[k] = QDEF_NONE;
	for (k = 0; k < nq; k++)
		inv[order[k]] = k;
	d->pages = arena_calloc(a, np + 1, sizeof(*d->pages));
	d->questions = arena_calloc(a, nq + 1, sizeof(*d->questions));
	d->npages = np;
	d->nquestions = nq;
	for (p = 0; p < np; p++) {
		d->pages[p] = w->pages[psrc[p]];
		d->pages[p].first = q;
		d->pages[p].n = plen[p];
		if (conds_map(a, w, inv, &d->pages[p].conds, d->pages[p].nconds,
			used) == -1)
			return NULL;
		for (k = 0; k < plen[p]; k++, q++) {
			d->questions[q] = w->questions[order[q]];
			d->questions[q].page = p;
			if (conds_map(a, w, inv, &d->questions[q].conds,
				d->questions[q].nconds, used) == -1)
				return NULL;
		}
	}
	d->group_question =
	    w->group_question == QDEF_NONE ? QDEF_NONE : inv[w->group_question];
	return d;
}

/* The page and question layout of w as it is: psrc, plen and order. */
void
layout_of(struct arena *a, const struct qdef *w, size_t **psrc, size_t **plen,
    size_t **order)
{
	size_t k;

	*psrc = arena_calloc(a, w->npages + 2, sizeof(**psrc));
	*plen = arena_calloc(a, w->npages + 2, sizeof(**plen));
	*order = arena_calloc(a, w->nquestions + 2, sizeof(**order));
	for (k = 0; k < w->npages; k++) {
		(*psrc)[k] = k;
		(*plen)[k] = w->pages[k].n;
	}
	for (k = 0; k < w->nquestions; k++)
		(*order)[k] = k;
}

/*
 * With responses stored, what may not change: every question stays, on
 * its page, with its type, "other", options and items (codes, in order),
 * and the pages keep their places (a respondent in progress resumes at a
 * page's index).  Returns the catalogue key of the first change, or NULL.
 */
static const char *
structure_kept(const struct qdef *o, const struct qdef *n, const char **which)
{
	const struct qquestion *a, *b;
	size_t i, j, k;

	for (i = 0; i < o->npages; i++)
		if (i >= n->npages ||
		    strcmp(o->pages[i].code, n->pages[i].code))
			return *which = o->pages[i].code, "sedit.locked.pages";
	for (i = 0; i < o->nquestions; i++) {
		a = &o->questions[i];
		*which = a->code;
		if ((j = qdef_find(n, a->code)) == QDEF_NONE)
			return "sedit.locked.removed";
		b = &n->questions[j];
		if (a->type != b->type || a->other != b->other ||
		    a->nopts != b->nopts || a->nitems != b->nitems)
			return "sedit.locked.options";
		if (strcmp(o->pages[a->page].code, n->pages[b->page].code) != 0)
			return "sedit.locked.pages";
		for (k = 0; k < a->nopts; k++)
			if (strcmp(a->opts[k].code, b->opts[k].code) != 0)
				return "sedit.locked.options";
		for (k = 0; k < a->nitems; k++)
			if (strcmp(a->items[k].code, b->items[k].code) != 0)
				return "sedit.locked.options";
	}
	*which = NULL;
	return NULL;
}

/*
 * Checks model d as the new definition of survey s: serialised and
 * parsed again (the same checks as an upload), and, with responses,
 * structure_kept() and the same slug.  Returns the parsed definition and
 * its text in *xml, or NULL with *key (and *reason: qdef's words, or the
 * code concerned) set.
 */
const struct qdef *
sv_check(struct req *r, const struct sv *s, const char *text,
    const struct qdef *d, const char **xml, const char **key,
    const char **reason)
{
	const struct qschema *sc;
	const struct qdef *p;
	struct qdef_error err;
	size_t len;

	*key = *reason = NULL;
	if ((sc = surveys_schema()) == NULL) {
		*key = "error.500";
		return NULL;
	}
	if (text == NULL && (text = qdef_write(r->arena, d, &len)) == NULL) {
		*key = "error.500";
		return NULL;
	}
	if ((p = qdef_parse(r->arena, sc, text, strlen(text), &err)) == NULL) {
		*key = "sedit.refused";
		*reason = err.line > 0
		    ? arena_printf(r->arena, "%d: %s", err.line, err.reason)
		    : arena_strdup(r->arena, err.reason);
		return NULL;
	}
	if (strcmp(p->slug, "edit") == 0) {
		*key = "sedit.slug.reserved";
		return NULL;
	}
	if (s != NULL && s->responses > 0 && s->d != NULL) {
		if (strcmp(p->slug, s->d->slug) != 0) {
			*key = "sedit.locked.slug";
			return NULL;
		}
		if ((*key = structure_kept(s->d, p, reason)) != NULL)
			return NULL;
	}
	*xml = text;
	return p;
}

/*
 * Stores definition d (its text xml) as survey s's, with its slug and
 * titles, and the audit row of action; in the caller's transaction.
 */
enum db_rc
sv_store(struct req *r, const struct sv *s, const struct qdef *d,
    const char *xml, const char *action)
{
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_SEDIT_UPDATE, NULL, DBP_S(d->slug),
		 DBP_S(qdef_text(&d->title, LOCALE_SR_LATN)),
		 DBP_S(qdef_text(&d->title, LOCALE_SR_CYRL)),
		 DBP_S(qdef_text(&d->title, LOCALE_BS)),
		 DBP_S(qdef_text(&d->title, LOCALE_EN)), DBP_S(xml),
		 DBP_I(s->id))) != DB_OK)
		return rc;
	return audit(r, action, "survey", s->id, "ok");
}

/* --- what every editor page writes ------------------------------------ */

/* The survey's summary, inside <sedit>: what every editor page shows. */
int
write_survey(struct req *r, struct xml *x, const struct sv *s)
{
	if (xml_attr_int(x, "id", s->id) == -1 ||
	    xml_attr(x, "code", s->code) == -1 ||
	    xml_attr(x, "status", s->status) == -1 ||
	    xml_attr_int(x, "round", s->round) == -1 ||
	    xml_attr_int(x, "responses", s->responses) == -1 ||
	    xml_attr_int(x, "completed", s->completed) == -1 ||
	    xml_attr(x, "results", s->results ? "1" : "0") == -1 ||
	    xml_attr_time(x, "opens", s->opens) == -1 ||
	    xml_attr_time(x, "closes", s->closes) == -1 ||
	    (s->responses > 0 && xml_attr(x, "locked", "1") == -1))
		return -1;
	if (s->d != NULL &&
	    (xml_attr(x, "title", qdef_text(&s->d->title, r->locale)) == -1 ||
		xml_attr(x, "local-opens", s->d->opens) == -1 ||
		xml_attr(x, "local-closes", s->d->closes) == -1))
		return -1;
	return 0;
}

/*
 * <problem key="…" reason="…"/>: why a change was refused: reason is
 * qdef's line and words for a definition refused (sedit.refused), else
 * the code of the page or question concerned (which="…").
 */
static int
write_problem(struct xml *x, const char *key, const char *reason)
{
	bool refused;

	if (key == NULL)
		return 0;
	refused = strcmp(key, "sedit.refused") == 0;
	if (xml_start(x, "problem") == -1 || xml_attr(x, "key", key) == -1 ||
	    xml_attr(x, refused ? "reason" : "which", reason) == -1)
		return -1;
	return xml_end(x);
}

/*
 * An editor's page with one form: <sedit page="…" (the survey)>
 * <problem/> <form/></sedit>.  Returns form_status() (422 with errors).
 */
enum http_status
show_form(struct req *r, struct xml *x, const char *page, const char *action,
    const char *submit, const struct field *fields, const struct form *f,
    const struct sv *s, const char *key, const char *reason)
{
	if (xml_start(x, "sedit") == -1 || xml_attr(x, "page", page) == -1 ||
	    (s != NULL && write_survey(r, x, s) == -1) ||
	    write_problem(x, key, reason) == -1 ||
	    form_write(x, "post", action, submit, fields, f) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return form_status(r, f);
}

/*
 * Marks form f refused as a whole with key (the form's own error: the
 * page shows it above the fields) and undoes the transaction, if any.
 */
void
refuse(struct req *r, struct form *f, const char *key)
{
	if (db_in_txn(r->w->db))
		db_rollback(r->w->db);
	if (f->problem == NULL)
		f->problem = key;
	f->nerrors++;
}

/* "/surveys/edit/<id>" */
const char *
sv_path(struct req *r, int64_t id)
{
	return arena_printf(r->arena, "/surveys/edit/%lld", (long long)id);
}

/* --- the list, and a survey's page ---------------------------------------- */

/*
 * GET /surveys/edit/ -> <sedit page="list"><survey id code title status
 * round opens closes results completed/>…</sedit>
 */
enum http_status
sedit_list(struct req *r, struct xml *x)
{
	struct db_res res;
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_SEDIT_LIST, &res, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "sedit") == -1 || xml_attr(x, "page", "list") == -1 ||
	    xml_rows(x, "survey", &res) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* <cond question op values/>… of c[0..n) of d. */
static int
write_conds(
    struct xml *x, const struct qdef *d, const struct qcond *c, size_t n)
{
	size_t k, j;

	for (k = 0; k < n; k++) {
		if (xml_start(x, "cond") == -1 ||
		    xml_attr(x, "question", d->questions[c[k].question].code) ==
			-1 ||
		    xml_attr(x, "op", qop_names[c[k].op]) == -1)
			return -1;
		for (j = 0; j < c[k].nvalues; j++)
			if (xml_elem_text(x, "value", c[k].values[j]) == -1)
				return -1;
		if (xml_end(x) == -1)
			return -1;
	}
	return 0;
}

/*
 * <page n code title groups><cond/><question n code type required
 * text/>…</page>…: the definition's outline in the request's locale.
 */
static int
write_outline(struct req *r, struct xml *x, const struct qdef *d)
{
	const struct qpage *p;
	const struct qquestion *q;
	size_t i, k, g;
	char *groups;

	for (i = 0; i < d->npages; i++) {
		p = &d->pages[i];
		groups = arena_strdup(r->arena, "");
		for (g = 0; g < d->ngroups; g++)
			if (p->groups & ((uint32_t)1 << g))
				groups = arena_printf(r->arena, "%s%s%s",
				    groups, *groups != '\0' ? ", " : "",
				    qdef_text(&d->groups[g].label, r->locale));
		if (xml_start(x, "page") == -1 ||
		    xml_attr_int(x, "n", (int64_t)i + 1) == -1 ||
		    xml_attr(x, "code", p->code) == -1 ||
		    xml_attr(x, "title", qdef_text(&p->title, r->locale)) ==
			-1 ||
		    xml_attr(x, "groups", *groups != '\0' ? groups : NULL) ==
			-1 ||
		    write_conds(x, d, p->conds, p->nconds) == -1)
			return -1;
		for (k = p->first; k < p->first + p->n; k++) {
			q = &d->questions[k];
			if (xml_start(x, "question") == -1 ||
			    xml_attr_int(x, "n", (int64_t)k + 1) == -1 ||
			    xml_attr(x, "code", q->code) == -1 ||
			    xml_attr(x, "type", qtype_names[q->type]) == -1 ||
			    xml_attr(x, "required", q->required ? "1" : NULL) ==
				-1 ||
			    xml_attr(x, "text",
				qdef_text(&q->text, r->locale)) == -1 ||
			    write_conds(x, d, q->conds, q->nconds) == -1 ||
			    xml_end(x) == -1)
				return -1;
		}
		if (xml_end(x) == -1)
			return -1;
	}
	return 0;
}

/* The survey's page, with the reason of a refused button (or none). */
static enum http_status
show_survey(struct req *r, struct xml *x, const struct sv *s, const char *key,
    const char *reason)
{
	if (xml_start(x, "sedit") == -1 || xml_attr(x, "page", "show") == -1 ||
	    write_survey(r, x, s) == -1 ||
	    write_problem(x, key, reason) == -1 ||
	    (s->d != NULL && write_outline(r, x, s->d) == -1) ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* GET /surveys/edit/%: the survey, its outline and what can be done. */
enum http_status
sedit_show(struct req *r, struct xml *x)
{
	struct sv s;
	enum http_status st;

	if ((st = sv_load(r, "survey.read", &s)) != HTTP_OK)
		return st;
	return show_survey(r, x, &s, NULL, NULL);
}

/* --- metadata: a new survey, and a survey's own texts ------------------ */

enum mf {
	MF_SLUG,
	MF_TITLE,
	MF_TITLE_CYRL,
	MF_TITLE_BS,
	MF_TITLE_EN,
	MF_PURPOSE,
	MF_PURPOSE_CYRL,
	MF_PURPOSE_BS,
	MF_PURPOSE_EN,
	MF_THANKS,
	MF_THANKS_CYRL,
	MF_THANKS_BS,
	MF_THANKS_EN,
	MF_MINUTES,
	MF_ANONYMOUS,
	MF_OPENS,
	MF_CLOSES,
	MF_GROUPS,
	MF_GROUPS_CYRL,
	MF_GROUPS_BS,
	MF_GROUPS_EN,
	MF_QUOTAS,
	MF_FIRST, /* a new survey only: its first question */
	MF__MAX
};

static const struct field meta_fields[MF__MAX] = {
    TXT("slug", true, QDEF_CODE_MAX_BYTES, "sedit.slug"),
    TXT("title", true, SEDIT_TITLE_MAX_CHARS, "sedit.title.sr-Latn"),
    TXT("title_cyrl", false, SEDIT_TITLE_MAX_CHARS, "sedit.title.sr-Cyrl"),
    TXT("title_bs", false, SEDIT_TITLE_MAX_CHARS, "sedit.title.bs"),
    TXT("title_en", false, SEDIT_TITLE_MAX_CHARS, "sedit.title.en"),
    TXT("purpose", true, SEDIT_LONG_MAX_CHARS, "sedit.purpose.sr-Latn"),
    TXT("purpose_cyrl", false, SEDIT_LONG_MAX_CHARS, "sedit.purpose.sr-Cyrl"),
    TXT("purpose_bs", false, SEDIT_LONG_MAX_CHARS, "sedit.purpose.bs"),
    TXT("purpose_en", false, SEDIT_LONG_MAX_CHARS, "sedit.purpose.en"),
    TXT("thanks", false, SEDIT_LONG_MAX_CHARS, "sedit.thanks.sr-Latn"),
    TXT("thanks_cyrl", false, SEDIT_LONG_MAX_CHARS, "sedit.thanks.sr-Cyrl"),
    TXT("thanks_bs", false, SEDIT_LONG_MAX_CHARS, "sedit.thanks.bs"),
    TXT("thanks_en", false, SEDIT_LONG_MAX_CHARS, "sedit.thanks.en"),
    {"minutes", VALID_INT, true, 1, 120, "sedit.minutes", "off", NULL, NULL},
    {"anonymous", VALID_CHECKBOX, false, 0, 0, "sedit.anonymous", NULL, NULL,
	NULL},
    TXT("opens", false, SEDIT_WHEN_MAX_CHARS, "sedit.opens"),
    TXT("closes", false, SEDIT_WHEN_MAX_CHARS, "sedit.closes"),
    TXT("groups", false, SEDIT_LINES_MAX_CHARS, "sedit.groups.sr-Latn"),
    TXT("groups_cyrl", false, SEDIT_LINES_MAX_CHARS, "sedit.groups.sr-Cyrl"),
    TXT("groups_bs", false, SEDIT_LINES_MAX_CHARS, "sedit.groups.bs"),
    TXT("groups_en", false, SEDIT_LINES_MAX_CHARS, "sedit.groups.en"),
    TXT("quotas", false, SEDIT_LINES_MAX_CHARS, "sedit.quotas"),
    TXT("first", true, SEDIT_LONG_MAX_CHARS, "sedit.first"),
};

/* The form's metadata into w (a model copy); -1 after marking a field. */
static int
meta_from(struct req *r, struct form *f, struct qdef *w)
{
	const char **codes, **vals;
	struct qopt *g;
	char opens[17], closes[17];
	size_t n, k, j, i;
	int64_t quota;
	uint32_t bits;
	struct qgroup *ng;

	if (!code_ok(f->text[MF_SLUG]))
		form_error(f, MF_SLUG, "sedit.invalid.code");
	else if (strcmp(f->text[MF_SLUG], "edit") == 0)
		form_error(f, MF_SLUG, "sedit.slug.reserved");
	w->slug = f->text[MF_SLUG];
	text_from(f, MF_TITLE, &w->title);
	text_from(f, MF_PURPOSE, &w->purpose);
	text_from(f, MF_THANKS, &w->thanks);
	w->minutes = (int)f->num[MF_MINUTES];
	w->anonymous = f->present[MF_ANONYMOUS];
	w->opens = w->closes = NULL;
	if (*f->text[MF_OPENS] != '\0') {
		if (when_parse(f->text[MF_OPENS], opens) == -1)
			form_error(f, MF_OPENS, "sedit.invalid.when");
		else
			w->opens = arena_strdup(r->arena, opens);
	}
	if (*f->text[MF_CLOSES] != '\0') {
		if (when_parse(f->text[MF_CLOSES], closes) == -1)
			form_error(f, MF_CLOSES, "sedit.invalid.when");
		else
			w->closes = arena_strdup(r->arena, closes);
	}
	if (opts_from(r, f, MF_GROUPS, QDEF_MAX_GROUPS, &g, &n) == -1 ||
	    pairs_parse(r, f, MF_QUOTAS, QDEF_MAX_GROUPS, &codes, &vals, &k) ==
		-1)
		return -1;
	ng = arena_calloc(r->arena, n + 1, sizeof(*ng));
	for (i = 0; i < n; i++) {
		ng[i].code = g[i].code;
		ng[i].label = g[i].label;
	}
	for (j = 0; j < k; j++) {
		for (i = 0; i < n; i++)
			if (strcmp(ng[i].code, codes[j]) == 0)
				break;
		if (i == n || str_to_int64(vals[j], 1, 1000000, &quota) == -1) {
			form_error(f, MF_QUOTAS, "sedit.invalid.quotas");
			return -1;
		}
		ng[i].quota = quota;
	}
	/* Pages name groups by index: map them to the new list by code. */
	for (i = 0; i < w->npages; i++) {
		bits = 0;
		for (j = 0; j < w->ngroups; j++) {
			if (!(w->pages[i].groups & ((uint32_t)1 << j)))
				continue;
			for (k = 0; k < n; k++)
				if (strcmp(ng[k].code, w->groups[j].code) == 0)
					break;
			if (k == n) {
				form_error(f, MF_GROUPS, "sedit.groups.used");
				return -1;
			}
			bits |= (uint32_t)1 << k;
		}
		w->pages[i].groups = bits;
	}
	w->groups = ng;
	w->ngroups = n;
	return f->nerrors > 0 ? -1 : 0;
}

/* The metadata of d into the form. */
static void
meta_to(struct req *r, struct form *f, const struct qdef *d)
{
	struct qopt *g;
	char *q;
	size_t i;

	f->text[MF_SLUG] = d->slug;
	text_to(f, MF_TITLE, &d->title);
	text_to(f, MF_PURPOSE, &d->purpose);
	text_to(f, MF_THANKS, &d->thanks);
	f->text[MF_MINUTES] = arena_printf(r->arena, "%d", d->minutes);
	f->present[MF_ANONYMOUS] = d->anonymous;
	f->text[MF_OPENS] = when_show(r, d->opens);
	f->text[MF_CLOSES] = when_show(r, d->closes);
	g = arena_calloc(r->arena, d->ngroups + 1, sizeof(*g));
	q = arena_strdup(r->arena, "");
	for (i = 0; i < d->ngroups; i++) {
		g[i].code = d->groups[i].code;
		g[i].label = d->groups[i].label;
		if (d->groups[i].quota > 0)
			q = arena_printf(r->arena, "%s%s = %lld\n", q,
			    d->groups[i].code, (long long)d->groups[i].quota);
	}
	opts_to(r, f, MF_GROUPS, g, d->ngroups);
	f->text[MF_QUOTAS] = q;
}

/* GET /surveys/edit/new: the form of a new survey. */
enum http_status
sedit_new(struct req *r, struct xml *x)
{
	struct form f;

	form_empty(r, MF__MAX, &f);
	f.text[MF_MINUTES] = "10";
	f.present[MF_ANONYMOUS] = true;
	return show_form(r, x, "new", "/surveys/edit/new", "sedit.create",
	    meta_fields, &f, NULL, NULL, NULL);
}

/*
 * POST /surveys/edit/new: a draft survey from the form: its metadata and
 * one page with its first question (a definition has at least one), a
 * one-line text the editor changes next.  303 to it; 422 with the form;
 * 409 when the slug is taken.
 */
enum http_status
sedit_create(struct req *r, struct xml *x)
{
	struct qdef w0, *w;
	struct qpage pg;
	struct qquestion q;
	const struct qdef *d;
	const char *xml, *key, *reason;
	struct form f;
	struct db_res res;
	enum db_rc rc;
	int64_t id;

	form_validate(r, meta_fields, MF__MAX, &f);
	memset(&w0, 0, sizeof(w0));
	memset(&pg, 0, sizeof(pg));
	memset(&q, 0, sizeof(q));
	w0.group_question = QDEF_NONE;
	pg.code = "p1";
	pg.n = 1;
	q.code = "q1";
	q.type = QTYPE_TEXT;
	q.text.s[LOCALE_SR_LATN] = f.text[MF_FIRST];
	q.text.given = 1u << LOCALE_SR_LATN;
	w0.pages = &pg;
	w0.npages = 1;
	w0.questions = &q;
	w0.nquestions = 1;
	w = model_copy(r->arena, &w0);
	if (f.problem == NULL && meta_from(r, &f, w) == 0 && f.nerrors == 0) {
		if ((d = sv_check(r, NULL, NULL, w, &xml, &key, &reason)) ==
		    NULL) {
			refuse(r, &f, key);
			return show_form(r, x, "new", "/surveys/edit/new",
			    "sedit.create", meta_fields, &f, NULL, key, reason);
		}
		if ((rc = db_begin(r->w->db)) != DB_OK)
			return db_status(rc);
		rc = DBQ(r, STMT_SEDIT_INSERT, &res,
		    DBP_I(r->sess->municipality), DBP_S(d->slug),
		    DBP_S(qdef_text(&d->title, LOCALE_SR_LATN)),
		    DBP_S(qdef_text(&d->title, LOCALE_SR_CYRL)),
		    DBP_S(qdef_text(&d->title, LOCALE_BS)),
		    DBP_S(qdef_text(&d->title, LOCALE_EN)), DBP_S(xml),
		    DBP_I(1), DBP_NUL);
		if (rc == DB_DUPLICATE) {
			db_rollback(r->w->db);
			form_error(&f, MF_SLUG, "sedit.slug.taken");
			r->render = true;
			if (show_form(r, x, "new", "/surveys/edit/new",
				"sedit.create", meta_fields, &f, NULL, NULL,
				NULL) == HTTP_INTERNAL)
				return HTTP_INTERNAL;
			return HTTP_CONFLICT;
		}
		id = (int64_t)res.insert_id;
		if (rc != DB_OK ||
		    (rc = audit(r, "survey.create", "survey", id, "ok")) !=
			DB_OK ||
		    (rc = db_commit(r->w->db)) != DB_OK)
			return db_undo(r, rc);
		return form_done(r, sv_path(r, id), "sedit-created");
	}
	return show_form(r, x, "new", "/surveys/edit/new", "sedit.create",
	    meta_fields, &f, NULL, NULL, NULL);
}

/* --- the edit of one object: load, validate, apply, check, store -------- */

/* GET: the form of ef, filled from survey r->ids[0]'s definition. */
enum http_status
edit_get(struct req *r, struct xml *x, const struct edit_form *ef)
{
	struct sv s;
	struct form f;
	enum http_status st;

	if ((st = sv_load(r, ef->action, &s)) != HTTP_OK)
		return st;
	if (s.d == NULL && ef->load != NULL) /* only an upload can help */
		return form_done(r,
		    arena_printf(r->arena, "%s/definition", sv_path(r, s.id)),
		    NULL);
	form_empty(r, ef->n, &f);
	if (ef->load != NULL && (st = ef->load(r, &f, &s)) != HTTP_OK)
		return st;
	return show_form(r, x, ef->page, r->path, ef->submit, ef->fields, &f,
	    &s, NULL, NULL);
}

/*
 * POST: the survey is read under lock, the form validated and applied,
 * the new definition checked (sv_check) and stored with its audit row in
 * one transaction; 303 back to the survey.  With errors the form comes
 * back (422) with what was typed and the reason.
 */
enum http_status
edit_post(struct req *r, struct xml *x, const struct edit_form *ef)
{
	struct sv s;
	struct form f;
	const struct qdef *nd = NULL, *d;
	const char *xml, *key = NULL, *reason = NULL;
	enum http_status st;
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_status(rc);
	if ((st = sv_load(r, ef->action, &s)) != HTTP_OK) {
		/* keeps the audit row of a refusal */
		if (st == HTTP_NOT_FOUND && db_commit(r->w->db) != DB_OK)
			return HTTP_UNAVAILABLE;
		return db_in_txn(r->w->db) ? db_undo(r, DB_ERROR) : st;
	}
	if (s.d == NULL) {
		db_rollback(r->w->db);
		return form_done(r,
		    arena_printf(r->arena, "%s/definition", sv_path(r, s.id)),
		    NULL);
	}
	form_validate(r, ef->fields, ef->n, &f);
	if (f.problem == NULL) {
		st = ef->apply(r, &f, &s, &nd, &key, &reason);
		if (st != HTTP_OK && st != HTTP_UNPROCESSABLE) {
			db_rollback(r->w->db);
			return st;
		}
		if (key != NULL)
			refuse(r, &f, key);
	}
	if (f.nerrors == 0 && nd != NULL &&
	    (d = sv_check(r, &s, NULL, nd, &xml, &key, &reason)) == NULL)
		refuse(r, &f, key);
	if (f.nerrors > 0 || nd == NULL) {
		if (db_in_txn(r->w->db))
			db_rollback(r->w->db);
		if (f.nerrors == 0)
			f.nerrors++;
		return show_form(r, x, ef->page, r->path, ef->submit,
		    ef->fields, &f, &s, key, reason);
	}
	if ((rc = sv_store(r, &s, d, xml, ef->action)) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK) {
		if (rc == DB_DUPLICATE) {
			db_rollback(r->w->db);
			refuse(r, &f, "sedit.slug.taken");
			if (show_form(r, x, ef->page, r->path, ef->submit,
				ef->fields, &f, &s, NULL,
				NULL) == HTTP_INTERNAL)
				return HTTP_INTERNAL;
			return HTTP_CONFLICT;
		}
		return db_undo(r, rc);
	}
	return form_done(r, sv_path(r, s.id), "sedit-saved");
}

/* The metadata form of an existing survey: all but the first question. */
static enum http_status
meta_load(struct req *r, struct form *f, const struct sv *s)
{
	meta_to(r, f, s->d);
	return HTTP_OK;
}

static enum http_status
meta_apply(struct req *r, struct form *f, const struct sv *s,
    const struct qdef **out, const char **key, const char **reason)
{
	struct qdef *w = model_copy(r->arena, s->d);

	if (meta_from(r, f, w) == -1)
		return HTTP_UNPROCESSABLE;
	*out = w;
	return HTTP_OK;
}

static const struct edit_form meta_form = {"meta", "sedit.save", meta_fields,
    MF_FIRST, "survey.update", meta_load, meta_apply};

/* GET and POST /surveys/edit/%/meta: the survey's own texts and groups. */
enum http_status
sedit_meta(struct req *r, struct xml *x)
{
	return edit_get(r, x, &meta_form);
}

enum http_status
sedit_meta_save(struct req *r, struct xml *x)
{
	return edit_post(r, x, &meta_form);
}

/* --- a button of the survey's page: open, refuse, store ------------------ */

/*
 * A button on the survey's page was refused: the page again with the
 * reason, status st (422 for a missing confirmation, 409 for a state
 * that does not allow it).
 */
enum http_status
button_refused(struct req *r, struct xml *x, const struct sv *s,
    enum http_status st, const char *key, const char *reason)
{
	if (db_in_txn(r->w->db))
		db_rollback(r->w->db);
	r->render = true;
	if (show_survey(r, x, s, key, reason) != HTTP_OK)
		return HTTP_INTERNAL;
	return st;
}

/*
 * Opens the survey of a button's POST under lock (in a transaction the
 * caller ends) and validates its fields.  HTTP_OK, or the outcome to
 * return (the survey's page with the reason when the form is wrong).
 */
enum http_status
button_open(struct req *r, struct xml *x, const char *action,
    const struct field *fields, size_t n, struct form *f, struct sv *s,
    const char *confirm_key)
{
	enum http_status st;
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_status(rc);
	if ((st = sv_load(r, action, s)) != HTTP_OK) {
		if (st == HTTP_NOT_FOUND && db_commit(r->w->db) != DB_OK)
			return HTTP_UNAVAILABLE;
		if (db_in_txn(r->w->db))
			db_rollback(r->w->db);
		return st;
	}
	form_validate(r, fields, n, f);
	if (f->problem != NULL)
		return button_refused(
		    r, x, s, HTTP_FORBIDDEN, f->problem, NULL);
	if (f->nerrors > 0)
		return button_refused(
		    r, x, s, HTTP_UNPROCESSABLE, confirm_key, NULL);
	if (s->d == NULL)
		return button_refused(
		    r, x, s, HTTP_CONFLICT, "sedit.nodefinition", NULL);
	return HTTP_OK;
}

/* Checks and stores d from a button (move, delete); 303 or the reason. */
enum http_status
button_store(struct req *r, struct xml *x, const struct sv *s,
    const struct qdef *nd, const char *used, const char *notice)
{
	const struct qdef *d;
	const char *xml, *key, *reason;
	enum db_rc rc;

	if (nd == NULL)
		return button_refused(
		    r, x, s, HTTP_CONFLICT, "sedit.delete.used", used);
	if ((d = sv_check(r, s, NULL, nd, &xml, &key, &reason)) == NULL)
		return button_refused(r, x, s, HTTP_CONFLICT, key, reason);
	if ((rc = sv_store(r, s, d, xml, "survey.update")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, sv_path(r, s->id), notice);
}

/* A button with nothing to change (the first page up): back, as it was. */
enum http_status
nothing_to_do(struct req *r, const struct sv *s)
{
	db_rollback(r->w->db);
	return form_done(r, sv_path(r, s->id), NULL);
}

const struct field confirm_fields[1] = {
    {"confirm", VALID_CHECKBOX, true, 0, 0, "sedit.confirm", NULL, NULL, NULL},
};

/* --- the definition as XML ------------------------------------------------ */

static const struct field definition_fields[] = {
    {"xml", VALID_TEXT, false, 0, QDEF_MAX_BYTES, "sedit.xml", "off", NULL,
	NULL},
};

/* GET /surveys/edit/%/definition: the upload form (paste or a file). */
enum http_status
sedit_definition_form(struct req *r, struct xml *x)
{
	static const struct edit_form ef = {"definition", "sedit.upload",
	    definition_fields, 1, "survey.upload", NULL, NULL};

	return edit_get(r, x, &ef);
}

/*
 * POST /surveys/edit/%/definition: a whole definition, pasted (xml) or a
 * file (multipart field "file").  Refused with qdef_parse()'s line and
 * reason, or the lock's, and nothing changes (422); else stored as
 * qdef_write() makes it, audited "survey.upload", 303.
 */
enum http_status
sedit_definition(struct req *r, struct xml *x)
{
	struct sv s;
	struct form f;
	const struct qdef *d;
	const struct upload_part *part;
	const char *text, *xml, *key = NULL, *reason = NULL;
	enum http_status st;
	enum db_rc rc;
	size_t len;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_status(rc);
	if ((st = sv_load(r, "survey.upload", &s)) != HTTP_OK) {
		if (st == HTTP_NOT_FOUND && db_commit(r->w->db) != DB_OK)
			return HTTP_UNAVAILABLE;
		if (db_in_txn(r->w->db))
			db_rollback(r->w->db);
		return st;
	}
	form_validate(r, definition_fields, 1, &f);
	text = f.text[0];
	if ((part = upload_find(&r->files, "file")) != NULL &&
	    part->filename != NULL && part->len > 0) {
		if (part->len > QDEF_MAX_BYTES)
			form_error(&f, 0, "sedit.xml.large");
		else
			text = arena_strndup(r->arena, part->data, part->len);
		f.text[0] = "";
	}
	if (f.nerrors == 0 && *text == '\0')
		form_error(&f, 0, "invalid.required");
	if (f.nerrors == 0 &&
	    (d = sv_check(r, &s, text, NULL, &xml, &key, &reason)) != NULL &&
	    (xml = qdef_write(r->arena, d, &len)) == NULL)
		return db_undo(r, DB_ERROR);
	if (f.nerrors == 0 && key != NULL)
		refuse(r, &f, key);
	if (f.nerrors > 0) {
		if (db_in_txn(r->w->db))
			db_rollback(r->w->db);
		return show_form(r, x, "definition", r->path, "sedit.upload",
		    definition_fields, &f, &s, key, reason);
	}
	if ((rc = sv_store(r, &s, d, xml, "survey.upload")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK) {
		if (rc == DB_DUPLICATE) {
			db_rollback(r->w->db);
			refuse(r, &f, "sedit.slug.taken");
			return show_form(r, x, "definition", r->path,
			    "sedit.upload", definition_fields, &f, &s, NULL,
			    NULL);
		}
		return db_undo(r, rc);
	}
	return form_done(r, sv_path(r, s.id), "sedit-uploaded");
}

/*
 * GET /surveys/edit/%/definition.xml (ROUTE_STREAM): the stored
 * definition as a file, <slug>.xml.
 */
enum http_status
sedit_definition_xml(struct req *r, struct xml *x)
{
	struct sv s;
	enum http_status st;

	if ((st = sv_load(r, "survey.read", &s)) != HTTP_OK)
		return st;
	if (s.xml == NULL)
		return HTTP_NOT_FOUND;
	resp_stream_open(r, "application/xml; charset=utf-8",
	    arena_printf(r->arena, "%s.xml", s.code));
	if (resp_stream_write(r, s.xml, strlen(s.xml)) == -1)
		LOGE("rid=%s: the client went away", r->rid);
	return HTTP_OK;
}
