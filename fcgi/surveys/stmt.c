/* SPDX-License-Identifier: ISC */
/*
 * stmt.c: the whole SQL surface of karika-surveys.  Review it together
 * with sql/grants.sql.  Adding a statement: its enum in stmt.h, its entry
 * here (designated, so that no entry can slip to another index), the
 * grant it needs.  Column aliases are the page's attribute names
 * (xml_rows).
 */
#include "karika.h"
#include "stmt.h"

/* How long a closed survey stays on the list of recent ones. */
#define SURVEY_RECENT_DAYS "180"

const char *const stmt_sql[STMT__MAX] = {
    [STMT_SURVEYS_OPEN] =
	"SELECT id, code, "
	"ELT(?, title_sr_cyrl, title_sr_latn, title_bs, title_en) AS title, "
	"opens_on AS opens, closes_on AS closes FROM survey "
	"WHERE municipality_id = ? "
	"AND opens_on <= UTC_DATE() AND closes_on >= UTC_DATE() "
	"ORDER BY closes_on, id",
    [STMT_SURVEYS_CLOSED] =
	"SELECT id, code, "
	"ELT(?, title_sr_cyrl, title_sr_latn, title_bs, title_en) AS title, "
	"opens_on AS opens, closes_on AS closes FROM survey "
	"WHERE municipality_id = ? AND closes_on < UTC_DATE() "
	"AND closes_on >= UTC_DATE() - INTERVAL " SURVEY_RECENT_DAYS " DAY "
	"ORDER BY closes_on DESC, id LIMIT 20",
};
