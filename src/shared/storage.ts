/**
 * Typed settings storage, shared by every context. Reads are sanitised
 * (core/settings.ts): a corrupt or foreign stored value falls back to the
 * defaults and is reported in `problems`, never thrown into a page.
 *
 * Keys in storage.local:
 * - `settings`: the user's Settings;
 * - `paused`: sites paused for this browser session (cleared by the
 *   background at browser start-up, see background/session-pause.ts).
 * Administrators can preset settings through storage.managed; those win and
 * are reported as locked.
 */
import browser from './browser-api.ts';
import { applyManaged, describeProblem, isValidSiteKey, sanitizeSettings, siteKey, type SettingKey, type Settings, type SettingsProblem } from '../core/settings.ts';

export const SETTINGS_KEY = 'settings';
export const PAUSED_KEY = 'paused';

export interface SettingsState {
	settings: Settings;
	/** Settings fixed by an administrator policy. */
	locked: SettingKey[];
	/** Sites whose choice an administrator policy fixes (site keys); other sites stay the user's. */
	lockedSites: string[];
	/** What was wrong with stored or managed values, for the options page. */
	problems: SettingsProblem[];
	/** Sites paused for this browser session. */
	paused: string[];
}

/**
 * The policy, read once per context and then reused until it changes: the
 * first read in a Chromium session can take seconds (npm run bench:page
 * measured about 3 s), later ones milliseconds.
 */
let managed: Promise<unknown> | undefined;
let managedKnown = false;

function readManaged(): Promise<unknown> {
	managed ??= browser.storage.managed.get(null).then(
		(value) => value,
		// Firefox throws when no policy is installed; Chromium returns {}. Both mean "no policy".
		() => undefined,
	).finally(() => {
		managedKnown = true;
	});
	return managed;
}

function sanitizePaused(value: unknown, problems: SettingsProblem[]): string[] {
	if (value === undefined) return [];
	if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
		problems.push({ kind: 'invalid-paused', source: 'stored' });
		return [];
	}
	return value.map(siteKey).filter(isValidSiteKey);
}

/**
 * The settings as they apply now. `withPolicy: false` skips storage.managed:
 * its first read in a Chromium session can take seconds, so the content
 * script starts from the user's settings and applies the policy when it
 * arrives (see content/index.ts).
 */
export async function readSettingsState(options: { withPolicy?: boolean } = {}): Promise<SettingsState> {
	// The policy first: its first read can take seconds on a cold browser, and the user's settings read
	// before that wait would come back stale, after a newer state (a site hidden meanwhile turned back on).
	const policy = options.withPolicy === false ? undefined : await readManaged();
	let stored: Record<string, unknown> = {};
	const problems: SettingsProblem[] = [];
	try {
		stored = await browser.storage.local.get([SETTINGS_KEY, PAUSED_KEY]);
	} catch (error) {
		problems.push({ kind: 'unreadable', source: 'stored', detail: error instanceof Error ? error.message : String(error) });
	}
	const sanitized = sanitizeSettings(stored[SETTINGS_KEY]);
	problems.push(...sanitized.problems);
	const managed = applyManaged(sanitized.settings, policy);
	problems.push(...managed.problems);
	const paused = sanitizePaused(stored[PAUSED_KEY], problems);
	if (problems.length > 0) console.warn('Whose Cloud? settings:', problems.map(describeProblem).join('; '));
	return { settings: managed.settings, locked: managed.locked, lockedSites: managed.lockedSites, problems, paused };
}

/** The user's own settings as stored, sanitised, without the policy's: what a change to them starts from. */
async function ownSettings(): Promise<Settings> {
	const stored = await browser.storage.local.get(SETTINGS_KEY);
	return sanitizeSettings(stored[SETTINGS_KEY]).settings;
}

/** Writes a change to the user's settings. Keys locked by policy are left as the policy says. */
export async function writeSettings(patch: Partial<Settings>): Promise<SettingsState> {
	const settings = await ownSettings();
	const { locked } = applyManaged(settings, await readManaged());
	const next: Settings = { ...settings };
	for (const [key, value] of Object.entries(patch) as Array<[SettingKey, Settings[SettingKey]]>) {
		if (locked.includes(key)) continue;
		(next as unknown as Record<string, unknown>)[key] = value;
	}
	await browser.storage.local.set({ [SETTINGS_KEY]: sanitizeSettings(next).settings });
	return readSettingsState();
}

/**
 * Rewrites the stored settings in their sanitised form. The options page
 * offers it after reporting stored problems, so they stop being reported;
 * policy problems stay, since only the administrator can fix those.
 */
export async function repairStoredSettings(): Promise<SettingsState> {
	const stored = await browser.storage.local.get([SETTINGS_KEY, PAUSED_KEY]);
	const paused = sanitizePaused(stored[PAUSED_KEY], []);
	await browser.storage.local.set({ [SETTINGS_KEY]: sanitizeSettings(stored[SETTINGS_KEY]).settings, [PAUSED_KEY]: paused });
	return readSettingsState();
}

/**
 * Stores the user's own choice for one site: on, off, or none (undefined: it follows the default
 * again). It starts from the user's own sites: the policy's, merged in for reading, would have been
 * written back as the user's. A policy fixes sites one by one, never the list, so nothing here waits
 * for the policy, whose first read can take seconds on a cold browser.
 */
export async function storeSiteChoice(hostname: string, on: boolean | undefined): Promise<void> {
	const settings = await ownSettings();
	const sites = { ...settings.sites };
	if (on === undefined) delete sites[siteKey(hostname)];
	else sites[siteKey(hostname)] = on;
	await browser.storage.local.set({ [SETTINGS_KEY]: sanitizeSettings({ ...settings, sites }).settings });
}

/** Turns badges on or off for one site, for good. */
export async function setSite(hostname: string, on: boolean): Promise<SettingsState> {
	await storeSiteChoice(hostname, on);
	return readSettingsState();
}

/** The user's own choice for a site (true, false), or undefined when it follows the default. */
export async function siteChoice(hostname: string): Promise<boolean | undefined> {
	return (await ownSettings()).sites[siteKey(hostname)];
}

/** Forgets the choice for a site, so it follows the default again. */
export async function forgetSite(hostname: string): Promise<SettingsState> {
	await storeSiteChoice(hostname, undefined);
	return readSettingsState();
}

/** Pauses or resumes a site until the browser restarts. */
export async function setPaused(hostname: string, paused: boolean): Promise<SettingsState> {
	const state = await readSettingsState();
	const key = siteKey(hostname);
	const next = paused ? [...new Set([...state.paused, key])] : state.paused.filter((site) => site !== key);
	await browser.storage.local.set({ [PAUSED_KEY]: next });
	return readSettingsState();
}

/** Calls back with the new state whenever settings, pauses or the policy change, until `signal` aborts. */
export function watchSettings(callback: (state: SettingsState) => void, signal: AbortSignal): void {
	const deliver = (state: SettingsState): void => {
		if (!signal.aborted) callback(state);
	};
	const listener = (changes: Record<string, unknown>, area: string): void => {
		if (area === 'managed') {
			managed = undefined;
			managedKnown = false;
		}
		if (area === 'managed' || (area === 'local' && (SETTINGS_KEY in changes || PAUSED_KEY in changes))) {
			// A user's change applies at once, even while the (slow, first) policy read is pending.
			if (!managedKnown) void readSettingsState({ withPolicy: false }).then(deliver);
			void readSettingsState().then(deliver);
		}
	};
	browser.storage.onChanged.addListener(listener);
	signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
