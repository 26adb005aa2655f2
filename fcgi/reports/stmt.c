/* SPDX-License-Identifier: ISC */
/*
 * stmt.c: the whole SQL surface of karika-reports (a read-only database
 * user).  Review it together with sql/grants.sql.  Adding a statement:
 * its enum in stmt.h, its entry here (designated, so that no entry can
 * slip to another index), the grant it needs.
 */
#include "karika.h"
#include "stmt.h"

const char *const stmt_sql[STMT__MAX] = {
    /* People enrolled at any time in year ?, once each, per service. */
    [STMT_USERS_PER_SERVICE] =
	"SELECT s.id AS service, s.code, g.code AS `group`, "
	"ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en) AS name, "
	"COUNT(DISTINCT e.person_id) AS users "
	"FROM service s JOIN service_group g ON g.id = s.group_id "
	"LEFT JOIN report_enrolment e ON e.service_id = s.id "
	"AND e.start_date < MAKEDATE(? + 1, 1) "
	"AND (e.end_date IS NULL OR e.end_date >= MAKEDATE(?, 1)) "
	"WHERE s.municipality_id = ? AND s.active "
	"GROUP BY s.id, s.code, g.code, g.position, name "
	"ORDER BY g.position, name",
};
