/* SPDX-License-Identifier: ISC */
/*
 * stmt.h: karika-reports' statements, by index into stmt_sql[] (stmt.c).
 */
#ifndef REPORTS_STMT_H
#define REPORTS_STMT_H

enum stmt { STMT_USERS_PER_SERVICE, STMT__MAX };

extern const char *const stmt_sql[STMT__MAX];

#endif
