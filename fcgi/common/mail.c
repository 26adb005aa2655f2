/* SPDX-License-Identifier: ISC */
/*
 * mail.c: the text of an e-mail, without any I/O but getrandom(2).  A
 * request never sends mail: it writes an outbox row, and karika-mailer
 * (fcgi/tools/mailer.c) drains the table.  The mailer checks the row, fills
 * the template's {placeholders} (mail_subst_new), and turns the result
 * into one RFC 5322 message (mail_build_new): CRLF line ends, the subject
 * as RFC 2047 encoded words (mail_words_new), the body as base64 text
 * (mail_base64_new), so that no byte of a user's name or of the catalogue
 * can reach the header section or the SMTP dialogue as such.
 *
 * The one check that guards the SMTP envelope is mail_addr_ok(): what it
 * accepts goes into RCPT TO and the To header verbatim.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <openssl/evp.h>

#include "mail.h"

/* "=?UTF-8?B?" and "?=": what an encoded word spends besides its text. */
#define MAIL_WORD_OVERHEAD_CHARS 12

/* 16 random bytes: a Message-ID that no two messages share. */
#define MAIL_MSGID_RANDOM_BYTES 16

/*
 * Bytes encoded per EVP_EncodeBlock call: a multiple of 3, so that only
 * the last call pads, and small enough for its int length.
 */
#define MAIL_B64_CHUNK_BYTES (3 * 4096)

/*
 * Encodes the n bytes at p in base64 (RFC 4648, with padding), with
 * libcrypto's EVP_EncodeBlock.  With wrap 0 the result is one line without
 * a line end; otherwise it is cut into lines of wrap characters
 * (MAIL_LINE_MAX_CHARS for a body, RFC 2045), each ending in CRLF, the
 * last one included.  Returns a new string; the caller frees it.
 */
char *
mail_base64_new(const void *p, size_t n, size_t wrap)
{
	const unsigned char *s = p;
	struct buf b;
	char *enc;
	size_t enclen, i, take, o = 0;

	if (n > SIZE_MAX / 4)
		abort();
	enclen = (n + 2) / 3 * 4;
	enc = xmalloc(enclen + 1);
	enc[0] = '\0';
	for (i = 0; i < n; i += take) {
		take =
		    n - i < MAIL_B64_CHUNK_BYTES ? n - i : MAIL_B64_CHUNK_BYTES;
		o += (size_t)EVP_EncodeBlock(
		    (unsigned char *)enc + o, s + i, (int)take);
	}
	assert(o == enclen);
	if (wrap == 0)
		return enc;
	buf_init(&b, BUF_NO_MAX);
	buf_grow(&b, enclen + (enclen / wrap + 1) * 2);
	for (i = 0; i < enclen; i += take) {
		take = enclen - i < wrap ? enclen - i : wrap;
		buf_add(&b, enc + i, take);
		buf_adds(&b, "\r\n");
	}
	free(enc);
	return buf_take(&b);
}

/*
 * Encodes the UTF-8 text as RFC 2047 "B" encoded words for an unstructured
 * header (Subject) or a display name, col being the characters already on
 * the first line ("Subject: " is 9).  Words are separated by CRLF and a
 * blank (folding white space, which a reader drops between two words), so
 * that no word is longer than MAIL_WORD_MAX_CHARS and no line longer than
 * MAIL_LINE_MAX_CHARS, as RFC 2047 section 2 requires.  A word never ends
 * inside a UTF-8 sequence: each word must decode to whole characters
 * (section 5).  Empty text gives "".  Returns a new string; the caller
 * frees it.
 */
char *
mail_words_new(const char *text, size_t col)
{
	struct buf b;
	size_t n = strlen(text), pos = 0, room, max, take;
	bool first = true;
	char *enc;

	/* Room on the first line for at least one 4-byte character. */
	assert(col <= MAIL_LINE_MAX_CHARS - MAIL_WORD_OVERHEAD_CHARS - 8);
	buf_init(&b, BUF_NO_MAX);
	while (pos < n) {
		room = first ? MAIL_LINE_MAX_CHARS - col : MAIL_WORD_MAX_CHARS;
		if (room > MAIL_WORD_MAX_CHARS)
			room = MAIL_WORD_MAX_CHARS;
		/* Whole base64 quanta only: 4 characters carry 3 bytes. */
		max = (room - MAIL_WORD_OVERHEAD_CHARS) / 4 * 3;
		take = n - pos < max ? n - pos : max;
		if (pos + take < n)
			while (take > 0 &&
			    ((unsigned char)text[pos + take] & 0xc0) == 0x80)
				take--;
		if (take == 0) /* not UTF-8 after all: cut anywhere */
			take = n - pos < max ? n - pos : max;
		if (!first)
			buf_adds(&b, "\r\n ");
		enc = mail_base64_new(text + pos, take, 0);
		buf_adds(&b, "=?UTF-8?B?");
		buf_adds(&b, enc);
		buf_adds(&b, "?=");
		free(enc);
		pos += take;
		first = false;
	}
	return buf_take(&b);
}

/*
 * Replaces each "{name}" in tmpl with the value of the parameter of that
 * name among the n in p.  A placeholder without a parameter stays as it
 * is, so that a typo shows in the mail instead of vanishing.  One pass:
 * text that a value brings in is never searched again, so a user named
 * "{link}" receives their name, not a link.  Returns a new string; the
 * caller frees it.
 */
char *
mail_subst_new(const char *tmpl, const struct mail_param *p, size_t n)
{
	struct buf b;
	const char *t = tmpl, *close;
	size_t i, len;
	bool done;

	buf_init(&b, BUF_NO_MAX);
	while (*t != '\0') {
		done = false;
		if (*t == '{' && (close = strchr(t + 1, '}')) != NULL) {
			len = (size_t)(close - t - 1);
			for (i = 0; i < n && !done; i++)
				if (strlen(p[i].name) == len &&
				    memcmp(p[i].name, t + 1, len) == 0) {
					buf_adds(&b, p[i].value);
					t = close + 1;
					done = true;
				}
		}
		if (!done)
			buf_addc(&b, *t++);
	}
	return buf_take(&b);
}

/*
 * True when a is one plain address, local@domain, that can go into RCPT TO
 * and the To header as it is: at most MAIL_ADDR_MAX_BYTES of printable
 * ASCII, exactly one '@' with text on both sides, no dot at either end of
 * either side, and none of the characters that would end or extend an
 * address in a header or an SMTP command: blanks, CR, LF and other
 * controls, and < > , ; : " ( ) [ ] \.  Quoted local parts and non-ASCII
 * addresses (which need SMTPUTF8) are refused: a confirmation mail to
 * them is not worth a second code path.
 */
bool
mail_addr_ok(const char *a)
{
	size_t n, i, at = 0, ats = 0;
	unsigned char c;

	if (a == NULL || (n = strlen(a)) == 0 || n > MAIL_ADDR_MAX_BYTES)
		return false;
	for (i = 0; i < n; i++) {
		c = (unsigned char)a[i];
		if (c <= ' ' || c >= 0x7f || strchr("<>,;:\"()[]\\", c) != NULL)
			return false;
		if (c == '@') {
			at = i;
			ats++;
		}
	}
	if (ats != 1 || at == 0 || at == n - 1)
		return false;
	if (a[0] == '.' || a[at - 1] == '.' || a[at + 1] == '.' ||
	    a[n - 1] == '.')
		return false;
	return true;
}

/* Copies the n bytes at s, without blanks at either end, into a new string. */
static char *
trim_dup(const char *s, size_t n)
{
	char *r;

	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	r = xmalloc(n + 1);
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

/*
 * Splits the configured sender, "Display Name <addr>" or "addr", into the
 * display name (possibly "", one pair of double quotes removed) and the
 * address, both new strings for the caller to free.  Returns false, with
 * nothing to free, when from holds a control character, the brackets are
 * wrong, or the address does not pass mail_addr_ok().
 */
static bool
from_split(const char *from, char **display, char **addr)
{
	const char *lt, *gt, *s;
	size_t n;

	*display = *addr = NULL;
	for (s = from; *s != '\0'; s++)
		if ((unsigned char)*s < ' ' || *s == 0x7f)
			return false;
	if ((lt = strchr(from, '<')) == NULL) {
		*display = xstrdup("");
		*addr = trim_dup(from, strlen(from));
	} else {
		gt = strchr(lt, '>');
		for (s = gt != NULL ? gt + 1 : lt; *s == ' '; s++)
			continue;
		if (gt == NULL || *s != '\0' || strchr(gt + 1, '>') != NULL)
			return false;
		*display = trim_dup(from, (size_t)(lt - from));
		*addr = trim_dup(lt + 1, (size_t)(gt - lt - 1));
		n = strlen(*display);
		if (n >= 2 && (*display)[0] == '"' &&
		    (*display)[n - 1] == '"') {
			memmove(*display, *display + 1, n - 2);
			(*display)[n - 2] = '\0';
		}
	}
	if (!mail_addr_ok(*addr)) {
		free(*display);
		free(*addr);
		*display = *addr = NULL;
		return false;
	}
	return true;
}

/*
 * The address part of the configured sender ("Karika <karika@localhost>"
 * gives "karika@localhost"): for MAIL FROM and the Message-ID's host.
 * Returns a new string for the caller to free, or NULL when from is
 * malformed (see from_split).
 */
char *
mail_from_addr_new(const char *from)
{
	char *display, *addr;

	if (!from_split(from, &display, &addr))
		return NULL;
	free(display);
	return addr;
}

/*
 * True when a display name can go into the From header as it is: letters,
 * digits, blanks and RFC 5322 atext, which needs neither quoting nor
 * encoding ('=' and '?' are left out, so that nothing looks like an
 * encoded word).
 */
static bool
display_plain(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
			(*s >= '0' && *s <= '9') ||
			strchr(" !#$%&'*+-/^_`{|}~", *s) != NULL))
			return false;
	return true;
}

/*
 * Writes t as an RFC 5322 date in UTC, "Tue, 01 Jul 2025 09:05:00 +0000",
 * into buf (MAIL_DATE_MAX_BYTES is enough).  The day and month names come
 * from our own tables, not strftime's %a and %b, which follow LC_TIME.
 * Returns 0, or -1 when t cannot be converted or buf is too small.
 */
int
mail_date(time_t t, char *buf, size_t size)
{
	static const char *const day[7] = {
	    "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct tm tm;
	int n;

	if (gmtime_r(&t, &tm) == NULL || tm.tm_wday < 0 || tm.tm_wday > 6 ||
	    tm.tm_mon < 0 || tm.tm_mon > 11)
		return -1;
	n = snprintf(buf, size, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    day[tm.tm_wday], tm.tm_mday, mon[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (n < 0 || (size_t)n >= size)
		return -1;
	return 0;
}

/*
 * A new Message-ID, "<32 hex digits@host>", the host taken from the
 * configured sender's address and the digits from getrandom(2), so that
 * the ID tells nothing about the message or the time.  Returns a new
 * string for the caller to free, or NULL (logged) when from is malformed
 * or the kernel gives no random bytes.
 */
char *
mail_msgid_new(const char *from)
{
	unsigned char rnd[MAIL_MSGID_RANDOM_BYTES];
	char *addr = NULL, *id = NULL, digits[2 * MAIL_MSGID_RANDOM_BYTES + 1];
	struct buf b;

	if ((addr = mail_from_addr_new(from)) == NULL) {
		LOGE("mail.from is not a valid sender");
		goto out;
	}
	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd)) {
		LOGE("getrandom failed");
		goto out;
	}
	hex_encode(rnd, sizeof(rnd), digits);
	buf_init(&b, BUF_NO_MAX);
	buf_printf(&b, "<%s@%s>", digits, strrchr(addr, '@') + 1);
	id = buf_take(&b);
out:
	explicit_bzero(rnd, sizeof(rnd));
	free(addr);
	return id;
}

/*
 * Seconds to wait before the next try of a message that has failed
 * attempts times before this failure: 30, 60, 120, ... and at most an hour
 * (MAIL_BACKOFF_*), so that a server that is down for a while is not
 * hammered and a message still goes out soon after it is back.
 */
int64_t
mail_backoff_seconds(int64_t attempts)
{
	int64_t v = MAIL_BACKOFF_BASE_SECONDS, i;

	for (i = 0; i < attempts && v < MAIL_BACKOFF_MAX_SECONDS; i++)
		v *= 2;
	return v < MAIL_BACKOFF_MAX_SECONDS ? v : MAIL_BACKOFF_MAX_SECONDS;
}

/*
 * The subject as one line: controls (a catalogue's line breaks, a stray
 * tab) become blanks, and blanks at either end go.  A new string.
 */
static char *
one_line_dup(const char *s)
{
	char *r, *p;

	r = trim_dup(s, strlen(s));
	for (p = r; *p != '\0'; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = ' ';
	p = trim_dup(r, strlen(r));
	free(r);
	return p;
}

/*
 * The body in canonical form (RFC 2045 section 6.8: text is encoded with
 * CRLF line ends): LF, CR and CRLF all become CRLF, white space at either
 * end goes (a catalogue entry may start on a new line), and a non-empty
 * body ends with CRLF.  A new string.
 */
static char *
crlf_dup(const char *s)
{
	struct buf b;
	size_t n = strlen(s);

	while (n > 0 && strchr(" \t\r\n", s[n - 1]) != NULL)
		n--;
	while (n > 0 && strchr(" \t\r\n", *s) != NULL) {
		s++;
		n--;
	}
	buf_init(&b, BUF_NO_MAX);
	for (; n > 0; s++, n--) {
		if (*s == '\r' && n > 1 && s[1] == '\n')
			continue;
		if (*s == '\r' || *s == '\n')
			buf_adds(&b, "\r\n");
		else
			buf_addc(&b, *s);
	}
	if (b.len > 0)
		buf_adds(&b, "\r\n");
	return buf_take(&b);
}

/*
 * Appends the From header for the sender from to b: "addr", or "Display
 * <addr>" with a display name that is not plain ASCII (display_plain) as
 * encoded words, the address folded onto its own line when the last line
 * would pass MAIL_LINE_MAX_CHARS.  Returns false when from is malformed.
 */
static bool
add_from(struct buf *b, const char *from)
{
	char *display = NULL, *addr = NULL, *words = NULL;
	const char *last;
	size_t col;

	if (!from_split(from, &display, &addr))
		return false;
	buf_adds(b, "From: ");
	if (*display == '\0')
		buf_adds(b, addr);
	else {
		if (display_plain(display))
			buf_adds(b, display);
		else {
			words = mail_words_new(display, strlen("From: "));
			buf_adds(b, words);
		}
		last = b->p + b->len;
		while (last > b->p && !(last[-1] == '\n'))
			last--;
		col = (size_t)(b->p + b->len - last);
		if (words != NULL &&
		    col + strlen(addr) + 3 > MAIL_LINE_MAX_CHARS)
			buf_adds(b, "\r\n");
		buf_adds(b, " <");
		buf_adds(b, addr);
		buf_adds(b, ">");
	}
	buf_adds(b, "\r\n");
	free(words);
	free(display);
	free(addr);
	return true;
}

/*
 * Builds the whole message m as sent over SMTP: the header section (From,
 * To, Subject, Date, Message-ID, MIME-Version, Content-Type,
 * Content-Transfer-Encoding), a blank line, and the body in base64 lines
 * of MAIL_LINE_MAX_CHARS, every line ending in CRLF.  Only the sender's
 * plain display name, the addresses and the Message-ID appear as they are,
 * and each is checked here; the subject and the body, which carry a
 * user's name, are encoded.  Returns a new string of *len bytes for the
 * caller to free, or NULL when the sender, the recipient or the
 * Message-ID is malformed.
 */
char *
mail_build_new(const struct mail_msg *m, size_t *len)
{
	struct buf b;
	char *subject = NULL, *words = NULL, *body = NULL, *b64 = NULL;
	char *ret = NULL, date[MAIL_DATE_MAX_BYTES];
	const char *s;

	buf_init(&b, BUF_NO_MAX);
	*len = 0;
	if (!mail_addr_ok(m->to) ||
	    mail_date(m->date, date, sizeof(date)) == -1 ||
	    m->msgid[0] != '<' || m->msgid[strlen(m->msgid) - 1] != '>')
		goto out;
	for (s = m->msgid; *s != '\0'; s++)
		if (*s <= ' ' || *s >= 0x7f)
			goto out;
	if (!add_from(&b, m->from))
		goto out;
	buf_adds(&b, "To: ");
	buf_adds(&b, m->to);
	buf_adds(&b, "\r\nSubject:");
	subject = one_line_dup(m->subject);
	words = mail_words_new(subject, strlen("Subject: "));
	if (*words != '\0') {
		buf_adds(&b, " ");
		buf_adds(&b, words);
	}
	buf_adds(&b, "\r\nDate: ");
	buf_adds(&b, date);
	buf_adds(&b, "\r\nMessage-ID: ");
	buf_adds(&b, m->msgid);
	buf_adds(&b,
	    "\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "\r\n");
	body = crlf_dup(m->body);
	b64 = mail_base64_new(body, strlen(body), MAIL_LINE_MAX_CHARS);
	buf_adds(&b, b64);
	*len = b.len;
	ret = buf_take(&b);
out:
	buf_release(&b);
	free(b64);
	free(body);
	free(words);
	free(subject);
	return ret;
}
