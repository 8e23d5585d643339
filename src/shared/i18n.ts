/**
 * UI text. Every string comes from `_locales/<lang>/messages.json`. With the
 * language setting on "auto" it goes through browser.i18n (the browser's UI
 * language); when the user picks fr or en, the same files are read from the
 * bundle, because browser.i18n cannot switch language at runtime.
 */
import browser from 'webextension-polyfill';
import en from '../static/_locales/en/messages.json' with { type: 'json' };
import fr from '../static/_locales/fr/messages.json' with { type: 'json' };

export type MessageKey = keyof typeof en;
export type Lang = 'en' | 'fr';

interface Entry {
	message: string;
	placeholders?: Record<string, { content: string }>;
}

const BUNDLED: Record<Lang, Record<string, Entry>> = { en, fr };
let chosen: Lang | undefined;

/** "auto" follows the browser; "fr"/"en" force a language. */
export function setLanguage(language: 'auto' | Lang): void {
	chosen = language === 'auto' ? undefined : language;
}

/** The language the UI and the vendor facts are shown in. */
export function currentLang(): Lang {
	if (chosen) return chosen;
	const ui = browser.i18n.getUILanguage().toLowerCase();
	return ui.startsWith('fr') ? 'fr' : 'en';
}

function fromBundle(lang: Lang, key: MessageKey, substitutions: string[]): string {
	const entry = BUNDLED[lang][key] ?? BUNDLED.en[key];
	if (!entry) return key;
	return entry.message.replace(/\$([A-Z_]+)\$/g, (whole, name: string) => {
		const content = entry.placeholders?.[name]?.content;
		const index = content ? Number(content.slice(1)) - 1 : -1;
		return substitutions[index] ?? whole;
	});
}

export function t(key: MessageKey, ...substitutions: string[]): string {
	if (chosen) return fromBundle(chosen, key, substitutions);
	const message = browser.i18n.getMessage(key, substitutions);
	return message || fromBundle(currentLang(), key, substitutions);
}

/**
 * A count in words. browser.i18n has no plurals, so each counted message
 * comes as a pair; the language's own rule picks one (French uses the
 * singular for 0 and 1, English for 1 only). Both forms take the count.
 */
export function tCount(count: number, one: MessageKey, many: MessageKey): string {
	const form = new Intl.PluralRules(currentLang()).select(count);
	return t(form === 'one' ? one : many, String(count));
}
