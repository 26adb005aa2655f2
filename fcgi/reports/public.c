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
 * the rule, and t/88-reports.t tries every published figure.
 */
#include <string.h>

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
	struct muni m;
	struct db_res users, spend;
	struct pub_table *t = &p->t;
	enum http_status st;
	size_t i, j, n;

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
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
	    RDBQ(r, STMT_SPEND_BY_YEAR, &spend, DBP_I(m.id), DBP_I(first),
		DBP_I(last)) != DB_OK)
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
 * GET /reports/public -> <public first last k currency><municipality/>
 * <dataset name="users"/><dataset name="spending"/></public>: the
 * department's published figures, drawn as charts by reports-public.xsl
 * with a table beside each.
 */
enum http_status
public_show(struct req *r, struct xml *x)
{
	struct pub p;
	struct muni m;
	enum http_status st;
	int64_t first, last;

	pub_years(r, &first, &last);
	if ((st = pub_load(r, first, last, &p)) != HTTP_OK ||
	    (st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if (xml_start(x, "public") == -1 ||
	    xml_attr_int(x, "first", p.first) == -1 ||
	    xml_attr_int(x, "last", last) == -1 ||
	    xml_attr_int(x, "k", p.k) == -1 ||
	    xml_attr(x, "currency", p.currency) == -1 ||
	    muni_write(x, &m) == -1 || write_dataset(x, &p, PUB_USERS) == -1 ||
	    write_dataset(x, &p, PUB_SPENDING) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
