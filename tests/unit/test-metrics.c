/* SPDX-License-Identifier: ISC */
/*
 * test-metrics.c: the counters behind /registry/metrics (metrics.c).  The
 * file's name follows the socket's; a reader sums what the slots
 * counted, by class and bucket; a missing, short or foreign file reads
 * as "not running"; a slot out of range counts nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "karika.h"

static char dir[] = "/tmp/karika-test-metrics.XXXXXX";

static void
path_follows_the_socket(void **state)
{
	char out[64];

	assert_int_equal(
	    metrics_path("/run/karika/registry.sock", out, sizeof(out)), 0);
	assert_string_equal(out, "/run/karika/registry.metrics");
	assert_int_equal(metrics_path("/tmp/w", out, sizeof(out)), 0);
	assert_string_equal(out, "/tmp/w.metrics");
	assert_int_equal(metrics_path(".sock", out, sizeof(out)), 0);
	assert_string_equal(out, ".sock.metrics");
	assert_int_equal(
	    metrics_path("/a/very/long/socket/path.sock", out, 8), -1);
}

static void
slots_are_summed_by_class_and_bucket(void **state)
{
	char sock[128], path[160];
	struct metrics_sum m;

	snprintf(sock, sizeof(sock), "%s/w.sock", dir);
	assert_int_equal(metrics_open(sock, 2), 0);
	metrics_path(sock, path, sizeof(path));
	metrics_use_slot(0);
	metrics_count(200, 1.0);
	metrics_count(404, 30.0);
	metrics_use_slot(1);
	metrics_count(503, 99999.0);
	metrics_count(303, 5.0); /* on a bound: that bucket */
	metrics_use_slot(2);	 /* no such slot: nothing counted */
	metrics_count(200, 1.0);
	assert_int_equal(metrics_read(path, &m), 0);
	assert_int_equal(m.procs, 2);
	assert_int_equal(m.requests, 4);
	assert_int_equal(m.class[1], 1);
	assert_int_equal(m.class[2], 1);
	assert_int_equal(m.class[3], 1);
	assert_int_equal(m.class[4], 1);
	assert_int_equal(m.bucket[0], 2);		/* 1 ms and 5 ms */
	assert_int_equal(m.bucket[3], 1);		/* 30 ms: <= 50 */
	assert_int_equal(m.bucket[METRICS_BUCKETS], 1); /* +Inf */
	assert_int_equal(m.sum_us, 1000 + 30000 + 99999000 + 5000);
	metrics_close();
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(metrics_read(path, &m), -1);
}

static void
a_foreign_or_short_file_is_not_read(void **state)
{
	char path[160];
	struct metrics_sum m;
	FILE *f;

	snprintf(path, sizeof(path), "%s/x.metrics", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("not a metrics file, but long enough to hold a header", f);
	fclose(f);
	assert_int_equal(metrics_read(path, &m), -1);
	assert_non_null(f = fopen(path, "w"));
	fclose(f);
	assert_int_equal(metrics_read(path, &m), -1);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(path_follows_the_socket),
	    cmocka_unit_test(slots_are_summed_by_class_and_bucket),
	    cmocka_unit_test(a_foreign_or_short_file_is_not_read),
	};
	int rc;

	log_init("test-metrics");
	if (mkdtemp(dir) == NULL)
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	rmdir(dir);
	return rc;
}
