/* SPDX-License-Identifier: ISC */
/*
 * test-priv.c: who a worker runs as (priv.c).  priv_plan() is asked as
 * root and as an ordinary user whatever user runs the test: root without
 * a configured user is refused, and so are a user or group the system
 * does not have and a change of user without root; root with a user
 * drops to it.  Uses the accounts every Debian system has (root, nobody,
 * nogroup).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pwd.h>
#include <string.h>

#include "karika.h"

#define NOBODY	  65534
#define SOME_USER 4242 /* an ordinary uid that is not nobody */

static void
root_without_user_is_refused(void **state)
{
	struct priv p;
	char err[512];

	assert_int_equal(priv_plan(0, NULL, NULL, &p, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "refusing to run as root"));
	assert_non_null(strstr(err, "user ="));
	assert_int_equal(
	    priv_plan(0, "", "www-data", &p, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "refusing to run as root"));
}

static void
root_with_user_drops_to_it(void **state)
{
	struct priv p;
	char err[512];

	assert_int_equal(priv_plan(0, "nobody", NULL, &p, err, sizeof(err)), 0);
	assert_true(p.drop);
	assert_false(p.root_on_purpose);
	assert_int_equal(p.uid, NOBODY);
	assert_string_equal(p.user, "nobody");
	assert_string_equal(p.group, "");
}

static void
root_with_user_and_group_takes_the_group(void **state)
{
	struct priv p;
	char err[512];

	assert_int_equal(
	    priv_plan(0, "nobody", "root", &p, err, sizeof(err)), 0);
	assert_true(p.drop);
	assert_int_equal(p.gid, 0);
	assert_string_equal(p.group, "root");
}

static void
unknown_user_or_group_is_refused_by_name(void **state)
{
	struct priv p;
	char err[512];

	assert_int_equal(
	    priv_plan(0, "no-such-karika-user", NULL, &p, err, sizeof(err)),
	    -1);
	assert_non_null(strstr(err, "user = no-such-karika-user"));
	assert_non_null(strstr(err, "no such user"));
	assert_int_equal(priv_plan(0, "nobody", "no-such-karika-group", &p, err,
			     sizeof(err)),
	    -1);
	assert_non_null(strstr(err, "group = no-such-karika-group"));
	assert_non_null(strstr(err, "no such group"));
}

static void
user_root_on_purpose_is_allowed_and_marked(void **state)
{
	struct priv p;
	char err[512];

	assert_int_equal(priv_plan(0, "root", NULL, &p, err, sizeof(err)), 0);
	assert_false(p.drop);
	assert_true(p.root_on_purpose);
}

static void
ordinary_user_without_user_key_stays(void **state)
{
	struct priv p;
	char err[512];

	assert_int_equal(
	    priv_plan(SOME_USER, NULL, NULL, &p, err, sizeof(err)), 0);
	assert_false(p.drop);
	assert_false(p.root_on_purpose);
	assert_int_equal(p.uid, SOME_USER);
}

static void
ordinary_user_cannot_become_another(void **state)
{
	struct priv p;
	char err[512];

	assert_int_equal(
	    priv_plan(SOME_USER, "nobody", NULL, &p, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "user = nobody"));
	assert_non_null(strstr(err, "start it as root or as nobody"));
}

static void
the_configured_user_itself_stays(void **state)
{
	struct priv p;
	char err[512];

	/* systemd's User=karika with "user = karika" in the config. */
	assert_int_equal(
	    priv_plan(NOBODY, "nobody", NULL, &p, err, sizeof(err)), 0);
	assert_false(p.drop);
	assert_int_equal(p.uid, NOBODY);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(root_without_user_is_refused),
	    cmocka_unit_test(root_with_user_drops_to_it),
	    cmocka_unit_test(root_with_user_and_group_takes_the_group),
	    cmocka_unit_test(unknown_user_or_group_is_refused_by_name),
	    cmocka_unit_test(user_root_on_purpose_is_allowed_and_marked),
	    cmocka_unit_test(ordinary_user_without_user_key_stays),
	    cmocka_unit_test(ordinary_user_cannot_become_another),
	    cmocka_unit_test(the_configured_user_itself_stays),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
