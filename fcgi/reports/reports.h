/* SPDX-License-Identifier: ISC */
/*
 * reports.h: karika-reports' handlers, one block per resource file.
 */
#ifndef REPORTS_H
#define REPORTS_H

/* users.c */
enum http_status users_show(struct req *, struct xml *);

#endif
