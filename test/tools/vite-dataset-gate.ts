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
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCompactIndex } from '../../src/core/compact.ts';
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
	const index = buildCompactIndex(loadValidatedDataset(options));
	mkdirSync(OUT_DIR, { recursive: true });
	const path = join(OUT_DIR, 'compact-index.js');
	writeFileSync(path, `// Generated from src/data by test/tools/vite-dataset-gate.ts.\nexport default ${JSON.stringify(index)};\n`);
	return path;
}
