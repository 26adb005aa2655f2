/* SPDX-License-Identifier: ISC */
/*
 * muni.c: the municipality a request is for.  Every page of the register
 * belongs to one municipality: the one nginx names in the
 * KARIKA_MUNICIPALITY parameter of its server block, or the installation
 * default from the config, read with CSTMT_MUNICIPALITY (every worker
 * prepares it).
 */
#include <stdlib.h>

#include "karika.h"

/*
 * Loads the request's municipality into m, its name in the request's
 * locale; strings live in the arena.
 * Returns HTTP_OK, HTTP_NOT_FOUND for an unknown code, or the database's
 * outcome.
 */
enum http_status
muni_load(struct req *r, struct muni *m)
{
	struct db_res res;
	enum db_rc rc;

	if ((rc = DBQ(r, DB_COMMON(CSTMT_MUNICIPALITY), &res, DBP_LOCALE(r),
		 DBP_S(r->municipality))) != DB_OK)
		return db_status(rc);
	if (res.nrows == 0)
		return HTTP_NOT_FOUND;
	m->id = db_int(&res, 0, "id");
	m->code = r->municipality;
	m->name = db_str(&res, 0, "name");
	m->country = db_str(&res, 0, "country");
	m->currency = db_str(&res, 0, "currency");
	m->k = db_int(&res, 0, "k");
	return HTTP_OK;
}

/* Writes <municipality code country currency k>name</municipality>. */
int
muni_write(struct xml *x, const struct muni *m)
{
	if (xml_start(x, "municipality") == -1 ||
	    xml_attr(x, "code", m->code) == -1 ||
	    xml_attr(x, "country", m->country) == -1 ||
	    xml_attr(x, "currency", m->currency) == -1 ||
	    xml_attr_int(x, "k", m->k) == -1 || xml_text(x, m->name) == -1)
		return -1;
	return xml_end(x);
}
