/**
 * The demo (`npm start`): serves the bundled article on 127.0.0.1 and opens
 * Chromium with the built extension on it.
 * - With a display: a normal window; close it to end the demo.
 * - With no display, or with `--headless`: loads the page headless, prints
 *   what the extension found, and saves a screenshot of the annotated page.
 */
import { mkdirSync } from 'node:fs';
import { findChromium } from '../tools/find-chromium.ts';
import { launchWithExtension, openExtensionPage, sendFrom, tabIdOf } from '../e2e/harness.ts';
import { startServer } from './server.ts';

interface PageVendor {
	vendor: string;
	offering?: string;
	count: number;
	level: string;
}

const ARTIFACTS = new URL('../../artifacts/', import.meta.url).pathname;
const wantsHeadless = process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux');
const port = Number(process.env.DEMO_PORT ?? 0);

try {
	findChromium();
} catch (error) {
	console.error(`\n${(error as Error).message}\n`);
	process.exit(1);
}

const server = await startServer(port);
const url = `${server.origin}/article.html`;
const launched = await launchWithExtension({ headless: wantsHeadless, viewport: wantsHeadless ? { width: 1280, height: 900 } : null });

const page = launched.context.pages()[0] ?? (await launched.context.newPage());
await page.goto(url);
console.log(`Demo page: ${url}`);

if (!wantsHeadless) {
	console.log('Chromium is open with Whose Cloud? loaded. Hover a badge, open the toolbar popup; close the window to end the demo.');
	await new Promise<void>((resolve) => launched.context.on('close', () => resolve()));
	await server.close();
	process.exit(0);
}

// Headless: wait until the extension has reported, then print and screenshot.
const extensionPage = await openExtensionPage(launched, 'src/popup/index.html');
const tabId = await tabIdOf(extensionPage, url);
let vendors: PageVendor[] = [];
for (let attempt = 0; attempt < 50; attempt++) {
	const report = await sendFrom<{ vendors: PageVendor[] } | null>(extensionPage, 'tab-report', { tabId });
	if (report && report.vendors.length > 0) {
		vendors = report.vendors;
		// Give the deferred (ambiguous-name) pass a moment to land too.
		await new Promise((resolve) => setTimeout(resolve, 900));
		vendors = (await sendFrom<{ vendors: PageVendor[] } | null>(extensionPage, 'tab-report', { tabId }))?.vendors ?? vendors;
		break;
	}
	await new Promise((resolve) => setTimeout(resolve, 200));
}
await extensionPage.close();

mkdirSync(ARTIFACTS, { recursive: true });
await page.bringToFront();
// Badges are built as their paragraphs come near the viewport: scroll through once, as a reader would.
const height = await page.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0; y < height; y += 600) {
	await page.evaluate((top) => window.scrollTo(0, top), y);
	await page.waitForTimeout(120);
}
await page.evaluate(() => window.scrollTo(0, 0));
await page.waitForTimeout(300);
const screenshot = `${ARTIFACTS}demo.png`;
await page.screenshot({ path: screenshot, fullPage: true });

const total = vendors.reduce((sum, item) => sum + item.count, 0);
console.log(`\nWhose Cloud? found ${new Set(vendors.map((item) => item.vendor)).size} vendors (${total} mentions) on the demo page:\n`);
for (const item of vendors) {
	console.log(`  ${(item.offering ?? item.vendor).padEnd(34)} ${String(item.count).padStart(3)}  ${item.level}`);
}
console.log(`\nScreenshot of the annotated page: ${screenshot}`);
await launched.close();
await server.close();
process.exit(vendors.length > 0 ? 0 : 1);
