/* SPDX-License-Identifier: ISC */
/*
 * group.c: group activities of case management (issue 15), e.g. a
 * training in personal and business competences run with a partner:
 * the town's list, a new activity and its changes (title, kind, first
 * and last day, the partner that runs it or the CSW itself), an
 * activity with its sessions and its participants (cases), the
 * participants' page where a case is added or removed, a new session,
 * and a session's page where the worker records, in one form, who of
 * the participants came.
 *
 * CSW workers of the town only (the routes' permission; an activity of
 * another town is a 404).  Participants are people of cases, so opening
 * an activity or a session is a read of their names, audited
 * ("group.read"); every change is audited: the activity's
 * ("group.create", "group.update"), a participant's ("group.member.add",
 * "group.member.remove", on the case), a session's with the attendance
 * it recorded ("group.attendance").  A participant who came to a session
 * stays one: the attendance is the record of what the case did.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define GROUP_TOPIC_MAX 200 /* group_session.topic (0010) */
#define GROUP_TITLE_MAX 200 /* group_activity.title (0010) */

/* An activity of the caller's town, for CSW workers. */
static const struct record_kind group_kind = {
    .type = "group-activity",
    .perms = PERM_ROLE(ROLE_CSW),
    .stmt = STMT_GRP_SCOPE,
    .params = {SCOPE_MUNICIPALITY},
};

/*
 * The activity (and, on a session's page, the session) a form page is
 * about, loaded before the page's parts run.  A worker process serves
 * one request at a time; both are set again at the start of each.
 */
static struct db_res cur, cur_session;

/*
 * GET /registry/groups: <groups><group id title starts org-name members
 * sessions last-session/>…</groups>.  Titles and counts, no one's name.
 */
enum http_status
groups_list(struct req *r, struct xml *x)
{
	struct db_res g;
	enum db_rc rc;

	if ((rc = DBQ(r, STMT_GRP_LIST, &g, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "groups") == -1 || xml_rows(x, "group", &g) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * GET /registry/groups/N: <group-page><group/><session/>…<member/>…
 * </group-page>: the sessions with how many came, the participants with
 * how many sessions each attended.  Audited as a read; another town's
 * activity, or none, is a 404.
 */
enum http_status
group_show(struct req *r, struct xml *x)
{
	struct db_res g, s, m;
	enum http_status st;
	enum db_rc rc;
	int64_t id = r->ids[0];

	if ((st = record_open(r, &group_kind, id, "group.read", &g)) != HTTP_OK)
		return st;
	if ((rc = DBQ(r, STMT_GRP_SESSIONS, &s, DBP_I(id))) != DB_OK ||
	    (rc = DBQ(r, STMT_GRP_MEMBERS, &m, DBP_I(id))) != DB_OK)
		return db_status(rc);
	if (xml_start(x, "group-page") == -1 ||
	    xml_rows(x, "group", &g) == -1 ||
	    xml_rows(x, "session", &s) == -1 ||
	    xml_rows(x, "member", &m) == -1 || xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/* --- sessions ------------------------------------------------------------ */

enum { SF_HELD, SF_TOPIC, SF__MAX };
static const struct field session_fields[SF__MAX] = {
    {"held", VALID_DATE, true, 20000101, 21001231, "group.session.held", "off",
	NULL, NULL},
    {"topic", VALID_TEXT, false, 0, GROUP_TOPIC_MAX, "group.session.topic",
	"off", NULL, NULL},
};

/* The activity's head on its form pages. */
static int
group_head(struct req *r, struct xml *x, const struct form *f)
{
	return xml_rows(x, "group", &cur);
}

/*
 * The participants with whether each came to session cur_session, as
 * <member case given family present/>: on a POST that came back with
 * errors, present is what was ticked, so nothing typed is lost.
 */
static int
attendance_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res m;
	size_t i;

	if (xml_rows(x, "group", &cur) == -1 ||
	    xml_rows(x, "session", &cur_session) == -1 ||
	    DBQ(r, STMT_GRP_ATTENDANCE, &m,
		DBP_I(db_int(&cur_session, 0, "id")),
		DBP_I(r->ids[0])) != DB_OK)
		return -1;
	for (i = 0; i < m.nrows; i++) {
		const char *c = db_str(&m, i, "case");
		bool present = r->method == METHOD_POST
		    ? kv_get(&r->form, arena_printf(r->arena, "c-%s", c)) !=
			NULL
		    : strcmp(db_str(&m, i, "present"), "1") == 0;

		if (xml_start(x, "member") == -1 ||
		    xml_attr(x, "case", c) == -1 ||
		    xml_attr(x, "given", db_str(&m, i, "given")) == -1 ||
		    xml_attr(x, "family", db_str(&m, i, "family")) == -1 ||
		    (present && xml_attr(x, "present", "1") == -1) ||
		    xml_end(x) == -1)
			return -1;
	}
	return 0;
}

/* The session's date and topic as they are. */
static enum http_status
attendance_load(struct req *r, struct form *f)
{
	const char *t = db_str(&cur_session, 0, "topic");

	f->text[SF_HELD] = db_str(&cur_session, 0, "held");
	f->text[SF_TOPIC] = t != NULL ? t : "";
	return HTTP_OK;
}

/*
 * POST: the date and topic, then who came: every participant ticked
 * (c-<case>) and nobody else, in one transaction with its audit row.
 * A ticked case that is no participant is ignored (the statement joins
 * the activity's members).
 */
static enum http_status
attendance_save(struct req *r, struct form *f)
{
	struct db_res m;
	enum db_rc rc;
	int64_t sid = db_int(&cur_session, 0, "id"), aid = r->ids[0];
	size_t i;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_GRP_SESSION_UPDATE, NULL, DBP_S(f->text[SF_HELD]),
		 DBP_S(f->text[SF_TOPIC]), DBP_I(sid), DBP_I(aid))) != DB_OK ||
	    (rc = DBQ(r, STMT_GRP_ATTENDANCE, &m, DBP_I(sid), DBP_I(aid))) !=
		DB_OK ||
	    (rc = DBQ(r, STMT_GRP_ATTEND_CLEAR, NULL, DBP_I(sid))) != DB_OK)
		return db_undo(r, rc);
	for (i = 0; i < m.nrows; i++) {
		const char *c = db_str(&m, i, "case");

		if (kv_get(&r->form, arena_printf(r->arena, "c-%s", c)) == NULL)
			continue;
		if ((rc = DBQ(r, STMT_GRP_ATTEND_ADD, NULL, DBP_I(sid),
			 DBP_I(aid), DBP_I(db_int(&m, i, "case")))) != DB_OK)
			return db_undo(r, rc);
	}
	if ((rc = audit(r, "group.attendance", "group-session", sid, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/registry/groups/%lld", (long long)aid),
	    "attendance-saved");
}

/* POST of a new session: 303 to its page, where attendance is taken. */
static enum http_status
session_new_save(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t aid = r->ids[0], sid;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_GRP_SESSION_INSERT, &res, DBP_I(aid),
		 DBP_S(f->text[SF_HELD]), DBP_S(f->text[SF_TOPIC]))) != DB_OK)
		return db_undo(r, rc);
	sid = (int64_t)res.insert_id;
	if ((rc = audit(r, "group.session", "group-session", sid, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/registry/groups/%lld/sessions/%lld",
		(long long)aid, (long long)sid),
	    "session-created");
}

/*
 * Runs form page p about activity ids[0]: it must be the caller's
 * town's (404, audited); a GET reads it (audited, "group.read"), a POST
 * checks it under action.  With a session (ids[1]), that session of the
 * activity too (404 otherwise).
 */
static enum http_status
group_form_run(struct req *r, struct xml *x, const struct form_page *p,
    bool session, const char *action)
{
	enum http_status st;
	enum db_rc rc;

	memset(&cur, 0, sizeof(cur));
	memset(&cur_session, 0, sizeof(cur_session));
	st = r->method == METHOD_POST
	    ? record_check(r, &group_kind, r->ids[0], action, &cur)
	    : record_open(r, &group_kind, r->ids[0], "group.read", &cur);
	if (st != HTTP_OK)
		return r->csrf_failed ? HTTP_FORBIDDEN : st;
	if (session) {
		if ((rc = DBQ(r, STMT_GRP_SESSION_ONE, &cur_session,
			 DBP_I(r->ids[1]), DBP_I(r->ids[0]))) != DB_OK)
			return db_status(rc);
		if (cur_session.nrows != 1) {
			if ((rc = audit(r, action, "group-session", r->ids[1],
				 "not-found")) != DB_OK)
				return db_status(rc);
			return r->csrf_failed ? HTTP_FORBIDDEN : HTTP_NOT_FOUND;
		}
	}
	return r->method == METHOD_POST ? form_post(r, x, p)
					: form_get(r, x, p);
}

/* GET and POST /registry/groups/N/sessions/new: a date and a topic. */
enum http_status
group_session_new(struct req *r, struct xml *x)
{
	struct form_page p;

	memset(&p, 0, sizeof(p));
	p.elem = "group-form";
	p.page = "session";
	p.method = "post";
	p.action = r->path;
	p.submit = "group.session.submit";
	p.fields = session_fields;
	p.nfields = SF__MAX;
	p.extra = group_head;
	p.save = session_new_save;
	return group_form_run(r, x, &p, false, "group.session");
}

/*
 * GET and POST /registry/groups/N/sessions/M: the session's date and
 * topic and, for each participant, a box ticked when they came
 * (registry-cases.xsl writes the boxes after the fields).
 */
enum http_status
group_attendance(struct req *r, struct xml *x)
{
	struct form_page p;

	memset(&p, 0, sizeof(p));
	p.elem = "group-form";
	p.page = "attendance";
	p.method = "post";
	p.action = r->path;
	p.submit = "group.attendance.submit";
	p.fields = session_fields;
	p.nfields = SF__MAX;
	p.load = attendance_load;
	p.extra = attendance_extra;
	p.save = attendance_save;
	return group_form_run(r, x, &p, true, "group.attendance");
}

/* --- the activity itself ------------------------------------------------- */

static const char *const group_kinds[] = {
    "competences", "vocational", "job-club", "support", "other", NULL};

/* In STMT_GRP_RAW's order. */
enum { AF_TITLE, AF_KIND, AF_STARTS, AF_ENDS, AF_ORG, AF__MAX };
static const struct field activity_fields[AF__MAX] = {
    {"title", VALID_TEXT, true, 2, GROUP_TITLE_MAX, "group.title.field", "off",
	NULL, NULL},
    {"kind", VALID_CHOICE, true, 0, 0, "group.kind", NULL, group_kinds,
	"group.kind."},
    {"starts", VALID_DATE, true, 20000101, 21001231, "group.starts", "off",
	NULL, NULL},
    {"ends", VALID_DATE, false, 20000101, 21001231, "group.ends", "off", NULL,
	NULL},
    {"organisation", VALID_ID, false, 0, 0, "group.runby", NULL, NULL, NULL},
};

/* The partners that may run an activity (and, editing, its head). */
static int
activity_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res pa;

	if (r->nids > 0 && xml_rows(x, "group", &cur) == -1)
		return -1;
	if (DBQ(r, STMT_PARTNER_OPTIONS, &pa, DBP_LOCALE(r),
		DBP_I(r->sess->municipality)) != DB_OK)
		return -1;
	return form_options(x, "organisation", &pa);
}

/* The activity's values as its form shows them first. */
static enum http_status
activity_load(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	size_t i;

	if ((rc = DBQ(r, STMT_GRP_RAW, &res, DBP_I(r->ids[0]),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	if (res.nrows != 1)
		return HTTP_NOT_FOUND;
	for (i = 0; i < AF__MAX; i++)
		f->text[i] =
		    db_str(&res, 0, i) != NULL ? db_str(&res, 0, i) : "";
	return HTTP_OK;
}

/* The last day not before the first; the partner one of the town's. */
static enum http_status
activity_check(struct req *r, struct form *f)
{
	struct db_res pa;
	enum db_rc rc;

	if (f->error[AF_STARTS] == NULL && f->error[AF_ENDS] == NULL &&
	    *f->text[AF_ENDS] != '\0' && f->num[AF_ENDS] < f->num[AF_STARTS])
		form_error(f, AF_ENDS, "group.ends.before");
	if (f->error[AF_ORG] != NULL || *f->text[AF_ORG] == '\0')
		return HTTP_OK;
	if ((rc = DBQ(r, STMT_PARTNER_OPTIONS, &pa, DBP_LOCALE(r),
		 DBP_I(r->sess->municipality))) != DB_OK)
		return db_status(rc);
	form_choice(f, AF_ORG, &pa);
	return HTTP_OK;
}

#define GRP_ORG_OR_NULL(f)                                                     \
	(*(f)->text[AF_ORG] != '\0' ? DBP_I((f)->num[AF_ORG]) : DBP_NUL)

/* A new activity of the town (audited): 303 to its page. */
static enum http_status
activity_insert(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t id;

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_GRP_INSERT, &res, DBP_I(r->sess->municipality),
		 DBP_S(f->text[AF_TITLE]), DBP_S(f->text[AF_KIND]),
		 GRP_ORG_OR_NULL(f), DBP_S(f->text[AF_STARTS]),
		 DBP_SN(f->text[AF_ENDS]))) != DB_OK)
		return db_undo(r, rc);
	id = (int64_t)res.insert_id;
	if ((rc = audit(r, "group.create", "group-activity", id, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/registry/groups/%lld", (long long)id),
	    "group-saved");
}

/* The activity changed (audited): 303 to its page. */
static enum http_status
activity_update(struct req *r, struct form *f)
{
	enum db_rc rc;
	int64_t id = r->ids[0];

	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_GRP_UPDATE, NULL, DBP_S(f->text[AF_TITLE]),
		 DBP_S(f->text[AF_KIND]), GRP_ORG_OR_NULL(f),
		 DBP_S(f->text[AF_STARTS]), DBP_SN(f->text[AF_ENDS]), DBP_I(id),
		 DBP_I(r->sess->municipality))) != DB_OK ||
	    (rc = audit(r, "group.update", "group-activity", id, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(r->arena, "/registry/groups/%lld", (long long)id),
	    "group-saved");
}

/* The activity form: new (no id) or activity ids[0]. */
static void
activity_page(struct req *r, struct form_page *p)
{
	memset(p, 0, sizeof(*p));
	p->elem = "group-edit";
	p->page = r->nids > 0 ? "edit" : "new";
	p->method = "post";
	p->action = r->path;
	p->submit = "group.save";
	p->fields = activity_fields;
	p->nfields = AF__MAX;
	p->extra = activity_extra;
	p->check = activity_check;
	p->save = r->nids > 0 ? activity_update : activity_insert;
	p->load = r->nids > 0 ? activity_load : NULL;
}

/* GET and POST /registry/groups/new: a new activity of the town. */
enum http_status
group_new(struct req *r, struct xml *x)
{
	struct form_page p;
	struct form f;

	activity_page(r, &p);
	if (r->method == METHOD_POST)
		return form_post(r, x, &p);
	form_empty(r, AF__MAX, &f);
	f.text[AF_KIND] = "competences";
	return form_show(r, x, &p, &f);
}

/*
 * GET and POST /registry/groups/N/edit: the activity's title, kind,
 * days and who runs it.  Another town's activity is a 404 (audited).
 */
enum http_status
group_edit(struct req *r, struct xml *x)
{
	struct form_page p;

	activity_page(r, &p);
	return group_form_run(r, x, &p, false, "group.update");
}

/* --- participants -------------------------------------------------------- */

enum { MF_CASE, MF__MAX };
static const struct field member_fields[MF__MAX] = {
    {"case", VALID_ID, true, 0, 0, "group.member.case", NULL, NULL, NULL},
};

/* The activity, its participants (each with the sessions attended) and
 * the open cases of the town that could join. */
static int
members_extra(struct req *r, struct xml *x, const struct form *f)
{
	struct db_res m, c;

	if (DBQ(r, STMT_GRP_MEMBERS, &m, DBP_I(r->ids[0])) != DB_OK ||
	    DBQ(r, STMT_GRP_CANDIDATES, &c, DBP_I(r->sess->municipality),
		DBP_I(r->ids[0])) != DB_OK)
		return -1;
	if (xml_rows(x, "group", &cur) == -1 || xml_rows(x, "member", &m) == -1)
		return -1;
	return form_options(x, "case", &c);
}

/* POST: the case joins the activity (audited on the case). */
static enum http_status
member_add(struct req *r, struct form *f)
{
	struct db_res res;
	enum db_rc rc;
	int64_t aid = r->ids[0], cid = f->num[MF_CASE];

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	rc = DBQ(r, STMT_GRP_MEMBER_ADD, &res, DBP_I(aid), DBP_I(cid),
	    DBP_I(r->sess->municipality));
	if (rc == DB_DUPLICATE || (rc == DB_OK && res.affected != 1)) {
		db_rollback(r->w->db);
		form_error(f, MF_CASE,
		    rc == DB_DUPLICATE ? "group.member.already"
				       : "invalid.choice");
		return rc == DB_DUPLICATE ? HTTP_CONFLICT : HTTP_UNPROCESSABLE;
	}
	if (rc != DB_OK ||
	    (rc = audit(r, "group.member.add", "case", cid, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(
		r->arena, "/registry/groups/%lld/members", (long long)aid),
	    "member-added");
}

static void
members_page(struct req *r, struct form_page *p)
{
	memset(p, 0, sizeof(*p));
	p->elem = "group-form";
	p->page = "members";
	p->method = "post";
	p->action = arena_printf(
	    r->arena, "/registry/groups/%lld/members", (long long)r->ids[0]);
	p->submit = "group.member.submit";
	p->fields = member_fields;
	p->nfields = MF__MAX;
	p->extra = members_extra;
	p->save = member_add;
}

/*
 * GET and POST /registry/groups/N/members: the participants, each with
 * a button that removes one who came to no session, and the form that
 * adds an open case of the town.  A read of their names (audited).
 */
enum http_status
group_members(struct req *r, struct xml *x)
{
	struct form_page p;

	members_page(r, &p);
	return group_form_run(r, x, &p, false, "group.member.add");
}

/*
 * POST /registry/groups/N/members/M/remove: case M is no longer a
 * participant (audited on the case).  Not a participant: 404 (audited);
 * one who came to a session stays: the participants' page again with
 * the reason, 409.
 */
enum http_status
group_member_remove(struct req *r, struct xml *x)
{
	struct form_page p;
	struct form f;
	struct db_res m;
	enum http_status st;
	enum db_rc rc;
	int64_t aid = r->ids[0], cid = r->ids[1];

	memset(&cur, 0, sizeof(cur));
	if ((st = record_check(
		 r, &group_kind, aid, "group.member.remove", &cur)) != HTTP_OK)
		return st;
	if ((rc = db_begin(r->w->db)) != DB_OK ||
	    (rc = DBQ(r, STMT_GRP_MEMBER_ONE, &m, DBP_I(aid), DBP_I(cid))) !=
		DB_OK)
		return db_undo(r, rc);
	if (m.nrows != 1 || db_int(&m, 0, "attended") > 0) {
		db_rollback(r->w->db);
		if ((rc = audit(r, "group.member.remove", "case", cid,
			 m.nrows != 1 ? "not-found" : "attended")) != DB_OK)
			return db_status(rc);
		if (m.nrows != 1)
			return HTTP_NOT_FOUND;
		members_page(r, &p);
		form_empty(r, MF__MAX, &f);
		f.problem = "group.member.attended";
		f.nerrors = 1;
		if (form_show(r, x, &p, &f) == HTTP_INTERNAL)
			return HTTP_INTERNAL;
		return HTTP_CONFLICT;
	}
	if ((rc = DBQ(r, STMT_GRP_MEMBER_REMOVE, NULL, DBP_I(aid),
		 DBP_I(cid))) != DB_OK ||
	    (rc = audit(r, "group.member.remove", "case", cid, "ok")) !=
		DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r,
	    arena_printf(
		r->arena, "/registry/groups/%lld/members", (long long)aid),
	    "member-removed");
}
