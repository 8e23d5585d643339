/**
 * The verdicts the real dataset produces. Each row is a fact a reviewer can
 * check against the provider's file; a change here means the data changed.
 */
import { describe, expect, it } from 'vitest';
import { buildCard } from '../core/card.ts';
import { offeringProfile, providerProfile } from '../core/dataset/profile.ts';
import { deriveVerdict } from '../core/verdict/derive.ts';
import { VERDICT_LEVELS } from '../core/verdict/levels.ts';
import { dataset } from './index.ts';

const REQUIRED_IDS = [
	'aws', 'microsoft', 'google-cloud', 'oracle', 'ibm', 'alibaba-cloud', 'tencent-cloud', 'huawei-cloud', 'salesforce', 'cloudflare',
	'akamai', 'digitalocean', 'ovhcloud', 'scaleway', 'outscale', 'orange-business', 'bleu', 's3ns', 'numspot', 'cloud-temple', 'ionos',
	'hetzner', 'stackit', 'open-telekom-cloud', 'delos-cloud', 'exoscale', 'upcloud', 'aruba', 'clever-cloud', 'infomaniak', 'oodrive',
];

describe('dataset coverage', () => {
	it('has every provider the evaluation and the scanner rely on', () => {
		const ids = dataset.providers.map((provider) => provider.id);
		for (const id of REQUIRED_IDS) expect(ids, id).toContain(id);
	});

	it('has at least 15 legal regimes, with the time-sensitive ones flagged', () => {
		expect(dataset.regimes.length).toBeGreaterThanOrEqual(15);
		const flagged = new Set(dataset.regimes.filter((regime) => regime.status.time_sensitive).map((regime) => regime.id));
		for (const id of ['us-fisa-702', 'eu-dpf-latombe-appeal', 'eu-us-dpf', 'eu-eucs', 'fr-health-data-hub']) expect(flagged, id).toContain(id);
	});

	it('computes a verdict, with reasons in both languages, for every provider and offering', () => {
		for (const provider of dataset.providers) {
			for (const profile of [providerProfile(provider), ...provider.offerings.map((offering) => offeringProfile(provider, offering))]) {
				const verdict = deriveVerdict(profile, dataset.regimes);
				expect(VERDICT_LEVELS, profile.offering ?? profile.vendor).toContain(verdict.level);
				expect(verdict.reasons.length, profile.offering ?? profile.vendor).toBeGreaterThan(0);
				for (const reason of verdict.reasons) {
					expect(reason.text.en.length).toBeGreaterThan(5);
					expect(reason.text.fr.length).toBeGreaterThan(5);
				}
			}
		}
	});
});

describe('verdicts derived from the data', () => {
	it.each([
		['aws', undefined, 'non-eu-us'],
		['aws', 'aws-european-sovereign-cloud', 'non-eu-us'],
		['microsoft', undefined, 'non-eu-us'],
		['google-cloud', undefined, 'non-eu-us'],
		['oracle', 'oracle-eu-sovereign-cloud', 'non-eu-us'],
		['alibaba-cloud', undefined, 'non-eu-cn'],
		['huawei-cloud', undefined, 'non-eu-cn'],
		['tencent-cloud', undefined, 'non-eu-cn'],
		['ovhcloud', undefined, 'eu-controlled'],
		['ovhcloud', 'ovhcloud-hosted-private-cloud-secnumcloud', 'secnumcloud'],
		['scaleway', undefined, 'eu-controlled'],
		['outscale', undefined, 'secnumcloud'],
		['bleu', undefined, 'eu-operated-non-eu-tech'],
		['s3ns', undefined, 'eu-operated-non-eu-tech'],
		['s3ns', 's3ns-premi3ns', 'secnumcloud'],
		['delos-cloud', undefined, 'eu-operated-non-eu-tech'],
		['stackit', undefined, 'eu-controlled'],
		['infomaniak', undefined, 'non-eu-other'],
		['cloud-temple', undefined, 'unknown'],
	])('%s %s → %s', (vendor, offering, level) => {
		expect(buildCard(dataset, vendor, offering, 'en')?.level).toBe(level);
	});

	it('shows the contested reach of US law over Bleu, S3NS and Delos Cloud, with both sides of the dispute', () => {
		for (const vendor of ['bleu', 's3ns', 'delos-cloud']) {
			const card = buildCard(dataset, vendor, undefined, 'en')!;
			const cloudAct = card.regimes.find((regime) => regime.id === 'us-cloud-act');
			expect(cloudAct?.contested, vendor).toBe(true);
			expect(card.licensor?.country, vendor).toBe('US');
			expect(card.disputes.length, vendor).toBeGreaterThan(0);
			expect(card.disputes[0]!.claim.length).toBeGreaterThan(10);
			expect(card.disputes[0]!.counter.length).toBeGreaterThan(10);
		}
	});

	it('says "Controlled by Amazon.com, Inc. (United States) → CLOUD Act applies" for AWS', () => {
		const reasons = buildCard(dataset, 'aws', undefined, 'en')!.reasons.map((reason) => reason.text);
		expect(reasons).toContain('Controlled by Amazon.com, Inc. (United States) → CLOUD Act applies');
	});
});
