-- SPDX-License-Identifier: ISC
-- 0016: online applications (issue 13), owned by karika-applications:
-- the application of a parent or guardian (or of oneself) for a service,
-- its documents (files on disk under their SHA-256, documents.dir; the
-- rows here are their metadata and owner), its timeline, the coded
-- priority criteria of a service's waiting list and each waiting
-- applicant's position over time.
--
-- The register stays the registry's: the applications worker reads and
-- writes persons and enrolments only through the stored queries at the
-- end (a match that says nothing to the applicant, the enrolment on
-- approval after the same checks as enrol_check(), who has seen an
-- application), each SQL SECURITY DEFINER and granted to it alone.
--
-- Conventions as in 0006: optional free text is NOT NULL DEFAULT '';
-- labels of codes are catalogue keys (dockind.<code>, criterion.<code>).

-- Kinds of document an application may carry.  Labels: dockind.<code>.
CREATE TABLE IF NOT EXISTS document_kind (
	id SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
	code VARCHAR(32) NOT NULL,
	position SMALLINT UNSIGNED NOT NULL,
	UNIQUE KEY document_kind_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO document_kind (id, code, position) VALUES
	(1, 'commission', 1),	-- opinion of the inter-departmental commission
	(2, 'medical', 2),	-- medical findings
	(3, 'residence', 3),	-- proof of residence
	(4, 'birth', 4),	-- birth certificate (the CSW obtains it)
	(5, 'income', 5),	-- household income
	(6, 'other', 6);

-- What a service asks for.  by_csw: the administration holds it already
-- and the CSW obtains it itself (the once-only principle): shown, never
-- asked of the applicant.
CREATE TABLE IF NOT EXISTS service_document (
	service_id BIGINT UNSIGNED NOT NULL,
	kind_id SMALLINT UNSIGNED NOT NULL,
	required BOOLEAN NOT NULL DEFAULT TRUE,
	by_csw BOOLEAN NOT NULL DEFAULT FALSE,
	PRIMARY KEY (service_id, kind_id),
	CONSTRAINT service_document_service FOREIGN KEY (service_id)
		REFERENCES service (id),
	CONSTRAINT service_document_kind FOREIGN KEY (kind_id)
		REFERENCES document_kind (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Coded priority criteria of a service's waiting list, with points, set
-- by administrators.  Labels: criterion.<code>.
CREATE TABLE IF NOT EXISTS priority_criterion (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	service_id BIGINT UNSIGNED NOT NULL,
	code VARCHAR(32) NOT NULL,
	points SMALLINT UNSIGNED NOT NULL,
	position SMALLINT UNSIGNED NOT NULL,
	UNIQUE KEY priority_criterion_code (service_id, code),
	CONSTRAINT priority_criterion_service FOREIGN KEY (service_id)
		REFERENCES service (id),
	CONSTRAINT priority_criterion_points CHECK (points <= 1000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An application.  applicant_account_id is NULL while an application
-- staff filed on a parent's behalf waits to be claimed (claim_hash: the
-- SHA-256 of the code sent to the parent).  The child's data (or the
-- applicant's own, relation 'self') is what the decision needs and
-- nothing more; name keys as the register's (translit_search_key).
-- person_id: the register's person it matched (application_person_match)
-- or the one approval created; never shown to the applicant.  points:
-- the sum of its criteria's points, kept with every change of them.
CREATE TABLE IF NOT EXISTS application (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	service_id BIGINT UNSIGNED NOT NULL,
	applicant_account_id BIGINT UNSIGNED NULL,
	filed_by_account_id BIGINT UNSIGNED NOT NULL,
	claim_hash BINARY(32) NULL,
	-- where the e-mails of its changes go: the applicant's address, or
	-- the one staff wrote down for the parent until it is claimed
	email VARCHAR(254) NOT NULL DEFAULT '',
	status ENUM('draft', 'submitted', 'review', 'info', 'refused',
	    'withdrawn', 'waiting', 'offered', 'enrolled') NOT NULL
	    DEFAULT 'draft',
	relation ENUM('self', 'parent', 'guardian') NOT NULL,
	given_name VARCHAR(100) NOT NULL,
	family_name VARCHAR(100) NOT NULL,
	name_key VARCHAR(210) NOT NULL,
	family_key VARCHAR(100) NOT NULL,
	birth_date DATE NOT NULL,
	jmbg CHAR(13) NULL,
	sex ENUM('male', 'female') NULL,
	address VARCHAR(200) NOT NULL DEFAULT '',
	needs_note VARCHAR(1000) NOT NULL DEFAULT '',
	consent_at TIMESTAMP NULL,
	consent_by_staff BOOLEAN NOT NULL DEFAULT FALSE,
	locale VARCHAR(8) NOT NULL DEFAULT 'sr-Cyrl',
	person_id BIGINT UNSIGNED NULL,
	assigned_account_id BIGINT UNSIGNED NULL,
	organisation_id BIGINT UNSIGNED NULL,
	enrolment_id BIGINT UNSIGNED NULL,
	points INT UNSIGNED NOT NULL DEFAULT 0,
	reasons VARCHAR(4000) NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
	    ON UPDATE CURRENT_TIMESTAMP,
	submitted_at TIMESTAMP NULL,
	decided_at TIMESTAMP NULL,
	waiting_since TIMESTAMP NULL,
	offer_expires_at TIMESTAMP NULL,
	KEY application_applicant (applicant_account_id, created_at),
	-- the CSW's inbox: by service, status and age
	KEY application_inbox (municipality_id, status, submitted_at),
	KEY application_inbox_service (municipality_id, service_id, status,
	    submitted_at),
	KEY application_waiting (service_id, status, points, waiting_since),
	UNIQUE KEY application_claim (claim_hash),
	CONSTRAINT application_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id),
	CONSTRAINT application_service FOREIGN KEY (service_id)
		REFERENCES service (id),
	CONSTRAINT application_applicant_fk FOREIGN KEY
	    (applicant_account_id) REFERENCES account (id),
	CONSTRAINT application_filed_by FOREIGN KEY (filed_by_account_id)
		REFERENCES account (id),
	CONSTRAINT application_jmbg_shape CHECK (jmbg REGEXP '^[0-9]{13}$'),
	CONSTRAINT application_owner CHECK (applicant_account_id IS NOT NULL
	    OR claim_hash IS NOT NULL OR status = 'withdrawn')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The coded needs the decision uses (0006's need list).
CREATE TABLE IF NOT EXISTS application_need (
	application_id BIGINT UNSIGNED NOT NULL,
	need_id SMALLINT UNSIGNED NOT NULL,
	PRIMARY KEY (application_id, need_id),
	CONSTRAINT application_need_application FOREIGN KEY (application_id)
		REFERENCES application (id) ON DELETE CASCADE,
	CONSTRAINT application_need_need FOREIGN KEY (need_id)
		REFERENCES need (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A document: the file is documents.dir/<sha256 in hex>, written only
-- after this row committed (a temporary name, fsync, rename); the same
-- file given in two applications is one file and two rows.  type is the
-- sniffed type, never the one the browser sent.
CREATE TABLE IF NOT EXISTS application_document (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	application_id BIGINT UNSIGNED NOT NULL,
	kind_id SMALLINT UNSIGNED NOT NULL,
	sha256 BINARY(32) NOT NULL,
	bytes INT UNSIGNED NOT NULL,
	type ENUM('application/pdf', 'image/jpeg', 'image/png') NOT NULL,
	filename VARCHAR(255) NOT NULL,
	added_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	added_by BIGINT UNSIGNED NOT NULL,
	KEY application_document_application (application_id, kind_id),
	KEY application_document_sha (sha256),
	CONSTRAINT application_document_application FOREIGN KEY
	    (application_id) REFERENCES application (id),
	CONSTRAINT application_document_kind FOREIGN KEY (kind_id)
		REFERENCES document_kind (id),
	CONSTRAINT application_document_account FOREIGN KEY (added_by)
		REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The timeline: each change of status, each message between the CSW
-- and the applicant, each correction of the criteria (with its reason).
CREATE TABLE IF NOT EXISTS application_event (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	application_id BIGINT UNSIGNED NOT NULL,
	at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	kind VARCHAR(24) NOT NULL,
	account_id BIGINT UNSIGNED NULL,
	note VARCHAR(4000) NOT NULL DEFAULT '',
	KEY application_event_application (application_id, at),
	CONSTRAINT application_event_application FOREIGN KEY (application_id)
		REFERENCES application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The criteria an application meets.  set_by NULL: declared by the
-- applicant; else the CSW who corrected them (with a reason in the
-- timeline and a row in the audit trail).
CREATE TABLE IF NOT EXISTS application_criterion (
	application_id BIGINT UNSIGNED NOT NULL,
	criterion_id BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (application_id, criterion_id),
	CONSTRAINT application_criterion_application FOREIGN KEY
	    (application_id) REFERENCES application (id) ON DELETE CASCADE,
	CONSTRAINT application_criterion_criterion FOREIGN KEY (criterion_id)
		REFERENCES priority_criterion (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Positions on a waiting list, one row per waiting application each
-- time the list changed (reason: joined, left, criteria, place, expired),
-- so that an applicant sees how their place moved and why, by data.
CREATE TABLE IF NOT EXISTS application_position (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	application_id BIGINT UNSIGNED NOT NULL,
	at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	position INT UNSIGNED NOT NULL,
	total INT UNSIGNED NOT NULL,
	reason VARCHAR(16) NOT NULL,
	KEY application_position_application (application_id, id),
	CONSTRAINT application_position_application FOREIGN KEY
	    (application_id) REFERENCES application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- --- stored queries the registry publishes to karika-applications ------

-- Is a person with this JMBG in the town's register?  The register's id
-- or no row: the worker keeps it for the CSW and tells the applicant
-- nothing, so the form reveals nothing about the register.
CREATE OR REPLACE PROCEDURE application_person_match(IN j CHAR(13),
    IN mun BIGINT UNSIGNED)
	READS SQL DATA SQL SECURITY DEFINER
	SELECT id AS person FROM person
	WHERE jmbg = j AND municipality_id = mun LIMIT 1;

-- Places of each provider licensed for a service this year: capacity
-- (never above the licence's ceiling) and the places taken today.  No
-- person is named.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW application_places AS
	SELECT c.service_id, c.organisation_id, o.name, o.name_cyrl,
	    IF(l.capacity > 0, LEAST(c.places, l.capacity), c.places)
	    AS places,
	    (SELECT COUNT(*) FROM enrolment e
	    WHERE e.organisation_id = c.organisation_id
	    AND e.service_id = c.service_id AND e.start_date <= UTC_DATE()
	    AND (e.end_date IS NULL OR e.end_date >= UTC_DATE())) AS taken
	FROM capacity c JOIN organisation o ON o.id = c.organisation_id
	JOIN licence l ON l.organisation_id = c.organisation_id
	    AND l.service_id = c.service_id
	    AND l.valid_from <= UTC_DATE() AND l.valid_to >= UTC_DATE()
	WHERE c.year = YEAR(UTC_DATE());

-- The enrolment of an approved application at provider org from day
-- start, after enrol_check()'s rules: a licence valid on the start day
-- and today, and a free place of the year's capacity (never above the
-- licence's ceiling), the capacity row locked so that two enrolments
-- cannot take the last place.  The person is the one the application
-- matched, else a new row of the register from the application's data
-- (no retyping), with its coded needs.  Returns one row: outcome
-- 'enrolled' (with person and enrolment), 'full', 'licence' or 'state'
-- (the application is not one that may be enrolled).
CREATE OR REPLACE PROCEDURE application_enrol(IN app BIGINT UNSIGNED,
    IN org BIGINT UNSIGNED, IN start DATE)
	MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
	DECLARE svc, pid, eid BIGINT UNSIGNED DEFAULT NULL;
	DECLARE st VARCHAR(16) DEFAULT NULL;
	DECLARE cap, ceiling, used INT DEFAULT NULL;
	DECLARE outcome VARCHAR(8) DEFAULT 'state';
	SELECT service_id, person_id, status INTO svc, pid, st
	FROM application WHERE id = app FOR UPDATE;
	IF svc IS NOT NULL AND st IN ('review', 'waiting', 'offered') THEN
		SELECT l.capacity INTO ceiling FROM licence l
		WHERE l.organisation_id = org AND l.service_id = svc
		AND l.valid_from <= start
		AND l.valid_to >= GREATEST(start, UTC_DATE())
		ORDER BY l.valid_to DESC LIMIT 1;
		SET outcome = IF(ceiling IS NULL, 'licence', 'full');
	END IF;
	IF outcome = 'full' THEN
		SELECT places INTO cap FROM capacity WHERE organisation_id = org
		AND service_id = svc AND year = YEAR(start) FOR UPDATE;
		SELECT COUNT(*) INTO used FROM enrolment
		WHERE organisation_id = org AND service_id = svc
		AND start_date <= MAKEDATE(YEAR(start) + 1, 1) - INTERVAL 1 DAY
		AND (end_date IS NULL OR end_date >= start);
		IF cap IS NOT NULL AND used < cap
		    AND (ceiling = 0 OR used < ceiling) THEN
			SET outcome = 'enrolled';
		END IF;
	END IF;
	IF outcome = 'enrolled' AND pid IS NULL THEN
		INSERT INTO person (municipality_id, given_name, family_name,
		    name_key, family_key, birth_date, jmbg, sex, address)
		SELECT municipality_id, given_name, family_name, name_key,
		    family_key, birth_date, jmbg, sex, address
		FROM application WHERE id = app;
		SET pid = LAST_INSERT_ID();
		INSERT IGNORE INTO person_need (person_id, need_id)
		SELECT pid, need_id FROM application_need
		WHERE application_id = app;
	END IF;
	IF outcome = 'enrolled' THEN
		INSERT INTO enrolment (person_id, service_id, organisation_id,
		    referral_number, referral_date, start_date)
		VALUES (pid, svc, org, CONCAT('E-', app), UTC_DATE(), start);
		SET eid = LAST_INSERT_ID();
		UPDATE application SET status = 'enrolled', person_id = pid,
		    enrolment_id = eid, organisation_id = org,
		    offer_expires_at = NULL
		WHERE id = app;
	END IF;
	SELECT outcome, pid AS person, eid AS enrolment;
END;

-- Who has seen an application and the record of its child: each read
-- and change in the audit trail by anyone but the applicant, with the
-- role and the organisation (a provider's; the CSW's staff have none),
-- newest first; refused attempts (outcome 'not-found': nothing was
-- shown) are not reads.  Only for the applicant's own application
-- (acc): no row otherwise, and never anybody's name.
CREATE OR REPLACE PROCEDURE application_seen(IN app BIGINT UNSIGNED,
    IN acc BIGINT UNSIGNED)
	READS SQL DATA SQL SECURITY DEFINER
	SELECT x.at, x.role, x.action, x.object_type AS `object`,
	    (SELECT o.name FROM account_role r JOIN organisation o
	    ON o.id = r.organisation_id WHERE r.account_id = x.account_id
	    AND r.role = x.role LIMIT 1) AS organisation
	FROM (SELECT u.at, u.role, u.action, u.object_type, u.account_id
	    FROM application a JOIN audit u ON u.object_type = 'application'
	    AND u.object_id = a.id
	    WHERE a.id = app AND a.applicant_account_id = acc
	    AND u.outcome = 'ok'
	    AND (u.account_id IS NULL OR u.account_id <> acc)
	    UNION ALL
	    SELECT u.at, u.role, u.action, u.object_type, u.account_id
	    FROM application a JOIN audit u ON u.object_type = 'person'
	    AND u.object_id = a.person_id
	    WHERE a.id = app AND a.applicant_account_id = acc
	    AND u.outcome = 'ok'
	    AND (u.account_id IS NULL OR u.account_id <> acc)) x
	ORDER BY x.at DESC LIMIT 500;

-- report_waiting (0011) over the applications: waiting now, or refused.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW report_waiting AS
	SELECT a.municipality_id, a.service_id,
	    CAST(NULL AS UNSIGNED) AS organisation_id,
	    CAST(IF(a.status = 'refused', 'refused', 'waiting') AS CHAR(8))
	    AS kind,
	    CAST(IF(a.status = 'refused', a.decided_at, a.waiting_since)
	    AS DATE) AS since
	FROM application a WHERE a.status IN ('waiting', 'offered', 'refused');
