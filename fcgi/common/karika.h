/* SPDX-License-Identifier: ISC */
/*
 * karika.h: the one header every Karika worker and tool includes.
 *
 * It declares libkarika (fcgi/common), grouped by the source file that
 * defines each function, so that "where is this" is a glance.  A request
 * travels: worker.c accepts it, req.c parses the CGI parameters, route.c
 * finds the handler and runs the checks every route shares, the handler
 * queries through db.c and writes its elements through xml.c, and resp.c
 * sends the finished document (or the error page) with one set of headers.
 *
 * Memory: everything derived from a request lives in the request's arena
 * (arena.c) and is freed wholesale after the response; everything that
 * lives as long as the process hangs off struct worker.  Out of memory
 * aborts (xmalloc and friends): the supervisor restarts the process.
 */
#ifndef KARIKA_H
#define KARIKA_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <sys/types.h>

/* Limits.  Each untrusted quantity has a ceiling, collected here. */
#define REQ_BODY_MAX_BYTES    (256 * 1024) /* forms; nginx caps at 1 MiB */
#define REQ_QUERY_MAX_BYTES   4096 /* nginx's header buffers are 8 KiB */
#define REQ_PATH_MAX_BYTES    1024
#define FORM_MAX_FIELDS	      2048 /* a provider's monthly grid (delivery.c) */
#define FORM_KEY_MAX_BYTES    64
#define COOKIE_MAX_COUNT      32
#define PATH_MAX_IDS	      4 /* numeric segments in one route pattern */
#define ARENA_BLOCK_BYTES     (16 * 1024)
#define DB_PARAM_MAX	      48
#define DB_CELL_MAX_BYTES     (1024 * 1024)
#define CFG_LINE_MAX_BYTES    1024
#define CFG_MAX_ENTRIES	      64
#define LOCALE_COOKIE_SECONDS (365 * 24 * 3600)
#define WORKER_MAX_PROCS      64
#define WORKER_BACKLOG	      1024 /* FastCGI connections waiting */
#define RESP_MAX_COOKIES      4
#define SESS_TOKEN_BYTES      32	  /* 256 bits from getrandom() */
#define SESS_IDLE_SECONDS     (30 * 60)	  /* ends after 30 idle minutes */
#define SESS_TTL_SECONDS      (12 * 3600) /* and after 12 hours in any case */
#define CSRF_TOKEN_BYTES      32
#define PW_MIN_CHARS	      10
#define PW_MAX_BYTES	      256 /* yescrypt reads all of it: a ceiling */

/*
 * The form token of a page nginx may keep for every anonymous visitor
 * (struct req's shared): nginx writes each visitor's own token over it,
 * with the cookie to match (karika.conf).  Never a valid token itself.
 */
#define CSRF_SHARED "csrf-by-nginx"

struct arena;
struct worker;
struct req;
struct xml;

/* --- util.c: allocation that never returns NULL (abort on OOM) --- */

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
char *xstrdup(const char *);

/* --- buf.c: the growable string, with a ceiling on its length --- */

#define BUF_NO_MAX SIZE_MAX /* text bounded by construction, not by a peer */

/* Caller-owned: buf_init, then buf_take (caller frees) or buf_release. */
struct buf {
	char *p;    /* NUL-terminated content; NULL until something is added */
	size_t len; /* bytes of content, without the NUL */
	size_t cap; /* bytes allocated */
	size_t max; /* ceiling on len */
	bool full;  /* an add was refused: the ceiling would have passed */
};

void buf_init(struct buf *, size_t);
void buf_grow(struct buf *, size_t);
int buf_add(struct buf *, const void *, size_t);
int buf_adds(struct buf *, const char *);
int buf_addc(struct buf *, char);
int buf_printf(struct buf *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
char *buf_take(struct buf *);
void buf_release(struct buf *);

/* --- arena.c: per-request memory --- */

struct arena *arena_new(void);
void arena_free(struct arena *);
void arena_reset(struct arena *);
void *arena_alloc(struct arena *, size_t);
void *arena_calloc(struct arena *, size_t, size_t);
char *arena_strdup(struct arena *, const char *);
char *arena_strndup(struct arena *, const char *, size_t);
char *arena_printf(struct arena *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

/* --- str.c: bounded string and number helpers --- */

int str_to_int64(const char *, int64_t, int64_t, int64_t *);
int str_to_octal(const char *, int64_t, int64_t *);
size_t utf8_decode(const char *, size_t, uint32_t *);
size_t utf8_encode(uint32_t, char[4]);
bool utf8_valid(const char *, size_t);
size_t utf8_chars(const char *, size_t);
const char *utf8_cut(struct arena *, const char *, size_t);
bool text_clean(const char *, size_t);
int pct_decode(char *, size_t *);
bool str_eq_ci(const char *, const char *);
char *str_pct_encode(struct arena *, const char *);
void hex_encode(const void *, size_t, char *);

/* --- seal.c: a text sealed for a cookie (AES-256-GCM, base64url) --- */

#define SEAL_KEY_BYTES 32

size_t seal_len(const char *, size_t);
const char *seal_text(struct arena *, const unsigned char[SEAL_KEY_BYTES],
    const char *, const char *, size_t);
char *seal_open(struct arena *, const unsigned char[SEAL_KEY_BYTES],
    const char *, const char *);

/* --- log.c: one line per event to stderr, never personal data --- */

void log_init(const char *);
void log_err(const char *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
void log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
#define LOGE(...) log_err(__func__, __VA_ARGS__)

/* --- cfg.c: the one config file --- */

struct cfg {
	const char *path;
	size_t n;
	char *key[CFG_MAX_ENTRIES];
	char *val[CFG_MAX_ENTRIES];
};

int cfg_load(struct cfg *, const char *);
void cfg_release(struct cfg *);
const char *cfg_get(const struct cfg *, const char *, const char *);
int cfg_int(
    const struct cfg *, const char *, int64_t, int64_t, int64_t, int64_t *);
const char *cfg_default_path(const char *);

/* --- i18n.c: locales and their negotiation --- */

enum locale {
	LOCALE_SR_CYRL, /* Serbian, Cyrillic: the official script */
	LOCALE_SR_LATN, /* Serbian, Latin */
	LOCALE_BS,	/* Bosnian */
	LOCALE_EN,	/* English */
	LOCALE__MAX
};

extern const char *const locale_tags[LOCALE__MAX];

enum locale locale_from_tag(const char *);
enum locale locale_negotiate(
    const char *, const char *, const char *, enum locale);

/*
 * A message catalogue as a program reads it (xslt/i18n/<tag>.xml, the
 * one the pages use): the entries whose key starts with a prefix, sorted
 * for lookup.  The mailer's mail.* texts; a worker's words in a file it
 * writes itself (a CSV), through i18n_text().
 */
struct i18n_entry {
	char *key;
	char *text;
	size_t pos; /* the order in the file: the first of a key wins */
};

struct i18n_cat {
	struct i18n_entry *e;
	size_t n;
};

int i18n_cat_load(
    struct i18n_cat *, const char *, const char *, const char *, size_t);
void i18n_cat_release(struct i18n_cat *);
const char *i18n_cat_get(const struct i18n_cat *, const char *);
const char *i18n_text(const struct cfg *, enum locale, const char *);
char *i18n_fill(struct arena *, const char *, const char *);

/* --- translit.c: Serbian Latin <-> Cyrillic and the name search key --- */

char *translit_to_cyrl(const char *);
char *translit_to_latn(const char *);
char *translit_search_key(const char *);
const char *translit_key(struct arena *, const char *, size_t);

/* --- db.c: MariaDB, prepared statements only --- */

enum db_rc {
	DB_OK,		/* executed; for a SELECT, rows may be zero */
	DB_DUPLICATE,	/* unique or foreign-key constraint refused it */
	DB_UNAVAILABLE, /* no connection to the server: answer 503 */
	DB_ERROR	/* anything else, logged where it happened */
};

enum db_ptype {
	DBP_INT,  /* int64_t in .i */
	DBP_TEXT, /* UTF-8 in .s, length .len (or strlen if .len is 0) */
	DBP_NULL, /* SQL NULL */
	DBP_BLOB  /* bytes in .s, length .len: hashes */
};

struct db_param {
	enum db_ptype type;
	int64_t i;
	const char *s;
	size_t len;
};

#define DBP_I(v) ((struct db_param){.type = DBP_INT, .i = (v)})
#define DBP_S(v) ((struct db_param){.type = DBP_TEXT, .s = (v)})
#define DBP_B(p, n)                                                            \
	((struct db_param){                                                    \
	    .type = DBP_BLOB, .s = (const char *)(p), .len = (n)})
#define DBP_NUL ((struct db_param){.type = DBP_NULL})
/* A text, or SQL NULL for a NULL pointer or an empty string. */
#define DBP_SN(v) ((v) != NULL && *(v) != '\0' ? DBP_S(v) : DBP_NUL)
/* The request's locale for ELT(?, name_sr_cyrl, name_sr_latn, name_bs,
 * name_en): 1 to 4 in enum locale's order. */
#define DBP_LOCALE(r) DBP_I((int64_t)(r)->locale + 1)

/*
 * A result: every cell copied into the request arena as a NUL-terminated
 * string, NULL for SQL NULL, and each column's name (the SELECT's alias).
 * Read it with db_str() and db_int(), by column index or by name.  The
 * names are the XML contract of xml_rows(): write aliases as the page's
 * attribute names ("price-para"), quoted with backticks where needed.
 */
struct db_res {
	size_t nrows;
	size_t ncols;
	char **cell;	  /* nrows * ncols, row-major */
	const char **col; /* ncols column names */
	bool *time;	  /* ncols: a DATETIME or TIMESTAMP column (UTC) */
	uint64_t affected;
	uint64_t insert_id;
};

struct db;

struct db *db_new(
    const struct cfg *, const char *, const char *const *, size_t, bool);
void db_free(struct db *);
int db_ensure(struct db *);
bool db_up(const struct db *);
enum db_rc db_exec(struct db *, struct arena *, size_t, const struct db_param *,
    size_t, struct db_res *);
enum db_rc db_run(
    struct req *, size_t, const struct db_param *, size_t, struct db_res *);
enum db_rc db_ping(struct db *, struct arena *);
enum db_rc db_begin(struct db *);
enum db_rc db_commit(struct db *);
void db_rollback(struct db *);
bool db_in_txn(const struct db *);
enum http_status db_status(enum db_rc);
enum http_status db_undo(struct req *, enum db_rc);
size_t db_col(const struct db_res *, const char *);
const char *db_str_at(const struct db_res *, size_t, size_t);
const char *db_str_named(const struct db_res *, size_t, const char *);
int64_t db_int_at(const struct db_res *, size_t, size_t);
int64_t db_int_named(const struct db_res *, size_t, const char *);

/*
 * db_str(res, row, col) and db_int(res, row, col): col is a column index
 * or the column's name ("id", "price-para").  An unknown name is a bug in
 * the caller and aborts (in tests, not in silence).
 */
#define db_str(res, row, col)                                                  \
	_Generic((col), char *: db_str_named, const char *: db_str_named,      \
	    default: db_str_at)(res, row, col)
#define db_int(res, row, col)                                                  \
	_Generic((col), char *: db_int_named, const char *: db_int_named,      \
	    default: db_int_at)(res, row, col)

/*
 * DBQ(r, STMT_X, &res, DBP_I(id), DBP_S(name)): runs a statement of the
 * request's worker with the parameters listed (at least one; db_run(r,
 * STMT_X, NULL, 0, &res) for none); res may be NULL for a write.
 */
#define DBQ(r, idx, res, ...)                                                  \
	db_run((r), (idx), (const struct db_param[]){__VA_ARGS__},             \
	    sizeof((const struct db_param[]){__VA_ARGS__}) /                   \
		sizeof(struct db_param),                                       \
	    (res))

/* --- sess.c: who is asking --- */

enum role {
	ROLE_CITIZEN,  /* a resident, often a parent or guardian */
	ROLE_PROVIDER, /* staff of one licensed provider organisation */
	ROLE_CSW,      /* case worker of the Center for Social Work */
	ROLE_ANALYST,  /* the city's social-affairs department */
	ROLE_EDITOR,   /* survey editor or researcher */
	ROLE_ADMIN,    /* municipal IT: accounts, catalogue, settings */
	ROLE_PARTNER,  /* staff of a partner organisation of the protocol:
			  only the referrals it received (issue 15) */
	ROLE__MAX
};

extern const char *const role_names[ROLE__MAX];

/* Route permissions: a bit per role, plus one for anonymous callers. */
#define PERM_ROLE(r) (1u << (r))
#define PERM_ANON    (1u << ROLE__MAX)
#define PERM_STAFF                                                             \
	(PERM_ROLE(ROLE_PROVIDER) | PERM_ROLE(ROLE_CSW) |                      \
	    PERM_ROLE(ROLE_ANALYST) | PERM_ROLE(ROLE_EDITOR) |                 \
	    PERM_ROLE(ROLE_ADMIN) | PERM_ROLE(ROLE_PARTNER))
#define PERM_USER (PERM_ROLE(ROLE_CITIZEN) | PERM_STAFF)
#define PERM_ANY  (PERM_USER | PERM_ANON)

/* The signed-in account of a request (r->sess), loaded by sess_load(). */
struct sess {
	int64_t id; /* session row */
	int64_t account;
	const char *name;
	const char *email;
	const char *locale;
	unsigned perms;	      /* PERM_ROLE bits of the roles held */
	int64_t municipality; /* scope of staff roles (0: none) */
	int64_t organisation; /* scope of the provider and partner roles
				 (0: none) */
	const char *created;
	/*
	 * Access that follows qualification (issue 16): set only when the
	 * account is a professional whose position works on cases and
	 * whose licence or a required certificate has lapsed
	 * (session_load, migration 0014).  qual_gate() (auth.c) refuses
	 * the case-work routes with this reason.
	 */
	const char *qual_lapsed; /* the last valid day, YYYY-MM-DD, or NULL */
	const char *qual_what;	 /* "licence" or "course" */
	int64_t qual_course;	 /* the course to take again (0: none) */
	const char *qual_title[LOCALE__MAX]; /* its title per locale */
};

/*
 * --- docs.c: uploaded documents: what a file is (by its first bytes),
 * a multipart body received in constant memory, files kept under their
 * SHA-256 in documents.dir and served by nginx (X-Accel-Redirect) ---
 */
#define DOCS_CHUNK_BYTES     (64 * 1024) /* all the memory a body takes */
#define DOCS_FILE_MAX_BYTES  (10 * 1024 * 1024) /* a scan of a few pages */
#define DOCS_MAX_FILES	     12			/* files in one request */
#define DOCS_MAX_FIELDS	     128 /* plain fields in one request */
#define DOCS_BODY_MAX_BYTES  (DOCS_MAX_FILES * DOCS_FILE_MAX_BYTES + 65536)
#define DOCS_HEAD_BYTES	     16	  /* what doc_sniff() looks at */
#define DOCS_TMP_MAX_SECONDS 3600 /* a temporary file older is a leftover */
#define DOCS_ACCEL_PREFIX    "/_karika_docs/" /* nginx's internal location */

enum doc_type { DOC_UNKNOWN, DOC_PDF, DOC_JPEG, DOC_PNG, DOC_TYPE__MAX };

extern const char *const doc_type_mime[DOC_TYPE__MAX];

/*
 * --- upload.c: multipart/form-data, a form with files (RFC 7578) ---
 *
 * req.c parses a POST body of that type: its fields join r->form, its
 * files are r->files.  Contents point into the body (bytes, not
 * NUL-terminated); names, filenames and types are clean copies.
 */

#define REQ_UPLOAD_MAX_BYTES                                                   \
	(2 * 1024 * 1024 + 64 * 1024) /* a 2 MiB caseload and its form */
#define UPLOAD_MAX_PARTS	  16
#define UPLOAD_PART_MAX_BYTES	  (2 * 1024 * 1024)
#define UPLOAD_HEADER_MAX_BYTES	  1024 /* one part's header lines */
#define UPLOAD_BOUNDARY_MAX_BYTES 70   /* RFC 2046 */
#define UPLOAD_FILENAME_MAX_BYTES 255
#define UPLOAD_TYPE_MAX_BYTES	  127

enum upload_error {
	UPLOAD_OK,
	UPLOAD_BOUNDARY,	 /* the Content-Type names no usable boundary */
	UPLOAD_FRAMING,		 /* no boundary where one must be, no close */
	UPLOAD_HEADER,		 /* a part's header lines are malformed */
	UPLOAD_HEADER_TOO_LARGE, /* a part's header over its limit */
	UPLOAD_NAME,		 /* a field name or filename that is unclean */
	UPLOAD_TOO_MANY_PARTS,
	UPLOAD_PART_TOO_LARGE,
	UPLOAD__MAX
};

struct upload_limits {
	size_t max_parts;
	size_t max_part_bytes;
	size_t max_header_bytes;
};

struct upload_part {
	const char *name;     /* the form field's name */
	const char *filename; /* without folders; NULL for a plain field */
	const char *type;     /* the part's Content-Type, as sent */
	const char *data;     /* its bytes, in the body: not NUL-terminated */
	size_t len;
	/* A file received by docs.c: data is NULL, len its size. */
	const char *tmp;		     /* its temporary file, or NULL */
	char sha256[65];		     /* its SHA-256 in hex */
	unsigned char head[DOCS_HEAD_BYTES]; /* its first bytes */
	size_t nhead;
	enum doc_type type_sniffed;
	bool too_large; /* over DOCS_FILE_MAX_BYTES: not kept */
};

struct upload_parts {
	size_t n;
	struct upload_part *part;
};

int upload_boundary(const char *, char[UPLOAD_BOUNDARY_MAX_BYTES + 1]);
enum upload_error upload_parse(struct arena *, const char *, const char *,
    size_t, const struct upload_limits *, struct upload_parts *);
const struct upload_part *upload_find(
    const struct upload_parts *, const char *);
const char *upload_error_key(enum upload_error);

/* docs.c, continued: the parts that need struct upload_part. */
typedef ssize_t (*docs_read_fn)(void *, char *, size_t);

struct docs_limits {
	size_t max_parts; /* plain fields */
	size_t max_files;
	size_t max_file_bytes;
	size_t max_field_bytes; /* the fields together */
};

enum doc_type doc_sniff(const void *, size_t);
enum upload_error docs_parse(struct arena *, const char *, docs_read_fn, void *,
    const char *, const struct docs_limits *, struct upload_parts *,
    struct upload_parts *);

/* --- req.c: the request as the worker sees it --- */

enum http_method {
	METHOD_GET,
	METHOD_HEAD,
	METHOD_POST,
	METHOD_OTHER,
	METHOD__MAX
};

enum http_status {
	HTTP_OK = 200,
	HTTP_SEE_OTHER = 303,
	HTTP_BAD_REQUEST = 400,
	HTTP_FORBIDDEN = 403,
	HTTP_NOT_FOUND = 404,
	HTTP_METHOD_NOT_ALLOWED = 405,
	HTTP_CONFLICT = 409,
	HTTP_TOO_LARGE = 413,
	HTTP_UNPROCESSABLE = 422,
	HTTP_TOO_MANY = 429,
	HTTP_INTERNAL = 500,
	HTTP_UNAVAILABLE = 503
};

struct kv {
	char *key;
	char *val;
	size_t len;
};

struct kvlist {
	size_t n;
	struct kv *v;
};

struct req {
	struct arena *arena;
	struct worker *w;
	void *fcgx; /* FCGX_Request *, opaque outside worker.c and resp.c */
	enum http_method method;
	const char *method_name;
	const char *path;	/* decoded, validated UTF-8, no query */
	const char *query_keep; /* raw query less lang=: the language links */
	const char *rid;	/* request id from nginx, or generated */
	bool https;
	struct kvlist query;	   /* decoded query string */
	struct kvlist form;	   /* decoded url-encoded body */
	struct upload_parts files; /* a multipart body's files (upload.c) */
	struct kvlist cookies;
	enum locale locale;
	bool set_locale_cookie;
	int64_t ids[PATH_MAX_IDS]; /* numeric path segments, in order */
	size_t nids;
	const char *municipality; /* code: fastcgi param or config */
	const char *redirect;	  /* for 303 */
	const char *allow;	  /* the Allow header of a 405 */
	const char *route;	  /* the route's name, for the log */
	bool render;		  /* send the handler's page despite an error */
	enum http_status status;  /* what was sent, for the log */
	struct timespec start;
	const char *client; /* REMOTE_ADDR: only ever hashed, never stored */
	const char *user_agent; /* ua_summary(): "firefox android" */
	struct sess *sess;	/* NULL when anonymous */
	int64_t audit_account;	/* who an anonymous action concerns (login) */
	const char *csrf;	/* the token forms of this page carry */
	bool shared; /* the page cache may keep this answer (KARIKA_SHARED) */
	bool csrf_failed; /* a form's POST without its token: re-shown, 403 */
	const char *setcookie[RESP_MAX_COOKIES]; /* whole Set-Cookie values */
	size_t nsetcookie;
};

enum http_status req_parse(struct req *, const char *const *);
enum http_status kv_parse_urlencoded(
    struct arena *, const char *, size_t, struct kvlist *);
enum http_status kv_parse_cookies(
    struct arena *, const char *, struct kvlist *);
const char *kv_get(const struct kvlist *, const char *);
const char *req_env(const char *const *, const char *);

/* A User-Agent header reduced to what the session list shows (ua_parse). */
enum ua_browser {
	UA_FIREFOX,
	UA_CHROME,
	UA_EDGE,
	UA_SAFARI,
	UA_OPERA,
	UA_SAMSUNG,
	UA_BROWSER_OTHER,
	UA_BROWSER__MAX
};

enum ua_os {
	UA_ANDROID,
	UA_IOS,
	UA_WINDOWS,
	UA_MACOS,
	UA_LINUX,
	UA_OS_OTHER,
	UA_OS__MAX
};

void ua_parse(const char *, enum ua_browser *, enum ua_os *);
const char *ua_summary(struct arena *, const char *);

/* --- xml.c: the document, written with libxml2, escaped by libxml2 --- */

struct xml *xml_new(void);
void xml_free(struct xml *);
int xml_start(struct xml *, const char *);
int xml_end(struct xml *);
int xml_attr(struct xml *, const char *, const char *);
int xml_attr_int(struct xml *, const char *, int64_t);
int xml_text(struct xml *, const char *);
int xml_elem_text(struct xml *, const char *, const char *);
int xml_open_page(struct xml *, const struct req *);
int xml_close_page(struct xml *);
int xml_finish(struct xml *, const char **, size_t *);
#define XML_TIME_BYTES 32 /* "2026-11-29T13:23:00+01:00" and its NUL */
int xml_local_time(const char *, char[XML_TIME_BYTES]);
int xml_attr_time(struct xml *, const char *, const char *);
int xml_row_attrs(struct xml *, const struct db_res *, size_t);
int xml_rows(struct xml *, const char *, const struct db_res *);

/* --- resp.c: status line, headers, body --- */

void resp_send_xml(struct req *, enum http_status, const char *, size_t);
void resp_send_text(struct req *, enum http_status, const char *);
void resp_redirect(struct req *, const char *);
void resp_error(struct req *, enum http_status, const char *);
bool path_local(const char *);
void resp_cookie(struct req *, const char *, const char *, int64_t);
void resp_cookie_at(
    struct req *, const char *, const char *, const char *, int64_t);
void resp_stream_open(struct req *, const char *, const char *);
int resp_stream_write(void *, const char *, size_t);
const char *http_reason(enum http_status);

/* docs.c, in a worker: receiving, keeping and serving documents. */
extern const char *docs_prefix; /* set once by WORKER_MAIN_DOCS, or NULL */
enum http_status docs_receive(struct req *, const char *, int64_t);
int docs_stage(struct req *, struct upload_part *);
int docs_keep(struct req *, struct upload_part *);
void docs_discard(struct req *);
void docs_sweep(const char *, int64_t);
const char *docs_park(struct req *, const char *);
void docs_unpark(struct req *, const char *, const char *, bool);
enum db_rc docs_drop(struct req *, size_t, const char *, const char **);
enum db_rc docs_commit(struct req *, const char *, const char *);
/* docs.c, outside a worker (karika-retention): documents.dir given. */
const char *docs_park_in(
    struct arena *, const char *, const char *, const char *);
void docs_unpark_in(struct arena *, const char *, const char *, const char *,
    const char *, bool);
enum http_status docs_send(
    struct req *, const char *, const char *, const char *);

/* --- route.c: the route table and the dispatch every request takes --- */

typedef enum http_status (*handler_fn)(struct req *, struct xml *);

enum route_flags {
	ROUTE_NO_PAGE = 1 << 0, /* handler answers itself (health, files) */
	ROUTE_FORM = 1 << 2,	/* GET: the page shows a form, give it a
				   token; POST: the handler validates a form
				   first and re-shows it when the CSRF token
				   was refused (status 403) */
	ROUTE_STREAM = 1 << 3,	/* after the session, permission and CSRF
				   checks, the handler answers itself with
				   resp_stream_open() (x is NULL): a
				   download; an outcome other than 200
				   before it opened is the error page */

	/* The path matches in any case too (a code a person types: "*" in
	 * capitals); the handler reads r->path as sent and answers with its
	 * one spelling. */
	ROUTE_ANY_CASE = 1 << 4,
};

struct route {
	enum http_method method; /* GET also answers HEAD */
	const char *pattern;	 /* "/registry/services", "%" = an id */
	handler_fn fn;
	const char *name; /* for logs and the route list */
	unsigned perms;	  /* PERM_* bits: who may call it */
	unsigned flags;
};

void route_dispatch(struct req *, const struct route *, size_t);
void route_list(const char *, const struct route *, size_t);
enum http_status route_health(struct req *, struct xml *);

/* --- worker.c: the process: sockets, children, the accept loop --- */

struct worker_def {
	const char *name; /* "surveys": logs, config section, DB user */
	const struct route *routes;
	size_t nroutes;
	const char *const *stmts;
	size_t nstmts;
};

struct worker {
	const struct worker_def *def;
	struct cfg cfg;
	struct db *db;
	const char *municipality; /* installation default (config) */
	enum locale default_locale;
};

int worker_main(int, char **, const struct worker_def *);

/*
 * A worker's main.c ends with WORKER_MAIN("name", routes): its definition
 * (the route table, the statement table of its stmt.c) and main().
 */
#define WORKER_MAIN(name, routes)                                              \
	static const struct worker_def worker_def = {name, routes,             \
	    sizeof(routes) / sizeof(routes[0]), stmt_sql, STMT__MAX};          \
	int main(int argc, char **argv)                                        \
	{                                                                      \
		return worker_main(argc, argv, &worker_def);                   \
	}

/*
 * WORKER_MAIN for a worker whose routes under prefix take documents:
 * multipart bodies posted there are received by docs.c in constant
 * memory (docs_prefix), files straight to disk.
 */
#define WORKER_MAIN_DOCS(name, routes, prefix)                                 \
	static const struct worker_def worker_def = {name, routes,             \
	    sizeof(routes) / sizeof(routes[0]), stmt_sql, STMT__MAX};          \
	int main(int argc, char **argv)                                        \
	{                                                                      \
		docs_prefix = prefix;                                          \
		return worker_main(argc, argv, &worker_def);                   \
	}

/*
 * --- priv.c: the user a program runs as (STYLE 3.14): the config's
 * "user" and "group"; root without a user is refused ---
 */
#include <sys/types.h>

#define PRIV_NAME_MAX 64

struct priv {
	uid_t uid;
	gid_t gid;
	bool drop;	      /* started as root: become uid/gid */
	bool root_on_purpose; /* "user = root": allowed, and logged so */
	char user[PRIV_NAME_MAX];
	char group[PRIV_NAME_MAX]; /* "" when the config names none */
};

int priv_plan(uid_t, const char *, const char *, struct priv *, char *, size_t);
int priv_drop(const struct priv *);
int priv_from_cfg(const struct cfg *, struct priv *);

/*
 * --- metrics.c: each worker's counters, in a file next to its socket
 * (registry.sock -> registry.metrics), summed by /registry/metrics ---
 */
#define METRICS_BUCKETS 9 /* latency bounds; +Inf follows */

extern const double metrics_bucket_ms[METRICS_BUCKETS];

struct metrics_sum {
	uint64_t requests;
	uint64_t class[5]; /* answers by status: 1xx .. 5xx */
	uint64_t bucket[METRICS_BUCKETS + 1]; /* per bucket, not cumulative */
	uint64_t sum_us;		      /* latencies, microseconds */
	uint32_t procs;			      /* slots: processes */
};

int metrics_path(const char *, char *, size_t);
int metrics_open(const char *, size_t);
void metrics_use_slot(size_t);
void metrics_count(int, double);
void metrics_close(void);
int metrics_read(const char *, struct metrics_sum *);

/* --- mig.c: migration names, order and checksums (karika-migrate) --- */

#define MIG_CHECKSUM_LEN 64 /* SHA-256 in hex */

enum mig_action {
	MIG_APPLY,  /* never applied: apply it */
	MIG_SKIP,   /* applied with this very content */
	MIG_CHANGED /* applied, and the file changed since: refuse */
};

bool mig_name(const char *, int64_t *);
int mig_checksum(const void *, size_t, char[MIG_CHECKSUM_LEN + 1]);
enum mig_action mig_decide(const char *, const char *);
ssize_t mig_statement_start(const char *, size_t, size_t, size_t *);

/* --- muni.c: the municipality a request is for --- */

struct muni {
	int64_t id;
	const char *code;
	const char *name; /* in the request's locale */
	const char *country;
	const char *currency;
	int64_t k; /* small-cell threshold for published figures */
};

enum http_status muni_load(struct req *, struct muni *);
int muni_write(struct xml *, const struct muni *);

/* --- sess.c, cstmt.c: sessions, CSRF, audit; the shared statements --- */

/* Statements every worker prepares after its own (db.c), by DB_COMMON(). */
enum cstmt {
	CSTMT_SESSION,	    /* session, account, roles; marks it seen */
	CSTMT_AUDIT,	    /* append one audit row */
	CSTMT_OUTBOX,	    /* queue one e-mail */
	CSTMT_MUNICIPALITY, /* the request's municipality by code (muni.c) */
	CSTMT__MAX
};

extern const char *const cstmt_sql[CSTMT__MAX];

#define DB_COMMON_BASE 10000
#define DB_COMMON(i)   (DB_COMMON_BASE + (size_t)(i))

int sess_load(struct req *);
void sess_roles(struct req *, const struct db_res *);
char *token_new(struct arena *, size_t);
void token_hash(const char *, unsigned char[32]);
bool csrf_check(struct req *);
void csrf_prepare(struct req *);
bool str_eq_ct(const char *, const char *);
enum db_rc audit(
    struct req *, const char *, const char *, int64_t, const char *);

/* --- auth.c: may this caller open this record? --- */

/* What a record's scope statement takes after the record's id. */
enum scope_param {
	SCOPE_END,	    /* (ends the list) */
	SCOPE_MUNICIPALITY, /* the caller's municipality (0: none) */
	SCOPE_ORGANISATION, /* the caller's organisation (0: none) */
	SCOPE_ACCOUNT,	    /* the caller's account: explicit grants */
	SCOPE_ROLE_CSW,	    /* 1 when the caller is a CSW worker */
	SCOPE_ROLE_ADMIN,   /* 1 when the caller is an administrator */
};

#define SCOPE_MAX_PARAMS 7

/*
 * A kind of record that only some callers may open: its audit name, the
 * roles that may open any record of the kind at all, and the statement
 * of the worker's table that returns the record only when this caller
 * may see it: WHERE id = ? AND <scope>, the scope's parameters in the
 * order params lists them.  The statement is the whole rule (by
 * municipality, by organisation, by an explicit grant, by role).
 */
struct record_kind {
	const char *type; /* "account", "person": the audit's object type */
	unsigned perms;	  /* PERM_ROLE bits allowed to ask at all */
	size_t stmt;
	enum scope_param params[SCOPE_MAX_PARAMS];
};

enum http_status record_open(struct req *, const struct record_kind *, int64_t,
    const char *, struct db_res *);
enum http_status record_check(struct req *, const struct record_kind *, int64_t,
    const char *, struct db_res *);

/* Issue 16: the case-work routes refused to a worker whose licence or
 * required certificate lapsed, with the reason (403). */
#define PERM_CASEWORK (PERM_ROLE(ROLE_CSW) | PERM_ROLE(ROLE_PROVIDER))
enum http_status qual_gate(struct req *, unsigned);

/* --- pw.c: passwords (yescrypt through libcrypt) --- */

enum pw_problem {
	PW_OK,
	PW_TOO_SHORT, /* fewer than PW_MIN_CHARS characters */
	PW_TOO_LONG,  /* more than PW_MAX_BYTES bytes */
	PW_COMMON,    /* on the list of common passwords, or like the e-mail */
};

enum pw_problem pw_check(const char *, const char *, const char *);
char *pw_hash(struct arena *, const char *);
bool pw_verify(const char *, const char *);

/* --- valid.c: form fields, validated at the edge --- */

enum valid_kind {
	VALID_TEXT,	 /* bounded, trimmed UTF-8 text */
	VALID_EMAIL,	 /* an e-mail address, lower-cased */
	VALID_PASSWORD,	 /* taken as typed, never trimmed, never echoed */
	VALID_INT,	 /* a number in [min, max] */
	VALID_CHECKBOX,	 /* present (any value) or absent */
	VALID_TOKEN,	 /* 64 hex digits: links' and forms' tokens */
	VALID_CHOICE,	 /* one of field.choices; num = its index */
	VALID_ID,	 /* a record id, offered as a choice by the page */
	VALID_DATE,	 /* a calendar date; num = YYYYMMDD in [min, max] */
	VALID_LOCALPATH, /* a path on this site (path_local), carried hidden */
	VALID_MONEY,	 /* "1.800,50" or "1800": num = para in [min, max] */
};

/* One row of a form's field table (kcgi's fieldmap). */
struct field {
	const char *name; /* the form's field name, also its id in the page */
	enum valid_kind kind;
	bool required;
	int64_t min, max;	    /* characters for text, value for numbers,
				       YYYYMMDD for dates (0: no bound) */
	const char *label;	    /* message key of the label */
	const char *autocomplete;   /* HTML autocomplete token, or NULL */
	const char *const *choices; /* VALID_CHOICE: NULL-terminated values */
	const char *choice_keys;    /* VALID_CHOICE: their labels' key prefix,
				       e.g. "role." (the value when NULL) */
};

/*
 * What a form became: typed values, per-field error keys, and one error
 * of the whole form (a refused CSRF token: "send it again").
 */
struct form {
	size_t n;
	const char **text; /* validated text (a date as YYYY-MM-DD), or the
			      input as typed on error */
	int64_t *num;
	bool *present;
	const char **error;  /* message-catalogue key, or NULL */
	const char **param;  /* the message's {n}, or NULL */
	const char *problem; /* the form's own error key, or NULL */
	size_t nerrors;
};

void form_validate(struct req *, const struct field *, size_t, struct form *);
void form_empty(struct req *, size_t, struct form *);
void form_error(struct form *, size_t, const char *);
void form_error_n(struct form *, size_t, const char *, const char *);
int form_write(struct xml *, const char *, const char *, const char *,
    const struct field *, const struct form *);
bool date_parse(const char *, char[11], int64_t *);
bool money_parse(const char *, int64_t *);
char *money_format(struct arena *, int64_t, char);

/* --- page.c: pages with a form, and the notice after a write --- */

/*
 * A page with one form, declared once: the element its stylesheet
 * template matches (<elem page="…">), the form's field table, action and
 * submit key, and the handler's parts.  form_get() serves the GET,
 * form_post() the POST; see docs/mechanisms.md, "Adding a page with a
 * form".
 */
struct form_page {
	const char *elem;   /* content element, e.g. "account" */
	const char *page;   /* its page="…" attribute, or NULL */
	const char *method; /* "post", or "get" for a search */
	const char *action; /* where the form goes: a local path */
	const char *submit; /* message key of the button */
	const struct field *fields;
	size_t nfields;
	/* GET: fills the form's values (a record's, the query's); NULL for
	 * an empty form.  Returns HTTP_OK or the page's outcome (404). */
	enum http_status (*load)(struct req *, struct form *);
	/* Writes the page's other elements (a record, choices, a list)
	 * inside <elem>, before the form; NULL for none.  0 or -1. */
	int (*extra)(struct req *, struct xml *, const struct form *);
	/* POST: checks the field table cannot express, run after it even
	 * when a field is wrong (to say everything at once): form_error();
	 * NULL for none.  HTTP_OK, or a failure (503). */
	enum http_status (*check)(struct req *, struct form *);
	/* POST without errors: the write, ending with form_done() (303);
	 * or form_error() and a 4xx outcome, which re-shows the form with
	 * that status (422, 409, 429); or any other outcome. */
	enum http_status (*save)(struct req *, struct form *);
};

enum http_status form_get(struct req *, struct xml *, const struct form_page *);
enum http_status form_post(
    struct req *, struct xml *, const struct form_page *);
enum http_status form_show(
    struct req *, struct xml *, const struct form_page *, const struct form *);
enum http_status form_status(struct req *, const struct form *);
enum http_status form_done(struct req *, const char *, const char *);
int notice_write(struct xml *, const char *);
int form_options(struct xml *, const char *, const struct db_res *);
void form_choice(struct form *, size_t, const struct db_res *);

/* --- outbox.c: e-mail, queued in the caller's transaction --- */

enum db_rc outbox_add(struct req *, const char *, const char *, const char *,
    const char *, const char *);

/* --- cells.c: small-cell suppression for published figures --- */

void cells_suppress(const int64_t *, bool *, size_t, int64_t);
void cells_suppress_table(const int64_t *, bool *, size_t, size_t, int64_t);

/* --- jmbg.c: the personal number, DD MM YYY RR BBB K (DOMAIN.md) --- */

#define JMBG_LEN	13
#define JMBG_MASK_BYTES (JMBG_LEN * 3 + 1) /* at most 13 bullets and a NUL */

/* Which part of a typed number is wrong: a form names it. */
enum jmbg_problem {
	JMBG_OK,
	JMBG_LENGTH,   /* not thirteen digits */
	JMBG_DIGITS,   /* a character that is not a digit */
	JMBG_DATE,     /* DD MM YYY is no real birth date */
	JMBG_CHECKSUM, /* K is not the check digit */
	JMBG__MAX
};

/* What a valid number encodes. */
struct jmbg_info {
	char birth[11]; /* YYYY-MM-DD */
	int year, month, day;
	int region;  /* RR: 71-79 central Serbia, 80-89 Vojvodina, 10-19 BiH */
	int serial;  /* BBB */
	bool female; /* BBB 500-999 */
	const char *sex; /* "male" or "female", as person.sex stores it */
};

enum jmbg_problem jmbg_check(const char *, struct jmbg_info *);
int jmbg_check_digit(const char *);
const char *jmbg_problem_key(enum jmbg_problem);
int days_in_month(int, int);
int jmbg_mask(const char *, char[JMBG_MASK_BYTES]);

/* --- csv.c: CSV in (any of three encodings) and out (UTF-8, guarded) --- */

#define CSV_MAX_BYTES	    (4 * 1024 * 1024) /* an upload: ~20,000 rows */
#define CSV_MAX_ROWS	    10001 /* a caseload of 10,000 and its header */
#define CSV_MAX_FIELDS	    64	  /* the caseload export has about 20 */
#define CSV_FIELD_MAX_BYTES 2048  /* an address or a note; names are 100 */
#define CSV_WRITE_BUF_BYTES 16384 /* all the memory an export takes */

enum csv_encoding {
	CSV_AUTO,   /* detect (csv_detect) */
	CSV_UTF8,   /* with or without a byte order mark */
	CSV_CP1250, /* Windows-1250: Latin with č ć đ š ž */
	CSV_CP1251, /* Windows-1251: Cyrillic */
	CSV_ENC__MAX
};

extern const char *const csv_encoding_names[CSV_ENC__MAX];

/* Why a file was refused; each has a message key (csv_error_key). */
enum csv_error {
	CSV_OK,
	CSV_EMPTY,	     /* no header line */
	CSV_TOO_LARGE,	     /* more than CSV_MAX_BYTES */
	CSV_ENCODING,	     /* not text in any accepted encoding (UTF-16) */
	CSV_QUOTE,	     /* a quoted cell never closed, or text after it */
	CSV_TOO_MANY_ROWS,   /* more rows than max_rows */
	CSV_TOO_MANY_FIELDS, /* a row with more cells than max_fields */
	CSV_FIELD_TOO_LONG,  /* a cell longer than max_field_bytes */
	CSV_CONTROL,	     /* a control character no page can show */
	CSV__MAX
};

/* Choices and ceilings of a parse; NULL means the defaults. */
struct csv_opts {
	enum csv_encoding encoding; /* CSV_AUTO, or what the person chose */
	char delim;		    /* ';' or ',', or 0 to detect */
	size_t max_rows;	    /* rows, the header included */
	size_t max_fields;
	size_t max_field_bytes; /* UTF-8 bytes, after conversion */
};

struct csv_row {
	size_t line;  /* the line of the file it starts on */
	size_t n;     /* cells */
	char **field; /* UTF-8, text_clean, in the arena */
};

struct csv {
	enum csv_encoding encoding; /* what the file was in */
	char delim;
	size_t nrows; /* row[0] is the header */
	struct csv_row *row;
	enum csv_error error;
	size_t err_row;	 /* spreadsheet row of the error: the header is 1 */
	size_t err_col;	 /* its cell, 1-based; 0 when not about one cell */
	size_t err_line; /* the line of the file */
};

/* Takes each full buffer of an export; returns 0, or -1 to stop. */
typedef int (*csv_sink)(void *, const char *, size_t);

/* A streaming writer; caller-owned, no allocation (csv_writer_init). */
struct csv_writer {
	csv_sink sink;
	void *arg;
	char delim;
	bool started; /* the byte order mark is written */
	bool failed;  /* the sink refused: the export stops */
	size_t len;
	char buf[CSV_WRITE_BUF_BYTES];
};

enum csv_encoding csv_detect(const char *, size_t);
enum csv_error csv_parse(struct arena *, const char *, size_t,
    const struct csv_opts *, struct csv *);
const char *csv_error_key(enum csv_error);
void csv_writer_init(struct csv_writer *, char, csv_sink, void *);
int csv_write_row(struct csv_writer *, const char *const *, size_t);
int csv_write_cells(
    struct csv_writer *, const char *const *, const bool *, size_t);
int csv_write_end(struct csv_writer *);

/*
 * --- qdef.c: survey definitions (the question engine, issue 11) ---
 *
 * A definition is an XML document valid against fcgi/surveys/survey.rng
 * (installed as share/karika/survey.rng), turned into a read-only model in
 * an arena.  Shared by the surveys worker and the training courses.
 */

#define QDEF_MAX_BYTES	      (512 * 1024) /* a definition document */
#define QDEF_SCHEMA_MAX_BYTES (256 * 1024) /* survey.rng itself */
#define QDEF_MAX_PAGES	      60
#define QDEF_MAX_QUESTIONS    250
#define QDEF_MAX_OPTIONS      60 /* options or scale points per question */
#define QDEF_MAX_ITEMS	      40 /* rows of a matrix */
#define QDEF_MAX_GROUPS	      16 /* respondent groups: bits of a uint32_t */
#define QDEF_MAX_CONDS	      8	 /* show-if conditions per page or question */
#define QDEF_PAGE_MAX_FIELDS                                                   \
	100 /* form fields a page may need: FORM_MAX_FIELDS */
#define QDEF_CODE_MAX_BYTES	 24 /* q.<code>.<code> fits FORM_KEY_MAX_BYTES */
#define QDEF_SHORT_MAX_CHARS	 500   /* ceiling of a one-line answer */
#define QDEF_LONG_MAX_CHARS	 10000 /* ceiling of a long-text answer */
#define QDEF_SHORT_DEFAULT_CHARS 200
#define QDEF_LONG_DEFAULT_CHARS	 2000
#define QDEF_OTHER_MAX_CHARS	 200 /* "other, please specify" */
#define QDEF_MAX_DECIMALS	 4
#define QDEF_NUMBER_MAX_DIGITS	 12 /* before the decimal point */
#define QDEF_REASON_MAX_BYTES	 256
#define QDEF_NONE		 ((size_t)-1)

enum qtype {
	QTYPE_SINGLE,	/* one option, radio buttons */
	QTYPE_MULTIPLE, /* options between min and max, checkboxes */
	QTYPE_DROPDOWN, /* one option from a list */
	QTYPE_MATRIX,	/* Likert items (rows) x one scale (the options) */
	QTYPE_NUMBER,	/* integer or decimal in [min, max] */
	QTYPE_TEXT,	/* one line */
	QTYPE_LONGTEXT, /* several lines, up to max characters */
	QTYPE_DATE,	/* a calendar date in [min, max] */
	QTYPE_YESNO,	/* options yes and no */
	QTYPE_GROUP,	/* the respondent group: options are the groups */
	QTYPE__MAX
};

extern const char *const qtype_names[QTYPE__MAX];

/*
 * A text in every locale.  given has a bit (1 << locale) for each text the
 * definition holds; s[] is filled for all of them by the fallback rules:
 * sr-Cyrl transliterated from sr-Latn, bs and en copied from sr-Latn.
 * given == 0: no text at all (s[] all NULL).
 */
struct qtext {
	const char *s[LOCALE__MAX];
	unsigned given;
};

struct qopt {
	const char *code;
	struct qtext label; /* yes/no: none (the catalogue's words) */
};

enum qop {
	QOP_EQUALS, /* the answer is (or, for multiple, includes) the value */
	QOP_ONE_OF, /* the answer is one of the values */
	QOP_NOT,    /* the answer is not (does not include) the value */
	QOP__MAX
};

extern const char *const qop_names[QOP__MAX];

/* show-if: a question of an earlier page and the values it is tested on. */
struct qcond {
	size_t question; /* index into qdef.questions */
	enum qop op;
	const char **values; /* option codes */
	size_t nvalues;
	int line;
};

struct qquestion {
	const char *code;
	enum qtype type;
	bool required;
	bool other; /* "other, please specify" (option code "other") */
	struct qtext text;
	struct qtext help; /* given == 0: none */
	struct qopt *opts; /* options, scale points, yes/no, the groups */
	size_t nopts;
	struct qopt *items; /* matrix rows */
	size_t nitems;
	bool has_min, has_max;
	int64_t min, max; /* multiple: options; number: scaled by 10^decimals;
			     text, longtext: max characters (always set) */
	int decimals;	  /* number: digits after the decimal point */
	const char *min_date, *max_date; /* YYYY-MM-DD or NULL */
	struct qcond *conds;
	size_t nconds;
	size_t page; /* index into qdef.pages */
	int line;
};

struct qgroup {
	const char *code;
	struct qtext label;
	int64_t quota; /* completed responses allowed; 0: no quota */
};

struct qpage {
	const char *code;
	struct qtext title; /* given == 0: none */
	uint32_t groups;    /* bit per qdef.groups index; 0: every group */
	struct qcond *conds;
	size_t nconds;
	size_t first, n; /* its questions: qdef.questions[first .. first+n) */
	int line;
};

struct qdef {
	const char *slug;
	int minutes;
	bool anonymous;
	const char *opens, *closes; /* local YYYY-MM-DDTHH:MM, or NULL */
	struct qtext title, purpose, thanks;
	struct qgroup *groups;
	size_t ngroups;
	struct qpage *pages;
	size_t npages;
	struct qquestion *questions;
	size_t nquestions;
	size_t group_question; /* index, or QDEF_NONE */
};

/* Why a definition was refused: the line (0 if none) and a reason. */
struct qdef_error {
	int line;
	char reason[QDEF_REASON_MAX_BYTES];
};

struct qschema;

struct qschema *qschema_new(const char *, size_t);
struct qschema *qschema_load(const char *);
void qschema_free(struct qschema *);
struct qdef *qdef_parse(struct arena *, const struct qschema *, const char *,
    size_t, struct qdef_error *);
char *qdef_write(struct arena *, const struct qdef *, size_t *);
const char *qdef_text(const struct qtext *, enum locale);
bool qdef_slug_reserved(const char *, size_t);
size_t qdef_find(const struct qdef *, const char *);
size_t qdef_option(const struct qquestion *, const char *);
size_t qdef_item(const struct qquestion *, const char *);
int qnum_parse(const char *, int, int64_t *);
char *qnum_format(struct arena *, int64_t, int);
char *qnum_plain(struct arena *, int64_t, int);
int qdate_parse(const char *, char[11]);

/*
 * --- qanswer.c: answers to a survey page, conditions, the way through ---
 *
 * A page's form uses the field names q.<code> (single, dropdown, yes/no,
 * group, number, text, date; multiple: one q.<code> per ticked option),
 * q.<code>.other ("other, please specify") and q.<code>.<item> (a matrix
 * row).  Decoded answers are rows of struct qval, stored as they are.
 */

/* One answer value: a row of survey_answer. */
struct qval {
	const char *question;
	const char *item;   /* matrix row, else "" */
	const char *option; /* option or scale point, or NULL */
	const char *number; /* canonical decimal (number; matrix: position) */
	const char *text;   /* text, date YYYY-MM-DD, other's text, or NULL */
};

/* A growing list of answers, in the arena it is used with. */
struct qanswers {
	struct qval *v;
	size_t n, cap;
};

/* A field's error: the message key, with {n} = param (or NULL). */
struct qerr {
	size_t question;
	const char *field; /* the form field to show it beside */
	const char *key;
	const char *param;
};

struct qerrors {
	struct qerr *e;
	size_t n;
};

struct qprogress {
	size_t done;	  /* visible pages before this one */
	size_t total;	  /* visible pages, as far as the answers tell */
	int percent;	  /* done * 100 / total */
	int minutes_left; /* the survey's minutes times the share left */
};

void qanswers_add(struct arena *, struct qanswers *, const struct qval *);
const struct qval *qanswers_find(
    const struct qanswers *, const char *, const char *);
void qanswers_set_page(struct arena *, struct qanswers *, const struct qdef *,
    size_t, const struct qanswers *);
size_t qanswers_prune(struct qanswers *, const struct qdef *);
size_t qanswer_decode(struct arena *, const struct qdef *, size_t,
    const struct kvlist *, const struct qanswers *, struct qanswers *,
    struct qerrors *);
size_t qanswer_decode_partial(struct arena *, const struct qdef *, size_t,
    const struct kvlist *, const struct qanswers *, struct qanswers *,
    struct qerrors *);
const char *qanswer_field(struct arena *, const char *, const char *);
bool qcond_holds(
    const struct qdef *, const struct qcond *, const struct qanswers *);
bool qdef_question_visible(
    const struct qdef *, size_t, const struct qanswers *);
bool qdef_page_visible(const struct qdef *, size_t, const struct qanswers *);
size_t qnav_next(const struct qdef *, size_t, const struct qanswers *);
size_t qnav_prev(const struct qdef *, size_t, const struct qanswers *);
void qnav_progress(
    const struct qdef *, size_t, const struct qanswers *, struct qprogress *);

/*
 * --- qdraft.c: a response's answers so far as one JSON text ---
 */

#define QDRAFT_MAX_ROWS 4000 /* answer rows a response in progress holds */

char *qdraft_json(struct arena *, const struct qanswers *);
int qdraft_decode(struct arena *, const char *, struct qanswers *);

#endif /* KARIKA_H */
