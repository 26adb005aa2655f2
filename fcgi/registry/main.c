/* SPDX-License-Identifier: ISC */
/*
 * main.c: karika-registry, the worker that owns the register: the
 * municipality, the service catalogue, providers, people and their
 * enrolments, and the accounts.  It answers /, /registry/ and /account/.
 * This file is its table of routes; worker.c does the rest.
 */
#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define ADMIN PERM_ROLE(ROLE_ADMIN)
#define FORM  ROUTE_FORM
/* organisations, enrolments, deliveries: who may ask at all */
#define PROVIDER PERM_ROLE(ROLE_PROVIDER)
#define CARE	 (PROVIDER | PERM_ROLE(ROLE_CSW))
#define ORGS	 (CARE | PERM_ROLE(ROLE_ANALYST) | ADMIN)

/*
 * Adding a route: see the checklist in fcgi/common/route.c, and add its
 * rows to tests/integration/routes.tsv (the route x role matrix).
 */
static const struct route routes[] = {
    {METHOD_GET, "/", home_show, "home", PERM_ANY, 0},
    {METHOD_GET, "/registry/services", service_list, "services", PERM_ANY, 0},
    {METHOD_GET, "/registry/health", route_health, "health", PERM_ANY,
	ROUTE_NO_PAGE},
    {METHOD_GET, "/account/register", register_new, "register", PERM_ANY, FORM},
    {METHOD_POST, "/account/register", register_create, "register", PERM_ANY,
	FORM},
    {METHOD_GET, "/account/register/sent", register_sent, "register-sent",
	PERM_ANY, 0},
    {METHOD_GET, "/account/confirm", confirm_show, "confirm", PERM_ANY, FORM},
    {METHOD_POST, "/account/confirm", confirm_do, "confirm", PERM_ANY, FORM},
    {METHOD_GET, "/account/login", login_new, "login", PERM_ANY, FORM},
    {METHOD_POST, "/account/login", login_create, "login", PERM_ANY, FORM},
    {METHOD_POST, "/account/logout", logout, "logout", PERM_USER, 0},
    {METHOD_GET, "/account/password/forgot", forgot_new, "forgot", PERM_ANY,
	FORM},
    {METHOD_POST, "/account/password/forgot", forgot_create, "forgot", PERM_ANY,
	FORM},
    {METHOD_GET, "/account/password/forgot/sent", forgot_sent, "forgot-sent",
	PERM_ANY, 0},
    {METHOD_GET, "/account/password/reset", reset_show, "reset", PERM_ANY,
	FORM},
    {METHOD_POST, "/account/password/reset", reset_do, "reset", PERM_ANY, FORM},
    {METHOD_GET, "/account/invite", invite_show, "invite", PERM_ANY, FORM},
    {METHOD_POST, "/account/invite", invite_do, "invite", PERM_ANY, FORM},
    {METHOD_GET, "/account/", profile_show, "profile", PERM_USER, 0},
    {METHOD_POST, "/account/password", password_change, "password", PERM_USER,
	FORM},
    {METHOD_POST, "/account/email", email_change, "email", PERM_USER, FORM},
    {METHOD_GET, "/account/email/confirm", email_confirm_show, "email-confirm",
	PERM_ANY, FORM},
    {METHOD_POST, "/account/email/confirm", email_confirm_do, "email-confirm",
	PERM_ANY, FORM},
    {METHOD_POST, "/account/sessions/end", sessions_end, "sessions-end",
	PERM_USER, 0},
    {METHOD_GET, "/registry/admin/accounts", admin_accounts, "admin-accounts",
	ADMIN, FORM},
    {METHOD_POST, "/registry/admin/accounts/new", admin_account_create,
	"admin-account-create", ADMIN, FORM},
    {METHOD_GET, "/registry/admin/accounts/%/disable", admin_account_confirm,
	"admin-account-disable", ADMIN, FORM},
    {METHOD_POST, "/registry/admin/accounts/%/disable", admin_account_disable,
	"admin-account-disable", ADMIN, 0},
    {METHOD_GET, "/registry/admin/accounts/%/enable", admin_account_confirm,
	"admin-account-enable", ADMIN, FORM},
    {METHOD_POST, "/registry/admin/accounts/%/enable", admin_account_enable,
	"admin-account-enable", ADMIN, 0},
    {METHOD_GET, "/registry/admin/audit", admin_audit, "admin-audit", ADMIN, 0},
    /* operations (ops.c): nginx lets only localhost reach the metrics */
    {METHOD_GET, "/registry/metrics", metrics_show, "metrics", PERM_ANY,
	ROUTE_NO_PAGE},
    /* organisations, enrolments, deliveries */
    {METHOD_GET, "/registry/organisations", org_list, "orgs", ORGS, 0},
    {METHOD_GET, "/registry/organisations/new", org_new, "org-new", ADMIN,
	FORM},
    {METHOD_POST, "/registry/organisations/new", org_create, "org-new", ADMIN,
	FORM},
    {METHOD_GET, "/registry/organisations/%", org_show, "org", ORGS, 0},
    {METHOD_GET, "/registry/organisations/%/edit", org_edit, "org-edit", ADMIN,
	FORM},
    {METHOD_POST, "/registry/organisations/%/edit", org_update, "org-edit",
	ADMIN, FORM},
    {METHOD_GET, "/registry/organisations/%/licences/new", licence_new,
	"licence-new", ADMIN, FORM},
    {METHOD_POST, "/registry/organisations/%/licences/new", licence_create,
	"licence-new", ADMIN, FORM},
    {METHOD_GET, "/registry/organisations/%/licences/%", licence_edit,
	"licence-edit", ADMIN, FORM},
    {METHOD_POST, "/registry/organisations/%/licences/%", licence_update,
	"licence-edit", ADMIN, FORM},
    {METHOD_GET, "/registry/organisations/%/capacity", capacity_edit,
	"capacity", ADMIN, FORM},
    {METHOD_POST, "/registry/organisations/%/capacity", capacity_set,
	"capacity", ADMIN, FORM},
    {METHOD_GET, "/registry/services/%/edit", service_edit, "service-edit",
	ADMIN, FORM},
    {METHOD_POST, "/registry/services/%/edit", service_update, "service-edit",
	ADMIN, FORM},
    {METHOD_GET, "/registry/enrolments", enrol_list, "enrolments", CARE, 0},
    {METHOD_GET, "/registry/enrolments/new", enrol_new, "enrol-new", CARE,
	FORM},
    {METHOD_POST, "/registry/enrolments/new", enrol_create, "enrol-new", CARE,
	FORM},
    {METHOD_GET, "/registry/enrolments/%/end", enrol_end_form, "enrol-end",
	CARE, FORM},
    {METHOD_POST, "/registry/enrolments/%/end", enrol_end, "enrol-end", CARE,
	FORM},
    {METHOD_GET, "/registry/deliveries", delivery_months, "deliveries", CARE,
	0},
    {METHOD_GET, "/registry/deliveries/%-%", delivery_grid, "delivery-grid",
	CARE, FORM},
    {METHOD_POST, "/registry/deliveries/%-%", delivery_save, "delivery-grid",
	PROVIDER, FORM},
    {METHOD_GET, "/registry/deliveries/%-%/close", delivery_close_confirm,
	"delivery-close", PROVIDER, 0},
    {METHOD_POST, "/registry/deliveries/%-%/close", delivery_close,
	"delivery-close", PROVIDER, 0},
};

WORKER_MAIN("registry", routes)
