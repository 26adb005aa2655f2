/* SPDX-License-Identifier: ISC */
/*
 * edit_publish.c: a survey's life in the editor (issue 11): published
 * with its local opening and closing times (kept in the definition, and
 * in UTC in the row), closed early, its results made public or withdrawn,
 * and copied as a draft for the next round.  Each is a form or a button
 * of the survey's page (edit.c's edit_get() and button_open()), one
 * transaction with its audit row, then 303 back to the survey.
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "surveys.h"
#include "edit.h"

/* --- close, results ---------------------------------------------------- */

/* POST /surveys/edit/%/close (confirm=1): a published survey closes now. */
enum http_status
sedit_close(struct req *r, struct xml *x)
{
	struct sv s;
	struct form f;
	enum http_status st;
	enum db_rc rc;
	char today[11];

	if ((st = button_open(r, x, "survey.close", confirm_fields, 1, &f, &s,
		 "sedit.close.confirm")) != HTTP_OK)
		return st;
	if (strcmp(s.status, "published") != 0)
		return button_refused(
		    r, x, &s, HTTP_CONFLICT, "sedit.close.notpublished", NULL);
	if (survey_today(today) == -1)
		return db_undo(r, DB_ERROR);
	if ((rc = DBQ(r, STMT_SEDIT_CLOSE, NULL, DBP_S(today), DBP_I(s.id))) !=
		DB_OK ||
	    (rc = audit(r, "survey.close", "survey", s.id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, sv_path(r, s.id), "sedit-closed");
}

static const char *const onoff[] = {"1", "0", NULL};

static const struct field results_fields[] = {
    {"published", VALID_CHOICE, true, 0, 0, "sedit.results", NULL, onoff, NULL},
};

/* POST /surveys/edit/%/results (published=1|0): results public or not. */
enum http_status
sedit_results(struct req *r, struct xml *x)
{
	struct sv s;
	struct form f;
	enum http_status st;
	enum db_rc rc;
	bool on;

	if ((st = button_open(r, x, "survey.results", results_fields, 1, &f, &s,
		 "sedit.results.choose")) != HTTP_OK)
		return st;
	on = f.num[0] == 0;
	if ((rc = DBQ(r, STMT_SEDIT_RESULTS, NULL, DBP_I(on), DBP_I(s.id))) !=
		DB_OK ||
	    (rc = audit(r,
		 on ? "survey.results.publish" : "survey.results.unpublish",
		 "survey", s.id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(
	    r, sv_path(r, s.id), on ? "sedit-results-on" : "sedit-results-off");
}

/* --- publish, copy ------------------------------------------------------- */

enum pubf { PUB_OPENS, PUB_CLOSES, PUB__MAX };

static const struct field publish_fields[PUB__MAX] = {
    TXT("opens", true, SEDIT_WHEN_MAX_CHARS, "sedit.opens"),
    TXT("closes", true, SEDIT_WHEN_MAX_CHARS, "sedit.closes"),
};

static enum http_status
publish_load(struct req *r, struct form *f, const struct sv *s)
{
	f->text[PUB_OPENS] = when_show(r, s->d->opens);
	f->text[PUB_CLOSES] = when_show(r, s->d->closes);
	return HTTP_OK;
}

/* GET /surveys/edit/%/publish: the dates, local, to publish with. */
enum http_status
sedit_publish_form(struct req *r, struct xml *x)
{
	static const struct edit_form ef = {"publish", "sedit.publish",
	    publish_fields, PUB__MAX, "survey.publish", publish_load, NULL};

	return edit_get(r, x, &ef);
}

/*
 * POST /surveys/edit/%/publish: the survey opens and closes at the local
 * times given (the definition's opens and closes; opens_at and closes_at
 * in UTC); a published or closed survey takes the new dates.  303; 422
 * with the form.
 */
enum http_status
sedit_publish(struct req *r, struct xml *x)
{
	struct sv s;
	struct form f;
	struct qdef *w;
	const struct qdef *d = NULL;
	const char *xml, *key = NULL, *reason = NULL;
	char o[17], c[17], ou[20], cu[20], od[11], cd[11];
	enum http_status st;
	enum db_rc rc;

	if ((rc = db_begin(r->w->db)) != DB_OK)
		return db_status(rc);
	if ((st = sv_load(r, "survey.publish", &s)) != HTTP_OK) {
		if (st == HTTP_NOT_FOUND && db_commit(r->w->db) != DB_OK)
			return HTTP_UNAVAILABLE;
		if (db_in_txn(r->w->db))
			db_rollback(r->w->db);
		return st;
	}
	if (s.d == NULL) {
		db_rollback(r->w->db);
		return HTTP_NOT_FOUND;
	}
	form_validate(r, publish_fields, PUB__MAX, &f);
	if (f.error[PUB_OPENS] == NULL &&
	    (when_parse(f.text[PUB_OPENS], o) == -1 ||
		when_utc(o, ou, od) == -1))
		form_error(&f, PUB_OPENS, "sedit.invalid.when");
	if (f.error[PUB_CLOSES] == NULL &&
	    (when_parse(f.text[PUB_CLOSES], c) == -1 ||
		when_utc(c, cu, cd) == -1))
		form_error(&f, PUB_CLOSES, "sedit.invalid.when");
	if (f.nerrors == 0 && strcmp(o, c) >= 0)
		form_error(&f, PUB_CLOSES, "sedit.invalid.order");
	if (f.nerrors == 0) {
		w = model_copy(r->arena, s.d);
		w->opens = o;
		w->closes = c;
		if ((d = sv_check(r, &s, NULL, w, &xml, &key, &reason)) == NULL)
			refuse(r, &f, key);
	}
	if (f.nerrors > 0) {
		if (db_in_txn(r->w->db))
			db_rollback(r->w->db);
		return show_form(r, x, "publish", r->path, "sedit.publish",
		    publish_fields, &f, &s, key, reason);
	}
	if ((rc = DBQ(r, STMT_SEDIT_PUBLISH, NULL, DBP_S(ou), DBP_S(cu),
		 DBP_S(od), DBP_S(cd), DBP_S(xml), DBP_I(s.id))) != DB_OK ||
	    (rc = audit(r, "survey.publish", "survey", s.id, "ok")) != DB_OK ||
	    (rc = db_commit(r->w->db)) != DB_OK)
		return db_undo(r, rc);
	return form_done(r, sv_path(r, s.id), "sedit-published");
}

static const struct field copy_fields[] = {
    TXT("slug", true, QDEF_CODE_MAX_BYTES, "sedit.slug"),
};

static enum http_status
copy_load(struct req *r, struct form *f, const struct sv *s)
{
	const char *c = arena_printf(
	    r->arena, "%s-%lld", s->d->slug, (long long)s->round + 1);

	f->text[0] = strlen(c) <= QDEF_CODE_MAX_BYTES ? c : "";
	return HTTP_OK;
}

/* GET /surveys/edit/%/copy: the slug of the next round. */
enum http_status
sedit_copy_form(struct req *r, struct xml *x)
{
	static const struct edit_form ef = {"copy", "sedit.copy", copy_fields,
	    1, "survey.copy", copy_load, NULL};

	return edit_get(r, x, &ef);
}

/*
 * POST /surveys/edit/%/copy: a new draft with the same definition (its
 * dates cleared), round + 1, copied_from this one.  303 to the copy; 422
 * with the form; 409 when the slug is taken.
 */
enum http_status
sedit_copy(struct req *r, struct xml *x)
{
	struct sv s;
	struct form f;
	struct qdef *w;
	const struct qdef *d = NULL;
	const char *xml, *key = NULL, *reason = NULL;
	struct db_res res;
	enum http_status st;
	enum db_rc rc;
	int64_t id;

	if ((st = sv_load(r, "survey.copy", &s)) != HTTP_OK)
		return st;
	if (s.d == NULL)
		return HTTP_NOT_FOUND;
	form_validate(r, copy_fields, 1, &f);
	if (f.nerrors == 0 && !code_ok(f.text[0]))
		form_error(&f, 0, "sedit.invalid.code");
	if (f.nerrors == 0) {
		w = model_copy(r->arena, s.d);
		w->slug = f.text[0];
		w->opens = w->closes = NULL;
		if ((d = sv_check(r, NULL, NULL, w, &xml, &key, &reason)) ==
		    NULL)
			refuse(r, &f, key);
	}
	if (f.nerrors == 0) {
		if ((rc = db_begin(r->w->db)) != DB_OK)
			return db_status(rc);
		rc = DBQ(r, STMT_SEDIT_INSERT, &res,
		    DBP_I(r->sess->municipality), DBP_S(d->slug),
		    DBP_S(qdef_text(&d->title, LOCALE_SR_LATN)),
		    DBP_S(qdef_text(&d->title, LOCALE_SR_CYRL)),
		    DBP_S(qdef_text(&d->title, LOCALE_BS)),
		    DBP_S(qdef_text(&d->title, LOCALE_EN)), DBP_S(xml),
		    DBP_I(s.round + 1), DBP_I(s.id));
		if (rc == DB_DUPLICATE) {
			db_rollback(r->w->db);
			form_error(&f, 0, "sedit.slug.taken");
			if (show_form(r, x, "copy", r->path, "sedit.copy",
				copy_fields, &f, &s, NULL,
				NULL) == HTTP_INTERNAL)
				return HTTP_INTERNAL;
			return HTTP_CONFLICT;
		}
		id = (int64_t)res.insert_id;
		if (rc != DB_OK ||
		    (rc = audit(r, "survey.copy", "survey", id, "ok")) !=
			DB_OK ||
		    (rc = db_commit(r->w->db)) != DB_OK)
			return db_undo(r, rc);
		return form_done(r, sv_path(r, id), "sedit-copied");
	}
	return show_form(r, x, "copy", r->path, "sedit.copy", copy_fields, &f,
	    &s, key, reason);
}
