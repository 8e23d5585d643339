/**
 * Reads the text right around a candidate mention: the neighbouring words,
 * and whether the name sits at the start of a sentence or inside a headline
 * (where capitals say nothing). The cue scan already reads every word of the
 * window, so it notes the few words on each side of the name as it goes
 * (`WordsAround`); nothing here reads the text a second time except to fold
 * the two or three words it needs.
 */
import { foldToken } from './cue-scan.ts';

/** Characters after which a capital letter says nothing: sentence ends, list bullets, line breaks. */
const SENTENCE_BREAK = new Set(['.', '!', '?', '…', ':', ';', '\n', '\r', '|', '•', '·']);
/** Openers skipped when looking back for a sentence break. */
const OPENERS = new Set([' ', '\t', '\u00a0', '"', '\'', '«', '“', '‘', '(', '[', '{', '—', '–', '-', '*', '>', '\u202f']);

export function isSentenceInitial(text: string, start: number): boolean {
	let index = start - 1;
	while (index >= 0 && OPENERS.has(text[index]!)) index--;
	return index < 0 || SENTENCE_BREAK.has(text[index]!);
}

/** How many words are noted on each side: the most any reader below needs. */
const SIDE = 3;
/** Ring size for the words before: a power of two, at least SIDE. */
const RING = 4;
const RING_MASK = RING - 1;

/**
 * The words nearest a span, as [start, end) offsets, noted by the cue scan:
 * the last SIDE words that end before the span and the first SIDE words that
 * start after it. Reused from candidate to candidate.
 */
export class WordsAround {
	/** The words before the span, in a ring of RING slots: noting one is two writes, whatever came before. */
	private readonly ringStart = new Int32Array(RING);
	private readonly ringEnd = new Int32Array(RING);
	private noted = 0;
	/** Nearest first. */
	readonly afterStart = new Int32Array(SIDE);
	readonly afterEnd = new Int32Array(SIDE);
	afterCount = 0;

	reset(): void {
		this.noted = 0;
		this.afterCount = 0;
	}

	/** A word read before the span; words come in text order, so it is the nearest so far. */
	noteBefore(start: number, end: number): void {
		const slot = this.noted & RING_MASK;
		this.ringStart[slot] = start;
		this.ringEnd[slot] = end;
		this.noted++;
	}

	get beforeCount(): number {
		return Math.min(this.noted, SIDE);
	}

	/** The `index`-th word before the span, nearest first. */
	beforeStart(index: number): number {
		return this.ringStart[(this.noted - 1 - index) & RING_MASK]!;
	}

	beforeEnd(index: number): number {
		return this.ringEnd[(this.noted - 1 - index) & RING_MASK]!;
	}

	/** A word read after the span; only the first SIDE are kept. */
	noteAfter(start: number, end: number): void {
		if (this.afterCount === SIDE) return;
		this.afterStart[this.afterCount] = start;
		this.afterEnd[this.afterCount] = end;
		this.afterCount++;
	}
}

/**
 * Calls `use` with up to `count` words before `from` (nearest first), looking
 * no further back than `reach` characters: a word that crosses that limit is
 * cut there, as a reader's glance would cut it.
 */
function eachBefore(near: WordsAround, from: number, count: number, reach: number, use: (start: number, end: number) => void): void {
	const limit = Math.max(0, from - reach);
	for (let index = 0; index < Math.min(count, near.beforeCount); index++) {
		const end = near.beforeEnd(index);
		if (end <= limit) return;
		use(Math.max(near.beforeStart(index), limit), end);
	}
}

/** The same after `from`, looking no further than `reach` characters on. */
function eachAfter(near: WordsAround, text: string, from: number, count: number, reach: number, use: (start: number, end: number) => void): void {
	const limit = Math.min(text.length, from + reach);
	for (let index = 0; index < Math.min(count, near.afterCount); index++) {
		const start = near.afterStart[index]!;
		if (start >= limit) return;
		use(start, Math.min(near.afterEnd[index]!, limit));
	}
}

const UPPER = /\p{Lu}/u;
const isCapitalisedAt = (text: string, index: number): boolean => {
	const code = text.charCodeAt(index);
	return code < 0x80 ? code >= 0x41 && code <= 0x5a : UPPER.test(text[index]!);
};

/** Headline test state, kept outside the function so that reading a word allocates nothing. */
let longWords = 0;
let capitalisedWords = 0;
let headlineText = '';
function countLongWord(start: number, end: number): void {
	if (end - start < 4) return;
	longWords++;
	if (isCapitalisedAt(headlineText, start)) capitalisedWords++;
}

/**
 * True when the words around are mostly capitalised, as in a headline or a
 * title ("Orange Et Capgemini Lancent…"): capitals there are typography.
 * Counts words of four letters or more, three on each side within 60
 * characters.
 */
export function inCapitalisedRun(text: string, start: number, end: number, near: WordsAround): boolean {
	longWords = 0;
	capitalisedWords = 0;
	headlineText = text;
	eachBefore(near, start, 3, 60, countLongWord);
	eachAfter(near, text, end, 3, 60, countLongWord);
	headlineText = '';
	if (longWords < 2) return false;
	return capitalisedWords / longWords >= 0.67;
}

/** French elided words ("d’", "l’", "qu’"): the word before them is the real neighbour. */
const ELIDED = new Set(['d', 'l', 'qu', 'j', 's', 'n', 'm', 't', 'c']);

export interface Neighbours {
	/** The folded word touching the span on the left ("d" in "jus d’Orange"). */
	previous?: string;
	/** The word before, skipping an elided article ("jus"). */
	previousWord?: string;
	/** The folded word right after the span. */
	next?: string;
}

/** The folded words right before and right after a span, each within 40 characters. */
export function neighbours(text: string, start: number, end: number, near: WordsAround): Neighbours {
	const reach = 40;
	const beforeLimit = Math.max(0, start - reach);
	const fold = (index: number): string | undefined => {
		if (index >= near.beforeCount) return undefined;
		const wordEnd = near.beforeEnd(index);
		return wordEnd > beforeLimit ? foldToken(text.slice(Math.max(near.beforeStart(index), beforeLimit), wordEnd)) : undefined;
	};
	const previous = fold(0);
	const previousWord = previous !== undefined && ELIDED.has(previous) ? fold(1) : previous;
	const afterLimit = Math.min(text.length, end + reach);
	const next = near.afterCount > 0 && near.afterStart[0]! < afterLimit ? foldToken(text.slice(near.afterStart[0], Math.min(near.afterEnd[0]!, afterLimit))) : undefined;
	return { previous, previousWord, next };
}
