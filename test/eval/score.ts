/**
 * Scores the detector against the labelled corpus in test/corpus/. A
 * predicted mention is right when it overlaps a labelled one of the same
 * vendor (each label counts once); "exact" scoring also needs the same span.
 * Used by `npm run eval` and by the floor test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matcherAliases } from '../../src/core/compact.ts';
import { createMatcher, type Mention, type RejectedCandidate } from '../../src/core/match/matcher.ts';
import { dataset } from '../../src/data/index.ts';

export const CORPUS_DIR = new URL('../corpus/', import.meta.url).pathname;

export interface GoldMention {
	start: number;
	end: number;
	surface: string;
	vendor: string;
}

export interface Passage {
	id: string;
	lang: 'en' | 'fr';
	source_url: string;
	kind: 'mention' | 'trap' | 'mixed';
	text: string;
	mentions: GoldMention[];
}

export interface Counts {
	tp: number;
	fp: number;
	fn: number;
}

export interface Metrics extends Counts {
	precision: number;
	recall: number;
	f1: number;
}

export interface Error {
	id: string;
	type: 'fp' | 'fn';
	vendor: string;
	surface: string;
	context: string;
	trace?: string[];
}

export interface EvalResult {
	passages: number;
	overall: Metrics;
	exact: Metrics;
	byVendor: Record<string, Metrics>;
	byLang: Record<string, Metrics>;
	errors: Error[];
}

export function loadCorpus(dir = CORPUS_DIR): Passage[] {
	const passages: Passage[] = [];
	for (const file of readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort()) {
		readFileSync(join(dir, file), 'utf8').split('\n').forEach((line, index) => {
			if (!line.trim()) return;
			try {
				passages.push(JSON.parse(line) as Passage);
			} catch (error) {
				throw new globalThis.Error(`${file}:${index + 1}: ${(error as globalThis.Error).message}`);
			}
		});
	}
	return passages;
}

const metrics = ({ tp, fp, fn }: Counts): Metrics => {
	const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
	const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
	const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
	return { tp, fp, fn, precision, recall, f1 };
};

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

const contextOf = (text: string, start: number, end: number): string =>
	`${text.slice(Math.max(0, start - 50), start)}[${text.slice(start, end)}]${text.slice(end, end + 50)}`.replace(/\s+/g, ' ');

export function evaluate(passages: Passage[]): EvalResult {
	const matcher = createMatcher(matcherAliases(dataset));
	const total: Counts = { tp: 0, fp: 0, fn: 0 };
	const exact: Counts = { tp: 0, fp: 0, fn: 0 };
	const byVendor = new Map<string, Counts>();
	const byLang = new Map<string, Counts>();
	const errors: Error[] = [];
	const bump = (map: Map<string, Counts>, key: string, field: keyof Counts): void => {
		const counts = map.get(key) ?? { tp: 0, fp: 0, fn: 0 };
		counts[field]++;
		map.set(key, counts);
	};

	for (const passage of passages) {
		const rejected: RejectedCandidate[] = [];
		const predicted: Mention[] = matcher.findMentions(passage.text, { onReject: (candidate) => rejected.push(candidate) });
		const used = new Set<GoldMention>();
		for (const mention of predicted) {
			const gold = passage.mentions.find((item) => !used.has(item) && item.vendor === mention.vendor && overlaps(item, mention));
			const field: keyof Counts = gold ? 'tp' : 'fp';
			if (gold) used.add(gold);
			total[field]++;
			bump(byVendor, mention.vendor, field);
			bump(byLang, passage.lang, field);
			if (gold && gold.start === mention.start && gold.end === mention.end) exact.tp++;
			else exact.fp++;
			if (!gold) errors.push({ id: passage.id, type: 'fp', vendor: mention.vendor, surface: mention.surface, context: contextOf(passage.text, mention.start, mention.end) });
		}
		for (const gold of passage.mentions) {
			const exactHit = predicted.some((mention) => mention.vendor === gold.vendor && mention.start === gold.start && mention.end === gold.end);
			if (!exactHit) exact.fn++;
			if (used.has(gold)) continue;
			total.fn++;
			bump(byVendor, gold.vendor, 'fn');
			bump(byLang, passage.lang, 'fn');
			const reject = rejected.find((candidate) => overlaps(candidate, gold));
			const error: Error = { id: passage.id, type: 'fn', vendor: gold.vendor, surface: gold.surface, context: contextOf(passage.text, gold.start, gold.end) };
			if (reject) error.trace = reject.trace;
			errors.push(error);
		}
	}
	return {
		passages: passages.length,
		overall: metrics(total),
		exact: metrics(exact),
		byVendor: Object.fromEntries([...byVendor].sort(([a], [b]) => a.localeCompare(b)).map(([key, counts]) => [key, metrics(counts)])),
		byLang: Object.fromEntries([...byLang].map(([key, counts]) => [key, metrics(counts)])),
		errors,
	};
}
