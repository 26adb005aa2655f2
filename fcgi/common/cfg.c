/* SPDX-License-Identifier: ISC */
/*
 * cfg.c: the one configuration file, read once at start-up.  Its format is
 * "key = value" lines; '#' starts a comment line; blanks around key and
 * value are dropped.  docs/config.md lists every key.  Values are kept as
 * strings; cfg_int() turns one into a bounded number.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s &&
	    (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/*
 * Loads the file at path into c (caller-owned; release with
 * cfg_release()).  Returns 0, or -1 after logging which line is wrong.
 */
int
cfg_load(struct cfg *c, const char *path)
{
	FILE *f = NULL;
	char line[CFG_LINE_MAX_BYTES], *k, *v, *eq;
	size_t lineno = 0;
	int rc = -1;

	memset(c, 0, sizeof(*c));
	c->path = path;
	if ((f = fopen(path, "r")) == NULL) {
		LOGE("%s: %s", path, strerror(errno));
		goto out;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		if (strchr(line, '\n') == NULL && !feof(f)) {
			LOGE("%s:%zu: line too long", path, lineno);
			goto out;
		}
		k = trim(line);
		if (*k == '\0' || *k == '#')
			continue;
		if ((eq = strchr(k, '=')) == NULL) {
			LOGE("%s:%zu: expected key = value", path, lineno);
			goto out;
		}
		*eq = '\0';
		k = trim(k);
		v = trim(eq + 1);
		if (*k == '\0' || c->n == CFG_MAX_ENTRIES) {
			LOGE(
			    "%s:%zu: empty key or too many keys", path, lineno);
			goto out;
		}
		c->key[c->n] = xstrdup(k);
		c->val[c->n] = xstrdup(v);
		c->n++;
	}
	rc = 0;
out:
	if (f != NULL)
		fclose(f);
	if (rc == -1)
		cfg_release(c);
	return rc;
}

/* Frees what cfg_load() allocated; c can be loaded again. */
void
cfg_release(struct cfg *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->key[i]);
		if (c->val[i] != NULL)
			explicit_bzero(c->val[i], strlen(c->val[i]));
		free(c->val[i]);
	}
	c->n = 0;
}

/* Returns the value of key (the last one wins), or def. Borrowed. */
const char *
cfg_get(const struct cfg *c, const char *key, const char *def)
{
	size_t i;

	for (i = c->n; i > 0; i--)
		if (strcmp(c->key[i - 1], key) == 0)
			return c->val[i - 1];
	return def;
}

/*
 * Reads key as an integer in [min, max] into *out, def when absent.
 * Returns -1 (logged) when present but not such a number.
 */
int
cfg_int(const struct cfg *c, const char *key, int64_t def, int64_t min,
    int64_t max, int64_t *out)
{
	const char *v;

	if ((v = cfg_get(c, key, NULL)) == NULL) {
		*out = def;
		return 0;
	}
	if (str_to_int64(v, min, max, out) == -1) {
		LOGE("%s: %s must be a number from %lld to %lld", c->path, key,
		    (long long)min, (long long)max);
		return -1;
	}
	return 0;
}

/*
 * The config path: the -c flag's argument if given, else $KARIKA_CONFIG,
 * else the installed default.
 */
const char *
cfg_default_path(const char *flag)
{
	const char *env;

	if (flag != NULL)
		return flag;
	if ((env = getenv("KARIKA_CONFIG")) != NULL && *env != '\0')
		return env;
	return SYSCONFDIR "/karika/karika.conf";
}
