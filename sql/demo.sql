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

-- Organisations carry their name in both scripts (0004): a sr-Cyrl page
-- shows name_cyrl, every other page the name as registered.
INSERT INTO organisation (municipality_id, name, name_cyrl, kind) VALUES
(@m, 'Udruženje „Sunčev zrak“', 'Удружење „Сунчев зрак“', 'association'),
(@m, 'Gerontološki centar Novi Pazar', 'Геронтолошки центар Нови Пазар',
 'public');
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

-- The register (0006): the providers' details, settlements, prices and
-- capacities, thirty people typed as a provider or the CSW would type
-- them (some in Cyrillic, some in Latin; children with a parent as legal
-- representative; a few with a JMBG, each valid), their enrolments with
-- the CSW's referral acts, and units delivered from January to October
-- 2026, January to September closed.  With the seventy above, users per
-- service in 2026: day care 18, companion 14, home help 27, respite 3,
-- personal assistance 9, supported housing 7, family support 8 (respite
-- is a small cell, and housing is hidden with it).  Every active
-- enrolment fits its provider's capacity and licence.
UPDATE organisation SET category = 'provider', registration_number = '17000001',
    address = 'Stevana Nemanje 21, 36300 Novi Pazar',
    phone = '+381 20 000 001', email = 'suncev.zrak@example.org',
    website = 'https://suncev-zrak.example.org'
WHERE id = @o1;
UPDATE organisation SET category = 'provider', registration_number = '07000002',
    address = 'Generala Živkovića 2, 36300 Novi Pazar',
    phone = '+381 20 000 002', email = 'gerontoloski.centar@example.org',
    website = 'https://gc-novipazar.example.org'
WHERE id = @o2;

-- What each service is for and who may have it (0006).
UPDATE service SET target_sr_latn = 'Deca i mladi sa smetnjama u razvoju i njihove porodice',
    target_sr_cyrl = 'Деца и млади са сметњама у развоју и њихове породице',
    target_bs = 'Djeca i mladi s poteškoćama u razvoju i njihove porodice',
    target_en = 'Children and youth with developmental disabilities and their families',
    eligibility_sr_latn = 'Uzrast od 3 do 26 godina, prebivalište na teritoriji grada, nalaz interresorne komisije ili mišljenje centra za socijalni rad.',
    eligibility_sr_cyrl = 'Узраст од 3 до 26 година, пребивалиште на територији града, налаз интерресорне комисије или мишљење центра за социјални рад.',
    eligibility_bs = 'Uzrast od 3 do 26 godina, prebivalište na području grada, nalaz interresorne komisije ili mišljenje centra za socijalni rad.',
    eligibility_en = 'Aged 3 to 26, resident in the town, with the opinion of the inter-departmental commission or of the Centre for Social Work.',
    age_min = 3, age_max = 26
WHERE municipality_id = @m AND code = 'day-care';
UPDATE service SET target_sr_latn = 'Deca sa smetnjama u razvoju koja pohađaju vrtić ili školu',
    target_sr_cyrl = 'Деца са сметњама у развоју која похађају вртић или школу',
    target_bs = 'Djeca s poteškoćama u razvoju koja pohađaju vrtić ili školu',
    target_en = 'Children with disabilities attending kindergarten or school',
    eligibility_sr_latn = 'Mišljenje interresorne komisije o potrebi za dodatnom podrškom i potvrda o upisu u vrtić ili školu.',
    eligibility_sr_cyrl = 'Мишљење интерресорне комисије о потреби за додатном подршком и потврда о упису у вртић или школу.',
    eligibility_bs = 'Mišljenje interresorne komisije o potrebi za dodatnom podrškom i potvrda o upisu u vrtić ili školu.',
    eligibility_en = 'The inter-departmental commission''s opinion that additional support is needed, and proof of enrolment in kindergarten or school.',
    age_min = 3, age_max = 18
WHERE municipality_id = @m AND code = 'companion';
UPDATE service SET target_sr_latn = 'Stari i odrasli sa invaliditetom koji ne mogu sami da se staraju o sebi',
    target_sr_cyrl = 'Стари и одрасли са инвалидитетом који не могу сами да се старају о себи',
    target_bs = 'Stari i odrasli s invaliditetom koji se ne mogu sami brinuti o sebi',
    target_en = 'Older people and adults with disabilities who cannot fully look after themselves',
    eligibility_sr_latn = 'Procena centra za socijalni rad o potrebi za podrškom u svakodnevnim aktivnostima; prednost imaju osobe koje žive same.',
    eligibility_sr_cyrl = 'Процена центра за социјални рад о потреби за подршком у свакодневним активностима; предност имају особе које живе саме.',
    eligibility_bs = 'Procjena centra za socijalni rad o potrebi za podrškom u svakodnevnim aktivnostima; prednost imaju osobe koje žive same.',
    eligibility_en = 'The Centre for Social Work''s assessment of a need for support in daily activities; people living alone come first.',
    age_min = 18, age_max = NULL
WHERE municipality_id = @m AND code = 'home-help';
UPDATE service SET target_sr_latn = 'Porodice koje brinu o detetu ili mladoj osobi sa smetnjama u razvoju',
    target_sr_cyrl = 'Породице које брину о детету или младој особи са сметњама у развоју',
    target_bs = 'Porodice koje brinu o djetetu ili mladoj osobi s poteškoćama u razvoju',
    target_en = 'Families caring for a child or young person with developmental disabilities',
    eligibility_sr_latn = 'Do 45 dana godišnje, po uputu centra za socijalni rad.',
    eligibility_sr_cyrl = 'До 45 дана годишње, по упуту центра за социјални рад.',
    eligibility_bs = 'Do 45 dana godišnje, po uputu centra za socijalni rad.',
    eligibility_en = 'Up to 45 days a year, on referral by the Centre for Social Work.',
    age_min = 3, age_max = 26
WHERE municipality_id = @m AND code = 'respite';
UPDATE service SET target_sr_latn = 'Odrasli sa invaliditetom koji su radno ili obrazovno aktivni',
    target_sr_cyrl = 'Одрасли са инвалидитетом који су радно или образовно активни',
    target_bs = 'Odrasli s invaliditetom koji su radno ili obrazovno aktivni',
    target_en = 'Adults with disabilities who work, study or take part in community life',
    eligibility_sr_latn = 'Pravo na dodatak za pomoć i negu drugog lica i sposobnost da samostalno donose odluke.',
    eligibility_sr_cyrl = 'Право на додатак за помоћ и негу другог лица и способност да самостално доносе одлуке.',
    eligibility_bs = 'Pravo na dodatak za pomoć i njegu drugog lica i sposobnost da samostalno donose odluke.',
    eligibility_en = 'Entitlement to the attendance allowance and the ability to make one''s own decisions.',
    age_min = 18, age_max = NULL
WHERE municipality_id = @m AND code = 'assistance';
UPDATE service SET target_sr_latn = 'Mladi koji se osamostaljuju i odrasli sa intelektualnim teškoćama',
    target_sr_cyrl = 'Млади који се осамостаљују и одрасли са интелектуалним тешкоћама',
    target_bs = 'Mladi koji se osamostaljuju i odrasli s intelektualnim poteškoćama',
    target_en = 'Young people leaving care and adults with intellectual disabilities',
    eligibility_sr_latn = 'Procena centra za socijalni rad da osoba uz podršku može da živi samostalno u zajednici.',
    eligibility_sr_cyrl = 'Процена центра за социјални рад да особа уз подршку може да живи самостално у заједници.',
    eligibility_bs = 'Procjena centra za socijalni rad da osoba uz podršku može živjeti samostalno u zajednici.',
    eligibility_en = 'The Centre for Social Work''s assessment that the person can live independently in the community with support.',
    age_min = 18, age_max = NULL
WHERE municipality_id = @m AND code = 'housing';
UPDATE service SET target_sr_latn = 'Roditelji i staratelji dece sa smetnjama u razvoju',
    target_sr_cyrl = 'Родитељи и старатељи деце са сметњама у развоју',
    target_bs = 'Roditelji i staratelji djece s poteškoćama u razvoju',
    target_en = 'Parents and guardians of children with developmental disabilities',
    eligibility_sr_latn = 'Dete do 18 godina sa smetnjama u razvoju u porodici; bez drugih uslova.',
    eligibility_sr_cyrl = 'Дете до 18 година са сметњама у развоју у породици; без других услова.',
    eligibility_bs = 'Dijete do 18 godina s poteškoćama u razvoju u porodici; bez drugih uslova.',
    eligibility_en = 'A child under 18 with developmental disabilities in the family; no other conditions.',
    age_min = 0, age_max = 18
WHERE municipality_id = @m AND code = 'family-support';

INSERT INTO settlement (municipality_id, name, name_cyrl, area) VALUES
(@m, 'Novi Pazar', 'Нови Пазар', 'urban'),
(@m, 'Postenje', 'Постење', 'urban'),
(@m, 'Deževa', 'Дежева', 'rural'),
(@m, 'Pazarište', 'Пазариште', 'rural'),
(@m, 'Trnava', 'Трнава', 'rural'),
(@m, 'Šaronje', 'Шароње', 'rural'),
(@m, 'Lukare', 'Лукаре', 'rural'),
(@m, 'Sebečevo', 'Себечево', 'rural'),
(@m, 'Izbice', 'Избице', 'rural'),
(@m, 'Mur', 'Мур', 'rural'),
(@m, 'Dojinoviće', 'Дојиновиће', 'rural'),
(@m, 'Osoje', 'Осоје', 'rural');

-- Prices: 2026 as in the catalogue, 2025 about 6 % lower; and the current
-- year's catalogue price when the demo is loaded in a later year.
INSERT INTO service_price (service_id, year, price_para)
SELECT id, 2026, unit_price_para FROM service WHERE municipality_id = @m
UNION ALL
SELECT id, 2025, ROUND(unit_price_para * 0.94, -2) FROM service
WHERE municipality_id = @m;
INSERT IGNORE INTO service_price (service_id, year, price_para)
SELECT id, price_year, unit_price_para FROM service WHERE municipality_id = @m;

INSERT INTO capacity (organisation_id, service_id, year, places)
SELECT l.organisation_id, s.id, y.year, CASE s.code
    WHEN 'day-care' THEN 20 WHEN 'companion' THEN 15
    WHEN 'home-help' THEN 30 WHEN 'respite' THEN 6
    WHEN 'assistance' THEN 10 WHEN 'housing' THEN 8
    ELSE 8 END - IF(y.year = 2025, 2, 0)
FROM service s JOIN licence l ON l.service_id = s.id
JOIN (SELECT 2025 AS year UNION ALL SELECT 2026) y
WHERE s.municipality_id = @m;

-- The seventy generated people: sex from the given name, a settlement,
-- the family name's search key; their enrolments get referral acts.
UPDATE person SET
    sex = IF(given_name IN ('Lejla', 'Jovana', 'Ljubica', 'Ajla', 'Selma',
	'Milica'), 'female', 'male'),
    family_key = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
	LOWER(family_name), 'đ', 'd'), 'č', 'c'), 'ć', 'c'), 'š', 's'),
	'ž', 'z'), 'dj', 'd')
WHERE municipality_id = @m AND id BETWEEN @p0 + 1 AND @p0 + 70;
UPDATE person p JOIN settlement st ON st.municipality_id = @m
    AND st.name = ELT(1 + p.id % 6, 'Novi Pazar', 'Novi Pazar', 'Postenje',
	'Deževa', 'Trnava', 'Sebečevo')
SET p.settlement_id = st.id
WHERE p.municipality_id = @m AND p.id BETWEEN @p0 + 1 AND @p0 + 70;
UPDATE enrolment SET referral_date = start_date - INTERVAL 10 DAY,
    referral_number = CONCAT('553-', LPAD(person_id, 4, '0'), '/',
	YEAR(start_date - INTERVAL 10 DAY)),
    end_reason_id = IF(end_date IS NULL, NULL,
	(SELECT id FROM end_reason WHERE code = 'goals-met'))
WHERE person_id BETWEEN @p0 + 1 AND @p0 + 70;

-- Thirty people as typed.  Keys from karika-translit -k.
CREATE TEMPORARY TABLE demo_person (
	tag CHAR(3) NOT NULL PRIMARY KEY,
	given VARCHAR(100) NOT NULL, family VARCHAR(100) NOT NULL,
	name_key VARCHAR(210) NOT NULL, family_key VARCHAR(100) NOT NULL,
	birth DATE NOT NULL, sex ENUM('male', 'female') NOT NULL,
	jmbg CHAR(13) NULL, place VARCHAR(120) NOT NULL,
	address VARCHAR(200) NOT NULL, phone VARCHAR(40) NOT NULL,
	email VARCHAR(254) NOT NULL, parent CHAR(3) NULL,
	needs VARCHAR(100) NOT NULL, service VARCHAR(32) NULL,
	start DATE NULL, end DATE NULL, reason VARCHAR(32) NULL
);
INSERT INTO demo_person VALUES
('p01', 'Senada', 'Hadžić', 'senada hadzic', 'hadzic',
 '1986-07-25', 'female', '2507986786052', 'Novi Pazar', 'Stevana Nemanje 14', '+381 60 000 0101', 'senada.hadzic@example.org',
 NULL, '', NULL, NULL, NULL, NULL),
('p02', 'Јелена', 'Стефановић', 'jelena stefanovic', 'stefanovic',
 '1983-05-11', 'female', NULL, 'Postenje', 'Постење бб', '+381 60 000 0102', '',
 NULL, '', NULL, NULL, NULL, NULL),
('p03', 'Adnan', 'Mujović', 'adnan mujovic', 'mujovic',
 '1984-09-03', 'male', NULL, 'Deževa', 'Deževa bb', '+381 60 000 0103', 'adnan.mujovic@example.org',
 NULL, '', NULL, NULL, NULL, NULL),
('p04', 'Драган', 'Јовановић', 'dragan jovanovic', 'jovanovic',
 '1979-12-20', 'male', NULL, 'Novi Pazar', 'Генерала Живковића 7', '+381 60 000 0104', '',
 NULL, '', NULL, NULL, NULL, NULL),
('p05', 'Fatima', 'Ljajić', 'fatima ljajic', 'ljajic',
 '1988-02-27', 'female', NULL, 'Trnava', 'Trnava bb', '+381 60 000 0105', '',
 NULL, '', NULL, NULL, NULL, NULL),
('p06', 'Almir', 'Kurtović', 'almir kurtovic', 'kurtovic',
 '1987-06-15', 'male', NULL, 'Šaronje', 'Šaronje bb', '+381 60 000 0106', 'almir.kurtovic@example.org',
 NULL, '', NULL, NULL, NULL, NULL),
('p07', 'Снежана', 'Радовић', 'snezana radovic', 'radovic',
 '1981-03-08', 'female', NULL, 'Novi Pazar', '1. маја 33', '+381 60 000 0107', 'snezana.radovic@example.org',
 NULL, '', NULL, NULL, NULL, NULL),
('p08', 'Mirsada', 'Šabotić', 'mirsada sabotic', 'sabotic',
 '1990-10-30', 'female', NULL, 'Pazarište', 'Pazarište bb', '+381 60 000 0108', '',
 NULL, '', NULL, NULL, NULL, NULL),
('p09', 'Весна', 'Ђорђевић', 'vesna dordevic', 'dordevic',
 '1980-01-09', 'female', NULL, 'Novi Pazar', 'Рифата Бурџевића 21', '+381 60 000 0109', 'vesna.djordjevic@example.org',
 NULL, '', NULL, NULL, NULL, NULL),
('p10', 'Esad', 'Bećirović', 'esad becirovic', 'becirovic',
 '1982-04-04', 'male', NULL, 'Izbice', 'Izbice bb', '+381 60 000 0110', '',
 NULL, '', NULL, NULL, NULL, NULL),
('c01', 'Emina', 'Hadžić', 'emina hadzic', 'hadzic',
 '2016-03-14', 'female', '1403016785122', 'Novi Pazar', 'Stevana Nemanje 14', '', '',
 'p01', 'autism', 'day-care', '2025-09-01', NULL, NULL),
('c02', 'Лазар', 'Стефановић', 'lazar stefanovic', 'stefanovic',
 '2014-11-02', 'male', NULL, 'Postenje', 'Постење бб', '', '',
 'p02', 'intellectual,speech', 'day-care', '2026-02-02', NULL, NULL),
('c03', 'Harun', 'Mujović', 'harun mujovic', 'mujovic',
 '2018-06-21', 'male', '2106018780348', 'Deževa', 'Deževa bb', '', '',
 'p03', 'physical', 'companion', '2025-09-01', NULL, NULL),
('c04', 'Милица', 'Јовановић', 'milica jovanovic', 'jovanovic',
 '2013-04-09', 'female', NULL, 'Novi Pazar', 'Генерала Живковића 7', '', '',
 'p04', 'developmental-delay', 'day-care', '2026-01-12', NULL, NULL),
('c05', 'Amar', 'Ljajić', 'amar ljajic', 'ljajic',
 '2012-08-30', 'male', NULL, 'Trnava', 'Trnava bb', '', '',
 'p05', 'autism', 'companion', '2026-03-02', NULL, NULL),
('c06', 'Lejla', 'Kurtović', 'lejla kurtovic', 'kurtovic',
 '2019-01-17', 'female', NULL, 'Šaronje', 'Šaronje bb', '', '',
 'p06', 'hearing,speech', 'day-care', '2026-04-01', NULL, NULL),
('c07', 'Вук', 'Радовић', 'vuk radovic', 'radovic',
 '2015-12-05', 'male', NULL, 'Novi Pazar', '1. маја 33', '', '',
 'p07', 'intellectual', 'companion', '2025-10-01', NULL, NULL),
('c08', 'Dženan', 'Šabotić', 'dzenan sabotic', 'sabotic',
 '2017-05-28', 'male', NULL, 'Pazarište', 'Pazarište bb', '', '',
 'p08', 'multiple', 'companion', '2026-05-04', NULL, NULL),
('c09', 'Ђорђе', 'Ђорђевић', 'dorde dordevic', 'dordevic',
 '2011-02-19', 'male', '1902011782016', 'Novi Pazar', 'Рифата Бурџевића 21', '', '',
 'p09', 'autism,behaviour', 'family-support', '2026-01-20', NULL, NULL),
('c10', 'Ilma', 'Bećirović', 'ilma becirovic', 'becirovic',
 '2016-09-11', 'female', NULL, 'Izbice', 'Izbice bb', '', '',
 'p10', 'speech', 'companion', '2025-09-15', '2026-06-30', 'moved'),
('a01', 'Ramiz', 'Kolašinac', 'ramiz kolasinac', 'kolasinac',
 '1941-07-03', 'male', NULL, 'Novi Pazar', 'AVNOJ-a 5', '+381 60 000 0201', '',
 NULL, 'frailty', 'home-help', '2024-05-06', NULL, NULL),
('a02', 'Милева', 'Марковић', 'mileva markovic', 'markovic',
 '1938-10-22', 'female', NULL, 'Deževa', 'Дежева бб', '+381 60 000 0202', '',
 NULL, 'dementia', 'home-help', '2025-11-03', NULL, NULL),
('a03', 'Šefika', 'Nuhović', 'sefika nuhovic', 'nuhovic',
 '1945-02-14', 'female', NULL, 'Sebečevo', 'Sebečevo bb', '', '',
 NULL, 'frailty,visual', 'home-help', '2026-02-16', NULL, NULL),
('a04', 'Радмила', 'Пешић', 'radmila pesic', 'pesic',
 '1950-06-30', 'female', NULL, 'Novi Pazar', 'Стевана Немање 40', '+381 60 000 0204', '',
 NULL, 'chronic-illness', 'home-help', '2026-06-01', NULL, NULL),
('a05', 'Edin', 'Hamzagić', 'edin hamzagic', 'hamzagic',
 '1992-03-12', 'male', '1203992781175', 'Novi Pazar', '28. novembra 12', '+381 60 000 0205', 'edin.hamzagic@example.org',
 NULL, 'physical', 'assistance', '2025-03-03', NULL, NULL),
('a06', 'Немања', 'Костић', 'nemanja kostic', 'kostic',
 '1998-09-08', 'male', NULL, 'Postenje', 'Постење бб', '+381 60 000 0206', '',
 NULL, 'visual', 'assistance', '2026-01-05', NULL, NULL),
('a07', 'Alma', 'Fetahović', 'alma fetahovic', 'fetahovic',
 '1989-12-01', 'female', NULL, 'Lukare', 'Lukare bb', '+381 60 000 0207', '',
 NULL, 'physical', 'assistance', '2026-07-01', NULL, NULL),
('a08', 'Mirza', 'Ćatović', 'mirza catovic', 'catovic',
 '1996-04-25', 'male', NULL, 'Novi Pazar', 'Ejupa Kurtagića 3', '', '',
 NULL, 'intellectual', 'housing', '2025-06-01', NULL, NULL),
('a09', 'Јован', 'Миловановић', 'jovan milovanovic', 'milovanovic',
 '1994-01-13', 'male', NULL, 'Novi Pazar', 'Стевана Немање 2', '', '',
 NULL, 'intellectual,mental-health', 'housing', '2026-03-01', NULL, NULL),
('a10', 'Hajrija', 'Zornić', 'hajrija zornic', 'zornic',
 '1935-08-08', 'female', NULL, 'Mur', 'Mur bb', '', '',
 NULL, 'frailty', 'home-help', '2025-04-01', '2026-04-15', 'placement');

INSERT INTO person (municipality_id, given_name, family_name, name_key,
    family_key, birth_date, jmbg, sex, settlement_id, address, phone, email)
SELECT @m, d.given, d.family, d.name_key, d.family_key, d.birth, d.jmbg,
    d.sex, st.id, d.address, d.phone, d.email
FROM demo_person d JOIN settlement st ON st.municipality_id = @m
    AND st.name = d.place
ORDER BY d.tag DESC;
ALTER TABLE demo_person ADD COLUMN person_id BIGINT UNSIGNED NULL;
UPDATE demo_person d JOIN person p ON p.municipality_id = @m
    AND p.given_name = d.given AND p.family_name = d.family
    AND p.birth_date = d.birth
SET d.person_id = p.id;
-- The children's legal representatives: their parents.
CREATE TEMPORARY TABLE demo_parent AS SELECT tag, person_id FROM demo_person;
UPDATE person p JOIN demo_person d ON d.person_id = p.id
    JOIN demo_parent r ON r.tag = d.parent
SET p.representative_id = r.person_id, p.representative_kind = 'parent';
INSERT INTO person_need (person_id, need_id)
SELECT d.person_id, n.id FROM demo_person d
JOIN need n ON FIND_IN_SET(n.code, d.needs);
INSERT INTO enrolment (person_id, service_id, organisation_id,
    referral_number, referral_date, start_date, end_date, end_reason_id)
SELECT d.person_id, s.id, l.organisation_id,
    CONCAT('553-', LPAD(d.person_id, 4, '0'), '/',
	YEAR(d.start - INTERVAL 12 DAY)),
    d.start - INTERVAL 12 DAY, d.start, d.end, r.id
FROM demo_person d
JOIN service s ON s.municipality_id = @m AND s.code = d.service
JOIN licence l ON l.service_id = s.id
LEFT JOIN end_reason r ON r.code = d.reason
ORDER BY d.start, d.tag;
DROP TEMPORARY TABLE demo_parent;
DROP TEMPORARY TABLE demo_person;

-- Units delivered, January to October 2026, for every enrolment of the
-- town active in the month, prorated in the months it starts or ends:
-- day care 14-20 days, companion 60-80 hours, home help 16-30 hours,
-- respite 5-9 days, personal assistance 70-100 hours, supported housing
-- one month, family support 2-4 visits.
INSERT INTO delivery (enrolment_id, month, units)
WITH RECURSIVE mo (m) AS (
	SELECT DATE '2026-01-01'
	UNION ALL SELECT m + INTERVAL 1 MONTH FROM mo WHERE m < DATE '2026-10-01'
)
SELECT e.id, mo.m, ROUND(CASE s.code
	WHEN 'day-care' THEN 14 + (e.id + MONTH(mo.m)) % 7
	WHEN 'companion' THEN 60 + (e.id * 3 + MONTH(mo.m) * 7) % 21
	WHEN 'home-help' THEN 16 + (e.id + MONTH(mo.m) * 5) % 15
	WHEN 'respite' THEN 5 + (e.id + MONTH(mo.m)) % 5
	WHEN 'assistance' THEN 70 + (e.id * 7 + MONTH(mo.m) * 3) % 31
	WHEN 'housing' THEN 1
	ELSE 2 + (e.id + MONTH(mo.m)) % 3 END
    * (DATEDIFF(LEAST(LAST_DAY(mo.m), COALESCE(e.end_date, LAST_DAY(mo.m))),
	GREATEST(mo.m, e.start_date)) + 1) / DAY(LAST_DAY(mo.m)),
    IF(s.unit = 'month', 2, 0))
FROM enrolment e JOIN service s ON s.id = e.service_id
JOIN mo ON e.start_date <= LAST_DAY(mo.m)
    AND (e.end_date IS NULL OR e.end_date >= mo.m)
WHERE s.municipality_id = @m;

-- Both providers closed January to September, five days after each
-- month; October is open (closed_by NULL: loaded data, no account).
INSERT INTO month_close (organisation_id, month, closed_at)
WITH RECURSIVE mo (m) AS (
	SELECT DATE '2026-01-01'
	UNION ALL SELECT m + INTERVAL 1 MONTH FROM mo WHERE m < DATE '2026-09-01'
)
SELECT o.id, mo.m, TIMESTAMP(mo.m + INTERVAL 1 MONTH + INTERVAL 4 DAY,
    '14:00:00')
FROM organisation o JOIN mo
WHERE o.municipality_id = @m AND o.category = 'provider';

-- The needs survey (issue 11), in two rounds: the pilot closed six weeks
-- ago with its results published, and this year's round, copied from it
-- and open from 15 days ago to tomorrow (14 to 30 November when today is
-- the 29th).  Both carry the same definition: respondent group first, then
-- household, needs and risks (for citizens and service users), local
-- services, questions for professionals and organisations, what is
-- missing, an open question; every question type, about ten minutes.
-- @SLUG@, @OPENS@ and @CLOSES@ are filled in below (tests/unit/test-qdef.c
-- checks this text against fcgi/surveys/survey.rng).
SET @def = '<?xml version="1.0" encoding="UTF-8"?>
<survey version="1" slug="@SLUG@" minutes="10" anonymous="true" opens="@OPENS@" closes="@CLOSES@">
  <title xml:lang="sr-Latn">Mapiranje potreba za uslugama socijalne zaštite</title>
  <title xml:lang="en">Mapping the need for social protection services</title>
  <purpose xml:lang="sr-Latn">Opština priprema novi program socijalne zaštite. Vaši odgovori pokazuju koje usluge su potrebne, kome i gde. Upitnik je anoniman: ne čuvamo vaše ime, adresu, IP adresu niti vreme popunjavanja.</purpose>
  <purpose xml:lang="bs">Općina priprema novi program socijalne zaštite. Vaši odgovori pokazuju koje usluge su potrebne, kome i gdje. Upitnik je anoniman: ne čuvamo vaše ime, adresu, IP adresu niti vrijeme popunjavanja.</purpose>
  <purpose xml:lang="en">The municipality is preparing its next social protection programme. Your answers show which services are needed, by whom and where. The survey is anonymous: we keep no name, address, IP address or time of answering.</purpose>
  <thanks xml:lang="sr-Latn">Hvala! Zbirni rezultati biće objavljeni na sajtu opštine.</thanks>
  <thanks xml:lang="bs">Hvala! Zbirni rezultati bit će objavljeni na web stranici općine.</thanks>
  <thanks xml:lang="en">Thank you! The aggregate results will be published on the municipality’s website.</thanks>
  <groups>
    <group code="citizen">
      <label xml:lang="sr-Latn">Građanin/ka</label>
      <label xml:lang="en">Citizen</label>
    </group>
    <group code="user">
      <label xml:lang="sr-Latn">Korisnik/ca usluga socijalne zaštite</label>
      <label xml:lang="en">Service user</label>
    </group>
    <group code="ngo">
      <label xml:lang="sr-Latn">Predstavnik/ca udruženja građana</label>
      <label xml:lang="en">Civil society</label>
    </group>
    <group code="pro">
      <label xml:lang="sr-Latn">Stručnjak/inja (obrazovanje, zdravstvo, policija)</label>
      <label xml:lang="en">Professional (education, health, police)</label>
    </group>
    <group code="admin" quota="60">
      <label xml:lang="sr-Latn">Zaposleni/a u lokalnoj samoupravi</label>
      <label xml:lang="en">Local administration</label>
    </group>
    <group code="csw" quota="80">
      <label xml:lang="sr-Latn">Zaposleni/a u centru za socijalni rad</label>
      <label xml:lang="en">Center for Social Work</label>
    </group>
    <group code="provider">
      <label xml:lang="sr-Latn">Pružalac usluga</label>
      <label xml:lang="en">Service provider</label>
    </group>
  </groups>
  <page code="about">
    <title xml:lang="sr-Latn">O vama</title>
    <title xml:lang="en">About you</title>
    <question code="group" type="group" required="true">
      <text xml:lang="sr-Latn">U kom svojstvu popunjavate upitnik?</text>
      <text xml:lang="en">In which capacity are you answering?</text>
      <help xml:lang="sr-Latn">Od odgovora zavisi koja pitanja ćete videti.</help>
      <help xml:lang="bs">Od odgovora zavisi koja pitanja ćete vidjeti.</help>
      <help xml:lang="en">Your answer decides which questions you will see.</help>
    </question>
    <question code="age" type="dropdown" required="true">
      <text xml:lang="sr-Latn">Koliko imate godina?</text>
      <text xml:lang="en">How old are you?</text>
      <option code="18-29">
        <label xml:lang="sr-Latn">18 do 29</label>
        <label xml:lang="en">18 to 29</label>
      </option>
      <option code="30-44">
        <label xml:lang="sr-Latn">30 do 44</label>
        <label xml:lang="en">30 to 44</label>
      </option>
      <option code="45-64">
        <label xml:lang="sr-Latn">45 do 64</label>
        <label xml:lang="en">45 to 64</label>
      </option>
      <option code="65-plus">
        <label xml:lang="sr-Latn">65 i više</label>
        <label xml:lang="en">65 or older</label>
      </option>
    </question>
    <question code="settlement" type="single" required="true">
      <text xml:lang="sr-Latn">Gde živite?</text>
      <text xml:lang="bs">Gdje živite?</text>
      <text xml:lang="en">Where do you live?</text>
      <option code="town">
        <label xml:lang="sr-Latn">U gradu</label>
        <label xml:lang="en">In the town</label>
      </option>
      <option code="village">
        <label xml:lang="sr-Latn">U selu</label>
        <label xml:lang="en">In a village</label>
      </option>
      <option code="elsewhere">
        <label xml:lang="sr-Latn">U drugoj opštini</label>
        <label xml:lang="bs">U drugoj općini</label>
        <label xml:lang="en">In another municipality</label>
      </option>
    </question>
  </page>
  <page code="household" groups="citizen user">
    <title xml:lang="sr-Latn">Vaše domaćinstvo</title>
    <title xml:lang="en">Your household</title>
    <question code="members" type="number" required="true" min="1" max="20">
      <text xml:lang="sr-Latn">Koliko osoba živi u vašem domaćinstvu, sa vama?</text>
      <text xml:lang="bs">Koliko osoba živi u vašem domaćinstvu, s vama?</text>
      <text xml:lang="en">How many people live in your household, including you?</text>
    </question>
    <question code="household" type="multiple" other="true">
      <text xml:lang="sr-Latn">Da li u vašem domaćinstvu živi neko od navedenih?</text>
      <text xml:lang="en">Does your household include any of these?</text>
      <help xml:lang="sr-Latn">Označite sve što važi.</help>
      <help xml:lang="bs">Označite sve što vrijedi.</help>
      <help xml:lang="en">Tick all that apply.</help>
      <option code="child">
        <label xml:lang="sr-Latn">Dete mlađe od 18 godina</label>
        <label xml:lang="bs">Dijete mlađe od 18 godina</label>
        <label xml:lang="en">A child under 18</label>
      </option>
      <option code="disability">
        <label xml:lang="sr-Latn">Osoba sa invaliditetom ili dete sa smetnjama u razvoju</label>
        <label xml:lang="bs">Osoba s invaliditetom ili dijete s poteškoćama u razvoju</label>
        <label xml:lang="en">A person with a disability or a child with developmental difficulties</label>
      </option>
      <option code="elderly">
        <label xml:lang="sr-Latn">Starija osoba kojoj je potrebna nega</label>
        <label xml:lang="bs">Starija osoba kojoj je potrebna njega</label>
        <label xml:lang="en">An older person who needs care</label>
      </option>
      <option code="single-parent">
        <label xml:lang="sr-Latn">Samohrani roditelj</label>
        <label xml:lang="en">A single parent</label>
      </option>
      <option code="unemployed">
        <label xml:lang="sr-Latn">Nezaposlena osoba koja traži posao</label>
        <label xml:lang="en">An unemployed person looking for work</label>
      </option>
    </question>
    <question code="income" type="single">
      <text xml:lang="sr-Latn">Kako procenjujete materijalni položaj domaćinstva?</text>
      <text xml:lang="bs">Kako procjenjujete materijalni položaj domaćinstva?</text>
      <text xml:lang="en">How would you describe your household’s finances?</text>
      <option code="short">
        <label xml:lang="sr-Latn">Ne možemo da pokrijemo osnovne troškove</label>
        <label xml:lang="bs">Ne možemo pokriti osnovne troškove</label>
        <label xml:lang="en">We cannot cover basic costs</label>
      </option>
      <option code="tight">
        <label xml:lang="sr-Latn">Pokrivamo osnovne troškove uz teškoće</label>
        <label xml:lang="bs">Pokrivamo osnovne troškove uz poteškoće</label>
        <label xml:lang="en">We cover basic costs with difficulty</label>
      </option>
      <option code="ok">
        <label xml:lang="sr-Latn">Pokrivamo troškove bez većih teškoća</label>
        <label xml:lang="bs">Pokrivamo troškove bez većih poteškoća</label>
        <label xml:lang="en">We manage without major difficulty</label>
      </option>
    </question>
  </page>
  <page code="risks" groups="citizen user">
    <title xml:lang="sr-Latn">Potrebe i rizici</title>
    <title xml:lang="en">Needs and risks</title>
    <question code="care-hours" type="number" min="0" max="168" decimals="1">
      <text xml:lang="sr-Latn">Koliko sati nedeljno vi ili vaša porodica provodite u nezi člana domaćinstva?</text>
      <text xml:lang="bs">Koliko sati sedmično vi ili vaša porodica provodite u njezi člana domaćinstva?</text>
      <text xml:lang="en">How many hours a week do you or your family spend caring for a household member?</text>
      <show-if question="household" one-of="disability elderly"/>
    </question>
    <question code="needed" type="yesno" required="true">
      <text xml:lang="sr-Latn">Da li je nekom u vašem domaćinstvu u poslednjih godinu dana bila potrebna usluga socijalne zaštite?</text>
      <text xml:lang="bs">Da li je nekom u vašem domaćinstvu u posljednjih godinu dana bila potrebna usluga socijalne zaštite?</text>
      <text xml:lang="en">In the past year, did anyone in your household need a social protection service?</text>
    </question>
    <question code="problems" type="matrix" required="true">
      <text xml:lang="sr-Latn">Koliko su sledeći problemi ozbiljni u vašoj sredini?</text>
      <text xml:lang="bs">Koliko su sljedeći problemi ozbiljni u vašoj sredini?</text>
      <text xml:lang="en">How serious are these problems where you live?</text>
      <item code="poverty">
        <label xml:lang="sr-Latn">Siromaštvo</label>
        <label xml:lang="en">Poverty</label>
      </item>
      <item code="unemployment">
        <label xml:lang="sr-Latn">Nezaposlenost</label>
        <label xml:lang="en">Unemployment</label>
      </item>
      <item code="violence">
        <label xml:lang="sr-Latn">Nasilje u porodici</label>
        <label xml:lang="en">Domestic violence</label>
      </item>
      <item code="isolation">
        <label xml:lang="sr-Latn">Usamljenost starijih</label>
        <label xml:lang="en">Loneliness of older people</label>
      </item>
      <item code="barriers">
        <label xml:lang="sr-Latn">Prepreke za osobe sa invaliditetom</label>
        <label xml:lang="bs">Prepreke za osobe s invaliditetom</label>
        <label xml:lang="en">Barriers for people with disabilities</label>
      </item>
      <item code="access">
        <label xml:lang="sr-Latn">Udaljenost usluga</label>
        <label xml:lang="en">Distance to services</label>
      </item>
      <option code="1">
        <label xml:lang="sr-Latn">Nije problem</label>
        <label xml:lang="en">Not a problem</label>
      </option>
      <option code="2">
        <label xml:lang="sr-Latn">Mali problem</label>
        <label xml:lang="en">A small problem</label>
      </option>
      <option code="3">
        <label xml:lang="sr-Latn">Umeren problem</label>
        <label xml:lang="bs">Umjeren problem</label>
        <label xml:lang="en">A moderate problem</label>
      </option>
      <option code="4">
        <label xml:lang="sr-Latn">Ozbiljan problem</label>
        <label xml:lang="en">A serious problem</label>
      </option>
      <option code="5">
        <label xml:lang="sr-Latn">Veoma ozbiljan problem</label>
        <label xml:lang="en">A very serious problem</label>
      </option>
    </question>
    <question code="violence-help" type="yesno">
      <text xml:lang="sr-Latn">Da li znate kome da se obratite u slučaju nasilja u porodici?</text>
      <text xml:lang="bs">Da li znate kome se obratiti u slučaju nasilja u porodici?</text>
      <text xml:lang="en">Do you know whom to turn to in a case of domestic violence?</text>
    </question>
  </page>
  <page code="services">
    <title xml:lang="sr-Latn">Lokalne usluge</title>
    <title xml:lang="en">Local services</title>
    <question code="awareness" type="matrix" required="true">
      <text xml:lang="sr-Latn">Koliko poznajete ove usluge u opštini?</text>
      <text xml:lang="bs">Koliko poznajete ove usluge u općini?</text>
      <text xml:lang="en">How well do you know these services in the municipality?</text>
      <item code="day-care">
        <label xml:lang="sr-Latn">Dnevni boravak za decu i mlade sa smetnjama u razvoju</label>
        <label xml:lang="bs">Dnevni boravak za djecu i mlade s poteškoćama u razvoju</label>
        <label xml:lang="en">Day care for children and youth with disabilities</label>
      </item>
      <item code="home-help">
        <label xml:lang="sr-Latn">Pomoć u kući za starije</label>
        <label xml:lang="en">Home help for older people</label>
      </item>
      <item code="companion">
        <label xml:lang="sr-Latn">Lični pratilac deteta</label>
        <label xml:lang="bs">Lični pratilac djeteta</label>
        <label xml:lang="en">Personal companion of a child</label>
      </item>
      <item code="respite">
        <label xml:lang="sr-Latn">Predah smeštaj</label>
        <label xml:lang="bs">Predah smještaj</label>
        <label xml:lang="en">Respite care</label>
      </item>
      <item code="assistance">
        <label xml:lang="sr-Latn">Personalna asistencija</label>
        <label xml:lang="en">Personal assistance</label>
      </item>
      <item code="family-support">
        <label xml:lang="sr-Latn">Podrška porodicama dece sa smetnjama</label>
        <label xml:lang="bs">Podrška porodicama djece s poteškoćama</label>
        <label xml:lang="en">Support to families of children with disabilities</label>
      </item>
      <option code="unknown">
        <label xml:lang="sr-Latn">Ne znam za ovu uslugu</label>
        <label xml:lang="en">I do not know this service</label>
      </option>
      <option code="heard">
        <label xml:lang="sr-Latn">Čuo/la sam za nju</label>
        <label xml:lang="en">I have heard of it</label>
      </option>
      <option code="used">
        <label xml:lang="sr-Latn">Koristio/la sam je (ja ili neko iz porodice)</label>
        <label xml:lang="en">I (or my family) have used it</label>
      </option>
    </question>
    <question code="used" type="multiple" min="1">
      <text xml:lang="sr-Latn">Koje ste usluge koristili?</text>
      <text xml:lang="en">Which services did you use?</text>
      <show-if question="needed" equals="yes"/>
      <option code="day-care">
        <label xml:lang="sr-Latn">Dnevni boravak za decu i mlade sa smetnjama u razvoju</label>
        <label xml:lang="bs">Dnevni boravak za djecu i mlade s poteškoćama u razvoju</label>
        <label xml:lang="en">Day care for children and youth with disabilities</label>
      </option>
      <option code="home-help">
        <label xml:lang="sr-Latn">Pomoć u kući za starije</label>
        <label xml:lang="en">Home help for older people</label>
      </option>
      <option code="companion">
        <label xml:lang="sr-Latn">Lični pratilac deteta</label>
        <label xml:lang="bs">Lični pratilac djeteta</label>
        <label xml:lang="en">Personal companion of a child</label>
      </option>
      <option code="respite">
        <label xml:lang="sr-Latn">Predah smeštaj</label>
        <label xml:lang="bs">Predah smještaj</label>
        <label xml:lang="en">Respite care</label>
      </option>
      <option code="assistance">
        <label xml:lang="sr-Latn">Personalna asistencija</label>
        <label xml:lang="en">Personal assistance</label>
      </option>
      <option code="family-support">
        <label xml:lang="sr-Latn">Podrška porodicama dece sa smetnjama</label>
        <label xml:lang="bs">Podrška porodicama djece s poteškoćama</label>
        <label xml:lang="en">Support to families of children with disabilities</label>
      </option>
      <option code="csw">
        <label xml:lang="sr-Latn">Savetovanje u centru za socijalni rad</label>
        <label xml:lang="bs">Savjetovanje u centru za socijalni rad</label>
        <label xml:lang="en">Counselling at the Center for Social Work</label>
      </option>
    </question>
    <question code="satisfaction" type="single">
      <text xml:lang="sr-Latn">Koliko ste zadovoljni dobijenom podrškom?</text>
      <text xml:lang="en">How satisfied are you with the support you received?</text>
      <show-if question="needed" equals="yes"/>
      <option code="1">
        <label xml:lang="sr-Latn">Veoma nezadovoljan/na</label>
        <label xml:lang="en">Very dissatisfied</label>
      </option>
      <option code="2">
        <label xml:lang="sr-Latn">Nezadovoljan/na</label>
        <label xml:lang="en">Dissatisfied</label>
      </option>
      <option code="3">
        <label xml:lang="sr-Latn">Ni zadovoljan/na ni nezadovoljan/na</label>
        <label xml:lang="en">Neither</label>
      </option>
      <option code="4">
        <label xml:lang="sr-Latn">Zadovoljan/na</label>
        <label xml:lang="en">Satisfied</label>
      </option>
      <option code="5">
        <label xml:lang="sr-Latn">Veoma zadovoljan/na</label>
        <label xml:lang="en">Very satisfied</label>
      </option>
    </question>
    <question code="csw-contact" type="date" min="2000-01-01" max="2026-12-31">
      <text xml:lang="sr-Latn">Kada ste se poslednji put obratili centru za socijalni rad?</text>
      <text xml:lang="bs">Kada ste se posljednji put obratili centru za socijalni rad?</text>
      <text xml:lang="en">When did you last contact the Center for Social Work?</text>
      <help xml:lang="sr-Latn">Ako se ne sećate tačno, upišite približan datum; ako niste nikada, ostavite prazno.</help>
      <help xml:lang="bs">Ako se ne sjećate tačno, upišite približan datum; ako niste nikada, ostavite prazno.</help>
      <help xml:lang="en">An approximate date is fine; leave it empty if never.</help>
    </question>
    <question code="unmet" type="yesno">
      <text xml:lang="sr-Latn">Da li vam je u poslednjih godinu dana bila potrebna usluga koja u opštini ne postoji?</text>
      <text xml:lang="bs">Da li vam je u posljednjih godinu dana bila potrebna usluga koja u općini ne postoji?</text>
      <text xml:lang="en">In the past year, did you need a service the municipality does not offer?</text>
    </question>
    <question code="info" type="single" other="true">
      <text xml:lang="sr-Latn">Odakle najčešće saznajete o uslugama?</text>
      <text xml:lang="en">Where do you usually learn about services?</text>
      <option code="website">
        <label xml:lang="sr-Latn">Sajt opštine</label>
        <label xml:lang="bs">Web stranica općine</label>
        <label xml:lang="en">The municipality’s website</label>
      </option>
      <option code="csw">
        <label xml:lang="sr-Latn">Centar za socijalni rad</label>
        <label xml:lang="en">The Center for Social Work</label>
      </option>
      <option code="local-office">
        <label xml:lang="sr-Latn">Mesna zajednica</label>
        <label xml:lang="bs">Mjesna zajednica</label>
        <label xml:lang="en">The local community office</label>
      </option>
      <option code="media">
        <label xml:lang="sr-Latn">Lokalni mediji</label>
        <label xml:lang="en">Local media</label>
      </option>
      <option code="people">
        <label xml:lang="sr-Latn">Od poznanika</label>
        <label xml:lang="en">From people I know</label>
      </option>
    </question>
  </page>
  <page code="professionals" groups="ngo pro admin csw provider">
    <title xml:lang="sr-Latn">Za stručnjake i ustanove</title>
    <title xml:lang="en">For professionals and organisations</title>
    <question code="years" type="number" required="true" min="0" max="50">
      <text xml:lang="sr-Latn">Koliko godina radite u oblasti socijalne zaštite?</text>
      <text xml:lang="en">How many years have you worked in social protection?</text>
    </question>
    <question code="capacity" type="matrix">
      <text xml:lang="sr-Latn">Kako ocenjujete kapacitete lokalnog sistema socijalne zaštite?</text>
      <text xml:lang="bs">Kako ocjenjujete kapacitete lokalnog sistema socijalne zaštite?</text>
      <text xml:lang="en">How do you rate the capacity of the local social protection system?</text>
      <item code="staff">
        <label xml:lang="sr-Latn">Broj i obučenost osoblja</label>
        <label xml:lang="en">Staff numbers and training</label>
      </item>
      <item code="premises">
        <label xml:lang="sr-Latn">Prostor i oprema</label>
        <label xml:lang="en">Premises and equipment</label>
      </item>
      <item code="funding">
        <label xml:lang="sr-Latn">Finansiranje usluga</label>
        <label xml:lang="en">Funding of services</label>
      </item>
      <item code="cooperation">
        <label xml:lang="sr-Latn">Saradnja ustanova i udruženja</label>
        <label xml:lang="en">Cooperation between institutions and associations</label>
      </item>
      <option code="1">
        <label xml:lang="sr-Latn">Veoma loše</label>
        <label xml:lang="en">Very poor</label>
      </option>
      <option code="2">
        <label xml:lang="sr-Latn">Loše</label>
        <label xml:lang="en">Poor</label>
      </option>
      <option code="3">
        <label xml:lang="sr-Latn">Osrednje</label>
        <label xml:lang="en">Fair</label>
      </option>
      <option code="4">
        <label xml:lang="sr-Latn">Dobro</label>
        <label xml:lang="en">Good</label>
      </option>
      <option code="5">
        <label xml:lang="sr-Latn">Veoma dobro</label>
        <label xml:lang="en">Very good</label>
      </option>
    </question>
    <question code="obstacles" type="multiple" max="3" other="true">
      <text xml:lang="sr-Latn">Šta najviše otežava razvoj usluga? Izaberite najviše tri.</text>
      <text xml:lang="en">What holds back the development of services most? Choose up to three.</text>
      <option code="funding">
        <label xml:lang="sr-Latn">Nedovoljno sredstava</label>
        <label xml:lang="en">Too little funding</label>
      </option>
      <option code="staff">
        <label xml:lang="sr-Latn">Nedostatak stručnjaka</label>
        <label xml:lang="en">Too few professionals</label>
      </option>
      <option code="licences">
        <label xml:lang="sr-Latn">Dugi postupci licenciranja</label>
        <label xml:lang="en">Slow licensing</label>
      </option>
      <option code="transport">
        <label xml:lang="sr-Latn">Prevoz iz sela</label>
        <label xml:lang="bs">Prijevoz iz sela</label>
        <label xml:lang="en">Transport from villages</label>
      </option>
      <option code="data">
        <label xml:lang="sr-Latn">Nedostatak podataka o potrebama</label>
        <label xml:lang="en">Lack of data on needs</label>
      </option>
    </question>
  </page>
  <page code="missing">
    <title xml:lang="sr-Latn">Šta nedostaje</title>
    <title xml:lang="en">What is missing</title>
    <question code="new-services" type="multiple" required="true" max="3" other="true">
      <text xml:lang="sr-Latn">Koje usluge bi opština trebalo da uvede ili proširi? Izaberite najviše tri.</text>
      <text xml:lang="bs">Koje usluge bi općina trebala uvesti ili proširiti? Izaberite najviše tri.</text>
      <text xml:lang="en">Which services should the municipality start or expand? Choose up to three.</text>
      <option code="day-care">
        <label xml:lang="sr-Latn">Dnevni boravak</label>
        <label xml:lang="en">Day care</label>
      </option>
      <option code="home-help">
        <label xml:lang="sr-Latn">Pomoć u kući</label>
        <label xml:lang="en">Home help</label>
      </option>
      <option code="respite">
        <label xml:lang="sr-Latn">Predah smeštaj</label>
        <label xml:lang="bs">Predah smještaj</label>
        <label xml:lang="en">Respite care</label>
      </option>
      <option code="shelter">
        <label xml:lang="sr-Latn">Sigurna kuća za žrtve nasilja</label>
        <label xml:lang="en">Shelter for victims of violence</label>
      </option>
      <option code="housing">
        <label xml:lang="sr-Latn">Stanovanje uz podršku</label>
        <label xml:lang="en">Supported housing</label>
      </option>
      <option code="counselling">
        <label xml:lang="sr-Latn">Savetovalište za porodicu</label>
        <label xml:lang="bs">Savjetovalište za porodicu</label>
        <label xml:lang="en">Family counselling</label>
      </option>
      <option code="sos">
        <label xml:lang="sr-Latn">SOS telefon</label>
        <label xml:lang="en">SOS helpline</label>
      </option>
    </question>
    <question code="priority" type="dropdown" required="true">
      <text xml:lang="sr-Latn">Koja grupa bi trebalo da bude prioritet narednog programa?</text>
      <text xml:lang="bs">Koja grupa bi trebala biti prioritet narednog programa?</text>
      <text xml:lang="en">Which group should the next programme put first?</text>
      <option code="children-disab">
        <label xml:lang="sr-Latn">Deca sa smetnjama u razvoju</label>
        <label xml:lang="bs">Djeca s poteškoćama u razvoju</label>
        <label xml:lang="en">Children with developmental difficulties</label>
      </option>
      <option code="elderly">
        <label xml:lang="sr-Latn">Starije osobe</label>
        <label xml:lang="en">Older people</label>
      </option>
      <option code="violence">
        <label xml:lang="sr-Latn">Žrtve nasilja u porodici</label>
        <label xml:lang="en">Victims of domestic violence</label>
      </option>
      <option code="roma">
        <label xml:lang="sr-Latn">Romska zajednica</label>
        <label xml:lang="en">The Roma community</label>
      </option>
      <option code="youth">
        <label xml:lang="sr-Latn">Mladi bez roditeljskog staranja</label>
        <label xml:lang="en">Young people leaving care</label>
      </option>
      <option code="mental-health">
        <label xml:lang="sr-Latn">Osobe sa mentalnim teškoćama</label>
        <label xml:lang="bs">Osobe s mentalnim poteškoćama</label>
        <label xml:lang="en">People with mental health difficulties</label>
      </option>
    </question>
    <question code="volunteer" type="yesno">
      <text xml:lang="sr-Latn">Da li biste volontirali u nekoj od usluga?</text>
      <text xml:lang="en">Would you volunteer in one of the services?</text>
      <show-if question="group" not="csw"/>
    </question>
    <question code="first-step" type="text" max="200">
      <text xml:lang="sr-Latn">Šta bi opština trebalo prvo da uradi?</text>
      <text xml:lang="bs">Šta bi općina trebala prvo uraditi?</text>
      <text xml:lang="en">What should the municipality do first?</text>
    </question>
  </page>
  <page code="open">
    <title xml:lang="sr-Latn">Na kraju</title>
    <title xml:lang="en">Finally</title>
    <question code="comment" type="longtext" max="2000">
      <text xml:lang="sr-Latn">Šta još želite da poručite opštini o socijalnoj zaštiti?</text>
      <text xml:lang="bs">Šta još želite poručiti općini o socijalnoj zaštiti?</text>
      <text xml:lang="en">Is there anything else you would like to tell the municipality about social protection?</text>
      <help xml:lang="sr-Latn">Ne upisujte imena niti podatke po kojima se neko može prepoznati.</help>
      <help xml:lang="en">Please do not write names or anything that could identify a person.</help>
    </question>
    <question code="next-round" type="yesno">
      <text xml:lang="sr-Latn">Da li biste učestvovali i u sledećem krugu istraživanja?</text>
      <text xml:lang="bs">Da li biste učestvovali i u sljedećem krugu istraživanja?</text>
      <text xml:lang="en">Would you take part in the next round too?</text>
    </question>
  </page>
</survey>';
SET @opens = UTC_DATE() - INTERVAL 15 DAY;
SET @closes = UTC_DATE() + INTERVAL 1 DAY;
SET @pilot_opens = UTC_DATE() - INTERVAL 60 DAY;
SET @pilot_closes = UTC_DATE() - INTERVAL 45 DAY;

-- Opening at 00:00 and closing at 23:59 local time, Europe/Belgrade: UTC+1,
-- and UTC+2 in summer time, from 02:00 on the last Sunday of March to
-- 03:00 on the last Sunday of October (the EU rule; worker.c's default
-- zone).  The server's time zone tables are not loaded in every stack
-- (CONVERT_TZ would give NULL), so the rule is spelt out here: local
-- midnight of day d is in summer time when d is after March's last Sunday
-- and not after October's; 23:59 when d is not before March's and before
-- October's.
SET @y4 = YEAR(UTC_DATE());
SET @mar = LAST_DAY(MAKEDATE(@y4, 1) + INTERVAL 2 MONTH);
SET @mar = @mar - INTERVAL (DAYOFWEEK(@mar) - 1) DAY;
SET @oct = LAST_DAY(MAKEDATE(@y4, 1) + INTERVAL 9 MONTH);
SET @oct = @oct - INTERVAL (DAYOFWEEK(@oct) - 1) DAY;
-- The dates below fall in this year or the last days of the one before
-- (winter either way, as the rule for this year gives).
SET @pilot_opens_at = TIMESTAMP(@pilot_opens) - INTERVAL
    IF(@pilot_opens > @mar AND @pilot_opens <= @oct, 2, 1) HOUR;
SET @pilot_closes_at = TIMESTAMP(@pilot_closes, '23:59:00') - INTERVAL
    IF(@pilot_closes >= @mar AND @pilot_closes < @oct, 2, 1) HOUR;
SET @opens_at = TIMESTAMP(@opens) - INTERVAL
    IF(@opens > @mar AND @opens <= @oct, 2, 1) HOUR;
SET @closes_at = TIMESTAMP(@closes, '23:59:00') - INTERVAL
    IF(@closes >= @mar AND @closes < @oct, 2, 1) HOUR;
INSERT INTO survey (municipality_id, code, title_sr_latn, title_sr_cyrl,
    title_bs, title_en, opens_on, closes_on, definition, status, opens_at,
    closes_at, results_published, round) VALUES
(@m, CONCAT('pilot-', @y),
 'Probno mapiranje potreba (pilot)',
 'Пробно мапирање потреба (пилот)',
 'Probno mapiranje potreba (pilot)',
 'Needs mapping pilot round',
 @pilot_opens, @pilot_closes,
 REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(@def,
    '@SLUG@', CONCAT('pilot-', @y)),
    '@OPENS@', DATE_FORMAT(@pilot_opens, '%Y-%m-%dT00:00')),
    '@CLOSES@', DATE_FORMAT(@pilot_closes, '%Y-%m-%dT23:59')),
    '>Mapiranje potreba za uslugama socijalne zaštite<',
    '>Probno mapiranje potreba (pilot)<'),
    '>Mapping the need for social protection services<',
    '>Needs mapping pilot round<'),
 'closed', @pilot_opens_at, @pilot_closes_at, TRUE, 1);
SET @s1 = LAST_INSERT_ID();

INSERT INTO survey (municipality_id, code, title_sr_latn, title_sr_cyrl,
    title_bs, title_en, opens_on, closes_on, definition, status, opens_at,
    closes_at, results_published, round, copied_from) VALUES
(@m, CONCAT('needs-', @y),
 CONCAT('Mapiranje potreba za uslugama socijalne zaštite ', @y, '.'),
 CONCAT('Мапирање потреба за услугама социјалне заштите ', @y, '.'),
 CONCAT('Mapiranje potreba za uslugama socijalne zaštite ', @y, '.'),
 CONCAT('Mapping the need for social protection services ', @y),
 @opens, @closes,
 REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(@def,
    '@SLUG@', CONCAT('needs-', @y)),
    '@OPENS@', DATE_FORMAT(@opens, '%Y-%m-%dT00:00')),
    '@CLOSES@', DATE_FORMAT(@closes, '%Y-%m-%dT23:59')),
    '>Mapiranje potreba za uslugama socijalne zaštite<',
    CONCAT('>Mapiranje potreba za uslugama socijalne zaštite ', @y, '.<')),
    '>Mapping the need for social protection services<',
    CONCAT('>Mapping the need for social protection services ', @y, '<')),
 'published', @opens_at, @closes_at, FALSE, 2, @s1);
SET @s2 = LAST_INSERT_ID();

-- Completed responses, generated the same way on every load: 320 for this
-- round and 140 for the pilot.  h(...) below is CRC32 of the round, the
-- response's number and what is being decided, so each answer is a fixed
-- pseudo-random draw.  Answers follow the definition: group pages only for
-- their groups, conditions honoured, min and max kept.
CREATE TEMPORARY TABLE demo_resp (
	survey_id BIGINT UNSIGNED NOT NULL,
	round INT NOT NULL,
	n INT NOT NULL,
	id BIGINT UNSIGNED NULL,
	grp VARCHAR(24) NOT NULL,
	done DATE NOT NULL,
	PRIMARY KEY (survey_id, n)
);
INSERT INTO demo_resp (survey_id, round, n, grp, done)
WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 320)
SELECT s.id, s.round, seq.n, '', IF(s.round = 1, @pilot_opens, @opens)
FROM seq JOIN survey s ON s.id IN (@s1, @s2)
WHERE seq.n <= IF(s.round = 1, 140, 320);
UPDATE demo_resp SET
    grp = CASE
	WHEN CRC32(CONCAT(round, '/', n, '/group')) % 100 < 40 THEN 'citizen'
	WHEN CRC32(CONCAT(round, '/', n, '/group')) % 100 < 60 THEN 'user'
	WHEN CRC32(CONCAT(round, '/', n, '/group')) % 100 < 68 THEN 'ngo'
	WHEN CRC32(CONCAT(round, '/', n, '/group')) % 100 < 78 THEN 'pro'
	WHEN CRC32(CONCAT(round, '/', n, '/group')) % 100 < 84 THEN 'admin'
	WHEN CRC32(CONCAT(round, '/', n, '/group')) % 100 < 92 THEN 'csw'
	ELSE 'provider' END,
    done = done + INTERVAL (CRC32(CONCAT(round, '/', n, '/day')) %
	(DATEDIFF(IF(round = 1, @pilot_closes, UTC_DATE()), done) + 1)) DAY;

-- page holds the response's number until the ids are known.
INSERT INTO survey_response (survey_id, respondent_group, page, status,
    completed_on)
SELECT survey_id, grp, n, 'completed', done FROM demo_resp ORDER BY survey_id, n;
UPDATE demo_resp d JOIN survey_response r
    ON r.survey_id = d.survey_id AND r.page = d.n SET d.id = r.id;
UPDATE survey_response SET page = 8 WHERE survey_id IN (@s1, @s2);

-- One option per question (and matrix row): weights per 1000 draws; what
-- is left over up to 1000 leaves an optional question unanswered.  scope:
-- all, cu (the citizens' and users' pages), pro (the professionals'
-- page), notcsw, needed (shown when "needed" is yes).
CREATE TEMPORARY TABLE demo_w (
	seq INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	question VARCHAR(24) NOT NULL,
	item VARCHAR(24) NOT NULL,
	option_code VARCHAR(24) NOT NULL,
	weight INT NOT NULL,
	scope VARCHAR(8) NOT NULL
);
INSERT INTO demo_w (question, item, option_code, weight, scope) VALUES
('age', '', '18-29', 180, 'all'), ('age', '', '30-44', 300, 'all'),
('age', '', '45-64', 340, 'all'), ('age', '', '65-plus', 180, 'all'),
('settlement', '', 'town', 620, 'all'), ('settlement', '', 'village', 340, 'all'),
('settlement', '', 'elsewhere', 40, 'all'),
('income', '', 'short', 180, 'cu'), ('income', '', 'tight', 420, 'cu'),
('income', '', 'ok', 300, 'cu'),
('needed', '', 'yes', 380, 'cu'), ('needed', '', 'no', 620, 'cu'),
('violence-help', '', 'yes', 560, 'cu'), ('violence-help', '', 'no', 330, 'cu'),
('unmet', '', 'yes', 340, 'all'), ('unmet', '', 'no', 560, 'all'),
('info', '', 'website', 220, 'all'), ('info', '', 'csw', 260, 'all'),
('info', '', 'local-office', 180, 'all'), ('info', '', 'media', 150, 'all'),
('info', '', 'people', 140, 'all'), ('info', '', 'other', 30, 'all'),
('satisfaction', '', '1', 60, 'needed'), ('satisfaction', '', '2', 120, 'needed'),
('satisfaction', '', '3', 250, 'needed'), ('satisfaction', '', '4', 380, 'needed'),
('satisfaction', '', '5', 150, 'needed'),
('priority', '', 'children-disab', 240, 'all'), ('priority', '', 'elderly', 260, 'all'),
('priority', '', 'violence', 170, 'all'), ('priority', '', 'roma', 90, 'all'),
('priority', '', 'youth', 90, 'all'), ('priority', '', 'mental-health', 150, 'all'),
('volunteer', '', 'yes', 280, 'notcsw'), ('volunteer', '', 'no', 520, 'notcsw'),
('next-round', '', 'yes', 450, 'all'), ('next-round', '', 'no', 300, 'all'),
('problems', 'poverty', '1', 50, 'cu'), ('problems', 'poverty', '2', 120, 'cu'),
('problems', 'poverty', '3', 300, 'cu'), ('problems', 'poverty', '4', 330, 'cu'),
('problems', 'poverty', '5', 200, 'cu'),
('problems', 'unemployment', '1', 40, 'cu'), ('problems', 'unemployment', '2', 100, 'cu'),
('problems', 'unemployment', '3', 260, 'cu'), ('problems', 'unemployment', '4', 350, 'cu'),
('problems', 'unemployment', '5', 250, 'cu'),
('problems', 'violence', '1', 120, 'cu'), ('problems', 'violence', '2', 250, 'cu'),
('problems', 'violence', '3', 330, 'cu'), ('problems', 'violence', '4', 200, 'cu'),
('problems', 'violence', '5', 100, 'cu'),
('problems', 'isolation', '1', 60, 'cu'), ('problems', 'isolation', '2', 150, 'cu'),
('problems', 'isolation', '3', 300, 'cu'), ('problems', 'isolation', '4', 300, 'cu'),
('problems', 'isolation', '5', 190, 'cu'),
('problems', 'barriers', '1', 50, 'cu'), ('problems', 'barriers', '2', 130, 'cu'),
('problems', 'barriers', '3', 300, 'cu'), ('problems', 'barriers', '4', 320, 'cu'),
('problems', 'barriers', '5', 200, 'cu'),
('problems', 'access', '1', 80, 'cu'), ('problems', 'access', '2', 200, 'cu'),
('problems', 'access', '3', 300, 'cu'), ('problems', 'access', '4', 250, 'cu'),
('problems', 'access', '5', 170, 'cu'),
('awareness', 'day-care', 'unknown', 250, 'all'), ('awareness', 'day-care', 'heard', 550, 'all'),
('awareness', 'day-care', 'used', 200, 'all'),
('awareness', 'home-help', 'unknown', 200, 'all'), ('awareness', 'home-help', 'heard', 550, 'all'),
('awareness', 'home-help', 'used', 250, 'all'),
('awareness', 'companion', 'unknown', 400, 'all'), ('awareness', 'companion', 'heard', 480, 'all'),
('awareness', 'companion', 'used', 120, 'all'),
('awareness', 'respite', 'unknown', 550, 'all'), ('awareness', 'respite', 'heard', 400, 'all'),
('awareness', 'respite', 'used', 50, 'all'),
('awareness', 'assistance', 'unknown', 450, 'all'), ('awareness', 'assistance', 'heard', 470, 'all'),
('awareness', 'assistance', 'used', 80, 'all'),
('awareness', 'family-support', 'unknown', 380, 'all'),
('awareness', 'family-support', 'heard', 520, 'all'),
('awareness', 'family-support', 'used', 100, 'all'),
('capacity', 'staff', '1', 100, 'pro'), ('capacity', 'staff', '2', 300, 'pro'),
('capacity', 'staff', '3', 350, 'pro'), ('capacity', 'staff', '4', 200, 'pro'),
('capacity', 'staff', '5', 50, 'pro'),
('capacity', 'premises', '1', 80, 'pro'), ('capacity', 'premises', '2', 250, 'pro'),
('capacity', 'premises', '3', 350, 'pro'), ('capacity', 'premises', '4', 250, 'pro'),
('capacity', 'premises', '5', 70, 'pro'),
('capacity', 'funding', '1', 250, 'pro'), ('capacity', 'funding', '2', 380, 'pro'),
('capacity', 'funding', '3', 250, 'pro'), ('capacity', 'funding', '4', 100, 'pro'),
('capacity', 'funding', '5', 20, 'pro'),
('capacity', 'cooperation', '1', 60, 'pro'), ('capacity', 'cooperation', '2', 200, 'pro'),
('capacity', 'cooperation', '3', 350, 'pro'), ('capacity', 'cooperation', '4', 300, 'pro'),
('capacity', 'cooperation', '5', 90, 'pro');

CREATE TEMPORARY TABLE demo_pick AS
SELECT question, item, option_code, scope,
    SUM(weight) OVER (PARTITION BY question, item ORDER BY seq) - weight AS lo,
    SUM(weight) OVER (PARTITION BY question, item ORDER BY seq) - 1 AS hi,
    ROW_NUMBER() OVER (PARTITION BY question, item ORDER BY seq) AS pos
FROM demo_w;

-- The respondent group, then every one-option question and matrix row.
INSERT INTO survey_answer (response_id, survey_id, question, item,
    option_code, number, text)
SELECT id, survey_id, 'group', '', grp, NULL, NULL FROM demo_resp;
INSERT INTO survey_answer (response_id, survey_id, question, item,
    option_code, number, text)
SELECT r.id, r.survey_id, p.question, p.item, p.option_code,
    IF(p.item = '', NULL, p.pos), NULL
FROM demo_resp r JOIN demo_pick p
    ON CRC32(CONCAT(r.round, '/', r.n, '/', p.question, '/', p.item)) % 1000
	BETWEEN p.lo AND p.hi
WHERE p.scope = 'all'
    OR (p.scope = 'cu' AND r.grp IN ('citizen', 'user'))
    OR (p.scope = 'pro' AND r.grp NOT IN ('citizen', 'user'))
    OR (p.scope = 'notcsw' AND r.grp <> 'csw');
-- Then what depends on those answers (a statement reads its own rows only
-- after it has run).
INSERT INTO survey_answer (response_id, survey_id, question, item,
    option_code, number, text)
SELECT r.id, r.survey_id, p.question, p.item, p.option_code, NULL, NULL
FROM demo_resp r JOIN demo_pick p
    ON CRC32(CONCAT(r.round, '/', r.n, '/', p.question, '/', p.item)) % 1000
	BETWEEN p.lo AND p.hi
WHERE p.scope = 'needed' AND EXISTS (SELECT 1 FROM survey_answer a
    WHERE a.response_id = r.id AND a.question = 'needed'
	AND a.option_code = 'yes');

-- Multiple choices: each option ticked with its percentage, at most cap.
CREATE TEMPORARY TABLE demo_multi (
	question VARCHAR(24) NOT NULL,
	option_code VARCHAR(24) NOT NULL,
	pct INT NOT NULL,
	cap INT NOT NULL,
	scope VARCHAR(8) NOT NULL
);
INSERT INTO demo_multi VALUES
('household', 'child', 45, 9, 'cu'), ('household', 'disability', 18, 9, 'cu'),
('household', 'elderly', 22, 9, 'cu'), ('household', 'single-parent', 9, 9, 'cu'),
('household', 'unemployed', 27, 9, 'cu'), ('household', 'other', 3, 9, 'cu'),
('used', 'day-care', 20, 9, 'needed'), ('used', 'home-help', 30, 9, 'needed'),
('used', 'companion', 12, 9, 'needed'), ('used', 'respite', 5, 9, 'needed'),
('used', 'assistance', 8, 9, 'needed'), ('used', 'family-support', 12, 9, 'needed'),
('used', 'csw', 55, 9, 'needed'),
('obstacles', 'funding', 70, 3, 'pro'), ('obstacles', 'staff', 55, 3, 'pro'),
('obstacles', 'licences', 25, 3, 'pro'), ('obstacles', 'transport', 40, 3, 'pro'),
('obstacles', 'data', 30, 3, 'pro'), ('obstacles', 'other', 4, 3, 'pro'),
('new-services', 'day-care', 35, 3, 'all'), ('new-services', 'home-help', 45, 3, 'all'),
('new-services', 'respite', 25, 3, 'all'), ('new-services', 'shelter', 30, 3, 'all'),
('new-services', 'housing', 20, 3, 'all'), ('new-services', 'counselling', 30, 3, 'all'),
('new-services', 'sos', 15, 3, 'all'), ('new-services', 'other', 3, 3, 'all');
INSERT INTO survey_answer (response_id, survey_id, question, item,
    option_code, number, text)
SELECT id, survey_id, question, '', option_code, NULL, NULL FROM (
    SELECT r.id, r.survey_id, m.question, m.option_code, m.cap,
	ROW_NUMBER() OVER (PARTITION BY r.id, m.question ORDER BY
	    CRC32(CONCAT(r.round, '/', r.n, '/', m.question, '/#',
		m.option_code))) AS k
    FROM demo_resp r JOIN demo_multi m
	ON CRC32(CONCAT(r.round, '/', r.n, '/', m.question, '/',
	    m.option_code)) % 100 < m.pct
    WHERE m.scope = 'all'
	OR (m.scope = 'cu' AND r.grp IN ('citizen', 'user'))
	OR (m.scope = 'pro' AND r.grp NOT IN ('citizen', 'user'))
	OR (m.scope = 'needed' AND EXISTS (SELECT 1 FROM survey_answer a
	    WHERE a.response_id = r.id AND a.question = 'needed'
		AND a.option_code = 'yes'))) x
WHERE k <= cap;
-- "used" and "new-services" need at least one option.
INSERT INTO survey_answer (response_id, survey_id, question, item,
    option_code, number, text)
SELECT r.id, r.survey_id, q.question, '', q.fallback, NULL, NULL
FROM demo_resp r JOIN (SELECT 'used' AS question, 'csw' AS fallback
    UNION ALL SELECT 'new-services', 'home-help') q
WHERE (q.question = 'new-services' OR EXISTS (SELECT 1 FROM survey_answer a
	WHERE a.response_id = r.id AND a.question = 'needed'
	    AND a.option_code = 'yes'))
    AND NOT EXISTS (SELECT 1 FROM survey_answer a
	WHERE a.response_id = r.id AND a.question = q.question);
UPDATE survey_answer SET text = ELT(1 + id % 4, 'Prevoz do grada',
    'Pomoć pri školovanju', 'Savetovanje za mlade', 'Rad sa porodicom')
WHERE option_code = 'other' AND item = '' AND survey_id IN (@s1, @s2);

-- Numbers, a date and free text.
INSERT INTO survey_answer (response_id, survey_id, question, item,
    option_code, number, text)
SELECT id, survey_id, 'members', '', NULL,
    1 + CRC32(CONCAT(round, '/', n, '/members')) % 6, NULL
FROM demo_resp WHERE grp IN ('citizen', 'user')
UNION ALL
SELECT id, survey_id, 'years', '', NULL,
    CRC32(CONCAT(round, '/', n, '/years')) % 36, NULL
FROM demo_resp WHERE grp NOT IN ('citizen', 'user')
UNION ALL
SELECT id, survey_id, 'csw-contact', '', NULL, NULL,
    DATE_FORMAT(LEAST(done, DATE '2026-12-31') - INTERVAL
	(CRC32(CONCAT(round, '/', n, '/contact-day')) % 1500) DAY, '%Y-%m-%d')
FROM demo_resp WHERE CRC32(CONCAT(round, '/', n, '/contact')) % 100 < 45
UNION ALL
SELECT id, survey_id, 'first-step', '', NULL, NULL,
    ELT(1 + CRC32(CONCAT(round, '/', n, '/first-text')) % 8,
	'Otvoriti dnevni boravak i u selima',
	'Više pomoći u kući za starije',
	'Sigurna kuća za žene i decu',
	'Bolje informisanje o pravima',
	'Prevoz za decu sa smetnjama do škole',
	'Zaposliti još stručnjaka u centru',
	'Savetovalište za roditelje',
	'Predah smeštaj za porodice')
FROM demo_resp WHERE CRC32(CONCAT(round, '/', n, '/first')) % 100 < 25
UNION ALL
SELECT id, survey_id, 'comment', '', NULL, NULL,
    ELT(1 + CRC32(CONCAT(round, '/', n, '/comment-text')) % 4,
	'Hvala što pitate građane.',
	'Usluge su dobre, ali ih je premalo za sve kojima trebaju.',
	'U selima niko ne zna za ove usluge; treba obilaziti domaćinstva.',
	'Potrebno je više saradnje škola, doma zdravlja i centra.')
FROM demo_resp WHERE CRC32(CONCAT(round, '/', n, '/comment')) % 100 < 12;
-- Hours of care, only where the household has a person who needs it.
INSERT INTO survey_answer (response_id, survey_id, question, item,
    option_code, number, text)
SELECT r.id, r.survey_id, 'care-hours', '', NULL,
    (CRC32(CONCAT(r.round, '/', r.n, '/hours')) % 600) / 10, NULL
FROM demo_resp r
WHERE CRC32(CONCAT(r.round, '/', r.n, '/hours-given')) % 100 < 80
    AND EXISTS (SELECT 1 FROM survey_answer a WHERE a.response_id = r.id
	AND a.question = 'household'
	AND a.option_code IN ('disability', 'elderly'));

-- Quotas (admin 60, csw 80 in the definition) and completed counts.
INSERT INTO survey_quota (survey_id, respondent_group, quota, completed)
SELECT survey_id, grp, CASE grp WHEN 'admin' THEN 60 WHEN 'csw' THEN 80 END,
    COUNT(*)
FROM demo_resp GROUP BY survey_id, grp;

-- Five invitation codes for CSW staff: karika-demo-invite-1 to -5 (only
-- their SHA-256 is stored).
INSERT INTO survey_invitation (survey_id, code_hash, respondent_group)
WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 5)
SELECT @s2, UNHEX(SHA2(CONCAT('karika-demo-invite-', n), 256)), 'csw' FROM seq;

DROP TEMPORARY TABLE demo_resp, demo_w, demo_pick, demo_multi;

-- Case management and activation (issue 15): the pilot's two priority
-- groups, its cooperation protocol with eight partners, and the
-- work-capable people whose cases demo-accounts.sql opens (cases need
-- their lead worker's account).  Names invented, as everywhere here.
SET @m = (SELECT id FROM municipality WHERE code = 'novi-pazar');
INSERT INTO priority_group (municipality_id, code, name_sr_latn,
    name_sr_cyrl, name_bs, name_en, derive, position) VALUES
(@m, 'dv-women', 'Žene žrtve nasilja u porodici',
 'Жене жртве насиља у породици', 'Žene žrtve nasilja u porodici',
 'Women victims of domestic violence', 'manual', 1),
(@m, 'rural-ota', 'Korisnici jednokratne pomoći na selu',
 'Корисници једнократне помоћи на селу',
 'Korisnici jednokratne pomoći na selu',
 'Rural recipients of one-time assistance', 'rural-ota', 2);

INSERT INTO organisation (municipality_id, name, name_cyrl, kind, category,
    registration_number, address, phone, email) VALUES
(@m, 'Nacionalna služba za zapošljavanje, filijala Novi Pazar',
 'Национална служба за запошљавање, филијала Нови Пазар', 'public',
 'partner', '17000011', 'Stane Bačanin 18', '+381 20 000 011',
 'nsz.np@example.org'),
(@m, 'Dom zdravlja Novi Pazar', 'Дом здравља Нови Пазар', 'public',
 'partner', '17000012', 'Generala Živkovića 1', '+381 20 000 012',
 'dz.np@example.org'),
(@m, 'Tehnička škola Novi Pazar', 'Техничка школа Нови Пазар', 'public',
 'partner', '17000013', 'Rifata Burdževića 10', '+381 20 000 013',
 'ts.np@example.org'),
(@m, 'Udruženje žena „Iskra“', 'Удружење жена „Искра“', 'association',
 'partner', '17000014', 'Ejupa Kurtagića 4', '+381 20 000 014',
 'iskra@example.org'),
(@m, 'Socijalno preduzeće „Zanatski centar“',
 'Социјално предузеће „Занатски центар“', 'other', 'partner', '17000015',
 '28. novembra 30', '+381 20 000 015', 'zanatski@example.org'),
(@m, 'Socijalna zadruga „Pešter“', 'Социјална задруга „Пештер“', 'other',
 'partner', '17000016', 'Deževa bb', '+381 20 000 016',
 'pester@example.org'),
(@m, 'Regionalna privredna komora Novi Pazar',
 'Регионална привредна комора Нови Пазар', 'public', 'partner',
 '17000017', 'Stevana Nemanje 40', '+381 20 000 017',
 'rpk.np@example.org'),
(@m, 'Tekstil NP d.o.o.', 'Текстил НП д.о.о.', 'private', 'partner',
 '17000018', 'Industrijska zona bb', '+381 20 000 018',
 'tekstil@example.org');

INSERT INTO protocol (municipality_id, title, signed_on) VALUES
(@m, 'Protokol o saradnji u integrisanom vođenju slučaja i aktivaciji',
 '2025-02-14');
SET @proto = LAST_INSERT_ID();
INSERT INTO protocol_partner (protocol_id, organisation_id, commitments)
SELECT @proto, o.id, CASE o.registration_number
    WHEN '17000011' THEN 'Evidencija, savetovanje i posredovanje u zapošljavanju; mere aktivne politike zapošljavanja.'
    WHEN '17000012' THEN 'Procena radne sposobnosti i zdravstvena podrška u roku od 15 dana od uputa.'
    WHEN '17000013' THEN 'Obuke za sticanje i dokvalifikaciju zanimanja.'
    WHEN '17000014' THEN 'Psihosocijalna podrška ženama i grupe samopomoći.'
    WHEN '17000015' THEN 'Radna mesta i radno osposobljavanje u socijalnom preduzeću.'
    WHEN '17000016' THEN 'Zapošljavanje u zadruzi, sezonski i stalni poslovi.'
    WHEN '17000017' THEN 'Povezivanje sa poslodavcima i podrška samozapošljavanju.'
    ELSE 'Prijem kandidata na probni rad i zapošljavanje.' END
FROM organisation o WHERE o.municipality_id = @m AND o.category = 'partner';

-- Twenty-eight work-capable adults for the cases (eighteen closed with
-- the pilot's outcomes, ten open); 'r' settlements are rural.
INSERT INTO person (municipality_id, given_name, family_name, name_key,
    family_key, birth_date, sex, settlement_id, address, phone)
WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 28)
SELECT @m,
    ELT(1 + n % 14, 'Alma', 'Fahrudin', 'Mirsada', 'Dejan', 'Azra', 'Zoran',
	'Emina', 'Sead', 'Dragana', 'Nermin', 'Hana', 'Milan', 'Sabina',
	'Edin'),
    ELT(1 + n % 9, 'Kurtović', 'Dudić', 'Rovčanin', 'Jovanović', 'Bihorac',
	'Lekić', 'Gegić', 'Marković', 'Fetahović'),
    '', '', DATE '1975-03-01' + INTERVAL (n * 311) DAY,
    IF(n % 14 IN (0, 2, 4, 6, 8, 10, 12), 'female', 'male'),
    (SELECT id FROM settlement WHERE municipality_id = @m AND name =
	ELT(1 + n % 5, 'Novi Pazar', 'Deževa', 'Trnava', 'Postenje', 'Mur')),
    CONCAT('Ulica ', n, ' bb'), CONCAT('+381 63 000 ', LPAD(n, 4, '0'))
FROM seq;
SET @a0 = LAST_INSERT_ID() - 1;
UPDATE person SET
    name_key = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
	LOWER(CONCAT(given_name, ' ', family_name)), 'đ', 'd'), 'č', 'c'),
	'ć', 'c'), 'š', 's'), 'ž', 'z'), 'dj', 'd'),
    family_key = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
	LOWER(family_name), 'đ', 'd'), 'č', 'c'), 'ć', 'c'), 'š', 's'),
	'ž', 'z'), 'dj', 'd')
WHERE id BETWEEN @a0 + 1 AND @a0 + 28;

-- Group training in personal and business competences (its members and
-- attendance follow the cases, in demo-accounts.sql).
INSERT INTO group_activity (municipality_id, title, organisation_id,
    starts_on)
SELECT @m, 'Obuka: lične i poslovne kompetencije', o.id, '2025-04-07'
FROM organisation o WHERE o.municipality_id = @m
    AND o.registration_number = '17000014';
INSERT INTO group_session (activity_id, held_on, topic)
SELECT g.id, DATE '2025-04-07' + INTERVAL (7 * s.n) DAY,
    ELT(s.n + 1, 'Komunikacija', 'Pisanje biografije', 'Razgovor za posao',
	'Osnove preduzetništva')
FROM group_activity g
JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) s
WHERE g.municipality_id = @m;

-- Reports (issue 14): which answer of the needs survey states a need for
-- which service (the "new-services" question), a residential institution
-- of the town with its quarterly returns for 2026 (the first two
-- accepted, the third waiting for the analyst), and one forecast
-- scenario.
SET @m = (SELECT id FROM municipality WHERE code = 'novi-pazar');
INSERT INTO report_need_map (municipality_id, question, option_code,
    service_id)
SELECT @m, 'new-services', s.code, s.id FROM service s
WHERE s.municipality_id = @m
AND s.code IN ('day-care', 'home-help', 'respite', 'housing');
INSERT INTO organisation (municipality_id, name, name_cyrl, kind, category,
    registration_number, address, phone, email) VALUES
(@m, 'Dom za odrasla i starija lica „Sjenica“',
 'Дом за одрасла и старија лица „Сјеница“', 'other', 'residential',
 '07000003', 'Rasinska 5, 36300 Novi Pazar', '+381 20 000 003',
 'dom@example.org');
SET @o3 = LAST_INSERT_ID();
INSERT INTO report_return (organisation_id, period, places, users,
    admissions, discharges, waiting, status, submitted_at, reviewed_at)
VALUES
(@o3, '2026-01-01', 120, 112, 9, 6, 14, 'accepted', '2026-04-08 09:00:00',
 '2026-04-10 10:00:00'),
(@o3, '2026-04-01', 120, 116, 10, 6, 17, 'accepted', '2026-07-07 09:00:00',
 '2026-07-09 10:00:00'),
(@o3, '2026-07-01', 120, 118, 7, 5, 19, 'submitted', '2026-10-06 09:00:00',
 NULL);
INSERT INTO report_scenario (municipality_id, name, price_change_bp,
    waiting_takeup_pct) VALUES (@m, 'Osnovni', 350, 100);

-- Training (issue 16): the register of professionals and the two courses
-- of the Vojvodina system, "individual assessment and planning" and "work
-- with marginalised communities", each with three short modules and a
-- bank of 16 questions (single and multiple choice, true or false,
-- matching) in sr-Latn, bs and en (sr-Cyrl is transliterated on the
-- page).  Positions: the CSW's case manager and supervisor and the
-- providers' professional worker work on cases (their certificates and
-- licence must be current); a home carer's do not.  The CSW's workers
-- and two providers' staff are in the register; dates count from the
-- day the demo is loaded, so that the demo keeps its shape: a certificate
-- lapsed twelve days ago (lapsed@example.org, demo-accounts.sql), one due
-- in twenty days (worker@example.org), the rest current.
SET @m = (SELECT id FROM municipality WHERE code = 'novi-pazar');
INSERT INTO organisation (municipality_id, name, name_cyrl, kind, category,
    registration_number, address, phone, email)
SELECT @m, 'Centar za socijalni rad Novi Pazar',
    'Центар за социјални рад Нови Пазар', 'public', 'csw', '07000001',
    'Stevana Nemanje 2, 36300 Novi Pazar', '+381 20 000 001',
    'csr.np@example.org' FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM organisation WHERE municipality_id = @m
    AND category = 'csw');
SET @csr = (SELECT MIN(id) FROM organisation WHERE municipality_id = @m
    AND category = 'csw');
SET @o1 = (SELECT MIN(id) FROM organisation WHERE municipality_id = @m
    AND kind = 'association' AND category = 'provider');
SET @o2 = (SELECT MIN(id) FROM organisation WHERE municipality_id = @m
    AND kind = 'public' AND category = 'provider');

INSERT INTO staff_position (municipality_id, code, name_sr_latn,
    name_sr_cyrl, name_bs, name_en, case_work) VALUES
(@m, 'case-manager', 'Voditelj slučaja', 'Водитељ случаја',
 'Voditelj slučaja', 'Case manager', 1),
(@m, 'supervisor', 'Supervizor', 'Супервизор', 'Supervizor',
 'Supervisor', 1),
(@m, 'provider-worker', 'Stručni radnik pružaoca usluge',
 'Стручни радник пружаоца услуге', 'Stručni radnik pružaoca usluge',
 'Provider''s professional worker', 1),
(@m, 'carer', 'Gerontodomaćica', 'Геронтодомаћица', 'Gerontodomaćica',
 'Home carer', 0);

INSERT INTO course (municipality_id, code, title_sr_latn, title_bs,
    title_en, summary_sr_latn, summary_bs, summary_en, validity_months,
    first_due_days, draw, minutes, pass_percent, attempts_max,
    attempts_days, status) VALUES
(@m, 'assessment', 'Individualna procena i planiranje',
 'Individualna procjena i planiranje', 'Individual assessment and planning',
 'Kako se procenjuju potrebe, snage i rizici korisnika i kako se iz procene pravi individualni plan usluga.',
 'Kako se procjenjuju potrebe, snage i rizici korisnika i kako se iz procjene pravi individualni plan usluga.',
 'How the needs, strengths and risks of a service user are assessed, and how an individual service plan follows from the assessment.',
 24, 90, 10, 20, 80, 3, 30, 'published'),
(@m, 'marginalised', 'Rad sa marginalizovanim zajednicama',
 'Rad s marginaliziranim zajednicama', 'Work with marginalised communities',
 'Rad sa romskim zajednicama, ruralnim domaćinstvima i drugim grupama koje teško dolaze do usluga: pristup, poverenje, saradnja.',
 'Rad s romskim zajednicama, ruralnim domaćinstvima i drugim grupama koje teško dolaze do usluga: pristup, povjerenje, saradnja.',
 'Working with Roma communities, rural households and other groups who find it hard to reach services: access, trust, cooperation.',
 36, 90, 10, 20, 70, 3, 30, 'published');
SET @ca = (SELECT id FROM course WHERE municipality_id = @m AND code = 'assessment');
SET @cm = (SELECT id FROM course WHERE municipality_id = @m AND code = 'marginalised');

INSERT INTO course_module (course_id, position, title_sr_latn, title_bs,
    title_en, body_sr_latn, body_bs, body_en) VALUES
(@ca, 1, 'Svrha procene', 'Svrha procjene', 'What an assessment is for',
 'Procena je osnov svake odluke o usluzi. Njome centar za socijalni rad utvrđuje potrebe korisnika, njegove snage i rizike kojima je izložen.\n\nProcena se radi sa korisnikom, a ne o korisniku: njegovo mišljenje i mišljenje porodice deo su nalaza.',
 'Procjena je osnov svake odluke o usluzi. Njome centar za socijalni rad utvrđuje potrebe korisnika, njegove snage i rizike kojima je izložen.\n\nProcjena se radi s korisnikom, a ne o korisniku: njegovo mišljenje i mišljenje porodice dio su nalaza.',
 'An assessment is the basis of every decision about a service. Through it the Centre for Social Work establishes the user''s needs, strengths and the risks they face.\n\nAn assessment is done with the user, not about them: their view and their family''s are part of the findings.'),
(@ca, 2, 'Potrebe, snage i rizici', 'Potrebe, snage i rizici', 'Needs, strengths and risks',
 'Potrebe opisuju šta korisniku nedostaje za bezbedan i dostojanstven život. Snage su ono na šta se može osloniti: porodica, veštine, zajednica.\n\nRizici se procenjuju po verovatnoći i težini posledica. Hitna procena se radi odmah kada je ugrožena bezbednost, a osnovna u roku koji propisuje zakon.',
 'Potrebe opisuju šta korisniku nedostaje za siguran i dostojanstven život. Snage su ono na šta se može osloniti: porodica, vještine, zajednica.\n\nRizici se procjenjuju po vjerovatnoći i težini posljedica. Hitna procjena se radi odmah kada je ugrožena sigurnost, a osnovna u roku koji propisuje zakon.',
 'Needs describe what the user lacks for a safe and dignified life. Strengths are what can be relied on: family, skills, the community.\n\nRisks are weighed by likelihood and by how serious the consequences would be. An urgent assessment is done at once when safety is at stake, an initial one within the time the law sets.'),
(@ca, 3, 'Individualni plan', 'Individualni plan', 'The individual plan',
 'Plan proizlazi iz procene. Ciljevi su konkretni, merljivi i vremenski određeni; za svaku aktivnost zna se ko je odgovoran i do kada.\n\nPlan se redovno preispituje, najmanje na svakih šest meseci, i menja kada se promene okolnosti korisnika.',
 'Plan proizlazi iz procjene. Ciljevi su konkretni, mjerljivi i vremenski određeni; za svaku aktivnost zna se ko je odgovoran i do kada.\n\nPlan se redovno preispituje, najmanje svakih šest mjeseci, i mijenja kada se promijene okolnosti korisnika.',
 'The plan follows from the assessment. Goals are specific, measurable and time-bound; for every activity it is known who is responsible and by when.\n\nThe plan is reviewed regularly, at least every six months, and changed when the user''s circumstances change.'),
(@cm, 1, 'Ko su marginalizovane zajednice', 'Ko su marginalizirane zajednice', 'Who marginalised communities are',
 'Marginalizovane su zajednice koje zbog siromaštva, diskriminacije, udaljenosti ili jezika teže dolaze do usluga: romska naselja, udaljena seoska domaćinstva, ljudi bez ličnih dokumenata.\n\nNiska upotreba usluga ne znači da potrebe nema; često znači da usluga do zajednice ne stiže.',
 'Marginalizirane su zajednice koje zbog siromaštva, diskriminacije, udaljenosti ili jezika teže dolaze do usluga: romska naselja, udaljena seoska domaćinstva, ljudi bez ličnih dokumenata.\n\nNiska upotreba usluga ne znači da potrebe nema; često znači da usluga do zajednice ne stiže.',
 'Marginalised communities are those who, through poverty, discrimination, distance or language, find it harder to reach services: Roma settlements, remote rural households, people without identity documents.\n\nLow use of services does not mean there is no need; it often means the service does not reach the community.'),
(@cm, 2, 'Pristup i poverenje', 'Pristup i povjerenje', 'Access and trust',
 'Rad na terenu, u naselju i u vreme kada su ljudi kod kuće, gradi poverenje bolje od poziva u kancelariju. Zdravstveni i pedagoški asistenti i lokalni saradnici su most do zajednice.\n\nObećava se samo ono što se može ispuniti; nepoverenje se brzo vraća.',
 'Rad na terenu, u naselju i u vrijeme kada su ljudi kod kuće, gradi povjerenje bolje od poziva u kancelariju. Zdravstveni i pedagoški asistenti i lokalni saradnici su most do zajednice.\n\nObećava se samo ono što se može ispuniti; nepovjerenje se brzo vraća.',
 'Outreach work, in the settlement and at times when people are at home, builds trust better than an invitation to the office. Health and teaching assistants and local mediators are the bridge to the community.\n\nPromise only what can be kept; mistrust returns quickly.'),
(@cm, 3, 'Saradnja i prava', 'Saradnja i prava', 'Cooperation and rights',
 'Pristup pravima često počinje dokumentima: upis u matične knjige, lična karta, prijava prebivališta, zdravstveno osiguranje. Centar za socijalni rad sarađuje sa matičnom službom, školom, domom zdravlja i službom zapošljavanja.\n\nPodaci o etničkoj pripadnosti su posebna vrsta podataka i ne beleže se bez zakonskog osnova.',
 'Pristup pravima često počinje dokumentima: upis u matične knjige, lična karta, prijava prebivališta, zdravstveno osiguranje. Centar za socijalni rad sarađuje s matičnom službom, školom, domom zdravlja i službom zapošljavanja.\n\nPodaci o etničkoj pripadnosti su posebna vrsta podataka i ne bilježe se bez zakonskog osnova.',
 'Access to rights often starts with documents: birth registration, an identity card, a registered address, health insurance. The Centre for Social Work cooperates with the registry office, the school, the health centre and the employment service.\n\nData on ethnicity are a special category of personal data and are not recorded without a legal basis.');

-- The banks: questions, then their options (item = 1: a matching item
-- and, in m, its option; correct = 1: a right option).
CREATE TEMPORARY TABLE demo_tq (
	course VARCHAR(24) NOT NULL, code VARCHAR(24) NOT NULL,
	type VARCHAR(16) NOT NULL, sr VARCHAR(1000) NOT NULL,
	bs VARCHAR(1000) NOT NULL, en VARCHAR(1000) NOT NULL
);
CREATE TEMPORARY TABLE demo_to (
	course VARCHAR(24) NOT NULL, q VARCHAR(24) NOT NULL,
	pos INT NOT NULL, item INT NOT NULL, code VARCHAR(24) NOT NULL,
	ok INT NOT NULL, m VARCHAR(24) NULL, sr VARCHAR(300) NOT NULL,
	bs VARCHAR(300) NOT NULL, en VARCHAR(300) NOT NULL
);
INSERT INTO demo_tq VALUES
('assessment', 'a01', 'single', 'Šta je osnov svake odluke o usluzi?', 'Šta je osnov svake odluke o usluzi?', 'What is the basis of every decision about a service?'),
('assessment', 'a02', 'single', 'Kada se radi hitna procena?', 'Kada se radi hitna procjena?', 'When is an urgent assessment done?'),
('assessment', 'a03', 'multiple', 'Šta su snage korisnika? Označite sve što važi.', 'Šta su snage korisnika? Označite sve što važi.', 'Which of these are a user''s strengths? Tick all that apply.'),
('assessment', 'a04', 'truefalse', 'Procena se radi o korisniku, bez njegovog učešća, da bi bila nepristrasna.', 'Procjena se radi o korisniku, bez njegovog učešća, da bi bila nepristrasna.', 'An assessment is done about the user, without their involvement, so that it is impartial.'),
('assessment', 'a05', 'single', 'Koliko često se individualni plan preispituje najmanje?', 'Koliko često se individualni plan preispituje najmanje?', 'How often, at least, is an individual plan reviewed?'),
('assessment', 'a06', 'matching', 'Povežite pojam sa opisom.', 'Povežite pojam s opisom.', 'Match each term with its description.'),
('assessment', 'a07', 'single', 'Kakvi treba da budu ciljevi plana?', 'Kakvi trebaju biti ciljevi plana?', 'What should the plan''s goals be?'),
('assessment', 'a08', 'truefalse', 'Za svaku aktivnost plana zna se ko je odgovoran i do kada.', 'Za svaku aktivnost plana zna se ko je odgovoran i do kada.', 'For every activity of the plan it is known who is responsible and by when.'),
('assessment', 'a09', 'multiple', 'Po čemu se procenjuje rizik? Označite sve što važi.', 'Po čemu se procjenjuje rizik? Označite sve što važi.', 'What is a risk weighed by? Tick all that apply.'),
('assessment', 'a10', 'single', 'Kada se plan menja izvan redovnog preispitivanja?', 'Kada se plan mijenja izvan redovnog preispitivanja?', 'When is a plan changed outside its regular review?'),
('assessment', 'a11', 'truefalse', 'Mišljenje porodice je deo nalaza procene.', 'Mišljenje porodice je dio nalaza procjene.', 'The family''s view is part of the assessment''s findings.'),
('assessment', 'a12', 'single', 'Šta opisuju potrebe korisnika?', 'Šta opisuju potrebe korisnika?', 'What do a user''s needs describe?'),
('assessment', 'a13', 'matching', 'Povežite vrstu procene sa rokom.', 'Povežite vrstu procjene s rokom.', 'Match each kind of assessment with its time.'),
('assessment', 'a14', 'multiple', 'Šta sadrži aktivnost u planu? Označite sve što važi.', 'Šta sadrži aktivnost u planu? Označite sve što važi.', 'What does an activity in the plan state? Tick all that apply.'),
('assessment', 'a15', 'single', 'Iz čega proizlazi individualni plan?', 'Iz čega proizlazi individualni plan?', 'What does the individual plan follow from?'),
('assessment', 'a16', 'truefalse', 'Jednom usvojen plan se ne menja do isteka godine.', 'Jednom usvojen plan se ne mijenja do isteka godine.', 'Once adopted, a plan is not changed before the year is out.'),
('marginalised', 'm01', 'single', 'Šta najčešće znači niska upotreba usluga u zajednici?', 'Šta najčešće znači niska upotreba usluga u zajednici?', 'What does low use of services in a community most often mean?'),
('marginalised', 'm02', 'multiple', 'Koje grupe teže dolaze do usluga? Označite sve što važi.', 'Koje grupe teže dolaze do usluga? Označite sve što važi.', 'Which groups find it harder to reach services? Tick all that apply.'),
('marginalised', 'm03', 'truefalse', 'Poziv u kancelariju gradi poverenje bolje od rada na terenu.', 'Poziv u kancelariju gradi povjerenje bolje od rada na terenu.', 'An invitation to the office builds trust better than outreach work.'),
('marginalised', 'm04', 'single', 'Ko je most između službe i zajednice?', 'Ko je most između službe i zajednice?', 'Who is the bridge between the service and the community?'),
('marginalised', 'm05', 'matching', 'Povežite službu sa onim što obezbeđuje.', 'Povežite službu s onim što obezbjeđuje.', 'Match each office with what it provides.'),
('marginalised', 'm06', 'single', 'Čime često počinje pristup pravima?', 'Čime često počinje pristup pravima?', 'What does access to rights often start with?'),
('marginalised', 'm07', 'truefalse', 'Podaci o etničkoj pripadnosti su posebna vrsta podataka o ličnosti.', 'Podaci o etničkoj pripadnosti su posebna vrsta podataka o ličnosti.', 'Data on ethnicity are a special category of personal data.'),
('marginalised', 'm08', 'multiple', 'Šta gradi poverenje zajednice? Označite sve što važi.', 'Šta gradi povjerenje zajednice? Označite sve što važi.', 'What builds a community''s trust? Tick all that apply.'),
('marginalised', 'm09', 'single', 'Kada je najbolje obići domaćinstvo na terenu?', 'Kada je najbolje obići domaćinstvo na terenu?', 'When is the best time to visit a household?'),
('marginalised', 'm10', 'truefalse', 'Obećava se samo ono što se može ispuniti.', 'Obećava se samo ono što se može ispuniti.', 'Promise only what can be kept.'),
('marginalised', 'm11', 'single', 'Šta se radi kada osoba nema lična dokumenta?', 'Šta se radi kada osoba nema lična dokumenta?', 'What is done when a person has no identity documents?'),
('marginalised', 'm12', 'matching', 'Povežite prepreku sa odgovorom na nju.', 'Povežite prepreku s odgovorom na nju.', 'Match each barrier with a response to it.'),
('marginalised', 'm13', 'multiple', 'Sa kim centar za socijalni rad sarađuje na pristupu pravima? Označite sve što važi.', 'S kim centar za socijalni rad sarađuje na pristupu pravima? Označite sve što važi.', 'Whom does the Centre for Social Work cooperate with on access to rights? Tick all that apply.'),
('marginalised', 'm14', 'single', 'Kada se beleži etnička pripadnost korisnika?', 'Kada se bilježi etnička pripadnost korisnika?', 'When is a user''s ethnicity recorded?'),
('marginalised', 'm15', 'truefalse', 'Udaljenost od centra nije prepreka ako usluga postoji.', 'Udaljenost od centra nije prepreka ako usluga postoji.', 'Distance from the centre is no barrier as long as the service exists.'),
('marginalised', 'm16', 'single', 'Šta se vraća brzo kada se obećanje ne ispuni?', 'Šta se vraća brzo kada se obećanje ne ispuni?', 'What returns quickly when a promise is not kept?');

INSERT INTO demo_to VALUES
('assessment', 'a01', 1, 0, 'a', 1, NULL, 'Procena', 'Procjena', 'The assessment'),
('assessment', 'a01', 2, 0, 'b', 0, NULL, 'Zahtev korisnika', 'Zahtjev korisnika', 'The user''s request'),
('assessment', 'a01', 3, 0, 'c', 0, NULL, 'Raspoloživa mesta', 'Raspoloživa mjesta', 'The places available'),
('assessment', 'a02', 1, 0, 'a', 0, NULL, 'U roku od 30 dana', 'U roku od 30 dana', 'Within 30 days'),
('assessment', 'a02', 2, 0, 'b', 1, NULL, 'Odmah, kada je ugrožena bezbednost', 'Odmah, kada je ugrožena sigurnost', 'At once, when safety is at stake'),
('assessment', 'a02', 3, 0, 'c', 0, NULL, 'Na zahtev porodice', 'Na zahtjev porodice', 'When the family asks'),
('assessment', 'a03', 1, 0, 'a', 1, NULL, 'Podrška porodice', 'Podrška porodice', 'Family support'),
('assessment', 'a03', 2, 0, 'b', 1, NULL, 'Veštine korisnika', 'Vještine korisnika', 'The user''s skills'),
('assessment', 'a03', 3, 0, 'c', 0, NULL, 'Dug za komunalije', 'Dug za komunalije', 'Utility debts'),
('assessment', 'a03', 4, 0, 'd', 1, NULL, 'Veze u zajednici', 'Veze u zajednici', 'Ties in the community'),
('assessment', 'a04', 1, 0, 'true', 0, NULL, '', '', ''),
('assessment', 'a04', 2, 0, 'false', 1, NULL, '', '', ''),
('assessment', 'a05', 1, 0, 'a', 0, NULL, 'Jednom godišnje', 'Jednom godišnje', 'Once a year'),
('assessment', 'a05', 2, 0, 'b', 1, NULL, 'Na svakih šest meseci', 'Svakih šest mjeseci', 'Every six months'),
('assessment', 'a05', 3, 0, 'c', 0, NULL, 'Samo kada korisnik zatraži', 'Samo kada korisnik zatraži', 'Only when the user asks'),
('assessment', 'a06', 1, 1, 'needs', 0, 'lack', 'Potrebe', 'Potrebe', 'Needs'),
('assessment', 'a06', 2, 1, 'strengths', 0, 'rely', 'Snage', 'Snage', 'Strengths'),
('assessment', 'a06', 3, 1, 'risks', 0, 'harm', 'Rizici', 'Rizici', 'Risks'),
('assessment', 'a06', 4, 0, 'lack', 0, NULL, 'Šta nedostaje', 'Šta nedostaje', 'What is lacking'),
('assessment', 'a06', 5, 0, 'rely', 0, NULL, 'Na šta se oslanja', 'Na šta se oslanja', 'What can be relied on'),
('assessment', 'a06', 6, 0, 'harm', 0, NULL, 'Šta može da naškodi', 'Šta može naškoditi', 'What may do harm'),
('assessment', 'a07', 1, 0, 'a', 1, NULL, 'Konkretni, merljivi i vremenski određeni', 'Konkretni, mjerljivi i vremenski određeni', 'Specific, measurable and time-bound'),
('assessment', 'a07', 2, 0, 'b', 0, NULL, 'Opšti, da se lako ispune', 'Opći, da se lako ispune', 'General, so that they are easily met'),
('assessment', 'a07', 3, 0, 'c', 0, NULL, 'Isti za sve korisnike', 'Isti za sve korisnike', 'The same for every user'),
('assessment', 'a08', 1, 0, 'true', 1, NULL, '', '', ''),
('assessment', 'a08', 2, 0, 'false', 0, NULL, '', '', ''),
('assessment', 'a09', 1, 0, 'a', 1, NULL, 'Verovatnoća', 'Vjerovatnoća', 'Likelihood'),
('assessment', 'a09', 2, 0, 'b', 1, NULL, 'Težina posledica', 'Težina posljedica', 'How serious the consequences are'),
('assessment', 'a09', 3, 0, 'c', 0, NULL, 'Broj članova porodice', 'Broj članova porodice', 'The size of the family'),
('assessment', 'a10', 1, 0, 'a', 0, NULL, 'Nikada', 'Nikada', 'Never'),
('assessment', 'a10', 2, 0, 'b', 1, NULL, 'Kada se promene okolnosti korisnika', 'Kada se promijene okolnosti korisnika', 'When the user''s circumstances change'),
('assessment', 'a10', 3, 0, 'c', 0, NULL, 'Kada se promeni voditelj slučaja', 'Kada se promijeni voditelj slučaja', 'When the case manager changes'),
('assessment', 'a11', 1, 0, 'true', 1, NULL, '', '', ''),
('assessment', 'a11', 2, 0, 'false', 0, NULL, '', '', ''),
('assessment', 'a12', 1, 0, 'a', 1, NULL, 'Šta nedostaje za bezbedan i dostojanstven život', 'Šta nedostaje za siguran i dostojanstven život', 'What is lacking for a safe and dignified life'),
('assessment', 'a12', 2, 0, 'b', 0, NULL, 'Želje korisnika za budućnost', 'Želje korisnika za budućnost', 'The user''s wishes for the future'),
('assessment', 'a12', 3, 0, 'c', 0, NULL, 'Usluge koje opština ima', 'Usluge koje općina ima', 'The services the municipality has'),
('assessment', 'a13', 1, 1, 'urgent', 0, 'now', 'Hitna procena', 'Hitna procjena', 'Urgent assessment'),
('assessment', 'a13', 2, 1, 'initial', 0, 'law', 'Osnovna procena', 'Osnovna procjena', 'Initial assessment'),
('assessment', 'a13', 3, 0, 'now', 0, NULL, 'Odmah', 'Odmah', 'At once'),
('assessment', 'a13', 4, 0, 'law', 0, NULL, 'U zakonskom roku', 'U zakonskom roku', 'Within the time the law sets'),
('assessment', 'a14', 1, 0, 'a', 1, NULL, 'Ko je odgovoran', 'Ko je odgovoran', 'Who is responsible'),
('assessment', 'a14', 2, 0, 'b', 1, NULL, 'Rok', 'Rok', 'By when'),
('assessment', 'a14', 3, 0, 'c', 0, NULL, 'Cenu usluge', 'Cijenu usluge', 'The price of the service'),
('assessment', 'a15', 1, 0, 'a', 0, NULL, 'Iz raspoloživih usluga', 'Iz raspoloživih usluga', 'From the services available'),
('assessment', 'a15', 2, 0, 'b', 1, NULL, 'Iz procene', 'Iz procjene', 'From the assessment'),
('assessment', 'a15', 3, 0, 'c', 0, NULL, 'Iz prošlogodišnjeg plana', 'Iz prošlogodišnjeg plana', 'From last year''s plan'),
('assessment', 'a16', 1, 0, 'true', 0, NULL, '', '', ''),
('assessment', 'a16', 2, 0, 'false', 1, NULL, '', '', ''),
('marginalised', 'm01', 1, 0, 'a', 0, NULL, 'Da potrebe nema', 'Da potrebe nema', 'That there is no need'),
('marginalised', 'm01', 2, 0, 'b', 1, NULL, 'Da usluga ne stiže do zajednice', 'Da usluga ne stiže do zajednice', 'That the service does not reach the community'),
('marginalised', 'm01', 3, 0, 'c', 0, NULL, 'Da je usluga preskupa za opštinu', 'Da je usluga preskupa za općinu', 'That the service costs the municipality too much'),
('marginalised', 'm02', 1, 0, 'a', 1, NULL, 'Stanovnici romskih naselja', 'Stanovnici romskih naselja', 'People in Roma settlements'),
('marginalised', 'm02', 2, 0, 'b', 1, NULL, 'Udaljena seoska domaćinstva', 'Udaljena seoska domaćinstva', 'Remote rural households'),
('marginalised', 'm02', 3, 0, 'c', 1, NULL, 'Ljudi bez ličnih dokumenata', 'Ljudi bez ličnih dokumenata', 'People without identity documents'),
('marginalised', 'm02', 4, 0, 'd', 0, NULL, 'Zaposleni u opštinskoj upravi', 'Zaposleni u općinskoj upravi', 'The municipality''s staff'),
('marginalised', 'm03', 1, 0, 'true', 0, NULL, '', '', ''),
('marginalised', 'm03', 2, 0, 'false', 1, NULL, '', '', ''),
('marginalised', 'm04', 1, 0, 'a', 1, NULL, 'Zdravstveni i pedagoški asistenti i lokalni saradnici', 'Zdravstveni i pedagoški asistenti i lokalni saradnici', 'Health and teaching assistants and local mediators'),
('marginalised', 'm04', 2, 0, 'b', 0, NULL, 'Policija', 'Policija', 'The police'),
('marginalised', 'm04', 3, 0, 'c', 0, NULL, 'Sud', 'Sud', 'The court'),
('marginalised', 'm05', 1, 1, 'registry', 0, 'birth', 'Matična služba', 'Matični ured', 'Registry office'),
('marginalised', 'm05', 2, 1, 'health', 0, 'insurance', 'Dom zdravlja', 'Dom zdravlja', 'Health centre'),
('marginalised', 'm05', 3, 1, 'employment', 0, 'jobs', 'Služba zapošljavanja', 'Služba za zapošljavanje', 'Employment service'),
('marginalised', 'm05', 4, 0, 'birth', 0, NULL, 'Upis u matične knjige', 'Upis u matične knjige', 'Birth registration'),
('marginalised', 'm05', 5, 0, 'insurance', 0, NULL, 'Izabranog lekara i lečenje', 'Izabranog ljekara i liječenje', 'A family doctor and treatment'),
('marginalised', 'm05', 6, 0, 'jobs', 0, NULL, 'Posredovanje i obuke za posao', 'Posredovanje i obuke za posao', 'Job placement and training'),
('marginalised', 'm06', 1, 0, 'a', 1, NULL, 'Ličnim dokumentima', 'Ličnim dokumentima', 'Documents'),
('marginalised', 'm06', 2, 0, 'b', 0, NULL, 'Novčanom pomoći', 'Novčanom pomoći', 'Cash assistance'),
('marginalised', 'm06', 3, 0, 'c', 0, NULL, 'Smeštajem', 'Smještajem', 'Accommodation'),
('marginalised', 'm07', 1, 0, 'true', 1, NULL, '', '', ''),
('marginalised', 'm07', 2, 0, 'false', 0, NULL, '', '', ''),
('marginalised', 'm08', 1, 0, 'a', 1, NULL, 'Rad na terenu', 'Rad na terenu', 'Outreach work'),
('marginalised', 'm08', 2, 0, 'b', 1, NULL, 'Ispunjena obećanja', 'Ispunjena obećanja', 'Promises kept'),
('marginalised', 'm08', 3, 0, 'c', 0, NULL, 'Pisani pozivi na sud', 'Pisani pozivi na sud', 'Written court summonses'),
('marginalised', 'm08', 4, 0, 'd', 1, NULL, 'Lokalni saradnici iz zajednice', 'Lokalni saradnici iz zajednice', 'Mediators from the community'),
('marginalised', 'm09', 1, 0, 'a', 0, NULL, 'Uvek u radno vreme službe', 'Uvijek u radno vrijeme službe', 'Always during office hours'),
('marginalised', 'm09', 2, 0, 'b', 1, NULL, 'Kada su ljudi kod kuće', 'Kada su ljudi kod kuće', 'When people are at home'),
('marginalised', 'm09', 3, 0, 'c', 0, NULL, 'Nenajavljeno, noću', 'Nenajavljeno, noću', 'Unannounced, at night'),
('marginalised', 'm10', 1, 0, 'true', 1, NULL, '', '', ''),
('marginalised', 'm10', 2, 0, 'false', 0, NULL, '', '', ''),
('marginalised', 'm11', 1, 0, 'a', 0, NULL, 'Usluga se odbija', 'Usluga se odbija', 'The service is refused'),
('marginalised', 'm11', 2, 0, 'b', 1, NULL, 'Pomaže joj se da ih pribavi, uz saradnju sa matičnom službom', 'Pomaže joj se da ih pribavi, uz saradnju s matičnim uredom', 'They are helped to obtain them, with the registry office'),
('marginalised', 'm11', 3, 0, 'c', 0, NULL, 'Slučaj se predaje policiji', 'Slučaj se predaje policiji', 'The case is handed to the police'),
('marginalised', 'm12', 1, 1, 'distance', 0, 'outreach', 'Udaljenost', 'Udaljenost', 'Distance'),
('marginalised', 'm12', 2, 1, 'language', 0, 'mediator', 'Jezik', 'Jezik', 'Language'),
('marginalised', 'm12', 3, 1, 'papers', 0, 'registry', 'Nema dokumenata', 'Nema dokumenata', 'No documents'),
('marginalised', 'm12', 4, 0, 'outreach', 0, NULL, 'Rad na terenu', 'Rad na terenu', 'Outreach work'),
('marginalised', 'm12', 5, 0, 'mediator', 0, NULL, 'Lokalni saradnik ili prevodilac', 'Lokalni saradnik ili prevodilac', 'A mediator or interpreter'),
('marginalised', 'm12', 6, 0, 'registry', 0, NULL, 'Saradnja sa matičnom službom', 'Saradnja s matičnim uredom', 'Work with the registry office'),
('marginalised', 'm13', 1, 0, 'a', 1, NULL, 'Matična služba', 'Matični ured', 'The registry office'),
('marginalised', 'm13', 2, 0, 'b', 1, NULL, 'Škola', 'Škola', 'The school'),
('marginalised', 'm13', 3, 0, 'c', 1, NULL, 'Dom zdravlja', 'Dom zdravlja', 'The health centre'),
('marginalised', 'm13', 4, 0, 'd', 0, NULL, 'Politička stranka', 'Politička stranka', 'A political party'),
('marginalised', 'm14', 1, 0, 'a', 0, NULL, 'Uvek, radi statistike', 'Uvijek, radi statistike', 'Always, for the statistics'),
('marginalised', 'm14', 2, 0, 'b', 1, NULL, 'Samo uz zakonski osnov', 'Samo uz zakonski osnov', 'Only with a legal basis'),
('marginalised', 'm14', 3, 0, 'c', 0, NULL, 'Kada radnik proceni po izgledu', 'Kada radnik procijeni po izgledu', 'When the worker judges by appearance'),
('marginalised', 'm15', 1, 0, 'true', 0, NULL, '', '', ''),
('marginalised', 'm15', 2, 0, 'false', 1, NULL, '', '', ''),
('marginalised', 'm16', 1, 0, 'a', 1, NULL, 'Nepoverenje', 'Nepovjerenje', 'Mistrust'),
('marginalised', 'm16', 2, 0, 'b', 0, NULL, 'Zahtev za pomoć', 'Zahtjev za pomoć', 'A request for help'),
('marginalised', 'm16', 3, 0, 'c', 0, NULL, 'Žalba sudu', 'Žalba sudu', 'An appeal to the court');

INSERT INTO test_question (course_id, code, type, text_sr_latn, text_bs,
    text_en)
SELECT c.id, q.code, q.type, q.sr, q.bs, q.en FROM demo_tq q
JOIN course c ON c.municipality_id = @m AND c.code = q.course ORDER BY q.code;
INSERT INTO test_option (question_id, position, code, item, label_sr_latn,
    label_bs, label_en, correct, match_code)
SELECT tq.id, o.pos, o.code, o.item, o.sr, o.bs, o.en, o.ok, o.m
FROM demo_to o JOIN course c ON c.municipality_id = @m AND c.code = o.course
JOIN test_question tq ON tq.course_id = c.id AND tq.code = o.q;
DROP TEMPORARY TABLE demo_tq;
DROP TEMPORARY TABLE demo_to;

-- What each position must keep current.
INSERT INTO position_course (position_id, course_id)
SELECT sp.id, c.id FROM staff_position sp JOIN course c
ON c.municipality_id = sp.municipality_id
WHERE sp.municipality_id = @m AND (
    (sp.code IN ('case-manager', 'supervisor') AND c.code = 'assessment')
    OR (sp.code = 'provider-worker'));

-- The professionals.  The e-mail of those with an account links them to it
-- (demo-accounts.sql); the others are in the register without one.
SET @today = UTC_DATE();
INSERT INTO professional (municipality_id, given_name, family_name,
    name_key, email, organisation_id, position_id, profession,
    licence_number, licence_from, licence_to, started_on)
SELECT @m, d.g, d.f, d.k, d.e, d.o, sp.id, d.prof, d.lic,
    d.lf, d.lf + INTERVAL 6 YEAR - INTERVAL 1 DAY, d.st
FROM (
SELECT 'Mirjana' AS g, 'Radović' AS f, 'radovic mirjana' AS k,
    'csw@example.org' AS e, @csr AS o, 'case-manager' AS pos,
    'Socijalni radnik' AS prof, 'SR-2022-0412' AS lic,
    @today - INTERVAL 4 YEAR AS lf, @today - INTERVAL 9 YEAR AS st
UNION ALL SELECT 'Bojan', 'Ristić', 'ristic bojan', 'csw2@example.org', @csr,
    'supervisor', 'Psiholog', 'PS-2021-0077', @today - INTERVAL 3 YEAR,
    @today - INTERVAL 14 YEAR
UNION ALL SELECT 'Lejla', 'Mujović', 'mujovic lejla', 'lapsed@example.org',
    @csr, 'case-manager', 'Socijalni radnik', 'SR-2023-0150',
    @today - INTERVAL 2 YEAR, @today - INTERVAL 5 YEAR
UNION ALL SELECT 'Selma', 'Hadžić', 'hadzic selma', 'provider1@example.org',
    @o1, 'provider-worker', 'Defektolog', 'DF-2024-0031',
    @today - INTERVAL 1 YEAR, @today - INTERVAL 3 YEAR
UNION ALL SELECT 'Emina', 'Kurtović', 'kurtovic emina', 'worker@example.org',
    @o1, 'provider-worker', 'Pedagog', 'PD-2025-0208',
    @today - INTERVAL 200 DAY, @today - INTERVAL 70 DAY
UNION ALL SELECT 'Dragana', 'Nikolić', 'nikolic dragana', NULL, @o2,
    'carer', 'Gerontodomaćica', NULL, NULL, @today - INTERVAL 2 YEAR
UNION ALL SELECT 'Amer', 'Škrijelj', 'skrijelj amer', NULL, @csr,
    'case-manager', 'Socijalni radnik', 'SR-2021-0390',
    @today - INTERVAL 5 YEAR - INTERVAL 300 DAY, @today - INTERVAL 6 YEAR
) d JOIN staff_position sp ON sp.municipality_id = @m AND sp.code = d.pos;
UPDATE professional SET licence_to = NULL, licence_from = NULL
WHERE municipality_id = @m AND licence_number IS NULL;

-- Certificates: current ones for most; lapsed@'s assessment certificate
-- lapsed twelve days ago; worker@ holds the assessment one and has the
-- marginalised course due (started 70 days ago, 90 days to take it).
INSERT INTO certificate (code, professional_id, course_id, issued_on,
    valid_to)
SELECT CONCAT('d3m0-', LPAD(p.id, 4, '0'), '-', c.code_n, '-0000'), p.id, c.id,
    d.issued, d.issued + INTERVAL c.validity_months MONTH - INTERVAL 1 DAY
FROM (
SELECT 'csw@example.org' AS e, 'assessment' AS cc,
    @today - INTERVAL 300 DAY AS issued
UNION ALL SELECT 'csw2@example.org', 'assessment', @today - INTERVAL 100 DAY
UNION ALL SELECT 'lapsed@example.org', 'assessment',
    @today - INTERVAL 24 MONTH - INTERVAL 11 DAY
UNION ALL SELECT 'provider1@example.org', 'assessment', @today - INTERVAL 400 DAY
UNION ALL SELECT 'provider1@example.org', 'marginalised', @today - INTERVAL 380 DAY
UNION ALL SELECT 'worker@example.org', 'assessment', @today - INTERVAL 150 DAY
) d JOIN professional p ON p.municipality_id = @m AND p.email = d.e
JOIN (SELECT id, code, validity_months, IF(code = 'assessment', 'a55e', 'm4rg')
    AS code_n FROM course WHERE municipality_id = @m) c ON c.code = d.cc;
-- Amer Škrijelj: no account, the assessment certificate in 40 days.
INSERT INTO certificate (code, professional_id, course_id, issued_on,
    valid_to)
SELECT 'd3m0-amer-a55e-0000', p.id, c.id,
    @today - INTERVAL 24 MONTH + INTERVAL 41 DAY, @today + INTERVAL 40 DAY
FROM professional p JOIN course c ON c.municipality_id = @m
AND c.code = 'assessment' WHERE p.municipality_id = @m
AND p.name_key = 'skrijelj amer';

-- Each professional's next lapse, as karika-training computes it
-- (registry/stmt.c, STMT_PRO_REFRESH).
UPDATE professional p
JOIN staff_position sp ON sp.id = p.position_id LEFT JOIN (
SELECT x.pid, x.due, x.what, x.course FROM (SELECT i.pid, i.due,
i.what, i.course, ROW_NUMBER() OVER (PARTITION BY i.pid
ORDER BY i.due, i.what, i.course) AS rn FROM (
SELECT p2.id AS pid, p2.licence_to AS due, 'licence' AS what,
0 AS course FROM professional p2 WHERE p2.licence_to IS NOT NULL
UNION ALL
SELECT p2.id, COALESCE(MAX(ce.valid_to), MIN(p2.started_on) +
INTERVAL MIN(c.first_due_days) - 1 DAY), 'course', c.id
FROM professional p2
JOIN position_course pc ON pc.position_id = p2.position_id
JOIN course c ON c.id = pc.course_id AND c.status = 'published'
LEFT JOIN certificate ce ON ce.professional_id = p2.id
AND ce.course_id = c.id GROUP BY p2.id, c.id) i) x WHERE x.rn = 1) d
ON d.pid = p.id
SET p.due_on = d.due, p.due_what = d.what,
p.due_course_id = NULLIF(d.course, 0),
p.access_until = IF(sp.case_work, d.due, NULL)
WHERE p.municipality_id = @m;

-- Applications (issue 13): what each service open for online
-- application asks for (the birth certificate the CSW obtains itself:
-- once-only), and the coded priority criteria of its waiting list.
INSERT INTO service_document (service_id, kind_id, required, by_csw)
SELECT s.id, k.id, k.code <> 'other', k.code = 'birth'
FROM service s JOIN document_kind k
WHERE s.municipality_id = @m AND s.online_application AND (
    (s.code IN ('day-care', 'companion') AND k.code IN ('commission',
	'medical', 'residence', 'birth'))
    OR (s.code IN ('home-help', 'respite') AND k.code IN ('medical',
	'residence', 'birth'))
    OR (s.code = 'family-support' AND k.code IN ('residence', 'birth',
	'other')));
INSERT INTO priority_criterion (service_id, code, points, position)
SELECT s.id, c.code, c.points, c.position FROM service s
JOIN (SELECT 'severe' AS code, 30 AS points, 1 AS position
    UNION ALL SELECT 'single-parent', 20, 2
    UNION ALL SELECT 'low-income', 15, 3
    UNION ALL SELECT 'siblings', 10, 4) c
WHERE s.municipality_id = @m AND s.online_application;
