// SPDX-License-Identifier: ISC
// phone.mjs: what a user on a phone sees.  At 390 px wide (a common
// phone), /account/, /reports/ and /registry/admin/accounts are no wider
// than the screen, also with a 120-character name without a space (what
// registration accepts), and every table scrolls in its own labelled
// region; the session list names the phone's browser in words ("Firefox
// on Android"), never the raw User-Agent header; the site's icon is
// there (/favicon.ico and the <link rel="icon">).  A plain Node script
// like pages.mjs and accounts.mjs (headless Debian Chromium through
// playwright-core, axe-core for WCAG 2.1 A/AA); prints TAP version 13.
//
//   KARIKA_BUILD=build/check tests/integration/run --exec node tests/browser/phone.mjs
//
// Environment: KARIKA_URL, KARIKA_STATE (the stack's state directory:
// the test marks its new account confirmed with scripts/stack sql rather
// than through the e-mail, which accounts.mjs covers), KARIKA_SHOTS,
// KARIKA_DEMO_PASSWORD, CHROMIUM.  Each run registers one new citizen.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
	BASE, Fail, test, withPage, url, snippet, goto, screenshot, axeProblems, run,
} from './lib/karika.mjs';

const STACK = fileURLToPath(new URL('../../scripts/stack', import.meta.url));
const DEMO_PASSWORD = process.env.KARIKA_DEMO_PASSWORD || 'karika-demo-2026';
const ADMIN = 'admin@example.org';
const PHONE = { width: 390, height: 844 };
// Firefox on an Android phone, as it introduces itself.
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0';

const stamp = `${Date.now()}-${process.pid}`;
const LONG_NAME = 'Wolfeschlegelsteinhausenbergerdorff'.repeat(4).slice(0, 120);
const USER = { email: `phone-${stamp}@example.org`, password: `phone-pass-${stamp}` };

// ------------------------------------------------------------ helpers

function sql(statement) {
	const r = spawnSync(STACK, ['sql'], { input: statement, encoding: 'utf8', env: process.env });
	if (r.status !== 0) throw new Fail(`scripts/stack sql failed (${r.status}): ${snippet(r.stderr || '', 300)}`);
	return r.stdout;
}

async function submitForm(page, form, action) {
	const posted = page.waitForResponse((r) => r.request().method() === 'POST'
		&& new URL(r.url()).pathname === action && r.request().frame() === page.mainFrame());
	await form.locator('button[type="submit"]').click();
	const res = await posted;
	await page.waitForLoadState('load');
	return res;
}

async function signIn(page, email, password) {
	const problems = [];
	await goto(page, url('/account/login', 'en'), 200, problems);
	const form = page.locator('main form[action="/account/login"]');
	await form.locator('input[name="email"]').fill(email);
	await form.locator('input[name="password"]').fill(password);
	const res = await submitForm(page, form, '/account/login');
	if (new URL(page.url()).pathname !== '/account/') {
		throw new Fail([...problems, `signing in as ${email} answered ${res.status()} and ended at ${page.url()}, expected /account/`]);
	}
}

// The citizen with the long name: registered through the form as anyone
// would, then confirmed in the database, once per run.
let registered = false;
async function ensureUser(page) {
	if (registered) return;
	const problems = [];
	await goto(page, url('/account/register', 'en'), 200, problems);
	const form = page.locator('main form[action="/account/register"]');
	await form.locator('input[name="name"]').fill(LONG_NAME);
	await form.locator('input[name="email"]').fill(USER.email);
	await form.locator('input[name="password"]').fill(USER.password);
	await form.locator('input[name="privacy"]').check();
	const res = await submitForm(page, form, '/account/register');
	if (res.status() !== 303) {
		const errors = await page.locator('main .error, main [role="alert"]').allInnerTexts();
		throw new Fail([`registering a ${LONG_NAME.length}-character name answered ${res.status()}, expected 303`,
			...errors.map((t) => `  page says: ${t.trim().replace(/\s+/g, ' ')}`)]);
	}
	sql(`UPDATE karika.account SET status = 'active' WHERE email = '${USER.email}';\n`);
	registered = true;
}

// A page at phone width with its own cookies, signed in as the user with
// the long name (the default) or as the administrator.  The requests say
// they come from Firefox on Android.
async function onPhone(js, who, fn) {
	return withPage(js, async (page, ctx) => {
		await page.setViewportSize(PHONE);
		await page.setExtraHTTPHeaders({ 'User-Agent': FIREFOX_ANDROID });
		if (who === 'admin') await signIn(page, ADMIN, DEMO_PASSWORD);
		else {
			await ensureUser(page);
			await signIn(page, USER.email, USER.password);
		}
		return fn(page, ctx);
	});
}

// What makes the page wider than the screen: the document's width, and
// the outermost elements reaching past the right edge that are not inside
// a scrolling region.
function overflow(page) {
	return page.evaluate(() => {
		const vw = document.documentElement.clientWidth;
		const wide = [];
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.right <= vw + 1 || el.closest('.table-wrap')) continue;
			const up = el.parentElement;
			if (up && up !== document.body && up.getBoundingClientRect().right > vw + 1) continue;
			const cls = el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '';
			wide.push(`<${el.tagName.toLowerCase()}${cls}> ${Math.round(r.width)} px wide, right edge at ${Math.round(r.right)} px`);
		}
		return { vw, doc: document.documentElement.scrollWidth, wide: wide.slice(0, 6) };
	});
}

// Every table of main inside a focusable region named by an element that
// exists and says something.
function tableRegions(page) {
	return page.evaluate(() => {
		const bad = [];
		const tables = [...document.querySelectorAll('main table')];
		for (const t of tables) {
			const w = t.closest('.table-wrap');
			const what = (t.querySelector('caption, th') || t).textContent.trim().slice(0, 40);
			if (!w) { bad.push(`the table "${what}" is not inside a .table-wrap`); continue; }
			if (w.getAttribute('role') !== 'region') bad.push(`the region of "${what}" has role ${w.getAttribute('role')}, expected region`);
			if (w.getAttribute('tabindex') !== '0') bad.push(`the region of "${what}" has tabindex ${w.getAttribute('tabindex')}, expected 0 (keyboard users scroll it)`);
			const label = document.getElementById(w.getAttribute('aria-labelledby') || '');
			if (!label || !label.textContent.trim()) bad.push(`the region of "${what}" is labelled by #${w.getAttribute('aria-labelledby')}, which is missing or empty`);
		}
		return { n: tables.length, bad };
	});
}

// ---------------------------------------------------------------- tests

const PAGES = [
	{ path: '/account/', who: 'user', name: 'account' },
	{ path: '/reports/', who: 'user', name: 'reports' },
	{ path: '/registry/admin/accounts', who: 'admin', name: 'admin-accounts' },
];

for (const pg of PAGES) {
	test(`at ${PHONE.width} px, ${pg.path} (with a ${LONG_NAME.length}-character name without a space on the page) is no wider than the screen, and each of its tables scrolls in its own labelled region`, async () => {
		await onPhone(false, pg.who, async (page) => {
			const problems = [];
			for (const lang of ['sr-Cyrl', 'en']) {
				await goto(page, url(pg.path, lang), 200, problems);
				if (!(await page.content()).includes(LONG_NAME)) problems.push(`${lang}: the long name is not on the page`);
				const o = await overflow(page);
				if (o.doc > o.vw) problems.push(`${lang}: the document is ${o.doc} px wide on a ${o.vw} px screen`, ...o.wide.map((w) => `    ${w}`));
				const t = await tableRegions(page);
				if (!t.n) problems.push(`${lang}: no table on the page`);
				problems.push(...t.bad.map((b) => `${lang}: ${b}`));
				await screenshot(page, `phone-${pg.name}.${lang}.png`, problems);
			}
			if (problems.length) throw new Fail(problems);
		});
	});
}

test(`at ${PHONE.width} px, /account/, /reports/ and /registry/admin/accounts have no axe-core WCAG 2.1 A/AA violations`, async () => {
	const problems = [];
	for (const who of ['user', 'admin']) {
		await onPhone(true, who, async (page) => {
			for (const pg of PAGES.filter((p) => p.who === who)) {
				const found = [];
				await goto(page, url(pg.path, 'sr-Cyrl'), 200, found);
				await axeProblems(page, found);
				problems.push(...found.map((f) => `${pg.path}: ${f}`));
			}
		});
	}
	if (problems.length) throw new Fail(problems);
});

test('the session list names the browser and system in words in every locale ("Firefox on Android"), not the raw User-Agent header', async () => {
	await onPhone(false, 'user', async (page) => {
		const problems = [];
		const want = { 'sr-Cyrl': 'Firefox на Андроиду', 'sr-Latn': 'Firefox na Androidu', bs: 'Firefox na Androidu', en: 'Firefox on Android' };
		for (const [lang, words] of Object.entries(want)) {
			await goto(page, url('/account/', lang), 200, problems);
			const cell = (await page.locator('main table tbody tr td:first-child').allInnerTexts()).map((t) => t.trim().replace(/\s+/g, ' '));
			if (!cell.some((c) => c.startsWith(words))) problems.push(`${lang}: the sessions say ${JSON.stringify(cell)}, expected one to start with ${JSON.stringify(words)}`);
			if ((await page.content()).includes('Gecko/')) problems.push(`${lang}: the raw User-Agent header is on the page`);
		}
		if (problems.length) throw new Fail(problems);
	});
});

test('the site has an icon: /favicon.ico answers 200 with an ICO, and the page\'s <link rel="icon"> an SVG', async () => {
	await withPage(false, async (page) => {
		const problems = [];
		await goto(page, url('/', 'en'), 200, problems);
		const ico = await page.request.get(BASE + '/favicon.ico');
		if (ico.status() !== 200) problems.push(`/favicon.ico answered ${ico.status()}, expected 200`);
		else {
			const body = await ico.body();
			if (!/^image\/(x-icon|vnd\.microsoft\.icon)/.test(ico.headers()['content-type'] || '')) problems.push(`/favicon.ico is served as ${ico.headers()['content-type']}`);
			if (body.length < 6 || body.readUInt32BE(0) !== 0x00000100) problems.push('/favicon.ico is not an ICO file');
		}
		const href = await page.locator('head link[rel="icon"]').getAttribute('href');
		if (!href) problems.push('the page has no <link rel="icon">');
		else {
			const svg = await page.request.get(new URL(href, BASE).href);
			if (svg.status() !== 200) problems.push(`the icon ${href} answered ${svg.status()}, expected 200`);
			else if (!/^image\/svg\+xml/.test(svg.headers()['content-type'] || '')) problems.push(`the icon ${href} is served as ${svg.headers()['content-type']}`);
		}
		if (problems.length) throw new Fail(problems);
	});
});

test('a sr-Cyrl page names the demo providers in Cyrillic, a sr-Latn page in Latin', async () => {
	await withPage(false, async (page) => {
		const problems = [];
		await goto(page, url('/registry/services', 'sr-Cyrl'), 200, problems);
		const cyrl = await page.locator('main').innerText();
		if (!cyrl.includes('Геронтолошки центар Нови Пазар')) problems.push('sr-Cyrl: the provider "Геронтолошки центар Нови Пазар" is not named in Cyrillic');
		if (cyrl.includes('Gerontološki')) problems.push('sr-Cyrl: the provider is named in Latin');
		await goto(page, url('/registry/services', 'sr-Latn'), 200, problems);
		if (!(await page.locator('main').innerText()).includes('Gerontološki centar Novi Pazar')) problems.push('sr-Latn: the provider "Gerontološki centar Novi Pazar" is not named in Latin');
		if (problems.length) throw new Fail(problems);
	});
});

run({
	testTimeout: 90_000,
	runTimeout: 300_000,
	header: `phone.mjs against ${BASE}, ${PHONE.width}×${PHONE.height} px`,
});
