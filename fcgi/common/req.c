/* SPDX-License-Identifier: ISC */
/*
 * req.c: turns the FastCGI parameters and body into struct req.  Parsing
 * is strict: malformed percent-encoding, invalid UTF-8 and control
 * characters in the path, query or form make the request a 400 before any
 * handler runs, and a body over REQ_BODY_MAX_BYTES a 413.  Every string in
 * struct req has passed text_clean(), so it is safe to hand to libxml2.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fcgiapp.h>

#include "karika.h"
#include "extern.h"

/* 64 bits: a request id tells log lines apart, it guards nothing. */
#define REQ_ID_RANDOM_BYTES 8

/* The value of CGI parameter name in envp, or NULL.  Borrowed. */
const char *
req_env(const char *const *envp, const char *name)
{
	size_t n = strlen(name);

	for (; envp != NULL && *envp != NULL; envp++)
		if (strncmp(*envp, name, n) == 0 && (*envp)[n] == '=')
			return *envp + n + 1;
	return NULL;
}

/* The value of the first pair named key, or NULL.  Borrowed. */
const char *
kv_get(const struct kvlist *l, const char *key)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return l->v[i].val;
	return NULL;
}

/* Field names are ours: no control character at all, not even a newline. */
static bool
key_ok(const char *k)
{
	for (; *k != '\0'; k++)
		if ((unsigned char)*k < 0x20 || *k == 0x7f)
			return false;
	return true;
}

/*
 * The most pairs "k=v&k2=v2" (len bytes at s) can hold: one more than
 * its '&' (empty pairs hold none), never more than FORM_MAX_FIELDS, the
 * most a request may send.  So a query of three fields takes three
 * slots, not FORM_MAX_FIELDS (48 KiB), and a grid's 2000 fields still
 * fit.
 */
size_t
kv_max_pairs(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	size_t n = 1;

	if (len == 0)
		return 0;
	while (n < FORM_MAX_FIELDS &&
	    (p = memchr(p, '&', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/*
 * Decodes "k=v&k2=v2" (len bytes at s, not necessarily NUL-terminated)
 * into l, copies in arena a, with a slot per possible pair
 * (kv_max_pairs).  Empty pairs are skipped; a key without '=' has the
 * value "".  Returns HTTP_OK, or HTTP_BAD_REQUEST for bad escapes,
 * invalid UTF-8, control characters, an over-long key or more than
 * FORM_MAX_FIELDS pairs.
 */
enum http_status
kv_parse_urlencoded(
    struct arena *a, const char *s, size_t len, struct kvlist *l)
{
	const char *p = s, *end, *amp, *eq;
	size_t klen, vlen, slots;
	char *k, *v;

	l->n = 0;
	l->v = NULL;
	if (len == 0)
		return HTTP_OK;
	end = s + len;
	slots = kv_max_pairs(s, len);
	l->v = arena_calloc(a, slots, sizeof(*l->v));
	while (p < end) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		if (amp == p) {
			p++;
			continue;
		}
		/* Only when capped: FORM_MAX_FIELDS pairs read, another. */
		if (l->n == slots)
			return HTTP_BAD_REQUEST;
		eq = memchr(p, '=', (size_t)(amp - p));
		klen = (size_t)((eq != NULL ? eq : amp) - p);
		k = arena_strndup(a, p, klen);
		vlen = eq != NULL ? (size_t)(amp - eq - 1) : 0;
		v = arena_strndup(a, eq != NULL ? eq + 1 : "", vlen);
		if (pct_decode(k, &klen) == -1 || pct_decode(v, &vlen) == -1)
			return HTTP_BAD_REQUEST;
		if (klen == 0 || klen > FORM_KEY_MAX_BYTES || !key_ok(k) ||
		    !text_clean(k, klen) || !text_clean(v, vlen))
			return HTTP_BAD_REQUEST;
		l->v[l->n].key = k;
		l->v[l->n].val = v;
		l->v[l->n].len = vlen;
		l->n++;
		p = amp + 1;
	}
	return HTTP_OK;
}

/*
 * Splits a Cookie header into l.  Cookies belong to the whole site and may
 * be set by other software, so a malformed pair is skipped, never a 400.
 * Values are not decoded; only printable ASCII is kept.
 */
enum http_status
kv_parse_cookies(struct arena *a, const char *s, struct kvlist *l)
{
	const char *p = s, *semi, *eq, *c;
	size_t klen, vlen;
	bool ok;

	l->n = 0;
	l->v = arena_calloc(a, COOKIE_MAX_COUNT, sizeof(*l->v));
	while (s != NULL && *p != '\0' && l->n < COOKIE_MAX_COUNT) {
		while (*p == ' ')
			p++;
		if ((semi = strchr(p, ';')) == NULL)
			semi = p + strlen(p);
		eq = memchr(p, '=', (size_t)(semi - p));
		ok = eq != NULL && eq > p;
		for (c = p; ok && c < semi; c++)
			if (*c <= ' ' || *c >= 0x7f || *c == '"' || *c == '\\')
				ok = false;
		if (ok) {
			klen = (size_t)(eq - p);
			vlen = (size_t)(semi - eq - 1);
			l->v[l->n].key = arena_strndup(a, p, klen);
			l->v[l->n].val = arena_strndup(a, eq + 1, vlen);
			l->v[l->n].len = vlen;
			l->n++;
		}
		p = *semi != '\0' ? semi + 1 : semi;
	}
	return HTTP_OK;
}

/*
 * A request id from nginx ($request_id: hex), or 16 random hex digits
 * (token_new, sess.c).  In the arena.
 */
static const char *
request_id(struct arena *a, const char *given)
{
	size_t n;

	if (given != NULL && (n = strlen(given)) >= 8 && n <= 64 &&
	    strspn(given, "0123456789abcdef") == n)
		return arena_strdup(a, given);
	return token_new(a, REQ_ID_RANDOM_BYTES);
}

/*
 * A multipart/form-data body (upload.c): its plain fields become r->form,
 * checked as a url-encoded form's are (clean text, at most
 * FORM_MAX_FIELDS); its files r->files.  Returns HTTP_OK, HTTP_TOO_LARGE
 * for a part over its limit, or HTTP_BAD_REQUEST (logged with the
 * problem's key).
 */
static enum http_status
read_multipart(struct req *r, const char *ct, const char *buf, size_t len)
{
	struct upload_parts all;
	enum upload_error e;
	const struct upload_part *p;
	size_t i, nfiles = 0;

	if ((e = upload_parse(r->arena, ct, buf, len, NULL, &all)) !=
	    UPLOAD_OK) {
		LOGE("rid=%s multipart body refused: %s", r->rid,
		    upload_error_key(e));
		return e == UPLOAD_PART_TOO_LARGE ? HTTP_TOO_LARGE
						  : HTTP_BAD_REQUEST;
	}
	r->form.v = arena_calloc(r->arena, FORM_MAX_FIELDS, sizeof(*r->form.v));
	r->files.part = arena_calloc(r->arena, all.n + 1, sizeof(*all.part));
	for (i = 0; i < all.n; i++) {
		p = &all.part[i];
		if (p->filename != NULL) {
			r->files.part[nfiles++] = *p;
			continue;
		}
		if (r->form.n == FORM_MAX_FIELDS ||
		    !text_clean(p->data, p->len))
			return HTTP_BAD_REQUEST;
		r->form.v[r->form.n].key = arena_strdup(r->arena, p->name);
		r->form.v[r->form.n].val =
		    arena_strndup(r->arena, p->data, p->len);
		r->form.v[r->form.n].len = p->len;
		r->form.n++;
	}
	r->files.n = nfiles;
	return HTTP_OK;
}

/*
 * Reads a body of the announced length: url-encoded (at most
 * REQ_BODY_MAX_BYTES) or multipart/form-data (at most
 * REQ_UPLOAD_MAX_BYTES; nginx lets so much through only where an upload
 * is expected).  Returns HTTP_OK, HTTP_TOO_LARGE, or HTTP_BAD_REQUEST
 * (bad length, short body, bad form, another content type).
 */
static enum http_status
read_body(struct req *r, const char *const *envp)
{
	FCGX_Request *fr = r->fcgx;
	const char *cl, *ct;
	int64_t len = 0;
	char *buf;
	int got;
	bool multipart;

	cl = req_env(envp, "CONTENT_LENGTH");
	if (cl != NULL && *cl != '\0' &&
	    str_to_int64(cl, 0, INT64_MAX, &len) == -1)
		return HTTP_BAD_REQUEST;
	if (len == 0)
		return HTTP_OK;
	ct = req_env(envp, "CONTENT_TYPE");
	multipart =
	    ct != NULL && strncasecmp(ct, "multipart/form-data", 19) == 0;
	/* Documents (docs.c): read in pieces, files straight to disk. */
	if (multipart && docs_prefix != NULL &&
	    strncmp(r->path, docs_prefix, strlen(docs_prefix)) == 0)
		return docs_receive(r, ct, len);
	if (len > (multipart ? REQ_UPLOAD_MAX_BYTES : REQ_BODY_MAX_BYTES))
		return HTTP_TOO_LARGE;
	if (!multipart &&
	    (ct == NULL ||
		strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0))
		return HTTP_BAD_REQUEST;
	buf = arena_alloc(r->arena, (size_t)len + 1);
	if (fr == NULL || (got = FCGX_GetStr(buf, (int)len, fr->in)) != len)
		return HTTP_BAD_REQUEST;
	buf[len] = '\0';
	if (multipart)
		return read_multipart(r, ct, buf, (size_t)len);
	return kv_parse_urlencoded(r->arena, buf, (size_t)len, &r->form);
}

/*
 * What a User-Agent header is reduced to: the browser and the operating
 * system, as codes that the session list turns into catalogue words.
 * Codes, not the header, are stored: they are all the owner needs to
 * recognise a session, and a full header is close to a fingerprint.
 * The tables are tried in order, first match wins, so a more specific
 * token comes before the one it contains: browsers built on Chrome say
 * "Chrome/" and Safari's "Safari/" too, Android says "Linux", iOS says
 * "like Mac OS X".  A token in the "other" rows makes the answer "other"
 * rather than a wrong name (Vivaldi is not Chrome; Android's WebView and
 * in-app browsers are not Safari).
 */
static const char *const ua_browser_code[UA_BROWSER__MAX] = {
    [UA_FIREFOX] = "firefox",
    [UA_CHROME] = "chrome",
    [UA_EDGE] = "edge",
    [UA_SAFARI] = "safari",
    [UA_OPERA] = "opera",
    [UA_SAMSUNG] = "samsung",
    [UA_BROWSER_OTHER] = "other"};

static const char *const ua_os_code[UA_OS__MAX] = {[UA_ANDROID] = "android",
    [UA_IOS] = "ios",
    [UA_WINDOWS] = "windows",
    [UA_MACOS] = "macos",
    [UA_LINUX] = "linux",
    [UA_OS_OTHER] = "other"};

static const struct {
	const char *token;
	enum ua_browser browser;
} ua_browsers[] = {
    {"SamsungBrowser/", UA_SAMSUNG},
    {"OPR/", UA_OPERA},
    {"OPiOS/", UA_OPERA},
    {"OPT/", UA_OPERA},
    {"Opera", UA_OPERA},
    {"Edg/", UA_EDGE},
    {"EdgA/", UA_EDGE},
    {"EdgiOS/", UA_EDGE},
    {"Edge/", UA_EDGE},
    {"YaBrowser/", UA_BROWSER_OTHER},
    {"Vivaldi/", UA_BROWSER_OTHER},
    {"UCBrowser/", UA_BROWSER_OTHER},
    {"MiuiBrowser/", UA_BROWSER_OTHER},
    {"HuaweiBrowser/", UA_BROWSER_OTHER},
    {"DuckDuckGo/", UA_BROWSER_OTHER},
    {"Firefox/", UA_FIREFOX},
    {"FxiOS/", UA_FIREFOX},
    {"CriOS/", UA_CHROME},
    {"; wv)", UA_BROWSER_OTHER},
    {"Chrome/", UA_CHROME},
    {"Chromium/", UA_CHROME},
};

static const struct {
	const char *token;
	enum ua_os os;
} ua_systems[] = {
    {"Windows Phone", UA_OS_OTHER},
    {"Android", UA_ANDROID},
    {"iPhone", UA_IOS},
    {"iPad", UA_IOS},
    {"iPod", UA_IOS},
    {"Windows", UA_WINDOWS},
    {"Macintosh", UA_MACOS},
    {"Mac OS X", UA_MACOS},
    {"CrOS", UA_OS_OTHER},
    {"Linux", UA_LINUX},
};

/*
 * Reduces the User-Agent header ua (NULL or empty: unknown) to its
 * browser and operating system.  Safari is named only on Apple's systems
 * with Safari's own "Version/" token: elsewhere "Safari/" is a WebKit
 * engine, not the browser.  Never fails; unknown is UA_BROWSER_OTHER and
 * UA_OS_OTHER.
 */
void
ua_parse(const char *ua, enum ua_browser *browser, enum ua_os *os)
{
	size_t i;

	*browser = UA_BROWSER_OTHER;
	*os = UA_OS_OTHER;
	if (ua == NULL)
		return;
	for (i = 0; i < sizeof(ua_systems) / sizeof(ua_systems[0]); i++)
		if (strstr(ua, ua_systems[i].token) != NULL) {
			*os = ua_systems[i].os;
			break;
		}
	for (i = 0; i < sizeof(ua_browsers) / sizeof(ua_browsers[0]); i++)
		if (strstr(ua, ua_browsers[i].token) != NULL) {
			*browser = ua_browsers[i].browser;
			return;
		}
	if ((*os == UA_IOS || *os == UA_MACOS) &&
	    strstr(ua, "Version/") != NULL && strstr(ua, "Safari/") != NULL)
		*browser = UA_SAFARI;
}

/*
 * The summary of the User-Agent header ua that the session list shows:
 * "<browser> <os>" in codes, e.g. "firefox android" or "other other".
 * In the arena; never NULL.
 */
const char *
ua_summary(struct arena *a, const char *ua)
{
	enum ua_browser b;
	enum ua_os o;

	ua_parse(ua, &b, &o);
	return arena_printf(a, "%s %s", ua_browser_code[b], ua_os_code[o]);
}

/*
 * The raw query without its lang= pairs, for the page's language links
 * to keep (a link's token, a search).  The query has parsed cleanly, so
 * it is XML-safe; the writer escapes '&'.
 */
static const char *
query_without_lang(struct arena *a, const char *qs)
{
	char *out = arena_alloc(a, strlen(qs) + 1), *o = out;
	const char *p, *amp;
	size_t n;

	for (p = qs; *p != '\0'; p = amp != NULL ? amp + 1 : p + n) {
		amp = strchr(p, '&');
		n = amp != NULL ? (size_t)(amp - p) : strlen(p);
		if (n == 0 || (n >= 5 && strncmp(p, "lang=", 5) == 0) ||
		    (n == 4 && strncmp(p, "lang", 4) == 0))
			continue;
		if (o != out)
			*o++ = '&';
		memcpy(o, p, n);
		o += n;
		if (amp == NULL)
			break;
	}
	*o = '\0';
	return out;
}

/*
 * For the error page of a query that did not parse: a plain "lang=<tag>"
 * pair among the raw ones still chooses its language (tags are ASCII, so
 * no decoding is needed).  Sets no cookie.
 */
static void
raw_locale(struct req *r, const char *qs)
{
	const char *p, *amp;
	char tag[16];
	size_t n;

	for (p = qs; p != NULL && *p != '\0';
	     p = amp != NULL ? amp + 1 : NULL) {
		amp = strchr(p, '&');
		n = amp != NULL ? (size_t)(amp - p) : strlen(p);
		if (n <= 5 || n - 5 >= sizeof(tag) ||
		    strncmp(p, "lang=", 5) != 0)
			continue;
		memcpy(tag, p + 5, n - 5);
		tag[n - 5] = '\0';
		if (locale_from_tag(tag) != LOCALE__MAX)
			r->locale = locale_from_tag(tag);
	}
}

/*
 * Fills r from the CGI parameters envp (and reads the body of a POST).
 * r->arena, r->w and r->fcgx are set by the caller.  Returns HTTP_OK or
 * the status of the first problem found; the request is then answered
 * with that error page, never routed.
 */
enum http_status
req_parse(struct req *r, const char *const *envp)
{
	const char *m, *path, *qs;
	size_t len;
	enum http_status st;

	r->rid = request_id(r->arena, req_env(envp, "REQUEST_ID"));
	r->https = str_eq_ci(req_env(envp, "HTTPS"), "on");
	r->shared = str_eq_ci(req_env(envp, "KARIKA_SHARED"), "1");
	r->municipality = req_env(envp, "KARIKA_MUNICIPALITY");
	if (r->municipality == NULL || *r->municipality == '\0' ||
	    strlen(r->municipality) > 32 ||
	    !text_clean(r->municipality, strlen(r->municipality)))
		r->municipality = r->w != NULL ? r->w->municipality : "";
	r->municipality = arena_strdup(r->arena, r->municipality);
	r->path = "/";
	r->client = req_env(envp, "REMOTE_ADDR");
	r->client = arena_strdup(r->arena,
	    r->client != NULL && strlen(r->client) < 64 ? r->client : "");
	r->user_agent = ua_summary(r->arena, req_env(envp, "HTTP_USER_AGENT"));
	kv_parse_cookies(r->arena, req_env(envp, "HTTP_COOKIE"), &r->cookies);
	r->locale = locale_negotiate(NULL, kv_get(&r->cookies, "lang"),
	    req_env(envp, "HTTP_ACCEPT_LANGUAGE"),
	    r->w != NULL ? r->w->default_locale : LOCALE_SR_CYRL);

	m = req_env(envp, "REQUEST_METHOD");
	r->method_name =
	    arena_strdup(r->arena, m != NULL && strlen(m) < 16 ? m : "-");
	if (str_eq_ci(m, "GET"))
		r->method = METHOD_GET;
	else if (str_eq_ci(m, "HEAD"))
		r->method = METHOD_HEAD;
	else if (str_eq_ci(m, "POST"))
		r->method = METHOD_POST;
	else
		r->method = METHOD_OTHER;

	if ((path = req_env(envp, "DOCUMENT_URI")) == NULL)
		path = req_env(envp, "SCRIPT_NAME");
	/* No control character at all: the path goes into the log line. */
	if (path == NULL || *path != '/' ||
	    (len = strlen(path)) > REQ_PATH_MAX_BYTES ||
	    !text_clean(path, len) || !key_ok(path))
		return HTTP_BAD_REQUEST;
	/* Copies: the log line is written after FCGX_Finish_r frees envp. */
	r->path = arena_strdup(r->arena, path);

	qs = req_env(envp, "QUERY_STRING");
	len = qs != NULL ? strlen(qs) : 0;
	if (len > REQ_QUERY_MAX_BYTES)
		return HTTP_BAD_REQUEST;
	if ((st = kv_parse_urlencoded(r->arena, qs, len, &r->query)) !=
	    HTTP_OK) {
		raw_locale(r, qs);
		return st;
	}
	r->query_keep = query_without_lang(r->arena, qs != NULL ? qs : "");
	if (locale_from_tag(kv_get(&r->query, "lang")) != LOCALE__MAX) {
		r->locale = locale_from_tag(kv_get(&r->query, "lang"));
		r->set_locale_cookie = true;
	}
	if (r->method == METHOD_POST)
		return read_body(r, envp);
	return HTTP_OK;
}
