-- SPDX-License-Identifier: ISC
-- 0026: the monthly grid from enrolment's indexes alone (issue 12,
-- "Performance", scripts/bench-register: 1,000,000 people, a provider of
-- 4,285 users).  A grid page read its slice of 0017's enrolment_grid and
-- then, for each of its 200 rows, the person (for the family name it
-- shows) and the service (the same one for the whole slice): 400 lookups,
-- half of the page's time in MariaDB.  enrolment now keeps a copy of the
-- person's family name too (the given name and the family key it has
-- already, 0017; the triggers below keep all three right whoever writes),
-- and enrolment_grid holds it, so a slice is one range of one index
-- (delivery.c, STMT_DELIVERY_GRID; the service's name and unit come with
-- the counts of STMT_DELIVERY_SERVICES).
--
-- Those counts (the page's total and its number of pages) read every
-- enrolment of the provider: enrolment_month is the narrow index they
-- read, a quarter of enrolment_grid's width.
ALTER TABLE enrolment
	ADD COLUMN IF NOT EXISTS person_family_name VARCHAR(100) NOT NULL
	    DEFAULT '';
UPDATE enrolment e JOIN person p ON p.id = e.person_id
	SET e.person_family_name = p.family_name;
ALTER TABLE enrolment
	DROP KEY IF EXISTS enrolment_grid,
	ADD KEY enrolment_grid (organisation_id, service_id,
	    person_family_key, person_given_name, id, start_date, end_date,
	    person_family_name),
	ADD KEY IF NOT EXISTS enrolment_month (organisation_id, service_id,
	    start_date, end_date);

CREATE OR REPLACE TRIGGER enrolment_person_insert BEFORE INSERT ON enrolment
	FOR EACH ROW
	SET NEW.person_family_key = COALESCE((SELECT family_key FROM person
		WHERE id = NEW.person_id), ''),
	    NEW.person_given_name = COALESCE((SELECT given_name FROM person
		WHERE id = NEW.person_id), ''),
	    NEW.person_family_name = COALESCE((SELECT family_name FROM person
		WHERE id = NEW.person_id), '');
CREATE OR REPLACE TRIGGER enrolment_person_update BEFORE UPDATE ON enrolment
	FOR EACH ROW
	IF NEW.person_id <> OLD.person_id THEN
		SET NEW.person_family_key = COALESCE((SELECT family_key
			FROM person WHERE id = NEW.person_id), ''),
		    NEW.person_given_name = COALESCE((SELECT given_name
			FROM person WHERE id = NEW.person_id), ''),
		    NEW.person_family_name = COALESCE((SELECT family_name
			FROM person WHERE id = NEW.person_id), '');
	END IF;
-- A family name written in the other script keeps its key: compared
-- byte for byte, it is copied all the same.
CREATE OR REPLACE TRIGGER person_name_to_enrolment AFTER UPDATE ON person
	FOR EACH ROW
	IF BINARY NEW.family_key <> BINARY OLD.family_key
	    OR BINARY NEW.given_name <> BINARY OLD.given_name
	    OR BINARY NEW.family_name <> BINARY OLD.family_name THEN
		UPDATE enrolment SET person_family_key = NEW.family_key,
		    person_given_name = NEW.given_name,
		    person_family_name = NEW.family_name
		WHERE person_id = NEW.id;
	END IF;
