/**
 * Firefox smoke test: `web-ext run` installs dist/ into headless firefox-esr
 * and opens a 127.0.0.1 page. Through Firefox's WebDriver BiDi endpoint we
 * then check, from the outside:
 *   - the content script ran (badges beside the page's vendor names);
 *   - the page's text is unchanged;
 *   - the background answers a typed message sent from an extension page;
 *   - the background holds the page's report (content → background works);
 *   - frames from another site follow their page's site setting.
 * Results go to the JSON file named by the first argument ({ checks: [...] }).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { startServer } from '../demo/server.ts';
import { findFirefox } from '../tools/find-chromium.ts';
import { Bidi } from './bidi.ts';

const OUT = process.argv[2] ?? new URL('../../artifacts/firefox.json', import.meta.url).pathname;
const DIST = new URL('../../dist', import.meta.url).pathname;

const checks: Array<{ name: string; ok: boolean; detail?: string }> = [];
const check = (name: string, ok: boolean, detail?: string): void => {
	checks.push(detail === undefined ? { name, ok } : { name, ok, detail });
	console.log(`${ok ? '  ✓' : '  ✗'} ${name}${detail ? ` — ${detail}` : ''}`);
};

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/** Badges are elements whose tag starts with "whose-cloud-"; the page can see that they exist, nothing more. */
const BADGE_COUNT = `[...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('whose-cloud-')).length`;

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function poll<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let value = await read();
	while (!accept(value) && Date.now() < deadline) {
		await wait(300);
		value = await read();
	}
	return value;
}

const server = await startServer();
const pageUrl = `${server.origin}/firefox-smoke.csp.html`;
const port = await freePort();
const firefox = findFirefox();
console.log(`Firefox smoke test: ${firefox}, page ${pageUrl}`);

const webExt = spawn('npx', [
	'--no-install', 'web-ext', 'run',
	'--source-dir', DIST,
	'--target', 'firefox-desktop',
	'--firefox', firefox,
	'--no-reload', '--no-input',
	'--start-url', pageUrl,
	'--pref', 'datareporting.policy.dataSubmissionEnabled=false',
	'--pref', 'browser.shell.checkDefaultBrowser=false',
	'--arg=-headless',
	`--arg=--remote-debugging-port=${port}`,
], { env: { ...process.env, MOZ_HEADLESS: '1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let log = '';
webExt.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
webExt.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));

let bidi: Bidi | undefined;
try {
	bidi = await Bidi.connect(port, 60_000);
	const client = bidi;
	const pageContext = (await poll(() => client.contexts(), (list) => list.some((item) => item.url.startsWith(pageUrl)), 30_000))
		.find((item) => item.url.startsWith(pageUrl))?.context;
	check('web-ext opened the test page', Boolean(pageContext));
	if (!pageContext) throw new Error('page not found');

	const badgeCount = (): Promise<number> => client.evaluate<number>(pageContext, BADGE_COUNT);
	const badges = await poll(badgeCount, (count) => count >= 3);
	check('content script added badges beside vendor names', badges >= 3, `${badges} badges`);

	// Styled badges are small boxes: under the page's strict CSP only adopted style sheets can style them.
	const size = await client.evaluate<{ width: number; height: number }>(pageContext, `(() => {
		const rect = [...document.querySelectorAll('*')].find((el) => el.localName.startsWith('whose-cloud-')).getBoundingClientRect();
		return { width: rect.width, height: rect.height };
	})()`);
	check('badges are styled under a strict Content Security Policy', size.width > 8 && size.height > 8, `${Math.round(size.width)}×${Math.round(size.height)} px`);

	// A badge has no text and no child (badge-glyphs.ts): find-in-page reads across it as across the name.
	const findable = await client.evaluate<boolean[]>(pageContext, `['compared AWS with OVHcloud and Scaleway before', 'Orange and Capgemini, runs Microsoft technology'].map((phrase) => {
		getSelection().removeAllRanges();
		return window.find(phrase);
	})`);
	check('a phrase across badges is still found by find-in-page', findable.every(Boolean), findable.join(', '));

	const textIntact = await client.evaluate<boolean>(pageContext, `document.getElementById('article').textContent.replace(/\\s+/g, ' ').trim() === document.getElementById('expected-source').content.textContent.replace(/\\s+/g, ' ').trim()`);
	check('page text unchanged by the annotation', textIntact);

	const tags = await client.evaluate<string[]>(pageContext, `[...new Set([...document.querySelectorAll('*')].map((el) => el.localName).filter((name) => name.startsWith('whose-cloud-')))]`);
	check('one content-script instance annotated the page', tags.length === 1, tags.join(', '));

	// Use the product as a person would: click the first badge (real pointer events reach into its closed
	// shadow root), the card asks the background for the vendor, Tab to its first law and press Enter:
	// the background opens the legal page, an extension page we can then talk from.
	const point = await client.evaluate<{ x: number; y: number }>(pageContext, `(() => {
		const host = [...document.querySelectorAll('*')].find((el) => el.localName.startsWith('whose-cloud-'));
		const rect = host.getBoundingClientRect();
		return { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height / 2) };
	})()`);
	await client.send('input.performActions', { context: pageContext, actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
		{ type: 'pointerMove', x: point.x, y: point.y }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
	] }] });
	await wait(800);
	await client.send('input.performActions', { context: pageContext, actions: [{ type: 'key', id: 'keyboard', actions: [
		{ type: 'keyDown', value: '\uE004' }, { type: 'keyUp', value: '\uE004' }, { type: 'keyDown', value: '\uE007' }, { type: 'keyUp', value: '\uE007' },
	] }] });
	const legal = await poll(() => client.contexts(), (list) => list.some((item) => item.url.startsWith('moz-extension://')), 10_000);
	const extensionPage = legal.find((item) => item.url.startsWith('moz-extension://'))?.context;
	check('badge → card → law link opened the legal page (background handled the card and the link)', Boolean(extensionPage), legal.map((item) => item.url).join(' | '));
	if (!extensionPage) throw new Error('no extension page opened');

	const pong = await client.evaluate<{ value?: { version?: string } }>(extensionPage, `browser.runtime.sendMessage({ wc: 1, name: 'ping' })`);
	check('background answers a typed message', typeof pong?.value?.version === 'string', `version ${pong?.value?.version ?? 'none'}`);

	const vendors = await poll(
		() => client.evaluate<string[]>(extensionPage, `(async () => {
			const tabs = await browser.tabs.query({});
			for (const tab of tabs) {
				const reply = await browser.runtime.sendMessage({ wc: 1, name: 'tab-report', payload: { tabId: tab.id } });
				if (reply?.value?.site === '127.0.0.1') return reply.value.vendors.map((item) => item.vendor);
			}
			return [];
		})()`),
		(list) => list.length >= 3,
	);
	check('background received the page report', vendors.includes('aws') && vendors.includes('ovhcloud'), vendors.join(', '));

	// Frames from another site follow their page's site setting. The first knows its page from
	// location.ancestorOrigins; the second is framed with referrerpolicy="no-referrer", which makes Firefox
	// hide the page's origin from it, so it asks the background, which asks the page's own content script.
	// The legal page opened in front: bring the page's tab back, as a hidden tab draws no frames (no badges).
	await client.send('browsingContext.activate', { context: pageContext });
	await client.send('browsingContext.navigate', { context: pageContext, url: `${server.origin}/cross-frame.html`, wait: 'complete' });
	const frames = (await poll(() => client.send<{ contexts: Array<{ children?: Array<{ context: string; url: string }> }> }>('browsingContext.getTree', { root: pageContext }),
		(tree) => (tree.contexts[0]?.children ?? []).filter((child) => child.url.startsWith('http://localhost:')).length === 2)).contexts[0]?.children ?? [];
	const told = frames.find((child) => child.url.endsWith('?told'))?.context;
	const hidden = frames.find((child) => child.url.endsWith('?hidden'))?.context;
	if (!told || !hidden) throw new Error('the cross-site frames did not load');
	const frameBadges = async (): Promise<string> => `${await client.evaluate<number>(told, BADGE_COUNT)}+${await client.evaluate<number>(hidden, BADGE_COUNT)}`;
	const setSites = (sites: Record<string, boolean>): Promise<unknown> => client.evaluate(extensionPage, `(async () => {
		const current = (await browser.storage.local.get('settings')).settings ?? {};
		await browser.storage.local.set({ settings: { ...current, sites: ${JSON.stringify(sites)} } });
	})()`);
	const at = await poll(frameBadges, (count) => count === '2+2');
	await setSites({ '127.0.0.1': false });
	const off = await poll(frameBadges, (count) => count === '0+0', 10_000);
	await setSites({ '127.0.0.1': true, 'localhost': false });
	const on = await poll(frameBadges, (count) => count === '2+2', 10_000);
	check('frames from another site follow their page\'s site setting, live', at === '2+2' && off === '0+0' && on === '2+2',
		`frame badges ${at}; page's site off: ${off}; only the frames' own host off: ${on}`);

	// Web components: one nested in another's shadow tree, one defined late, one rendering its shadow tree late.
	await client.send('browsingContext.navigate', { context: pageContext, url: `${server.origin}/components-late.html`, wait: 'complete' });
	const inShadows = (): Promise<string> => client.evaluate<string>(pageContext, `[['outer', 'inner'], ['late'], ['lazy']].map((path) => {
		let root = document;
		for (const id of path) root = root?.getElementById(id)?.shadowRoot;
		return root ? [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('whose-cloud-')).length : 0;
	}).join('+')`);
	const components = await poll(inShadows, (counts) => counts === '1+1+1');
	check('badges inside nested web components and ones rendered late', components === '1+1+1', `badges in nested+defined late+rendered late: ${components}`);
} catch (error) {
	check('smoke test ran to the end', false, error instanceof Error ? error.message : String(error));
	console.log(log.split('\n').slice(-30).join('\n'));
} finally {
	bidi?.close();
	// web-ext starts Firefox in its own process group: end the whole group.
	const group = webExt.pid ? -webExt.pid : undefined;
	try {
		if (group) process.kill(group, 'SIGTERM');
	} catch {
		// Already gone.
	}
	await wait(800);
	try {
		if (group) process.kill(group, 'SIGKILL');
	} catch {
		// Already gone.
	}
	await server.close();
}

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify({ checks }, null, '\t'));
const failed = checks.filter((item) => !item.ok).length;
console.log(`Firefox: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
