/* SPDX-License-Identifier: ISC */
/*
 * service.c: the services a citizen can apply for online, the start of an
 * application for a child or for oneself.
 */
#include "karika.h"
#include "stmt.h"
#include "applications.h"

/* GET /applications/ -> <apply><municipality/><service id code group
 * name unit/>…</apply> */
enum http_status
service_list(struct req *r, struct xml *x)
{
	struct muni m;
	struct db_res sv;
	enum http_status st;
	enum db_rc rc;

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_SERVICES_ONLINE, &sv, DBP_LOCALE(r),
		 DBP_I(m.id))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "apply") == -1 || muni_write(x, &m) == -1 ||
	    xml_rows(x, "service", &sv) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
