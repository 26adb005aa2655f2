/* SPDX-License-Identifier: ISC */
/*
 * survey-walk.c: respondents for scripts/bench-survey.  Each of -c
 * connections (HTTP/1.1, keep-alive, one thread, epoll) plays one
 * respondent after another, each a new browser without cookies, through
 * the demo needs survey to its end, alternately as a citizen (about,
 * household, risks, services, missing, open) and as a professional
 * (about, services, professionals, missing, open), so that every page of
 * the survey is walked.  Two ways:
 *
 *   browser (default)  what a browser asks for: the welcome page (its
 *                      form token comes as the csrf cookie), then for
 *                      each page GET it (where the welcome page's Start
 *                      link or the page before led: the empty page,
 *                      which the page cache may keep) and POST its
 *                      answers (the first begins the response), and the
 *                      thank-you page
 *   -s (submit)        only what changes the response: each page's
 *                      POST, with a form token the client makes itself
 *                      (the double-submit cookie takes any)
 *
 * Every answer is checked: 200 for a GET, 303 for a POST, the last POST
 * to .../thanks.  A respondent with any other answer is abandoned and
 * counted as failed.  After -d seconds no respondent starts; those under
 * way finish.  Prints one line of key=value figures: completed, failed,
 * requests, seconds, responses_per_s, requests_per_s, and the largest
 * page body seen (page_bytes, browser mode).
 *
 *   survey-walk [-s] [-c conns] [-d seconds | -n responses] host port slug
 *
 * A benchmark tool, not part of Karika: it trusts the server it measures
 * as far as needed to keep going, and stops on anything it cannot parse.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONNS 1024
#define BUF_BYTES (1024 * 1024) /* a whole answer: pages are ~15 KB */
#define REQ_BYTES 8192

/* One page of answers: its code and its url-encoded fields. */
struct page {
	const char *code;
	const char *fields;
};

#define AWARE                                                                 \
	"q.awareness.day-care=heard&q.awareness.home-help=used&"              \
	"q.awareness.companion=unknown&q.awareness.respite=heard&"            \
	"q.awareness.assistance=heard&q.awareness.family-support=unknown"

static const struct page citizen[] = {
    {"about", "q.group=citizen&q.age=30-44&q.settlement=village"},
    {"household", "q.members=3&q.household=elderly&q.household=other&"
		  "q.household.other=Baka&q.income=tight"},
    {"risks",
	"q.care-hours=12%2C5&q.needed=yes&q.problems.poverty=4&"
	"q.problems.unemployment=5&q.problems.violence=3&"
	"q.problems.isolation=4&q.problems.barriers=2&q.problems.access=3&"
	"q.violence-help=no"},
    {"services", AWARE "&q.used=home-help&q.used=csw&q.satisfaction=4&"
		       "q.csw-contact=3.+2.+2025.&q.unmet=yes&q.info=other&"
		       "q.info.other=Radio"},
    {"missing", "q.new-services=respite&q.new-services=sos&q.priority=elderly&"
		"q.volunteer=yes&q.first-step=Vi%C5%A1e+pomo%C4%87i+u+ku%C4%87i"},
    {"open", "q.comment=Dva+reda%0D%0Ateksta&q.next-round=yes"},
    {NULL, NULL},
};

static const struct page professional[] = {
    {"about", "q.group=pro&q.age=45-64&q.settlement=town"},
    {"services", AWARE "&q.unmet=no&q.info=website"},
    {"professionals", "q.years=12&q.capacity.staff=2&q.capacity.premises=3&"
		      "q.capacity.funding=1&q.capacity.cooperation=4&"
		      "q.obstacles=funding&q.obstacles=transport"},
    {"missing", "q.new-services=shelter&q.priority=violence&q.volunteer=no"},
    {"open", "q.next-round=no"},
    {NULL, NULL},
};

/* Where a respondent is. */
enum step {
	S_WELCOME, /* GET /surveys/<slug>/ (browser mode) */
	S_PAGE,	   /* GET page (browser mode) */
	S_SEND,	   /* POST page */
	S_THANKS,  /* GET thanks (browser mode) */
};

struct conn {
	int fd;
	bool busy;	 /* a respondent is under way */
	enum step step;
	const struct page *pages;
	size_t page;
	char csrf[72];
	char code[4096]; /* the survey cookie: a held response (held.c) */
	char next[512]; /* where the last POST led (303's Location) */
	char req[REQ_BYTES];
	size_t reqlen, reqoff;
	char *buf;
	size_t len;
	bool close_after; /* the server said Connection: close */
};

static const char *host, *slug;
static int port;
static bool submit_only;
static struct conn conns[MAX_CONNS];
static int nconns = 32, epfd;
static long want = -1, started, completed, failed, requests, page_bytes;
static double deadline;
static struct sockaddr_in addr;

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("survey-walk: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void
conn_open(struct conn *c)
{
	struct epoll_event ev = {0};
	int one = 1;

	if ((c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)) == -1)
		die("socket: %s", strerror(errno));
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (connect(c->fd, (struct sockaddr *)&addr, sizeof(addr)) == -1 &&
	    errno != EINPROGRESS)
		die("connect: %s", strerror(errno));
	ev.events = EPOLLIN | EPOLLOUT | EPOLLET;
	ev.data.ptr = c;
	if (epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &ev) == -1)
		die("epoll_ctl: %s", strerror(errno));
	c->len = 0;
	c->close_after = false;
}

static void
conn_close(struct conn *c)
{
	epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
	close(c->fd);
	c->fd = -1;
}

/* Queues a request: GET when body is NULL. */
static void
request(struct conn *c, const char *path, const char *body)
{
	char cookie[4400] = "";
	int n;

	if (c->csrf[0] != '\0' || c->code[0] != '\0')
		snprintf(cookie, sizeof(cookie), "Cookie: %s%s%s%s%s\r\n",
		    c->csrf[0] != '\0' ? "csrf=" : "", c->csrf,
		    c->csrf[0] != '\0' && c->code[0] != '\0' ? "; " : "",
		    c->code[0] != '\0' ? "survey=" : "", c->code);
	if (body == NULL)
		n = snprintf(c->req, sizeof(c->req),
		    "GET %s%s%s%s HTTP/1.1\r\nHost: %s:%d\r\n"
		    "Accept-Language: sr\r\n%s\r\n",
		    *path == '/' ? "" : "/surveys/", *path == '/' ? "" : slug,
		    *path == '/' ? "" : "/", path, host, port, cookie);
	else
		n = snprintf(c->req, sizeof(c->req),
		    "POST /surveys/%s/%s HTTP/1.1\r\nHost: %s:%d\r\n"
		    "Accept-Language: sr\r\n%s"
		    "Content-Type: application/x-www-form-urlencoded\r\n"
		    "Content-Length: %zu\r\n\r\n%s",
		    slug, path, host, port, cookie, strlen(body), body);
	if (n < 0 || (size_t)n >= sizeof(c->req))
		die("request too long");
	c->reqlen = (size_t)n;
	c->reqoff = 0;
	requests++;
}

/* Writes what the socket takes of the queued request. */
static void
flush(struct conn *c)
{
	ssize_t n;

	while (c->reqoff < c->reqlen) {
		n = write(c->fd, c->req + c->reqoff, c->reqlen - c->reqoff);
		if (n == -1 && errno == EAGAIN)
			return;
		if (n == -1)
			die("write: %s", strerror(errno));
		c->reqoff += (size_t)n;
	}
}

/* The request of the respondent's current step, sent. */
static void
send_step(struct conn *c)
{
	char body[4096];
	const struct page *p;

	switch (c->step) {
	case S_WELCOME:
		request(c, "", NULL);
		break;
	case S_PAGE: /* where Start or the page before led */
		request(c, c->next, NULL);
		break;
	case S_SEND:
		p = &c->pages[c->page];
		snprintf(body, sizeof(body), "csrf=%s&p=%s&go=next&%s", c->csrf,
		    p->code, p->fields);
		request(c, "page", body);
		break;
	case S_THANKS:
		request(c, "thanks", NULL);
		break;
	}
	flush(c);
}

/* A new respondent on c, or none after the deadline or the count. */
static void
respondent(struct conn *c)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	c->busy = false;
	if ((want >= 0 && started >= want) || (want < 0 && now() >= deadline))
		return;
	c->busy = true;
	c->pages = started % 2 == 0 ? citizen : professional;
	started++;
	c->page = 0;
	c->code[0] = '\0';
	c->csrf[0] = '\0';
	if (submit_only) {
		for (i = 0; i < 64; i++)
			c->csrf[i] = hex[(unsigned)random() & 15];
		c->csrf[64] = '\0';
		c->step = S_SEND;
	} else
		c->step = S_WELCOME;
	if (c->fd == -1)
		conn_open(c);
	send_step(c);
}

/* The value of cookie name in a Set-Cookie header line, into out. */
static void
set_cookie(const char *line, const char *end, const char *name, char *out,
    size_t outlen)
{
	size_t n = strlen(name), i;

	if ((size_t)(end - line) <= n + 1 || strncmp(line, name, n) != 0 ||
	    line[n] != '=')
		return;
	line += n + 1;
	for (i = 0; line < end && *line != ';' && i + 1 < outlen; i++)
		out[i] = *line++;
	out[i] = '\0';
}

static const char *
find(const char *s, size_t n, const char *what)
{
	return memmem(s, n, what, strlen(what));
}

/*
 * The welcome page's Start link (in the n bytes of the answer's body at
 * body) into c->next, its &amp; read as &; "" without one.
 */
static void
start_link(struct conn *c, const char *body, size_t n)
{
	static const char mark[] = "<p class=\"start\"><a class=\"button\" href=\"";
	const char *p = find(body, n, mark), *e;
	size_t i = 0;

	c->next[0] = '\0';
	if (p == NULL)
		return;
	p += strlen(mark);
	for (e = body + n; p < e && *p != '"' && i + 1 < sizeof(c->next); i++)
		if (strncmp(p, "&amp;", 5) == 0) {
			c->next[i] = '&';
			p += 5;
		} else
			c->next[i] = *p++;
	c->next[i] = '\0';
}

/*
 * Parses an answer in c->buf: 1 and *status, *location set when whole
 * (consumed from the buffer), 0 when more is needed.
 */
static int
parse(struct conn *c, int *status, char *location, size_t loclen)
{
	const char *b = c->buf, *he, *l, *le, *p;
	size_t body, total, sz;
	long clen = -1;
	bool chunked = false;
	char *endp;

	if ((he = find(b, c->len, "\r\n\r\n")) == NULL)
		return 0;
	if (c->len < 12 || strncmp(b, "HTTP/1.1 ", 9) != 0)
		die("not HTTP/1.1: %.40s", b);
	*status = atoi(b + 9);
	location[0] = '\0';
	for (l = find(b, (size_t)(he - b), "\r\n") + 2; l < he; l = le + 2) {
		le = find(l, (size_t)(he + 2 - l), "\r\n");
		if (strncasecmp(l, "Content-Length:", 15) == 0)
			clen = strtol(l + 15, NULL, 10);
		else if (strncasecmp(l, "Transfer-Encoding: chunked", 26) == 0)
			chunked = true;
		else if (strncasecmp(l, "Connection: close", 17) == 0)
			c->close_after = true;
		else if (strncasecmp(l, "Location: ", 10) == 0)
			snprintf(location, loclen, "%.*s", (int)(le - l - 10),
			    l + 10);
		else if (strncasecmp(l, "Set-Cookie: ", 12) == 0) {
			set_cookie(
			    l + 12, le, "csrf", c->csrf, sizeof(c->csrf));
			set_cookie(
			    l + 12, le, "survey", c->code, sizeof(c->code));
		}
	}
	body = (size_t)(he + 4 - b);
	if (chunked) {
		p = b + body;
		total = 0;
		for (;;) {
			if ((l = find(p, c->len - (size_t)(p - b), "\r\n")) ==
			    NULL)
				return 0;
			sz = strtoul(p, &endp, 16);
			if ((size_t)(c->len - (size_t)(l + 2 - b)) < sz + 2)
				return 0;
			total += sz;
			p = l + 2 + sz + 2;
			if (sz == 0)
				break;
		}
		body = (size_t)(p - b);
	} else {
		if (clen < 0)
			clen = 0;
		if (c->len < body + (size_t)clen)
			return 0;
		total = (size_t)clen;
		body += (size_t)clen;
	}
	if (c->step == S_PAGE && total > (size_t)page_bytes)
		page_bytes = (long)total;
	if (c->step == S_WELCOME)
		start_link(c, he + 4, (size_t)(b + body - (he + 4)));
	memmove(c->buf, c->buf + body, c->len - body);
	c->len -= body;
	return 1;
}

/* The answer to the current step: on to the next, or the respondent fails. */
static void
answered(struct conn *c, int status, const char *location)
{
	bool ok;

	ok = status == (c->step == S_SEND ? 303 : 200);
	if (ok && c->step == S_WELCOME &&
	    (c->csrf[0] == '\0' || c->next[0] != '/'))
		ok = false;
	if (ok && c->step == S_SEND && c->code[0] == '\0' &&
	    c->pages[c->page + 1].code != NULL)
		ok = false;
	if (!ok) {
		if (failed < 5)
			fprintf(stderr,
			    "survey-walk: step %d page %zu answered %d%s%s\n",
			    (int)c->step, c->page, status,
			    *location ? " to " : "", location);
		failed++;
		respondent(c);
		return;
	}
	if (c->step == S_SEND)
		snprintf(c->next, sizeof(c->next), "%s", location);
	switch (c->step) {
	case S_WELCOME:
		c->step = S_PAGE;
		break;
	case S_PAGE:
		c->step = S_SEND;
		break;
	case S_SEND:
		if (c->pages[++c->page].code == NULL) {
			if (strstr(location, "/thanks") == NULL) {
				failed++;
				respondent(c);
				return;
			}
			if (submit_only) {
				completed++;
				respondent(c);
				return;
			}
			c->step = S_THANKS;
		} else
			c->step = submit_only ? S_SEND : S_PAGE;
		break;
	case S_THANKS:
		completed++;
		respondent(c);
		return;
	}
	send_step(c);
}

/* Reads and writes what c can; reconnects when the server closes. */
static void
io(struct conn *c, uint32_t events)
{
	char location[512];
	ssize_t n;
	int status;

	if (events & (EPOLLOUT | EPOLLERR))
		flush(c);
	if (!(events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
		return;
	for (;;) {
		if (c->len == BUF_BYTES)
			die("an answer over %d bytes", BUF_BYTES);
		n = read(c->fd, c->buf + c->len, BUF_BYTES - c->len);
		if (n == 0 || (n == -1 && errno != EAGAIN))
			die("the server closed a connection mid-answer");
		if (n == -1)
			break;
		c->len += (size_t)n;
		if (parse(c, &status, location, sizeof(location)) == 1) {
			if (c->close_after) {
				conn_close(c);
				conn_open(c);
			}
			answered(c, status, location);
			if (!c->busy && c->fd != -1)
				conn_close(c);
			return;
		}
	}
}

int
main(int argc, char **argv)
{
	struct epoll_event evs[64];
	double secs = 10, t0, t1;
	int i, n, opt, active;

	while ((opt = getopt(argc, argv, "sc:d:n:")) != -1)
		switch (opt) {
		case 's':
			submit_only = true;
			break;
		case 'c':
			nconns = atoi(optarg);
			break;
		case 'd':
			secs = atof(optarg);
			break;
		case 'n':
			want = atol(optarg);
			break;
		default:
			goto usage;
		}
	if (argc - optind != 3 || nconns < 1 || nconns > MAX_CONNS)
		goto usage;
	host = argv[optind];
	port = atoi(argv[optind + 1]);
	slug = argv[optind + 2];
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, host, &addr.sin_addr) != 1)
		die("host: an IPv4 address");
	srandom((unsigned)getpid() ^ (unsigned)time(NULL));
	if ((epfd = epoll_create1(0)) == -1)
		die("epoll_create1: %s", strerror(errno));
	t0 = now();
	deadline = t0 + secs;
	for (i = 0; i < nconns; i++) {
		conns[i].fd = -1;
		if ((conns[i].buf = malloc(BUF_BYTES)) == NULL)
			die("out of memory");
		respondent(&conns[i]);
	}
	for (;;) {
		for (active = 0, i = 0; i < nconns; i++)
			active += conns[i].busy;
		if (active == 0)
			break;
		if ((n = epoll_wait(epfd, evs, 64, 1000)) == -1) {
			if (errno == EINTR)
				continue;
			die("epoll_wait: %s", strerror(errno));
		}
		for (i = 0; i < n; i++)
			io(evs[i].data.ptr, evs[i].events);
	}
	t1 = now();
	printf("mode=%s connections=%d completed=%ld failed=%ld requests=%ld "
	       "seconds=%.2f responses_per_s=%.1f requests_per_s=%.1f "
	       "page_bytes=%ld\n",
	    submit_only ? "submit" : "browser", nconns, completed, failed,
	    requests, t1 - t0, (double)completed / (t1 - t0),
	    (double)requests / (t1 - t0), page_bytes);
	return failed > 0 ? 1 : 0;
usage:
	fprintf(stderr, "usage: survey-walk [-s] [-c conns] [-d seconds | "
			"-n responses] host port slug\n");
	return 2;
}
