/* SPDX-License-Identifier: ISC */
/*
 * main.c: karika-reports, the worker for figures: users per service and
 * their drill-down, unmet demand, next year's forecast and budget, the
 * state returns, the province, the public pages and open data.  It
 * answers /reports/.  This file is its table of routes; worker.c does the
 * rest.
 */
#include "karika.h"
#include "stmt.h"
#include "reports.h"

/* Who sees the town's figures: the department, the CSW, the
 * administrator, and provider staff (their own organisation only). */
#define PERM_FIGURES                                                           \
	(PERM_ROLE(ROLE_ANALYST) | PERM_ROLE(ROLE_CSW) |                       \
	    PERM_ROLE(ROLE_ADMIN) | PERM_ROLE(ROLE_PROVIDER))

/* The town's figures without providers: the department, the CSW, the
 * administrator. */
#define PERM_TOWN                                                              \
	(PERM_ROLE(ROLE_ANALYST) | PERM_ROLE(ROLE_CSW) | PERM_ROLE(ROLE_ADMIN))
/* The returns of residential institutions: their staff (provider
 * accounts of the institution; returns.c checks the category), the
 * department and the administrator. */
#define PERM_RETURNS                                                           \
	(PERM_ROLE(ROLE_PROVIDER) | PERM_ROLE(ROLE_ANALYST) |                  \
	    PERM_ROLE(ROLE_ADMIN))
/* Planning the budget, and choosing what is published: the department
 * and the administrator. */
#define PERM_PLAN (PERM_ROLE(ROLE_ANALYST) | PERM_ROLE(ROLE_ADMIN))

/* Adding a route: see the checklist in fcgi/common/route.c. */
static const struct route routes[] = {
    {METHOD_GET, "/reports/", users_show, "users-per-service", PERM_ANY, 0},
    {METHOD_GET, "/reports/health", route_health, "health", PERM_ANY,
	ROUTE_NO_PAGE},
    {METHOD_GET, "/reports/figures", figures_town, "figures", PERM_FIGURES, 0},
    {METHOD_GET, "/reports/figures/services/%", figures_service,
	"figures-service", PERM_FIGURES, 0},
    {METHOD_GET, "/reports/figures/services/%/providers/%", figures_provider,
	"figures-provider", PERM_FIGURES, 0},
    {METHOD_GET, "/reports/figures/services/%/persons", figures_persons,
	"figures-persons", PERM_ROLE(ROLE_CSW), 0},
    {METHOD_GET, "/reports/figures/services/%/providers/%/persons",
	figures_persons, "figures-persons", PERM_ROLE(ROLE_CSW), 0},
    {METHOD_GET, "/reports/demand", demand_show, "demand", PERM_TOWN, 0},
    {METHOD_GET, "/reports/forecast", forecast_show, "forecast", PERM_PLAN, 0},
    {METHOD_GET, "/reports/forecast.csv", forecast_csv, "forecast-csv",
	PERM_PLAN, ROUTE_STREAM},
    {METHOD_GET, "/reports/scenarios/new", scenario_new, "scenario-new",
	PERM_PLAN, ROUTE_FORM},
    {METHOD_POST, "/reports/scenarios/new", scenario_create, "scenario-new",
	PERM_PLAN, ROUTE_FORM},
    {METHOD_GET, "/reports/scenarios/%/edit", scenario_edit, "scenario-edit",
	PERM_PLAN, ROUTE_FORM},
    {METHOD_POST, "/reports/scenarios/%/edit", scenario_update, "scenario-edit",
	PERM_PLAN, ROUTE_FORM},
    {METHOD_GET, "/reports/scenarios/%/places", scenario_places_new,
	"scenario-places", PERM_PLAN, ROUTE_FORM},
    {METHOD_POST, "/reports/scenarios/%/places", scenario_places_create,
	"scenario-places", PERM_PLAN, ROUTE_FORM},
    {METHOD_GET, "/reports/returns", returns_list, "returns", PERM_RETURNS, 0},
    {METHOD_GET, "/reports/returns/new", return_new, "return-new",
	PERM_ROLE(ROLE_PROVIDER), ROUTE_FORM},
    {METHOD_POST, "/reports/returns/new", return_create, "return-new",
	PERM_ROLE(ROLE_PROVIDER), ROUTE_FORM},
    {METHOD_GET, "/reports/returns/%", return_show, "return", PERM_RETURNS,
	ROUTE_FORM},
    {METHOD_POST, "/reports/returns/%", return_review, "return", PERM_PLAN,
	ROUTE_FORM},
    {METHOD_GET, "/reports/state", state_show, "state", PERM_TOWN, 0},
    {METHOD_GET, "/reports/province", province_show, "province",
	PERM_ROLE(ROLE_ANALYST), 0},
    {METHOD_GET, "/reports/public", public_show, "public", PERM_ANY, 0},
    {METHOD_GET, "/reports/public/settings", publish_settings,
	"public-settings", PERM_PLAN, ROUTE_FORM},
    {METHOD_POST, "/reports/public/settings", publish_settings_save,
	"public-settings", PERM_PLAN, ROUTE_FORM},
    {METHOD_GET, "/reports/open/", open_index, "open", PERM_ANY, 0},
    {METHOD_GET, "/reports/open/users.csv", open_users_csv, "open-users-csv",
	PERM_ANY, ROUTE_STREAM},
    {METHOD_GET, "/reports/open/users.json", open_users_json, "open-users-json",
	PERM_ANY, ROUTE_STREAM},
    {METHOD_GET, "/reports/open/spending.csv", open_spending_csv,
	"open-spending-csv", PERM_ANY, ROUTE_STREAM},
    {METHOD_GET, "/reports/open/spending.json", open_spending_json,
	"open-spending-json", PERM_ANY, ROUTE_STREAM},
    /* outcomes.c (issue 15): activation outcomes for the CSW, the
     * analyst and the administrator; DV figures for the same, and town
     * by town for a provincial analyst. */
    {METHOD_GET, "/reports/outcomes", outcomes_show, "outcomes",
	PERM_ROLE(ROLE_CSW) | PERM_ROLE(ROLE_ANALYST) | PERM_ROLE(ROLE_ADMIN),
	0},
    {METHOD_GET, "/reports/dv", dv_figures_show, "dv-figures",
	PERM_ROLE(ROLE_CSW) | PERM_ROLE(ROLE_ANALYST) | PERM_ROLE(ROLE_ADMIN),
	0},
    {METHOD_GET, "/reports/dv/province", dv_province_show, "dv-province",
	PERM_ROLE(ROLE_ANALYST), 0},
    {METHOD_GET, "/reports/outcomes/province", outcomes_province_show,
	"outcomes-province", PERM_ROLE(ROLE_ANALYST), 0},
};

WORKER_MAIN("reports", routes)
