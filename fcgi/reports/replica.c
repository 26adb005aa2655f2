/* SPDX-License-Identifier: ISC */
/*
 * replica.c: where karika-reports reads its figures from (issue 14,
 * "Scale").  The worker's own connection (db.c: db.socket or db.host, or
 * reports.db_socket / reports.db_host) stays the one for sessions, the
 * audit trail and the worker's own tables (scenarios, returns): those
 * are writes, and a replica refuses writes.  When the configuration
 * names a replica with reports_replica.db_socket or
 * reports_replica.db_host (and reports_replica.db_port), the aggregate
 * statements of figures, demand, forecast, the province and every
 * published figure run there instead (RDBQ), as the same database user
 * (reports.db_user and reports.db_password, unless
 * reports_replica.db_user and .db_password say otherwise).  Figures then
 * lag the primary by the replication delay.
 *
 * Each worker process opens its replica connection at its first figure.
 * When the replica cannot be reached, or goes away under a statement,
 * the figure is read from the primary instead and the fall-back is
 * logged (once per outage): a report is never refused because a replica
 * is down.
 */
#include <stdlib.h>
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "reports.h"

static struct db *replica;  /* this process's replica connection */
static bool replica_looked; /* the configuration was read */
static bool replica_warned; /* the fall-back was logged */

/* A copy of the configuration in which reports_replica's user and
 * password default to the reports worker's own. */
static void
replica_cfg(const struct cfg *c, struct cfg *out)
{
	static const char *const keys[][2] = {
	    {"reports_replica.db_user", "reports.db_user"},
	    {"reports_replica.db_password", "reports.db_password"},
	};
	size_t i;

	*out = *c;
	for (i = 0; i < 2 && out->n < CFG_MAX_ENTRIES; i++)
		if (cfg_get(c, keys[i][0], NULL) == NULL &&
		    cfg_get(c, keys[i][1], NULL) != NULL) {
			out->key[out->n] = xstrdup(keys[i][0]);
			out->val[out->n] = xstrdup(cfg_get(c, keys[i][1], ""));
			out->n++;
		}
}

/*
 * The connection a figure is read from: the replica when one is
 * configured and up, else the worker's own.
 */
static struct db *
figures_db(struct req *r)
{
	struct cfg c;

	if (!replica_looked) {
		replica_looked = true;
		if (cfg_get(&r->w->cfg, "reports_replica.db_host", NULL) ==
			NULL &&
		    cfg_get(&r->w->cfg, "reports_replica.db_socket", NULL) ==
			NULL)
			return r->w->db;
		replica_cfg(&r->w->cfg, &c);
		replica =
		    db_new(&c, "reports_replica", stmt_sql, STMT__MAX, false);
	}
	if (replica == NULL)
		return r->w->db;
	if (db_ensure(replica) == -1) {
		if (!replica_warned)
			LOGE("rid=%s: the replica is not reachable; reading "
			     "figures from the primary",
			    r->rid);
		replica_warned = true;
		return r->w->db;
	}
	replica_warned = false;
	return replica;
}

/*
 * Runs statement idx with the n parameters p for a figure: on the
 * replica when configured and up, else on the primary (db_exec's
 * outcomes).  A replica lost since the last request (or during this
 * one) is found by the statement itself: that statement, and the rest
 * of the request's, run on the primary, and the next request tries the
 * replica again.
 */
enum db_rc
rdb_run(struct req *r, size_t idx, const struct db_param *p, size_t n,
    struct db_res *res)
{
	struct db *d = figures_db(r);
	enum db_rc rc;

	rc = db_exec(d, r->arena, idx, p, n, res);
	if (rc != DB_UNAVAILABLE || d == r->w->db)
		return rc;
	if (!replica_warned)
		LOGE("rid=%s: the replica is not reachable; reading figures "
		     "from the primary",
		    r->rid);
	replica_warned = true;
	return db_exec(r->w->db, r->arena, idx, p, n, res);
}

/* True when this process reads its figures from a replica now. */
bool
rdb_on_replica(struct req *r)
{
	return figures_db(r) != r->w->db;
}
