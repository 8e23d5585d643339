/**
 * Decides whether an ambiguous candidate ("Orange", "Bleu", "Amazon"…) is the
 * vendor. Pure scoring over the data in `senses.ts` and `cues.ts`; see those
 * files for what each weight means and why it exists.
 */
import { inCapitalisedRun, isSentenceInitial, neighbours } from './context.ts';
import { foldToken, scanCues } from './cue-scan.ts';
import type { CueSetId } from './cues.ts';
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
 * Which cue sets occur in the window around the candidate, with how many
 * distinct cues of each: one cue counts its set's weight, two or more count
 * half as much again (more evidence, but never a landslide from one topic).
 */
function cueSetsAround(text: string, start: number, end: number, surroundings = ''): Map<CueSetId, number> {
	const from = Math.max(0, start - CONTEXT_CHARS);
	const window = text.slice(from, Math.min(text.length, end + CONTEXT_CHARS));
	// Only "one cue" or "two or more distinct cues" matters per set: the first key and a flag suffice.
	const first = new Map<CueSetId, string>();
	const counts = new Map<CueSetId, number>();
	const add = (id: CueSetId, cue: string): void => {
		const seen = first.get(id);
		if (seen === undefined) {
			first.set(id, cue);
			counts.set(id, 1);
		} else if (seen !== cue) counts.set(id, 2);
	};
	// The name's own words are left out: "Azure" must not count as its own cloud cue.
	scanCues(window, add, { start: start - from, end: end - from });
	if (surroundings) scanCues(surroundings, add);
	return counts;
}

/** Anchors sorted by start: is there one within `distance` of `position`, and of which vendors? */
function anchorsNear(anchors: Evidence['anchors'], position: number, distance: number): Array<{ start: number; vendor: string }> {
	let low = 0;
	let high = anchors.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (anchors[mid]!.start < position - distance) low = mid + 1;
		else high = mid;
	}
	const near: Array<{ start: number; vendor: string }> = [];
	for (let index = low; index < anchors.length && anchors[index]!.start <= position + distance; index++) near.push(anchors[index]!);
	return near;
}

const senseCache = new Map<string, SenseRule>();
export function senseFor(alias: string): SenseRule {
	let rule = senseCache.get(alias);
	if (!rule) {
		rule = SENSES[foldToken(alias)] ?? DEFAULT_SENSE;
		senseCache.set(alias, rule);
	}
	return rule;
}

export function decide(text: string, start: number, end: number, vendor: string, alias: string, evidence: Evidence, explain = false): Decision {
	const rule = senseFor(alias);
	// Building trace strings costs more than the scoring itself: only when asked.
	const trace: string[] = [];
	const note = explain ? (label: string, weight: number): void => void trace.push(`${label} ${weight}`) : (): void => undefined;
	note('prior', rule.prior);
	let score = rule.prior;

	for (const [id, count] of cueSetsAround(text, start, end, evidence.surroundings)) {
		const base = rule.cues[id];
		const weight = base ? (count >= 2 ? base * 1.5 : base) : 0;
		if (weight) {
			score += weight;
			note(id, weight);
		}
	}

	const { previous, previousWord, next } = neighbours(text, start, end);
	const before = rule.before ?? {};
	const beforeWeight = (previous !== undefined ? before[previous] : undefined) ?? (previousWord !== undefined ? before[previousWord] : undefined);
	if (beforeWeight) {
		score += beforeWeight;
		note('before', beforeWeight);
	}
	const afterWeight = next !== undefined ? rule.after?.[next] : undefined;
	if (afterWeight) {
		score += afterWeight;
		note('after', afterWeight);
	}

	const surface = text.slice(start, end);
	const capitalised = /^\p{Lu}/u.test(surface) && surface !== surface.toUpperCase();
	if (capitalised && rule.capitalised && !isSentenceInitial(text, start) && !inCapitalisedRun(text, start, end)) {
		score += rule.capitalised;
		note('capitalised', rule.capitalised);
	}

	const same = rule.near?.same ?? NEIGHBOUR_WEIGHTS.sameVendorNear;
	const other = rule.near?.other ?? NEIGHBOUR_WEIGHTS.otherVendorNear;
	let near = 0;
	for (const anchor of anchorsNear(evidence.anchors, start, NEIGHBOUR_WEIGHTS.nearChars)) {
		near = Math.max(near, anchor.vendor === vendor ? same : other);
	}
	if (near === 0 && evidence.anchors.length > 0) near = NEIGHBOUR_WEIGHTS.vendorsInText;
	if (near) {
		score += near;
		note('vendors', near);
	}
	if (evidence.pageEvidence) {
		score += evidence.pageEvidence;
		note('page', evidence.pageEvidence);
	}
	return { keep: score > 0, score, trace };
}
