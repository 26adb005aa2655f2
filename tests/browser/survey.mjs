// SPDX-License-Identifier: ISC
// survey.mjs: the demo needs survey in a browser (issue 11).  With
// JavaScript off, a respondent goes through the whole survey in sr-Cyrl
// with the keyboard alone (Tab to move, Space to tick, the arrow keys
// inside a group of radio buttons or a list, typing, Enter to send; no
// mouse), meets a validation error on the way, and reaches the thank-you
// page; the stored response is counted.  With JavaScript on only to run
// axe-core, every survey page (the list, the welcome page, each page of
// questions, a page with errors, the saved code, the resume form, the
// thanks) and the public results page have no WCAG 2.1 A/AA violations
// in any of the four locales.  A question page at 390 px wide is no
// wider than the screen and is screenshotted into KARIKA_SHOTS.  A plain
// Node script like pages.mjs (headless Debian Chromium through
// playwright-core); prints TAP version 13.
//
//   KARIKA_BUILD=build/check tests/integration/run --exec node tests/browser/survey.mjs
//
// Environment: KARIKA_URL, KARIKA_STATE (the stack's state directory:
// the count of completed responses is read with scripts/stack sql),
// KARIKA_SHOTS, CHROMIUM.  Each run completes a few responses.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
	BASE, LOCALES, Fail, test, withPage, url, goto, screenshot, axeProblems, run,
} from './lib/karika.mjs';

const STACK = fileURLToPath(new URL('../../scripts/stack', import.meta.url));
const YEAR = new Date().getUTCFullYear();
const SLUG = `needs-${YEAR}`;
const SURVEY = `/surveys/${SLUG}/`;
const RESULTS = `/surveys/pilot-${YEAR}/results`;
const PHONE = { width: 390, height: 844 };

function sql(statement) {
	const r = spawnSync(STACK, ['sql', 'karika'], { input: statement, encoding: 'utf8', env: process.env });
	if (r.status !== 0) throw new Fail(`scripts/stack sql failed (${r.status}): ${(r.stderr || '').slice(0, 300)}`);
	return r.stdout.trim();
}
const completed = () => Number(sql(`SELECT COUNT(*) FROM survey_response r JOIN survey s ON s.id = r.survey_id WHERE s.code = '${SLUG}' AND r.status = 'completed';`));

// ------------------------------------------------------------ keyboard

// What has the focus: { tag, type, name, value, checked, text, form }.
const focused = (page) => page.evaluate(() => {
	const a = document.activeElement;
	if (!a || a === document.body) return { tag: 'body' };
	return {
		tag: a.tagName.toLowerCase(), type: a.type || '', name: a.name || '', value: a.value || '',
		checked: !!a.checked, text: (a.textContent || '').trim().slice(0, 60),
		form: a.form ? a.form.getAttribute('action') : '',
		href: a.getAttribute('href') || '',
	};
});

// Presses Tab until the focus is on what want() accepts; fails after
// `most` presses (the control cannot be reached, or lies behind).
async function tabTo(page, what, want, most = 80) {
	for (let i = 0; i < most; i++) {
		await page.keyboard.press('Tab');
		if (want(await focused(page))) return;
	}
	throw new Fail(`Tab did not reach ${what} in ${most} presses (focus: ${JSON.stringify(await focused(page))})`);
}

// One answer, by keyboard: a radio button (Tab into its group, then the
// arrow keys), a checkbox (Tab to it, Space), a list (Tab, arrow keys),
// or a text field (Tab, type).
async function answer(page, a) {
	if (a.radio) {
		await tabTo(page, `the group ${a.radio}`, (f) => f.type === 'radio' && f.name === a.radio);
		for (let i = 0; i < 12 && (await focused(page)).value !== a.value; i++) await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Space');
		const f = await focused(page);
		if (f.value !== a.value || !f.checked) throw new Fail(`${a.radio}: the arrow keys and Space left ${JSON.stringify(f)}, wanted ${a.value} ticked`);
	} else if (a.check) {
		await tabTo(page, `the box ${a.check}=${a.value}`, (f) => f.type === 'checkbox' && f.name === a.check && f.value === a.value);
		await page.keyboard.press('Space');
		if (!(await focused(page)).checked) throw new Fail(`${a.check}=${a.value}: Space did not tick it`);
	} else if (a.select) {
		await tabTo(page, `the list ${a.select}`, (f) => f.tag === 'select' && f.name === a.select);
		for (let i = 0; i < 12 && (await focused(page)).value !== a.value; i++) await page.keyboard.press('ArrowDown');
		if ((await focused(page)).value !== a.value) throw new Fail(`${a.select}: the arrow keys did not reach ${a.value}`);
	} else {
		await tabTo(page, `the field ${a.text}`, (f) => (f.tag === 'input' || f.tag === 'textarea') && f.name === a.text);
		await page.keyboard.type(a.value);
	}
}

// Tab to the button go=<go> of the page's form and press Enter; waits
// for the page that follows.  Returns the status of the last answer.
async function press(page, go) {
	await tabTo(page, `the button ${go}`, (f) => f.tag === 'button' && f.name === 'go' && f.value === go);
	const loaded = page.waitForEvent('load');
	const answered = page.waitForResponse((r) => r.request().isNavigationRequest() && r.status() !== 303);
	await page.keyboard.press('Enter');
	const res = await answered;
	await loaded;
	return res.status();
}

// The page of questions shown: its code (the hidden "p").
const pageCode = (page) => page.locator('main form.questions input[name="p"]').getAttribute('value');

// A citizen's way through every page a citizen is shown.
const CITIZEN = [
	['about', [{ radio: 'q.group', value: 'citizen' }, { select: 'q.age', value: '30-44' }, { radio: 'q.settlement', value: 'village' }]],
	['household', [{ text: 'q.members', value: '3' }, { check: 'q.household', value: 'elderly' }, { radio: 'q.income', value: 'tight' }]],
	['risks', [{ text: 'q.care-hours', value: '12,5' }, { radio: 'q.needed', value: 'yes' },
		...['poverty', 'unemployment', 'violence', 'isolation', 'barriers', 'access'].map((i) => ({ radio: `q.problems.${i}`, value: '4' })),
		{ radio: 'q.violence-help', value: 'no' }]],
	['services', [...['day-care', 'home-help', 'companion', 'respite', 'assistance', 'family-support'].map((i) => ({ radio: `q.awareness.${i}`, value: 'heard' })),
		{ check: 'q.used', value: 'home-help' }, { radio: 'q.satisfaction', value: '4' }, { text: 'q.csw-contact', value: '3. 2. 2025.' },
		{ radio: 'q.unmet', value: 'no' }]],
	['missing', [{ check: 'q.new-services', value: 'sos' }, { select: 'q.priority', value: 'elderly' }, { radio: 'q.volunteer', value: 'yes' },
		{ text: 'q.first-step', value: 'Више помоћи у кући' }]],
	['open', [{ text: 'q.comment', value: 'Хвала' }, { radio: 'q.next-round', value: 'yes' }]],
];

// ---------------------------------------------------------------- tests

test(`with JavaScript off, the keyboard alone takes a respondent through the whole demo survey in sr-Cyrl to the thank-you page (a required answer missed on the way is said and fixed), and the response is counted`, async () => {
	await withPage(false, async (page) => {
		const problems = [];
		const before = completed();
		await goto(page, url(SURVEY, 'sr-Cyrl'), 200, problems);
		await tabTo(page, 'the Start link', (f) => f.tag === 'a' && f.href.includes('/page?at='));
		const loaded = page.waitForEvent('load');
		await page.keyboard.press('Enter');
		await loaded;
		for (const [code, answers] of CITIZEN) {
			const at = await pageCode(page);
			if (at !== code) throw new Fail([...problems, `expected the page ${code}, the browser shows ${at} (${page.url()})`]);
			if ((await page.locator('html').getAttribute('lang')) !== 'sr-Cyrl') problems.push(`${code}: the page is not in sr-Cyrl`);
			if (!/[\u0400-\u04FF]/.test(await page.locator('main h1').innerText())) problems.push(`${code}: the heading is not in Cyrillic`);
			if (code === 'about') {
				// Enter without the required answers: the page again, 422,
				// the errors listed first, each tied to its question.
				const st = await press(page, 'next');
				if (st !== 422) problems.push(`the first page sent empty answered ${st}, expected 422`);
				if (!(await page.locator('main .errors[role="alert"] li a').count())) problems.push('the empty first page lists no errors');
				if ((await page.locator('[aria-invalid="true"]').count()) === 0) problems.push('no control says aria-invalid');
				await page.evaluate(() => document.activeElement && document.activeElement.blur());
			}
			for (const a of answers) await answer(page, a);
			const st = await press(page, 'next');
			if (st !== 200) problems.push(`after ${code} the browser got ${st}`);
		}
		if (!new URL(page.url()).pathname.endsWith('/thanks')) throw new Fail([...problems, `the last page led to ${page.url()}, not the thank-you page`]);
		const thanks = await page.locator('main [role="status"]').innerText().catch(() => '');
		if (!/[\u0400-\u04FF]/.test(thanks)) problems.push(`the thank-you page says ${JSON.stringify(thanks)}, not in Cyrillic`);
		const after = completed();
		if (after !== before + 1) problems.push(`completed responses went from ${before} to ${after}, expected one more`);
		if (problems.length) throw new Fail(problems);
	});
});

// Every page of the survey in locale lang with JavaScript on, the way
// there driven through the context's own requests (its cookies); axe on
// each.  Returns the problems, each prefixed by the page.
async function axeSurvey(page, lang) {
	const problems = [];
	const check = async (what, path, status) => {
		const found = [];
		await goto(page, url(path, lang), status, found);
		await axeProblems(page, found);
		problems.push(...found.map((f) => `${lang} ${what}: ${f}`));
	};
	const token = async () => {
		const c = (await page.context().cookies(BASE)).find((k) => k.name === 'csrf');
		if (!c) throw new Fail(`${lang}: no form token cookie`);
		return c.value;
	};
	const post = async (path, form) => {
		const r = await page.request.post(BASE + path, { form: { csrf: await token(), ...form }, maxRedirects: 0 });
		return r.status();
	};
	await check('the list', '/surveys/', 200);
	await check('the welcome page', SURVEY, 200);
	if (await post(`${SURVEY}start`, { invite: '' }) !== 303) throw new Fail(`${lang}: Start did not answer 303`);
	for (const [code, answers] of CITIZEN) {
		await check(`the page ${code}`, `${SURVEY}page`, 200);
		const form = { p: code, go: 'next' };
		for (const a of answers) {
			const k = a.radio || a.check || a.select || a.text;
			form[k] = a.value;
		}
		if (code === 'about') {
			// The same page with its errors (422), then the resume code.
			const r = await page.request.post(BASE + `${SURVEY}page`, { form: { csrf: await token(), p: 'about', go: 'next' }, maxRedirects: 0 });
			if (r.status() !== 422) problems.push(`${lang}: an empty first page answered ${r.status()}`);
			await post(`${SURVEY}page`, { ...form, go: 'save' });
			await check('the saved code', `${SURVEY}saved`, 200);
			await check('the saved code, shown before (a new one offered)', `${SURVEY}saved`, 200);
			await check('the resume form', `${SURVEY}resume`, 200);
		}
		if (code === 'household') {
			// Two boxes of the same name: the request's form has one per key.
			form['q.household'] = 'elderly';
		}
		if (code === 'services') form['q.used'] = 'home-help';
		const st = await post(`${SURVEY}page`, form);
		if (st !== 303) problems.push(`${lang}: sending ${code} answered ${st}`);
	}
	await check('the thanks', `${SURVEY}thanks`, 200);
	await check('the public results', RESULTS, 200);
	return problems;
}

// An error page with errors shown, for axe: the about page sent empty,
// rendered in the browser (JavaScript on, for axe only).
async function axeErrors(page, lang) {
	const found = [];
	await goto(page, url(SURVEY, lang), 200, found);
	const csrf = (await page.context().cookies(BASE)).find((k) => k.name === 'csrf').value;
	await page.request.post(BASE + `${SURVEY}start`, { form: { csrf, invite: '' }, maxRedirects: 0 });
	await goto(page, url(`${SURVEY}page`, lang), 200, found);
	const loaded = page.waitForEvent('load');
	await page.locator('main form.questions button[value="next"]').press('Enter');
	await loaded;
	if (!(await page.locator('main .errors').count())) found.push('the empty page shows no errors');
	await axeProblems(page, found);
	return found.map((f) => `${lang} the page with errors: ${f}`);
}

for (const lang of LOCALES) {
	test(`${lang}: every page of the demo survey (list, welcome, each page of questions and one with errors, saved code, resume, thanks) and the public results have no axe-core WCAG 2.1 A/AA violations`, async () => {
		await withPage(true, async (page) => {
			const problems = [...await axeSurvey(page, lang)];
			problems.push(...await axeErrors(page, lang));
			if (problems.length) throw new Fail(problems);
		});
	});
}

test(`at ${PHONE.width} px, a page of questions (matrices, lists, a date) is no wider than the screen; screenshot survey-page.sr-Cyrl.png`, async () => {
	await withPage(false, async (page) => {
		const problems = [];
		await page.setViewportSize(PHONE);
		await goto(page, url(SURVEY, 'sr-Cyrl'), 200, problems);
		const csrf = (await page.context().cookies(BASE)).find((k) => k.name === 'csrf').value;
		await page.request.post(BASE + `${SURVEY}start`, { form: { csrf, invite: '' }, maxRedirects: 0 });
		await page.request.post(BASE + `${SURVEY}page`, { form: { csrf, p: 'about', go: 'next', 'q.group': 'pro', 'q.age': '45-64', 'q.settlement': 'town' }, maxRedirects: 0 });
		await goto(page, url(`${SURVEY}page`, 'sr-Cyrl'), 200, problems);
		if ((await pageCode(page)) !== 'services') problems.push(`expected the page services, got ${await pageCode(page)}`);
		const o = await page.evaluate(() => ({ vw: document.documentElement.clientWidth, doc: document.documentElement.scrollWidth }));
		if (o.doc > o.vw) problems.push(`the page is ${o.doc} px wide on a ${o.vw} px screen`);
		await screenshot(page, 'survey-page.sr-Cyrl.png', problems);
		if (problems.length) throw new Fail(problems);
	});
});

run({
	testTimeout: 120_000,
	runTimeout: 600_000,
	header: `survey.mjs against ${BASE}, ${SURVEY}`,
});
