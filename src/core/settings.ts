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

export interface Sanitized {
	settings: Settings;
	/** Human-readable problems, one per field that fell back to its default. */
	problems: string[];
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
export const isValidSiteKey = (key: string): boolean => SITE_KEY.test(key);

/** Validates one field; returns the value, or undefined with a reason. */
function checkField(key: SettingKey, value: unknown): { ok: true; value: Settings[SettingKey] } | { ok: false; reason: string } {
	switch (key) {
		case 'enabled':
		case 'defaultOn':
		case 'skipCode':
			return typeof value === 'boolean' ? { ok: true, value } : { ok: false, reason: 'expected true or false' };
		case 'density':
			return oneOf(DENSITIES, value) ? { ok: true, value } : { ok: false, reason: `expected one of ${DENSITIES.join(', ')}` };
		case 'language':
			return oneOf(LANGUAGES, value) ? { ok: true, value } : { ok: false, reason: `expected one of ${LANGUAGES.join(', ')}` };
		case 'badgeStyle':
			return oneOf(BADGE_STYLES, value) ? { ok: true, value } : { ok: false, reason: `expected one of ${BADGE_STYLES.join(', ')}` };
		case 'sites': {
			if (!isRecord(value)) return { ok: false, reason: 'expected a map of site → true/false' };
			const sites: Record<string, boolean> = {};
			for (const [site, on] of Object.entries(value)) {
				if (typeof on === 'boolean' && isValidSiteKey(siteKey(site))) sites[siteKey(site)] = on;
			}
			return { ok: true, value: sites };
		}
	}
}

export function sanitizeSettings(stored: unknown): Sanitized {
	const settings: Settings = { ...DEFAULT_SETTINGS, sites: {} };
	const problems: string[] = [];
	if (stored === undefined || stored === null) return { settings, problems };
	if (!isRecord(stored)) {
		problems.push(`settings: expected an object, found ${Array.isArray(stored) ? 'an array' : typeof stored}; using defaults`);
		return { settings, problems };
	}
	for (const key of SETTING_KEYS) {
		if (!(key in stored)) continue;
		const result = checkField(key, stored[key]);
		if (result.ok) {
			(settings as unknown as Record<string, unknown>)[key] = result.value;
			if (key === 'sites' && isRecord(stored.sites)) {
				const dropped = Object.keys(stored.sites).length - Object.keys(result.value as object).length;
				if (dropped > 0) problems.push(`sites: ignored ${dropped} malformed entr${dropped === 1 ? 'y' : 'ies'}`);
			}
		} else {
			problems.push(`${key}: ${result.reason}; using the default (${JSON.stringify(DEFAULT_SETTINGS[key])})`);
		}
	}
	return { settings, problems };
}

/** Whether badges show on a site, given settings and the sites paused for this browser session. */
export function isActiveOn(settings: Settings, hostname: string, pausedSites: readonly string[] = []): boolean {
	if (!settings.enabled) return false;
	const key = siteKey(hostname);
	if (pausedSites.includes(key)) return false;
	return settings.sites[key] ?? settings.defaultOn;
}

/**
 * Managed policy (storage.managed, set by administrators): the same keys as
 * the settings. Valid values override the user's and are reported as locked;
 * invalid ones are ignored and reported.
 */
export function applyManaged(settings: Settings, managed: unknown): { settings: Settings; locked: SettingKey[]; problems: string[] } {
	const locked: SettingKey[] = [];
	const problems: string[] = [];
	if (!isRecord(managed)) return { settings, locked, problems };
	const merged: Settings = { ...settings, sites: { ...settings.sites } };
	for (const [key, value] of Object.entries(managed)) {
		if (!(SETTING_KEYS as string[]).includes(key)) {
			problems.push(`policy ${key}: unknown setting, ignored`);
			continue;
		}
		const result = checkField(key as SettingKey, value);
		if (!result.ok) {
			problems.push(`policy ${key}: ${result.reason}; ignored`);
			continue;
		}
		if (key === 'sites') merged.sites = { ...merged.sites, ...(result.value as Record<string, boolean>) };
		else (merged as unknown as Record<string, unknown>)[key] = result.value;
		locked.push(key as SettingKey);
	}
	return { settings: merged, locked, problems };
}
