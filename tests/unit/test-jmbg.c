/* SPDX-License-Identifier: ISC */
/*
 * test-jmbg.c: the personal number (jmbg.c).  Valid numbers, whose check
 * digits were computed apart from the code under test, give back their
 * date and sex; each kind of wrong number is named by its part, so that a
 * form can say which one.  Tables, one line per case.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "karika.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* A valid number and what it encodes. */
struct good {
	const char *jmbg;
	const char *birth;
	int region;
	const char *sex;
};

static const struct good good[] = {
    {"0101990710008", "1990-01-01", 71, "male"},
    {"2902000800504", "2000-02-29", 80, "male"},   /* 2000 was leap */
    {"3105985171235", "1985-05-31", 17, "male"},   /* BiH */
    {"1507010715009", "2010-07-15", 71, "female"}, /* BBB 500 */
    {"2912999789990", "1999-12-29", 78, "female"}, /* m = 11 -> K = 0 */
    {"0703918135040", "1918-03-07", 13, "female"}, /* m = 10 -> K = 0 */
    {"0101000710017", "2000-01-01", 71, "male"},
    {"2802015771239", "2015-02-28", 77, "male"},
};

/* A wrong number and the part that is named. */
struct bad {
	const char *jmbg;
	enum jmbg_problem want;
};

static const struct bad bad[] = {
    /* not a digit */
    {"01019907100O8", JMBG_DIGITS}, /* letter O */
    {"0101990 71000", JMBG_DIGITS},
    {"0101990-710008", JMBG_DIGITS},
    {" 0101990710008", JMBG_DIGITS},
    {"0101990710008 ", JMBG_DIGITS},
    {"abc", JMBG_DIGITS},
    {"\xd9\xa0\xd9\xa1", JMBG_DIGITS}, /* Arabic-Indic digits */
    {"+101990710008", JMBG_DIGITS},
    /* not thirteen */
    {"", JMBG_LENGTH},
    {"0", JMBG_LENGTH},
    {"010199071000", JMBG_LENGTH},
    {"01019907100081", JMBG_LENGTH},
    {"0101990710008000000", JMBG_LENGTH},
    /* no real date */
    {"0001990710000", JMBG_DATE}, /* day 0 */
    {"3201990710000", JMBG_DATE}, /* day 32 */
    {"0100990710000", JMBG_DATE}, /* month 0 */
    {"0113990710000", JMBG_DATE}, /* month 13 */
    {"3104990710000", JMBG_DATE}, /* 31 April */
    {"3002000710000", JMBG_DATE}, /* 30 February */
    {"2902999710000", JMBG_DATE}, /* 1999 was not leap */
    {"2902900710000", JMBG_DATE}, /* nor was 1900 */
    {"0101500710000", JMBG_DATE}, /* YYY 500: no century */
    {"0101100710000", JMBG_DATE}, /* YYY 100 */
    {"0101899710000", JMBG_DATE}, /* YYY 899 */
    {"0101099710000", JMBG_DATE}, /* 2099: not born yet */
    {"9999999999999", JMBG_DATE},
    /* wrong check digit */
    {"0101990710007", JMBG_CHECKSUM},
    {"0101990710009", JMBG_CHECKSUM},
    {"1001990710008", JMBG_CHECKSUM}, /* day and month swapped */
    {"0101990170008", JMBG_CHECKSUM}, /* region digits swapped */
    {"2912999789991", JMBG_CHECKSUM},
};

/* Every valid number passes and gives its birth date, region and sex. */
static void
valid_numbers_give_date_region_and_sex(void **state)
{
	struct jmbg_info info;
	size_t i;

	for (i = 0; i < NELEM(good); i++) {
		memset(&info, 0, sizeof(info));
		if (jmbg_check(good[i].jmbg, &info) != JMBG_OK)
			print_error("row %zu: %s refused\n", i, good[i].jmbg);
		assert_int_equal(jmbg_check(good[i].jmbg, &info), JMBG_OK);
		assert_string_equal(info.birth, good[i].birth);
		assert_int_equal(info.region, good[i].region);
		assert_string_equal(info.sex, good[i].sex);
		assert_int_equal(
		    info.female, strcmp(good[i].sex, "female") == 0);
		assert_int_equal(jmbg_check(good[i].jmbg, NULL), JMBG_OK);
	}
}

/* The year, month and day come out as numbers too. */
static void
valid_number_gives_year_month_day(void **state)
{
	struct jmbg_info info;

	assert_int_equal(jmbg_check("3105985171235", &info), JMBG_OK);
	assert_int_equal(info.year, 1985);
	assert_int_equal(info.month, 5);
	assert_int_equal(info.day, 31);
	assert_int_equal(info.serial, 123);
}

/* Each wrong number is refused, naming the part that is wrong. */
static void
wrong_numbers_name_the_wrong_part(void **state)
{
	struct jmbg_info info;
	enum jmbg_problem got;
	size_t i;

	for (i = 0; i < NELEM(bad); i++) {
		memset(&info, 0x5a, sizeof(info));
		got = jmbg_check(bad[i].jmbg, &info);
		if (got != bad[i].want)
			print_error("row %zu: \"%s\" gave %d, want %d\n", i,
			    bad[i].jmbg, got, bad[i].want);
		assert_int_equal(got, bad[i].want);
		/* A refused number fills nothing in. */
		assert_int_equal(info.year, 0x5a5a5a5a);
	}
}

/* Of the ten possible last digits exactly one is right. */
static void
every_other_check_digit_is_refused(void **state)
{
	char s[JMBG_LEN + 1];
	size_t i;
	char k;

	for (i = 0; i < NELEM(good); i++) {
		memcpy(s, good[i].jmbg, sizeof(s));
		for (k = '0'; k <= '9'; k++) {
			s[12] = k;
			assert_int_equal(jmbg_check(s, NULL),
			    k == good[i].jmbg[12] ? JMBG_OK : JMBG_CHECKSUM);
		}
	}
}

/* The check digit helper agrees with the table and refuses non-digits. */
static void
check_digit_follows_the_formula(void **state)
{
	size_t i;

	for (i = 0; i < NELEM(good); i++)
		assert_int_equal(
		    jmbg_check_digit(good[i].jmbg), good[i].jmbg[12] - '0');
	assert_int_equal(jmbg_check_digit("111111111111"), 1);
	assert_int_equal(jmbg_check_digit("070391813504"), 0); /* m = 10 */
	assert_int_equal(jmbg_check_digit("000000000000"), 0); /* m = 11 */
	assert_int_equal(jmbg_check_digit(NULL), -1);
	assert_int_equal(jmbg_check_digit("01019907100"), -1);
	assert_int_equal(jmbg_check_digit("01019907100x"), -1);
}

/* NULL is a missing number: the length is wrong. */
static void
null_is_a_wrong_length(void **state)
{
	assert_int_equal(jmbg_check(NULL, NULL), JMBG_LENGTH);
}

/*
 * A long input is read no further than its fourteenth byte: the buffer
 * has no NUL at all, and AddressSanitizer watches its end.
 */
static void
long_input_is_read_no_further_than_needed(void **state)
{
	char *s = malloc(JMBG_LEN + 1);

	assert_non_null(s);
	memset(s, '1', JMBG_LEN + 1);
	assert_int_equal(jmbg_check(s, NULL), JMBG_LENGTH);
	free(s);
}

/* Each problem has its catalogue key, and a valid number has none. */
static void
problems_have_message_keys(void **state)
{
	assert_null(jmbg_problem_key(JMBG_OK));
	assert_string_equal(jmbg_problem_key(JMBG_LENGTH), "jmbg.length");
	assert_string_equal(jmbg_problem_key(JMBG_DIGITS), "jmbg.digits");
	assert_string_equal(jmbg_problem_key(JMBG_DATE), "jmbg.date");
	assert_string_equal(jmbg_problem_key(JMBG_CHECKSUM), "jmbg.checksum");
	assert_null(jmbg_problem_key(JMBG__MAX));
}

/* The mask shows the birth date and hides the six digits that identify. */
static void
mask_shows_the_date_only(void **state)
{
	char out[JMBG_MASK_BYTES];

	assert_int_equal(jmbg_mask("0101990710008", out), 0);
	assert_string_equal(out, "0101990••••••");
	assert_true(strlen(out) < JMBG_MASK_BYTES);
}

/* Anything but thirteen digits is masked whole. */
static void
mask_hides_all_of_a_malformed_value(void **state)
{
	static const char *const bad_values[] = {
	    "", "123", "01019907100081", "0101990 710008", "010199071000x"};
	char out[JMBG_MASK_BYTES];
	size_t i;

	for (i = 0; i < NELEM(bad_values); i++) {
		assert_int_equal(jmbg_mask(bad_values[i], out), -1);
		assert_string_equal(out, "•••••••••••••");
	}
	assert_int_equal(jmbg_mask(NULL, out), -1);
	assert_string_equal(out, "•••••••••••••");
}

/* A month's days, as the delivery grid's most of a unit counts them. */
static void
days_in_month_counts_leap_years(void **state)
{
	assert_int_equal(days_in_month(2026, 11), 30);
	assert_int_equal(days_in_month(2026, 12), 31);
	assert_int_equal(days_in_month(2026, 2), 28);
	assert_int_equal(days_in_month(2028, 2), 29);
	assert_int_equal(days_in_month(1900, 2), 28);
	assert_int_equal(days_in_month(2000, 2), 29);
}

/* Runs the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(valid_numbers_give_date_region_and_sex),
	    cmocka_unit_test(valid_number_gives_year_month_day),
	    cmocka_unit_test(wrong_numbers_name_the_wrong_part),
	    cmocka_unit_test(every_other_check_digit_is_refused),
	    cmocka_unit_test(check_digit_follows_the_formula),
	    cmocka_unit_test(null_is_a_wrong_length),
	    cmocka_unit_test(long_input_is_read_no_further_than_needed),
	    cmocka_unit_test(problems_have_message_keys),
	    cmocka_unit_test(mask_shows_the_date_only),
	    cmocka_unit_test(mask_hides_all_of_a_malformed_value),
	    cmocka_unit_test(days_in_month_counts_leap_years),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
