/**
 * Content script entry. Runs in every http(s) frame, in the isolated world.
 * It reads the settings, and when badges are on for this site, scans the page
 * with the core matcher and annotates it; settings changes apply live.
 * Everything hangs off one lifetime signal (see lifetime.ts).
 */
import index, { cueTablesJson } from 'virtual:compact-index';
import { type CueTables, useCueTables } from '../core/match/cue-scan.ts';
import { createMatcher } from '../core/match/matcher.ts';
import { isActiveOn } from '../core/settings.ts';
import { hasMessages, provideMessages, setLanguage } from '../shared/i18n.ts';
import { handle, send } from '../shared/messages.ts';
import { readSettingsState, watchSettings, type SettingsState } from '../shared/storage.ts';
import { Annotator } from './annotator.ts';
import { createLifetime } from './lifetime.ts';
import { FindingsReport } from './report.ts';
import { releaseEarlyStyle } from './mark-style.ts';
import { governingHost, thisFrame } from './page-site.ts';

/** Set on the isolated world's global, which the page cannot see, to refuse a second copy in one frame. */
const LOADED = Symbol.for('whose-cloud.loaded');

async function main(): Promise<void> {
	const scope = globalThis as { [LOADED]?: boolean };
	if (scope[LOADED]) return;
	scope[LOADED] = true;

	const lifetime = createLifetime();
	const { signal } = lifetime;
	// Asked before the annotator exists, "show me" finds nothing.
	let reveal = (_vendor: string, _offering?: string): boolean => false;
	// Only the top frame answers: the popup's "show me", and the background asking on behalf of a frame.
	// Registered before any wait, so that a frame's question finds it as early as possible.
	if (window === window.top) {
		handle({
			'reveal-mention': ({ vendor, offering }) => reveal(vendor, offering),
			'top-host': () => location.hostname,
		}, signal);
	}
	// A frame follows its page's site setting, as the popup shows it (page-site.ts).
	const host = await governingHost(thisFrame(() => send('frame-page-host')));
	useCueTables(() => JSON.parse(cueTablesJson) as CueTables);
	const matcher = createMatcher(index.aliases, index.patterns);
	const report = new FindingsReport(signal, () => lifetime.abort());
	// Every frame. The background asks which frames are still there, to count only theirs (a frame is
	// asked only once it has reported); and after a same-page navigation or a restore from the
	// back/forward cache it let this tab's reports go, while this page and its findings stayed.
	handle({
		'frame-alive': () => true,
		'report-again': () => {
			void report.flush();
			return true;
		},
	}, signal);
	const active = new Annotator({ matcher, index, report, host }, signal);
	reveal = (vendor, offering) => active.reveal(vendor, offering);

	const apply = (state: SettingsState): void => {
		const { language } = state.settings;
		setLanguage(language);
		if (language !== 'auto' && !hasMessages(language)) {
			send('ui-messages', { lang: language }).then((table) => provideMessages(language, table), () => undefined);
		}
		if (isActiveOn(state.settings, host, state.paused)) active.start(state.settings);
		else {
			active.stop();
			// Off here: the early script's style sheet goes too, the page's own sheets are as they were.
			releaseEarlyStyle();
		}
	};
	// Start from the user's own settings at once; an administrator policy, slow to read on a cold
	// Chromium, is applied when it arrives (and turns badges off then, if it says so).
	apply(await readSettingsState({ withPolicy: false }));
	void readSettingsState().then((state) => {
		if (!signal.aborted) apply(state);
	});
	watchSettings(apply, signal);
	signal.addEventListener('abort', () => active.stop(), { once: true });
}

main().catch((error: unknown) => console.error('Whose Cloud?: content script failed to start', error));
