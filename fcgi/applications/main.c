/* SPDX-License-Identifier: ISC */
/*
 * main.c: karika-applications, the worker where parents and guardians
 * apply for services and follow the decision, and where the CSW decides
 * and keeps the waiting lists.  It answers /applications/.  This file is
 * its table of routes; worker.c does the rest.  Multipart bodies under
 * /applications/ (the application form with its documents) are received
 * by docs.c in constant memory.
 */
#include "karika.h"
#include "stmt.h"
#include "applications.h"

#define CITIZEN PERM_ROLE(ROLE_CITIZEN)
#define CSW	PERM_ROLE(ROLE_CSW)
#define ADMIN	PERM_ROLE(ROLE_ADMIN)
#define FILERS	(CITIZEN | CSW | PERM_ROLE(ROLE_PROVIDER))

/* Adding a route: see the checklist in fcgi/common/route.c. */
static const struct route routes[] = {
    {METHOD_GET, "/applications/", service_list, "services", PERM_ANY, 0},
    {METHOD_GET, "/applications/health", route_health, "health", PERM_ANY,
	ROUTE_NO_PAGE},
    {METHOD_GET, "/applications/services/%", service_show, "service", PERM_ANY,
	ROUTE_FORM},
    {METHOD_GET, "/applications/mine", apply_mine, "mine", CITIZEN, 0},
    {METHOD_GET, "/applications/new/%", apply_new, "new", FILERS, ROUTE_FORM},
    {METHOD_POST, "/applications/new/%", apply_create, "new", FILERS,
	ROUTE_FORM},
    {METHOD_GET, "/applications/claim", apply_claim_new, "claim", CITIZEN,
	ROUTE_FORM},
    {METHOD_POST, "/applications/claim", apply_claim, "claim", CITIZEN,
	ROUTE_FORM},
    {METHOD_GET, "/applications/inbox", csw_inbox, "inbox", CSW, 0},
    {METHOD_GET, "/applications/admin", admin_services, "admin", ADMIN, 0},
    {METHOD_GET, "/applications/admin/%/criteria", admin_criteria,
	"admin-criteria", ADMIN, ROUTE_FORM},
    {METHOD_POST, "/applications/admin/%/criteria", admin_criteria_save,
	"admin-criteria", ADMIN, ROUTE_FORM},
    {METHOD_GET, "/applications/admin/%/documents", admin_documents,
	"admin-documents", ADMIN, ROUTE_FORM},
    {METHOD_POST, "/applications/admin/%/documents", admin_documents_save,
	"admin-documents", ADMIN, ROUTE_FORM},
    {METHOD_GET, "/applications/waiting/%", waiting_list, "waiting", CSW, 0},
    {METHOD_GET, "/applications/%", status_show, "application", FILERS, 0},
    {METHOD_POST, "/applications/%", apply_save, "application", FILERS,
	ROUTE_FORM},
    {METHOD_GET, "/applications/%/seen", status_seen, "seen", CITIZEN, 0},
    {METHOD_GET, "/applications/%/decision", status_decision, "decision",
	CITIZEN | CSW, 0},
    {METHOD_GET, "/applications/%/documents/%", status_document, "document",
	FILERS, ROUTE_STREAM},
    {METHOD_POST, "/applications/%/documents/%/delete", apply_doc_delete,
	"document-delete", FILERS, 0},
    {METHOD_POST, "/applications/%/withdraw", apply_withdraw, "withdraw",
	CITIZEN, 0},
    {METHOD_POST, "/applications/%/accept", waiting_accept, "accept", CITIZEN,
	0},
    {METHOD_POST, "/applications/%/take", csw_take, "take", CSW, 0},
    {METHOD_POST, "/applications/%/request", csw_request, "request", CSW,
	ROUTE_FORM},
    {METHOD_POST, "/applications/%/decide", csw_decide, "decide", CSW,
	ROUTE_FORM},
    {METHOD_POST, "/applications/%/criteria", csw_criteria, "criteria", CSW,
	ROUTE_FORM},
    {METHOD_POST, "/applications/%/offer", waiting_offer, "offer", CSW, 0},
};

WORKER_MAIN_DOCS("applications", routes, "/applications/")
