/**
 * The legal context, language-resolved: one entry per regime with its plain
 * words, status and references (the popup's legal view and the report), and
 * the regimes that reach the vendors of one page, each listed once with the
 * vendors it reaches (the popup's "Legal context").
 */
import type { CardSource, Lang, VendorCard } from './card.ts';
import { countryName } from './dataset/countries.ts';
import type { ConfidenceT, Dataset, RegimeT } from './dataset/types.ts';

export interface LegalEntry {
	id: string;
	kind: RegimeT['kind'];
	short: string;
	name: string;
	jurisdiction: string;
	jurisdictionName: string;
	dates: Array<{ label: string; date: string }>;
	summary: string;
	reaches: string;
	whyItMatters: string;
	status: { text: string; asOf: string; timeSensitive: boolean; confidence: ConfidenceT };
	officialRef: { title: string; url: string };
	related: string[];
	sources: CardSource[];
}

/** One vendor of the page that a regime reaches, and by what test. */
export interface LegalReach {
	vendor: string;
	offering?: string;
	name: string;
	test: string;
	contested: boolean;
}

export interface PageLegalEntry {
	entry: LegalEntry;
	reaches: LegalReach[];
	/** True when every reach on this page is contested. */
	contestedOnly: boolean;
}

/** Foreign laws first (what a reader of a cloud offer came for), then national rules in the EU, then EU law. */
function jurisdictionRank(jurisdiction: string): number {
	if (jurisdiction === 'EU') return 2;
	return ['FR', 'DE', 'ES', 'IT', 'NL', 'AT', 'BE', 'LU'].includes(jurisdiction) ? 1 : 0;
}

export function legalEntry(regime: RegimeT, lang: Lang): LegalEntry {
	return {
		id: regime.id,
		kind: regime.kind,
		short: regime.short[lang],
		name: regime.names[lang],
		jurisdiction: regime.jurisdiction,
		jurisdictionName: countryName(regime.jurisdiction, lang),
		dates: regime.dates.map((item) => ({ label: item.label[lang], date: item.date })),
		summary: regime.summary[lang],
		reaches: regime.reaches[lang],
		whyItMatters: regime.why_it_matters[lang],
		status: { text: regime.status.text[lang], asOf: regime.status.as_of, timeSensitive: regime.status.time_sensitive, confidence: regime.status.confidence },
		officialRef: { title: regime.official_ref.title, url: regime.official_ref.url },
		related: regime.related,
		sources: Object.entries(regime.sources).map(([key, source]) => {
			const item: CardSource = { key, url: source.url, title: source.title, date: source.date, dateKind: source.date_kind };
			if (source.publisher) item.publisher = source.publisher;
			return item;
		}),
	};
}

/** Every regime in the dataset, foreign law first, then by jurisdiction and name. */
export function allLegalEntries(dataset: Dataset, lang: Lang): LegalEntry[] {
	return dataset.regimes
		.map((regime) => legalEntry(regime, lang))
		.sort((a, b) => jurisdictionRank(a.jurisdiction) - jurisdictionRank(b.jurisdiction)
			|| a.jurisdiction.localeCompare(b.jurisdiction)
			|| a.short.localeCompare(b.short, lang));
}

/**
 * The regimes reaching the given vendors' cards, each once. Order: foreign law
 * first, then by how many of the page's vendors it reaches, so the laws that
 * matter most for this page come first.
 */
export function legalOnPage(dataset: Dataset, cards: readonly VendorCard[], lang: Lang): PageLegalEntry[] {
	const byId = new Map(dataset.regimes.map((regime) => [regime.id, regime]));
	const found = new Map<string, PageLegalEntry>();
	for (const card of cards) {
		for (const reach of card.regimes) {
			const regime = byId.get(reach.id);
			if (!regime) continue;
			let item = found.get(reach.id);
			if (!item) {
				item = { entry: legalEntry(regime, lang), reaches: [], contestedOnly: true };
				found.set(reach.id, item);
			}
			const who: LegalReach = { vendor: card.vendor, name: card.name, test: reach.test, contested: reach.contested };
			if (card.offering) who.offering = card.offering;
			item.reaches.push(who);
			if (!reach.contested) item.contestedOnly = false;
		}
	}
	return [...found.values()].sort((a, b) => jurisdictionRank(a.entry.jurisdiction) - jurisdictionRank(b.entry.jurisdiction)
		|| Number(a.contestedOnly) - Number(b.contestedOnly)
		|| b.reaches.length - a.reaches.length
		|| a.entry.short.localeCompare(b.entry.short, lang));
}
