/**
 * The one message protocol between the extension's contexts: every message's
 * name, request and response, in one map. `messages.ts` types `send` and
 * `handle` from it, so a handler that returns the wrong shape, or a caller
 * that sends a misspelt name, fails the type check.
 *
 * Directions: cs = content script, bg = background, ui = popup/options.
 */
import type { VerdictLevel } from '../core/verdict/levels.ts';
import type { VendorCard } from '../core/card.ts';

/** One vendor found on a page, as the content script reports it. */
export interface PageVendor {
	vendor: string;
	offering?: string;
	count: number;
	level: VerdictLevel;
}

export interface PageReport {
	/** The page's own host, normalised with siteKey(). */
	site: string;
	url: string;
	vendors: PageVendor[];
	/** Whether badges are showing (false when the site or the extension is off). */
	active: boolean;
	/** Some mentions are marked without a badge: their part of the page is too wide to lay out again for each one. */
	marksOnly?: boolean;
}

export interface Protocol {
	/** any → bg: liveness and version. */
	'ping': { request: undefined; response: { version: string; dataVersion: string } };
	/** cs → bg: what this frame found, for the toolbar count and the popup. */
	'page-report': { request: PageReport; response: undefined };
	/** cs (a frame that cannot tell) → bg: the host of the page it is in, asked of the tab's top frame; null when unknown. */
	'frame-page-host': { request: undefined; response: string | null };
	/** bg → cs (top frame): its page's host. */
	'top-host': { request: undefined; response: string };
	/** cs → bg: one language's UI messages, when the user forced a language (the content script does not bundle them). */
	'ui-messages': { request: { lang: 'en' | 'fr' }; response: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> };
	/** cs/ui → bg: the full card for a vendor, in a language. */
	'vendor-card': { request: { vendor: string; offering?: string; lang: 'en' | 'fr' }; response: VendorCard | null };
	/** ui → bg: the last report for a tab. */
	'tab-report': { request: { tabId: number }; response: PageReport | null };
	/** cs → bg: open the popup's legal page for a regime in a new tab (a page cannot open extension URLs itself). */
	'open-legal': { request: { regime: string }; response: undefined };
	/** bg → cs (every frame): send your report again (the tab's reports were let go by a same-page navigation or a restore from the back/forward cache). */
	'report-again': { request: undefined; response: boolean };
	/** bg → cs (one frame): are you still there? A frame removed from its page, or navigated where we do not run, does not answer. */
	'frame-alive': { request: undefined; response: boolean };
	/** ui → cs (top frame): scroll to and flash the first mention of a vendor. */
	'reveal-mention': { request: { vendor: string; offering?: string }; response: boolean };
}

export type MessageName = keyof Protocol;
export type RequestOf<K extends MessageName> = Protocol[K]['request'];
export type ResponseOf<K extends MessageName> = Protocol[K]['response'];

export interface Envelope<K extends MessageName = MessageName> {
	/** Marks our messages, so handlers ignore anything else on the runtime channel. */
	wc: 1;
	name: K;
	payload: RequestOf<K>;
}
