/**
 * What one page names, ready to show or export: the vendors' cards grouped
 * by verdict level (in the levels' own order, so groups never move between
 * pages), with their mention counts, and the legal context they share.
 */
import { buildCard, type Lang, type VendorCard } from './card.ts';
import type { Dataset } from './dataset/types.ts';
import { legalOnPage, type PageLegalEntry } from './legal.ts';
import { LEVEL_GLYPHS, LEVEL_LABELS, VERDICT_LEVELS, type VerdictLevel } from './verdict/levels.ts';

/** A vendor as the page report counts it. */
export interface FoundVendor {
	vendor: string;
	offering?: string;
	count: number;
}

export interface SummaryVendor {
	card: VendorCard;
	count: number;
}

export interface LevelGroup {
	level: VerdictLevel;
	label: string;
	glyph: string;
	vendors: SummaryVendor[];
}

export interface PageSummary {
	groups: LevelGroup[];
	/** Every vendor, most mentioned first. */
	vendors: SummaryVendor[];
	legal: PageLegalEntry[];
	/** Ids the page reported that this dataset does not know (an older dataset than the content script's). */
	unknown: string[];
}

export function summarisePage(dataset: Dataset, found: readonly FoundVendor[], lang: Lang): PageSummary {
	const vendors: SummaryVendor[] = [];
	const unknown: string[] = [];
	for (const item of found) {
		const card = buildCard(dataset, item.vendor, item.offering, lang);
		if (card) vendors.push({ card, count: item.count });
		else unknown.push(item.offering ?? item.vendor);
	}
	vendors.sort((a, b) => b.count - a.count || a.card.name.localeCompare(b.card.name, lang));
	const groups: LevelGroup[] = VERDICT_LEVELS.flatMap((level) => {
		const members = vendors.filter((item) => item.card.level === level);
		return members.length === 0 ? [] : [{ level, label: LEVEL_LABELS[level][lang], glyph: LEVEL_GLYPHS[level], vendors: members }];
	});
	return { groups, vendors, legal: legalOnPage(dataset, vendors.map((item) => item.card), lang), unknown };
}
