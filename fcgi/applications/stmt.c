/* SPDX-License-Identifier: ISC */
/*
 * stmt.c: the whole SQL surface of karika-applications.  Review it
 * together with sql/grants.sql.  Adding a statement: its enum in stmt.h,
 * its entry here (designated, so that no entry can slip to another
 * index), the grant it needs.  Column aliases are the page's attribute
 * names (xml_rows).  The register is reached only through the stored
 * queries of 0016 (CALL) and the view application_places.
 */
#include "karika.h"
#include "stmt.h"

/* A service's name in the request's locale: ELT(?, …) with DBP_LOCALE. */
#define SVC_NAME "ELT(?, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, s.name_en)"
/* The order of a waiting list: points, then the time of joining it. */
#define WAIT_ORDER "points DESC, waiting_since, id"
/* The inbox (STMT_INBOX): three statuses, each in the order of its index. */
#define INBOX_HEAD                                                             \
	"SELECT a.id, a.status, " SVC_NAME " AS service, a.given_name AS "     \
	"given, a.family_name AS family, a.submitted_at AS submitted, "        \
	"TIMESTAMPDIFF(DAY, a.submitted_at, UTC_TIMESTAMP()) AS days, "        \
	"a.assigned_account_id = ? AS mine FROM ("
#define INBOX_PART(svc)                                                        \
	"(SELECT id, submitted_at FROM application WHERE municipality_id = "   \
	"? " svc "AND status = ? ORDER BY submitted_at, id LIMIT 100)"
#define INBOX_TAIL                                                             \
	") w JOIN application a ON a.id = w.id JOIN service s "                \
	"ON s.id = a.service_id ORDER BY w.submitted_at, w.id LIMIT 100"
#define INBOX(part)                                                            \
	INBOX_HEAD part " UNION ALL " part " UNION ALL " part INBOX_TAIL

const char *const stmt_sql[STMT__MAX] = {
    [STMT_SERVICES_ONLINE] =
	"SELECT s.id, s.code, g.code AS `group`, " SVC_NAME " AS name, "
	"s.unit, s.age_min AS `age-min`, s.age_max AS `age-max` "
	"FROM service s JOIN service_group g ON g.id = s.group_id "
	"WHERE s.municipality_id = ? AND s.active AND s.online_application "
	"ORDER BY g.position, name",
    /* What each service of the list asks for. */
    [STMT_SERVICES_DOCS] =
	"SELECT sd.service_id AS service, k.code, sd.required, "
	"sd.by_csw AS `by-csw` FROM service_document sd "
	"JOIN document_kind k ON k.id = sd.kind_id "
	"JOIN service s ON s.id = sd.service_id "
	"WHERE s.municipality_id = ? AND s.active AND s.online_application "
	"ORDER BY sd.service_id, k.position",
    [STMT_SERVICE_ONE] =
	"SELECT s.id, s.code, " SVC_NAME " AS name, "
	"ELT(?, s.target_sr_cyrl, s.target_sr_latn, s.target_bs, s.target_en) "
	"AS target, ELT(?, s.eligibility_sr_cyrl, s.eligibility_sr_latn, "
	"s.eligibility_bs, s.eligibility_en) AS eligibility, s.unit, "
	"s.age_min AS `age-min`, s.age_max AS `age-max`, s.municipality_id AS "
	"municipality FROM service s "
	"WHERE s.id = ? AND s.municipality_id = ? AND s.active "
	"AND s.online_application",
    [STMT_SERVICE_DOCS] =
	"SELECT k.id, k.code, sd.required, sd.by_csw AS `by-csw` "
	"FROM service_document sd JOIN document_kind k ON k.id = sd.kind_id "
	"WHERE sd.service_id = ? ORDER BY k.position",
    [STMT_NEEDS] = "SELECT id, code FROM need ORDER BY position",
    [STMT_CRITERIA] =
	"SELECT id, code, points FROM priority_criterion WHERE service_id = ? "
	"ORDER BY position",
    /* The caller's own applications. */
    [STMT_MINE] =
	"SELECT a.id, a.status, " SVC_NAME " AS service, a.given_name AS "
	"given, a.family_name AS family, a.created_at AS created, "
	"a.submitted_at AS submitted FROM application a "
	"JOIN service s ON s.id = a.service_id "
	"WHERE a.applicant_account_id = ? ORDER BY a.id DESC LIMIT 200",
    /*
     * The record kind "application": the applicant's own; any of the
     * town past its draft for the CSW (a draft is the applicant's until
     * submitted); one staff filed for a parent, to its filer until the
     * parent claims it.  Nobody else, a provider included.
     */
    [STMT_APP_SCOPE] =
	"SELECT a.id, a.status, a.service_id AS service, s.code AS "
	"`service-code`, s.name_sr_cyrl, s.name_sr_latn, s.name_bs, "
	"s.name_en, a.relation, a.given_name AS given, a.family_name AS "
	"family, a.birth_date AS born, a.jmbg, a.sex, a.address, "
	"a.needs_note AS note, a.consent_at AS consent, a.consent_by_staff "
	"AS `consent-staff`, a.applicant_account_id AS applicant, "
	"a.filed_by_account_id AS `filed-by`, a.email, a.locale, "
	"a.assigned_account_id AS assigned, a.organisation_id AS "
	"organisation, a.points, a.reasons, a.created_at AS created, "
	"a.submitted_at AS submitted, a.decided_at AS decided, "
	"a.waiting_since AS `waiting-since`, a.offer_expires_at AS "
	"`offer-expires`, a.person_id AS person, a.municipality_id AS "
	"municipality, a.enrolment_id AS enrolment "
	"FROM application a JOIN service s ON s.id = a.service_id "
	"WHERE a.id = ? AND (a.applicant_account_id = ? "
	"OR (? = 1 AND a.municipality_id = ? AND a.status <> 'draft') "
	"OR (a.applicant_account_id IS NULL AND a.filed_by_account_id = ?))",
    [STMT_APP_INSERT] =
	"INSERT INTO application (municipality_id, service_id, "
	"applicant_account_id, filed_by_account_id, claim_hash, email, "
	"relation, given_name, family_name, name_key, family_key, birth_date, "
	"jmbg, sex, address, needs_note, consent_at, consent_by_staff, "
	"locale) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	"IF(? = 1, UTC_TIMESTAMP(), NULL), ?, ?)",
    /* Its status, the row locked until the commit: a save's check. */
    [STMT_APP_LOCK] = "SELECT status FROM application WHERE id = ? "
		      "AND status IN ('draft', 'info') FOR UPDATE",
    /* A draft, or one the CSW asked more of (STMT_APP_LOCK first). */
    [STMT_APP_UPDATE] =
	"UPDATE application SET relation = ?, given_name = ?, family_name = ?, "
	"name_key = ?, family_key = ?, birth_date = ?, jmbg = ?, sex = ?, "
	"address = ?, needs_note = ?, consent_at = IF(? = 1, "
	"COALESCE(consent_at, UTC_TIMESTAMP()), consent_at) "
	"WHERE id = ? AND status IN ('draft', 'info')",
    [STMT_APP_NEEDS] =
	"SELECT n.id, n.code FROM application_need an JOIN need n "
	"ON n.id = an.need_id WHERE an.application_id = ? ORDER BY n.position",
    [STMT_APP_NEEDS_CLEAR] =
	"DELETE FROM application_need WHERE application_id = ?",
    [STMT_APP_NEED_ADD] =
	"INSERT IGNORE INTO application_need (application_id, need_id) "
	"SELECT ?, id FROM need WHERE id = ?",
    [STMT_APP_CRITS] =
	"SELECT c.id, c.code, c.points FROM application_criterion ac "
	"JOIN priority_criterion c ON c.id = ac.criterion_id "
	"WHERE ac.application_id = ? ORDER BY c.position",
    [STMT_APP_CRITS_CLEAR] =
	"DELETE FROM application_criterion WHERE application_id = ?",
    /* Only a criterion of the application's own service. */
    [STMT_APP_CRIT_ADD] =
	"INSERT IGNORE INTO application_criterion (application_id, "
	"criterion_id) SELECT a.id, c.id FROM application a "
	"JOIN priority_criterion c ON c.service_id = a.service_id "
	"WHERE a.id = ? AND c.id = ?",
    [STMT_APP_POINTS] =
	"UPDATE application SET points = (SELECT COALESCE(SUM(c.points), 0) "
	"FROM application_criterion ac JOIN priority_criterion c "
	"ON c.id = ac.criterion_id WHERE ac.application_id = ?) WHERE id = ?",
    [STMT_DOC_INSERT] =
	"INSERT INTO application_document (application_id, kind_id, sha256, "
	"bytes, type, filename, added_by) SELECT ?, kind_id, UNHEX(?), ?, ?, "
	"?, ? FROM service_document WHERE service_id = ? AND kind_id = ? "
	"AND NOT by_csw",
    [STMT_DOCS] =
	"SELECT d.id, k.code AS kind, d.kind_id AS `kind-id`, d.bytes, "
	"d.type, d.filename, d.added_at AS added "
	"FROM application_document d JOIN document_kind k "
	"ON k.id = d.kind_id WHERE d.application_id = ? "
	"ORDER BY k.position, d.id",
    [STMT_DOC_ONE] =
	"SELECT LOWER(HEX(sha256)) AS sha, type, filename "
	"FROM application_document WHERE id = ? AND application_id = ?",
    [STMT_DOC_DELETE] =
	"DELETE FROM application_document WHERE id = ? AND application_id = ?",
    /*
     * How many rows of any table (an application's documents, a course's
     * materials) still name a file, locking their hash's index range in
     * each until the commit: no row of the same file can be written
     * meanwhile, so docs_drop() never removes a file a new row names
     * (0023; the registry calls the same procedure).
     */
    [STMT_DOC_USERS] = "CALL document_users(?)",
    /*
     * Once-only: documents the applicant gave in an earlier application,
     * of a kind this one's service asks for, not given here yet.
     */
    [STMT_DOCS_EARLIER] =
	"SELECT MIN(d.id) AS id, k.code AS kind, d.filename, d.bytes, "
	"d.type, MIN(d.added_at) AS added FROM application_document d "
	"JOIN application a ON a.id = d.application_id "
	"JOIN document_kind k ON k.id = d.kind_id "
	"JOIN service_document sd ON sd.kind_id = d.kind_id "
	"AND sd.service_id = ? AND NOT sd.by_csw "
	"WHERE a.applicant_account_id = ? AND a.id <> ? AND NOT EXISTS "
	"(SELECT 1 FROM application_document x WHERE x.application_id = ? "
	"AND x.sha256 = d.sha256 AND x.kind_id = d.kind_id) "
	"GROUP BY d.sha256, k.code, d.filename, d.bytes, d.type "
	"ORDER BY MIN(d.id) DESC LIMIT 50",
    [STMT_DOC_REUSE] =
	"INSERT INTO application_document (application_id, kind_id, sha256, "
	"bytes, type, filename, added_by) SELECT ?, d.kind_id, d.sha256, "
	"d.bytes, d.type, d.filename, ? FROM application_document d "
	"JOIN application a ON a.id = d.application_id "
	"WHERE d.id = ? AND a.applicant_account_id = ?",
    /* Back to the worker who took it when it was more information. */
    [STMT_APP_SUBMIT] =
	"UPDATE application SET status = IF(assigned_account_id IS NULL, "
	"'submitted', 'review'), submitted_at = COALESCE(submitted_at, "
	"UTC_TIMESTAMP()) WHERE id = ? AND status IN ('draft', 'info')",
    [STMT_APP_WITHDRAW] =
	"UPDATE application SET status = 'withdrawn', offer_expires_at = NULL "
	"WHERE id = ? AND status IN ('draft', 'submitted', 'review', 'info', "
	"'waiting', 'offered')",
    [STMT_APP_TAKE] =
	"UPDATE application SET status = 'review', assigned_account_id = ? "
	"WHERE id = ? AND status IN ('submitted', 'review')",
    [STMT_APP_INFO] = "UPDATE application SET status = 'info' "
		      "WHERE id = ? AND status IN ('submitted', 'review')",
    [STMT_APP_REFUSE] =
	"UPDATE application SET status = 'refused', reasons = ?, "
	"decided_at = UTC_TIMESTAMP() WHERE id = ? AND status = 'review'",
    [STMT_APP_DECIDED] =
	"UPDATE application SET reasons = ?, decided_at = UTC_TIMESTAMP() "
	"WHERE id = ? AND status = 'review'",
    [STMT_APP_WAIT] =
	"UPDATE application SET status = 'waiting', waiting_since = "
	"COALESCE(waiting_since, UTC_TIMESTAMP()), offer_expires_at = NULL, "
	"organisation_id = NULL WHERE id = ? "
	"AND status IN ('review', 'offered')",
    [STMT_APP_OFFER] =
	"UPDATE application SET status = 'offered', organisation_id = ?, "
	"offer_expires_at = UTC_TIMESTAMP() + INTERVAL ? DAY "
	"WHERE id = ? AND status = 'waiting'",
    /* Offers past their time, checked whenever the list is read. */
    [STMT_OFFERS_EXPIRED] =
	"SELECT a.id, a.email, a.locale, s.name_sr_cyrl, s.name_sr_latn, "
	"s.name_bs, s.name_en FROM application a JOIN service s "
	"ON s.id = a.service_id WHERE a.service_id = ? "
	"AND a.status = 'offered' AND a.offer_expires_at < UTC_TIMESTAMP() "
	"FOR UPDATE",
    [STMT_APP_ENROL] = "CALL application_enrol(?, ?, ?)",
    /* The applicant as the child's legal representative (0029). */
    [STMT_APP_APPLICANT] = "CALL application_applicant(?)",
    [STMT_APP_REPRESENTATIVE] =
	"CALL application_representative(?, ?, ?, ?, ?)",
    [STMT_PERSON_MATCH] = "CALL application_person_match(?, ?)",
    [STMT_APP_PERSON] = "UPDATE application SET person_id = ? WHERE id = ?",
    [STMT_APP_BY_CLAIM] =
	"SELECT id, service_id AS service FROM application "
	"WHERE claim_hash = ? AND applicant_account_id IS NULL "
	"AND status <> 'withdrawn' FOR UPDATE",
    [STMT_APP_CLAIM] =
	"UPDATE application SET applicant_account_id = ?, claim_hash = NULL, "
	"email = ?, locale = ? WHERE id = ? AND applicant_account_id IS NULL",
    [STMT_EVENT_ADD] =
	"INSERT INTO application_event (application_id, kind, account_id, "
	"note) VALUES (?, ?, ?, ?)",
    [STMT_EVENTS] = "SELECT at, kind, note FROM application_event "
		    "WHERE application_id = ? ORDER BY id",
    [STMT_SEEN] = "CALL application_seen(?, ?, ?)",
    /* Every waiting application's place after a change of the list. */
    [STMT_POSITION_SNAPSHOT] =
	"INSERT INTO application_position (application_id, position, total, "
	"reason) SELECT id, ROW_NUMBER() OVER (ORDER BY " WAIT_ORDER "), "
	"COUNT(*) OVER (), ? FROM application WHERE service_id = ? "
	"AND status = 'waiting'",
    [STMT_POSITION_NOW] =
	"SELECT 1 + (SELECT COUNT(*) FROM application o "
	"WHERE o.service_id = a.service_id AND o.status = 'waiting' "
	"AND (o.points > a.points OR (o.points = a.points "
	"AND (o.waiting_since < a.waiting_since OR (o.waiting_since = "
	"a.waiting_since AND o.id < a.id))))) AS position, "
	"(SELECT COUNT(*) FROM application o WHERE o.service_id = "
	"a.service_id AND o.status = 'waiting') AS total "
	"FROM application a WHERE a.id = ? AND a.status = 'waiting'",
    /* How the place moved: only the rows where it changed. */
    [STMT_POSITIONS] =
	"SELECT at, position, total, reason FROM (SELECT id, at, position, "
	"total, reason, LAG(position) OVER (ORDER BY id) AS pp, "
	"LAG(total) OVER (ORDER BY id) AS pt FROM application_position "
	"WHERE application_id = ?) x WHERE pp IS NULL OR pp <> position "
	"OR pt <> total ORDER BY id DESC LIMIT 30",
    /*
     * The CSW's inbox: the town's applications past the draft, the
     * oldest first, 100 at a time, of up to three statuses (a NULL one
     * matches nothing): the open ones when no status is asked, else the
     * one asked; STMT_INBOX_SERVICE of one service.  Each status is its
     * own walk of an index in the list's order, application_inbox
     * (municipality, status, submitted_at, id) or application_inbox_service
     * (with the service), reading at most 100 entries, and only those
     * are sorted.  A status compared in a CASE or an IN list let MariaDB
     * use no more of the index than the town: it read and sorted every
     * application the town ever had (scripts/bench-applications).
     */
    [STMT_INBOX] = INBOX(INBOX_PART("")),
    [STMT_INBOX_SERVICE] = INBOX(INBOX_PART("AND service_id = ? ")),
    [STMT_SERVICE_OPTIONS] =
	"SELECT s.id AS value, " SVC_NAME " AS label FROM service s "
	"WHERE s.municipality_id = ? AND s.online_application ORDER BY label",
    [STMT_PLACES] =
	"SELECT organisation_id AS id, IF(? = 1, COALESCE(name_cyrl, name), "
	"name) AS name, places, taken, GREATEST(places - taken, 0) AS free "
	"FROM application_places WHERE service_id = ? ORDER BY name",
    [STMT_WAITING] =
	"SELECT id, status, given_name AS given, family_name AS family, "
	"points, waiting_since AS since, offer_expires_at AS `offer-expires` "
	"FROM application WHERE service_id = ? "
	"AND status IN ('waiting', 'offered') "
	"ORDER BY status = 'offered' DESC, " WAIT_ORDER " LIMIT 1000",
    /* --- admin.c: a service's criteria and documents, by its town's
     * administrator --- */
    [STMT_ADMIN_SERVICES] =
	"SELECT s.id, " SVC_NAME " AS name, s.online_application AS online, "
	"(SELECT COUNT(*) FROM priority_criterion c WHERE c.service_id = s.id) "
	"AS criteria, (SELECT COUNT(*) FROM service_document d "
	"WHERE d.service_id = s.id) AS documents FROM service s "
	"WHERE s.municipality_id = ? AND s.active ORDER BY name",
    [STMT_ADMIN_SERVICE] = "SELECT s.id, " SVC_NAME " AS name FROM service s "
			   "WHERE s.id = ? AND s.municipality_id = ?",
    /* used: how many applications meet it (it cannot be removed then). */
    [STMT_ADMIN_CRITERIA] =
	"SELECT c.id, c.code, c.points, (SELECT COUNT(*) FROM "
	"application_criterion ac WHERE ac.criterion_id = c.id) AS used "
	"FROM priority_criterion c WHERE c.service_id = ? ORDER BY c.position",
    [STMT_ADMIN_CRIT_SET] =
	"INSERT INTO priority_criterion (service_id, code, points, position) "
	"VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE points = ?, position = ?",
    [STMT_ADMIN_CRIT_DROP] =
	"DELETE FROM priority_criterion WHERE service_id = ? AND code = ?",
    /* Every open application of a service counted again. */
    [STMT_ADMIN_POINTS] =
	"UPDATE application a SET points = (SELECT COALESCE(SUM(c.points), 0) "
	"FROM application_criterion ac JOIN priority_criterion c "
	"ON c.id = ac.criterion_id WHERE ac.application_id = a.id) "
	"WHERE a.service_id = ? AND a.status IN ('draft', 'submitted', "
	"'review', 'info', 'waiting', 'offered')",
    [STMT_ADMIN_KINDS] =
	"SELECT k.id, k.code, sd.required, sd.by_csw AS `by-csw` "
	"FROM document_kind k LEFT JOIN service_document sd "
	"ON sd.kind_id = k.id AND sd.service_id = ? ORDER BY k.position",
    [STMT_ADMIN_DOC_SET] =
	"INSERT INTO service_document (service_id, kind_id, required, by_csw) "
	"VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE required = ?, by_csw = ?",
    [STMT_ADMIN_DOC_DROP] =
	"DELETE FROM service_document WHERE service_id = ? AND kind_id = ?",
};
