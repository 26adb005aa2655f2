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
 * With --xml the input is parsed with libxml2 (as karika-mailer reads the
 * same catalogues) and only character data is transliterated: element and
 * attribute names, attribute values, comments and processing instructions
 * stay as they are, and so do {name} placeholders inside the text; the
 * root element's lang="sr-Latn" becomes lang="sr-Cyrl" (and back with
 * -l), and the text of an element with translit="no" (and of the elements
 * inside it, unless they say otherwise) is kept as written.  libxml2
 * writes the result, escaping what XML needs escaped.  Input that is not
 * well-formed XML stops the program with status 1.  Output is written
 * only when the whole input has been converted, so a failed run leaves no
 * half file behind a shell redirection's truncation.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

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

/* Prints the usage line to stderr and returns the exit status 1. */
static int
usage(void)
{
	fputs("usage: karika-translit [-c | -l | -k] [--xml] [file]\n", stderr);
	return 1;
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
convert_add(struct buf *o, enum mode mode, const char *s, size_t n)
{
	char *in = NULL, *res = NULL;

	if (n == 0)
		return;
	in = xmalloc(n + 1);
	memcpy(in, s, n);
	in[n] = '\0';
	res = convert(mode, in);
	buf_adds(o, res);
	free(res);
	free(in);
}

/* Plain text: the whole input in one piece, or -k one line at a time. */
static void
plain(struct buf *o, enum mode mode, const char *buf, size_t len)
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
			buf_addc(o, '\n');
		i += n + (nl != NULL);
	}
}

/* True for a byte that may appear in a placeholder name: {n}, {total}. */
static bool
is_name_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

/* The length of the placeholder ("{total}") at s, or 0 for none. */
static size_t
placeholder_len(const char *s)
{
	const char *p;

	if (*s != '{')
		return 0;
	for (p = s + 1; is_name_byte(*p); p++)
		continue;
	if (*p != '}' || p == s + 1)
		return 0;
	return (size_t)(p - s) + 1;
}

/*
 * Transliterates the content of text or CDATA node n in place, keeping
 * its placeholders: the runs of text between them are converted, the
 * placeholders copied.
 */
static void
xml_text_convert(xmlNodePtr n, enum mode mode)
{
	const char *s = (const char *)n->content, *run, *p;
	struct buf b;
	char *res;
	size_t len;

	if (s == NULL || *s == '\0')
		return;
	buf_init(&b, BUF_NO_MAX);
	for (run = p = s; *p != '\0';) {
		if ((len = placeholder_len(p)) == 0) {
			p++;
			continue;
		}
		convert_add(&b, mode, run, (size_t)(p - run));
		buf_add(&b, p, len);
		p += len;
		run = p;
	}
	convert_add(&b, mode, run, (size_t)(p - run));
	res = buf_take(&b);
	xmlNodeSetContent(n, BAD_CAST res);
	free(res);
}

/*
 * Transliterates the character data inside element e, depth elements deep
 * counting e, unless verbatim (translit="no" in force); an element's own
 * translit attribute decides for it and what it holds.  Returns 0, or -1
 * after an error message when elements nest deeper than
 * TRANSLIT_XML_MAX_DEPTH.
 */
static int
xml_walk(
    xmlNodePtr e, enum mode mode, bool verbatim, size_t depth, const char *name)
{
	xmlNodePtr n;
	xmlChar *v;

	if (depth > TRANSLIT_XML_MAX_DEPTH) {
		fail(name, "elements nested too deep");
		return -1;
	}
	if ((v = xmlGetNoNsProp(e, BAD_CAST "translit")) != NULL) {
		verbatim = xmlStrEqual(v, BAD_CAST "no");
		xmlFree(v);
	}
	for (n = e->children; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE) {
			if (xml_walk(n, mode, verbatim, depth + 1, name) == -1)
				return -1;
		} else if ((n->type == XML_TEXT_NODE ||
			       n->type == XML_CDATA_SECTION_NODE) &&
		    !verbatim)
			xml_text_convert(n, mode);
	}
	return 0;
}

/*
 * Gives the root element's lang (or xml:lang) attribute the other
 * script's tag when it names the input's script.
 */
static void
xml_root_lang(xmlNodePtr root, enum mode mode)
{
	const char *from, *to;
	xmlAttrPtr a;
	xmlChar *v;

	from = mode == MODE_CYRL ? "sr-Latn" : "sr-Cyrl";
	to = mode == MODE_CYRL ? "sr-Cyrl" : "sr-Latn";
	for (a = root->properties; a != NULL; a = a->next) {
		if (!xmlStrEqual(a->name, BAD_CAST "lang") ||
		    (a->ns != NULL &&
			!xmlStrEqual(a->ns->href, XML_XML_NAMESPACE)))
			continue;
		v = xmlNodeListGetString(root->doc, a->children, 1);
		if (v != NULL && xmlStrEqual(v, BAD_CAST from))
			xmlSetNsProp(root, a->ns, a->name, BAD_CAST to);
		xmlFree(v);
	}
}

/*
 * Transliterates the XML message catalogue in buf (len bytes, from the
 * file called name) into o (see the top of the file for what is and is
 * not converted).  The document is read without network access or
 * external entities.  Returns 0, or -1 after an error message.
 */
static int
xml(struct buf *o, enum mode mode, const char *name, const char *buf,
    size_t len)
{
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	xmlChar *mem = NULL;
	int n = 0, rc = -1;

	if ((doc = xmlReadMemory(buf, (int)len, name, NULL, XML_PARSE_NONET)) ==
	    NULL) {
		fail(name, "not well-formed XML");
		goto out;
	}
	if ((root = xmlDocGetRootElement(doc)) == NULL) {
		fail(name, "no root element");
		goto out;
	}
	xml_root_lang(root, mode);
	if (xml_walk(root, mode, false, 1, name) == -1)
		goto out;
	xmlDocDumpMemoryEnc(doc, &mem, &n, "UTF-8");
	if (mem == NULL || n < 0) {
		fail(name, "cannot write the document");
		goto out;
	}
	buf_add(o, mem, (size_t)n);
	rc = 0;
out:
	xmlFree(mem);
	if (doc != NULL)
		xmlFreeDoc(doc);
	return rc;
}

/* Parses the arguments, converts the input and writes the result. */
int
main(int argc, char *argv[])
{
	struct buf o;
	enum mode mode = MODE_CYRL;
	const char *path = NULL, *name = "<stdin>";
	FILE *fp = stdin;
	char *buf = NULL;
	bool asxml = false, opts = true;
	size_t len;
	int i, rc = 1;

	buf_init(&o, BUF_NO_MAX);
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
		LIBXML_TEST_VERSION;
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
	buf_release(&o);
	if (asxml)
		xmlCleanupParser();
	return rc;
}
