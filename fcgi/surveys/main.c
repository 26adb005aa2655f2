/* SPDX-License-Identifier: ISC */
/*
 * main.c: karika-surveys, the public worker for the anonymous needs-mapping
 * surveys and their published results.  It answers /surveys/.  This file
 * is its table of routes; worker.c does the rest.
 */
#include "karika.h"
#include "stmt.h"
#include "surveys.h"

/* Adding a route: see the checklist in fcgi/common/route.c. */
static const struct route routes[] = {
    {METHOD_GET, "/surveys/", survey_list, "surveys", PERM_ANY, 0},
    {METHOD_GET, "/surveys/health", route_health, "health", PERM_ANY,
	ROUTE_NO_PAGE},
};

WORKER_MAIN("surveys", routes)
