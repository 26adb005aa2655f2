-- SPDX-License-Identifier: ISC
-- 0024: what karika-reports reads of the online applications (issue 14
-- beside issue 13): the CSW's "state" report (applications by status and
-- age, decisions) and unmet demand (waiting lists, applications that
-- found no free place).  Counts only: no name, birth date, JMBG, address
-- or reason of anybody reaches the reports' user.
--
-- "Refused for lack of places": in issue 13's procedure the CSW does not
-- refuse an eligible applicant because a service is full; it approves and
-- the application joins the service's waiting list (csw.c, its event
-- 'waiting').  Those approvals without a free place are what issue 14
-- counts as refused for lack of places, on the day of the decision.  A
-- refusal (status 'refused') is a decision that the applicant is not
-- eligible: a decision, never unmet demand.  0016's report_waiting
-- counted refusals as demand and the approvals without a place not at
-- all; it is replaced here with the same columns.

-- Waiting now (on the list, or offered a place and not yet enrolled),
-- since the day it joined the list; and each approval without a free
-- place, on its day.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW report_waiting AS
	SELECT a.municipality_id, a.service_id,
	    CAST(NULL AS UNSIGNED) AS organisation_id,
	    CAST('waiting' AS CHAR(8)) AS kind,
	    CAST(a.waiting_since AS DATE) AS since
	FROM application a WHERE a.status IN ('waiting', 'offered')
	UNION ALL
	SELECT a.municipality_id, a.service_id, NULL, 'refused',
	    CAST(v.at AS DATE)
	FROM application_event v JOIN application a ON a.id = v.application_id
	WHERE v.kind = 'waiting';

-- Each application past its draft: its town, service and status, the
-- days it was submitted and decided (UTC), the decision ('approved',
-- 'refused', NULL while undecided) and whether its approval found no free
-- place (no_place, 1 or 0).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW report_application AS
	SELECT a.municipality_id, a.service_id, a.status,
	    CAST(a.submitted_at AS DATE) AS submitted_on,
	    CAST(a.decided_at AS DATE) AS decided_on,
	    CASE WHEN a.decided_at IS NULL THEN NULL
	    WHEN a.status = 'refused' THEN 'refused'
	    ELSE 'approved' END AS decision,
	    EXISTS (SELECT 1 FROM application_event v
	    WHERE v.application_id = a.id AND v.kind = 'waiting') AS no_place
	FROM application a WHERE a.status <> 'draft';

-- The approvals without a place are found by their event's kind.
ALTER TABLE application_event
	ADD KEY IF NOT EXISTS application_event_kind (kind, application_id);
