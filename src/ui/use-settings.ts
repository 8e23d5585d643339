/** Preact hook: the settings state, kept live through storage change events. */
import { useEffect, useState } from 'preact/hooks';
import { readSettingsState, watchSettings, type SettingsState } from '../shared/storage.ts';
import { setLanguage } from '../shared/i18n.ts';

export function useSettings(): SettingsState | undefined {
	const [state, setState] = useState<SettingsState>();
	useEffect(() => {
		const controller = new AbortController();
		const apply = (next: SettingsState): void => {
			setLanguage(next.settings.language);
			setState(next);
		};
		void readSettingsState().then((next) => {
			if (!controller.signal.aborted) apply(next);
		});
		watchSettings(apply, controller.signal);
		return () => controller.abort();
	}, []);
	return state;
}
