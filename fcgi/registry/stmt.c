/* SPDX-License-Identifier: ISC */
/*
 * stmt.c: the whole SQL surface of karika-registry.  Review it together
 * with sql/grants.sql.  Adding a statement: add its enum in stmt.h, its
 * line here, and the grant it needs.
 */
#include "karika.h"
#include "stmt.h"

const char *const stmt_sql[STMT__MAX] = {
    SQL_MUNICIPALITY, /* STMT_MUNICIPALITY */
    "SELECT id, code FROM service_group ORDER BY position", /* STMT_GROUPS */
    "SELECT s.group_id, s.id, s.code, "
    "ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en), "
    "s.unit, s.unit_price_para, s.price_year, s.online_application "
    "FROM service s WHERE s.municipality_id = ? AND s.active "
    "ORDER BY s.group_id, 4", /* STMT_SERVICES */
    "SELECT l.service_id, o.id, o.name, l.number, l.valid_from, "
    "l.valid_to, l.capacity, l.valid_to >= UTC_DATE() "
    "FROM licence l JOIN organisation o ON o.id = l.organisation_id "
    "JOIN service s ON s.id = l.service_id "
    "WHERE s.municipality_id = ? ORDER BY o.name", /* STMT_PROVIDERS */
};
