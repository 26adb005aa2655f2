/* SPDX-License-Identifier: ISC */
/*
 * service.c: the municipality's service catalogue, grouped by the five
 * kinds of service of the Law on Social Protection, each service with its
 * unit, unit price and the providers licensed for it.
 */
#include "karika.h"
#include "stmt.h"
#include "registry.h"

/* Writes the providers licensed for service id (rows of STMT_PROVIDERS). */
static int
write_providers(struct xml *x, const struct db_res *pr, int64_t id)
{
	size_t i;

	for (i = 0; i < pr->nrows; i++) {
		if (db_int(pr, i, 0) != id)
			continue;
		if (xml_start(x, "provider") == -1 ||
		    xml_attr(x, "id", db_str(pr, i, 1)) == -1 ||
		    xml_attr(x, "licence", db_str(pr, i, 3)) == -1 ||
		    xml_attr(x, "valid-from", db_str(pr, i, 4)) == -1 ||
		    xml_attr(x, "valid-to", db_str(pr, i, 5)) == -1 ||
		    xml_attr(x, "capacity", db_str(pr, i, 6)) == -1 ||
		    xml_attr(x, "valid", db_str(pr, i, 7)) == -1 ||
		    xml_text(x, db_str(pr, i, 2)) == -1 || xml_end(x) == -1)
			return -1;
	}
	return 0;
}

/* Writes the services of group gid (rows of STMT_SERVICES). */
static int
write_services(struct xml *x, const struct db_res *sv, const struct db_res *pr,
    int64_t gid)
{
	size_t i;

	for (i = 0; i < sv->nrows; i++) {
		if (db_int(sv, i, 0) != gid)
			continue;
		if (xml_start(x, "service") == -1 ||
		    xml_attr(x, "id", db_str(sv, i, 1)) == -1 ||
		    xml_attr(x, "code", db_str(sv, i, 2)) == -1 ||
		    xml_attr(x, "unit", db_str(sv, i, 4)) == -1 ||
		    xml_attr(x, "price-para", db_str(sv, i, 5)) == -1 ||
		    xml_attr(x, "price-year", db_str(sv, i, 6)) == -1 ||
		    xml_attr(x, "online", db_str(sv, i, 7)) == -1 ||
		    xml_elem_text(x, "name", db_str(sv, i, 3)) == -1 ||
		    write_providers(x, pr, db_int(sv, i, 1)) == -1 ||
		    xml_end(x) == -1)
			return -1;
	}
	return 0;
}

/*
 * GET /registry/services -> <services><municipality/><group code>
 * <service ...><name/><provider .../></service></group></services>.
 * Every group is listed, also an empty one, so that residents see the
 * whole structure of the law.
 */
enum http_status
service_list(struct req *r, struct xml *x)
{
	struct muni m;
	struct db_res gr, sv, pr;
	struct db_param p[2];
	enum http_status st;
	enum db_rc rc;
	size_t i;

	if ((st = muni_load(r, STMT_MUNICIPALITY, &m)) != HTTP_OK)
		return st;
	p[0] = DBP_I((int64_t)r->locale + 1);
	p[1] = DBP_I(m.id);
	if ((rc = db_exec(r->w->db, r->arena, STMT_GROUPS, NULL, 0, &gr)) !=
		DB_OK ||
	    (rc = db_exec(r->w->db, r->arena, STMT_SERVICES, p, 2, &sv)) !=
		DB_OK ||
	    (rc = db_exec(r->w->db, r->arena, STMT_PROVIDERS, p, 2, &pr)) !=
		DB_OK)
		return db_status(rc);
	if (xml_start(x, "services") == -1 || muni_write(x, &m) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < gr.nrows; i++)
		if (xml_start(x, "group") == -1 ||
		    xml_attr(x, "code", db_str(&gr, i, 1)) == -1 ||
		    write_services(x, &sv, &pr, db_int(&gr, i, 0)) == -1 ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
