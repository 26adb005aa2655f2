/* SPDX-License-Identifier: ISC */
/*
 * main.c: karika-reports, the read-only worker for aggregates: users per
 * service, unmet demand, cost per unit, the forecast.  It answers
 * /reports/.  This file is its table of routes; worker.c does the rest.
 */
#include "karika.h"
#include "stmt.h"
#include "reports.h"

/* Adding a route: see the checklist in fcgi/common/route.c. */
static const struct route routes[] = {
    {METHOD_GET, "/reports/", users_show, "users-per-service", PERM_ANY, 0},
    {METHOD_GET, "/reports/health", route_health, "health", PERM_ANY,
	ROUTE_NO_PAGE},
};

WORKER_MAIN("reports", routes)
