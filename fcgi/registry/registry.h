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

/* account.c */
enum http_status register_new(struct req *, struct xml *);
enum http_status register_create(struct req *, struct xml *);
enum http_status register_sent(struct req *, struct xml *);
enum http_status confirm_show(struct req *, struct xml *);
enum http_status confirm_do(struct req *, struct xml *);
enum http_status login_new(struct req *, struct xml *);
enum http_status login_create(struct req *, struct xml *);
enum http_status logout(struct req *, struct xml *);
enum http_status forgot_new(struct req *, struct xml *);
enum http_status forgot_create(struct req *, struct xml *);
enum http_status forgot_sent(struct req *, struct xml *);
enum http_status reset_show(struct req *, struct xml *);
enum http_status reset_do(struct req *, struct xml *);
enum http_status invite_show(struct req *, struct xml *);
enum http_status invite_do(struct req *, struct xml *);
enum http_status profile_show(struct req *, struct xml *);
enum http_status password_change(struct req *, struct xml *);
enum http_status email_change(struct req *, struct xml *);
enum http_status email_confirm_show(struct req *, struct xml *);
enum http_status email_confirm_do(struct req *, struct xml *);
enum http_status sessions_end(struct req *, struct xml *);

/* ops.c: what the operators read */
enum http_status metrics_show(struct req *, struct xml *);

/* retention.c: the retention job's runs, for administrators */
enum http_status admin_retention(struct req *, struct xml *);

/* token.c: links' tokens, sessions, the sign-in throttle */
struct throttle {
	unsigned char acct[32]; /* HMAC of the e-mail */
	unsigned char addr[32]; /* HMAC of the client's address */
};

const char *token_issue(
    struct req *, int64_t, const char *, const char *, int64_t, enum db_rc *);
int token_valid(struct req *, const char *, const char *, bool *);
enum http_status token_take(
    struct req *, const char *, const char *, struct db_res *);
enum db_rc session_start(struct req *, int64_t);
int throttle_check(struct req *, const char *, struct throttle *, bool *);
void throttle_fail(struct req *, const struct throttle *);
enum db_rc throttle_clear(struct req *, const struct throttle *);

/* admin.c */
enum http_status admin_accounts(struct req *, struct xml *);
enum http_status admin_account_create(struct req *, struct xml *);
enum http_status admin_account_confirm(struct req *, struct xml *);
enum http_status admin_account_disable(struct req *, struct xml *);
enum http_status admin_account_enable(struct req *, struct xml *);
enum http_status admin_audit(struct req *, struct xml *);

/* organisations, enrolments, deliveries: organisation.c, service_admin.c,
 * enrol.c, delivery.c */
enum http_status org_list(struct req *, struct xml *);
enum http_status org_show(struct req *, struct xml *);
enum http_status org_new(struct req *, struct xml *);
enum http_status org_create(struct req *, struct xml *);
enum http_status org_edit(struct req *, struct xml *);
enum http_status org_update(struct req *, struct xml *);
enum http_status licence_new(struct req *, struct xml *);
enum http_status licence_create(struct req *, struct xml *);
enum http_status licence_edit(struct req *, struct xml *);
enum http_status licence_update(struct req *, struct xml *);
enum http_status capacity_edit(struct req *, struct xml *);
enum http_status capacity_set(struct req *, struct xml *);
enum http_status service_edit(struct req *, struct xml *);
enum http_status service_update(struct req *, struct xml *);
enum http_status enrol_list(struct req *, struct xml *);
enum http_status enrol_new(struct req *, struct xml *);
enum http_status enrol_create(struct req *, struct xml *);
enum http_status enrol_end_form(struct req *, struct xml *);
enum http_status enrol_end(struct req *, struct xml *);
enum http_status delivery_months(struct req *, struct xml *);
enum http_status delivery_grid(struct req *, struct xml *);
enum http_status delivery_save(struct req *, struct xml *);
enum http_status delivery_close_confirm(struct req *, struct xml *);
enum http_status delivery_close(struct req *, struct xml *);

/*
 * Why an enrolment may not start (enrol_check): key is NULL when it may,
 * else the message key (enrol.capacity.full, enrol.capacity.none,
 * enrol.licence.none, enrol.licence.expired, enrol.licence.notyet) and
 * what its sentence names: the places and how many are taken in year,
 * or the licence's number and dates.
 */
struct enrol_refusal {
	const char *key;
	int64_t year;
	int64_t places;
	int64_t taken;
	const char *licence;	/* number */
	const char *valid_from; /* YYYY-MM-DD */
	const char *valid_to;
};

enum http_status enrol_check(
    struct req *, int64_t, int64_t, const char *, struct enrol_refusal *);
int enrol_refusal_write(struct xml *, const struct enrol_refusal *);

/* The provider a caseload page is about (care_org_load, enrol.c). */
struct care_org {
	int64_t id;	  /* 0: the CSW has not chosen one yet */
	const char *name; /* in the page's script */
	bool own;	  /* provider staff: their own, nothing to choose */
	struct db_res choices; /* the providers offered (value, label) */
};

enum http_status care_org_load(struct req *, struct care_org *);
int care_org_write(
    struct req *, struct xml *, const struct care_org *, const char *);

/* persons and caseload: person.c, caseload.c */
#define PERSON_NEEDS 14 /* the codes of table need (0006) */

/* The person's form (person.c), also the CSV import's row (caseload.c). */
enum person_field {
	PN_GIVEN,
	PN_FAMILY,
	PN_JMBG,
	PN_BIRTH,
	PN_SEX,
	PN_SETTLEMENT,
	PN_ADDRESS,
	PN_PHONE,
	PN_EMAIL,
	PN_REP,
	PN_REP_GIVEN,
	PN_REP_FAMILY,
	PN_REP_PHONE,
	PN_REP_KIND,
	PN_NEED, /* PERSON_NEEDS checkboxes, need-<code> */
	PN_CONFIRM = PN_NEED + PERSON_NEEDS,
	PN_SERVICE, /* provider staff: the first enrolment */
	PN_REFNUM,
	PN_REFDATE,
	PN_START,
	PN__MAX
};

extern const char *const person_needs[PERSON_NEEDS];
extern const struct field person_fields[PN__MAX];

bool person_csw(const struct req *);
int person_row_attrs(struct req *, struct xml *, const struct db_res *, size_t);
enum http_status person_check(struct req *, struct form *);
const char *person_write(
    struct req *, struct form *, int64_t *, bool *, enum db_rc *);
enum http_status persons_list(struct req *, struct xml *);
enum http_status person_show(struct req *, struct xml *);
enum http_status person_new(struct req *, struct xml *);
enum http_status person_create(struct req *, struct xml *);
enum http_status person_edit(struct req *, struct xml *);
enum http_status person_update(struct req *, struct xml *);
enum http_status caseload_csv(struct req *, struct xml *);
enum http_status import_new(struct req *, struct xml *);
enum http_status import_preview(struct req *, struct xml *);
enum http_status import_confirm(struct req *, struct xml *);
enum http_status import_rejected(struct req *, struct xml *);

/* cases, referrals, the protocol, DV: case.c, referral.c, dv.c (issue 15) */
#define CASE_BARRIERS	5  /* case_barrier.barrier (0010) */
#define REFERRAL_FIELDS 10 /* referral_field.field (0010) */
#define DV_KINDS	5  /* dv_case.kinds (0010) */

extern const struct record_kind case_kind;
extern const char *const case_barriers[CASE_BARRIERS];

const char *case_today(struct req *);
void case_not_future(struct req *, struct form *, size_t);
const char *case_key(struct req *, const char *);
bool case_flag(const struct db_res *, const char *);
enum db_rc csw_workers(struct req *, struct db_res *);
enum http_status cases_list(struct req *, struct xml *);
enum http_status case_show(struct req *, struct xml *);
enum http_status case_new(struct req *, struct xml *);
enum http_status case_create(struct req *, struct xml *);
enum http_status case_assess(struct req *, struct xml *);
enum http_status case_priority(struct req *, struct xml *);
enum http_status case_goal(struct req *, struct xml *);
enum http_status case_activity(struct req *, struct xml *);
enum http_status case_activity_done(struct req *, struct xml *);
enum http_status case_review(struct req *, struct xml *);
enum http_status case_review_held(struct req *, struct xml *);
enum http_status case_plan_submit(struct req *, struct xml *);
enum http_status case_plan_approve(struct req *, struct xml *);
enum http_status case_close(struct req *, struct xml *);
enum http_status case_close_approve(struct req *, struct xml *);
enum http_status case_transfer(struct req *, struct xml *);
enum http_status case_transfer_accept(struct req *, struct xml *);
enum http_status referral_new(struct req *, struct xml *);
enum http_status referral_close(struct req *, struct xml *);
enum http_status referrals_list(struct req *, struct xml *);
enum http_status referral_show(struct req *, struct xml *);
enum http_status referral_accept(struct req *, struct xml *);
enum http_status referral_decline(struct req *, struct xml *);
enum http_status referral_report(struct req *, struct xml *);
enum http_status protocol_show(struct req *, struct xml *);
enum http_status dv_list(struct req *, struct xml *);
enum http_status dv_show(struct req *, struct xml *);
enum http_status dv_new(struct req *, struct xml *);
enum http_status dv_create(struct req *, struct xml *);
enum http_status dv_plan(struct req *, struct xml *);
enum http_status dv_measure(struct req *, struct xml *);
enum http_status dv_measure_extend(struct req *, struct xml *);
enum http_status dv_referral(struct req *, struct xml *);
enum http_status dv_assign(struct req *, struct xml *);
enum http_status dv_glass_form(struct req *, struct xml *);
enum http_status dv_glass(struct req *, struct xml *);

/*
 * The register of professionals, courses, tests and certificates (issue
 * 16): professional.c, course.c, course_edit.c, test.c, certificate.c;
 * the arithmetic in quiz.c (quiz.h).  Courses are edited by the survey
 * editors and administrators.
 */
#define TRAINING_EDITORS (PERM_ROLE(ROLE_EDITOR) | PERM_ROLE(ROLE_ADMIN))
extern const struct record_kind course_kind, course_edit_kind;
bool training_editor(const struct req *);
void training_cyrl(struct req *, struct db_res *, const char *);
void training_today(char[11]);
enum db_rc training_me(struct req *, int64_t *);
enum db_rc training_refresh(struct req *, int64_t);
int training_paragraphs(struct req *, struct xml *, const char *);
enum http_status training_home(struct req *, struct xml *);
enum http_status completion_show(struct req *, struct xml *);
enum http_status completion_province(struct req *, struct xml *);
enum http_status pro_list(struct req *, struct xml *);
enum http_status pro_show(struct req *, struct xml *);
enum http_status pro_new(struct req *, struct xml *);
enum http_status pro_create(struct req *, struct xml *);
enum http_status pro_edit(struct req *, struct xml *);
enum http_status pro_update(struct req *, struct xml *);
enum http_status course_show(struct req *, struct xml *);
enum http_status module_show(struct req *, struct xml *);
enum http_status attempt_start(struct req *, struct xml *);
enum http_status attempt_show(struct req *, struct xml *);
enum http_status attempt_submit(struct req *, struct xml *);
enum http_status cert_find(struct req *, struct xml *);
enum http_status cert_verify(struct req *, struct xml *);
enum http_status course_new(struct req *, struct xml *);
enum http_status course_create(struct req *, struct xml *);
enum http_status course_edit(struct req *, struct xml *);
enum http_status course_update(struct req *, struct xml *);
enum http_status module_form(struct req *, struct xml *);
enum http_status module_write(struct req *, struct xml *, const char *);
enum http_status material_upload(struct req *, struct xml *);
enum http_status material_download(struct req *, struct xml *);
enum http_status material_delete(struct req *, struct xml *);
enum http_status question_form(struct req *, struct xml *);
enum http_status course_stats(struct req *, struct xml *);

/* group activities and what an administrator sets up for cases:
 * group.c, case_admin.c (issue 15) */
enum http_status groups_list(struct req *, struct xml *);
enum http_status group_show(struct req *, struct xml *);
enum http_status group_session_new(struct req *, struct xml *);
enum http_status group_attendance(struct req *, struct xml *);
enum http_status group_new(struct req *, struct xml *);
enum http_status group_edit(struct req *, struct xml *);
enum http_status group_members(struct req *, struct xml *);
enum http_status group_member_remove(struct req *, struct xml *);
enum http_status pga_list(struct req *, struct xml *);
enum http_status pga_create(struct req *, struct xml *);
enum http_status pga_edit(struct req *, struct xml *);
enum http_status sup_list(struct req *, struct xml *);
enum http_status sup_create(struct req *, struct xml *);
enum http_status sup_remove(struct req *, struct xml *);

#endif
