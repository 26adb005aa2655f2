/* SPDX-License-Identifier: ISC */
/*
 * test-mail.c: the text karika-mailer sends (fcgi/common/mail.c): base64,
 * RFC 2047 subjects, {placeholders}, the address check that guards the
 * SMTP envelope, and the whole message.  The encoders are checked by
 * decoding their output again with the small decoder below.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "mail.h"

#define TEST_BUF_BYTES 4096

/* The value of one base64 character, or -1. */
static int
b64val(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/*
 * Decodes n characters of base64 at s (CR and LF skipped) onto the end of
 * out, which holds *len bytes of TEST_BUF_BYTES; fails the test on a
 * character that is not base64 or a bad length.
 */
static void
b64_decode(const char *s, size_t n, char *out, size_t *len)
{
	uint32_t v = 0;
	size_t i, k = 0, pad = 0;
	int x;

	for (i = 0; i < n; i++) {
		if (s[i] == '\r' || s[i] == '\n')
			continue;
		if (s[i] == '=') {
			pad++;
			x = 0;
		} else {
			assert_int_equal(pad, 0);
			x = b64val(s[i]);
			assert_true(x >= 0);
		}
		v = v << 6 | (uint32_t)x;
		if (++k == 4) {
			assert_true(*len + 3 < TEST_BUF_BYTES);
			out[(*len)++] = (char)(v >> 16);
			if (pad < 2)
				out[(*len)++] = (char)(v >> 8);
			if (pad < 1)
				out[(*len)++] = (char)v;
			k = 0;
			v = 0;
		}
	}
	assert_int_equal(k, 0);
	out[*len] = '\0';
}

/*
 * Decodes a header value made of encoded words separated by folding white
 * space into out; checks each word's length (at most 75), that each one
 * decodes to whole UTF-8 characters, and that each line is at most 76
 * characters counting first_col on the first.  Returns the word count.
 */
static size_t
words_decode(const char *v, size_t first_col, char *out)
{
	char one[TEST_BUF_BYTES];
	const char *end;
	size_t len = 0, onelen, words = 0, col = first_col;

	out[0] = '\0';
	while (*v != '\0') {
		if (*v == ' ') {
			v++;
			col++;
			continue;
		}
		if (v[0] == '\r' && v[1] == '\n') {
			assert_true(col <= MAIL_LINE_MAX_CHARS);
			assert_int_equal(
			    v[2], ' '); /* folding, not a new field */
			v += 2;
			col = 0;
			continue;
		}
		assert_memory_equal(v, "=?UTF-8?B?", 10);
		end = strstr(v + 10, "?=");
		assert_non_null(end);
		assert_true((size_t)(end + 2 - v) <= MAIL_WORD_MAX_CHARS);
		onelen = 0;
		b64_decode(v + 10, (size_t)(end - v - 10), one, &onelen);
		assert_true(utf8_valid(one, onelen));
		assert_true(len + onelen < TEST_BUF_BYTES);
		memcpy(out + len, one, onelen);
		len += onelen;
		out[len] = '\0';
		col += (size_t)(end + 2 - v);
		v = end + 2;
		words++;
	}
	assert_true(col <= MAIL_LINE_MAX_CHARS);
	return words;
}

/*
 * Copies the value of header name (unfolded lines included, CRLF kept)
 * from the message msg into out; fails the test if it is missing.
 */
static void
header_value(const char *msg, const char *name, char *out)
{
	const char *s, *e, *body;
	size_t n = strlen(name);

	body = strstr(msg, "\r\n\r\n");
	assert_non_null(body);
	for (s = msg; s < body; s = strstr(s, "\r\n") + 2)
		if (strncmp(s, name, n) == 0 && s[n] == ':')
			break;
	assert_true(s < body);
	s += n + 1;
	if (*s == ' ')
		s++;
	for (e = s; !(e[0] == '\r' && e[1] == '\n' && e[2] != ' '); e++)
		continue;
	memcpy(out, s, (size_t)(e - s));
	out[e - s] = '\0';
}

static void
base64_matches_rfc4648_vectors(void **state)
{
	static const char *const in[] = {
	    "", "f", "fo", "foo", "foob", "fooba", "foobar"};
	static const char *const out[] = {
	    "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
	size_t i;
	char *s;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		s = mail_base64_new(in[i], strlen(in[i]), 0);
		assert_string_equal(s, out[i]);
		free(s);
	}
}

static void
base64_encodes_every_byte_value(void **state)
{
	unsigned char in[256];
	char out[TEST_BUF_BYTES], *s;
	size_t i, len = 0;

	for (i = 0; i < sizeof(in); i++)
		in[i] = (unsigned char)i;
	s = mail_base64_new(in, sizeof(in), 0);
	assert_null(strchr(s, '\r'));
	b64_decode(s, strlen(s), out, &len);
	assert_int_equal(len, sizeof(in));
	assert_memory_equal(out, in, sizeof(in));
	free(s);
}

static void
base64_wraps_lines_at_76_with_crlf(void **state)
{
	char in[1000], out[TEST_BUF_BYTES], *s, *p, *nl;
	size_t i, len = 0, lines = 0;

	for (i = 0; i < sizeof(in); i++)
		in[i] = (char)('a' + i % 26);
	s = mail_base64_new(in, sizeof(in), MAIL_LINE_MAX_CHARS);
	/* 1000 bytes: 1336 characters, 17 full lines and one of 44. */
	for (p = s; *p != '\0'; p = nl + 2) {
		nl = strstr(p, "\r\n");
		assert_non_null(nl);
		lines++;
		if (nl[2] != '\0')
			assert_int_equal(nl - p, MAIL_LINE_MAX_CHARS);
		else
			assert_int_equal(nl - p, 1336 - 17 * 76);
	}
	assert_int_equal(lines, 18);
	b64_decode(s, strlen(s), out, &len);
	assert_int_equal(len, sizeof(in));
	assert_memory_equal(out, in, sizeof(in));
	free(s);
	/* Exactly one line: one CRLF, no empty line after it. */
	s = mail_base64_new(in, 57, MAIL_LINE_MAX_CHARS);
	assert_int_equal(strlen(s), 78);
	assert_string_equal(s + 76, "\r\n");
	free(s);
	s = mail_base64_new("", 0, MAIL_LINE_MAX_CHARS);
	assert_string_equal(s, "");
	free(s);
}

static void
cyrillic_subject_round_trips(void **state)
{
	static const char subject[] = "Потврдите адресу е-поште";
	char out[TEST_BUF_BYTES], *w;
	size_t n;

	w = mail_words_new(subject, strlen("Subject: "));
	n = words_decode(w, strlen("Subject: "), out);
	assert_string_equal(out, subject);
	/* 45 bytes of UTF-8 need two words after "Subject: ". */
	assert_int_equal(n, 2);
	assert_non_null(strstr(w, "\r\n "));
	free(w);
}

static void
encoded_words_fit_75_and_lines_76(void **state)
{
	char text[2000], out[TEST_BUF_BYTES], *w;
	size_t i, col;

	for (i = 0; i + 1 < sizeof(text); i++)
		text[i] = (char)('A' + i % 26);
	text[sizeof(text) - 1] = '\0';
	for (col = 0; col <= 20; col += 5) {
		w = mail_words_new(text, col);
		words_decode(w, col, out);
		assert_string_equal(out, text);
		free(w);
	}
}

static void
encoded_words_never_split_a_character(void **state)
{
	/* 2-, 3- and 4-byte characters, shifted by a growing ASCII prefix so
	 * that every cut position meets every byte of a sequence. */
	static const char *const unit[] = {"ж", "€", "😀", "aж€😀"};
	char text[600], out[TEST_BUF_BYTES], *w;
	size_t u, shift, i, len;

	for (u = 0; u < sizeof(unit) / sizeof(unit[0]); u++)
		for (shift = 0; shift < 4; shift++) {
			len = 0;
			for (i = 0; i < shift; i++)
				text[len++] = 'x';
			while (len + strlen(unit[u]) < 300) {
				memcpy(text + len, unit[u], strlen(unit[u]));
				len += strlen(unit[u]);
			}
			text[len] = '\0';
			w = mail_words_new(text, strlen("Subject: "));
			/* words_decode checks each word is valid UTF-8. */
			words_decode(w, strlen("Subject: "), out);
			assert_string_equal(out, text);
			free(w);
		}
}

static void
empty_subject_gives_no_words(void **state)
{
	char *w;

	w = mail_words_new("", 9);
	assert_string_equal(w, "");
	free(w);
}

static void
placeholders_are_replaced(void **state)
{
	static const struct mail_param p[] = {{"name", "Ана Јовановић"},
	    {"link", "http://127.0.0.1:8080/account/confirm?token=abc"},
	    {"site", "http://127.0.0.1:8080"}};
	char *s;

	s = mail_subst_new("Поштовани {name},\n{link}\n-- {site}", p, 3);
	assert_string_equal(s,
	    "Поштовани Ана Јовановић,\n"
	    "http://127.0.0.1:8080/account/confirm?token=abc\n"
	    "-- http://127.0.0.1:8080");
	free(s);
	s = mail_subst_new("{name}{name}", p, 3);
	assert_string_equal(s, "Ана ЈовановићАна Јовановић");
	free(s);
	s = mail_subst_new("", p, 3);
	assert_string_equal(s, "");
	free(s);
}

static void
unknown_placeholders_stay_as_they_are(void **state)
{
	static const struct mail_param p[] = {{"name", "Ana"}};
	static const char *const same[] = {"{nmae}", "{}", "{name", "name}",
	    "{ name}", "{NAME}", "{{x}}", "}{", "{"};
	size_t i;
	char *s;

	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		s = mail_subst_new(same[i], p, 1);
		assert_string_equal(s, same[i]);
		free(s);
	}
	s = mail_subst_new("{{name}}", p, 1);
	assert_string_equal(s, "{Ana}");
	free(s);
}

static void
substitution_is_one_pass(void **state)
{
	static const struct mail_param p[] = {
	    {"name", "{link}"}, {"link", "/secret?token=t"}};
	char *s;

	s = mail_subst_new("Dear {name}", p, 2);
	assert_string_equal(s, "Dear {link}");
	free(s);
}

static void
addr_accepts_plain_addresses(void **state)
{
	static const char *const ok[] = {"a@b", "ana.jovanovic@example.rs",
	    "x+tag@mail.example.org", "o'brien@example.ie",
	    "a_b-c@sub-domain.example"};
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		assert_true(mail_addr_ok(ok[i]));
}

static void
addr_rejects_injection_and_garbage(void **state)
{
	static const char *const bad[] = {"a@b\r\nBcc: x@y", "a@b\nBcc: x@y",
	    "a@b\rx", "a,b@c", "<a@b>", "a@b>", "nobody", "@x", "x@", "",
	    "a@b@c", "a b@c", "a@b c", "a\t@b", "ana@пошта.срб", "jovan@b;c",
	    "\"a\"@b", "a@[127.0.0.1]", ".a@b", "a.@b", "a@.b", "a@b.",
	    "a(x)@b", "a@b\\c", "a:b@c", "a@b\x7f"};
	char longaddr[MAIL_ADDR_MAX_BYTES + 2];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(mail_addr_ok(bad[i]));
	assert_false(mail_addr_ok(NULL));
	memset(longaddr, 'a', sizeof(longaddr) - 1);
	longaddr[1] = '@';
	longaddr[sizeof(longaddr) - 1] = '\0';
	assert_false(mail_addr_ok(longaddr));
	longaddr[sizeof(longaddr) - 2] = '\0';
	assert_true(mail_addr_ok(longaddr));
}

static void
from_address_is_the_part_in_brackets(void **state)
{
	static const char *const bad[] = {"Karika <karika@localhost",
	    "Karika karika@localhost>", "Karika <nobody>", "Karika <a@b> x",
	    "Karika\r\nBcc: x@y <a@b>", "<a@b> <c@d>", ""};
	size_t i;
	char *a;

	a = mail_from_addr_new("Karika <karika@localhost>");
	assert_string_equal(a, "karika@localhost");
	free(a);
	a = mail_from_addr_new("  noreply@grad.rs ");
	assert_string_equal(a, "noreply@grad.rs");
	free(a);
	a = mail_from_addr_new("\"Град Нови Пазар\" <karika@np.rs>");
	assert_string_equal(a, "karika@np.rs");
	free(a);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_null(mail_from_addr_new(bad[i]));
}

static void
msgid_is_random_hex_at_the_senders_host(void **state)
{
	char *a, *b;
	size_t i;

	a = mail_msgid_new("Karika <karika@grad.example.rs>");
	b = mail_msgid_new("Karika <karika@grad.example.rs>");
	assert_non_null(a);
	assert_non_null(b);
	assert_string_not_equal(a, b);
	assert_int_equal(a[0], '<');
	for (i = 1; i <= 32; i++)
		assert_non_null(strchr("0123456789abcdef", a[i]));
	assert_string_equal(a + 33, "@grad.example.rs>");
	free(a);
	free(b);
	assert_null(mail_msgid_new("not an address"));
}

static void
date_is_rfc5322_in_utc(void **state)
{
	char buf[MAIL_DATE_MAX_BYTES];

	assert_int_equal(mail_date(0, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "Thu, 01 Jan 1970 00:00:00 +0000");
	assert_int_equal(mail_date(1700000000, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "Tue, 14 Nov 2023 22:13:20 +0000");
	assert_int_equal(mail_date(0, buf, 10), -1);
}

static void
backoff_doubles_up_to_an_hour(void **state)
{
	static const int64_t want[] = {
	    30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600};
	size_t i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		assert_int_equal(mail_backoff_seconds((int64_t)i), want[i]);
	assert_int_equal(mail_backoff_seconds(INT64_MAX), 3600);
	assert_int_equal(mail_backoff_seconds(-1), 30);
}

/* A message as the mailer builds it, for the tests below. */
static char *
sample(const char *from, const char *to, const char *body, size_t *len)
{
	struct mail_msg m;

	m.from = from;
	m.to = to;
	m.subject = "Потврдите адресу е-поште";
	m.body = body;
	m.msgid = "<0123456789abcdef0123456789abcdef@localhost>";
	m.date = 1700000000;
	return mail_build_new(&m, len);
}

static void
message_has_crlf_line_ends_and_its_headers(void **state)
{
	static const char *const order[] = {
	    "From: ", "\r\nTo: ", "\r\nSubject: ", "\r\nDate: ",
	    "\r\nMessage-ID: ", "\r\nMIME-Version: 1.0\r\n",
	    "\r\nContent-Type: text/plain; charset=UTF-8\r\n",
	    "\r\nContent-Transfer-Encoding: base64\r\n\r\n"};
	char out[TEST_BUF_BYTES], v[TEST_BUF_BYTES], *msg, *body;
	const char *p, *q;
	size_t len, i, blen = 0;

	msg = sample("Karika <karika@localhost>", "ana@example.rs",
	    "Здраво Ана,\n\nhttp://127.0.0.1:8080/account/confirm?token=abc\n",
	    &len);
	assert_non_null(msg);
	assert_int_equal(strlen(msg), len);
	for (i = 0; i < len; i++) {
		if (msg[i] == '\n')
			assert_true(i > 0 && msg[i - 1] == '\r');
		if (msg[i] == '\r')
			assert_true(msg[i + 1] == '\n');
	}
	assert_memory_equal(msg + len - 2, "\r\n", 2);
	for (p = msg, i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		q = strstr(p, order[i]);
		assert_non_null(q);
		p = q + 1;
	}
	assert_memory_equal(msg, "From: Karika <karika@localhost>\r\n", 33);
	header_value(msg, "To", v);
	assert_string_equal(v, "ana@example.rs");
	header_value(msg, "Date", v);
	assert_string_equal(v, "Tue, 14 Nov 2023 22:13:20 +0000");
	header_value(msg, "Message-ID", v);
	assert_string_equal(v, "<0123456789abcdef0123456789abcdef@localhost>");
	header_value(msg, "Subject", v);
	words_decode(v, strlen("Subject: "), out);
	assert_string_equal(out, "Потврдите адресу е-поште");
	/* Body: base64 lines of at most 76, decoding to CRLF text. */
	body = strstr(msg, "\r\n\r\n") + 4;
	for (p = body; *p != '\0'; p = q + 2) {
		q = strstr(p, "\r\n");
		assert_true(q - p <= MAIL_LINE_MAX_CHARS);
	}
	b64_decode(body, strlen(body), out, &blen);
	assert_string_equal(out,
	    "Здраво Ана,\r\n\r\n"
	    "http://127.0.0.1:8080/account/confirm?token=abc\r\n");
	free(msg);
}

static void
message_refuses_a_bad_recipient_or_sender(void **state)
{
	size_t len = 1;

	assert_null(sample(
	    "Karika <karika@localhost>", "a@b\r\nBcc: x@y", "body", &len));
	assert_int_equal(len, 0);
	assert_null(sample("Karika <karika@localhost>", "nobody", "b", &len));
	assert_null(sample("Karika <nobody>", "a@b", "b", &len));
	assert_null(sample("K\r\nBcc: x@y <a@b>", "a@b", "b", &len));
}

static void
message_body_line_ends_become_crlf(void **state)
{
	char out[TEST_BUF_BYTES], *msg, *body;
	size_t len, blen = 0;

	msg = sample("a@b", "c@d", "\n  a\nb\r\nc\rd\n\n\n", &len);
	assert_non_null(msg);
	assert_memory_equal(msg, "From: a@b\r\n", 11);
	body = strstr(msg, "\r\n\r\n") + 4;
	b64_decode(body, strlen(body), out, &blen);
	assert_string_equal(out, "a\r\nb\r\nc\r\nd\r\n");
	free(msg);
}

static void
message_encodes_a_non_ascii_sender_name(void **state)
{
	char out[TEST_BUF_BYTES], v[TEST_BUF_BYTES], *msg, *lt;
	size_t len;

	msg = sample("Град Нови Пазар — Карика <karika@novipazar.example.rs>",
	    "a@b", "x", &len);
	assert_non_null(msg);
	header_value(msg, "From", v);
	lt = strrchr(v, '<');
	assert_non_null(lt);
	assert_string_equal(lt, "<karika@novipazar.example.rs>");
	lt[-1] = '\0'; /* the blank before '<' */
	if (lt - v >= 3 && lt[-3] == '\r')
		lt[-3] = '\0';
	words_decode(v, strlen("From: "), out);
	assert_string_equal(out, "Град Нови Пазар — Карика");
	free(msg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(base64_matches_rfc4648_vectors),
	    cmocka_unit_test(base64_encodes_every_byte_value),
	    cmocka_unit_test(base64_wraps_lines_at_76_with_crlf),
	    cmocka_unit_test(cyrillic_subject_round_trips),
	    cmocka_unit_test(encoded_words_fit_75_and_lines_76),
	    cmocka_unit_test(encoded_words_never_split_a_character),
	    cmocka_unit_test(empty_subject_gives_no_words),
	    cmocka_unit_test(placeholders_are_replaced),
	    cmocka_unit_test(unknown_placeholders_stay_as_they_are),
	    cmocka_unit_test(substitution_is_one_pass),
	    cmocka_unit_test(addr_accepts_plain_addresses),
	    cmocka_unit_test(addr_rejects_injection_and_garbage),
	    cmocka_unit_test(from_address_is_the_part_in_brackets),
	    cmocka_unit_test(msgid_is_random_hex_at_the_senders_host),
	    cmocka_unit_test(date_is_rfc5322_in_utc),
	    cmocka_unit_test(backoff_doubles_up_to_an_hour),
	    cmocka_unit_test(message_has_crlf_line_ends_and_its_headers),
	    cmocka_unit_test(message_refuses_a_bad_recipient_or_sender),
	    cmocka_unit_test(message_body_line_ends_become_crlf),
	    cmocka_unit_test(message_encodes_a_non_ascii_sender_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
