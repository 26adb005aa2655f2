/* SPDX-License-Identifier: ISC */
/*
 * xml.c: owns the libxml2 writer.  Every response document is built in
 * memory here and handed to resp.c only when complete, so a failure half
 * way never sends half a page.  Every text and attribute value is escaped
 * by libxml2; because libxml2 passes control characters and invalid UTF-8
 * through unescaped (STYLE 3.7), every value is also checked with
 * text_clean() and refused if it could make the document ill-formed.
 * Element and attribute names are literals in the callers, never data.
 *
 * Each function returns 0, or -1 after logging the xmlTextWriter call that
 * failed; callers chain them with "if (... == -1) goto out;".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/xmlwriter.h>

#include "karika.h"

struct xml {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
};

/* A new in-memory document writer; free it with xml_free(). */
struct xml *
xml_new(void)
{
	struct xml *x;

	x = xcalloc(1, sizeof(*x));
	if ((x->buf = xmlBufferCreate()) == NULL ||
	    (x->w = xmlNewTextWriterMemory(x->buf, 0)) == NULL) {
		LOGE("xmlNewTextWriterMemory failed");
		abort(); /* only fails for lack of memory */
	}
	return x;
}

/* Frees the writer and its buffer.  NULL is fine. */
void
xml_free(struct xml *x)
{
	if (x == NULL)
		return;
	if (x->w != NULL)
		xmlFreeTextWriter(x->w);
	if (x->buf != NULL)
		xmlBufferFree(x->buf);
	free(x);
}

static int
check(int rc, const char *call)
{
	if (rc < 0) {
		LOGE("%s failed", call);
		return -1;
	}
	return 0;
}

static int
clean(const char *s)
{
	if (s == NULL || !text_clean(s, strlen(s))) {
		LOGE("refused text that XML cannot carry");
		return -1;
	}
	return 0;
}

/* Opens element name (a literal). */
int
xml_start(struct xml *x, const char *name)
{
	return check(xmlTextWriterStartElement(x->w, BAD_CAST name),
	    "xmlTextWriterStartElement");
}

/* Closes the innermost open element. */
int
xml_end(struct xml *x)
{
	return check(xmlTextWriterEndElement(x->w), "xmlTextWriterEndElement");
}

/* Writes attribute name="val" on the element just opened; NULL skips. */
int
xml_attr(struct xml *x, const char *name, const char *val)
{
	if (val == NULL)
		return 0;
	if (clean(val) == -1)
		return -1;
	return check(
	    xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST val),
	    "xmlTextWriterWriteAttribute");
}

/* Writes an integer attribute. */
int
xml_attr_int(struct xml *x, const char *name, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", (long long)v);
	return xml_attr(x, name, buf);
}

/* Writes escaped text inside the open element; NULL writes nothing. */
int
xml_text(struct xml *x, const char *s)
{
	if (s == NULL)
		return 0;
	if (clean(s) == -1)
		return -1;
	return check(xmlTextWriterWriteString(x->w, BAD_CAST s),
	    "xmlTextWriterWriteString");
}

/* <name>text</name>; a NULL text writes nothing at all. */
int
xml_elem_text(struct xml *x, const char *name, const char *s)
{
	if (s == NULL)
		return 0;
	if (xml_start(x, name) == -1 || xml_text(x, s) == -1)
		return -1;
	return xml_end(x);
}

/*
 * <session csrf="…"><user id name email><role name/>…</user></session>:
 * the CSRF token every form of the page carries, and who is signed in.
 */
static int
write_session(struct xml *x, const struct req *r)
{
	size_t k;

	if (xml_start(x, "session") == -1 || xml_attr(x, "csrf", r->csrf) == -1)
		return -1;
	if (r->sess != NULL) {
		if (xml_start(x, "user") == -1 ||
		    xml_attr_int(x, "id", r->sess->account) == -1 ||
		    xml_attr(x, "name", r->sess->name) == -1 ||
		    xml_attr(x, "email", r->sess->email) == -1)
			return -1;
		for (k = 0; k < ROLE__MAX; k++)
			if ((r->sess->perms & PERM_ROLE(k)) &&
			    (xml_start(x, "role") == -1 ||
				xml_attr(x, "name", role_names[k]) == -1 ||
				xml_end(x) == -1))
				return -1;
		if (xml_end(x) == -1)
			return -1;
	}
	return xml_end(x);
}

/*
 * <notice key="done.x"/> after a write (page.c, form_done): x is the
 * redirect's ?done=, a short lower-case word.  layout.xsl shows only
 * notices its catalogue knows, so a made-up link shows nothing.
 */
static int
write_done(struct xml *x, const struct req *r)
{
	const char *d = kv_get(&r->query, "done");
	char key[48];

	if (d == NULL || *d == '\0' || strlen(d) > 32 ||
	    strspn(d, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(d))
		return 0;
	snprintf(key, sizeof(key), "done.%s", d);
	if (xml_start(x, "notice") == -1 || xml_attr(x, "key", key) == -1)
		return -1;
	return xml_end(x);
}

/*
 * Opens the document and the <page> envelope every response shares
 * (ARCHITECTURE, step 2): the locale, the worker, the path and query (for
 * the language links), the request id (shown on error pages), the
 * municipality, and the <session> with the forms' CSRF token and who is
 * signed in (write_session).
 */
int
xml_open_page(struct xml *x, const struct req *r)
{
	if (check(xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL),
		"xmlTextWriterStartDocument") == -1)
		return -1;
	if (xml_start(x, "page") == -1 ||
	    xml_attr(x, "lang", locale_tags[r->locale]) == -1 ||
	    xml_attr(x, "worker", r->w != NULL ? r->w->def->name : "") == -1 ||
	    xml_attr(x, "path", r->path) == -1 ||
	    xml_attr(x, "query",
		r->query_keep != NULL && *r->query_keep != '\0' ? r->query_keep
								: NULL) == -1 ||
	    xml_attr(x, "rid", r->rid) == -1 ||
	    xml_attr(x, "municipality", r->municipality) == -1)
		return -1;
	if (write_session(x, r) == -1)
		return -1;
	return write_done(x, r);
}

/* Closes every open element and the document. */
int
xml_close_page(struct xml *x)
{
	return check(
	    xmlTextWriterEndDocument(x->w), "xmlTextWriterEndDocument");
}

/*
 * Flushes the writer and points *out at the document (owned by x, valid
 * until xml_free()) and *len at its length.
 */
int
xml_finish(struct xml *x, const char **out, size_t *len)
{
	if (check(xmlTextWriterFlush(x->w), "xmlTextWriterFlush") == -1)
		return -1;
	*out = (const char *)xmlBufferContent(x->buf);
	*len = (size_t)xmlBufferLength(x->buf);
	return 0;
}

/*
 * A UTC time from MariaDB ("2026-11-29 12:23:00", fractions ignored) as
 * local ISO 8601 with its offset ("2026-11-29T13:23:00+01:00") in the
 * installation's time zone (TZ, set by worker.c from the config) into
 * out; the layout's "when" template shows it the local way.  Returns 0,
 * or -1 if utc is not such a time (out untouched).
 */
int
xml_local_time(const char *utc, char out[XML_TIME_BYTES])
{
	struct tm tm;
	time_t t;
	long off;
	size_t n;
	int end = 0;

	memset(&tm, 0, sizeof(tm));
	if (utc == NULL ||
	    sscanf(utc, "%4d-%2d-%2d %2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon,
		&tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &end) != 6 ||
	    end != 19 || (utc[end] != '\0' && utc[end] != '.'))
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	if (localtime_r(&t, &tm) == NULL ||
	    (n = strftime(out, XML_TIME_BYTES, "%Y-%m-%dT%H:%M:%S", &tm)) == 0)
		return -1;
	off = tm.tm_gmtoff / 60;
	snprintf(out + n, XML_TIME_BYTES - n, "%c%02ld:%02ld",
	    off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
	return 0;
}

/* Writes attribute name as a local time (xml_local_time); NULL skips. */
int
xml_attr_time(struct xml *x, const char *name, const char *utc)
{
	char buf[XML_TIME_BYTES];

	if (utc != NULL && xml_local_time(utc, buf) == 0)
		utc = buf;
	return xml_attr(x, name, utc);
}

/*
 * Writes row i of res as attributes of the element just opened: one per
 * column, named by the column's alias, NULL columns omitted, DATETIME and
 * TIMESTAMP columns as local times (xml_attr_time).  The SELECT is the
 * page's contract.
 */
int
xml_row_attrs(struct xml *x, const struct db_res *res, size_t i)
{
	size_t c;
	int rc;

	for (c = 0; c < res->ncols; c++) {
		rc = res->time[c]
		    ? xml_attr_time(x, res->col[c], db_str_at(res, i, c))
		    : xml_attr(x, res->col[c], db_str_at(res, i, c));
		if (rc == -1)
			return -1;
	}
	return 0;
}

/*
 * Writes every row of res as an empty element called name (a literal)
 * whose attributes are the row's columns (xml_row_attrs).
 */
int
xml_rows(struct xml *x, const char *name, const struct db_res *res)
{
	size_t i;

	for (i = 0; i < res->nrows; i++)
		if (xml_start(x, name) == -1 ||
		    xml_row_attrs(x, res, i) == -1 || xml_end(x) == -1)
			return -1;
	return 0;
}
