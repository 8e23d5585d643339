/**
 * The page report as Markdown, for a procurement file or an article. Every
 * word that is not data comes from `ReportText`, which the UI fills from its
 * message files, so the report reads in the user's language. Data text is
 * escaped, so a vendor name or a page URL can never break the layout.
 */
import type { CardCertification, CardParty, CardSource } from './card.ts';
import type { ConfidenceT } from './dataset/types.ts';
import type { PageReportDoc, ReportLaw, ReportVendor } from './report.ts';

export interface ReportText {
	title: string;
	page: string;
	generated: string;
	dataset: (version: string, dataAsOf: string) => string;
	summary: string;
	noVendors: string;
	vendorColumn: string;
	levelColumn: string;
	mentionsColumn: string;
	vendors: string;
	offeringOf: (provider: string) => string;
	mentions: (count: number) => string;
	why: string;
	operator: string;
	owners: string;
	controller: string;
	licensor: string;
	laws: string;
	noLaws: string;
	certifications: string;
	noCertifications: string;
	certStatus: Record<CardCertification['status'], string>;
	disputed: string;
	says: (who: string) => string;
	sources: string;
	retrieved: (date: string) => string;
	circa: (date: string) => string;
	lastVerified: (date: string) => string;
	contested: string;
	confidence: Record<Exclude<ConfidenceT, 'verified'>, string>;
	legalContext: string;
	reachesHere: string;
	status: (date: string) => string;
	timeSensitive: (date: string) => string;
	officialRef: string;
	method: string;
	methodLink: string;
}

/**
 * Escapes Markdown's inline syntax in data text, on one line. Parentheses and
 * "!" are left alone: they only act after "]" or before "[", both escaped.
 */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`).replace(/\s*\n\s*/g, ' ');
}

/** Escapes data text that starts a line, where "#", ">", "-", "+" or "1." would open a block. */
const escapeBlock = (text: string): string => escapeMarkdown(text).replace(/^([#>+-]|\d+\.)/, '\\$1');

/** A link whose target cannot break out of its brackets. */
const link = (title: string, url: string): string => `[${escapeMarkdown(title)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;

const tag = (confidence: ConfidenceT, text: ReportText): string => (confidence === 'verified' ? '' : ` _(${text.confidence[confidence]})_`);

const party = (who: CardParty): string => `${escapeMarkdown(who.entity)} (${escapeMarkdown(who.countryName)}${who.stake ? `, ${escapeMarkdown(who.stake)}` : ''})`;

function sourceLine(source: CardSource, text: ReportText): string {
	const date = source.dateKind === 'retrieved' ? text.retrieved(source.date) : source.dateKind === 'circa' ? text.circa(source.date) : source.date;
	return `${link(source.title, source.url)}${source.publisher ? `, ${escapeMarkdown(source.publisher)}` : ''}, ${date}`;
}

function vendorSection(vendor: ReportVendor, text: ReportText): string[] {
	const lines = [`### ${escapeMarkdown(vendor.name)}`, ''];
	if (vendor.providerName) lines.push(`${escapeMarkdown(text.offeringOf(vendor.providerName))}  `);
	lines.push(`**${vendor.level.letter} — ${escapeMarkdown(vendor.level.label)}**${tag(vendor.confidence, text)} · ${escapeMarkdown(text.mentions(vendor.mentions))}`, '');
	lines.push(escapeBlock(vendor.description), '');
	lines.push(`**${text.why}**`, '');
	for (const reason of vendor.reasons) lines.push(`- ${escapeMarkdown(reason.text)}${tag(reason.confidence, text)}`);
	lines.push('');
	lines.push(`- **${text.operator}:** ${party(vendor.operator)}${tag(vendor.operator.confidence, text)}`);
	if (vendor.owners.length > 0) lines.push(`- **${text.owners}:** ${vendor.owners.map(party).join(' → ')}`);
	lines.push(`- **${text.controller}:** ${party(vendor.controller)}${tag(vendor.controller.confidence, text)}`);
	if (vendor.licensor) lines.push(`- **${text.licensor}:** ${party(vendor.licensor)}: ${escapeMarkdown(vendor.licensor.what)}${tag(vendor.licensor.confidence, text)}`);
	lines.push('', `**${text.laws}**`, '');
	if (vendor.laws.length === 0) lines.push(`- ${text.noLaws}`);
	for (const law of vendor.laws) {
		lines.push(`- ${escapeMarkdown(law.short)}: ${escapeMarkdown(law.test)}${law.contested ? ` _(${text.contested})_` : ''}${law.timeSensitive ? ` — ${escapeMarkdown(text.timeSensitive(law.statusAsOf))}` : ''}`);
	}
	lines.push('', `**${text.certifications}**`, '');
	if (vendor.certifications.length === 0) lines.push(`- ${text.noCertifications}`);
	for (const cert of vendor.certifications) {
		const detail = [cert.milestone, cert.date].filter(Boolean).map((item) => escapeMarkdown(item!)).join(', ');
		lines.push(`- ${escapeMarkdown(cert.label)}${cert.level ? ` ${escapeMarkdown(cert.level)}` : ''}: ${text.certStatus[cert.status]}${detail ? ` (${detail})` : ''} — ${escapeMarkdown(cert.scope)}${cert.registry ? ` · ${link(cert.registry, cert.registry)}` : ''}${tag(cert.confidence, text)}`);
	}
	if (vendor.disputes.length > 0) {
		lines.push('', `**${text.disputed}**`, '');
		for (const dispute of vendor.disputes) {
			lines.push(`- ${escapeMarkdown(text.says(dispute.claimedBy))} ${escapeMarkdown(dispute.claim)}`);
			lines.push(`- ${escapeMarkdown(text.says(dispute.counteredBy))} ${escapeMarkdown(dispute.counter)}`);
		}
	}
	lines.push('', `**${text.sources}**`, '');
	vendor.sources.forEach((source, index) => lines.push(`${index + 1}. ${sourceLine(source, text)}`));
	lines.push('', `_${escapeMarkdown(text.lastVerified(vendor.lastVerified))}_`, '');
	return lines;
}

function lawSection(law: ReportLaw, names: ReadonlyMap<string, string>, text: ReportText): string[] {
	const reached = law.reaches.map((reach) => `${escapeMarkdown(names.get(reach.vendor) ?? reach.vendor)}${reach.contested ? ` _(${text.contested})_` : ''}`);
	const lines = [`### ${escapeMarkdown(law.short)} (${escapeMarkdown(law.jurisdiction)})`, '', `_${escapeMarkdown(law.name)}_`, '', escapeBlock(law.summary), ''];
	lines.push(`- **${text.reachesHere}:** ${reached.join(', ')}`);
	lines.push(`- **${escapeMarkdown(text.status(law.status.asOf))}:** ${escapeMarkdown(law.status.text)}${tag(law.status.confidence, text)}`);
	if (law.status.timeSensitive) lines.push(`- ⚠ ${escapeMarkdown(text.timeSensitive(law.status.asOf))}`);
	lines.push(`- **${text.officialRef}:** ${link(law.officialRef.title, law.officialRef.url)}`, '');
	return lines;
}

export function reportToMarkdown(report: PageReportDoc, text: ReportText): string {
	const lines = [
		`# ${text.title}`,
		'',
		`- **${text.page}:** <${report.page.url.replace(/[<>\s]/g, encodeURIComponent)}>`,
		`- **${text.generated}:** ${report.generated.slice(0, 16).replace('T', ' ')} UTC`,
		`- **${escapeMarkdown(text.dataset(report.dataset.version, report.dataset.dataAsOf))}**`,
		'',
		`## ${text.summary}`,
		'',
	];
	if (report.vendors.length === 0) lines.push(text.noVendors, '');
	else {
		lines.push(`| ${text.vendorColumn} | ${text.levelColumn} | ${text.mentionsColumn} |`, '| --- | --- | ---: |');
		for (const vendor of report.vendors) lines.push(`| ${escapeMarkdown(vendor.name)} | ${vendor.level.letter} — ${escapeMarkdown(vendor.level.label)} | ${vendor.mentions} |`);
		lines.push('', `## ${text.vendors}`, '');
		for (const vendor of report.vendors) lines.push(...vendorSection(vendor, text));
	}
	if (report.laws.length > 0) {
		const names = new Map(report.vendors.map((vendor) => [vendor.offering ?? vendor.id, vendor.name]));
		lines.push(`## ${text.legalContext}`, '');
		for (const law of report.laws) lines.push(...lawSection(law, names, text));
	}
	lines.push(`## ${text.method}`, '', escapeBlock(report.method.note), '', escapeBlock(report.method.limits), '', `${link(text.methodLink, report.dataset.methodUrl)}`, '');
	return lines.join('\n');
}
