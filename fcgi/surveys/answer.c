/* SPDX-License-Identifier: ISC */
/*
 * answer.c: answering a survey, one page at a time (issue 11).
 *
 *   GET  /surveys/<slug>/page     the page the response is at
 *   POST /surveys/<slug>/page     its answers: next, back, or save
 *   GET  /surveys/<slug>/saved    the resume code, to write down (once)
 *   POST /surveys/<slug>/saved    a new resume code in place of it
 *   GET  /surveys/<slug>/resume   a form for the code
 *   POST /surveys/<slug>/resume   the code: the response again
 *
 * A response in progress is held by the respondent's browser (held.c):
 * Start seals a new one into the survey cookie (Path=/surveys/<slug>/,
 * HttpOnly, for the browser session) and each page sent seals it again
 * with the answers so far, so that until the last page the database
 * stores nothing of it, and a page costs no statement (the survey's row
 * is kept by the process for a second: cache.c).  The last page inserts
 * the whole response in one statement (survey_complete, 0034).  On
 * Save, and when the answers grow too long for a cookie, the response
 * becomes a row (survey_response) found by the SHA-256 of its resume
 * code, which the cookie then holds: the answers so far one JSON array
 * in that row, rewritten by each page, and rows of survey_answer in one
 * statement at the end (qdraft_json, STMT_RESPONSE_COMPLETE, 0034).
 * Nothing here stores an address, a user agent, an account or a time
 * finer than the day.
 *
 * Every page is sent with the page's code ("p"); a page may be sent again
 * (Back, the browser's back button) if the respondent has reached it and
 * it is still shown, so that the way to the end passes every shown page
 * in order.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "surveys.h"

/* Crockford's base32: no I, L, O, U; read case-blind, O as 0, I/L as 1. */
static const char code_digits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/*
 * A new resume code: SURVEY_CODE_CHARS base32 digits (100 random bits),
 * in the arena.  Shown to the respondent grouped by four.
 */
char *
code_new(struct arena *a)
{
	unsigned char b[13];
	char *s = arena_alloc(a, SURVEY_CODE_CHARS + 1);
	size_t i, bit;

	if (getrandom(b, sizeof(b), 0) != (ssize_t)sizeof(b))
		abort();
	for (i = 0; i < SURVEY_CODE_CHARS; i++) {
		bit = i * 5;
		s[i] = code_digits[((((unsigned)b[bit / 8] << 8) |
					b[bit / 8 + 1]) >>
				       (11 - bit % 8)) &
		    31];
	}
	s[SURVEY_CODE_CHARS] = '\0';
	explicit_bzero(b, sizeof(b));
	return s;
}

/*
 * The code typed in (or from the cookie) as the digits it stands for:
 * blanks and dashes dropped, letters upper-cased, O read as 0 and I, L as
 * 1.  True when that leaves exactly SURVEY_CODE_CHARS digits.
 */
bool
code_normalise(const char *in, char out[SURVEY_CODE_CHARS + 1])
{
	size_t n = 0;
	char c;

	for (; *in != '\0'; in++) {
		c = *in;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c == 'O')
			c = '0';
		else if (c == 'I' || c == 'L')
			c = '1';
		if (strchr(code_digits, c) == NULL || c == '\0' ||
		    n == SURVEY_CODE_CHARS)
			return false;
		out[n++] = c;
	}
	out[n] = '\0';
	return n == SURVEY_CODE_CHARS;
}

/* The path of one of the survey's pages: "/surveys/<slug>/<rest>". */
static const char *
path_of(struct req *r, const struct survey *s, const char *rest)
{
	return arena_printf(r->arena, "/surveys/%s/%s", s->slug, rest);
}

/* A page's index by its code, or QDEF_NONE. */
static size_t
page_by_code(const struct qdef *d, const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < d->npages; i++)
		if (strcmp(d->pages[i].code, code) == 0)
			return i;
	return QDEF_NONE;
}

/* What a page shows in a field: typed (form) or kept (answers). */
struct shown {
	const struct kvlist *form; /* what was sent, on errors; or NULL */
	const struct qanswers *all;
	const struct qerrors *errs;
};

/*
 * What a question page shows besides its fields, as the answers so far
 * decide it: the progress, whether it is the first page (no Back) and the
 * last (Finish), and which of its questions are shown ("1" or "0" per
 * question of the page, in order; NULL when all are).
 */
struct view {
	struct qprogress pr;
	bool first, last;
	const char *show;
};

/* The value field f shows: as typed, or the kept answer's. */
static const char *
value_of(const struct shown *sh, const struct qquestion *q, const char *item,
    const char *f)
{
	const struct qval *v;

	if (sh->form != NULL)
		return kv_get(sh->form, f);
	if ((v = qanswers_find(sh->all, q->code, item != NULL ? item : "")) ==
	    NULL)
		return NULL;
	if (v->option != NULL)
		return v->option;
	return v->number != NULL ? v->number : v->text;
}

/* True when option code is chosen for question q (several for multiple). */
static bool
chosen(const struct shown *sh, const struct qquestion *q, const char *f,
    const char *code)
{
	size_t i;

	if (sh->form != NULL) {
		for (i = 0; i < sh->form->n; i++)
			if (strcmp(sh->form->v[i].key, f) == 0 &&
			    strcmp(sh->form->v[i].val, code) == 0)
				return true;
		return false;
	}
	for (i = 0; i < sh->all->n; i++)
		if (strcmp(sh->all->v[i].question, q->code) == 0 &&
		    sh->all->v[i].item[0] == '\0' &&
		    sh->all->v[i].option != NULL &&
		    strcmp(sh->all->v[i].option, code) == 0)
			return true;
	return false;
}

/* The text kept with "other, please specify". */
static const char *
other_of(const struct shown *sh, const struct qquestion *q, const char *f)
{
	size_t i;

	if (sh->form != NULL)
		return kv_get(sh->form, f);
	for (i = 0; i < sh->all->n; i++)
		if (strcmp(sh->all->v[i].question, q->code) == 0 &&
		    sh->all->v[i].option != NULL &&
		    strcmp(sh->all->v[i].option, "other") == 0)
			return sh->all->v[i].text;
	return NULL;
}

/*
 * Writes question qi as the question engine's page contract
 * (xslt/questions.xsl): <question code type field required min max
 * decimals maxlength><text/><help/><option code checked>label</option>
 * <item code field value>label</item><other field value/><value/>
 * <error key n field/></question>.
 */
static int
write_question(struct req *r, struct xml *x, const struct qdef *d, size_t qi,
    const struct shown *sh)
{
	const struct qquestion *q = &d->questions[qi];
	enum locale l = r->locale;
	const char *f = qanswer_field(r->arena, q->code, NULL), *fi, *v;
	bool multi = q->type == QTYPE_MULTIPLE;
	size_t i;

	if (xml_start(x, "question") == -1 ||
	    xml_attr(x, "code", q->code) == -1 ||
	    xml_attr(x, "type", qtype_names[q->type]) == -1 ||
	    xml_attr(x, "field", f) == -1 ||
	    xml_attr(x, "required", q->required ? "1" : NULL) == -1)
		return -1;
	if (q->type == QTYPE_NUMBER &&
	    ((q->has_min &&
		 xml_attr(x, "min",
		     qnum_format(r->arena, q->min, q->decimals)) == -1) ||
		(q->has_max &&
		    xml_attr(x, "max",
			qnum_format(r->arena, q->max, q->decimals)) == -1) ||
		xml_attr_int(x, "decimals", q->decimals) == -1))
		return -1;
	if ((q->type == QTYPE_TEXT || q->type == QTYPE_LONGTEXT) &&
	    xml_attr_int(x, "maxlength", q->max) == -1)
		return -1;
	if (multi && q->has_max && xml_attr_int(x, "most", q->max) == -1)
		return -1;
	if (xml_elem_text(x, "text", qdef_text(&q->text, l)) == -1 ||
	    (q->help.given != 0 &&
		xml_elem_text(x, "help", qdef_text(&q->help, l)) == -1))
		return -1;
	for (i = 0; q->type != QTYPE_MATRIX && i < q->nopts; i++) {
		if (xml_start(x, "option") == -1 ||
		    xml_attr(x, "code", q->opts[i].code) == -1 ||
		    xml_attr(x, "checked",
			chosen(sh, q, f, q->opts[i].code) ? "1" : NULL) == -1)
			return -1;
		if (q->opts[i].label.given == 0
			? xml_attr(x, "key",
			      arena_printf(r->arena, "question.%s",
				  q->opts[i].code)) == -1
			: xml_text(x, qdef_text(&q->opts[i].label, l)) == -1)
			return -1;
		if (xml_end(x) == -1)
			return -1;
	}
	if (q->other) {
		fi = qanswer_field(r->arena, q->code, "other");
		if (xml_start(x, "other") == -1 ||
		    xml_attr(x, "field", fi) == -1 ||
		    xml_attr(x, "checked",
			chosen(sh, q, f, "other") ? "1" : NULL) == -1 ||
		    xml_attr(x, "value", other_of(sh, q, fi)) == -1 ||
		    xml_end(x) == -1)
			return -1;
	}
	if (q->type == QTYPE_MATRIX) {
		for (i = 0; i < q->nopts; i++)
			if (xml_start(x, "option") == -1 ||
			    xml_attr(x, "code", q->opts[i].code) == -1 ||
			    xml_text(x, qdef_text(&q->opts[i].label, l)) ==
				-1 ||
			    xml_end(x) == -1)
				return -1;
		for (i = 0; i < q->nitems; i++) {
			fi = qanswer_field(r->arena, q->code, q->items[i].code);
			if (xml_start(x, "item") == -1 ||
			    xml_attr(x, "code", q->items[i].code) == -1 ||
			    xml_attr(x, "field", fi) == -1 ||
			    xml_attr(x, "value",
				value_of(sh, q, q->items[i].code, fi)) == -1 ||
			    xml_text(x, qdef_text(&q->items[i].label, l)) ==
				-1 ||
			    xml_end(x) == -1)
				return -1;
		}
	}
	if ((q->type == QTYPE_NUMBER || q->type == QTYPE_TEXT ||
		q->type == QTYPE_LONGTEXT || q->type == QTYPE_DATE) &&
	    (v = value_of(sh, q, NULL, f)) != NULL &&
	    xml_elem_text(x, "value", v) == -1)
		return -1;
	for (i = 0; sh->errs != NULL && i < sh->errs->n; i++)
		if (sh->errs->e[i].question == qi &&
		    (xml_start(x, "error") == -1 ||
			xml_attr(x, "key", sh->errs->e[i].key) == -1 ||
			xml_attr(x, "n", sh->errs->e[i].param) == -1 ||
			xml_attr(x, "field", sh->errs->e[i].field) == -1 ||
			xml_end(x) == -1))
			return -1;
	return xml_end(x);
}

/* <button name value key/>: a way off the page. */
static int
button(struct xml *x, const char *name, const char *value, const char *key)
{
	if (xml_start(x, "button") == -1 || xml_attr(x, "name", name) == -1 ||
	    xml_attr(x, "value", value) == -1 || xml_attr(x, "key", key) == -1)
		return -1;
	return xml_end(x);
}

/*
 * <hidden name value/> and the buttons of page p: a respondent's form
 * names its page ("p") and goes next, back or saves ("go"); the editor's
 * preview (a GET form back to the preview) keeps its language and moves
 * between all the pages ("page", 1-based), nothing else.
 */
static int
write_ways(struct req *r, struct xml *x, const struct qdef *d, size_t p,
    const struct view *v, const char *preview)
{
	if (xml_start(x, "hidden") == -1 ||
	    xml_attr(x, "name", preview != NULL ? "lang" : "p") == -1 ||
	    xml_attr(x, "value",
		preview != NULL ? locale_tags[r->locale] : d->pages[p].code) ==
		-1 ||
	    xml_end(x) == -1)
		return -1;
	if (preview != NULL) {
		if (!v->last &&
		    button(x, "page", arena_printf(r->arena, "%zu", p + 2),
			"survey.next") == -1)
			return -1;
		if (!v->first &&
		    button(x, "page", arena_printf(r->arena, "%zu", p),
			"survey.back") == -1)
			return -1;
		return 0;
	}
	if (button(x, "go", "next",
		v->last ? "survey.finish" : "survey.next") == -1 ||
	    (!v->first && button(x, "go", "back", "survey.back") == -1) ||
	    button(x, "go", "save", "survey.save") == -1)
		return -1;
	return 0;
}

/* The view of page p of d as the answers all decide it. */
static void
view_of(struct arena *a, const struct qdef *d, size_t p,
    const struct qanswers *all, struct view *v)
{
	const struct qpage *pg = &d->pages[p];
	char *show = arena_alloc(a, pg->n + 1);
	bool every = true;
	size_t i;

	qnav_progress(d, p, all, &v->pr);
	v->first = qnav_prev(d, p, all) == QDEF_NONE;
	v->last = qnav_next(d, p, all) == d->npages;
	for (i = 0; i < pg->n; i++) {
		show[i] =
		    qdef_question_visible(d, pg->first + i, all) ? '1' : '0';
		every = every && show[i] == '1';
	}
	show[pg->n] = '\0';
	v->show = every ? NULL : show;
}

/*
 * The address of page p as a new respondent sees it, empty, for the
 * page cache to keep (answer_show(): every respondent at the same point
 * of the same way through the survey gets the same page):
 * /surveys/<slug>/page?at=<page>&n=&of=&left=[&first=1][&last=1][&show=],
 * or the plain /surveys/<slug>/page when the answers hold anything of
 * page p (Back, or the browser's back button, came this way before).
 */
const char *
answer_path(
    struct req *r, const struct survey *s, size_t p, const struct qanswers *all)
{
	const struct qpage *pg;
	struct view v;
	size_t i, q;

	if (p >= s->def->npages)
		return path_of(r, s, "page");
	pg = &s->def->pages[p];
	for (i = 0; i < all->n; i++)
		if ((q = qdef_find(s->def, all->v[i].question)) != QDEF_NONE &&
		    q >= pg->first && q < pg->first + pg->n)
			return path_of(r, s, "page");
	view_of(r->arena, s->def, p, all, &v);
	return arena_printf(r->arena,
	    "/surveys/%s/page?at=%s&n=%zu&of=%zu&left=%d%s%s%s%s", s->slug,
	    pg->code, v.pr.done + 1, v.pr.total, v.pr.minutes_left,
	    v.first ? "&first=1" : "", v.last ? "&last=1" : "",
	    v.show != NULL ? "&show=" : "", v.show != NULL ? v.show : "");
}

/* A whole number from 0 to max in the query's k, or -1. */
static long
query_count(const struct req *r, const char *k, long max)
{
	const char *v = kv_get(&r->query, k);
	long n = 0;

	if (v == NULL || *v == '\0' || strlen(v) > 4)
		return -1;
	for (; *v != '\0'; v++) {
		if (*v < '0' || *v > '9')
			return -1;
		n = n * 10 + (*v - '0');
	}
	return n <= max ? n : -1;
}

/* True when the query's k is absent, or "1" (*on set). */
static bool
query_flag(const struct req *r, const char *k, bool *on)
{
	const char *v = kv_get(&r->query, k);

	*on = v != NULL;
	return v == NULL || strcmp(v, "1") == 0;
}

/*
 * The page and view answer_path() wrote into the query (at, n, of, left,
 * first, last, show), checked against the definition: the page's index,
 * or QDEF_NONE when anything is missing or out of range.  Nothing here
 * is trusted beyond what the page shows: what is sent from it is checked
 * against the response as every page is (answer_save()).
 */
static size_t
view_parse(const struct req *r, const struct qdef *d, struct view *v)
{
	size_t p = page_by_code(d, kv_get(&r->query, "at"));
	long n, of, left;

	memset(v, 0, sizeof(*v));
	if (p == QDEF_NONE ||
	    (of = query_count(r, "of", (long)d->npages)) < 1 ||
	    (n = query_count(r, "n", of)) < 1 ||
	    (left = query_count(r, "left", d->minutes)) < 0 ||
	    !query_flag(r, "first", &v->first) ||
	    !query_flag(r, "last", &v->last))
		return QDEF_NONE;
	v->show = kv_get(&r->query, "show");
	if (v->show != NULL &&
	    (strlen(v->show) != d->pages[p].n ||
		strspn(v->show, "01") != d->pages[p].n))
		return QDEF_NONE;
	v->pr.done = (size_t)n - 1;
	v->pr.total = (size_t)of;
	v->pr.percent = (int)(v->pr.done * 100 / v->pr.total);
	v->pr.minutes_left = (int)left;
	return p;
}

/*
 * Writes page p of survey s: <answer page n total percent minutes first
 * last preview><survey/><title/><questions action method errors error>
 * …</questions></answer>.  sh says what the fields show, v what else
 * the page shows; problem is the form's own error key (form.csrf) or
 * NULL.  preview is NULL for a respondent; for the editor's preview it
 * is the path its GET form goes back to (nothing is posted).
 */
static int
write_page(struct req *r, struct xml *x, const struct survey *s, size_t p,
    const struct shown *sh, const struct view *v, const char *problem,
    const char *preview)
{
	const struct qdef *d = s->def;
	size_t i;

	if (xml_start(x, "answer") == -1 ||
	    xml_attr(x, "page", d->pages[p].code) == -1 ||
	    xml_attr_int(x, "n", (int64_t)v->pr.done + 1) == -1 ||
	    xml_attr_int(x, "total", (int64_t)v->pr.total) == -1 ||
	    xml_attr_int(x, "percent", v->pr.percent) == -1 ||
	    xml_attr_int(x, "minutes", v->pr.minutes_left) == -1 ||
	    xml_attr(x, "first", v->first ? "1" : NULL) == -1 ||
	    xml_attr(x, "last", v->last ? "1" : NULL) == -1 ||
	    xml_attr(x, "preview", preview != NULL ? "1" : NULL) == -1 ||
	    survey_write(x, s, r->locale) == -1 ||
	    (d->pages[p].title.given != 0 &&
		xml_elem_text(x, "title",
		    qdef_text(&d->pages[p].title, r->locale)) == -1) ||
	    xml_start(x, "questions") == -1 ||
	    xml_attr(x, "action",
		preview != NULL ? preview : path_of(r, s, "page")) == -1 ||
	    xml_attr(x, "method", preview != NULL ? "get" : NULL) == -1 ||
	    xml_attr_int(x, "errors",
		(int64_t)(sh->errs != NULL ? sh->errs->n : 0) +
		    (problem != NULL)) == -1 ||
	    xml_attr(x, "error", problem) == -1)
		return -1;
	for (i = 0; i < d->pages[p].n; i++)
		if ((v->show == NULL || v->show[i] == '1') &&
		    write_question(r, x, d, d->pages[p].first + i, sh) == -1)
			return -1;
	if (write_ways(r, x, d, p, v, preview) == -1 || xml_end(x) == -1)
		return -1;
	return xml_end(x);
}

/*
 * The editor's preview of page p (0-based) of survey s, whose
 * definition and row the editor loaded: the page exactly as a
 * respondent gets it (write_page), its fields empty, its form a GET back
 * to action that moves between the pages and stores nothing.
 */
int
answer_preview(struct req *r, struct xml *x, const struct survey *s, size_t p,
    const char *action)
{
	const struct qdef *d = s->def;
	struct qanswers none;
	struct shown sh;
	struct view v;

	memset(&none, 0, sizeof(none));
	memset(&v, 0, sizeof(v));
	sh = (struct shown){NULL, &none, NULL};
	/* Every page counts, every question shows: no answers decide. */
	v.pr.done = p;
	v.pr.total = d->npages;
	v.pr.percent = (int)(p * 100 / d->npages);
	v.pr.minutes_left =
	    (int)(((size_t)d->minutes * (d->npages - p) + d->npages - 1) /
		d->npages);
	v.first = p == 0;
	v.last = p + 1 == d->npages;
	return write_page(r, x, s, p, &sh, &v, NULL, action);
}

/*
 * A survey that takes no answers now: <survey-closed> with the survey,
 * status 200 for a GET and 409 for anything sent.
 */
static enum http_status
closed(struct req *r, struct xml *x, const struct survey *s)
{
	if (xml_start(x, "survey-closed") == -1 ||
	    survey_write(x, s, r->locale) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	if (r->method == METHOD_POST) {
		r->render = true;
		return HTTP_CONFLICT;
	}
	return HTTP_OK;
}

/*
 * Drops from all what definition d no longer has room for (the
 * question, its row or its option gone), and what it no longer shows: a
 * held response answered under an earlier version of the survey (an
 * editor changed it meanwhile; a row in progress keeps the editor from
 * such changes, a held response cannot).
 */
static void
fit(struct qanswers *all, const struct qdef *d)
{
	const struct qquestion *q;
	const struct qval *v;
	size_t i, k, qi;
	bool ok;

	for (i = 0, k = 0; i < all->n; i++) {
		v = &all->v[i];
		if ((qi = qdef_find(d, v->question)) == QDEF_NONE)
			continue;
		q = &d->questions[qi];
		ok = v->item == NULL || *v->item == '\0'
		    ? q->nitems == 0
		    : qdef_item(q, v->item) != QDEF_NONE;
		if (ok && v->option != NULL)
			ok = qdef_option(q, v->option) != QDEF_NONE ||
			    (q->other && strcmp(v->option, "other") == 0);
		if (ok)
			all->v[k++] = *v;
	}
	all->n = k;
	qanswers_prune(all, d);
}

/* The response's kept answers, or 500 when they no longer read. */
static enum http_status
kept(struct req *r, const struct survey *s, struct qanswers *all)
{
	if (qdraft_decode(r->arena, s->answers, all) == -1) {
		LOGE("response %lld: answers do not read",
		    (long long)s->response);
		return HTTP_INTERNAL;
	}
	if (s->held && strcmp(s->held_version, s->version) != 0)
		fit(all, s->def);
	return HTTP_OK;
}

/* The page to show at: the response's, or the next shown one. */
static size_t
current(const struct survey *s, const struct qanswers *all)
{
	const struct qdef *d = s->def;
	size_t p = s->page;

	if (p < d->npages && qdef_page_visible(d, p, all))
		return p;
	if (p >= d->npages || (p = qnav_next(d, p, all)) == d->npages)
		p = qnav_prev(d, d->npages, all);
	return p == QDEF_NONE ? 0 : p;
}

/* Without a response in progress: back to the welcome page, saying so. */
static enum http_status
no_response(struct req *r, const struct survey *s)
{
	return form_done(r, path_of(r, s, ""), "survey-lost");
}

/*
 * GET /surveys/<slug>/page: the page the response is at, with the
 * answers kept.  303 to the welcome page without a response in progress.
 * With answer_path()'s query (at=...): that page empty, as the query
 * says it shows, whoever asks: the page cache keeps it for every
 * respondent who comes the same way (karika-render.conf), so nothing of
 * the response is read (survey_load() leaves the survey cookie alone for
 * a page the cache may keep); a query that does not fit the survey: 303
 * to the plain page.
 */
enum http_status
answer_show(struct req *r, struct xml *x)
{
	struct survey s;
	struct qanswers all;
	struct shown sh;
	struct view v;
	enum http_status st;
	size_t p;

	if ((st = survey_load(r, &s)) != HTTP_OK)
		return st;
	if (!s.open)
		return closed(r, x, &s);
	if (kv_get(&r->query, "at") != NULL) {
		if ((p = view_parse(r, s.def, &v)) == QDEF_NONE)
			return form_done(r, path_of(r, &s, "page"), NULL);
		memset(&all, 0, sizeof(all));
		s.response = 0;
		sh = (struct shown){NULL, &all, NULL};
		if (write_page(r, x, &s, p, &sh, &v, NULL, NULL) == -1)
			return HTTP_INTERNAL;
		return HTTP_OK;
	}
	if (!survey_going(&s))
		return no_response(r, &s);
	if ((st = kept(r, &s, &all)) != HTTP_OK)
		return st;
	sh = (struct shown){NULL, &all, NULL};
	p = current(&s, &all);
	view_of(r->arena, s.def, p, &all, &v);
	if (write_page(r, x, &s, p, &sh, &v, NULL, NULL) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * Keeps the answers so far (all) and the page to show next, with the
 * respondent group (or NULL), in the survey cookie of a held response
 * (held_seal: nothing stored).  A response is kept as a row instead on
 * Save (save: its resume code is then shown once, answer_saved()), and
 * when the cookie would be too long for a browser: under a new resume
 * code, which the cookie then holds.  A row is rewritten.
 */
enum http_status
answer_keep(struct req *r, struct survey *s, size_t page,
    const struct qanswers *all, const char *group, bool save)
{
	const char *json = qdraft_json(r->arena, all), *v, *code;
	unsigned char hash[32];
	enum db_rc rc;
	bool big = false;

	if (s->held && !save) {
		if ((v = held_seal(r, s, page, json, &big)) != NULL) {
			survey_cookie(r, s, v);
			return HTTP_OK;
		}
		if (!big)
			return HTTP_INTERNAL;
	}
	if (s->held) {
		code = code_new(r->arena);
		token_hash(code, hash);
		if ((rc = DBQ(r, STMT_RESPONSE_START, NULL, DBP_I(s->id),
			 DBP_B(hash, sizeof(hash)),
			 s->invitation != 0 ? DBP_I(s->invitation) : DBP_NUL,
			 DBP_I((int64_t)page), DBP_S(json), DBP_SN(group))) !=
		    DB_OK)
			return db_status(rc);
		survey_cookie(r, s, code);
		s->held = false;
		s->code = code;
		return HTTP_OK;
	}
	rc = DBQ(r, save ? STMT_RESPONSE_SAVE_CODE : STMT_RESPONSE_SAVE, NULL,
	    DBP_I((int64_t)page), DBP_S(json), DBP_SN(group),
	    DBP_I(s->response));
	return db_status(rc);
}

/* The respondent group the answers name, or NULL. */
static const char *
group_of(const struct qdef *d, const struct qanswers *all)
{
	const struct qval *v;

	if (d->group_question == QDEF_NONE ||
	    (v = qanswers_find(
		 all, d->questions[d->group_question].code, "")) == NULL)
		return NULL;
	return v->option;
}

/* The quota of group code in d; 0 for none. */
static int64_t
quota_of(const struct qdef *d, const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < d->ngroups; i++)
		if (strcmp(d->groups[i].code, code) == 0)
			return d->groups[i].quota;
	return 0;
}

/* Adds the error key to question qi's field (the page shows it there). */
static void
add_error(struct req *r, struct qerrors *errs, size_t qi, const char *f,
    const char *key)
{
	struct qerr *e = arena_calloc(r->arena, errs->n + 1, sizeof(*e));

	if (errs->n > 0)
		memcpy(e, errs->e, errs->n * sizeof(*e));
	e[errs->n] = (struct qerr){qi, f, key, NULL};
	errs->e = e;
	errs->n++;
}

/* True when word w is one of the space-separated words of l (or NULL). */
static bool
word_in(const char *l, const char *w)
{
	size_t n = strlen(w);

	for (; l != NULL && *l != '\0'; l += strcspn(l, " "), l += *l == ' ')
		if (strncmp(l, w, n) == 0 && (l[n] == ' ' || l[n] == '\0'))
			return true;
	return false;
}

/* True when the response has an invitation of group g. */
static bool
invited_as(const struct survey *s, const char *g)
{
	return s->invitation_group != NULL &&
	    strcmp(s->invitation_group, g) == 0;
}

/*
 * May this response go on as group g (the group question was answered
 * on the page sent)?  Not when the group's quota is full (409, said
 * politely beside the question) or the group answers by invitation and
 * the response has none for it (422).  HTTP_OK, or that status with the
 * error added to errs.  A held response asks the survey's row (cache.c:
 * within a second of the database; completing asks again, exactly); a
 * row asks one statement, which answer_save() runs only when the page is
 * the last, or when keeping the page was refused, to say why.
 */
static enum http_status
group_check(
    struct req *r, const struct survey *s, const char *g, struct qerrors *errs)
{
	const struct qdef *d = s->def;
	size_t gq = d->group_question;
	const char *f = qanswer_field(r->arena, d->questions[gq].code, NULL);
	struct db_res res;
	enum db_rc rc;
	bool full, invited;

	if (s->held) {
		full = word_in(s->full_groups, g);
		invited = word_in(s->invited_groups, g);
	} else {
		if ((rc = DBQ(r, STMT_GROUP_STATE, &res, DBP_I(s->id), DBP_S(g),
			 DBP_I(s->id), DBP_S(g))) != DB_OK)
			return db_status(rc);
		full = db_int(&res, 0, "full") > 0;
		invited = db_int(&res, 0, "invited") > 0;
	}
	if (full) {
		add_error(r, errs, gq, f, "survey.group.full");
		return HTTP_CONFLICT;
	}
	if (invited && !invited_as(s, g)) {
		add_error(r, errs, gq, f, "survey.group.invitation");
		return HTTP_UNPROCESSABLE;
	}
	return HTTP_OK;
}

/*
 * Keeps the answers of the group question's page, with the group g: for
 * a held response, when group_check() lets it go on; for a row, in one
 * statement that also asks group_check()'s questions.  HTTP_OK when
 * kept, or group_check()'s answer when nothing was kept (HTTP_OK too
 * when nothing is wrong with the group: the row was no longer in
 * progress, or nothing changed).
 */
static enum http_status
keep_group(struct req *r, struct survey *s, const struct qanswers *all,
    size_t page, const char *g, struct qerrors *errs)
{
	struct db_res res;
	enum http_status st;
	enum db_rc rc;

	if (s->held)
		return (st = group_check(r, s, g, errs)) != HTTP_OK
		    ? st
		    : answer_keep(r, s, page, all, g, false);
	if ((rc = DBQ(r, STMT_RESPONSE_SAVE_GROUP, &res, DBP_I((int64_t)page),
		 DBP_S(qdraft_json(r->arena, all)), DBP_S(g),
		 DBP_I(s->response), DBP_I(s->id), DBP_S(g),
		 DBP_I(invited_as(s, g) ? 1 : 0), DBP_I(s->id), DBP_S(g))) !=
	    DB_OK)
		return db_status(rc);
	return res.affected == 1 ? HTTP_OK : group_check(r, s, g, errs);
}

/* Shows page p again with what was sent and its errors, status st. */
static enum http_status
again(struct req *r, struct xml *x, const struct survey *s, size_t p,
    const struct qanswers *all, const struct qerrors *errs, const char *problem,
    enum http_status st)
{
	struct shown sh = {&r->form, all, errs};
	struct view v;

	view_of(r->arena, s->def, p, all, &v);
	if (write_page(r, x, s, p, &sh, &v, problem, NULL) == -1)
		return HTTP_INTERNAL;
	r->render = true;
	return st;
}

/*
 * The last page was sent: the response is completed in one statement,
 * migration 0034's survey_complete (one transaction: a held response
 * once per nonce, a row once, as it is deleted; the response inserted
 * completed with its group and the day, the municipality's local date;
 * the group's quota counted while under it; the invitation used, once;
 * every answer inserted).  Then the cookie goes and the thank-you page
 * follows (303), also when the response was completed already (sent
 * twice).  A quota filled or an invitation used meanwhile: 409 and
 * nothing stored; so too when the survey closed meanwhile.
 */
static enum http_status
complete(struct req *r, struct xml *x, const struct survey *s,
    const struct qanswers *all)
{
	const char *g = group_of(s->def, all), *why;
	int64_t quota = quota_of(s->def, g);
	unsigned char nonce[32];
	char today[11];
	struct db_res res;
	enum db_rc rc;

	if (survey_today(today) == -1)
		return HTTP_INTERNAL;
	token_hash(s->nonce, nonce);
	if ((rc = DBQ(r, STMT_RESPONSE_COMPLETE, &res,
		 s->held ? DBP_NUL : DBP_I(s->response),
		 s->held ? DBP_B(nonce, sizeof(nonce)) : DBP_NUL, DBP_I(s->id),
		 DBP_SN(g), quota > 0 ? DBP_I(quota) : DBP_NUL,
		 s->invitation != 0 ? DBP_I(s->invitation) : DBP_NUL,
		 DBP_S(today), DBP_S(qdraft_json(r->arena, all)))) != DB_OK)
		return db_status(rc);
	if (res.nrows != 1 || (why = db_str(&res, 0, "outcome")) == NULL) {
		LOGE("response %lld: survey_complete said nothing",
		    (long long)s->response);
		return HTTP_INTERNAL;
	}
	if (strcmp(why, "done") == 0 || strcmp(why, "twice") == 0) {
		survey_cookie(r, s, NULL);
		return form_done(r, path_of(r, s, "thanks"), NULL);
	}
	if (strcmp(why, "closed") == 0)
		return closed(r, x, s);
	if (xml_start(x, "survey-full") == -1 ||
	    xml_attr(x, "key", why) == -1 ||
	    survey_write(x, s, r->locale) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	r->render = true;
	return HTTP_CONFLICT;
}

/*
 * Begins a response held by the browser (held.c) at page p of s, which
 * has none in progress: only when p is the survey's first page (the
 * welcome page's Start leads there; nothing else begins a response but
 * POST .../start).  True when begun (nothing is stored: the page's
 * answers are kept as any page's are).
 */
bool
answer_begin(struct survey *s, size_t p)
{
	struct qanswers none;

	memset(&none, 0, sizeof(none));
	if (p == QDEF_NONE || p != qnav_next(s->def, QDEF_NONE, &none))
		return false;
	s->held = true;
	s->held_version = s->version;
	s->held_since = (int64_t)time(NULL);
	held_nonce(s->nonce);
	s->page = p;
	s->answers = "[]";
	return true;
}

/*
 * POST /surveys/<slug>/page: the answers of page "p", and where to go
 * ("go": next, back or save).  Next with errors: the page again (422,
 * what was typed kept, each error beside its question); otherwise the
 * answers are kept and the next shown page follows (303), or at the end
 * the response is completed.  The group question's page is kept only if
 * the group may go on (group_check(): 409 for a full quota, 422 without
 * the group's invitation, the page again with the error).  Back and save
 * keep every valid answer without asking for the rest (a matrix's chosen
 * rows too); a value that is invalid is not kept, and the page comes
 * again (422) with what was typed, the error beside it and a line saying
 * the marked answers were not kept, the others were.  A refused form
 * token: the page again, 403.  Two statements (the survey, the write).
 */
enum http_status
answer_save(struct req *r, struct xml *x)
{
	struct survey s;
	struct qanswers all, page, before;
	struct qerrors errs;
	const char *go = kv_get(&r->form, "go"), *g = NULL;
	enum http_status st;
	size_t p, n, next;
	bool partial;

	if ((st = survey_load(r, &s)) != HTTP_OK)
		return st;
	if (!s.open)
		return closed(r, x, &s);
	p = page_by_code(s.def, kv_get(&r->form, "p"));
	if (!survey_going(&s) && !answer_begin(&s, p))
		return r->csrf_failed ? HTTP_FORBIDDEN : no_response(r, &s);
	if ((st = kept(r, &s, &all)) != HTTP_OK)
		return st;
	if (p == QDEF_NONE || p > s.page || !qdef_page_visible(s.def, p, &all))
		return r->csrf_failed
		    ? HTTP_FORBIDDEN
		    : form_done(r, path_of(r, &s, "page"), NULL);
	partial =
	    go != NULL && (strcmp(go, "back") == 0 || strcmp(go, "save") == 0);
	n = (partial ? qanswer_decode_partial : qanswer_decode)(
	    r->arena, s.def, p, &r->form, &all, &page, &errs);
	if (r->csrf_failed)
		return again(
		    r, x, &s, p, &all, &errs, "form.csrf", HTTP_FORBIDDEN);
	if (partial) {
		before = all;
		before.v = arena_calloc(r->arena, all.n + 1, sizeof(*before.v));
		if (all.n > 0)
			memcpy(before.v, all.v, all.n * sizeof(*before.v));
		qanswers_set_page(r->arena, &all, s.def, p, &page);
		qanswers_prune(&all, s.def);
		next = strcmp(go, "back") == 0 ? qnav_prev(s.def, p, &all) : p;
		if (n > 0) /* the valid answers kept, the page again */
			next = p;
		if ((st = answer_keep(r, &s, next == QDEF_NONE ? p : next, &all,
			 group_of(s.def, &all), strcmp(go, "save") == 0)) !=
		    HTTP_OK)
			return st;
		if (n > 0)
			return again(r, x, &s, p, &before, &errs,
			    "survey.not_kept", HTTP_UNPROCESSABLE);
		return form_done(r,
		    path_of(r, &s, strcmp(go, "save") == 0 ? "saved" : "page"),
		    NULL);
	}
	if (n > 0)
		return again(
		    r, x, &s, p, &all, &errs, NULL, HTTP_UNPROCESSABLE);
	if (s.def->group_question != QDEF_NONE &&
	    s.def->questions[s.def->group_question].page == p)
		g = group_of(s.def, &page);
	before = all;
	before.v = arena_calloc(r->arena, all.n + 1, sizeof(*before.v));
	if (all.n > 0)
		memcpy(before.v, all.v, all.n * sizeof(*before.v));
	qanswers_set_page(r->arena, &all, s.def, p, &page);
	qanswers_prune(&all, s.def);
	next = qnav_next(s.def, p, &all);
	if (g == NULL)
		st = next == s.def->npages ? HTTP_OK
					   : answer_keep(r, &s, next, &all,
						 group_of(s.def, &all), false);
	else if (next == s.def->npages)
		st = group_check(r, &s, g, &errs);
	else
		st = keep_group(r, &s, &all, next, g, &errs);
	if (errs.n > 0)
		return again(r, x, &s, p, &before, &errs, NULL, st);
	if (st != HTTP_OK)
		return st;
	if (next == s.def->npages)
		return complete(r, x, &s, &all);
	return form_done(r, answer_path(r, &s, next, &all), NULL);
}

/*
 * GET /surveys/<slug>/saved: the resume code of the response in progress
 * (from the browser's own cookie), to write down: with it the survey goes
 * on later or elsewhere.  Shown once after each Save: the statement that
 * marks it shown (STMT_CODE_SHOW, 0033) changes a row only the first
 * time; a reload says it was shown, with a form for a new one
 * (answer_code_new()).  303 to the welcome page without a response.
 */
enum http_status
answer_saved(struct req *r, struct xml *x)
{
	struct survey s;
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	const char *c;

	if ((st = survey_load(r, &s)) != HTTP_OK)
		return st;
	if (s.held) /* not saved: no code yet */
		return form_done(r, path_of(r, &s, "page"), NULL);
	if (s.response == 0)
		return no_response(r, &s);
	if ((rc = DBQ(r, STMT_CODE_SHOW, &res, DBP_I(s.response))) != DB_OK)
		return db_status(rc);
	c = s.code;
	if (xml_start(x, "survey-saved") == -1 ||
	    (res.affected == 1 &&
		xml_attr(x, "code",
		    arena_printf(r->arena, "%.4s-%.4s-%.4s-%.4s-%.4s", c, c + 4,
			c + 8, c + 12, c + 16)) == -1) ||
	    (res.affected != 1 && xml_attr(x, "shown", "1") == -1) ||
	    survey_write(x, &s, r->locale) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * POST /surveys/<slug>/saved: a new resume code in place of the one
 * shown before (which then resumes nothing), in the survey cookie, and
 * /saved again to show it (303).  A refused form token: the error page
 * (route.c: 403).
 */
enum http_status
answer_code_new(struct req *r, struct xml *x)
{
	struct survey s;
	unsigned char hash[32];
	enum http_status st;
	enum db_rc rc;
	const char *code;

	if ((st = survey_load(r, &s)) != HTTP_OK)
		return st;
	if (!s.open)
		return closed(r, x, &s);
	if (s.held) /* not saved: no code yet */
		return form_done(r, path_of(r, &s, "page"), NULL);
	if (s.response == 0)
		return no_response(r, &s);
	code = code_new(r->arena);
	token_hash(code, hash);
	if ((rc = DBQ(r, STMT_CODE_NEW, NULL, DBP_B(hash, sizeof(hash)),
		 DBP_I(s.response))) != DB_OK)
		return db_status(rc);
	survey_cookie(r, &s, code);
	return form_done(r, path_of(r, &s, "saved"), NULL);
}

enum { RF_CODE, RF__MAX };

static const struct field resume_fields[RF__MAX] = {
    {"code", VALID_TEXT, true, 1, 40, "survey.resume.code", "off", NULL,
	NULL}, /* RF_CODE */
};

/* The survey above the resume form. */
static int
resume_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct survey s;

	if (survey_load(r, &s) != HTTP_OK)
		return -1;
	return survey_write(x, &s, r->locale);
}

/*
 * The code typed: its response in progress gets the survey cookie and
 * its page follows (303); an unknown code comes back with the form (422).
 */
static enum http_status
resume_save(struct req *r, struct form *f)
{
	struct survey s;
	enum http_status st;

	if ((st = survey_load_code(r, &s, f->text[RF_CODE])) != HTTP_OK)
		return st;
	if (s.response == 0) {
		form_error(f, RF_CODE, "survey.resume.unknown");
		return HTTP_UNPROCESSABLE;
	}
	survey_cookie(r, &s, s.code);
	return form_done(r, path_of(r, &s, "page"), NULL);
}

static const struct form_page resume_page = {
    .elem = "survey-resume",
    .page = NULL,
    .method = "post",
    .action = NULL, /* set per request: the survey's own path */
    .submit = "survey.resume.submit",
    .fields = resume_fields,
    .nfields = RF__MAX,
    .extra = resume_extra,
    .save = resume_save,
};

/* GET and POST /surveys/<slug>/resume: the form for a resume code. */
enum http_status
resume_new(struct req *r, struct xml *x)
{
	struct form_page fp = resume_page;
	struct survey s;
	enum http_status st;

	if ((st = survey_load(r, &s)) != HTTP_OK)
		return st;
	fp.action = r->path;
	return form_get(r, x, &fp);
}

enum http_status
resume_create(struct req *r, struct xml *x)
{
	struct form_page fp = resume_page;

	fp.action = r->path;
	return form_post(r, x, &fp);
}
