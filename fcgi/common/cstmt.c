/* SPDX-License-Identifier: ISC */
/*
 * cstmt.c: the statements every worker prepares after its own: reading
 * the session of the caller, appending to the audit trail, queueing mail.
 * Each worker's database user therefore holds the grants these need
 * (sql/grants.sql, "every worker").  Run them with DB_COMMON(CSTMT_X).
 */
#include "karika.h"

const char *const cstmt_sql[CSTMT__MAX] = {
    [CSTMT_SESSION] =
	"SELECT s.id, a.id, a.name, a.email, a.locale, s.csrf_token, "
	"s.created_at FROM session s JOIN account a ON a.id = s.account_id "
	"WHERE s.token_hash = ? AND s.expires_at > UTC_TIMESTAMP() "
	"AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? SECOND "
	"AND a.status = 'active' AND s.created_at >= a.rights_changed_at",
    [CSTMT_ROLES] = "SELECT role, municipality_id, organisation_id "
		    "FROM account_role WHERE account_id = ?",
    [CSTMT_SESSION_TOUCH] =
	"UPDATE session SET last_seen_at = UTC_TIMESTAMP() WHERE id = ? "
	"AND last_seen_at < UTC_TIMESTAMP() - INTERVAL 60 SECOND",
    [CSTMT_AUDIT] = "INSERT INTO audit (account_id, role, action, object_type, "
		    "object_id, request_id, worker, outcome) "
		    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    [CSTMT_OUTBOX] = "INSERT INTO outbox (to_addr, locale, template, "
		     "param_name, param_link) VALUES (?, ?, ?, ?, ?)",
};
