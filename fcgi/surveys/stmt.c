/* SPDX-License-Identifier: ISC */
/*
 * stmt.c: the whole SQL surface of karika-surveys.  Review it together
 * with sql/grants.sql: this worker is public and anonymous, and cannot
 * read the register of persons at all.
 */
#include "karika.h"
#include "stmt.h"

/* How long a closed survey stays on the list of recent ones. */
#define SURVEY_RECENT_DAYS "180"

const char *const stmt_sql[STMT__MAX] = {
    SQL_MUNICIPALITY, /* STMT_MUNICIPALITY */
    "SELECT id, code, "
    "ELT(?, title_sr_cyrl, title_sr_latn, title_bs, title_en), "
    "opens_on, closes_on FROM survey WHERE municipality_id = ? "
    "AND opens_on <= UTC_DATE() AND closes_on >= UTC_DATE() "
    "ORDER BY closes_on, id", /* STMT_SURVEYS_OPEN */
    "SELECT id, code, "
    "ELT(?, title_sr_cyrl, title_sr_latn, title_bs, title_en), "
    "opens_on, closes_on FROM survey WHERE municipality_id = ? "
    "AND closes_on < UTC_DATE() "
    "AND closes_on >= UTC_DATE() - INTERVAL " SURVEY_RECENT_DAYS " DAY "
    "ORDER BY closes_on DESC, id LIMIT 20", /* STMT_SURVEYS_CLOSED */
};
