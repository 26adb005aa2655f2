/* SPDX-License-Identifier: ISC */
/*
 * survey.c: the municipality's surveys.  GET /surveys/ lists those open
 * today (between their open and close dates, UTC) and the recently closed
 * ones, whose aggregate results are published.
 */
#include "karika.h"
#include "stmt.h"
#include "surveys.h"

/* Writes <name> with one <survey> per row of a survey statement. */
static int
write_surveys(struct xml *x, const char *name, const struct db_res *res)
{
	size_t i;

	if (xml_start(x, name) == -1)
		return -1;
	for (i = 0; i < res->nrows; i++)
		if (xml_start(x, "survey") == -1 ||
		    xml_attr(x, "id", db_str(res, i, 0)) == -1 ||
		    xml_attr(x, "code", db_str(res, i, 1)) == -1 ||
		    xml_attr(x, "opens", db_str(res, i, 3)) == -1 ||
		    xml_attr(x, "closes", db_str(res, i, 4)) == -1 ||
		    xml_elem_text(x, "title", db_str(res, i, 2)) == -1 ||
		    xml_end(x) == -1)
			return -1;
	return xml_end(x);
}

/* GET /surveys/ -> <surveys><municipality/><open/><closed/></surveys> */
enum http_status
survey_list(struct req *r, struct xml *x)
{
	struct muni m;
	struct db_res open, closed;
	struct db_param p[2];
	enum http_status st;
	enum db_rc rc;

	if ((st = muni_load(r, STMT_MUNICIPALITY, &m)) != HTTP_OK)
		return st;
	p[0] = DBP_I((int64_t)r->locale + 1);
	p[1] = DBP_I(m.id);
	if ((rc = db_exec(r->w->db, r->arena, STMT_SURVEYS_OPEN, p, 2,
		 &open)) != DB_OK ||
	    (rc = db_exec(r->w->db, r->arena, STMT_SURVEYS_CLOSED, p, 2,
		 &closed)) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "surveys") == -1 || muni_write(x, &m) == -1 ||
	    write_surveys(x, "open", &open) == -1 ||
	    write_surveys(x, "closed", &closed) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
