/* SPDX-License-Identifier: ISC */
/*
 * delivery.c: the monthly delivery of a provider's services.  A provider
 * fills a month for all its users at once in one grid form (a row per
 * enrolment active in the month: units delivered, last month's figure
 * beside), corrects it until the month is closed, and closes it with a
 * confirmed button.  The CSW sees any provider's grid, read-only.  The
 * month index lists the last two years with their state.
 *
 * A closed month is refused twice: here, under a lock on the month's
 * month_close row taken in the saving transaction (so that a month
 * cannot close under a save), and by the triggers of 0006 whoever
 * writes; a refusal says so in words and keeps what was typed.  Units
 * are hundredths in C (money_parse reads "12,5" as 1250), DECIMAL(7,2)
 * in the database: never floating point.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

/*
 * Rows one grid page holds; a bigger caseload is shown in pages of this
 * many rows, each saved on its own.  200, not the 2000 a form could hold
 * (FORM_MAX_FIELDS): a page of 2000 rows was 390 KB of HTML with 2000
 * inputs, 80 ms to make on an idle machine and slow on a phone, and
 * under load (scripts/bench-register) its p99 was seconds; 200 rows is
 * 40 KB and still a whole month for most providers.
 */
#define GRID_ROWS     200
#define GRID_MAX_PAGE 1000

/* A month of the path /registry/deliveries/YYYY-MM[/close]. */
struct month {
	int64_t year, mon;
	int64_t days;	   /* how many it has: 28 to 31 */
	const char *code;  /* YYYY-MM */
	const char *first; /* YYYY-MM-01 */
	const char *prev;  /* the first day of the month before */
	const char *next;  /* YYYY-MM of the month after, NULL if future */
	const char *path;  /* /registry/deliveries/YYYY-MM */
};

/*
 * Reads the month of the path into m.  The path must be written the one
 * way (2026-04, not 2026-4), between 2000 and the current month (UTC):
 * anything else is 404.
 */
static enum http_status
month_from_path(struct req *r, struct month *m)
{
	struct tm tm;
	time_t now = time(NULL);
	int64_t cur, py, pm, ny, nm;
	size_t n;

	if (r->nids < 2 || gmtime_r(&now, &tm) == NULL)
		return HTTP_NOT_FOUND;
	m->year = r->ids[0];
	m->mon = r->ids[1];
	cur = (int64_t)(tm.tm_year + 1900) * 12 + tm.tm_mon;
	if (m->year < 2000 || m->mon < 1 || m->mon > 12 ||
	    m->year * 12 + m->mon - 1 > cur)
		return HTTP_NOT_FOUND;
	m->days = days_in_month((int)m->year, (int)m->mon);
	m->code = arena_printf(
	    r->arena, "%04lld-%02lld", (long long)m->year, (long long)m->mon);
	m->path = arena_printf(r->arena, "/registry/deliveries/%s", m->code);
	n = strlen(m->path);
	if (strncmp(r->path, m->path, n) != 0 ||
	    (r->path[n] != '\0' && r->path[n] != '/'))
		return HTTP_NOT_FOUND;
	m->first = arena_printf(r->arena, "%s-01", m->code);
	py = m->mon == 1 ? m->year - 1 : m->year;
	pm = m->mon == 1 ? 12 : m->mon - 1;
	m->prev = arena_printf(
	    r->arena, "%04lld-%02lld-01", (long long)py, (long long)pm);
	ny = m->mon == 12 ? m->year + 1 : m->year;
	nm = m->mon == 12 ? 1 : m->mon + 1;
	m->next = ny * 12 + nm - 1 > cur
	    ? NULL
	    : arena_printf(
		  r->arena, "%04lld-%02lld", (long long)ny, (long long)nm);
	return HTTP_OK;
}

/*
 * The most of a unit one person can have in a month of days days, in
 * hundredths: November's are 30 days, February's 28 or 29.
 */
static int64_t
unit_max(const char *unit, int64_t days)
{
	if (strcmp(unit, "hour") == 0)
		return days * 2400; /* every hour of the month */
	if (strcmp(unit, "day") == 0)
		return days * 100;
	if (strcmp(unit, "visit") == 0)
		return days * 300; /* three visits a day */
	return 100;		   /* "month": the month, or part of it */
}

/*
 * Hundredths as the page shows them: "12,5" ("12.5" in English), "12",
 * "0,25": no trailing zeros, no grouping (money_parse() reads it back).
 */
static const char *
units_show(struct req *r, int64_t h)
{
	char point = r->locale == LOCALE_EN ? '.' : ',';

	if (h % 100 == 0)
		return arena_printf(r->arena, "%lld", (long long)(h / 100));
	if (h % 10 == 0)
		return arena_printf(r->arena, "%lld%c%lld",
		    (long long)(h / 100), point, (long long)(h % 100 / 10));
	return arena_printf(r->arena, "%lld%c%02lld", (long long)(h / 100),
	    point, (long long)(h % 100));
}

/* A DECIMAL(7,2) from the database ("12.50") in hundredths; -1 if NULL. */
static int64_t
units_of(const char *s)
{
	int64_t h;

	return s != NULL && money_parse(s, &h) ? h : -1;
}

/* One page of a provider's month, and what the form made of it. */
struct grid {
	struct db_res svc;  /* the month's services (STMT_DELIVERY_SERVICES) */
	struct db_res rows; /* the page's rows, by service */
	int64_t total, page, pages;
	const char **value; /* what each cell shows: stored or typed */
	const char **error; /* a cell's message key, or NULL */
	int64_t *units;	    /* what each cell is to hold, hundredths */
	bool *changed;	    /* a cell to write */
	size_t nerrors, nchanged;
	const char *problem; /* the form's own error key, or NULL */
	const char *closed;  /* when the month was closed, or NULL */
	const char *closed_by;
	int64_t days; /* the month's, for unit_max() */
};

/* ?page=N (1 by default). */
static int64_t
grid_page(struct req *r)
{
	const char *q = kv_get(&r->query, "page");
	int64_t p;

	return q != NULL && str_to_int64(q, 1, GRID_MAX_PAGE, &p) == 0 ? p : 1;
}

/* Adds the rows of src to dst (the same statement's columns). */
static void
rows_append(struct req *r, struct db_res *dst, const struct db_res *src)
{
	char **cell;

	if (src->nrows == 0)
		return;
	if (dst->nrows == 0) {
		*dst = *src;
		return;
	}
	cell = arena_calloc(
	    r->arena, (dst->nrows + src->nrows) * dst->ncols, sizeof(*cell));
	memcpy(cell, dst->cell, dst->nrows * dst->ncols * sizeof(*cell));
	memcpy(cell + dst->nrows * dst->ncols, src->cell,
	    src->nrows * src->ncols * sizeof(*cell));
	dst->cell = cell;
	dst->nrows += src->nrows;
}

/* The row of g->svc of row i's service (every row's service is there). */
static size_t
grid_svc(const struct grid *g, size_t i)
{
	int64_t id = db_int(&g->rows, i, "service");
	size_t k;

	for (k = 0; k + 1 < g->svc.nrows; k++)
		if (db_int(&g->svc, k, "service") == id)
			break;
	return k;
}

/* Row i's unit (hour, day, visit, month). */
static const char *
grid_unit(const struct grid *g, size_t i)
{
	return db_str(&g->svc, grid_svc(g, i), "unit");
}

/*
 * Loads page g->page of org's month m into g, every cell showing what
 * is stored, and whether the month is closed.  The month's rows go by
 * service (by name), then by person: the services' counts say which
 * slice of which services the page is (a page may end one service and
 * begin the next), and each slice is read on its own
 * (STMT_DELIVERY_GRID, one range of one index), so a page costs its own
 * rows, not the provider's whole caseload; the services' names and
 * units come with the counts, not with every row.  HTTP_OK, 404 for a page
 * beyond the last, or the database's outcome.
 */
static enum http_status
grid_load(struct req *r, const struct month *m, int64_t org, struct grid *g)
{
	struct db_res c, part;
	enum db_rc rc;
	size_t i;
	int64_t h, skip, want, n;

	memset(&g->rows, 0, sizeof(g->rows));
	g->days = m->days;
	if ((rc = DBQ(r, STMT_DELIVERY_SERVICES, &g->svc, DBP_LOCALE(r),
		 DBP_I(org), DBP_S(m->first), DBP_S(m->first))) != DB_OK ||
	    (rc = DBQ(r, STMT_DELIVERY_CLOSED, &c, DBP_I(org),
		 DBP_S(m->first))) != DB_OK)
		return db_status(rc);
	for (i = 0; i < g->svc.nrows; i++)
		g->total += db_int(&g->svc, i, "n");
	g->pages = g->total == 0 ? 1 : (g->total + GRID_ROWS - 1) / GRID_ROWS;
	if (g->page > g->pages)
		return HTTP_NOT_FOUND;
	skip = (g->page - 1) * GRID_ROWS;
	want = GRID_ROWS;
	for (i = 0; i < g->svc.nrows && want > 0; i++) {
		n = db_int(&g->svc, i, "n");
		if (skip >= n) {
			skip -= n;
			continue;
		}
		if ((rc = DBQ(r, STMT_DELIVERY_GRID, &part, DBP_I(org),
			 DBP_I(db_int(&g->svc, i, "service")), DBP_S(m->first),
			 DBP_S(m->first), DBP_I(want), DBP_I(skip),
			 DBP_S(m->first), DBP_S(m->prev))) != DB_OK)
			return db_status(rc);
		rows_append(r, &g->rows, &part);
		want -= (int64_t)part.nrows;
		skip = 0;
	}
	g->closed = c.nrows > 0 ? db_str(&c, 0, "closed") : NULL;
	g->closed_by = c.nrows > 0 ? db_str(&c, 0, "closed-by") : NULL;
	g->value = arena_calloc(r->arena, g->rows.nrows + 1, sizeof(char *));
	g->error = arena_calloc(r->arena, g->rows.nrows + 1, sizeof(char *));
	g->units = arena_calloc(r->arena, g->rows.nrows + 1, sizeof(int64_t));
	g->changed = arena_calloc(r->arena, g->rows.nrows + 1, sizeof(bool));
	for (i = 0; i < g->rows.nrows; i++) {
		h = units_of(db_str(&g->rows, i, "units"));
		g->value[i] = h < 0 ? "" : units_show(r, h);
		g->units[i] = h;
	}
	return HTTP_OK;
}

/* A posted cell: u<enrolment id>=<units>. */
struct posted {
	int64_t id;
	const char *val;
};

static int
posted_cmp(const void *a, const void *b)
{
	const struct posted *p = a, *q = b;

	return p->id < q->id ? -1 : p->id > q->id;
}

/* Copies s without blanks around it into the arena. */
static const char *
trim(struct req *r, const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return arena_strndup(r->arena, s, n);
}

/*
 * Reads the posted cells (fields u<id>; others ignored) into g: each
 * row's cell shows what was typed, with its error when it is not a
 * number of the unit between 0 and the unit's most in a month, or is
 * emptied after a figure was saved (a figure is corrected, never
 * removed: 0 says "nothing delivered").  Marks the cells that change.
 */
static void
grid_take(struct req *r, struct grid *g)
{
	struct posted *p, key = {0}, *hit;
	size_t i, n = 0;
	int64_t h;
	const char *v;

	p = arena_calloc(r->arena, r->form.n + 1, sizeof(*p));
	for (i = 0; i < r->form.n; i++)
		if (r->form.v[i].key[0] == 'u' &&
		    str_to_int64(
			r->form.v[i].key + 1, 1, INT64_MAX, &p[n].id) == 0) {
			p[n].val = r->form.v[i].val;
			n++;
		}
	qsort(p, n, sizeof(*p), posted_cmp);
	for (i = 0; i < g->rows.nrows; i++) {
		key.id = db_int(&g->rows, i, "id");
		hit =
		    n > 0 ? bsearch(&key, p, n, sizeof(*p), posted_cmp) : NULL;
		if (hit == NULL)
			continue;
		v = trim(r, hit->val);
		g->value[i] = v;
		if (*v == '\0') {
			if (g->units[i] >= 0)
				g->error[i] = "delivery.units.empty";
		} else if (!money_parse(v, &h) || utf8_chars(v, strlen(v)) > 12)
			g->error[i] = "delivery.units.invalid";
		else if (h > unit_max(grid_unit(g, i), g->days))
			g->error[i] = "delivery.units.max";
		else if (h != g->units[i]) {
			g->units[i] = h;
			g->changed[i] = true;
			g->nchanged++;
		}
		if (g->error[i] != NULL)
			g->nerrors++;
	}
}

/*
 * Writes the grid page: <delivery-grid month prev next editable closed
 * closed-by page pages total errors problem action><org/>[the CSW's
 * choice]<service id name unit max><row id given family value last
 * error/>…</service>…</delivery-grid>.  Rows come grouped by service.
 */
static int
grid_write(struct req *r, struct xml *x, const struct month *m,
    const struct care_org *o, const struct grid *g)
{
	size_t i, k;
	int64_t svc = 0, h;
	bool editable = o->own && g->closed == NULL;
	const char *action = g->pages > 1
	    ? arena_printf(
		  r->arena, "%s?page=%lld", m->path, (long long)g->page)
	    : m->path;

	if (xml_start(x, "delivery-grid") == -1 ||
	    xml_attr(x, "month", m->code) == -1 ||
	    xml_attr(x, "prev", arena_strndup(r->arena, m->prev, 7)) == -1 ||
	    xml_attr(x, "next", m->next) == -1 ||
	    xml_attr(x, "editable", editable ? "1" : NULL) == -1 ||
	    xml_attr_time(x, "closed", g->closed) == -1 ||
	    xml_attr(x, "closed-by", g->closed_by) == -1 ||
	    xml_attr_int(x, "page", g->page) == -1 ||
	    xml_attr_int(x, "pages", g->pages) == -1 ||
	    xml_attr_int(x, "total", g->total) == -1 ||
	    xml_attr_int(x, "errors",
		(int64_t)g->nerrors + (g->problem != NULL)) == -1 ||
	    xml_attr(x, "problem", g->problem) == -1 ||
	    xml_attr(x, "action", action) == -1 ||
	    care_org_write(r, x, o, m->path) == -1)
		return -1;
	for (i = 0; i < g->rows.nrows; i++) {
		if (db_int(&g->rows, i, "service") != svc) {
			k = grid_svc(g, i);
			if ((svc != 0 && xml_end(x) == -1) ||
			    xml_start(x, "service") == -1 ||
			    xml_attr(x, "id", db_str(&g->rows, i, "service")) ==
				-1 ||
			    xml_attr(x, "name", db_str(&g->svc, k, "name")) ==
				-1 ||
			    xml_attr(x, "unit", db_str(&g->svc, k, "unit")) ==
				-1 ||
			    xml_attr(x, "max",
				units_show(r,
				    unit_max(db_str(&g->svc, k, "unit"),
					g->days))) == -1)
				return -1;
			svc = db_int(&g->rows, i, "service");
		}
		h = units_of(db_str(&g->rows, i, "last"));
		if (xml_start(x, "row") == -1 ||
		    xml_attr(x, "id", db_str(&g->rows, i, "id")) == -1 ||
		    xml_attr(x, "given", db_str(&g->rows, i, "given")) == -1 ||
		    xml_attr(x, "family", db_str(&g->rows, i, "family")) ==
			-1 ||
		    xml_attr(x, "value", g->value[i]) == -1 ||
		    xml_attr(x, "last", h < 0 ? NULL : units_show(r, h)) ==
			-1 ||
		    xml_attr(x, "error", g->error[i]) == -1 || xml_end(x) == -1)
			return -1;
	}
	if (svc != 0 && xml_end(x) == -1)
		return -1;
	return xml_end(x);
}

/*
 * GET /registry/deliveries/YYYY-MM[?org=N][&page=N]: the month's grid,
 * a form for the provider's staff until the month is closed, read-only
 * for the CSW (who chooses the provider).
 */
enum http_status
delivery_grid(struct req *r, struct xml *x)
{
	struct month m;
	struct care_org o;
	struct grid g;
	enum http_status st;

	memset(&g, 0, sizeof(g));
	if ((st = month_from_path(r, &m)) != HTTP_OK ||
	    (st = care_org_load(r, &o)) != HTTP_OK)
		return st;
	g.page = grid_page(r);
	if (o.id > 0 && (st = grid_load(r, &m, o.id, &g)) != HTTP_OK)
		return st;
	if (grid_write(r, x, &m, &o, &g) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* The grid again after a refused save: what was typed, and why (st). */
static enum http_status
grid_again(struct req *r, struct xml *x, const struct month *m,
    const struct care_org *o, const struct grid *g, enum http_status st)
{
	if (grid_write(r, x, m, o, g) == -1)
		return HTTP_INTERNAL;
	r->render = true;
	return st;
}

/*
 * The write of a checked grid: under the month's lock, each changed cell
 * and an audit row for it, in one transaction.  Returns HTTP_OK, or
 * HTTP_CONFLICT with g->problem set when the month is (or was just)
 * closed, or a failure.
 */
static enum http_status
grid_store(struct req *r, const struct month *m, int64_t org, struct grid *g)
{
	struct db_res lk;
	enum db_rc rc;
	size_t i;
	int64_t id;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_DELIVERY_LOCK, &lk, DBP_I(org),
		 DBP_S(m->first))) != DB_OK)
		return db_undo(r, rc);
	if (lk.nrows > 0) {
		db_rollback(r->w->db);
		g->closed = db_str(&lk, 0, "closed");
		g->problem = "delivery.closed";
		return HTTP_CONFLICT;
	}
	for (i = 0; i < g->rows.nrows; i++) {
		if (!g->changed[i])
			continue;
		id = db_int(&g->rows, i, "id");
		rc = DBQ(r, STMT_DELIVERY_SET, NULL, DBP_I(id), DBP_S(m->first),
		    DBP_S(arena_printf(r->arena, "%lld.%02lld",
			(long long)(g->units[i] / 100),
			(long long)(g->units[i] % 100))),
		    DBP_I(r->sess->account));
		if (rc == DB_ERROR) {
			/* 0006's trigger: the month closed some other way. */
			db_rollback(r->w->db);
			g->problem = "delivery.closed";
			return HTTP_CONFLICT;
		}
		if (rc != DB_OK ||
		    (rc = audit(r, "delivery.save", "enrolment", id, "ok")) !=
			DB_OK)
			return db_undo(r, rc);
	}
	if ((rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return HTTP_OK;
}

/*
 * POST /registry/deliveries/YYYY-MM[?page=N]: the provider's grid (its
 * own organisation only: the route is for provider staff).  A wrong cell
 * brings the grid back (422) with every typed value and the error beside
 * its cell; a closed month 409, a refused token 403, nothing written.
 * 303 to the same page with a notice.
 */
enum http_status
delivery_save(struct req *r, struct xml *x)
{
	struct month m;
	struct care_org o;
	struct grid g;
	enum http_status st;

	memset(&g, 0, sizeof(g));
	/* A refused token is 403 whatever else is wrong. */
	if ((st = month_from_path(r, &m)) != HTTP_OK ||
	    (st = care_org_load(r, &o)) != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	if (!o.own || o.id == 0)
		return r->csrf_failed ? HTTP_FORBIDDEN : HTTP_NOT_FOUND;
	g.page = grid_page(r);
	if ((st = grid_load(r, &m, o.id, &g)) != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	grid_take(r, &g);
	if (r->csrf_failed) {
		g.problem = "form.csrf";
		return grid_again(r, x, &m, &o, &g, HTTP_FORBIDDEN);
	}
	if (g.closed != NULL) {
		g.problem = "delivery.closed";
		if (audit(r, "delivery.save", "organisation", o.id,
			"refused") != DB_OK)
			return HTTP_UNAVAILABLE;
		return grid_again(r, x, &m, &o, &g, HTTP_CONFLICT);
	}
	if (g.nerrors > 0)
		return grid_again(r, x, &m, &o, &g, HTTP_UNPROCESSABLE);
	if ((st = grid_store(r, &m, o.id, &g)) == HTTP_CONFLICT) {
		if (audit(r, "delivery.save", "organisation", o.id,
			"refused") != DB_OK)
			return HTTP_UNAVAILABLE;
		return grid_again(r, x, &m, &o, &g, HTTP_CONFLICT);
	}
	if (st != HTTP_OK)
		return st;
	return form_done(r,
	    g.pages > 1 ? arena_printf(r->arena, "%s?page=%lld", m.path,
			      (long long)g.page)
			: m.path,
	    "delivery-saved");
}

/*
 * GET /registry/deliveries[?org=N]: the last 24 months of the provider,
 * each with its users, the rows filled and whether it is closed.
 */
enum http_status
delivery_months(struct req *r, struct xml *x)
{
	struct care_org o;
	struct db_res res;
	enum http_status st;
	enum db_rc rc;

	if ((st = care_org_load(r, &o)) != HTTP_OK)
		return st;
	memset(&res, 0, sizeof(res));
	if (o.id > 0 &&
	    (rc = DBQ(r, STMT_DELIVERY_MONTHS, &res, DBP_I(o.id), DBP_I(o.id),
		 DBP_I(o.id))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "delivery-months") == -1 ||
	    care_org_write(r, x, &o, "/registry/deliveries") == -1 ||
	    xml_rows(x, "month", &res) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * GET /registry/deliveries/YYYY-MM/close: what closing means (no more
 * corrections), how many rows are filled, and the button.
 */
enum http_status
delivery_close_confirm(struct req *r, struct xml *x)
{
	struct month m;
	struct care_org o;
	struct db_res res, c;
	enum http_status st;
	enum db_rc rc;
	size_t i;

	if ((st = month_from_path(r, &m)) != HTTP_OK ||
	    (st = care_org_load(r, &o)) != HTTP_OK)
		return st;
	if (!o.own || o.id == 0)
		return HTTP_NOT_FOUND;
	if ((rc = DBQ(r, STMT_DELIVERY_MONTHS, &res, DBP_I(o.id), DBP_I(o.id),
		 DBP_I(o.id))) != DB_OK ||
	    (rc = DBQ(r, STMT_DELIVERY_CLOSED, &c, DBP_I(o.id),
		 DBP_S(m.first))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "delivery-close") == -1 ||
	    xml_attr(x, "month", m.code) == -1 ||
	    xml_attr_time(x, "closed",
		c.nrows > 0 ? db_str(&c, 0, "closed") : NULL) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < res.nrows; i++)
		if (strcmp(db_str(&res, i, "month"), m.code) == 0 &&
		    (xml_attr(x, "total", db_str(&res, i, "total")) == -1 ||
			xml_attr(x, "filled", db_str(&res, i, "filled")) == -1))
			return HTTP_INTERNAL;
	if (care_org_write(r, x, &o, m.path) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * POST /registry/deliveries/YYYY-MM/close: closes the provider's month
 * (audited); a month closed already stays as it was.  303 to the grid
 * with a notice.
 */
enum http_status
delivery_close(struct req *r, struct xml *x)
{
	struct month m;
	struct care_org o;
	enum http_status st;
	enum db_rc rc;

	if ((st = month_from_path(r, &m)) != HTTP_OK ||
	    (st = care_org_load(r, &o)) != HTTP_OK)
		return st;
	if (!o.own || o.id == 0)
		return HTTP_NOT_FOUND;
	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	rc = DBQ(r, STMT_MONTH_CLOSE, NULL, DBP_I(o.id), DBP_S(m.first),
	    DBP_I(r->sess->account));
	if (rc == DB_DUPLICATE) {
		db_rollback(r->w->db);
		return form_done(r, m.path, "month-closed");
	}
	if (rc != DB_OK ||
	    (rc = audit(r, "month.close", "organisation", o.id, m.code)) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, m.path, "month-closed");
}
