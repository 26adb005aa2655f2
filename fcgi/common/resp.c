/* SPDX-License-Identifier: ISC */
/*
 * resp.c: the one place a response is opened.  resp_headers() writes the
 * status, the content type and the headers every response carries; the
 * senders below call it and then write the body.  nginx adds the
 * Content-Security-Policy and the other site-wide headers at the edge
 * (nginx/karika.conf); the worker's own are here so that a worker reached
 * without that include is still safe.
 */
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>

#include "extern.h"

/* The reason phrase for a status we answer with. */
const char *
http_reason(enum http_status st)
{
	switch (st) {
	case HTTP_OK:
		return "OK";
	case HTTP_SEE_OTHER:
		return "See Other";
	case HTTP_BAD_REQUEST:
		return "Bad Request";
	case HTTP_FORBIDDEN:
		return "Forbidden";
	case HTTP_NOT_FOUND:
		return "Not Found";
	case HTTP_METHOD_NOT_ALLOWED:
		return "Method Not Allowed";
	case HTTP_CONFLICT:
		return "Conflict";
	case HTTP_TOO_LARGE:
		return "Content Too Large";
	case HTTP_UNPROCESSABLE:
		return "Unprocessable Content";
	case HTTP_TOO_MANY:
		return "Too Many Requests";
	case HTTP_INTERNAL:
		return "Internal Server Error";
	case HTTP_UNAVAILABLE:
		return "Service Unavailable";
	default:
		abort();
	}
}

/* Writes the status line and headers; the body follows. */
void
resp_headers(struct req *r, enum http_status st, const char *ctype)
{
	FCGX_Stream *out = ((FCGX_Request *)r->fcgx)->out;
	size_t i;

	r->status = st;
	FCGX_FPrintF(out, "Status: %d %s\r\n", (int)st, http_reason(st));
	if (ctype != NULL)
		FCGX_FPrintF(out, "Content-Type: %s\r\n", ctype);
	FCGX_FPrintF(out,
	    "Content-Language: %s\r\n"
	    "X-Content-Type-Options: nosniff\r\n"
	    "Cache-Control: no-store\r\n"
	    "Vary: Cookie, Accept-Language\r\n",
	    locale_tags[r->locale]);
	if (r->allow != NULL)
		FCGX_FPrintF(out, "Allow: %s\r\n", r->allow);
	if (r->set_locale_cookie) {
		r->set_locale_cookie = false;
		resp_cookie(
		    r, "lang", locale_tags[r->locale], LOCALE_COOKIE_SECONDS);
	}
	for (i = 0; i < r->nsetcookie; i++)
		FCGX_FPrintF(out, "Set-Cookie: %s\r\n", r->setcookie[i]);
	FCGX_PutS("\r\n", out);
}

/*
 * Queues a cookie for the response: HttpOnly, SameSite=Lax, for the whole
 * site, Secure when the request came over HTTPS.  max_age > 0 keeps it that
 * many seconds, 0 deletes it, -1 makes it last the browser session.  name
 * and value are ours (tokens, locale tags), never user text.
 */
void
resp_cookie(struct req *r, const char *name, const char *value, int64_t max_age)
{
	resp_cookie_at(r, name, value, "/", max_age);
}

/*
 * resp_cookie() for the paths under path only (a local path of ours,
 * "/surveys/needs-2026/": a survey's resume code goes nowhere else).
 */
void
resp_cookie_at(struct req *r, const char *name, const char *value,
    const char *path, int64_t max_age)
{
	const char *age = "";

	if (r->nsetcookie == RESP_MAX_COOKIES)
		abort(); /* a handler bug: we set at most a few */
	if (max_age >= 0)
		age = arena_printf(
		    r->arena, "; Max-Age=%lld", (long long)max_age);
	r->setcookie[r->nsetcookie++] =
	    arena_printf(r->arena, "%s=%s; Path=%s%s; HttpOnly; SameSite=Lax%s",
		name, value, path, age, r->https ? "; Secure" : "");
}

static void
body(struct req *r, const char *s, size_t len)
{
	FCGX_Stream *out = ((FCGX_Request *)r->fcgx)->out;

	/*
	 * Also for HEAD: nginx drops the body itself, and its XSLT filter
	 * needs the document to produce the right headers.
	 */
	if (len > 0)
		FCGX_PutStr(s, (int)len, out);
}

/*
 * Sends a finished XML document (text/xml: nginx's XSLT filter turns it
 * into HTML with the worker's stylesheet).
 */
void
resp_send_xml(struct req *r, enum http_status st, const char *doc, size_t len)
{
	resp_headers(r, st, "text/xml; charset=utf-8");
	body(r, doc, len);
}

/*
 * A streamed download (ROUTE_STREAM, route.c): resp_stream_open() sends
 * status 200 with ctype and "Content-Disposition: attachment" naming
 * filename (ours: ASCII letters, digits, '-', '.' and '_'; anything else
 * is replaced by '_'), then resp_stream_write() sends the body piece by
 * piece as the handler makes it: a CSV of a million rows goes out in
 * constant memory (csv_writer's buffer), never built whole.  nginx
 * passes it through untouched (only text/xml meets the XSLT filter).
 * Once opened, the status is sent: a failure later can only cut the body
 * short, which the handler logs.
 */
void
resp_stream_open(struct req *r, const char *ctype, const char *filename)
{
	FCGX_Stream *out = ((FCGX_Request *)r->fcgx)->out;
	char name[64];
	size_t i;

	for (i = 0; i < sizeof(name) - 1 && filename[i] != '\0'; i++)
		name[i] = (strchr("-._", filename[i]) != NULL ||
			      (filename[i] >= '0' && filename[i] <= '9') ||
			      (filename[i] >= 'a' && filename[i] <= 'z') ||
			      (filename[i] >= 'A' && filename[i] <= 'Z'))
		    ? filename[i]
		    : '_';
	name[i] = '\0';
	FCGX_FPrintF(
	    out, "Content-Disposition: attachment; filename=\"%s\"\r\n", name);
	resp_headers(r, HTTP_OK, ctype);
}

/*
 * Sends the n bytes at s of a streamed body; arg is the struct req (the
 * signature of a csv_sink).  Returns 0, or -1 when the client has gone
 * away (the handler stops).
 */
int
resp_stream_write(void *arg, const char *s, size_t n)
{
	struct req *r = arg;
	FCGX_Stream *out = ((FCGX_Request *)r->fcgx)->out;

	if (n == 0)
		return 0;
	if (n > INT32_MAX || FCGX_PutStr(s, (int)n, out) != (int)n ||
	    FCGX_GetError(out) != 0)
		return -1;
	return 0;
}

/* Sends a short plain-text answer (health checks). */
void
resp_send_text(struct req *r, enum http_status st, const char *s)
{
	resp_headers(r, st, "text/plain; charset=utf-8");
	body(r, s, strlen(s));
}

/*
 * True for a path of this site that is safe to send a browser to: it
 * starts with one '/' (not "//" or "/\\", which browsers take for another
 * host), holds no CR, LF or backslash, and is at most 200 bytes.  Never an
 * open redirect.
 */
bool
path_local(const char *p)
{
	return p != NULL && p[0] == '/' && p[1] != '/' && p[1] != '\\' &&
	    strlen(p) <= 200 && strpbrk(p, "\r\n\\") == NULL;
}

/* 303 See Other to a local path (post, redirect, get). */
void
resp_redirect(struct req *r, const char *location)
{
	FCGX_Stream *out = ((FCGX_Request *)r->fcgx)->out;

	if (!path_local(location))
		location = "/";
	FCGX_FPrintF(out, "Location: %s\r\n", location);
	resp_headers(r, HTTP_SEE_OTHER, NULL);
}

/*
 * Sends the error page for st: the envelope around <error status key/>,
 * which every stylesheet renders in the user's language with the request
 * id.  key is a message-catalogue key, or NULL for the status's own.
 */
void
resp_error(struct req *r, enum http_status st, const char *key)
{
	struct xml *x;
	const char *doc;
	size_t len;

	if (key == NULL)
		key = arena_printf(r->arena, "error.%d", (int)st);
	x = xml_new();
	if (xml_open_page(x, r) == -1 || xml_start(x, "error") == -1 ||
	    xml_attr_int(x, "status", (int)st) == -1 ||
	    xml_attr(x, "key", key) == -1 || xml_close_page(x) == -1 ||
	    xml_finish(x, &doc, &len) == -1)
		resp_send_text(r, st, http_reason(st));
	else
		resp_send_xml(r, st, doc, len);
	xml_free(x);
}
