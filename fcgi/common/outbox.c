/* SPDX-License-Identifier: ISC */
/*
 * outbox.c: e-mail never leaves inside a request.  A handler queues a row
 * in the same transaction as the change it reports; karika-mailer renders
 * it in the recipient's language from the message catalogue
 * (mail.<template>.subject/.body) and sends it with retries.
 */
#include "karika.h"

/*
 * Queues template (a catalogue name: "confirm", "reset", …) for address
 * to, in locale, with {name} and {link} (a local path; the mailer adds
 * the site's address).  Returns the database's outcome.
 */
enum db_rc
outbox_add(struct req *r, const char *to, const char *locale,
    const char *template, const char *name, const char *link)
{
	return DBQ(r, DB_COMMON(CSTMT_OUTBOX), NULL, DBP_S(to),
	    DBP_S(locale != NULL ? locale : locale_tags[r->locale]),
	    DBP_S(template), DBP_S(name != NULL ? name : ""),
	    DBP_S(link != NULL ? link : ""));
}
