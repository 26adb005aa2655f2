-- SPDX-License-Identifier: ISC
-- Demo data: a town like Novi Pazar with its seven local services, two
-- licensed providers, anonymous demo people enrolled this year, and one
-- needs-mapping survey open now.  Loaded once by scripts/run (and by the
-- test harness); every name here is invented.
SET NAMES utf8mb4;
SET time_zone = '+00:00';

INSERT INTO municipality (code, name_sr_latn, name_sr_cyrl, name_bs, name_en,
    country, currency, default_locale, small_cell_k)
VALUES ('novi-pazar', 'Novi Pazar', 'Нови Пазар', 'Novi Pazar', 'Novi Pazar',
    'RS', 'RSD', 'sr-Cyrl', 5);
SET @m = LAST_INSERT_ID();
SET @y = YEAR(UTC_DATE());

INSERT INTO service (municipality_id, group_id, code, name_sr_latn,
    name_sr_cyrl, name_bs, name_en, unit, unit_price_para, price_year,
    online_application) VALUES
(@m, 2, 'day-care',
 'Dnevni boravak za decu i mlade sa smetnjama u razvoju',
 'Дневни боравак за децу и младе са сметњама у развоју',
 'Dnevni boravak za djecu i mlade s poteškoćama u razvoju',
 'Day care for children and youth with developmental disabilities',
 'day', 180000, @y, TRUE),
(@m, 2, 'companion',
 'Lični pratilac deteta', 'Лични пратилац детета',
 'Lični pratilac djeteta', 'Personal companion of a child',
 'hour', 45000, @y, TRUE),
(@m, 2, 'home-help',
 'Pomoć u kući', 'Помоћ у кући', 'Pomoć u kući', 'Home help',
 'hour', 38000, @y, TRUE),
(@m, 5, 'respite',
 'Predah smeštaj', 'Предах смештај', 'Predah smještaj', 'Respite care',
 'day', 420000, @y, TRUE),
(@m, 3, 'assistance',
 'Personalna asistencija', 'Персонална асистенција',
 'Personalna asistencija', 'Personal assistance',
 'hour', 41000, @y, FALSE),
(@m, 3, 'housing',
 'Stanovanje uz podršku', 'Становање уз подршку',
 'Stanovanje uz podršku', 'Supported housing',
 'month', 5500000, @y, FALSE),
(@m, 4, 'family-support',
 'Podrška porodicama koje brinu o detetu sa smetnjama u razvoju',
 'Подршка породицама које брину о детету са сметњама у развоју',
 'Podrška porodicama koje brinu o djetetu s poteškoćama u razvoju',
 'Support to families caring for a child with disabilities',
 'visit', 250000, @y, TRUE);

INSERT INTO organisation (municipality_id, name, kind) VALUES
(@m, 'Udruženje „Sunčev zrak“', 'association'),
(@m, 'Gerontološki centar Novi Pazar', 'public');
SET @o1 = (SELECT id FROM organisation WHERE municipality_id = @m AND kind = 'association');
SET @o2 = (SELECT id FROM organisation WHERE municipality_id = @m AND kind = 'public');

INSERT INTO licence (organisation_id, service_id, number, valid_from,
    valid_to, capacity)
SELECT IF(s.code IN ('home-help', 'respite', 'assistance', 'housing'), @o2, @o1),
    s.id, CONCAT('551-00-', LPAD(s.id, 5, '0'), '/2023-14'),
    DATE '2023-03-01', DATE '2029-02-28',
    CASE s.unit WHEN 'hour' THEN 30 WHEN 'day' THEN 20 ELSE 8 END
FROM service s WHERE s.municipality_id = @m;

-- Seventy invented people; the first sixty-six are enrolled this year.
INSERT INTO person (municipality_id, given_name, family_name, name_key,
    birth_date)
WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 70)
SELECT @m,
    ELT(1 + n % 10, 'Amar', 'Lejla', 'Jovana', 'Emir', 'Ljubica', 'Nikola',
        'Ajla', 'Đorđe', 'Selma', 'Milica'),
    ELT(1 + n % 7, 'Hodžić', 'Đorđević', 'Mehmedović', 'Petrović',
        'Ćorović', 'Šabanović', 'Nikolić'),
    '', DATE '2006-01-15' + INTERVAL (n * 97) DAY
FROM seq;
SET @p0 = LAST_INSERT_ID() - 1;
UPDATE person SET name_key = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
    REPLACE(LOWER(CONCAT(given_name, ' ', family_name)), 'đ', 'd'),
    'č', 'c'), 'ć', 'c'), 'š', 's'), 'ž', 'z'), 'dj', 'd')
WHERE municipality_id = @m;

-- Users per service this year: 14, 9, 22, 3, 6, 5, 7 (respite is a small
-- cell; assistance is then hidden too, by complementary suppression).
INSERT INTO enrolment (person_id, service_id, organisation_id, start_date,
    end_date)
WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 70)
SELECT @p0 + n, s.id, l.organisation_id,
    IF(n > 66, MAKEDATE(@y - 1, 10), MAKEDATE(@y, 1 + n % 28)),
    IF(n > 66, MAKEDATE(@y - 1, 300), NULL)
FROM seq
JOIN service s ON s.municipality_id = @m AND s.code = CASE
    WHEN n <= 14 THEN 'day-care' WHEN n <= 23 THEN 'companion'
    WHEN n <= 45 THEN 'home-help' WHEN n <= 48 THEN 'respite'
    WHEN n <= 54 THEN 'assistance' WHEN n <= 59 THEN 'housing'
    WHEN n <= 66 THEN 'family-support' ELSE 'home-help' END
JOIN licence l ON l.service_id = s.id;

INSERT INTO survey (municipality_id, code, title_sr_latn, title_sr_cyrl,
    title_bs, title_en, opens_on, closes_on) VALUES
(@m, CONCAT('needs-', @y),
 CONCAT('Mapiranje potreba za uslugama socijalne zaštite ', @y, '.'),
 CONCAT('Мапирање потреба за услугама социјалне заштите ', @y, '.'),
 CONCAT('Mapiranje potreba za uslugama socijalne zaštite ', @y, '.'),
 CONCAT('Mapping the need for social protection services ', @y),
 UTC_DATE() - INTERVAL 3 DAY, UTC_DATE() + INTERVAL 14 DAY),
(@m, CONCAT('pilot-', @y),
 'Probno mapiranje potreba (pilot)',
 'Пробно мапирање потреба (пилот)',
 'Probno mapiranje potreba (pilot)',
 'Needs mapping pilot round',
 UTC_DATE() - INTERVAL 60 DAY, UTC_DATE() - INTERVAL 45 DAY);
