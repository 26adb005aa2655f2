/* SPDX-License-Identifier: ISC */
/*
 * i18n.c: the four locales and how a request chooses one.  The worker only
 * picks the locale and names it in the <page> envelope; every visible word
 * is looked up by the stylesheet in xslt/i18n/<locale>.xml.
 *
 * Order (ARCHITECTURE, issue 3): a "lang" query parameter (which also sets
 * the cookie), then the "lang" cookie, then Accept-Language, then the
 * installation default.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "karika.h"

const char *const locale_tags[LOCALE__MAX] = {
    "sr-Cyrl", /* LOCALE_SR_CYRL */
    "sr-Latn", /* LOCALE_SR_LATN */
    "bs",      /* LOCALE_BS */
    "en",      /* LOCALE_EN */
};

/* Exact tag to locale (case-insensitive); LOCALE__MAX when unknown. */
enum locale
locale_from_tag(const char *tag)
{
	size_t i;

	if (tag == NULL)
		return LOCALE__MAX;
	for (i = 0; i < LOCALE__MAX; i++)
		if (str_eq_ci(tag, locale_tags[i]))
			return (enum locale)i;
	return LOCALE__MAX;
}

/*
 * Maps one language range of Accept-Language (already cut out, at most 63
 * bytes) to a locale: "sr-Latn*" is Latin; any other "sr*" is Cyrillic, the
 * official script; "bs*", "hr*" and "sh*" read the Bosnian catalogue best;
 * "en*" is English.
 */
static enum locale
locale_from_range(const char *r)
{
	size_t n = strlen(r);

	if (n >= 2 && (r[2] == '\0' || r[2] == '-')) {
		if (str_eq_ci(r, "sr-latn") ||
		    (n > 7 && strncasecmp(r, "sr-latn-", 8) == 0))
			return LOCALE_SR_LATN;
		if (strncasecmp(r, "sr", 2) == 0)
			return LOCALE_SR_CYRL;
		if (strncasecmp(r, "bs", 2) == 0 ||
		    strncasecmp(r, "hr", 2) == 0 ||
		    strncasecmp(r, "sh", 2) == 0)
			return LOCALE_BS;
		if (strncasecmp(r, "en", 2) == 0)
			return LOCALE_EN;
	}
	return LOCALE__MAX;
}

/*
 * Parses a q value ("q=0.8") into thousandths; a malformed one counts as 0
 * (not acceptable), as RFC 9110 lets a recipient do.
 */
static int
parse_q(const char *s)
{
	int q = 0, digits = 0;

	while (*s == ' ')
		s++;
	if ((s[0] != 'q' && s[0] != 'Q') || s[1] != '=')
		return 1000; /* another parameter: ignore it */
	s += 2;
	if (*s == '1')
		return 1000;
	if (*s != '0')
		return 0;
	s++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9' && digits < 3; s++, digits++)
			q = q * 10 + (*s - '0');
	while (digits++ < 3)
		q *= 10;
	return q;
}

/*
 * Picks the locale for a request from, in order: the "lang" query value,
 * the "lang" cookie, the Accept-Language header, and def.  Any argument
 * may be NULL.  An unknown value is skipped, never an error.
 */
enum locale
locale_negotiate(
    const char *query, const char *cookie, const char *accept, enum locale def)
{
	enum locale l, best = LOCALE__MAX;
	int bestq = 0, q;
	char range[64];
	const char *p, *end, *semi;
	size_t n;

	if ((l = locale_from_tag(query)) != LOCALE__MAX)
		return l;
	if ((l = locale_from_tag(cookie)) != LOCALE__MAX)
		return l;
	for (p = accept; p != NULL && *p != '\0'; p = *end ? end + 1 : end) {
		if ((end = strchr(p, ',')) == NULL)
			end = p + strlen(p);
		while (p < end && *p == ' ')
			p++;
		semi = memchr(p, ';', (size_t)(end - p));
		n = (size_t)((semi != NULL ? semi : end) - p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n == 0 || n >= sizeof(range))
			continue;
		memcpy(range, p, n);
		range[n] = '\0';
		q = semi != NULL ? parse_q(semi + 1) : 1000;
		if (q > bestq &&
		    (l = locale_from_range(range)) != LOCALE__MAX) {
			best = l;
			bestq = q;
		}
	}
	return best != LOCALE__MAX ? best : def;
}
