import { describe, expect, it } from 'vitest';
import { validateDataset } from './validate.ts';

const source = { url: 'https://example.org/news', title: 'A dated article', date: '2025-04-17', date_kind: 'published' };
const fact = { confidence: 'verified', sources: ['news'] };

function provider(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id,
		names: { en: id, fr: id },
		description: { en: 'A provider', fr: 'Un fournisseur' },
		aliases: [{ text: id.toUpperCase(), case: 'exact' }],
		operator: { entity: `${id} SAS`, country: 'FR', ...fact },
		control: { chain: [], controller: { entity: `${id} Group`, country: 'FR' }, ...fact },
		last_verified: '2026-11-29',
		sources: { news: source },
		...extra,
	};
}

const meta = { version: '1.0.0', data_as_of: '2026-11-29', report_url: 'https://example.org/issues', method_url: 'https://example.org/method' };

const run = (providers: Array<Record<string, unknown>>) =>
	validateDataset({ meta, providers: Object.fromEntries(providers.map((item) => [`providers/${String(item.id)}.json`, item])), regimes: {} });

describe('validateDataset', () => {
	it('accepts a well-formed provider', () => {
		expect(run([provider('alpha')]).errors).toEqual([]);
	});

	it.each([
		['a bad country code', provider('alpha', { operator: { entity: 'Alpha SAS', country: 'France', ...fact } }), 'providers/alpha.json: .operator.country'],
		['a fact without sources', provider('alpha', { control: { chain: [], controller: { entity: 'Group SA', country: 'FR' }, confidence: 'verified', sources: [] } }), 'providers/alpha.json: .control.sources'],
		['an unknown confidence', provider('alpha', { operator: { entity: 'Alpha SAS', country: 'FR', confidence: 'probably', sources: ['news'] } }), 'providers/alpha.json: .operator.confidence'],
		['a citation of a missing source', provider('alpha', { operator: { entity: 'Alpha SAS', country: 'FR', confidence: 'verified', sources: ['ghost'] } }), 'providers/alpha.json: .operator.sources[0]: unknown source key "ghost"'],
		['an ambiguous alias without a reason', provider('alpha', { aliases: [{ text: 'Alpha', case: 'exact', ambiguous: true }] }), 'providers/alpha.json: .aliases[0].why'],
		['an unknown field', provider('alpha', { ceo: 'Someone' }), 'providers/alpha.json: (root): Unrecognized key'],
		['a malformed date', provider('alpha', { last_verified: '29/11/2026' }), 'providers/alpha.json: .last_verified'],
		[
			'a certification resting only on an undated page',
			provider('alpha', {
				sources: { page: { ...source, date_kind: 'retrieved' } },
				operator: { entity: 'Alpha SAS', country: 'FR', confidence: 'verified', sources: ['page'] },
				control: { chain: [], controller: { entity: 'Group SA', country: 'FR' }, confidence: 'verified', sources: ['page'] },
				certifications: [{ scheme: 'secnumcloud', label: 'SecNumCloud 3.2', scope: { en: 'IaaS', fr: 'IaaS' }, status: 'qualified', confidence: 'verified', sources: ['page'] }],
			}),
			'providers/alpha.json: .certifications[0].sources: needs at least one source with a publication date',
		],
		['a source nobody cites', provider('alpha', { sources: { news: source, spare: source } }), 'providers/alpha.json: .sources.spare: source is never cited'],
		['an offering id without the provider prefix', provider('alpha', { offerings: [{ id: 'beta-offer', names: { en: 'O', fr: 'O' }, description: { en: 'O', fr: 'O' }, aliases: [{ text: 'Offer', case: 'exact' }] }] }), 'must start with "alpha-"'],
		['a licensor that is not in the dataset', provider('alpha', { licensor: { entity: 'X Corp', country: 'US', provider: 'nobody', what: { en: 'x', fr: 'x' }, ...fact } }), '.licensor.provider: unknown provider "nobody"'],
	])('reports %s with the file and the path of the bad field', (_name, broken, message) => {
		const errors = run([broken]).errors.join('\n');
		expect(errors).toContain(message);
	});

	it('refuses an alias two providers share unless both declare it', () => {
		const a = provider('alpha', { aliases: [{ text: 'Cloud One', case: 'insensitive' }] });
		const b = provider('beta', { aliases: [{ text: 'cloud one', case: 'exact' }] });
		expect(run([a, b]).errors.join('\n')).toMatch(/alias "cloud one" collides with beta/);
		const declaredA = provider('alpha', { aliases: [{ text: 'Cloud One', case: 'insensitive', shared_with: ['beta'] }] });
		const declaredB = provider('beta', { aliases: [{ text: 'cloud one', case: 'exact', shared_with: ['alpha'] }] });
		expect(run([declaredA, declaredB]).errors).toEqual([]);
	});

	it('refuses two providers with the same id', () => {
		const result = validateDataset({ meta, providers: { 'providers/alpha.json': provider('alpha'), 'providers/alpha-2.json': provider('alpha') }, regimes: {} });
		expect(result.errors.join('\n')).toMatch(/id "alpha" is already used/);
	});
});
