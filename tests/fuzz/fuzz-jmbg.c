/* SPDX-License-Identifier: ISC */
/*
 * fuzz-jmbg.c: jmbg_check and jmbg_mask (jmbg.c).  The input, up to its
 * first NUL, is copied to a NUL-terminated buffer of exactly its length,
 * so a read past the terminator is an AddressSanitizer report.  Checks:
 * the result is a known problem; JMBG_OK only for thirteen digits whose
 * last is jmbg_check_digit of the rest, with a birth date "YYYY-MM-DD"
 * that repeats the number's DD and MM and a sex that follows BBB; a
 * refused number leaves *info untouched; the mask is valid UTF-8 that
 * fits JMBG_MASK_BYTES and shows the seven date digits of a number of
 * thirteen digits, and no digit of anything else.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Aborts unless a refused number's info is still all sentinel bytes. */
static void
check_untouched(const struct jmbg_info *info)
{
	const unsigned char *p = (const unsigned char *)info;
	size_t i;

	for (i = 0; i < sizeof(*info); i++)
		if (p[i] != 0xa5)
			abort();
}

/* Aborts unless a valid number's info agrees with its digits. */
static void
check_valid(const char *s, size_t size, const struct jmbg_info *info)
{
	size_t i;

	if (size != JMBG_LEN)
		abort();
	for (i = 0; i < JMBG_LEN; i++)
		if (s[i] < '0' || s[i] > '9')
			abort();
	if (jmbg_check_digit(s) != s[12] - '0')
		abort();
	if (strlen(info->birth) != 10 || info->birth[4] != '-' ||
	    info->birth[7] != '-' || memcmp(info->birth + 5, s + 2, 2) != 0 ||
	    memcmp(info->birth + 8, s, 2) != 0 ||
	    memcmp(info->birth + 1, s[4] == '9' ? "9" : "0", 1) != 0)
		abort();
	if (info->year < 1900 || info->year > 2099 || info->month < 1 ||
	    info->month > 12 || info->day < 1 || info->day > 31)
		abort();
	if (info->female != (s[9] >= '5') ||
	    strcmp(info->sex, info->female ? "female" : "male") != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul;
	struct jmbg_info info;
	char mask[JMBG_MASK_BYTES];
	enum jmbg_problem p;
	size_t i, digits = 0, len;
	bool number;
	char *s;

	if ((nul = memchr(data, '\0', size)) != NULL)
		size = (size_t)(nul - data);
	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';

	memset(&info, 0xa5, sizeof(info));
	p = jmbg_check(s, &info);
	if ((unsigned)p >= JMBG__MAX)
		abort();
	if (p == JMBG_OK)
		check_valid(s, size, &info);
	else
		check_untouched(&info);
	if ((p == JMBG_OK) != (jmbg_problem_key(p) == NULL))
		abort();

	for (i = 0; i < size && s[i] >= '0' && s[i] <= '9'; i++)
		;
	number = size == JMBG_LEN && i == size;
	memset(mask, 0xa5, sizeof(mask));
	if ((jmbg_mask(s, mask) == 0) != number)
		abort();
	if ((len = strnlen(mask, sizeof(mask))) == sizeof(mask) ||
	    !utf8_valid(mask, len))
		abort();
	for (i = 0; i < len; i++)
		if (mask[i] >= '0' && mask[i] <= '9')
			digits++;
	if (digits != (number ? 7u : 0u) ||
	    (digits > 0 && memcmp(mask, s, digits) != 0))
		abort();
	free(s);
	return 0;
}
