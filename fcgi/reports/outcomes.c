/* SPDX-License-Identifier: ISC */
/*
 * outcomes.c: the figures of case management and of the domestic-violence
 * module (issue 15), read only through the registry's views without
 * names (report_case_outcome, report_case_priority, report_dv; 0010).
 *
 * Activation outcomes: cases closed in a year by outcome (training
 * completed, employed through case management, employed through social
 * entrepreneurship, self-employed, exit), with the jobs among them, then
 * by priority group, by the partner through whom, and year by year.  The
 * town's line per outcome is its headline figure and is exact for the
 * staff who may open the page (the pilot reported "10 jobs: 6 and 4");
 * the breakdowns by group and partner are exact for the CSW and
 * suppressed (cells.c) for the analyst and the administrator, as in
 * figures outside the CSW (DOMAIN, "Small numbers").
 *
 * Domestic violence: cases by kind of violence, relationship, month and
 * urgent measures, for the CSW, the analyst and the administrator of the
 * town, and for a provincial analyst town by town (report_analyst_scope,
 * 0011).  Always suppressed, for every caller: the most sensitive data
 * of the platform, and counts of victims.
 */
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "reports.h"

#define OUT_YEAR_MIN   2000
#define OUT_YEAR_MAX   2100
#define OUT_YEARS      10  /* rows of the year-by-year table */
#define OUT_MAX_GROUPS 50  /* priority groups of a town */
#define OUT_MAX_ORGS   200 /* partners with an outcome in a year */
#define OUT_MAX_TOWNS  100 /* towns of a provincial analyst */

enum { OC_TRAINING, OC_CM, OC_SE, OC_SELF, OC_EXIT, OC__MAX };
static const char *const oc_codes[OC__MAX] = {
    "training",	     /* OC_TRAINING */
    "employed-cm",   /* OC_CM */
    "employed-se",   /* OC_SE */
    "self-employed", /* OC_SELF */
    "exit",	     /* OC_EXIT */
};

enum { DK_PHYSICAL, DK_PSYCH, DK_SEXUAL, DK_ECONOMIC, DK_STALKING, DK__MAX };
static const char *const dv_kinds[DK__MAX] = {
    "physical",	     /* DK_PHYSICAL */
    "psychological", /* DK_PSYCH */
    "sexual",	     /* DK_SEXUAL */
    "economic",	     /* DK_ECONOMIC */
    "stalking",	     /* DK_STALKING */
};

#define DV_RELS 8
static const char *const dv_rels[DV_RELS] = {"spouse", "former-spouse",
    "partner", "former-partner", "parent", "child", "sibling", "other-family"};

enum { OQ_YEAR, OQ__MAX };
static const struct field year_fields[OQ__MAX] = {
    {"year", VALID_INT, false, OUT_YEAR_MIN, OUT_YEAR_MAX, "report.year", "off",
	NULL, NULL},
};

/*
 * A table of counts as the page gets it: columns and rows named by a
 * catalogue key or by a name (a group, a partner, a year), cells hidden
 * where hide[] says, and per row an optional total.
 */
struct otab {
	const char *id; /* the table's caption key is "outcomes.<id>" */
	size_t nrows, ncols;
	const char **col_key, **col_name;
	const char **row_key, **row_name;
	int64_t *n;	  /* nrows * ncols, row-major */
	bool *hide;	  /* nrows * ncols */
	bool totals;	  /* a last column with the row's total */
	int64_t *total;	  /* nrows */
	bool *hide_total; /* nrows */
};

/* Allocates t's arrays in the arena for nrows x ncols, all zero. */
static void
otab_init(
    struct req *r, struct otab *t, const char *id, size_t nrows, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->id = id;
	t->nrows = nrows;
	t->ncols = ncols;
	t->col_key = arena_calloc(r->arena, ncols + 1, sizeof(*t->col_key));
	t->col_name = arena_calloc(r->arena, ncols + 1, sizeof(*t->col_name));
	t->row_key = arena_calloc(r->arena, nrows + 1, sizeof(*t->row_key));
	t->row_name = arena_calloc(r->arena, nrows + 1, sizeof(*t->row_name));
	t->n = arena_calloc(r->arena, nrows * ncols + 1, sizeof(*t->n));
	t->hide = arena_calloc(r->arena, nrows * ncols + 1, sizeof(*t->hide));
	t->total = arena_calloc(r->arena, nrows + 1, sizeof(*t->total));
	t->hide_total =
	    arena_calloc(r->arena, nrows + 1, sizeof(*t->hide_total));
}

/* Row totals, and which must be hidden: a row under k, or a row with a
 * lone hidden cell that could be recovered from it. */
static void
otab_totals(struct otab *t, int64_t k)
{
	size_t i, j, hidden;

	t->totals = true;
	for (i = 0; i < t->nrows; i++) {
		t->total[i] = 0;
		for (hidden = 0, j = 0; j < t->ncols; j++) {
			t->total[i] += t->n[i * t->ncols + j];
			hidden += t->hide[i * t->ncols + j];
		}
		t->hide_total[i] = hidden == 1 ||
		    (k > 0 && t->total[i] > 0 && t->total[i] < k);
	}
}

/* The index of code in the n codes, or n. */
static size_t
code_index(const char *const *codes, size_t n, const char *code)
{
	size_t i;

	for (i = 0; i < n && code != NULL; i++)
		if (strcmp(codes[i], code) == 0)
			return i;
	return n;
}

/* <c n="…"/> or <c hidden="1"/>. */
static int
write_cell(struct xml *x, const char *elem, int64_t n, bool hide)
{
	if (xml_start(x, elem) == -1 ||
	    (hide ? xml_attr(x, "hidden", "1") : xml_attr_int(x, "n", n)) ==
		-1 ||
	    xml_end(x) == -1)
		return -1;
	return 0;
}

/*
 * <tab id><col key|name/>…<row id key|name><c/>…<sum/></row>…</tab>: a
 * hidden cell carries no number, so it never reaches the page.  0 or -1.
 */
static int
otab_write(struct xml *x, const struct otab *t)
{
	size_t i, j;

	if (xml_start(x, "tab") == -1 || xml_attr(x, "id", t->id) == -1 ||
	    (t->totals && xml_attr(x, "totals", "1") == -1))
		return -1;
	for (j = 0; j < t->ncols; j++)
		if (xml_start(x, "col") == -1 ||
		    xml_attr(x, "key", t->col_key[j]) == -1 ||
		    xml_attr(x, "name", t->col_name[j]) == -1 ||
		    xml_end(x) == -1)
			return -1;
	for (i = 0; i < t->nrows; i++) {
		if (xml_start(x, "row") == -1 ||
		    xml_attr(x, "key", t->row_key[i]) == -1 ||
		    xml_attr(x, "name", t->row_name[i]) == -1)
			return -1;
		for (j = 0; j < t->ncols; j++)
			if (write_cell(x, "c", t->n[i * t->ncols + j],
				t->hide[i * t->ncols + j]) == -1)
				return -1;
		if (t->totals &&
		    write_cell(x, "sum", t->total[i], t->hide_total[i]) == -1)
			return -1;
		if (xml_end(x) == -1)
			return -1;
	}
	return xml_end(x);
}

/*
 * The year asked for (?year=, else this year in UTC) and the caller's
 * town.  HTTP_OK; 400 for a malformed year; the town's outcome (503).
 */
static enum http_status
out_scope(struct req *r, struct muni *m, int64_t *year)
{
	struct form f;
	struct tm tm;
	time_t now = time(NULL);

	form_validate(r, year_fields, OQ__MAX, &f);
	if (f.nerrors > 0)
		return HTTP_BAD_REQUEST;
	if (f.present[OQ_YEAR] && *f.text[OQ_YEAR] != '\0')
		*year = f.num[OQ_YEAR];
	else
		*year = gmtime_r(&now, &tm) != NULL ? tm.tm_year + 1900
						    : OUT_YEAR_MIN;
	return muni_load(r, m);
}

/*
 * One column of outcome counts (OC__MAX cells, then the jobs and the
 * total rows) from rows of (outcome, n), hidden for k unless k is 0.
 * Jobs are hidden when any of their outcomes is (else subtraction would
 * give it back), the total when the column has a lone hidden cell.
 */
static void
outcome_column(struct otab *t, size_t col, const int64_t *cell, int64_t k)
{
	int64_t v[OC__MAX], total = 0;
	bool h[OC__MAX];
	size_t i, hidden = 0, nc = t->ncols;

	for (i = 0; i < OC__MAX; i++) {
		v[i] = cell[i];
		total += v[i];
		h[i] = false;
	}
	if (k > 0)
		cells_suppress(v, h, OC__MAX, k);
	for (i = 0; i < OC__MAX; i++) {
		t->n[i * nc + col] = v[i];
		t->hide[i * nc + col] = h[i];
		hidden += h[i];
	}
	t->n[OC__MAX * nc + col] = v[OC_CM] + v[OC_SE] + v[OC_SELF];
	t->hide[OC__MAX * nc + col] = h[OC_CM] || h[OC_SE] || h[OC_SELF] ||
	    (k > 0 && t->n[OC__MAX * nc + col] > 0 &&
		t->n[OC__MAX * nc + col] < k);
	t->n[(OC__MAX + 1) * nc + col] = total;
	t->hide[(OC__MAX + 1) * nc + col] =
	    k > 0 && (hidden == 1 || (total > 0 && total < k));
}

/*
 * Outcomes by priority group: the town (exact) and each group (hidden
 * for k unless exact).  0, -1, or the database's rc.
 */
static enum db_rc
load_by_group(struct req *r, const struct muni *m, int64_t year, bool exact,
    struct otab *t)
{
	struct db_res g, all, bg;
	enum db_rc rc;
	int64_t *cells;
	size_t i, j, ng, col;

	if ((rc = DBQ(r, STMT_OUT_GROUPS, &g, DBP_LOCALE(r), DBP_I(m->id))) !=
		DB_OK ||
	    (rc = DBQ(r, STMT_OUT_ALL, &all, DBP_I(m->id), DBP_I(year),
		 DBP_I(year))) != DB_OK ||
	    (rc = DBQ(r, STMT_OUT_BY_GROUP, &bg, DBP_I(m->id), DBP_I(year),
		 DBP_I(year))) != DB_OK)
		return rc;
	ng = g.nrows < OUT_MAX_GROUPS ? g.nrows : OUT_MAX_GROUPS;
	otab_init(r, t, "by-group", OC__MAX + 2, ng + 1);
	cells = arena_calloc(r->arena, (ng + 1) * OC__MAX, sizeof(*cells));
	for (i = 0; i < all.nrows; i++)
		if ((j = code_index(oc_codes, OC__MAX,
			 db_str(&all, i, "outcome"))) < OC__MAX)
			cells[j] = db_int(&all, i, "n");
	for (i = 0; i < bg.nrows; i++) {
		int64_t gid = db_int(&bg, i, "grp");

		if ((j = code_index(oc_codes, OC__MAX,
			 db_str(&bg, i, "outcome"))) == OC__MAX)
			continue;
		for (col = 0; col < ng; col++)
			if (db_int(&g, col, "id") == gid)
				cells[(col + 1) * OC__MAX + j] =
				    db_int(&bg, i, "n");
	}
	t->col_key[0] = "outcomes.town";
	for (col = 0; col < ng; col++)
		t->col_name[col + 1] = db_str(&g, col, "name");
	for (i = 0; i < OC__MAX; i++)
		t->row_key[i] =
		    arena_printf(r->arena, "outcome.%s", oc_codes[i]);
	t->row_key[OC__MAX] = "outcomes.jobs";
	t->row_key[OC__MAX + 1] = "outcomes.total";
	for (col = 0; col <= ng; col++)
		outcome_column(t, col, cells + col * OC__MAX,
		    col == 0 || exact ? 0 : m->k);
	return DB_OK;
}

/*
 * Outcomes by the partner through whom (a row per partner and one for
 * none), hidden for k unless exact: rows have their totals, and each
 * column adds up to the town's exact line, so the table is suppressed
 * both ways (cells_suppress_table).
 */
static enum db_rc
load_by_partner(struct req *r, const struct muni *m, int64_t year, bool exact,
    struct otab *t)
{
	struct db_res res;
	enum db_rc rc;
	size_t i, j, row, nr = 0;
	int64_t last = -1;

	if ((rc = DBQ(r, STMT_OUT_BY_PARTNER, &res, DBP_LOCALE(r), DBP_I(m->id),
		 DBP_I(year), DBP_I(year))) != DB_OK)
		return rc;
	/* Rows come ordered by partner, the one for none last.  That one
	 * is always there, zeros and all: with a single partner its cells
	 * are what a lone hidden cell of a column is hidden with, else the
	 * town's line would give it back (issue 14). */
	for (i = 0; i < res.nrows; i++) {
		int64_t org =
		    db_str(&res, i, "org") != NULL ? db_int(&res, i, "org") : 0;

		if (i == 0 || org != last)
			nr++;
		last = org;
	}
	if (nr > OUT_MAX_ORGS)
		nr = OUT_MAX_ORGS;
	if (res.nrows == 0 || last != 0)
		nr++;
	otab_init(r, t, "by-partner", nr, OC__MAX);
	t->row_key[nr - 1] = "outcomes.no-partner";
	for (j = 0; j < OC__MAX; j++)
		t->col_key[j] =
		    arena_printf(r->arena, "outcome.%s", oc_codes[j]);
	for (row = 0, last = -1, i = 0; i < res.nrows; i++) {
		int64_t org =
		    db_str(&res, i, "org") != NULL ? db_int(&res, i, "org") : 0;

		if (i > 0 && org != last)
			row++;
		last = org;
		if (org == 0)
			row = nr - 1;
		else if (row >= nr - 1)
			continue; /* past OUT_MAX_ORGS */
		else
			t->row_name[row] = db_str(&res, i, "name");
		if ((j = code_index(oc_codes, OC__MAX,
			 db_str(&res, i, "outcome"))) < OC__MAX)
			t->n[row * OC__MAX + j] = db_int(&res, i, "n");
	}
	if (!exact)
		cells_suppress_table(t->n, t->hide, t->nrows, t->ncols, m->k);
	otab_totals(t, exact ? 0 : m->k);
	return DB_OK;
}

/* Outcomes year by year, the OUT_YEARS years up to year: the town's
 * headline figures, exact. */
static enum db_rc
load_by_year(struct req *r, const struct muni *m, int64_t year, struct otab *t)
{
	struct db_res res;
	enum db_rc rc;
	size_t i, j, row;

	if ((rc = DBQ(r, STMT_OUT_BY_YEAR, &res, DBP_I(m->id),
		 DBP_I(year - OUT_YEARS + 1), DBP_I(year))) != DB_OK)
		return rc;
	otab_init(r, t, "by-year", OUT_YEARS, OC__MAX);
	for (j = 0; j < OC__MAX; j++)
		t->col_key[j] =
		    arena_printf(r->arena, "outcome.%s", oc_codes[j]);
	for (row = 0; row < OUT_YEARS; row++)
		t->row_name[row] = arena_printf(
		    r->arena, "%lld", (long long)(year - (int64_t)row));
	for (i = 0; i < res.nrows; i++) {
		int64_t y = db_int(&res, i, "y");

		if (y > year || y <= year - OUT_YEARS)
			continue;
		row = (size_t)(year - y);
		if ((j = code_index(oc_codes, OC__MAX,
			 db_str(&res, i, "outcome"))) < OC__MAX)
			t->n[row * OC__MAX + j] = db_int(&res, i, "n");
	}
	otab_totals(t, 0);
	return DB_OK;
}

/*
 * GET /reports/outcomes[?year=YYYY]: <outcomes year k [exact]>
 * <municipality/><tab id="by-group"/><tab id="by-partner"/>
 * <tab id="by-year"/></outcomes>.  The CSW, the analyst and the
 * administrator of the town (the route's permission); 400 for a
 * malformed year.
 */
enum http_status
outcomes_show(struct req *r, struct xml *x)
{
	struct muni m;
	struct otab bg, bp, by;
	enum http_status st;
	enum db_rc rc;
	int64_t year;
	bool exact = (r->sess->perms & PERM_ROLE(ROLE_CSW)) != 0;

	if ((st = out_scope(r, &m, &year)) != HTTP_OK)
		return st;
	if ((rc = load_by_group(r, &m, year, exact, &bg)) != DB_OK ||
	    (rc = load_by_partner(r, &m, year, exact, &bp)) != DB_OK ||
	    (rc = load_by_year(r, &m, year, &by)) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "outcomes") == -1 ||
	    xml_attr_int(x, "year", year) == -1 ||
	    xml_attr_int(x, "k", m.k) == -1 ||
	    (exact && xml_attr(x, "exact", "1") == -1) ||
	    muni_write(x, &m) == -1 || otab_write(x, &bg) == -1 ||
	    otab_write(x, &bp) == -1 || otab_write(x, &by) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * GET /reports/outcomes/province[?year=YYYY]: for a provincial analyst,
 * the towns they are an analyst of (report_analyst_scope, as province.c)
 * a row each, with the cases closed in the year by outcome, the jobs and
 * the cases closed, and the province's line.  Each town's line is that
 * town's headline figure, exact as on /reports/outcomes.
 */
enum http_status
outcomes_province_show(struct req *r, struct xml *x)
{
	struct muni m;
	struct db_res res;
	struct otab t;
	enum http_status st;
	enum db_rc rc;
	int64_t year;
	size_t i, j, nt, nc = OC__MAX + 1;

	if ((st = out_scope(r, &m, &year)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_OUT_PROVINCE, &res, DBP_LOCALE(r), DBP_I(year),
		 DBP_I(year), DBP_I(r->sess->account))) != DB_OK)
		return db_status(rc);
	nt = res.nrows < OUT_MAX_TOWNS ? res.nrows : OUT_MAX_TOWNS;
	otab_init(r, &t, "out-province", nt + 1, nc);
	for (j = 0; j < OC__MAX; j++)
		t.col_key[j] =
		    arena_printf(r->arena, "outcome.%s", oc_codes[j]);
	t.col_key[OC__MAX] = "outcomes.jobs";
	t.totals = true;
	for (i = 0; i <= nt; i++) {
		if (i < nt)
			t.row_name[i] = db_str(&res, i, "name");
		else
			t.row_key[i] = "outcomes.province";
		for (j = 0; j < OC__MAX; j++) {
			int64_t v = i < nt ? db_int(&res, i, oc_codes[j])
					   : t.n[nt * nc + j];

			if (i < nt) {
				t.n[i * nc + j] = v;
				t.n[nt * nc + j] += v;
			}
			t.total[i] += v;
		}
		t.n[i * nc + OC__MAX] = t.n[i * nc + OC_CM] +
		    t.n[i * nc + OC_SE] + t.n[i * nc + OC_SELF];
	}
	if (xml_start(x, "outcomes-province") == -1 ||
	    xml_attr_int(x, "year", year) == -1 ||
	    xml_attr_int(x, "k", m.k) == -1 || otab_write(x, &t) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* --- domestic violence ------------------------------------------------ */

/*
 * The town's DV figures for a year: cases, by kind (a case may have
 * several), with urgent measures; by relationship; by month.  All
 * hidden for k.
 */
static enum db_rc
load_dv_town(struct req *r, const struct muni *m, int64_t year,
    struct otab *kinds, struct otab *rel, struct otab *mon)
{
	struct db_res sum, rs, ms;
	enum db_rc rc;
	size_t i, j;

	if ((rc = DBQ(r, STMT_DVF_SUMMARY, &sum, DBP_I(m->id), DBP_I(year))) !=
		DB_OK ||
	    (rc = DBQ(r, STMT_DVF_RELATIONSHIP, &rs, DBP_I(m->id),
		 DBP_I(year))) != DB_OK ||
	    (rc = DBQ(r, STMT_DVF_MONTHS, &ms, DBP_I(m->id), DBP_I(year))) !=
		DB_OK)
		return rc;
	/* Kinds and measures: each a count of cases, not adding up to
	 * anything published, so each is hidden under k on its own. */
	otab_init(r, kinds, "dv-kinds", DK__MAX + 3, 1);
	kinds->col_key[0] = "outcomes.dv.cases";
	for (i = 0; i < DK__MAX; i++) {
		kinds->row_key[i] =
		    arena_printf(r->arena, "dvkind.%s", dv_kinds[i]);
		kinds->n[i] = sum.nrows > 0 ? db_int(&sum, 0, dv_kinds[i]) : 0;
	}
	kinds->row_key[DK__MAX] = "outcomes.dv.measures";
	kinds->row_key[DK__MAX + 1] = "outcomes.dv.extended";
	kinds->row_key[DK__MAX + 2] = "outcomes.dv.all";
	if (sum.nrows > 0) {
		kinds->n[DK__MAX] = db_int(&sum, 0, "measures");
		kinds->n[DK__MAX + 1] = db_int(&sum, 0, "extended");
		kinds->n[DK__MAX + 2] = db_int(&sum, 0, "cases");
	}
	for (i = 0; i < kinds->nrows; i++)
		kinds->hide[i] = kinds->n[i] > 0 && kinds->n[i] < m->k;
	/* Relationships and months add up to the cases: one group each. */
	otab_init(r, rel, "dv-relationship", DV_RELS, 1);
	rel->col_key[0] = "outcomes.dv.cases";
	for (i = 0; i < DV_RELS; i++)
		rel->row_key[i] =
		    arena_printf(r->arena, "dvrel.%s", dv_rels[i]);
	for (i = 0; i < rs.nrows; i++)
		if ((j = code_index(dv_rels, DV_RELS,
			 db_str(&rs, i, "relationship"))) < DV_RELS)
			rel->n[j] = db_int(&rs, i, "n");
	cells_suppress(rel->n, rel->hide, rel->nrows, m->k);
	otab_init(r, mon, "dv-months", 12, 1);
	mon->col_key[0] = "outcomes.dv.cases";
	for (i = 0; i < 12; i++)
		mon->row_key[i] = arena_printf(r->arena, "month.%zu", i + 1);
	for (i = 0; i < ms.nrows; i++) {
		int64_t mo = db_int(&ms, i, "m");

		if (mo >= 1 && mo <= 12)
			mon->n[mo - 1] = db_int(&ms, i, "n");
	}
	cells_suppress(mon->n, mon->hide, mon->nrows, m->k);
	/* Relationships and months add up to the cases: a lone hidden one
	 * (nothing to hide with it) would come back from that number. */
	for (i = 0, j = 0; i < DV_RELS; i++)
		j += rel->hide[i];
	if (j == 1)
		kinds->hide[DK__MAX + 2] = true;
	for (i = 0, j = 0; i < 12; i++)
		j += mon->hide[i];
	if (j == 1)
		kinds->hide[DK__MAX + 2] = true;
	return DB_OK;
}

/*
 * GET /reports/dv[?year=YYYY]: <dv-figures year k><municipality/>
 * <tab id="dv-kinds"/><tab id="dv-relationship"/><tab id="dv-months"/>
 * </dv-figures>, every cell under k hidden.  No name, no case: counts.
 */
enum http_status
dv_figures_show(struct req *r, struct xml *x)
{
	struct muni m;
	struct otab kinds, rel, mon;
	enum http_status st;
	enum db_rc rc;
	int64_t year;

	if ((st = out_scope(r, &m, &year)) != HTTP_OK)
		return st;
	if ((rc = load_dv_town(r, &m, year, &kinds, &rel, &mon)) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "dv-figures") == -1 ||
	    xml_attr_int(x, "year", year) == -1 ||
	    xml_attr_int(x, "k", m.k) == -1 || muni_write(x, &m) == -1 ||
	    otab_write(x, &kinds) == -1 || otab_write(x, &rel) == -1 ||
	    otab_write(x, &mon) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * GET /reports/dv/province[?year=YYYY]: the towns the caller is an
 * analyst of (report_analyst_scope), a row each, with the cases and the
 * cases of each kind, and the province's line.  Each column adds up to
 * the province's line (kinds overlap within a row, so rows have no
 * total): each is hidden for the strictest k of the towns, and the
 * province's line where a lone hidden cell would come back from it.
 */
enum http_status
dv_province_show(struct req *r, struct xml *x)
{
	struct muni m;
	struct db_res res;
	struct otab t;
	enum http_status st;
	enum db_rc rc;
	int64_t year, k;
	int64_t col[OUT_MAX_TOWNS];
	bool hide[OUT_MAX_TOWNS];
	size_t i, j, nt, nc = DK__MAX + 1, hidden;

	if ((st = out_scope(r, &m, &year)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_DVF_PROVINCE, &res, DBP_LOCALE(r), DBP_I(year),
		 DBP_I(r->sess->account))) != DB_OK)
		return db_status(rc);
	nt = res.nrows < OUT_MAX_TOWNS ? res.nrows : OUT_MAX_TOWNS;
	for (k = m.k, i = 0; i < nt; i++)
		if (db_int(&res, i, "k") > k)
			k = db_int(&res, i, "k");
	otab_init(r, &t, "dv-province", nt + 1, nc);
	t.col_key[0] = "outcomes.dv.all";
	for (j = 0; j < DK__MAX; j++)
		t.col_key[j + 1] =
		    arena_printf(r->arena, "dvkind.%s", dv_kinds[j]);
	for (i = 0; i < nt; i++) {
		t.row_name[i] = db_str(&res, i, "name");
		t.n[i * nc] = db_int(&res, i, "cases");
		for (j = 0; j < DK__MAX; j++)
			t.n[i * nc + j + 1] = db_int(&res, i, dv_kinds[j]);
	}
	t.row_key[nt] = "outcomes.province";
	for (j = 0; j < nc; j++) {
		int64_t total = 0;

		for (i = 0; i < nt; i++)
			total += col[i] = t.n[i * nc + j];
		cells_suppress(col, hide, nt, k);
		for (hidden = 0, i = 0; i < nt; i++) {
			t.hide[i * nc + j] = hide[i];
			hidden += hide[i];
		}
		t.n[nt * nc + j] = total;
		t.hide[nt * nc + j] = hidden == 1 || (total > 0 && total < k);
	}
	if (xml_start(x, "dv-province") == -1 ||
	    xml_attr_int(x, "year", year) == -1 ||
	    xml_attr_int(x, "k", k) == -1 || otab_write(x, &t) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
