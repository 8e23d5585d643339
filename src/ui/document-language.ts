/**
 * Keeps the page's `lang` attribute on the language the UI is shown in, so
 * screen readers pronounce it right and the browser hyphenates it right.
 */
import { currentLang } from '../shared/i18n.ts';

export function applyDocumentLanguage(): void {
	document.documentElement.lang = currentLang();
}
