-- SPDX-License-Identifier: ISC
-- 0034: a survey response in progress held by the respondent's own
-- browser (issue 11, performance and privacy).  Until it is saved for
-- later, a response in progress is no row at all: its answers so far
-- travel sealed in the survey cookie (AES-256-GCM under survey_seal's
-- key, fcgi/surveys/held.c), and the response is written once, whole,
-- when the last page is sent (survey_complete, one transaction).
-- The database keeps nothing of an unfinished response, so a page sent
-- costs it nothing; Save (the resume code), and answers too long for a
-- cookie, still keep the row of 0005/0008 as before; either is
-- completed by survey_complete, redefined here.
--
-- survey_seal: the one key, made here from MariaDB's random bytes
-- (RANDOM_BYTES: OpenSSL's RAND_bytes); the backup carries it, so a
-- restore still opens the cookies of responses under way.
--
-- survey_held_done: the SHA-256 of each completed held response's
-- nonce (a random number the cookie carries from Start), with the day:
-- a last page sent twice (a double click, a reload) completes the
-- response once.  Nothing links it to the response it completed: no
-- response id, no time finer than the day, and its key is the hash, so
-- its order is none.  The retention job drops rows older than a held
-- response may live (31 days).
CREATE TABLE IF NOT EXISTS survey_seal (
	id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	seal_key BINARY(32) NOT NULL
) ENGINE=InnoDB;
INSERT IGNORE INTO survey_seal (id, seal_key) VALUES (1, RANDOM_BYTES(32));

CREATE TABLE IF NOT EXISTS survey_held_done (
	nonce_hash BINARY(32) NOT NULL PRIMARY KEY,
	done_on DATE NOT NULL,
	KEY survey_held_done_day (done_on)
) ENGINE=InnoDB;

-- One procedure completes every response, in one transaction, in
-- place of 0012's (the worker's one statement at the last page): a held
-- one (p_response NULL) by its nonce, which must be new; a row
-- (p_response) by deleting it, as it must still be in progress (its
-- draft, code and invitation go with it).  The survey must still take
-- answers (its status and instants, and its dates against the local
-- date p_today), the group's quota not be full and the invitation unused.
-- Then the response is inserted completed, a row of its own, with its
-- group and the day only, and every answer of p_answers (qdraft_json's
-- array) as a row of survey_answer.  One row, `outcome`: 'done';
-- 'twice' (completed before: sent twice); 'closed'; or the message key
-- of what stopped it, 'survey.group.full' or 'survey.invite.used', with
-- nothing changed.  Any error rolls back.  The parameters' names start
-- with p_ so that none hides a column.
DROP PROCEDURE IF EXISTS survey_complete;
CREATE PROCEDURE survey_complete(IN p_response BIGINT UNSIGNED,
    IN p_nonce BINARY(32), IN p_survey BIGINT UNSIGNED,
    IN p_group VARCHAR(24), IN p_quota INT UNSIGNED,
    IN p_invitation BIGINT UNSIGNED, IN p_today DATE,
    IN p_answers MEDIUMTEXT)
	MODIFIES SQL DATA SQL SECURITY DEFINER
proc: BEGIN
	DECLARE v_response BIGINT UNSIGNED;
	DECLARE EXIT HANDLER FOR SQLEXCEPTION
	BEGIN
		ROLLBACK;
		RESIGNAL;
	END;
	START TRANSACTION;
	IF NOT EXISTS (SELECT 1 FROM survey WHERE id = p_survey
	    AND status = 'published' AND opens_at <= UTC_TIMESTAMP()
	    AND closes_at > UTC_TIMESTAMP() AND opens_on <= p_today
	    AND closes_on >= p_today) THEN
		ROLLBACK;
		SELECT 'closed' AS outcome;
		LEAVE proc;
	END IF;
	IF p_response IS NOT NULL THEN
		DELETE FROM survey_response WHERE id = p_response
		    AND survey_id = p_survey AND status = 'in_progress';
	ELSE
		INSERT IGNORE INTO survey_held_done (nonce_hash, done_on)
		VALUES (p_nonce, p_today);
	END IF;
	IF ROW_COUNT() <> 1 THEN
		ROLLBACK;
		SELECT 'twice' AS outcome;
		LEAVE proc;
	END IF;
	IF p_quota IS NOT NULL THEN
		INSERT INTO survey_quota (survey_id, respondent_group, quota,
		    completed) VALUES (p_survey, p_group, p_quota, 1)
		ON DUPLICATE KEY UPDATE completed = IF(quota IS NULL
		    OR completed < quota, completed + 1, completed);
		IF ROW_COUNT() = 0 THEN
			ROLLBACK;
			SELECT 'survey.group.full' AS outcome;
			LEAVE proc;
		END IF;
	END IF;
	IF p_invitation IS NOT NULL THEN
		UPDATE survey_invitation SET used = TRUE
		WHERE id = p_invitation AND survey_id = p_survey
		    AND used = FALSE;
		IF ROW_COUNT() = 0 THEN
			ROLLBACK;
			SELECT 'survey.invite.used' AS outcome;
			LEAVE proc;
		END IF;
	END IF;
	INSERT INTO survey_response (survey_id, respondent_group, page,
	    status, completed_on)
	VALUES (p_survey, p_group, 0, 'completed', p_today);
	SET v_response = LAST_INSERT_ID();
	INSERT INTO survey_answer (response_id, survey_id, question, item,
	    option_code, number, text)
	SELECT v_response, p_survey, j.q, j.i, j.o, j.n, j.t
	FROM JSON_TABLE(p_answers, '$[*]' COLUMNS (
	    q VARCHAR(24) PATH '$.q', i VARCHAR(24) PATH '$.i',
	    o VARCHAR(24) PATH '$.o', n DECIMAL(19, 4) PATH '$.n',
	    t TEXT PATH '$.t')) j;
	COMMIT;
	SELECT 'done' AS outcome;
END;
