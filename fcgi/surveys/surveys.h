/* SPDX-License-Identifier: ISC */
/*
 * surveys.h: karika-surveys' handlers, one block per resource file.
 */
#ifndef SURVEYS_H
#define SURVEYS_H

/* survey.c */
enum http_status survey_list(struct req *, struct xml *);

#endif
