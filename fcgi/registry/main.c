/* SPDX-License-Identifier: ISC */
/*
 * main.c: karika-registry, the worker that owns the register: the
 * municipality, the service catalogue, providers, people and their
 * enrolments (and, with issue 4, accounts).  It answers /, /registry/ and
 * /account/.  This file is its table of routes; worker.c does the rest.
 */
#include "karika.h"
#include "stmt.h"
#include "registry.h"

/* Adding a route: see the checklist in fcgi/common/route.c. */
static const struct route routes[] = {
    {METHOD_GET, "/", home_show, "home", PERM_ANY, 0},
    {METHOD_GET, "/registry/services", service_list, "services", PERM_ANY, 0},
    {METHOD_GET, "/registry/health", route_health, "health", PERM_ANY,
	ROUTE_NO_PAGE},
};

static const struct worker_def def = {
    "registry",
    routes,
    sizeof(routes) / sizeof(routes[0]),
    stmt_sql,
    STMT__MAX,
};

int
main(int argc, char **argv)
{
	return worker_main(argc, argv, &def);
}
