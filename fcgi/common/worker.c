/* SPDX-License-Identifier: ISC */
/*
 * worker.c: a Karika worker process tree.  The parent reads the config,
 * opens the FastCGI unix socket, forks N children that share it, restarts
 * a child that dies, and on SIGTERM or SIGINT stops them all and removes
 * the socket.  Started as root, it becomes the configured user and group
 * (priv.c) once the socket is open and given to them, before any child
 * exists; root without "user =" in the config is refused.  Each child
 * connects to MariaDB as the worker's own user
 * and runs the accept loop: parse, dispatch, finish, log one line, reset
 * the request arena.  No request state survives the loop (STYLE 3.6).
 *
 * Usage: karika-<name> [-c config] [-s socket] [-n procs] [--routes]
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libgen.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "karika.h"

/* Seconds a connection may sit idle before a request pings it first. */
#define WORKER_IDLE_PING_SECONDS 10
#define WORKER_DEFAULT_TZ	 "CET-1CEST,M3.5.0,M10.5.0/3" /* Europe/Belgrade */

static volatile sig_atomic_t worker_stop;

static void
on_stop(int sig)
{
	worker_stop = 1;
}

/* Opens fds 0-2 on /dev/null if the caller left them closed. */
static void
std_fds(void)
{
	int fd;

	while ((fd = open("/dev/null", O_RDWR)) >= 0 && fd <= 2)
		;
	if (fd > 2)
		close(fd);
}

static double
ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/*
 * Checks that the folder of the socket path exists, so that a missing
 * one is named (libfcgi would only say "No such file or directory").
 * Returns 0, or -1 (logged).
 */
static int
sock_dir_ok(const char *path, const char *name)
{
	char copy[1024];
	const char *dir;
	struct stat st;
	int e;

	if (snprintf(copy, sizeof(copy), "%s", path) >= (int)sizeof(copy)) {
		LOGE("%s.socket: socket path too long", name);
		return -1;
	}
	dir = dirname(copy);
	if (stat(dir, &st) == -1)
		e = errno;
	else if (!S_ISDIR(st.st_mode))
		e = ENOTDIR;
	else
		return 0;
	LOGE("the socket folder %s (for %s.socket = %s) %s: create it "
	     "(systemd: RuntimeDirectory=karika) or name another",
	    dir, name, path, e == ENOENT ? "does not exist" : strerror(e));
	return -1;
	return 0;
}

/* Answers one accepted request. */
static void
handle(struct worker *w, FCGX_Request *fr, struct arena *a)
{
	struct req r;
	enum http_status st;
	double ms;

	memset(&r, 0, sizeof(r));
	clock_gettime(CLOCK_MONOTONIC, &r.start);
	r.arena = a;
	r.w = w;
	r.fcgx = fr;
	r.route = "-";
	if ((st = req_parse(&r, (const char *const *)fr->envp)) != HTTP_OK)
		resp_error(&r, st, NULL);
	else
		route_dispatch(&r, w->def->routes, w->def->nroutes);
	FCGX_Finish_r(fr);
	/* A received file no handler kept (docs.c) never outlives its
	 * request, whatever route it was posted to. */
	docs_discard(&r);
	/*
	 * A pooled connection never carries one request's transaction into
	 * the next: what a handler left open is rolled back, and logged,
	 * because it is a bug in that handler.
	 */
	if (db_in_txn(w->db)) {
		LOGE("rid=%s route=%s left a transaction open: rolled back",
		    r.rid, r.route);
		db_rollback(w->db);
	}
	/* The path is not personal data; ids in it are record ids. */
	ms = ms_since(&r.start);
	metrics_count((int)r.status, ms);
	log_info("rid=%s %s %s route=%s status=%d ms=%.1f", r.rid,
	    r.method_name, r.path, r.route, (int)r.status, ms);
}

/* One child, counting in metrics slot "slot": connect, then accept. */
static int
child_main(struct worker *w, int sock, size_t slot)
{
	FCGX_Request fr;
	struct arena *a;
	struct sigaction sa;
	time_t last = 0, now;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN); /* a client that left must not kill us */
	metrics_use_slot(slot);
	w->db =
	    db_new(&w->cfg, w->def->name, w->def->stmts, w->def->nstmts, true);
	if (db_ensure(w->db) == -1)
		log_info("database unavailable at start; will retry");
	if (FCGX_InitRequest(&fr, sock, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
		LOGE("FCGX_InitRequest failed");
		return 1;
	}
	a = arena_new();
	while (!worker_stop && FCGX_Accept_r(&fr) >= 0) {
		now = time(NULL);
		if (!db_up(w->db) || now - last > WORKER_IDLE_PING_SECONDS)
			if (db_ping(w->db, a) != DB_OK)
				db_ensure(w->db);
		last = now;
		handle(w, &fr, a);
		arena_reset(a);
	}
	FCGX_Free(&fr, 1);
	arena_free(a);
	db_free(w->db);
	cfg_release(&w->cfg);
	return 0;
}

static pid_t
spawn(struct worker *w, int sock, size_t slot)
{
	pid_t pid;

	if ((pid = fork()) == -1) {
		LOGE("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0)
		_exit(child_main(w, sock, slot));
	return pid;
}

/*
 * The parent: keeps n children alive until a stop signal, then stops them
 * and waits.  A child that exits is replaced, at most one a second so that
 * a crash loop does not spin.
 */
static int
supervise(struct worker *w, int sock, int64_t n, const char *path)
{
	pid_t pids[WORKER_MAX_PROCS], pid;
	struct sigaction sa;
	int64_t i;
	int status;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	for (i = 0; i < n; i++)
		pids[i] = spawn(w, sock, (size_t)i);
	while (!worker_stop) {
		if ((pid = waitpid(-1, &status, 0)) == -1) {
			if (errno == EINTR)
				continue;
			LOGE("waitpid: %s", strerror(errno));
			break;
		}
		for (i = 0; i < n; i++)
			if (pids[i] == pid) {
				LOGE("child %d exited (status %d); restarting",
				    (int)pid, status);
				sleep(1);
				pids[i] = worker_stop
				    ? -1
				    : spawn(w, sock, (size_t)i);
			}
	}
	for (i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	for (i = 0; i < n; i++)
		if (pids[i] > 0)
			waitpid(pids[i], &status, 0);
	unlink(path);
	metrics_close();
	log_info("stopped");
	return 0;
}

/*
 * The whole life of a worker program.  def is the worker's static
 * description (name, routes, statements).  Returns the exit status.
 */
int
worker_main(int argc, char **argv, const struct worker_def *def)
{
	struct worker w;
	struct priv priv;
	const char *cfgpath = NULL, *sockpath = NULL, *procs = NULL, *v;
	char key[64], prog[64];
	int64_t n, mode;
	int i, sock, rc = 1;

	std_fds();
	snprintf(prog, sizeof(prog), "karika-%s", def->name);
	log_init(prog);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--routes") == 0) {
			route_list(def->name, def->routes, def->nroutes);
			return 0;
		} else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			cfgpath = argv[++i];
		else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc)
			sockpath = argv[++i];
		else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			procs = argv[++i];
		else {
			fprintf(stderr,
			    "usage: %s [-c config] [-s socket] [-n procs] "
			    "[--routes]\n",
			    prog);
			return 2;
		}
	}
	memset(&w, 0, sizeof(w));
	w.def = def;
	if (cfg_load(&w.cfg, cfg_default_path(cfgpath)) == -1)
		return 1;
	if (priv_from_cfg(&w.cfg, &priv) == -1)
		goto out;
	w.municipality = cfg_get(&w.cfg, "municipality", "");
	/*
	 * Times are stored in UTC and shown in the installation's zone
	 * (xml_local_time).  The default is the POSIX rule of Serbia and
	 * Bosnia and Herzegovina, which needs no zone files.
	 */
	if (setenv("TZ", cfg_get(&w.cfg, "timezone", WORKER_DEFAULT_TZ), 1) ==
	    -1) {
		LOGE("setenv TZ: %s", strerror(errno));
		goto out;
	}
	tzset();
	v = cfg_get(&w.cfg, "locale.default", "sr-Cyrl");
	if ((w.default_locale = locale_from_tag(v)) == LOCALE__MAX) {
		LOGE("locale.default: unknown locale %s", v);
		goto out;
	}
	snprintf(key, sizeof(key), "%s.socket", def->name);
	if (sockpath == NULL &&
	    (sockpath = cfg_get(&w.cfg, key, NULL)) == NULL) {
		LOGE("no socket: give -s or %s in %s", key, w.cfg.path);
		goto out;
	}
	snprintf(key, sizeof(key), "%s.procs", def->name);
	if (procs != NULL) {
		if (str_to_int64(procs, 1, WORKER_MAX_PROCS, &n) == -1) {
			LOGE("-n: 1 to %d processes", WORKER_MAX_PROCS);
			goto out;
		}
	} else if (cfg_int(&w.cfg, key, 2, 1, WORKER_MAX_PROCS, &n) == -1)
		goto out;
	v = cfg_get(&w.cfg, "socket_mode", "0660");
	if (str_to_octal(v, 0777, &mode) == -1) {
		LOGE("socket_mode: an octal mode such as 0660, not %s", v);
		goto out;
	}
	if (FCGX_Init() != 0) {
		LOGE("FCGX_Init failed");
		goto out;
	}
	if (sock_dir_ok(sockpath, def->name) == -1)
		goto out;
	unlink(sockpath);
	errno = 0;
	/*
	 * The backlog holds the connections nginx opens while every process
	 * is busy: a survey's hundreds of respondents at once must wait
	 * there, not get 502 (the kernel caps it at net.core.somaxconn).
	 */
	if ((sock = FCGX_OpenSocket(sockpath, WORKER_BACKLOG)) < 0) {
		LOGE("cannot listen on %s: %s", sockpath,
		    errno != 0 ? strerror(errno) : "libfcgi refused");
		goto out;
	}
	if (chmod(sockpath, (mode_t)mode) == -1) {
		LOGE("chmod %s: %s", sockpath, strerror(errno));
		goto out;
	}
	/* The socket belongs to the user and group the workers become. */
	if (priv.drop && chown(sockpath, priv.uid, priv.gid) == -1) {
		LOGE("chown %s: %s", sockpath, strerror(errno));
		goto out;
	}
	if (priv_drop(&priv) == -1)
		goto out;
	/* Counters for /registry/metrics; a worker serves without them. */
	metrics_open(sockpath, (size_t)n);
	log_info("listening on %s with %lld processes", sockpath, (long long)n);
	rc = supervise(&w, sock, n, sockpath);
out:
	cfg_release(&w.cfg);
	return rc;
}
