/**
 * The exportable report of one page: what it names, each vendor's verdict
 * with its reasons, laws, certifications and sources, the legal context, the
 * dataset version, and a note on method and limits. A pure function of the
 * dataset and the page's findings, so the same input always gives the same
 * file (the date is passed in) and a procurement file can cite it as-is.
 * The JSON keeps stable English keys; the values are in the chosen language.
 * report-markdown.ts renders the same object as Markdown.
 */
import type { CardCertification, CardParty, CardSource, Lang } from './card.ts';
import type { ConfidenceT, Dataset } from './dataset/types.ts';
import type { LegalEntry } from './legal.ts';
import { summarisePage, type FoundVendor } from './page-summary.ts';
import type { VerdictLevel } from './verdict/levels.ts';

export const REPORT_FORMAT = 'whose-cloud-page-report/1';

export interface ReportVendor {
	id: string;
	offering?: string;
	name: string;
	providerName?: string;
	description: string;
	mentions: number;
	level: { id: VerdictLevel; label: string; letter: string };
	confidence: ConfidenceT;
	reasons: Array<{ text: string; confidence: ConfidenceT }>;
	operator: CardParty & { confidence: ConfidenceT };
	owners: CardParty[];
	controller: CardParty & { confidence: ConfidenceT };
	licensor?: CardParty & { what: string; confidence: ConfidenceT };
	laws: Array<{ id: string; short: string; test: string; contested: boolean; statusAsOf: string; timeSensitive: boolean }>;
	certifications: CardCertification[];
	disputes: Array<{ claimedBy: string; claim: string; counteredBy: string; counter: string }>;
	sources: CardSource[];
	lastVerified: string;
}

export interface ReportLaw {
	id: string;
	short: string;
	name: string;
	jurisdiction: string;
	summary: string;
	status: LegalEntry['status'];
	officialRef: LegalEntry['officialRef'];
	/** The page's vendors it reaches, by id (offering id when the mention was of an offering). */
	reaches: Array<{ vendor: string; contested: boolean }>;
}

export interface PageReportDoc {
	format: typeof REPORT_FORMAT;
	generated: string;
	language: Lang;
	page: { url: string };
	dataset: { version: string; dataAsOf: string; methodUrl: string };
	vendors: ReportVendor[];
	laws: ReportLaw[];
	method: { note: string; limits: string };
}

export interface ReportInput {
	url: string;
	/** When the report was made; passed in so the function stays pure. */
	generated: Date;
	vendors: readonly FoundVendor[];
	lang: Lang;
	/** The method and limits notes, in `lang`; they come from the UI's message files. */
	method: { note: string; limits: string };
}

export function buildReport(dataset: Dataset, input: ReportInput): PageReportDoc {
	const summary = summarisePage(dataset, input.vendors, input.lang);
	// Group order (verdict level), then most mentioned: the same order as the popup.
	const ordered = summary.groups.flatMap((group) => group.vendors);
	const vendors = ordered.map(({ card, count }): ReportVendor => {
		const vendor: ReportVendor = {
			id: card.vendor,
			name: card.name,
			description: card.description,
			mentions: count,
			level: { id: card.level, label: card.levelLabel, letter: card.glyph },
			confidence: card.confidence,
			reasons: card.reasons.map((reason) => ({ text: reason.text, confidence: reason.confidence })),
			operator: card.operator,
			owners: card.owners,
			controller: card.controller,
			laws: card.regimes.map((regime) => ({
				id: regime.id, short: regime.short, test: regime.test, contested: regime.contested, statusAsOf: regime.asOf, timeSensitive: regime.timeSensitive,
			})),
			certifications: card.certifications,
			disputes: card.disputes.map((dispute) => ({ claimedBy: dispute.claimedBy, claim: dispute.claim, counteredBy: dispute.counteredBy, counter: dispute.counter })),
			sources: card.sources,
			lastVerified: card.lastVerified,
		};
		if (card.offering) vendor.offering = card.offering;
		if (card.providerName) vendor.providerName = card.providerName;
		if (card.licensor) vendor.licensor = card.licensor;
		return vendor;
	});
	const laws = summary.legal.map(({ entry, reaches }): ReportLaw => ({
		id: entry.id,
		short: entry.short,
		name: entry.name,
		jurisdiction: entry.jurisdiction,
		summary: entry.summary,
		status: entry.status,
		officialRef: entry.officialRef,
		reaches: reaches.map((reach) => ({ vendor: reach.offering ?? reach.vendor, contested: reach.contested })),
	}));
	return {
		format: REPORT_FORMAT,
		generated: input.generated.toISOString(),
		language: input.lang,
		page: { url: input.url },
		dataset: { version: dataset.meta.version, dataAsOf: dataset.meta.data_as_of, methodUrl: dataset.meta.method_url },
		vendors,
		laws,
		method: input.method,
	};
}

export function reportToJson(report: PageReportDoc): string {
	return `${JSON.stringify(report, null, '\t')}\n`;
}

/** A file name that sorts by date and says where it came from: whose-cloud-example.com-2026-12-01.md */
export function reportFileName(report: PageReportDoc, extension: 'md' | 'json'): string {
	const host = /^[a-z]+:\/\/([^/?#:@]+)/i.exec(report.page.url)?.[1]?.toLowerCase().replace(/[^a-z0-9.-]/g, '') || 'page';
	return `whose-cloud-${host}-${report.generated.slice(0, 10)}.${extension}`;
}
