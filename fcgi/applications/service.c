/* SPDX-License-Identifier: ISC */
/*
 * service.c: the services a citizen can apply for online, the start of an
 * application for a child or for oneself.
 */
#include "karika.h"
#include "stmt.h"
#include "applications.h"

/* GET /applications/ -> <apply><municipality/><service .../></apply> */
enum http_status
service_list(struct req *r, struct xml *x)
{
	struct muni m;
	struct db_res sv;
	struct db_param p[2];
	enum http_status st;
	enum db_rc rc;
	size_t i;

	if ((st = muni_load(r, STMT_MUNICIPALITY, &m)) != HTTP_OK)
		return st;
	p[0] = DBP_I((int64_t)r->locale + 1);
	p[1] = DBP_I(m.id);
	if ((rc = db_exec(
		 r->w->db, r->arena, STMT_SERVICES_ONLINE, p, 2, &sv)) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "apply") == -1 || muni_write(x, &m) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < sv.nrows; i++)
		if (xml_start(x, "service") == -1 ||
		    xml_attr(x, "id", db_str(&sv, i, 0)) == -1 ||
		    xml_attr(x, "code", db_str(&sv, i, 1)) == -1 ||
		    xml_attr(x, "group", db_str(&sv, i, 2)) == -1 ||
		    xml_attr(x, "unit", db_str(&sv, i, 4)) == -1 ||
		    xml_elem_text(x, "name", db_str(&sv, i, 3)) == -1 ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
