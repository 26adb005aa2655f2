/* SPDX-License-Identifier: ISC */
/*
 * surveys.h: karika-surveys' handlers, one block per resource file.
 */
#ifndef SURVEYS_H
#define SURVEYS_H

/* --- answering and results: survey.c answer.c results.c cache.c --- */

#define SURVEY_CACHE_SLOTS   8	/* parsed definitions kept per process */
#define SURVEY_CODE_CHARS    20 /* a resume code: 100 random bits */
#define SURVEY_INVITE_MAX    64 /* an invitation code as typed */
#define SURVEY_COOKIE	     "survey"
#define SURVEY_HELD_PREFIX   "s1." /* a held response's cookie value */
#define SURVEY_HELD_MAX	     3000  /* its bytes at most: a cookie's 4 KB */
#define SURVEY_HELD_DAYS     30	   /* how long a held response lives */
#define SURVEY_ROW_SLOTS     16	   /* survey rows kept per process */
#define SURVEY_ROW_MS	     1000  /* and for how long (milliseconds) */
#define SURVEY_RESULTS_TEXTS 2000  /* free-text answers an editor sees */

/*
 * A public survey as one request sees it (survey_load): the row, its
 * municipality, its parsed definition (cache.c: shared by the requests of
 * this process, never changed), and the caller's response in progress
 * named by the survey cookie, if any.
 */
struct survey {
	int64_t id;
	const char *slug;
	const char *title;
	const char *status;
	bool open;	/* answers are taken now */
	bool early;	/* not open yet */
	bool published; /* results are public */
	int64_t round, copied_from;
	const char *opens_at, *closes_at; /* UTC DATETIME */
	struct muni m;
	const struct qdef *def;
	const char *version;	    /* of the definition: its change and CRC */
	const char *full_groups;    /* whose quota is full, space-separated */
	const char *invited_groups; /* that answer by invitation only */
	/* The response in progress: a row (response), or held by the
	 * browser (held.c), or neither (survey_going() false). */
	int64_t response;
	bool held;
	const char *held_version; /* the definition it was answered under */
	int64_t held_since;	  /* Start, Unix time */
	char nonce[33];
	size_t page;
	const char *answers; /* JSON (qdraft_decode) */
	int64_t invitation;
	const char *invitation_group; /* the group it invites, or NULL */
	const char *code;	      /* the cookie's resume code */
};

/* main.c */
const struct qschema *surveys_schema(void);

/* cache.c */
const struct qdef *survey_def(struct req *, int64_t, const char *);
enum http_status survey_load(struct req *, struct survey *);
enum http_status survey_load_code(struct req *, struct survey *, const char *);
const char *survey_slug(const struct req *);
bool survey_going(const struct survey *);
int survey_today(char[11]);
void survey_cookie(struct req *, const struct survey *, const char *);
bool survey_editor(const struct req *);
int survey_write(struct xml *, const struct survey *, enum locale);

/* answer.c */
bool held_cookie(const char *);
void held_nonce(char[33]);
const char *held_seal(
    struct req *, const struct survey *, size_t, const char *, bool *);
int held_open(struct req *, struct survey *, const char *);

enum http_status answer_show(struct req *, struct xml *);
enum http_status answer_save(struct req *, struct xml *);
enum http_status answer_saved(struct req *, struct xml *);
enum http_status answer_code_new(struct req *, struct xml *);
enum http_status resume_new(struct req *, struct xml *);
enum http_status resume_create(struct req *, struct xml *);
int answer_preview(
    struct req *, struct xml *, const struct survey *, size_t, const char *);
bool answer_begin(struct survey *, size_t);
enum http_status answer_keep(struct req *, struct survey *, size_t,
    const struct qanswers *, const char *, bool);
const char *answer_path(
    struct req *, const struct survey *, size_t, const struct qanswers *);
char *code_new(struct arena *);
bool code_normalise(const char *, char[SURVEY_CODE_CHARS + 1]);

/* survey.c */
enum http_status survey_list(struct req *, struct xml *);
enum http_status survey_show(struct req *, struct xml *);
enum http_status survey_start(struct req *, struct xml *);
enum http_status survey_thanks(struct req *, struct xml *);

/* results.c */
enum http_status results_show(struct req *, struct xml *);

/* editor: edit.c, edit_text.c, edit_pages.c, edit_publish.c (edit.h)
 * and export.c (/surveys/edit/) */

/* Who edits surveys: the survey editors and the administrators. */
#define SEDIT_PERMS (PERM_ROLE(ROLE_EDITOR) | PERM_ROLE(ROLE_ADMIN))

/* A survey as the editor opens it (sv_load): its row and definition. */
struct sv {
	int64_t id, round, responses, completed;
	const char *code, *status, *xml;
	const char *opens, *closes; /* UTC, or NULL */
	bool results;
	const struct qdef *d; /* NULL: no definition stored */
};

extern const struct record_kind sedit_kind;

enum http_status sv_load(struct req *, const char *, struct sv *);
const struct qdef *sv_check(struct req *, const struct sv *, const char *,
    const struct qdef *, const char **, const char **, const char **);
enum db_rc sv_store(struct req *, const struct sv *, const struct qdef *,
    const char *, const char *);
enum http_status sedit_list(struct req *, struct xml *);
enum http_status sedit_new(struct req *, struct xml *);
enum http_status sedit_create(struct req *, struct xml *);
enum http_status sedit_show(struct req *, struct xml *);
enum http_status sedit_meta(struct req *, struct xml *);
enum http_status sedit_meta_save(struct req *, struct xml *);
enum http_status sedit_page(struct req *, struct xml *);
enum http_status sedit_page_save(struct req *, struct xml *);
enum http_status sedit_page_new(struct req *, struct xml *);
enum http_status sedit_page_create(struct req *, struct xml *);
enum http_status sedit_page_move(struct req *, struct xml *);
enum http_status sedit_page_delete(struct req *, struct xml *);
enum http_status sedit_question(struct req *, struct xml *);
enum http_status sedit_question_save(struct req *, struct xml *);
enum http_status sedit_question_new(struct req *, struct xml *);
enum http_status sedit_question_create(struct req *, struct xml *);
enum http_status sedit_question_move(struct req *, struct xml *);
enum http_status sedit_question_delete(struct req *, struct xml *);
enum http_status sedit_publish_form(struct req *, struct xml *);
enum http_status sedit_publish(struct req *, struct xml *);
enum http_status sedit_close(struct req *, struct xml *);
enum http_status sedit_copy_form(struct req *, struct xml *);
enum http_status sedit_copy(struct req *, struct xml *);
enum http_status sedit_results(struct req *, struct xml *);
enum http_status sedit_definition_form(struct req *, struct xml *);
enum http_status sedit_definition(struct req *, struct xml *);
enum http_status sedit_definition_xml(struct req *, struct xml *);
enum http_status sedit_preview(struct req *, struct xml *);
enum http_status sexport_responses(struct req *, struct xml *);
enum http_status sexport_aggregates(struct req *, struct xml *);
enum http_status sexport_spss(struct req *, struct xml *);
/* end of editor */

#endif
