/**
 * The background words the toolbar tooltip, so it follows the language
 * setting like every other extension page: read at start, then on change.
 */
import { setLanguage } from '../shared/i18n.ts';
import { readSettingsState, watchSettings } from '../shared/storage.ts';

export function followLanguageSetting(): void {
	void readSettingsState().then((state) => setLanguage(state.settings.language), () => undefined);
	// The background lives as long as the extension: this watch is never aborted.
	watchSettings((state) => setLanguage(state.settings.language), new AbortController().signal);
}
