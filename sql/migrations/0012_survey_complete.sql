-- SPDX-License-Identifier: ISC
-- 0012: a survey response completed in one round trip instead of six
-- (issue 11, performance).  survey_complete does in one transaction what
-- fcgi/surveys/answer.c's complete() did statement by statement: the
-- response marked completed with its group and the day (the
-- municipality's local date, which the worker passes), its resume code,
-- invitation, expiry and draft cleared; one place of the group's quota
-- taken while under it; the invitation used, once; every answer of the
-- draft (its JSON array, answer.c's draft_json) inserted as a row of
-- survey_answer.  It returns one row, `outcome`: 'done'; 'twice' (the
-- response was no longer in progress: sent twice, the first completed
-- it); or the message key of what stopped it, 'survey.group.full' or
-- 'survey.invite.used', with nothing changed.  Any error rolls back.
-- The parameters' names start with p_ so that none hides a column.

CREATE PROCEDURE survey_complete(IN p_response BIGINT UNSIGNED,
    IN p_survey BIGINT UNSIGNED, IN p_group VARCHAR(24),
    IN p_quota INT UNSIGNED, IN p_invitation BIGINT UNSIGNED,
    IN p_today DATE, IN p_answers MEDIUMTEXT)
	MODIFIES SQL DATA SQL SECURITY DEFINER
proc: BEGIN
	DECLARE EXIT HANDLER FOR SQLEXCEPTION
	BEGIN
		ROLLBACK;
		RESIGNAL;
	END;
	START TRANSACTION;
	UPDATE survey_response SET status = 'completed',
	    completed_on = p_today, resume_hash = NULL, invitation_id = NULL,
	    expires_on = NULL, answers = NULL, respondent_group = p_group
	WHERE id = p_response AND status = 'in_progress';
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
		WHERE id = p_invitation AND used = FALSE;
		IF ROW_COUNT() = 0 THEN
			ROLLBACK;
			SELECT 'survey.invite.used' AS outcome;
			LEAVE proc;
		END IF;
	END IF;
	INSERT INTO survey_answer (response_id, survey_id, question, item,
	    option_code, number, text)
	SELECT p_response, p_survey, j.q, j.i, j.o, j.n, j.t
	FROM JSON_TABLE(p_answers, '$[*]' COLUMNS (
	    q VARCHAR(24) PATH '$.q', i VARCHAR(24) PATH '$.i',
	    o VARCHAR(24) PATH '$.o', n DECIMAL(19, 4) PATH '$.n',
	    t TEXT PATH '$.t')) j;
	COMMIT;
	SELECT 'done' AS outcome;
END;
