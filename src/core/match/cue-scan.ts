/**
 * Finds context cues (cues.ts) in a window of text. Deciding an ambiguous
 * name happens about once per kilobyte of page text, so this is written to
 * be cheap: one pass of a simple token RegExp, a case fold per token (accents
 * stripped only for the rare non-ASCII token), and Map lookups. Phrases are
 * indexed by their first word and checked token by token.
 * (One combined RegExp of all cues, tried first, was ten times slower:
 * case-insensitive Unicode classes defeat the engine's fast paths.)
 */
import { CUES, type CueSetId } from './cues.ts';

const MARKS = /\p{M}+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

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
export function isWordUnit(code: number): boolean {
	if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
	let known = nonAsciiWord.get(code);
	if (known === undefined) {
		// Surrogate halves count as word parts: astral letters are rare in prose and never in cues.
		known = (code >= 0xd800 && code <= 0xdfff) || LETTER_OR_DIGIT.test(String.fromCharCode(code));
		nonAsciiWord.set(code, known);
	}
	return known;
}

export interface Token {
	key: string;
	start: number;
	end: number;
}

/**
 * Splits text into folded words. A plain loop over char codes: faster than a
 * Unicode RegExp on the short windows this runs on, with one string per word.
 */
export function tokenize(text: string): Token[] {
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
		else {
			const base = String.fromCharCode(code).toLowerCase().normalize('NFD').replace(MARKS, '');
			// Letters that fold to nothing or to several units (rare) keep their own lower-case code.
			folded = base.length === 1 ? base.charCodeAt(0) : String.fromCharCode(code).toLowerCase().charCodeAt(0);
		}
		foldedUnits.set(code, folded);
	}
	return folded;
}

/** The folded units of Latin scripts (ASCII, Latin-1, Latin Extended-A and B) in a flat table: most text never leaves it. */
const LATIN = new Int16Array(0x250).map((_, code) => foldedUnit(code));

/** FNV-1a over folded units: a word's identity without building its string. */
function hashOf(folded: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < folded.length; index++) hash = Math.imul(hash ^ folded.charCodeAt(index), 0x01000193);
	return hash >>> 0;
}

interface WordEntry {
	key: string;
	sets: CueSetId[];
}

/** Cue words by hash (a list, in case two words ever share a hash). */
const WORDS = new Map<number, WordEntry[]>();
/** First word's hash → phrases starting with it. */
const PHRASES = new Map<number, Array<{ hashes: number[]; set: CueSetId; key: string }>>();

function addWord(word: string, id: CueSetId): void {
	const hash = hashOf(word);
	const list = WORDS.get(hash) ?? [];
	const entry = list.find((item) => item.key === word);
	if (entry) {
		if (!entry.sets.includes(id)) entry.sets.push(id);
	} else list.push({ key: word, sets: [id] });
	WORDS.set(hash, list);
}

for (const [id, set] of Object.entries(CUES) as Array<[CueSetId, (typeof CUES)[CueSetId]]>) {
	for (const word of set.words) addWord(foldToken(word), id);
	for (const phrase of ('phrases' in set ? set.phrases : []) as readonly string[]) {
		const words = tokenize(phrase).map((token) => token.key);
		const hashes = words.map(hashOf);
		const list = PHRASES.get(hashes[0]!) ?? [];
		list.push({ hashes, set: id, key: words.join(' ') });
		PHRASES.set(hashes[0]!, list);
	}
}

/** Confirms a hash hit by comparing folded units, without building the word's string. */
function sameWord(text: string, start: number, end: number, key: string): boolean {
	if (end - start !== key.length) return false;
	for (let index = start; index < end; index++) {
		const code = text.charCodeAt(index);
		if ((code < 0x250 ? LATIN[code]! : foldedUnit(code)) !== key.charCodeAt(index - start)) return false;
	}
	return true;
}

/**
 * An open-addressing table from word hash to its entries, in typed arrays:
 * most words of a window are not cues, and this answers "no" in a couple of
 * nanoseconds where a Map takes tens.
 */
const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const tableHashes = new Uint32Array(1 << TABLE_BITS);
const tableUsed = new Uint8Array(1 << TABLE_BITS);
for (const hash of new Set([...WORDS.keys(), ...PHRASES.keys()])) {
	let slot = hash & TABLE_MASK;
	while (tableUsed[slot]) slot = (slot + 1) & TABLE_MASK;
	tableUsed[slot] = 1;
	tableHashes[slot] = hash;
}

function known(hash: number): boolean {
	for (let slot = hash & TABLE_MASK; tableUsed[slot]; slot = (slot + 1) & TABLE_MASK) if (tableHashes[slot] === hash) return true;
	return false;
}

/** Reused between calls: the hashes and bounds of the window's words. */
let hashes = new Uint32Array(256);
let starts = new Int32Array(256);
let ends = new Int32Array(256);

/**
 * Calls `found` for every cue in `text`. `skip` is a span (the candidate name
 * itself) whose single words do not count; phrases overlapping it do ("jus
 * d’orange" is evidence about "Orange").
 *
 * Words are hashed while scanning, so a word that is no cue costs a few
 * arithmetic operations per character and no string; a hash hit is confirmed
 * on the real word.
 */
export function scanCues(text: string, found: (set: CueSetId, key: string) => void, skip?: { start: number; end: number }): void {
	let count = 0;
	let hash = 0x811c9dc5;
	let start = -1;
	const length = text.length;
	for (let index = 0; index <= length; index++) {
		const code = index < length ? text.charCodeAt(index) : 0x20;
		const unit = code < 0x250 ? LATIN[code]! : foldedUnit(code);
		if (unit >= 0) {
			if (start < 0) {
				start = index;
				hash = 0x811c9dc5;
			}
			hash = Math.imul(hash ^ unit, 0x01000193);
			continue;
		}
		if (start < 0) continue;
		if (count === hashes.length) {
			hashes = Uint32Array.from({ length: count * 2 }, (_, i) => hashes[i] ?? 0);
			starts = Int32Array.from({ length: count * 2 }, (_, i) => starts[i] ?? 0);
			ends = Int32Array.from({ length: count * 2 }, (_, i) => ends[i] ?? 0);
		}
		hashes[count] = hash >>> 0;
		starts[count] = start;
		ends[count] = index;
		count++;
		start = -1;
	}
	for (let index = 0; index < count; index++) {
		if (!known(hashes[index]!)) continue;
		const candidates = WORDS.get(hashes[index]!);
		if (candidates && !(skip && starts[index]! < skip.end && skip.start < ends[index]!)) {
			for (const entry of candidates) {
				if (sameWord(text, starts[index]!, ends[index]!, entry.key)) for (const set of entry.sets) found(set, entry.key);
			}
		}
		const phrases = PHRASES.get(hashes[index]!);
		if (!phrases) continue;
		for (const phrase of phrases) {
			let matches = index + phrase.hashes.length <= count;
			for (let offset = 1; offset < phrase.hashes.length && matches; offset++) matches = hashes[index + offset] === phrase.hashes[offset];
			if (matches) found(phrase.set, phrase.key);
		}
	}
}
