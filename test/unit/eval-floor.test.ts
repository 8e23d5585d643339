/**
 * Quality gate: precision and recall on the labelled development corpus may
 * not fall below the floors in test/eval/floors.json. Counts, not timings: it
 * is deterministic.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, loadCorpus } from '../eval/score.ts';

const floors = JSON.parse(readFileSync(new URL('../eval/floors.json', import.meta.url), 'utf8')) as {
	overall: { precision: number; recall: number };
	byLang: Record<string, { precision: number; recall: number }>;
};

describe('detector quality on the development corpus', () => {
	const corpus = loadCorpus();
	const result = evaluate(corpus);

	it('has at least 200 labelled passages in French and English, with traps', () => {
		expect(corpus.length).toBeGreaterThanOrEqual(200);
		expect(new Set(corpus.map((passage) => passage.lang))).toEqual(new Set(['en', 'fr']));
		expect(corpus.filter((passage) => passage.kind === 'trap').length).toBeGreaterThanOrEqual(60);
		for (const passage of corpus) {
			expect(passage.source_url, passage.id).toMatch(/^https?:\/\//);
			for (const mention of passage.mentions) expect(passage.text.slice(mention.start, mention.end), passage.id).toBe(mention.surface);
		}
	});

	it('stays above the overall floor', () => {
		expect(result.overall.precision).toBeGreaterThanOrEqual(floors.overall.precision);
		expect(result.overall.recall).toBeGreaterThanOrEqual(floors.overall.recall);
	});

	it.each(Object.entries(floors.byLang))('stays above the floor in %s', (lang, floor) => {
		expect(result.byLang[lang]!.precision).toBeGreaterThanOrEqual(floor.precision);
		expect(result.byLang[lang]!.recall).toBeGreaterThanOrEqual(floor.recall);
	});
});
