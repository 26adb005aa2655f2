/* SPDX-License-Identifier: ISC */
/*
 * stmt.c: the whole SQL surface of karika-applications.  Review it
 * together with sql/grants.sql.  Adding a statement: its enum in stmt.h,
 * its entry here (designated, so that no entry can slip to another
 * index), the grant it needs.  Column aliases are the page's attribute
 * names (xml_rows).
 */
#include "karika.h"
#include "stmt.h"

const char *const stmt_sql[STMT__MAX] = {
    [STMT_SERVICES_ONLINE] =
	"SELECT s.id, s.code, g.code AS `group`, "
	"ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en) AS name, "
	"s.unit FROM service s JOIN service_group g ON g.id = s.group_id "
	"WHERE s.municipality_id = ? AND s.active AND s.online_application "
	"ORDER BY g.position, name",
};
