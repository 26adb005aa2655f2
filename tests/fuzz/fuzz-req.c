/* SPDX-License-Identifier: ISC */
/*
 * fuzz-req.c: req_parse (req.c), which turns the FastCGI parameters into
 * struct req.  The input is up to 8 "NAME=value" lines, split on '\n'
 * (QUERY_STRING=..., DOCUMENT_URI=..., HTTP_COOKIE=...,
 * HTTP_ACCEPT_LANGUAGE=..., REQUEST_ID=..., HTTPS=on, and so on).
 * "REQUEST_METHOD=GET" always comes first, and req_env returns the first
 * match, so the request is never a POST: reading a body needs a real
 * FastCGI stream.  The lines are freed as soon as req_parse returns, as
 * FCGX_Finish_r frees envp before the worker writes its log line, so a
 * string in struct req that still points into envp is a use after free.
 * Whatever the outcome, the locale is a known one, the request id is 8
 * to 64 lower-case hex digits, the municipality passes text_clean and the
 * cookies are printable ASCII (all are parsed before the path).  On
 * HTTP_OK the path starts with '/', is at most REQ_PATH_MAX_BYTES, passes
 * text_clean and holds no control character at all, not even the tab,
 * newline and carriage return that text_clean lets through (req.c
 * promises a 400 for those; nginx decodes %0A into DOCUMENT_URI, and the
 * path goes into the worker's one-line log), and every query pair is
 * clean text, as kv_parse_urlencoded promises (see fuzz-urlencoded.c).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"
#include "fuzz.h"

#define FUZZ_MAX_PARAMS 8

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Aborts unless every pair of the decoded query l is clean text. */
static void
check_query(const struct kvlist *l)
{
	size_t i, klen;

	if (l->n > FORM_MAX_FIELDS)
		abort();
	for (i = 0; i < l->n; i++) {
		klen = strlen(l->v[i].key);
		if (klen == 0 || klen > FORM_KEY_MAX_BYTES ||
		    !utf8_valid(l->v[i].key, klen) ||
		    !text_clean(l->v[i].key, klen) ||
		    strlen(l->v[i].val) != l->v[i].len ||
		    !utf8_valid(l->v[i].val, l->v[i].len) ||
		    !text_clean(l->v[i].val, l->v[i].len))
			abort();
	}
}

/* True when s holds no C0 control character and no DEL. */
static bool
no_controls(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* Aborts unless every cookie in l is printable ASCII. */
static void
check_cookies(const struct kvlist *l)
{
	size_t i;

	if (l->n > COOKIE_MAX_COUNT)
		abort();
	for (i = 0; i < l->n; i++)
		if (l->v[i].key[0] == '\0' ||
		    !cookie_chars(l->v[i].key, true) ||
		    !cookie_chars(l->v[i].val, false))
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	const char *envp[FUZZ_MAX_PARAMS + 2];
	char *line[FUZZ_MAX_PARAMS];
	const char *p = (const char *)data, *end = p + size, *nl;
	struct req r;
	enum http_status st;
	size_t i, n = 0, len;

	if (a == NULL)
		a = arena_new();
	envp[0] = "REQUEST_METHOD=GET";
	while (p < end && n < FUZZ_MAX_PARAMS) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		len = (size_t)(nl - p);
		if ((line[n] = malloc(len + 1)) == NULL)
			abort();
		memcpy(line[n], p, len);
		line[n][len] = '\0';
		envp[n + 1] = line[n];
		n++;
		if (nl == end)
			break;
		p = nl + 1;
	}
	envp[n + 1] = NULL;

	memset(&r, 0, sizeof(r));
	r.arena = a;
	r.w = NULL;
	r.fcgx = NULL;
	st = req_parse(&r, envp);

	/*
	 * The worker logs after FCGX_Finish_r has freed envp, so nothing in r
	 * may point into it: free it first, and a borrowed string is a
	 * heap-use-after-free below.
	 */
	for (i = 0; i < n; i++)
		free(line[i]);

	if (st != HTTP_OK && st != HTTP_BAD_REQUEST)
		abort();
	if (r.locale >= LOCALE__MAX || r.method != METHOD_GET)
		abort();
	len = strlen(r.rid);
	if (len < 8 || len > 64 || strspn(r.rid, "0123456789abcdef") != len)
		abort();
	if (strlen(r.method_name) == 0 || strlen(r.path) == 0 ||
	    !text_clean(r.municipality, strlen(r.municipality)))
		abort();
	check_cookies(&r.cookies);
	if (st == HTTP_OK) {
		len = strlen(r.path);
		if (r.path[0] != '/' || len > REQ_PATH_MAX_BYTES ||
		    !text_clean(r.path, len) || !no_controls(r.path))
			abort();
		check_query(&r.query);
	}

	arena_reset(a);
	return 0;
}
