-- SPDX-License-Identifier: ISC
-- 0017: the register's search and monthly grid at scale (issue 12,
-- "Performance", measured with scripts/bench-register on 1,000,000
-- people): indexes that hold what each reads in the order it lists, and
-- on enrolment a copy of its person's sort keys, kept by triggers.
--
-- The name search (person.c, stmt.c's PERSON_SIDE) lists people by
-- (family_key, name_key, id) and finds them by a prefix of either key.
-- 0001's (municipality_id, name_key) and 0006's (municipality_id,
-- family_key) found the ~2,000 people a common family name has in a
-- municipality, but each had to be read and all of them sorted before 20
-- were shown.  With the other key in the index (InnoDB adds the id), each
-- side of the search reads only the index, already in the list's order,
-- and stops at its page, wherever the page is (a cursor instead of
-- OFFSET).  They replace the two narrower ones, which they cover
-- (person_municipality's foreign key keeps an index to lean on).
ALTER TABLE person
	ADD KEY IF NOT EXISTS person_family_name (municipality_id, family_key,
	    name_key),
	ADD KEY IF NOT EXISTS person_name_family (municipality_id, name_key,
	    family_key);
ALTER TABLE person
	DROP KEY IF EXISTS person_family_key,
	DROP KEY IF EXISTS person_name_key;

-- A provider's people: whether a person is enrolled with the provider
-- (the search's scope, probed once per person met) and who its users
-- are (a small caseload's search) are both in this index, so neither
-- reads the enrolment rows.
ALTER TABLE enrolment
	ADD KEY IF NOT EXISTS enrolment_caseload (organisation_id, person_id);

-- The monthly grid lists a provider's enrolments of a month by service,
-- then by the person's family key and given name.  Those are the
-- person's, so every page had to read the person of every enrolment of
-- the provider (4,300 in the benchmark) to sort them before showing 200.
-- enrolment keeps a copy of the two (the triggers below keep it right,
-- whoever writes: the registry, karika-applications' stored procedures,
-- a loader), and enrolment_grid holds a service's enrolments in the
-- grid's order, with the dates that say which are active in a month and
-- the person: a page reads its own slice of the index and then only its
-- own rows (delivery.c, STMT_DELIVERY_GRID).
ALTER TABLE enrolment
	ADD COLUMN IF NOT EXISTS person_family_key VARCHAR(100) NOT NULL
	    DEFAULT '',
	ADD COLUMN IF NOT EXISTS person_given_name VARCHAR(100) NOT NULL
	    DEFAULT '';
UPDATE enrolment e JOIN person p ON p.id = e.person_id
	SET e.person_family_key = p.family_key,
	    e.person_given_name = p.given_name;
ALTER TABLE enrolment
	ADD KEY IF NOT EXISTS enrolment_grid (organisation_id, service_id,
	    person_family_key, person_given_name, id, start_date, end_date,
	    person_id);

CREATE OR REPLACE TRIGGER enrolment_person_insert BEFORE INSERT ON enrolment
	FOR EACH ROW
	SET NEW.person_family_key = COALESCE((SELECT family_key FROM person
		WHERE id = NEW.person_id), ''),
	    NEW.person_given_name = COALESCE((SELECT given_name FROM person
		WHERE id = NEW.person_id), '');
CREATE OR REPLACE TRIGGER enrolment_person_update BEFORE UPDATE ON enrolment
	FOR EACH ROW
	IF NEW.person_id <> OLD.person_id THEN
		SET NEW.person_family_key = COALESCE((SELECT family_key
			FROM person WHERE id = NEW.person_id), ''),
		    NEW.person_given_name = COALESCE((SELECT given_name
			FROM person WHERE id = NEW.person_id), '');
	END IF;
CREATE OR REPLACE TRIGGER person_name_to_enrolment AFTER UPDATE ON person
	FOR EACH ROW
	IF BINARY NEW.family_key <> BINARY OLD.family_key
	    OR BINARY NEW.given_name <> BINARY OLD.given_name THEN
		UPDATE enrolment SET person_family_key = NEW.family_key,
		    person_given_name = NEW.given_name
		WHERE person_id = NEW.id;
	END IF;
