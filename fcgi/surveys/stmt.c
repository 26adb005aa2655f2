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

/*
 * A survey takes answers when it is published and now lies between the
 * instants it opens and closes (and its listed dates, which an editor's
 * early close moves too).  The dates are local (opens_on is the day of
 * opens_at in the installation's zone), so they are compared with the
 * local date, two parameters (survey_today): UTC's date is still the
 * day before during the first local hour of the opening day.
 */
#define SURVEY_OPEN                                                            \
	"(s.status = 'published' AND s.opens_at <= UTC_TIMESTAMP() "           \
	"AND s.closes_at > UTC_TIMESTAMP() AND s.opens_on <= ? "               \
	"AND s.closes_on >= ?)"

/* How long an abandoned response is kept before the retention job. */
#define RESPONSE_KEEP_DAYS "30"

/* Only completed responses count (the in-progress ones have no rows in
 * survey_answer; the join keeps that true whatever else writes there). */
#define COMPLETED_OF(grp_param)                                                \
	"JOIN survey_response r ON r.id = a.response_id "                      \
	"AND r.status = 'completed' "                                          \
	"WHERE a.survey_id = ? AND (? = '' OR r.respondent_group = " grp_param \
	") "

const char *const stmt_sql[STMT__MAX] = {
    /* --- the list, answering and results --- */
    /* locale, municipality, today, today (the local date) */
    [STMT_SURVEYS_OPEN] =
	"SELECT s.id, s.code, "
	"ELT(?, s.title_sr_cyrl, s.title_sr_latn, s.title_bs, s.title_en) "
	"AS title, s.opens_on AS opens, s.closes_on AS closes FROM survey s "
	"WHERE s.municipality_id = ? AND " SURVEY_OPEN " "
	"ORDER BY s.closes_on, s.id",
    /* locale, municipality, then the local date four times */
    [STMT_SURVEYS_CLOSED] =
	"SELECT s.id, s.code, "
	"ELT(?, s.title_sr_cyrl, s.title_sr_latn, s.title_bs, s.title_en) "
	"AS title, s.opens_on AS opens, s.closes_on AS closes, "
	"IF(s.results_published, 1, NULL) AS results FROM survey s "
	"WHERE s.municipality_id = ? AND s.status <> 'draft' "
	"AND NOT " SURVEY_OPEN " AND s.opens_on <= ? "
	"AND s.closes_on >= ? - INTERVAL " SURVEY_RECENT_DAYS " DAY "
	"ORDER BY s.closes_on DESC, s.id LIMIT 20",
    /* locale, today, today (the local date), locale, slug, resume hash
     * (or NULL), municipality code; with the groups whose quota is full
     * and those that answer by invitation, space-separated (or NULL) */
    [STMT_SURVEY_PUBLIC] =
	"SELECT s.id, s.code, "
	"ELT(?, s.title_sr_cyrl, s.title_sr_latn, s.title_bs, s.title_en) "
	"AS title, s.status, s.results_published AS published, s.round, "
	"s.copied_from, s.opens_at, s.closes_at, " SURVEY_OPEN " AS `open`, "
	"s.opens_at > UTC_TIMESTAMP() AS early, "
	"CONCAT(UNIX_TIMESTAMP(s.updated_at), '/', CRC32(s.definition)) "
	"AS version, m.id AS muni, "
	"ELT(?, m.name_sr_cyrl, m.name_sr_latn, m.name_bs, m.name_en) "
	"AS muni_name, m.country, m.currency, m.small_cell_k AS k, "
	"(SELECT GROUP_CONCAT(q.respondent_group SEPARATOR ' ') "
	"FROM survey_quota q WHERE q.survey_id = s.id "
	"AND q.quota IS NOT NULL AND q.completed >= q.quota) AS full_groups, "
	"(SELECT GROUP_CONCAT(DISTINCT v.respondent_group SEPARATOR ' ') "
	"FROM survey_invitation v WHERE v.survey_id = s.id) AS invited_groups, "
	"r.id AS response, r.page, r.answers, r.invitation_id AS invitation, "
	"i.respondent_group AS invitation_group "
	"FROM municipality m JOIN survey s ON s.municipality_id = m.id "
	"AND s.code = ? "
	"LEFT JOIN survey_response r ON r.survey_id = s.id "
	"AND r.resume_hash = ? AND r.status = 'in_progress' "
	"LEFT JOIN survey_invitation i ON i.id = r.invitation_id "
	"WHERE m.code = ? AND s.definition IS NOT NULL "
	"AND s.status <> 'draft'",
    [STMT_SURVEY_DEFINITION] =
	"SELECT definition, "
	"CONCAT(UNIX_TIMESTAMP(updated_at), '/', CRC32(definition)) "
	"AS version FROM survey WHERE id = ?",
    [STMT_INVITATION_FIND] =
	"SELECT id, respondent_group AS `group` FROM survey_invitation "
	"WHERE survey_id = ? AND code_hash = ? AND used = FALSE",
    /* survey, resume hash, invitation (or NULL), page, answers, group
     * (or NULL): a response kept as a row (Save, or too long for a
     * cookie: answer.c's keep()) */
    [STMT_RESPONSE_START] =
	"INSERT INTO survey_response (survey_id, resume_hash, invitation_id, "
	"page, answers, respondent_group, expires_on) "
	"VALUES (?, ?, ?, ?, ?, ?, "
	"UTC_DATE() + INTERVAL " RESPONSE_KEEP_DAYS " DAY)",
    /* page, answers, group (or NULL), response */
    [STMT_RESPONSE_SAVE] =
	"UPDATE survey_response SET page = ?, answers = ?, "
	"respondent_group = ? WHERE id = ? AND status = 'in_progress'",
    /* the same on Save (page, answers, group, response): its code is
     * shown once more on /saved (0033) */
    [STMT_RESPONSE_SAVE_CODE] =
	"UPDATE survey_response SET page = ?, answers = ?, "
	"respondent_group = ?, code_shown = FALSE WHERE id = ? "
	"AND status = 'in_progress'",
    /* response: marks its code shown; affects a row only the first time
     * after a Save (answer_saved() shows the code then only) */
    [STMT_CODE_SHOW] =
	"UPDATE survey_response SET code_shown = TRUE WHERE id = ? "
	"AND status = 'in_progress' AND code_shown = FALSE",
    /* resume hash, response: a new code, to be shown */
    [STMT_CODE_NEW] =
	"UPDATE survey_response SET resume_hash = ?, code_shown = FALSE "
	"WHERE id = ? AND status = 'in_progress'",
    /* page, answers, group, response, then survey, group, invited
     * (1: the response has an invitation of that group), survey, group:
     * the answers of the group question's page, kept only when the
     * group's quota is not full and the group answers by invitation only
     * with one (affects no row otherwise; STMT_GROUP_STATE says why) */
    [STMT_RESPONSE_SAVE_GROUP] =
	"UPDATE survey_response SET page = ?, answers = ?, "
	"respondent_group = ? WHERE id = ? AND status = 'in_progress' "
	"AND NOT EXISTS (SELECT 1 FROM survey_quota q WHERE q.survey_id = ? "
	"AND q.respondent_group = ? AND q.quota IS NOT NULL "
	"AND q.completed >= q.quota) AND (? = 1 OR NOT EXISTS (SELECT 1 "
	"FROM survey_invitation i WHERE i.survey_id = ? "
	"AND i.respondent_group = ?))",
    /* survey, group, survey, group: a row's group (a held response's
     * comes with the survey's row, full_groups and invited_groups) */
    [STMT_GROUP_STATE] =
	"SELECT (SELECT COUNT(*) FROM survey_quota WHERE survey_id = ? "
	"AND respondent_group = ? AND quota IS NOT NULL "
	"AND completed >= quota) AS `full`, "
	"(SELECT COUNT(*) FROM survey_invitation WHERE survey_id = ? "
	"AND respondent_group = ?) AS invited",
    /* response (a row's, or NULL), the SHA-256 of a held response's
     * nonce (or NULL), survey, group (or NULL), quota (or NULL),
     * invitation (or NULL), the local date, the answers as JSON
     * (qdraft_json): one row, `outcome` (migration 0034) */
    [STMT_RESPONSE_COMPLETE] = "CALL survey_complete(?, ?, ?, ?, ?, ?, ?, ?)",
    [STMT_SEAL_KEY] = "SELECT HEX(seal_key) AS k FROM survey_seal "
		      "WHERE id = 1",
    /* survey, group filter ('' for all), group filter */
    [STMT_RESULTS_GROUPS] =
	"SELECT respondent_group AS `group`, COUNT(*) AS n "
	"FROM survey_response WHERE survey_id = ? AND status = 'completed' "
	"AND (? = '' OR respondent_group = ?) GROUP BY respondent_group",
    [STMT_RESULTS_OPTIONS] =
	"SELECT a.question, a.item, a.option_code AS opt, COUNT(*) AS n "
	"FROM survey_answer a " COMPLETED_OF(
	    "?") "AND a.option_code IS NOT NULL "
		 "GROUP BY a.question, a.item, a.option_code",
    /* survey: every group's counts, for suppression across the filter */
    [STMT_RESULTS_BY_GROUP] =
	"SELECT IFNULL(r.respondent_group, '') AS grp, a.question, a.item, "
	"a.option_code AS opt, COUNT(*) AS n FROM survey_answer a "
	"JOIN survey_response r ON r.id = a.response_id "
	"AND r.status = 'completed' WHERE a.survey_id = ? "
	"AND a.option_code IS NOT NULL "
	"GROUP BY r.respondent_group, a.question, a.item, a.option_code",
    [STMT_RESULTS_ANSWERED] =
	"SELECT a.question, COUNT(DISTINCT a.response_id) AS n "
	"FROM survey_answer a " COMPLETED_OF("?") "GROUP BY a.question",
    [STMT_RESULTS_NUMBERS] =
	"SELECT DISTINCT a.question, a.item, "
	"COUNT(*) OVER (PARTITION BY a.question, a.item) AS n, "
	"AVG(a.number) OVER (PARTITION BY a.question, a.item) AS mean, "
	"MEDIAN(a.number) OVER (PARTITION BY a.question, a.item) AS median "
	"FROM survey_answer a " COMPLETED_OF("?") "AND a.number IS NOT NULL",
    [STMT_RESULTS_TEXTS] =
	"SELECT a.question, a.option_code AS opt, a.text FROM survey_answer "
	"a " COMPLETED_OF("?") "AND a.text IS NOT NULL "
			       "ORDER BY a.question, a.id LIMIT 2000",
    /* survey, group filter x2, question a, question b */
    [STMT_RESULTS_CROSS] =
	"SELECT a.option_code AS a, b.option_code AS b, COUNT(*) AS n "
	"FROM survey_answer a JOIN survey_answer b "
	"ON b.response_id = a.response_id AND b.item = '' "
	"AND b.option_code IS NOT NULL " COMPLETED_OF(
	    "?") "AND a.question = ? AND a.item = '' AND a.option_code IS NOT "
		 "NULL "
		 "AND b.question = ? GROUP BY a.option_code, b.option_code",
    [STMT_SURVEY_ROUND] =
	"SELECT id, code, round, results_published AS published, "
	"ELT(?, title_sr_cyrl, title_sr_latn, title_bs, title_en) AS title "
	"FROM survey WHERE id = ? AND status <> 'draft'",
    /* editor: edit.c and export.c (/surveys/edit/) */
    [STMT_SEDIT_LIST] =
	"SELECT s.id, s.code, "
	"ELT(?, s.title_sr_cyrl, s.title_sr_latn, s.title_bs, s.title_en) "
	"AS title, s.status, s.round, s.opens_at AS opens, "
	"s.closes_at AS closes, s.results_published AS results, "
	"(SELECT COUNT(*) FROM survey_response r WHERE r.survey_id = s.id "
	"AND r.status = 'completed') AS completed "
	"FROM survey s WHERE s.municipality_id = ? "
	"ORDER BY s.status = 'closed', s.id DESC LIMIT 200",
    /* record_kind: the survey when it is the editor's municipality's;
     * FOR UPDATE: a change reads the definition it replaces under lock */
    [STMT_SEDIT_SURVEY] = "SELECT id, code, definition, status, round, "
			  "results_published AS results, opens_at AS opens, "
			  "closes_at AS closes, copied_from FROM survey "
			  "WHERE id = ? AND municipality_id = ? FOR UPDATE",
    [STMT_SEDIT_COUNTS] = "SELECT COUNT(*) AS responses, "
			  "COALESCE(SUM(status = 'completed'), 0) AS completed "
			  "FROM survey_response WHERE survey_id = ?",
    [STMT_SEDIT_INSERT] =
	"INSERT INTO survey (municipality_id, code, title_sr_latn, "
	"title_sr_cyrl, title_bs, title_en, opens_on, closes_on, definition, "
	"status, round, copied_from) "
	"VALUES (?, ?, ?, ?, ?, ?, UTC_DATE(), UTC_DATE(), ?, 'draft', ?, ?)",
    [STMT_SEDIT_UPDATE] =
	"UPDATE survey SET code = ?, title_sr_latn = ?, title_sr_cyrl = ?, "
	"title_bs = ?, title_en = ?, definition = ? WHERE id = ?",
    [STMT_SEDIT_PUBLISH] =
	"UPDATE survey SET status = 'published', opens_at = ?, closes_at = ?, "
	"opens_on = ?, closes_on = ?, definition = ? WHERE id = ?",
    /* Closing early: now, unless it was to close earlier anyway; a survey
     * not yet open closes a second after its opening (the CHECKs). */
    [STMT_SEDIT_CLOSE] =
	"UPDATE survey SET status = 'closed', "
	"closes_at = GREATEST(opens_at + INTERVAL 1 SECOND, "
	"LEAST(closes_at, UTC_TIMESTAMP())), "
	"closes_on = GREATEST(opens_on, LEAST(closes_on, ?)) WHERE id = ?",
    [STMT_SEDIT_RESULTS] =
	"UPDATE survey SET results_published = ? WHERE id = ?",
    /* Exports, in batches after the last response id (constant memory). */
    [STMT_SEDIT_RESPONSES] =
	"SELECT id, completed_on, respondent_group FROM survey_response "
	"WHERE survey_id = ? AND status = 'completed' AND id > ? "
	"ORDER BY id LIMIT 200",
    [STMT_SEDIT_ANSWERS] =
	"SELECT a.response_id, a.question, a.item, a.option_code, a.number, "
	"a.text FROM survey_answer a WHERE a.survey_id = ? "
	"AND a.response_id BETWEEN ? AND ? ORDER BY a.response_id, a.id",
    [STMT_SEDIT_AGG_OPTIONS] =
	"SELECT a.question, a.item, a.option_code AS `option`, "
	"COUNT(*) AS n FROM survey_answer a JOIN survey_response r "
	"ON r.id = a.response_id AND r.status = 'completed' "
	"WHERE a.survey_id = ? AND a.option_code IS NOT NULL "
	"GROUP BY a.question, a.item, a.option_code",
    [STMT_SEDIT_AGG_NUMBERS] =
	"SELECT a.question, a.item, COUNT(*) AS n, AVG(a.number) AS mean "
	"FROM survey_answer a JOIN survey_response r "
	"ON r.id = a.response_id AND r.status = 'completed' "
	"WHERE a.survey_id = ? AND a.number IS NOT NULL "
	"GROUP BY a.question, a.item",
    /* end of editor */
};
