/* SPDX-License-Identifier: ISC */
/*
 * test-docs.c: documents (docs.c).  What a file is, by its first bytes
 * only: PDF, JPEG and PNG, and everything else (HTML, scripts, archives,
 * a truncated signature) refused whatever it is called.  The streaming
 * multipart parser: the same parts whatever the sizes of the reads (one
 * byte, seven, a chunk), each file's SHA-256, a file over its limit
 * flagged and not kept, the ceilings on fields and files, bad framing
 * refused, and every temporary file removed after a refusal.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "karika.h"

#define CT "multipart/form-data; boundary=----b7"

static void
sniff_knows_the_three_types_by_content(void **state)
{
	static const unsigned char png[] = {
	    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
	static const unsigned char jpeg[] = {0xff, 0xd8, 0xff, 0xe0, 0};

	assert_int_equal(doc_sniff("%PDF-1.7\n", 9), DOC_PDF);
	assert_int_equal(doc_sniff(jpeg, sizeof(jpeg)), DOC_JPEG);
	assert_int_equal(doc_sniff(png, sizeof(png)), DOC_PNG);
	assert_string_equal(doc_type_mime[DOC_PDF], "application/pdf");
}

static void
sniff_refuses_everything_else(void **state)
{
	static const char *const bad[] = {"", "%PD", "%pdf-1.4",
	    "<html><script>alert(1)</script>", "<!DOCTYPE html>", "GIF89a",
	    "PK\x03\x04",
	    "\x7f"
	    "ELF",
	    "#!/bin/sh", " %PDF-1.4", "\x89PNG\r\n\x1a", "\xff\xd8", "MZ",
	    "<?xml version=\"1.0\"?>"};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(
		    doc_sniff(bad[i], strlen(bad[i])), DOC_UNKNOWN);
}

/* A memory body, read step bytes at a time. */
struct mem {
	const char *p;
	size_t len, pos, step;
};

static ssize_t
mem_read(void *arg, char *out, size_t n)
{
	struct mem *m = arg;
	size_t k = m->len - m->pos;

	if (k > m->step)
		k = m->step;
	if (k > n)
		k = n;
	memcpy(out, m->p + m->pos, k);
	m->pos += k;
	return (ssize_t)k;
}

static const struct docs_limits lim = {8, 4, 100, 200};

static enum upload_error
parse(struct arena *a, const char *body, size_t len, size_t step,
    const char *tmp, struct upload_parts *fields, struct upload_parts *files)
{
	struct mem m = {body, len, 0, step};

	return docs_parse(a, CT, mem_read, &m, tmp, &lim, fields, files);
}

/*
 * The type of a received file is its content's: not its name, not the
 * Content-Type the browser sent, whatever the size of the reads that
 * brought its first bytes (one at a time included).
 */
static void
sniff_reads_content_not_name_or_sent_type(void **state)
{
	static const char body2[] =
	    "------b7\r\nContent-Disposition: form-data; name=\"doc.1\"; "
	    "filename=\"nalaz.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
	    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\r\n"
	    "------b7\r\nContent-Disposition: form-data; name=\"doc.1\"; "
	    "filename=\"slika.png\"\r\nContent-Type: image/png\r\n\r\n"
	    "<html><body onload=alert(1)>\r\n"
	    "------b7\r\nContent-Disposition: form-data; name=\"doc.2\"; "
	    "filename=\"scan\"\r\nContent-Type: text/plain\r\n\r\n"
	    "\xff\xd8\xff\xdb\0C\r\n"
	    "------b7\r\nContent-Disposition: form-data; name=\"doc.2\"; "
	    "filename=\"bom.pdf\"\r\n\r\n\xef\xbb\xbf%PDF-1.4\r\n"
	    "------b7--\r\n";
	static const enum doc_type want[] = {
	    DOC_PNG, DOC_UNKNOWN, DOC_JPEG, DOC_UNKNOWN};
	struct upload_parts fi, fl;
	struct arena *a = arena_new();
	size_t step, i;

	for (step = 1; step <= 64; step++) {
		assert_int_equal(
		    parse(a, body2, sizeof(body2) - 1, step, NULL, &fl, &fi),
		    UPLOAD_OK);
		assert_int_equal(fi.n, 4);
		for (i = 0; i < fi.n; i++)
			assert_int_equal(fi.part[i].type_sniffed, want[i]);
		assert_string_equal(fi.part[0].filename, "nalaz.pdf");
		assert_string_equal(fi.part[0].type, "application/pdf");
		arena_reset(a);
	}
	arena_free(a);
}

static const char body[] =
    "------b7\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
    "tok\r\n"
    "------b7\r\nContent-Disposition: form-data; name=\"doc.2\"; "
    "filename=\"C:\\\\scan\\\\abc.pdf\"\r\nContent-Type: text/html\r\n\r\n"
    "abc\r\n"
    "------b7\r\nContent-Disposition: form-data; name=\"given\"\r\n\r\n"
    "Ana\r\n------b7--\r\n";

static void
parts_are_the_same_whatever_the_reads(void **state)
{
	static const size_t steps[] = {1, 2, 7, 64, 65536};
	struct upload_parts fi, fl;
	size_t i;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		struct arena *a = arena_new();

		assert_int_equal(
		    parse(a, body, sizeof(body) - 1, steps[i], NULL, &fl, &fi),
		    UPLOAD_OK);
		assert_int_equal(fl.n, 2);
		assert_string_equal(fl.part[0].name, "csrf");
		assert_string_equal(fl.part[0].data, "tok");
		assert_string_equal(fl.part[1].data, "Ana");
		assert_int_equal(fi.n, 1);
		assert_string_equal(fi.part[0].name, "doc.2");
		assert_string_equal(fi.part[0].filename, "abc.pdf");
		assert_int_equal(fi.part[0].len, 3);
		/* SHA-256("abc") */
		assert_string_equal(fi.part[0].sha256,
		    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f2"
		    "0015ad");
		/* the type sent says HTML; the content is no known type */
		assert_int_equal(fi.part[0].type_sniffed, DOC_UNKNOWN);
		arena_free(a);
	}
}

static size_t
files_in(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		n += de->d_name[0] != '.';
	closedir(d);
	return n;
}

static void
files_go_to_temporary_files_and_refusals_leave_none(void **state)
{
	char dir[] = "/tmp/karika-docs-XXXXXX";
	struct upload_parts fi, fl;
	struct arena *a = arena_new();
	char buf[16];
	FILE *f;
	const char bad[] =
	    "------b7\r\nContent-Disposition: form-data; name=\"doc.1\"; "
	    "filename=\"a.pdf\"\r\n\r\n%PDF-1.4 and no end";

	assert_non_null(mkdtemp(dir));
	assert_int_equal(
	    parse(a, body, sizeof(body) - 1, 5, dir, &fl, &fi), UPLOAD_OK);
	assert_non_null(fi.part[0].tmp);
	assert_non_null(f = fopen(fi.part[0].tmp, "rb"));
	assert_int_equal(fread(buf, 1, sizeof(buf), f), 3);
	fclose(f);
	assert_memory_equal(buf, "abc", 3);
	assert_int_equal(files_in(dir), 1);
	unlink(fi.part[0].tmp);
	/* a body cut short: the file begun is removed */
	assert_int_equal(
	    parse(a, bad, sizeof(bad) - 1, 3, dir, &fl, &fi), UPLOAD_FRAMING);
	assert_int_equal(fi.n, 0);
	assert_int_equal(files_in(dir), 0);
	rmdir(dir);
	arena_free(a);
}

static void
a_file_over_its_limit_is_flagged_not_kept(void **state)
{
	char dir[] = "/tmp/karika-docs-XXXXXX";
	struct upload_parts fi, fl;
	struct arena *a = arena_new();
	char big[600];
	size_t n;

	assert_non_null(mkdtemp(dir));
	n = (size_t)snprintf(big, sizeof(big),
	    "------b7\r\nContent-Disposition: form-data; name=\"doc.1\"; "
	    "filename=\"big.pdf\"\r\n\r\n%%PDF-%0150d\r\n------b7\r\n"
	    "Content-Disposition: form-data; name=\"given\"\r\n\r\nAna\r\n"
	    "------b7--",
	    7);
	assert_int_equal(parse(a, big, n, 9, dir, &fl, &fi), UPLOAD_OK);
	assert_int_equal(fi.n, 1);
	assert_true(fi.part[0].too_large);
	assert_null(fi.part[0].tmp);
	assert_int_equal(fi.part[0].len, 155);
	assert_int_equal(fi.part[0].type_sniffed, DOC_PDF);
	assert_string_equal(fl.part[0].data, "Ana"); /* what was typed stays */
	assert_int_equal(files_in(dir), 0);
	rmdir(dir);
	arena_free(a);
}

static void
ceilings_and_framing_are_enforced(void **state)
{
	struct upload_parts fi, fl;
	struct arena *a = arena_new();
	char many[2048];
	size_t n = 0;
	int i;
	static const struct {
		const char *body;
		enum upload_error e;
	} bad[] = {
	    {"", UPLOAD_FRAMING},
	    {"no boundary at all", UPLOAD_FRAMING},
	    {"------b7\r\n\r\nx", UPLOAD_HEADER},
	    {"------b7\r\nContent-Disposition: "
	     "form-data\r\n\r\nx\r\n------b7--",
		UPLOAD_HEADER},
	    {"------b7\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
	     "x\r\n------b7junk",
		UPLOAD_FRAMING},
	    {"------b7\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
	     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	     "xx"
	     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	     "xx"
	     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	     "xx"
	     "\r\n------b7--",
		UPLOAD_PART_TOO_LARGE},
	};
	size_t k;

	for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		assert_int_equal(parse(a, bad[k].body, strlen(bad[k].body), 4,
				     NULL, &fl, &fi),
		    bad[k].e);
		assert_int_equal(fl.n + fi.n, 0);
	}
	for (i = 0; i < 5; i++)
		n += (size_t)snprintf(many + n, sizeof(many) - n,
		    "------b7\r\nContent-Disposition: form-data; "
		    "name=\"doc.1\"; "
		    "filename=\"%d.png\"\r\n\r\nx\r\n",
		    i);
	n += (size_t)snprintf(many + n, sizeof(many) - n, "------b7--");
	assert_int_equal(
	    parse(a, many, n, 100, NULL, &fl, &fi), UPLOAD_TOO_MANY_PARTS);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(sniff_knows_the_three_types_by_content),
	    cmocka_unit_test(sniff_refuses_everything_else),
	    cmocka_unit_test(sniff_reads_content_not_name_or_sent_type),
	    cmocka_unit_test(parts_are_the_same_whatever_the_reads),
	    cmocka_unit_test(
		files_go_to_temporary_files_and_refusals_leave_none),
	    cmocka_unit_test(a_file_over_its_limit_is_flagged_not_kept),
	    cmocka_unit_test(ceilings_and_framing_are_enforced),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
