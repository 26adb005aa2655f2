/* SPDX-License-Identifier: ISC */
/*
 * mailer.c: karika-mailer drains the outbox.  A request never sends mail:
 * it inserts an outbox row in its own transaction (to_addr, locale,
 * template, param_name, param_link).  This program, running beside the
 * workers, selects the rows that are due, renders each in the recipient's
 * language from the message catalogue the web pages use
 * (mail.<template>.subject and mail.<template>.body in
 * <mail.catalogue_dir>/<locale>.xml, with {name}, {link} and {site}), sends
 * it over SMTP with libcurl and marks it sent, blanking the link, which
 * holds a single-use token.  A failure counts an attempt and sets the next
 * one after a backoff (mail_backoff_seconds); after mail.max_attempts
 * attempts the row stays as it is, last_error saying why.
 *
 *	karika-mailer [-c config] [--once]
 *
 * Loop mode polls every mail.poll_seconds until SIGTERM or SIGINT, which
 * end it after the message in flight; a database that is down is logged
 * and tried again next round.  --once runs one round: exit 0 after it
 * (whatever happened to the messages), 1 when the database could not be
 * used or the configuration is wrong, 2 for bad usage.
 *
 * The log has one line per message: its outbox id and the outcome, never
 * the address, the name or the link (STYLE 3.14).  Delivery is at least
 * once: a message sent whose row cannot be marked afterwards (the database
 * went away in between) goes out again next round.  Run one mailer per
 * database.
 *
 * The database is reached through db.c, as the workers reach it, but with
 * the mailer's own statement table (below) and without the statements
 * every worker shares (db_new's last argument false): the mailer's user is
 * not granted sessions, audit or outbox inserts.
 */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>

#include <curl/curl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "mail.h"

/* Rows per round: a round holds one SMTP connection open. */
#define MAILER_BATCH_ROWS 20
#define MAILER_STR(x)	  MAILER_STR_(x)
#define MAILER_STR_(x)	  #x

#define MAILER_CONNECT_TIMEOUT_SECONDS 10L
#define MAILER_TIMEOUT_SECONDS	       60L

/* MariaDB: a local socket answers at once; a stuck server should not. */
/* While the database is down, wait longer between tries, up to this. */
#define MAILER_DB_DOWN_MAX_SECONDS 60

/* outbox.last_error is VARCHAR(255); curl's texts are far shorter. */
#define MAILER_ERROR_MAX_BYTES 200

/* "mail." + template (outbox.template is VARCHAR(32)) + ".subject". */
#define MAILER_KEY_MAX_BYTES 64

/* The catalogues are ours and hold a handful of mail.* keys each. */
#define MAILER_CAT_MAX_ENTRIES 1024

#define MAILER_FROM_DEFAULT "Karika <karika@localhost>"

/*
 * The mailer's whole SQL surface, for review beside its grant in
 * sql/grants.sql.  The times are UTC: db.c sets the session's time_zone
 * to +00:00, so UTC_TIMESTAMP() compares with and stores into the
 * TIMESTAMP columns unchanged.  "sent_at IS NULL" in the updates keeps a
 * row from being changed after it was marked sent.
 */
enum stmt {
	STMT_DUE,    /* the rows to send now, oldest first */
	STMT_SENT,   /* sent: stamp it and blank the link */
	STMT_FAILED, /* count the attempt, set the next one */
	STMT__MAX
};

static const char *const mailer_sql[STMT__MAX] = {
    "SELECT id, to_addr, locale, template, param_name, param_link, "
    "attempts FROM outbox WHERE sent_at IS NULL AND "
    "next_attempt_at <= UTC_TIMESTAMP() AND attempts < ? "
    "ORDER BY id LIMIT " MAILER_STR(MAILER_BATCH_ROWS), /* STMT_DUE */
    "UPDATE outbox SET sent_at = UTC_TIMESTAMP(), param_link = '' "
    "WHERE id = ? AND sent_at IS NULL", /* STMT_SENT */
    "UPDATE outbox SET attempts = attempts + 1, "
    "next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND, "
    "last_error = ? WHERE id = ? AND sent_at IS NULL", /* STMT_FAILED */
};

/* The columns of STMT_DUE. */
enum due {
	DUE_ID,
	DUE_TO,
	DUE_LOCALE,
	DUE_TEMPLATE,
	DUE_NAME,
	DUE_LINK,
	DUE_ATTEMPTS,
	DUE__MAX
};

/* One due outbox row, as STMT_DUE returns it (strings in the round's arena). */
struct row {
	int64_t id;
	int64_t attempts;
	const char *to;
	const char *locale;
	const char *template;
	const char *name;
	const char *link;
};

/* Everything that lives as long as the process. */
struct mailer {
	struct cfg cfg;
	struct db *db;	 /* db.c, as the workers use it, without cstmt_sql */
	struct arena *a; /* one round's rows; reset after each round */
	struct i18n_cat cat[LOCALE__MAX]; /* the mail.* entries (i18n.c) */
	const char *from;		  /* mail.from, borrowed from cfg */
	char *envelope_from;		  /* "<addr>" for MAIL FROM */
	const char *smtp_url; /* borrowed from cfg, like the next two */
	const char *user;     /* NULL: no SMTP authentication */
	const char *password;
	long use_ssl; /* CURLUSESSL_* */
	char *site;   /* site.url without a trailing '/' */
	int64_t max_attempts;
	int64_t poll_seconds;
	unsigned int db_down; /* failed rounds in a row: longer sleeps */
};

/* A rendered message while curl reads it. */
struct upload {
	const char *p;
	size_t len;
	size_t pos;
};

static volatile sig_atomic_t mailer_stop;

/* SIGTERM, SIGINT: finish the message in flight, then leave. */
static void
on_stop(int sig)
{
	mailer_stop = 1;
}

/* Prints the usage line and returns the exit status 2. */
static int
usage(void)
{
	fputs("usage: karika-mailer [-c config] [--once]\n", stderr);
	return 2;
}

/*
 * Finds the subject and body of template in the catalogue of locale: an
 * unknown locale reads Serbian Cyrillic, the official script, and so does
 * a locale whose catalogue lacks the template (both texts always come from
 * one catalogue).  Returns false when neither has both.  The texts are
 * borrowed from m.
 */
static bool
templates(const struct mailer *m, const char *locale, const char *tmpl,
    const char **subject, const char **body)
{
	char ks[MAILER_KEY_MAX_BYTES], kb[MAILER_KEY_MAX_BYTES];
	enum locale l, try[2];
	size_t i;
	int n;

	n = snprintf(ks, sizeof(ks), "mail.%s.subject", tmpl);
	if (n < 0 || (size_t)n >= sizeof(ks))
		return false;
	n = snprintf(kb, sizeof(kb), "mail.%s.body", tmpl);
	if (n < 0 || (size_t)n >= sizeof(kb))
		return false;
	if ((l = locale_from_tag(locale)) == LOCALE__MAX)
		l = LOCALE_SR_CYRL;
	try[0] = l;
	try[1] = LOCALE_SR_CYRL;
	for (i = 0; i < 2; i++)
		if ((*subject = i18n_cat_get(&m->cat[try[i]], ks)) != NULL &&
		    (*body = i18n_cat_get(&m->cat[try[i]], kb)) != NULL)
			return true;
	return false;
}

/*
 * True for an outbox link: empty, or a path on our site ("/account/...",
 * path_local in resp.c, the check every redirect passes) of printable
 * ASCII without blanks, which the worker built from a percent-encoded
 * token.  Anything else would turn the mail into a vehicle for someone
 * else's URL.
 */
static bool
link_ok(const char *link)
{
	const char *s;

	if (*link == '\0')
		return true;
	if (!path_local(link))
		return false;
	for (s = link; *s != '\0'; s++)
		if (*s <= ' ' || *s >= 0x7f)
			return false;
	return true;
}

/* "" for a NULL cell: the outbox's columns are NOT NULL anyway. */
static const char *
cell(const struct db_res *res, size_t row, size_t col)
{
	const char *v = db_str(res, row, col);

	return v != NULL ? v : "";
}

/*
 * Reads the due rows (at most MAILER_BATCH_ROWS, fewer than max_attempts
 * attempts) into *rows (in m->a) and their count into *n; all are read
 * before any is processed.  Returns 0, or -1 (logged by db.c).
 */
static int
mdb_due(struct mailer *m, struct row **rows, size_t *n)
{
	struct db_param p = DBP_I(m->max_attempts);
	struct db_res res;
	size_t i;

	*n = 0;
	if (db_ensure(m->db) == -1 ||
	    db_exec(m->db, m->a, STMT_DUE, &p, 1, &res) != DB_OK)
		return -1;
	*rows = arena_calloc(m->a, res.nrows + 1, sizeof(**rows));
	for (i = 0; i < res.nrows && i < MAILER_BATCH_ROWS; i++) {
		(*rows)[i].id = db_int(&res, i, DUE_ID);
		(*rows)[i].attempts = db_int(&res, i, DUE_ATTEMPTS);
		(*rows)[i].to = cell(&res, i, DUE_TO);
		(*rows)[i].locale = cell(&res, i, DUE_LOCALE);
		(*rows)[i].template = cell(&res, i, DUE_TEMPLATE);
		(*rows)[i].name = cell(&res, i, DUE_NAME);
		(*rows)[i].link = cell(&res, i, DUE_LINK);
	}
	*n = i;
	return 0;
}

/* Marks row id sent and blanks its link.  Returns 0, or -1 (logged). */
static int
mdb_sent(struct mailer *m, int64_t id)
{
	struct db_param p = DBP_I(id);

	return db_exec(m->db, m->a, STMT_SENT, &p, 1, NULL) == DB_OK ? 0 : -1;
}

/*
 * Counts a failed attempt of row id, with err as last_error and the next
 * try wait seconds from now.  Returns 0, or -1 (logged).
 */
static int
mdb_failed(struct mailer *m, int64_t id, int64_t wait, const char *err)
{
	struct db_param p[3];

	p[0] = DBP_I(wait);
	p[1] = DBP_S(err);
	p[2] = DBP_I(id);
	return db_exec(m->db, m->a, STMT_FAILED, p, 3, NULL) == DB_OK ? 0 : -1;
}

/* CURLOPT_READFUNCTION: hands curl the next part of the message. */
static size_t
upload_read(char *buf, size_t size, size_t nmemb, void *arg)
{
	struct upload *u = arg;
	size_t n = size * nmemb, left = u->len - u->pos;

	if (n > left)
		n = left;
	memcpy(buf, u->p + u->pos, n);
	u->pos += n;
	return n;
}

/*
 * Copies the curl error into err (errsize bytes), prefixed with the SMTP
 * reply code when that is an error (the last reply may be an earlier
 * step's 250), controls turned into blanks: it goes into the log and
 * outbox.last_error.  curl's texts name the server and the reply code,
 * never the recipient.
 */
static void
smtp_error(CURL *c, CURLcode cc, const char *ebuf, char *err, size_t errsize)
{
	long code = 0;
	char *s;

	if (curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code) != CURLE_OK)
		code = 0;
	if (code >= 400)
		snprintf(err, errsize, "smtp %ld: %s", code,
		    ebuf[0] != '\0' ? ebuf : curl_easy_strerror(cc));
	else
		snprintf(err, errsize, "smtp: %s",
		    ebuf[0] != '\0' ? ebuf : curl_easy_strerror(cc));
	for (s = err; *s != '\0'; s++)
		if ((unsigned char)*s < ' ' || *s == 0x7f)
			*s = ' ';
}

/*
 * Sends the len bytes of msg to the address to (checked by render) over
 * the round's curl handle c, which keeps the SMTP connection for the next
 * message.  Returns 0, or -1 with the reason in err (errsize bytes).
 */
static int
smtp_send(const struct mailer *m, CURL *c, const char *to, const char *msg,
    size_t len, char *err, size_t errsize)
{
	struct curl_slist *rcpt = NULL;
	struct upload u = {msg, len, 0};
	char ebuf[CURL_ERROR_SIZE], *addr = NULL;
	size_t n;
	CURLcode cc;
	int rc = -1;

	ebuf[0] = '\0';
	n = strlen(to) + 3;
	addr = xmalloc(n);
	snprintf(addr, n, "<%s>", to);
	if ((rcpt = curl_slist_append(NULL, addr)) == NULL) {
		snprintf(err, errsize, "curl: out of memory");
		goto out;
	}
	if ((cc = curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_URL, m->smtp_url)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps")) !=
		CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
		 MAILER_CONNECT_TIMEOUT_SECONDS)) != CURLE_OK ||
	    (cc = curl_easy_setopt(
		 c, CURLOPT_TIMEOUT, MAILER_TIMEOUT_SECONDS)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_USE_SSL, m->use_ssl)) !=
		CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_MAIL_FROM, m->envelope_from)) !=
		CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_READFUNCTION, upload_read)) !=
		CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_READDATA, &u)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_UPLOAD, 1L)) != CURLE_OK ||
	    (cc = curl_easy_setopt(
		 c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len)) != CURLE_OK) {
		snprintf(err, errsize, "curl: %s", curl_easy_strerror(cc));
		goto out;
	}
	if (m->user != NULL &&
	    ((cc = curl_easy_setopt(c, CURLOPT_USERNAME, m->user)) !=
		    CURLE_OK ||
		(cc = curl_easy_setopt(c, CURLOPT_PASSWORD, m->password)) !=
		    CURLE_OK)) {
		snprintf(err, errsize, "curl: %s", curl_easy_strerror(cc));
		goto out;
	}
	if ((cc = curl_easy_perform(c)) != CURLE_OK) {
		smtp_error(c, cc, ebuf, err, errsize);
		goto out;
	}
	rc = 0;
out:
	/* Nothing of this call may outlive it inside the handle. */
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, NULL);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, NULL);
	curl_easy_setopt(c, CURLOPT_READDATA, NULL);
	curl_slist_free_all(rcpt);
	free(addr);
	return rc;
}

/*
 * Renders row r into *out (a new string of *len bytes, which holds the
 * link's token: the caller wipes and frees it).  Returns NULL, or the
 * short reason recorded as last_error when the row cannot be sent: a bad
 * address, name or link, or no template.
 */
static const char *
render(const struct mailer *m, const struct row *r, char **out, size_t *len)
{
	struct mail_param p[3];
	struct mail_msg msg;
	const char *err = NULL, *st, *bt;
	char *link = NULL, *subject = NULL, *body = NULL, *msgid = NULL;
	size_t n;

	*out = NULL;
	*len = 0;
	if (!mail_addr_ok(r->to)) {
		err = "bad address";
		goto out;
	}
	if (!text_clean(r->name, strlen(r->name))) {
		err = "bad name";
		goto out;
	}
	if (!link_ok(r->link)) {
		err = "bad link";
		goto out;
	}
	if (!templates(m, r->locale, r->template, &st, &bt)) {
		err = "no template";
		goto out;
	}
	if (r->link[0] == '\0')
		link = xstrdup("");
	else {
		n = strlen(m->site) + strlen(r->link) + 1;
		link = xmalloc(n);
		snprintf(link, n, "%s%s", m->site, r->link);
	}
	p[0] = (struct mail_param){"name", r->name};
	p[1] = (struct mail_param){"link", link};
	p[2] = (struct mail_param){"site", m->site};
	subject = mail_subst_new(st, p, 3);
	body = mail_subst_new(bt, p, 3);
	if ((msgid = mail_msgid_new(m->from)) == NULL) {
		err = "no message id";
		goto out;
	}
	msg.from = m->from;
	msg.to = r->to;
	msg.subject = subject;
	msg.body = body;
	msg.msgid = msgid;
	msg.date = time(NULL);
	if ((*out = mail_build_new(&msg, len)) == NULL)
		err = "cannot build the message";
out:
	if (body != NULL)
		explicit_bzero(body, strlen(body));
	if (link != NULL)
		explicit_bzero(link, strlen(link));
	free(msgid);
	free(body);
	free(subject);
	free(link);
	return err;
}

/*
 * Renders and sends row r, then records the outcome.  *c is the round's
 * curl handle, made at the first message.  Returns 0 whatever happened to
 * the message, or -1 when the outcome could not be recorded (the database
 * failed; logged): the round stops there.
 */
static int
process(struct mailer *m, CURL **c, const struct row *r)
{
	const char *err;
	char *msg = NULL, ebuf[MAILER_ERROR_MAX_BYTES];
	int64_t wait;
	size_t len = 0;

	if ((err = render(m, r, &msg, &len)) == NULL) {
		if (*c == NULL && (*c = curl_easy_init()) == NULL)
			err = "curl: cannot make a handle";
		else if (smtp_send(
			     m, *c, r->to, msg, len, ebuf, sizeof(ebuf)) == -1)
			err = ebuf;
	}
	if (msg != NULL)
		explicit_bzero(msg, len);
	free(msg);
	if (err == NULL) {
		if (mdb_sent(m, r->id) == -1) {
			LOGE("outbox %lld sent but not marked: it will go "
			     "out again",
			    (long long)r->id);
			return -1;
		}
		log_info("outbox %lld sent", (long long)r->id);
		return 0;
	}
	wait = mail_backoff_seconds(r->attempts);
	if (mdb_failed(m, r->id, wait, err) == -1)
		return -1;
	if (r->attempts + 1 >= m->max_attempts)
		log_info("outbox %lld failed, attempt %lld of %lld, giving "
			 "up: %s",
		    (long long)r->id, (long long)r->attempts + 1,
		    (long long)m->max_attempts, err);
	else
		log_info("outbox %lld failed, attempt %lld of %lld, next in "
			 "%lld s: %s",
		    (long long)r->id, (long long)r->attempts + 1,
		    (long long)m->max_attempts, (long long)wait, err);
	return 0;
}

/*
 * One round: connects if need be, reads the due rows and processes them
 * until done or told to stop, over one curl handle (one SMTP connection).
 * Returns the number of due rows, or -1 when the database failed (logged;
 * the next round reconnects).
 */
static int
mailer_round(struct mailer *m)
{
	CURL *c = NULL;
	struct row *rows = NULL;
	size_t i, n = 0;
	int rc = -1;

	if (mdb_due(m, &rows, &n) == -1)
		goto out;
	for (i = 0; i < n && !mailer_stop; i++)
		if (process(m, &c, &rows[i]) == -1)
			goto out;
	rc = (int)n;
out:
	if (c != NULL)
		curl_easy_cleanup(c);
	arena_reset(m->a);
	return rc;
}

/*
 * Sleeps the given seconds or until SIGTERM or SIGINT.  The signals are
 * blocked between the check of mailer_stop and the sleep, which unblocks
 * them atomically (pselect), so a stop that arrives in between is not
 * slept through.
 */
static void
mailer_sleep(int64_t seconds)
{
	sigset_t stop, old;
	struct timespec ts;

	ts.tv_sec = (time_t)seconds;
	ts.tv_nsec = 0;
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	sigprocmask(SIG_BLOCK, &stop, &old);
	if (!mailer_stop)
		pselect(0, NULL, NULL, NULL, &ts, &old);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/*
 * Reads the configuration at path into m (released with mailer_close),
 * checks every mail.* key and site.url, and loads the four catalogues, so
 * that a mistake stops the program at start rather than failing each
 * message.  Does not connect to the database.  Returns 0, or -1 (logged).
 */
static int
mailer_open(struct mailer *m, const char *path)
{
	const char *tls, *site, *dir, *s;
	char *addr = NULL;
	size_t i, n;
	int rc = -1;

	if (cfg_load(&m->cfg, path) == -1)
		goto out;
	m->db = db_new(&m->cfg, "mailer", mailer_sql, STMT__MAX, false);
	m->a = arena_new();
	if (cfg_int(&m->cfg, "mail.max_attempts", 8, 1, 1000,
		&m->max_attempts) == -1 ||
	    cfg_int(&m->cfg, "mail.poll_seconds", 2, 1, 3600,
		&m->poll_seconds) == -1)
		goto out;
	m->from = cfg_get(&m->cfg, "mail.from", MAILER_FROM_DEFAULT);
	if ((addr = mail_from_addr_new(m->from)) == NULL) {
		LOGE("%s: mail.from must be \"Name <address>\" or an address",
		    path);
		goto out;
	}
	n = strlen(addr) + 3;
	m->envelope_from = xmalloc(n);
	snprintf(m->envelope_from, n, "<%s>", addr);
	m->smtp_url = cfg_get(&m->cfg, "mail.smtp_url", "smtp://127.0.0.1:25");
	if (strncmp(m->smtp_url, "smtp://", 7) != 0 &&
	    strncmp(m->smtp_url, "smtps://", 8) != 0) {
		LOGE("%s: mail.smtp_url must start smtp:// or smtps://", path);
		goto out;
	}
	tls = cfg_get(&m->cfg, "mail.starttls", "try");
	if (strcmp(tls, "none") == 0)
		m->use_ssl = CURLUSESSL_NONE;
	else if (strcmp(tls, "try") == 0)
		m->use_ssl = CURLUSESSL_TRY;
	else if (strcmp(tls, "required") == 0)
		m->use_ssl = CURLUSESSL_ALL;
	else {
		LOGE("%s: mail.starttls must be none, try or required", path);
		goto out;
	}
	m->user = cfg_get(&m->cfg, "mail.user", NULL);
	if (m->user != NULL && *m->user == '\0')
		m->user = NULL;
	m->password = cfg_get(&m->cfg, "mail.password", "");
	/* The links must be absolute: a mail client has no base URL. */
	site = cfg_get(&m->cfg, "site.url", "");
	if (strncmp(site, "http://", 7) != 0 &&
	    strncmp(site, "https://", 8) != 0) {
		LOGE(
		    "%s: site.url must be set, as http(s)://host[:port]", path);
		goto out;
	}
	for (s = site; *s != '\0'; s++)
		if (*s <= ' ' || *s >= 0x7f) {
			LOGE("%s: site.url holds a blank or non-ASCII", path);
			goto out;
		}
	n = strlen(site);
	while (n > 0 && site[n - 1] == '/')
		n--;
	m->site = xmalloc(n + 1);
	memcpy(m->site, site, n);
	m->site[n] = '\0';
	dir = cfg_get(
	    &m->cfg, "mail.catalogue_dir", PKGDATADIR "/site/xslt/i18n");
	for (i = 0; i < LOCALE__MAX; i++)
		if (i18n_cat_load(&m->cat[i], dir, locale_tags[i], "mail.",
			MAILER_CAT_MAX_ENTRIES) == -1)
			goto out;
	rc = 0;
out:
	free(addr);
	return rc;
}

/* Frees everything mailer_open() made; safe after a failed open. */
static void
mailer_close(struct mailer *m)
{
	size_t i;

	db_free(m->db);
	arena_free(m->a);
	for (i = 0; i < LOCALE__MAX; i++)
		i18n_cat_release(&m->cat[i]);
	free(m->envelope_from);
	free(m->site);
	cfg_release(&m->cfg);
}

int
main(int argc, char **argv)
{
	struct mailer m;
	struct priv priv;
	struct sigaction sa;
	const char *cfgpath = NULL;
	bool once = false, curl_up = false;
	int i, n, rc = 1;

	log_init("karika-mailer");
	memset(&m, 0, sizeof(m));
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			cfgpath = argv[++i];
		else if (strcmp(argv[i], "--once") == 0)
			once = true;
		else
			return usage();
	}
	LIBXML_TEST_VERSION;
	if (mailer_open(&m, cfg_default_path(cfgpath)) == -1)
		goto out;
	/* Nothing it does needs root (STYLE 3.14). */
	if (priv_from_cfg(&m.cfg, &priv) == -1 || priv_drop(&priv) == -1)
		goto out;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		LOGE("curl_global_init failed");
		goto out;
	}
	curl_up = true;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN); /* curl runs with NOSIGNAL */
	log_info("started: every %lld s, at most %lld attempts",
	    (long long)m.poll_seconds, (long long)m.max_attempts);
	while (!mailer_stop) {
		n = mailer_round(&m);
		if (once) {
			rc = n == -1 ? 1 : 0;
			goto out;
		}
		/*
		 * A full batch: more are probably due; go on at once.  The
		 * database down: wait longer each time, up to a minute.
		 */
		if (n == -1) {
			if (m.db_down < 16)
				m.db_down++;
			mailer_sleep(m.poll_seconds << m.db_down >
				    MAILER_DB_DOWN_MAX_SECONDS
				? MAILER_DB_DOWN_MAX_SECONDS
				: m.poll_seconds << m.db_down);
		} else {
			m.db_down = 0;
			if (n != MAILER_BATCH_ROWS)
				mailer_sleep(m.poll_seconds);
		}
	}
	log_info("stopped");
	rc = 0;
out:
	if (curl_up)
		curl_global_cleanup();
	mailer_close(&m);
	xmlCleanupParser();
	return rc;
}
