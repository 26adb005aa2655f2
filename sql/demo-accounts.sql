-- SPDX-License-Identifier: ISC
-- Demo accounts, one per role, all with the password scripts/run prints
-- ($KARIKA_DEMO_PASSWORD); scripts/stack puts its yescrypt hash in place
-- of @DEMO_HASH@.  Loaded once, after demo.sql.
SET NAMES utf8mb4;
SET @m = (SELECT id FROM municipality WHERE code = 'novi-pazar');
SET @o1 = (SELECT id FROM organisation WHERE municipality_id = @m AND kind = 'association');
SET @o2 = (SELECT id FROM organisation WHERE municipality_id = @m AND kind = 'public');

INSERT INTO account (email, name, password_hash, locale, status, privacy_accepted_at) VALUES
('admin@example.org', 'Admin Demo', '@DEMO_HASH@', 'sr-Cyrl', 'active', NULL),
('csw@example.org', 'Mirjana Radović (CSR)', '@DEMO_HASH@', 'sr-Cyrl', 'active', NULL),
('provider1@example.org', 'Selma Hadžić', '@DEMO_HASH@', 'sr-Latn', 'active', NULL),
('provider2@example.org', 'Dragan Petrović', '@DEMO_HASH@', 'sr-Cyrl', 'active', NULL),
('analyst@example.org', 'Jelena Marković', '@DEMO_HASH@', 'sr-Cyrl', 'active', NULL),
('editor@example.org', 'Amir Ljajić', '@DEMO_HASH@', 'bs', 'active', NULL),
('citizen@example.org', 'Ana Đorđević', '@DEMO_HASH@', 'sr-Cyrl', 'active', UTC_TIMESTAMP());

INSERT INTO account_role (account_id, role, municipality_id, organisation_id)
SELECT id, CASE email
	WHEN 'admin@example.org' THEN 'admin'
	WHEN 'csw@example.org' THEN 'csw'
	WHEN 'provider1@example.org' THEN 'provider'
	WHEN 'provider2@example.org' THEN 'provider'
	WHEN 'analyst@example.org' THEN 'analyst'
	WHEN 'editor@example.org' THEN 'editor'
	ELSE 'citizen' END,
    @m,
    CASE email WHEN 'provider1@example.org' THEN @o1
	WHEN 'provider2@example.org' THEN @o2 ELSE NULL END
FROM account WHERE email LIKE '%@example.org';
