// SPDX-License-Identifier: ISC
// reports.mjs: the reports (issue 14) in Chromium.  With JavaScript off,
// the public page draws its bar charts (inline SVG made by XSLT: a bar per
// service, the latest year) beside their tables, and no hidden figure is
// drawn as a bar; then the public page, the open-data page, the analyst's
// figures, demand, forecast, scenario form, the choice of published
// datasets, returns and state, the province, and the CSW's list of
// people are axe-core clean (WCAG 2.1 A/AA) in all four locales.  A plain
// Node script like pages.mjs; prints TAP version 13.
//
//   KARIKA_BUILD=build/check tests/integration/run --exec node tests/browser/reports.mjs
//
// Environment: KARIKA_URL, KARIKA_SHOTS, KARIKA_DEMO_PASSWORD, CHROMIUM.

import {
	LOCALES, Fail, test, withPage, url, goto, screenshot, axeProblems, run,
} from './lib/karika.mjs';

const DEMO_PASSWORD = process.env.KARIKA_DEMO_PASSWORD || 'karika-demo-2026';

async function signIn(page, email) {
	const problems = [];
	await goto(page, url('/account/login', 'en'), 200, problems);
	const form = page.locator('main form[action="/account/login"]');
	await form.locator('input[name="email"]').fill(email);
	await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
	const [res] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'
			&& new URL(r.url()).pathname === '/account/login'),
		form.locator('button[type="submit"]').click(),
	]);
	await page.waitForLoadState('load');
	if (res.status() !== 303) throw new Fail(`signing in as ${email} answered ${res.status()}`);
}

test('the public page draws its charts with JavaScript off, a table beside each', async () => {
	await withPage(false, async (page) => {
		const problems = [];
		await goto(page, url('/reports/public', 'en'), 200, problems);
		const charts = page.locator('main svg.rp-chart');
		if (await charts.count() !== 2) problems.push(`${await charts.count()} charts, expected 2`);
		for (let i = 0; i < await charts.count(); i++) {
			const chart = charts.nth(i);
			const box = await chart.boundingBox();
			if (!box || box.width < 100 || box.height < 40) problems.push(`chart ${i} is not drawn (${JSON.stringify(box)})`);
			const title = await chart.locator('title').textContent();
			if (!title || !title.trim()) problems.push(`chart ${i} has no title`);
			const bars = await chart.locator('rect').count();
			const rows = await page.locator('main table.public').nth(i).locator('tbody tr').count();
			if (bars !== rows) problems.push(`chart ${i}: ${bars} bars for ${rows} rows of its table`);
			// A hidden figure ("<5") never has a bar of its own length.
			const texts = await chart.locator('text').allTextContents();
			const widths = await chart.locator('rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
			for (let b = 0; b < widths.length; b++) {
				const label = texts[2 * b + 1] || '';
				if (label.startsWith('<') && widths[b] !== 0) problems.push(`chart ${i}: a hidden figure drawn ${widths[b]} wide`);
			}
		}
		await screenshot(page, 'reports-public.en.png', problems);
		if (problems.length) throw new Fail(problems);
	});
});

const PAGES = [
	[null, 'public', '/reports/public'],
	[null, 'open', '/reports/open/'],
	[null, 'first', '/reports/'],
	['analyst@example.org', 'figures', '/reports/figures'],
	['analyst@example.org', 'service', '/reports/figures/services/1'],
	['analyst@example.org', 'demand', '/reports/demand'],
	['analyst@example.org', 'forecast', '/reports/forecast'],
	['analyst@example.org', 'scenario', '/reports/scenarios/new'],
	['analyst@example.org', 'public-settings', '/reports/public/settings'],
	['analyst@example.org', 'returns', '/reports/returns'],
	['analyst@example.org', 'state', '/reports/state'],
	['analyst@example.org', 'province', '/reports/province'],
	['csw@example.org', 'persons', '/reports/figures/services/1/persons'],
];

for (const lang of LOCALES) {
	test(`the reports' pages are axe-clean (${lang})`, async () => {
		const problems = [];
		let who = undefined;
		await withPage(true, async (page) => {
			for (const [email, name, path] of PAGES) {
				if (email !== who && email) {
					await page.context().clearCookies();
					await signIn(page, email);
					who = email;
				}
				const target = `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
				await goto(page, url(target), 200, problems);
				await screenshot(page, `reports-${name}.${lang}.png`, problems);
				const before = problems.length;
				await axeProblems(page, problems);
				if (problems.length > before) problems.splice(before, 0, `on ${target}:`);
			}
		});
		if (problems.length) throw new Fail(problems);
	});
}

run({ testTimeout: 180_000, runTimeout: 900_000, header: `reports at ${url('/')}` });
