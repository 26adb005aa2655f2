-- SPDX-License-Identifier: ISC
-- 0030: the reports know whether a survey's results are public (issue
-- 14): /reports/demand links to /surveys/<code>/results only then, the
-- only time an analyst or a CSW worker may open them (fcgi/surveys/
-- results.c answers 404 before publication to all but the editors).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW report_survey AS
	SELECT s.municipality_id, s.id AS survey_id, s.code AS survey,
	    s.closes_on, s.status, COUNT(r.id) AS respondents,
	    s.results_published
	FROM survey s LEFT JOIN survey_response r ON r.survey_id = s.id
	    AND r.status = 'completed'
	GROUP BY s.municipality_id, s.id, s.code, s.closes_on, s.status,
	    s.results_published;
