/* SPDX-License-Identifier: ISC */
/*
 * fuzz-qdef.c: qdef_parse (qdef.c), the reader of survey definitions that
 * editors upload: libxml2's parser, the RELAX NG schema
 * (fcgi/surveys/survey.rng, found beside this file) and the semantic
 * checks.  The input is the document's bytes.  A refused document has a
 * reason and a line that is not negative.  An accepted one has at least
 * one page, every page at least one question, every condition naming a
 * question of an earlier page, and it writes back (qdef_write) to a
 * document that is accepted again and writes back to the very same bytes.
 */
#include <libgen.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The schema, loaded once from the source tree. */
static struct qschema *
schema(void)
{
	static struct qschema *s;
	char path[4096], here[4096];

	if (s != NULL)
		return s;
	snprintf(here, sizeof(here), "%s", __FILE__);
	snprintf(path, sizeof(path), "%s/../../fcgi/surveys/survey.rng",
	    dirname(here));
	if ((s = qschema_load(path)) == NULL)
		abort();
	return s;
}

/* The invariants of an accepted model. */
static void
check_model(const struct qdef *d)
{
	size_t i, j;

	if (d->npages == 0 || d->npages > QDEF_MAX_PAGES ||
	    d->nquestions > QDEF_MAX_QUESTIONS)
		abort();
	for (i = 0; i < d->npages; i++)
		if (d->pages[i].n == 0)
			abort();
	for (i = 0; i < d->nquestions; i++) {
		if (qdef_text(&d->questions[i].text, LOCALE_SR_CYRL) == NULL ||
		    strlen(d->questions[i].code) > QDEF_CODE_MAX_BYTES)
			abort();
		for (j = 0; j < d->questions[i].nconds; j++)
			if (d->questions[d->questions[i].conds[j].question]
				.page >= d->questions[i].page)
				abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	struct qdef_error err;
	struct qdef *d, *d2;
	char *x1, *x2;
	size_t n1, n2;

	if (a == NULL)
		a = arena_new();
	d = qdef_parse(a, schema(), (const char *)data, size, &err);
	if (d == NULL) {
		if (err.reason[0] == '\0' || err.line < 0 ||
		    memchr(err.reason, '\0', sizeof(err.reason)) == NULL)
			abort();
	} else {
		check_model(d);
		if ((x1 = qdef_write(a, d, &n1)) == NULL)
			abort();
		if ((d2 = qdef_parse(a, schema(), x1, n1, &err)) == NULL) {
			fprintf(stderr, "written back, refused: line %d: %s\n",
			    err.line, err.reason);
			abort();
		}
		if ((x2 = qdef_write(a, d2, &n2)) == NULL || n1 != n2 ||
		    memcmp(x1, x2, n1) != 0)
			abort();
	}
	arena_reset(a);
	return 0;
}
