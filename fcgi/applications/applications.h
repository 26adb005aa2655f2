/* SPDX-License-Identifier: ISC */
/*
 * applications.h: karika-applications' handlers, one block per file.
 */
#ifndef APPLICATIONS_H
#define APPLICATIONS_H

/* app.c: the application as a record, its timeline, its mail */
extern const struct record_kind app_kind;
enum http_status app_load(struct req *, const char *, struct db_res *);
enum http_status app_check(struct req *, const char *, struct db_res *);
const char *app_service_name(const struct db_res *, size_t, enum locale);
enum db_rc app_event(struct req *, int64_t, const char *, const char *);
enum db_rc app_mail(struct req *, const struct db_res *, const char *);
enum db_rc app_mail_row(
    struct req *, const struct db_res *, size_t, const char *);
enum db_rc app_snapshot(struct req *, int64_t, const char *);
enum db_rc app_representative(struct req *, int64_t);
bool app_is_csw(const struct req *);
int app_write(struct req *, struct xml *, const struct db_res *);

/* service.c */
enum http_status service_list(struct req *, struct xml *);
enum http_status service_show(struct req *, struct xml *);

/* apply.c */
enum http_status apply_new(struct req *, struct xml *);
enum http_status apply_create(struct req *, struct xml *);
enum http_status apply_save(struct req *, struct xml *);
enum http_status apply_withdraw(struct req *, struct xml *);
enum http_status apply_doc_delete(struct req *, struct xml *);
enum http_status apply_mine(struct req *, struct xml *);
enum http_status apply_claim_new(struct req *, struct xml *);
enum http_status apply_claim(struct req *, struct xml *);
bool apply_editable(const struct req *, const struct db_res *);
int apply_form_saved(struct req *, struct xml *, const struct db_res *);

/* status.c */
enum http_status status_show(struct req *, struct xml *);
enum http_status status_document(struct req *, struct xml *);
enum http_status status_seen(struct req *, struct xml *);
enum http_status status_decision(struct req *, struct xml *);
enum http_status status_write(
    struct req *, struct xml *, const struct db_res *, const char *);
enum http_status status_write_form(struct req *, struct xml *,
    const struct db_res *, const char *, const char *, const struct form *);

/* csw.c */
enum http_status csw_inbox(struct req *, struct xml *);
enum http_status csw_take(struct req *, struct xml *);
enum http_status csw_request(struct req *, struct xml *);
enum http_status csw_decide(struct req *, struct xml *);
enum http_status csw_criteria(struct req *, struct xml *);
int csw_forms_write(struct req *, struct xml *, const struct db_res *,
    const char *, const struct form *);

/* waiting.c */
enum http_status waiting_list(struct req *, struct xml *);
enum http_status waiting_offer(struct req *, struct xml *);
enum http_status waiting_accept(struct req *, struct xml *);
enum http_status waiting_expire(struct req *, int64_t);

/* admin.c */
enum http_status admin_services(struct req *, struct xml *);
enum http_status admin_criteria(struct req *, struct xml *);
enum http_status admin_criteria_save(struct req *, struct xml *);
enum http_status admin_documents(struct req *, struct xml *);
enum http_status admin_documents_save(struct req *, struct xml *);

#endif
