/**
 * Build-time guard and generator for the dataset.
 * - Validates every file against the schema when the config loads, and fails
 *   the build with the path of each bad field.
 * - Writes the compact index (aliases and per-vendor levels, see
 *   src/core/compact.ts) to a generated module that `virtual:compact-index`
 *   resolves to. An alias rather than a plugin hook, because crxjs builds the
 *   standalone content script in a sub-build that keeps `resolve.alias` but
 *   drops plugins.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCompactIndex } from '../../src/core/compact.ts';
import { cueTables } from '../../src/core/match/cue-scan.ts';
import { patternSources } from '../../src/core/match/pattern.ts';
import { validateDataset } from '../../src/core/dataset/validate.ts';
import type { Dataset } from '../../src/core/dataset/types.ts';
import { readRawDataset } from './read-dataset.ts';

const OUT_DIR = new URL('../../node_modules/.whose-cloud/', import.meta.url).pathname;

export function loadValidatedDataset(options: { strict: boolean } = { strict: true }): Dataset {
	const raw = readRawDataset();
	const result = validateDataset(raw);
	if (!result.ok) {
		const message = `Dataset is invalid (${result.errors.length} errors):\n  ${result.errors.slice(0, 40).join('\n  ')}`;
		if (options.strict) throw new Error(message);
		console.warn(message);
	}
	return { meta: raw.meta as Dataset['meta'], providers: result.providers, regimes: result.regimes };
}

/** Validates, writes the compact index module, and returns its path for `resolve.alias`. */
export function writeCompactIndex(options: { strict: boolean }): string {
	const built = buildCompactIndex(loadValidatedDataset(options));
	// The matcher's RegExp sources too: every page would otherwise write them again on start.
	const index = { ...built, patterns: patternSources(built.aliases) };
	mkdirSync(OUT_DIR, { recursive: true });
	const path = join(OUT_DIR, 'compact-index.js');
	// A JSON string, not an object literal: V8 parses JSON.parse's argument faster than the same data as code,
	// and every page's content script pays for this at load ("Faster apps with JSON.parse", Chrome Dev Summit 2019: for objects of 10 kB or more).
	// The cue tables stay text until a page names an ambiguous vendor (see match/cue-scan.ts).
	writeFileSync(path, `// Generated from src/data by test/tools/vite-dataset-gate.ts.\nexport default JSON.parse(${JSON.stringify(JSON.stringify(index))});\nexport const cueTablesJson = ${JSON.stringify(JSON.stringify(cueTables()))};\n`);
	return path;
}

/**
 * Writes the UI messages in the compact form the bundles need (`virtual:ui-messages`): the
 * message and its placeholder order, without the translators' descriptions, which would
 * otherwise ride along in every page's content script (about 29 KB).
 */
export function writeUiMessages(): string {
	const locales = new URL('../../src/static/_locales/', import.meta.url).pathname;
	const compact: Record<string, Record<string, { message: string; placeholders?: Record<string, { content: string }> }>> = {};
	for (const lang of ['en', 'fr']) {
		const messages = JSON.parse(readFileSync(`${locales}${lang}/messages.json`, 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
		compact[lang] = Object.fromEntries(Object.entries(messages).map(([key, entry]) => [key, entry.placeholders
			? { message: entry.message, placeholders: Object.fromEntries(Object.entries(entry.placeholders).map(([name, value]) => [name, { content: value.content }])) }
			: { message: entry.message }]));
	}
	mkdirSync(OUT_DIR, { recursive: true });
	const path = join(OUT_DIR, 'ui-messages.js');
	writeFileSync(path, `// Generated from src/static/_locales by test/tools/vite-dataset-gate.ts.\nexport default ${JSON.stringify(compact)};\n`);
	return path;
}
