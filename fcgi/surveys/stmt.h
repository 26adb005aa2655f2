/* SPDX-License-Identifier: ISC */
/*
 * stmt.h: karika-surveys' statements, by index into stmt_sql[] (stmt.c).
 */
#ifndef SURVEYS_STMT_H
#define SURVEYS_STMT_H

enum stmt { STMT_SURVEYS_OPEN, STMT_SURVEYS_CLOSED, STMT__MAX };

extern const char *const stmt_sql[STMT__MAX];

#endif
