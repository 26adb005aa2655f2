/* SPDX-License-Identifier: ISC */
/*
 * stmt.c: the whole SQL surface of karika-reports.  It reads aggregates
 * only, through views the registry publishes (sql/grants.sql); it cannot
 * read a person's name.
 */
#include "karika.h"
#include "stmt.h"

const char *const stmt_sql[STMT__MAX] = {
    SQL_MUNICIPALITY, /* STMT_MUNICIPALITY */
    /* People enrolled at any time in year ?, once each, per service. */
    "SELECT s.id, s.code, g.code, "
    "ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en), "
    "COUNT(DISTINCT e.person_id) "
    "FROM service s JOIN service_group g ON g.id = s.group_id "
    "LEFT JOIN report_enrolment e ON e.service_id = s.id "
    "AND e.start_date < MAKEDATE(? + 1, 1) "
    "AND (e.end_date IS NULL OR e.end_date >= MAKEDATE(?, 1)) "
    "WHERE s.municipality_id = ? AND s.active "
    "GROUP BY s.id, s.code, g.code, g.position, 4 "
    "ORDER BY g.position, 4", /* STMT_USERS_PER_SERVICE */
};
