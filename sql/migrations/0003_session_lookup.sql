-- SPDX-License-Identifier: ISC
-- 0003: the narrow stored queries through which every worker learns who
-- is asking, keyed by the session token's hash, so that a worker's
-- database user needs no read access to accounts or sessions at all
-- (ARCHITECTURE: "reads it through a narrow stored query that the owner
-- publishes").  Without a valid token a caller learns nothing.

CREATE PROCEDURE session_lookup(IN h BINARY(32), IN idle_seconds INT)
	READS SQL DATA SQL SECURITY DEFINER
	SELECT s.id, a.id, a.name, a.email, a.locale, s.csrf_token,
	    s.created_at
	FROM session s JOIN account a ON a.id = s.account_id
	WHERE s.token_hash = h AND s.expires_at > UTC_TIMESTAMP()
	AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL idle_seconds SECOND
	AND a.status = 'active' AND s.created_at >= a.rights_changed_at;

CREATE PROCEDURE session_roles(IN h BINARY(32))
	READS SQL DATA SQL SECURITY DEFINER
	SELECT r.role, r.municipality_id, r.organisation_id
	FROM session s JOIN account_role r ON r.account_id = s.account_id
	WHERE s.token_hash = h;

CREATE PROCEDURE session_touch(IN h BINARY(32))
	MODIFIES SQL DATA SQL SECURITY DEFINER
	UPDATE session SET last_seen_at = UTC_TIMESTAMP()
	WHERE token_hash = h
	AND last_seen_at < UTC_TIMESTAMP() - INTERVAL 60 SECOND;
