/* SPDX-License-Identifier: ISC */
/*
 * edit.c: the survey editor (issue 11), /surveys/edit/.  A survey
 * editor or an administrator of the municipality lists its surveys,
 * creates one in forms or from an XML definition, edits its metadata,
 * pages and questions one form per object, previews it, publishes it
 * with its dates, closes it early, copies it for the next round and
 * publishes or withdraws its results.  Exports are export.c.
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "surveys.h"

/* A textarea of lines (options, groups, conditions): 60 lines of a
 * 24-byte code and a 200-character label fit. */
#define SEDIT_LINES_MAX_CHARS 16000
#define SEDIT_LONG_MAX_CHARS  2000 /* purpose, thanks, a question's text */
#define SEDIT_TITLE_MAX_CHARS 200  /* titles and labels (survey.rng) */
#define SEDIT_WHEN_MAX_CHARS  20   /* "14. 11. 2026. 08:00" */

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

/* --- helpers: texts, codes, lines ------------------------------------ */

/* The locales of a text's four fields, in the forms' order. */
static const enum locale form_locales[4] = {
    LOCALE_SR_LATN, LOCALE_SR_CYRL, LOCALE_BS, LOCALE_EN};

/* A code: [a-z0-9][a-z0-9_-]*, at most QDEF_CODE_MAX_BYTES. */
static bool
code_ok(const char *c)
{
	size_t n = strlen(c);

	return n > 0 && n <= QDEF_CODE_MAX_BYTES &&
	    strspn(c, "abcdefghijklmnopqrstuvwxyz0123456789") > 0 &&
	    strspn(c, "abcdefghijklmnopqrstuvwxyz0123456789_-") == n;
}

/*
 * The four fields from first on (sr-Latn, sr-Cyrl, bs, en) as a text:
 * only those typed.  Marks field first when another is typed without
 * sr-Latn (or required and empty: the table says so).
 */
static void
text_from(struct form *f, size_t first, struct qtext *t)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < 4; i++)
		if (*f->text[first + i] != '\0') {
			t->s[form_locales[i]] = f->text[first + i];
			t->given |= 1u << form_locales[i];
		}
	if (t->given != 0 && !(t->given & (1u << LOCALE_SR_LATN)))
		form_error(f, first, "sedit.invalid.latn");
}

/* Fills the four fields from first on with the texts t was given. */
static void
text_to(struct form *f, size_t first, const struct qtext *t)
{
	size_t i;

	for (i = 0; i < 4; i++)
		if (t->given & (1u << form_locales[i]))
			f->text[first + i] = t->s[form_locales[i]];
}

/* Cuts s at '\n' in place: the next line, or NULL at the end. */
static char *
next_line(char **s)
{
	char *line = *s, *nl;
	size_t n;

	if (line == NULL || *line == '\0')
		return NULL;
	if ((nl = strchr(line, '\n')) != NULL) {
		*nl = '\0';
		*s = nl + 1;
	} else
		*s = line + strlen(line);
	n = strlen(line);
	while (n > 0 &&
	    (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
		line[--n] = '\0';
	while (*line == ' ' || *line == '\t')
		line++;
	return line;
}

/*
 * Lines "code = label" of field i: one pair each (empty lines skipped)
 * into new arrays; at most max.  Marks the field and returns -1 when a
 * line has no '=', a code that is not one, a label over 200 characters
 * or a code twice.
 */
static int
pairs_parse(struct req *r, struct form *f, size_t i, size_t max,
    const char ***codes, const char ***labels, size_t *n)
{
	char *s = arena_strdup(r->arena, f->text[i]), *line, *eq, *c, *l;
	size_t k, e;

	*codes = arena_calloc(r->arena, max + 1, sizeof(**codes));
	*labels = arena_calloc(r->arena, max + 1, sizeof(**labels));
	*n = 0;
	while ((line = next_line(&s)) != NULL) {
		if (*line == '\0')
			continue;
		if ((eq = strchr(line, '=')) == NULL || *n == max)
			goto bad;
		*eq = '\0';
		c = line;
		for (e = strlen(c);
		     e > 0 && (c[e - 1] == ' ' || c[e - 1] == '\t'); e--)
			c[e - 1] = '\0';
		for (l = eq + 1; *l == ' ' || *l == '\t'; l++)
			;
		if (!code_ok(c) ||
		    utf8_chars(l, strlen(l)) > SEDIT_TITLE_MAX_CHARS)
			goto bad;
		for (k = 0; k < *n; k++)
			if (strcmp((*codes)[k], c) == 0)
				goto bad;
		(*codes)[*n] = c;
		(*labels)[(*n)++] = l;
	}
	return 0;
bad:
	form_error(f, i, "sedit.invalid.lines");
	return -1;
}

/*
 * Options (or items, or groups) from the four fields from first on: the
 * sr-Latn lines give the codes and their order, the others only labels
 * of those codes.  Returns -1 after marking the field that is wrong.
 */
static int
opts_from(struct req *r, struct form *f, size_t first, size_t max,
    struct qopt **out, size_t *n)
{
	const char **codes, **labels;
	struct qopt *o;
	size_t i, k, j, m;

	if (pairs_parse(r, f, first, max, &codes, &labels, n) == -1)
		return -1;
	o = arena_calloc(r->arena, *n + 1, sizeof(*o));
	for (k = 0; k < *n; k++) {
		o[k].code = codes[k];
		if (*labels[k] == '\0') {
			form_error(f, first, "sedit.invalid.lines");
			return -1;
		}
		o[k].label.s[LOCALE_SR_LATN] = labels[k];
		o[k].label.given = 1u << LOCALE_SR_LATN;
	}
	for (i = 1; i < 4; i++) {
		if (pairs_parse(r, f, first + i, max, &codes, &labels, &m) ==
		    -1)
			return -1;
		for (j = 0; j < m; j++) {
			for (k = 0; k < *n; k++)
				if (strcmp(o[k].code, codes[j]) == 0)
					break;
			if (k == *n || *labels[j] == '\0') {
				form_error(f, first + i, "sedit.invalid.lines");
				return -1;
			}
			o[k].label.s[form_locales[i]] = labels[j];
			o[k].label.given |= 1u << form_locales[i];
		}
	}
	*out = o;
	return 0;
}

/* The four fields from first on as lines "code = label" of o[0..n). */
static void
opts_to(
    struct req *r, struct form *f, size_t first, const struct qopt *o, size_t n)
{
	size_t i, k;
	char *s;

	for (i = 0; i < 4; i++) {
		s = arena_strdup(r->arena, "");
		for (k = 0; k < n; k++)
			if (o[k].label.given & (1u << form_locales[i]))
				s = arena_printf(r->arena, "%s%s = %s\n", s,
				    o[k].code, o[k].label.s[form_locales[i]]);
		f->text[first + i] = s;
	}
}

/*
 * Conditions from field i, one a line: "question equals value",
 * "question one-of value value…" or "question not value", naming a
 * question of d (the definition being edited) by its code.  Their
 * indices are d's; rebuild() maps them.  Whether they hold water
 * (earlier page, existing option) is qdef_parse()'s to say.
 */
static int
conds_from(struct req *r, struct form *f, size_t i, const struct qdef *d,
    struct qcond **out, size_t *n)
{
	char *s = arena_strdup(r->arena, f->text[i]), *line, *save, *q, *op, *v;
	struct qcond *c;
	size_t k;

	c = arena_calloc(r->arena, QDEF_MAX_CONDS + 1, sizeof(*c));
	*n = 0;
	while ((line = next_line(&s)) != NULL) {
		if (*line == '\0')
			continue;
		if (*n == QDEF_MAX_CONDS || d == NULL)
			goto bad;
		q = strtok_r(line, " \t", &save);
		op = strtok_r(NULL, " \t", &save);
		if (q == NULL || op == NULL ||
		    (c[*n].question = qdef_find(d, q)) == QDEF_NONE)
			goto bad;
		for (k = 0; k < QOP__MAX; k++)
			if (strcmp(qop_names[k], op) == 0)
				break;
		if (k == QOP__MAX)
			goto bad;
		c[*n].op = (enum qop)k;
		c[*n].values = arena_calloc(
		    r->arena, QDEF_MAX_OPTIONS + 1, sizeof(*c[*n].values));
		while ((v = strtok_r(NULL, " \t", &save)) != NULL) {
			if (!code_ok(v) || c[*n].nvalues == QDEF_MAX_OPTIONS ||
			    (k != QOP_ONE_OF && c[*n].nvalues == 1))
				goto bad;
			c[*n].values[c[*n].nvalues++] = v;
		}
		if (c[*n].nvalues == 0)
			goto bad;
		(*n)++;
	}
	*out = c;
	return 0;
bad:
	form_error(f, i, "sedit.invalid.conditions");
	return -1;
}

/* Field i as the lines of conditions c[0..n) of definition d. */
static void
conds_to(struct req *r, struct form *f, size_t i, const struct qdef *d,
    const struct qcond *c, size_t n)
{
	char *s = arena_strdup(r->arena, ""), *v;
	size_t k, j;

	for (k = 0; k < n; k++) {
		v = arena_strdup(r->arena, c[k].values[0]);
		for (j = 1; j < c[k].nvalues; j++)
			v = arena_printf(r->arena, "%s %s", v, c[k].values[j]);
		s = arena_printf(r->arena, "%s%s %s %s\n", s,
		    d->questions[c[k].question].code, qop_names[c[k].op], v);
	}
	f->text[i] = s;
}

/*
 * A local date and time as an editor types it ("2026-11-14 08:00",
 * "2026-11-14T08:00", "14. 11. 2026. 8:00") as the definition's
 * YYYY-MM-DDTHH:MM in out.  Returns 0, or -1.
 */
static int
when_parse(const char *s, char out[17])
{
	char date[11], buf[32];
	const char *t;
	size_t n;
	int64_t h, m;
	char *colon;

	if (s == NULL || (n = strlen(s)) < 12 || n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n + 1);
	t = strrchr(buf, ' ');
	if (strchr(buf, 'T') != NULL && (t == NULL || strchr(buf, 'T') > t))
		t = strchr(buf, 'T');
	if (t == NULL)
		return -1;
	buf[t - buf] = '\0';
	t++;
	if ((colon = strchr(t, ':')) == NULL)
		return -1;
	*colon = '\0';
	while ((n = strlen(buf)) > 0 && buf[n - 1] == ' ')
		buf[n - 1] = '\0';
	if (qdate_parse(buf, date) == -1 || strlen(colon + 1) != 2 ||
	    str_to_int64(t, 0, 23, &h) == -1 ||
	    str_to_int64(colon + 1, 0, 59, &m) == -1)
		return -1;
	snprintf(out, 17, "%sT%02d:%02d", date, (int)h, (int)m);
	return 0;
}

/*
 * The local time YYYY-MM-DDTHH:MM (the installation's zone, TZ) as UTC
 * "YYYY-MM-DD HH:MM:SS" for MariaDB, and its local date.  Returns 0 or
 * -1.
 */
static int
when_utc(const char *local, char utc[20], char date[11])
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof(tm));
	if (sscanf(local, "%4d-%2d-%2dT%2d:%2d", &tm.tm_year, &tm.tm_mon,
		&tm.tm_mday, &tm.tm_hour, &tm.tm_min) != 5)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1 || gmtime_r(&t, &tm) == NULL ||
	    strftime(utc, 20, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		return -1;
	memcpy(date, local, 10);
	date[10] = '\0';
	return 0;
}

/* The definition's local time as the forms show it: "2026-11-14 08:00". */
static const char *
when_show(struct req *r, const char *local)
{
	if (local == NULL)
		return "";
	return arena_printf(r->arena, "%.10s %.5s", local, local + 11);
}

/* --- the model: copy, rebuild, check, store ----------------------------- */

/*
 * A copy of d whose arrays may be changed, each with one spare slot at
 * its end (index npages, nquestions) for a page or question being added.
 */
static struct qdef *
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
static struct qdef *
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
static void
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

/* --- pages ------------------------------------------------------------ */

/* The survey's summary, inside <sedit>: what every editor page shows. */
static int
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

/* <problem key="…" reason="…"/>: why a change was refused. */
static int
write_problem(struct xml *x, const char *key, const char *reason)
{
	if (key == NULL)
		return 0;
	if (xml_start(x, "problem") == -1 || xml_attr(x, "key", key) == -1 ||
	    xml_attr(x, "reason", reason) == -1)
		return -1;
	return xml_end(x);
}

/*
 * An editor's page with one form: <sedit page="…" (the survey)>
 * <problem/> <form/></sedit>.  Returns form_status() (422 with errors).
 */
static enum http_status
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
static void
refuse(struct req *r, struct form *f, const char *key)
{
	if (db_in_txn(r->w->db))
		db_rollback(r->w->db);
	if (f->problem == NULL)
		f->problem = key;
	f->nerrors++;
}

/* "/surveys/edit/<id>" */
static const char *
sv_path(struct req *r, int64_t id)
{
	return arena_printf(r->arena, "/surveys/edit/%lld", (long long)id);
}

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

#define TXT(n, req, max, key)                                                  \
	{                                                                      \
		n, VALID_TEXT, req, 0, max, key, "off", NULL, NULL             \
	}

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

/*
 * An editor's form on a survey: its page name and submit key, its
 * fields, how it fills them from the definition (GET) and how it makes
 * the new definition from them (POST: HTTP_OK with *out set; 404 for an
 * object that is not there; 422 after marking fields or setting *key).
 */
struct edit_form {
	const char *page;
	const char *submit;
	const struct field *fields;
	size_t n;
	const char *action; /* audit action */
	enum http_status (*load)(
	    struct req *, struct form *, const struct sv *);
	enum http_status (*apply)(struct req *, struct form *,
	    const struct sv *, const struct qdef **, const char **,
	    const char **);
};

/* GET: the form of ef, filled from survey r->ids[0]'s definition. */
static enum http_status
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
static enum http_status
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
		if (q->has_min)
			f->text[QF_MIN] =
			    qnum_format(r->arena, q->min, q->decimals);
		if (q->has_max)
			f->text[QF_MAX] =
			    qnum_format(r->arena, q->max, q->decimals);
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

/* --- the survey's page, and the buttons on it ---------------------------- */

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

/*
 * A button on the survey's page was refused: the page again with the
 * reason, status st (422 for a missing confirmation, 409 for a state
 * that does not allow it).
 */
static enum http_status
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
static enum http_status
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
static enum http_status
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
static enum http_status
nothing_to_do(struct req *r, const struct sv *s)
{
	db_rollback(r->w->db);
	return form_done(r, sv_path(r, s->id), NULL);
}

static const char *const dirs[] = {"up", "down", NULL};

static const struct field move_fields[] = {
    {"dir", VALID_CHOICE, true, 0, 0, "sedit.dir", NULL, dirs, NULL},
};

static const struct field confirm_fields[] = {
    {"confirm", VALID_CHECKBOX, true, 0, 0, "sedit.confirm", NULL, NULL, NULL},
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

/* POST /surveys/edit/%/close (confirm=1): a published survey closes now. */
enum http_status
sedit_close(struct req *r, struct xml *x)
{
	struct sv s;
	struct form f;
	enum http_status st;
	enum db_rc rc;
	char today[11];
	struct tm tm;
	time_t now = time(NULL);

	if ((st = button_open(r, x, "survey.close", confirm_fields, 1, &f, &s,
		 "sedit.close.confirm")) != HTTP_OK)
		return st;
	if (strcmp(s.status, "published") != 0)
		return button_refused(
		    r, x, &s, HTTP_CONFLICT, "sedit.close.notpublished", NULL);
	if (localtime_r(&now, &tm) == NULL ||
	    strftime(today, sizeof(today), "%Y-%m-%d", &tm) == 0)
		return db_undo(r, DB_ERROR);
	if ((rc = DBQ(r, STMT_SEDIT_CLOSE, NULL, DBP_S(today), DBP_I(s.id))) !=
		DB_OK ||
	    (rc = audit(r, "survey.close", "survey", s.id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, sv_path(r, s.id), "sedit-closed");
}

static const char *const onoff[] = {"1", "0", NULL};

static const struct field results_fields[] = {
    {"published", VALID_CHOICE, true, 0, 0, "sedit.results", NULL, onoff, NULL},
};

/* POST /surveys/edit/%/results (published=1|0): results public or not. */
enum http_status
sedit_results(struct req *r, struct xml *x)
{
	struct sv s;
	struct form f;
	enum http_status st;
	enum db_rc rc;
	bool on;

	if ((st = button_open(r, x, "survey.results", results_fields, 1, &f, &s,
		 "sedit.results.choose")) != HTTP_OK)
		return st;
	on = f.num[0] == 0;
	if ((rc = DBQ(r, STMT_SEDIT_RESULTS, NULL, DBP_I(on), DBP_I(s.id))) !=
		DB_OK ||
	    (rc = audit(r,
		 on ? "survey.results.publish" : "survey.results.unpublish",
		 "survey", s.id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(
	    r, sv_path(r, s.id), on ? "sedit-results-on" : "sedit-results-off");
}

/* --- publish, copy ------------------------------------------------------- */

enum pubf { PUB_OPENS, PUB_CLOSES, PUB__MAX };

static const struct field publish_fields[PUB__MAX] = {
    TXT("opens", true, SEDIT_WHEN_MAX_CHARS, "sedit.opens"),
    TXT("closes", true, SEDIT_WHEN_MAX_CHARS, "sedit.closes"),
};

static enum http_status
publish_load(struct req *r, struct form *f, const struct sv *s)
{
	f->text[PUB_OPENS] = when_show(r, s->d->opens);
	f->text[PUB_CLOSES] = when_show(r, s->d->closes);
	return HTTP_OK;
}

/* GET /surveys/edit/%/publish: the dates, local, to publish with. */
enum http_status
sedit_publish_form(struct req *r, struct xml *x)
{
	static const struct edit_form ef = {"publish", "sedit.publish",
	    publish_fields, PUB__MAX, "survey.publish", publish_load, NULL};

	return edit_get(r, x, &ef);
}

/*
 * POST /surveys/edit/%/publish: the survey opens and closes at the local
 * times given (the definition's opens and closes; opens_at and closes_at
 * in UTC); a published or closed survey takes the new dates.  303; 422
 * with the form.
 */
enum http_status
sedit_publish(struct req *r, struct xml *x)
{
	struct sv s;
	struct form f;
	struct qdef *w;
	const struct qdef *d = NULL;
	const char *xml, *key = NULL, *reason = NULL;
	char o[17], c[17], ou[20], cu[20], od[11], cd[11];
	enum http_status st;
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_status(rc);
	if ((st = sv_load(r, "survey.publish", &s)) != HTTP_OK) {
		if (st == HTTP_NOT_FOUND && db_commit(r->w->db) != DB_OK)
			return HTTP_UNAVAILABLE;
		if (db_in_txn(r->w->db))
			db_rollback(r->w->db);
		return st;
	}
	if (s.d == NULL) {
		db_rollback(r->w->db);
		return HTTP_NOT_FOUND;
	}
	form_validate(r, publish_fields, PUB__MAX, &f);
	if (f.error[PUB_OPENS] == NULL &&
	    (when_parse(f.text[PUB_OPENS], o) == -1 ||
		when_utc(o, ou, od) == -1))
		form_error(&f, PUB_OPENS, "sedit.invalid.when");
	if (f.error[PUB_CLOSES] == NULL &&
	    (when_parse(f.text[PUB_CLOSES], c) == -1 ||
		when_utc(c, cu, cd) == -1))
		form_error(&f, PUB_CLOSES, "sedit.invalid.when");
	if (f.nerrors == 0 && strcmp(o, c) >= 0)
		form_error(&f, PUB_CLOSES, "sedit.invalid.order");
	if (f.nerrors == 0) {
		w = model_copy(r->arena, s.d);
		w->opens = o;
		w->closes = c;
		if ((d = sv_check(r, &s, NULL, w, &xml, &key, &reason)) == NULL)
			refuse(r, &f, key);
	}
	if (f.nerrors > 0) {
		if (db_in_txn(r->w->db))
			db_rollback(r->w->db);
		return show_form(r, x, "publish", r->path, "sedit.publish",
		    publish_fields, &f, &s, key, reason);
	}
	if ((rc = DBQ(r, STMT_SEDIT_PUBLISH, NULL, DBP_S(ou), DBP_S(cu),
		 DBP_S(od), DBP_S(cd), DBP_S(xml), DBP_I(s.id))) != DB_OK ||
	    (rc = audit(r, "survey.publish", "survey", s.id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, sv_path(r, s.id), "sedit-published");
}

static const struct field copy_fields[] = {
    TXT("slug", true, QDEF_CODE_MAX_BYTES, "sedit.slug"),
};

static enum http_status
copy_load(struct req *r, struct form *f, const struct sv *s)
{
	const char *c = arena_printf(
	    r->arena, "%s-%lld", s->d->slug, (long long)s->round + 1);

	f->text[0] = strlen(c) <= QDEF_CODE_MAX_BYTES ? c : "";
	return HTTP_OK;
}

/* GET /surveys/edit/%/copy: the slug of the next round. */
enum http_status
sedit_copy_form(struct req *r, struct xml *x)
{
	static const struct edit_form ef = {"copy", "sedit.copy", copy_fields,
	    1, "survey.copy", copy_load, NULL};

	return edit_get(r, x, &ef);
}

/*
 * POST /surveys/edit/%/copy: a new draft with the same definition (its
 * dates cleared), round + 1, copied_from this one.  303 to the copy; 422
 * with the form; 409 when the slug is taken.
 */
enum http_status
sedit_copy(struct req *r, struct xml *x)
{
	struct sv s;
	struct form f;
	struct qdef *w;
	const struct qdef *d = NULL;
	const char *xml, *key = NULL, *reason = NULL;
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	int64_t id;

	if ((st = sv_load(r, "survey.copy", &s)) != HTTP_OK)
		return st;
	if (s.d == NULL)
		return HTTP_NOT_FOUND;
	form_validate(r, copy_fields, 1, &f);
	if (f.nerrors == 0 && !code_ok(f.text[0]))
		form_error(&f, 0, "sedit.invalid.code");
	if (f.nerrors == 0) {
		w = model_copy(r->arena, s.d);
		w->slug = f.text[0];
		w->opens = w->closes = NULL;
		if ((d = sv_check(r, NULL, NULL, w, &xml, &key, &reason)) ==
		    NULL)
			refuse(r, &f, key);
	}
	if (f.nerrors == 0) {
		if ((rc = db_begin(r->w->db)) != DB_OK)
			return db_status(rc);
		rc = DBQ(r, STMT_SEDIT_INSERT, &res,
		    DBP_I(r->sess->municipality), DBP_S(d->slug),
		    DBP_S(qdef_text(&d->title, LOCALE_SR_LATN)),
		    DBP_S(qdef_text(&d->title, LOCALE_SR_CYRL)),
		    DBP_S(qdef_text(&d->title, LOCALE_BS)),
		    DBP_S(qdef_text(&d->title, LOCALE_EN)), DBP_S(xml),
		    DBP_I(s.round + 1), DBP_I(s.id));
		if (rc == DB_DUPLICATE) {
			db_rollback(r->w->db);
			form_error(&f, 0, "sedit.slug.taken");
			if (show_form(r, x, "copy", r->path, "sedit.copy",
				copy_fields, &f, &s, NULL,
				NULL) == HTTP_INTERNAL)
				return HTTP_INTERNAL;
			return HTTP_CONFLICT;
		}
		id = (int64_t)res.insert_id;
		if (rc != DB_OK ||
		    (rc = audit(r, "survey.copy", "survey", id, "ok")) !=
			DB_OK ||
		    (rc = db_commit(r->w->db)) != DB_OK)
			return db_undo(r, rc);
		return form_done(r, sv_path(r, id), "sedit-copied");
	}
	return show_form(r, x, "copy", r->path, "sedit.copy", copy_fields, &f,
	    &s, key, reason);
}

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
