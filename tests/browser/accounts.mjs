// SPDX-License-Identifier: ISC
// accounts.mjs: Karika's browser tests of accounts: registration with and
// without errors, the confirmation e-mail, signing in and out, the keyboard
// order of the sign-in form, and axe-core on every account page.  A plain
// Node script (no framework), like pages.mjs: headless Debian Chromium
// through playwright-core, axe-core for WCAG 2.1 A/AA.  Prints TAP version
// 13 on stdout and exits 1 if any test failed.
//
//   cd tests/browser && node accounts.mjs
//
// Environment: KARIKA_URL (default http://127.0.0.1:18080), KARIKA_STATE
// (the stack's state directory, whose mail/ holds what the SMTP sink
// received; default /tmp/kb), KARIKA_SHOTS (directory for full-page
// screenshots, default /tmp/karika-shots), KARIKA_DEMO_PASSWORD (the demo
// accounts' password, default karika-demo-2026), CHROMIUM (default
// /usr/bin/chromium).
//
// The pages carry no JavaScript, so the flows run with JavaScript
// disabled, as a user without it sees them.  axe and the keyboard test need
// script in the page, so they use a JavaScript-enabled context (axe's also
// bypasses the site's CSP, which would refuse the injected axe script).
// Each run registers one new citizen account with a unique address.
// What both browser scripts share is in lib/karika.mjs.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
	BASE, SHOTS, LOCALES, NOJS, JS, Fail, test, diag, withTimeout, withPage, withSharedPage,
	sharedPage, url, snippet, goto, screenshot, axeProblems, run,
} from './lib/karika.mjs';

const STATE = process.env.KARIKA_STATE || '/tmp/kb';
const MAIL = path.join(STATE, 'mail');
const DEMO_PASSWORD = process.env.KARIKA_DEMO_PASSWORD || 'karika-demo-2026';
const ADMIN = 'admin@example.org';

const TEST_TIMEOUT = 60_000;   // one test, whatever it does (the mail wait is 15 s)
const RUN_TIMEOUT = 240_000;   // the whole run
const MAIL_WAIT = 15_000;      // the mailer sends within a few seconds

// The account pages for axe.  "errors" pages are the form sent back empty;
// "admin" pages are seen signed in as the administrator.
const PAGES = [
	{ name: 'register', path: '/account/register' },
	{ name: 'register-errors', path: '/account/register', errors: true },
	{ name: 'login', path: '/account/login' },
	{ name: 'password-forgot', path: '/account/password/forgot' },
	{ name: 'profile', path: '/account/', admin: true },
	{ name: 'admin-accounts', path: '/registry/admin/accounts', admin: true },
	{ name: 'admin-audit', path: '/registry/admin/audit', admin: true },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------ helpers

// The shared page for the pages seen as the administrator (lib's NOJS and
// JS serve the anonymous ones): it keeps its session, signed in once, on
// first use.
const AS_ADMIN = { js: true, keepCookies: true, setup: (page) => signIn(page, ADMIN, DEMO_PASSWORD) };

// Ends the administrator's session, so that runs do not pile up open
// sessions on the demo account.
async function signOutShared() {
	const s = sharedPage(AS_ADMIN);
	if (!s) return;
	await s.page.goto(url('/account/'), { waitUntil: 'load' });
	const button = s.page.locator('header form[action="/account/logout"] button[type="submit"]');
	if (await button.count() === 1) await submit(s.page, button, '/account/logout', (u) => u.pathname !== '/account/');
}

// Clicks a submit button and waits for the page the form leads to: the
// response to the form's POST (its status, before any redirect) and the
// loaded page at a URL that `arrived` accepts.
async function submit(page, button, action, arrived) {
	const posted = page.waitForResponse((r) => r.request().method() === 'POST'
		&& new URL(r.url()).pathname === action && r.request().frame() === page.mainFrame());
	const loaded = page.waitForURL((u) => arrived(u), { waitUntil: 'load' });
	await button.click();
	const res = await posted;
	await loaded;
	return res;
}

// The texts of the form's error summary and error messages, for messages.
async function pageErrors(page) {
	const texts = await page.locator('main [role="alert"], main .error').allInnerTexts();
	return texts.map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean);
}

// Signs in through the form, as a user does.
async function signIn(page, email, password) {
	const problems = [];
	await goto(page, url('/account/login', 'en'), 200, problems);
	const form = page.locator('main form[action="/account/login"]');
	await form.locator('input[name="email"]').fill(email);
	await form.locator('input[name="password"]').fill(password);
	const res = await submit(page, form.locator('button[type="submit"]'), '/account/login',
		(u) => u.pathname !== '/account/login' || u.search === '');
	if (new URL(page.url()).pathname !== '/account/') {
		throw new Fail([`signing in as ${email} answered ${res.status()} and ended at ${page.url()}, expected /account/`,
			...(await pageErrors(page)).map((t) => `  page says: ${t}`)]);
	}
}

// ------------------------------------------------------------- e-mail

// RFC 2047 encoded words (B and Q); white space between two of them goes.
function decodeWords(s) {
	return s.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, cs, enc, text) => {
		const bytes = enc.toUpperCase() === 'B'
			? Buffer.from(text, 'base64')
			: Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1');
		return new TextDecoder(cs.toLowerCase() === 'utf-8' ? 'utf-8' : cs).decode(bytes);
	});
}

function parseMail(raw) {
	const text = raw.toString('latin1');
	const split = text.search(/\r?\n\r?\n/);
	const head = split < 0 ? text : text.slice(0, split);
	const rawBody = split < 0 ? '' : text.slice(split).replace(/^\r?\n\r?\n/, '');
	const headers = {};
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const m = line.match(/^([A-Za-z0-9-]+):\s*(.*)$/);
		if (m) headers[m[1].toLowerCase()] = m[2];
	}
	const cte = (headers['content-transfer-encoding'] || '').toLowerCase();
	const body = cte === 'base64'
		? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8')
		: Buffer.from(rawBody, 'latin1').toString('utf8');
	return { headers, subject: decodeWords(headers.subject || ''), body, cte };
}

// Every message the sink holds for `address` (in new/ or, once read by
// something else, cur/).
function mailsTo(address) {
	const found = [];
	for (const sub of ['new', 'cur']) {
		let names = [];
		try { names = readdirSync(path.join(MAIL, sub)); } catch { continue; }
		for (const n of names) {
			let raw;
			try { raw = readFileSync(path.join(MAIL, sub, n)); } catch { continue; }
			const m = parseMail(raw);
			const to = `${m.headers.to || ''} ${m.headers['x-rcptto'] || ''}`.toLowerCase();
			if (to.includes(address.toLowerCase())) found.push({ file: path.join(sub, n), ...m });
		}
	}
	return found;
}

async function waitForMail(address) {
	const until = Date.now() + MAIL_WAIT;
	for (;;) {
		const m = mailsTo(address);
		if (m.length || Date.now() > until) return m;
		await sleep(250);
	}
}

// ---------------------------------------------------------------- tests

// 1. A registration with errors comes back with every error said in text,
//    next to its field and tied to it for screen readers, and with what
//    the user typed kept, except the password.
test('without JavaScript, a registration with a bad e-mail, a short password and the privacy box unticked comes back (422) with an error summary, each error right after its field and named by its aria-describedby, the typed name and e-mail kept and the password field empty', async () => {
	await withSharedPage(NOJS, async (page) => {
		const problems = [];
		await goto(page, url('/account/register', 'en'), 200, problems);
		const form = page.locator('main form[action="/account/register"]');
		if (await form.count() !== 1) throw new Fail([...problems, `expected one registration form, found ${await form.count()}`]);
		const typed = { name: 'Ana Test-Đurić', email: 'ana.example.org', password: 'short1' };
		for (const [f, v] of Object.entries(typed)) await form.locator(`input[name="${f}"]`).pressSequentially(v);
		if (await form.locator('input[name="privacy"]').isChecked()) problems.push('the privacy box is ticked before the user ticks it');

		const res = await submit(page, form.locator('button[type="submit"]'), '/account/register',
			(u) => u.pathname === '/account/register' && u.search === '');
		if (res.status() !== 422) problems.push(`the form answered ${res.status()}, expected 422`);

		const summary = page.locator('main [role="alert"]');
		if (await summary.count() !== 1) problems.push(`expected one error summary (role=alert) in main, found ${await summary.count()}`);
		else {
			if (!(await summary.isVisible())) problems.push('the error summary is not visible');
			const first = await page.evaluate(() => {
				const s = document.querySelector('main [role="alert"]');
				const f = s && s.closest('form');
				const c = f && f.querySelector('input:not([type=hidden]), select, textarea, button');
				return !!(s && c && (s.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING));
			});
			if (!first) problems.push('the error summary does not come before the form\'s fields');
			const hrefs = (await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).sort();
			const want = ['#f-email', '#f-password', '#f-privacy'];
			if (JSON.stringify(hrefs) !== JSON.stringify(want)) problems.push(`the summary links to ${JSON.stringify(hrefs)}, expected ${JSON.stringify(want)}`);
		}

		for (const f of ['email', 'password', 'privacy']) {
			const field = form.locator(`[name="${f}"]`);
			// What a screen reader and a sighted user get for the field.
			const info = await field.evaluate((el, name) => {
				const id = `e-${name}`;
				const err = document.getElementById(id);
				const described = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
				let between = [];
				let sameField = false;
				let after = false;
				if (err) {
					after = !!(el.compareDocumentPosition(err) & Node.DOCUMENT_POSITION_FOLLOWING);
					const box = el.closest('.field');
					sameField = !!(box && box.contains(err));
					// Any other form control or error between the field and
					// its error would break "right after its field".
					if (after) {
						const w = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
						w.currentNode = el;
						for (let n = w.nextNode(); n && n !== err; n = w.nextNode()) {
							if (n.matches('input:not([type=hidden]), select, textarea, button, .error')) between.push(n.outerHTML.slice(0, 80));
						}
					}
				}
				const r = err && err.getBoundingClientRect();
				return {
					invalid: el.getAttribute('aria-invalid'), described, id,
					exists: !!err, tag: err && err.tagName.toLowerCase(),
					cls: err ? err.className : '', text: err ? err.textContent.trim() : '',
					visible: !!(r && r.width > 0 && r.height > 0),
					after, sameField, between,
				};
			}, f);
			if (info.invalid !== 'true') problems.push(`${f}: aria-invalid is ${JSON.stringify(info.invalid)}, expected "true"`);
			if (!info.described.includes(info.id)) problems.push(`${f}: aria-describedby is ${JSON.stringify(info.described.join(' '))}, expected it to name ${info.id}`);
			if (!info.exists) { problems.push(`${f}: no error element #${info.id}`); continue; }
			if (info.tag !== 'p' || !/(^|\s)error(\s|$)/.test(info.cls)) problems.push(`${f}: #${info.id} is <${info.tag} class="${info.cls}">, expected <p class="error">`);
			if (!info.text) problems.push(`${f}: the error #${info.id} is empty`);
			if (!info.visible) problems.push(`${f}: the error #${info.id} is not visible`);
			if (!info.after) problems.push(`${f}: the error #${info.id} comes before its field`);
			if (!info.sameField) problems.push(`${f}: the error #${info.id} is outside the field's .field box`);
			if (info.between.length) problems.push(`${f}: between the field and #${info.id}: ${info.between.join(', ')}`);
		}

		const name = form.locator('input[name="name"]');
		if (await name.getAttribute('aria-invalid')) problems.push('the name, which was right, is marked aria-invalid');
		if (await page.locator('#e-name').count()) problems.push('the name, which was right, has an error message');
		const nameValue = await name.inputValue();
		if (nameValue !== typed.name) problems.push(`the name field holds ${JSON.stringify(nameValue)}, expected the typed ${JSON.stringify(typed.name)}`);
		const emailValue = await form.locator('input[name="email"]').inputValue();
		if (emailValue !== typed.email) problems.push(`the e-mail field holds ${JSON.stringify(emailValue)}, expected the typed ${JSON.stringify(typed.email)}`);
		const pw = form.locator('input[name="password"]');
		const pwValue = await pw.inputValue();
		const pwAttr = await pw.getAttribute('value');
		if (pwValue || pwAttr) problems.push(`the password field is not empty: it holds ${JSON.stringify(pwValue)} (value attribute ${JSON.stringify(pwAttr)})`);
		if ((await page.content()).includes(typed.password)) problems.push('the typed password appears in the page source');
		if (await form.locator('input[name="privacy"]').isChecked()) problems.push('the privacy box came back ticked');
		if (await form.locator('input[type="hidden"][name="csrf"]').count() !== 1) problems.push('the form came back without its csrf field');

		if (problems.length) throw new Fail(problems);
	});
});

// 2. The whole life of a new account, without JavaScript: register, the
//    e-mail with its link, confirm, sign in, sign out.
test('without JavaScript, a new user registers, gets the confirmation e-mail, opens its link and confirms, signs in to a profile showing the name, and signs out with the header button', async () => {
	await withPage(false, async (page, ctx) => {
		const problems = [];
		const stamp = `${Date.now()}-${process.pid}`;
		const name = `Мила Тестић ${stamp.slice(-6)}`;
		const email = `browser-${stamp}@example.org`;
		const password = `pass-${stamp}`;

		// Register.
		await goto(page, url('/account/register', 'en'), 200, problems);
		const form = page.locator('main form[action="/account/register"]');
		await form.locator('input[name="name"]').pressSequentially(name);
		await form.locator('input[name="email"]').pressSequentially(email);
		await form.locator('input[name="password"]').pressSequentially(password);
		await form.locator('label[for="f-privacy"]').click();   // the label ticks its box
		if (!(await form.locator('input[name="privacy"]').isChecked())) problems.push('clicking the privacy label did not tick the box');
		const reg = await submit(page, form.locator('button[type="submit"]'), '/account/register',
			(u) => u.pathname !== '/account/register' || u.search === '');
		if (reg.status() !== 303) problems.push(`registering answered ${reg.status()}, expected 303`);
		if (new URL(page.url()).pathname !== '/account/register/sent') {
			throw new Fail([...problems, `after registering the page is ${page.url()}, expected /account/register/sent`,
				...(await pageErrors(page)).map((t) => `  page says: ${t}`)]);
		}
		const sent = (await page.locator('main [role="status"]').allInnerTexts()).join(' ').trim();
		if (!sent) problems.push('the "sent" page has no notice (role=status)');

		// The e-mail.
		const t0 = Date.now();
		const mails = await waitForMail(email);
		if (!mails.length) throw new Fail([...problems, `no e-mail to ${email} in ${MAIL}/new or cur within ${MAIL_WAIT / 1000} s`]);
		if (mails.length > 1) problems.push(`${mails.length} e-mails to ${email}, expected 1: ${mails.map((m) => m.file).join(', ')}`);
		const mail = mails[0];
		diag(`the e-mail arrived after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${mail.file}, subject ${JSON.stringify(mail.subject)}`);
		if (!mail.subject.trim() || mail.subject.includes('=?')) problems.push(`the subject does not decode: ${JSON.stringify(mail.headers.subject)}`);
		if (!mail.body.includes(name)) problems.push(`the body does not greet ${JSON.stringify(name)} (UTF-8): ${JSON.stringify(snippet(mail.body, 100))}`);
		const links = [...mail.body.matchAll(/https?:\/\/\S+\/account\/confirm\?token=([0-9a-f]+)/g)];
		if (links.length !== 1) throw new Fail([...problems, `expected one confirmation link in the body, found ${links.length}: ${JSON.stringify(snippet(mail.body, 400))}`]);
		const [link, token] = links[0];
		if (!/^[0-9a-f]{64}$/.test(token)) problems.push(`the token is not 64 hex digits: ${token}`);
		let target = link;
		if (new URL(link).origin !== new URL(BASE).origin) {
			diag(`the link points at ${new URL(link).origin}, not ${new URL(BASE).origin}; opening it on ${BASE}`);
			target = BASE + new URL(link).pathname + new URL(link).search;
		}

		// Confirm.
		await goto(page, target, 200, problems);
		const confirm = page.locator('main form[action="/account/confirm"]');
		if (await confirm.count() !== 1) throw new Fail([...problems, `the link's page has ${await confirm.count()} confirmation forms, expected 1`]);
		const hidden = await confirm.locator('input[type="hidden"][name="token"]').getAttribute('value');
		if (hidden !== token) problems.push(`the confirmation form's hidden token is ${JSON.stringify(hidden)}, expected the link's`);
		await submit(page, confirm.locator('button[type="submit"]'), '/account/confirm',
			(u) => u.pathname !== '/account/confirm' || u.search === '');
		const afterConfirm = new URL(page.url());
		if (afterConfirm.pathname !== '/account/login' || afterConfirm.searchParams.get('done') !== 'confirmed') {
			throw new Fail([...problems, `after confirming the page is ${page.url()}, expected /account/login?done=confirmed`,
				...(await pageErrors(page)).map((t) => `  page says: ${t}`)]);
		}
		const notice = (await page.locator('main [role="status"]').allInnerTexts()).join(' ').trim();
		if (!notice) problems.push('the sign-in page after confirming shows no notice (role=status)');

		// Sign in.
		const login = page.locator('main form[action="/account/login"]');
		await login.locator('input[name="email"]').pressSequentially(email);
		await login.locator('input[name="password"]').pressSequentially(password);
		const li = await submit(page, login.locator('button[type="submit"]'), '/account/login',
			(u) => u.pathname !== '/account/login' || !u.searchParams.has('done'));
		if (li.status() !== 303) problems.push(`signing in answered ${li.status()}, expected 303`);
		if (new URL(page.url()).pathname !== '/account/') {
			throw new Fail([...problems, `after signing in the page is ${page.url()}, expected /account/`,
				...(await pageErrors(page)).map((t) => `  page says: ${t}`)]);
		}
		const profile = await page.locator('main').innerText();
		if (!profile.includes(name)) problems.push(`the profile does not show the name ${JSON.stringify(name)}: ${JSON.stringify(snippet(profile, 200))}`);
		if (!profile.includes(email)) problems.push(`the profile does not show the e-mail ${email}`);
		if (!(await ctx.cookies(BASE)).some((c) => c.name === 'sid')) problems.push('no sid cookie after signing in');
		const signOut = page.locator('header form[action="/account/logout"] button[type="submit"]');
		if (await signOut.count() !== 1) throw new Fail([...problems, `expected one sign-out button in the header, found ${await signOut.count()}`]);
		if (await page.locator('header a[href="/account/login"]').count()) problems.push('the header still offers "Sign in" while signed in');
		await screenshot(page, 'account-flow-profile.en.png', problems);

		// Sign out.
		await submit(page, signOut, '/account/logout', (u) => u.pathname !== '/account/');
		if (await page.locator('header form[action="/account/logout"]').count()) problems.push('after signing out the header still has the sign-out button');
		if (!(await page.locator('header a[href="/account/login"]').count())) problems.push(`after signing out the header has no sign-in link (page ${page.url()})`);
		if ((await ctx.cookies(BASE)).some((c) => c.name === 'sid' && c.value)) problems.push('the sid cookie survives signing out');
		await page.goto(url('/account/'), { waitUntil: 'load' });
		if (new URL(page.url()).pathname !== '/account/login') problems.push(`after signing out /account/ leads to ${page.url()}, expected the sign-in page`);

		if (problems.length) throw new Fail(problems);
	});
});

// 3. Keyboard only: the sign-in form is reached by Tab, in reading order,
//    and shows where the focus is.
test('keyboard only on /account/login: Tab from the start reaches the e-mail field, then the password field, then the sign-in button, each with a visible focus indicator', async () => {
	await withPage(true, async (page) => {
		const problems = [];
		await goto(page, url('/account/login', 'en'), 200, problems);
		const focused = () => page.evaluate(() => {
			const el = document.activeElement;
			if (!el || el === document.body) return null;
			const cs = getComputedStyle(el);
			const form = el.closest('form');
			return {
				tag: el.tagName.toLowerCase(), type: el.getAttribute('type'), name: el.getAttribute('name'),
				id: el.id, href: el.getAttribute('href'), text: (el.innerText || '').trim(),
				login: !!(form && form.getAttribute('action') === '/account/login'),
				ring: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none',
			};
		});
		const desc = (f) => (f ? `<${f.tag}${f.id ? '#' + f.id : ''}${f.name ? ` name=${f.name}` : ''}${f.href ? ` href="${f.href}"` : ''}>${f.text ? ' ' + JSON.stringify(f.text) : ''}` : '<body>');
		const stops = [];
		for (let i = 0; i < 40; i++) {
			await page.keyboard.press('Tab');
			const f = await focused();
			stops.push(f);
			if (f && f.login && f.tag === 'button') break;
		}
		const at = stops.findIndex((f) => f && f.login && f.name === 'email');
		if (at < 0) problems.push('Tab never reached the e-mail field');
		else {
			const want = [['e-mail field', (f) => f.tag === 'input' && f.name === 'email'],
				['password field', (f) => f.tag === 'input' && f.name === 'password'],
				['sign-in button', (f) => f.tag === 'button' && f.type === 'submit']];
			for (const [i, [what, ok]] of want.entries()) {
				const f = stops[at + i];
				if (!f || !f.login || !ok(f)) { problems.push(`Tab stop ${at + i + 1} is ${desc(f)}, expected the ${what} of the sign-in form`); break; }
				if (!f.ring) problems.push(`the ${what} has no visible focus indicator (outline none, no box-shadow)`);
			}
		}
		if (problems.length) problems.push(`Tab stops: ${stops.map(desc).join(' | ')}`);
		if (problems.length) throw new Fail(problems);
	});
});

// 4. axe-core finds no WCAG 2.0/2.1 A or AA violation on any account page
//    in any locale, with errors shown and signed in as the administrator.
for (const pg of PAGES) {
	for (const lang of LOCALES) {
		const how = pg.errors ? ' sent back empty (with errors)' : pg.admin ? ' signed in as administrator' : '';
		test(`${pg.name} page (${pg.path})${how} in ${lang} has no axe-core WCAG 2.1 A/AA violations`, async () => {
			await withSharedPage(pg.admin ? AS_ADMIN : JS, async (page) => {
				const problems = [];
				await goto(page, url(pg.path, lang), 200, problems);
				if (pg.errors) {
					const form = page.locator(`main form[action="${pg.path}"]`);
					const res = await submit(page, form.locator('button[type="submit"]'), pg.path,
						(u) => u.pathname === pg.path && u.search === '');
					if (res.status() !== 422) problems.push(`the empty form answered ${res.status()}, expected 422`);
					if (!(await page.locator('main [role="alert"]').count())) problems.push('the empty form came back without an error summary');
				}
				const at = new URL(page.url()).pathname;
				if (at !== pg.path) problems.push(`the page ended at ${page.url()}, expected ${pg.path}`);
				const htmlLang = await page.locator('html').getAttribute('lang');
				if (htmlLang !== lang) problems.push(`html[lang] is ${JSON.stringify(htmlLang)}, expected ${JSON.stringify(lang)}`);
				await screenshot(page, `account-${pg.name}.${lang}.png`, problems);

				await axeProblems(page, problems);
				if (problems.length) throw new Fail(problems);
			});
		});
	}
}

// ------------------------------------------------------------------ run

run({
	testTimeout: TEST_TIMEOUT,
	runTimeout: RUN_TIMEOUT,
	header: `${BASE}, mail in ${MAIL}, screenshots in ${SHOTS}`,
	beforeClose: () => withTimeout(signOutShared(), 20_000, 'signing out')
		.catch((e) => diag(`the administrator was not signed out: ${e.message.split('\n')[0]}`)),
});
