/**
 * The toolbar button of each tab: the count of distinct vendors, its
 * tooltip, and a dimmed icon when badges are off there (see toolbar-view.ts).
 */
import browser from '../shared/browser-api.ts';
import type { PageReport } from '../shared/protocol.ts';
import icon16 from '../../icons/icon-16.png?url';
import icon32 from '../../icons/icon-32.png?url';
import iconOff16 from '../../icons/icon-off-16.png?url';
import iconOff32 from '../../icons/icon-off-32.png?url';
import { toolbarView } from './toolbar-view.ts';

const ICON = { 16: icon16, 32: icon32 };
const ICON_OFF = { 16: iconOff16, 32: iconOff32 };
/** White text on this slate blue has a contrast ratio above 9:1. */
const BADGE_COLOUR = '#3b4a6b';

export async function showOnToolbar(tabId: number, report: PageReport | null): Promise<void> {
	const view = toolbarView(report);
	try {
		await Promise.all([
			browser.action.setBadgeText({ tabId, text: view.text }),
			browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }),
			browser.action.setTitle({ tabId, title: view.title }),
			browser.action.setIcon({ tabId, path: view.dimmed ? ICON_OFF : ICON }),
		]);
	} catch {
		// The tab closed between the report and now: nothing to update.
	}
}
