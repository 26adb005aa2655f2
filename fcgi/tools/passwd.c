/* SPDX-License-Identifier: ISC */
/*
 * passwd.c: karika-passwd prints the yescrypt hash of one password, as
 * the workers store it (pw.c).  For the demo accounts (scripts/stack) and
 * for an administrator's first account (karika-setup does it for you).
 *
 * On a terminal it asks twice, without echo, and refuses a password the
 * workers would refuse (pw_check: too short, too long, too common); from
 * a pipe it reads the password from standard input without a prompt, as
 * scripts do:
 *
 *   karika-passwd                          (asks)
 *   printf '%s' "$password" | karika-passwd
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "karika.h"

static struct termios tty_saved;
static volatile sig_atomic_t tty_changed;

/* Ctrl-C while echo is off: give the terminal its echo back, then go. */
static void
on_signal(int sig)
{
	if (tty_changed)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &tty_saved);
	_exit(130);
}

/*
 * Asks for a line on the terminal with echo off, into buf (size bytes,
 * NUL-terminated, the newline dropped).  Returns its length, or -1.
 */
static long
ask(const char *prompt, char *buf, size_t size)
{
	struct termios t;
	size_t n;
	char *ok;

	if (tcgetattr(STDIN_FILENO, &tty_saved) == -1)
		return -1;
	t = tty_saved;
	t.c_lflag &= ~(tcflag_t)ECHO;
	t.c_lflag |= ECHONL;
	fputs(prompt, stderr);
	fflush(stderr);
	if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) == -1)
		return -1;
	tty_changed = 1;
	ok = fgets(buf, (int)size, stdin);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &tty_saved);
	tty_changed = 0;
	if (ok == NULL)
		return -1;
	n = strlen(buf);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return (long)n;
}

/* The password from the terminal, asked twice and checked.  0 or 2. */
static int
from_tty(char *buf, size_t size)
{
	char again[PW_MAX_BYTES + 2];
	struct sigaction sa;
	long n;
	int rc = 2;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	if ((n = ask("Password: ", buf, size)) <= 0)
		goto out;
	if (!utf8_valid(buf, (size_t)n)) {
		fputs("karika-passwd: not UTF-8\n", stderr);
		goto out;
	}
	switch (pw_check(buf, NULL, NULL)) {
	case PW_OK:
		break;
	case PW_TOO_SHORT:
		fprintf(stderr, "karika-passwd: at least %d characters\n",
		    PW_MIN_CHARS);
		goto out;
	case PW_TOO_LONG:
		fprintf(
		    stderr, "karika-passwd: at most %d bytes\n", PW_MAX_BYTES);
		goto out;
	case PW_COMMON:
		fputs("karika-passwd: too common; choose another\n", stderr);
		goto out;
	}
	if (ask("Again: ", again, sizeof(again)) != n ||
	    strcmp(buf, again) != 0) {
		fputs("karika-passwd: the two differ\n", stderr);
		goto out;
	}
	rc = 0;
out:
	explicit_bzero(again, sizeof(again));
	return rc;
}

/* The password from a pipe or file: all of standard input.  0 or 2. */
static int
from_stdin(char *buf, size_t size)
{
	size_t n;

	n = fread(buf, 1, size - 1, stdin);
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	if (n == 0 || n > PW_MAX_BYTES || !utf8_valid(buf, n)) {
		fprintf(stderr,
		    "karika-passwd: give 1 to %d bytes of UTF-8 "
		    "on standard input\n",
		    PW_MAX_BYTES);
		return 2;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct arena *a;
	char buf[PW_MAX_BYTES + 2];
	const char *h;
	int rc;

	log_init("karika-passwd");
	if (argc > 1) {
		fputs("usage: karika-passwd  (asks on a terminal; "
		      "reads standard input from a pipe)\n",
		    stderr);
		return 2;
	}
	memset(buf, 0, sizeof(buf));
	rc = isatty(STDIN_FILENO) ? from_tty(buf, sizeof(buf))
				  : from_stdin(buf, sizeof(buf));
	if (rc != 0) {
		explicit_bzero(buf, sizeof(buf));
		return rc;
	}
	a = arena_new();
	h = pw_hash(a, buf);
	explicit_bzero(buf, sizeof(buf));
	if (h == NULL) {
		arena_free(a);
		return 1;
	}
	fprintf(stdout, "%s\n", h);
	arena_free(a);
	return 0;
}
