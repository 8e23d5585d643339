/**
 * User settings: the shape, the defaults, and a sanitiser that turns whatever
 * storage returns (nothing, an old version, a corrupt or foreign value) into
 * valid settings plus a list of what was wrong. It never throws: a bad value
 * falls back to its default and is reported, so the options page can say so.
 */

export const DENSITIES = ['all', 'first-per-block'] as const;
export const LANGUAGES = ['auto', 'fr', 'en'] as const;
export const BADGE_STYLES = ['compact', 'labelled'] as const;

export interface Settings {
	/** The global switch: badges on any site at all. */
	enabled: boolean;
	/** Whether a site the user never touched gets badges. */
	defaultOn: boolean;
	/** Per-site choices, keyed by `siteKey()`: true = on, false = off. */
	sites: Record<string, boolean>;
	/** Badge every mention, or only the first of each vendor per paragraph. */
	density: (typeof DENSITIES)[number];
	/** Leave `code` and `pre` blocks alone. */
	skipCode: boolean;
	language: (typeof LANGUAGES)[number];
	badgeStyle: (typeof BADGE_STYLES)[number];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
	enabled: true,
	defaultOn: true,
	sites: {},
	density: 'first-per-block',
	skipCode: true,
	language: 'auto',
	badgeStyle: 'compact',
});

export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

/**
 * What was wrong with a stored or managed value. Structured rather than a
 * sentence, so each UI can say it in its own language (see
 * src/options/problem-text.ts); `describeProblem` gives the English line for logs.
 */
export type SettingsProblem =
	/** The stored settings were not an object at all: every setting is back to its default. */
	| { kind: 'not-an-object'; source: 'stored'; found: string }
	/** One stored setting had a wrong type or value: that one is back to its default. */
	| { kind: 'invalid'; source: 'stored'; key: SettingKey }
	/** Some per-site entries were malformed and dropped; the valid ones are kept. */
	| { kind: 'dropped-sites'; source: 'stored' | 'policy'; count: number }
	/** The administrator's policy names a setting this version does not know. */
	| { kind: 'unknown-key'; source: 'policy'; key: string }
	/** The policy gives a known setting a value this version does not accept: the user's own value applies. */
	| { kind: 'invalid'; source: 'policy'; key: SettingKey }
	/** The list of sites paused for the session was damaged and was cleared. */
	| { kind: 'invalid-paused'; source: 'stored' }
	/** The browser's storage itself failed. */
	| { kind: 'unreadable'; source: 'stored'; detail: string };

export interface Sanitized {
	settings: Settings;
	problems: SettingsProblem[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): value is T =>
	typeof value === 'string' && (allowed as readonly string[]).includes(value);

/** A hostname as users think of it: lower case, no "www.", no port, no trailing dot. */
export function siteKey(hostname: string): string {
	return hostname.trim().toLowerCase().replace(/\.$/, '').replace(/:\d+$/, '').replace(/^www\./, '');
}

const SITE_KEY = /^(?=.{1,253}$)[a-z0-9_-]+(\.[a-z0-9_-]+)*$|^\[[0-9a-f:.]+\]$/;
/** Object.prototype's own names could shadow or replace the map's prototype; no real host is named so. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
export const isValidSiteKey = (key: string): boolean => SITE_KEY.test(key) && !RESERVED_KEYS.has(key);

/** Keeps the well-formed site entries of a stored map; `dropped` counts the rest. */
function sanitizeSites(value: Record<string, unknown>): { sites: Record<string, boolean>; dropped: number } {
	const sites: Record<string, boolean> = {};
	let dropped = 0;
	for (const [site, on] of Object.entries(value)) {
		const key = siteKey(site);
		if (typeof on === 'boolean' && isValidSiteKey(key)) sites[key] = on;
		else dropped++;
	}
	return { sites, dropped };
}

/** Validates one scalar field; `sites` is handled by sanitizeSites. */
function isValidField(key: Exclude<SettingKey, 'sites'>, value: unknown): boolean {
	switch (key) {
		case 'enabled':
		case 'defaultOn':
		case 'skipCode':
			return typeof value === 'boolean';
		case 'density':
			return oneOf(DENSITIES, value);
		case 'language':
			return oneOf(LANGUAGES, value);
		case 'badgeStyle':
			return oneOf(BADGE_STYLES, value);
	}
}

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

export function sanitizeSettings(stored: unknown): Sanitized {
	const settings: Settings = { ...DEFAULT_SETTINGS, sites: {} };
	const problems: SettingsProblem[] = [];
	if (stored === undefined || stored === null) return { settings, problems };
	if (!isRecord(stored)) {
		problems.push({ kind: 'not-an-object', source: 'stored', found: kindOf(stored) });
		return { settings, problems };
	}
	for (const key of SETTING_KEYS) {
		if (!Object.hasOwn(stored, key)) continue;
		const value = stored[key];
		if (key === 'sites') {
			if (!isRecord(value)) {
				problems.push({ kind: 'invalid', source: 'stored', key });
				continue;
			}
			const { sites, dropped } = sanitizeSites(value);
			settings.sites = sites;
			if (dropped > 0) problems.push({ kind: 'dropped-sites', source: 'stored', count: dropped });
		} else if (isValidField(key, value)) {
			(settings as unknown as Record<string, unknown>)[key] = value;
		} else {
			problems.push({ kind: 'invalid', source: 'stored', key });
		}
	}
	return { settings, problems };
}

/** Whether badges show on a site, given settings and the sites paused for this browser session. */
export function isActiveOn(settings: Settings, hostname: string, pausedSites: readonly string[] = []): boolean {
	if (!settings.enabled) return false;
	const key = siteKey(hostname);
	if (pausedSites.includes(key)) return false;
	// hasOwn: a host named like an Object.prototype member must not read an inherited function.
	return Object.hasOwn(settings.sites, key) ? settings.sites[key] === true : settings.defaultOn;
}

/**
 * Managed policy (storage.managed, set by administrators): the same keys as
 * the settings. Valid values override the user's and are reported as locked;
 * invalid ones are ignored and reported, so a typo in a fleet policy leaves
 * the user's own choice in place rather than an unsafe guess. A policy's
 * `sites` locks the sites it names, one by one (`lockedSites`): the user
 * still chooses for every other site.
 */
export function applyManaged(settings: Settings, managed: unknown): { settings: Settings; locked: SettingKey[]; lockedSites: string[]; problems: SettingsProblem[] } {
	const locked: SettingKey[] = [];
	const lockedSites: string[] = [];
	const problems: SettingsProblem[] = [];
	if (!isRecord(managed)) return { settings, locked, lockedSites, problems };
	const merged: Settings = { ...settings, sites: { ...settings.sites } };
	for (const [name, value] of Object.entries(managed)) {
		if (!(SETTING_KEYS as string[]).includes(name)) {
			problems.push({ kind: 'unknown-key', source: 'policy', key: name });
			continue;
		}
		const key = name as SettingKey;
		if (key === 'sites') {
			if (!isRecord(value)) {
				problems.push({ kind: 'invalid', source: 'policy', key });
				continue;
			}
			const { sites, dropped } = sanitizeSites(value);
			if (dropped > 0) problems.push({ kind: 'dropped-sites', source: 'policy', count: dropped });
			merged.sites = { ...merged.sites, ...sites };
			lockedSites.push(...Object.keys(sites));
			continue;
		} else if (isValidField(key, value)) {
			(merged as unknown as Record<string, unknown>)[key] = value;
		} else {
			problems.push({ kind: 'invalid', source: 'policy', key });
			continue;
		}
		locked.push(key);
	}
	return { settings: merged, locked, lockedSites, problems };
}

/** One English line per problem, for the console; the options page words them in the user's language. */
export function describeProblem(problem: SettingsProblem): string {
	switch (problem.kind) {
		case 'not-an-object':
			return `stored settings: expected an object, found ${problem.found}; using defaults`;
		case 'invalid':
			return problem.source === 'stored'
				? `stored ${problem.key}: invalid value; using the default (${JSON.stringify(DEFAULT_SETTINGS[problem.key])})`
				: `policy ${problem.key}: invalid value; ignored`;
		case 'dropped-sites':
			return `${problem.source} sites: ignored ${problem.count} malformed entr${problem.count === 1 ? 'y' : 'ies'}`;
		case 'unknown-key':
			return `policy ${problem.key}: unknown setting; ignored`;
		case 'invalid-paused':
			return 'paused sites: expected a list of sites; cleared';
		case 'unreadable':
			return `storage could not be read (${problem.detail}); using defaults`;
	}
}
