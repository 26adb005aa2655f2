/* SPDX-License-Identifier: ISC */
/*
 * main.c: karika-applications, the worker where parents and guardians
 * apply for services and follow the decision.  It answers /applications/.
 * This file is its table of routes; worker.c does the rest.
 */
#include "karika.h"
#include "stmt.h"
#include "applications.h"

/* Adding a route: see the checklist in fcgi/common/route.c. */
static const struct route routes[] = {
    {METHOD_GET, "/applications/", service_list, "services", PERM_ANY, 0},
    {METHOD_GET, "/applications/health", route_health, "health", PERM_ANY,
	ROUTE_NO_PAGE},
};

WORKER_MAIN("applications", routes)
