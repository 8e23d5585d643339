/**
 * Renders icons/icon.svg and icons/icon-off.svg to the PNG sizes the manifest
 * and the toolbar use, with the same Chromium the tests use. Run after editing
 * an SVG: `npm run icons`.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.ts';

const ICONS = new URL('../../icons/', import.meta.url).pathname;
const jobs: Array<[string, number[]]> = [
	['icon', [16, 32, 48, 128]],
	['icon-off', [16, 32]],
];

const browser = await chromium.launch({ executablePath: findChromium().path, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [name, sizes] of jobs) {
	const svg = readFileSync(`${ICONS}${name}.svg`, 'utf8');
	for (const size of sizes) {
		await page.setViewportSize({ width: size, height: size });
		await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`);
		writeFileSync(`${ICONS}${name}-${size}.png`, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
	}
}
await browser.close();
console.log('icons rendered');
