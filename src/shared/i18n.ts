/**
 * UI text. Every string comes from `_locales/<lang>/messages.json`. With the
 * language setting on "auto" it goes through browser.i18n (the browser's UI
 * language); when the user picks fr or en, the same messages are used from a
 * table, because browser.i18n cannot switch language at runtime.
 *
 * Extension pages get the tables from i18n-bundle.ts. The content script,
 * which runs on every page, does not carry them: it asks the background for
 * the one language it needs, and only when a language is forced.
 */
import browser from './browser-api.ts';
import type en from '../static/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Lang = 'en' | 'fr';

interface Entry {
	message: string;
	placeholders?: Record<string, { content: string }>;
}

export type MessageTable = Record<string, Entry>;
const tables: Partial<Record<Lang, MessageTable>> = {};
let chosen: Lang | undefined;

/** Makes a language's messages available for forced-language use. */
export function provideMessages(lang: Lang, table: MessageTable): void {
	tables[lang] = table;
}

export function hasMessages(lang: Lang): boolean {
	return tables[lang] !== undefined;
}

/** "auto" follows the browser; "fr"/"en" force a language. */
export function setLanguage(language: 'auto' | Lang): void {
	chosen = language === 'auto' ? undefined : language;
}

/**
 * The browser's UI language, asked once: it changes only with a browser
 * restart, and the content script asks for every badge it labels.
 */
let browserLang: Lang | undefined;

/** The language the UI and the vendor facts are shown in. */
export function currentLang(): Lang {
	if (chosen) return chosen;
	browserLang ??= browser.i18n.getUILanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en';
	return browserLang;
}

function fromTable(lang: Lang, key: MessageKey, substitutions: string[]): string | undefined {
	const entry = tables[lang]?.[key] ?? tables.en?.[key];
	if (!entry) return undefined;
	return entry.message.replace(/\$([A-Z_]+)\$/g, (whole, name: string) => {
		const content = entry.placeholders?.[name]?.content;
		const index = content ? Number(content.slice(1)) - 1 : -1;
		return substitutions[index] ?? whole;
	});
}

export function t(key: MessageKey, ...substitutions: string[]): string {
	// A forced language whose table has not arrived yet falls back to the browser's language.
	const forced = chosen ? fromTable(chosen, key, substitutions) : undefined;
	if (forced !== undefined) return forced;
	return browser.i18n.getMessage(key, substitutions) || fromTable(currentLang(), key, substitutions) || key;
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
