/* SPDX-License-Identifier: ISC */
/*
 * docs.c: uploaded documents (issue 13), as one mechanism: what a file
 * is (doc_sniff: its first bytes, never its name or the type the browser
 * sent), receiving a multipart/form-data body in constant memory
 * (docs_parse, docs_receive; docs_stage for a file a worker received
 * in memory), keeping a file under its SHA-256 in documents.dir, served
 * by nginx after the worker checked access (docs_keep, docs_send), and
 * removing it with the last row that names it (docs_drop, docs_commit).
 *
 * A worker opts in with WORKER_MAIN_DOCS(name, routes, prefix): req.c
 * then hands a multipart body posted under prefix to docs_receive()
 * instead of reading it whole.  The body is read from the FastCGI stream
 * in DOCS_CHUNK_BYTES pieces: the plain fields become r->form (clean
 * text, at most REQ_BODY_MAX_BYTES together), each file goes straight to
 * a temporary file documents.dir/tmp/up-<random> (O_EXCL, 0640) while
 * its SHA-256 is computed and its first bytes kept for doc_sniff(); a
 * file over DOCS_FILE_MAX_BYTES is not kept but reported (too_large), so
 * that the handler can name it and its limit and show everything else
 * as typed.  The memory a body takes is the chunk, whatever its size.
 *
 * A temporary file becomes a document only through docs_keep(), after
 * the row naming it committed: fsync (done when it was received), then
 * rename to documents.dir/<sha256 hex> (the same content twice is one
 * file).  Every temporary file the handler did not keep is removed by
 * docs_discard(), which the handler calls on every path out; one a
 * killed worker left behind is removed by docs_sweep() an hour later.
 * So a refused upload leaves no file, and a file never exists without
 * the row that names it (the row may, for an instant, name a file not
 * yet renamed: docs_send() answers 404 and logs it).
 *
 * A file is named by its content, so one file may be named by several
 * rows, of more than one table and more than one worker
 * (application_document of karika-applications, course_material of
 * karika-registry).  A handler that deletes such a row calls
 * docs_drop() before its commit: the stored procedure document_users
 * (0023) counts the rows of every such table still naming the file,
 * locking them, and only when none is left is the file moved aside,
 * then removed by docs_commit() after the commit (or put back when the
 * commit fails).  A new table naming files is added to that procedure
 * (a new migration replacing it), never counted by one worker alone.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <openssl/evp.h>

#include "extern.h"

/* Multipart bodies under this path go to docs_receive() (req.c). */
const char *docs_prefix;

const char *const doc_type_mime[DOC_TYPE__MAX] = {
    [DOC_UNKNOWN] = NULL,
    [DOC_PDF] = "application/pdf",
    [DOC_JPEG] = "image/jpeg",
    [DOC_PNG] = "image/png",
};

/*
 * What the n bytes at p (the start of a file) are: PDF ("%PDF-"), JPEG
 * (FF D8 FF) or PNG (its 8-byte signature); anything else, HTML or a
 * program whatever its name, is DOC_UNKNOWN.
 */
enum doc_type
doc_sniff(const void *p, size_t n)
{
	static const unsigned char png[8] = {
	    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	const unsigned char *s = p;

	if (n >= 5 && memcmp(s, "%PDF-", 5) == 0)
		return DOC_PDF;
	if (n >= 4 && s[0] == 0xff && s[1] == 0xd8 && s[2] == 0xff)
		return DOC_JPEG;
	if (n >= sizeof(png) && memcmp(s, png, sizeof(png)) == 0)
		return DOC_PNG;
	return DOC_UNKNOWN;
}

/* --- the streaming parser ------------------------------------------------ */

/* The reading side: a buffer over rd, with what was consumed before pos. */
struct src {
	docs_read_fn rd;
	void *arg;
	char *buf;
	size_t len, pos;
	bool eof;
	bool failed;
};

#define SRC_CAP (DOCS_CHUNK_BYTES + UPLOAD_HEADER_MAX_BYTES + 256)

/* Moves what is left to the front and reads more.  0, or -1 (read
 * failed: a client that went away). */
static int
src_fill(struct src *s)
{
	ssize_t n;

	if (s->pos > 0) {
		memmove(s->buf, s->buf + s->pos, s->len - s->pos);
		s->len -= s->pos;
		s->pos = 0;
	}
	if (s->eof || s->len == SRC_CAP)
		return 0;
	n = s->rd(s->arg, s->buf + s->len, SRC_CAP - s->len);
	if (n < 0) {
		s->failed = true;
		return -1;
	}
	if (n == 0)
		s->eof = true;
	s->len += (size_t)n;
	return 0;
}

/* Fills until n bytes are waiting past pos, or the end.  0 or -1. */
static int
src_need(struct src *s, size_t n)
{
	size_t before;

	while (s->len - s->pos < n && !s->eof) {
		before = s->len - s->pos;
		if (src_fill(s) == -1)
			return -1;
		if (s->len - s->pos == before && !s->eof)
			break; /* the buffer is full */
	}
	return 0;
}

static const char *
mem_find(const char *s, size_t n, const char *pat, size_t m)
{
	size_t i;

	for (i = 0; m <= n && i <= n - m; i++)
		if (s[i] == pat[0] && memcmp(s + i, pat, m) == 0)
			return s + i;
	return NULL;
}

/* The part being received: a field's text, or a file on its way to disk. */
struct sink {
	struct arena *a;
	const char *tmpdir; /* NULL: files are hashed, not written */
	struct upload_part *p;
	struct buf text; /* a field: its bytes so far */
	int fd;
	EVP_MD_CTX *md;
	bool file;
};

static void
sink_close(struct sink *k, bool keep_name)
{
	if (k->fd != -1)
		close(k->fd);
	k->fd = -1;
	if (!keep_name && k->p != NULL && k->p->tmp != NULL) {
		unlink(k->p->tmp);
		k->p->tmp = NULL;
	}
	if (k->md != NULL)
		EVP_MD_CTX_free(k->md);
	k->md = NULL;
	buf_release(&k->text);
}

/* Removes the temporary files of parts[0..n). */
static void
unlink_all(struct upload_parts *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->part[i].tmp != NULL) {
			unlink(f->part[i].tmp);
			f->part[i].tmp = NULL;
		}
}

/* A new temporary file in tmpdir; its name in the arena.  fd or -1. */
static int
tmp_open(struct arena *a, const char *tmpdir, const char **path)
{
	int fd;

	*path = arena_printf(a, "%s/up-%s", tmpdir, token_new(a, 12));
	if ((fd = open(*path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640)) ==
	    -1) {
		LOGE("%s: %s", *path, strerror(errno));
		*path = NULL;
	}
	return fd;
}

/* Writes all n bytes of s to fd (the file name for the log).  0 or -1. */
static int
write_all(int fd, const char *s, size_t n, const char *name)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, s, n)) == -1) {
			if (errno == EINTR)
				continue;
			LOGE("write %s: %s", name, strerror(errno));
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * Takes n bytes of the current part's content.  A field keeps them (up to
 * the fields' ceiling: beyond it UPLOAD_PART_TOO_LARGE); a file hashes
 * them, keeps its first DOCS_HEAD_BYTES, and writes them to its
 * temporary file until it passes max_file_bytes (then too_large, the
 * file removed, the rest only counted).  UPLOAD_OK or the problem; a
 * failed write is UPLOAD__MAX (the server's fault: 500).
 */
static enum upload_error
sink_take(struct sink *k, const struct docs_limits *lim, size_t *fieldbytes,
    const char *s, size_t n)
{
	struct upload_part *p = k->p;
	size_t h;

	if (n == 0)
		return UPLOAD_OK;
	if (!k->file) {
		if (*fieldbytes + n > lim->max_field_bytes ||
		    buf_add(&k->text, s, n) == -1)
			return UPLOAD_PART_TOO_LARGE;
		*fieldbytes += n;
		return UPLOAD_OK;
	}
	if (p->nhead < DOCS_HEAD_BYTES) {
		h = DOCS_HEAD_BYTES - p->nhead < n ? DOCS_HEAD_BYTES - p->nhead
						   : n;
		memcpy(p->head + p->nhead, s, h);
		p->nhead += h;
	}
	p->len += n;
	if (p->too_large)
		return UPLOAD_OK;
	if (p->len > lim->max_file_bytes) {
		p->too_large = true;
		sink_close(k, false);
		return UPLOAD_OK;
	}
	if (k->tmpdir != NULL && p->tmp == NULL &&
	    (k->fd = tmp_open(k->a, k->tmpdir, &p->tmp)) == -1)
		return UPLOAD__MAX;
	if (k->md != NULL && EVP_DigestUpdate(k->md, s, n) != 1)
		return UPLOAD__MAX;
	if (k->fd != -1 && write_all(k->fd, s, n, p->tmp) == -1)
		return UPLOAD__MAX;
	return UPLOAD_OK;
}

/*
 * Ends the current part: a field's text is NUL-terminated; a file's
 * digest is finished (hex in p->sha256) and its temporary file synced and
 * closed.  An empty file input (no filename, no bytes) leaves no file.
 */
static enum upload_error
sink_end(struct sink *k)
{
	struct upload_part *p = k->p;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0;

	if (!k->file) {
		p->len = k->text.len;
		p->data = arena_strndup(
		    k->a, k->text.p != NULL ? k->text.p : "", k->text.len);
		buf_release(&k->text);
		return UPLOAD_OK;
	}
	p->type_sniffed = doc_sniff(p->head, p->nhead);
	if (!p->too_large && k->md != NULL) {
		if (EVP_DigestFinal_ex(k->md, md, &mdlen) != 1 || mdlen != 32)
			return UPLOAD__MAX;
		hex_encode(md, 32, p->sha256);
	}
	if (k->fd != -1 && fsync(k->fd) == -1) {
		LOGE("fsync %s: %s", p->tmp, strerror(errno));
		return UPLOAD__MAX;
	}
	sink_close(k, true);
	return UPLOAD_OK;
}

/*
 * Parses a multipart/form-data body (Content-Type ct) read through rd,
 * with the framing rules of upload_parse() (upload.c), in constant
 * memory.  Fields go to *fields (their data NUL-terminated in arena a),
 * files to *files (tmp: their temporary file in tmpdir, or NULL when
 * tmpdir is NULL, as in the tests, or the file was too large or empty).
 * A part's header is checked by upload_parse() itself (the same rules).
 * Returns UPLOAD_OK, or the first problem with every temporary file
 * removed; UPLOAD__MAX for a failure of the server (disk, digest) or a
 * read that failed.
 */
enum upload_error
docs_parse(struct arena *a, const char *ct, docs_read_fn rd, void *arg,
    const char *tmpdir, const struct docs_limits *lim,
    struct upload_parts *fields, struct upload_parts *files)
{
	char b[UPLOAD_BOUNDARY_MAX_BYTES + 1];
	char *delim, *mini;
	const char *hit, *hend;
	size_t dlen, hlen, fieldbytes = 0, safe;
	struct src s = {rd, arg, NULL, 0, 0, false, false};
	struct sink k;
	struct upload_parts one;
	enum upload_error e = UPLOAD_OK;

	memset(&k, 0, sizeof(k));
	k.fd = -1;
	buf_init(&k.text, lim->max_field_bytes);
	fields->n = files->n = 0;
	fields->part = arena_calloc(a, lim->max_parts, sizeof(*fields->part));
	files->part = arena_calloc(a, lim->max_files, sizeof(*files->part));
	if (upload_boundary(ct, b) == -1)
		return UPLOAD_BOUNDARY;
	delim = arena_printf(a, "\r\n--%s", b);
	dlen = strlen(delim);
	s.buf = xmalloc(SRC_CAP);
	/* A CRLF in front: the first delimiter is found like the others. */
	memcpy(s.buf, "\r\n", 2);
	s.len = 2;
	/* The preamble: up to the first delimiter, ignored. */
	for (;;) {
		if (src_fill(&s) == -1) {
			e = UPLOAD__MAX;
			goto out;
		}
		if ((hit = mem_find(
			 s.buf + s.pos, s.len - s.pos, delim, dlen)) != NULL) {
			s.pos = (size_t)(hit - s.buf) + dlen;
			break;
		}
		if (s.eof || s.len - s.pos > UPLOAD_HEADER_MAX_BYTES) {
			e = UPLOAD_FRAMING;
			goto out;
		}
		if (s.len > dlen && s.len - (dlen - 1) > s.pos)
			s.pos = s.len - (dlen - 1);
	}
	for (;;) {
		/* After a delimiter: "--" closes; else blanks and CRLF. */
		if (src_need(&s, 2) == -1) {
			e = UPLOAD__MAX;
			goto out;
		}
		if (s.len - s.pos >= 2 && memcmp(s.buf + s.pos, "--", 2) == 0)
			break;
		while (src_need(&s, 2) == 0 && s.pos < s.len &&
		    (s.buf[s.pos] == ' ' || s.buf[s.pos] == '\t'))
			s.pos++;
		if (s.len - s.pos < 2 ||
		    memcmp(s.buf + s.pos, "\r\n", 2) != 0) {
			e = UPLOAD_FRAMING;
			goto out;
		}
		s.pos += 2;
		/* The header: read until its blank line, or past its limit. */
		while ((s.len - s.pos < 2 ||
			   memcmp(s.buf + s.pos, "\r\n", 2) != 0) &&
		    mem_find(s.buf + s.pos, s.len - s.pos, "\r\n\r\n", 4) ==
			NULL &&
		    s.len - s.pos <= UPLOAD_HEADER_MAX_BYTES + 4 && !s.eof)
			if (src_need(&s, s.len - s.pos + 1) == -1) {
				e = UPLOAD__MAX;
				goto out;
			}
		/* The header, to its blank line (there is room for the whole
		 * of an allowed one after a fill). */
		if (s.len - s.pos >= 2 && memcmp(s.buf + s.pos, "\r\n", 2) == 0)
			hend = s.buf + s.pos;
		else if ((hend = mem_find(s.buf + s.pos, s.len - s.pos,
			      "\r\n\r\n", 4)) == NULL ||
		    (size_t)(hend - (s.buf + s.pos)) >
			UPLOAD_HEADER_MAX_BYTES) {
			e = s.len - s.pos > UPLOAD_HEADER_MAX_BYTES
			    ? UPLOAD_HEADER_TOO_LARGE
			    : UPLOAD_FRAMING;
			goto out;
		}
		hlen = (size_t)(hend - (s.buf + s.pos));
		/* upload_parse() judges the header: one part, no content. */
		mini = arena_alloc(a, hlen + 2 * dlen + 16);
		memcpy(mini, delim + 2, dlen - 2);
		memcpy(mini + dlen - 2, "\r\n", 2);
		memcpy(mini + dlen, s.buf + s.pos, hlen);
		memcpy(mini + dlen + hlen, "\r\n\r\n", 4);
		memcpy(mini + dlen + hlen + 4, delim, dlen);
		memcpy(mini + 2 * dlen + hlen + 4, "--", 2);
		if ((e = upload_parse(a, ct, mini, 2 * dlen + hlen + 6, NULL,
			 &one)) != UPLOAD_OK)
			goto out;
		if (one.n != 1) {
			e = UPLOAD_HEADER;
			goto out;
		}
		s.pos += hlen + (hlen == 0 ? 2 : 4);
		memset(&k, 0, sizeof(k));
		k.a = a;
		k.tmpdir = tmpdir;
		k.fd = -1;
		k.file = one.part[0].filename != NULL;
		if (k.file) {
			if (files->n == lim->max_files) {
				e = UPLOAD_TOO_MANY_PARTS;
				goto out;
			}
			k.p = &files->part[files->n++];
			*k.p = one.part[0];
			k.p->data = NULL;
			k.p->len = 0;
			if ((k.md = EVP_MD_CTX_new()) == NULL ||
			    EVP_DigestInit_ex(k.md, EVP_sha256(), NULL) != 1) {
				e = UPLOAD__MAX;
				goto out;
			}
		} else {
			if (fields->n == lim->max_parts) {
				e = UPLOAD_TOO_MANY_PARTS;
				goto out;
			}
			k.p = &fields->part[fields->n++];
			*k.p = one.part[0];
			buf_init(&k.text, lim->max_field_bytes);
		}
		/* The content, to the next delimiter. */
		for (;;) {
			if ((hit = mem_find(s.buf + s.pos, s.len - s.pos, delim,
				 dlen)) != NULL) {
				e = sink_take(&k, lim, &fieldbytes,
				    s.buf + s.pos,
				    (size_t)(hit - s.buf) - s.pos);
				s.pos = (size_t)(hit - s.buf) + dlen;
				break;
			}
			if (s.eof) {
				e = UPLOAD_FRAMING;
				goto out;
			}
			safe =
			    s.len - s.pos > dlen ? s.len - (dlen - 1) : s.pos;
			if ((e = sink_take(&k, lim, &fieldbytes, s.buf + s.pos,
				 safe - s.pos)) != UPLOAD_OK)
				goto out;
			s.pos = safe;
			if (src_fill(&s) == -1) {
				e = UPLOAD__MAX;
				goto out;
			}
		}
		if (e != UPLOAD_OK || (e = sink_end(&k)) != UPLOAD_OK)
			goto out;
		memset(&k, 0, sizeof(k));
		k.fd = -1;
	}
out:
	sink_close(&k, e == UPLOAD_OK);
	free(s.buf);
	if (e != UPLOAD_OK) {
		unlink_all(files);
		fields->n = files->n = 0;
	}
	return e;
}

/* --- in a worker ---------------------------------------------------------- */

/* The FastCGI stream as a docs_read_fn: bytes read, 0 at the end. */
static ssize_t
fcgx_read(void *arg, char *p, size_t n)
{
	struct req *r = arg;
	FCGX_Request *fr = r->fcgx;
	int got;

	if (fr == NULL)
		return -1;
	got = FCGX_GetStr(p, n > INT32_MAX ? INT32_MAX : (int)n, fr->in);
	return got < 0 ? -1 : (ssize_t)got;
}

/* documents.dir of the configuration, or NULL (logged). */
static const char *
docs_dir(struct req *r)
{
	const char *d =
	    r->w != NULL ? cfg_get(&r->w->cfg, "documents.dir", NULL) : NULL;

	if (d == NULL || *d != '/')
		LOGE("rid=%s: documents.dir is not set", r->rid);
	return d != NULL && *d == '/' ? d : NULL;
}

/*
 * req.c's entry for a multipart body posted under the worker's documents
 * prefix (WORKER_MAIN_DOCS): reads it from the FastCGI stream in
 * constant memory, its fields into r->form (clean text, as a url-encoded
 * body's), its files into r->files with their temporary files.  Returns
 * HTTP_OK; HTTP_TOO_LARGE for a body over DOCS_BODY_MAX_BYTES or fields
 * over REQ_BODY_MAX_BYTES; HTTP_BAD_REQUEST for a malformed body (logged
 * with its key); HTTP_INTERNAL when the documents folder fails.
 */
enum http_status
docs_receive(struct req *r, const char *ct, int64_t len)
{
	static const struct docs_limits lim = {DOCS_MAX_FIELDS, DOCS_MAX_FILES,
	    DOCS_FILE_MAX_BYTES, REQ_BODY_MAX_BYTES};
	struct upload_parts fields;
	const char *dir, *tmp;
	enum upload_error e;
	size_t i;

	if (len > DOCS_BODY_MAX_BYTES)
		return HTTP_TOO_LARGE;
	if ((dir = docs_dir(r)) == NULL)
		return HTTP_INTERNAL;
	tmp = arena_printf(r->arena, "%s/tmp", dir);
	if ((mkdir(dir, 0750) == -1 && errno != EEXIST) ||
	    (mkdir(tmp, 0750) == -1 && errno != EEXIST)) {
		LOGE("mkdir %s: %s", tmp, strerror(errno));
		return HTTP_INTERNAL;
	}
	docs_sweep(tmp, DOCS_TMP_MAX_SECONDS);
	e = docs_parse(
	    r->arena, ct, fcgx_read, r, tmp, &lim, &fields, &r->files);
	if (e != UPLOAD_OK) {
		LOGE("rid=%s multipart body refused: %s", r->rid,
		    e == UPLOAD__MAX ? "server" : upload_error_key(e));
		return e == UPLOAD__MAX		 ? HTTP_INTERNAL
		    : e == UPLOAD_PART_TOO_LARGE ? HTTP_TOO_LARGE
						 : HTTP_BAD_REQUEST;
	}
	r->form.v = arena_calloc(r->arena, fields.n + 1, sizeof(*r->form.v));
	for (i = 0; i < fields.n; i++) {
		if (!text_clean(fields.part[i].data, fields.part[i].len)) {
			docs_discard(r);
			return HTTP_BAD_REQUEST;
		}
		r->form.v[r->form.n].key = (char *)fields.part[i].name;
		r->form.v[r->form.n].val = (char *)fields.part[i].data;
		r->form.v[r->form.n].len = fields.part[i].len;
		r->form.n++;
	}
	return HTTP_OK;
}

/*
 * For a file that upload.c received in memory (p->data, p->len: a worker
 * without WORKER_MAIN_DOCS, whose bodies are at most
 * REQ_UPLOAD_MAX_BYTES): writes it to a temporary file in
 * documents.dir/tmp as docs_receive() does with a streamed one, and sets
 * p->tmp, p->sha256, p->head and p->type_sniffed, so that docs_keep()
 * and docs_discard() treat both alike.  p must be one of r->files.
 * Returns 0, or -1 (logged; no file is left).
 */
int
docs_stage(struct req *r, struct upload_part *p)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0;
	const char *dir, *tmp, *s = p->data;
	size_t n = p->len;
	int fd = -1, rc = -1;

	if (p->data == NULL || (dir = docs_dir(r)) == NULL)
		return -1;
	tmp = arena_printf(r->arena, "%s/tmp", dir);
	if ((mkdir(dir, 0750) == -1 && errno != EEXIST) ||
	    (mkdir(tmp, 0750) == -1 && errno != EEXIST)) {
		LOGE("mkdir %s: %s", tmp, strerror(errno));
		return -1;
	}
	docs_sweep(tmp, DOCS_TMP_MAX_SECONDS);
	if (EVP_Digest(s, n, md, &mdlen, EVP_sha256(), NULL) != 1 ||
	    mdlen != 32) {
		LOGE("rid=%s sha256 failed", r->rid);
		return -1;
	}
	hex_encode(md, 32, p->sha256);
	p->nhead = n < DOCS_HEAD_BYTES ? n : DOCS_HEAD_BYTES;
	memcpy(p->head, s, p->nhead);
	p->type_sniffed = doc_sniff(p->head, p->nhead);
	if ((fd = tmp_open(r->arena, tmp, &p->tmp)) == -1)
		return -1;
	if (write_all(fd, s, n, p->tmp) == -1)
		goto out;
	if (fsync(fd) == -1) {
		LOGE("fsync %s: %s", p->tmp, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	close(fd);
	if (rc == -1) {
		unlink(p->tmp);
		p->tmp = NULL;
	}
	return rc;
}

/*
 * Makes the received file p a document: its temporary file renamed to
 * documents.dir/<sha256>; when that file exists already (the same bytes
 * given before), the temporary one is removed.  Call it after the row
 * naming the document committed.  0, or -1 (logged; the row then names a
 * file that is missing, which docs_send() reports).
 */
int
docs_keep(struct req *r, struct upload_part *p)
{
	const char *dir, *to;
	int rc = 0, fd;

	if (p->tmp == NULL || (dir = docs_dir(r)) == NULL)
		return -1;
	to = arena_printf(r->arena, "%s/%s", dir, p->sha256);
	if (access(to, F_OK) == 0)
		unlink(p->tmp);
	else if (rename(p->tmp, to) == -1) {
		LOGE("rid=%s rename to %s: %s", r->rid, to, strerror(errno));
		unlink(p->tmp);
		rc = -1;
	} else if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		/* The rename itself outlives a crash. */
		fsync(fd);
		close(fd);
	}
	p->tmp = NULL;
	return rc;
}

/*
 * The first half of removing document sha (64 hex digits) whose last row
 * the caller's open transaction deleted, while that transaction holds
 * the lock that keeps another row of the same file from being written
 * (STMT_DOC_USERS ... FOR UPDATE): the file moves aside to
 * documents.dir/tmp/del-<sha>.  Returns the name it has now (the arena),
 * or NULL when there was no file (nothing to do, logged).  After the
 * commit, docs_unpark(r, name, sha, true) removes it; after a rollback,
 * docs_unpark(r, name, sha, false) puts it back.  A worker killed in
 * the microseconds between leaves del-… to docs_sweep(), and the row
 * its rollback brings back names a missing file, which docs_send()
 * reports (404, logged): never a file without its row.
 */
const char *
docs_park(struct req *r, const char *sha)
{
	const char *dir;

	if ((dir = docs_dir(r)) == NULL)
		return NULL;
	return docs_park_in(r->arena, dir, sha, r->rid);
}

/* The second half of docs_park(): removes the parked file once the
 * deletion committed, else gives it its name back. */
void
docs_unpark(struct req *r, const char *parked, const char *sha, bool committed)
{
	const char *dir;

	dir = committed ? NULL : docs_dir(r);
	if (parked == NULL || (!committed && dir == NULL))
		return;
	docs_unpark_in(r->arena, dir, parked, sha, r->rid, committed);
}

/*
 * docs_park() for a program without a request (karika-retention): dir
 * is documents.dir, rid names the caller in the log; the name in arena
 * a.  The folder documents.dir/tmp is made when missing.
 */
const char *
docs_park_in(struct arena *a, const char *dir, const char *sha, const char *rid)
{
	const char *from, *tmp, *to;

	if (*dir != '/' || strlen(sha) != 64 ||
	    strspn(sha, "0123456789abcdef") != 64)
		return NULL;
	from = arena_printf(a, "%s/%s", dir, sha);
	tmp = arena_printf(a, "%s/tmp", dir);
	to = arena_printf(a, "%s/del-%s", tmp, sha);
	if (mkdir(tmp, 0750) == -1 && errno != EEXIST)
		LOGE("rid=%s mkdir %s: %s", rid, tmp, strerror(errno));
	if (rename(from, to) == -1) {
		LOGE("rid=%s park %s: %s", rid, sha, strerror(errno));
		return NULL;
	}
	return to;
}

/* docs_unpark() for a program without a request: see docs_park_in(). */
void
docs_unpark_in(struct arena *a, const char *dir, const char *parked,
    const char *sha, const char *rid, bool committed)
{
	if (parked == NULL)
		return;
	if (committed) {
		if (unlink(parked) == -1)
			LOGE("rid=%s unlink %s: %s", rid, parked,
			    strerror(errno));
		return;
	}
	if (rename(parked, arena_printf(a, "%s/%s", dir, sha)) == -1)
		LOGE("rid=%s unpark %s: %s", rid, sha, strerror(errno));
}

/*
 * Removing a row that names document sha (64 hex digits), when it may
 * have been the file's last: the handler's open transaction deleted the
 * row, and calls this as its last statement before docs_commit().  It
 * runs users, the worker's statement "CALL document_users(?)" (0023:
 * the rows of every table naming a file in documents.dir, counted by
 * locking reads that keep a row of the same file from being written by
 * anyone until the commit); when no row names sha any more, the file is
 * parked (docs_park()).  So a file goes with the last row of any table
 * naming it, never while another names it, whichever worker owns that
 * row.  *parked is the file's name now, or NULL (a row still names it,
 * or there was no file).  Returns DB_OK, or the statement's error with
 * nothing parked.
 */
enum db_rc
docs_drop(struct req *r, size_t users, const char *sha, const char **parked)
{
	struct db_res res;
	enum db_rc rc;

	*parked = NULL;
	if ((rc = DBQ(r, users, &res, DBP_S(sha))) != DB_OK)
		return rc;
	if (res.nrows == 1 && db_int(&res, 0, "n") == 0)
		*parked = docs_park(r, sha);
	return DB_OK;
}

/*
 * Ends what docs_drop() began: commits the handler's transaction, then
 * removes the parked file (parked NULL: nothing to remove), or, when the
 * commit failed, gives it its name back.  Returns db_commit()'s outcome;
 * on failure the handler answers with db_undo(), as after any failed
 * write.
 */
enum db_rc
docs_commit(struct req *r, const char *parked, const char *sha)
{
	enum db_rc rc;

	rc = db_commit(r->w->db);
	docs_unpark(r, parked, sha, rc == DB_OK);
	return rc;
}

/* Removes every temporary file of r's upload that was not kept. */
void
docs_discard(struct req *r)
{
	unlink_all(&r->files);
}

/*
 * Removes the temporary files in dir older than max_age seconds: what a
 * worker killed in the middle of an upload (up-…) or of a document's
 * removal (del-…, docs_park()) left.  Bounded: at most 1000
 * entries a call.
 */
void
docs_sweep(const char *dir, int64_t max_age)
{
	DIR *d;
	struct dirent *de;
	struct stat st;
	time_t now = time(NULL);
	int fd, n = 0;

	if ((d = opendir(dir)) == NULL)
		return;
	fd = dirfd(d);
	while ((de = readdir(d)) != NULL && n++ < 1000) {
		if (strncmp(de->d_name, "up-", 3) != 0 &&
		    strncmp(de->d_name, "del-", 4) != 0)
			continue;
		if (fstatat(fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode) && now - st.st_mtime > max_age)
			unlinkat(fd, de->d_name, 0);
	}
	closedir(d);
}

/*
 * Answers a download of the document sha (64 hex digits) of type (one of
 * doc_type_mime) named filename: nginx's internal location
 * DOCS_ACCEL_PREFIX serves the file (X-Accel-Redirect) as an attachment,
 * with nosniff; the worker has checked access already.  The name is
 * sent as RFC 5987 UTF-8 and as an ASCII fallback.  Returns HTTP_OK, or
 * HTTP_NOT_FOUND when the file is missing (logged).
 */
enum http_status
docs_send(
    struct req *r, const char *sha, const char *type, const char *filename)
{
	FCGX_Stream *out = ((FCGX_Request *)r->fcgx)->out;
	const char *dir;
	char ascii[64];
	size_t i, k = 0;

	if ((dir = docs_dir(r)) == NULL || strlen(sha) != 64 ||
	    strspn(sha, "0123456789abcdef") != 64)
		return HTTP_INTERNAL;
	if (access(arena_printf(r->arena, "%s/%s", dir, sha), R_OK) != 0) {
		LOGE("rid=%s document %s is missing", r->rid, sha);
		return HTTP_NOT_FOUND;
	}
	for (i = 0; filename[i] != '\0' && k < sizeof(ascii) - 1; i++)
		if (strchr("-._", filename[i]) != NULL ||
		    (filename[i] >= '0' && filename[i] <= '9') ||
		    (filename[i] >= 'a' && filename[i] <= 'z') ||
		    (filename[i] >= 'A' && filename[i] <= 'Z'))
			ascii[k++] = filename[i];
	ascii[k] = '\0';
	FCGX_FPrintF(out, "X-Accel-Redirect: %s%s\r\n", DOCS_ACCEL_PREFIX, sha);
	FCGX_FPrintF(out,
	    "Content-Disposition: attachment; filename=\"%s\"; "
	    "filename*=UTF-8''%s\r\n",
	    k > 0 ? ascii : "document", str_pct_encode(r->arena, filename));
	resp_headers(r, HTTP_OK, type);
	return HTTP_OK;
}
