-- SPDX-License-Identifier: ISC
-- 0008: a response in progress keeps its answers so far in one column
-- (issue 11, answering).  Each page of the survey rewrites this one row
-- (the answers as a JSON array, fcgi/surveys/answer.c) instead of
-- deleting and inserting rows of survey_answer; completing the response
-- writes its survey_answer rows in one statement and clears the column,
-- so that a completed response keeps nothing but its answers, and the
-- retention job deletes abandoned ones by expires_on as before.
ALTER TABLE survey_response
	ADD COLUMN answers MEDIUMTEXT NULL,
	ADD CONSTRAINT survey_response_answers CHECK (
	    status = 'in_progress' OR answers IS NULL);
