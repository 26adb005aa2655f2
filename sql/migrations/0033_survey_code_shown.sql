-- SPDX-License-Identifier: ISC
-- 0033: a response's resume code is shown once (issue 11).  /saved
-- showed the code again on every reload, from the respondent's own
-- cookie.  Now each Save marks the code to be shown (FALSE); /saved
-- shows it and marks it shown in one statement (answer.c,
-- STMT_CODE_SHOW).  Later it says the code was shown and offers a new
-- one, which replaces it (STMT_CODE_NEW): the old one no longer resumes.
ALTER TABLE survey_response
	ADD COLUMN IF NOT EXISTS code_shown BOOLEAN NOT NULL DEFAULT FALSE;
