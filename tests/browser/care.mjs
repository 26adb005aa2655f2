// SPDX-License-Identifier: ISC
// care.mjs: a provider's care pages in Chromium (issue 12, Browser).
// With JavaScript off and the keyboard alone (Tab, typing, the arrow
// keys in a list, Enter; no mouse): the provider fills last month's grid
// for its users, a wrong cell brings the grid back (422) with its error
// beside it and every value as typed, the cell is corrected and the
// month saved, then closed through its confirmation page, after which
// the grid has no field any more; a former user's enrolment in a service
// whose places are all taken is refused (409), the page saying how many
// places there are and keeping what was typed.  With JavaScript on only
// for axe-core, the organisations (list and page), the enrolments (list,
// form, refused form) and the deliveries (month index, grid, grid with a
// wrong cell, the closing's confirmation, a closed grid) have no WCAG
// 2.1 A/AA violations in sr-Cyrl, sr-Latn, bs and en.  A plain Node
// script like pages.mjs; prints TAP version 13.
//
//   KARIKA_BUILD=build/check tests/integration/run --exec node tests/browser/care.mjs
//
// Environment: KARIKA_URL, KARIKA_STATE (the stack: the test makes its
// own provider, account and users with scripts/stack sql, so that the
// demo providers' months and places stay as the other tests expect),
// KARIKA_SHOTS, KARIKA_DEMO_PASSWORD, CHROMIUM.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
	LOCALES, Fail, test, withPage, url, snippet, goto, screenshot, axeProblems, run,
} from './lib/karika.mjs';

const STACK = fileURLToPath(new URL('../../scripts/stack', import.meta.url));
const DEMO_PASSWORD = process.env.KARIKA_DEMO_PASSWORD || 'karika-demo-2026';
const stamp = String(Date.now() % 1e8);
const EMAIL = `care-${stamp}@example.org`;

// ------------------------------------------------------------ helpers

function sql(statement) {
	const r = spawnSync(STACK, ['sql', 'karika'], { input: statement, encoding: 'utf8', env: process.env });
	if (r.status !== 0) throw new Fail(`scripts/stack sql failed (${r.status}): ${snippet(r.stderr || '', 300)}`);
	return r.stdout.trim();
}

// The month (YYYY-MM) n months before this one (UTC, as the worker).
function monthBefore(n) {
	const d = new Date();
	const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1));
	return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
}
const LAST = monthBefore(1);	// filled and closed by keyboard
const THIS = monthBefore(0);	// left open for the pages' checks
const today = new Date().toISOString().slice(0, 10);

// A provider of the demo town with one staff account and three people:
// Ana and Boris enrolled in the companion service (which has exactly
// their two places this year), Vera a former user (an ended enrolment).
let fx = null;
function fixture() {
	if (fx) return fx;
	const year = today.slice(0, 4);
	sql(`
SET @m = (SELECT id FROM municipality WHERE code = 'novi-pazar');
SET @svc = (SELECT id FROM service WHERE municipality_id = @m AND code = 'companion');
SET @fam = (SELECT id FROM service WHERE municipality_id = @m AND code = 'family-support');
INSERT INTO organisation (municipality_id, name, kind, category) VALUES (@m, 'Pratnja ${stamp}', 'association', 'provider');
SET @o = LAST_INSERT_ID();
INSERT INTO licence (organisation_id, service_id, number, valid_from, valid_to, capacity)
    VALUES (@o, @svc, 'CARE-${stamp}', '2020-01-01', '2030-12-31', 0);
INSERT INTO capacity (organisation_id, service_id, year, places) VALUES (@o, @svc, ${year}, 2);
INSERT INTO account (email, name, password_hash, status)
    SELECT '${EMAIL}', 'Care ${stamp}', password_hash, 'active' FROM account WHERE email = 'provider1@example.org';
INSERT INTO account_role (account_id, role, municipality_id, organisation_id)
    SELECT id, 'provider', @m, @o FROM account WHERE email = '${EMAIL}';
INSERT INTO person (municipality_id, given_name, family_name, name_key, family_key) VALUES
    (@m, 'Ana', 'Negovan${stamp}', 'ana negovan${stamp}', 'negovan${stamp}'),
    (@m, 'Boris', 'Negovan${stamp}', 'boris negovan${stamp}', 'negovan${stamp}'),
    (@m, 'Vera', 'Negovan${stamp}', 'vera negovan${stamp}', 'negovan${stamp}');
INSERT INTO enrolment (person_id, service_id, organisation_id, start_date)
    SELECT id, @svc, @o, '2025-01-01' FROM person WHERE family_key = 'negovan${stamp}' AND given_name IN ('Ana', 'Boris');
INSERT INTO enrolment (person_id, service_id, organisation_id, start_date, end_date, end_reason_id)
    SELECT id, @fam, @o, '2024-01-01', '2024-06-30', 1 FROM person WHERE family_key = 'negovan${stamp}' AND given_name = 'Vera';
`);
	const ids = sql(`SELECT o.id, (SELECT e.id FROM enrolment e JOIN person p ON p.id = e.person_id WHERE e.organisation_id = o.id AND p.given_name = 'Ana'),
    (SELECT e.id FROM enrolment e JOIN person p ON p.id = e.person_id WHERE e.organisation_id = o.id AND p.given_name = 'Boris'),
    (SELECT p.id FROM person p WHERE p.family_key = 'negovan${stamp}' AND p.given_name = 'Vera'),
    (SELECT id FROM service WHERE code = 'companion' AND municipality_id = o.municipality_id)
    FROM organisation o WHERE o.name = 'Pratnja ${stamp}';`).split('\t');
	fx = { org: ids[0], ana: ids[1], boris: ids[2], vera: ids[3], svc: ids[4] };
	return fx;
}

async function signIn(page) {
	const problems = [];
	await goto(page, url('/account/login', 'en'), 200, problems);
	const form = page.locator('main form[action="/account/login"]');
	await form.locator('input[name="email"]').fill(EMAIL);
	await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
	const [res] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/account/login'),
		form.locator('button[type="submit"]').click(),
	]);
	await page.waitForLoadState('load');
	if (res.status() !== 303) throw new Fail([...problems, `signing in as ${EMAIL} answered ${res.status()}`]);
}

// ------------------------------------------------------------ keyboard

// What has the focus: { tag, type, name, value, text, href }.
const focused = (page) => page.evaluate(() => {
	const a = document.activeElement;
	if (!a || a === document.body) return { tag: 'body' };
	return {
		tag: a.tagName.toLowerCase(), type: a.type || '', name: a.name || '', value: a.value || '',
		text: (a.textContent || '').trim().slice(0, 60), href: a.getAttribute('href') || '',
	};
});

// Presses Tab until the focus is on what want() accepts.
async function tabTo(page, what, want, most = 120) {
	for (let i = 0; i < most; i++) {
		await page.keyboard.press('Tab');
		if (want(await focused(page))) return;
	}
	throw new Fail(`Tab did not reach ${what} in ${most} presses (focus: ${JSON.stringify(await focused(page))})`);
}

// Types into a text field reached by Tab, over what it held.
async function typeInto(page, name, text) {
	await tabTo(page, `the field ${name}`, (f) => f.tag === 'input' && f.name === name);
	await page.keyboard.press('Control+A');
	await page.keyboard.type(text);
}

// Enter on what has the focus; the status of the page that follows a
// POST (the 303's or the form's own).
async function enter(page, post) {
	const res = page.waitForResponse((r) => r.request().isNavigationRequest()
		&& r.request().frame() === page.mainFrame() && (!post || r.request().method() === 'POST'));
	const loaded = page.waitForEvent('load');
	await page.keyboard.press('Enter');
	const r = await res;
	await loaded;
	return r.status();
}

const cellValue = (page, id) => page.locator(`main input[name="u${id}"]`).inputValue();

// ---------------------------------------------------------------- tests

test(`with JavaScript off, the keyboard alone fills ${LAST}'s grid, a wrong cell is said beside it with every value kept, corrected, saved, and the month closed after its confirmation`, async () => {
	const f = fixture();
	await withPage(false, async (page) => {
		const problems = [];
		await signIn(page);
		await goto(page, url(`/registry/deliveries/${LAST}`, 'en'), 200, problems);
		if (await page.locator('main input[name^="u"]').count() !== 2) problems.push('the grid does not have a cell for each of the two users');
		await page.locator('main').focus();
		await typeInto(page, `u${f.ana}`, '12');
		await typeInto(page, `u${f.boris}`, 'dvanaest');
		await tabTo(page, 'Save the month', (x) => x.tag === 'button' && /Save the month/.test(x.text));
		let st = await enter(page, true);
		if (st !== 422) problems.push(`a cell that is no number answered ${st}, expected 422`);
		const cell = page.locator(`main input[name="u${f.boris}"]`);
		if (await cell.getAttribute('aria-invalid') !== 'true') problems.push('the wrong cell is not marked aria-invalid');
		const err = await page.locator(`main #e${f.boris}`).innerText().catch(() => '');
		if (!err) problems.push('no error beside the wrong cell');
		if (await cell.getAttribute('aria-describedby') !== `e${f.boris}`) problems.push('the wrong cell is not described by its error');
		if (await cellValue(page, f.boris) !== 'dvanaest') problems.push('the wrong value was not kept');
		if (await cellValue(page, f.ana) !== '12') problems.push('the other cell was not kept');
		if (!(await page.locator('main [role="alert"]').count())) problems.push('no error summary (role=alert)');
		if (sql(`SELECT COUNT(*) FROM delivery WHERE enrolment_id IN (${f.ana}, ${f.boris})`) !== '0') problems.push('something was saved');
		await screenshot(page, `care-grid-error.en.png`, problems);

		// The summary's link leads to the cell; the cell is corrected.
		await page.locator('main').focus();
		await tabTo(page, 'the link to the wrong cell', (x) => x.tag === 'a' && x.href === `#u${f.boris}`);
		await page.keyboard.press('Enter');
		const at = await focused(page);
		if (at.name !== `u${f.boris}`) problems.push(`the summary's link put the focus on ${JSON.stringify(at)}`);
		await page.keyboard.press('Control+A');
		await page.keyboard.type('7,5');
		await page.locator('main').focus();
		await tabTo(page, 'Save the month', (x) => x.tag === 'button' && /Save the month/.test(x.text));
		st = await enter(page, true);
		if (st !== 303) problems.push(`the corrected grid answered ${st}, expected 303`);
		if (!(await page.locator('main [role="status"]').count())) problems.push('no notice that the month was saved');
		const saved = sql(`SELECT GROUP_CONCAT(units ORDER BY enrolment_id) FROM delivery WHERE enrolment_id IN (${f.ana}, ${f.boris}) AND month = '${LAST}-01'`);
		if (saved !== (Number(f.ana) < Number(f.boris) ? '12.00,7.50' : '7.50,12.00')) problems.push(`stored ${saved}`);

		// Closing: the link, the confirmation, the button.
		await page.locator('main').focus();
		await tabTo(page, 'Close the month', (x) => x.tag === 'a' && /\/close$/.test(x.href));
		st = await enter(page, false);
		if (st !== 200) problems.push(`the confirmation answered ${st}`);
		if (!/can no longer be corrected/.test(await page.locator('main').innerText())) problems.push('the confirmation does not say what closing means');
		await screenshot(page, `care-close.en.png`, problems);
		await page.locator('main').focus();
		await tabTo(page, 'Yes, close the month', (x) => x.tag === 'button' && /close the month/i.test(x.text));
		st = await enter(page, true);
		if (st !== 303) problems.push(`closing answered ${st}, expected 303`);
		if (await page.locator('main input[name^="u"]').count() !== 0) problems.push('the closed grid still has fields');
		if (sql(`SELECT COUNT(*) FROM month_close WHERE organisation_id = ${f.org} AND month = '${LAST}-01'`) !== '1') problems.push('the month is not closed');
		if (problems.length) throw new Fail(problems);
	});
});

test('with JavaScript off, the keyboard alone enrols a former user in a full service and is refused, told how many places there are, with what was typed kept', async () => {
	const f = fixture();
	await withPage(false, async (page) => {
		const problems = [];
		await signIn(page);
		await goto(page, url(`/registry/enrolments/new?person=${f.vera}&lang=en`), 200, problems);
		if (problems.length) throw new Fail(problems);
		await page.locator('main').focus();
		await tabTo(page, 'the list of services', (x) => x.tag === 'select' && x.name === 'service');
		for (let i = 0; i < 30 && (await focused(page)).value !== f.svc; i++) await page.keyboard.press('ArrowDown');
		if ((await focused(page)).value !== f.svc) problems.push('the arrow keys did not reach the companion service');
		await typeInto(page, 'referral_number', `553-${stamp}`);
		await typeInto(page, 'referral_date', today);
		await typeInto(page, 'start', today);
		await tabTo(page, 'Enrol', (x) => x.tag === 'button' && /^Enrol$/.test(x.text));
		const st = await enter(page, true);
		if (st !== 409) problems.push(`enrolling beyond the places answered ${st}, expected 409`);
		const text = await page.locator('main').innerText();
		if (!/has 2 places for this service in \d{4}, and 2 are taken/.test(text)) problems.push(`the page does not say the places: ${snippet(text.replace(/\s+/g, ' '), 300)}`);
		if (await page.locator('main input[name="referral_number"]').inputValue() !== `553-${stamp}`) problems.push('the referral number was not kept');
		if (await page.locator('main select[name="service"]').inputValue() !== f.svc) problems.push('the service chosen was not kept');
		if (sql(`SELECT COUNT(*) FROM enrolment WHERE person_id = ${f.vera} AND service_id = ${f.svc}`) !== '0') problems.push('the enrolment was stored');
		await screenshot(page, 'care-enrol-refused.en.png', problems);
		if (problems.length) throw new Fail(problems);
	});
});

// The pages, in each locale, with axe-core (JavaScript on only to run it).
for (const lang of LOCALES) {
	test(`the organisations, enrolments and deliveries pages are axe-clean (${lang})`, async () => {
		const f = fixture();
		const problems = [];
		const check = async (page, name) => {
			const before = problems.length;
			await axeProblems(page, problems);
			if (problems.length > before) problems.splice(before, 0, `on ${name}:`);
			await screenshot(page, `care-${name}.${lang}.png`, problems);
		};
		await withPage(true, async (page) => {
			await signIn(page);
			const pages = [
				['organisations', '/registry/organisations'],
				['organisation', `/registry/organisations/${f.org}`],
				['enrolments', '/registry/enrolments'],
				['enrol', `/registry/enrolments/new?person=${f.vera}`],
				['months', '/registry/deliveries'],
				['grid', `/registry/deliveries/${THIS}`],
				['close', `/registry/deliveries/${THIS}/close`],
				['grid-closed', `/registry/deliveries/${LAST}`],
			];
			for (const [name, path] of pages) {
				await goto(page, url(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`), 200, problems);
				await check(page, name);
			}
			// The grid with a wrong cell, and the refused enrolment.
			await goto(page, url(`/registry/deliveries/${THIS}?lang=${lang}`), 200, problems);
			await page.locator(`main input[name="u${f.ana}"]`).fill('x');
			const [res] = await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST' && r.request().frame() === page.mainFrame()),
				page.locator('main form[method="post"] button[type="submit"]').click(),
			]);
			await page.waitForLoadState('load');
			if (res.status() !== 422) problems.push(`the grid with a wrong cell answered ${res.status()}`);
			await check(page, 'grid-error');
			await goto(page, url(`/registry/enrolments/new?person=${f.vera}&lang=${lang}`), 200, problems);
			const form = page.locator('main form[method="post"]');
			await form.locator('select[name="service"]').selectOption(f.svc);
			await form.locator('input[name="start"]').fill(today);
			const [res2] = await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST' && r.request().frame() === page.mainFrame()),
				form.locator('button[type="submit"]').click(),
			]);
			await page.waitForLoadState('load');
			if (res2.status() !== 409) problems.push(`the refused enrolment answered ${res2.status()}`);
			await check(page, 'enrol-refused');
		});
		if (problems.length) throw new Fail(problems);
	});
}

run({ testTimeout: 180_000, runTimeout: 900_000, header: `a provider's care pages at ${url('/')}` });
