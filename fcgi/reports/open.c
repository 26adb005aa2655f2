/* SPDX-License-Identifier: ISC */
/*
 * open.c: open data at stable URLs (issue 14): /reports/open/ describes
 * the datasets (a data dictionary, the licence, the date of extraction)
 * and links /reports/open/users.csv, users.json, spending.csv and
 * spending.json.  Each file holds one row per service and year of the
 * request's town, from pub_load() (public.c): suppressed in the one
 * place, so a hidden cell is written as "<k" (CSV) or null with
 * "suppressed": true (JSON), never as its number and never as 0.
 *
 * The files are streamed (ROUTE_STREAM): CSV through csv_writer's fixed
 * buffer (UTF-8 with a byte order mark, ';', CRLF), JSON a row at a time
 * through a fixed buffer, so the worker's memory does not grow with the
 * file.  Licence: Creative Commons Attribution 4.0 (CC BY 4.0), so that
 * anyone may reuse the figures naming the municipality.
 *
 * Only the datasets the department publishes (publish.c: pub_chosen) are
 * listed; the files of another are a 404, as if they did not exist.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "karika.h"
#include "stmt.h"
#include "reports.h"

#define OPEN_LICENCE	 "CC-BY-4.0"
#define OPEN_LICENCE_URL "https://creativecommons.org/licenses/by/4.0/"
#define JSON_ROW_BYTES	 2048 /* a row: a 200-character name escaped */

/* Today (UTC) as YYYY-MM-DD: the date of extraction. */
static const char *
today(struct req *r)
{
	struct tm tm;
	time_t now = time(NULL);

	if (gmtime_r(&now, &tm) == NULL)
		return "";
	return arena_printf(r->arena, "%04d-%02d-%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday);
}

/* Para as "1234.50": dinars with a decimal point, as data files write. */
static const char *
para_text(struct req *r, int64_t para)
{
	return arena_printf(r->arena, "%lld.%02lld", (long long)(para / 100),
	    (long long)(para % 100));
}

/*
 * 404 unless the department publishes dataset d (a file of a dataset it
 * does not publish does not exist for the public); HTTP_OK, or 503.
 */
static enum http_status
open_published(struct req *r, enum pub_dataset d)
{
	struct muni m;
	enum http_status st;
	bool on[PUBC__MAX];

	if ((st = muni_load(r, &m)) != HTTP_OK ||
	    (st = pub_chosen(r, m.id, on)) != HTTP_OK)
		return st;
	return on[d == PUB_USERS ? PUBC_USERS : PUBC_SPENDING] ? HTTP_OK
							       : HTTP_NOT_FOUND;
}

/*
 * GET /reports/open/ -> <open extracted licence first last k><municipality/>
 * <file dataset="users|spending"/>…</open>: the data dictionary page
 * (reports-public.xsl), listing the files of the published datasets.
 */
enum http_status
open_index(struct req *r, struct xml *x)
{
	static const char *const name[PUBC__MAX] = {"users", "spending", NULL};
	struct muni m;
	struct pub p;
	enum http_status st;
	bool on[PUBC__MAX];
	int64_t first, last;
	size_t i;

	pub_years(r, &first, &last);
	if ((st = muni_load(r, &m)) != HTTP_OK ||
	    (st = pub_chosen(r, m.id, on)) != HTTP_OK ||
	    (st = pub_load_cached(r, first, last, &p, true)) != HTTP_OK)
		return st;
	first = p.first;
	if (xml_start(x, "open") == -1 ||
	    xml_attr(x, "extracted", today(r)) == -1 ||
	    xml_attr(x, "licence", OPEN_LICENCE) == -1 ||
	    xml_attr(x, "licence-url", OPEN_LICENCE_URL) == -1 ||
	    xml_attr_int(x, "first", first) == -1 ||
	    xml_attr_int(x, "last", last) == -1 ||
	    xml_attr_int(x, "k", m.k) == -1 ||
	    xml_attr(x, "currency", m.currency) == -1 ||
	    muni_write(x, &m) == -1)
		return HTTP_INTERNAL;
	for (i = 0; i < PUBC__MAX; i++)
		if (name[i] != NULL && on[i] &&
		    (xml_start(x, "file") == -1 ||
			xml_attr(x, "dataset", name[i]) == -1 ||
			xml_end(x) == -1))
			return HTTP_INTERNAL;
	if (xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}

/*
 * Streams dataset d as CSV: municipality;year;service;service_name;
 * value;suppressed;extracted; value is people, or dinars for spending,
 * or "<k" when hidden.
 */
static enum http_status
open_csv(struct req *r, enum pub_dataset d)
{
	static const char *const head[] = {"municipality", "year", "service",
	    "service_name", "value", "suppressed", "extracted"};
	struct pub p;
	struct csv_writer cw;
	enum http_status st;
	int64_t first, last;
	const char *v[7], *hidden, *day = today(r);
	size_t i, j, c;

	pub_years(r, &first, &last);
	if ((st = open_published(r, d)) != HTTP_OK ||
	    (st = pub_load_cached(r, first, last, &p, true)) != HTTP_OK)
		return st;
	hidden = arena_printf(r->arena, "<%lld", (long long)p.k);
	resp_stream_open(r, "text/csv; charset=utf-8",
	    d == PUB_USERS ? "users.csv" : "spending.csv");
	csv_writer_init(&cw, ';', resp_stream_write, r);
	if (csv_write_row(&cw, head, 7) == -1)
		goto cut;
	for (i = 0; i < p.t.nrows; i++)
		for (j = 0; j < p.t.ncols; j++) {
			c = i * p.t.ncols + j;
			v[0] = p.code;
			v[1] = arena_printf(r->arena, "%lld",
			    (long long)(p.first + (int64_t)j));
			v[2] = db_str(&p.services, i, "code");
			v[3] = db_str(&p.services, i, "name");
			v[4] = p.t.hide[c]   ? hidden
			    : d == PUB_USERS ? arena_printf(r->arena, "%lld",
						   (long long)p.t.count[c])
					     : para_text(r, p.t.amount[c]);
			v[5] = p.t.hide[c] ? "1" : "0";
			v[6] = day;
			if (csv_write_row(&cw, v, 7) == -1)
				goto cut;
		}
	if (csv_write_end(&cw) == -1)
		goto cut;
	return HTTP_OK;
cut:
	LOGE("rid=%s: open-data CSV cut short", r->rid);
	return HTTP_OK;
}

/*
 * Appends s to buf (of size cap, used *len) as a JSON string, escaped.
 * Returns 0, or -1 when it does not fit.
 */
static int
json_str(char *buf, size_t cap, size_t *len, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");
	int n;

	if (*len + 1 >= cap)
		return -1;
	buf[(*len)++] = '"';
	for (; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			n = snprintf(buf + *len, cap - *len, "\\%c", *p);
		else if (*p < 0x20)
			n = snprintf(buf + *len, cap - *len, "\\u%04x", *p);
		else
			n = snprintf(buf + *len, cap - *len, "%c", *p);
		if (n < 0 || (size_t)n >= cap - *len)
			return -1;
		*len += (size_t)n;
	}
	if (*len + 1 >= cap)
		return -1;
	buf[(*len)++] = '"';
	buf[*len] = '\0';
	return 0;
}

/* Appends formatted text to buf; 0 or -1 when it does not fit. */
static int json_put(char *buf, size_t cap, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
json_put(char *buf, size_t cap, size_t *len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf + *len, cap - *len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= cap - *len)
		return -1;
	*len += (size_t)n;
	return 0;
}

/*
 * Streams dataset d as JSON: {"dataset", "municipality", "licence",
 * "extracted", "k", "unit", "rows": [{"year", "service", "name",
 * "value" (or null), "suppressed"}…]}.  Spending values are dinars with
 * two decimals, written as a string so that no reader turns them into
 * floating point.
 */
static enum http_status
open_json(struct req *r, enum pub_dataset d)
{
	struct pub p;
	enum http_status st;
	char buf[JSON_ROW_BYTES];
	size_t len, i, j, c;
	int64_t first, last;

	pub_years(r, &first, &last);
	if ((st = open_published(r, d)) != HTTP_OK ||
	    (st = pub_load_cached(r, first, last, &p, true)) != HTTP_OK)
		return st;
	resp_stream_open(r, "application/json; charset=utf-8",
	    d == PUB_USERS ? "users.json" : "spending.json");
	len = 0;
	if (json_put(buf, sizeof(buf), &len, "{\"dataset\": \"%s\", ",
		d == PUB_USERS ? "users" : "spending") == -1 ||
	    json_put(buf, sizeof(buf), &len, "\"municipality\": ") == -1 ||
	    json_str(buf, sizeof(buf), &len, p.code) == -1 ||
	    json_put(buf, sizeof(buf), &len,
		", \"licence\": \"%s\", \"licence_url\": \"%s\", "
		"\"extracted\": \"%s\", \"k\": %lld, \"unit\": \"%s\", "
		"\"rows\": [",
		OPEN_LICENCE, OPEN_LICENCE_URL, today(r), (long long)p.k,
		d == PUB_USERS ? "people" : p.currency) == -1 ||
	    resp_stream_write(r, buf, len) == -1)
		goto cut;
	for (i = 0; i < p.t.nrows; i++)
		for (j = 0; j < p.t.ncols; j++) {
			c = i * p.t.ncols + j;
			len = 0;
			if (json_put(buf, sizeof(buf), &len,
				"%s\n{\"year\": %lld, \"service\": ",
				c == 0 ? "" : ",",
				(long long)(p.first + (int64_t)j)) == -1 ||
			    json_str(buf, sizeof(buf), &len,
				db_str(&p.services, i, "code")) == -1 ||
			    json_put(buf, sizeof(buf), &len, ", \"name\": ") ==
				-1 ||
			    json_str(buf, sizeof(buf), &len,
				db_str(&p.services, i, "name")) == -1)
				goto cut;
			if (p.t.hide[c] ? json_put(buf, sizeof(buf), &len,
					      ", \"value\": null, "
					      "\"suppressed\": true, "
					      "\"shown_as\": \"<%lld\"}",
					      (long long)p.k)
				: d == PUB_USERS
				? json_put(buf, sizeof(buf), &len,
				      ", \"value\": %lld, \"suppressed\": "
				      "false}",
				      (long long)p.t.count[c])
				: json_put(buf, sizeof(buf), &len,
				      ", \"value\": \"%s\", \"suppressed\": "
				      "false}",
				      para_text(r, p.t.amount[c])))
				goto cut;
			if (resp_stream_write(r, buf, len) == -1)
				goto cut;
		}
	if (resp_stream_write(r, "\n]}\n", 4) == -1)
		goto cut;
	return HTTP_OK;
cut:
	LOGE("rid=%s: open-data JSON cut short", r->rid);
	return HTTP_OK;
}

/* GET /reports/open/users.csv, users.json, spending.csv, spending.json
 * (ROUTE_STREAM, anyone). */
enum http_status
open_users_csv(struct req *r, struct xml *x)
{
	return open_csv(r, PUB_USERS);
}

enum http_status
open_users_json(struct req *r, struct xml *x)
{
	return open_json(r, PUB_USERS);
}

enum http_status
open_spending_csv(struct req *r, struct xml *x)
{
	return open_csv(r, PUB_SPENDING);
}

enum http_status
open_spending_json(struct req *r, struct xml *x)
{
	return open_json(r, PUB_SPENDING);
}
