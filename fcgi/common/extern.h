/* SPDX-License-Identifier: ISC */
/*
 * extern.h: helpers shared inside fcgi/common only.  Workers include
 * karika.h; this header adds nothing they may call.
 */
#ifndef KARIKA_EXTERN_H
#define KARIKA_EXTERN_H

#include "karika.h"

/* req.c */
size_t kv_max_pairs(const char *, size_t);

/* resp.c */
void resp_headers(struct req *, enum http_status, const char *);

/* route.c */
bool route_match(const char *, const char *, int64_t *, size_t *);

#endif /* KARIKA_EXTERN_H */
