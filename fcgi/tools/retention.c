/* SPDX-License-Identifier: ISC */
/*
 * retention.c: karika-retention deletes what the law says must not be
 * kept any longer (DOMAIN.md, "Data protection"), and reports what it
 * did.  karika-jobs runs it every night.
 *
 *	karika-retention [-c config] [--dry-run] [--now YYYY-MM-DD]
 *
 * Each record kind has a period in the configuration (retention.*, the
 * table kinds[] below: abandoned survey responses, expired sessions,
 * spent single-use links, the sign-in throttle, refused or withdrawn
 * applications, closed cases, audit rows).  For each kind in turn it
 * computes the cutoff (the day it runs, or --now's, minus the period),
 * then deletes the rows older than that in batches of retention.batch
 * rows, one transaction each: the DELETE ... LIMIT, the kind's report row
 * counting up (retention_run, migration 0013) and, with the first batch,
 * one audit row ("retention.delete", naming that report row), so that the
 * count is exact whenever the job stops and no deletion is missing from
 * the trail.  It goes on until a batch deletes fewer than a batch.
 * --dry-run only counts what is due and reports that, deleting nothing.
 * A kind whose table is not in the database is reported "absent" (not
 * present); one whose table is there but for which this program has no
 * rule yet is reported "unhandled".
 *
 * Two kinds are records with rows in other tables, deleted together in
 * one transaction per batch (the batch is the first retention.batch due
 * records by id, and every statement of it is bounded by their first and
 * last id and the same condition): refused or withdrawn applications
 * (their documents, timeline and places on a waiting list; needs and
 * criteria by ON DELETE CASCADE) and closed cases (their plan, reviews,
 * barriers, priority marks, group memberships and attendance, referrals
 * with their fields and access grants).  A document's file goes when no
 * row names its SHA-256 any more: inside the transaction, under the lock
 * of that hash (as the applications worker does), the file is moved
 * aside (docs_park_in), and only after the commit is it removed; a
 * rollback puts it back.  So a file never outlives its last row by more
 * than the commit, and a row never names a removed file.  The count is of
 * applications and cases, not of their rows.  Domestic-violence cases
 * (dv_case) are a kind of their own with no rule yet: their legal period
 * is not the CSW's cases' (README, Retention).  Every kind's statements
 * are prepared when the program connects: the schema must be migrated
 * first (karika-migrate), as for the workers.
 *
 * It connects as its own database user (retention.db_user, normally
 * karika_retention): sql/grants.sql gives it only the columns its
 * conditions read and DELETE on those tables.  The audit trail is
 * append-only by a trigger, which lets this user alone delete, and only
 * rows older than the floor stored in retention_floor; the program also
 * refuses a retention.audit_years below that floor before deleting
 * anything.
 *
 * Prints one line per kind on standard output and a summary line last
 * (what karika-jobs shows).  Exit status: 0 when every kind was done, 1
 * when one failed or the database could not be used (each kind is tried
 * all the same), 2 for bad usage.  Times are UTC (db.c sets the session's
 * time zone), so are the cutoffs and --now's day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

/* Rows per DELETE: short transactions, so the workers never wait long. */
#define RET_BATCH_DEFAULT 1000
#define RET_BATCH_MAX	  100000

/*
 * The program's whole SQL surface, for review beside its grants in
 * sql/grants.sql.  The kinds' statements take (cutoff) to count and
 * (cutoff, batch) to delete.
 */
enum stmt {
	STMT_CLOCK,	       /* this run's instant and day */
	STMT_PRESENT,	       /* is a table in the database */
	STMT_FLOOR,	       /* a kind's least age in years, if any */
	STMT_CUTOFF_DAYS,      /* a day minus n days, as DATETIME */
	STMT_CUTOFF_YEARS,     /* a day minus n years */
	STMT_RUN_ADD,	       /* a kind's report row */
	STMT_RUN_COUNT,	       /* count a batch into it */
	STMT_RUN_STATE,	       /* done or failed */
	STMT_AUDIT_ADD,	       /* the trail says what was removed */
	STMT_SURVEY_COUNT,     /* in progress, past expires_on */
	STMT_SURVEY_DELETE,    /* (their answers: ON DELETE CASCADE) */
	STMT_NONCES_COUNT,     /* completed held responses' nonces */
	STMT_NONCES_DELETE,    /* */
	STMT_SESSIONS_COUNT,   /* expired sessions */
	STMT_SESSIONS_DELETE,  /* */
	STMT_TOKENS_COUNT,     /* used or expired single-use links */
	STMT_TOKENS_DELETE,    /* */
	STMT_THROTTLE_COUNT,   /* failed sign-ins long ago */
	STMT_THROTTLE_DELETE,  /* */
	STMT_AUDITROWS_COUNT,  /* audit rows past their legal period */
	STMT_AUDITROWS_DELETE, /* (the trigger of 0013 checks again) */
	STMT_APPS_COUNT,       /* refused or withdrawn applications */
	STMT_APPS_PICK,	       /* a batch of them, locked */
	STMT_APPS_SHAS,	       /* the files of the batch's documents */
	STMT_APPS_DOCS,	       /* their documents, */
	STMT_APPS_EVENTS,      /* their timelines, */
	STMT_APPS_POSITIONS,   /* their places on waiting lists, */
	STMT_APPS_DELETE,      /* themselves (needs, criteria: CASCADE) */
	STMT_DOC_USERS,	       /* whether a file is still some row's */
	STMT_CASES_COUNT,      /* closed cases */
	STMT_CASES_PICK,       /* a batch of them, locked */
	STMT_CASES_REF_FIELDS, /* their referrals' fields, */
	STMT_CASES_REF_GRANTS, /* their referrals' access grants, */
	STMT_CASES_REFERRALS,  /* their referrals, */
	STMT_CASES_ACTIVITIES, /* plan activities, */
	STMT_CASES_GOALS,      /* goals, */
	STMT_CASES_REVIEWS,    /* reviews, */
	STMT_CASES_BARRIERS,   /* barriers, */
	STMT_CASES_PRIORITY,   /* priority marks, */
	STMT_CASES_MEMBERS,    /* group memberships, */
	STMT_CASES_ATTENDED,   /* group attendance, */
	STMT_CASES_DELETE,     /* themselves */
	STMT__MAX
};

/*
 * A batch of records (applications, cases): the statements take (first
 * id, last id, cutoff), so that each touches only the batch's records,
 * and only those still due.
 */
#define APP_DUE                                                                \
	"a.id BETWEEN ? AND ? AND a.status IN ('refused', 'withdrawn') "       \
	"AND a.updated_at < ?"
#define CASE_DUE                                                               \
	"c.id BETWEEN ? AND ? AND c.status = 'closed' AND c.closed_at < ?"
#define CASE_CHILD(t)                                                          \
	"DELETE x FROM " t " x JOIN case_file c ON c.id = x.case_id "          \
	"WHERE " CASE_DUE

static const char *const retention_sql[STMT__MAX] = {
    [STMT_CLOCK] = "SELECT CAST(UTC_TIMESTAMP(6) AS CHAR) AS run_at, "
		   "CAST(UTC_DATE() AS CHAR) AS today",
    [STMT_PRESENT] = "SELECT retention_table_present(?) AS present",
    [STMT_FLOOR] = "SELECT years FROM retention_floor WHERE kind = ?",
    [STMT_CUTOFF_DAYS] = "SELECT CAST(CAST(? AS DATETIME) - INTERVAL ? DAY "
			 "AS CHAR) AS cutoff",
    [STMT_CUTOFF_YEARS] = "SELECT CAST(CAST(? AS DATETIME) - INTERVAL ? "
			  "YEAR AS CHAR) AS cutoff",
    [STMT_RUN_ADD] = "INSERT INTO retention_run (run_at, as_of, kind, "
		     "state, cutoff, count, dry_run) "
		     "VALUES (?, ?, ?, ?, ?, ?, ?)",
    [STMT_RUN_COUNT] = "UPDATE retention_run SET count = count + ? "
		       "WHERE id = ?",
    [STMT_RUN_STATE] = "UPDATE retention_run SET state = ? WHERE id = ?",
    [STMT_AUDIT_ADD] = "INSERT INTO audit (action, object_type, object_id, "
		       "request_id, worker) VALUES ('retention.delete', "
		       "'retention_run', ?, ?, 'retention')",
    [STMT_SURVEY_COUNT] = "SELECT COUNT(*) AS n FROM survey_response "
			  "WHERE status = 'in_progress' AND expires_on < ?",
    [STMT_SURVEY_DELETE] = "DELETE FROM survey_response "
			   "WHERE status = 'in_progress' AND expires_on < ? "
			   "LIMIT ?",
    [STMT_NONCES_COUNT] = "SELECT COUNT(*) AS n FROM survey_held_done "
			  "WHERE done_on < ?",
    [STMT_NONCES_DELETE] = "DELETE FROM survey_held_done WHERE done_on < ? "
			   "LIMIT ?",
    [STMT_SESSIONS_COUNT] = "SELECT COUNT(*) AS n FROM session "
			    "WHERE expires_at < ?",
    [STMT_SESSIONS_DELETE] = "DELETE FROM session WHERE expires_at < ? "
			     "LIMIT ?",
    /* A link stops working when it is used or when it expires. */
    [STMT_TOKENS_COUNT] = "SELECT COUNT(*) AS n FROM account_token "
			  "WHERE used_at < ? OR expires_at < ?",
    [STMT_TOKENS_DELETE] = "DELETE FROM account_token "
			   "WHERE used_at < ? OR expires_at < ? LIMIT ?",
    [STMT_THROTTLE_COUNT] = "SELECT COUNT(*) AS n FROM login_throttle "
			    "WHERE last_failure_at < ?",
    [STMT_THROTTLE_DELETE] = "DELETE FROM login_throttle "
			     "WHERE last_failure_at < ? LIMIT ?",
    [STMT_AUDITROWS_COUNT] = "SELECT COUNT(*) AS n FROM audit WHERE at < ?",
    [STMT_AUDITROWS_DELETE] = "DELETE FROM audit WHERE at < ? LIMIT ?",
    /*
     * An application is refused or withdrawn for good: no statement of
     * the worker changes one after, so its last change (updated_at) is
     * its refusal or withdrawal.  Migration 0022's index serves these.
     */
    [STMT_APPS_COUNT] = "SELECT COUNT(*) AS n FROM application "
			"WHERE status IN ('refused', 'withdrawn') "
			"AND updated_at < ?",
    /*
     * The index of the condition, not the primary key's order: a walk
     * in id order would lock every application it passed, due or not.
     */
    [STMT_APPS_PICK] = "SELECT id FROM application FORCE INDEX "
		       "(application_retention) WHERE status IN ('refused', "
		       "'withdrawn') AND updated_at < ? ORDER BY id LIMIT ? "
		       "FOR UPDATE",
    [STMT_APPS_SHAS] =
	"SELECT DISTINCT LOWER(HEX(d.sha256)) AS sha FROM application_document "
	"d JOIN application a ON a.id = d.application_id WHERE " APP_DUE,
    [STMT_APPS_DOCS] =
	"DELETE d FROM application_document d JOIN "
	"application a ON a.id = d.application_id WHERE " APP_DUE,
    [STMT_APPS_EVENTS] = "DELETE e FROM application_event e JOIN application "
			 "a ON a.id = e.application_id WHERE " APP_DUE,
    [STMT_APPS_POSITIONS] = "DELETE p FROM application_position p JOIN "
			    "application a ON a.id = p.application_id "
			    "WHERE " APP_DUE,
    [STMT_APPS_DELETE] = "DELETE a FROM application a WHERE " APP_DUE,
    /*
     * The workers' statement (docs_drop()): the rows of every table
     * naming the file (an application's document, a course's PDF),
     * counted by locking reads, so no row of the same file can be
     * written until the commit and a file moved aside here is never one
     * a row names.
     */
    [STMT_DOC_USERS] = "CALL document_users(?)",
    [STMT_CASES_COUNT] = "SELECT COUNT(*) AS n FROM case_file "
			 "WHERE status = 'closed' AND closed_at < ?",
    [STMT_CASES_PICK] = "SELECT id FROM case_file FORCE INDEX "
			"(case_retention) WHERE status = 'closed' "
			"AND closed_at < ? ORDER BY id LIMIT ? FOR UPDATE",
    [STMT_CASES_REF_FIELDS] =
	"DELETE f FROM referral_field f JOIN referral r ON r.id = "
	"f.referral_id JOIN case_file c ON c.id = r.case_id WHERE " CASE_DUE,
    [STMT_CASES_REF_GRANTS] =
	"DELETE g FROM record_grant g JOIN referral r ON g.object_type = "
	"'referral' AND g.object_id = r.id JOIN case_file c "
	"ON c.id = r.case_id WHERE " CASE_DUE,
    [STMT_CASES_REFERRALS] = CASE_CHILD("referral"),
    [STMT_CASES_ACTIVITIES] = CASE_CHILD("case_activity"),
    [STMT_CASES_GOALS] = CASE_CHILD("case_goal"),
    [STMT_CASES_REVIEWS] = CASE_CHILD("case_review"),
    [STMT_CASES_BARRIERS] = CASE_CHILD("case_barrier"),
    [STMT_CASES_PRIORITY] = CASE_CHILD("case_priority"),
    [STMT_CASES_MEMBERS] = CASE_CHILD("group_member"),
    [STMT_CASES_ATTENDED] = CASE_CHILD("group_attendance"),
    [STMT_CASES_DELETE] = "DELETE c FROM case_file c WHERE " CASE_DUE,
};

/* No statement: a kind this program has no rule for yet, or a list's end. */
#define NO_STMT STMT__MAX

/*
 * The statements that delete a batch of records, in the order they run:
 * the rows naming them first, the records last (ending with NO_STMT).
 */
static const size_t app_stmts[] = {
    STMT_APPS_DOCS,
    STMT_APPS_EVENTS,
    STMT_APPS_POSITIONS,
    STMT_APPS_DELETE,
    NO_STMT,
};
static const size_t case_stmts[] = {
    STMT_CASES_REF_FIELDS,
    STMT_CASES_REF_GRANTS,
    STMT_CASES_REFERRALS,
    STMT_CASES_ACTIVITIES,
    STMT_CASES_GOALS,
    STMT_CASES_REVIEWS,
    STMT_CASES_BARRIERS,
    STMT_CASES_PRIORITY,
    STMT_CASES_MEMBERS,
    STMT_CASES_ATTENDED,
    STMT_CASES_DELETE,
    NO_STMT,
};

struct run;
struct kind;

/*
 * Removes one batch of kind k inside the batch's open transaction, rows
 * due before cutoff: sets *n to the records deleted.  DB_OK or the error
 * (the caller rolls back).
 */
typedef enum db_rc (*remove_fn)(
    struct run *, const struct kind *, const char *, int64_t *);

static enum db_rc rows_remove(
    struct run *, const struct kind *, const char *, int64_t *);
static enum db_rc apps_remove(
    struct run *, const struct kind *, const char *, int64_t *);
static enum db_rc cases_remove(
    struct run *, const struct kind *, const char *, int64_t *);

/*
 * The record kinds, in the order they run.  Adding one: its period key
 * and default here, its count and delete statements above (the cutoff
 * once, or twice for tokens: ncut), or a remove function for records
 * with rows in other tables, the grants in sql/grants.sql, the words
 * retention.kind.<name> in every catalogue, README's Operations and
 * docs/karika.conf.example.
 */
struct kind {
	const char *name;  /* retention_run.kind */
	const char *key;   /* its period in the configuration */
	int64_t def;	   /* the period when the key is absent */
	int64_t max;	   /* the longest period the key may give */
	bool years;	   /* the period counts years, else days */
	const char *table; /* NULL: a table every database has */
	size_t count;	   /* its statements, or NO_STMT */
	size_t del;
	size_t ncut;	  /* how many times the statements take the cutoff */
	remove_fn remove; /* a batch's deletion */
	bool files;	  /* it removes documents' files: documents.dir */
	int64_t min;	  /* the shortest period the key may give */
};

/*
 * Applications: one year after the refusal or the withdrawal by default,
 * what the form's notice tells the applicant (app.notice).  Closed cases:
 * ten years.  DV cases: no rule (README, Retention).
 */
static const struct kind kinds[] = {
    {"survey_abandoned", "retention.survey_abandoned_days", 0, 3650, false,
	NULL, STMT_SURVEY_COUNT, STMT_SURVEY_DELETE, 1, rows_remove, false, 0},
    /* What completed a held response (0034) outlives what could send it
     * again: a held response lives 30 days (fcgi/surveys/held.c). */
    {"survey_nonces", "retention.survey_nonces_days", 31, 3650, false, NULL,
	STMT_NONCES_COUNT, STMT_NONCES_DELETE, 1, rows_remove, false, 31},
    {"sessions", "retention.sessions_days", 0, 3650, false, NULL,
	STMT_SESSIONS_COUNT, STMT_SESSIONS_DELETE, 1, rows_remove, false, 0},
    {"tokens", "retention.tokens_days", 30, 3650, false, NULL,
	STMT_TOKENS_COUNT, STMT_TOKENS_DELETE, 2, rows_remove, false, 0},
    {"throttle", "retention.throttle_days", 1, 3650, false, NULL,
	STMT_THROTTLE_COUNT, STMT_THROTTLE_DELETE, 1, rows_remove, false, 0},
    {"applications", "retention.applications_years", 1, 100, true,
	"application", STMT_APPS_COUNT, NO_STMT, 1, apps_remove, true, 0},
    {"cases", "retention.cases_years", 10, 100, true, "case_file",
	STMT_CASES_COUNT, NO_STMT, 1, cases_remove, false, 0},
    {"dv_cases", NULL, 0, 0, true, "dv_case", NO_STMT, NO_STMT, 0, NULL, false,
	0},
    {"audit", "retention.audit_years", 10, 100, true, NULL,
	STMT_AUDITROWS_COUNT, STMT_AUDITROWS_DELETE, 1, rows_remove, false, 0},
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

/* A document's file moved aside in the open transaction. */
struct parked {
	const char *path; /* its name now, documents.dir/tmp/del-<sha> */
	const char *sha;
};

/* One run: its settings, its connection and what it has done. */
struct run {
	struct cfg cfg;
	struct db *db;
	struct arena *a;
	bool dry;
	int64_t batch;
	const char *docs;    /* documents.dir, or NULL */
	struct parked *park; /* the open batch's files moved aside */
	size_t npark;
	char as_of[11]; /* the day it counts from, YYYY-MM-DD */
	char at[32];	/* when it started, the same in every row */
	char rid[32];	/* the audit rows' request id */
	int64_t total;	/* rows deleted (or due) in all kinds */
	size_t failed;	/* kinds that failed */
};

static int
usage(void)
{
	fprintf(stderr,
	    "usage: karika-retention [-c config] [--dry-run] "
	    "[--now YYYY-MM-DD]\n");
	return 2;
}

/* Runs statement idx of the table with n parameters; DB_OK or an error. */
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
 * Adds the report row of kind k in state st (count n, or NULL when n is
 * negative; cutoff NULL when absent).  Returns its id, or 0 (logged).
 */
static int64_t
run_add(struct run *u, const struct kind *k, const char *st, const char *cutoff,
    int64_t n)
{
	struct db_res res;

	if (Q(u, STMT_RUN_ADD, &res, DBP_S(u->at), DBP_S(u->as_of),
		DBP_S(k->name), DBP_S(st), DBP_SN(cutoff),
		n < 0 ? DBP_NUL : DBP_I(n), DBP_I(u->dry ? 1 : 0)) != DB_OK)
		return 0;
	return (int64_t)res.insert_id;
}

/* The kind's cutoff as "YYYY-MM-DD HH:MM:SS" (arena), or NULL (logged). */
static const char *
cutoff_of(struct run *u, const struct kind *k, int64_t period)
{
	struct db_res res;

	if (Q(u, k->years ? STMT_CUTOFF_YEARS : STMT_CUTOFF_DAYS, &res,
		DBP_S(u->as_of), DBP_I(period)) != DB_OK ||
	    res.nrows != 1)
		return NULL;
	return db_str_at(&res, 0, 0);
}

/*
 * Whether kind k may run at all: its table is there (1), not (0), or the
 * database could not say (-1).
 */
static int
present(struct run *u, const struct kind *k)
{
	struct db_res res;

	if (k->table == NULL)
		return 1;
	if (Q(u, STMT_PRESENT, &res, DBP_S(k->table)) != DB_OK ||
	    res.nrows != 1)
		return -1;
	return db_int_at(&res, 0, 0) != 0;
}

/*
 * Refuses a period shorter than the kind's floor in retention_floor (the
 * trigger's, for the audit trail).  Returns 0, or -1 (said on stderr).
 */
static int
floor_ok(struct run *u, const struct kind *k, int64_t period)
{
	struct db_res res;
	int64_t least;

	if (Q(u, STMT_FLOOR, &res, DBP_S(k->name)) != DB_OK)
		return -1;
	if (res.nrows == 0)
		return 0;
	least = db_int_at(&res, 0, 0);
	if ((k->years ? period : period / 366) < least) {
		LOGE("%s = %lld is shorter than the least %lld years of "
		     "retention_floor: nothing of %s is deleted",
		    k->key, (long long)period, (long long)least, k->name);
		return -1;
	}
	return 0;
}

/* The rows of the kind's own table: one DELETE ... LIMIT a batch. */
static enum db_rc
rows_remove(struct run *u, const struct kind *k, const char *cutoff, int64_t *n)
{
	struct db_param p[3];
	struct db_res res;
	enum db_rc rc;
	size_t i = 0;

	p[i++] = DBP_S(cutoff);
	if (k->ncut == 2)
		p[i++] = DBP_S(cutoff);
	p[i++] = DBP_I(u->batch);
	if ((rc = q(u, k->del, p, i, &res)) == DB_OK)
		*n = (int64_t)res.affected;
	return rc;
}

/*
 * The first batch of records due of statement pick, locked until the
 * commit: their first and last id in *lo and *hi.  DB_OK with *lo 0 when
 * none is due, or the error.
 */
static enum db_rc
pick(struct run *u, size_t stmt, const char *cutoff, int64_t *lo, int64_t *hi)
{
	struct db_res ids;
	enum db_rc rc;

	*lo = *hi = 0;
	if ((rc = Q(u, stmt, &ids, DBP_S(cutoff), DBP_I(u->batch))) != DB_OK ||
	    ids.nrows == 0)
		return rc;
	*lo = db_int_at(&ids, 0, 0);
	*hi = db_int_at(&ids, ids.nrows - 1, 0);
	return DB_OK;
}

/* Runs statement stmt over the batch lo .. hi; its rows in *n if not NULL. */
static enum db_rc
over(struct run *u, size_t stmt, int64_t lo, int64_t hi, const char *cutoff,
    int64_t *n)
{
	struct db_res res;
	enum db_rc rc;

	rc = Q(u, stmt, &res, DBP_I(lo), DBP_I(hi), DBP_S(cutoff));
	if (rc == DB_OK && n != NULL)
		*n = (int64_t)res.affected;
	return rc;
}

/*
 * Runs the statements stmts over the batch lo .. hi; the last one's rows
 * (the records themselves) in *n.
 */
static enum db_rc
over_all(struct run *u, const size_t *stmts, int64_t lo, int64_t hi,
    const char *cutoff, int64_t *n)
{
	enum db_rc rc = DB_OK;

	for (; *stmts != NO_STMT && rc == DB_OK; stmts++)
		rc = over(
		    u, *stmts, lo, hi, cutoff, stmts[1] == NO_STMT ? n : NULL);
	return rc;
}

/*
 * A batch of refused or withdrawn applications with their documents,
 * timelines and waiting-list places; then every file of their documents
 * that no row names any more is moved aside (u->park), to be removed
 * after the commit or put back after a rollback (batch()).
 */
static enum db_rc
apps_remove(struct run *u, const struct kind *k, const char *cutoff, int64_t *n)
{
	struct db_res shas, users;
	const char *sha, *parked;
	int64_t lo, hi;
	enum db_rc rc;
	size_t i;

	if ((rc = pick(u, STMT_APPS_PICK, cutoff, &lo, &hi)) != DB_OK ||
	    lo == 0)
		return rc;
	if ((rc = Q(u, STMT_APPS_SHAS, &shas, DBP_I(lo), DBP_I(hi),
		 DBP_S(cutoff))) != DB_OK ||
	    (rc = over_all(u, app_stmts, lo, hi, cutoff, n)) != DB_OK)
		return rc;
	u->park = arena_calloc(u->a, shas.nrows + 1, sizeof(*u->park));
	for (i = 0; i < shas.nrows; i++) {
		sha = db_str_at(&shas, i, 0);
		if ((rc = Q(u, STMT_DOC_USERS, &users, DBP_S(sha))) != DB_OK)
			return rc;
		if (users.nrows != 1 || db_int_at(&users, 0, 0) != 0)
			continue;
		if ((parked = docs_park_in(u->a, u->docs, sha, u->rid)) == NULL)
			continue; /* no file (logged): nothing to remove */
		u->park[u->npark].path = parked;
		u->park[u->npark++].sha = sha;
	}
	return DB_OK;
}

/* A batch of closed cases, their rows in every table first. */
static enum db_rc
cases_remove(
    struct run *u, const struct kind *k, const char *cutoff, int64_t *n)
{
	int64_t lo, hi;
	enum db_rc rc;

	if ((rc = pick(u, STMT_CASES_PICK, cutoff, &lo, &hi)) != DB_OK ||
	    lo == 0)
		return rc;
	return over_all(u, case_stmts, lo, hi, cutoff, n);
}

/* The files the batch moved aside: removed once it committed, else put
 * back. */
static void
parked_done(struct run *u, bool committed)
{
	size_t i;

	for (i = 0; i < u->npark; i++)
		docs_unpark_in(u->a, u->docs, u->park[i].path, u->park[i].sha,
		    u->rid, committed);
	u->npark = 0;
}

/*
 * One batch of kind k in its own transaction: deletes at most a batch of
 * records (k->remove), counts them into report row id and, with the
 * first records ever deleted by this row (first), adds the audit row;
 * after the commit, the documents' files that went with them.  Sets *n
 * to the records deleted.  Returns DB_OK or the error, rolled back (and
 * every file put back).
 */
static enum db_rc
batch(struct run *u, const struct kind *k, const char *cutoff, int64_t id,
    bool first, int64_t *n)
{
	enum db_rc rc;

	*n = 0;
	u->npark = 0;
	if ((rc = db_begin(u->db)) != DB_OK)
		return rc;
	if ((rc = k->remove(u, k, cutoff, n)) != DB_OK)
		goto fail;
	if (*n > 0 &&
	    ((rc = Q(u, STMT_RUN_COUNT, NULL, DBP_I(*n), DBP_I(id))) != DB_OK ||
		(first &&
		    (rc = Q(u, STMT_AUDIT_ADD, NULL, DBP_I(id),
			 DBP_S(u->rid))) != DB_OK)))
		goto fail;
	if ((rc = db_commit(u->db)) != DB_OK)
		goto fail;
	parked_done(u, true);
	return DB_OK;
fail:
	*n = 0;
	db_rollback(u->db);
	parked_done(u, false);
	return rc;
}

/*
 * Kind k: counts what is due (a dry run) or deletes it in batches, and
 * writes its report row.  Returns 0, or -1 when it failed (logged; the
 * report row then says failed, with what was deleted before).
 */
static int
run_kind(struct run *u, const struct kind *k)
{
	struct db_param p[2];
	struct db_res res;
	const char *cutoff;
	int64_t period, id, n, done = 0;
	int has;

	if ((has = present(u, k)) == -1)
		return -1;
	if (has == 0) {
		printf("%s: not present (no table %s)\n", k->name, k->table);
		return run_add(u, k, "absent", NULL, -1) == 0 ? -1 : 0;
	}
	if (k->count == NO_STMT) {
		printf("%s: present, but this karika-retention has no rule for "
		       "it yet: nothing deleted\n",
		    k->name);
		return run_add(u, k, "unhandled", NULL, -1) == 0 ? -1 : 0;
	}
	if (k->files && !u->dry && u->docs == NULL) {
		LOGE("%s: documents.dir is not set, so their files could not "
		     "be removed: nothing of %s is deleted",
		    k->name, k->name);
		run_add(u, k, "failed", NULL, 0);
		return -1;
	}
	if (cfg_int(&u->cfg, k->key, k->def, k->min, k->max, &period) == -1 ||
	    (cutoff = cutoff_of(u, k, period)) == NULL)
		return -1;
	if (floor_ok(u, k, period) == -1) {
		run_add(u, k, "failed", cutoff, 0);
		return -1;
	}
	p[0] = p[1] = DBP_S(cutoff);
	if (u->dry) {
		if (q(u, k->count, p, k->ncut, &res) != DB_OK || res.nrows != 1)
			return -1;
		n = db_int_at(&res, 0, 0);
		printf("%s: %lld due (before %s), nothing deleted\n", k->name,
		    (long long)n, cutoff);
		u->total += n;
		return run_add(u, k, "done", cutoff, n) == 0 ? -1 : 0;
	}
	if ((id = run_add(u, k, "running", cutoff, 0)) == 0)
		return -1;
	do {
		if (batch(u, k, cutoff, id, done == 0, &n) != DB_OK) {
			LOGE("%s: stopped after %lld rows", k->name,
			    (long long)done);
			Q(u, STMT_RUN_STATE, NULL, DBP_S("failed"), DBP_I(id));
			u->total += done;
			return -1;
		}
		done += n;
	} while (n == u->batch);
	u->total += done;
	printf(
	    "%s: %lld deleted (before %s)\n", k->name, (long long)done, cutoff);
	return Q(u, STMT_RUN_STATE, NULL, DBP_S("done"), DBP_I(id)) == DB_OK
	    ? 0
	    : -1;
}

/*
 * Connects and fixes the run's clock: now is --now's day, or NULL for
 * today's (UTC).  Returns 0, or -1 (logged).
 */
static int
run_open(struct run *u, const char *now)
{
	struct db_res res;
	int64_t num;

	u->db = db_new(&u->cfg, "retention", retention_sql, STMT__MAX, false);
	if (db_ensure(u->db) == -1 ||
	    q(u, STMT_CLOCK, NULL, 0, &res) != DB_OK || res.nrows != 1)
		return -1;
	snprintf(u->at, sizeof(u->at), "%s", db_str_named(&res, 0, "run_at"));
	if (now == NULL)
		now = db_str_named(&res, 0, "today");
	if (!date_parse(now, u->as_of, &num)) {
		LOGE("--now: a day as YYYY-MM-DD, not %s", now);
		return -1;
	}
	snprintf(u->rid, sizeof(u->rid), "retention-%s", u->as_of);
	return 0;
}

int
main(int argc, char **argv)
{
	struct run u;
	struct priv priv;
	const char *cfgpath = NULL, *now = NULL;
	size_t i;
	int rc = 1;

	log_init("karika-retention");
	memset(&u, 0, sizeof(u));
	for (i = 1; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < (size_t)argc)
			cfgpath = argv[++i];
		else if (strcmp(argv[i], "--now") == 0 && i + 1 < (size_t)argc)
			now = argv[++i];
		else if (strcmp(argv[i], "--dry-run") == 0)
			u.dry = true;
		else
			return usage();
	}
	/* --now: YYYY-MM-DD only (date_parse() also takes 29. 11. 2026.) */
	if (now != NULL && (strlen(now) != 10 || now[4] != '-'))
		return usage();
	u.a = arena_new();
	if (cfg_load(&u.cfg, cfg_default_path(cfgpath)) == -1 ||
	    cfg_int(&u.cfg, "retention.batch", RET_BATCH_DEFAULT, 1,
		RET_BATCH_MAX, &u.batch) == -1)
		goto out;
	u.docs = cfg_get(&u.cfg, "documents.dir", NULL);
	if (u.docs != NULL && *u.docs != '/')
		u.docs = NULL;
	/* Nothing it does needs root (STYLE 3.14). */
	if (priv_from_cfg(&u.cfg, &priv) == -1 || priv_drop(&priv) == -1 ||
	    run_open(&u, now) == -1)
		goto out;
	for (i = 0; i < NKINDS; i++) {
		if (run_kind(&u, &kinds[i]) == -1)
			u.failed++;
		arena_reset(u.a);
	}
	printf("retention%s as of %s: %lld rows %s, %zu kind(s) failed\n",
	    u.dry ? " (dry run)" : "", u.as_of, (long long)u.total,
	    u.dry ? "due" : "deleted", u.failed);
	rc = u.failed == 0 ? 0 : 1;
out:
	db_free(u.db);
	arena_free(u.a);
	cfg_release(&u.cfg);
	return rc;
}
