// SPDX-License-Identifier: ISC
// cases.mjs: the case worker's main flow (issue 15) in a browser with
// JavaScript off, as the worker meets it: find the person, open a case,
// record the assessment, add a goal and an activity with a partner and a
// deadline, refer the person to a partner with two fields of the packet
// ticked; the database then holds the case, its goal, its activity and a
// referral with exactly those two fields.  With JavaScript on only for
// axe-core, the case pages (the worker's list, a case, its forms, the
// group activities, a new one, its changes and its participants, a
// session's attendance, the outcomes report), the
// administrator's and the provincial analyst's pages have no WCAG 2.1
// A/AA violations in sr-Cyrl, sr-Latn, bs and en.  A plain
// Node script like pages.mjs (headless Debian Chromium through
// playwright-core); prints TAP version 13.
//
//   KARIKA_BUILD=build/check tests/integration/run --exec node tests/browser/cases.mjs
//
// Environment: KARIKA_URL, KARIKA_STATE (the stack's state directory:
// the person is put in the register and the result read back with
// scripts/stack sql), KARIKA_SHOTS, KARIKA_DEMO_PASSWORD, CHROMIUM.  Each
// run adds one person with one case.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
	LOCALES, Fail, test, withPage, url, snippet, goto, screenshot, axeProblems, run,
} from './lib/karika.mjs';

const STACK = fileURLToPath(new URL('../../scripts/stack', import.meta.url));
const DEMO_PASSWORD = process.env.KARIKA_DEMO_PASSWORD || 'karika-demo-2026';
const CSW = 'csw@example.org';
const stamp = `${Date.now() % 1000000}${process.pid % 1000}`;
const FAMILY = `Kovač${stamp}`;

function sql(statement) {
	const r = spawnSync(STACK, ['sql'], { input: statement, encoding: 'utf8', env: process.env });
	if (r.status !== 0) throw new Fail(`scripts/stack sql failed (${r.status}): ${snippet(r.stderr || '', 300)}`);
	return r.stdout.trim().split('\n').pop();
}

async function submitForm(page, form) {
	const action = await form.getAttribute('action');
	const path = new URL(action, page.url()).pathname;
	const posted = page.waitForResponse((r) => r.request().method() === 'POST'
		&& new URL(r.url()).pathname === path && r.request().frame() === page.mainFrame());
	await form.locator('button[type="submit"]').click();
	const res = await posted;
	await page.waitForLoadState('load');
	return res;
}

// A POST that must answer 303; otherwise the page's errors say why.
async function mustSave(page, form, what) {
	const res = await submitForm(page, form);
	if (res.status() !== 303) {
		const errors = await page.locator('main [role="alert"], main .error').allInnerTexts();
		throw new Fail([`${what} answered ${res.status()}, expected 303`,
			...errors.map((t) => `  page says: ${t.trim().replace(/\s+/g, ' ')}`)]);
	}
}

async function signIn(page, email) {
	const problems = [];
	await goto(page, url('/account/login', 'en'), 200, problems);
	const form = page.locator('main form[action="/account/login"]');
	await form.locator('input[name="email"]').fill(email);
	await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
	const res = await submitForm(page, form);
	if (new URL(page.url()).pathname !== '/account/') {
		throw new Fail([...problems, `signing in as ${email} answered ${res.status()} and ended at ${page.url()}`]);
	}
}

// The value of the option of a <select> whose text contains words.
async function optionValue(select, words) {
	const v = await select.evaluate((s, w) => {
		const o = [...s.options].find((x) => x.textContent.includes(w));
		return o ? o.value : null;
	}, words);
	if (!v) throw new Fail(`no option with "${words}" in ${await select.getAttribute('name')}`);
	return v;
}

let caseId = null;

test('with JavaScript off, a case worker finds a person, opens a case, assesses it, adds a goal and an activity, and refers the person to a partner with two fields ticked', async () => {
	sql(`INSERT INTO karika.person (municipality_id, given_name, family_name, name_key, family_key, birth_date, sex, settlement_id, address, phone)
	    SELECT m.id, 'Jasmina', '${FAMILY}', 'jasmina kovac${stamp}', 'kovac${stamp}', '1986-05-04', 'female',
	    (SELECT id FROM karika.settlement WHERE municipality_id = m.id AND name = 'Trnava'), 'Trnava 12', '+381 64 555 0101'
	    FROM karika.municipality m WHERE m.code = 'novi-pazar';\n`);
	await withPage(false, async (page) => {
		const problems = [];
		await signIn(page, CSW);
		// Find the person and open a case.
		await goto(page, url(`/registry/cases?q=${encodeURIComponent('kovac' + stamp)}&lang=en`), 200, problems);
		const open = page.locator('main a[href^="/registry/cases/new?person="]');
		if ((await open.count()) !== 1) throw new Fail([...problems, `the search offers ${await open.count()} people to open a case for, expected 1`]);
		await open.click();
		await page.waitForLoadState('load');
		let form = page.locator('main form[method="post"]');
		await form.locator('input[name="opened"]').fill('2026-11-02');
		await form.locator('select[name="intake"]').selectOption('employment');
		await form.locator('input[name="ota"]').check();
		await mustSave(page, form, 'opening the case');
		const m = new URL(page.url()).pathname.match(/^\/registry\/cases\/(\d+)$/);
		if (!m) throw new Fail(`after opening the case the page is ${page.url()}`);
		caseId = m[1];
		await screenshot(page, 'cases-case.en.png', problems);
		// The assessment.
		await page.locator(`main a[href="/registry/cases/${caseId}/assessment"]`).first().click();
		await page.waitForLoadState('load');
		form = page.locator('main form[method="post"]');
		await form.locator('textarea[name="needs"], input[name="needs"]').fill('A steady job near home');
		await form.locator('textarea[name="strengths"], input[name="strengths"]').fill('Tailoring, ten years');
		await form.locator('input[name="b-transport"]').check();
		await form.locator('input[name="n-transport"]').fill('No bus from the village before 9');
		await mustSave(page, form, 'the assessment');
		// A goal.
		await page.locator(`main a[href="/registry/cases/${caseId}/goals/new"]`).first().click();
		await page.waitForLoadState('load');
		form = page.locator('main form[method="post"]');
		await form.locator('input[name="text"], textarea[name="text"]').fill('A permanent job within six months');
		await mustSave(page, form, 'the goal');
		// An activity with a partner and a deadline.
		await page.locator(`main a[href="/registry/cases/${caseId}/activities/new"]`).first().click();
		await page.waitForLoadState('load');
		form = page.locator('main form[method="post"]');
		const goal = form.locator('select[name="goal"]');
		await goal.selectOption(await optionValue(goal, 'permanent job'));
		await form.locator('input[name="text"], textarea[name="text"]').fill('Register with the employment service');
		const org = form.locator('select[name="organisation"]');
		await org.selectOption(await optionValue(org, 'Nacionalna služba'));
		await form.locator('input[name="due"]').fill('2026-12-15');
		await mustSave(page, form, 'the activity');
		// A referral with two fields of the packet ticked.
		await page.locator(`main a[href="/registry/cases/${caseId}/referrals/new"]`).first().click();
		await page.waitForLoadState('load');
		form = page.locator('main form[method="post"]');
		const partner = form.locator('select[name="organisation"]');
		await partner.selectOption(await optionValue(partner, 'Nacionalna služba'));
		await form.locator('input[name="request"], textarea[name="request"]').fill('Counselling and job placement');
		await form.locator('input[name="f-name"]').check();
		await form.locator('input[name="f-phone"]').check();
		await mustSave(page, form, 'the referral');
		if (new URL(page.url()).pathname !== `/registry/cases/${caseId}`) problems.push(`after the referral the page is ${page.url()}`);
		await screenshot(page, 'cases-referred.en.png', problems);
		// What the database holds.
		const got = sql(`SELECT CONCAT((SELECT COUNT(*) FROM karika.case_goal WHERE case_id = ${caseId}), '/',
		    (SELECT COUNT(*) FROM karika.case_activity WHERE case_id = ${caseId} AND organisation_id IS NOT NULL), '/',
		    (SELECT COUNT(*) FROM karika.case_barrier WHERE case_id = ${caseId} AND barrier = 'transport'), '/',
		    (SELECT GROUP_CONCAT(f.field ORDER BY f.field) FROM karika.referral r JOIN karika.referral_field f
		     ON f.referral_id = r.id WHERE r.case_id = ${caseId}));\n`);
		if (got !== '1/1/1/name,phone') problems.push(`the database holds goals/activities/barriers/fields ${got}, expected 1/1/1/name,phone`);
		if (problems.length) throw new Fail(problems);
	});
});

test('with JavaScript on only for axe-core, the case pages have no WCAG 2.1 A/AA violations in sr-Cyrl, sr-Latn, bs and en', async () => {
	const ga = sql("SELECT MIN(g.id) FROM karika.group_activity g JOIN karika.municipality m ON m.id = g.municipality_id WHERE m.code = 'novi-pazar';\n");
	const gs = sql(`SELECT MIN(id) FROM karika.group_session WHERE activity_id = ${ga};\n`);
	const c = caseId || sql("SELECT MIN(c.id) FROM karika.case_file c JOIN karika.account a ON a.id = c.lead_account_id WHERE a.email = 'csw@example.org' AND c.status = 'open';\n");
	const pages = ['/registry/cases', `/registry/cases/${c}`, `/registry/cases/${c}/assessment`,
		`/registry/cases/${c}/goals/new`, `/registry/cases/${c}/activities/new`,
		`/registry/cases/${c}/referrals/new`, '/registry/groups', `/registry/groups/${ga}`,
		`/registry/groups/${ga}/sessions/${gs}`, '/registry/groups/new', `/registry/groups/${ga}/edit`,
		`/registry/groups/${ga}/members`, '/reports/outcomes?year=2025', '/reports/dv?year=2025'];
	const problems = [];
	await withPage(true, async (page) => {
		await signIn(page, CSW);
		for (const lang of LOCALES) {
			for (const p of pages) {
				const found = [];
				await goto(page, url(p + (p.includes('?') ? '&' : '?') + `lang=${lang}`), 200, found);
				await axeProblems(page, found);
				problems.push(...found.map((f) => `${lang} ${p}: ${f}`));
			}
		}
	});
	if (problems.length) throw new Fail(problems);
});

test('the administrator\'s priority groups and supervisors pages have no WCAG 2.1 A/AA violations in any locale', async () => {
	const problems = [];
	await withPage(true, async (page) => {
		await signIn(page, 'admin@example.org');
		const pg = sql("SELECT MIN(g.id) FROM karika.priority_group g JOIN karika.municipality m ON m.id = g.municipality_id WHERE m.code = 'novi-pazar';\n");
		for (const lang of LOCALES) {
			for (const p of ['/registry/admin/priority-groups', `/registry/admin/priority-groups/${pg}`, '/registry/admin/supervisors']) {
				const found = [];
				await goto(page, url(p, lang), 200, found);
				await axeProblems(page, found);
				problems.push(...found.map((f) => `${lang} ${p}: ${f}`));
			}
		}
	});
	if (problems.length) throw new Fail(problems);
});

test('the provincial pages of the analyst (outcomes and DV figures town by town) have no WCAG 2.1 A/AA violations in any locale', async () => {
	const problems = [];
	await withPage(true, async (page) => {
		await signIn(page, 'analyst@example.org');
		for (const lang of LOCALES) {
			for (const p of ['/reports/outcomes/province?year=2025', '/reports/dv/province?year=2025']) {
				const found = [];
				await goto(page, url(`${p}&lang=${lang}`), 200, found);
				await axeProblems(page, found);
				problems.push(...found.map((f) => `${lang} ${p}: ${f}`));
			}
		}
	});
	if (problems.length) throw new Fail(problems);
});

run({ testTimeout: 120_000, runTimeout: 400_000, header: 'the case worker\'s main flow and the case pages, axe-core in every locale' });
