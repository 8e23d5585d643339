import { describe, expect, it } from 'vitest';
import { dataset } from '../data/index.ts';
import { buildReport, REPORT_FORMAT, reportFileName, reportToJson, type ReportInput } from './report.ts';
import { escapeMarkdown, reportToMarkdown, type ReportText } from './report-markdown.ts';

/** Plain English words; the extension fills the same shape from its message files (src/popup/report-text.ts). */
const TEXT: ReportText = {
	title: 'Cloud vendors named on a web page',
	page: 'Page',
	generated: 'Generated',
	dataset: (version, date) => `Dataset ${version}, data as of ${date}`,
	summary: 'Summary',
	noVendors: 'No vendor found.',
	vendorColumn: 'Vendor',
	levelColumn: 'Verdict',
	mentionsColumn: 'Mentions',
	vendors: 'Vendors',
	offeringOf: (provider) => `Offer of ${provider}`,
	mentions: (count) => `${count} mentions`,
	why: 'Why this level',
	operator: 'Operator',
	owners: 'Owners',
	controller: 'Controlled by',
	licensor: 'Technology',
	laws: 'Laws',
	noLaws: 'None known',
	certifications: 'Certifications',
	noCertifications: 'None recorded',
	certStatus: { 'qualified': 'qualified', 'in-process': 'in process', 'withdrawn': 'withdrawn', 'expired': 'expired', 'none-known': 'none known' },
	disputed: 'Disputed',
	says: (who) => `${who} says:`,
	sources: 'Sources',
	retrieved: (date) => `consulted ${date}`,
	circa: (date) => `c. ${date}`,
	lastVerified: (date) => `Last checked ${date}`,
	contested: 'contested',
	confidence: { 'single-source': 'single source', 'unverified': 'unverified' },
	legalContext: 'Legal context',
	reachesHere: 'Reaches on this page',
	status: (date) => `Status as of ${date}`,
	timeSensitive: (date) => `Time-sensitive: status as of ${date}, check for changes`,
	officialRef: 'Official reference',
	method: 'Method and limits',
	methodLink: 'How verdicts are made',
};

const input: ReportInput = {
	url: 'https://example.org/appel-offres?id=42',
	generated: new Date('2026-12-01T09:30:00Z'),
	vendors: [{ vendor: 'aws', count: 5 }, { vendor: 'ovhcloud', count: 2 }, { vendor: 'bleu', count: 1 }, { vendor: 's3ns', offering: 's3ns-premi3ns', count: 1 }],
	lang: 'en',
	method: { note: 'Verdicts are derived from sourced facts.', limits: 'Names are matched in text; a mention is not a contract.' },
};

describe('buildReport', () => {
	const report = buildReport(dataset, input);

	it('holds the page, the date, the dataset version and the method note', () => {
		expect(report.format).toBe(REPORT_FORMAT);
		expect(report.page.url).toBe(input.url);
		expect(report.generated).toBe('2026-12-01T09:30:00.000Z');
		expect(report.dataset).toEqual({ version: dataset.meta.version, dataAsOf: dataset.meta.data_as_of, methodUrl: dataset.meta.method_url });
		expect(report.method).toEqual(input.method);
	});

	it('lists every vendor with its verdict, reasons, laws, certifications and sources', () => {
		expect(report.vendors.map((vendor) => vendor.offering ?? vendor.id).sort()).toEqual(['aws', 'bleu', 'ovhcloud', 's3ns-premi3ns']);
		const aws = report.vendors.find((vendor) => vendor.id === 'aws')!;
		expect(aws.mentions).toBe(5);
		expect(aws.level).toEqual({ id: 'non-eu-us', label: 'Non-EU control, US law', letter: 'U' });
		expect(aws.reasons.length).toBeGreaterThan(0);
		expect(aws.laws.map((law) => law.id)).toContain('us-cloud-act');
		expect(aws.sources.length).toBeGreaterThan(0);
		expect(aws.sources.every((source) => /^https?:\/\//.test(source.url))).toBe(true);
		const premi3ns = report.vendors.find((vendor) => vendor.offering === 's3ns-premi3ns')!;
		expect(premi3ns.certifications.some((cert) => cert.scheme === 'secnumcloud' && cert.status === 'qualified')).toBe(true);
		expect(premi3ns.providerName).toBe('S3NS');
	});

	it('lists each law once, with the vendors it reaches on the page', () => {
		const ids = report.laws.map((law) => law.id);
		expect(new Set(ids).size).toBe(ids.length);
		const cloudAct = report.laws.find((law) => law.id === 'us-cloud-act')!;
		expect(cloudAct.reaches).toEqual(expect.arrayContaining([{ vendor: 'aws', contested: false }, { vendor: 'bleu', contested: true }]));
		expect(cloudAct.officialRef.url).toMatch(/^https:\/\//);
	});

	it('orders vendors as the popup does: by verdict level', () => {
		expect(report.vendors.map((vendor) => vendor.level.id)).toEqual(['secnumcloud', 'eu-controlled', 'eu-operated-non-eu-tech', 'non-eu-us']);
	});

	it('is the same for the same input, and its JSON round-trips', () => {
		expect(buildReport(dataset, input)).toEqual(report);
		expect(JSON.parse(reportToJson(report))).toEqual(report);
	});

	it('follows the language', () => {
		const fr = buildReport(dataset, { ...input, lang: 'fr' });
		expect(fr.language).toBe('fr');
		expect(fr.vendors.find((vendor) => vendor.id === 'aws')?.level.label).toBe('Contrôle hors UE, droit américain');
		expect(fr.laws[0]?.summary).toBe(dataset.regimes.find((regime) => regime.id === fr.laws[0]?.id)?.summary.fr);
	});

	it('names files after the site and the date', () => {
		expect(reportFileName(report, 'md')).toBe('whose-cloud-example.org-2026-12-01.md');
		expect(reportFileName({ ...report, page: { url: 'not a url' } }, 'json')).toBe('whose-cloud-page-2026-12-01.json');
	});
});

describe('reportToMarkdown', () => {
	const report = buildReport(dataset, input);
	const markdown = reportToMarkdown(report, TEXT);

	it('starts with the page, the date and the dataset version', () => {
		expect(markdown.split('\n').slice(0, 6)).toEqual([
			'# Cloud vendors named on a web page',
			'',
			'- **Page:** <https://example.org/appel-offres?id=42>',
			'- **Generated:** 2026-12-01 09:30 UTC',
			`- **Dataset ${dataset.meta.version}, data as of ${dataset.meta.data_as_of}**`,
			'',
		]);
	});

	it('has a summary table, a section per vendor, the legal context and the method note', () => {
		expect(markdown).toContain('| Vendor | Verdict | Mentions |');
		expect(markdown).toMatch(/\| Amazon Web Services \(AWS\) \| U — Non-EU control, US law \| 5 \|/);
		for (const vendor of report.vendors) expect(markdown).toContain(`### ${escapeMarkdown(vendor.name)}`);
		expect(markdown).toContain('## Legal context');
		expect(markdown).toContain('### CLOUD Act (US)');
		expect(markdown).toContain('## Method and limits');
		expect(markdown).toContain(input.method.note);
		expect(markdown).toContain(`[How verdicts are made](<${dataset.meta.method_url}>)`);
		expect(markdown).toContain('_(contested)_');
	});

	it('cites every source of every vendor as a link', () => {
		for (const vendor of report.vendors) {
			for (const source of vendor.sources) expect(markdown).toContain(`](<${source.url}>)`);
		}
	});

	it('says so when the page names no vendor', () => {
		const empty = reportToMarkdown(buildReport(dataset, { ...input, vendors: [] }), TEXT);
		expect(empty).toContain('No vendor found.');
		expect(empty).not.toContain('| Vendor |');
		expect(empty).not.toContain('## Legal context');
	});

	it('escapes data so it cannot break the layout', () => {
		expect(escapeMarkdown('a|b *c* [d](e) <f>\nnext')).toBe('a\\|b \\*c\\* \\[d\\](e) \\<f\\> next');
		const hostile = reportToMarkdown({ ...report, page: { url: 'https://x.example/<script> a' } }, TEXT);
		expect(hostile).toContain('<https://x.example/%3Cscript%3E%20a>');
	});
});
