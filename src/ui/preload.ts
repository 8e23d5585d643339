/**
 * Reads what an extension page needs before its first render: the settings
 * (which also fix the language), plus any page-specific data. Rendering once,
 * complete, is what keeps the popup from opening empty and then jumping.
 * A slow answer does not hold the page forever: after `timeoutMs` the extra
 * data is left undefined and the page renders its loading state instead.
 */
import { setLanguage } from '../shared/i18n.ts';
import { readSettingsState, type SettingsState } from '../shared/storage.ts';
import { applyDocumentLanguage } from './document-language.ts';

export async function preload<T>(extra: () => Promise<T>, timeoutMs = 1200): Promise<{ settings: SettingsState; extra: T | undefined }> {
	const settings = await readSettingsState();
	setLanguage(settings.settings.language);
	applyDocumentLanguage();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<undefined>((resolve) => {
		timer = setTimeout(() => resolve(undefined), timeoutMs);
	});
	const value = await Promise.race([extra().catch(() => undefined), late]);
	clearTimeout(timer);
	return { settings, extra: value };
}
