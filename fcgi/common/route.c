/* SPDX-License-Identifier: ISC */
/*
 * route.c: the dispatcher every request takes (STYLE 3.8).  A worker's
 * route table maps a method and a path pattern to a handler.  No match is
 * 404; a known path with another method is 405 with an Allow header.  The
 * handler writes its elements inside the <page> envelope opened here and
 * returns an HTTP outcome, which this file turns into the response: the
 * document for 200 (or for a form re-rendered with its errors, r->render),
 * a redirect for 303, and the error page for anything else.
 *
 * Adding a route: add its row to the worker's table in main.c, its
 * handler in the resource's file, a test in tests/integration, and the
 * message keys in every catalogue.
 */
#include <stdio.h>
#include <string.h>

#include "extern.h"

/*
 * Matches one segment of a pattern that holds "%" among other characters
 * ("%-%": a month, 2026-10): each "%" takes a run of digits (leading
 * zeros allowed, "04"), stored in ids[] from *n; every other character
 * must be itself.  Returns true on a match.
 */
static bool
segment_match(const char *p, const char *pe, const char *s, const char *se,
    int64_t *ids, size_t *n)
{
	char seg[24];
	size_t len;

	while (p < pe) {
		if (*p != '%') {
			if (s == se || *s != *p)
				return false;
			p++;
			s++;
			continue;
		}
		for (len = 0; s + len < se && s[len] >= '0' && s[len] <= '9';)
			len++;
		if (len == 0 || len >= sizeof(seg) || *n == PATH_MAX_IDS)
			return false;
		memcpy(seg, s, len);
		seg[len] = '\0';
		if (str_to_int64(seg, 0, INT64_MAX, &ids[*n]) == -1)
			return false;
		(*n)++;
		p++;
		s += len;
	}
	return s == se;
}

/*
 * Matches path against pattern segment by segment; a "%" segment matches
 * a positive decimal id, stored in ids[], and a segment with "%" among
 * other characters is matched by segment_match().  Returns true on a
 * match.
 */
bool
route_match(const char *pattern, const char *path, int64_t *ids, size_t *nids)
{
	const char *p = pattern, *s = path, *pe, *se;
	char seg[24];
	size_t n = 0;

	while (*p != '\0' && *s != '\0') {
		pe = p + strcspn(p, "/");
		se = s + strcspn(s, "/");
		if (pe - p == 1 && *p == '*') {
			/* A code (a survey's slug): [a-z0-9][a-z0-9_-]*,
			 * at most 24 bytes; the handler reads it from the
			 * path. */
			if (se - s == 0 || se - s > 24 ||
			    !((*s >= 'a' && *s <= 'z') ||
				(*s >= '0' && *s <= '9')))
				return false;
			for (const char *c = s; c < se; c++)
				if (!((*c >= 'a' && *c <= 'z') ||
					(*c >= '0' && *c <= '9') || *c == '-' ||
					*c == '_'))
					return false;
		} else if (pe - p == 1 && *p == '%') {
			if (se - s == 0 || (size_t)(se - s) >= sizeof(seg) ||
			    n == PATH_MAX_IDS || *s == '0')
				return false;
			memcpy(seg, s, (size_t)(se - s));
			seg[se - s] = '\0';
			if (str_to_int64(seg, 1, INT64_MAX, &ids[n]) == -1)
				return false;
			n++;
		} else if (memchr(p, '%', (size_t)(pe - p)) != NULL) {
			if (!segment_match(p, pe, s, se, ids, &n))
				return false;
		} else if (pe - p != se - s ||
		    memcmp(p, s, (size_t)(pe - p)) != 0)
			return false;
		p = pe;
		s = se;
		if (*p == '/' && *s == '/') {
			p++;
			s++;
		} else if (*p != *s)
			return false;
	}
	if (*p != '\0' || *s != '\0')
		return false;
	*nids = n;
	return true;
}

static const char *const method_names[METHOD__MAX] = {
    "GET",  /* METHOD_GET */
    "HEAD", /* METHOD_HEAD */
    "POST", /* METHOD_POST */
    "",	    /* METHOD_OTHER */
};

/* Runs the handler of rt inside the envelope and sends what it made. */
static void
run_page(struct req *r, const struct route *rt)
{
	struct xml *x;
	enum http_status st;
	const char *doc;
	size_t len;

	x = xml_new();
	if (xml_open_page(x, r) == -1) {
		resp_error(r, HTTP_INTERNAL, NULL);
		goto out;
	}
	st = rt->fn(r, x);
	if (r->csrf_failed && (st == HTTP_SEE_OTHER || st == HTTP_OK)) {
		/* A handler acted on a form whose token was refused: a bug. */
		LOGE("rid=%s route=%s ignored a refused CSRF token", r->rid,
		    rt->name);
		db_rollback(r->w->db);
		resp_error(r, HTTP_FORBIDDEN, "error.csrf");
		goto out;
	}
	if (r->csrf_failed && st != HTTP_FORBIDDEN) {
		/*
		 * The token was refused before anything else was looked at:
		 * whatever the handler found (no such record, 404), the
		 * answer is the refusal, as for a route without a form.
		 */
		resp_error(r, HTTP_FORBIDDEN, "error.csrf");
		goto out;
	}
	if (st == HTTP_SEE_OTHER) {
		resp_redirect(r, r->redirect);
		goto out;
	}
	if (st != HTTP_OK && !r->render) {
		resp_error(r, st, NULL);
		goto out;
	}
	if (xml_close_page(x) == -1 || xml_finish(x, &doc, &len) == -1) {
		resp_error(r, HTTP_INTERNAL, NULL);
		goto out;
	}
	resp_send_xml(r, st, doc, len);
out:
	xml_free(x);
}

/*
 * Runs a ROUTE_STREAM handler: it sends its own download
 * (resp_stream_open); when it returns before sending anything, its
 * outcome is answered here (the error page, or a redirect).
 */
static void
run_stream(struct req *r, const struct route *rt)
{
	enum http_status st = rt->fn(r, NULL);

	if (r->status != 0)
		return;
	if (st == HTTP_SEE_OTHER && r->redirect != NULL)
		resp_redirect(r, r->redirect);
	else
		resp_error(r, st == HTTP_OK ? HTTP_INTERNAL : st, NULL);
}

/*
 * The checks every route shares, before its handler runs (STYLE 3.8):
 * load the session, check the route's permission, check the CSRF token
 * of a POST.  Answers the request itself and returns its status when one
 * fails: an anonymous caller is sent to sign in, a signed-in one without
 * the right gets 403, a POST without a valid token 403 (a form's POST
 * instead runs its handler with r->csrf_failed, which re-shows the form
 * with status 403); refusals are audited.  Returns HTTP_OK when the
 * handler may run.
 */
static enum http_status
gate(struct req *r, const struct route *rt)
{
	unsigned have;

	if (sess_load(r) == -1) {
		resp_error(r, HTTP_UNAVAILABLE, NULL);
		return HTTP_UNAVAILABLE;
	}
	/*
	 * Signed-in callers carry their session's token on every page; an
	 * anonymous one gets a cookie only where a form needs it.
	 */
	if (r->sess == NULL &&
	    ((rt->flags & ROUTE_FORM) || r->method == METHOD_POST))
		csrf_prepare(r);
	have = r->sess != NULL ? r->sess->perms : PERM_ANON;
	if ((rt->perms & have) == 0) {
		if (r->sess == NULL && r->method != METHOD_POST &&
		    (rt->perms & PERM_USER) != 0) {
			resp_redirect(r,
			    arena_printf(
				r->arena, "/account/login?next=%s", r->path));
			return HTTP_SEE_OTHER;
		}
		audit(r, "access.denied", "route", 0, rt->name);
		resp_error(r, HTTP_FORBIDDEN, NULL);
		return HTTP_FORBIDDEN;
	}
	/* Issue 16: a worker whose licence or required certificate lapsed
	 * may not use the routes of case and person records; the 403 says
	 * why (auth.c). */
	if (qual_gate(r, rt->perms) != HTTP_OK)
		return HTTP_FORBIDDEN;
	if (r->method == METHOD_POST && !csrf_check(r)) {
		audit(r, "csrf.refused", "route", 0, rt->name);
		/*
		 * A form's handler shows the form again with what was typed
		 * and a fresh token (form_validate() marks it refused, so
		 * nothing is written); any other POST gets the error page.
		 */
		if (!(rt->flags & ROUTE_FORM)) {
			resp_error(r, HTTP_FORBIDDEN, "error.csrf");
			return HTTP_FORBIDDEN;
		}
		r->csrf_failed = true;
	}
	return HTTP_OK;
}

/*
 * Finds the route for r among the n in routes and answers the request.
 * Never fails: every outcome is a response.
 */
void
route_dispatch(struct req *r, const struct route *routes, size_t n)
{
	const struct route *found = NULL;
	char *allow = NULL;
	int64_t ids[PATH_MAX_IDS];
	size_t i, nids = 0;
	bool pathmatch = false;
	enum http_method m;
	char *lower = NULL, *c;

	for (i = 0; i < n && found == NULL; i++) {
		if (!route_match(routes[i].pattern, r->path, ids, &nids)) {
			if (!(routes[i].flags & ROUTE_ANY_CASE))
				continue;
			if (lower == NULL) {
				lower = arena_strdup(r->arena, r->path);
				for (c = lower; *c != '\0'; c++)
					if (*c >= 'A' && *c <= 'Z')
						*c = (char)(*c - 'A' + 'a');
			}
			if (!route_match(routes[i].pattern, lower, ids, &nids))
				continue;
		}
		pathmatch = true;
		m = routes[i].method;
		if (m == r->method ||
		    (m == METHOD_GET && r->method == METHOD_HEAD)) {
			found = &routes[i];
			memcpy(r->ids, ids, sizeof(ids));
			r->nids = nids;
			continue;
		}
		allow = allow == NULL
		    ? arena_strdup(r->arena, method_names[m])
		    : arena_printf(r->arena, "%s, %s", allow, method_names[m]);
		if (m == METHOD_GET)
			allow = arena_printf(r->arena, "%s, HEAD", allow);
	}
	if (found == NULL) {
		r->route = "-";
		if (pathmatch)
			r->allow = allow;
		resp_error(r,
		    pathmatch ? HTTP_METHOD_NOT_ALLOWED : HTTP_NOT_FOUND, NULL);
		return;
	}
	r->route = found->name;
	if (found->flags & ROUTE_NO_PAGE) {
		found->fn(r, NULL);
		return;
	}
	if (gate(r, found) != HTTP_OK)
		return;
	if (found->flags & ROUTE_STREAM) {
		run_stream(r, found);
		return;
	}
	run_page(r, found);
}

/* "anon,citizen,…": who may call a route, for the route list. */
static const char *
perms_text(unsigned perms)
{
	static char buf[128]; /* only for --routes, before any request */
	size_t k;

	buf[0] = '\0';
	if (perms & PERM_ANON)
		strlcat(buf, "anon", sizeof(buf));
	for (k = 0; k < ROLE__MAX; k++)
		if (perms & PERM_ROLE(k)) {
			if (buf[0] != '\0')
				strlcat(buf, ",", sizeof(buf));
			strlcat(buf, role_names[k], sizeof(buf));
		}
	return buf[0] != '\0' ? buf : "none";
}

/*
 * Prints the table, one "worker METHOD pattern name perms" line a route
 * (--routes): the route x role test reads it.
 */
void
route_list(const char *worker, const struct route *routes, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		fprintf(stdout, "%s %s %s %s %s\n", worker,
		    method_names[routes[i].method], routes[i].pattern,
		    routes[i].name, perms_text(routes[i].perms));
}

/*
 * GET <prefix>/health: 200 "ok" after a round trip to MariaDB, 503 when
 * the database cannot be reached.  Shared by every worker's table.
 */
enum http_status
route_health(struct req *r, struct xml *x)
{
	if (db_ping(r->w->db, r->arena) != DB_OK) {
		resp_send_text(r, HTTP_UNAVAILABLE, "unavailable\n");
		return HTTP_UNAVAILABLE;
	}
	resp_send_text(r, HTTP_OK, "ok\n");
	return HTTP_OK;
}
