/**
 * "Report a wrong fact": a prefilled draft the user reviews and sends
 * themselves. The draft names the vendor id, the field, the value the dataset
 * holds now and the dataset version, so a maintainer can find the fact at
 * once. It goes to the dataset's `report_url`: a GitHub "new issue" URL gets
 * `title` and `body` parameters, a `mailto:` address gets `subject` and
 * `body`. Nothing here sends anything; the caller only opens the URL.
 */
import type { VendorCard } from './card.ts';

export const FACT_FIELDS = ['level', 'controller', 'owners', 'operator', 'licensor', 'laws', 'certifications', 'regions', 'description', 'sources', 'other'] as const;
export type FactField = (typeof FACT_FIELDS)[number];

/** Long values (a full source list) are cut so the URL stays well under browsers' and GitHub's limits. */
const MAX_VALUE = 1200;

/** The value the dataset holds for `field`, as plain text in the card's language; '' when it has none. */
export function currentValue(card: VendorCard, field: FactField): string {
	const who = (party: { entity: string; countryName: string; stake?: string }): string =>
		`${party.entity} (${party.countryName}${party.stake ? `, ${party.stake}` : ''})`;
	switch (field) {
		case 'level':
			return card.levelLabel;
		case 'controller':
			return who(card.controller);
		case 'owners':
			return card.owners.map(who).join(' → ');
		case 'operator':
			return who(card.operator);
		case 'licensor':
			return card.licensor ? `${who(card.licensor)}: ${card.licensor.what}` : '';
		case 'laws':
			return card.regimes.map((regime) => `${regime.short}: ${regime.test}`).join('; ');
		case 'certifications':
			return card.certifications.map((cert) => `${cert.label} ${cert.status}${cert.date ? ` ${cert.date}` : ''} (${cert.scope})`).join('; ');
		case 'regions':
			return card.regions.map((region) => `${region.name}${region.code ? ` ${region.code}` : ''}`).join(', ');
		case 'description':
			return card.description;
		case 'sources':
			return card.sources.map((source) => source.url).join(' ');
		case 'other':
			return '';
	}
}

export interface FactDraft {
	card: VendorCard;
	field: FactField;
	/** The field's name as the user read it. */
	fieldLabel: string;
}

/** The draft's words, in the user's language, from the UI's message files. */
export interface FeedbackText {
	title: (vendor: string, field: string) => string;
	vendor: string;
	field: string;
	current: string;
	none: string;
	dataset: (version: string, dataAsOf: string) => string;
	whatIsWrong: string;
	source: string;
	footer: string;
}

const clip = (text: string): string => (text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text);

export function feedbackBody({ card, field, fieldLabel }: FactDraft, text: FeedbackText): string {
	const value = currentValue(card, field);
	return [
		`${text.vendor}: ${card.offering ? `${card.vendor} / ${card.offering}` : card.vendor} (${card.name})`,
		`${text.field}: ${field} (${fieldLabel})`,
		`${text.current}: ${value ? clip(value) : text.none}`,
		text.dataset(card.dataVersion, card.dataAsOf),
		'',
		`${text.whatIsWrong}`,
		'',
		'',
		`${text.source}`,
		'',
		'',
		`— ${text.footer}`,
	].join('\n');
}

/** The URL that opens the draft: a prefilled issue form or an email draft. */
export function feedbackUrl(reportUrl: string, draft: FactDraft, text: FeedbackText): string {
	const title = text.title(draft.card.name, draft.fieldLabel);
	const body = feedbackBody(draft, text);
	const join = reportUrl.includes('?') ? '&' : '?';
	// encodeURIComponent, not URLSearchParams: mail clients show "+" literally where a space was meant.
	if (/^mailto:/i.test(reportUrl)) return `${reportUrl}${join}subject=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
	return `${reportUrl}${join}title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
}
