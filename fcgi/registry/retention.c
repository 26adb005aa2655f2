/* SPDX-License-Identifier: ISC */
/*
 * retention.c: GET /registry/admin/retention, what the nightly
 * karika-retention (fcgi/tools/retention.c) did: its newest runs, each
 * with its day, whether it only counted (a dry run), and a row per record
 * kind (how many rows were deleted or due, and from before when; absent
 * when the kind's table is not in the database).  The runs are the whole
 * installation's (the table retention_run of migration 0013, which the
 * registry may only read); the page holds no personal data.  Only
 * ROLE_ADMIN reaches it (the route table).
 */
#include "karika.h"
#include "stmt.h"
#include "registry.h"

/*
 * The page: <admin-retention> with a <run run at as-of dry-run total
 * failed/> per run, newest first, and a <kind run kind state before
 * count/> per kind of those runs (run is the key that ties them).
 */
enum http_status
admin_retention(struct req *r, struct xml *x)
{
	struct db_res runs, rows;
	enum db_rc rc;

	if ((rc = db_run(r, STMT_OPS_RETENTION_RUNS, NULL, 0, &runs)) !=
		DB_OK ||
	    (rc = db_run(r, STMT_OPS_RETENTION_KINDS, NULL, 0, &rows)) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "admin-retention") == -1 ||
	    xml_rows(x, "run", &runs) == -1 ||
	    xml_rows(x, "kind", &rows) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
