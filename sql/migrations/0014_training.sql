-- SPDX-License-Identifier: ISC
-- 0014: the register of professionals, courses with assessment tests,
-- certificates, and access that follows qualification (issue 16), owned
-- by karika-registry.
--
-- A professional is a worker of an organisation of the register (the
-- CSW, a provider), in a position (staff_position) with a profession and
-- a professional licence (six years).  A position names the courses its
-- holders must keep current (position_course); a course says how long a
-- certificate of it is valid.  Positions that work on cases (case_work)
-- need every such certificate and the licence current: otherwise the
-- worker's access to case and person records is suspended.
--
-- The worker's next lapse is kept on the professional's row (due_on,
-- due_what, due_course_id: the earliest of the licence's last day and,
-- per required course, the last day of its newest certificate, or for a
-- course never passed the last day of its first_due_days after the
-- worker started), and access_until is the same date for a case-work
-- position, NULL for the others.  The registry recomputes them when a
-- test is passed or a professional changes, and karika-training (the
-- daily job) for everyone; session_load (below) returns access_until once
-- it is past, with what lapsed, so that every worker's gate can refuse
-- case and person records with the reason, and passing the course
-- restores access at the next request.
--
-- Tests: a bank of questions per course (single, multiple, truefalse,
-- matching), a number drawn per attempt (test_attempt_question, never
-- the same question twice: its unique key), a deadline kept here and
-- checked when the answers come, the answers (test_attempt_answer, per
-- question the chosen option codes; a matching item as item + option)
-- kept only here: pages never carry the key.  A passed attempt issues a
-- certificate with a public verification code.

CREATE TABLE IF NOT EXISTS staff_position (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	code VARCHAR(24) NOT NULL,
	name_sr_latn VARCHAR(120) NOT NULL,
	name_sr_cyrl VARCHAR(120) NOT NULL,
	name_bs VARCHAR(120) NOT NULL,
	name_en VARCHAR(120) NOT NULL,
	case_work BOOLEAN NOT NULL DEFAULT 0,
	UNIQUE KEY staff_position_code (municipality_id, code),
	CONSTRAINT staff_position_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A course: texts in sr-Latn, bs and en (sr-Cyrl is transliterated when
-- shown), how long its certificate is valid, how long a new worker has
-- for it, and its test: questions drawn per attempt, minutes, the share
-- of correct answers that passes, attempts allowed per period of days.
CREATE TABLE IF NOT EXISTS course (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	code VARCHAR(24) NOT NULL,
	title_sr_latn VARCHAR(200) NOT NULL,
	title_bs VARCHAR(200) NOT NULL,
	title_en VARCHAR(200) NOT NULL,
	summary_sr_latn VARCHAR(2000) NOT NULL DEFAULT '',
	summary_bs VARCHAR(2000) NOT NULL DEFAULT '',
	summary_en VARCHAR(2000) NOT NULL DEFAULT '',
	validity_months SMALLINT UNSIGNED NOT NULL DEFAULT 24,
	first_due_days SMALLINT UNSIGNED NOT NULL DEFAULT 90,
	draw SMALLINT UNSIGNED NOT NULL DEFAULT 10,
	minutes SMALLINT UNSIGNED NOT NULL DEFAULT 20,
	pass_percent TINYINT UNSIGNED NOT NULL DEFAULT 80,
	attempts_max TINYINT UNSIGNED NOT NULL DEFAULT 3,
	attempts_days SMALLINT UNSIGNED NOT NULL DEFAULT 30,
	status ENUM('draft', 'published') NOT NULL DEFAULT 'draft',
	updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
		ON UPDATE CURRENT_TIMESTAMP,
	UNIQUE KEY course_code (municipality_id, code),
	CONSTRAINT course_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id),
	CONSTRAINT course_limits CHECK (validity_months BETWEEN 1 AND 120
		AND first_due_days BETWEEN 1 AND 730 AND draw BETWEEN 1 AND 100
		AND minutes BETWEEN 1 AND 240 AND pass_percent BETWEEN 1 AND 100
		AND attempts_max BETWEEN 1 AND 20
		AND attempts_days BETWEEN 1 AND 365)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A module's material: a page of text written in the platform, in order.
CREATE TABLE IF NOT EXISTS course_module (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	course_id BIGINT UNSIGNED NOT NULL,
	position SMALLINT UNSIGNED NOT NULL,
	title_sr_latn VARCHAR(200) NOT NULL,
	title_bs VARCHAR(200) NOT NULL,
	title_en VARCHAR(200) NOT NULL,
	body_sr_latn TEXT NOT NULL,
	body_bs TEXT NOT NULL,
	body_en TEXT NOT NULL,
	KEY course_module_order (course_id, position),
	CONSTRAINT course_module_course FOREIGN KEY (course_id)
		REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS position_course (
	position_id BIGINT UNSIGNED NOT NULL,
	course_id BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (position_id, course_id),
	CONSTRAINT position_course_position FOREIGN KEY (position_id)
		REFERENCES staff_position (id),
	CONSTRAINT position_course_course FOREIGN KEY (course_id)
		REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A professional worker: linked to their account when they have one (the
-- worker sees their own record), and to the supervisor told when their
-- access is suspended.
CREATE TABLE IF NOT EXISTS professional (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	account_id BIGINT UNSIGNED NULL,
	given_name VARCHAR(100) NOT NULL,
	family_name VARCHAR(100) NOT NULL,
	name_key VARCHAR(210) NOT NULL,
	email VARCHAR(254) NULL,
	organisation_id BIGINT UNSIGNED NOT NULL,
	position_id BIGINT UNSIGNED NOT NULL,
	profession VARCHAR(120) NOT NULL,
	licence_number VARCHAR(64) NULL,
	licence_from DATE NULL,
	licence_to DATE NULL,
	started_on DATE NOT NULL,
	supervisor_account_id BIGINT UNSIGNED NULL,
	due_on DATE NULL,
	due_what ENUM('licence', 'course') NULL,
	due_course_id BIGINT UNSIGNED NULL,
	access_until DATE NULL,
	-- The lapse the worker and the supervisor were told of (once).
	suspended_notice DATE NULL,
	UNIQUE KEY professional_account (account_id),
	KEY professional_org (municipality_id, organisation_id),
	KEY professional_name (municipality_id, name_key),
	CONSTRAINT professional_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id),
	CONSTRAINT professional_account_fk FOREIGN KEY (account_id)
		REFERENCES account (id),
	CONSTRAINT professional_organisation FOREIGN KEY (organisation_id)
		REFERENCES organisation (id),
	CONSTRAINT professional_position FOREIGN KEY (position_id)
		REFERENCES staff_position (id),
	CONSTRAINT professional_supervisor FOREIGN KEY (supervisor_account_id)
		REFERENCES account (id),
	CONSTRAINT professional_licence CHECK (licence_to IS NULL
		OR licence_from IS NULL OR licence_to >= licence_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The bank: a truefalse question has the options 'true' and 'false'
-- (their words from the catalogue); a matching question has items
-- (item = 1: the left column, match_code the right option) and options.
CREATE TABLE IF NOT EXISTS test_question (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	course_id BIGINT UNSIGNED NOT NULL,
	code VARCHAR(24) NOT NULL,
	type ENUM('single', 'multiple', 'truefalse', 'matching') NOT NULL,
	text_sr_latn VARCHAR(1000) NOT NULL,
	text_bs VARCHAR(1000) NOT NULL,
	text_en VARCHAR(1000) NOT NULL,
	active BOOLEAN NOT NULL DEFAULT 1,
	UNIQUE KEY test_question_code (course_id, code),
	CONSTRAINT test_question_course FOREIGN KEY (course_id)
		REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS test_option (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	question_id BIGINT UNSIGNED NOT NULL,
	position SMALLINT UNSIGNED NOT NULL,
	code VARCHAR(24) NOT NULL,
	item BOOLEAN NOT NULL DEFAULT 0,
	label_sr_latn VARCHAR(300) NOT NULL DEFAULT '',
	label_bs VARCHAR(300) NOT NULL DEFAULT '',
	label_en VARCHAR(300) NOT NULL DEFAULT '',
	correct BOOLEAN NOT NULL DEFAULT 0,
	match_code VARCHAR(24) NULL,
	UNIQUE KEY test_option_code (question_id, item, code),
	CONSTRAINT test_option_question FOREIGN KEY (question_id)
		REFERENCES test_question (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS test_attempt (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	course_id BIGINT UNSIGNED NOT NULL,
	professional_id BIGINT UNSIGNED NOT NULL,
	started_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	deadline_at TIMESTAMP NOT NULL,
	submitted_at TIMESTAMP NULL,
	status ENUM('open', 'passed', 'failed', 'late') NOT NULL DEFAULT 'open',
	score SMALLINT UNSIGNED NULL,
	total SMALLINT UNSIGNED NOT NULL,
	KEY test_attempt_taker (professional_id, course_id, started_at),
	CONSTRAINT test_attempt_course FOREIGN KEY (course_id)
		REFERENCES course (id),
	CONSTRAINT test_attempt_professional FOREIGN KEY (professional_id)
		REFERENCES professional (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS test_attempt_question (
	attempt_id BIGINT UNSIGNED NOT NULL,
	position SMALLINT UNSIGNED NOT NULL,
	question_id BIGINT UNSIGNED NOT NULL,
	correct BOOLEAN NULL,
	PRIMARY KEY (attempt_id, position),
	UNIQUE KEY test_attempt_question_once (attempt_id, question_id),
	KEY test_attempt_question_q (question_id),
	CONSTRAINT test_attempt_question_attempt FOREIGN KEY (attempt_id)
		REFERENCES test_attempt (id),
	CONSTRAINT test_attempt_question_question FOREIGN KEY (question_id)
		REFERENCES test_question (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS test_attempt_answer (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	attempt_id BIGINT UNSIGNED NOT NULL,
	question_id BIGINT UNSIGNED NOT NULL,
	item VARCHAR(24) NOT NULL DEFAULT '',
	option_code VARCHAR(24) NOT NULL,
	KEY test_attempt_answer_attempt (attempt_id),
	KEY test_attempt_answer_q (question_id, item, option_code),
	CONSTRAINT test_attempt_answer_attempt FOREIGN KEY (attempt_id)
		REFERENCES test_attempt (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A certificate: valid through valid_to; code is what anyone checks at
-- /registry/certificates/<code> (16 random base-32 letters and digits,
-- 80 bits, in four groups).
CREATE TABLE IF NOT EXISTS certificate (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	code CHAR(19) NOT NULL,
	professional_id BIGINT UNSIGNED NOT NULL,
	course_id BIGINT UNSIGNED NOT NULL,
	attempt_id BIGINT UNSIGNED NULL,
	issued_on DATE NOT NULL,
	valid_to DATE NOT NULL,
	UNIQUE KEY certificate_code (code),
	KEY certificate_holder (professional_id, course_id, valid_to),
	CONSTRAINT certificate_professional FOREIGN KEY (professional_id)
		REFERENCES professional (id),
	CONSTRAINT certificate_course FOREIGN KEY (course_id)
		REFERENCES course (id),
	CONSTRAINT certificate_attempt FOREIGN KEY (attempt_id)
		REFERENCES test_attempt (id),
	CONSTRAINT certificate_dates CHECK (valid_to >= issued_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The reminders sent (60, 30 and 7 days before a lapse), one per
-- professional, lapse and stage: a day the job does not run is caught up
-- the next day without sending an earlier stage twice.
CREATE TABLE IF NOT EXISTS training_reminder (
	professional_id BIGINT UNSIGNED NOT NULL,
	due_on DATE NOT NULL,
	what ENUM('licence', 'course') NOT NULL,
	course_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
	stage TINYINT UNSIGNED NOT NULL,
	sent_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (professional_id, due_on, what, course_id, stage),
	CONSTRAINT training_reminder_professional FOREIGN KEY (professional_id)
		REFERENCES professional (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- session_load as 0007's, and once a case-work professional's access has
-- lapsed (access_until before today, UTC), what lapsed: q_lapsed (the
-- last valid day), q_what (licence or course), q_course and the course's
-- titles, for the reason every refusal gives (auth.c, qual_gate).  NULL
-- for everyone else, which is every account but a lapsed worker's.
CREATE OR REPLACE PROCEDURE session_load(IN h BINARY(32), IN idle_seconds INT)
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
	    s.created_at AS created, p.access_until AS q_lapsed,
	    p.due_what AS q_what, p.due_course_id AS q_course,
	    qc.title_sr_latn AS q_title_sr_latn, qc.title_bs AS q_title_bs,
	    qc.title_en AS q_title_en
	FROM session s JOIN account a ON a.id = s.account_id
	LEFT JOIN account_role r ON r.account_id = a.id
	LEFT JOIN professional p ON p.account_id = a.id
	    AND p.access_until < UTC_DATE()
	LEFT JOIN course qc ON qc.id = p.due_course_id
	    AND p.due_what = 'course'
	WHERE s.token_hash = h AND s.expires_at > UTC_TIMESTAMP()
	AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL idle_seconds SECOND
	AND a.status = 'active' AND s.created_at >= a.rights_changed_at;
END;
