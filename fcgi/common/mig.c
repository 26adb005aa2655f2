/* SPDX-License-Identifier: ISC */
/*
 * mig.c: what karika-migrate decides, kept apart from the database so that
 * it can be unit-tested: which file names are migrations, their order, and
 * the checksum that pins an applied file.  SHA-256 comes from OpenSSL's
 * libcrypto rather than a hand-written digest.
 */
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include <openssl/evp.h>

#include "karika.h"

/*
 * True when name is a migration file name, "NNNN_word.sql" with four
 * digits, then lower-case letters, digits and underscores; *version gets
 * NNNN (1 to 9999).
 */
bool
mig_name(const char *name, int64_t *version)
{
	char num[5];
	size_t n = strlen(name), i;

	if (n < 10 || strcmp(name + n - 4, ".sql") != 0 || name[4] != '_')
		return false;
	for (i = 0; i < 4; i++) {
		if (name[i] < '0' || name[i] > '9')
			return false;
		num[i] = name[i];
	}
	num[4] = '\0';
	for (i = 5; i < n - 4; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
			(name[i] >= '0' && name[i] <= '9') || name[i] == '_'))
			return false;
	return str_to_int64(num, 1, 9999, version) == 0;
}

/*
 * Writes the SHA-256 of the len bytes at data as 64 lower-case hex digits
 * and a NUL into out.  Returns 0, or -1 if libcrypto fails.
 */
int
mig_checksum(const void *data, size_t len, char out[MIG_CHECKSUM_LEN + 1])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;

	if (EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) != 1 ||
	    mdlen * 2 != MIG_CHECKSUM_LEN) {
		LOGE("EVP_Digest failed");
		return -1;
	}
	hex_encode(md, mdlen, out);
	return 0;
}

/*
 * What to do with a migration file given what schema_migrations holds for
 * its version: applied_sum is NULL when it was never applied.
 */
enum mig_action
mig_decide(const char *file_sum, const char *applied_sum)
{
	if (applied_sum == NULL)
		return MIG_APPLY;
	if (strcmp(file_sum, applied_sum) == 0)
		return MIG_SKIP;
	return MIG_CHANGED;
}

/* True when the word at p (n bytes) is w, in any case. */
static bool
word_is(const char *p, size_t n, const char *w)
{
	return strlen(w) == n && strncasecmp(p, w, n) == 0;
}

static bool
word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '$';
}

/*
 * True when the word w (n bytes) opens a compound body that an END
 * closes: BEGIN, CASE, LOOP, REPEAT, WHILE inside a body, and IF as a
 * statement (after a trigger's FOR EACH ROW, THEN, ELSE, BEGIN, DO or a
 * semicolon inside a body), not IF() or IF [NOT] EXISTS.
 */
static bool
opens(const char *w, size_t n, const char *prev, size_t prevl, bool semi,
    size_t depth)
{
	if (word_is(w, n, "BEGIN") || word_is(w, n, "CASE") ||
	    word_is(w, n, "LOOP") || word_is(w, n, "REPEAT"))
		return true;
	if (word_is(w, n, "WHILE"))
		return depth > 0;
	if (!word_is(w, n, "IF"))
		return false;
	if (semi && depth > 0)
		return true;
	return prev != NULL &&
	    (word_is(prev, prevl, "ROW") || word_is(prev, prevl, "THEN") ||
		word_is(prev, prevl, "ELSE") || word_is(prev, prevl, "BEGIN") ||
		word_is(prev, prevl, "DO"));
}

/* After END: the length up to the end of a following IF, CASE, LOOP,
 * WHILE or REPEAT (END IF opens nothing), else 0. */
static size_t
end_word(const char *p, size_t len)
{
	size_t j = 0, n;

	while (j < len && (p[j] == ' ' || p[j] == '\t'))
		j++;
	for (n = 0; j + n < len && word_char(p[j + n]); n++)
		;
	if (word_is(p + j, n, "IF") || word_is(p + j, n, "CASE") ||
	    word_is(p + j, n, "LOOP") || word_is(p + j, n, "WHILE") ||
	    word_is(p + j, n, "REPEAT"))
		return j + n;
	return 0;
}

/*
 * Finds where statement k (0 for the first) of the migration text sql
 * (len bytes) starts, as the server's multi-statement parser would split
 * it: at semicolons outside quotes, comments and compound bodies (BEGIN
 * ... END, CASE ... END, and IF, WHILE, LOOP or REPEAT as statements
 * ... END IF and the like).  It is used only to say where a failed
 * statement is; the server alone decides what ran.  Returns the offset
 * of the statement's first non-blank byte and sets *line (from 1), or
 * -1 when the text holds fewer statements.
 */
ssize_t
mig_statement_start(const char *sql, size_t len, size_t k, size_t *line)
{
	size_t i = 0, n, depth = 0, stmt = 0, ln = 1, wl, prevl = 0;
	const char *w, *prev = NULL; /* the word before this one */
	bool at_start = true, semi = true;

	while (i < len) {
		char c = sql[i];

		if (at_start && c != ' ' && c != '\t' && c != '\n' &&
		    c != '\r' &&
		    !(c == '-' && i + 1 < len && sql[i + 1] == '-') &&
		    c != '#' &&
		    !(c == '/' && i + 1 < len && sql[i + 1] == '*')) {
			if (stmt == k) {
				*line = ln;
				return (ssize_t)i;
			}
			at_start = false;
		}
		if (c == '\n') {
			ln++;
			i++;
		} else if ((c == '-' && i + 2 < len && sql[i + 1] == '-' &&
			       (sql[i + 2] == ' ' || sql[i + 2] == '\t' ||
				   sql[i + 2] == '\n')) ||
		    c == '#') {
			while (i < len && sql[i] != '\n')
				i++;
		} else if (c == '/' && i + 1 < len && sql[i + 1] == '*') {
			for (i += 2; i + 1 < len &&
			     !(sql[i] == '*' && sql[i + 1] == '/');
			     i++)
				if (sql[i] == '\n')
					ln++;
			i += 2;
		} else if (c == '\'' || c == '"' || c == '`') {
			for (i++; i < len && sql[i] != c; i++) {
				if (sql[i] == '\\' && c != '`')
					i++;
				else if (sql[i] == '\n')
					ln++;
			}
			i++;
			semi = false;
		} else if (c == ';') {
			if (depth == 0) {
				stmt++;
				at_start = true;
			}
			semi = true;
			prev = NULL;
			i++;
		} else if (word_char(c)) {
			for (n = 0; i + n < len && word_char(sql[i + n]); n++)
				;
			w = sql + i;
			wl = n;
			if (opens(w, wl, prev, prevl, semi, depth))
				depth++;
			else if (word_is(w, wl, "END") && depth > 0) {
				depth--;
				n += end_word(sql + i + n, len - i - n);
			}
			prev = w;
			prevl = wl;
			semi = false;
			i += n;
		} else {
			if (c != ' ' && c != '\t' && c != '\r')
				semi = false;
			i++;
		}
	}
	return -1;
}
