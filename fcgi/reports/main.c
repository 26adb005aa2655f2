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
};

WORKER_MAIN("reports", routes)
