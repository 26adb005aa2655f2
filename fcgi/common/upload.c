/* SPDX-License-Identifier: ISC */
/*
 * upload.c: multipart/form-data (RFC 7578, framed as RFC 2046 says), the
 * body a browser sends for a form with a file.  req.c calls upload_parse()
 * for a POST with that content type: the parts without a filename become
 * the request's form fields (struct kvlist, as a url-encoded body would),
 * the parts with one its files (r->files).  The CSV import of the
 * register uses it now, the applications' documents (issue 13) next.
 *
 * The whole body is in memory (req.c has read at most
 * REQ_UPLOAD_MAX_BYTES).  Parsing is strict and bounded: the boundary
 * comes from the Content-Type (1 to 70 characters of RFC 2046's set,
 * quoted or not); the body is a preamble (ignored), then parts, each
 * "--boundary" CRLF, header lines up to a blank line (at most
 * max_header_bytes), the content up to CRLF "--boundary", and the close
 * "--boundary--" (the epilogue after it is ignored).  A part must say
 * Content-Disposition: form-data with a name; the name and the filename
 * must be clean UTF-8 (a browser escapes '"', CR and LF in them as %22,
 * %0D, %0A, which are kept as they are), the name at most
 * FORM_KEY_MAX_BYTES, the filename at most UPLOAD_FILENAME_MAX_BYTES with
 * any folder in front of it dropped (old browsers send "C:\...\x.csv").
 * A missing close, a part without its header's end, too many parts, a
 * part or a header over its limit: each is an error of its own, with a
 * message key (upload_error_key), never a half-parsed result.
 *
 * The parts' contents point into the body (which lives in the request's
 * arena): they are bytes, not NUL-terminated, and a file may hold
 * anything.  Names, filenames and types are NUL-terminated copies.
 */
#include <string.h>
#include <strings.h>

#include "karika.h"

static const struct upload_limits defaults = {
    UPLOAD_MAX_PARTS, UPLOAD_PART_MAX_BYTES, UPLOAD_HEADER_MAX_BYTES};

/* RFC 2046's bchars, less the space (which may not end a boundary). */
static bool
bchar(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || strchr("'()+_,-./:=?", c) != NULL;
}

/*
 * The boundary of a Content-Type "multipart/form-data; boundary=…" into
 * out (at most UPLOAD_BOUNDARY_MAX_BYTES and a NUL).  Returns 0, or -1
 * when ct is not multipart/form-data or names no usable boundary.
 */
int
upload_boundary(const char *ct, char out[UPLOAD_BOUNDARY_MAX_BYTES + 1])
{
	const char *p;
	size_t n = 0;
	bool quoted;

	if (ct == NULL || strncasecmp(ct, "multipart/form-data", 19) != 0 ||
	    (ct[19] != ';' && ct[19] != ' ' && ct[19] != '\0'))
		return -1;
	for (p = ct + 19; *p != '\0'; p++) {
		if (strncasecmp(p, "boundary=", 9) == 0 &&
		    (p[-1] == ';' || p[-1] == ' '))
			break;
	}
	if (*p == '\0')
		return -1;
	p += 9;
	if ((quoted = *p == '"'))
		p++;
	while (
	    *p != '\0' && *p != (quoted ? '"' : ';') && (quoted || *p != ' ')) {
		if (n == UPLOAD_BOUNDARY_MAX_BYTES ||
		    !(bchar(*p) || (quoted && *p == ' ')))
			return -1;
		out[n++] = *p++;
	}
	if ((quoted && *p != '"') || n == 0 || out[n - 1] == ' ')
		return -1;
	out[n] = '\0';
	return 0;
}

/* memmem for the n bytes at s (glibc has it, but not POSIX). */
static const char *
find(const char *s, size_t n, const char *pat, size_t m)
{
	const char *end = s + n, *p = s;

	if (m == 0)
		return NULL;
	while ((size_t)(end - p) >= m) {
		if ((p = memchr(p, pat[0], (size_t)(end - p) - m + 1)) == NULL)
			return NULL;
		if (memcmp(p, pat, m) == 0)
			return p;
		p++;
	}
	return NULL;
}

/*
 * The value of parameter name (name="x" or name=x) in a header value
 * hv: a new string in a, or NULL when absent.  A quoted value runs to
 * the next '"' (browsers escape quotes inside as %22).  "filename*"
 * is not "filename".
 */
static char *
param(struct arena *a, const char *hv, const char *name, bool *bad)
{
	size_t n = strlen(name);
	const char *p = hv, *e;

	while ((p = strchr(p, ';')) != NULL) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, name, n) != 0 || p[n] != '=')
			continue;
		p += n + 1;
		if (*p == '"') {
			if ((e = strchr(++p, '"')) == NULL) {
				*bad = true;
				return NULL;
			}
		} else
			e = p + strcspn(p, "; \t");
		return arena_strndup(a, p, (size_t)(e - p));
	}
	return NULL;
}

/* True for text a page may show: valid UTF-8, no control character. */
static bool
clean_name(const char *s, size_t max)
{
	size_t n = strlen(s);
	const char *c;

	if (n > max || !utf8_valid(s, n) || !text_clean(s, n))
		return false;
	for (c = s; *c != '\0'; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			return false;
	return true;
}

/*
 * Reads the header block of one part (h, n bytes, without the blank line
 * that ends it) into p.  Returns UPLOAD_OK or the problem.
 */
static enum upload_error
part_header(struct arena *a, const char *h, size_t n, struct upload_part *p)
{
	const char *line = h, *end = h + n, *eol, *c;
	char *l, *v, *slash;
	bool disposition = false, bad = false;
	size_t len;

	while (line < end) {
		eol = find(line, (size_t)(end - line), "\r\n", 2);
		if (eol == NULL)
			eol = end;
		len = (size_t)(eol - line);
		for (c = line; c < eol; c++)
			if ((unsigned char)*c < 0x20 && *c != '\t')
				return UPLOAD_HEADER;
		l = arena_strndup(a, line, len);
		line = eol + (eol < end ? 2 : 0);
		if ((v = strchr(l, ':')) == NULL)
			return UPLOAD_HEADER;
		*v++ = '\0';
		while (*v == ' ' || *v == '\t')
			v++;
		if (strcasecmp(l, "Content-Disposition") == 0) {
			if (disposition ||
			    strncasecmp(v, "form-data", 9) != 0 ||
			    (v[9] != ';' && v[9] != '\0' && v[9] != ' '))
				return UPLOAD_HEADER;
			disposition = true;
			p->name = param(a, v, "name", &bad);
			p->filename = param(a, v, "filename", &bad);
			if (bad)
				return UPLOAD_HEADER;
		} else if (strcasecmp(l, "Content-Type") == 0) {
			if (strlen(v) > UPLOAD_TYPE_MAX_BYTES || *v == '\0')
				return UPLOAD_HEADER;
			for (c = v; *c != '\0'; c++)
				if ((unsigned char)*c >= 0x7f)
					return UPLOAD_HEADER;
			p->type = v;
		}
	}
	if (!disposition || p->name == NULL || *p->name == '\0')
		return UPLOAD_HEADER;
	if (!clean_name(p->name, FORM_KEY_MAX_BYTES))
		return UPLOAD_NAME;
	if (p->filename != NULL) {
		if (!clean_name(p->filename, UPLOAD_FILENAME_MAX_BYTES))
			return UPLOAD_NAME;
		while ((slash = strpbrk(p->filename, "/\\")) != NULL)
			p->filename = slash + 1;
	}
	if (p->type == NULL)
		p->type = p->filename != NULL ? "application/octet-stream"
					      : "text/plain";
	return UPLOAD_OK;
}

/*
 * Parses the len bytes of body, sent with Content-Type ct, into out
 * (arrays in arena a; contents point into body, which must outlive out).
 * lim NULL means the defaults (UPLOAD_MAX_PARTS, UPLOAD_PART_MAX_BYTES,
 * UPLOAD_HEADER_MAX_BYTES).  Returns UPLOAD_OK, or the first problem
 * found, with out emptied.
 */
enum upload_error
upload_parse(struct arena *a, const char *ct, const char *body, size_t len,
    const struct upload_limits *lim, struct upload_parts *out)
{
	char b[UPLOAD_BOUNDARY_MAX_BYTES + 1];
	char *delim;
	const char *p, *end = body + len, *hend, *next;
	size_t dlen, cap;
	struct upload_part *part;
	enum upload_error e = UPLOAD_OK;

	out->n = 0;
	out->part = NULL;
	if (lim == NULL)
		lim = &defaults;
	if (upload_boundary(ct, b) == -1)
		return UPLOAD_BOUNDARY;
	/* "\r\n--boundary": the delimiter between parts. */
	delim = arena_printf(a, "\r\n--%s", b);
	dlen = strlen(delim);
	cap = lim->max_parts;
	out->part = arena_calloc(a, cap > 0 ? cap : 1, sizeof(*out->part));
	/* The first delimiter may open the body, without its CRLF. */
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0)
		p = body + dlen - 2;
	else if ((p = find(body, len, delim, dlen)) != NULL)
		p += dlen;
	else
		return UPLOAD_FRAMING;
	for (;;) {
		/* After a delimiter: "--" closes, else blanks and CRLF. */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n') {
			e = UPLOAD_FRAMING;
			goto fail;
		}
		p += 2;
		if (out->n == cap) {
			e = UPLOAD_TOO_MANY_PARTS;
			goto fail;
		}
		part = &out->part[out->n];
		/* A part with no header at all starts with the blank line. */
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n')
			hend = p;
		else if ((hend = find(p, (size_t)(end - p), "\r\n\r\n", 4)) ==
		    NULL) {
			e = (size_t)(end - p) > lim->max_header_bytes
			    ? UPLOAD_HEADER_TOO_LARGE
			    : UPLOAD_FRAMING;
			goto fail;
		}
		if ((size_t)(hend - p) > lim->max_header_bytes) {
			e = UPLOAD_HEADER_TOO_LARGE;
			goto fail;
		}
		if ((e = part_header(a, p, (size_t)(hend - p), part)) !=
		    UPLOAD_OK)
			goto fail;
		p = hend + (hend == p ? 2 : 4);
		if ((next = find(p, (size_t)(end - p), delim, dlen)) == NULL) {
			e = (size_t)(end - p) > lim->max_part_bytes
			    ? UPLOAD_PART_TOO_LARGE
			    : UPLOAD_FRAMING;
			goto fail;
		}
		if ((size_t)(next - p) > lim->max_part_bytes) {
			e = UPLOAD_PART_TOO_LARGE;
			goto fail;
		}
		part->data = p;
		part->len = (size_t)(next - p);
		out->n++;
		p = next + dlen;
	}
	return UPLOAD_OK;
fail:
	out->n = 0;
	return e;
}

/* The first part named name (a file or a field), or NULL.  Borrowed. */
const struct upload_part *
upload_find(const struct upload_parts *u, const char *name)
{
	size_t i;

	for (i = 0; i < u->n; i++)
		if (strcmp(u->part[i].name, name) == 0)
			return &u->part[i];
	return NULL;
}

/*
 * The message-catalogue key naming problem e for a person
 * ("upload.framing"), or NULL for UPLOAD_OK.  Static strings.
 */
const char *
upload_error_key(enum upload_error e)
{
	static const char *const keys[UPLOAD__MAX] = {
	    NULL,		  /* UPLOAD_OK */
	    "upload.boundary",	  /* UPLOAD_BOUNDARY */
	    "upload.framing",	  /* UPLOAD_FRAMING */
	    "upload.header",	  /* UPLOAD_HEADER */
	    "upload.header-size", /* UPLOAD_HEADER_TOO_LARGE */
	    "upload.name",	  /* UPLOAD_NAME */
	    "upload.parts",	  /* UPLOAD_TOO_MANY_PARTS */
	    "upload.part-size",	  /* UPLOAD_PART_TOO_LARGE */
	};

	return (unsigned)e < UPLOAD__MAX ? keys[e] : NULL;
}
