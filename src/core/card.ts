/**
 * The vendor card: one language-resolved, display-ready view of a provider or
 * offering, built from the dataset and the derived verdict. The hover card,
 * the popup and the page report all render this one shape.
 */
import { countryName } from './dataset/countries.ts';
import { inLanguage } from './dataset/named.ts';
import { findProfile } from './dataset/profile.ts';
import type { LocalTextT, NamedT } from './dataset/schema.ts';
import type { CertificationT, ConfidenceT, Dataset, SourceT } from './dataset/types.ts';
import { deriveVerdict, type ReasonKind } from './verdict/derive.ts';
import { LEVEL_GLYPHS, LEVEL_LABELS, type VerdictLevel } from './verdict/levels.ts';

export type Lang = 'en' | 'fr';

export interface CardParty {
	entity: string;
	country: string;
	countryName: string;
	stake?: string;
}

export interface CardRegime {
	id: string;
	short: string;
	name: string;
	test: string;
	contested: boolean;
	timeSensitive: boolean;
	asOf: string;
	confidence: ConfidenceT;
}

export interface CardCertification {
	scheme: CertificationT['scheme'];
	label: string;
	scope: string;
	status: CertificationT['status'];
	milestone?: string;
	date?: string;
	level?: string;
	registry?: string;
	confidence: ConfidenceT;
}

export interface CardSource {
	key: string;
	url: string;
	title: string;
	date: string;
	dateKind: SourceT['date_kind'];
	publisher?: string;
}

export interface VendorCard {
	vendor: string;
	offering?: string;
	/** The provider's name, when the card is for an offering. */
	providerName?: string;
	name: string;
	description: string;
	level: VerdictLevel;
	levelLabel: string;
	glyph: string;
	confidence: ConfidenceT;
	reasons: Array<{ kind: ReasonKind; text: string; confidence: ConfidenceT }>;
	operator: CardParty & { confidence: ConfidenceT };
	owners: CardParty[];
	controller: CardParty & { confidence: ConfidenceT };
	licensor?: CardParty & { what: string; confidence: ConfidenceT };
	regions: Array<{ name: string; countryName: string; code?: string }>;
	regimes: CardRegime[];
	certifications: CardCertification[];
	disputes: Array<{ claim: string; claimedBy: string; counter: string; counteredBy: string; confidence: ConfidenceT }>;
	notable: Array<{ date?: string; text: string; confidence: ConfidenceT }>;
	sources: CardSource[];
	domains: string[];
	lastVerified: string;
	dataAsOf: string;
	dataVersion: string;
}

const partyOf = (entity: NamedT, country: string, lang: Lang, stake?: LocalTextT): CardParty => {
	const party: CardParty = { entity: inLanguage(entity, lang), country, countryName: countryName(country, lang) };
	if (stake) party.stake = stake[lang];
	return party;
};

/** Builds the card, or undefined when the vendor is not in the dataset. */
export function buildCard(dataset: Dataset, vendor: string, offering: string | undefined, lang: Lang): VendorCard | undefined {
	const profile = findProfile(dataset, vendor, offering);
	if (!profile) return undefined;
	const verdict = deriveVerdict(profile, dataset.regimes);
	const regimeById = new Map(dataset.regimes.map((regime) => [regime.id, regime]));

	// Only the sources this profile's facts cite, in first-cited order.
	const cited: string[] = [];
	const cite = (keys: readonly string[]): void => {
		for (const key of keys) if (!cited.includes(key)) cited.push(key);
	};
	cite(profile.control.sources);
	cite(profile.operator.sources);
	if (profile.licensor) cite(profile.licensor.sources);
	for (const cert of profile.certifications) cite(cert.sources);
	for (const claim of profile.regimes) cite(claim.sources);
	for (const dispute of profile.disputes) cite(dispute.sources);
	for (const item of profile.notable) cite(item.sources);
	if (profile.regions) cite(profile.regions.sources);

	const card: VendorCard = {
		vendor,
		name: profile.names[lang],
		description: profile.description[lang],
		level: verdict.level,
		levelLabel: LEVEL_LABELS[verdict.level][lang],
		glyph: LEVEL_GLYPHS[verdict.level],
		confidence: verdict.confidence,
		reasons: verdict.reasons.map((reason) => ({ kind: reason.kind, text: reason.text[lang], confidence: reason.confidence })),
		operator: { ...partyOf(profile.operator.entity, profile.operator.country, lang), confidence: profile.operator.confidence },
		owners: profile.control.chain.map((link) => partyOf(link.entity, link.country, lang, link.stake)),
		controller: { ...partyOf(profile.control.controller.entity, profile.control.controller.country, lang), confidence: profile.control.confidence },
		regions: (profile.regions?.items ?? []).map((region) => {
			const item: { name: string; countryName: string; code?: string } = { name: inLanguage(region.name, lang), countryName: countryName(region.country, lang) };
			if (region.code) item.code = region.code;
			return item;
		}),
		regimes: verdict.regimes.flatMap((reach) => {
			const regime = regimeById.get(reach.regime);
			if (!regime) return [];
			return [{
				id: regime.id,
				short: regime.short[lang],
				name: regime.names[lang],
				test: reach.test[lang],
				contested: reach.contested,
				timeSensitive: regime.status.time_sensitive,
				asOf: regime.status.as_of,
				confidence: reach.confidence,
			}];
		}),
		certifications: profile.certifications.map((cert) => {
			const item: CardCertification = { scheme: cert.scheme, label: inLanguage(cert.label, lang), scope: cert.scope[lang], status: cert.status, confidence: cert.confidence };
			if (cert.milestone) item.milestone = cert.milestone[lang];
			if (cert.date) item.date = cert.date;
			if (cert.level) item.level = cert.level;
			if (cert.registry) item.registry = cert.registry;
			return item;
		}),
		disputes: profile.disputes.map((dispute) => ({
			claim: dispute.claim[lang],
			claimedBy: inLanguage(dispute.claimed_by, lang),
			counter: dispute.counter[lang],
			counteredBy: inLanguage(dispute.countered_by, lang),
			confidence: dispute.confidence,
		})),
		notable: profile.notable.map((item) => {
			const note: { date?: string; text: string; confidence: ConfidenceT } = { text: item.text[lang], confidence: item.confidence };
			if (item.date) note.date = item.date;
			return note;
		}),
		sources: cited.flatMap((key) => {
			const source = profile.provider.sources[key];
			if (!source) return [];
			const item: CardSource = { key, url: source.url, title: source.title, date: source.date, dateKind: source.date_kind };
			if (source.publisher) item.publisher = source.publisher;
			return [item];
		}),
		domains: profile.domains.length > 0 ? profile.domains : profile.provider.domains,
		lastVerified: profile.provider.last_verified,
		dataAsOf: dataset.meta.data_as_of,
		dataVersion: dataset.meta.version,
	};
	if (profile.offering) {
		card.offering = profile.offering;
		card.providerName = profile.provider.names[lang];
	}
	if (profile.licensor && profile.licensor.confidence !== 'unverified') {
		card.licensor = { ...partyOf(profile.licensor.entity, profile.licensor.country, lang), what: profile.licensor.what[lang], confidence: profile.licensor.confidence };
	}
	return card;
}
