/* SPDX-License-Identifier: ISC */
/*
 * fuzz.h: checks more than one harness makes of what a decoder returned.
 * Included by the harnesses that need them; each is static inline so a
 * harness that does not call one carries no unused function.
 */
#ifndef KARIKA_FUZZ_H
#define KARIKA_FUZZ_H

#include <stdbool.h>

/* True when every byte of s is printable ASCII a cookie may carry. */
static inline bool
cookie_chars(const char *s, bool key)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s <= ' ' || (unsigned char)*s >= 0x7f ||
		    *s == '"' || *s == '\\' || *s == ';')
			return false;
		if (key && *s == '=')
			return false;
	}
	return true;
}

#endif /* KARIKA_FUZZ_H */
