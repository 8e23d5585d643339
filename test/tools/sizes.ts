/**
 * `npm run sizes`: what each extension context loads from dist/, raw and
 * gzipped, following module imports and the HTML's scripts and styles. The
 * content script runs on every page, so its size is the one to watch; the
 * sourced dataset belongs to the background and the popup only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = process.env.WHOSE_CLOUD_DIST ?? new URL('../../dist/', import.meta.url).pathname;

/** Every file a context loads, starting from its entry, following static imports. */
function closure(entry: string): string[] {
	const seen = new Set<string>();
	const visit = (file: string): void => {
		if (seen.has(file) || !existsSync(join(DIST, file))) return;
		seen.add(file);
		const text = readFileSync(join(DIST, file), 'utf8');
		const references = file.endsWith('.html')
			? [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((match) => match[1]!)
			: [...text.matchAll(/(?:from\s*|import\s*)["']([^"']+\.js)["']/g)].map((match) => normalize(join(dirname(file), match[1]!)));
		for (const reference of references) visit(reference.replace(/^\//, ''));
	};
	visit(entry);
	return [...seen];
}

function size(files: string[]): { raw: number; gzip: number } {
	let raw = 0;
	let gzip = 0;
	for (const file of files) {
		const bytes = readFileSync(join(DIST, file));
		raw += bytes.length;
		gzip += gzipSync(bytes, { level: 9 }).length;
	}
	return { raw, gzip };
}

const contexts: Record<string, string> = {
	'content script (every page)': 'src/content/index.js',
	'background': 'service-worker-loader.js',
	'popup': 'src/popup/index.html',
	'options page': 'src/options/index.html',
};

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`${'context'.padEnd(30)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}  files`);
for (const [name, entry] of Object.entries(contexts)) {
	const files = closure(entry);
	const { raw, gzip } = size(files);
	console.log(`${name.padEnd(30)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)}  ${files.length}`);
}
const index = join(new URL('../../node_modules/.whose-cloud/', import.meta.url).pathname, 'compact-index.js');
if (existsSync(index)) {
	const bytes = readFileSync(index);
	console.log(`\nof which the compact index in the content script: ${kb(bytes.length)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzip`);
}
