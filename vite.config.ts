import { crx, type CrxPlugin, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vitest/config';
import manifest from './manifest.json' with { type: 'json' };
import { writeCompactIndex, writeUiMessages } from './test/tools/vite-dataset-gate.ts';

/**
 * Chromium reads `background.service_worker`, Firefox reads `background.scripts`,
 * and crxjs emits only the first. Copy it into the second so one `dist/` loads in
 * both. Must run after crxjs's own background plugin, hence `enforce: 'post'`.
 */
function dualBackground(): CrxPlugin {
	return {
		name: 'whose-cloud:dual-background',
		enforce: 'post',
		renderCrxManifest(m) {
			const background = m.background as { service_worker?: string; type?: 'module'; scripts?: string[] } | undefined;
			if (background?.service_worker) {
				m.background = { ...background, scripts: [background.service_worker] };
			}
			return m;
		},
	};
}

// The build refuses an invalid dataset; tests only warn, so the dataset test can report every error.
const compactIndex = writeCompactIndex({ strict: !process.env.VITEST });

export default defineConfig({
	publicDir: 'src/static',
	resolve: {
		alias: { 'virtual:compact-index': compactIndex, 'virtual:ui-messages': writeUiMessages() },
	},
	plugins: [
		crx({
			manifest: manifest as ManifestV3Export,
			// Self-contained IIFEs: no loader, no dynamic import, and so nothing
			// in web_accessible_resources for pages to fingerprint.
			contentScripts: { standaloneFiles: ['src/content/early.ts', 'src/content/index.ts'] },
		}),
		dualBackground(),
	],
	build: {
		target: ['chrome120', 'firefox128'],
		outDir: 'dist',
		emptyOutDir: true,
		// Readable output helps store reviewers; the size cost is small.
		minify: true,
		sourcemap: false,
		chunkSizeWarningLimit: 600,
		// Emit every asset as a file: the toolbar icons are passed to action.setIcon by path.
		assetsInlineLimit: 0,
	},
	test: {
		environment: 'node',
		include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts'],
	},
});
