/* SPDX-License-Identifier: ISC */
/*
 * applications.h: karika-applications' handlers, one block per file.
 */
#ifndef APPLICATIONS_H
#define APPLICATIONS_H

/* service.c */
enum http_status service_list(struct req *, struct xml *);

#endif
