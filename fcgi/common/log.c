/* SPDX-License-Identifier: ISC */
/*
 * log.c: the one logger.  Lines go to stderr, which the supervisor
 * (scripts/stack, systemd) collects.  A line names the program and the
 * function that failed; it never carries personal data: no names, JMBG,
 * answers, tokens or passwords (STYLE 3.14).
 */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "karika.h"

static const char *log_prog = "karika";

/* Sets the program name printed on every line; the string is kept. */
void
log_init(const char *prog)
{
	log_prog = prog;
}

static void
log_line(const char *level, const char *func, const char *fmt, va_list ap)
{
	char buf[2048];
	struct timespec ts;
	struct tm tm;
	char when[32];
	int n;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	n = snprintf(buf, sizeof(buf), "%s %s[%d] %s: %s%s", when, log_prog,
	    (int)getpid(), level, func != NULL ? func : "",
	    func != NULL ? ": " : "");
	if (n < 0 || (size_t)n >= sizeof(buf))
		n = 0;
	vsnprintf(buf + n, sizeof(buf) - (size_t)n, fmt, ap);
	fprintf(stderr, "%s\n", buf);
}

/* Logs an error at its point of failure; call it through LOGE(). */
void
log_err(const char *func, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("error", func, fmt, ap);
	va_end(ap);
}

/* Logs an event: start-up, a request's outcome. */
void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("info", NULL, fmt, ap);
	va_end(ap);
}
