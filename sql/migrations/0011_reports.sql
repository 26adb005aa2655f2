-- SPDX-License-Identifier: ISC
-- 0011: what karika-reports needs beyond the register's views of 0006
-- (issue 14).  It stays a reader of the register: everything of a person
-- it sees carries no name, birth date, JMBG or contact, except through
-- report_persons below, which the worker calls only for a CSW worker and
-- audits.  Its own tables are the analyst's forecast scenarios and the
-- residential institutions' periodic returns: the only tables it may
-- write (sql/grants.sql), because nobody else owns those figures.
--
-- Conventions: a percentage an analyst types with two decimals is kept in
-- basis points (350 = 3,50 %); money is integer para; a period of a
-- return is the first day of its quarter.

-- Applications waiting for a place or refused for lack of one, per
-- service (issue 13 owns applications).  Until its tables land this view
-- returns no row; issue 13 replaces it (CREATE OR REPLACE) with the same
-- columns over its own tables.  kind: 'waiting' (on the waiting list
-- now) or 'refused' (refused for lack of places); since: the day it
-- joined the list or was refused.
CREATE SQL SECURITY DEFINER VIEW report_waiting AS
	SELECT s.municipality_id, s.id AS service_id,
	    CAST(NULL AS UNSIGNED) AS organisation_id,
	    CAST('waiting' AS CHAR(8)) AS kind, CAST(NULL AS DATE) AS since
	FROM service s WHERE FALSE;

-- Survey answers in aggregate: completed responses per option of each
-- question of a survey (never a free text, a number or a date), for the
-- unmet-demand report.  Anonymous data, and counted, not listed.
CREATE SQL SECURITY DEFINER VIEW report_survey_option AS
	SELECT s.municipality_id, s.id AS survey_id, s.code AS survey,
	    s.closes_on, a.question, a.option_code,
	    COUNT(DISTINCT a.response_id) AS respondents
	FROM survey s JOIN survey_response r ON r.survey_id = s.id
	    AND r.status = 'completed'
	JOIN survey_answer a ON a.response_id = r.id
	WHERE a.option_code IS NOT NULL AND a.item = ''
	GROUP BY s.municipality_id, s.id, s.code, s.closes_on, a.question,
	    a.option_code;

-- Completed responses per survey: the denominator of the shares above.
CREATE SQL SECURITY DEFINER VIEW report_survey AS
	SELECT s.municipality_id, s.id AS survey_id, s.code AS survey,
	    s.closes_on, s.status, COUNT(r.id) AS respondents
	FROM survey s LEFT JOIN survey_response r ON r.survey_id = s.id
	    AND r.status = 'completed'
	GROUP BY s.municipality_id, s.id, s.code, s.closes_on, s.status;

-- Which answer of a survey states a need for which service: (question,
-- option) of the needs survey -> a service of the town.  Kept by the
-- administrator with SQL (a handful of rows per survey definition); the
-- demo maps the "new-services" question.
CREATE TABLE report_need_map (
	municipality_id BIGINT UNSIGNED NOT NULL,
	question VARCHAR(24) NOT NULL,
	option_code VARCHAR(24) NOT NULL,
	service_id BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (municipality_id, question, option_code),
	KEY report_need_map_service (service_id),
	CONSTRAINT report_need_map_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id),
	CONSTRAINT report_need_map_service_fk FOREIGN KEY (service_id)
		REFERENCES service (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The towns an account is an analyst of: a provincial analyst is an
-- account with an analyst role in each of several municipalities
-- (account_role rows; nothing new to learn for the administrator).
CREATE SQL SECURITY DEFINER VIEW report_analyst_scope AS
	SELECT DISTINCT account_id, municipality_id FROM account_role
	WHERE role = 'analyst' AND municipality_id IS NOT NULL;

-- The people behind one figure, for the CSW's drill-down only (the
-- worker checks the role and writes the audit row first): enrolments of
-- a service of the town (of one provider, or any with 0) active in a
-- year (or one month of it, 1-12; 0 for the whole year).  Ids and names;
-- nothing else of the person.
CREATE PROCEDURE report_persons(IN mun BIGINT UNSIGNED, IN svc BIGINT
    UNSIGNED, IN org BIGINT UNSIGNED, IN y INT, IN mo INT)
	READS SQL DATA SQL SECURITY DEFINER
BEGIN
	DECLARE first DATE DEFAULT IF(mo = 0, MAKEDATE(y, 1),
	    MAKEDATE(y, 1) + INTERVAL (mo - 1) MONTH);
	DECLARE after DATE DEFAULT IF(mo = 0, MAKEDATE(y + 1, 1),
	    MAKEDATE(y, 1) + INTERVAL mo MONTH);
	SELECT p.id AS person, p.given_name AS given, p.family_name AS family,
	    MIN(e.start_date) AS `start`, MAX(e.end_date) AS `end`
	FROM enrolment e JOIN service s ON s.id = e.service_id
	JOIN person p ON p.id = e.person_id
	WHERE s.municipality_id = mun AND s.id = svc
	AND (org = 0 OR e.organisation_id = org)
	AND e.start_date < after
	AND (e.end_date IS NULL OR e.end_date >= first)
	GROUP BY p.id, p.given_name, p.family_name
	ORDER BY p.family_name, p.given_name, p.id
	LIMIT 500;
END;

-- An analyst's forecast scenario: a name and the assumptions the forecast
-- adds to the trend (price change in basis points, the share of the
-- waiting list that becomes places, in percent).
CREATE TABLE report_scenario (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	name VARCHAR(100) NOT NULL,
	price_change_bp INT NOT NULL DEFAULT 0,
	waiting_takeup_pct SMALLINT UNSIGNED NOT NULL DEFAULT 100,
	updated_by BIGINT UNSIGNED NULL,
	updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
	    ON UPDATE CURRENT_TIMESTAMP,
	UNIQUE KEY report_scenario_name (municipality_id, name),
	CONSTRAINT report_scenario_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id),
	CONSTRAINT report_scenario_price CHECK (price_change_bp BETWEEN -5000
	    AND 10000),
	CONSTRAINT report_scenario_takeup CHECK (waiting_takeup_pct <= 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Extra places a scenario plans for a service next year.
CREATE TABLE report_scenario_service (
	scenario_id BIGINT UNSIGNED NOT NULL,
	service_id BIGINT UNSIGNED NOT NULL,
	extra_places INT UNSIGNED NOT NULL,
	PRIMARY KEY (scenario_id, service_id),
	CONSTRAINT report_scenario_service_scenario FOREIGN KEY (scenario_id)
		REFERENCES report_scenario (id),
	CONSTRAINT report_scenario_service_service FOREIGN KEY (service_id)
		REFERENCES service (id),
	CONSTRAINT report_scenario_service_places CHECK (extra_places <= 100000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A residential institution's return for a quarter: the figures the
-- register cannot derive, typed by its staff, checked by rules (users <=
-- places, ...), reviewed by the analyst.  Only accepted returns count.
-- A return sent back is corrected and submitted again (same row).
CREATE TABLE report_return (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	organisation_id BIGINT UNSIGNED NOT NULL,
	period DATE NOT NULL,
	places INT UNSIGNED NOT NULL,
	users INT UNSIGNED NOT NULL,
	admissions INT UNSIGNED NOT NULL,
	discharges INT UNSIGNED NOT NULL,
	waiting INT UNSIGNED NOT NULL,
	status ENUM('submitted', 'accepted', 'returned') NOT NULL
	    DEFAULT 'submitted',
	reason VARCHAR(500) NOT NULL DEFAULT '',
	submitted_by BIGINT UNSIGNED NULL,
	submitted_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	reviewed_by BIGINT UNSIGNED NULL,
	reviewed_at TIMESTAMP NULL,
	UNIQUE KEY report_return_period (organisation_id, period),
	KEY report_return_status (period, status),
	CONSTRAINT report_return_organisation FOREIGN KEY (organisation_id)
		REFERENCES organisation (id),
	CONSTRAINT report_return_quarter CHECK (DAYOFMONTH(period) = 1
	    AND MONTH(period) IN (1, 4, 7, 10)),
	CONSTRAINT report_return_users CHECK (users <= places),
	CONSTRAINT report_return_sane CHECK (places <= 100000
	    AND admissions <= 100000 AND discharges <= 100000
	    AND waiting <= 100000),
	CONSTRAINT report_return_reason CHECK (status <> 'returned'
	    OR reason <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
