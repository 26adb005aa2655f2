/* SPDX-License-Identifier: ISC */
/*
 * edit_text.c: the survey editor's forms as text (edit.h).  A text of the
 * definition is four fields, one per locale (sr-Latn required once any
 * is typed); options, matrix items and respondent groups are textareas
 * of lines "code = label" (sr-Latn gives the codes and their order, the
 * other locales only labels); conditions are lines "question equals|
 * one-of|not value…"; dates and times are local, as an editor types them.
 * Each function turns fields into the model's values (marking the field
 * that is wrong with its message key) or the model's values back into
 * fields; what the values mean is qdef_parse()'s to check.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "surveys.h"
#include "edit.h"

/* --- helpers: texts, codes, lines ------------------------------------ */

/* The locales of a text's four fields, in the forms' order. */
const enum locale form_locales[4] = {
    LOCALE_SR_LATN, LOCALE_SR_CYRL, LOCALE_BS, LOCALE_EN};

/* A code: [a-z0-9][a-z0-9_-]*, at most QDEF_CODE_MAX_BYTES. */
bool
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
void
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
void
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
int
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
int
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
void
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
int
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
void
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
int
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
int
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
const char *
when_show(struct req *r, const char *local)
{
	if (local == NULL)
		return "";
	return arena_printf(r->arena, "%.10s %.5s", local, local + 11);
}
