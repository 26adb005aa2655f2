/* SPDX-License-Identifier: ISC */
/*
 * stmt.h: karika-applications' statements, by index into stmt_sql[].
 */
#ifndef APPLICATIONS_STMT_H
#define APPLICATIONS_STMT_H

enum stmt { STMT_SERVICES_ONLINE, STMT__MAX };

extern const char *const stmt_sql[STMT__MAX];

#endif
