/* SPDX-License-Identifier: ISC */
/*
 * qdraft.c: the answers of a survey response in progress as one JSON
 * array, [{"q": question, "i": item, "o": option, "n": number, "t":
 * text}, ...] (a NULL member left out; "i" is "" outside a matrix).
 * karika-surveys keeps a response's answers so far in this form in one
 * column (survey_response.answers, migration 0008), rewritten by each
 * page, and completes the response by handing the same text to
 * survey_complete's JSON_TABLE (migrations 0012, 0034).  The writer escapes
 * what JSON requires; the reader takes back exactly what the writer
 * makes (and what MariaDB would hand back of it), and refuses anything
 * else: the column is ours, but a row that no longer reads is a 500, not
 * a wrong answer.
 */
#include <stdlib.h>
#include <string.h>

#include "karika.h"

/* Appends s to b as a JSON string. */
static void
json_str(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, *s);
		} else if (*s == '\n')
			buf_adds(b, "\\n");
		else if (*s == '\r')
			buf_adds(b, "\\r");
		else if (*s == '\t')
			buf_adds(b, "\\t");
		else if ((unsigned char)*s < 0x20)
			buf_printf(b, "\\u%04x", (unsigned)(unsigned char)*s);
		else
			buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

/*
 * The answers l as a JSON array of {"q", "i", "o", "n", "t"} objects (a
 * NULL member left out), in arena a.
 */
char *
qdraft_json(struct arena *a, const struct qanswers *l)
{
	struct buf b;
	char *s;
	size_t i;

	buf_init(&b, BUF_NO_MAX);
	buf_addc(&b, '[');
	for (i = 0; i < l->n; i++) {
		buf_adds(&b, i == 0 ? "{\"q\":" : ",{\"q\":");
		json_str(&b, l->v[i].question);
		buf_adds(&b, ",\"i\":");
		json_str(&b, l->v[i].item != NULL ? l->v[i].item : "");
		if (l->v[i].option != NULL) {
			buf_adds(&b, ",\"o\":");
			json_str(&b, l->v[i].option);
		}
		if (l->v[i].number != NULL) {
			buf_adds(&b, ",\"n\":");
			json_str(&b, l->v[i].number);
		}
		if (l->v[i].text != NULL) {
			buf_adds(&b, ",\"t\":");
			json_str(&b, l->v[i].text);
		}
		buf_addc(&b, '}');
	}
	buf_addc(&b, ']');
	s = arena_strdup(a, b.p);
	buf_release(&b);
	return s;
}

/* The JSON reader of qdraft_decode: a position in the text. */
struct jin {
	struct arena *a;
	const char *s;
};

static void
jws(struct jin *j)
{
	while (*j->s == ' ' || *j->s == '\n' || *j->s == '\t' || *j->s == '\r')
		j->s++;
}

static int
jhex(const char *s, unsigned *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 4; i++) {
		*v <<= 4;
		if (s[i] >= '0' && s[i] <= '9')
			*v |= (unsigned)(s[i] - '0');
		else if (s[i] >= 'a' && s[i] <= 'f')
			*v |= (unsigned)(s[i] - 'a' + 10);
		else if (s[i] >= 'A' && s[i] <= 'F')
			*v |= (unsigned)(s[i] - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

/* A JSON string at j into the arena; NULL when it is not one. */
static char *
jstring(struct jin *j)
{
	struct buf b;
	char *out = NULL, u8[4];
	unsigned v;

	jws(j);
	if (*j->s != '"')
		return NULL;
	j->s++;
	buf_init(&b, BUF_NO_MAX);
	buf_add(&b, "", 0);
	for (;;) {
		if (*j->s == '\0')
			goto out;
		if (*j->s == '"')
			break;
		if (*j->s != '\\') {
			buf_addc(&b, *j->s++);
			continue;
		}
		j->s++;
		switch (*j->s) {
		case '"':
		case '\\':
		case '/':
			buf_addc(&b, *j->s);
			break;
		case 'n':
			buf_addc(&b, '\n');
			break;
		case 'r':
			buf_addc(&b, '\r');
			break;
		case 't':
			buf_addc(&b, '\t');
			break;
		case 'u':
			if (jhex(j->s + 1, &v) == -1 || v >= 0xd800 || v == 0)
				goto out;
			buf_add(&b, u8, utf8_encode(v, u8));
			j->s += 4;
			break;
		default:
			goto out;
		}
		j->s++;
	}
	j->s++;
	out = arena_strdup(j->a, b.p != NULL ? b.p : "");
out:
	buf_release(&b);
	return out;
}

/*
 * Reads qdraft_json's array s (NULL: no answers) into l, rows and
 * strings in arena a.  Returns 0, or -1 when s is not such an array
 * (only the members q, i, o, n, t, each a string, q present; nothing
 * after the array), holds more than QDRAFT_MAX_ROWS rows, or has an
 * escape that is no JSON's, or a \u escape of a surrogate or NUL.
 */
int
qdraft_decode(struct arena *a, const char *s, struct qanswers *l)
{
	struct jin j = {a, s};
	struct qval v;
	char *k, *val;

	memset(l, 0, sizeof(*l));
	if (s == NULL)
		return 0;
	jws(&j);
	if (*j.s++ != '[')
		return -1;
	jws(&j);
	if (*j.s == ']')
		return 0;
	for (;;) {
		jws(&j);
		if (*j.s++ != '{' || l->n == QDRAFT_MAX_ROWS)
			return -1;
		memset(&v, 0, sizeof(v));
		for (;;) {
			if ((k = jstring(&j)) == NULL)
				return -1;
			jws(&j);
			if (*j.s++ != ':' || (val = jstring(&j)) == NULL)
				return -1;
			if (strcmp(k, "q") == 0)
				v.question = val;
			else if (strcmp(k, "i") == 0)
				v.item = val;
			else if (strcmp(k, "o") == 0)
				v.option = val;
			else if (strcmp(k, "n") == 0)
				v.number = val;
			else if (strcmp(k, "t") == 0)
				v.text = val;
			else
				return -1;
			jws(&j);
			if (*j.s == '}')
				break;
			if (*j.s++ != ',')
				return -1;
		}
		j.s++;
		if (v.question == NULL)
			return -1;
		qanswers_add(a, l, &v);
		jws(&j);
		if (*j.s == ']')
			break;
		if (*j.s++ != ',')
			return -1;
	}
	j.s++;
	jws(&j);
	return *j.s == '\0' ? 0 : -1;
}
