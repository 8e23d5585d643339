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
 * Where the `index`-th word before `from` (nearest first) starts, looking no
 * further back than `reach` characters: a word that crosses that limit is cut
 * there, as a reader's glance would cut it. -1 past the limit or the words
 * noted. The word ends at `near.beforeEnd(index)`. (Numbers, not spans: this
 * runs for every ambiguous name, and allocates nothing.)
 */
function startBefore(near: WordsAround, from: number, index: number, reach: number): number {
	const limit = Math.max(0, from - reach);
	if (index >= near.beforeCount || near.beforeEnd(index) <= limit) return -1;
	return Math.max(near.beforeStart(index), limit);
}

/** The same after `from`: where the word after it ends, cut `reach` characters on; it starts at `near.afterStart[index]`. */
function endAfter(near: WordsAround, text: string, from: number, index: number, reach: number): number {
	const limit = Math.min(text.length, from + reach);
	if (index >= near.afterCount || near.afterStart[index]! >= limit) return -1;
	return Math.min(near.afterEnd[index]!, limit);
}

const UPPER = /\p{Lu}/u;
const isCapitalisedAt = (text: string, index: number): boolean => {
	const code = text.charCodeAt(index);
	return code < 0x80 ? code >= 0x41 && code <= 0x5a : UPPER.test(text[index]!);
};

/**
 * True when the words around are mostly capitalised, as in a headline or a
 * title ("Orange Et Capgemini Lancent…"): capitals there are typography.
 * Counts words of four letters or more, three on each side within 60
 * characters.
 */
export function inCapitalisedRun(text: string, start: number, end: number, near: WordsAround): boolean {
	let long = 0;
	let capitalised = 0;
	for (let index = 0; index < 3; index++) {
		const wordStart = startBefore(near, start, index, 60);
		if (wordStart < 0) break;
		if (near.beforeEnd(index) - wordStart < 4) continue;
		long++;
		if (isCapitalisedAt(text, wordStart)) capitalised++;
	}
	for (let index = 0; index < 3; index++) {
		const wordEnd = endAfter(near, text, end, index, 60);
		if (wordEnd < 0) break;
		if (wordEnd - near.afterStart[index]! < 4) continue;
		long++;
		if (isCapitalisedAt(text, near.afterStart[index]!)) capitalised++;
	}
	return long >= 2 && capitalised / long >= 0.67;
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
	const before = (index: number): string | undefined => {
		const wordStart = startBefore(near, start, index, 40);
		return wordStart < 0 ? undefined : foldToken(text.slice(wordStart, near.beforeEnd(index)));
	};
	const wordEnd = endAfter(near, text, end, 0, 40);
	const previous = before(0);
	const previousWord = previous !== undefined && ELIDED.has(previous) ? before(1) : previous;
	return { previous, previousWord, next: wordEnd < 0 ? undefined : foldToken(text.slice(near.afterStart[0], wordEnd)) };
}
