-- SPDX-License-Identifier: ISC
-- 0001: the municipality, the service catalogue, providers and their
-- licences, people and enrolments (owned by karika-registry), and surveys
-- (owned by karika-surveys).  Every row of the register belongs to a
-- municipality.  Money is integer para; times are UTC.

CREATE TABLE municipality (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	code VARCHAR(32) NOT NULL,
	name_sr_latn VARCHAR(120) NOT NULL,
	name_sr_cyrl VARCHAR(120) NOT NULL,
	name_bs VARCHAR(120) NOT NULL,
	name_en VARCHAR(120) NOT NULL,
	country CHAR(2) NOT NULL,
	currency CHAR(3) NOT NULL,
	default_locale VARCHAR(8) NOT NULL DEFAULT 'sr-Cyrl',
	small_cell_k SMALLINT UNSIGNED NOT NULL DEFAULT 5,
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY municipality_code (code),
	CONSTRAINT municipality_k CHECK (small_cell_k BETWEEN 2 AND 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The five kinds of service of the Law on Social Protection (2011).  Their
-- names are message-catalogue keys: svcgroup.<code>.
CREATE TABLE service_group (
	id SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
	code VARCHAR(32) NOT NULL,
	position SMALLINT UNSIGNED NOT NULL,
	UNIQUE KEY service_group_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO service_group (id, code, position) VALUES
	(1, 'assessment', 1),
	(2, 'community', 2),
	(3, 'independent', 3),
	(4, 'counselling', 4),
	(5, 'accommodation', 5);

CREATE TABLE service (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	group_id SMALLINT UNSIGNED NOT NULL,
	code VARCHAR(32) NOT NULL,
	name_sr_latn VARCHAR(200) NOT NULL,
	name_sr_cyrl VARCHAR(200) NOT NULL,
	name_bs VARCHAR(200) NOT NULL,
	name_en VARCHAR(200) NOT NULL,
	unit ENUM('hour', 'day', 'month', 'visit') NOT NULL,
	unit_price_para BIGINT UNSIGNED NOT NULL DEFAULT 0,
	price_year SMALLINT UNSIGNED NOT NULL,
	online_application BOOLEAN NOT NULL DEFAULT FALSE,
	active BOOLEAN NOT NULL DEFAULT TRUE,
	UNIQUE KEY service_code (municipality_id, code),
	CONSTRAINT service_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id),
	CONSTRAINT service_group_fk FOREIGN KEY (group_id)
		REFERENCES service_group (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE organisation (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	name VARCHAR(200) NOT NULL,
	kind ENUM('association', 'public', 'private', 'other') NOT NULL,
	UNIQUE KEY organisation_name (municipality_id, name),
	CONSTRAINT organisation_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A provider's licence for one service, issued by the ministry for six
-- years; an expired licence stops new enrolments.
CREATE TABLE licence (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	organisation_id BIGINT UNSIGNED NOT NULL,
	service_id BIGINT UNSIGNED NOT NULL,
	number VARCHAR(64) NOT NULL,
	valid_from DATE NOT NULL,
	valid_to DATE NOT NULL,
	capacity INT UNSIGNED NOT NULL DEFAULT 0,
	UNIQUE KEY licence_number (number),
	CONSTRAINT licence_organisation FOREIGN KEY (organisation_id)
		REFERENCES organisation (id),
	CONSTRAINT licence_service FOREIGN KEY (service_id)
		REFERENCES service (id),
	CONSTRAINT licence_dates CHECK (valid_to >= valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person in the register.  Names as typed, plus name_key: transliterated
-- to Latin, lower-case, diacritics folded (karika-translit -k), so that
-- every spelling of a name finds the others.  The JMBG is optional and
-- never a key.
CREATE TABLE person (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	given_name VARCHAR(100) NOT NULL,
	family_name VARCHAR(100) NOT NULL,
	name_key VARCHAR(210) NOT NULL,
	birth_date DATE NULL,
	jmbg CHAR(13) NULL,
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY person_name_key (municipality_id, name_key),
	CONSTRAINT person_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE enrolment (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	person_id BIGINT UNSIGNED NOT NULL,
	service_id BIGINT UNSIGNED NOT NULL,
	organisation_id BIGINT UNSIGNED NOT NULL,
	start_date DATE NOT NULL,
	end_date DATE NULL,
	KEY enrolment_service (service_id, start_date),
	CONSTRAINT enrolment_person FOREIGN KEY (person_id)
		REFERENCES person (id),
	CONSTRAINT enrolment_service_fk FOREIGN KEY (service_id)
		REFERENCES service (id),
	CONSTRAINT enrolment_organisation FOREIGN KEY (organisation_id)
		REFERENCES organisation (id),
	CONSTRAINT enrolment_dates CHECK (end_date IS NULL OR end_date >= start_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What karika-reports may see of enrolments: no names, no birth dates,
-- only an opaque person id to count people once.
CREATE SQL SECURITY DEFINER VIEW report_enrolment AS
	SELECT s.municipality_id, e.service_id, e.person_id, e.start_date,
	    e.end_date
	FROM enrolment e JOIN service s ON s.id = e.service_id;

CREATE TABLE survey (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	code VARCHAR(32) NOT NULL,
	title_sr_latn VARCHAR(200) NOT NULL,
	title_sr_cyrl VARCHAR(200) NOT NULL,
	title_bs VARCHAR(200) NOT NULL,
	title_en VARCHAR(200) NOT NULL,
	opens_on DATE NOT NULL,
	closes_on DATE NOT NULL,
	UNIQUE KEY survey_code (municipality_id, code),
	KEY survey_dates (municipality_id, closes_on),
	CONSTRAINT survey_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id),
	CONSTRAINT survey_dates_ok CHECK (closes_on >= opens_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
