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
/** The one read of storage.session after the worker starts: two callers at once must share it, or the second would replace what the first recorded. */
let loading: Promise<Record<string, FrameReports>> | undefined;

async function readStored(): Promise<Record<string, FrameReports>> {
	try {
		const stored = await browser.storage.session.get(SESSION_KEY);
		const value = stored[SESSION_KEY];
		return typeof value === 'object' && value !== null ? (value as Record<string, FrameReports>) : {};
	} catch {
		return {};
	}
}

function load(): Promise<Record<string, FrameReports>> {
	if (reports) return Promise.resolve(reports);
	loading ??= readStored().then((value) => (reports = value));
	return loading;
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

/** Frames waiting for their tab's top frame to report, by tab (see `nextTopSite`). */
const topWaiters = new Map<number, Array<(site: string | null) => void>>();

function settleTopWaiters(tabId: number, site: string | null): void {
	const waiting = topWaiters.get(tabId);
	topWaiters.delete(tabId);
	for (const settle of waiting ?? []) settle(site);
}

/**
 * The site the tab's top frame reports next. Asked when the top frame's
 * content script did not answer: it has not started yet (a small frame in a
 * page still loading), so a report already kept for the tab is from before
 * (an earlier page). Waits at most `waitMs`, then says null.
 */
export function nextTopSite(tabId: number, waitMs: number): Promise<string | null> {
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
	// A navigation: frames still waiting most likely belonged to the page that is going, and the next
	// page's site need not be theirs. Released now, they follow their own host (a frame of the going
	// page ignores the answer anyway).
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
