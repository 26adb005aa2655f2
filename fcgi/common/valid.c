/* SPDX-License-Identifier: ISC */
/*
 * valid.c: forms validated at the edge (STYLE 3.7).  A handler declares a
 * field table (struct field[], kcgi's fieldmap) and calls form_validate();
 * it gets typed values and, per field, an error key to show next to the
 * field.  On error the value as typed is kept for the form to show again
 * (never a password).  A field not in the table is ignored.  Text has
 * already passed text_clean() in req.c; here it is trimmed and bounded in
 * characters.  Shapes are pcre2 patterns compiled once per process with
 * match limits, meaning stays in C.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

#define EMAIL_MAX_BYTES 254
/* A number range beyond this is no limit a person types to: not named. */
#define NUMBER_SHOWN_MAX 1000000000000LL

/*
 * An address as people type it: a local part without blanks or '@', and a
 * domain of dot-separated labels.  Anchored; checked for length in C.
 */
static const char email_re[] =
    "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
    "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}";

/* Worker-lifetime: compiled at first use, never freed (like the config). */
static pcre2_code *email_code;
static pcre2_match_context *match_ctx;

static bool
email_ok(const char *s)
{
	pcre2_match_data *md;
	int errcode, rc;
	PCRE2_SIZE erroff;

	if (email_code == NULL) {
		email_code =
		    pcre2_compile((PCRE2_SPTR)email_re, PCRE2_ZERO_TERMINATED,
			PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
			&errcode, &erroff, NULL);
		if (email_code == NULL)
			abort(); /* our own constant pattern */
		pcre2_jit_compile(email_code, PCRE2_JIT_COMPLETE);
		match_ctx = pcre2_match_context_create(NULL);
		pcre2_set_match_limit(match_ctx, 100000);
		pcre2_set_depth_limit(match_ctx, 1000);
	}
	md = pcre2_match_data_create_from_pattern(email_code, NULL);
	rc = pcre2_match(
	    email_code, (PCRE2_SPTR)s, strlen(s), 0, 0, md, match_ctx);
	pcre2_match_data_free(md);
	return rc >= 0 && strlen(s) <= EMAIL_MAX_BYTES;
}

/* Copies s without leading and trailing blanks into the arena. */
static char *
trimmed(struct arena *a, const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n > 0 &&
	    (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
		s[n - 1] == '\n'))
		n--;
	return arena_strndup(a, s, n);
}

/* Reads 1 to maxd digits at *s into *v, advancing *s; false if none. */
static bool
digits(const char **s, int maxd, int64_t *v)
{
	int n = 0;

	*v = 0;
	while (n < maxd && **s >= '0' && **s <= '9') {
		*v = *v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n > 0;
}

/*
 * A calendar date as people type it: "2026-11-23" (what a date control
 * sends) or the local "23. 11. 2026." / "23.11.2026" (blanks and the
 * final dot optional).  On success writes the date as YYYY-MM-DD into iso
 * and YYYYMMDD into *num and returns true; false for anything else,
 * including dates that do not exist (31 April, 29 February 2027).
 */
bool
date_parse(const char *s, char iso[11], int64_t *num)
{
	static const int days[] = {
	    31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int64_t y, m, d;
	const char *p = s;

	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-') {
		if (!digits(&p, 4, &y) || *p++ != '-' || p != s + 5 ||
		    !digits(&p, 2, &m) || *p++ != '-' || p != s + 8 ||
		    !digits(&p, 2, &d) || *p != '\0')
			return false;
	} else {
		if (!digits(&p, 2, &d) || *p++ != '.')
			return false;
		while (*p == ' ')
			p++;
		if (!digits(&p, 2, &m) || *p++ != '.')
			return false;
		while (*p == ' ')
			p++;
		if (!digits(&p, 4, &y) || (*p == '.' && *++p != '\0') ||
		    *p != '\0')
			return false;
	}
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > days[m - 1] ||
	    (m == 2 && d == 29 &&
		!(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))))
		return false;
	iso[0] = (char)('0' + y / 1000);
	iso[1] = (char)('0' + y / 100 % 10);
	iso[2] = (char)('0' + y / 10 % 10);
	iso[3] = (char)('0' + y % 10);
	iso[4] = '-';
	iso[5] = (char)('0' + m / 10);
	iso[6] = (char)('0' + m % 10);
	iso[7] = '-';
	iso[8] = (char)('0' + d / 10);
	iso[9] = (char)('0' + d % 10);
	iso[10] = '\0';
	*num = y * 10000 + m * 100 + d;
	return true;
}

/* Digits at most in a sum's whole part: 10^12 para is beyond any price. */
#define MONEY_MAX_DIGITS 12

/*
 * Reads the whole part of a sum, len bytes at s: digits, or digits in
 * groups of three after a first group of one to three, separated by one
 * kind of separator (sep: '.' or ' ', as "1.800" or "1 800"; 0 when
 * none).  Returns -1 for anything else.
 */
static int
money_whole(const char *s, size_t len, char sep, int64_t *v)
{
	size_t i, group = 0, ndig = 0;
	bool first = true;

	*v = 0;
	if (len == 0)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (++ndig > MONEY_MAX_DIGITS)
				return -1;
			*v = *v * 10 + (s[i] - '0');
			group++;
			continue;
		}
		if (sep == 0 || s[i] != sep || group == 0 ||
		    (first ? group > 3 : group != 3))
			return -1;
		first = false;
		group = 0;
	}
	if (sep != 0 && !first && group != 3)
		return -1;
	return 0;
}

/*
 * A sum of money, or any amount with at most two decimals (units
 * delivered), as people in Serbia and Bosnia type it: "1800", "1800,5",
 * "1.800,00", "1 800,00"; and, since it cannot mean anything else, one
 * dot before one or two last digits as the decimal point ("1800.50").
 * A comma is always the decimal point, a dot before three digits a
 * thousands separator ("1.800" is 1800).  No sign, at most two decimals,
 * at most twelve digits before them.  Writes the amount in hundredths
 * (para) into *para and returns true; false for anything else.  No
 * floating point: a price is an integer from the first digit on.
 */
bool
money_parse(const char *s, int64_t *para)
{
	const char *comma = strchr(s, ','), *dot = strrchr(s, '.');
	const char *frac = NULL;
	size_t whole, nfrac, i;
	int64_t w, f = 0;
	char sep = 0;

	if (comma != NULL) {
		if (strchr(comma + 1, ',') != NULL || strchr(comma + 1, '.'))
			return false;
		frac = comma + 1;
		whole = (size_t)(comma - s);
	} else if (dot != NULL && strchr(s, '.') == dot &&
	    (strlen(dot + 1) == 1 || strlen(dot + 1) == 2)) {
		frac = dot + 1;
		whole = (size_t)(dot - s);
	} else
		whole = strlen(s);
	for (i = 0; i < whole; i++)
		if (s[i] == '.' || s[i] == ' ') {
			sep = s[i];
			break;
		}
	if (money_whole(s, whole, sep, &w) == -1)
		return false;
	if (frac != NULL) {
		nfrac = strlen(frac);
		if (nfrac < 1 || nfrac > 2)
			return false;
		for (i = 0; i < nfrac; i++) {
			if (frac[i] < '0' || frac[i] > '9')
				return false;
			f = f * 10 + (frac[i] - '0');
		}
		if (nfrac == 1)
			f *= 10;
	}
	*para = w * 100 + f;
	return true;
}

/*
 * An amount in hundredths as a form shows it, in a way money_parse()
 * reads back: point ',' gives "1.800,50" (Serbian and Bosnian pages),
 * point '.' gives "1800.50" (English pages: no grouping, which would
 * read as a decimal comma).  Returns a string in the arena ("" for a
 * negative amount).
 */
char *
money_format(struct arena *a, int64_t para, char point)
{
	char out[40]; /* 19 digits, 6 separators, the point and two */
	const char *digits;
	size_t n, i, o = 0;
	int64_t cents = para % 100;

	if (para < 0)
		return arena_strdup(a, "");
	digits = arena_printf(a, "%lld", (long long)(para / 100));
	n = strlen(digits);
	for (i = 0; i < n; i++) {
		if (point == ',' && i > 0 && (n - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = digits[i];
	}
	out[o++] = point;
	out[o++] = (char)('0' + cents / 10);
	out[o++] = (char)('0' + cents % 10);
	out[o] = '\0';
	return arena_strdup(a, out);
}

static const char *
check_one(struct req *r, const struct field *f, const char *raw,
    const char **text, int64_t *num)
{
	char iso[11];
	int64_t any;
	char *t, *c;
	size_t n;

	if (f->kind == VALID_CHECKBOX)
		return raw == NULL && f->required ? "invalid.required" : NULL;
	if (f->kind == VALID_PASSWORD) {
		*text = raw != NULL ? raw : "";
		if (**text == '\0')
			return f->required ? "invalid.required" : NULL;
		return strlen(raw) > PW_MAX_BYTES ? "invalid.too_long" : NULL;
	}
	t = trimmed(r->arena, raw != NULL ? raw : "");
	*text = t;
	if (*t == '\0')
		return f->required ? "invalid.required" : NULL;
	n = utf8_chars(t, strlen(t));
	switch (f->kind) {
	case VALID_TEXT:
		if (strpbrk(t, "\r\n") != NULL && f->max <= 200)
			return "invalid.one_line";
		if ((int64_t)n < f->min)
			return "invalid.too_short";
		return (int64_t)n > f->max ? "invalid.too_long" : NULL;
	case VALID_EMAIL:
		for (c = t; *c != '\0'; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c += 'a' - 'A';
		return email_ok(t) ? NULL : "invalid.email";
	case VALID_INT:
		if (str_to_int64(t, f->min, f->max, num) == 0)
			return NULL;
		/* A number all the same, only not one this field takes:
		 * say so, as for a date or an amount (issue 14). */
		return str_to_int64(t, INT64_MIN, INT64_MAX, &any) == 0
		    ? "invalid.number.range"
		    : "invalid.number";
	case VALID_TOKEN:
		return strlen(t) == 64 && strspn(t, "0123456789abcdef") == 64
		    ? NULL
		    : "invalid.token";
	case VALID_ID:
		return str_to_int64(t, 1, INT64_MAX, num) == 0
		    ? NULL
		    : "invalid.choice";
	case VALID_CHOICE:
		for (*num = 0; f->choices[*num] != NULL; (*num)++)
			if (strcmp(f->choices[*num], t) == 0)
				return NULL;
		return "invalid.choice";
	case VALID_DATE:
		if (!date_parse(t, iso, num))
			return "invalid.date";
		*text = arena_strdup(r->arena, iso);
		if ((f->min > 0 && *num < f->min) ||
		    (f->max > 0 && *num > f->max))
			return "invalid.date.range";
		return NULL;
	case VALID_MONEY:
		if (!money_parse(t, num))
			return "invalid.money";
		return *num < f->min || (f->max > 0 && *num > f->max)
		    ? "invalid.money.range"
		    : NULL;
	case VALID_LOCALPATH:
		/* Somewhere else is no error of the user's: it is dropped. */
		if (!path_local(t))
			*text = "";
		return NULL;
	default:
		abort();
	}
}

/*
 * Validates the request's form (the body of a POST, the query of a GET)
 * against the n fields of table f into out (arrays in the arena).  A POST
 * whose CSRF token was refused (r->csrf_failed, route.c) always comes back
 * with the form's own error "form.csrf": the handler re-shows it with
 * what was typed and acts on nothing.
 */
void
form_validate(struct req *r, const struct field *f, size_t n, struct form *out)
{
	const struct kvlist *src =
	    r->method == METHOD_POST ? &r->form : &r->query;
	size_t i;

	form_empty(r, n, out);
	if (r->method == METHOD_POST && r->csrf_failed) {
		out->problem = "form.csrf";
		out->nerrors++;
	}
	for (i = 0; i < n; i++) {
		const char *raw = kv_get(src, f[i].name);

		out->present[i] = raw != NULL;
		out->error[i] =
		    check_one(r, &f[i], raw, &out->text[i], &out->num[i]);
		if (out->error[i] != NULL)
			out->nerrors++;
		if (out->error[i] != NULL &&
		    strcmp(out->error[i], "invalid.number.range") == 0 &&
		    f[i].min > -NUMBER_SHOWN_MAX &&
		    f[i].max < NUMBER_SHOWN_MAX) {
			out->error[i] = "invalid.number.between";
			out->param[i] = arena_printf(r->arena, "%lld–%lld",
			    (long long)f[i].min, (long long)f[i].max);
		}
	}
}

/*
 * Marks field i as wrong with message key (a later check, e.g. "taken");
 * a NULL key marks nothing, so a check's result can be passed as it is.
 */
void
form_error(struct form *form, size_t i, const char *key)
{
	if (key == NULL)
		return;
	if (form->error[i] == NULL)
		form->nerrors++;
	form->error[i] = key;
	form->param[i] = NULL;
}

/* form_error() with the message's {n}, e.g. the limit the value broke. */
void
form_error_n(struct form *form, size_t i, const char *key, const char *n)
{
	form_error(form, i, key);
	if (key != NULL)
		form->param[i] = n;
}

/* An empty form of n fields: what a page shows before the first POST. */
void
form_empty(struct req *r, size_t n, struct form *out)
{
	size_t i;

	out->n = n;
	out->nerrors = 0;
	out->problem = NULL;
	out->text = arena_calloc(r->arena, n, sizeof(*out->text));
	out->num = arena_calloc(r->arena, n, sizeof(*out->num));
	out->present = arena_calloc(r->arena, n, sizeof(*out->present));
	out->error = arena_calloc(r->arena, n, sizeof(*out->error));
	out->param = arena_calloc(r->arena, n, sizeof(*out->param));
	for (i = 0; i < n; i++)
		out->text[i] = "";
}

static const char *const kind_names[] = {
    "text",	/* VALID_TEXT */
    "email",	/* VALID_EMAIL */
    "password", /* VALID_PASSWORD */
    "number",	/* VALID_INT */
    "checkbox", /* VALID_CHECKBOX */
    "hidden",	/* VALID_TOKEN */
    "choice",	/* VALID_CHOICE */
    "id",	/* VALID_ID */
    "date",	/* VALID_DATE */
    "hidden",	/* VALID_LOCALPATH */
    "money",	/* VALID_MONEY */
};

/*
 * Writes the form as the page shows it: <form action submit errors>, one
 * <field name kind label required autocomplete error> per field holding
 * the value as typed (never a password), and <choice> children for a
 * choice.  layout.xsl renders it: labelled fields, each error next to its
 * field, the CSRF token.  method is "get" (a search) or "post", action a
 * local path, submit a message key.
 */
int
form_write(struct xml *x, const char *method, const char *action,
    const char *submit, const struct field *f, const struct form *form)
{
	size_t i, k;

	if (xml_start(x, "form") == -1 || xml_attr(x, "method", method) == -1 ||
	    xml_attr(x, "action", action) == -1 ||
	    xml_attr(x, "submit", submit) == -1 ||
	    xml_attr_int(x, "errors", (int64_t)form->nerrors) == -1 ||
	    xml_attr(x, "error", form->problem) == -1)
		return -1;
	for (i = 0; i < form->n; i++) {
		if (xml_start(x, "field") == -1 ||
		    xml_attr(x, "name", f[i].name) == -1 ||
		    xml_attr(x, "kind", kind_names[f[i].kind]) == -1 ||
		    xml_attr(x, "label", f[i].label) == -1 ||
		    xml_attr(x, "autocomplete", f[i].autocomplete) == -1 ||
		    xml_attr(x, "required", f[i].required ? "1" : NULL) == -1 ||
		    xml_attr(x, "error", form->error[i]) == -1 ||
		    xml_attr(x, "n",
			form->error[i] != NULL ? form->param[i] : NULL) == -1)
			return -1;
		if (f[i].kind == VALID_CHECKBOX && form->present[i] &&
		    xml_attr(x, "checked", "1") == -1)
			return -1;
		if (f[i].kind == VALID_TEXT && f[i].max > 0 &&
		    xml_attr_int(x, "max", f[i].max) == -1)
			return -1;
		if (f[i].kind == VALID_CHOICE &&
		    xml_attr(x, "keys", f[i].choice_keys) == -1)
			return -1;
		for (k = 0;
		     f[i].kind == VALID_CHOICE && f[i].choices[k] != NULL; k++)
			if (xml_start(x, "choice") == -1 ||
			    xml_attr(x, "value", f[i].choices[k]) == -1 ||
			    xml_end(x) == -1)
				return -1;
		if (f[i].kind != VALID_PASSWORD &&
		    f[i].kind != VALID_CHECKBOX &&
		    xml_elem_text(x, "value", form->text[i]) == -1)
			return -1;
		if (xml_end(x) == -1)
			return -1;
	}
	return xml_end(x);
}
