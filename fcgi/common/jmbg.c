/* SPDX-License-Identifier: ISC */
/*
 * jmbg.c: the 13-digit personal number of Serbia, BiH and the other
 * ex-Yugoslav states (JMBG, JMB in BiH), DOMAIN.md "Personal numbers":
 * DD MM YYY RR BBB K.  A form calls jmbg_check() on the typed value and
 * shows the message key of the part that is wrong (jmbg_problem_key), with
 * the input kept; on success it has the birth date and sex the number
 * encodes, to compare with what was typed.  Pages show the number through
 * jmbg_mask() except to CSW workers.  Nothing here allocates, logs or
 * keeps its input: a JMBG is personal data and never reaches a log.
 *
 * The region (RR) is parsed but not refused: the allocation differs
 * between the successor states, numbers from 00 to 99 exist, and turning
 * away a real person's number is worse than accepting a typo that the
 * check digit almost always catches.
 */
#include <string.h>
#include <time.h>

#include "karika.h"

/* The weights of DOMAIN's check-digit formula for a1..a6 (and a7..a12). */
static const int weights[6] = {7, 6, 5, 4, 3, 2};

/* Days in month m (1..12) of year y, Gregorian. */
int
days_in_month(int y, int m)
{
	static const int days[12] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* The decimal value of n digits at s (already known to be digits). */
static int
digits_value(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/*
 * True when y-m-d lies after tomorrow (UTC): a birth date cannot.  One
 * day of slack, because a child born just after midnight in Belgrade is
 * born "tomorrow" in UTC for an hour or two.
 */
static bool
date_in_future(int y, int m, int d)
{
	struct tm tm;
	time_t now = time(NULL) + 24 * 3600;

	if (gmtime_r(&now, &tm) == NULL)
		return false;
	if (y != tm.tm_year + 1900)
		return y > tm.tm_year + 1900;
	if (m != tm.tm_mon + 1)
		return m > tm.tm_mon + 1;
	return d > tm.tm_mday;
}

/*
 * The check digit K for the first twelve characters of s, which must be
 * ASCII digits: DOMAIN's m = 11 - (sum mod 11), K = m for m in 1..9 and 0
 * for 10 or 11.  Returns 0..9, or -1 when s has fewer than twelve digits
 * at its start.  Used by jmbg_check, and by tests and tools that make
 * valid numbers.
 */
int
jmbg_check_digit(const char *s)
{
	int sum = 0, m;
	size_t i;

	if (s == NULL)
		return -1;
	for (i = 0; i < 12; i++)
		if (s[i] < '0' || s[i] > '9')
			return -1;
	for (i = 0; i < 6; i++)
		sum += weights[i] * ((s[i] - '0') + (s[i + 6] - '0'));
	m = 11 - sum % 11;
	return m >= 10 ? 0 : m;
}

/*
 * Checks s as a JMBG and, when info is not NULL, fills *info with what
 * it encodes.  The parts are checked in the order a person reads them, so
 * the first wrong part is the one named:
 *   JMBG_DIGITS    a character that is not an ASCII digit (spaces and
 *                  dashes too: the form trims, the number has none);
 *   JMBG_LENGTH    digits only, but not thirteen of them;
 *   JMBG_DATE      DD MM YYY is no real date, a year whose YYY starts
 *                  with 1 to 8 (only 9xx -> 19xx and 0xx -> 20xx exist),
 *                  or a date after tomorrow;
 *   JMBG_CHECKSUM  K is not the check digit of the first twelve.
 * Reads at most JMBG_LEN + 1 bytes of s, so a long input costs nothing.
 * A NULL s is JMBG_LENGTH.  *info is only written on JMBG_OK.
 */
enum jmbg_problem
jmbg_check(const char *s, struct jmbg_info *info)
{
	size_t n;
	int d, m, y, yyy, k;

	if (s == NULL)
		return JMBG_LENGTH;
	for (n = 0; n <= JMBG_LEN && s[n] != '\0'; n++)
		if (s[n] < '0' || s[n] > '9')
			return JMBG_DIGITS;
	if (n != JMBG_LEN)
		return JMBG_LENGTH;

	d = digits_value(s, 2);
	m = digits_value(s + 2, 2);
	yyy = digits_value(s + 4, 3);
	if (yyy >= 900)
		y = 1000 + yyy;
	else if (yyy < 100)
		y = 2000 + yyy;
	else
		return JMBG_DATE;
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m) ||
	    date_in_future(y, m, d))
		return JMBG_DATE;

	k = jmbg_check_digit(s);
	if (k != s[12] - '0')
		return JMBG_CHECKSUM;

	if (info != NULL) {
		info->year = y;
		info->month = m;
		info->day = d;
		info->region = digits_value(s + 7, 2);
		info->serial = digits_value(s + 9, 3);
		info->female = info->serial >= 500;
		info->sex = info->female ? "female" : "male";
		/* Four, two and two digits: always 10 bytes and a NUL. */
		info->birth[0] = (char)('0' + y / 1000);
		info->birth[1] = (char)('0' + y / 100 % 10);
		info->birth[2] = (char)('0' + y / 10 % 10);
		info->birth[3] = (char)('0' + y % 10);
		info->birth[4] = '-';
		memcpy(info->birth + 5, s + 2, 2);
		info->birth[7] = '-';
		memcpy(info->birth + 8, s, 2);
		info->birth[10] = '\0';
	}
	return JMBG_OK;
}

/*
 * The message-catalogue key that tells a person which part of the number
 * is wrong ("jmbg.date"), or NULL for JMBG_OK.  Static strings.
 */
const char *
jmbg_problem_key(enum jmbg_problem p)
{
	static const char *const keys[JMBG__MAX] = {
	    NULL,	     /* JMBG_OK */
	    "jmbg.length",   /* JMBG_LENGTH */
	    "jmbg.digits",   /* JMBG_DIGITS */
	    "jmbg.date",     /* JMBG_DATE */
	    "jmbg.checksum", /* JMBG_CHECKSUM */
	};

	return (unsigned)p < JMBG__MAX ? keys[p] : NULL;
}

/*
 * Writes the number as pages show it to those who may not see it whole:
 * the seven digits of the birth date, then a bullet (U+2022) for each of
 * the six that identify, e.g. "0101990••••••".  out holds
 * JMBG_MASK_BYTES (room for thirteen bullets).  Anything that is not thirteen
 * digits is shown as thirteen bullets, so a malformed stored value leaks
 * nothing either. Returns 0, or -1 for such a malformed value.
 */
int
jmbg_mask(const char *s, char out[JMBG_MASK_BYTES])
{
	static const char bullet[] = "\xe2\x80\xa2";
	size_t n, shown, i, o = 0;

	for (n = 0; s != NULL && n <= JMBG_LEN && s[n] >= '0' && s[n] <= '9';
	     n++)
		;
	shown = (n == JMBG_LEN && s[n] == '\0') ? 7 : 0;
	for (i = 0; i < shown; i++)
		out[o++] = s[i];
	for (; i < JMBG_LEN; i++) {
		memcpy(out + o, bullet, 3);
		o += 3;
	}
	out[o] = '\0';
	return shown ? 0 : -1;
}
