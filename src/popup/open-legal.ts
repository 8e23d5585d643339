/** Opens the legal view on a regime in a new tab (no permission needed for the extension's own pages). */
import browser from '../shared/browser-api.ts';

export function legalUrl(regime?: string): string {
	return browser.runtime.getURL(`src/popup/index.html?view=legal${regime ? `#${encodeURIComponent(regime)}` : ''}`);
}

export function openLegal(regime?: string): void {
	void browser.tabs.create({ url: legalUrl(regime) });
}
