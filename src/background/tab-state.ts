/**
 * What each tab's frames reported, kept in memory and mirrored to
 * storage.session so a restarted service worker still knows. One entry per
 * tab and frame; the tab's summary merges its frames.
 */
import browser from 'webextension-polyfill';
import type { PageReport, PageVendor } from '../shared/protocol.ts';

const SESSION_KEY = 'tabReports';

type FrameReports = Record<string, PageReport>;
let reports: Record<string, FrameReports> | undefined;

async function load(): Promise<Record<string, FrameReports>> {
	if (reports) return reports;
	try {
		const stored = await browser.storage.session.get(SESSION_KEY);
		const value = stored[SESSION_KEY];
		reports = typeof value === 'object' && value !== null ? (value as Record<string, FrameReports>) : {};
	} catch {
		reports = {};
	}
	return reports;
}

async function persist(): Promise<void> {
	try {
		await browser.storage.session.set({ [SESSION_KEY]: reports ?? {} });
	} catch {
		// storage.session missing (old browser): memory only, which is still correct while the worker lives.
	}
}

export async function recordFrame(tabId: number, frameId: number, report: PageReport): Promise<void> {
	const all = await load();
	// A navigation forgets the tab (tabs.onUpdated, "loading"); a top frame's new report is the same page,
	// so the frames' reports stay (a top frame reports after every change: it used to erase theirs).
	const frames = all[tabId] ?? {};
	frames[frameId] = report;
	all[tabId] = frames;
	await persist();
	if (frameId === 0) settleTopWaiters(tabId, report.site);
}

/** Frames waiting for their tab's top frame to report, by tab (see `topSiteOf`). */
const topWaiters = new Map<number, Array<(site: string | null) => void>>();

function settleTopWaiters(tabId: number, site: string | null): void {
	const waiting = topWaiters.get(tabId);
	topWaiters.delete(tabId);
	for (const settle of waiting ?? []) settle(site);
}

/**
 * The site the tab's top frame reported. A frame can start before its page's
 * content script does (a small frame in a page still loading): then this
 * waits for the page's first report, at most `waitMs`, and says null after.
 */
export async function topSiteOf(tabId: number, waitMs: number): Promise<string | null> {
	const known = (await load())[tabId]?.[0]?.site;
	if (known) return known;
	return new Promise((resolve) => {
		const settle = (site: string | null): void => {
			clearTimeout(timer);
			resolve(site);
		};
		const timer = setTimeout(() => {
			const waiting = topWaiters.get(tabId)?.filter((item) => item !== settle) ?? [];
			if (waiting.length > 0) topWaiters.set(tabId, waiting);
			else topWaiters.delete(tabId);
			resolve(null);
		}, waitMs);
		topWaiters.set(tabId, [...(topWaiters.get(tabId) ?? []), settle]);
	});
}

export async function forgetTab(tabId: number): Promise<void> {
	// Frames still waiting belonged to the page that is going: the next page's site is not theirs.
	settleTopWaiters(tabId, null);
	const all = await load();
	delete all[tabId];
	await persist();
}

/** The tab's report: the top frame's page, with vendors summed over all its frames. */
export async function tabReport(tabId: number): Promise<PageReport | null> {
	const frames = (await load())[tabId];
	const top = frames?.[0];
	if (!frames || !top) return null;
	const merged = new Map<string, PageVendor>();
	for (const frame of Object.values(frames)) {
		for (const vendor of frame.vendors) {
			const key = `${vendor.vendor}/${vendor.offering ?? ''}`;
			const entry = merged.get(key);
			if (entry) entry.count += vendor.count;
			else merged.set(key, { ...vendor });
		}
	}
	const marksOnly = Object.values(frames).some((frame) => frame.marksOnly === true);
	return { ...top, vendors: [...merged.values()].sort((a, b) => b.count - a.count || a.vendor.localeCompare(b.vendor)), ...(marksOnly ? { marksOnly } : {}) };
}
