/**
 * Reads the text around a candidate mention: folded tokens for cue lookup,
 * the neighbouring words, and whether the name sits at the start of a
 * sentence or inside a headline (where capitals say nothing).
 */

/** Lower case, accents removed, both apostrophes unified: the form cue lists are written in. */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase();
}

const TOKEN = /[\p{L}\p{N}]+/gu;

export function tokens(text: string): string[] {
	return fold(text).match(TOKEN) ?? [];
}

/** Characters after which a capital letter says nothing: sentence ends, list bullets, line breaks. */
const SENTENCE_BREAK = new Set(['.', '!', '?', '…', ':', ';', '\n', '\r', '|', '•', '·']);
/** Openers skipped when looking back for a sentence break. */
const OPENERS = new Set([' ', '\t', '\u00a0', '"', '\'', '«', '“', '‘', '(', '[', '{', '—', '–', '-', '*', '>', '\u202f']);

export function isSentenceInitial(text: string, start: number): boolean {
	let index = start - 1;
	while (index >= 0 && OPENERS.has(text[index]!)) index--;
	return index < 0 || SENTENCE_BREAK.has(text[index]!);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

function wordsAround(text: string, start: number, end: number, span = 60): { before: string[]; after: string[] } {
	const left = text.slice(Math.max(0, start - span), start);
	const right = text.slice(end, end + span);
	return { before: left.match(WORD) ?? [], after: right.match(WORD) ?? [] };
}

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/**
 * True when the words around are mostly capitalised, as in a headline or a
 * title ("Orange Et Capgemini Lancent…"): capitals there are typography.
 */
export function inCapitalisedRun(text: string, start: number, end: number): boolean {
	const { before, after } = wordsAround(text, start, end);
	const near = [...before.slice(-3), ...after.slice(0, 3)].filter((word) => word.length >= 4);
	if (near.length < 2) return false;
	const capitalised = near.filter(isCapitalised).length;
	return capitalised / near.length >= 0.67;
}

/** French elided words ("d’", "l’", "qu’"): the word before them is the real neighbour. */
const ELIDED = new Set(['d', 'l', 'qu', 'j', 's', 'n', 'm', 't', 'c']);

/**
 * The folded words right before and right after a span. `previous` is the
 * token touching the span ("d" in "jus d’Orange"); `previousWord` skips an
 * elided article ("jus").
 */
export function neighbours(text: string, start: number, end: number): { previous?: string; previousWord?: string; next?: string } {
	const left = tokens(text.slice(Math.max(0, start - 40), start));
	const right = tokens(text.slice(end, end + 40));
	const previous = left[left.length - 1];
	const previousWord = previous !== undefined && ELIDED.has(previous) ? left[left.length - 2] : previous;
	return { previous, previousWord, next: right[0] };
}
