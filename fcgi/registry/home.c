/* SPDX-License-Identifier: ISC */
/*
 * home.c: GET /, the municipality's front page: what Karika is for this
 * town and the way to its four areas.  The words are the stylesheet's;
 * the worker supplies the municipality.
 */
#include "karika.h"
#include "stmt.h"
#include "registry.h"

/* GET / -> <home><municipality/></home>; 404 for an unknown town. */
enum http_status
home_show(struct req *r, struct xml *x)
{
	struct muni m;
	enum http_status st;

	if ((st = muni_load(r, &m)) != HTTP_OK)
		return st;
	if (xml_start(x, "home") == -1 || muni_write(x, &m) == -1 ||
	    xml_end(x) == -1)
		return HTTP_INTERNAL;
	return HTTP_OK;
}
