/**
 * The toolbar button: the number of distinct vendors on the tab, and a dimmed
 * icon when badges are off there.
 */
import browser from 'webextension-polyfill';
import type { PageReport } from '../shared/protocol.ts';
import icon16 from '../../icons/icon-16.png?url';
import icon32 from '../../icons/icon-32.png?url';
import iconOff16 from '../../icons/icon-off-16.png?url';
import iconOff32 from '../../icons/icon-off-32.png?url';

const ICON = { 16: icon16, 32: icon32 };
const ICON_OFF = { 16: iconOff16, 32: iconOff32 };

export async function showOnToolbar(tabId: number, report: PageReport | null): Promise<void> {
	const distinct = new Set(report?.vendors.map((vendor) => vendor.vendor) ?? []).size;
	const active = report?.active ?? true;
	try {
		await browser.action.setBadgeText({ tabId, text: active && distinct > 0 ? String(distinct) : '' });
		await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b4a6b' });
		await browser.action.setIcon({ tabId, path: active ? ICON : ICON_OFF });
	} catch {
		// The tab closed between the report and now: nothing to update.
	}
}
