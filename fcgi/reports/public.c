/* SPDX-License-Identifier: ISC */
/*
 * public.c: the figures anyone may see (issue 14): people per service
 * per year and the spending of the same cells, as the public page with
 * charts (/reports/public), the first page of the worker (/reports/: one
 * year), and the open-data files (open.c).
 *
 * pub_load() is the only way any of them gets a figure: it reads the
 * town's counts and amounts and hands them back already suppressed
 * (suppress.c: k from municipality.small_cell_k, complementary cells).
 * A writer sees a hidden cell only as hidden; no page or file can forget
 * the rule, and t/88-reports.t tries every published figure.  Which
 * datasets are published at all is the department's choice (publish.c:
 * pub_chosen); a page writes only those.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "reports.h"

/* Years a published table spans: ten, like the forecast's trend. */
#define PUB_YEARS 10

/* The index of service id in p's rows, or p->services.nrows. */
static size_t
service_index(const struct pub *p, int64_t id)
{
	size_t i;

	for (i = 0; i < p->services.nrows; i++)
		if (db_int(&p->services, i, "id") == id)
			return i;
	return p->services.nrows;
}

/*
 * Published figures are the same for every visitor and change at most
 * with a day's deliveries: each worker process keeps the last tables it
 * loaded for PUB_CACHE_SECONDS (per town, locale and years asked), so
 * that the public pages, the open-data files and an anonymous visitor's
 * users per service (users.c, one year) under load cost no SQL.  A few
 * slots, the oldest replaced: the public page's years and a year or two
 * of /reports/ do not push each other out.  The copy is the suppressed
 * table: nothing hidden is kept.
 */
#define PUB_CACHE_SECONDS 60
#define PUB_CACHE_COLS	  5 /* id code group name unit */
#define PUB_CACHE_SLOTS	  4

struct pub_slot {
	char *code; /* the town's code; NULL: empty */
	enum locale locale;
	int64_t asked; /* the first year asked (0: pub_load chose) */
	int64_t last;
	time_t at;
	struct pub p; /* arrays and strings below, malloc'd */
	char **cell;  /* services: nrows * PUB_CACHE_COLS */
};

static struct pub_slot pub_cache[PUB_CACHE_SLOTS];

static const char *const pub_cache_col[PUB_CACHE_COLS] = {
    "id", "code", "group", "name", "unit"};

/* Forgets slot c's table. */
static void
pub_cache_clear(struct pub_slot *c)
{
	size_t i;

	if (c->code == NULL)
		return;
	for (i = 0; i < c->p.services.nrows * PUB_CACHE_COLS; i++)
		free(c->cell[i]);
	free(c->cell);
	free(c->p.t.count);
	free(c->p.t.amount);
	free(c->p.t.hide);
	free(c->p.t.hide_col_total);
	free(c->p.t.col_total);
	free(c->p.t.amount_total);
	free(c->p.amount_total_hidden);
	free(c->code);
	memset(c, 0, sizeof(*c));
}

/* The slot holding town code's table of r's locale and these years, or
 * NULL. */
static struct pub_slot *
pub_cache_find(
    const struct req *r, const char *code, int64_t asked, int64_t last)
{
	size_t i;

	for (i = 0; i < PUB_CACHE_SLOTS; i++)
		if (pub_cache[i].code != NULL &&
		    strcmp(pub_cache[i].code, code) == 0 &&
		    pub_cache[i].locale == r->locale &&
		    pub_cache[i].asked == asked && pub_cache[i].last == last)
			return &pub_cache[i];
	return NULL;
}

/* A malloc'd copy of n elements of size sz at src. */
static void *
dup_n(const void *src, size_t n, size_t sz)
{
	void *d = xcalloc(n + 1, sz);

	memcpy(d, src, n * sz);
	return d;
}

/*
 * Keeps p (as pub_load made it from the first year asked) for town code
 * in the cache: in the slot of the same table, else an empty one, else
 * the oldest.
 */
static void
pub_cache_put(
    const struct req *r, const char *code, int64_t asked, const struct pub *p)
{
	size_t i, c, n = p->t.nrows * p->t.ncols, nc = p->t.ncols;
	struct pub_slot *pc = pub_cache_find(r, code, asked, p->last);

	for (i = 0; pc == NULL && i < PUB_CACHE_SLOTS; i++)
		if (pub_cache[i].code == NULL)
			pc = &pub_cache[i];
	if (pc == NULL) {
		pc = &pub_cache[0];
		for (i = 1; i < PUB_CACHE_SLOTS; i++)
			if (pub_cache[i].at < pc->at)
				pc = &pub_cache[i];
	}
	pub_cache_clear(pc);
	pc->asked = asked;
	pc->code = xstrdup(code);
	pc->locale = r->locale;
	pc->last = p->last;
	pc->at = time(NULL);
	pc->p = *p;
	pc->cell = xcalloc(p->t.nrows * PUB_CACHE_COLS + 1, sizeof(char *));
	for (i = 0; i < p->t.nrows; i++)
		for (c = 0; c < PUB_CACHE_COLS; c++) {
			const char *v =
			    db_str(&p->services, i, pub_cache_col[c]);

			pc->cell[i * PUB_CACHE_COLS + c] =
			    xstrdup(v != NULL ? v : "");
		}
	pc->p.t.count = dup_n(p->t.count, n, sizeof(int64_t));
	pc->p.t.amount = dup_n(p->t.amount, n, sizeof(int64_t));
	pc->p.t.hide = dup_n(p->t.hide, n, sizeof(bool));
	pc->p.t.hide_col_total = dup_n(p->t.hide_col_total, nc, sizeof(bool));
	pc->p.t.col_total = dup_n(p->t.col_total, nc, sizeof(int64_t));
	pc->p.t.amount_total = dup_n(p->t.amount_total, nc, sizeof(int64_t));
	pc->p.amount_total_hidden =
	    dup_n(p->amount_total_hidden, nc, sizeof(bool));
	pc->p.currency = pc->p.code = pc->p.name = NULL;
}

/*
 * Fills p from the cache when it holds town code's table of this locale
 * and these years (first as asked), younger than PUB_CACHE_SECONDS:
 * arena copies (the request may not change the cache).  Returns true
 * when it did.
 */
static bool
pub_cache_get(struct req *r, const struct muni *m, int64_t first, int64_t last,
    struct pub *p)
{
	const struct pub_slot *pc = pub_cache_find(r, m->code, first, last);
	struct db_res *sv = &p->services;
	size_t i, n, nc;

	if (pc == NULL || time(NULL) - pc->at >= PUB_CACHE_SECONDS)
		return false;
	*p = pc->p;
	n = p->t.nrows * p->t.ncols;
	nc = p->t.ncols;
	memset(sv, 0, sizeof(*sv));
	sv->nrows = p->t.nrows;
	sv->ncols = PUB_CACHE_COLS;
	sv->col = arena_calloc(r->arena, PUB_CACHE_COLS, sizeof(char *));
	sv->time = arena_calloc(r->arena, PUB_CACHE_COLS, sizeof(bool));
	sv->cell = arena_calloc(
	    r->arena, sv->nrows * PUB_CACHE_COLS + 1, sizeof(char *));
	for (i = 0; i < PUB_CACHE_COLS; i++)
		sv->col[i] = pub_cache_col[i];
	for (i = 0; i < sv->nrows * PUB_CACHE_COLS; i++)
		sv->cell[i] = arena_strdup(r->arena, pc->cell[i]);
	p->t.count = arena_calloc(r->arena, n + 1, sizeof(int64_t));
	memcpy(p->t.count, pc->p.t.count, n * sizeof(int64_t));
	p->t.amount = arena_calloc(r->arena, n + 1, sizeof(int64_t));
	memcpy(p->t.amount, pc->p.t.amount, n * sizeof(int64_t));
	p->t.hide = arena_calloc(r->arena, n + 1, sizeof(bool));
	memcpy(p->t.hide, pc->p.t.hide, n * sizeof(bool));
	p->t.hide_col_total = arena_calloc(r->arena, nc + 1, sizeof(bool));
	memcpy(p->t.hide_col_total, pc->p.t.hide_col_total, nc * sizeof(bool));
	p->t.col_total = arena_calloc(r->arena, nc + 1, sizeof(int64_t));
	memcpy(p->t.col_total, pc->p.t.col_total, nc * sizeof(int64_t));
	p->t.amount_total = arena_calloc(r->arena, nc + 1, sizeof(int64_t));
	memcpy(p->t.amount_total, pc->p.t.amount_total, nc * sizeof(int64_t));
	p->amount_total_hidden = arena_calloc(r->arena, nc + 1, sizeof(bool));
	memcpy(p->amount_total_hidden, pc->p.amount_total_hidden,
	    nc * sizeof(bool));
	p->currency = m->currency;
	p->code = m->code;
	p->name = m->name;
	p->k = m->k;
	return true;
}

/*
 * Loads the request's town's published table for the years first to
 * last (first 0: from the town's first year of data, at most PUB_YEARS
 * back) into p, suppressed: people
 * per active service per year and the spending of each cell (at that
 * year's price), whose cells and column totals are hidden with the
 * counts.  Memory in the arena.  HTTP_OK, 404 for an unknown town, the
 * database's outcome, or 500 for more rows than a page may hold.
 */
enum http_status
pub_load(struct req *r, int64_t first, int64_t last, struct pub *p)
{
	return pub_load_cached(r, first, last, p, false);
}

/*
 * pub_load(), from and into this process's cache when cached is true:
 * the public page and the open-data files, which everyone asks for
 * again and again, and users per service (users.c) for an anonymous
 * visitor; a signed-in analyst's /reports/ reads fresh figures.
 */
enum http_status
pub_load_cached(
    struct req *r, int64_t first, int64_t last, struct pub *p, bool cached)
{
	struct muni m;
	struct db_res users, spend;
	struct pub_table *t = &p->t;
	enum http_status st;
	const char *from;
	const int64_t asked = first;
	size_t i, j, n;

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if (cached && pub_cache_get(r, &m, asked, last, p))
		return HTTP_OK;
	if (first == 0) {
		/* From the town's first year of data, at most PUB_YEARS. */
		if (RDBQ(r, STMT_FIRST_YEAR, &users, DBP_I(m.id)) != DB_OK)
			return HTTP_UNAVAILABLE;
		first = db_str(&users, 0, "first") != NULL
		    ? db_int(&users, 0, "first")
		    : last;
		if (first < last - (PUB_YEARS - 1))
			first = last - (PUB_YEARS - 1);
		if (first > last)
			first = last;
	}
	p->first = first;
	p->last = last;
	p->k = m.k;
	p->currency = m.currency;
	p->code = m.code;
	p->name = m.name;
	if (RDBQ(r, STMT_PUB_SERVICES, &p->services, DBP_LOCALE(r),
		DBP_I(m.id)) != DB_OK ||
	    RDBQ(r, STMT_USERS_BY_YEAR, &users, DBP_I(first), DBP_I(last),
		DBP_I(m.id)) != DB_OK ||
	    rscope_open_from(r, m.id, first, last, &from) != DB_OK ||
	    RDBQ(r, STMT_SPEND_BY_YEAR, &spend,
		DBP_MONTHS(m.id, first, last, from)) != DB_OK)
		return HTTP_UNAVAILABLE;
	if (p->services.nrows > REPORT_MAX_ROWS)
		return HTTP_INTERNAL;
	t->nrows = p->services.nrows;
	t->ncols = (size_t)(last - first + 1);
	n = t->nrows * t->ncols;
	t->count = arena_calloc(r->arena, n + 1, sizeof(*t->count));
	t->amount = arena_calloc(r->arena, n + 1, sizeof(*t->amount));
	t->hide = arena_calloc(r->arena, n + 1, sizeof(*t->hide));
	t->hide_col_total =
	    arena_calloc(r->arena, t->ncols, sizeof(*t->hide_col_total));
	t->col_total = arena_calloc(r->arena, t->ncols, sizeof(*t->col_total));
	t->amount_total =
	    arena_calloc(r->arena, t->ncols, sizeof(*t->amount_total));
	p->amount_total_hidden =
	    arena_calloc(r->arena, t->ncols, sizeof(*p->amount_total_hidden));
	for (i = 0; i < users.nrows; i++) {
		j = (size_t)(db_int(&users, i, "year") - first);
		if (j < t->ncols &&
		    (n = service_index(p, db_int(&users, i, "id"))) < t->nrows)
			t->count[n * t->ncols + j] = db_int(&users, i, "users");
	}
	for (i = 0; i < spend.nrows; i++) {
		j = (size_t)(db_int(&spend, i, "year") - first);
		if (j < t->ncols &&
		    (n = service_index(p, db_int(&spend, i, "id"))) <
			t->nrows) {
			t->amount[n * t->ncols + j] = db_int(&spend, i, "cost");
			t->amount_total[j] += db_int(&spend, i, "cost");
		}
	}
	/* The one place: every published cell is decided here. */
	pub_suppress(t, p->k);
	/* Hidden amounts that add up to nothing would be told by their
	 * column's total (each of them is 0): hide that total too. */
	for (j = 0; j < t->ncols; j++) {
		int64_t sum = 0;
		bool any = false;

		for (i = 0; i < t->nrows; i++)
			if (t->hide[i * t->ncols + j]) {
				any = true;
				sum += t->amount[i * t->ncols + j];
			}
		p->amount_total_hidden[j] =
		    t->hide_col_total[j] || (any && sum == 0);
	}
	if (cached)
		pub_cache_put(r, m.code, asked, p);
	return HTTP_OK;
}

/* The years a published page covers: up to this year, from the town's
 * first year of data (first 0: pub_load decides). */
void
pub_years(struct req *r, int64_t *first, int64_t *last)
{
	*last = this_year();
	*first = 0;
}

/*
 * Writes <dataset name><column year total|total-suppressed/>…<row id
 * code group name unit><cell year value|suppressed/>…</row>…</dataset>
 * for the counts or the linked amounts of p.  0 or -1.
 */
static int
write_dataset(struct xml *x, const struct pub *p, enum pub_dataset d)
{
	const struct pub_table *t = &p->t;
	size_t i, j, c;

	if (xml_start(x, "dataset") == -1 ||
	    xml_attr(x, "name", d == PUB_USERS ? "users" : "spending") == -1)
		return -1;
	for (j = 0; j < t->ncols; j++)
		if (xml_start(x, "column") == -1 ||
		    xml_attr_int(x, "year", p->first + (int64_t)j) == -1 ||
		    ((d == PUB_USERS ? t->hide_col_total[j]
				     : p->amount_total_hidden[j])
			    ? xml_attr(x, "total-suppressed", "1")
			    : xml_attr_int(x, "total",
				  d == PUB_USERS ? t->col_total[j]
						 : t->amount_total[j])) == -1 ||
		    xml_end(x) == -1)
			return -1;
	for (i = 0; i < t->nrows; i++) {
		if (xml_start(x, "row") == -1 ||
		    xml_row_attrs(x, &p->services, i) == -1)
			return -1;
		for (j = 0; j < t->ncols; j++) {
			c = i * t->ncols + j;
			if (xml_start(x, "cell") == -1 ||
			    xml_attr_int(x, "year", p->first + (int64_t)j) ==
				-1 ||
			    (t->hide[c] ? xml_attr(x, "suppressed", "1")
					: xml_attr_int(x, "value",
					      d == PUB_USERS ? t->count[c]
							     : t->amount[c])) ==
				-1 ||
			    xml_end(x) == -1)
				return -1;
		}
		if (xml_end(x) == -1)
			return -1;
	}
	return xml_end(x);
}

/*
 * GET /reports/public -> <public first last k currency [surveys="1"]>
 * <municipality/><dataset name="users"/><dataset name="spending"/>
 * </public>: the figures the department publishes (pub_chosen: a
 * dataset it does not publish is not written), drawn as charts by
 * reports-public.xsl with a table beside each; surveys="1" when it
 * links the published survey results.
 */
enum http_status
public_show(struct req *r, struct xml *x)
{
	struct pub p;
	struct muni m;
	enum http_status st;
	bool on[PUBC__MAX];
	int64_t first, last;

	pub_years(r, &first, &last);
	if ((st = muni_load(r, &m)) != HTTP_OK ||
	    (st = pub_chosen(r, m.id, on)) != HTTP_OK)
		return st;
	if ((on[PUBC_USERS] || on[PUBC_SPENDING]) &&
	    (st = pub_load_cached(r, first, last, &p, true)) != HTTP_OK)
		return st;
	if (!on[PUBC_USERS] && !on[PUBC_SPENDING]) {
		p.first = last;
		p.k = m.k;
		p.currency = m.currency;
	}
	if (xml_start(x, "public") == -1 ||
	    xml_attr_int(x, "first", p.first) == -1 ||
	    xml_attr_int(x, "last", last) == -1 ||
	    xml_attr_int(x, "k", p.k) == -1 ||
	    xml_attr(x, "currency", p.currency) == -1 ||
	    xml_attr(x, "surveys", on[PUBC_SURVEYS] ? "1" : NULL) == -1 ||
	    muni_write(x, &m) == -1 ||
	    (on[PUBC_USERS] && write_dataset(x, &p, PUB_USERS) == -1) ||
	    (on[PUBC_SPENDING] && write_dataset(x, &p, PUB_SPENDING) == -1) ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
