/* SPDX-License-Identifier: ISC */
/*
 * edit.h: what the survey editor's files share and nothing else needs.
 * The editor (/surveys/edit/, issue 11) is four files that each read top
 * to bottom:
 *
 *   edit.c          a survey as a whole: opening it (sv_load), the model
 *                   every change goes through (copy, rebuild, check,
 *                   store), the pieces every editor page writes, the two
 *                   ways a change is made (a form: edit_get/edit_post; a
 *                   button: button_open/button_store), the list, the
 *                   survey's page, a new survey, its metadata, its XML
 *   edit_text.c     the forms' texts: codes, the four locales of a text,
 *                   lines "code = label" and conditions, local times
 *   edit_pages.c    pages and questions: their forms, moving and
 *                   deleting them, and the preview
 *   edit_publish.c  publishing, closing, results public or not, a copy
 *                   for the next round
 *
 * export.c (the CSV and SPSS files) uses only surveys.h.
 */
#ifndef SURVEYS_EDIT_H
#define SURVEYS_EDIT_H

/* A textarea of lines (options, groups, conditions): 60 lines of a
 * 24-byte code and a 200-character label fit. */
#define SEDIT_LINES_MAX_CHARS 16000
#define SEDIT_LONG_MAX_CHARS  2000 /* purpose, thanks, a question's text */
#define SEDIT_TITLE_MAX_CHARS 200  /* titles and labels (survey.rng) */
#define SEDIT_WHEN_MAX_CHARS  20   /* "14. 11. 2026. 08:00" */

/* A text field of an editor's form (never autocompleted). */
#define TXT(n, req, max, key)                                                  \
	{                                                                      \
		n, VALID_TEXT, req, 0, max, key, "off", NULL, NULL             \
	}

/* --- edit_text.c --- */

extern const enum locale form_locales[4];

bool code_ok(const char *);
void text_from(struct form *, size_t, struct qtext *);
void text_to(struct form *, size_t, const struct qtext *);
int pairs_parse(struct req *, struct form *, size_t, size_t, const char ***,
    const char ***, size_t *);
int opts_from(
    struct req *, struct form *, size_t, size_t, struct qopt **, size_t *);
void opts_to(struct req *, struct form *, size_t, const struct qopt *, size_t);
int conds_from(struct req *, struct form *, size_t, const struct qdef *,
    struct qcond **, size_t *);
void conds_to(struct req *, struct form *, size_t, const struct qdef *,
    const struct qcond *, size_t);
int when_parse(const char *, char[17]);
int when_utc(const char *, char[20], char[11]);
const char *when_show(struct req *, const char *);

/* --- edit.c --- */

/*
 * An editor's form on a survey: its page name and submit key, its
 * fields, how it fills them from the definition (GET) and how it makes
 * the new definition from them (POST: HTTP_OK with *out set; 404 for an
 * object that is not there; 422 after marking fields or setting *key).
 */
struct edit_form {
	const char *page;
	const char *submit;
	const struct field *fields;
	size_t n;
	const char *action; /* audit action */
	enum http_status (*load)(
	    struct req *, struct form *, const struct sv *);
	enum http_status (*apply)(struct req *, struct form *,
	    const struct sv *, const struct qdef **, const char **,
	    const char **);
};

struct qdef *model_copy(struct arena *, const struct qdef *);
struct qdef *rebuild(struct arena *, const struct qdef *, const size_t *,
    const size_t *, size_t, const size_t *, size_t, const char **);
void layout_of(
    struct arena *, const struct qdef *, size_t **, size_t **, size_t **);
int write_survey(struct req *, struct xml *, const struct sv *);
enum http_status show_form(struct req *, struct xml *, const char *,
    const char *, const char *, const struct field *, const struct form *,
    const struct sv *, const char *, const char *);
void refuse(struct req *, struct form *, const char *);
const char *sv_path(struct req *, int64_t);
enum http_status edit_get(struct req *, struct xml *, const struct edit_form *);
enum http_status edit_post(
    struct req *, struct xml *, const struct edit_form *);
enum http_status button_refused(struct req *, struct xml *, const struct sv *,
    enum http_status, const char *, const char *);
enum http_status button_open(struct req *, struct xml *, const char *,
    const struct field *, size_t, struct form *, struct sv *, const char *);
enum http_status button_store(struct req *, struct xml *, const struct sv *,
    const struct qdef *, const char *, const char *);
enum http_status nothing_to_do(struct req *, const struct sv *);

/* The one field of a button that needs its box ticked (confirm=1). */
extern const struct field confirm_fields[1];

#endif
