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
    /* editor: edit.c and export.c (/surveys/edit/), before any route
     * that takes a slug; editors and administrators only */
    {METHOD_GET, "/surveys/edit/", sedit_list, "sedit", SEDIT_PERMS, 0},
    {METHOD_GET, "/surveys/edit/new", sedit_new, "sedit-new", SEDIT_PERMS,
	ROUTE_FORM},
    {METHOD_POST, "/surveys/edit/new", sedit_create, "sedit-new", SEDIT_PERMS,
	ROUTE_FORM},
    {METHOD_GET, "/surveys/edit/%", sedit_show, "sedit-show", SEDIT_PERMS, 0},
    {METHOD_GET, "/surveys/edit/%/meta", sedit_meta, "sedit-meta", SEDIT_PERMS,
	ROUTE_FORM},
    {METHOD_POST, "/surveys/edit/%/meta", sedit_meta_save, "sedit-meta",
	SEDIT_PERMS, ROUTE_FORM},
    {METHOD_GET, "/surveys/edit/%/pages/new", sedit_page_new, "sedit-page-new",
	SEDIT_PERMS, ROUTE_FORM},
    {METHOD_POST, "/surveys/edit/%/pages/new", sedit_page_create,
	"sedit-page-new", SEDIT_PERMS, ROUTE_FORM},
    {METHOD_GET, "/surveys/edit/%/pages/%", sedit_page, "sedit-page",
	SEDIT_PERMS, ROUTE_FORM},
    {METHOD_POST, "/surveys/edit/%/pages/%", sedit_page_save, "sedit-page",
	SEDIT_PERMS, ROUTE_FORM},
    {METHOD_POST, "/surveys/edit/%/pages/%/move", sedit_page_move,
	"sedit-page-move", SEDIT_PERMS, 0},
    {METHOD_POST, "/surveys/edit/%/pages/%/delete", sedit_page_delete,
	"sedit-page-delete", SEDIT_PERMS, 0},
    {METHOD_GET, "/surveys/edit/%/pages/%/questions/new", sedit_question_new,
	"sedit-question-new", SEDIT_PERMS, ROUTE_FORM},
    {METHOD_POST, "/surveys/edit/%/pages/%/questions/new",
	sedit_question_create, "sedit-question-new", SEDIT_PERMS, ROUTE_FORM},
    {METHOD_GET, "/surveys/edit/%/questions/%", sedit_question,
	"sedit-question", SEDIT_PERMS, ROUTE_FORM},
    {METHOD_POST, "/surveys/edit/%/questions/%", sedit_question_save,
	"sedit-question", SEDIT_PERMS, ROUTE_FORM},
    {METHOD_POST, "/surveys/edit/%/questions/%/move", sedit_question_move,
	"sedit-question-move", SEDIT_PERMS, 0},
    {METHOD_POST, "/surveys/edit/%/questions/%/delete", sedit_question_delete,
	"sedit-question-delete", SEDIT_PERMS, 0},
    {METHOD_GET, "/surveys/edit/%/publish", sedit_publish_form, "sedit-publish",
	SEDIT_PERMS, ROUTE_FORM},
    {METHOD_POST, "/surveys/edit/%/publish", sedit_publish, "sedit-publish",
	SEDIT_PERMS, ROUTE_FORM},
    {METHOD_POST, "/surveys/edit/%/close", sedit_close, "sedit-close",
	SEDIT_PERMS, 0},
    {METHOD_GET, "/surveys/edit/%/copy", sedit_copy_form, "sedit-copy",
	SEDIT_PERMS, ROUTE_FORM},
    {METHOD_POST, "/surveys/edit/%/copy", sedit_copy, "sedit-copy", SEDIT_PERMS,
	ROUTE_FORM},
    {METHOD_POST, "/surveys/edit/%/results", sedit_results, "sedit-results",
	SEDIT_PERMS, 0},
    {METHOD_GET, "/surveys/edit/%/definition", sedit_definition_form,
	"sedit-definition", SEDIT_PERMS, ROUTE_FORM},
    {METHOD_POST, "/surveys/edit/%/definition", sedit_definition,
	"sedit-definition", SEDIT_PERMS, ROUTE_FORM},
    {METHOD_GET, "/surveys/edit/%/definition.xml", sedit_definition_xml,
	"sedit-definition-xml", SEDIT_PERMS, ROUTE_STREAM},
    {METHOD_GET, "/surveys/edit/%/preview", sedit_preview, "sedit-preview",
	SEDIT_PERMS, 0},
    {METHOD_GET, "/surveys/edit/%/responses.csv", sexport_responses,
	"sedit-responses-csv", SEDIT_PERMS, ROUTE_STREAM},
    {METHOD_GET, "/surveys/edit/%/aggregates.csv", sexport_aggregates,
	"sedit-aggregates-csv", SEDIT_PERMS, ROUTE_STREAM},
    {METHOD_GET, "/surveys/edit/%/responses.sps", sexport_spss,
	"sedit-responses-sps", SEDIT_PERMS, ROUTE_STREAM},
    /* end of editor */
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
    {METHOD_GET, "/surveys/*/saved", answer_saved, "survey.saved", PERM_ANY,
	ROUTE_FORM},
    {METHOD_POST, "/surveys/*/saved", answer_code_new, "survey.saved", PERM_ANY,
	0},
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
