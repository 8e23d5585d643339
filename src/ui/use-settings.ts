/**
 * Preact hook: the settings state, kept live through storage change events.
 * Pages that read the settings before their first render pass them in as
 * `initial`, so the first frame already shows them (no empty-then-filled jump).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { readSettingsState, watchSettings, type SettingsState } from '../shared/storage.ts';
import { setLanguage } from '../shared/i18n.ts';
import { applyDocumentLanguage } from './document-language.ts';

export function useSettings(initial?: SettingsState): SettingsState | undefined {
	const [state, setState] = useState<SettingsState | undefined>(initial);
	const shown = useRef(initial);
	useEffect(() => {
		const controller = new AbortController();
		const apply = (next: SettingsState): void => {
			shown.current = next;
			// The language must be set before the render that reads it.
			setLanguage(next.settings.language);
			applyDocumentLanguage();
			setState(next);
		};
		watchSettings(apply, controller.signal);
		// Read once more now that the watch is on: a change stored between the page's first read and
		// this effect (which runs after the first paint) fired no event we could hear, and would
		// otherwise stay unseen until the next one. An unchanged state is not rendered again.
		void readSettingsState().then((next) => {
			if (!controller.signal.aborted && JSON.stringify(next) !== JSON.stringify(shown.current)) apply(next);
		});
		return () => controller.abort();
	}, []);
	return state;
}
