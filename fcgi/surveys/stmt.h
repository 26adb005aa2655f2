/* SPDX-License-Identifier: ISC */
/*
 * stmt.h: karika-surveys' statements, by index into stmt_sql[] (stmt.c).
 */
#ifndef SURVEYS_STMT_H
#define SURVEYS_STMT_H

enum stmt {
	/* The list, answering and results (survey.c, answer.c, results.c). */
	STMT_SURVEYS_OPEN,
	STMT_SURVEYS_CLOSED,
	STMT_SURVEY_PUBLIC,	  /* a survey by slug, its town, a response */
	STMT_SURVEY_DEFINITION,	  /* its definition, on a cache miss */
	STMT_INVITATION_FIND,	  /* an unused invitation code */
	STMT_RESPONSE_START,	  /* a new response in progress */
	STMT_RESPONSE_SAVE,	  /* its answers so far and the page */
	STMT_RESPONSE_SAVE_GROUP, /* the same, if its group may go on */
	STMT_RESPONSE_SAVE_CODE,  /* the same on Save: its code to be shown */
	STMT_CODE_SHOW,		  /* the code shown, once (0033) */
	STMT_CODE_NEW,		  /* a new code in place of the old */
	STMT_GROUP_STATE, /* a group's quota full? answered by invitation? */
	STMT_RESPONSE_COMPLETE, /* completed, in one CALL (0034) */
	STMT_SEAL_KEY,		/* the key held responses are sealed with */
	STMT_RESULTS_GROUPS,	/* completed responses per group */
	STMT_RESULTS_OPTIONS,	/* counts per question, item and option */
	STMT_RESULTS_BY_GROUP,	/* the same per respondent group */
	STMT_RESULTS_ANSWERED,	/* responses that answered each question */
	STMT_RESULTS_NUMBERS,	/* n, mean and median per question and item */
	STMT_RESULTS_TEXTS,	/* free text (editors only) */
	STMT_RESULTS_CROSS,	/* two questions cross-tabulated (editors) */
	STMT_SURVEY_ROUND,	/* the round a survey was copied from */
	/* editor: edit.c and export.c (/surveys/edit/) */
	STMT_SEDIT_LIST,
	STMT_SEDIT_SURVEY,
	STMT_SEDIT_COUNTS,
	STMT_SEDIT_INSERT,
	STMT_SEDIT_UPDATE,
	STMT_SEDIT_PUBLISH,
	STMT_SEDIT_CLOSE,
	STMT_SEDIT_RESULTS,
	STMT_SEDIT_RESPONSES,
	STMT_SEDIT_ANSWERS,
	STMT_SEDIT_AGG_OPTIONS,
	STMT_SEDIT_AGG_NUMBERS,
	/* end of editor */
	STMT__MAX
};

extern const char *const stmt_sql[STMT__MAX];

#endif
