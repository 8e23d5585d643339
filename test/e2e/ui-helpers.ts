/**
 * Helpers shared by the popup and options browser tests: waiting for the
 * content script's report, counting badges, opening the popup on a tab, and
 * running axe-core in a page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { sendFrom, type Launched } from './harness.ts';

export interface Report {
	site: string;
	url: string;
	active: boolean;
	vendors: Array<{ vendor: string; offering?: string; count: number; level: string }>;
}

/** Waits until `read` returns a value `accept` likes (expect.poll is not allowed in hooks). */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (accept(value)) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting; last value ${JSON.stringify(value)?.slice(0, 400)}`);
		await new Promise((resolve) => setTimeout(resolve, 120));
	}
}

export const tabReport = (extensionPage: Page, tabId: number): Promise<Report | null> => sendFrom<Report | null>(extensionPage, 'tab-report', { tabId });

export const waitForReport = (extensionPage: Page, tabId: number, accept: (report: Report) => boolean): Promise<Report> =>
	waitFor(() => tabReport(extensionPage, tabId), (report): report is Report => report !== null && accept(report)) as Promise<Report>;

/** Every element the extension put in the page (badge and card hosts are named whose-cloud-<random>). */
export const countOurElements = (page: Page): Promise<number> =>
	page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('whose-cloud-')).length);

/** Opens the popup page as a tab, about `tabId`, with extra query parameters. */
export async function openPopup(launched: Launched, tabId: number, extra = '', before?: (page: Page) => Promise<void>): Promise<Page> {
	const page = await launched.context.newPage();
	if (before) await before(page);
	await page.goto(`chrome-extension://${launched.extensionId}/src/popup/index.html?tab=${tabId}${extra}`);
	await page.locator('main.popup-main').waitFor();
	return page;
}

/** What storage.local holds under `key`, read from an extension page. */
export async function stored(extensionPage: Page, key: string): Promise<unknown> {
	return extensionPage.evaluate(async (name) => (await chrome.storage.local.get(name))[name], key);
}

export async function writeStorage(extensionPage: Page, values: Record<string, unknown>): Promise<void> {
	await extensionPage.evaluate(async (items) => chrome.storage.local.set(items), values);
}

export async function clearStorage(extensionPage: Page): Promise<void> {
	await extensionPage.evaluate(async () => chrome.storage.local.clear());
}

const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/**
 * Runs axe-core in the page and returns its violations, one line each. The
 * source is evaluated rather than added as a <script>: extension pages'
 * CSP forbids inline scripts, and evaluation through the debugger is not
 * subject to it. Every rule axe runs by default counts, best practices too.
 */
export async function axeViolations(page: Page): Promise<string[]> {
	await page.evaluate(AXE_SOURCE);
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
		const result = await axe.run(document, { resultTypes: ['violations'] });
		return result.violations.map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
	});
}

/** For each Tab press from the top of the page, what got focus and whether a focus ring is drawn for it. */
export async function tabWalk(page: Page, steps: number): Promise<Array<{ name: string; ring: boolean }>> {
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	const walk: Array<{ name: string; ring: boolean }> = [];
	for (let step = 0; step < steps; step++) {
		await page.keyboard.press('Tab');
		walk.push(await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return { name: 'body', ring: false };
			const drawn = (node: Element | null): boolean => {
				if (!node) return false;
				const style = getComputedStyle(node);
				return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
			};
			// A switch's checkbox is invisible on top of its drawn track, which carries the ring.
			const ring = drawn(el) || (el.matches('input[role="switch"]') && drawn(el.nextElementSibling));
			const name = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40) ?? el.localName;
			return { name: `${el.localName}:${name || el.id}`, ring };
		}));
	}
	return walk;
}
