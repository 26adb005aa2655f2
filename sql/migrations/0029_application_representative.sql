-- SPDX-License-Identifier: ISC
-- 0029: an approved application puts its parent or guardian into the
-- register as the child's legal representative, and "who has seen my
-- application" names a provider in the page's script (issue 13).
--
-- The application records the relation (parent, guardian: the legal
-- representative of the register, 0006's person.representative_id and
-- representative_kind).  When the child is in the register (matched by
-- the JMBG or created by application_enrol) and has no representative
-- yet, the applicant becomes it: the person of the town with the
-- applicant's name key and e-mail address, else a new one from the
-- account's name (its keys computed in C, translit_search_key, as the
-- register keys every name).  A child who already has a representative
-- keeps it: the register's record is the CSW's to change.  The trigger
-- person_name_to_enrolment (0027) copies the representative onto the
-- child's enrolments.

-- The applicant's name as the account has it, when the application's
-- child is in the register without a representative and the applicant
-- is its parent or guardian; no row otherwise.
CREATE OR REPLACE PROCEDURE application_applicant(IN app BIGINT UNSIGNED)
	READS SQL DATA SQL SECURITY DEFINER
	SELECT c.name FROM application a
	JOIN account c ON c.id = a.applicant_account_id
	JOIN person p ON p.id = a.person_id
	WHERE a.id = app AND a.relation IN ('parent', 'guardian')
	AND p.representative_id IS NULL;

-- The applicant as the child's representative (given, family: the
-- account's name; nkey, fkey: their search keys).  Returns one row:
-- representative (NULL when none was set: see application_applicant),
-- created (1 when a new person of the register was written) and person
-- (the child).
CREATE OR REPLACE PROCEDURE application_representative(
    IN app BIGINT UNSIGNED, IN given VARCHAR(100), IN family VARCHAR(100),
    IN nkey VARCHAR(210), IN fkey VARCHAR(100))
	MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
	DECLARE pid, rid, mun BIGINT UNSIGNED DEFAULT NULL;
	DECLARE rel VARCHAR(8) DEFAULT NULL;
	DECLARE mail VARCHAR(254) DEFAULT NULL;
	DECLARE created INT DEFAULT 0;
	SELECT p.id, a.relation, a.municipality_id, c.email
	    INTO pid, rel, mun, mail
	FROM application a JOIN account c ON c.id = a.applicant_account_id
	JOIN person p ON p.id = a.person_id
	WHERE a.id = app AND a.relation IN ('parent', 'guardian')
	AND p.representative_id IS NULL FOR UPDATE;
	IF pid IS NOT NULL THEN
		SELECT id INTO rid FROM person
		WHERE municipality_id = mun AND name_key = nkey
		AND email = mail AND id <> pid ORDER BY id LIMIT 1;
		IF rid IS NULL THEN
			INSERT INTO person (municipality_id, given_name,
			    family_name, name_key, family_key, email)
			VALUES (mun, given, family, nkey, fkey, mail);
			SET rid = LAST_INSERT_ID(), created = 1;
		END IF;
		UPDATE person SET representative_id = rid,
		    representative_kind = rel
		WHERE id = pid;
	END IF;
	SELECT rid AS representative, created, pid AS person;
END;

-- application_seen (0016) with the organisation's name in the page's
-- script: cyrl = 1 gives name_cyrl when it is set (as 0004 says).
CREATE OR REPLACE PROCEDURE application_seen(IN app BIGINT UNSIGNED,
    IN acc BIGINT UNSIGNED, IN cyrl TINYINT)
	READS SQL DATA SQL SECURITY DEFINER
	SELECT x.at, x.role, x.action, x.object_type AS `object`,
	    (SELECT IF(cyrl = 1, COALESCE(o.name_cyrl, o.name), o.name)
	    FROM account_role r JOIN organisation o
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
