/* SPDX-License-Identifier: ISC */
/*
 * cstmt.c: the statements every worker prepares after its own: who is
 * asking (through stored queries keyed by the session token's hash, so
 * that no worker but the registry reads accounts or sessions), appending
 * to the audit trail, queueing mail.  Each worker's database user holds
 * the grants these need (sql/grants.sql, "every worker").  Run them with
 * DB_COMMON(CSTMT_X).
 */
#include "karika.h"

const char *const cstmt_sql[CSTMT__MAX] = {
    /* The stored query of 0007_session_load.sql, keyed by token hash: the
     * session marked seen, and a row per role. */
    [CSTMT_SESSION] = "CALL session_load(?, ?)",
    [CSTMT_AUDIT] = "INSERT INTO audit (account_id, role, action, object_type, "
		    "object_id, request_id, worker, outcome) "
		    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    [CSTMT_OUTBOX] = "INSERT INTO outbox (to_addr, locale, template, "
		     "param_name, param_link) VALUES (?, ?, ?, ?, ?)",
    [CSTMT_MUNICIPALITY] =
	"SELECT id, ELT(?, name_sr_cyrl, name_sr_latn, name_bs, name_en) "
	"AS name, country, currency, small_cell_k AS k FROM municipality "
	"WHERE code = ?",
};
