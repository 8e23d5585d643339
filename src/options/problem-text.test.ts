import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sanitizeSettings, applyManaged, DEFAULT_SETTINGS, type SettingsProblem } from '../core/settings.ts';

vi.mock('../shared/browser-api.ts', () => ({
	default: { i18n: { getUILanguage: () => 'en-US', getMessage: () => '' } },
}));

const { setLanguage } = await import('../shared/i18n.ts');
// Extension pages bundle both languages' tables (i18n-bundle.ts); so do these tests.
await import('../shared/i18n-bundle.ts');
const { isFixable, problemText } = await import('./problem-text.ts');

describe('problemText', () => {
	beforeEach(() => setLanguage('en'));

	it('names the setting as the page labels it, and the default that now applies', () => {
		const [problem] = sanitizeSettings({ badgeStyle: 'huge' }).problems;
		expect(problemText(problem!)).toBe('“Badge style” had a value that is not valid; it is back to its default: Compact (a letter).');
	});

	it('words policy problems as the administrator’s, and leaves the user value in place', () => {
		const { problems } = applyManaged({ ...DEFAULT_SETTINGS, sites: {} }, { language: 'klingon', telemetry: true });
		expect(problems.map(problemText)).toEqual([
			'Your organisation’s policy gives “Language of the extension and of vendor facts” a value this version does not accept; it was ignored, and your own choice applies.',
			'Your organisation’s policy sets “telemetry”, which this version does not know; it was ignored.',
		]);
	});

	it('has words for every kind of problem, in both languages', () => {
		const all: SettingsProblem[] = [
			{ kind: 'not-an-object', source: 'stored', found: 'string' },
			{ kind: 'invalid', source: 'stored', key: 'enabled' },
			{ kind: 'invalid', source: 'stored', key: 'sites' },
			{ kind: 'dropped-sites', source: 'stored', count: 3 },
			{ kind: 'dropped-sites', source: 'policy', count: 1 },
			{ kind: 'unknown-key', source: 'policy', key: 'x' },
			{ kind: 'invalid', source: 'policy', key: 'density' },
			{ kind: 'invalid-paused', source: 'stored' },
			{ kind: 'unreadable', source: 'stored', detail: 'quota' },
		];
		for (const lang of ['en', 'fr'] as const) {
			setLanguage(lang);
			const texts = all.map(problemText);
			expect(new Set(texts).size).toBe(all.length);
			for (const text of texts) expect(text).not.toMatch(/\$[A-Z_]+\$|undefined/);
		}
		setLanguage('fr');
		expect(problemText({ kind: 'invalid', source: 'stored', key: 'enabled' })).toBe('« Afficher les badges sur les pages web » avait une valeur non valide ; il est revenu à sa valeur par défaut : activé.');
	});

	it('offers a repair only for what the user’s own storage holds', () => {
		expect(isFixable({ kind: 'invalid', source: 'stored', key: 'enabled' })).toBe(true);
		expect(isFixable({ kind: 'unknown-key', source: 'policy', key: 'x' })).toBe(false);
		expect(isFixable({ kind: 'unreadable', source: 'stored', detail: 'x' })).toBe(false);
	});
});
