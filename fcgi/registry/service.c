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
		if (db_int(pr, i, "service") != id)
			continue;
		if (xml_start(x, "provider") == -1 ||
		    xml_row_attrs(x, pr, i) == -1 || xml_end(x) == -1)
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
		if (db_int(sv, i, "group") != gid)
			continue;
		if (xml_start(x, "service") == -1 ||
		    xml_row_attrs(x, sv, i) == -1 ||
		    write_providers(x, pr, db_int(sv, i, "id")) == -1 ||
		    xml_end(x) == -1)
			return -1;
	}
	return 0;
}

/*
 * GET /registry/services -> <services><municipality/><group code>
 * <service id code name unit price-para price-year online><provider id
 * name licence valid-from valid-to capacity valid/></service></group>
 * </services>.  Every group is listed, also an empty one, so that
 * residents see the whole structure of the law.
 */
enum http_status
service_list(struct req *r, struct xml *x)
{
	struct muni m;
	struct db_res gr, sv, pr;
	enum http_status st;
	enum db_rc rc;
	size_t i;

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if ((rc = db_run(r, STMT_GROUPS, NULL, 0, &gr)) != DB_OK ||
	    (rc = DBQ(r, STMT_SERVICES, &sv, DBP_LOCALE(r), DBP_I(m.id))) !=
		DB_OK ||
	    (rc = DBQ(r, STMT_PROVIDERS, &pr, DBP_LOCALE(r), DBP_I(m.id))) !=
		DB_OK)
		return db_status(rc);
	if (xml_start(x, "services") == -1 || muni_write(x, &m) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < gr.nrows; i++)
		if (xml_start(x, "group") == -1 ||
		    xml_attr(x, "code", db_str(&gr, i, "code")) == -1 ||
		    write_services(x, &sv, &pr, db_int(&gr, i, "id")) == -1 ||
		    xml_end(x) == -1)
			return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
