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

	it('install as the very tables built here', async () => {
		const tables = JSON.parse(JSON.stringify(built.cueTables())) as CueScan.CueTables;
		const installed = await freshModule();
		installed.useCueTables(() => tables);
		expect(cuesIn(installed, TEXTS[0]!)).toBeDefined();
		expect(installed.cueTablesOrigin()).toBe('prebuilt');
		expect(installed.cueTables()).toEqual(built.cueTables());
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

	type Tables = CueScan.CueTables;
	type Words = Tables['words'][number];
	type Phrases = Tables['phrases'][number];
	/** The index of the last entry holding a word, and of the last holding a phrase: spoiling the end catches a partial install. */
	const lastWith = (lists: ReadonlyArray<unknown[] | null>): number => lists.findLastIndex((list) => list !== null);
	const withWords = (tables: Tables, at: number, list: Words): Tables => ({ ...tables, words: tables.words.map((item, index) => (index === at ? list : item)) });
	const withPhrases = (tables: Tables, at: number, list: Phrases): Tables => ({ ...tables, phrases: tables.phrases.map((item, index) => (index === at ? list : item)) });
	const lastWord = (tables: Tables): NonNullable<Words>[number] => tables.words[lastWith(tables.words)]![0]!;
	const lastPhrase = (tables: Tables): NonNullable<Phrases>[number] => tables.phrases[lastWith(tables.phrases)]![0]!;

	it.each<[string, (tables: Tables) => Tables]>([
		['tables made from other cue lists', (tables) => ({ ...tables, fingerprint: tables.fingerprint ^ 1 })],
		['a fold table of the wrong length', (tables) => ({ ...tables, folded: tables.folded.slice(1) })],
		['empty lists', (tables) => ({ ...tables, words: [], phrases: [] })],
		['lists of different lengths', (tables) => ({ ...tables, phrases: tables.phrases.slice(1) })],
		['no phrase list', (tables) => ({ ...tables, phrases: undefined as unknown as Tables['phrases'] })],
		['an entry with neither word nor phrase', (tables) => withPhrases(withWords(tables, 0, null), 0, null)],
		['the last word without its text', (tables) => withWords(tables, lastWith(tables.words), [{ id: 1, sets: [0] }] as unknown as Words)],
		['the last word with a negative id', (tables) => withWords(tables, lastWith(tables.words), [{ ...lastWord(tables), id: -1 }])],
		['the last word with an id past 2^31', (tables) => withWords(tables, lastWith(tables.words), [{ ...lastWord(tables), id: 2 ** 32 }])],
		['the last word in a cue set that does not exist', (tables) => withWords(tables, lastWith(tables.words), [{ ...lastWord(tables), sets: [999] }])],
		['a word filed under another word\'s hash', (tables) => withWords(tables, lastWith(tables.words), [lastWord(tables), { ...lastWord(tables), key: `${lastWord(tables).key}x` }])],
		['the last phrase longer than the words remembered', (tables) => withPhrases(tables, lastWith(tables.phrases), [{ ...lastPhrase(tables), hashes: [1, 2, 3, 4, 5, 6, 7, 8, 9] }])],
		['the last phrase with a hash that is no integer', (tables) => withPhrases(tables, lastWith(tables.phrases), [{ ...lastPhrase(tables), hashes: [...lastPhrase(tables).hashes.slice(0, -1), 0.5, ...lastPhrase(tables).hashes.slice(-1)] }])],
		['a phrase ending with another hash than its entry\'s words', (tables) => {
			// An entry with both: a phrase alone in its entry defines the entry's hash (see entryHash).
			const at = tables.words.findLastIndex((list, index) => list !== null && tables.phrases[index] !== null);
			const phrase = tables.phrases[at]![0]!;
			return withPhrases(tables, at, [{ ...phrase, hashes: [...phrase.hashes.slice(0, -1), (phrase.hashes.at(-1)! + 1) >>> 0] }]);
		}],
		['the last entry twice', (tables) => ({ ...tables, words: [...tables.words, tables.words.at(-1)!], phrases: [...tables.phrases, tables.phrases.at(-1)!] })],
	])('are refused when malformed (%s), and the module builds its own', async (_name, spoil) => {
		const tables = spoil(JSON.parse(JSON.stringify(built.cueTables())) as Tables);
		const installed = await freshModule();
		installed.useCueTables(() => tables);
		expect(cuesIn(installed, TEXTS[0]!)).toEqual(cuesIn(built, TEXTS[0]!));
		expect(installed.cueTablesOrigin()).toBe('built');
		expect(installed.cueTables()).toEqual(built.cueTables());
	});

	it('are built here when their text is not JSON', async () => {
		const installed = await freshModule();
		installed.useCueTables(() => JSON.parse('{"folded": [') as Tables);
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
		let lateReads = 0;
		installed.useCueTables(() => {
			lateReads++;
			return tables;
		});
		cuesIn(installed, TEXTS[2]!);
		expect(lateReads).toBe(0);
		expect(installed.cueTablesOrigin()).toBe('prebuilt');
	});
});
