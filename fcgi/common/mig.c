/* SPDX-License-Identifier: ISC */
/*
 * mig.c: what karika-migrate decides, kept apart from the database so that
 * it can be unit-tested: which file names are migrations, their order, and
 * the checksum that pins an applied file.  SHA-256 comes from OpenSSL's
 * libcrypto rather than a hand-written digest.
 */
#include <string.h>

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
