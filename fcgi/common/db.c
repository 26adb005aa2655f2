/* SPDX-License-Identifier: ISC */
/*
 * db.c: the worker's connection to MariaDB.  A worker's whole SQL surface
 * is its statement table (fcgi/<worker>/stmt.c); db_new() remembers it and
 * db_ensure() connects over the unix socket as the worker's own database
 * user and prepares every statement, failing fast on schema drift.
 * Handlers run statements by index with typed parameters; results come
 * back as strings copied into the request arena.
 *
 * A lost connection (the server restarted) marks the handle down: the
 * failing request answers 503 and worker.c calls db_ensure() before the
 * next one, so a worker recovers by itself and never reconnects in the
 * middle of a request.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "karika.h"

struct db {
	MYSQL *my;
	size_t ncommon;	 /* CSTMT__MAX, or 0 for a tool (karika-mailer) */
	MYSQL_STMT **st; /* the worker's statements, then cstmt_sql[] */
	MYSQL_STMT *ping;
	const char *const *sql;
	size_t nsql;
	char *socket; /* the unix socket, or NULL with host */
	char *host;   /* a server over TCP (db.host), or NULL */
	unsigned int port;
	char *name;
	char *user;
	char *password;
	bool up;
	bool txn; /* db_begin() ran; db_commit() or db_rollback() not yet */
};

/* Session settings every connection starts with: UTC and strict mode. */
static const char db_init_sql[] =
    "SET time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,"
    "NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
    "NO_ENGINE_SUBSTITUTION'";

/*
 * Where "who" finds its server: its own who.db_host or who.db_socket
 * when set (karika-reports reading from a replica: reports.db_host or
 * reports.db_socket), else db.host (TCP, port db.port or 3306), else
 * db.socket (the unix socket; the default).
 */
static void
db_where(const struct cfg *c, const char *who, struct db *db)
{
	char key[64];
	const char *host, *sock;
	int64_t port;

	snprintf(key, sizeof(key), "%s.db_host", who);
	host = cfg_get(c, key, NULL);
	snprintf(key, sizeof(key), "%s.db_socket", who);
	sock = cfg_get(c, key, NULL);
	if (host == NULL && sock == NULL)
		host = cfg_get(c, "db.host", NULL);
	if (host != NULL && *host != '\0') {
		snprintf(key, sizeof(key), "%s.db_port", who);
		if (cfg_get(c, key, NULL) == NULL)
			snprintf(key, sizeof(key), "db.port");
		if (cfg_int(c, key, 3306, 1, 65535, &port) == -1)
			port = 3306;
		db->host = xstrdup(host);
		db->port = (unsigned int)port;
		return;
	}
	db->socket = xstrdup(sock != NULL
		? sock
		: cfg_get(c, "db.socket", "/run/mysqld/mysqld.sock"));
}

/*
 * Returns a handle for the worker "who" (its config keys are who.db_user
 * and who.db_password; db.socket and db.name are shared) that will run the
 * n statements in sql (borrowed: a static table), and when common is
 * true also cstmt_sql[] (sessions, audit, outbox: every worker; a tool
 * such as karika-mailer passes false).  Does not connect yet.
 */
struct db *
db_new(const struct cfg *c, const char *who, const char *const *sql, size_t n,
    bool common)
{
	struct db *db;
	char key[64];

	db = xcalloc(1, sizeof(*db));
	db->sql = sql;
	db->nsql = n;
	db->ncommon = common ? CSTMT__MAX : 0;
	db->st = xcalloc(n + CSTMT__MAX, sizeof(*db->st));
	db_where(c, who, db);
	db->name = xstrdup(cfg_get(c, "db.name", "karika"));
	snprintf(key, sizeof(key), "%s.db_user", who);
	db->user = xstrdup(cfg_get(c, key, who));
	snprintf(key, sizeof(key), "%s.db_password", who);
	db->password = xstrdup(cfg_get(c, key, ""));
	return db;
}

static void
db_close(struct db *db)
{
	size_t i;

	for (i = 0; i < db->nsql + CSTMT__MAX; i++)
		if (db->st[i] != NULL) {
			mysql_stmt_close(db->st[i]);
			db->st[i] = NULL;
		}
	if (db->ping != NULL)
		mysql_stmt_close(db->ping);
	db->ping = NULL;
	if (db->my != NULL)
		mysql_close(db->my);
	db->my = NULL;
	db->up = false;
	db->txn = false;
}

/* Closes the connection and frees the handle.  NULL is fine. */
void
db_free(struct db *db)
{
	if (db == NULL)
		return;
	db_close(db);
	explicit_bzero(db->password, strlen(db->password));
	free(db->password);
	free(db->user);
	free(db->name);
	free(db->socket);
	free(db->host);
	free(db->st);
	free(db);
}

static MYSQL_STMT *
prepare(MYSQL *my, const char *sql, size_t idx)
{
	MYSQL_STMT *st;
	my_bool on = 1;

	if ((st = mysql_stmt_init(my)) == NULL) {
		LOGE("mysql_stmt_init: %s", mysql_error(my));
		return NULL;
	}
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
		LOGE("statement %zu: %s", idx, mysql_stmt_error(st));
		mysql_stmt_close(st);
		return NULL;
	}
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	return st;
}

/*
 * Connects and prepares every statement unless already up.  Returns 0, or
 * -1 (logged) leaving the handle down; calling it again retries.
 */
int
db_ensure(struct db *db)
{
	unsigned int timeout = 3, rwtimeout = 30;
	unsigned int proto =
	    db->host != NULL ? MYSQL_PROTOCOL_TCP : MYSQL_PROTOCOL_SOCKET;
	my_bool off = 0;
	size_t i;

	if (db->up)
		return 0;
	db_close(db);
	if ((db->my = mysql_init(NULL)) == NULL) {
		LOGE("mysql_init failed");
		return -1;
	}
	mysql_options(db->my, MYSQL_OPT_PROTOCOL, &proto);
	mysql_options(db->my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(db->my, MYSQL_OPT_READ_TIMEOUT, &rwtimeout);
	mysql_options(db->my, MYSQL_OPT_WRITE_TIMEOUT, &rwtimeout);
	mysql_options(db->my, MYSQL_OPT_RECONNECT, &off);
	mysql_options(db->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(db->my, MYSQL_INIT_COMMAND, db_init_sql);
	if (mysql_real_connect(db->my, db->host, db->user, db->password,
		db->name, db->port, db->socket, 0) == NULL) {
		LOGE("connect to %s%s%.0u as %s: %s",
		    db->host != NULL ? db->host : db->socket,
		    db->host != NULL ? ":" : "", db->port, db->user,
		    mysql_error(db->my));
		goto fail;
	}
	if ((db->ping = prepare(db->my, "SELECT 1", 0)) == NULL)
		goto fail;
	for (i = 0; i < db->nsql; i++)
		if ((db->st[i] = prepare(db->my, db->sql[i], i)) == NULL)
			goto fail;
	for (i = 0; i < db->ncommon; i++)
		if ((db->st[db->nsql + i] = prepare(
			 db->my, cstmt_sql[i], DB_COMMON(i))) == NULL)
			goto fail;
	db->up = true;
	return 0;
fail:
	db_close(db);
	return -1;
}

/* True while the connection is believed to be alive. */
bool
db_up(const struct db *db)
{
	return db->up;
}

/* Classifies a statement error, marking the handle down if the link died. */
static enum db_rc
stmt_fail(struct db *db, MYSQL_STMT *st, const char *what, size_t idx)
{
	unsigned int e = mysql_stmt_errno(st);

	switch (e) {
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case ER_CONNECTION_KILLED:
	case ER_SERVER_SHUTDOWN:
		LOGE("%s statement %zu: %s (reconnecting)", what, idx,
		    mysql_stmt_error(st));
		db->up = false;
		return DB_UNAVAILABLE;
	case ER_DUP_ENTRY:
	case ER_ROW_IS_REFERENCED_2:
	case ER_NO_REFERENCED_ROW_2:
		return DB_DUPLICATE;
	default:
		LOGE("%s statement %zu: %u %s", what, idx, e,
		    mysql_stmt_error(st));
		return DB_ERROR;
	}
}

/* Copies the result set of st, already executed, into res in arena a. */
static enum db_rc
fetch_all(struct db *db, MYSQL_STMT *st, size_t idx, struct arena *a,
    struct db_res *res)
{
	MYSQL_RES *meta = NULL;
	MYSQL_FIELD *f;
	MYSQL_BIND *b = NULL;
	unsigned long *len = NULL;
	my_bool *isnull = NULL;
	size_t i, row = 0, nc;
	enum db_rc rc = DB_ERROR;
	int frc;

	if (mysql_stmt_store_result(st) != 0)
		return stmt_fail(db, st, "store", idx);
	if ((meta = mysql_stmt_result_metadata(st)) == NULL) {
		LOGE("statement %zu: no metadata", idx);
		goto out;
	}
	nc = mysql_num_fields(meta);
	f = mysql_fetch_fields(meta);
	res->ncols = nc;
	res->nrows = (size_t)mysql_stmt_num_rows(st);
	res->cell = arena_calloc(a, res->nrows * nc + 1, sizeof(char *));
	res->col = arena_calloc(a, nc + 1, sizeof(*res->col));
	res->time = arena_calloc(a, nc + 1, sizeof(*res->time));
	b = arena_calloc(a, nc, sizeof(*b));
	len = arena_calloc(a, nc, sizeof(*len));
	isnull = arena_calloc(a, nc, sizeof(*isnull));
	for (i = 0; i < nc; i++) {
		if (f[i].max_length > DB_CELL_MAX_BYTES) {
			LOGE("statement %zu column %zu: %lu bytes", idx, i,
			    f[i].max_length);
			goto out;
		}
		res->col[i] = arena_strndup(a, f[i].name, f[i].name_length);
		res->time[i] = f[i].type == MYSQL_TYPE_DATETIME ||
		    f[i].type == MYSQL_TYPE_TIMESTAMP;
		b[i].buffer_type = MYSQL_TYPE_STRING;
		b[i].buffer_length = f[i].max_length + 1;
		b[i].buffer = arena_alloc(a, b[i].buffer_length);
		b[i].length = &len[i];
		b[i].is_null = &isnull[i];
	}
	if (nc > 0 && mysql_stmt_bind_result(st, b) != 0) {
		rc = stmt_fail(db, st, "bind result", idx);
		goto out;
	}
	while ((frc = mysql_stmt_fetch(st)) == 0) {
		for (i = 0; i < nc && row < res->nrows; i++)
			res->cell[row * nc + i] = isnull[i]
			    ? NULL
			    : arena_strndup(a, b[i].buffer, len[i]);
		row++;
	}
	if (frc == MYSQL_DATA_TRUNCATED) {
		LOGE("statement %zu: data truncated", idx);
		goto out;
	}
	if (frc != MYSQL_NO_DATA) {
		rc = stmt_fail(db, st, "fetch", idx);
		goto out;
	}
	rc = DB_OK;
out:
	if (meta != NULL)
		mysql_free_result(meta);
	mysql_stmt_free_result(st);
	return rc;
}

/*
 * Reads past what a CALL sends after its first result (its status, or
 * further sets), so that the connection is ready for the next statement.
 * Nothing to do for any other statement.
 */
static enum db_rc
drain(struct db *db, MYSQL_STMT *st, size_t idx)
{
	int n;

	while ((n = mysql_stmt_next_result(st)) == 0)
		if (mysql_stmt_field_count(st) > 0) {
			mysql_stmt_store_result(st);
			mysql_stmt_free_result(st);
		}
	return n > 0 ? stmt_fail(db, st, "next result", idx) : DB_OK;
}

/* Runs st with n params; fills res (may be NULL for writes). */
static enum db_rc
run(struct db *db, MYSQL_STMT *st, size_t idx, struct arena *a,
    const struct db_param *p, size_t n, struct db_res *res)
{
	MYSQL_BIND b[DB_PARAM_MAX];
	unsigned long len[DB_PARAM_MAX];
	enum db_rc rc;
	size_t i;

	if (n > DB_PARAM_MAX || n != mysql_stmt_param_count(st)) {
		LOGE("statement %zu: %zu parameters given, %lu expected", idx,
		    n, mysql_stmt_param_count(st));
		return DB_ERROR;
	}
	memset(b, 0, sizeof(b));
	for (i = 0; i < n; i++) {
		switch (p[i].type) {
		case DBP_INT:
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&p[i].i;
			break;
		case DBP_TEXT:
			len[i] = p[i].len != 0 ? p[i].len : strlen(p[i].s);
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = (void *)p[i].s;
			b[i].buffer_length = len[i];
			b[i].length = &len[i];
			break;
		case DBP_NULL:
			b[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		case DBP_BLOB:
			len[i] = p[i].len;
			b[i].buffer_type = MYSQL_TYPE_BLOB;
			b[i].buffer = (void *)p[i].s;
			b[i].buffer_length = len[i];
			b[i].length = &len[i];
			break;
		default:
			abort();
		}
	}
	if (n > 0 && mysql_stmt_bind_param(st, b) != 0)
		return stmt_fail(db, st, "bind", idx);
	if (mysql_stmt_execute(st) != 0)
		return stmt_fail(db, st, "execute", idx);
	memset(res, 0, sizeof(*res));
	res->affected = mysql_stmt_affected_rows(st);
	res->insert_id = mysql_stmt_insert_id(st);
	if (mysql_stmt_field_count(st) != 0 &&
	    (rc = fetch_all(db, st, idx, a, res)) != DB_OK)
		return rc;
	return drain(db, st, idx);
}

/*
 * Runs statement idx of the worker's table (or DB_COMMON(CSTMT_X), one of
 * the statements every worker shares) with the n parameters p and
 * copies its rows into res, in arena a (res is always filled, zero rows on
 * failure).  Returns DB_OK, DB_DUPLICATE, DB_UNAVAILABLE (answer 503) or
 * DB_ERROR; errors are logged here.
 */
enum db_rc
db_exec(struct db *db, struct arena *a, size_t idx, const struct db_param *p,
    size_t n, struct db_res *res)
{
	struct db_res tmp;
	enum db_rc rc;

	if (res == NULL)
		res = &tmp;
	memset(res, 0, sizeof(*res));
	if (idx >= DB_COMMON_BASE && idx < DB_COMMON(db->ncommon))
		idx = db->nsql + (idx - DB_COMMON_BASE);
	else if (idx >= db->nsql)
		abort();
	if (!db->up)
		return DB_UNAVAILABLE;
	rc = run(db, db->st[idx], idx, a, p, n, res);
	if (rc != DB_OK)
		memset(res, 0, sizeof(*res));
	return rc;
}

/*
 * db_exec() for the request's worker and arena: what handlers call (most
 * through the DBQ() macro, which counts the parameters).
 */
enum db_rc
db_run(struct req *r, size_t idx, const struct db_param *p, size_t n,
    struct db_res *res)
{
	return db_exec(r->w->db, r->arena, idx, p, n, res);
}

/* A round trip to the server: DB_OK or DB_UNAVAILABLE. */
enum db_rc
db_ping(struct db *db, struct arena *a)
{
	struct db_res res;

	if (db_ensure(db) == -1)
		return DB_UNAVAILABLE;
	if (run(db, db->ping, 0, a, NULL, 0, &res) != DB_OK || res.nrows != 1)
		return DB_UNAVAILABLE;
	return DB_OK;
}

/* Transaction control through the client API, never composed SQL. */
enum db_rc
db_begin(struct db *db)
{
	if (!db->up)
		return DB_UNAVAILABLE;
	if (mysql_autocommit(db->my, 0) != 0) {
		LOGE("autocommit off: %s", mysql_error(db->my));
		db->up = false;
		return DB_UNAVAILABLE;
	}
	db->txn = true;
	return DB_OK;
}

/* Commits the transaction db_begin() opened; DB_OK or an error. */
enum db_rc
db_commit(struct db *db)
{
	enum db_rc rc = DB_OK;

	db->txn = false;
	if (mysql_commit(db->my) != 0) {
		LOGE("commit: %s", mysql_error(db->my));
		rc = DB_ERROR;
	}
	if (mysql_autocommit(db->my, 1) != 0)
		db->up = false;
	return rc;
}

/* Rolls back whatever db_begin() opened; safe to call when nothing is. */
void
db_rollback(struct db *db)
{
	db->txn = false;
	if (!db->up)
		return;
	if (mysql_rollback(db->my) != 0 || mysql_autocommit(db->my, 1) != 0)
		db->up = false;
}

/* True between db_begin() and its db_commit() or db_rollback(). */
bool
db_in_txn(const struct db *db)
{
	return db->txn;
}

/*
 * The index of the column called name (the SELECT's alias).  An unknown
 * name is a bug in the caller, not in the data: abort.
 */
size_t
db_col(const struct db_res *res, const char *name)
{
	size_t i;

	for (i = 0; i < res->ncols; i++)
		if (strcmp(res->col[i], name) == 0)
			return i;
	LOGE("no column %s in the result", name);
	abort();
}

/* Cell (row, col) of res, or NULL for SQL NULL.  Borrowed (arena). */
const char *
db_str_at(const struct db_res *res, size_t row, size_t col)
{
	if (row >= res->nrows || col >= res->ncols)
		abort();
	return res->cell[row * res->ncols + col];
}

/* Cell (row, column called name) of res; see db_str_at(). */
const char *
db_str_named(const struct db_res *res, size_t row, const char *name)
{
	return db_str_at(res, row, db_col(res, name));
}

/* Cell (row, col) as an integer; 0 for NULL or a non-number. */
int64_t
db_int_at(const struct db_res *res, size_t row, size_t col)
{
	const char *s;
	int64_t v;

	if ((s = db_str_at(res, row, col)) == NULL ||
	    str_to_int64(s, INT64_MIN, INT64_MAX, &v) == -1)
		return 0;
	return v;
}

/* Cell (row, column called name) as an integer; see db_int_at(). */
int64_t
db_int_named(const struct db_res *res, size_t row, const char *name)
{
	return db_int_at(res, row, db_col(res, name));
}

/* The HTTP outcome for a database result other than DB_OK. */
enum http_status
db_status(enum db_rc rc)
{
	switch (rc) {
	case DB_OK:
		return HTTP_OK;
	case DB_DUPLICATE:
		return HTTP_CONFLICT;
	case DB_UNAVAILABLE:
		return HTTP_UNAVAILABLE;
	case DB_ERROR:
		return HTTP_INTERNAL;
	default:
		abort();
	}
}

/*
 * Ends a handler's failed write: rolls back the transaction (if one is
 * open) and returns the HTTP outcome of rc (500 for a DB_OK that a later
 * step turned into a failure).
 */
enum http_status
db_undo(struct req *r, enum db_rc rc)
{
	db_rollback(r->w->db);
	return db_status(rc == DB_OK ? DB_ERROR : rc);
}
