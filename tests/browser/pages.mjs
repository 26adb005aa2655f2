// SPDX-License-Identifier: ISC
// pages.mjs: Karika's browser tests.  A plain Node script (no framework):
// headless Debian Chromium through playwright-core, axe-core for WCAG 2.1
// A/AA.  Prints TAP version 13 on stdout and exits 1 if any test failed.
//
//   cd tests/browser && node pages.mjs
//
// Environment: KARIKA_URL (default http://127.0.0.1:18080), KARIKA_SHOTS
// (directory for full-page screenshots, default /tmp/karika-shots),
// CHROMIUM (default /usr/bin/chromium).
//
// The pages carry no JavaScript, so the page checks run with JavaScript
// disabled, as a user without it sees them.  axe and the keyboard test need
// script in the page, so they use a JavaScript-enabled context (axe's also
// bypasses the site's CSP, which would refuse the injected axe script).
// What both browser scripts share is in lib/karika.mjs.

import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	BASE, SHOTS, LOCALES, NOJS, JS, Fail, test, withPage, withSharedPage, url, snippet,
	goto, screenshot, axeProblems, run,
} from './lib/karika.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const TEST_TIMEOUT = 45_000;   // one test, whatever it does
const RUN_TIMEOUT = 150_000;   // the whole run

const PAGES = [
	{ name: 'home', path: '/', status: 200 },
	{ name: 'services', path: '/registry/services', status: 200 },
	{ name: 'surveys', path: '/surveys/', status: 200 },
	{ name: 'applications', path: '/applications/', status: 200 },
	{ name: 'reports', path: '/reports/', status: 200 },
	{ name: 'notfound', path: '/no-such-page', status: 404 },
];
const MAIN_NAV = ['/', '/registry/services', '/surveys/', '/applications/', '/reports/'];

const CYRILLIC = /[\u0400-\u04FF\u0500-\u052F]/;
const CYRILLIC_ALL = /[\u0400-\u04FF\u0500-\u052F]/g;

// The catalogue keys, to recognise one shown in place of its text (the
// layout's template "t" prints the key when a message is missing).
function catalogueKeys() {
	const keys = new Set();
	for (const f of ['../../xslt/i18n/en.xml', '../../xslt/i18n/sr-Latn.xml']) {
		try {
			const xml = readFileSync(path.join(here, f), 'utf8');
			for (const m of xml.matchAll(/<m\s+k="([^"]+)"/g)) keys.add(m[1]);
		} catch { /* the fixed prefixes below still apply */ }
	}
	return keys;
}
const KEYS = catalogueKeys();
const PREFIXES = new Set(['site', 'nav', 'lang', 'footer', 'home', 'services', 'svcgroup',
	'surveys', 'apply', 'report', 'error', 'unit', 'currency']);
for (const k of KEYS) if (k.includes('.')) PREFIXES.add(k.slice(0, k.indexOf('.')));
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const KEY_RE = new RegExp(`(?<![\\p{L}\\p{N}_.-])(?:${[...PREFIXES].map(esc).join('|')})\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*`, 'gu');
const PLACEHOLDER_RE = /\{[A-Za-z0-9_]*\}/g;

// ------------------------------------------------------------ helpers

async function h1s(page) {
	const h = page.locator('h1');
	const n = await h.count();
	const texts = [];
	for (let i = 0; i < n; i++) texts.push((await h.nth(i).innerText()).trim());
	return texts;
}

// Text a user reads or hears: rendered body text, the title, and the
// aria-labels (which screen readers announce).
async function userText(page) {
	const body = await page.locator('body').innerText();
	const title = await page.title();
	const labels = [];
	const withLabel = page.locator('[aria-label]');
	const n = await withLabel.count();
	for (let i = 0; i < n; i++) labels.push(await withLabel.nth(i).getAttribute('aria-label'));
	return { body, title, labels };
}

// Every element's own text that equals a catalogue key exactly ("skip").
async function bareKeys(page) {
	const found = [];
	const els = page.locator('body *:not(script):not(style)');
	const texts = await els.allInnerTexts();
	for (const t of texts) if (KEYS.has(t.trim())) found.push(t.trim());
	return [...new Set(found)];
}

// ---------------------------------------------------------------- tests

// 1. Every page in every locale renders, in its language, with every word
//    from the catalogue.
for (const pg of PAGES) {
	for (const lang of LOCALES) {
		const word = pg.status === 404 ? 'answers 404 with its not-found page' : 'renders';
		test(`${pg.name} page (${pg.path}) ${word} in ${lang} without JavaScript: status, html lang, one h1, script, no raw catalogue keys, screenshot`, async () => {
			await withSharedPage(NOJS, async (page) => {
				const problems = [];
				await goto(page, url(pg.path, lang), pg.status, problems);

				const htmlLang = await page.locator('html').getAttribute('lang');
				if (htmlLang !== lang) problems.push(`html[lang] is ${JSON.stringify(htmlLang)}, expected ${JSON.stringify(lang)}`);

				const heads = await h1s(page);
				if (heads.length !== 1) problems.push(`${heads.length} h1 elements, expected exactly 1${heads.length ? ': ' + heads.map((h) => JSON.stringify(h)).join(', ') : ''}`);
				const h1 = heads[0] || '';
				if (heads.length && !h1) problems.push('the h1 is empty');

				if (await page.locator('main#main').count() !== 1) problems.push('no <main id="main">');

				const { body, title, labels } = await userText(page);
				const leaks = new Set();
				for (const s of [body, title, ...labels]) {
					for (const m of s.matchAll(KEY_RE)) leaks.add(m[0]);
					for (const m of s.matchAll(PLACEHOLDER_RE)) leaks.add(m[0]);
				}
				for (const k of await bareKeys(page)) leaks.add(k);
				if (leaks.size) problems.push(`untranslated catalogue keys or placeholders shown: ${[...leaks].join(', ')}`);

				// The language links name each language in its own script on
				// purpose, so only <main> is held to the page's script.
				const mainText = (await page.locator('main').count()) ? await page.locator('main').first().innerText() : '';
				if (lang === 'sr-Cyrl') {
					if (h1 && !CYRILLIC.test(h1)) problems.push(`h1 has no Cyrillic letters: ${JSON.stringify(h1)}`);
				} else {
					if (CYRILLIC.test(h1)) problems.push(`h1 has Cyrillic letters: ${JSON.stringify(h1)}`);
					const cyr = mainText.match(CYRILLIC_ALL);
					if (cyr) {
						const at = mainText.search(CYRILLIC);
						problems.push(`main content has ${cyr.length} Cyrillic letters, first near ${JSON.stringify(snippet(mainText.slice(Math.max(0, at - 20), at + 40), 80))}`);
					}
				}

				await screenshot(page, `${pg.name}.${lang}.png`, problems);

				if (problems.length) throw new Fail(problems);
			});
		});
	}
}

// 2. axe-core finds no WCAG 2.0/2.1 A or AA violation on any page in any
//    locale.
for (const pg of PAGES) {
	for (const lang of LOCALES) {
		test(`${pg.name} page (${pg.path}) in ${lang} has no axe-core WCAG 2.1 A/AA violations`, async () => {
			await withSharedPage(JS, async (page) => {
				const problems = [];
				await goto(page, url(pg.path, lang), pg.status, problems);
				await axeProblems(page, problems);
				if (problems.length) throw new Fail(problems);
			});
		});
	}
}

// 3. Without JavaScript: the main menu and the language links work by
//    clicking, and the chosen language sticks through the lang cookie.
test('without JavaScript, the main menu leads to the services page, the sr-Cyrl language link switches to Cyrillic, and the choice sticks (lang cookie) on the next page', async () => {
	await withPage(false, async (page, ctx) => {
		const problems = [];
		await goto(page, url('/', 'en'), 200, problems);
		const homeH1 = (await h1s(page))[0] || '';
		if (await page.locator('html').getAttribute('lang') !== 'en') problems.push('start page is not in en');

		const link = page.locator('nav.main a[href="/registry/services"]');
		if (await link.count() !== 1) throw new Fail([...problems, `expected one main-menu link to /registry/services, found ${await link.count()}`]);
		await Promise.all([page.waitForURL((u) => u.pathname === '/registry/services'), link.click()]);
		const svcUrl = new URL(page.url());
		const svcH1 = (await h1s(page))[0] || '';
		if (svcUrl.pathname !== '/registry/services') problems.push(`after the click the URL is ${page.url()}`);
		if (!svcH1 || svcH1 === homeH1) problems.push(`h1 did not change: ${JSON.stringify(homeH1)} -> ${JSON.stringify(svcH1)}`);
		if (await page.locator('html').getAttribute('lang') !== 'en') problems.push('services page reached from the en home page is not in en');
		const current = await link.getAttribute('aria-current');
		if (current !== 'page') problems.push(`the services menu link has aria-current=${JSON.stringify(current)} on the services page, expected "page"`);

		const cyr = page.locator('nav.langs a[hreflang="sr-Cyrl"]');
		if (await cyr.count() !== 1) throw new Fail([...problems, `expected one language link with hreflang=sr-Cyrl, found ${await cyr.count()}`]);
		await Promise.all([page.waitForURL((u) => u.searchParams.get('lang') === 'sr-Cyrl'), cyr.click()]);
		const cyrLang = await page.locator('html').getAttribute('lang');
		const cyrH1 = (await h1s(page))[0] || '';
		if (new URL(page.url()).pathname !== '/registry/services') problems.push(`the language link left the page: ${page.url()}`);
		if (cyrLang !== 'sr-Cyrl') problems.push(`after the sr-Cyrl link html[lang] is ${JSON.stringify(cyrLang)}`);
		if (!CYRILLIC.test(cyrH1)) problems.push(`after the sr-Cyrl link the h1 is not Cyrillic: ${JSON.stringify(cyrH1)}`);

		const cookies = await ctx.cookies(BASE);
		const lc = cookies.find((c) => c.name === 'lang');
		if (!lc || lc.value !== 'sr-Cyrl') problems.push(`lang cookie is ${lc ? JSON.stringify(lc.value) : 'missing'}, expected "sr-Cyrl"`);

		await goto(page, url('/surveys/'), 200, problems);
		const nextLang = await page.locator('html').getAttribute('lang');
		const nextH1 = (await h1s(page))[0] || '';
		if (nextLang !== 'sr-Cyrl') problems.push(`/surveys/ without ?lang= has html[lang]=${JSON.stringify(nextLang)} (browser Accept-Language is en), expected sr-Cyrl from the cookie`);
		if (!CYRILLIC.test(nextH1)) problems.push(`/surveys/ without ?lang= has a non-Cyrillic h1: ${JSON.stringify(nextH1)}`);
		if (problems.length) throw new Fail(problems);
	});
});

// 4. Keyboard only: the skip link comes first, shows when focused and
//    moves focus to <main>; the Tab order then runs through named links,
//    the whole main menu among them.
test('keyboard only on /: first Tab focuses the visible skip link, Enter moves to #main, and the following Tab stops are named links including every main-menu link', async () => {
	await withPage(true, async (page) => {
		const problems = [];
		await goto(page, url('/'), 200, problems);
		const focused = () => page.evaluate(() => {
			const el = document.activeElement;
			if (!el || el === document.body) return null;
			const r = el.getBoundingClientRect();
			const name = (el.getAttribute('aria-label') || el.innerText || el.getAttribute('title') || '').trim();
			return {
				tag: el.tagName.toLowerCase(), id: el.id, cls: el.className,
				href: el.getAttribute('href'), name,
				inMain: !!el.closest('main'), inMainNav: !!el.closest('nav.main'),
				visible: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
					&& r.left < innerWidth && r.top < innerHeight,
			};
		});
		const desc = (f) => (f ? `<${f.tag}${f.id ? '#' + f.id : ''}${f.href ? ` href="${f.href}"` : ''}> ${JSON.stringify(f.name)}` : '<body> (nothing focused)');

		await page.keyboard.press('Tab');
		const first = await focused();
		if (!first || first.tag !== 'a' || first.href !== '#main') problems.push(`first Tab stop is ${desc(first)}, expected the skip link a[href="#main"]`);
		else {
			if (!first.name) problems.push('the skip link has no text');
			if (!first.visible) problems.push('the skip link is focused but not visible in the viewport');
		}

		await page.keyboard.press('Enter');
		await page.waitForFunction(() => location.hash === '#main' || document.activeElement === document.querySelector('main'), null, { timeout: 5000 })
			.catch(() => {});
		const after = await page.evaluate(() => ({ hash: location.hash, onMain: document.activeElement === document.querySelector('main') }));
		if (after.hash !== '#main' && !after.onMain) problems.push(`after Enter on the skip link location.hash is ${JSON.stringify(after.hash)} and focus is not on <main>`);
		await page.keyboard.press('Tab');
		const next = await focused();
		if (!next || !next.inMain) problems.push(`the Tab after using the skip link goes to ${desc(next)}, expected something inside <main>`);

		// Fresh load: walk the Tab order of the header.
		await goto(page, url('/'), 200, problems);
		const stops = [];
		for (let i = 0; i < 16; i++) {
			await page.keyboard.press('Tab');
			const f = await focused();
			stops.push(f);
			if (!f || f.inMain) break;
		}
		const header = stops.slice(1).filter((f) => f && !f.inMain);
		for (const [i, f] of header.entries()) {
			if (f.tag !== 'a' || !f.name) problems.push(`Tab stop ${i + 2} is ${desc(f)}: expected a link with a non-empty accessible name`);
		}
		const navOrder = header.filter((f) => f.inMainNav).map((f) => f.href);
		if (JSON.stringify(navOrder) !== JSON.stringify(MAIN_NAV)) {
			problems.push(`main-menu links reached by Tab, in order: ${JSON.stringify(navOrder)}; expected ${JSON.stringify(MAIN_NAV)}`);
		}
		if (problems.length) problems.push(`Tab stops: ${stops.map(desc).join(' | ')}`);
		if (problems.length) throw new Fail(problems);
	});
});

// 5. The report never reveals a small number: cells under 5 show "<5".
test('reports page in en shows "<5" for at least one cell and no users number between 1 and 4', async () => {
	await withPage(false, async (page) => {
		const problems = [];
		await goto(page, url('/reports/', 'en'), 200, problems);
		const cells = (await page.locator('table.report td.num').allInnerTexts()).map((s) => s.trim());
		if (!cells.length) throw new Fail([...problems, 'no td.num cells in table.report']);
		const hidden = cells.filter((c) => /^<\s*5$/.test(c));
		if (!hidden.length) problems.push(`no cell shows "<5": ${JSON.stringify(cells)}`);
		for (const c of cells) {
			if (/^<\s*5$/.test(c)) continue;
			if (!/^\d{1,3}(,\d{3})*$/.test(c)) { problems.push(`cell ${JSON.stringify(c)} is neither "<5" nor an en-formatted whole number`); continue; }
			const n = Number(c.replace(/,/g, ''));
			if (n > 0 && n < 5) problems.push(`cell shows the small number ${n}; it must be shown as "<5"`);
		}
		if (problems.length) throw new Fail([...problems, `td.num cells: ${JSON.stringify(cells)}`]);
	});
});

// ------------------------------------------------------------------ run

run({ testTimeout: TEST_TIMEOUT, runTimeout: RUN_TIMEOUT, header: `${BASE}, screenshots in ${SHOTS}` });
