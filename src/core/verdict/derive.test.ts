import { describe, expect, it } from 'vitest';
import { providerProfile } from '../dataset/profile.ts';
import type { ProviderT, RegimeT } from '../dataset/schema.ts';
import { deriveVerdict, regimesFor } from './derive.ts';

/** Small, fixed facts: the rules are tested here, the real dataset in src/data/verdicts.test.ts. */
const SOURCES = { s: { url: 'https://example.org/a', title: 'A source', date: '2025-01-01', date_kind: 'published' as const, primary: false } };
const fact = { confidence: 'verified' as const, sources: ['s'] };

function provider(overrides: Partial<ProviderT>): ProviderT {
	return {
		id: 'p',
		names: { en: 'P', fr: 'P' },
		description: { en: 'A provider', fr: 'Un fournisseur' },
		aliases: [],
		domains: [],
		operator: { entity: 'P SAS', country: 'FR', ...fact },
		control: { chain: [], controller: { entity: 'P Group', country: 'FR' }, ...fact },
		certifications: [],
		regimes: [],
		disputes: [],
		notable: [],
		offerings: [],
		last_verified: '2026-11-29',
		sources: SOURCES,
		...overrides,
	};
}

function regime(id: string, short: string, applies: RegimeT['applies']): RegimeT {
	return {
		id,
		kind: 'statute',
		names: { en: short, fr: short },
		short: { en: short, fr: short },
		jurisdiction: 'US',
		dates: [{ label: { en: 'Adopted', fr: 'Adopté' }, date: '2018-03-23' }],
		summary: { en: 'x', fr: 'x' },
		reaches: { en: 'x', fr: 'x' },
		why_it_matters: { en: 'x', fr: 'x' },
		official_ref: { title: 'ref', url: 'https://example.org/ref' },
		basis: fact,
		status: { as_of: '2026-01-01', text: { en: 'x', fr: 'x' }, time_sensitive: false, ...fact },
		applies,
		related: [],
		sources: SOURCES,
	};
}

const REGIMES: RegimeT[] = [
	regime('us-cloud-act', 'CLOUD Act', [{ test: 'controlled-from', countries: ['US'] }, { test: 'technology-from', countries: ['US'] }]),
	regime('cn-nil', 'National Intelligence Law', [{ test: 'controlled-from', countries: ['CN'] }]),
	regime('fr-secnumcloud', 'SecNumCloud', [{ test: 'certified', scheme: 'secnumcloud' }]),
];

const snc = (status: 'qualified' | 'in-process', confidence: 'verified' | 'unverified' = 'verified') => ({
	scheme: 'secnumcloud' as const,
	label: 'SecNumCloud 3.2',
	scope: { en: 'IaaS', fr: 'IaaS' },
	status,
	date: '2025-12-17',
	confidence,
	sources: ['s'],
});

const US_CONTROL = { chain: [{ entity: 'Parent Inc.', country: 'US' }], controller: { entity: 'Parent Inc.', country: 'US' }, ...fact };

describe('verdict levels follow control, licensor and qualification', () => {
	it.each([
		['US controller', provider({ control: US_CONTROL }), 'non-eu-us'],
		['US controller with a French operator and Paris regions', provider({ control: US_CONTROL, operator: { entity: 'P France SAS', country: 'FR', ...fact } }), 'non-eu-us'],
		['Chinese controller', provider({ control: { chain: [], controller: { entity: 'Group', country: 'CN' }, ...fact } }), 'non-eu-cn'],
		['Swiss controller', provider({ control: { chain: [], controller: { entity: 'Foundation', country: 'CH' }, ...fact } }), 'non-eu-other'],
		['Norwegian controller (EEA)', provider({ control: { chain: [], controller: { entity: 'AS', country: 'NO' }, ...fact } }), 'eu-controlled'],
		['French controller', provider({}), 'eu-controlled'],
		['French controller, US technology licensor', provider({ licensor: { entity: 'Microsoft Corporation', country: 'US', what: { en: 'Azure', fr: 'Azure' }, ...fact } }), 'eu-operated-non-eu-tech'],
		['qualified SecNumCloud', provider({ certifications: [snc('qualified')] }), 'secnumcloud'],
		['SecNumCloud in process only', provider({ certifications: [snc('in-process')] }), 'eu-controlled'],
		['qualification claimed but unverified', provider({ certifications: [snc('qualified', 'unverified')] }), 'eu-controlled'],
		['unverified control', provider({ control: { chain: [], controller: { entity: '?', country: 'FR' }, confidence: 'unverified', sources: ['s'] } }), 'unknown'],
		['unverified licensor is ignored', provider({ licensor: { entity: 'X', country: 'US', what: { en: 'x', fr: 'x' }, confidence: 'unverified', sources: ['s'] } }), 'eu-controlled'],
	])('%s → %s', (_name, profile, level) => {
		expect(deriveVerdict(providerProfile(profile), REGIMES).level).toBe(level);
	});
});

describe('reasons are sentences that cite the facts', () => {
	it('names the controller, its country and the law that follows', () => {
		const verdict = deriveVerdict(providerProfile(provider({ control: US_CONTROL })), REGIMES);
		const texts = verdict.reasons.map((reason) => reason.text.en);
		expect(texts).toContain('Controlled by Parent Inc. (United States)');
		expect(texts).toContain('Controlled by Parent Inc. (United States) → CLOUD Act applies');
		expect(verdict.reasons.map((reason) => reason.text.fr)).toContain('Contrôlé par Parent Inc. (États-Unis) → CLOUD Act s’applique');
	});

	it('says plainly when control is not verified, and derives no law from it', () => {
		const verdict = deriveVerdict(providerProfile(provider({ control: { ...US_CONTROL, confidence: 'unverified' } })), REGIMES);
		expect(verdict.level).toBe('unknown');
		expect(verdict.regimes).toEqual([]);
		expect(verdict.reasons[0]?.kind).toBe('data');
	});
});

describe('contested cases show both sides, not a verdict we cannot back', () => {
	const trustedCloud = provider({
		control: { chain: [{ entity: 'Thales SA', country: 'FR' }, { entity: 'Google LLC', country: 'US', stake: { en: 'minority stake', fr: 'participation minoritaire' } }], controller: { entity: 'Thales SA', country: 'FR' }, ...fact },
		licensor: { entity: 'Google LLC', country: 'US', provider: 'google-cloud', what: { en: 'Google Cloud technology', fr: 'technologie Google Cloud' }, ...fact },
		disputes: [{
			topic: 'immunity',
			claim: { en: 'no US law reaches it', fr: 'aucune loi américaine ne l’atteint' },
			claimed_by: 'The operator',
			counter: { en: 'software updates still come from the US', fr: 'les mises à jour viennent des États-Unis' },
			countered_by: 'A member of parliament',
			...fact,
		}],
	});

	it('lists the CLOUD Act as contested through the licence, not as applying', () => {
		const reach = regimesFor(providerProfile(trustedCloud), REGIMES).find((item) => item.regime === 'us-cloud-act');
		expect(reach?.contested).toBe(true);
		expect(reach?.test.en).toMatch(/licensed from Google LLC \(United States\); whether this law reaches it is disputed/);
	});

	it('keeps the level at EU-operated on non-EU technology and gives both sides of the dispute', () => {
		const verdict = deriveVerdict(providerProfile(trustedCloud), REGIMES);
		expect(verdict.level).toBe('eu-operated-non-eu-tech');
		const dispute = verdict.reasons.find((reason) => reason.kind === 'dispute');
		expect(dispute?.text.en).toContain('The operator says');
		expect(dispute?.text.en).toContain('A member of parliament says');
		expect(verdict.reasons.some((reason) => reason.text.en.startsWith('Also held by Google LLC (United States)'))).toBe(true);
	});

	it('a qualified offer of a trusted-cloud venture is "qualified", with the licence still stated', () => {
		const verdict = deriveVerdict(providerProfile({ ...trustedCloud, certifications: [snc('qualified')] }), REGIMES);
		expect(verdict.level).toBe('secnumcloud');
		expect(verdict.reasons.some((reason) => reason.kind === 'licensor')).toBe(true);
		expect(verdict.regimes.find((item) => item.regime === 'us-cloud-act')?.contested).toBe(true);
	});
});
