/**
 * What the matcher costs in the content-script bundle. The matcher and its
 * data are bundled on their own with the project's bundler (Vite, minified,
 * same targets as vite.config.ts), then gzipped, so the numbers do not depend
 * on whether dist/ is fresh. dist/'s content script, when present, is
 * reported beside them for scale.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Rollup } from 'vite';
import type { CompactIndex } from '../../src/core/compact.ts';

export interface Size {
	minified: number;
	gzip: number;
}

export interface BundleSizes {
	/** createMatcher and everything it imports (pattern, disambiguation, cues, senses), no data. */
	matcherCode: Size;
	/** The same plus the aliases the matcher is built from: what detection alone ships. */
	matcherWithAliases: Size;
	/** The same plus the whole compact index (badge names, levels, summaries), as the content script carries it. */
	matcherWithIndex: Size;
	/** dist/src/content/index.js as last built, if there is one. */
	contentScript?: Size & { path: string };
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MATCHER = join(ROOT, 'src/core/match/matcher.ts');
const CONTENT_SCRIPT = join(ROOT, 'dist/src/content/index.js');

const sizeOf = (code: string): Size => ({ minified: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length });

/** Bundles one entry file as the content script is bundled: one minified IIFE. */
async function bundle(entry: string): Promise<string> {
	// Loaded only now: Vite is big, and would otherwise sit in memory while the engine's memory is measured.
	const { build } = await import('vite');
	const result = await build({
		configFile: false,
		logLevel: 'silent',
		root: ROOT,
		build: {
			write: false,
			minify: true,
			target: ['chrome120', 'firefox128'],
			lib: { entry, formats: ['iife'], name: 'bench' },
		},
	});
	const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
	const chunk = outputs.flatMap((output) => output.output).find((item): item is Rollup.OutputChunk => item.type === 'chunk');
	if (!chunk) throw new Error(`no chunk bundled from ${entry}`);
	return chunk.code;
}

/** Each entry keeps its import alive by handing it to globalThis, so nothing is tree-shaken away. */
function entries(dir: string, index: CompactIndex): { code: string; aliases: string; full: string } {
	writeFileSync(join(dir, 'aliases.json'), JSON.stringify(index.aliases));
	writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
	const write = (name: string, body: string): string => {
		const path = join(dir, name);
		writeFileSync(path, `import { createMatcher } from ${JSON.stringify(MATCHER)};\n${body}\n`);
		return path;
	};
	return {
		code: write('code.js', 'globalThis.benchMatcher = createMatcher;'),
		aliases: write('aliases.js', 'import aliases from "./aliases.json";\nglobalThis.benchMatcher = createMatcher(aliases);'),
		full: write('full.js', 'import index from "./index.json";\nglobalThis.benchMatcher = createMatcher(index.aliases);\nglobalThis.benchIndex = index;'),
	};
}

export async function measureBundle(index: CompactIndex): Promise<BundleSizes> {
	const dir = mkdtempSync(join(tmpdir(), 'whose-cloud-bench-'));
	try {
		const paths = entries(dir, index);
		const sizes: BundleSizes = {
			matcherCode: sizeOf(await bundle(paths.code)),
			matcherWithAliases: sizeOf(await bundle(paths.aliases)),
			matcherWithIndex: sizeOf(await bundle(paths.full)),
		};
		if (existsSync(CONTENT_SCRIPT)) sizes.contentScript = { path: 'dist/src/content/index.js', ...sizeOf(readFileSync(CONTENT_SCRIPT, 'utf8')) };
		return sizes;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
