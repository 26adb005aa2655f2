/* SPDX-License-Identifier: ISC */
/*
 * muni.c: the municipality a request is for.  Every page of the register
 * belongs to one municipality: the one nginx names in the
 * KARIKA_MUNICIPALITY parameter of its server block, or the installation
 * default from the config, read with CSTMT_MUNICIPALITY (every worker
 * prepares it).
 *
 * Each worker process keeps the rows it read for MUNI_CACHE_SECONDS, one
 * per locale (the name is the locale's): the same for every visitor,
 * reference data that an administrator changes rarely, and one statement
 * fewer on every signed-in page.  A change (a name, the small-cell k)
 * reaches every page within those seconds.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "karika.h"

/* Seconds a process reuses a row it read. */
#define MUNI_CACHE_SECONDS 5

/*
 * The rows this process read, by locale.  Worker-lifetime state outside
 * struct worker (STYLE 3.6): nothing in it belongs to a visitor, and a
 * request gets copies in its arena, never these pointers.
 */
static struct muni_cached {
	char *code;   /* NULL: empty */
	time_t until; /* CLOCK_MONOTONIC seconds */
	int64_t id, k;
	char *name, *country, *currency;
} muni_cache[LOCALE__MAX];

static time_t
mono_seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static const char *
arena_dup_or_null(struct arena *a, const char *s)
{
	return s != NULL ? arena_strdup(a, s) : NULL;
}

/*
 * Loads the request's municipality into m, its name in the request's
 * locale; strings live in the arena.  A signed-in request reuses what this
 * process read in the last MUNI_CACHE_SECONDS: sess_load() has just had an
 * answer from MariaDB, so the database is there and a page that needs it
 * no more than this still says so with a 503 when it is gone (an
 * anonymous request always asks; nginx's micro-cache serves most of
 * those).
 * Returns HTTP_OK, HTTP_NOT_FOUND for an unknown code, or the database's
 * outcome.
 */
enum http_status
muni_load(struct req *r, struct muni *m)
{
	struct muni_cached *c = &muni_cache[r->locale];
	struct db_res res;
	enum db_rc rc;
	time_t now = mono_seconds();

	if (r->sess != NULL && c->code != NULL && now < c->until &&
	    strcmp(c->code, r->municipality) == 0) {
		m->id = c->id;
		m->code = r->municipality;
		m->name = arena_dup_or_null(r->arena, c->name);
		m->country = arena_dup_or_null(r->arena, c->country);
		m->currency = arena_dup_or_null(r->arena, c->currency);
		m->k = c->k;
		return HTTP_OK;
	}
	if ((rc = DBQ(r, DB_COMMON(CSTMT_MUNICIPALITY), &res, DBP_LOCALE(r),
		 DBP_S(r->municipality))) != DB_OK)
		return db_status(rc);
	if (res.nrows == 0)
		return HTTP_NOT_FOUND;
	m->id = db_int(&res, 0, "id");
	m->code = r->municipality;
	m->name = db_str(&res, 0, "name");
	m->country = db_str(&res, 0, "country");
	m->currency = db_str(&res, 0, "currency");
	m->k = db_int(&res, 0, "k");

	free(c->code);
	free(c->name);
	free(c->country);
	free(c->currency);
	c->code = xstrdup(r->municipality);
	c->id = m->id;
	c->k = m->k;
	c->name = dup_or_null(m->name);
	c->country = dup_or_null(m->country);
	c->currency = dup_or_null(m->currency);
	c->until = now + MUNI_CACHE_SECONDS;
	return HTTP_OK;
}

/* Writes <municipality code country currency k>name</municipality>. */
int
muni_write(struct xml *x, const struct muni *m)
{
	if (xml_start(x, "municipality") == -1 ||
	    xml_attr(x, "code", m->code) == -1 ||
	    xml_attr(x, "country", m->country) == -1 ||
	    xml_attr(x, "currency", m->currency) == -1 ||
	    xml_attr_int(x, "k", m->k) == -1 || xml_text(x, m->name) == -1)
		return -1;
	return xml_end(x);
}
