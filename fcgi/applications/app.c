/* SPDX-License-Identifier: ISC */
/*
 * app.c: what every page of an application shares.  An application is a
 * record only some may open (app_kind): the applicant, the CSW of its
 * town, and the staff member who filed it for a parent until the parent
 * takes it over; a provider never (a refusal is a 404 with its audit
 * row).  Each change of status writes a line of the timeline
 * (application_event) and, in the same transaction, an e-mail to the
 * applicant in the applicant's language (the outbox; templates
 * mail.app-<what> in the catalogues).
 */
#include <stdlib.h>
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "applications.h"

const struct record_kind app_kind = {
    .type = "application",
    .perms = PERM_ROLE(ROLE_CITIZEN) | PERM_ROLE(ROLE_CSW) |
	PERM_ROLE(ROLE_PROVIDER),
    .stmt = STMT_APP_SCOPE,
    .params = {SCOPE_ACCOUNT, SCOPE_ROLE_CSW, SCOPE_MUNICIPALITY,
	SCOPE_ACCOUNT},
};

/* True when the caller works at the CSW. */
bool
app_is_csw(const struct req *r)
{
	return r->sess != NULL && (r->sess->perms & PERM_ROLE(ROLE_CSW));
}

/* Opens application r->ids[0] for a read (audited as action). */
enum http_status
app_load(struct req *r, const char *action, struct db_res *res)
{
	return record_open(r, &app_kind, r->ids[0], action, res);
}

/* The same before a change (the change writes its own audit row). */
enum http_status
app_check(struct req *r, const char *action, struct db_res *res)
{
	return record_check(r, &app_kind, r->ids[0], action, res);
}

/* The service's name of row i of an application's rows in locale l. */
const char *
app_service_name(const struct db_res *a, size_t i, enum locale l)
{
	static const char *const cols[LOCALE__MAX] = {
	    "name_sr_cyrl", "name_sr_latn", "name_bs", "name_en"};

	return db_str(a, i, cols[l < LOCALE__MAX ? l : LOCALE_SR_CYRL]);
}

/* Appends a line to application id's timeline: kind and a note. */
enum db_rc
app_event(struct req *r, int64_t id, const char *kind, const char *note)
{
	return DBQ(r, STMT_EVENT_ADD, NULL, DBP_I(id), DBP_S(kind),
	    r->sess != NULL ? DBP_I(r->sess->account) : DBP_NUL,
	    DBP_S(note != NULL ? note : ""));
}

/*
 * Queues mail.app-<what> to the applicant of application a (its address
 * and language; none while nobody has one), {name} the service in that
 * language, {link} the application's page.
 */
enum db_rc
app_mail(struct req *r, const struct db_res *a, const char *what)
{
	return app_mail_row(r, a, 0, what);
}

/* app_mail() for row i of a (rows with the same columns). */
enum db_rc
app_mail_row(struct req *r, const struct db_res *a, size_t i, const char *what)
{
	const char *to = db_str(a, i, "email"), *loc = db_str(a, i, "locale");
	enum locale l = locale_from_tag(loc);

	if (to == NULL || *to == '\0')
		return DB_OK;
	if (l == LOCALE__MAX)
		l = r->locale;
	return outbox_add(r, to, locale_tags[l],
	    arena_printf(r->arena, "app-%s", what), app_service_name(a, i, l),
	    arena_printf(
		r->arena, "/applications/%lld", (long long)db_int(a, i, "id")));
}

/* Records every waiting place of service after a change (reason). */
enum db_rc
app_snapshot(struct req *r, int64_t service, const char *reason)
{
	return DBQ(
	    r, STMT_POSITION_SNAPSHOT, NULL, DBP_S(reason), DBP_I(service));
}

/*
 * The applicant of application id as the legal representative of its
 * child in the register (the relation parent or guardian says it), in
 * the caller's transaction, once the child is there: the town's person
 * with the account's name and address, else a new person from the
 * account's name (the last word the family name, as the account shows
 * "given family"), keyed as the register keys names.  Nothing when the
 * child has a representative already, is not in the register, or the
 * applicant applied for themself.  Audited.
 */
enum db_rc
app_representative(struct req *r, int64_t id)
{
	struct db_res who, rep;
	const char *name, *sp, *given, *family;
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_APP_APPLICANT, &who, DBP_I(id))) != DB_OK ||
	    who.nrows == 0)
		return rc;
	name = db_str(&who, 0, "name");
	if (name == NULL || *name == '\0')
		return DB_OK;
	sp = strrchr(name, ' ');
	given = utf8_cut(r->arena,
	    sp != NULL ? arena_strndup(r->arena, name, (size_t)(sp - name))
		       : name,
	    100);
	family = utf8_cut(r->arena, sp != NULL ? sp + 1 : "", 100);
	if ((rc = DBQ(r, STMT_APP_REPRESENTATIVE, &rep, DBP_I(id), DBP_S(given),
		 DBP_S(family),
		 DBP_S(translit_key(r->arena,
		     arena_printf(r->arena, "%s %s", given, family), 210)),
		 DBP_S(translit_key(r->arena, family, 100)))) != DB_OK)
		return rc;
	if (rep.nrows == 0 || db_str(&rep, 0, "representative") == NULL)
		return DB_OK;
	if (db_int(&rep, 0, "created") == 1 &&
	    (rc = audit(r, "person.create", "person",
		 db_int(&rep, 0, "representative"), "ok")) != DB_OK)
		return rc;
	return audit(
	    r, "person.update", "person", db_int(&rep, 0, "person"), "ok");
}

/*
 * Writes <application …> with the row's attributes the page may show:
 * the JMBG masked for anyone but the CSW, never the register's person id
 * or the accounts' ids to the applicant.  Leaves the element open.
 */
int
app_write(struct req *r, struct xml *x, const struct db_res *a)
{
	static const char *const cols[] = {"id", "status", "service",
	    "service-code", "relation", "given", "family", "born", "sex",
	    "address", "note", "consent", "consent-staff", "email", "points",
	    "reasons", "created", "submitted", "decided", "waiting-since",
	    "offer-expires"};
	char masked[JMBG_MASK_BYTES];
	const char *j = db_str(a, 0, "jmbg");
	size_t i, c;

	if (xml_start(x, "application") == -1 ||
	    xml_attr(x, "service-name", app_service_name(a, 0, r->locale)) ==
		-1)
		return -1;
	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		c = db_col(a, cols[i]);
		if (a->cell[c] == NULL)
			continue;
		if ((a->time[c] ? xml_attr_time(x, cols[i], a->cell[c])
				: xml_attr(x, cols[i], a->cell[c])) == -1)
			return -1;
	}
	if (j != NULL && app_is_csw(r) && xml_attr(x, "jmbg", j) == -1)
		return -1;
	if (j != NULL && !app_is_csw(r) &&
	    (jmbg_mask(j, masked) == -1 || xml_attr(x, "jmbg", masked) == -1))
		return -1;
	if (r->sess != NULL && db_str(a, 0, "applicant") != NULL &&
	    db_int(a, 0, "applicant") == r->sess->account &&
	    xml_attr(x, "own", "1") == -1)
		return -1;
	if (app_is_csw(r) && db_str(a, 0, "assigned") != NULL &&
	    db_int(a, 0, "assigned") == r->sess->account &&
	    xml_attr(x, "mine", "1") == -1)
		return -1;
	return 0;
}
