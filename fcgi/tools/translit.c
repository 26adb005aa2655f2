/* SPDX-License-Identifier: ISC */
/*
 * translit.c: karika-translit, the command-line face of
 * fcgi/common/translit.c.
 *
 *	karika-translit [-c | -l | -k] [--xml] [file]
 *
 * reads the file (or standard input) and writes to standard output: -c
 * (the default) Serbian Latin to Cyrillic, -l Cyrillic to Latin, -k the
 * name search key of each line.  The build runs it with --xml to generate
 * the Serbian Cyrillic message catalogue from the Latin one, so that the
 * official script is never a hand-kept, second-class copy (DOMAIN.md).
 * With --xml only character data is transliterated: markup, comments,
 * processing instructions, entity and character references and {name}
 * placeholders are copied unchanged, the root element's lang="sr-Latn"
 * becomes lang="sr-Cyrl" (and back with -l), and the text of an element
 * with translit="no" is copied as it is.  The scanner trusts the input to
 * be our own well-formed catalogue; it stops with status 1 on what it
 * cannot read rather than guess.  Output is written only when the whole
 * input has been converted, so a failed run leaves no half file behind a
 * shell redirection's truncation.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

/*
 * 4 MiB: the Latin catalogue is about 100 KiB, and the search-key mode is
 * for checking lists of names by hand.  Anything bigger is a wrong file.
 */
#define TRANSLIT_INPUT_MAX_BYTES (4 * 1024 * 1024)

/* Elements nest three deep in a catalogue; 64 is plenty and bounds it. */
#define TRANSLIT_XML_MAX_DEPTH 64

enum mode {
	MODE_CYRL, /* -c: Latin to Cyrillic */
	MODE_LATN, /* -l: Cyrillic to Latin */
	MODE_KEY,  /* -k: search key per line */
	MODE__MAX
};

/* The growing output, written to stdout only when conversion succeeded. */
struct out {
	char *p;
	size_t len;
	size_t cap;
};

/* The state of the --xml scanner over one input buffer. */
struct scan {
	const char *name; /* input file name for messages */
	const char *buf;  /* whole input, NUL-terminated */
	size_t len;
	size_t pos;
	enum mode mode;
	struct out *out;
	size_t depth;			       /* open elements */
	bool verbatim[TRANSLIT_XML_MAX_DEPTH]; /* translit="no" in force */
	bool seen_root;
};

/* Prints the usage line to stderr and returns the exit status 1. */
static int
usage(void)
{
	fputs("usage: karika-translit [-c | -l | -k] [--xml] [file]\n", stderr);
	return 1;
}

/* Appends the n bytes at s to o, growing it as needed. */
static void
out_add(struct out *o, const char *s, size_t n)
{
	size_t cap;

	if (n > SIZE_MAX - o->len)
		abort();
	if (o->len + n > o->cap) {
		cap = o->cap == 0 ? 4096 : o->cap;
		while (cap < o->len + n)
			cap = cap < SIZE_MAX / 2 ? cap * 2 : o->len + n;
		o->p = xrealloc(o->p, cap);
		o->cap = cap;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
}

/* Appends the NUL-terminated string s to o. */
static void
out_adds(struct out *o, const char *s)
{
	out_add(o, s, strlen(s));
}

/* Prints "karika-translit: name: msg" to stderr. */
static void
fail(const char *name, const char *msg)
{
	fprintf(stderr, "karika-translit: %s: %s\n", name, msg);
}

/*
 * Reads all of fp into a new NUL-terminated buffer, *len bytes without
 * the NUL.  Refuses input over TRANSLIT_INPUT_MAX_BYTES, a NUL byte (the
 * transliteration functions would stop there) and malformed UTF-8.
 * Returns the buffer, which the caller frees, or NULL after printing why
 * to stderr.
 */
static char *
read_all(FILE *fp, const char *name, size_t *len)
{
	char *buf = NULL;
	size_t n = 0, got;

	/* One byte more than the limit tells "too big" from "just fits". */
	buf = xmalloc(TRANSLIT_INPUT_MAX_BYTES + 2);
	while (n <= TRANSLIT_INPUT_MAX_BYTES) {
		got = fread(buf + n, 1, TRANSLIT_INPUT_MAX_BYTES + 1 - n, fp);
		if (got == 0)
			break;
		n += got;
	}
	if (ferror(fp)) {
		fail(name, "read error");
		goto out;
	}
	if (n > TRANSLIT_INPUT_MAX_BYTES) {
		fail(name, "larger than 4 MiB, refused");
		goto out;
	}
	if (memchr(buf, '\0', n) != NULL) {
		fail(name, "contains a NUL byte");
		goto out;
	}
	if (!utf8_valid(buf, n)) {
		fail(name, "not valid UTF-8");
		goto out;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
out:
	free(buf);
	return NULL;
}

/* Converts s in the given mode; the result is the caller's to free(). */
static char *
convert(enum mode mode, const char *s)
{
	switch (mode) {
	case MODE_CYRL:
		return translit_to_cyrl(s);
	case MODE_LATN:
		return translit_to_latn(s);
	case MODE_KEY:
		return translit_search_key(s);
	default:
		abort();
	}
}

/*
 * Converts the n bytes at s (which need not be NUL-terminated) and
 * appends the result to o.
 */
static void
convert_add(struct out *o, enum mode mode, const char *s, size_t n)
{
	char *in = NULL, *res = NULL;

	if (n == 0)
		return;
	in = xmalloc(n + 1);
	memcpy(in, s, n);
	in[n] = '\0';
	res = convert(mode, in);
	out_adds(o, res);
	free(res);
	free(in);
}

/* Plain text: the whole input in one piece, or -k one line at a time. */
static void
plain(struct out *o, enum mode mode, const char *buf, size_t len)
{
	const char *nl;
	size_t i = 0, n;

	if (mode != MODE_KEY) {
		convert_add(o, mode, buf, len);
		return;
	}
	while (i < len) {
		nl = memchr(buf + i, '\n', len - i);
		n = nl != NULL ? (size_t)(nl - (buf + i)) : len - i;
		convert_add(o, mode, buf + i, n);
		if (nl != NULL)
			out_add(o, "\n", 1);
		i += n + (nl != NULL);
	}
}

/* Prints an error at the scanner's position (as a line number). */
static void
scan_err(const struct scan *sc, const char *msg)
{
	size_t i, line = 1;

	for (i = 0; i < sc->pos && i < sc->len; i++)
		if (sc->buf[i] == '\n')
			line++;
	fprintf(stderr, "karika-translit: %s:%zu: %s\n", sc->name, line, msg);
}

/* True when the input at the scanner's position starts with s. */
static bool
scan_at(const struct scan *sc, const char *s)
{
	return strncmp(sc->buf + sc->pos, s, strlen(s)) == 0;
}

/*
 * Copies from the scanner's position up to and including the first end
 * after it ("-->", "?>", ">").  Returns 0, or -1 when end never comes.
 */
static int
scan_copy_through(struct scan *sc, const char *end, const char *what)
{
	const char *e;

	if ((e = strstr(sc->buf + sc->pos, end)) == NULL) {
		scan_err(sc, what);
		return -1;
	}
	e += strlen(end);
	out_add(sc->out, sc->buf + sc->pos, (size_t)(e - (sc->buf + sc->pos)));
	sc->pos = (size_t)(e - sc->buf);
	return 0;
}

/* True for a byte that may appear in a placeholder name: {n}, {total}. */
static bool
is_name_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

/*
 * The length of the entity reference ("&amp;", "&#x416;") or placeholder
 * ("{total}") at s, or 0 when s starts neither.  end bounds the search.
 */
static size_t
token_len(const char *s, const char *end)
{
	const char *p;
	char close;

	if (*s == '&')
		close = ';';
	else if (*s == '{')
		close = '}';
	else
		return 0;
	for (p = s + 1; p < end && is_name_byte(*p); p++)
		continue;
	if (*s == '&' && p < end && p == s + 1 && *p == '#')
		for (p++; p < end && is_name_byte(*p); p++)
			continue;
	if (p == end || *p != close || p == s + 1)
		return 0;
	return (size_t)(p - s) + 1;
}

/*
 * Transliterates the character data s..end, keeping entity references and
 * placeholders as they are: runs of text between them are converted, the
 * references and placeholders copied.
 */
static void
scan_text_convert(struct scan *sc, const char *s, const char *end)
{
	const char *run = s, *p = s;
	size_t n;

	while (p < end) {
		if ((n = token_len(p, end)) == 0) {
			p++;
			continue;
		}
		convert_add(sc->out, sc->mode, run, (size_t)(p - run));
		out_add(sc->out, p, n);
		p += n;
		run = p;
	}
	convert_add(sc->out, sc->mode, run, (size_t)(end - run));
}

/*
 * Character data up to the next '<'.  Outside the root element and inside
 * a translit="no" element it is copied; elsewhere it is transliterated.
 */
static void
scan_text(struct scan *sc)
{
	const char *s = sc->buf + sc->pos, *e;

	if ((e = strchr(s, '<')) == NULL)
		e = sc->buf + sc->len;
	if (sc->depth == 0 || sc->verbatim[sc->depth - 1])
		out_add(sc->out, s, (size_t)(e - s));
	else
		scan_text_convert(sc, s, e);
	sc->pos = (size_t)(e - sc->buf);
}

/*
 * A CDATA section is character data too: its content is converted like
 * text, but without references (there are none inside CDATA).
 */
static int
scan_cdata(struct scan *sc)
{
	const char *s, *e;

	s = sc->buf + sc->pos + strlen("<![CDATA[");
	if ((e = strstr(s, "]]>")) == NULL) {
		scan_err(sc, "unterminated CDATA section");
		return -1;
	}
	out_adds(sc->out, "<![CDATA[");
	if (sc->depth == 0 || sc->verbatim[sc->depth - 1])
		out_add(sc->out, s, (size_t)(e - s));
	else
		convert_add(sc->out, sc->mode, s, (size_t)(e - s));
	out_adds(sc->out, "]]>");
	sc->pos = (size_t)(e - sc->buf) + strlen("]]>");
	return 0;
}

/*
 * A declaration such as <!DOCTYPE ...>, copied up to its '>', skipping an
 * internal subset in [ ] and quoted strings.
 */
static int
scan_decl(struct scan *sc)
{
	size_t i, bracket = 0;
	char quote = '\0';

	for (i = sc->pos + 2; i < sc->len; i++) {
		if (quote != '\0') {
			if (sc->buf[i] == quote)
				quote = '\0';
		} else if (sc->buf[i] == '"' || sc->buf[i] == '\'')
			quote = sc->buf[i];
		else if (sc->buf[i] == '[')
			bracket++;
		else if (sc->buf[i] == ']' && bracket > 0)
			bracket--;
		else if (sc->buf[i] == '>' && bracket == 0)
			break;
	}
	if (i == sc->len) {
		scan_err(sc, "unterminated declaration");
		return -1;
	}
	out_add(sc->out, sc->buf + sc->pos, i + 1 - sc->pos);
	sc->pos = i + 1;
	return 0;
}

/* An end tag: copied, and its element closed. */
static int
scan_end_tag(struct scan *sc)
{
	if (sc->depth == 0) {
		scan_err(sc, "end tag without a start tag");
		return -1;
	}
	if (scan_copy_through(sc, ">", "unterminated end tag") == -1)
		return -1;
	sc->depth--;
	return 0;
}

/* True for XML white space. */
static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* True when the n bytes at s are exactly the string t. */
static bool
span_is(const char *s, size_t n, const char *t)
{
	return n == strlen(t) && strncmp(s, t, n) == 0;
}

/*
 * A start or empty-element tag, copied byte for byte except for the root
 * element's lang="sr-Latn" (lang="sr-Cyrl" with -l), whose value becomes
 * the other script's tag.  Notes translit="no" for the element's text.
 */
static int
scan_start_tag(struct scan *sc)
{
	const char *b = sc->buf, *from, *to;
	size_t i, start, name, namelen, val, vallen;
	bool root, verbatim, empty;
	char quote;

	root = !sc->seen_root && sc->depth == 0;
	verbatim = sc->depth > 0 && sc->verbatim[sc->depth - 1];
	from = sc->mode == MODE_CYRL ? "sr-Latn" : "sr-Cyrl";
	to = sc->mode == MODE_CYRL ? "sr-Cyrl" : "sr-Latn";
	for (i = sc->pos + 1;
	     i < sc->len && !is_space(b[i]) && b[i] != '>' && b[i] != '/'; i++)
		continue;
	if (i == sc->pos + 1) {
		scan_err(sc, "'<' not followed by a name");
		return -1;
	}
	out_add(sc->out, b + sc->pos, i - sc->pos);
	/* Attributes, each copied with the blanks before it, until the end. */
	for (;;) {
		for (start = i; i < sc->len && is_space(b[i]); i++)
			continue;
		if (i == sc->len) {
			scan_err(sc, "unterminated start tag");
			return -1;
		}
		if (b[i] == '>' || (b[i] == '/' && b[i + 1] == '>')) {
			empty = b[i] == '/';
			i += empty ? 2 : 1;
			out_add(sc->out, b + start, i - start);
			break;
		}
		for (name = i; i < sc->len && !is_space(b[i]) && b[i] != '=' &&
		     b[i] != '>' && b[i] != '/';
		     i++)
			continue;
		namelen = i - name;
		while (i < sc->len && is_space(b[i]))
			i++;
		if (namelen == 0 || i == sc->len || b[i] != '=') {
			scan_err(sc, "attribute without a value");
			return -1;
		}
		for (i++; i < sc->len && is_space(b[i]); i++)
			continue;
		if (i == sc->len || (b[i] != '"' && b[i] != '\'')) {
			scan_err(sc, "attribute value not quoted");
			return -1;
		}
		quote = b[i];
		val = i + 1;
		for (i = val; i < sc->len && b[i] != quote; i++)
			continue;
		if (i == sc->len) {
			scan_err(sc, "unterminated attribute value");
			return -1;
		}
		vallen = i - val;
		i++;
		if (span_is(b + name, namelen, "translit"))
			verbatim = span_is(b + val, vallen, "no");
		if (root &&
		    (span_is(b + name, namelen, "lang") ||
			span_is(b + name, namelen, "xml:lang")) &&
		    span_is(b + val, vallen, from)) {
			out_add(sc->out, b + start, val - start);
			out_adds(sc->out, to);
			out_add(sc->out, b + val + vallen, i - (val + vallen));
		} else
			out_add(sc->out, b + start, i - start);
	}
	sc->pos = i;
	if (root)
		sc->seen_root = true;
	if (!empty) {
		if (sc->depth == TRANSLIT_XML_MAX_DEPTH) {
			scan_err(sc, "elements nested too deep");
			return -1;
		}
		sc->verbatim[sc->depth++] = verbatim;
	}
	return 0;
}

/*
 * Transliterates an XML message catalogue from buf into o (see the top of
 * the file for what is and is not converted).  Returns 0, or -1 after an
 * error message.
 */
static int
xml(struct out *o, enum mode mode, const char *name, const char *buf,
    size_t len)
{
	struct scan sc;
	int rc;

	memset(&sc, 0, sizeof(sc));
	sc.name = name;
	sc.buf = buf;
	sc.len = len;
	sc.mode = mode;
	sc.out = o;
	while (sc.pos < sc.len) {
		rc = 0;
		if (sc.buf[sc.pos] != '<')
			scan_text(&sc);
		else if (scan_at(&sc, "<!--"))
			rc = scan_copy_through(
			    &sc, "-->", "unterminated comment");
		else if (scan_at(&sc, "<?"))
			rc = scan_copy_through(
			    &sc, "?>", "unterminated processing instruction");
		else if (scan_at(&sc, "<![CDATA["))
			rc = scan_cdata(&sc);
		else if (scan_at(&sc, "<!"))
			rc = scan_decl(&sc);
		else if (scan_at(&sc, "</"))
			rc = scan_end_tag(&sc);
		else
			rc = scan_start_tag(&sc);
		if (rc == -1)
			return -1;
	}
	if (sc.depth != 0) {
		scan_err(&sc, "element not closed at end of input");
		return -1;
	}
	return 0;
}

/* Parses the arguments, converts the input and writes the result. */
int
main(int argc, char *argv[])
{
	struct out o = {NULL, 0, 0};
	enum mode mode = MODE_CYRL;
	const char *path = NULL, *name = "<stdin>";
	FILE *fp = stdin;
	char *buf = NULL;
	bool asxml = false, opts = true;
	size_t len;
	int i, rc = 1;

	for (i = 1; i < argc; i++) {
		if (opts && strcmp(argv[i], "-c") == 0)
			mode = MODE_CYRL;
		else if (opts && strcmp(argv[i], "-l") == 0)
			mode = MODE_LATN;
		else if (opts && strcmp(argv[i], "-k") == 0)
			mode = MODE_KEY;
		else if (opts && strcmp(argv[i], "--xml") == 0)
			asxml = true;
		else if (opts && strcmp(argv[i], "--") == 0)
			opts = false;
		else if (opts && argv[i][0] == '-' && argv[i][1] != '\0')
			return usage();
		else if (path == NULL)
			path = argv[i];
		else
			return usage();
	}
	if (asxml && mode == MODE_KEY) {
		fputs("karika-translit: --xml goes with -c or -l\n", stderr);
		return usage();
	}
	if (path != NULL && strcmp(path, "-") != 0) {
		if ((fp = fopen(path, "rb")) == NULL) {
			fail(path, strerror(errno));
			goto out;
		}
		name = path;
	}
	if ((buf = read_all(fp, name, &len)) == NULL)
		goto out;
	if (asxml) {
		if (xml(&o, mode, name, buf, len) == -1)
			goto out;
	} else
		plain(&o, mode, buf, len);
	if (o.len > 0 && fwrite(o.p, 1, o.len, stdout) != o.len) {
		fail("stdout", strerror(errno));
		goto out;
	}
	if (fflush(stdout) == EOF) {
		fail("stdout", strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (fp != stdin && fp != NULL)
		fclose(fp);
	free(buf);
	free(o.p);
	return rc;
}
