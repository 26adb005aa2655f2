/* SPDX-License-Identifier: ISC */
/*
 * training.c: karika-training, the daily job of the register of
 * professionals (issue 16).  karika-jobs runs it every night.
 *
 *	karika-training [-c config] [--now YYYY-MM-DD]
 *
 * 1. Recomputes every professional's next lapse and access
 *    (STMT_PRO_REFRESH, the same statement a pass runs), so that a
 *    change of a position's courses or a course's publication reaches
 *    everyone.  A lapse needs no job to take effect: session_load
 *    compares access_until with today at every request.
 * 2. Reminds each professional by e-mail, in their language, 60, 30 and
 *    7 days before their licence or a required certificate lapses: each
 *    stage once per lapse (training_reminder), and a day the job missed
 *    is caught up with the stage due then, never with an earlier one.
 * 3. Tells a case-work professional whose access has lapsed, and their
 *    supervisor, once per lapse (professional.suspended_notice), with an
 *    audit row ("access.suspend").
 *
 * --now sets the day the job counts from (the tests' clock); it does not
 * move the lapse itself, which every request checks against the real
 * date.  It connects as the registry's database user (the registry's
 * statement table, fcgi/registry/stmt.c: its whole SQL surface, reviewed
 * with sql/grants.sql).  Each professional's mail goes out in its own
 * transaction with its record row, so a failure loses nothing and sends
 * nothing twice.  Logs what it did in one line (standard error, which
 * karika-jobs shows); exits 0, 1 when something failed, 2 for bad
 * usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "karika.h"
#include "../registry/stmt.h"
#include "../registry/quiz.h"

struct run {
	struct cfg cfg;
	struct db *db;
	struct arena *a;
	char today[11];
	char rid[40];
	long reminded, told, failed;
};

static int
usage(void)
{
	fprintf(
	    stderr, "usage: karika-training [-c config] [--now YYYY-MM-DD]\n");
	return 2;
}

static enum db_rc
q(struct run *u, size_t idx, const struct db_param *p, size_t n,
    struct db_res *res)
{
	return db_exec(u->db, u->a, idx, p, n, res);
}

#define Q(u, idx, res, ...)                                                    \
	q((u), (idx), (const struct db_param[]){__VA_ARGS__},                  \
	    sizeof((const struct db_param[]){__VA_ARGS__}) /                   \
		sizeof(struct db_param),                                       \
	    (res))

/*
 * The course title of row i for locale (sr-Latn, bs, en as stored;
 * sr-Cyrl transliterated), in the run's arena; "" without a course.
 */
static const char *
title_for(struct run *u, const struct db_res *res, size_t i, const char *locale)
{
	enum locale l = locale_from_tag(locale);
	const char *t;
	char *c;

	if (l == LOCALE_BS)
		t = db_str(res, i, "title_bs");
	else if (l == LOCALE_EN)
		t = db_str(res, i, "title_en");
	else
		t = db_str(res, i, "title_sr_latn");
	if (t == NULL)
		return "";
	if (l != LOCALE_SR_CYRL && l != LOCALE__MAX)
		return t;
	if ((c = translit_to_cyrl(t)) == NULL)
		return t;
	t = arena_strdup(u->a, c);
	free(c);
	return t;
}

/* Where a mail about an item sends the worker: the course, or the
 * training page (a licence). */
static const char *
link_for(struct run *u, int64_t course)
{
	return course > 0
	    ? arena_printf(
		  u->a, "/registry/training/courses/%lld", (long long)course)
	    : "/registry/training";
}

/*
 * Sends the reminder due for row i of STMT_JOB_DUE, if any and not sent
 * yet: the stage row and the mail in one transaction.
 */
static void
remind(struct run *u, const struct db_res *res, size_t i)
{
	const char *due = db_str(res, i, "due"), *what = db_str(res, i, "what");
	const char *locale = db_str(res, i, "locale");
	int64_t pid = db_int(res, i, "pid"), course = db_int(res, i, "course");
	struct db_res ins;
	enum db_rc rc;
	long days;
	int stage;

	if (quiz_days(u->today, due, &days) == -1 ||
	    (stage = quiz_stage(days)) == 0)
		return;
	if ((rc = db_begin(u->db)) != DB_OK ||
	    (rc = Q(u, STMT_JOB_REMINDED, &ins, DBP_I(pid), DBP_S(due),
		 DBP_S(what), DBP_I(course), DBP_I(stage))) != DB_OK)
		goto fail;
	if (ins.affected == 0) {
		db_rollback(u->db);
		return;
	}
	if ((rc = Q(u, STMT_JOB_OUTBOX, NULL, DBP_S(db_str(res, i, "email")),
		 DBP_S(locale),
		 DBP_S(arena_printf(u->a, "%s-due-%d", what, stage)),
		 DBP_S(title_for(u, res, i, locale)),
		 DBP_S(link_for(u, course)))) != DB_OK ||
	    (rc = db_commit(u->db)) != DB_OK)
		goto fail;
	u->reminded++;
	return;
fail:
	db_rollback(u->db);
	LOGE("professional %lld: reminder not queued", (long long)pid);
	u->failed++;
}

/*
 * Tells the worker of row i of STMT_JOB_LAPSED (and their supervisor)
 * that their access is suspended, records it, audits it: one
 * transaction.
 */
static void
tell(struct run *u, const struct db_res *res, size_t i)
{
	int64_t pid = db_int(res, i, "id"), course = db_int(res, i, "course");
	const char *what = db_str(res, i, "what");
	const char *email = db_str(res, i, "email");
	const char *sup = db_str(res, i, "sup_email");
	const char *locale = db_str(res, i, "locale");
	struct db_res up;
	enum db_rc rc;

	if (what == NULL)
		what = "licence";
	if ((rc = db_begin(u->db)) != DB_OK ||
	    (rc = Q(u, STMT_JOB_NOTICED, &up, DBP_I(pid),
		 DBP_S(db_str(res, i, "lapsed")))) != DB_OK)
		goto fail;
	if (up.affected == 0) { /* changed meanwhile: the next run sees it */
		db_rollback(u->db);
		return;
	}
	if ((email != NULL &&
		(rc = Q(u, STMT_JOB_OUTBOX, NULL, DBP_S(email), DBP_S(locale),
		     DBP_S(arena_printf(u->a, "%s-lapsed", what)),
		     DBP_S(title_for(u, res, i, locale)),
		     DBP_S(link_for(u, course)))) != DB_OK) ||
	    (sup != NULL &&
		(rc = Q(u, STMT_JOB_OUTBOX, NULL, DBP_S(sup),
		     DBP_S(db_str(res, i, "sup_locale")), DBP_S("staff-lapsed"),
		     DBP_S(db_str(res, i, "name")),
		     DBP_S(arena_printf(u->a, "/registry/professionals/%lld",
			 (long long)pid)))) != DB_OK) ||
	    (rc = Q(u, STMT_JOB_AUDIT, NULL, DBP_S("access.suspend"),
		 DBP_I(pid), DBP_S(u->rid), DBP_S(what))) != DB_OK ||
	    (rc = db_commit(u->db)) != DB_OK)
		goto fail;
	u->told++;
	return;
fail:
	db_rollback(u->db);
	LOGE("professional %lld: suspension not told", (long long)pid);
	u->failed++;
}

/* The three steps; returns 0, or -1 when the database could not be used. */
static int
run_once(struct run *u)
{
	struct db_res due, lapsed;
	size_t i;

	if (Q(u, STMT_PRO_REFRESH, NULL, DBP_I(0), DBP_I(0), DBP_I(0), DBP_I(0),
		DBP_I(0), DBP_I(0)) != DB_OK)
		return -1;
	if (Q(u, STMT_JOB_DUE, &due, DBP_S(u->today), DBP_S(u->today)) != DB_OK)
		return -1;
	for (i = 0; i < due.nrows; i++)
		remind(u, &due, i);
	if (Q(u, STMT_JOB_LAPSED, &lapsed, DBP_S(u->today)) != DB_OK)
		return -1;
	for (i = 0; i < lapsed.nrows; i++)
		tell(u, &lapsed, i);
	return 0;
}

int
main(int argc, char **argv)
{
	struct run u;
	const char *cfgpath = NULL, *now = NULL;
	struct tm tm;
	time_t t;
	int i, y, m, d, rc = 1;

	memset(&u, 0, sizeof(u));
	log_init("karika-training");
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			cfgpath = argv[++i];
		else if (strcmp(argv[i], "--now") == 0 && i + 1 < argc)
			now = argv[++i];
		else
			return usage();
	}
	if (now != NULL) {
		if (!quiz_date_parse(now, &y, &m, &d))
			return usage();
		memcpy(u.today, now, 11);
	} else {
		t = time(NULL);
		if (gmtime_r(&t, &tm) == NULL ||
		    strftime(u.today, sizeof(u.today), "%Y-%m-%d", &tm) != 10)
			return 1;
	}
	snprintf(
	    u.rid, sizeof(u.rid), "training-%s-%ld", u.today, (long)time(NULL));
	if (cfg_load(&u.cfg, cfg_default_path(cfgpath)) == -1)
		return 1;
	u.a = arena_new();
	u.db = db_new(&u.cfg, "registry", stmt_sql, STMT__MAX, false);
	if (db_ensure(u.db) == -1) {
		fprintf(stderr, "karika-training: cannot use the database\n");
		goto out;
	}
	if (run_once(&u) == -1) {
		fprintf(stderr, "karika-training: the database failed\n");
		goto out;
	}
	log_info("as of %s: %ld reminders, %ld suspensions told, %ld failed",
	    u.today, u.reminded, u.told, u.failed);
	rc = u.failed > 0;
out:
	db_free(u.db);
	arena_free(u.a);
	cfg_release(&u.cfg);
	return rc;
}
