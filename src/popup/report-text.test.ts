/**
 * The exported report and the "wrong fact" draft take every word from the
 * message files: rendered in each language, nothing is left untranslated
 * or unfilled.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildCard } from '../core/card.ts';
import { FACT_FIELDS, feedbackBody } from '../core/feedback.ts';
import { buildReport } from '../core/report.ts';
import { reportToMarkdown } from '../core/report-markdown.ts';
import { dataset } from '../data/index.ts';

vi.mock('../shared/browser-api.ts', () => ({
	default: { i18n: { getUILanguage: () => 'en-US', getMessage: () => '' } },
}));

const { setLanguage, t } = await import('../shared/i18n.ts');
// Extension pages bundle both languages' tables (i18n-bundle.ts); so do these tests.
await import('../shared/i18n-bundle.ts');
const { feedbackText, FIELD_LABELS, methodNotes, reportText } = await import('./report-text.ts');

const vendors = [{ vendor: 'aws', count: 3 }, { vendor: 'bleu', count: 1 }, { vendor: 's3ns', offering: 's3ns-premi3ns', count: 1 }];

describe.each(['en', 'fr'] as const)('report words in %s', (lang) => {
	it('fill the whole Markdown report, placeholders included', () => {
		setLanguage(lang);
		const report = buildReport(dataset, { url: 'https://example.org/', generated: new Date('2026-12-01T00:00:00Z'), vendors, lang, method: methodNotes() });
		const markdown = reportToMarkdown(report, reportText());
		expect(markdown).not.toMatch(/\$[A-Z_]+\$|undefined|\[object/);
		expect(markdown).toContain(methodNotes().limits);
		expect(markdown.split('\n')[0]).toBe(lang === 'en' ? '# Cloud vendors named on a web page — Whose Cloud? report' : '# Fournisseurs cloud cités sur une page web — rapport Whose Cloud?');
		expect(markdown).toContain(lang === 'en' ? '## Summary' : '## Synthèse');
		expect(markdown).toContain(lang === 'en' ? '## Legal context' : '## Contexte juridique');
	});

	it('fill the wrong-fact draft for every field', () => {
		setLanguage(lang);
		const card = buildCard(dataset, 'aws', undefined, lang)!;
		for (const field of FACT_FIELDS) {
			const body = feedbackBody({ card, field, fieldLabel: t(FIELD_LABELS[field]) }, feedbackText());
			expect(body).not.toMatch(/\$[A-Z_]+\$|undefined/);
			expect(body).toContain(`${field} (${t(FIELD_LABELS[field])})`);
		}
	});
});
