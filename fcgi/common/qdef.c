/* SPDX-License-Identifier: ISC */
/*
 * qdef.c: survey definitions, the first half of the question engine that
 * the surveys worker and the training courses share (issue 11).
 *
 * A definition arrives as bytes (an editor's upload, a database column).
 * qdef_parse() reads it with libxml2 without network, entity substitution
 * or DTD loading, refuses a DOCTYPE outright, validates it against the
 * RELAX NG schema (survey.rng, compiled once by qschema_new()), then checks
 * what a schema cannot express: unique codes, conditions that name only
 * questions of earlier pages and options those have, min <= max, a
 * respondent-group question before every page that names groups, the
 * number of form fields a page needs.  The first problem is reported with
 * its line and a reason in English (an editor's upload page shows both);
 * libxml2's own messages are collected through its structured error
 * callbacks, never printed.  The result is a read-only struct qdef in the
 * caller's arena, whose texts are filled for every locale by the fallback
 * rules (sr-Cyrl transliterated from sr-Latn; bs and en fall back to
 * sr-Latn).  qdef_write() serialises a model back to XML (downloads, and
 * the round-trip test): only the texts the definition gave, codes and
 * numbers in canonical form.
 *
 * Numbers are fixed-point: a value with up to QDEF_MAX_DECIMALS digits
 * after the point is an int64_t scaled by 10^decimals (qnum_parse), never
 * a double, so that 0.1 is 0.1 in the database's DECIMAL too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>

#include "karika.h"

const char *const qtype_names[QTYPE__MAX] = {
    "single",	/* QTYPE_SINGLE */
    "multiple", /* QTYPE_MULTIPLE */
    "dropdown", /* QTYPE_DROPDOWN */
    "matrix",	/* QTYPE_MATRIX */
    "number",	/* QTYPE_NUMBER */
    "text",	/* QTYPE_TEXT */
    "longtext", /* QTYPE_LONGTEXT */
    "date",	/* QTYPE_DATE */
    "yesno",	/* QTYPE_YESNO */
    "group",	/* QTYPE_GROUP */
};

const char *const qop_names[QOP__MAX] = {
    "equals", /* QOP_EQUALS */
    "one-of", /* QOP_ONE_OF */
    "not",    /* QOP_NOT */
};

/* The locales a definition may give a text in, in document order. */
static const enum locale text_order[] = {
    LOCALE_SR_LATN, LOCALE_SR_CYRL, LOCALE_BS, LOCALE_EN};

struct qschema {
	xmlRelaxNGPtr rng;
};

/*
 * The errors libxml2 reports, through its structured callbacks.  Its
 * RELAX NG validator often reports a consequence first ("Expecting an
 * element show-if, got nothing" for a bad attribute value of a question,
 * because it tried every branch of the type choice), so a few are kept
 * and sink_best() picks the most telling.
 */
#define SINK_MAX_ERRORS 8

struct sink {
	size_t n;
	int line[SINK_MAX_ERRORS];
	char elem[SINK_MAX_ERRORS][32];
	char reason[SINK_MAX_ERRORS][QDEF_REASON_MAX_BYTES];
};

/* What qdef_parse() carries while it builds the model. */
struct build {
	struct arena *a;
	struct qdef *d;
	struct qdef_error *err;
	size_t nq; /* questions built so far */
};

static void
sink_add(struct sink *s, int line, const char *elem_name, const char *msg)
{
	char *r;
	size_t n;

	if (s->n == SINK_MAX_ERRORS)
		return;
	snprintf(s->elem[s->n], sizeof(s->elem[s->n]), "%s",
	    elem_name != NULL ? elem_name : "");
	s->line[s->n] = line;
	r = s->reason[s->n++];
	snprintf(r, QDEF_REASON_MAX_BYTES, "%s", msg != NULL ? msg : "?");
	n = strlen(r);
	while (n > 0 && (r[n - 1] == '\n' || r[n - 1] == ' '))
		r[--n] = '\0';
}

/* libxml2's structured error callback: keeps the first few errors. */
static void
sink_collect(void *data, xmlErrorPtr e)
{
	xmlNodePtr n;

	if (e == NULL || e->level < XML_ERR_ERROR)
		return;
	n = e->node;
	sink_add(data, e->line,
	    n != NULL && n->type == XML_ELEMENT_NODE ? (const char *)n->name
						     : NULL,
	    e->message);
}

/*
 * The index of the most telling error: one that names an attribute or a
 * value, else the first that is not a consequence of another ("extra
 * content", "failed to validate"), else SINK_MAX_ERRORS: none says much.
 */
static size_t
sink_best(const struct sink *s)
{
	static const char *const telling[] = {
	    "Invalid attribute", "datatype", "Datatype", "value"};
	static const char *const echoes[] = {
	    "extra content", "failed to validate", "got nothing"};
	size_t i, j;

	for (i = 0; i < s->n; i++)
		for (j = 0; j < sizeof(telling) / sizeof(telling[0]); j++)
			if (strstr(s->reason[i], telling[j]) != NULL)
				return i;
	for (i = 0; i < s->n; i++) {
		for (j = 0; j < sizeof(echoes) / sizeof(echoes[0]); j++)
			if (strstr(s->reason[i], echoes[j]) != NULL)
				break;
		if (j == sizeof(echoes) / sizeof(echoes[0]))
			return i;
	}
	return SINK_MAX_ERRORS;
}

/* Errors while compiling our own schema go to the log, once each. */
static void
schema_log(void *data, xmlErrorPtr e)
{
	size_t n;

	if (e == NULL)
		return;
	n = e->message != NULL ? strcspn(e->message, "\n") : 0;
	LOGE("survey.rng line %d: %.*s", e->line, (int)n,
	    e->message != NULL ? e->message : "");
}

/*
 * Compiles the RELAX NG schema in the len bytes at buf.  Returns a new
 * schema, which the caller frees with qschema_free() (it lives as long as
 * the worker), or NULL after logging why.
 */
struct qschema *
qschema_new(const char *buf, size_t len)
{
	xmlRelaxNGParserCtxtPtr pc;
	xmlRelaxNGPtr rng;
	struct qschema *s;

	if (len == 0 || len > QDEF_SCHEMA_MAX_BYTES) {
		LOGE("schema of %zu bytes", len);
		return NULL;
	}
	if ((pc = xmlRelaxNGNewMemParserCtxt(buf, (int)len)) == NULL) {
		LOGE("xmlRelaxNGNewMemParserCtxt failed");
		return NULL;
	}
	xmlRelaxNGSetParserStructuredErrors(pc, schema_log, NULL);
	rng = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	if (rng == NULL) {
		LOGE("xmlRelaxNGParse failed");
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->rng = rng;
	return s;
}

/*
 * Reads and compiles the schema file at path (share/karika/survey.rng).
 * Returns a new schema for qschema_free(), or NULL after logging why.
 */
struct qschema *
qschema_load(const char *path)
{
	struct qschema *s = NULL;
	FILE *f;
	char *buf;
	size_t n;

	if ((f = fopen(path, "rb")) == NULL) {
		LOGE("%s: cannot open", path);
		return NULL;
	}
	buf = xmalloc(QDEF_SCHEMA_MAX_BYTES + 1);
	n = fread(buf, 1, QDEF_SCHEMA_MAX_BYTES + 1, f);
	if (ferror(f))
		LOGE("%s: cannot read", path);
	else if (n > QDEF_SCHEMA_MAX_BYTES)
		LOGE("%s: over %d bytes", path, QDEF_SCHEMA_MAX_BYTES);
	else
		s = qschema_new(buf, n);
	fclose(f);
	free(buf);
	return s;
}

/* Frees a schema from qschema_new() or qschema_load(); NULL is fine. */
void
qschema_free(struct qschema *s)
{
	if (s == NULL)
		return;
	xmlRelaxNGFree(s->rng);
	free(s);
}

/* Sets the error (the first one only) and returns -1. */
static int fail(struct build *b, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct build *b, int line, const char *fmt, ...)
{
	va_list ap;

	b->err->line = line;
	va_start(ap, fmt);
	vsnprintf(b->err->reason, sizeof(b->err->reason), fmt, ap);
	va_end(ap);
	return -1;
}

static int
line_of(xmlNodePtr n)
{
	long l = xmlGetLineNo(n);

	return l > 0 && l < 0x7fffffff ? (int)l : 0;
}

static bool
named(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* The first element child of n at or after c. */
static xmlNodePtr
elem(xmlNodePtr c)
{
	while (c != NULL && c->type != XML_ELEMENT_NODE)
		c = c->next;
	return c;
}

/* Attribute name of n copied into the arena, or NULL when absent. */
static const char *
attr(struct arena *a, xmlNodePtr n, const char *name)
{
	xmlChar *v;
	char *s;

	if ((v = xmlGetNoNsProp(n, (const xmlChar *)name)) == NULL)
		return NULL;
	s = arena_strdup(a, (const char *)v);
	xmlFree(v);
	return s;
}

/* The text of n without surrounding blanks, in the arena. */
static char *
content(struct arena *a, xmlNodePtr n)
{
	xmlChar *v;
	const char *s, *e;
	char *r;

	if ((v = xmlNodeGetContent(n)) == NULL)
		return arena_strdup(a, "");
	s = (const char *)v;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	e = s + strlen(s);
	while (e > s &&
	    (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		e--;
	r = arena_strndup(a, s, (size_t)(e - s));
	xmlFree(v);
	return r;
}

/*
 * Reads the run of elements called name starting at *c (one per locale,
 * as the schema orders them) into t and applies the fallback rules.
 * Leaves *c at the first element after the run.
 */
static int
read_texts(struct build *b, xmlNodePtr *c, const char *name, struct qtext *t)
{
	xmlChar *lang;
	enum locale l;
	char *cyrl;

	memset(t, 0, sizeof(*t));
	for (; named(*c, name); *c = elem((*c)->next)) {
		lang = xmlGetNsProp(
		    *c, (const xmlChar *)"lang", XML_XML_NAMESPACE);
		l = locale_from_tag(lang != NULL ? (const char *)lang : "");
		if (lang == NULL ||
		    strcmp(locale_tags[l], (const char *)lang) != 0) {
			xmlFree(lang);
			return fail(
			    b, line_of(*c), "%s: unknown xml:lang", name);
		}
		xmlFree(lang);
		if (t->given & (1u << l))
			return fail(b, line_of(*c), "%s: a second %s text",
			    name, locale_tags[l]);
		t->given |= 1u << l;
		t->s[l] = content(b->a, *c);
		if (*t->s[l] == '\0')
			return fail(b, line_of(*c), "%s: an empty %s text",
			    name, locale_tags[l]);
	}
	if (t->given == 0)
		return 0;
	if (t->s[LOCALE_SR_LATN] == NULL)
		return fail(b, line_of(*c), "%s: no sr-Latn text", name);
	if (t->s[LOCALE_SR_CYRL] == NULL) {
		cyrl = translit_to_cyrl(t->s[LOCALE_SR_LATN]);
		t->s[LOCALE_SR_CYRL] = arena_strdup(b->a, cyrl);
		free(cyrl);
	}
	if (t->s[LOCALE_BS] == NULL)
		t->s[LOCALE_BS] = t->s[LOCALE_SR_LATN];
	if (t->s[LOCALE_EN] == NULL)
		t->s[LOCALE_EN] = t->s[LOCALE_SR_LATN];
	return 0;
}

/*
 * Parses a decimal such as "-12", "3.5" or "3,5" (the decimal comma that
 * Serbian uses) with at most `decimals` digits after the separator into
 * *out, scaled by 10^decimals.  Returns 0; -1 when it is not a number or
 * has more than QDEF_NUMBER_MAX_DIGITS digits before the separator; -2
 * when it has more digits after it than decimals allows.  No blanks, no
 * '+', no thousands separators.
 */
int
qnum_parse(const char *s, int decimals, int64_t *out)
{
	int64_t v = 0;
	bool neg = false, excess = false;
	int before = 0, after = 0, i;

	if (s == NULL || decimals < 0 || decimals > QDEF_MAX_DECIMALS)
		return -1;
	if (*s == '-') {
		neg = true;
		s++;
	}
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++before > QDEF_NUMBER_MAX_DIGITS)
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (before == 0)
		return -1;
	if (*s == '.' || *s == ',') {
		for (s++; *s >= '0' && *s <= '9'; s++) {
			if (++after > QDEF_NUMBER_MAX_DIGITS)
				return -1;
			if (after <= decimals)
				v = v * 10 + (*s - '0');
			else if (*s != '0')
				excess = true;
		}
		if (after == 0)
			return -1;
	}
	if (*s != '\0')
		return -1;
	if (excess)
		return -2;
	for (i = after; i < decimals; i++)
		v *= 10;
	*out = neg ? -v : v;
	return 0;
}

/*
 * Formats a scaled value back as a decimal with exactly `decimals` digits
 * after a '.', in the arena: 1250 with 2 decimals is "12.50".
 */
char *
qnum_format(struct arena *a, int64_t v, int decimals)
{
	uint64_t u, p = 1;
	int i;

	for (i = 0; i < decimals; i++)
		p *= 10;
	u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	if (decimals == 0)
		return arena_printf(
		    a, "%s%llu", v < 0 ? "-" : "", (unsigned long long)u);
	return arena_printf(a, "%s%llu.%0*llu", v < 0 ? "-" : "",
	    (unsigned long long)(u / p), decimals, (unsigned long long)(u % p));
}

/*
 * v (in units of 10^-decimals) as a person writes it: no trailing zeros
 * of the fraction, no point for a whole number ("168", "7.5"), in arena
 * a.  The point is the page's to localise.
 */
char *
qnum_plain(struct arena *a, int64_t v, int decimals)
{
	char *s = qnum_format(a, v, decimals), *e;

	if (strchr(s, '.') == NULL)
		return s;
	for (e = s + strlen(s); e[-1] == '0'; e--)
		e[-1] = '\0';
	if (e[-1] == '.')
		e[-1] = '\0';
	return s;
}

/*
 * Parses a date as a browser's date field sends it (2026-11-29) or as
 * people write it here (29.11.2026., 29. 11. 2026, the final dot
 * optional) into out as YYYY-MM-DD, through date_parse() (valid.c, the
 * one date reader), years 1900 to 2199.  Returns 0, or -1 for anything
 * else, including a day the calendar does not have.
 */
int
qdate_parse(const char *s, char out[11])
{
	int64_t num;

	if (s == NULL || !date_parse(s, out, &num) || num < 19000101 ||
	    num > 21991231)
		return -1;
	return 0;
}

/* A local date-time YYYY-MM-DDTHH:MM (the schema gave its shape). */
static bool
datetime_ok(const char *s)
{
	char date[11];

	if (strlen(s) != 16 || s[10] != 'T')
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	return qdate_parse(date, date) == 0 && s[11] >= '0' && s[11] <= '2' &&
	    (s[11] - '0') * 10 + (s[12] - '0') < 24 && s[14] >= '0' &&
	    s[14] <= '5';
}

/*
 * The text of t in locale l, by the fallback rules (always set when the
 * definition gave any text), or NULL when it gave none.  Borrowed from
 * the model.
 */
const char *
qdef_text(const struct qtext *t, enum locale l)
{
	return l < LOCALE__MAX ? t->s[l] : NULL;
}

/* The index of the question called code, or QDEF_NONE. */
size_t
qdef_find(const struct qdef *d, const char *code)
{
	size_t i;

	for (i = 0; i < d->nquestions; i++)
		if (strcmp(d->questions[i].code, code) == 0)
			return i;
	return QDEF_NONE;
}

/* The index of q's option (or scale point) called code, or QDEF_NONE. */
size_t
qdef_option(const struct qquestion *q, const char *code)
{
	size_t i;

	for (i = 0; i < q->nopts; i++)
		if (strcmp(q->opts[i].code, code) == 0)
			return i;
	return QDEF_NONE;
}

/* The index of matrix q's row called code, or QDEF_NONE. */
size_t
qdef_item(const struct qquestion *q, const char *code)
{
	size_t i;

	for (i = 0; i < q->nitems; i++)
		if (strcmp(q->items[i].code, code) == 0)
			return i;
	return QDEF_NONE;
}

static size_t
count_named(xmlNodePtr c, const char *name)
{
	size_t n = 0;

	for (c = elem(c); c != NULL; c = elem(c->next))
		if (named(c, name))
			n++;
	return n;
}

/*
 * Reads the options (or items) called name at *c into a new array.
 * Codes must be unique within the question; "other" is reserved when the
 * question offers "other, please specify".
 */
static int
read_opts(struct build *b, xmlNodePtr *c, const char *name, size_t max,
    bool other, struct qopt **out, size_t *n)
{
	struct qopt *o;
	size_t i, k = 0, total = 0;
	xmlNodePtr t;

	for (t = *c; named(t, name); t = elem(t->next))
		total++;
	if (total > max)
		return fail(
		    b, line_of(*c), "more than %zu %s elements", max, name);
	o = arena_calloc(b->a, total + 1, sizeof(*o));
	for (; named(*c, name); *c = elem((*c)->next), k++) {
		o[k].code = attr(b->a, *c, "code");
		for (i = 0; i < k; i++)
			if (strcmp(o[i].code, o[k].code) == 0)
				return fail(b, line_of(*c),
				    "%s code %s is used twice", name,
				    o[k].code);
		if (other && strcmp(o[k].code, "other") == 0)
			return fail(b, line_of(*c),
			    "option code other is reserved for \"other, "
			    "please specify\"");
		t = elem((*c)->children);
		if (read_texts(b, &t, "label", &o[k].label) == -1)
			return -1;
	}
	*out = o;
	*n = k;
	return 0;
}

/* True when value names an answer of question q. */
static bool
value_exists(const struct qdef *d, const struct qquestion *q, const char *v)
{
	if (q->other && strcmp(v, "other") == 0)
		return true;
	return qdef_option(q, v) != QDEF_NONE;
}

/*
 * Reads the show-if elements at *c.  A condition may name only a question
 * of an earlier page (a page is shown before it is answered: no script
 * re-evaluates it), of a type with options, and only values it has.
 */
static int
read_conds(
    struct build *b, xmlNodePtr *c, size_t page, struct qcond **out, size_t *n)
{
	struct qcond *cs;
	const struct qquestion *q;
	const char *qc, *v;
	char *list, *tok, *save;
	size_t k = 0, total = 0, i;
	xmlNodePtr t;

	for (t = *c; named(t, "show-if"); t = elem(t->next))
		total++;
	if (total > QDEF_MAX_CONDS)
		return fail(b, line_of(*c), "more than %d show-if elements",
		    QDEF_MAX_CONDS);
	cs = arena_calloc(b->a, total + 1, sizeof(*cs));
	for (; named(*c, "show-if"); *c = elem((*c)->next), k++) {
		cs[k].line = line_of(*c);
		qc = attr(b->a, *c, "question");
		if ((cs[k].question = qdef_find(b->d, qc)) == QDEF_NONE ||
		    cs[k].question >= b->nq)
			return fail(b, cs[k].line,
			    "show-if names question %s, which is not on an "
			    "earlier page",
			    qc);
		q = &b->d->questions[cs[k].question];
		if (q->page >= page)
			return fail(b, cs[k].line,
			    "show-if names question %s of the same page: a "
			    "condition may use only answers of earlier pages",
			    qc);
		if (q->type != QTYPE_SINGLE && q->type != QTYPE_MULTIPLE &&
		    q->type != QTYPE_DROPDOWN && q->type != QTYPE_YESNO &&
		    q->type != QTYPE_GROUP)
			return fail(b, cs[k].line,
			    "show-if names question %s of type %s: conditions "
			    "use choice, yes/no and group questions",
			    qc, qtype_names[q->type]);
		if ((v = attr(b->a, *c, "equals")) != NULL)
			cs[k].op = QOP_EQUALS;
		else if ((v = attr(b->a, *c, "not")) != NULL)
			cs[k].op = QOP_NOT;
		else if ((v = attr(b->a, *c, "one-of")) != NULL)
			cs[k].op = QOP_ONE_OF;
		else
			return fail(b, cs[k].line, "show-if without a value");
		cs[k].values = arena_calloc(
		    b->a, QDEF_MAX_OPTIONS + 1, sizeof(*cs[k].values));
		list = arena_strdup(b->a, v);
		for (tok = strtok_r(list, " \t\r\n", &save); tok != NULL;
		     tok = strtok_r(NULL, " \t\r\n", &save)) {
			if (!value_exists(b->d, q, tok))
				return fail(b, cs[k].line,
				    "show-if: question %s has no option %s", qc,
				    tok);
			for (i = 0; i < cs[k].nvalues; i++)
				if (strcmp(cs[k].values[i], tok) == 0)
					return fail(b, cs[k].line,
					    "show-if: value %s twice", tok);
			if (cs[k].nvalues == QDEF_MAX_OPTIONS)
				return fail(b, cs[k].line,
				    "show-if: more than %d values",
				    QDEF_MAX_OPTIONS);
			cs[k].values[cs[k].nvalues++] = tok;
		}
		if (cs[k].nvalues == 0)
			return fail(b, cs[k].line, "show-if without a value");
	}
	*out = cs;
	*n = k;
	return 0;
}

/* The form fields a question needs (QDEF_PAGE_MAX_FIELDS per page). */
static size_t
fields_of(const struct qquestion *q)
{
	switch (q->type) {
	case QTYPE_MULTIPLE:
		return q->nopts + (q->other ? 2 : 0);
	case QTYPE_MATRIX:
		return q->nitems;
	default:
		return q->other ? 2 : 1;
	}
}

/* Number attributes min and max of a number question, in its scale. */
static int
read_number_bounds(struct build *b, xmlNodePtr n, struct qquestion *q)
{
	const char *dec, *mn, *mx;
	int64_t v;

	if ((dec = attr(b->a, n, "decimals")) != NULL &&
	    str_to_int64(dec, 0, QDEF_MAX_DECIMALS, &v) == -1)
		return fail(
		    b, q->line, "decimals must be 0 to %d", QDEF_MAX_DECIMALS);
	q->decimals = dec != NULL ? (int)v : 0;
	if ((mn = attr(b->a, n, "min")) != NULL) {
		if (qnum_parse(mn, q->decimals, &v) != 0)
			return fail(b, q->line,
			    "min %s has more decimals than the question's %d",
			    mn, q->decimals);
		q->has_min = true;
		q->min = v;
	}
	if ((mx = attr(b->a, n, "max")) != NULL) {
		if (qnum_parse(mx, q->decimals, &v) != 0)
			return fail(b, q->line,
			    "max %s has more decimals than the question's %d",
			    mx, q->decimals);
		q->has_max = true;
		q->max = v;
	}
	if (q->has_min && q->has_max && q->min > q->max)
		return fail(b, q->line, "min is greater than max");
	return 0;
}

/* The type-specific attributes of question n, checked against each other. */
static int
read_bounds(struct build *b, xmlNodePtr n, struct qquestion *q)
{
	const char *mn, *mx;
	int64_t v;
	char dmin[11], dmax[11];

	switch (q->type) {
	case QTYPE_MULTIPLE:
		/* xsd:integer also allows "+2" and blanks: not here */
		if ((mn = attr(b->a, n, "min")) != NULL) {
			if (str_to_int64(mn, 0, QDEF_MAX_OPTIONS, &v) == -1)
				return fail(b, q->line,
				    "min %.20s: a whole number of options", mn);
			q->has_min = true;
			q->min = v;
		}
		if ((mx = attr(b->a, n, "max")) != NULL) {
			if (str_to_int64(mx, 0, QDEF_MAX_OPTIONS, &v) == -1)
				return fail(b, q->line,
				    "max %.20s: a whole number of options", mx);
			q->has_max = true;
			q->max = v;
		}
		break;
	case QTYPE_NUMBER:
		return read_number_bounds(b, n, q);
	case QTYPE_TEXT:
	case QTYPE_LONGTEXT:
		q->has_max = (mx = attr(b->a, n, "max")) != NULL;
		q->max = q->type == QTYPE_TEXT ? QDEF_SHORT_DEFAULT_CHARS
					       : QDEF_LONG_DEFAULT_CHARS;
		if (mx != NULL &&
		    str_to_int64(mx, 1,
			q->type == QTYPE_TEXT ? QDEF_SHORT_MAX_CHARS
					      : QDEF_LONG_MAX_CHARS,
			&q->max) == -1)
			return fail(b, q->line,
			    "max %s: a %s answer has at most %d characters", mx,
			    qtype_names[q->type],
			    q->type == QTYPE_TEXT ? QDEF_SHORT_MAX_CHARS
						  : QDEF_LONG_MAX_CHARS);
		break;
	case QTYPE_DATE:
		if ((mn = attr(b->a, n, "min")) != NULL) {
			if (qdate_parse(mn, dmin) == -1)
				return fail(
				    b, q->line, "min %s is not a date", mn);
			q->min_date = arena_strdup(b->a, dmin);
		}
		if ((mx = attr(b->a, n, "max")) != NULL) {
			if (qdate_parse(mx, dmax) == -1)
				return fail(
				    b, q->line, "max %s is not a date", mx);
			q->max_date = arena_strdup(b->a, dmax);
		}
		if (q->min_date != NULL && q->max_date != NULL &&
		    strcmp(q->min_date, q->max_date) > 0)
			return fail(b, q->line, "min %s is after max %s",
			    q->min_date, q->max_date);
		return 0;
	default:
		return 0;
	}
	if (q->has_min && q->has_max && q->min > q->max)
		return fail(b, q->line, "min is greater than max");
	return 0;
}

/* After the options are known: the limits of a multiple choice. */
static int
check_multiple(struct build *b, const struct qquestion *q)
{
	size_t avail = q->nopts + (q->other ? 1 : 0);

	if (q->has_max && q->max == 0)
		return fail(b, q->line, "max 0 would allow no answer");
	if (q->has_min && (size_t)q->min > avail)
		return fail(b, q->line,
		    "min %lld is more than the number of options (%zu)",
		    (long long)q->min, avail);
	return 0;
}

/* Options a yes/no question has: codes yes and no, words from the catalogue. */
static void
yesno_opts(struct build *b, struct qquestion *q)
{
	q->opts = arena_calloc(b->a, 2, sizeof(*q->opts));
	q->opts[0].code = "yes";
	q->opts[1].code = "no";
	q->nopts = 2;
}

/* The group question's options: the survey's respondent groups. */
static int
group_opts(struct build *b, struct qquestion *q, size_t index)
{
	size_t i;

	if (b->d->group_question != QDEF_NONE)
		return fail(b, q->line, "a second respondent-group question");
	if (b->d->ngroups == 0)
		return fail(
		    b, q->line, "a respondent-group question, but no groups");
	b->d->group_question = index;
	q->opts = arena_calloc(b->a, b->d->ngroups, sizeof(*q->opts));
	for (i = 0; i < b->d->ngroups; i++) {
		q->opts[i].code = b->d->groups[i].code;
		q->opts[i].label = b->d->groups[i].label;
	}
	q->nopts = b->d->ngroups;
	return 0;
}

static int
read_question(struct build *b, xmlNodePtr n, size_t page, size_t index)
{
	struct qquestion *q = &b->d->questions[index];
	const char *type, *v;
	xmlNodePtr c;
	size_t i;

	q->line = line_of(n);
	q->page = page;
	q->code = attr(b->a, n, "code");
	for (i = 0; i < index; i++)
		if (strcmp(b->d->questions[i].code, q->code) == 0)
			return fail(b, q->line,
			    "question code %s is used twice (line %d)", q->code,
			    b->d->questions[i].line);
	type = attr(b->a, n, "type");
	for (q->type = 0; q->type < QTYPE__MAX; q->type++)
		if (strcmp(qtype_names[q->type], type) == 0)
			break;
	if (q->type == QTYPE__MAX)
		return fail(b, q->line, "unknown type %s", type);
	q->required =
	    (v = attr(b->a, n, "required")) != NULL && strcmp(v, "true") == 0;
	q->other =
	    (v = attr(b->a, n, "other")) != NULL && strcmp(v, "true") == 0;
	if (read_bounds(b, n, q) == -1)
		return -1;
	c = elem(n->children);
	if (read_texts(b, &c, "text", &q->text) == -1 ||
	    read_texts(b, &c, "help", &q->help) == -1)
		return -1;
	if (q->text.given == 0)
		return fail(b, q->line, "question %s has no text", q->code);
	if (read_conds(b, &c, page, &q->conds, &q->nconds) == -1)
		return -1;
	if (q->type == QTYPE_MATRIX &&
	    read_opts(b, &c, "item", QDEF_MAX_ITEMS, false, &q->items,
		&q->nitems) == -1)
		return -1;
	if (read_opts(b, &c, "option", QDEF_MAX_OPTIONS, q->other, &q->opts,
		&q->nopts) == -1)
		return -1;
	if (c != NULL)
		return fail(b, line_of(c), "unexpected element %s",
		    (const char *)c->name);
	if (q->type == QTYPE_MULTIPLE && check_multiple(b, q) == -1)
		return -1;
	if (q->type == QTYPE_YESNO)
		yesno_opts(b, q);
	if (q->type == QTYPE_GROUP && group_opts(b, q, index) == -1)
		return -1;
	return 0;
}

/* The groups attribute of a page as a bit set over d->groups. */
static int
read_page_groups(struct build *b, xmlNodePtr n, struct qpage *p)
{
	const char *v;
	char *list, *tok, *save;
	size_t i;

	if ((v = attr(b->a, n, "groups")) == NULL)
		return 0;
	list = arena_strdup(b->a, v);
	for (tok = strtok_r(list, " \t\r\n", &save); tok != NULL;
	     tok = strtok_r(NULL, " \t\r\n", &save)) {
		for (i = 0; i < b->d->ngroups; i++)
			if (strcmp(b->d->groups[i].code, tok) == 0)
				break;
		if (i == b->d->ngroups)
			return fail(b, p->line,
			    "page %s names group %s, which the survey does not "
			    "have",
			    p->code, tok);
		p->groups |= (uint32_t)1 << i;
	}
	if (b->d->group_question == QDEF_NONE)
		return fail(b, p->line,
		    "page %s names groups, but no respondent-group question "
		    "comes before it",
		    p->code);
	return 0;
}

static int
read_page(struct build *b, xmlNodePtr n, size_t index)
{
	struct qpage *p = &b->d->pages[index];
	xmlNodePtr c;
	size_t i, fields = 0;

	p->line = line_of(n);
	p->code = attr(b->a, n, "code");
	for (i = 0; i < index; i++)
		if (strcmp(b->d->pages[i].code, p->code) == 0)
			return fail(
			    b, p->line, "page code %s is used twice", p->code);
	if (read_page_groups(b, n, p) == -1)
		return -1;
	c = elem(n->children);
	if (read_texts(b, &c, "title", &p->title) == -1 ||
	    read_conds(b, &c, index, &p->conds, &p->nconds) == -1)
		return -1;
	p->first = b->nq;
	for (; named(c, "question"); c = elem(c->next)) {
		if (b->nq == QDEF_MAX_QUESTIONS)
			return fail(b, line_of(c), "more than %d questions",
			    QDEF_MAX_QUESTIONS);
		if (read_question(b, c, index, b->nq) == -1)
			return -1;
		fields += fields_of(&b->d->questions[b->nq]);
		b->nq++;
		b->d->nquestions = b->nq;
		p->n++;
	}
	if (c != NULL)
		return fail(b, line_of(c), "unexpected element %s",
		    (const char *)c->name);
	if (p->n == 0)
		return fail(b, p->line, "page %s has no question", p->code);
	if (fields > QDEF_PAGE_MAX_FIELDS)
		return fail(b, p->line,
		    "page %s needs %zu form fields; at most %d fit one page",
		    p->code, fields, QDEF_PAGE_MAX_FIELDS);
	return 0;
}

static int
read_groups(struct build *b, xmlNodePtr n)
{
	struct qdef *d = b->d;
	xmlNodePtr c, t;
	const char *q;
	size_t i, k = 0;
	int64_t v;

	if ((d->ngroups = count_named(n->children, "group")) > QDEF_MAX_GROUPS)
		return fail(b, line_of(n), "more than %d respondent groups",
		    QDEF_MAX_GROUPS);
	d->groups = arena_calloc(b->a, d->ngroups + 1, sizeof(*d->groups));
	for (c = elem(n->children); named(c, "group"); c = elem(c->next), k++) {
		d->groups[k].code = attr(b->a, c, "code");
		for (i = 0; i < k; i++)
			if (strcmp(d->groups[i].code, d->groups[k].code) == 0)
				return fail(b, line_of(c),
				    "group code %s is used twice",
				    d->groups[k].code);
		if ((q = attr(b->a, c, "quota")) != NULL) {
			if (str_to_int64(q, 1, 1000000, &v) == -1)
				return fail(b, line_of(c),
				    "quota %.20s: a whole number of responses",
				    q);
			d->groups[k].quota = v;
		}
		t = elem(c->children);
		if (read_texts(b, &t, "label", &d->groups[k].label) == -1)
			return -1;
	}
	return 0;
}

/* The survey element: metadata, groups, pages (the schema's order). */
static int
read_survey(struct build *b, xmlNodePtr root)
{
	struct qdef *d = b->d;
	const char *v;
	xmlNodePtr c, p;
	int64_t m;
	size_t np, nq, k = 0;

	d->group_question = QDEF_NONE;
	d->slug = attr(b->a, root, "slug");
	if (d->slug != NULL && qdef_slug_reserved(d->slug, strlen(d->slug)))
		return fail(b, line_of(root),
		    "slug %s is taken by the surveys' own pages", d->slug);
	if ((v = attr(b->a, root, "minutes")) == NULL ||
	    str_to_int64(v, 1, 120, &m) == -1)
		return fail(b, line_of(root), "minutes must be 1 to 120");
	d->minutes = (int)m;
	d->anonymous = (v = attr(b->a, root, "anonymous")) == NULL ||
	    strcmp(v, "true") == 0;
	d->opens = attr(b->a, root, "opens");
	d->closes = attr(b->a, root, "closes");
	if ((d->opens != NULL && !datetime_ok(d->opens)) ||
	    (d->closes != NULL && !datetime_ok(d->closes)))
		return fail(b, line_of(root),
		    "opens and closes are local times YYYY-MM-DDTHH:MM");
	if (d->opens != NULL && d->closes != NULL &&
	    strcmp(d->opens, d->closes) >= 0)
		return fail(
		    b, line_of(root), "the survey closes before it opens");
	c = elem(root->children);
	if (read_texts(b, &c, "title", &d->title) == -1 ||
	    read_texts(b, &c, "purpose", &d->purpose) == -1 ||
	    read_texts(b, &c, "thanks", &d->thanks) == -1)
		return -1;
	if (named(c, "groups")) {
		if (read_groups(b, c) == -1)
			return -1;
		c = elem(c->next);
	}
	if ((np = count_named(c, "page")) > QDEF_MAX_PAGES)
		return fail(
		    b, line_of(c), "more than %d pages", QDEF_MAX_PAGES);
	for (p = c, nq = 0; named(p, "page"); p = elem(p->next))
		nq += count_named(p->children, "question");
	if (nq > QDEF_MAX_QUESTIONS)
		return fail(b, line_of(root), "more than %d questions",
		    QDEF_MAX_QUESTIONS);
	d->pages = arena_calloc(b->a, np + 1, sizeof(*d->pages));
	d->questions = arena_calloc(b->a, nq + 1, sizeof(*d->questions));
	for (; named(c, "page"); c = elem(c->next), k++) {
		d->npages = k + 1;
		if (read_page(b, c, k) == -1)
			return -1;
	}
	if (c != NULL)
		return fail(b, line_of(c), "unexpected element %s",
		    (const char *)c->name);
	if (d->npages == 0)
		return fail(b, line_of(root), "a survey needs a page");
	return 0;
}

/* A code: [a-z0-9][a-z0-9_-]*, at most QDEF_CODE_MAX_BYTES (the schema's). */
static bool
code_ok(const char *c)
{
	size_t n;

	if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')))
		return false;
	for (n = 0; c[n] != '\0'; n++)
		if (!((c[n] >= 'a' && c[n] <= 'z') ||
			(c[n] >= '0' && c[n] <= '9') || c[n] == '_' ||
			c[n] == '-'))
			return false;
	return n <= QDEF_CODE_MAX_BYTES;
}

/*
 * True when the n bytes at slug name one of karika-surveys' own paths
 * under /surveys/ (the editor's /surveys/edit/, /surveys/health), which
 * no survey may take: its pages would be the worker's.  The definition
 * refuses such a slug, and the answering routes never find one.
 */
bool
qdef_slug_reserved(const char *slug, size_t n)
{
	static const char *const taken[] = {"edit", "health"};
	size_t i;

	for (i = 0; i < sizeof(taken) / sizeof(taken[0]); i++)
		if (strlen(taken[i]) == n && memcmp(taken[i], slug, n) == 0)
			return true;
	return false;
}

/*
 * Before the schema, the two mistakes its validator reports worst (it
 * tries every branch of the question types and says only that something
 * "failed to validate"): a question type the engine lacks, and a code
 * that is not a code.  depth bounds the walk; libxml2 bounds the
 * document's depth anyway.
 */
static int
precheck(struct build *b, xmlNodePtr n, int depth)
{
	static const char *const coded[] = {"code", "slug", "question"};
	xmlChar *t;
	int rc = 0;
	size_t i;

	for (n = elem(n); n != NULL && rc == 0 && depth < 64;
	     n = elem(n->next)) {
		if (named(n, "question") &&
		    (t = xmlGetNoNsProp(n, (const xmlChar *)"type")) != NULL) {
			for (i = 0; i < QTYPE__MAX; i++)
				if (strcmp(qtype_names[i], (const char *)t) ==
				    0)
					break;
			if (i == QTYPE__MAX)
				rc = fail(b, line_of(n),
				    "unknown question type %.40s", (char *)t);
			xmlFree(t);
		}
		for (i = 0; i < sizeof(coded) / sizeof(coded[0]) && rc == 0;
		     i++) {
			t = xmlGetNoNsProp(n, (const xmlChar *)coded[i]);
			if (t != NULL && !code_ok((const char *)t))
				rc = fail(b, line_of(n),
				    "%s %.40s: a code has lower-case letters "
				    "a-z, digits, _ and -, at most %d",
				    coded[i], (char *)t, QDEF_CODE_MAX_BYTES);
			xmlFree(t);
		}
		if (rc == 0)
			rc = precheck(b, n->children, depth + 1);
	}
	return rc;
}

/*
 * Parses, validates and checks the definition in the len bytes at buf
 * against schema s.  Returns the model, allocated in arena a (it lives as
 * long as the arena; nothing else to free), or NULL with err set to the
 * first problem: its line (0 when the document has none, e.g. too large)
 * and a reason.  Never reads the network or a file, never substitutes
 * entities, refuses any DOCTYPE.
 */
struct qdef *
qdef_parse(struct arena *a, const struct qschema *s, const char *buf,
    size_t len, struct qdef_error *err)
{
	struct build b;
	struct sink sk;
	xmlParserCtxtPtr pc = NULL;
	xmlRelaxNGValidCtxtPtr vc = NULL;
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	struct qdef *d = NULL;
	size_t i;
	int rc;

	memset(err, 0, sizeof(*err));
	memset(&sk, 0, sizeof(sk));
	memset(&b, 0, sizeof(b));
	b.a = a;
	b.err = err;
	if (len == 0 || len > QDEF_MAX_BYTES) {
		fail(&b, 0, "a definition has 1 to %d bytes", QDEF_MAX_BYTES);
		goto out;
	}
	if ((pc = xmlNewParserCtxt()) == NULL) {
		LOGE("xmlNewParserCtxt failed");
		fail(&b, 0, "internal error");
		goto out;
	}
	xmlSetStructuredErrorFunc(&sk, sink_collect);
	doc = xmlCtxtReadMemory(pc, buf, (int)len, "survey.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOCDATA);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc == NULL || sk.n > 0 || !pc->wellFormed) {
		fail(&b, sk.line[0], "%s",
		    sk.n > 0 ? sk.reason[0] : "not well-formed XML");
		goto out;
	}
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		fail(&b, line_of((xmlNodePtr)doc->intSubset),
		    "a DOCTYPE is not allowed in a survey definition");
		goto out;
	}
	if ((vc = xmlRelaxNGNewValidCtxt(s->rng)) == NULL) {
		LOGE("xmlRelaxNGNewValidCtxt failed");
		fail(&b, 0, "internal error");
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (precheck(&b, root, 0) == -1)
		goto out;
	xmlRelaxNGSetValidStructuredErrors(vc, sink_collect, &sk);
	if ((rc = xmlRelaxNGValidateDoc(vc, doc)) != 0 || sk.n > 0) {
		if (sk.n == 0)
			fail(&b, 0, "not a valid survey definition");
		else if ((i = sink_best(&sk)) < sk.n)
			fail(&b, sk.line[i], "%s", sk.reason[i]);
		else
			fail(&b, sk.line[0],
			    "element %s does not fit the schema: check its "
			    "attributes for its type, and the order of its "
			    "elements (%s)",
			    sk.elem[0], sk.reason[0]);
		goto out;
	}
	b.d = arena_calloc(a, 1, sizeof(*b.d));
	if (read_survey(&b, root) == 0)
		d = b.d;
out:
	if (vc != NULL)
		xmlRelaxNGFreeValidCtxt(vc);
	if (doc != NULL)
		xmlFreeDoc(doc);
	if (pc != NULL)
		xmlFreeParserCtxt(pc);
	return d;
}

/* --- serialisation --- */

static int
w_attr(xmlTextWriterPtr w, const char *name, const char *v)
{
	return xmlTextWriterWriteAttribute(
	    w, (const xmlChar *)name, (const xmlChar *)v);
}

/* Writes the texts t was given, as name elements in the schema's order. */
static int
w_texts(xmlTextWriterPtr w, const char *name, const struct qtext *t)
{
	size_t i;
	enum locale l;

	for (i = 0; i < sizeof(text_order) / sizeof(text_order[0]); i++) {
		l = text_order[i];
		if (!(t->given & (1u << l)))
			continue;
		if (xmlTextWriterStartElement(w, (const xmlChar *)name) < 0 ||
		    xmlTextWriterWriteAttributeNS(w, (const xmlChar *)"xml",
			(const xmlChar *)"lang", NULL,
			(const xmlChar *)locale_tags[l]) < 0 ||
		    xmlTextWriterWriteString(w, (const xmlChar *)t->s[l]) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	return 0;
}

static int
w_opts(xmlTextWriterPtr w, const char *name, const struct qopt *o, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (xmlTextWriterStartElement(w, (const xmlChar *)name) < 0 ||
		    w_attr(w, "code", o[i].code) < 0 ||
		    w_texts(w, "label", &o[i].label) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	return 0;
}

static int
w_conds(struct arena *a, xmlTextWriterPtr w, const struct qdef *d,
    const struct qcond *c, size_t n)
{
	size_t i, j;
	char *v;

	for (i = 0; i < n; i++) {
		v = arena_strdup(a, c[i].values[0]);
		for (j = 1; j < c[i].nvalues; j++)
			v = arena_printf(a, "%s %s", v, c[i].values[j]);
		if (xmlTextWriterStartElement(w, (const xmlChar *)"show-if") <
			0 ||
		    w_attr(w, "question", d->questions[c[i].question].code) <
			0 ||
		    w_attr(w, qop_names[c[i].op], v) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	return 0;
}

static int
w_bounds(struct arena *a, xmlTextWriterPtr w, const struct qquestion *q)
{
	switch (q->type) {
	case QTYPE_MULTIPLE:
		if ((q->has_min &&
			w_attr(w, "min",
			    arena_printf(a, "%lld", (long long)q->min)) < 0) ||
		    (q->has_max &&
			w_attr(w, "max",
			    arena_printf(a, "%lld", (long long)q->max)) < 0))
			return -1;
		break;
	case QTYPE_NUMBER:
		if ((q->has_min &&
			w_attr(w, "min", qnum_format(a, q->min, q->decimals)) <
			    0) ||
		    (q->has_max &&
			w_attr(w, "max", qnum_format(a, q->max, q->decimals)) <
			    0) ||
		    (q->decimals > 0 &&
			w_attr(w, "decimals",
			    arena_printf(a, "%d", q->decimals)) < 0))
			return -1;
		break;
	case QTYPE_TEXT:
	case QTYPE_LONGTEXT:
		if (q->has_max &&
		    w_attr(w, "max",
			arena_printf(a, "%lld", (long long)q->max)) < 0)
			return -1;
		break;
	case QTYPE_DATE:
		if ((q->min_date != NULL &&
			w_attr(w, "min", q->min_date) < 0) ||
		    (q->max_date != NULL && w_attr(w, "max", q->max_date) < 0))
			return -1;
		break;
	default:
		break;
	}
	return 0;
}

static int
w_question(struct arena *a, xmlTextWriterPtr w, const struct qdef *d,
    const struct qquestion *q)
{
	if (xmlTextWriterStartElement(w, (const xmlChar *)"question") < 0 ||
	    w_attr(w, "code", q->code) < 0 ||
	    (q->required && w_attr(w, "required", "true") < 0) ||
	    w_attr(w, "type", qtype_names[q->type]) < 0 ||
	    (q->other && w_attr(w, "other", "true") < 0) ||
	    w_bounds(a, w, q) < 0 || w_texts(w, "text", &q->text) < 0 ||
	    w_texts(w, "help", &q->help) < 0 ||
	    w_conds(a, w, d, q->conds, q->nconds) < 0 ||
	    w_opts(w, "item", q->items, q->nitems) < 0)
		return -1;
	if (q->type != QTYPE_YESNO && q->type != QTYPE_GROUP &&
	    w_opts(w, "option", q->opts, q->nopts) < 0)
		return -1;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

static int
w_page(struct arena *a, xmlTextWriterPtr w, const struct qdef *d,
    const struct qpage *p)
{
	char *g = NULL;
	size_t i;

	for (i = 0; i < d->ngroups; i++)
		if (p->groups & ((uint32_t)1 << i))
			g = g == NULL
			    ? arena_strdup(a, d->groups[i].code)
			    : arena_printf(a, "%s %s", g, d->groups[i].code);
	if (xmlTextWriterStartElement(w, (const xmlChar *)"page") < 0 ||
	    w_attr(w, "code", p->code) < 0 ||
	    (g != NULL && w_attr(w, "groups", g) < 0) ||
	    w_texts(w, "title", &p->title) < 0 ||
	    w_conds(a, w, d, p->conds, p->nconds) < 0)
		return -1;
	for (i = p->first; i < p->first + p->n; i++)
		if (w_question(a, w, d, &d->questions[i]) < 0)
			return -1;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

static int
w_survey(struct arena *a, xmlTextWriterPtr w, const struct qdef *d)
{
	size_t i;

	if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, (const xmlChar *)"survey") < 0 ||
	    w_attr(w, "version", "1") < 0 || w_attr(w, "slug", d->slug) < 0 ||
	    w_attr(w, "minutes", arena_printf(a, "%d", d->minutes)) < 0 ||
	    w_attr(w, "anonymous", d->anonymous ? "true" : "false") < 0 ||
	    (d->opens != NULL && w_attr(w, "opens", d->opens) < 0) ||
	    (d->closes != NULL && w_attr(w, "closes", d->closes) < 0) ||
	    w_texts(w, "title", &d->title) < 0 ||
	    w_texts(w, "purpose", &d->purpose) < 0 ||
	    w_texts(w, "thanks", &d->thanks) < 0)
		return -1;
	if (d->ngroups > 0) {
		if (xmlTextWriterStartElement(w, (const xmlChar *)"groups") < 0)
			return -1;
		for (i = 0; i < d->ngroups; i++)
			if (xmlTextWriterStartElement(
				w, (const xmlChar *)"group") < 0 ||
			    w_attr(w, "code", d->groups[i].code) < 0 ||
			    (d->groups[i].quota > 0 &&
				w_attr(w, "quota",
				    arena_printf(a, "%lld",
					(long long)d->groups[i].quota)) < 0) ||
			    w_texts(w, "label", &d->groups[i].label) < 0 ||
			    xmlTextWriterEndElement(w) < 0)
				return -1;
		if (xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	for (i = 0; i < d->npages; i++)
		if (w_page(a, w, d, &d->pages[i]) < 0)
			return -1;
	if (xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndDocument(w) < 0)
		return -1;
	return 0;
}

/*
 * Serialises model d as a definition document, indented, in the arena;
 * *len gets its length.  Only the texts the definition gave are written
 * (the derived sr-Cyrl and fallbacks are not), so parsing the result gives
 * the same model.  Returns NULL (logged) if libxml2 fails.
 */
char *
qdef_write(struct arena *a, const struct qdef *d, size_t *len)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
	char *out = NULL;
	int rc;

	if ((buf = xmlBufferCreate()) == NULL) {
		LOGE("xmlBufferCreate failed");
		return NULL;
	}
	if ((w = xmlNewTextWriterMemory(buf, 0)) == NULL) {
		LOGE("xmlNewTextWriterMemory failed");
		xmlBufferFree(buf);
		return NULL;
	}
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, (const xmlChar *)"  ");
	rc = w_survey(a, w, d);
	xmlFreeTextWriter(w); /* flushes into buf */
	if (rc == -1)
		LOGE("xmlTextWriter failed");
	else {
		*len = (size_t)xmlBufferLength(buf);
		out =
		    arena_strndup(a, (const char *)xmlBufferContent(buf), *len);
	}
	xmlBufferFree(buf);
	return out;
}
