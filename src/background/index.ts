/**
 * Background (service worker in Chromium, event page in Firefox). It holds
 * the full dataset, answers the typed messages, keeps each tab's findings and
 * drives the toolbar button. It makes no network request: the dataset is
 * bundled and nothing is ever sent.
 */
import browser from 'webextension-polyfill';
import { buildCard } from '../core/card.ts';
import { dataset } from '../data/index.ts';
import { messageTables } from '../shared/i18n-bundle.ts';
import { handle, sendToTab } from '../shared/messages.ts';
import { followLanguageSetting } from './language.ts';
import { clearPausesOnRestart } from './session-pause.ts';
import { forgetTab, nextTopSite, recordFrame, tabReport } from './tab-state.ts';
import { showOnToolbar } from './toolbar.ts';

/** How long a frame that cannot see its page's origin may wait for the page's content script to start. */
const TOP_SITE_WAIT_MS = 5000;

followLanguageSetting();

handle({
	'ping': () => ({ version: browser.runtime.getManifest().version, dataVersion: dataset.meta.version }),
	'page-report': async (report, sender) => {
		const tabId = sender.tab?.id;
		if (tabId === undefined) return undefined;
		await recordFrame(tabId, sender.frameId ?? 0, report);
		await showOnToolbar(tabId, await tabReport(tabId));
		return undefined;
	},
	'tab-report': ({ tabId }) => tabReport(tabId),
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

// A navigation starts a new page: its count starts from zero.
browser.tabs.onUpdated.addListener((tabId, change) => {
	if (change.status === 'loading') {
		void forgetTab(tabId).then(() => showOnToolbar(tabId, null));
	}
});
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

clearPausesOnRestart();

// The first managed-storage read in a Chromium session can take seconds; doing it here, when the
// worker starts, means pages and the popup find it fast.
void browser.storage.managed.get(null).catch(() => undefined);
