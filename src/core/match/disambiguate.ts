/**
 * Decides whether an ambiguous candidate ("Orange", "Bleu", "Amazon"…) is the
 * vendor. Pure scoring over the data in `senses.ts` and `cues.ts`; see those
 * files for what each weight means and why it exists.
 */
import { inCapitalisedRun, isSentenceInitial, neighbours, WordsAround } from './context.ts';
import { CUE_SET_IDS, CueTally, foldToken, scanCues } from './cue-scan.ts';
import { CONTEXT_CHARS, DEFAULT_SENSE, NEIGHBOUR_WEIGHTS, SENSES, type SenseRule } from './senses.ts';

export interface Evidence {
	/** Unambiguous mentions in the same text, sorted by start. */
	anchors: ReadonlyArray<{ start: number; vendor: string }>;
	/** Extra evidence from outside the text (the page around a block). */
	pageEvidence: number;
	/**
	 * Text around a short block (the rest of a table row or list): its cue
	 * words count as context, as a reader would read a cell with its row.
	 */
	surroundings?: string;
}

export interface Decision {
	keep: boolean;
	score: number;
	/** What moved the score, for debugging and the eval report; empty unless asked for. */
	trace: string[];
}

/**
 * The cue sets found around the candidate: one cue counts its set's weight,
 * two or more distinct cues count half as much again (more evidence, but
 * never a landslide from one topic). Reused: deciding is synchronous.
 */
const cues = new CueTally();
/** The words on each side of the candidate, noted by the same scan. */
const near = new WordsAround();

function collectCues(text: string, start: number, end: number, surroundings = ''): void {
	cues.clear();
	near.reset();
	// The name's own words are left out: "Azure" must not count as its own cloud cue.
	scanCues(text, Math.max(0, start - CONTEXT_CHARS), Math.min(text.length, end + CONTEXT_CHARS), cues, start, end, near);
	if (surroundings) scanCues(surroundings, 0, surroundings.length, cues);
}

/**
 * The weight of the vendors named near `position` (anchors sorted by start):
 * the same vendor counts `same`, another `other`, the strongest wins.
 */
function nearbyVendors(anchors: Evidence['anchors'], position: number, vendor: string, same: number, other: number): number {
	const distance = NEIGHBOUR_WEIGHTS.nearChars;
	let low = 0;
	let high = anchors.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (anchors[mid]!.start < position - distance) low = mid + 1;
		else high = mid;
	}
	let near = 0;
	for (let index = low; index < anchors.length && anchors[index]!.start <= position + distance; index++) {
		near = Math.max(near, anchors[index]!.vendor === vendor ? same : other);
	}
	return near;
}

/**
 * A sense rule ready for scoring: word weights in Maps (a plain object would
 * answer "constructor" or "toString" with a function) and cue weights by cue
 * set index.
 */
interface CompiledRule {
	rule: SenseRule;
	before: ReadonlyMap<string, number>;
	after: ReadonlyMap<string, number>;
	cueWeights: Float64Array;
}

const compiledRules = new Map<string, CompiledRule>();
function compiledFor(alias: string): CompiledRule {
	let compiled = compiledRules.get(alias);
	if (!compiled) {
		const key = foldToken(alias);
		const rule = Object.hasOwn(SENSES, key) ? SENSES[key]! : DEFAULT_SENSE;
		compiled = {
			rule,
			before: new Map(Object.entries(rule.before ?? {})),
			after: new Map(Object.entries(rule.after ?? {})),
			cueWeights: Float64Array.from(CUE_SET_IDS, (id) => rule.cues[id] ?? 0),
		};
		compiledRules.set(alias, compiled);
	}
	return compiled;
}

/** Does the span hold a letter that upper-casing would change? ("Orange" yes, "OBS" no.) */
function hasLowerCase(text: string, start: number, end: number): boolean {
	for (let index = start; index < end; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x80) {
			if (code >= 0x61 && code <= 0x7a) return true;
		} else {
			// Outside ASCII, compare the whole span's upper case, surrogate pairs included.
			const surface = text.slice(start, end);
			return surface !== surface.toUpperCase();
		}
	}
	return false;
}

const UPPER_START = /^\p{Lu}/u;
/** Does the span start with an upper-case letter? */
function startsUpperCase(text: string, start: number): boolean {
	const code = text.charCodeAt(start);
	if (code < 0x80) return code >= 0x41 && code <= 0x5a;
	return UPPER_START.test(text.slice(start, start + 2));
}

/** Shared by every decision made without a trace; frozen, so a write would throw rather than leak. */
const NO_TRACE = Object.freeze([]) as unknown as string[];

export function decide(text: string, start: number, end: number, vendor: string, alias: string, evidence: Evidence, explain = false): Decision {
	const { rule, before, after, cueWeights } = compiledFor(alias);
	// Building trace strings costs more than the scoring itself: only when asked.
	const trace: string[] = explain ? [] : NO_TRACE;
	let score = rule.prior;
	if (explain) trace.push(`prior ${rule.prior}`);

	collectCues(text, start, end, evidence.surroundings);
	for (const set of cues.seen) {
		const base = cueWeights[set]!;
		const weight = cues.counts[set]! >= 2 ? base * 1.5 : base;
		if (weight) {
			score += weight;
			if (explain) trace.push(`${CUE_SET_IDS[set]!} ${weight}`);
		}
	}

	const { previous, previousWord, next } = neighbours(text, start, end, near);
	const beforeWeight = (previous !== undefined ? before.get(previous) : undefined) ?? (previousWord !== undefined ? before.get(previousWord) : undefined);
	if (beforeWeight) {
		score += beforeWeight;
		if (explain) trace.push(`before ${beforeWeight}`);
	}
	const afterWeight = next !== undefined ? after.get(next) : undefined;
	if (afterWeight) {
		score += afterWeight;
		if (explain) trace.push(`after ${afterWeight}`);
	}

	const capitalised = startsUpperCase(text, start) && hasLowerCase(text, start, end);
	if (capitalised && rule.capitalised && !inCapitalisedRun(text, start, end, near)) {
		// At the start of a sentence every word has its capital: it says less, but not nothing
		// ("Azure was down for six hours" is Microsoft's; "Azure skies" are ruled out by the next word).
		const weight = isSentenceInitial(text, start) ? rule.capitalised / 2 : rule.capitalised;
		score += weight;
		if (explain) trace.push(`capitalised ${weight}`);
	}

	const same = rule.near?.same ?? NEIGHBOUR_WEIGHTS.sameVendorNear;
	const other = rule.near?.other ?? NEIGHBOUR_WEIGHTS.otherVendorNear;
	let vendors = nearbyVendors(evidence.anchors, start, vendor, same, other);
	if (vendors === 0 && evidence.anchors.length > 0) vendors = NEIGHBOUR_WEIGHTS.vendorsInText;
	if (vendors) {
		score += vendors;
		if (explain) trace.push(`vendors ${vendors}`);
	}
	if (evidence.pageEvidence) {
		score += evidence.pageEvidence;
		if (explain) trace.push(`page ${evidence.pageEvidence}`);
	}
	return { keep: score > 0, score, trace };
}
