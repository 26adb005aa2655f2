/* SPDX-License-Identifier: ISC */
/*
 * priv.c: which user a Karika program runs as (STYLE 3.14, step 6).  A
 * worker started as root (by a supervisor other than systemd's User=, or
 * by hand) opens its socket first, then becomes the configured user and
 * group and can never become root again; one started as an ordinary user
 * stays who it is.  The configuration decides:
 *
 *   user = karika        the account to run as (required under root)
 *   group = www-data     the group, which the sockets get too, so that
 *                        nginx's workers may connect (default: the
 *                        user's own group)
 *
 * Root without a user is refused, with a message saying which key to
 * set: a worker that parses the web's input must not run as root by
 * accident.  "user = root" says it on purpose (a private test stack run
 * by root, scripts/stack); it is logged as such.
 *
 * priv_plan() decides from the effective uid and the two keys and does
 * nothing else, so that tests/unit/test-priv.c can ask it every case as
 * any user; priv_drop() carries the plan out.
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "karika.h"

/* Room for getpwnam_r's and getgrnam_r's strings: names and a shell. */
#define PRIV_LOOKUP_BYTES 4096

/*
 * Looks the user up by name into p (uid, primary gid, name).  Returns 0,
 * or -1 when there is no such user or the lookup failed (err says which).
 */
static int
lookup_user(const char *user, struct priv *p, char *err, size_t errlen)
{
	struct passwd pw, *res = NULL;
	char buf[PRIV_LOOKUP_BYTES];
	int e;

	if ((e = getpwnam_r(user, &pw, buf, sizeof(buf), &res)) != 0 ||
	    res == NULL) {
		snprintf(err, errlen, "user = %s: %s", user,
		    e != 0 ? strerror(e) : "no such user on this system");
		return -1;
	}
	p->uid = pw.pw_uid;
	p->gid = pw.pw_gid;
	snprintf(p->user, sizeof(p->user), "%s", pw.pw_name);
	return 0;
}

/* The name of uid, or its number as text when it has none. */
static void
uid_name(uid_t uid, char *out, size_t outlen)
{
	struct passwd pw, *res = NULL;
	char buf[PRIV_LOOKUP_BYTES];

	if (getpwuid_r(uid, &pw, buf, sizeof(buf), &res) == 0 && res != NULL)
		snprintf(out, outlen, "%s", pw.pw_name);
	else
		snprintf(out, outlen, "%u", (unsigned)uid);
}

/*
 * Decides who a program whose effective uid is euid runs as, given the
 * configuration's user and group (NULL or "" when absent), into p
 * (caller-owned).  Returns 0, or -1 with a sentence in err (which the
 * caller logs, naming the configuration file) when the program must not
 * start: root without a user, a user or group this system does not have,
 * or a user other than the caller's when not started as root.
 */
int
priv_plan(uid_t euid, const char *user, const char *group, struct priv *p,
    char *err, size_t errlen)
{
	struct group gr, *gres = NULL;
	char buf[PRIV_LOOKUP_BYTES], self[PRIV_NAME_MAX];
	int e;

	memset(p, 0, sizeof(*p));
	*err = '\0';
	if (user == NULL || *user == '\0') {
		if (euid == 0) {
			snprintf(err, errlen,
			    "refusing to run as root: set user = <account> "
			    "(and group = <nginx's group>) in the "
			    "configuration; the program drops to them after "
			    "opening its socket");
			return -1;
		}
		p->uid = euid;
		p->gid = getegid();
		uid_name(euid, p->user, sizeof(p->user));
		p->group[0] = '\0';
		return 0;
	}
	if (lookup_user(user, p, err, errlen) == -1)
		return -1;
	if (group != NULL && *group != '\0') {
		if ((e = getgrnam_r(group, &gr, buf, sizeof(buf), &gres)) !=
			0 ||
		    gres == NULL) {
			snprintf(err, errlen, "group = %s: %s", group,
			    e != 0 ? strerror(e)
				   : "no such group on this system");
			return -1;
		}
		p->gid = gr.gr_gid;
		snprintf(p->group, sizeof(p->group), "%s", gr.gr_name);
	}
	if (euid == 0) {
		p->drop = p->uid != 0;
		p->root_on_purpose = p->uid == 0;
		return 0;
	}
	if (p->uid != euid) {
		uid_name(euid, self, sizeof(self));
		snprintf(err, errlen,
		    "user = %s, but started as %s, who cannot become "
		    "another user: start it as root or as %s",
		    p->user, self, p->user);
		return -1;
	}
	return 0;
}

/*
 * Becomes p's user and group for good (supplementary groups: only p's
 * group), when p says so, then checks that root cannot be had back, and
 * logs one line naming who the process runs as.  Returns 0, or -1
 * (logged): the caller must then exit.
 */
int
priv_drop(const struct priv *p)
{
	if (p->drop) {
		if (setgroups(1, &p->gid) == -1 || setgid(p->gid) == -1 ||
		    setuid(p->uid) == -1) {
			LOGE("becoming %s: %s", p->user, strerror(errno));
			return -1;
		}
		if (setuid(0) != -1 || geteuid() != p->uid ||
		    getegid() != p->gid) {
			LOGE("still able to become root after dropping to %s",
			    p->user);
			return -1;
		}
	}
	if (p->root_on_purpose)
		log_info("running as root, as \"user = root\" asks: for a "
			 "private test stack only, never in production");
	else
		log_info("running as user %s (uid %u, gid %u%s%s)", p->user,
		    (unsigned)p->uid, (unsigned)p->gid,
		    p->group[0] != '\0' ? ", group " : "", p->group);
	return 0;
}

/*
 * priv_plan() for this process with the user and group keys of c, the
 * refusal logged with c's path.  Returns 0 or -1.
 */
int
priv_from_cfg(const struct cfg *c, struct priv *p)
{
	char err[512];

	if (priv_plan(geteuid(), cfg_get(c, "user", NULL),
		cfg_get(c, "group", NULL), p, err, sizeof(err)) == -1) {
		LOGE("%s: %s", c->path, err);
		return -1;
	}
	return 0;
}
