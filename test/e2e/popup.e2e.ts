/**
 * The toolbar button and the popup, end to end in Chromium with the built
 * extension: the vendor count on the toolbar (live, cleared on navigation,
 * dimmed when off), the popup's sections (this page, this site, legal
 * context, site control, export, report a wrong fact), the legal view, the
 * language setting, keyboard use, axe-core in light and dark, no layout
 * jump, the site switch acting on an open tab without reload and surviving
 * a browser restart, and no network request.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCard, type VendorCard } from '../../src/core/card.ts';
import { currentValue } from '../../src/core/feedback.ts';
import { legalOnPage } from '../../src/core/legal.ts';
import { escapeMarkdown } from '../../src/core/report-markdown.ts';
import { VERDICT_LEVELS } from '../../src/core/verdict/levels.ts';
import { dataset } from '../../src/data/index.ts';
import { startServer, type LocalServer } from '../demo/server.ts';
import { launchWithExtension, openExtensionPage, sendFrom, tabIdOf, type Launched } from './harness.ts';
import { axeViolations, countOurElements, openPopup, stored, tabReport, tabWalk, waitFor, waitForReport, writeStorage, type Report } from './ui-helpers.ts';

let server: LocalServer;
let browser: Launched;
const launches: Launched[] = [];
let userDataDir: string;
let article: Page;
let control: Page;
let tabId: number;
let articleUrl: string;
let report: Report;

const SITE = '127.0.0.1';
/** expect.poll with room for a busy two-core machine: the default second is too short for a content script's round trip. */
const poll = <T>(read: () => Promise<T>): ReturnType<typeof expect.poll<T>> => expect.poll(read, { timeout: 5000 });
const card = (item: { vendor: string; offering?: string }): VendorCard => buildCard(dataset, item.vendor, item.offering, 'en')!;
const keyOf = (item: { vendor: string; offering?: string }): string => item.offering ?? item.vendor;

/** Records, in every http page, its text before the extension touches it. */
async function recordOriginalText(launched: Launched): Promise<void> {
	await launched.context.addInitScript(() => {
		if (!location.protocol.startsWith('http')) return;
		document.addEventListener('DOMContentLoaded', () => {
			(window as unknown as { wcOriginalText: string }).wcOriginalText = document.body.textContent ?? '';
		});
	});
}

async function start(): Promise<void> {
	browser = await launchWithExtension({ userDataDir });
	launches.push(browser);
	await recordOriginalText(browser);
	article = browser.context.pages()[0] ?? (await browser.context.newPage());
	for (const extra of browser.context.pages().slice(1)) await extra.close();
	await article.emulateMedia({ reducedMotion: 'reduce' });
	await article.goto(articleUrl);
	control = await openExtensionPage(browser, 'src/options/index.html');
	tabId = await tabIdOf(control, articleUrl);
	// A hidden tab's idle callbacks and timers are throttled: keep the article in front while it is annotated.
	await article.bringToFront();
}

const badgeText = (): Promise<string> => control.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
const actionTitle = (): Promise<string> => control.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);

beforeAll(async () => {
	server = await startServer();
	articleUrl = `${server.origin}/article.html`;
	userDataDir = mkdtempSync(join(tmpdir(), 'whose-cloud-popup-'));
	await start();
	// The deferred pass (ambiguous names) lands a moment after the first report, and reports are
	// coalesced every 400 ms: wait until the vendors have not changed for 1.5 s.
	let last = '';
	let since = Date.now();
	report = await waitFor(() => tabReport(control, tabId), (value) => {
		const now = JSON.stringify(value?.vendors ?? []);
		if (now !== last) {
			last = now;
			since = Date.now();
		}
		return value !== null && value.vendors.length >= 5 && Date.now() - since >= 1500;
	}, 20_000) as Report;
});

afterAll(async () => {
	for (const launched of launches) await launched.close({ keepProfile: true }).catch(() => undefined);
	rmSync(userDataDir, { recursive: true, force: true });
	await server?.close();
});

describe('toolbar button', () => {
	it('shows the number of distinct vendors, follows the page live, and clears on navigation', async () => {
		await article.goto(`${server.origin}/toolbar.html`);
		await expect.poll(badgeText, { timeout: 10_000 }).toBe('2');
		expect(await actionTitle()).toBe('Whose Cloud? — 2 vendors named on this page');

		await article.evaluate(() => (window as unknown as { addVendor(): void }).addVendor());
		await expect.poll(badgeText, { timeout: 10_000 }).toBe('3');

		// about:blank runs no content script: only the navigation itself can clear the count.
		await article.goto('about:blank');
		await expect.poll(badgeText, { timeout: 10_000 }).toBe('');
		expect(await tabReport(control, tabId)).toBeNull();

		await article.goto(`${server.origin}/no-vendors.html`);
		await waitForReport(control, tabId, (value) => value.url.endsWith('/no-vendors.html'));
		expect(await badgeText()).toBe('');
		expect(await actionTitle()).toBe('Whose Cloud? — no cloud vendor named on this page');
	});

	it('dims the icon, and says why in its tooltip, when badges are off on the site', async () => {
		await article.goto(`${server.origin}/toolbar.html`);
		await expect.poll(badgeText, { timeout: 10_000 }).toBe('2');
		// Watch the icon the background sets (there is no API to read it back).
		await browser.worker.evaluate(() => {
			const scope = globalThis as unknown as { wcIcons: string[]; wcSpy?: boolean };
			scope.wcIcons = [];
			if (scope.wcSpy) return;
			scope.wcSpy = true;
			const original = chrome.action.setIcon.bind(chrome.action);
			chrome.action.setIcon = ((details: chrome.action.TabIconDetails) => {
				scope.wcIcons.push(JSON.stringify(details.path));
				return original(details);
			});
		});
		const lastIcon = (): Promise<string> => browser.worker.evaluate(() => (globalThis as unknown as { wcIcons: string[] }).wcIcons.at(-1) ?? '');

		await writeStorage(control, { settings: { sites: { [SITE]: false } } });
		await expect.poll(actionTitle, { timeout: 10_000 }).toBe('Whose Cloud? — badges are off on this site');
		expect(await badgeText()).toBe('');
		expect(await lastIcon()).toMatch(/icon-off-16.*icon-off-32/);

		await writeStorage(control, { settings: { sites: {} } });
		await expect.poll(badgeText, { timeout: 10_000 }).toBe('2');
		expect(await lastIcon()).toMatch(/icon-16[^"]*\.png".*icon-32/);
		expect(await lastIcon()).not.toContain('icon-off');

		await article.goto(articleUrl);
		await waitForReport(control, tabId, (value) => value.url === articleUrl && value.vendors.length === report.vendors.length);
	});
});

describe('popup: first paint', () => {
	it('opens fully rendered, at its final size, with no layout jump', async () => {
		const popup = await openPopup(browser, tabId, '', async (page) => {
			await page.addInitScript(() => {
				const layout: Array<{ when: string; width: number; height: number; list: boolean }> = [];
				(window as unknown as { wcLayout: typeof layout }).wcLayout = layout;
				const record = (when: string): void => {
					const rect = document.body.getBoundingClientRect();
					layout.push({ when, width: rect.width, height: rect.height, list: document.querySelector('[data-testid="vendor-list"]') !== null });
				};
				document.addEventListener('DOMContentLoaded', () => {
					record('loaded');
					new MutationObserver((_, observer) => {
						record('first render');
						observer.disconnect();
					}).observe(document.getElementById('app')!, { childList: true });
				});
			});
		});
		// Past at least one refresh of the popup's data.
		await popup.waitForTimeout(2000);
		const layout = await popup.evaluate(() => {
			const rect = document.body.getBoundingClientRect();
			return [...(window as unknown as { wcLayout: Array<{ when: string; width: number; height: number; list: boolean }> }).wcLayout, { when: 'later', width: rect.width, height: rect.height, list: true }];
		});
		expect(layout.map((item) => item.when)).toEqual(['loaded', 'first render', 'later']);
		for (const item of layout) expect({ width: item.width, height: item.height }, item.when).toEqual({ width: 400, height: 560 });
		expect(layout[1]!.list, 'the first render already lists the vendors').toBe(true);
		await popup.close();
	});
});

describe('popup: this page', () => {
	let popup: Page;
	beforeAll(async () => {
		popup = await openPopup(browser, tabId);
		await popup.getByTestId('vendor-list').waitFor();
	});
	afterAll(async () => popup.close());

	it('groups every vendor by verdict, in the levels’ order, with its mention count', async () => {
		const groups = await popup.locator('[data-testid="vendor-list"] > section.group').evaluateAll((sections) => sections.map((section) => ({
			level: (section as HTMLElement).dataset.level!,
			heading: section.querySelector('h3')!.textContent,
			vendors: [...section.querySelectorAll('li.vendor')].map((item) => ({ id: (item as HTMLElement).dataset.vendor!, count: item.querySelector('.vendor-count')!.textContent })),
		})));
		const levels = groups.map((group) => group.level);
		expect(levels).toEqual(VERDICT_LEVELS.filter((level) => levels.includes(level)));
		expect(groups.flatMap((group) => group.vendors.map((item) => item.id)).sort()).toEqual(report.vendors.map(keyOf).sort());
		for (const group of groups) {
			for (const shown of group.vendors) {
				const found = report.vendors.find((item) => keyOf(item) === shown.id)!;
				expect(card(found).level, shown.id).toBe(group.level);
				expect(shown.count).toBe(found.count === 1 ? '1 mention' : `${found.count} mentions`);
			}
			// The group's heading names the level in words, after its letter.
			expect(group.heading).toContain(card(report.vendors.find((item) => keyOf(item) === group.vendors[0]!.id)!).levelLabel);
		}
		// Providers, as the toolbar counts them: AWS and its European Sovereign Cloud are one.
		const providers = new Set(report.vendors.map((item) => item.vendor)).size;
		expect(providers).toBeLessThan(report.vendors.length);
		expect(await popup.getByTestId('vendor-total').textContent()).toBe(`${providers} vendors named on this page`);
	});

	it('gives each vendor’s verdict reasons', async () => {
		const aws = report.vendors.find((item) => item.vendor === 'aws' && !item.offering)!;
		const reasons = card(aws).reasons.filter((reason) => reason.kind !== 'dispute').map((reason) => reason.text);
		const row = popup.locator('li.vendor[data-vendor="aws"]');
		expect(await row.locator('.vendor-reason').textContent()).toContain(reasons[0]);
		await row.locator('details summary').click();
		const shown = await row.locator('details li').allTextContents();
		expect(shown).toHaveLength(reasons.length);
		reasons.forEach((reason, index) => expect(shown[index]).toContain(reason));
	});

	it('scrolls the page to the first mention of a vendor on click, and on Enter', async () => {
		const mentionInView = (needle: string): Promise<{ scrollY: number; top: number; inView: boolean }> => article.evaluate((text) => {
			const paragraph = [...document.querySelectorAll('p')].find((item) => item.textContent?.includes(text))!;
			const rect = paragraph.getBoundingClientRect();
			return { scrollY: window.scrollY, top: rect.top, inView: rect.bottom > 0 && rect.top < window.innerHeight };
		}, needle);
		const target = ['oracle', 'ibm'].find((id) => report.vendors.some((item) => item.vendor === id));
		expect(target, 'the article names Oracle or IBM far down').toBeDefined();
		await article.evaluate(() => window.scrollTo(0, 0));
		expect((await mentionInView('Oracle et IBM')).inView).toBe(false);

		await popup.getByTestId(`reveal-${target!}`).click();
		await expect.poll(() => mentionInView('Oracle et IBM').then((state) => state.inView), { timeout: 5000 }).toBe(true);
		await poll(() => popup.getByTestId('popup-status').textContent()).toMatch(/^Showing the first mention of /);

		await article.evaluate(() => window.scrollTo(0, 0));
		expect((await mentionInView('Oracle et IBM')).inView).toBe(false);
		await popup.getByTestId(`reveal-${target!}`).focus();
		await popup.keyboard.press('Enter');
		await expect.poll(() => mentionInView('Oracle et IBM').then((state) => state.inView), { timeout: 5000 }).toBe(true);
		await article.evaluate(() => window.scrollTo(0, 0));
	});

	it('shows the dataset version and its date, and links to the method', async () => {
		expect(await popup.getByTestId('data-version').textContent()).toBe(`Dataset ${dataset.meta.version}, data as of ${dataset.meta.data_as_of}`);
		expect(await popup.getByTestId('method-link').getAttribute('href')).toBe(dataset.meta.method_url);
	});
});

describe('popup: this site', () => {
	it('shows the vendor whose own domain the page is on first, matching subdomains', async () => {
		const popup = await openPopup(browser, tabId, '&site=azure.microsoft.com');
		const first = popup.locator('main.popup-main > section').first();
		expect(await first.getAttribute('data-testid')).toBe('this-site');
		expect(await first.getAttribute('data-vendor')).toBe('microsoft');
		expect(await first.textContent()).toContain('You are on a site of Microsoft');
		expect(await first.locator('h3').first().textContent()).toBe(card({ vendor: 'microsoft' }).name);
		await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}&site=https://www.ovhcloud.com/fr/`);
		await poll(() => popup.getByTestId('this-site').getAttribute('data-vendor')).toBe('ovhcloud');
		await popup.close();
	});

	it('shows no site profile on a site that is no vendor’s', async () => {
		const popup = await openPopup(browser, tabId);
		await popup.getByTestId('vendor-list').waitFor();
		expect(await popup.getByTestId('this-site').count()).toBe(0);
		await popup.close();
	});
});

describe('popup: legal context', () => {
	it('lists each regime reaching a vendor on the page once, with plain words, date and official text', async () => {
		const popup = await openPopup(browser, tabId);
		const expected = legalOnPage(dataset, report.vendors.map(card), 'en');
		const items = popup.locator('[data-testid="legal-list"] > li');
		expect(await items.evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.regime))).toEqual(expected.map((item) => item.entry.id));
		for (const { entry } of expected) {
			const item = popup.locator(`[data-testid="legal-list"] > li[data-regime="${entry.id}"]`);
			expect(await item.locator('.law-summary').textContent()).toBe(entry.summary);
			expect(await item.locator('.law-status').textContent()).toContain(`Status as of ${entry.status.asOf}:`);
			expect(await item.locator(`a[href="${entry.officialRef.url}"]`).count()).toBe(1);
			expect(await item.getByTestId('time-sensitive').count()).toBe(entry.status.timeSensitive ? 1 : 0);
			if (entry.status.timeSensitive) expect(await item.getByTestId('time-sensitive').textContent()).toContain(`As of ${entry.status.asOf}`);
		}
		const cloudAct = await popup.locator('li[data-regime="us-cloud-act"] .law-reach').textContent();
		expect(cloudAct).toMatch(/^Reaches on this page: /);
		expect(cloudAct).toContain('Amazon Web Services (AWS)');
		expect(cloudAct).toContain('Bleu (contested)');
		expect(cloudAct).not.toContain('OVHcloud');
		await popup.close();
	});
});

describe('popup: export', () => {
	let popup: Page;
	beforeAll(async () => {
		popup = await openPopup(browser, tabId);
		await popup.evaluate(() => {
			const copies: string[] = [];
			(window as unknown as { wcCopies: string[] }).wcCopies = copies;
			navigator.clipboard.writeText = (text: string) => {
				copies.push(text);
				return Promise.resolve();
			};
		});
	});
	afterAll(async () => popup.close());
	const copies = (): Promise<string[]> => popup.evaluate(() => (window as unknown as { wcCopies: string[] }).wcCopies);

	it('copies a Markdown report with the page, date, vendors, laws, sources, dataset version and method', async () => {
		await popup.getByTestId('copy-md').click();
		await poll(() => popup.getByTestId('export-status').textContent()).toBe('Report copied to the clipboard.');
		const markdown = (await copies()).at(-1)!;
		expect(markdown).toMatch(/^# Cloud vendors named on a web page/);
		expect(markdown).toContain(`<${articleUrl}>`);
		expect(markdown).toMatch(/\*\*Generated:\*\* \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
		expect(markdown).toContain(`Dataset ${dataset.meta.version}, data as of ${dataset.meta.data_as_of}`);
		for (const item of report.vendors) expect(markdown).toContain(`| ${escapeMarkdown(card(item).name)} | ${card(item).glyph} — ${escapeMarkdown(card(item).levelLabel)} | ${item.count} |`);
		expect(markdown).toContain('## Legal context');
		expect(markdown).toContain('### CLOUD Act (US)');
		expect(markdown).toContain('## Method and limits');
		expect(markdown).toContain(`](<${card({ vendor: 'aws' }).sources[0]!.url}>)`);
	});

	it('copies the same report as JSON', async () => {
		await popup.getByTestId('copy-json').click();
		await poll(async () => (await copies()).length).toBe(2);
		const json = JSON.parse((await copies()).at(-1)!) as { format: string; page: { url: string }; dataset: { version: string }; vendors: Array<{ id: string; offering?: string; mentions: number; level: { id: string }; reasons: unknown[]; sources: unknown[]; certifications: unknown[]; laws: unknown[] }>; laws: Array<{ id: string }>; method: { note: string; limits: string } };
		expect(json.format).toBe('whose-cloud-page-report/1');
		expect(json.page.url).toBe(articleUrl);
		expect(json.dataset.version).toBe(dataset.meta.version);
		const jsonKey = (vendor: { id: string; offering?: string }): string => vendor.offering ?? vendor.id;
		expect(json.vendors.map(jsonKey).sort()).toEqual(report.vendors.map(keyOf).sort());
		for (const vendor of json.vendors) {
			expect(vendor.mentions).toBe(report.vendors.find((item) => keyOf(item) === jsonKey(vendor))!.count);
			expect(vendor.reasons.length).toBeGreaterThan(0);
			expect(vendor.sources.length).toBeGreaterThan(0);
		}
		expect(json.laws.map((law) => law.id)).toEqual(legalOnPage(dataset, report.vendors.map(card), 'en').map((item) => item.entry.id));
		expect(json.method.limits).toMatch(/^Limits: /);
	});

	it('downloads the report as .md and .json files', async () => {
		for (const [button, extension] of [['download-md', 'md'], ['download-json', 'json']] as const) {
			const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId(button).click()]);
			expect(download.suggestedFilename()).toMatch(new RegExp(`^whose-cloud-127\\.0\\.0\\.1-\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
			const text = readFileSync((await download.path()), 'utf8');
			if (extension === 'md') expect(text).toMatch(/^# Cloud vendors named on a web page/);
			else expect((JSON.parse(text) as { page: { url: string } }).page.url).toBe(articleUrl);
			await poll(() => popup.getByTestId('export-status').textContent()).toBe(`Report saved as ${download.suggestedFilename()}.`);
		}
	});
});

describe('popup: report a wrong fact', () => {
	it('prefills an issue with vendor id, field, current value and dataset version, and sends nothing itself', async () => {
		const popup = await openPopup(browser, tabId);
		await popup.getByTestId('report-fact').locator('summary').click();
		await popup.getByLabel('Vendor').selectOption('aws');
		await popup.getByLabel('Fact').selectOption('controller');
		const value = currentValue(card({ vendor: 'aws' }), 'controller');
		expect(await popup.getByTestId('fact-current').textContent()).toBe(value);
		const link = popup.getByTestId('fact-link');
		expect(await link.getAttribute('target')).toBe('_blank');
		const url = new URL((await link.getAttribute('href'))!);
		expect(url.origin + url.pathname).toBe(dataset.meta.report_url);
		expect(url.searchParams.get('title')).toBe('Wrong fact: Amazon Web Services (AWS), Controlled by');
		const body = url.searchParams.get('body')!;
		expect(body).toContain('Vendor: aws (Amazon Web Services (AWS))');
		expect(body).toContain('Field: controller (Controlled by)');
		expect(body).toContain(`Current value: ${value}`);
		expect(body).toContain(`Dataset ${dataset.meta.version}, data as of ${dataset.meta.data_as_of}`);

		await popup.getByLabel('Fact').selectOption('licensor');
		await popup.getByLabel('Vendor').selectOption('bleu');
		expect(await popup.getByTestId('fact-current').textContent()).toBe(currentValue(card({ vendor: 'bleu' }), 'licensor'));
		await popup.close();
	});
});

describe('legal view', () => {
	it('opens from the background’s open-legal message, scrolled to and focused on the regime', async () => {
		const [legal] = await Promise.all([browser.context.waitForEvent('page'), sendFrom(control, 'open-legal', { regime: 'us-fisa-702' })]);
		await legal.waitForLoadState();
		expect(legal.url()).toBe(`chrome-extension://${browser.extensionId}/src/popup/index.html?view=legal#us-fisa-702`);
		await poll(() => legal.evaluate(() => document.activeElement?.id)).toBe('us-fisa-702');
		const box = await legal.evaluate(() => {
			const rect = document.getElementById('us-fisa-702')!.getBoundingClientRect();
			return { top: rect.top, scrollY: window.scrollY };
		});
		expect(box.scrollY).toBeGreaterThan(0);
		expect(Math.abs(box.top)).toBeLessThan(40);
		await legal.close();
	});

	it('lists every regime with summary, reach, why it matters, status, warning, official text and sources', async () => {
		const legal = await openExtensionPage(browser, 'src/popup/index.html?view=legal#eu-us-dpf');
		await legal.locator('article.regime').first().waitFor();
		expect(await legal.locator('article.regime').count()).toBe(dataset.regimes.length);
		for (const regime of dataset.regimes) {
			const text = await legal.locator(`article#${regime.id}`).textContent();
			for (const part of [regime.summary.en, regime.reaches.en, regime.why_it_matters.en, regime.status.text.en, `Status as of ${regime.status.as_of}:`]) expect(text, regime.id).toContain(part);
			expect(text!.includes(`As of ${regime.status.as_of}: this may have changed since.`), regime.id).toBe(regime.status.time_sensitive);
			expect(await legal.locator(`article#${regime.id} a[href="${regime.official_ref.url}"]`).count(), regime.id).toBeGreaterThan(0);
			expect(await legal.locator(`article#${regime.id} .regime-sources li`).count(), regime.id).toBe(Object.keys(regime.sources).length);
		}
		await legal.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?view=legal#no-such-law`);
		expect(await legal.getByTestId('legal-not-found').textContent()).toContain('“no-such-law”');
		await legal.close();
	});
});

describe('languages', () => {
	it('shows the popup and the dataset’s texts in the chosen language, live', async () => {
		const popup = await openPopup(browser, tabId);
		await popup.getByTestId('vendor-list').waitFor();
		await writeStorage(control, { settings: { language: 'fr' } });
		await poll(() => popup.locator('#this-page').textContent()).toBe('Cette page');
		expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
		const aws = buildCard(dataset, 'aws', undefined, 'fr')!;
		expect(await popup.locator('li.vendor[data-vendor="aws"] .vendor-reason').textContent()).toContain(aws.reasons[0]!.text);
		const cloudAct = dataset.regimes.find((regime) => regime.id === 'us-cloud-act')!;
		expect(await popup.locator('li[data-regime="us-cloud-act"] .law-summary').textContent()).toBe(cloudAct.summary.fr);
		expect(await popup.getByTestId('data-version').textContent()).toBe(`Jeu de données ${dataset.meta.version}, données au ${dataset.meta.data_as_of}`);
		await writeStorage(control, { settings: { language: 'en' } });
		await poll(() => popup.locator('#this-page').textContent()).toBe('This page');
		await writeStorage(control, { settings: {} });
		await popup.close();
	});
});

describe('popup: keyboard and accessibility', () => {
	it('reaches every control with Tab, in reading order, with a visible focus ring', async () => {
		const popup = await openPopup(browser, tabId);
		await popup.getByTestId('vendor-list').waitFor();
		const focusable = await popup.evaluate(() => [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, summary, [tabindex="0"]')]
			.filter((el) => !(el as HTMLButtonElement).disabled && el.checkVisibility()).length);
		const walk = await tabWalk(popup, focusable + 1);
		expect(walk.slice(0, focusable).every((step) => step.ring), JSON.stringify(walk.filter((step) => !step.ring))).toBe(true);
		const names = walk.map((step) => step.name);
		// Reading order: the switches, then the vendors, export, report, and the footer links.
		const index = (pattern: RegExp): number => names.findIndex((name) => pattern.test(name));
		const order = [/site-switch/, /pause-switch/, /global-switch/, /^button:reveal-/, /copy-md/, /download-json/, /^summary:Report a wrong fact/, /method-link/, /^button:Options/];
		const positions = order.map(index);
		expect(positions.every((position) => position >= 0), JSON.stringify(names)).toBe(true);
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
		await popup.close();
	});

	it('toggles switches with Space, and Escape closes an open disclosure, returning focus to it', async () => {
		const popup = await openPopup(browser, tabId);
		await popup.getByTestId('pause-switch').focus();
		await popup.keyboard.press('Space');
		await poll(() => stored(control, 'paused')).toEqual([SITE]);
		await popup.keyboard.press('Space');
		await poll(() => stored(control, 'paused')).toEqual([]);

		const summary = popup.getByTestId('report-fact').locator('summary');
		await summary.focus();
		await popup.keyboard.press('Enter');
		expect(await popup.getByTestId('report-fact').getAttribute('open')).toBe('');
		await popup.keyboard.press('Tab');
		expect(await popup.evaluate(() => document.activeElement?.id)).toBe('fact-vendor');
		await popup.keyboard.press('Escape');
		expect(await popup.getByTestId('report-fact').getAttribute('open')).toBeNull();
		expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Report a wrong fact');
		// Opened as a tab (?tab=), Escape outside a disclosure leaves the page open.
		await popup.keyboard.press('Escape');
		expect(popup.isClosed()).toBe(false);
		await popup.close();
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		it(`has no axe-core violation in the popup, every section open, in ${colorScheme} mode`, async () => {
			const popup = await openPopup(browser, tabId, '&site=azure.microsoft.com');
			await popup.emulateMedia({ colorScheme });
			await popup.getByTestId('vendor-list').waitFor();
			await popup.evaluate(() => document.querySelectorAll('details').forEach((details) => details.setAttribute('open', '')));
			expect(await axeViolations(popup)).toEqual([]);
			await popup.close();
		});

		it(`has no axe-core violation in the legal view, in ${colorScheme} mode`, async () => {
			const legal = await browser.context.newPage();
			await legal.emulateMedia({ colorScheme });
			await legal.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?view=legal#us-cloud-act`);
			await legal.locator('article.regime').first().waitFor();
			await legal.evaluate(() => document.querySelectorAll('details').forEach((details) => details.setAttribute('open', '')));
			expect(await axeViolations(legal)).toEqual([]);
			await legal.close();
		});
	}
});

describe('site control under an administrator policy', () => {
	const withPolicy = (policy: Record<string, unknown>) => async (page: Page): Promise<void> => {
		await page.addInitScript((value) => {
			chrome.storage.managed.get = () => Promise.resolve(value);
		}, policy);
	};

	it.each([
		['names this site', { sites: { [SITE]: true } }, true],
		['names another site only', { sites: { 'intranet.example': false } }, false],
	])('locks the site switch and the pause when the policy %s', async (_name, policy, locked) => {
		const popup = await openPopup(browser, tabId, '', withPolicy(policy));
		await expect.poll(() => popup.getByTestId('site-switch').isDisabled()).toBe(locked);
		expect(await popup.getByTestId('pause-switch').isDisabled()).toBe(locked);
		expect(await popup.getByTestId('global-switch').isDisabled()).toBe(false);
		expect(await popup.getByText('Set by your administrator').count()).toBe(locked ? 1 : 0);
		await popup.close();
	});
});

describe('site control', () => {
	const original = (): Promise<boolean> => article.evaluate(() => document.body.textContent === (window as unknown as { wcOriginalText: string }).wcOriginalText);
	const sameDocument = (): Promise<boolean> => article.evaluate(() => (window as unknown as { wcMarker?: number }).wcMarker === 42);

	it('turns badges off on the open tab without a reload, leaving the page’s text as it was', async () => {
		await article.evaluate(() => ((window as unknown as { wcMarker: number }).wcMarker = 42));
		// Badges are built as paragraphs near the viewport: bring the top into view.
		await article.evaluate(() => window.scrollTo(0, 0));
		await expect.poll(() => countOurElements(article), { timeout: 10_000 }).toBeGreaterThan(0);
		const popup = await openPopup(browser, tabId);
		const siteSwitch = popup.getByTestId('site-switch');
		expect(await siteSwitch.isChecked()).toBe(true);
		expect(await popup.getByLabel(`Show badges on ${SITE}`).count()).toBe(1);

		await siteSwitch.setChecked(false);
		await poll(() => countOurElements(article)).toBe(0);
		expect(await original()).toBe(true);
		expect(await sameDocument()).toBe(true);
		expect(((await stored(control, 'settings')) as { sites: Record<string, boolean> }).sites[SITE]).toBe(false);
		// The popup refreshes its report every 1.5 s.
		await expect.poll(() => popup.getByTestId('page-off').count(), { timeout: 5000 }).toBe(1);

		await siteSwitch.setChecked(true);
		await expect.poll(() => countOurElements(article), { timeout: 10_000 }).toBeGreaterThan(0);
		expect(await sameDocument()).toBe(true);
		await popup.close();
	});

	it('pauses the site for the session, and the global switch turns every site off, live', async () => {
		const popup = await openPopup(browser, tabId);
		const offText = (): Promise<string> => popup.getByTestId('page-off').innerText().catch(() => '');
		await popup.getByTestId('pause-switch').setChecked(true);
		await poll(() => countOurElements(article)).toBe(0);
		// The popup says which switch turned the page off, and where that switch is.
		await expect.poll(offText, { timeout: 5000 }).toMatch(/^Badges are paused on this site until the browser restarts.*Turn the pause off above/);
		await popup.getByTestId('pause-switch').setChecked(false);
		await expect.poll(() => countOurElements(article), { timeout: 10_000 }).toBeGreaterThan(0);

		await popup.getByTestId('global-switch').setChecked(false);
		await poll(() => countOurElements(article)).toBe(0);
		expect(await original()).toBe(true);
		await expect.poll(offText, { timeout: 5000 }).toMatch(/^Badges are off on all sites.*Turn on “Show badges on all sites” above/);
		// The site's own switch keeps the site's choice, and says the global switch overrides it for now.
		expect(await popup.getByTestId('site-switch').isChecked()).toBe(true);
		expect(await popup.getByText('Badges are off on all sites for now: this site’s choice applies once they are back on.').count()).toBe(1);
		await popup.getByTestId('global-switch').setChecked(true);
		await expect.poll(() => countOurElements(article), { timeout: 10_000 }).toBeGreaterThan(0);
		expect(await sameDocument()).toBe(true);
		await popup.close();
	});

	it('keeps the per-site choice after a browser restart, while a session pause ends', async () => {
		const popup = await openPopup(browser, tabId);
		await popup.getByTestId('site-switch').setChecked(false);
		await poll(() => countOurElements(article)).toBe(0);
		// A pause on another site, to see it end with the session.
		await writeStorage(control, { paused: ['paused.example'] });
		await browser.close({ keepProfile: true });

		await start();
		expect(await stored(control, 'paused')).toBeUndefined();
		const off = await waitForReport(control, tabId, (value) => value.url === articleUrl);
		expect(off.active).toBe(false);
		expect(await countOurElements(article)).toBe(0);
		const again = await openPopup(browser, tabId);
		expect(await again.getByTestId('site-switch').isChecked()).toBe(false);
		await poll(() => again.evaluate(() => chrome.action.getTitle({ tabId: Number(new URLSearchParams(location.search).get('tab')) }))).toBe('Whose Cloud? — badges are off on this site');

		await again.getByTestId('site-switch').setChecked(true);
		await expect.poll(() => countOurElements(article), { timeout: 10_000 }).toBeGreaterThan(0);
		await again.close();
	});
});

describe('privacy', () => {
	it('made no network request outside the local test server, in either browser session', () => {
		const outside = launches.flatMap((launched) => launched.requests).filter((url) => !url.startsWith(server.origin) && !url.startsWith('chrome-extension://') && !url.startsWith('data:') && url !== 'about:blank');
		expect(outside).toEqual([]);
	});
});
