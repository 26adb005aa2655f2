/* SPDX-License-Identifier: ISC */
/*
 * migrate.c: karika-migrate applies sql/migrations/NNNN_name.sql in order,
 * each once, and records it with its SHA-256 in schema_migrations.  It
 * refuses to go on when a file that was already applied has changed
 * (write a new migration instead), so every installation has the same
 * schema history.  Running it again applies nothing: it is idempotent.
 *
 * This is the one program allowed mysql_real_query (STYLE 3.12): it runs
 * whole files from sql/migrations, never SQL composed from input.
 *
 * Usage: karika-migrate [-c config] [-d migrations-dir] [--status]
 * Exit: 0 up to date, 1 error (a changed or failing migration), 2 usage.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>

#include "karika.h"

#define MIGRATE_MAX_FILES      9999
#define MIGRATE_FILE_MAX_BYTES (4 * 1024 * 1024)
#define MIGRATE_LOCK_SECONDS   "30"

struct mfile {
	int64_t version;
	char *name;
};

static int
cmp_mfile(const void *a, const void *b)
{
	const struct mfile *x = a, *y = b;

	return (x->version > y->version) - (x->version < y->version);
}

/* Lists the migration files of dir, sorted; refuses duplicate numbers. */
static struct mfile *
list_files(const char *dir, size_t *n)
{
	DIR *d;
	struct dirent *e;
	struct mfile *v = NULL;
	size_t cap = 0, i;
	int64_t ver;

	*n = 0;
	if ((d = opendir(dir)) == NULL) {
		LOGE("%s: %s", dir, strerror(errno));
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		if (!mig_name(e->d_name, &ver)) {
			if (e->d_name[0] != '.')
				fprintf(stderr,
				    "skipping %s: not NNNN_name.sql\n",
				    e->d_name);
			continue;
		}
		if (*n == MIGRATE_MAX_FILES)
			break;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[*n].version = ver;
		v[*n].name = xstrdup(e->d_name);
		(*n)++;
	}
	closedir(d);
	if (*n == 0)
		return xcalloc(1, sizeof(*v));
	qsort(v, *n, sizeof(*v), cmp_mfile);
	for (i = 1; i < *n; i++)
		if (v[i].version == v[i - 1].version) {
			LOGE("%s and %s share a number", v[i - 1].name,
			    v[i].name);
			*n = 0;
			return v;
		}
	return v;
}

/* Reads a whole file (at most MIGRATE_FILE_MAX_BYTES) into a new buffer. */
static char *
read_file(const char *path, size_t *len)
{
	FILE *f;
	char *buf;

	if ((f = fopen(path, "rb")) == NULL) {
		LOGE("%s: %s", path, strerror(errno));
		return NULL;
	}
	buf = xmalloc(MIGRATE_FILE_MAX_BYTES + 1);
	*len = fread(buf, 1, MIGRATE_FILE_MAX_BYTES + 1, f);
	fclose(f);
	if (*len > MIGRATE_FILE_MAX_BYTES) {
		LOGE("%s: larger than %d bytes", path, MIGRATE_FILE_MAX_BYTES);
		free(buf);
		return NULL;
	}
	buf[*len] = '\0';
	return buf;
}

/*
 * Runs sql (possibly several statements); 0, or -1 after logging which
 * statement failed: its number in the file, the line it starts on and
 * its first words (mig_statement_start), and the server's error.  *ran
 * (when not NULL) gets the number of statements that succeeded.
 */
static int
run_sql(MYSQL *my, const char *sql, size_t len, const char *what, size_t *ran)
{
	MYSQL_RES *res;
	size_t n = 0, line = 0, i;
	ssize_t at;
	char head[81];
	int st;

	if (mysql_real_query(my, sql, len) != 0)
		goto fail;
	do {
		if ((res = mysql_store_result(my)) != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(my) != 0)
			goto fail;
		n++;
		if ((st = mysql_next_result(my)) > 0)
			goto fail;
	} while (st == 0);
	if (ran != NULL)
		*ran = n;
	return 0;
fail:
	if (ran != NULL)
		*ran = n;
	if ((at = mig_statement_start(sql, len, n, &line)) >= 0) {
		for (i = 0; i < sizeof(head) - 1 && (size_t)at + i < len &&
		     sql[at + i] != '\n';
		     i++)
			head[i] = sql[at + i];
		head[i] = '\0';
		LOGE("%s: statement %zu (line %zu: %s) failed: %u %s", what,
		    n + 1, line, head, mysql_errno(my), mysql_error(my));
	} else
		LOGE("%s: statement %zu failed: %u %s", what, n + 1,
		    mysql_errno(my), mysql_error(my));
	return -1;
}

/* The checksum recorded for version, copied into sum; false if none. */
static int
applied_sum(
    MYSQL *my, int64_t version, char sum[MIG_CHECKSUM_LEN + 1], bool *found)
{
	MYSQL_STMT *st = NULL;
	MYSQL_BIND in, out;
	unsigned long len = 0;
	long long v = version;
	int rc = -1, f;
	const char *q =
	    "SELECT checksum FROM schema_migrations WHERE version = ?";

	*found = false;
	memset(&in, 0, sizeof(in));
	memset(&out, 0, sizeof(out));
	in.buffer_type = MYSQL_TYPE_LONGLONG;
	in.buffer = &v;
	out.buffer_type = MYSQL_TYPE_STRING;
	out.buffer = sum;
	out.buffer_length = MIG_CHECKSUM_LEN + 1;
	out.length = &len;
	if ((st = mysql_stmt_init(my)) == NULL ||
	    mysql_stmt_prepare(st, q, strlen(q)) != 0 ||
	    mysql_stmt_bind_param(st, &in) != 0 ||
	    mysql_stmt_execute(st) != 0 ||
	    mysql_stmt_bind_result(st, &out) != 0)
		goto out;
	f = mysql_stmt_fetch(st);
	if (f == 0 && len == MIG_CHECKSUM_LEN) {
		sum[MIG_CHECKSUM_LEN] = '\0';
		*found = true;
	} else if (f != MYSQL_NO_DATA) {
		LOGE("schema_migrations holds a bad checksum for %lld", v);
		goto out;
	}
	rc = 0;
out:
	if (rc == -1 && st != NULL)
		LOGE("%s", mysql_stmt_error(st));
	if (st != NULL)
		mysql_stmt_close(st);
	return rc;
}

static int
record(MYSQL *my, const struct mfile *m, const char *sum)
{
	MYSQL_STMT *st = NULL;
	MYSQL_BIND b[3];
	unsigned long nlen = strlen(m->name), slen = MIG_CHECKSUM_LEN;
	long long v = m->version;
	int rc = -1;
	const char *q =
	    "INSERT INTO schema_migrations (version, name, checksum) "
	    "VALUES (?, ?, ?)";

	memset(b, 0, sizeof(b));
	b[0].buffer_type = MYSQL_TYPE_LONGLONG;
	b[0].buffer = &v;
	b[1].buffer_type = MYSQL_TYPE_STRING;
	b[1].buffer = m->name;
	b[1].length = &nlen;
	b[2].buffer_type = MYSQL_TYPE_STRING;
	b[2].buffer = (void *)sum;
	b[2].length = &slen;
	if ((st = mysql_stmt_init(my)) != NULL &&
	    mysql_stmt_prepare(st, q, strlen(q)) == 0 &&
	    mysql_stmt_bind_param(st, b) == 0 && mysql_stmt_execute(st) == 0)
		rc = 0;
	else
		LOGE("record %s: %s", m->name,
		    st != NULL ? mysql_stmt_error(st) : "no statement");
	if (st != NULL)
		mysql_stmt_close(st);
	return rc;
}

/* Checks, and unless status_only applies, one migration.  0 or -1. */
static int
migrate_one(MYSQL *my, const char *dir, const struct mfile *m, bool status_only,
    int *applied)
{
	char *path = NULL, *sql = NULL, sum[MIG_CHECKSUM_LEN + 1];
	char was[MIG_CHECKSUM_LEN + 1];
	size_t len, ran = 0;
	bool found;
	int rc = -1;

	path = xmalloc(strlen(dir) + strlen(m->name) + 2);
	snprintf(
	    path, strlen(dir) + strlen(m->name) + 2, "%s/%s", dir, m->name);
	if ((sql = read_file(path, &len)) == NULL ||
	    mig_checksum(sql, len, sum) == -1 ||
	    applied_sum(my, m->version, was, &found) == -1)
		goto out;
	switch (mig_decide(sum, found ? was : NULL)) {
	case MIG_SKIP:
		rc = 0;
		break;
	case MIG_CHANGED:
		fprintf(stderr,
		    "%s was applied with checksum %s but now has %s: a "
		    "migration "
		    "that ran must never change; write a new one instead\n",
		    m->name, was, sum);
		break;
	case MIG_APPLY:
		if (status_only) {
			fprintf(stdout, "pending %s\n", m->name);
			rc = 0;
			break;
		}
		if (run_sql(my, sql, len, m->name, &ran) == -1 ||
		    record(my, m, sum) == -1) {
			fprintf(stderr,
			    "%s failed and is not recorded; the %zu "
			    "statement(s) before the failed one ran and stay "
			    "(MariaDB commits each DDL statement at once): "
			    "make the file right and run karika-migrate again; "
			    "statements written with IF [NOT] EXISTS run "
			    "again harmlessly\n",
			    m->name, ran);
			break;
		}
		fprintf(stdout, "applied %s\n", m->name);
		(*applied)++;
		rc = 0;
		break;
	default:
		abort();
	}
out:
	free(sql);
	free(path);
	return rc;
}

int
main(int argc, char **argv)
{
	struct cfg c;
	MYSQL *my = NULL;
	struct mfile *files = NULL;
	const char *cfgpath = NULL, *dir = NULL, *host;
	int64_t port = 0;
	unsigned int proto;
	size_t n = 0, i;
	bool status_only = false;
	int rc = 1, applied = 0;
	static const char create[] =
	    "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    "version INT UNSIGNED NOT NULL PRIMARY KEY, "
	    "name VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, "
	    "applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP"
	    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
	static const char lock[] =
	    "SELECT GET_LOCK('karika-migrate', " MIGRATE_LOCK_SECONDS ")";

	log_init("karika-migrate");
	for (i = 1; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < (size_t)argc)
			cfgpath = argv[++i];
		else if (strcmp(argv[i], "-d") == 0 && i + 1 < (size_t)argc)
			dir = argv[++i];
		else if (strcmp(argv[i], "--status") == 0)
			status_only = true;
		else {
			fprintf(stderr,
			    "usage: karika-migrate [-c config] "
			    "[-d migrations-dir] [--status]\n");
			return 2;
		}
	}
	if (cfg_load(&c, cfg_default_path(cfgpath)) == -1)
		return 1;
	if (dir == NULL)
		dir = cfg_get(&c, "migrate.dir", PKGDATADIR "/sql/migrations");
	if ((my = mysql_init(NULL)) == NULL)
		goto out;
	mysql_options(my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* The primary: db.host over TCP when set, else db.socket. */
	if ((host = cfg_get(&c, "db.host", NULL)) != NULL && *host != '\0') {
		if (cfg_int(&c, "db.port", 3306, 1, 65535, &port) == -1)
			goto out;
		proto = MYSQL_PROTOCOL_TCP;
		mysql_options(my, MYSQL_OPT_PROTOCOL, &proto);
	} else
		host = NULL;
	if (mysql_real_connect(my, host,
		cfg_get(&c, "migrate.db_user", "karika_migrate"),
		cfg_get(&c, "migrate.db_password", ""),
		cfg_get(&c, "db.name", "karika"), (unsigned int)port,
		host != NULL
		    ? NULL
		    : cfg_get(&c, "db.socket", "/run/mysqld/mysqld.sock"),
		CLIENT_MULTI_STATEMENTS) == NULL) {
		LOGE("connect: %s", mysql_error(my));
		goto out;
	}
	if (run_sql(my, create, strlen(create), "schema_migrations", NULL) ==
		-1 ||
	    run_sql(my, lock, strlen(lock), "lock", NULL) == -1)
		goto out;
	if ((files = list_files(dir, &n)) == NULL)
		goto out;
	for (i = 0; i < n; i++)
		if (migrate_one(my, dir, &files[i], status_only, &applied) ==
		    -1)
			goto out;
	fprintf(stdout, "%d applied, %zu up to date\n", applied,
	    n - (size_t)applied);
	rc = 0;
out:
	for (i = 0; files != NULL && i < n; i++)
		free(files[i].name);
	free(files);
	if (my != NULL)
		mysql_close(my);
	cfg_release(&c);
	return rc;
}
