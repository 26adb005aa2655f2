// SPDX-License-Identifier: ISC
// training.mjs: the courses and their tests in a browser (issue 16).
// With JavaScript off, worker@example.org takes the test of "work with
// marginalised communities" in sr-Cyrl with the keyboard alone (Tab to
// move, the arrow keys and Space inside a group of radio buttons, Space
// on a checkbox, Enter on the buttons; no mouse): the course page's
// Start button, every drawn question answered right (the key read from
// the database, as the test knows it), the answers sent, the result page
// with the certificate; the database holds one more certificate.  With
// JavaScript on only for axe-core, the pages of the training have no
// WCAG 2.1 A/AA violations in sr-Cyrl, sr-Latn, bs and en: the worker's
// training page, a course, a module, an open test, a finished test, the
// public check of a certificate (and of an unknown code), the register's
// list and a record, the completion report (and an analyst's, town by
// town), an editor's course, module
// and question forms, a module with the form that attaches a PDF, the
// statistics, and the page that tells a lapsed worker why a person's
// record is refused.  A plain Node script
// like pages.mjs; prints TAP version 13.
//
//   KARIKA_BUILD=build/check tests/integration/run --exec node tests/browser/training.mjs
//
// Environment: KARIKA_URL, KARIKA_STATE (scripts/stack sql reads the key
// and counts the certificates), KARIKA_SHOTS, KARIKA_DEMO_PASSWORD,
// CHROMIUM.  Each run takes the test once and starts one attempt more.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
	BASE, LOCALES, Fail, test, withPage, url, goto, screenshot, axeProblems, run,
} from './lib/karika.mjs';

const STACK = fileURLToPath(new URL('../../scripts/stack', import.meta.url));
const DEMO_PASSWORD = process.env.KARIKA_DEMO_PASSWORD || 'karika-demo-2026';

function sql(statement) {
	const r = spawnSync(STACK, ['sql', 'karika'], { input: statement, encoding: 'utf8', env: process.env });
	if (r.status !== 0) throw new Fail(`scripts/stack sql failed (${r.status}): ${(r.stderr || '').slice(0, 300)}`);
	return r.stdout.trim();
}
const one = (q) => sql(q).split('\n').pop();
const COURSE = one("SELECT id FROM course WHERE code = 'marginalised' ORDER BY id LIMIT 1;");
const OTHER = one("SELECT id FROM course WHERE code = 'assessment' ORDER BY id LIMIT 1;");
const MODULE = one(`SELECT MIN(id) FROM course_module WHERE course_id = ${COURSE};`);
const QUESTION = one(`SELECT MIN(id) FROM test_question WHERE course_id = ${COURSE};`);
const PERSON = one('SELECT MIN(id) FROM person;');
const CERT = one('SELECT MIN(code) FROM certificate;');
const certificates = () => Number(one(`SELECT COUNT(*) FROM certificate c JOIN professional p ON p.id = c.professional_id
	JOIN account a ON a.id = p.account_id WHERE a.email = 'worker@example.org' AND c.course_id = ${COURSE};`));

let finished = null; // the attempt the keyboard test finished: /registry/training/attempts/N

async function signIn(page, email) {
	const problems = [];
	await goto(page, url('/account/login', 'en'), 200, problems);
	const form = page.locator('main form[action="/account/login"]');
	await form.locator('input[name="email"]').fill(email);
	await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
	const [res] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/account/login'),
		form.locator('button[type="submit"]').click(),
	]);
	await page.waitForLoadState('load');
	if (res.status() !== 303) throw new Fail(`signing in as ${email} answered ${res.status()}`);
}

// ------------------------------------------------------------ keyboard

const focused = (page) => page.evaluate(() => {
	const a = document.activeElement;
	if (!a || a === document.body) return { tag: 'body' };
	return {
		tag: a.tagName.toLowerCase(), type: a.type || '', name: a.name || '', value: a.value || '',
		checked: !!a.checked, form: a.form ? a.form.getAttribute('action') : '',
	};
});

async function tabTo(page, what, want, most = 200) {
	for (let i = 0; i < most; i++) {
		await page.keyboard.press('Tab');
		if (want(await focused(page))) return;
	}
	throw new Fail(`Tab did not reach ${what} in ${most} presses (focus: ${JSON.stringify(await focused(page))})`);
}

// A radio button: Tab into its group, the arrow keys to the value, Space.
async function radio(page, name, value) {
	await tabTo(page, `the group ${name}`, (f) => f.type === 'radio' && f.name === name);
	for (let i = 0; i < 12 && (await focused(page)).value !== value; i++) await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Space');
	const f = await focused(page);
	if (f.value !== value || !f.checked) throw new Fail(`${name}: the arrow keys and Space left ${JSON.stringify(f)}, wanted ${value}`);
}

async function checkbox(page, name, value) {
	await tabTo(page, `the box ${name}=${value}`, (f) => f.type === 'checkbox' && f.name === name && f.value === value);
	await page.keyboard.press('Space');
	if (!(await focused(page)).checked) throw new Fail(`${name}=${value}: Space did not tick it`);
}

// Enter on the focused button; the status of the page the browser lands on.
async function enter(page) {
	const loaded = page.waitForEvent('load');
	const landed = page.waitForResponse((r) => r.request().isNavigationRequest() && r.status() !== 303);
	await page.keyboard.press('Enter');
	const res = await landed;
	await loaded;
	return res.status();
}

// The right answers to attempt id, in the page's order: [{ kind, name, value }].
function key(id) {
	const rows = sql(`SELECT q.code, q.type, o.code, o.item, o.correct, COALESCE(o.match_code, '')
		FROM test_attempt_question aq JOIN test_question q ON q.id = aq.question_id
		JOIN test_option o ON o.question_id = q.id WHERE aq.attempt_id = ${id}
		ORDER BY aq.position, o.item DESC, o.position;`).split('\n').slice(1).map((l) => l.split('\t'));
	const out = [];
	for (const [q, type, code, item, ok, match] of rows) {
		if (type === 'matching' && item === '1') out.push({ kind: 'radio', name: `q.${q}.${code}`, value: match });
		else if (type === 'multiple' && ok === '1') out.push({ kind: 'check', name: `q.${q}`, value: code });
		else if (type !== 'matching' && type !== 'multiple' && ok === '1') out.push({ kind: 'radio', name: `q.${q}`, value: code });
	}
	return out;
}

test('with JavaScript off, the keyboard alone takes worker@example.org through the test of a course in sr-Cyrl, every question answered, to the result and its certificate', async () => {
	await withPage(false, async (page) => {
		const problems = [];
		const before = certificates();
		await signIn(page, 'worker@example.org');
		await goto(page, url(`/registry/training/courses/${COURSE}`, 'sr-Cyrl'), 200, problems);
		if (!/[\u0400-\u04FF]/.test(await page.locator('main h1').innerText())) problems.push('the course\'s title is not in Cyrillic');
		await tabTo(page, 'the Start button', (f) => f.tag === 'button' && f.form.endsWith('/attempts'));
		const st = await enter(page);
		if (st !== 200) throw new Fail([...problems, `starting the test landed on ${st}`]);
		const m = new URL(page.url()).pathname.match(/^\/registry\/training\/attempts\/(\d+)$/);
		if (!m) throw new Fail([...problems, `the start led to ${page.url()}`]);
		const answers = key(m[1]);
		if (answers.length < 10) problems.push(`only ${answers.length} answers for 10 questions`);
		if ((await page.locator('main form.questions fieldset.q').count()) !== 10) problems.push('the page does not show 10 questions');
		for (const a of answers) {
			if (a.kind === 'radio') await radio(page, a.name, a.value);
			else await checkbox(page, a.name, a.value);
		}
		await screenshot(page, 'training-test.sr-Cyrl.png', problems);
		await tabTo(page, 'the Send button', (f) => f.tag === 'button' && f.name === 'go' && f.value === 'submit');
		const sent = await enter(page);
		if (sent !== 200) problems.push(`sending the answers landed on ${sent}`);
		const result = await page.locator('main p.result').innerText().catch(() => '');
		if (!/10/.test(result)) problems.push(`the result says ${JSON.stringify(result)}`);
		if (!(await page.locator('main a[href^="/registry/certificates/"]').count())) problems.push('no certificate on the result page');
		if (!(await page.locator('main [role="status"]').count())) problems.push('no notice that the test was passed');
		finished = new URL(page.url()).pathname;
		if (certificates() !== before + 1) problems.push(`certificates went from ${before} to ${certificates()}`);
		if (problems.length) throw new Fail(problems);
	});
});

// The pages each caller sees: [what, path, status]; the worker's open
// attempt is added once it exists.
const WORKER = () => [
	['the training page', '/registry/training', 200],
	['a course', `/registry/training/courses/${COURSE}`, 200],
	['a module', `/registry/training/courses/${COURSE}/modules/${MODULE}`, 200],
	['a finished test', finished || '/registry/training', 200],
];
const ANON = [
	['a certificate checked', `/registry/certificates/${CERT}`, 200],
	['an unknown code', '/registry/certificates/zzzz-zzzz-zzzz-zzzz', 404],
	['a code of the wrong shape', '/registry/certificates?code=abc', 422],
];
const ADMIN = [
	['the register', '/registry/professionals', 200],
	['a record', `/registry/professionals/${one("SELECT p.id FROM professional p JOIN account a ON a.id = p.account_id WHERE a.email = 'worker@example.org';")}`, 200],
	['the completion report', '/registry/training/completion', 200],
	['a record\'s form', '/registry/professionals/new', 200],
];
const EDITOR = [
	['the course form', `/registry/training/courses/${COURSE}/edit`, 200],
	['the module form', `/registry/training/courses/${COURSE}/modules/${MODULE}/edit`, 200],
	['a module with the form that attaches a PDF', `/registry/training/courses/${COURSE}/modules/${MODULE}`, 200],
	['the question form', `/registry/training/courses/${COURSE}/questions/${QUESTION}/edit`, 200],
	['the statistics', `/registry/training/courses/${COURSE}/questions`, 200],
];
const ANALYST = [
	['the completion report', '/registry/training/completion', 200],
	['the completion report town by town', '/registry/training/completion/province', 200],
];
const LAPSED = [['a person\'s record refused', `/registry/persons/${PERSON}`, 403]];

async function axePages(page, lang, list, problems) {
	for (const [what, path, status] of list) {
		const found = [];
		await goto(page, url(path, lang), status, found);
		await axeProblems(page, found);
		problems.push(...found.map((f) => `${lang} ${what}: ${f}`));
	}
}

// An open attempt of the worker's (one for every locale: starting again
// leads to the one still open).
async function openAttempt(page, problems) {
	await goto(page, url(`/registry/training/courses/${OTHER}`, 'en'), 200, problems);
	const csrf = await page.locator('input[name="csrf"]').first().getAttribute('value');
	const r = await page.request.post(`${BASE}/registry/training/courses/${OTHER}/attempts`, { form: { csrf }, maxRedirects: 0 });
	if (r.status() !== 303) throw new Fail(`starting an attempt answered ${r.status()}`);
	return new URL(r.headers().location, BASE).pathname;
}

for (const lang of LOCALES) {
	test(`${lang}: the training's pages (the worker's, an open and a finished test, the public check, the register, the report (town by town too), the editors' forms and statistics, a refusal's reason) have no axe-core WCAG 2.1 A/AA violations`, async () => {
		const problems = [];
		await withPage(true, async (page) => {
			await signIn(page, 'worker@example.org');
			const open = await openAttempt(page, problems);
			await axePages(page, lang, [...WORKER(), ['an open test', open, 200]], problems);
		});
		await withPage(true, async (page) => { await axePages(page, lang, ANON, problems); });
		await withPage(true, async (page) => { await signIn(page, 'admin@example.org'); await axePages(page, lang, ADMIN, problems); });
		await withPage(true, async (page) => { await signIn(page, 'editor@example.org'); await axePages(page, lang, EDITOR, problems); });
		await withPage(true, async (page) => { await signIn(page, 'analyst@example.org'); await axePages(page, lang, ANALYST, problems); });
		await withPage(true, async (page) => {
			await signIn(page, 'lapsed@example.org');
			await axePages(page, lang, LAPSED, problems);
			if (lang === 'en' && !/lapsed on/.test(await page.locator('main').innerText())) problems.push('the refusal does not say what lapsed');
		});
		if (problems.length) throw new Fail(problems);
	});
}

run({
	testTimeout: 180_000,
	runTimeout: 900_000,
	header: `training.mjs against ${BASE}`,
});
