-- SPDX-License-Identifier: ISC
-- One MariaDB user per worker, each with only what its fcgi/<worker>/
-- stmt.c needs: the second wall behind the checks in the workers.  Run as
-- root after every migration (scripts/stack does); it is idempotent.
-- Review it together with the stmt.c files.  @PW_*@ are replaced with the
-- passwords kept in the state directory (or your secret store).
--
-- Adding a table: grant it here to its owner, and read-only to others
-- only through a view its owner publishes.

CREATE USER IF NOT EXISTS 'karika_surveys'@'localhost' IDENTIFIED BY '@PW_SURVEYS@';
CREATE USER IF NOT EXISTS 'karika_applications'@'localhost' IDENTIFIED BY '@PW_APPLICATIONS@';
CREATE USER IF NOT EXISTS 'karika_registry'@'localhost' IDENTIFIED BY '@PW_REGISTRY@';
CREATE USER IF NOT EXISTS 'karika_reports'@'localhost' IDENTIFIED BY '@PW_REPORTS@';
CREATE USER IF NOT EXISTS 'karika_mailer'@'localhost' IDENTIFIED BY '@PW_MAILER@';
ALTER USER 'karika_surveys'@'localhost' IDENTIFIED BY '@PW_SURVEYS@';
ALTER USER 'karika_applications'@'localhost' IDENTIFIED BY '@PW_APPLICATIONS@';
ALTER USER 'karika_registry'@'localhost' IDENTIFIED BY '@PW_REGISTRY@';
ALTER USER 'karika_reports'@'localhost' IDENTIFIED BY '@PW_REPORTS@';
ALTER USER 'karika_mailer'@'localhost' IDENTIFIED BY '@PW_MAILER@';

-- Reference data every worker reads.
GRANT SELECT ON karika.municipality TO 'karika_surveys'@'localhost',
    'karika_applications'@'localhost', 'karika_registry'@'localhost',
    'karika_reports'@'localhost';
GRANT SELECT ON karika.service_group TO 'karika_applications'@'localhost',
    'karika_registry'@'localhost', 'karika_reports'@'localhost';
GRANT SELECT ON karika.service TO 'karika_applications'@'localhost',
    'karika_reports'@'localhost';

-- Every worker: the statements of fcgi/common/cstmt.c.  Who is asking,
-- only through the stored queries of 0003_session_lookup.sql and
-- 0007_session_load.sql (keyed by a
-- session token's hash: no table of accounts or sessions is readable),
-- appending to the audit trail, queueing mail.  Nobody may UPDATE or DELETE audit rows
-- (and triggers refuse it even to the schema's owner).
GRANT EXECUTE ON PROCEDURE karika.session_lookup TO 'karika_surveys'@'localhost',
    'karika_applications'@'localhost', 'karika_registry'@'localhost',
    'karika_reports'@'localhost';
GRANT EXECUTE ON PROCEDURE karika.session_roles TO 'karika_surveys'@'localhost',
    'karika_applications'@'localhost', 'karika_registry'@'localhost',
    'karika_reports'@'localhost';
GRANT EXECUTE ON PROCEDURE karika.session_touch TO 'karika_surveys'@'localhost',
    'karika_applications'@'localhost', 'karika_registry'@'localhost',
    'karika_reports'@'localhost';
GRANT EXECUTE ON PROCEDURE karika.session_load TO 'karika_surveys'@'localhost',
    'karika_applications'@'localhost', 'karika_registry'@'localhost',
    'karika_reports'@'localhost';
GRANT INSERT ON karika.audit TO 'karika_surveys'@'localhost',
    'karika_applications'@'localhost', 'karika_registry'@'localhost',
    'karika_reports'@'localhost';
GRANT INSERT ON karika.outbox TO 'karika_surveys'@'localhost',
    'karika_applications'@'localhost', 'karika_registry'@'localhost',
    'karika_reports'@'localhost';

-- karika-registry: accounts, roles, sessions, tokens, throttling; it
-- reads the audit trail for the administrators' page.
GRANT SELECT, INSERT, UPDATE ON karika.account TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, DELETE ON karika.account_role TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON karika.session TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.account_token TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON karika.login_throttle TO 'karika_registry'@'localhost';
GRANT SELECT ON karika.audit TO 'karika_registry'@'localhost';
-- /registry/metrics (ops.c): the outbox's backlog, from four columns
-- that hold no address, name or link.
GRANT SELECT (id, created_at, attempts, sent_at) ON karika.outbox
    TO 'karika_registry'@'localhost';

-- karika-mailer: drains the outbox.
GRANT SELECT (id, to_addr, locale, template, param_name, param_link,
    attempts, next_attempt_at, sent_at),
    UPDATE (sent_at, param_link, attempts, next_attempt_at, last_error)
    ON karika.outbox TO 'karika_mailer'@'localhost';

-- karika-retention (fcgi/tools/retention.c, 0013): deletes what is past
-- its retention period, reading only the columns its conditions name:
-- abandoned survey responses (their answers go with them, ON DELETE
-- CASCADE), expired sessions, spent single-use links, quiet throttle
-- rows, and audit rows past their legal period (the trigger of 0013
-- allows this user alone, and only rows older than retention_floor);
-- it appends an audit row saying what it removed and reports each run in
-- retention_run, which the registry shows its administrators.
CREATE USER IF NOT EXISTS 'karika_retention'@'localhost' IDENTIFIED BY '@PW_RETENTION@';
ALTER USER 'karika_retention'@'localhost' IDENTIFIED BY '@PW_RETENTION@';
GRANT SELECT (id, status, expires_on), DELETE ON karika.survey_response
    TO 'karika_retention'@'localhost';
GRANT SELECT (done_on), DELETE ON karika.survey_held_done
    TO 'karika_retention'@'localhost';
GRANT SELECT (id, expires_at), DELETE ON karika.session
    TO 'karika_retention'@'localhost';
GRANT SELECT (id, used_at, expires_at), DELETE ON karika.account_token
    TO 'karika_retention'@'localhost';
GRANT SELECT (last_failure_at), DELETE ON karika.login_throttle
    TO 'karika_retention'@'localhost';
GRANT SELECT (id, at), INSERT, DELETE ON karika.audit
    TO 'karika_retention'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.retention_run
    TO 'karika_retention'@'localhost';
GRANT SELECT ON karika.retention_floor TO 'karika_retention'@'localhost';
GRANT EXECUTE ON FUNCTION karika.retention_table_present
    TO 'karika_retention'@'localhost';
-- Refused or withdrawn applications (0016) and closed cases (0010), each
-- with its rows in the tables that name it (0022 indexes the conditions):
-- the columns the conditions and joins read, and DELETE.  An
-- application's needs and criteria go by ON DELETE CASCADE; its files by
-- the job itself, in documents.dir.
GRANT SELECT (id, status, updated_at), DELETE ON karika.application
    TO 'karika_retention'@'localhost';
GRANT SELECT (application_id, sha256), DELETE ON karika.application_document
    TO 'karika_retention'@'localhost';
-- A document's file goes when no row of any table names it any more:
-- document_users (0023) counts them, as for the workers (docs.c).
GRANT EXECUTE ON PROCEDURE karika.document_users
    TO 'karika_retention'@'localhost';
GRANT SELECT (application_id), DELETE ON karika.application_event
    TO 'karika_retention'@'localhost';
GRANT SELECT (application_id), DELETE ON karika.application_position
    TO 'karika_retention'@'localhost';
GRANT SELECT (id, status, closed_at), DELETE ON karika.case_file
    TO 'karika_retention'@'localhost';
GRANT SELECT (id, case_id), DELETE ON karika.referral
    TO 'karika_retention'@'localhost';
GRANT SELECT (referral_id), DELETE ON karika.referral_field
    TO 'karika_retention'@'localhost';
GRANT SELECT (object_type, object_id), DELETE ON karika.record_grant
    TO 'karika_retention'@'localhost';
GRANT SELECT (case_id), DELETE ON karika.case_activity
    TO 'karika_retention'@'localhost';
GRANT SELECT (case_id), DELETE ON karika.case_goal
    TO 'karika_retention'@'localhost';
GRANT SELECT (case_id), DELETE ON karika.case_review
    TO 'karika_retention'@'localhost';
GRANT SELECT (case_id), DELETE ON karika.case_barrier
    TO 'karika_retention'@'localhost';
GRANT SELECT (case_id), DELETE ON karika.case_priority
    TO 'karika_retention'@'localhost';
GRANT SELECT (case_id), DELETE ON karika.group_member
    TO 'karika_retention'@'localhost';
GRANT SELECT (case_id), DELETE ON karika.group_attendance
    TO 'karika_retention'@'localhost';
GRANT SELECT ON karika.retention_run TO 'karika_registry'@'localhost';

-- karika-surveys: survey definitions, responses and their answers
-- (0005).  DELETE on responses removes abandoned ones after their expiry
-- (answers go with them, ON DELETE CASCADE); on answers it lets Back
-- rewrite a page.  Invitations are marked used, never deleted; quota rows
-- are counted up in the completing transaction.  Nothing of the register:
-- no person, enrolment, account or session (t/70-grants.t).
GRANT SELECT, INSERT, UPDATE ON karika.survey TO 'karika_surveys'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON karika.survey_response
    TO 'karika_surveys'@'localhost';
GRANT SELECT, INSERT, DELETE ON karika.survey_answer
    TO 'karika_surveys'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.survey_invitation
    TO 'karika_surveys'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.survey_quota
    TO 'karika_surveys'@'localhost';
-- Completing a response in one round trip (0012, 0034): its
-- transaction runs as the schema's owner, on the tables above.
GRANT EXECUTE ON PROCEDURE karika.survey_complete
    TO 'karika_surveys'@'localhost';
-- A response held by the browser (0034): the key that seals it (its
-- completion's nonce is written by survey_complete alone).
GRANT SELECT ON karika.survey_seal TO 'karika_surveys'@'localhost';

-- karika-registry: the register.
GRANT SELECT, INSERT, UPDATE ON karika.service TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.organisation TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.licence TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.person TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.enrolment TO 'karika_registry'@'localhost';
-- The register of 0006: reference data the administrators keep, people's
-- needs (a link row is removed when a need no longer applies), monthly
-- deliveries (corrected in place, never deleted) and month closing (a
-- reopened month deletes its row).  Never DELETE on person or enrolment.
GRANT SELECT, INSERT, UPDATE ON karika.settlement TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.service_price TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.capacity TO 'karika_registry'@'localhost';
GRANT SELECT ON karika.need TO 'karika_registry'@'localhost';
GRANT SELECT ON karika.end_reason TO 'karika_registry'@'localhost';
-- A confirmed caseload import's rows, so that they are imported once (0028).
GRANT INSERT ON karika.caseload_import TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, DELETE ON karika.person_need TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.delivery TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, DELETE ON karika.month_close TO 'karika_registry'@'localhost';

-- karika-reports: aggregates only, through the registry's views, which
-- carry no name, birth date, JMBG, address or contact; and the reference
-- data figures are made of (prices, capacities, settlements, codes, the
-- organisations, which are legal entities, and which months are closed).
GRANT SELECT ON karika.report_enrolment TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.report_person TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.report_person_need TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.report_delivery TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.service_price TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.capacity TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.licence TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.organisation TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.settlement TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.need TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.end_reason TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.month_close TO 'karika_reports'@'localhost';
-- 0011 (issue 14): applications waiting or refused (no row until issue
-- 13 lands), survey answers counted per option, the mapping of survey
-- answers to services, the towns of a provincial analyst, and the one
-- stored query that names the people behind a figure (called for a CSW
-- worker only, audited).  The only tables karika-reports writes are its
-- own: the analyst's forecast scenarios, the residential institutions'
-- returns and the choice of published datasets; never a row of the
-- register.
GRANT SELECT ON karika.report_waiting TO 'karika_reports'@'localhost';
-- The CSW's applications, counted (0024): no name, date of birth or reason.
GRANT SELECT ON karika.report_application TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.report_survey_option TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.report_survey TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.report_need_map TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.report_analyst_scope TO 'karika_reports'@'localhost';
GRANT EXECUTE ON PROCEDURE karika.report_persons TO 'karika_reports'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.report_scenario TO 'karika_reports'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON karika.report_scenario_service
    TO 'karika_reports'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.report_return TO 'karika_reports'@'localhost';
-- 0025: the datasets the department publishes, per town.
GRANT SELECT, INSERT, UPDATE ON karika.report_publication TO 'karika_reports'@'localhost';
-- 0019: the summary of closed months, read with the deliveries of the
-- months it does not hold; karika-jobs fills it through the one stored
-- procedure (definer's rights: the worker's user cannot write it).
GRANT SELECT ON karika.report_month TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.report_month_done TO 'karika_reports'@'localhost';
GRANT EXECUTE ON PROCEDURE karika.report_month_fill TO 'karika_reports'@'localhost';

-- Cases, referrals, the protocol and DV (0010, issue 15): the registry's
-- own.  DELETE only where a form replaces a case's list (barriers,
-- manual priority marks); grants end (ended_at), never go.  Reports see
-- outcomes and DV figures through views without names, and the priority
-- groups (names of groups, not of people).
GRANT SELECT ON karika.csw_supervisor TO 'karika_registry'@'localhost';
GRANT SELECT ON karika.priority_group TO 'karika_registry'@'localhost';
GRANT SELECT ON karika.protocol TO 'karika_registry'@'localhost';
GRANT SELECT ON karika.protocol_partner TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.case_file TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, DELETE ON karika.case_barrier TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, DELETE ON karika.case_priority TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT ON karika.case_goal TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.case_activity TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.case_review TO 'karika_registry'@'localhost';
GRANT SELECT ON karika.group_activity TO 'karika_registry'@'localhost';
GRANT SELECT ON karika.group_member TO 'karika_registry'@'localhost';
GRANT SELECT ON karika.group_session TO 'karika_registry'@'localhost';
GRANT SELECT ON karika.group_attendance TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.referral TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT ON karika.referral_field TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.dv_case TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.dv_measure TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT ON karika.dv_referral TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.record_grant TO 'karika_registry'@'localhost';
-- The administrator's priority groups (rename, deactivate: never
-- deleted, 0015) and supervisors; a group session's date, topic and
-- attendance (replaced as a whole by the session's form).
GRANT INSERT, UPDATE ON karika.priority_group TO 'karika_registry'@'localhost';
GRANT INSERT, DELETE ON karika.csw_supervisor TO 'karika_registry'@'localhost';
GRANT INSERT, UPDATE ON karika.group_session TO 'karika_registry'@'localhost';
GRANT INSERT, DELETE ON karika.group_attendance TO 'karika_registry'@'localhost';
-- 0020: the workers create and change group activities and add and
-- remove participants (one who came to a session stays).
GRANT INSERT, UPDATE ON karika.group_activity TO 'karika_registry'@'localhost';
GRANT INSERT, DELETE ON karika.group_member TO 'karika_registry'@'localhost';
GRANT SELECT ON karika.report_case_outcome TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.report_case_priority TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.report_dv TO 'karika_reports'@'localhost';
GRANT SELECT ON karika.priority_group TO 'karika_reports'@'localhost';
-- The register of professionals, courses, tests and certificates (0014,
-- issue 16): the registry's, and karika-training's (the daily job, which
-- connects as the registry).  Nothing is ever deleted but a question's
-- options, which its editor's form replaces as a whole.
GRANT SELECT ON karika.staff_position TO 'karika_registry'@'localhost';
GRANT SELECT ON karika.position_course TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.course TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.course_module TO 'karika_registry'@'localhost';
-- 0021: a module's attached PDFs; the file goes with the last row of any
-- table naming it, which only document_users (0023) counts.
GRANT SELECT, INSERT, DELETE ON karika.course_material TO 'karika_registry'@'localhost';
GRANT EXECUTE ON PROCEDURE karika.document_users TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.professional TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.test_question TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, DELETE ON karika.test_option TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.test_attempt TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.test_attempt_question TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT ON karika.test_attempt_answer TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT ON karika.certificate TO 'karika_registry'@'localhost';
GRANT SELECT, INSERT ON karika.training_reminder TO 'karika_registry'@'localhost';

-- karika-applications (0016, issue 13): its own tables; the register
-- only through the stored queries 0016 publishes (a JMBG match that the
-- applicant never sees, the enrolment on approval after enrol_check()'s
-- rules, who has seen an application) and the places of each provider
-- (application_places: counts, no person).  It reads the coded needs
-- and the document kinds; it deletes only a draft's documents and needs
-- and the criteria its own forms replace as a whole.  Its administrators
-- set each service's priority criteria and the documents it asks for
-- (admin.c: 0016 made those tables this worker's).
GRANT SELECT ON karika.need TO 'karika_applications'@'localhost';
GRANT SELECT ON karika.document_kind TO 'karika_applications'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON karika.service_document
    TO 'karika_applications'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON karika.priority_criterion
    TO 'karika_applications'@'localhost';
GRANT SELECT, INSERT, UPDATE ON karika.application TO 'karika_applications'@'localhost';
GRANT SELECT, INSERT, DELETE ON karika.application_need TO 'karika_applications'@'localhost';
GRANT SELECT, INSERT, DELETE ON karika.application_document TO 'karika_applications'@'localhost';
GRANT SELECT, INSERT ON karika.application_event TO 'karika_applications'@'localhost';
GRANT SELECT, INSERT, DELETE ON karika.application_criterion TO 'karika_applications'@'localhost';
GRANT SELECT, INSERT ON karika.application_position TO 'karika_applications'@'localhost';
GRANT SELECT ON karika.application_places TO 'karika_applications'@'localhost';
GRANT EXECUTE ON PROCEDURE karika.application_person_match TO 'karika_applications'@'localhost';
GRANT EXECUTE ON PROCEDURE karika.application_enrol TO 'karika_applications'@'localhost';
-- 0023: whether any row of any table still names a file, locking them.
GRANT EXECUTE ON PROCEDURE karika.document_users TO 'karika_applications'@'localhost';
GRANT EXECUTE ON PROCEDURE karika.application_seen TO 'karika_applications'@'localhost';
-- 0029: the applicant as the child's legal representative on approval.
GRANT EXECUTE ON PROCEDURE karika.application_applicant TO 'karika_applications'@'localhost';
GRANT EXECUTE ON PROCEDURE karika.application_representative TO 'karika_applications'@'localhost';
