// SPDX-License-Identifier: ISC
// applications.mjs: online applications (issue 13) in Chromium with
// JavaScript off, as a parent and the CSW meet them.  The parent
// (citizen2@example.org) reads the list of services, asks the
// eligibility check, fills the form for her child with the coded needs
// and a criterion, chooses a PDF made here for every document kind the
// service asks for (two files for the first kind: setInputFiles on the
// form's own file inputs, sent as multipart/form-data), ticks consent
// and submits; the status page says so, lists the documents and the
// timeline, and the database holds the application as submitted with
// its documents, whose files are on disk under their SHA-256.  The CSW
// finds it in the inbox filtered by service and status, opens it and a
// document, takes it and approves it without a free place: it goes onto
// the waiting list, where the CSW sees it, and the parent sees her place
// and the decision.  With JavaScript on only for axe-core, the
// applicant's pages (the list, the eligibility check, the form and the
// refused form, the status page, "who has seen", the decision, her list
// and the claim page), the CSW's (the inbox, an application with its
// actions, the decision, the waiting list) and the administrator's (the
// services, a service's criteria and documents) have no WCAG 2.1 A/AA
// violations in sr-Cyrl, sr-Latn, bs and en.  A plain Node script like
// pages.mjs; prints TAP version 13.
//
//   KARIKA_BUILD=build/check tests/integration/run --exec node tests/browser/applications.mjs
//
// Environment: KARIKA_URL, KARIKA_STATE (the stack's state directory:
// the result is read back with scripts/stack sql, the files from
// documents/), KARIKA_SHOTS, KARIKA_DEMO_PASSWORD, CHROMIUM.  Each run
// adds one application for a child with a name made unique by the time.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	LOCALES, Fail, test, withPage, url, snippet, goto, screenshot, axeProblems, run,
} from './lib/karika.mjs';

const STACK = fileURLToPath(new URL('../../scripts/stack', import.meta.url));
const DEMO_PASSWORD = process.env.KARIKA_DEMO_PASSWORD || 'karika-demo-2026';
const PARENT = 'citizen2@example.org';
const CSW = 'csw@example.org';
const ADMIN = 'admin@example.org';
const SERVICE = 'companion';   // personal companion of a child, ages 3-18
const stamp = `${Date.now() % 1000000}${process.pid % 1000}`;
const GIVEN = `Лука${stamp}`;
const FAMILY = 'Јовановић';
const BORN = '14. 3. 2016.';

let serviceId = null;   // the service's id, read from the list
let appId = null;       // the application once submitted
let shas = [];          // its documents' SHA-256, as sent
let draftId = null;     // a second one, saved as a draft
let reviewId = null;    // a third one, submitted and taken by the CSW

function sql(statement) {
	const r = spawnSync(STACK, ['sql'], { input: statement, encoding: 'utf8', env: process.env });
	if (r.status !== 0) throw new Fail(`scripts/stack sql failed (${r.status}): ${snippet(r.stderr || '', 300)}`);
	return r.stdout.trim().split('\n').pop();
}

// A JMBG for a birth date with serial number serial, with its check
// digit (region 71), as t/79-applications.t makes one.
function jmbg(d, m, y, serial) {
	const s = `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y % 1000).padStart(3, '0')}71${String(serial).padStart(3, '0')}`;
	const a = [...s].map(Number);
	const sum = 7 * (a[0] + a[6]) + 6 * (a[1] + a[7]) + 5 * (a[2] + a[8])
		+ 4 * (a[3] + a[9]) + 3 * (a[4] + a[10]) + 2 * (a[5] + a[11]);
	const k = 11 - (sum % 11);
	return s + (k > 9 ? 0 : k);
}

// A small but whole PDF (one page, one line of text, a correct xref
// table), so that the file is what a scanner or a phone would send.
function makePdf(text) {
	const esc = text.replace(/[\\()]/g, (c) => `\\${c}`);
	const content = `BT /F1 14 Tf 72 760 Td (${esc}) Tj ET`;
	const objs = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
		`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
	];
	let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets = [];
	objs.forEach((o, i) => { offsets.push(Buffer.byteLength(out, 'latin1')); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
	const xref = Buffer.byteLength(out, 'latin1');
	out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

async function submitForm(page, button) {
	const form = button.locator('xpath=ancestor::form');
	const action = await form.getAttribute('action');
	const target = new URL(action, page.url()).pathname;
	const posted = page.waitForResponse((r) => r.request().method() === 'POST'
		&& new URL(r.url()).pathname === target && r.request().frame() === page.mainFrame());
	await button.click();
	const res = await posted;
	await page.waitForLoadState('load');
	return res;
}

// A POST that must answer 303; otherwise the page's errors say why.
async function mustSave(page, button, what) {
	const res = await submitForm(page, button);
	if (res.status() !== 303) {
		const errors = await page.locator('main [role="alert"], main .error').allInnerTexts();
		throw new Fail([`${what} answered ${res.status()}, expected 303`,
			...errors.map((t) => `  page says: ${t.trim().replace(/\s+/g, ' ')}`)]);
	}
	return res;
}

async function signIn(page, email) {
	const problems = [];
	await goto(page, url('/account/login', 'en'), 200, problems);
	const form = page.locator('main form[action="/account/login"]');
	await form.locator('input[name="email"]').fill(email);
	await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
	await submitForm(page, form.locator('button[type="submit"]'));
	if (new URL(page.url()).pathname === '/account/login') throw new Fail(`signing in as ${email} failed`);
}

// Fills the application form for a child called given: the child, a
// need, a criterion, consent and, for every kind of document the form
// asks for, a PDF made here (two for the first kind when two is true).
// Returns the files chosen.
async function fillForm(form, given, two) {
	await form.locator('select[name="relation"]').selectOption('parent');
	await form.locator('input[name="given"]').fill(given);
	await form.locator('input[name="family"]').fill(FAMILY);
	await form.locator('input[name="born"]').fill(BORN);
	await form.locator('input[name="jmbg"]').fill(jmbg(14, 3, 2016, 500 + (Number(stamp) % 400)));
	await form.locator('select[name="sex"]').selectOption('male');
	await form.locator('input[name="address"]').fill('Ulica Rifata Burdžovića 7');
	await form.locator('input[name="need"]').first().check();
	await form.locator('input[name="note"]').fill('Pratnja u školi, svaki dan.');
	if (await form.locator('input[name="crit"]').count()) await form.locator('input[name="crit"]').first().check();
	const inputs = form.locator('input[type="file"]');
	const n = await inputs.count();
	if (n === 0) throw new Fail('the form has no file input');
	const files = [];
	for (let i = 0; i < n; i++) {
		const kind = await inputs.nth(i).getAttribute('name');
		const mine = [{ name: `dokument-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: makePdf(`${given} ${kind}`) }];
		if (i === 0 && two) mine.push({ name: `dokument-${i + 1}b.pdf`, mimeType: 'application/pdf', buffer: makePdf(`${given} ${kind} (2)`) });
		await inputs.nth(i).setInputFiles(mine);
		files.push(...mine);
	}
	await form.locator('input[name="consent"]').check();
	return files;
}

async function mainText(page) {
	return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

test('a parent applies with documents, JavaScript off, and sees the status page', async () => {
	await withPage(false, async (page) => {
		const problems = [];
		await signIn(page, PARENT);
		// The list says what each service needs and links to the check.
		await goto(page, url('/applications/', 'en'), 200, problems);
		const item = page.locator(`main li#s-${SERVICE}`);
		if (!(await item.count())) throw new Fail(`the list has no ${SERVICE}`);
		if (!(await item.locator('ul.docs li').count())) problems.push('the list does not say which documents the service needs');
		await item.locator('a[href^="/applications/services/"]').click();
		await page.waitForLoadState('load');
		serviceId = new URL(page.url()).pathname.split('/').pop();

		// The eligibility check: a GET form, answered on the same page.
		const check = page.locator('main form[method="get"]');
		await check.locator('input[name="born"]').fill(BORN);
		await check.locator('select[name="resident"]').selectOption('yes');
		await check.locator('button[type="submit"]').click();
		await page.waitForLoadState('load');
		const said = await page.locator('main [role="status"]').allInnerTexts();
		if (!said.some((t) => /you can apply/i.test(t))) problems.push(`the eligibility check said ${JSON.stringify(said)}`);
		await page.locator(`main a[href="/applications/new/${serviceId}"]`).click();
		await page.waitForLoadState('load');

		// The form: the child, needs, a criterion, the documents, consent.
		const form = page.locator(`main form[action="/applications/new/${serviceId}"]`);
		if ((await form.getAttribute('enctype')) !== 'multipart/form-data') problems.push('the form does not post multipart/form-data');
		if (!/10 MB/.test(await form.locator('#h-docs').innerText())) problems.push('the size limit is not said before choosing');
		const files = await fillForm(form, GIVEN, true);
		shas = files.map((f) => createHash('sha256').update(f.buffer).digest('hex'));
		await screenshot(page, 'applications-form-filled.en.png', problems);
		await mustSave(page, form.locator('button[name="action"][value="submit"]'), 'submitting the application');

		// The status page.
		const at = new URL(page.url()).pathname;
		const m = at.match(/^\/applications\/(\d+)$/);
		if (!m) throw new Fail([...problems, `ended at ${page.url()}, expected the application's page`]);
		appId = m[1];
		const text = await mainText(page);
		if (!(await page.locator('main [role="status"]').count())) problems.push('no notice that the application was submitted');
		if (!/Status: submitted/.test(text)) problems.push(`the page does not say submitted: ${snippet(text, 300)}`);
		if (!text.includes(`${GIVEN} ${FAMILY}`)) problems.push('the page does not name the child');
		const listed = await page.locator('main table a[href*="/documents/"]').count();
		if (listed !== files.length) problems.push(`the page lists ${listed} documents, expected ${files.length}`);
		if (!(await page.locator('main ol.timeline li').count())) problems.push('no timeline');
		await screenshot(page, 'applications-status.en.png', problems);

		// What the database and the documents folder hold.
		const got = sql(`SELECT CONCAT(a.status, '/', a.relation, '/', a.birth_date, '/', a.consent_at IS NOT NULL, '/',
			(SELECT COUNT(*) FROM karika.application_document d WHERE d.application_id = a.id AND d.type = 'application/pdf'), '/',
			(SELECT COUNT(*) FROM karika.application_need n WHERE n.application_id = a.id))
			FROM karika.application a JOIN karika.account u ON u.id = a.applicant_account_id
			WHERE a.id = ${appId} AND u.email = '${PARENT}';\n`);
		const want = `submitted/parent/2016-03-14/1/${files.length}/1`;
		if (got !== want) problems.push(`the database holds ${got}, expected ${want}`);
		const stored = sql(`SELECT GROUP_CONCAT(LOWER(HEX(sha256)) ORDER BY LOWER(HEX(sha256))) FROM karika.application_document WHERE application_id = ${appId};\n`);
		if (stored !== [...shas].sort().join(',')) problems.push('the documents stored are not the bytes sent');
		const dir = path.join(process.env.KARIKA_STATE || '', 'documents');
		if (process.env.KARIKA_STATE) {
			for (const s of shas) if (!existsSync(path.join(dir, s))) problems.push(`no file ${s} in ${dir}`);
		}
		if (problems.length) throw new Fail(problems);
	});
});

test("the CSW finds it in the inbox, opens a document, takes it and puts it on the waiting list; the parent sees her place", async () => {
	if (!appId) throw new Fail('no application was submitted');
	await withPage(false, async (page) => {
		const problems = [];
		await signIn(page, CSW);
		await goto(page, url('/applications/inbox', 'en'), 200, problems);
		const filter = page.locator('main form[method="get"]');
		await filter.locator('select[name="service"]').selectOption(serviceId);
		await filter.locator('select[name="status"]').selectOption('submitted');
		await filter.locator('button[type="submit"]').click();
		await page.waitForLoadState('load');
		const q = new URL(page.url()).searchParams;
		if (q.get('service') !== serviceId || q.get('status') !== 'submitted') problems.push(`the filter asked ${page.url()}`);
		const link = page.locator(`main table a[href="/applications/${appId}"]`);
		if (!(await link.count())) throw new Fail([...problems, 'the inbox does not list the application']);
		await screenshot(page, 'applications-inbox.en.png', problems);
		await link.click();
		await page.waitForLoadState('load');
		if (!(await mainText(page)).includes(`${GIVEN} ${FAMILY}`)) problems.push('the CSW does not see the child');

		// A document: an attachment, its bytes as sent.
		const href = await page.locator('main table a[href*="/documents/"]').first().getAttribute('href');
		const dl = await page.request.get(url(href));
		if (dl.status() !== 200) problems.push(`the document answered ${dl.status()}`);
		if (!/^attachment/.test(dl.headers()['content-disposition'] || '')) problems.push('the document is not an attachment');
		const sha = createHash('sha256').update(await dl.body()).digest('hex');
		if (!shas.includes(sha)) problems.push('the document downloaded is not one of those sent');

		await mustSave(page, page.locator(`main form[action="/applications/${appId}/take"] button[type="submit"]`), 'taking it');
		const decide = page.locator(`main form[action="/applications/${appId}/decide"]`);
		await decide.locator('input[name="outcome"][value="approve"]').check();
		await decide.locator('textarea[name="reasons"]').fill(`Uslovi su ispunjeni (${stamp}); nema slobodnog mesta.`);
		await decide.locator('select[name="org"]').selectOption('');
		await mustSave(page, decide.locator('button[type="submit"]'), 'deciding');
		const status = sql(`SELECT status FROM karika.application WHERE id = ${appId};\n`);
		if (status !== 'waiting') problems.push(`after the decision the application is ${status}, expected waiting`);

		await page.locator(`main a[href="/applications/waiting/${serviceId}"]`).first().click();
		await page.waitForLoadState('load');
		if (!(await page.locator(`main table a[href="/applications/${appId}"]`).count())) problems.push('the waiting list does not list it');
		await screenshot(page, 'applications-waiting.en.png', problems);
	});
	await withPage(false, async (page) => {
		const problems = [];
		await signIn(page, PARENT);
		await goto(page, url(`/applications/${appId}`, 'en'), 200, problems);
		const text = await mainText(page);
		if (!/Your place on the waiting list: \d+ \/ \d+/.test(text)) problems.push(`the parent does not see her place: ${snippet(text, 300)}`);
		await page.locator(`main a[href="/applications/${appId}/decision"]`).click();
		await page.waitForLoadState('load');
		if (!(await mainText(page)).includes(`(${stamp})`)) problems.push('the decision does not give its reasons');
		await screenshot(page, 'applications-decision.en.png', problems);
		if (problems.length) throw new Fail(problems);
	});
});

// Two more applications for the pages only they show: a draft (the form
// on its page, the earlier documents offered again, a document's remove
// button) and one in review (the CSW's request and decision forms).
test('a draft, and an application in review, for the pages they show', async () => {
	if (!serviceId) throw new Fail('the service was not found');
	await withPage(false, async (page) => {
		for (const [given, action] of [[`${GIVEN}b`, 'save'], [`${GIVEN}c`, 'submit']]) {
			await goto(page, url(`/applications/new/${serviceId}`, 'en'), 200, []);
			if (new URL(page.url()).pathname === '/account/login') await signIn(page, PARENT);
			await goto(page, url(`/applications/new/${serviceId}`, 'en'), 200, []);
			const form = page.locator(`main form[action="/applications/new/${serviceId}"]`);
			await fillForm(form, given, false);
			await mustSave(page, form.locator(`button[name="action"][value="${action}"]`), `${action} (${given})`);
			const id = new URL(page.url()).pathname.split('/').pop();
			if (action === 'save') draftId = id; else reviewId = id;
		}
	});
	await withPage(false, async (page) => {
		await signIn(page, CSW);
		await goto(page, url(`/applications/${reviewId}`, 'en'), 200, []);
		await mustSave(page, page.locator(`main form[action="/applications/${reviewId}/take"] button[type="submit"]`), 'taking it');
	});
	const got = sql(`SELECT GROUP_CONCAT(status ORDER BY id) FROM karika.application WHERE id IN (${draftId}, ${reviewId});\n`);
	if (got !== 'draft,review') throw new Fail(`the two applications are ${got}, expected draft,review`);
});

// Every page, in each locale, with axe-core (JavaScript on only to run
// it).  pages: [name, path, status] as one user.
async function axePages(email, pages, lang, problems) {
	await withPage(true, async (page) => {
		await signIn(page, email);
		for (const [name, p, status] of pages) {
			const target = p + (p.includes('?') ? '&' : '?') + `lang=${lang}`;
			await goto(page, url(target), status, problems);
			await screenshot(page, `applications-${name}.${lang}.png`, problems);
			const before = problems.length;
			await axeProblems(page, problems);
			if (problems.length > before) problems.splice(before, 0, `on ${target}:`);
		}
	});
}

for (const lang of LOCALES) {
	test(`the applications' pages are axe-clean (${lang})`, async () => {
		if (!appId) throw new Fail('no application was submitted');
		const problems = [];
		await axePages(PARENT, [
			['list', '/applications/', 200],
			['check', `/applications/services/${serviceId}?born=2016-03-14&resident=yes`, 200],
			['form', `/applications/new/${serviceId}`, 200],
			['status', `/applications/${appId}`, 200],
			...(draftId ? [['draft', `/applications/${draftId}`, 200]] : []),
			['seen', `/applications/${appId}/seen`, 200],
			['decision', `/applications/${appId}/decision`, 200],
			['mine', '/applications/mine', 200],
			['claim', '/applications/claim', 200],
		], lang, problems);
		// The form refused: its error summary and marked fields, a file
		// refused by name.
		await withPage(true, async (page) => {
			await signIn(page, PARENT);
			await goto(page, url(`/applications/new/${serviceId}?lang=${lang}`), 200, problems);
			const form = page.locator(`main form[action="/applications/new/${serviceId}"]`);
			await form.locator('input[name="given"]').fill(GIVEN);
			await form.locator('input[type="file"]').first().setInputFiles({
				name: 'pismo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a PDF at all\n'),
			});
			const res = await submitForm(page, form.locator('button[name="action"][value="save"]'));
			if (res.status() !== 422) problems.push(`a refused form answered ${res.status()}, expected 422`);
			if (!(await page.locator('main [role="alert"]').innerText()).includes('pismo.pdf')) problems.push('the refusal does not name the file');
			const before = problems.length;
			await axeProblems(page, problems);
			if (problems.length > before) problems.splice(before, 0, 'on the refused form:');
			await screenshot(page, `applications-form-errors.${lang}.png`, problems);
		});
		const waiting = sql(`SELECT service_id FROM karika.application WHERE id = ${appId};\n`);
		const open = sql("SELECT COALESCE(MIN(a.id), 0) FROM karika.application a JOIN karika.municipality m ON m.id = a.municipality_id "
			+ "WHERE m.code = 'novi-pazar' AND a.status IN ('submitted', 'review');\n");
		await axePages(CSW, [
			['inbox', '/applications/inbox', 200],
			['inbox-filtered', `/applications/inbox?service=${serviceId}&status=waiting`, 200],
			['csw-application', `/applications/${appId}`, 200],
			...(open !== '0' ? [['csw-open', `/applications/${open}`, 200]] : []),
			...(reviewId ? [['csw-review', `/applications/${reviewId}`, 200]] : []),
			['csw-decision', `/applications/${appId}/decision`, 200],
			['waiting', `/applications/waiting/${waiting}`, 200],
		], lang, problems);
		await axePages(ADMIN, [
			['admin', '/applications/admin', 200],
			['admin-criteria', `/applications/admin/${serviceId}/criteria`, 200],
			['admin-documents', `/applications/admin/${serviceId}/documents`, 200],
		], lang, problems);
		if (problems.length) throw new Fail(problems);
	});
}

run({ testTimeout: 240_000, runTimeout: 1_200_000, header: `online applications at ${url('/')}` });
