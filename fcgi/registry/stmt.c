/* SPDX-License-Identifier: ISC */
/*
 * stmt.c: the whole SQL surface of karika-registry.  Review it together
 * with sql/grants.sql.  Adding a statement: add its enum in stmt.h, its
 * entry here (designated, so that no entry can slip to another index),
 * and the grant it needs.  Column aliases are the names handlers read
 * (db_str(res, i, "name")) and the page's attribute names (xml_rows).
 */
#include "karika.h"
#include "stmt.h"

const char *const stmt_sql[STMT__MAX] = {
    [STMT_GROUPS] = "SELECT id, code FROM service_group ORDER BY position",
    [STMT_SERVICES] =
	"SELECT s.group_id AS `group`, s.id, s.code, "
	"ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en) AS name, "
	"s.unit, s.unit_price_para AS `price-para`, s.price_year AS "
	"`price-year`, s.online_application AS online "
	"FROM service s WHERE s.municipality_id = ? AND s.active "
	"ORDER BY s.group_id, name",
    /* An organisation's name: name_cyrl on a sr-Cyrl page (the first
     * parameter is the locale, 1 = sr-Cyrl) when it has one (0004). */
    [STMT_PROVIDERS] =
	"SELECT l.service_id AS service, o.id, "
	"IF(? = 1, COALESCE(o.name_cyrl, o.name), o.name) AS name, "
	"l.number AS licence, l.valid_from AS `valid-from`, "
	"l.valid_to AS `valid-to`, l.capacity, "
	"l.valid_to >= UTC_DATE() AS valid "
	"FROM licence l JOIN organisation o ON o.id = l.organisation_id "
	"JOIN service s ON s.id = l.service_id "
	"WHERE s.municipality_id = ? ORDER BY name",
    [STMT_ACCOUNT_BY_EMAIL] =
	"SELECT id, name, password_hash AS hash, status, locale FROM account "
	"WHERE email = ?",
    [STMT_ACCOUNT_INSERT] =
	"INSERT INTO account (email, name, password_hash, locale, status, "
	"privacy_accepted_at) VALUES (?, ?, ?, ?, 'pending', "
	"IF(?, UTC_TIMESTAMP(), NULL))",
    [STMT_ACCOUNT_ACTIVATE] =
	"UPDATE account SET status = 'active' WHERE id = ? "
	"AND status = 'pending'",
    [STMT_ACCOUNT_PASSWORD] =
	"UPDATE account SET password_hash = ?, "
	"rights_changed_at = UTC_TIMESTAMP(6) WHERE id = ?",
    [STMT_ACCOUNT_EMAIL] = "UPDATE account SET email = ? WHERE id = ?",
    [STMT_ACCOUNT_DISABLE] =
	"UPDATE account SET status = 'disabled', "
	"rights_changed_at = UTC_TIMESTAMP(6) WHERE id = ?",
    /* Back to active; one that never set a password waits for it. */
    [STMT_ACCOUNT_ENABLE] =
	"UPDATE account SET status = IF(password_hash IS NULL, 'pending', "
	"'active'), rights_changed_at = UTC_TIMESTAMP(6) WHERE id = ?",
    [STMT_ROLE_INSERT] =
	"INSERT INTO account_role (account_id, role, municipality_id, "
	"organisation_id) VALUES (?, ?, ?, ?)",
    [STMT_ROLES] = "SELECT role, municipality_id, organisation_id "
		   "FROM account_role WHERE account_id = ?",
    [STMT_TOKEN_INSERT] =
	"INSERT INTO account_token (account_id, purpose, token_hash, "
	"new_email, expires_at) "
	"VALUES (?, ?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? SECOND)",
    /* An unused, unexpired token, its row locked for token_take(). */
    [STMT_TOKEN_FIND] =
	"SELECT t.id, t.account_id AS account, t.new_email, a.email, a.name, "
	"a.status, a.locale FROM account_token t "
	"JOIN account a ON a.id = t.account_id "
	"WHERE t.token_hash = ? AND t.purpose = ? AND t.used_at IS NULL "
	"AND t.expires_at > UTC_TIMESTAMP() FOR UPDATE",
    /* Whether a link still works, without using it (its page's GET). */
    [STMT_TOKEN_VALID] =
	"SELECT t.id FROM account_token t WHERE t.token_hash = ? "
	"AND t.purpose = ? AND t.used_at IS NULL "
	"AND t.expires_at > UTC_TIMESTAMP()",
    [STMT_TOKEN_USE] =
	"UPDATE account_token SET used_at = UTC_TIMESTAMP() WHERE id = ? "
	"AND used_at IS NULL",
    [STMT_SESSION_INSERT] =
	"INSERT INTO session (account_id, token_hash, csrf_token, "
	"expires_at, user_agent) "
	"VALUES (?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? SECOND, ?)",
    [STMT_SESSION_DELETE] = "DELETE FROM session WHERE id = ?",
    [STMT_SESSIONS_DELETE_ALL] = "DELETE FROM session WHERE account_id = ?",
    [STMT_SESSIONS_LIST] =
	"SELECT id, created_at AS created, last_seen_at AS seen, "
	"user_agent AS agent FROM session "
	"WHERE account_id = ? AND expires_at > UTC_TIMESTAMP() "
	"ORDER BY last_seen_at DESC, id DESC LIMIT 50",
    [STMT_THROTTLE_GET] =
	"SELECT kind, failures, "
	"TIMESTAMPDIFF(SECOND, last_failure_at, UTC_TIMESTAMP()) AS since "
	"FROM login_throttle WHERE (kind = 'account' AND key_hash = ?) "
	"OR (kind = 'address' AND key_hash = ?)",
    [STMT_THROTTLE_FAIL] =
	"INSERT INTO login_throttle (kind, key_hash, failures) "
	"VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE failures = "
	"IF(last_failure_at < UTC_TIMESTAMP() - INTERVAL 1 DAY, 1, "
	"failures + 1), last_failure_at = UTC_TIMESTAMP()",
    [STMT_THROTTLE_CLEAR] =
	"DELETE FROM login_throttle WHERE kind = 'account' AND key_hash = ?",
    [STMT_THROTTLE_FORGET] =
	"DELETE FROM login_throttle "
	"WHERE last_failure_at < UTC_TIMESTAMP() - INTERVAL 1 DAY",
    [STMT_ACCOUNTS_FIND] =
	"SELECT a.id, a.email, a.name, a.status, "
	"GROUP_CONCAT(DISTINCT r.role ORDER BY r.role) AS roles, "
	"MAX(IF(? = 1, COALESCE(o.name_cyrl, o.name), o.name)) "
	"AS organisation "
	"FROM account a JOIN account_role r ON r.account_id = a.id "
	"LEFT JOIN organisation o ON o.id = r.organisation_id "
	"WHERE r.municipality_id = ? AND (? = '' OR a.email LIKE ? "
	"OR a.name LIKE ?) GROUP BY a.id, a.email, a.name, a.status "
	"ORDER BY a.email LIMIT 200",
    /* The record kind "account" (admin.c): one of the caller's town. */
    [STMT_ACCOUNT_IN_SCOPE] =
	"SELECT a.id, a.email, a.name, a.status, a.locale FROM account a "
	"WHERE a.id = ? AND EXISTS (SELECT 1 FROM account_role r "
	"WHERE r.account_id = a.id AND r.municipality_id = ?)",
    [STMT_ORGANISATIONS] =
	"SELECT id AS value, IF(? = 1, COALESCE(name_cyrl, name), name) "
	"AS label FROM organisation WHERE municipality_id = ? ORDER BY label",
    [STMT_ORGANISATION_IN_SCOPE] =
	"SELECT id FROM organisation WHERE id = ? AND municipality_id = ?",
    [STMT_AUDIT_FIND] =
	"SELECT au.at, au.account_id AS account, ac.email, au.role, "
	"au.action, au.object_type AS `object-type`, au.object_id AS "
	"`object-id`, au.request_id AS rid, au.worker, au.outcome "
	"FROM audit au LEFT JOIN account ac ON ac.id = au.account_id "
	"WHERE (? = '' OR ac.email = ?) AND (? = '' OR au.action LIKE ?) "
	"AND au.at >= ? AND au.at < ? + INTERVAL 1 DAY "
	"ORDER BY au.id DESC LIMIT 200",
};
