/**
 * The two message files must say the same things: same keys, same
 * placeholders with the same positions, every placeholder used and every
 * used one declared. And t()/tCount() must pick the chosen language.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./browser-api.ts', () => ({
	default: { i18n: { getUILanguage: () => 'en-US', getMessage: () => '' } },
}));

const { setLanguage, t, tCount } = await import('./i18n.ts');
await import('./i18n-bundle.ts');

interface Entry {
	message: string;
	description?: string;
	placeholders?: Record<string, { content: string; example?: string }>;
}

const root = new URL('../static/_locales/', import.meta.url).pathname;
const load = (lang: string): Record<string, Entry> => JSON.parse(readFileSync(`${root}${lang}/messages.json`, 'utf8')) as Record<string, Entry>;
const LOCALES = { en: load('en'), fr: load('fr') };

const used = (message: string): string[] => [...new Set([...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => match[1]!.toUpperCase()))].sort();
const declared = (entry: Entry): Record<string, string> =>
	Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toUpperCase(), value.content]));

describe('message files', () => {
	it('have the same keys in English and French', () => {
		const en = Object.keys(LOCALES.en).sort();
		const fr = Object.keys(LOCALES.fr).sort();
		expect(en.filter((key) => !fr.includes(key)), 'missing in fr').toEqual([]);
		expect(fr.filter((key) => !en.includes(key)), 'missing in en').toEqual([]);
	});

	it.each(['en', 'fr'] as const)('%s: every key is a valid name and every message is non-empty', (lang) => {
		for (const [key, entry] of Object.entries(LOCALES[lang])) {
			expect(key, key).toMatch(/^[A-Za-z0-9_@]+$/);
			expect(entry.message.trim().length, key).toBeGreaterThan(0);
		}
	});

	it.each(['en', 'fr'] as const)('%s: every placeholder is declared and every declared one is used', (lang) => {
		for (const [key, entry] of Object.entries(LOCALES[lang])) {
			expect(used(entry.message), key).toEqual(Object.keys(declared(entry)).sort());
			for (const content of Object.values(declared(entry))) expect(content, key).toMatch(/^\$[1-9]$/);
		}
	});

	it('declare the same placeholders, at the same positions, in both languages', () => {
		for (const key of Object.keys(LOCALES.en)) {
			expect(declared(LOCALES.fr[key]!), key).toEqual(declared(LOCALES.en[key]!));
		}
	});

	it('cover every __MSG_…__ the manifest uses', () => {
		const manifest = readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8');
		for (const [, key] of manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) {
			expect(LOCALES.en, key).toHaveProperty(key!);
			expect(LOCALES.fr, key).toHaveProperty(key!);
		}
	});
});

describe('t and tCount', () => {
	beforeEach(() => setLanguage('auto'));

	it('substitutes placeholders in the chosen language', () => {
		setLanguage('fr');
		expect(t('popupDataVersion', '1.2.3', '2026-11-29')).toBe('Jeu de données 1.2.3, données au 2026-11-29');
		setLanguage('en');
		expect(t('popupDataVersion', '1.2.3', '2026-11-29')).toBe('Dataset 1.2.3, data as of 2026-11-29');
	});

	it('falls back to the bundled file of the browser language when browser.i18n has nothing', () => {
		expect(t('popupThisPage')).toBe('This page');
	});

	it('uses each language’s plural rule', () => {
		setLanguage('en');
		expect([0, 1, 2].map((count) => tCount(count, 'popupMentionsOne', 'popupMentionsMany'))).toEqual(['0 mentions', '1 mention', '2 mentions']);
		setLanguage('fr');
		expect([0, 1, 2].map((count) => tCount(count, 'popupVendorsOne', 'popupVendorsMany'))).toEqual([
			'0 fournisseur cité sur cette page', '1 fournisseur cité sur cette page', '2 fournisseurs cités sur cette page',
		]);
	});
});
