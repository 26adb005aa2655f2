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
    /* A provider's month: its users then, this month's and last month's
     * units; total = all rows of the month (the page shows a slice). */
    [STMT_DELIVERY_GRID] =
	"SELECT e.id, e.service_id AS service, "
	"ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en) AS name, "
	"s.unit, p.given_name AS given, p.family_name AS family, d.units, "
	"pd.units AS last, COUNT(*) OVER () AS total FROM enrolment e "
	"JOIN person p ON p.id = e.person_id "
	"JOIN service s ON s.id = e.service_id "
	"LEFT JOIN delivery d ON d.enrolment_id = e.id AND d.month = ? "
	"LEFT JOIN delivery pd ON pd.enrolment_id = e.id AND pd.month = ? "
	"WHERE e.organisation_id = ? AND e.start_date <= LAST_DAY(?) "
	"AND (e.end_date IS NULL OR e.end_date >= ?) "
	"ORDER BY name, p.family_key, p.given_name, e.id LIMIT ? OFFSET ?",
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
};
