/* SPDX-License-Identifier: ISC */
/*
 * quiz.c: the arithmetic of tests and certificates (issue 16), kept apart
 * from the handlers (test.c, professional.c) and from the daily job
 * (fcgi/tools/training.c) so that tests/unit/test-quiz.c can work it.
 *
 * Drawing: a partial Fisher-Yates shuffle of the bank's indices with
 * numbers from getrandom(2), each made uniform by rejection, so that an
 * attempt never holds a question twice and every question is equally
 * likely.  Showing: each question's options (and a matching question's
 * items) in an order of their own per attempt, a full shuffle from a
 * stream seeded with the attempt's secret, so that the page never shows
 * the bank's order (where a matching question's item n goes with option
 * n) and a reload shows the same order.  Scoring: a question is right
 * when the set of (item, option) pairs chosen is exactly its key's (one
 * option for single and true or false questions, every right option and
 * no wrong one for multiple choice, every item with its option for
 * matching).  Dates: a
 * certificate issued on a day is valid for whole months, through the day
 * before the same day of the month so many months on; where that month
 * has no such day, through its last day (29 February plus a year is valid
 * through 28 February: validity is never cut short by a short month).
 */
#include <string.h>
#include <sys/random.h>

#include <openssl/evp.h>

#include "quiz.h"

const char *const quiz_type_names[QUIZ__MAX] = {
    "single",	 /* QUIZ_SINGLE */
    "multiple",	 /* QUIZ_MULTIPLE */
    "truefalse", /* QUIZ_TRUEFALSE */
    "matching",	 /* QUIZ_MATCHING */
};

/* Days before a lapse on which the worker is reminded, latest last. */
const int quiz_remind_days[QUIZ_REMIND_STAGES] = {60, 30, 7};

/* The default source of randomness: getrandom(2), all n bytes or -1. */
int
quiz_getrandom(void *arg, void *buf, size_t n)
{
	(void)arg;
	return getrandom(buf, n, 0) == (ssize_t)n ? 0 : -1;
}

/*
 * A number in [0, bound) from rnd, without modulo bias: draws of 32 bits
 * in the largest multiple of bound are kept, the rest drawn again.
 * Returns 0, or -1 when bound is 0 or the source fails.
 */
int
quiz_uniform(quiz_rand_fn rnd, void *arg, uint32_t bound, uint32_t *out)
{
	uint32_t v, limit;
	int tries;

	if (bound == 0)
		return -1;
	limit = UINT32_MAX - (uint32_t)(((uint64_t)UINT32_MAX + 1) % bound);
	/* The chance of a rejection is under one half: 64 tries fail with
	 * probability below 2^-64 unless the source is broken. */
	for (tries = 0; tries < 64; tries++) {
		if (rnd(arg, &v, sizeof(v)) == -1)
			return -1;
		if (v <= limit) {
			*out = v % bound;
			return 0;
		}
	}
	return -1;
}

/*
 * Draws k of the indices 0..nbank-1 into out[] (room for k), each at most
 * once, in random order.  k larger than the bank is the whole bank.
 * Returns how many were drawn, or -1 (a bank over QUIZ_BANK_MAX, a
 * draw over QUIZ_DRAW_MAX, a failing source).
 */
int
quiz_draw(size_t nbank, size_t k, size_t *out, quiz_rand_fn rnd, void *arg)
{
	size_t idx[QUIZ_BANK_MAX];
	size_t i, t;
	uint32_t j;

	if (nbank > QUIZ_BANK_MAX || k > QUIZ_DRAW_MAX)
		return -1;
	if (k > nbank)
		k = nbank;
	for (i = 0; i < nbank; i++)
		idx[i] = i;
	for (i = 0; i < k; i++) {
		if (quiz_uniform(rnd, arg, (uint32_t)(nbank - i), &j) == -1)
			return -1;
		t = idx[i];
		idx[i] = idx[i + j];
		idx[i + j] = t;
		out[i] = idx[i];
	}
	return (int)k;
}

/*
 * A repeatable source of random bytes (a quiz_rand_fn; arg a struct
 * quiz_stream): SHA-256 of (seed, subject, purpose, counter) block after
 * block.  Seeded with an attempt's secret (test_attempt.shuffle, from
 * getrandom(2)) and a question's id, it shuffles that question's options
 * the same way at every reload of the attempt, and differently in
 * another attempt; nobody without the seed can tell the order from the
 * bank's.  Returns 0, or -1 when the digest fails.
 */
int
quiz_stream_rand(void *arg, void *buf, size_t n)
{
	struct quiz_stream *s = arg;
	unsigned char in[8 + 8 + 1 + 4], *b = buf;
	unsigned int mdlen;
	size_t i;

	while (n > 0) {
		if (s->used == sizeof(s->block)) {
			for (i = 0; i < 8; i++) {
				in[i] = (unsigned char)(s->seed >> (8 * i));
				in[8 + i] =
				    (unsigned char)(s->subject >> (8 * i));
			}
			in[16] = (unsigned char)s->purpose;
			for (i = 0; i < 4; i++)
				in[17 + i] =
				    (unsigned char)(s->counter >> (8 * i));
			if (EVP_Digest(in, sizeof(in), s->block, &mdlen,
				EVP_sha256(), NULL) != 1 ||
			    mdlen != sizeof(s->block))
				return -1;
			s->counter++;
			s->used = 0;
		}
		*b++ = s->block[s->used++];
		n--;
	}
	return 0;
}

/* Starts s: the stream of (seed, subject, purpose) from its first byte. */
void
quiz_stream_init(
    struct quiz_stream *s, uint64_t seed, uint64_t subject, char purpose)
{
	memset(s, 0, sizeof(*s));
	s->seed = seed;
	s->subject = subject;
	s->purpose = purpose;
	s->used = sizeof(s->block);
}

/*
 * A uniform random order of n things (n at most QUIZ_OPTIONS_MAX) into
 * perm[]: a full Fisher-Yates shuffle (quiz_draw of all n), perm[i] the
 * index of the thing shown ith.  Returns 0, or -1 (n too large, a failing
 * source).
 */
int
quiz_shuffle(size_t n, size_t *perm, quiz_rand_fn rnd, void *arg)
{
	if (n > QUIZ_OPTIONS_MAX)
		return -1;
	if (n == 0)
		return 0;
	return quiz_draw(n, n, perm, rnd, arg) == (int)n ? 0 : -1;
}

/* The type named s (test_question.type), or QUIZ__MAX. */
enum quiz_type
quiz_type_from(const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < QUIZ__MAX; i++)
		if (strcmp(s, quiz_type_names[i]) == 0)
			return (enum quiz_type)i;
	return QUIZ__MAX;
}

/*
 * Adds (item, option) to p unless it holds it already; item NULL is "".
 * The strings are borrowed.  Returns 0, or -1 when p is full.
 */
int
quiz_pairs_add(struct quiz_pairs *p, const char *item, const char *option)
{
	size_t i;

	if (item == NULL)
		item = "";
	for (i = 0; i < p->n; i++)
		if (strcmp(p->item[i], item) == 0 &&
		    strcmp(p->option[i], option) == 0)
			return 0;
	if (p->n == QUIZ_OPTIONS_MAX)
		return -1;
	p->item[p->n] = item;
	p->option[p->n] = option;
	p->n++;
	return 0;
}

/* True when b holds the pair (item, option). */
static bool
pairs_have(const struct quiz_pairs *b, const char *item, const char *option)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (strcmp(b->item[i], item) == 0 &&
		    strcmp(b->option[i], option) == 0)
			return true;
	return false;
}

/*
 * True when what was chosen is exactly the key: the same pairs, none
 * missing, none more (both without repeats: quiz_pairs_add).  A key
 * without pairs is never answered right: a question nobody can get
 * right must not pass anyone.
 */
bool
quiz_correct(const struct quiz_pairs *key, const struct quiz_pairs *given)
{
	size_t i;

	if (key->n == 0 || key->n != given->n)
		return false;
	for (i = 0; i < key->n; i++)
		if (!pairs_have(given, key->item[i], key->option[i]))
			return false;
	return true;
}

/* True when score of total reaches pass_percent (in whole percent). */
bool
quiz_passed(unsigned score, unsigned total, unsigned pass_percent)
{
	if (total == 0 || score > total)
		return false;
	return (uint64_t)score * 100 >= (uint64_t)pass_percent * total;
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int d[12] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Parses YYYY-MM-DD (a real date, years 1900-9999).  True on success. */
bool
quiz_date_parse(const char *s, int *y, int *m, int *d)
{
	int i;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return *y >= 1900 && *m >= 1 && *m <= 12 && *d >= 1 &&
	    *d <= month_days(*y, *m);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long
days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/*
 * The last valid day of a certificate (or licence) issued on issued
 * (YYYY-MM-DD) for months months: the day before the same day months on,
 * or the last day of that month when it has no such day.  2026-03-15
 * for 12 months is valid through 2027-03-14; 2024-02-29 for 12 months
 * through 2025-02-28; 2026-01-31 for 1 month through 2026-02-28;
 * 2023-02-28 for 12 months through 2024-02-27.  Returns 0, or -1 for a
 * bad date or months outside 1..1200.
 */
int
quiz_valid_to(const char *issued, int months, char out[11])
{
	int y, m, d, ny, nm, nd;
	long z;

	if (!quiz_date_parse(issued, &y, &m, &d) || months < 1 || months > 1200)
		return -1;
	nm = m - 1 + months;
	ny = y + nm / 12;
	nm = nm % 12 + 1;
	if (d > month_days(ny, nm))
		z = days_from_civil(ny, nm, month_days(ny, nm));
	else
		z = days_from_civil(ny, nm, d) - 1;
	civil_from_days(z, &ny, &nm, &nd);
	if (ny > 9999)
		return -1;
	out[0] = (char)('0' + ny / 1000);
	out[1] = (char)('0' + ny / 100 % 10);
	out[2] = (char)('0' + ny / 10 % 10);
	out[3] = (char)('0' + ny % 10);
	out[4] = '-';
	out[5] = (char)('0' + nm / 10);
	out[6] = (char)('0' + nm % 10);
	out[7] = '-';
	out[8] = (char)('0' + nd / 10);
	out[9] = (char)('0' + nd % 10);
	out[10] = '\0';
	return 0;
}

/* *out = to - from in days (negative when to is earlier).  0 or -1. */
int
quiz_days(const char *from, const char *to, long *out)
{
	int y1, m1, d1, y2, m2, d2;

	if (!quiz_date_parse(from, &y1, &m1, &d1) ||
	    !quiz_date_parse(to, &y2, &m2, &d2))
		return -1;
	*out = days_from_civil(y2, m2, d2) - days_from_civil(y1, m1, d1);
	return 0;
}

/*
 * The reminder due when days_left days remain of a certificate or
 * licence (0: the last valid day): 60, 30 or 7, the nearest stage not yet
 * passed; 0 when it is further than 60 days or already lapsed.
 */
int
quiz_stage(long days_left)
{
	int i;

	if (days_left < 0)
		return 0;
	for (i = QUIZ_REMIND_STAGES - 1; i >= 0; i--)
		if (days_left <= quiz_remind_days[i])
			return quiz_remind_days[i];
	return 0;
}

/*
 * A verification code: 16 characters of Crockford's base-32 alphabet in
 * lower case (no i, l, o, u: nothing to misread), 80 random bits, in four
 * groups of four: "k7m2-x9qa-4hw0-rtz3".  Returns 0, or -1 when the source
 * fails.
 */
int
quiz_code(char out[QUIZ_CODE_LEN + 1], quiz_rand_fn rnd, void *arg)
{
	static const char abc[] = "0123456789abcdefghjkmnpqrstvwxyz";
	unsigned char b[16];
	size_t i, o = 0;

	if (rnd(arg, b, sizeof(b)) == -1)
		return -1;
	for (i = 0; i < 16; i++) {
		if (i > 0 && i % 4 == 0)
			out[o++] = '-';
		out[o++] = abc[b[i] & 31];
	}
	out[o] = '\0';
	memset(b, 0, sizeof(b));
	return 0;
}
