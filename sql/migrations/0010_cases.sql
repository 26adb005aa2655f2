-- SPDX-License-Identifier: ISC
-- 0010: integrated case management and activation, partner referrals and
-- the domestic-violence module (issue 15), owned by karika-registry.
--
-- A case (case_file) is the CSW's work with a person or a household: a
-- lead worker, the intake, a structured assessment (needs, strengths,
-- coded barriers to work with a short note each), priority-group marks,
-- the plan (goals, activities with who is responsible and by when,
-- review dates), flags, referrals to partners, the outcome.  The plan
-- and the closing wait for a supervisor's approval: a supervisor is a
-- CSW worker listed in csw_supervisor for the municipality (no new role:
-- the routes stay the CSW's, and only the approving statements ask).
--
-- Explicit, expiring grants (record_grant) open single records to
-- callers the municipality scope would not: a partner organisation's
-- staff to the referral it received (ending when the referral closes or
-- at its expiry), workers assigned to a domestic-violence case, and a
-- worker who broke the glass (with the reason, for a few hours).  Every
-- scope statement checks ended_at and expires_at itself, so access ends
-- on time whatever runs; the event at the end also marks expired grants
-- ended, for the record (it needs event_scheduler=ON on the server).
--
-- DV cases keep the victim's and perpetrator's details in dv_case itself,
-- never as a person of the register: nothing on a person's page, a list
-- or a search can tell that a DV case exists.
--
-- karika-reports sees outcomes and DV figures through the views at the
-- end: no name, address, contact or free text.

-- Partner organisations' staff: provider-like, scoped to an organisation.
ALTER TABLE account_role MODIFY role ENUM('citizen', 'provider', 'csw',
    'analyst', 'editor', 'admin', 'partner') NOT NULL;

-- CSW workers who approve case plans and closings, and who are told when
-- someone breaks the glass of a DV case.
CREATE TABLE csw_supervisor (
	account_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	KEY csw_supervisor_muni (municipality_id),
	CONSTRAINT csw_supervisor_account FOREIGN KEY (account_id)
		REFERENCES account (id),
	CONSTRAINT csw_supervisor_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Priority groups, configurable per municipality.  derive says how a
-- case gets the mark: 'manual' (the worker ticks it) or 'rural-ota'
-- (the person lives in a rural settlement and receives one-time
-- assistance: computed, never ticked).
CREATE TABLE priority_group (
	id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	code VARCHAR(32) NOT NULL,
	name_sr_latn VARCHAR(120) NOT NULL,
	name_sr_cyrl VARCHAR(120) NOT NULL,
	name_bs VARCHAR(120) NOT NULL,
	name_en VARCHAR(120) NOT NULL,
	derive ENUM('manual', 'rural-ota') NOT NULL DEFAULT 'manual',
	position SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	UNIQUE KEY priority_group_code (municipality_id, code),
	CONSTRAINT priority_group_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The cooperation protocol and what each partner committed to.
CREATE TABLE protocol (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	title VARCHAR(200) NOT NULL,
	signed_on DATE NOT NULL,
	CONSTRAINT protocol_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE protocol_partner (
	protocol_id BIGINT UNSIGNED NOT NULL,
	organisation_id BIGINT UNSIGNED NOT NULL,
	commitments VARCHAR(500) NOT NULL DEFAULT '',
	PRIMARY KEY (protocol_id, organisation_id),
	KEY protocol_partner_org (organisation_id),
	CONSTRAINT protocol_partner_protocol FOREIGN KEY (protocol_id)
		REFERENCES protocol (id),
	CONSTRAINT protocol_partner_organisation FOREIGN KEY (organisation_id)
		REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A case.  Closing: the worker records the outcome (status 'closing'),
-- a supervisor approves (status 'closed').  A transfer waits in
-- transfer_to until that worker accepts.
CREATE TABLE case_file (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	person_id BIGINT UNSIGNED NOT NULL,
	household BOOLEAN NOT NULL DEFAULT FALSE,
	lead_account_id BIGINT UNSIGNED NOT NULL,
	opened_on DATE NOT NULL,
	intake ENUM('self', 'csw', 'employment', 'health', 'school', 'ngo',
	    'police', 'other') NOT NULL,
	intake_note VARCHAR(300) NOT NULL DEFAULT '',
	one_time_assistance BOOLEAN NOT NULL DEFAULT FALSE,
	urgent BOOLEAN NOT NULL DEFAULT FALSE,
	safety BOOLEAN NOT NULL DEFAULT FALSE,
	needs VARCHAR(500) NOT NULL DEFAULT '',
	strengths VARCHAR(500) NOT NULL DEFAULT '',
	plan_status ENUM('draft', 'submitted', 'approved') NOT NULL
	    DEFAULT 'draft',
	plan_approved_by BIGINT UNSIGNED NULL,
	plan_approved_at TIMESTAMP NULL,
	status ENUM('open', 'closing', 'closed') NOT NULL DEFAULT 'open',
	outcome ENUM('training', 'employed-cm', 'employed-se', 'self-employed',
	    'exit') NULL,
	exit_reason ENUM('moved', 'declined', 'unable', 'pension', 'other-help',
	    'deceased', 'other') NULL,
	outcome_on DATE NULL,
	outcome_organisation_id BIGINT UNSIGNED NULL,
	closed_by BIGINT UNSIGNED NULL,
	closed_at TIMESTAMP NULL,
	transfer_to BIGINT UNSIGNED NULL,
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY case_lead (lead_account_id, status),
	KEY case_muni (municipality_id, status),
	KEY case_plan (municipality_id, plan_status),
	KEY case_person (person_id),
	KEY case_transfer (transfer_to),
	CONSTRAINT case_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id),
	CONSTRAINT case_person_fk FOREIGN KEY (person_id) REFERENCES person (id),
	CONSTRAINT case_lead_fk FOREIGN KEY (lead_account_id)
		REFERENCES account (id),
	CONSTRAINT case_transfer_fk FOREIGN KEY (transfer_to)
		REFERENCES account (id),
	CONSTRAINT case_outcome_org FOREIGN KEY (outcome_organisation_id)
		REFERENCES organisation (id),
	CONSTRAINT case_exit_reason CHECK (exit_reason IS NULL OR
	    outcome = 'exit'),
	CONSTRAINT case_exit_needs_reason CHECK (outcome <> 'exit' OR
	    exit_reason IS NOT NULL),
	CONSTRAINT case_closing_outcome CHECK (status = 'open' OR
	    (outcome IS NOT NULL AND outcome_on IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Barriers to work found in the assessment, each with a short note.
CREATE TABLE case_barrier (
	case_id BIGINT UNSIGNED NOT NULL,
	barrier ENUM('education', 'skills', 'health', 'care', 'transport')
	    NOT NULL,
	note VARCHAR(200) NOT NULL DEFAULT '',
	PRIMARY KEY (case_id, barrier),
	CONSTRAINT case_barrier_case FOREIGN KEY (case_id)
		REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Marks of the manual priority groups (derived ones are computed).
CREATE TABLE case_priority (
	case_id BIGINT UNSIGNED NOT NULL,
	group_id SMALLINT UNSIGNED NOT NULL,
	PRIMARY KEY (case_id, group_id),
	KEY case_priority_group (group_id),
	CONSTRAINT case_priority_case FOREIGN KEY (case_id)
		REFERENCES case_file (id),
	CONSTRAINT case_priority_group_fk FOREIGN KEY (group_id)
		REFERENCES priority_group (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_goal (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	case_id BIGINT UNSIGNED NOT NULL,
	text VARCHAR(300) NOT NULL,
	KEY case_goal_case (case_id),
	CONSTRAINT case_goal_case_fk FOREIGN KEY (case_id)
		REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A plan's activity: the CSW's or a partner's, with a deadline.  The
-- index serves "overdue" per case (open ones with a deadline past).
CREATE TABLE case_activity (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	case_id BIGINT UNSIGNED NOT NULL,
	goal_id BIGINT UNSIGNED NULL,
	text VARCHAR(300) NOT NULL,
	organisation_id BIGINT UNSIGNED NULL,
	due_on DATE NOT NULL,
	done_on DATE NULL,
	KEY case_activity_due (case_id, done_on, due_on),
	CONSTRAINT case_activity_case FOREIGN KEY (case_id)
		REFERENCES case_file (id),
	CONSTRAINT case_activity_goal FOREIGN KEY (goal_id)
		REFERENCES case_goal (id),
	CONSTRAINT case_activity_org FOREIGN KEY (organisation_id)
		REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_review (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	case_id BIGINT UNSIGNED NOT NULL,
	due_on DATE NOT NULL,
	held_on DATE NULL,
	KEY case_review_due (case_id, held_on, due_on),
	CONSTRAINT case_review_case FOREIGN KEY (case_id)
		REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Group activities (trainings in personal and business competences),
-- their sessions and who attended.
CREATE TABLE group_activity (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	title VARCHAR(200) NOT NULL,
	organisation_id BIGINT UNSIGNED NULL,
	starts_on DATE NOT NULL,
	CONSTRAINT group_activity_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id),
	CONSTRAINT group_activity_org FOREIGN KEY (organisation_id)
		REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE group_member (
	activity_id BIGINT UNSIGNED NOT NULL,
	case_id BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (activity_id, case_id),
	KEY group_member_case (case_id),
	CONSTRAINT group_member_activity FOREIGN KEY (activity_id)
		REFERENCES group_activity (id),
	CONSTRAINT group_member_case_fk FOREIGN KEY (case_id)
		REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE group_session (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	activity_id BIGINT UNSIGNED NOT NULL,
	held_on DATE NOT NULL,
	topic VARCHAR(200) NOT NULL DEFAULT '',
	KEY group_session_activity (activity_id, held_on),
	CONSTRAINT group_session_activity_fk FOREIGN KEY (activity_id)
		REFERENCES group_activity (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE group_attendance (
	session_id BIGINT UNSIGNED NOT NULL,
	case_id BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (session_id, case_id),
	KEY group_attendance_case (case_id),
	CONSTRAINT group_attendance_session FOREIGN KEY (session_id)
		REFERENCES group_session (id),
	CONSTRAINT group_attendance_case_fk FOREIGN KEY (case_id)
		REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A referral to a partner: what is asked, the fields of the case the
-- partner may see (referral_field), the partner's answer, what it did
-- and the result.  Access: a record_grant to the organisation.
CREATE TABLE referral (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	case_id BIGINT UNSIGNED NOT NULL,
	organisation_id BIGINT UNSIGNED NOT NULL,
	sent_by BIGINT UNSIGNED NOT NULL,
	sent_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	request VARCHAR(300) NOT NULL,
	status ENUM('sent', 'accepted', 'declined', 'closed') NOT NULL
	    DEFAULT 'sent',
	answered_at TIMESTAMP NULL,
	action_note VARCHAR(500) NOT NULL DEFAULT '',
	result ENUM('completed', 'employed', 'training', 'not-completed',
	    'other') NULL,
	closed_at TIMESTAMP NULL,
	KEY referral_case (case_id),
	KEY referral_org (organisation_id, status),
	CONSTRAINT referral_case_fk FOREIGN KEY (case_id)
		REFERENCES case_file (id),
	CONSTRAINT referral_organisation FOREIGN KEY (organisation_id)
		REFERENCES organisation (id),
	CONSTRAINT referral_sender FOREIGN KEY (sent_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE referral_field (
	referral_id BIGINT UNSIGNED NOT NULL,
	field ENUM('name', 'birth', 'sex', 'phone', 'email', 'address',
	    'settlement', 'needs', 'strengths', 'barriers') NOT NULL,
	PRIMARY KEY (referral_id, field),
	CONSTRAINT referral_field_referral FOREIGN KEY (referral_id)
		REFERENCES referral (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A domestic-violence case (DOMAIN, "Domestic violence").
CREATE TABLE dv_case (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	incident_on DATE NOT NULL,
	kinds SET('physical', 'psychological', 'sexual', 'economic',
	    'stalking') NOT NULL,
	victim_name VARCHAR(200) NOT NULL,
	victim_key VARCHAR(210) NOT NULL,
	victim_sex ENUM('male', 'female') NOT NULL,
	victim_born SMALLINT UNSIGNED NULL,
	victim_address VARCHAR(200) NOT NULL DEFAULT '',
	perpetrator_name VARCHAR(200) NOT NULL,
	perpetrator_sex ENUM('male', 'female') NOT NULL,
	relationship ENUM('spouse', 'former-spouse', 'partner',
	    'former-partner', 'parent', 'child', 'sibling', 'other-family')
	    NOT NULL,
	children_present TINYINT UNSIGNED NOT NULL DEFAULT 0,
	contact ENUM('yes', 'safe-only', 'no') NOT NULL DEFAULT 'safe-only',
	safe_contact VARCHAR(500) NOT NULL DEFAULT '',
	plan VARCHAR(2000) NOT NULL DEFAULT '',
	plan_adopted_on DATE NULL,
	status ENUM('open', 'closed') NOT NULL DEFAULT 'open',
	created_by BIGINT UNSIGNED NOT NULL,
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY dv_case_muni (municipality_id, incident_on),
	CONSTRAINT dv_case_municipality FOREIGN KEY (municipality_id)
		REFERENCES municipality (id),
	CONSTRAINT dv_case_creator FOREIGN KEY (created_by)
		REFERENCES account (id),
	CONSTRAINT dv_case_children CHECK (children_present <= 20)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Urgent protection measures: 48 hours from the police, extended by the
-- court by up to 30 days.
CREATE TABLE dv_measure (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	dv_case_id BIGINT UNSIGNED NOT NULL,
	kind ENUM('removal', 'no-contact') NOT NULL,
	starts_at DATETIME NOT NULL,
	ends_at DATETIME NOT NULL,
	extended BOOLEAN NOT NULL DEFAULT FALSE,
	KEY dv_measure_case (dv_case_id),
	KEY dv_measure_end (ends_at),
	CONSTRAINT dv_measure_case_fk FOREIGN KEY (dv_case_id)
		REFERENCES dv_case (id),
	CONSTRAINT dv_measure_span CHECK (ends_at > starts_at AND
	    ends_at <= starts_at + INTERVAL 32 DAY)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dv_referral (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	dv_case_id BIGINT UNSIGNED NOT NULL,
	kind ENUM('shelter', 'sos', 'counselling', 'legal', 'health', 'other')
	    NOT NULL,
	made_on DATE NOT NULL,
	note VARCHAR(300) NOT NULL DEFAULT '',
	KEY dv_referral_case (dv_case_id),
	CONSTRAINT dv_referral_case_fk FOREIGN KEY (dv_case_id)
		REFERENCES dv_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Explicit grants of one record: to an organisation (a referral) or to
-- an account (a DV case: 'assigned' without an end, 'glass' for a few
-- hours with its reason).
CREATE TABLE record_grant (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	object_type ENUM('referral', 'dv') NOT NULL,
	object_id BIGINT UNSIGNED NOT NULL,
	kind ENUM('referral', 'assigned', 'glass') NOT NULL,
	account_id BIGINT UNSIGNED NULL,
	organisation_id BIGINT UNSIGNED NULL,
	reason VARCHAR(500) NOT NULL DEFAULT '',
	granted_by BIGINT UNSIGNED NULL,
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	expires_at TIMESTAMP NULL,
	ended_at TIMESTAMP NULL,
	KEY record_grant_object (object_type, object_id),
	KEY record_grant_account (account_id, object_type),
	KEY record_grant_org (organisation_id, object_type),
	KEY record_grant_live (ended_at, expires_at),
	CONSTRAINT record_grant_account_fk FOREIGN KEY (account_id)
		REFERENCES account (id),
	CONSTRAINT record_grant_org_fk FOREIGN KEY (organisation_id)
		REFERENCES organisation (id),
	CONSTRAINT record_grant_who CHECK ((account_id IS NULL) <>
	    (organisation_id IS NULL)),
	CONSTRAINT record_grant_glass CHECK (kind <> 'glass' OR
	    (expires_at IS NOT NULL AND reason <> ''))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Marks expired grants ended (the scope statements never needed it).
CREATE PROCEDURE record_grant_expire()
	MODIFIES SQL DATA SQL SECURITY DEFINER
	UPDATE record_grant SET ended_at = expires_at
	WHERE ended_at IS NULL AND expires_at <= UTC_TIMESTAMP();

CREATE EVENT record_grant_expire_hourly ON SCHEDULE EVERY 1 HOUR
	DO CALL record_grant_expire();

-- What karika-reports may see: outcomes per case with the priority
-- groups (manual and derived) and the partner, no names or notes.
CREATE SQL SECURITY DEFINER VIEW report_case_outcome AS
	SELECT c.municipality_id, c.id AS case_id, c.status, c.outcome,
	    c.exit_reason, c.outcome_on, c.outcome_organisation_id
	FROM case_file c;

CREATE SQL SECURITY DEFINER VIEW report_case_priority AS
	SELECT cp.case_id, g.id AS group_id
	FROM case_priority cp JOIN priority_group g ON g.id = cp.group_id
	WHERE g.derive = 'manual'
	UNION
	SELECT c.id, g.id
	FROM case_file c JOIN person p ON p.id = c.person_id
	JOIN settlement st ON st.id = p.settlement_id
	JOIN priority_group g ON g.municipality_id = c.municipality_id
	    AND g.derive = 'rural-ota'
	WHERE c.one_time_assistance AND st.area = 'rural';

-- DV figures: the month, kinds, relationship and measures, no one.
CREATE SQL SECURITY DEFINER VIEW report_dv AS
	SELECT d.municipality_id, d.id AS dv_id,
	    DATE_FORMAT(d.incident_on, '%Y-%m') AS month,
	    YEAR(d.incident_on) AS year, d.kinds, d.relationship,
	    (SELECT COUNT(*) FROM dv_measure m WHERE m.dv_case_id = d.id)
		AS measures,
	    (SELECT COUNT(*) FROM dv_measure m WHERE m.dv_case_id = d.id
		AND m.extended) AS extended
	FROM dv_case d;
