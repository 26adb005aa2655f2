/* SPDX-License-Identifier: ISC */
/*
 * test-mig.c: what karika-migrate decides: which files are migrations,
 * the checksum that pins them, and that a changed applied file is refused.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "karika.h"

static void
names_follow_nnnn_word_sql(void **state)
{
	int64_t v = 0;

	assert_true(mig_name("0001_core.sql", &v));
	assert_int_equal(v, 1);
	assert_true(mig_name("0042_add_audit_2.sql", &v));
	assert_int_equal(v, 42);
}

static void
other_files_are_not_migrations(void **state)
{
	static const char *const bad[] = {"0001_core.sql~", "001_core.sql",
	    "0001-core.sql", "0001_.sql", "0001_Core.sql", "abcd_core.sql",
	    "0000_zero.sql", "0001_core.SQL", "README", ".0001_x.sql",
	    "0001_a b.sql", "0001_core.sql.orig"};
	size_t i;
	int64_t v;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(mig_name(bad[i], &v));
}

static void
checksum_is_sha256_hex(void **state)
{
	char sum[MIG_CHECKSUM_LEN + 1];

	assert_int_equal(mig_checksum("abc", 3, sum), 0);
	assert_string_equal(sum,
	    "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	assert_int_equal(mig_checksum("", 0, sum), 0);
	assert_string_equal(sum,
	    "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
}

static void
one_changed_byte_changes_the_checksum(void **state)
{
	char a[MIG_CHECKSUM_LEN + 1], b[MIG_CHECKSUM_LEN + 1];

	mig_checksum("CREATE TABLE t (a INT);\n", 24, a);
	mig_checksum("CREATE TABLE t (a INT);\r\n", 25, b);
	assert_string_not_equal(a, b);
}

static void
decide_applies_skips_and_refuses(void **state)
{
	char a[MIG_CHECKSUM_LEN + 1], b[MIG_CHECKSUM_LEN + 1];

	mig_checksum("x", 1, a);
	mig_checksum("y", 1, b);
	assert_int_equal(mig_decide(a, NULL), MIG_APPLY);
	assert_int_equal(mig_decide(a, a), MIG_SKIP);
	assert_int_equal(mig_decide(a, b), MIG_CHANGED);
}

/* Where each statement starts, past comments, strings and bodies. */
static void
statements_are_found_past_comments_strings_and_bodies(void **state)
{
	static const char sql[] =
	    "-- a comment; not a statement\n"			 /* line 1 */
	    "CREATE TABLE IF NOT EXISTS t (a INT);\n"		 /* 2: 0 */
	    "INSERT INTO t VALUES (1), (2); "			 /* 3: 1 */
	    "SELECT 'a;b', \"c;\", `d;`, IF(1, 2, 3);\n"	 /* 3: 2 */
	    "CREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW\n" /* 4: 3 */
	    "\tIF NEW.a > 1 THEN\n"
	    "\t\tSIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no;';\n"
	    "\tEND IF;\n"
	    "/* a ; block */ CREATE PROCEDURE p()\n" /* 8: 4 */
	    "BEGIN\n"
	    "\tSELECT CASE WHEN 1 THEN 2 END;\n"
	    "\tDROP TABLE IF EXISTS u;\n"
	    "END;\n"
	    "SELECT 1;\n"; /* 13: 5 */
	static const size_t lines[] = {2, 3, 3, 4, 8, 13};
	size_t k, line;
	ssize_t at;

	for (k = 0; k < 6; k++) {
		at = mig_statement_start(sql, sizeof(sql) - 1, k, &line);
		assert_true(at >= 0);
		assert_int_equal(line, lines[k]);
	}
	at = mig_statement_start(sql, sizeof(sql) - 1, 4, &line);
	assert_memory_equal(sql + at, "CREATE PROCEDURE", 16);
	assert_int_equal(
	    mig_statement_start(sql, sizeof(sql) - 1, 6, &line), -1);
	assert_int_equal(mig_statement_start("", 0, 0, &line), -1);
	assert_int_equal(mig_statement_start("-- only\n", 8, 0, &line), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(names_follow_nnnn_word_sql),
	    cmocka_unit_test(other_files_are_not_migrations),
	    cmocka_unit_test(checksum_is_sha256_hex),
	    cmocka_unit_test(one_changed_byte_changes_the_checksum),
	    cmocka_unit_test(decide_applies_skips_and_refuses),
	    cmocka_unit_test(
		statements_are_found_past_comments_strings_and_bodies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
