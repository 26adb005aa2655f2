/* SPDX-License-Identifier: ISC */
/*
 * cache.c: a public survey as a request sees it.  survey_load() reads the
 * survey named by the path (/surveys/<slug>/...), its municipality and
 * the caller's response in progress in one statement, and takes the
 * parsed definition from a small cache of this process, keyed by the
 * survey's id and version (its last change and the CRC of its text): a
 * page view parses nothing, and an editor's change is seen at the next
 * request because the version changes with it.
 *
 * The cache is process-lifetime state, like struct worker: parsed
 * definitions are read-only models (qdef.c) in their own arenas, shared
 * by every request of the process and freed only when evicted.  Nothing
 * of a request is kept.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "surveys.h"

struct slot {
	int64_t id;
	char *version;
	struct arena *arena;
	const struct qdef *def;
	unsigned long used; /* clock of the last use: least recent goes */
};

static struct slot slots[SURVEY_CACHE_SLOTS];
static unsigned long clock_now;

/*
 * The parsed definition of survey id at version, from the cache or read
 * and parsed now.  Owned by the cache (valid for this request at least).
 * Returns NULL when it cannot be read or no longer parses (logged).
 */
const struct qdef *
survey_def(struct req *r, int64_t id, const char *version)
{
	struct slot *s, *victim = &slots[0];
	struct qdef_error err;
	struct db_res res;
	const char *text;
	size_t i;

	clock_now++;
	for (i = 0; i < SURVEY_CACHE_SLOTS; i++) {
		s = &slots[i];
		if (s->def != NULL && s->id == id &&
		    strcmp(s->version, version) == 0) {
			s->used = clock_now;
			return s->def;
		}
		if (s->used < victim->used)
			victim = s;
	}
	if (DBQ(r, STMT_SURVEY_DEFINITION, &res, DBP_I(id)) != DB_OK ||
	    res.nrows == 0 || (text = db_str(&res, 0, "definition")) == NULL)
		return NULL;
	if (victim->arena != NULL)
		arena_free(victim->arena);
	free(victim->version);
	memset(victim, 0, sizeof(*victim));
	victim->arena = arena_new();
	memset(&err, 0, sizeof(err));
	victim->def = qdef_parse(
	    victim->arena, surveys_schema(), text, strlen(text), &err);
	if (victim->def == NULL) {
		LOGE("survey %lld: definition refused at line %d: %s",
		    (long long)id, err.line, err.reason);
		arena_free(victim->arena);
		victim->arena = NULL;
		return NULL;
	}
	victim->id = id;
	victim->version = xstrdup(db_str(&res, 0, "version"));
	victim->used = clock_now;
	return victim->def;
}

/*
 * The slug of the request's path, /surveys/<slug>/..., in the arena; NULL
 * when there is none, or when it names one of the worker's own paths
 * (qdef_slug_reserved: /surveys/edit/... and /surveys/health/... are
 * never a survey's, whatever the database holds).  The route pattern's
 * "*" already checked its shape.
 */
const char *
survey_slug(const struct req *r)
{
	const char *s = r->path + strlen("/surveys/"), *e;

	if (strncmp(r->path, "/surveys/", strlen("/surveys/")) != 0 ||
	    (e = strchr(s, '/')) == NULL || e == s ||
	    e - s > QDEF_CODE_MAX_BYTES ||
	    qdef_slug_reserved(s, (size_t)(e - s)))
		return NULL;
	return arena_strndup(r->arena, s, (size_t)(e - s));
}

/*
 * Today's date where the surveys run, YYYY-MM-DD: the installation's
 * zone (worker.c sets TZ from the config's timezone).  A survey's dates
 * (opens_on, closes_on, completed_on) are local dates, never UTC's.
 * Returns 0, or -1.
 */
int
survey_today(char out[11])
{
	struct tm tm;
	time_t now = time(NULL);

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		return -1;
	return 0;
}

/* True when the caller may see unsuppressed results: editors, admins. */
bool
survey_editor(const struct req *r)
{
	return r->sess != NULL &&
	    (r->sess->perms &
		(PERM_ROLE(ROLE_EDITOR) | PERM_ROLE(ROLE_ADMIN))) != 0;
}

/*
 * Sets (code) or deletes (NULL) the survey cookie: the resume code of
 * the response in progress, for this survey's pages only, for the
 * browser session.  The only cookie a respondent gets besides the form
 * token's.
 */
void
survey_cookie(struct req *r, const struct survey *s, const char *code)
{
	resp_cookie_at(r, SURVEY_COOKIE, code != NULL ? code : "",
	    arena_printf(r->arena, "/surveys/%s/", s->slug),
	    code != NULL ? -1 : 0);
}

/* s copied into the arena; NULL for NULL. */
static const char *
copy_of(struct arena *a, const char *s)
{
	return s != NULL ? arena_strdup(a, s) : NULL;
}

/* The survey row's fields of res (row 0) into s, in the arena. */
static void
row_fill(struct arena *a, struct survey *s, const struct db_res *res)
{
	const char *v;

	s->id = db_int(res, 0, "id");
	s->title = copy_of(a, db_str(res, 0, "title"));
	s->status = copy_of(a, db_str(res, 0, "status"));
	s->open = db_int(res, 0, "open") == 1;
	s->early = db_int(res, 0, "early") == 1;
	s->published = db_int(res, 0, "published") == 1;
	s->round = db_int(res, 0, "round");
	s->copied_from = db_str(res, 0, "copied_from") != NULL
	    ? db_int(res, 0, "copied_from")
	    : 0;
	s->opens_at = copy_of(a, db_str(res, 0, "opens_at"));
	s->closes_at = copy_of(a, db_str(res, 0, "closes_at"));
	s->m.id = db_int(res, 0, "muni");
	s->m.name = copy_of(a, db_str(res, 0, "muni_name"));
	s->m.country = copy_of(a, db_str(res, 0, "country"));
	s->m.currency = copy_of(a, db_str(res, 0, "currency"));
	s->m.k = db_int(res, 0, "k");
	s->version = copy_of(a, db_str(res, 0, "version"));
	s->full_groups = copy_of(a, db_str(res, 0, "full_groups"));
	s->invited_groups = copy_of(a, db_str(res, 0, "invited_groups"));
	if ((v = db_str(res, 0, "response")) != NULL) {
		s->response = db_int(res, 0, "response");
		s->page = (size_t)db_int(res, 0, "page");
		s->answers = db_str(res, 0, "answers");
		if (db_str(res, 0, "invitation") != NULL)
			s->invitation = db_int(res, 0, "invitation");
		s->invitation_group = db_str(res, 0, "invitation_group");
	}
}

/*
 * A survey's row as every respondent sees it (no response), kept per
 * process for SURVEY_ROW_MS by slug, municipality and language: a
 * respondent's page costs the database nothing but what it changes.  An
 * editor's change reaches respondents within that time (completing a
 * response asks the database whether the survey is still open:
 * survey_complete); the definition follows the row's version.
 */
struct row_slot {
	struct arena *arena; /* NULL: empty */
	char *slug, *muni;
	enum locale locale;
	struct timespec at; /* CLOCK_MONOTONIC of the read */
	struct survey s;    /* its strings in arena */
};

static struct row_slot rows[SURVEY_ROW_SLOTS];

/* The kept row c into s, its strings copied into the arena. */
static void
row_copy(struct arena *a, struct survey *s, const struct survey *c)
{
	const char *slug = s->slug;

	*s = *c;
	s->slug = slug;
	s->title = copy_of(a, c->title);
	s->status = copy_of(a, c->status);
	s->opens_at = copy_of(a, c->opens_at);
	s->closes_at = copy_of(a, c->closes_at);
	s->m.name = copy_of(a, c->m.name);
	s->m.country = copy_of(a, c->m.country);
	s->m.currency = copy_of(a, c->m.currency);
	s->version = copy_of(a, c->version);
	s->full_groups = copy_of(a, c->full_groups);
	s->invited_groups = copy_of(a, c->invited_groups);
}

/* Milliseconds from a to b. */
static long long
ms_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000LL +
	    (b->tv_nsec - a->tv_nsec) / 1000000;
}

/*
 * The row of survey slug into s (strings copied into the request's
 * arena): from this process's rows when read less than SURVEY_ROW_MS
 * ago, else by STMT_SURVEY_PUBLIC with the resume hash h (DBP_NUL: kept
 * for the others; a hash also reads its response, and is never kept).
 */
static enum http_status
row_load(struct req *r, struct survey *s, struct db_param h)
{
	struct row_slot *e = NULL, *oldest = &rows[0];
	struct timespec now;
	struct db_res res;
	char today[11];
	enum db_rc rc;
	size_t i;

	clock_gettime(CLOCK_MONOTONIC, &now);
	for (i = 0; h.type == DBP_NULL && i < SURVEY_ROW_SLOTS; i++) {
		if (rows[i].arena != NULL &&
		    strcmp(rows[i].slug, s->slug) == 0 &&
		    strcmp(rows[i].muni, r->municipality) == 0 &&
		    rows[i].locale == r->locale) {
			e = &rows[i];
			break;
		}
		if (rows[i].arena == NULL ||
		    (oldest->arena != NULL &&
			ms_between(&rows[i].at, &oldest->at) > 0))
			oldest = &rows[i];
	}
	if (e != NULL && ms_between(&e->at, &now) < SURVEY_ROW_MS) {
		row_copy(r->arena, s, &e->s);
		return HTTP_OK;
	}
	if (survey_today(today) == -1)
		return HTTP_INTERNAL;
	if ((rc = DBQ(r, STMT_SURVEY_PUBLIC, &res, DBP_LOCALE(r), DBP_S(today),
		 DBP_S(today), DBP_LOCALE(r), DBP_S(s->slug), h,
		 DBP_S(r->municipality))) != DB_OK)
		return db_status(rc);
	if (res.nrows == 0)
		return HTTP_NOT_FOUND;
	row_fill(r->arena, s, &res);
	if (h.type != DBP_NULL)
		return HTTP_OK;
	if (e == NULL)
		e = oldest;
	if (e->arena != NULL)
		arena_free(e->arena);
	e->arena = arena_new();
	e->slug = arena_strdup(e->arena, s->slug);
	e->muni = arena_strdup(e->arena, r->municipality);
	e->locale = r->locale;
	e->at = now;
	e->s = *s;
	row_fill(e->arena, &e->s, &res);
	e->s.slug = e->slug;
	e->s.m.code = e->muni;
	return HTTP_OK;
}

/*
 * Loads the survey of the request's path into s with the response in
 * progress: the one whose resume code is code, else the survey cookie's
 * (a held response, held.c, or a resume code); none when it is absent,
 * malformed, or not this survey's.  Returns HTTP_OK, 404 for no such
 * public survey, 503 or 500.
 */
enum http_status
survey_load_code(struct req *r, struct survey *s, const char *code)
{
	char norm[SURVEY_CODE_CHARS + 1];
	unsigned char hash[32];
	struct db_param h = DBP_NUL;
	const char *held = NULL;
	enum http_status st;

	memset(s, 0, sizeof(*s));
	if ((s->slug = survey_slug(r)) == NULL || r->municipality == NULL)
		return HTTP_NOT_FOUND;
	/* A page the page cache may keep is no response's. */
	if (code == NULL && !r->shared) {
		code = kv_get(&r->cookies, SURVEY_COOKIE);
		if (held_cookie(code)) {
			held = code;
			code = NULL;
		}
	}
	if (code != NULL && code_normalise(code, norm)) {
		token_hash(norm, hash);
		h = DBP_B(hash, sizeof(hash));
		s->code = arena_strdup(r->arena, norm);
	}
	if ((st = row_load(r, s, h)) != HTTP_OK)
		return st;
	s->m.code = r->municipality;
	if (s->response == 0)
		s->code = NULL;
	if (held != NULL && held_open(r, s, held) == -1)
		s->held = false;
	if ((s->def = survey_def(r, s->id, s->version)) == NULL)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* True when s has a response in progress, as a row or held. */
bool
survey_going(const struct survey *s)
{
	return s->response != 0 || s->held;
}

/* survey_load_code() with the survey cookie's code. */
enum http_status
survey_load(struct req *r, struct survey *s)
{
	return survey_load_code(r, s, NULL);
}

/*
 * Writes <survey slug title state round published opens closes minutes
 * anonymous> with the municipality and the survey's purpose and thanks
 * in the request's locale: what every page of the survey shows first.
 */
int
survey_write(struct xml *x, const struct survey *s, enum locale l)
{
	const struct qdef *d = s->def;

	if (xml_start(x, "survey") == -1 ||
	    xml_attr(x, "slug", s->slug) == -1 ||
	    xml_attr(x, "title", s->title) == -1 ||
	    xml_attr(x, "state",
		s->open ? "open" : (s->early ? "early" : "closed")) == -1 ||
	    xml_attr_int(x, "round", s->round) == -1 ||
	    xml_attr(x, "published", s->published ? "1" : NULL) == -1 ||
	    xml_attr_time(x, "opens", s->opens_at) == -1 ||
	    xml_attr_time(x, "closes", s->closes_at) == -1 ||
	    xml_attr_int(x, "minutes", d->minutes) == -1 ||
	    xml_attr(x, "anonymous", d->anonymous ? "1" : NULL) == -1 ||
	    xml_attr(x, "resume", s->response != 0 ? "1" : NULL) == -1 ||
	    muni_write(x, &s->m) == -1 ||
	    xml_elem_text(x, "purpose", qdef_text(&d->purpose, l)) == -1 ||
	    xml_elem_text(x, "thanks", qdef_text(&d->thanks, l)) == -1)
		return -1;
	return xml_end(x);
}
