/* SPDX-License-Identifier: ISC */
/*
 * i18n.c: the four locales and how a request chooses one.  The worker only
 * picks the locale and names it in the <page> envelope; every visible word
 * of a page is looked up by the stylesheet in xslt/i18n/<locale>.xml.
 * What a program writes itself, outside any page (the mailer's messages,
 * the reasons in a CSV file a worker streams), it looks up in the same
 * catalogues: i18n_cat_load() and i18n_cat_get(), i18n_text().
 *
 * Order (ARCHITECTURE, issue 3): a "lang" query parameter (which also sets
 * the cookie), then the "lang" cookie, then Accept-Language, then the
 * installation default.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "karika.h"

/* The most entries i18n_text() reads from one catalogue. */
#define I18N_CAT_MAX_ENTRIES 16384

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

/* --- catalogues read by a program ---------------------------------------- */

/* Frees a catalogue's entries; cat can be loaded again. */
void
i18n_cat_release(struct i18n_cat *cat)
{
	size_t i;

	for (i = 0; i < cat->n; i++) {
		free(cat->e[i].key);
		free(cat->e[i].text);
	}
	free(cat->e);
	cat->e = NULL;
	cat->n = 0;
}

/* By key, then by the order in the file. */
static int
entry_cmp(const void *a, const void *b)
{
	const struct i18n_entry *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/*
 * Loads the entries of dir/tag.xml, a <catalogue> of <m k="key"> elements,
 * whose key starts with prefix ("" for all), at most max of them, into cat
 * (released first).  An entry's text is the element's text, its <x>
 * marks left out.  The file is ours (the build installs it), but it is
 * still read without network access.  Returns 0, or -1 (logged).
 */
int
i18n_cat_load(struct i18n_cat *cat, const char *dir, const char *tag,
    const char *prefix, size_t max)
{
	xmlDocPtr doc = NULL;
	xmlNodePtr root, n;
	xmlChar *k = NULL, *text = NULL;
	char *path = NULL;
	size_t len, cap = 0, plen = strlen(prefix);
	int rc = -1;

	i18n_cat_release(cat);
	len = strlen(dir) + strlen(tag) + sizeof("/.xml");
	path = xmalloc(len);
	snprintf(path, len, "%s/%s.xml", dir, tag);
	if ((doc = xmlReadFile(path, NULL, XML_PARSE_NONET)) == NULL) {
		LOGE("%s: cannot read or parse", path);
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !xmlStrEqual(root->name, BAD_CAST "catalogue")) {
		LOGE("%s: not a <catalogue>", path);
		goto out;
	}
	for (n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(n->name, BAD_CAST "m"))
			continue;
		if ((k = xmlGetProp(n, BAD_CAST "k")) == NULL ||
		    strncmp((const char *)k, prefix, plen) != 0) {
			xmlFree(k);
			k = NULL;
			continue;
		}
		if ((text = xmlNodeGetContent(n)) == NULL) {
			LOGE("%s: %s: no text", path, (const char *)k);
			goto out;
		}
		if (cat->n == max) {
			LOGE(
			    "%s: more than %zu entries %s*", path, max, prefix);
			goto out;
		}
		if (cat->n == cap) {
			cap = cap != 0 ? cap * 2 : 16;
			cat->e = xrealloc(cat->e, cap * sizeof(*cat->e));
		}
		cat->e[cat->n].key = xstrdup((const char *)k);
		cat->e[cat->n].text = xstrdup((const char *)text);
		cat->e[cat->n].pos = cat->n;
		cat->n++;
		xmlFree(k);
		xmlFree(text);
		k = text = NULL;
	}
	if (cat->n > 1)
		qsort(cat->e, cat->n, sizeof(*cat->e), entry_cmp);
	rc = 0;
out:
	xmlFree(k);
	xmlFree(text);
	if (doc != NULL)
		xmlFreeDoc(doc);
	free(path);
	if (rc == -1)
		i18n_cat_release(cat);
	return rc;
}

/*
 * The text of key in cat (the first entry of that key in the file), or
 * NULL.  Borrowed from cat.
 */
const char *
i18n_cat_get(const struct i18n_cat *cat, const char *key)
{
	size_t lo = 0, hi = cat->n, mid;

	if (key == NULL)
		return NULL;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(cat->e[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < cat->n && strcmp(cat->e[lo].key, key) == 0 ? cat->e[lo].text
							       : NULL;
}

/*
 * The message for key in locale l, as a page would show it: read from
 * the catalogue directory of the configuration (mail.catalogue_dir, the
 * built catalogues the mailer reads too) once per process and locale;
 * a key the locale lacks, or a catalogue that cannot be read, gives the
 * key itself, which is what the stylesheet prints.  Borrowed: lives as
 * long as the process.
 */
const char *
i18n_text(const struct cfg *cfg, enum locale l, const char *key)
{
	static struct i18n_cat cat[LOCALE__MAX];
	static bool tried[LOCALE__MAX];
	const char *dir, *s;

	if (key == NULL)
		return "";
	if ((unsigned)l >= LOCALE__MAX)
		l = LOCALE_SR_CYRL;
	if (!tried[l]) {
		tried[l] = true;
		dir = cfg_get(
		    cfg, "mail.catalogue_dir", PKGDATADIR "/site/xslt/i18n");
		(void)i18n_cat_load(
		    &cat[l], dir, locale_tags[l], "", I18N_CAT_MAX_ENTRIES);
	}
	s = i18n_cat_get(&cat[l], key);
	return s != NULL && *s != '\0' ? s : key;
}

/*
 * A message with its first "{n}" replaced by n (NULL: nothing), as the
 * stylesheet's template "t" does.  In arena a.
 */
char *
i18n_fill(struct arena *a, const char *text, const char *n)
{
	const char *p = strstr(text, "{n}");

	if (p == NULL)
		return arena_strdup(a, text);
	return arena_printf(
	    a, "%.*s%s%s", (int)(p - text), text, n != NULL ? n : "", p + 3);
}
