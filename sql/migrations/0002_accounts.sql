-- SPDX-License-Identifier: ISC
-- 0002: accounts, roles, sessions, single-use tokens, login throttling,
-- the append-only audit trail and the e-mail outbox.  Owned by
-- karika-registry, except the audit table (every worker appends) and the
-- outbox (written by workers, drained by karika-mailer).

CREATE TABLE account (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	email VARCHAR(254) NOT NULL,
	name VARCHAR(120) NOT NULL,
	password_hash VARCHAR(255) NULL,
	locale VARCHAR(8) NOT NULL DEFAULT 'sr-Cyrl',
	-- pending: e-mail not confirmed (or invitation not accepted)
	status ENUM('pending', 'active', 'disabled') NOT NULL DEFAULT 'pending',
	privacy_accepted_at TIMESTAMP NULL,
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	-- Bumped at every change of password or rights: sessions older than
	-- this are refused.
	rights_changed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	UNIQUE KEY account_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An account may hold several roles, each scoped: staff roles to a
-- municipality, provider staff also to one organisation.
CREATE TABLE account_role (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	account_id BIGINT UNSIGNED NOT NULL,
	role ENUM('citizen', 'provider', 'csw', 'analyst', 'editor', 'admin') NOT NULL,
	municipality_id BIGINT UNSIGNED NULL,
	organisation_id BIGINT UNSIGNED NULL,
	UNIQUE KEY account_role_once (account_id, role, municipality_id, organisation_id),
	CONSTRAINT account_role_account FOREIGN KEY (account_id) REFERENCES account (id),
	CONSTRAINT account_role_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
	CONSTRAINT account_role_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A session: only the SHA-256 of its 256-bit token is stored.
CREATE TABLE session (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	account_id BIGINT UNSIGNED NOT NULL,
	token_hash BINARY(32) NOT NULL,
	csrf_token CHAR(64) NOT NULL,
	created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	last_seen_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	expires_at TIMESTAMP NOT NULL,
	user_agent VARCHAR(120) NOT NULL DEFAULT '',
	UNIQUE KEY session_token (token_hash),
	KEY session_account (account_id),
	CONSTRAINT session_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Single-use links sent by e-mail: confirm an address, reset a password,
-- accept an invitation, confirm a new address.  Only the hash is stored.
CREATE TABLE account_token (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	account_id BIGINT UNSIGNED NOT NULL,
	purpose ENUM('confirm', 'reset', 'invite', 'email') NOT NULL,
	token_hash BINARY(32) NOT NULL,
	new_email VARCHAR(254) NULL,
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	expires_at TIMESTAMP NOT NULL,
	used_at TIMESTAMP NULL,
	UNIQUE KEY account_token_hash (token_hash),
	CONSTRAINT account_token_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed logins, per account and per client address; the address is kept
-- only as a keyed hash, and rows are forgotten after a quiet day.
CREATE TABLE login_throttle (
	kind ENUM('account', 'address') NOT NULL,
	key_hash BINARY(32) NOT NULL,
	failures INT UNSIGNED NOT NULL DEFAULT 0,
	last_failure_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (kind, key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The audit trail: one row per login, logout, failed login, change of
-- rights, read of a person's record, change, and refused access.
-- Append-only: no grant allows UPDATE or DELETE, and these triggers stop
-- even the owner of the schema.
CREATE TABLE audit (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	account_id BIGINT UNSIGNED NULL,
	role VARCHAR(16) NOT NULL DEFAULT '',
	action VARCHAR(48) NOT NULL,
	object_type VARCHAR(32) NOT NULL DEFAULT '',
	object_id BIGINT UNSIGNED NULL,
	request_id VARCHAR(64) NOT NULL DEFAULT '',
	worker VARCHAR(16) NOT NULL DEFAULT '',
	outcome VARCHAR(16) NOT NULL DEFAULT 'ok',
	KEY audit_at (at),
	KEY audit_account (account_id, at),
	KEY audit_object (object_type, object_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH ROW
	SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the audit trail is append-only';
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit FOR EACH ROW
	SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the audit trail is append-only';

-- E-mail waiting to be sent: a request writes a row in its own
-- transaction; karika-mailer renders it in the recipient's language from
-- the message catalogue (mail.<template>.subject and .body, with {link}
-- and {name}), sends it with retries and backoff, and then blanks the
-- link, which holds a single-use token.
CREATE TABLE outbox (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	to_addr VARCHAR(254) NOT NULL,
	locale VARCHAR(8) NOT NULL,
	template VARCHAR(32) NOT NULL,
	param_name VARCHAR(120) NOT NULL DEFAULT '',
	param_link VARCHAR(600) NOT NULL DEFAULT '',
	attempts INT UNSIGNED NOT NULL DEFAULT 0,
	next_attempt_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	sent_at TIMESTAMP NULL,
	last_error VARCHAR(255) NULL,
	KEY outbox_due (sent_at, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
