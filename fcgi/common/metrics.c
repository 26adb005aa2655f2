/* SPDX-License-Identifier: ISC */
/*
 * metrics.c: the counters behind /registry/metrics.  Each worker's
 * parent process makes a small file next to its socket (registry.sock ->
 * registry.metrics) with one slot per process and maps it shared; each
 * child counts its requests in its own slot (answers by status class,
 * latency in buckets, the sum of latencies), so no slot has two writers
 * and no lock is needed.  A restarted child takes its predecessor's
 * slot and goes on counting.  The registry's metrics route reads every
 * worker's file (metrics_read) and sums the slots; a reader may see a
 * request counted in one field and not yet in the next, which a scrape
 * tolerates.  The file goes when the worker stops; a worker started
 * again starts from zero, which Prometheus reads as a counter reset.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "karika.h"

#define METRICS_MAGIC 0x4b4d4554u /* "KMET" */

/* Upper bounds of the latency buckets, in milliseconds; +Inf follows. */
const double metrics_bucket_ms[METRICS_BUCKETS] = {
    5, 10, 25, 50, 100, 250, 500, 1000, 2500};

struct metrics_slot {
	uint64_t requests;
	uint64_t class[5];		      /* 1xx .. 5xx */
	uint64_t bucket[METRICS_BUCKETS + 1]; /* not cumulative; last: +Inf */
	uint64_t sum_us;		      /* latencies, microseconds */
};

struct metrics_file {
	uint32_t magic;
	uint32_t nslots;
	struct metrics_slot slot[];
};

static struct metrics_file *metrics_map;
static size_t metrics_len;
static struct metrics_slot *metrics_mine;
static char metrics_file_path[1024];

/*
 * Writes the metrics file's path for the socket at sock into out: the
 * socket's path less a ".sock" ending, plus ".metrics".  Returns 0, or -1
 * when it does not fit.
 */
int
metrics_path(const char *sock, char *out, size_t size)
{
	size_t n = strlen(sock);
	int len;

	if (n > 5 && strcmp(sock + n - 5, ".sock") == 0)
		n -= 5;
	len = snprintf(out, size, "%.*s.metrics", (int)n, sock);
	return len < 0 || (size_t)len >= size ? -1 : 0;
}

/*
 * The parent: makes the metrics file of the worker listening on sock,
 * with nslots zeroed slots (mode 0640: the registry, running as the
 * same user, reads it), and maps it for the children it will fork.
 * Returns 0, or -1 (logged): a worker without metrics still serves.
 */
int
metrics_open(const char *sock, size_t nslots)
{
	int fd = -1, rc = -1;
	size_t len;
	void *p;

	if (metrics_path(sock, metrics_file_path, sizeof(metrics_file_path)) ==
	    -1) {
		LOGE("%s: path too long for its metrics file", sock);
		return -1;
	}
	len =
	    sizeof(struct metrics_file) + nslots * sizeof(struct metrics_slot);
	unlink(metrics_file_path);
	if ((fd = open(metrics_file_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC,
		 0640)) == -1 ||
	    ftruncate(fd, (off_t)len) == -1) {
		LOGE("%s: %s", metrics_file_path, strerror(errno));
		goto out;
	}
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		LOGE("mmap %s: %s", metrics_file_path, strerror(errno));
		goto out;
	}
	metrics_map = p;
	metrics_len = len;
	metrics_map->nslots = (uint32_t)nslots;
	__atomic_store_n(&metrics_map->magic, METRICS_MAGIC, __ATOMIC_RELEASE);
	rc = 0;
out:
	if (fd != -1)
		close(fd);
	if (rc == -1 && fd != -1)
		unlink(metrics_file_path);
	return rc;
}

/* A child: counts from now on in slot i (ignored without a file). */
void
metrics_use_slot(size_t i)
{
	metrics_mine = metrics_map != NULL && i < metrics_map->nslots
	    ? &metrics_map->slot[i]
	    : NULL;
}

/* Counts one answered request: its status and its time in ms. */
void
metrics_count(int status, double ms)
{
	struct metrics_slot *s = metrics_mine;
	size_t b;

	if (s == NULL)
		return;
	for (b = 0; b < METRICS_BUCKETS && ms > metrics_bucket_ms[b]; b++)
		;
	__atomic_fetch_add(&s->bucket[b], 1, __ATOMIC_RELAXED);
	if (status >= 100 && status <= 599)
		__atomic_fetch_add(
		    &s->class[status / 100 - 1], 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(
	    &s->sum_us, (uint64_t)(ms > 0 ? ms * 1000 : 0), __ATOMIC_RELAXED);
	__atomic_fetch_add(&s->requests, 1, __ATOMIC_RELAXED);
}

/* The parent, stopping: unmaps and removes the file. */
void
metrics_close(void)
{
	if (metrics_map == NULL)
		return;
	munmap(metrics_map, metrics_len);
	metrics_map = NULL;
	metrics_mine = NULL;
	unlink(metrics_file_path);
}

/*
 * Reads the metrics file at path and sums its slots into *m.  Returns 0,
 * or -1 when there is no such file or it is not one (the worker is not
 * running, or not yet): the caller reports the worker as down.
 */
int
metrics_read(const char *path, struct metrics_sum *m)
{
	struct metrics_file *f = MAP_FAILED;
	struct stat st;
	size_t i, j, len = 0;
	int fd, rc = -1;

	memset(m, 0, sizeof(*m));
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &st) == -1 ||
	    (size_t)st.st_size < sizeof(struct metrics_file) ||
	    (size_t)st.st_size > sizeof(struct metrics_file) +
		    WORKER_MAX_PROCS * sizeof(struct metrics_slot))
		goto out;
	len = (size_t)st.st_size;
	if ((f = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0)) == MAP_FAILED)
		goto out;
	if (__atomic_load_n(&f->magic, __ATOMIC_ACQUIRE) != METRICS_MAGIC ||
	    sizeof(struct metrics_file) +
		    f->nslots * sizeof(struct metrics_slot) >
		len)
		goto out;
	for (i = 0; i < f->nslots; i++) {
		const struct metrics_slot *s = &f->slot[i];

		m->requests += __atomic_load_n(&s->requests, __ATOMIC_RELAXED);
		for (j = 0; j < 5; j++)
			m->class[j] +=
			    __atomic_load_n(&s->class[j], __ATOMIC_RELAXED);
		for (j = 0; j <= METRICS_BUCKETS; j++)
			m->bucket[j] +=
			    __atomic_load_n(&s->bucket[j], __ATOMIC_RELAXED);
		m->sum_us += __atomic_load_n(&s->sum_us, __ATOMIC_RELAXED);
	}
	m->procs = f->nslots;
	rc = 0;
out:
	if (f != MAP_FAILED)
		munmap(f, len);
	close(fd);
	return rc;
}
