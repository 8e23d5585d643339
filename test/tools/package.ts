/**
 * `npm run package`: store-ready zips from dist/, one per browser. Each gets
 * the manifest its store expects: Chrome's without Firefox-only keys, and
 * Firefox's with an event-page background instead of a service worker.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'artifacts');
mkdirSync(OUT, { recursive: true });

type Manifest = Record<string, unknown> & { version: string; background: { service_worker?: string; scripts?: string[]; type?: string } };
const base = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as Manifest;

const variants: Record<'chrome' | 'firefox', (manifest: Manifest) => Manifest> = {
	chrome: (manifest) => {
		const { browser_specific_settings: _gecko, ...rest } = manifest;
		return { ...rest, background: { service_worker: manifest.background.service_worker!, type: 'module' } };
	},
	firefox: (manifest) => {
		const { storage: _managedSchema, ...rest } = manifest;
		return { ...rest, background: { scripts: manifest.background.scripts!, type: 'module' } };
	},
};

for (const [browser, transform] of Object.entries(variants)) {
	const dir = mkdtempSync(join(tmpdir(), `whose-cloud-${browser}-`));
	cpSync(DIST, dir, { recursive: true });
	writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(transform(base), null, 2)}\n`);
	const file = `whose-cloud-${browser}-${base.version}.zip`;
	rmSync(join(OUT, file), { force: true });
	execFileSync('npx', ['--no-install', 'web-ext', 'build', '--source-dir', dir, '--artifacts-dir', OUT, '--filename', file, '--overwrite-dest'], { stdio: 'inherit' });
	rmSync(dir, { recursive: true, force: true });
	console.log(`${browser}: artifacts/${file}`);
}
