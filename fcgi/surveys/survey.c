/* SPDX-License-Identifier: ISC */
/*
 * survey.c: the municipality's surveys.  GET /surveys/ lists those open
 * today (between their open and close dates, UTC) and the recently closed
 * ones, whose aggregate results are published.
 */
#include "karika.h"
#include "stmt.h"
#include "surveys.h"

/*
 * GET /surveys/ -> <surveys><municipality/><open><survey id code title
 * opens closes/></open><closed>…</closed></surveys>
 */
enum http_status
survey_list(struct req *r, struct xml *x)
{
	struct muni m;
	struct db_res open, closed;
	enum http_status st;
	enum db_rc rc;

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_SURVEYS_OPEN, &open, DBP_LOCALE(r),
		 DBP_I(m.id))) != DB_OK ||
	    (rc = DBQ(r, STMT_SURVEYS_CLOSED, &closed, DBP_LOCALE(r),
		 DBP_I(m.id))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "surveys") == -1 || muni_write(x, &m) == -1 ||
	    xml_start(x, "open") == -1 || xml_rows(x, "survey", &open) == -1 ||
	    xml_end(x) == -1 || xml_start(x, "closed") == -1 ||
	    xml_rows(x, "survey", &closed) == -1 || xml_end(x) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
