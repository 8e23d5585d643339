/**
 * What each tab's frames reported, kept in memory and mirrored to
 * storage.session so a restarted service worker still knows. One entry per
 * tab and frame; the tab's summary merges its frames.
 */
import browser from '../shared/browser-api.ts';
import type { PageReport, PageVendor } from '../shared/protocol.ts';
import { isPageReport } from './report-shape.ts';

const SESSION_KEY = 'tabReports';

type FrameReports = Record<string, PageReport>;
let reports: Record<string, FrameReports> | undefined;
/** The one read of storage.session after the worker starts: two callers at once must share it, or the second would replace what the first recorded. */
let loading: Promise<Record<string, FrameReports>> | undefined;

async function readStored(): Promise<Record<string, FrameReports>> {
	try {
		const stored = await browser.storage.session.get(SESSION_KEY);
		const value = stored[SESSION_KEY];
		if (typeof value !== 'object' || value === null) return {};
		// Kept by an earlier worker, maybe an earlier version: only what is still a report is kept.
		const kept: Record<string, FrameReports> = {};
		for (const [tabId, frames] of Object.entries(value as Record<string, unknown>)) {
			if (typeof frames !== 'object' || frames === null) continue;
			const valid = Object.entries(frames as Record<string, unknown>).filter(([, report]) => isPageReport(report));
			if (valid.length > 0) kept[tabId] = Object.fromEntries(valid) as FrameReports;
		}
		return kept;
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

/** Whether anything is kept for the tab: after a navigation let it go, nothing is until a frame reports. */
export async function hasReports(tabId: number): Promise<boolean> {
	return (await load())[tabId] !== undefined;
}

/**
 * Lets go of the reports of the tab's frames that are gone: removed from
 * their page (a carousel re-creating its frame each turn would otherwise add
 * its count again each time), or navigated where no content script runs.
 * `alive` asks a frame; the top frame is the tab itself and is not asked.
 */
export async function pruneGoneFrames(tabId: number, alive: (frameId: number) => Promise<boolean>): Promise<boolean> {
	const frames = (await load())[tabId];
	if (!frames) return false;
	const ids = Object.keys(frames).map(Number).filter((frameId) => frameId !== 0);
	const answers = await Promise.all(ids.map((frameId) => alive(frameId).catch(() => false)));
	const gone = ids.filter((_, index) => !answers[index]);
	// Asked while the tab navigated: its reports are already gone, or belong to the next page.
	const current = reports?.[tabId];
	if (gone.length === 0 || current !== frames) return false;
	for (const frameId of gone) delete current[frameId];
	await persist();
	return true;
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
