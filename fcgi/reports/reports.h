/* SPDX-License-Identifier: ISC */
/*
 * reports.h: karika-reports' handlers, one block per resource file, and
 * the few helpers they share (scope.c): who is asking and for which town,
 * year and provider, and the integer arithmetic of the forecast
 * (forecast_math.c, unit-tested on its own).
 */
#ifndef REPORTS_H
#define REPORTS_H

#include <stdbool.h>
#include <stdint.h>

#define REPORT_YEAR_MIN	      2000
#define REPORT_YEAR_MAX	      2100
#define REPORT_MAX_ROWS	      500 /* services, providers, towns of a page */
#define REPORT_MAX_YEARS      30  /* years a trend or an open file spans */
#define REPORT_MAX_PERSONS    500 /* the CSW's list behind one figure */
#define REPORT_CHART_MAX_BARS 60

/* users.c */
enum http_status users_show(struct req *, struct xml *);

/* scope.c: who asks, for which town, year and provider */
struct rscope {
	int64_t year;	      /* ?year=, or this year (UTC) */
	int64_t month;	      /* ?month= 1-12, or 0 */
	int64_t municipality; /* the caller's town */
	int64_t provider;     /* a provider's own organisation, else 0 */
	bool csw;	      /* may open the people behind a figure */
	bool exact;	      /* small breakdown cells shown as they are */
	const char *code, *name, *currency;
	int64_t k; /* the town's small-cell threshold */
};

int64_t this_year(void);
enum http_status rscope_load(struct req *, struct rscope *);
int rscope_write(struct xml *, const struct rscope *);
int rscope_town(struct xml *, const struct rscope *);
const char *rscope_day(struct req *, int64_t);
/* MONTHS_SRC's six parameters (stmt.c): the town, the years, and the
 * first month read from the deliveries (rscope_open_from). */
#define DBP_MONTHS(town, y1, y2, from)                                         \
	DBP_I(town), DBP_I(y1), DBP_I(y2), DBP_I(town), DBP_S(from), DBP_I(y2)
/* MONTHS_SVC_SRC's eight: the same for one service. */
#define DBP_MONTHS_SVC(town, y1, y2, svc, from)                                \
	DBP_I(town), DBP_I(y1), DBP_I(y2), DBP_I(svc), DBP_I(town),            \
	    DBP_S(from), DBP_I(y2), DBP_I(svc)
enum db_rc rscope_open_from(
    struct req *, int64_t, int64_t, int64_t, const char **);

/* replica.c: figures from a replica when one is configured */
enum db_rc rdb_run(
    struct req *, size_t, const struct db_param *, size_t, struct db_res *);
bool rdb_on_replica(struct req *);
#define RDBQ(r, idx, res, ...)                                                 \
	rdb_run((r), (idx), (const struct db_param[]){__VA_ARGS__},            \
	    sizeof((const struct db_param[]){__VA_ARGS__}) /                   \
		sizeof(struct db_param),                                       \
	    (res))

/* figures.c: users, units, cost and occupancy, drilled down */
enum http_status figures_town(struct req *, struct xml *);
enum http_status figures_service(struct req *, struct xml *);
enum http_status figures_provider(struct req *, struct xml *);
enum http_status figures_persons(struct req *, struct xml *);

/* demand.c: unmet demand beside this year's spending */
enum http_status demand_show(struct req *, struct xml *);

/* forecast.c, scenario.c: next year's forecast and its scenarios */
enum http_status forecast_show(struct req *, struct xml *);
enum http_status forecast_csv(struct req *, struct xml *);
enum http_status scenario_new(struct req *, struct xml *);
enum http_status scenario_create(struct req *, struct xml *);
enum http_status scenario_edit(struct req *, struct xml *);
enum http_status scenario_update(struct req *, struct xml *);
enum http_status scenario_places_new(struct req *, struct xml *);
enum http_status scenario_places_create(struct req *, struct xml *);

/* returns.c: residential institutions' periodic returns */
enum http_status returns_list(struct req *, struct xml *);
enum http_status return_new(struct req *, struct xml *);
enum http_status return_create(struct req *, struct xml *);
enum http_status return_show(struct req *, struct xml *);
enum http_status return_review(struct req *, struct xml *);
enum http_status state_show(struct req *, struct xml *);

/* province.c: several towns side by side */
enum http_status province_show(struct req *, struct xml *);

/* public.c, open.c: published figures, each suppressed in one place */
enum http_status public_show(struct req *, struct xml *);
enum http_status open_index(struct req *, struct xml *);
enum http_status open_users_csv(struct req *, struct xml *);
enum http_status open_users_json(struct req *, struct xml *);
enum http_status open_spending_csv(struct req *, struct xml *);
enum http_status open_spending_json(struct req *, struct xml *);

/* publish.c: the datasets the department publishes (0025) */
enum pub_choice {
	PUBC_USERS,    /* users per service per year: page and files */
	PUBC_SPENDING, /* spending per service per year: page and files */
	PUBC_SURVEYS,  /* the link to the published survey results */
	PUBC__MAX
};
enum http_status pub_chosen(struct req *, int64_t, bool[PUBC__MAX]);
enum http_status publish_settings(struct req *, struct xml *);
enum http_status publish_settings_save(struct req *, struct xml *);

/*
 * forecast_math.c: the forecast's arithmetic, integers only (no floating
 * point in any figure).  Rounding is half away from zero throughout.
 */
int64_t fm_div_round(int64_t, int64_t);
int fm_trend(const int64_t *, const int64_t *, size_t, int64_t, int64_t *,
    int64_t *, int64_t *);
int64_t fm_takeup(int64_t, int64_t);
int64_t fm_price(int64_t, int64_t);
int64_t fm_units(int64_t, int64_t, int64_t);
int64_t fm_cost(int64_t, int64_t);

/*
 * public.c: a published table of counts (rows x columns) and a linked
 * table of amounts hidden with it; pub_suppress() is the one place small
 * cells are hidden, for every public page and open-data file.
 */
struct pub_table {
	size_t nrows, ncols;
	int64_t *count;	 /* nrows * ncols, row-major */
	int64_t *amount; /* linked amounts (para), or NULL */
	bool *hide;	 /* set by pub_suppress */
	bool *hide_col_total;
	int64_t *col_total;
	int64_t *amount_total; /* per column, or NULL */
};

/* What a published dataset counts. */
enum pub_dataset {
	PUB_USERS,    /* people per service per year */
	PUB_SPENDING, /* the same cells' spending, in para */
	PUB__MAX
};

/* A published table as pub_load() leaves it: suppressed. */
struct pub {
	int64_t first, last;	/* years: the columns */
	struct db_res services; /* the rows: id code group name unit */
	struct pub_table t;
	bool *amount_total_hidden; /* per column: the amounts' total */
	const char *currency, *code, *name;
	int64_t k;
};

void pub_suppress(struct pub_table *, int64_t);
enum http_status pub_load(struct req *, int64_t, int64_t, struct pub *);
enum http_status pub_load_cached(
    struct req *, int64_t, int64_t, struct pub *, bool);
void pub_years(struct req *, int64_t *, int64_t *);

/* outcomes.c: activation outcomes and DV figures (issue 15) */
enum http_status outcomes_show(struct req *, struct xml *);
enum http_status dv_figures_show(struct req *, struct xml *);
enum http_status dv_province_show(struct req *, struct xml *);
enum http_status outcomes_province_show(struct req *, struct xml *);

#endif
