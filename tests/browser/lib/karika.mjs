// SPDX-License-Identifier: ISC
// lib/karika.mjs: what Karika's browser tests (../pages.mjs,
// ../accounts.mjs) share: the settings, the Chromium launch, the pages and
// contexts, the TAP runner, the screenshots and the axe-core run.  It lives
// in lib/ so that scripts/check, which runs every tests/browser/*.mjs as a
// test file, does not take it for one.
//
// A script registers its tests with test(name, fn) and then calls
// run({ ... }) once.  A test throws Fail with its findings (one line or an
// array of lines, printed as TAP diagnostics); any other exception fails
// it too and throws away the shared pages, which a timed-out test may
// still hold.
//
// Environment: KARIKA_URL (default http://127.0.0.1:18080), KARIKA_SHOTS
// (directory for full-page screenshots, default /tmp/karika-shots),
// CHROMIUM (default /usr/bin/chromium).

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const BASE = (process.env.KARIKA_URL || 'http://127.0.0.1:18080').replace(/\/+$/, '');
export const SHOTS = process.env.KARIKA_SHOTS || '/tmp/karika-shots';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE = require.resolve('axe-core/axe.min.js');

const STEP_TIMEOUT = 15_000;   // page default timeouts

export const LOCALES = ['sr-Cyrl', 'sr-Latn', 'bs', 'en'];

const LAUNCH = {
	executablePath: CHROMIUM,
	headless: true,
	args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update',
		'--disable-sync', '--disable-dev-shm-usage'],
};
// Accept-Language en: a page that stays in sr-Cyrl without ?lang= can only
// owe that to the lang cookie.
const CONTEXT = { locale: 'en-US', viewport: { width: 1280, height: 900 } };

// ---------------------------------------------------------------- TAP

const tests = [];
export const test = (name, fn) => tests.push({ name, fn });

export class Fail extends Error {
	constructor(details) {
		super(Array.isArray(details) ? details[0] : details);
		this.details = Array.isArray(details) ? details : [details];
	}
}

function out(line) { process.stdout.write(line + '\n'); }
export function diag(line) {
	for (const l of String(line).split('\n')) out(`  # ${l}`);
}
export function withTimeout(promise, ms, what) {
	let t;
	return Promise.race([
		promise,
		new Promise((_, rej) => { t = setTimeout(() => rej(new Error(`${what}: timed out after ${ms} ms`)), ms); }),
	]).finally(() => clearTimeout(t));
}

// ------------------------------------------------------------ pages

let browser = null;

async function newPage(js) {
	const ctx = await browser.newContext({ ...CONTEXT, javaScriptEnabled: js, bypassCSP: js });
	const page = await ctx.newPage();
	page.setDefaultTimeout(STEP_TIMEOUT);
	page.setDefaultNavigationTimeout(STEP_TIMEOUT);
	return { ctx, page };
}

// A fresh context (own cookies) for tests that depend on state.
export async function withPage(js, fn) {
	const { ctx, page } = await newPage(js);
	try { return await fn(page, ctx); } finally { await ctx.close().catch(() => {}); }
}

// The per-page checks share one context and page per kind (a new context
// costs most of a second on a busy machine).  A kind says whether its page
// runs JavaScript (js), whether it keeps its cookies from test to test
// (keepCookies; otherwise they are cleared before each test) and what to
// do once when its page is made (setup, e.g. signing in).  A test that
// fails for any reason other than its own findings gets the context
// thrown away.
export const NOJS = { js: false };
export const JS = { js: true };
const shared = new Map();
export async function withSharedPage(kind, fn) {
	let s = shared.get(kind);
	if (!s) {
		s = await newPage(kind.js);
		shared.set(kind, s);
		if (kind.setup) {
			try {
				await kind.setup(s.page, s.ctx);
			} catch (e) {
				shared.delete(kind);
				await s.ctx.close().catch(() => {});
				throw e;
			}
		}
	}
	if (!kind.keepCookies) await s.ctx.clearCookies();
	try {
		return await fn(s.page, s.ctx);
	} catch (e) {
		if (!(e instanceof Fail)) { shared.delete(kind); await s.ctx.close().catch(() => {}); }
		throw e;
	}
}
// The shared page of a kind, if one has been made: { ctx, page }.
export const sharedPage = (kind) => shared.get(kind);
async function resetShared() {
	const all = [...shared.values()];
	shared.clear();
	await Promise.all(all.map((s) => s.ctx.close().catch(() => {})));
}

export const url = (p, lang) => BASE + p + (lang ? `?lang=${encodeURIComponent(lang)}` : '');
export const snippet = (s, n) => (s.length > n ? s.slice(0, n) + '…' : s);

export async function goto(page, target, expectStatus, problems) {
	const res = await page.goto(target, { waitUntil: 'load' });
	if (!res) throw new Fail(`no response for ${target}`);
	if (res.status() !== expectStatus) problems.push(`status ${res.status()} for ${target}, expected ${expectStatus}`);
	return res;
}

// A full-page screenshot to SHOTS/name; a missing or empty file is a
// problem.
export async function screenshot(page, name, problems) {
	const shot = path.join(SHOTS, name);
	await page.screenshot({ path: shot, fullPage: true });
	let size = 0;
	try { size = statSync(shot).size; } catch { /* reported below */ }
	if (!size) problems.push(`screenshot ${shot} was not written`);
}

// Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page (which needs a
// JavaScript context that bypasses the site's CSP) and adds every
// violation to problems, as well as an axe that passed nothing.
export async function axeProblems(page, problems) {
	await page.addScriptTag({ path: AXE });
	const result = await page.evaluate(async () => {
		// eslint-disable-next-line no-undef
		const r = await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
		});
		return {
			version: r.testEngine && r.testEngine.version,
			passes: r.passes.length,
			incomplete: r.incomplete.map((v) => v.id),
			violations: r.violations.map((v) => ({
				id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
				count: v.nodes.length,
				targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')),
				summary: v.nodes[0] && v.nodes[0].failureSummary,
			})),
		};
	});
	if (result.passes === 0) problems.push('axe ran no passing checks: did it run at all?');
	for (const v of result.violations) {
		problems.push(`${v.id} (${v.impact}): ${v.help} — ${v.count} node(s)`);
		for (const t of v.targets) problems.push(`    at ${t}`);
		if (v.summary) problems.push(`    ${v.summary.replace(/\s*\n\s*/g, ' ')}`);
		problems.push(`    ${v.helpUrl}`);
	}
	return result;
}

// ------------------------------------------------------------------ run

// Runs every registered test and prints TAP version 13; the exit status is
// 1 if any failed.  testTimeout bounds one test, runTimeout the whole run
// (then "Bail out!" and exit 1); header is the comment after the plan;
// beforeClose (optional) runs before the browser is closed, whatever
// happened.
async function main({ testTimeout, runTimeout, header, beforeClose }) {
	const started = Date.now();
	let failed = 0;
	let n = 0;
	out('TAP version 13');
	out(`1..${tests.length}`);
	out(`# ${header}`);

	const watchdog = setTimeout(async () => {
		out(`Bail out! the run took longer than ${runTimeout / 1000} s`);
		if (browser) await withTimeout(browser.close(), 5000, 'browser.close').catch(() => {});
		process.exit(1);
	}, runTimeout);

	let launchError = null;
	try {
		mkdirSync(SHOTS, { recursive: true });
		try {
			browser = await withTimeout(chromium.launch(LAUNCH), 30_000, 'chromium.launch');
		} catch (e) {
			launchError = e;
		}
		for (const t of tests) {
			n++;
			const t0 = Date.now();
			try {
				if (launchError) throw new Fail(`browser did not start: ${launchError.message.split('\n')[0]}`);
				await withTimeout(t.fn(), testTimeout, 'test');
				out(`ok ${n} - ${t.name}`);
			} catch (e) {
				failed++;
				out(`not ok ${n} - ${t.name}`);
				if (e instanceof Fail) e.details.forEach(diag);
				else {
					const msg = String(e.message).replace(/\x1b\[[0-9;]*m/g, '').split(/\n\s*Call log:/)[0];
					diag(`${e.name}: ${msg.split('\n').slice(0, 4).join(' / ')}`);
					await resetShared();   // a timed-out test may still hold the page
				}
			}
			if (Date.now() - t0 > 10_000) diag(`slow: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		}
	} finally {
		if (browser && beforeClose) await beforeClose();
		if (browser) await withTimeout(browser.close(), 10_000, 'browser.close').catch((e) => diag(e.message));
		clearTimeout(watchdog);
	}
	out(`# tests ${tests.length}, pass ${tests.length - failed}, fail ${failed}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
	process.exitCode = failed ? 1 : 0;
}

export function run(options) {
	return main(options).catch((e) => {
		out(`Bail out! ${e && e.stack ? e.stack.split('\n')[0] : e}`);
		process.exitCode = 1;
	});
}
