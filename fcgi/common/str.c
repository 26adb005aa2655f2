/* SPDX-License-Identifier: ISC */
/*
 * str.c: bounded string and number helpers.  Every value that comes from
 * the wire passes through here before a handler sees it: numbers through
 * str_to_int64 (strtonum semantics, from libbsd), text through utf8_valid
 * and text_clean, URL escapes through pct_decode.
 */
#include <stdlib.h> /* strtonum, through libbsd-overlay */
#include <string.h>

#include "karika.h"

/*
 * Parses s as a decimal integer in [min, max] into *out.  Returns 0, or -1
 * for an empty string, trailing garbage, or a value out of range; *out is
 * untouched on failure.
 */
int
str_to_int64(const char *s, int64_t min, int64_t max, int64_t *out)
{
	const char *errstr = NULL;
	long long v;

	if (s == NULL || *s == '\0')
		return -1;
	/* strtonum accepts leading blanks and '+'; the wire never needs them.
	 */
	if (*s != '-' && (*s < '0' || *s > '9'))
		return -1;
	v = strtonum(s, min, max, &errstr);
	if (errstr != NULL)
		return -1;
	*out = v;
	return 0;
}

/*
 * Parses s as an octal number (a file mode such as "0660") no larger than
 * max into *out.  Returns 0, or -1 for anything but octal digits.
 */
int
str_to_octal(const char *s, int64_t max, int64_t *out)
{
	int64_t v = 0;

	if (s == NULL || *s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '7')
			return -1;
		v = v * 8 + (*s - '0');
		if (v > max)
			return -1;
	}
	*out = v;
	return 0;
}

/*
 * Decodes the UTF-8 sequence at s, of which at most n bytes may be read,
 * into *cp: the one UTF-8 decoder of Karika (validation, text_clean and
 * transliteration all read through it).  Returns the sequence's length, or
 * 0 with *cp untouched for an invalid, truncated, overlong, surrogate or
 * out-of-range sequence, and for n = 0.  A NUL byte decodes to 0 with
 * length 1; callers that must refuse it do.  Bytes are read in order and
 * reading stops at the first that is not a continuation byte, so a
 * NUL-terminated string is never read past its NUL.
 */
size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;
	size_t len, i;

	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	} else if ((u[0] & 0xe0) == 0xc0) {
		len = 2;
		c = u[0] & 0x1f;
	} else if ((u[0] & 0xf0) == 0xe0) {
		len = 3;
		c = u[0] & 0x0f;
	} else if ((u[0] & 0xf8) == 0xf0) {
		len = 4;
		c = u[0] & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && c < 0x10000) || c > 0x10ffff ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/*
 * Writes the code point cp (at most 0x10ffff, not a surrogate: what
 * utf8_decode gives) as UTF-8 into out, without a NUL.  Returns the
 * number of bytes written, 1 to 4.
 */
size_t
utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* True when the n bytes at s are well-formed UTF-8 without NUL. */
bool
utf8_valid(const char *s, size_t n)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if ((len = utf8_decode(s + i, n - i, &cp)) == 0 || cp == 0)
			return false;
		i += len;
	}
	return true;
}

/* Counts the characters (code points) of valid UTF-8. */
size_t
utf8_chars(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

/*
 * s cut to at most max characters (code points), at a character's end,
 * in the arena: a column's width in characters (VARCHAR(n)).  Stops at
 * the first byte that is no UTF-8.
 */
const char *
utf8_cut(struct arena *a, const char *s, size_t max)
{
	size_t i = 0, n = 0, len = strlen(s), step;
	uint32_t cp;

	while (i < len && n < max) {
		if ((step = utf8_decode(s + i, len - i, &cp)) == 0)
			break;
		i += step;
		n++;
	}
	return arena_strndup(a, s, i);
}

/*
 * True when the n bytes at s are text that XML 1.0 can carry: valid UTF-8,
 * no NUL, no C0 control other than tab, newline and carriage return, no
 * DEL, and neither U+FFFE nor U+FFFF.  libxml2's writer passes such bytes
 * through unescaped and the document is then not well-formed, so nothing
 * else may reach it (STYLE 3.7).
 */
bool
text_clean(const char *s, size_t n)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if ((len = utf8_decode(s + i, n - i, &cp)) == 0)
			return false;
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    cp == 0x7f || cp == 0xfffe || cp == 0xffff)
			return false;
		i += len;
	}
	return true;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes form-style percent escapes in place: "%XX" to the byte and '+' to
 * a space.  *len is the input length on entry and the decoded length on
 * return; the result is NUL-terminated.  Returns -1 for a '%' not followed
 * by two hex digits, or for "%00".
 */
int
pct_decode(char *s, size_t *len)
{
	size_t i, o = 0;
	int hi, lo;

	for (i = 0; i < *len; i++) {
		if (s[i] == '+')
			s[o++] = ' ';
		else if (s[i] == '%') {
			if (*len - i < 3)
				return -1;
			if ((hi = hexval((unsigned char)s[i + 1])) < 0 ||
			    (lo = hexval((unsigned char)s[i + 2])) < 0)
				return -1;
			if (hi == 0 && lo == 0)
				return -1;
			s[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else
			s[o++] = s[i];
	}
	s[o] = '\0';
	*len = o;
	return 0;
}

/* ASCII case-insensitive equality; NULL equals nothing. */
bool
str_eq_ci(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return false;
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;

		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb)
			return false;
	}
	return *a == *b;
}

/*
 * Writes the n bytes at p as 2n lower-case hex digits and a NUL into out,
 * which has room for 2n + 1 bytes: the one way random bytes become text
 * (session and CSRF tokens, request ids, Message-IDs).
 */
void
hex_encode(const void *p, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = hex[s[i] >> 4];
		out[2 * i + 1] = hex[s[i] & 0xf];
	}
	out[2 * n] = '\0';
}

/*
 * s percent-encoded for a query string value (RFC 3986 unreserved
 * characters kept, everything else as %XX), in the arena.
 */
char *
str_pct_encode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s), i, j = 0;
	char *out = arena_alloc(a, 3 * n + 1);
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~')
			out[j++] = (char)c;
		else {
			out[j++] = '%';
			out[j++] = hex[c >> 4];
			out[j++] = hex[c & 0xf];
		}
	}
	out[j] = '\0';
	return out;
}
