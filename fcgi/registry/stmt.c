/* SPDX-License-Identifier: ISC */
/*
 * stmt.c: the whole SQL surface of karika-registry.  Review it together
 * with sql/grants.sql.  Adding a statement: add its enum in stmt.h, its
 * entry here (designated, so that no entry can slip to another index),
 * and the grant it needs.  Column aliases are the names handlers read
 * (db_str(res, i, "name")) and the page's attribute names (xml_rows).
 */
#include "karika.h"
#include "stmt.h"

const char *const stmt_sql[STMT__MAX] = {
    [STMT_GROUPS] = "SELECT id, code FROM service_group ORDER BY position",
    [STMT_SERVICES] =
	"SELECT s.group_id AS `group`, s.id, s.code, "
	"ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en) AS name, "
	"s.unit, COALESCE(sp.price_para, s.unit_price_para) AS `price-para`, "
	"COALESCE(sp.year, s.price_year) AS `price-year`, "
	"s.online_application AS online FROM service s "
	/* this year's price (service_price, 0006) when it is set */
	"LEFT JOIN service_price sp ON sp.service_id = s.id "
	"AND sp.year = YEAR(UTC_DATE()) "
	"WHERE s.municipality_id = ? AND s.active "
	"ORDER BY s.group_id, name",
    /* An organisation's name: name_cyrl on a sr-Cyrl page (the first
     * parameter is the locale, 1 = sr-Cyrl) when it has one (0004). */
    [STMT_PROVIDERS] =
	"SELECT l.service_id AS service, o.id, "
	"IF(? = 1, COALESCE(o.name_cyrl, o.name), o.name) AS name, "
	"l.number AS licence, l.valid_from AS `valid-from`, "
	"l.valid_to AS `valid-to`, l.capacity, "
	"l.valid_to >= UTC_DATE() AS valid "
	"FROM licence l JOIN organisation o ON o.id = l.organisation_id "
	"JOIN service s ON s.id = l.service_id "
	"WHERE s.municipality_id = ? ORDER BY name",
    [STMT_ACCOUNT_BY_EMAIL] =
	"SELECT id, name, password_hash AS hash, status, locale FROM account "
	"WHERE email = ?",
    [STMT_ACCOUNT_INSERT] =
	"INSERT INTO account (email, name, password_hash, locale, status, "
	"privacy_accepted_at) VALUES (?, ?, ?, ?, 'pending', "
	"IF(?, UTC_TIMESTAMP(), NULL))",
    [STMT_ACCOUNT_ACTIVATE] =
	"UPDATE account SET status = 'active' WHERE id = ? "
	"AND status = 'pending'",
    [STMT_ACCOUNT_PASSWORD] =
	"UPDATE account SET password_hash = ?, "
	"rights_changed_at = UTC_TIMESTAMP(6) WHERE id = ?",
    [STMT_ACCOUNT_EMAIL] = "UPDATE account SET email = ? WHERE id = ?",
    [STMT_ACCOUNT_DISABLE] =
	"UPDATE account SET status = 'disabled', "
	"rights_changed_at = UTC_TIMESTAMP(6) WHERE id = ?",
    /* Back to active; one that never set a password waits for it. */
    [STMT_ACCOUNT_ENABLE] =
	"UPDATE account SET status = IF(password_hash IS NULL, 'pending', "
	"'active'), rights_changed_at = UTC_TIMESTAMP(6) WHERE id = ?",
    [STMT_ROLE_INSERT] =
	"INSERT INTO account_role (account_id, role, municipality_id, "
	"organisation_id) VALUES (?, ?, ?, ?)",
    [STMT_ROLES] = "SELECT role, municipality_id, organisation_id "
		   "FROM account_role WHERE account_id = ?",
    [STMT_TOKEN_INSERT] =
	"INSERT INTO account_token (account_id, purpose, token_hash, "
	"new_email, expires_at) "
	"VALUES (?, ?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? SECOND)",
    /* An unused, unexpired token, its row locked for token_take(). */
    [STMT_TOKEN_FIND] =
	"SELECT t.id, t.account_id AS account, t.new_email, a.email, a.name, "
	"a.status, a.locale FROM account_token t "
	"JOIN account a ON a.id = t.account_id "
	"WHERE t.token_hash = ? AND t.purpose = ? AND t.used_at IS NULL "
	"AND t.expires_at > UTC_TIMESTAMP() FOR UPDATE",
    /* Whether a link still works, without using it (its page's GET). */
    [STMT_TOKEN_VALID] =
	"SELECT t.id FROM account_token t WHERE t.token_hash = ? "
	"AND t.purpose = ? AND t.used_at IS NULL "
	"AND t.expires_at > UTC_TIMESTAMP()",
    [STMT_TOKEN_USE] =
	"UPDATE account_token SET used_at = UTC_TIMESTAMP() WHERE id = ? "
	"AND used_at IS NULL",
    [STMT_SESSION_INSERT] =
	"INSERT INTO session (account_id, token_hash, csrf_token, "
	"expires_at, user_agent) "
	"VALUES (?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? SECOND, ?)",
    [STMT_SESSION_DELETE] = "DELETE FROM session WHERE id = ?",
    [STMT_SESSIONS_DELETE_ALL] = "DELETE FROM session WHERE account_id = ?",
    [STMT_SESSIONS_LIST] =
	"SELECT id, created_at AS created, last_seen_at AS seen, "
	"user_agent AS agent FROM session "
	"WHERE account_id = ? AND expires_at > UTC_TIMESTAMP() "
	"ORDER BY last_seen_at DESC, id DESC LIMIT 50",
    [STMT_THROTTLE_GET] =
	"SELECT kind, failures, "
	"TIMESTAMPDIFF(SECOND, last_failure_at, UTC_TIMESTAMP()) AS since "
	"FROM login_throttle WHERE (kind = 'account' AND key_hash = ?) "
	"OR (kind = 'address' AND key_hash = ?)",
    [STMT_THROTTLE_FAIL] =
	"INSERT INTO login_throttle (kind, key_hash, failures) "
	"VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE failures = "
	"IF(last_failure_at < UTC_TIMESTAMP() - INTERVAL 1 DAY, 1, "
	"failures + 1), last_failure_at = UTC_TIMESTAMP()",
    [STMT_THROTTLE_CLEAR] =
	"DELETE FROM login_throttle WHERE kind = 'account' AND key_hash = ?",
    [STMT_THROTTLE_FORGET] =
	"DELETE FROM login_throttle "
	"WHERE last_failure_at < UTC_TIMESTAMP() - INTERVAL 1 DAY",
    [STMT_ACCOUNTS_FIND] =
	"SELECT a.id, a.email, a.name, a.status, "
	"GROUP_CONCAT(DISTINCT r.role ORDER BY r.role) AS roles, "
	"MAX(IF(? = 1, COALESCE(o.name_cyrl, o.name), o.name)) "
	"AS organisation "
	"FROM account a JOIN account_role r ON r.account_id = a.id "
	"LEFT JOIN organisation o ON o.id = r.organisation_id "
	"WHERE r.municipality_id = ? AND (? = '' OR a.email LIKE ? "
	"OR a.name LIKE ?) GROUP BY a.id, a.email, a.name, a.status "
	"ORDER BY a.email LIMIT 200",
    /* The record kind "account" (admin.c): one of the caller's town. */
    [STMT_ACCOUNT_IN_SCOPE] =
	"SELECT a.id, a.email, a.name, a.status, a.locale FROM account a "
	"WHERE a.id = ? AND EXISTS (SELECT 1 FROM account_role r "
	"WHERE r.account_id = a.id AND r.municipality_id = ?)",
    [STMT_ORGANISATIONS] =
	"SELECT id AS value, IF(? = 1, COALESCE(name_cyrl, name), name) "
	"AS label FROM organisation WHERE municipality_id = ? ORDER BY label",
    [STMT_ORGANISATION_IN_SCOPE] =
	"SELECT id FROM organisation WHERE id = ? AND municipality_id = ?",
    [STMT_AUDIT_FIND] =
	"SELECT au.at, au.account_id AS account, ac.email, au.role, "
	"au.action, au.object_type AS `object-type`, au.object_id AS "
	"`object-id`, au.request_id AS rid, au.worker, au.outcome "
	"FROM audit au LEFT JOIN account ac ON ac.id = au.account_id "
	"WHERE (? = '' OR ac.email = ?) AND (? = '' OR au.action LIKE ?) "
	"AND au.at >= ? AND au.at < ? + INTERVAL 1 DAY "
	"ORDER BY au.id DESC LIMIT 200",
    /* Every action the trail holds, for its filter (index audit_action). */
    [STMT_AUDIT_ACTIONS] =
	"SELECT DISTINCT action FROM audit ORDER BY action LIMIT 500",
    /* Operations (ops.c).  The outbox's backlog for /registry/metrics,
     * through the registry's grant of four of its columns (no address,
     * no link): mail waiting, the age of the oldest, mail given up after
     * mail.max_attempts (the ?s). */
    [STMT_OPS_OUTBOX] =
	"SELECT COALESCE(SUM(attempts < ?), 0) AS pending, "
	"COALESCE(TIMESTAMPDIFF(SECOND, MIN(IF(attempts < ?, created_at, "
	"NULL)), UTC_TIMESTAMP()), 0) AS oldest, "
	"COALESCE(SUM(attempts >= ?), 0) AS failed "
	"FROM outbox WHERE sent_at IS NULL",
    /* The retention job's newest 30 runs (retention.c; 0013): a run is
     * the rows of one start (run_at), keyed by run_at as text, which
     * ties each kind's row to its run on the page. */
    [STMT_OPS_RETENTION_RUNS] =
	"SELECT CAST(run_at AS CHAR) AS run, run_at AS at, as_of AS `as-of`, "
	"dry_run AS `dry-run`, COALESCE(SUM(count), 0) AS total, "
	"SUM(state = 'failed') AS failed FROM retention_run "
	"GROUP BY run_at, as_of, dry_run ORDER BY run_at DESC LIMIT 30",
    [STMT_OPS_RETENTION_KINDS] =
	"SELECT CAST(r.run_at AS CHAR) AS run, r.kind, r.state, "
	"CAST(r.cutoff AS DATE) AS `before`, r.count FROM retention_run r "
	"JOIN (SELECT DISTINCT run_at FROM retention_run "
	"ORDER BY run_at DESC LIMIT 30) t ON t.run_at = r.run_at "
	"ORDER BY r.run_at DESC, r.id",

    /*
     * Organisations, enrolments, deliveries (organisation.c,
     * service_admin.c, enrol.c, delivery.c).  "Scope" statements take the
     * record's id, then the caller's municipality and organisation twice:
     * a caller with an organisation (provider staff) sees only it.
     */
    [STMT_ORG_LIST] =
	"SELECT o.id, IF(? = 1, COALESCE(o.name_cyrl, o.name), o.name) AS "
	"name, "
	"o.kind, o.category, o.registration_number AS registration, "
	"o.address, o.phone, o.email, o.website FROM organisation o "
	"WHERE o.municipality_id = ? AND (? = 0 OR o.id = ?) "
	"ORDER BY FIELD(o.category, 'csw', 'city', 'provider', 'residential', "
	"'partner'), name",
    [STMT_ORG_SCOPE] =
	"SELECT o.id, o.name, o.name_cyrl AS `name-cyrl`, o.kind, o.category, "
	"o.registration_number AS registration, o.address, o.phone, o.email, "
	"o.website FROM organisation o WHERE o.id = ? "
	"AND o.municipality_id = ? AND (? = 0 OR o.id = ?)",
    [STMT_ORG_LICENCES] =
	"SELECT l.id, l.service_id AS service, "
	"ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en) AS name, "
	"l.number, l.valid_from AS `valid-from`, l.valid_to AS `valid-to`, "
	"l.capacity, l.valid_from <= UTC_DATE() AND l.valid_to >= UTC_DATE() "
	"AS valid FROM licence l JOIN service s ON s.id = l.service_id "
	"WHERE l.organisation_id = ? ORDER BY name, l.valid_to DESC",
    /* Places taken now: enrolments active today, for this year's rows. */
    [STMT_ORG_CAPACITY] =
	"SELECT c.service_id AS service, "
	"ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en) AS name, "
	"c.year, c.places, IF(c.year = YEAR(UTC_DATE()), "
	"(SELECT COUNT(*) FROM enrolment e "
	"WHERE e.organisation_id = c.organisation_id "
	"AND e.service_id = c.service_id AND e.start_date <= UTC_DATE() "
	"AND (e.end_date IS NULL OR e.end_date >= UTC_DATE())), NULL) AS taken "
	"FROM capacity c JOIN service s ON s.id = c.service_id "
	"WHERE c.organisation_id = ? ORDER BY c.year DESC, name",
    /* Which of name and registration number another one of the town has. */
    [STMT_ORG_CLASH] =
	"SELECT name = ? AS `name-taken`, "
	"COALESCE(registration_number = ?, 0) AS `reg-taken` FROM organisation "
	"WHERE municipality_id = ? AND id <> ? "
	"AND (name = ? OR registration_number = ?)",
    [STMT_ORG_INSERT] =
	"INSERT INTO organisation (municipality_id, name, name_cyrl, kind, "
	"category, registration_number, address, phone, email, website) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [STMT_ORG_UPDATE] =
	"UPDATE organisation SET name = ?, name_cyrl = ?, kind = ?, "
	"category = ?, registration_number = ?, address = ?, phone = ?, "
	"email = ?, website = ? WHERE id = ? AND municipality_id = ?",
    [STMT_PROVIDER_CHOICES] =
	"SELECT id AS value, IF(? = 1, COALESCE(name_cyrl, name), name) "
	"AS label FROM organisation WHERE municipality_id = ? "
	"AND category IN ('provider', 'residential') AND (? = 0 OR id = ?) "
	"ORDER BY label",
    [STMT_SERVICE_CHOICES] =
	"SELECT id AS value, "
	"ELT(?, name_sr_cyrl, name_sr_latn, name_bs, name_en) AS label "
	"FROM service WHERE municipality_id = ? AND active ORDER BY label",
    [STMT_LICENCE_SCOPE] =
	"SELECT l.id, l.service_id AS service, l.number, "
	"l.valid_from AS `valid-from`, l.valid_to AS `valid-to`, l.capacity "
	"FROM licence l JOIN organisation o ON o.id = l.organisation_id "
	"WHERE l.id = ? AND l.organisation_id = ? AND o.municipality_id = ?",
    [STMT_LICENCE_INSERT] =
	"INSERT INTO licence (organisation_id, service_id, number, valid_from, "
	"valid_to, capacity) VALUES (?, ?, ?, ?, ?, ?)",
    [STMT_LICENCE_UPDATE] =
	"UPDATE licence SET service_id = ?, number = ?, valid_from = ?, "
	"valid_to = ?, capacity = ? WHERE id = ? AND organisation_id = ?",
    [STMT_CAPACITY_SET] =
	"INSERT INTO capacity (organisation_id, service_id, year, places) "
	"VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE places = VALUES(places)",
    /* The record kind "service" (service_admin.c): one of the town. */
    [STMT_SERVICE_SCOPE] =
	"SELECT s.id, s.code, s.unit, s.name_sr_cyrl, s.name_sr_latn, "
	"s.name_bs, s.name_en, s.target_sr_latn, s.target_bs, s.target_en, "
	"s.eligibility_sr_latn, s.eligibility_bs, s.eligibility_en, "
	"s.age_min, s.age_max, s.online_application AS online "
	"FROM service s WHERE s.id = ? AND s.municipality_id = ?",
    [STMT_SERVICE_PRICES] =
	"SELECT year, price_para AS `price-para` FROM service_price "
	"WHERE service_id = ? ORDER BY year DESC",
    [STMT_SERVICE_UPDATE] =
	"UPDATE service SET unit = ?, target_sr_latn = ?, target_sr_cyrl = ?, "
	"target_bs = ?, target_en = ?, eligibility_sr_latn = ?, "
	"eligibility_sr_cyrl = ?, eligibility_bs = ?, eligibility_en = ?, "
	"age_min = ?, age_max = ?, online_application = ? "
	"WHERE id = ? AND municipality_id = ?",
    [STMT_SERVICE_PRICE_SET] =
	"INSERT INTO service_price (service_id, year, price_para) "
	"VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE price_para = "
	"VALUES(price_para)",
    /* The catalogue's own price follows this year's (0001's columns). */
    [STMT_SERVICE_PRICE_NOW] =
	"UPDATE service SET unit_price_para = ?, price_year = ? WHERE id = ?",
    /* The provider's licence for the service that best fits a start
     * date: valid from then and still valid today, else the newest. */
    [STMT_ENROL_LICENCE] =
	"SELECT number, valid_from AS `valid-from`, valid_to AS `valid-to`, "
	"capacity, valid_from <= ? AND valid_to >= GREATEST(?, UTC_DATE()) "
	"AS ok FROM licence WHERE organisation_id = ? AND service_id = ? "
	"ORDER BY ok DESC, valid_to DESC LIMIT 1",
    /* Locked: two enrolments at once cannot both take the last place. */
    [STMT_ENROL_CAPACITY] =
	"SELECT places FROM capacity WHERE organisation_id = ? "
	"AND service_id = ? AND year = ? FOR UPDATE",
    /* Enrolments that hold a place between a start and the year's end. */
    [STMT_ENROL_TAKEN] =
	"SELECT COUNT(*) AS taken FROM enrolment WHERE organisation_id = ? "
	"AND service_id = ? AND start_date <= ? "
	"AND (end_date IS NULL OR end_date >= ?)",
    /* The person an enrolment is for: provider staff only their users. */
    [STMT_ENROL_PERSON_SCOPE] =
	"SELECT p.id, p.given_name AS given, p.family_name AS family, "
	"p.birth_date AS born FROM person p WHERE p.id = ? "
	"AND p.municipality_id = ? AND (? = 0 OR EXISTS (SELECT 1 "
	"FROM enrolment e WHERE e.person_id = p.id AND e.organisation_id = ?))",
    [STMT_ENROL_INSERT] =
	"INSERT INTO enrolment (person_id, service_id, organisation_id, "
	"referral_number, referral_date, start_date) VALUES (?, ?, ?, ?, ?, ?)",
    /* The record kind "enrolment" (enrol.c). */
    [STMT_ENROL_SCOPE] =
	"SELECT e.id, e.person_id AS person, e.service_id AS service, "
	"e.organisation_id AS organisation, e.start_date AS start, "
	"e.end_date AS end, e.referral_number AS referral, "
	"e.referral_date AS `referral-date`, p.given_name AS given, "
	"p.family_name AS family, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, "
	"s.name_en FROM enrolment e JOIN person p ON p.id = e.person_id "
	"JOIN service s ON s.id = e.service_id WHERE e.id = ? "
	"AND s.municipality_id = ? AND (? = 0 OR e.organisation_id = ?)",
    [STMT_ENROL_END] = "UPDATE enrolment SET end_date = ?, end_reason_id = "
		       "(SELECT id FROM end_reason WHERE code = ?) "
		       "WHERE id = ? AND end_date IS NULL",
    [STMT_ENROL_LIST] =
	"SELECT e.id, e.person_id AS person, p.given_name AS given, "
	"p.family_name AS family, "
	"ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en) "
	"AS service, e.start_date AS start, e.referral_number AS referral, "
	"e.referral_date AS `referral-date` FROM enrolment e "
	"JOIN person p ON p.id = e.person_id "
	"JOIN service s ON s.id = e.service_id WHERE e.organisation_id = ? "
	"AND e.end_date IS NULL ORDER BY service, p.family_key, p.given_name, "
	"e.id LIMIT 2000",
    /* The last 24 months: enrolments active in each, rows filled, and
     * whether it is closed; months before the first enrolment left out. */
    [STMT_DELIVERY_MONTHS] =
	"WITH RECURSIVE mo (m, n) AS (SELECT UTC_DATE() - INTERVAL "
	"DAYOFMONTH(UTC_DATE()) - 1 DAY, 0 UNION ALL "
	"SELECT m - INTERVAL 1 MONTH, n + 1 FROM mo WHERE n < 23) "
	"SELECT DATE_FORMAT(mo.m, '%Y-%m') AS month, "
	"(SELECT COUNT(*) FROM enrolment e WHERE e.organisation_id = ? "
	"AND e.start_date <= LAST_DAY(mo.m) "
	"AND (e.end_date IS NULL OR e.end_date >= mo.m)) AS total, "
	"(SELECT COUNT(*) FROM enrolment e JOIN delivery d "
	"ON d.enrolment_id = e.id AND d.month = mo.m "
	"WHERE e.organisation_id = ? AND e.start_date <= LAST_DAY(mo.m) "
	"AND (e.end_date IS NULL OR e.end_date >= mo.m)) AS filled, "
	"c.closed_at AS closed FROM mo LEFT JOIN month_close c "
	"ON c.organisation_id = ? AND c.month = mo.m "
	"HAVING total > 0 OR closed IS NOT NULL ORDER BY month DESC",
    /* A provider's month, service by service (by name in the page's
     * language, with its unit): how many of its enrolments are active
     * then (the grid's rows).  Only index enrolment_month (0026), the
     * narrowest that holds them, is read. */
    [STMT_DELIVERY_SERVICES] =
	"SELECT c.service, "
	"ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en) AS name, "
	"s.unit, c.n FROM (SELECT service_id AS service, COUNT(*) AS n "
	"FROM enrolment FORCE INDEX (enrolment_month) "
	"WHERE organisation_id = ? AND start_date <= LAST_DAY(?) "
	"AND (end_date IS NULL OR end_date >= ?) GROUP BY service_id) c "
	"JOIN service s ON s.id = c.service ORDER BY name, c.service",
    /* A slice of one service's rows of the month, by the user's family
     * key and given name, with the user's names (enrolment's copies of
     * the person's, 0017 and 0026: the order and the names are in index
     * enrolment_grid, so the slice is one range of it, neither the
     * others nor the people read), and this month's and last month's
     * units.  Parameters: the organisation, the service, the month's
     * first day twice, LIMIT, OFFSET; then the month and the month
     * before. */
    [STMT_DELIVERY_GRID] =
	"SELECT k.id, k.service_id AS service, k.gn AS given, k.family, "
	"d.units, pd.units AS last FROM (SELECT e.id, e.service_id, "
	"e.person_family_key AS fk, e.person_given_name AS gn, "
	"e.person_family_name AS family "
	"FROM enrolment e FORCE INDEX (enrolment_grid) "
	"WHERE e.organisation_id = ? AND e.service_id = ? "
	"AND e.start_date <= LAST_DAY(?) "
	"AND (e.end_date IS NULL OR e.end_date >= ?) "
	"ORDER BY e.person_family_key, e.person_given_name, e.id "
	"LIMIT ? OFFSET ?) k "
	"LEFT JOIN delivery d ON d.enrolment_id = k.id AND d.month = ? "
	"LEFT JOIN delivery pd ON pd.enrolment_id = k.id AND pd.month = ? "
	"ORDER BY k.fk, k.gn, k.id",
    [STMT_DELIVERY_CLOSED] =
	"SELECT c.closed_at AS closed, a.name AS `closed-by` "
	"FROM month_close c LEFT JOIN account a ON a.id = c.closed_by "
	"WHERE c.organisation_id = ? AND c.month = ?",
    /* In the saving transaction: a month cannot close under a save. */
    [STMT_DELIVERY_LOCK] =
	"SELECT closed_at AS closed FROM month_close "
	"WHERE organisation_id = ? AND month = ? LOCK IN SHARE MODE",
    [STMT_DELIVERY_SET] =
	"INSERT INTO delivery (enrolment_id, month, units, updated_by) "
	"VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE units = VALUES(units), "
	"updated_by = VALUES(updated_by)",
    [STMT_MONTH_CLOSE] =
	"INSERT INTO month_close (organisation_id, month, closed_by) "
	"VALUES (?, ?, ?)",
/*
 * persons and caseload (person.c, caseload.c).
 * PERSON_SCOPE is the rule of the record kind "person": a CSW worker
 * (first parameter 1) sees the register of the municipality; provider
 * staff the people enrolled with their organisation (second) and
 * those people's legal representatives (third, the same).
 */
#define PERSON_SCOPE                                                           \
	"(? = 1 OR EXISTS (SELECT 1 FROM enrolment se WHERE se.person_id = "   \
	"p.id AND se.organisation_id = ?) OR EXISTS (SELECT 1 FROM person sc " \
	"JOIN enrolment se ON se.person_id = sc.id WHERE "                     \
	"sc.representative_id "                                                \
	"= p.id AND se.organisation_id = ?))"
/* A list's columns; the first parameter: 1 on a sr-Cyrl page. */
#define PERSON_COLS                                                            \
	"SELECT p.id, p.given_name AS given, p.family_name AS family, "        \
	"p.birth_date AS birth, p.jmbg, p.sex, IF(? = 1, "                     \
	"COALESCE(st.name_cyrl, st.name), st.name) AS settlement, st.area "
#define PERSON_ORDER " ORDER BY p.family_key, p.name_key, p.id LIMIT ? OFFSET ?"
/*
 * The name search's keyset (0017): the people after (or before) the
 * cursor row (family_key, name_key, id) in the list's order; five
 * parameters, the cursor's family key twice, its name key twice, its id.
 * ('', '', 0) is before everybody.
 */
#define PERSON_AFTER                                                           \
	"(p.family_key > ? OR (p.family_key = ? AND (p.name_key > ? OR "       \
	"(p.name_key = ? AND p.id > ?))))"
#define PERSON_BEFORE                                                          \
	"(p.family_key < ? OR (p.family_key = ? AND (p.name_key < ? OR "       \
	"(p.name_key = ? AND p.id < ?))))"
/*
 * One side of the name search: the people of the municipality whose
 * key (name_key or family_key) starts with the prefix, from the cursor
 * on, in order, that the caller may see, the first LIMIT of them.  The
 * indexes (municipality_id, family_key, name_key) and (municipality_id,
 * name_key, family_key) of 0017 hold all it reads, in the order asked,
 * so a side stops at its LIMIT however many people share a family name;
 * the scope's EXISTS are probes of index (organisation_id, person_id)
 * per person met (exists_to_in=off keeps them so: MariaDB would
 * otherwise read every user of the provider and their representatives
 * first).  Parameters: municipality, prefix, the cursor's five, the
 * scope's three, LIMIT.
 */
#define PERSON_SIDE(key, cursor, dir)                                          \
	"(SELECT p.id, p.family_key AS fk, p.name_key AS nk FROM person p "    \
	"WHERE p.municipality_id = ? AND p." key " LIKE ? AND " cursor         \
	" AND " PERSON_SCOPE " ORDER BY p.family_key " dir ", p.name_key " dir \
	", p.id " dir " LIMIT ?)"
/* The search's two sides joined to their rows: LIMIT and OFFSET (0 but
 * for a page asked for by its number) after the sides' parameters.
 * (clang-format breaks a macro's call inside a string's concatenation
 * where no one would.) */
/* clang-format off */
#define PERSONS_FIND(cursor, dir)                                              \
	"FROM (" PERSON_SIDE("family_key", cursor, dir) " UNION "              \
	PERSON_SIDE("name_key", cursor, dir) ") m "                            \
	"JOIN person p ON p.id = m.id "                                        \
	"LEFT JOIN settlement st ON st.id = p.settlement_id "                  \
	"ORDER BY m.fk " dir ", m.nk " dir ", m.id " dir " LIMIT ? OFFSET ?"
/* clang-format on */
/*
 * Provider staff search among the people they may see, their users and
 * the users' legal representatives, in enrolment's copies of their keys
 * (0017, 0027), not along the town's names: four sides, each one range
 * of an index of enrolment (the users by family key, by name key; the
 * representatives by family key, by name key) read from the cursor on
 * in its order, grouped (a user of two services is one person) and
 * limited; the person of each entry read is checked to be of the
 * municipality.  A side's parameters: the organisation, the
 * municipality, the prefix, 1 to search the side (0: none of it, for
 * the name sides of a list of everybody, whom the family sides list
 * already), the cursor's five, LIMIT.
 */
#define SCOPE_CURSOR(f, n, i, cmp)                                             \
	"(e." f " " cmp " ? OR (e." f " = ? AND (e." n " " cmp " ? OR "        \
	"(e." n " = ? AND e." i " " cmp " ?))))"
#define SCOPE_SIDE(id, f, n, key, other, index, cmp, dir)                      \
	"(SELECT STRAIGHT_JOIN e." id " AS id, e." f " AS fk, e." n " AS nk "  \
	"FROM enrolment e FORCE INDEX (" index ") JOIN person x "              \
	"ON x.id = e." id " WHERE e.organisation_id = ? "                      \
	"AND x.municipality_id = ? AND e." key " LIKE ? AND e." key            \
	" IS NOT NULL AND ? = 1 AND " SCOPE_CURSOR(f, n, id,                   \
	    cmp) " GROUP BY e." key ", e." other ", e." id " ORDER BY e." f    \
		 " " dir ", e." n " " dir ", e." id " " dir " LIMIT ?)"
/* clang-format off */
#define PERSONS_SCOPE(cmp, dir)                                                \
	"FROM (" SCOPE_SIDE("person_id", "person_family_key",                  \
	    "person_name_key", "person_family_key", "person_name_key",         \
	    "enrolment_scope_family", cmp, dir) " UNION "                      \
	SCOPE_SIDE("person_id", "person_family_key", "person_name_key",        \
	    "person_name_key", "person_family_key", "enrolment_scope_name",    \
	    cmp, dir) " UNION "                                                \
	SCOPE_SIDE("representative_id", "representative_family_key",           \
	    "representative_name_key", "representative_family_key",           \
	    "representative_name_key", "enrolment_rep_family", cmp, dir)       \
	" UNION "                                                              \
	SCOPE_SIDE("representative_id", "representative_family_key",           \
	    "representative_name_key", "representative_name_key",             \
	    "representative_family_key", "enrolment_rep_name", cmp, dir)       \
	") m JOIN person p ON p.id = m.id "                                    \
	"LEFT JOIN settlement st ON st.id = p.settlement_id "                  \
	"ORDER BY m.fk " dir ", m.nk " dir ", m.id " dir " LIMIT ? OFFSET ?"
/* clang-format on */
#define PERSONS_FIND_SWITCH                                                    \
	"SET STATEMENT optimizer_switch = 'exists_to_in=off' FOR "
    /* By a prefix of either key ("%" lists everybody), the two sides each
     * ordered and limited.  The first parameter: 1 on a sr-Cyrl page;
     * then each side's eleven, LIMIT and OFFSET.  _BACK walks backwards
     * from a cursor: the page before it, last row first. */
    [STMT_PERSONS_FIND] =
	PERSONS_FIND_SWITCH PERSON_COLS PERSONS_FIND(PERSON_AFTER, "ASC"),
    [STMT_PERSONS_FIND_BACK] =
	PERSONS_FIND_SWITCH PERSON_COLS PERSONS_FIND(PERSON_BEFORE, "DESC"),
    /* The first parameter: 1 on a sr-Cyrl page; then each side's ten,
     * LIMIT and OFFSET (PERSONS_SCOPE). */
    [STMT_PERSONS_SCOPE] = PERSON_COLS PERSONS_SCOPE(">", "ASC"),
    [STMT_PERSONS_SCOPE_BACK] = PERSON_COLS PERSONS_SCOPE("<", "DESC"),
    /* A page's cursor: a person the caller may see, by id. */
    [STMT_PERSON_CURSOR] =
	"SELECT p.family_key AS fk, p.name_key AS nk FROM person p "
	"WHERE p.id = ? AND p.municipality_id = ? AND " PERSON_SCOPE,
    [STMT_PERSONS_BY_JMBG] = PERSON_COLS
    "FROM person p LEFT JOIN settlement st ON st.id = p.settlement_id "
    "WHERE p.jmbg = ? AND p.municipality_id = ? AND " PERSON_SCOPE PERSON_ORDER,
    [STMT_PERSONS_BY_BIRTH] = PERSON_COLS
    "FROM person p LEFT JOIN settlement st ON st.id = p.settlement_id "
    "WHERE p.municipality_id = ? AND p.birth_date = ? AND " PERSON_SCOPE
	PERSON_ORDER,
    /* The record kind "person" (person.c). */
    [STMT_PERSON_IN_SCOPE] =
	"SELECT p.id, p.given_name AS given, p.family_name AS family, "
	"p.birth_date AS birth, p.jmbg, p.sex, p.settlement_id AS "
	"`settlement-id`, st.name AS settlement, st.name_cyrl AS "
	"`settlement-cyrl`, st.area, p.address, p.phone, p.email, "
	"p.representative_id AS `rep-id`, p.representative_kind AS "
	"`rep-kind`, rp.given_name AS `rep-given`, rp.family_name AS "
	"`rep-family`, p.created_at AS created, p.updated_at AS updated "
	"FROM person p LEFT JOIN settlement st ON st.id = p.settlement_id "
	"LEFT JOIN person rp ON rp.id = p.representative_id "
	"WHERE p.id = ? AND p.municipality_id = ? AND " PERSON_SCOPE,
    [STMT_PERSON_NEEDS] =
	"SELECT n.code FROM person_need pn JOIN need n ON n.id = pn.need_id "
	"WHERE pn.person_id = ? ORDER BY n.position",
    /* A provider sees only its own enrolments of the person. */
    [STMT_PERSON_ENROLMENTS] =
	"SELECT e.id, ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, "
	"s.name_en) AS service, IF(? = 1, COALESCE(o.name_cyrl, o.name), "
	"o.name) AS provider, e.referral_number AS `referral-number`, "
	"e.referral_date AS `referral-date`, e.start_date AS start, "
	"e.end_date AS end, r.code AS `end-reason` FROM enrolment e "
	"JOIN service s ON s.id = e.service_id "
	"JOIN organisation o ON o.id = e.organisation_id "
	"LEFT JOIN end_reason r ON r.id = e.end_reason_id "
	"WHERE e.person_id = ? AND (? = 1 OR e.organisation_id = ?) "
	"ORDER BY e.start_date DESC, e.id DESC",
    /* Who opened or changed the record: for the CSW (DOMAIN.md). */
    [STMT_PERSON_HISTORY] =
	"SELECT au.at, ac.name, ac.email, au.role, au.action, au.outcome "
	"FROM audit au LEFT JOIN account ac ON ac.id = au.account_id "
	"WHERE au.object_type = 'person' AND au.object_id = ? "
	"ORDER BY au.id DESC LIMIT 200",
    [STMT_PERSON_INSERT] =
	"INSERT INTO person (municipality_id, given_name, family_name, "
	"name_key, family_key, birth_date, jmbg, sex, settlement_id, address, "
	"phone, email, representative_id, representative_kind) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [STMT_PERSON_UPDATE] =
	"UPDATE person SET given_name = ?, family_name = ?, name_key = ?, "
	"family_key = ?, birth_date = ?, jmbg = ?, sex = ?, settlement_id = ?, "
	"address = ?, phone = ?, email = ?, representative_id = ?, "
	"representative_kind = ? WHERE id = ?",
    [STMT_PERSON_NEED_ADD] = "INSERT INTO person_need (person_id, need_id) "
			     "SELECT ?, id FROM need WHERE code = ?",
    [STMT_PERSON_NEEDS_CLEAR] = "DELETE FROM person_need WHERE person_id = ?",
    /* A JMBG is unique in the installation (0006). */
    [STMT_PERSON_BY_JMBG] =
	"SELECT id, municipality_id AS municipality, name_key AS `key` "
	"FROM person WHERE jmbg = ?",
    /* Same name and birth date: whether the caller may see each. */
    [STMT_PERSON_TWINS] =
	"SELECT p.id, " PERSON_SCOPE " AS visible FROM person p "
	"WHERE p.municipality_id = ? AND p.name_key = ? AND p.birth_date = ? "
	"LIMIT 20",
    [STMT_PERSON_VISIBLE] =
	"SELECT p.id FROM person p WHERE p.id = ? AND p.municipality_id = ? "
	"AND " PERSON_SCOPE,
    /* A legal representative to choose: a name search, at most 50. */
    [STMT_PERSON_REP_OPTIONS] =
	"SELECT p.id AS value, CONCAT(p.given_name, ' ', p.family_name, "
	"IF(p.birth_date IS NULL, '', CONCAT(' (', DATE_FORMAT(p.birth_date, "
	"'%d. %m. %Y.'), ')'))) AS label FROM (SELECT id FROM person WHERE "
	"municipality_id = ? AND name_key LIKE ? UNION SELECT id FROM person "
	"WHERE municipality_id = ? AND family_key LIKE ?) m "
	"JOIN person p ON p.id = m.id WHERE " PERSON_SCOPE
	" ORDER BY p.family_key, p.name_key, p.id LIMIT 50",
    [STMT_SETTLEMENTS] =
	"SELECT id AS value, IF(? = 1, COALESCE(name_cyrl, name), name) "
	"AS label, area FROM settlement WHERE municipality_id = ? "
	"ORDER BY area, label",
    [STMT_SETTLEMENT_IN_MUNI] =
	"SELECT id FROM settlement WHERE id = ? AND municipality_id = ?",
    [STMT_SETTLEMENT_BY_NAME] =
	"SELECT id FROM settlement WHERE municipality_id = ? "
	"AND (name = ? OR name_cyrl = ?) LIMIT 1",
    /* The services a provider holds a licence for, valid today. */
    [STMT_PROVIDER_SERVICES] =
	"SELECT DISTINCT s.id AS value, ELT(?, s.name_sr_cyrl, "
	"s.name_sr_latn, s.name_bs, s.name_en) AS label FROM licence l "
	"JOIN service s ON s.id = l.service_id WHERE l.organisation_id = ? "
	"AND l.valid_to >= UTC_DATE() AND s.active ORDER BY label",
    [STMT_SERVICE_BY_CODE] =
	"SELECT id FROM service WHERE municipality_id = ? AND code = ?",
    /* A confirmed import's rows, once per town and organisation (0028):
     * DB_DUPLICATE when they were imported already. */
    [STMT_CASELOAD_IMPORT_ONCE] =
	"INSERT INTO caseload_import (municipality_id, organisation_id, "
	"digest, account_id, imported) VALUES (?, ?, ?, ?, ?)",
    /* The caseload export, 500 people at a time after id ? (keyset):
     * each person with the enrolments the caller may see. */
    [STMT_CASELOAD_PAGE] =
	"SELECT p.id, p.given_name AS given, p.family_name AS family, p.jmbg, "
	"p.birth_date AS birth, p.sex, IF(? = 1, COALESCE(st.name_cyrl, "
	"st.name), st.name) AS settlement, p.address, p.phone, p.email, "
	"(SELECT GROUP_CONCAT(n.code ORDER BY n.position) FROM person_need pn "
	"JOIN need n ON n.id = pn.need_id WHERE pn.person_id = p.id) AS needs, "
	"s.code AS service, e.referral_number AS `referral-number`, "
	"e.referral_date AS `referral-date`, e.start_date AS start, "
	"e.end_date AS end, r.code AS `end-reason` "
	"FROM (SELECT p.id FROM person p WHERE p.municipality_id = ? "
	"AND p.id > ? AND " PERSON_SCOPE " ORDER BY p.id LIMIT 500) k "
	"JOIN person p ON p.id = k.id "
	"LEFT JOIN settlement st ON st.id = p.settlement_id "
	"LEFT JOIN enrolment e ON e.person_id = p.id AND (? = 1 OR "
	"e.organisation_id = ?) LEFT JOIN service s ON s.id = e.service_id "
	"LEFT JOIN end_reason r ON r.id = e.end_reason_id ORDER BY p.id, e.id",
    /*
     * Cases, referrals and DV (issue 15; case.c, referral.c, dv.c).  A
     * scope statement starts FROM (SELECT ? AS id, …) q so that the
     * record's id comes first, as record_check() binds it.
     */
    [STMT_CASE_SCOPE] =
	"SELECT c.id, c.person_id AS person, p.given_name AS given, "
	"p.family_name AS family, p.birth_date AS birth, st.area, "
	"c.household, c.lead_account_id AS lead, la.name AS `lead-name`, "
	"c.opened_on AS opened, c.intake, c.intake_note AS `intake-note`, "
	"c.one_time_assistance AS ota, c.urgent, c.safety, c.needs, "
	"c.strengths, c.plan_status AS plan, "
	"c.plan_approved_at AS `plan-approved`, pa.name AS `plan-approver`, "
	"c.status, c.outcome, c.exit_reason AS `exit-reason`, "
	"c.outcome_on AS `outcome-on`, "
	"c.outcome_organisation_id AS `outcome-org`, "
	"oo.name AS `outcome-org-name`, "
	"oo.name_cyrl AS `outcome-org-name-cyrl`, c.closed_at AS closed, "
	"c.transfer_to AS `transfer-to`, ta.name AS `transfer-name`, "
	"c.lead_account_id = q.me AS mine, c.transfer_to <=> q.me AS `to-me`, "
	"EXISTS (SELECT 1 FROM csw_supervisor s WHERE s.account_id = q.me "
	"AND s.municipality_id = c.municipality_id) AS supervisor "
	"FROM (SELECT ? AS id, ? AS muni, ? AS me) q "
	"JOIN case_file c ON c.id = q.id AND c.municipality_id = q.muni "
	"JOIN person p ON p.id = c.person_id "
	"LEFT JOIN settlement st ON st.id = p.settlement_id "
	"JOIN account la ON la.id = c.lead_account_id "
	"LEFT JOIN account pa ON pa.id = c.plan_approved_by "
	"LEFT JOIN account ta ON ta.id = c.transfer_to "
	"LEFT JOIN organisation oo ON oo.id = c.outcome_organisation_id",
    /* The worker's open cases (today, me, today, me, me, rows, offset:
     * a page of the list; today is the town's date), urgent and overdue
     * first, with their overdue and next
     * activities and reviews: one grouped pass over the open activities
     * and reviews of the worker's cases each (case_lead, then
     * case_activity_due and case_review_due), not four subqueries a
     * case (bench-cases: 2.3 ms instead of 6-9 ms for 150 open cases). */
    [STMT_CASE_MINE] =
	"SELECT c.id, p.given_name AS given, p.family_name AS family, "
	"c.opened_on AS opened, c.status, c.plan_status AS plan, c.urgent, "
	"c.safety, COALESCE(a.overdue, 0) AS overdue, a.next AS `next-due`, "
	"COALESCE(v.overdue, 0) AS `reviews-overdue`, "
	"v.next AS `next-review` FROM case_file c "
	"JOIN person p ON p.id = c.person_id "
	"LEFT JOIN (SELECT x.case_id, SUM(x.due_on < ?) AS overdue, "
	"MIN(x.due_on) AS next FROM case_file ca "
	"JOIN case_activity x ON x.case_id = ca.id AND x.done_on IS NULL "
	"WHERE ca.lead_account_id = ? AND ca.status IN ('open', 'closing') "
	"GROUP BY x.case_id) a ON a.case_id = c.id "
	"LEFT JOIN (SELECT y.case_id, SUM(y.due_on < ?) AS overdue, "
	"MIN(y.due_on) AS next FROM case_file cv "
	"JOIN case_review y ON y.case_id = cv.id AND y.held_on IS NULL "
	"WHERE cv.lead_account_id = ? AND cv.status IN ('open', 'closing') "
	"GROUP BY y.case_id) v ON v.case_id = c.id "
	"WHERE c.lead_account_id = ? AND c.status IN ('open', 'closing') "
	"ORDER BY c.urgent DESC, c.safety DESC, overdue DESC, "
	"`reviews-overdue` DESC, c.id LIMIT ? OFFSET ?",
    [STMT_CASE_TRANSFERS] =
	"SELECT c.id, p.given_name AS given, p.family_name AS family, "
	"la.name AS `lead-name`, c.urgent, c.safety "
	"FROM case_file c JOIN person p ON p.id = c.person_id "
	"JOIN account la ON la.id = c.lead_account_id "
	"WHERE c.transfer_to = ? AND c.status <> 'closed' "
	"ORDER BY c.id LIMIT 100",
    /* A supervisor's: plans and closings of others' cases to approve
     * (me, town, town, me, upto, town, me, upto, rows, offset: a page
     * of the list, upto = offset + rows).  Two index ranges (case_plan,
     * case_muni) of at most upto each, not an OR, which MariaDB answers
     * by walking the whole table in id order (bench-cases: 20 ms at
     * 100,000 cases, 0.7 ms so). */
    [STMT_CASE_APPROVALS] =
	"SELECT c.id, p.given_name AS given, p.family_name AS family, "
	"la.name AS `lead-name`, c.plan_status AS plan, c.status, c.urgent, "
	"c.safety FROM (SELECT ? AS me, ? AS muni) q "
	"JOIN csw_supervisor s ON s.account_id = q.me "
	"AND s.municipality_id = q.muni "
	"JOIN ((SELECT id FROM case_file WHERE municipality_id = ? "
	"AND plan_status = 'submitted' AND lead_account_id <> ? "
	"ORDER BY id LIMIT ?) UNION (SELECT id FROM case_file "
	"WHERE municipality_id = ? AND status = 'closing' "
	"AND lead_account_id <> ? ORDER BY id LIMIT ?)) w "
	"JOIN case_file c ON c.id = w.id "
	"JOIN person p ON p.id = c.person_id "
	"JOIN account la ON la.id = c.lead_account_id "
	"ORDER BY c.id LIMIT ? OFFSET ?",
    /* Cases of people whose name (search key) starts with ? */
    [STMT_CASE_SEARCH] =
	"SELECT c.id, p.given_name AS given, p.family_name AS family, "
	"la.name AS `lead-name`, c.status, c.opened_on AS opened, c.urgent, "
	"c.safety FROM person p JOIN case_file c ON c.person_id = p.id "
	"JOIN account la ON la.id = c.lead_account_id "
	"WHERE p.municipality_id = ? AND (p.name_key LIKE CONCAT(?, '%') "
	"OR p.family_key LIKE CONCAT(?, '%')) "
	"ORDER BY p.family_name, p.given_name, c.id LIMIT 50",
    [STMT_CASE_PERSON_FIND] =
	"SELECT p.id, p.given_name AS given, p.family_name AS family, "
	"p.birth_date AS birth, "
	"IF(? = 1, COALESCE(st.name_cyrl, st.name), st.name) AS settlement "
	"FROM person p "
	"LEFT JOIN settlement st ON st.id = p.settlement_id "
	"WHERE p.municipality_id = ? AND (p.name_key LIKE CONCAT(?, '%') "
	"OR p.family_key LIKE CONCAT(?, '%')) "
	"ORDER BY p.family_name, p.given_name LIMIT 20",
    [STMT_CASE_PERSON_SCOPE] =
	"SELECT p.id, p.given_name AS given, p.family_name AS family, "
	"p.birth_date AS birth, st.area FROM person p "
	"LEFT JOIN settlement st ON st.id = p.settlement_id "
	"WHERE p.id = ? AND p.municipality_id = ?",
    [STMT_CASE_INSERT] =
	"INSERT INTO case_file (municipality_id, person_id, household, "
	"lead_account_id, opened_on, intake, intake_note, "
	"one_time_assistance, urgent, safety) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [STMT_CASE_UPDATE] =
	"UPDATE case_file SET household = ?, intake = ?, intake_note = ?, "
	"one_time_assistance = ?, urgent = ?, safety = ?, needs = ?, "
	"strengths = ? WHERE id = ? AND lead_account_id = ? "
	"AND status = 'open'",
    [STMT_CASE_BARRIERS] =
	"SELECT barrier AS code, note FROM case_barrier WHERE case_id = ? "
	"ORDER BY barrier",
    [STMT_CASE_BARRIERS_CLEAR] = "DELETE FROM case_barrier WHERE case_id = ?",
    [STMT_CASE_BARRIER_ADD] =
	"INSERT INTO case_barrier (case_id, barrier, note) VALUES (?, ?, ?)",
    /* Every priority group of the case's town in use (and any no longer
     * in use that the case is marked with), marked or not; the
     * rural-ota mark comes from the settlement and one-time assistance. */
    [STMT_CASE_PRIORITIES] =
	"SELECT g.id, g.code, g.derive, "
	"ELT(?, g.name_sr_cyrl, g.name_sr_latn, g.name_bs, g.name_en) AS name, "
	"IF(g.derive = 'manual', EXISTS (SELECT 1 FROM case_priority cp "
	"WHERE cp.case_id = c.id AND cp.group_id = g.id), "
	"c.one_time_assistance AND COALESCE(st.area = 'rural', 0)) AS marked "
	"FROM case_file c JOIN person p ON p.id = c.person_id "
	"LEFT JOIN settlement st ON st.id = p.settlement_id "
	"JOIN priority_group g ON g.municipality_id = c.municipality_id "
	"WHERE c.id = ? AND (g.active OR EXISTS (SELECT 1 FROM case_priority "
	"cx WHERE cx.case_id = c.id AND cx.group_id = g.id)) "
	"ORDER BY g.position, g.id",
    [STMT_CASE_PRIORITY_CLEAR] = "DELETE FROM case_priority WHERE case_id = ?",
    [STMT_CASE_PRIORITY_ADD] =
	"INSERT INTO case_priority (case_id, group_id) SELECT c.id, g.id "
	"FROM case_file c JOIN priority_group g "
	"ON g.municipality_id = c.municipality_id AND g.derive = 'manual' "
	"WHERE c.id = ? AND g.id = ?",
    [STMT_CASE_GOALS] =
	"SELECT id AS value, text AS label FROM case_goal WHERE case_id = ? "
	"ORDER BY id LIMIT 100",
    [STMT_CASE_GOAL_INSERT] =
	"INSERT INTO case_goal (case_id, text) VALUES (?, ?)",
    [STMT_CASE_ACTIVITIES] =
	"SELECT a.id, a.goal_id AS goal, a.text, a.organisation_id AS org, "
	"IF(? = 1, COALESCE(o.name_cyrl, o.name), o.name) AS `org-name`, "
	"a.due_on AS due, a.done_on AS done, "
	"a.done_on IS NULL AND a.due_on < ? AS overdue "
	"FROM case_activity a "
	"LEFT JOIN organisation o ON o.id = a.organisation_id "
	"WHERE a.case_id = ? ORDER BY a.due_on, a.id LIMIT 500",
    [STMT_CASE_ACTIVITY_INSERT] =
	"INSERT INTO case_activity (case_id, goal_id, text, organisation_id, "
	"due_on) VALUES (?, ?, ?, ?, ?)",
    [STMT_CASE_ACTIVITY_DONE] =
	"UPDATE case_activity SET done_on = ? WHERE id = ? "
	"AND case_id = ? AND done_on IS NULL",
    [STMT_CASE_REVIEWS] =
	"SELECT id, due_on AS due, held_on AS held, "
	"held_on IS NULL AND due_on < ? AS overdue "
	"FROM case_review WHERE case_id = ? ORDER BY due_on, id LIMIT 100",
    [STMT_CASE_REVIEW_INSERT] =
	"INSERT INTO case_review (case_id, due_on) VALUES (?, ?)",
    [STMT_CASE_REVIEW_HELD] = "UPDATE case_review SET held_on = ? WHERE id = ? "
			      "AND case_id = ? AND held_on IS NULL",
    [STMT_CASE_PLAN_SUBMIT] =
	"UPDATE case_file c SET plan_status = 'submitted' WHERE c.id = ? "
	"AND c.lead_account_id = ? AND c.status = 'open' "
	"AND c.plan_status = 'draft' "
	"AND EXISTS (SELECT 1 FROM case_goal g WHERE g.case_id = c.id)",
    /* A supervisor of the town, never the case's own lead worker. */
    [STMT_CASE_PLAN_APPROVE] =
	"UPDATE case_file c SET plan_status = 'approved', "
	"plan_approved_by = ?, plan_approved_at = UTC_TIMESTAMP() "
	"WHERE c.id = ? AND c.plan_status = 'submitted' "
	"AND c.lead_account_id <> ? AND EXISTS (SELECT 1 FROM csw_supervisor "
	"s WHERE s.account_id = ? AND s.municipality_id = c.municipality_id)",
    [STMT_CASE_CLOSE_REQUEST] =
	"UPDATE case_file SET status = 'closing', outcome = ?, "
	"exit_reason = ?, outcome_on = ?, outcome_organisation_id = ? "
	"WHERE id = ? AND lead_account_id = ? AND status = 'open'",
    [STMT_CASE_CLOSE_APPROVE] =
	"UPDATE case_file c SET status = 'closed', closed_by = ?, "
	"closed_at = UTC_TIMESTAMP(), transfer_to = NULL "
	"WHERE c.id = ? AND c.status = 'closing' "
	"AND c.lead_account_id <> ? AND EXISTS (SELECT 1 FROM csw_supervisor "
	"s WHERE s.account_id = ? AND s.municipality_id = c.municipality_id)",
    [STMT_CASE_TRANSFER] = "UPDATE case_file SET transfer_to = ? WHERE id = ? "
			   "AND lead_account_id = ? AND status <> 'closed'",
    [STMT_CASE_TRANSFER_ACCEPT] =
	"UPDATE case_file SET lead_account_id = ?, transfer_to = NULL "
	"WHERE id = ? AND transfer_to = ? AND status <> 'closed'",
    [STMT_CASE_SUPERVISOR] =
	"SELECT 1 AS yes FROM csw_supervisor WHERE account_id = ? "
	"AND municipality_id = ?",
    /* Other active CSW workers of the town: whom to transfer or assign. */
    [STMT_CSW_WORKERS] =
	"SELECT DISTINCT a.id AS value, a.name AS label FROM account_role r "
	"JOIN account a ON a.id = r.account_id WHERE r.role = 'csw' "
	"AND r.municipality_id = ? AND a.status = 'active' AND a.id <> ? "
	"ORDER BY a.name LIMIT 500",
    [STMT_PARTNER_OPTIONS] =
	"SELECT o.id AS value, "
	"IF(? = 1, COALESCE(o.name_cyrl, o.name), o.name) AS label "
	"FROM organisation o WHERE o.municipality_id = ? "
	"AND o.category = 'partner' ORDER BY label LIMIT 200",
    [STMT_CASE_REFERRALS] =
	"SELECT r.id, r.organisation_id AS org, "
	"IF(? = 1, COALESCE(o.name_cyrl, o.name), o.name) AS `org-name`, "
	"r.request, r.status, r.sent_at AS sent, r.result, "
	"r.action_note AS `action-note`, g.expires_at AS expires, "
	"g.ended_at IS NULL AND g.expires_at > UTC_TIMESTAMP() AS open "
	"FROM referral r JOIN organisation o ON o.id = r.organisation_id "
	"LEFT JOIN record_grant g ON g.object_type = 'referral' "
	"AND g.object_id = r.id WHERE r.case_id = ? ORDER BY r.id LIMIT 100",
    [STMT_CASE_GROUPS] =
	"SELECT ga.id, ga.title, (SELECT COUNT(*) FROM group_session s "
	"WHERE s.activity_id = ga.id) AS sessions, "
	"(SELECT COUNT(*) FROM group_attendance t JOIN group_session s "
	"ON s.id = t.session_id WHERE s.activity_id = ga.id "
	"AND t.case_id = m.case_id) AS attended "
	"FROM group_member m JOIN group_activity ga ON ga.id = m.activity_id "
	"WHERE m.case_id = ? ORDER BY ga.starts_on LIMIT 50",
    [STMT_REFERRAL_INSERT] =
	"INSERT INTO referral (case_id, organisation_id, sent_by, request) "
	"VALUES (?, ?, ?, ?)",
    [STMT_REFERRAL_FIELD_ADD] =
	"INSERT INTO referral_field (referral_id, field) VALUES (?, ?)",
    /* The last two: seconds to expiry (0: none), twice. */
    [STMT_GRANT_INSERT] =
	"INSERT INTO record_grant (object_type, object_id, kind, account_id, "
	"organisation_id, reason, granted_by, expires_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, "
	"IF(? > 0, UTC_TIMESTAMP() + INTERVAL ? SECOND, NULL))",
    [STMT_GRANT_END] =
	"UPDATE record_grant SET ended_at = UTC_TIMESTAMP() "
	"WHERE object_type = ? AND object_id = ? AND ended_at IS NULL",
    /* A partner's referral: only through a live grant to its
     * organisation (the grant's expiry checked here, whatever a job did). */
    [STMT_REFERRAL_PARTNER_SCOPE] =
	"SELECT r.id, r.request, r.status, r.sent_at AS sent, "
	"r.answered_at AS answered, r.action_note AS `action-note`, "
	"r.result, g.expires_at AS expires, sa.name AS `sent-by` "
	"FROM referral r JOIN record_grant g ON g.object_type = 'referral' "
	"AND g.object_id = r.id AND g.organisation_id = r.organisation_id "
	"JOIN account sa ON sa.id = r.sent_by "
	"WHERE r.id = ? AND r.organisation_id = ? AND g.ended_at IS NULL "
	"AND g.expires_at > UTC_TIMESTAMP() AND r.status <> 'closed'",
    [STMT_REFERRAL_CSW_SCOPE] =
	"SELECT r.id, r.case_id AS `case`, r.organisation_id AS org, "
	"r.status, c.lead_account_id AS lead FROM referral r "
	"JOIN case_file c ON c.id = r.case_id "
	"WHERE r.id = ? AND c.municipality_id = ?",
    [STMT_REFERRAL_FIELDS] =
	"SELECT field FROM referral_field WHERE referral_id = ? ORDER BY field",
    /* The minimal packet: a field not ticked is NULL here, so that it
     * never leaves the database. */
    [STMT_REFERRAL_PACKET] =
	"SELECT IF(FIND_IN_SET('name', f.fields), "
	"CONCAT(p.given_name, ' ', p.family_name), NULL) AS name, "
	"IF(FIND_IN_SET('birth', f.fields), p.birth_date, NULL) AS birth, "
	"IF(FIND_IN_SET('sex', f.fields), p.sex, NULL) AS sex, "
	"IF(FIND_IN_SET('phone', f.fields), NULLIF(p.phone, ''), NULL) "
	"AS phone, "
	"IF(FIND_IN_SET('email', f.fields), NULLIF(p.email, ''), NULL) "
	"AS email, "
	"IF(FIND_IN_SET('address', f.fields), NULLIF(p.address, ''), NULL) "
	"AS address, "
	"IF(FIND_IN_SET('settlement', f.fields), IF(? = 1, "
	"COALESCE(st.name_cyrl, st.name), st.name), NULL) AS settlement, "
	"IF(FIND_IN_SET('needs', f.fields), NULLIF(c.needs, ''), NULL) "
	"AS needs, "
	"IF(FIND_IN_SET('strengths', f.fields), NULLIF(c.strengths, ''), "
	"NULL) AS strengths, "
	"IF(FIND_IN_SET('barriers', f.fields), (SELECT GROUP_CONCAT("
	"b.barrier ORDER BY b.barrier) FROM case_barrier b "
	"WHERE b.case_id = c.id), NULL) AS barriers "
	"FROM (SELECT rf.referral_id, GROUP_CONCAT(rf.field) AS fields "
	"FROM referral_field rf WHERE rf.referral_id = ? "
	"GROUP BY rf.referral_id) f JOIN referral r ON r.id = f.referral_id "
	"JOIN case_file c ON c.id = r.case_id "
	"JOIN person p ON p.id = c.person_id "
	"LEFT JOIN settlement st ON st.id = p.settlement_id",
    [STMT_REFERRAL_LIST_PARTNER] =
	"SELECT r.id, r.request, r.status, r.sent_at AS sent, "
	"g.expires_at AS expires, IF(EXISTS (SELECT 1 FROM referral_field f "
	"WHERE f.referral_id = r.id AND f.field = 'name'), "
	"CONCAT(p.given_name, ' ', p.family_name), NULL) AS name "
	"FROM referral r JOIN record_grant g ON g.object_type = 'referral' "
	"AND g.object_id = r.id AND g.organisation_id = r.organisation_id "
	"JOIN case_file c ON c.id = r.case_id "
	"JOIN person p ON p.id = c.person_id "
	"WHERE r.organisation_id = ? AND g.ended_at IS NULL "
	"AND g.expires_at > UTC_TIMESTAMP() AND r.status <> 'closed' "
	"ORDER BY r.sent_at DESC, r.id DESC LIMIT 200",
    [STMT_REFERRAL_ANSWER] =
	"UPDATE referral SET status = ?, answered_at = UTC_TIMESTAMP() "
	"WHERE id = ? AND organisation_id = ? AND status = 'sent'",
    [STMT_REFERRAL_REPORT] =
	"UPDATE referral SET action_note = ?, result = ? WHERE id = ? "
	"AND organisation_id = ? AND status = 'accepted'",
    [STMT_REFERRAL_CLOSE] =
	"UPDATE referral SET status = 'closed', closed_at = UTC_TIMESTAMP() "
	"WHERE id = ? AND status <> 'closed'",
    [STMT_PROTOCOL] =
	"SELECT id, title, signed_on AS signed FROM protocol "
	"WHERE municipality_id = ? ORDER BY signed_on DESC LIMIT 10",
    [STMT_PROTOCOL_PARTNERS] =
	"SELECT pp.protocol_id AS protocol, o.id, "
	"IF(? = 1, COALESCE(o.name_cyrl, o.name), o.name) AS name, "
	"o.kind, pp.commitments FROM protocol_partner pp "
	"JOIN protocol pr ON pr.id = pp.protocol_id "
	"JOIN organisation o ON o.id = pp.organisation_id "
	"WHERE pr.municipality_id = ? ORDER BY name LIMIT 200",
    /*
     * A DV case exists only for the workers assigned to it and, for a
     * few hours, for one who broke the glass: anyone else gets no row.
     * The victim's address only for the assigned.
     */
    [STMT_DV_SCOPE] =
	"SELECT d.id, d.incident_on AS incident, d.kinds, "
	"d.victim_name AS victim, d.victim_sex AS `victim-sex`, "
	"d.victim_born AS `victim-born`, "
	"IF(EXISTS (SELECT 1 FROM record_grant a WHERE a.object_type = 'dv' "
	"AND a.object_id = d.id AND a.account_id = q.me "
	"AND a.kind = 'assigned' AND a.ended_at IS NULL), "
	"NULLIF(d.victim_address, ''), NULL) AS `victim-address`, "
	"d.perpetrator_name AS perpetrator, "
	"d.perpetrator_sex AS `perpetrator-sex`, d.relationship, "
	"d.children_present AS children, d.contact, "
	"d.safe_contact AS `safe-contact`, d.plan, "
	"d.plan_adopted_on AS `plan-adopted`, d.status, "
	"d.created_at AS created, "
	"EXISTS (SELECT 1 FROM record_grant a WHERE a.object_type = 'dv' "
	"AND a.object_id = d.id AND a.account_id = q.me "
	"AND a.kind = 'assigned' AND a.ended_at IS NULL) AS assigned, "
	"(SELECT MAX(g.expires_at) FROM record_grant g "
	"WHERE g.object_type = 'dv' AND g.object_id = d.id "
	"AND g.account_id = q.me AND g.kind = 'glass' AND g.ended_at IS NULL "
	"AND g.expires_at > UTC_TIMESTAMP()) AS `glass-until` "
	"FROM (SELECT ? AS id, ? AS muni, ? AS me) q "
	"JOIN dv_case d ON d.id = q.id AND d.municipality_id = q.muni "
	"HAVING assigned OR `glass-until` IS NOT NULL",
    /* The DV cases the caller may open, optionally by the victim's name. */
    [STMT_DV_LIST] =
	"SELECT d.id, d.incident_on AS incident, d.victim_name AS victim, "
	"d.relationship, d.status, MIN(g.kind) AS access, "
	"(SELECT MIN(m.ends_at) FROM dv_measure m WHERE m.dv_case_id = d.id "
	"AND m.ends_at > UTC_TIMESTAMP()) AS `measure-ends`, "
	"(SELECT COUNT(*) FROM dv_measure m WHERE m.dv_case_id = d.id "
	"AND m.ends_at > UTC_TIMESTAMP() "
	"AND m.ends_at <= UTC_TIMESTAMP() + INTERVAL 24 HOUR) AS `ends-soon` "
	"FROM record_grant g JOIN dv_case d ON d.id = g.object_id "
	"WHERE g.object_type = 'dv' AND g.account_id = ? "
	"AND d.municipality_id = ? AND g.ended_at IS NULL "
	"AND (g.expires_at IS NULL OR g.expires_at > UTC_TIMESTAMP()) "
	"AND (? = '' OR d.victim_key LIKE CONCAT(?, '%') "
	"OR d.victim_key LIKE CONCAT('% ', ?, '%')) "
	"GROUP BY d.id ORDER BY d.status = 'closed', d.incident_on DESC "
	"LIMIT 200",
    [STMT_DV_INSERT] =
	"INSERT INTO dv_case (municipality_id, incident_on, kinds, "
	"victim_name, victim_key, victim_sex, victim_born, victim_address, "
	"perpetrator_name, perpetrator_sex, relationship, children_present, "
	"contact, safe_contact, created_by) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [STMT_DV_PLAN] =
	"UPDATE dv_case SET plan = ?, plan_adopted_on = ?, contact = ?, "
	"safe_contact = ?, status = ? WHERE id = ?",
    [STMT_DV_MEASURES] =
	"SELECT id, kind, starts_at AS starts, ends_at AS ends, extended, "
	"ends_at <= UTC_TIMESTAMP() AS ended, ends_at > UTC_TIMESTAMP() "
	"AND ends_at <= UTC_TIMESTAMP() + INTERVAL 24 HOUR AS `ends-soon` "
	"FROM dv_measure WHERE dv_case_id = ? ORDER BY starts_at, id LIMIT 50",
    /* 48 hours from the start (the police's order). */
    [STMT_DV_MEASURE_INSERT] =
	"INSERT INTO dv_measure (dv_case_id, kind, starts_at, ends_at) "
	"VALUES (?, ?, ?, ? + INTERVAL 48 HOUR)",
    /* The court's extension, once, by 1 to 30 days. */
    [STMT_DV_MEASURE_EXTEND] =
	"UPDATE dv_measure SET ends_at = ends_at + INTERVAL ? DAY, "
	"extended = TRUE WHERE id = ? AND dv_case_id = ? AND NOT extended "
	"AND ends_at > UTC_TIMESTAMP()",
    [STMT_DV_REFERRALS] =
	"SELECT id, kind, made_on AS made, note FROM dv_referral "
	"WHERE dv_case_id = ? ORDER BY made_on, id LIMIT 100",
    [STMT_DV_REFERRAL_INSERT] =
	"INSERT INTO dv_referral (dv_case_id, kind, made_on, note) "
	"VALUES (?, ?, ?, ?)",
    [STMT_DV_WORKERS] =
	"SELECT a.name, g.kind, g.expires_at AS until, g.reason, "
	"g.created_at AS since FROM record_grant g "
	"JOIN account a ON a.id = g.account_id WHERE g.object_type = 'dv' "
	"AND g.object_id = ? AND g.ended_at IS NULL "
	"AND (g.expires_at IS NULL OR g.expires_at > UTC_TIMESTAMP()) "
	"ORDER BY g.kind, a.name LIMIT 100",
    [STMT_DV_EXISTS] =
	"SELECT id FROM dv_case WHERE id = ? AND municipality_id = ?",
    [STMT_DV_SUPERVISORS] =
	"SELECT a.email, a.name, a.locale FROM csw_supervisor s "
	"JOIN account a ON a.id = s.account_id WHERE s.municipality_id = ? "
	"AND a.status = 'active' LIMIT 20",
    [STMT_DV_GLASS_LOG] =
	"SELECT g.object_id AS `case`, a.name, g.reason, g.created_at AS at, "
	"g.expires_at AS until FROM record_grant g "
	"JOIN account a ON a.id = g.account_id "
	"JOIN dv_case d ON d.id = g.object_id WHERE g.object_type = 'dv' "
	"AND g.kind = 'glass' AND d.municipality_id = ? "
	"ORDER BY g.id DESC LIMIT 50",
    /*
     * Group activities (group.c): an activity of the town (scope: id,
     * town), its sessions and participants (cases), the attendance of a
     * session.  Priority groups and supervisors (case_admin.c): the
     * administrator's town only.
     */
    [STMT_GRP_LIST] =
	"SELECT ga.id, ga.title, ga.kind, ga.starts_on AS starts, "
	"ga.ends_on AS ends, "
	"IF(? = 1, COALESCE(o.name_cyrl, o.name), o.name) AS `org-name`, "
	"(SELECT COUNT(*) FROM group_member m WHERE m.activity_id = ga.id) "
	"AS members, (SELECT COUNT(*) FROM group_session s "
	"WHERE s.activity_id = ga.id) AS sessions, "
	"(SELECT MAX(s.held_on) FROM group_session s "
	"WHERE s.activity_id = ga.id) AS `last-session` "
	"FROM group_activity ga "
	"LEFT JOIN organisation o ON o.id = ga.organisation_id "
	"WHERE ga.municipality_id = ? "
	"ORDER BY ga.starts_on DESC, ga.id DESC LIMIT 200",
    [STMT_GRP_SCOPE] =
	"SELECT ga.id, ga.title, ga.kind, ga.starts_on AS starts, "
	"ga.ends_on AS ends, o.name AS `org-name`, "
	"o.name_cyrl AS `org-name-cyrl` FROM (SELECT ? AS id, ? AS muni) q "
	"JOIN group_activity ga ON ga.id = q.id "
	"AND ga.municipality_id = q.muni "
	"LEFT JOIN organisation o ON o.id = ga.organisation_id",
    [STMT_GRP_SESSIONS] =
	"SELECT s.id, s.held_on AS held, s.topic, "
	"(SELECT COUNT(*) FROM group_attendance t WHERE t.session_id = s.id) "
	"AS present FROM group_session s WHERE s.activity_id = ? "
	"ORDER BY s.held_on, s.id LIMIT 200",
    [STMT_GRP_MEMBERS] =
	"SELECT c.id AS `case`, p.given_name AS given, "
	"p.family_name AS family, c.status, "
	"(SELECT COUNT(*) FROM group_attendance t JOIN group_session s "
	"ON s.id = t.session_id WHERE s.activity_id = m.activity_id "
	"AND t.case_id = c.id) AS attended "
	"FROM group_member m JOIN case_file c ON c.id = m.case_id "
	"JOIN person p ON p.id = c.person_id WHERE m.activity_id = ? "
	"ORDER BY p.family_name, p.given_name, c.id LIMIT 200",
    /* A session of the activity (session, activity). */
    [STMT_GRP_SESSION_ONE] =
	"SELECT id, held_on AS held, topic FROM group_session "
	"WHERE id = ? AND activity_id = ?",
    [STMT_GRP_SESSION_INSERT] =
	"INSERT INTO group_session (activity_id, held_on, topic) "
	"VALUES (?, ?, ?)",
    /* (held, topic, session, activity) */
    [STMT_GRP_SESSION_UPDATE] =
	"UPDATE group_session SET held_on = ?, topic = ? "
	"WHERE id = ? AND activity_id = ?",
    /* The participants, each with whether they came (session, activity). */
    [STMT_GRP_ATTENDANCE] =
	"SELECT c.id AS `case`, p.given_name AS given, "
	"p.family_name AS family, EXISTS (SELECT 1 FROM group_attendance t "
	"WHERE t.session_id = q.sid AND t.case_id = c.id) AS present "
	"FROM (SELECT ? AS sid) q JOIN group_member m ON m.activity_id = ? "
	"JOIN case_file c ON c.id = m.case_id "
	"JOIN person p ON p.id = c.person_id "
	"ORDER BY p.family_name, p.given_name, c.id LIMIT 200",
    [STMT_GRP_ATTEND_CLEAR] =
	"DELETE FROM group_attendance WHERE session_id = ?",
    /* (session, activity, case): only a participant of the activity. */
    [STMT_GRP_ATTEND_ADD] =
	"INSERT INTO group_attendance (session_id, case_id) "
	"SELECT ?, m.case_id FROM group_member m "
	"WHERE m.activity_id = ? AND m.case_id = ?",
    /* An activity as its form shows it, in the field table's order
     * (activity, town). */
    [STMT_GRP_RAW] = "SELECT title, kind, starts_on, ends_on, organisation_id "
		     "FROM group_activity WHERE id = ? AND municipality_id = ?",
    /* (town, title, kind, partner or NULL, starts, ends or NULL) */
    [STMT_GRP_INSERT] =
	"INSERT INTO group_activity (municipality_id, title, kind, "
	"organisation_id, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?)",
    /* (title, kind, partner or NULL, starts, ends or NULL, activity,
     * town) */
    [STMT_GRP_UPDATE] =
	"UPDATE group_activity SET title = ?, kind = ?, organisation_id = ?, "
	"starts_on = ?, ends_on = ? WHERE id = ? AND municipality_id = ?",
    /* The town's open cases that are not participants yet (town,
     * activity): the choices of the form that adds one. */
    [STMT_GRP_CANDIDATES] =
	"SELECT c.id AS value, CONCAT(p.family_name, ' ', p.given_name, "
	"' (', c.id, ')') AS label FROM case_file c "
	"JOIN person p ON p.id = c.person_id "
	"WHERE c.municipality_id = ? AND c.status = 'open' "
	"AND NOT EXISTS (SELECT 1 FROM group_member m "
	"WHERE m.activity_id = ? AND m.case_id = c.id) "
	"ORDER BY p.family_name, p.given_name, c.id LIMIT 500",
    /* A participant and the sessions they came to (activity, case),
     * locked until the removal commits. */
    [STMT_GRP_MEMBER_ONE] =
	"SELECT m.case_id AS `case`, (SELECT COUNT(*) FROM group_attendance t "
	"JOIN group_session s ON s.id = t.session_id "
	"WHERE s.activity_id = m.activity_id AND t.case_id = m.case_id) "
	"AS attended FROM group_member m WHERE m.activity_id = ? "
	"AND m.case_id = ? FOR UPDATE",
    /* (activity, case, town): only an open case of the town. */
    [STMT_GRP_MEMBER_ADD] = "INSERT INTO group_member (activity_id, case_id) "
			    "SELECT ?, c.id FROM case_file c WHERE c.id = ? "
			    "AND c.municipality_id = ? AND c.status = 'open'",
    [STMT_GRP_MEMBER_REMOVE] =
	"DELETE FROM group_member WHERE activity_id = ? AND case_id = ?",
    [STMT_PGA_LIST] =
	"SELECT g.id, g.code, "
	"ELT(?, g.name_sr_cyrl, g.name_sr_latn, g.name_bs, g.name_en) AS name, "
	"g.derive, g.active, g.position, (SELECT COUNT(*) "
	"FROM case_priority cp WHERE cp.group_id = g.id) AS marks "
	"FROM priority_group g "
	"WHERE g.municipality_id = ? ORDER BY g.position, g.id LIMIT 100",
    [STMT_PGA_SCOPE] =
	"SELECT g.id, g.code, g.name_sr_latn AS `name-sr-latn`, "
	"g.name_bs AS `name-bs`, g.name_en AS `name-en`, g.derive, g.active, "
	"g.position FROM (SELECT ? AS id, ? AS muni) q "
	"JOIN priority_group g ON g.id = q.id AND g.municipality_id = q.muni",
    /* (town, code, sr-Latn, sr-Cyrl, bs, en, active, position) */
    [STMT_PGA_INSERT] =
	"INSERT INTO priority_group (municipality_id, code, name_sr_latn, "
	"name_sr_cyrl, name_bs, name_en, derive, active, position) "
	"VALUES (?, ?, ?, ?, ?, ?, 'manual', ?, ?)",
    /* (sr-Latn, sr-Cyrl, bs, en, position, active, id, town) */
    [STMT_PGA_UPDATE] =
	"UPDATE priority_group SET name_sr_latn = ?, name_sr_cyrl = ?, "
	"name_bs = ?, name_en = ?, position = ?, active = ? "
	"WHERE id = ? AND municipality_id = ?",
    [STMT_SUP_LIST] =
	"SELECT a.id, a.name, a.email, a.status FROM csw_supervisor s "
	"JOIN account a ON a.id = s.account_id WHERE s.municipality_id = ? "
	"ORDER BY a.name, a.id LIMIT 200",
    /* Active CSW workers of the town who do not supervise yet. */
    [STMT_SUP_CANDIDATES] =
	"SELECT DISTINCT a.id AS value, a.name AS label FROM account_role r "
	"JOIN account a ON a.id = r.account_id WHERE r.role = 'csw' "
	"AND r.municipality_id = ? AND a.status = 'active' "
	"AND NOT EXISTS (SELECT 1 FROM csw_supervisor s "
	"WHERE s.account_id = a.id) ORDER BY a.name LIMIT 500",
    /* (town, account): an active CSW worker of the town. */
    [STMT_SUP_ADD] =
	"INSERT INTO csw_supervisor (account_id, municipality_id) "
	"SELECT DISTINCT a.id, r.municipality_id FROM account a "
	"JOIN account_role r ON r.account_id = a.id AND r.role = 'csw' "
	"AND r.municipality_id = ? WHERE a.id = ? AND a.status = 'active'",
    /* (account, town) */
    [STMT_SUP_REMOVE] = "DELETE FROM csw_supervisor WHERE account_id = ? "
			"AND municipality_id = ?",
/*
 * Professionals, courses, tests and certificates (issue 16, migration
 * 0014).  Course texts come in sr-Latn, bs and en: ELT(?, sr_latn,
 * sr_latn, bs, en), and a sr-Cyrl page transliterates (training_cyrl()).
 * A professional is seen by administrators of the town, by the worker
 * (account), by provider staff of the same organisation and by the
 * supervisor named on the record.  Test keys (test_option.correct,
 * match_code) are read only by test.c's scoring and the statistics,
 * never written to a page.
 */
#define PRO_SEEN                                                               \
	"p.municipality_id = ? AND (? = 1 OR p.account_id = ? "                \
	"OR (? <> 0 AND p.organisation_id = ?) OR p.supervisor_account_id = "  \
	"?)"
#define CTEXT(col)                                                             \
	"ELT(?, " col "_sr_latn, " col "_sr_latn, " col "_bs, " col "_en)"
    [STMT_PRO_SCOPE] =
	"SELECT p.id FROM professional p WHERE p.id = ? AND " PRO_SEEN,
    [STMT_PRO_GET] =
	"SELECT p.id, p.given_name AS `given-name`, "
	"p.family_name AS `family-name`, p.email, p.profession, "
	"p.licence_number AS licence, p.licence_from AS `licence-from`, "
	"p.licence_to AS `licence-to`, p.started_on AS started, "
	"p.due_on AS due, p.due_what AS `due-what`, "
	"DATEDIFF(p.due_on, UTC_DATE()) AS `days-left`, "
	"p.access_until < UTC_DATE() AS suspended, "
	"IF(? = 1, COALESCE(o.name_cyrl, o.name), o.name) AS organisation, "
	"ELT(?, sp.name_sr_cyrl, sp.name_sr_latn, sp.name_bs, sp.name_en) "
	"AS position, sp.case_work AS `case-work`, sv.name AS supervisor, "
	"p.account_id AS account FROM professional p "
	"JOIN organisation o ON o.id = p.organisation_id "
	"JOIN staff_position sp ON sp.id = p.position_id "
	"LEFT JOIN account sv ON sv.id = p.supervisor_account_id "
	"WHERE p.id = ?",
    [STMT_PRO_LIST] =
	"SELECT p.id, p.given_name AS `given-name`, "
	"p.family_name AS `family-name`, "
	"IF(? = 1, COALESCE(o.name_cyrl, o.name), o.name) AS organisation, "
	"ELT(?, sp.name_sr_cyrl, sp.name_sr_latn, sp.name_bs, sp.name_en) "
	"AS position, p.due_on AS due, p.due_what AS `due-what`, "
	"DATEDIFF(p.due_on, UTC_DATE()) AS `days-left`, "
	"p.access_until < UTC_DATE() AS suspended FROM professional p "
	"JOIN organisation o ON o.id = p.organisation_id "
	"JOIN staff_position sp ON sp.id = p.position_id WHERE " PRO_SEEN
	" AND (? = '' OR p.name_key LIKE CONCAT(?, '%')) "
	"ORDER BY p.family_name, p.given_name, p.id LIMIT 200",
    [STMT_PRO_MINE] = "SELECT id FROM professional WHERE account_id = ? "
		      "AND municipality_id = ?",
    /* The courses the position requires, each with its newest
     * certificate and the last day it (or the first deadline) covers. */
    [STMT_PRO_COURSES] = "SELECT c.id, " CTEXT(
	"c.title") " AS title, "
		   "MAX(ce.valid_to) AS `valid-to`, "
		   "COALESCE(MAX(ce.valid_to), MIN(p.started_on) + "
		   "INTERVAL MIN(c.first_due_days) - 1 DAY) AS due, "
		   "DATEDIFF(COALESCE(MAX(ce.valid_to), MIN(p.started_on) + "
		   "INTERVAL MIN(c.first_due_days) - 1 DAY), UTC_DATE()) AS "
		   "`days-left` "
		   "FROM professional p "
		   "JOIN position_course pc ON pc.position_id = p.position_id "
		   "JOIN course c ON c.id = pc.course_id AND c.status = "
		   "'published' "
		   "LEFT JOIN certificate ce ON ce.professional_id = p.id "
		   "AND ce.course_id = c.id WHERE p.id = ? GROUP BY c.id ORDER "
		   "BY due",
    [STMT_PRO_CERTS] = "SELECT ce.code, " CTEXT(
	"c.title") " AS title, "
		   "ce.issued_on AS issued, ce.valid_to AS `valid-to`, "
		   "ce.valid_to >= UTC_DATE() AS valid FROM certificate ce "
		   "JOIN course c ON c.id = ce.course_id WHERE "
		   "ce.professional_id = ? "
		   "ORDER BY ce.issued_on DESC, ce.id DESC LIMIT 100",
    /*
     * The next lapse of one professional (?, ? = id) or of everyone (0):
     * the earliest of the licence's last day and, per required course,
     * its newest certificate's last day or, never passed, the last of
     * its first_due_days after the start; access_until the same for a
     * case-work position.  The daily job and every pass run it.
     */
    [STMT_PRO_REFRESH] =
	"UPDATE professional p "
	"JOIN staff_position sp ON sp.id = p.position_id LEFT JOIN ("
	"SELECT x.pid, x.due, x.what, x.course FROM (SELECT i.pid, i.due, "
	"i.what, i.course, ROW_NUMBER() OVER (PARTITION BY i.pid "
	"ORDER BY i.due, i.what, i.course) AS rn FROM ("
	"SELECT p2.id AS pid, p2.licence_to AS due, 'licence' AS what, "
	"0 AS course FROM professional p2 WHERE p2.licence_to IS NOT NULL "
	"AND (? = 0 OR p2.id = ?) UNION ALL "
	"SELECT p2.id, COALESCE(MAX(ce.valid_to), MIN(p2.started_on) + "
	"INTERVAL MIN(c.first_due_days) - 1 DAY), 'course', c.id "
	"FROM professional p2 "
	"JOIN position_course pc ON pc.position_id = p2.position_id "
	"JOIN course c ON c.id = pc.course_id AND c.status = 'published' "
	"LEFT JOIN certificate ce ON ce.professional_id = p2.id "
	"AND ce.course_id = c.id WHERE (? = 0 OR p2.id = ?) "
	"GROUP BY p2.id, c.id) i) x WHERE x.rn = 1) d ON d.pid = p.id "
	"SET p.due_on = d.due, p.due_what = d.what, "
	"p.due_course_id = NULLIF(d.course, 0), "
	"p.access_until = IF(sp.case_work, d.due, NULL) "
	"WHERE (? = 0 OR p.id = ?)",
    [STMT_PRO_INSERT] =
	"INSERT INTO professional (municipality_id, given_name, family_name, "
	"name_key, email, organisation_id, position_id, profession, "
	"licence_number, licence_from, licence_to, started_on, "
	"supervisor_account_id, account_id) "
	"SELECT ?, ?, ?, ?, ?, o.id, sp.id, ?, ?, ?, ?, ?, ?, "
	"(SELECT a.id FROM account a WHERE a.email = ? "
	"AND NOT EXISTS (SELECT 1 FROM professional x "
	"WHERE x.account_id = a.id)) "
	"FROM organisation o JOIN staff_position sp "
	"ON sp.municipality_id = o.municipality_id "
	"WHERE o.id = ? AND sp.id = ? AND o.municipality_id = ?",
    [STMT_PRO_UPDATE] =
	"UPDATE professional p JOIN organisation o ON o.id = ? "
	"AND o.municipality_id = p.municipality_id "
	"JOIN staff_position sp ON sp.id = ? "
	"AND sp.municipality_id = p.municipality_id "
	"SET p.given_name = ?, p.family_name = ?, p.name_key = ?, "
	"p.email = ?, p.organisation_id = o.id, p.position_id = sp.id, "
	"p.profession = ?, p.licence_number = ?, p.licence_from = ?, "
	"p.licence_to = ?, p.started_on = ?, p.supervisor_account_id = ? "
	"WHERE p.id = ? AND p.municipality_id = ?",
    [STMT_PRO_RAW] =
	"SELECT given_name, family_name, email, organisation_id, "
	"position_id, profession, licence_number, licence_from, licence_to, "
	"started_on, supervisor_account_id FROM professional "
	"WHERE id = ? AND municipality_id = ?",
    [STMT_POSITION_CHOICES] =
	"SELECT id AS value, ELT(?, name_sr_cyrl, name_sr_latn, name_bs, "
	"name_en) AS label FROM staff_position WHERE municipality_id = ? "
	"ORDER BY label",
    /* Supervisors: the town's CSW supervisors and provider staff. */
    [STMT_SUPERVISOR_CHOICES] =
	"SELECT DISTINCT a.id AS value, a.name AS label FROM account a "
	"JOIN account_role r ON r.account_id = a.id "
	"WHERE r.municipality_id = ? AND a.status = 'active' "
	"AND (r.role = 'provider' OR a.id IN (SELECT account_id "
	"FROM csw_supervisor)) ORDER BY label LIMIT 500",
    [STMT_IS_SUPERVISOR] =
	"SELECT 1 AS yes FROM csw_supervisor WHERE account_id = ? "
	"AND municipality_id = ?",
    /*
     * Whether account ? may be named a professional's supervisor in town
     * ?: in-town when it has a role there, eligible when it is an active
     * supervisor of the town's CSW or provider staff of the town (the
     * choices of STMT_SUPERVISOR_CHOICES).
     */
    [STMT_SUPERVISOR_CHECK] =
	"SELECT EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = q.id "
	"AND r.municipality_id = q.m) AS `in-town`, EXISTS (SELECT 1 "
	"FROM account a JOIN account_role r ON r.account_id = a.id "
	"WHERE a.id = q.id AND a.status = 'active' AND r.municipality_id = q.m "
	"AND (r.role = 'provider' OR EXISTS (SELECT 1 FROM csw_supervisor s "
	"WHERE s.account_id = a.id AND s.municipality_id = q.m))) AS eligible "
	"FROM (SELECT ? AS id, ? AS m) q",
/*
 * Completion per organisation: an organisation o (its name by the
 * locale, the first parameter) with its professionals p counted by
 * their next lapse (an index on (municipality, organisation)); a
 * professional with no due date or no access limit counts 0 in those
 * columns (a SUM of nothing but NULL would be NULL, shown as NaN).
 */
#define COMPLETION_COLS                                                        \
	"o.id, IF(? = 1, COALESCE(MIN(o.name_cyrl), MIN(o.name)), "            \
	"MIN(o.name)) AS name, COUNT(*) AS staff, "                            \
	"SUM(p.due_on IS NULL OR p.due_on >= UTC_DATE() + INTERVAL 60 DAY) "   \
	"AS current, SUM(COALESCE(p.due_on >= UTC_DATE() "                     \
	"AND p.due_on < UTC_DATE() + INTERVAL 60 DAY, 0)) AS due, "            \
	"SUM(COALESCE(p.due_on < UTC_DATE(), 0)) AS lapsed, "                  \
	"SUM(COALESCE(p.access_until < UTC_DATE(), 0)) AS suspended "          \
	"FROM professional p JOIN organisation o ON o.id = p.organisation_id "
    [STMT_COMPLETION] =
	"SELECT " COMPLETION_COLS
	"WHERE p.municipality_id = ? GROUP BY o.id ORDER BY name",
    /*
     * A provincial analyst's towns: those of their analyst roles (one
     * for most analysts), at most 200, by name; (locale, account).
     */
    [STMT_COMPLETION_TOWNS] =
	"SELECT m.id, ELT(?, m.name_sr_cyrl, m.name_sr_latn, m.name_bs, "
	"m.name_en) AS name FROM municipality m WHERE m.id IN "
	"(SELECT municipality_id FROM account_role WHERE account_id = ? "
	"AND role = 'analyst') ORDER BY name LIMIT 200",
    /* The completion report of each of those towns; (locale, account). */
    [STMT_COMPLETION_PROVINCE] =
	"SELECT p.municipality_id AS town, " COMPLETION_COLS
	"WHERE p.municipality_id IN (SELECT municipality_id FROM account_role "
	"WHERE account_id = ? AND role = 'analyst') "
	"GROUP BY p.municipality_id, o.id ORDER BY town, name",
    [STMT_COURSE_LIST] = "SELECT c.id, c.code, " CTEXT(
	"c.title") " AS title, c.status, "
		   "c.validity_months AS months, c.minutes, c.draw, "
		   "(SELECT COUNT(*) FROM course_module m WHERE m.course_id = "
		   "c.id) "
		   "AS modules, (SELECT COUNT(*) FROM test_question q "
		   "WHERE q.course_id = c.id AND q.active) AS questions FROM "
		   "course c "
		   "WHERE c.municipality_id = ? AND (c.status = 'published' OR "
		   "? = 1) "
		   "ORDER BY title",
    [STMT_COURSE_SCOPE] =
	"SELECT id FROM course WHERE id = ? AND municipality_id = ? "
	"AND status = 'published'",
    [STMT_COURSE_EDIT_SCOPE] =
	"SELECT id FROM course WHERE id = ? AND municipality_id = ?",
    [STMT_COURSE_GET] =
	"SELECT c.id, c.code, " CTEXT("c.title") " AS title, " CTEXT(
	    "c.summary") " AS summary, c.validity_months AS months, "
			 "c.first_due_days AS `first-days`, c.draw, c.minutes, "
			 "c.pass_percent AS pass, c.attempts_max AS attempts, "
			 "c.attempts_days AS `attempts-days`, c.status, "
			 "(SELECT COUNT(*) FROM test_question q WHERE "
			 "q.course_id = c.id "
			 "AND q.active) AS questions FROM course c WHERE c.id "
			 "= ?",
    [STMT_COURSE_RAW] =
	"SELECT code, title_sr_latn, title_bs, title_en, summary_sr_latn, "
	"summary_bs, summary_en, validity_months, first_due_days, draw, "
	"minutes, pass_percent, attempts_max, attempts_days, status "
	"FROM course WHERE id = ? AND municipality_id = ?",
    [STMT_COURSE_INSERT] =
	"INSERT INTO course (municipality_id, code, title_sr_latn, title_bs, "
	"title_en, summary_sr_latn, summary_bs, summary_en, validity_months, "
	"first_due_days, draw, minutes, pass_percent, attempts_max, "
	"attempts_days, status) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [STMT_COURSE_UPDATE] =
	"UPDATE course SET code = ?, title_sr_latn = ?, title_bs = ?, "
	"title_en = ?, summary_sr_latn = ?, summary_bs = ?, summary_en = ?, "
	"validity_months = ?, first_due_days = ?, draw = ?, minutes = ?, "
	"pass_percent = ?, attempts_max = ?, attempts_days = ?, status = ? "
	"WHERE id = ? AND municipality_id = ?",
    [STMT_COURSE_MODULES] = "SELECT id, position, " CTEXT(
	"title") " AS title "
		 "FROM course_module WHERE course_id = ? ORDER BY position, id",
    /* The caller's standing in a course: the newest certificate, the
     * attempts in the period, an attempt still open, and when the
     * oldest attempt of the period stops counting. */
    /* valid: the latest certificate is still valid today (the page
     * says "valid until" or "lapsed on"). */
    [STMT_COURSE_MINE] =
	"SELECT m.*, m.`valid-to` >= UTC_DATE() AS valid FROM ("
	"SELECT (SELECT MAX(valid_to) FROM certificate WHERE "
	"professional_id = ? AND course_id = ?) AS `valid-to`, "
	"(SELECT COUNT(*) FROM test_attempt WHERE professional_id = ? "
	"AND course_id = ? AND started_at > UTC_TIMESTAMP() - INTERVAL ? "
	"DAY) AS used, (SELECT MAX(id) FROM test_attempt WHERE "
	"professional_id = ? AND course_id = ? AND status = 'open' "
	"AND deadline_at > UTC_TIMESTAMP()) AS `open`, "
	"(SELECT MIN(started_at) + INTERVAL ? DAY FROM test_attempt "
	"WHERE professional_id = ? AND course_id = ? AND started_at > "
	"UTC_TIMESTAMP() - INTERVAL ? DAY) AS `next-at`) m",
    [STMT_MODULE_GET] = "SELECT id, position, " CTEXT(
	"title") " AS title, " CTEXT("body") " AS body FROM course_module "
					     "WHERE id = ? AND course_id = ?",
    [STMT_MODULE_RAW] =
	"SELECT position, title_sr_latn, title_bs, title_en, body_sr_latn, "
	"body_bs, body_en FROM course_module WHERE id = ? AND course_id = ?",
    [STMT_MODULE_INSERT] =
	"INSERT INTO course_module (course_id, position, title_sr_latn, "
	"title_bs, title_en, body_sr_latn, body_bs, body_en) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    [STMT_MODULE_UPDATE] =
	"UPDATE course_module SET position = ?, title_sr_latn = ?, "
	"title_bs = ?, title_en = ?, body_sr_latn = ?, body_bs = ?, "
	"body_en = ? WHERE id = ? AND course_id = ?",
    /* A module's attached PDFs (material.c, migration 0021). */
    [STMT_MATERIAL_LIST] =
	"SELECT id, filename, bytes FROM course_material WHERE module_id = ? "
	"ORDER BY id LIMIT 50",
    /* (material, module, course) */
    [STMT_MATERIAL_ONE] =
	"SELECT LOWER(HEX(m.sha256)) AS sha, m.filename FROM course_material m "
	"JOIN course_module cm ON cm.id = m.module_id WHERE m.id = ? "
	"AND m.module_id = ? AND cm.course_id = ?",
    /* (module, SHA-256 in hex, bytes, filename, account) */
    [STMT_MATERIAL_INSERT] =
	"INSERT INTO course_material (module_id, sha256, bytes, filename, "
	"added_by) VALUES (?, UNHEX(?), ?, ?, ?)",
    /* (material, module, course) */
    [STMT_MATERIAL_DELETE] =
	"DELETE m FROM course_material m JOIN course_module cm "
	"ON cm.id = m.module_id WHERE m.id = ? AND m.module_id = ? "
	"AND cm.course_id = ?",
    /*
     * How many rows of any table (a course's materials, an application's
     * documents) still name a file, locking them until the commit
     * (0023, docs_drop(); the applications worker calls it too).
     */
    [STMT_DOC_USERS] = "CALL document_users(?)",
    [STMT_QUESTION_LIST] = "SELECT id, code, type, " CTEXT(
	"text") " AS text, active "
		"FROM test_question WHERE course_id = ? ORDER BY id",
    [STMT_QUESTION_RAW] =
	"SELECT code, type, text_sr_latn, text_bs, text_en, active "
	"FROM test_question WHERE id = ? AND course_id = ?",
    [STMT_QUESTION_OPTIONS_RAW] =
	"SELECT code, item, label_sr_latn, label_bs, label_en, correct, "
	"match_code FROM test_option WHERE question_id = ? "
	"ORDER BY item DESC, position",
    [STMT_QUESTION_INSERT] =
	"INSERT INTO test_question (course_id, code, type, text_sr_latn, "
	"text_bs, text_en, active) VALUES (?, ?, ?, ?, ?, ?, ?)",
    [STMT_QUESTION_UPDATE] =
	"UPDATE test_question SET code = ?, type = ?, text_sr_latn = ?, "
	"text_bs = ?, text_en = ?, active = ? WHERE id = ? AND course_id = ?",
    [STMT_OPTIONS_DELETE] = "DELETE FROM test_option WHERE question_id = ?",
    /* A question's options from one JSON array the handler builds of
     * checked codes and texts: [[item, code, sr_latn, bs, en, correct,
     * match], ...]. */
    [STMT_OPTIONS_INSERT] =
	"INSERT INTO test_option (question_id, position, item, code, "
	"label_sr_latn, label_bs, label_en, correct, match_code) "
	"SELECT ?, j.pos, j.item, j.code, j.l1, j.l2, j.l3, j.ok, j.m "
	"FROM JSON_TABLE(?, '$[*]' COLUMNS (pos FOR ORDINALITY, "
	"item INT PATH '$[0]', code VARCHAR(24) PATH '$[1]', "
	"l1 VARCHAR(300) PATH '$[2]', l2 VARCHAR(300) PATH '$[3]', "
	"l3 VARCHAR(300) PATH '$[4]', ok INT PATH '$[5]', "
	"m VARCHAR(24) PATH '$[6]')) j",
    [STMT_BANK] = "SELECT id FROM test_question WHERE course_id = ? AND active "
		  "ORDER BY id LIMIT 501",
    [STMT_ATTEMPT_INSERT] =
	"INSERT INTO test_attempt (course_id, professional_id, started_at, "
	"deadline_at, total, shuffle) VALUES (?, ?, UTC_TIMESTAMP(), "
	"UTC_TIMESTAMP() + INTERVAL ? MINUTE, ?, ?)",
    /* The drawn questions, from a JSON array of ids in their order. */
    [STMT_ATTEMPT_DRAWN] =
	"INSERT INTO test_attempt_question (attempt_id, position, "
	"question_id) SELECT ?, j.pos, j.qid FROM JSON_TABLE(?, '$[*]' "
	"COLUMNS (pos FOR ORDINALITY, qid BIGINT UNSIGNED PATH '$')) j",
    /* An attempt, only to the worker who takes it. */
    [STMT_ATTEMPT_SCOPE] =
	"SELECT a.id, a.course_id AS course, a.professional_id AS "
	"professional, a.status, a.score, a.total, a.started_at AS started, "
	"a.deadline_at AS deadline, a.submitted_at AS submitted, "
	"TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), a.deadline_at) AS "
	"`seconds-left` "
	"FROM test_attempt a JOIN professional p ON p.id = a.professional_id "
	"WHERE a.id = ? AND p.municipality_id = ? AND p.account_id = ?",
    [STMT_ATTEMPT_ITEMS] =
	"SELECT aq.position, q.id AS question, q.code, q.type, "
	"ELT(?, q.text_sr_latn, q.text_sr_latn, q.text_bs, q.text_en) "
	"AS text, o.code AS `option`, o.item, "
	"ELT(?, o.label_sr_latn, o.label_sr_latn, o.label_bs, o.label_en) "
	"AS label, o.correct, o.match_code AS `match`, a.shuffle "
	"FROM test_attempt_question aq "
	"JOIN test_attempt a ON a.id = aq.attempt_id "
	"JOIN test_question q ON q.id = aq.question_id "
	"LEFT JOIN test_option o ON o.question_id = q.id "
	"WHERE aq.attempt_id = ? ORDER BY aq.position, o.item DESC, "
	"o.position",
    /* Answers after the deadline (and its grace) are refused: the
     * attempt ends as late, nothing counted. */
    [STMT_ATTEMPT_LATE] =
	"UPDATE test_attempt SET status = 'late', "
	"submitted_at = UTC_TIMESTAMP() WHERE id = ? AND status = 'open' "
	"AND deadline_at < UTC_TIMESTAMP() - INTERVAL ? SECOND",
    [STMT_ATTEMPT_FINISH] =
	"UPDATE test_attempt SET status = ?, score = ?, "
	"submitted_at = UTC_TIMESTAMP() WHERE id = ? AND status = 'open' "
	"AND deadline_at >= UTC_TIMESTAMP() - INTERVAL ? SECOND",
    [STMT_ATTEMPT_MARK] =
	"UPDATE test_attempt_question aq JOIN JSON_TABLE(?, '$[*]' COLUMNS "
	"(pos INT PATH '$[0]', ok INT PATH '$[1]')) j ON j.pos = aq.position "
	"SET aq.correct = j.ok WHERE aq.attempt_id = ?",
    [STMT_ANSWERS_INSERT] =
	"INSERT INTO test_attempt_answer (attempt_id, question_id, item, "
	"option_code) SELECT ?, j.q, j.i, j.o FROM JSON_TABLE(?, '$[*]' "
	"COLUMNS (q BIGINT UNSIGNED PATH '$[0]', i VARCHAR(24) PATH '$[1]', "
	"o VARCHAR(24) PATH '$[2]')) j",
    [STMT_CERT_INSERT] =
	"INSERT INTO certificate (code, professional_id, course_id, "
	"attempt_id, issued_on, valid_to) VALUES (?, ?, ?, ?, ?, ?)",
    [STMT_CERT_OF_ATTEMPT] =
	"SELECT code, valid_to AS `valid-to` FROM certificate "
	"WHERE attempt_id = ?",
    /* Anyone: a certificate by its code, with its holder and course. */
    [STMT_CERT_VERIFY] =
	"SELECT ce.code, ce.issued_on AS issued, ce.valid_to AS `valid-to`, "
	"ce.valid_to >= UTC_DATE() AS valid, p.given_name AS `given-name`, "
	"p.family_name AS `family-name`, " CTEXT(
	    "c.title") " AS title, "
		       "ELT(?, m.name_sr_cyrl, m.name_sr_latn, m.name_bs, "
		       "m.name_en) "
		       "AS municipality FROM certificate ce "
		       "JOIN professional p ON p.id = ce.professional_id "
		       "JOIN course c ON c.id = ce.course_id "
		       "JOIN municipality m ON m.id = c.municipality_id WHERE "
		       "ce.code = ?",
    [STMT_STATS] = "SELECT q.id, q.code, q.type, " CTEXT(
	"q.text") " AS text, "
		  "COUNT(aq.attempt_id) AS shown, COALESCE(SUM(aq.correct), 0) "
		  "AS correct FROM test_question q LEFT JOIN "
		  "test_attempt_question aq "
		  "ON aq.question_id = q.id AND aq.correct IS NOT NULL "
		  "WHERE q.course_id = ? GROUP BY q.id ORDER BY q.id",
    /* Wrong choices by question: an option not right, or an item
     * matched with another option than its own. */
    [STMT_STATS_WRONG] =
	"SELECT a.question_id AS question, a.item, a.option_code AS `option`, "
	"MIN(" CTEXT(
	    "o.label") ") AS label, COUNT(*) AS n "
		       "FROM test_attempt_answer a "
		       "JOIN test_question q ON q.id = a.question_id "
		       "JOIN test_option o ON o.question_id = q.id AND o.item "
		       "= 0 "
		       "AND o.code = a.option_code "
		       "LEFT JOIN test_option it ON it.question_id = q.id AND "
		       "it.item = 1 "
		       "AND it.code = a.item WHERE q.course_id = ? "
		       "AND ((a.item = '' AND NOT o.correct) "
		       "OR (a.item <> '' AND it.match_code <> a.option_code)) "
		       "GROUP BY a.question_id, a.item, a.option_code "
		       "ORDER BY question, n DESC LIMIT 2000",
    /*
     * What falls due within 60 days of a day (? twice: the job's clock):
     * the licence and each required course of every professional with an
     * address, its last valid day, the course's titles, and where to
     * write (the account's address and language, else the register's).
     */
    [STMT_JOB_DUE] =
	"SELECT i.pid, i.due, i.what, i.course, "
	"COALESCE(a.email, p.email) AS email, "
	"COALESCE(a.locale, 'sr-Cyrl') AS locale, c.title_sr_latn, "
	"c.title_bs, c.title_en FROM (SELECT p2.id AS pid, "
	"p2.licence_to AS due, 'licence' AS what, 0 AS course "
	"FROM professional p2 WHERE p2.licence_to IS NOT NULL UNION ALL "
	"SELECT p2.id, COALESCE(MAX(ce.valid_to), MIN(p2.started_on) + "
	"INTERVAL MIN(c2.first_due_days) - 1 DAY), 'course', c2.id "
	"FROM professional p2 "
	"JOIN position_course pc ON pc.position_id = p2.position_id "
	"JOIN course c2 ON c2.id = pc.course_id AND c2.status = 'published' "
	"LEFT JOIN certificate ce ON ce.professional_id = p2.id "
	"AND ce.course_id = c2.id GROUP BY p2.id, c2.id) i "
	"JOIN professional p ON p.id = i.pid "
	"LEFT JOIN account a ON a.id = p.account_id AND a.status = 'active' "
	"LEFT JOIN course c ON c.id = i.course "
	"WHERE i.due >= ? AND i.due <= ? + INTERVAL 60 DAY "
	"AND COALESCE(a.email, p.email) IS NOT NULL ORDER BY i.pid, i.due",
    /* A reminder's stage, once: 0 rows affected when it was sent. */
    [STMT_JOB_REMINDED] =
	"INSERT IGNORE INTO training_reminder (professional_id, due_on, what, "
	"course_id, stage) VALUES (?, ?, ?, ?, ?)",
    /* Case-work professionals whose access lapsed before the day (?)
     * and who were not told of this lapse yet, with their supervisor. */
    [STMT_JOB_LAPSED] =
	"SELECT p.id, p.access_until AS lapsed, p.due_what AS what, "
	"COALESCE(p.due_course_id, 0) AS course, "
	"CONCAT(p.given_name, ' ', p.family_name) AS name, "
	"COALESCE(a.email, p.email) AS email, "
	"COALESCE(a.locale, 'sr-Cyrl') AS locale, c.title_sr_latn, "
	"c.title_bs, c.title_en, s.email AS sup_email, "
	"s.locale AS sup_locale FROM professional p "
	"LEFT JOIN account a ON a.id = p.account_id AND a.status = 'active' "
	"LEFT JOIN course c ON c.id = p.due_course_id "
	"LEFT JOIN account s ON s.id = p.supervisor_account_id "
	"AND s.status = 'active' WHERE p.access_until < ? "
	"AND (p.suspended_notice IS NULL OR p.suspended_notice <> "
	"p.access_until) ORDER BY p.id LIMIT 10000",
    [STMT_JOB_NOTICED] =
	"UPDATE professional SET suspended_notice = access_until "
	"WHERE id = ? AND access_until = ?",
    [STMT_JOB_OUTBOX] =
	"INSERT INTO outbox (to_addr, locale, template, param_name, "
	"param_link) VALUES (?, ?, ?, ?, ?)",
    [STMT_JOB_AUDIT] =
	"INSERT INTO audit (action, object_type, object_id, request_id, "
	"worker, outcome) VALUES (?, 'professional', ?, ?, 'training', ?)",
#undef PRO_SEEN
#undef CTEXT
};
