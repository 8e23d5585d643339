/**
 * Finds context cues (cues.ts) in a window of text. Deciding an ambiguous
 * name happens about once per kilobyte of page text, so this is written to
 * be cheap: one pass over char codes that hashes each folded word as it goes,
 * a typed-array probe per word, and Map lookups only on a hit. Phrases are
 * indexed by their last word and checked against the words just read.
 * (One combined RegExp of all cues, tried first, was ten times slower:
 * case-insensitive Unicode classes defeat the engine's fast paths.)
 */
import type { WordsAround } from './context.ts';
import { CUES, type CueSet, type CueSetId } from './cues.ts';

const MARKS = /\p{M}+/gu;
/** Letters, digits, and the combining accents of text in decomposed form (NFD: "e" then U+0301). */
const WORD_PART = /[\p{L}\p{N}\p{M}]/u;
const MARK = /\p{M}/u;
/** The folded unit of a combining accent: part of its word, adding nothing to it ("he\u0301bergement" is "hebergement"). */
const ACCENT = -2;

/** Lower case, and without accents when there are any: the form cue lists are written in. */
export function foldToken(token: string): string {
	const lower = token.toLowerCase();
	for (let index = 0; index < lower.length; index++) {
		if (lower.charCodeAt(index) > 0x7f) return lower.normalize('NFD').replace(MARKS, '');
	}
	return lower;
}

/** Word characters outside ASCII, decided once per code unit (a page uses few distinct ones). */
const nonAsciiWord = new Map<number, boolean>();
function isWordUnit(code: number): boolean {
	if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
	let known = nonAsciiWord.get(code);
	if (known === undefined) {
		// Surrogate halves count as word parts: astral letters are rare in prose and never in cues.
		known = (code >= 0xd800 && code <= 0xdfff) || WORD_PART.test(String.fromCharCode(code));
		nonAsciiWord.set(code, known);
	}
	return known;
}

interface Token {
	key: string;
	start: number;
	end: number;
}

/**
 * Splits text into folded words. A plain loop over char codes: faster than a
 * Unicode RegExp on the short windows this runs on, with one string per word.
 */
function tokenize(text: string): Token[] {
	const out: Token[] = [];
	let start = -1;
	for (let index = 0; index <= text.length; index++) {
		const word = index < text.length && isWordUnit(text.charCodeAt(index));
		if (word && start < 0) start = index;
		else if (!word && start >= 0) {
			out.push({ key: foldToken(text.slice(start, index)), start, end: index });
			start = -1;
		}
	}
	return out;
}

/**
 * Folded code of one UTF-16 unit: ASCII lower-cased by a bit, other letters
 * through a small cache (lower case, then the base letter of an accented
 * one). Returns -1 for a unit that is not part of a word.
 */
const foldedUnits = new Map<number, number>();
function foldedUnit(code: number): number {
	if (code < 0x80) {
		if (code >= 0x41 && code <= 0x5a) return code | 0x20;
		return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) ? code : -1;
	}
	let folded = foldedUnits.get(code);
	if (folded === undefined) {
		if (!isWordUnit(code)) folded = -1;
		else if (MARK.test(String.fromCharCode(code))) folded = ACCENT;
		else {
			const base = String.fromCharCode(code).toLowerCase().normalize('NFD').replace(MARKS, '');
			// Letters that fold to nothing or to several units (rare) keep their own lower-case code.
			folded = base.length === 1 ? base.charCodeAt(0) : String.fromCharCode(code).toLowerCase().charCodeAt(0);
		}
		foldedUnits.set(code, folded);
	}
	return folded;
}

/**
 * Folded units in flat tables: Latin letters (ASCII to Latin Extended-B),
 * and General Punctuation, whose apostrophes, dashes and narrow spaces fill
 * French text and would otherwise each cost a Map lookup. Filling only these
 * two ranges keeps the content script's start cheap (the whole range up to
 * U+2070 took 3 ms).
 */
const LATIN_END = 0x250;
const PUNCTUATION = 0x2000;
const PUNCTUATION_END = 0x2070;
let FOLDED = new Int16Array(0);
function fillFolded(): void {
	FOLDED = new Int16Array(PUNCTUATION_END);
	for (let code = 0; code < LATIN_END; code++) FOLDED[code] = foldedUnit(code);
	for (let code = PUNCTUATION; code < PUNCTUATION_END; code++) FOLDED[code] = foldedUnit(code);
}
/** The folded unit of any code: from the tables where they have it (filled by `ensureTables`). */
const fold = (code: number): number => (code < LATIN_END || (code >= PUNCTUATION && code < PUNCTUATION_END) ? FOLDED[code]! : foldedUnit(code));

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over folded units: a word's identity without building its string. */
function hashOf(folded: string): number {
	let hash = FNV_OFFSET;
	for (let index = 0; index < folded.length; index++) hash = Math.imul(hash ^ folded.charCodeAt(index), FNV_PRIME);
	return hash >>> 0;
}

/** Cue sets in a fixed order: a set is counted by its index, in arrays, not in a Map per candidate. */
export const CUE_SET_IDS = Object.keys(CUES) as CueSetId[];

interface WordEntry {
	key: string;
	/** The cue's number (see `cueId`). */
	id: number;
	sets: number[];
}

interface PhraseEntry {
	/** The phrase's word hashes, first to last. */
	hashes: number[];
	set: number;
	id: number;
}

/** Each distinct cue (word or phrase) gets a number, so that "another cue of this set" is an integer comparison. */
const cueIds = new Map<string, number>();
function cueId(key: string): number {
	let id = cueIds.get(key);
	if (id === undefined) {
		id = cueIds.size;
		cueIds.set(key, id);
	}
	return id;
}

/** Cue words by hash (a list, in case two words ever share a hash). */
const WORDS = new Map<number, WordEntry[]>();
/**
 * Last word's hash → phrases ending with it. Indexed by the last word so that
 * one left-to-right pass can check a phrase against the words just read.
 */
const PHRASES = new Map<number, PhraseEntry[]>();
/** How many recent word hashes are kept for phrase checks (a power of two above the longest phrase). */
const RECENT = 8;
const RECENT_MASK = RECENT - 1;

function addWord(word: string, set: number): void {
	const hash = hashOf(word);
	const list = WORDS.get(hash) ?? [];
	const entry = list.find((item) => item.key === word);
	if (entry) {
		if (!entry.sets.includes(set)) entry.sets.push(set);
	} else list.push({ key: word, id: cueId(word), sets: [set] });
	WORDS.set(hash, list);
}

function indexCues(): void {
	CUE_SET_IDS.forEach((id, set) => {
		const cues: CueSet = CUES[id];
		for (const word of cues.words) addWord(foldToken(word), set);
		for (const phrase of cues.phrases ?? []) {
			const words = tokenize(phrase).map((token) => token.key);
			// A longer phrase could not be checked against the recent words: fail loudly (every disambiguation test builds these tables).
			if (words.length > RECENT) throw new Error(`cue phrase "${phrase}" has more than ${RECENT} words`);
			const hashes = words.map(hashOf);
			const last = hashes[hashes.length - 1]!;
			const list = PHRASES.get(last) ?? [];
			list.push({ hashes, set, id: cueId(words.join(' ')) });
			PHRASES.set(last, list);
		}
	});
}

/** Confirms a hash hit by comparing folded units, without building the word's string. */
function sameWord(text: string, start: number, end: number, key: string): boolean {
	// Combining accents add units to the word, never to its key.
	if (end - start < key.length) return false;
	let at = 0;
	for (let index = start; index < end; index++) {
		const unit = fold(text.charCodeAt(index));
		if (unit === ACCENT) continue;
		if (unit !== key.charCodeAt(at)) return false;
		at++;
	}
	return at === key.length;
}

/**
 * An open-addressing table from word hash to the cue words with that hash
 * and the phrases ending with it, in typed arrays: most words of a window are
 * not cues, and this answers "no" in a couple of nanoseconds where a Map
 * takes tens. A hit leads straight to its lists, without a Map lookup.
 */
const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const tableHashes = new Uint32Array(1 << TABLE_BITS);
/** Per slot: 1 + index into WORD_LISTS and PHRASE_LISTS (0: empty slot). */
const tableEntry = new Uint16Array(1 << TABLE_BITS);
let WORD_LISTS: Array<WordEntry[] | undefined> = [];
let PHRASE_LISTS: Array<PhraseEntry[] | undefined> = [];
/**
 * Distinct hashes the table takes at most: half its slots, so that a word
 * that is no cue (nearly every word) ends its probe at once.
 */
const TABLE_ENTRIES_MAX = 1 << (TABLE_BITS - 1);

function fillTable(): void {
	const hashes = new Set([...WORDS.keys(), ...PHRASES.keys()]);
	// Fails every test that decides a name: the cue lists outgrew the table, make TABLE_BITS larger.
	if (hashes.size > TABLE_ENTRIES_MAX) throw new Error(`${hashes.size} cue words and phrase ends: more than the table's ${TABLE_ENTRIES_MAX}`);
	for (const hash of hashes) {
		let slot = hash & TABLE_MASK;
		while (tableEntry[slot]) slot = (slot + 1) & TABLE_MASK;
		tableHashes[slot] = hash;
		WORD_LISTS.push(WORDS.get(hash));
		PHRASE_LISTS.push(PHRASES.get(hash));
		tableEntry[slot] = WORD_LISTS.length;
	}
}

/**
 * The fold and cue tables are made on the first scan, not when the module
 * loads: the content script loads on every page, most of which never name an
 * ambiguous vendor. Built on a page, they cost 8-12 ms of cold code (profile
 * of `npm run bench:page -- --pages=100kB --profile`), a quarter of all our
 * fixed cost there. So the extension's build makes them once (`cueTables`),
 * and the content script hands them over as JSON text (`useCueTables`), parsed
 * only here, on first need: parsing them on every page would cost the pages
 * that never need them. Node and the tests build them here.
 */
let tablesReady = false;
let prebuilt: (() => CueTables) | undefined;
let origin: 'prebuilt' | 'built' | undefined;
function ensureTables(): void {
	if (tablesReady) return;
	tablesReady = true;
	try {
		if (prebuilt && install(prebuilt())) {
			origin = 'prebuilt';
			return;
		}
	} catch {
		// Unreadable (not JSON): built here instead, as below.
	}
	fillFolded();
	indexCues();
	fillTable();
	origin = 'built';
}

/** Where the tables in use came from, once they exist: for tests and diagnosis. */
export const cueTablesOrigin = (): 'prebuilt' | 'built' | undefined => origin;

/**
 * The fold and cue tables as plain data (JSON), made when the extension is
 * built. Installing them is nearly a copy: rebuilding the word and phrase
 * lists from folded, numbered cues still took 6-9 ms on a page (the Maps and
 * objects of cold code), where JSON.parse makes the same objects natively.
 * The hash table's slots are left out (a quarter of the size): placing the
 * entries again takes one hash of a short word each.
 */
export interface CueTables {
	/** `cueListsFingerprint()` of the cue lists they were made from: tables made from other lists are refused. */
	fingerprint: number;
	/** Folded units of [0, LATIN_END) then [PUNCTUATION, PUNCTUATION_END). */
	folded: number[];
	/** Per distinct hash, in entry order: the cue words with that hash, and the phrases ending with a word that has it. */
	words: Array<WordEntry[] | null>;
	phrases: Array<PhraseEntry[] | null>;
}

/**
 * A summary of the cue lists a table is made from: per cue set, its name and
 * the count and total length of its words and of its phrases. Tables made
 * from other lists (a content script rebuilt while the generated index was
 * not) are refused. It reads each cue's length only: hashing every cue's
 * text here, with the entry checks, cost as much as building the tables.
 */
function cueListsFingerprint(): number {
	let hash = FNV_OFFSET;
	const mix = (value: number): void => {
		hash = Math.imul(hash ^ value, FNV_PRIME);
	};
	for (const id of CUE_SET_IDS) {
		const cues: CueSet = CUES[id];
		mix(hashOf(id));
		let length = 0;
		for (const word of cues.words) length += word.length;
		mix(cues.words.length);
		mix(length);
		length = 0;
		const phrases = cues.phrases ?? [];
		for (const phrase of phrases) length += phrase.length;
		mix(phrases.length);
		mix(length);
	}
	return hash >>> 0;
}

/** The tables as this module builds them, for the extension's build to embed. */
export function cueTables(): CueTables {
	ensureTables();
	return {
		fingerprint: cueListsFingerprint(),
		folded: [...FOLDED.subarray(0, LATIN_END), ...FOLDED.subarray(PUNCTUATION, PUNCTUATION_END)],
		words: WORD_LISTS.map((list) => list ?? null),
		phrases: PHRASE_LISTS.map((list) => list ?? null),
	};
}

const isSet = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0 && (value as number) < CUE_SET_IDS.length;
/** Cue ids index no array, but CueTally keeps them in an Int32Array and tells "none" by -1. */
const isCueId = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 31;
const isWord = (entry: WordEntry): boolean =>
	typeof entry === 'object' && entry !== null && typeof entry.key === 'string' && entry.key !== '' && isCueId(entry.id)
	&& Array.isArray(entry.sets) && entry.sets.length > 0 && entry.sets.every(isSet);
const isPhrase = (entry: PhraseEntry): boolean =>
	typeof entry === 'object' && entry !== null && Array.isArray(entry.hashes) && entry.hashes.length > 0 && entry.hashes.length <= RECENT
	&& entry.hashes.every((hash) => Number.isInteger(hash) && hash >= 0 && hash <= 0xffffffff) && isSet(entry.set) && isCueId(entry.id);

/**
 * The hash an entry's lists share, or undefined when the lists are not as
 * `cueTables` makes them: a word or a phrase or both, each well formed, every
 * word hashing to the entry's hash and every phrase ending with it. What it
 * cannot see is taken on trust, the generated file being the build's own: a
 * key in another form than folded, and the hash of an entry holding phrases
 * alone (phrases keep only their words' hashes).
 */
function entryHash(words: WordEntry[] | null, phrases: PhraseEntry[] | null): number | undefined {
	if (words !== null && !(Array.isArray(words) && words.length > 0 && words.every(isWord))) return undefined;
	if (phrases !== null && !(Array.isArray(phrases) && phrases.length > 0 && phrases.every(isPhrase))) return undefined;
	const hash = words ? hashOf(words[0]!.key) : phrases ? phrases[0]!.hashes[phrases[0]!.hashes.length - 1] : undefined;
	if (hash === undefined) return undefined;
	// Nearly every entry holds one word or one phrase: the loops below rarely run.
	if (words) for (let index = 1; index < words.length; index++) if (hashOf(words[index]!.key) !== hash) return undefined;
	if (phrases) for (const phrase of phrases) if (phrase.hashes[phrase.hashes.length - 1] !== hash) return undefined;
	return hash;
}

/** The checks that need no entry: the fingerprint, the fold table, list lengths within the table. */
function wellFormed(tables: CueTables): boolean {
	if (typeof tables !== 'object' || tables === null) return false;
	const { fingerprint, folded, words, phrases } = tables;
	return fingerprint === cueListsFingerprint()
		&& Array.isArray(folded) && folded.length === LATIN_END + PUNCTUATION_END - PUNCTUATION && folded.every((unit) => Number.isInteger(unit) && unit >= -1)
		&& Array.isArray(words) && Array.isArray(phrases) && words.length === phrases.length && words.length > 0 && words.length <= TABLE_ENTRIES_MAX;
}

/**
 * Hands over tables made by `cueTables` (in the extension's build, from the
 * same cue lists), to be read when first needed. Tables of the wrong shape
 * are refused then, and this module builds its own, as it would without them.
 */
export function useCueTables(source: () => CueTables): void {
	if (!tablesReady) prebuilt = source;
}

/**
 * Copies `tables` in; false, and nothing installed, when they are not as
 * `cueTables` makes them. Every check runs, and every slot is placed in a
 * table of its own, before the module's tables change.
 */
function install(tables: CueTables): boolean {
	if (!wellFormed(tables)) return false;
	const { words, phrases } = tables;
	const hashes = new Uint32Array(1 << TABLE_BITS);
	const entries = new Uint16Array(1 << TABLE_BITS);
	for (let index = 0; index < words.length; index++) {
		const hash = entryHash(words[index]!, phrases[index]!);
		if (hash === undefined) return false;
		let slot = hash & TABLE_MASK;
		for (; entries[slot]; slot = (slot + 1) & TABLE_MASK) {
			// Two entries for one hash: the second could never be reached.
			if (hashes[slot] === hash) return false;
		}
		hashes[slot] = hash;
		entries[slot] = index + 1;
	}
	FOLDED = new Int16Array(PUNCTUATION_END);
	FOLDED.set(tables.folded.slice(0, LATIN_END), 0);
	FOLDED.set(tables.folded.slice(LATIN_END), PUNCTUATION);
	tableHashes.set(hashes);
	tableEntry.set(entries);
	WORD_LISTS = words.map((list) => list ?? undefined);
	PHRASE_LISTS = phrases.map((list) => list ?? undefined);
	return true;
}

/** Hashes of the words read so far in the current scan, as a ring (see RECENT). */
const recent = new Uint32Array(RECENT);

/**
 * Which cue sets a window holds, and whether with one cue or with two or
 * more distinct ones (all that the scoring needs). Cleared and reused from
 * candidate to candidate, so a scan allocates nothing.
 */
export class CueTally {
	/** Per cue set: the first cue found, or -1. */
	private readonly first = new Int32Array(CUE_SET_IDS.length).fill(-1);
	/** Per cue set: 1 for one distinct cue, 2 for more. Valid for the sets in `seen`. */
	readonly counts = new Uint8Array(CUE_SET_IDS.length);
	/** The sets found, in the order they were first found. */
	readonly seen: number[] = [];

	clear(): void {
		for (const set of this.seen) this.first[set] = -1;
		this.seen.length = 0;
	}

	add(set: number, cue: number): void {
		const first = this.first[set]!;
		if (first < 0) {
			this.first[set] = cue;
			this.counts[set] = 1;
			this.seen.push(set);
		} else if (first !== cue) this.counts[set] = 2;
	}
}

/**
 * Adds to `into` every cue in `text` between `from` and `to`, as if that
 * part had been cut out: a word cut by either bound counts as cut. Words
 * overlapping [skipStart, skipEnd) (the candidate name itself) do not count
 * as single words; phrases overlapping it do ("jus d’orange" is evidence
 * about "Orange").
 *
 * One pass, no copy of the window: a word is hashed while it is read, so a
 * word that is no cue costs a few arithmetic operations per character, one
 * table probe and no string; a hash hit is confirmed on the real word.
 * `near`, when given, notes the words on each side of the skipped span.
 */
export function scanCues(text: string, from: number, to: number, into: CueTally, skipStart = 0, skipEnd = 0, near?: WordsAround): void {
	ensureTables();
	let words = 0;
	let hash = FNV_OFFSET;
	let start = -1;
	// One past the end: the last word is closed by the same code as the others.
	for (let index = from; index <= to; index++) {
		if (index < to) {
			const code = text.charCodeAt(index);
			const unit = fold(code);
			if (unit >= 0) {
				if (start < 0) start = index;
				hash = Math.imul(hash ^ unit, FNV_PRIME);
				continue;
			}
			// An accent written apart (decomposed text) belongs to the word it follows.
			if (unit === ACCENT && start >= 0) continue;
		}
		if (start < 0) continue;
		// A word [start, index) ends here. This path runs for every word: kept inline, no call.
		if (near !== undefined) {
			// A word glued to the name (an emoji, a symbol) counts only by its part outside the name.
			if (start < skipStart) near.noteBefore(start, Math.min(index, skipStart));
			if (index > skipEnd) near.noteAfter(Math.max(start, skipEnd), index);
		}
		const word = hash >>> 0;
		recent[words & RECENT_MASK] = word;
		words++;
		let entry = 0;
		for (let slot = word & TABLE_MASK; tableEntry[slot]; slot = (slot + 1) & TABLE_MASK) {
			if (tableHashes[slot] === word) {
				entry = tableEntry[slot]!;
				break;
			}
		}
		if (entry !== 0) reportCues(text, start, index, entry, words, into, skipStart, skipEnd);
		start = -1;
		hash = FNV_OFFSET;
	}
}

/** A word whose hash is a cue word's or ends a cue phrase: confirms it and counts it. */
function reportCues(text: string, start: number, end: number, entry: number, words: number, found: CueTally, skipFrom: number, skipTo: number): void {
	const entries = WORD_LISTS[entry - 1];
	if (entries !== undefined && !(start < skipTo && skipFrom < end)) {
		for (let index = 0; index < entries.length; index++) {
			const item = entries[index]!;
			if (!sameWord(text, start, end, item.key)) continue;
			for (let set = 0; set < item.sets.length; set++) found.add(item.sets[set]!, item.id);
		}
	}
	const phrases = PHRASE_LISTS[entry - 1];
	if (phrases === undefined) return;
	for (let index = 0; index < phrases.length; index++) {
		const phrase = phrases[index]!;
		const length = phrase.hashes.length;
		let matches = length <= words;
		for (let back = 1; back < length && matches; back++) matches = recent[(words - 1 - back) & RECENT_MASK] === phrase.hashes[length - 1 - back];
		if (matches) found.add(phrase.set, phrase.id);
	}
}
