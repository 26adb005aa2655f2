/* SPDX-License-Identifier: ISC */
/*
 * ops.c: what the operators read.  /registry/metrics answers in
 * Prometheus' text format (version 0.0.4) for the whole installation:
 * each worker's requests, answers by status class and latency histogram
 * (summed over its processes from the file next to its socket,
 * metrics.c), the outbox's backlog (through a grant of four columns of
 * the outbox, no address or link) and the last run of karika-jobs.
 * nginx lets only 127.0.0.1 and ::1 reach it (nginx/karika.conf.in);
 * the handler also answers 404 to any other client address it is given,
 * in case a server block forgot the rule.
 */
#include <stdio.h>
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"

/* 64 KiB: four workers' figures take about 6 KiB. */
#define METRICS_MAX_BYTES (64 * 1024)

static const char *const ops_workers[] = {
    "registry", "surveys", "applications", "reports"};

/* True for a loopback client address as nginx passes it. */
static bool
client_local(const char *a)
{
	return a != NULL &&
	    (strncmp(a, "127.", 4) == 0 || strcmp(a, "::1") == 0 ||
		strncmp(a, "::ffff:127.", 11) == 0);
}

/* The histogram of one worker, cumulative as Prometheus wants it. */
static void
write_histogram(struct buf *b, const char *w, const struct metrics_sum *m)
{
	uint64_t acc = 0;
	size_t i;

	for (i = 0; i < METRICS_BUCKETS; i++) {
		acc += m->bucket[i];
		buf_printf(b,
		    "karika_request_duration_seconds_bucket{worker=\"%s\","
		    "le=\"%g\"} %llu\n",
		    w, metrics_bucket_ms[i] / 1000, (unsigned long long)acc);
	}
	acc += m->bucket[METRICS_BUCKETS];
	buf_printf(b,
	    "karika_request_duration_seconds_bucket{worker=\"%s\",le=\"+Inf\"} "
	    "%llu\n"
	    "karika_request_duration_seconds_sum{worker=\"%s\"} %.6f\n"
	    "karika_request_duration_seconds_count{worker=\"%s\"} %llu\n",
	    w, (unsigned long long)acc, w, (double)m->sum_us / 1e6, w,
	    (unsigned long long)acc);
}

/* Each worker's counters, from the files next to the configured sockets. */
static void
write_workers(struct req *r, struct buf *b)
{
	struct metrics_sum m[4];
	bool up[4];
	char key[64], path[1024];
	const char *sock;
	size_t i, c;

	for (i = 0; i < 4; i++) {
		snprintf(key, sizeof(key), "%s.socket", ops_workers[i]);
		sock = cfg_get(&r->w->cfg, key, NULL);
		up[i] = sock != NULL &&
		    metrics_path(sock, path, sizeof(path)) == 0 &&
		    metrics_read(path, &m[i]) == 0;
	}
	buf_adds(b,
	    "# HELP karika_worker_up 1 when the worker's counters "
	    "could be read (it is running).\n"
	    "# TYPE karika_worker_up gauge\n");
	for (i = 0; i < 4; i++)
		buf_printf(b, "karika_worker_up{worker=\"%s\"} %d\n",
		    ops_workers[i], up[i] ? 1 : 0);
	buf_adds(b,
	    "# HELP karika_worker_processes Processes sharing the "
	    "worker's socket.\n# TYPE karika_worker_processes gauge\n");
	for (i = 0; i < 4; i++)
		if (up[i])
			buf_printf(b,
			    "karika_worker_processes{worker=\"%s\"} %u\n",
			    ops_workers[i], m[i].procs);
	buf_adds(b,
	    "# HELP karika_requests_total Requests answered since the "
	    "worker started.\n# TYPE karika_requests_total counter\n");
	for (i = 0; i < 4; i++)
		if (up[i])
			buf_printf(b,
			    "karika_requests_total{worker=\"%s\"} %llu\n",
			    ops_workers[i], (unsigned long long)m[i].requests);
	buf_adds(b,
	    "# HELP karika_responses_total Answers by status class "
	    "(4xx and 5xx are the errors).\n"
	    "# TYPE karika_responses_total counter\n");
	for (i = 0; i < 4; i++)
		for (c = 0; up[i] && c < 5; c++)
			buf_printf(b,
			    "karika_responses_total{worker=\"%s\","
			    "class=\"%zuxx\"} %llu\n",
			    ops_workers[i], c + 1,
			    (unsigned long long)m[i].class[c]);
	buf_adds(b,
	    "# HELP karika_request_duration_seconds Time from the "
	    "request's arrival at the worker to its answer.\n"
	    "# TYPE karika_request_duration_seconds histogram\n");
	for (i = 0; i < 4; i++)
		if (up[i])
			write_histogram(b, ops_workers[i], &m[i]);
}

/*
 * The outbox: mail waiting to go (with the age of the oldest) and mail
 * given up after mail.max_attempts.  Without the database, db_up 0 and
 * no outbox lines.
 */
static void
write_outbox(struct req *r, struct buf *b)
{
	struct db_res res;
	int64_t max;

	if (cfg_int(&r->w->cfg, "mail.max_attempts", 8, 1, 1000, &max) == -1)
		max = 8;
	if (DBQ(r, STMT_OPS_OUTBOX, &res, DBP_I(max), DBP_I(max), DBP_I(max)) !=
	    DB_OK) {
		buf_adds(b, "# TYPE karika_db_up gauge\nkarika_db_up 0\n");
		return;
	}
	buf_printf(b,
	    "# TYPE karika_db_up gauge\nkarika_db_up 1\n"
	    "# HELP karika_outbox_pending Mail waiting to be sent.\n"
	    "# TYPE karika_outbox_pending gauge\nkarika_outbox_pending %lld\n"
	    "# HELP karika_outbox_oldest_seconds Age of the oldest mail "
	    "waiting (0: none).\n"
	    "# TYPE karika_outbox_oldest_seconds gauge\n"
	    "karika_outbox_oldest_seconds %lld\n"
	    "# HELP karika_outbox_failed Mail given up after mail.max_attempts."
	    "\n# TYPE karika_outbox_failed gauge\nkarika_outbox_failed %lld\n",
	    (long long)db_int_named(&res, 0, "pending"),
	    (long long)db_int_named(&res, 0, "oldest"),
	    (long long)db_int_named(&res, 0, "failed"));
}

/*
 * karika-jobs' last run: "<unix time> <failed jobs>" in
 * jobs.state_dir/jobs.last.  Nothing when it never ran.
 */
static void
write_jobs(struct req *r, struct buf *b)
{
	char path[1024], line[64];
	long long when, failed;
	FILE *f;
	int n;

	if (snprintf(path, sizeof(path), "%s/jobs.last",
		cfg_get(&r->w->cfg, "jobs.state_dir", "/var/lib/karika")) >=
	    (int)sizeof(path))
		return;
	if ((f = fopen(path, "re")) == NULL)
		return;
	n = fgets(line, sizeof(line), f) != NULL
	    ? sscanf(line, "%lld %lld", &when, &failed)
	    : 0;
	fclose(f);
	if (n != 2 || when < 0 || failed < 0)
		return;
	buf_printf(b,
	    "# HELP karika_jobs_last_run_timestamp_seconds When karika-jobs "
	    "last ran.\n"
	    "# TYPE karika_jobs_last_run_timestamp_seconds gauge\n"
	    "karika_jobs_last_run_timestamp_seconds %lld\n"
	    "# HELP karika_jobs_last_run_failed Jobs that failed in that run."
	    "\n# TYPE karika_jobs_last_run_failed gauge\n"
	    "karika_jobs_last_run_failed %lld\n",
	    when, failed);
}

/*
 * GET /registry/metrics (ROUTE_NO_PAGE): the figures above as text/plain.
 * 404 to a client that is not on this host; 500 if the text outgrew its
 * ceiling.
 */
enum http_status
metrics_show(struct req *r, struct xml *x)
{
	struct buf b;

	if (!client_local(r->client)) {
		resp_send_text(r, HTTP_NOT_FOUND, "not found\n");
		return HTTP_NOT_FOUND;
	}
	buf_init(&b, METRICS_MAX_BYTES);
	write_workers(r, &b);
	write_outbox(r, &b);
	write_jobs(r, &b);
	if (b.full || b.p == NULL) {
		buf_release(&b);
		resp_send_text(r, HTTP_INTERNAL, "too long\n");
		return HTTP_INTERNAL;
	}
	resp_send_text(r, HTTP_OK, b.p);
	buf_release(&b);
	return HTTP_OK;
}
