/**
 * Launches Debian Chromium with the built extension (dist/) loaded, headless
 * unless told otherwise, and gives tests the handles they need: the context,
 * the service worker, the extension id and every network request seen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { findChromium } from '../tools/find-chromium.ts';
import { CHROMIUM_FLAGS } from '../tools/chromium-flags.ts';

/** The unpacked extension to load; WHOSE_CLOUD_DIST points elsewhere (e.g. a private copy while another build runs). */
export const DIST = process.env.WHOSE_CLOUD_DIST ?? new URL('../../dist/', import.meta.url).pathname.replace(/\/$/, '');

export interface Launched {
	context: BrowserContext;
	worker: Worker;
	extensionId: string;
	/** Every request any page, frame or worker of this browser made, in order. */
	requests: string[];
	userDataDir: string;
	close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
	headless?: boolean;
	/** Reuse a profile, to test what survives a browser restart. */
	userDataDir?: string;
	viewport?: { width: number; height: number } | null;
	locale?: string;
	/** Playwright turns the back/forward cache off; a test of pages restored from it turns it back on. */
	backForwardCache?: boolean;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<Launched> {
	const { path, branded } = findChromium();
	if (branded) throw new Error(`${path} is branded Google Chrome, which ignores --load-extension; use Chromium (apt-get install chromium).`);
	const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'whose-cloud-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: path,
		headless: options.headless ?? true,
		viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
		locale: options.locale ?? 'en-US',
		...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
		args: [
			...CHROMIUM_FLAGS,
			// Playwright passes --disable-extensions; this flag is what lets ours load.
			`--disable-extensions-except=${DIST}`,
			`--load-extension=${DIST}`,
		],
	});
	const requests: string[] = [];
	context.on('request', (request) => requests.push(request.url()));
	let [worker] = context.serviceWorkers();
	worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
	const extensionId = new URL(worker.url()).host;
	return {
		context,
		worker,
		extensionId,
		requests,
		userDataDir,
		async close({ keepProfile = false } = {}) {
			await context.close();
			if (!keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}

/** Opens an extension page (popup, options) in a tab. */
export async function openExtensionPage(launched: Launched, path: string): Promise<Page> {
	const page = await launched.context.newPage();
	await page.goto(`chrome-extension://${launched.extensionId}/${path}`);
	return page;
}

/** The id of the tab showing `url`, asked from an extension page (no "tabs" permission needed). */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
	return extensionPage.evaluate(async (target) => {
		const own = await chrome.tabs.getCurrent();
		const tabs = await chrome.tabs.query({});
		const others = tabs.filter((tab) => tab.id !== own?.id);
		// Without the "tabs" permission URLs may be hidden: fall back to the only other tab.
		const match = others.find((tab) => tab.url === target) ?? (others.length === 1 ? others[0] : undefined);
		if (!match?.id) throw new Error(`no tab for ${target}`);
		return match.id;
	}, url);
}

/** Sends a typed-protocol message from an extension page and returns the reply's value. */
export async function sendFrom<T>(extensionPage: Page, name: string, payload?: unknown): Promise<T> {
	const value: unknown = await extensionPage.evaluate(async ([messageName, messagePayload]) => {
		const reply: { value?: unknown; $error?: string } | undefined = await chrome.runtime.sendMessage({ wc: 1, name: messageName, payload: messagePayload });
		if (reply?.$error) throw new Error(reply.$error);
		return reply?.value;
	}, [name, payload] as const);
	return value as T;
}
