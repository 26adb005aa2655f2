/* SPDX-License-Identifier: ISC */
/*
 * quiz.h: the arithmetic of tests and certificates (quiz.c), without a
 * database or a request, so that tests/unit/test-quiz.c can work it:
 * drawing questions, scoring answers, the pass mark, validity dates
 * across month ends and leap years, the stage of a reminder, and the
 * certificate's verification code.
 */
#ifndef REGISTRY_QUIZ_H
#define REGISTRY_QUIZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define QUIZ_BANK_MAX	   500 /* questions in a course's bank */
#define QUIZ_DRAW_MAX	   100 /* questions in one attempt (course.draw) */
#define QUIZ_OPTIONS_MAX   12  /* options (or items) of one question */
#define QUIZ_CODE_LEN	   19  /* "k7m2-x9qa-4hw0-rtz3": 80 random bits */
#define QUIZ_GRACE_SECONDS 10  /* a submit in flight when the time ends */
#define QUIZ_REMIND_STAGES 3   /* e-mails 60, 30 and 7 days before */

/* A source of random bytes: fills n bytes of buf, returns 0 or -1. */
typedef int (*quiz_rand_fn)(void *, void *, size_t);

enum quiz_type {
	QUIZ_SINGLE,	/* one option is right */
	QUIZ_MULTIPLE,	/* exactly the right options, no wrong one */
	QUIZ_TRUEFALSE, /* the options "true" and "false" */
	QUIZ_MATCHING,	/* each item with its option */
	QUIZ__MAX
};

extern const char *const quiz_type_names[QUIZ__MAX];

/* A set of (item, option) pairs: a question's key, or what was chosen.
 * item is "" except for matching questions. */
struct quiz_pairs {
	size_t n;
	const char *item[QUIZ_OPTIONS_MAX];
	const char *option[QUIZ_OPTIONS_MAX];
};

extern const int quiz_remind_days[QUIZ_REMIND_STAGES];

/* A repeatable stream of random bytes (quiz_stream_rand). */
struct quiz_stream {
	uint64_t seed, subject;
	char purpose;
	uint32_t counter;
	size_t used;
	unsigned char block[32];
};

int quiz_getrandom(void *, void *, size_t);
int quiz_uniform(quiz_rand_fn, void *, uint32_t, uint32_t *);
int quiz_draw(size_t, size_t, size_t *, quiz_rand_fn, void *);
void quiz_stream_init(struct quiz_stream *, uint64_t, uint64_t, char);
int quiz_stream_rand(void *, void *, size_t);
int quiz_shuffle(size_t, size_t *, quiz_rand_fn, void *);
enum quiz_type quiz_type_from(const char *);
int quiz_pairs_add(struct quiz_pairs *, const char *, const char *);
bool quiz_correct(const struct quiz_pairs *, const struct quiz_pairs *);
bool quiz_passed(unsigned, unsigned, unsigned);
bool quiz_date_parse(const char *, int *, int *, int *);
int quiz_valid_to(const char *, int, char[11]);
int quiz_days(const char *, const char *, long *);
int quiz_stage(long);
int quiz_code(char[QUIZ_CODE_LEN + 1], quiz_rand_fn, void *);

#endif /* REGISTRY_QUIZ_H */
