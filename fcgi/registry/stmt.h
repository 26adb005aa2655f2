/* SPDX-License-Identifier: ISC */
/*
 * stmt.h: karika-registry's statements, by index into stmt_sql[] (stmt.c).
 */
#ifndef REGISTRY_STMT_H
#define REGISTRY_STMT_H

enum stmt {
	STMT_MUNICIPALITY,
	STMT_GROUPS,
	STMT_SERVICES,
	STMT_PROVIDERS,
	STMT__MAX
};

extern const char *const stmt_sql[STMT__MAX];

#endif
