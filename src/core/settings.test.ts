import { describe, expect, it } from 'vitest';
import { applyManaged, DEFAULT_SETTINGS, describeProblem, isActiveOn, isValidSiteKey, sanitizeSettings, siteKey, type Settings } from './settings.ts';

const defaults = (): Settings => ({ ...DEFAULT_SETTINGS, sites: {} });

describe('sanitizeSettings', () => {
	it('returns the defaults, with no problem, when nothing is stored', () => {
		expect(sanitizeSettings(undefined)).toEqual({ settings: defaults(), problems: [] });
		expect(sanitizeSettings(null)).toEqual({ settings: defaults(), problems: [] });
	});

	it('keeps every valid value', () => {
		const stored: Settings = { enabled: false, defaultOn: false, sites: { 'example.com': true }, density: 'all', skipCode: false, language: 'fr', badgeStyle: 'labelled' };
		expect(sanitizeSettings(stored)).toEqual({ settings: stored, problems: [] });
	});

	it.each([
		['a string', 'enabled=true', 'string'],
		['a number', 42, 'number'],
		['an array', [true, false], 'array'],
		['a boolean', true, 'boolean'],
	])('falls back to the defaults when the stored value is %s, and says so', (_label, stored, found) => {
		const result = sanitizeSettings(stored);
		expect(result.settings).toEqual(defaults());
		expect(result.problems).toEqual([{ kind: 'not-an-object', source: 'stored', found }]);
	});

	it('resets each invalid field to its default and names it, keeping the valid ones', () => {
		const result = sanitizeSettings({ enabled: 'yes', density: 'most', language: 'de', badgeStyle: 7, skipCode: false, sites: 'example.com' });
		expect(result.settings).toEqual({ ...defaults(), skipCode: false });
		expect(result.problems).toEqual([
			{ kind: 'invalid', source: 'stored', key: 'enabled' },
			{ kind: 'invalid', source: 'stored', key: 'sites' },
			{ kind: 'invalid', source: 'stored', key: 'density' },
			{ kind: 'invalid', source: 'stored', key: 'language' },
			{ kind: 'invalid', source: 'stored', key: 'badgeStyle' },
		]);
	});

	it('ignores foreign keys (another version, another tool) without complaint', () => {
		expect(sanitizeSettings({ theme: 'dark', version: 3, enabled: false })).toEqual({ settings: { ...defaults(), enabled: false }, problems: [] });
	});

	it('keeps well-formed site entries, normalises their keys, and counts the dropped ones', () => {
		const result = sanitizeSettings({ sites: { 'WWW.Example.com': false, 'ok.org': 'yes', 'bad host!': true, '': true, 'a.fr:8080': true } });
		expect(result.settings.sites).toEqual({ 'example.com': false, 'a.fr': true });
		expect(result.problems).toEqual([{ kind: 'dropped-sites', source: 'stored', count: 3 }]);
	});

	it('cannot be steered through prototype names', () => {
		const stored = JSON.parse('{"sites": {"__proto__": true, "constructor": false, "ok.org": true}, "__proto__": {"enabled": false}}') as unknown;
		const result = sanitizeSettings(stored);
		expect(result.settings.sites).toEqual({ 'ok.org': true });
		expect(Object.getPrototypeOf(result.settings.sites)).toBe(Object.prototype);
		expect(result.settings.enabled).toBe(true);
		expect(result.problems).toEqual([{ kind: 'dropped-sites', source: 'stored', count: 2 }]);
	});

	it('never throws, whatever storage hands it', () => {
		const junk: unknown[] = [0, -1, NaN, '', '{}', Symbol('x'), () => 1, new Date(0), new Map(), { sites: null }, { sites: [] }, { sites: { a: null } },
			{ enabled: null, density: undefined }, { sites: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`site${i}.example`, i % 2 === 0])) }];
		for (const value of junk) {
			expect(() => sanitizeSettings(value)).not.toThrow();
			const { settings } = sanitizeSettings(value);
			expect(typeof settings.enabled).toBe('boolean');
			expect(['all', 'first-per-block']).toContain(settings.density);
		}
	});
});

describe('applyManaged', () => {
	it('applies valid policy values and reports them as locked', () => {
		const result = applyManaged(defaults(), { enabled: false, density: 'all', sites: { 'intranet.gouv.fr': false } });
		expect(result.settings).toEqual({ ...defaults(), enabled: false, density: 'all', sites: { 'intranet.gouv.fr': false } });
		// Sites are locked one by one: the user still chooses for every site the policy does not name.
		expect(result.locked).toEqual(['enabled', 'density']);
		expect(result.lockedSites).toEqual(['intranet.gouv.fr']);
		expect(result.problems).toEqual([]);
	});

	it('merges a policy\'s sites over the user\'s, locking only the ones it names', () => {
		const user = { ...defaults(), sites: { 'news.example': false, 'intranet.gouv.fr': true } };
		const result = applyManaged(user, { sites: { 'intranet.gouv.fr': false, 'portal.example': true } });
		expect(result.settings.sites).toEqual({ 'news.example': false, 'intranet.gouv.fr': false, 'portal.example': true });
		expect(result.lockedSites).toEqual(['intranet.gouv.fr', 'portal.example']);
		expect(result.locked).toEqual([]);
	});

	it('ignores unknown keys and invalid values, keeps the user value, and reports each', () => {
		const user = { ...defaults(), language: 'fr' as const };
		const result = applyManaged(user, { language: 'klingon', telemetry: true, badgeStyle: 'labelled' });
		expect(result.settings).toEqual({ ...user, badgeStyle: 'labelled' });
		expect(result.locked).toEqual(['badgeStyle']);
		expect(result.problems).toEqual([
			{ kind: 'invalid', source: 'policy', key: 'language' },
			{ kind: 'unknown-key', source: 'policy', key: 'telemetry' },
		]);
	});

	it('treats a missing or non-object policy as no policy', () => {
		for (const managed of [undefined, null, 'x', [1], 3]) {
			expect(applyManaged(defaults(), managed)).toEqual({ settings: defaults(), locked: [], lockedSites: [], problems: [] });
		}
	});

	it('keeps the valid entries of a policy site map and reports the rest', () => {
		const result = applyManaged(defaults(), { sites: { 'a.fr': true, 'b.fr': 'no' } });
		expect(result.settings.sites).toEqual({ 'a.fr': true });
		expect(result.problems).toEqual([{ kind: 'dropped-sites', source: 'policy', count: 1 }]);
	});
});

describe('isActiveOn', () => {
	it('follows the global switch, then the pause, then the site choice, then the default', () => {
		const settings = { ...defaults(), sites: { 'off.fr': false, 'on.fr': true } };
		expect(isActiveOn(settings, 'www.on.fr')).toBe(true);
		expect(isActiveOn(settings, 'off.fr')).toBe(false);
		expect(isActiveOn(settings, 'other.fr')).toBe(true);
		expect(isActiveOn({ ...settings, defaultOn: false }, 'other.fr')).toBe(false);
		expect(isActiveOn({ ...settings, defaultOn: false }, 'on.fr')).toBe(true);
		expect(isActiveOn(settings, 'on.fr', ['on.fr'])).toBe(false);
		expect(isActiveOn({ ...settings, enabled: false }, 'on.fr')).toBe(false);
	});

	it('does not read inherited members for hosts named like them', () => {
		expect(isActiveOn({ ...defaults(), defaultOn: false }, 'constructor')).toBe(false);
		expect(isActiveOn({ ...defaults(), defaultOn: false }, 'toString')).toBe(false);
	});
});

describe('site keys', () => {
	it('normalises hosts as users think of them', () => {
		expect(siteKey(' WWW.Example.COM. ')).toBe('example.com');
		expect(siteKey('127.0.0.1:8080')).toBe('127.0.0.1');
	});

	it('accepts hostnames and IPv6 literals, and refuses the rest', () => {
		expect(isValidSiteKey('example.com')).toBe(true);
		expect(isValidSiteKey('[::1]')).toBe(true);
		expect(isValidSiteKey('a b')).toBe(false);
		expect(isValidSiteKey('__proto__')).toBe(false);
		expect(isValidSiteKey('x'.repeat(254))).toBe(false);
	});
});

describe('describeProblem', () => {
	it('writes one English line per kind, for the console', () => {
		expect(describeProblem({ kind: 'invalid', source: 'stored', key: 'density' })).toBe('stored density: invalid value; using the default ("first-per-block")');
		expect(describeProblem({ kind: 'unknown-key', source: 'policy', key: 'x' })).toBe('policy x: unknown setting; ignored');
		expect(describeProblem({ kind: 'dropped-sites', source: 'stored', count: 2 })).toBe('stored sites: ignored 2 malformed entries');
	});
});
