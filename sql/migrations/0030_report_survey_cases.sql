-- SPDX-License-Identifier: ISC
-- 0030: two more facts for the reports (issue 14).  Whether a survey's
-- results are public: /reports/demand links to /surveys/<code>/results
-- only then, the only time an analyst or a CSW worker may open them
-- (fcgi/surveys/results.c answers 404 before publication to all but the
-- editors).  And the day a case was opened, for /reports/state.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW report_survey AS
	SELECT s.municipality_id, s.id AS survey_id, s.code AS survey,
	    s.closes_on, s.status, COUNT(r.id) AS respondents,
	    s.results_published
	FROM survey s LEFT JOIN survey_response r ON r.survey_id = s.id
	    AND r.status = 'completed'
	GROUP BY s.municipality_id, s.id, s.code, s.closes_on, s.status,
	    s.results_published;

-- And the day each case was opened, for the cases of the CSW on
-- /reports/state ("per CSW: applications by status and age, decisions,
-- cases", issue 14): still no person, no name.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW report_case_outcome AS
	SELECT c.municipality_id, c.id AS case_id, c.status, c.outcome,
	    c.exit_reason, c.outcome_on, c.outcome_organisation_id,
	    c.opened_on
	FROM case_file c;
