/**
 * `npm run package` on the built dist/: one zip per store, each with the
 * manifest that store expects and the same extension inside.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };

async function open(zip: string): Promise<{ manifest: Record<string, unknown>; files: string[] }> {
	const archive = await JSZip.loadAsync(readFileSync(zip));
	const manifest = JSON.parse(await archive.file('manifest.json')!.async('string')) as Record<string, unknown>;
	return { manifest, files: Object.keys(archive.files).filter((name) => !name.endsWith('/')).sort() };
}

describe('store packages', () => {
	it('writes a Chrome zip and a Firefox zip with their own manifests', async () => {
		execFileSync('npx', ['--no-install', 'tsx', 'test/tools/package.ts'], { cwd: ROOT, stdio: 'pipe' });
		const chrome = await open(`${ROOT}artifacts/whose-cloud-chrome-${version}.zip`);
		const firefox = await open(`${ROOT}artifacts/whose-cloud-firefox-${version}.zip`);
		const chromeManifest = chrome.manifest;
		const firefoxManifest = firefox.manifest;
		expect(chromeManifest.background).toEqual({ service_worker: 'service-worker-loader.js', type: 'module' });
		expect(chromeManifest.browser_specific_settings).toBeUndefined();
		expect(firefoxManifest.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
		expect((firefoxManifest.browser_specific_settings as { gecko: { id: string } }).gecko.id).toBe('whose-cloud@whose-cloud.eu');
		for (const manifest of [chromeManifest, firefoxManifest]) {
			expect(manifest.version).toBe(version);
			expect(manifest.web_accessible_resources).toBeUndefined();
		}
		expect(chrome.files).toEqual(firefox.files);
		expect(chrome.files).toEqual(expect.arrayContaining(['_locales/en/messages.json', '_locales/fr/messages.json', 'icons/icon-128.png', 'src/content/index.js']));
	}, 60_000);
});
