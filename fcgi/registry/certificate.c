/* SPDX-License-Identifier: ISC */
/*
 * certificate.c: anyone may check a training certificate (issue 16) by
 * its verification code, printed on it: /registry/certificates/<code>
 * shows the holder's name, the course, the municipality, when it was
 * issued and whether it is still valid; /registry/certificates takes a
 * typed code (a form, GET) and sends to that page.  Anonymous routes: a
 * code is 80 random bits (quiz_code()), so pages cannot be found by
 * guessing, and a code that names no certificate is a 404 page that
 * says so (and lets one type it again).
 */
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "registry.h"
#include "quiz.h"

enum { CF_CODE, CF__MAX };
static const struct field cert_fields[CF__MAX] = {
    {"code", VALID_TEXT, true, 1, 40, "cert.code", "off", NULL, NULL},
};

/*
 * The code as stored: lower case, the groups joined by hyphens, O read
 * as 0 and I and L as 1 (Crockford), spaces dropped.  NULL when what is
 * left is not QUIZ_CODE_LEN characters of the code's shape.
 */
static const char *
code_norm(struct req *r, const char *in)
{
	char c, *out = arena_alloc(r->arena, QUIZ_CODE_LEN + 1);
	size_t n = 0, digits = 0;

	for (; *in != '\0'; in++) {
		c = *in;
		if (c == ' ' || c == '-')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c == 'o')
			c = '0';
		if (c == 'i' || c == 'l')
			c = '1';
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) ||
		    c == 'u' || digits == 16)
			return NULL;
		if (digits > 0 && digits % 4 == 0)
			out[n++] = '-';
		out[n++] = c;
		digits++;
	}
	out[n] = '\0';
	return digits == 16 ? out : NULL;
}

/* <certificate-page><certificate …/>? <form/></certificate-page>. */
static enum http_status
cert_page(struct req *r, struct xml *x, const char *code, struct form *f)
{
	struct db_res res;
	enum db_rc rc;

	memset(&res, 0, sizeof(res));
	if (code != NULL &&
	    (rc = DBQ(r, STMT_CERT_VERIFY, &res, DBP_LOCALE(r), DBP_LOCALE(r),
		 DBP_S(code))) != DB_OK)
		return db_status(rc);
	training_cyrl(r, &res, "title");
	if (xml_start(x, "certificate-page") == -1 ||
	    xml_attr(x, "asked", code != NULL ? code : NULL) == -1 ||
	    xml_rows(x, "certificate", &res) == -1 ||
	    form_write(x, "get", "/registry/certificates", "cert.check",
		cert_fields, f) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	if (code != NULL && res.nrows == 0) {
		r->render = true;
		return HTTP_NOT_FOUND;
	}
	return HTTP_OK;
}

/*
 * GET /registry/certificates[?code=…]: the form to type a code; with a
 * code of the right shape, 303 to its page; with another, the form again
 * with the error (422).
 */
enum http_status
cert_find(struct req *r, struct xml *x)
{
	struct form f;
	const char *code, *given = kv_get(&r->query, "code");

	if (given == NULL) {
		form_empty(r, CF__MAX, &f);
		return cert_page(r, x, NULL, &f);
	}
	form_validate(r, cert_fields, CF__MAX, &f);
	if (f.nerrors == 0 && (code = code_norm(r, f.text[CF_CODE])) != NULL) {
		r->redirect =
		    arena_printf(r->arena, "/registry/certificates/%s", code);
		return HTTP_SEE_OTHER;
	}
	if (f.error[CF_CODE] == NULL)
		form_error(&f, CF_CODE, "cert.code.shape");
	(void)cert_page(r, x, NULL, &f);
	return form_status(r, &f);
}

/*
 * GET /registry/certificates/<code>: the certificate, valid or lapsed,
 * or a 404 page saying no certificate has that code.
 */
enum http_status
cert_verify(struct req *r, struct xml *x)
{
	const char *slug = r->path + strlen("/registry/certificates/");
	const char *code = code_norm(r, slug);
	struct form f;

	form_empty(r, CF__MAX, &f);
	f.text[CF_CODE] = slug;
	if (code == NULL || strcmp(code, slug) != 0) {
		/* Another spelling of a code: its one address. */
		if (code != NULL) {
			r->redirect = arena_printf(
			    r->arena, "/registry/certificates/%s", code);
			return HTTP_SEE_OTHER;
		}
		(void)cert_page(r, x, slug, &f);
		r->render = true;
		return HTTP_NOT_FOUND;
	}
	return cert_page(r, x, code, &f);
}
