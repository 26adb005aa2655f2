-- SPDX-License-Identifier: ISC
-- 0007: who is asking in one round trip instead of three.  session_load
-- does what 0003's session_lookup, session_roles and session_touch did one
-- after the other: it marks a still valid session seen (at most once a
-- minute), then returns the session and its account once per role, the
-- role's columns first (NULL for an account without a role), so that
-- sess_roles() reads the rows as it reads session_roles'.  The rules of a
-- valid session are 0003's: not expired, not idle, the account active and
-- its rights unchanged since sign-in.  0003's procedures stay.

CREATE PROCEDURE session_load(IN h BINARY(32), IN idle_seconds INT)
	MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
	UPDATE session s JOIN account a ON a.id = s.account_id
	SET s.last_seen_at = UTC_TIMESTAMP()
	WHERE s.token_hash = h AND s.expires_at > UTC_TIMESTAMP()
	AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL idle_seconds SECOND
	AND s.last_seen_at < UTC_TIMESTAMP() - INTERVAL 60 SECOND
	AND a.status = 'active' AND s.created_at >= a.rights_changed_at;
	SELECT r.role, r.municipality_id, r.organisation_id, s.id AS session,
	    a.id AS account, a.name, a.email, a.locale, s.csrf_token AS csrf,
	    s.created_at AS created
	FROM session s JOIN account a ON a.id = s.account_id
	LEFT JOIN account_role r ON r.account_id = a.id
	WHERE s.token_hash = h AND s.expires_at > UTC_TIMESTAMP()
	AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL idle_seconds SECOND
	AND a.status = 'active' AND s.created_at >= a.rights_changed_at;
END;
