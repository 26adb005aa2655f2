// SPDX-License-Identifier: ISC
// survey-edit.mjs: the survey editor in a browser (issue 11).  With
// JavaScript off, the demo editor signs in and makes a small survey with
// the editor's forms: its metadata, a second page, a single-choice
// question with its options, a condition on the page; previews it (the
// respondents' own page, Next to the second page, another language);
// publishes it with local dates; the survey is then listed on /surveys/
// and the database holds the definition the forms made.  With
// JavaScript on only to run axe-core, every editor page (the list, a new
// survey, the survey's page, its metadata, a page, a new page, a
// question, a new question, publishing, the next round's copy, the XML
// upload, a refused form and the preview) has no WCAG 2.1 A/AA
// violations in sr-Cyrl, sr-Latn, bs and en.  A plain Node script like
// persons.mjs; prints TAP version 13.
//
//   KARIKA_BUILD=build/check tests/integration/run --exec node tests/browser/survey-edit.mjs
//
// Environment: KARIKA_URL, KARIKA_STATE (the stack's state directory: the
// stored definition is read with scripts/stack sql), KARIKA_SHOTS,
// KARIKA_DEMO_PASSWORD, CHROMIUM.  Each run adds a survey whose code is
// made unique by the time.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
	LOCALES, Fail, test, withPage, url, snippet, goto, screenshot, axeProblems, run,
} from './lib/karika.mjs';

const STACK = fileURLToPath(new URL('../../scripts/stack', import.meta.url));
const DEMO_PASSWORD = process.env.KARIKA_DEMO_PASSWORD || 'karika-demo-2026';
const EDITOR = 'editor@example.org';
const SLUG = `br${String(Date.now() % 1e8)}`;
const TITLE = `Probna anketa ${SLUG}`;

let surveyPath = null;   // /surveys/edit/N once created

function sql(statement) {
	const r = spawnSync(STACK, ['sql', 'karika'], { input: statement, encoding: 'utf8', env: process.env });
	if (r.status !== 0) throw new Fail(`scripts/stack sql failed (${r.status}): ${(r.stderr || '').slice(0, 300)}`);
	return r.stdout.trim();
}

// Sends form by its first submit button and waits for the POST's answer
// and the page after it (the 303's target, or the form again).
async function submitForm(page, form, action) {
	const [res] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'
			&& new URL(r.url()).pathname === action && r.request().frame() === page.mainFrame()),
		form.locator('button[type="submit"]').first().click(),
	]);
	await page.waitForLoadState('load');
	return res;
}

async function signIn(page) {
	const problems = [];
	await goto(page, url('/account/login', 'en'), 200, problems);
	const form = page.locator('main form[action="/account/login"]');
	await form.locator('input[name="email"]').fill(EDITOR);
	await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
	const res = await submitForm(page, form, '/account/login');
	if (res.status() !== 303) throw new Fail(`signing in as ${EDITOR} answered ${res.status()}`);
}

// Fills fields ({ name: value }; true ticks a box, { select } chooses)
// of the editor's form at path, sends it and expects status; the errors
// shown otherwise become the failure.
async function fillAndSend(page, path, fields, status = 303) {
	const problems = [];
	await goto(page, url(path, 'en'), 200, problems);
	const form = page.locator(`main form[method="post"][action="${path}"]`).first();
	if (!(await form.count())) throw new Fail(`${path}: no form posting to itself`);
	for (const [name, value] of Object.entries(fields)) {
		const field = form.locator(`[name="${name}"]`);
		if (value === true) await field.check();
		else if (typeof value === 'object') await field.selectOption(value.select);
		else await field.fill(String(value));
	}
	const res = await submitForm(page, form, path);
	if (res.status() !== status) {
		const errors = await page.locator('main .error, main [role="alert"]').allInnerTexts();
		throw new Fail([`${path} answered ${res.status()}, expected ${status}`, ...errors.map((e) => snippet(e, 200)), ...problems]);
	}
	if (problems.length) throw new Fail(problems);
}

test('an editor makes a survey with the forms, previews and publishes it, JavaScript off', async () => {
	await withPage(false, async (page) => {
		const problems = [];
		await signIn(page);
		await goto(page, url('/surveys/edit/', 'en'), 200, problems);
		await page.locator('main a[href="/surveys/edit/new"]').click();
		await page.waitForLoadState('load');

		// The metadata, with the first page's first question.
		await fillAndSend(page, '/surveys/edit/new', {
			slug: SLUG, title: TITLE, title_en: `Trial survey ${SLUG}`,
			purpose: 'Da probamo uređivač.', purpose_en: 'To try the editor.',
			minutes: '3', first: 'Koliko vam je godina?',
		});
		const at = new URL(page.url());
		if (!/^\/surveys\/edit\/\d+$/.test(at.pathname)) throw new Fail(`a new survey ended at ${page.url()}`);
		surveyPath = at.pathname;

		// A single-choice question with its options on page 1.
		await fillAndSend(page, `${surveyPath}/pages/1/questions/new`, {
			code: 'transport', type: { select: 'single' }, required: true,
			text: 'Kako dolazite do centra?', text_en: 'How do you get to the centre?',
			options: 'bus = Autobusom\nwalk = Peške\ncar = Autom',
			options_en: 'bus = By bus\nwalk = On foot\ncar = By car',
		});
		// A second page, shown only to those who come by bus.
		await fillAndSend(page, `${surveyPath}/pages/new`, {
			code: 'bus', title: 'Autobus', title_en: 'The bus',
			conditions: 'transport equals bus', first: 'Koja linija vam fali?',
		});
		// The outline shows both pages and the question.
		await goto(page, url(surveyPath, 'en'), 200, problems);
		for (const id of ['page-p1', 'page-bus', 'question-transport']) {
			if (!(await page.locator(`main #${id}`).count())) problems.push(`the outline lacks #${id}`);
		}

		// The preview: the respondents' page; Next; another language.
		await page.locator(`main a[href="${surveyPath}/preview?page=1&lang=en"]`).click();
		await page.waitForLoadState('load');
		const form = page.locator('main form.questions');
		if ((await form.getAttribute('method')) !== 'get') problems.push('the preview form is not a GET');
		if (await form.locator('input[name="csrf"]').count()) problems.push('the preview form carries a form token');
		if (!(await form.locator('fieldset#f-q\\.transport input[type="radio"][value="bus"]').count())) {
			problems.push('the preview does not show the choice as radio buttons');
		}
		const legend = await form.locator('fieldset#f-q\\.transport legend').innerText();
		if (!legend.startsWith('How do you get to the centre?')) problems.push(`the question reads ${JSON.stringify(legend)}`);
		const before = sql(`SELECT COUNT(*) FROM survey_response r JOIN survey s ON s.id = r.survey_id WHERE s.code = '${SLUG}';`);
		await form.locator('input[value="bus"]').check();
		await form.locator('button[name="page"][value="2"]').click();
		await page.waitForLoadState('load');
		if (!/[?&]page=2(&|$)/.test(page.url())) problems.push(`Next led to ${page.url()}`);
		const h1 = await page.locator('main h1').innerText();
		if (h1 !== 'The bus') problems.push(`page 2's heading is ${JSON.stringify(h1)}`);
		await screenshot(page, 'survey-edit-preview.en.png', problems);
		await page.locator(`main a[hreflang="sr-Cyrl"][href*="/preview?page=2"]`).click();
		await page.waitForLoadState('load');
		if ((await page.locator('html').getAttribute('lang')) !== 'sr-Cyrl') problems.push('the preview did not switch to sr-Cyrl');
		const h1c = await page.locator('main h1').innerText();
		if (h1c !== 'Аутобус') problems.push(`in sr-Cyrl page 2's heading is ${JSON.stringify(h1c)}`);
		const after = sql(`SELECT COUNT(*) FROM survey_response r JOIN survey s ON s.id = r.survey_id WHERE s.code = '${SLUG}';`);
		if (after !== before) problems.push('the preview stored a response');

		// Publish with local dates; the survey is then listed.
		await fillAndSend(page, `${surveyPath}/publish`, { opens: '2020-01-01 08:00', closes: '2099-12-31 20:00' });
		const row = sql(`SELECT status, opens_at, definition LIKE '%<show-if question="transport" equals="bus"/>%' FROM survey WHERE code = '${SLUG}';`);
		if (row !== 'published\t2020-01-01 07:00:00\t1') problems.push(`the stored survey is ${JSON.stringify(row)}`);
		await goto(page, url('/surveys/', 'sr-Latn'), 200, problems);
		if (!(await page.locator(`main a[href="/surveys/${SLUG}/"]`).count())) problems.push('the published survey is not listed');
		if (problems.length) throw new Fail(problems);
	});
});

// Every editor page, in each locale, with axe-core (JavaScript on only to
// run it).
for (const lang of LOCALES) {
	test(`the editor's pages are axe-clean (${lang})`, async () => {
		if (!surveyPath) throw new Fail('no survey was made');
		const problems = [];
		await withPage(true, async (page) => {
			await signIn(page);
			const pages = [
				['list', '/surveys/edit/'],
				['new', '/surveys/edit/new'],
				['show', surveyPath],
				['meta', `${surveyPath}/meta`],
				['page', `${surveyPath}/pages/2`],
				['page-new', `${surveyPath}/pages/new`],
				['question', `${surveyPath}/questions/2`],
				['question-new', `${surveyPath}/pages/1/questions/new`],
				['publish', `${surveyPath}/publish`],
				['copy', `${surveyPath}/copy`],
				['definition', `${surveyPath}/definition`],
				['preview', `${surveyPath}/preview?page=1`],
				['preview-2', `${surveyPath}/preview?page=2`],
			];
			for (const [name, path] of pages) {
				await goto(page, url(path + (path.includes('?') ? '&' : '?') + `lang=${lang}`), 200, problems);
				const before = problems.length;
				await axeProblems(page, problems);
				if (problems.length > before) {
					problems.splice(before, 0, `on ${path}:`);
					await screenshot(page, `survey-edit-${name}.${lang}.png`, problems);
				}
			}
			// A refused form: its error summary and marked fields.
			await goto(page, url(`${surveyPath}/pages/1/questions/new?lang=${lang}`), 200, problems);
			const form = page.locator(`main form[method="post"][action="${surveyPath}/pages/1/questions/new"]`);
			await form.locator('[name="code"]').fill('Bad Code');
			await form.locator('[name="text"]').fill('');
			const res = await submitForm(page, form, `${surveyPath}/pages/1/questions/new`);
			if (res.status() !== 422) problems.push(`a wrong question answered ${res.status()}, expected 422`);
			const before = problems.length;
			await axeProblems(page, problems);
			if (problems.length > before) problems.splice(before, 0, 'on the refused form:');
			await screenshot(page, `survey-edit-refused.${lang}.png`, problems);
		});
		if (problems.length) throw new Fail(problems);
	});
}

run({ testTimeout: 180_000, runTimeout: 900_000, header: `the survey editor at ${url('/')}` });
