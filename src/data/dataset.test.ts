/**
 * The dataset gate: every JSON file under src/data/ must pass the schema and
 * the cross-file checks, and `index.ts` must import exactly the files on disk
 * (a file that is written but not imported would silently not ship).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../core/dataset/validate.ts';
import { canonical } from '../../test/tools/format-data.ts';
import { renderDataIndex } from '../../test/tools/gen-data-index.ts';
import type { RawDataset } from '../core/dataset/types.ts';

const dataDir = new URL('.', import.meta.url).pathname;

function readFolder(folder: string): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const name of readdirSync(join(dataDir, folder)).filter((file) => file.endsWith('.json')).sort()) {
		out[`${folder}/${name}`] = JSON.parse(readFileSync(join(dataDir, folder, name), 'utf8'));
	}
	return out;
}

const raw: RawDataset = {
	meta: JSON.parse(readFileSync(join(dataDir, 'meta.json'), 'utf8')),
	providers: readFolder('providers'),
	regimes: readFolder('regimes'),
};

describe('dataset on disk', () => {
	const result = validateDataset(raw);

	it('passes the schema and cross-file checks', () => {
		expect(result.errors).toEqual([]);
	});

	it('keeps every file in canonical form (npm run data:format)', () => {
		for (const folder of ['providers', 'regimes'] as const) {
			for (const [path, value] of Object.entries(raw[folder])) {
				const text = readFileSync(join(dataDir, path), 'utf8');
				expect(canonical(folder, value) ?? text, `${path} is not canonical; run npm run data:format`).toBe(text);
			}
		}
	});

	it('imports exactly the files on disk from index.ts (npm run data:index)', () => {
		expect(readFileSync(join(dataDir, 'index.ts'), 'utf8')).toBe(renderDataIndex());
	});

	it('uses tabs, LF line endings and a final newline in every file', () => {
		for (const folder of ['providers', 'regimes']) {
			for (const name of readdirSync(join(dataDir, folder)).filter((file) => file.endsWith('.json'))) {
				const text = readFileSync(join(dataDir, folder, name), 'utf8');
				expect(text.includes('\r'), `${folder}/${name} has CR characters`).toBe(false);
				expect(text.endsWith('\n'), `${folder}/${name} lacks a final newline`).toBe(true);
			}
		}
	});
});
