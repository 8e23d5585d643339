import { describe, expect, it } from 'vitest';
import { dataset } from '../data/index.ts';
import { summarisePage } from './page-summary.ts';
import { VERDICT_LEVELS } from './verdict/levels.ts';

describe('summarisePage', () => {
	const found = [
		{ vendor: 'ovhcloud', count: 2 },
		{ vendor: 'aws', count: 5 },
		{ vendor: 'microsoft', count: 3 },
		{ vendor: 'bleu', count: 1 },
		{ vendor: 'no-such-vendor', count: 4 },
	];

	it('groups vendors by verdict level in the levels’ order, most mentioned first within a group', () => {
		const summary = summarisePage(dataset, found, 'en');
		const levels = summary.groups.map((group) => group.level);
		expect(levels).toEqual([...levels].sort((a, b) => VERDICT_LEVELS.indexOf(a) - VERDICT_LEVELS.indexOf(b)));
		const us = summary.groups.find((group) => group.level === 'non-eu-us')!;
		expect(us.vendors.map((item) => [item.card.vendor, item.count])).toEqual([['aws', 5], ['microsoft', 3]]);
		expect(us.label).toBe('Non-EU control, US law');
		expect(us.glyph).toBe('U');
		expect(summary.groups.find((group) => group.level === 'eu-controlled')?.vendors.map((item) => item.card.vendor)).toEqual(['ovhcloud']);
	});

	it('reports ids the dataset does not know instead of dropping them silently', () => {
		expect(summarisePage(dataset, found, 'en').unknown).toEqual(['no-such-vendor']);
	});

	it('follows the language for names, labels and reasons', () => {
		const fr = summarisePage(dataset, found, 'fr');
		expect(fr.groups.find((group) => group.level === 'non-eu-us')?.label).toBe('Contrôle hors UE, droit américain');
		expect(fr.vendors[0]?.card.reasons[0]?.text).toMatch(/^Contrôlé par/);
	});

	it('carries the legal context of the same vendors', () => {
		const summary = summarisePage(dataset, found, 'en');
		expect(summary.legal.some((item) => item.entry.id === 'us-cloud-act')).toBe(true);
	});
});
