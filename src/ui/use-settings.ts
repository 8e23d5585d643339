/**
 * Preact hook: the settings state, kept live through storage change events.
 * Pages that read the settings before their first render pass them in as
 * `initial`, so the first frame already shows them (no empty-then-filled jump).
 */
import { useEffect, useState } from 'preact/hooks';
import { readSettingsState, watchSettings, type SettingsState } from '../shared/storage.ts';
import { setLanguage } from '../shared/i18n.ts';
import { applyDocumentLanguage } from './document-language.ts';

export function useSettings(initial?: SettingsState): SettingsState | undefined {
	const [state, setState] = useState<SettingsState | undefined>(initial);
	useEffect(() => {
		const controller = new AbortController();
		const apply = (next: SettingsState): void => {
			// The language must be set before the render that reads it.
			setLanguage(next.settings.language);
			applyDocumentLanguage();
			setState(next);
		};
		if (!initial) {
			void readSettingsState().then((next) => {
				if (!controller.signal.aborted) apply(next);
			});
		}
		watchSettings(apply, controller.signal);
		return () => controller.abort();
	}, []);
	return state;
}
