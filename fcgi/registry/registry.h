/* SPDX-License-Identifier: ISC */
/*
 * registry.h: karika-registry's handlers, one block per resource file.
 */
#ifndef REGISTRY_H
#define REGISTRY_H

/* home.c */
enum http_status home_show(struct req *, struct xml *);

/* service.c */
enum http_status service_list(struct req *, struct xml *);

#endif
