/* SPDX-License-Identifier: ISC */
/*
 * stmt.c: the whole SQL surface of karika-applications.  Review it
 * together with sql/grants.sql.
 */
#include "karika.h"
#include "stmt.h"

const char *const stmt_sql[STMT__MAX] = {
    SQL_MUNICIPALITY, /* STMT_MUNICIPALITY */
    "SELECT s.id, s.code, g.code, "
    "ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en), s.unit "
    "FROM service s JOIN service_group g ON g.id = s.group_id "
    "WHERE s.municipality_id = ? AND s.active AND s.online_application "
    "ORDER BY g.position, 4", /* STMT_SERVICES_ONLINE */
};
