/**
 * Reads the dataset's JSON files from disk (Node only): used by the build gate,
 * the data-index generator and tools that must see files not yet imported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawDataset } from '../../src/core/dataset/types.ts';

export const DATA_DIR = new URL('../../src/data/', import.meta.url).pathname;

export function listDataFiles(folder: 'providers' | 'regimes'): string[] {
	return readdirSync(join(DATA_DIR, folder))
		.filter((name) => name.endsWith('.json'))
		.sort();
}

export function readRawDataset(): RawDataset {
	const read = (path: string): unknown => JSON.parse(readFileSync(join(DATA_DIR, path), 'utf8'));
	const folder = (name: 'providers' | 'regimes'): Record<string, unknown> =>
		Object.fromEntries(listDataFiles(name).map((file) => [`${name}/${file}`, read(`${name}/${file}`)]));
	return { meta: read('meta.json'), providers: folder('providers'), regimes: folder('regimes') };
}
