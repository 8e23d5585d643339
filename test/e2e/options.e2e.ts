/**
 * The options page, end to end in Chromium with the built extension: every
 * setting has a labelled control, is saved at once and reaches open tabs
 * live; the per-site lists; the language; settings an administrator fixed
 * (storage.managed) shown as locked; corrupt or foreign stored values and an
 * unknown policy value falling back to safe defaults and said so, with
 * nothing thrown; keyboard use; and axe-core in light and dark.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { startServer, type LocalServer } from '../demo/server.ts';
import { launchWithExtension, openExtensionPage, tabIdOf, type Launched } from './harness.ts';
import { axeViolations, clearStorage, countOurElements, openPopup, stored, tabReport, tabWalk, waitFor, writeStorage } from './ui-helpers.ts';

let server: LocalServer;
let browser: Launched;
let article: Page;
let articleUrl: string;
let tabId: number;
/** An extension page kept open to ask the background for the article's report. */
let control: Page;
/** Errors thrown in any extension page or the article during the whole run: there must be none. */
const pageErrors: string[] = [];

const poll = <T>(read: () => Promise<T>): ReturnType<typeof expect.poll<T>> => expect.poll(read, { timeout: 5000 });

const POLICY = { density: 'all', badgeStyle: 'labelled', language: 'klingon', telemetry: true, sites: { 'intranet.example': false } };

/**
 * Opens the options page; with `policy`, as if an administrator had set it.
 * Chromium reads storage.managed from system policy files, which a test must
 * not write; the page's own storage.managed.get is answered instead, before
 * any of the page's scripts run, so everything from there on is the real code.
 */
async function openOptions(policy?: Record<string, unknown>, colorScheme?: 'light' | 'dark'): Promise<Page> {
	const page = await browser.context.newPage();
	page.on('pageerror', (error) => pageErrors.push(`options: ${error.message}`));
	if (colorScheme) await page.emulateMedia({ colorScheme });
	if (policy) {
		await page.addInitScript((value) => {
			chrome.storage.managed.get = () => Promise.resolve(value);
		}, policy);
	}
	await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
	await page.locator('h1').waitFor();
	return page;
}

const mentionsOf = async (vendor: string): Promise<number> => (await tabReport(control, tabId).catch(() => null))?.vendors.filter((item) => item.vendor === vendor).reduce((sum, item) => sum + item.count, 0) ?? 0;

beforeAll(async () => {
	server = await startServer();
	articleUrl = `${server.origin}/article.html`;
	browser = await launchWithExtension();
	article = browser.context.pages()[0] ?? (await browser.context.newPage());
	article.on('pageerror', (error) => pageErrors.push(`article: ${error.message}`));
	await article.goto(articleUrl);
	control = await openExtensionPage(browser, 'src/options/index.html');
	tabId = await tabIdOf(control, articleUrl);
	await waitFor(() => tabReport(control, tabId), (report) => (report?.vendors.length ?? 0) >= 5);
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('settings', () => {
	let options: Page;
	beforeAll(async () => {
		options = await openOptions();
	});
	beforeEach(async () => clearStorage(options));
	afterAll(async () => options.close());

	it('gives every setting a labelled control showing its current value', async () => {
		expect(await options.getByLabel('Show badges on web pages').isChecked()).toBe(DEFAULT_SETTINGS.enabled);
		expect(await options.getByLabel('Show badges on sites I have not chosen for').isChecked()).toBe(DEFAULT_SETTINGS.defaultOn);
		expect(await options.getByLabel('Leave code blocks alone').isChecked()).toBe(DEFAULT_SETTINGS.skipCode);
		expect(await options.getByLabel('Badges per paragraph').inputValue()).toBe(DEFAULT_SETTINGS.density);
		expect(await options.getByLabel('Badge style').inputValue()).toBe(DEFAULT_SETTINGS.badgeStyle);
		expect(await options.getByLabel('Language of the extension and of vendor facts').inputValue()).toBe(DEFAULT_SETTINGS.language);
		expect(await options.getByTestId('problems').count()).toBe(0);
		expect(await options.getByTestId('policy-banner').count()).toBe(0);
	});

	it('turns badges off for sites without a choice of their own, live on an open tab', async () => {
		await poll(() => countOurElements(article)).toBeGreaterThan(0);
		await options.getByLabel('Show badges on sites I have not chosen for').setChecked(false);
		await poll(() => options.getByTestId('options-status').textContent()).toBe('Saved');
		expect(await stored(options, 'settings')).toMatchObject({ defaultOn: false });
		await poll(() => countOurElements(article)).toBe(0);
		await options.getByLabel('Show badges on sites I have not chosen for').setChecked(true);
		await poll(() => countOurElements(article)).toBeGreaterThan(0);
	});

	it('saves density, badge style and code blocks, and the page follows', async () => {
		await options.getByLabel('Badges per paragraph').selectOption('all');
		await options.getByLabel('Badge style').selectOption('labelled');
		await poll(() => stored(options, 'settings')).toMatchObject({ density: 'all', badgeStyle: 'labelled' });

		// The article's code block names AWS: counted only once code blocks are read.
		const before = await mentionsOf('aws');
		await options.getByLabel('Leave code blocks alone').setChecked(false);
		await poll(() => stored(options, 'settings')).toMatchObject({ skipCode: false });
		await poll(() => mentionsOf('aws')).toBeGreaterThan(before);
		await options.getByLabel('Leave code blocks alone').setChecked(true);
		await poll(() => mentionsOf('aws')).toBe(before);
	});

	it('switches its own language, live, and back', async () => {
		await options.getByLabel('Language of the extension and of vendor facts').selectOption('fr');
		await poll(() => options.locator('h1').textContent()).toBe('Options de Whose Cloud?');
		expect(await options.evaluate(() => document.documentElement.lang)).toBe('fr');
		expect(await options.title()).toBe('Options de Whose Cloud?');
		expect(await options.getByLabel('Badges par paragraphe').count()).toBe(1);
		await options.getByLabel('Langue de l’extension et des informations fournisseurs').selectOption('en');
		await poll(() => options.locator('h1').textContent()).toBe('Whose Cloud? options');
	});
});

describe('sites with their own setting', () => {
	it('lists disabled, enabled and paused sites, and removes or resumes each', async () => {
		const options = await openOptions();
		await clearStorage(options);
		expect(await options.getByText('No site has its own setting yet.').count()).toBe(1);
		await writeStorage(options, { settings: { sites: { 'a.example': false, 'b.example': true, 'c.example': false } }, paused: ['d.example'] });
		await poll(() => options.getByTestId('sites-off').locator('li').allTextContents()).toEqual(['a.exampleRemove', 'c.exampleRemove']);
		expect(await options.getByTestId('sites-on').locator('li').allTextContents()).toEqual(['b.exampleRemove']);
		expect(await options.getByTestId('sites-paused').locator('li').allTextContents()).toEqual(['d.exampleResume']);

		await options.getByRole('button', { name: 'Remove a.example' }).click();
		await poll(() => stored(options, 'settings')).toMatchObject({ sites: { 'b.example': true, 'c.example': false } });
		expect(((await stored(options, 'settings')) as { sites: Record<string, boolean> }).sites).not.toHaveProperty('a.example');
		// Keyboard: Enter on the button does the same.
		await options.getByRole('button', { name: 'Remove b.example' }).focus();
		await options.keyboard.press('Enter');
		await poll(() => options.getByTestId('sites-on').count()).toBe(0);
		await options.getByRole('button', { name: 'Resume d.example' }).click();
		await poll(() => stored(options, 'paused')).toEqual([]);
		await options.getByRole('button', { name: 'Remove c.example' }).click();
		await poll(() => options.getByText('No site has its own setting yet.').count()).toBe(1);
		await options.close();
	});
});

describe('bad input', () => {
	it('falls back to the defaults when stored settings are not an object, says so, and can save the repair', async () => {
		const options = await openOptions();
		await writeStorage(options, { settings: 'enabled=false;density=all' });
		await poll(() => options.getByTestId('problems').textContent()).toContain('The stored settings were not in a form Whose Cloud? understands; every setting is back to its default.');
		expect(await options.getByLabel('Badges per paragraph').inputValue()).toBe(DEFAULT_SETTINGS.density);
		// The page is still annotated, with the defaults, and the popup still works.
		await poll(() => countOurElements(article)).toBeGreaterThan(0);
		const popup = await openPopup(browser, tabId);
		popup.on('pageerror', (error) => pageErrors.push(`popup: ${error.message}`));
		await popup.getByTestId('vendor-list').waitFor();
		await popup.close();

		await options.getByTestId('repair').click();
		await poll(() => options.getByTestId('problems').count()).toBe(0);
		expect(await stored(options, 'settings')).toEqual({ ...DEFAULT_SETTINGS, sites: {} });
		await poll(() => options.getByTestId('options-status').textContent()).toBe('Corrected settings saved.');
		await options.close();
	});

	it('shows settings stored while it was opening, after its first read and before it listened for changes', async () => {
		const page = await browser.context.newPage();
		page.on('pageerror', (error) => pageErrors.push(`options (opening): ${error.message}`));
		// Once the page's first read has its answer, store corrupt settings and hand that (older)
		// answer back only after the change event has been sent, to no listener yet.
		await page.addInitScript(() => {
			const get = chrome.storage.local.get.bind(chrome.storage.local) as (keys: unknown) => Promise<Record<string, unknown>>;
			let first = true;
			(chrome.storage.local as { get: unknown }).get = async (keys: unknown) => {
				const answer = await get(keys);
				if (first) {
					first = false;
					await chrome.storage.local.set({ settings: 'density=all' });
					await new Promise((resolve) => setTimeout(resolve, 300));
				}
				return answer;
			};
		});
		await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
		await poll(() => page.getByTestId('problems').count()).toBe(1);
		expect(await page.getByTestId('problems').textContent()).toContain('The stored settings were not in a form Whose Cloud? understands');
		await clearStorage(page);
		await page.close();
	});

	it('resets each foreign or corrupt value on its own, keeps the valid ones, and names them', async () => {
		const options = await openOptions();
		await clearStorage(options);
		await writeStorage(options, {
			settings: { enabled: 'yes', density: 3, skipCode: false, sites: { 'bad host!': true, 'ok.example': false, 'x.example': 'off' }, theme: 'dark' },
			paused: 'all of them',
		});
		await poll(() => options.getByTestId('problems').locator('li').allTextContents()).toEqual([
			'“Show badges on web pages” had a value that is not valid; it is back to its default: on.',
			'2 stored per-site choices were malformed and were ignored; the others are kept.',
			'“Badges per paragraph” had a value that is not valid; it is back to its default: First mention of each vendor.',
			'The list of sites paused for this session was damaged and was cleared.',
		]);
		expect(await options.getByLabel('Show badges on web pages').isChecked()).toBe(true);
		expect(await options.getByLabel('Leave code blocks alone').isChecked()).toBe(false);
		expect(await options.getByTestId('sites-off').locator('.site-name').allTextContents()).toEqual(['ok.example']);
		await clearStorage(options);
		await poll(() => options.getByTestId('problems').count()).toBe(0);
		await options.close();
	});

	it('shows settings fixed by a policy as locked, ignores an unknown or invalid policy value, and says so', async () => {
		const options = await openOptions(POLICY);
		await clearStorage(options);
		await writeStorage(options, { settings: { sites: { 'user.example': false } } });
		await options.reload();
		await options.locator('h1').waitFor();
		expect(await options.getByTestId('policy-banner').textContent()).toContain('Your organisation manages some of these settings.');
		for (const [label, value] of [['Badges per paragraph', 'all'], ['Badge style', 'labelled']] as const) {
			const select = options.getByLabel(label);
			expect(await select.isDisabled(), label).toBe(true);
			expect(await select.inputValue(), label).toBe(value);
			// The reason is tied to the control, so a screen reader reads it with the label.
			const note = await select.getAttribute('aria-describedby');
			expect(await options.locator(`#${note}`).textContent()).toBe('Set by your administrator');
		}
		// The policy's language is invalid: ignored, so the user keeps the choice.
		expect(await options.getByLabel('Language of the extension and of vendor facts').isDisabled()).toBe(false);
		expect(await options.getByTestId('problems').locator('li').allTextContents()).toEqual([
			'Your organisation’s policy gives “Language of the extension and of vendor facts” a value this version does not accept; it was ignored, and your own choice applies.',
			'Your organisation’s policy sets “telemetry”, which this version does not know; it was ignored.',
		]);
		// Only the administrator can fix policy problems: no repair offered.
		expect(await options.getByTestId('repair').count()).toBe(0);
		// The policy fixes the sites it names, one by one: the user's own stay the user's.
		expect(await options.getByTestId('sites-off').locator('.site-name').allTextContents()).toEqual(['intranet.example', 'user.example']);
		const fixed = options.getByRole('button', { name: 'Remove intranet.example' });
		expect(await fixed.isDisabled()).toBe(true);
		expect(await options.locator(`#${await fixed.getAttribute('aria-describedby')}`).textContent()).toBe('Set by your administrator');
		expect(await options.getByRole('button', { name: 'Remove user.example' }).isDisabled()).toBe(false);
		await options.getByRole('button', { name: 'Remove user.example' }).click();
		await poll(() => options.getByTestId('sites-off').locator('.site-name').allTextContents()).toEqual(['intranet.example']);
		// The policy's site stays the policy's: it is not written into the user's own choices.
		expect(Object.keys((await stored(options, 'settings') as { sites: object }).sites)).toEqual([]);
		expect(await options.getByLabel('Show badges on web pages').isDisabled()).toBe(false);
		await options.close();
	});

	it('threw no error in any page along the way', () => {
		expect(pageErrors).toEqual([]);
	});
});

describe('keyboard and accessibility', () => {
	it('reaches every control with Tab, with a visible focus ring, and Space toggles a switch', async () => {
		const options = await openOptions();
		await clearStorage(options);
		await writeStorage(options, { settings: { sites: { 'a.example': false } } });
		await options.getByTestId('sites-off').waitFor();
		const focusable = await options.evaluate(() => [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, summary')].filter((el) => !(el as HTMLInputElement).disabled).length);
		const walk = await tabWalk(options, focusable);
		expect(walk.map((step) => step.name)).toEqual(['input:opt-enabled', 'input:opt-defaultOn', 'select:opt-density', 'select:opt-badgeStyle', 'input:opt-skipCode', 'select:opt-language', 'button:Remove a.example']);
		expect(walk.every((step) => step.ring), JSON.stringify(walk)).toBe(true);

		await options.getByTestId('opt-skipCode').focus();
		await options.keyboard.press('Space');
		await poll(() => stored(options, 'settings')).toMatchObject({ skipCode: false });
		await options.keyboard.press('Space');
		await poll(() => stored(options, 'settings')).toMatchObject({ skipCode: true });
		await clearStorage(options);
		await options.close();
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		it(`has no axe-core violation, with every part shown, in ${colorScheme} mode`, async () => {
			const options = await openOptions(POLICY, colorScheme);
			await clearStorage(options);
			await writeStorage(options, { settings: { enabled: 'yes', sites: { 'a.example': true, 'b.example': false } }, paused: ['c.example'] });
			await options.getByTestId('sites-paused').waitFor();
			await options.getByTestId('problems').waitFor();
			expect(await axeViolations(options)).toEqual([]);
			await clearStorage(options);
			await options.close();
		});
	}
});
