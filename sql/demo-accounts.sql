-- SPDX-License-Identifier: ISC
-- Demo accounts, one per role, all with the password scripts/run prints
-- ($KARIKA_DEMO_PASSWORD); scripts/stack puts its yescrypt hash in place
-- of @DEMO_HASH@.  Loaded once, after demo.sql.
SET NAMES utf8mb4;
SET @m = (SELECT id FROM municipality WHERE code = 'novi-pazar');
SET @o1 = (SELECT id FROM organisation WHERE municipality_id = @m AND kind = 'association' AND category = 'provider');
SET @o2 = (SELECT id FROM organisation WHERE municipality_id = @m AND kind = 'public' AND category = 'provider');
-- The partner of the protocol whose staff partner@example.org is (issue 15).
SET @o3 = (SELECT id FROM organisation WHERE municipality_id = @m AND registration_number = '17000011');

INSERT INTO account (email, name, password_hash, locale, status, privacy_accepted_at) VALUES
('admin@example.org', 'Admin Demo', '@DEMO_HASH@', 'sr-Cyrl', 'active', NULL),
('csw@example.org', 'Mirjana Radović (CSR)', '@DEMO_HASH@', 'sr-Cyrl', 'active', NULL),
('provider1@example.org', 'Selma Hadžić', '@DEMO_HASH@', 'sr-Latn', 'active', NULL),
('provider2@example.org', 'Dragan Petrović', '@DEMO_HASH@', 'sr-Cyrl', 'active', NULL),
('analyst@example.org', 'Jelena Marković', '@DEMO_HASH@', 'sr-Cyrl', 'active', NULL),
('editor@example.org', 'Amir Ljajić', '@DEMO_HASH@', 'bs', 'active', NULL),
('citizen@example.org', 'Ana Đorđević', '@DEMO_HASH@', 'sr-Cyrl', 'active', UTC_TIMESTAMP()),
('csw2@example.org', 'Bojan Ristić (CSR)', '@DEMO_HASH@', 'sr-Latn', 'active', NULL),
('partner@example.org', 'Nermina Ugljanin', '@DEMO_HASH@', 'sr-Latn', 'active', NULL);

INSERT INTO account_role (account_id, role, municipality_id, organisation_id)
SELECT id, CASE email
	WHEN 'admin@example.org' THEN 'admin'
	WHEN 'csw@example.org' THEN 'csw'
	WHEN 'provider1@example.org' THEN 'provider'
	WHEN 'provider2@example.org' THEN 'provider'
	WHEN 'analyst@example.org' THEN 'analyst'
	WHEN 'editor@example.org' THEN 'editor'
	WHEN 'csw2@example.org' THEN 'csw'
	WHEN 'partner@example.org' THEN 'partner'
	ELSE 'citizen' END,
    @m,
    CASE email WHEN 'provider1@example.org' THEN @o1
	WHEN 'provider2@example.org' THEN @o2
	WHEN 'partner@example.org' THEN @o3 ELSE NULL END
FROM account WHERE email LIKE '%@example.org';

-- Cases (issue 15), led by csw@example.org; csw2@example.org is the
-- supervisor who approved their plans and closings, and leads or is
-- assigned to none.  Eighteen closed cases reproduce the pilot's
-- outcomes: 10 jobs, 6 through case management and 4 through social
-- entrepreneurship, 5 trainings completed, 3 exits; ten are open (plans,
-- overdue activities and reviews, one urgent, one with a safety
-- concern, one plan waiting for approval, one open referral to the
-- employment service, whose staff partner@example.org is).
SET time_zone = '+00:00';
SET @csw = (SELECT id FROM account WHERE email = 'csw@example.org');
SET @sup = (SELECT id FROM account WHERE email = 'csw2@example.org');
INSERT INTO csw_supervisor (account_id, municipality_id) VALUES (@sup, @m);
SET @a0 = (SELECT MIN(id) - 1 FROM person WHERE municipality_id = @m
    AND phone LIKE '+381 63 000 %');
SET @dvg = (SELECT id FROM priority_group WHERE municipality_id = @m
    AND code = 'dv-women');

CREATE TEMPORARY TABLE demo_case (
	n INT NOT NULL PRIMARY KEY,
	outcome VARCHAR(16) NULL, reason VARCHAR(16) NULL, day DATE NULL,
	partner CHAR(8) NULL, ota BOOLEAN NOT NULL, dv BOOLEAN NOT NULL
);
INSERT INTO demo_case VALUES
(1, 'employed-cm', NULL, '2025-06-10', '17000018', 1, 0),
(2, 'employed-cm', NULL, '2025-07-01', '17000018', 1, 0),
(3, 'employed-cm', NULL, '2025-07-15', '17000011', 0, 1),
(4, 'employed-cm', NULL, '2025-09-01', '17000017', 1, 0),
(5, 'employed-cm', NULL, '2025-10-20', '17000018', 0, 0),
(6, 'employed-cm', NULL, '2025-11-05', '17000011', 1, 1),
(7, 'employed-se', NULL, '2025-06-20', '17000015', 1, 1),
(8, 'employed-se', NULL, '2025-08-11', '17000015', 1, 0),
(9, 'employed-se', NULL, '2025-09-15', '17000016', 0, 1),
(10, 'employed-se', NULL, '2025-12-01', '17000015', 1, 0),
(11, 'training', NULL, '2025-05-30', '17000013', 1, 0),
(12, 'training', NULL, '2025-05-30', '17000013', 1, 1),
(13, 'training', NULL, '2025-06-30', '17000013', 0, 0),
(14, 'training', NULL, '2025-06-30', '17000013', 1, 0),
(15, 'training', NULL, '2025-10-31', '17000013', 0, 0),
(16, 'exit', 'moved', '2025-08-01', NULL, 0, 0),
(17, 'exit', 'declined', '2025-09-10', NULL, 1, 0),
(18, 'exit', 'pension', '2025-11-30', NULL, 0, 0);
INSERT INTO demo_case (n, ota, dv)
WITH RECURSIVE seq (n) AS (SELECT 19 UNION ALL SELECT n + 1 FROM seq WHERE n < 28)
SELECT n, n % 2, n = 24 FROM seq;

INSERT INTO case_file (municipality_id, person_id, household,
    lead_account_id, opened_on, intake, intake_note, one_time_assistance,
    urgent, safety, needs, strengths, plan_status, plan_approved_by,
    plan_approved_at, status, outcome, exit_reason, outcome_on,
    outcome_organisation_id, closed_by, closed_at)
SELECT @m, @a0 + d.n, d.n % 7 = 0, @csw,
    COALESCE(d.day - INTERVAL 200 DAY, UTC_DATE() - INTERVAL (d.n * 9) DAY),
    ELT(1 + d.n % 4, 'self', 'csw', 'employment', 'ngo'), '',
    d.ota, d.n = 21, d.n = 22,
    'Posao u mestu stanovanja; prevoz do posla.',
    'Radno iskustvo u trgovini; motivisan(a).',
    IF(d.n = 20, 'submitted', IF(d.n > 25, 'draft', 'approved')),
    IF(d.n <= 25 AND d.n <> 20, @sup, NULL),
    IF(d.n <= 25 AND d.n <> 20,
	TIMESTAMP(COALESCE(d.day - INTERVAL 180 DAY,
	    UTC_DATE() - INTERVAL (d.n * 5) DAY), '10:00:00'), NULL),
    IF(d.day IS NULL, 'open', 'closed'), d.outcome, d.reason, d.day,
    (SELECT id FROM organisation WHERE municipality_id = @m
	AND registration_number = d.partner),
    IF(d.day IS NULL, NULL, @sup),
    IF(d.day IS NULL, NULL, TIMESTAMP(d.day + INTERVAL 3 DAY, '12:00:00'))
FROM demo_case d ORDER BY d.n;
SET @c0 = LAST_INSERT_ID() - 1;

INSERT INTO case_priority (case_id, group_id)
SELECT @c0 + n, @dvg FROM demo_case WHERE dv;
INSERT INTO case_barrier (case_id, barrier, note)
SELECT @c0 + d.n, b.barrier, b.note FROM demo_case d
JOIN (SELECT 'education' AS barrier, 'Završena osnovna škola.' AS note, 1 AS m
    UNION ALL SELECT 'transport', 'Nema prevoza iz sela.', 2
    UNION ALL SELECT 'care', 'Brine o detetu do 3 godine.', 3) b
    ON d.n % b.m = 0;

-- Open cases: two goals, three activities (one done, one overdue, one
-- ahead), a review; the review of case 19 is overdue.
INSERT INTO case_goal (case_id, text)
SELECT @c0 + n, g.text FROM demo_case
JOIN (SELECT 'Stalno zaposlenje u roku od šest meseci' AS text
    UNION ALL SELECT 'Završena obuka za traženo zanimanje') g
WHERE day IS NULL ORDER BY n;
INSERT INTO case_activity (case_id, goal_id, text, organisation_id, due_on,
    done_on)
SELECT g.case_id, g.id, a.text,
    IF(a.k = 1, NULL, (SELECT id FROM organisation WHERE municipality_id = @m
	AND registration_number = IF(a.k = 2, '17000011', '17000013'))),
    UTC_DATE() + INTERVAL a.due DAY,
    IF(a.k = 1, UTC_DATE() + INTERVAL a.due DAY, NULL)
FROM case_goal g
JOIN (SELECT 1 AS k, 'Izrada biografije' AS text, -20 AS due
    UNION ALL SELECT 2, 'Prijava na evidenciju i savetovanje', -5
    UNION ALL SELECT 3, 'Upis na obuku', 20) a
WHERE g.case_id > @c0 + 18 AND g.id = (SELECT MIN(x.id) FROM case_goal x
    WHERE x.case_id = g.case_id);
INSERT INTO case_review (case_id, due_on)
SELECT @c0 + n, UTC_DATE() + INTERVAL IF(n = 19, -3, 30) DAY
FROM demo_case WHERE day IS NULL;

-- The training group: cases 1 to 10, and who came to each session.
INSERT INTO group_member (activity_id, case_id)
SELECT g.id, @c0 + d.n FROM group_activity g JOIN demo_case d ON d.n <= 10
WHERE g.municipality_id = @m;
INSERT INTO group_attendance (session_id, case_id)
SELECT s.id, m.case_id FROM group_session s
JOIN group_member m ON m.activity_id = s.activity_id
WHERE (s.id + m.case_id) % 4 <> 0;

-- The open referral: case 19 to the employment service, with the name
-- and the phone number ticked; the organisation's access for 30 days.
INSERT INTO referral (case_id, organisation_id, sent_by, sent_at, request)
VALUES (@c0 + 19, @o3, @csw, UTC_TIMESTAMP() - INTERVAL 2 DAY,
    'Savetovanje i posredovanje u zapošljavanju; prijava na evidenciju.');
SET @rf = LAST_INSERT_ID();
INSERT INTO referral_field (referral_id, field) VALUES (@rf, 'name'),
    (@rf, 'phone');
INSERT INTO record_grant (object_type, object_id, kind, organisation_id,
    granted_by, created_at, expires_at)
VALUES ('referral', @rf, 'referral', @o3, @csw,
    UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() + INTERVAL 28 DAY);
DROP TEMPORARY TABLE demo_case;

-- Domestic violence: one open case assigned to csw@example.org, with a
-- removal order ending within a day; and eleven closed cases of 2025
-- for the figures, their workers gone (nobody is assigned: only the
-- glass opens them).
INSERT INTO dv_case (municipality_id, incident_on, kinds, victim_name,
    victim_key, victim_sex, victim_born, victim_address, perpetrator_name,
    perpetrator_sex, relationship, children_present, contact, safe_contact,
    plan, plan_adopted_on, created_by)
VALUES (@m, UTC_DATE() - INTERVAL 2 DAY, 'physical,psychological',
    'Lejla Imamović', 'lejla imamovic', 'female', 1991,
    'Sigurna adresa poznata timu', 'Adnan Imamović', 'male', 'spouse', 2,
    'safe-only', 'Samo preko savetnice u Domu zdravlja, radnim danom 8-14.',
    'Smeštaj u sigurnu kuću; savetovanje; pravna pomoć za razvod.',
    UTC_DATE() - INTERVAL 1 DAY, @csw);
SET @dv = LAST_INSERT_ID();
INSERT INTO record_grant (object_type, object_id, kind, account_id,
    granted_by) VALUES ('dv', @dv, 'assigned', @csw, @csw);
INSERT INTO dv_measure (dv_case_id, kind, starts_at, ends_at)
VALUES (@dv, 'removal', UTC_TIMESTAMP() - INTERVAL 30 HOUR,
    UTC_TIMESTAMP() + INTERVAL 18 HOUR),
    (@dv, 'no-contact', UTC_TIMESTAMP() - INTERVAL 30 HOUR,
    UTC_TIMESTAMP() + INTERVAL 18 HOUR);
INSERT INTO dv_referral (dv_case_id, kind, made_on, note)
VALUES (@dv, 'shelter', UTC_DATE() - INTERVAL 2 DAY, 'Sigurna kuća'),
    (@dv, 'counselling', UTC_DATE() - INTERVAL 1 DAY, '');
INSERT INTO dv_case (municipality_id, incident_on, kinds, victim_name,
    victim_key, victim_sex, victim_born, perpetrator_name, perpetrator_sex,
    relationship, children_present, status, created_by)
WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 11)
SELECT @m, DATE '2025-01-20' + INTERVAL (n * 29) DAY,
    ELT(1 + n % 3, 'physical', 'physical,psychological', 'psychological,economic'),
    CONCAT('Žrtva ', n), CONCAT('zrtva ', n), IF(n % 5 = 0, 'male', 'female'),
    1970 + n * 3, CONCAT('Počinilac ', n), IF(n % 5 = 0, 'female', 'male'),
    ELT(1 + n % 3, 'spouse', 'former-partner', 'spouse'), n % 3, 'closed',
    @csw
FROM seq;
INSERT INTO dv_measure (dv_case_id, kind, starts_at, ends_at, extended)
SELECT d.id, 'removal', TIMESTAMP(d.incident_on, '20:00:00'),
    TIMESTAMP(d.incident_on, '20:00:00') + INTERVAL IF(d.id % 2 = 0, 30, 2) DAY,
    d.id % 2 = 0
FROM dv_case d WHERE d.municipality_id = @m AND d.status = 'closed';

-- Training (issue 16): worker@example.org, a professional worker of the
-- first provider with the course "work with marginalised communities"
-- due and the assessment certificate current; lapsed@example.org, a CSW
-- case manager whose required certificate lapsed twelve days ago, so
-- that her access to case and person records is suspended.  Every
-- professional of demo.sql with an account is linked to it; the CSW's
-- case managers are supervised by csw2@example.org, the provider's
-- worker by provider1@example.org.
INSERT INTO account (email, name, password_hash, locale, status) VALUES
('worker@example.org', 'Emina Kurtović', '@DEMO_HASH@', 'bs', 'active'),
('lapsed@example.org', 'Lejla Mujović (CSR)', '@DEMO_HASH@', 'sr-Latn',
 'active');
INSERT INTO account_role (account_id, role, municipality_id, organisation_id)
SELECT a.id, IF(a.email = 'worker@example.org', 'provider', 'csw'), @m,
    IF(a.email = 'worker@example.org', @o1, NULL)
FROM account a WHERE a.email IN ('worker@example.org', 'lapsed@example.org');
UPDATE professional p JOIN account a ON a.email = p.email
SET p.account_id = a.id WHERE p.municipality_id = @m;
UPDATE professional p JOIN staff_position sp ON sp.id = p.position_id
SET p.supervisor_account_id = IF(sp.code = 'provider-worker',
    (SELECT id FROM account WHERE email = 'provider1@example.org'),
    (SELECT id FROM account WHERE email = 'csw2@example.org'))
WHERE p.municipality_id = @m AND sp.code IN ('case-manager',
    'provider-worker') AND COALESCE(p.email, '') <> 'provider1@example.org';

-- Applications (issue 13): citizen2@example.org, a second confirmed
-- parent with no application; citizen@example.org's one submitted
-- application, for her son's place in day care (its documents' files
-- must be in documents.dir, which SQL cannot put there: scripts/stack's
-- demo_documents writes them and their rows).
INSERT INTO account (email, name, password_hash, locale, status,
    privacy_accepted_at) VALUES
('citizen2@example.org', 'Emir Hodžić', '@DEMO_HASH@', 'bs', 'active',
 UTC_TIMESTAMP());
INSERT INTO account_role (account_id, role, municipality_id)
SELECT id, 'citizen', @m FROM account WHERE email = 'citizen2@example.org';
INSERT INTO application (municipality_id, service_id, applicant_account_id,
    filed_by_account_id, email, status, relation, given_name, family_name,
    name_key, family_key, birth_date, sex, needs_note, consent_at, locale,
    submitted_at)
SELECT @m, s.id, a.id, a.id, a.email, 'submitted', 'parent', 'Luka',
    'Đorđević', 'luka dordevic', 'dordevic', DATE '2019-04-12', 'male',
    'Potreban mu je dnevni boravak dok radim.', UTC_TIMESTAMP() - INTERVAL 3 DAY,
    'sr-Cyrl', UTC_TIMESTAMP() - INTERVAL 3 DAY
FROM service s JOIN account a ON a.email = 'citizen@example.org'
WHERE s.municipality_id = @m AND s.code = 'day-care';
SET @app = LAST_INSERT_ID();
INSERT INTO application_need (application_id, need_id)
SELECT @app, id FROM need WHERE code IN ('developmental-delay', 'speech');
INSERT INTO application_event (application_id, at, kind, account_id)
SELECT @app, UTC_TIMESTAMP() - INTERVAL 3 DAY, k, a.id
FROM account a JOIN (SELECT 'created' AS k UNION ALL SELECT 'submitted') e
WHERE a.email = 'citizen@example.org';
