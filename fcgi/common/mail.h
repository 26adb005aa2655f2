/* SPDX-License-Identifier: ISC */
/*
 * mail.h: the pure half of karika-mailer (fcgi/common/mail.c), kept apart
 * so that tests/unit/test-mail.c can reach it without a database or an
 * SMTP server.  Only the mailer and that test include it; workers queue
 * mail through outbox_add (karika.h) and never build a message.
 *
 * Contract: every function here takes NUL-terminated UTF-8 that the
 * caller has already checked (utf8_valid, text_clean), never fails except
 * where it says so, and returns new memory that the caller frees with
 * free().  Out of memory aborts (xmalloc).
 */
#ifndef KARIKA_MAIL_H
#define KARIKA_MAIL_H

#include "karika.h"

/* --- mail.c: e-mail text: RFC 5322 message, RFC 2047 words, base64 --- */

#define MAIL_ADDR_MAX_BYTES	  254 /* RFC 5321 path; outbox.to_addr */
#define MAIL_LINE_MAX_CHARS	  76  /* base64 lines; lines with words */
#define MAIL_WORD_MAX_CHARS	  75  /* one RFC 2047 encoded word */
#define MAIL_BACKOFF_BASE_SECONDS 30
#define MAIL_BACKOFF_MAX_SECONDS  3600
#define MAIL_DATE_MAX_BYTES	  40 /* "Thu, 01 Jan 1970 00:00:00 +0000" */

/* A {name} placeholder (name without the braces) and its value. */
struct mail_param {
	const char *name;
	const char *value;
};

/* What mail_build_new() needs; every string borrowed. */
struct mail_msg {
	const char *from;    /* "Display Name <addr>" or "addr" */
	const char *to;	     /* one address, passes mail_addr_ok() */
	const char *subject; /* UTF-8, one line (controls become blanks) */
	const char *body;    /* UTF-8, LF or CRLF line ends */
	const char *msgid;   /* "<...@...>", from mail_msgid_new() */
	time_t date;
};

char *mail_base64_new(const void *, size_t, size_t);
char *mail_words_new(const char *, size_t);
char *mail_subst_new(const char *, const struct mail_param *, size_t);
bool mail_addr_ok(const char *);
char *mail_from_addr_new(const char *);
int mail_date(time_t, char *, size_t);
char *mail_msgid_new(const char *);
int64_t mail_backoff_seconds(int64_t);
char *mail_build_new(const struct mail_msg *, size_t *);

#endif /* KARIKA_MAIL_H */
