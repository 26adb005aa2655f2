/* SPDX-License-Identifier: ISC */
/*
 * page.c: pages with a form, as one mechanism (STYLE 3.7, 3.8).  A
 * handler declares its page once (struct form_page: the element its
 * stylesheet matches, the field table, action, submit key and its own
 * parts: load, extra, save) and calls form_get() for the GET and
 * form_post() for the POST:
 *
 *   GET   the form, empty or loaded (a record's values), status 200;
 *   POST  the fields are validated (valid.c); with errors the same page
 *         comes back with status 422 and what was typed (never a
 *         password), or 403 when the CSRF token was refused; without,
 *         the page's save() runs the write and answers 303 through
 *         form_done(), whose notice the next page shows.
 *
 * The notice after a write travels in the redirect's query (?done=key)
 * and xml.c puts it into the envelope as <notice key="done.key"/>;
 * layout.xsl shows it with role="status" when its catalogue has the key.
 */
#include <string.h>

#include "karika.h"

/* Writes <notice key="…"/>: what a page says above its content. */
int
notice_write(struct xml *x, const char *key)
{
	if (key == NULL)
		return 0;
	if (xml_start(x, "notice") == -1 || xml_attr(x, "key", key) == -1)
		return -1;
	return xml_end(x);
}

/*
 * The outcome of a page showing form f: 200 without errors; with errors
 * the page itself (r->render) as 403 when the CSRF token was refused, 422
 * otherwise.
 */
enum http_status
form_status(struct req *r, const struct form *f)
{
	if (f == NULL || f->nerrors == 0)
		return HTTP_OK;
	r->render = true;
	return f->problem != NULL && strcmp(f->problem, "form.csrf") == 0
	    ? HTTP_FORBIDDEN
	    : HTTP_UNPROCESSABLE;
}

/*
 * Writes page fp with form f: <elem page="…"> holding what extra() writes,
 * then the form.  Returns form_status(), or 500 if the document failed.
 */
enum http_status
form_show(struct req *r, struct xml *x, const struct form_page *fp,
    const struct form *f)
{
	if (xml_start(x, fp->elem) == -1 || xml_attr(x, "page", fp->page) == -1)
		return HTTP_INTERNAL;
	if (fp->extra != NULL && fp->extra(r, x, f) == -1)
		return HTTP_INTERNAL;
	if (form_write(x, fp->method, fp->action, fp->submit, fp->fields, f) ==
		-1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return form_status(r, f);
}

/* GET: the page with its form, empty or filled by fp->load(). */
enum http_status
form_get(struct req *r, struct xml *x, const struct form_page *fp)
{
	struct form f;
	enum http_status st;

	form_empty(r, fp->nfields, &f);
	if (fp->load != NULL && (st = fp->load(r, &f)) != HTTP_OK)
		return st;
	return form_show(r, x, fp, &f);
}

/*
 * POST: validates the form against fp's fields and fp->check(); with
 * errors re-shows it (422, or 403 for a refused CSRF token); otherwise
 * runs fp->save(), which answers 303 (form_done), re-shows the form after
 * form_error() with its 4xx status, or fails with another outcome.
 */
enum http_status
form_post(struct req *r, struct xml *x, const struct form_page *fp)
{
	struct form f;
	enum http_status st;

	form_validate(r, fp->fields, fp->nfields, &f);
	if (fp->check != NULL && f.problem == NULL &&
	    (st = fp->check(r, &f)) != HTTP_OK)
		return st;
	if (f.nerrors > 0)
		return form_show(r, x, fp, &f);
	st = fp->save(r, &f);
	if (st >= HTTP_BAD_REQUEST && f.nerrors > 0) {
		/* save() marked what is wrong: the form, with its status. */
		if (form_show(r, x, fp, &f) == HTTP_INTERNAL)
			return HTTP_INTERNAL;
		return st;
	}
	return st;
}

/*
 * Ends a successful write: a 303 to path (a local path, with or without a
 * query) that shows the notice "done.<notice>" (NULL: none).  Returns
 * HTTP_SEE_OTHER for the handler to return.
 */
enum http_status
form_done(struct req *r, const char *path, const char *notice)
{
	if (notice == NULL)
		r->redirect = path;
	else
		r->redirect = arena_printf(r->arena, "%s%cdone=%s", path,
		    strchr(path, '?') != NULL ? '&' : '?', notice);
	return HTTP_SEE_OTHER;
}

/*
 * Writes <options for="field"><option value="…">label</option>…</options>
 * from the rows of res (columns "value" and "label"): the choices of a
 * VALID_ID field, which layout.xsl turns into the field's <select>.
 */
int
form_options(struct xml *x, const char *field, const struct db_res *res)
{
	size_t i;

	if (xml_start(x, "options") == -1 || xml_attr(x, "for", field) == -1)
		return -1;
	for (i = 0; i < res->nrows; i++)
		if (xml_start(x, "option") == -1 ||
		    xml_attr(x, "value", db_str(res, i, "value")) == -1 ||
		    xml_text(x, db_str(res, i, "label")) == -1 ||
		    xml_end(x) == -1)
			return -1;
	return xml_end(x);
}

/*
 * The check of a VALID_ID field i whose choices form_options() wrote from
 * res: a value typed or posted that is none of them (a stale page, a
 * forged form) is the field's error "invalid.choice".  A field already in
 * error, or empty (an optional choice left out), is left as it is.
 */
void
form_choice(struct form *f, size_t i, const struct db_res *res)
{
	size_t n;

	if (f->error[i] != NULL || *f->text[i] == '\0')
		return;
	for (n = 0; n < res->nrows; n++)
		if (db_int(res, n, "value") == f->num[i])
			return;
	form_error(f, i, "invalid.choice");
}
