/**
 * The popup's view of its tab: the tab id and what the content script
 * reported there. Without the "tabs" permission the popup cannot read the
 * tab's URL; the report carries it, and the tab's loading status tells a
 * page that is still loading from one the extension cannot run on.
 */
import browser from '../shared/browser-api.ts';
import { send } from '../shared/messages.ts';
import type { PageReport } from '../shared/protocol.ts';

export interface PageData {
	tabId: number | undefined;
	report: PageReport | null;
	/** The tab is still loading: no report yet is expected, not a failure. */
	loading: boolean;
}

async function activeTabId(): Promise<number | undefined> {
	const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
	return tab?.id;
}

export async function loadPageData(tabIdParam: number | undefined): Promise<PageData> {
	const tabId = tabIdParam ?? (await activeTabId());
	if (tabId === undefined) return { tabId, report: null, loading: false };
	const [report, tab] = await Promise.all([
		send('tab-report', { tabId }).catch(() => null),
		browser.tabs.get(tabId).catch(() => undefined),
	]);
	return { tabId, report, loading: !report && tab?.status === 'loading' };
}

/** Two reports show the same thing: re-rendering would only move the user's focus and scroll. */
export function sameReport(a: PageReport | null, b: PageReport | null): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}
