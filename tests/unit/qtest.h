/* SPDX-License-Identifier: ISC */
/*
 * qtest.h: what the question engine's unit tests share: the schema from
 * the source tree (TOP_SRCDIR, set by Makefile.am), files read whole,
 * definitions parsed or refused, and forms built from "key=value" strings.
 * Included by one test file each; every helper is static (and marked
 * unused: not every test uses every one).
 */
#ifndef QTEST_H
#define QTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

#define QT_HELPER static __attribute__((unused))

/* Reads the file at TOP_SRCDIR/rel into a new NUL-terminated buffer. */
QT_HELPER char *
qt_read(const char *rel, size_t *len)
{
	char path[4096];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof(path), "%s/%s", TOP_SRCDIR, rel);
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		fclose(f);
		return NULL;
	}
	buf[n] = '\0';
	fclose(f);
	if (len != NULL)
		*len = (size_t)n;
	return buf;
}

static struct qschema *qt_schema;

QT_HELPER int
qt_setup(void **state)
{
	qt_schema = qschema_load(TOP_SRCDIR "/fcgi/surveys/survey.rng");
	return qt_schema == NULL ? -1 : 0;
}

QT_HELPER int
qt_teardown(void **state)
{
	qschema_free(qt_schema);
	return 0;
}

/* Parses doc, failing the test with the reason when it is refused. */
QT_HELPER struct qdef *
qt_parse(struct arena *a, const char *doc)
{
	struct qdef_error err;
	struct qdef *d;

	d = qdef_parse(a, qt_schema, doc, strlen(doc), &err);
	if (d == NULL)
		fail_msg("refused at line %d: %s", err.line, err.reason);
	return d;
}

/* A copy of s with the first needle replaced by repl (the test frees it). */
QT_HELPER char *
qt_with(const char *s, const char *needle, const char *repl)
{
	const char *p = strstr(s, needle);
	char *out;
	size_t a, b, c;

	assert_non_null(p);
	a = (size_t)(p - s);
	b = strlen(repl);
	c = strlen(p + strlen(needle));
	out = xmalloc(a + b + c + 1);
	memcpy(out, s, a);
	memcpy(out + a, repl, b);
	memcpy(out + a + b, p + strlen(needle), c + 1);
	return out;
}

/* A form from "key=value" strings, in arena a. */
QT_HELPER void
qt_form(struct arena *a, struct kvlist *f, const char *const *pairs, size_t n)
{
	size_t i;
	const char *eq;

	f->n = n;
	f->v = arena_calloc(a, n + 1, sizeof(*f->v));
	for (i = 0; i < n; i++) {
		eq = strchr(pairs[i], '=');
		assert_non_null(eq);
		f->v[i].key =
		    arena_strndup(a, pairs[i], (size_t)(eq - pairs[i]));
		f->v[i].val = arena_strdup(a, eq + 1);
		f->v[i].len = strlen(eq + 1);
	}
}

#endif /* QTEST_H */
