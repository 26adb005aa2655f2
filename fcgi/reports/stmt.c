/* SPDX-License-Identifier: ISC */
/*
 * stmt.c: the whole SQL surface of karika-reports (a reader of the
 * register through its report_* views; it writes only its own scenario
 * and return tables).  Review it together with sql/grants.sql.  Adding a
 * statement: its enum in stmt.h, its entry here (designated, so that no
 * entry can slip to another index), the grant it needs.
 *
 * Shared shapes: "in year ?" is an enrolment that starts before the next
 * year and has not ended before the year (start_date < MAKEDATE(y + 1, 1)
 * AND (end_date IS NULL OR end_date >= MAKEDATE(y, 1))); "(? = 0 OR col =
 * ?)" is an optional filter, 0 for all.  Costs are SUM(units x the year's
 * price in para), DECIMAL arithmetic rounded once to whole para.
 */
#include "karika.h"
#include "stmt.h"

/* An enrolment e active at some time in year ? (two parameters). */
#define IN_YEAR                                                                \
	"e.start_date < MAKEDATE(? + 1, 1) "                                   \
	"AND (e.end_date IS NULL OR e.end_date >= MAKEDATE(?, 1)) "
/* Deliveries d of year ? (two parameters). */
#define D_YEAR "d.month >= MAKEDATE(?, 1) AND d.month < MAKEDATE(? + 1, 1) "
/* An application decided in year ? (two parameters). */
#define DECIDED_IN                                                             \
	"a.decided_on >= MAKEDATE(?, 1) AND a.decided_on < MAKEDATE(? + 1, "   \
	"1) "
/* An organisation's name: name_cyrl on a sr-Cyrl page (locale 1). */
#define ORG_NAME "IF(? = 1, COALESCE(o.name_cyrl, o.name), o.name) AS name "
#define SVC_NAME                                                               \
	"ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en) AS "     \
	"name "
/* People of the town in a service (0: any), provider (0: any), year. */
#define BD_WHERE                                                               \
	"WHERE e.municipality_id = ? AND (? = 0 OR e.service_id = ?) "         \
	"AND (? = 0 OR e.organisation_id = ?) AND " IN_YEAR
/* The same people, each once: a derived table d (person_id) read once
 * per statement, where a join per breakdown would read every enrolment
 * and its person again. */
#define BD_PEOPLE                                                              \
	"(SELECT DISTINCT e.person_id FROM report_enrolment e " BD_WHERE ") "  \
	"d "
/*
 * Units delivered in the town's services per service, provider and month
 * of years ? to ? (migration 0019): the summary of closed months
 * (report_month) and, for the provider months it does not hold, the
 * deliveries themselves from month ? (STMT_OPEN_FROM: the first month
 * any provider of the town is missing from the summary) on.  Columns
 * service_id, organisation_id, month, centi (units x 100), deliveries.
 * Six parameters: town, first year, last year, town, that month, last
 * year.  Cost is centi x the year's price / 100, summed before it is
 * rounded: the same para as SUM(units x price).
 */
#define MONTHS_SRC                                                             \
	"(SELECT r.service_id, r.organisation_id, r.month, r.centi, "          \
	"r.deliveries FROM report_month r WHERE r.municipality_id = ? "        \
	"AND r.month >= MAKEDATE(?, 1) AND r.month < MAKEDATE(? + 1, 1) "      \
	"UNION ALL SELECT g.service_id, g.organisation_id, g.month, g.centi, " \
	"g.deliveries FROM (SELECT d.service_id, d.organisation_id, d.month, " \
	"CAST(SUM(d.units) * 100 AS SIGNED) AS centi, COUNT(*) AS deliveries " \
	"FROM report_delivery d WHERE d.municipality_id = ? "                  \
	"AND d.month >= ? AND d.month < MAKEDATE(? + 1, 1) "                   \
	"GROUP BY d.service_id, d.organisation_id, d.month) g "                \
	"WHERE NOT EXISTS (SELECT 1 FROM report_month_done x "                 \
	"WHERE x.organisation_id = g.organisation_id "                         \
	"AND x.month = g.month)) u "
/*
 * MONTHS_SRC for one service, filtered inside both halves (the summary's
 * rows and the deliveries grouped) rather than after the town's every
 * service is summed: the single-service pages.  Eight parameters: town,
 * first year, last year, service, town, that month, last year, service
 * (DBP_MONTHS_SVC).
 */
#define MONTHS_SVC_SRC                                                         \
	"(SELECT r.service_id, r.organisation_id, r.month, r.centi, "          \
	"r.deliveries FROM report_month r WHERE r.municipality_id = ? "        \
	"AND r.month >= MAKEDATE(?, 1) AND r.month < MAKEDATE(? + 1, 1) "      \
	"AND r.service_id = ? "                                                \
	"UNION ALL SELECT g.service_id, g.organisation_id, g.month, g.centi, " \
	"g.deliveries FROM (SELECT d.service_id, d.organisation_id, d.month, " \
	"CAST(SUM(d.units) * 100 AS SIGNED) AS centi, COUNT(*) AS deliveries " \
	"FROM report_delivery d WHERE d.municipality_id = ? "                  \
	"AND d.month >= ? AND d.month < MAKEDATE(? + 1, 1) "                   \
	"AND d.service_id = ? "                                                \
	"GROUP BY d.service_id, d.organisation_id, d.month) g "                \
	"WHERE NOT EXISTS (SELECT 1 FROM report_month_done x "                 \
	"WHERE x.organisation_id = g.organisation_id "                         \
	"AND x.month = g.month)) u "
#define U_COST                                                                 \
	"CAST(ROUND(SUM(u.centi * COALESCE(p.price_para, 0)) / 100) AS "       \
	"SIGNED) AS cost "

const char *const stmt_sql[STMT__MAX] = {
    /* People enrolled at any time in year ?, once each, per service. */
    [STMT_USERS_PER_SERVICE] =
	"SELECT s.id AS service, s.code, g.code AS `group`, "
	"ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en) AS name, "
	"COUNT(DISTINCT e.person_id) AS users "
	"FROM service s JOIN service_group g ON g.id = s.group_id "
	"LEFT JOIN report_enrolment e ON e.service_id = s.id "
	"AND e.start_date < MAKEDATE(? + 1, 1) "
	"AND (e.end_date IS NULL OR e.end_date >= MAKEDATE(?, 1)) "
	"WHERE s.municipality_id = ? AND s.active "
	"GROUP BY s.id, s.code, g.code, g.position, name "
	"ORDER BY g.position, name",
    /* The caller's town (locale, id). */
    [STMT_MUNI_BY_ID] =
	"SELECT id, code, ELT(?, name_sr_cyrl, name_sr_latn, name_bs, "
	"name_en) AS name, country, currency, small_cell_k AS k "
	"FROM municipality WHERE id = ?",
    /* A service of the town (locale, id, town). */
    [STMT_SERVICE_ONE] =
	"SELECT s.id, s.code, " SVC_NAME ", s.unit "
	"FROM service s WHERE s.id = ? AND s.municipality_id = ?",
    /* An organisation of the town (locale, id, town). */
    [STMT_ORG_ONE] =
	"SELECT o.id, " ORG_NAME ", o.category "
	"FROM organisation o WHERE o.id = ? AND o.municipality_id = ?",
    /* Per service: people in the year and active on a day (locale, day,
     * day, year, year, provider, provider, town). */
    [STMT_FIG_SERVICES] =
	"SELECT s.id, s.code, g.code AS `group`, " SVC_NAME ", s.unit, "
	"COUNT(DISTINCT e.person_id) AS users, "
	"COUNT(DISTINCT IF(e.start_date <= ? AND (e.end_date IS NULL "
	"OR e.end_date >= ?), e.person_id, NULL)) AS active "
	"FROM service s JOIN service_group g ON g.id = s.group_id "
	"LEFT JOIN report_enrolment e ON e.service_id = s.id AND " IN_YEAR
	"AND (? = 0 OR e.organisation_id = ?) "
	"WHERE s.municipality_id = ? "
	"GROUP BY s.id, s.code, g.code, g.position, name, s.unit "
	"ORDER BY g.position, name",
    /* Per service: units delivered in the year and their cost at the
     * year's price (MONTHS_SRC's six, year, provider, provider). */
    [STMT_FIG_UNITS] =
	"SELECT u.service_id AS id, CAST(SUM(u.centi) AS SIGNED) AS "
	"centi, " U_COST
	", SUM(u.deliveries * (p.price_para IS NULL)) AS unpriced "
	"FROM " MONTHS_SRC "LEFT JOIN service_price p "
	"ON p.service_id = u.service_id AND p.year = ? "
	"WHERE (? = 0 OR u.organisation_id = ?) GROUP BY u.service_id",
    /* Per service: places funded in the year (town, year, provider,
     * provider). */
    [STMT_FIG_CAPACITY] =
	"SELECT c.service_id AS id, SUM(c.places) AS places "
	"FROM capacity c JOIN service s ON s.id = c.service_id "
	"WHERE s.municipality_id = ? AND c.year = ? "
	"AND (? = 0 OR c.organisation_id = ?) GROUP BY c.service_id",
    /* Different people in the year and how they divide by settlement,
     * sex and age group, in one pass over them (year, then town,
     * service, service, provider, provider, year, year): users counts
     * each person once; `dim.key` columns as write_breakdowns() reads
     * them.  Age is the year minus the birth year. */
    [STMT_FIG_PEOPLE] = "SELECT COUNT(*) AS users, "
			"SUM(x.area = 'urban') AS `area.urban`, "
			"SUM(x.area = 'rural') AS `area.rural`, "
			"SUM(x.area IS NULL) AS `area.unknown`, "
			"SUM(x.sex = 'female') AS `sex.female`, "
			"SUM(x.sex = 'male') AS `sex.male`, "
			"SUM(x.sex IS NULL) AS `sex.unknown`, "
			"SUM(x.age < 7) AS `age.0-6`, "
			"SUM(x.age >= 7 AND x.age < 18) AS `age.7-17`, "
			"SUM(x.age >= 18 AND x.age < 26) AS `age.18-25`, "
			"SUM(x.age >= 26 AND x.age < 65) AS `age.26-64`, "
			"SUM(x.age >= 65 AND x.age < 80) AS `age.65-79`, "
			"SUM(x.age >= 80) AS `age.80-plus`, "
			"SUM(x.age IS NULL) AS `age.unknown` "
			"FROM (SELECT p.area, p.sex, ? - p.born AS age "
			"FROM " BD_PEOPLE "JOIN report_person p "
			"ON p.person_id = d.person_id) x",
    /* The providers of a service: people in the year, active on a day
     * (locale, day, day, year, year, service, town, provider, provider,
     * service, year). */
    [STMT_FIG_PROVIDERS] =
	"SELECT o.id, " ORG_NAME ", "
	"COUNT(DISTINCT e.person_id) AS users, "
	"COUNT(DISTINCT IF(e.start_date <= ? AND (e.end_date IS NULL "
	"OR e.end_date >= ?), e.person_id, NULL)) AS active "
	"FROM organisation o LEFT JOIN report_enrolment e "
	"ON e.organisation_id = o.id AND " IN_YEAR "AND e.service_id = ? "
	"WHERE o.municipality_id = ? AND (? = 0 OR o.id = ?) "
	"AND (e.person_id IS NOT NULL OR EXISTS (SELECT 1 FROM capacity c "
	"WHERE c.organisation_id = o.id AND c.service_id = ? "
	"AND c.year = ?)) "
	"GROUP BY o.id, name ORDER BY name",
    /* Units and cost of a service per provider (MONTHS_SVC_SRC's eight,
     * year, provider, provider). */
    [STMT_FIG_UNITS_PROV] =
	"SELECT u.organisation_id AS id, CAST(SUM(u.centi) AS SIGNED) AS "
	"centi, " U_COST "FROM " MONTHS_SVC_SRC "LEFT JOIN service_price p "
	"ON p.service_id = u.service_id AND p.year = ? "
	"WHERE (? = 0 OR u.organisation_id = ?) GROUP BY u.organisation_id",
    /* Places of a service per provider (service, year). */
    [STMT_FIG_CAP_PROV] = "SELECT organisation_id AS id, places FROM capacity "
			  "WHERE service_id = ? AND year = ?",
    /* People of a service (and provider) per month of the year (year,
     * year, service, provider, provider, town). */
    [STMT_FIG_MONTHS] =
	"WITH RECURSIVE mo (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM mo "
	"WHERE n < 12) "
	"SELECT mo.n AS month, COUNT(DISTINCT e.person_id) AS users "
	"FROM mo LEFT JOIN report_enrolment e "
	"ON e.start_date < MAKEDATE(?, 1) + INTERVAL mo.n MONTH "
	"AND (e.end_date IS NULL "
	"OR e.end_date >= MAKEDATE(?, 1) + INTERVAL (mo.n - 1) MONTH) "
	"AND e.service_id = ? AND (? = 0 OR e.organisation_id = ?) "
	"AND e.municipality_id = ? GROUP BY mo.n ORDER BY mo.n",
    /* Units and cost per month (MONTHS_SVC_SRC's eight, year, provider,
     * provider). */
    [STMT_FIG_UNITS_MONTH] =
	"SELECT MONTH(u.month) AS month, CAST(SUM(u.centi) AS SIGNED) AS "
	"centi, " U_COST "FROM " MONTHS_SVC_SRC "LEFT JOIN service_price p "
	"ON p.service_id = u.service_id AND p.year = ? "
	"WHERE (? = 0 OR u.organisation_id = ?) GROUP BY MONTH(u.month)",
    /* People in the year per kind of disability or difficulty (town,
     * service, service, provider, provider, year, year): a person with
     * two needs counts in both, once in each. */
    [STMT_BD_NEED] = "SELECT n.need AS `key`, COUNT(*) AS users FROM " BD_PEOPLE
		     "JOIN report_person_need n ON n.person_id = d.person_id "
		     "GROUP BY n.need ORDER BY n.need",
    /* The people behind a figure: the registry's stored query (town,
     * service, provider or 0, year, month or 0).  CSW only, audited. */
    [STMT_PERSONS] = "CALL report_persons(?, ?, ?, ?, ?)",
    /* Per service: waiting now, refused for lack of places in the year
     * (approved without a free place, report_waiting of 0024), places
     * and unit price of the year (locale, year, year, year, year,
     * town). */
    [STMT_DEMAND] =
	"SELECT s.id, s.code, " SVC_NAME ", s.unit, "
	"(SELECT COUNT(*) FROM report_waiting w WHERE w.service_id = s.id "
	"AND w.kind = 'waiting') AS waiting, "
	"(SELECT COUNT(*) FROM report_waiting w WHERE w.service_id = s.id "
	"AND w.kind = 'refused' AND w.since >= MAKEDATE(?, 1) "
	"AND w.since < MAKEDATE(? + 1, 1)) AS refused, "
	"(SELECT SUM(c.places) FROM capacity c WHERE c.service_id = s.id "
	"AND c.year = ?) AS places, "
	"(SELECT p.price_para FROM service_price p WHERE p.service_id = s.id "
	"AND p.year = ?) AS price "
	"FROM service s WHERE s.municipality_id = ? "
	"ORDER BY s.group_id, name",
    /* The town's latest survey with answers (town). */
    [STMT_SURVEY_LATEST] =
	"SELECT survey_id AS id, survey AS code, closes_on AS closes, "
	"respondents, results_published AS published FROM report_survey "
	"WHERE municipality_id = ? "
	"AND respondents > 0 ORDER BY closes_on DESC, survey_id DESC LIMIT 1",
    /* Respondents of a survey stating a need per service, through the
     * town's mapping of answers to services (survey, town). */
    [STMT_SURVEY_NEEDS] =
	"SELECT m.service_id AS id, SUM(o.respondents) AS respondents "
	"FROM report_need_map m JOIN report_survey_option o "
	"ON o.survey_id = ? AND o.question = m.question "
	"AND o.option_code = m.option_code "
	"WHERE m.municipality_id = ? GROUP BY m.service_id",
    /* The first year the town has an enrolment in (town). */
    [STMT_FIRST_YEAR] =
	"SELECT YEAR(MIN((SELECT MIN(e.start_date) FROM report_enrolment e "
	"WHERE e.service_id = s.id))) AS first FROM service s "
	"WHERE s.municipality_id = ?",
    /* People per service per year from year ? to year ? (first, last,
     * town): the points of the trend. */
    [STMT_USERS_BY_YEAR] =
	"WITH RECURSIVE yr (y) AS (SELECT CAST(? AS INT) UNION ALL "
	"SELECT y + 1 FROM yr WHERE y < ?) "
	"SELECT s.id, yr.y AS year, COUNT(DISTINCT e.person_id) AS users "
	"FROM service s JOIN yr LEFT JOIN report_enrolment e "
	"ON e.service_id = s.id AND e.start_date < MAKEDATE(yr.y + 1, 1) "
	"AND (e.end_date IS NULL OR e.end_date >= MAKEDATE(yr.y, 1)) "
	"WHERE s.municipality_id = ? GROUP BY s.id, yr.y "
	"ORDER BY s.id, yr.y",
    /* Months of a year with deliveries in the town (town, year, year). */
    [STMT_DELIVERY_MONTHS] =
	"SELECT COUNT(DISTINCT d.month) AS months FROM report_delivery d "
	"WHERE d.municipality_id = ? AND " D_YEAR,
    /* Unit prices of a year (year, town). */
    [STMT_PRICES_OF_YEAR] =
	"SELECT p.service_id AS id, p.price_para AS price "
	"FROM service_price p JOIN service s ON s.id = p.service_id "
	"WHERE p.year = ? AND s.municipality_id = ?",
    /* The town's forecast scenarios (town). */
    [STMT_SCENARIOS] =
	"SELECT id, name, price_change_bp AS bp, waiting_takeup_pct AS takeup "
	"FROM report_scenario WHERE municipality_id = ? ORDER BY name, id "
	"LIMIT 200",
    /* One scenario of the town (id, town). */
    [STMT_SCENARIO_ONE] =
	"SELECT id, name, price_change_bp AS bp, waiting_takeup_pct AS takeup "
	"FROM report_scenario WHERE id = ? AND municipality_id = ?",
    /* A scenario's extra places per service (scenario). */
    [STMT_SCENARIO_PLACES] =
	"SELECT service_id AS id, extra_places AS extra "
	"FROM report_scenario_service WHERE scenario_id = ?",
    /* (town, name, bp, takeup, account) */
    [STMT_SCENARIO_INSERT] =
	"INSERT INTO report_scenario (municipality_id, name, price_change_bp, "
	"waiting_takeup_pct, updated_by) VALUES (?, ?, ?, ?, ?)",
    /* (name, bp, takeup, account, id, town) */
    [STMT_SCENARIO_UPDATE] =
	"UPDATE report_scenario SET name = ?, price_change_bp = ?, "
	"waiting_takeup_pct = ?, updated_by = ? "
	"WHERE id = ? AND municipality_id = ?",
    /* (scenario, service, places) */
    [STMT_SCENARIO_PLACES_SET] =
	"INSERT INTO report_scenario_service (scenario_id, service_id, "
	"extra_places) VALUES (?, ?, ?) "
	"ON DUPLICATE KEY UPDATE extra_places = VALUES(extra_places)",
    /* The town's services as a form's choices (locale, town). */
    [STMT_SERVICE_OPTIONS] =
	"SELECT s.id AS value, "
	"ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en) "
	"AS label FROM service s WHERE s.municipality_id = ? "
	"ORDER BY s.group_id, label",
    /* Spending per service per year at each year's price (MONTHS_SRC's
     * six). */
    [STMT_SPEND_BY_YEAR] =
	"SELECT u.service_id AS id, YEAR(u.month) AS year, " U_COST
	"FROM " MONTHS_SRC "LEFT JOIN service_price p "
	"ON p.service_id = u.service_id AND p.year = YEAR(u.month) "
	"GROUP BY u.service_id, YEAR(u.month)",
    /* The town's active services, in the catalogue's order (locale,
     * town). */
    [STMT_PUB_SERVICES] =
	"SELECT s.id, s.code, g.code AS `group`, " SVC_NAME ", s.unit "
	"FROM service s JOIN service_group g ON g.id = s.group_id "
	"WHERE s.municipality_id = ? AND s.active "
	"ORDER BY g.position, name LIMIT 500",
    /* The towns the caller is an analyst of (locale, account). */
    [STMT_PROV_TOWNS] =
	"SELECT m.id, m.code, ELT(?, m.name_sr_cyrl, m.name_sr_latn, "
	"m.name_bs, m.name_en) AS name, m.currency, m.small_cell_k AS k "
	"FROM report_analyst_scope a JOIN municipality m "
	"ON m.id = a.municipality_id WHERE a.account_id = ? "
	"ORDER BY name LIMIT 200",
    /* People per town in a year (year, year, account). */
    [STMT_PROV_USERS] =
	"SELECT e.municipality_id AS id, COUNT(DISTINCT e.person_id) AS users "
	"FROM report_analyst_scope a JOIN report_enrolment e "
	"ON e.municipality_id = a.municipality_id AND " IN_YEAR
	"WHERE a.account_id = ? GROUP BY e.municipality_id",
    /* Units and cost per town in a year (year, year, year, account). */
    [STMT_PROV_COST] =
	"SELECT d.municipality_id AS id, "
	"CAST(SUM(d.units) * 100 AS SIGNED) AS centi, "
	"CAST(ROUND(SUM(d.units * COALESCE(p.price_para, 0))) AS SIGNED) "
	"AS cost FROM report_analyst_scope a JOIN report_delivery d "
	"ON d.municipality_id = a.municipality_id AND " D_YEAR
	"LEFT JOIN service_price p ON p.service_id = d.service_id "
	"AND p.year = ? WHERE a.account_id = ? GROUP BY d.municipality_id",
    /* Places per town in a year (year, account). */
    [STMT_PROV_PLACES] =
	"SELECT s.municipality_id AS id, SUM(c.places) AS places "
	"FROM report_analyst_scope a JOIN service s "
	"ON s.municipality_id = a.municipality_id JOIN capacity c "
	"ON c.service_id = s.id AND c.year = ? WHERE a.account_id = ? "
	"GROUP BY s.municipality_id",
    /* People per town and kind of service (year, year, account). */
    [STMT_PROV_GROUPS] =
	"SELECT e.municipality_id AS id, g.code AS grp, "
	"COUNT(DISTINCT e.person_id) AS users "
	"FROM report_analyst_scope a JOIN report_enrolment e "
	"ON e.municipality_id = a.municipality_id AND " IN_YEAR
	"JOIN service s ON s.id = e.service_id "
	"JOIN service_group g ON g.id = s.group_id "
	"WHERE a.account_id = ? GROUP BY e.municipality_id, g.code",
    /* An institution's returns of a year (organisation, year, year). */
    [STMT_RET_OWN] =
	"SELECT id, period, places, users, admissions, discharges, waiting, "
	"status, reason FROM report_return WHERE organisation_id = ? "
	"AND period >= MAKEDATE(?, 1) AND period < MAKEDATE(? + 1, 1) "
	"ORDER BY period",
    /* The town's returns of a year, those to review first (locale, town,
     * year, year). */
    [STMT_RET_ALL] =
	"SELECT r.id, r.organisation_id AS org, " ORG_NAME ", r.period, "
	"r.places, r.users, r.admissions, r.discharges, r.waiting, r.status, "
	"r.reason FROM report_return r JOIN organisation o "
	"ON o.id = r.organisation_id WHERE o.municipality_id = ? "
	"AND r.period >= MAKEDATE(?, 1) AND r.period < MAKEDATE(? + 1, 1) "
	"ORDER BY FIELD(r.status, 'submitted', 'returned', 'accepted'), "
	"r.period, name LIMIT 1000",
    /* One return of the town (locale, id, town). */
    [STMT_RET_ONE] =
	"SELECT r.id, r.organisation_id AS org, " ORG_NAME ", r.period, "
	"r.places, r.users, r.admissions, r.discharges, r.waiting, r.status, "
	"r.reason, r.submitted_at AS submitted, r.reviewed_at AS reviewed "
	"FROM report_return r JOIN organisation o ON o.id = r.organisation_id "
	"WHERE r.id = ? AND o.municipality_id = ?",
    /* An institution's return of a period (organisation, period). */
    [STMT_RET_PERIOD] =
	"SELECT id, status FROM report_return WHERE organisation_id = ? "
	"AND period = ?",
    /* (organisation, period, places, users, admissions, discharges,
     * waiting, account) */
    [STMT_RET_INSERT] =
	"INSERT INTO report_return (organisation_id, period, places, users, "
	"admissions, discharges, waiting, submitted_by) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    /* A return sent back, corrected (places, users, admissions,
     * discharges, waiting, account, id). */
    [STMT_RET_RESUBMIT] =
	"UPDATE report_return SET places = ?, users = ?, admissions = ?, "
	"discharges = ?, waiting = ?, submitted_by = ?, "
	"submitted_at = CURRENT_TIMESTAMP, status = 'submitted', reason = '', "
	"reviewed_by = NULL, reviewed_at = NULL "
	"WHERE id = ? AND status <> 'accepted'",
    /* The analyst's decision (status, reason, account, id). */
    [STMT_RET_REVIEW] =
	"UPDATE report_return SET status = ?, reason = ?, reviewed_by = ?, "
	"reviewed_at = CURRENT_TIMESTAMP WHERE id = ? AND status = 'submitted'",
    /* Per quarter of a year: institutions, returns received, accepted,
     * sent back, waiting for review, and whether the quarter has ended,
     * so that its returns are due (year, year, town, town, year). */
    [STMT_RET_COMPLETENESS] =
	"WITH RECURSIVE q (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM q "
	"WHERE n < 3) "
	"SELECT MAKEDATE(?, 1) + INTERVAL (3 * q.n) MONTH AS period, "
	"MAKEDATE(?, 1) + INTERVAL (3 * q.n + 3) MONTH <= CURRENT_DATE "
	"AS due, "
	"(SELECT COUNT(*) FROM organisation o WHERE o.municipality_id = ? "
	"AND o.category = 'residential') AS institutions, "
	"COUNT(r.id) AS received, "
	"COALESCE(SUM(r.status = 'accepted'), 0) AS accepted, "
	"COALESCE(SUM(r.status = 'returned'), 0) AS `returned`, "
	"COALESCE(SUM(r.status = 'submitted'), 0) AS review "
	"FROM q LEFT JOIN (report_return r JOIN organisation o2 "
	"ON o2.id = r.organisation_id AND o2.municipality_id = ?) "
	"ON r.period = MAKEDATE(?, 1) + INTERVAL (3 * q.n) MONTH "
	"GROUP BY q.n ORDER BY q.n",
    /* The town's residential institutions with their latest accepted
     * return (locale, town). */
    [STMT_RET_INSTITUTIONS] =
	"SELECT o.id, " ORG_NAME ", r.period, r.places, r.users, "
	"r.admissions, r.discharges, r.waiting "
	"FROM organisation o LEFT JOIN report_return r ON r.id = ("
	"SELECT r2.id FROM report_return r2 WHERE r2.organisation_id = o.id "
	"AND r2.status = 'accepted' ORDER BY r2.period DESC LIMIT 1) "
	"WHERE o.municipality_id = ? AND o.category = 'residential' "
	"ORDER BY name LIMIT 500",
    /* Per provider of the town: places, people, units of a year and
     * people waiting now (locale, year, year, year, year, year, town). */
    [STMT_STATE_PROVIDERS] =
	"SELECT o.id, " ORG_NAME ", "
	"(SELECT SUM(c.places) FROM capacity c WHERE c.organisation_id = o.id "
	"AND c.year = ?) AS places, "
	"(SELECT COUNT(DISTINCT e.person_id) FROM report_enrolment e "
	"WHERE e.organisation_id = o.id AND " IN_YEAR ") AS users, "
	"(SELECT CAST(SUM(d.units) * 100 AS SIGNED) FROM report_delivery d "
	"WHERE d.organisation_id = o.id AND " D_YEAR ") AS centi, "
	"(SELECT COUNT(*) FROM report_waiting w WHERE w.organisation_id = o.id "
	"AND w.kind = 'waiting') AS waiting "
	"FROM organisation o WHERE o.municipality_id = ? "
	"AND o.category IN ('provider', 'residential') ORDER BY name "
	"LIMIT 500",
    /* Per service of the town (locale, year x 8, town): applications
     * by status now (drafts are not applications yet), those undecided
     * by age since submission (up to 30 days, 31 to 60, over 60: the
     * CSW decides within 30 days, or 60 when it must establish facts),
     * those waiting for a place now, and the decisions of the year:
     * approved, approved without a free place (put on the waiting list:
     * the demand page's refused for lack of places), refused, decided
     * within 30 days of submission.  report_application (0024). */
    [STMT_STATE_APPS] =
	"SELECT s.id, " SVC_NAME ", "
	"COALESCE(SUM(a.status = 'submitted'), 0) AS submitted, "
	"COALESCE(SUM(a.status = 'review'), 0) AS review, "
	"COALESCE(SUM(a.status = 'info'), 0) AS info, "
	"COALESCE(SUM(a.decision IS NULL "
	"AND a.status IN ('submitted', 'review', 'info') "
	"AND a.submitted_on >= UTC_DATE() - INTERVAL 30 DAY), 0) AS `age-30`, "
	"COALESCE(SUM(a.decision IS NULL "
	"AND a.status IN ('submitted', 'review', 'info') "
	"AND a.submitted_on < UTC_DATE() - INTERVAL 30 DAY "
	"AND a.submitted_on >= UTC_DATE() - INTERVAL 60 DAY), 0) "
	"AS `age-60`, "
	"COALESCE(SUM(a.decision IS NULL "
	"AND a.status IN ('submitted', 'review', 'info') "
	"AND a.submitted_on < UTC_DATE() - INTERVAL 60 DAY), 0) "
	"AS `age-over`, "
	"COALESCE(SUM(a.status IN ('waiting', 'offered')), 0) AS waiting, "
	"COALESCE(SUM(a.decision = 'approved' AND " DECIDED_IN "), 0) "
	"AS approved, "
	"COALESCE(SUM(a.no_place AND " DECIDED_IN "), 0) AS `no-place`, "
	"COALESCE(SUM(a.decision = 'refused' AND " DECIDED_IN "), 0) "
	"AS refused, "
	"COALESCE(SUM(" DECIDED_IN "AND DATEDIFF(a.decided_on, "
	"a.submitted_on) <= 30), 0) AS `in-time` "
	"FROM service s LEFT JOIN report_application a "
	"ON a.service_id = s.id WHERE s.municipality_id = ? "
	"GROUP BY s.id, name ORDER BY s.group_id, name LIMIT 500",
    /* Per service and month of a year: centi-units and the cost in
     * hundredths of a para, exact (MONTHS_SRC's six, year): one pass
     * gives the forecast both its units and the months delivered. */
    /* The CSW's cases (issue 15) on the state page: open now, waiting
     * for the closing's approval, opened and closed in the year, the
     * jobs among those closed (year x4, year x2, town). */
    [STMT_STATE_CASES] =
	"SELECT COALESCE(SUM(status = 'open'), 0) AS open, "
	"COALESCE(SUM(status = 'closing'), 0) AS closing, "
	"COALESCE(SUM(opened_on >= MAKEDATE(?, 1) "
	"AND opened_on < MAKEDATE(? + 1, 1)), 0) AS opened, "
	"COALESCE(SUM(status = 'closed' AND outcome_on >= MAKEDATE(?, 1) "
	"AND outcome_on < MAKEDATE(? + 1, 1)), 0) AS closed, "
	"COALESCE(SUM(status = 'closed' AND outcome IN ('employed-cm', "
	"'employed-se', 'self-employed') AND outcome_on >= MAKEDATE(?, 1) "
	"AND outcome_on < MAKEDATE(? + 1, 1)), 0) AS jobs "
	"FROM report_case_outcome WHERE municipality_id = ?",
    [STMT_UNITS_MONTHS] =
	"SELECT u.service_id AS id, MONTH(u.month) AS m, "
	"CAST(SUM(u.centi) AS SIGNED) AS centi, "
	"CAST(SUM(u.centi * COALESCE(p.price_para, 0)) AS SIGNED) AS cost100 "
	"FROM " MONTHS_SRC "LEFT JOIN service_price p "
	"ON p.service_id = u.service_id AND p.year = ? "
	"GROUP BY u.service_id, MONTH(u.month)",
    /*
     * outcomes.c (issue 15): cases closed in a year by outcome, through
     * report_case_outcome and report_case_priority (no name or note),
     * and DV figures through report_dv (the month, kinds, relationship
     * and measures of a case, no one).  A year is [MAKEDATE(y, 1),
     * MAKEDATE(y + 1, 1)).
     */
    /* The town's priority groups (locale, town). */
    [STMT_OUT_GROUPS] =
	"SELECT id, code, "
	"ELT(?, name_sr_cyrl, name_sr_latn, name_bs, name_en) AS name "
	"FROM priority_group WHERE municipality_id = ? "
	"ORDER BY position, id LIMIT 50",
    /* Closed cases by outcome (town, year, year). */
    [STMT_OUT_ALL] =
	"SELECT outcome, COUNT(*) AS n FROM report_case_outcome "
	"WHERE municipality_id = ? AND status = 'closed' "
	"AND outcome_on >= MAKEDATE(?, 1) AND outcome_on < MAKEDATE(? + 1, 1) "
	"GROUP BY outcome",
    /* The same per priority group, manual or derived (town, year, year). */
    [STMT_OUT_BY_GROUP] =
	"SELECT p.group_id AS grp, o.outcome, COUNT(DISTINCT o.case_id) AS n "
	"FROM report_case_outcome o "
	"JOIN report_case_priority p ON p.case_id = o.case_id "
	"WHERE o.municipality_id = ? AND o.status = 'closed' "
	"AND o.outcome_on >= MAKEDATE(?, 1) "
	"AND o.outcome_on < MAKEDATE(? + 1, 1) GROUP BY p.group_id, o.outcome",
    /* The same per partner through whom, none last (locale, town, year,
     * year). */
    [STMT_OUT_BY_PARTNER] =
	"SELECT o.outcome_organisation_id AS org, "
	"IF(? = 1, COALESCE(g.name_cyrl, g.name), g.name) AS name, "
	"o.outcome, COUNT(*) AS n FROM report_case_outcome o "
	"LEFT JOIN organisation g ON g.id = o.outcome_organisation_id "
	"WHERE o.municipality_id = ? AND o.status = 'closed' "
	"AND o.outcome_on >= MAKEDATE(?, 1) "
	"AND o.outcome_on < MAKEDATE(? + 1, 1) "
	"GROUP BY o.outcome_organisation_id, name, o.outcome "
	"ORDER BY o.outcome_organisation_id IS NULL, name, org LIMIT 2000",
    /* Closed cases by year and outcome (town, first year, last year). */
    [STMT_OUT_BY_YEAR] =
	"SELECT YEAR(outcome_on) AS y, outcome, COUNT(*) AS n "
	"FROM report_case_outcome WHERE municipality_id = ? "
	"AND status = 'closed' AND outcome_on >= MAKEDATE(?, 1) "
	"AND outcome_on < MAKEDATE(? + 1, 1) GROUP BY y, outcome",
    /* DV cases of a year: all, of each kind, with a measure, with one
     * extended (town, year). */
    [STMT_DVF_SUMMARY] =
	"SELECT COUNT(*) AS cases, "
	"COALESCE(SUM(FIND_IN_SET('physical', kinds) > 0), 0) AS physical, "
	"COALESCE(SUM(FIND_IN_SET('psychological', kinds) > 0), 0) "
	"AS psychological, "
	"COALESCE(SUM(FIND_IN_SET('sexual', kinds) > 0), 0) AS sexual, "
	"COALESCE(SUM(FIND_IN_SET('economic', kinds) > 0), 0) AS economic, "
	"COALESCE(SUM(FIND_IN_SET('stalking', kinds) > 0), 0) AS stalking, "
	"COALESCE(SUM(measures > 0), 0) AS measures, "
	"COALESCE(SUM(extended > 0), 0) AS extended "
	"FROM report_dv WHERE municipality_id = ? AND year = ?",
    /* DV cases of a year by relationship (town, year). */
    [STMT_DVF_RELATIONSHIP] =
	"SELECT relationship, COUNT(*) AS n FROM report_dv "
	"WHERE municipality_id = ? AND year = ? GROUP BY relationship",
    /* DV cases of a year by month (town, year). */
    [STMT_DVF_MONTHS] =
	"SELECT CAST(SUBSTRING(month, 6, 2) AS UNSIGNED) AS m, COUNT(*) AS n "
	"FROM report_dv WHERE municipality_id = ? AND year = ? "
	"GROUP BY month",
    /* DV cases of a year in each town the caller is an analyst of, with
     * the town's k (locale, year, account). */
    [STMT_DVF_PROVINCE] =
	"SELECT s.municipality_id AS town, "
	"ELT(?, mu.name_sr_cyrl, mu.name_sr_latn, mu.name_bs, mu.name_en) "
	"AS name, mu.small_cell_k AS k, COUNT(d.dv_id) AS cases, "
	"COALESCE(SUM(FIND_IN_SET('physical', d.kinds) > 0), 0) AS physical, "
	"COALESCE(SUM(FIND_IN_SET('psychological', d.kinds) > 0), 0) "
	"AS psychological, "
	"COALESCE(SUM(FIND_IN_SET('sexual', d.kinds) > 0), 0) AS sexual, "
	"COALESCE(SUM(FIND_IN_SET('economic', d.kinds) > 0), 0) AS economic, "
	"COALESCE(SUM(FIND_IN_SET('stalking', d.kinds) > 0), 0) AS stalking "
	"FROM report_analyst_scope s "
	"JOIN municipality mu ON mu.id = s.municipality_id "
	"LEFT JOIN report_dv d ON d.municipality_id = s.municipality_id "
	"AND d.year = ? WHERE s.account_id = ? "
	"GROUP BY s.municipality_id, name, mu.small_cell_k ORDER BY name "
	"LIMIT 100",
    /* Cases closed in a year by outcome in each town the caller is an
     * analyst of (locale, year, year, account). */
    [STMT_OUT_PROVINCE] =
	"SELECT s.municipality_id AS town, "
	"ELT(?, mu.name_sr_cyrl, mu.name_sr_latn, mu.name_bs, mu.name_en) "
	"AS name, COALESCE(SUM(o.outcome = 'training'), 0) AS training, "
	"COALESCE(SUM(o.outcome = 'employed-cm'), 0) AS `employed-cm`, "
	"COALESCE(SUM(o.outcome = 'employed-se'), 0) AS `employed-se`, "
	"COALESCE(SUM(o.outcome = 'self-employed'), 0) AS `self-employed`, "
	"COALESCE(SUM(o.outcome = 'exit'), 0) AS `exit` "
	"FROM report_analyst_scope s "
	"JOIN municipality mu ON mu.id = s.municipality_id "
	"LEFT JOIN report_case_outcome o "
	"ON o.municipality_id = s.municipality_id AND o.status = 'closed' "
	"AND o.outcome_on >= MAKEDATE(?, 1) "
	"AND o.outcome_on < MAKEDATE(? + 1, 1) WHERE s.account_id = ? "
	"GROUP BY s.municipality_id, name ORDER BY name LIMIT 100",
    /* The first month of years ? to ? that some provider of the town's
     * services is missing from the summary of closed months, NULL when
     * none is (first, last, town): where MONTHS_SRC's live part starts. */
    [STMT_OPEN_FROM] =
	"WITH RECURSIVE mo (m) AS (SELECT MAKEDATE(?, 1) UNION ALL "
	"SELECT m + INTERVAL 1 MONTH FROM mo "
	"WHERE m < MAKEDATE(? + 1, 1) - INTERVAL 1 MONTH) "
	"SELECT CAST(MIN(mo.m) AS CHAR) AS m FROM mo "
	"JOIN (SELECT DISTINCT e.service_id, e.organisation_id "
	"FROM report_enrolment e WHERE e.municipality_id = ?) o "
	"WHERE NOT EXISTS (SELECT 1 FROM report_month_done x "
	"WHERE x.organisation_id = o.organisation_id AND x.month = mo.m)",
    /* The datasets the town publishes (town); no row: every one. */
    [STMT_PUB_CHOICE] =
	"SELECT users, spending, surveys FROM report_publication "
	"WHERE municipality_id = ?",
    /* (town, users, spending, surveys, account) */
    [STMT_PUB_CHOICE_SET] =
	"INSERT INTO report_publication (municipality_id, users, spending, "
	"surveys, updated_by) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
	"users = VALUES(users), spending = VALUES(spending), "
	"surveys = VALUES(surveys), updated_by = VALUES(updated_by)",
};
