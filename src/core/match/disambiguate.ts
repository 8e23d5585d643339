/**
 * Decides whether an ambiguous candidate ("Orange", "Bleu", "Amazon"…) is the
 * vendor. Pure scoring over the data in `senses.ts` and `cues.ts`; see those
 * files for what each weight means and why it exists.
 */
import { fold, inCapitalisedRun, isSentenceInitial, neighbours, tokens } from './context.ts';
import { CUES, type CueSetId } from './cues.ts';
import { CONTEXT_CHARS, DEFAULT_SENSE, NEIGHBOUR_WEIGHTS, SENSES, type SenseRule } from './senses.ts';

/** word → cue sets containing it, built once. */
const WORD_SETS = new Map<string, CueSetId[]>();
const PHRASES: Array<[string, CueSetId]> = [];
for (const [id, set] of Object.entries(CUES) as Array<[CueSetId, (typeof CUES)[CueSetId]]>) {
	for (const word of set.words) {
		const list = WORD_SETS.get(word) ?? [];
		if (!list.includes(id)) list.push(id);
		WORD_SETS.set(word, list);
	}
	for (const phrase of ('phrases' in set ? set.phrases : []) as readonly string[]) PHRASES.push([` ${tokens(phrase).join(' ')} `, id]);
}

export interface Evidence {
	/** Unambiguous mentions in the same text, by position. */
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
	/** Short trace of what moved the score, for debugging and the eval report. */
	trace: string[];
}

/**
 * Which cue sets occur in the window around the candidate, with how many
 * distinct cues of each: one cue counts its set's weight, two or more count
 * half as much again (more evidence, but never a landslide from one topic).
 */
function cueSetsAround(text: string, start: number, end: number, surroundings = ''): Map<CueSetId, number> {
	const left = tokens(text.slice(Math.max(0, start - CONTEXT_CHARS), start));
	const right = tokens(text.slice(end, Math.min(text.length, end + CONTEXT_CHARS)));
	const seen = new Map<CueSetId, Set<string>>();
	const add = (id: CueSetId, cue: string): void => {
		const cues = seen.get(id) ?? new Set<string>();
		cues.add(cue);
		seen.set(id, cues);
	};
	// The name's own words are left out: "Azure" must not count as its own cloud cue.
	for (const word of left) for (const id of WORD_SETS.get(word) ?? []) add(id, word);
	for (const word of right) for (const id of WORD_SETS.get(word) ?? []) add(id, word);
	for (const word of tokens(surroundings)) for (const id of WORD_SETS.get(word) ?? []) add(id, word);
	// Phrases may include the name itself ("jus d’orange").
	const joined = ` ${[...left, ...tokens(text.slice(start, end)), ...right].join(' ')} `;
	for (const [phrase, id] of PHRASES) if (joined.includes(phrase)) add(id, phrase);
	return new Map([...seen].map(([id, cues]) => [id, cues.size]));
}

export function senseFor(alias: string): SenseRule {
	return SENSES[fold(alias)] ?? DEFAULT_SENSE;
}

export function decide(text: string, start: number, end: number, vendor: string, alias: string, evidence: Evidence): Decision {
	const rule = senseFor(alias);
	const trace: string[] = [`prior ${rule.prior}`];
	let score = rule.prior;

	for (const [id, count] of cueSetsAround(text, start, end, evidence.surroundings)) {
		const base = rule.cues[id];
		const weight = base ? (count >= 2 ? base * 1.5 : base) : 0;
		if (weight) {
			score += weight;
			trace.push(`${id} ${weight}`);
		}
	}

	const { previous, previousWord, next } = neighbours(text, start, end);
	const before = rule.before ?? {};
	const beforeWeight = (previous !== undefined ? before[previous] : undefined) ?? (previousWord !== undefined ? before[previousWord] : undefined);
	if (beforeWeight) {
		score += beforeWeight;
		trace.push(`before ${beforeWeight}`);
	}
	const afterWeight = next !== undefined ? rule.after?.[next] : undefined;
	if (afterWeight) {
		score += afterWeight;
		trace.push(`after ${afterWeight}`);
	}

	const surface = text.slice(start, end);
	const capitalised = /^\p{Lu}/u.test(surface) && surface !== surface.toUpperCase();
	if (capitalised && rule.capitalised && !isSentenceInitial(text, start) && !inCapitalisedRun(text, start, end)) {
		score += rule.capitalised;
		trace.push(`capitalised ${rule.capitalised}`);
	}

	const same = rule.near?.same ?? NEIGHBOUR_WEIGHTS.sameVendorNear;
	const other = rule.near?.other ?? NEIGHBOUR_WEIGHTS.otherVendorNear;
	let near = 0;
	for (const anchor of evidence.anchors) {
		if (Math.abs(anchor.start - start) > NEIGHBOUR_WEIGHTS.nearChars) continue;
		near = Math.max(near, anchor.vendor === vendor ? same : other);
	}
	if (near === 0 && evidence.anchors.length > 0) near = NEIGHBOUR_WEIGHTS.vendorsInText;
	if (near) {
		score += near;
		trace.push(`vendors ${near}`);
	}
	if (evidence.pageEvidence) {
		score += evidence.pageEvidence;
		trace.push(`page ${evidence.pageEvidence}`);
	}
	return { keep: score > 0, score, trace };
}
