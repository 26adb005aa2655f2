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

#endif
