/**
 * The foundation, end to end on the built dist/ in Debian Chromium: the
 * content script runs on a 127.0.0.1 page, the service worker answers a typed
 * message, and the popup renders, reads and writes settings.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type LocalServer } from '../demo/server.ts';
import { DIST, launchWithExtension, openExtensionPage, sendFrom, tabIdOf, type Launched } from './harness.ts';

interface Report {
	site: string;
	active: boolean;
	vendors: Array<{ vendor: string; count: number }>;
}

let server: LocalServer;
let browser: Launched;
let article: Page;
let articleUrl: string;

async function waitForReport(extensionPage: Page, tabId: number, accept: (report: Report) => boolean): Promise<Report> {
	for (let attempt = 0; attempt < 60; attempt++) {
		const report = await sendFrom<Report | null>(extensionPage, 'tab-report', { tabId });
		if (report && accept(report)) return report;
		await new Promise((resolve) => setTimeout(resolve, 150));
	}
	throw new Error('the content script never reported');
}

beforeAll(async () => {
	server = await startServer();
	browser = await launchWithExtension();
	article = browser.context.pages()[0] ?? (await browser.context.newPage());
	articleUrl = `${server.origin}/article.html`;
	await article.goto(articleUrl);
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('built extension', () => {
	it('has no web_accessible_resources and the expected permissions', () => {
		const manifest = JSON.parse(readFileSync(`${DIST}/manifest.json`, 'utf8')) as Record<string, unknown>;
		expect(manifest.web_accessible_resources).toBeUndefined();
		expect(manifest.permissions).toEqual(['storage']);
		expect(manifest.host_permissions).toBeUndefined();
	});

	it('service worker answers a typed message', async () => {
		const page = await openExtensionPage(browser, 'src/popup/index.html');
		const pong = await sendFrom<{ version: string; dataVersion: string }>(page, 'ping');
		expect(pong.version).toMatch(/^\d+\.\d+\.\d+$/);
		expect(pong.dataVersion).toMatch(/^\d+\.\d+\.\d+$/);
		await page.close();
	});

	it('content script runs on a 127.0.0.1 page and reports what it found', async () => {
		const page = await openExtensionPage(browser, 'src/popup/index.html');
		const tabId = await tabIdOf(page, articleUrl);
		const report = await waitForReport(page, tabId, (item) => item.vendors.length > 0);
		expect(report.site).toBe('127.0.0.1');
		expect(report.active).toBe(true);
		const vendors = report.vendors.map((item) => item.vendor);
		expect(vendors).toEqual(expect.arrayContaining(['aws', 'microsoft', 'ovhcloud', 'bleu', 's3ns']));
		await page.close();
	});

	it('popup renders, reads settings and writes them, and the page follows live', async () => {
		const probe = await openExtensionPage(browser, 'src/popup/index.html');
		const tabId = await tabIdOf(probe, articleUrl);
		await probe.close();
		const popup = await openExtensionPage(browser, `src/popup/index.html?tab=${tabId}`);
		await expect.poll(() => popup.getByTestId('data-version').textContent()).toMatch(/\d+\.\d+\.\d+/);
		await popup.getByTestId('vendor-list').waitFor();
		const siteSwitch = popup.getByTestId('site-switch');
		expect(await siteSwitch.isChecked()).toBe(true);

		await siteSwitch.setChecked(false);
		await expect.poll(() => popup.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { sites?: Record<string, boolean> } | undefined)?.sites?.['127.0.0.1'])).toBe(false);
		const off = await waitForReport(popup, tabId, (report) => !report.active);
		expect(off.vendors).toEqual([]);

		await siteSwitch.setChecked(true);
		const on = await waitForReport(popup, tabId, (report) => report.active && report.vendors.length > 0);
		expect(on.vendors.length).toBeGreaterThan(0);
		await popup.close();
	});

	it('made no network request outside the local test server', () => {
		const outside = browser.requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith('chrome-extension://') && !url.startsWith('data:'));
		expect(outside).toEqual([]);
	});
});
