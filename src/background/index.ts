/**
 * Background (service worker in Chromium, event page in Firefox). It holds
 * the full dataset, answers the typed messages, keeps each tab's findings and
 * drives the toolbar button. It makes no network request: the dataset is
 * bundled and nothing is ever sent.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../shared/browser-api.ts';
import { buildCard } from '../core/card.ts';
import { dataset } from '../data/index.ts';
import { messageTables } from '../shared/i18n-bundle.ts';
import { handle, sendToTab } from '../shared/messages.ts';
import { followLanguageSetting } from './language.ts';
import { clearPausesOnRestart } from './session-pause.ts';
import { reportProblem } from './report-shape.ts';
import { forgetTab, hasReports, nextTopSite, pruneGoneFrames, recordFrame, tabReport } from './tab-state.ts';
import { showOnToolbar } from './toolbar.ts';

/** How long a frame that cannot see its page's origin may wait for the page's content script to start. */
const TOP_SITE_WAIT_MS = 5000;
/** After a frame's report, how long to wait before checking which of the tab's frames are still there. */
const PRUNE_AFTER_MS = 2000;

const frameAlive = (tabId: number) => (frameId: number): Promise<boolean> => sendToTab(tabId, 'frame-alive', undefined, frameId);

/** One check per tab at a time, some time after its last report: frames come and go in bursts. */
const pruneTimers = new Map<number, ReturnType<typeof setTimeout>>();
function cancelPrune(tabId: number): void {
	clearTimeout(pruneTimers.get(tabId));
	pruneTimers.delete(tabId);
}
function pruneSoon(tabId: number): void {
	cancelPrune(tabId);
	pruneTimers.set(tabId, setTimeout(() => {
		pruneTimers.delete(tabId);
		void pruneGoneFrames(tabId, frameAlive(tabId)).then(async (pruned) => {
			if (pruned) await showOnToolbar(tabId, await tabReport(tabId));
		});
	}, PRUNE_AFTER_MS));
}

/** Only the extension's own pages may read a tab's report: it holds the tab's full address. */
const fromExtensionPage = (sender: Runtime.MessageSender): boolean => sender.url?.startsWith(browser.runtime.getURL('')) === true;

followLanguageSetting();

handle({
	'ping': () => ({ version: browser.runtime.getManifest().version, dataVersion: dataset.meta.version }),
	'page-report': async (report, sender) => {
		const tabId = sender.tab?.id;
		if (tabId === undefined) return undefined;
		const problem = reportProblem(report);
		if (problem) throw new Error(`Refused a malformed page report: ${problem}`);
		await recordFrame(tabId, sender.frameId ?? 0, report);
		await showOnToolbar(tabId, await tabReport(tabId));
		pruneSoon(tabId);
		return undefined;
	},
	'tab-report': async ({ tabId }, sender) => {
		if (!fromExtensionPage(sender)) throw new Error('Only the extension\'s pages may read a tab\'s report');
		if (!Number.isInteger(tabId)) throw new Error('No such tab');
		await pruneGoneFrames(tabId, frameAlive(tabId));
		return tabReport(tabId);
	},
	// The top frame's own answer: what the popup shows as "this site". When its content script does not
	// answer (not started yet, as the page is still loading), its next report, if it comes soon.
	'frame-page-host': async (_, sender) => {
		const tabId = sender.tab?.id;
		if (tabId === undefined) return null;
		return sendToTab(tabId, 'top-host', undefined, 0).catch(() => nextTopSite(tabId, TOP_SITE_WAIT_MS));
	},
	'ui-messages': ({ lang }) => messageTables[lang],
	'vendor-card': ({ vendor, offering, lang }) => buildCard(dataset, vendor, offering, lang) ?? null,
	'open-legal': async ({ regime }) => {
		const known = dataset.regimes.some((item) => item.id === regime);
		await browser.tabs.create({ url: browser.runtime.getURL(`src/popup/index.html?view=legal${known ? `#${regime}` : ''}`) });
		return undefined;
	},
});

// A navigation starts a new page: its count starts from zero. Chromium says "loading" for a same-page
// navigation too (a #link, history.pushState) and for a page restored from the back/forward cache, where
// the page and its content scripts stay: once loaded, such a tab with nothing kept asks its frames to
// report again. A new page's content script, if it has not reported yet, answers with what it has.
browser.tabs.onUpdated.addListener((tabId, change) => {
	if (change.status === 'loading') {
		cancelPrune(tabId);
		void forgetTab(tabId).then(() => showOnToolbar(tabId, null));
	} else if (change.status === 'complete') {
		void hasReports(tabId).then((kept) => {
			if (!kept) return sendToTab(tabId, 'report-again', undefined, 'all');
			return undefined;
		}).catch(() => undefined);
	}
});
browser.tabs.onRemoved.addListener((tabId) => {
	cancelPrune(tabId);
	void forgetTab(tabId);
});

clearPausesOnRestart();

// The first managed-storage read in a Chromium session can take seconds; doing it here, when the
// worker starts, means pages and the popup find it fast.
void browser.storage.managed.get(null).catch(() => undefined);
