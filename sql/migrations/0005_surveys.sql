-- SPDX-License-Identifier: ISC
-- 0005: the survey engine's tables (owned by karika-surveys; issue 11).
--
-- A survey row carries its definition, an XML document checked against
-- fcgi/surveys/survey.rng (fcgi/common/qdef.c), and the state an editor
-- changes: status, the instants it opens and closes, whether its results
-- are public, and which earlier round it was copied from.  Answers are
-- normalised, one row per value, so that any survey fits and results
-- aggregate in SQL.
--
-- Anonymity is a wall, not a promise (DOMAIN.md, "The needs survey"): a
-- response holds no account, no address, no user agent and no time finer
-- than the day.  While in progress it is found only by the SHA-256 of a
-- random resume code shown once to the respondent; completing it clears
-- that hash and the invitation it came with, so nothing links a completed
-- response to anyone.  Invitation codes are kept as hashes with a used
-- flag and are never stored with a completed response.

-- The zone a municipality's local dates and times are in: a survey opens
-- and closes at local times (both Serbia and BiH keep Central European
-- time), stored in UTC.
ALTER TABLE municipality
	ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT 'Europe/Belgrade';

-- code is the survey's slug in /surveys/<slug>/, unique per municipality
-- (0001).  opens_on and closes_on stay the local dates that lists show;
-- opens_at and closes_at (UTC) are the exact instants answers are taken.
ALTER TABLE survey
	ADD COLUMN definition MEDIUMTEXT NULL,
	ADD COLUMN status ENUM('draft', 'published', 'closed') NOT NULL
	    DEFAULT 'draft',
	ADD COLUMN opens_at DATETIME NULL,
	ADD COLUMN closes_at DATETIME NULL,
	ADD COLUMN results_published BOOLEAN NOT NULL DEFAULT FALSE,
	ADD COLUMN round SMALLINT UNSIGNED NOT NULL DEFAULT 1,
	ADD COLUMN copied_from BIGINT UNSIGNED NULL,
	ADD COLUMN created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	ADD COLUMN updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
	    ON UPDATE CURRENT_TIMESTAMP,
	ADD CONSTRAINT survey_copied_from FOREIGN KEY (copied_from)
	    REFERENCES survey (id),
	ADD KEY survey_status (municipality_id, status, closes_at);

-- Surveys that existed before the engine were listed, so published.
UPDATE survey SET status = 'published',
    opens_at = TIMESTAMP(opens_on), closes_at = TIMESTAMP(closes_on, '23:59:59');

ALTER TABLE survey
	ADD CONSTRAINT survey_instants_ok CHECK (opens_at IS NULL OR
	    closes_at IS NULL OR closes_at > opens_at);

-- Codes answers are hashed with: a random code, SHA-256 in BINARY(32).
-- One response per respondent; respondent_group is the answer to the
-- survey's respondent-group question (results filter by it).  page is the
-- index of the page to show on resume.  expires_on: an in-progress
-- response not completed by then is deleted with its answers.
CREATE TABLE survey_response (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	survey_id BIGINT UNSIGNED NOT NULL,
	resume_hash BINARY(32) NULL,
	invitation_id BIGINT UNSIGNED NULL,
	respondent_group VARCHAR(24) NULL,
	page SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	status ENUM('in_progress', 'completed') NOT NULL
	    DEFAULT 'in_progress',
	completed_on DATE NULL,
	expires_on DATE NULL,
	UNIQUE KEY survey_response_resume (resume_hash),
	KEY survey_response_results (survey_id, status, respondent_group),
	KEY survey_response_expiry (status, expires_on),
	CONSTRAINT survey_response_survey FOREIGN KEY (survey_id)
		REFERENCES survey (id),
	CONSTRAINT survey_response_state CHECK (
	    (status = 'in_progress' AND completed_on IS NULL AND
		expires_on IS NOT NULL) OR
	    (status = 'completed' AND completed_on IS NOT NULL AND
		resume_hash IS NULL AND invitation_id IS NULL AND
		expires_on IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per answer value (fcgi/common/qanswer.c): a single choice is one
-- row with option_code; a multiple choice one row per chosen option; a
-- matrix one row per item (item, option_code = the scale point, number =
-- its position for means and medians); a number in number; text, a date
-- (YYYY-MM-DD) and "other, please specify" in text.  survey_id is copied
-- from the response so that results aggregate on one index.
CREATE TABLE survey_answer (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	response_id BIGINT UNSIGNED NOT NULL,
	survey_id BIGINT UNSIGNED NOT NULL,
	question VARCHAR(24) NOT NULL,
	item VARCHAR(24) NOT NULL DEFAULT '',
	option_code VARCHAR(24) NULL,
	number DECIMAL(19, 4) NULL,
	text TEXT NULL,
	KEY survey_answer_aggregate (survey_id, question, item, option_code),
	KEY survey_answer_response (response_id, question),
	CONSTRAINT survey_answer_response_fk FOREIGN KEY (response_id)
		REFERENCES survey_response (id) ON DELETE CASCADE,
	CONSTRAINT survey_answer_survey FOREIGN KEY (survey_id)
		REFERENCES survey (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Invitation codes for closed groups (e.g. CSW staff): only the hash, and
-- whether a response was completed with it.  A response in progress points
-- here until it completes; completing sets used and clears the pointer.
CREATE TABLE survey_invitation (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	survey_id BIGINT UNSIGNED NOT NULL,
	code_hash BINARY(32) NOT NULL,
	respondent_group VARCHAR(24) NULL,
	used BOOLEAN NOT NULL DEFAULT FALSE,
	UNIQUE KEY survey_invitation_code (code_hash),
	KEY survey_invitation_survey (survey_id, used),
	CONSTRAINT survey_invitation_survey_fk FOREIGN KEY (survey_id)
		REFERENCES survey (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE survey_response
	ADD CONSTRAINT survey_response_invitation FOREIGN KEY (invitation_id)
	    REFERENCES survey_invitation (id);

-- Completed responses per respondent group, against the group's quota from
-- the definition (NULL: none).  Completing a response increments its
-- group's row in the same transaction, only while under the quota.
CREATE TABLE survey_quota (
	survey_id BIGINT UNSIGNED NOT NULL,
	respondent_group VARCHAR(24) NOT NULL,
	quota INT UNSIGNED NULL,
	completed INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (survey_id, respondent_group),
	CONSTRAINT survey_quota_survey FOREIGN KEY (survey_id)
		REFERENCES survey (id),
	CONSTRAINT survey_quota_ok CHECK (quota IS NULL OR completed <= quota)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
