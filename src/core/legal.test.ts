import { describe, expect, it } from 'vitest';
import { dataset } from '../data/index.ts';
import { buildCard, type VendorCard } from './card.ts';
import { allLegalEntries, legalEntry, legalOnPage } from './legal.ts';

const card = (vendor: string, offering?: string): VendorCard => buildCard(dataset, vendor, offering, 'en')!;

describe('legalEntry', () => {
	it('resolves a regime into one language, with its status, reference and sources', () => {
		const regime = dataset.regimes.find((item) => item.id === 'us-fisa-702')!;
		const en = legalEntry(regime, 'en');
		const fr = legalEntry(regime, 'fr');
		expect(en.summary).toBe(regime.summary.en);
		expect(fr.summary).toBe(regime.summary.fr);
		expect(fr.whyItMatters).toBe(regime.why_it_matters.fr);
		expect(en.jurisdictionName).toBe('United States');
		expect(fr.jurisdictionName).toBe('États-Unis');
		expect(en.status).toEqual({ text: regime.status.text.en, asOf: regime.status.as_of, timeSensitive: true, confidence: regime.status.confidence });
		expect(en.officialRef.url).toMatch(/^https:\/\//);
		expect(en.sources.map((source) => source.key)).toEqual(Object.keys(regime.sources));
	});
});

describe('allLegalEntries', () => {
	it('lists every regime once, foreign law first and EU law last', () => {
		const entries = allLegalEntries(dataset, 'en');
		expect(entries.map((entry) => entry.id).sort()).toEqual(dataset.regimes.map((regime) => regime.id).sort());
		const firstEu = entries.findIndex((entry) => entry.jurisdiction === 'EU');
		const lastForeign = entries.map((entry) => ['US', 'CN', 'GB'].includes(entry.jurisdiction)).lastIndexOf(true);
		expect(lastForeign).toBeLessThan(firstEu);
		expect(entries.slice(firstEu).every((entry) => entry.jurisdiction === 'EU')).toBe(true);
	});
});

describe('legalOnPage', () => {
	it('lists each regime reaching the page’s vendors once, with every vendor it reaches', () => {
		const page = legalOnPage(dataset, [card('aws'), card('microsoft'), card('ovhcloud')], 'en');
		const ids = page.map((item) => item.entry.id);
		expect(new Set(ids).size).toBe(ids.length);
		const cloudAct = page.find((item) => item.entry.id === 'us-cloud-act')!;
		expect(cloudAct.reaches.map((reach) => reach.vendor).sort()).toEqual(['aws', 'microsoft']);
		expect(cloudAct.contestedOnly).toBe(false);
		// Every regime on any card is listed, and nothing else.
		const expected = new Set([card('aws'), card('microsoft'), card('ovhcloud')].flatMap((item) => item.regimes.map((regime) => regime.id)));
		expect(new Set(ids)).toEqual(expected);
	});

	it('marks a regime that reaches the page only through a technology licence as contested', () => {
		const page = legalOnPage(dataset, [card('bleu')], 'en');
		const cloudAct = page.find((item) => item.entry.id === 'us-cloud-act');
		expect(cloudAct?.contestedOnly).toBe(true);
		expect(cloudAct?.reaches[0]?.contested).toBe(true);
	});

	it('puts foreign law before EU law', () => {
		const page = legalOnPage(dataset, [card('aws'), card('microsoft')], 'en');
		const jurisdictions = page.map((item) => item.entry.jurisdiction);
		expect(jurisdictions[0]).toBe('US');
		expect(jurisdictions.indexOf('EU')).toBeGreaterThan(jurisdictions.lastIndexOf('US'));
	});

	it('is empty when no vendor is reached by any regime', () => {
		expect(legalOnPage(dataset, [], 'en')).toEqual([]);
	});
});
