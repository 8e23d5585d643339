/**
 * Reads the text right around a candidate mention: the neighbouring words,
 * and whether the name sits at the start of a sentence or inside a headline
 * (where capitals say nothing). Words are found by walking char codes out
 * from the name, a few words each way, so this costs next to nothing.
 */
import { foldToken, isWordUnit } from './cue-scan.ts';

/** Characters after which a capital letter says nothing: sentence ends, list bullets, line breaks. */
const SENTENCE_BREAK = new Set(['.', '!', '?', '…', ':', ';', '\n', '\r', '|', '•', '·']);
/** Openers skipped when looking back for a sentence break. */
const OPENERS = new Set([' ', '\t', '\u00a0', '"', '\'', '«', '“', '‘', '(', '[', '{', '—', '–', '-', '*', '>', '\u202f']);

export function isSentenceInitial(text: string, start: number): boolean {
	let index = start - 1;
	while (index >= 0 && OPENERS.has(text[index]!)) index--;
	return index < 0 || SENTENCE_BREAK.has(text[index]!);
}

interface WordSpan {
	start: number;
	end: number;
}

/** Up to `count` words before `from` (nearest first), looking no further than `reach` characters. */
function wordsBefore(text: string, from: number, count: number, reach: number): WordSpan[] {
	const out: WordSpan[] = [];
	const limit = Math.max(0, from - reach);
	let index = from - 1;
	while (out.length < count && index >= limit) {
		while (index >= limit && !isWordUnit(text.charCodeAt(index))) index--;
		if (index < limit) break;
		const end = index + 1;
		while (index >= limit && isWordUnit(text.charCodeAt(index))) index--;
		out.push({ start: index + 1, end });
	}
	return out;
}

/** Up to `count` words from `from` on (nearest first), looking no further than `reach` characters. */
function wordsAfter(text: string, from: number, count: number, reach: number): WordSpan[] {
	const out: WordSpan[] = [];
	const limit = Math.min(text.length, from + reach);
	let index = from;
	while (out.length < count && index < limit) {
		while (index < limit && !isWordUnit(text.charCodeAt(index))) index++;
		if (index >= limit) break;
		const start = index;
		while (index < limit && isWordUnit(text.charCodeAt(index))) index++;
		out.push({ start, end: index });
	}
	return out;
}

const UPPER = /\p{Lu}/u;
const isCapitalisedAt = (text: string, index: number): boolean => {
	const code = text.charCodeAt(index);
	return code < 0x80 ? code >= 0x41 && code <= 0x5a : UPPER.test(text[index]!);
};

/**
 * True when the words around are mostly capitalised, as in a headline or a
 * title ("Orange Et Capgemini Lancent…"): capitals there are typography.
 */
export function inCapitalisedRun(text: string, start: number, end: number): boolean {
	const near = [...wordsBefore(text, start, 3, 60), ...wordsAfter(text, end, 3, 60)].filter((word) => word.end - word.start >= 4);
	if (near.length < 2) return false;
	const capitalised = near.filter((word) => isCapitalisedAt(text, word.start)).length;
	return capitalised / near.length >= 0.67;
}

/** French elided words ("d’", "l’", "qu’"): the word before them is the real neighbour. */
const ELIDED = new Set(['d', 'l', 'qu', 'j', 's', 'n', 'm', 't', 'c']);

/**
 * The folded words right before and right after a span. `previous` is the
 * word touching the span ("d" in "jus d’Orange"); `previousWord` skips an
 * elided article ("jus").
 */
export function neighbours(text: string, start: number, end: number): { previous?: string; previousWord?: string; next?: string } {
	const before = wordsBefore(text, start, 2, 40).map((word) => foldToken(text.slice(word.start, word.end)));
	const after = wordsAfter(text, end, 1, 40);
	const previous = before[0];
	const previousWord = previous !== undefined && ELIDED.has(previous) ? before[1] : previous;
	const next = after[0] ? foldToken(text.slice(after[0].start, after[0].end)) : undefined;
	return { previous, previousWord, next };
}
