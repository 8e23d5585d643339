import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as CueScan from './cue-scan.ts';

/** A fresh copy of the module: its tables are module state, built or installed once. */
async function freshModule(): Promise<typeof CueScan> {
	vi.resetModules();
	return import('./cue-scan.ts');
}

/** The cue sets `text` holds, by id, with 1 for one distinct cue and 2 for more. */
function cuesIn(module: typeof CueScan, text: string): Record<string, number> {
	const tally = new module.CueTally();
	module.scanCues(text, 0, text.length, tally);
	return Object.fromEntries(tally.seen.map((set) => [module.CUE_SET_IDS[set]!, tally.counts[set]!]));
}

/** Texts with cue words and phrases in both languages, accents and typographic apostrophes included. */
const TEXTS = [
	'Orange a signé avec Capgemini pour un cloud souverain qualifié SecNumCloud par l’ANSSI.',
	'Un jus d’orange pressé, du sucre et une recette de gâteau.',
	'The data centre hosts Kubernetes clusters and object storage for the ministry.',
	'Le bleu du ciel, la couleur de la mer, une peinture à l’huile.',
	'ÉLYSÉE, MINISTÈRE: hébergement des données de santé (HDS) et appel d’offres.',
	'',
];

describe('prebuilt cue tables', () => {
	let built: typeof CueScan;
	beforeEach(async () => {
		built = await freshModule();
	});

	it.each(TEXTS.map((text) => [text]))('find what tables built on the spot find: %s', async (text) => {
		// As the extension's build embeds them: through JSON.
		const tables = JSON.parse(JSON.stringify(built.cueTables())) as CueScan.CueTables;
		const installed = await freshModule();
		installed.useCueTables(() => tables);
		expect(cuesIn(installed, text)).toEqual(cuesIn(built, text));
		expect(installed.cueTablesOrigin()).toBe('prebuilt');
		expect(built.cueTablesOrigin()).toBe('built');
	});

	it('find cues at all (the comparison above is not between two empty tallies)', () => {
		expect(Object.keys(cuesIn(built, TEXTS[0]!)).length).toBeGreaterThan(0);
		expect(Object.keys(cuesIn(built, TEXTS[1]!)).length).toBeGreaterThan(0);
	});

	it.each<[string, (tables: CueScan.CueTables) => CueScan.CueTables]>([
		['a fold table of the wrong length', (tables) => ({ ...tables, folded: tables.folded.slice(1) })],
		['lists of different lengths', (tables) => ({ ...tables, phrases: tables.phrases.slice(1) })],
		['no phrase list', (tables) => ({ ...tables, phrases: undefined as unknown as CueScan.CueTables['phrases'] })],
		['an entry with neither word nor phrase', (tables) => ({ ...tables, words: [null, ...tables.words.slice(1)], phrases: [null, ...tables.phrases.slice(1)] })],
		['a word without its text', (tables) => ({ ...tables, words: [[{ id: 1, sets: [0] }] as unknown as CueScan.CueTables['words'][number], ...tables.words.slice(1)] })],
		['a phrase longer than the words remembered', (tables) => ({ ...tables, phrases: [[{ hashes: [1, 2, 3, 4, 5, 6, 7, 8, 9], set: 0, id: 1 }], ...tables.phrases.slice(1)] })],
		['a word in a cue set that does not exist', (tables) => ({ ...tables, words: [[{ key: 'cloud', id: 1, sets: [999] }], ...tables.words.slice(1)] })],
	])('are refused when malformed (%s), and the module builds its own', async (_name, spoil) => {
		const tables = spoil(JSON.parse(JSON.stringify(built.cueTables())) as CueScan.CueTables);
		const installed = await freshModule();
		installed.useCueTables(() => tables);
		expect(cuesIn(installed, TEXTS[0]!)).toEqual(cuesIn(built, TEXTS[0]!));
		expect(installed.cueTablesOrigin()).toBe('built');
	});

	it('are built here when their text is not JSON', async () => {
		const installed = await freshModule();
		installed.useCueTables(() => JSON.parse('{"folded": [') as CueScan.CueTables);
		expect(cuesIn(installed, TEXTS[0]!)).toEqual(cuesIn(built, TEXTS[0]!));
		expect(installed.cueTablesOrigin()).toBe('built');
	});

	it('are read only when a scan first needs them, and never over tables in use', async () => {
		const installed = await freshModule();
		let reads = 0;
		const tables = built.cueTables();
		installed.useCueTables(() => {
			reads++;
			return tables;
		});
		expect(reads).toBe(0);
		cuesIn(installed, TEXTS[0]!);
		cuesIn(installed, TEXTS[1]!);
		expect(reads).toBe(1);
		installed.useCueTables(() => {
			throw new Error('not read');
		});
		expect(() => cuesIn(installed, TEXTS[2]!)).not.toThrow();
	});
});
