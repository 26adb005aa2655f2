/* SPDX-License-Identifier: ISC */
/*
 * main.c: karika-surveys, the public worker for the anonymous needs-mapping
 * surveys and their published results.  It answers /surveys/.  This file
 * is its table of routes and its start: the definition schema is read
 * once, before the processes fork (they share it), from the config's
 * surveys.schema (default: the installed share/karika/survey.rng);
 * worker.c does the rest.
 */
#include <stdlib.h>
#include <string.h>

#include "karika.h"
#include "stmt.h"
#include "surveys.h"

/*
 * Adding a route: see the checklist in fcgi/common/route.c.  "*" is a
 * survey's slug (survey_slug()); the editor's routes under
 * /surveys/edit/ come before these, so "edit" is no slug.
 */
static const struct route routes[] = {
    {METHOD_GET, "/surveys/", survey_list, "surveys", PERM_ANY, 0},
    {METHOD_GET, "/surveys/health", route_health, "health", PERM_ANY,
	ROUTE_NO_PAGE},
    /* answering (survey.c, answer.c) and results (results.c) */
    {METHOD_GET, "/surveys/*/", survey_show, "survey", PERM_ANY, ROUTE_FORM},
    {METHOD_POST, "/surveys/*/start", survey_start, "survey.start", PERM_ANY,
	ROUTE_FORM},
    {METHOD_GET, "/surveys/*/page", answer_show, "survey.page", PERM_ANY,
	ROUTE_FORM},
    {METHOD_POST, "/surveys/*/page", answer_save, "survey.page", PERM_ANY,
	ROUTE_FORM},
    {METHOD_GET, "/surveys/*/saved", answer_saved, "survey.saved", PERM_ANY, 0},
    {METHOD_GET, "/surveys/*/resume", resume_new, "survey.resume", PERM_ANY,
	ROUTE_FORM},
    {METHOD_POST, "/surveys/*/resume", resume_create, "survey.resume", PERM_ANY,
	ROUTE_FORM},
    {METHOD_GET, "/surveys/*/thanks", survey_thanks, "survey.thanks", PERM_ANY,
	0},
    {METHOD_GET, "/surveys/*/results", results_show, "survey.results", PERM_ANY,
	0},
};

static const struct worker_def worker_def = {
    "surveys", routes, sizeof(routes) / sizeof(routes[0]), stmt_sql, STMT__MAX};

/* The definition schema: read once at start, never changed. */
static struct qschema *schema;

const struct qschema *
surveys_schema(void)
{
	return schema;
}

int
main(int argc, char **argv)
{
	const char *cfgpath = NULL, *path;
	struct cfg cfg;
	int i, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--routes") == 0)
			return worker_main(argc, argv, &worker_def);
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			cfgpath = argv[i + 1];
	}
	log_init("karika-surveys");
	memset(&cfg, 0, sizeof(cfg));
	if (cfg_load(&cfg, cfg_default_path(cfgpath)) == -1)
		return 1;
	path = cfg_get(&cfg, "surveys.schema", PKGDATADIR "/survey.rng");
	if ((schema = qschema_load(path)) == NULL)
		LOGE("surveys.schema: no survey schema at %s", path);
	cfg_release(&cfg);
	if (schema == NULL)
		return 1;
	rc = worker_main(argc, argv, &worker_def);
	qschema_free(schema);
	return rc;
}
