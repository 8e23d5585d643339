/**
 * The compact index: everything the content script needs and nothing more.
 * It is computed at build time (see test/tools/vite-dataset-gate.ts) so the
 * content bundle carries aliases and one verdict level per vendor, not the
 * sourced dataset, which stays in the background and the popup.
 */
import { findProfile, offeringProfile, providerProfile } from './dataset/profile.ts';
import type { Dataset, LocalTextT } from './dataset/types.ts';
import type { MatcherAlias } from './match/matcher.ts';
import { deriveVerdict } from './verdict/derive.ts';
import type { VerdictLevel } from './verdict/levels.ts';

export interface CompactEntry {
	names: LocalTextT;
	level: VerdictLevel;
}

export interface CompactIndex {
	version: string;
	dataAsOf: string;
	aliases: MatcherAlias[];
	/** Keyed by provider id and by offering id. */
	entries: Record<string, CompactEntry>;
}

export function matcherAliases(dataset: Dataset): MatcherAlias[] {
	const out: MatcherAlias[] = [];
	for (const provider of dataset.providers) {
		for (const alias of provider.aliases) {
			out.push({ text: alias.text.normalize('NFC'), case: alias.case, ambiguous: alias.ambiguous, vendor: provider.id });
		}
		for (const offering of provider.offerings) {
			for (const alias of offering.aliases) {
				out.push({ text: alias.text.normalize('NFC'), case: alias.case, ambiguous: alias.ambiguous, vendor: provider.id, offering: offering.id });
			}
		}
	}
	return out;
}

export function buildCompactIndex(dataset: Dataset): CompactIndex {
	const entries: Record<string, CompactEntry> = {};
	for (const provider of dataset.providers) {
		entries[provider.id] = { names: provider.names, level: deriveVerdict(providerProfile(provider), dataset.regimes).level };
		for (const offering of provider.offerings) {
			entries[offering.id] = { names: offering.names, level: deriveVerdict(offeringProfile(provider, offering), dataset.regimes).level };
		}
	}
	return { version: dataset.meta.version, dataAsOf: dataset.meta.data_as_of, aliases: matcherAliases(dataset), entries };
}

export { findProfile };
