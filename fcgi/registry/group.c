/* SPDX-License-Identifier: ISC */
/*
 * group.c: group activities of case management (issue 15), e.g. a
 * training in personal and business competences run with a partner:
 * the town's list, an activity with its sessions and its participants
 * (cases), a new session, and a session's page where the worker records,
 * in one form, who of the participants came.
 *
 * CSW workers of the town only (the routes' permission; an activity of
 * another town is a 404).  Participants are people of cases, so opening
 * an activity or a session is a read of their names, audited
 * ("group.read"); a session's change is audited with the attendance it
 * recorded ("group.attendance").
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

#define GROUP_TOPIC_MAX 200 /* group_session.topic (0010) */

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
