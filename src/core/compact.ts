/**
 * The compact index: everything the content script needs and nothing more.
 * It is computed at build time (see test/tools/vite-dataset-gate.ts) so the
 * content bundle carries aliases and one verdict level per vendor, not the
 * sourced dataset, which stays in the background and the popup.
 */
import { offeringProfile, providerProfile } from './dataset/profile.ts';
import type { Dataset, LocalTextT } from './dataset/types.ts';
import type { MatcherAlias } from './match/matcher.ts';
import type { PatternSources } from './match/pattern.ts';
import { inLanguage } from './dataset/named.ts';
import { countryName } from './dataset/countries.ts';
import type { Profile } from './dataset/profile.ts';
import { deriveVerdict } from './verdict/derive.ts';
import type { VerdictLevel } from './verdict/levels.ts';

export interface CompactEntry {
	names: LocalTextT;
	level: VerdictLevel;
	/** One line for the badge's accessible name: who controls it and which laws reach it. */
	summary: LocalTextT;
}

export interface CompactIndex {
	version: string;
	dataAsOf: string;
	aliases: MatcherAlias[];
	/** `patternSources(aliases)`, computed when the extension is built (see match/pattern.ts). */
	patterns?: PatternSources;
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

/** "control: United States; laws: CLOUD Act, FISA 702" — short enough to be read aloud on every badge. */
function summaryOf(profile: Profile, dataset: Dataset): LocalTextT {
	const verdict = deriveVerdict(profile, dataset.regimes);
	const regimes = new Map(dataset.regimes.map((regime) => [regime.id, regime]));
	const line = (lang: 'en' | 'fr'): string => {
		const parts: string[] = [];
		if (profile.control.confidence === 'unverified') parts.push(lang === 'en' ? 'control not verified' : 'contrôle non vérifié');
		else parts.push(`${lang === 'en' ? 'control' : 'contrôle'}${lang === 'fr' ? ' ' : ''}: ${countryName(profile.control.controller.country, lang)}`);
		if (profile.licensor && profile.licensor.confidence !== 'unverified') {
			parts.push(`${lang === 'en' ? 'technology' : 'technologie'}${lang === 'fr' ? ' ' : ''}: ${inLanguage(profile.licensor.entity, lang)}`);
		}
		const laws = verdict.regimes
			.filter((reach) => !reach.contested && !regimes.get(reach.regime)?.applies.some((rule) => rule.test === 'certified'))
			.map((reach) => regimes.get(reach.regime)?.short[lang])
			.filter((name): name is string => Boolean(name));
		if (laws.length > 0) parts.push(`${lang === 'en' ? 'laws' : 'lois'}${lang === 'fr' ? ' ' : ''}: ${laws.join(', ')}`);
		return parts.join(lang === 'en' ? '; ' : ' ; ');
	};
	return { en: line('en'), fr: line('fr') };
}

function entryOf(profile: Profile, dataset: Dataset): CompactEntry {
	return { names: profile.names, level: deriveVerdict(profile, dataset.regimes).level, summary: summaryOf(profile, dataset) };
}

export function buildCompactIndex(dataset: Dataset): CompactIndex {
	const entries: Record<string, CompactEntry> = {};
	for (const provider of dataset.providers) {
		entries[provider.id] = entryOf(providerProfile(provider), dataset);
		for (const offering of provider.offerings) entries[offering.id] = entryOf(offeringProfile(provider, offering), dataset);
	}
	return { version: dataset.meta.version, dataAsOf: dataset.meta.data_as_of, aliases: matcherAliases(dataset), entries };
}

