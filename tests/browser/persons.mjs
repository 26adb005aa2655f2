// SPDX-License-Identifier: ISC
// persons.mjs: the provider's main flow through the register of people
// (issue 12) in Chromium with JavaScript off: sign in, add a person with
// the first enrolment, find them again typing the name in the other
// script, open the record, import a caseload CSV (preview, then import),
// and download the caseload; then every page of the flow (the list, the
// empty and the refused form, the record as the CSW sees it with its
// access history, the upload and the preview) is axe-core clean (WCAG
// 2.1 A/AA) in all four locales.  A plain Node script like pages.mjs;
// prints TAP version 13.
//
//   KARIKA_BUILD=build/check tests/integration/run --exec node tests/browser/persons.mjs
//
// Environment: KARIKA_URL, KARIKA_SHOTS, KARIKA_DEMO_PASSWORD, CHROMIUM.
// Each run adds a few people with names made unique by the time.

import {
	LOCALES, Fail, test, withPage, url, snippet, goto, screenshot, axeProblems, run,
} from './lib/karika.mjs';

const DEMO_PASSWORD = process.env.KARIKA_DEMO_PASSWORD || 'karika-demo-2026';
const PROVIDER = 'provider1@example.org';
const CSW = 'csw@example.org';
const stamp = String(Date.now() % 1e8);
// The person, typed in Cyrillic; found again by the Latin spelling.
const GIVEN = `Вукашин${stamp}`;
const FAMILY = 'Ђорђевић';
const LATIN = `Vukasin${stamp} Djordjevic`;

let personPath = null;   // /registry/persons/N once added

async function submitForm(page, form, action) {
	const [res] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'
			&& new URL(r.url()).pathname === action && r.request().frame() === page.mainFrame()),
		form.locator('button[type="submit"]').click(),
	]);
	await page.waitForLoadState('load');
	return res;
}

async function signIn(page, email) {
	const problems = [];
	await goto(page, url('/account/login', 'en'), 200, problems);
	const form = page.locator('main form[action="/account/login"]');
	await form.locator('input[name="email"]').fill(email);
	await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
	const res = await submitForm(page, form, '/account/login');
	if (res.status() !== 303) throw new Fail(`signing in as ${email} answered ${res.status()}`);
}

test('the provider adds a person with the first enrolment, JavaScript off', async () => {
	await withPage(false, async (page) => {
		const problems = [];
		await signIn(page, PROVIDER);
		await goto(page, url('/registry/persons/new', 'en'), 200, problems);
		const form = page.locator('main form[method="post"][action="/registry/persons/new"]');
		await form.locator('input[name="given"]').fill(GIVEN);
		await form.locator('input[name="family"]').fill(FAMILY);
		await form.locator('input[name="birth"]').fill('14. 3. 2016.');
		await form.locator('select[name="sex"]').selectOption('male');
		await form.locator('select[name="settlement"]').selectOption({ label: 'Deževa' });
		await form.locator('input[name="need-autism"]').check();
		await form.locator('select[name="service"]').selectOption({ index: 1 });
		await form.locator('input[name="start"]').fill('2025-05-05');
		const res = await submitForm(page, form, '/registry/persons/new');
		if (res.status() !== 303) {
			const errors = await page.locator('main .error, main [role="alert"]').allInnerTexts();
			throw new Fail([`saving answered ${res.status()}, expected 303`, ...errors.map((e) => snippet(e, 200))]);
		}
		const at = new URL(page.url());
		if (!/^\/registry\/persons\/\d+$/.test(at.pathname)) problems.push(`ended at ${page.url()}, expected the record`);
		personPath = at.pathname;
		const heading = await page.locator('main h1').innerText();
		if (heading !== `${GIVEN} ${FAMILY}`) problems.push(`the record's heading is ${JSON.stringify(heading)}`);
		if (!(await page.locator('main [role="status"]').count())) problems.push('no notice that the person was added');
		await screenshot(page, 'persons-record.en.png', problems);
		if (problems.length) throw new Fail(problems);
	});
});

test('the provider finds the person by the other script, imports a CSV and downloads the caseload', async () => {
	if (!personPath) throw new Fail('no person was added');
	await withPage(false, async (page) => {
		const problems = [];
		await signIn(page, PROVIDER);
		await goto(page, url('/registry/persons', 'en'), 200, problems);
		const search = page.locator('main form[action="/registry/persons"]');
		await search.locator('input[name="q"]').fill(LATIN);
		await search.locator('button[type="submit"]').click();
		await page.waitForLoadState('load');
		const link = page.locator(`main table a[href="${personPath}"]`);
		if (!(await link.count())) problems.push(`searching "${LATIN}" did not find ${personPath}`);
		else {
			await link.first().click();
			await page.waitForLoadState('load');
			if (new URL(page.url()).pathname !== personPath) problems.push(`the result's link led to ${page.url()}`);
		}

		await goto(page, url('/registry/persons/import', 'en'), 200, problems);
		const csv = 'given_name;family_name;birth_date;sex;service;start_date\r\n'
			+ `Мила${stamp};Петровић;2017-06-01;ž;day-care;2025-05-06\r\n`
			+ `Bad${stamp};Row;2017-02-30;;day-care;2025-05-06\r\n`;
		const upload = page.locator('main form[action="/registry/persons/import"]');
		await upload.locator('input[type="file"][name="file"]').setInputFiles({
			name: 'caseload.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8'),
		});
		let res = await submitForm(page, upload, '/registry/persons/import');
		if (res.status() !== 200) problems.push(`the preview answered ${res.status()}`);
		const rows = await page.locator('main table tbody tr').count();
		if (rows !== 2) problems.push(`the preview shows ${rows} rows, expected 2`);
		await screenshot(page, 'persons-import-preview.en.png', problems);
		const confirm = page.locator('main form[action="/registry/persons/import/confirm"]');
		if (!(await confirm.count())) throw new Fail([...problems, 'the preview offers no import']);
		res = await submitForm(page, confirm, '/registry/persons/import/confirm');
		if (res.status() !== 303) problems.push(`the import answered ${res.status()}, expected 303`);
		if (new URL(page.url()).pathname !== '/registry/persons') problems.push(`the import ended at ${page.url()}`);
		if (!(await page.locator('main [role="status"]').count())) problems.push('no notice after the import');

		const dl = await page.request.get(url('/registry/persons.csv'));
		if (dl.status() !== 200) problems.push(`the caseload download answered ${dl.status()}`);
		const body = (await dl.body()).toString('utf8');
		if (!body.includes(GIVEN)) problems.push('the caseload CSV lacks the person added');
		if (!body.includes(`Мила${stamp}`)) problems.push('the caseload CSV lacks the person imported');
		if (!/attachment/.test(dl.headers()['content-disposition'] || '')) problems.push('the CSV is not an attachment');
		if (problems.length) throw new Fail(problems);
	});
});

// Every page of the flow, in each locale, with axe-core (JavaScript on
// only to run it).
for (const lang of LOCALES) {
	test(`the people's pages are axe-clean (${lang})`, async () => {
		if (!personPath) throw new Fail('no person was added');
		const problems = [];
		await withPage(true, async (page) => {
			await signIn(page, PROVIDER);
			const pages = [
				['list', `/registry/persons?lang=${lang}&q=${encodeURIComponent(FAMILY)}`, 200],
				['new', `/registry/persons/new?lang=${lang}`, 200],
				['edit', `${personPath}/edit?lang=${lang}`, 200],
				['import', `/registry/persons/import?lang=${lang}`, 200],
			];
			for (const [name, path, status] of pages) {
				await goto(page, url(path), status, problems);
				await screenshot(page, `persons-${name}.${lang}.png`, problems);
				const before = problems.length;
				await axeProblems(page, problems);
				if (problems.length > before) problems.splice(before, 0, `on ${path}:`);
			}
			// The form refused: its error summary and marked fields.
			await goto(page, url(`/registry/persons/new?lang=${lang}`), 200, problems);
			const form = page.locator('main form[method="post"][action="/registry/persons/new"]');
			await form.locator('input[name="jmbg"]').fill('1234567890123');
			const res = await submitForm(page, form, '/registry/persons/new');
			if (res.status() !== 422) problems.push(`an empty form answered ${res.status()}, expected 422`);
			const before = problems.length;
			await axeProblems(page, problems);
			if (problems.length > before) problems.splice(before, 0, 'on the refused form:');
			await screenshot(page, `persons-new-errors.${lang}.png`, problems);
		});
		await withPage(true, async (page) => {
			await signIn(page, CSW);
			await goto(page, url(`${personPath}?lang=${lang}`), 200, problems);
			if (!(await page.locator('main section[aria-labelledby="hist-h"] table tbody tr').count())) problems.push('the CSW sees no access history');
			const before = problems.length;
			await axeProblems(page, problems);
			if (problems.length > before) problems.splice(before, 0, "on the CSW's record:");
			await screenshot(page, `persons-record-csw.${lang}.png`, problems);
		});
		if (problems.length) throw new Fail(problems);
	});
}

run({ testTimeout: 120_000, runTimeout: 900_000, header: `people of the register at ${url('/')}` });
