import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageReport } from '../shared/protocol.ts';

vi.mock('../shared/browser-api.ts', () => ({
	default: { i18n: { getUILanguage: () => 'en-US', getMessage: () => '' } },
}));

const { setLanguage } = await import('../shared/i18n.ts');
// Extension pages bundle both languages' tables (i18n-bundle.ts); so do these tests.
await import('../shared/i18n-bundle.ts');
const { toolbarView } = await import('./toolbar-view.ts');

const report = (vendors: Array<[string, string?]>, active = true): PageReport => ({
	site: 'example.org',
	url: 'https://example.org/',
	active,
	vendors: vendors.map(([vendor, offering]) => ({ vendor, ...(offering ? { offering } : {}), count: 2, level: 'unknown' })),
});

describe('toolbarView', () => {
	beforeEach(() => setLanguage('en'));

	it('counts distinct vendors, an offering and its provider once', () => {
		const view = toolbarView(report([['aws'], ['aws', 'aws-european-sovereign-cloud'], ['ovhcloud']]));
		expect(view).toEqual({ text: '2', title: 'Whose Cloud? — 2 vendors named on this page', dimmed: false });
	});

	it('shows no number, and says so, when the page names no vendor', () => {
		expect(toolbarView(report([]))).toEqual({ text: '', title: 'Whose Cloud? — no cloud vendor named on this page', dimmed: false });
	});

	it('dims the icon and says badges are off when the site is off', () => {
		expect(toolbarView(report([], false))).toEqual({ text: '', title: 'Whose Cloud? — badges are off on this site', dimmed: true });
	});

	it('clears everything for a tab with no report (a new navigation)', () => {
		expect(toolbarView(null)).toEqual({ text: '', title: 'Whose Cloud? — vendors on this page', dimmed: false });
	});

	it('speaks the chosen language', () => {
		setLanguage('fr');
		expect(toolbarView(report([['aws']])).title).toBe('Whose Cloud? — 1 fournisseur cité sur cette page');
	});
});
