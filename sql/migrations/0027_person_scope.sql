-- SPDX-License-Identifier: ISC
-- 0027: provider staff find the people they may see from enrolment's
-- indexes alone (issue 12, "Performance", scripts/bench-register).
--
-- A provider sees the people enrolled with it and those people's legal
-- representatives (PERSON_SCOPE in stmt.c).  Its name search walked the
-- town's names in order (0017's person_family_name) and probed, for each
-- person met, the person's enrolments and those of the people it
-- represents: with 1,000,000 people, "Đorđević" met 436 people in the
-- provider's town to show 21, 1.3 ms of probes; a provider of under
-- 1,000 users read all of them instead.  enrolment now keeps a copy of
-- its person's name key (the family key it has, 0017) and of its
-- person's representative and the representative's two keys (NULL when
-- the person has none); the triggers below keep them right whoever
-- writes.  So the people a provider may see, in the list's order
-- (family key, name key, id) or by name key, are four indexes of
-- enrolment, each read from the cursor on for one page (stmt.c,
-- PERSONS_SCOPE): 0.4 ms for the same search, whatever the caseload.
ALTER TABLE enrolment
	ADD COLUMN IF NOT EXISTS person_name_key VARCHAR(210) NOT NULL
	    DEFAULT '',
	ADD COLUMN IF NOT EXISTS representative_id BIGINT UNSIGNED NULL,
	ADD COLUMN IF NOT EXISTS representative_family_key VARCHAR(100) NULL,
	ADD COLUMN IF NOT EXISTS representative_name_key VARCHAR(210) NULL;
UPDATE enrolment e JOIN person p ON p.id = e.person_id
	LEFT JOIN person r ON r.id = p.representative_id
	SET e.person_name_key = p.name_key, e.representative_id = r.id,
	    e.representative_family_key = r.family_key,
	    e.representative_name_key = r.name_key;
ALTER TABLE enrolment
	ADD KEY IF NOT EXISTS enrolment_scope_family (organisation_id,
	    person_family_key, person_name_key, person_id),
	ADD KEY IF NOT EXISTS enrolment_scope_name (organisation_id,
	    person_name_key, person_family_key, person_id),
	ADD KEY IF NOT EXISTS enrolment_rep_family (organisation_id,
	    representative_family_key, representative_name_key,
	    representative_id),
	ADD KEY IF NOT EXISTS enrolment_rep_name (organisation_id,
	    representative_name_key, representative_family_key,
	    representative_id),
	ADD KEY IF NOT EXISTS enrolment_representative (representative_id);

-- A new enrolment, or one moved to another person: the person's names
-- and keys, its representative and the representative's keys.
CREATE OR REPLACE TRIGGER enrolment_person_insert BEFORE INSERT ON enrolment
	FOR EACH ROW
	SET NEW.person_family_key = COALESCE((SELECT family_key FROM person
		WHERE id = NEW.person_id), ''),
	    NEW.person_given_name = COALESCE((SELECT given_name FROM person
		WHERE id = NEW.person_id), ''),
	    NEW.person_family_name = COALESCE((SELECT family_name FROM person
		WHERE id = NEW.person_id), ''),
	    NEW.person_name_key = COALESCE((SELECT name_key FROM person
		WHERE id = NEW.person_id), ''),
	    NEW.representative_id = (SELECT representative_id FROM person
		WHERE id = NEW.person_id),
	    NEW.representative_family_key = (SELECT r.family_key
		FROM person p JOIN person r ON r.id = p.representative_id
		WHERE p.id = NEW.person_id),
	    NEW.representative_name_key = (SELECT r.name_key
		FROM person p JOIN person r ON r.id = p.representative_id
		WHERE p.id = NEW.person_id);
CREATE OR REPLACE TRIGGER enrolment_person_update BEFORE UPDATE ON enrolment
	FOR EACH ROW
	IF NEW.person_id <> OLD.person_id THEN
		SET NEW.person_family_key = COALESCE((SELECT family_key
			FROM person WHERE id = NEW.person_id), ''),
		    NEW.person_given_name = COALESCE((SELECT given_name
			FROM person WHERE id = NEW.person_id), ''),
		    NEW.person_family_name = COALESCE((SELECT family_name
			FROM person WHERE id = NEW.person_id), ''),
		    NEW.person_name_key = COALESCE((SELECT name_key
			FROM person WHERE id = NEW.person_id), ''),
		    NEW.representative_id = (SELECT representative_id
			FROM person WHERE id = NEW.person_id),
		    NEW.representative_family_key = (SELECT r.family_key
			FROM person p JOIN person r ON r.id = p.representative_id
			WHERE p.id = NEW.person_id),
		    NEW.representative_name_key = (SELECT r.name_key
			FROM person p JOIN person r ON r.id = p.representative_id
			WHERE p.id = NEW.person_id);
	END IF;
-- A person changed: its names and keys on its own enrolments, its keys
-- on the enrolments of the people it represents, and a new (or no)
-- representative on its enrolments.  Compared byte for byte: a name
-- written in the other script keeps its keys but is copied all the same.
CREATE OR REPLACE TRIGGER person_name_to_enrolment AFTER UPDATE ON person
	FOR EACH ROW
BEGIN
	IF BINARY NEW.family_key <> BINARY OLD.family_key
	    OR BINARY NEW.name_key <> BINARY OLD.name_key
	    OR BINARY NEW.given_name <> BINARY OLD.given_name
	    OR BINARY NEW.family_name <> BINARY OLD.family_name THEN
		UPDATE enrolment SET person_family_key = NEW.family_key,
		    person_given_name = NEW.given_name,
		    person_family_name = NEW.family_name,
		    person_name_key = NEW.name_key
		WHERE person_id = NEW.id;
		UPDATE enrolment SET representative_family_key = NEW.family_key,
		    representative_name_key = NEW.name_key
		WHERE representative_id = NEW.id;
	END IF;
	IF NOT (NEW.representative_id <=> OLD.representative_id) THEN
		UPDATE enrolment SET representative_id = NEW.representative_id,
		    representative_family_key = (SELECT family_key FROM person
			WHERE id = NEW.representative_id),
		    representative_name_key = (SELECT name_key FROM person
			WHERE id = NEW.representative_id)
		WHERE person_id = NEW.id;
	END IF;
END;
