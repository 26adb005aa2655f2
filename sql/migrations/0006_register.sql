-- SPDX-License-Identifier: ISC
-- 0006: the register of issue 12 (owned by karika-registry): what an
-- organisation is and how to reach it, a service's yearly price, target
-- group and eligibility, capacity per provider per year, settlements with
-- their urban/rural mark, the person's full record (sex, settlement,
-- contacts, legal representative, coded needs), the referral act and the
-- coded end of an enrolment, units delivered per month and the closing
-- of a provider's month.  karika-reports sees it through the views at the
-- end, which carry no name, birth date, JMBG or contact.
--
-- Conventions: free text that may be left empty is NOT NULL DEFAULT ''
-- (a form's empty field is an empty string); a typed value that may be
-- unknown (a date, a code, a link) is NULL.  Coded lists fixed by the
-- platform (needs, end reasons) are code tables whose labels are message
-- catalogue keys (need.<code>, endreason.<code>), like service_group, so
-- that reports compare across towns.  A month is the DATE of its first day.

-- What an organisation does, beside its legal form (0001's kind:
-- association = civil society, public, private, other).
ALTER TABLE organisation
	ADD COLUMN category ENUM('provider', 'csw', 'city', 'partner',
	    'residential') NOT NULL DEFAULT 'provider' AFTER kind,
	-- matični broj (8 digits, Serbia) or JIB (13 digits, BiH)
	ADD COLUMN registration_number VARCHAR(13) NULL AFTER category,
	ADD COLUMN address VARCHAR(200) NOT NULL DEFAULT '',
	ADD COLUMN phone VARCHAR(40) NOT NULL DEFAULT '',
	ADD COLUMN email VARCHAR(254) NOT NULL DEFAULT '',
	ADD COLUMN website VARCHAR(200) NOT NULL DEFAULT '',
	ADD UNIQUE KEY organisation_registration (municipality_id,
	    registration_number),
	ADD CONSTRAINT organisation_registration_digits CHECK (
	    registration_number REGEXP '^[0-9]{8,13}$');

-- Who a service is for and who may have it, per locale (like its name),
-- and the age range a form can check before anyone applies.
ALTER TABLE service
	ADD COLUMN target_sr_latn VARCHAR(500) NOT NULL DEFAULT '',
	ADD COLUMN target_sr_cyrl VARCHAR(500) NOT NULL DEFAULT '',
	ADD COLUMN target_bs VARCHAR(500) NOT NULL DEFAULT '',
	ADD COLUMN target_en VARCHAR(500) NOT NULL DEFAULT '',
	ADD COLUMN eligibility_sr_latn VARCHAR(1000) NOT NULL DEFAULT '',
	ADD COLUMN eligibility_sr_cyrl VARCHAR(1000) NOT NULL DEFAULT '',
	ADD COLUMN eligibility_bs VARCHAR(1000) NOT NULL DEFAULT '',
	ADD COLUMN eligibility_en VARCHAR(1000) NOT NULL DEFAULT '',
	ADD COLUMN age_min TINYINT UNSIGNED NULL,
	ADD COLUMN age_max TINYINT UNSIGNED NULL,
	ADD CONSTRAINT service_ages CHECK (age_min IS NULL OR age_max IS NULL
	    OR age_max >= age_min);

-- The unit price the municipality sets for each year, in para.  Costs of
-- past years stay right when the price changes.  service.unit_price_para
-- and price_year (0001) stay as the catalogue's current price.
CREATE TABLE service_price (
	service_id BIGINT UNSIGNED NOT NULL,
	year SMALLINT UNSIGNED NOT NULL,
	price_para BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (service_id, year),
	CONSTRAINT service_price_service FOREIGN KEY (service_id)
		REFERENCES service (id),
	CONSTRAINT service_price_year CHECK (year BETWEEN 2000 AND 2100),
	-- a billion dinars per unit: a typo, not a price
	CONSTRAINT service_price_sane CHECK (price_para <= 100000000000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO service_price (service_id, year, price_para)
	SELECT id, price_year, unit_price_para FROM service
	WHERE price_year BETWEEN 2000 AND 2100;

-- Places a provider offers in a service in a year (what the municipality
-- funds).  licence.capacity (0001) is the licensed ceiling; no enrolment
-- may go beyond either (the registry's forms say why).
CREATE TABLE capacity (
	organisation_id BIGINT UNSIGNED NOT NULL,
	service_id BIGINT UNSIGNED NOT NULL,
	year SMALLINT UNSIGNED NOT NULL,
	places INT UNSIGNED NOT NULL,
	PRIMARY KEY (organisation_id, service_id, year),
	KEY capacity_service (service_id, year),
	CONSTRAINT capacity_organisation FOREIGN KEY (organisation_id)
		REFERENCES organisation (id),
	CONSTRAINT capacity_service_fk FOREIGN KEY (service_id)
		REFERENCES service (id),
	CONSTRAINT capacity_year CHECK (year BETWEEN 2000 AND 2100),
	CONSTRAINT capacity_places CHECK (places <= 100000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Settlements (naselja) of a municipality, urban or rural: reports count
-- users by them, and rural recipients are a priority group.
CREATE TABLE settlement (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	name VARCHAR(120) NOT NULL,
	name_cyrl VARCHAR(120) NULL,
	area ENUM('urban', 'rural') NOT NULL,
	UNIQUE KEY settlement_name (municipality_id, name),
	-- the target of person_settlement: a person's settlement is in the
	-- person's municipality
	KEY settlement_scope (municipality_id, id),
	CONSTRAINT settlement_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Kinds of disability or difficulty: the minimum needs data a decision
-- uses, as codes, never free text.  Labels: need.<code>.
CREATE TABLE need (
	id SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
	code VARCHAR(32) NOT NULL,
	position SMALLINT UNSIGNED NOT NULL,
	UNIQUE KEY need_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO need (id, code, position) VALUES
	(1, 'intellectual', 1),
	(2, 'physical', 2),
	(3, 'visual', 3),
	(4, 'hearing', 4),
	(5, 'speech', 5),
	(6, 'autism', 6),
	(7, 'developmental-delay', 7),
	(8, 'multiple', 8),
	(9, 'mental-health', 9),
	(10, 'chronic-illness', 10),
	(11, 'behaviour', 11),
	(12, 'dementia', 12),
	(13, 'frailty', 13),
	(14, 'other', 14);

-- Why an enrolment ended.  Labels: endreason.<code>.
CREATE TABLE end_reason (
	id SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
	code VARCHAR(32) NOT NULL,
	position SMALLINT UNSIGNED NOT NULL,
	UNIQUE KEY end_reason_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO end_reason (id, code, position) VALUES
	(1, 'goals-met', 1),
	(2, 'user-request', 2),
	(3, 'moved', 3),
	(4, 'transferred', 4),
	(5, 'age-limit', 5),
	(6, 'placement', 6),
	(7, 'non-attendance', 7),
	(8, 'deceased', 8),
	(9, 'provider-ended', 9),
	(10, 'other', 10);

-- The person's record.  family_key is the search key of the family name
-- alone (as name_key is of "given family"), so that "Djordjevic" finds
-- Ђорђевић by a prefix of either.  The JMBG is optional, unique when
-- present in the installation, checked in C (jmbg_check) for its date and
-- check digit; here only its shape.  The legal representative (a parent
-- or guardian) is another person.
ALTER TABLE person
	ADD COLUMN family_key VARCHAR(100) NOT NULL DEFAULT '' AFTER name_key,
	ADD COLUMN sex ENUM('male', 'female') NULL AFTER jmbg,
	ADD COLUMN settlement_id BIGINT UNSIGNED NULL AFTER sex,
	ADD COLUMN address VARCHAR(200) NOT NULL DEFAULT '' AFTER settlement_id,
	ADD COLUMN phone VARCHAR(40) NOT NULL DEFAULT '' AFTER address,
	ADD COLUMN email VARCHAR(254) NOT NULL DEFAULT '' AFTER phone,
	ADD COLUMN representative_id BIGINT UNSIGNED NULL AFTER email,
	ADD COLUMN representative_kind ENUM('parent', 'guardian', 'other') NULL
	    AFTER representative_id,
	ADD COLUMN updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
	    ON UPDATE CURRENT_TIMESTAMP,
	ADD UNIQUE KEY person_jmbg (jmbg),
	ADD KEY person_family_key (municipality_id, family_key),
	ADD KEY person_birth (municipality_id, birth_date),
	ADD KEY person_representative (representative_id),
	ADD CONSTRAINT person_settlement FOREIGN KEY (municipality_id,
	    settlement_id) REFERENCES settlement (municipality_id, id),
	ADD CONSTRAINT person_representative_fk FOREIGN KEY (representative_id)
	    REFERENCES person (id),
	ADD CONSTRAINT person_jmbg_shape CHECK (jmbg REGEXP '^[0-9]{13}$'),
	ADD CONSTRAINT person_representative_kind CHECK (
	    (representative_id IS NULL) = (representative_kind IS NULL));

-- A person's kinds of disability or difficulty.
CREATE TABLE person_need (
	person_id BIGINT UNSIGNED NOT NULL,
	need_id SMALLINT UNSIGNED NOT NULL,
	PRIMARY KEY (person_id, need_id),
	KEY person_need_need (need_id),
	CONSTRAINT person_need_person FOREIGN KEY (person_id)
		REFERENCES person (id),
	CONSTRAINT person_need_need_fk FOREIGN KEY (need_id)
		REFERENCES need (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The CSW's referral act (uputni akt: number and date, both or neither),
-- and the coded reason an enrolment ended (only with an end date).
ALTER TABLE enrolment
	ADD COLUMN referral_number VARCHAR(64) NULL AFTER organisation_id,
	ADD COLUMN referral_date DATE NULL AFTER referral_number,
	ADD COLUMN end_reason_id SMALLINT UNSIGNED NULL AFTER end_date,
	ADD COLUMN created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	ADD KEY enrolment_provider (organisation_id, start_date),
	ADD CONSTRAINT enrolment_end_reason FOREIGN KEY (end_reason_id)
	    REFERENCES end_reason (id),
	ADD CONSTRAINT enrolment_referral CHECK (
	    (referral_number IS NULL) = (referral_date IS NULL)),
	ADD CONSTRAINT enrolment_reason_needs_end CHECK (
	    end_reason_id IS NULL OR end_date IS NOT NULL);

-- Units delivered per enrolment per month, in the service's unit; one
-- row per enrolment and month, corrected in place until the month is
-- closed.  744 = the hours of a 31-day month: no unit goes beyond it.
CREATE TABLE delivery (
	enrolment_id BIGINT UNSIGNED NOT NULL,
	month DATE NOT NULL,
	units DECIMAL(7,2) NOT NULL,
	updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
	    ON UPDATE CURRENT_TIMESTAMP,
	updated_by BIGINT UNSIGNED NULL,
	PRIMARY KEY (enrolment_id, month),
	KEY delivery_month (month),
	CONSTRAINT delivery_enrolment FOREIGN KEY (enrolment_id)
		REFERENCES enrolment (id),
	CONSTRAINT delivery_account FOREIGN KEY (updated_by)
		REFERENCES account (id),
	CONSTRAINT delivery_first_day CHECK (DAYOFMONTH(month) = 1),
	CONSTRAINT delivery_units CHECK (units >= 0 AND units <= 744)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A provider's closed month: its deliveries no longer change.  closed_by
-- is NULL when a job or loaded data closed it.  Reopening deletes the row.
CREATE TABLE month_close (
	organisation_id BIGINT UNSIGNED NOT NULL,
	month DATE NOT NULL,
	closed_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	closed_by BIGINT UNSIGNED NULL,
	PRIMARY KEY (organisation_id, month),
	KEY month_close_month (month),
	CONSTRAINT month_close_organisation FOREIGN KEY (organisation_id)
		REFERENCES organisation (id),
	CONSTRAINT month_close_account FOREIGN KEY (closed_by)
		REFERENCES account (id),
	CONSTRAINT month_close_first_day CHECK (DAYOFMONTH(month) = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The second wall behind the registry's check: a closed month's
-- deliveries are refused, whoever writes.
CREATE TRIGGER delivery_closed_insert BEFORE INSERT ON delivery FOR EACH ROW
	IF EXISTS (SELECT 1 FROM enrolment e JOIN month_close c
	    ON c.organisation_id = e.organisation_id
	    WHERE e.id = NEW.enrolment_id AND c.month = NEW.month) THEN
		SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the month is closed';
	END IF;
CREATE TRIGGER delivery_closed_update BEFORE UPDATE ON delivery FOR EACH ROW
	IF EXISTS (SELECT 1 FROM enrolment e JOIN month_close c
	    ON c.organisation_id = e.organisation_id
	    WHERE (e.id = NEW.enrolment_id AND c.month = NEW.month)
	    OR (e.id = OLD.enrolment_id AND c.month = OLD.month)) THEN
		SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the month is closed';
	END IF;
CREATE TRIGGER delivery_closed_delete BEFORE DELETE ON delivery FOR EACH ROW
	IF EXISTS (SELECT 1 FROM enrolment e JOIN month_close c
	    ON c.organisation_id = e.organisation_id
	    WHERE e.id = OLD.enrolment_id AND c.month = OLD.month) THEN
		SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the month is closed';
	END IF;

-- What karika-reports may see: opaque person ids to count people once,
-- never a name, birth date, JMBG, address or contact.  report_enrolment
-- (0001) gains the provider and the end reason.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW report_enrolment AS
	SELECT s.municipality_id, e.service_id, e.person_id, e.start_date,
	    e.end_date, e.id AS enrolment_id, e.organisation_id,
	    r.code AS end_reason
	FROM enrolment e JOIN service s ON s.id = e.service_id
	LEFT JOIN end_reason r ON r.id = e.end_reason_id;

-- Age groups need the year only; the settlement gives the urban/rural mark.
CREATE SQL SECURITY DEFINER VIEW report_person AS
	SELECT p.id AS person_id, p.municipality_id, p.sex,
	    YEAR(p.birth_date) AS born, p.settlement_id, st.area
	FROM person p LEFT JOIN settlement st ON st.id = p.settlement_id;

CREATE SQL SECURITY DEFINER VIEW report_person_need AS
	SELECT pn.person_id, n.code AS need
	FROM person_need pn JOIN need n ON n.id = pn.need_id;

CREATE SQL SECURITY DEFINER VIEW report_delivery AS
	SELECT s.municipality_id, e.service_id, e.organisation_id,
	    e.person_id, d.enrolment_id, d.month, d.units
	FROM delivery d JOIN enrolment e ON e.id = d.enrolment_id
	JOIN service s ON s.id = e.service_id;
